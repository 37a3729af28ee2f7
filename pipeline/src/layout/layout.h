/*
 * layout.h - private header of the layout family: newsocr's own segmentation.
 *
 * nocr_segment (segment.c) runs the steps in this order; each file documents its own:
 *
 *   lines.c     seg_find_lines            steps 1-3: fragments, column blocks, text lines
 *   blocks.c    seg_split_at_gutters      step 2a: two columns glued by a line across their
 *                                         gutter cut apart
 *               seg_join_stacked_blocks   step 2b: a paragraph's short last line rejoins
 *                                         its column
 *               seg_merge_single_lines    step 3b: pieces of lines that a wide gap split
 *   regions.c   seg_block_regions         step 4: a block's lines cut into regions
 *   roles.c     seg_headlines             large text: headline and subheadline regions
 *               seg_roles                 caption, section heading, subheadline, folio
 *               seg_lone_decks            a subheadline without its headline is one
 *   segment.c   nocr_segment              the stage: image in, page model out
 *
 * The steps work in the working image's pixels (deskewed and scaled by preprocessing) and
 * read the image only through newsocr.h, once, into a seg_page. Every length is a multiple
 * of the body height, so the rules hold at any resolution. A threshold that no measurement
 * stands behind says so: "chosen by hand on the 26 samples" (samples/, 150-400 dpi, A4 and
 * A3, 3 to 6 columns, clean and degraded scans).
 */
#ifndef NEWSOCR_LAYOUT_H
#define NEWSOCR_LAYOUT_H

#include "core/internal.h"

#include <leptonica/allheaders.h>

/* A box in working pixels, as two corners: x1, y1 exclusive. */
typedef struct seg_box {
    int x0, y0, x1, y1;
} seg_box;

/* A line fragment (step 1) or a text line (step 3). */
typedef struct seg_line {
    seg_box box;
    int block; /* block label, -1 for large text */
    float ink; /* fraction of black pixels in the box: bold type is denser */
} seg_line;

typedef struct seg_lines {
    seg_line *v;
    size_t n, cap;
} seg_lines;

/* A region being formed: a run of lines of one block, or large text. */
typedef struct seg_region {
    seg_box box;
    int nlines;
    int line_h;   /* median line height */
    int centered; /* all lines centered in their block */
    int heading;  /* heading type (taller or bolder than the block's text) */
    nocr_role role;
} seg_region;

typedef struct seg_regions {
    seg_region *v;
    size_t n, cap;
} seg_regions;

/* A printed rule found by preprocessing, working pixels. */
typedef struct seg_rule {
    nocr_box box;
    int vertical; /* 1: a column rule */
} seg_rule;

/* What the steps read of the preprocessed image, taken once through newsocr.h. */
typedef struct seg_page {
    const char *source; /* the image's file name, for messages */
    int body;           /* body text height, working pixels */
    int width, height;  /* of the working image */
    nocr_box *figures;  /* photos, working pixels */
    size_t nfigures;
    seg_rule *rules;
    size_t nrules;
} seg_page;

static inline int seg_box_w(const seg_box *b)
{
    return b->x1 - b->x0;
}

static inline int seg_box_h(const seg_box *b)
{
    return b->y1 - b->y0;
}

static inline void seg_box_union(seg_box *a, const seg_box *b)
{
    a->x0 = b->x0 < a->x0 ? b->x0 : a->x0;
    a->y0 = b->y0 < a->y0 ? b->y0 : a->y0;
    a->x1 = b->x1 > a->x1 ? b->x1 : a->x1;
    a->y1 = b->y1 > a->y1 ? b->y1 : a->y1;
}

/* Leptonica's box of b; NULL when b is empty (or out of memory). */
static inline BOX *seg_box_lept(const seg_box *b)
{
    return seg_box_w(b) > 0 && seg_box_h(b) > 0
               ? boxCreate(b->x0, b->y0, seg_box_w(b), seg_box_h(b))
               : NULL;
}

/* The part of pix inside b, a new image; NULL when b is empty or out of memory. */
static inline PIX *seg_clip(PIX *pix, const seg_box *b)
{
    BOX *box = seg_box_lept(b);
    PIX *pixc = box ? pixClipRectangle(pix, box, NULL) : NULL;
    boxDestroy(&box);
    return pixc;
}

/* Length of the overlap of [a0, a1) and [b0, b1); 0 when they do not meet. */
static inline int seg_overlap(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

/* Whether photo f stands over box b: its foot gap_min (negative: reaching into b) up to
 * gap_max (excluded) pixels above b's top, over more than half of b's width. The layout's
 * one test of a caption's place under its photo. */
static inline int seg_photo_over(const nocr_box *f, const seg_box *b, int gap_min, int gap_max)
{
    int gap = b->y0 - (f->y + f->h);
    return gap >= gap_min && gap < gap_max &&
           2 * seg_overlap(b->x0, b->x1, f->x, f->x + f->w) > seg_box_w(b);
}

/* Horizontal distance between two boxes side by side (negative when they overlap). */
static inline int seg_hgap(const seg_box *a, const seg_box *b)
{
    return b->x0 >= a->x1 ? b->x0 - a->x1 : a->x0 - b->x1;
}

/* Whether the centre of box b lies in box in (a line belongs to the one region that holds
 * its centre). */
static inline int seg_centre_in(const seg_box *b, const seg_box *in)
{
    int cx = (b->x0 + b->x1) / 2, cy = (b->y0 + b->y1) / 2;
    return cx >= in->x0 && cx < in->x1 && cy >= in->y0 && cy < in->y1;
}

/* The one "same row" test of the layout: two boxes are on one text row when they overlap
 * vertically by at least half the smaller height. Lines of one column never do (their
 * leading keeps them apart), the parts of one line always do, also a short piece of
 * punctuation against a full-height character. */
static inline int seg_same_row(const seg_box *a, const seg_box *b)
{
    int ha = seg_box_h(a), hb = seg_box_h(b);
    return 2 * seg_overlap(a->y0, a->y1, b->y0, b->y1) >= (ha < hb ? ha : hb);
}

int seg_cmp_int(const void *a, const void *b);
/* The box of the ink of pixb inside b into *out (out may be b); 0 when there is none. */
int seg_ink_box(seg_box *out, PIX *pixb, const seg_box *b);
/* The runs of rows with ink of box b of pixb into y0/y1 (page rows), at most max; runs less
 * than `join` pixels apart are taken as one (0: every white row separates). Returns their
 * count, max + 1 when there are more. */
int seg_ink_runs(int *y0, int *y1, PIX *pixb, const seg_box *b, double join, int max);
/* The same along x: the runs of columns with ink of box b into x0/x1 (page columns). */
int seg_ink_column_runs(int *x0, int *x1, PIX *pixb, const seg_box *b, double join, int max);
/* 1 when a vertical rule stands in the gap between boxes a and b, side by side, at rows they
 * share: two headlines over neighbouring columns, a rule between them, are two. */
int seg_ruled_apart(const seg_page *sp, const seg_box *a, const seg_box *b);
/* Orders lines by top, then left. */
int seg_line_cmp_top(const void *a, const void *b);
int seg_lines_push(seg_lines *lines, seg_line line);
int seg_regions_push(seg_regions *rs, seg_region r);

/* Steps 1-3 on pixb (1 bpp, text only): the lines of the page, each tagged with its block
 * (-1: large text), sorted by top. Errors: NOCR_ENOMEM (message set). */
int seg_find_lines(seg_lines *out, PIX *pixb, const seg_page *sp);

/* Step 2a on the fragments: a block of two columns that a line across the gutter at their
 * top or bottom glued together is cut into the two columns and that line. Errors:
 * NOCR_ENOMEM (message set). */
int seg_split_at_gutters(seg_line *frags, size_t nf, int body);

/* Step 2b on the fragments: blocks of one or two lines join the column right above or
 * below them. Errors: NOCR_ENOMEM (message set). */
int seg_join_stacked_blocks(seg_line *frags, size_t nf, int body);

/* Step 3b: pieces of one line left in blocks of their own join their line; merged pieces
 * are removed from `lines`. Returns 0 or NOCR_ENOMEM (no message). */
int seg_merge_single_lines(seg_lines *lines, PIX *pixb, const seg_page *sp);

/* Step 4 for one block: its lines (sorted by top) cut into regions appended to `out`.
 * Returns 0 or NOCR_ENOMEM (no message). */
int seg_block_regions(seg_regions *out, const seg_line *lines, size_t n, const seg_page *sp);

/* Large text (block -1), sorted by top: headline and subheadline regions appended to
 * `out`. Returns 0 or NOCR_ENOMEM (no message). */
int seg_headlines(seg_regions *out, const seg_line *lines, size_t n, const seg_page *sp);

/* Roles from geometry for the regions found; a region set to NOCR_ROLE_UNKNOWN is
 * dropped (merged into another). */
void seg_roles(seg_regions *rs, const seg_page *sp);
/* Subheadlines that go with no headline (of those not dropped) become headlines. */
void seg_lone_decks(seg_regions *rs, int body);

#endif /* NEWSOCR_LAYOUT_H */
