/*
 * test_direction.c - the writing direction of a block of large type from its white gaps
 * (layout/direction.c, compiled in: its functions are private to the library).
 *
 * Blocks of 54 px squares drawn on a 1 bpp image: a headline of two columns (a grid read
 * down), the same turned (a grid read across), and two rows set solid under a mark 2 px
 * above them, whose white runs only between the characters of a row: not a grid.
 */
#include "check.h"

#include "layout/direction.c"

#define SQ 54 /* character size */

static void square(PIX *pix, int x, int y, int w, int h)
{
    BOX *box = boxCreate(x, y, w, h);
    pixSetInRectArbitrary(pix, box, 1);
    boxDestroy(&box);
}

/* Two columns of five squares, 4 px apart down a column, the columns 24 px apart (the
 * leading, wider than the tracking); turned: two rows of five. */
static int grid_of_two(int turned)
{
    PIX *pix = pixCreate(400, 400, 1);
    for (int line = 0; line < 2; line++)
        for (int c = 0; c < 5; c++) {
            int across = 10 + line * (SQ + 24), along = 10 + c * (SQ + 4);
            if (turned)
                square(pix, along, across, SQ, SQ);
            else
                square(pix, across, along, SQ, SQ);
        }
    seg_box b = {0, 0, 400, 400};
    int dir = seg_ink_grid_direction(pix, &b);
    pixDestroy(&pix);
    return dir;
}

/* Two rows of five squares 4 px apart, the rows touching (bridged, as by the tall
 * characters of a vertical headline beside them), a mark 10 px tall 2 px above them:
 * white 4 px wide down the block and 2 px across it at its top edge only, the ink across
 * in runs of 108 px, two characters tall (fresh seed 20261202026: a row of headlines
 * beside the tops of columns measured as a grid of columns 3 px apart and was given to
 * the turned pass, which kept none of it). Not a grid: undecided. */
static void test_rows_bridged(void)
{
    PIX *pix = pixCreate(400, 200, 1);
    square(pix, 10, 10, 20, 10);
    for (int r = 0; r < 2; r++)
        for (int c = 0; c < 5; c++)
            square(pix, 10 + c * (SQ + 4), 22 + r * SQ, SQ, SQ);
    seg_box b = {0, 0, 400, 200};
    CHECK_INT(seg_ink_grid_direction(pix, &b), -1);
    pixDestroy(&pix);
}

int main(void)
{
    setMsgSeverity(L_SEVERITY_NONE);
    CHECK_INT(grid_of_two(0), 1);
    CHECK_INT(grid_of_two(1), 0);
    test_rows_bridged();
    return CHECK_DONE();
}
