/*
 * paragraphs.c - paragraph starts, and paragraphs that run on into the next column or past
 * a photo.
 *
 *   rec_paragraphs   marks the lines that start a paragraph, the regions that continue one
 *   column_edges     left and right edge of an article's column, straightened
 *   deskew_of        the rotation that straightens the page
 *   straight_x       a line edge's x on the straightened page
 *
 * A body line starts a paragraph when it is indented (Chinese text: 2 em) or when the line
 * before it in reading order ends short; otherwise it continues the paragraph, also
 * across a column break or a photo. Headlines, bylines, captions and section headings are
 * one paragraph each.
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

/* Left and right edge of a line as they would be on the straightened page: on a skewed
 * scan the lines of a column drift sideways from top to bottom, which would read as
 * indents (rotation by the scan's skew about the page centre, at the line's middle). */
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

/* The edges of the column of items[i]: the extremes of the straightened lines of the body
 * regions of its article and column. */
static void column_edges(int *out_left, int *out_right, const rec_deskew *d, const rec_item *items,
                         size_t n, size_t i)
{
    int left = INT_MAX, right = 0;
    for (size_t j = 0; j < n; j++) {
        const nocr_region *r = items[j].r;
        if (items[j].article != items[i].article || items[j].column != items[i].column ||
            nocr_region_role(r) != NOCR_ROLE_BODY)
            continue;
        for (size_t k = 0, nl = nocr_region_line_count(r); k < nl; k++) {
            nocr_box b = nocr_line_box(nocr_region_line(r, k));
            int x0 = straight_x(d, b.x, &b), x1 = straight_x(d, b.x + b.w, &b);
            left = x0 < left ? x0 : left;
            right = x1 > right ? x1 : right;
        }
    }
    *out_left = left;
    *out_right = right;
}

void rec_paragraphs(const nocr_page *page, const rec_item *items, size_t n, int body)
{
    rec_deskew d = deskew_of(page);
    const nocr_line *prev = NULL; /* the last body line of the flow, NULL after a break */
    int prev_right = 0, prev_end = 0, prev_article = INT_MIN; /* no article yet */
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
            prev = NULL;
            prev_article = items[i].article;
            if (!is_body)
                continue;
        }
        int left, right;
        column_edges(&left, &right, &d, items, n, i);
        for (size_t k = 0; k < nlines; k++) {
            nocr_line *line = nocr_region_line(r, k);
            nocr_box b = nocr_line_box(line);
            int indented = straight_x(&d, b.x, &b) - left >= INDENT * body;
            int after_short = prev && prev_right - prev_end > SHORT_END_NUM * body / SHORT_END_DEN;
            nocr_line_set_starts_paragraph(line, !prev || indented || after_short);
            prev = line;
            prev_right = right;
            prev_end = straight_x(&d, b.x + b.w, &b);
        }
        int starts = nocr_line_starts_paragraph(nocr_region_line(r, 0));
        nocr_region_set_continues(r, i > 0 && !starts);
        prev_article = items[i].article;
    }
}
