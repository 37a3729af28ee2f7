/*
 * blocks.c - column blocks put right where the closings of lines.c cut them apart.
 *
 *   seg_split_at_gutters      step 2a: a block of two columns glued by a line across their
 *                             gutter is cut apart
 *   seg_join_stacked_blocks   step 2b: a block of one or two lines joins the column above
 *                             or below it
 *   seg_merge_single_lines    step 3b: pieces of lines left in blocks of their own join
 *                             their line, in this order:
 *     blocks_join_facing        blocks whose lines face each other across a gap that is no
 *                               gutter, and no rule, become one (join_close,
 *                               join_within_column)
 *     lines_merge_same_row      lines of one block on one row become one
 *     lines_merge_into_large    pieces of a headline that the size test put with body
 *                               text join it
 *     lines_merge_minor         lines of minor blocks join the line at their height
 *
 * A gutter separates two columns of several lines each and runs through every line of
 * them; what the closings leave apart that is not a gutter is a piece: the end of a short
 * line, a byline's words, a heading's first character split off by a wide opening quote.
 */
#include "layout/layout.h"

#include <string.h>

/* Gaps narrower than GUTTER_MIN percent of a body height are never gutters: a gutter is at
 * least 0.6 em, about 0.68 body heights of ink (commit ab35ebb: a heading's first
 * character, split off by the quote after it, had landed in the column above). */
#define GUTTER_MIN 55
/* join_within_column: a gap of up to COLUMN_GAP_PCT percent of a body height inside a
 * column's measure, if a column of at least COLUMN_MIN_LINES lines within COLUMN_NEAR body
 * heights above or below spans both sides (within 1/SLACK_DIV body height). Chosen by hand
 * on the 26 samples (commit abe0f2b: the seed page's heading kept whole). That column is
 * COLUMN_MIN_LINES body heights tall, or a line no wider than the two sides: pieces on one
 * row across the page (a folio over a dashed rule) span gutters too. */
#define COLUMN_GAP_PCT   150
#define COLUMN_MIN_LINES 3
#define COLUMN_NEAR      3
#define SLACK_DIV        2
/* join_river: punctuation at one place in at least RIVER_ROWS lines; a line's last body
 * height holds at most RIVER_RUNS runs of columns with ink (more is no mark after
 * characters, but noise). */
#define RIVER_ROWS 2
#define RIVER_RUNS 8
/* A block of one or two lines is at most STACK_MAX_H body heights tall; it joins a column
 * at most STACK_GAP_PCT percent of a body height above or below it, no wider than
 * STACK_WIDTH_PCT percent of it. Chosen by hand on the 26 samples. */
#define STACK_MAX_H     3
#define STACK_GAP_PCT   150
#define STACK_WIDTH_PCT 150
/* A minor block: one line, or narrower than MINOR_WIDTH body heights (a stack of line
 * ends). Its line joins the column whose lines within MINOR_NEAR body heights cover it
 * (within 1/MINOR_SLACK_DIV), else a row neighbour at most MINOR_GAP_PCT percent of a body
 * height away of a size within MINOR_SIZE_PCT percent (or flat: under half a body height,
 * a dash). Chosen by hand on the 26 samples. */
#define MINOR_WIDTH     4
#define MINOR_NEAR      4
#define MINOR_SLACK_DIV 3
#define MINOR_GAP_PCT   150
#define MINOR_SIZE_PCT  125
/* A piece of a headline lies within 1/LARGE_INSIDE_DIV of the headline line's height above
 * and below it, and within one height of its ends. Chosen by hand on the 26 samples. */
#define LARGE_INSIDE_DIV 4

/* Line count and extent of each block. */
typedef struct seg_blocks {
    int n;      /* blocks numbered 0 .. n-1 */
    int *count; /* lines in each block */
    seg_box *extent;
    const seg_lines *lines; /* the lines labelled, and their image (join_river) */
    PIX *pixb;
} seg_blocks;

/* True when a vertical rule stands in the gap between x0 and x1 at rows [y0, y1). */
static int vrule_between(const seg_page *sp, int x0, int x1, int y0, int y1)
{
    for (size_t i = 0; i < sp->nrules; i++) {
        const seg_rule *r = &sp->rules[i];
        int rx = r->box.x + r->box.w / 2;
        if (r->vertical && rx >= x0 && rx <= x1 &&
            seg_overlap(r->box.y, r->box.y + r->box.h, y0, y1) > 0)
            return 1;
    }
    return 0;
}

int seg_ruled_apart(const seg_page *sp, const seg_box *a, const seg_box *b)
{
    const seg_box *l = a->x0 <= b->x0 ? a : b, *r = l == a ? b : a;
    int y0 = a->y0 > b->y0 ? a->y0 : b->y0, y1 = a->y1 < b->y1 ? a->y1 : b->y1;
    return r->x0 > l->x1 && y1 > y0 && vrule_between(sp, l->x1, r->x0, y0, y1);
}

/* Counts and extents of the blocks (lines marked in `gone`, if given, left out). */
static void block_extents(seg_blocks *bl, const seg_lines *lines, const char *gone)
{
    memset(bl->count, 0, sizeof(int) * (size_t)bl->n);
    for (size_t i = 0; i < lines->n; i++) {
        int b = lines->v[i].block;
        if (b < 0 || (gone && gone[i]))
            continue;
        if (bl->count[b]++ == 0)
            bl->extent[b] = lines->v[i].box;
        else
            seg_box_union(&bl->extent[b], &lines->v[i].box);
    }
}

/* The number of block labels in v[0..n): one more than the largest. */
static int blocks_count(const seg_line *v, size_t n)
{
    int nb = 0;
    for (size_t i = 0; i < n; i++)
        nb = v[i].block + 1 > nb ? v[i].block + 1 : nb;
    return nb;
}

static void lines_relabel(seg_lines *lines, int from, int to)
{
    for (size_t k = 0; k < lines->n; k++)
        if (lines->v[k].block == from)
            lines->v[k].block = to;
}

/* Tells whether block of a (left) and block of b (right), whose lines a and b share a
 * row `gap` pixels apart, are one column. */
typedef int (*seg_join_test)(const seg_line *a, const seg_line *b, int gap, const seg_blocks *bl,
                             int body);

/* Lines side by side closer than any gutter. */
static int join_close(const seg_line *a, const seg_line *b, int gap, const seg_blocks *bl,
                      int body)
{
    return 100 * gap < GUTTER_MIN * body;
}

/* A gap inside a column's measure: a column of several lines right above or below spans
 * both blocks; a gutter would run on through that column. */
static int join_within_column(const seg_line *a, const seg_line *b, int gap, const seg_blocks *bl,
                              int body)
{
    if (100 * gap > COLUMN_GAP_PCT * body)
        return 0;
    seg_box ab = bl->extent[a->block];
    seg_box_union(&ab, &bl->extent[b->block]);
    for (int c = 0; c < bl->n; c++) {
        const seg_box *e = &bl->extent[c];
        int dy = e->y0 >= ab.y1 ? e->y0 - ab.y1 : ab.y0 - e->y1;
        if (c != a->block && c != b->block && bl->count[c] >= COLUMN_MIN_LINES &&
            (seg_box_h(e) >= COLUMN_MIN_LINES * body || seg_box_w(e) <= seg_box_w(&ab) + body) &&
            e->x0 <= ab.x0 + body / SLACK_DIV && e->x1 >= ab.x1 - body / SLACK_DIV && dy >= 0 &&
            dy < COLUMN_NEAR * body)
            return 1;
    }
    return 0;
}

/* Does line box b end in punctuation: the last run of columns with ink within its last
 * body height no taller than half a body height, in the lower half of the line (。，、)? */
static int ends_in_punctuation(PIX *pixb, const seg_box *b, int body)
{
    seg_box end = *b, ink;
    end.x0 = b->x1 - body > b->x0 ? b->x1 - body : b->x0;
    int x0[RIVER_RUNS], x1[RIVER_RUNS];
    int n = seg_ink_column_runs(x0, x1, pixb, &end, 0, RIVER_RUNS);
    if (n <= 0 || n > RIVER_RUNS)
        return 0;
    end.x0 = x0[n - 1];
    end.x1 = x1[n - 1];
    return seg_ink_box(&ink, pixb, &end) && 2 * seg_box_h(&ink) <= body &&
           2 * ink.y0 >= b->y0 + b->y1;
}

/* A gap inside a paragraph: in CJK text set on a grid, punctuation at one place in
 * consecutive lines (。，、 fill only the lower left of their square) leaves a run of white
 * as wide as a narrow gutter down the lines, and the paragraph was cut in two columns
 * there, its lines read half by half (vertical tuning seed 20270102231: a four-line
 * paragraph, three of its lines ending in a comma or a full stop at one place, CER 0.11
 * against an order-free error of 0.02). The two blocks are one when at least RIVER_ROWS of
 * their lines face each other across a gap no wider than COLUMN_GAP_PCT percent of a body
 * height, and every left one of them ends in punctuation: a column's lines end in
 * characters. */
static int join_river(const seg_line *a, const seg_line *b, int gap, const seg_blocks *bl,
                      int body)
{
    if (100 * gap > COLUMN_GAP_PCT * body || !bl->pixb)
        return 0;
    int rows = 0;
    for (size_t i = 0; i < bl->lines->n; i++) {
        const seg_line *l = &bl->lines->v[i];
        if (l->block != a->block)
            continue;
        for (size_t j = 0; j < bl->lines->n; j++) {
            const seg_line *r = &bl->lines->v[j];
            if (r->block != b->block || !seg_same_row(&l->box, &r->box) || r->box.x0 < l->box.x1)
                continue;
            if (100 * (r->box.x0 - l->box.x1) > COLUMN_GAP_PCT * body ||
                !ends_in_punctuation(bl->pixb, &l->box, body))
                return 0;
            rows++;
            break;
        }
    }
    return rows >= RIVER_ROWS;
}

/* Lines of blocks A and B (A left of B) that face each other across a gutter: rows where
 * a line of A and a line of B stand at least GUTTER_MIN percent of a body height apart. */
static int rows_across_gutter(const seg_lines *lines, int A, int B, int body)
{
    int n = 0;
    for (size_t i = 0; i < lines->n; i++) {
        const seg_line *a = &lines->v[i];
        if (a->block != A)
            continue;
        for (size_t j = 0; j < lines->n; j++) {
            const seg_line *b = &lines->v[j];
            if (b->block == B && seg_same_row(&a->box, &b->box) &&
                100 * (b->box.x0 - a->box.x1) >= GUTTER_MIN * body) {
                n++;
                break;
            }
        }
    }
    return n;
}

/* Is the row of line r the top (top = 1) or the bottom row of block k: every other line of
 * k lies below it (above it)? */
static int row_is_end(const seg_lines *lines, int k, const seg_box *r, int top)
{
    for (size_t i = 0; i < lines->n; i++) {
        const seg_box *o = &lines->v[i].box;
        if (lines->v[i].block != k || seg_same_row(o, r))
            continue;
        if (top ? o->y0 < r->y1 : o->y1 > r->y0)
            return 0;
    }
    return 1;
}

/* Are lines a and b, on one row closer than a gutter, a line across the gutter between two
 * columns, at the top or bottom of both? A byline centred over an article of two columns
 * straddles the gutter right above their first lines: the vertical closing put its left
 * words in the left column's block and its right words in the right one's, and joining
 * the blocks of close pieces then made the two columns one block, every line of it read
 * across the gutter (seed 20261222051: CER 0.23 against tesseract's 0.08). Two blocks of
 * COLUMN_MIN_LINES lines or more whose lines face each other across a gutter on
 * COLUMN_MIN_LINES rows or more are two columns; the row where they meet closer than a
 * gutter is taken out of them, when it is both blocks' top row or both blocks' bottom row. */
static int row_across_columns(const seg_lines *lines, const seg_line *a, const seg_line *b,
                              int body)
{
    int A = a->block, B = b->block, na = 0, nb = 0;
    for (size_t k = 0; k < lines->n; k++) {
        na += lines->v[k].block == A;
        nb += lines->v[k].block == B;
    }
    if (na < COLUMN_MIN_LINES || nb < COLUMN_MIN_LINES ||
        rows_across_gutter(lines, A, B, body) < COLUMN_MIN_LINES)
        return 0;
    return (row_is_end(lines, A, &a->box, 1) && row_is_end(lines, B, &b->box, 1)) ||
           (row_is_end(lines, A, &a->box, 0) && row_is_end(lines, B, &b->box, 0));
}

/* The lines of blocks A and B on the row of box r become block `to`. */
static void row_relabel(seg_lines *lines, int A, int B, const seg_box *r, int to)
{
    for (size_t k = 0; k < lines->n; k++) {
        seg_line *l = &lines->v[k];
        if ((l->block == A || l->block == B) && seg_same_row(&l->box, r))
            l->block = to;
    }
}

/* The one block-merge loop: for every pair of lines of two blocks on one row, the right
 * one's block joins the left one's when `joins` says so and no column rule stands between
 * the two lines (a rule parts columns whatever the gap). With bl, the extents are
 * recomputed after each join (the test reads them). With nblocks, a row across the gutter
 * between two columns (row_across_columns) becomes block *nblocks (counted up) instead. */
static void blocks_join_facing(seg_lines *lines, seg_blocks *bl, const seg_page *sp,
                               seg_join_test joins, int *nblocks)
{
    int body = sp->body;
    if (bl)
        block_extents(bl, lines, NULL);
    for (size_t i = 0; i < lines->n; i++) {
        for (size_t j = 0; j < lines->n; j++) {
            const seg_line *a = &lines->v[i], *b = &lines->v[j];
            if (a->block < 0 || b->block < 0 || a->block == b->block || a->box.x1 > b->box.x0)
                continue;
            if (!seg_same_row(&a->box, &b->box) || !joins(a, b, b->box.x0 - a->box.x1, bl, body))
                continue;
            if (seg_ruled_apart(sp, &a->box, &b->box))
                continue;
            if (nblocks && row_across_columns(lines, a, b, body)) {
                row_relabel(lines, a->block, b->block, &a->box, (*nblocks)++);
                continue;
            }
            lines_relabel(lines, b->block, a->block);
            if (bl)
                block_extents(bl, lines, NULL);
        }
    }
}

/* Lines of one block on one row are one line (as in seg_group_lines). */
static void lines_merge_same_row(seg_lines *lines, char *gone)
{
    for (size_t i = 0; i < lines->n; i++) {
        for (size_t j = i + 1; j < lines->n && !gone[i]; j++) {
            seg_line *a = &lines->v[i], *b = &lines->v[j];
            if (gone[j] || a->block < 0 || a->block != b->block)
                continue;
            if (seg_same_row(&a->box, &b->box)) {
                seg_box_union(&a->box, &b->box);
                gone[j] = 1;
            }
        }
    }
}

/* Is small piece s, on the row of large line m, within 1/LARGE_INSIDE_DIV of m's height
 * above and below it? */
static int large_row_holds(const seg_line *m, const seg_line *s)
{
    int h = seg_box_h(&m->box);
    return 2 * seg_overlap(s->box.y0, s->box.y1, m->box.y0, m->box.y1) >= seg_box_h(&s->box) &&
           s->box.y1 <= m->box.y1 + h / LARGE_INSIDE_DIV &&
           s->box.y0 >= m->box.y0 - h / LARGE_INSIDE_DIV;
}

/* A short piece between two large lines of one row, less than LARGE_BRIDGE_PCT percent of
 * their height from each and no wider than LARGE_BRIDGE_W times it, is a word of one
 * headline with both: a Latin word of x-height letters ("on" in "36 flats on the site"),
 * which the size test takes for body text, cut a headline in two (seed 1111). Joins the
 * three into the left line; returns 1 when it did. */
#define LARGE_BRIDGE_PCT 150
#define LARGE_BRIDGE_W   3
static int large_bridge(seg_lines *lines, char *gone, size_t s_i)
{
    const seg_line *s = &lines->v[s_i];
    size_t left = (size_t)-1, right = (size_t)-1;
    for (size_t j = 0; j < lines->n; j++) {
        const seg_line *m = &lines->v[j];
        if (m->block >= 0 || gone[j] || !large_row_holds(m, s))
            continue;
        int h = seg_box_h(&m->box);
        if (m->box.x1 <= s->box.x0 && 100 * (s->box.x0 - m->box.x1) < LARGE_BRIDGE_PCT * h &&
            seg_box_w(&s->box) <= LARGE_BRIDGE_W * h)
            left = j;
        else if (m->box.x0 >= s->box.x1 && 100 * (m->box.x0 - s->box.x1) < LARGE_BRIDGE_PCT * h)
            right = j;
    }
    if (left == (size_t)-1 || right == (size_t)-1)
        return 0;
    seg_box_union(&lines->v[left].box, &s->box);
    seg_box_union(&lines->v[left].box, &lines->v[right].box);
    gone[s_i] = 1;
    gone[right] = 1;
    return 1;
}

/* Pieces of a headline that the size test put with body text (brackets, dashes, small
 * Latin letters) join the large-text line that contains them, or the two they bridge. */
static void lines_merge_into_large(seg_lines *lines, char *gone)
{
    for (size_t i = 0; i < lines->n; i++) {
        seg_line *s = &lines->v[i];
        if (s->block < 0 || gone[i] || large_bridge(lines, gone, i))
            continue;
        for (size_t j = 0; j < lines->n; j++) {
            seg_line *m = &lines->v[j];
            if (m->block >= 0 || gone[j])
                continue;
            int h = seg_box_h(&m->box);
            if (large_row_holds(m, s) && s->box.x0 >= m->box.x0 - h &&
                s->box.x1 <= m->box.x1 + h) {
                seg_box_union(&m->box, &s->box);
                gone[i] = 1;
                break;
            }
        }
    }
}

static int block_is_minor(const seg_blocks *bl, int b, int body)
{
    return bl->count[b] == 1 || seg_box_w(&bl->extent[b]) < MINOR_WIDTH * body;
}

/* May line s of a minor block join line m (on its row, `gap` away)? Pass 0: m's column,
 * its lines within MINOR_NEAR body heights, covers s (the end or start of that column's
 * line). Pass 1: m is close and of s's size (a byline's words, a subheadline's pieces);
 * but the line of a column (COLUMN_MIN_LINES lines or more) never reaches across a gutter
 * for a line outside it (pass 0 takes what lies inside): a caption under a photo, one
 * line beside a column of body text, had been read into its neighbouring body line (seed
 * 20261201938). A block of a line or two is no column: a deck's piece stacked with the
 * byline under it still takes the deck's other piece (seed 1133). */
static int minor_may_join(const seg_lines *lines, const char *gone, const seg_blocks *bl,
                          size_t s_i, size_t m_i, int gap, int pass, int body)
{
    const seg_line *s = &lines->v[s_i], *m = &lines->v[m_i];
    int hs = seg_box_h(&s->box), hm = seg_box_h(&m->box);
    if (pass == 1) {
        int flat = hs < body / 2 || hm < body / 2;
        if (bl->count[m->block] >= COLUMN_MIN_LINES && 100 * gap >= GUTTER_MIN * body)
            return 0;
        return 100 * gap < MINOR_GAP_PCT * body &&
               (flat || (100 * hs < MINOR_SIZE_PCT * hm && 100 * hm < MINOR_SIZE_PCT * hs));
    }
    if (block_is_minor(bl, m->block, body))
        return 0;
    seg_box e = m->box;
    for (size_t k = 0; k < lines->n; k++) {
        const seg_line *o = &lines->v[k];
        if (!gone[k] && o->block == m->block && abs(o->box.y0 - s->box.y0) < MINOR_NEAR * body)
            seg_box_union(&e, &o->box);
    }
    return s->box.x0 >= e.x0 - body / MINOR_SLACK_DIV &&
           s->box.x1 <= e.x1 + body / MINOR_SLACK_DIV;
}

/* The lines of minor blocks join the nearest line on their row that minor_may_join allows,
 * with no column rule between: first the columns covering them, then row neighbours. */
static void lines_merge_minor(seg_lines *lines, char *gone, const seg_blocks *bl,
                              const seg_page *sp)
{
    int body = sp->body;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < lines->n; i++) {
            seg_line *s = &lines->v[i];
            if (gone[i] || s->block < 0 || !block_is_minor(bl, s->block, body))
                continue;
            size_t best = (size_t)-1;
            int best_gap = 1 << 30;
            for (size_t j = 0; j < lines->n; j++) {
                const seg_line *m = &lines->v[j];
                if (j == i || gone[j] || m->block < 0 || m->block == s->block ||
                    !seg_same_row(&s->box, &m->box))
                    continue;
                int gap = seg_hgap(&m->box, &s->box);
                int lo = s->box.x0 >= m->box.x1 ? m->box.x1 : s->box.x1;
                int hi = s->box.x0 >= m->box.x1 ? s->box.x0 : m->box.x0;
                if (gap < best_gap && minor_may_join(lines, gone, bl, i, j, gap, pass, body) &&
                    !vrule_between(sp, lo, hi, s->box.y0, s->box.y1)) {
                    best = j;
                    best_gap = gap;
                }
            }
            if (best != (size_t)-1) {
                seg_box_union(&lines->v[best].box, &s->box);
                gone[i] = 1;
            }
        }
    }
}

int seg_merge_single_lines(seg_lines *lines, PIX *pixb, const seg_page *sp)
{
    int nblocks = blocks_count(lines->v, lines->n);
    blocks_join_facing(lines, NULL, sp, join_close, &nblocks);
    seg_blocks bl = {nblocks, calloc((size_t)nblocks + 1, sizeof(int)),
                     calloc((size_t)nblocks + 1, sizeof(seg_box)), lines, pixb};
    char *gone = calloc(lines->n + 1, 1);
    if (!bl.count || !bl.extent || !gone) {
        free(bl.count);
        free(bl.extent);
        free(gone);
        return NOCR_ENOMEM;
    }
    blocks_join_facing(lines, &bl, sp, join_within_column, NULL);
    blocks_join_facing(lines, &bl, sp, join_river, NULL);
    lines_merge_same_row(lines, gone);
    block_extents(&bl, lines, gone);
    lines_merge_into_large(lines, gone);
    lines_merge_minor(lines, gone, &bl, sp);
    size_t kept = 0;
    for (size_t i = 0; i < lines->n; i++)
        if (!gone[i])
            lines->v[kept++] = lines->v[i];
    lines->n = kept;
    free(bl.count);
    free(bl.extent);
    free(gone);
    return NOCR_OK;
}

/* Step 2a: a block that is two columns glued by a line across their gutter, at their top or
 * bottom, is cut apart. The vertical closing of step 2 joins whatever lies within a body
 * height of both columns: a byline centred over an article of two columns straddles its
 * gutter right above the first lines (seed 20261222051: the two columns became one block,
 * and every line of it ran across the gutter, read left line, right line, in turn). A
 * gutter is a run of x, at least GUTTER_MIN percent of a body height wide, that no more
 * than SPLIT_MAX_CROSS fragments of the block cross; on both sides at least
 * SPLIT_SIDE_LINES fragments as wide as SPLIT_LINE_W body heights stand (lines of
 * horizontal text, not the characters of vertical columns), side by side over at least
 * SPLIT_SIDE_H body heights; and the rows of the crossing fragments lie above both sides
 * or below them (within half a body height), never between their lines, and reach less
 * than the two sides' whole measure (within a body height): a column whose commas stand
 * level on three lines, between two full lines, is one column (tuning seed 20261223224).
 * The sides and the crossing rows above and below become blocks of their own. */
#define SPLIT_MAX_CROSS  2
#define SPLIT_SIDE_LINES 4
#define SPLIT_LINE_W     2
#define SPLIT_SIDE_H     2

/* Does fragment f reach into the run [g0, g1) of x? */
static int crosses(const seg_line *f, int g0, int g1)
{
    return seg_overlap(f->box.x0, f->box.x1, g0, g1) > 0;
}

/* Does fragment i of block b cross the run, or stand on the row of one of b's that does
 * (the other words of a byline across the gutter)? */
static int on_crossing_row(const seg_line *frags, size_t nf, int b, size_t i, int g0, int g1)
{
    if (crosses(&frags[i], g0, g1))
        return 1;
    for (size_t k = 0; k < nf; k++)
        if (frags[k].block == b && crosses(&frags[k], g0, g1) &&
            seg_same_row(&frags[k].box, &frags[i].box))
            return 1;
    return 0;
}

/* Tells whether the run [g0, g1) of x is a gutter of block b as described above, and if
 * so relabels b's fragments right of it `*nb`, those on crossing rows above `*nb + 1` and
 * below `*nb + 2` (numbers used are taken: *nb grows). -1: out of memory. */
static int split_block_at(seg_line *frags, size_t nf, int b, int g0, int g1, int *nb, int body)
{
    int nl = 0, nr = 0, ncross = 0;
    seg_box L = {0}, R = {0};
    char *row = calloc(nf + 1, 1);
    if (!row)
        return -1;
    for (size_t i = 0; i < nf; i++) {
        const seg_box *f = &frags[i].box;
        if (frags[i].block != b)
            continue;
        ncross += crosses(&frags[i], g0, g1);
        if ((row[i] = (char)on_crossing_row(frags, nf, b, i, g0, g1)) ||
            seg_box_w(f) < SPLIT_LINE_W * body)
            continue;
        seg_box *side = f->x1 <= g0 ? &L : &R;
        int *count = f->x1 <= g0 ? &nl : &nr;
        if ((*count)++ == 0)
            *side = *f;
        else
            seg_box_union(side, f);
    }
    int ok = ncross >= 1 && ncross <= SPLIT_MAX_CROSS && nl >= SPLIT_SIDE_LINES &&
             nr >= SPLIT_SIDE_LINES && seg_overlap(L.y0, L.y1, R.y0, R.y1) >= SPLIT_SIDE_H * body;
    int top = L.y0 < R.y0 ? L.y0 : R.y0, bottom = L.y1 > R.y1 ? L.y1 : R.y1;
    for (size_t i = 0; ok && i < nf; i++) {
        const seg_box *f = &frags[i].box;
        if (frags[i].block != b || !row[i])
            continue;
        if (f->y1 > top + body / 2 && f->y0 < bottom - body / 2)
            ok = 0;     /* a row across the gutter between the columns' lines */
        seg_box r = *f; /* the whole row: a full line of one column, not two columns */
        for (size_t k = 0; k < nf; k++)
            if (frags[k].block == b && row[k] && seg_same_row(&frags[k].box, f))
                seg_box_union(&r, &frags[k].box);
        if (r.x0 <= (L.x0 < R.x0 ? L.x0 : R.x0) + body &&
            r.x1 >= (L.x1 > R.x1 ? L.x1 : R.x1) - body)
            ok = 0;
    }
    for (size_t i = 0; ok && i < nf; i++) {
        const seg_box *f = &frags[i].box;
        if (frags[i].block != b || (!row[i] && f->x1 <= g0))
            continue;
        frags[i].block = !row[i] ? *nb : f->y1 <= top + body / 2 ? *nb + 1 : *nb + 2;
    }
    free(row);
    if (ok)
        *nb += 3;
    return ok;
}

int seg_split_at_gutters(seg_line *frags, size_t nf, int body)
{
    int nb = blocks_count(frags, nf);
    for (int b = 0; b < nb; b++) {
        seg_box e = {0};
        int m = 0;
        for (size_t i = 0; i < nf; i++)
            if (frags[i].block == b) {
                if (m++ == 0)
                    e = frags[i].box;
                else
                    seg_box_union(&e, &frags[i].box);
            }
        if (m < 2 * SPLIT_SIDE_LINES + 1 || seg_box_w(&e) < 2 * SPLIT_LINE_W * body)
            continue;
        int w = seg_box_w(&e);
        int *cov = calloc((size_t)w + 1, sizeof(int));
        if (!cov)
            return nocr_error_set(NOCR_ENOMEM, "out of memory (layout)");
        for (size_t i = 0; i < nf; i++)
            if (frags[i].block == b) {
                cov[frags[i].box.x0 - e.x0]++;
                cov[frags[i].box.x1 - e.x0]--;
            }
        for (int x = 1; x <= w; x++)
            cov[x] += cov[x - 1];
        int split = 0;
        for (int x = 1; x < w && !split;) {
            if (cov[x] > SPLIT_MAX_CROSS) {
                x++;
                continue;
            }
            int x1 = x;
            while (x1 < w && cov[x1] <= SPLIT_MAX_CROSS)
                x1++;
            if (x1 < w && 100 * (x1 - x) >= GUTTER_MIN * body)
                split = split_block_at(frags, nf, b, e.x0 + x, e.x0 + x1, &nb, body);
            x = x1;
        }
        free(cov);
        if (split < 0)
            return nocr_error_set(NOCR_ENOMEM, "out of memory (layout)");
        if (split)
            b--; /* the left part may hold another gutter */
    }
    return NOCR_OK;
}

/* Joins block a into block b when a (one or two lines) lies directly above or below b, no
 * more than STACK_GAP_PCT of a body height away, and no wider than it. */
static int stack_joins(const seg_box *A, const seg_box *B, int body)
{
    if (100 * seg_box_w(A) > STACK_WIDTH_PCT * seg_box_w(B))
        return 0;
    int gap = A->y0 >= B->y1 ? A->y0 - B->y1 : B->y0 - A->y1;
    return gap >= 0 && 100 * gap <= STACK_GAP_PCT * body && A->x0 >= B->x0 - body / SLACK_DIV &&
           A->x1 <= B->x1 + body / SLACK_DIV;
}

/* Step 2b: a block directly above or below another, and no wider than it, is part of the
 * same column: a short line (the end of a paragraph) whose neighbour below is indented
 * touches no ink of it, so the vertical closing left it apart. Blocks are relabelled by
 * union-find until nothing changes. */
int seg_join_stacked_blocks(seg_line *frags, size_t nf, int body)
{
    int nb = blocks_count(frags, nf);
    if (nb < 2)
        return NOCR_OK;
    seg_box *ext = calloc((size_t)nb, sizeof(*ext));
    int *parent = malloc(sizeof(int) * (size_t)nb);
    unsigned char *seen = calloc((size_t)nb, 1); /* 0 none, 1 small block, 2 column */
    if (!ext || !parent || !seen) {
        free(ext);
        free(parent);
        free(seen);
        return nocr_error_set(NOCR_ENOMEM, "out of memory (layout)");
    }
    for (int b = 0; b < nb; b++)
        parent[b] = b;
    for (size_t i = 0; i < nf; i++) {
        int b = frags[i].block;
        if (b < 0)
            continue;
        if (!seen[b])
            ext[b] = frags[i].box;
        else
            seg_box_union(&ext[b], &frags[i].box);
        seen[b] = 1;
    }
    /* Only a block of one or two lines joins another: columns never merge. */
    for (int b = 0; b < nb; b++)
        if (seen[b] && seg_box_h(&ext[b]) > STACK_MAX_H * body)
            seen[b] = 2;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int a = 0; a < nb; a++) {
            if (seen[a] != 1 || parent[a] != a)
                continue;
            for (int b = 0; b < nb; b++) {
                if (b == a || !seen[b] || parent[b] != b || !stack_joins(&ext[a], &ext[b], body))
                    continue;
                parent[a] = b; /* a joins b */
                seg_box_union(&ext[b], &ext[a]);
                changed = 1;
                break;
            }
        }
    }
    for (size_t i = 0; i < nf; i++) {
        int b = frags[i].block;
        while (b >= 0 && parent[b] != b)
            b = parent[b];
        frags[i].block = b;
    }
    free(ext);
    free(parent);
    free(seen);
    return NOCR_OK;
}
