/*
 * vlayout.c - vertical pages: body text set top to bottom in columns read right to left,
 * in tiers (spec "vertical yes").
 *
 *   syn_vlayout_page   lay out and render a vertical page (syn_layout_page's contract)
 *   vl_vertical_form   the vertical presentation form printed for a punctuation mark
 *   vl_column          one column of characters drawn top to bottom
 *   vl_article         an article in its tier band: headline, subheadline, paragraphs
 *   vl_horizontal      a horizontal article (mixed pages): headline and lines in columns
 *
 * The page: the folio line on top (horizontal, above a rule), then "columns" tiers of equal
 * height separated by rules. Each article spans the tiers of its column range (1-based,
 * "article a1 1-1": tier 1) and is placed right to left in spec order, with a vertical
 * rule between two articles of one tier. A vertical article is its headline (one or two
 * large columns at the right, or set horizontally across the article with "head-horizontal
 * yes"), its subheadline (one column), then its paragraphs, each starting a new column
 * with a two-character indent. "horizontal yes" sets the article horizontally in the width
 * left in its band (headline on top, lines in columns of about 20 characters). Text that
 * does not fit is left out, and so from the ground truth.
 *
 * A photo of a vertical article (--random pages: photo COLS count the article's text columns,
 * right to left, from its first body column) stands at the top or the foot of its tier
 * ("top", or SYN_AT_BOTTOM) over those columns, with its caption in lines across under
 * it; the columns it stands in are shortened by its height and run under it (or end over
 * it). The caption is read after the article's text, as on horizontal pages.
 *
 * Punctuation is printed in its vertical presentation form (U+FE10-FE19, U+FE30-FE4F)
 * and recorded in the ground truth as the ordinary mark, as newsocr reports it.
 * Specs list articles in reading order: tier by tier, right to left.
 */
#include "synth.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const syn_spec *sp;
    PIX *pix;
    syn_page *page;
    int bpx, pitch, left, right;
    int tier_y0[SYN_MAX_COLUMNS], tier_y1[SYN_MAX_COLUMNS];
    int xr[SYN_MAX_COLUMNS]; /* right end of the free space of each tier */
    int para;
    syn_rng rng; /* the photos' pictures */
} vl_ctx;

/* A photo placed in a vertical article: the text columns [c0, c1] (right to left, from the
 * first body column) lose `cells` character cells at the top (top) or the foot. */
typedef struct {
    int c0, c1, cells, top;
    int x0, y0, x1, y1; /* the picture */
    int capy, cappx, caplines;
} vl_photo;

static syn_region *vl_region_new(syn_page *page, int role, int article, int vertical)
{
    if (page->nregions == page->cap) {
        int cap = page->cap ? page->cap * 2 : 64;
        syn_region *t = realloc(page->regions, (size_t)cap * sizeof(*t));
        if (!t)
            return NULL;
        page->regions = t;
        page->cap = cap;
    }
    syn_region *r = &page->regions[page->nregions++];
    memset(r, 0, sizeof(*r));
    r->role = role;
    r->article = article;
    r->order = page->nregions;
    r->vertical = vertical;
    r->x0 = r->y0 = 1 << 30;
    r->x1 = r->y1 = -1;
    return r;
}

/* Appends ln (taking its text) to r; frees the text on failure. */
static int vl_add_line(syn_region *r, syn_line *ln)
{
    if (r->nlines == r->cap) {
        int cap = r->cap ? r->cap * 2 : 8;
        syn_line *t = realloc(r->lines, (size_t)cap * sizeof(*t));
        if (!t) {
            free(ln->text);
            return SYN_ENOMEM;
        }
        r->lines = t;
        r->cap = cap;
    }
    r->lines[r->nlines++] = *ln;
    r->x0 = ln->x0 < r->x0 ? ln->x0 : r->x0;
    r->y0 = ln->y0 < r->y0 ? ln->y0 : r->y0;
    r->x1 = ln->x1 > r->x1 ? ln->x1 : r->x1;
    r->y1 = ln->y1 > r->y1 ? ln->y1 : r->y1;
    return 0;
}

static void vl_sep(syn_page *page, PIX *pix, int x0, int y0, int x1, int y1)
{
    syn_render_rect(pix, x0, y0, x1, y1, 0);
    if (page->nseps >= (int)(sizeof(page->seps) / sizeof(page->seps[0])))
        return;
    syn_box *b = &page->seps[page->nseps];
    *b = (syn_box){"", x0, y0, x1, y1};
    snprintf(b->id, sizeof(b->id), "sep%d", page->nseps + 1);
    page->nseps++;
}

static long vl_vertical_form(long cp)
{
    static const long map[][2] = {
        {0xFF0C, 0xFE10}, {0x3001, 0xFE11}, {0x3002, 0xFE12}, {0xFF1A, 0xFE13}, {0xFF1B, 0xFE14},
        {0xFF01, 0xFE15}, {0xFF1F, 0xFE16}, {0x2026, 0xFE19}, {0x2014, 0xFE31}, {0xFF08, 0xFE35},
        {0xFF09, 0xFE36}, {0x300A, 0xFE3D}, {0x300B, 0xFE3E}, {0x3008, 0xFE3F}, {0x3009, 0xFE40},
        {0x300C, 0xFE41}, {0x300D, 0xFE42}, {0x300E, 0xFE43}, {0x300F, 0xFE44}, {0x201C, 0xFE41},
        {0x201D, 0xFE42}, {0x2018, 0xFE43}, {0x2019, 0xFE44}};
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (map[i][0] == cp)
            return map[i][1];
    return cp;
}

/* Code points of s into cps (at most max); returns how many. */
static int vl_decode(long *cps, int max, const char *s)
{
    int n = 0;
    while (s && *s && n < max) {
        long cp = syn_utf8_next(&s);
        if (cp < 0)
            break;
        if (cp != ' ')
            cps[n++] = cp;
    }
    return n;
}

/* Draws cps[0..n) as one column whose cells (px square, pitch adv) start at (x, y) and
 * appends the line to r. Curly quotes are recorded as corner brackets, the form printed. */
static int vl_column(vl_ctx *c, syn_region *r, int font, int px, int adv, const long *cps, int n,
                     int x, int y, int skip)
{
    char *txt = malloc((size_t)n * 4 + 1);
    int len = 0, rc = 0;
    if (!txt)
        return SYN_ENOMEM;
    for (int i = 0; i < n && !rc; i++) {
        long v = vl_vertical_form(cps[i]), gt = cps[i];
        int cell = y + (skip + i) * adv;
        long aw = syn_font_advance(font, px, v) / 64;
        rc = syn_render_text(c->pix, font, px, v, x + (int)(px - aw) / 2,
                             cell + (adv - px) / 2 + (int)lround(px * 0.88));
        if (gt == 0x201C || gt == 0x201D || gt == 0x2018 || gt == 0x2019)
            gt = gt == 0x201C ? 0x300C : gt == 0x201D ? 0x300D : gt == 0x2018 ? 0x300E : 0x300F;
        len += syn_utf8_put(txt + len, gt);
    }
    txt[len] = '\0';
    if (rc) {
        free(txt);
        return rc;
    }
    syn_line ln = {x, y + skip * adv, x + px, y + (skip + n) * adv, 0, 1, txt};
    return vl_add_line(r, &ln);
}

/* Draws cps[0..n) as one horizontal line at (x, y top), appended to r. */
static int vl_hline(vl_ctx *c, syn_region *r, int font, int px, const long *cps, int n, int x,
                    int y)
{
    char *txt = malloc((size_t)n * 4 + 1);
    int len = 0, rc = 0, pen = x, base = y + (int)lround(px * 0.88);
    if (!txt)
        return SYN_ENOMEM;
    for (int i = 0; i < n && !rc; i++) {
        rc = syn_render_text(c->pix, font, px, cps[i], pen, base);
        pen += (int)(syn_font_advance(font, px, cps[i]) / 64);
        len += syn_utf8_put(txt + len, cps[i]);
    }
    txt[len] = '\0';
    if (rc) {
        free(txt);
        return rc;
    }
    syn_line ln = {x, y, pen, y + px, base, 0, txt};
    return vl_add_line(r, &ln);
}

#define VL_MAX_TEXT 4096

/* Caption type is this share of the body size; a caption takes at most VL_CAP_LINES lines. */
#define VL_CAP_SIZE  0.8
#define VL_CAP_LINES 2

/* Places photo ph of an article whose first body column would be drawn right of x (cells
 * of bpx from `top` to the tier's foot, `per` of them): the picture over its columns, at
 * most 0.6 of the tier high with its caption; 0 when it does not fit (no columns, or too
 * little room). */
static int vl_photo_place(vl_photo *p, const vl_ctx *c, const syn_photo_spec *ph, int x, int top,
                          int per, int ncap)
{
    int bpx = c->bpx, pitch = c->pitch;
    memset(p, 0, sizeof(*p));
    p->c0 = ph->col0;
    p->c1 = ph->col1;
    p->top = ph->at != SYN_AT_BOTTOM;
    p->x0 = x - (p->c1 + 1) * pitch + (pitch - bpx) / 2;
    p->x1 = x - p->c0 * pitch - (pitch - bpx) / 2;
    if (p->x0 < c->left || p->x1 - p->x0 < 2 * bpx)
        return 0;
    p->cappx = (int)lround(bpx * VL_CAP_SIZE);
    int per_line = (p->x1 - p->x0) / p->cappx;
    p->caplines = ncap > 0 && per_line > 0 ? (ncap + per_line - 1) / per_line : 0;
    if (p->caplines > VL_CAP_LINES)
        p->caplines = VL_CAP_LINES;
    int h = syn_mm2px(c->sp, ph->height_mm), cap_h = p->caplines * (int)lround(p->cappx * 1.3);
    int room = (int)(0.6 * per) * bpx;
    if (h + cap_h + bpx > room)
        h = room - cap_h - bpx;
    if (h < 3 * bpx)
        return 0;
    p->cells = (h + cap_h + bpx + bpx - 1) / bpx; /* picture, caption, a cell of white */
    p->y0 = p->top ? top : top + (per - p->cells) * bpx + bpx / 2;
    p->y1 = p->y0 + h;
    p->capy = p->y1 + p->cappx / 3;
    return 1;
}

/* Draws the picture and its caption (lines across under it, a region of the article read
 * after its text). */
static int vl_photo_draw(vl_ctx *c, const vl_photo *p, const syn_photo_spec *ph, int ai)
{
    syn_page *page = c->page;
    if (page->nimages >= (int)(sizeof(page->images) / sizeof(page->images[0])))
        return 0;
    syn_box *box = &page->images[page->nimages++];
    *box = (syn_box){"", p->x0, p->y0, p->x1, p->y1};
    snprintf(box->id, sizeof(box->id), "img_%s", ph->id);
    syn_render_photo(c->pix, box, &c->rng, c->sp->dpi);
    if (!ph->caption || p->caplines == 0)
        return 0;
    long cps[VL_MAX_TEXT];
    int n = vl_decode(cps, VL_MAX_TEXT, ph->caption), per_line = (p->x1 - p->x0) / p->cappx;
    syn_region *r = vl_region_new(page, SYN_ROLE_CAPTION, ai, 0);
    if (!r)
        return SYN_ENOMEM;
    snprintf(r->figure_id, sizeof(r->figure_id), "%s", box->id);
    int rc = 0;
    for (int k = 0; k < p->caplines && k * per_line < n && !rc; k++) {
        int m = n - k * per_line < per_line ? n - k * per_line : per_line;
        rc = vl_hline(c, r, c->sp->body_font, p->cappx, cps + k * per_line, m, p->x0,
                      p->capy + k * (int)lround(p->cappx * 1.3));
    }
    return rc;
}

/* A vertical article in tiers t0..t1, placed at the right of the space left. */
static int vl_article(vl_ctx *c, int ai, int t0, int t1)
{
    const syn_spec *sp = c->sp;
    const syn_article_spec *a = sp->articles[ai];
    long cps[VL_MAX_TEXT];
    int y0 = c->tier_y0[t0], y1 = c->tier_y1[t1], xr = c->right, rc = 0;
    for (int t = t0; t <= t1; t++)
        xr = c->xr[t] < xr ? c->xr[t] : xr;
    int x = xr, top = y0, bpx = c->bpx;
    int hpx = syn_pt2px(sp, a->head_pt > 0 ? a->head_pt : 2.2 * sp->body_pt);
    int hfont = a->head_font >= 0 ? a->head_font : sp->head_font;
    if (a->headline && a->head_horizontal) { /* head-horizontal: measured after the body */
        /* the article's width from its columns, then the headline's lines across it */
        int per0 = (y1 - y0 - 2 * hpx) / bpx, cols = 0;
        for (int i = 0; i < a->nitems && per0 > 2; i++)
            cols += (vl_decode(cps, VL_MAX_TEXT, a->items[i].text) + 2 + per0 - 1) / per0;
        int n = vl_decode(cps, VL_MAX_TEXT, a->headline), w = cols * c->pitch, px = hpx;
        if (n * px > w)
            px = w / (n > 0 ? n : 1);
        if (px < (int)lround(1.7 * bpx))
            px = (int)lround(1.7 * bpx);
        int per_line = w / px > 0 ? w / px : 1;
        top = y0 + (int)lround(px * (0.1 + 1.2 * ((n + per_line - 1) / per_line))) + bpx;
    } else if (a->headline) {
        int n = vl_decode(cps, VL_MAX_TEXT, a->headline), adv = (int)lround(hpx * 1.05);
        int per = (y1 - y0) / adv, lines = n > per ? 2 : 1;
        per = (n + lines - 1) / lines; /* two columns: the characters shared evenly */
        syn_region *r = vl_region_new(c->page, SYN_ROLE_HEADLINE, ai, 1);
        if (!r)
            return SYN_ENOMEM;
        for (int k = 0; k < lines && !rc; k++) {
            int m = n - k * per < per ? n - k * per : per;
            x -= (int)lround(hpx * 1.25);
            rc = vl_column(c, r, hfont, hpx, adv, cps + k * per, m, x, y0, 0);
        }
        x -= bpx;
    }
    if (!rc && a->subheadline) {
        int spx = (int)lround(bpx * 1.4), n = vl_decode(cps, VL_MAX_TEXT, a->subheadline);
        int per = (y1 - top) / spx - 1;
        syn_region *r = vl_region_new(c->page, SYN_ROLE_SUBHEADLINE, ai, 1);
        if (!r)
            return SYN_ENOMEM;
        x -= (int)lround(spx * 1.5);
        rc = vl_column(c, r, sp->head_font, spx, spx, cps, n < per ? n : per, x, top + spx, 0);
        x -= bpx / 2;
    }
    int per = (y1 - top) / bpx, full = 0, col = 0, x_text = x;
    vl_photo photo;
    const syn_photo_spec *ph = a->nphotos > 0 && !a->photos[0].quote ? &a->photos[0] : NULL;
    if (ph && !vl_photo_place(&photo, c, ph, x, top, per,
                              ph->caption ? vl_decode(cps, VL_MAX_TEXT, ph->caption) : 0))
        ph = NULL;
    for (int i = 0; i < a->nitems && !rc && !full; i++) {
        int n = vl_decode(cps, VL_MAX_TEXT, a->items[i].text), k = 0, skip = 2;
        syn_region *r = vl_region_new(c->page, SYN_ROLE_BODY, ai, 1);
        if (!r)
            return SYN_ENOMEM;
        snprintf(r->para_id, sizeof(r->para_id), "p%d", ++c->para);
        while (k < n && !rc) {
            if (x - c->pitch < c->left) {
                full = 1;
                break;
            }
            x -= c->pitch;
            /* under a photo at the top the column starts below it; over one at the foot
             * it ends above it */
            int under = ph && col >= photo.c0 && col <= photo.c1 ? photo.cells : 0;
            int lead = ph && photo.top ? under : 0, room = per - skip - under;
            col++;
            if (room < 1)
                continue;
            int m = n - k < room ? n - k : room;
            /* a closing mark never starts a column: it goes at the end of the one before */
            if (k + m < n && m + 1 <= room && vl_vertical_form(cps[k + m]) != cps[k + m] &&
                (cps[k + m] == 0x3002 || cps[k + m] == 0xFF0C || cps[k + m] == 0x3001))
                m++;
            rc = vl_column(c, r, sp->body_font, bpx, bpx, cps + k, m, x + (c->pitch - bpx) / 2,
                           top, skip + lead);
            k += m;
            skip = 0;
        }
        if (r->nlines == 0)
            c->page->nregions--;
    }
    if (ph && !rc) {
        int left = x_text - (photo.c1 + 1) * c->pitch;
        x = left < x ? left : x;
        rc = vl_photo_draw(c, &photo, ph, ai);
    }
    if (!rc && a->headline && a->head_horizontal) {
        /* horizontal headline across the article, centred, in as many lines as it takes
         * at no less than 1.7 body sizes */
        int n = vl_decode(cps, VL_MAX_TEXT, a->headline), w = xr - x, px = hpx;
        if (n * px > w)
            px = w / (n > 0 ? n : 1);
        if (px < (int)lround(1.7 * bpx))
            px = (int)lround(1.7 * bpx);
        int per_line = w / px > 0 ? w / px : 1;
        syn_region *r = vl_region_new(c->page, SYN_ROLE_HEADLINE, ai, 0);
        if (!r)
            return SYN_ENOMEM;
        /* the headline is read first: move it before the article's other regions */
        syn_region head = *r;
        int first = c->page->nregions - 1;
        while (first > 0 && c->page->regions[first - 1].article == ai)
            first--;
        memmove(&c->page->regions[first + 1], &c->page->regions[first],
                (size_t)(c->page->nregions - 1 - first) * sizeof(syn_region));
        c->page->regions[first] = head;
        for (int k = 0; k * per_line < n && !rc; k++) {
            int m = n - k * per_line < per_line ? n - k * per_line : per_line;
            rc = vl_hline(c, &c->page->regions[first], hfont, px, cps + k * per_line, m,
                          x + (w - m * px) / 2, y0 + (int)lround(px * (0.1 + 1.2 * k)));
        }
    }
    for (int t = t0; t <= t1; t++)
        c->xr[t] = x - 2 * bpx;
    if (x - 2 * bpx > c->left + 2 * bpx && sp->column_rules)
        vl_sep(c->page, c->pix, x - bpx - 1, y0, x - bpx + 1, y1);
    return rc;
}

/* A horizontal article in the width left in tiers t0..t1. */
static int vl_horizontal(vl_ctx *c, int ai, int t0, int t1)
{
    const syn_spec *sp = c->sp;
    const syn_article_spec *a = sp->articles[ai];
    long cps[VL_MAX_TEXT];
    int y0 = c->tier_y0[t0], y1 = c->tier_y1[t1], xr = c->right, rc = 0, bpx = c->bpx;
    for (int t = t0; t <= t1; t++)
        xr = c->xr[t] < xr ? c->xr[t] : xr;
    int w = xr - c->left, y = y0;
    if (w < 8 * bpx)
        return 0;
    if (a->headline) {
        int hpx = syn_pt2px(sp, a->head_pt > 0 ? a->head_pt : 2.0 * sp->body_pt);
        int n = vl_decode(cps, VL_MAX_TEXT, a->headline);
        if (n * hpx > w)
            hpx = w / n;
        syn_region *r = vl_region_new(c->page, SYN_ROLE_HEADLINE, ai, 0);
        if (!r)
            return SYN_ENOMEM;
        rc = vl_hline(c, r, a->head_font >= 0 ? a->head_font : sp->head_font, hpx, cps, n,
                      c->left + (w - n * hpx) / 2, y);
        y += (int)lround(hpx * 1.6);
    }
    int ncol = w / (16 * bpx) > 0 ? w / (16 * bpx) : 1, gap = 2 * bpx;
    int cw = (w - (ncol - 1) * gap) / ncol, per = cw / bpx, col = 0, ly = y;
    for (int i = 0; i < a->nitems && !rc && col < ncol; i++) {
        int n = vl_decode(cps + 2, VL_MAX_TEXT - 2, a->items[i].text), k = 0, ind = 2;
        syn_region *r = NULL;
        while (k < n && !rc && col < ncol) {
            if (!r && !(r = vl_region_new(c->page, SYN_ROLE_BODY, ai, 0)))
                return SYN_ENOMEM;
            if (!r->para_id[0])
                snprintf(r->para_id, sizeof(r->para_id), "p%d", c->para + 1);
            int m = n - k < per - ind ? n - k : per - ind;
            /* a closing mark never starts a line: it goes at the end of the one before */
            if (k + m < n && (cps[2 + k + m] == 0x3002 || cps[2 + k + m] == 0xFF0C ||
                              cps[2 + k + m] == 0x3001 || cps[2 + k + m] == 0x300D))
                m++;
            rc = vl_hline(c, r, sp->body_font, bpx, cps + 2 + k, m,
                          c->left + col * (cw + gap) + ind * bpx, ly);
            k += m;
            ind = 0;
            ly += c->pitch;
            if (ly + bpx > y1) { /* next column: the paragraph goes on in a new region */
                col++;
                ly = y;
                r = NULL;
            }
        }
        c->para++;
    }
    for (int t = t0; t <= t1; t++)
        c->xr[t] = c->left;
    return rc;
}

/* The folio line across the top, above a rule; returns the y under it. */
static int vl_folio(vl_ctx *c, int y)
{
    long cps[256];
    int rc = 0, px = (int)lround(c->bpx * 0.9);
    syn_region *r = vl_region_new(c->page, SYN_ROLE_FOLIO, -1, 0);
    if (!r)
        return -1;
    for (int k = 0; k < 3 && !rc; k++) {
        int n = vl_decode(cps, 256, c->sp->folio[k]), w = 0;
        if (n == 0)
            continue;
        for (int i = 0; i < n; i++)
            w += (int)(syn_font_advance(SYN_FONT_SANS, px, cps[i]) / 64);
        int x = k == 0 ? c->left : k == 1 ? (c->left + c->right - w) / 2 : c->right - w;
        rc = vl_hline(c, r, SYN_FONT_SANS, px, cps, n, x, y);
    }
    if (rc)
        return -1;
    y += px + c->bpx / 2;
    vl_sep(c->page, c->pix, c->left, y, c->right, y + 3);
    return y + c->bpx;
}

int syn_vlayout_page(syn_page **out, PIX **outpix, const syn_spec *sp)
{
    vl_ctx c;
    int W = syn_mm2px(sp, sp->page_w_mm), H = syn_mm2px(sp, sp->page_h_mm), rc = 0;
    int top = syn_mm2px(sp, sp->margin_mm[0]), bottom = H - syn_mm2px(sp, sp->margin_mm[2]);
    int ntier = sp->columns < 1 ? 1 : sp->columns;

    *out = NULL;
    *outpix = NULL;
    memset(&c, 0, sizeof(c));
    c.sp = sp;
    syn_rng_seed(&c.rng, sp->seed);
    c.bpx = syn_pt2px(sp, sp->body_pt);
    c.pitch = (int)lround(c.bpx * sp->leading);
    c.left = syn_mm2px(sp, sp->margin_mm[3]);
    c.right = W - syn_mm2px(sp, sp->margin_mm[1]);
    c.page = calloc(1, sizeof(syn_page));
    c.pix = pixCreate(W, H, 8);
    if (!c.page || !c.pix) {
        rc = SYN_ENOMEM;
        goto cleanup;
    }
    pixSetAllArbitrary(c.pix, 255);
    pixSetResolution(c.pix, sp->dpi, sp->dpi);
    c.page->width = W;
    c.page->height = H;
    if (sp->folio[0] || sp->folio[1] || sp->folio[2]) {
        if ((top = vl_folio(&c, top)) < 0) {
            rc = SYN_EFONT;
            goto cleanup;
        }
    }
    int gap = 2 * c.bpx, th = (bottom - top - (ntier - 1) * gap) / ntier;
    for (int t = 0; t < ntier; t++) {
        c.tier_y0[t] = top + t * (th + gap);
        c.tier_y1[t] = c.tier_y0[t] + th - (th % c.bpx);
        c.xr[t] = c.right;
        if (t > 0)
            vl_sep(c.page, c.pix, c.left, c.tier_y0[t] - gap / 2 - 1, c.right,
                   c.tier_y0[t] - gap / 2 + 1);
    }
    for (int i = 0; i < sp->narticles && !rc; i++) {
        const syn_article_spec *a = sp->articles[i];
        int t0 = a->col0 < ntier ? a->col0 : ntier - 1, t1 = a->col1 < ntier ? a->col1 : ntier - 1;
        snprintf(c.page->article_ids[i], sizeof(c.page->article_ids[i]), "%s", a->id);
        c.page->narticles = i + 1;
        rc = a->horizontal ? vl_horizontal(&c, i, t0, t1) : vl_article(&c, i, t0, t1);
    }
    if (rc)
        goto cleanup;
    /* drop regions left empty */
    for (int i = c.page->nregions; i-- > 0;)
        if (c.page->regions[i].nlines == 0) {
            free(c.page->regions[i].lines);
            memmove(&c.page->regions[i], &c.page->regions[i + 1],
                    (size_t)(c.page->nregions - i - 1) * sizeof(syn_region));
            c.page->nregions--;
        }
    *out = c.page;
    *outpix = c.pix;
    c.page = NULL;
    c.pix = NULL;
cleanup:
    syn_page_free(c.page);
    pixDestroy(&c.pix);
    return rc;
}
