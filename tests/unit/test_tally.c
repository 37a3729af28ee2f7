/*
 * test_tally.c - which image a page's body blocks are read from first (recog/tally.c,
 * compiled in: its functions are private to the library).
 *
 *   test_first_blocks     a page's first blocks are read from the binary image, whatever
 *                         the gray won before GRAY_FIRST_WINS blocks
 *   test_gray_page        a page whose gray won its first blocks reads the next ones from
 *                         the gray first
 *   test_mixed_page       the binary image's wins take the order back: a page where the
 *                         gray won a few blocks among many the binary image read well
 *                         keeps today's order
 */
#include "check.h"

#include "recog/tally.c"

static void test_first_blocks(void)
{
    recog_tally t = RECOG_TALLY_INIT;
    CHECK(!recog_tally_gray_first(&t));
    for (int i = 1; i < GRAY_FIRST_WINS; i++) {
        recog_tally_add(&t, 1);
        CHECK(!recog_tally_gray_first(&t));
    }
}

static void test_gray_page(void)
{
    recog_tally t = RECOG_TALLY_INIT;
    for (int i = 0; i < GRAY_FIRST_WINS; i++)
        recog_tally_add(&t, 1);
    CHECK(recog_tally_gray_first(&t));
    recog_tally_add(&t, 0); /* 3 of 4 */
    CHECK(recog_tally_gray_first(&t));
}

static void test_mixed_page(void)
{
    recog_tally t = RECOG_TALLY_INIT;
    for (int i = 0; i < GRAY_FIRST_WINS; i++)
        recog_tally_add(&t, 1);
    recog_tally_add(&t, 0);
    recog_tally_add(&t, 0); /* 3 of 5: the binary image reads half the page well */
    CHECK(!recog_tally_gray_first(&t));
    recog_tally u = RECOG_TALLY_INIT;
    for (int i = 0; i < 10; i++)
        recog_tally_add(&u, 0);
    for (int i = 0; i < 4; i++)
        recog_tally_add(&u, 1);
    CHECK(!recog_tally_gray_first(&u));
}

int main(void)
{
    test_first_blocks();
    test_gray_page();
    test_mixed_page();
    return CHECK_DONE();
}
