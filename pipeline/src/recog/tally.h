/*
 * tally.h - which of a page's two working images (the binary text image, the gray) its
 * body blocks are read from first, learnt from the blocks read both ways (tally.c).
 */
#ifndef NEWSOCR_RECOG_TALLY_H
#define NEWSOCR_RECOG_TALLY_H

/* The blocks of one page whose two readings were compared, by the one that was kept. */
typedef struct recog_tally {
    int gray, binary;
} recog_tally;

#define RECOG_TALLY_INIT                                                                          \
    {                                                                                             \
        0, 0                                                                                      \
    }

/* Counts a block read both ways: gray_won when the gray's reading was kept. */
void recog_tally_add(recog_tally *tally, int gray_won);
/* True when the page's next body block is read from the gray first: the gray's reading
 * was kept on GRAY_FIRST_WINS blocks or more and on GRAY_FIRST_SHARE of those compared. */
int recog_tally_gray_first(const recog_tally *tally);

#endif /* NEWSOCR_RECOG_TALLY_H */
