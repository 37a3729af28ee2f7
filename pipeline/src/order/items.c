/*
 * items.c - the order inside an article: headline, subheadline, byline, the body column by
 * column, the captions.
 *
 *   rec_items_sort        every text region in reading order
 *   rec_item_add          a region taken into the reading order
 *   role_in_columns       the roles read in column order
 *   rec_role_rank         a role's place inside its article
 *   columns_find          column clusters of an article's body
 *   item_cmp              the order of two items (qsort)
 *
 * The body is read column by column, each top to bottom, so text above and below a photo
 * is read in sequence and section headings stay in place; the captions come after the
 * body, top to bottom (in the order of their photos).
 */
#include "order/order.h"

#include <limits.h>

rec_rank rec_role_rank(nocr_role role)
{
    switch (role) {
    case NOCR_ROLE_HEADLINE:
        return RANK_HEADLINE;
    case NOCR_ROLE_SUBHEADLINE:
        return RANK_SUBHEADLINE;
    case NOCR_ROLE_BYLINE:
        return RANK_BYLINE;
    case NOCR_ROLE_CAPTION:
        return RANK_CAPTION;
    default:
        return RANK_BODY;
    }
}

/* 1 when the role is read in column order: body text and section headings. */
static int role_in_columns(nocr_role role)
{
    return rec_role_rank(role) == RANK_BODY;
}

/* Column clusters of an article's body items: items whose x-ranges overlap by more than
 * half the narrower one share a column (half: a column's lines and a heading centred in
 * it overlap by far more, two neighbouring columns not at all). Sets each item's column
 * and its rank, the column's left edge, so that columns are read left to right. */
static void columns_find(rec_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        items[i].column = -1;
    int ncol = 0;
    for (size_t i = 0; i < n; i++) {
        if (items[i].column >= 0)
            continue;
        items[i].column = ncol;
        int cx0 = rec_x0(items[i].r), cx1 = rec_x1(items[i].r);
        for (int changed = 1; changed;) {
            changed = 0;
            for (size_t j = 0; j < n; j++) {
                if (items[j].column >= 0)
                    continue;
                int x0 = rec_x0(items[j].r), x1 = rec_x1(items[j].r);
                int w = x1 - x0 < cx1 - cx0 ? x1 - x0 : cx1 - cx0;
                if (2 * rec_overlap(cx0, cx1, x0, x1) > w) {
                    items[j].column = ncol;
                    cx0 = x0 < cx0 ? x0 : cx0;
                    cx1 = x1 > cx1 ? x1 : cx1;
                    changed = 1;
                }
            }
        }
        ncol++;
    }
    for (int c = 0; c < ncol; c++) {
        int left = INT_MAX;
        for (size_t i = 0; i < n; i++)
            if (items[i].column == c && rec_x0(items[i].r) < left)
                left = rec_x0(items[i].r);
        for (size_t i = 0; i < n; i++)
            if (items[i].column == c)
                items[i].rank = left;
    }
}

/* Article order; inside one, rank; the body by column; then top, then left. */
static int item_cmp(const void *pa, const void *pb)
{
    const rec_item *a = pa, *b = pb;
    if (a->article != b->article)
        return (a->article > b->article) - (a->article < b->article);
    rec_rank ra = rec_role_rank(nocr_region_role(a->r)),
             rb = rec_role_rank(nocr_region_role(b->r));
    if (ra != rb)
        return (ra > rb) - (ra < rb);
    if (ra == RANK_BODY && a->rank != b->rank)
        return (a->rank > b->rank) - (a->rank < b->rank);
    int ay = rec_y0(a->r), by = rec_y0(b->r);
    if (ay != by)
        return (ay > by) - (ay < by);
    int ax = rec_x0(a->r), bx = rec_x0(b->r);
    return (ax > bx) - (ax < bx);
}

int rec_items_sort(rec_work *w)
{
    rec_item *items = w->items, *col = NULL;
    size_t n = w->nitems;
    /* Each item's article becomes the article's order (folio and notes keep their keys). */
    for (size_t i = 0; i < n; i++) {
        int a = items[i].article;
        if (a >= 0 && a < w->narts) {
            items[i].article = w->arts[a].order;
            nocr_region_set_article(items[i].r, w->arts[a].order);
        }
    }
    if (!(col = calloc(n ? n : 1, sizeof(*col))))
        return nocr_error_set(NOCR_ENOMEM, "out of memory (reading order of columns)");
    /* Column clusters per article, among its body and section-heading items; col keeps
     * them in the order of items. */
    for (int a = 0; a < w->narts; a++) {
        size_t nc = 0;
        for (size_t i = 0; i < n; i++)
            if (items[i].article == a && role_in_columns(nocr_region_role(items[i].r)))
                col[nc++] = items[i];
        columns_find(col, nc);
        for (size_t c = 0, i = 0; c < nc; c++) {
            while (items[i].r != col[c].r)
                i++;
            items[i].column = col[c].column;
            items[i].rank = col[c].rank;
        }
    }
    free(col);
    qsort(items, n, sizeof(*items), item_cmp);
    for (size_t i = 0; i < n; i++)
        nocr_region_set_order(items[i].r, (int)i);
    return NOCR_OK;
}

rec_item *rec_item_add(rec_work *w, nocr_region *r)
{
    nocr_role role = nocr_region_role(r);
    nocr_region_set_order(r, -1);
    nocr_region_set_article(r, -1);
    if (!nocr_role_is_text(role) || role == NOCR_ROLE_UNKNOWN || nocr_region_line_count(r) == 0)
        return NULL;
    rec_item *it = &w->items[w->nitems++];
    *it = (rec_item){r, REC_NO_OWNER, 0, 0};
    return it;
}
