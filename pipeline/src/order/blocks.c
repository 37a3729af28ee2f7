/*
 * blocks.c - the reading order of a page segmented by Tesseract (alphabetic scripts): its
 * blocks in Tesseract's own order, moved only where a headline over several columns
 * says they must be.
 *
 *   rec_blocks_keep    items in Tesseract's block order, under the headlines' constraints
 *   head_spans         a headline heads two columns or more
 *   starts_under       a body region starts under a headline, over its width
 *   must_precede       one item must be read before another
 *
 * On Latin pages newsocr's article rules lost to Tesseract's plain order on 43% of the
 * tuning pages (26 of 60, seeds 3100-3129 and 3400-3429, by more than a point of CER): a
 * pull quote, a section heading or a line of body text taken for a headline starts an
 * article that takes the column under it away from its own. Tesseract reads each column
 * partition top to bottom, right except where a headline over two columns or more cuts the
 * columns: the column's text above the headline is read before it, the text under it
 * after; and a column that runs down the page beside a lower article (Tesseract reads it
 * after its neighbours, through several articles) gives the text of an article under a
 * spanning headline before the headline of an article newsocr's rules read after it.
 * Those constraints, and the folio first and page notes last, are the only moves;
 * every other pair of blocks keeps Tesseract's order (a stable topological sort: among the
 * blocks free to come next, the first in Tesseract's order). Pages segmented by Tesseract
 * add their blocks in Tesseract's order, so a region's index is that order (regions the
 * coverage check added come after them).
 * Measured (mean CER; pages more than a point worse than plain tesseract): tuning seeds
 * 3100-3129 0.256 -> 0.288 (13 -> 7), 3400-3429 0.258 -> 0.197 (13 -> 4); held out
 * 3200-3219 0.196 -> 0.196 (8 -> 4).
 */
#include "order/order.h"

#include <stdlib.h>

/* A headline heads columns when at least two body regions side by side (x-ranges apart)
 * start under it, over its width, within SPAN_REACH body heights of its foot (room for a
 * subheadline and a byline between). */
#define SPAN_REACH 6 /* body heights */

/* A region is above (below) a headline when its foot (top) is within EDGE_SLACK body
 * heights past the headline's top (foot): a ragged box edge. */
#define EDGE_SLACK 1 /* body heights */

/* True when body region a starts under headline h, over its width (see SPAN_REACH). */
static int starts_under(const nocr_region *a, const nocr_region *h, int body)
{
    return nocr_region_role(a) == NOCR_ROLE_BODY && rec_y0(a) >= rec_y1(h) - EDGE_SLACK * body &&
           rec_y0(a) <= rec_y1(h) + SPAN_REACH * body &&
           rec_overlap(rec_x0(a), rec_x1(a), rec_x0(h), rec_x1(h)) > 0;
}

/* True when headline h heads two columns or more: two body regions, side by side, start
 * under it. */
static int head_spans(const rec_item *items, size_t n, const nocr_region *h, int body)
{
    for (size_t i = 0; i < n; i++) {
        const nocr_region *a = items[i].r;
        if (!starts_under(a, h, body))
            continue;
        for (size_t j = 0; j < n; j++)
            if (rec_x0(items[j].r) >= rec_x1(a) && starts_under(items[j].r, h, body))
                return 1;
    }
    return 0;
}

/* True when a must be read before b: the folio before all, notes after all; a region
 * above a spanning headline, over its width, before it; the headline before a region
 * under it. spans[k] tells whether items[k] is a spanning headline. */
static int must_precede(const rec_item *items, const unsigned char *spans,
                        const unsigned char *art_spans, int narts, size_t ia, size_t ib, int body)
{
    const rec_item *a = &items[ia], *b = &items[ib];
    if ((a->article == REC_ARTICLE_FOLIO) != (b->article == REC_ARTICLE_FOLIO))
        return a->article == REC_ARTICLE_FOLIO;
    if ((a->article == REC_ARTICLE_NOTES) != (b->article == REC_ARTICLE_NOTES))
        return b->article == REC_ARTICLE_NOTES;
    const nocr_region *ra = a->r, *rb = b->r;
    /* the text of an article under a spanning headline, above the headline of an article
     * read after it (a column that runs on beside a lower article), comes first */
    if (a->article >= 0 && a->article < narts && art_spans[a->article] && b->article >= 0 &&
        b->article < narts && a->article < b->article &&
        nocr_region_role(rb) == NOCR_ROLE_HEADLINE && rec_y1(ra) <= rec_y0(rb) + EDGE_SLACK * body)
        return 1;
    if (rec_overlap(rec_x0(ra), rec_x1(ra), rec_x0(rb), rec_x1(rb)) <= 0)
        return 0;
    if (spans[ib] && rec_y1(ra) <= rec_y0(rb) + EDGE_SLACK * body)
        return 1;
    if (spans[ia] && rec_y0(rb) >= rec_y1(ra) - EDGE_SLACK * body)
        return 1;
    return 0;
}

int rec_blocks_keep(rec_work *w, const nocr_page *page, int body)
{
    size_t n = w->nitems, np = nocr_page_region_count(page);
    rec_item *items = w->items, *out = calloc(n ? n : 1, sizeof(*out));
    size_t *index = calloc(n ? n : 1, sizeof(*index));
    unsigned char *spans = calloc(n ? n : 1, 1), *done = calloc(n ? n : 1, 1);
    unsigned char *holds = calloc(n ? n * n : 1, 1); /* holds[j * n + i]: j before i */
    int narts = w->narts;
    unsigned char *art_spans = calloc((size_t)narts + 1, 1);
    int rc = NOCR_OK;
    if (!out || !index || !spans || !done || !holds || !art_spans) {
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory (block order)");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < np; k++)
            if (nocr_page_region(page, k) == items[i].r)
                index[i] = k;
        spans[i] = nocr_region_role(items[i].r) == NOCR_ROLE_HEADLINE &&
                   head_spans(items, n, items[i].r, body);
        if (spans[i] && items[i].article >= 0 && items[i].article < narts)
            art_spans[items[i].article] = 1;
    }
    /* the constraints, each pair once: j before i when it must be and i need not be
     * before j */
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            holds[j * n + i] = j != i &&
                               must_precede(items, spans, art_spans, narts, j, i, body) &&
                               !must_precede(items, spans, art_spans, narts, i, j, body);
    for (size_t k = 0; k < n; k++) {
        size_t pick = n, first = n; /* first: the earliest left, for a cycle */
        for (size_t i = 0; i < n; i++) {
            if (done[i])
                continue;
            if (first == n || index[i] < index[first])
                first = i;
            int blocked = 0;
            for (size_t j = 0; j < n && !blocked; j++)
                blocked = !done[j] && holds[j * n + i];
            if (!blocked && (pick == n || index[i] < index[pick]))
                pick = i;
        }
        if (pick == n)
            pick = first;
        done[pick] = 1;
        out[k] = items[pick];
    }
    for (size_t k = 0; k < n; k++) {
        items[k] = out[k];
        nocr_region_set_order(items[k].r, (int)k);
    }

cleanup:
    free(out);
    free(index);
    free(spans);
    free(done);
    free(holds);
    free(art_spans);
    return rc;
}
