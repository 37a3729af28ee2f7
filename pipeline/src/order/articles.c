/*
 * articles.c - articles, and the order in which a reader takes them.
 *
 *   rec_articles_find    headlines, articles, and the article of each text region
 *   rec_headlines_find   the headline regions, top to bottom
 *   articles_of_headlines  one article per headline, a second deck joining the first
 *   articles_photo_heads   an article headed by a photo over its headline starts there
 *   rec_article_start    an article's extent is a region's box
 *   rec_article_grow     an article's extent grows by a region
 *   rec_articles_order   articles in reading order
 *   article_before       one article read before another, and how firmly
 *   article_blocked      an article held back by another read before it
 *   articles_depth       how many rows of articles stand over each one
 *   articles_mark_adverts  advertisements: large type in a frame, no body text
 *
 * Articles side by side are read left to right, never interleaved; an article below
 * another in the same columns comes after it; when nothing else tells two articles apart,
 * the one in the higher row of the page comes first, and in the same row the left one;
 * advertisements come after the articles. The folio line comes first and page notes last,
 * outside every article.
 */
#include "order/order.h"

/* Two articles share columns when their extents overlap by more than COLUMNS_SHARED body
 * heights sideways (less is a ragged edge or a gutter); their headlines are level when
 * their rows, each extended by HEAD_ROW_SLACK body heights downwards (a subheadline's
 * gap), meet. By hand in 961334b, checked as a whole on the 26 samples. */
#define COLUMNS_SHARED 1 /* body heights */
#define HEAD_ROW_SLACK 1 /* body heights */

/* Articles neither level nor in shared columns (a module of a modular page beside a
 * taller one) that stand side by side over more than SIDE_BY_SIDE body heights are read
 * left first, unless the left one's headline is more than LEVEL body heights lower. By
 * hand in 961334b (p03, p20: modules side by side under a wide article). A left article
 * that starts lower than that but still in the upper half of its neighbour's height shares
 * its band and is read first too (fresh seeds 20261202504, 20261202530; on the 100 pages
 * of 20261202500-599 11 pages read better and 4 worse, on 40 held-out pages of
 * 20261203800-839 3 better and 2 worse: CER 0.208 -> 0.204 and 0.201 -> 0.197). */
#define SIDE_BY_SIDE 4 /* body heights */
#define LEVEL        2 /* body heights */

void rec_headlines_find(rec_work *w, const nocr_page *page)
{
    w->nheads = 0;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) == NOCR_ROLE_HEADLINE)
            w->heads[w->nheads++] = r;
    }
    for (int a = 1; a < w->nheads; a++) {
        for (int b = a; b > 0 && rec_y0(w->heads[b]) < rec_y0(w->heads[b - 1]); b--) {
            nocr_region *t = w->heads[b];
            w->heads[b] = w->heads[b - 1];
            w->heads[b - 1] = t;
        }
    }
}

void rec_article_start(rec_article *ar, int headline, const nocr_region *r)
{
    ar->headline = headline;
    ar->x0 = ar->hx0 = rec_x0(r);
    ar->y0 = ar->hy0 = rec_y0(r);
    ar->x1 = ar->hx1 = rec_x1(r);
    ar->y1 = ar->hy1 = rec_y1(r);
}

void rec_article_grow(rec_article *ar, const nocr_region *r)
{
    ar->x0 = rec_x0(r) < ar->x0 ? rec_x0(r) : ar->x0;
    ar->y0 = rec_y0(r) < ar->y0 ? rec_y0(r) : ar->y0;
    ar->x1 = rec_x1(r) > ar->x1 ? rec_x1(r) : ar->x1;
    ar->y1 = rec_y1(r) > ar->y1 ? rec_y1(r) : ar->y1;
}

/* One article per headline, a second deck joining the headline above it. */
static void articles_of_headlines(rec_work *w, int body)
{
    w->narts = 0;
    for (int h = 0; h < w->nheads; h++) {
        if (h > 0) {
            const nocr_region *p = w->heads[h - 1], *c = w->heads[h];
            int ph = nocr_region_box(p).h, ch = nocr_region_box(c).h;
            int gap = rec_y0(c) - rec_y1(p), type_gap = (ph < ch ? ph : ch) / DECK_GAP_DIV;
            if ((gap < DECK_GAP * body || gap < type_gap) &&
                rec_overlap(rec_x0(p), rec_x1(p), rec_x0(c), rec_x1(c)) > 0) {
                w->head_art[h] = w->head_art[h - 1];
                continue;
            }
        }
        w->head_art[h] = w->narts;
        rec_article_start(&w->arts[w->narts++], h, w->heads[h]);
    }
}

/* Orphan text (no headline owns it) that continues an article's columns to the right
 * joins that article: the nearest region on its left whose rows it shares, when that
 * region has an article, gives it its article; repeated, so that a run of columns is
 * adopted from left to right. Without this the orphan columns formed an article of their
 * own, read first when they start above the headline beside them (seed 1115: the last
 * column of an article that runs to the top of the page, beside its headline, read
 * before the headline). Text with nothing on its left stays orphan. Returns the number
 * of items adopted. */
static int orphans_adopt(rec_work *w, int orphan, int body)
{
    int adopted = 0;
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < w->nitems; i++) {
            rec_item *it = &w->items[i];
            if (it->article != orphan)
                continue;
            const nocr_region *r = it->r;
            int best = -1, best_gap = INT_MAX;
            for (size_t j = 0; j < w->nitems; j++) {
                const rec_item *o = &w->items[j];
                if (o->article == orphan || o->article < 0 || o->article >= w->narts)
                    continue;
                int gap = rec_x0(r) - rec_x1(o->r);
                if (gap < -body ||
                    rec_overlap(rec_y0(r), rec_y1(r), rec_y0(o->r), rec_y1(o->r)) <= 0)
                    continue;
                if (gap < best_gap) {
                    best = o->article;
                    best_gap = gap;
                }
            }
            if (best >= 0) {
                it->article = best;
                rec_article_grow(&w->arts[best], r);
                adopted++;
                changed = 1;
            }
        }
    }
    return adopted;
}

/* Whether orphan item i leads a group (see orphans_group): text other than a caption,
 * or any orphan when all are captions. */
static int orphan_leads(const rec_work *w, int orphan, size_t i, int all_captions)
{
    return w->items[i].article == orphan &&
           (all_captions || nocr_region_role(w->items[i].r) != NOCR_ROLE_CAPTION);
}

/* The white between the rows of article a and item r's, 0 when they share rows. */
static int rows_apart(const rec_article *a, const nocr_region *r)
{
    int d = rec_y0(r) - a->y1 > a->y0 - rec_y1(r) ? rec_y0(r) - a->y1 : a->y0 - rec_y1(r);
    return d > 0 ? d : 0;
}

/* The orphans left (items of article `orphan`, the first free article) become articles
 * of their own, one per group of rows: orphans whose rows overlap, directly or through
 * others, are one group, with its own extent. One article of all of them spanned the
 * page: a caption under a photo at the top of the page and a column at its foot, neither
 * owned, made one article that started at the top and read the column right after the
 * folio (fresh seed 20261206030, CER 0.53 against plain tesseract's 0.24; the folio's
 * pieces on 20261205038, tau 0.11). A caption leads no group: it joins the group nearest
 * its rows, read after its text as captions are, and adds nothing to the group's extent
 * (a page with no headline reads its caption after its body, as before).
 * Errors: NOCR_ENOMEM (the orphans have no article then: the stage fails). */
static int orphans_group(rec_work *w, int orphan)
{
    size_t n = w->nitems;
    size_t *group = malloc((n ? n : 1) * sizeof(*group)); /* union-find over items */
    if (!group)
        return nocr_error_set(NOCR_ENOMEM, "out of memory (reading order)");
    int all_captions = 1;
    for (size_t i = 0; i < n; i++) {
        group[i] = i;
        if (orphan_leads(w, orphan, i, 0))
            all_captions = 0;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            const nocr_region *a = w->items[i].r, *b = w->items[j].r;
            if (!orphan_leads(w, orphan, i, all_captions) ||
                !orphan_leads(w, orphan, j, all_captions) ||
                rec_overlap(rec_y0(a), rec_y1(a), rec_y0(b), rec_y1(b)) <= 0)
                continue;
            size_t ra = i, rb = j;
            while (group[ra] != ra)
                ra = group[ra];
            while (group[rb] != rb)
                rb = group[rb];
            group[rb > ra ? rb : ra] = rb > ra ? ra : rb; /* the earlier item is the root */
        }
    int first = w->narts;
    for (size_t i = 0; i < n; i++)
        if (orphan_leads(w, orphan, i, all_captions) && group[i] == i) {
            group[i] = n + (size_t)w->narts; /* a group's first item: its article */
            rec_article_start(&w->arts[w->narts++], -1, w->items[i].r);
        }
    for (size_t i = 0; i < n; i++) {
        if (!orphan_leads(w, orphan, i, all_captions))
            continue;
        size_t root = i;
        while (group[root] < n)
            root = group[root];
        int a = (int)(group[root] - n);
        w->items[i].article = a;
        rec_article_grow(&w->arts[a], w->items[i].r);
    }
    for (size_t i = 0; i < n; i++) {
        if (w->items[i].article != orphan || orphan_leads(w, orphan, i, all_captions))
            continue;
        int best = first;
        for (int a = first + 1; a < w->narts; a++)
            if (rows_apart(&w->arts[a], w->items[i].r) < rows_apart(&w->arts[best], w->items[i].r))
                best = a;
        w->items[i].article = best;
    }
    for (int a = first; a < w->narts; a++) {
        w->arts[a].hx0 = w->arts[a].x0;
        w->arts[a].hy0 = w->arts[a].y0;
        w->arts[a].hx1 = w->arts[a].x1;
        w->arts[a].hy1 = w->arts[a].y1;
    }
    free(group);
    return NOCR_OK;
}

/* An advertisement has fewer than AD_BODY_LINES lines of body text, all its body regions
 * together (a boxed article has its body text, maybe in short columns: fresh seed
 * 20261208079, a boxed article whose photo left its four columns two lines each, was read
 * after the whole page as an advertisement when one region had to hold three lines: CER
 * 0.44 against tesseract's 0.09; an advertisement's small type comes out as lines of
 * one, taken for section headings and body: counting those too read two of them in place,
 * tuning seeds 20261207038 and 051), and stands in a frame: the nearest rules on
 * its four sides meet, each within AD_FRAME_SLACK body heights of the others' ends. Its
 * text is centred in the frame, far from it maybe, so no distance to the text is asked.
 * By hand, after the advertisements of newsocr-synth (seed 20261201120: an advertisement
 * read between two articles). */
#define AD_BODY_LINES  3
#define AD_FRAME_SLACK 2 /* body heights */

/* Marks the articles that are advertisements (see AD_BODY_LINES): too few lines of body
 * text, framed, and no other article's text inside the frame's box. */
static void articles_mark_adverts(rec_work *w, const nocr_page *page, int body)
{
    for (int a = 0; a < w->narts; a++) {
        rec_article *ar = &w->arts[a];
        ar->advert = 0;
        if (ar->headline < 0)
            continue;
        int lines = 0, others = 0;
        for (size_t i = 0; i < w->nitems; i++) {
            const rec_item *it = &w->items[i];
            if (it->article == a && nocr_region_role(it->r) == NOCR_ROLE_BODY)
                lines += (int)nocr_region_line_count(it->r);
            others += it->article != a &&
                      rec_overlap(rec_x0(it->r), rec_x1(it->r), ar->x0, ar->x1) > 0 &&
                      rec_overlap(rec_y0(it->r), rec_y1(it->r), ar->y0, ar->y1) > 0;
        }
        ar->advert = lines < AD_BODY_LINES && others == 0 &&
                     rec_frame(page, ar->x0, ar->y0, ar->x1, ar->y1, AD_FRAME_SLACK * body, NULL);
    }
}

/* An article headed by a photo over its headline (rec_photo_heading) starts at the
 * photo's top: it is read beside the articles whose headlines are level with the photo,
 * in its place from left to right, not after them as if it started at its headline (fresh
 * seed 20261202173: such an article, left of the page's top, was read after the whole
 * top row). */
static void articles_photo_heads(rec_work *w, const nocr_page *page, int body)
{
    for (int a = 0; a < w->narts; a++) {
        rec_article *ar = &w->arts[a];
        const nocr_region *f = rec_photo_heading(page, w->heads[ar->headline], body);
        if (f && rec_y0(f) < ar->hy0)
            ar->hy0 = ar->y0 = rec_y0(f);
    }
}

int rec_articles_find(rec_work *w, nocr_page *page, int body)
{
    rec_headlines_find(w, page);
    articles_of_headlines(w, body);
    articles_photo_heads(w, page, body);
    int orphan = w->narts; /* the article of unowned text, if any */
    int norphans = 0;
    w->nitems = 0;
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(r);
        rec_item *it = rec_item_add(w, r);
        if (!it)
            continue;
        if (role == NOCR_ROLE_PAGE_HEADER || role == NOCR_ROLE_NOTE) {
            it->article = role == NOCR_ROLE_PAGE_HEADER ? REC_ARTICLE_FOLIO : REC_ARTICLE_NOTES;
            continue;
        }
        int h = REC_NO_OWNER;
        for (int k = 0; k < w->nheads; k++)
            if (w->heads[k] == r)
                h = k;
        int owner = h != REC_NO_OWNER ? h : rec_owner(page, r, w->heads, w->nheads, body);
        int a = owner != REC_NO_OWNER ? w->head_art[owner] : orphan;
        it->article = a;
        if (a == orphan)
            norphans++;
        else
            rec_article_grow(&w->arts[a], r);
    }
    int error = NOCR_OK;
    if (norphans > 0 && orphans_adopt(w, orphan, body) < norphans)
        error = orphans_group(w, orphan);
    articles_mark_adverts(w, page, body);
    return error;
}

/* How firmly a is read before b: 0 not, BEFORE_WEAK or BEFORE_FIRM. a before b: a above b
 * in shared columns, or side by side and a to the left. Level headlines side by side are
 * read left to right whatever the extents say: an extent grows by every region the article
 * owns, and one region owned wrongly (a subheadline or caption of the neighbour) makes two
 * articles side by side "share columns", which then put the one whose headline is a few
 * pixels higher first (seed 1122: the top-right article read before the top-left one,
 * whose headline was 12 px lower). Weak: a left article that starts in the upper half of
 * its neighbour or in the same row of the page (articles_depth), but not from a lower row
 * than its neighbour's (tuning seeds 20270113019, 079 and 20270112095: an article under
 * the top-left one, starting in the upper half of the taller one beside that, was read
 * before it; on 20270112000-099 8 pages read better and 2 worse, CER 0.143 -> 0.130, on
 * 20270113000-099 10 better and 6 worse, 0.134 -> 0.129), and when nothing else
 * tells them apart the article in the higher row, in the same row the left one. Rows
 * count from the second: an article of the top row that starts far down the page has
 * something over it that is not read as an article (the page of test_article_cycle), so
 * there the higher headline goes first, as before rows were counted. */
enum { BEFORE_WEAK = 1, BEFORE_FIRM = 2 };
static int article_before(const rec_article *a, const rec_article *b, int body)
{
    int xov = rec_overlap(a->x0, a->x1, b->x0, b->x1) > COLUMNS_SHARED * body;
    int hov = rec_overlap(a->hy0, a->hy1 + HEAD_ROW_SLACK * body, b->hy0,
                          b->hy1 + HEAD_ROW_SLACK * body) > 0;
    int heads_apart =
        a->headline >= 0 && b->headline >= 0 && rec_overlap(a->hx0, a->hx1, b->hx0, b->hx1) == 0;
    if (hov && (!xov || heads_apart))
        return (heads_apart ? a->hx0 < b->hx0 : a->x0 < b->x0) ? BEFORE_FIRM : 0;
    if (xov)
        return (a->y0 < b->y0 || (a->y0 == b->y0 && a->x0 < b->x0)) ? BEFORE_FIRM : 0;
    /* Neither: not side by side (headlines at different heights), no shared columns. */
    if (rec_overlap(a->y0, a->y1, b->y0, b->y1) > SIDE_BY_SIDE * body && a->x0 != b->x0) {
        if (a->x0 >= b->x0)
            return 0;
        if (a->hy0 <= b->hy0 + LEVEL * body)
            return BEFORE_FIRM;
        if (a->depth <= b->depth &&
            (2 * a->hy0 < b->y0 + b->y1 || (a->depth > 0 && a->depth == b->depth)))
            return BEFORE_WEAK;
        return 0;
    }
    if (a->depth != b->depth)
        return a->depth < b->depth ? BEFORE_WEAK : 0;
    if (a->depth > 0)
        return a->x0 < b->x0 ? BEFORE_WEAK : 0;
    return a->hy0 < b->hy0 ? BEFORE_WEAK : 0;
}

/* Each article's depth: the longest chain of articles over it. A page is made up in
 * rows, each article under the lowest one already in its columns, and read row by row:
 * articles of the same depth are read left to right even when their tops are far apart
 * (the left module of a row, under a taller article, starts lower than the one beside it
 * and is still read first: fresh seeds 20270109013, 20270109076). On the 100 tuning pages
 * of 20270109000-099, 16 read better and 3 worse (CER 0.156 -> 0.142).
 *
 * Article a is over article b when one of a's regions other than a caption ends above b's
 * headline (HEAD_ROW_SLACK body heights of slack) over b's headline, and a is more than
 * SIDE_BY_SIDE body heights tall (a folio piece left over is no article). The regions and
 * not the extents are asked: one region owned wrongly stretches an extent, which then
 * stands over or beside anything (fresh seed 20270109000: an article owning the caption of
 * the photo over its neighbour's headline stood over that neighbour). The articles are
 * taken by their headlines' tops, so every article over one has its depth already; one
 * pass over the regions per article. */
static void articles_depth(rec_work *w, int body)
{
    rec_article *arts = w->arts;
    int n = w->narts;
    for (int i = 0; i < n; i++)
        arts[i].depth = -1;
    for (int k = 0; k < n; k++) {
        int next = -1; /* the highest headline not yet given a depth */
        for (int i = 0; i < n; i++)
            if (arts[i].depth < 0 && (next < 0 || arts[i].hy0 < arts[next].hy0))
                next = i;
        rec_article *b = &arts[next];
        b->depth = 0;
        for (size_t i = 0; i < w->nitems; i++) {
            int a = w->items[i].article;
            if (a < 0 || a >= n || a == next || arts[a].depth < b->depth)
                continue;
            const rec_article *over = &arts[a];
            const nocr_region *r = w->items[i].r;
            if (over->y1 - over->y0 > SIDE_BY_SIDE * body && over->hy0 < b->hy0 &&
                nocr_region_role(r) != NOCR_ROLE_CAPTION && rec_y0(r) < b->hy0 &&
                rec_y1(r) <= b->hy0 + HEAD_ROW_SLACK * body &&
                rec_overlap(rec_x0(r), rec_x1(r), b->hx0, b->hx1) > COLUMNS_SHARED * body)
                b->depth = over->depth + 1;
        }
    }
}

/* Is article i, not done, held back by another one of its kind (advertisement or not)
 * read before it at least as firmly as min? */
static int article_blocked(const rec_article *arts, int n, const char *done, int i, int min,
                           int body)
{
    for (int j = 0; j < n; j++) {
        if (j == i || done[j] || arts[j].advert != arts[i].advert)
            continue;
        int ji = article_before(&arts[j], &arts[i], body);
        if (ji >= min && ji > article_before(&arts[i], &arts[j], body))
            return 1;
    }
    return 0;
}

/* Repeatedly takes the first remaining article that no other remaining article precedes
 * (ties: the topmost); the advertisements after all the others, in the same way. In a
 * cycle of preferences the weak ones give way (fresh seed 20261204026: two level
 * articles side by side, the left one read first, the left one's lower neighbour read
 * before it as a weak preference, and the right one before that lower neighbour as the
 * higher headline; the topmost, the right one, was read first); in a cycle of firm ones,
 * the topmost is taken. */
int rec_articles_order(rec_work *w, int body)
{
    rec_article *arts = w->arts;
    int n = w->narts;
    char *done = calloc((size_t)n + 1, 1);
    if (!done)
        return nocr_error_set(NOCR_ENOMEM, "out of memory (reading order of articles)");
    articles_depth(w, body);
    for (int k = 0; k < n; k++) {
        int pick = -1, adverts = 1; /* only advertisements left? */
        for (int i = 0; i < n; i++)
            adverts &= done[i] || arts[i].advert;
        for (int min = BEFORE_WEAK; min <= BEFORE_FIRM + 1 && pick < 0; min++) {
            for (int i = 0; i < n; i++) {
                if (done[i] || arts[i].advert != adverts ||
                    article_blocked(arts, n, done, i, min, body))
                    continue;
                if (pick < 0 || arts[i].hy0 < arts[pick].hy0)
                    pick = i;
            }
        }
        done[pick] = 1;
        arts[pick].order = k;
    }
    free(done);
    return NOCR_OK;
}
