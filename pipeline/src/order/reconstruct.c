/*
 * reconstruct.c - reading order, articles, captions and paragraphs, on the page model alone.
 *
 *   nocr_reconstruct   the whole stage, step by step (the steps live in the other files of
 *                      order/, see order.h)
 *   body_height        the length every rule of the stage is measured in
 *   rec_warnings       warnings for layouts the rules only partly fit
 *
 * Rules (a reader of a Chinese broadsheet):
 *   - The folio line comes first and page notes last, outside every article (roles.c).
 *   - A headline owns the text beneath it, in the columns it spans, down to a horizontal
 *     rule or the next headline; text beside a headline that spans only part of its
 *     article belongs to it too; text no headline owns joins the nearest article of its
 *     band (owners.c). Articles side by side are read left to right, never interleaved; an
 *     article below another in the same columns comes after it (articles.c).
 *   - Inside an article: headline, subheadline, byline, then the body column by column
 *     (each top to bottom, so text above and below a photo is read in sequence, section
 *     headings in place), then the captions, in the order of their photos (items.c).
 *   - A body line starts a paragraph when it is indented (Chinese text: 2 em) or when the
 *     line before it in reading order ends short; otherwise it continues the paragraph,
 *     also across a column break or a photo (paragraphs.c).
 * All lengths are in body text heights (nocr_page_body_height), so the rules hold at any
 * resolution. A page whose body text is mostly set in vertical columns takes the rules of
 * vertical.c instead (tiers, right to left), and its columns are put right to left
 * (vlines.c); horizontal pages never meet them.
 */
#include "order/order.h"

#include <stdio.h>

/* The body height when the page has none (no segmenter set it and no region is body
 * text: a page of headlines and captions built by hand): 40 px is 9-10.5 pt type (37-44
 * px) at 300 dpi, the resolution of most of the samples. Only the rules' reach depends on
 * it; no sample page takes this path (the segmenter set 24-46 px on all 26).
 * nocr_page_body_height also gives 0 when it runs out of memory measuring a hand-built
 * page; the default then stands in for it. */
#define BODY_HEIGHT_DEFAULT 40

static int body_height(const nocr_page *page)
{
    int body = nocr_page_body_height(page);
    return body > 0 ? body : BODY_HEIGHT_DEFAULT;
}

/* Warnings for pages whose layout the rules above only partly fit: the text is all
 * there, in the plausible order they give, but a person should look. Errors: NOCR_ENOMEM. */
static int rec_warnings(nocr_page *page, size_t ntext, int nheads)
{
    long long fig = 0, area = (long long)nocr_page_width(page) * nocr_page_height(page);
    size_t nbody = 0, n = nocr_page_region_count(page);
    int error = NOCR_OK;
    for (size_t i = 0; i < n; i++) {
        const nocr_region *r = nocr_page_region(page, i);
        nocr_box b = nocr_region_box(r);
        if (nocr_region_role(r) == NOCR_ROLE_FIGURE)
            fig += (long long)b.w * b.h;
        nbody += nocr_region_role(r) == NOCR_ROLE_BODY && nocr_region_order(r) >= 0;
    }
    if (ntext == 0 && (error = nocr_page_add_warning(page, "no text found on the page")) < 0)
        return error;
    if (area > 0 && 2 * fig > area) {
        char msg[160];
        snprintf(msg, sizeof(msg),
                 "photos cover %lld%% of the page: text printed inside them is not read",
                 100 * fig / area);
        if ((error = nocr_page_add_warning(page, msg)) < 0)
            return error;
    }
    if (nheads == 0 && nbody > 1 &&
        (error = nocr_page_add_warning(page, "no headline found: the text is read as one "
                                             "article, column by column")) < 0)
        return error;
    if (ntext > 0 && nbody == 0)
        error = nocr_page_add_warning(page, "no body text found: only headings and captions");
    return error;
}

/* Every step may change roles, orders and paragraph marks of the page before a later one
 * fails: on an error the page keeps all its regions and text, but not a reading order.
 * keep_blocks: the page's regions are Tesseract's blocks in Tesseract's order, kept
 * where no headline over several columns moves them (blocks.c). */
static int reconstruct(nocr_page *page, int keep_blocks)
{
    rec_work w = {0};
    int error;
    if (!page)
        return nocr_error_set(NOCR_EINVAL, "nocr_reconstruct: NULL page");
    int vertical = rec_page_vertical(page);
    int body = vertical ? rec_vertical_body(page, body_height(page)) : body_height(page);
    /* before the roles: a region read twice is no headline. On vertical pages too: a
     * column of print the page's height taken for headline type read garbage over the
     * columns read surely (fresh seed 20261209113). */
    if (!keep_blocks)
        rec_read_twice(page);
    /* the roles may cut regions: count them after */
    if ((error = rec_text_roles(page, body, !keep_blocks)) < 0)
        goto cleanup;
    size_t n = nocr_page_region_count(page);
    w.items = calloc(n ? n : 1, sizeof(*w.items));
    w.heads = calloc(n ? n : 1, sizeof(*w.heads));
    w.head_art = calloc(n ? n : 1, sizeof(*w.head_art));
    w.arts = calloc(n + 1, sizeof(*w.arts));
    if (!w.items || !w.heads || !w.head_art || !w.arts) {
        error = nocr_error_set(NOCR_ENOMEM, "out of memory (reading order)");
        goto cleanup;
    }
    if (vertical) {
        if ((error = rec_vertical_order(&w, page, body)) < 0 ||
            (error = rec_vlines_sort(page)) < 0)
            goto cleanup;
    } else {
        /* the rules read the boxes as they stand on the straightened page: on a scan
         * skewed by 3 degrees a rule across the page has a box 2.5 body heights tall */
        nocr_box *saved = NULL;
        if ((error = rec_upright_begin(&saved, page)) == NOCR_OK &&
            (error = rec_articles_find(&w, page, body)) == NOCR_OK &&
            (error = rec_articles_order(&w, body)) == NOCR_OK &&
            (error = rec_items_sort(&w)) == NOCR_OK && keep_blocks)
            error = rec_blocks_keep(&w, page, body);
        rec_upright_end(saved, page);
        if (error < 0)
            goto cleanup;
    }
    rec_paragraphs(page, w.items, w.nitems, body, vertical);
    nocr_page_sort_by_order(page);
    error = rec_warnings(page, w.nitems, w.nheads);

cleanup:
    free(w.items);
    free(w.heads);
    free(w.head_art);
    free(w.arts);
    return error;
}

int nocr_reconstruct(nocr_page *page)
{
    return reconstruct(page, 0);
}

int nocr_reconstruct_blocks(nocr_page *page)
{
    if (page)
        rec_blocks_read_twice(page); /* overlapping blocks' rectangles read some print twice */
    return reconstruct(page, 1);
}
