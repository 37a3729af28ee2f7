/*
 * order.h - private declarations of the reading-order stage, shared by the files of order/.
 *
 *   reconstruct.c  nocr_reconstruct: the stage, step by step; the body height it measures in
 *   roles.c        rec_text_roles: roles only the text tells; regions that are not text
 *   owners.c       rec_owner: the headline whose article a region belongs to
 *   articles.c     rec_articles_find, rec_articles_order: articles and their order
 *   items.c        rec_items_sort: the order inside an article (role, column, top)
 *   blocks.c       rec_blocks_keep: Tesseract's block order, moved only by wide headlines;
 *                  rec_blocks_read_twice: lines two overlapping blocks both read, once
 *   twice.c        rec_read_twice: print two regions both read, in the surer reading only
 *   paragraphs.c   rec_paragraphs: paragraph starts, and paragraphs running on;
 *                  rec_starts_indented
 *   vertical.c     rec_page_vertical, rec_vertical_body, rec_vertical_order: vertical pages
 *                  (issue 12): tiers, articles, their order and the order inside them
 *   vowners.c      rec_vowner: the headline that owns a region of a vertical page
 *   vlines.c       rec_vlines_sort: the columns of a vertical region right to left
 *   upright.c      rec_upright_box, rec_upright_begin, rec_upright_end: a skewed scan's
 *                  boxes straightened, for the rules of vertical pages
 *   box helpers    rec_x0, rec_y0, rec_x1, rec_y1, rec_overlap, rec_box_area,
 *                  rec_box_overlap, rec_vertical_sliver (inline, below)
 *
 * The stage reads and writes the page model through newsocr.h only (issue 10): what it
 * does, a stage written outside the library could do too. Every length is a multiple of
 * the page's body text height, `body` below, so the rules hold at any resolution.
 *
 * Two paths: a page whose body text is mostly horizontal (the Chinese broadsheet) takes
 * the first (owners.c, articles.c, items.c); a page whose body text is mostly set in
 * vertical columns (pre-1950 papers, Hong Kong and Taiwan papers) the second (vertical.c,
 * vowners.c, vlines.c). Roles and paragraphs are shared.
 */
#ifndef NEWSOCR_ORDER_H
#define NEWSOCR_ORDER_H

#include "core/internal.h"

#include <limits.h>

/* A region that no headline owns (rec_owner), or an article not yet ordered. */
#define REC_NO_OWNER (-1)

/* An article: a headline (with its second deck) and the regions it owns, or the text no
 * headline owns (headline == -1). */
typedef struct rec_article {
    int headline;           /* index of its first headline in the sorted headlines, -1 */
    int x0, y0, x1, y1;     /* extent of all its regions */
    int hx0, hy0, hx1, hy1; /* extent of its headline(s) (the whole extent for orphans) */
    int order;              /* position among the articles, set by rec_articles_order */
    int advert;             /* an advertisement: read after the articles (articles.c) */
    int depth;              /* articles stacked above it in its columns (articles.c) */
} rec_article;

/* A text region on its way to its place in reading order. */
typedef struct rec_item {
    nocr_region *r;
    int article; /* index into the articles, then the article's order (REC_ARTICLE_*) */
    int column;  /* column cluster inside the article (body ranks only) */
    int rank;    /* left edge of the column (body ranks only): columns read left to right */
} rec_item;

/* Sort keys of the regions outside every article: the folio line before the first
 * article (an article's order is >= 0), page notes after the last. */
#define REC_ARTICLE_FOLIO (-2)
#define REC_ARTICLE_NOTES INT_MAX

static inline int rec_x0(const nocr_region *r)
{
    return nocr_region_box(r).x;
}

static inline int rec_y0(const nocr_region *r)
{
    return nocr_region_box(r).y;
}

static inline int rec_x1(const nocr_region *r)
{
    nocr_box b = nocr_region_box(r);
    return b.x + b.w;
}

static inline int rec_y1(const nocr_region *r)
{
    nocr_box b = nocr_region_box(r);
    return b.y + b.h;
}

/* Length of the overlap of [a0, a1) and [b0, b1); 0 when they do not meet. */
static inline int rec_overlap(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

/* Area of box b (0 when empty), and of the overlap of boxes a and b. */
static inline long long rec_box_area(nocr_box b)
{
    return b.w > 0 && b.h > 0 ? (long long)b.w * b.h : 0;
}

static inline long long rec_box_overlap(nocr_box a, nocr_box b)
{
    long long w = rec_overlap(a.x, a.x + a.w, b.x, b.x + b.w);
    long long h = rec_overlap(a.y, a.y + a.h, b.y, b.y + b.h);
    return w > 0 && h > 0 ? w * h : 0;
}

/* A vertical region narrower than half a body height: no column of body type, a sliver
 * (of a shadow or a border at the page's edge) read as a column of junk. roles.c keeps it
 * only when read surely; vertical.c lets it make no tier and place no article. */
static inline int rec_vertical_sliver(const nocr_region *r, int body)
{
    return nocr_region_direction(r) == NOCR_DIR_VERTICAL && 2 * nocr_region_box(r).w < body;
}

/* A headline under another over the same columns is the second line (deck) of the same
 * headline, set apart (segmentation cuts a two-line headline in two when the line gap is
 * wider than the block's leading), when the gap between them is under DECK_GAP body
 * heights (961334b, by hand) or under 1/DECK_GAP_DIV of the smaller one's height: headline
 * type is set with a line gap of 0.1-0.4 of its size, so a three-body-high headline's gap
 * exceeds a body height (issue 11; no sample page has such a gap: the 26 are unchanged).
 * Two articles' headlines never stand that close with no text between them. On a vertical
 * page the same holds sideways for vertical headlines (their columns' gap, their width). */
#define DECK_GAP     1 /* body heights */
#define DECK_GAP_DIV 2

/* A role's place inside its article. */
typedef enum rec_rank {
    RANK_HEADLINE,
    RANK_SUBHEADLINE,
    RANK_BYLINE,
    RANK_BODY, /* body and section headings, in column order */
    RANK_CAPTION
} rec_rank;

/* Sets the roles only the text tells (byline, page note, folio) and gives the role
 * NOCR_ROLE_UNKNOWN to text regions that do not read as text (noise, empty), which
 * leaves them out of the reading order; warns when most of the page is such (a photo).
 * own_layout: newsocr's layout segmented the page (not Tesseract's), so that one line of
 * headline type the coverage check found is sized as the layout sizes its own.
 * Errors: NOCR_ENOMEM (the warning). */
int rec_text_roles(nocr_page *page, int body, int own_layout);

/* True when text t is a byline: 本报记者 …, 記者 …, By Emma Grant (roles.c). */
int rec_text_is_byline(const char *t);

/* Cuts every horizontal text region that holds a headline and the byline under it (one
 * block of Tesseract's) into headline, byline and body, and moves the rows of a photo's
 * caption out of a vertical body region (body: the body height); the pieces follow their
 * region in the page's order (split.c). Errors: NOCR_ENOMEM. */
int rec_split_bylines(nocr_page *page, int body);

/* The headline (index into heads, sorted top to bottom) whose article region r belongs
 * to, REC_NO_OWNER when none (see owners.c for the rules). */
int rec_owner(const nocr_page *page, const nocr_region *r, nocr_region *const *heads, int nheads,
              int body);

/* The region nearest above r in its columns, text or photo (its foot at most half a body
 * height under r's top), NULL when none (owners.c). */
nocr_region *rec_region_above(const nocr_page *page, const nocr_region *r, int body);

/* The photo set over headline hd that heads its article with it (its caption may stand
 * between them), NULL when none (owners.c). */
const nocr_region *rec_photo_heading(const nocr_page *page, const nocr_region *hd, int body);

/* The working arrays of one reconstruction, each with room for every region of the page
 * (arts one more, for the text no headline owns); owned by nocr_reconstruct. */
/* True when the rule region s is an edge of a photo's frame, not an article's border:
 * within `slack` pixels of the photo's top or bottom (a vertical rule: its left or right)
 * along more than half the rule's length (owners.c). */
int rec_rule_frames_figure(const nocr_page *page, const nocr_region *s, int slack, int vertical);

/* True when a vertical rule stands between x0 and x1 over some of the rows [y0, y1); with
 * frame_slack > 0 the edges of photo frames (rec_rule_frames_figure) do not count. */
int rec_vrule_between(const nocr_page *page, int frame_slack, int x0, int x1, int y0, int y1);

/* True when the box [x0, x1) x [y0, y1) stands in a frame: the nearest rules on its four
 * sides, each running along that whole side, meet (each end within the box of the rule
 * it meets, give or take slack pixels); *out (when not NULL) gets the box inside the
 * rules (owners.c). */
int rec_frame(const nocr_page *page, int x0, int y0, int x1, int y1, int slack, nocr_box *out);

typedef struct rec_work {
    nocr_region **heads; /* headline regions, top to bottom */
    int *head_art;       /* the article of each headline (a second deck shares one) */
    int nheads;
    rec_article *arts; /* articles; after the headlines' those of the orphans, if any */
    int narts;
    rec_item *items; /* the text regions that are read, in reading order once sorted */
    size_t nitems;
} rec_work;

/* Appends the page's headline regions to w->heads, sorted top to bottom (stable). */
void rec_headlines_find(rec_work *w, const nocr_page *page);
/* Takes region r out of any earlier order (order and article -1) and, when it is read
 * (a text region with lines, not unknown), appends it to w->items with no article yet and
 * returns the item; NULL otherwise (items.c). */
rec_item *rec_item_add(rec_work *w, nocr_region *r);

/* Sets the article's extent to the box of r (its headline's too); grows it by r. */
void rec_article_start(rec_article *ar, int headline, const nocr_region *r);
void rec_article_grow(rec_article *ar, const nocr_region *r);

/* True when a horizontal rule crosses more than half the x-range [x0, x1) between y0 and
 * y1 (the frame of a photo does not count). */
int rec_rule_between(const nocr_page *page, int body, int x0, int x1, int y0, int y1);

/* A role's place inside its article. */
rec_rank rec_role_rank(nocr_role role);

/* Finds the headlines and builds the articles: one per headline (a headline right under
 * another of the same columns is its second deck), one per group of rows of the text no
 * headline owns; puts each text region that is read into w->items with its article's
 * index, and sets every region's order and article to -1. Errors: NOCR_ENOMEM. */
int rec_articles_find(rec_work *w, nocr_page *page, int body);

/* Sets each article's order: the order in which a reader takes them. Errors: NOCR_ENOMEM. */
int rec_articles_order(rec_work *w, int body);

/* Sorts items into reading order: articles in their order (the folio first, notes last),
 * inside one: headline, subheadline, byline, body column by column, captions; sets each
 * region's article. Errors: NOCR_ENOMEM. */
int rec_items_sort(rec_work *w);

/* Puts items, sorted by rec_items_sort, back in the order of their regions on the page
 * (Tesseract's block order) wherever no headline over two columns or more, nor the folio
 * or a page note, asks otherwise (blocks.c); sets each region's order. Errors:
 * NOCR_ENOMEM. */
int rec_blocks_keep(rec_work *w, const nocr_page *page, int body);

/* Drops from a page of Tesseract's blocks each text line whose box lies mostly inside a
 * larger line of another region: print read twice where two blocks' rectangles overlap
 * (blocks.c). */
void rec_blocks_read_twice(nocr_page *page);

/* Drops each text line that the lines of another region cover mostly and read with clearly
 * more confidence: print read twice, where a region lies inside a body block's rectangle
 * (twice.c). */
void rec_read_twice(nocr_page *page);

/* Whether line l of region r is print another region reads too (and better). */
typedef int (*rec_line_test)(const nocr_page *page, const nocr_region *r, const nocr_line *l);
/* Drops from every text region the lines read_elsewhere says another region holds; the
 * one pass rec_read_twice and rec_blocks_read_twice make with their tests (twice.c). */
void rec_drop_lines_where(nocr_page *page, rec_line_test read_elsewhere);

/* Marks paragraph starts and run-ons (nocr_line_set_starts_paragraph,
 * nocr_region_set_continues) along items in reading order. On a vertical page (vertical
 * != 0) the columns of vertical regions by their tops and bottoms (paragraphs.c), and
 * horizontal regions by the edges of their own lines; else as always. Cannot fail. */
void rec_paragraphs(const nocr_page *page, const rec_item *items, size_t n, int body,
                    int vertical);

/* Whether the first line of horizontal region r starts at least INDENT body heights right
 * of the leftmost of its lines, straightened (paragraphs.c): r's text starts a paragraph.
 * 0 for a region of fewer than two lines. */
int rec_starts_indented(const nocr_page *page, const nocr_region *r, int body);

/* ---------------------------------------------------------------------------------------
 * Vertical pages (issue 12)
 */

/* Boxes that touch or overlap by up to 1/REC_TOUCH_DIV body height still stand side by
 * side (or one above the other): the slack of segmentation's box edges. By hand. */
#define REC_TOUCH_DIV 2 /* body / REC_TOUCH_DIV */

/* 1 when enough of the page's body text is vertical (see vertical.c), else 0. */
int rec_page_vertical(const nocr_page *page);

/* The body height to use on a vertical page: `body`, unless it is plainly the length of
 * the columns rather than the size of their characters (see vertical.c). */
int rec_vertical_body(const nocr_page *page, int body);

/* The tiers of a vertical page: horizontal bands, top to bottom, each the extent of the
 * vertical body regions that stand side by side in it. */
typedef struct rec_tiers {
    int *y0, *y1; /* band i is rows [y0[i], y1[i]) */
    int n;
} rec_tiers;

/* The tier key of row y: 2i + 1 inside band i, 2i above it (between band i - 1 and band i,
 * or above the first), 2n below the last. Keys order rows tier by tier. */
int rec_tier_key(const rec_tiers *t, int y);

/* The tier key of region r's middle row. */
int rec_tier_of(const rec_tiers *t, const nocr_region *r);

/* The headline (index into heads) that owns region r of a vertical page by its position,
 * REC_NO_OWNER when none (vowners.c: the nearest headline to its right in its tier, or
 * above it in its columns). */
int rec_vowner(const nocr_page *page, const rec_tiers *t, const nocr_region *r,
               nocr_region *const *heads, int nheads, int body);

/* The nearest headline to the right of r in its tier, rules or not: the last resort of
 * the ownership of a vertical page. REC_NO_OWNER when none. */
int rec_vowner_beside(const rec_tiers *t, const nocr_region *r, nocr_region *const *heads,
                      int nheads, int body);

/* The reading order of a vertical page, in place of rec_articles_find, rec_articles_order
 * and rec_items_sort: fills w (as those do) with the items in reading order, sets every
 * region's order and article. Errors: NOCR_ENOMEM. */
int rec_vertical_order(rec_work *w, nocr_page *page, int body);

/* Puts the lines (columns) of every vertical text region of the page right to left (top
 * to bottom within one column), copying them through the page API when they are not in
 * that order already. On error the region being copied keeps its lines as they were (the
 * ones before it stay sorted). Errors: NOCR_ENOMEM. */
int rec_vlines_sort(nocr_page *page);

/* Box b (original pixels) as it stands on the page straightened by its skew: the rectangle
 * whose turned bounding box b is, turned back (upright.c). b itself when the page has no
 * skew. */
nocr_box rec_upright_box(const nocr_page *page, nocr_box b);
/* Sets every region's box to its straightened box, the originals into *out (one per region,
 * in page order; NULL when the page has no skew), for rec_upright_end to put back; the
 * regions must not be added, removed or sorted in between. Errors: NOCR_ENOMEM (nothing
 * changed). */
int rec_upright_begin(nocr_box **out, nocr_page *page);
/* Puts back the boxes rec_upright_begin kept, and frees them (NULL: nothing to do). */
void rec_upright_end(nocr_box *saved, nocr_page *page);

#endif /* NEWSOCR_ORDER_H */
