/*
 * roles.c - what each region is, from its geometry alone (text comes later).
 *
 *   seg_headlines           large text: headline and subheadline regions
 *   seg_roles               caption, section heading, subheadline, then the folio
 *   region_role             the role of one body-size region
 *   deck_on_headline_row    a deck set on its headline's line is its subheadline
 *   seg_folio               the folio line above the top rule
 *   seg_drop_caps           a drop cap joins the body region it starts
 *
 * Bylines, centered like section headings, are told apart by their text after
 * recognition, in the reconstructor.
 */
#include "layout/layout.h"

#include <stdlib.h>
#include <string.h>

/* Large text at least NOCR_HEADLINE_EMS body heights tall (core/internal.h) is a headline;
 * smaller large text on its own is a subheadline.
 * A headline's next line: closer than one of its line heights, of a size within
 * HEADLINE_SIZE_PCT percent of it; a piece on its row: less than HEADLINE_GAP_PCT percent
 * of its line height away. Chosen by hand on the 26 samples. */
#define HEADLINE_SIZE_PCT 125
#define HEADLINE_GAP_PCT  150
/* A caption: at most CAPTION_MAX_LINES lines starting between half a body height inside a
 * photo and CAPTION_GAP body heights under it, over at least half its width. Chosen by
 * hand on the 26 samples. */
#define CAPTION_MAX_LINES 3
#define CAPTION_GAP       2
/* A caption beside a photo: at most CAPTION_MAX_LINES lines less than CAPTION_GAP body
 * heights to the photo's left or right, inside the photo's height and ending within
 * BESIDE_ALIGN body heights of its foot, where such captions are set, with no other text
 * above it beside the photo. A column of body text beside a photo, cut into regions at a
 * paragraph, has its other regions there (seed 1220). */
#define BESIDE_ALIGN 1
/* A caption is type: its lines are at least CAPTION_MIN_PCT percent of a body height. On a
 * page of vertical columns the horizontal pass sees a column's marks as regions of their
 * own: a dash 6 px high (body 40) beside a photo's foot was taken for a caption beside it in
 * smaller type, and the three lines under the photo, its real caption, for body text, read
 * before the article's first column (vertical fresh seed 20270105122, tau 0.94). */
#define CAPTION_MIN_PCT 50
/* A caption in smaller type than the body's (its line height under SMALLER_PCT percent of
 * the median of the regions of BODY_MIN_LINES lines and more) may take up to
 * SMALL_MAX_LINES lines: set narrow beside a photo, or under a photo a column wide.
 * Tuning seeds 20261219308, 323 and 337: four-line captions, 0.83-0.86 of the body's
 * line height, read as body inside the columns. */
#define SMALL_MAX_LINES 8
#define BODY_MIN_LINES  4
/* A photo has one caption. When the text under it and a caption beside it both qualify,
 * the one in smaller type is the caption (line height under SMALLER_PCT percent of the
 * other's) and the text under the photo, at body size, is the column going on under it
 * (fresh seed 20261208024: a photo over two columns, its caption beside its foot in 40 px
 * lines, the columns' 48 px lines under it read as two more captions, after the body). */
#define SMALLER_PCT 90
/* A region of at most 2 lines whose lines are at least HEADING_MIN_PCT percent of a body
 * height is a heading: a subheadline when it starts within SUBHEAD_GAP body heights under
 * a headline, else a section heading; so are centered regions of at most 2 lines and
 * heading-type regions of at most HEADING_MAX_LINES. Chosen by hand on the 26 samples. */
#define HEADING_MIN_PCT   120
#define SUBHEAD_GAP       2
#define HEADING_MAX_LINES 3
/* The folio: regions of at most 2 lines ending above the top rule of the folio band (half a
 * body height of slack for a rule drawn through the descenders). */
#define FOLIO_MAX_LINES 2

/* A line no wider than ONE_CHAR_PCT percent of its height holds one character, whose type
 * size is its width when that is more than its height: a flat character's ink (示, 四, 一)
 * is well under its em high. The one character left on a headline's second line, 示 at
 * 0.65 of the first line's height, was a headline of its own, which took the article's
 * columns from the headline above it (fresh seed 20270104046, read after the next two
 * articles). Used for the next-line test only: taken also as a region's line height, it
 * moved the rows where a vertical page's single characters meet a horizontal headline
 * (mixed seed 20270104009: that headline was cut in two). */
#define ONE_CHAR_PCT 150

static int type_size(const seg_box *b)
{
    int w = seg_box_w(b), h = seg_box_h(b);
    return w > h && 100 * w <= ONE_CHAR_PCT * h ? w : h;
}

/* Is b, of line height hb, the next line of headline region r: under it, closer than one of
 * its line heights, of a size within HEADLINE_SIZE_PCT percent of it, overlapping it
 * horizontally? */
static int headline_next_line(const seg_region *r, const seg_box *b, int hb)
{
    int gap = b->y0 - r->box.y1;
    return gap >= -hb / 2 && gap < r->line_h &&
           seg_overlap(r->box.x0, r->box.x1, b->x0, b->x1) > 0 &&
           100 * hb < HEADLINE_SIZE_PCT * r->line_h && 100 * r->line_h < HEADLINE_SIZE_PCT * hb;
}

/* Does large-text line b continue headline region r: on its row and close, or its next
 * line? */
static int headline_continues(const seg_region *r, const seg_box *b, const seg_page *sp)
{
    if (seg_ruled_apart(sp, &r->box, b))
        return 0;
    int row = 2 * seg_overlap(r->box.y0, r->box.y1, b->y0, b->y1) > seg_box_h(b) &&
              100 * seg_hgap(&r->box, b) < HEADLINE_GAP_PCT * r->line_h;
    return row || headline_next_line(r, b, type_size(b));
}

/* The lines of large text in region box b on one side of x (left: ending at or before it;
 * else starting at or after it): *out gets their box, their number and the height of the
 * topmost; returns the rows they stand in. */
static int side_rows(const seg_line *lines, size_t n, const seg_box *b, int x, int left,
                     seg_region *out)
{
    int rows = 0, any = 0, top = 0;
    for (size_t i = 0; i < n; i++) {
        const seg_box *l = &lines[i].box;
        if (!seg_centre_in(l, b) || (left ? l->x1 > x : l->x0 < x))
            continue;
        int new_row = 1;
        for (size_t j = 0; j < i && new_row; j++) {
            const seg_box *o = &lines[j].box;
            new_row =
                !(seg_centre_in(o, b) && (left ? o->x1 <= x : o->x0 >= x) && seg_same_row(l, o));
        }
        rows += new_row;
        if (!any || l->y0 < top) {
            top = l->y0;
            out->line_h = seg_box_h(l);
        }
        if (any++)
            seg_box_union(&out->box, l);
        else
            out->box = *l;
    }
    out->nlines = any;
    return rows;
}

/* The white column through region box b that no line of it crosses, widest first: its
 * left edge in *gx0 and right edge in *gx1. 0 when every x of b holds a line. */
static int region_channel(const seg_line *lines, size_t n, const seg_box *b, int *gx0, int *gx1)
{
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        /* a channel starts where a line ends: from there to the nearest line start right of it */
        const seg_box *l = &lines[i].box;
        if (!seg_centre_in(l, b))
            continue;
        int x = l->x1, next = b->x1, crossed = 0;
        for (size_t j = 0; j < n && !crossed; j++) {
            const seg_box *o = &lines[j].box;
            if (!seg_centre_in(o, b))
                continue;
            crossed = o->x0 < x && o->x1 > x;
            if (o->x0 >= x && o->x0 < next)
                next = o->x0;
        }
        if (!crossed && next < b->x1 && (!found || next - x > *gx1 - *gx0)) {
            *gx0 = x;
            *gx1 = next;
            found = 1;
        }
    }
    return found;
}

/* Two headlines side by side, set a gutter apart, meet as pieces of one row (a tight
 * page's gutter is narrower than HEADLINE_GAP_PCT of a headline's height) and became one
 * region, their lines read across both: "这是他第一次来这市园林部门相关负责人座城市表示"
 * (fresh seeds 20261202302, 320, 326, 340: 4 pages of 61). A white column from the
 * region's top to its foot, with two rows or more of lines on one side of it, parts them:
 * the lines of one headline are never all cut at one place, and a one-row headline with a
 * word space keeps it (so two one-row headlines stay one: 340). Regions from `first` on;
 * returns 0 or NOCR_ENOMEM. */
static int headlines_part(seg_regions *out, size_t first, const seg_line *lines, size_t n,
                          const seg_page *sp)
{
    int parted = 0;
    for (size_t k = first; k < out->n;) {
        int gx0, gx1;
        seg_region *r = &out->v[k], left = *r, right = *r;
        int lrows = 0, rrows = 0;
        if (region_channel(lines, n, &r->box, &gx0, &gx1)) {
            lrows = side_rows(lines, n, &r->box, gx0, 1, &left);
            rrows = side_rows(lines, n, &r->box, gx1, 0, &right);
        }
        if (lrows == 0 || rrows == 0 || (lrows < 2 && rrows < 2)) {
            k++;
            continue;
        }
        *r = left;
        if (seg_regions_push(out, right)) /* may move out->v: r is not used after */
            return NOCR_ENOMEM;
        parted++; /* the left part may hold two headlines still: k again */
    }
    /* A line the row took away from its headline (the one beside took it first) joins
     * the part above it again; only where a region was parted. */
    for (int joined = parted > 0; joined;) {
        joined = 0;
        for (size_t a = first; a < out->n && !joined; a++)
            for (size_t b = first; b < out->n && !joined; b++) {
                seg_region *ra = &out->v[a], *rb = &out->v[b];
                if (a == b || ra->role != rb->role ||
                    !headline_next_line(ra, &rb->box, rb->line_h) ||
                    seg_ruled_apart(sp, &ra->box, &rb->box))
                    continue;
                seg_box_union(&ra->box, &rb->box);
                ra->nlines += rb->nlines;
                memmove(rb, rb + 1, sizeof(*rb) * (out->n - b - 1));
                out->n--;
                joined = 1;
            }
    }
    return NOCR_OK;
}

/* Large text (block -1): consecutive lines of similar size that overlap horizontally form
 * one headline region; other large lines are headlines of their own, or subheadlines when
 * below NOCR_HEADLINE_EMS body heights; headlines side by side that met are parted again. */
int seg_headlines(seg_regions *out, const seg_line *lines, size_t n, const seg_page *sp)
{
    int body = sp->body;
    size_t first = out->n;
    for (size_t i = 0; i < n; i++) {
        const seg_box *b = &lines[i].box;
        int merged = 0;
        for (size_t j = out->n; j-- > first && !merged;) {
            seg_region *r = &out->v[j];
            if (headline_continues(r, b, sp)) {
                seg_box_union(&r->box, b);
                r->nlines++;
                merged = 1;
            }
        }
        if (!merged) {
            nocr_role role = seg_box_h(b) >= NOCR_HEADLINE_EMS * body ? NOCR_ROLE_HEADLINE
                                                                      : NOCR_ROLE_SUBHEADLINE;
            seg_region r = {*b, 1, seg_box_h(b), 0, 1, role};
            if (seg_regions_push(out, r))
                return NOCR_ENOMEM;
        }
    }
    return headlines_part(out, first, lines, n, sp);
}

/* Is r type (CAPTION_MIN_PCT) set beside photo fb, level with its foot and alone there (see
 * BESIDE_ALIGN)? */
static int caption_beside(const seg_region *r, const nocr_box *fb, const seg_regions *rs, int body)
{
    int foot = fb->y + fb->h;
    int hgap = r->box.x0 >= fb->x + fb->w ? r->box.x0 - (fb->x + fb->w) : fb->x - r->box.x1;
    if (100 * r->line_h < CAPTION_MIN_PCT * body || hgap < -body / 2 ||
        hgap >= CAPTION_GAP * body || r->box.y0 < fb->y ||
        r->box.y1 > foot + BESIDE_ALIGN * body || r->box.y1 < foot - BESIDE_ALIGN * body)
        return 0;
    for (size_t i = 0; i < rs->n; i++) {
        const seg_region *o = &rs->v[i];
        if (o != r && o->box.y1 > fb->y && o->box.y0 < r->box.y0 &&
            seg_overlap(o->box.x0, o->box.x1, r->box.x0, r->box.x1) > 0)
            return 0;
    }
    return 1;
}

/* Does photo fb have a caption beside it (caption_beside) in smaller type than r's: its
 * line height under SMALLER_PCT percent of r's? */
static int smaller_caption_beside(const seg_region *r, const nocr_box *fb, const seg_regions *rs,
                                  int body)
{
    for (size_t i = 0; i < rs->n; i++) {
        const seg_region *o = &rs->v[i];
        if (o != r && o->nlines <= SMALL_MAX_LINES && 100 * o->line_h < SMALLER_PCT * r->line_h &&
            caption_beside(o, fb, rs, body))
            return 1;
    }
    return 0;
}

/* The median line height of the regions of BODY_MIN_LINES lines and more; 0 when none
 * (or out of memory: no caption is then taken for longer). */
static int body_line_h(const seg_regions *rs)
{
    int *hs = malloc((rs->n + 1) * sizeof(*hs)), n = 0, h = 0;
    for (size_t i = 0; hs && i < rs->n; i++)
        if (rs->v[i].role == NOCR_ROLE_BODY && rs->v[i].nlines >= BODY_MIN_LINES)
            hs[n++] = rs->v[i].line_h;
    if (n > 0) {
        qsort(hs, (size_t)n, sizeof(*hs), seg_cmp_int);
        h = hs[n / 2];
    }
    free(hs);
    return h;
}

/* A small region just under a photo, or beside it at its foot, is its caption; but not
 * the text under a photo whose caption stands beside it in smaller type (see
 * SMALLER_PCT). A caption in smaller type than body_h may be longer (SMALL_MAX_LINES). */
static int region_is_caption(const seg_region *r, const seg_regions *rs, const seg_page *sp,
                             int body_h)
{
    int body = sp->body;
    int smaller = body_h > 0 && 100 * r->line_h < SMALLER_PCT * body_h;
    if (r->nlines > (smaller ? SMALL_MAX_LINES : CAPTION_MAX_LINES))
        return 0;
    for (size_t f = 0; f < sp->nfigures; f++) {
        const nocr_box *fb = &sp->figures[f];
        if (seg_photo_over(fb, &r->box, -body / 2, CAPTION_GAP * body) &&
            !smaller_caption_beside(r, fb, rs, body))
            return 1;
        if (caption_beside(r, fb, rs, body))
            return 1;
    }
    return 0;
}

/* Is r a deck set on its headline's line: level with a headline (more than half of r's
 * height inside the headline's rows) and after it, as close as a piece of its own row may
 * be? Such a deck is read right after the headline, not as a section heading in a column
 * (fresh seed 20261201993: "手把手教老人操作 上自习区新增座位300个"). A deck follows its
 * headline: a section heading at the head of a column, left of the next article's
 * headline across the gutter, level with it, is no deck of it (tuning seeds 20261230204
 * and 246 read it as that article's subheadline, and on 246 the column under it went to
 * that article with it). */
static int deck_on_headline_row(const seg_region *r, const seg_regions *rs)
{
    for (size_t j = 0; j < rs->n; j++) {
        const seg_region *h = &rs->v[j];
        if (h != r && h->role == NOCR_ROLE_HEADLINE &&
            2 * seg_overlap(h->box.y0, h->box.y1, r->box.y0, r->box.y1) > seg_box_h(&r->box) &&
            r->box.x0 >= h->box.x1 && 100 * (r->box.x0 - h->box.x1) < HEADLINE_GAP_PCT * h->line_h)
            return 1;
    }
    return 0;
}

/* The role of body-size region r: caption, subheadline, section heading or body. */
static nocr_role region_role(const seg_region *r, const seg_regions *rs, const seg_page *sp,
                             int body_h)
{
    int body = sp->body;
    if (region_is_caption(r, rs, sp, body_h))
        return NOCR_ROLE_CAPTION;
    if (100 * r->line_h >= HEADING_MIN_PCT * body && r->nlines <= 2) {
        /* Larger than body text: a subheadline right under a headline or on its line,
         * else a section heading. */
        for (size_t j = 0; j < rs->n; j++) {
            const seg_region *h = &rs->v[j];
            int gap = r->box.y0 - h->box.y1;
            if (h->role == NOCR_ROLE_HEADLINE && gap > -body && gap < SUBHEAD_GAP * body &&
                seg_overlap(h->box.x0, h->box.x1, r->box.x0, r->box.x1) > 0)
                return NOCR_ROLE_SUBHEADLINE;
        }
        return deck_on_headline_row(r, rs) ? NOCR_ROLE_SUBHEADLINE : NOCR_ROLE_SECTION_HEADING;
    }
    if ((r->centered && r->nlines <= 2) || (r->heading && r->nlines <= HEADING_MAX_LINES))
        return r->nlines <= 2 && deck_on_headline_row(r, rs) ? NOCR_ROLE_SUBHEADLINE
                                                             : NOCR_ROLE_SECTION_HEADING;
    return NOCR_ROLE_BODY;
}

/* Folio: regions entirely above the first wide horizontal rule in the folio band
 * (NOCR_FOLIO_BAND_DIV) become one folio line: its parts (edition, section, date) are
 * merged into the first, the others dropped (role UNKNOWN). */
static void seg_folio(seg_regions *rs, const seg_page *sp)
{
    int rule_y = -1;
    for (size_t i = 0; i < sp->nrules; i++) {
        const seg_rule *ru = &sp->rules[i];
        if (!ru->vertical && ru->box.y < sp->height / NOCR_FOLIO_BAND_DIV &&
            (rule_y < 0 || ru->box.y < rule_y))
            rule_y = ru->box.y;
    }
    if (rule_y < 0)
        return;
    size_t folio = (size_t)-1;
    for (size_t i = 0; i < rs->n; i++) {
        seg_region *r = &rs->v[i];
        if (r->box.y1 > rule_y + sp->body / 2 || r->nlines > FOLIO_MAX_LINES)
            continue;
        r->role = NOCR_ROLE_PAGE_HEADER;
        if (folio == (size_t)-1) {
            folio = i;
        } else {
            seg_box_union(&rs->v[folio].box, &r->box);
            r->role = NOCR_ROLE_UNKNOWN; /* dropped */
        }
    }
}

/* A drop cap: large text of one line and about one letter (no wider than
 * DROP_CAP_W_PCT percent of its height, at most DROP_CAP_LINES body heights tall) set in
 * the top left corner of a body region, which starts within half a body height of the
 * cap's top and spans its columns. It is the first letter of that region's text, not a
 * headline of an article of its own (seed 1121: "T" read as a headline, "he market will
 * move..." as its article). Its box joins the body region, which recognition reads as one
 * block; the cap's region is dropped. */
#define DROP_CAP_W_PCT 150
#define DROP_CAP_LINES 5
static void seg_drop_caps(seg_regions *rs, int body)
{
    for (size_t i = 0; i < rs->n; i++) {
        seg_region *c = &rs->v[i];
        int w = seg_box_w(&c->box), h = seg_box_h(&c->box);
        if ((c->role != NOCR_ROLE_HEADLINE && c->role != NOCR_ROLE_SUBHEADLINE) ||
            c->nlines != 1 || 100 * w > DROP_CAP_W_PCT * h || h > DROP_CAP_LINES * body)
            continue;
        for (size_t j = 0; j < rs->n; j++) {
            seg_region *b = &rs->v[j];
            if (b->role != NOCR_ROLE_BODY || b->box.x0 > c->box.x0 + body / 2 ||
                b->box.x1 < c->box.x1 + 2 * w || abs(b->box.y0 - c->box.y0) > body / 2)
                continue;
            seg_box_union(&b->box, &c->box);
            c->role = NOCR_ROLE_UNKNOWN; /* dropped: its ink is read with b */
            break;
        }
    }
}

/* Does r go with a headline: its top between the headline's top and SUBHEAD_GAP body
 * heights under its foot, over some of its width or beside it, as close as a piece of its
 * own row may be (a deck under it, or on its line: an inline deck's second line starts
 * below the headline, beside it)? */
static int with_headline(const seg_region *r, const seg_regions *rs, int body)
{
    for (size_t j = 0; j < rs->n; j++) {
        const seg_region *h = &rs->v[j];
        if (h != r && h->role == NOCR_ROLE_HEADLINE && r->box.y0 > h->box.y0 - body &&
            r->box.y0 < h->box.y1 + SUBHEAD_GAP * body &&
            100 * seg_hgap(&h->box, &r->box) < HEADLINE_GAP_PCT * h->line_h)
            return 1;
    }
    return 0;
}

/* Large text under NOCR_HEADLINE_EMS is a subheadline only where it goes with a headline:
 * on its own it is a small headline (a one-column headline is set at 1.5 body heights as
 * often as a deck is; 1.46 to 1.6 on seeds 1300-1339, against decks of 1.48 to 1.55 under
 * their headlines). */
void seg_lone_decks(seg_regions *rs, int body)
{
    for (size_t i = 0; i < rs->n; i++)
        if (rs->v[i].role == NOCR_ROLE_SUBHEADLINE && !with_headline(&rs->v[i], rs, body))
            rs->v[i].role = NOCR_ROLE_HEADLINE;
}

void seg_roles(seg_regions *rs, const seg_page *sp)
{
    seg_lone_decks(rs, sp->body);
    int body_h = body_line_h(rs);
    for (size_t i = 0; i < rs->n; i++)
        if (rs->v[i].role == NOCR_ROLE_BODY)
            rs->v[i].role = region_role(&rs->v[i], rs, sp, body_h);
    seg_drop_caps(rs, sp->body);
    seg_folio(rs, sp);
}
