/*
 * prep_figures.c - photos and halftones.
 *
 *   nocr_prep_figures
 *
 * A candidate found in the gray (a solid field after smoothing) is a figure only when the
 * text image shows ink in it and that ink is not characters set in lines
 * (figure_confirmed): a lighting gradient, a shadow band or a fold darkens paper
 * and text into a "solid field" too, and taking it for a photo would drop the text under
 * it. When in doubt the candidate stays text: recognition reads it, and a photo read as
 * text costs less than text lost.
 */
#include "prep/prep.h"

#include <stdlib.h>

/* A figure is at least FIG_MIN_EMS body sizes long and FIG_MIN_SIDE_EMS across (a photo,
 * not a bold character or a dark rule), and its mask fills at least FIG_MIN_FILL of its
 * box. A portrait one column wide on a vertical page is 2.5-3 body sizes across: at 3 it
 * was left in the text, joined the headline beside it, and the headline was read as junk
 * and dropped (tuning seed 20261211125; 11 of 60 vertical tuning pages read better). */
#define FIG_MIN_EMS      3
#define FIG_MIN_SIDE_EMS 2
#define FIG_MIN_FILL 0.5f

/* The mask is computed where body text is FIG_EM_PX pixels high (about 150 ppi). */
#define FIG_EM_PX 20
/* "Not paper": darker than FIG_PAPER_FRACT of the local paper's gray. */
#define FIG_PAPER_FRACT 0.88f

/* The paper's gray is measured in tiles of FIG_TILE_EMS body sizes (rank FIG_PAPER_RANK
 * of each tile), and a quadratic surface is fitted to the tiles by least squares,
 * FIG_FIT_ROUNDS times, each round dropping the tiles darker than FIG_FIT_KEEP of the
 * surface (photos, dark borders): what is left is the page's lighting, which varies
 * smoothly (a gradient, a vignette), while photos are abrupt. */
#define FIG_TILE_EMS   4
#define FIG_PAPER_RANK 0.9f
#define FIG_FIT_ROUNDS 3
#define FIG_FIT_KEEP   0.92

/* Confirmation of a candidate on the text image (figure_confirmed), thresholds checked on
 * the drawn pages of unit_prep_robust and tuning seeds 1000-1039 (figures found 107 of
 * 116 before and after; false figures 6 -> 0, every one a band of shadow, a fold or a
 * gradient over text).
 *
 * Rules are left out of every measure: a straight run at least FIG_RULE_MIN body sizes
 * long and less than FIG_RULE_THICK thick is a rule, a frame or a fold's crease (the
 * thick folio rule is 0.1 body size); a column rule beside a line of text would join the
 * lines of a column into one blob (seeds 1020, 1021). */
#define FIG_RULE_MIN   2.0f
#define FIG_RULE_THICK 0.25f
/* Empty: the ink covers less than FIG_MIN_INK of the box. Paper under a gradient or a
 * shadow (Sauvola follows the lighting and sets nothing there) and a fold's crease are
 * 0-1 %; halftone, noise and bilevel photos cover 10-50 % of their box. */
#define FIG_MIN_INK 0.03f
/* Text, first: at least FIG_TEXT_CHARS of the ink is in components of character size,
 * FIG_CHAR_MIN..FIG_CHAR_MAX body sizes at their longest. Text under a shadow band, a
 * steep edge shadow or a fold measures 0.89-1.0, halftone, noise and bilevel photos
 * 0.0-0.15. Characters go up to the tallest lines counted (FIG_LINE_MAX_H): a shadow band
 * across the top of a page darkens headlines too, whose ink outweighs the body text's
 * (seed 20261201120 lost its headlines to such a "photo"). */
#define FIG_TEXT_CHARS 0.5
#define FIG_CHAR_MIN   0.2f
#define FIG_CHAR_MAX   FIG_LINE_MAX_H
/* Text, second: at least FIG_TEXT_LINES lines hold FIG_TEXT_INK of the ink, along rows or
 * columns (vertical text). A line is a blob of the text image closed along it by
 * FIG_LINE_CLOSE body sizes (wider than the space between two characters or words,
 * Latin or CJK), FIG_LINE_MIN_H..FIG_LINE_MAX_H body sizes across (body lines 0.7-1.1,
 * headlines up to 3), FIG_LINE_ASPECT times as long, no denser than FIG_LINE_MAX_INK.
 * Text under a shadow or a fold puts 50-80 % of its ink in lines; photos 0-5 % along
 * rows, up to 43 % along columns, where a halftone screen lines up (seed 1024): hence
 * the character test first. Both thresholds sit far from text's values, so that a
 * doubtful candidate stays text. */
#define FIG_TEXT_LINES   3
#define FIG_TEXT_INK     0.4f
#define FIG_LINE_CLOSE   0.5f
#define FIG_LINE_MIN_H   0.4f
#define FIG_LINE_MAX_H   3.0f
#define FIG_LINE_ASPECT  3
#define FIG_LINE_MAX_INK 0.6f

/* A fold, a dark gutter or a shadow band darkens the page from edge to edge: in the
 * thresholded gray it is a run of "not paper" over FIG_BAND_RUN of the page's height (a
 * band down the page) or width (across it). Joined to the photos it passes, it made one
 * candidate as large as the page, too sparse to be a figure, and those photos were read
 * as text (11 of 12 tuning and held-out pages with a fold and photos, seeds 1116-1403).
 * Such lines of the image are cleared before the photos are seeded: a photo the band
 * crosses is found in two parts. Photos stop at the margins: two side by side across a
 * page ran 0.63 of its width (seed 1208), and were lost at 0.6. */
#define FIG_BAND_RUN 0.95

/* Clears the columns and rows of pixt (1 bpp) that hold a page-long band (FIG_BAND_RUN).
 * Both are judged before either is cleared, so that a fold does not break a shadow
 * band's rows. Returns 0, or -1 when out of memory. */
static int clear_page_bands(PIX *pixt)
{
    int w = pixGetWidth(pixt), h = pixGetHeight(pixt);
    unsigned char *cols = calloc((size_t)w + 1, 1), *rows = calloc((size_t)h + 1, 1);
    if (!cols || !rows) {
        free(cols);
        free(rows);
        return -1;
    }
    l_int32 start, run;
    for (int x = 0; x < w; x++)
        cols[x] =
            pixFindMaxVerticalRunOnLine(pixt, x, &start, &run) == 0 && run >= FIG_BAND_RUN * h;
    for (int y = 0; y < h; y++)
        rows[y] =
            pixFindMaxHorizontalRunOnLine(pixt, y, &start, &run) == 0 && run >= FIG_BAND_RUN * w;
    for (int x = 0; x < w; x++)
        if (cols[x])
            pixRasterop(pixt, x, 0, 1, h, PIX_CLR, NULL, 0, 0);
    for (int y = 0; y < h; y++)
        if (rows[y])
            pixRasterop(pixt, 0, y, w, 1, PIX_CLR, NULL, 0, 0);
    free(cols);
    free(rows);
    return 0;
}

/* Least squares fit of z = c0 + c1 x + c2 y + c3 x^2 + c4 xy + c5 y^2 over the points
 * with use[i] set; returns 0, or -1 when singular. */
static int fit_quadratic(double c[6], const double *x, const double *y, const double *z,
                         const int *use, int n)
{
    double a[6][7] = {{0}};
    for (int i = 0; i < n; i++) {
        if (!use[i])
            continue;
        const double t[6] = {1, x[i], y[i], x[i] * x[i], x[i] * y[i], y[i] * y[i]};
        for (int r = 0; r < 6; r++) {
            for (int k = 0; k < 6; k++)
                a[r][k] += t[r] * t[k];
            a[r][6] += t[r] * z[i];
        }
    }
    for (int col = 0; col < 6; col++) {
        int piv = col;
        for (int r = col + 1; r < 6; r++)
            if (a[r][col] * a[r][col] > a[piv][col] * a[piv][col])
                piv = r;
        if (a[piv][col] < 1e-9 && a[piv][col] > -1e-9)
            return -1;
        for (int k = 0; k < 7; k++) {
            double t = a[col][k];
            a[col][k] = a[piv][k];
            a[piv][k] = t;
        }
        for (int r = 0; r < 6; r++) {
            if (r == col)
                continue;
            double f = a[r][col] / a[col][col];
            for (int k = col; k < 7; k++)
                a[r][k] -= f * a[col][k];
        }
    }
    for (int r = 0; r < 6; r++)
        c[r] = a[r][6] / a[r][r];
    return 0;
}

/* Sets in a new 1-bit image the pixels of pixs (8 bpp) darker than FIG_PAPER_FRACT of
 * the local paper (see FIG_TILE_EMS). */
static PIX *threshold_local_paper(PIX *pixs, int tile)
{
    int w = pixGetWidth(pixs), h = pixGetHeight(pixs), wpls = pixGetWpl(pixs);
    int nx = (w + tile - 1) / tile, ny = (h + tile - 1) / tile, n = nx * ny;
    double *tx = calloc((size_t)n, sizeof(double)), *ty = calloc((size_t)n, sizeof(double));
    double *tz = calloc((size_t)n, sizeof(double));
    int *use = calloc((size_t)n, sizeof(int)), *row = calloc((size_t)nx, sizeof(int));
    PIX *pixd = pixCreate(w, h, 1);
    if (!tx || !ty || !tz || !use || !row || !pixd) {
        pixDestroy(&pixd);
        goto cleanup;
    }
    l_uint32 *datas = pixGetData(pixs), *datad = pixGetData(pixd);
    int wpld = pixGetWpl(pixd);
    for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
            int hist[256] = {0}, count = 0;
            for (int y = j * tile; y < h && y < (j + 1) * tile; y++) {
                l_uint32 *line = datas + (size_t)y * wpls;
                for (int x = i * tile; x < w && x < (i + 1) * tile; x++, count++)
                    hist[GET_DATA_BYTE(line, x)]++;
            }
            int want = (int)(FIG_PAPER_RANK * (float)count), v = 0, acc = 0;
            while (v < 255 && acc + hist[v] <= want)
                acc += hist[v++];
            int k = j * nx + i;
            tx[k] = (i + 0.5) / nx;
            ty[k] = (j + 0.5) / ny;
            tz[k] = v;
            use[k] = 1;
        }
    }
    double c[6] = {0};
    int fitted = 0;
    for (int round = 0; round < FIG_FIT_ROUNDS && n >= 12; round++) {
        if (fit_quadratic(c, tx, ty, tz, use, n))
            break;
        fitted = 1;
        for (int k = 0; k < n; k++) {
            double f = c[0] + c[1] * tx[k] + c[2] * ty[k] + c[3] * tx[k] * tx[k] +
                       c[4] * tx[k] * ty[k] + c[5] * ty[k] * ty[k];
            use[k] = tz[k] >= FIG_FIT_KEEP * f;
        }
    }
    for (int y = 0; y < h; y++) {
        l_uint32 *lines = datas + (size_t)y * wpls, *lined = datad + (size_t)y * wpld;
        if (y % tile == 0) {
            double v = (y / tile + 0.5) / ny;
            for (int i = 0; i < nx; i++) {
                double u = (i + 0.5) / nx;
                double f = fitted ? c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v +
                                        c[5] * v * v
                                  : tz[(y / tile) * nx + i];
                row[i] = (int)(FIG_PAPER_FRACT * f);
            }
        }
        for (int x = 0; x < w; x++)
            if ((int)GET_DATA_BYTE(lines, x) < row[x / tile])
                SET_DATA_BIT(lined, x);
    }
cleanup:
    free(tx);
    free(ty);
    free(tz);
    free(use);
    free(row);
    return pixd;
}

/* What the confirmation of candidates measures on the whole page, made on first use:
 * the text image without its rules, and its lines of text along rows and columns. The
 * whole page is measured, not a candidate alone, so that a line cut by the candidate's
 * edge is still a line. */
typedef struct fig_page {
    PIX *pixb;      /* the text image (borrowed) */
    PIX *pixt;      /* pixb without rules (FIG_RULE_*) */
    BOXA *lines[2]; /* lines along rows (0) and columns (1), see FIG_LINE_* */
    int body;
    l_int32 *tab8;
} fig_page;

/* pixb without its rules: thin straight runs, FIG_RULE_MIN body sizes long (an opening
 * along each direction, which no character survives) and less than FIG_RULE_THICK thick
 * (what a further opening across takes away: a photo's solid areas stay). A column rule
 * next to a line of text would join the lines of the column into one blob. */
static PIX *remove_rules(PIX *pixb, int body)
{
    int len = (int)(FIG_RULE_MIN * (float)body), thick = (int)(FIG_RULE_THICK * (float)body);
    thick = thick < 2 ? 2 : thick;
    PIX *pixt = pixCopy(NULL, pixb);
    for (int vertical = 0; pixt && vertical < 2; vertical++) {
        PIX *pixr = nocr_prep_open_runs(pixb, len, vertical);
        PIX *pixs = pixr ? nocr_prep_open_runs(pixr, thick, !vertical) : NULL;
        if (pixs) {
            pixSubtract(pixr, pixr, pixs); /* the thin runs */
            pixSubtract(pixt, pixt, pixr);
        } else {
            pixDestroy(&pixt);
        }
        pixDestroy(&pixr);
        pixDestroy(&pixs);
    }
    return pixt;
}

/* The lines of text of pg->pixt along rows (vertical 0) or columns (vertical 1): blobs of
 * a closing along the line shaped as FIG_LINE_* says. NULL on failure. */
static BOXA *text_lines(const fig_page *pg, int vertical)
{
    int body = pg->body, close = (int)(FIG_LINE_CLOSE * (float)body);
    close = close < 2 ? 2 : close;
    PIX *pixl = vertical ? pixCloseBrick(NULL, pg->pixt, 1, close)
                         : pixCloseBrick(NULL, pg->pixt, close, 1);
    BOXA *boxa = pixl ? pixConnCompBB(pixl, 8) : NULL;
    pixDestroy(&pixl);
    BOXA *lines = boxa ? boxaCreate(0) : NULL;
    for (int i = 0; lines && i < boxaGetCount(boxa); i++) {
        int x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        int across = vertical ? w : h, along = vertical ? h : w;
        if ((float)across < FIG_LINE_MIN_H * (float)body ||
            (float)across > FIG_LINE_MAX_H * (float)body || along < FIG_LINE_ASPECT * across)
            continue;
        BOX *box = boxaGetBox(boxa, i, L_CLONE);
        l_int32 ink = 0;
        pixCountPixelsInRect(pg->pixt, box, &ink, pg->tab8);
        if ((float)ink <= FIG_LINE_MAX_INK * (float)w * (float)h)
            boxaAddBox(lines, box, L_COPY);
        boxDestroy(&box);
    }
    boxaDestroy(&boxa);
    return lines;
}

/* The ink of pg->pixt (rules left out) inside box, by 8-connected component cut at the
 * box: *out_chars gets that of components of character size (FIG_CHAR_*); returns all of
 * it, -1 on failure. */
static long long component_ink(long long *out_chars, const fig_page *pg, BOX *box)
{
    PIX *pixc = pixClipRectangle(pg->pixt, box, NULL);
    BOXA *boxa = NULL;
    PIXA *pixa = NULL;
    if (!pixc || !(boxa = pixConnComp(pixc, &pixa, 8))) {
        pixDestroy(&pixc);
        return -1;
    }
    long long all = 0, chars = 0;
    for (int i = 0; i < pixaGetCount(pixa); i++) {
        int w, h;
        PIX *pix = pixaGetPix(pixa, i, L_CLONE);
        l_int32 n = 0;
        pixCountPixels(pix, &n, pg->tab8);
        pixGetDimensions(pix, &w, &h, NULL);
        pixDestroy(&pix);
        int longest = w > h ? w : h;
        all += n;
        if ((float)longest >= FIG_CHAR_MIN * (float)pg->body &&
            (float)longest <= FIG_CHAR_MAX * (float)pg->body)
            chars += n;
    }
    boxaDestroy(&boxa);
    pixaDestroy(&pixa);
    pixDestroy(&pixc);
    *out_chars = chars;
    return all;
}

/* Whether the ink inside box is set in lines (FIG_TEXT_LINES lines holding FIG_TEXT_INK
 * of `ink`) along rows or columns: 1 yes, 0 no, -1 on failure. */
static int set_in_lines(fig_page *pg, BOX *box, long long ink)
{
    for (int vertical = 0; vertical < 2; vertical++) {
        if (!pg->lines[vertical] && !(pg->lines[vertical] = text_lines(pg, vertical)))
            return -1;
        int nlines = 0;
        long long in_lines = 0; /* the ink of the lines inside the box */
        for (int i = 0; i < boxaGetCount(pg->lines[vertical]); i++) {
            BOX *line = boxaGetBox(pg->lines[vertical], i, L_CLONE), *part = NULL;
            if (line && (part = boxOverlapRegion(line, box))) {
                l_int32 n = 0;
                pixCountPixelsInRect(pg->pixt, part, &n, pg->tab8);
                in_lines += n;
                nlines++;
            }
            boxDestroy(&part);
            boxDestroy(&line);
        }
        if (nlines >= FIG_TEXT_LINES && (double)in_lines >= FIG_TEXT_INK * (double)ink)
            return 1;
    }
    return 0;
}

/* Whether the candidate fig (working pixels) is a figure: 1 yes, 0 no (empty, rules left
 * out: FIG_MIN_INK; or text: characters, FIG_TEXT_CHARS, set in lines, FIG_TEXT_LINES),
 * -1 on failure. */
static int figure_confirmed(fig_page *pg, nocr_box fig)
{
    if (!pg->pixb)
        return 1;
    if (!pg->pixt && !(pg->pixt = remove_rules(pg->pixb, pg->body)))
        return -1;
    BOX *box = boxCreate(fig.x, fig.y, fig.w, fig.h);
    if (!box)
        return -1;
    long long chars = 0, ink = component_ink(&chars, pg, box);
    int rc = 1;
    if (ink < 0) {
        rc = -1;
    } else if ((double)ink < FIG_MIN_INK * (double)fig.w * fig.h) {
        rc = 0;
    } else if ((double)chars >= FIG_TEXT_CHARS * (double)ink) {
        int text = set_in_lines(pg, box, ink);
        rc = text < 0 ? -1 : !text;
    }
    boxDestroy(&box);
    return rc;
}

/* A caption set close under (or over, or beside) its photo, blurred, joins the photo's
 * candidate in the reduced mask, and its line was cleared with the photo (tuning seed
 * 20270101418: the first of a caption's two lines, a fifth of a body size under the photo,
 * was lost). So each edge of a figure is trimmed of lines of text, one at a time from the
 * edge in: a run of inked rows (or columns) between blank ones, FIG_TRIM_CHAR_MIN to
 * FIG_TRIM_LINE body sizes across, all of whose components are characters (at most
 * FIG_TRIM_LINE long), FIG_TRIM_CHARS or more at least FIG_TRIM_CHAR_MIN across, spanning
 * FIG_TRIM_SPAN body sizes along the line, and FIG_TRIM_GAP body sizes of blank rows
 * inward of it. A row is blank under FIG_TRIM_BLANK of the box's width (a speck of
 * noise). A photo's edge, halftone or solid, is no such line: it runs on without blank
 * rows, or its rows of dots, blurred into strips, are a fifth of a body size high (tuning
 * seed 20261230259: with FIG_TRIM_CHAR_MIN at 0.3, the foot of a photo was cut off as
 * text, and its caption was read with it as junk). What is left is not confirmed again:
 * without the caption's line, the rows of a photo's ovals measured as text, and the photo
 * was lost (seed 418). */
#define FIG_TRIM_LINE     1.5f
#define FIG_TRIM_CHARS    3
#define FIG_TRIM_CHAR_MIN 0.5f
#define FIG_TRIM_SPAN     2.0f
#define FIG_TRIM_BLANK    0.01f
#define FIG_TRIM_GAP      0.1f

/* Whether rows (vertical 0; columns: 1) [lo, hi) of the clip are a line of text as
 * FIG_TRIM_* says, by the components of boxa that reach into them. */
static int text_line_at(BOXA *boxa, int vertical, int lo, int hi, int body)
{
    if ((float)(hi - lo) > FIG_TRIM_LINE * (float)body ||
        (float)(hi - lo) < FIG_TRIM_CHAR_MIN * (float)body)
        return 0;
    int chars = 0, span = 0;
    for (int i = 0; i < boxaGetCount(boxa); i++) {
        int bx, by, bw, bh;
        boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
        int a0 = vertical ? bx : by, a1 = a0 + (vertical ? bw : bh);
        if (a1 <= lo || a0 >= hi)
            continue;
        if ((float)(bw > bh ? bw : bh) > FIG_TRIM_LINE * (float)body)
            return 0;
        if ((float)(a1 - a0) >= FIG_TRIM_CHAR_MIN * (float)body) {
            chars++;
            span += vertical ? bh : bw;
        }
    }
    return chars >= FIG_TRIM_CHARS && (float)span >= FIG_TRIM_SPAN * (float)body;
}

/* The first index from i on, in direction step (1 or -1), past the run of inked rows
 * (inked 1: ink[] at least blank) or of blank ones (inked 0) from i, or where [0, len)
 * ends. */
static int run_end(const l_int32 *ink, int len, int i, int step, float blank, int inked)
{
    while (i >= 0 && i < len && ((float)ink[i] >= blank) == inked)
        i += step;
    return i;
}

/* Trims fig (working pixels) of lines of text at its four edges (FIG_TRIM_*). Each side
 * is looked at in a clip of the box's span across it and one body size more along it, so
 * that a line the box cuts through is seen whole. Returns 0, or -1 on failure. */
static int trim_text_edges(fig_page *pg, nocr_box *fig)
{
    int body = pg->body, pw = pixGetWidth(pg->pixt), ph = pixGetHeight(pg->pixt);
    nocr_box keep = *fig;
    for (int side = 0; side < 4; side++) {
        int vertical = side >= 2, from_end = side & 1, step = from_end ? -1 : 1;
        int k0 = vertical ? keep.x : keep.y, k1 = k0 + (vertical ? keep.w : keep.h);
        int p0 = k0 - body > 0 ? k0 - body : 0, p1 = k1 + body;
        p1 = p1 < (vertical ? pw : ph) ? p1 : (vertical ? pw : ph);
        BOX *box = vertical ? boxCreate(p0, keep.y, p1 - p0, keep.h)
                            : boxCreate(keep.x, p0, keep.w, p1 - p0);
        PIX *pixc = box ? pixClipRectangle(pg->pixt, box, NULL) : NULL;
        boxDestroy(&box);
        NUMA *prof = !pixc      ? NULL
                     : vertical ? pixCountPixelsByColumn(pixc)
                                : pixCountPixelsByRow(pixc, pg->tab8);
        BOXA *boxa = prof ? pixConnCompBB(pixc, 8) : NULL;
        pixDestroy(&pixc);
        l_int32 *ink = boxa ? numaGetIArray(prof) : NULL;
        numaDestroy(&prof);
        if (!ink) {
            boxaDestroy(&boxa);
            return -1;
        }
        int len = p1 - p0, cut = from_end ? k1 - p0 : k0 - p0; /* the box's edge */
        float blank = FIG_TRIM_BLANK * (float)(vertical ? keep.h : keep.w);
        for (;;) {
            /* the outer and inner ends of the run nearest the edge, inward of it */
            int outer = from_end ? cut - 1 : cut, i = run_end(ink, len, outer, step, blank, 0);
            if (i == outer) { /* the edge cuts through it: out to where it ends */
                int end = run_end(ink, len, outer, -step, blank, 1);
                if (end < 0 || end >= len)
                    break; /* past the clip: not seen whole */
                outer = end + step;
            } else {
                outer = i;
            }
            int inner = run_end(ink, len, i, step, blank, 1);
            int gap = run_end(ink, len, inner, step, blank, 0);
            if (inner < 0 || inner >= len || (float)abs(gap - inner) < FIG_TRIM_GAP * (float)body)
                break; /* no blank row before the clip's end, or too few: the photo */
            int lo = from_end ? inner + 1 : outer, hi = from_end ? outer + 1 : inner;
            /* the photo keeps at least a body size */
            int left = from_end ? lo - (k0 - p0) : (k1 - p0) - hi;
            if (left < body || !text_line_at(boxa, vertical, lo, hi, body))
                break;
            cut = from_end ? lo : hi;
        }
        lept_free(ink);
        boxaDestroy(&boxa);
        if (from_end)
            *(vertical ? &keep.w : &keep.h) = cut + p0 - k0;
        else {
            *(vertical ? &keep.x : &keep.y) = cut + p0;
            *(vertical ? &keep.w : &keep.h) = k1 - (cut + p0);
        }
    }
    *fig = keep;
    return 0;
}

/*
 * nocr_prep_figures: the working gray is reduced by area mapping until body text is
 * FIG_EM_PX high and smoothed 3x3 (pixBlockconv), which turns a halftone screen (period
 * about 0.1 em, 2 px here) into flat tone; every pixel darker than FIG_PAPER_FRACT of
 * the local paper (FIG_TILE_EMS: uneven lighting) is set, but for bands from edge to edge
 * (clear_page_bands: a fold). A photo is then a solid field, text stays strokes and lines
 * apart. Leptonica pixGenerateHalftoneMask (seeds: solid 4x4 blocks after
 * two rank-4 2x reductions, opened 5x5, that is solid areas one body size across, which no
 * character or line has; filled into the image closed 4x4, so the whole picture joins its seed)
 * gives the mask. Each 8-connected component of it at least FIG_MIN_EMS body sizes long,
 * FIG_MIN_SIDE_EMS across, and filling FIG_MIN_FILL of its box is a figure; its box is scaled
 * back. The gray before background normalization is used: normalization takes the light tones of a
 * photo for paper (and Sauvola's binary loses them too). Each figure is then confirmed on pixb,
 * the text image (figure_confirmed): not empty, not lines of text.
 */
int nocr_prep_figures(nocr_box **out, size_t *out_n, PIX *pixg, PIX *pixb, int body_size)
{
    int body = body_size > 0 ? body_size : NOCR_PREP_TARGET_BODY;
    *out = NULL;
    *out_n = 0;
    float f = (float)FIG_EM_PX / (float)body;
    f = f > 1.0f ? 1.0f : f;
    if ((float)pixGetWidth(pixg) * f < 128 || (float)pixGetHeight(pixg) * f < 128)
        return 0;
    PIX *pixr = f < 1.0f ? pixScaleAreaMap(pixg, f, f) : pixClone(pixg);
    PIX *pixm = pixr ? pixBlockconv(pixr, 1, 1) : NULL;
    pixDestroy(&pixr);
    if (!pixm)
        return -1;
    PIX *pixt = threshold_local_paper(pixm, FIG_TILE_EMS * FIG_EM_PX);
    pixDestroy(&pixm);
    if (!pixt)
        return -1;
    if (clear_page_bands(pixt)) {
        pixDestroy(&pixt);
        return -1;
    }
    l_int32 found = 0;
    PIX *mask = pixGenerateHalftoneMask(pixt, NULL, &found, NULL);
    pixDestroy(&pixt);
    if (!mask)
        return 0; /* nothing to seed from: no figure */
    /* Rules and text touching a photo were filled with it: an opening by one body size
     * cuts them off. */
    if (found)
        pixOpenBrick(mask, mask, FIG_EM_PX, FIG_EM_PX);
    BOXA *boxa = found ? pixConnCompBB(mask, 8) : NULL;
    int n = boxa ? boxaGetCount(boxa) : 0;
    nocr_box *figs = n ? calloc((size_t)n, sizeof(*figs)) : NULL;
    l_int32 *tab8 = n ? makePixelSumTab8() : NULL;
    fig_page pg = {pixb, NULL, {NULL, NULL}, body, tab8};
    size_t nfig = 0;
    int rc = 0;
    if (n && (!figs || !tab8)) {
        boxaDestroy(&boxa);
        pixDestroy(&mask);
        free(figs);
        free(tab8);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        int x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        int lo = w < h ? w : h, hi = w < h ? h : w;
        if ((float)lo < FIG_MIN_SIDE_EMS * body * f || (float)hi < FIG_MIN_EMS * body * f)
            continue;
        BOX *box = boxaGetBox(boxa, i, L_CLONE);
        l_int32 count = 0;
        pixCountPixelsInRect(mask, box, &count, NULL);
        boxDestroy(&box);
        if ((float)count < FIG_MIN_FILL * (float)w * (float)h)
            continue;
        nocr_box fig = {(int)(x / f), (int)(y / f), (int)((x + w) / f + 0.5f) - (int)(x / f),
                        (int)((y + h) / f + 0.5f) - (int)(y / f)};
        int ok = figure_confirmed(&pg, fig);
        if (ok > 0 && pg.pixt && trim_text_edges(&pg, &fig))
            ok = -1;
        if (ok < 0) {
            rc = -1;
            break;
        }
        if (ok)
            figs[nfig++] = fig;
    }
    boxaDestroy(&boxa);
    pixDestroy(&mask);
    free(tab8);
    pixDestroy(&pg.pixt);
    boxaDestroy(&pg.lines[0]);
    boxaDestroy(&pg.lines[1]);
    if (rc) {
        free(figs);
        return -1;
    }
    if (!nfig) {
        free(figs);
        figs = NULL;
    }
    *out = figs;
    *out_n = nfig;
    return 0;
}
