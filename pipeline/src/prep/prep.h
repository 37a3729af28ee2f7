/*
 * prep.h - private header of the preprocessing family (preprocess.c, prep_*.c).
 *
 * nocr_preprocess (preprocess.c) runs the steps in this order; each step is one function
 * of one file, documented there with its algorithm and parameters:
 *
 *   prep_gray.c       nocr_prep_gray            colour -> the gray of best text contrast
 *   prep_binarize.c   nocr_prep_analysis        a quick binary image to measure the page on
 *                     nocr_prep_binarize        Sauvola
 *   prep_skew.c       nocr_prep_skew            skew angle and confidence
 *   prep_scale.c      nocr_prep_body_size       body text height, measured on the image
 *                     nocr_prep_body_reading    and the line length it rests on
 *                     nocr_prep_transform       deskew and rescale to the working image
 *   prep_clean.c      nocr_prep_border          dark scanner borders and page edges
 *                     nocr_prep_despeckle       speckle removal
 *   prep_figures.c    nocr_prep_figures         photos and halftones
 *   prep_rules.c      nocr_prep_rules           horizontal and vertical printed rules
 *   prep_clean.c      nocr_prep_streaks         lines across the text: folds, scratches
 *   prep_runs.c       nocr_prep_open_runs       (helper) an opening by a line, from runs
 *
 * All take and return Leptonica images; the caller owns what is returned (pixDestroy,
 * free). A NULL return or a nonzero int is "out of memory or unusable input": the caller
 * turns it into a nocr_error.
 */
#ifndef NEWSOCR_PREP_H
#define NEWSOCR_PREP_H

#include "image/image.h"

/* Body text line height (about the em box) Tesseract is given, working pixels: 40 px is
 * 10.5 pt at 300 dpi, the size of the clean samples, which Tesseract reads best (OFE
 * 0.01-0.02); on the 8 hardest samples 40 and 32 measured alike, except p24, the worst
 * scan, read much better at 40 (OFE 0.20 against 0.41). See prep_scale.c. */
#define NOCR_PREP_TARGET_BODY 40
/* Below/above this many pixels the analysis image is the original / its 2x reduction. */
#define NOCR_PREP_ANALYSIS_MIN_SIDE 1600

/* 8-bit gray of pixs (8 or 32 bpp): the channel or luminance with the best text contrast.
 * *out_channel (optional) gets "gray", "luminance", "red", "green" or "blue". */
PIX *nocr_prep_gray(PIX *pixs, const char **out_channel);

/* A 1-bit image of pixg for measuring (skew, body size, borders): pixg reduced by
 * *out_reduction (1 or 2), background-normalized and Otsu-thresholded. */
PIX *nocr_prep_analysis(PIX *pixg, int *out_reduction);

/* A binary image of pixg: Sauvola with a window fitted to body_size and factor k (0: the
 * text image's). */
PIX *nocr_prep_binarize(PIX *pixg, int body_size, float k);

/* Skew of the text in pixb (1 bpp): *out_angle degrees in pixRotate's convention
 * (rotating by it deskews), *out_conf 0..1. Angles found with too little confidence, or
 * beyond +-10 degrees, are 0. */
void nocr_prep_skew(PIX *pixb, double *out_angle, double *out_conf);

/* Height in pixels of body text lines (the em box) in pixb, a deskewed 1-bit image, set
 * in rows or in columns; 0 when the page shows no text lines. Lines lo..hi pixels high
 * are taken when there are any (lo 0: any height). */
int nocr_prep_body_size(PIX *pixb, int lo, int hi);
/* The same, and in *out_weight (optional) how much line length (pixels) the reading rests
 * on: of two binarizations of one page, the one that lost text lines weighs less. */
int nocr_prep_body_reading(PIX *pixb, double *out_weight);
/* The line length (pixels) in pixb, deskewed, of text lines about `size` pixels high (a
 * third either way), in rows or in columns. */
double nocr_prep_lines_near(PIX *pixb, int size);

/* The working gray: pixg rotated by angle_deg about its centre (same canvas, white brought
 * in) and scaled by scale, exactly the mapping of imagemap.c. */
PIX *nocr_prep_transform(PIX *pixg, double angle_deg, double scale);

/* Whitens, in the 1-bit pixb, the dark border of a scan found in pixg (the matching gray):
 * margins whose rows or columns are mostly dark, and large dark components touching the
 * image edge. Returns 0, or -1 on failure. */
int nocr_prep_border(PIX *pixb, PIX *pixg, int body_size);

/* Removes from pixb connected components no larger than a speck for this body size. */
int nocr_prep_despeckle(PIX *pixb, int body_size);

/* Photo and halftone regions of pixg, the working gray (not background-normalized),
 * confirmed on pixb, the text image (NULL: not confirmed): a candidate whose text image is
 * empty or set in lines of text is no figure. Boxes (working pixels) into *out (malloc'd,
 * the caller's) and *out_n. Returns 0 or -1. */
int nocr_prep_figures(nocr_box **out, size_t *out_n, PIX *pixg, PIX *pixb, int body_size);

/* Printed rules of pixg (the working gray) outside the figures: *out (malloc'd) and
 * *out_n; the rules are erased from pixb, the text image. Returns 0 or -1. */
int nocr_prep_rules(nocr_rule **out, size_t *out_n, PIX *pixb, PIX *pixg, int body_size,
                    const nocr_box *figures, size_t nfigures);

/* Removes from pixb (after the rules are taken) straight level or upright runs of ink
 * longer than any character stroke: a fold's crease or a scratch across the text, found
 * on pixf (pixb before the rules were taken, left as it is); and, when pixg (the
 * gray pixb was made from) is given, paints them out of it with the paper around them.
 * Returns 0, or -1 on failure. */
int nocr_prep_streaks(PIX *pixb, PIX *pixf, PIX *pixg, int body_size);

/* Helper of the steps above (prep_runs.c): pixOpenBrick(NULL, pixs, len, 1), or (1, len)
 * when vertical, of the 1-bit pixs, bit for bit, from its runs in one pass. A new image,
 * the caller's; NULL when out of memory or pixs is not 1 bit. */
PIX *nocr_prep_open_runs(PIX *pixs, int len, int vertical);

#endif /* NEWSOCR_PREP_H */
