/*
 * tally.c - which image a page's body blocks are read from first (recognize.c).
 *
 *   recog_tally_add         a block read both ways, counted by the reading kept
 *   recog_tally_gray_first  whether the next block is read from the gray first
 *
 * A body block is read from the binary text image, and again from the gray when it reads
 * badly (recognize.c, GRAY_RETRY_CONF). On a page where the gray is the better image
 * (small type blurred or scanned at a low resolution, then upscaled) nearly every block is
 * then read twice and the gray's reading kept: the binary reading is wasted time. Once the
 * gray has won enough of the page's blocks, the next ones are read from the gray first and
 * from the binary image only when the gray reads badly, the same rule mirrored; the choice
 * between two readings is the same either way, so a block that needs both still gets both.
 * What changes is a block the gray reads at the threshold or above: its gray reading is
 * kept, unread from the binary image. On the three pages of 46 (seeds 20261202102-149 and
 * 1600-1629) where that happened, CER and order-free error fell a little (1600: OFE 0.0336
 * to 0.0320) and a fifth of the page's CPU time was saved (1600: 16.8 s to 13.0 s).
 */
#include "recog/tally.h"

/* The gray is read first after it won this many blocks of the page, and at least this
 * share of those compared (a block the binary image read well enough alone counts as a
 * binary win). On 16 enlarged tuning pages (seeds 20261202102-149) the pages where the gray
 * won won their first three blocks (118, 132, 143, 144), and the pages where the two images
 * read alike never reached the share (109: the gray won 10 of 30, the first 10 lost). Not
 * counting the blocks the binary image read well alone took 149 (most blocks clean, a few
 * blotted) to the gray too: its reading order fell from tau 0.928 to 0.743. */
#define GRAY_FIRST_WINS  3
#define GRAY_FIRST_SHARE 0.67

void recog_tally_add(recog_tally *tally, int gray_won)
{
    if (gray_won)
        tally->gray++;
    else
        tally->binary++;
}

int recog_tally_gray_first(const recog_tally *tally)
{
    int n = tally->gray + tally->binary;
    return tally->gray >= GRAY_FIRST_WINS && (double)tally->gray >= GRAY_FIRST_SHARE * (double)n;
}
