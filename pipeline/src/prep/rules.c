/*
 * prep_rules.c - printed rules (separators).
 *
 *   nocr_prep_rules
 *   solid_drifting     a rule whose box its residual skew widened
 */
#include "prep/prep.h"

#include <stdlib.h>

/* A rule is a straight run at least RULE_MIN_EMS body sizes long (no character stroke is
 * longer than one em, and characters are apart) and at most body / RULE_MAX_THICK_DIV
 * thick (a thick folio rule is about 0.1 em; a text line is 1 em). */
#define RULE_MIN_EMS       3
#define RULE_MAX_THICK_DIV 4
/* See rule_stands_alone. */
#define RULE_BAND_DIV 4
#define RULE_BAND_MAX 0.08f
/* Rules are found on a binarization this loose (Sauvola's k; the text image's is 0.34). */
#define RULE_SAUVOLA_K 0.15f
/* Pixels around a rule's box cleared with it (ragged edges of the print). */
#define RULE_ERASE_MARGIN 2
/* See rules_merge. */
#define RULE_MERGE_GAP_EMS 3
#define RULE_MERGE_ACROSS  8

/* Density of ON pixels of pix in a rectangle (clipped); 0 when empty. */
static float rect_density(PIX *pix, int x, int y, int w, int h)
{
    int W = pixGetWidth(pix), H = pixGetHeight(pix);
    int x0 = x < 0 ? 0 : x, y0 = y < 0 ? 0 : y;
    int x1 = x + w > W ? W : x + w, y1 = y + h > H ? H : y + h;
    if (x1 <= x0 || y1 <= y0)
        return 0.0f;
    BOX *box = boxCreate(x0, y0, x1 - x0, y1 - y0);
    l_int32 count = 0;
    if (box)
        pixCountPixelsInRect(pix, box, &count, NULL);
    boxDestroy(&box);
    return (float)count / ((float)(x1 - x0) * (float)(y1 - y0));
}

/* A rule stands alone: the bands of RULE_BAND_DIV-th of a body size on both sides of it
 * are nearly empty (less than RULE_BAND_MAX ink). The strokes of a line of characters that
 * line up into a long run have the rest of their characters beside them. */
static int rule_stands_alone(PIX *pix, int x, int y, int w, int h, int body, int vertical)
{
    int band = body / RULE_BAND_DIV > 2 ? body / RULE_BAND_DIV : 2, m = 2;
    float a, b;
    if (vertical) {
        a = rect_density(pix, x - m - band, y, band, h);
        b = rect_density(pix, x + w + m, y, band, h);
    } else {
        a = rect_density(pix, x, y - m - band, w, band);
        b = rect_density(pix, x, y + h + m, w, band);
    }
    return a < RULE_BAND_MAX && b < RULE_BAND_MAX;
}

/* A rule whose box is up to twice as thick as a rule may be (RULE_MAX_THICK_DIV) is one
 * when it is a rule a fraction of a degree off level after deskewing: a box wider than
 * the rule by its drift (vertical seed 20261206026, 180 dpi, blur: column rules 4 px thick
 * at half size in boxes 6 px wide, over a limit of 5, were not found, and the remains of
 * their ragged edges among the columns made them look like headings: CER 0.81, 0.22 with
 * the rules found). Such a rule is thin for its length (its ink in the joined image over
 * its length, at most `thick`) and unbroken: ink in at least SOLID_ALONG of the rows (or
 * columns) along it, where the strokes of a column of characters that line up leave the
 * white between the characters (vertical seed 20261205128: such a run, thin for its
 * length but broken, was erased as a rule with its column). */
#define SOLID_ALONG 0.97
static int solid_drifting(PIX *pixf, PIX *pixc, int x, int y, int w, int h, int thick,
                          int vertical, l_int32 *tab8)
{
    BOX *b = boxCreate(x, y, w, h);
    l_int32 ink = 0;
    PIX *pixr = b ? pixClipRectangle(pixf, b, NULL) : NULL;
    if (b)
        pixCountPixelsInRect(pixc, b, &ink, tab8);
    boxDestroy(&b);
    NUMA *na =
        pixr ? (vertical ? pixCountPixelsByRow(pixr, tab8) : pixCountPixelsByColumn(pixr)) : NULL;
    pixDestroy(&pixr);
    int along = vertical ? h : w, inked = 0;
    for (int i = 0, n = na ? numaGetCount(na) : 0; i < n; i++) {
        l_float32 v = 0;
        numaGetFValue(na, i, &v);
        inked += v > 0;
    }
    numaDestroy(&na);
    return ink <= (l_int32)thick * along && inked >= SOLID_ALONG * along;
}

static int add_rule(nocr_rule **rules, size_t *n, size_t *cap, nocr_box box, int vertical)
{
    if (*n == *cap && NOCR_ARRAY_GROW(*rules, *cap, *n + 1))
        return -1;
    (*rules)[*n].box = box;
    (*rules)[*n].vertical = vertical;
    (*n)++;
    return 0;
}

/* Finds the rules of one direction in pixf (reduced `red` times) into rules, in working
 * pixels. */
static int rules_one_direction(nocr_rule **rules, size_t *n, size_t *cap, PIX *pixf, int body,
                               int red, int vertical)
{
    int len = RULE_MIN_EMS * body, thick = body / RULE_MAX_THICK_DIV;
    thick = thick < 2 ? 2 : thick;
    /* A closing along the run by half a body size first joins the pieces of a faint,
     * dashed or noisy rule (this also chains the strokes of CJK characters set on a grid
     * into long runs: rule_stands_alone rejects those); an opening by a long thin brick
     * then keeps only straight runs; a closing along the run joins what a little residual
     * skew broke. */
    int gap = body / 2 > 2 ? body / 2 : 2;
    PIX *pixj =
        vertical ? pixCloseSafeBrick(NULL, pixf, 1, gap) : pixCloseSafeBrick(NULL, pixf, gap, 1);
    PIX *pixo = pixj ? nocr_prep_open_runs(pixj, len, vertical) : NULL;
    pixDestroy(&pixj);
    if (!pixo)
        return -1;
    PIX *pixc =
        vertical ? pixCloseSafeBrick(NULL, pixo, 1, body) : pixCloseSafeBrick(NULL, pixo, body, 1);
    pixDestroy(&pixo);
    BOXA *boxa = pixc ? pixConnCompBB(pixc, 8) : NULL;
    l_int32 *tab8 = makePixelSumTab8();
    int rc = boxa && tab8 ? 0 : -1;
    int nb = boxa ? boxaGetCount(boxa) : 0;
    for (int i = 0; !rc && i < nb; i++) {
        int x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        int along = vertical ? h : w, across = vertical ? w : h;
        if (along < len || across > 2 * thick ||
            (across > thick && !solid_drifting(pixf, pixc, x, y, w, h, thick, vertical, tab8)) ||
            !rule_stands_alone(pixf, x, y, w, h, body, vertical))
            continue;
        nocr_box box = {x * red, y * red, w * red, h * red};
        rc = add_rule(rules, n, cap, box, vertical);
    }
    boxaDestroy(&boxa);
    pixDestroy(&pixc);
    free(tab8);
    return rc;
}

/* Joins the pieces of one rule: rules of one direction that line up (across the run, they
 * overlap or are less than 1/RULE_MERGE_ACROSS body size apart) with a gap between them of
 * at most RULE_MERGE_GAP_EMS body sizes (vertical) or half a body size (horizontal: the
 * rules over two articles side by side are a gutter, 0.6-2 em, apart). A dashed or dotted
 * rule (a fax) is found as pieces. */
static void rules_merge(nocr_rule *rules, size_t *n, int body)
{
    int merged = 1;
    while (merged) {
        merged = 0;
        for (size_t i = 0; i < *n && !merged; i++) {
            for (size_t j = i + 1; j < *n && !merged; j++) {
                nocr_rule *a = &rules[i], *b = &rules[j];
                if (a->vertical != b->vertical)
                    continue;
                int v = a->vertical;
                int a0 = v ? a->box.y : a->box.x, a1 = a0 + (v ? a->box.h : a->box.w);
                int b0 = v ? b->box.y : b->box.x, b1 = b0 + (v ? b->box.h : b->box.w);
                int c0 = v ? a->box.x : a->box.y, c1 = c0 + (v ? a->box.w : a->box.h);
                int d0 = v ? b->box.x : b->box.y, d1 = d0 + (v ? b->box.w : b->box.h);
                int gap = a0 > b1 ? a0 - b1 : (b0 > a1 ? b0 - a1 : 0);
                int apart = c0 > d1 ? c0 - d1 : (d0 > c1 ? d0 - c1 : 0);
                int max_gap = v ? RULE_MERGE_GAP_EMS * body : body / 2;
                if (gap > max_gap || apart * RULE_MERGE_ACROSS > body)
                    continue;
                int x0 = a->box.x < b->box.x ? a->box.x : b->box.x;
                int y0 = a->box.y < b->box.y ? a->box.y : b->box.y;
                int x1 = a->box.x + a->box.w > b->box.x + b->box.w ? a->box.x + a->box.w
                                                                   : b->box.x + b->box.w;
                int y1 = a->box.y + a->box.h > b->box.y + b->box.h ? a->box.y + a->box.h
                                                                   : b->box.y + b->box.h;
                nocr_box box = {x0, y0, x1 - x0, y1 - y0};
                a->box = box;
                rules[j] = rules[--*n];
                merged = 1;
            }
        }
    }
}

/*
 * nocr_prep_rules: rules are searched at half size (the working gray reduced 2x by area
 * mapping, body text 20 px: rules are long, and it is 4 times faster), binarized loosely
 * by Sauvola with k = RULE_SAUVOLA_K (a thin or faint rule, which the text image's
 * threshold breaks up, stays whole; text only gets bolder), figures cleared.
 * Horizontal rules are what survives an opening by a RULE_MIN_EMS-body-sizes-long
 * horizontal brick (after a closing of half a body size that mends breaks), joined by a
 * closing of one body size along the rule, then kept when at most
 * body / RULE_MAX_THICK_DIV thick and alone (rule_stands_alone); the same with vertical
 * bricks for column rules. The image is deskewed, so rules are level. The pieces of one
 * rule are joined (rules_merge), and each rule's box, grown by RULE_ERASE_MARGIN px, is
 * cleared in pixb, so rules are never read as 一 or 丨 (a rule stands alone: nothing
 * else is in its box).
 */
int nocr_prep_rules(nocr_rule **out, size_t *out_n, PIX *pixb, PIX *pixg, int body_size,
                    const nocr_box *figures, size_t nfigures)
{
    int body = body_size > 0 ? body_size : NOCR_PREP_TARGET_BODY;
    nocr_rule *rules = NULL;
    size_t n = 0, cap = 0;
    *out = NULL;
    *out_n = 0;
    if (pixGetWidth(pixb) < RULE_MIN_EMS * body && pixGetHeight(pixb) < RULE_MIN_EMS * body)
        return 0;
    int red = body >= 16 && pixGetWidth(pixg) >= 64 && pixGetHeight(pixg) >= 64 ? 2 : 1;
    PIX *pixr = red == 2 ? pixScaleAreaMap2(pixg) : pixClone(pixg);
    PIX *pixf = pixr ? nocr_prep_binarize(pixr, body / red, RULE_SAUVOLA_K) : NULL;
    pixDestroy(&pixr);
    if (!pixf)
        return -1;
    for (size_t i = 0; i < nfigures; i++)
        pixRasterop(pixf, figures[i].x / red, figures[i].y / red, figures[i].w / red + 1,
                    figures[i].h / red + 1, PIX_CLR, NULL, 0, 0);
    if (rules_one_direction(&rules, &n, &cap, pixf, body / red, red, 0) ||
        rules_one_direction(&rules, &n, &cap, pixf, body / red, red, 1)) {
        pixDestroy(&pixf);
        free(rules);
        return -1;
    }
    pixDestroy(&pixf);
    rules_merge(rules, &n, body);
    for (size_t i = 0; i < n; i++) {
        nocr_box b = rules[i].box;
        int m = RULE_ERASE_MARGIN;
        pixRasterop(pixb, b.x - m, b.y - m, b.w + 2 * m, b.h + 2 * m, PIX_CLR, NULL, 0, 0);
    }
    *out = rules;
    *out_n = n;
    return 0;
}
