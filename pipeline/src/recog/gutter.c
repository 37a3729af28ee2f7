/*
 * gutter.c - whether a text line of Tesseract's layout runs across a gutter (two columns'
 * lines read as one), measured on the text image; second.c compares the layouts of an
 * alphabetic page by it. Its own file so that it is tested alone (tests/unit/test_second.c).
 *
 *   nocr_line_gutter          where a white channel runs through a line box (GUTTER_EMS,
 *                             CHANNEL_EMS)
 *   nocr_line_crosses_gutter  whether one does
 */
#include "recog/gutter.h"

/* A line "crosses a gutter" when the text image holds, inside its box, a run of empty
 * pixel columns at least GUTTER_EMS body sizes wide between ink on both sides, and the
 * middle of that run stays empty CHANNEL_EMS body sizes above and below the line: a
 * gutter is a white channel down the column, a word space is not. A wide word space of a
 * justified line (in a narrow column, 1-1.5 em) passed the width test alone: on Latin
 * tuning seeds 3700-3711 the working layout's share read 0.06-0.60, the original was
 * analysed on 10 of the 12 pages (a second or more each) and taken on none; with the
 * channel, on 5, and taken on 3701 (CER 0.49 -> 0.46, plain tesseract 0.46). Such a line
 * is two columns' lines read as one, their words interleaved. */
#define GUTTER_EMS  1.0
#define CHANNEL_EMS 3.0

/* True when the text image has no ink in columns [x0, x1) over rows [y0, y1) (clipped). */
static int columns_empty(const l_uint32 *data, int wpl, int W, int H, int x0, int x1, int y0,
                         int y1)
{
    x0 = x0 < 0 ? 0 : x0;
    x1 = x1 > W ? W : x1;
    y0 = y0 < 0 ? 0 : y0;
    y1 = y1 > H ? H : y1;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
            if (GET_DATA_BIT(data + (size_t)y * wpl, x))
                return 0;
    return 1;
}

/* The middle of the first run of empty columns in the line box [x0, x1) x [y0, y1) at
 * least GUTTER_EMS bodies wide, ink on both sides, whose middle half is empty CHANNEL_EMS
 * bodies above and below the line (see GUTTER_EMS); -1 when there is none. */
int nocr_line_gutter(const l_uint32 *data, int wpl, int W, int H, int x0, int x1, int y0, int y1,
                     int body)
{
    int run = 0, seen = 0, reach = (int)(CHANNEL_EMS * body);
    for (int x = x0; x < x1; x++) {
        int ink = 0;
        for (int y = y0; y < y1 && !ink; y++)
            ink = GET_DATA_BIT(data + (size_t)y * wpl, x);
        if (!ink) {
            run++;
            continue;
        }
        if (seen && run >= GUTTER_EMS * body &&
            columns_empty(data, wpl, W, H, x - run + run / 4, x - run / 4, y0 - reach, y1 + reach))
            return x - run + run / 2;
        seen = 1;
        run = 0;
    }
    return -1;
}

int nocr_line_crosses_gutter(const l_uint32 *data, int wpl, int W, int H, int x0, int x1,
                             int y0, int y1, int body)
{
    return nocr_line_gutter(data, wpl, W, H, x0, x1, y0, y1, body) >= 0;
}
