/*
 * paragraphs.c - paragraph starts, and paragraphs that run on into the next column or past
 * a photo.
 *
 *   rec_paragraphs   marks the lines that start a paragraph, the regions that continue one
 *   rec_starts_indented  whether a region's first line is indented
 *   lines_mark_h     the lines of a horizontal body region
 *   lines_mark_v     the columns of a vertical body region (issue 12)
 *   column_edges     left and right edge of an article's column, straightened
 *   own_edges        left and right edge of a region's own lines, straightened
 *   deskew_of        the rotation that straightens the page
 *   straight_x       a line edge's x on the straightened page
 *
 * A body line starts a paragraph when it is indented (Chinese text: 2 em) or when the line
 * before it in reading order ends short; otherwise it continues the paragraph, also
 * across a column break or a photo. Headlines, bylines, captions and section headings are
 * one paragraph each. Vertical text the same way turned a quarter: a column starts a
 * paragraph when its first character stands lower than its neighbours' or the column
 * before it ends short, and runs on across column and tier breaks.
 */
#include "order/order.h"

#include <limits.h>
#include <math.h>

/* A line starts a paragraph when its left edge is at least INDENT body heights right of
 * its column's: the samples indent by 2 em (samples/README.md), and half of that leaves
 * room for the straightening error of a skewed scan (p11, p12: +2.5 and -3 degrees) and a
 * line whose first character Tesseract's box starts late. By hand in 961334b. */
#define INDENT 1 /* body heights */

/* A line ends short, and the next one starts a paragraph, when it ends more than
 * SHORT_END_NUM / SHORT_END_DEN body heights before its column's right edge: justified
 * lines reach the edge within a fraction of a character; a paragraph whose last line
 * misses it by a single character is not seen (its next line's indent usually is). By
 * hand in 961334b; paragraph integrity 96% on the 26 samples (5c8ebe3). */
#define SHORT_END_NUM 3
#define SHORT_END_DEN 2

/* Vertical text (issue 12). em is the column's width (a column is one character wide; a
 * column of narrow glyphs under half a body height wide takes the body height instead).
 * A column is indented when its first character's top stands at least INDENT_V_NUM /
 * INDENT_V_DEN em below the highest top among its neighbours (up to VNEIGHBOURS columns on
 * each side in its region): paragraphs are indented 1-2 em, and a character whose ink
 * starts low in its cell (一, a flat stroke at mid-height) starts up to about 0.45 em down,
 * so 0.7 em parts the two. A column ends short when its last character's bottom stands
 * more than SHORT_END_NUM / SHORT_END_DEN em above the lowest bottom among its neighbours,
 * the rule of horizontal lines: 。 and ， sit in the upper right of their cell, so a full
 * column ending with one misses the bottom by up to about 0.6 em. A region of one column
 * has no neighbours: its indent and short end go unseen (it runs on). By hand, from the
 * type's geometry; checked on the synthetic layouts of test_order_vertical.c only (no
 * vertical sample page yet). */
#define INDENT_V_NUM 7
#define INDENT_V_DEN 10
#define VNEIGHBOURS  2

/* Left and right edge of a line as they would be on the straightened page: on a skewed
 * scan the lines of a column drift sideways from top to bottom, which would read as
 * indents (rotation by the scan's skew about the page centre, at the line's middle). The
 * top and bottom of a column likewise drift along a tier: vertical columns are
 * straightened whole (rec_upright_box). */
typedef struct rec_deskew {
    double c, s, cx, cy;
} rec_deskew;

static rec_deskew deskew_of(const nocr_page *page)
{
    double a = -nocr_page_skew(page) * 3.14159265358979 / 180.0;
    rec_deskew d = {cos(a), sin(a), nocr_page_width(page) / 2.0, nocr_page_height(page) / 2.0};
    return d;
}

static int straight_x(const rec_deskew *d, int x, const nocr_box *b)
{
    double y = b->y + b->h / 2.0;
    return (int)(d->cx + (x - d->cx) * d->c - (y - d->cy) * d->s + 0.5);
}

/* Where the flow of an article's body stands after its last line: open (a body line came
 * before, no heading or article break since) and whether that line ended short. */
typedef struct rec_flow {
    int open, ended_short;
} rec_flow;

/* The edges of the column of items[i]: the extremes of the straightened lines of the body
 * regions of its article and column. Regions of one line count only when the column has
 * no other: a line the coverage check added alone, a headline of large type read as body
 * (fresh Latin seed 20270112010: 1033 px wide over a column of 780), set the column's
 * right edge past every line of the block under it, and each of its lines ended short, a
 * paragraph each. */
static void column_edges(int *out_left, int *out_right, const rec_deskew *d, const rec_item *items,
                         size_t n, size_t i)
{
    int left = INT_MAX, right = 0;
    for (int lone = 0; lone < 2 && right == 0; lone++)
        for (size_t j = 0; j < n; j++) {
            const nocr_region *r = items[j].r;
            size_t nl = nocr_region_line_count(r);
            if (items[j].article != items[i].article || items[j].column != items[i].column ||
                nocr_region_role(r) != NOCR_ROLE_BODY || (nl < 2) != lone)
                continue;
            for (size_t k = 0; k < nl; k++) {
                nocr_box b = nocr_line_box(nocr_region_line(r, k));
                int x0 = straight_x(d, b.x, &b), x1 = straight_x(d, b.x + b.w, &b);
                left = x0 < left ? x0 : left;
                right = x1 > right ? x1 : right;
            }
        }
    *out_left = left;
    *out_right = right;
}

/* The edges of region r's own straightened lines (a horizontal region of a vertical page,
 * where columns are the vertical text's). */
static void own_edges(int *out_left, int *out_right, const rec_deskew *d, const nocr_region *r)
{
    int left = INT_MAX, right = 0;
    for (size_t k = 0, nl = nocr_region_line_count(r); k < nl; k++) {
        nocr_box b = nocr_line_box(nocr_region_line(r, k));
        int x0 = straight_x(d, b.x, &b), x1 = straight_x(d, b.x + b.w, &b);
        left = x0 < left ? x0 : left;
        right = x1 > right ? x1 : right;
    }
    *out_left = left;
    *out_right = right;
}

int rec_starts_indented(const nocr_page *page, const nocr_region *r, int body)
{
    size_t nl = nocr_region_line_count(r);
    if (nl < 2 || nocr_region_direction(r) == NOCR_DIR_VERTICAL)
        return 0;
    rec_deskew d = deskew_of(page);
    int left, right;
    own_edges(&left, &right, &d, r);
    nocr_box b = nocr_line_box(nocr_region_line(r, 0));
    for (size_t k = 1; k < nl; k++) {
        nocr_box o = nocr_line_box(nocr_region_line(r, k));
        b = o.y < b.y ? o : b;
    }
    return straight_x(&d, b.x, &b) - left >= INDENT * body;
}

/* Marks the lines of horizontal body region r, whose column has the straightened edges
 * left and right, and moves the flow on. */
static void lines_mark_h(nocr_region *r, const rec_deskew *d, int left, int right, int body,
                         rec_flow *flow)
{
    for (size_t k = 0, nlines = nocr_region_line_count(r); k < nlines; k++) {
        nocr_line *line = nocr_region_line(r, k);
        nocr_box b = nocr_line_box(line);
        int indented = straight_x(d, b.x, &b) - left >= INDENT * body;
        nocr_line_set_starts_paragraph(line, !flow->open || indented || flow->ended_short);
        flow->open = 1;
        flow->ended_short =
            right - straight_x(d, b.x + b.w, &b) > SHORT_END_NUM * body / SHORT_END_DEN;
    }
}

/* Whether a region other than r (a photo, its caption, a heading) stands in column b's way
 * on side `below` (0: above b's top, 1: under its foot), within the reach of b's
 * neighbours (between ref, the highest top or lowest foot among them, and b's own end, give
 * or take half an em), over more than half of b's width: the column starts under it or
 * ends over it, and how far down it starts or how far up it ends says nothing of a
 * paragraph (tuning seed 20261228318: a column under a photo and its caption, run on from
 * the full column before it, started a paragraph of its own). Boxes straightened. */
static int column_obstructed(const nocr_page *page, const nocr_region *r, nocr_box b, int ref,
                             int em, int below)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *s = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(s);
        if (s == r || role == NOCR_ROLE_SEPARATOR || role == NOCR_ROLE_UNKNOWN)
            continue;
        nocr_box o = rec_upright_box(page, nocr_region_box(s));
        if (2 * rec_overlap(o.x, o.x + o.w, b.x, b.x + b.w) <= b.w)
            continue;
        int in_way = below ? o.y >= b.y + b.h - em / 2 && o.y < ref
                           : o.y + o.h <= b.y + em / 2 && o.y + o.h > ref;
        if (in_way)
            return 1;
    }
    return 0;
}

/* Marks the columns of vertical body region r (in reading order, right to left) and moves
 * the flow on: the rules of INDENT_V and SHORT_END, against the neighbouring columns; not
 * where something stands in the column's way (column_obstructed). */
static void lines_mark_v(const nocr_page *page, nocr_region *r, int body, rec_flow *flow)
{
    size_t nlines = nocr_region_line_count(r);
    for (size_t k = 0; k < nlines; k++) {
        nocr_line *line = nocr_region_line(r, k);
        /* straightened whole (upright.c): a skewed column's box is wider by its length
         * times the skew's sine, which would be taken for its em */
        nocr_box b = rec_upright_box(page, nocr_line_box(line));
        int top = b.y, bottom = b.y + b.h;
        int ref_top = top, ref_bottom = bottom;
        size_t lo = k > VNEIGHBOURS ? k - VNEIGHBOURS : 0;
        for (size_t j = lo; j < nlines && j <= k + VNEIGHBOURS; j++) {
            if (j == k)
                continue;
            nocr_box o = rec_upright_box(page, nocr_line_box(nocr_region_line(r, j)));
            int t = o.y, e = o.y + o.h;
            ref_top = t < ref_top ? t : ref_top;
            ref_bottom = e > ref_bottom ? e : ref_bottom;
        }
        int em = 2 * b.w >= body ? b.w : body;
        int indented = INDENT_V_DEN * (top - ref_top) >= INDENT_V_NUM * em &&
                       !column_obstructed(page, r, b, ref_top, em, 0);
        nocr_line_set_starts_paragraph(line, !flow->open || indented || flow->ended_short);
        flow->open = 1;
        flow->ended_short = SHORT_END_DEN * (ref_bottom - bottom) > SHORT_END_NUM * em &&
                            !column_obstructed(page, r, b, ref_bottom, em, 1);
    }
}

void rec_paragraphs(const nocr_page *page, const rec_item *items, size_t n, int body, int vertical)
{
    rec_deskew d = deskew_of(page);
    rec_flow flow = {0, 0};
    int prev_article = INT_MIN; /* no article yet */
    for (size_t i = 0; i < n; i++) {
        nocr_region *r = items[i].r;
        size_t nlines = nocr_region_line_count(r);
        int is_body = nocr_region_role(r) == NOCR_ROLE_BODY;
        nocr_region_set_continues(r, 0);
        if (nlines == 0)
            continue;
        if (!is_body || items[i].article != prev_article) {
            /* headlines, bylines, captions...: each region one paragraph */
            for (size_t k = 0; k < nlines; k++)
                nocr_line_set_starts_paragraph(nocr_region_line(r, k), k == 0);
            flow.open = 0;
            prev_article = items[i].article;
            if (!is_body)
                continue;
        }
        int left, right;
        if (vertical && nocr_region_direction(r) == NOCR_DIR_VERTICAL) {
            lines_mark_v(page, r, body, &flow);
        } else {
            if (vertical)
                own_edges(&left, &right, &d, r);
            else
                column_edges(&left, &right, &d, items, n, i);
            lines_mark_h(r, &d, left, right, body, &flow);
        }
        int starts = nocr_line_starts_paragraph(nocr_region_line(r, 0));
        nocr_region_set_continues(r, i > 0 && !starts);
        prev_article = items[i].article;
    }
}
