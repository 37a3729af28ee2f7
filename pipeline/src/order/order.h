/*
 * order.h - private declarations of the reading-order stage, shared by the files of order/.
 *
 *   reconstruct.c  nocr_reconstruct: the stage, step by step; the body height it measures in
 *   roles.c        rec_text_roles: roles only the text tells; regions that are not text
 *   owners.c       rec_owner: the headline whose article a region belongs to
 *   articles.c     rec_articles_find, rec_articles_order: articles and their order
 *   items.c        rec_items_sort: the order inside an article (role, column, top)
 *   paragraphs.c   rec_paragraphs: paragraph starts, and paragraphs running on
 *   box helpers    rec_x0, rec_y0, rec_x1, rec_y1, rec_overlap (inline, below)
 *
 * The stage reads and writes the page model through newsocr.h only (issue 10): what it
 * does, a stage written outside the library could do too. Every length is a multiple of
 * the page's body text height, `body` below, so the rules hold at any resolution.
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

/* Sets the roles only the text tells (byline, page note, folio) and gives the role
 * NOCR_ROLE_UNKNOWN to text regions that do not read as text (noise, empty), which
 * leaves them out of the reading order; warns when most of the page is such (a photo).
 * Errors: NOCR_ENOMEM (the warning). */
int rec_text_roles(nocr_page *page, int body);

/* The headline (index into heads, sorted top to bottom) whose article region r belongs
 * to, REC_NO_OWNER when none (see owners.c for the rules). */
int rec_owner(const nocr_page *page, const nocr_region *r, nocr_region *const *heads, int nheads,
              int body);

/* The working arrays of one reconstruction, each with room for every region of the page
 * (arts one more, for the text no headline owns); owned by nocr_reconstruct. */
typedef struct rec_work {
    nocr_region **heads; /* headline regions, top to bottom */
    int *head_art;       /* the article of each headline (a second deck shares one) */
    int nheads;
    rec_article *arts; /* articles; the last one the orphans' when there are orphans */
    int narts;
    rec_item *items; /* the text regions that are read, in reading order once sorted */
    size_t nitems;
} rec_work;

/* Finds the headlines and builds the articles: one per headline (a headline right under
 * another of the same columns is its second deck), one for the text no headline owns; puts
 * each text region that is read into w->items with its article's index, and sets every
 * region's order and article to -1. Cannot fail. */
void rec_articles_find(rec_work *w, nocr_page *page, int body);

/* Sets each article's order: the order in which a reader takes them. Errors: NOCR_ENOMEM. */
int rec_articles_order(rec_work *w, int body);

/* Sorts items into reading order: articles in their order (the folio first, notes last),
 * inside one: headline, subheadline, byline, body column by column, captions; sets each
 * region's article. Errors: NOCR_ENOMEM. */
int rec_items_sort(rec_work *w);

/* Marks paragraph starts and run-ons (nocr_line_set_starts_paragraph,
 * nocr_region_set_continues) along items in reading order. Cannot fail. */
void rec_paragraphs(const nocr_page *page, const rec_item *items, size_t n, int body);

#endif /* NEWSOCR_ORDER_H */
