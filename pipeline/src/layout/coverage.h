/*
 * coverage.h - the coverage check (coverage.c): text-like ink that no text region holds is
 * found, grouped into regions and reported, so that a layout mistake never loses text.
 * Shared by process.c and the second opinion (recog/second.c); no Tesseract type here.
 *
 *   nocr_ink_find       the text-like ink of the working binary image, as components
 *   nocr_ink_free
 *   nocr_ink_is_bar     a thin bar (an underline, a rule's remnant), not characters
 *   nocr_ink_is_sliver  a thin tall sliver (a vertical rule's remnant), not characters
 *   nocr_ink_covered    which components a page's text regions (or recognized lines) hold
 *   nocr_cover_fill     uncovered ink grouped into new text regions (hint boxes first)
 *   nocr_cover_measure  the page's coverage: share of text-like ink read
 *   nocr_cover_settle   regions added by the checks that recognition found to be noise
 *   nocr_box_holds_center  whether a box holds the centre of another (the checks' one test)
 */
#ifndef NEWSOCR_LAYOUT_COVERAGE_H
#define NEWSOCR_LAYOUT_COVERAGE_H

#include "core/internal.h"

/* Whether box b's centre (integer halves) lies in outer: where a component or a region
 * counts as inside a block, a region or a photo in the coverage checks. */
static inline int nocr_box_holds_center(nocr_box outer, nocr_box b)
{
    int cx = b.x + b.w / 2, cy = b.y + b.h / 2;
    return cx >= outer.x && cx < outer.x + outer.w && cy >= outer.y && cy < outer.y + outer.h;
}

/* Text-like ink: the 8-connected components of the working binary image (photos and rules
 * already cleared by preprocessing) of character size (see coverage.c), working pixels. */
typedef struct nocr_ink {
    nocr_box *box; /* component boxes */
    int *pixels;   /* black pixels of each */
    size_t n;
    long long total; /* sum of pixels */
    int body;        /* body height, working pixels */
    int square;      /* a page in a square script (CJK): large type found is a headline */
} nocr_ink;

/* Finds the text-like ink of img (preprocessed, binarized). An image without a binary or
 * without a body size gives an empty set. `square` is 0: the caller sets it. Free with
 * nocr_ink_free. Errors: NOCR_ENOMEM. */
int nocr_ink_find(nocr_ink *out, const nocr_image *img);
void nocr_ink_free(nocr_ink *ink);

/* True when a box of w x h working pixels is a thin bar, not characters: wider than
 * INK_BAR_ASPECT (coverage.c) times its height and thinner than a third of the body height
 * (an underline, the remnant of a rule that preprocessing erased). The one definition of
 * "bar": the ink search leaves bars out, recognition does not read a line that is one. */
int nocr_ink_is_bar(int w, int h, int body);
/* True when a box of w x h working pixels is a sliver, not characters: narrower than half
 * the body height and taller than 3/2 of it (a piece of a vertical rule that preprocessing
 * missed). The layout takes no fragment that is one, and the ink search leaves them out. */
int nocr_ink_is_sliver(int w, int h, int body);

/* Sets covered[i] (ink->n entries) to 1 for each component whose centre lies in a text
 * region of the page (recognized == 0), or in a line of a text region that holds text
 * (recognized == 1; a line or region that recognition emptied holds nothing), boxes grown
 * by a quarter of the body height; 0 for the others. Returns the covered share of the
 * ink's pixels, 1 when there is no ink. */
double nocr_ink_covered(unsigned char *covered, const nocr_ink *ink, const nocr_page *page,
                        const nocr_image *img, int recognized);

/* Groups the uncovered components (covered[i] == 0) into new text regions appended to the
 * page (body role, no lines unless the group is one line): first those whose centre lies
 * in one of the hint boxes (working pixels; another analysis's text blocks), one region
 * per hint, origin `hint_origin`; then the rest, by proximity, origin NOCR_ORIGIN_COVERAGE.
 * A group of too little ink to be a word is left out (and counts as lost). covered[] is
 * updated. *added (optional) receives the number of regions added. Errors: NOCR_ENOMEM. */
int nocr_cover_fill(nocr_page *page, const nocr_image *img, const nocr_ink *ink,
                    unsigned char *covered, const nocr_box *hints, size_t nhints,
                    nocr_origin hint_origin, size_t *added);

/* Drops the lines that recognition read to far fewer characters than their boxes hold
 * (LINE_READ_MIN, coverage.c; body: the body height, working pixels), so that the
 * coverage check reads their ink again. */
void nocr_cover_drop_short(nocr_page *page, const nocr_image *img, int body);

/* After recognition: regions the checks added whose text is noise (none, or mean confidence
 * below NOCR_COVER_MIN_CONF; below NOCR_NOISE_CONF for a column of characters the coverage
 * check read down) are judged: one that was a photo (no ink in the binary image:
 * preprocessing cleared it) becomes a photo again, without text; one the coverage check
 * alone found (origin NOCR_ORIGIN_COVERAGE: speckle, a photo's remnant) is emptied.
 * Regions of Tesseract's text blocks keep their text. */
void nocr_cover_settle(nocr_page *page, const nocr_image *img);

/* Sets the page's coverage (nocr_page_set_coverage): the share of text-like ink pixels in
 * lines of text regions that hold text. Errors: NOCR_ENOMEM. */
int nocr_cover_measure(nocr_page *page, const nocr_image *img);

/* Text read from regions the checks added is kept when Tesseract's mean confidence in it
 * reaches this: below it, it is photo texture or speckle read as letters. */
#define NOCR_COVER_MIN_CONF 45

#endif /* NEWSOCR_LAYOUT_COVERAGE_H */
