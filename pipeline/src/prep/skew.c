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

/*
 * nocr_prep_skew: Leptonica pixFindSkewSweepAndSearch (Postl's method: the variance of
 * the differences of the horizontal projection, which peaks when lines are level) on pixb,
 * swept over +-SKEW_RANGE in SKEW_SWEEP steps at a 2x reduction (1x when pixb is small),
 * then refined by binary search to SKEW_MIN_DELTA at full size. pixb is the analysis
 * image, itself usually a 2x reduction of the scan, so the sweep sees about 75 ppi and
 * the search 150 ppi: lines of text, not characters.
 * The confidence reported is conf / (conf + SKEW_MIN_CONF) of Leptonica's ratio: 0.5 at
 * Leptonica's threshold, 0.8 at 12, toward 1 on long clean lines.
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
    if (conf < SKEW_MIN_CONF || angle > SKEW_RANGE || angle < -SKEW_RANGE)
        return;
    if (angle < SKEW_MIN_ANGLE && angle > -SKEW_MIN_ANGLE)
        return;
    *out_angle = angle;
}
