/*
 * reconstruct.c - reading order, articles, captions and paragraphs, on the page model alone.
 *
 *   nocr_reconstruct       the whole stage
 *   rec_text_roles         roles that only the text tells: byline, page note, folio
 *   rec_owner              the headline that owns a region (its article)
 *   rec_order_articles     articles in the order a reader takes them
 *   rec_order_article      inside an article: headline, subheadline, byline, body in column
 *                          order, captions last
 *   rec_paragraphs         paragraph starts from indents and short lines; paragraphs that
 *                          run on into the next column or past a photo
 *
 * Rules (a reader of a Chinese broadsheet):
 *   - The folio line comes first and page notes last, outside every article.
 *   - A headline owns the text beneath it, in the columns it spans, down to a horizontal
 *     rule or the next headline; text beside a headline that spans only part of its
 *     article belongs to it too; text no headline owns joins the nearest article of its
 *     band. Articles side by side are read left to right, never interleaved; an article
 *     below another in the same columns comes after it.
 *   - Inside an article: headline, subheadline, byline, then the body column by column
 *     (each top to bottom, so text above and below a photo is read in sequence, section
 *     headings in place), then the captions, in the order of their photos.
 *   - A body line starts a paragraph when it is indented (Chinese text: 2 em) or when the
 *     line before it in reading order ends short; otherwise it continues the paragraph,
 *     also across a column break or a photo.
 * All lengths are in body text heights (page->body_height), so the rules hold at any
 * resolution.
 */
#include "core/page.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A region with no article yet. */
#define NO_OWNER (-1)

typedef struct rec_article {
    int headline; /* index of its first headline region, -1 for orphans */
    int x0, y0, x1, y1; /* extent of all its regions */
    int hx0, hy0, hx1, hy1; /* extent of its headline(s) (= extent for orphans) */
    int order;
} rec_article;

static int rx0(const nocr_region *r)
{
    return r->box.x;
}

static int ry0(const nocr_region *r)
{
    return r->box.y;
}

static int rx1(const nocr_region *r)
{
    return r->box.x + r->box.w;
}

static int ry1(const nocr_region *r)
{
    return r->box.y + r->box.h;
}

static int overlap(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

static int is_text(const nocr_region *r)
{
    return r->role != NOCR_ROLE_FIGURE && r->role != NOCR_ROLE_SEPARATOR;
}

/* Concatenated text of a region's lines (borrowed into buf, truncated). */
static const char *region_text(const nocr_region *r, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->nlines && len + 1 < n; i++) {
        const char *t = r->lines[i]->text ? r->lines[i]->text : "";
        size_t k = strlen(t);
        if (k > n - 1 - len)
            k = n - 1 - len;
        memcpy(buf + len, t, k);
        len += k;
        buf[len] = '\0';
    }
    return buf;
}

/* Number of UTF-8 code points. */
static size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Byline: 本报记者 …, 记者 …, 通讯员 …, 本报讯 …, short. */
static int text_is_byline(const char *t)
{
    static const char *const marks[] = {"本报记者", "本报通讯员", "本报讯", "本报综合",
                                        "本报电", "记者", "通讯员", "特约记者", "实习生",
                                        "本报评论员", "新华社", "综合报道", "文/", "图/"};
    if (utf8_len(t) > 40)
        return 0;
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
        if (starts_with(t, marks[i]))
            return 1;
    }
    return 0;
}

/* Page note: a short parenthesised line such as （本版图片均为资料图）. */
static int text_is_note(const char *t)
{
    size_t n = strlen(t);
    return utf8_len(t) <= 40 && (starts_with(t, "（") || starts_with(t, "(")) && n >= 3 &&
           (strcmp(t + n - 3, "）") == 0 || t[n - 1] == ')');
}

/* Folio: the edition number 第N版 or a full date 2024年3月15日. */
static int text_is_folio(const char *t)
{
    const char *p = strstr(t, "第");
    if (p) {
        p += strlen("第");
        while (*p >= '0' && *p <= '9')
            p++;
        if (starts_with(p, "版"))
            return 1;
    }
    const char *y = strstr(t, "年");
    return y && y - t >= 4 && strstr(y, "月") && strstr(y, "日");
}

/* Roles that need the text: bylines, the page note, the folio (when no rule marked it),
 * and regions that recognition found empty or that hold only noise. */
/* Below NOISE_CONF mean confidence a region is not text (the texture of a photo, dirt);
 * when most regions of a page are, the page is no text page (a photo the preprocessing
 * could not tell from print, with no paper around it) and only regions above
 * PHOTO_PAGE_CONF are kept. Measured on the samples: no real text region below 10, the
 * noisiest fax page has one. */
#define NOISE_CONF      20.0f
#define PHOTO_PAGE_CONF 60.0f

/* Drops regions that recognition could not read as text, and says so. */
static void rec_drop_unreadable(nocr_page *page)
{
    size_t ntext = 0, nlow = 0, dropped = 0;
    for (size_t i = 0; i < page->nregions; i++) {
        const nocr_region *r = page->regions[i];
        if (is_text(r) && r->nlines > 0) {
            ntext++;
            nlow += nocr_region_confidence(r) < NOISE_CONF;
        }
    }
    int photo_page = 2 * nlow > ntext;
    float floor = photo_page ? PHOTO_PAGE_CONF : NOISE_CONF;
    for (size_t i = 0; i < page->nregions; i++) {
        nocr_region *r = page->regions[i];
        /* Headline type is text by its shape even when Tesseract doubts its reading. */
        int large = r->role == NOCR_ROLE_HEADLINE || r->role == NOCR_ROLE_SUBHEADLINE;
        if (is_text(r) && r->nlines > 0 && nocr_region_confidence(r) < floor &&
            (!large || photo_page)) {
            r->role = NOCR_ROLE_UNKNOWN;
            dropped++;
        }
    }
    if (photo_page && ntext > 0) {
        char msg[160];
        snprintf(msg, sizeof(msg),
                 "most of the page does not read as text (a photo?): %zu of %zu regions "
                 "left out",
                 dropped, ntext);
        nocr_page_add_warning(page, msg);
    }
}

static void rec_text_roles(nocr_page *page, int body)
{
    char buf[512];
    rec_drop_unreadable(page);
    for (size_t i = 0; i < page->nregions; i++) {
        nocr_region *r = page->regions[i];
        if (!is_text(r) || r->role == NOCR_ROLE_UNKNOWN)
            continue;
        const char *t = region_text(r, buf, sizeof(buf));
        size_t n = utf8_len(t);
        if (n == 0 || (n <= 2 && r->box.h < 2 * body && nocr_region_confidence(r) < 70)) {
            r->role = NOCR_ROLE_UNKNOWN;
            continue;
        }
        if (r->role == NOCR_ROLE_HEADLINE || r->role == NOCR_ROLE_CAPTION)
            continue;
        if (text_is_byline(t) && r->nlines <= 2)
            r->role = NOCR_ROLE_BYLINE;
        else if (text_is_note(t) && r->nlines <= 2 && ry0(r) > page->height / 2)
            r->role = NOCR_ROLE_NOTE;
        else if (r->nlines <= 2 && ry1(r) < page->height / NOCR_FOLIO_BAND_DIV && text_is_folio(t))
            r->role = NOCR_ROLE_PAGE_HEADER;
    }
}

/* True when the horizontal rule s is the top or bottom edge of a photo's frame. */
static int rule_frames_figure(const nocr_page *page, const nocr_region *s, int body)
{
    for (size_t i = 0; i < page->nregions; i++) {
        const nocr_region *f = page->regions[i];
        if (f->role != NOCR_ROLE_FIGURE)
            continue;
        int near_edge = abs(ry0(s) - ry0(f)) < body / 2 || abs(ry1(s) - ry1(f)) < body / 2;
        if (near_edge && 2 * overlap(rx0(s), rx1(s), rx0(f), rx1(f)) > s->box.w)
            return 1;
    }
    return 0;
}

/* True when a horizontal rule crosses the x-range [x0, x1) between y0 and y1 (the frame
 * of a photo does not count). */
static int rule_between(const nocr_page *page, int body, int x0, int x1, int y0, int y1)
{
    for (size_t i = 0; i < page->nregions; i++) {
        const nocr_region *s = page->regions[i];
        if (s->role != NOCR_ROLE_SEPARATOR || s->box.w < s->box.h ||
            rule_frames_figure(page, s, body))
            continue;
        int sy = ry0(s) + s->box.h / 2;
        int ov = overlap(rx0(s), rx1(s), x0, x1);
        if (sy > y0 && sy < y1 && ov * 2 > (x1 - x0))
            return 1;
    }
    return 0;
}

/* True when a vertical rule stands between x0 and x1 over the rows [y0, y1). */
static int vrule_between(const nocr_page *page, int x0, int x1, int y0, int y1)
{
    for (size_t i = 0; i < page->nregions; i++) {
        const nocr_region *s = page->regions[i];
        if (s->role != NOCR_ROLE_SEPARATOR || s->box.h <= s->box.w)
            continue;
        int sx = rx0(s) + s->box.w / 2;
        if (sx > x0 && sx < x1 && overlap(ry0(s), ry1(s), y0, y1) > 0)
            return 1;
    }
    return 0;
}

/* The article (index into heads) owning region r: the nearest headline above it whose
 * columns it shares, with no rule or other headline between; else a headline beside it
 * (a headline over part of its article); NO_OWNER when none. */
static int rec_owner(const nocr_page *page, const nocr_region *r, nocr_region *const *heads,
                     int nheads, int body)
{
    int best = NO_OWNER, best_y = -1;
    for (int h = 0; h < nheads; h++) {
        const nocr_region *hd = heads[h];
        if (ry0(hd) > ry0(r) + body || overlap(rx0(hd), rx1(hd), rx0(r), rx1(r)) <= 0)
            continue;
        int x0 = rx0(hd) > rx0(r) ? rx0(hd) : rx0(r), x1 = rx1(hd) < rx1(r) ? rx1(hd) : rx1(r);
        if (rule_between(page, body, x0, x1, ry1(hd), ry0(r)))
            continue;
        if (ry1(hd) > best_y) {
            best = h;
            best_y = ry1(hd);
        }
    }
    /* A lower headline in other columns takes over when the region's column breaks off at
     * that headline's height: a new band of the page (modular layout) starts there. */
    int lower = NO_OWNER, lower_y = best_y;
    for (int h = 0; best != NO_OWNER && h < nheads; h++) {
        const nocr_region *hd = heads[h];
        if (ry1(hd) > ry0(r) + body || ry0(hd) <= best_y || ry1(hd) <= lower_y)
            continue;
        int ymid = ry0(hd) + hd->box.h / 2, crossed = 0;
        for (size_t i = 0; i < page->nregions && !crossed; i++) {
            const nocr_region *o = page->regions[i];
            crossed = is_text(o) && o->role != NOCR_ROLE_HEADLINE && ry0(o) < ymid &&
                      ry1(o) > ymid && overlap(rx0(o), rx1(o), rx0(r), rx1(r)) > 0;
        }
        if (!crossed) {
            lower = h;
            lower_y = ry1(hd);
        }
    }
    if (lower != NO_OWNER)
        return lower;
    if (best != NO_OWNER)
        return best;
    /* The nearest headline above, in other columns: a headline centred over a module
     * owns the module's columns that it does not cover (no rule may come between).
     * Headlines of one band (bottoms within 2 body heights) are told apart by horizontal
     * distance, across no vertical rule. */
    int near_dx = 1 << 30;
    for (int h = 0; h < nheads; h++) {
        const nocr_region *hd = heads[h];
        if (ry1(hd) > ry0(r) + body ||
            rule_between(page, body, rx0(r), rx1(r), ry1(hd), ry0(r)))
            continue;
        int dx = rx0(r) >= rx1(hd) ? rx0(r) - rx1(hd) : rx0(hd) - rx1(r);
        int lo = rx0(r) >= rx1(hd) ? rx1(hd) : rx1(r), hi = rx0(r) >= rx1(hd) ? rx0(r) : rx0(hd);
        if (vrule_between(page, lo, hi, ry1(hd), ry0(r)))
            dx += page->width; /* across a column rule: only if nothing else */
        int below = ry1(hd) > best_y + 2 * body;
        int same_band = abs(ry1(hd) - best_y) <= 2 * body;
        if (best == NO_OWNER || below || (same_band && dx < near_dx)) {
            best = h;
            best_y = ry1(hd);
            near_dx = dx;
        }
    }
    if (best != NO_OWNER)
        return best;
    /* Beside: a headline whose rows the region's top falls in, nearest horizontally (a
     * column rule between them does not matter: no headline claims these columns). */
    int best_dx = 1 << 30;
    for (int h = 0; h < nheads; h++) {
        const nocr_region *hd = heads[h];
        if (ry0(r) < ry0(hd) - body || ry0(r) > ry1(hd) + 3 * body)
            continue;
        int dx = rx0(r) >= rx1(hd) ? rx0(r) - rx1(hd) : rx0(hd) - rx1(r);
        if (dx < 0)
            continue;
        if (dx < best_dx) {
            best = h;
            best_dx = dx;
        }
    }
    return best;
}

/* a before b: a above b in shared columns, or side by side and a to the left. */
static int article_before(const rec_article *a, const rec_article *b, int body)
{
    int xov = overlap(a->x0, a->x1, b->x0, b->x1) > body;
    int hov = overlap(a->hy0, a->hy1 + body, b->hy0, b->hy1 + body) > 0;
    if (hov && !xov)
        return a->x0 < b->x0;
    if (xov)
        return a->y0 < b->y0 || (a->y0 == b->y0 && a->x0 < b->x0);
    /* Neither: not side by side (headlines at different heights), no shared columns. */
    if (overlap(a->y0, a->y1, b->y0, b->y1) > (body * 4) && a->x0 != b->x0)
        return a->x0 < b->x0 && a->hy0 <= b->hy0 + 2 * body;
    return a->hy0 < b->hy0;
}

/* Orders the articles: repeatedly takes the first remaining article that no other
 * remaining article precedes (ties and cycles: the topmost, then leftmost). */
static void rec_order_articles(rec_article *arts, int n, int body)
{
    int *done = calloc((size_t)n + 1, sizeof(int));
    if (!done)
        return;
    for (int k = 0; k < n; k++) {
        int pick = -1;
        for (int i = 0; i < n; i++) {
            if (done[i])
                continue;
            int blocked = 0;
            for (int j = 0; j < n && !blocked; j++)
                blocked = j != i && !done[j] && article_before(&arts[j], &arts[i], body) &&
                          !article_before(&arts[i], &arts[j], body);
            if (!blocked && (pick < 0 || arts[i].hy0 < arts[pick].hy0))
                pick = i;
        }
        if (pick < 0) { /* a cycle: take the topmost */
            for (int i = 0; i < n; i++)
                if (!done[i] && (pick < 0 || arts[i].hy0 < arts[pick].hy0))
                    pick = i;
        }
        done[pick] = 1;
        arts[pick].order = k;
    }
    free(done);
}

/* Rank of a role inside an article. */
static int role_rank(nocr_role role)
{
    switch (role) {
    case NOCR_ROLE_HEADLINE:
        return 0;
    case NOCR_ROLE_SUBHEADLINE:
        return 1;
    case NOCR_ROLE_BYLINE:
        return 2;
    case NOCR_ROLE_CAPTION:
        return 4;
    default:
        return 3; /* body and section headings, in column order */
    }
}

typedef struct rec_item {
    nocr_region *r;
    int article; /* article index, its order later */
    int column;  /* column cluster inside the article */
    int rank;
} rec_item;

/* Column clusters of an article's body items: items whose x-ranges overlap by more than
 * half the narrower one share a column; columns are numbered left to right. */
static void rec_columns(rec_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        items[i].column = -1;
    int ncol = 0;
    for (size_t i = 0; i < n; i++) {
        if (items[i].column >= 0)
            continue;
        items[i].column = ncol;
        int cx0 = rx0(items[i].r), cx1 = rx1(items[i].r);
        for (int changed = 1; changed;) {
            changed = 0;
            for (size_t j = 0; j < n; j++) {
                if (items[j].column >= 0)
                    continue;
                int w = items[j].r->box.w < cx1 - cx0 ? items[j].r->box.w : cx1 - cx0;
                if (2 * overlap(cx0, cx1, rx0(items[j].r), rx1(items[j].r)) > w) {
                    items[j].column = ncol;
                    cx0 = rx0(items[j].r) < cx0 ? rx0(items[j].r) : cx0;
                    cx1 = rx1(items[j].r) > cx1 ? rx1(items[j].r) : cx1;
                    changed = 1;
                }
            }
        }
        ncol++;
    }
    /* Renumber by left edge. */
    for (int c = 0; c < ncol; c++) {
        int left = 1 << 30;
        for (size_t i = 0; i < n; i++)
            if (items[i].column == c && rx0(items[i].r) < left)
                left = rx0(items[i].r);
        for (size_t i = 0; i < n; i++)
            if (items[i].column == c)
                items[i].rank = left; /* temporary: the column's left edge */
    }
}

static int cmp_items(const void *pa, const void *pb)
{
    const rec_item *a = pa, *b = pb;
    if (a->article != b->article)
        return (a->article > b->article) - (a->article < b->article);
    int ra = role_rank(a->r->role), rb = role_rank(b->r->role);
    if (ra != rb)
        return (ra > rb) - (ra < rb);
    if (ra == 3 && a->rank != b->rank) /* body: by column, left to right */
        return (a->rank > b->rank) - (a->rank < b->rank);
    if (ry0(a->r) != ry0(b->r))
        return (ry0(a->r) > ry0(b->r)) - (ry0(a->r) < ry0(b->r));
    return (rx0(a->r) > rx0(b->r)) - (rx0(a->r) < rx0(b->r));
}

/* Paragraph starts in an article's body flow (items sorted): a line starts a paragraph
 * when it is indented by at least 1 body height from its column's left edge or when the
 * previous line of the flow ended more than 1.5 body heights short of its column's right
 * edge. A region whose first line does not start one continues the previous region. */
/* Left and right edge of a line as they would be on the straightened page: on a skewed
 * scan the lines of a column drift sideways from top to bottom, which would read as
 * indents (rotation by the scan's skew about the page centre, at the line's middle). */
typedef struct rec_deskew {
    double c, s, cx, cy;
} rec_deskew;

static rec_deskew deskew_of(const nocr_page *page)
{
    double a = -page->skew * 3.14159265358979 / 180.0;
    rec_deskew d = {cos(a), sin(a), page->width / 2.0, page->height / 2.0};
    return d;
}

static int straight_x(const rec_deskew *d, int x, const nocr_box *b)
{
    double y = b->y + b->h / 2.0;
    return (int)(d->cx + (x - d->cx) * d->c - (y - d->cy) * d->s + 0.5);
}

static void rec_paragraphs(const nocr_page *page, rec_item *items, size_t n, int body)
{
    rec_deskew d = deskew_of(page);
    const nocr_line *prev = NULL;
    int prev_right = 0, prev_end = 0, prev_article = -2;
    for (size_t i = 0; i < n; i++) {
        nocr_region *r = items[i].r;
        r->continues = 0;
        if (r->nlines == 0)
            continue;
        if (r->role != NOCR_ROLE_BODY || items[i].article != prev_article) {
            /* headlines, bylines, captions...: each region one paragraph */
            for (size_t k = 0; k < r->nlines; k++)
                r->lines[k]->starts_paragraph = k == 0;
            prev = NULL;
            prev_article = items[i].article;
            if (r->role != NOCR_ROLE_BODY)
                continue;
        }
        /* The column's edges: the extremes of its items' lines. */
        int left = 1 << 30, right = 0;
        for (size_t j = 0; j < n; j++) {
            if (items[j].article != items[i].article || items[j].column != items[i].column ||
                items[j].r->role != NOCR_ROLE_BODY)
                continue;
            for (size_t k = 0; k < items[j].r->nlines; k++) {
                const nocr_box *b = &items[j].r->lines[k]->box;
                int x0 = straight_x(&d, b->x, b), x1 = straight_x(&d, b->x + b->w, b);
                left = x0 < left ? x0 : left;
                right = x1 > right ? x1 : right;
            }
        }
        for (size_t k = 0; k < r->nlines; k++) {
            nocr_line *line = r->lines[k];
            const nocr_box *b = &line->box;
            int indented = straight_x(&d, b->x, b) - left >= body;
            int after_short = prev && prev_right - prev_end > 3 * body / 2;
            line->starts_paragraph = !prev || indented || after_short;
            prev = line;
            prev_right = right;
            prev_end = straight_x(&d, b->x + b->w, b);
        }
        r->continues = i > 0 && !r->lines[0]->starts_paragraph;
        prev_article = items[i].article;
    }
}

/* Warnings for pages whose layout the rules above only partly fit: the text is all
 * there, in the plausible order they give, but a person should look. */
static void rec_warnings(nocr_page *page, size_t ntext, int nheads)
{
    long long fig = 0, area = (long long)page->width * page->height;
    for (size_t i = 0; i < page->nregions; i++)
        if (page->regions[i]->role == NOCR_ROLE_FIGURE)
            fig += (long long)page->regions[i]->box.w * page->regions[i]->box.h;
    char msg[160];
    if (ntext == 0)
        nocr_page_add_warning(page, "no text found on the page");
    if (area > 0 && 2 * fig > area) {
        snprintf(msg, sizeof(msg),
                 "photos cover %lld%% of the page: text printed inside them is not read",
                 100 * fig / area);
        nocr_page_add_warning(page, msg);
    }
    size_t body = 0;
    for (size_t i = 0; i < page->nregions; i++)
        body += page->regions[i]->role == NOCR_ROLE_BODY && page->regions[i]->order >= 0;
    if (nheads == 0 && body > 1)
        nocr_page_add_warning(page, "no headline found: the text is read as one article, "
                                    "column by column");
    if (ntext > 0 && body == 0)
        nocr_page_add_warning(page, "no body text found: only headings and captions");
}

/* Body text height: the page's, else the median region text height, else 40 px. */
static int page_body_height(const nocr_page *page)
{
    if (page->body_height > 0)
        return page->body_height;
    int best = 0;
    for (size_t i = 0; i < page->nregions; i++) {
        const nocr_region *r = page->regions[i];
        for (size_t k = 0; k < r->nlines; k++) {
            int h = r->lines[k]->box.h;
            if (r->role == NOCR_ROLE_BODY && h > 0 && (best == 0 || h < best))
                best = h;
        }
    }
    return best > 0 ? best : 40;
}

int nocr_reconstruct(nocr_page *page)
{
    if (!page)
        return nocr_error_set(NOCR_EINVAL, "nocr_reconstruct: NULL page");
    int body = page_body_height(page);
    size_t n = page->nregions;
    rec_item *items = calloc(n ? n : 1, sizeof(*items));
    nocr_region **heads = calloc(n ? n : 1, sizeof(*heads));
    rec_article *arts = calloc(n + 1, sizeof(*arts));
    if (!items || !heads || !arts) {
        free(items);
        free(heads);
        free(arts);
        return nocr_error_set(NOCR_ENOMEM, "out of memory (reading order)");
    }
    rec_text_roles(page, body);

    /* Headlines, top to bottom; a headline directly under another (a second line set
     * apart) joins its article. */
    int nheads = 0;
    for (size_t i = 0; i < n; i++)
        if (page->regions[i]->role == NOCR_ROLE_HEADLINE)
            heads[nheads++] = page->regions[i];
    for (int a = 1; a < nheads; a++)
        for (int b = a; b > 0 && ry0(heads[b]) < ry0(heads[b - 1]); b--) {
            nocr_region *t = heads[b];
            heads[b] = heads[b - 1];
            heads[b - 1] = t;
        }

    /* Articles: one per headline (a headline right under another of the same columns is
     * its second deck), plus one for text no headline owns. */
    int *head_art = calloc((size_t)nheads + 1, sizeof(int));
    int narts = 0;
    for (int h = 0; h < nheads && head_art; h++) {
        head_art[h] = narts;
        if (h > 0) {
            nocr_region *p = heads[h - 1], *c = heads[h];
            if (ry0(c) - ry1(p) < body && overlap(rx0(p), rx1(p), rx0(c), rx1(c)) > 0) {
                head_art[h] = head_art[h - 1];
                continue;
            }
        }
        rec_article *ar = &arts[narts++];
        ar->headline = h;
        ar->x0 = ar->hx0 = rx0(heads[h]);
        ar->y0 = ar->hy0 = ry0(heads[h]);
        ar->x1 = ar->hx1 = rx1(heads[h]);
        ar->y1 = ar->hy1 = ry1(heads[h]);
    }
    int orphan = narts; /* the article of unowned text, if any */
    int norphans = 0;
    size_t nitems = 0;
    for (size_t i = 0; i < n; i++) {
        nocr_region *r = page->regions[i];
        r->order = -1;
        r->article = -1;
        if (!is_text(r) || r->role == NOCR_ROLE_UNKNOWN || r->nlines == 0)
            continue;
        rec_item *it = &items[nitems++];
        it->r = r;
        if (r->role == NOCR_ROLE_PAGE_HEADER || r->role == NOCR_ROLE_NOTE) {
            it->article = r->role == NOCR_ROLE_PAGE_HEADER ? -2 : 1 << 20;
            continue;
        }
        int h = -1;
        for (int k = 0; k < nheads; k++)
            if (heads[k] == r)
                h = k;
        int owner = h >= 0 ? h : rec_owner(page, r, heads, nheads, body);
        int a = owner >= 0 && head_art ? head_art[owner] : orphan;
        if (a == orphan)
            norphans++;
        it->article = a;
        rec_article *ar = &arts[a];
        if (a == orphan && norphans == 1) {
            ar->headline = -1;
            ar->x0 = ar->hx0 = rx0(r);
            ar->y0 = ar->hy0 = ry0(r);
            ar->x1 = ar->hx1 = rx1(r);
            ar->y1 = ar->hy1 = ry1(r);
        }
        ar->x0 = rx0(r) < ar->x0 ? rx0(r) : ar->x0;
        ar->y0 = ry0(r) < ar->y0 ? ry0(r) : ar->y0;
        ar->x1 = rx1(r) > ar->x1 ? rx1(r) : ar->x1;
        ar->y1 = ry1(r) > ar->y1 ? ry1(r) : ar->y1;
    }
    if (norphans > 0) {
        arts[orphan].hy1 = arts[orphan].y1;
        narts++;
    }
    rec_order_articles(arts, narts, body);

    /* Items: article order (folio first, note last), then rank, column, top. */
    for (size_t i = 0; i < nitems; i++) {
        int a = items[i].article;
        if (a >= 0 && a < narts) {
            items[i].r->article = arts[a].order;
            items[i].article = arts[a].order;
        }
    }
    /* Column clusters per article, among its body and section-heading items. */
    for (int a = 0; a < narts; a++) {
        rec_item *col = calloc(nitems ? nitems : 1, sizeof(*col));
        size_t nc = 0;
        for (size_t i = 0; col && i < nitems; i++)
            if (items[i].article == a && role_rank(items[i].r->role) == 3)
                col[nc++] = items[i];
        if (col) {
            rec_columns(col, nc);
            for (size_t c = 0, i = 0; c < nc; c++) {
                while (items[i].r != col[c].r)
                    i++;
                items[i].column = col[c].column;
                items[i].rank = col[c].rank;
            }
        }
        free(col);
    }
    qsort(items, nitems, sizeof(*items), cmp_items);
    for (size_t i = 0; i < nitems; i++)
        items[i].r->order = (int)i;
    rec_paragraphs(page, items, nitems, body);
    for (size_t i = 0; i < nitems; i++) {
        nocr_region *r = items[i].r;
        if (r->role == NOCR_ROLE_PAGE_HEADER || r->role == NOCR_ROLE_NOTE)
            r->article = -1;
    }
    nocr_page_sort_by_order(page);
    rec_warnings(page, nitems, nheads);
    free(head_art);
    free(items);
    free(heads);
    free(arts);
    return NOCR_OK;
}
