/*
 * segment.c - newsocr's own layout analysis: text blocks, text lines and roles.
 *
 *   nocr_segment            a new page model with one region per block found
 *   seg_body_height         body character height from the ink itself
 *   seg_fragments           characters merged into line fragments, never across a gutter
 *   seg_blocks              fragments grouped into column blocks
 *   seg_lines               a block's fragments grouped into text lines
 *   seg_regions             a block's lines cut into regions (size, gaps, rules, centering)
 *   seg_headlines           large text: headline and subheadline regions
 *   seg_roles               roles from geometry: caption, folio, section heading
 *
 * Why not Tesseract's layout analysis: it reads lines straight across narrow gutters
 * without rules and orders blocks by bands of constant column layout (tesseract#4426).
 * Here a line can never span a gutter, by construction:
 *   1. Characters are merged horizontally by a closing of 0.35 body heights (and
 *      vertically by 0.3, to make stacked parts of one character whole): inside a line
 *      CJK characters are closer than that, and a gutter (at least 0.6 em, about 0.68 body
 *      heights of ink) is wider, so a fragment never crosses one. Gaps after punctuation
 *      can split a line into several fragments; step 3 rejoins them.
 *   2. Column blocks: the fragments of body-size text are closed vertically by one body
 *      height, which fills the white between the lines of a column and every gap that the
 *      lines above and below cover with ink, but not a gutter, which is white on every
 *      line. Each connected component is a block: one column's stack of lines. Large text
 *      (headlines) is kept out of this mask, so a headline does not glue the columns
 *      beneath it together.
 *   3. The fragments of a block that overlap vertically form its lines.
 *   4. A block's lines are cut into regions where the text size changes, where a gap is
 *      wider than the block's usual leading, at a printed rule, and around short centered
 *      lines (section headings, bylines).
 * Everything is measured in body heights, so it works at any resolution.
 */
#include "image/image.h"
#include "core/page.h"

#include <math.h>
#include <string.h>

/* Text this much taller than body text is set apart as headline-size text; nothing taller
 * than MAX_TEXT_RATIO body heights is text (banner headlines reach about 8). */
#define LARGE_TEXT_RATIO 1.45
#define MAX_TEXT_RATIO   12
/* A line taller than HEADING_TALL percent of its block's usual line height is heading
 * type; so is one taller than HEADING_RATIO percent in bold (ink denser by HEADING_BOLD). */
#define HEADING_TALL  125
#define HEADING_RATIO 106
#define HEADING_BOLD  1.25f
/* Gaps narrower than GUTTER_MIN percent of a body height are never gutters. */
#define GUTTER_MIN 55
/* Horizontal closing (step 1) and vertical closing (step 2), in body heights. */
#define FRAG_CLOSE_H 0.35
/* A small vertical closing in step 1 makes characters of several stacked parts (会, 吕)
 * whole, also in large headline type; lines are further apart than this. */
#define FRAG_CLOSE_V 0.3
#define BLOCK_CLOSE_V 1.0

typedef struct seg_box {
    int x0, y0, x1, y1; /* working pixels; x1, y1 exclusive */
} seg_box;

typedef struct seg_line {
    seg_box box;
    int block; /* block label, -1 for large text */
    float ink; /* fraction of black pixels in the box: bold type is denser */
} seg_line;

typedef struct seg_lines {
    seg_line *v;
    size_t n, cap;
} seg_lines;

static int box_w(const seg_box *b)
{
    return b->x1 - b->x0;
}

static int box_h(const seg_box *b)
{
    return b->y1 - b->y0;
}

static void box_union(seg_box *a, const seg_box *b)
{
    a->x0 = b->x0 < a->x0 ? b->x0 : a->x0;
    a->y0 = b->y0 < a->y0 ? b->y0 : a->y0;
    a->x1 = b->x1 > a->x1 ? b->x1 : a->x1;
    a->y1 = b->y1 > a->y1 ? b->y1 : a->y1;
}

static int overlap(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int lines_push(seg_lines *lines, seg_line line)
{
    if (NOCR_ARRAY_GROW(lines->v, lines->cap, lines->n + 1))
        return NOCR_ENOMEM;
    lines->v[lines->n++] = line;
    return NOCR_OK;
}

/* Body character height: the median height of the line fragments that a first merge
 * produces (fragments wider than twice their height are pieces of text lines, and
 * CJK characters made of several components are whole in them). Falls back to the
 * median component height. 0 when the image holds no ink. */
static int seg_body_height(PIX *pixb)
{
    BOXA *boxa = pixConnCompBB(pixb, 8);
    int n = boxa ? boxaGetCount(boxa) : 0, m = 0, h0 = 0;
    int *hs = n ? malloc(sizeof(int) * (size_t)n) : NULL;
    for (int i = 0; hs && i < n; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        if (h >= 4 && w >= 2 && w < 4 * h)
            hs[m++] = h;
    }
    boxaDestroy(&boxa);
    if (m == 0) {
        free(hs);
        return 0;
    }
    qsort(hs, (size_t)m, sizeof(int), cmp_int);
    h0 = hs[(m * 3) / 4]; /* big components are whole characters */
    free(hs);

    PIX *pixc = pixCloseSafeBrick(NULL, pixb, (int)(0.4 * h0) | 1, 1);
    boxa = pixc ? pixConnCompBB(pixc, 8) : NULL;
    pixDestroy(&pixc);
    n = boxa ? boxaGetCount(boxa) : 0;
    hs = n ? malloc(sizeof(int) * (size_t)n) : NULL;
    m = 0;
    for (int i = 0; hs && i < n; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        if (w > 3 * h && h >= h0 / 2 && h <= 3 * h0)
            hs[m++] = h;
    }
    boxaDestroy(&boxa);
    int body = h0;
    if (m > 0) {
        qsort(hs, (size_t)m, sizeof(int), cmp_int);
        body = hs[m / 2];
    }
    free(hs);
    return body;
}

/* The label (block number + 1) of the first labelled pixel on the fragment's middle row;
 * 0 if none. */
static int label_at(PIX *labels, const seg_box *b)
{
    l_uint32 v = 0;
    int ymid = (b->y0 + b->y1) / 2;
    for (int y = ymid; y < b->y1 && !v; y++)
        for (int x = b->x0; x < b->x1 && !v; x++)
            pixGetPixel(labels, x, y, &v);
    return (int)v;
}

/* Groups fragments into lines: fragments of one block (or of large text, block -1) that
 * overlap vertically by half the smaller height join one line. Fragments are sorted by
 * top; each joins the first open line it overlaps. */
static int seg_group_lines(seg_lines *out, seg_line *frags, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        seg_line *f = &frags[i];
        size_t j;
        for (j = out->n; j-- > 0;) {
            seg_line *l = &out->v[j];
            if (l->block != f->block)
                continue;
            int ov = overlap(l->box.y0, l->box.y1, f->box.y0, f->box.y1);
            int hmin = box_h(&l->box) < box_h(&f->box) ? box_h(&l->box) : box_h(&f->box);
            int gap = f->box.x0 > l->box.x1 ? f->box.x0 - l->box.x1 : l->box.x0 - f->box.x1;
            /* large text: only fragments close side by side, of similar size or within
             * the line's height (Latin letters in a Chinese headline) */
            int inside = f->box.y0 >= l->box.y0 - hmin / 4 && f->box.y1 <= l->box.y1 + hmin / 4;
            if (ov * 2 >= hmin &&
                (f->block >= 0 || ((inside || 3 * box_h(&f->box) > 2 * box_h(&l->box)) &&
                                   2 * gap < 3 * box_h(&l->box)))) {
                box_union(&l->box, &f->box);
                break;
            }
        }
        if (j == (size_t)-1 && lines_push(out, *f))
            return NOCR_ENOMEM;
    }
    return NOCR_OK;
}

static int cmp_line_top(const void *a, const void *b)
{
    const seg_line *x = a, *y = b;
    if (x->box.y0 != y->box.y0)
        return (x->box.y0 > y->box.y0) - (x->box.y0 < y->box.y0);
    return (x->box.x0 > y->box.x0) - (x->box.x0 < y->box.x0);
}

/* True when a vertical rule stands in the gap between x0 and x1 at rows [y0, y1). */
static int vrule_between(const nocr_image *img, int x0, int x1, int y0, int y1)
{
    for (size_t i = 0; i < img->nrules; i++) {
        const nocr_rule *r = &img->rules[i];
        int rx = r->box.x + r->box.w / 2;
        if (r->vertical && rx >= x0 && rx <= x1 &&
            overlap(r->box.y, r->box.y + r->box.h, y0, y1) > 0)
            return 1;
    }
    return 0;
}

/* Number of lines and extent of each block (lines marked in `gone`, if given, left out). */
static void block_extents(const seg_lines *lines, const char *gone, int *count, seg_box *extent,
                          int nblocks)
{
    memset(count, 0, sizeof(int) * (size_t)nblocks);
    for (size_t i = 0; i < lines->n; i++) {
        int b = lines->v[i].block;
        if (b < 0 || (gone && gone[i]))
            continue;
        if (count[b]++ == 0)
            extent[b] = lines->v[i].box;
        else
            box_union(&extent[b], &lines->v[i].box);
    }
}

/* Two blocks side by side whose lines face each other across a gap of up to 1.5 body
 * heights are one column when a column of several lines right above or below them spans
 * both: the gap is inside that column's measure (a heading's first character split off
 * by a wide opening quote), not a gutter, which would run on through the column too. */
static void seg_join_within_column(seg_lines *lines, int *count, seg_box *extent, int nblocks,
                                   int body)
{
    block_extents(lines, NULL, count, extent, nblocks);
    for (size_t i = 0; i < lines->n; i++) {
        for (size_t j = 0; j < lines->n; j++) {
            seg_line *a = &lines->v[i], *b = &lines->v[j];
            if (a->block < 0 || b->block < 0 || a->block == b->block || a->box.x1 > b->box.x0)
                continue;
            int hmin = box_h(&a->box) < box_h(&b->box) ? box_h(&a->box) : box_h(&b->box);
            if (2 * overlap(a->box.y0, a->box.y1, b->box.y0, b->box.y1) < hmin ||
                2 * (b->box.x0 - a->box.x1) > 3 * body)
                continue;
            seg_box ab = extent[a->block];
            box_union(&ab, &extent[b->block]);
            int found = 0;
            for (int c = 0; c < nblocks && !found; c++) {
                const seg_box *e = &extent[c];
                int dy = e->y0 >= ab.y1 ? e->y0 - ab.y1 : ab.y0 - e->y1;
                found = c != a->block && c != b->block && count[c] >= 3 &&
                        e->x0 <= ab.x0 + body / 2 && e->x1 >= ab.x1 - body / 2 && dy >= 0 &&
                        dy < 3 * body;
            }
            if (!found)
                continue;
            int from = b->block, to = a->block;
            for (size_t k = 0; k < lines->n; k++)
                if (lines->v[k].block == from)
                    lines->v[k].block = to;
            block_extents(lines, NULL, count, extent, nblocks);
        }
    }
}

/* Step 3b: lines that a wide gap cut into pieces of different blocks. A gap after
 * punctuation can leave the end of a column's last line, or the words of a byline, in a
 * block of one line: a gutter separates two columns of several lines each, never such a
 * piece. So a one-line block joins
 *   (a) the line at its height of a block of several lines whose width covers it (the end
 *       or start of that column's line), else
 *   (b) a line at its height and of its size less than 1.5 body heights away with no rule
 *       between (a byline's words, a subheadline's pieces).
 * Merged pieces are removed from the list. */
static int seg_merge_single_lines(seg_lines *lines, int body, const nocr_image *img)
{
    int nblocks = 0;
    for (size_t i = 0; i < lines->n; i++)
        nblocks = lines->v[i].block + 1 > nblocks ? lines->v[i].block + 1 : nblocks;
    /* Two blocks with lines side by side closer than any gutter (0.6 em is about 0.68
     * body heights of ink) are one column: a heading's first character, split off by the
     * wide opening quote after it, joins the heading. */
    for (size_t i = 0; i < lines->n; i++) {
        for (size_t j = 0; j < lines->n; j++) {
            seg_line *a = &lines->v[i], *b = &lines->v[j];
            if (a->block < 0 || b->block < 0 || a->block == b->block || a->box.x1 > b->box.x0)
                continue;
            int hmin = box_h(&a->box) < box_h(&b->box) ? box_h(&a->box) : box_h(&b->box);
            if (2 * overlap(a->box.y0, a->box.y1, b->box.y0, b->box.y1) < hmin ||
                100 * (b->box.x0 - a->box.x1) >= GUTTER_MIN * body)
                continue;
            int from = b->block, to = a->block;
            for (size_t k = 0; k < lines->n; k++)
                if (lines->v[k].block == from)
                    lines->v[k].block = to;
        }
    }
    int *count = calloc((size_t)nblocks + 1, sizeof(int));
    seg_box *extent = calloc((size_t)nblocks + 1, sizeof(seg_box));
    char *gone = calloc(lines->n + 1, 1);
    if (!count || !extent || !gone) {
        free(count);
        free(extent);
        free(gone);
        return NOCR_ENOMEM;
    }
    seg_join_within_column(lines, count, extent, nblocks, body);
    /* Lines of one block at one height are one line (as in seg_group_lines). */
    for (size_t i = 0; i < lines->n; i++) {
        for (size_t j = i + 1; j < lines->n && !gone[i]; j++) {
            seg_line *a = &lines->v[i], *b = &lines->v[j];
            if (gone[j] || a->block < 0 || a->block != b->block)
                continue;
            int hmin = box_h(&a->box) < box_h(&b->box) ? box_h(&a->box) : box_h(&b->box);
            if (2 * overlap(a->box.y0, a->box.y1, b->box.y0, b->box.y1) >= hmin) {
                box_union(&a->box, &b->box);
                gone[j] = 1;
            }
        }
    }
    block_extents(lines, gone, count, extent, nblocks);
    /* Pieces of a headline that the size test put with body text (brackets, dashes,
     * small Latin letters) join the large-text line that contains them. */
    for (size_t i = 0; i < lines->n; i++) {
        seg_line *s = &lines->v[i];
        if (s->block < 0 || gone[i])
            continue;
        for (size_t j = 0; j < lines->n; j++) {
            seg_line *m = &lines->v[j];
            if (m->block >= 0 || gone[j])
                continue;
            int h = box_h(&m->box);
            if (2 * overlap(s->box.y0, s->box.y1, m->box.y0, m->box.y1) >= box_h(&s->box) &&
                s->box.y1 <= m->box.y1 + h / 4 && s->box.y0 >= m->box.y0 - h / 4 &&
                s->box.x0 >= m->box.x0 - h && s->box.x1 <= m->box.x1 + h) {
                box_union(&m->box, &s->box);
                gone[i] = 1;
                break;
            }
        }
    }
    /* A minor block: one line, or narrower than 4 body heights (a stack of line ends). */
#define minor(b) (count[b] == 1 || box_w(&extent[b]) < 4 * body)
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < lines->n; i++) {
            seg_line *s = &lines->v[i];
            if (gone[i] || s->block < 0 || !minor(s->block))
                continue;
            size_t best = (size_t)-1;
            int best_gap = 1 << 30;
            for (size_t j = 0; j < lines->n; j++) {
                seg_line *m = &lines->v[j];
                if (j == i || gone[j] || m->block < 0 || m->block == s->block)
                    continue;
                int hmin = box_h(&s->box) < box_h(&m->box) ? box_h(&s->box) : box_h(&m->box);
                if (2 * overlap(s->box.y0, s->box.y1, m->box.y0, m->box.y1) < hmin)
                    continue;
                int gap = s->box.x0 >= m->box.x1 ? s->box.x0 - m->box.x1
                                                 : m->box.x0 - s->box.x1;
                int ok;
                int flat = box_h(&s->box) < body / 2 || box_h(&m->box) < body / 2;
                if (pass == 0) {
                    /* the column's width near s: m's block's lines within 4 body heights */
                    seg_box e = m->box;
                    for (size_t k = 0; k < lines->n; k++) {
                        const seg_line *o = &lines->v[k];
                        if (!gone[k] && o->block == m->block &&
                            abs(o->box.y0 - s->box.y0) < 4 * body)
                            box_union(&e, &o->box);
                    }
                    ok = !minor(m->block) && s->box.x0 >= e.x0 - body / 3 &&
                         s->box.x1 <= e.x1 + body / 3;
                } else
                    ok = 2 * gap < 3 * body &&
                         (flat || (4 * box_h(&s->box) < 5 * box_h(&m->box) &&
                                   4 * box_h(&m->box) < 5 * box_h(&s->box)));
                int lo = s->box.x0 >= m->box.x1 ? m->box.x1 : s->box.x1;
                int hi = s->box.x0 >= m->box.x1 ? s->box.x0 : m->box.x0;
                if (ok && gap < best_gap &&
                    !vrule_between(img, lo, hi, s->box.y0, s->box.y1)) {
                    best = j;
                    best_gap = gap;
                }
            }
            if (best != (size_t)-1) {
                box_union(&lines->v[best].box, &s->box);
                gone[i] = 1;
            }
        }
    }
#undef minor
    size_t kept = 0;
    for (size_t i = 0; i < lines->n; i++)
        if (!gone[i])
            lines->v[kept++] = lines->v[i];
    lines->n = kept;
    free(count);
    free(extent);
    free(gone);
    return NOCR_OK;
}

/* Step 2b: a block directly above or below another, and no wider than it, is part of the
 * same column: a short line (the end of a paragraph) whose neighbour below is indented
 * touches no ink of it, so the vertical closing left it apart. Blocks are relabelled by
 * union-find until nothing changes. */
static int seg_join_stacked_blocks(seg_line *frags, size_t nf, int body)
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
            box_union(&ext[b], &frags[i].box);
        seen[b] = 1;
    }
    /* Only a block of one or two lines joins another: columns never merge. */
    for (int b = 0; b < nb; b++)
        if (seen[b] && box_h(&ext[b]) > 3 * body)
            seen[b] = 2;
    for (int changed = 1; changed;) {
        changed = 0;
        for (int a = 0; a < nb; a++) {
            if (seen[a] != 1 || parent[a] != a)
                continue;
            for (int b = 0; b < nb; b++) {
                if (b == a || !seen[b] || parent[b] != b)
                    continue;
                const seg_box *A = &ext[a], *B = &ext[b];
                if (2 * box_w(A) > 3 * box_w(B))
                    continue;
                int gap = A->y0 >= B->y1 ? A->y0 - B->y1 : B->y0 - A->y1;
                if (gap < 0 || gap > body + body / 2 || A->x0 < B->x0 - body / 2 ||
                    A->x1 > B->x1 + body / 2)
                    continue;
                parent[a] = b; /* A joins B */
                box_union(&ext[b], A);
                changed = 1;
                break;
            }
        }
    }
    for (size_t i = 0; i < nf; i++) {
        int b = frags[i].block;
        if (b < 0)
            continue;
        while (parent[b] != b)
            b = parent[b];
        frags[i].block = b;
    }
    free(ext);
    free(parent);
    free(seen);
    return NOCR_OK;
}

/* Steps 1-3: the lines of the page, each tagged with its block (-1: large text). */
static int seg_find_lines(seg_lines *out, PIX *pixb, int body, const nocr_image *img)
{
    int rc = NOCR_OK;
    PIX *pixf = NULL, *pixbody = NULL, *pixv = NULL, *labels = NULL;
    BOXA *boxa = NULL;
    seg_line *frags = NULL;

    pixf = pixCloseSafeBrick(NULL, pixb, (int)(FRAG_CLOSE_H * body) | 1,
                             (int)(FRAG_CLOSE_V * body) | 1);
    boxa = pixf ? pixConnCompBB(pixf, 8) : NULL;
    int n = boxa ? boxaGetCount(boxa) : 0;
    pixbody = pixf ? pixCreateTemplate(pixf) : NULL;
    frags = calloc(n ? (size_t)n : 1, sizeof(*frags));
    if (!pixf || !boxa || !pixbody || !frags) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout)", img->source);
        goto cleanup;
    }
    /* Body-size fragments form the block mask; specks are dropped; large ones wait. */
    size_t nf = 0;
    for (int i = 0; i < n; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        if (h < body / 3 && w < body / 3)
            continue; /* speck or a lone dot: not a line */
        seg_line f = {{x, y, x + w, y + h}, 0, 0.0f};
        if (h > LARGE_TEXT_RATIO * body && w > body) {
            /* Large type, unless it is what a scan leaves that is not text: a blob on the
             * page's edge (border, shadow), taller than any headline, or a tall sliver. */
            int W = pixGetWidth(pixf), H = pixGetHeight(pixf);
            if (x <= 0 || y <= 0 || x + w >= W || y + h >= H || h > MAX_TEXT_RATIO * body ||
                3 * w < h)
                continue;
            f.block = -1;
        } else {
            pixRasterop(pixbody, x, y, w, h, PIX_SRC | PIX_DST, pixf, x, y);
        }
        frags[nf++] = f;
    }
    pixv = pixCloseSafeBrick(NULL, pixbody, 1, (int)(BLOCK_CLOSE_V * body) | 1);
    labels = pixv ? pixConnCompTransform(pixv, 8, 32) : NULL;
    if (!labels) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout)", img->source);
        goto cleanup;
    }
    for (size_t i = 0; i < nf; i++) {
        if (frags[i].block >= 0)
            frags[i].block = label_at(labels, &frags[i].box) - 1;
        if (frags[i].block < -1)
            frags[i].block = -1;
    }
    if ((rc = seg_join_stacked_blocks(frags, nf, body)))
        goto cleanup;
    qsort(frags, nf, sizeof(*frags), cmp_line_top);
    rc = seg_group_lines(out, frags, nf);
    if (!rc)
        rc = seg_merge_single_lines(out, body, img);
    for (size_t i = 0; !rc && i < out->n; i++) {
        seg_box *b = &out->v[i].box;
        BOX *box = boxCreate(b->x0, b->y0, box_w(b), box_h(b));
        l_int32 count = 0;
        if (box && pixCountPixelsInRect(pixb, box, &count, NULL) == 0 && box_w(b) > 0 &&
            box_h(b) > 0)
            out->v[i].ink = (float)count / ((float)box_w(b) * (float)box_h(b));
        boxDestroy(&box);
    }
    if (!rc)
        qsort(out->v, out->n, sizeof(*out->v), cmp_line_top);

cleanup:
    free(frags);
    boxaDestroy(&boxa);
    pixDestroy(&pixf);
    pixDestroy(&pixbody);
    pixDestroy(&pixv);
    pixDestroy(&labels);
    return rc;
}

/* True when a horizontal rule lies between y0 and y1 across [x0, x1). */
static int rule_between(const nocr_image *img, int x0, int x1, int y0, int y1)
{
    for (size_t i = 0; i < img->nrules; i++) {
        const nocr_rule *r = &img->rules[i];
        int ry = r->box.y + r->box.h / 2;
        if (!r->vertical && ry >= y0 && ry <= y1 &&
            overlap(r->box.x, r->box.x + r->box.w, x0, x1) * 2 > x1 - x0)
            return 1;
    }
    return 0;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* Heading type: much taller than the block's usual lines, or a little taller and bold
 * (denser ink). ink == 0: the block is too small to know what is usual. */
static int is_heading_type(const seg_line *l, int line_h, float ink)
{
    int h = box_h(&l->box);
    if (100 * h > HEADING_TALL * line_h)
        return 1;
    return ink > 0 && 100 * h > HEADING_RATIO * line_h && l->ink > HEADING_BOLD * ink;
}

/* A short line set in the middle of its block: a section heading or a byline. */
static int line_is_centered(const seg_box *line, const seg_box *block, int body)
{
    int left = line->x0 - block->x0, right = block->x1 - line->x1;
    return left > body && right > body && abs(left - right) < body &&
           10 * box_w(line) < 9 * box_w(block);
}

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

static int regions_push(seg_regions *rs, seg_region r)
{
    if (NOCR_ARRAY_GROW(rs->v, rs->cap, rs->n + 1))
        return NOCR_ENOMEM;
    rs->v[rs->n++] = r;
    return NOCR_OK;
}

/* Step 4 for one block: its lines (sorted by top) cut into regions. */
static int seg_block_regions(seg_regions *out, const seg_line *lines, size_t n, int body,
                             const nocr_image *img)
{
    if (n == 0)
        return NOCR_OK;
    seg_box block = lines[0].box;
    for (size_t i = 1; i < n; i++)
        box_union(&block, &lines[i].box);
    /* The block's usual leading: median gap between consecutive lines. */
    int *gaps = malloc(sizeof(int) * (n > 1 ? n - 1 : 1));
    if (!gaps)
        return NOCR_ENOMEM;
    for (size_t i = 1; i < n; i++)
        gaps[i - 1] = lines[i].box.y0 - lines[i - 1].box.y1;
    int leading = body / 2;
    if (n > 2) {
        qsort(gaps, n - 1, sizeof(int), cmp_int);
        leading = gaps[(n - 1) / 2];
    }
    /* The block's usual line height (median). */
    int *hs = malloc(sizeof(int) * n);
    if (!hs) {
        free(gaps);
        return NOCR_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        hs[i] = box_h(&lines[i].box);
    qsort(hs, n, sizeof(int), cmp_int);
    int line_h = n > 2 ? hs[n / 2] : body + body / 10;
    free(hs);
    free(gaps);
    float *inks = malloc(sizeof(float) * n);
    if (!inks)
        return NOCR_ENOMEM;
    for (size_t i = 0; i < n; i++)
        inks[i] = lines[i].ink;
    qsort(inks, n, sizeof(float), cmp_float);
    float ink = n > 2 ? inks[n / 2] : 0.0f;
    free(inks);

    /* Heading type: taller or bolder than the block's usual lines (is_heading_type); a
     * short centered line right after heading lines is the heading's last line. */
    char *head = malloc(n);
    if (!head)
        return NOCR_ENOMEM;
    for (size_t i = 0; i < n; i++)
        head[i] = (char)is_heading_type(&lines[i], line_h, ink);
    /* A line next to a heading line, as tall as it, taller than body lines and bolder
     * than them, if less than the test above asks, belongs to the heading (quotes and
     * punctuation make a bold line look lighter). */
    for (int dir = 0; dir < 2; dir++) {
        for (size_t k = 1; k < n; k++) {
            size_t i = dir == 0 ? k : n - 1 - k, j = dir == 0 ? k - 1 : n - k;
            int hi = box_h(&lines[i].box), hj = box_h(&lines[j].box);
            if (!head[i] && head[j] && 100 * hi > HEADING_RATIO * line_h &&
                10 * abs(hi - hj) <= hj && lines[i].ink > (1.0f + HEADING_BOLD) / 2 * ink)
                head[i] = 1;
        }
    }
    for (size_t i = 1; i < n; i++) {
        if (!head[i] && head[i - 1] && line_is_centered(&lines[i].box, &block, body) &&
            lines[i].box.y0 - lines[i - 1].box.y1 <= leading + body / 4)
            head[i] = 1;
    }
    seg_region cur = {lines[0].box, 1, box_h(&lines[0].box),
                      line_is_centered(&lines[0].box, &block, body), head[0], NOCR_ROLE_BODY};
    int rc = NOCR_OK;
    for (size_t i = 1; i <= n && !rc; i++) {
        int cut = i == n;
        if (!cut) {
            const seg_box *prev = &lines[i - 1].box, *b = &lines[i].box;
            int gap = b->y0 - prev->y1;
            int centered = line_is_centered(b, &block, body);
            cut = gap > leading + body / 2 || head[i - 1] != head[i] ||
                  (!head[i] && centered != cur.centered) ||
                  rule_between(img, b->x0, b->x1, prev->y1, b->y0);
        }
        if (cut) {
            rc = regions_push(out, cur);
            if (i < n)
                cur = (seg_region){lines[i].box, 1, box_h(&lines[i].box),
                                   line_is_centered(&lines[i].box, &block, body), head[i],
                                   NOCR_ROLE_BODY};
        } else {
            box_union(&cur.box, &lines[i].box);
            cur.nlines++;
        }
    }
    free(head);
    return rc;
}

/* Large text (block -1): consecutive lines of similar size that overlap horizontally form
 * one headline region; lines below 1.6 body heights directly under a headline are its
 * subheadline; other large lines are headlines of their own. */
static int seg_headlines(seg_regions *out, const seg_line *lines, size_t n, int body)
{
    size_t first = out->n;
    for (size_t i = 0; i < n; i++) {
        const seg_box *b = &lines[i].box;
        int merged = 0;
        for (size_t j = out->n; j-- > first && !merged;) {
            seg_region *r = &out->v[j];
            int gap = b->y0 - r->box.y1;
            int hgap = b->x0 >= r->box.x1 ? b->x0 - r->box.x1 : r->box.x0 - b->x1;
            int same_row = 2 * overlap(r->box.y0, r->box.y1, b->y0, b->y1) > box_h(b) &&
                           2 * hgap < 3 * r->line_h;
            if (same_row || (gap >= -box_h(b) / 2 && gap < r->line_h &&
                             overlap(r->box.x0, r->box.x1, b->x0, b->x1) > 0 &&
                             4 * box_h(b) < 5 * r->line_h && 5 * box_h(b) > 4 * r->line_h)) {
                box_union(&r->box, b);
                r->nlines++;
                merged = 1;
            }
        }
        if (!merged) {
            seg_region r = {*b, 1, box_h(b), 0, 1,
                            box_h(b) >= 1.6 * body ? NOCR_ROLE_HEADLINE : NOCR_ROLE_SUBHEADLINE};
            if (regions_push(out, r))
                return NOCR_ENOMEM;
        }
    }
    return NOCR_OK;
}

/* Roles from geometry: a small region just under a photo is its caption; a one-line
 * region above a rule at the top of the page is the folio line; a centered short region
 * inside a column is a section heading (bylines, also centered, are told apart by their
 * text after recognition, in the reconstructor). */
static void seg_roles(seg_regions *rs, const nocr_image *img, int body, int page_h)
{
    for (size_t i = 0; i < rs->n; i++) {
        seg_region *r = &rs->v[i];
        if (r->role != NOCR_ROLE_BODY)
            continue;
        for (size_t f = 0; f < img->nfigures; f++) {
            const nocr_box *fb = &img->figures[f];
            int gap = r->box.y0 - (fb->y + fb->h);
            if (gap >= -body / 2 && gap < 2 * body && r->nlines <= 3 &&
                overlap(r->box.x0, r->box.x1, fb->x, fb->x + fb->w) * 2 > box_w(&r->box))
                r->role = NOCR_ROLE_CAPTION;
        }
        if (r->role == NOCR_ROLE_BODY && 5 * r->line_h >= 6 * body && r->nlines <= 2) {
            /* Larger than body text: a subheadline right under a headline, else a
             * section heading. */
            r->role = NOCR_ROLE_SECTION_HEADING;
            for (size_t j = 0; j < rs->n; j++) {
                const seg_region *h = &rs->v[j];
                int gap = r->box.y0 - h->box.y1;
                if (h->role == NOCR_ROLE_HEADLINE && gap > -body && gap < 2 * body &&
                    overlap(h->box.x0, h->box.x1, r->box.x0, r->box.x1) > 0)
                    r->role = NOCR_ROLE_SUBHEADLINE;
            }
        }
        if (r->role == NOCR_ROLE_BODY && ((r->centered && r->nlines <= 2) ||
                                          (r->heading && r->nlines <= 3)))
            r->role = NOCR_ROLE_SECTION_HEADING;
    }
    /* Folio: lines entirely above the first wide horizontal rule in the folio band. */
    int rule_y = -1;
    for (size_t i = 0; i < img->nrules; i++) {
        const nocr_rule *ru = &img->rules[i];
        if (!ru->vertical && ru->box.y < page_h / NOCR_FOLIO_BAND_DIV && (rule_y < 0 || ru->box.y < rule_y))
            rule_y = ru->box.y;
    }
    size_t folio = (size_t)-1;
    for (size_t i = 0; i < rs->n; i++) {
        seg_region *r = &rs->v[i];
        if (rule_y >= 0 && r->box.y1 <= rule_y + body / 2 && r->nlines <= 2) {
            r->role = NOCR_ROLE_PAGE_HEADER;
            /* The folio's parts (edition, section, date) make one line. */
            if (folio == (size_t)-1) {
                folio = i;
            } else {
                seg_region *f = &rs->v[folio];
                box_union(&f->box, &r->box);
                r->role = NOCR_ROLE_UNKNOWN; /* dropped */
            }
        }
    }
}

/* Gives a region the lines found inside its box (working pixels): lines side by side at
 * one height (the parts of a folio line) become one; boxes are mapped to original pixels,
 * text is left to recognition. Lines are in reading order within the region. */
static int seg_region_add_lines(nocr_region *region, const seg_lines *lines, const seg_box *rb,
                                const nocr_image *img)
{
    seg_box *mine = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < lines->n; i++) {
        const seg_box *b = &lines->v[i].box;
        int cx = (b->x0 + b->x1) / 2, cy = (b->y0 + b->y1) / 2;
        if (cx < rb->x0 || cx >= rb->x1 || cy < rb->y0 || cy >= rb->y1)
            continue;
        size_t j;
        for (j = 0; j < n; j++) {
            int hmin = box_h(&mine[j]) < box_h(b) ? box_h(&mine[j]) : box_h(b);
            if (2 * overlap(mine[j].y0, mine[j].y1, b->y0, b->y1) >= hmin)
                break;
        }
        if (j < n) {
            box_union(&mine[j], b);
            continue;
        }
        if (NOCR_ARRAY_GROW(mine, cap, n + 1))
            return NOCR_ENOMEM;
        mine[n++] = *b;
    }
    /* top to bottom (insertion sort: a region has few lines) */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && mine[j].y0 < mine[j - 1].y0; j--) {
            seg_box t = mine[j];
            mine[j] = mine[j - 1];
            mine[j - 1] = t;
        }
    int rc = NOCR_OK;
    for (size_t i = 0; i < n && !rc; i++) {
        nocr_line *line = NULL;
        rc = nocr_region_add_line(&line, region,
                                  nocr_image_box_to_original(img, (nocr_box){mine[i].x0, mine[i].y0, (mine[i].x1) - (mine[i].x0), (mine[i].y1) - (mine[i].y0)}),
                                  NULL, -1.0f);
        if (!rc)
            line->wbox = (nocr_box){mine[i].x0, mine[i].y0, box_w(&mine[i]), box_h(&mine[i])};
    }
    free(mine);
    return rc;
}

static int cmp_line_block(const void *a, const void *b)
{
    const seg_line *x = a, *y = b;
    if (x->block != y->block)
        return (x->block > y->block) - (x->block < y->block);
    return cmp_line_top(a, b);
}

int nocr_segment(nocr_page **out, nocr_engine *eng, const nocr_image *img)
{
    (void)eng;
    if (!out || !img)
        return nocr_error_set(NOCR_EINVAL, "nocr_segment: NULL argument");
    *out = NULL;
    if (!img->pixb)
        return nocr_error_set(NOCR_EINVAL, "%s: segment needs the binarized image",
                              img->source);
    nocr_page *page = NULL;
    seg_lines lines = {NULL, 0, 0};
    seg_regions regions = {NULL, 0, 0};
    int rc = nocr_page_new(&page, img->width, img->height);
    if (!rc)
        rc = nocr_page_set_source(page, img->source, img->index);
    if (rc)
        goto cleanup;
    nocr_page_set_dpi(page, img->dpi);
    nocr_page_set_skew(page, nocr_image_skew(img), nocr_image_skew_confidence(img));

    int body = img->body_size > 0 ? img->body_size : seg_body_height(img->pixb);
    if (body <= 0)
        goto figures; /* a blank page: no text */
    if ((rc = seg_find_lines(&lines, img->pixb, body, img)))
        goto cleanup;

    /* Lines by block, each block top to bottom; large text (-1) first. */
    qsort(lines.v, lines.n, sizeof(*lines.v), cmp_line_block);
    size_t i = 0;
    while (i < lines.n) {
        size_t j = i;
        while (j < lines.n && lines.v[j].block == lines.v[i].block)
            j++;
        rc = lines.v[i].block < 0 ? seg_headlines(&regions, lines.v + i, j - i, body)
                                  : seg_block_regions(&regions, lines.v + i, j - i, body, img);
        if (rc) {
            rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (layout)", img->source);
            goto cleanup;
        }
        i = j;
    }
    seg_roles(&regions, img, body, pixGetHeight(img->pixb));
    for (i = 0; i < regions.n; i++) {
        const seg_box *b = &regions.v[i].box;
        nocr_region *region;
        if (regions.v[i].role == NOCR_ROLE_UNKNOWN)
            continue;
        if ((rc = nocr_page_add_region(&region, page, regions.v[i].role,
                                       nocr_image_box_to_original(img, (nocr_box){b->x0, b->y0, (b->x1) - (b->x0), (b->y1) - (b->y0)}))))
            goto cleanup;
        region->wbox = (nocr_box){b->x0, b->y0, box_w(b), box_h(b)};
        if ((rc = seg_region_add_lines(region, &lines, b, img)))
            goto cleanup;
    }

figures:
    for (size_t f = 0; f < img->nfigures; f++) {
        const nocr_box *b = &img->figures[f];
        if ((rc = nocr_page_add_region(NULL, page, NOCR_ROLE_FIGURE,
                                       nocr_image_box_to_original(img, *b))))
            goto cleanup;
    }
    for (size_t r = 0; r < img->nrules; r++) {
        const nocr_box *b = &img->rules[r].box;
        if ((rc = nocr_page_add_region(NULL, page, NOCR_ROLE_SEPARATOR,
                                       nocr_image_box_to_original(img, *b))))
            goto cleanup;
    }
    page->body_height = (int)(body / (img->scale > 0 ? img->scale : 1.0f) + 0.5f);

cleanup:
    free(lines.v);
    free(regions.v);
    if (rc) {
        nocr_page_free(page);
        return rc;
    }
    *out = page;
    return NOCR_OK;
}
