/*
 * prep_runs.c - an opening by a line, computed from the runs of the image.
 *
 *   nocr_prep_open_runs
 *
 * An opening of a 1-bit image by a horizontal brick len x 1 keeps exactly the pixels of
 * the horizontal runs of ON pixels that the brick fits in: a run whole or not at all (the
 * brick's translates inside the run cover it). pixOpenBrick computes this with 2 * len
 * shifted copies of the whole image (rasterops), which at the lengths the figure and rule
 * searches use (2-3 body heights, 40-120 px) cost 0.1-0.4 s a page; a scan of the runs
 * costs one pass. The result is pixOpenBrick's (Leptonica 1.82), bit for bit, at the
 * image's edges too: there a run also needs len pixels (checked against pixOpenBrick on
 * working images of fresh seeds and on random images, lengths 2-130). pixOpenCompBrick
 * by len is the opening by f1 * f2 (selectComposableSizes), the same way (checked at
 * lengths 30-700).
 */
#include "prep/prep.h"

#include <stdlib.h>

static void rows_open(PIX *pixd, PIX *pixs, int len)
{
    int w = pixGetWidth(pixs), h = pixGetHeight(pixs);
    int wpls = pixGetWpl(pixs), wpld = pixGetWpl(pixd);
    l_uint32 *datas = pixGetData(pixs), *datad = pixGetData(pixd);
    for (int y = 0; y < h; y++) {
        const l_uint32 *lines = datas + (size_t)y * wpls;
        l_uint32 *lined = datad + (size_t)y * wpld;
        int start = -1;
        for (int x = 0; x <= w; x++) {
            if (x < w && start < 0 && (x & 31) == 0 && lines[x >> 5] == 0) {
                x += 31; /* a word of OFF pixels outside a run */
                continue;
            }
            int on = x < w && GET_DATA_BIT(lines, x);
            if (on && start < 0)
                start = x;
            else if (!on && start >= 0) {
                if (x - start >= len)
                    for (int k = start; k < x; k++)
                        SET_DATA_BIT(lined, k);
                start = -1;
            }
        }
    }
}

static int columns_open(PIX *pixd, PIX *pixs, int len)
{
    int w = pixGetWidth(pixs), h = pixGetHeight(pixs);
    int wpls = pixGetWpl(pixs), wpld = pixGetWpl(pixd);
    l_uint32 *datas = pixGetData(pixs), *datad = pixGetData(pixd);
    int *start = malloc(sizeof(*start) * (size_t)w);
    int *open = calloc((size_t)wpls, sizeof(*open)); /* runs open in each word's columns */
    if (!start || !open) {
        free(start);
        free(open);
        return -1;
    }
    for (int x = 0; x < w; x++)
        start[x] = -1;
    for (int y = 0; y <= h; y++) {
        const l_uint32 *lines = y < h ? datas + (size_t)y * wpls : NULL;
        for (int x = 0; x < w; x++) {
            if ((x & 31) == 0 && open[x >> 5] == 0 && (!lines || lines[x >> 5] == 0)) {
                x += 31; /* no run open in these columns, none starting */
                continue;
            }
            int on = lines && GET_DATA_BIT(lines, x);
            if (on && start[x] < 0) {
                start[x] = y;
                open[x >> 5]++;
            } else if (!on && start[x] >= 0) {
                if (y - start[x] >= len)
                    for (int k = start[x]; k < y; k++)
                        SET_DATA_BIT(datad + (size_t)k * wpld, x);
                start[x] = -1;
                open[x >> 5]--;
            }
        }
    }
    free(start);
    free(open);
    return 0;
}

/*
 * nocr_prep_open_runs: pixOpenBrick(NULL, pixs, len, 1) (vertical 0) or
 * pixOpenBrick(NULL, pixs, 1, len) (vertical 1) of the 1-bit pixs, from its runs (see the
 * top of this file). A new image, the caller's; NULL when out of memory or pixs is not
 * 1 bit.
 */
PIX *nocr_prep_open_runs(PIX *pixs, int len, int vertical)
{
    if (!pixs || pixGetDepth(pixs) != 1)
        return NULL;
    if (len <= 1)
        return pixCopy(NULL, pixs);
    PIX *pixd = pixCreateTemplate(pixs);
    if (!pixd)
        return NULL;
    if (vertical ? columns_open(pixd, pixs, len) : (rows_open(pixd, pixs, len), 0))
        pixDestroy(&pixd);
    return pixd;
}
