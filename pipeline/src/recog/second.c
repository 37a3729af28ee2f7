/*
 * second.c - a second opinion on the layout: Tesseract's layout analysis
 * (TessBaseAPIAnalyseLayout, no recognition) beside newsocr's, so that text newsocr's
 * layout misses is still read (issue 11), --layout tesseract, and the layout of pages in
 * alphabetic scripts.
 *
 *   nocr_layout_check        newsocr's regions checked against Tesseract's blocks
 *   nocr_segment_tesseract   a page of Tesseract's blocks and lines
 *   nocr_layout_alphabetic   whether a page is segmented by nocr_segment_alphabetic
 *   nocr_lang_alphabetic     whether the engine reads an alphabetic script (preprocessing)
 *   nocr_segment_alphabetic  an alphabetic page: Tesseract's blocks, the ink check after
 *   nocr_recognize_check     after recognition: unread ink read, coverage measured
 *   nocr_second_source       the gray, for a photo read as text
 *
 * static helpers: tess_analyse, clean_gray, smooth_figures, tess_layout_free,
 *                 block_is_text, block_is_image, layout_absurd, vertical_share,
 *                 lang_alphabetic, figures_to_text, page_from_blocks, block_role, area_in,
 *                 page_new_from, tops_to_columns (lines across the tops of columns cut and
 *                 given to them), blocks_at_gutters (blocks across a gutter cut at it, read
 *                 a column after the other); a line across a gutter: gutter.c
 *
 * The analysis reads the working gray (photos included, so that a "photo" Tesseract sees
 * as text shows as a text block), reduced to NOCR_SECOND_BODY_PX body height when it
 * checks newsocr's layout (the photos' halftone smoothed there), whole when it makes the
 * page's (tess_analyse); an alphabetic page's, the text image with the photos and rules
 * put back (clean_gray); its boxes are in working pixels.
 */
#define _DEFAULT_SOURCE /* M_PI */
#include "recog/recog.h"
#include "recog/second.h"
#include "recog/gutter.h"
#include "layout/coverage.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tess_block {
    nocr_box box; /* working pixels */
    TessPolyBlockType type;
    nocr_box *lines; /* its text lines, working pixels */
    size_t nlines, cap;
    int cut;  /* cut out of a block across a gutter (blocks_at_gutters): the gutter's x */
    int side; /* ... and the side of it the block stands on: -1 left, 1 right; 0 not cut */
} tess_block;

typedef struct tess_layout {
    tess_block *v;
    size_t n, cap;
} tess_layout;

static void tess_layout_free(tess_layout *tl)
{
    for (size_t i = 0; i < tl->n; i++)
        free(tl->v[i].lines);
    free(tl->v);
    memset(tl, 0, sizeof(*tl));
}

static int block_is_text(TessPolyBlockType t)
{
    return t == PT_FLOWING_TEXT || t == PT_HEADING_TEXT || t == PT_PULLOUT_TEXT ||
           t == PT_VERTICAL_TEXT || t == PT_CAPTION_TEXT || t == PT_TABLE;
}

static int block_is_image(TessPolyBlockType t)
{
    return t == PT_FLOWING_IMAGE || t == PT_HEADING_IMAGE || t == PT_PULLOUT_IMAGE;
}

/* Resolution of the working image, as recognize.c tells Tesseract. */
static int analysis_dpi(const nocr_image *img, float f)
{
    int file_dpi = nocr_image_dpi(img);
    float dpi = (float)(file_dpi > 0 ? file_dpi : 300) * (float)nocr_image_scale(img) * f;
    return dpi >= 70 && dpi <= 2400 ? (int)(dpi + 0.5f) : 300;
}

/* A box Tesseract found on the original image, in working pixels. The original is skewed:
 * the content of a box (a line, a block of lines) is a rectangle turned by the skew, and
 * its box there is that rectangle's bounding box, w = w' cos a + h' sin a and
 * h = w' sin a + h' cos a. Mapping that box's corners (nocr_image_box_to_working) would
 * grow it once more, by about w sin a: a 2300-px line at 1.1 degrees by 88 px, more than
 * a line's pitch, so a block's box would take in the lines above and below it. The
 * content rectangle (w', h') is solved from the equations above, kept at least
 * MIN_CONTENT of the box (a steep angle on a thin box has no solution), scaled, and
 * centred where the box's centre maps. */
#define MIN_CONTENT 0.5

static nocr_box box_from_original(const nocr_image *img, nocr_box b)
{
    nocr_box m = nocr_image_box_to_working(img, b);
    double a = fabs(nocr_image_skew(img)) * M_PI / 180.0, c = cos(a), s = sin(a);
    double det = c * c - s * s, scale = nocr_image_scale(img) > 0 ? nocr_image_scale(img) : 1.0;
    if (det <= 0.5) /* beyond 30 degrees: no skew newsocr straightens */
        return m;
    double w = (b.w * c - b.h * s) / det, h = (b.h * c - b.w * s) / det;
    w = w < MIN_CONTENT * b.w ? MIN_CONTENT * b.w : w;
    h = h < MIN_CONTENT * b.h ? MIN_CONTENT * b.h : h;
    int ww = (int)(w * scale + 0.5), hh = (int)(h * scale + 0.5);
    int cx = m.x + m.w / 2, cy = m.y + m.h / 2;
    int x0 = cx - ww / 2 < 0 ? 0 : cx - ww / 2, y0 = cy - hh / 2 < 0 ? 0 : cy - hh / 2;
    return (nocr_box){x0, y0, ww, hh};
}

/* The working page as Tesseract's layout analysis of an alphabetic page sees it: the text
 * image (binarized locally, so a shade over part of the page is gone) in black on white,
 * with preprocessing's photos copied back from the gray and its rules drawn back in black
 * (both removed from the text image, both what Tesseract's column finding leans on: the
 * text image alone, without them, read the Latin tuning pages l9tune at mean CER 0.309
 * against the gray's 0.243). On the gray, a dark band at the page's edge (a scan's
 * shade) was taken for an image and the columns under it cut short (fresh seed
 * 20261201914: the lines' first words read as a strip after all the page). NULL when
 * there is no text image or on failure: the gray is analysed then. */
static PIX *clean_gray(const nocr_image *img)
{
    PIX *pixb = nocr_image_work_binary(img), *gray = nocr_image_work_gray(img);
    if (!pixb || !gray || pixGetWidth(pixb) != pixGetWidth(gray) ||
        pixGetHeight(pixb) != pixGetHeight(gray))
        return NULL;
    PIX *out = pixConvert1To8(NULL, pixb, 255, 0);
    for (size_t i = 0; out && i < nocr_image_figure_count(img); i++) {
        nocr_box f = nocr_image_work_figure(img, i);
        pixRasterop(out, f.x, f.y, f.w, f.h, PIX_SRC, gray, f.x, f.y);
    }
    for (size_t i = 0; out && i < nocr_image_rule_count(img); i++) {
        nocr_box r = nocr_image_work_rule(img, i, NULL);
        pixRasterop(out, r.x, r.y, r.w, r.h, PIX_CLR, NULL, 0, 0);
    }
    return out;
}

/* Smooths the halftone of preprocessing's photos in `small`, the working gray reduced by
 * f: a box filter HALFTONE_SMOOTH pixels each side of a pixel. At NOCR_SECOND_BODY_PX a
 * coarse halftone screen is still dots, which Tesseract's line finder takes for thousands
 * of rules where dark dots touch; paragraph detection, run by the analysis whatever the
 * caller asks, is quadratic in those blocks (fresh seed 20270102005, five halftone photos
 * at 390 dpi: 1393 rule blocks, the analysis 25 s against 8.5 s for all of plain
 * tesseract). Text set in a "photo" (a box of text on a tinted ground) is softened, not
 * erased: at 16 px body height its strokes are 2-3 px and its rows stay apart, so that
 * figures_to_text should still find it; that case was not checked on a page. */
#define HALFTONE_SMOOTH 2

static void smooth_figures(PIX *small, const nocr_image *img, float f)
{
    for (size_t i = 0; pixGetDepth(small) == 8 && i < nocr_image_figure_count(img); i++) {
        nocr_box fb = nocr_image_work_figure(img, i);
        BOX *box = boxCreate((int)(fb.x * f), (int)(fb.y * f), (int)(fb.w * f), (int)(fb.h * f));
        PIX *clip = box ? pixClipRectangle(small, box, NULL) : NULL;
        PIX *soft = clip && pixGetWidth(clip) > 2 * HALFTONE_SMOOTH + 1 &&
                            pixGetHeight(clip) > 2 * HALFTONE_SMOOTH + 1
                        ? pixBlockconv(clip, HALFTONE_SMOOTH, HALFTONE_SMOOTH)
                        : NULL;
        if (soft)
            pixRasterop(small, (int)(fb.x * f), (int)(fb.y * f), pixGetWidth(soft),
                        pixGetHeight(soft), PIX_SRC, soft, 0, 0);
        pixDestroy(&soft);
        pixDestroy(&clip);
        boxDestroy(&box);
    }
}

/* Tesseract's blocks (with their lines) into *out, in working pixels. `reduce`: of the
 * working gray, on a copy reduced to NOCR_SECOND_BODY_PX body height (a check of newsocr's
 * own layout, where blocks are enough). `original`: of the original image, as plain
 * tesseract sees it (one of the two layouts nocr_segment_alphabetic chooses from): on the
 * working image, rescaled and deskewed, Tesseract's layout analysis joined lines across a
 * column rule and cut columns into one-line blocks where plain tesseract on the original
 * did not (Latin seed 3118: CER 0.84 against plain tesseract's 0.09; fresh 20261201588:
 * 0.35 against 0.22, and plain tesseract on newsocr's working gray 0.34), but on the
 * original it joined the columns of pages skewed by 2 degrees (seeds 3406, 3422) that
 * the working image kept apart. `text_image` (and not `original`): the working text image
 * with the photos and rules put back (clean_gray), tried for an alphabetic page under a
 * shade (SHADE_COVER). Else the working gray itself (at 16 px Latin letters are 8-10 px high and
 * Tesseract joined columns across a fold's crease on held-out seed 1229). */
static int tess_analyse(tess_layout *out, nocr_engine *eng, const nocr_image *img, int reduce,
                        int original, int text_image)
{
    memset(out, 0, sizeof(*out));
    PIX *gray = nocr_image_work_gray(img);
    /* the original only when there is a working image to map its boxes into */
    original = original && gray && nocr_image_pix(img);
    PIX *pixs = original ? nocr_image_pix(img) : gray ? gray : nocr_image_work_binary(img);
    PIX *clean = !original && text_image ? clean_gray(img) : NULL;
    if (clean)
        pixs = clean;
    int body = nocr_image_work_body_size(img);
    if (!pixs)
        return NOCR_OK;
    float f = !original && reduce && body > NOCR_SECOND_BODY_PX
                  ? (float)NOCR_SECOND_BODY_PX / (float)body
                  : 1.0f;
    PIX *small = f < 1.0f
                     ? (pixGetDepth(pixs) == 1 ? pixScaleToGray(pixs, f) : pixScale(pixs, f, f))
                     : pixClone(pixs);
    pixDestroy(&clean); /* small holds its own reference */
    if (!small)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout check)",
                              nocr_image_source(img));
    if (f < 1.0f)
        smooth_figures(small, img, f);
    TessBaseAPISetImage2(eng->api, small);
    if (!original)
        TessBaseAPISetSourceResolution(eng->api, analysis_dpi(img, f));
    else if (nocr_image_dpi(img) >= 70 && nocr_image_dpi(img) <= 2400)
        TessBaseAPISetSourceResolution(eng->api, nocr_image_dpi(img));
    TessBaseAPISetPageSegMode(eng->api, PSM_AUTO);
    /* Blocks and lines are all this needs, not tables: Tesseract's table finder was 12 %
     * of a whole run on a 5-column page (mixed tuning seed 20261219310; the segment stage
     * 1.43 s -> 0.58 s, same text). Tuning sets read as well or better without it: Latin
     * 20261219600-629 CER 0.206 -> 0.199 (610, columns joined into a table: 0.40 -> 0.19),
     * vertical 20261221200-229 0.063 -> 0.060, mixed 20261219300-339 and Latin
     * 20261216300-359 within 0.001. */
    TessBaseAPISetVariable(eng->api, "textord_tabfind_find_tables", "0");
    eng->current = NULL;
    TessPageIterator *pi = TessBaseAPIAnalyseLayout(eng->api);
    int rc = NOCR_OK;
    tess_block *blk = NULL;
    while (pi) {
        int l, t, r, b;
        if (!blk || TessPageIteratorIsAtBeginningOf(pi, RIL_BLOCK)) {
            if (NOCR_ARRAY_GROW(out->v, out->cap, out->n + 1)) {
                rc = NOCR_ENOMEM;
                break;
            }
            blk = &out->v[out->n++];
            blk->type = TessPageIteratorBlockType(pi);
            if (TessPageIteratorBoundingBox(pi, RIL_BLOCK, &l, &t, &r, &b))
                blk->box = (nocr_box){(int)(l / f), (int)(t / f), (int)((r - l) / f + 0.5f),
                                      (int)((b - t) / f + 0.5f)};
            if (original)
                blk->box = box_from_original(img, blk->box);
        }
        if (block_is_text(blk->type) &&
            TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &l, &t, &r, &b)) {
            if (NOCR_ARRAY_GROW(blk->lines, blk->cap, blk->nlines + 1)) {
                rc = NOCR_ENOMEM;
                break;
            }
            nocr_box lb = {(int)(l / f), (int)(t / f), (int)((r - l) / f + 0.5f),
                           (int)((b - t) / f + 0.5f)};
            blk->lines[blk->nlines++] = original ? box_from_original(img, lb) : lb;
        }
        if (!TessPageIteratorNext(pi, RIL_TEXTLINE))
            break;
    }
    TessPageIteratorDelete(pi);
    TessBaseAPIClear(eng->api);
    pixDestroy(&small);
    if (rc) {
        tess_layout_free(out);
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout check)",
                              nocr_image_source(img));
    }
    return NOCR_OK;
}

static long long area_in(nocr_box a, nocr_box b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    return x1 > x0 && y1 > y0 ? (long long)(x1 - x0) * (y1 - y0) : 0;
}

static nocr_box region_work_box(const nocr_image *img, const nocr_region *r)
{
    nocr_box wb = nocr_region_work_box(r);
    return wb.w > 0 ? wb : nocr_image_box_to_working(img, nocr_region_box(r));
}

/* The fallback's trigger (fail safe: Tesseract's blocks lose no text where newsocr's
 * would). newsocr's layout is not trusted on a page when
 *   - Tesseract's text blocks hold FALLBACK_GAIN more of the text-like ink than newsocr's
 *     text regions (a layout it does not know: text it found no region for), or
 *   - heading regions (headline, subheadline, section heading) hold more than
 *     FALLBACK_HEAD_SHARE of the text-like components (characters): body text taken for
 *     headings, read line by line over several lines of print. Measured: the 26 samples
 *     0.01-0.08, Chinese tuning pages (seeds 1000-1020) 0.03-0.24, Latin ones (--latin,
 *     1100-1107) 0.11-0.33; seed 1021, where a shadow band and heading regions as tall as
 *     a paragraph lost 70% of the text (order-free error 0.70), 0.74. */
#define FALLBACK_GAIN       0.2
#define FALLBACK_HEAD_SHARE 0.4

/* No fallback on a page where at least VERTICAL_KEEP of the text regions' area is set in
 * columns: Tesseract's layout analysis reads vertical text as rows of a horizontal model
 * (plain tesseract -l chi_tra reads the fresh vertical pages at CER 0.93-0.96). Where
 * newsocr's own layout took sparse body columns for headings (fresh seed 20261206026, two
 * articles of two columns each, 180 dpi: 0.33 with its own layout), the fallback read
 * the page at 0.96. The figure is the vertical path's (order/vertical.c,
 * VERTICAL_SHARE). */
#define VERTICAL_KEEP 0.2

/* Share of the text regions' area in vertical regions. */
static double vertical_share(const nocr_page *page)
{
    double all = 0, vertical = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        if (!nocr_role_is_text(nocr_region_role(r)))
            continue;
        nocr_box b = nocr_region_box(r);
        all += (double)b.w * b.h;
        if (nocr_region_direction(r) == NOCR_DIR_VERTICAL)
            vertical += (double)b.w * b.h;
    }
    return all > 0 ? vertical / all : 0;
}

static int layout_absurd(const nocr_page *page, const nocr_image *img, const nocr_ink *ink)
{
    if (ink->n == 0)
        return 0;
    unsigned char *in_head = calloc(ink->n, 1);
    if (!in_head)
        return 0;
    size_t heads = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(r);
        if (role != NOCR_ROLE_HEADLINE && role != NOCR_ROLE_SUBHEADLINE &&
            role != NOCR_ROLE_SECTION_HEADING)
            continue;
        nocr_box wb = region_work_box(img, r);
        for (size_t k = 0; k < ink->n; k++) {
            if (!in_head[k] && nocr_box_holds_center(wb, ink->box[k])) {
                in_head[k] = 1;
                heads++;
            }
        }
    }
    free(in_head);
    return (double)heads > FALLBACK_HEAD_SHARE * (double)ink->n;
}

/* Models whose script newsocr's own layout was built for: type set on an em square
 * (Chinese, Japanese, Korean; their vertical models too; the script models HanS, HanT,
 * Hangul, Japanese). Matched as a prefix of each '+'-separated language of the engine, as
 * Tesseract names its models. */
static const char *const square_script_models[] = {"chi_", "jpn", "kor", "script/Han",
                                                   "script/Jap"};

/* True when none of the engine's languages is of a square script (e.g. -l eng, deu+fra):
 * the page is read with Tesseract's layout analysis, which was built for alphabetic
 * pages, instead of newsocr's, whose measures assume CJK type (a character an em square,
 * a word space, if any, much narrower than a gutter). On Latin pages newsocr's layout cut
 * justified lines at wide word spaces, took bold body lines for headings and drop caps for
 * headlines: Latin tuning pages (seeds 3100-3129) read at mean CER 0.317 with it, 0.246
 * with Tesseract's blocks (plain tesseract 0.276); the 10 Latin pages of the 100 fresh
 * seeds (20261201100-199) at 0.319 and 0.152 (tesseract 0.235). A doubt measure (the share
 * of Tesseract's lines newsocr cut into pieces of different regions) chose between the two
 * no better than always taking Tesseract's. -l auto is Chinese. */
static int lang_alphabetic(const nocr_engine *eng)
{
    const char *lang = eng->lang ? eng->lang : "";
    if (strcmp(lang, "auto") == 0 || !*lang)
        return 0;
    for (const char *p = lang; *p;) {
        size_t len = strcspn(p, "+");
        for (size_t k = 0; k < sizeof(square_script_models) / sizeof(*square_script_models); k++) {
            size_t m = strlen(square_script_models[k]);
            if (len >= m && strncmp(p, square_script_models[k], m) == 0)
                return 0;
        }
        p += len;
        if (*p == '+')
            p++;
    }
    return 1;
}

/* A photo of newsocr's is read as text when Tesseract's text blocks cover at least
 * FIG_TEXT_SHARE of it and its image blocks less than FIG_IMAGE_SHARE: a box of text on a
 * tinted ground, a table, which preprocessing took for a halftone. */
#define FIG_TEXT_SHARE  0.5
#define FIG_IMAGE_SHARE 0.25

static void figures_to_text(nocr_page *page, const nocr_image *img, const tess_layout *tl)
{
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) != NOCR_ROLE_FIGURE)
            continue;
        nocr_box fb = region_work_box(img, r);
        long long text = 0, image = 0, area = (long long)fb.w * fb.h;
        for (size_t k = 0; k < tl->n; k++) {
            if (block_is_text(tl->v[k].type))
                for (size_t j = 0; j < tl->v[k].nlines; j++)
                    text += area_in(fb, tl->v[k].lines[j]);
            else if (block_is_image(tl->v[k].type))
                image += area_in(fb, tl->v[k].box);
        }
        if (area > 0 && text >= FIG_TEXT_SHARE * (double)area &&
            image < FIG_IMAGE_SHARE * (double)area) {
            nocr_region_set_role(r, NOCR_ROLE_BODY);
            nocr_region_set_origin(r, NOCR_ORIGIN_TESSERACT);
            nocr_region_set_work_box(r, fb);
        }
    }
}

/* Roles of Tesseract's blocks, guessed from size and position as newsocr's layout does
 * (roles.c): lines of NOCR_HEADLINE_EMS body heights and more in a block of at most HEAD_LINES
 * lines are a headline, of SUB_EMS a subheadline; one line in the folio band is the folio;
 * Tesseract's caption blocks are captions; the rest is body. */
#define SUB_EMS    1.25
#define HEAD_LINES 3
/* A block of one or two lines that measures as a subheadline is body when it looks like
 * the page's body blocks (of BODY_BLOCK_LINES lines or more): its lines no taller than
 * BODY_LIKE_H times theirs and its width within BODY_LIKE_W of theirs, a column's. Latin
 * body lines, ascenders and descenders included, are 1.25 body heights tall, SUB_EMS:
 * the last two lines of a column, a block of their own, were read as a deck, which
 * started an article (Latin tuning seed 20261213266). A deck's type is larger, or it is
 * set wider or narrower than a column. */
#define BODY_BLOCK_LINES 4
#define BODY_LIKE_H      1.04
#define BODY_LIKE_W      0.03
/* A caption is set smaller than the body: a block Tesseract calls a caption whose lines are
 * CAPTION_H body lines tall or more is the body under a photo (Latin tuning seeds
 * 20261216300-359: 14 of 38 such blocks, all at 0.94-1.05 body lines, true captions at
 * 0.64-0.94). And a block of at most CAPTION_LINES lines set smaller than that is a
 * photo's caption whatever Tesseract calls it: under the photo, within CAPTION_GAP of its
 * lines' height, or beside it, in its rows and within CAPTION_GAP line heights of its side
 * (tuning seeds 20261219604, 610, 613, 614, 616, 629: 8 of the 30 pages' captions, beside
 * their photos, read as body); so is such a block under a caption, the caption's next
 * lines in a block of their own (tuning seeds 20261219615, 617: a caption's second line
 * read as body, after the next column). */
#define CAPTION_H     0.95
#define CAPTION_LINES 8
#define CAPTION_GAP   1.5

/* The page's body blocks: their median line height and median width (0 when none). */
typedef struct body_blocks {
    int line_h, w;
} body_blocks;

/* The median of the heights of blk's lines (at most 64 of them); 0 when it has none. */
static int median_line_h(const tess_block *blk)
{
    int hs[64], n = 0;
    for (size_t j = 0; j < blk->nlines && n < 64; j++)
        hs[n++] = blk->lines[j].h;
    if (n == 0)
        return 0;
    qsort(hs, (size_t)n, sizeof(int), nocr_cmp_int);
    return hs[n / 2];
}

/* Whether lines line_h high are in caption size: under CAPTION_H of the body blocks'
 * (none measured: no). */
static int caption_size(int line_h, const body_blocks *bb)
{
    return bb->line_h > 0 && line_h < CAPTION_H * bb->line_h;
}

static body_blocks body_blocks_measure(const tess_layout *tl)
{
    body_blocks bb = {0, 0};
    int *h = malloc((tl->n + 1) * sizeof(int)), *w = malloc((tl->n + 1) * sizeof(int)), n = 0;
    for (size_t k = 0; h && w && k < tl->n; k++)
        if (block_is_text(tl->v[k].type) && tl->v[k].nlines >= BODY_BLOCK_LINES) {
            h[n] = median_line_h(&tl->v[k]);
            w[n++] = tl->v[k].box.w;
        }
    if (n > 0) {
        qsort(h, (size_t)n, sizeof(int), nocr_cmp_int);
        qsort(w, (size_t)n, sizeof(int), nocr_cmp_int);
        bb = (body_blocks){h[n / 2], w[n / 2]};
    }
    free(h);
    free(w);
    return bb;
}

/* The box of the ink of the text image (rules taken out) inside box b, clipped to the
 * image, into *out; 0 when there is none. */
static int ink_box(PIX *pixb, nocr_box b, nocr_box *out)
{
    if (!pixb || b.w <= 0 || b.h <= 0)
        return 0;
    BOX *box = boxCreate(b.x, b.y, b.w, b.h), *fg = NULL;
    int ink = box && pixClipBoxToForeground(pixb, box, NULL, &fg) == 0 && fg;
    if (ink)
        boxGetGeometry(fg, &out->x, &out->y, &out->w, &out->h);
    boxDestroy(&fg);
    boxDestroy(&box);
    return ink && out->w > 0 && out->h > 0;
}

/* The height of the ink of the text image inside box b; 0 when none. */
static int ink_height(PIX *pixb, nocr_box b)
{
    nocr_box t;
    return ink_box(pixb, b, &t) ? t.h : 0;
}

/* Whether box b, of lines line_h high, stands under box a, within `lines` of its line
 * heights, over at least half of its width. */
static int stands_under(nocr_box a, nocr_box b, int line_h, double lines)
{
    int gap = b.y - (a.y + a.h);
    int x0 = b.x > a.x ? b.x : a.x;
    int x1 = b.x + b.w < a.x + a.w ? b.x + b.w : a.x + a.w;
    return gap >= -line_h / 2 && gap <= lines * line_h && 2 * (x1 - x0) >= b.w;
}

/* Whether box b, of lines line_h high, is set beside box a: in its rows (half a line of
 * slack above, a line below) and within CAPTION_GAP lines of its left or right side. */
static int stands_beside(nocr_box a, nocr_box b, int line_h)
{
    int gap = b.x >= a.x + a.w ? b.x - (a.x + a.w) : a.x - (b.x + b.w);
    return gap >= -line_h / 2 && gap <= CAPTION_GAP * line_h && b.y >= a.y - line_h / 2 &&
           b.y + b.h <= a.y + a.h + line_h;
}

/* Whether blk is set as a caption of one of tl's images: at most CAPTION_LINES lines under
 * it or beside it (see CAPTION_GAP). */
static int captions_image(const tess_layout *tl, const tess_block *blk, int line_h)
{
    for (size_t k = 0; k < tl->n && blk->nlines <= CAPTION_LINES; k++) {
        nocr_box f = tl->v[k].box;
        if (block_is_image(tl->v[k].type) &&
            (stands_under(f, blk->box, line_h, CAPTION_GAP) || stands_beside(f, blk->box, line_h)))
            return 1;
    }
    return 0;
}

static nocr_role block_role(const tess_layout *tl, const tess_block *blk, const body_blocks *bb,
                            PIX *pixb, int body, int page_h)
{
    int line_h = median_line_h(blk);
    if (line_h == 0 || body <= 0)
        return NOCR_ROLE_BODY;
    /* a line in the folio band is measured by its ink: on the gray Tesseract analyses, the
     * folio rule under it is still there, and its box took the rule in (Latin tuning seed
     * 20261213426, skewed 2.7 degrees: the folio line read as a headline) */
    int in_band = blk->nlines == 1 && blk->box.y + blk->box.h <= page_h / NOCR_FOLIO_BAND_DIV;
    if (in_band) {
        int ink = ink_height(pixb, blk->lines[0]);
        line_h = ink > 0 && ink < line_h ? ink : line_h;
    }
    double mh = (double)line_h / body;
    if (blk->nlines <= HEAD_LINES && mh >= NOCR_HEADLINE_EMS)
        return NOCR_ROLE_HEADLINE;
    int body_like = bb->line_h > 0 && line_h <= BODY_LIKE_H * bb->line_h &&
                    abs(blk->box.w - bb->w) <= BODY_LIKE_W * bb->w;
    if (blk->nlines <= 2 && mh >= SUB_EMS && !body_like)
        return NOCR_ROLE_SUBHEADLINE;
    if (in_band)
        return NOCR_ROLE_PAGE_HEADER;
    int caption_sized = caption_size(line_h, bb);
    if (blk->type == PT_CAPTION_TEXT && (caption_sized || bb->line_h <= 0))
        return NOCR_ROLE_CAPTION;
    if (caption_sized && captions_image(tl, blk, line_h))
        return NOCR_ROLE_CAPTION;
    return NOCR_ROLE_BODY;
}

/* A body block of at most CAPTION_LINES lines in caption size under a caption block (within
 * one of its line heights) goes on with that caption (see CAPTION_GAP); in chains. */
static void captions_continue(const tess_layout *tl, nocr_role *roles, const body_blocks *bb)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t k = 0; k < tl->n; k++) {
            const tess_block *blk = &tl->v[k];
            int line_h = median_line_h(blk);
            if (roles[k] != NOCR_ROLE_BODY || blk->nlines > CAPTION_LINES ||
                !caption_size(line_h, bb))
                continue;
            for (size_t c = 0; c < tl->n && roles[k] == NOCR_ROLE_BODY; c++)
                if (roles[c] == NOCR_ROLE_CAPTION &&
                    stands_under(tl->v[c].box, blk->box, line_h, 1))
                    roles[k] = NOCR_ROLE_CAPTION;
            changed |= roles[k] == NOCR_ROLE_CAPTION;
        }
    }
}

/* An image block of Tesseract's is no photo when Tesseract's own text lines lie in it
 * (IMAGE_TEXT_LINES of them, each a quarter or more inside), preprocessing found no photo
 * over half of it, and it holds text-like ink: IMAGE_TEXT_SHARE of the page's, or
 * IMAGE_TEXT_DENSITY of its own area (a column of text is 8-15 % ink). Under a shadow
 * band, a dark border or a noisy gray, Tesseract called the whole page an image on Latin
 * seeds 20261219303, 610, 619 and 628 (a "photo" over 94-99 % of the page, with 47-154 of
 * its text lines in it and a warning that text in it is not read). The lines are what
 * tells it from a photo that preprocessing missed: its text-like ink was as dense
 * (tuning seed 20261219607: 8 %, 1179 components), but Tesseract read 2 lines in it. */
#define IMAGE_TEXT_SHARE   0.25
#define IMAGE_TEXT_DENSITY 0.04
#define IMAGE_TEXT_LINES   3

static int image_is_text(nocr_box f, const nocr_image *img, const tess_layout *tl,
                         const nocr_ink *ink)
{
    if (!ink || ink->total <= 0 || f.w <= 0 || f.h <= 0)
        return 0;
    int lines = 0;
    for (size_t k = 0; k < tl->n; k++)
        for (size_t j = 0; block_is_text(tl->v[k].type) && j < tl->v[k].nlines; j++) {
            nocr_box l = tl->v[k].lines[j];
            lines += 4 * area_in(f, l) >= (long long)l.w * l.h;
        }
    if (lines < IMAGE_TEXT_LINES)
        return 0;
    for (size_t i = 0; i < nocr_image_figure_count(img); i++)
        if (2 * area_in(f, nocr_image_work_figure(img, i)) >= (long long)f.w * f.h)
            return 0;
    long long in = 0;
    for (size_t i = 0; i < ink->n; i++)
        if (nocr_box_holds_center(f, ink->box[i]))
            in += ink->pixels[i];
    return in >= IMAGE_TEXT_SHARE * (double)ink->total ||
           in >= IMAGE_TEXT_DENSITY * (double)f.w * f.h;
}

/* Replaces the page's regions by Tesseract's blocks (text with lines, images as photos
 * unless they hold text: image_is_text; ink NULL: all of them) and preprocessing's rules. */
static int page_from_blocks(nocr_page *page, const nocr_image *img, const tess_layout *tl,
                            const nocr_ink *ink)
{
    int body = nocr_image_work_body_size(img), rc = NOCR_OK;
    PIX *pixb = nocr_image_work_binary(img);
    int page_h = pixb ? pixGetHeight(pixb) : 0;
    nocr_role *roles = malloc((tl->n + 1) * sizeof(*roles));
    if (!roles)
        return nocr_error_set(NOCR_ENOMEM, "out of memory (layout check)");
    nocr_page_clear_regions(page);
    body_blocks bb = body_blocks_measure(tl);
    for (size_t k = 0; k < tl->n; k++) {
        const tess_block *blk = &tl->v[k];
        int text = block_is_text(blk->type) && blk->nlines > 0;
        if ((!text && !block_is_image(blk->type)) || blk->box.w <= 0 || blk->box.h <= 0 ||
            (!text && image_is_text(blk->box, img, tl, ink)))
            roles[k] = NOCR_ROLE_UNKNOWN;
        else
            roles[k] = text ? block_role(tl, blk, &bb, pixb, body, page_h) : NOCR_ROLE_FIGURE;
    }
    captions_continue(tl, roles, &bb);
    for (size_t k = 0; k < tl->n && !rc; k++) {
        const tess_block *blk = &tl->v[k];
        int text = roles[k] != NOCR_ROLE_FIGURE;
        nocr_region *r = NULL;
        if (roles[k] == NOCR_ROLE_UNKNOWN)
            continue;
        if ((rc = nocr_page_add_region(&r, page, roles[k],
                                       nocr_image_box_to_original(img, blk->box))))
            break;
        nocr_region_set_work_box(r, blk->box);
        nocr_region_set_origin(r, NOCR_ORIGIN_TESSERACT);
        if (blk->type == PT_VERTICAL_TEXT)
            nocr_region_set_direction(r, NOCR_DIR_VERTICAL);
        for (size_t j = 0; text && j < blk->nlines && !rc; j++) {
            nocr_line *line = NULL;
            rc = nocr_region_add_line(&line, r, nocr_image_box_to_original(img, blk->lines[j]),
                                      NULL, -1.0f);
            if (!rc)
                nocr_line_set_work_box(line, blk->lines[j]);
        }
    }
    free(roles);
    for (size_t i = 0; i < nocr_image_rule_count(img) && !rc; i++)
        rc = nocr_page_add_region(NULL, page, NOCR_ROLE_SEPARATOR, nocr_image_rule(img, i, NULL));
    return rc;
}

/* The ink that no text region holds, filled: per Tesseract text block, then by proximity. */
static int fill_uncovered(nocr_page *page, const nocr_image *img, const tess_layout *tl,
                          const nocr_ink *ink, unsigned char *covered)
{
    nocr_box *hints = calloc(tl->n + 1, sizeof(*hints));
    size_t nh = 0;
    if (!hints)
        return nocr_error_set(NOCR_ENOMEM, "out of memory (layout check)");
    for (size_t k = 0; k < tl->n; k++)
        if (block_is_text(tl->v[k].type))
            hints[nh++] = tl->v[k].box;
    nocr_ink_covered(covered, ink, page, img, 0);
    int rc = nocr_cover_fill(page, img, ink, covered, hints, nh, NOCR_ORIGIN_TESSERACT, NULL);
    free(hints);
    return rc;
}

/* Share of the ink whose centre lies in one of Tesseract's text blocks. */
static double tess_covered(const tess_layout *tl, const nocr_ink *ink)
{
    long long in = 0;
    for (size_t i = 0; i < ink->n; i++) {
        for (size_t k = 0; k < tl->n; k++) {
            if (block_is_text(tl->v[k].type) && nocr_box_holds_center(tl->v[k].box, ink->box[i])) {
                in += ink->pixels[i];
                break;
            }
        }
    }
    return ink->total > 0 ? (double)in / (double)ink->total : 1.0;
}

int nocr_layout_check(nocr_page *page, nocr_engine *eng, const nocr_image *img,
                      int tesseract_layout)
{
    if (!page || !eng || !img)
        return nocr_error_set(NOCR_EINVAL, "nocr_layout_check: NULL argument");
    tess_layout tl = {NULL, 0, 0};
    nocr_ink ink = {0};
    unsigned char *covered = NULL;
    int rc = tesseract_layout ? NOCR_OK : tess_analyse(&tl, eng, img, !lang_alphabetic(eng), 0, 0);
    if (rc)
        return rc;
    if ((rc = nocr_ink_find(&ink, img)))
        goto cleanup;
    ink.square = !lang_alphabetic(eng);
    if (!(covered = calloc(ink.n + 1, 1))) {
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory (layout check)");
        goto cleanup;
    }
    double mine = nocr_ink_covered(covered, &ink, page, img, 0);
    double theirs = tess_covered(&tl, &ink);
    int absurd = !tesseract_layout && layout_absurd(page, img, &ink);
    if (tesseract_layout) {
        /* the page is Tesseract's already: only the coverage check */
    } else if (lang_alphabetic(eng)) {
        /* an alphabetic page: Tesseract's layout, by design, not a failure to warn of */
        if ((rc = page_from_blocks(page, img, &tl, &ink)))
            goto cleanup;
    } else if ((theirs > mine + FALLBACK_GAIN || absurd) && vertical_share(page) < VERTICAL_KEEP) {
        char msg[200];
        snprintf(msg, sizeof(msg),
                 "layout not understood (%s): Tesseract's layout analysis used for the page",
                 absurd ? "headings hold most of the text" : "text regions miss text");
        if ((rc = nocr_page_add_warning(page, msg)) ||
            (rc = page_from_blocks(page, img, &tl, &ink)))
            goto cleanup;
    } else {
        figures_to_text(page, img, &tl);
    }
    rc = fill_uncovered(page, img, &tl, &ink, covered);

cleanup:
    free(covered);
    nocr_ink_free(&ink);
    tess_layout_free(&tl);
    return rc;
}

/* A new page of the image's size, with its source, resolution, skew and body height (the
 * same float arithmetic as nocr_segment's, so that both layouts give a page the same). */
static int page_new_from(nocr_page **out, const nocr_image *img)
{
    nocr_page *page = NULL;
    int rc = nocr_page_new(&page, nocr_image_width(img), nocr_image_height(img));
    if (!rc)
        rc = nocr_page_set_source(page, nocr_image_source(img), nocr_image_index(img));
    if (rc) {
        nocr_page_free(page);
        return rc;
    }
    nocr_page_set_dpi(page, nocr_image_dpi(img));
    nocr_page_set_skew(page, nocr_image_skew(img), nocr_image_skew_confidence(img));
    int body = nocr_image_work_body_size(img);
    if (body > 0)
        nocr_page_set_body_height(page, (int)((float)body / (float)nocr_image_scale(img) + 0.5f));
    *out = page;
    return NOCR_OK;
}

int nocr_segment_tesseract(nocr_page **out, nocr_engine *eng, const nocr_image *img)
{
    if (!out || !eng || !img)
        return nocr_error_set(NOCR_EINVAL, "nocr_segment_tesseract: NULL argument");
    *out = NULL;
    if (!nocr_image_work_binary(img) && !nocr_image_work_gray(img))
        return nocr_error_set(NOCR_EINVAL, "%s: segment needs a preprocessed image",
                              nocr_image_source(img));
    nocr_page *page = NULL;
    tess_layout tl;
    int rc = tess_analyse(&tl, eng, img, 0, 0, 0);
    if (rc)
        return rc;
    if (!(rc = page_new_from(&page, img)))
        rc = page_from_blocks(page, img, &tl, NULL);
    tess_layout_free(&tl);
    if (rc) {
        nocr_page_free(page);
        return rc;
    }
    *out = page;
    return NOCR_OK;
}

int nocr_lang_alphabetic(const nocr_engine *eng)
{
    return eng && lang_alphabetic(eng);
}

int nocr_layout_alphabetic(const nocr_engine *eng, const nocr_image *img)
{
    return eng && img && lang_alphabetic(eng) && nocr_image_work_body_size(img) > 0 &&
           (nocr_image_work_binary(img) || nocr_image_work_gray(img));
}

/* The original's layout is taken when its share of lines across a gutter is at least
 * CROSS_MARGIN under the working image's: 3118 0.026 against 0.230, 20261201588 0.036
 * against 0.118 (the original's read far better); 3422 0.031 against 0.040 (the working
 * image's read better: CER 0.006 against 0.43). */
#define CROSS_MARGIN 0.05

/* Width-weighted share of the layout's text lines that cross a gutter (recog/gutter.c),
 * measured on the working text image; 0 without one. */
static double crossing_share(const tess_layout *tl, const nocr_image *img)
{
    PIX *pixb = nocr_image_work_binary(img);
    int body = nocr_image_work_body_size(img);
    if (!pixb || body <= 0)
        return 0.0;
    int W = pixGetWidth(pixb), H = pixGetHeight(pixb), wpl = pixGetWpl(pixb);
    const l_uint32 *data = pixGetData(pixb);
    double all = 0.0, crossing = 0.0;
    for (size_t k = 0; k < tl->n; k++) {
        if (!block_is_text(tl->v[k].type))
            continue;
        for (size_t j = 0; j < tl->v[k].nlines; j++) {
            nocr_box b = tl->v[k].lines[j];
            int x0 = b.x < 0 ? 0 : b.x, x1 = b.x + b.w > W ? W : b.x + b.w;
            int y0 = b.y < 0 ? 0 : b.y, y1 = b.y + b.h > H ? H : b.y + b.h;
            if (x1 <= x0 || y1 <= y0)
                continue;
            all += x1 - x0;
            if (nocr_line_crosses_gutter(data, wpl, W, H, x0, x1, y0, y1, body))
                crossing += x1 - x0;
        }
    }
    return all > 0.0 ? crossing / all : 0.0;
}

/* Lines across the tops of columns: Tesseract's column finding joins the first lines of
 * columns side by side into lines across the gutters where no white runs down above them
 * (a headline or byline over the columns), at the foot of the block over the columns
 * (Latin tuning seed 20261213424: the folio line, two headlines, their bylines and two
 * such lines across three columns were one block, read before the columns; the gutter
 * test, crossing_share, sees no channel above them). The lines at the foot of a block,
 * over two column blocks or more (text blocks under it, their tops within TOP_REACH body
 * heights of its foot, each narrower than TOP_NARROW of it, side by side), that run across
 * every gutter between them (at most TOP_GUTTER_MAX body heights wide: no column is
 * missing between two), are body type (lines at most TOP_LINE_H times as tall as the body
 * blocks': a line across a page picks up the skew left) and white there for
 * TOP_GUTTER_EMS body heights (a word space is narrower) are cut at the gutters, and each
 * piece goes to the top of the column under it. Nothing is dropped: every piece is read,
 * in its column. */
#define TOP_REACH      3
#define TOP_NARROW     0.7
#define TOP_GUTTER_EMS 1.0
#define TOP_GUTTER_MAX 4
#define TOP_LINE_H     1.2
#define TOP_COLUMNS    16
#define TOP_LINES      8

/* The width of the longest run of empty pixel columns of pixb in [x0, x1) over rows
 * [y0, y1) (clipped to the image), the first of the longest, and in *end the column after
 * it; with `inner`, only runs with ink on both sides. 0 when there is none. */
static int longest_white(PIX *pixb, int x0, int x1, int y0, int y1, int inner, int *end)
{
    int W = pixGetWidth(pixb), H = pixGetHeight(pixb), wpl = pixGetWpl(pixb);
    const l_uint32 *data = pixGetData(pixb);
    x0 = x0 < 0 ? 0 : x0;
    x1 = x1 > W ? W : x1;
    y0 = y0 < 0 ? 0 : y0;
    y1 = y1 > H ? H : y1;
    int run = 0, best = 0, seen = 0;
    *end = 0;
    for (int x = x0; x < x1; x++) {
        int ink = 0;
        for (int y = y0; y < y1 && !ink; y++)
            ink = GET_DATA_BIT(data + (size_t)y * wpl, x);
        if (inner && ink && seen && run > best) {
            best = run;
            *end = x;
        }
        seen |= ink;
        run = ink ? 0 : run + 1;
        if (!inner && run > best) {
            best = run;
            *end = x + 1;
        }
    }
    return best;
}

/* The middle of the longest run of empty pixel columns of pixb in [x0, x1) over rows
 * [y0, y1), when it is at least `min` wide; -1 otherwise. */
static int white_cut(PIX *pixb, int x0, int x1, int y0, int y1, int min)
{
    int end, best = longest_white(pixb, x0, x1, y0, y1, 0, &end);
    return best >= min && best > 0 ? end - best / 2 : -1;
}

static int cmp_block_x(const void *a, const void *b)
{
    const tess_block *x = *(tess_block *const *)a, *y = *(tess_block *const *)b;
    return (x->box.x > y->box.x) - (x->box.x < y->box.x);
}

/* Where line l is cut at the gutters between the n columns col[] into cut[] (n - 1 of
 * them); 0 when it does not run across them all in body type, white there. */
static int line_cuts(int *cut, nocr_box l, tess_block *const *col, int n, PIX *pixb, int body,
                     const body_blocks *bb)
{
    if (bb->line_h <= 0 || l.h > TOP_LINE_H * bb->line_h)
        return 0;
    for (int i = 0; i + 1 < n; i++) {
        int g0 = col[i]->box.x + col[i]->box.w, g1 = col[i + 1]->box.x;
        if (l.x >= g0 || l.x + l.w <= g1 || g1 - g0 > TOP_GUTTER_MAX * body)
            return 0;
        cut[i] =
            white_cut(pixb, g0 - body, g1 + body, l.y, l.y + l.h, (int)(TOP_GUTTER_EMS * body));
        if (cut[i] < 0)
            return 0;
    }
    return 1;
}

/* Gives the lines at the foot of block `top` that run across the tops of the column
 * blocks under it to those columns, cut at the gutters (see TOP_REACH); 0 when there are
 * none (or out of memory: what was given stays given, nothing is lost). */
static int top_to_columns(tess_layout *tl, size_t top, PIX *pixb, int body, const body_blocks *bb)
{
    tess_block *b = &tl->v[top], *col[TOP_COLUMNS];
    int n = 0;
    if (!block_is_text(b->type) || b->nlines == 0)
        return 0;
    int bx1 = b->box.x + b->box.w, by1 = b->box.y + b->box.h;
    for (size_t k = 0; k < tl->n && n < TOP_COLUMNS; k++) {
        tess_block *c = &tl->v[k];
        if (k == top || !block_is_text(c->type) || c->nlines == 0 || c->box.y < by1 - body ||
            c->box.y > by1 + TOP_REACH * body || c->box.x < b->box.x - body ||
            c->box.x + c->box.w > bx1 + body || c->box.w >= TOP_NARROW * b->box.w)
            continue;
        col[n++] = c;
    }
    if (n < 2)
        return 0;
    qsort(col, (size_t)n, sizeof(*col), cmp_block_x);
    for (int i = 0; i + 1 < n; i++)
        if (col[i]->box.x + col[i]->box.w > col[i + 1]->box.x)
            return 0; /* not side by side */
    /* the lines at the foot that run across, bottom up; cuts[j][i]: line first + j's cut
     * between columns i and i + 1 */
    int cuts[TOP_LINES][TOP_COLUMNS], m = 0;
    while (m < TOP_LINES && (size_t)m < b->nlines &&
           line_cuts(cuts[TOP_LINES - 1 - m], b->lines[b->nlines - 1 - m], col, n, pixb, body, bb))
        m++;
    if (m == 0)
        return 0;
    size_t first = b->nlines - (size_t)m;
    for (int i = 0; i < n; i++) {
        tess_block *c = col[i];
        nocr_box *lines = malloc((c->nlines + (size_t)m) * sizeof(*lines));
        if (!lines)
            return 0;
        size_t k = 0;
        for (int j = 0; j < m; j++) {
            nocr_box l = b->lines[first + (size_t)j];
            const int *cut = cuts[TOP_LINES - m + j];
            int x0 = i == 0 ? l.x : cut[i - 1], x1 = i == n - 1 ? l.x + l.w : cut[i];
            if (x1 > x0)
                lines[k++] = (nocr_box){x0, l.y, x1 - x0, l.h};
        }
        memcpy(lines + k, c->lines, c->nlines * sizeof(*lines));
        for (size_t j = 0; j < k; j++) {
            int cx1 = c->box.x + c->box.w, cy1 = c->box.y + c->box.h;
            int lx1 = lines[j].x + lines[j].w, ly1 = lines[j].y + lines[j].h;
            c->box.x = lines[j].x < c->box.x ? lines[j].x : c->box.x;
            c->box.y = lines[j].y < c->box.y ? lines[j].y : c->box.y;
            c->box.w = (lx1 > cx1 ? lx1 : cx1) - c->box.x;
            c->box.h = (ly1 > cy1 ? ly1 : cy1) - c->box.y;
        }
        free(c->lines);
        c->lines = lines;
        c->nlines += k;
        c->cap = c->nlines;
    }
    /* the block keeps the lines above: its box shrinks to them */
    b->nlines = first;
    if (first > 0) {
        int y1 = b->box.y;
        for (size_t j = 0; j < first; j++)
            y1 = b->lines[j].y + b->lines[j].h > y1 ? b->lines[j].y + b->lines[j].h : y1;
        b->box.h = y1 - b->box.y;
    }
    return 1;
}

/* The folio line at the head of a block of larger type: Tesseract's layout analysis
 * gave the folio line and the headlines under it one block (Latin tuning seeds 20261213424
 * and 426, skewed 2.3 and 2.7 degrees), read as one section heading and the folio lost. A
 * block's first line that ends in the folio band (NOCR_FOLIO_BAND_DIV), followed by a line
 * FOLIO_APART times as tall, is a block of its own, before it. */
#define FOLIO_APART 1.5

static void folio_apart(tess_layout *tl, int page_h)
{
    for (size_t k = 0; k < tl->n; k++) {
        tess_block *b = &tl->v[k];
        if (!block_is_text(b->type) || b->nlines < 2 ||
            b->lines[0].y + b->lines[0].h > page_h / NOCR_FOLIO_BAND_DIV ||
            b->lines[1].h < FOLIO_APART * b->lines[0].h)
            continue;
        nocr_box *line = malloc(sizeof(*line));
        if (!line || NOCR_ARRAY_GROW(tl->v, tl->cap, tl->n + 1)) {
            free(line);
            return; /* out of memory: the block stays whole */
        }
        memmove(&tl->v[k + 1], &tl->v[k], (tl->n - k) * sizeof(*tl->v));
        tl->n++;
        tess_block *f = &tl->v[k], *rest = &tl->v[k + 1];
        *line = rest->lines[0];
        *f = (tess_block){.box = *line, .type = rest->type, .lines = line, .nlines = 1, .cap = 1};
        memmove(rest->lines, rest->lines + 1, (rest->nlines - 1) * sizeof(*rest->lines));
        rest->nlines--;
        int y0 = rest->lines[0].y;
        for (size_t j = 1; j < rest->nlines; j++)
            y0 = rest->lines[j].y < y0 ? rest->lines[j].y : y0;
        rest->box.h = rest->box.y + rest->box.h - y0;
        rest->box.y = y0;
        k++;
    }
}

/* top_to_columns on every block of tl. */
static void tops_to_columns(tess_layout *tl, const nocr_image *img)
{
    PIX *pixb = nocr_image_work_binary(img);
    int body = nocr_image_work_body_size(img);
    body_blocks bb = body_blocks_measure(tl);
    for (size_t k = 0; pixb && body > 0 && k < tl->n; k++)
        top_to_columns(tl, k, pixb, body, &bb);
}

/* Blocks across a gutter: Tesseract's layout analysis can join two columns into blocks
 * whose lines run across the gutter, each line two columns' lines read as one, words
 * interleaved (Latin tuning seed 20261230227: two columns 1.2 em apart under
 * bleed-through, joined in both layouts nocr_segment_alphabetic chooses from; CER 0.52,
 * plain tesseract's 0.53). Such a block is cut at the gutter its lines cross
 * (nocr_line_gutter, the median of their gutters; held by a line of body type, or by two
 * lines: a headline's word space is as wide as a gutter), where every line of body type
 * across it leaves a straight white channel (common_channel) and the column edges line up
 * (column_edges). Each line across it is cut in two where the text image is white there
 * for SPLIT_WHITE body heights, every line on one side goes to that side, and a line across
 * it that is not white there (a headline over both columns) ends the run of columns above
 * it and is a block of its own. Pieces are trimmed to their ink in the text image; only a
 * piece with none there is dropped (ink the regions miss is read by fill_uncovered). The
 * blocks of a run are then read left column first (runs_in_columns). Latin tuning pages
 * (22 of mixed seeds 20261228200-259 to 20261230200-259, 30 of Latin 20261231200-229):
 * 20261230227 0.52 -> 0.20, 20261230248 0.093 -> 0.104, the other 50 unchanged. */
#define SPLIT_WHITE  0.8
#define SPLIT_TALL   1.5
#define SPLIT_COLUMN 5
#define SPLIT_MAX    64 /* cuts per page: every cut makes blocks narrower, this bounds it */

/* Appends box l (trimmed to the ink of pixb; nothing when it holds none) to blk's lines,
 * growing its box. */
static int piece_add(tess_block *blk, PIX *pixb, nocr_box l)
{
    nocr_box t; /* none when l is empty: a cut at the line's end, the other piece holds it */
    if (!ink_box(pixb, l, &t))
        return NOCR_OK;
    if (NOCR_ARRAY_GROW(blk->lines, blk->cap, blk->nlines + 1))
        return NOCR_ENOMEM;
    blk->lines[blk->nlines++] = t;
    blk->box = blk->nlines == 1 ? t : nocr_box_union(blk->box, t);
    return NOCR_OK;
}

/* The blocks block b is cut into at the gutter x (see SPLIT_WHITE), appended to *out (n of
 * them, cap allocated): for each run of lines beside each other, the left block and the
 * right; each line over both columns without white at x, a block. */
static int cut_block(const tess_block *b, int x, PIX *pixb, int body, tess_block **out, size_t *n,
                     size_t *cap)
{
    size_t open = *n; /* the current run's left block is open, its right open + 1 */
    int in_run = 0, rc = NOCR_OK;
    for (size_t j = 0; j < b->nlines && !rc; j++) {
        nocr_box l = b->lines[j];
        int x1 = l.x + l.w, cut = -1;
        if (l.x < x && x1 > x)
            cut = white_cut(pixb, x - body, x + body, l.y, l.y + l.h, (int)(SPLIT_WHITE * body));
        if (l.x < x && x1 > x && cut < 0) { /* over both columns: a block of its own */
            if (NOCR_ARRAY_GROW(*out, *cap, *n + 1))
                return NOCR_ENOMEM;
            (*out)[(*n)++] = (tess_block){.type = b->type};
            rc = piece_add(&(*out)[*n - 1], pixb, l);
            in_run = 0;
            continue;
        }
        if (!in_run) {
            if (NOCR_ARRAY_GROW(*out, *cap, *n + 2))
                return NOCR_ENOMEM;
            open = *n;
            (*out)[(*n)++] = (tess_block){.type = b->type, .cut = x, .side = -1};
            (*out)[(*n)++] = (tess_block){.type = b->type, .cut = x, .side = 1};
            in_run = 1;
        }
        if (cut < 0) {
            rc = piece_add(&(*out)[x1 <= x ? open : open + 1], pixb, l);
        } else {
            rc = piece_add(&(*out)[open], pixb, (nocr_box){l.x, l.y, cut - l.x, l.h});
            if (!rc)
                rc = piece_add(&(*out)[open + 1], pixb, (nocr_box){cut, l.y, x1 - cut, l.h});
        }
    }
    return rc;
}

/* The middle of the white channel at the gutter x that every line of body type across it
 * leaves (at most line_max high: a headline over both columns has its own block), when at
 * least SPLIT_WHITE body heights wide; -1 when there is none, or no such line (two lines
 * of headline type whose word spaces line up are no columns). A gutter runs straight down
 * the columns; the word spaces of justified lines in a narrow column, as wide as a body
 * and in line over three lines (a river), wander. */
static int common_channel(const tess_block *b, int x, PIX *pixb, int body, int line_max)
{
    int lo = x - body < 0 ? 0 : x - body, hi = x + body, W = pixGetWidth(pixb);
    int H = pixGetHeight(pixb), wpl = pixGetWpl(pixb), run = 0, best = 0, best_end = 0;
    hi = hi > W ? W : hi;
    if (hi <= lo)
        return -1;
    unsigned char *ink = calloc((size_t)(hi - lo), 1);
    if (!ink)
        return -1;
    const l_uint32 *data = pixGetData(pixb);
    int seen = 0;
    for (size_t j = 0; j < b->nlines; j++) {
        nocr_box l = b->lines[j];
        if (l.h > line_max || l.x >= x - body / 2 || l.x + l.w <= x + body / 2)
            continue;
        seen++;
        int y0 = l.y < 0 ? 0 : l.y, y1 = l.y + l.h > H ? H : l.y + l.h;
        for (int c = lo; c < hi; c++)
            for (int y = y0; y < y1 && !ink[c - lo]; y++)
                ink[c - lo] = (unsigned char)GET_DATA_BIT(data + (size_t)y * wpl, c);
    }
    for (int c = lo; c < hi; c++) {
        run = ink[c - lo] ? 0 : run + 1;
        if (run > best) {
            best = run;
            best_end = c + 1;
        }
    }
    free(ink);
    return seen > 0 && best >= SPLIT_WHITE * body ? best_end - best / 2 : -1;
}

/* The column edges at a gutter: where the ink of block k's lines across x (its gutter)
 * ends left of x or starts right of it (medians), held by at least SPLIT_EDGE_LINES
 * lines ending or starting there (within a quarter of a body height): those pieces, the
 * block's other lines or those of the page's other text blocks (one side will do: a
 * caption beside the column is centred). Columns are set flush: the lines of a column end and
 * start where those of the blocks above and below it do, and where the block's other lines across
 * the gutter do; two words beside a wide space (a word space in a justified narrow column, a river
 * of them) line up with nothing. The columns are about as wide: the narrower side at least
 * SPLIT_EVEN of the wider (a river through a column of tuning seed 20261231201 cut it 509 px to
 * 916). */
#define SPLIT_EDGE_LINES 3
#define SPLIT_EVEN       0.6

static int column_edges(const tess_layout *tl, size_t k, int x, PIX *pixb, int body)
{
    const tess_block *b = &tl->v[k];
    int *ends = malloc(2 * b->nlines * sizeof(*ends)), *starts = ends ? ends + b->nlines : NULL;
    int n = 0, tol = body / 4 > 1 ? body / 4 : 1;
    if (!ends)
        return 0;
    for (size_t j = 0; j < b->nlines; j++) {
        nocr_box l = b->lines[j], left, right;
        if (l.x >= x || l.x + l.w <= x)
            continue;
        if (ink_box(pixb, (nocr_box){l.x, l.y, x - l.x, l.h}, &left) &&
            ink_box(pixb, (nocr_box){x, l.y, l.x + l.w - x, l.h}, &right)) {
            ends[n] = left.x + left.w;
            starts[n++] = right.x;
        }
    }
    int ok = 0;
    if (n > 0) {
        qsort(ends, (size_t)n, sizeof(*ends), nocr_cmp_int);
        qsort(starts, (size_t)n, sizeof(*starts), nocr_cmp_int);
        int e = ends[n / 2], st = starts[n / 2], held_e = 0, held_s = 0;
        for (int i = 0; i < n; i++) {
            held_e += abs(ends[i] - e) <= tol;
            held_s += abs(starts[i] - st) <= tol;
        }
        for (size_t i = 0; i < tl->n; i++) {
            if (!block_is_text(tl->v[i].type))
                continue;
            for (size_t j = 0; j < tl->v[i].nlines; j++) {
                nocr_box l = tl->v[i].lines[j];
                if (i == k && l.x < x && l.x + l.w > x)
                    continue; /* counted as pieces above */
                held_e += abs(l.x + l.w - e) <= tol;
                held_s += abs(l.x - st) <= tol;
            }
        }
        int wl = e - b->box.x, wr = b->box.x + b->box.w - st;
        ok = (held_e >= SPLIT_EDGE_LINES || held_s >= SPLIT_EDGE_LINES) &&
             (wl < wr ? wl : wr) >= SPLIT_EVEN * (wl < wr ? wr : wl);
    }
    free(ends);
    return ok;
}

/* Cuts text block k of tl at the gutter its lines cross (see SPLIT_WHITE); 1 when it was
 * cut (its place in tl taken by the blocks it was cut into, in reading order), 0 when
 * not, or on running out of memory (the block stays whole). */
static int block_at_gutter(tess_layout *tl, size_t k, PIX *pixb, int body, int line_max)
{
    tess_block *b = &tl->v[k];
    int W = pixGetWidth(pixb), H = pixGetHeight(pixb), wpl = pixGetWpl(pixb);
    const l_uint32 *data = pixGetData(pixb);
    if (!block_is_text(b->type) || b->nlines == 0 ||
        b->box.y + b->box.h <= H / NOCR_FOLIO_BAND_DIV) /* the folio line's wide spaces */
        return 0;
    int *g = malloc(2 * b->nlines * sizeof(*g)), *tall = g ? g + b->nlines : NULL, ng = 0;
    if (!g)
        return 0;
    for (size_t j = 0; j < b->nlines; j++) {
        nocr_box l = b->lines[j];
        int x0 = l.x < 0 ? 0 : l.x, x1 = l.x + l.w > W ? W : l.x + l.w;
        int y0 = l.y < 0 ? 0 : l.y, y1 = l.y + l.h > H ? H : l.y + l.h;
        int at = x1 > x0 && y1 > y0 ? nocr_line_gutter(data, wpl, W, H, x0, x1, y0, y1, body) : -1;
        if (at >= 0) { /* each side's ink: a line joined from two may stand higher */
            int hl = ink_height(pixb, (nocr_box){l.x, l.y, at - l.x, l.h});
            int hr = ink_height(pixb, (nocr_box){at, l.y, l.x + l.w - at, l.h});
            tall[ng] = (hl < hr ? hl : hr) > SPLIT_TALL * body;
            g[ng++] = at;
        }
    }
    /* the median gutter, held by a line of body type or by two lines */
    int x = -1, held = 0, body_line = 0;
    if (ng > 0) {
        int *sorted = malloc((size_t)ng * sizeof(*sorted));
        if (sorted) {
            memcpy(sorted, g, (size_t)ng * sizeof(*g));
            qsort(sorted, (size_t)ng, sizeof(*sorted), nocr_cmp_int);
            x = sorted[ng / 2];
            free(sorted);
        }
        for (int i = 0; x >= 0 && i < ng; i++)
            if (abs(g[i] - x) <= body) {
                held++;
                body_line |= !tall[i];
            }
    }
    free(g);
    if (x < 0 || (held < 2 && !body_line))
        return 0;
    if ((x = common_channel(b, x, pixb, body, line_max)) < 0 ||
        !column_edges(tl, k, x, pixb, body))
        return 0;
    tess_block *parts = NULL;
    size_t n = 0, cap = 0, kept = 0;
    int rc = cut_block(b, x, pixb, body, &parts, &n, &cap);
    for (size_t i = 0; i < n; i++) /* blocks left without a line go */
        if (parts[i].nlines > 0)
            parts[kept++] = parts[i];
        else
            free(parts[i].lines);
    int sides = 0;
    for (size_t i = 0; i < kept; i++) {
        sides |= parts[i].side < 0 ? 1 : parts[i].side > 0 ? 2 : 0;
        if (parts[i].side != 0 && parts[i].box.w < SPLIT_COLUMN * body)
            sides = 4; /* a drop cap beside its lines, not a column */
    }
    if (rc || sides != 3 || NOCR_ARRAY_GROW(tl->v, tl->cap, tl->n + kept - 1)) {
        for (size_t i = 0; i < kept; i++)
            free(parts[i].lines);
        free(parts);
        return 0;
    }
    b = &tl->v[k];
    free(b->lines);
    memmove(&tl->v[k + kept], &tl->v[k + 1], (tl->n - k - 1) * sizeof(*tl->v));
    memcpy(&tl->v[k], parts, kept * sizeof(*parts));
    tl->n += kept - 1;
    free(parts);
    return 1;
}

/* Whether block c stands on one side of the gutter at x, over the columns of the blocks
 * cut there (span). */
static int beside_gutter(const tess_block *c, int x, nocr_box span, int body)
{
    int x1 = c->box.x + c->box.w;
    return c->box.x >= span.x - body && x1 <= span.x + span.w + body &&
           (x1 <= x + body / 2 || c->box.x >= x - body / 2);
}

/* Tesseract reads the blocks of a column partition in order, a column after the other; cut
 * at a gutter, the rows of two columns it had joined would be read a row of both after
 * the other. From each block cut at a gutter, the blocks that follow it in tl and stand on
 * one side of that gutter (beside_gutter; a block over both ends the run, blocks beside
 * the columns keep their places) are read left side first, each side in tl's order. */
static void runs_in_columns(tess_layout *tl, int body)
{
    tess_block *tmp = malloc((tl->n + 1) * sizeof(*tmp));
    size_t *slot = malloc((tl->n + 1) * sizeof(*slot));
    for (size_t i = 0; tmp && slot && i < tl->n; i++) {
        if (tl->v[i].side == 0)
            continue;
        int x = tl->v[i].cut;
        nocr_box span = tl->v[i].box;
        size_t m = 0;
        for (size_t e = i; e < tl->n; e++) {
            const tess_block *c = &tl->v[e];
            if (c->side != 0 && abs(c->cut - x) <= body)
                span = nocr_box_union(span, c->box);
            if (beside_gutter(c, x, span, body))
                slot[m++] = e;
            else if (c->box.x < x && c->box.x + c->box.w > x)
                break; /* across the gutter: the run ends */
        }
        size_t t = 0;
        for (int side = 0; side < 2; side++)
            for (size_t j = 0; j < m; j++) {
                const tess_block *c = &tl->v[slot[j]];
                if ((c->box.x + c->box.w / 2 >= x) == side)
                    tmp[t++] = *c;
            }
        for (size_t j = 0; j < m; j++)
            tl->v[slot[j]] = tmp[j];
    }
    free(tmp);
    free(slot);
}

/* Every text block of tl across a gutter cut at it (block_at_gutter), and the runs of
 * columns read a column after the other (runs_in_columns). */
static void blocks_at_gutters(tess_layout *tl, const nocr_image *img)
{
    PIX *pixb = nocr_image_work_binary(img);
    int body = nocr_image_work_body_size(img), cuts = 0;
    body_blocks bb = body_blocks_measure(tl);
    int line_max = (int)(TOP_LINE_H * bb.line_h);
    if (!pixb || body <= 0 || line_max <= 0)
        return;
    for (size_t k = 0; k < tl->n; k++)
        if (cuts < SPLIT_MAX && block_at_gutter(tl, k, pixb, body, line_max)) {
            cuts++;
            k--; /* the first of its parts may cross another gutter */
        }
    if (cuts > 0)
        runs_in_columns(tl, body);
}

/* Headline pieces: Tesseract's column finding cuts a headline over several columns where
 * one of its word spaces stands over a gutter, and it sets the lines of a headline of two
 * lines in blocks of their own; each piece was then a headline, and began an article
 * (Latin tuning pages, 19 of 344 headlines over 48 pages: "Not everyone" and "is
 * convinced" read as two articles, "Their" and "teacher" as two). Two blocks of
 * headline-size lines (HEAD_JOIN_SIZE times the body blocks' line height and more, at most
 * HEAD_LINES lines together), of one size (HEAD_JOIN_SAME: descenders make boxes of one
 * type differ by a fifth), with no rule between them, are one headline:
 *   - on one row (tops within HEAD_JOIN_TOP of the taller's height: a smaller subheadline
 *     set on the headline's baseline has a lower top), when the white between them is no
 *     wider than HEAD_JOIN_SPACE of the pieces' own widest word space: two headlines side
 *     by side stand a gutter and the rest of a column apart. A piece of one word has no
 *     word space; then HEAD_JOIN_WORD of its height, a word space of headline type;
 *   - one over the other, HEAD_JOIN_LEAD of a line's height apart or less (a headline's
 *     leading; an article's body stands between two articles' headlines), overlapping
 *     over half the narrower's width. */
#define HEAD_JOIN_SIZE  1.3
#define HEAD_JOIN_SAME  0.7
#define HEAD_JOIN_TOP   0.15
#define HEAD_JOIN_SPACE 1.5
#define HEAD_JOIN_WORD  0.45
#define HEAD_JOIN_LEAD  0.6
/* White runs inside a line of headline type this share of its height wide or more are
 * word spaces; the gaps between its letters are narrower. */
#define HEAD_WORD_MIN 0.18

/* The widest white run, of HEAD_WORD_MIN of l's height or more, between l's ink in pixb;
 * 0 when there is none (one word). */
static int widest_space(PIX *pixb, nocr_box l)
{
    int end, best = longest_white(pixb, l.x, l.x + l.w, l.y, l.y + l.h, 1, &end);
    return best >= HEAD_WORD_MIN * l.h ? best : 0;
}

/* Whether a rule of img crosses the box between a and b (working pixels). */
static int rule_between(const nocr_image *img, nocr_box a, nocr_box b)
{
    if (b.x < a.x || (b.x == a.x && b.y < a.y)) {
        nocr_box t = a;
        a = b;
        b = t;
    }
    /* the white between them: across, or down when one stands over the other */
    nocr_box u = nocr_box_union(a, b);
    int apart_x = a.x + a.w < b.x, over = a.y + a.h < b.y, under = b.y + b.h < a.y;
    int x0 = apart_x ? a.x + a.w : u.x, x1 = apart_x ? b.x : u.x + u.w;
    int y0 = over ? a.y + a.h : under ? b.y + b.h : u.y, y1 = over ? b.y : under ? a.y : u.y + u.h;
    nocr_box gap = {x0, y0, x1 - x0, y1 - y0};
    for (size_t i = 0; i < nocr_image_rule_count(img); i++)
        if (area_in(gap, nocr_image_work_rule(img, i, NULL)) > 0)
            return 1;
    return 0;
}

/* Whether blocks a and b are pieces of one headline (above); *row: side by side. */
static int head_pieces(const tess_block *a, const tess_block *b, PIX *pixb, int line_h,
                       const nocr_image *img, int *row)
{
    if (!block_is_text(a->type) || !block_is_text(b->type) || a->nlines == 0 || b->nlines == 0 ||
        a->nlines + b->nlines > HEAD_LINES)
        return 0;
    int ha = median_line_h(a), hb = median_line_h(b);
    int hmax = ha > hb ? ha : hb, hmin = ha < hb ? ha : hb;
    if (hmin < HEAD_JOIN_SIZE * line_h || hmin < HEAD_JOIN_SAME * hmax)
        return 0;
    nocr_box A = a->box, B = b->box;
    if (rule_between(img, A, B))
        return 0;
    *row = a->nlines == 1 && b->nlines == 1 && abs(A.y - B.y) <= HEAD_JOIN_TOP * hmax;
    if (*row) {
        nocr_box l = A.x <= B.x ? A : B, r = A.x <= B.x ? B : A, li, ri;
        if (ink_box(pixb, l, &li) && ink_box(pixb, r, &ri))
            l = li, r = ri;
        int gap = r.x - (l.x + l.w);
        int sa = widest_space(pixb, a->lines[0]), sb = widest_space(pixb, b->lines[0]);
        int space = sa > sb ? sa : sb;
        return gap >= 0 &&
               (space > 0 ? gap <= HEAD_JOIN_SPACE * space : gap <= HEAD_JOIN_WORD * hmin);
    }
    const nocr_box *up = A.y <= B.y ? &A : &B, *down = up == &A ? &B : &A;
    int lead = down->y - (up->y + up->h);
    int x0 = A.x > B.x ? A.x : B.x, x1 = A.x + A.w < B.x + B.w ? A.x + A.w : B.x + B.w;
    int narrow = A.w < B.w ? A.w : B.w;
    return lead >= -hmin / 4 && lead <= HEAD_JOIN_LEAD * hmax && 2 * (x1 - x0) > narrow;
}

/* Block b joined into block a (head_pieces): one line when side by side, its lines after
 * a's (top to bottom) when one is over the other. 0 when out of memory (nothing joined). */
static int head_join(tess_block *a, tess_block *b, int row)
{
    if (row) {
        a->lines[0] = nocr_box_union(a->lines[0], b->lines[0]);
    } else {
        if (NOCR_ARRAY_GROW(a->lines, a->cap, a->nlines + b->nlines))
            return 0;
        memcpy(a->lines + a->nlines, b->lines, b->nlines * sizeof(*b->lines));
        a->nlines += b->nlines;
        for (size_t i = 1; i < a->nlines; i++) /* by top: at most HEAD_LINES lines */
            for (size_t j = i; j > 0 && a->lines[j].y < a->lines[j - 1].y; j--) {
                nocr_box t = a->lines[j];
                a->lines[j] = a->lines[j - 1];
                a->lines[j - 1] = t;
            }
    }
    a->box = nocr_box_union(a->box, b->box);
    return 1;
}

/* Joins the pieces of headlines in tl (head_pieces), pieces on one row first, until none
 * are left; a joined block keeps the earlier one's place in tl. */
static void heads_join(tess_layout *tl, const nocr_image *img)
{
    PIX *pixb = nocr_image_work_binary(img);
    body_blocks bb = body_blocks_measure(tl);
    if (!pixb || bb.line_h <= 0)
        return;
    for (int pass = 0; pass < 2; pass++)
        for (int joined = 1; joined;) {
            joined = 0;
            for (size_t i = 0; i < tl->n && !joined; i++)
                for (size_t j = 0; j < tl->n && !joined; j++) {
                    int row = 0;
                    if (i == j || !head_pieces(&tl->v[i], &tl->v[j], pixb, bb.line_h, img, &row) ||
                        row != (pass == 0))
                        continue;
                    size_t a = i < j ? i : j, b = i < j ? j : i;
                    if (!head_join(&tl->v[a], &tl->v[b], row))
                        return;
                    free(tl->v[b].lines);
                    memmove(&tl->v[b], &tl->v[b + 1], (tl->n - b - 1) * sizeof(*tl->v));
                    tl->n--;
                    joined = 1;
                }
        }
}

/* The text image's layout (clean_gray) is tried when the gray's text blocks hold less
 * than SHADE_COVER of the ink (tess_covered), and taken when its blocks hold CLEAN_GAIN
 * more: a shade the gray's analysis took for an image leaves the lines under it out.
 * Taken on every Latin page it won on some and lost on others (held-out seeds 3200-3219:
 * CER 0.182 -> 0.189, 3207 0.15 -> 0.40; 3600-3623 0.224 -> 0.190). The gray's blocks
 * held 0.90-0.94 of the ink on the pages it won (fresh 20261201914 and 920, seeds 3205,
 * 3211; the text image's 0.98-1.0) and 0.990-0.9999 on those it lost (913, 953, 3207,
 * 3208, 3217). */
#define SHADE_COVER 0.97
#define CLEAN_GAIN  0.01

int nocr_segment_alphabetic(nocr_page **out, nocr_engine *eng, const nocr_image *img)
{
    if (!out || !eng || !img)
        return nocr_error_set(NOCR_EINVAL, "nocr_segment_alphabetic: NULL argument");
    *out = NULL;
    nocr_page *page = NULL;
    tess_layout tl;
    nocr_ink ink = {0};
    unsigned char *covered = NULL;
    /* Tesseract's layout of the working gray, unless its text blocks leave SHADE_COVER of
     * the ink outside and the text image's (clean_gray) take in CLEAN_GAIN more of it;
     * then, of the working image, unless the original's has clearly fewer
     * lines across a gutter (CROSS_MARGIN less of their width): either can join the
     * columns where the other does not (see tess_analyse). The original is analysed only
     * when the working image's layout has CROSS_MARGIN of its lines across a gutter: below
     * that it cannot lose, and a second analysis costs a second or more of a Latin page. */
    int rc = tess_analyse(&tl, eng, img, 0, 0, 0);
    if (rc)
        return rc;
    if ((rc = nocr_ink_find(&ink, img)))
        goto cleanup;
    double cov = tess_covered(&tl, &ink);
    if (cov < SHADE_COVER) {
        tess_layout tc;
        if ((rc = tess_analyse(&tc, eng, img, 0, 0, 1)))
            goto cleanup;
        if (tess_covered(&tc, &ink) >= cov + CLEAN_GAIN) {
            tess_layout_free(&tl);
            tl = tc;
        } else {
            tess_layout_free(&tc);
        }
    }
    double cross = crossing_share(&tl, img);
    tess_layout to;
    if (cross >= CROSS_MARGIN) {
        if ((rc = tess_analyse(&to, eng, img, 0, 1, 0)))
            goto cleanup;
        double cross_o = crossing_share(&to, img);
        if (cross_o > cross - CROSS_MARGIN) {
            tess_layout_free(&to);
        } else {
            tess_layout_free(&tl);
            tl = to;
            cross = cross_o;
        }
    }
    tops_to_columns(&tl, img);
    if (nocr_image_work_binary(img))
        folio_apart(&tl, pixGetHeight(nocr_image_work_binary(img)));
    /* no line across a gutter (cutting lines and moving them adds none): nothing to cut */
    if (cross > 0.0)
        blocks_at_gutters(&tl, img);
    heads_join(&tl, img);
    if ((rc = page_new_from(&page, img)) || (rc = page_from_blocks(page, img, &tl, &ink)))
        goto cleanup;
    if (!(covered = calloc(ink.n + 1, 1))) {
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory (layout check)");
        goto cleanup;
    }
    rc = fill_uncovered(page, img, &tl, &ink, covered);

cleanup:
    free(covered);
    nocr_ink_free(&ink);
    tess_layout_free(&tl);
    if (rc) {
        nocr_page_free(page);
        return rc;
    }
    *out = page;
    return NOCR_OK;
}

/* The text region read before the coverage check (one of the first `first`) that holds
 * the centre of region `from`, NULL when none. */
static nocr_region *host_of(nocr_page *page, const nocr_image *img, size_t first,
                            const nocr_region *from)
{
    nocr_box fb = region_work_box(img, from);
    for (size_t k = 0; k < first; k++) {
        nocr_region *r = nocr_page_region(page, k);
        if (nocr_role_is_text(nocr_region_role(r)) && nocr_region_line_count(r) > 0 &&
            nocr_box_holds_center(region_work_box(img, r), fb))
            return r;
    }
    return NULL;
}

/* The columns two boxes share. */
static int x_overlap(nocr_box a, nocr_box b)
{
    int x0 = a.x > b.x ? a.x : b.x, x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    return x1 > x0 ? x1 - x0 : 0;
}

/* A region added inside a vertical one is a column cut into characters when at least
 * SINGLE_SHARE of its lines hold one word each (added_columns). */
#define SINGLE_SHARE 0.75

/* A word of a region the coverage check added, and the column it stands in. */
typedef struct added_word {
    const nocr_word *w;
    nocr_box box;
    int col;
} added_word;

/* The words of column j, top to bottom (level ones right first), as one new line of
 * `from` with box col, its confidence their mean. */
static int column_join(nocr_region *from, added_word *aw, size_t n, int j, nocr_box col)
{
    nocr_line *line = NULL;
    int rc = nocr_region_add_line(&line, from, col, NULL, -1.0f);
    double conf = 0;
    int count = 0;
    for (size_t pick = 0; !rc && pick < n;) {
        pick = n;
        for (size_t k = 0; k < n; k++)
            if (aw[k].col == j &&
                (pick == n || aw[k].box.y < aw[pick].box.y ||
                 (aw[k].box.y == aw[pick].box.y && aw[k].box.x > aw[pick].box.x)))
                pick = k;
        if (pick == n)
            break;
        aw[pick].col = -1; /* taken */
        conf += nocr_word_confidence(aw[pick].w);
        count++;
        rc = nocr_line_add_word(NULL, line, aw[pick].box, nocr_word_text(aw[pick].w),
                                nocr_word_confidence(aw[pick].w));
    }
    if (!rc && count > 0)
        nocr_line_set_confidence(line, (float)(conf / count));
    return rc ? rc : nocr_line_text_from_words(line);
}

/* Ink the coverage check added inside a vertical region is a column, or part of one (a
 * column the re-set reading left empty or dropped): read as a block of horizontal text, as
 * every added region is, it comes back as a line per character, stacked, and joined to the
 * vertical region each character became a line of its own, a paragraph of one character
 * (vertical tuning seeds 20261214307 and 332: columns of 22 and 62 characters, one a
 * line). When most lines of such a region hold one word (a character: CJK words are),
 * SINGLE_SHARE of them, and its words stand in fewer columns than it has lines, they are
 * joined into those columns, right to left, their readings kept: the column read again as
 * the vertical region's columns are came back empty on 332 (skewed), and a character's
 * box tells nothing of its shape (是 read as 十, a box twice as wide as tall). */
static int added_columns(nocr_page *page, const nocr_image *img, size_t first)
{
    int rc = NOCR_OK;
    for (size_t i = first; i < nocr_page_region_count(page) && !rc; i++) {
        nocr_region *from = nocr_page_region(page, i);
        size_t m = nocr_region_line_count(from), n = 0, ncols = 0;
        const nocr_region *host = m >= 2 && nocr_role_is_text(nocr_region_role(from)) &&
                                          nocr_region_direction(from) != NOCR_DIR_VERTICAL
                                      ? host_of(page, img, first, from)
                                      : NULL;
        if (!host || nocr_region_direction(host) != NOCR_DIR_VERTICAL)
            continue;
        for (size_t k = 0; k < m; k++)
            n += nocr_line_word_count(nocr_region_line(from, k));
        added_word *aw = calloc(n + 1, sizeof(*aw));
        nocr_box *cols = calloc(n + 1, sizeof(*cols));
        if (!aw || !cols) {
            free(aw);
            free(cols);
            return nocr_error_set(NOCR_ENOMEM, "out of memory (coverage)");
        }
        size_t single = 0;
        for (size_t k = 0, q = 0; k < m; k++) {
            single += nocr_line_word_count(nocr_region_line(from, k)) == 1;
            for (size_t w = 0; w < nocr_line_word_count(nocr_region_line(from, k)); w++, q++) {
                const nocr_word *wd = nocr_line_word(nocr_region_line(from, k), w);
                nocr_box b = nocr_word_box(wd);
                size_t j = 0;
                while (j < ncols &&
                       2 * x_overlap(cols[j], b) <= (cols[j].w < b.w ? cols[j].w : b.w))
                    j++;
                cols[j] = j < ncols ? nocr_box_union(cols[j], b) : b;
                ncols += j == ncols;
                aw[q] = (added_word){wd, b, (int)j};
            }
        }
        if (single >= SINGLE_SHARE * (double)m && n > 0 && ncols < m) {
            for (int pick = 0; pick >= 0 && !rc;) { /* columns right to left */
                pick = -1;
                for (size_t j = 0; j < ncols; j++)
                    if (cols[j].w > 0 && (pick < 0 || cols[j].x > cols[pick].x))
                        pick = (int)j;
                if (pick >= 0) {
                    rc = column_join(from, aw, n, pick, cols[pick]);
                    cols[pick].w = 0;
                }
            }
            for (size_t k = 0; k < m && !rc; k++)
                nocr_region_remove_line(from, 0);
            nocr_region_set_direction(from, NOCR_DIR_VERTICAL);
        }
        free(aw);
        free(cols);
    }
    return rc;
}

/* A region the coverage check added after recognition whose centre lies inside a text
 * region read before (a line Tesseract dropped from a block, e.g. a paragraph's short last
 * line) gives its lines to that region, in their place top to bottom, so that the
 * paragraph reads on: as a region of its own it would come after the whole block. */
static int merge_into_hosts(nocr_page *page, const nocr_image *img, size_t first)
{
    int rc = NOCR_OK;
    for (size_t i = first; i < nocr_page_region_count(page) && !rc; i++) {
        nocr_region *from = nocr_page_region(page, i);
        size_t m = nocr_region_line_count(from);
        if (m == 0 || !nocr_role_is_text(nocr_region_role(from)))
            continue;
        nocr_region *host = host_of(page, img, first, from);
        if (!host)
            continue;
        size_t n = nocr_region_line_count(host), a = 0, b = 0;
        while (!rc && (a < n || b < m)) { /* merged by top, copies after the originals */
            const nocr_line *la = a < n ? nocr_region_line(host, a) : NULL;
            const nocr_line *lb = b < m ? nocr_region_line(from, b) : NULL;
            if (la && (!lb || nocr_line_box(la).y <= nocr_line_box(lb).y)) {
                rc = nocr_line_copy(host, la);
                a++;
            } else {
                rc = nocr_line_copy(host, lb);
                b++;
            }
        }
        if (rc)
            break;
        for (size_t k = 0; k < n; k++)
            nocr_region_remove_line(host, 0);
        nocr_region_clear_lines(from);
    }
    return rc;
}

int nocr_recognize_check(nocr_page *page, nocr_engine *eng, const nocr_image *img)
{
    nocr_ink ink;
    unsigned char *covered = NULL;
    nocr_cover_settle(page, img);
    int rc = nocr_ink_find(&ink, img);
    if (rc)
        return rc;
    ink.square = !lang_alphabetic(eng);
    nocr_cover_drop_short(page, img, ink.body);
    size_t first = nocr_page_region_count(page), added = 0;
    if (!(covered = calloc(ink.n + 1, 1)))
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory (coverage)");
    if (!rc) {
        nocr_ink_covered(covered, &ink, page, img, 1);
        rc = nocr_cover_fill(page, img, &ink, covered, NULL, 0, NOCR_ORIGIN_COVERAGE, &added);
    }
    if (!rc && added > 0 && !(rc = nocr_recognize_from(page, eng, img, first)) &&
        !(rc = added_columns(page, img, first))) {
        nocr_cover_settle(page, img);
        rc = merge_into_hosts(page, img, first);
    }
    if (!rc)
        rc = nocr_cover_measure(page, img);
    free(covered);
    nocr_ink_free(&ink);
    return rc;
}

struct Pix *nocr_second_source(const nocr_image *img, const nocr_region *region)
{
    if (nocr_region_origin(region) == NOCR_ORIGIN_LAYOUT || !nocr_image_work_gray(img))
        return NULL;
    PIX *pixb = nocr_image_work_binary(img);
    nocr_box wb = region_work_box(img, region);
    BOX *box = pixb ? boxCreate(wb.x, wb.y, wb.w, wb.h) : NULL;
    l_int32 count = 0;
    if (box)
        pixCountPixelsInRect(pixb, box, &count, NULL);
    boxDestroy(&box);
    /* a text region holds ink: 1/200 of its area is less than one line of small type */
    return pixb && (long long)count * 200 < (long long)wb.w * wb.h ? nocr_image_work_gray(img)
                                                                   : NULL;
}
