/*
 * preprocess.c - from a decoded scan to the working images the later stages read.
 *
 *   nocr_preprocess     grayscale, then adaptive binarization
 *
 * Steps (each written to opts->debug_dir when set, numbered in order):
 *   1. gray:   8-bit luminance of the original (pixConvertRGBToLuminance for colour).
 *   2. binary: Sauvola's local threshold (J. Sauvola, M. Pietikainen, "Adaptive document
 *              image binarization", Pattern Recognition 33, 2000) via
 *              pixSauvolaBinarizeTiled, window half-size 25 px and k = 0.34: a window of
 *              51 px covers a few characters of 10-pt text at 300 dpi, so uneven lighting
 *              and yellowed paper do not change the threshold across a line.
 */
#define _POSIX_C_SOURCE 200809L
#include "image.h"

#include <stdio.h>

#define SAUVOLA_HALF_WINDOW 25
#define SAUVOLA_FACTOR      0.34f

static int debug_write(const char *dir, const char *step, PIX *pix, const char *source)
{
    if (!dir)
        return NOCR_OK;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s.png", dir, step);
    if (pixWrite(path, pix, IFF_PNG))
        return nocr_error_set(NOCR_EWRITE, "%s: cannot write debug image %s", source, path);
    return NOCR_OK;
}

int nocr_preprocess(nocr_image *img, const nocr_preprocess_options *opts)
{
    nocr_preprocess_options defaults = NOCR_PREPROCESS_OPTIONS_INIT;
    if (!img)
        return nocr_error_set(NOCR_EINVAL, "nocr_preprocess: NULL image");
    if (!opts)
        opts = &defaults;
    nocr_lept_quiet();
    pixDestroy(&img->pixg);
    pixDestroy(&img->pixb);

    PIX *pixs = img->pixs;
    img->pixg = pixGetDepth(pixs) == 32 ? pixConvertRGBToLuminance(pixs) : pixClone(pixs);
    if (!img->pixg)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (grayscale)", img->source);
    int rc = debug_write(opts->debug_dir, "01-gray", img->pixg, img->source);
    if (rc || !opts->binarize)
        return rc;

    /* The window must fit in the image: tiny images get a smaller one. */
    int w = pixGetWidth(img->pixg), h = pixGetHeight(img->pixg);
    int half = SAUVOLA_HALF_WINDOW;
    while (half > 2 && (2 * half + 3 > w || 2 * half + 3 > h))
        half /= 2;
    int ntiles = (w > 4000 || h > 4000) ? 2 : 1;
    if (pixSauvolaBinarizeTiled(img->pixg, half, SAUVOLA_FACTOR, ntiles, ntiles, NULL,
                                &img->pixb) ||
        !img->pixb)
        return nocr_error_set(NOCR_ENOMEM, "%s: binarization failed", img->source);
    pixCopyResolution(img->pixb, pixs);
    return debug_write(opts->debug_dir, "02-binary", img->pixb, img->source);
}
