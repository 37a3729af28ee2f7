/*
 * random.c - a whole newspaper page drawn from one seed.
 *
 *   syn_random_spec       draw a page spec (layout, text, fonts, scan) from rng
 *   syn_vars_line         the variation record as one "key=value ..." line
 *   syn_vars_write_json   the same record as a JSON object (the sidecar)
 *
 * Layout plan.  The columns are filled by rows of blocks over a skyline kept
 * in millimetres: each row splits the still open columns into blocks of 1..n
 * columns, each block is an article (rarely an advertisement) of a drawn
 * height, or of the rest of the page (fill).  Blocks get different heights,
 * so a block of the next row that spans two of them has a stepped top: it
 * becomes an L-shaped article (or, half of the time, the row splits at the
 * step).  Text is cut at any line ("cut"), so every block is full; a layout
 * that does not fit (a photo too tall for its block) is redrawn by the
 * caller with the next numbers of the same generator, so a seed always gives
 * the same page.
 *
 * Text comes only from the corpora: samples/text (Chinese; project-news,
 * manpages-zh with its Latin words and options, the seed article) and
 * tests/synth/text/news-en.txt (English, written by the project).  Headlines,
 * subheadlines and captions are clauses of corpus paragraphs; names, section
 * names and advertisement phrases are short lists written here.
 */
#include "synth.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM_PER_PT 0.3528

enum { CORP_NEWS, CORP_MAN, CORP_SEED, CORP_EN, CORP_COUNT };

static const char *corp_files[CORP_COUNT] = {"project-news.txt", "manpages-zh.txt",
                                             "seed-jiejiao.txt", "news-en.txt"};

typedef struct {
    syn_rng *rng;
    const syn_random_opts *opt;
    syn_spec *sp;
    syn_vars *v;
    syn_corpus corp[CORP_COUNT];
    int latin, vertical;
    double em_mm, pitch_mm, colw_mm, gut_mm, gap_mm, body_h_mm;
    int nphoto;                          /* photo ids on the page */
    const char *heads[SYN_MAX_ARTICLES]; /* headlines so far (owned by the spec) */
    int nheads;
    char *used; /* --distinct-text: the vertical corpus's paragraphs set so far */
    char *body_used[CORP_COUNT]; /* --distinct-text: each corpus's paragraphs set as body */
} gen;

/* ------------------------------------------------------------- draws */

static int pick(gen *g, int n)
{
    int k = (int)(syn_rng_uniform(g->rng) * n);

    return k < n ? k : n - 1;
}

static int chance(gen *g, double p)
{
    return syn_rng_uniform(g->rng) < p;
}

/* --distinct-text: the first paragraph from i on (cyclically) that is no section heading
 * and not set yet, marked set; i itself when every one is (or without the option). The
 * draws are the same with and without the option: it only moves on from what was drawn. */
static int unused_para(gen *g, const syn_corpus *c, int i)
{
    if (!g->used)
        return i;
    for (int k = 0; k < c->n; k++) {
        int j = (i + k) % c->n;
        if (!g->used[j] && strncmp(c->para[j], "## ", 3)) {
            g->used[j] = 1;
            return j;
        }
    }
    return i;
}

/* uniform in [lo, hi), rounded to step (the sidecar prints these exactly) */
static double draw(gen *g, double lo, double hi, double step)
{
    return round(syn_rng_range(g->rng, lo, hi) / step) * step;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);

    if (d)
        memcpy(d, s, n);
    return d;
}

/* ------------------------------------------------------------- text */

static int is_stop(long cp)
{
    return cp == 0xff0c || cp == 0x3002 || cp == 0xff1b || cp == 0xff1a || cp == 0xff01 ||
           cp == 0xff1f || cp == 0x3001 || cp == ',' || cp == '.' || cp == ';' || cp == ':' ||
           cp == '!' || cp == '?';
}

/* a corpus paragraph (not a heading) */
static const char *any_para(gen *g, int corpus)
{
    const syn_corpus *c = &g->corp[corpus];
    int i = pick(g, c->n), k;

    for (k = 0; k < c->n; k++) {
        const char *p = c->para[(i + k) % c->n];
        if (strncmp(p, "## ", 3))
            return p;
    }
    return c->para[0];
}

/* strip trailing spaces and punctuation (ASCII and full-width), and on Latin
 * pages the little words a headline does not end with */
static void clause_trim(gen *g, char *buf)
{
    static const char *little[] = {" the", " a",   " an",   " of",   " to",   " and",  " in",
                                   " on",  " for", " at",   " by",   " with", " from", " that",
                                   " is",  " was", " will", " be",   " has",  " have", " are",
                                   " but", " or",  " as",   " their"};
    size_t len = strlen(buf), i;
    int again = 1;

    while (again) {
        again = 0;
        while (len > 0) {
            const char *q = buf + len - 1, *t;
            long cp;
            while (q > buf && ((unsigned char)*q & 0xc0) == 0x80)
                q--;
            t = q;
            cp = syn_utf8_next(&t);
            if (cp != ' ' && !is_stop(cp) && cp != 0x201c && cp != '"' && cp != 0x300a &&
                cp != 0xff08 && cp != '(')
                break;
            len = (size_t)(q - buf);
            buf[len] = '\0';
        }
        for (i = 0; g->latin && i < sizeof(little) / sizeof(little[0]); i++) {
            size_t l = strlen(little[i]);
            if (len > l + 8 && !strcmp(buf + len - l, little[i])) {
                len -= l;
                buf[len] = '\0';
                again = 1;
            }
        }
    }
    if (buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* does cp (followed by next) end a clause where one may start: "1,200" and
 * "8.30" do not; on Latin pages only a sentence end does */
static int clause_end(const gen *g, long cp, const char *next)
{
    if (g->latin)
        return cp == '.' && (*next == ' ' || !*next);
    return is_stop(cp) && (cp > 0x7f || *next == ' ' || !*next);
}

/*
 * clause_once: copy into buf a clause of a corpus paragraph of minc..maxc
 * characters (code points; for Latin text words, counted in characters),
 * starting after a random clause end, stopping at a clause end once minc is
 * reached, never cutting a Latin word.  Returns 1 when it ended at a clause
 * end, 0 when cut at maxc.
 */
static int clause_once(gen *g, int corpus, int minc, int maxc, char *buf, size_t size)
{
    const char *p = any_para(g, corpus), *s = p, *start = p;
    int nstop = 0, k, n = 0, natural = 0;
    size_t len = 0, wordend = 0;

    /* Chinese clauses start after any clause mark, English ones at a
     * sentence start (a headline is not "but the path is too narrow") */
    while (*s) {
        long cp = syn_utf8_next(&s);
        if (cp < 0)
            break;
        nstop += clause_end(g, cp, s);
    }
    k = nstop > 1 ? pick(g, nstop / 2 + 1) : 0;
    for (s = p; k > 0 && *s;) {
        long cp = syn_utf8_next(&s);
        if (cp < 0)
            break;
        if (clause_end(g, cp, s) && --k == 0)
            start = s;
    }
    s = start;
    for (;;) {
        /* no clause starts with a space or closing punctuation */
        const char *t = s;
        long cp = syn_utf8_next(&t);
        if (cp != ' ' && cp != 0x201d && cp != 0x2019 && cp != 0x300b && cp != 0xff09 &&
            cp != ')' && !is_stop(cp))
            break;
        s = t;
    }
    while (*s && len + 8 < size) {
        const char *prev = s;
        long cp = syn_utf8_next(&s);
        if (cp < 0)
            break;
        if (n >= minc && is_stop(cp) && (cp > 0x7f || *s == ' ' || !*s)) {
            natural = 1;
            break;
        }
        if (n >= maxc && !(cp != ' ' && !syn_text_is_cjk(cp) && g->latin))
            break;
        if (n >= maxc + 12)
            break;
        memcpy(buf + len, prev, (size_t)(s - prev));
        len += (size_t)(s - prev);
        n++;
        if (cp == ' ' || syn_text_is_cjk(cp))
            wordend = len;
    }
    if (!*s)
        natural = 1;
    if (*s && !natural && g->latin && wordend > 0)
        len = wordend;
    buf[len] = '\0';
    return natural;
}

/* clause: a clause of minc..maxc characters (see clause_once), one that ends
 * where the text has a clause end when one of a few draws does, so that
 * headlines are rarely cut mid-phrase */
static void clause(gen *g, int corpus, int minc, int maxc, char *buf, size_t size)
{
    int k;

    for (k = 0; k < 12; k++)
        if (clause_once(g, corpus, minc, maxc, buf, size))
            break;
    clause_trim(g, buf);
}

static const char *cjk_surname = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
static const char *cjk_given[] = {"晓明", "丽华", "建国", "海燕", "志强", "文静",
                                  "子涵", "俊杰", "秀英", "国平", "春雨", "思远"};
static const char *en_first[] = {"Anna",  "Ben",   "Clara", "David", "Emma", "Farid",
                                 "Grace", "Henry", "Iris",  "Jonas", "Kate", "Liam"};
static const char *en_last[] = {"Adams", "Brooks", "Carter", "Dunn",   "Ellis", "Fraser",
                                "Grant", "Hughes", "Irving", "Jensen", "Khan",  "Lowe"};

static void person(gen *g, char *buf, size_t size)
{
    if (g->latin) {
        snprintf(buf, size, "%s %s", en_first[pick(g, 12)], en_last[pick(g, 12)]);
    } else {
        int k = pick(g, 20);
        /* each surname is 3 bytes of UTF-8 */
        snprintf(buf, size, "%.3s%s", cjk_surname + 3 * k, cjk_given[pick(g, 12)]);
    }
}

static char *byline(gen *g)
{
    char a[64], b[64], buf[200];

    person(g, a, sizeof(a));
    person(g, b, sizeof(b));
    if (g->latin)
        snprintf(buf, sizeof(buf), chance(g, 0.3) ? "By %s and %s" : "By %s", a, b);
    else
        snprintf(buf, sizeof(buf), chance(g, 0.3) ? "本报记者 %s 通讯员 %s" : "本报记者 %s", a, b);
    return xstrdup(buf);
}

/* body text of an article: consecutive corpus entries from a random start
 * until about target characters */
static int add_body(gen *g, syn_article_spec *a, double target)
{
    int corpus = CORP_EN, i, start;
    double chars = 0;

    if (!g->latin) {
        double u = syn_rng_uniform(g->rng);
        corpus = u < 0.5 ? CORP_NEWS : u < 0.8 ? CORP_MAN : CORP_SEED;
        if (corpus == CORP_MAN)
            g->v->latin_in_cjk = 1;
    }
    const syn_corpus *c = &g->corp[corpus];
    char *used = g->body_used[corpus];
    start = pick(g, c->n);
    for (i = 0; chars < target && a->nitems < SYN_MAX_ITEMS - 1; i++) {
        int j = (start + i) % c->n;
        const char *p = c->para[j];
        int head = !strncmp(p, "## ", 3);
        if (head && a->nitems == 0)
            continue;
        /* --distinct-text: a paragraph another article set already is passed over (a
         * heading with the paragraph after it) until the corpus has been gone round */
        if (used && i < c->n && used[head ? (j + 1) % c->n : j])
            continue;
        if (used)
            used[j] = 1;
        a->items[a->nitems].kind = head ? SYN_ITEM_HEADING : SYN_ITEM_PARA;
        a->items[a->nitems].text = xstrdup(head ? p + 3 : p);
        if (!a->items[a->nitems].text)
            return SYN_ENOMEM;
        a->nitems++;
        chars += strlen(p) / (g->latin ? 1.0 : 3.0);
    }
    return 0;
}

/* ----------------------------------------------------------- articles */

static double span_mm(const gen *g, int ncols)
{
    return ncols * g->colw_mm + (ncols - 1) * g->gut_mm;
}

/*
 * gen_vhead: a vertical headline of 5-12 ideographs (punctuation dropped, as
 * vertical heads print it rarely and FreeType has no vertical forms) at the
 * top of the article's first or last column, at most two vertical lines wide
 * and half the block high.  0 when the column is too narrow or no clause
 * gives 5 ideographs.
 */
static int gen_vhead(gen *g, syn_article_spec *a, double h_mm)
{
    char buf[512], out[512];
    const char *s = buf;
    double pt = g->sp->body_pt * draw(g, 1.8, 2.6, 0.1), maxpt = g->colw_mm / (2.4 * MM_PER_PT);
    int side = chance(g, 0.5) ? 1 : 2, n = 0, maxn, len = 0, k;

    if (pt > maxpt)
        pt = floor(maxpt * 2) / 2;
    maxn = (int)(0.5 * h_mm / (pt * MM_PER_PT * 1.05)) * 2;
    if (maxn > 12)
        maxn = 12;
    if (pt < g->sp->body_pt * 1.4 || maxn < 5)
        return 0;
    for (k = 0; k < 8 && n < 5; k++) {
        /* a clause of ideographs (and punctuation, dropped): digits and
         * Latin words would have to be set sideways */
        clause(g, CORP_NEWS, 5, maxn, buf, sizeof(buf));
        for (s = buf, n = 0, len = 0; *s && n < maxn;) {
            const char *prev = s;
            long cp = syn_utf8_next(&s);
            if (cp < 0x3400 || cp > 0x9fff) {
                if (!is_stop(cp) && cp != 0x201c && cp != 0x201d)
                    n = -1000; /* reject this clause */
                continue;
            }
            memcpy(out + len, prev, (size_t)(s - prev));
            len += (int)(s - prev);
            n++;
        }
        out[len] = '\0';
    }
    if (n < 5)
        return 0;
    if (!(a->headline = xstrdup(out)))
        return SYN_ENOMEM;
    a->vhead = side;
    a->head_pt = pt;
    g->v->vheads++;
    return 1;
}

/* headline over 1..all columns, one or two lines, or vertical; subheadline
 * (maybe on the headline's line), byline */
static int gen_head(gen *g, syn_article_spec *a, double h_mm)
{
    int n = a->col1 - a->col0 + 1, len = n, two, chars, k;
    double fit;
    char buf[512];

    if (g->vertical && n >= 2 && !a->lshape && chance(g, 0.35)) {
        int rc = gen_vhead(g, a, h_mm);
        if (rc)
            return rc < 0 ? rc : 0;
    }

    if (n >= 2 && chance(g, 0.3)) {
        len = 1 + pick(g, n - 1);
        a->head_col0 = chance(g, 0.5) ? 0 : n - len;
        a->head_col1 = a->head_col0 + len - 1;
        g->v->heads_partial++;
    }
    a->head_pt = draw(g, len == 1 ? 1.5 : 1.9, len == 1 ? 2.0 : 3.0, 0.5) * g->sp->body_pt;
    if (a->head_pt > 40)
        a->head_pt = 40;
    fit = span_mm(g, len) / (a->head_pt * MM_PER_PT) * (g->latin ? 1.9 : 1.0);
    two = chance(g, 0.25);
    chars = (int)(fit * (two ? draw(g, 1.2, 1.7, 0.01) : draw(g, 0.35, 0.85, 0.01)));
    if (chars < (g->latin ? 16 : 5))
        chars = g->latin ? 16 : 5;
    g->v->heads_2line += two;
    for (k = 0; k < 6; k++) {
        /* a page does not print one headline twice (the corpora are small) */
        int i;
        clause(g, g->latin ? CORP_EN : CORP_NEWS, chars * 3 / 5 > 4 ? chars * 3 / 5 : 4, chars,
               buf, sizeof(buf));
        for (i = 0; i < g->nheads && strcmp(g->heads[i], buf); i++)
            ;
        if (i == g->nheads)
            break;
    }
    if (!(a->headline = xstrdup(buf)))
        return SYN_ENOMEM;
    g->heads[g->nheads++] = a->headline;
    if (chance(g, 0.45)) {
        for (k = 0; k < 4 && (k == 0 || !strcmp(buf, a->headline)); k++)
            clause(g, g->latin ? CORP_EN : CORP_NEWS, g->latin ? 30 : 8, g->latin ? 70 : 24, buf,
                   sizeof(buf));
        if (!(a->subheadline = xstrdup(buf)))
            return SYN_ENOMEM;
        a->sub_inline = len >= 2 && !two && chance(g, 0.4);
        g->v->subheads++;
        g->v->sub_inline += a->sub_inline;
    }
    if (chance(g, 0.75)) {
        if (!(a->byline = byline(g)))
            return SYN_ENOMEM;
        g->v->bylines++;
    }
    return 0;
}

static int add_caption(gen *g, syn_photo_spec *ph)
{
    char buf[512], text[520];

    clause(g, g->latin ? CORP_EN : CORP_NEWS, g->latin ? 40 : 10, g->latin ? 110 : 30, buf,
           sizeof(buf));
    if (ph->quote)
        snprintf(text, sizeof(text), "\"%s\"", buf + (buf[0] == '"'));
    else
        snprintf(text, sizeof(text), "%s%s", buf, g->latin ? "." : "。");
    ph->caption = xstrdup(text);
    return ph->caption ? 0 : SYN_ENOMEM;
}

/* photos (and pull quotes on Latin pages) in disjoint columns of a block
 * h_mm high */
static int gen_photos(gen *g, syn_article_spec *a, double h_mm)
{
    int n = a->col1 - a->col0 + 1, used[SYN_MAX_COLUMNS] = {0}, k, want, rc;

    want = h_mm < 60 ? 0 : chance(g, 0.6) ? (n >= 2 && chance(g, 0.3) ? 2 : 1) : 0;
    for (k = 0; k < want + (g->latin && n >= 2 && h_mm >= 90 && chance(g, 0.35)); k++) {
        syn_photo_spec *ph = &a->photos[a->nphotos];
        int quote = k >= want, w = quote ? 1 : 1 + pick(g, n < 3 ? n : 3), c0 = pick(g, n - w + 1);
        double u = syn_rng_uniform(g->rng), maxh = 0.45 * h_mm;
        int i;

        for (i = c0; i < c0 + w; i++)
            if (used[i])
                break;
        if (i < c0 + w)
            continue; /* overlaps an earlier photo: drop it */
        for (i = c0; i < c0 + w; i++)
            used[i] = 1;
        memset(ph, 0, sizeof(*ph));
        snprintf(ph->id, sizeof(ph->id), "f%d", ++g->nphoto);
        ph->col0 = c0;
        ph->col1 = c0 + w - 1;
        ph->quote = quote;
        ph->height_mm = span_mm(g, w) * draw(g, 0.55, 0.85, 0.01);
        if (ph->height_mm > maxh)
            ph->height_mm = round(maxh);
        if (ph->height_mm < 22)
            ph->height_mm = 22;
        if (quote || (u >= 0.4 && u < 0.7)) {
            ph->at = draw(g, 0.2, 0.55, 0.01);
            g->v->photo_mid += !quote;
        } else if (u < 0.4 || a->lshape) {
            ph->at = SYN_AT_TOP;
            g->v->photo_top++;
        } else if (u < 0.9) {
            ph->at = SYN_AT_BOTTOM;
            g->v->photo_bottom++;
        } else {
            ph->at = SYN_AT_ABOVE;
            g->v->photo_above++;
        }
        ph->beside = !quote && w >= 2 && chance(g, 0.3);
        g->v->cap_beside += ph->beside;
        g->v->quotes += quote;
        g->v->photos += !quote;
        if ((quote || chance(g, 0.92)) && (rc = add_caption(g, ph)))
            return rc;
        a->nphotos++;
    }
    return 0;
}

static const char *ad_cjk[] = {"房屋出租", "诚聘英才", "开业大吉", "家电维修",
                               "特价促销", "招生简章", "搬家服务", "旧书回收"};
static const char *ad_en[] = {"ROOMS TO LET",  "GRAND OPENING", "HELP WANTED",     "SALE 40% OFF",
                              "PIANO LESSONS", "BOOKS BOUGHT",  "MOVING? CALL US", "FRESH FISH"};

static int gen_ad(gen *g, syn_article_spec *a)
{
    char buf[96];

    a->ad = 1;
    a->head_pt = draw(g, 2.2, 3.6, 0.1) * g->sp->body_pt;
    a->headline = xstrdup(g->latin ? ad_en[pick(g, 8)] : ad_cjk[pick(g, 8)]);
    snprintf(buf, sizeof(buf), g->latin ? "Call 01632 %03d %03d" : "电话：0571-8%03d%04d",
             pick(g, 1000), pick(g, g->latin ? 1000 : 10000));
    a->byline = xstrdup(buf);
    a->items[a->nitems].kind = SYN_ITEM_PARA; /* a spec article needs text */
    a->items[a->nitems++].text = xstrdup(buf);
    g->v->ads++;
    return a->headline && a->byline && a->items[0].text ? 0 : SYN_ENOMEM;
}

/*
 * gen_block: one article (or ad) over page columns c0..c1 whose tops (mm
 * below the content top) are sky[]; h_mm > 0 fixed height, 0 fill.
 */
static int gen_block(gen *g, int c0, int c1, const double *sky, double h_mm, int last)
{
    syn_spec *sp = g->sp;
    syn_article_spec *a = calloc(1, sizeof(*a));
    double lo = 1e9, hi = 0, cap_lines;
    int c, rc;

    if (!a)
        return SYN_ENOMEM;
    assert(sp->narticles < SYN_MAX_ARTICLES); /* gen_layout's budget */
    sp->articles[sp->narticles++] = a;
    snprintf(a->id, sizeof(a->id), "a%d", sp->narticles);
    a->col0 = c0;
    a->col1 = c1;
    a->head_col1 = c1 - c0;
    a->head_font = -1;
    a->cut = 1;
    a->fill = last;
    a->height_mm = last ? 0 : h_mm;
    for (c = c0; c <= c1; c++) {
        lo = sky[c] < lo ? sky[c] : lo;
        hi = sky[c] > hi ? sky[c] : hi;
    }
    a->lshape = hi - lo > 1.0;
    g->v->lshapes += a->lshape;
    a->rule_above = g->v->row_rules && chance(g, 0.85);
    if (!a->lshape && !last && h_mm <= 90 && c1 - c0 < 3 && sp->narticles > 1 && chance(g, 0.15) &&
        !g->v->ads)
        return gen_ad(g, a);
    a->box = !a->lshape && c1 - c0 < 3 && chance(g, 0.12);
    g->v->boxes += a->box;
    if (last)
        h_mm = g->body_h_mm - lo;
    if ((rc = gen_head(g, a, h_mm)) || (rc = gen_photos(g, a, h_mm)))
        return rc;
    a->dropcap = g->latin && chance(g, 0.35);
    g->v->dropcaps += a->dropcap;
    /* enough text to fill the block whatever the photos take (1.6 x) */
    cap_lines = (c1 - c0 + 1) * (h_mm / g->pitch_mm);
    return add_body(g, a, 1.6 * cap_lines * g->colw_mm / g->em_mm * (g->latin ? 2.0 : 1.0));
}

/* how many columns from c to e stay at or below (higher on the page than)
 * top, so that the block's first column remains the highest */
static int block_rest(const double *sky, int c, int e, double top)
{
    int k;

    for (k = c; k <= e && sky[k] > top - 1.0; k++)
        ;
    return k - c;
}

/* split open columns [c0, c1] into blocks; prefer to cut at skyline steps */
static int block_width(gen *g, int c, int c1, const double *sky)
{
    int rem = c1 - c + 1, w, step;

    for (step = c + 1; step <= c1 && fabs(sky[step] - sky[c]) < 1.0; step++)
        ;
    /* an L-shape has its headline over its first column, which must then be
     * the highest: a block starting below its neighbour ends at the step */
    if (step <= c1 && (chance(g, 0.5) || sky[step] < sky[c]))
        return step - c;
    if (rem <= 2 || chance(g, 0.15))
        return rem;
    if (chance(g, 0.1))
        return 1;
    w = 2 + pick(g, rem - 1 < 3 ? rem - 1 : 3);
    if (rem - w == 1 && chance(g, 0.7))
        w = rem;
    return w < step - c ? w : step - c + block_rest(sky, step, c + w - 1, sky[c]);
}

/*
 * gen_layout: rows of blocks until every column reaches the page bottom.
 * A column is closed when less than 45 mm are left under it.
 */
static int gen_layout(gen *g)
{
    double sky[SYN_MAX_COLUMNS] = {0}, H = g->body_h_mm;
    int n = g->sp->columns, c, iter, rc;

    for (iter = 0; iter < 40; iter++) {
        int open = 0;
        for (c = 0; c < n; c++)
            open += sky[c] < H - 45;
        if (!open)
            break;
        for (c = 0; c < n;) {
            int w, e, k, last;
            double lo = 1e9, hi = 0, h;
            if (sky[c] >= H - 45) {
                c++;
                continue;
            }
            for (e = c; e + 1 < n && sky[e + 1] < H - 45; e++)
                ;
            w = block_width(g, c, e, sky);
            for (k = c; k < c + w; k++) {
                lo = sky[k] < lo ? sky[k] : lo;
                hi = sky[k] > hi ? sky[k] : hi;
            }
            /* an L-shape must reach 30 mm below its lowest column top */
            h = draw(g, 0.22, 0.5, 0.01) * (H - lo);
            if (h < hi - lo + 30)
                h = hi - lo + 30;
            if (h < 50)
                h = 50;
            /* from here each block may be the last of its columns: at most n
             * more articles, so the page stays within SYN_MAX_ARTICLES */
            last = H - lo - h < 55 || g->sp->narticles >= SYN_MAX_ARTICLES - n;
            if ((rc = gen_block(g, c, c + w - 1, sky, round(h), last)))
                return rc;
            for (k = c; k < c + w; k++)
                sky[k] = last ? H : lo + round(h) + g->gap_mm;
            c += w;
        }
    }
    g->v->articles = g->sp->narticles;
    return 0;
}

/* ---------------------------------------------------------------- page */

static const int cjk_fonts[] = {SYN_FONT_SERIF,     SYN_FONT_SERIF, SYN_FONT_SANS, SYN_FONT_WQY,
                                SYN_FONT_WQY_MICRO, SYN_FONT_UMING, SYN_FONT_UKAI};
static const int cjk_head_fonts[] = {SYN_FONT_SANS_BOLD, SYN_FONT_SANS_BOLD, SYN_FONT_SERIF_BOLD,
                                     SYN_FONT_WQY,       SYN_FONT_WQY_MICRO, SYN_FONT_UKAI};

/* a font of the list that is installed (the required ones always are) */
static int draw_font(gen *g, const int *list, int n)
{
    int k = pick(g, n), i;

    for (i = 0; i < n; i++)
        if (syn_font_available(list[(k + i) % n]))
            return list[(k + i) % n];
    return list[0];
}

static int gen_fonts(gen *g)
{
    syn_spec *sp = g->sp;

    if (!g->latin) {
        sp->body_font = draw_font(g, cjk_fonts, 7);
        sp->head_font = draw_font(g, cjk_head_fonts, 6);
        return 0;
    }
    if (chance(g, 0.5) && syn_font_available(SYN_FONT_LIB_SERIF)) {
        sp->body_font = SYN_FONT_LIB_SERIF;
        sp->caption_font = SYN_FONT_LIB_SERIF_ITALIC;
        sp->head_font = chance(g, 0.6) ? SYN_FONT_LIB_SERIF_BOLD : SYN_FONT_DEJAVU_SANS_BOLD;
    } else {
        sp->body_font = SYN_FONT_DEJAVU_SERIF;
        sp->caption_font = SYN_FONT_DEJAVU_SERIF_ITALIC;
        sp->head_font = chance(g, 0.6) ? SYN_FONT_DEJAVU_SERIF_BOLD : SYN_FONT_DEJAVU_SANS_BOLD;
    }
    if (!syn_font_available(sp->body_font) || !syn_font_available(sp->caption_font) ||
        !syn_font_available(sp->head_font)) {
        syn_error_set("Latin pages need fonts-dejavu-core and fonts-liberation2");
        return SYN_EFONT;
    }
    sp->small_font = sp->caption_font;
    sp->section_font = sp->head_font;
    sp->indent_em = 1.0;
    return 0;
}

static const char *sections_cjk[] = {"要闻", "城市·民生", "综合新闻", "经济", "文化", "社会"};
static const char *sections_en[] = {"NEWS", "CITY", "LOCAL", "BUSINESS", "ARTS", "SPORT"};
static const char *wd_cjk[] = {"一", "二", "三", "四", "五", "六", "日"};
static const char *wd_en[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                              "Friday", "Saturday", "Sunday"};

static int gen_folio(gen *g)
{
    syn_spec *sp = g->sp;
    char buf[128];
    int page = 1 + pick(g, 24), mon = 1 + pick(g, 12), day = 1 + pick(g, 28), wd = pick(g, 7);

    snprintf(buf, sizeof(buf), g->latin ? "Page %d" : "第%d版", page);
    sp->folio[0] = xstrdup(buf);
    sp->folio[1] = xstrdup(g->latin ? sections_en[pick(g, 6)] : sections_cjk[pick(g, 6)]);
    if (g->latin)
        snprintf(buf, sizeof(buf), "%s, %d/%d/2024", wd_en[wd], day, mon);
    else
        snprintf(buf, sizeof(buf), "2024年%d月%d日 星期%s", mon, day, wd_cjk[wd]);
    sp->folio[2] = xstrdup(buf);
    if (chance(g, 0.3))
        sp->note = xstrdup(g->latin ? "Photographs: newsocr archive" : "（本版图片均为资料图）");
    return sp->folio[0] && sp->folio[1] && sp->folio[2] ? 0 : SYN_ENOMEM;
}

/* page size, grid, type: the column must keep at least 7 body ems */
static void gen_grid(gen *g)
{
    syn_spec *sp = g->sp;
    double usable;

    sp->page_w_mm = draw(g, 230, 300, 5);
    sp->page_h_mm = round(sp->page_w_mm * draw(g, 1.35, 1.5, 0.01) / 5) * 5;
    sp->margin_mm[0] = sp->margin_mm[2] = draw(g, 10, 16, 1);
    sp->margin_mm[1] = sp->margin_mm[3] = draw(g, 10, 15, 1);
    sp->columns = g->latin ? 2 + pick(g, 3) : 3 + pick(g, 6);
    sp->body_pt = draw(g, 8, 12, 0.5);
    sp->leading = g->latin ? draw(g, 1.15, 1.35, 0.05) : draw(g, 1.4, 1.8, 0.05);
    sp->gutter_em = draw(g, g->latin ? 1.0 : 0.8, 2.0, 0.1);
    usable = sp->page_w_mm - sp->margin_mm[1] - sp->margin_mm[3];
    for (;;) {
        g->em_mm = sp->body_pt * MM_PER_PT;
        g->gut_mm = sp->gutter_em * g->em_mm;
        g->colw_mm = (usable - (sp->columns - 1) * g->gut_mm) / sp->columns;
        if (g->colw_mm >= 7 * g->em_mm || sp->body_pt <= 8)
            break;
        sp->body_pt -= 0.5;
    }
    g->colw_mm = floor(g->colw_mm / g->em_mm) * g->em_mm;
    g->pitch_mm = g->em_mm * sp->leading;
    g->gap_mm = g->pitch_mm * 1.2;
    sp->column_rules = chance(g, 0.45);
    g->v->col_rules = sp->column_rules;
    g->v->row_rules = chance(g, 0.5);
}

/* scan: dpi, lighting, shadow band, fold, bleed-through, format, blur,
 * noise, skew, border, paper */
static void gen_scan(gen *g)
{
    syn_spec *sp = g->sp;

    sp->dpi = 150 + 10 * pick(g, 26);
    sp->lighting = chance(g, 0.5) ? draw(g, 0.1, 0.5, 0.01) : 0;
    sp->shadow = chance(g, 0.2) ? draw(g, 0.15, 0.4, 0.01) : 0;
    sp->shadow_vertical = chance(g, 0.5);
    sp->shadow_pos = chance(g, 0.5) ? draw(g, 0.0, 0.1, 0.01) : draw(g, 0.2, 1.0, 0.01);
    sp->shadow_w = draw(g, 0.06, 0.2, 0.01);
    sp->fold = chance(g, 0.2) ? draw(g, 0.2, 0.5, 0.01) : 0;
    sp->fold_vertical = chance(g, 0.6);
    sp->fold_pos = draw(g, 0.45, 0.55, 0.01);
    sp->bleed = chance(g, 0.3) ? draw(g, 0.06, 0.2, 0.01) : 0;
    sp->bilevel = chance(g, 0.05);
    sp->format = sp->bilevel ? SYN_FMT_TIFF : chance(g, 0.5) ? SYN_FMT_JPEG : SYN_FMT_PNG;
    sp->jpeg_quality = 30 + pick(g, 66);
    sp->blur = chance(g, 0.6) ? draw(g, 0.3, 1.5, 0.1) : 0;
    sp->noise = chance(g, 0.5) ? draw(g, 2, 14, 0.5) : 0;
    sp->skew_deg = chance(g, 0.75) ? draw(g, -3, 3, 0.01) : 0;
    sp->border = chance(g, 0.25);
    sp->yellow = !sp->bilevel && chance(g, 0.2);
    sp->dpi_tag = chance(g, 0.9);
    if (g->opt->dpi > 0)
        sp->dpi = g->opt->dpi;
}

static void gen_record(gen *g)
{
    const syn_spec *sp = g->sp;
    syn_vars *v = g->v;

    v->latin = g->latin;
    v->cols = sp->columns;
    v->body_pt = sp->body_pt;
    v->gutter_em = sp->gutter_em;
    v->body_font = sp->body_font;
    v->head_font = sp->head_font;
    v->page_w = sp->page_w_mm;
    v->page_h = sp->page_h_mm;
    v->dpi = sp->dpi;
    v->format = sp->format;
    v->jpeg_q = sp->format == SYN_FMT_JPEG ? sp->jpeg_quality : 0;
    v->yellow = sp->yellow;
    v->border = sp->border;
    v->bilevel = sp->bilevel;
    v->lighting = sp->lighting;
    v->shadow = sp->shadow;
    v->fold = sp->fold;
    v->bleed = sp->bleed;
    v->blur = sp->blur;
    v->noise = sp->noise;
    v->skew = sp->skew_deg;
}

static int load_corpora(gen *g)
{
    char path[1200];
    int i, rc;

    for (i = 0; i < CORP_COUNT; i++) {
        const char *dir = i == CORP_EN ? g->opt->text_dir_en : g->opt->text_dir;
        if ((i == CORP_EN) != g->latin)
            continue; /* a Latin page reads only the English corpus */
        snprintf(path, sizeof(path), "%s/%s", dir, corp_files[i]);
        if ((rc = syn_corpus_load(&g->corp[i], path)))
            return rc;
        if (g->opt->distinct_text && g->corp[i].n > 0 &&
            !(g->body_used[i] = calloc((size_t)g->corp[i].n, 1)))
            return SYN_ENOMEM;
    }
    return 0;
}

static int gen_vpage(gen *g);

/*
 * syn_random_spec: draw a whole page from rng (seeded by the caller with the
 * page seed; a redraw after a layout failure continues the same stream).
 * *out (syn_spec_free) is the spec, *vars what was drawn.  Errors:
 * SYN_EIO (a corpus is missing), SYN_EFONT, SYN_ENOMEM.
 */
int syn_random_spec(syn_spec **out, syn_vars *vars, const syn_random_opts *opt, syn_rng *rng)
{
    gen g;
    char name[64];
    int rc, i, latin;
    double u = syn_rng_uniform(rng), uv = syn_rng_uniform(rng);

    *out = NULL;
    memset(vars, 0, sizeof(*vars));
    memset(&g, 0, sizeof(g));
    latin = opt->latin >= 0 ? opt->latin : u < opt->latin_share;
    snprintf(name, sizeof(name), "rand-%llu", (unsigned long long)opt->seed);
    if ((rc = syn_spec_new(&g.sp, name)))
        return rc;
    g.rng = rng;
    g.opt = opt;
    g.v = vars;
    g.latin = latin;
    g.vertical = !latin && uv < opt->vertical_share;
    vars->vertical = g.vertical;
    if (!latin && uv < opt->vertical_body_share) { /* a whole vertical page: no new draw */
        g.vertical = 0;
        vars->vertical = 2;
    }
    vars->seed = opt->seed;
    g.sp->seed = opt->seed;
    if ((rc = load_corpora(&g)))
        goto cleanup;
    if (vars->vertical == 2) {
        if ((rc = gen_vpage(&g)))
            goto cleanup;
        gen_scan(&g);
        gen_record(&g);
        vars->vertical = 2;
        *out = g.sp;
        g.sp = NULL;
        goto cleanup;
    }
    gen_grid(&g);
    if ((rc = gen_fonts(&g)) || (rc = gen_folio(&g)))
        goto cleanup;
    /* content height: page minus margins, folio band and note */
    g.body_h_mm = g.sp->page_h_mm - g.sp->margin_mm[0] - g.sp->margin_mm[2] -
                  (1.3 * g.em_mm + 0.6 + g.pitch_mm) - (g.sp->note ? 2 * g.pitch_mm : 0) - 1;
    if ((rc = gen_layout(&g)))
        goto cleanup;
    gen_scan(&g);
    gen_record(&g);
    *out = g.sp;
    g.sp = NULL;
cleanup:
    for (i = 0; i < CORP_COUNT; i++) {
        syn_corpus_free(&g.corp[i]);
        free(g.body_used[i]);
    }
    syn_spec_free(g.sp);
    return rc;
}

/* ------------------------------------------------------------- vertical */

/* A photo in vertical article a, with probability --vertical-photos: over 2-4 of its text
 * columns from the first or second, at the top or the foot of its tier, 25-55 mm high,
 * with a caption of 8-20 characters of another paragraph. Drawn from prng. */
static int gen_vphoto(gen *g, syn_article_spec *a, const syn_corpus *trad, syn_rng *prng)
{
    syn_rng *main_rng = g->rng;
    int rc = 0;
    g->rng = prng;
    if (chance(g, g->opt->vertical_photos) && a->nphotos < SYN_MAX_PHOTOS) {
        syn_photo_spec *ph = &a->photos[a->nphotos];
        memset(ph, 0, sizeof(*ph));
        snprintf(ph->id, sizeof(ph->id), "f%d", ++g->nphoto);
        ph->col0 = pick(g, 2);
        ph->col1 = ph->col0 + 1 + pick(g, 3);
        ph->at = chance(g, 0.5) ? SYN_AT_TOP : SYN_AT_BOTTOM;
        ph->height_mm = draw(g, 25, 55, 1);
        char cap[128];
        int len = 0, want = 8 + pick(g, 13);
        const char *p = trad->para[unused_para(g, trad, pick(g, trad->n))];
        for (int m = 0; *p && m < want && len < (int)sizeof(cap) - 5;) {
            long cp = syn_utf8_next(&p);
            if (cp < 0)
                break;
            if (syn_text_is_cjk(cp)) {
                len += syn_utf8_put(cap + len, cp);
                m++;
            }
        }
        cap[len] = '\0';
        if (!(ph->caption = xstrdup(cap)))
            rc = SYN_ENOMEM;
        a->nphotos++;
        g->v->photos++;
        g->v->photo_top += ph->at == SYN_AT_TOP;
        g->v->photo_bottom += ph->at == SYN_AT_BOTTOM;
    }
    g->rng = main_rng;
    return rc;
}

/* A whole vertical page (--vertical-body-share): 1-3 tiers of 1-3 articles each, text from
 * the traditional corpus (samples/text/news-trad.txt), headlines the first 5-12 characters
 * of a paragraph, set vertically or (30%) across the article; the last article of the last
 * tier is horizontal 30% of the time (a mixed page). Laid out by vlayout.c. */
static int gen_vpage(gen *g)
{
    syn_spec *sp = g->sp;
    syn_corpus trad;
    char path[1200];
    int rc;

    snprintf(path, sizeof(path), "%s/news-trad.txt", g->opt->text_dir);
    if ((rc = syn_corpus_load(&trad, path)))
        return rc;
    if (g->opt->distinct_text && !(g->used = calloc((size_t)trad.n, 1))) {
        syn_corpus_free(&trad);
        return SYN_ENOMEM;
    }
    /* the photos draw from a stream of their own: a page with none is the page it was
     * before there were photos on vertical pages */
    syn_rng prng;
    syn_rng_seed(&prng, g->opt->seed ^ 0x70686f746f73ULL);
    gen_grid(g);
    sp->vertical = 1;
    sp->columns = 1 + pick(g, 3); /* tiers */
    sp->body_pt = draw(g, 9, 12, 0.5);
    sp->leading = draw(g, 1.5, 1.8, 0.05);
    if ((rc = gen_fonts(g)) || (rc = gen_folio(g)))
        goto cleanup;
    free(sp->note); /* vertical pages print no page note */
    sp->note = NULL;
    for (int t = 0; t < sp->columns && !rc; t++) {
        int n = 1 + pick(g, 3);
        for (int k = 0; k < n && sp->narticles < SYN_MAX_ARTICLES && !rc; k++) {
            syn_article_spec *a = calloc(1, sizeof(*a));
            char head[64];
            int len = 0, want = 5 + pick(g, 8), start = pick(g, trad.n);
            if (!a) {
                rc = SYN_ENOMEM;
                break;
            }
            sp->articles[sp->narticles++] = a;
            snprintf(a->id, sizeof(a->id), "a%d", sp->narticles);
            a->col0 = a->col1 = t;
            a->head_font = -1;
            a->horizontal = t == sp->columns - 1 && k == n - 1 && k > 0 && chance(g, 0.3);
            a->head_horizontal = !a->horizontal && chance(g, 0.3);
            /* a section heading of the corpus starts no article: its body would be
             * the paragraphs after it, and with one paragraph drawn it had none */
            if (!strncmp(trad.para[start], "## ", 3))
                start = (start + 1) % trad.n;
            start = unused_para(g, &trad, start);
            const char *p = trad.para[start];
            for (int m = 0; *p && m < want && len < (int)sizeof(head) - 5;) {
                long cp = syn_utf8_next(&p);
                if (cp < 0)
                    break;
                if (syn_text_is_cjk(cp) && !is_stop(cp) && cp != 0x300c && cp != 0x300d) {
                    len += syn_utf8_put(head + len, cp);
                    m++;
                }
            }
            head[len] = '\0';
            a->headline = xstrdup(head);
            int paras = 1 + pick(g, 3);
            for (int i = 0; i < paras && a->nitems < SYN_MAX_ITEMS; i++) {
                int j = (start + i) % trad.n;
                const char *q = trad.para[j];
                if (!strncmp(q, "## ", 3))
                    continue;
                if (g->used && i > 0 && g->used[j])
                    break; /* set already: the article ends here */
                if (g->used)
                    g->used[j] = 1;
                a->items[a->nitems].kind = SYN_ITEM_PARA;
                if (!(a->items[a->nitems++].text = xstrdup(q)))
                    rc = SYN_ENOMEM;
            }
            if (!a->headline)
                rc = SYN_ENOMEM;
            if (!rc && !a->horizontal)
                rc = gen_vphoto(g, a, &trad, &prng);
            g->v->articles++;
        }
    }
cleanup:
    syn_corpus_free(&trad);
    free(g->used);
    g->used = NULL;
    return rc;
}

/* ------------------------------------------------------------- record */

static const char *format_name(int f)
{
    return f == SYN_FMT_JPEG ? "jpeg" : f == SYN_FMT_TIFF ? "tiff" : "png";
}

/* photo position class for the benchmark: none, or the positions present */
static void photo_class(const syn_vars *v, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s%s", v->photo_top ? "top," : "", v->photo_mid ? "mid," : "",
             v->photo_bottom ? "bottom," : "", v->photo_above ? "above," : "");
    if (!buf[0])
        snprintf(buf, n, "none");
    else
        buf[strlen(buf) - 1] = '\0';
}

/* the fields, in one order for both outputs: fmt gets name and value */
#define VARS_FIELDS(X)                                                                            \
    X("attempt", "%d", v->attempt)                                                                \
    X("latin", "%d", v->latin)                                                                    \
    X("cols", "%d", v->cols)                                                                      \
    X("articles", "%d", v->articles)                                                              \
    X("lshapes", "%d", v->lshapes)                                                                \
    X("boxes", "%d", v->boxes)                                                                    \
    X("ads", "%d", v->ads)                                                                        \
    X("photos", "%d", v->photos)                                                                  \
    X("photo_top", "%d", v->photo_top)                                                            \
    X("photo_mid", "%d", v->photo_mid)                                                            \
    X("photo_bottom", "%d", v->photo_bottom)                                                      \
    X("photo_above", "%d", v->photo_above)                                                        \
    X("caption_beside", "%d", v->cap_beside)                                                      \
    X("pull_quotes", "%d", v->quotes)                                                             \
    X("drop_caps", "%d", v->dropcaps)                                                             \
    X("heads_partial", "%d", v->heads_partial)                                                    \
    X("heads_2line", "%d", v->heads_2line)                                                        \
    X("subheads", "%d", v->subheads)                                                              \
    X("sub_inline", "%d", v->sub_inline)                                                          \
    X("bylines", "%d", v->bylines)                                                                \
    X("col_rules", "%d", v->col_rules)                                                            \
    X("row_rules", "%d", v->row_rules)                                                            \
    X("latin_in_cjk", "%d", v->latin_in_cjk)                                                      \
    X("vertical", "%d", v->vertical)                                                              \
    X("vheads", "%d", v->vheads)                                                                  \
    X("body_pt", "%.1f", v->body_pt)                                                              \
    X("gutter_em", "%.1f", v->gutter_em)                                                          \
    X("page_w", "%.0f", v->page_w)                                                                \
    X("page_h", "%.0f", v->page_h)                                                                \
    X("dpi", "%d", v->dpi)                                                                        \
    X("jpeg_q", "%d", v->jpeg_q)                                                                  \
    X("yellow", "%d", v->yellow)                                                                  \
    X("border", "%d", v->border)                                                                  \
    X("bilevel", "%d", v->bilevel)                                                                \
    X("lighting", "%.2f", v->lighting)                                                            \
    X("shadow", "%.2f", v->shadow)                                                                \
    X("fold", "%.2f", v->fold)                                                                    \
    X("bleed", "%.2f", v->bleed)                                                                  \
    X("blur", "%.1f", v->blur)                                                                    \
    X("noise", "%.1f", v->noise)                                                                  \
    X("skew", "%.2f", v->skew)

/* syn_vars_line: "seed=N photo=top,mid font=serif ... skew=-1.25" (no newline) */
void syn_vars_line(const syn_vars *v, char *buf, size_t n)
{
    char photo[64];
    size_t len;

    photo_class(v, photo, sizeof(photo));
    snprintf(buf, n, "seed=%llu photo=%s font=%s head_font=%s format=%s",
             (unsigned long long)v->seed, photo, syn_font_name(v->body_font),
             syn_font_name(v->head_font), format_name(v->format));
#define X(name, fmt, val)                                                                         \
    len = strlen(buf);                                                                            \
    snprintf(buf + len, n - len, " " name "=" fmt, val);
    VARS_FIELDS(X)
#undef X
}

/* syn_vars_write_json: the same record as one JSON object in path */
int syn_vars_write_json(const syn_vars *v, const char *path)
{
    FILE *fp = fopen(path, "w");
    char photo[64];

    if (!fp) {
        syn_error_set("cannot write '%s'", path);
        return SYN_EIO;
    }
    photo_class(v, photo, sizeof(photo));
    fprintf(fp, "{\n  \"seed\": %llu,\n  \"photo\": \"%s\",\n  \"font\": \"%s\",\n",
            (unsigned long long)v->seed, photo, syn_font_name(v->body_font));
    fprintf(fp, "  \"head_font\": \"%s\",\n  \"format\": \"%s\"", syn_font_name(v->head_font),
            format_name(v->format));
#define X(name, fmt, val) fprintf(fp, ",\n  \"" name "\": " fmt, val);
    VARS_FIELDS(X)
#undef X
    fprintf(fp, "\n}\n");
    if (fclose(fp)) {
        syn_error_set("cannot write '%s'", path);
        return SYN_EIO;
    }
    return 0;
}
