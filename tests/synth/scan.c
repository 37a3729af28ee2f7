/*
 * scan.c - paper and scanner faults applied to the clean page.
 *
 *   syn_scan_paper   bleed-through, fold shadow and shadow band, in place
 *
 * These are properties of the sheet, so they are applied before the skew
 * (they turn with the paper) and before the optics blur them:
 *   - bleed-through: the verso's print showing through thin newsprint, made
 *     from the page itself mirrored left-right, shifted, smoothed and faint;
 *   - fold: a newspaper folded in half does not lie flat, the fold is a dark,
 *     soft gutter with a darker crease in its middle;
 *   - shadow band: a soft-edged darker band across the page (the lid not
 *     closed, a book spine, a hand).
 * All three are off (pix unchanged) when their strengths are 0, so page
 * specs, which have no keys for them, give the same bytes as before.
 */
#include "synth.h"

#include <leptonica/allheaders.h>
#include <math.h>

/* darken pix by the mirrored, shifted, box-smoothed page at strength s */
static int scan_bleed(PIX *pix, double s, int dpi)
{
    PIX *flip = pixFlipLR(NULL, pix), *smooth;
    int w, h, x, y, wpl, swpl, dx = dpi / 30, dy = dpi / 45;
    l_uint32 *data, *sdata;

    if (!flip)
        return SYN_EIMAGE;
    smooth = pixBlockconv(flip, dpi / 150 + 1, dpi / 150 + 1);
    pixDestroy(&flip);
    if (!smooth)
        return SYN_EIMAGE;
    pixGetDimensions(pix, &w, &h, NULL);
    data = pixGetData(pix);
    wpl = pixGetWpl(pix);
    sdata = pixGetData(smooth);
    swpl = pixGetWpl(smooth);
    for (y = 0; y < h; y++) {
        int sy = y - dy;
        if (sy < 0 || sy >= h)
            continue;
        for (x = 0; x < w; x++) {
            int sx = x - dx, v, b;
            if (sx < 0 || sx >= w)
                continue;
            b = 255 - (int)lround(s * (255 - GET_DATA_BYTE(sdata + (size_t)sy * swpl, sx)));
            v = GET_DATA_BYTE(data + (size_t)y * wpl, x);
            if (b < v)
                SET_DATA_BYTE(data + (size_t)y * wpl, x, b);
        }
    }
    pixDestroy(&smooth);
    return 0;
}

/* multiply pix by 1 - f(d), where d is the distance in pixels from the line
 * at pos (fraction of the page) across the given direction */
static void scan_darken(PIX *pix, int vertical, double pos, double halfw, double strength,
                        int crease)
{
    int w, h, x, y, wpl;
    l_uint32 *data;

    pixGetDimensions(pix, &w, &h, NULL);
    data = pixGetData(pix);
    wpl = pixGetWpl(pix);
    for (y = 0; y < h; y++) {
        l_uint32 *line = data + (size_t)y * wpl;
        for (x = 0; x < w; x++) {
            double d = vertical ? x - pos * w : y - pos * h, f, t = d / halfw;
            int v;
            if (crease) {
                /* fold: Gaussian shadow plus a sharp crease line */
                f = strength * exp(-t * t) + (fabs(d) < 1.5 ? 0.35 : 0.0);
            } else {
                /* band: flat middle, smoothstep edges over 30% of its width */
                double e = (fabs(t) - 0.7) / 0.3;
                f = e <= 0 ? strength : e >= 1 ? 0 : strength * (1 - e * e * (3 - 2 * e));
            }
            if (f <= 0.002)
                continue;
            v = (int)lround(GET_DATA_BYTE(line, x) * (1.0 - (f > 0.95 ? 0.95 : f)));
            SET_DATA_BYTE(line, x, v);
        }
    }
}

/*
 * syn_scan_paper: apply the spec's bleed-through, fold and shadow band to the
 * clean 8 bpp page pix in place.  Typical values: bleed 0.06-0.2, fold
 * 0.2-0.5 (gutter half-width 0.12 in at the page's dpi), shadow 0.15-0.4.
 * Returns 0 or SYN_EIMAGE.
 */
int syn_scan_paper(PIX *pix, const syn_spec *sp)
{
    if (sp->bleed > 0.0 && scan_bleed(pix, sp->bleed, sp->dpi)) {
        syn_error_set("Leptonica failed while adding bleed-through");
        return SYN_EIMAGE;
    }
    if (sp->fold > 0.0)
        scan_darken(pix, sp->fold_vertical, sp->fold_pos, 0.12 * sp->dpi, sp->fold, 1);
    if (sp->shadow > 0.0) {
        int w, h;
        pixGetDimensions(pix, &w, &h, NULL);
        scan_darken(pix, sp->shadow_vertical, sp->shadow_pos,
                    0.5 * sp->shadow_w * (sp->shadow_vertical ? w : h), sp->shadow, 0);
    }
    return 0;
}
