/*
 * util.c - what the exports share: names, the sequence of regions, tokens, clean text and a
 * checked layer over libxml2's xmlTextWriter, with the start, end and reading order every
 * XML export writes alike.
 *
 *   nocr_export_clean, nocr_export_region_id,
 *   nocr_export_image_path, nocr_export_image_name, nocr_export_settings,
 *   nocr_export_lang, nocr_export_lang_names,
 *   nocr_export_in_order, nocr_export_sequence, nocr_export_ordered_count,
 *   nocr_export_timestamp
 *   nocr_line_tokens, nocr_tokens_free
 *   nocr_xw_open, nocr_xw_start, nocr_xw_start_ns, nocr_xw_end, nocr_xw_full_end,
 *   nocr_xw_indent, nocr_xw_attr, nocr_xw_attrf, nocr_xw_conf, nocr_xw_text,
 *   nocr_xw_element, nocr_xw_close
 *   nocr_export_xml, nocr_export_reading_order
 *
 * static helpers: tokens_push, word_span_text, space_survives, token_split
 */
#define _POSIX_C_SOURCE 200809L /* gmtime_r */
#include "export/export.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

char *nocr_export_clean(const char *s, int xml)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    char *out = malloc(3 * n + 1), *o = out; /* U+FFFD is 3 bytes for each bad byte */
    if (!out)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned cp;
        size_t len = nocr_utf8_decode(&cp, (const char *)p);
        int bad = cp == 0xfffd || cp == 0xfffe || cp == 0xffff ||
                  (xml && cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r');
        if (bad) {
            memcpy(o, "\xef\xbf\xbd", 3);
            o += 3;
        } else {
            memcpy(o, p, len);
            o += len;
        }
        p += len;
    }
    *o = '\0';
    return out;
}

void nocr_export_region_id(char *out, size_t n, size_t k)
{
    snprintf(out, n, "r%zu", k + 1);
}

const char *nocr_export_image_path(const nocr_page *page, const nocr_export_info *info)
{
    const char *name = info && info->image_name ? info->image_name : nocr_page_source(page);
    return name && *name ? name : NULL;
}

const char *nocr_export_image_name(const nocr_page *page, const nocr_export_info *info)
{
    const char *name = nocr_export_image_path(page, info);
    if (!name)
        return "page";
    const char *slash = strrchr(name, '/');
    return slash && slash[1] ? slash + 1 : name;
}

void nocr_export_settings(char *out, size_t n, const nocr_export_info *info)
{
    snprintf(out, n, "lang=%s; %s", info && info->lang ? info->lang : "",
             info && info->settings ? info->settings : "");
}

const char *nocr_export_lang(const nocr_page *page, const nocr_export_info *info)
{
    const char *lang = nocr_page_lang(page);
    if (lang && *lang)
        return lang;
    return info && info->lang && *info->lang ? info->lang : NULL;
}

/* The Tesseract models newsocr uses or lists (--list-langs); a language string names its
 * models joined by '+'. */
static const struct {
    const char *tess;
    nocr_lang_names names;
} lang_table[] = {
    {"chi_sim", {"zh", "Hans", "zh-Hans", "Chinese", "Hans - Han (Simplified variant)"}},
    {"chi_tra", {"zh", "Hant", "zh-Hant", "Chinese", "Hant - Han (Traditional variant)"}},
    {"eng", {"en", "Latn", "en", "English", "Latn - Latin"}},
};

nocr_lang_names nocr_export_lang_names(const char *tess_lang)
{
    nocr_lang_names none = {NULL, NULL, NULL, NULL, NULL};
    if (!tess_lang)
        return none;
    size_t n = strcspn(tess_lang, "+");
    for (size_t i = 0; i < sizeof(lang_table) / sizeof(lang_table[0]); i++) {
        size_t k = strlen(lang_table[i].tess);
        /* chi_tra and chi_tra_vert: the same language and script */
        if (n >= k && !strncmp(tess_lang, lang_table[i].tess, k) &&
            (n == k || (n - k == 5 && !strncmp(tess_lang + k, "_vert", 5))))
            return lang_table[i].names;
    }
    return none;
}

int nocr_export_in_order(const nocr_region *region)
{
    return nocr_role_is_text(nocr_region_role(region)) && nocr_region_order(region) >= 0;
}

int nocr_export_sequence(size_t **out, const nocr_page *page)
{
    size_t nregions = nocr_page_region_count(page), n = 0;
    *out = NULL;
    if (nregions == 0)
        return NOCR_OK;
    size_t *seq = malloc(nregions * sizeof(*seq));
    if (!seq)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    for (size_t i = 0; i < nregions; i++) {
        const nocr_region *region = nocr_page_region(page, i);
        if (!nocr_export_in_order(region))
            continue;
        /* insertion sort by order, stable */
        size_t j = n++;
        while (j > 0 &&
               nocr_region_order(nocr_page_region(page, seq[j - 1])) > nocr_region_order(region)) {
            seq[j] = seq[j - 1];
            j--;
        }
        seq[j] = i;
    }
    for (size_t i = 0; i < nregions; i++) {
        if (!nocr_export_in_order(nocr_page_region(page, i)))
            seq[n++] = i;
    }
    *out = seq;
    return NOCR_OK;
}

size_t nocr_export_ordered_count(const nocr_page *page, const size_t *seq)
{
    size_t n = 0, nregions = nocr_page_region_count(page);
    while (n < nregions && nocr_export_in_order(nocr_page_region(page, seq[n])))
        n++;
    return n;
}

void nocr_export_timestamp(char out[32])
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v = epoch ? strtoll(epoch, &end, 10) : 0;
    time_t t = epoch && end != epoch && *end == '\0' && v >= 0 ? (time_t)v : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- tokens ---- */

void nocr_tokens_free(nocr_token *tokens, size_t n)
{
    for (size_t i = 0; tokens && i < n; i++)
        free(tokens[i].text);
    free(tokens);
}

/* The text of words [first, end) of `line` run together, into t->text (malloc'd; NULL when
 * out of memory), with their box and lowest confidence in t. */
static void word_span_text(nocr_token *t, const nocr_line *line, size_t first, size_t end)
{
    size_t len = 1;
    for (size_t i = first; i < end; i++)
        len += strlen(nocr_word_text(nocr_line_word(line, i)));
    if (!(t->text = malloc(len)))
        return;
    size_t at = 0;
    t->box = (nocr_box){0, 0, 0, 0};
    t->confidence = 101;
    for (size_t i = first; i < end; i++) {
        const nocr_word *w = nocr_line_word(line, i);
        size_t wn = strlen(nocr_word_text(w));
        memcpy(t->text + at, nocr_word_text(w), wn);
        at += wn;
        t->box = nocr_box_union(t->box, nocr_word_box(w));
        if (nocr_word_confidence(w) < t->confidence)
            t->confidence = nocr_word_confidence(w);
    }
    t->text[at] = '\0';
    if (t->confidence > 100 || t->confidence < 0)
        t->confidence = -1;
}

/* Appends token words [first, end) of `line` (or the whole line when it has no words). */
static int tokens_push(nocr_token **v, size_t *n, size_t *cap, const nocr_line *line, size_t first,
                       size_t end)
{
    nocr_token t = {nocr_line_box(line), NULL, nocr_line_confidence(line), first, end};
    if (first == end)
        t.text = nocr_strdup(nocr_line_text(line));
    else
        word_span_text(&t, line, first, end);
    char *raw = t.text;
    if (!raw)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    int rc = nocr_text_normalize(&t.text, raw);
    free(raw);
    if (rc)
        return rc;
    if (!*t.text) {
        free(t.text);
        return NOCR_OK;
    }
    if ((rc = NOCR_ARRAY_GROW(*v, *cap, *n + 1))) {
        free(t.text);
        return rc;
    }
    (*v)[(*n)++] = t;
    return NOCR_OK;
}

/* Whether nocr_text_normalize keeps the space in "a b" (it removes it between two CJK
 * characters and around CJK punctuation): the line's text has a space there only then. */
static int space_survives(int *out, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *both = malloc(na + nb + 2), *clean = NULL;
    if (!both)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    memcpy(both, a, na);
    both[na] = ' ';
    memcpy(both + na + 1, b, nb + 1);
    int rc = nocr_text_normalize(&clean, both);
    free(both);
    if (rc)
        return rc;
    *out = strchr(clean, ' ') != NULL;
    free(clean);
    return NOCR_OK;
}

/* Whether a new token starts at word i (> 0) of `line`: a Latin side at the join or a gap
 * wider than NOCR_TOKEN_SPACE_GAP of the line height, and a space the text keeps. */
static int token_split(int *out, const nocr_line *line, size_t i)
{
    const nocr_word *prev = nocr_line_word(line, i - 1), *w = nocr_line_word(line, i);
    const char *a = nocr_word_text(prev), *b = nocr_word_text(w);
    nocr_box pb = nocr_word_box(prev), wb = nocr_word_box(w);
    int cjk = nocr_text_is_cjk(nocr_utf8_last(a)) || nocr_text_is_cjk(nocr_utf8_first(b));
    int gap = wb.x - (pb.x + pb.w);
    *out = !cjk || (float)gap > NOCR_TOKEN_SPACE_GAP * (float)nocr_line_box(line).h;
    return *out ? space_survives(out, a, b) : NOCR_OK;
}

int nocr_line_tokens(nocr_token **out, size_t *out_n, const nocr_line *line)
{
    nocr_token *v = NULL;
    size_t n = 0, cap = 0, nwords = nocr_line_word_count(line);
    int rc = NOCR_OK;
    *out = NULL;
    *out_n = 0;
    if (nwords == 0)
        rc = tokens_push(&v, &n, &cap, line, 0, 0);
    for (size_t i = 1, first = 0; i <= nwords && !rc; i++) {
        int split = i == nwords;
        if (!split && (rc = token_split(&split, line, i)))
            break;
        if (split) {
            rc = tokens_push(&v, &n, &cap, line, first, i);
            first = i;
        }
    }
    if (rc) {
        nocr_tokens_free(v, n);
        return rc;
    }
    *out = v;
    *out_n = n;
    return NOCR_OK;
}

/* ---- XML writer ---- */

int nocr_xw_open(nocr_xw *xw)
{
    memset(xw, 0, sizeof(*xw));
    if (!(xw->buf = xmlBufferCreate()) || !(xw->w = xmlNewTextWriterMemory(xw->buf, 0))) {
        xmlBufferFree(xw->buf);
        xw->buf = NULL;
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    }
    xmlTextWriterSetIndent(xw->w, 1);
    xmlTextWriterSetIndentString(xw->w, BAD_CAST "  ");
    if (xmlTextWriterStartDocument(xw->w, "1.0", "UTF-8", NULL) < 0)
        xw->failed = 1;
    return NOCR_OK;
}

void nocr_xw_start(nocr_xw *xw, const char *name)
{
    if (!xw->failed && xmlTextWriterStartElement(xw->w, BAD_CAST name) < 0)
        xw->failed = 1;
}

void nocr_xw_start_ns(nocr_xw *xw, const char *name, const char *ns)
{
    if (!xw->failed && xmlTextWriterStartElementNS(xw->w, NULL, BAD_CAST name, BAD_CAST ns) < 0)
        xw->failed = 1;
}

void nocr_xw_end(nocr_xw *xw)
{
    if (!xw->failed && xmlTextWriterEndElement(xw->w) < 0)
        xw->failed = 1;
}

void nocr_xw_full_end(nocr_xw *xw)
{
    if (!xw->failed && xmlTextWriterFullEndElement(xw->w) < 0)
        xw->failed = 1;
}

void nocr_xw_indent(nocr_xw *xw, int on)
{
    if (!xw->failed && xmlTextWriterSetIndent(xw->w, on) < 0)
        xw->failed = 1;
}

void nocr_xw_attr(nocr_xw *xw, const char *name, const char *value)
{
    if (xw->failed)
        return;
    char *clean = nocr_export_clean(value, 1);
    if (!clean || xmlTextWriterWriteAttribute(xw->w, BAD_CAST name, BAD_CAST clean) < 0)
        xw->failed = 1;
    free(clean);
}

void nocr_xw_attrf(nocr_xw *xw, const char *name, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    nocr_xw_attr(xw, name, buf);
}

void nocr_xw_conf(nocr_xw *xw, const char *name, float confidence)
{
    if (confidence >= 0)
        nocr_xw_attrf(xw, name, "%.3f", confidence > 100 ? 1.0 : confidence / 100.0);
}

void nocr_xw_text(nocr_xw *xw, const char *text)
{
    if (xw->failed)
        return;
    char *clean = nocr_export_clean(text, 1);
    if (!clean || xmlTextWriterWriteString(xw->w, BAD_CAST clean) < 0)
        xw->failed = 1;
    free(clean);
}

void nocr_xw_element(nocr_xw *xw, const char *name, const char *text)
{
    nocr_xw_start(xw, name);
    nocr_xw_text(xw, text);
    nocr_xw_end(xw);
}

int nocr_xw_close(nocr_xw *xw, char **out, const char *what)
{
    *out = NULL;
    if (!xw->failed && xmlTextWriterEndDocument(xw->w) < 0)
        xw->failed = 1;
    xmlFreeTextWriter(xw->w); /* flushes into buf */
    xw->w = NULL;
    int rc = NOCR_OK;
    if (xw->failed || !(*out = nocr_strdup((const char *)xmlBufferContent(xw->buf))))
        rc = nocr_error_set(NOCR_ENOMEM, "%s: cannot write the XML (out of memory)", what);
    xmlBufferFree(xw->buf);
    xw->buf = NULL;
    return rc;
}

int nocr_export_xml(char **out, const nocr_page *page, const nocr_export_info *info,
                    const nocr_xml_format *fmt, void *data)
{
    if (!out || !page)
        return nocr_error_set(NOCR_EINVAL, "%s: NULL argument", fmt->fn);
    *out = NULL;
    size_t *seq;
    nocr_xw xw;
    int rc = nocr_export_sequence(&seq, page);
    if (rc || (rc = nocr_xw_open(&xw))) {
        free(seq);
        return rc;
    }
    fmt->head(&xw, page, info, seq, data);
    for (size_t s = 0; s < nocr_page_region_count(page) && !rc; s++) {
        const nocr_region *region = nocr_page_region(page, seq[s]);
        if (nocr_export_in_order(region))
            rc = fmt->text(&xw, region, seq[s], data);
        else
            fmt->other(&xw, region, seq[s]);
    }
    fmt->tail(&xw);
    free(seq);
    if (rc) {
        char *discard = NULL;
        nocr_xw_close(&xw, &discard, fmt->what);
        free(discard);
        return rc;
    }
    return nocr_xw_close(&xw, out, fmt->what);
}

void nocr_export_reading_order(nocr_xw *xw, const nocr_page *page, const size_t *seq,
                               const nocr_ro_format *fmt, void *data)
{
    size_t n = nocr_export_ordered_count(page, seq), nregions = nocr_page_region_count(page);
    if (n == 0)
        return;
    int *seen = calloc(nregions + 1, sizeof(*seen)); /* runs per article so far */
    if (!seen) {
        xw->failed = 1;
        return;
    }
    nocr_xw_start(xw, "ReadingOrder");
    nocr_xw_start(xw, "OrderedGroup");
    nocr_xw_attr(xw, fmt->id_attr, "ro_page");
    if (fmt->caption)
        nocr_xw_attr(xw, "caption", fmt->caption);
    int group = -1, runs = 0;
    for (size_t s = 0; s < n; s++) {
        const nocr_region *region = nocr_page_region(page, seq[s]);
        int article = nocr_region_article(region);
        if (group >= 0 && article != group) {
            nocr_xw_end(xw);
            group = -1;
        }
        if (article >= 0 && group < 0) {
            int nth = (size_t)article < nregions ? ++seen[article] : 1;
            fmt->group(xw, article, ++runs, nth, data);
            group = article;
        }
        size_t np = nocr_paragraph_count(region);
        for (size_t p = 0; p < np; p++) {
            char id[64];
            nocr_paragraph_id(id, sizeof(id), region, seq[s], p);
            fmt->ref(xw, id, group >= 0, data);
        }
    }
    if (group >= 0)
        nocr_xw_end(xw);
    nocr_xw_end(xw);
    nocr_xw_end(xw);
    free(seen);
}
