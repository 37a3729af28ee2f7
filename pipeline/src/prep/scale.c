/*
 * prep_scale.c - the size of the text, and the working image at the size Tesseract
 * reads best.
 *
 *   nocr_prep_body_size     body text line height measured on the page
 *   nocr_prep_body_reading  the same, with the weight of the lines it was read from
 *   nocr_prep_transform     deskew and rescale, matching imagemap.c
 */
#define _DEFAULT_SOURCE /* M_PI */
#include "prep/prep.h"

#include <math.h>
#include <stdlib.h>

/* Characters of a line are joined by a horizontal closing this wide (analysis pixels,
 * about 150 ppi): wider than the space between two CJK characters, narrower than a
 * gutter. */
#define LINE_CLOSE 9

/* A column of vertical type, turned into a line, is read closed COLUMN_ACROSS pixels across
 * too when the page's body size is read, and that reading is taken when it is at least
 * SPLIT_MUL / SPLIT_DIV times the plain one: most CJK characters are a left part and a
 * right one (a radical beside its phonetic), and at the analysis resolution of a
 * low-resolution scan the gap between them is a pixel wide, so a column of thin serif type
 * read as two thin lines. On vertical tuning seeds 20261227220 (160 dpi, 11 pt) and 225
 * (190 dpi, 10 pt) it read 7 analysis pixels for type of 12 and 13: the page was enlarged
 * 2.9 times, its body taken for headlines (CER 1.48 and 0.66); read closed across, 11 and
 * 11 (CER 0.05 and 0.02). Where the columns were whole the two readings differ by a pixel
 * either way, and the plain one stays: taken always, the closed reading moved three of 168
 * other vertical and mixed pages by a pixel, and the fragile bilevel regress page
 * 20261209112 from CER 0.46 to 0.63. Lines of horizontal text are read closed along only,
 * and so is the reading that chooses the binarization (nocr_prep_body_reading): closed
 * across there, a broken Otsu image outweighed the clean one (seed 20261227421). */
#define COLUMN_ACROSS 2
#define SPLIT_MUL     5
#define SPLIT_DIV     4
/* A blob is a line of text when it is at least LINE_ASPECT times as wide as high. */
#define LINE_ASPECT 4
#define LINE_MIN_H  5
#define LINE_MAX_H  1200

/* The page's body size (nocr_prep_body_size) is read without specks: components less
 * than SPECK_PX analysis pixels both wide and high, single pixels of noise, of the grain
 * of a shade or of bleed-through, thresholded. Joined by the closing, a field of them
 * reads as lines 5-11 px high: on Latin seed 3719 (390 dpi, noise and bleed-through)
 * they outweighed the body lines, read 12 px for 60 px type and enlarged the page twice
 * (its CPU time 37 times plain tesseract's); without them it reads 60 px. No stroke of a
 * character is one pixel. Of the 52 Latin tuning pages (l10tune, l9tune, l9tune2) two
 * more change, 20261201914 and 962, from one peak of a two-peaked Latin reading (the whole
 * line, and the x-height with ascenders) to the other (24 px to 18 and 20); of the 30 CJK
 * guard pages one, val 1214, 26 px to 28. binarize.c's choice between its two analysis
 * images reads both as they are. */
#define SPECK_PX 2

/* Ink density of a line of text; solid blobs (a stroke, a bar, a photo remnant) are
 * denser, and do not count as lines. */
#define LINE_MAX_INK 0.65

/* A line of text is made of characters: at least one component of ink for every
 * LINE_CHARS_PER heights of its length. A rule is one component however long, and a
 * slightly skewed one is a blob 4-6 px high that is neither solid nor short: on vertical
 * seed 20261206128 (150 dpi, one column of text between two column rules) the rules,
 * turned, outweighed the columns, read 5 px for 20 px type, and the page was enlarged
 * four times, its body taken for headlines. Latin words whose letters touch still give a
 * component per word, about three heights. */
#define LINE_CHARS_PER 8

/* Whether the blob `box` (w by h) of pixb holds enough components to be a line
 * (LINE_CHARS_PER). */
static int made_of_characters(PIX *pixb, BOX *box, int w, int h)
{
    int need = w / (LINE_CHARS_PER * h);
    if (need < 2)
        return 1;
    PIX *pixc = pixClipRectangle(pixb, box, NULL);
    l_int32 n = 0;
    if (!pixc || pixCountConnComp(pixc, 8, &n))
        n = need; /* out of memory: as before the check */
    pixDestroy(&pixc);
    return n >= need;
}

/* Body text comes in stacks of lines. A line blob counts only when it has a sibling: another
 * line blob at most SIBLING_H of the taller one's height apart in height, overlapping it
 * along the line over half of the shorter one, and at most SIBLING_GAP heights above or
 * below it (the leading, or the gap between two columns of vertical text). A halftone
 * photo's strip, closed into one wide blob of no character's height, stands alone: on
 * Latin seed 20261219303 (170 dpi, three wide halftone photos and eleven body lines, whose
 * Latin heights spread over 17-26 px) a photo strip 346 px high outweighed every body
 * height, the page was reduced to a quarter and 96 % of its text was lost. When no blob
 * has a sibling (a page of single lines), all of them count, as before. */
#define SIBLING_H   0.25
#define SIBLING_GAP 2
/* A line blob at least LONE_LINE heights long counts without a sibling: twenty CJK
 * characters in a row (forty Latin ones) are text, where a photo's strip is a few of its
 * heights long. Articles of one column each, a vertical headline beside each, stack their
 * headlines (close to each other on the page turned) but not their columns: on vertical
 * tuning seed 20270101342 (240 dpi) both readings rested on the headlines alone, the body
 * read 1.6 em, the page was reduced by a quarter, and each headline and its column were
 * read as one heading (tau 0.81, CER 0.14; 0.05 with the columns counted). */
#define LONE_LINE 20

/* Two binarizations of one page confirm each other's lines at heights up to NEAR_MUL /
 * NEAR_DIV apart: a light threshold thickens each stroke and joins the parts of a
 * character, by up to a third on the pages measured (binarize.c, LIGHT_DISAGREE). */
#define NEAR_MUL 4
#define NEAR_DIV 3

typedef struct line_blob {
    int x, y, w, h;
} line_blob;

static int cmp_blob_y(const void *a, const void *b)
{
    const line_blob *p = a, *q = b;
    return (p->y > q->y) - (p->y < q->y);
}

/* Whether blobs p and q (p above or level with q) are lines of one stack. */
static int siblings(const line_blob *p, const line_blob *q)
{
    int hmax = p->h > q->h ? p->h : q->h, hmin = p->h < q->h ? p->h : q->h;
    int x0 = p->x > q->x ? p->x : q->x;
    int x1 = p->x + p->w < q->x + q->w ? p->x + p->w : q->x + q->w;
    return abs(p->h - q->h) <= SIBLING_H * hmax && x1 - x0 >= hmin &&
           q->y - (p->y + p->h) <= SIBLING_GAP * hmax;
}

/* Marks in `stacked` the blobs (sorted by y) that have a sibling; returns how many do. */
static int mark_stacked(const line_blob *v, int n, unsigned char *stacked)
{
    int count = 0;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            /* a sibling is at most 1 / (1 - SIBLING_H) times as high, so at most this far
             * below; nor is one further down (sorted by top) */
            if (v[j].y - (v[i].y + v[i].h) > SIBLING_GAP * v[i].h / (1.0 - SIBLING_H))
                break;
            if ((!stacked[i] || !stacked[j]) && siblings(&v[i], &v[j])) {
                count += !stacked[i] + !stacked[j];
                stacked[i] = stacked[j] = 1;
            }
        }
    return count;
}

/* Fills hist (LINE_MAX_H + 1 bins, zeroed by the caller) with the width-weighted heights of
 * the stacked line blobs that a closing of `close` pixels along and `across` pixels across
 * makes in pixb. */
static void line_histogram(PIX *pixb, int close, int across, l_int32 *tab8, double *hist)
{
    PIX *pixc = pixCloseBrick(NULL, pixb, close, across);
    BOXA *boxa = pixc ? pixConnCompBB(pixc, 8) : NULL;
    pixDestroy(&pixc);
    if (!boxa)
        return;
    int n = boxaGetCount(boxa), nl = 0;
    line_blob *v = malloc((size_t)(n + 1) * sizeof(*v));
    unsigned char *stacked = calloc((size_t)n + 1, 1);
    for (int i = 0; v && stacked && i < n; i++) {
        int x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        if (h < LINE_MIN_H || h >= LINE_MAX_H || w < LINE_ASPECT * h)
            continue;
        BOX *box = boxaGetBox(boxa, i, L_CLONE);
        l_int32 ink = 0;
        pixCountPixelsInRect(pixb, box, &ink, tab8);
        if ((double)ink <= LINE_MAX_INK * w * h && made_of_characters(pixb, box, w, h))
            v[nl++] = (line_blob){x, y, w, h};
        boxDestroy(&box);
    }
    boxaDestroy(&boxa);
    int all = 1;
    if (v && stacked) {
        qsort(v, (size_t)nl, sizeof(*v), cmp_blob_y);
        all = mark_stacked(v, nl, stacked) == 0;
    }
    for (int i = 0; v && i < nl; i++)
        if (all || stacked[i] || v[i].w >= LONE_LINE * v[i].h)
            hist[v[i].h] += v[i].w;
    free(v);
    free(stacked);
}

/* The histogram of line_histogram; returns the peak (smoothed over 3 bins) between lo and
 * hi when there is one there (lo 0: anywhere), else anywhere; 0 if none; and the peak's
 * smoothed weight (pixels of line length) in *out_weight. The weight is negative when lo
 * bounds the reading and the peak lies outside the bounds. */
static int body_size_at(PIX *pixb, int close, int across, int lo, int hi, l_int32 *tab8,
                        double *out_weight)
{
    double hist[LINE_MAX_H + 1] = {0};
    line_histogram(pixb, close, across, tab8, hist);
    int best = 0;
    double best_score = 0;
    for (int pass = lo > 0 ? 0 : 1; pass < 2 && best == 0; pass++) {
        int h0 = pass == 0 && lo > LINE_MIN_H ? lo : LINE_MIN_H;
        int h1 = pass == 0 && hi < LINE_MAX_H ? hi + 1 : LINE_MAX_H;
        for (int h = h0; h < h1; h++) {
            double s = 0.5 * hist[h - 1] + hist[h] + 0.5 * hist[h + 1];
            if (s > best_score) {
                best_score = s;
                best = h;
            }
        }
    }
    *out_weight = lo > 0 && (best < lo || best > hi) ? -best_score : best_score;
    return best;
}

/* How a reading of body_size_at (size b, weight w) ranks: one inside the bounds the
 * resolution sets beats one outside them whatever their weights, which beats none. A
 * halftone photo's rows of dots, turned, stack like columns of text: on fresh seed
 * 20270104097 (400 dpi, 10 pt type, four photos of a coarse screen) the turned reading
 * found only them, 10 px (3.6 pt), and outweighed the body lines read upright at 24 px;
 * the page was enlarged 1.6 times, its body taken for headlines (94 % of the characters),
 * and Tesseract's layout used for the page (CER 0.58, plain tesseract 0.43). */
static int rank(int b, double w)
{
    return b == 0 ? 0 : w < 0 ? 1 : 2;
}

/*
 * nocr_prep_body_size: the characters of each line are merged by a horizontal closing
 * (LINE_CLOSE), specks left out (SPECK_PX), and the heights of the resulting blobs at
 * least LINE_ASPECT times as wide as high and not solid (LINE_MAX_INK) are histogrammed,
 * each weighted by its width (long body lines outweigh short headlines and captions); the
 * peak of the histogram (smoothed over 3 bins) is the body line height. This height is
 * the em box of CJK body type, robust to characters broken by noise or binarization,
 * which the heights of single characters are not. A page with no text of ordinary size
 * (one huge headline) gives no lines at that closing; four and sixteen times wider ones
 * find them. pixb must be deskewed (a skewed line is taller). Measured on the 26 samples:
 * 0.95-1.0 em.
 *
 * Vertical text (issue 12) is measured the same way on the page turned a quarter, where
 * its columns are lines: the reading whose peak holds more line length is taken. Upright,
 * a page of columns gives no lines of body height (the closing joins characters of
 * neighbouring columns into rows that merge down the page, or it finds the horizontal
 * headlines: p30 read 58 px for 11 pt type at 200 dpi, 31 px), and turned, a page of
 * lines gives none either (the closing runs across the leading). Peak weights measured
 * (analysis pixels of line length, upright / turned): the 26 horizontal samples
 * 2098-23566 / 0-1792, at least 4.5 times the turned one (p24), so none of them changes;
 * the vertical samples p27-p34 147-1378 / 3119-7282, at least 3.4 times the upright one
 * (p29, mixed). Columns read 0.90-0.95 em (the ink of a character is narrower than its
 * cell), lines 0.95-1.0 em. On the vertical tuning seeds 7100-7123 the turned reading
 * brought 7100, 7110 and 7119 from 1.6-2.1 em to 0.9-1.0 em.
 */
static int body_reading_in(PIX *pixb, int split_columns, int lo, int hi, double *out_weight)
{
    l_int32 *tab8 = makePixelSumTab8();
    PIX *pixt = pixRotate90(pixb, -1);
    int body = 0;
    double weight = 0;
    for (int close = LINE_CLOSE; body == 0 && tab8 && close <= 16 * LINE_CLOSE; close *= 4) {
        double wh = 0, wv = 0;
        int bh = body_size_at(pixb, close, 1, lo, hi, tab8, &wh);
        int bv = pixt ? body_size_at(pixt, close, 1, lo, hi, tab8, &wv) : 0;
        double wj = 0;
        int bj = pixt && split_columns
                     ? body_size_at(pixt, close, COLUMN_ACROSS, lo, hi, tab8, &wj)
                     : 0;
        if (SPLIT_DIV * bj >= SPLIT_MUL * bv && bj > 0 && rank(bj, wj) >= rank(bv, wv)) {
            bv = bj;
            wv = wj;
        }
        int vertical =
            rank(bv, wv) != rank(bh, wh) ? rank(bv, wv) > rank(bh, wh) : fabs(wv) > fabs(wh);
        body = vertical ? bv : bh;
        weight = fabs(vertical ? wv : wh);
    }
    pixDestroy(&pixt);
    free(tab8);
    if (out_weight)
        *out_weight = weight;
    return body;
}

int nocr_prep_body_reading(PIX *pixb, double *out_weight)
{
    return body_reading_in(pixb, 0, 0, 0, out_weight);
}

/*
 * nocr_prep_lines_near: the line length of line_histogram (closed LINE_CLOSE along) at
 * heights within NEAR_MUL / NEAR_DIV of `size` either way, in rows or in columns,
 * whichever holds more: what of a reading of another binarization this one confirms.
 */
double nocr_prep_lines_near(PIX *pixb, int size)
{
    l_int32 *tab8 = makePixelSumTab8();
    PIX *pixt = pixRotate90(pixb, -1);
    double best = 0;
    for (int turned = 0; tab8 && size > 0 && turned < 2; turned++) {
        if (turned && !pixt)
            break;
        double hist[LINE_MAX_H + 1] = {0}, sum = 0;
        line_histogram(turned ? pixt : pixb, LINE_CLOSE, 1, tab8, hist);
        for (int h = size * NEAR_DIV / NEAR_MUL; h <= size * NEAR_MUL / NEAR_DIV; h++)
            sum += h <= LINE_MAX_H ? hist[h] : 0;
        best = sum > best ? sum : best;
    }
    pixDestroy(&pixt);
    free(tab8);
    return best;
}

int nocr_prep_body_size(PIX *pixb, int lo, int hi)
{
    PIX *pixs =
        pixSelectBySize(pixb, SPECK_PX, SPECK_PX, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, NULL);
    /* as it is when no memory */
    int body = body_reading_in(pixs ? pixs : pixb, 1, lo, hi, NULL);
    pixDestroy(&pixs);
    return body;
}

static PIX *scale_gray(PIX *pixs, double scale)
{
    if (scale == 1.0)
        return pixClone(pixs);
    /* Area mapping when shrinking (no aliasing of fine strokes), linear interpolation
     * when enlarging (pixScale would add unsharp masking, which sharpens the noise). */
    return scale < 0.7 ? pixScaleAreaMap(pixs, (l_float32)scale, (l_float32)scale)
                       : pixScaleGrayLI(pixs, (l_float32)scale, (l_float32)scale);
}

static PIX *rotate_gray(PIX *pixs, double angle_deg)
{
    if (angle_deg == 0.0)
        return pixClone(pixs);
    return pixRotate(pixs, (l_float32)(angle_deg * M_PI / 180.0), L_ROTATE_AREA_MAP,
                     L_BRING_IN_WHITE, 0, 0);
}

/*
 * nocr_prep_transform: rotation about the centre by area mapping (pixRotate,
 * L_ROTATE_AREA_MAP, white brought in, canvas kept), and scaling. Rotating then scaling
 * is the same as scaling then rotating about the scaled centre, so the cheaper order is
 * taken: shrink first, enlarge last.
 */
PIX *nocr_prep_transform(PIX *pixg, double angle_deg, double scale)
{
    PIX *pix1, *pixd;
    if (scale < 1.0) {
        if (!(pix1 = scale_gray(pixg, scale)))
            return NULL;
        pixd = rotate_gray(pix1, angle_deg);
    } else {
        if (!(pix1 = rotate_gray(pixg, angle_deg)))
            return NULL;
        pixd = scale_gray(pix1, scale);
    }
    pixDestroy(&pix1);
    return pixd;
}
