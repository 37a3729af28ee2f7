/*
 * coverage.c - the coverage check: text-like ink that no text region holds becomes a text
 * region of its own, and the share of ink that was read is reported (issue 11: a layout
 * mistake must never lose text).
 *
 *   nocr_ink_find        text-like components of the working binary image
 *   nocr_ink_free
 *   nocr_ink_is_bar      a thin bar (an underline, a rule's remnant), not characters
 *   nocr_ink_is_sliver   a thin tall sliver (a vertical rule's remnant), not characters
 *   nocr_ink_covered     which components the text regions (or recognized lines) hold
 *   nocr_cover_fill      uncovered components grouped into new regions
 *   nocr_cover_drop_short  lines read to far fewer characters than they hold, dropped
 *   nocr_cover_settle    added regions whose reading is noise emptied (photos restored)
 *   nocr_cover_measure   nocr_page_set_coverage
 *
 * static helpers: ink_is_text, line_read_short, cover_mask, group_host, group_rows,
 *                 group_type, words_of_a_row, blocks_near, groups_join, words_join
 *                 (Latin words of large type),
 *                 group_is_column, group_is_headline, group_box, group_add_region,
 *                 hint_in_columns, ink_in_box
 *
 * Everything is in working pixels (the binary image recognition reads); page boxes are
 * mapped with nocr_image_box_to_working where no working box was kept. The rule fails safe:
 * ink that looks like characters and is read by no region is read on its own, wherever it
 * lies; the reading order places it by position (nocr_reconstruct).
 */
#include "layout/coverage.h"

#include "layout/layout.h"
#include "layout/direction.h"
#include <leptonica/allheaders.h>
#include <stdlib.h>
#include <string.h>

/* A component is text-like when it has character size: its longer side at least
 * INK_MIN_EMS of the body height (smaller ones are speckle or the dots of a character,
 * too little ink to matter), its height at most INK_MAX_EMS (headline type on the 26
 * samples and the synthetic pages reaches 4.5 body heights) and its width at most
 * INK_MAX_WIDE_EMS (Latin words in touching or italic type join into one component), and
 * not a thin bar (wider than INK_BAR_ASPECT times its height and thinner than a third of
 * the body height: an underline, a leftover piece of a rule). */
#define INK_MIN_EMS      0.25
#define INK_MAX_EMS      6
#define INK_MAX_WIDE_EMS 12
#define INK_BAR_ASPECT   8

/* Uncovered ink is grouped by a closing of GROUP_CLOSE_X x GROUP_CLOSE_Y body heights:
 * narrower than the tightest gutter (0.6 em, test_segment.c) so that a group never joins
 * two columns, taller than the leading of body text (0.2-0.8 em on the samples) so that
 * the lines of a paragraph form one block. */
#define GROUP_CLOSE_X 0.5
#define GROUP_CLOSE_Y 0.9

/* A group is kept when its box is at least GROUP_MIN_EMS body heights on each side (a
 * character, not a speck). A group taller than GROUP_ONE_LINE times its tallest component
 * has several lines and is read as a block; else it is given one line. */
#define GROUP_MIN_EMS  0.5
#define GROUP_ONE_LINE 1.5

int nocr_ink_is_bar(int w, int h, int body)
{
    return w > INK_BAR_ASPECT * h && 3 * h < body;
}

/* A sliver is narrower than half a body height and taller than 3/2 of one: what a vertical
 * rule leaves, not text. No character is that thin and tall, and a column of vertical
 * text is a body height wide. Pieces of a double rule, or the frames of two boxed articles
 * side by side, that rule detection missed closed into such slivers; taken for body text,
 * one joined the columns on either side into one block (fresh seeds 20261202557,
 * 20261202563: a "line" 12 body heights tall, read as three characters and dropped), and
 * counted as text-like ink that no region read, one brought in Tesseract's block over three
 * columns (held-out seed 20261203811). */
int nocr_ink_is_sliver(int w, int h, int body)
{
    return 2 * w < body && 2 * h > 3 * body;
}

static int ink_is_text(int w, int h, int body)
{
    int longer = w > h ? w : h;
    if (longer < INK_MIN_EMS * body || h > INK_MAX_EMS * body || w > INK_MAX_WIDE_EMS * body)
        return 0;
    return !nocr_ink_is_bar(w, h, body) && !nocr_ink_is_sliver(w, h, body);
}

void nocr_ink_free(nocr_ink *ink)
{
    if (!ink)
        return;
    free(ink->box);
    free(ink->pixels);
    memset(ink, 0, sizeof(*ink));
}

int nocr_ink_find(nocr_ink *out, const nocr_image *img)
{
    memset(out, 0, sizeof(*out));
    PIX *pixb = nocr_image_work_binary(img);
    int body = nocr_image_work_body_size(img);
    if (!pixb || body <= 0)
        return NOCR_OK;
    out->body = body;
    PIXA *pixa = NULL;
    BOXA *boxa = pixConnComp(pixb, &pixa, 8);
    NUMA *na = pixa ? pixaCountPixels(pixa) : NULL;
    int n = boxa ? boxaGetCount(boxa) : 0, rc = NOCR_OK;
    out->box = malloc(sizeof(*out->box) * (size_t)(n + 1));
    out->pixels = malloc(sizeof(*out->pixels) * (size_t)(n + 1));
    if (!boxa || !na || !out->box || !out->pixels) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (coverage)", nocr_image_source(img));
        goto cleanup;
    }
    for (int i = 0; i < n; i++) {
        l_int32 x, y, w, h, px = 0;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        numaGetIValue(na, i, &px);
        if (!ink_is_text(w, h, body))
            continue;
        out->box[out->n] = (nocr_box){x, y, w, h};
        out->pixels[out->n++] = px;
        out->total += px;
    }

cleanup:
    numaDestroy(&na);
    pixaDestroy(&pixa);
    boxaDestroy(&boxa);
    if (rc)
        nocr_ink_free(out);
    return rc;
}

/* A box of the page in working pixels: the kept working box, else the mapped one. */
static nocr_box work_box(const nocr_image *img, nocr_box work, nocr_box original)
{
    return work.w > 0 ? work : nocr_image_box_to_working(img, original);
}

static void mask_set(PIX *mask, nocr_box b, int pad)
{
    pixRasterop(mask, b.x - pad, b.y - pad, b.w + 2 * pad, b.h + 2 * pad, PIX_SET, NULL, 0, 0);
}

/* A line read to far fewer characters than its box holds is dropped before the coverage
 * check: fewer than LINE_READ_MIN of the body-size cells of its box (a headline's
 * characters, two to three body sizes, take 4 to 9 cells each; one character alone is
 * short only at nearly six body sizes). On Chinese seed 20261219313 (180 dpi, a fold)
 * the layout made one "line" of a headline, its byline and two lines of body, 270 px
 * high; it read as "|", and its box counted all of its ink as read: 14 % of the page's
 * text lost. Tesseract's one word there spanned the whole line; the coverage check groups
 * the ink again, and the region, empty, is no host for what it reads. */
#define LINE_READ_MIN 0.03

static int line_read_short(const nocr_line *line, nocr_box wb, int body)
{
    if (body <= 0)
        return 0;
    double cells = (double)wb.w * wb.h / ((double)body * body);
    return (double)nocr_utf8_count(nocr_line_text(line)) < LINE_READ_MIN * cells;
}

/* A 1-bit mask of the working image's size, set where the page's text regions (or their
 * lines with text) lie, grown by pad. NULL when out of memory. */
static PIX *cover_mask(const nocr_page *page, const nocr_image *img, int recognized, int pad)
{
    PIX *pixb = nocr_image_work_binary(img);
    PIX *mask = pixb ? pixCreate(pixGetWidth(pixb), pixGetHeight(pixb), 1) : NULL;
    for (size_t i = 0; mask && i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        if (!nocr_role_is_text(nocr_region_role(r)))
            continue;
        if (!recognized) {
            mask_set(mask, work_box(img, nocr_region_work_box(r), nocr_region_box(r)), pad);
            continue;
        }
        for (size_t k = 0; k < nocr_region_line_count(r); k++) {
            const nocr_line *line = nocr_region_line(r, k);
            if (*nocr_line_text(line))
                mask_set(mask, work_box(img, nocr_line_work_box(line), nocr_line_box(line)), pad);
        }
    }
    return mask;
}

static int center_in(PIX *mask, nocr_box b)
{
    l_uint32 v = 0;
    pixGetPixel(mask, b.x + b.w / 2, b.y + b.h / 2, &v);
    return v != 0;
}

double nocr_ink_covered(unsigned char *covered, const nocr_ink *ink, const nocr_page *page,
                        const nocr_image *img, int recognized)
{
    if (ink->n == 0 || ink->total <= 0)
        return 1.0;
    PIX *mask = cover_mask(page, img, recognized, ink->body / 4);
    long long in = 0;
    for (size_t i = 0; i < ink->n; i++) {
        covered[i] = mask && center_in(mask, ink->box[i]);
        in += covered[i] ? ink->pixels[i] : 0;
    }
    pixDestroy(&mask);
    return (double)in / (double)ink->total;
}

static int cmp_box_top(const void *a, const void *b)
{
    const nocr_box *x = a, *y = b;
    return (x->y > y->y) - (x->y < y->y);
}

/* A group of one line right under a text region of body or caption type, within its
 * column, is that region's last line (a paragraph's short last line that the layout left
 * out): it joins the region rather than becoming one of its own, so that the paragraph
 * stays whole. "Right under": its top at most HOST_GAP_EMS body heights below the
 * region's bottom; "within its column": its sides at most HOST_SIDE_EMS outside the
 * region's. Only before recognition (regions without text yet). */
#define HOST_GAP_EMS  1.2
#define HOST_SIDE_EMS 0.5

static nocr_region *group_host(nocr_page *page, const nocr_image *img, nocr_box wb, int body)
{
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(r);
        if (role != NOCR_ROLE_BODY && role != NOCR_ROLE_CAPTION)
            continue;
        if (nocr_region_line_count(r) == 0 || *nocr_line_text(nocr_region_line(r, 0)))
            continue;
        nocr_box hb = work_box(img, nocr_region_work_box(r), nocr_region_box(r));
        int bottom = hb.y + hb.h, side = (int)(HOST_SIDE_EMS * body);
        if (wb.x >= hb.x - side && wb.x + wb.w <= hb.x + hb.w + side &&
            wb.y >= bottom - body / 2 && wb.y - bottom <= HOST_GAP_EMS * body)
            return r;
    }
    return NULL;
}

/* True when the page has a region of the coverage check with the working box wb and no
 * lines: one that recognition read already and nocr_cover_settle emptied as noise. The
 * check after recognition found the same group again (seed 20261201253: 13 groups, read
 * twice to nothing, 17 s each time); the same box of the same image reads the same. */
static int read_as_noise(const nocr_page *page, nocr_box wb)
{
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        nocr_box b = nocr_region_work_box(r);
        if (nocr_region_origin(r) == NOCR_ORIGIN_COVERAGE && nocr_region_line_count(r) == 0 &&
            nocr_role_is_text(nocr_region_role(r)) && b.x == wb.x && b.y == wb.y && b.w == wb.w &&
            b.h == wb.h)
            return 1;
    }
    return 0;
}

/* A group that is one column of characters stacked down the page (vertical text the
 * layout missed) is given that direction and the column as its line: read as a block
 * across, it came back as a line per character, each a paragraph, and a vertical headline
 * so read was body (tuning seeds 20261221239 and 20261215116: the headline of an article,
 * which then ran on into the one before it; 10 such groups on 5 sets of tuning pages).
 * One column: at least COLUMN_CHARS rows of ink, the group no wider than COLUMN_W times
 * its tallest row, that row no taller than COLUMN_W times the group's width (characters
 * are square: a fold's crease in pieces, one of them a long streak, was read as a
 * vertical headline and started an article of its own, tuning seed 20261219324), and
 * the group at least COLUMN_CHARS - 1 times as tall as it is wide. A column at least
 * NOCR_HEADLINE_EMS body heights wide is a headline. */
#define COLUMN_CHARS 3
#define COLUMN_W     1.5

static int cmp_span(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return (x[0] > y[0]) - (x[0] < y[0]);
}

/* The rows of ink of the components idx[0..n) (n > 0): their vertical spans merged where
 * they overlap. Returns the count (0 when out of memory), the tallest row's height in
 * *tallest and the median's in *median (at most ROWS_MEASURED rows measured). */
#define ROWS_MEASURED 64

static int group_rows(const nocr_ink *ink, const size_t *idx, size_t n, int *tallest, int *median)
{
    int *span = malloc(2 * n * sizeof(*span)), hs[ROWS_MEASURED], nh = 0;
    *tallest = *median = 0;
    if (!span)
        return 0;
    for (size_t k = 0; k < n; k++) {
        span[2 * k] = ink->box[idx[k]].y;
        span[2 * k + 1] = ink->box[idx[k]].y + ink->box[idx[k]].h;
    }
    qsort(span, n, 2 * sizeof(*span), cmp_span);
    int rows = 0, y0 = span[0], y1 = span[1];
    for (size_t k = 1; k <= n; k++) {
        if (k < n && span[2 * k] < y1) {
            y1 = span[2 * k + 1] > y1 ? span[2 * k + 1] : y1;
            continue;
        }
        rows++;
        *tallest = y1 - y0 > *tallest ? y1 - y0 : *tallest;
        if (nh < ROWS_MEASURED)
            hs[nh++] = y1 - y0;
        if (k < n) {
            y0 = span[2 * k];
            y1 = span[2 * k + 1];
        }
    }
    free(span);
    qsort(hs, (size_t)nh, sizeof(int), nocr_cmp_int);
    *median = hs[nh / 2];
    return rows;
}

static int group_is_column(const nocr_ink *ink, const size_t *idx, size_t n, nocr_box wb)
{
    if (n < COLUMN_CHARS || wb.h < (COLUMN_CHARS - 1) * wb.w)
        return 0;
    int tallest, median, rows = group_rows(ink, idx, n, &tallest, &median);
    return rows >= COLUMN_CHARS && wb.w <= COLUMN_W * tallest && tallest <= COLUMN_W * wb.w;
}

/* A group of at most HEAD_ROWS rows across, in rows of headline type (their median height
 * at least NOCR_HEADLINE_EMS body heights) and at least HEAD_ROW_CHARS such heights wide,
 * is a headline: a headline the layout missed, read as body, started no article, and the
 * article under it ran on as the one before (fresh vertical seed 20270104118, a horizontal
 * headline over two vertical columns). A drop cap, one letter, is too narrow. Only on a
 * page in a square script: a row of Latin text, ascenders to descenders, measures 1.6 body
 * heights and more (as order/roles.c's recovered_heads says), and on Latin regress page
 * 20261219628, read by the coverage check under a shadow band, body rows became headlines
 * (CER 0.61 -> 0.70). */
#define HEAD_ROWS      3
#define HEAD_ROW_CHARS 2

static int group_is_headline(const nocr_ink *ink, const size_t *idx, size_t n, nocr_box wb)
{
    if (!ink->square)
        return 0;
    int tallest, median, rows = group_rows(ink, idx, n, &tallest, &median);
    return rows > 0 && rows <= HEAD_ROWS && median >= NOCR_HEADLINE_EMS * ink->body &&
           wb.w >= HEAD_ROW_CHARS * median;
}

/* The box round the components idx[0..n) (n > 0). */
static nocr_box group_box(const nocr_ink *ink, const size_t *idx, size_t n)
{
    nocr_box b = ink->box[idx[0]];
    int x1 = b.x + b.w, y1 = b.y + b.h;
    for (size_t k = 1; k < n; k++) {
        nocr_box c = ink->box[idx[k]];
        b.x = c.x < b.x ? c.x : b.x;
        b.y = c.y < b.y ? c.y : b.y;
        x1 = c.x + c.w > x1 ? c.x + c.w : x1;
        y1 = c.y + c.h > y1 ? c.y + c.h : y1;
    }
    b.w = x1 - b.x;
    b.h = y1 - b.y;
    return b;
}

/* Adds a body region for the components listed in idx[0..n) (all uncovered), marking them
 * covered; nothing when the group is too small to be a word, or when it was read as noise
 * already (read_as_noise). A column of characters is read down (group_is_column); large
 * type is a headline (group_is_column, group_is_headline). *added counts the regions. */
static int group_add_region(nocr_page *page, const nocr_image *img, const nocr_ink *ink,
                            unsigned char *covered, const size_t *idx, size_t n,
                            nocr_origin origin, size_t *added)
{
    if (n == 0)
        return NOCR_OK;
    int tallest = 0;
    for (size_t k = 0; k < n; k++)
        tallest = ink->box[idx[k]].h > tallest ? ink->box[idx[k]].h : tallest;
    nocr_box wb = group_box(ink, idx, n);
    int x1 = wb.x + wb.w, y1 = wb.y + wb.h;
    if (wb.w < GROUP_MIN_EMS * ink->body || wb.h < GROUP_MIN_EMS * ink->body)
        return NOCR_OK;
    int column = group_is_column(ink, idx, n, wb);
    int one_line = column || wb.h <= GROUP_ONE_LINE * tallest, rc;
    nocr_region *region = one_line && !column ? group_host(page, img, wb, ink->body) : NULL;
    if (region) {
        nocr_box hb = work_box(img, nocr_region_work_box(region), nocr_region_box(region));
        int hx1 = hb.x + hb.w > x1 ? hb.x + hb.w : x1, hy1 = hb.y + hb.h > y1 ? hb.y + hb.h : y1;
        hb.x = hb.x < wb.x ? hb.x : wb.x;
        hb.w = hx1 - hb.x;
        hb.h = hy1 - hb.y;
        nocr_region_set_box(region, nocr_image_box_to_original(img, hb));
        nocr_region_set_work_box(region, hb);
    } else if (read_as_noise(page, wb)) {
        for (size_t k = 0; k < n; k++)
            covered[idx[k]] = 1;
        return NOCR_OK;
    } else {
        int head =
            column ? wb.w >= NOCR_HEADLINE_EMS * ink->body : group_is_headline(ink, idx, n, wb);
        nocr_role role = head ? NOCR_ROLE_HEADLINE : NOCR_ROLE_BODY;
        if ((rc = nocr_page_add_region(&region, page, role, nocr_image_box_to_original(img, wb))))
            return rc;
        nocr_region_set_work_box(region, wb);
        nocr_region_set_origin(region, origin);
        if (column)
            nocr_region_set_direction(region, NOCR_DIR_VERTICAL);
    }
    ++*added;
    if (one_line) {
        nocr_line *line = NULL;
        if ((rc = nocr_region_add_line(&line, region, nocr_image_box_to_original(img, wb), NULL,
                                       -1.0f)))
            return rc;
        nocr_line_set_work_box(line, wb);
    }
    for (size_t k = 0; k < n; k++)
        covered[idx[k]] = 1;
    return NOCR_OK;
}

/* The uncovered components grouped by a closing (see GROUP_CLOSE_X/Y; only along the rows
 * when `rows`): boxes of the groups into *out (boxaDestroy), sorted by nothing. NULL when
 * out of memory. */
static BOXA *group_boxes(const nocr_ink *ink, const unsigned char *covered, PIX *pixb, int rows)
{
    PIX *mask = pixCreate(pixGetWidth(pixb), pixGetHeight(pixb), 1);
    for (size_t i = 0; mask && i < ink->n; i++) {
        nocr_box b = ink->box[i];
        if (!covered[i])
            pixRasterop(mask, b.x, b.y, b.w, b.h, PIX_SRC | PIX_DST, pixb, b.x, b.y);
    }
    int cx = (int)(GROUP_CLOSE_X * ink->body) | 1;
    int cy = rows ? 1 : (int)(GROUP_CLOSE_Y * ink->body) | 1;
    PIX *closed = mask ? pixCloseSafeBrick(NULL, mask, cx, cy) : NULL;
    BOXA *boxa = closed ? pixConnCompBB(closed, 8) : NULL;
    pixDestroy(&closed);
    pixDestroy(&mask);
    return boxa;
}

/* Words of large type on a page in an alphabetic script stand further apart than the
 * grouping closes (half a body height): each word of a headline the layout missed became a
 * region of its own, read as a paragraph and placed by position, and the closing down the
 * page joined words of two rows (fresh seeds 20270112010 and 029, Latin: a headline and a
 * subheadline read a word at a time, "Lindqvist" with "key" under it). On such a page the
 * ink is grouped into rows first (closed along only), the words of a row are joined, and
 * then the rows into blocks as the closing would have. Two pieces of rows are words of one
 * row when both are of large type (their tallest components at least WORD_TYPE_EMS body
 * heights: body type is left to the closing, and a line of body beside a headline stays
 * apart), the smaller type is at least WORD_SMALL of the other's (a subheadline beside a
 * headline stays apart), their boxes overlap vertically by half the lower one, their
 * bottoms lie within WORD_BASE of the type (a baseline, or a descender under it), and the
 * white between them is at most WORD_GAP of the type: on 029, "teacher," and "Maria"
 * stand 74 px apart in type 80 px high. */
#define WORD_TYPE_EMS 1.2
#define WORD_SMALL    0.4
#define WORD_BASE     0.35
#define WORD_GAP      1.0

/* The white between two boxes across and down (negative where they overlap). */
static int gap_x(nocr_box a, nocr_box b)
{
    return (a.x > b.x ? a.x : b.x) - (a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w);
}

static int gap_y(nocr_box a, nocr_box b)
{
    return (a.y > b.y ? a.y : b.y) - (a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h);
}

/* The tallest uncovered component with its centre in b. */
static int group_type(const nocr_ink *ink, const unsigned char *covered, nocr_box b)
{
    int tallest = 0;
    for (size_t i = 0; i < ink->n; i++)
        if (!covered[i] && ink->box[i].h > tallest && nocr_box_holds_center(b, ink->box[i]))
            tallest = ink->box[i].h;
    return tallest;
}

static int words_of_a_row(nocr_box a, int ta, nocr_box b, int tb, int body)
{
    int type = ta > tb ? ta : tb, small = ta < tb ? ta : tb;
    if (small < WORD_TYPE_EMS * body || small < WORD_SMALL * type)
        return 0;
    int lower = a.h < b.h ? a.h : b.h;
    return -2 * gap_y(a, b) >= lower && abs((a.y + a.h) - (b.y + b.h)) <= WORD_BASE * type &&
           gap_x(a, b) <= WORD_GAP * type;
}

/* Whether two groups lie as near as the closing joins (GROUP_CLOSE_X/Y). */
static int blocks_near(nocr_box a, int ta, nocr_box b, int tb, int body)
{
    (void)ta;
    (void)tb;
    return gap_x(a, b) <= (int)(GROUP_CLOSE_X * body) &&
           gap_y(a, b) <= (int)(GROUP_CLOSE_Y * body);
}

/* Joins the groups g[0..n) of type (their tallest component) type[] that `near` pairs,
 * until no pair is left; a joined group has width 0. */
static void groups_join(nocr_box *g, int *type, int n, int body,
                        int (*near)(nocr_box, int, nocr_box, int, int))
{
    for (int joined = 1; joined;) {
        joined = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; g[i].w > 0 && j < n; j++)
                if (g[j].w > 0 && near(g[i], type[i], g[j], type[j], body)) {
                    g[i] = nocr_box_union(g[i], g[j]);
                    type[i] = type[i] > type[j] ? type[i] : type[j];
                    g[j].w = 0;
                    joined = 1;
                }
    }
}

/* Joins the rows g[0..n) that are words of one row (words_of_a_row) into one box, then
 * the rows into blocks as the closing would have (blocks_near); a joined group has width
 * 0. */
static void words_join(nocr_box *g, int n, const nocr_ink *ink, const unsigned char *covered)
{
    int *type = malloc(sizeof(*type) * (size_t)(n + 1));
    if (!type)
        return; /* the words stay apart */
    for (int i = 0; i < n; i++)
        type[i] = group_type(ink, covered, g[i]);
    groups_join(g, type, n, ink->body, words_of_a_row);
    groups_join(g, type, n, ink->body, blocks_near);
    free(type);
}

/* Is the group idx[0..n) of a hint box (a block of Tesseract's) set in columns: more
 * than one column (one is group_add_region's to read down), its ink running in columns
 * (seg_ink_direction over HINT_COLUMNS)? Tesseract's layout analysis reads vertical text
 * as rows: columns left uncovered beside a photo were given one region across them all,
 * read across as junk, where the grouping by proximity makes each column a region read
 * down (mixed tuning seed 20261229221: CER 0.16 -> 0.20 when the photo's halftone,
 * smoothed for the analysis, no longer hid the block). Such a group is left to that
 * grouping. */
#define HINT_COLUMNS 0.5

static int hint_in_columns(const nocr_image *img, const nocr_ink *ink, const size_t *idx, size_t n)
{
    PIX *pixb = nocr_image_work_binary(img);
    if (n == 0 || !pixb)
        return 0;
    nocr_box wb = group_box(ink, idx, n);
    seg_box b = {wb.x, wb.y, wb.x + wb.w, wb.y + wb.h};
    return !group_is_column(ink, idx, n, wb) &&
           seg_ink_direction(pixb, &b, ink->body) > HINT_COLUMNS;
}

int nocr_cover_fill(nocr_page *page, const nocr_image *img, const nocr_ink *ink,
                    unsigned char *covered, const nocr_box *hints, size_t nhints,
                    nocr_origin hint_origin, size_t *added)
{
    size_t count = 0, n = 0, *idx = malloc(sizeof(*idx) * (ink->n + 1));
    BOXA *groups = NULL;
    nocr_box *gboxes = NULL;
    int rc = idx ? NOCR_OK : NOCR_ENOMEM;
    for (size_t h = 0; h < nhints && !rc; h++) {
        n = 0;
        for (size_t i = 0; i < ink->n; i++)
            if (!covered[i] && nocr_box_holds_center(hints[h], ink->box[i]))
                idx[n++] = i;
        if (!hint_in_columns(img, ink, idx, n))
            rc = group_add_region(page, img, ink, covered, idx, n, hint_origin, &count);
    }
    size_t uncovered = 0;
    for (size_t i = 0; !rc && i < ink->n; i++)
        uncovered += !covered[i];
    if (!rc && uncovered > 0) {
        groups = group_boxes(ink, covered, nocr_image_work_binary(img), !ink->square);
        int ng = groups ? boxaGetCount(groups) : 0;
        gboxes = groups ? malloc(sizeof(*gboxes) * (size_t)(ng + 1)) : NULL;
        if (!gboxes)
            rc = NOCR_ENOMEM;
        for (int g = 0; gboxes && g < ng; g++)
            boxaGetBoxGeometry(groups, g, &gboxes[g].x, &gboxes[g].y, &gboxes[g].w, &gboxes[g].h);
        if (gboxes && !ink->square)
            words_join(gboxes, ng, ink, covered);
        if (gboxes)
            qsort(gboxes, (size_t)ng, sizeof(*gboxes), cmp_box_top); /* regions top down */
        for (int g = 0; !rc && g < ng; g++) {
            if (gboxes[g].w == 0)
                continue;
            n = 0;
            for (size_t i = 0; i < ink->n; i++)
                if (!covered[i] && nocr_box_holds_center(gboxes[g], ink->box[i]))
                    idx[n++] = i;
            rc = group_add_region(page, img, ink, covered, idx, n, NOCR_ORIGIN_COVERAGE, &count);
        }
    }
    boxaDestroy(&groups);
    free(gboxes);
    free(idx);
    if (added)
        *added = count;
    if (rc == NOCR_ENOMEM)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (coverage)", nocr_image_source(img));
    return rc;
}

/* Black pixels of the working binary image inside a working box. */
static int ink_in_box(const nocr_image *img, nocr_box b)
{
    PIX *pixb = nocr_image_work_binary(img);
    BOX *box = pixb ? boxCreate(b.x, b.y, b.w, b.h) : NULL;
    l_int32 count = 0;
    if (box)
        pixCountPixelsInRect(pixb, box, &count, NULL);
    boxDestroy(&box);
    return count;
}

void nocr_cover_drop_short(nocr_page *page, const nocr_image *img, int body)
{
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (!nocr_role_is_text(nocr_region_role(r)))
            continue;
        for (size_t k = nocr_region_line_count(r); k-- > 0;) {
            const nocr_line *line = nocr_region_line(r, k);
            if (*nocr_line_text(line) &&
                line_read_short(line, work_box(img, nocr_line_work_box(line), nocr_line_box(line)),
                                body))
                nocr_region_remove_line(r, k);
        }
    }
}

void nocr_cover_settle(nocr_page *page, const nocr_image *img)
{
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_origin origin = nocr_region_origin(r);
        if (origin == NOCR_ORIGIN_LAYOUT || !nocr_role_is_text(nocr_region_role(r)))
            continue;
        /* a column of characters (group_is_column) has the shape of text already, which
         * speckle and a photo's remnants have not: it is held to the bar of the layout's
         * own regions (a blurred column at 180 dpi, read at 41, was dropped: seed
         * 20261228303) */
        float bar = nocr_region_direction(r) == NOCR_DIR_VERTICAL && origin == NOCR_ORIGIN_COVERAGE
                        ? NOCR_NOISE_CONF
                        : NOCR_COVER_MIN_CONF;
        if (nocr_region_line_count(r) > 0 && nocr_region_confidence(r) >= bar)
            continue;
        nocr_box wb = work_box(img, nocr_region_work_box(r), nocr_region_box(r));
        /* a photo read as text (second opinion): no ink of its own in the text image */
        int photo = ink_in_box(img, wb) < (long long)wb.w * wb.h / 200;
        if (photo)
            nocr_region_set_role(r, NOCR_ROLE_FIGURE);
        /* Tesseract's text blocks keep their text however poorly it reads: only what the
         * coverage check alone found, or a photo, is judged by its confidence */
        if (photo || origin == NOCR_ORIGIN_COVERAGE)
            nocr_region_clear_lines(r);
    }
}

int nocr_cover_measure(nocr_page *page, const nocr_image *img)
{
    nocr_ink ink;
    int rc = nocr_ink_find(&ink, img);
    if (rc)
        return rc;
    unsigned char *covered = calloc(ink.n + 1, 1);
    if (!covered) {
        nocr_ink_free(&ink);
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (coverage)", nocr_image_source(img));
    }
    nocr_page_set_coverage(page, nocr_ink_covered(covered, &ink, page, img, 1));
    free(covered);
    nocr_ink_free(&ink);
    return NOCR_OK;
}
