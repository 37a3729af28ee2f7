/*
 * lines.c - steps 1 to 3 of the layout: line fragments, column blocks, text lines.
 *
 *   seg_find_lines          the lines of the page, each tagged with its column block
 *   seg_fragments           characters merged into line fragments, never across a gutter
 *   stacked_lines           a "large" fragment that is body lines set tight, cut apart
 *   seg_label_blocks        fragments of body-size text grouped into column blocks
 *   seg_group_lines         a block's fragments that share a row joined into lines
 *   seg_line_cmp_top, seg_lines_push, seg_cmp_int, seg_regions_push, seg_ink_box,
 *   seg_ink_runs, seg_ink_column_runs  shared helpers
 *
 * Why not Tesseract's layout analysis: it reads lines straight across narrow gutters
 * without rules and orders blocks by bands of constant column layout (tesseract#4426).
 * Here a line can never span a gutter, by construction:
 *   1. Characters are merged horizontally by a closing of FRAG_CLOSE_H body heights (and
 *      vertically by FRAG_CLOSE_V, to make stacked parts of one character whole): inside
 *      a line CJK characters are closer than that, and a gutter (at least 0.6 em, about
 *      0.68 body heights of ink) is wider, so a fragment never crosses one. Gaps after
 *      punctuation can split a line into several fragments; step 3 rejoins them.
 *   2. Column blocks: the fragments of body-size text are closed vertically by one body
 *      height, which fills the white between the lines of a column and every gap that the
 *      lines above and below cover with ink, but not a gutter, which is white on every
 *      line. Each connected component is a block: one column's stack of lines. Large text
 *      (headlines) is kept out of this mask, so a headline does not glue the columns
 *      beneath it together.
 *   3. The fragments of a block that share a row form its lines.
 */
#include "layout/layout.h"
#include "layout/coverage.h"

#include <string.h>

/* Text this much taller than body text is set apart as headline-size text; nothing taller
 * than MAX_TEXT_RATIO body heights is text (banner headlines reach about 8). */
#define LARGE_TEXT_RATIO 1.45
#define MAX_TEXT_RATIO   12
/* Horizontal closing of step 1, body heights: see the top of the file. */
#define FRAG_CLOSE_H 0.35
/* A small vertical closing in step 1 makes characters of several stacked parts (会, 吕)
 * whole, also in large headline type; lines are further apart than this. */
#define FRAG_CLOSE_V 0.3
/* Vertical closing of step 2, body heights: the leading of body text is below one body
 * height on every sample, so one body height fills it. */
#define BLOCK_CLOSE_V 1.0
/* Fragments smaller than 1/SPECK_DIV body height both ways are specks or lone dots, not
 * text: chosen by hand on the 26 samples (a full stop alone is about 1/4 by 1/4). */
#define SPECK_DIV 3
/* Large text: a fragment joins a line when its top and bottom lie within 1/INSIDE_DIV of
 * the smaller height of the line's (Latin letters, digits in a Chinese headline), or when
 * it is more than 2/3 of the line's height; and when it is less than LARGE_GAP_PCT of the
 * line's height away (a word space of headline type). Chosen by hand on the 26 samples. */
#define INSIDE_DIV     4
#define LARGE_GAP_PCT  150
#define REJOIN_GAP_PCT 100

int seg_cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int seg_ink_box(seg_box *out, PIX *pixb, const seg_box *b)
{
    BOX *box = seg_box_lept(b), *ib = NULL;
    l_int32 x, y, w, h;
    int found = box && pixClipBoxToForeground(pixb, box, NULL, &ib) == 0 && ib &&
                boxGetGeometry(ib, &x, &y, &w, &h) == 0 && w > 0 && h > 0;
    if (found)
        *out = (seg_box){x, y, x + w, y + h};
    boxDestroy(&box);
    boxDestroy(&ib);
    return found;
}

/* The runs of non-zero entries of profile p (entry k at page coordinate origin + k) into
 * a0/a1, as seg_ink_runs says. */
static int profile_runs(int *a0, int *a1, NUMA *p, int origin, double join, int max)
{
    int n = 0, len = p ? numaGetCount(p) : 0;
    for (int y = 0; y < len && n <= max;) {
        l_int32 c = 0;
        numaGetIValue(p, y, &c);
        if (c == 0) {
            y++;
            continue;
        }
        int e = y;
        for (l_int32 ce = 1; e < len && numaGetIValue(p, e, &ce) == 0 && ce > 0;)
            e++;
        if (n > 0 && n <= max && origin + y - a1[n - 1] < join)
            a1[n - 1] = origin + e;
        else {
            if (n < max) {
                a0[n] = origin + y;
                a1[n] = origin + e;
            }
            n++;
        }
        y = e;
    }
    return n;
}

int seg_ink_runs(int *y0, int *y1, PIX *pixb, const seg_box *b, double join, int max)
{
    PIX *pixc = seg_clip(pixb, b);
    NUMA *rows = pixc ? pixCountPixelsByRow(pixc, NULL) : NULL;
    pixDestroy(&pixc);
    int n = profile_runs(y0, y1, rows, b->y0, join, max);
    numaDestroy(&rows);
    return n;
}

int seg_ink_column_runs(int *x0, int *x1, PIX *pixb, const seg_box *b, double join, int max)
{
    PIX *pixc = seg_clip(pixb, b);
    NUMA *cols = pixc ? pixCountPixelsByColumn(pixc) : NULL;
    pixDestroy(&pixc);
    int n = profile_runs(x0, x1, cols, b->x0, join, max);
    numaDestroy(&cols);
    return n;
}

int seg_line_cmp_top(const void *a, const void *b)
{
    const seg_line *x = a, *y = b;
    if (x->box.y0 != y->box.y0)
        return (x->box.y0 > y->box.y0) - (x->box.y0 < y->box.y0);
    return (x->box.x0 > y->box.x0) - (x->box.x0 < y->box.x0);
}

int seg_lines_push(seg_lines *lines, seg_line line)
{
    if (NOCR_ARRAY_GROW(lines->v, lines->cap, lines->n + 1))
        return NOCR_ENOMEM;
    lines->v[lines->n++] = line;
    return NOCR_OK;
}

int seg_regions_push(seg_regions *rs, seg_region r)
{
    if (NOCR_ARRAY_GROW(rs->v, rs->cap, rs->n + 1))
        return NOCR_ENOMEM;
    rs->v[rs->n++] = r;
    return NOCR_OK;
}

/* The block of fragment b: the first pixel of its middle row or below (row by row, left
 * to right) that lies in a component of the closed block mask (boxa, pixa: its 8-connected
 * components, as pixConnComp gives them) names the component; -1 if none. Each component
 * whose box meets the fragment's lower half offers its first pixel there; the earliest
 * wins (components share no pixel). */
static int block_at(BOXA *boxa, PIXA *pixa, const seg_box *b)
{
    int ymid = (b->y0 + b->y1) / 2, best = -1;
    long best_at = 0;
    for (int i = 0; i < boxaGetCount(boxa); i++) {
        int bx, by, bw, bh;
        boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
        int x0 = b->x0 > bx ? b->x0 : bx, x1 = b->x1 < bx + bw ? b->x1 : bx + bw;
        int y0 = ymid > by ? ymid : by, y1 = b->y1 < by + bh ? b->y1 : by + bh;
        if (x0 >= x1 || y0 >= y1)
            continue;
        PIX *mask = pixaGetPix(pixa, i, L_CLONE);
        long at = -1;
        for (int y = y0; mask && y < y1 && at < 0; y++)
            for (int x = x0; x < x1 && at < 0; x++) {
                l_uint32 v = 0;
                if (!pixGetPixel(mask, x - bx, y - by, &v) && v)
                    at = (long)(y - ymid) * (b->x1 - b->x0) + (x - b->x0);
            }
        pixDestroy(&mask);
        if (at >= 0 && (best < 0 || at < best_at))
            best = i, best_at = at;
    }
    return best;
}

/* Body lines set tight and blurred touch the vertical closing of step 1 across their
 * leading where their glyphs line up (seed 20261201938: 8.5 pt at 390 dpi, blur 1, a gap
 * of 0.26 body heights), and two lines make one fragment, taken for a headline. Such a
 * fragment is cut where the print itself has a white row across its whole width: a line of
 * at least STACKED_MIN_W body heights of headline type has none (its characters' white
 * rows do not line up across the line), stacked lines always do. Each piece must be of
 * body size, at least 1/STACKED_MIN_DIV of a body height and under LARGE_TEXT_RATIO. */
#define STACKED_MIN_W   3
#define STACKED_MIN_DIV 2
#define STACKED_MAX     16 /* pieces looked for in one fragment */

/* The pieces of box b of pixb that white rows separate, their rows [tops, bottoms) (at
 * most STACKED_MAX); their number when every piece is a body line, else 0. */
static int stacked_lines(PIX *pixb, const seg_box *b, int body, int *tops, int *bottoms)
{
    if (seg_box_w(b) < STACKED_MIN_W * body)
        return 0;
    int n = seg_ink_runs(tops, bottoms, pixb, b, 0.0, STACKED_MAX); /* no white row joins */
    if (n < 2 || n > STACKED_MAX)
        return 0;
    for (int i = 0; i < n; i++) {
        int ph = bottoms[i] - tops[i];
        if (STACKED_MIN_DIV * ph < body || ph > LARGE_TEXT_RATIO * body)
            return 0;
    }
    return n;
}

/* Appends fragment f to frags (growing it); body-size ones are drawn from pixf into pixbody. */
static int frags_push(seg_line **frags, size_t *nf, size_t *cap, seg_line f, PIX *pixbody,
                      PIX *pixf)
{
    if (*nf == *cap) {
        size_t c = *cap ? 2 * *cap : 64;
        seg_line *v = realloc(*frags, c * sizeof(*v));
        if (!v)
            return NOCR_ENOMEM;
        *frags = v;
        *cap = c;
    }
    if (f.block >= 0)
        pixRasterop(pixbody, f.box.x0, f.box.y0, seg_box_w(&f.box), seg_box_h(&f.box),
                    PIX_SRC | PIX_DST, pixf, f.box.x0, f.box.y0);
    (*frags)[(*nf)++] = f;
    return NOCR_OK;
}

/* Step 1: the fragments of pixb into *out (malloc'd, *out_n of them): body-size ones with
 * block 0, drawn into *out_mask (the block mask, new); large text with block -1. Specks,
 * and blobs a scan leaves that are not text, are dropped. Returns 0 or NOCR_ENOMEM. */
static int seg_fragments(seg_line **out, size_t *out_n, PIX **out_mask, PIX *pixb, int body)
{
    PIX *pixf = pixCloseSafeBrick(NULL, pixb, (int)(FRAG_CLOSE_H * body) | 1,
                                  (int)(FRAG_CLOSE_V * body) | 1);
    BOXA *boxa = pixf ? pixConnCompBB(pixf, 8) : NULL;
    int n = boxa ? boxaGetCount(boxa) : 0;
    PIX *pixbody = pixf ? pixCreateTemplate(pixf) : NULL;
    size_t nf = 0, cap = n ? (size_t)n : 1;
    seg_line *frags = calloc(cap, sizeof(*frags));
    int W = pixf ? pixGetWidth(pixf) : 0, H = pixf ? pixGetHeight(pixf) : 0, rc = NOCR_OK;
    for (int i = 0; !rc && frags && pixbody && boxa && i < n; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        if (h < body / SPECK_DIV && w < body / SPECK_DIV)
            continue;
        if (nocr_ink_is_sliver(w, h, body))
            continue; /* a rule's remnant (coverage.c) */
        seg_line f = {{x, y, x + w, y + h}, 0, 0.0f};
        int tops[STACKED_MAX], bottoms[STACKED_MAX], pieces = 0;
        if (h > LARGE_TEXT_RATIO * body && w > body &&
            (pieces = stacked_lines(pixb, &f.box, body, tops, bottoms)) > 0) {
            for (int k = 0; !rc && k < pieces; k++) {
                seg_line piece = {{x, tops[k], x + w, bottoms[k]}, 0, 0.0f};
                seg_ink_box(&piece.box, pixb, &piece.box); /* a line need not be as wide */
                rc = frags_push(&frags, &nf, &cap, piece, pixbody, pixf);
            }
            continue;
        }
        if (h > LARGE_TEXT_RATIO * body && w > body) {
            /* Large type, unless it is what a scan leaves that is not text: a blob on the
             * page's edge (border, shadow), taller than any headline, or a tall sliver
             * (three times as tall as wide). */
            if (x <= 0 || y <= 0 || x + w >= W || y + h >= H || h > MAX_TEXT_RATIO * body ||
                3 * w < h)
                continue;
            f.block = -1;
        }
        rc = frags_push(&frags, &nf, &cap, f, pixbody, pixf);
    }
    int ok = !rc && pixf && boxa && pixbody && frags;
    boxaDestroy(&boxa);
    pixDestroy(&pixf);
    if (!ok) {
        pixDestroy(&pixbody);
        free(frags);
        return NOCR_ENOMEM;
    }
    *out = frags;
    *out_n = nf;
    *out_mask = pixbody;
    return NOCR_OK;
}

/* The white between the lines of a column, measured: for each body-size fragment, the
 * gap down to the nearest fragment below it that it overlaps sideways (within
 * LEADING_REACH body heights); the median, or 0 when there are none. CJK type fills its em
 * box, so this is a fraction of the body height; Latin lines, whose x-height is much of
 * what the body height measures, stand further apart (seed 1134: 8.5 pt at 400 dpi,
 * gaps of 1.2 body heights, every word its own block). */
#define LEADING_REACH 3
static int cmp_box_top(const void *a, const void *b)
{
    int x = ((const seg_box *)a)->y0, y = ((const seg_box *)b)->y0;
    return (x > y) - (x < y);
}

static int frags_leading(const seg_line *frags, size_t nf, int body)
{
    seg_box *v = malloc(sizeof(*v) * (nf + 1));
    int *gaps = malloc(sizeof(int) * (nf + 1)), n = 0;
    size_t nb = 0;
    for (size_t i = 0; v && i < nf; i++)
        if (frags[i].block >= 0)
            v[nb++] = frags[i].box;
    if (v && gaps) {
        qsort(v, nb, sizeof(*v), cmp_box_top);
        for (size_t i = 0; i < nb; i++) {
            /* the first below a, by top, that overlaps it sideways is the nearest */
            size_t lo = 0, hi = nb;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (v[mid].y0 < v[i].y1)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t j = lo; j < nb && v[j].y0 - v[i].y1 <= LEADING_REACH * body; j++)
                if (seg_overlap(v[i].x0, v[i].x1, v[j].x0, v[j].x1) > 0) {
                    gaps[n++] = v[j].y0 - v[i].y1;
                    break;
                }
        }
    }
    int lead = 0;
    if (n > 0) {
        qsort(gaps, (size_t)n, sizeof(int), seg_cmp_int);
        lead = gaps[n / 2];
    }
    free(v);
    free(gaps);
    return lead;
}

/* Step 2: each body-size fragment gets the number of the connected component of the
 * closed block mask it lies in; large text keeps -1. The vertical closing fills the white
 * between lines: one body height (BLOCK_CLOSE_V), or LEADING_FILL_PCT percent of the
 * measured leading when that is more, at most LEADING_MAX body heights (a gap wider than
 * that, between two articles of one column, stays open). Returns 0 or NOCR_ENOMEM. */
#define LEADING_FILL_PCT 150
#define LEADING_MAX      2
static int seg_label_blocks(seg_line *frags, size_t nf, PIX *pixbody, int body)
{
    int close = (int)(BLOCK_CLOSE_V * body), lead = frags_leading(frags, nf, body);
    if (LEADING_FILL_PCT * lead / 100 > close)
        close = LEADING_FILL_PCT * lead / 100;
    if (close > LEADING_MAX * body)
        close = LEADING_MAX * body;
    PIX *pixv = pixCloseSafeBrick(NULL, pixbody, 1, close | 1);
    /* The blocks as components, each with its own mask: a label image of the page was its
     * largest allocation (16 bits a pixel, 40 MB on a 3780 x 5228 page) and raised
     * newsocr's peak memory by as much. */
    PIXA *pixa = NULL;
    BOXA *boxa = pixv ? pixConnComp(pixv, &pixa, 8) : NULL;
    pixDestroy(&pixv);
    if (!boxa || !pixa) {
        boxaDestroy(&boxa);
        pixaDestroy(&pixa);
        return NOCR_ENOMEM;
    }
    for (size_t i = 0; i < nf; i++)
        if (frags[i].block >= 0)
            frags[i].block = block_at(boxa, pixa, &frags[i].box);
    boxaDestroy(&boxa);
    pixaDestroy(&pixa);
    return NOCR_OK;
}

/* May fragment or line f join line l (same block, one row)? Body text always; large
 * text only side by side and less than gap_pct percent of the line's height apart, of
 * similar size or within the line's height (Latin letters in a Chinese headline). */
static int line_takes(const seg_line *l, const seg_line *f, int gap_pct)
{
    if (l->block != f->block || !seg_same_row(&l->box, &f->box))
        return 0;
    if (f->block >= 0)
        return 1;
    int hl = seg_box_h(&l->box), hf = seg_box_h(&f->box);
    int hmin = hl < hf ? hl : hf;
    int inside =
        f->box.y0 >= l->box.y0 - hmin / INSIDE_DIV && f->box.y1 <= l->box.y1 + hmin / INSIDE_DIV;
    return (inside || 3 * hf > 2 * hl) && 100 * seg_hgap(&l->box, &f->box) < gap_pct * hl;
}

/* Tells whether lines a and b are one line (ctx: the test's own data). */
typedef int (*seg_pair_test)(const seg_line *a, const seg_line *b, void *ctx);

/* Joins pairs of lines from index `first` on that `joins` accepts, the second into the
 * first, until no pair is left. */
static void lines_join_pairs(seg_lines *lines, size_t first, seg_pair_test joins, void *ctx)
{
    for (int joined = 1; joined;) {
        joined = 0;
        for (size_t a = first; a < lines->n && !joined; a++)
            for (size_t b = a + 1; b < lines->n && !joined; b++) {
                if (!joins(&lines->v[a], &lines->v[b], ctx))
                    continue;
                seg_box_union(&lines->v[a].box, &lines->v[b].box);
                memmove(&lines->v[b], &lines->v[b + 1], sizeof(*lines->v) * (lines->n - b - 1));
                lines->n--;
                joined = 1;
            }
    }
}

/* Two large-text lines that take each other, less than REJOIN_GAP_PCT apart. */
static int large_rejoins(const seg_line *a, const seg_line *b, void *ctx)
{
    return a->block < 0 &&
           (line_takes(a, b, REJOIN_GAP_PCT) || line_takes(b, a, REJOIN_GAP_PCT)) &&
           !seg_ruled_apart(ctx, &a->box, &b->box);
}

/* Step 3: fragments of one block (or of large text, block -1) that share a row join one
 * line. Fragments are sorted by top; each joins the last open line that takes it. Which
 * line a fragment meets first depends on the tops, so two lines of one headline row can
 * grow from its two ends (seed 1116: the pieces of a headline, tops 1-3 px apart, became
 * six lines, then two headlines read apart): lines that take each other with less than
 * REJOIN_GAP_PCT percent of a height between them are then joined until none do. That is
 * tighter than the first pass's LARGE_GAP_PCT, which these lines have already been through:
 * two headlines side by side over narrow columns are about one height apart (sample p30). */
static int seg_group_lines(seg_lines *out, const seg_line *frags, size_t n, const seg_page *sp)
{
    size_t first = out->n;
    for (size_t i = 0; i < n; i++) {
        size_t j;
        for (j = out->n; j-- > first;)
            if (line_takes(&out->v[j], &frags[i], LARGE_GAP_PCT) &&
                !seg_ruled_apart(sp, &out->v[j].box, &frags[i].box)) {
                seg_box_union(&out->v[j].box, &frags[i].box);
                break;
            }
        if (j == first - 1 && seg_lines_push(out, frags[i]))
            return NOCR_ENOMEM;
    }
    lines_join_pairs(out, first, large_rejoins, (void *)sp);
    return NOCR_OK;
}

/* Two large lines of one row at most BRIDGE_GAP_PCT percent of their height apart are one
 * headline when ink lies between them on the middle half of their height: an ellipsis or
 * a dash of headline type ("糖葫芦……各色小吃": seed 1115), whose dots the fragments
 * step drops as specks, or takes for body text. Two headlines side by side have white
 * between them. At least BRIDGE_INK_DIV-th of the gap's middle band must be ink: the dots
 * of an ellipsis, three of about 0.1 em across per em, cover some 6% of it; what noise
 * the despeckling leaves (prep_clean.c) far less. */
#define BRIDGE_GAP_PCT 300
#define BRIDGE_INK_DIV 50
/* ... and the ink lies on the middle of the row: the top and bottom quarters of the gap
 * hold less than 1/BRIDGE_EDGE_DIV of it. Text between two large lines fills them too (the
 * columns of a vertical page, between two pieces of its horizontal pass: seed 1138). */
#define BRIDGE_EDGE_DIV 4

/* Black pixels of pixb in a rectangle. */
static l_int32 ink_in(PIX *pixb, int x, int y, int w, int h)
{
    BOX *box = w > 0 && h > 0 ? boxCreate(x, y, w, h) : NULL;
    l_int32 n = 0;
    if (box)
        pixCountPixelsInRect(pixb, box, &n, NULL);
    boxDestroy(&box);
    return n;
}

/* What large_bridged looks at: the text image, and the page for its rules. */
typedef struct bridge_ctx {
    PIX *pixb;
    const seg_page *sp;
} bridge_ctx;

static int large_bridged(const seg_line *a, const seg_line *b, void *ctx)
{
    const bridge_ctx *bc = ctx;
    PIX *pixb = bc->pixb;
    if (a->block >= 0 || b->block >= 0 || !seg_same_row(&a->box, &b->box) ||
        seg_ruled_apart(bc->sp, &a->box, &b->box))
        return 0;
    const seg_box *l = a->box.x0 <= b->box.x0 ? &a->box : &b->box;
    const seg_box *r = l == &a->box ? &b->box : &a->box;
    int h = seg_box_h(l) > seg_box_h(r) ? seg_box_h(l) : seg_box_h(r);
    int gap = r->x0 - l->x1;
    if (gap <= 0 || 100 * gap >= BRIDGE_GAP_PCT * h)
        return 0;
    int y0 = (l->y0 > r->y0 ? l->y0 : r->y0), y1 = (l->y1 < r->y1 ? l->y1 : r->y1);
    int band = y1 - y0;
    if (band < 8)
        return 0;
    l_int32 mid = ink_in(pixb, l->x1, y0 + band / 4, gap, band / 2);
    l_int32 edges =
        ink_in(pixb, l->x1, y0, gap, band / 4) + ink_in(pixb, l->x1, y1 - band / 4, gap, band / 4);
    return mid > 0 && BRIDGE_INK_DIV * mid >= gap * (band / 2) && BRIDGE_EDGE_DIV * edges <= mid;
}

/* Each line's ink density on pixb (is_heading_type in regions.c compares them). */
static void lines_measure_ink(seg_lines *lines, PIX *pixb)
{
    for (size_t i = 0; i < lines->n; i++) {
        const seg_box *b = &lines->v[i].box;
        if (seg_box_w(b) > 0 && seg_box_h(b) > 0)
            lines->v[i].ink = (float)ink_in(pixb, b->x0, b->y0, seg_box_w(b), seg_box_h(b)) /
                              ((float)seg_box_w(b) * (float)seg_box_h(b));
    }
}

int seg_find_lines(seg_lines *out, PIX *pixb, const seg_page *sp)
{
    seg_line *frags = NULL;
    size_t nf = 0;
    PIX *pixbody = NULL;
    int rc = seg_fragments(&frags, &nf, &pixbody, pixb, sp->body);
    if (!rc)
        rc = seg_label_blocks(frags, nf, pixbody, sp->body);
    pixDestroy(&pixbody);
    if (rc) {
        free(frags);
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout)", sp->source);
    }
    if ((rc = seg_split_at_gutters(frags, nf, sp->body)) ||
        (rc = seg_join_stacked_blocks(frags, nf, sp->body))) {
        free(frags);
        return rc;
    }
    qsort(frags, nf, sizeof(*frags), seg_line_cmp_top);
    rc = seg_group_lines(out, frags, nf, sp);
    free(frags);
    if (!rc) { /* large lines with an ellipsis between them */
        bridge_ctx bc = {pixb, sp};
        lines_join_pairs(out, 0, large_bridged, &bc);
    }
    if (!rc)
        rc = seg_merge_single_lines(out, pixb, sp);
    if (rc)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout)", sp->source);
    lines_measure_ink(out, pixb);
    if (out->n > 1) /* out->v is NULL when the page has no lines */
        qsort(out->v, out->n, sizeof(*out->v), seg_line_cmp_top);
    return NOCR_OK;
}
