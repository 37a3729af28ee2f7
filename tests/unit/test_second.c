/*
 * test_second.c - the second opinion's choices on an alphabetic page (recog/second.c):
 * the gutter test compiled in (recog/gutter.c, private to the library), the layout of a
 * shaded page through nocr_process.
 *
 *   test_gutter_is_a_channel  a line crosses a gutter only where the white between its
 *                             words runs on CHANNEL_EMS bodies above and below it: two
 *                             columns' lines read as one cross, a justified line's wide
 *                             word space inside a paragraph does not
 *   test_shade_clean_layout   a page whose gray leaves text under a dark shade outside
 *                             Tesseract's text blocks takes the text image's layout
 *                             (clean_gray, SHADE_COVER), whose blocks hold the shaded lines
 */
#include "check.h"

#include "recog/gutter.c"

#define BODY 20 /* body height of the drawn lines, px */

static void rect(PIX *pix, int x, int y, int w, int h)
{
    BOX *box = boxCreate(x, y, w, h);
    pixSetInRectArbitrary(pix, box, 1);
    boxDestroy(&box);
}

/* Lines of "words" (BODY-high blocks) every 2 bodies from y0 to y1, from x0 to x1, with a
 * word space of 6 px; `gap_x`, `gap_w`: a wider white run at that place on every line. */
static void draw_lines(PIX *pix, int x0, int x1, int y0, int y1, int gap_x, int gap_w)
{
    for (int y = y0; y + BODY <= y1; y += 2 * BODY)
        for (int x = x0; x < x1; x += 46) {
            int w = x + 40 > x1 ? x1 - x : 40;
            int a = x > gap_x - 40 && x < gap_x + gap_w ? 0 : 1;
            if (a && w > 0)
                rect(pix, x, y, w, BODY);
        }
    if (gap_w > 0) /* the words' edges at the run, so its width is exact */
        for (int y = y0; y + BODY <= y1; y += 2 * BODY) {
            rect(pix, gap_x - 10, y, 10, BODY);
            rect(pix, gap_x + gap_w, y, 10, BODY);
        }
}

static int crosses(PIX *pix, int x0, int x1, int y)
{
    return nocr_line_crosses_gutter(pixGetData(pix), pixGetWpl(pix), pixGetWidth(pix),
                                    pixGetHeight(pix), x0, x1, y, y + BODY, BODY);
}

static void test_gutter_is_a_channel(void)
{
    /* two columns 30 px (1.5 bodies) apart, eight lines each: the white between them runs
     * down the page, and a line box across both crosses the gutter */
    PIX *cols = pixCreate(800, 400, 1);
    draw_lines(cols, 20, 780, 20, 340, 390, 30);
    CHECK_INT(crosses(cols, 20, 780, 140), 1);
    pixDestroy(&cols);

    /* one paragraph whose middle line has a word space as wide (30 px), the lines above
     * and below set solid across it: a word space, not a gutter (the width test alone,
     * without the channel, took it for one) */
    PIX *para = pixCreate(800, 400, 1);
    draw_lines(para, 20, 780, 20, 340, -1000, 0);
    BOX *line = boxCreate(20, 140, 760, BODY);
    pixClearInRect(para, line);
    boxDestroy(&line);
    draw_lines(para, 20, 780, 140, 140 + BODY, 390, 30);
    CHECK_INT(crosses(para, 20, 780, 140), 0);
    pixDestroy(&para);
}

int main(void)
{
    test_gutter_is_a_channel();
    return CHECK_DONE();
}
