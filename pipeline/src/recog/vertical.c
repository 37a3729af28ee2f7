/*
 * vertical.c - recognition of vertical text, column by column.
 *
 *   recog_vertical_region   each column (line) of a vertical region read, words mapped back
 *   recog_vertical_free     the vertical model, if loaded
 *   column_read_reset       a column cut into characters and re-set as a horizontal line,
 *                           read with the page's horizontal model (the default)
 *   column_cells            where the column's characters are: a first cut (cut_pass)
 *                           measures the pitch, a grid fitted to the profile cuts
 *   recog_vertical_line     one column re-set and read (also lang.c's sample)
 *   cell_place              one character's ink put into the horizontal line
 *   column_read_model       a column read with the vertical model (chi_*_vert, PSM 5)
 *   vertical_api            the vertical model, loaded on first use
 *   strip_word, column_word word boxes of a re-set column and of a model-read one
 *   work_bits               the 1-bit working image
 *   conf_of_characters      a column's confidence, so measured
 *   column_second_opinion   a column the re-set read badly, read with the vertical model too
 *
 * Why re-set the column: Debian's vertical models are weak. Measured on the vertical
 * samples p27-p34 (200 dpi, ground-truth columns, p32 left out: its skewed GT boxes do not
 * map onto the deskewed image), mean character error: each column read with chi_tra_vert
 * (chi_sim_vert on p31), PSM 5: 0.083; re-set as a horizontal line and read with chi_tra
 * (chi_sim), PSM 7: 0.015. Whole pages through newsocr: 0.090 against 0.012 (p31 and p32
 * in, -l chi_tra on all but p31). CJK characters are square and set on a regular pitch, so
 * the column cuts into characters on a grid (column_cells: pitch and phase fitted to the
 * row profile, each cut moved to the nearest white row); each character's ink is placed
 * side by side on a new line, vertical punctuation moved or turned to where horizontal
 * type has it, and the line is read with PSM 7. Word boxes map back to the characters they
 * cover. NEWSOCR_VERTICAL_READ=model reads with the vertical model instead, for such
 * comparisons.
 */
#include "recog/recog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Cutting a column: the cut after a character starting at y lies in a white run between
 * CUT_MIN and CUT_MAX ems below y, the run nearest to one em; none: one em down. */
#define CUT_MIN 0.55
#define CUT_MAX 1.3
/* The horizontal line: characters one em plus SLOT_GAP_DIV-th of an em apart, a margin of
 * half an em all round (Tesseract reads the edge characters of a tight crop badly). */
#define SLOT_GAP_DIV 8
/* A vertical comma, full stop or enumeration comma: ink under PUNCT_MAX em both ways in
 * the top right of its cell; placed bottom left, as in horizontal type. */
#define PUNCT_MAX 0.5
/* Brackets, parentheses and the dash turn with the text (U+FE35-FE44, U+FE31): ink at
 * least BRACKET_ASPECT times as wide as tall and between FLAT_MAX and PUNCT_MAX+ ems tall
 * (not 一, a single flat stroke), or a thin stroke the cell's height: turned back a
 * quarter counter-clockwise. */
#define BRACKET_ASPECT 1.5
#define FLAT_MAX       0.16

typedef struct cell {
    int y0, y1;   /* rows of the column crop */
    nocr_box ink; /* ink box, working pixels; w == 0: none */
} cell;

/* Word boxes of a column re-set as a line (the strip): slot s of the strip is cell s of the
 * column wb; a word covers the cells of the slots it spans. */
typedef struct strip_map {
    nocr_box wb;
    const cell *cells;
    int n, pad, slot;
    float f; /* the strip as read: scaled by f */
} strip_map;

static nocr_box strip_word(int l, int t, int r, int b, void *ctx)
{
    const strip_map *m = ctx;
    (void)t;
    (void)b;
    l = (int)((float)l / m->f);
    r = (int)((float)r / m->f + 0.5f);
    int s0 = (l - m->pad) / m->slot, s1 = (r - 1 - m->pad) / m->slot;
    s0 = s0 < 0 ? 0 : s0 >= m->n ? m->n - 1 : s0;
    s1 = s1 < s0 ? s0 : s1 >= m->n ? m->n - 1 : s1;
    return (nocr_box){m->wb.x, m->wb.y + m->cells[s0].y0, m->wb.w,
                      m->cells[s1].y1 - m->cells[s0].y0};
}

/* Word boxes of a column read with the vertical model: already in working pixels. */
static nocr_box column_word(int l, int t, int r, int b, void *ctx)
{
    (void)ctx;
    return (nocr_box){l, t, r > l ? r - l : 0, b > t ? b - t : 0};
}

/* One pass of the cutting on row profile p (h rows) at the given pitch: cells into cells
 * (at most max); returns their number. Each cut is the middle of the white run nearest to
 * one pitch below the last cut, between CUT_MIN and CUT_MAX pitches; none: one pitch. The
 * lengths of the cells cut at white on both ends go into lens (their number *nlens). */
static int cut_pass(cell *cells, int max, const l_float32 *p, int h, double pitch, int *lens,
                    int *nlens)
{
    int n = 0, y = 0, white_start = 1;
    *nlens = 0;
    while (y < h && p[y] == 0)
        y++;
    while (y < h && n < max) {
        int lo = y + (int)(CUT_MIN * pitch), hi = y + (int)(CUT_MAX * pitch);
        int target = y + (int)(pitch + 0.5), cut = -1, best_d = 1 << 30;
        for (int r = lo; r < hi && r < h;) {
            if (p[r] != 0) {
                r++;
                continue;
            }
            int s = r;
            while (r < h && r < hi && p[r] == 0)
                r++;
            int d = abs((s + r) / 2 - target);
            if (d < best_d) {
                best_d = d;
                cut = (s + r) / 2;
            }
        }
        int white_end = cut >= 0;
        if (cut < 0)
            cut = target < h ? target : h;
        if (cut <= y)
            cut = y + 1;
        int ink = 0;
        for (int r = y; r < cut && !ink; r++)
            ink = p[r] != 0;
        if (ink)
            cells[n++] = (cell){y, cut, {0, 0, 0, 0}};
        if (ink && white_start && white_end)
            lens[(*nlens)++] = cut - y;
        white_start = white_end;
        y = cut;
        int any = 0;
        for (int r = y; r < h && !any; r++)
            any = p[r] != 0;
        if (!any)
            break;
    }
    return n;
}

/* The grid of a column set on a regular pitch: of the pitches within GRID_PITCH_PCT percent
 * of the measured one and every phase, the one whose cuts fall on the least ink (a cut in
 * a white row costs nothing). Each cut then moves to the nearest white row within
 * GRID_SNAP of a pitch, for type set a little irregularly. */
#define GRID_PITCH_PCT 4
#define GRID_SNAP      0.2

static int grid_cells(cell *cells, int max, const l_float32 *p, int h, double pitch0)
{
    double best_cost = -1, best_pitch = pitch0;
    int best_phase = 0, first = 0, last = h - 1;
    while (first < h && p[first] == 0)
        first++;
    while (last > first && p[last] == 0)
        last--;
    if (first >= h)
        return 0;
    for (int k = -2 * GRID_PITCH_PCT; k <= 2 * GRID_PITCH_PCT; k++) {
        double pitch = pitch0 * (1.0 + k / 200.0);
        for (int phase = 0; phase < (int)pitch; phase++) {
            double cost = 0;
            for (double y = first - phase; y <= last + pitch; y += pitch) {
                int r = (int)(y + 0.5);
                if (r >= 0 && r < h)
                    cost += p[r];
            }
            if (best_cost < 0 || cost < best_cost) {
                best_cost = cost;
                best_pitch = pitch;
                best_phase = phase;
            }
        }
    }
    int n = 0, snap = (int)(GRID_SNAP * best_pitch), prev = -1;
    for (double y = first - best_phase; y <= last + best_pitch && n < max; y += best_pitch) {
        int cut = (int)(y + 0.5), best = -1;
        for (int d = 0; d <= snap && best < 0; d++) {
            if (cut - d >= 0 && cut - d < h && p[cut - d] == 0)
                best = cut - d;
            else if (cut + d >= 0 && cut + d < h && p[cut + d] == 0)
                best = cut + d;
        }
        cut = best >= 0 ? best : cut < 0 ? 0 : cut > h ? h : cut;
        if (prev >= 0 && cut > prev) {
            int ink = 0;
            for (int r = prev; r < cut && !ink; r++)
                ink = p[r] != 0;
            if (ink)
                cells[n++] = (cell){prev, cut, {0, 0, 0, 0}};
        }
        prev = cut > prev ? cut : prev;
    }
    return n;
}

/* Ink a cut between two cells goes through, on average: the profile's row at each cell's
 * end but the last's (a mean, so that a longer pitch, making fewer cuts, gains nothing). */
static double cuts_ink(const cell *cells, int n, const l_float32 *p, int h)
{
    double ink = 0;
    for (int i = 0; i + 1 < n; i++)
        ink += cells[i].y1 < h ? p[cells[i].y1] : 0;
    return n > 1 ? ink / (n - 1) : 0;
}

/* A first pass that cut few cells at white on both ends (fewer than 3) has no pitch to
 * measure, and when its first cut falls in a character it cuts every one after it there
 * too: its search for white starts half an em below the last cut and misses runs between
 * characters at a third of an em and at 1.37. A column starting with a comma or a
 * bracket, whose ink is in one part of its cell, starts so (vertical tuning seed
 * 20261217207: "，準備出版成書。" read as "。準左時廬壁畫台"; 20261217223: a column of 46
 * characters under a bracket read as junk and dropped). The grid, at pitches from one em
 * to 1.25 (the column's width is the type's, under the pitch) and every phase, is cut
 * too, and the cells whose cuts go through less ink are kept (into cells; returns their
 * number). */
#define FALLBACK_PITCHES 3
static int grid_fallback(cell *cells, int n, int max, const l_float32 *p, int h, int em)
{
    cell *grid = malloc(sizeof(*grid) * (size_t)max);
    if (!grid)
        return n; /* the first pass's cells stand */
    double best = cuts_ink(cells, n, p, h);
    for (int k = 0; k < FALLBACK_PITCHES; k++) {
        int m = grid_cells(grid, max, p, h, em * (1.04 + 0.08 * k));
        double ink = cuts_ink(grid, m, p, h);
        if (m > 0 && ink < best) {
            best = ink;
            memcpy(cells, grid, sizeof(*grid) * (size_t)m);
            n = m;
        }
    }
    free(grid);
    return n;
}

/* The column's character cells on pixc (the column crop, 1 bpp, em pixels wide) into *out
 * (malloc'd); returns their number, -1 when out of memory. A first pass at one em (the
 * column's width, a little under the pitch) measures the pitch: the median length of the
 * cells cut at white on both ends; the grid at that pitch (grid_cells) cuts the column.
 * Without a pitch measured, grid_fallback. */
static int column_cells(cell **out, PIX *pixc, int em)
{
    NUMA *na = pixCountPixelsByRow(pixc, NULL);
    int h = pixGetHeight(pixc), max = h / (em / 2 > 0 ? em / 2 : 1) + 2;
    cell *cells = malloc(sizeof(*cells) * (size_t)max);
    int *lens = malloc(sizeof(int) * (size_t)max), nlens = 0;
    if (!na || !cells || !lens) {
        numaDestroy(&na);
        free(cells);
        free(lens);
        return -1;
    }
    l_float32 *p = numaGetFArray(na, L_NOCOPY);
    double pitch = em;
    int n = cut_pass(cells, max, p, h, pitch, lens, &nlens);
    if (nlens >= 3) {
        qsort(lens, (size_t)nlens, sizeof(int), nocr_cmp_int);
        double med = lens[nlens / 2];
        if (med >= 0.9 * em && med <= 1.4 * em)
            pitch = med;
        n = grid_cells(cells, max, p, h, pitch);
    } else if (n > 0) {
        n = grid_fallback(cells, n, max, p, h, em);
    }
    numaDestroy(&na);
    free(lens);
    *out = cells;
    return n;
}

/* Copies the ink of cell c (pixc rows, box ink relative to the crop) into slot x0 of
 * strip (height em + 2 pad), moved or turned as horizontal type has it. */
static void cell_place(PIX *strip, PIX *pixc, BOX *ink, int x0, int pad, int em, int cellh)
{
    l_int32 bx, by, bw, bh;
    boxGetGeometry(ink, &bx, &by, &bw, &bh);
    PIX *piece = pixClipRectangle(pixc, ink, NULL);
    if (!piece)
        return;
    int rel_y = by, dx, dy;
    if (bw < PUNCT_MAX * em && bh < PUNCT_MAX * em && bx >= em * 2 / 5 &&
        rel_y + bh <= cellh * 3 / 5) {
        dx = x0 + em / 10; /* a comma or full stop: bottom left */
        dy = pad + em * 9 / 10 - bh;
    } else if ((bw >= BRACKET_ASPECT * bh && bh > FLAT_MAX * em && bh < 0.6 * em) ||
               (bh >= 3 * bw && bw < 0.2 * em && bh > 0.7 * em)) {
        PIX *turned = pixRotate90(piece, -1);
        if (turned) {
            pixDestroy(&piece);
            piece = turned;
            int t = bw;
            bw = bh;
            bh = t;
        }
        dx = x0 + (em - bw) / 2;
        dy = pad + (em - bh) / 2;
    } else {
        dx = x0 + (em - bw) / 2;
        dy = pad + (em - bh) / 2;
    }
    if (dy < 0)
        dy = 0;
    pixRasterop(strip, dx, dy, bw, bh, PIX_SRC | PIX_DST, piece, 0, 0);
    pixDestroy(&piece);
}

/* Whether the ink of the n cells fills them: its median width and median height at least
 * LARGE_CELL em each. */
#define LARGE_CELL 0.7
static int cells_filled(const cell *cells, int n, int em)
{
    int *w = malloc(sizeof(int) * (size_t)(n + 1)), *h = malloc(sizeof(int) * (size_t)(n + 1));
    int m = 0, filled = 0;
    for (int i = 0; w && h && i < n; i++)
        if (cells[i].ink.w > 0) {
            w[m] = cells[i].ink.w;
            h[m++] = cells[i].ink.h;
        }
    if (m > 0) {
        qsort(w, (size_t)m, sizeof(int), nocr_cmp_int);
        qsort(h, (size_t)m, sizeof(int), nocr_cmp_int);
        filled = w[m / 2] >= LARGE_CELL * em && h[m / 2] >= LARGE_CELL * em;
    }
    free(w);
    free(h);
    return filled;
}

/* Reads strip, a column re-set as a line (mapped back by sm), with the engine's model;
 * its words are appended to line. PSM 7; when it finds nothing and `raw` (a heading's
 * column whose characters fill their cells, cells_filled), PSM 13, as for horizontal lines
 * (recognize.c), kept when its characters read RAW_MIN_CONF or more: PSM 7's noise filter
 * can drop a whole strip of bold heading type (vertical tuning seed 20270106120: a
 * six-character headline, clean in its strip, read as nothing at its size and scaled, and
 * whole in PSM 13 at 72-77; the page lost its headline, and the article's column went to
 * the article above). Not a body column's: there PSM 7 finding nothing is mostly no text
 * (a photo's edge, a rule), and PSM 13 made up characters that then kept the vertical
 * model's second opinion out (vertical tuning seeds 20270102219, 235: a column's text
 * lost). Nor a reading under RAW_MIN_CONF: a heading region the layout had joined with
 * the columns and photo under it, its cells holding body type side by side, read in PSM
 * 13 as a headline of junk at 15-26 (fresh seed 20270107115: CER 0.12 -> 0.33). */
#define RAW_MIN_CONF 50.0

/* One reading of the strip set in the engine, in page segmentation mode psm; its words are
 * appended to line. */
static int strip_pass(nocr_line *line, nocr_engine *eng, const nocr_image *img, strip_map *sm,
                      TessPageSegMode psm)
{
    TessBaseAPISetPageSegMode(eng->api, psm);
    if (TessBaseAPIRecognize(eng->api, NULL) != 0)
        return nocr_error_set(NOCR_EENGINE, "%s: Tesseract failed to recognize a vertical line",
                              nocr_image_source(img));
    return recog_line_words(line, eng->api, img, strip_word, sm);
}

static int strip_read(nocr_line *line, nocr_engine *eng, const nocr_image *img, PIX *strip,
                      strip_map *sm, int raw)
{
    TessBaseAPISetImage2(eng->api, strip);
    TessBaseAPISetSourceResolution(eng->api, recog_working_dpi(img));
    eng->current = NULL;
    size_t n0 = nocr_line_word_count(line), chars;
    float line_conf = nocr_line_confidence(line);
    int rc = strip_pass(line, eng, img, sm, PSM_SINGLE_LINE);
    if (rc || !raw || nocr_line_word_count(line) != n0)
        return rc;
    rc = strip_pass(line, eng, img, sm, PSM_RAW_LINE);
    if (!rc && recog_words_mean(line, n0, nocr_line_word_count(line), &chars) < RAW_MIN_CONF)
        rc = recog_keep_reading(line, n0, 0, line_conf);
    return rc;
}

/* Reads the column wb (working pixels) of pixb (1 bpp) re-set as a horizontal line with
 * the engine's horizontal model; words into line. `heading`: a column of a headline or
 * subheadline, whose large type is read scaled down too. */
static int column_read_reset(nocr_line *line, nocr_engine *eng, const nocr_image *img, PIX *pixb,
                             nocr_box wb, int heading)
{
    int em = wb.w, rc = NOCR_OK;
    if (em < 4 || wb.h < 4)
        return NOCR_OK;
    BOX *box = boxCreate(wb.x, wb.y, wb.w, wb.h);
    PIX *pixc = box ? pixClipRectangle(pixb, box, NULL) : NULL;
    boxDestroy(&box);
    cell *cells = NULL;
    int n = pixc ? column_cells(&cells, pixc, em) : -1;
    int pad = em / 2, slot = em + em / SLOT_GAP_DIV;
    PIX *strip = n > 0 ? pixCreate(2 * pad + n * slot, em + 2 * pad, 1) : NULL, *small = NULL;
    if (n < 0 || (n > 0 && !strip)) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (vertical line)",
                            nocr_image_source(img));
        goto cleanup;
    }
    for (int i = 0; i < n; i++) {
        BOX *cb = boxCreate(0, cells[i].y0, em, cells[i].y1 - cells[i].y0), *ib = NULL;
        if (cb && pixClipBoxToForeground(pixc, cb, NULL, &ib) == 0 && ib) {
            l_int32 bx, by, bw, bh;
            boxGetGeometry(ib, &bx, &by, &bw, &bh);
            cells[i].ink = (nocr_box){wb.x + bx, wb.y + by, bw, bh};
            /* the cell alone, and its ink relative to it */
            PIX *one = pixClipRectangle(pixc, cb, NULL);
            BOX *inrel = boxCreate(bx, by - cells[i].y0, bw, bh);
            if (one && inrel)
                cell_place(strip, one, inrel, pad + i * slot, pad, em, cells[i].y1 - cells[i].y0);
            pixDestroy(&one);
            boxDestroy(&inrel);
        }
        boxDestroy(&cb);
        boxDestroy(&ib);
    }
    if (n == 0)
        goto cleanup;
    strip_map sm = {wb, cells, n, pad, slot, 1.0f};
    int filled = heading && cells_filled(cells, n, em);
    if ((rc = strip_read(line, eng, img, strip, &sm, filled)) != NOCR_OK)
        goto cleanup;
    /* Headline type is read a second time, scaled down to RECOG_LARGE_LINE_TARGET
     * (recog.h), and the surer reading kept: the strip is twice its em high, and a column
     * of five 87 px characters (tuning seed 20261221239; the body's are 38-48 px) read as
     * nothing at its size, whole at 48 px. Only a heading's, and only where its
     * characters fill their cells (cells_filled); body text in a column box twice its
     * width, cut in cells of two characters or of two by two, read as garbage so scaled
     * (tuning seeds 20261221229, 240, 242), and a heading region of two body columns
     * read worse (245). */
    if (filled && em > RECOG_LARGE_LINE_TARGET) {
        sm.f = (float)RECOG_LARGE_LINE_TARGET / (float)em;
        if (!(small = pixScaleToGray(strip, sm.f))) {
            rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (vertical line)",
                                nocr_image_source(img));
            goto cleanup;
        }
        size_t n0 = nocr_line_word_count(line), c0, c1;
        double conf0 = recog_words_mean(line, 0, n0, &c0);
        float line_conf = nocr_line_confidence(line);
        if ((rc = strip_read(line, eng, img, small, &sm, 1)) != NOCR_OK)
            goto cleanup;
        double conf1 = recog_words_mean(line, n0, nocr_line_word_count(line), &c1);
        rc = recog_keep_reading(line, n0, c1 > 0 && (c0 == 0 || conf1 > conf0), line_conf);
    }

cleanup:
    pixDestroy(&small);
    pixDestroy(&strip);
    pixDestroy(&pixc);
    free(cells);
    return rc;
}

/* The vertical model for the engine's language (chi_sim -> chi_sim_vert, chi_tra ->
 * chi_tra_vert; the first language of a '+' list), loaded on first use; NULL when it is
 * not installed or did not load. */
static TessBaseAPI *vertical_api(nocr_engine *eng, const char *lang)
{
    char name[sizeof(eng->vapi_name)], path[4096];
    size_t len = strcspn(lang, "+");
    if (len > 5 && !strncmp(lang + len - 5, "_vert", 5))
        snprintf(name, sizeof(name), "%.*s", (int)len, lang);
    else
        snprintf(name, sizeof(name), "%.*s_vert", (int)len, lang);
    if (strcmp(name, eng->vapi_name) == 0)
        return eng->vapi; /* loaded, or tried (NULL) */
    recog_vertical_free(eng);
    snprintf(eng->vapi_name, sizeof(eng->vapi_name), "%s", name);
    snprintf(path, sizeof(path), "%s/%s.traineddata", eng->tessdata, name);
    struct stat st;
    if (stat(path, &st) != 0)
        return NULL;
    TessBaseAPI *api = TessBaseAPICreate();
    if (!api)
        return NULL;
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    if (TessBaseAPIInit3(api, eng->tessdata, name) != 0) {
        TessBaseAPIDelete(api);
        return NULL;
    }
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    eng->vapi = api;
    return api;
}

void recog_vertical_free(nocr_engine *eng)
{
    if (eng && eng->vapi) {
        TessBaseAPIEnd(eng->vapi);
        TessBaseAPIDelete(eng->vapi);
        eng->vapi = NULL;
    }
}

/* Reads column wb with the vertical model (PSM 5), the page image already set on api. */
static int column_read_model(nocr_line *line, TessBaseAPI *api, const nocr_image *img, nocr_box wb,
                             int W, int H)
{
    int pad = wb.w / 3;
    int l = wb.x - pad < 0 ? 0 : wb.x - pad, t = wb.y - pad < 0 ? 0 : wb.y - pad;
    int r = wb.x + wb.w + pad > W ? W : wb.x + wb.w + pad;
    int b = wb.y + wb.h + pad > H ? H : wb.y + wb.h + pad;
    TessBaseAPISetRectangle(api, l, t, r - l, b - t);
    TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK_VERT_TEXT);
    if (TessBaseAPIRecognize(api, NULL) != 0)
        return nocr_error_set(NOCR_EENGINE, "%s: Tesseract failed to recognize a column",
                              nocr_image_source(img));
    return recog_line_words(line, api, img, column_word, NULL);
}

/* A column's confidence is its characters' mean (each word weighs its characters), not
 * Tesseract's confidence in the line: for a long column re-set as one line, that can come
 * out 0 while the words read at 7-93 (held-out vertical seed 20261209112, 160 dpi: its
 * first column, 81 characters, read at 0 and was dropped as unreadable: order-free error
 * 0.43). The line keeps Tesseract's when it has no words. */
static void conf_of_characters(nocr_line *line)
{
    size_t chars;
    double conf = recog_words_mean(line, 0, nocr_line_word_count(line), &chars);
    if (chars > 0)
        nocr_line_set_confidence(line, (float)conf);
}

/* The 1-bit working image (thresholded from the gray when preprocessing did not
 * binarize), new; NULL with the error set when out of memory. */
static PIX *work_bits(const nocr_image *img)
{
    PIX *pixb = nocr_image_work_binary(img), *pixg = nocr_image_work_gray(img);
    PIX *pix1 = pixb ? pixClone(pixb) : pixConvertTo1(pixg, 128);
    if (!pix1)
        nocr_error_set(NOCR_ENOMEM, "%s: out of memory (vertical text)", nocr_image_source(img));
    return pix1;
}

int recog_vertical_line(nocr_line *line, nocr_engine *eng, const nocr_image *img)
{
    PIX *pix1 = work_bits(img);
    if (!pix1)
        return NOCR_ENOMEM;
    nocr_box wb = nocr_line_work_box(line);
    if (wb.w <= 0)
        wb = nocr_image_box_to_working(img, nocr_line_box(line));
    int rc = column_read_reset(line, eng, img, pix1, wb, 0);
    pixDestroy(&pix1);
    return rc;
}

/* A column re-set and read under COLUMN_RETRY_CONF (its characters' mean), or read as
 * nothing, is read again with the vertical model. The model's reading is kept only when
 * read surely (COLUMN_SURE), with no more characters than COLUMN_ROOM times the column's
 * room (its length in widths, plus one), and, against a re-set reading of any text, when
 * its characters read COLUMN_MARGIN higher and it holds at least COLUMN_MIN_CHARS of that
 * reading's characters (as recognize.c's gray reading: text is replaced by text, never by
 * less of it). Looser, any reading 5 points higher, made 17 of 60 vertical tuning pages
 * worse: the model reads photo texture beside a column, and neighbour columns, at 56.
 * The re-set reading fails where the cut does: a headline column of
 * five characters on a skewed 180 dpi page (tuning seed 20261211122) read as nothing, was
 * dropped, and the coverage check read it across, as body of the article above; the model
 * read it at 93. */
#define COLUMN_RETRY_CONF 50.0
#define COLUMN_MARGIN     10.0
#define COLUMN_MIN_CHARS  0.9
#define COLUMN_ROOM       1.3
#define COLUMN_SURE       80.0

/* The second opinion on a re-set column (above): reads column wb with the vertical model,
 * api holding the page, and keeps the better of the two readings. */
static int column_second_opinion(nocr_line *line, TessBaseAPI *api, const nocr_image *img,
                                 nocr_box wb, int W, int H)
{
    size_t n0 = nocr_line_word_count(line), c0, c1;
    double conf0 = recog_words_mean(line, 0, n0, &c0);
    float line_conf = nocr_line_confidence(line);
    int rc = column_read_model(line, api, img, wb, W, H);
    if (rc)
        return rc;
    size_t n1 = nocr_line_word_count(line);
    double conf1 = recog_words_mean(line, n0, n1, &c1);
    double room = COLUMN_ROOM * ((double)wb.h / (wb.w > 0 ? wb.w : 1) + 1);
    int take = c1 > 0 && (double)c1 <= room && conf1 >= COLUMN_SURE &&
               (c0 == 0 ||
                (conf1 >= conf0 + COLUMN_MARGIN && (double)c1 >= COLUMN_MIN_CHARS * (double)c0));
    return recog_keep_reading(line, n0, take, line_conf);
}

/* The vertical model with the page given to it, loaded and set on first use (*tried: the
 * attempt made); NULL when it is not installed. */
static TessBaseAPI *page_model(nocr_engine *eng, const nocr_image *img, PIX *pix1, int *tried)
{
    if (*tried)
        return eng->vapi;
    *tried = 1;
    TessBaseAPI *api = vertical_api(eng, recog_page_lang(eng));
    if (api) {
        TessBaseAPISetImage2(api, pix1);
        TessBaseAPISetSourceResolution(api, recog_working_dpi(img));
    }
    return api;
}

int recog_vertical_region(nocr_region *region, nocr_engine *eng, const nocr_image *img)
{
    PIX *pix1 = work_bits(img);
    if (!pix1)
        return NOCR_ENOMEM;
    const char *how = getenv("NEWSOCR_VERTICAL_READ");
    int model = how && !strcmp(how, "model"), tried = 0, rc = NOCR_OK;
    nocr_role role = nocr_region_role(region);
    int heading = role == NOCR_ROLE_HEADLINE || role == NOCR_ROLE_SUBHEADLINE;
    int W = pixGetWidth(pix1), H = pixGetHeight(pix1);
    for (size_t i = 0; i < nocr_region_line_count(region) && !rc; i++) {
        nocr_line *line = nocr_region_line(region, i);
        nocr_box wb = nocr_line_work_box(line);
        if (wb.w <= 0)
            wb = nocr_image_box_to_working(img, nocr_line_box(line));
        TessBaseAPI *api = model ? page_model(eng, img, pix1, &tried) : NULL;
        if (api) {
            rc = column_read_model(line, api, img, wb, W, H);
        } else if ((rc = column_read_reset(line, eng, img, pix1, wb, heading)) == NOCR_OK &&
                   !model) {
            size_t chars;
            double conf = recog_words_mean(line, 0, nocr_line_word_count(line), &chars);
            if ((chars == 0 || conf < COLUMN_RETRY_CONF) &&
                (api = page_model(eng, img, pix1, &tried)) != NULL)
                rc = column_second_opinion(line, api, img, wb, W, H);
        }
        if (!rc)
            conf_of_characters(line);
    }
    if (tried && eng->vapi)
        TessBaseAPIClear(eng->vapi);
    pixDestroy(&pix1);
    return rc;
}
