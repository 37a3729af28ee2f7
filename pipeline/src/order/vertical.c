/*
 * vertical.c - reading order of a vertical page (issue 12): body text in vertical columns
 * read top to bottom, columns right to left, the page cut into horizontal tiers.
 *
 *   rec_page_vertical     which path a page takes: enough of its body text vertical
 *   rec_vertical_body     the body height, guarded against a measure of column lengths
 *   rec_tier_key          a row's place among the tiers (rec_tier_of: a region's middle)
 *   rec_vertical_order    articles, their order and the order inside them, on the boxes
 *                         straightened (upright.c)
 *   tiers_find            the tiers: bands of vertical body regions side by side
 *   column_foot           where a column ends for the tiers: under the photo beside it
 *   heads_deck            two headlines that are one (a second deck)
 *   articles_of_heads     one article per headline, decks joined
 *   items_collect         the text regions that are read, each with its owner
 *   items_run_on          text no headline owns: the article right above it, else beside
 *   caption_article       a caption's article: the columns its photo stands in
 *   article_tier_key      the tier of an article without vertical body text
 *   articles_rank         the order of the articles: tier by tier, right to left
 *   items_rank            the order inside an article and the sort
 *
 * Rules (a reader of a vertical page, Hong Kong, Taiwan, or before 1950):
 *   - A page takes this path when a fifth of its body text is vertical, however much of
 *     the rest is set across (rec_page_vertical).
 *   - The folio line comes first and page notes last (roles.c, as on every page).
 *   - A vertical headline owns the text to its left in its tier, down to a column rule or
 *     the next headline; a horizontal headline the text beneath it in its columns and tier
 *     (vowners.c). Text no headline owns in its tier is the run-on of the article right
 *     above it in its tier or the one above (an article flows from one tier into the
 *     next, never over a whole tier); else it joins the nearest headline to its right in
 *     the tier; else the article of text no headline owns.
 *   - Articles are read a tier at a time, each tier right to left: an article's place is
 *     the tier of its first body column and its right edge there; a horizontal article is
 *     read in place (its middle's tier: a horizontal block above the first tier first; in
 *     a tier, by its right edge among that tier's articles).
 *   - Inside an article: headlines (the horizontal ones over the top first, top to bottom,
 *     then the vertical ones right to left),
 *     subheadline, byline, the body tier by tier and right to left in each (pieces of one
 *     column range above and below a photo top to bottom), then the captions.
 *   - Paragraphs: paragraphs.c (indented column tops, short column ends).
 */
#include "order/order.h"

#include <limits.h>

/* The histogram of column widths (rec_vertical_body) runs to WIDTH_MAX pixels, wider ones
 * counted there, as core/page.c's of line heights. */
#define WIDTH_MAX 1024

/* A page's body height more than BODY_MAX_EM times the median width of its vertical body
 * columns is a measure of their lengths (nocr_page_body_height, when no segmenter set it,
 * takes the median height of the body lines, which in vertical text are columns): a
 * character is about as tall as its column is wide. */
#define BODY_MAX_EM 2

/* Two articles whose right edges in their tier lie within RIGHT_SLACK body heights of
 * each other stand in the same columns (one above the other in a tier): the upper one is
 * read first. By hand: ragged column edges differ by a fraction of a character. */
#define RIGHT_SLACK 1 /* body heights */

/* A text region that reads in its article's vertical flow and tiers. */
static int is_vbody(const nocr_region *r)
{
    return nocr_region_role(r) == NOCR_ROLE_BODY &&
           nocr_region_direction(r) == NOCR_DIR_VERTICAL && nocr_region_line_count(r) > 0;
}

/* A vertical body region wide enough to hold a column of body type (no sliver,
 * rec_vertical_sliver): only such regions make tiers and place articles. A sliver is read
 * where its owner puts it but places nothing (fresh seed 20261208129: a sliver 11 px wide
 * at the top left corner, given to the article of the nearest headline to its right, made
 * that article's top a tier above the page's only one, and the article was read first:
 * CER 0.07 -> 0.90, once columns read at their characters' confidence kept the sliver). */
static int is_vcolumn(const nocr_region *r, int body)
{
    return is_vbody(r) && !rec_vertical_sliver(r, body);
}

/* A page is read as vertical when at least VERTICAL_SHARE of its body text, counted in
 * characters, is set in columns: a vertical newspaper is read right to left, tier by tier,
 * also where some of its articles are set across (the vertical path reads a horizontal
 * article in place; the horizontal path has no rule for a vertical one), and such an
 * article can hold more text than the vertical ones beside it (seeds 20261201404 and 426:
 * a third of the body text in columns, the horizontal path read them at tau 0.07 and
 * -0.17). The figure is the layout's (layout/vertical.c, PAGE_VERTICAL_MIN): the share of
 * a page's text ink that runs in columns where it looks for vertical text at all
 * (horizontal pages measure 0.1 at most), so a stray short column on a horizontal page
 * does not turn it. */
#define VERTICAL_SHARE 0.2

/* The length of line box b in characters: CJK characters are square, a line is as many
 * of them long as its length is over its thickness. */
static double line_chars(nocr_box b, int vertical)
{
    int len = vertical ? b.h : b.w, thick = vertical ? b.w : b.h;
    return thick > 0 ? (double)len / thick : 0;
}

/* Vertical when at least VERTICAL_SHARE of the characters of its body lines (their boxes
 * straightened) are in vertical regions; a page without body text when most of the
 * characters of its text regions are (headlines alone say little). A horizontal page
 * (every region horizontal, as all samples) never takes the vertical path. */
int rec_page_vertical(const nocr_page *page)
{
    double chars[2][2] = {{0, 0}, {0, 0}}; /* [body?][vertical?] */
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *r = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(r);
        if (!nocr_role_is_text(role) || role == NOCR_ROLE_UNKNOWN)
            continue;
        int body = role == NOCR_ROLE_BODY,
            vertical = nocr_region_direction(r) == NOCR_DIR_VERTICAL;
        for (size_t k = 0, nl = nocr_region_line_count(r); k < nl; k++) {
            nocr_box b = rec_upright_box(page, nocr_line_box(nocr_region_line(r, k)));
            chars[body][vertical] += line_chars(b, vertical);
        }
    }
    if (chars[1][0] + chars[1][1] <= 0)
        return chars[0][1] > chars[0][0];
    return chars[1][1] > 0 && chars[1][1] >= VERTICAL_SHARE * (chars[1][0] + chars[1][1]);
}

int rec_vertical_body(const nocr_page *page, int body)
{
    unsigned hist[WIDTH_MAX + 1] = {0};
    size_t n = 0, seen = 0;
    for (size_t i = 0, nr = nocr_page_region_count(page); i < nr; i++) {
        const nocr_region *r = nocr_page_region(page, i);
        for (size_t k = 0, nl = nocr_region_line_count(r); is_vbody(r) && k < nl; k++) {
            int w = rec_upright_box(page, nocr_line_box(nocr_region_line(r, k))).w;
            if (w > 0) {
                hist[w < WIDTH_MAX ? w : WIDTH_MAX]++;
                n++;
            }
        }
    }
    for (int w = 1; n > 0 && w <= WIDTH_MAX; w++) {
        seen += hist[w];
        if (seen > n / 2)
            return body > BODY_MAX_EM * w ? w : body;
    }
    return body;
}

int rec_tier_key(const rec_tiers *t, int y)
{
    for (int i = 0; i < t->n; i++) {
        if (y < t->y0[i])
            return 2 * i;
        if (y < t->y1[i])
            return 2 * i + 1;
    }
    return 2 * t->n;
}

int rec_tier_of(const rec_tiers *t, const nocr_region *r)
{
    return rec_tier_key(t, rec_y0(r) + nocr_region_box(r).h / 2);
}

/* The tiers: the vertical body regions (all vertical text regions when there is no
 * vertical body), top first, each joining the band above when they overlap by more than
 * half the shorter of the two (columns of one tier stand side by side; a tier's pieces
 * above and below a photo overlap the full columns beside them), or by more than a body
 * height: two tiers share no row, so columns that do stand in one tier, however much lower
 * one starts (an article's columns under a tall headline set across, level with the foot
 * of its neighbour's: vertical tuning seed 20270107116, where they made a tier of their
 * own and the article was read after the one to its left, tau 0.77; 1 with this). A body
 * height: a box that grazes the next tier (a stray speck taken in) does not join two
 * tiers. A band of one region under TIER_MIN_EMS body heights long is a fragment, no tier:
 * a speck under a headline in rows, read as a column of junk, made a tier of its own
 * between the headlines and their columns, which then stood a whole tier below them and
 * were owned by none (tuning seed 20261211315, tau 0.56). So is a band of one region
 * holding a single column, however long: a tier is columns side by side, and a piece of
 * one column apart from the rest (the end of a paragraph at the top of a column, over the
 * next one's indent) is the top of the tier under it (tuning seed 20261214332: four
 * characters at a column's top made a tier, the article's columns were placed by them a
 * tier above its neighbour's and it was read first, tau 0.05). t's arrays hold one entry
 * per region of the page. */
#define TIER_MIN_EMS 3

/* Whether band [y0, y1), made of one region so far, is a fragment (tiers_find). */
static int band_fragment(const rec_work *w, int y0, int y1, int body)
{
    if (y1 - y0 < TIER_MIN_EMS * body)
        return 1;
    for (size_t i = 0; i < w->nitems; i++) {
        const nocr_region *r = w->items[i].r;
        if (is_vcolumn(r, body) && rec_y0(r) == y0 && rec_y1(r) == y1)
            return nocr_region_line_count(r) < 2;
    }
    return 0;
}

/* Where vertical column r ends for the tiers: a photo set at the top of a column range
 * beside r parts the columns, and the piece under the photo (and its caption: less than
 * PHOTO_PARTS_GAP body heights below the photo) goes on from r, in the same columns. The
 * two pieces together stand level with the whole columns beside them, which start lower
 * when a headline set across heads them (vertical tuning seed 20270106114: the columns
 * beside a photo at the top right made a tier of their own, and the horizontal headlines
 * left of them, in that tier, owned none of the columns under them). The photo stands
 * beside r: it starts a body height or more above r's foot and reaches down level with it
 * (a photo under r, at the top of the next tier, parts nothing: tuning seed 20270106051,
 * whose rule between the tiers was lost in a fold). No horizontal rule may part the two
 * pieces either. */
#define PHOTO_PARTS_GAP 4 /* body heights */
static int photo_parts(const nocr_page *page, const nocr_region *r, const nocr_region *o, int body)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *f = nocr_page_region(page, i);
        if (nocr_region_role(f) == NOCR_ROLE_FIGURE &&
            rec_overlap(rec_x0(f), rec_x1(f), rec_x0(o), rec_x1(o)) > 0 &&
            rec_y0(f) <= rec_y1(r) - body && rec_y1(f) > rec_y1(r) - body &&
            rec_y0(f) < rec_y0(o) && rec_y1(f) <= rec_y0(o) + body &&
            rec_y0(o) - rec_y1(f) < PHOTO_PARTS_GAP * body)
            return 1;
    }
    return 0;
}

static int column_foot(const nocr_page *page, const rec_work *w, const nocr_region *r, int body)
{
    int foot = rec_y1(r);
    for (size_t k = 0; k < w->nitems; k++) {
        const nocr_region *o = w->items[k].r;
        int x0 = rec_x0(o) > rec_x0(r) ? rec_x0(o) : rec_x0(r);
        int x1 = rec_x1(o) < rec_x1(r) ? rec_x1(o) : rec_x1(r);
        if (o != r && is_vcolumn(o, body) && rec_y1(o) > foot &&
            rec_y0(o) >= rec_y1(r) - body / 2 && REC_TOUCH_DIV * (x1 - x0) > body &&
            photo_parts(page, r, o, body) &&
            !rec_rule_between(page, body, x0, x1, rec_y1(r), rec_y0(o)))
            foot = rec_y1(o);
    }
    return foot;
}

static void tiers_find(rec_tiers *t, const nocr_page *page, const rec_work *w, int body)
{
    int any_vbody = 0;
    for (size_t i = 0; i < w->nitems; i++)
        any_vbody |= is_vcolumn(w->items[i].r, body);
    t->n = 0;
    for (size_t i = 0; i < w->nitems; i++) {
        const nocr_region *r = w->items[i].r;
        if (any_vbody ? !is_vcolumn(r, body) : nocr_region_direction(r) != NOCR_DIR_VERTICAL)
            continue;
        int k = t->n++;
        for (; k > 0 && t->y0[k - 1] > rec_y0(r); k--) {
            t->y0[k] = t->y0[k - 1];
            t->y1[k] = t->y1[k - 1];
        }
        t->y0[k] = rec_y0(r);
        t->y1[k] = column_foot(page, w, r, body);
    }
    int m = 0, lone = 0; /* lone: band m - 1 is one region so far */
    for (int i = 0; i < t->n; i++) {
        if (m > 0) {
            int h = t->y1[i] - t->y0[i], bh = t->y1[m - 1] - t->y0[m - 1];
            int ov = rec_overlap(t->y0[m - 1], t->y1[m - 1], t->y0[i], t->y1[i]);
            if (2 * ov > (h < bh ? h : bh) || ov > body) {
                t->y1[m - 1] = t->y1[i] > t->y1[m - 1] ? t->y1[i] : t->y1[m - 1];
                lone = 0;
                continue;
            }
            if (lone && band_fragment(w, t->y0[m - 1], t->y1[m - 1], body))
                m--; /* a fragment, not a tier: its place is taken */
        }
        t->y0[m] = t->y0[i];
        t->y1[m++] = t->y1[i];
        lone = 1;
    }
    if (m > 1 && lone && band_fragment(w, t->y0[m - 1], t->y1[m - 1], body))
        m--;
    t->n = m;
}

/* A headline's thickness: the size of its type (a horizontal line's height, a vertical
 * column's width). */
static int thickness(const nocr_region *r)
{
    nocr_box b = nocr_region_box(r);
    return nocr_region_direction(r) == NOCR_DIR_VERTICAL ? b.w : b.h;
}

/* p and c are one headline: one under the other in shared columns, or (vertical ones) side
 * by side in shared rows, closer than the deck gap (order.h: DECK_GAP, DECK_GAP_DIV). */
static int heads_deck(const nocr_region *p, const nocr_region *c, int body)
{
    int tp = thickness(p), tc = thickness(c);
    int type_gap = (tp < tc ? tp : tc) / DECK_GAP_DIV;
    int gy = rec_y0(c) - rec_y1(p), gx;
    if (rec_y0(p) - rec_y1(c) > gy)
        gy = rec_y0(p) - rec_y1(c);
    if (rec_overlap(rec_x0(p), rec_x1(p), rec_x0(c), rec_x1(c)) > 0 &&
        (gy < DECK_GAP * body || gy < type_gap))
        return 1;
    if (nocr_region_direction(p) != NOCR_DIR_VERTICAL ||
        nocr_region_direction(c) != NOCR_DIR_VERTICAL ||
        rec_overlap(rec_y0(p), rec_y1(p), rec_y0(c), rec_y1(c)) <= 0)
        return 0;
    gx = rec_x0(c) - rec_x1(p);
    if (rec_x0(p) - rec_x1(c) > gx)
        gx = rec_x0(p) - rec_x1(c);
    return gx < DECK_GAP * body || gx < type_gap;
}

/* One article per headline, a deck joining the first headline it belongs with. */
static void articles_of_heads(rec_work *w, int body)
{
    w->narts = 0;
    for (int h = 0; h < w->nheads; h++) {
        int k = 0;
        while (k < h && !heads_deck(w->heads[k], w->heads[h], body))
            k++;
        if (k < h) {
            w->head_art[h] = w->head_art[k];
            continue;
        }
        w->head_art[h] = w->narts;
        rec_article_start(&w->arts[w->narts++], h, w->heads[h]);
    }
}

/* Puts each text region that is read into w->items (order and article -1 on every region)
 * and gives it the article of the headline that owns it by position (rec_vowner);
 * REC_NO_OWNER for the rest. */
static void items_collect(rec_work *w, nocr_page *page)
{
    w->nitems = 0;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(r);
        nocr_region_set_order(r, -1);
        nocr_region_set_article(r, -1);
        if (!nocr_role_is_text(role) || role == NOCR_ROLE_UNKNOWN ||
            nocr_region_line_count(r) == 0)
            continue;
        rec_item *it = &w->items[w->nitems++];
        it->r = r;
        it->column = it->rank = 0;
        it->article = REC_NO_OWNER;
        if (role == NOCR_ROLE_PAGE_HEADER || role == NOCR_ROLE_NOTE)
            it->article = role == NOCR_ROLE_PAGE_HEADER ? REC_ARTICLE_FOLIO : REC_ARTICLE_NOTES;
        for (int k = 0; k < w->nheads; k++)
            if (w->heads[k] == r)
                it->article = w->head_art[k];
    }
}

/* An item of a real article (not the folio or the notes, owned). */
static int in_article(const rec_item *it)
{
    return it->article >= 0 && it->article != REC_ARTICLE_NOTES;
}

/* Text o ends more than a tier above where r starts: a whole tier lies between them.
 * Tier keys (rec_tier_key) step by 2 a tier, the gap between two tiers in between. */
static int tiers_apart(const rec_tiers *t, const nocr_region *o, const nocr_region *r)
{
    return rec_tier_key(t, rec_y0(r)) - rec_tier_key(t, rec_y1(o) - 1) > 2;
}

/* The headline standing in r's columns at their top, in r's tier: over more than a touch
 * of r's columns, its top level with r's or higher, its foot below r's top (the most
 * columns shared); REC_NO_OWNER when none. The layout can give a vertical headline the
 * caption and the column tops beside it, and then it reaches over its own article's
 * columns, which are neither left of it nor under it (vertical tuning seed 20261214332:
 * the columns went to the headline beyond a column rule, the last resort). */
static int head_inside(const rec_tiers *t, const nocr_region *r, nocr_region *const *heads,
                       int nheads, int body)
{
    int best = REC_NO_OWNER, best_ov = body / REC_TOUCH_DIV, kr = rec_tier_of(t, r);
    for (int h = 0; h < nheads; h++) {
        const nocr_region *hd = heads[h];
        int ov = rec_overlap(rec_x0(hd), rec_x1(hd), rec_x0(r), rec_x1(r));
        if (ov <= best_ov || rec_y0(hd) > rec_y0(r) + body || rec_y1(hd) <= rec_y0(r) ||
            rec_tier_of(t, hd) != kr)
            continue;
        best = h;
        best_ov = ov;
    }
    return best;
}

/* Text no headline owns in its tier: the article of the nearest owned text right above it
 * over some of its columns in its tier or the one above (the article runs on into this
 * tier; nearest by bottom, then by the columns shared), taken top first so that a run-on
 * runs on again; never from across a whole tier of other articles (seed 7619: an article
 * of the third tier, its headline read as body, under a blank left end of the second,
 * was read as the run-on of the first tier's last article); else the headline standing in
 * its columns at their top (head_inside); else the nearest headline to its right in its
 * tier, rules or not; else the article of text no headline
 * owns (w->narts grows by it). */
static void items_run_on(rec_work *w, const rec_tiers *t, int body)
{
    int orphan = REC_NO_OWNER; /* the article of text no headline owns, once made */
    for (;;) {
        rec_item *it = NULL;
        for (size_t i = 0; i < w->nitems; i++)
            if (w->items[i].article == REC_NO_OWNER &&
                (!it || rec_y0(w->items[i].r) < rec_y0(it->r)))
                it = &w->items[i];
        if (!it)
            break;
        const nocr_region *r = it->r, *best = NULL;
        int best_ov = 0, art = REC_NO_OWNER;
        for (size_t i = 0; i < w->nitems; i++) {
            const nocr_region *o = w->items[i].r;
            int ov = rec_overlap(rec_x0(o), rec_x1(o), rec_x0(r), rec_x1(r));
            if (!in_article(&w->items[i]) || ov <= 0 ||
                rec_y1(o) > rec_y0(r) + body / REC_TOUCH_DIV || tiers_apart(t, o, r))
                continue;
            if (!best || rec_y1(o) > rec_y1(best) || (rec_y1(o) == rec_y1(best) && ov > best_ov)) {
                best = o;
                best_ov = ov;
                art = w->items[i].article;
            }
        }
        if (art == REC_NO_OWNER) {
            int h = head_inside(t, r, w->heads, w->nheads, body);
            if (h == REC_NO_OWNER)
                h = rec_vowner_beside(t, r, w->heads, w->nheads, body);
            art = h != REC_NO_OWNER ? w->head_art[h] : REC_NO_OWNER;
        }
        if (art == REC_NO_OWNER && orphan == REC_NO_OWNER) {
            orphan = w->narts;
            rec_article_start(&w->arts[w->narts++], -1, r);
        }
        it->article = art != REC_NO_OWNER ? art : orphan;
    }
}

/* A caption and its photo on a vertical page are read with the article whose columns
 * they stand in: the photo sits at the top or the foot of some of its columns, which run
 * on under or over it, or in the place of its next columns when its text ends beside it.
 * By position alone a caption, horizontal text, was given the headline nearest to its
 * right or above it, and a narrow photo's caption ended in the next article (issue 12,
 * vertical pages with photos, tuning seeds 20261209000-029). CAPTION_REACH body heights
 * is as far as the photo may be from its caption, and the columns from the two. */
#define CAPTION_REACH 2

/* The photo over or under caption r, over some of its columns: NULL when none. */
static const nocr_region *caption_photo(const nocr_page *page, const nocr_region *r, int body)
{
    const nocr_region *best = NULL;
    int best_gap = INT_MAX;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *f = nocr_page_region(page, i);
        if (nocr_region_role(f) != NOCR_ROLE_FIGURE ||
            rec_overlap(rec_x0(f), rec_x1(f), rec_x0(r), rec_x1(r)) <= 0)
            continue;
        int gap = rec_y0(r) >= rec_y1(f) ? rec_y0(r) - rec_y1(f) : rec_y0(f) - rec_y1(r);
        if (gap >= -body / REC_TOUCH_DIV && gap < CAPTION_REACH * body && gap < best_gap) {
            best = f;
            best_gap = gap;
        }
    }
    return best;
}

/* Text the layout missed and the coverage check found afterwards, set across in at most
 * RECOVERED_CAPTION_LINES lines under or over a photo (caption_photo) of a vertical page,
 * is the photo's caption, not body: the two-line caption of a narrow photo at the top of a
 * column, dropped by the layout and read back as body, was read as a horizontal article
 * between its article's headline and columns (vertical tuning seed 20270101401, tau
 * 0.90). Only the coverage check's: a page Tesseract's layout segmented has its own
 * captions. */
#define RECOVERED_CAPTION_LINES 3

static void recovered_captions(nocr_page *page, int body)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_origin(r) == NOCR_ORIGIN_COVERAGE &&
            nocr_region_role(r) == NOCR_ROLE_BODY &&
            nocr_region_direction(r) != NOCR_DIR_VERTICAL &&
            nocr_region_line_count(r) <= RECOVERED_CAPTION_LINES && caption_photo(page, r, body))
            nocr_region_set_role(r, NOCR_ROLE_CAPTION);
    }
}

/* The article of the vertical body text that caption r and its photo stand in: the
 * nearest over or under the two in their columns, else the nearest at their right in their
 * tier, which may end above them (a photo at the foot of a tier under which the text ends
 * higher), with no rule between; REC_NO_OWNER when none (or no photo). */
static int caption_article(const rec_work *w, const nocr_page *page, const rec_tiers *t,
                           const nocr_region *r, int body)
{
    const nocr_region *f = caption_photo(page, r, body);
    if (!f)
        return REC_NO_OWNER;
    int x0 = rec_x0(f) < rec_x0(r) ? rec_x0(f) : rec_x0(r);
    int x1 = rec_x1(f) > rec_x1(r) ? rec_x1(f) : rec_x1(r);
    int y0 = rec_y0(f) < rec_y0(r) ? rec_y0(f) : rec_y0(r);
    int y1 = rec_y1(f) > rec_y1(r) ? rec_y1(f) : rec_y1(r);
    int in = REC_NO_OWNER, in_gap = INT_MAX, right = REC_NO_OWNER, right_gap = INT_MAX;
    for (size_t i = 0; i < w->nitems; i++) {
        const nocr_region *o = w->items[i].r;
        if (!is_vbody(o) || !in_article(&w->items[i]))
            continue;
        /* a body whose rows reach over the two's stands beside them in its own columns
         * (its box crosses theirs): the deeper, the nearer */
        int oy = rec_overlap(rec_y0(o), rec_y1(o), y0, y1);
        int dy = oy > 0 ? -oy : rec_y0(o) >= y1 ? rec_y0(o) - y1 : y0 - rec_y1(o);
        int dx = rec_x0(o) - x1;
        if (REC_TOUCH_DIV * rec_overlap(rec_x0(o), rec_x1(o), x0, x1) > body &&
            dy < CAPTION_REACH * body && dy < in_gap) {
            in = w->items[i].article;
            in_gap = dy;
        } else if (rec_y0(o) < y1 && rec_tier_key(t, y0) - rec_tier_key(t, rec_y1(o) - 1) <= 1 &&
                   (rec_y1(o) >= y0 || !rec_rule_between(page, body, x0, x1, rec_y1(o), y0)) &&
                   dx >= -body / REC_TOUCH_DIV && dx < CAPTION_REACH * body && dx < right_gap &&
                   !rec_vrule_between(page, 0, x1, rec_x0(o), rec_y0(o), y1)) {
            right = w->items[i].article;
            right_gap = dx;
        }
    }
    return in != REC_NO_OWNER ? in : right;
}

/* The tier key of an article without vertical body text (a horizontal article) whose
 * extent runs over rows [y0, y1): the key of its middle row, but when that falls between
 * two tiers, the tier its extent reaches into (the one it reaches further into): a
 * horizontal article beside a vertical one in a tier starts at the tier's top with its
 * headline, where the vertical article's headline set across stands over its columns, so
 * that the tier's columns start lower (seed 7101: its middle lay above the tier's columns,
 * and it was read before the article to its right). Wholly between two tiers, it is read
 * between them. */
static int article_tier_key(const rec_tiers *t, int y0, int y1)
{
    int key = rec_tier_key(t, (y0 + y1) / 2), i = key / 2;
    if (key % 2 != 0)
        return key;
    int above = i > 0 ? rec_overlap(y0, y1, t->y0[i - 1], t->y1[i - 1]) : 0;
    int below = i < t->n ? rec_overlap(y0, y1, t->y0[i], t->y1[i]) : 0;
    if (above <= 0 && below <= 0)
        return key;
    return below >= above ? 2 * i + 1 : 2 * i - 1;
}

/* An article without vertical body text placed above tier i (key 2i) that stands beside
 * an article of that tier (the other's extent, headline and columns, overlaps more than
 * half its height) is read in the tier, by its right edge: a reader of a vertical page
 * reads right to left along a row of headlines, and a horizontal headline or article set
 * level with the headline of the tier's first article comes after that article (seed
 * 7710: a horizontal headline at the top left, beside the right article's vertical
 * headline, above the top of its column, was read first; tau 0.33; tuning seed
 * 20261214324: a horizontal article at the top left, level with the right article's
 * headline set across, taller than that headline, tau 0.14). Keys are compared
 * with the tier keys the anchored articles got, in one pass (a moved article does not
 * move another). */
static void beside_tier(int *key, const rec_work *w, const rec_tiers *t, int body)
{
    int n = w->narts;
    for (int a = 0; a < n; a++) {
        const rec_article *ar = &w->arts[a];
        int h = ar->y1 - ar->y0;
        if (key[a] % 2 != 0 || key[a] / 2 >= t->n || h <= 0)
            continue;
        int anchored = 0;
        for (size_t i = 0; i < w->nitems && !anchored; i++)
            anchored = w->items[i].article == a && is_vcolumn(w->items[i].r, body);
        for (int b = 0; b < n && !anchored; b++) {
            const rec_article *br = &w->arts[b];
            if (b != a && key[b] == key[a] + 1 &&
                2 * rec_overlap(ar->y0, ar->y1, br->y0, br->y1) > h) {
                key[a] = key[a] + 1;
                break;
            }
        }
    }
}

/* Whether r's middle row lies in a tier (a fragment too short to make one lies between
 * tiers: tiers_find). */
static int in_tier(const rec_tiers *t, const nocr_region *r)
{
    return rec_tier_of(t, r) % 2 == 1;
}

/* Sets each article's order: by the tier key of its anchor (its topmost vertical body
 * region in a tier, else its topmost one, else its extent: article_tier_key), then right to left
 * by its right edge in that tier (within RIGHT_SLACK: the upper first). Errors: NOCR_ENOMEM. */
static int articles_rank(rec_work *w, const rec_tiers *t, int body)
{
    int n = w->narts, error = NOCR_OK;
    int *key = calloc((size_t)n + 1, sizeof(*key)), *right = calloc((size_t)n + 1, sizeof(*right));
    int *top = calloc((size_t)n + 1, sizeof(*top));
    char *done = calloc((size_t)n + 1, 1);
    if (!key || !right || !top || !done) {
        error = nocr_error_set(NOCR_ENOMEM, "out of memory (reading order of articles)");
        goto cleanup;
    }
    for (int a = 0; a < n; a++) {
        const rec_article *ar = &w->arts[a];
        const nocr_region *anchor = NULL;
        for (size_t i = 0; i < w->nitems; i++) {
            const nocr_region *r = w->items[i].r;
            if (w->items[i].article != a || !is_vcolumn(r, body))
                continue;
            int in = in_tier(t, r), was = anchor && in_tier(t, anchor);
            if (!anchor || in > was || (in == was && rec_y0(r) < rec_y0(anchor)))
                anchor = r;
        }
        key[a] = anchor ? rec_tier_of(t, anchor) : article_tier_key(t, ar->y0, ar->y1);
        top[a] = anchor ? rec_y0(anchor) : ar->y0;
        right[a] = INT_MIN;
        for (size_t i = 0; i < w->nitems; i++) {
            const nocr_region *r = w->items[i].r;
            if (w->items[i].article == a && rec_x1(r) > right[a] && rec_tier_of(t, r) == key[a])
                right[a] = rec_x1(r);
        }
        if (right[a] == INT_MIN)
            right[a] = ar->x1;
    }
    beside_tier(key, w, t, body);
    for (int k = 0; k < n; k++) {
        int pick = -1;
        for (int a = 0; a < n; a++) {
            if (done[a])
                continue;
            if (pick < 0 || key[a] < key[pick] ||
                (key[a] == key[pick] && right[a] > right[pick] + RIGHT_SLACK * body))
                pick = a;
        }
        /* Among the articles in the picked one's columns (edges within the slack), the
         * upper. */
        for (int a = 0; a < n; a++)
            if (!done[a] && key[a] == key[pick] && right[a] >= right[pick] - RIGHT_SLACK * body &&
                top[a] < top[pick])
                pick = a;
        done[pick] = 1;
        w->arts[pick].order = k;
    }

cleanup:
    free(key);
    free(right);
    free(top);
    free(done);
    return error;
}

/* An item with its sort keys: article order, role rank, then keys of its rank. */
typedef struct vkey {
    rec_item it;
    int k[6];
} vkey;

static int vkey_cmp(const void *pa, const void *pb)
{
    const vkey *a = pa, *b = pb;
    for (int i = 0; i < 6; i++)
        if (a->k[i] != b->k[i])
            return (a->k[i] > b->k[i]) - (a->k[i] < b->k[i]);
    return 0;
}

/* The right edge of body region r's columns, straightened: a region's box can reach past
 * them (a column cut off the region, the box left as it was), and a reader goes by the
 * print. The box's right edge when it has no columns. */
static int columns_right(const nocr_page *page, const nocr_region *r)
{
    int right = INT_MIN;
    for (size_t k = 0, nl = nocr_region_line_count(r); k < nl; k++) {
        nocr_box b = rec_upright_box(page, nocr_line_box(nocr_region_line(r, k)));
        right = b.x + b.w > right ? b.x + b.w : right;
    }
    return right > INT_MIN ? right : rec_x1(r);
}

/* The right edge of the column range of body item i of its article and tier (keys in
 * keys[]: k[0] article, k[2] tier): the items whose x-ranges overlap by more than half the
 * narrower, transitively (items.c's column clusters, here read right to left), and that
 * stand above or below the range's pieces: one whose rows overlap theirs by half the
 * shorter stands beside them, and is read by its own right edge (vertical tuning seed
 * 20261217103: a column cut from its article's block, whose box still reached over it,
 * was read after the block, top first). The range's right edge is its columns'
 * (columns_right, negated in each body item's k[5]). grp holds one mark per item. */
static int group_right(const vkey *keys, size_t n, size_t i, char *grp)
{
    for (size_t j = 0; j < n; j++)
        grp[j] = j == i;
    const nocr_region *ri = keys[i].it.r;
    int gx0 = rec_x0(ri), gx1 = rec_x1(ri), gy0 = rec_y0(ri), gy1 = rec_y1(ri);
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t j = 0; j < n; j++) {
            const nocr_region *r = keys[j].it.r;
            if (grp[j] || keys[j].k[0] != keys[i].k[0] || keys[j].k[1] != RANK_BODY ||
                keys[j].k[2] != keys[i].k[2])
                continue;
            int w = rec_x1(r) - rec_x0(r) < gx1 - gx0 ? rec_x1(r) - rec_x0(r) : gx1 - gx0;
            int h = rec_y1(r) - rec_y0(r) < gy1 - gy0 ? rec_y1(r) - rec_y0(r) : gy1 - gy0;
            if (2 * rec_overlap(gx0, gx1, rec_x0(r), rec_x1(r)) > w &&
                2 * rec_overlap(gy0, gy1, rec_y0(r), rec_y1(r)) < h) {
                grp[j] = 1;
                gx0 = rec_x0(r) < gx0 ? rec_x0(r) : gx0;
                gx1 = rec_x1(r) > gx1 ? rec_x1(r) : gx1;
                gy0 = rec_y0(r) < gy0 ? rec_y0(r) : gy0;
                gy1 = rec_y1(r) > gy1 ? rec_y1(r) : gy1;
                changed = 1;
            }
        }
    }
    int right = INT_MIN;
    for (size_t j = 0; j < n; j++)
        if (grp[j] && -keys[j].k[5] > right)
            right = -keys[j].k[5];
    return right;
}

/* Sorts the items into reading order and sets each region's article and order.
 * Errors: NOCR_ENOMEM. */
static int items_rank(rec_work *w, const nocr_page *page, const rec_tiers *t)
{
    size_t n = w->nitems;
    vkey *keys = calloc(n ? n : 1, sizeof(*keys));
    char *grp = calloc(n ? n : 1, 1);
    if (!keys || !grp) {
        free(keys);
        free(grp);
        return nocr_error_set(NOCR_ENOMEM, "out of memory (reading order of columns)");
    }
    for (size_t i = 0; i < n; i++) {
        rec_item *it = &w->items[i];
        const nocr_region *r = it->r;
        if (in_article(it)) {
            it->article = w->arts[it->article].order;
            nocr_region_set_article(it->r, it->article);
        }
        int *k = keys[i].k;
        k[0] = it->article;
        k[1] = rec_role_rank(nocr_region_role(r));
        k[2] = rec_tier_of(t, r);
        k[3] = -rec_x1(r);
        k[4] = rec_y0(r);
        k[5] = (int)i;
        if (k[1] < RANK_BODY && nocr_region_direction(r) != NOCR_DIR_VERTICAL) {
            /* headings across the top: before the vertical ones, top to bottom */
            k[3] = INT_MIN / 2 + rec_y0(r); /* below any -x1: |y0|, x1 <= NOCR_MAX_COORD */
            k[4] = -rec_x1(r);
        }
        if (!in_article(it)) { /* the folio line and page notes: horizontal lines */
            k[1] = k[2] = 0;
            k[3] = rec_y0(r);
            k[4] = rec_x0(r);
        }
        keys[i].it = *it;
    }
    /* body: column range right to left, in it top to bottom, then right first */
    for (size_t i = 0; i < n; i++)
        if (in_article(&keys[i].it) && keys[i].k[1] == RANK_BODY)
            keys[i].k[5] = -columns_right(page, keys[i].it.r);
    for (size_t i = 0; i < n; i++)
        if (in_article(&keys[i].it) && keys[i].k[1] == RANK_BODY)
            keys[i].k[3] = -group_right(keys, n, i, grp);
    qsort(keys, n, sizeof(*keys), vkey_cmp);
    for (size_t i = 0; i < n; i++) {
        w->items[i] = keys[i].it;
        nocr_region_set_order(w->items[i].r, (int)i);
    }
    free(keys);
    free(grp);
    return NOCR_OK;
}

int rec_vertical_order(rec_work *w, nocr_page *page, int body)
{
    size_t n = nocr_page_region_count(page);
    rec_tiers t = {calloc(n ? n : 1, sizeof(int)), calloc(n ? n : 1, sizeof(int)), 0};
    nocr_box *saved = NULL; /* the boxes as they were, while the rules read them upright */
    int error = NOCR_OK;
    if (!t.y0 || !t.y1) {
        error = nocr_error_set(NOCR_ENOMEM, "out of memory (tiers of a vertical page)");
        goto cleanup;
    }
    if ((error = rec_upright_begin(&saved, page)) < 0)
        goto cleanup;
    recovered_captions(page, body);
    rec_headlines_find(w, page);
    articles_of_heads(w, body);
    items_collect(w, page);
    tiers_find(&t, page, w, body);
    for (size_t i = 0; i < w->nitems; i++) {
        rec_item *it = &w->items[i];
        if (it->article == REC_NO_OWNER) {
            int h = rec_vowner(page, &t, it->r, w->heads, w->nheads, body);
            it->article = h != REC_NO_OWNER ? w->head_art[h] : REC_NO_OWNER;
        }
    }
    for (size_t i = 0; i < w->nitems; i++) {
        rec_item *it = &w->items[i];
        int art = nocr_region_role(it->r) == NOCR_ROLE_CAPTION
                      ? caption_article(w, page, &t, it->r, body)
                      : REC_NO_OWNER;
        if (art != REC_NO_OWNER)
            it->article = art;
    }
    items_run_on(w, &t, body);
    for (size_t i = 0; i < w->nitems; i++)
        if (in_article(&w->items[i]))
            rec_article_grow(&w->arts[w->items[i].article], w->items[i].r);
    if ((error = articles_rank(w, &t, body)) == NOCR_OK)
        error = items_rank(w, page, &t);

cleanup:
    rec_upright_end(saved, page);
    free(t.y0);
    free(t.y1);
    return error;
}
