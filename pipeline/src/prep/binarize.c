/*
 * prep_binarize.c - binary images: a quick one to measure the page on, and the working one.
 *
 *   nocr_prep_analysis      reduced, background-normalized, Otsu: for skew, size, borders
 *   nocr_prep_binarize      Sauvola: the working text image (and a looser one for rules)
 */
#define _DEFAULT_SOURCE /* M_PI */
#include "prep/prep.h"

#include <math.h>

/* Background normalization of the analysis image (Leptonica
 * pixOtsuThreshOnBackgroundNorm): the background (pixels lighter than BG_THRESH) is
 * sampled in 10x15 tiles holding at least BG_MINCOUNT of them, smoothed (BG_SMOOTH), and
 * every pixel scaled so the paper is white: uneven lighting, yellowing, a sheet-edge
 * shadow and faint bleed-through vanish before the global Otsu threshold. */
#define BG_THRESH   100
#define BG_MINCOUNT 50
#define BG_SMOOTH   2

/* The analysis image's second opinion: the normalized gray thresholded at LIGHT_THRESH
 * (80% of the paper's white), taken instead of Otsu's when its body text reading rests on
 * LIGHT_GAIN times the line length (nocr_prep_body_reading, each image deskewed by its own
 * skew): Otsu's global threshold can fall between the paper and a dark border or fold,
 * under the gray of thin strokes, and a light Ming face (AR PL UMing) at 160-320 dpi,
 * reduced 2x, then keeps only specks of its characters. Measured, light / Otsu: the 26
 * horizontal samples 0.80-1.35, the vertical ones p27-p34 0.87-1.13 but p32 (noise) 1.97,
 * the vertical tuning seeds 7100-7123 0.88-1.25 but 7117 1.79; 2.8-9.0 on 7104, 7106, 7115
 * and 7122 (uming body with a border or a fold), whose body size went from 0.3-3.5 em to
 * 0.9-1.0 em. None of the samples changes. */
#define LIGHT_THRESH 204
#define LIGHT_GAIN   2.4

/* The two analysis images read different things when their body sizes differ by more than
 * LIGHT_DISAGREE times. The light threshold thickens each stroke and joins the parts of a
 * character, so where both read the body lines their sizes differ by up to a third (0-17%
 * on CJK type, 27-33% on four Latin serif pages where it joins ascenders and descenders:
 * val 1217, 1229; measured on the 34 samples and 242 tuning, held-out and benchmark
 * seeds). Beyond that one of them read something else than the body: Otsu's image of a
 * light Ming face that kept only the vertical strokes reads the columns as chains of
 * strokes half a character wide (val 1218: 14 px against 32, 2.3 times) or, those
 * fragments spread over many widths, the headlines (vtune2 7221, bench 168 and 192: 1.96-
 * 3.6 times), resting on less line length than the light image's reading of the body.
 * The bound lies between the two (1.33 and 1.96, their geometric mean). When the readings
 * disagree, the one resting on more line length is taken, as between a page upright and
 * turned (nocr_prep_body_reading): this changes those 4 of the 276 pages, each to 0.95-1.0
 * em of its type, and none of the samples. */
#define LIGHT_DISAGREE 1.6

/* Where the two disagree, the reading the other image confirms more of is also taken
 * (light_wins, confirmed). Text lines are lines in both images, at about one size
 * (nocr_prep_lines_near); a photo's halftone dots, joined into rows, are rows only where
 * Otsu's threshold leaves them apart, and the light one joins them into a solid mass or
 * rows of another height. On fresh seed 20270112084 (320 dpi, no resolution in the file,
 * 11.5 pt body in AR PL UKai, five coarse halftone photos) Otsu's image read the photos'
 * rows, 6 px, on 5157 px of line length: the thin brush strokes of the type, in pieces,
 * stacked too little to outweigh them. The light image read the body, 23 px, on 2842. The
 * page was enlarged 2.5 times (71 s and 461 MB, against Tesseract's 3.6 s), its body taken
 * for headlines and the page handed to Tesseract's layout (CER 0.30, order-free 0.10;
 * now 0.22 and 0.02). Otsu's image has lines near 23 px for all of the light reading, the
 * light image 795 px near 6. Of the 100 pages of tuning seeds 20270112000-099 no other
 * changed. */

/* Sauvola's local threshold (J. Sauvola, M. Pietikainen, "Adaptive document image
 * binarization", Pattern Recognition 33, 2000), Leptonica pixSauvolaBinarizeTiled:
 * window half-size SAUVOLA_WINDOW_EMS body sizes (a window of about one character and a
 * half, so a line's threshold follows the paper under it), k = SAUVOLA_FACTOR. */
#define SAUVOLA_WINDOW_EMS 0.6f
#define SAUVOLA_FACTOR     0.2f

/* Sauvola's statistics are taken in tiles of about SAUVOLA_TILE pixels square, each
 * with its neighbours' pixels around it (Leptonica's tiling), which gives the same
 * thresholds as one tile: its accumulators, 8 and 4 bytes a pixel, were a 3780 x 5228
 * page's largest allocations (60 MB at half size). */
#define SAUVOLA_TILE 512

/* The threshold used when an image is too small or too flat for the adaptive methods. */
#define FALLBACK_THRESH 128

/* A reading of an analysis image: the image deskewed as preprocess.c's measure_page does
 * it (a skewed column runs across the rows of the turned page), the body size read on it
 * and the line length it rests on. */
typedef struct lines_reading {
    PIX *pixr;
    int size;
    double weight;
} lines_reading;

static lines_reading read_lines(PIX *pixb)
{
    double angle = 0, conf = 0;
    lines_reading r = {NULL, 0, 0};
    nocr_prep_skew(pixb, &angle, &conf);
    r.pixr = angle == 0.0 ? pixClone(pixb)
                          : pixRotate(pixb, (l_float32)(angle * M_PI / 180.0), L_ROTATE_SAMPLING,
                                      L_BRING_IN_WHITE, 0, 0);
    if (r.pixr)
        r.size = nocr_prep_body_reading(r.pixr, &r.weight);
    return r;
}

/* What of reading r the other image confirms: r's line length, at most the other image's
 * line length at about r's size (nocr_prep_lines_near). */
static double confirmed(const lines_reading *r, const lines_reading *other)
{
    double near = r->size > 0 && other->pixr ? nocr_prep_lines_near(other->pixr, r->size) : 0;
    return near < r->weight ? near : r->weight;
}

/* Whether the light image's reading l is to be taken over Otsu's o: when it rests on
 * LIGHT_GAIN times the line length; or when the two read different sizes (LIGHT_DISAGREE)
 * and it rests on more, or the Otsu image confirms more of it (confirmed) than the light
 * image confirms of Otsu's. */
static int light_wins(const lines_reading *o, const lines_reading *l)
{
    if (l->weight <= 0)
        return 0;
    if (l->weight >= LIGHT_GAIN * o->weight)
        return 1;
    double lo = o->size < l->size ? o->size : l->size;
    double hi = o->size < l->size ? l->size : o->size;
    if (lo > 0 && hi <= LIGHT_DISAGREE * lo)
        return 0;
    return l->weight > o->weight || confirmed(l, o) > confirmed(o, l);
}

/*
 * nocr_prep_analysis: pixg reduced 2x (pixScaleAreaMap2) when both sides are at least
 * NOCR_PREP_ANALYSIS_MIN_SIDE, then pixOtsuThreshOnBackgroundNorm (tiles 10x15, threshold
 * 100, mincount 50, smoothing 2, Otsu score fraction 0.1): fast, and good enough to find
 * the skew, the text size and the borders on; the light threshold instead where Otsu's
 * lost the text lines (LIGHT_THRESH) or misread them (LIGHT_DISAGREE). A fixed threshold
 * when the image is too small for tiles.
 */
PIX *nocr_prep_analysis(PIX *pixg, int *out_reduction)
{
    int w = pixGetWidth(pixg), h = pixGetHeight(pixg);
    int red = (w >= NOCR_PREP_ANALYSIS_MIN_SIDE && h >= NOCR_PREP_ANALYSIS_MIN_SIDE) ? 2 : 1;
    PIX *pixr = red == 2 ? pixScaleAreaMap2(pixg) : pixClone(pixg);
    if (!pixr)
        return NULL;
    PIX *pixb = NULL;
    if (pixGetWidth(pixr) >= 64 && pixGetHeight(pixr) >= 64) {
        /* pixOtsuThreshOnBackgroundNorm's two steps, so that the normalized image serves
         * the light threshold too: one tile of Otsu on it is that function's threshold */
        PIX *pixn = pixBackgroundNorm(pixr, NULL, NULL, 10, 15, BG_THRESH, BG_MINCOUNT, 255,
                                      BG_SMOOTH, BG_SMOOTH);
        if (pixn)
            pixOtsuAdaptiveThreshold(pixn, pixGetWidth(pixn), pixGetHeight(pixn), 0, 0, 0.1f, NULL,
                                     &pixb);
        PIX *pixl = pixb ? pixThresholdToBinary(pixn, LIGHT_THRESH) : NULL;
        if (pixl) {
            lines_reading o = read_lines(pixb), l = read_lines(pixl);
            if (light_wins(&o, &l)) {
                pixDestroy(&pixb);
                pixb = pixl;
                pixl = NULL;
            }
            pixDestroy(&o.pixr);
            pixDestroy(&l.pixr);
        }
        pixDestroy(&pixn);
        pixDestroy(&pixl);
    }
    if (!pixb)
        pixb = pixThresholdToBinary(pixr, FALLBACK_THRESH);
    pixDestroy(&pixr);
    *out_reduction = red;
    return pixb;
}

/* Sets in a new 1-bit image the pixels of pixs darker than the threshold map pixth
 * (8 bpp, about the same size; its last row and column stand for what it lacks). */
static PIX *threshold_by_map(PIX *pixs, PIX *pixth)
{
    int w = pixGetWidth(pixs), h = pixGetHeight(pixs);
    int wt = pixGetWidth(pixth), ht = pixGetHeight(pixth);
    PIX *pixd = pixCreate(w, h, 1);
    if (!pixd)
        return NULL;
    l_uint32 *ds = pixGetData(pixs), *dt = pixGetData(pixth), *dd = pixGetData(pixd);
    int wpls = pixGetWpl(pixs), wplt = pixGetWpl(pixth), wpld = pixGetWpl(pixd);
    int xmax = w < wt ? w : wt;
    for (int y = 0; y < h; y++) {
        l_uint32 *ls = ds + (size_t)y * wpls, *ld = dd + (size_t)y * wpld;
        l_uint32 *lt = dt + (size_t)(y < ht ? y : ht - 1) * wplt;
        for (int x = 0; x < w; x++) {
            int t = (int)GET_DATA_BYTE(lt, x < xmax ? x : xmax - 1);
            if ((int)GET_DATA_BYTE(ls, x) < t)
                SET_DATA_BIT(ld, x);
        }
    }
    return pixd;
}

/*
 * nocr_prep_binarize: Sauvola (see SAUVOLA_*) on pixg with a window of
 * SAUVOLA_WINDOW_EMS body sizes (body_size 0, unknown, stands for NOCR_PREP_TARGET_BODY)
 * and factor k (SAUVOLA_FACTOR for the text image). On a large image the threshold map
 * is computed at half size (pixScaleAreaMap2; the window spans 40 px there) and
 * interpolated back (pixScaleGrayLI): the map is smooth at the scale of the window, and
 * this takes a third of the time of full-size Sauvola. Measured on the samples (OFE, see
 * preprocess.c): background normalization before Sauvola made strokes thin and broken on
 * blurred, upscaled pages (p24 OFE 0.59 against 0.20 without), and Otsu after
 * normalization (pixOtsuThreshOnBackgroundNorm) was worse than both; Sauvola adapts to
 * uneven lighting, yellowing and faint bleed-through by itself.
 */
PIX *nocr_prep_binarize(PIX *pixg, int body_size, float k)
{
    int w = pixGetWidth(pixg), h = pixGetHeight(pixg);
    int body = body_size > 0 ? body_size : NOCR_PREP_TARGET_BODY;
    PIX *pixd = NULL;
    int half = (int)(SAUVOLA_WINDOW_EMS * (float)body);
    half = half < 4 ? 4 : half;
    k = k > 0 ? k : SAUVOLA_FACTOR;
    if (w >= 1024 && h >= 1024 && half >= 8) {
        PIX *pixr = pixScaleAreaMap2(pixg), *pixthr = NULL, *pixth = NULL;
        if (pixr) {
            int nx = (pixGetWidth(pixr) + SAUVOLA_TILE - 1) / SAUVOLA_TILE;
            int ny = (pixGetHeight(pixr) + SAUVOLA_TILE - 1) / SAUVOLA_TILE;
            pixSauvolaBinarizeTiled(pixr, half / 2, k, nx, ny, &pixthr, NULL);
        }
        if (pixthr)
            pixth = pixScaleGrayLI(pixthr, (float)w / (float)pixGetWidth(pixthr),
                                   (float)h / (float)pixGetHeight(pixthr));
        if (pixth)
            pixd = threshold_by_map(pixg, pixth);
        pixDestroy(&pixr);
        pixDestroy(&pixthr);
        pixDestroy(&pixth);
    } else {
        while (half > 2 && (2 * half + 3 > w || 2 * half + 3 > h))
            half /= 2;
        if (half >= 2)
            pixSauvolaBinarizeTiled(pixg, half, k, 1, 1, NULL, &pixd);
    }
    if (!pixd)
        pixd = pixThresholdToBinary(pixg, FALLBACK_THRESH);
    if (pixd)
        pixCopyResolution(pixd, pixg);
    return pixd;
}
