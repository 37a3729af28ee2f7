/*
 * spec.c - page spec parser.
 *
 *   syn_spec_load    parse a page spec file into a syn_spec
 *   syn_spec_new     an empty spec with the defaults (random pages)
 *   syn_spec_free    free it (no-op on NULL)
 *
 * The format is line based: "key value" pairs, '#' starts a comment line,
 * and "article ID COLS" ... "end" blocks describe articles in reading order.
 * samples/README.md documents every key.  Paths in "paras" are relative to
 * the spec's directory.  Bad input is an error with file:line, never a crash.
 */
#include "synth.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *path;
    int lineno;
    char dir[1024];
} parse_ctx;

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);

    if (d)
        memcpy(d, s, n);
    return d;
}

static int bad(const parse_ctx *pc, const char *what, const char *val)
{
    syn_error_set("%s:%d: %s%s%s%s", pc->path, pc->lineno, what, val ? " '" : "", val ? val : "",
                  val ? "'" : "");
    return SYN_ESPEC;
}

static int parse_double(const parse_ctx *pc, const char *s, double lo, double hi, double *out)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    while (*end && isspace((unsigned char)*end))
        end++;
    if (errno || end == s || *end || v < lo || v > hi)
        return bad(pc, "number missing or out of range:", s);
    *out = v;
    return 0;
}

static int parse_int(const parse_ctx *pc, const char *s, int lo, int hi, int *out)
{
    double v;
    int rc = parse_double(pc, s, lo, hi, &v);

    if (rc)
        return rc;
    if (v != (int)v)
        return bad(pc, "integer expected:", s);
    *out = (int)v;
    return 0;
}

static int parse_bool(const parse_ctx *pc, const char *s, int *out)
{
    if (!strcmp(s, "yes") || !strcmp(s, "1") || !strcmp(s, "on"))
        *out = 1;
    else if (!strcmp(s, "no") || !strcmp(s, "0") || !strcmp(s, "off"))
        *out = 0;
    else
        return bad(pc, "yes or no expected:", s);
    return 0;
}

/* parse "A-B" or "A" (1-based, inclusive) into 0-based col0/col1 within [1, max] */
static int parse_span(const parse_ctx *pc, const char *s, int max, int *c0, int *c1)
{
    int a, b, n = 0;

    if (sscanf(s, "%d-%d%n", &a, &b, &n) == 2 && s[n] == '\0') {
        /* range */
    } else if (sscanf(s, "%d%n", &a, &n) == 1 && s[n] == '\0') {
        b = a;
    } else {
        return bad(pc, "column span like 1-3 expected:", s);
    }
    if (a < 1 || b < a || b > max)
        return bad(pc, "column span out of range:", s);
    *c0 = a - 1;
    *c1 = b - 1;
    return 0;
}

static int set_text(const parse_ctx *pc, char **dst, const char *val)
{
    if (!*val)
        return bad(pc, "text expected", NULL);
    free(*dst);
    *dst = xstrdup(val);
    if (!*dst)
        return SYN_ENOMEM;
    return 0;
}

static int add_item(const parse_ctx *pc, syn_article_spec *a, int kind, const char *text)
{
    if (a->nitems >= SYN_MAX_ITEMS)
        return bad(pc, "too many paragraphs in article", a->id);
    a->items[a->nitems].kind = kind;
    a->items[a->nitems].text = xstrdup(text);
    if (!a->items[a->nitems].text)
        return SYN_ENOMEM;
    a->nitems++;
    return 0;
}

/*
 * add_corpus_paras: append paragraphs FIRST .. FIRST+COUNT-1 of a corpus file.
 * In a corpus, each non-empty line not starting with '#' is one paragraph;
 * a line starting with "## " is a section heading and counts as one entry.
 */
static int add_corpus_paras(const parse_ctx *pc, syn_article_spec *a, const char *val)
{
    char file[512], path[1600], *buf = NULL;
    int first, count, n = 0, idx = 0, rc = 0;
    FILE *fp;
    size_t cap = SYN_MAX_LINE * 4;

    if (sscanf(val, "%511s %d %d%n", file, &first, &count, &n) != 3 || val[n] != '\0' ||
        first < 1 || count < 1)
        return bad(pc, "paras FILE FIRST COUNT expected:", val);
    if (file[0] == '/')
        snprintf(path, sizeof(path), "%s", file);
    else
        snprintf(path, sizeof(path), "%s%s", pc->dir, file);
    fp = fopen(path, "rb");
    if (!fp) {
        syn_error_set("%s:%d: cannot open corpus '%s': %s", pc->path, pc->lineno, path,
                      strerror(errno));
        return SYN_EIO;
    }
    buf = malloc(cap);
    if (!buf) {
        fclose(fp);
        return SYN_ENOMEM;
    }
    while (fgets(buf, (int)cap, fp)) {
        size_t len = strlen(buf);

        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == ' '))
            buf[--len] = '\0';
        if (len == 0 || (buf[0] == '#' && strncmp(buf, "## ", 3)))
            continue;
        idx++;
        if (idx < first || idx >= first + count)
            continue;
        if (!strncmp(buf, "## ", 3))
            rc = add_item(pc, a, SYN_ITEM_HEADING, buf + 3);
        else
            rc = add_item(pc, a, SYN_ITEM_PARA, buf);
        if (rc)
            break;
    }
    fclose(fp);
    free(buf);
    if (!rc && idx < first + count - 1) {
        syn_error_set("%s:%d: corpus '%s' has only %d paragraphs", pc->path, pc->lineno, path,
                      idx);
        rc = SYN_ESPEC;
    }
    return rc;
}

static int parse_photo(const parse_ctx *pc, syn_article_spec *a, const char *val)
{
    char id[32], cols[32], at[32];
    double h;
    int n = 0, rc;
    syn_photo_spec *ph;

    if (a->nphotos >= SYN_MAX_PHOTOS)
        return bad(pc, "too many photos in article", a->id);
    if (sscanf(val, "%31s %31s %31s %lf%n", id, cols, at, &h, &n) != 4 || val[n] != '\0')
        return bad(pc, "photo ID COLS above|top|FRACTION HEIGHT_MM expected:", val);
    ph = &a->photos[a->nphotos];
    memset(ph, 0, sizeof(*ph));
    snprintf(ph->id, sizeof(ph->id), "%s", id);
    if ((rc = parse_span(pc, cols, a->col1 - a->col0 + 1, &ph->col0, &ph->col1)))
        return rc;
    if (!strcmp(at, "top"))
        ph->at = -1.0;
    else if (!strcmp(at, "above"))
        ph->at = -2.0;
    else if ((rc = parse_double(pc, at, 0.0, 0.95, &ph->at)))
        return rc;
    if (h < 5.0 || h > 400.0)
        return bad(pc, "photo height out of range (5..400 mm):", val);
    ph->height_mm = h;
    a->nphotos++;
    return 0;
}

static int parse_article_key(const parse_ctx *pc, syn_spec *sp, syn_article_spec *a,
                             const char *key, const char *val)
{
    if (!strcmp(key, "rule-above"))
        return parse_bool(pc, val, &a->rule_above);
    if (!strcmp(key, "height")) {
        int rc = 0;
        a->fill = 0;
        a->height_mm = 0;
        if (!strcmp(val, "fill"))
            a->fill = 1;
        else if (strcmp(val, "fit"))
            rc = parse_double(pc, val, 10.0, 1000.0, &a->height_mm);
        return rc;
    }
    if (!strcmp(key, "headline"))
        return set_text(pc, &a->headline, val);
    if (!strcmp(key, "headline-cols"))
        return parse_span(pc, val, a->col1 - a->col0 + 1, &a->head_col0, &a->head_col1);
    if (!strcmp(key, "headline-size"))
        return parse_double(pc, val, 8.0, 96.0, &a->head_pt);
    if (!strcmp(key, "headline-font")) {
        a->head_font = syn_font_by_name(val);
        return a->head_font < 0 ? bad(pc, "unknown font:", val) : 0;
    }
    if (!strcmp(key, "subheadline"))
        return set_text(pc, &a->subheadline, val);
    if (!strcmp(key, "byline"))
        return set_text(pc, &a->byline, val);
    if (!strcmp(key, "para"))
        return *val ? add_item(pc, a, SYN_ITEM_PARA, val) : bad(pc, "text expected", NULL);
    if (!strcmp(key, "heading"))
        return *val ? add_item(pc, a, SYN_ITEM_HEADING, val) : bad(pc, "text expected", NULL);
    if (!strcmp(key, "paras"))
        return add_corpus_paras(pc, a, val);
    if (!strcmp(key, "photo"))
        return parse_photo(pc, a, val);
    if (!strcmp(key, "horizontal"))
        return parse_bool(pc, val, &a->horizontal);
    if (!strcmp(key, "head-horizontal"))
        return parse_bool(pc, val, &a->head_horizontal);
    if (!strcmp(key, "caption")) {
        if (a->nphotos == 0)
            return bad(pc, "caption before any photo", NULL);
        return set_text(pc, &a->photos[a->nphotos - 1].caption, val);
    }
    (void)sp;
    return bad(pc, "unknown article key:", key);
}

static int parse_page_key(const parse_ctx *pc, syn_spec *sp, const char *key, const char *val)
{
    int rc = 0, v = 0;

    if (!strcmp(key, "name")) {
        if (!*val || strlen(val) >= sizeof(sp->name) || strchr(val, '/'))
            return bad(pc, "bad name:", val);
        snprintf(sp->name, sizeof(sp->name), "%s", val);
    } else if (!strcmp(key, "page")) {
        int n = 0;
        if (sscanf(val, "%lf %lf%n", &sp->page_w_mm, &sp->page_h_mm, &n) != 2 || val[n] ||
            sp->page_w_mm < 50 || sp->page_w_mm > 600 || sp->page_h_mm < 50 || sp->page_h_mm > 900)
            return bad(pc, "page WIDTH_MM HEIGHT_MM expected:", val);
    } else if (!strcmp(key, "margins")) {
        double *m = sp->margin_mm;
        int n = 0;
        if (sscanf(val, "%lf %lf %lf %lf%n", &m[0], &m[1], &m[2], &m[3], &n) != 4 || val[n])
            return bad(pc, "margins TOP RIGHT BOTTOM LEFT (mm) expected:", val);
    } else if (!strcmp(key, "dpi")) {
        rc = parse_int(pc, val, 100, 600, &sp->dpi);
    } else if (!strcmp(key, "seed")) {
        rc = parse_int(pc, val, 0, 2000000000, &v);
        sp->seed = (uint64_t)v;
    } else if (!strcmp(key, "columns")) {
        rc = parse_int(pc, val, 1, SYN_MAX_COLUMNS, &sp->columns);
    } else if (!strcmp(key, "gutter")) {
        rc = parse_double(pc, val, 0.3, 4.0, &sp->gutter_em);
    } else if (!strcmp(key, "vertical")) {
        rc = parse_bool(pc, val, &sp->vertical);
    } else if (!strcmp(key, "column-rules")) {
        rc = parse_bool(pc, val, &sp->column_rules);
    } else if (!strcmp(key, "body-font") || !strcmp(key, "head-font")) {
        int f = syn_font_by_name(val);
        if (f < 0)
            return bad(pc, "unknown font:", val);
        if (key[0] == 'b')
            sp->body_font = f;
        else
            sp->head_font = f;
    } else if (!strcmp(key, "body-size")) {
        rc = parse_double(pc, val, 5.0, 24.0, &sp->body_pt);
    } else if (!strcmp(key, "leading")) {
        rc = parse_double(pc, val, 1.1, 3.0, &sp->leading);
    } else if (!strcmp(key, "folio-left")) {
        rc = set_text(pc, &sp->folio[0], val);
    } else if (!strcmp(key, "folio-centre")) {
        rc = set_text(pc, &sp->folio[1], val);
    } else if (!strcmp(key, "folio-right")) {
        rc = set_text(pc, &sp->folio[2], val);
    } else if (!strcmp(key, "note")) {
        rc = set_text(pc, &sp->note, val);
    } else if (!strcmp(key, "skew")) {
        rc = parse_double(pc, val, -3.0, 3.0, &sp->skew_deg);
    } else if (!strcmp(key, "blur")) {
        rc = parse_double(pc, val, 0.0, 3.0, &sp->blur);
    } else if (!strcmp(key, "noise")) {
        rc = parse_double(pc, val, 0.0, 40.0, &sp->noise);
    } else if (!strcmp(key, "lighting")) {
        rc = parse_double(pc, val, 0.0, 0.6, &sp->lighting);
    } else if (!strcmp(key, "yellow")) {
        rc = parse_bool(pc, val, &sp->yellow);
    } else if (!strcmp(key, "border")) {
        rc = parse_bool(pc, val, &sp->border);
    } else if (!strcmp(key, "bilevel")) {
        rc = parse_bool(pc, val, &sp->bilevel);
    } else if (!strcmp(key, "format")) {
        if (!strcmp(val, "png"))
            sp->format = SYN_FMT_PNG;
        else if (!strcmp(val, "jpeg"))
            sp->format = SYN_FMT_JPEG;
        else if (!strcmp(val, "tiff"))
            sp->format = SYN_FMT_TIFF;
        else
            return bad(pc, "format png, jpeg or tiff expected:", val);
    } else if (!strcmp(key, "jpeg-quality")) {
        rc = parse_int(pc, val, 10, 100, &sp->jpeg_quality);
    } else if (!strcmp(key, "dpi-tag")) {
        rc = parse_bool(pc, val, &sp->dpi_tag);
    } else {
        return bad(pc, "unknown key:", key);
    }
    return rc;
}

static void spec_defaults(syn_spec *sp, const char *path)
{
    const char *base = strrchr(path, '/');
    char *dot;

    base = base ? base + 1 : path;
    snprintf(sp->name, sizeof(sp->name), "%s", base);
    dot = strrchr(sp->name, '.');
    if (dot && dot != sp->name)
        *dot = '\0';
    sp->page_w_mm = 230;
    sp->page_h_mm = 330;
    sp->margin_mm[0] = sp->margin_mm[2] = 14;
    sp->margin_mm[1] = sp->margin_mm[3] = 12;
    sp->dpi = 300;
    sp->seed = 1;
    sp->columns = 3;
    sp->gutter_em = 1.0;
    sp->body_font = SYN_FONT_SERIF;
    sp->head_font = SYN_FONT_SANS_BOLD;
    sp->body_pt = 10.5;
    sp->leading = 1.6;
    sp->format = SYN_FMT_PNG;
    sp->jpeg_quality = 75;
    sp->dpi_tag = 1;
    sp->caption_font = sp->small_font = sp->section_font = -1;
    sp->indent_em = 2.0;
}

/* ids become XML IDs (ro_<article>, img_<photo>): keep them NCNames */
static int valid_id(const char *id)
{
    const char *p;

    if (!isalpha((unsigned char)id[0]) && id[0] != '_')
        return 0;
    for (p = id; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-' && *p != '.')
            return 0;
    return 1;
}

static int check_ids(const syn_spec *sp, const parse_ctx *pc)
{
    int i, j, k, l;

    for (i = 0; i < sp->narticles; i++) {
        const syn_article_spec *a = sp->articles[i];
        if (!valid_id(a->id)) {
            syn_error_set("%s: bad article id '%s' (letters, digits, _ - . only)", pc->path,
                          a->id);
            return SYN_ESPEC;
        }
        for (j = 0; j < i; j++)
            if (!strcmp(a->id, sp->articles[j]->id)) {
                syn_error_set("%s: duplicate article id '%s'", pc->path, a->id);
                return SYN_ESPEC;
            }
        for (k = 0; k < a->nphotos; k++) {
            if (!valid_id(a->photos[k].id)) {
                syn_error_set("%s: bad photo id '%s'", pc->path, a->photos[k].id);
                return SYN_ESPEC;
            }
            for (j = 0; j <= i; j++)
                for (l = 0; l < (j == i ? k : sp->articles[j]->nphotos); l++)
                    if (!strcmp(a->photos[k].id, sp->articles[j]->photos[l].id)) {
                        syn_error_set("%s: duplicate photo id '%s'", pc->path, a->photos[k].id);
                        return SYN_ESPEC;
                    }
        }
    }
    return 0;
}

static int check_spec(syn_spec *sp, const parse_ctx *pc)
{
    int i, rc;

    if (sp->narticles == 0)
        return bad(pc, "spec has no article", NULL);
    if ((rc = check_ids(sp, pc)))
        return rc;
    for (i = 0; i < sp->narticles; i++)
        if (sp->articles[i]->col1 >= sp->columns) {
            syn_error_set("%s: article %s uses column %d but the page has %d", pc->path,
                          sp->articles[i]->id, sp->articles[i]->col1 + 1, sp->columns);
            return SYN_ESPEC;
        }
    if (sp->margin_mm[1] + sp->margin_mm[3] > sp->page_w_mm * 0.5 ||
        sp->margin_mm[0] + sp->margin_mm[2] > sp->page_h_mm * 0.5)
        return bad(pc, "margins too large for the page", NULL);
    return 0;
}

/*
 * syn_spec_load: parse the spec at path.  On success *out is the caller's,
 * freed with syn_spec_free.  On failure *out is NULL and the error message
 * names the file and line.
 */
int syn_spec_load(syn_spec **out, const char *path)
{
    FILE *fp = NULL;
    char *line = NULL;
    syn_spec *sp = NULL;
    syn_article_spec *art = NULL;
    parse_ctx pc;
    const char *slash;
    int rc = 0;

    *out = NULL;
    memset(&pc, 0, sizeof(pc));
    pc.path = path;
    slash = strrchr(path, '/');
    if (slash && (size_t)(slash - path + 1) < sizeof(pc.dir))
        memcpy(pc.dir, path, (size_t)(slash - path + 1));
    fp = fopen(path, "rb");
    if (!fp) {
        syn_error_set("cannot open spec '%s': %s", path, strerror(errno));
        return SYN_EIO;
    }
    sp = calloc(1, sizeof(*sp));
    line = malloc(SYN_MAX_LINE);
    if (!sp || !line) {
        rc = SYN_ENOMEM;
        goto cleanup;
    }
    spec_defaults(sp, path);
    while (fgets(line, SYN_MAX_LINE, fp)) {
        char *key, *val, *p;
        size_t len = strlen(line);

        pc.lineno++;
        if (len == SYN_MAX_LINE - 1 && line[len - 1] != '\n') {
            rc = bad(&pc, "line too long", NULL);
            goto cleanup;
        }
        while (len && isspace((unsigned char)line[len - 1]))
            line[--len] = '\0';
        key = line;
        while (*key == ' ' || *key == '\t')
            key++;
        if (*key == '\0' || *key == '#')
            continue;
        p = key;
        while (*p && !isspace((unsigned char)*p))
            p++;
        val = p;
        if (*p) {
            *p = '\0';
            val = p + 1;
            while (*val == ' ' || *val == '\t')
                val++;
        }
        if (!strcmp(key, "article")) {
            char id[32], cols[32];
            int n = 0;
            if (art) {
                rc = bad(&pc, "article inside article (missing 'end')", NULL);
                goto cleanup;
            }
            if (sp->narticles >= SYN_MAX_ARTICLES) {
                rc = bad(&pc, "too many articles", NULL);
                goto cleanup;
            }
            if (sscanf(val, "%31s %31s%n", id, cols, &n) != 2 || val[n]) {
                rc = bad(&pc, "article ID COLS expected:", val);
                goto cleanup;
            }
            art = calloc(1, sizeof(*art));
            if (!art) {
                rc = SYN_ENOMEM;
                goto cleanup;
            }
            sp->articles[sp->narticles++] = art;
            snprintf(art->id, sizeof(art->id), "%s", id);
            if ((rc = parse_span(&pc, cols, SYN_MAX_COLUMNS, &art->col0, &art->col1)))
                goto cleanup;
            art->head_col0 = 0;
            art->head_col1 = art->col1 - art->col0;
            art->head_font = -1;
        } else if (!strcmp(key, "end")) {
            if (!art) {
                rc = bad(&pc, "'end' without article", NULL);
                goto cleanup;
            }
            if (art->nitems == 0) {
                rc = bad(&pc, "article has no text:", art->id);
                goto cleanup;
            }
            art = NULL;
        } else if (art) {
            if ((rc = parse_article_key(&pc, sp, art, key, val)))
                goto cleanup;
        } else if ((rc = parse_page_key(&pc, sp, key, val))) {
            goto cleanup;
        }
    }
    if (art) {
        rc = bad(&pc, "missing 'end' for article", art->id);
        goto cleanup;
    }
    if ((rc = check_spec(sp, &pc)))
        goto cleanup;
    *out = sp;
    sp = NULL;
cleanup:
    if (fp)
        fclose(fp);
    free(line);
    syn_spec_free(sp);
    return rc;
}

int syn_spec_new(syn_spec **out, const char *name)
{
    syn_spec *sp = calloc(1, sizeof(*sp));

    *out = NULL;
    if (!sp)
        return SYN_ENOMEM;
    spec_defaults(sp, name);
    *out = sp;
    return 0;
}

void syn_spec_free(syn_spec *sp)
{
    int i, j;

    if (!sp)
        return;
    for (i = 0; i < sp->narticles; i++) {
        syn_article_spec *a = sp->articles[i];
        free(a->headline);
        free(a->subheadline);
        free(a->byline);
        for (j = 0; j < a->nitems; j++)
            free(a->items[j].text);
        for (j = 0; j < a->nphotos; j++)
            free(a->photos[j].caption);
        free(a);
    }
    for (i = 0; i < 3; i++)
        free(sp->folio[i]);
    free(sp->note);
    free(sp);
}
