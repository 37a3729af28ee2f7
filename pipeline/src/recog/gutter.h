/*
 * gutter.h - a text line across a gutter (gutter.c), for second.c.
 */
#ifndef NEWSOCR_RECOG_GUTTER_H
#define NEWSOCR_RECOG_GUTTER_H

#include <leptonica/allheaders.h>

/* True when the line box [x0, x1) x [y0, y1) of the 1 bpp image (data, wpl, W x H) holds
 * an empty run of columns at least GUTTER_EMS bodies wide, ink on both sides, whose middle
 * half is empty CHANNEL_EMS bodies above and below the line (gutter.c). */
int nocr_line_crosses_gutter(const l_uint32 *data, int wpl, int W, int H, int x0, int x1,
                             int y0, int y1, int body);

/* The middle of the first such run (the gutter's middle), -1 when there is none. */
int nocr_line_gutter(const l_uint32 *data, int wpl, int W, int H, int x0, int x1, int y0, int y1,
                     int body);

#endif
