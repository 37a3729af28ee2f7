/*
 * blocks.c - column blocks put right where the closings of lines.c cut them apart.
 *
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
 * on the 26 samples (commit abe0f2b: the seed page's heading kept whole). */
#define COLUMN_GAP_PCT   150
#define COLUMN_MIN_LINES 3
#define COLUMN_NEAR      3
#define SLACK_DIV        2
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
            e->x0 <= ab.x0 + body / SLACK_DIV && e->x1 >= ab.x1 - body / SLACK_DIV && dy >= 0 &&
            dy < COLUMN_NEAR * body)
            return 1;
    }
    return 0;
}

/* The one block-merge loop: for every pair of lines of two blocks on one row, the right
 * one's block joins the left one's when `joins` says so and no column rule stands between
 * the two lines (a rule parts columns whatever the gap). With bl, the extents are
 * recomputed after each join (the test reads them). */
static void blocks_join_facing(seg_lines *lines, seg_blocks *bl, const seg_page *sp,
                               seg_join_test joins)
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

int seg_merge_single_lines(seg_lines *lines, const seg_page *sp)
{
    int nblocks = 0;
    for (size_t i = 0; i < lines->n; i++)
        nblocks = lines->v[i].block + 1 > nblocks ? lines->v[i].block + 1 : nblocks;
    blocks_join_facing(lines, NULL, sp, join_close);
    seg_blocks bl = {nblocks, calloc((size_t)nblocks + 1, sizeof(int)),
                     calloc((size_t)nblocks + 1, sizeof(seg_box))};
    char *gone = calloc(lines->n + 1, 1);
    if (!bl.count || !bl.extent || !gone) {
        free(bl.count);
        free(bl.extent);
        free(gone);
        return NOCR_ENOMEM;
    }
    blocks_join_facing(lines, &bl, sp, join_within_column);
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
    int nb = 0;
    for (size_t i = 0; i < nf; i++)
        nb = frags[i].block + 1 > nb ? frags[i].block + 1 : nb;
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
