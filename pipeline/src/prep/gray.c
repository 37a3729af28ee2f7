/*
 * prep_gray.c - colour to the gray that shows the text best.
 *
 *   nocr_prep_gray
 *
 * Loading already turned palettes, alpha (flattened on white), 16-bit and 1-bit input
 * into 8-bit gray or 32-bit RGB (load.c); this step handles the RGB case.
 */
#include "prep/prep.h"

#include <string.h>

/* A channel must beat luminance's text contrast by this factor to be chosen instead:
 * luminance averages the noise of three channels, a single channel does not. */
#define CHANNEL_GAIN 1.08f

/* Text contrast of an 8-bit image: paper (rank 0.90, most of a page is paper) minus ink
 * (rank 0.02, dark strokes), on every 4th pixel. */
static int gray_contrast(PIX *pix)
{
    l_uint32 paper = 0, ink = 0;
    if (pixGetRankValue(pix, 4, 0.90f, &paper) || pixGetRankValue(pix, 4, 0.02f, &ink))
        return 0;
    return (int)paper - (int)ink;
}

/*
 * nocr_prep_gray: 8-bit gray of pixs. 8 bpp is returned as a copy; for 32-bit RGB the
 * candidates are the luminance (pixConvertRGBToLuminance) and the red, green and blue
 * channels, scored by their text contrast (paper rank 0.90 minus ink rank 0.02) on a 1/4
 * sample; luminance wins unless a channel beats it by CHANNEL_GAIN. Yellowed paper is
 * dark in blue and light in red, so red usually wins there.
 */
PIX *nocr_prep_gray(PIX *pixs, const char **out_channel)
{
    const char *name = "gray";
    PIX *pixd = NULL;
    if (pixGetDepth(pixs) != 32) {
        pixd = pixGetDepth(pixs) == 8 && !pixGetColormap(pixs) ? pixCopy(NULL, pixs)
                                                               : pixConvertTo8(pixs, 0);
    } else {
        static const int comps[3] = {COLOR_RED, COLOR_GREEN, COLOR_BLUE};
        static const char *const names[3] = {"red", "green", "blue"};
        PIX *small = pixScaleBySampling(pixs, 0.25f, 0.25f);
        int best = -1;
        if (small) {
            PIX *lum = pixConvertRGBToLuminance(small);
            float best_score = lum ? (float)gray_contrast(lum) * CHANNEL_GAIN : 0;
            pixDestroy(&lum);
            for (int i = 0; i < 3; i++) {
                PIX *ch = pixGetRGBComponent(small, comps[i]);
                float score = ch ? (float)gray_contrast(ch) : 0;
                pixDestroy(&ch);
                if (score > best_score) {
                    best_score = score;
                    best = i;
                }
            }
            pixDestroy(&small);
        }
        if (best >= 0) {
            pixd = pixGetRGBComponent(pixs, comps[best]);
            name = names[best];
        } else {
            pixd = pixConvertRGBToLuminance(pixs);
            name = "luminance";
        }
    }
    if (pixd)
        pixCopyResolution(pixd, pixs);
    if (out_channel)
        *out_channel = name;
    return pixd;
}
