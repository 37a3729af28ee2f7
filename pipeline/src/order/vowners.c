/*
 * vowners.c - the headline that owns a region of a vertical page (issue 12).
 *
 *   rec_vowner           the rules below, in turn
 *   rec_vowner_beside    the nearest headline to the right in the tier, rules or not
 *   owner_right          the nearest headline to the right of a region, in its tier
 *   heads_rows_better    of two headlines at a region's right, the one heading its rows
 *   stack_top            the top of a headline and the headlines stacked over it
 *   owner_above          the nearest headline above a region, in its columns and tier
 *   tier_span            the tier keys a region's rows run over
 *
 * On a vertical page the text runs right to left: a vertical headline at the right of its
 * article owns the text to its LEFT in its tier, down to a column rule or the next
 * headline, as a horizontal headline owns the text beneath it. A horizontal headline
 * across the top of a vertical article (or a horizontal article's) owns the text beneath
 * it in its columns and tier. Text in a tier below, where an article runs on, is given to
 * its article by vertical.c (the article right above it).
 */
#include "order/order.h"

#include <limits.h>
#include <stdlib.h>

/* The tier keys of r's top and bottom rows (rec_tier_key). */
static void tier_span(int *out_top, int *out_bottom, const rec_tiers *t, const nocr_region *r)
{
    nocr_box b = nocr_region_box(r);
    *out_top = rec_tier_key(t, b.y);
    *out_bottom = rec_tier_key(t, b.y + (b.h > 0 ? b.h - 1 : 0));
}

/* Headline a heads r's rows better than headline b, both at r's right: the one whose top is
 * level with r's or above it (up to a body height below), the lower of two such; else the
 * higher (two articles one above the other in a tier, their headlines in one column). */
static int heads_rows_better(const nocr_region *a, const nocr_region *b, const nocr_region *r,
                             int body)
{
    int above_a = rec_y0(a) <= rec_y0(r) + body, above_b = rec_y0(b) <= rec_y0(r) + body;
    if (above_a != above_b)
        return above_a;
    return above_a ? rec_y0(a) > rec_y0(b) : rec_y0(a) < rec_y0(b);
}

/* The left edge of headline hd's type: of a vertical headline, its upright lines' (a
 * caption set in rows under a narrow photo beside the headline, joined to it by the
 * layout, put the headline's box over the first column it heads, and the column went to
 * the article above the tier's rule: seed 20261228325, tau 0.64); else its box's. The
 * region's box may stand straightened (upright.c) and its lines' not: the upright lines'
 * offset from the left of all the lines is added to the box's edge. */
static int head_x0(const nocr_region *hd)
{
    int all = INT_MAX, upright = INT_MAX;
    if (nocr_region_direction(hd) == NOCR_DIR_VERTICAL)
        for (size_t i = 0, n = nocr_region_line_count(hd); i < n; i++) {
            nocr_box b = nocr_line_box(nocr_region_line(hd, i));
            all = b.x < all ? b.x : all;
            if (b.h > b.w && b.x < upright)
                upright = b.x;
        }
    return upright != INT_MAX ? rec_x0(hd) + (upright - all) : rec_x0(hd);
}

/* The nearest headline whose left edge (head_x0) is right of r's right edge, whose rows
 * run over r's tier, with no column rule between them over r's rows unless rules == 0 (of
 * two within a body height of the same distance, heads_rows_better); REC_NO_OWNER when
 * none.
 * For horizontal text (a horizontal article's lines) the gap above a tier belongs to the
 * tier, for the text and the headlines: a horizontal article's headline stands over the
 * article's width, its lines of about sixteen characters start at the left, and the
 * headline may stand right of them alone (seed 7122: the article's text became an article
 * of its own, read before the tier's other articles). */
static int owner_right(const nocr_page *page, const rec_tiers *t, const nocr_region *r,
                       nocr_region *const *heads, int nheads, int body, int rules)
{
    int best = REC_NO_OWNER, best_dx = INT_MAX, kr = rec_tier_of(t, r);
    int lifted = nocr_region_direction(r) == NOCR_DIR_HORIZONTAL;
    if (lifted && kr % 2 == 0 && kr < 2 * t->n)
        kr++;
    for (int h = 0; h < nheads; h++) {
        const nocr_region *hd = heads[h];
        int hx0 = head_x0(hd), dx = hx0 - rec_x1(r), kt, kb;
        tier_span(&kt, &kb, t, hd);
        if (lifted && kt % 2 == 0 && kt < 2 * t->n)
            kt++;
        if (lifted && kb % 2 == 0 && kb < 2 * t->n)
            kb++;
        if (hd == r || dx < -body / REC_TOUCH_DIV || kr < kt || kr > kb)
            continue;
        int nearer = best == REC_NO_OWNER || dx < best_dx - body;
        int level = best != REC_NO_OWNER && dx <= best_dx + body &&
                    heads_rows_better(hd, heads[best], r, body);
        if (!nearer && !level)
            continue;
        if (rules &&
            rec_vrule_between(page, body / REC_TOUCH_DIV, rec_x1(r), hx0, rec_y0(r), rec_y1(r)))
            continue;
        best = h;
        best_dx = dx;
    }
    return best;
}

/* Is headline hd over r's top: its foot at most half a body height below it; for a
 * horizontal headline, its middle above it (a speck under the headline, joined to it as a
 * second line, puts its foot down among the columns it heads: fresh seed 20261201389). */
static int head_over(const nocr_region *hd, const nocr_region *r, int body)
{
    if (rec_y1(hd) <= rec_y0(r) + body / REC_TOUCH_DIV)
        return 1;
    return nocr_region_direction(hd) == NOCR_DIR_HORIZONTAL &&
           rec_y0(hd) + nocr_region_box(hd).h / 2 < rec_y0(r);
}

/* The nearest headline above r over more than half a body height of its columns, in r's
 * tier or in the rows just above it (a horizontal headline over the tier's top), with no
 * horizontal rule between them; REC_NO_OWNER when none. */
static int owner_above(const nocr_page *page, const rec_tiers *t, const nocr_region *r,
                       nocr_region *const *heads, int nheads, int body)
{
    int best = REC_NO_OWNER, best_y = INT_MIN, kr = rec_tier_of(t, r);
    for (int h = 0; h < nheads; h++) {
        const nocr_region *hd = heads[h];
        int ov = rec_overlap(rec_x0(hd), rec_x1(hd), rec_x0(r), rec_x1(r)), kt, kb;
        tier_span(&kt, &kb, t, hd);
        if (hd == r || !head_over(hd, r, body) || REC_TOUCH_DIV * ov <= body || kt > kr ||
            kb < kr - 1 || rec_y1(hd) <= best_y)
            continue;
        int x0 = rec_x0(hd) > rec_x0(r) ? rec_x0(hd) : rec_x0(r);
        int x1 = rec_x1(hd) < rec_x1(r) ? rec_x1(hd) : rec_x1(r);
        if (rec_rule_between(page, body, x0, x1, rec_y1(hd), rec_y0(r)))
            continue;
        best = h;
        best_y = rec_y1(hd);
    }
    return best;
}

/* The top of headline hd's stack: hd's top, raised through the headlines over it (over
 * its span, their foot less than a body height above its top), one after the other. A
 * headline set in rows can come out of the layout as a region per row (its rows joined
 * with the tops of the vertical headlines beside them, then cut apart around those), and
 * its lowest row then stands for the whole headline beside its neighbour (fresh seed
 * 20261201784: a headline in four rows, its last row's top below the top of the vertical
 * headline to its left, which lost its column of text to it). */
static int stack_top(const nocr_region *hd, nocr_region *const *heads, int nheads, int body)
{
    int top = rec_y0(hd), x0 = rec_x0(hd), x1 = rec_x1(hd);
    for (int raised = 1; raised;) {
        raised = 0;
        for (int h = 0; h < nheads; h++) {
            const nocr_region *o = heads[h];
            if (rec_y0(o) >= top || rec_y1(o) > top + body / REC_TOUCH_DIV ||
                rec_y1(o) < top - body || rec_overlap(rec_x0(o), rec_x1(o), x0, x1) <= 0)
                continue;
            top = rec_y0(o);
            raised = 1;
        }
    }
    return top;
}

int rec_vowner(const nocr_page *page, const rec_tiers *t, const nocr_region *r,
               nocr_region *const *heads, int nheads, int body)
{
    int right = owner_right(page, t, r, heads, nheads, body, 1);
    int above = owner_above(page, t, r, heads, nheads, body);
    if (right == REC_NO_OWNER || above == REC_NO_OWNER)
        return right != REC_NO_OWNER ? right : above;
    /* Both: the headline to the right when it stands under the one above (a banner or
     * kicker over the article, a masthead); else the nearer of the two, by the gap between
     * it and r (a horizontal article in a tier: the one above is right over r, the one to
     * the right beyond that article's text; a masthead with no rule under it: far above,
     * the headline at r's right one gutter away). */
    const nocr_region *hr = heads[right], *ha = heads[above];
    int under = rec_y0(hr) >= rec_y1(ha) - body / REC_TOUCH_DIV &&
                rec_overlap(rec_x0(hr), rec_x1(hr), rec_x0(ha), rec_x1(ha)) > 0;
    /* The one above standing beside the one to the right, wholly left of it and level with
     * its top or lower (not a masthead over the tier), heads an article of its own between
     * the two: r's columns start under it, however far down (seed 7102: a headline in rows
     * of two characters, its columns starting lower than its neighbour's, lost its text to
     * the vertical headline beyond the neighbour's columns). */
    int beside = rec_x1(ha) <= rec_x0(hr) + body / REC_TOUCH_DIV &&
                 rec_y0(ha) >= stack_top(hr, heads, nheads, body) - body / REC_TOUCH_DIV;
    int dx = rec_x0(hr) - rec_x1(r), dy = rec_y0(r) - rec_y1(ha);
    if (beside && !under)
        return above;
    return under || dx <= dy ? right : above;
}

int rec_vowner_beside(const rec_tiers *t, const nocr_region *r, nocr_region *const *heads,
                      int nheads, int body)
{
    return owner_right(NULL, t, r, heads, nheads, body, 0);
}
