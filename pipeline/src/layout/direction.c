/*
 * direction.c - writing direction from the ink.
 *
 *   seg_ink_direction   the share of a box's text ink that runs in columns (vertical text)
 *                       rather than in rows
 *   seg_ink_type_size   the size of the characters in a box, for the closing of the above
 *
 * CJK characters are square and set close together along the writing direction, with a
 * wider gap (the leading) between lines. A closing of DIR_CLOSE body heights along one axis
 * therefore joins a line's characters into one long piece along the direction of writing,
 * never across two lines. The box's ink is closed both ways; the area of the pieces that
 * came out long (at least DIR_ASPECT times their thickness, no thicker than DIR_THICK body
 * heights, so that a closed block of lines does not count) measures each direction. A
 * single character, a photo's remains or a box of mixed text gives little of either: the
 * caller treats a share from too little ink (DIR_MIN_PIECES long pieces) as undecided.
 *
 *   seg_ink_grid_direction  the direction of a block of large type set in a grid (a
 *                           headline of two or more lines), from its white gaps
 */
#include "layout/layout.h"

#include "layout/direction.h"

#include <stdlib.h>

/* Closing along the writing direction, body heights: wider than the tracking of CJK type
 * (0 to 0.15 em) and narrower than the leading (0.4 em or more on every sample and every
 * synthetic page, horizontal or vertical); the same figure as lines.c's FRAG_CLOSE_H. */
#define DIR_CLOSE 0.35
/* A piece of a line is at least DIR_ASPECT characters long and at most DIR_THICK body
 * heights thick (headline type reaches 8; a block of lines closed together is thicker),
 * at least a third of one (not a rule's or a stroke's remains). */
#define DIR_ASPECT 2.5
#define DIR_THICK  8.0
/* Fewer long pieces than this: undecided (one line is enough to tell). */
#define DIR_MIN_PIECES 1
/* seg_ink_type_size: the characters of a box are its components at least half a body
 * height long and less than SIZE_ASPECT times as long as thick (not a rule's remains, not
 * the strokes of 一 or 丨); the one at rank 3/4 by length stands for a whole character
 * (the smaller ones are parts of characters), as in segment.c's seg_measure_body. */
#define SIZE_ASPECT 3

/* The area of the pieces of pixs (closed already) that run along x (horizontal = 1) or
 * along y, and how many there are. */
static double long_pieces(PIX *pixs, int horizontal, int body, int *count)
{
    BOXA *boxa = pixConnCompBB(pixs, 8);
    int n = boxa ? boxaGetCount(boxa) : 0;
    double area = 0;
    for (int i = 0; i < n; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        int len = horizontal ? w : h, thick = horizontal ? h : w;
        if (len >= DIR_ASPECT * thick && thick <= DIR_THICK * body && thick >= body / 3) {
            area += (double)w * h;
            (*count)++;
        }
    }
    boxaDestroy(&boxa);
    return area;
}

int seg_ink_type_size(PIX *pixb, const seg_box *b, int body)
{
    PIX *pixc = seg_clip(pixb, b);
    BOXA *boxa = pixc ? pixConnCompBB(pixc, 8) : NULL;
    int n = boxa ? boxaGetCount(boxa) : 0, m = 0, size = body;
    int *hs = n > 0 ? malloc(sizeof(int) * (size_t)n) : NULL;
    for (int i = 0; hs && i < n; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        int longer = w > h ? w : h;
        if (2 * longer >= body && w < SIZE_ASPECT * h && h < SIZE_ASPECT * w)
            hs[m++] = longer;
    }
    if (m > 0) {
        qsort(hs, (size_t)m, sizeof(int), nocr_cmp_int);
        size = hs[(3 * m) / 4] > body ? hs[(3 * m) / 4] : body;
    }
    free(hs);
    boxaDestroy(&boxa);
    pixDestroy(&pixc);
    return size;
}

double seg_ink_direction(PIX *pixb, const seg_box *b, int body)
{
    if (body <= 0 || seg_box_w(b) < 2 || seg_box_h(b) < 2)
        return -1;
    PIX *pixc = seg_clip(pixb, b);
    if (!pixc)
        return -1;
    int k = (int)(DIR_CLOSE * body) | 1;
    PIX *pixh = pixCloseSafeBrick(NULL, pixc, k, 1);
    PIX *pixv = pixCloseSafeBrick(NULL, pixc, 1, k);
    int nh = 0, nv = 0;
    double ah = pixh ? long_pieces(pixh, 1, body, &nh) : 0;
    double av = pixv ? long_pieces(pixv, 0, body, &nv) : 0;
    pixDestroy(&pixc);
    pixDestroy(&pixh);
    pixDestroy(&pixv);
    if (nh + nv < DIR_MIN_PIECES || ah + av <= 0)
        return -1;
    return av / (ah + av);
}

/* seg_ink_grid_direction: the lines of a block are apart by its leading, wider than the
 * tracking between the characters of a line by at least GRID_LEADING; gaps closer than
 * that to each other leave the direction undecided. A white run across the block is a gap
 * when the ink along it is at most 1/GRID_SPECK of its length (a speck of noise does not
 * close it), at least GRID_GAP_MIN pixels wide (not a stroke's hairline). The ink between
 * the gaps taken for the leading must be lines one character thick: no run of it thicker
 * than GRID_LINE times the median run the other way (the characters' size), else the
 * block is not one grid (two headlines side by side, each of rows, apart by a gutter).
 * And the characters along the lines must stand apart: the median run of ink along them
 * no longer than GRID_LINE times the median across them (a grid's cells are square),
 * else the white taken for the tracking is not between characters (fresh seed
 * 20261202026: a row of two horizontal headlines beside a vertical headline's top and
 * the tops of body columns, its only white across a 2-pixel run at its edge, measured
 * as columns 3 pixels apart; the whole row went to the turned pass, which kept none of
 * it, and the headline was read as body at the head of another article). */
#define GRID_LEADING 1.5
#define GRID_SPECK   100
#define GRID_GAP_MIN 2
#define GRID_LINE    1.5
#define GRID_RUNS    64
/* A block that is no one grid is split at its widest white run across it, when that is
 * wider than the median character along the lines and leaves a character's width of ink
 * (the larger median run) on either side (not a sliver of one column of characters: a
 * vertical headline whose 十 and 年 left white along its edge), at most GRID_SPLITS times
 * deep, and its parts are judged each on its own (a row of two headlines side by side,
 * three rows of four characters and two of four, apart by a gutter 1.4 characters wide:
 * vertical tuning seed 20261213355 read both as columns, with the body under them). */
#define GRID_SPLITS 2

typedef struct grid_runs {
    int narrow, wide;        /* the narrowest and widest inner white run, 0 when none */
    int ink_max, ink_median; /* the thickest run of ink between white runs, the median */
} grid_runs;

static int cmp_run(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The white and ink runs of profile p (each value over `len` pixels) into *g; 0 when p
 * has no inner white run or too many runs to be lines of type. */
static int profile_runs(NUMA *p, int len, grid_runs *g)
{
    int n = numaGetCount(p), ink[GRID_RUNS], nink = 0, start = -1, gaps = 0;
    *g = (grid_runs){0, 0, 0, 0};
    for (int i = 0; i < n;) {
        l_int32 v = 0;
        numaGetIValue(p, i, &v);
        if (GRID_SPECK * v > len) {
            start = start < 0 ? i : start;
            i++;
            continue;
        }
        int e = i;
        for (l_int32 ve = 0; e < n && numaGetIValue(p, e, &ve) == 0 && GRID_SPECK * ve <= len;)
            e++;
        if (start >= 0 && e < n && e - i >= GRID_GAP_MIN) {
            if (nink == GRID_RUNS)
                return 0;
            ink[nink++] = i - start;
            start = -1;
            g->narrow = gaps++ && g->narrow < e - i ? g->narrow : e - i;
            g->wide = g->wide > e - i ? g->wide : e - i;
        }
        i = e;
    }
    if (gaps == 0 || start < 0 || nink == GRID_RUNS)
        return 0;
    int last = n - start;
    for (int i = n - 1; i > start; i--) { /* the last ink run ends at the last ink */
        l_int32 v = 0;
        numaGetIValue(p, i, &v);
        if (GRID_SPECK * v > len)
            break;
        last--;
    }
    ink[nink++] = last;
    qsort(ink, (size_t)nink, sizeof(int), cmp_run);
    g->ink_max = ink[nink - 1];
    g->ink_median = ink[nink / 2];
    return 1;
}

/* The widest white run across the whole of profile p (each value over `len` pixels, as in
 * profile_runs) inside it, as [*g0, *g1); 0 when there is none. */
static int widest_gap(NUMA *p, int len, int *g0, int *g1)
{
    int n = numaGetCount(p), ink = 0;
    *g0 = *g1 = 0;
    for (int i = 0; i < n;) {
        l_int32 v = 0;
        numaGetIValue(p, i, &v);
        if (GRID_SPECK * v > len) {
            ink = 1;
            i++;
            continue;
        }
        int e = i;
        for (l_int32 ve = 0; e < n && numaGetIValue(p, e, &ve) == 0 && GRID_SPECK * ve <= len;)
            e++;
        if (ink && e < n && e - i > *g1 - *g0) {
            *g0 = i;
            *g1 = e;
        }
        i = e;
    }
    return *g1 > *g0;
}

static int grid_direction(PIX *pixb, const seg_box *b, int depth)
{
    PIX *pixc = seg_clip(pixb, b);
    NUMA *cols = pixc ? pixCountPixelsByColumn(pixc) : NULL;
    NUMA *rows = pixc ? pixCountPixelsByRow(pixc, NULL) : NULL;
    grid_runs x = {0, 0, 0, 0}, y = {0, 0, 0, 0};
    int dir = -1, xs = cols && profile_runs(cols, seg_box_h(b), &x);
    if (xs && rows && profile_runs(rows, seg_box_w(b), &y)) {
        /* columns apart wider than the characters down them, each a character wide,
         * the characters down them apart */
        if (x.narrow >= GRID_LEADING * y.wide && x.ink_max <= GRID_LINE * y.ink_median &&
            y.ink_median <= GRID_LINE * x.ink_median)
            dir = 1;
        else if (y.narrow >= GRID_LEADING * x.wide && y.ink_max <= GRID_LINE * x.ink_median &&
                 x.ink_median <= GRID_LINE * y.ink_median)
            dir = 0;
    }
    /* Not one grid: the parts apart by a gutter are judged each on its own (GRID_SPLITS).
     * Columns when both parts are columns; rows
     * when one is rows and the other is not columns (a headline's last characters cut off
     * by the horizontal pass leave its part in between): a part taken for columns on its
     * own made the top row of a page, a vertical headline's first character beside the
     * tops of body columns, columns, and the headline's characters were read in pieces
     * (vertical tuning seed 20261213344). */
    int g0, g1, cell = x.ink_median > y.ink_median ? x.ink_median : y.ink_median;
    if (dir < 0 && depth < GRID_SPLITS && xs && widest_gap(cols, seg_box_h(b), &g0, &g1) &&
        g1 - g0 >= x.ink_median && g0 >= cell && seg_box_w(b) - g1 >= cell) {
        /* (white above or below a part is no run of its profile: no need to trim it) */
        seg_box left = {b->x0, b->y0, b->x0 + g0, b->y1},
                right = {b->x0 + g1, b->y0, b->x1, b->y1};
        int dl = grid_direction(pixb, &left, depth + 1),
            dr = grid_direction(pixb, &right, depth + 1);
        dir = dl == dr ? dl : (dl == 0 && dr < 0) || (dr == 0 && dl < 0) ? 0 : -1;
    }
    numaDestroy(&cols);
    numaDestroy(&rows);
    pixDestroy(&pixc);
    return dir;
}

int seg_ink_grid_direction(PIX *pixb, const seg_box *b)
{
    return grid_direction(pixb, b, 0);
}
