/*
 * preprocess.c - from a decoded scan to the working images the later stages read.
 *
 *   nocr_preprocess             runs the steps below, records what they found
 *   nocr_image_skew, nocr_image_skew_confidence, nocr_image_scale,
 *   nocr_image_figure_count, nocr_image_figure, nocr_image_rule_count, nocr_image_rule
 *
 * Steps (the file of each says its algorithm and parameters; with opts->debug_dir each
 * writes its image there, numbered in order):
 *   01-gray        colour to the gray of best text contrast (prep_gray.c)
 *   02-analysis    a quick 1-bit image, 2x reduced, to measure on (prep_binarize.c)
 *                  skew angle and confidence, +-10 degrees (prep_skew.c)
 *                  body text height on the deskewed analysis image (prep_scale.c)
 *   03-working     the gray deskewed and rescaled so body text is NOCR_PREP_TARGET_BODY px
 *   04-binary      Sauvola binarization: uneven lighting, yellowing, faint bleed-through
 *   05-border      dark scanner borders and page edges removed (prep_clean.c)
 *   06-despeckle   specks removed
 *   07-figures     photos and halftones found and cleared (prep_figures.c); a candidate
 *                  that is empty or lines of text (shadow, gradient, fold) stays text
 *   08-text        rules found and erased (prep_rules.c), then streaks, lines across the
 *                  text (a fold's crease; prep_clean.c): the text image, img->pixb;
 *                  the streaks are painted out of the working gray too
 *   09-findings    the working gray with figures (red) and rules (blue) drawn
 *
 * With opts->enhance 0 only 01-gray (luminance) and a Sauvola binarization of the
 * original run, as newsocr 0.1 did: the benchmark's "without preprocessing" column.
 *
 * Resolution: the scan's own dpi is not used (often missing or wrong); the body text is
 * measured (prep_scale.c) and the page rescaled when its height is off the target
 * (NOCR_PREP_TARGET_BODY, prep.h) by more than SCALE_TOLERANCE.
 *
 * Choices measured on the 26 sample pages with newsocr-eval (order-free error, OFE):
 * Sauvola on the plain working gray beat Sauvola after background normalization (which
 * thinned and broke the strokes of blurred pages: p24 0.59 against 0.20, p23 0.13 against
 * 0.08) and Otsu after background normalization; k = 0.2 beat 0.27 and 0.34 on the
 * degraded pages (p23 0.022 against 0.077) and keeps thin serif strokes whole. Timing:
 * Sauvola's threshold map is computed at half size (prep_binarize.c), rules are searched
 * at half size (prep_rules.c), skew and size on a 2x reduction: 0.1-0.4 s CPU per page.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* M_PI */
#include "prep/prep.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* enhance = 0: the 0.1 binarization (window half-size 25 px, k = 0.34). */
#define PLAIN_SAUVOLA_HALF   25
#define PLAIN_SAUVOLA_FACTOR 0.34f

/* Rescale only when the body text is off the target by more than this fraction:
 * Tesseract reads a range of sizes equally well, and resampling costs time. */
#define SCALE_TOLERANCE 0.15
#define SCALE_MIN       0.25
#define SCALE_MAX       4.0
/* An alphabetic page (opts->alphabetic) is not enlarged when its body lines (ascender to
 * descender, nocr_prep_body_size) are at least LATIN_READ_BODY original pixels high: its
 * x-height, about half of that, is then 13 px or more, which Tesseract reads as well as
 * the target's, and enlarging it 1.2-1.5 times made Tesseract's layout analysis and
 * recognition cost 1.4-2.3 times as much (the pixels). Measured on the Latin tuning pages
 * l9tune read without any enlargement: bodies of 26-30 px read the same (CER within a
 * point on 7 of 8 pages), 24 px and less lost 4-29 points (seeds 20261201962, 987, 997). */
#define LATIN_READ_BODY 26
/* A resolution in the file of at least DPI_TRUST (72 and 96 are programs' defaults, not
 * a scanner's) bounds the body size read: body lines BODY_MIN_PT..BODY_MAX_PT points
 * high are taken when the page has any (a newspaper's body is 7-12 pt, its line of Latin
 * type, ascenders to descenders, up to 1.2 em). A halftone photo's dots, closed into rows,
 * stack like lines: on Latin seed 20261219303 (170 dpi) rows 5-11 px high outweighed the
 * body (17-26 px), the page was enlarged four times, its headlines taken for rules and
 * lost. Without a resolution, or outside the bounds, the reading is as before. */
#define DPI_TRUST   150
#define DPI_MAX     2400
#define BODY_MIN_PT 5.5
#define BODY_MAX_PT 16.0
/* The working image never exceeds this many pixels (time and memory). */
#define WORKING_MAX_PIXELS (80.0 * 1000 * 1000)

static int debug_write(const char *dir, const char *step, PIX *pix, const char *source)
{
    if (!dir || !pix)
        return NOCR_OK;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s.png", dir, step);
    if (pixWrite(path, pix, IFF_PNG))
        return nocr_error_set(NOCR_EWRITE, "%s: cannot write debug image %s", source, path);
    return NOCR_OK;
}

/* The findings drawn on the working gray: figures red, rules blue. */
static int debug_findings(const char *dir, const nocr_image *img)
{
    if (!dir)
        return NOCR_OK;
    PIX *pixc = pixConvertTo32(img->pixg);
    if (!pixc)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (debug image)", img->source);
    int width = img->body_size > 8 ? img->body_size / 8 : 1;
    for (size_t i = 0; i < img->nfigures; i++) {
        nocr_box b = img->figures[i];
        BOX *box = boxCreate(b.x, b.y, b.w, b.h);
        pixRenderBoxArb(pixc, box, width, 255, 0, 0);
        boxDestroy(&box);
    }
    for (size_t i = 0; i < img->nrules; i++) {
        nocr_box b = img->rules[i].box;
        BOX *box = boxCreate(b.x, b.y, b.w > 0 ? b.w : 1, b.h > 0 ? b.h : 1);
        pixRenderBoxArb(pixc, box, width, 0, 0, 255);
        boxDestroy(&box);
    }
    int rc = debug_write(dir, "09-findings", pixc, img->source);
    pixDestroy(&pixc);
    return rc;
}

/* Forgets what an earlier call found. */
static void image_reset(nocr_image *img)
{
    pixDestroy(&img->pixg);
    pixDestroy(&img->pixb);
    free(img->figures);
    free(img->rules);
    img->figures = NULL;
    img->rules = NULL;
    img->nfigures = img->nrules = 0;
    img->scale = 1.0f;
    img->skew = 0.0;
    img->skew_confidence = 0.0;
    img->body_size = 0;
}

/* newsocr 0.1: luminance and Sauvola on the original (enhance = 0). */
static int preprocess_plain(nocr_image *img, const nocr_preprocess_options *opts)
{
    PIX *pixs = img->pixs;
    img->pixg = pixGetDepth(pixs) == 32 ? pixConvertRGBToLuminance(pixs) : pixClone(pixs);
    if (!img->pixg)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (grayscale)", img->source);
    int rc = debug_write(opts->debug_dir, "01-gray", img->pixg, img->source);
    if (rc || !opts->binarize)
        return rc;
    /* The window must fit in the image: tiny images get a smaller one. */
    int w = pixGetWidth(img->pixg), h = pixGetHeight(img->pixg);
    int half = PLAIN_SAUVOLA_HALF;
    while (half > 2 && (2 * half + 3 > w || 2 * half + 3 > h))
        half /= 2;
    int ntiles = (w > 4000 || h > 4000) ? 2 : 1;
    if (pixSauvolaBinarizeTiled(img->pixg, half, PLAIN_SAUVOLA_FACTOR, ntiles, ntiles, NULL,
                                &img->pixb) ||
        !img->pixb)
        return nocr_error_set(NOCR_ENOMEM, "%s: binarization failed", img->source);
    pixCopyResolution(img->pixb, pixs);
    return debug_write(opts->debug_dir, "04-binary", img->pixb, img->source);
}

/* The scale that brings body text of `body` original pixels to the target, within the
 * tolerance band and the size limits; 1 when the body size is unknown, and for an
 * alphabetic page whose type is big enough already (LATIN_READ_BODY). */
static double choose_scale(const nocr_image *img, int body, int alphabetic)
{
    double target = NOCR_PREP_TARGET_BODY;
    if (body <= 0)
        return 1.0;
    double s = target / body;
    if (fabs(s - 1.0) <= SCALE_TOLERANCE || (alphabetic && s > 1.0 && body >= LATIN_READ_BODY))
        return 1.0;
    s = s < SCALE_MIN ? SCALE_MIN : (s > SCALE_MAX ? SCALE_MAX : s);
    double pixels = (double)img->width * img->height * s * s;
    if (pixels > WORKING_MAX_PIXELS)
        s *= sqrt(WORKING_MAX_PIXELS / pixels);
    return s;
}

/* Measures skew and body size on the analysis image: sets img->skew, skew_confidence,
 * and *out_body (original pixels). */
static int measure_page(nocr_image *img, PIX *pixg, int *out_body,
                        const nocr_preprocess_options *opts)
{
    int red = 1;
    PIX *pixa = nocr_prep_analysis(pixg, &red);
    if (!pixa)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (analysis image)", img->source);
    int rc = debug_write(opts->debug_dir, "02-analysis", pixa, img->source);
    nocr_prep_skew(pixa, &img->skew, &img->skew_confidence);
    PIX *pixr = img->skew == 0.0 ? pixClone(pixa)
                                 : pixRotate(pixa, (l_float32)(img->skew * M_PI / 180.0),
                                             L_ROTATE_SAMPLING, L_BRING_IN_WHITE, 0, 0);
    int lo = 0, hi = 0, dpi = img->dpi;
    if (dpi >= DPI_TRUST && dpi <= DPI_MAX) {
        lo = (int)(BODY_MIN_PT / 72.0 * dpi / red);
        hi = (int)(BODY_MAX_PT / 72.0 * dpi / red + 0.5);
    }
    *out_body = pixr ? nocr_prep_body_size(pixr, lo, hi) * red : 0;
    pixDestroy(&pixr);
    pixDestroy(&pixa);
    return rc;
}

/*
 * nocr_preprocess: see the steps at the top of this file. On error the image keeps no
 * partial results (pixg and pixb NULL, nothing found) and the error is returned.
 * Longer than the house's 80 lines on purpose: it is the list of steps in their order, one
 * call and one debug image each, and reads best as one page; each step is its own file.
 */
int nocr_preprocess(nocr_image *img, const nocr_preprocess_options *opts)
{
    nocr_preprocess_options defaults = NOCR_PREPROCESS_OPTIONS_INIT;
    PIX *pixg0 = NULL, *unruled = NULL;
    int rc;
    if (!img || !img->pixs)
        return nocr_error_set(NOCR_EINVAL, "nocr_preprocess: NULL image");
    if (!opts)
        opts = &defaults;
    nocr_lept_quiet();
    image_reset(img);
    if (!opts->enhance) {
        if ((rc = preprocess_plain(img, opts)))
            image_reset(img);
        return rc;
    }
    const char *dir = opts->debug_dir, *src = img->source;

    /* 01: gray. */
    if (!(pixg0 = nocr_prep_gray(img->pixs, NULL))) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (grayscale)", src);
        goto cleanup;
    }
    if ((rc = debug_write(dir, "01-gray", pixg0, src)))
        goto cleanup;

    /* 02: skew and size, then 03: the working gray. */
    int body0 = 0;
    if ((rc = measure_page(img, pixg0, &body0, opts)))
        goto cleanup;
    double scale = choose_scale(img, body0, opts->alphabetic);
    img->scale = (float)scale;
    img->body_size = (int)(body0 * scale + 0.5);
    if (!(img->pixg = nocr_prep_transform(pixg0, img->skew, scale))) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (deskew and scale)", src);
        goto cleanup;
    }
    pixDestroy(&pixg0);
    if ((rc = debug_write(dir, "03-working", img->pixg, src)))
        goto cleanup;
    if (!opts->binarize)
        goto cleanup;

    /* 04: binarization. */
    if (!(img->pixb = nocr_prep_binarize(img->pixg, img->body_size, 0))) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: binarization failed", src);
        goto cleanup;
    }
    if ((rc = debug_write(dir, "04-binary", img->pixb, src)))
        goto cleanup;

    /* 05, 06: borders and specks. */
    if (nocr_prep_border(img->pixb, img->pixg, img->body_size)) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (borders)", src);
        goto cleanup;
    }
    if ((rc = debug_write(dir, "05-border", img->pixb, src)))
        goto cleanup;
    if (nocr_prep_despeckle(img->pixb, img->body_size)) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (specks)", src);
        goto cleanup;
    }
    if ((rc = debug_write(dir, "06-despeckle", img->pixb, src)))
        goto cleanup;

    /* 07: figures, cleared from the text image. */
    if (nocr_prep_figures(&img->figures, &img->nfigures, img->pixg, img->pixb, img->body_size)) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (figures)", src);
        goto cleanup;
    }
    for (size_t i = 0; i < img->nfigures; i++) {
        nocr_box b = img->figures[i];
        pixRasterop(img->pixb, b.x, b.y, b.w, b.h, PIX_CLR, NULL, 0, 0);
    }
    if ((rc = debug_write(dir, "07-figures", img->pixb, src)))
        goto cleanup;

    /* 08: rules, erased from the text image; then streaks, found on it as it was */
    unruled = pixCopy(NULL, img->pixb);
    if (!unruled) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (streaks)", src);
        goto cleanup;
    }
    if (nocr_prep_rules(&img->rules, &img->nrules, img->pixb, img->pixg, img->body_size,
                        img->figures, img->nfigures)) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (rules)", src);
        goto cleanup;
    }
    int streaks = nocr_prep_streaks(img->pixb, unruled, img->pixg, img->body_size);
    pixDestroy(&unruled);
    if (streaks) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (streaks)", src);
        goto cleanup;
    }
    if ((rc = debug_write(dir, "08-text", img->pixb, src)))
        goto cleanup;

    pixCopyResolution(img->pixg, img->pixs);
    pixCopyResolution(img->pixb, img->pixs);
    rc = debug_findings(dir, img);

cleanup:
    pixDestroy(&pixg0);
    pixDestroy(&unruled);
    if (rc)
        image_reset(img);
    return rc;
}

/* ------------------------------------------------------------------------------------
 * What preprocessing found, in original pixels.
 */

/* The skew of the scan, clockwise positive: the page is rotated by -skew to deskew it
 * (img->skew is the rotation applied, in pixRotate's convention). */
double nocr_image_skew(const nocr_image *img)
{
    return img && img->skew != 0.0 ? -img->skew : 0.0;
}

double nocr_image_skew_confidence(const nocr_image *img)
{
    return img ? img->skew_confidence : 0.0;
}

double nocr_image_scale(const nocr_image *img)
{
    return img && img->scale > 0 ? img->scale : 1.0;
}

size_t nocr_image_figure_count(const nocr_image *img)
{
    return img ? img->nfigures : 0;
}

nocr_box nocr_image_figure(const nocr_image *img, size_t i)
{
    nocr_box none = {0, 0, 0, 0};
    if (!img || i >= img->nfigures)
        return none;
    nocr_box b = img->figures[i];
    return nocr_image_box_to_original(img, b);
}

size_t nocr_image_rule_count(const nocr_image *img)
{
    return img ? img->nrules : 0;
}

nocr_box nocr_image_rule(const nocr_image *img, size_t i, int *vertical)
{
    nocr_box none = {0, 0, 0, 0};
    if (vertical)
        *vertical = 0;
    if (!img || i >= img->nrules)
        return none;
    nocr_box b = img->rules[i].box;
    if (vertical)
        *vertical = img->rules[i].vertical;
    return nocr_image_box_to_original(img, b);
}
