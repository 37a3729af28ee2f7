/*
 * blocks.c - the reading order of a page segmented by Tesseract (alphabetic scripts): its
 * blocks in Tesseract's own order, moved only where a headline over several columns
 * says they must be.
 *
 *   rec_blocks_keep    items in Tesseract's block order, under the headlines' constraints
 *   head_spans         a headline heads two columns or more
 *   starts_under       a body region starts under a headline, over its width
 *   must_precede       one item must be read before another
 *   rec_blocks_read_twice  a line two overlapping blocks both read, dropped from the smaller
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
 * Those constraints (and the text of other articles above a spanning headline before it,
 * in any column), an article's headline before its body text and its captions after the
 * rest of it, and the folio first and page notes last, are the only moves;
 * every other pair of blocks keeps Tesseract's order (a stable topological sort: among the
 * blocks free to come next, the first in Tesseract's order). Pages segmented by Tesseract
 * add their blocks in Tesseract's order, so a region's index is that order (regions the
 * coverage check added come after them, so they take part in no constraint: a speck held
 * back behind them would hold its headline's whole article back). Two articles under
 * spanning headlines that stand level are read left first where Tesseract's order and
 * newsocr's rules disagree, and a line two overlapping blocks both read is kept once.
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

/* True when headline g stands level with headline h and left of it: their rows overlap
 * and g ends before h starts (EDGE_SLACK body heights of ragged edge). */
static int level_left_of(const nocr_region *g, const nocr_region *h, int body)
{
    return rec_overlap(rec_y0(g), rec_y1(g), rec_y0(h), rec_y1(h)) > 0 &&
           rec_x1(g) <= rec_x0(h) + EDGE_SLACK * body;
}

/* True when a must be read before b: the folio before all, notes after all; a region
 * above a spanning headline, over its width or of another article, before it; the
 * headline before a region
 * under it; the whole of an article before the whole of one newsocr's rules read after
 * it whose spanning headline stands level with its own, to its right (level[] over
 * narts x narts, see rec_blocks_keep). spans[k] tells whether items[k] is a spanning
 * headline. */
static int must_precede(const rec_item *items, const unsigned char *spans,
                        const unsigned char *level, int narts, size_t ia, size_t ib, int body)
{
    const rec_item *a = &items[ia], *b = &items[ib];
    if ((a->article == REC_ARTICLE_FOLIO) != (b->article == REC_ARTICLE_FOLIO))
        return a->article == REC_ARTICLE_FOLIO;
    if ((a->article == REC_ARTICLE_NOTES) != (b->article == REC_ARTICLE_NOTES))
        return b->article == REC_ARTICLE_NOTES;
    const nocr_region *ra = a->r, *rb = b->r;
    /* ink the coverage check read after recognition (a speck, a photo's texture) is
     * appended after Tesseract's blocks: as a region above a spanning headline it would
     * hold the headline, and its article, back to its own late place (Latin fresh seed
     * 20261201731: a speck in a photo held an article behind the next, CER 0.32 against
     * plain tesseract's 0.07). The cost: where the coverage check read real text Tesseract
     * missed (a band of lines under a fold, tuning seed 3106) it no longer holds the
     * headline under it back, and is read after all of Tesseract's blocks (0.45 -> 0.58) */
    if (nocr_region_origin(ra) == NOCR_ORIGIN_COVERAGE ||
        nocr_region_origin(rb) == NOCR_ORIGIN_COVERAGE)
        return 0;
    /* an article's captions come after the rest of it, as on pages newsocr segments
     * (items.c): Tesseract reads a caption where it stands, between the column under its
     * photo and the next, and the paragraph running on from one column into the next was
     * cut by it (Latin tuning pages 20261213200-279: 7 of the 10 pages with a photo) */
    int own = a->article == b->article && a->article >= 0 && a->article < narts;
    int a_caption = nocr_region_role(ra) == NOCR_ROLE_CAPTION;
    int b_caption = nocr_region_role(rb) == NOCR_ROLE_CAPTION;
    if (own && a_caption != b_caption)
        return b_caption;
    /* an article's headline comes before its body text, wherever the text stands: a
     * headline over the last of its article's columns, or centred over the middle one,
     * has text beside it that Tesseract reads first (Latin tuning seeds
     * 20261226300-323: mean CER 0.146 -> 0.132, 8 pages better, 1 worse; held out
     * 20261226330-353: 0.152 -> 0.123, 13 better, 1 worse, where a subheadline taken for
     * a headline took a column into its article) */
    if (own && nocr_region_role(ra) == NOCR_ROLE_HEADLINE &&
        rec_role_rank(nocr_region_role(rb)) == RANK_BODY)
        return 1;
    if (a->article >= 0 && a->article < narts && b->article >= 0 && b->article < narts &&
        level[a->article * narts + b->article])
        return 1;
    /* the text of an article above the headline of an article read after it (a column
     * that runs on beside a lower article) comes first. Under a spanning headline only,
     * at first; any article since a headline over the last or middle of its columns comes
     * before all its text (above): Tesseract's order read such an article's first column
     * on down through the articles under it, which then came before its headline (Latin
     * tuning seeds 20261226300-323: mean CER 0.132 -> 0.123, 3 pages better, 1 worse;
     * held out 20261226330-353: 0.123 -> 0.099, 2 better by 30 points or more, 1 worse) */
    if (a->article >= 0 && a->article < narts && b->article >= 0 && b->article < narts &&
        a->article < b->article && nocr_region_role(rb) == NOCR_ROLE_HEADLINE &&
        rec_y1(ra) <= rec_y0(rb) + EDGE_SLACK * body)
        return 1;
    /* text above a spanning headline is read before it: over its width, and, since the
     * headline opens a new band of the page, the text of other articles in any column
     * (Tesseract reads a column partition down through several articles: Latin fresh seed
     * 20261204053 read its first column to the foot of the page before the rest of the top
     * article, CER 0.57 against 0.38). Measured, the other articles' text: tuning pages
     * (Latin, 20261202500-599 and 20261204000-099) 0.192 -> 0.168, 5 of 32 better by 11-23
     * points; held out (20261205000-099) 0.207 -> 0.182, 3 of 13 better; none worse. */
    int x_shared = rec_overlap(rec_x0(ra), rec_x1(ra), rec_x0(rb), rec_x1(rb)) > 0;
    if (spans[ib] && (x_shared || a->article != b->article) &&
        rec_y1(ra) <= rec_y0(rb) + EDGE_SLACK * body)
        return 1;
    /* the headline before the text under it, over its width or of its own article in a
     * column beside it */
    return (x_shared || own) && spans[ia] && rec_y0(rb) >= rec_y1(ra) - EDGE_SLACK * body;
}

int rec_blocks_keep(rec_work *w, const nocr_page *page, int body)
{
    size_t n = w->nitems, np = nocr_page_region_count(page);
    rec_item *items = w->items, *out = calloc(n ? n : 1, sizeof(*out));
    size_t *index = calloc(n ? n : 1, sizeof(*index));
    unsigned char *spans = calloc(n ? n : 1, 1), *done = calloc(n ? n : 1, 1);
    unsigned char *holds = calloc(n ? n * n : 1, 1); /* holds[j * n + i]: j before i */
    int narts = w->narts;
    unsigned char *level = calloc((size_t)narts * (size_t)narts + 1, 1);
    size_t *art_head = malloc(((size_t)narts + 1) * sizeof(*art_head)); /* top spanning */
    int rc = NOCR_OK;
    if (!out || !index || !spans || !done || !holds || !level || !art_head) {
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory (block order)");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < np; k++)
            if (nocr_page_region(page, k) == items[i].r)
                index[i] = k;
        spans[i] = nocr_region_role(items[i].r) == NOCR_ROLE_HEADLINE &&
                   head_spans(items, n, items[i].r, body);
    }
    /* level[x * narts + y]: article x is read whole before article y where Tesseract's
     * order reads y's spanning headline first but newsocr's rules read x first and x's
     * spanning headline stands level with y's, to its left: two articles side by side,
     * read left to right (Latin fresh seed 20261201731: Tesseract's layout analysis of the
     * working image gave the right one first, CER 0.32 against plain tesseract's 0.07).
     * Where Tesseract agrees nothing is added: an item of x that Tesseract reads late
     * (a piece the coverage check added) would hold all of y back behind it. */
    for (int x = 0; x < narts; x++)
        art_head[x] = n;
    for (size_t i = 0; i < n; i++) {
        int x = items[i].article;
        if (spans[i] && x >= 0 && x < narts &&
            (art_head[x] == n || rec_y0(items[i].r) < rec_y0(items[art_head[x]].r)))
            art_head[x] = i;
    }
    for (int x = 0; x < narts; x++)
        for (int y = x + 1; y < narts; y++)
            level[x * narts + y] = art_head[x] < n && art_head[y] < n &&
                                   index[art_head[x]] > index[art_head[y]] &&
                                   level_left_of(items[art_head[x]].r, items[art_head[y]].r, body);
    /* the constraints, each pair once: j before i when it must be and i need not be
     * before j */
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            holds[j * n + i] = j != i && must_precede(items, spans, level, narts, j, i, body) &&
                               !must_precede(items, spans, level, narts, i, j, body);
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
    free(level);
    free(art_head);
    return rc;
}

/* A line is read twice when at least READ_TWICE_SHARE of its box lies inside a larger line
 * of another region: Tesseract's blocks are polygons, newsocr reads a body block as its
 * bounding rectangle, and where two blocks' rectangles overlap (an L-shaped block, a
 * block cut by a fold's crease) the same print is read in both (Latin fresh seed
 * 20261201745: 284 characters read twice, CER 0.23 against plain tesseract's 0.17). The
 * larger line holds the print: the smaller one (a piece of it) is dropped. */
#define READ_TWICE_SHARE 0.6

/* True when line a of region ra is read again in a larger line of another region. */
static int read_elsewhere(const nocr_page *page, const nocr_region *ra, const nocr_line *a)
{
    nocr_box ab = nocr_line_box(a);
    long long area = rec_box_area(ab);
    if (area == 0)
        return 0;
    for (size_t k = 0; k < nocr_page_region_count(page); k++) {
        const nocr_region *rb = nocr_page_region(page, k);
        if (rb == ra || !nocr_role_is_text(nocr_region_role(rb)))
            continue;
        for (size_t j = 0; j < nocr_region_line_count(rb); j++) {
            nocr_box bb = nocr_line_box(nocr_region_line(rb, j));
            if (rec_box_area(bb) > area &&
                (double)rec_box_overlap(ab, bb) >= READ_TWICE_SHARE * (double)area)
                return 1;
        }
    }
    return 0;
}

void rec_blocks_read_twice(nocr_page *page)
{
    rec_drop_lines_where(page, read_elsewhere);
}
