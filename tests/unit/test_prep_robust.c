/*
 * test_prep_robust.c - preprocessing on scans it was never tuned on (issue 11): drawn
 * pages, Leptonica only, one per failure mode seen on independent pages.
 *
 * Usage: test_prep_robust FIXTURES_DIR SAMPLES_DIR SCHEMAS_DIR (none of them read)
 *
 * A page is drawn in 8-bit gray (paper 235, ink 25): columns of "characters" (random
 * strokes in a 40 px em box, pitch 42 px, lines 64 px apart, as 10.5 pt CJK at 300 dpi),
 * then degraded. Checked:
 *   - a strong lighting gradient (linear, towards a corner, steep at an edge) and a
 *     shadow band over text columns: no figure over the
 *     text, and its ink stays in the binary image (at least 70 % of the clean page's);
 *   - a blank margin darkened by a gradient is no figure;
 *   - a noise photo and a halftone photo are figures, their ink cleared; so is a halftone
 *     beside a fold that runs down the page (the fold joined it into a page-tall "photo"
 *     too sparse to be one), and a portrait photo 2.5 ems wide with text beside it;
 *   - a dark scanner border leaves no ink in the binary image, and no figure;
 *   - a bilevel (1 bpp, dithered) photo is a figure; the text beside it stays;
 *   - a shadow band over two lines of headline type (and a little body text) is no
 *     figure: the headline's ink stays;
 *   - three columns whose lines are out of step, the page turned 1.5 degrees: deskewed;
 *   - a fold's crease leaning across a column of text is taken out of the text image;
 *   - a page of three wide photos and three lines of text: the text's size is measured,
 *     not a photo's height;
 *   - a 160 dpi page of vertical columns whose characters are a left and a right part
 *     apart (a radical beside its phonetic): the body is measured a whole character wide,
 *     not a part's width.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "newsocr.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 2000
#define PAGE_H 2800
#define PAPER  235
#define INK    25
#define EM     40
#define PITCH  42
#define LINE   64

static unsigned long long rng_state = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

static void fill(PIX *pix, int x, int y, int w, int h, int v)
{
    pixSetInRectArbitrary(pix, &(BOX){.x = x, .y = y, .w = w, .h = h}, (l_uint32)v);
}

/* One "character": 3 to 5 strokes, 4 px thick, inside the em box at (x, y). */
static void draw_char(PIX *pix, int x, int y)
{
    int n = 3 + (int)rnd(3);
    for (int i = 0; i < n; i++) {
        int len = 14 + (int)rnd(EM - 16), at = 2 + (int)rnd(EM - 8);
        int from = 2 + (int)rnd((unsigned)(EM - len - 2));
        if (rnd(2))
            fill(pix, x + from, y + at, len, 4, INK);
        else
            fill(pix, x + at, y + from, 4, len, INK);
    }
}

/* A column of text lines filling (x, y, w, h). */
static void draw_column(PIX *pix, int x, int y, int w, int h)
{
    for (int ly = y; ly + EM <= y + h; ly += LINE)
        for (int cx = x; cx + EM <= x + w; cx += PITCH)
            draw_char(pix, cx, ly);
}

static PIX *page_blank(void)
{
    PIX *pix = pixCreate(PAGE_W, PAGE_H, 8);
    pixSetAllArbitrary(pix, PAPER);
    pixSetResolution(pix, 300, 300);
    return pix;
}

/* Three text columns (x 120-640, 740-1260, 1360-1880; y 200-2600). */
static const nocr_box columns[3] = {
    {120, 200, 520, 2400}, {740, 200, 520, 2400}, {1360, 200, 520, 2400}};

static PIX *page_three_columns(void)
{
    PIX *pix = page_blank();
    rng_state = 88172645463325252ULL;
    for (int i = 0; i < 3; i++)
        draw_column(pix, columns[i].x, columns[i].y, columns[i].w, columns[i].h);
    return pix;
}

/* Multiplies each pixel by factor(x, y) = 1 - depth * t, t from the lighting kind. */
enum { LIGHT_GRADIENT, LIGHT_BAND, LIGHT_CORNER, LIGHT_EDGE, LIGHT_FOLD };
static void light(PIX *pix, int kind, double depth)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    l_uint32 *data = pixGetData(pix);
    for (int y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        for (int x = 0; x < w; x++) {
            double t;
            if (kind == LIGHT_GRADIENT) {
                t = (double)x / w;
            } else if (kind == LIGHT_BAND) {
                /* a band 700 px high around y = 1200, soft edges of 80 px */
                double d = fabs(y - 1200.0) - 350.0;
                t = d <= 0 ? 1.0 : (d >= 80 ? 0.0 : 1.0 - d / 80.0);
            } else if (kind == LIGHT_FOLD) {
                /* a fold down the page in the gutter at x = 1310: 80 px dark, soft
                 * edges of 40 px */
                double d = fabs(x - 1310.0) - 40.0;
                t = d <= 0 ? 1.0 : (d >= 40 ? 0.0 : 1.0 - d / 40.0);
            } else if (kind == LIGHT_EDGE) {
                /* a steep shadow towards the right edge (a fold, a lifted sheet) */
                t = exp(-(double)(w - x) / 350.0);
            } else {
                double dx = (double)x / w, dy = (double)y / h;
                t = dx * dx * 0.6 + dy * 0.4;
            }
            int v = (int)(GET_DATA_BYTE(line, x) * (1.0 - depth * t) + 0.5);
            SET_DATA_BYTE(line, x, v < 0 ? 0 : v);
        }
    }
}

static nocr_image *image_from_pix(PIX *pix, const char *name)
{
    l_uint8 *data = NULL;
    size_t size = 0;
    nocr_image *img = NULL;
    const char *dump = getenv("NOCR_TEST_DUMP"); /* a directory: the drawn pages go there */
    if (dump) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/%s.png", dump, name);
        pixWrite(path, pix, IFF_PNG);
    }
    if (pixWriteMem(&data, &size, pix, IFF_PNG) == 0)
        nocr_image_load_mem(&img, data, size, name, 0, NULL);
    free(data);
    return img;
}

static nocr_image *preprocess(PIX *pix, const char *name)
{
    nocr_image *img = image_from_pix(pix, name);
    CHECK(img != NULL);
    if (!img)
        return NULL;
    nocr_preprocess_options opts = NOCR_PREPROCESS_OPTIONS_INIT;
    int rc = nocr_preprocess(img, &opts);
    CHECK_INT(rc, NOCR_OK);
    if (rc) {
        nocr_image_free(img);
        return NULL;
    }
    return img;
}

/* Ink of the binary working image inside b (original pixels; the drawn pages are straight,
 * so a box maps by the scale alone). */
static long ink_in(const nocr_image *img, nocr_box b)
{
    PIX *pixb = nocr_image_work_binary(img);
    double s = nocr_image_scale(img);
    BOX *box = boxCreate((int)(b.x * s), (int)(b.y * s), (int)(b.w * s), (int)(b.h * s));
    l_int32 count = 0;
    if (pixb && box)
        pixCountPixelsInRect(pixb, box, &count, NULL);
    boxDestroy(&box);
    return count;
}

/* Pixels of the working gray in b (original pixels) darker than halfway from the paper to
 * `gray`. */
static long dark_in(const nocr_image *img, nocr_box b, int gray)
{
    PIX *pixg = nocr_image_work_gray(img);
    double s = nocr_image_scale(img);
    int x0 = (int)(b.x * s), y0 = (int)(b.y * s), x1 = (int)((b.x + b.w) * s),
        y1 = (int)((b.y + b.h) * s);
    long count = 0;
    for (int y = y0; pixg && y < y1 && y < (int)pixGetHeight(pixg); y++)
        for (int x = x0; x < x1 && x < (int)pixGetWidth(pixg); x++) {
            l_uint32 v = 0;
            pixGetPixel(pixg, x, y, &v);
            count += (int)v < (PAPER + gray) / 2;
        }
    return count;
}

static long text_ink(const nocr_image *img)
{
    long sum = 0;
    for (int i = 0; i < 3; i++)
        sum += ink_in(img, columns[i]);
    return sum;
}

static double overlap(nocr_box a, nocr_box b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    return x1 > x0 && y1 > y0 ? (double)(x1 - x0) * (y1 - y0) : 0.0;
}

/* Whether any figure covers more than 5 % of a text column. */
static int figure_over_text(const nocr_image *img)
{
    for (size_t i = 0; i < nocr_image_figure_count(img); i++)
        for (int c = 0; c < 3; c++)
            if (overlap(nocr_image_figure(img, i), columns[c]) >
                0.05 * columns[c].w * columns[c].h)
                return 1;
    return 0;
}

static long clean_ink;

static void check_lighting(int kind, double depth, const char *name)
{
    PIX *pix = page_three_columns();
    light(pix, kind, depth);
    nocr_image *img = preprocess(pix, name);
    pixDestroy(&pix);
    if (!img)
        return;
    long ink = text_ink(img);
    if (figure_over_text(img) || ink < 0.7 * clean_ink)
        fprintf(stderr, "%s: %zu figures, text ink %ld of %ld\n", name,
                nocr_image_figure_count(img), ink, clean_ink);
    CHECK(!figure_over_text(img));
    CHECK(ink >= 0.7 * clean_ink);
    nocr_image_free(img);
}

/* One text column (x 120-640) and a blank right part darkened towards the corner. */
static void check_blank_margin(void)
{
    PIX *pix = page_blank();
    rng_state = 7;
    draw_column(pix, 120, 200, 520, 2400);
    light(pix, LIGHT_CORNER, 0.7);
    nocr_image *img = preprocess(pix, "blank-margin");
    pixDestroy(&pix);
    if (!img)
        return;
    CHECK_INT(nocr_image_figure_count(img), 0);
    CHECK(ink_in(img, (nocr_box){120, 200, 520, 2400}) > 0);
    nocr_image_free(img);
}

/* Checks that img has one figure, and gives its box: 1, or 0 when it has none. */
static int one_figure(nocr_box *f, const nocr_image *img)
{
    CHECK_INT(nocr_image_figure_count(img), 1);
    if (nocr_image_figure_count(img) < 1)
        return 0;
    *f = nocr_image_figure(img, 0);
    return 1;
}

/* A noise photo (blotches of random gray) or a halftone (dots on a 6 px grid sized by a
 * smooth tone) in the middle column, text beside it. */
static void draw_photo(PIX *pix, nocr_box p, int halftone)
{
    for (int y = p.y; y < p.y + p.h; y++) {
        for (int x = p.x; x < p.x + p.w; x++) {
            int v;
            if (halftone) {
                double tone = 0.5 + 0.45 * sin(x * 0.01) * cos(y * 0.013);
                int cx = (x % 6) - 3, cy = (y % 6) - 3;
                v = (cx * cx + cy * cy) < tone * 18.0 ? INK : PAPER;
            } else {
                v = (int)rnd(256);
            }
            pixSetPixel(pix, x, y, (l_uint32)v);
        }
    }
}

/* A photo of size w x h at the top left of the middle column, text above, beside and
 * under it. */
static void check_photo(int halftone, int fold, int w, int h)
{
    PIX *pix = page_blank();
    rng_state = 11;
    nocr_box photo = {740, 900, w, h};
    draw_column(pix, 120, 200, 520, 2400);
    draw_column(pix, 740, 200, 520, 600);
    draw_photo(pix, photo, halftone);
    if (w < 400)
        draw_column(pix, 740 + w + 40, 900, 520 - w - 40, h);
    draw_column(pix, 740, 1000 + h, 520, 1600 - h);
    draw_column(pix, 1360, 200, 520, 2400);
    if (fold)
        light(pix, LIGHT_FOLD, 0.5);
    nocr_image *img = preprocess(pix, fold       ? "photo-fold"
                                      : w < 400  ? "narrow-photo"
                                      : halftone ? "halftone"
                                                 : "noise-photo");
    pixDestroy(&pix);
    if (!img)
        return;
    nocr_box f;
    if (one_figure(&f, img)) {
        double inter = overlap(f, photo);
        double uni = (double)f.w * f.h + (double)photo.w * photo.h - inter;
        CHECK(inter / uni >= 0.8);
    }
    /* Under the fold's soft edge (x >= 1230) the photo and the fold are one shadow: the
     * band is cleared there, and that strip of the photo may stay ink. */
    nocr_box clear = photo;
    if (fold)
        clear.w = 1230 - photo.x;
    CHECK(ink_in(img, clear) < clear.w * clear.h / 100);
    CHECK(ink_in(img, (nocr_box){120, 200, 520, 2400}) > 0);
    if (w < 400)
        CHECK(ink_in(img, (nocr_box){740 + w + 40, 900, 520 - w - 40, h}) > 0);
    nocr_image_free(img);
}

/* Strokes in b made 4 px thicker (a gray erosion 5 x 5): bold, blurred print. */
static void thicken(PIX *pix, nocr_box b)
{
    BOX *box = boxCreate(b.x, b.y, b.w, b.h);
    PIX *sub = pixClipRectangle(pix, box, NULL), *thick = pixErodeGray(sub, 5, 5);
    pixRasterop(pix, b.x, b.y, b.w, b.h, PIX_SRC, thick, 0, 0);
    pixDestroy(&thick);
    pixDestroy(&sub);
    boxDestroy(&box);
}

/* A halftone photo in the middle column, a caption of two bold lines set close under it
 * (the first 8 px below) and a one-line caption as close over it, blurred. Tuning seed
 * 20270101418: the photo's candidate took in the first line under it, which was cleared
 * with the photo. The figure is the photo alone; the captions keep their ink. */
static void check_caption_close(void)
{
    PIX *pix = page_blank();
    rng_state = 13;
    nocr_box photo = {740, 900, 520, 600};
    nocr_box under = {740, photo.y + photo.h + 8, 520, LINE + EM};
    nocr_box over = {740, photo.y - EM - 6, 520, EM};
    draw_column(pix, 120, 200, 520, 2400);
    draw_column(pix, 740, 200, 520, 600);
    draw_column(pix, over.x, over.y, over.w, over.h);
    thicken(pix, over);
    draw_photo(pix, photo, 1);
    draw_column(pix, under.x, under.y, under.w, under.h);
    thicken(pix, under);
    draw_column(pix, 740, 1700, 520, 900);
    draw_column(pix, 1360, 200, 520, 2400);
    PIX *blurred = pixBlockconv(pix, 1, 1);
    nocr_image *img = preprocess(blurred, "caption-close");
    pixDestroy(&blurred);
    pixDestroy(&pix);
    if (!img)
        return;
    nocr_box f;
    if (one_figure(&f, img)) {
        CHECK(overlap(f, photo) / ((double)photo.w * photo.h) >= 0.9);
        CHECK(overlap(f, under) == 0.0);
        CHECK(overlap(f, over) == 0.0);
    }
    /* each line of characters keeps ink: a line of them covers a tenth of its box at least */
    for (int i = 0; i < 2; i++)
        CHECK(ink_in(img, (nocr_box){740, under.y + i * LINE, 520, EM}) > 520 * EM / 10);
    CHECK(ink_in(img, over) > 520 * EM / 10);
    nocr_image_free(img);
}

/* A dark scanner border, 90 px on the left and top and 60 px on the right, with a noisy
 * gray edge, around a three-column page. */
static void check_border(void)
{
    PIX *pix = page_three_columns();
    fill(pix, 0, 0, 90, PAGE_H, 18);
    fill(pix, 0, 0, PAGE_W, 90, 18);
    fill(pix, PAGE_W - 60, 0, 60, PAGE_H, 30);
    for (int y = 0; y < PAGE_H; y++)
        for (int x = 90; x < 100; x++)
            pixSetPixel(pix, x, y, (l_uint32)(60 + rnd(120)));
    nocr_image *img = preprocess(pix, "border");
    pixDestroy(&pix);
    if (!img)
        return;
    long left = ink_in(img, (nocr_box){0, 0, 100, PAGE_H});
    long top = ink_in(img, (nocr_box){0, 0, PAGE_W, 100});
    long right = ink_in(img, (nocr_box){PAGE_W - 60, 0, 60, PAGE_H});
    if (left + top + right)
        fprintf(stderr, "border: ink left %ld top %ld right %ld\n", left, top, right);
    CHECK(left + top + right < 200);
    CHECK_INT(nocr_image_figure_count(img), 0);
    CHECK(text_ink(img) >= 0.7 * clean_ink);
    nocr_image_free(img);
}

/* A bilevel page: text and an ordered-dither photo, thresholded to 1 bpp. */
static void check_bilevel_photo(void)
{
    PIX *pix = page_blank();
    rng_state = 13;
    nocr_box photo = {740, 900, 520, 600};
    draw_column(pix, 120, 200, 520, 2400);
    draw_column(pix, 1360, 200, 520, 2400);
    for (int y = photo.y; y < photo.y + photo.h; y++)
        for (int x = photo.x; x < photo.x + photo.w; x++) {
            double tone = 0.5 + 0.4 * sin(x * 0.02) * sin(y * 0.017);
            pixSetPixel(pix, x, y, rnd(1000) < tone * 1000 ? INK : PAPER);
        }
    PIX *pix1 = pixThresholdToBinary(pix, 128);
    pixDestroy(&pix);
    pixSetResolution(pix1, 300, 300);
    nocr_image *img = preprocess(pix1, "bilevel");
    pixDestroy(&pix1);
    if (!img)
        return;
    CHECK_INT(nocr_image_figure_count(img), 1);
    if (nocr_image_figure_count(img) >= 1)
        CHECK(overlap(nocr_image_figure(img, 0), photo) > 0.8 * photo.w * photo.h);
    CHECK(ink_in(img, (nocr_box){120, 200, 520, 2400}) > 0);
    nocr_image_free(img);
}

/* A headline character of `size` px, strokes a tenth of its size thick: two across its
 * whole width (CJK characters fill their em box), two down at random places. */
static void draw_big_char(PIX *pix, int x, int y, int size)
{
    int t = size / 10;
    for (int i = 0; i < 2; i++) {
        fill(pix, x, y + (int)rnd((unsigned)(size - t)), size, t, INK);
        int len = size / 2 + (int)rnd((unsigned)(size / 2));
        fill(pix, x + (int)rnd((unsigned)(size - t)), y + (int)rnd((unsigned)(size - len + 1)), t,
             len, INK);
    }
}

/* Body text above and below; in the shadow band (y 850-1550) a two-line headline of 2.5
 * em type over the first two columns and a short one over the third, then four lines of
 * the third column: most of the ink under the shadow is headline type (seed 20261201120). */
static void check_band_headline(void)
{
    PIX *pix = page_blank();
    rng_state = 17;
    nocr_box head = {120, 930, 1140, 300};
    for (int c = 0; c < 3; c++) {
        draw_column(pix, columns[c].x, 200, columns[c].w, 600);
        draw_column(pix, columns[c].x, 1600, columns[c].w, 1000);
    }
    for (int row = 0; row < 2; row++)
        for (int x = head.x; x + 100 <= head.x + head.w; x += 112)
            draw_big_char(pix, x, head.y + row * 150, 100);
    for (int x = 1360; x + 100 <= 1880; x += 112)
        draw_big_char(pix, x, head.y, 100);
    draw_column(pix, 1360, 1130, 520, 260);
    light(pix, LIGHT_BAND, 0.55);
    nocr_image *img = preprocess(pix, "band-headline");
    pixDestroy(&pix);
    if (!img)
        return;
    for (size_t i = 0; i < nocr_image_figure_count(img); i++)
        CHECK(overlap(nocr_image_figure(img, i), head) < 0.05 * head.w * head.h);
    CHECK(ink_in(img, head) > head.w * head.h / 50);
    nocr_image_free(img);
}

/* Three columns of dense type (each "character" a block of ink with a white cross in it,
 * so that a line projects as a solid bar) whose lines are out of step from column to
 * column (each column's first line lower by a different part of the line pitch), turned
 * SKEW_DEG degrees: the whole page's projection has a weak peak, but every part of it
 * leans the same way, and the page is deskewed (prep/skew.c, strips_agree; fresh seed
 * 20261201766). */
#define SKEW_DEG 1.5
static void check_columns_out_of_step(void)
{
    static const int step[3] = {0, 16, 48};
    PIX *pix = page_blank();
    for (int c = 0; c < 3; c++)
        for (int y = columns[c].y + step[c]; y + EM <= columns[c].y + columns[c].h; y += LINE)
            for (int x = columns[c].x; x + EM <= columns[c].x + columns[c].w; x += PITCH) {
                fill(pix, x + 2, y + 2, EM - 4, EM - 4, INK);
                fill(pix, x + EM / 2 - 2, y + 6, 4, EM - 12, PAPER);
                fill(pix, x + 6, y + EM / 2 - 2, EM - 12, 4, PAPER);
            }
    PIX *turned = pixRotate(pix, (l_float32)(SKEW_DEG * 3.14159265358979 / 180.0),
                            L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
    pixDestroy(&pix);
    CHECK(turned != NULL);
    if (!turned)
        return;
    nocr_image *img = preprocess(turned, "columns-out-of-step");
    pixDestroy(&turned);
    if (!img)
        return;
    if (fabs(fabs(nocr_image_skew(img)) - SKEW_DEG) > 0.1)
        fprintf(stderr, "columns out of step: skew %.2f (confidence %.2f), expected %.1f\n",
                nocr_image_skew(img), nocr_image_skew_confidence(img), SKEW_DEG);
    CHECK(fabs(fabs(nocr_image_skew(img)) - SKEW_DEG) <= 0.1);
    nocr_image_free(img);
}

/* A fold's crease, 1 px thick and gray (it binarizes broken), drawn down the middle column through
 * its characters and leaning CREASE_SLOPE px a row (0.5 degrees: the deskew of a real page leaves
 * that much, and a crease is seldom straight), so no straight run of one pixel column is as long
 * as a streak (fresh seed 20261216505: the crease joined three columns into one block). In the
 * text image next to no crease ink is left between the lines (a speck or two where a broken piece
 * touches nothing), and the characters it crossed keep their ink. Nor in the working gray, which
 * Tesseract's layout analysis of a Latin page reads: none of it is left darker than halfway to
 * the paper (Latin tuning seed 20261226322: a crease left in the gray cut every column it
 * crossed in two). */
#define CREASE_X     900
#define CREASE_GRAY  110
#define CREASE_SLOPE (1.0 / 115.0)
#define CREASE_LEFT  60 /* of about 600 pixels of crease between the lines; 683 without */
static void check_crease(void)
{
    PIX *pix = page_three_columns();
    for (int y = 0; y < PAGE_H; y++)
        fill(pix, CREASE_X + (int)(y * CREASE_SLOPE), y, 1, 1, CREASE_GRAY);
    nocr_image *img = preprocess(pix, "crease");
    pixDestroy(&pix);
    if (!img)
        return;
    long left = 0; /* crease ink in the gaps between the text lines */
    for (int y = columns[1].y + EM; y + LINE - EM <= columns[1].y + columns[1].h; y += LINE)
        left += ink_in(
            img, (nocr_box){CREASE_X + (int)(y * CREASE_SLOPE) - 4, y + 4, 10, LINE - EM - 8});
    if (left >= CREASE_LEFT)
        fprintf(stderr, "crease: %ld pixels of it left between the lines\n", left);
    CHECK(left < CREASE_LEFT);
    long dark = 0; /* the crease in the gray, between the lines */
    for (int y = columns[1].y + EM; y + LINE - EM <= columns[1].y + columns[1].h; y += LINE)
        dark += dark_in(
            img, (nocr_box){CREASE_X + (int)(y * CREASE_SLOPE) - 4, y + 4, 10, LINE - EM - 8},
            CREASE_GRAY);
    if (dark >= CREASE_LEFT)
        fprintf(stderr, "crease: %ld pixels of it left dark in the gray\n", dark);
    CHECK(dark < CREASE_LEFT);
    CHECK(text_ink(img) >= 0.9 * clean_ink);
    nocr_image_free(img);
}

/* Three halftone photos across the page, 300, 440 and 640 px high, and one column of three
 * lines of text: each photo, closed into one wide blob, outweighed the text lines as a
 * "line" of its height, and the page was reduced to a quarter (Latin seed 20261219303:
 * 96 % of its text lost). A line of text is one of a stack; a photo stands alone. */
static void check_photo_strips(void)
{
    PIX *pix = page_blank();
    rng_state = 29;
    draw_column(pix, 120, 200, 520, 3 * LINE);
    draw_photo(pix, (nocr_box){120, 500, 1760, 300}, 1);
    draw_photo(pix, (nocr_box){120, 900, 1760, 440}, 1);
    draw_photo(pix, (nocr_box){120, 1450, 1760, 640}, 1);
    nocr_image *img = preprocess(pix, "photo-strips");
    pixDestroy(&pix);
    if (!img)
        return;
    CHECK(nocr_image_scale(img) >= 0.85 && nocr_image_scale(img) <= 1.15);
    int body = nocr_image_work_body_size(img);
    CHECK(body >= 32 && body <= 48);
    CHECK(ink_in(img, (nocr_box){120, 200, 520, 3 * LINE}) > 0);
    nocr_image_free(img);
}

/* One vertical "character" of a low-resolution page at (x, y), SPLIT_EM px square: two
 * strokes 2 px thick in each of a left part (SPLIT_LEFT px wide) and a right part, with
 * SPLIT_GAP px of paper between them, as a radical and its phonetic in thin type. */
#define SPLIT_EM   24
#define SPLIT_LEFT 9
#define SPLIT_GAP  3
static void draw_split_char(PIX *pix, int x, int y)
{
    int rx = x + SPLIT_LEFT + SPLIT_GAP, rw = SPLIT_EM - SPLIT_LEFT - SPLIT_GAP;
    fill(pix, x, y + 2 + (int)rnd(8), SPLIT_LEFT, 2, INK);
    fill(pix, x + 2 + (int)rnd(SPLIT_LEFT - 4), y, 2, SPLIT_EM - (int)rnd(6), INK);
    fill(pix, rx, y + 4 + (int)rnd(14), rw, 2, INK);
    fill(pix, rx + 2 + (int)rnd((unsigned)rw - 4), y + (int)rnd(4), 2, SPLIT_EM - 4, INK);
}

/* A 160 dpi page of vertical text, columns of split characters 26 px apart down the column
 * and 24 px of gutter between columns: the body is read a character wide (24 px, so the page
 * is enlarged about 1.7 times to the 40 px target), not the width of a part (which enlarged
 * such pages 2.9 times and made every column a headline, seeds 20261227220, 225). */
static void check_split_columns(void)
{
    PIX *pix = pixCreate(1800, 2600, 8);
    pixSetAllArbitrary(pix, PAPER);
    pixSetResolution(pix, 160, 160);
    rng_state = 2463534242ULL;
    for (int cx = 1700; cx >= 100; cx -= 2 * SPLIT_EM)
        for (int cy = 150; cy + SPLIT_EM <= 2450; cy += SPLIT_EM + 2)
            draw_split_char(pix, cx, cy);
    nocr_image *img = preprocess(pix, "split-columns");
    pixDestroy(&pix);
    if (!img)
        return;
    double em = SPLIT_EM * nocr_image_scale(img);
    if (em < 32 || em > 50)
        fprintf(stderr, "split columns: scale %.2f, a character %.1f working px\n",
                nocr_image_scale(img), em);
    CHECK(em >= 32 && em <= 50);
    nocr_image_free(img);
}

int main(void)
{
    PIX *pix = page_three_columns();
    nocr_image *img = preprocess(pix, "clean");
    pixDestroy(&pix);
    if (img) {
        clean_ink = text_ink(img);
        CHECK(clean_ink > 0);
        CHECK_INT(nocr_image_figure_count(img), 0);
        int body = nocr_image_work_body_size(img);
        CHECK(body >= 32 && body <= 48);
        nocr_image_free(img);
    }
    check_lighting(LIGHT_GRADIENT, 0.65, "gradient");
    check_lighting(LIGHT_BAND, 0.55, "shadow-band");
    check_lighting(LIGHT_CORNER, 0.6, "corner");
    check_lighting(LIGHT_EDGE, 0.7, "edge-shadow");
    check_blank_margin();
    check_photo(0, 0, 520, 600);
    check_photo(1, 0, 520, 600);
    check_photo(1, 1, 520, 600);
    check_photo(1, 0, 100, 320);
    check_caption_close();
    check_border();
    check_bilevel_photo();
    check_band_headline();
    check_columns_out_of_step();
    check_crease();
    check_photo_strips();
    check_split_columns();
    return CHECK_DONE();
}
