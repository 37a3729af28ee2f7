/*
 * degrade.c - make a clean page look scanned, and write the image.
 *
 *   syn_xform_apply     map a clean-page point to final-image pixels
 *   syn_degrade_page    skew, scanner border, blur, lighting, noise, paper
 *   syn_degrade_write   PNG / JPEG / 1 bpp TIFF G4, with or without dpi
 *
 * Order of operations follows a flatbed scan: the sheet lies skewed on the
 * glass (rotation, white brought in), the lid leaves dark borders around it,
 * the optics blur, the lamp lights it unevenly, the sensor adds noise and the
 * paper is yellowed; a fax-like variant is thresholded to 1 bpp last.  The
 * ground-truth coordinates go through the same rotation and border offset.
 */
#include "synth.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* gray level at and above which the scanner reports paper white */
#define SYN_WHITE_POINT 228.0

void syn_xform_apply(const syn_xform *xf, double x, double y, int *ox, int *oy)
{
    double rx = x - xf->cx, ry = y - xf->cy;
    double tx = xf->cx + rx * xf->cosa - ry * xf->sina + xf->dx;
    double ty = xf->cy + rx * xf->sina + ry * xf->cosa + xf->dy;
    long ix = lround(tx), iy = lround(ty);

    if (ix < 0)
        ix = 0;
    if (iy < 0)
        iy = 0;
    if (ix > xf->width - 1)
        ix = xf->width - 1;
    if (iy > xf->height - 1)
        iy = xf->height - 1;
    *ox = (int)ix;
    *oy = (int)iy;
}

/* dark scanner-lid border: pixs pasted into a larger dark, noisy frame */
static PIX *add_border(PIX *pixs, syn_rng *rng, int dpi, int *dx, int *dy)
{
    int w, h, W, H, x, y, l, t, r, b, wpl;
    PIX *pixd;
    l_uint32 *data;

    pixGetDimensions(pixs, &w, &h, NULL);
    l = (int)(syn_rng_range(rng, 0.05, 0.25) * dpi);
    t = (int)(syn_rng_range(rng, 0.05, 0.20) * dpi);
    r = (int)(syn_rng_range(rng, 0.0, 0.15) * dpi);
    b = (int)(syn_rng_range(rng, 0.0, 0.15) * dpi);
    W = w + l + r;
    H = h + t + b;
    pixd = pixCreate(W, H, 8);
    if (!pixd)
        return NULL;
    data = pixGetData(pixd);
    wpl = pixGetWpl(pixd);
    for (y = 0; y < H; y++)
        for (x = 0; x < W; x++) {
            int v;
            if (y >= t && y < t + h && x >= l && x < l + w)
                continue;
            v = 35 + (int)(12.0 * syn_rng_gauss(rng));
            v += (int)(20.0 * x / W);
            SET_DATA_BYTE(data + (size_t)y * wpl, x, v < 0 ? 0 : v > 255 ? 255 : v);
        }
    pixRasterop(pixd, l, t, w, h, PIX_SRC, pixs, 0, 0);
    /* shadow along the sheet edge */
    for (y = t; y < t + h; y++)
        for (x = 0; x < dpi / 25 && x < w; x++) {
            l_uint32 *line = data + (size_t)y * wpl;
            int v = GET_DATA_BYTE(line, l + x);
            SET_DATA_BYTE(line, l + x, v * (100 + x * 155 / (dpi / 25)) / 255);
        }
    *dx = l;
    *dy = t;
    return pixd;
}

/*
 * syn_degrade_page: apply the degradations of spec to the clean page pixs
 * (8 bpp, not modified).  *pixd (caller's, pixDestroy) is 8 bpp gray, 32 bpp
 * RGB (yellow paper) or 1 bpp (bilevel); *xf maps clean-page points to it.
 */
int syn_degrade_page(PIX **pixd, syn_xform *xf, PIX *pixs, const syn_spec *sp)
{
    syn_rng rng;
    PIX *pix = NULL, *t = NULL;
    int w, h, x, y, wpl, W, H;
    double ang = sp->skew_deg * 3.14159265358979 / 180.0;
    l_uint32 *data;

    *pixd = NULL;
    syn_rng_seed(&rng, sp->seed * 7919 + 17);
    pixGetDimensions(pixs, &w, &h, NULL);
    memset(xf, 0, sizeof(*xf));
    xf->cx = w / 2.0;
    xf->cy = h / 2.0;
    xf->cosa = cos(ang);
    xf->sina = sin(ang);
    if (sp->skew_deg != 0.0)
        pix = pixRotate(pixs, (l_float32)ang, L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
    else
        pix = pixCopy(NULL, pixs);
    if (!pix)
        goto fail;
    if (sp->border) {
        t = add_border(pix, &rng, sp->dpi, &xf->dx, &xf->dy);
        pixDestroy(&pix);
        if (!(pix = t))
            goto fail;
        t = NULL;
    }
    if (sp->blur > 0.0) {
        int half = (int)ceil(2.0 * sp->blur);
        L_KERNEL *kel = makeGaussianKernel(half, half, (l_float32)sp->blur, 1.0);
        if (!kel)
            goto fail;
        t = pixConvolve(pix, kel, 8, 1);
        kernelDestroy(&kel);
        pixDestroy(&pix);
        if (!(pix = t))
            goto fail;
        t = NULL;
    }
    pixGetDimensions(pix, &W, &H, NULL);
    xf->width = W;
    xf->height = H;
    data = pixGetData(pix);
    wpl = pixGetWpl(pix);
    if (sp->lighting > 0.0 || sp->noise > 0.0) {
        double gx = syn_rng_range(&rng, -1, 1), gy = syn_rng_range(&rng, -1, 1);
        double hx = syn_rng_range(&rng, 0.2, 0.8), hy = syn_rng_range(&rng, 0.2, 0.8);
        for (y = 0; y < H; y++) {
            l_uint32 *line = data + (size_t)y * wpl;
            double v = (double)y / H;
            for (x = 0; x < W; x++) {
                double u = (double)x / W, f = 1.0, val = GET_DATA_BYTE(line, x);
                if (sp->noise > 0.0) {
                    /* sensor noise, then the scanner's white point clips the
                     * paper: noise shows on ink and photos, the background
                     * stays flat (and the PNG small) */
                    val += sp->noise * syn_rng_gauss(&rng);
                    if (val > SYN_WHITE_POINT)
                        val = 255.0;
                }
                if (sp->lighting > 0.0) {
                    double d = (u - hx) * (u - hx) + (v - hy) * (v - hy);
                    double g = 0.5 * (gx * (u - 0.5) + gy * (v - 0.5)) + 0.8 * d;
                    f = 1.0 - sp->lighting * (g < 0 ? 0 : g > 1 ? 1 : g);
                }
                val = val * f;
                SET_DATA_BYTE(line, x, val < 0 ? 0 : val > 255 ? 255 : (int)lround(val));
            }
        }
    }
    if (sp->bilevel) {
        t = pixThresholdToBinary(pix, 150);
        pixDestroy(&pix);
        if (!(pix = t))
            goto fail;
        t = NULL;
    } else if (sp->yellow) {
        double pr = syn_rng_range(&rng, 238, 250), pg = syn_rng_range(&rng, 225, 238);
        double pb = syn_rng_range(&rng, 180, 205);
        l_uint32 *dline;
        t = pixCreate(W, H, 32);
        if (!t)
            goto fail;
        for (y = 0; y < H; y++) {
            l_uint32 *line = data + (size_t)y * wpl;
            dline = pixGetData(t) + (size_t)y * pixGetWpl(t);
            for (x = 0; x < W; x++) {
                int v = GET_DATA_BYTE(line, x);
                int r = (int)(20 + (pr - 20) * v / 255.0), g = (int)(18 + (pg - 18) * v / 255.0);
                int b = (int)(15 + (pb - 15) * v / 255.0);
                composeRGBPixel(r, g, b, dline + x);
            }
        }
        pixDestroy(&pix);
        pix = t;
        t = NULL;
    }
    if (sp->dpi_tag)
        pixSetResolution(pix, sp->dpi, sp->dpi);
    else {
        /* pixSetResolution() ignores 0, so clear the fields one by one */
        pixSetXRes(pix, 0);
        pixSetYRes(pix, 0);
    }
    *pixd = pix;
    return 0;
fail:
    pixDestroy(&pix);
    pixDestroy(&t);
    syn_error_set("Leptonica failed while degrading the page");
    return SYN_EIMAGE;
}

/*
 * syn_degrade_write: write pix to path in the spec's format: PNG (8 or 32
 * bpp, or 1 bpp when bilevel), baseline JPEG at jpeg-quality, or TIFF G4.
 */
int syn_degrade_write(PIX *pix, const syn_spec *sp, const char *path)
{
    l_int32 rc;

    if (sp->format == SYN_FMT_JPEG)
        rc = pixWriteJpeg(path, pix, sp->jpeg_quality, 0);
    else if (sp->format == SYN_FMT_TIFF)
        rc = pixWrite(path, pix, pixGetDepth(pix) == 1 ? IFF_TIFF_G4 : IFF_TIFF_ZIP);
    else
        rc = pixWrite(path, pix, IFF_PNG);
    if (rc) {
        syn_error_set("cannot write image '%s'", path);
        return SYN_EIO;
    }
    return 0;
}
