/*
 * prep_figures.c - photos and halftones.
 *
 *   nocr_prep_figures
 */
#include "prep/prep.h"

#include <stdlib.h>

/* A figure is at least FIG_MIN_EMS body sizes wide and high (a photo, not a bold
 * character or a dark rule), and its mask fills at least FIG_MIN_FILL of its box. */
#define FIG_MIN_EMS  3
#define FIG_MIN_FILL 0.5f

/* The mask is computed where body text is FIG_EM_PX pixels high (about 150 ppi). */
#define FIG_EM_PX 20
/* "Not paper": darker than FIG_PAPER_FRACT of the local paper's gray. */
#define FIG_PAPER_FRACT 0.88f

/* The paper's gray is measured in tiles of FIG_TILE_EMS body sizes (rank FIG_PAPER_RANK
 * of each tile), and a quadratic surface is fitted to the tiles by least squares,
 * FIG_FIT_ROUNDS times, each round dropping the tiles darker than FIG_FIT_KEEP of the
 * surface (photos, dark borders): what is left is the page's lighting, which varies
 * smoothly (a gradient, a vignette), while photos are abrupt. */
#define FIG_TILE_EMS   4
#define FIG_PAPER_RANK 0.9f
#define FIG_FIT_ROUNDS 3
#define FIG_FIT_KEEP   0.92

/* Least squares fit of z = c0 + c1 x + c2 y + c3 x^2 + c4 xy + c5 y^2 over the points
 * with use[i] set; returns 0, or -1 when singular. */
static int fit_quadratic(double c[6], const double *x, const double *y, const double *z,
                         const int *use, int n)
{
    double a[6][7] = {{0}};
    for (int i = 0; i < n; i++) {
        if (!use[i])
            continue;
        const double t[6] = {1, x[i], y[i], x[i] * x[i], x[i] * y[i], y[i] * y[i]};
        for (int r = 0; r < 6; r++) {
            for (int k = 0; k < 6; k++)
                a[r][k] += t[r] * t[k];
            a[r][6] += t[r] * z[i];
        }
    }
    for (int col = 0; col < 6; col++) {
        int piv = col;
        for (int r = col + 1; r < 6; r++)
            if (a[r][col] * a[r][col] > a[piv][col] * a[piv][col])
                piv = r;
        if (a[piv][col] < 1e-9 && a[piv][col] > -1e-9)
            return -1;
        for (int k = 0; k < 7; k++) {
            double t = a[col][k];
            a[col][k] = a[piv][k];
            a[piv][k] = t;
        }
        for (int r = 0; r < 6; r++) {
            if (r == col)
                continue;
            double f = a[r][col] / a[col][col];
            for (int k = col; k < 7; k++)
                a[r][k] -= f * a[col][k];
        }
    }
    for (int r = 0; r < 6; r++)
        c[r] = a[r][6] / a[r][r];
    return 0;
}

/* Sets in a new 1-bit image the pixels of pixs (8 bpp) darker than FIG_PAPER_FRACT of
 * the local paper (see FIG_TILE_EMS). */
static PIX *threshold_local_paper(PIX *pixs, int tile)
{
    int w = pixGetWidth(pixs), h = pixGetHeight(pixs), wpls = pixGetWpl(pixs);
    int nx = (w + tile - 1) / tile, ny = (h + tile - 1) / tile, n = nx * ny;
    double *tx = calloc((size_t)n, sizeof(double)), *ty = calloc((size_t)n, sizeof(double));
    double *tz = calloc((size_t)n, sizeof(double));
    int *use = calloc((size_t)n, sizeof(int)), *row = calloc((size_t)nx, sizeof(int));
    PIX *pixd = pixCreate(w, h, 1);
    if (!tx || !ty || !tz || !use || !row || !pixd) {
        pixDestroy(&pixd);
        goto cleanup;
    }
    l_uint32 *datas = pixGetData(pixs), *datad = pixGetData(pixd);
    int wpld = pixGetWpl(pixd);
    for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
            int hist[256] = {0}, count = 0;
            for (int y = j * tile; y < h && y < (j + 1) * tile; y++) {
                l_uint32 *line = datas + (size_t)y * wpls;
                for (int x = i * tile; x < w && x < (i + 1) * tile; x++, count++)
                    hist[GET_DATA_BYTE(line, x)]++;
            }
            int want = (int)(FIG_PAPER_RANK * (float)count), v = 0, acc = 0;
            while (v < 255 && acc + hist[v] <= want)
                acc += hist[v++];
            int k = j * nx + i;
            tx[k] = (i + 0.5) / nx;
            ty[k] = (j + 0.5) / ny;
            tz[k] = v;
            use[k] = 1;
        }
    }
    double c[6] = {0};
    int fitted = 0;
    for (int round = 0; round < FIG_FIT_ROUNDS && n >= 12; round++) {
        if (fit_quadratic(c, tx, ty, tz, use, n))
            break;
        fitted = 1;
        for (int k = 0; k < n; k++) {
            double f = c[0] + c[1] * tx[k] + c[2] * ty[k] + c[3] * tx[k] * tx[k] +
                       c[4] * tx[k] * ty[k] + c[5] * ty[k] * ty[k];
            use[k] = tz[k] >= FIG_FIT_KEEP * f;
        }
    }
    for (int y = 0; y < h; y++) {
        l_uint32 *lines = datas + (size_t)y * wpls, *lined = datad + (size_t)y * wpld;
        if (y % tile == 0) {
            double v = (y / tile + 0.5) / ny;
            for (int i = 0; i < nx; i++) {
                double u = (i + 0.5) / nx;
                double f = fitted ? c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v +
                                        c[5] * v * v
                                  : tz[(y / tile) * nx + i];
                row[i] = (int)(FIG_PAPER_FRACT * f);
            }
        }
        for (int x = 0; x < w; x++)
            if ((int)GET_DATA_BYTE(lines, x) < row[x / tile])
                SET_DATA_BIT(lined, x);
    }
cleanup:
    free(tx);
    free(ty);
    free(tz);
    free(use);
    free(row);
    return pixd;
}

/*
 * nocr_prep_figures: the working gray is reduced by area mapping until body text is
 * FIG_EM_PX high and smoothed 3x3 (pixBlockconv), which turns a halftone screen (period
 * about 0.1 em, 2 px here) into flat tone; every pixel darker than FIG_PAPER_FRACT of
 * the local paper (FIG_TILE_EMS: uneven lighting) is set. A photo is then a solid field, text
 * stays strokes and lines apart. Leptonica pixGenerateHalftoneMask (seeds: solid 4x4 blocks after
 * two rank-4 2x reductions, opened 5x5, that is solid areas one body size across, which no
 * character or line has; filled into the image closed 4x4, so the whole picture joins its seed)
 * gives the mask. Each 8-connected component of it at least FIG_MIN_EMS body sizes each
 * way and filling FIG_MIN_FILL of its box is a figure; its box is scaled back.
 * The gray before background normalization is used: normalization takes the light
 * tones of a photo for paper (and Sauvola's binary loses them too).
 */
int nocr_prep_figures(nocr_box **out, size_t *out_n, PIX *pixg, int body_size)
{
    int body = body_size > 0 ? body_size : NOCR_PREP_TARGET_BODY;
    *out = NULL;
    *out_n = 0;
    float f = (float)FIG_EM_PX / (float)body;
    f = f > 1.0f ? 1.0f : f;
    if ((float)pixGetWidth(pixg) * f < 128 || (float)pixGetHeight(pixg) * f < 128)
        return 0;
    PIX *pixr = f < 1.0f ? pixScaleAreaMap(pixg, f, f) : pixClone(pixg);
    PIX *pixm = pixr ? pixBlockconv(pixr, 1, 1) : NULL;
    pixDestroy(&pixr);
    if (!pixm)
        return -1;
    PIX *pixt = threshold_local_paper(pixm, FIG_TILE_EMS * FIG_EM_PX);
    pixDestroy(&pixm);
    if (!pixt)
        return -1;
    l_int32 found = 0;
    PIX *mask = pixGenerateHalftoneMask(pixt, NULL, &found, NULL);
    pixDestroy(&pixt);
    if (!mask)
        return 0; /* nothing to seed from: no figure */
    /* Rules and text touching a photo were filled with it: an opening by one body size
     * cuts them off. */
    if (found)
        pixOpenBrick(mask, mask, FIG_EM_PX, FIG_EM_PX);
    BOXA *boxa = found ? pixConnCompBB(mask, 8) : NULL;
    int n = boxa ? boxaGetCount(boxa) : 0;
    nocr_box *figs = n ? calloc((size_t)n, sizeof(*figs)) : NULL;
    size_t nfig = 0;
    if (n && !figs) {
        boxaDestroy(&boxa);
        pixDestroy(&mask);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        int x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        if ((float)w < FIG_MIN_EMS * body * f || (float)h < FIG_MIN_EMS * body * f)
            continue;
        BOX *box = boxaGetBox(boxa, i, L_CLONE);
        l_int32 count = 0;
        pixCountPixelsInRect(mask, box, &count, NULL);
        boxDestroy(&box);
        if ((float)count < FIG_MIN_FILL * (float)w * (float)h)
            continue;
        nocr_box fig = {(int)(x / f), (int)(y / f), (int)((x + w) / f + 0.5f) - (int)(x / f),
                        (int)((y + h) / f + 0.5f) - (int)(y / f)};
        figs[nfig++] = fig;
    }
    boxaDestroy(&boxa);
    pixDestroy(&mask);
    if (!nfig) {
        free(figs);
        figs = NULL;
    }
    *out = figs;
    *out_n = nfig;
    return 0;
}
