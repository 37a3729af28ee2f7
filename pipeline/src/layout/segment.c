/*
 * segment.c - the layout stage: a preprocessed image in, a page model of regions and lines
 * out (newsocr's own layout analysis; the steps are in lines.c, blocks.c, regions.c and
 * roles.c, listed in layout.h).
 *
 *   nocr_segment            a new page model with one region per block part found
 *   seg_text_image          the 1-bit text image: preprocessing's, or the gray thresholded
 *   seg_body_size           the body height: preprocessing's, else measured here
 *   seg_measure_body        body height measured on the text image, at any resolution
 *   seg_page_read           what the steps read of the image, through newsocr.h
 *   seg_page_add_regions    the regions found, with their lines, into the page model
 *
 * The image is read only through newsocr.h (nocr_image_work_*), so a segmenter of one's
 * own can replace this one; everything here is in working pixels until it is written into
 * the page, where boxes are mapped to original pixels and the working boxes kept
 * (nocr_region_set_work_box) for recognition.
 */
#include "layout/layout.h"

#include "layout/direction.h"

/* With binarize = 0 preprocessing leaves no binary image (and finds no photos or rules):
 * the gray is thresholded here at Leptonica's usual middle gray (pixConvertTo1). Good
 * enough to find the lines of a clean page; that mode is for comparing binarizations, and
 * recognition reads the gray anyway. */
#define GRAY_THRESHOLD 128

/* The 1-bit text image into *out (the caller's, pixDestroy): preprocessing's, which has
 * photos and rules removed, or else the working gray thresholded at GRAY_THRESHOLD. */
static int seg_text_image(PIX **out, const nocr_image *img)
{
    PIX *pixb = nocr_image_work_binary(img), *pixg = nocr_image_work_gray(img);
    *out = NULL;
    if (!pixb && !pixg)
        return nocr_error_set(NOCR_EINVAL, "%s: segment needs a preprocessed image",
                              nocr_image_source(img));
    *out = pixb ? pixClone(pixb) : pixConvertTo1(pixg, GRAY_THRESHOLD);
    if (!*out)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout)", nocr_image_source(img));
    return NOCR_OK;
}

/* seg_measure_body: components of character shape (at least BODY_MIN_CHAR_H px tall and
 * 2 wide, less than BODY_CHAR_ASPECT times as wide as tall) give h0, the height at rank
 * 3/4 (the big ones are whole characters, the small ones their parts); a horizontal
 * closing of BODY_CLOSE_H * h0 merges them into line fragments, and the median height of
 * the fragments that look like pieces of lines (wider than BODY_FRAG_ASPECT times their
 * height, h0/2 to 3 h0 tall) is the body height (h0 when there are none). Chosen by hand
 * on the 26 samples (commit 961334b), within 1-2 px of preprocessing's measurement. */
#define BODY_MIN_CHAR_H  4
#define BODY_CHAR_ASPECT 4
#define BODY_CLOSE_H     0.4
#define BODY_FRAG_ASPECT 3

/* The heights of pixs's 8-connected components, sorted, into *out (malloc'd): with h0 = 0
 * those of character shape, else those of line-fragment shape (see above). Returns their
 * number, 0 when none or on failure. */
static int component_heights(int **out, PIX *pixs, int h0)
{
    BOXA *boxa = pixs ? pixConnCompBB(pixs, 8) : NULL;
    int n = boxa ? boxaGetCount(boxa) : 0, m = 0;
    int *hs = n ? malloc(sizeof(int) * (size_t)n) : NULL;
    for (int i = 0; hs && i < n; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        int keep = h0 == 0 ? h >= BODY_MIN_CHAR_H && w >= 2 && w < BODY_CHAR_ASPECT * h
                           : w > BODY_FRAG_ASPECT * h && h >= h0 / 2 && h <= 3 * h0;
        if (keep)
            hs[m++] = h;
    }
    boxaDestroy(&boxa);
    if (m > 0)
        qsort(hs, (size_t)m, sizeof(int), seg_cmp_int);
    *out = hs;
    return m;
}

/* Body character height of pixb (1 bpp) in its own pixels, 0 when it holds no ink.
 *
 * Why a second measurement beside preprocessing's (nocr_prep_body_size): this one runs
 * only when preprocessing measured nothing (enhance = 0; never on the golden pages, which
 * use the default enhance = 1), on the scan at its own resolution. Preprocessing's is tuned
 * to its 150 ppi analysis image (a fixed 9 px closing, and 2 px steps after the 2x
 * reduction): on the scans as they are it read 6-101 px on p08, p12, p21 (this one 33-44),
 * and on its reduced analysis image it is off by up to 5 px, which on p04's tight gutters
 * joins columns: with --no-enhance over the 10 golden pages the mean CER went from 0.414
 * to 0.451 (p04 order-free error 0.08 to 0.44). This one scales its closing with the
 * characters it finds, so it holds at any resolution. */
int seg_measure_body(PIX *pixb)
{
    int *hs = NULL;
    int m = component_heights(&hs, pixb, 0);
    int h0 = m > 0 ? hs[(m * 3) / 4] : 0;
    free(hs);
    if (h0 == 0)
        return 0;
    PIX *pixc = pixCloseSafeBrick(NULL, pixb, (int)(BODY_CLOSE_H * h0) | 1, 1);
    m = component_heights(&hs, pixc, h0);
    pixDestroy(&pixc);
    int body = m > 0 ? hs[m / 2] : h0;
    free(hs);
    return body;
}

/* Body text height in working pixels: preprocessing's measurement when it made one (the
 * one every later stage reads, through the page; it reads rows and columns alike), else
 * seg_measure_body on pixb, turned for a page of columns (seg_vertical_body); 0 when the
 * page shows no text. */
static int seg_body_size(const nocr_image *img, PIX *pixb, nocr_direction_mode mode)
{
    int body = nocr_image_work_body_size(img);
    return body > 0 ? body : seg_vertical_body(pixb, seg_measure_body(pixb), mode);
}

/* A horizontal "rule" that runs from the left edge of the image to the right one (within
 * a body height) is a fold's crease or a scanner's streak, not print: a printed rule
 * stops at the page's margins (the full-width rules of the vertical samples and of the
 * tuning seeds 7100-7123 start 2.6-4.3 body heights in from the image's edges; the
 * creases of 7106 and 7115 touch both). Found as a rule, a crease across a vertical tier
 * cut each of its columns in two, read as two tiers (7106, 7115: tau 0.60 and 0.90); on a
 * horizontal page one across an advertisement's box cut its headline from its text, and
 * the box was no frame (tuning seed 20261211227). It is left out of the layout. */
static int rule_is_fold(const seg_rule *r, const seg_page *sp)
{
    return !r->vertical && r->box.x <= sp->body && r->box.x + r->box.w >= sp->width - sp->body;
}

/* Fills sp from the image (figures and rules copied, working pixels; folds left out). */
static int seg_page_read(seg_page *sp, const nocr_image *img, PIX *pixb, int body)
{
    *sp = (seg_page){
        nocr_image_source(img),       body, pixGetWidth(pixb),         pixGetHeight(pixb), NULL,
        nocr_image_figure_count(img), NULL, nocr_image_rule_count(img)};
    sp->figures = calloc(sp->nfigures + 1, sizeof(*sp->figures));
    sp->rules = calloc(sp->nrules + 1, sizeof(*sp->rules));
    if (!sp->figures || !sp->rules)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout)", sp->source);
    for (size_t i = 0; i < sp->nfigures; i++)
        sp->figures[i] = nocr_image_work_figure(img, i);
    size_t n = 0;
    for (size_t i = 0; i < sp->nrules; i++) {
        seg_rule *r = &sp->rules[n];
        r->box = nocr_image_work_rule(img, i, &r->vertical);
        n += !rule_is_fold(r, sp);
    }
    sp->nrules = n;
    return NOCR_OK;
}

static nocr_box box_of(const seg_box *b)
{
    return (nocr_box){b->x0, b->y0, seg_box_w(b), seg_box_h(b)};
}

/* Gives a region the lines found inside its box (working pixels): lines on one row (the
 * parts of a folio line) become one; boxes are mapped to original pixels, the working ones
 * kept, text is left to recognition. Lines are in reading order within the region. */
static int seg_region_add_lines(nocr_region *region, const seg_lines *lines, const seg_box *rb,
                                const nocr_image *img)
{
    seg_box *mine = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < lines->n; i++) {
        const seg_box *b = &lines->v[i].box;
        if (!seg_centre_in(b, rb))
            continue;
        size_t j = 0;
        while (j < n && !seg_same_row(&mine[j], b))
            j++;
        if (j < n) {
            seg_box_union(&mine[j], b);
            continue;
        }
        if (NOCR_ARRAY_GROW(mine, cap, n + 1))
            return NOCR_ENOMEM;
        mine[n++] = *b;
    }
    /* top to bottom (insertion sort: a region has few lines) */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && mine[j].y0 < mine[j - 1].y0; j--) {
            seg_box t = mine[j];
            mine[j] = mine[j - 1];
            mine[j - 1] = t;
        }
    int rc = NOCR_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        nocr_line *line = NULL;
        nocr_box wb = box_of(&mine[i]);
        rc = nocr_region_add_line(&line, region, nocr_image_box_to_original(img, wb), NULL, -1.0f);
        if (!rc)
            nocr_line_set_work_box(line, wb);
    }
    free(mine);
    return rc;
}

static int cmp_line_block(const void *a, const void *b)
{
    const seg_line *x = a, *y = b;
    if (x->block != y->block)
        return (x->block > y->block) - (x->block < y->block);
    return seg_line_cmp_top(a, b);
}

/* Steps 4 and roles: the lines (sorted here by block, each block top to bottom, large
 * text first) cut into regions. Returns 0 or NOCR_ENOMEM (no message). */
int seg_find_regions(seg_regions *out, seg_lines *lines, const seg_page *sp)
{
    if (lines->n > 1) /* v is NULL on a page without lines */
        qsort(lines->v, lines->n, sizeof(*lines->v), cmp_line_block);
    for (size_t i = 0, j; i < lines->n; i = j) {
        for (j = i; j < lines->n && lines->v[j].block == lines->v[i].block;)
            j++;
        int rc = lines->v[i].block < 0 ? seg_headlines(out, lines->v + i, j - i, sp)
                                       : seg_block_regions(out, lines->v + i, j - i, sp);
        if (rc)
            return rc;
    }
    seg_roles(out, sp);
    return NOCR_OK;
}

/* Writes the regions (but those dropped), with their lines, then the photos and rules into
 * the page, in original pixels. */
static int seg_page_add_regions(nocr_page *page, const seg_regions *regions,
                                const seg_lines *lines, const seg_page *sp, const nocr_image *img)
{
    int rc = NOCR_OK;
    for (size_t i = 0; i < regions->n && !rc; i++) {
        nocr_region *region;
        nocr_box wb = box_of(&regions->v[i].box);
        if (regions->v[i].role == NOCR_ROLE_UNKNOWN)
            continue;
        rc = nocr_page_add_region(&region, page, regions->v[i].role,
                                  nocr_image_box_to_original(img, wb));
        if (!rc) {
            nocr_region_set_work_box(region, wb);
            rc = seg_region_add_lines(region, lines, &regions->v[i].box, img);
        }
    }
    for (size_t f = 0; f < sp->nfigures && !rc; f++)
        rc = nocr_page_add_region(NULL, page, NOCR_ROLE_FIGURE,
                                  nocr_image_box_to_original(img, sp->figures[f]));
    for (size_t r = 0; r < sp->nrules && !rc; r++)
        rc = nocr_page_add_region(NULL, page, NOCR_ROLE_SEPARATOR,
                                  nocr_image_box_to_original(img, sp->rules[r].box));
    return rc;
}

/* A new page of the image's original size, with its source, resolution and skew. */
static int seg_page_new(nocr_page **out, const nocr_image *img)
{
    int rc = nocr_page_new(out, nocr_image_width(img), nocr_image_height(img));
    if (!rc)
        rc = nocr_page_set_source(*out, nocr_image_source(img), nocr_image_index(img));
    if (rc)
        return rc;
    nocr_page_set_dpi(*out, nocr_image_dpi(img));
    nocr_page_set_skew(*out, nocr_image_skew(img), nocr_image_skew_confidence(img));
    return NOCR_OK;
}

int nocr_segment(nocr_page **out, const nocr_image *img)
{
    return nocr_segment_direction(out, img, NOCR_DIRECTION_AUTO);
}

int nocr_segment_direction(nocr_page **out, const nocr_image *img, nocr_direction_mode mode)
{
    if (!out || !img)
        return nocr_error_set(NOCR_EINVAL, "nocr_segment: NULL argument");
    *out = NULL;
    nocr_page *page = NULL;
    PIX *pixb = NULL;
    seg_page sp = {0};
    seg_lines lines = {NULL, 0, 0};
    seg_regions regions = {NULL, 0, 0};
    seg_vregions vregions = {NULL, 0, 0};
    int rc = seg_text_image(&pixb, img);
    if (!rc)
        rc = seg_page_read(&sp, img, pixb, seg_body_size(img, pixb, mode));
    if (!rc)
        rc = seg_page_new(&page, img);
    if (rc)
        goto cleanup;
    /* A blank page (no body size) has no text, only its photos and rules. */
    if (sp.body > 0 && (rc = seg_find_lines(&lines, pixb, &sp)))
        goto cleanup;
    if (sp.body > 0 && seg_find_regions(&regions, &lines, &sp)) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout)", sp.source);
        goto cleanup;
    }
    /* vertical text: its regions replace the horizontal pass's (vertical.c) */
    if (sp.body > 0 && (rc = seg_vertical(&vregions, &regions, &lines, pixb, &sp, mode)))
        goto cleanup;
    if ((rc = seg_page_add_regions(page, &regions, &lines, &sp, img)) ||
        (rc = seg_page_add_vertical(page, &vregions, img)))
        goto cleanup;
    /* The one body height of the page, in original pixels: every later length rule is a
     * multiple of it (float arithmetic, as the scale is stored). */
    nocr_page_set_body_height(page, (int)((float)sp.body / (float)nocr_image_scale(img) + 0.5f));

cleanup:
    pixDestroy(&pixb);
    free(sp.figures);
    free(sp.rules);
    free(lines.v);
    free(regions.v);
    seg_vregions_free(&vregions);
    if (rc) {
        nocr_page_free(page);
        return rc;
    }
    *out = page;
    return NOCR_OK;
}
