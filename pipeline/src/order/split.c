/*
 * split.c - a region cut where a byline starts in it, or where a photo's caption lies in
 * its columns.
 *
 *   rec_split_bylines  every horizontal text region holding a headline and its byline,
 *                      every vertical body region holding a caption's rows
 *   byline_at          the line of a region where its byline starts, 0 when none
 *   split_region       a region's lines from a byline on, moved to regions of their own
 *   rows_box           the box around a vertical region's rows (lines set across)
 *   caption_rows       the rows of a vertical body region that are a photo's caption
 *   split_rows         those rows moved to a caption region of their own
 *   lines_box          the box (or work box) around some of a region's lines
 *   keep_after         the page's regions reordered: every new piece after its region
 *
 * Tesseract's layout analysis (pages in alphabetic scripts) gives a one-column headline
 * in small type and the byline under it as one block ("Their teacher / By Emma Grant",
 * fresh seed 20261204080). Sized by its median line the block is body text or a deck:
 * the article has no headline, and its text goes to the article above. The byline's
 * words tell where the block changes: the lines above it are its headline, the line is
 * the byline, and lines under it, if any, the body.
 *
 * On a vertical page the layout can take a caption set in rows under (or over) a photo in
 * an article's columns for more columns of the body (seeds 20261228303 and 329: two rows
 * of a caption among the columns, read in the middle of the article's paragraph). Rows are
 * lines at least ROW_ASPECT times as wide as they are high; they are a caption when a
 * photo stands right over or under them (CAPTION_REACH body heights) over more than half
 * their width, and the region keeps at least one column.
 */
#include "order/order.h"

#include <limits.h>
#include <stdlib.h>

/* At most HEAD_MAX_LINES lines stand over a byline in a block: a headline's (or deck's)
 * lines. Each is at least BYLINE_SMALLER times as high as the byline's line: the heads
 * over bylines in the Latin tuning pages (20261202500-599, 20261204000-099: 29 blocks)
 * are 1.07-2.4 times as high, a line of body text on the same pages 1.0-1.1 times. */
#define HEAD_MAX_LINES 3
#define BYLINE_SMALLER 1.05

/* Caption rows in a vertical region (see the file comment): a row is at least ROW_ASPECT
 * times as wide as high (a column of one character is about square, of two or more at
 * least twice as high as wide); the photo's edge within CAPTION_REACH body heights of the
 * rows, as a caption is set under its photo (the synthesizer's half an em; the samples' up
 * to one em). By hand. */
#define ROW_ASPECT    2
#define CAPTION_REACH 1

/* The line of horizontal text region r at which a byline under a headline starts (see
 * HEAD_MAX_LINES), 0 when there is none. Captions are left whole: a photo's credit reads
 * like a byline. Only Tesseract's blocks are cut: newsocr's layout parts print of
 * different sizes itself, and where it left a byline with the line over it, that line was
 * a deck's last (fresh seed 20261204003: "届科技节开幕 / 本报记者刘建国"); cut from it,
 * the byline went to another article and the page read worse (0.10 -> 0.43; 21 of the
 * 100 Chinese tuning pages 20261204000-099 moved, both ways, by up to 33 points). Of
 * newsocr's regions only a section heading is cut: a one-column headline in small type
 * with its byline, taken for a heading inside the article above, whose column the
 * article's text then ran on (tuning seed 20270113016); the heading over the byline
 * becomes a headline (roles.c, heads_over_bylines) unless a headline or deck stands over
 * it, which keeps a deck's last line with its deck. */
static size_t byline_at(const nocr_region *r)
{
    size_t n = nocr_region_line_count(r);
    nocr_role role = nocr_region_role(r);
    if (n < 2 || nocr_region_direction(r) == NOCR_DIR_VERTICAL ||
        (nocr_region_origin(r) != NOCR_ORIGIN_TESSERACT && role != NOCR_ROLE_SECTION_HEADING) ||
        (role != NOCR_ROLE_BODY && role != NOCR_ROLE_HEADLINE && role != NOCR_ROLE_SUBHEADLINE &&
         role != NOCR_ROLE_SECTION_HEADING))
        return 0;
    for (size_t j = 1; j <= HEAD_MAX_LINES && j < n; j++) {
        const nocr_line *l = nocr_region_line(r, j);
        if (!rec_text_is_byline(nocr_line_text(l)) || nocr_line_box(l).h <= 0)
            continue; /* a line with no box has no height to compare */
        for (size_t k = 0; k < j; k++)
            if (nocr_line_box(nocr_region_line(r, k)).h < BYLINE_SMALLER * nocr_line_box(l).h)
                return 0;
        return j;
    }
    return 0;
}

/* The box around lines [a, b) of r; their work boxes when `work` (empty if any has
 * none). */
static nocr_box lines_box(const nocr_region *r, size_t a, size_t b, int work)
{
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    for (size_t k = a; k < b; k++) {
        const nocr_line *l = nocr_region_line(r, k);
        nocr_box lb = work ? nocr_line_work_box(l) : nocr_line_box(l);
        if (lb.w <= 0 || lb.h <= 0)
            return (nocr_box){0, 0, 0, 0};
        if (k == a || lb.x < x0)
            x0 = lb.x;
        if (k == a || lb.y < y0)
            y0 = lb.y;
        if (k == a || lb.x + lb.w > x1)
            x1 = lb.x + lb.w;
        if (k == a || lb.y + lb.h > y1)
            y1 = lb.y + lb.h;
    }
    return (nocr_box){x0, y0, x1 - x0, y1 - y0};
}

/* A new region of the page with copies of lines [a, b) of r, its direction and origin.
 * Errors: NOCR_ENOMEM. */
static int piece_add(nocr_page *page, const nocr_region *r, size_t a, size_t b, nocr_role role)
{
    nocr_region *p = NULL;
    int error = nocr_page_add_region(&p, page, role, lines_box(r, a, b, 0));
    if (error < 0)
        return error;
    nocr_region_set_direction(p, nocr_region_direction(r));
    nocr_region_set_origin(p, nocr_region_origin(r));
    nocr_region_set_work_box(p, lines_box(r, a, b, 1));
    for (size_t k = a; k < b && error == NOCR_OK; k++)
        error = nocr_line_copy(p, nocr_region_line(r, k));
    return error;
}

/* Cuts r at line j (its byline): r keeps the lines above, the headline (a section heading
 * unless it was a headline: rec_text_roles makes a section heading over a byline a
 * headline where no headline or deck stands over it); the byline and the lines under it
 * become regions of their own, the latter body. Errors: NOCR_ENOMEM (r is whole, and a
 * piece made before the failure is emptied and left out: no line is read twice). */
static int split_region(nocr_page *page, nocr_region *r, size_t j)
{
    size_t n = nocr_region_line_count(r), before = nocr_page_region_count(page);
    int error = piece_add(page, r, j, j + 1, NOCR_ROLE_BYLINE);
    if (error == NOCR_OK && j + 1 < n)
        error = piece_add(page, r, j + 1, n, NOCR_ROLE_BODY);
    if (error < 0) {
        for (size_t k = before; k < nocr_page_region_count(page); k++) {
            nocr_region_clear_lines(nocr_page_region(page, k));
            nocr_region_set_role(nocr_page_region(page, k), NOCR_ROLE_UNKNOWN);
        }
        return error;
    }
    while (nocr_region_line_count(r) > j)
        nocr_region_remove_line(r, j);
    nocr_region_set_box(r, lines_box(r, 0, j, 0));
    nocr_region_set_work_box(r, lines_box(r, 0, j, 1));
    if (nocr_region_role(r) != NOCR_ROLE_HEADLINE)
        nocr_region_set_role(r, NOCR_ROLE_SECTION_HEADING);
    return NOCR_OK;
}

/* Whether line l of a vertical region is a row of characters (ROW_ASPECT). */
static int is_row(const nocr_line *l)
{
    nocr_box b = nocr_line_box(l);
    return b.h > 0 && b.w >= ROW_ASPECT * b.h;
}

/* The box around the rows of region r (*out), and how many there are. */
static size_t rows_box(const nocr_region *r, nocr_box *out)
{
    size_t rows = 0;
    int x0 = INT_MAX, y0 = INT_MAX, x1 = INT_MIN, y1 = INT_MIN;
    for (size_t k = 0, n = nocr_region_line_count(r); k < n; k++) {
        const nocr_line *l = nocr_region_line(r, k);
        if (!is_row(l))
            continue;
        nocr_box b = nocr_line_box(l);
        rows++;
        x0 = b.x < x0 ? b.x : x0;
        y0 = b.y < y0 ? b.y : y0;
        x1 = b.x + b.w > x1 ? b.x + b.w : x1;
        y1 = b.y + b.h > y1 ? b.y + b.h : y1;
    }
    *out = rows ? (nocr_box){x0, y0, x1 - x0, y1 - y0} : (nocr_box){0, 0, 0, 0};
    return rows;
}

/* Whether the rows of vertical body region r are a photo's caption (see the file comment):
 * some rows, at least one column besides, and a figure over or under the rows' box. */
static int caption_rows(const nocr_page *page, const nocr_region *r, int body)
{
    size_t n = nocr_region_line_count(r);
    if (n < 2 || nocr_region_direction(r) != NOCR_DIR_VERTICAL ||
        nocr_region_role(r) != NOCR_ROLE_BODY)
        return 0;
    nocr_box rb;
    size_t rows = rows_box(r, &rb);
    if (rows == 0 || rows == n)
        return 0;
    int reach = CAPTION_REACH * body, y0 = rb.y, y1 = rb.y + rb.h;
    for (size_t i = 0, m = nocr_page_region_count(page); i < m; i++) {
        const nocr_region *f = nocr_page_region(page, i);
        if (nocr_region_role(f) != NOCR_ROLE_FIGURE ||
            2 * rec_overlap(rec_x0(f), rec_x1(f), rb.x, rb.x + rb.w) <= rb.w)
            continue;
        int under = rec_y1(f) <= y0 + reach && rec_y1(f) >= y0 - reach;
        int over = rec_y0(f) >= y1 - reach && rec_y0(f) <= y1 + reach;
        if (under || over)
            return 1;
    }
    return 0;
}

/* Moves the rows of vertical region r to a horizontal caption region of their own, after
 * the page's regions; r keeps its columns. Errors: NOCR_ENOMEM (r is whole, and the
 * caption made before the failure is emptied and left out: no line is read twice). */
static int split_rows(nocr_page *page, nocr_region *r)
{
    size_t n = nocr_region_line_count(r);
    nocr_region *c = NULL;
    nocr_box rb;
    rows_box(r, &rb);
    int error = nocr_page_add_region(&c, page, NOCR_ROLE_CAPTION, rb);
    if (error < 0)
        return error;
    nocr_region_set_direction(c, NOCR_DIR_HORIZONTAL);
    nocr_region_set_origin(c, nocr_region_origin(r));
    for (size_t k = 0; k < n && error == NOCR_OK; k++)
        if (is_row(nocr_region_line(r, k)))
            error = nocr_line_copy(c, nocr_region_line(r, k));
    if (error < 0) {
        nocr_region_clear_lines(c);
        nocr_region_set_role(c, NOCR_ROLE_UNKNOWN);
        return error;
    }
    for (size_t k = n; k-- > 0;)
        if (is_row(nocr_region_line(r, k)))
            nocr_region_remove_line(r, k);
    n = nocr_region_line_count(r);
    nocr_region_set_box(r, lines_box(r, 0, n, 0));
    nocr_region_set_work_box(r, lines_box(r, 0, n, 1));
    return NOCR_OK;
}

/* Moves the pieces (regions `first` on, parent[k - first] the index of the region each
 * was cut from) to follow their region in the page's order: a page segmented by Tesseract
 * is read in its regions' order where no headline moves them (blocks.c). The orders the
 * regions had are kept. Errors: NOCR_ENOMEM (the page keeps its order). */
static int keep_after(nocr_page *page, size_t first, const size_t *parent)
{
    size_t n = nocr_page_region_count(page);
    int *saved = malloc(n * sizeof(*saved));
    nocr_region **regions = malloc(n * sizeof(*regions));
    if (!saved || !regions) {
        free(saved);
        free(regions);
        return nocr_error_set(NOCR_ENOMEM, "out of memory (bylines)");
    }
    for (size_t i = 0; i < n; i++) {
        regions[i] = nocr_page_region(page, i);
        size_t at = i < first ? i : parent[i - first];
        saved[i] = nocr_region_order(regions[at]); /* a piece has its region's */
        /* the pieces of region `at` after it and in the order they were made */
        nocr_region_set_order(regions[i], (int)(at * n + (i < first ? 0 : i - first + 1)));
    }
    nocr_page_sort_by_order(page);
    for (size_t i = 0; i < n; i++)
        nocr_region_set_order(regions[i], saved[i]);
    free(saved);
    free(regions);
    return NOCR_OK;
}

int rec_split_bylines(nocr_page *page, int body)
{
    size_t n = nocr_page_region_count(page), first = n, *parent = NULL, cap = 0;
    int error = NOCR_OK;
    for (size_t i = 0; i < n && error == NOCR_OK; i++) {
        nocr_region *r = nocr_page_region(page, i);
        size_t j = byline_at(r), before = nocr_page_region_count(page);
        if (j > 0)
            error = split_region(page, r, j);
        else if (caption_rows(page, r, body))
            error = split_rows(page, r);
        else
            continue;
        size_t after = nocr_page_region_count(page);
        if (error == NOCR_OK && NOCR_ARRAY_GROW(parent, cap, after - first))
            error = nocr_error_set(NOCR_ENOMEM, "out of memory (bylines)");
        for (size_t k = before; k < after && error == NOCR_OK; k++)
            parent[k - first] = i;
    }
    if (error == NOCR_OK && nocr_page_region_count(page) > first)
        error = keep_after(page, first, parent);
    free(parent);
    return error;
}
