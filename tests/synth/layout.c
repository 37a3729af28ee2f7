/*
 * layout.c - modular newspaper page layout, rendering and ground truth.
 *
 *   syn_layout_page    spec -> clean 8 bpp page image + syn_page regions
 *   syn_page_free      free a syn_page (no-op on NULL)
 *   syn_mm2px, syn_pt2px  the spec's lengths in pixels (also vlayout.c's)
 *
 * Algorithm.  The print area is a grid of equal columns whose width is a
 * whole number of body ems (CJK text sits on a square grid, so justified
 * lines only stretch when kinsoku moves a character).  Articles are placed in
 * spec order on a skyline: an article spanning columns A..B starts below the
 * lowest article already in those columns.  Inside an article:
 *   1. the head block (headline, subheadline, byline) is centred over the
 *      headline span, which may cover only some of the article's columns;
 *      the other columns start at the article top, beside the headline;
 *   2. photos (+ caption under each) are obstacles in one or two columns,
 *      at the column top or at a fraction of the body height;
 *   3. paragraphs are broken into lines once (all columns have one width)
 *      and poured into the free segments column by column, so a paragraph
 *      continues across columns and across photos; a section heading is kept
 *      whole and with the line that follows it;
 *   4. the body height is the smallest one that holds all text (binary
 *      search, which balances the columns), or fixed, or the rest of the page
 *      ("fill": the paragraphs that do not fit whole are not printed).
 * Each piece of a paragraph inside one segment becomes one TextRegion.
 *
 * Random pages (random.c) add, through spec fields that page specs leave 0:
 * L-shaped articles (art_tops: each column starts at its own skyline, the
 * headline over the highest run), boxed articles and advertisements
 * (art_rules, layout_ad), a subheadline on the headline's line
 * (head_inline), photos at the column bottom, captions beside the picture,
 * pull quotes (obstacles like photos, drawn by draw_quote), drop capitals
 * (art_dropcap, draw_dropcap), text cut at any line ("cut"), and caption,
 * byline and section fonts other than Noto Sans.
 */
#include "synth.h"
#include "text.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* a paragraph or heading broken into lines */
typedef struct {
    long *cp, *adv;
    int n;
    syn_brk *br;
    int nbr;
    int font, px;
    int indent, nind; /* the first nind lines start indent pixels in */
} broken;

/* one unit of the body flow: a paragraph line (1 slot) or a whole heading */
typedef struct {
    int item;
    int line; /* line of the item; -1 for a heading (all its lines) */
    int slots;
} unit;

typedef struct {
    int y0, y1;
} seg;

typedef struct {
    const syn_spec *sp;
    PIX *pix; /* NULL during trial layouts */
    syn_page *page;
    syn_rng rng;
    int bpx, pitch, gw, cw, ncol;
    int colx[SYN_MAX_COLUMNS];
    int content_top, content_bottom;
    int colbot[SYN_MAX_COLUMNS];
    int para_counter;
} layout_ctx;

int syn_mm2px(const syn_spec *sp, double mm)
{
    return (int)lround(mm * sp->dpi / 25.4);
}

int syn_pt2px(const syn_spec *sp, double pt)
{
    return (int)lround(pt * sp->dpi / 72.0);
}

/* ----------------------------------------------------------------- page model */

void syn_page_free(syn_page *page)
{
    int i, j;

    if (!page)
        return;
    for (i = 0; i < page->nregions; i++) {
        for (j = 0; j < page->regions[i].nlines; j++)
            free(page->regions[i].lines[j].text);
        free(page->regions[i].lines);
    }
    free(page->regions);
    free(page);
}

static syn_region *region_new(syn_page *page, int role, int article, int order)
{
    syn_region *r;

    if (page->nregions == page->cap) {
        int cap = page->cap ? page->cap * 2 : 64;
        syn_region *t = realloc(page->regions, (size_t)cap * sizeof(*t));
        if (!t)
            return NULL;
        page->regions = t;
        page->cap = cap;
    }
    r = &page->regions[page->nregions++];
    memset(r, 0, sizeof(*r));
    r->role = role;
    r->article = article;
    r->order = order;
    r->x0 = r->y0 = 1 << 30;
    r->x1 = r->y1 = -1;
    return r;
}

static int region_add_line(syn_region *r, const syn_line *ln)
{
    if (r->nlines == r->cap) {
        int cap = r->cap ? r->cap * 2 : 8;
        syn_line *t = realloc(r->lines, (size_t)cap * sizeof(*t));
        if (!t)
            return SYN_ENOMEM;
        r->lines = t;
        r->cap = cap;
    }
    r->lines[r->nlines++] = *ln;
    if (ln->x0 < r->x0)
        r->x0 = ln->x0;
    if (ln->y0 < r->y0)
        r->y0 = ln->y0;
    if (ln->x1 > r->x1)
        r->x1 = ln->x1;
    if (ln->y1 > r->y1)
        r->y1 = ln->y1;
    return 0;
}

static void add_sep(syn_page *page, int x0, int y0, int x1, int y1)
{
    syn_box *b;

    if (page->nseps >= (int)(sizeof(page->seps) / sizeof(page->seps[0])))
        return;
    b = &page->seps[page->nseps];
    snprintf(b->id, sizeof(b->id), "sep%d", page->nseps + 1);
    b->x0 = x0;
    b->y0 = y0;
    b->x1 = x1;
    b->y1 = y1;
    page->nseps++;
}

/* ------------------------------------------------------------------- text */

static void broken_free(broken *b)
{
    free(b->cp);
    free(b->adv);
    free(b->br);
    memset(b, 0, sizeof(*b));
}

/*
 * break_text: decode text, measure it with font at px and break it into
 * lines of width px_width (first line indented by indent_px).
 */
static int break_text_n(broken *out, const char *text, int font, int px, int width, int indent,
                        int nind)
{
    size_t len = strlen(text);
    const char *s = text;
    int rc;

    memset(out, 0, sizeof(*out));
    out->cp = malloc((len + 1) * sizeof(long));
    out->adv = malloc((len + 1) * sizeof(long));
    if (!out->cp || !out->adv) {
        broken_free(out);
        return SYN_ENOMEM;
    }
    out->font = font;
    out->px = px;
    out->indent = indent;
    out->nind = nind;
    while (*s) {
        long cp = syn_utf8_next(&s);
        if (cp < 0) {
            syn_error_set("invalid UTF-8 in text: %.40s", text);
            broken_free(out);
            return SYN_ESPEC;
        }
        if (cp == '\t')
            cp = ' ';
        if (cp < 0x20)
            continue;
        out->cp[out->n] = cp;
        out->adv[out->n] = syn_font_advance(font, px, cp);
        out->n++;
    }
    rc = syn_text_break_n(&out->br, &out->nbr, out->cp, out->adv, out->n, (long)width * 64,
                          (long)indent * 64, nind);
    if (rc)
        broken_free(out);
    return rc;
}

static int break_text(broken *out, const char *text, int font, int px, int width, int indent)
{
    return break_text_n(out, text, font, px, width, indent, 1);
}

enum { ALIGN_JUSTIFY, ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT };

/*
 * draw_line: place line k of b in [x, x + width) on baseline base, render it
 * when ctx->pix is set, and fill *ln (box = em box of the printed glyphs,
 * text = the printed characters).  The first b->nind lines of an indented
 * paragraph start indent pixels in.
 */
static int draw_line(layout_ctx *ctx, const broken *b, int k, int x, int width, int indent,
                     int align, int base, syn_line *ln)
{
    const syn_brk *br = &b->br[k];
    int n = br->end - br->start, i, rc = 0, off = 0, tlen = 0;
    long *pos = NULL, w;
    char *txt = NULL;

    memset(ln, 0, sizeof(*ln));
    pos = malloc((size_t)(n > 0 ? n : 1) * sizeof(long));
    txt = malloc((size_t)(n > 0 ? n : 1) * 4 + 1);
    if (!pos || !txt) {
        free(pos);
        free(txt);
        return SYN_ENOMEM;
    }
    if (k >= (b->nind > 0 ? b->nind : 1))
        indent = 0;
    syn_text_justify(pos, b->cp, b->adv, br->start, br->end, (long)(width - indent) * 64,
                     align == ALIGN_JUSTIFY && !br->last);
    w = n > 0 ? pos[n - 1] + b->adv[br->end - 1] : 0;
    if (align == ALIGN_CENTRE)
        off = (int)(((long)width * 64 - w) / 2 / 64);
    else if (align == ALIGN_RIGHT)
        off = (int)(((long)width * 64 - w) / 64);
    off += indent;
    for (i = 0; i < n; i++) {
        long cp = b->cp[br->start + i];
        if (ctx->pix)
            rc = syn_render_text(ctx->pix, b->font, b->px, cp, x + off + (int)(pos[i] / 64), base);
        if (rc) {
            syn_error_set("cannot render U+%04lX", cp);
            break;
        }
        tlen += syn_utf8_put(txt + tlen, cp);
    }
    txt[tlen] = '\0';
    free(pos);
    ln->x0 = x + off;
    ln->x1 = x + off + (int)((w + 63) / 64);
    ln->y0 = base - (int)lround(b->px * 0.88);
    ln->y1 = base + (int)lround(b->px * 0.12) + 1;
    ln->base = base;
    ln->text = txt;
    if (rc) {
        free(txt);
        ln->text = NULL;
    }
    return rc;
}

/*
 * block_lines: draw all lines of b centred/left in [x, x+width) starting at
 * top y with line pitch lp; add them to a new region when ctx->page is set.
 * Returns the y below the block through *bottom.
 */
static int block_lines(layout_ctx *ctx, const broken *b, int x, int width, int y, int lp,
                       int align, int role, int article, int order, syn_region **rout, int *bottom)
{
    syn_region *r = NULL;
    int k;

    if (rout)
        *rout = NULL;
    if (ctx->pix) {
        r = region_new(ctx->page, role, article, order);
        if (!r)
            return SYN_ENOMEM;
    }
    for (k = 0; k < b->nbr; k++) {
        syn_line ln;
        int base = y + k * lp + (lp - b->px) / 2 + (int)lround(b->px * 0.88), rc;
        if ((rc = draw_line(ctx, b, k, x, width, 0, align, base, &ln)))
            return rc;
        if (r) {
            if ((rc = region_add_line(r, &ln))) {
                free(ln.text);
                return rc;
            }
        } else {
            free(ln.text);
        }
    }
    *bottom = y + b->nbr * lp;
    if (rout)
        *rout = r;
    return 0;
}

/* ---------------------------------------------------------------- articles */

typedef struct {
    int x0, x1, y0, y1; /* photo */
    int oy1;            /* bottom of caption + gap: end of the obstacle */
    broken cap;
    int capx, capw, capy, cappitch;
} placed_photo;

typedef struct {
    const syn_article_spec *a;
    int index;
    broken items[SYN_MAX_ITEMS];
    unit *units;
    int nunits;
    int x0, x1, top;
    int coltop[SYN_MAX_COLUMNS]; /* article-relative columns */
    int head_bottom;
    placed_photo ph[SYN_MAX_PHOTOS];
    int order;
    int ctop[SYN_MAX_COLUMNS]; /* top of each column before the head (L-shapes) */
    int hc0, hc1;              /* headline span, article-relative */
    long dc_cp;                /* drop capital, 0 for none */
    int dc_px, dc_w;           /* its size and the indent beside it */
} art_ctx;

static void art_free(art_ctx *ac)
{
    int i;

    for (i = 0; i < SYN_MAX_ITEMS; i++)
        broken_free(&ac->items[i]);
    for (i = 0; i < SYN_MAX_PHOTOS; i++)
        broken_free(&ac->ph[i].cap);
    free(ac->units);
    ac->units = NULL;
}

static int heading_px(const layout_ctx *ctx)
{
    return (int)lround(ctx->bpx * 1.15);
}

static int caption_px(const layout_ctx *ctx)
{
    return (int)lround(ctx->bpx * 0.85);
}

/* fonts of captions, bylines/folio/note and section headings: the spec's
 * choice (Latin pages) or the historical sans defaults */
static int caption_font(const layout_ctx *ctx)
{
    return ctx->sp->caption_font >= 0 ? ctx->sp->caption_font : SYN_FONT_SANS;
}

static int small_font(const layout_ctx *ctx)
{
    return ctx->sp->small_font >= 0 ? ctx->sp->small_font : SYN_FONT_SANS;
}

static int section_font(const layout_ctx *ctx)
{
    return ctx->sp->section_font >= 0 ? ctx->sp->section_font : SYN_FONT_SANS_BOLD;
}

static int quote_px(const layout_ctx *ctx)
{
    return (int)lround(ctx->bpx * 1.45);
}

/* width of the picture of a photo with its caption beside it, of span w */
static int beside_photo_w(int w)
{
    return w * 62 / 100;
}

/* caption line width of photo ps */
static int photo_cap_width(const layout_ctx *ctx, const syn_photo_spec *ps)
{
    int w = (ps->col1 - ps->col0 + 1) * ctx->cw + (ps->col1 - ps->col0) * ctx->gw;

    if (ps->quote)
        return w - ctx->bpx;
    if (ps->beside)
        return w - beside_photo_w(w) - ctx->bpx;
    return w;
}

/* break the first paragraph beside a 2-line drop capital: the capital's
 * cap height (0.72 em in DejaVu and Liberation Serif) reaches from the first
 * line's cap height down to the second line's baseline */
static int art_dropcap(layout_ctx *ctx, art_ctx *ac, const char *text)
{
    const char *s = text;
    long cp = syn_utf8_next(&s);

    if (cp <= 0 || !*s)
        return break_text(&ac->items[0], text, ctx->sp->body_font, ctx->bpx, ctx->cw,
                          (int)lround(ctx->sp->indent_em * ctx->bpx));
    ac->dc_cp = cp;
    ac->dc_px = (int)lround((ctx->pitch + 0.72 * ctx->bpx) / 0.72);
    ac->dc_w = (int)(syn_font_advance(ctx->sp->body_font, ac->dc_px, cp) / 64) + ctx->bpx / 4;
    return break_text_n(&ac->items[0], s, ctx->sp->body_font, ctx->bpx, ctx->cw, ac->dc_w, 2);
}

/* break every body item at column width and build the unit list */
static int art_prepare(layout_ctx *ctx, art_ctx *ac)
{
    const syn_article_spec *a = ac->a;
    int i, k, n = 0, rc;

    for (i = 0; i < a->nitems; i++) {
        if (i == 0 && a->dropcap && a->items[i].kind == SYN_ITEM_PARA)
            rc = art_dropcap(ctx, ac, a->items[i].text);
        else if (a->items[i].kind == SYN_ITEM_PARA)
            rc = break_text(&ac->items[i], a->items[i].text, ctx->sp->body_font, ctx->bpx, ctx->cw,
                            (int)lround(ctx->sp->indent_em * ctx->bpx));
        else
            rc = break_text(&ac->items[i], a->items[i].text, section_font(ctx), heading_px(ctx),
                            ctx->cw, 0);
        if (rc)
            return rc;
        n += a->items[i].kind == SYN_ITEM_PARA ? ac->items[i].nbr : 1;
    }
    ac->units = calloc((size_t)n + 1, sizeof(unit));
    if (!ac->units)
        return SYN_ENOMEM;
    for (i = 0; i < a->nitems; i++) {
        if (a->items[i].kind == SYN_ITEM_PARA) {
            for (k = 0; k < ac->items[i].nbr; k++) {
                ac->units[ac->nunits].item = i;
                ac->units[ac->nunits].line = k;
                ac->units[ac->nunits].slots = 1;
                ac->nunits++;
            }
        } else {
            int hp = (int)lround(heading_px(ctx) * 1.35);
            int h = ac->items[i].nbr * hp + ctx->pitch;
            ac->units[ac->nunits].item = i;
            ac->units[ac->nunits].line = -1;
            ac->units[ac->nunits].slots = (h + ctx->pitch - 1) / ctx->pitch;
            ac->nunits++;
        }
    }
    for (i = 0; i < a->nphotos; i++) {
        const syn_photo_spec *ps = &a->photos[i];
        int w = photo_cap_width(ctx, ps);
        int px = ps->quote ? quote_px(ctx) : caption_px(ctx);
        if (ps->caption &&
            (rc = break_text(&ac->ph[i].cap, ps->caption, caption_font(ctx), px, w, 0)))
            return rc;
    }
    return 0;
}

/* geometry of photo i with its top at y0: photo box, caption, obstacle end */
static void photo_place(layout_ctx *ctx, art_ctx *ac, int i, int y0)
{
    const syn_photo_spec *ps = &ac->a->photos[i];
    placed_photo *p = &ac->ph[i];
    int caph = ps->caption ? p->cap.nbr * (int)lround(caption_px(ctx) * 1.45) : 0;

    p->x0 = ctx->colx[ac->a->col0 + ps->col0];
    p->x1 = ctx->colx[ac->a->col0 + ps->col1] + ctx->cw;
    p->y0 = y0;
    p->y1 = y0 + syn_mm2px(ctx->sp, ps->height_mm);
    p->cappitch = (int)lround(caption_px(ctx) * 1.45);
    p->capx = p->x0;
    p->capw = p->x1 - p->x0;
    p->capy = p->y1 + ctx->bpx / 2;
    p->oy1 = p->capy + caph + (int)lround(ctx->pitch * 0.9);
    if (ps->quote) {
        /* pull quote: rules at y0 and y1, the text between them */
        p->cappitch = (int)lround(quote_px(ctx) * 1.3);
        caph = p->cap.nbr * p->cappitch;
        p->capx = p->x0 + ctx->bpx / 2;
        p->capw = p->x1 - p->x0 - ctx->bpx;
        p->capy = y0 + ctx->bpx / 2;
        p->y1 = p->capy + caph + ctx->bpx / 2;
        p->oy1 = p->y1 + (int)lround(ctx->pitch * 0.9);
    } else if (ps->beside) {
        /* caption right of the picture, its last line level with the
         * picture's foot */
        int bot;
        p->x1 = p->x0 + beside_photo_w(p->x1 - p->x0);
        p->capx = p->x1 + ctx->bpx;
        p->capw = photo_cap_width(ctx, ps);
        p->capy = p->y1 - caph > y0 ? p->y1 - caph : y0;
        bot = p->capy + caph > p->y1 ? p->capy + caph : p->y1;
        p->oy1 = bot + (int)lround(ctx->pitch * 0.9);
    }
}

/*
 * head_inline: the headline (one line, left) with the subheadline after it on
 * the same line, feet aligned, as many dailies set a kicker.  *done is 0 when
 * they do not fit side by side (the caller stacks them).
 */
static int head_inline(layout_ctx *ctx, art_ctx *ac, int hfont, int hpx, int hx, int hw, int *y,
                       int *done)
{
    const syn_article_spec *a = ac->a;
    int spx = (int)lround(ctx->bpx * 1.3), hlp = (int)lround(hpx * 1.25);
    int slp = (int)lround(spx * 1.35), rc, i, hwid, avail, sy, bot1, bot2;
    long w64 = 0;
    broken h, sb;
    syn_region *r;

    *done = 0;
    if ((rc = break_text(&h, a->headline, hfont, hpx, hw, 0)))
        return rc;
    for (i = 0; i < h.n; i++)
        w64 += h.adv[i];
    hwid = (int)((w64 + 63) / 64);
    avail = hw - hwid - hpx;
    if (h.nbr != 1 || avail < 6 * spx) {
        broken_free(&h);
        return 0;
    }
    if ((rc = break_text(&sb, a->subheadline, ctx->sp->body_font, spx, avail, 0))) {
        broken_free(&h);
        return rc;
    }
    if (sb.nbr <= 2) {
        rc = block_lines(ctx, &h, hx, hwid, *y, hlp, ALIGN_LEFT, SYN_ROLE_HEADLINE, ac->index, 0,
                         &r, &bot1);
        sy = *y + hlp - sb.nbr * slp > *y ? *y + hlp - sb.nbr * slp : *y;
        if (!rc)
            rc = block_lines(ctx, &sb, hx + hwid + hpx, avail, sy, slp, ALIGN_LEFT,
                             SYN_ROLE_SUBHEADLINE, ac->index, 1, &r, &bot2);
        if (!rc) {
            *y = (bot1 > bot2 ? bot1 : bot2) + ctx->bpx / 3;
            *done = 1;
        }
    }
    broken_free(&h);
    broken_free(&sb);
    return rc;
}

/*
 * head_vertical: the headline set top to bottom at the top of its column,
 * upright full-width characters, in at most two vertical lines read right to
 * left, centred in the column; the column's text starts below it.
 */
static int head_vertical(layout_ctx *ctx, art_ctx *ac, int hfont, int px, int y)
{
    const syn_article_spec *a = ac->a;
    const char *s = a->headline;
    long cps[256];
    int n = 0, k, i, lines, per, lw = (int)lround(px * 1.2), adv = (int)lround(px * 1.05);
    int x0 = ctx->colx[a->col0 + ac->hc0], rc, bottom = y, limit;
    syn_region *r = NULL;

    while (*s && n < 256) {
        long cp = syn_utf8_next(&s);
        if (cp < 0)
            break;
        cps[n++] = cp;
    }
    /* two vertical lines when one would take more than half the body */
    limit = a->height_mm > 0 ? syn_mm2px(ctx->sp, a->height_mm) : ctx->content_bottom - y;
    lines = n * adv > limit / 2 && n > 1 ? 2 : 1;
    per = (n + lines - 1) / lines;
    x0 += (ctx->cw - lines * lw) / 2;
    if (ctx->pix && !(r = region_new(ctx->page, SYN_ROLE_HEADLINE, ac->index, 0)))
        return SYN_ENOMEM;
    for (k = 0; k < lines; k++) {
        syn_line ln;
        int x = x0 + (lines - 1 - k) * lw, len = 0, m = 0;
        char *txt = malloc((size_t)per * 4 + 1);
        if (!txt)
            return SYN_ENOMEM;
        memset(&ln, 0, sizeof(ln));
        for (i = k * per; i < n && i < (k + 1) * per; i++, m++) {
            int base = y + m * adv + (adv - px) / 2 + (int)lround(px * 0.88);
            if (ctx->pix &&
                (rc = syn_render_text(ctx->pix, hfont, px, cps[i], x + (lw - px) / 2, base))) {
                free(txt);
                return rc;
            }
            len += syn_utf8_put(txt + len, cps[i]);
        }
        txt[len] = '\0';
        ln.x0 = x + (lw - px) / 2;
        ln.x1 = ln.x0 + px;
        ln.y0 = y;
        ln.y1 = y + m * adv;
        ln.vertical = 1;
        ln.text = txt;
        if (ln.y1 > bottom)
            bottom = ln.y1;
        if (!r || region_add_line(r, &ln))
            free(txt);
    }
    if (r)
        r->vertical = 1;
    y = bottom + ctx->pitch;
    ac->head_bottom = y;
    ac->coltop[ac->hc0] = y;
    return 0;
}

/* head block: headline, subheadline, byline centred over the headline span,
 * below any photo placed "above" the head */
static int art_head(layout_ctx *ctx, art_ctx *ac)
{
    const syn_article_spec *a = ac->a;
    int c0 = a->col0 + ac->hc0, c1 = a->col0 + ac->hc1, rc = 0, y = ac->top, i, sub_done = 0;
    int hx = ctx->colx[c0], hw = ctx->colx[c1] + ctx->cw - hx;
    double hpt = a->head_pt > 0 ? a->head_pt : ctx->sp->body_pt * (c1 > c0 ? 2.2 : 1.7);
    int hfont = a->head_font >= 0 ? a->head_font : ctx->sp->head_font;
    broken b;
    syn_region *r;

    for (i = 0; i < ac->a->col1 - ac->a->col0 + 1; i++)
        ac->coltop[i] = ac->ctop[i];
    for (i = 0; i < a->nphotos; i++) {
        int c;
        if (a->photos[i].at != SYN_AT_ABOVE)
            continue;
        photo_place(ctx, ac, i, ac->top);
        for (c = a->photos[i].col0; c <= a->photos[i].col1; c++)
            ac->coltop[c] = ac->ph[i].oy1;
    }
    for (i = ac->hc0; i <= ac->hc1; i++)
        if (ac->coltop[i] > y)
            y = ac->coltop[i];
    if (!a->headline && !a->subheadline && !a->byline) {
        ac->head_bottom = y;
        return 0;
    }
    if (a->vhead && a->headline)
        return head_vertical(ctx, ac, hfont, syn_pt2px(ctx->sp, hpt), y);
    if (a->headline && a->subheadline && a->sub_inline &&
        (rc = head_inline(ctx, ac, hfont, syn_pt2px(ctx->sp, hpt), hx, hw, &y, &sub_done)))
        return rc;
    if (a->headline && !sub_done) {
        int px = syn_pt2px(ctx->sp, hpt);
        if ((rc = break_text(&b, a->headline, hfont, px, hw, 0)))
            return rc;
        rc = block_lines(ctx, &b, hx, hw, y, (int)lround(px * 1.25), ALIGN_CENTRE,
                         SYN_ROLE_HEADLINE, ac->index, 0, &r, &y);
        broken_free(&b);
        if (rc)
            return rc;
        y += ctx->bpx / 3;
    }
    if (a->subheadline && !sub_done) {
        int px = (int)lround(ctx->bpx * 1.3);
        if ((rc = break_text(&b, a->subheadline, ctx->sp->body_font, px, hw, 0)))
            return rc;
        rc = block_lines(ctx, &b, hx, hw, y, (int)lround(px * 1.35), ALIGN_CENTRE,
                         SYN_ROLE_SUBHEADLINE, ac->index, 1, &r, &y);
        broken_free(&b);
        if (rc)
            return rc;
    }
    if (a->byline) {
        int px = (int)lround(ctx->bpx * 0.95);
        y += ctx->bpx / 3;
        if ((rc = break_text(&b, a->byline, small_font(ctx), px, hw, 0)))
            return rc;
        rc = block_lines(ctx, &b, hx, hw, y, (int)lround(px * 1.4), ALIGN_CENTRE, SYN_ROLE_BYLINE,
                         ac->index, 2, &r, &y);
        broken_free(&b);
        if (rc)
            return rc;
    }
    y += (int)lround(ctx->bpx * 0.9);
    ac->head_bottom = y;
    for (i = ac->hc0; i <= ac->hc1; i++)
        ac->coltop[i] = y;
    return 0;
}

/* place the photos for a body ending at bottom; 0 or -1 when they do not fit */
static int art_photos(layout_ctx *ctx, art_ctx *ac, int bottom)
{
    const syn_article_spec *a = ac->a;
    int i, c;

    for (i = 0; i < a->nphotos; i++) {
        const syn_photo_spec *ps = &a->photos[i];
        placed_photo *p = &ac->ph[i];
        int y0;

        if (ps->at == SYN_AT_ABOVE) {
            y0 = ac->top;
        } else {
            int ref = 0;
            for (c = ps->col0; c <= ps->col1; c++)
                if (ac->coltop[c] > ref)
                    ref = ac->coltop[c];
            y0 = ref;
            if (ps->at >= 0)
                y0 += (int)(ps->at * (bottom - ref) / ctx->pitch) * ctx->pitch;
            if (ps->at < -2.5) {
                /* bottom: measure at the top, then move down to end at bottom */
                photo_place(ctx, ac, i, ref);
                y0 = bottom - (p->oy1 - (int)lround(ctx->pitch * 0.9) - ref);
                if (y0 < ref)
                    return -1;
            }
        }
        photo_place(ctx, ac, i, y0);
        if (p->oy1 - (int)lround(ctx->pitch * 0.9) > bottom)
            return -1;
    }
    return 0;
}

/* free segments of article column c between its top and bottom */
static int art_segments(const layout_ctx *ctx, const art_ctx *ac, int c, int bottom, seg *out)
{
    const syn_article_spec *a = ac->a;
    int obs[SYN_MAX_PHOTOS][2], nobs = 0, i, j, n = 0, y = ac->coltop[c];

    for (i = 0; i < a->nphotos; i++)
        if (c >= a->photos[i].col0 && c <= a->photos[i].col1) {
            obs[nobs][0] = ac->ph[i].y0;
            obs[nobs][1] = ac->ph[i].oy1;
            nobs++;
        }
    for (i = 1; i < nobs; i++)
        for (j = i; j > 0 && obs[j][0] < obs[j - 1][0]; j--) {
            int t0 = obs[j][0], t1 = obs[j][1];
            obs[j][0] = obs[j - 1][0];
            obs[j][1] = obs[j - 1][1];
            obs[j - 1][0] = t0;
            obs[j - 1][1] = t1;
        }
    for (i = 0; i < nobs; i++) {
        int end = obs[i][0] - (obs[i][0] > y ? ctx->pitch / 3 : 0);
        if (end - y >= ctx->pitch) {
            out[n].y0 = y;
            out[n].y1 = end;
            n++;
        }
        if (obs[i][1] > y)
            y = obs[i][1];
    }
    if (bottom - y >= ctx->pitch) {
        out[n].y0 = y;
        out[n].y1 = bottom;
        n++;
    }
    return n;
}

/*
 * draw_dropcap: print the drop capital left of the first two lines (its
 * baseline on the second line's) and make it the first character of the
 * first line's text and box, so the paragraph's text stays whole.
 */
static int draw_dropcap(layout_ctx *ctx, art_ctx *ac, int x, int base, syn_line *ln)
{
    char buf[8], *t;
    int n = syn_utf8_put(buf, ac->dc_cp);
    size_t len = strlen(ln->text);

    if (syn_render_text(ctx->pix, ctx->sp->body_font, ac->dc_px, ac->dc_cp, x,
                        base + ctx->pitch)) {
        syn_error_set("cannot render the drop capital U+%04lX", ac->dc_cp);
        return SYN_EFONT;
    }
    t = malloc(len + (size_t)n + 1);
    if (!t)
        return SYN_ENOMEM;
    memcpy(t, buf, (size_t)n);
    memcpy(t + n, ln->text, len + 1);
    free(ln->text);
    ln->text = t;
    ln->x0 = x;
    return 0;
}

/*
 * art_flow: pour the units into the columns for a body ending at bottom.
 * Returns the number of units left over (0: everything fits) or a negative
 * error code; *used gets the lowest y used.  With ctx->pix set it renders
 * and records regions.
 */
static int art_flow(layout_ctx *ctx, art_ctx *ac, int bottom, int *used)
{
    const syn_article_spec *a = ac->a;
    int ncol = a->col1 - a->col0 + 1, c, s, u = 0, rc;
    seg segs[SYN_MAX_PHOTOS + 2];
    syn_region *piece = NULL;
    int piece_item = -1;

    *used = ac->top;
    if (art_photos(ctx, ac, bottom))
        return ac->nunits + 1;
    for (c = 0; c < ncol && u < ac->nunits; c++) {
        int nseg = art_segments(ctx, ac, c, bottom, segs);
        int x = ctx->colx[a->col0 + c];
        for (s = 0; s < nseg && u < ac->nunits; s++) {
            int slot = 0, nslots = (segs[s].y1 - segs[s].y0) / ctx->pitch;
            piece = NULL;
            while (u < ac->nunits) {
                const unit *un = &ac->units[u];
                int need = un->slots, y = segs[s].y0 + slot * ctx->pitch;
                broken *b = &ac->items[un->item];

                if (un->line < 0)
                    need += 1; /* keep a heading with the next line */
                if (slot + need > nslots && !(un->line < 0 && slot == 0 && un->slots <= nslots))
                    break;
                if (un->line < 0) {
                    int hp = (int)lround(b->px * 1.35), bot;
                    int hy = y + (un->slots * ctx->pitch - b->nbr * hp) / 2;
                    syn_region *r = NULL;
                    if ((rc = block_lines(ctx, b, x, ctx->cw, hy, hp, ALIGN_CENTRE,
                                          SYN_ROLE_SECTION, ac->index, ac->order++, &r, &bot)))
                        return rc;
                    piece = NULL;
                    piece_item = -1;
                } else if (ctx->pix) {
                    syn_line ln;
                    int base = y + (ctx->pitch - ctx->bpx) / 2 + (int)lround(ctx->bpx * 0.88);
                    if (!piece || piece_item != un->item) {
                        piece = region_new(ctx->page, SYN_ROLE_BODY, ac->index, ac->order++);
                        if (!piece)
                            return SYN_ENOMEM;
                        snprintf(piece->para_id, sizeof(piece->para_id), "p%d",
                                 ctx->para_counter + un->item + 1);
                        piece_item = un->item;
                    }
                    if ((rc = draw_line(ctx, b, un->line, x, ctx->cw, b->indent, ALIGN_JUSTIFY,
                                        base, &ln)))
                        return rc;
                    if (ac->dc_cp && un->item == 0 && un->line == 0 &&
                        (rc = draw_dropcap(ctx, ac, x, base, &ln)))
                        return rc;
                    if ((rc = region_add_line(piece, &ln))) {
                        free(ln.text);
                        return rc;
                    }
                }
                slot += un->slots;
                if (segs[s].y0 + slot * ctx->pitch > *used)
                    *used = segs[s].y0 + slot * ctx->pitch;
                u++;
            }
        }
    }
    return ac->nunits - u;
}

/* a pull quote: a rule above and below, the text centred between them */
static int draw_quote(layout_ctx *ctx, art_ctx *ac, int i)
{
    placed_photo *p = &ac->ph[i];
    int t = syn_mm2px(ctx->sp, 0.35), bot, k;
    syn_region *r = NULL;

    if (t < 1)
        t = 1;
    for (k = 0; k < 2; k++) {
        int y = k ? p->y1 : p->y0;
        syn_render_rect(ctx->pix, p->x0, y, p->x1, y + t, 30);
        add_sep(ctx->page, p->x0, y - 1, p->x1, y + t + 1);
    }
    if (!ac->a->photos[i].caption)
        return 0;
    return block_lines(ctx, &p->cap, p->capx, p->capw, p->capy, p->cappitch, ALIGN_CENTRE,
                       SYN_ROLE_PULLQUOTE, ac->index, 100000 + i, &r, &bot);
}

/* render photos and captions of the final layout */
static int art_draw_photos(layout_ctx *ctx, art_ctx *ac)
{
    const syn_article_spec *a = ac->a;
    int i, rc, bot;

    for (i = 0; i < a->nphotos; i++) {
        placed_photo *p = &ac->ph[i];
        syn_box *box;
        syn_region *r = NULL;

        if (a->photos[i].quote) {
            if ((rc = draw_quote(ctx, ac, i)))
                return rc;
            continue;
        }
        box = &ctx->page->images[ctx->page->nimages++];
        snprintf(box->id, sizeof(box->id), "img_%s", a->photos[i].id);
        box->x0 = p->x0;
        box->y0 = p->y0;
        box->x1 = p->x1;
        box->y1 = p->y1;
        syn_render_photo(ctx->pix, box, &ctx->rng, ctx->sp->dpi);
        if (!a->photos[i].caption)
            continue;
        if ((rc = block_lines(ctx, &p->cap, p->capx, p->capw, p->capy, p->cappitch, ALIGN_LEFT,
                              SYN_ROLE_CAPTION, ac->index, 100000 + i, &r, &bot)))
            return rc;
        snprintf(r->figure_id, sizeof(r->figure_id), "%s", box->id);
    }
    return 0;
}

static int vrule(layout_ctx *ctx, int x, int y0, int y1)
{
    int t = syn_mm2px(ctx->sp, 0.12);

    if (t < 1)
        t = 1;
    if (y1 - y0 < ctx->pitch)
        return 0;
    syn_render_rect(ctx->pix, x - t / 2, y0, x - t / 2 + t, y1, 40);
    add_sep(ctx->page, x - t / 2 - 1, y0, x - t / 2 + t + 1, y1);
    return 0;
}

/*
 * art_tops: the top of each of the article's columns (below the lowest
 * article already there, plus the gap) and the headline span.  A normal
 * article starts all columns at the lowest of them; an L-shaped one lets each
 * column start at its own top and puts the headline over the leftmost run of
 * the highest columns.  Returns the article top (the highest column top).
 */
static int art_tops(layout_ctx *ctx, art_ctx *ac, int gap)
{
    const syn_article_spec *a = ac->a;
    int c, top = 0, low = 1 << 30, n = a->col1 - a->col0 + 1;

    for (c = 0; c < n; c++) {
        int t = ctx->colbot[a->col0 + c];
        if (t > ctx->content_top)
            t += gap;
        ac->ctop[c] = t;
        if (t > top)
            top = t;
        if (t < low)
            low = t;
    }
    ac->hc0 = a->head_col0;
    ac->hc1 = a->head_col1;
    if (a->vhead)
        ac->hc0 = ac->hc1 = a->vhead == 2 ? n - 1 : 0;
    if (!a->lshape || low == top) {
        for (c = 0; c < n; c++)
            ac->ctop[c] = top;
        return top;
    }
    for (c = 0; ac->ctop[c] != low; c++)
        ;
    ac->hc0 = c;
    while (c + 1 < n && ac->ctop[c + 1] == low)
        c++;
    ac->hc1 = c;
    ctx->page->nlshapes++;
    return low;
}

static void hrule(layout_ctx *ctx, int x0, int x1, int y, double mm, int gray)
{
    int t = syn_mm2px(ctx->sp, mm);

    if (t < 1)
        t = 1;
    syn_render_rect(ctx->pix, x0, y - t / 2, x1, y - t / 2 + t, gray);
    add_sep(ctx->page, x0, y - t / 2 - 1, x1, y - t / 2 + t + 1);
}

/* the article's rules: above it (per column for an L-shape), in its gutters
 * (page column rules) and a frame around a boxed article */
static void art_rules(layout_ctx *ctx, art_ctx *ac, int top, int bottom, int gap)
{
    const syn_article_spec *a = ac->a;
    int c;

    if (a->rule_above && !a->lshape && top > ctx->content_top)
        hrule(ctx, ac->x0, ac->x1, top - gap / 2, 0.25, 30);
    for (c = a->col0; a->rule_above && a->lshape && c <= a->col1; c++) {
        int rel = c - a->col0;
        if (ac->ctop[rel] > ctx->content_top)
            hrule(ctx, ctx->colx[c] - (c > a->col0 ? ctx->gw / 2 : 0),
                  ctx->colx[c] + ctx->cw + (c < a->col1 ? ctx->gw / 2 : 0),
                  ac->ctop[rel] - gap / 2, 0.25, 30);
    }
    if (ctx->sp->column_rules) {
        for (c = a->col0; c <= a->col1; c++) {
            int x = ctx->colx[c] - ctx->gw / 2, rel = c - a->col0, y0 = ac->ctop[rel];
            if (c == 0)
                continue;
            if (c > a->col0 && rel - 1 >= ac->hc0 && rel <= ac->hc1)
                y0 = ac->head_bottom - ctx->bpx / 2;
            if (c == a->col0 && ac->ctop[rel] > ctx->content_top)
                y0 = ac->ctop[rel] - gap / 3;
            vrule(ctx, x, y0, bottom);
        }
    }
    if (a->box) {
        /* the frame sits in the gutters and in the gaps above and below */
        int pad = ctx->gw * 2 / 5, y0 = top - gap / 2, y1 = bottom + gap / 2;
        int t = syn_mm2px(ctx->sp, 0.2) > 0 ? syn_mm2px(ctx->sp, 0.2) : 1;
        hrule(ctx, ac->x0 - pad, ac->x1 + pad, y0, 0.2, 30);
        hrule(ctx, ac->x0 - pad, ac->x1 + pad, y1, 0.2, 30);
        syn_render_rect(ctx->pix, ac->x0 - pad, y0, ac->x0 - pad + t, y1, 30);
        add_sep(ctx->page, ac->x0 - pad - 1, y0, ac->x0 - pad + t + 1, y1);
        syn_render_rect(ctx->pix, ac->x1 + pad - t, y0, ac->x1 + pad, y1, 30);
        add_sep(ctx->page, ac->x1 + pad - t - 1, y0, ac->x1 + pad + 1, y1);
    }
}

/*
 * layout_ad: an advertisement fills its block (fixed height or to the page
 * bottom) with a thick frame, the headline text large and the byline text
 * (e.g. a phone number) small, centred.  Its regions have role advert.
 */
static int layout_ad(layout_ctx *ctx, art_ctx *ac, int bottom)
{
    const syn_article_spec *a = ac->a;
    int x0 = ac->x0, x1 = ac->x1, y0 = ac->top, t = syn_mm2px(ctx->sp, 0.6),
        iw = x1 - x0 - 2 * ctx->bpx;
    int px = syn_pt2px(ctx->sp, a->head_pt > 0 ? a->head_pt : ctx->sp->body_pt * 2.6), spx = ctx->bpx;
    int hfont = a->head_font >= 0 ? a->head_font : ctx->sp->head_font, rc, y, h2 = 0, bot, c;
    broken b, s2;
    syn_region *r;

    memset(&s2, 0, sizeof(s2));
    for (;;) {
        if ((rc = break_text(&b, a->headline ? a->headline : "", hfont, px, iw, 0)))
            return rc;
        if (b.nbr * px * 5 / 4 <= (bottom - y0) * 3 / 5 || px <= ctx->bpx)
            break;
        broken_free(&b);
        px = px * 85 / 100;
    }
    if (a->byline && (rc = break_text(&s2, a->byline, small_font(ctx), spx, iw, 0))) {
        broken_free(&b);
        return rc;
    }
    h2 = a->byline ? s2.nbr * spx * 3 / 2 + ctx->bpx : 0;
    y = y0 + ((bottom - y0) - b.nbr * (px * 5 / 4) - h2) / 2;
    rc = block_lines(ctx, &b, x0 + ctx->bpx, iw, y, px * 5 / 4, ALIGN_CENTRE, SYN_ROLE_ADVERT,
                     ac->index, 0, &r, &bot);
    if (!rc && a->byline)
        rc = block_lines(ctx, &s2, x0 + ctx->bpx, iw, bot + ctx->bpx, spx * 3 / 2, ALIGN_CENTRE,
                         SYN_ROLE_ADVERT, ac->index, 1, &r, &bot);
    broken_free(&b);
    broken_free(&s2);
    if (rc)
        return rc;
    syn_render_rect(ctx->pix, x0, y0, x1, y0 + t, 20);
    syn_render_rect(ctx->pix, x0, bottom - t, x1, bottom, 20);
    syn_render_rect(ctx->pix, x0, y0, x0 + t, bottom, 20);
    syn_render_rect(ctx->pix, x1 - t, y0, x1, bottom, 20);
    add_sep(ctx->page, x0 - 1, y0 - 1, x1 + 1, y0 + t + 1);
    add_sep(ctx->page, x0 - 1, bottom - t - 1, x1 + 1, bottom + 1);
    add_sep(ctx->page, x0 - 1, y0 - 1, x0 + t + 1, bottom + 1);
    add_sep(ctx->page, x1 - t - 1, y0 - 1, x1 + 1, bottom + 1);
    for (c = a->col0; c <= a->col1; c++)
        ctx->colbot[c] = bottom;
    return 0;
}

/* the body bottom of a fit, fill or fixed-height article, measured with
 * trial layouts (no pixels); trims ac->nunits to what is printed */
static int art_measure(layout_ctx *ctx, art_ctx *ac, int top, int *bottom_out)
{
    const syn_article_spec *a = ac->a;
    PIX *save = ctx->pix;
    int rc = 0, bottom = ctx->content_bottom, used, left, lo, hi;

    ctx->pix = NULL;
    if (a->height_mm > 0) {
        bottom = top + syn_mm2px(ctx->sp, a->height_mm);
        if (bottom > ctx->content_bottom)
            bottom = ctx->content_bottom;
    }
    left = art_flow(ctx, ac, bottom, &used);
    if (left < 0) {
        rc = left;
    } else if (left > ac->nunits) {
        syn_error_set("the photos of article %s do not fit on the page", a->id);
        rc = SYN_ELAYOUT;
    } else if (left > 0 && !a->fill && a->height_mm <= 0) {
        syn_error_set("article %s does not fit on the page (%d lines left over): "
                      "shorten it, widen it or use 'height fill'",
                      a->id, left);
        rc = SYN_ELAYOUT;
    } else if (left > 0) {
        /* fill or fixed height: print whole paragraphs only, when possible,
         * or cut at any line ("cut"); never end on a section heading */
        int k = ac->nunits - left;
        while (!a->cut && k > 0 && ac->units[k].item == ac->units[k - 1].item)
            k--;
        while (k > 0 && ac->units[k - 1].line < 0)
            k--;
        if (k > 0)
            ac->nunits = k;
    } else if (a->height_mm <= 0) {
        /* everything fits: the smallest body height that holds it all
         * (binary search; this balances the columns) */
        lo = ac->head_bottom + ctx->pitch;
        hi = bottom;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            left = art_flow(ctx, ac, mid, &used);
            if (left < 0) {
                rc = left;
                break;
            }
            if (left == 0)
                hi = mid;
            else
                lo = mid + 1;
        }
        bottom = hi;
    }
    ctx->pix = save;
    *bottom_out = bottom;
    return rc;
}

/* lay out, render and record article ai */
static int layout_article(layout_ctx *ctx, int ai)
{
    const syn_article_spec *a = ctx->sp->articles[ai];
    art_ctx *ac = calloc(1, sizeof(*ac));
    int c, rc = 0, top, bottom, used, left;
    int gap = (int)lround(ctx->pitch * 1.2);

    if (!ac)
        return SYN_ENOMEM;
    ac->a = a;
    ac->index = ai;
    ac->order = 10;
    top = art_tops(ctx, ac, gap);
    ac->top = top;
    ac->x0 = ctx->colx[a->col0];
    ac->x1 = ctx->colx[a->col1] + ctx->cw;
    if (a->ad) {
        bottom = ctx->content_bottom;
        if (a->height_mm > 0 && top + syn_mm2px(ctx->sp, a->height_mm) < bottom)
            bottom = top + syn_mm2px(ctx->sp, a->height_mm);
        rc = layout_ad(ctx, ac, bottom);
        goto cleanup;
    }
    if ((rc = art_prepare(ctx, ac)))
        goto cleanup;
    /* trial pass (no pixels) to measure the head block */
    {
        PIX *save = ctx->pix;
        ctx->pix = NULL;
        rc = art_head(ctx, ac);
        ctx->pix = save;
        if (rc)
            goto cleanup;
    }
    if ((rc = art_measure(ctx, ac, top, &bottom)))
        goto cleanup;
    /* final pass */
    if ((rc = art_head(ctx, ac)))
        goto cleanup;
    left = art_flow(ctx, ac, bottom, &used);
    if (left < 0) {
        rc = left;
        goto cleanup;
    }
    if (left > ac->nunits) {
        syn_error_set("the photos of article %s do not fit on the page", a->id);
        rc = SYN_ELAYOUT;
        goto cleanup;
    }
    if ((rc = art_draw_photos(ctx, ac)))
        goto cleanup;
    ctx->para_counter += a->nitems;
    if (a->height_mm <= 0 && left == 0)
        bottom = used;
    for (c = 0; c < a->nphotos; c++)
        if (ac->ph[c].oy1 - ctx->pitch / 2 > bottom)
            bottom = ac->ph[c].oy1 - ctx->pitch / 2;
    art_rules(ctx, ac, top, bottom, gap);
    for (c = a->col0; c <= a->col1; c++)
        ctx->colbot[c] = bottom;
cleanup:
    art_free(ac);
    free(ac);
    return rc;
}

/* ------------------------------------------------------------ furniture */

static int layout_folio(layout_ctx *ctx, int x0, int x1, int y)
{
    const syn_spec *sp = ctx->sp;
    int px = (int)lround(ctx->bpx * 0.95), i, rc, base, t;
    syn_line all;
    char text[1024];
    size_t tl = 0;

    memset(&all, 0, sizeof(all));
    all.x0 = 1 << 30;
    all.x1 = -1;
    base = y + (int)lround(px * 0.88);
    text[0] = '\0';
    for (i = 0; i < 3; i++) {
        broken b;
        syn_line ln;
        if (!sp->folio[i])
            continue;
        if ((rc = break_text(&b, sp->folio[i], i == 1 ? section_font(ctx) : small_font(ctx), px,
                             1 << 20, 0)))
            return rc;
        rc = draw_line(ctx, &b, 0, x0, x1 - x0, 0,
                       i == 0   ? ALIGN_LEFT
                       : i == 1 ? ALIGN_CENTRE
                                : ALIGN_RIGHT,
                       base, &ln);
        broken_free(&b);
        if (rc)
            return rc;
        if (ln.x0 < all.x0)
            all.x0 = ln.x0;
        if (ln.x1 > all.x1)
            all.x1 = ln.x1;
        all.y0 = ln.y0;
        all.y1 = ln.y1;
        snprintf(text + tl, sizeof(text) - tl, "%s%s", tl ? " " : "", ln.text);
        tl = strlen(text);
        free(ln.text);
    }
    if (all.x1 >= 0) {
        all.base = base;
        all.text = malloc(tl + 1);
        if (!all.text)
            return SYN_ENOMEM;
        memcpy(all.text, text, tl + 1);
        syn_region *r = region_new(ctx->page, SYN_ROLE_FOLIO, -1, 0);
        if (!r || region_add_line(r, &all)) {
            free(all.text);
            return SYN_ENOMEM;
        }
    }
    /* thick rule under the folio line, as on most Chinese dailies */
    y = base + px / 2;
    t = syn_mm2px(sp, 0.6);
    syn_render_rect(ctx->pix, x0, y, x1, y + t, 20);
    add_sep(ctx->page, x0, y - 1, x1, y + t + 1);
    ctx->content_top = y + t + ctx->pitch;
    return 0;
}

static int layout_note(layout_ctx *ctx, int x0, int x1)
{
    broken b;
    int rc, bot;
    int px = (int)lround(ctx->bpx * 0.85);
    syn_region *r;

    if ((rc = break_text(&b, ctx->sp->note, small_font(ctx), px, x1 - x0, 0)))
        return rc;
    rc = block_lines(ctx, &b, x0, x1 - x0, ctx->content_bottom + ctx->pitch / 2,
                     (int)lround(px * 1.4), ALIGN_RIGHT, SYN_ROLE_NOTE, -1, 0, &r, &bot);
    broken_free(&b);
    return rc;
}

/* reading-order key of a region's block: folio, articles, adverts, note */
static int region_key(const syn_region *r)
{
    if (r->role == SYN_ROLE_FOLIO)
        return -2;
    if (r->role == SYN_ROLE_NOTE)
        return 1 << 20;
    return r->role == SYN_ROLE_ADVERT ? (1 << 19) + r->article : r->article;
}

static int cmp_region(const void *pa, const void *pb)
{
    const syn_region *a = pa, *b = pb;
    int ka = region_key(a), kb = region_key(b);

    if (ka != kb)
        return ka < kb ? -1 : 1;
    if (a->order != b->order)
        return a->order < b->order ? -1 : 1;
    return 0;
}

/*
 * syn_layout_page: lay out and render spec.  On success *out (free with
 * syn_page_free) holds the regions sorted in reading order and *outpix (free
 * with pixDestroy) the clean 8 bpp page.  Errors: SYN_ELAYOUT when an article
 * does not fit, SYN_EFONT, SYN_ENOMEM.
 */
int syn_layout_page(syn_page **out, PIX **outpix, const syn_spec *sp)
{
    layout_ctx ctx;
    int W = syn_mm2px(sp, sp->page_w_mm), H = syn_mm2px(sp, sp->page_h_mm), i, rc = 0;
    int left = syn_mm2px(sp, sp->margin_mm[3]), right = W - syn_mm2px(sp, sp->margin_mm[1]);
    int top = syn_mm2px(sp, sp->margin_mm[0]), bottom = H - syn_mm2px(sp, sp->margin_mm[2]);
    int grid_w;

    *out = NULL;
    *outpix = NULL;
    if (sp->vertical && (double)W * H <= SYN_MAX_PIXELS)
        return syn_vlayout_page(out, outpix, sp);
    if ((double)W * H > SYN_MAX_PIXELS) {
        syn_error_set("page of %dx%d pixels is too large", W, H);
        return SYN_ESPEC;
    }
    memset(&ctx, 0, sizeof(ctx));
    ctx.sp = sp;
    syn_rng_seed(&ctx.rng, sp->seed);
    ctx.bpx = syn_pt2px(sp, sp->body_pt);
    ctx.pitch = (int)lround(ctx.bpx * sp->leading);
    ctx.gw = (int)lround(ctx.bpx * sp->gutter_em);
    ctx.ncol = sp->columns;
    ctx.cw = (right - left - (ctx.ncol - 1) * ctx.gw) / ctx.ncol;
    ctx.cw -= ctx.cw % ctx.bpx;
    if (ctx.cw < 4 * ctx.bpx) {
        syn_error_set("columns are narrower than 4 characters; use fewer columns or a "
                      "smaller body-size");
        return SYN_ESPEC;
    }
    grid_w = ctx.ncol * ctx.cw + (ctx.ncol - 1) * ctx.gw;
    left += (right - left - grid_w) / 2;
    for (i = 0; i < ctx.ncol; i++)
        ctx.colx[i] = left + i * (ctx.cw + ctx.gw);
    right = left + grid_w;
    ctx.page = calloc(1, sizeof(syn_page));
    ctx.pix = pixCreate(W, H, 8);
    if (!ctx.page || !ctx.pix) {
        rc = SYN_ENOMEM;
        goto cleanup;
    }
    pixSetAllArbitrary(ctx.pix, 255);
    pixSetResolution(ctx.pix, sp->dpi, sp->dpi);
    ctx.page->width = W;
    ctx.page->height = H;
    ctx.content_top = top;
    ctx.content_bottom = bottom;
    if (sp->note)
        ctx.content_bottom = bottom - 2 * ctx.pitch;
    if ((sp->folio[0] || sp->folio[1] || sp->folio[2]) &&
        (rc = layout_folio(&ctx, left, right, top)))
        goto cleanup;
    for (i = 0; i < ctx.ncol; i++)
        ctx.colbot[i] = ctx.content_top;
    for (i = 0; i < sp->narticles; i++) {
        snprintf(ctx.page->article_ids[i], sizeof(ctx.page->article_ids[i]), "%s",
                 sp->articles[i]->id);
        ctx.page->narticles = i + 1;
        if ((rc = layout_article(&ctx, i)))
            goto cleanup;
    }
    if (sp->note && (rc = layout_note(&ctx, left, right)))
        goto cleanup;
    qsort(ctx.page->regions, (size_t)ctx.page->nregions, sizeof(syn_region), cmp_region);
    *out = ctx.page;
    *outpix = ctx.pix;
    ctx.page = NULL;
    ctx.pix = NULL;
cleanup:
    syn_page_free(ctx.page);
    pixDestroy(&ctx.pix);
    return rc;
}
