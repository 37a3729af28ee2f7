/*
 * owners.c - the headline that owns a region: the article a region belongs to.
 *
 *   rec_owner            the rules below, in turn
 *   column_above         the body text a region goes on from: the region is its article's
 *   column_past_photo    the body text a region goes on from across a photo in its column
 *   photo_foot           a photo's foot, with its captions when a headline heads it
 *   owner_above          the nearest headline above, in the region's columns
 *   owner_lower_band     a lower headline beside, where the region's column breaks off
 *   owner_photo_under    the headline of the photo right under a region (the photo's
 *                        article spans its columns)
 *   owner_band_above     the nearest headline above, in other columns (a module's head)
 *   owner_beside         a headline level with the region's top, or the photo over it
 *                        (preferred to the band's headline when nearer sideways)
 *   module_beside        a headline whose top the region's top is level with, its column
 *                        broken off above: a new module of the page (starts_module)
 *   body_left            the body text a region goes on from across a gutter (a region
 *                        level with headlines on both sides, not indented)
 *   rec_region_above     the print nearest above a region, in its columns
 *   rec_photo_heading    the photo over a headline, heading its article with it
 *   beside_dx            the white between a region and a headline or its photo level
 *                        with it
 *   deck_of              a deck on a headline's line: that headline's
 *   head_span, head_dx   the columns a headline and the deck on its line span; the white
 *                        between them and a region
 *   side_gap             the white sideways between two spans of columns
 *   body_below           the body region under a subheadline or byline
 *   caption_over_head    a photo and its caption set above a headline belong to it
 *   rec_rule_between     a horizontal rule between two heights, over some columns
 *   rec_rule_frames_figure  a rule is a photo's frame, not an article's border
 *   rec_vrule_between    a column rule between two x positions
 *   rec_frame            four rules that meet around a box
 *   owner_in_frame       the one headline in a region's frame (a boxed article)
 *   framed_apart         a headline in a frame the region stands outside of
 *   cut_between          a band of white across the whole page between two heights
 *
 * A headline owns the text beneath it, in the columns it spans, down to a horizontal rule
 * or the next headline; text beside a headline that spans only part of its article belongs
 * to it too; text no headline owns joins the nearest article of its band.
 */
#include "order/order.h"

#include <limits.h>
#include <stdlib.h>

/* A headline may start up to OWNER_REACH body heights below a region's top and still own
 * it: a headline set level with the first line of its text (a partial headline beside
 * the column it heads) has its top a little under that line's. Chosen by hand in the
 * first cut (961334b) on the 26 samples. */
#define OWNER_REACH 1 /* body heights */

/* A rule within FRAME_SLACK body heights of a photo's top or bottom edge, over more than
 * half the rule's length, is the photo's frame: it stops no article (8e905a4, p02 and
 * p07's framed photos). By hand, no measurement of its own. */
#define FRAME_SLACK_DIV 2 /* body / FRAME_SLACK_DIV */

/* Headlines whose bottoms lie within BAND body heights of each other are one band of the
 * page (headlines of a row of modules; a deck's height apart): among them the nearest one
 * sideways wins (8e905a4, the modular pages p03 and p20). By hand. */
#define BAND 2 /* body heights */

/* A frame's rules meet within IN_FRAME_SLACK body heights of each other's ends
 * (rec_frame): a boxed article's or an advertisement's, as articles.c's AD_FRAME_SLACK. */
#define IN_FRAME_SLACK 2 /* body heights */

/* A region whose top lies between one body height above a headline's top and BESIDE_REACH
 * body heights below its bottom is beside it (the first lines of a column next to a
 * partial headline, under a subheadline and byline). By hand in 961334b (p06). */
#define BESIDE_REACH 3 /* body heights */

int rec_rule_frames_figure(const nocr_page *page, const nocr_region *s, int slack, int vertical)
{
    /* A vertical rule is the same test turned: its sides against the photo's sides. */
    nocr_box sb = nocr_region_box(s);
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *f = nocr_page_region(page, i);
        if (nocr_region_role(f) != NOCR_ROLE_FIGURE)
            continue;
        int near_edge, along;
        if (vertical) {
            near_edge = abs(rec_x0(s) - rec_x0(f)) < slack || abs(rec_x1(s) - rec_x1(f)) < slack;
            along = 2 * rec_overlap(rec_y0(s), rec_y1(s), rec_y0(f), rec_y1(f)) > sb.h;
        } else {
            near_edge = abs(rec_y0(s) - rec_y0(f)) < slack || abs(rec_y1(s) - rec_y1(f)) < slack;
            along = 2 * rec_overlap(rec_x0(s), rec_x1(s), rec_x0(f), rec_x1(f)) > sb.w;
        }
        if (near_edge && along)
            return 1;
    }
    return 0;
}

int rec_rule_between(const nocr_page *page, int body, int x0, int x1, int y0, int y1)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *s = nocr_page_region(page, i);
        nocr_box b = nocr_region_box(s);
        if (nocr_region_role(s) != NOCR_ROLE_SEPARATOR || b.w < b.h ||
            rec_rule_frames_figure(page, s, body / FRAME_SLACK_DIV, 0))
            continue;
        int sy = b.y + b.h / 2;
        int ov = rec_overlap(b.x, b.x + b.w, x0, x1);
        if (sy > y0 && sy < y1 && ov * 2 > (x1 - x0))
            return 1;
    }
    return 0;
}

int rec_vrule_between(const nocr_page *page, int frame_slack, int x0, int x1, int y0, int y1)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *s = nocr_page_region(page, i);
        nocr_box b = nocr_region_box(s);
        if (nocr_region_role(s) != NOCR_ROLE_SEPARATOR || b.h <= b.w)
            continue;
        int sx = b.x + b.w / 2;
        if (sx > x0 && sx < x1 && rec_overlap(b.y, b.y + b.h, y0, y1) > 0 &&
            !(frame_slack > 0 && rec_rule_frames_figure(page, s, frame_slack, 1)))
            return 1;
    }
    return 0;
}

/* A band of paper CUT_MIN body heights high that no region crosses, from one edge of the
 * page to the other, ends one row of the page when a headline starts under it, by the
 * foot of the text in question: the row of articles above is done, and that text is not
 * theirs (issue 11, seeds 20261201516 and 529: a photo over the middle columns, the next
 * article's headline over its last column only, and its first column read on as the
 * article above's). A normal line gap is a fraction of a body height and does not cross
 * every column at once; white around a photo across the page, with no headline under it,
 * is the photo's margin, and the text goes on. By hand. */
#define CUT_MIN 1 /* body heights */

/* Is there such a band between y0 and y1, with a headline starting between its foot and
 * y_end? Not when a heading ends right above the band: a headline owns the text under
 * it, gap or not. */
static int cut_between(const nocr_page *page, int body, int y0, int y1, int y_end)
{
    size_t n = nocr_page_region_count(page);
    int h = CUT_MIN * body;
    for (size_t i = 0; i < n; i++) {
        const nocr_region *a = nocr_page_region(page, i);
        int top = rec_y1(a), clear = 1, headed = 0;
        if (nocr_region_role(a) == NOCR_ROLE_SEPARATOR || top < y0 || top + h > y1)
            continue;
        for (size_t j = 0; j < n && clear; j++) {
            const nocr_region *o = nocr_page_region(page, j);
            nocr_role role = nocr_region_role(o);
            if (role == NOCR_ROLE_SEPARATOR)
                continue;
            int heading = role == NOCR_ROLE_HEADLINE || role == NOCR_ROLE_SUBHEADLINE ||
                          role == NOCR_ROLE_BYLINE || role == NOCR_ROLE_SECTION_HEADING;
            clear = !(rec_y0(o) < top + h && rec_y1(o) > top) &&
                    !(heading && rec_y1(o) > top - body && rec_y1(o) <= top);
            headed |= role == NOCR_ROLE_HEADLINE && rec_y0(o) >= top + h && rec_y0(o) < y_end;
        }
        if (clear && headed)
            return 1;
    }
    return 0;
}

static void head_span(const nocr_page *page, const nocr_region *hd, int *x0, int *x1);
static nocr_region *print_above(const nocr_page *page, const nocr_region *r, int x0, int x1,
                                int top, int body);

/* The nearest headline above r whose columns r shares, with no rule between them over the
 * shared columns; *out_y is its bottom (-1 when none). A deck on the headline's line heads
 * the columns under it too (head_span): tuning seed 20261229248, the second column of an
 * article under a photo across both, its headline over the first column and its deck over
 * the second, went to the nearest headline above in other columns, across a column rule
 * the height of the page. */
static int owner_above(int *out_y, const nocr_page *page, const nocr_region *r,
                       nocr_region *const *heads, int nheads, int body)
{
    int best = REC_NO_OWNER, best_y = -1;
    for (int h = 0; h < nheads; h++) {
        const nocr_region *hd = heads[h];
        int hx0, hx1;
        head_span(page, hd, &hx0, &hx1);
        if (rec_y0(hd) > rec_y0(r) + OWNER_REACH * body ||
            rec_overlap(hx0, hx1, rec_x0(r), rec_x1(r)) <= 0)
            continue;
        int x0 = hx0 > rec_x0(r) ? hx0 : rec_x0(r);
        int x1 = hx1 < rec_x1(r) ? hx1 : rec_x1(r);
        if (rec_y1(hd) <= best_y || rec_rule_between(page, body, x0, x1, rec_y1(hd), rec_y0(r)) ||
            cut_between(page, body, rec_y1(hd), rec_y0(r), rec_y1(r)))
            continue;
        best = h;
        best_y = rec_y1(hd);
    }
    *out_y = best_y;
    return best;
}

/* Is r the text of a heading right above it in its columns (a section heading, a
 * subheadline or a byline ending less than HEADED_GAP body heights above r's top)? Such a
 * column goes on: a heading is read with the text under it. */
#define HEADED_GAP 3 /* body heights */
static int column_headed(const nocr_page *page, const nocr_region *r, int body)
{
    const nocr_region *near = NULL;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *o = nocr_page_region(page, i);
        if (o == r || !nocr_role_is_text(nocr_region_role(o)) || rec_y1(o) > rec_y0(r) + body ||
            rec_overlap(rec_x0(o), rec_x1(o), rec_x0(r), rec_x1(r)) <= 0)
            continue;
        if (!near || rec_y1(o) > rec_y1(near))
            near = o;
    }
    nocr_role role = near ? nocr_region_role(near) : NOCR_ROLE_UNKNOWN;
    return (role == NOCR_ROLE_SECTION_HEADING || role == NOCR_ROLE_SUBHEADLINE ||
            role == NOCR_ROLE_BYLINE) &&
           rec_y0(r) - rec_y1(near) < HEADED_GAP * body;
}

/* The foot of headline hd with the decks and bylines set under it, each less than
 * HEADED_GAP body heights under the one above and mostly inside hd's width: where the
 * text of hd's article starts, in all of its columns, not only in the ones under the
 * byline (tuning seed 20270113060: the first column of an article whose byline is
 * centred under its headline, four body heights under the headline, went to a lower
 * headline two columns beyond the article's last). */
static int head_foot(const nocr_page *page, const nocr_region *hd, int body)
{
    int foot = rec_y1(hd);
    size_t n = nocr_page_region_count(page);
    for (int grown = 1; grown;) {
        grown = 0;
        for (size_t i = 0; i < n; i++) {
            const nocr_region *o = nocr_page_region(page, i);
            nocr_role role = nocr_region_role(o);
            if ((role == NOCR_ROLE_SUBHEADLINE || role == NOCR_ROLE_BYLINE) && rec_y1(o) > foot &&
                rec_y0(o) >= foot - body / 2 && rec_y0(o) - foot < HEADED_GAP * body &&
                2 * rec_overlap(rec_x0(o), rec_x1(o), rec_x0(hd), rec_x1(hd)) >
                    nocr_region_box(o).w) {
                foot = rec_y1(o);
                grown = 1;
            }
        }
    }
    return foot;
}

/* Does r stand right under headline hd: between hd's foot and r's top, in r's columns,
 * nothing but headings (a deck, a byline, a section heading) and photos with their
 * captions, each less than HEADED_GAP body heights under the one above it? A headline owns
 * the text right under it: no lower headline beside takes that text, however its middle
 * falls between the byline and the text (tuning seed 20261223217: a headline over one
 * column, its byline and its text, the next article's headline level with the white under
 * the byline, two columns away; the text and byline were read as that article's), nor the
 * text under a photo at the top of its column (tuning seed 20261229248: the text under a
 * photo and its caption, level with a headline across a column rule, went to that
 * headline's article). */
static int under_head(const nocr_page *page, const nocr_region *r, const nocr_region *hd, int body)
{
    int top = rec_y0(r);
    if (rec_y1(hd) > top + body)
        return 0;
    int foot = head_foot(page, hd, body);
    for (size_t steps = 0, n = nocr_page_region_count(page); steps <= n; steps++) {
        if (top - foot < HEADED_GAP * body)
            return 1;
        const nocr_region *near = NULL;
        for (size_t i = 0; i < n; i++) {
            const nocr_region *o = nocr_page_region(page, i);
            nocr_role ro = nocr_region_role(o);
            if (o == r || o == hd || (!nocr_role_is_text(ro) && ro != NOCR_ROLE_FIGURE) ||
                rec_y1(o) > top + body / 2 || rec_y0(o) >= top ||
                rec_overlap(rec_x0(o), rec_x1(o), rec_x0(r), rec_x1(r)) <= 0)
                continue;
            if (!near || rec_y1(o) > rec_y1(near))
                near = o;
        }
        nocr_role role = near ? nocr_region_role(near) : NOCR_ROLE_UNKNOWN;
        if ((role != NOCR_ROLE_SECTION_HEADING && role != NOCR_ROLE_SUBHEADLINE &&
             role != NOCR_ROLE_BYLINE && role != NOCR_ROLE_FIGURE && role != NOCR_ROLE_CAPTION) ||
            top - rec_y1(near) >= HEADED_GAP * body)
            return 0;
        top = rec_y0(near);
    }
    return 0;
}

/* A caption whose headline comes right under it: at most OVER_HEAD_GAP body heights below
 * the caption, over more than half of its width, no rule between. By hand, after the
 * synthetic pages' "photo above the head" layout (seed 20261201120) and the modular
 * pages of issue 11. */
#define OVER_HEAD_GAP 3

/* Headline hd (or any region) stands in a frame of four rules (a boxed article, an
 * advertisement) and r outside it, its middle out of the frame: no text outside a box is
 * the box's (tuning seed 20261211270: a piece of a column beside an advertisement's box,
 * level with its headline, was taken into the advertisement, whose extent then reached
 * past its frame, and it was read in place among the articles instead of after them). */
static int middle_outside(const nocr_box *f, const nocr_region *r)
{
    int cx = rec_x0(r) + nocr_region_box(r).w / 2, cy = rec_y0(r) + nocr_region_box(r).h / 2;
    return cx < f->x || cx >= f->x + f->w || cy < f->y || cy >= f->y + f->h;
}

/* The frame of four rules region r stands in (rec_frame, IN_FRAME_SLACK): 1 and *f, or 0. */
static int frame_of(const nocr_page *page, const nocr_region *r, int body, nocr_box *f)
{
    return rec_frame(page, rec_x0(r), rec_y0(r), rec_x1(r), rec_y1(r), IN_FRAME_SLACK * body, f);
}

static int framed_apart(const nocr_page *page, const nocr_region *hd, const nocr_region *r,
                        int body)
{
    nocr_box f;
    return frame_of(page, hd, body, &f) && middle_outside(&f, r);
}

/* The photo above caption r: the figure whose foot is less than OVER_HEAD_GAP body heights
 * over r's top, over more than half of r's width; NULL when none. */
static const nocr_region *photo_over(const nocr_page *page, const nocr_region *r, int body)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *f = nocr_page_region(page, i);
        int gap = rec_y0(r) - rec_y1(f);
        if (nocr_region_role(f) == NOCR_ROLE_FIGURE && gap > -body && gap < OVER_HEAD_GAP * body &&
            2 * rec_overlap(rec_x0(f), rec_x1(f), rec_x0(r), rec_x1(r)) > nocr_region_box(r).w)
            return f;
    }
    return NULL;
}

/* The body text r goes on from: the print nearest above r, body text over more than half
 * of r's width, starting higher, its foot less than LINE_GAP body heights over r's top,
 * no rule between; NULL when none. Its column runs on through a paragraph's break and r is
 * read with it: no lower headline in other columns starts a band there (tuning seed
 * 20261225200: a column parted at a paragraph's indent, level with the middle of a
 * headline two columns away, was read as that article's). A section heading is part of
 * its column too: the body goes on from it (and it from the body above it) when it stands
 * over more than half of the narrower's width, less than HEADING_GAP body heights apart
 * (the space a heading stands in). Tuning seed 20261226229: the text under a section
 * heading, level with the foot of a headline three columns away, was read as that
 * article's (CER 0.41 -> 0.34); mean CER, tuning 20261226200-239 0.1766 -> 0.1723,
 * 20261225200-239 0.1690 -> 0.1662 (5 pages better, 1 worse), 20261224200-239 0.1600 ->
 * 0.1588 (1 better, 2 worse). */
#define LINE_GAP    1 /* body heights */
#define HEADING_GAP 2 /* body heights */
static int in_column(nocr_role role)
{
    return role == NOCR_ROLE_BODY || role == NOCR_ROLE_SECTION_HEADING;
}

static const nocr_region *column_above(const nocr_page *page, const nocr_region *r, int body)
{
    const nocr_region *o = rec_region_above(page, r, body);
    if (!o || !in_column(nocr_region_role(r)) || !in_column(nocr_region_role(o)))
        return NULL;
    int heading = nocr_region_role(r) == NOCR_ROLE_SECTION_HEADING ||
                  nocr_region_role(o) == NOCR_ROLE_SECTION_HEADING;
    int w = nocr_region_box(r).w;
    if (heading && nocr_region_box(o).w < w)
        w = nocr_region_box(o).w;
    if (rec_y0(o) >= rec_y0(r) ||
        rec_y0(r) - rec_y1(o) >= (heading ? HEADING_GAP : LINE_GAP) * body ||
        2 * rec_overlap(rec_x0(o), rec_x1(o), rec_x0(r), rec_x1(r)) <= w ||
        rec_rule_between(page, body, rec_x0(r), rec_x1(r), rec_y1(o), rec_y0(r)))
        return NULL;
    return o;
}

/* The foot of photo f with its captions under it, when f hangs right under a headline
 * over some of its columns (under_head): a photo that heads its article spans the
 * article's columns, and the text beside its caption, in the photo's other columns,
 * starts under the caption's level and is the same article's (tuning seed 20270106005: a
 * caption under the first two of a photo's three columns, the third column's text a
 * caption's height lower). Else the photo's own foot: a photo set between two articles'
 * text, the upper one's column ending over it, may head the lower one's (tuning seed
 * 20270104052: its caption's foot let the lower article's columns run on from the upper
 * one's). */
static int photo_foot(const nocr_page *page, const nocr_region *f, int body)
{
    int foot = rec_y1(f), headed = 0;
    size_t n = nocr_page_region_count(page);
    for (size_t i = 0; i < n && !headed; i++) {
        const nocr_region *hd = nocr_page_region(page, i);
        headed = nocr_region_role(hd) == NOCR_ROLE_HEADLINE &&
                 rec_overlap(rec_x0(hd), rec_x1(hd), rec_x0(f), rec_x1(f)) > 0 &&
                 rec_y1(hd) <= rec_y0(f) && under_head(page, f, hd, body);
    }
    for (size_t i = 0; i < n && headed; i++) {
        const nocr_region *c = nocr_page_region(page, i);
        if (nocr_region_role(c) == NOCR_ROLE_CAPTION && rec_y1(c) > foot &&
            rec_overlap(rec_x0(c), rec_x1(c), rec_x0(f), rec_x1(f)) > 0 &&
            photo_over(page, c, body) == f)
            foot = rec_y1(c);
    }
    return foot;
}

/* The body text a column goes on from across a photo set in it: r, body text, a section
 * heading or a caption, stands right under a photo (or under the photo's caption), less
 * than OVER_HEAD_GAP body heights below, and right over the photo in r's columns, as near,
 * stands body text, no rule between. r is that text's: the photo only interrupts the
 * column (tuning seed 20261229248: the text under a photo across two columns, and the
 * caption of a photo under the first column of an article whose partial headline stands
 * beside it, went to the headlines nearest above in other columns). NULL when none. The
 * text found starts higher than r: rec_owner follows it up, and must end (fuzzed pages
 * with regions a few pixels high, overlapping, found r itself). */
static const nocr_region *column_past_photo(const nocr_page *page, const nocr_region *r, int body)
{
    nocr_role role = nocr_region_role(r);
    const nocr_region *f = NULL;
    if (role == NOCR_ROLE_CAPTION) {
        f = photo_over(page, r, body);
    } else if (in_column(role)) {
        const nocr_region *o = rec_region_above(page, r, body);
        if (o && nocr_region_role(o) == NOCR_ROLE_CAPTION)
            o = photo_over(page, o, body) ? rec_region_above(page, o, body) : NULL;
        if (o && nocr_region_role(o) == NOCR_ROLE_FIGURE &&
            rec_y0(r) - photo_foot(page, o, body) < OVER_HEAD_GAP * body &&
            2 * rec_overlap(rec_x0(o), rec_x1(o), rec_x0(r), rec_x1(r)) > nocr_region_box(r).w)
            f = o;
    }
    if (!f)
        return NULL;
    const nocr_region *near = print_above(page, f, rec_x0(r), rec_x1(r), rec_y0(f), body);
    if (!near || !in_column(nocr_region_role(near)) || rec_y0(near) >= rec_y0(r) ||
        rec_y0(f) - rec_y1(near) >= OVER_HEAD_GAP * body ||
        2 * rec_overlap(rec_x0(near), rec_x1(near), rec_x0(r), rec_x1(r)) <=
            nocr_region_box(r).w ||
        rec_rule_between(page, body, rec_x0(r), rec_x1(r), rec_y1(near), rec_y0(r)))
        return NULL;
    return near;
}

static int head_dx(const nocr_page *page, const nocr_region *r, const nocr_region *hd);

/* Whether headline hd, in other columns than r's and lower than the one above r (whose
 * bottom is above_y), is where r's column breaks off (owner_lower_band); top is r's top
 * (its photo's, for a caption), headed whether r is the text of a heading above it. */
static int breaks_off_at(const nocr_page *page, const nocr_region *r, const nocr_region *hd,
                         int top, int headed, int above_y, int body)
{
    int level = rec_y1(hd) > top + OWNER_REACH * body;
    if (framed_apart(page, hd, r, body) ||
        (level && (rec_y0(hd) > top + OWNER_REACH * body || headed)) || rec_y0(hd) <= above_y)
        return 0;
    /* The column goes on past the headline's middle when text or a photo of it
     * (issue 11: a photo at the top of a column, beside a lower headline) is there.
     * A headline level with r's top (text beside a partial headline, seeds 1103 and
     * 1121) takes it only when the band breaks off between them too: no column
     * between r and the headline runs on past its middle (seed 1136: a headline two
     * columns away, level with the text under a photo of the article above), and r
     * is not the text of a heading above it (column_headed; seed 1136 again). */
    int ymid = rec_y0(hd) + nocr_region_box(hd).h / 2;
    int x0 = rec_x0(r), x1 = rec_x1(r);
    if (level) {
        x0 = rec_x1(hd) < x0 ? rec_x1(hd) : x0;
        x1 = rec_x0(hd) > x1 ? rec_x0(hd) : x1;
    }
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *o = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(o);
        if (o != r &&
            (role == NOCR_ROLE_FIGURE ||
             (nocr_role_is_text(role) && role != NOCR_ROLE_HEADLINE)) &&
            rec_y0(o) < ymid && rec_y1(o) > ymid && rec_overlap(rec_x0(o), rec_x1(o), x0, x1) > 0)
            return 0;
    }
    return 1;
}

/* A headline in other columns, lower than the one above r (whose bottom is above_y), takes
 * over when r's column breaks off at that headline's height (breaks_off_at): a new band of
 * the page (modular layout) starts there. The headline may also be level with r's top: the
 * text beside a partial headline starts on its first line. Of the lowest band of such
 * headlines (bottoms within BAND body heights of the lowest), the nearest sideways: the
 * lowest alone took the first column of an article under a partial headline for the
 * headline of a column four away, its bottom a third of a body height lower (tuning seed
 * 20270113083). REC_NO_OWNER when none. */
static int owner_lower_band(const nocr_page *page, const nocr_region *r, nocr_region *const *heads,
                            int nheads, int above_y, int body)
{
    int headed = column_headed(page, r, body);
    /* A caption stands with its photo: level with a headline or not is the photo's top
     * (fresh seed 20261204008: a caption under a photo in the middle of an article's
     * column, level with the headline of the next article's column, went to that
     * article). */
    const nocr_region *photo =
        nocr_region_role(r) == NOCR_ROLE_CAPTION ? photo_over(page, r, body) : NULL;
    int top = photo ? rec_y0(photo) : rec_y0(r);
    int lowest = INT_MIN;
    for (int h = 0; h < nheads; h++)
        if (rec_y1(heads[h]) > lowest &&
            breaks_off_at(page, r, heads[h], top, headed, above_y, body))
            lowest = rec_y1(heads[h]);
    int lower = REC_NO_OWNER, lower_dx = INT_MAX;
    for (int h = 0; h < nheads && lowest != INT_MIN; h++) {
        int dx = rec_y1(heads[h]) > lowest - BAND * body ? head_dx(page, r, heads[h]) : INT_MAX;
        if (dx < lower_dx && breaks_off_at(page, r, heads[h], top, headed, above_y, body)) {
            lower = h;
            lower_dx = dx;
        }
    }
    return lower;
}

/* The white sideways between [a0, a1) and [b0, b1): from b's right edge to a's left when
 * a stands right of b, else from a's right edge to b's left (negative when they overlap). */
static int side_gap(int a0, int a1, int b0, int b1)
{
    return a0 >= b1 ? a0 - b1 : b0 - a1;
}

/* Is there a headline other than hd right over d, in d's columns, nearer above d than hd
 * is beside it (gap_x)? d is then that headline's deck, set under it: a tall headline
 * next to it reaches down beside it too (fresh seed 20261202156: the deck under a
 * one-column headline was taken for the deck of the taller headline one gutter away, and
 * with it the columns of its article). */
static int deck_under_other(const nocr_page *page, const nocr_region *d, const nocr_region *hd,
                            int gap_x)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *o = nocr_page_region(page, i);
        int gap_y = rec_y0(d) - rec_y1(o);
        if (o != hd && nocr_region_role(o) == NOCR_ROLE_HEADLINE && gap_y >= 0 && gap_y < gap_x &&
            rec_overlap(rec_x0(o), rec_x1(o), rec_x0(d), rec_x1(d)) > 0)
            return 1;
    }
    return 0;
}

/* Is d a deck set on headline hd's line: a subheadline whose top lies in the headline's
 * rows (a deck's smaller type hangs from there or sits low, level with the foot: seed
 * 1435's reaches 40 px under it; set level with the headline's top, its ink may start a
 * little higher, up to a DECK_ABOVE_DIV-th of the headline's height: tuning seed
 * 20261229248, 6 px over a headline 89 px high), less than DECK_ROW_GAP headline heights
 * away sideways, and not under a headline of its own (deck_under_other)? */
#define DECK_ROW_GAP   2
#define DECK_ABOVE_DIV 4
static int deck_of(const nocr_page *page, const nocr_region *d, const nocr_region *hd)
{
    if (nocr_region_role(d) != NOCR_ROLE_SUBHEADLINE ||
        rec_y0(d) < rec_y0(hd) - nocr_region_box(hd).h / DECK_ABOVE_DIV || rec_y0(d) >= rec_y1(hd))
        return 0;
    int gap = side_gap(rec_x0(d), rec_x1(d), rec_x0(hd), rec_x1(hd));
    return gap < DECK_ROW_GAP * nocr_region_box(hd).h && !deck_under_other(page, d, hd, gap);
}

/* The columns headline hd and the decks on its line span, [*x0, *x1): a deck heads the
 * columns under it as the headline does (fresh seed 20261201993: a deck over the third
 * column of its article, whose headline covers the first two). */
static void head_span(const nocr_page *page, const nocr_region *hd, int *x0, int *x1)
{
    *x0 = rec_x0(hd);
    *x1 = rec_x1(hd);
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *d = nocr_page_region(page, i);
        if (!deck_of(page, d, hd))
            continue;
        *x0 = rec_x0(d) < *x0 ? rec_x0(d) : *x0;
        *x1 = rec_x1(d) > *x1 ? rec_x1(d) : *x1;
    }
}

/* The white between r and headline hd (with its deck) sideways; negative when they
 * overlap. */
static int head_dx(const nocr_page *page, const nocr_region *r, const nocr_region *hd)
{
    int x0, x1;
    head_span(page, hd, &x0, &x1);
    return side_gap(rec_x0(r), rec_x1(r), x0, x1);
}

/* Headline mid stands between r and headline hd sideways, and its text beside r: the columns
 * it and its deck span lie wholly in the white between the two, and a body region under it
 * reaches down to r's top. */
static int head_between(const nocr_page *page, const nocr_region *r, const nocr_region *mid,
                        const nocr_region *hd, int body)
{
    int x0, x1;
    head_span(page, mid, &x0, &x1);
    if (!(rec_x1(r) <= rec_x0(hd) && x0 >= rec_x1(r) && x1 <= rec_x0(hd)) &&
        !(rec_x0(r) >= rec_x1(hd) && x1 <= rec_x0(r) && x0 >= rec_x1(hd)))
        return 0;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *o = nocr_page_region(page, i);
        if (nocr_region_role(o) == NOCR_ROLE_BODY &&
            rec_overlap(rec_x0(o), rec_x1(o), x0, x1) > 0 && rec_y0(o) >= rec_y1(mid) - body &&
            rec_y0(o) <= rec_y0(r) + body && rec_y1(o) > rec_y0(r))
            return 1;
    }
    return 0;
}

/* The nearest headline above r in other columns: a headline centred over a module owns the
 * module's columns that it does not cover (no rule may come between). Headlines of one
 * band are told apart by horizontal distance, across no vertical rule. Headlines that
 * share rows are one band however far their feet lie apart: a row of modules hangs its
 * headlines from one line, in one line or two (tuning seed 20261211246: the first column
 * of an article under a centred one-line headline went to the two-line headline at the
 * page's other edge, and was read after that article). A lower headline wins over a higher
 * one only when the higher one, with text under it beside r, does not stand between it and
 * r: the text under a photo beside its article's headline went to the next article's
 * headline beyond that one's column, lower by its foot (tuning seed 20261211231). A
 * headline's rows reach down to its byline and decks (head_foot): a headline three body
 * heights lower, level with another's byline, is of that one's band (tuning seed
 * 20270113060: the last column of an article went to the next headline, four columns
 * away). */
static int owner_band_above(const nocr_page *page, const nocr_region *r, nocr_region *const *heads,
                            int nheads, int body)
{
    int best = REC_NO_OWNER, best_y = -1, best_top = -1, near_dx = INT_MAX;
    int width = nocr_page_width(page);
    for (int h = 0; h < nheads; h++) {
        const nocr_region *hd = heads[h];
        if (rec_y1(hd) > rec_y0(r) + OWNER_REACH * body ||
            rec_rule_between(page, body, rec_x0(r), rec_x1(r), rec_y1(hd), rec_y0(r)) ||
            cut_between(page, body, rec_y1(hd), rec_y0(r), rec_y1(r)))
            continue;
        int right = rec_x0(r) >= rec_x1(hd); /* r right of the headline */
        int dx = head_dx(page, r, hd);
        int lo = right ? rec_x1(hd) : rec_x1(r), hi = right ? rec_x0(r) : rec_x0(hd);
        if (rec_vrule_between(page, 0, lo, hi, rec_y1(hd), rec_y0(r)))
            dx += width; /* across a column rule: only if nothing else */
        int foot = head_foot(page, hd, body);
        int rows = best != REC_NO_OWNER && rec_overlap(rec_y0(hd), foot, best_top, best_y) > 0;
        int below = !rows && foot > best_y + BAND * body &&
                    (best == REC_NO_OWNER || !head_between(page, r, heads[best], hd, body));
        int same_band = rows || abs(foot - best_y) <= BAND * body;
        if (best == REC_NO_OWNER || below || (same_band && dx < near_dx)) {
            best = h;
            best_y = foot;
            best_top = rec_y0(hd);
            near_dx = dx;
        }
    }
    return best;
}

/* The body region right under r: the nearest below it over more than half of r's
 * columns, with no rule between; NULL when none. */
static const nocr_region *body_below(const nocr_page *page, const nocr_region *r, int body)
{
    const nocr_region *best = NULL;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *o = nocr_page_region(page, i);
        if (nocr_region_role(o) != NOCR_ROLE_BODY || nocr_region_line_count(o) == 0 ||
            rec_y0(o) < rec_y1(r) || (best && rec_y0(o) >= rec_y0(best)) ||
            2 * rec_overlap(rec_x0(o), rec_x1(o), rec_x0(r), rec_x1(r)) <= nocr_region_box(r).w ||
            rec_rule_between(page, body, rec_x0(r), rec_x1(r), rec_y1(r), rec_y0(o)))
            continue;
        best = o;
    }
    return best;
}

/* The print nearest above height top in columns [x0, x1), other than r. */
static nocr_region *print_above(const nocr_page *page, const nocr_region *r, int x0, int x1,
                                int top, int body)
{
    nocr_region *near = NULL;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        nocr_region *o = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(o);
        if (o == r || (!nocr_role_is_text(role) && role != NOCR_ROLE_FIGURE) ||
            role == NOCR_ROLE_UNKNOWN || rec_y1(o) > top + body / 2 ||
            rec_overlap(rec_x0(o), rec_x1(o), x0, x1) <= 0)
            continue;
        if (!near || rec_y1(o) > rec_y1(near))
            near = o;
    }
    return near;
}

/* The print nearest above r in its columns (order.h). */
nocr_region *rec_region_above(const nocr_page *page, const nocr_region *r, int body)
{
    return print_above(page, r, rec_x0(r), rec_x1(r), rec_y0(r), body);
}

/* The photo set over headline hd, heading its article with it: the nearest print over
 * the headline's columns, less than OVER_HEAD_GAP body heights above it, is the photo or
 * its caption, and no text but captions stands beside the photo in the headline's columns
 * (else the photo ends the article above, whose text goes on beside it: as in
 * caption_over_head). NULL when none. */
const nocr_region *rec_photo_heading(const nocr_page *page, const nocr_region *hd, int body)
{
    const nocr_region *near = rec_region_above(page, hd, body), *f = NULL;
    size_t n = nocr_page_region_count(page);
    if (!near || rec_y0(hd) - rec_y1(near) >= OVER_HEAD_GAP * body)
        return NULL;
    if (nocr_region_role(near) == NOCR_ROLE_FIGURE)
        f = near;
    else if (nocr_region_role(near) == NOCR_ROLE_CAPTION)
        f = photo_over(page, near, body);
    for (size_t i = 0; f && i < n; i++) {
        const nocr_region *o = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(o);
        if (nocr_role_is_text(role) && role != NOCR_ROLE_HEADLINE && role != NOCR_ROLE_CAPTION &&
            role != NOCR_ROLE_UNKNOWN && rec_y0(o) < rec_y1(f) && rec_y1(o) > rec_y0(f) &&
            rec_overlap(rec_x0(o), rec_x1(o), rec_x0(hd), rec_x1(hd)) > 0)
            return NULL;
    }
    return f;
}

/* The white sideways between r and headline hd when r's top is level with it: within
 * the headline's rows (from one body height above its top to BESIDE_REACH body heights
 * below its bottom), measured to the headline and the deck on its line (head_dx); else
 * within the rows of the photo over it (rec_photo_heading), measured to the photo. -1
 * when r is beside neither. */
static int beside_dx(const nocr_page *page, const nocr_region *r, const nocr_region *hd, int body)
{
    if (rec_y0(r) >= rec_y0(hd) - body && rec_y0(r) <= rec_y1(hd) + BESIDE_REACH * body)
        return head_dx(page, r, hd);
    const nocr_region *f = rec_photo_heading(page, hd, body);
    if (!f || rec_y0(r) < rec_y0(f) - body || rec_y0(r) >= rec_y1(f))
        return -1;
    return side_gap(rec_x0(r), rec_x1(r), rec_x0(f), rec_x1(f));
}

/* The body region that r's text goes on from across a gutter: the nearest body region
 * left of r beside it (the highest of those in one column), not parted from r by a frame
 * (a boxed article's text beside a column: tuning seed 20261229250). A column rule alone
 * parts nothing: pages rule off the columns of one article too (tuning seed 20270109009:
 * an article's third column, beside its partial headline and across a rule from its
 * second, went to the photo-headed article on its right). NULL when none. */
static const nocr_region *body_left(const nocr_page *page, const nocr_region *r, int body)
{
    const nocr_region *best = NULL;
    nocr_box rf; /* r's own frame, the same for every region looked at */
    int r_framed = frame_of(page, r, body, &rf);
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *o = nocr_page_region(page, i);
        if (o == r || nocr_region_role(o) != NOCR_ROLE_BODY || nocr_region_line_count(o) == 0 ||
            rec_x0(o) >= rec_x0(r) || rec_x1(o) > rec_x0(r) + body / 2 || rec_y0(o) >= rec_y1(r) ||
            rec_y1(o) <= rec_y0(r) + body ||
            (best && (rec_x1(o) < rec_x1(best) - body ||
                      (rec_x1(o) <= rec_x1(best) + body && rec_y0(o) >= rec_y0(best)))) ||
            (r_framed && middle_outside(&rf, o)) || framed_apart(page, o, r, body))
            continue;
        best = o;
    }
    return best;
}

/* rec_owner follows text up its column and, here, left across gutters: each step is to a
 * region higher or further left, but regions of a damaged page can overlap every which
 * way, so the steps left are counted (per thread: pages are read in parallel) and stop at
 * BESIDE_DEPTH, more columns than a page has. */
#define BESIDE_DEPTH 16
static _Thread_local int beside_depth;

/* The owner of the body text r goes on from across a gutter (body_left); REC_NO_OWNER when
 * there is none, or the steps left are used up. */
static int owner_left(const nocr_page *page, const nocr_region *r, nocr_region *const *heads,
                      int nheads, int body)
{
    const nocr_region *from = beside_depth < BESIDE_DEPTH ? body_left(page, r, body) : NULL;
    if (!from)
        return REC_NO_OWNER;
    beside_depth++;
    int owner = rec_owner(page, from, heads, nheads, body);
    beside_depth--;
    return owner;
}

/* A headline whose rows r's top falls in, or the rows of the photo over it (a photo above
 * its headline heads the article's columns beside it: fresh seed 20261202128, the first
 * column at the top of the page beside such a photo was read as no article's, first on
 * the page), nearest horizontally (a column rule between them does not matter: no
 * headline claims these columns). REC_NO_OWNER when none.
 *
 * Body text with such a headline on either side is told by how its first line starts.
 * Partial headlines stand at the left or the right of their articles, and distance does
 * not tell which (fresh seeds 20270104000-099: the nearest was right for 25 such regions
 * and wrong for 17). An article never starts in mid-paragraph: text whose first line is
 * not indented goes on from the body text to its left, and is that text's article's when
 * that is one of the two (else the nearest, as before: tuning seed 20261229250, a boxed
 * article's text beside the column, its headline framed apart); text that starts
 * indented, beside a headline on its right whose own text is not, or that heads no text
 * right under it (only a photo: tuning seed 20270113060), is the first column of that
 * headline's article. */
static int owner_beside(const nocr_page *page, const nocr_region *r, nocr_region *const *heads,
                        int nheads, int body)
{
    int best = REC_NO_OWNER, best_dx = INT_MAX, left = REC_NO_OWNER, right = REC_NO_OWNER;
    int left_dx = INT_MAX, right_dx = INT_MAX;
    for (int h = 0; h < nheads; h++) {
        if (framed_apart(page, heads[h], r, body))
            continue;
        int dx = beside_dx(page, r, heads[h], body);
        if (dx < 0)
            continue;
        if (dx < best_dx) {
            best = h;
            best_dx = dx;
        }
        if (rec_x1(heads[h]) <= rec_x0(r) && dx < left_dx) {
            left = h;
            left_dx = dx;
        } else if (rec_x0(heads[h]) >= rec_x1(r) && dx < right_dx) {
            right = h;
            right_dx = dx;
        }
    }
    if (left == REC_NO_OWNER || right == REC_NO_OWNER || nocr_region_role(r) != NOCR_ROLE_BODY ||
        nocr_region_line_count(r) < 2)
        return best;
    if (!rec_starts_indented(page, r, body)) {
        int owner = owner_left(page, r, heads, nheads, body);
        return owner == left || owner == right ? owner : best;
    }
    const nocr_region *first = body_below(page, heads[right], body);
    return !first || !rec_starts_indented(page, first, body) ? right : best;
}

/* A photo and its caption r set between the end of one article and the headline of the
 * next, over it, belong to the headline under them: a photo at the foot of an article's
 * column has that article's other columns beside it, in the headline's width, while one
 * above a headline has no text beside it there. Over it: the caption or its photo over more
 * than half its own width (a short caption at the left of a wide photo stands beside the
 * headline under the photo: tuning seed 20261211227, read as an article of its own before
 * the headline). REC_NO_OWNER when r is not such a caption. */
static int caption_over_head(const nocr_page *page, const nocr_region *r,
                             nocr_region *const *heads, int nheads, int body)
{
    const nocr_region *f = photo_over(page, r, body);
    if (!f)
        return REC_NO_OWNER;
    int best = REC_NO_OWNER;
    for (int h = 0; h < nheads; h++) {
        const nocr_region *hd = heads[h];
        int gap = rec_y0(hd) - rec_y1(r);
        int over =
            2 * rec_overlap(rec_x0(hd), rec_x1(hd), rec_x0(r), rec_x1(r)) > nocr_region_box(r).w ||
            2 * rec_overlap(rec_x0(hd), rec_x1(hd), rec_x0(f), rec_x1(f)) > nocr_region_box(f).w;
        if (gap < 0 || gap >= OVER_HEAD_GAP * body || !over ||
            rec_rule_between(page, body, rec_x0(r), rec_x1(r), rec_y1(r), rec_y0(hd)) ||
            (best != REC_NO_OWNER && rec_y0(hd) >= rec_y0(heads[best])))
            continue;
        best = h;
    }
    if (best == REC_NO_OWNER)
        return REC_NO_OWNER;
    const nocr_region *hd = heads[best];
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *o = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(o);
        if (nocr_role_is_text(role) && role != NOCR_ROLE_HEADLINE && role != NOCR_ROLE_CAPTION &&
            rec_y0(o) < rec_y1(r) && rec_y1(o) > rec_y0(f) &&
            rec_overlap(rec_x0(o), rec_x1(o), rec_x0(hd), rec_x1(hd)) > 0)
            return REC_NO_OWNER; /* text beside the photo: the article above goes on (other
                                  * photos' captions beside it do not count) */
    }
    return best;
}

/* The nearest rule on one side of the box [x0, x1) x [y0, y1) that runs along that whole
 * side: side 0 above, 1 below, 2 left, 3 right. NULL when none. */
static const nocr_region *rule_on_side(const nocr_page *page, int side, int x0, int y0, int x1,
                                       int y1, int slack)
{
    const nocr_region *best = NULL;
    int best_d = INT_MAX;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *s = nocr_page_region(page, i);
        if (nocr_region_role(s) != NOCR_ROLE_SEPARATOR)
            continue;
        nocr_box b = nocr_region_box(s);
        int level = b.w >= b.h, d;
        if (side < 2) {
            int cy = b.y + b.h / 2;
            d = side == 0 ? y0 - cy : cy - y1;
            if (!level || b.x > x0 + slack || b.x + b.w < x1 - slack)
                continue;
        } else {
            int cx = b.x + b.w / 2;
            d = side == 2 ? x0 - cx : cx - x1;
            if (level || b.y > y0 + slack || b.y + b.h < y1 - slack)
                continue;
        }
        if (d >= 0 && d < best_d) {
            best = s;
            best_d = d;
        }
    }
    return best;
}

/* Whether position v (an x when rows == 0, else a y) lies within rule s's box, give or
 * take slack pixels. */
static int ends_at(int v, const nocr_region *s, int rows, int slack)
{
    int a0 = rows ? rec_y0(s) : rec_x0(s), a1 = rows ? rec_y1(s) : rec_x1(s);
    return v >= a0 - slack && v <= a1 + slack;
}

int rec_frame(const nocr_page *page, int x0, int y0, int x1, int y1, int slack, nocr_box *out)
{
    const nocr_region *top = rule_on_side(page, 0, x0, y0, x1, y1, slack);
    const nocr_region *bot = rule_on_side(page, 1, x0, y0, x1, y1, slack);
    const nocr_region *left = rule_on_side(page, 2, x0, y0, x1, y1, slack);
    const nocr_region *right = rule_on_side(page, 3, x0, y0, x1, y1, slack);
    if (!top || !bot || !left || !right)
        return 0;
    /* the level rules end at the upright ones, the upright ones at the level ones: an end
     * within the other rule's box (which on a skewed page is as tall or wide as the drift
     * along the rule) or within slack of it */
    if (!(ends_at(rec_x0(top), left, 0, slack) && ends_at(rec_x1(top), right, 0, slack) &&
          ends_at(rec_x0(bot), left, 0, slack) && ends_at(rec_x1(bot), right, 0, slack) &&
          ends_at(rec_y0(left), top, 1, slack) && ends_at(rec_y1(left), bot, 1, slack) &&
          ends_at(rec_y0(right), top, 1, slack) && ends_at(rec_y1(right), bot, 1, slack)))
        return 0;
    if (out) {
        out->x = rec_x1(left);
        out->y = rec_y1(top);
        out->w = rec_x0(right) - out->x;
        out->h = rec_y0(bot) - out->y;
    }
    return 1;
}

/* Text standing in a frame of four rules that holds exactly one headline (its middle
 * inside the frame) is that headline's: a boxed article. Its first column may start above
 * its headline, set over the next columns only, by more than the reach of a headline
 * beside it (fresh seed 20261208012: a boxed article's first column, 1.1 body heights
 * above the headline's top, became an article of its own read before the box's
 * headline). The frame is found as for an advertisement (articles.c). REC_NO_OWNER when r
 * is in no frame or its frame holds no headline or several. */
static int owner_in_frame(const nocr_page *page, const nocr_region *r, nocr_region *const *heads,
                          int nheads, int body)
{
    nocr_box f;
    if (!rec_frame(page, rec_x0(r), rec_y0(r), rec_x1(r), rec_y1(r), IN_FRAME_SLACK * body, &f))
        return REC_NO_OWNER;
    int owner = REC_NO_OWNER;
    for (int h = 0; h < nheads; h++) {
        nocr_box b = nocr_region_box(heads[h]);
        int cx = b.x + b.w / 2, cy = b.y + b.h / 2;
        if (cx < f.x || cx >= f.x + f.w || cy < f.y || cy >= f.y + f.h)
            continue;
        if (owner != REC_NO_OWNER)
            return REC_NO_OWNER;
        owner = h;
    }
    return owner;
}

/* The headline of the photo right under r: r, body text or a section heading that no
 * headline stands over, ends less than OVER_HEAD_GAP body heights over a photo that
 * covers r's columns, and the photo stands right under headline h (under_head), r's top
 * level with h (between a body height above h's top and BESIDE_REACH body heights under
 * its foot). A photo spans its own article's columns: the text set over it beside a
 * partial headline is that article's, however near another headline stands sideways
 * (tuning seed 20270106005: a headline over the first column, a photo under it across
 * three, the text of the second and third columns over the photo; the third went to the
 * next article's headline one gutter away). REC_NO_OWNER when none. */
static int owner_photo_under(const nocr_page *page, const nocr_region *r,
                             nocr_region *const *heads, int nheads, int body)
{
    if (!in_column(nocr_region_role(r)))
        return REC_NO_OWNER;
    const nocr_region *f = NULL;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *o = nocr_page_region(page, i);
        int gap = rec_y0(o) - rec_y1(r);
        if (nocr_region_role(o) == NOCR_ROLE_FIGURE && gap > -body / 2 &&
            gap < OVER_HEAD_GAP * body && rec_x0(o) <= rec_x0(r) + body &&
            rec_x1(o) >= rec_x1(r) - body && (!f || rec_y0(o) < rec_y0(f)))
            f = o;
    }
    if (!f)
        return REC_NO_OWNER;
    int above_y, h = owner_above(&above_y, page, f, heads, nheads, body);
    if (h == REC_NO_OWNER || !under_head(page, f, heads[h], body) ||
        rec_y0(r) < rec_y0(heads[h]) - body || rec_y0(r) > rec_y1(heads[h]) + BESIDE_REACH * body)
        return REC_NO_OWNER;
    return h;
}

/* Does r, body text or a section heading under up, the body text of its column ending
 * MODULE_GAP body heights or more higher (module_beside finds it), start a module with
 * headline hd beside it: its top level with the headline's (within LEVEL_DIV of a body
 * height), and no other headline between them, in the columns between r and hd, lower
 * than up's foot? Modules are
 * set in rows, the text beside a partial headline starting on its first line, and a
 * column breaks off at the foot of the row above (tuning seed 20270109051: the first
 * column of a module whose headline stands over its fourth went to the partial headline
 * over the second and third columns of the module above, nearer sideways). A headline
 * between them heads the columns between, and r is beside it (tuning seed 20270109004:
 * an article's first column, beside its partial headline, was level with the headline of
 * the fifth column on). Text with nothing above it is owner_beside's. */
#define LEVEL_DIV  2
#define MODULE_GAP 2
static int starts_module(const nocr_region *r, const nocr_region *up, const nocr_region *hd,
                         nocr_region *const *heads, int nheads, int body)
{
    if (abs(rec_y0(r) - rec_y0(hd)) > body / LEVEL_DIV)
        return 0;
    int x0 = rec_x1(hd) < rec_x0(r) ? rec_x1(hd) : rec_x1(r);
    int x1 = rec_x1(hd) < rec_x0(r) ? rec_x0(r) : rec_x0(hd);
    for (int h = 0; h < nheads; h++)
        if (heads[h] != hd && rec_y1(heads[h]) > rec_y1(up) && rec_y0(heads[h]) < rec_y0(r) &&
            rec_overlap(rec_x0(heads[h]), rec_x1(heads[h]), x0, x1) > 0)
            return 0;
    return 1;
}

/* The headline r starts a module beside (starts_module), the nearest sideways of those
 * not framed apart from r; REC_NO_OWNER when none, or when such headlines stand on both
 * sides of r: which of two partial headlines text between them belongs to, owner_beside
 * tells by its first line (tuning seed 20270111058: the first column of the article on
 * the right went to the nearer headline on its left). Text whose first line is not
 * indented goes on from the column on its left, and is that column's article's (tuning
 * seed 20270111005: the third column of the article on the left, beside its partial
 * headline, went to the headline level with it two columns on). */
static int module_beside(const nocr_page *page, const nocr_region *r, nocr_region *const *heads,
                         int nheads, int body)
{
    if (!in_column(nocr_region_role(r)))
        return REC_NO_OWNER;
    const nocr_region *up = rec_region_above(page, r, body); /* r's column, broken off */
    if (!up || nocr_region_role(up) != NOCR_ROLE_BODY ||
        rec_y0(r) - rec_y1(up) < MODULE_GAP * body)
        return REC_NO_OWNER;
    int best = REC_NO_OWNER, best_dx = INT_MAX, left = 0, right = 0;
    for (int h = 0; h < nheads; h++) {
        if (!starts_module(r, up, heads[h], heads, nheads, body) ||
            framed_apart(page, heads[h], r, body))
            continue;
        left |= rec_x1(heads[h]) <= rec_x0(r);
        right |= rec_x0(heads[h]) >= rec_x1(r);
        int dx = head_dx(page, r, heads[h]);
        if (dx < best_dx) {
            best = h;
            best_dx = dx;
        }
    }
    if (best == REC_NO_OWNER || (left && right))
        return REC_NO_OWNER;
    if (nocr_region_role(r) == NOCR_ROLE_BODY && nocr_region_line_count(r) >= 2 &&
        !rec_starts_indented(page, r, body)) {
        int owner = owner_left(page, r, heads, nheads, body);
        if (owner != REC_NO_OWNER)
            return owner;
    }
    return best;
}

int rec_owner(const nocr_page *page, const nocr_region *r, nocr_region *const *heads, int nheads,
              int body)
{
    if (nocr_region_role(r) == NOCR_ROLE_CAPTION) {
        int head = caption_over_head(page, r, heads, nheads, body);
        if (head != REC_NO_OWNER)
            return head;
    }
    const nocr_region *up = column_above(page, r, body);
    if (!up)
        up = column_past_photo(page, r, body);
    if (up)
        return rec_owner(page, up, heads, nheads, body);
    int above_y, owner = owner_above(&above_y, page, r, heads, nheads, body);
    if (owner != REC_NO_OWNER) {
        if (under_head(page, r, heads[owner], body))
            return owner;
        int module = module_beside(page, r, heads, nheads, body);
        if (module != REC_NO_OWNER)
            return module;
        int lower = owner_lower_band(page, r, heads, nheads, above_y, body);
        return lower != REC_NO_OWNER ? lower : owner;
    }
    if ((owner = owner_in_frame(page, r, heads, nheads, body)) != REC_NO_OWNER)
        return owner;
    /* A deck on a headline's line is that headline's: the body under it, in another
     * article's columns, had taken it there, and that article came first (seed 1435). */
    for (int h = 0; h < nheads; h++)
        if (deck_of(page, r, heads[h]))
            return h;
    /* A subheadline or byline beside its headline, on the headline's line, goes with the
     * body under it (issue 11: nearest sideways, it can be nearer the next article's
     * headline, one gutter away, than its own). */
    nocr_role role = nocr_region_role(r);
    if (role == NOCR_ROLE_SUBHEADLINE || role == NOCR_ROLE_BYLINE) {
        const nocr_region *o = body_below(page, r, body);
        if (o && (owner = rec_owner(page, o, heads, nheads, body)) != REC_NO_OWNER)
            return owner;
    }
    if ((owner = owner_photo_under(page, r, heads, nheads, body)) != REC_NO_OWNER)
        return owner;
    owner = owner_band_above(page, r, heads, nheads, body);
    int beside = owner_beside(page, r, heads, nheads, body);
    /* A partial headline level with r's top, nearer sideways than the headline above in
     * other columns, is r's own: the band's headline would reach across it (seed
     * 20261201938: the first column of an article whose headline spans the next three was
     * given to the headline of the page's last column, above it by a few pixels). Taking
     * the beside headline also when r's column broke off above it (its body text ending
     * two body heights or more higher: tuning seed 20270104035) was tried and taken out:
     * on the fresh seeds 20270105000-099 it made 7 pages worse and 2 better (sum of CER
     * +0.33 over the 20 pages this round's ownership changes moved). */
    if (owner != REC_NO_OWNER && beside != REC_NO_OWNER &&
        beside_dx(page, r, heads[beside], body) < head_dx(page, r, heads[owner]))
        return beside;
    int module = module_beside(page, r, heads, nheads, body);
    if (module != REC_NO_OWNER)
        return module;
    return owner != REC_NO_OWNER ? owner : beside;
}
