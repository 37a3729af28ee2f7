/*
 * direction.h - writing direction and vertical segmentation (direction.c, vertical.c),
 * private to the library: the layout family and process.c, which passes the direction
 * mode of nocr_process_options down to the segmenter.
 */
#ifndef NEWSOCR_LAYOUT_DIRECTION_H
#define NEWSOCR_LAYOUT_DIRECTION_H

#include "core/internal.h"

/* nocr_segment with the page's direction mode: NOCR_DIRECTION_AUTO finds each region's
 * direction from the ink (what nocr_segment does), HORIZONTAL segments as horizontal text
 * only, VERTICAL makes every text region vertical but the folio. Same contract as
 * nocr_segment otherwise. */
int nocr_segment_direction(nocr_page **out, const nocr_image *img, nocr_direction_mode mode);

#ifdef NEWSOCR_LAYOUT_H
/* The share (0..1) of the text ink inside box b of pixb (1 bpp, working pixels) that runs
 * in columns rather than in rows; -1 when too little text to tell (one character, no
 * ink). body is the body text height. */
double seg_ink_direction(PIX *pixb, const seg_box *b, int body);
/* The size of the characters inside box b of pixb, working pixels, at least `body`: what
 * seg_ink_direction takes as `body` for a box of large type (a headline). */
int seg_ink_type_size(PIX *pixb, const seg_box *b, int body);
/* The direction of a block of type set in a grid of two or more lines each way (a
 * headline in two columns, or in two rows), inside box b of pixb: 1 columns, 0 rows, from
 * its white gaps (the lines are apart by the leading, wider than the tracking between the
 * characters of a line); -1 when it has no gap one way or the gaps do not tell. */
int seg_ink_grid_direction(PIX *pixb, const seg_box *b);

/* The vertical pass of the layout (vertical.c). With the horizontal pass's regions found,
 * decides which text is vertical (mode AUTO: from the ink, region by region; VERTICAL: all
 * but the folio), segments it on the page turned a quarter counter-clockwise (columns
 * become rows, right to left becomes top to bottom, so every rule of the horizontal layout
 * applies unchanged: columns never cross the gap between two vertical lines, tiers are
 * blocks, headlines large text), marks the horizontal regions it replaces
 * NOCR_ROLE_UNKNOWN (dropped), cuts those left beside vertical ones on their rows (and
 * their lines, in `lines`, the horizontal pass's) to the span they leave free, and
 * returns the vertical regions in *out, working pixels of
 * the upright page, each with its columns (right to left) in *out_lines (parallel arrays,
 * the caller frees both). Does nothing (n = 0) on a horizontal page. Errors: NOCR_ENOMEM
 * (message set). */
typedef struct seg_vregion {
    seg_region r;     /* box in upright working pixels */
    seg_box *columns; /* right to left */
    size_t ncolumns;
} seg_vregion;

typedef struct seg_vregions {
    seg_vregion *v;
    size_t n, cap;
} seg_vregions;

int seg_vertical(seg_vregions *out, seg_regions *hregions, seg_lines *lines, PIX *pixb,
                 const seg_page *sp, nocr_direction_mode mode);
void seg_vregions_free(seg_vregions *vr);
/* Appends the vertical regions, with their columns as lines, to the page (boxes mapped to
 * original pixels, working boxes kept). Returns 0 or NOCR_ENOMEM. */
int seg_page_add_vertical(nocr_page *page, const seg_vregions *vr, const nocr_image *img);

/* Step 4 and roles of segment.c, and its body measurement, shared with the vertical pass. */
int seg_find_regions(seg_regions *out, seg_lines *lines, const seg_page *sp);
int seg_measure_body(PIX *pixb);

/* The body height of a page of vertical text when preprocessing measured none (enhance
 * 0): seg_measure_body reads horizontal lines, of which a vertical page has few (the
 * folio, headlines set across); on a page whose text runs mostly in columns (or in mode
 * VERTICAL) it is measured again on the page turned a quarter (there the columns' width)
 * and that measure replaces `body` when they differ by more than a quarter. Else, and on
 * failure, `body`. (Preprocessing's measurement reads columns too, nocr_prep_body_size.) */
int seg_vertical_body(PIX *pixb, int body, nocr_direction_mode mode);
#endif

#endif /* NEWSOCR_LAYOUT_DIRECTION_H */
