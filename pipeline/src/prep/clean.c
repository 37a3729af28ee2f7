/*
 * prep_clean.c - what a scanner adds: dark borders and page edges, speckles.
 *
 *   nocr_prep_border        dark margins and edge-connected dark blobs whitened
 *   nocr_prep_despeckle     specks removed
 *   nocr_prep_streaks       lines drawn across the text (a fold's crease, a scratch) removed
 */
#include "prep/prep.h"

/* A column (row) of the 1/4 gray belongs to a dark border when more than BORDER_FRACT of
 * its pixels are darker than half the paper's gray (rank 0.75 of the page); a border is
 * at most BORDER_MAX of the width (height). */
#define BORDER_FRACT 0.4f
#define BORDER_MAX   0.2f
/* A component touching the image edge and larger than this many body sizes in either
 * direction is a border, a sheet edge or its shadow: no character is that large and
 * touches the edge. */
#define EDGE_BLOB_EMS 2
/* Within EDGE_BAND_EMS body sizes of the image edge, a component that stays in the band
 * and is longer than EDGE_BLOB_EMS body sizes along it is an edge remnant. */
#define EDGE_BAND_EMS 1
/* A speck: a component at most body_size / SPECK_DIV wide and high (3 px at 40 px text;
 * the smallest CJK punctuation, the dot of 、, is about 0.2 em). */
#define SPECK_DIV 12
/* A streak: a straight run of ink, one pixel thick or more, level or upright, at least
 * STREAK_EMS body sizes long and at least 1/STREAK_PAGE_DIV of the page's side. No stroke
 * of a character is longer than about one em, a dash ("——") two; the page share keeps
 * the test safe when the body size is misread (a vertical page measured on its columns:
 * seed 1105, where 3 body sizes were shorter than a digit's stroke) and where strokes of
 * touching characters line up (the centre strokes of a vertical column). The printed rules
 * that stand alone are gone already (prep_rules.c). */
#define STREAK_EMS      3
#define STREAK_PAGE_DIV 8
/* A streak that leans or wavers (a crease is seldom straight, and deskew leaves a few
 * tenths of a degree) stays within STREAK_SLACK pixels across over a streak's length: 0.9
 * degrees over 600 px. Of the ink along it, what is thinner across than 1/STREAK_THICK_DIV
 * body size is the streak (a crease binarizes 1-8 px thick at 40 px text); the strokes of
 * the characters it crosses, which run on past it on both sides, stay. Measured on tuning
 * seeds 20261216300-359 and 20261216500-529 (5 pages with a fold among the 30 of the
 * second: mean CER 0.207 -> 0.203, order-free error 0.032 -> 0.029; 20261216505, a crease
 * through four columns, 0.75 -> 0.59), vertical pages 20261215100-129 unchanged. A
 * quarter, not an eighth, since tuning seed 20261225223 (a fold down a column at 160 dpi,
 * 7 px wide on the working image: it stayed, and the lines it crossed were read as
 * headlines; tuning 20261225200-239 mean CER 0.1783 -> 0.1735, 20261224200-239 0.1697 ->
 * 0.1699, vertical pages 20261224100-129 unchanged). */
#define STREAK_SLACK     9
#define STREAK_THICK_DIV 4
/* A streak's soft edge in the gray, beyond what binarized: pixels on each side. */
#define STREAK_GRAY_EDGE 2

static void clear_rect(PIX *pix, int x, int y, int w, int h)
{
    if (w <= 0 || h <= 0)
        return;
    BOX *box = boxCreate(x, y, w, h);
    if (box)
        pixClearInRect(pix, box);
    boxDestroy(&box);
}

static int line_is_dark(PIX *pix, int pos, int vertical, l_uint32 dark)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix);
    int n = vertical ? h : w, count = 0;
    for (int i = 0; i < n; i++) {
        l_uint32 v;
        pixGetPixel(pix, vertical ? pos : i, vertical ? i : pos, &v);
        count += v < dark;
    }
    return (float)count > BORDER_FRACT * (float)n;
}

/* Width of the dark margin from one side, in pixels of pix; side 0..3 = left, right,
 * top, bottom. */
static int margin_width(PIX *pix, int side, l_uint32 dark)
{
    int vertical = side < 2; /* columns for left/right */
    int n = vertical ? pixGetWidth(pix) : pixGetHeight(pix);
    int limit = (int)(BORDER_MAX * (float)n), k = 0;
    while (k < limit) {
        int pos = (side == 0 || side == 2) ? k : n - 1 - k;
        if (!line_is_dark(pix, pos, vertical, dark))
            break;
        k++;
    }
    return k;
}

/* Clears, in the strip of pixb at (x, y, w, h) along an image edge, the components that
 * stay inside the strip (do not reach its inner side) and are at least `len` long along
 * it: remnants of a sheet edge or of the border's outline. side 0..3 = left, right, top,
 * bottom. */
static int clear_edge_strip(PIX *pixb, int x, int y, int w, int h, int side, int len)
{
    BOX *clip = boxCreate(x, y, w, h);
    PIX *strip = clip ? pixClipRectangle(pixb, clip, NULL) : NULL;
    boxDestroy(&clip);
    BOXA *boxa = strip ? pixConnCompBB(strip, 8) : NULL;
    pixDestroy(&strip);
    if (!boxa)
        return -1;
    for (int i = 0; i < boxaGetCount(boxa); i++) {
        int bx, by, bw, bh;
        boxaGetBoxGeometry(boxa, i, &bx, &by, &bw, &bh);
        int vertical = side < 2;
        int inner = side == 0   ? bx + bw >= w
                    : side == 1 ? bx <= 0
                    : side == 2 ? by + bh >= h
                                : by <= 0;
        if (inner || (vertical ? bh : bw) < len)
            continue;
        pixRasterop(pixb, x + bx, y + by, bw, bh, PIX_CLR, NULL, 0, 0);
    }
    boxaDestroy(&boxa);
    return 0;
}

/*
 * nocr_prep_border: on pixg reduced 4x (area map), the paper gray is its rank 0.75 and
 * "dark" below half of it; from each side, the run of columns (rows) more than
 * BORDER_FRACT dark, up to BORDER_MAX of the page, is the scanner's border, whitened in
 * pixb with a margin of a quarter body size. Then what is left of it (a slanted edge after
 * deskew, the sheet-edge shadow, its binarization outline): components of pixb touching
 * the image edge and larger than EDGE_BLOB_EMS body sizes are removed, and so are long
 * thin remnants lying within EDGE_BAND_EMS body sizes of the edge (clear_edge_strip).
 */
int nocr_prep_border(PIX *pixb, PIX *pixg, int body_size)
{
    int w = pixGetWidth(pixb), h = pixGetHeight(pixb);
    int body = body_size > 0 ? body_size : NOCR_PREP_TARGET_BODY;
    PIX *pixr = pixScaleAreaMap(pixg, 0.25f, 0.25f);
    if (!pixr)
        return -1;
    l_uint32 paper = 255;
    pixGetRankValue(pixr, 1, 0.75f, &paper);
    l_uint32 dark = paper / 2;
    double f = (double)w / pixGetWidth(pixr), g = (double)h / pixGetHeight(pixr);
    int m[4];
    for (int side = 0; side < 4; side++)
        m[side] = margin_width(pixr, side, dark);
    pixDestroy(&pixr);
    int pad = body / 4;
    if (m[0])
        clear_rect(pixb, 0, 0, (int)(m[0] * f) + pad, h);
    if (m[1])
        clear_rect(pixb, w - (int)(m[1] * f) - pad, 0, (int)(m[1] * f) + pad, h);
    if (m[2])
        clear_rect(pixb, 0, 0, w, (int)(m[2] * g) + pad);
    if (m[3])
        clear_rect(pixb, 0, h - (int)(m[3] * g) - pad, w, (int)(m[3] * g) + pad);

    PIX *inner = pixRemoveBorderConnComps(pixb, 8);
    if (!inner)
        return -1;
    PIX *edge = pixSubtract(NULL, pixb, inner);
    pixDestroy(&inner);
    PIX *big = edge ? pixSelectBySize(edge, EDGE_BLOB_EMS * body, EDGE_BLOB_EMS * body, 8,
                                      L_SELECT_IF_EITHER, L_SELECT_IF_GT, NULL)
                    : NULL;
    pixDestroy(&edge);
    if (!big)
        return -1;
    pixSubtract(pixb, pixb, big);
    pixDestroy(&big);

    /* What the deskew tilted away from the edge: long thin remnants in the outer band. */
    int band = EDGE_BAND_EMS * body, len = EDGE_BLOB_EMS * body;
    if (w > 4 * band && h > 4 * band &&
        (clear_edge_strip(pixb, 0, 0, band, h, 0, len) ||
         clear_edge_strip(pixb, w - band, 0, band, h, 1, len) ||
         clear_edge_strip(pixb, 0, 0, w, band, 2, len) ||
         clear_edge_strip(pixb, 0, h - band, w, band, 3, len)))
        return -1;
    return 0;
}

/*
 * nocr_prep_despeckle: pixSelectBySize keeps the 8-connected components wider or higher
 * than body_size / SPECK_DIV (at least 1 px); the rest, sensor noise and dust, goes.
 */
int nocr_prep_despeckle(PIX *pixb, int body_size)
{
    int body = body_size > 0 ? body_size : NOCR_PREP_TARGET_BODY;
    int s = body / SPECK_DIV > 1 ? body / SPECK_DIV : 1;
    PIX *pixk = pixSelectBySize(pixb, s, s, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, NULL);
    if (!pixk)
        return -1;
    pixCopy(pixb, pixk);
    pixDestroy(&pixk);
    return 0;
}

/* The straight runs of `found` (pixb before the rules were taken) of which at least half
 * is still in pixb: a fold's crease, cut only where a rule crossed it, whole again; a rule
 * taken out already is none. NULL when out of memory. */
static PIX *still_there(PIX *found, PIX *pixb)
{
    PIXA *pixa = NULL;
    BOXA *boxa = pixConnComp(found, &pixa, 8);
    PIX *kept = boxa ? pixCreateTemplate(found) : NULL;
    l_int32 *tab8 = makePixelSumTab8();
    for (int i = 0, n = kept && tab8 ? boxaGetCount(boxa) : 0; i < n; i++) {
        l_int32 x, y, w, h, all = 0, left = 0;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        PIX *c = pixaGetPix(pixa, i, L_CLONE);
        PIX *in = c ? pixCopy(NULL, c) : NULL;
        if (!in) { /* out of memory: no half answer */
            pixDestroy(&c);
            pixDestroy(&kept);
            break;
        }
        pixRasterop(in, 0, 0, w, h, PIX_SRC & PIX_DST, pixb, x, y);
        pixCountPixels(c, &all, tab8);
        pixCountPixels(in, &left, tab8);
        if (2 * left >= all)
            pixRasterop(kept, x, y, w, h, PIX_SRC | PIX_DST, c, 0, 0);
        pixDestroy(&in);
        pixDestroy(&c);
    }
    if (!tab8)
        pixDestroy(&kept);
    LEPT_FREE(tab8);
    boxaDestroy(&boxa);
    pixaDestroy(&pixa);
    return kept;
}

/* Takes out of pixb the streaks that touch other ink (the characters a crease crosses),
 * with the rest of their line: the pieces of one streak, gaps of up to a body size between
 * them along it (a faint crease binarizes broken), go together. A streak that touches
 * nothing is a rule the rule finder missed, in a gutter, and parts columns as it is
 * (tuning seed 20261216513: taking out a broken column rule put two columns in one). */
static int remove_joined(PIX *pixb, PIX *streaks, int vertical, int body)
{
    PIX *joined = pixSeedfillBinary(NULL, streaks, pixb, 8);
    PIX *near = pixDilateBrick(NULL, streaks, 3, 3);
    PIX *chain = pixDilateBrick(NULL, streaks, vertical ? 3 : body, vertical ? body : 3);
    int rc = -1;
    if (joined && near && chain) {
        pixSubtract(joined, joined, streaks);
        pixAnd(near, near, joined); /* where a streak touches other ink */
        pixOr(chain, chain, near);
        PIX *cut = pixSeedfillBinary(NULL, near, chain, 8);
        if (cut) {
            pixAnd(cut, cut, streaks);
            pixSubtract(pixb, pixb, cut);
            rc = 0;
        }
        pixDestroy(&cut);
    }
    pixDestroy(&joined);
    pixDestroy(&near);
    pixDestroy(&chain);
    return rc;
}

/* Paints the streaks just taken out of the text image (`gone`, pixels of pixg) out of the
 * gray as well, with the paper around them: the gray closed across the streak, by a brick
 * wider than the thickest streak, under the streak widened by STREAK_GRAY_EDGE pixels on
 * each side (its soft edge in the gray). Tesseract's layout analysis of a Latin page reads
 * the gray, and took a crease down the page for a column rule: every column, headline and
 * byline it crossed was cut in two (Latin tuning seed 20261226322, CER 0.27 against plain
 * tesseract's 0.18; now 0.09). Measured, mean CER: Latin tuning seeds 20261226300-323
 * 0.160 -> 0.146 (4 pages better, none worse), held out 20261226330-353 0.156 -> 0.152 (1
 * better, 0.20 -> 0.10); mixed 20261225200-239 0.1735 -> 0.1745 (one Latin page, whose
 * Tesseract layout came out otherwise: 0.46 -> 0.50); vertical 20261224100-129 unchanged.
 * Returns 0, or -1 on failure. */
static int streaks_out_of_gray(PIX *pixg, PIX *gone, int vertical, int thick)
{
    l_int32 empty = 1;
    if (pixZero(gone, &empty) || empty)
        return 0;
    int across = 2 * (thick + STREAK_GRAY_EDGE) + 1, edge = 2 * STREAK_GRAY_EDGE + 1;
    PIX *mask = pixDilateBrick(NULL, gone, vertical ? edge : 1, vertical ? 1 : edge);
    BOXA *boxa = mask ? pixConnCompBB(mask, 8) : NULL;
    int rc = boxa ? 0 : -1;
    /* The closing is by a brick one pixel thick along the streak, so the gray around a
     * piece of the mask decides it: each piece is closed within its box, widened across by
     * the brick's length (what the closing at its edge reads), as the whole page would
     * be. A piece already painted leaves the closing of the next unchanged (a closing is
     * idempotent and the paint lies between the gray and its closing). */
    for (int i = 0; !rc && i < boxaGetCount(boxa); i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        BOX *box = vertical ? boxCreate(x - across, y, w + 2 * across, h)
                            : boxCreate(x, y - across, w, h + 2 * across);
        BOX *clipped = NULL;
        PIX *gray = box ? pixClipRectangle(pixg, box, &clipped) : NULL;
        PIX *part = gray ? pixClipRectangle(mask, clipped, NULL) : NULL;
        PIX *paper =
            part ? pixCloseGray(gray, vertical ? across : 1, vertical ? 1 : across) : NULL;
        l_int32 cx = 0, cy = 0, cw = 0, ch = 0;
        if (clipped)
            boxGetGeometry(clipped, &cx, &cy, &cw, &ch);
        if (!paper || pixCombineMasked(gray, paper, part) ||
            pixRasterop(pixg, cx, cy, cw, ch, PIX_SRC, gray, 0, 0))
            rc = -1;
        boxDestroy(&box);
        boxDestroy(&clipped);
        pixDestroy(&gray);
        pixDestroy(&part);
        pixDestroy(&paper);
    }
    boxaDestroy(&boxa);
    pixDestroy(&mask);
    return rc;
}

/*
 * nocr_prep_streaks: what the rules leave, lines that run through text: the crease of a
 * fold, a scratch, a rule printed against the lines. In the text image such a line joins
 * the characters it crosses, and the layout then reads the columns it crosses as one
 * (seed 1116, a fold across a 4-column page: one region four columns wide, CER 0.61).
 * Each row (column) of pixb is opened by a 1-pixel-thick brick as long as a streak (see
 * STREAK_EMS); what remains is a straight streak. A level one is subtracted from pixb. The
 * upright ones, and those that lean or waver (pixb widened by STREAK_SLACK across, then
 * opened; the thin ink under what remains), go only where they touch characters
 * (remove_joined): a column rule in a gutter parts columns as it is. A character the line
 * crossed loses the thin ink under it, in the layout and in recognition (which reads this
 * image): less harm than the line, which Tesseract reads as 一 or as noise over the row.
 * The straight streaks of both directions are found on pixf, the image before the rules
 * and either direction's streaks were taken, and kept where at least half of one is
 * still there (still_there: not a rule taken already); they bridge the gaps those cut in
 * pixb for the wavering ones. Where a rule or a level streak crossed a fold's crease,
 * taking it out first cut the crease into pieces shorter than a streak, which stayed and
 * joined the lines they crossed (mixed seed 20270108073: a crease down the middle column,
 * cut at the rules of the tiers, left pieces of 640 and 345 px through the lines, read in
 * pieces of half lines; CER 0.19 -> 0.05, plain tesseract 0.17).
 */
int nocr_prep_streaks(PIX *pixb, PIX *pixf, PIX *pixg, int body_size)
{
    int body = body_size > 0 ? body_size : NOCR_PREP_TARGET_BODY;
    int thick = body / STREAK_THICK_DIV > 2 ? body / STREAK_THICK_DIV : 2;
    int rc = 0;
    for (int vertical = 0; !rc && vertical < 2; vertical++) {
        int side = vertical ? pixGetHeight(pixb) : pixGetWidth(pixb);
        int len = side / STREAK_PAGE_DIV > STREAK_EMS * body ? side / STREAK_PAGE_DIV
                                                             : STREAK_EMS * body;
        if (len >= side)
            continue;
        PIX *before = pixg ? pixCopy(NULL, pixb) : NULL;
        if (pixg && !before) {
            rc = -1;
            break;
        }
        /* pixOpenCompBrick's opening (by f1 * f2 pixels, its composite of len), from runs:
         * the same image (prep_runs.c), a third of the time */
        l_int32 f1 = len, f2 = 1;
        selectComposableSizes(len, &f1, &f2);
        PIX *found = nocr_prep_open_runs(pixf, f1 * f2, vertical);
        PIX *straight = found ? still_there(found, pixb) : NULL;
        PIX *bridged = straight ? pixOr(NULL, pixb, straight) : NULL;
        if (straight)
            pixAnd(straight, straight, pixb);
        PIX *wide = bridged ? pixDilateBrick(NULL, bridged, vertical ? STREAK_SLACK : 1,
                                             vertical ? 1 : STREAK_SLACK)
                            : NULL;
        PIX *runs = wide ? nocr_prep_open_runs(wide, f1 * f2, vertical) : NULL;
        /* A level streak goes first, so that what is left of a thick one, the edges that
         * waver, is thin (tuning seed 20261225200: a crease 6 px thick, its straight core
         * gone, left two broken lines along the text, which joined the columns' lines) */
        if (straight && !vertical)
            pixSubtract(pixb, pixb, straight);
        PIX *broad = runs ? nocr_prep_open_runs(pixb, thick + 1, !vertical) : NULL;
        rc = -1;
        if (straight && broad) {
            /* the leaning, wavering and broken ones too, within STREAK_SLACK pixels
             * across: the thin ink along them (the strokes they cross stay) */
            pixAnd(runs, runs, pixb);
            pixSubtract(runs, runs, broad);
            if (vertical)
                pixOr(runs, runs, straight);
            rc = remove_joined(pixb, runs, vertical, body);
        }
        pixDestroy(&found);
        pixDestroy(&straight);
        pixDestroy(&bridged);
        pixDestroy(&wide);
        pixDestroy(&runs);
        pixDestroy(&broad);
        if (!rc && before) {
            pixSubtract(before, before, pixb);
            rc = streaks_out_of_gray(pixg, before, vertical, thick);
        }
        pixDestroy(&before);
    }
    return rc ? -1 : 0;
}
