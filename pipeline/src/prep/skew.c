/*
 * prep_skew.c - skew of the text lines.
 *
 *   nocr_prep_skew
 */
#include "prep/prep.h"

/* Search range and steps of the sweep (degrees): the issue asks for +-10 degrees. */
#define SKEW_RANGE     10.0f
#define SKEW_SWEEP     0.5f
#define SKEW_MIN_DELTA 0.01f
/* Leptonica's confidence is the ratio of the best to the worst score of the sweep; below
 * SKEW_MIN_CONF (Leptonica's own deskew threshold) the angle is not trusted. */
#define SKEW_MIN_CONF 3.0f
/* Smaller angles are not corrected: pixRotate leaves the image as it is below 0.001 rad
 * (0.057 degrees), and the mapping must match the rotation done. */
#define SKEW_MIN_ANGLE 0.06

/* A page whose lines are level in each column but not from column to column (columns
 * set independently, their lines at different heights) gives the whole-page projection a
 * weak peak: fresh seed 20261201766 (6 columns, skew 1.55, lighting and a shadow band),
 * 1310 (0.51) and 1416 (1.13) read at Leptonica's ratio 2.6-2.7, under SKEW_MIN_CONF, and
 * were left skewed, their lines crossing the gutters, though the angle found was right
 * (766: -1.53). Such an angle is checked in SKEW_STRIPS vertical strips of the page, each
 * a column or two wide: their own peaks are weaker still (ratio 1.3-1.5 on 766), but when
 * every strip finds the page's angle within SKEW_AGREE degrees, the lines of every part of
 * the page lean the same way, and the strips' mean angle is taken (a strip's lines are in
 * step, so its angle is the more exact: 1.53 where the page read 1.31 on the drawn page of
 * test_prep_robust, turned 1.5). Noise, a photo or a headline set at
 * an angle puts the strips' peaks at different angles and leaves the page as it was. */
#define SKEW_STRIPS 3
#define SKEW_AGREE  0.3f

/* Whether each of SKEW_STRIPS vertical strips of pixb finds `angle` within SKEW_AGREE;
 * if so, their mean angle in *out_mean. */
static int strips_agree(PIX *pixb, int reduction, l_float32 angle, l_float32 *out_mean)
{
    int w = pixGetWidth(pixb), h = pixGetHeight(pixb);
    l_float32 sum = 0;
    for (int i = 0; i < SKEW_STRIPS; i++) {
        BOX *box = boxCreate(i * w / SKEW_STRIPS, 0, w / SKEW_STRIPS, h);
        PIX *strip = box ? pixClipRectangle(pixb, box, NULL) : NULL;
        l_float32 a = 0, conf = 0;
        boxDestroy(&box);
        int bad = !strip || pixFindSkewSweepAndSearch(strip, &a, &conf, reduction, 1, SKEW_RANGE,
                                                      SKEW_SWEEP, SKEW_MIN_DELTA);
        pixDestroy(&strip);
        if (bad || conf <= 0 || a - angle > SKEW_AGREE || angle - a > SKEW_AGREE)
            return 0;
        sum += a;
    }
    *out_mean = sum / SKEW_STRIPS;
    return 1;
}

/*
 * nocr_prep_skew: Leptonica pixFindSkewSweepAndSearch (Postl's method: the variance of
 * the differences of the horizontal projection, which peaks when lines are level) on pixb,
 * swept over +-SKEW_RANGE in SKEW_SWEEP steps at a 2x reduction (1x when pixb is small),
 * then refined by binary search to SKEW_MIN_DELTA at full size. pixb is the analysis
 * image, itself usually a 2x reduction of the scan, so the sweep sees about 75 ppi and
 * the search 150 ppi: lines of text, not characters.
 * The confidence reported is conf / (conf + SKEW_MIN_CONF) of Leptonica's ratio: 0.5 at
 * Leptonica's threshold, 0.8 at 12, toward 1 on long clean lines. An angle under the
 * threshold is taken when strips of the page find it too (strips_agree).
 */
void nocr_prep_skew(PIX *pixb, double *out_angle, double *out_conf)
{
    l_float32 angle = 0, conf = 0;
    int small = pixGetWidth(pixb) < 600 || pixGetHeight(pixb) < 600;
    *out_angle = 0;
    *out_conf = 0;
    if (pixGetWidth(pixb) < 64 || pixGetHeight(pixb) < 64)
        return;
    if (pixFindSkewSweepAndSearch(pixb, &angle, &conf, small ? 1 : 2, 1, SKEW_RANGE, SKEW_SWEEP,
                                  SKEW_MIN_DELTA))
        return;
    if (conf <= 0)
        return;
    *out_conf = conf / (conf + SKEW_MIN_CONF);
    if (conf < SKEW_MIN_CONF && !strips_agree(pixb, small ? 1 : 2, angle, &angle))
        return;
    if (angle > SKEW_RANGE || angle < -SKEW_RANGE)
        return;
    if (angle < SKEW_MIN_ANGLE && angle > -SKEW_MIN_ANGLE)
        return;
    *out_angle = angle;
}
