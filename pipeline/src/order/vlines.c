/*
 * vlines.c - the columns of a vertical region in reading order: right to left.
 *
 *   rec_vlines_sort   every vertical text region of the page
 *   lines_order       the reading order of one region's lines (an index permutation)
 *   line_before       one column read before another
 *
 * A vertical region's lines are its columns; every export reads a region's lines in the
 * order they are stored. Segmentation may store them left to right (the order it finds
 * them in); the reader takes them right to left, and two pieces of one column (above and
 * below a photo) top to bottom. The page API has no call that moves a line, so a region
 * out of order gets copies of its lines in reading order and loses the originals.
 */
#include "order/order.h"

/* Column a is read before column b: pieces of one column (x-ranges overlapping by more
 * than half the narrower, as items.c's columns) top first, else the one further right. */
static int line_before(nocr_box a, nocr_box b)
{
    int w = a.w < b.w ? a.w : b.w;
    if (2 * rec_overlap(a.x, a.x + a.w, b.x, b.x + b.w) > w)
        return a.y < b.y;
    return a.x + a.w > b.x + b.w;
}

/* Fills idx (n entries) with the region's line indices in reading order (insertion sort:
 * stable, and a handful of columns per region). Returns 1 when that differs from the
 * stored order. Columns are compared straightened (upright.c): on a skewed scan the boxes
 * of neighbouring columns overlap by most of their width. */
static int lines_order(size_t *idx, const nocr_page *page, const nocr_region *r, size_t n)
{
    int moved = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = i;
        nocr_box b = rec_upright_box(page, nocr_line_box(nocr_region_line(r, i)));
        while (k > 0) {
            const nocr_line *prev = nocr_region_line(r, idx[k - 1]);
            if (!line_before(b, rec_upright_box(page, nocr_line_box(prev))))
                break;
            idx[k] = idx[k - 1];
            k--;
            moved = 1;
        }
        idx[k] = i;
    }
    return moved;
}

int rec_vlines_sort(nocr_page *page)
{
    size_t cap = 0, *idx = NULL;
    int error = NOCR_OK;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n && error == NOCR_OK; i++) {
        nocr_region *r = nocr_page_region(page, i);
        size_t nl = nocr_region_line_count(r);
        if (nocr_region_direction(r) != NOCR_DIR_VERTICAL || nl < 2 ||
            !nocr_role_is_text(nocr_region_role(r)))
            continue;
        if (nl > cap) {
            free(idx);
            cap = nl;
            if (!(idx = malloc(cap * sizeof(*idx)))) {
                error = nocr_error_set(NOCR_ENOMEM, "out of memory (order of columns)");
                break;
            }
        }
        if (!lines_order(idx, page, r, nl))
            continue;
        for (size_t k = 0; k < nl && error == NOCR_OK; k++)
            error = nocr_line_copy(r, nocr_region_line(r, idx[k]));
        /* On failure the copies go (the region as it was); else the originals. */
        size_t at = error == NOCR_OK ? 0 : nl;
        while (nocr_region_line_count(r) > nl)
            nocr_region_remove_line(r, at);
    }
    free(idx);
    return error;
}
