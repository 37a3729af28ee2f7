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

/* A block of kind k at x: 0, three rows of four squares (rows 24 px apart, the squares 4 px
 * apart along them); 1, the same turned (three columns of four); 2, one blot two squares
 * wide and tall, no grid either way. */
static void block(PIX *pix, int x, int kind)
{
    if (kind == 2) {
        square(pix, x, 10, 2 * SQ, 2 * SQ);
        return;
    }
    for (int line = 0; line < 3; line++)
        for (int c = 0; c < 4; c++) {
            int across = line * (SQ + 24), along = c * (SQ + 4);
            square(pix, x + (kind ? across : along), 10 + (kind ? along : across), SQ, SQ);
        }
}

/* Two blocks side by side, kinds left and right, apart by a gutter of 80 px (1.5
 * characters), measured as one. */
static int side_by_side(int left, int right)
{
    PIX *pix = pixCreate(700, 300, 1);
    block(pix, 10, left);
    block(pix, 10 + 4 * (SQ + 4) + 80, right);
    seg_box b = {0, 0, 700, 300};
    int dir = seg_ink_grid_direction(pix, &b);
    pixDestroy(&pix);
    return dir;
}

/* Two headlines of rows side by side, apart by a gutter, are no one grid: each is judged
 * on its own, and the block is rows (vertical tuning seed 20261213355: undecided, both
 * went to the turned pass and were read as columns). Rows beside a part of neither kind
 * are rows; columns beside such a part, or rows beside columns, leave it undecided
 * (20261213344). */
static void test_headlines_side_by_side(void)
{
    CHECK_INT(side_by_side(0, 0), 0);
    CHECK_INT(side_by_side(0, 2), 0);
    CHECK_INT(side_by_side(1, 1), 1);
    CHECK_INT(side_by_side(1, 2), -1);
    CHECK_INT(side_by_side(0, 1), -1);
}

int main(void)
{
    setMsgSeverity(L_SEVERITY_NONE);
    CHECK_INT(grid_of_two(0), 1);
    CHECK_INT(grid_of_two(1), 0);
    test_rows_bridged();
    test_headlines_side_by_side();
    return CHECK_DONE();
}
