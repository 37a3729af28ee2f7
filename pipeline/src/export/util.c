/*
 * export_util.c - what the structured exports share: tokens, clean text, role names and
 * a checked layer over libxml2's xmlTextWriter.
 *
 *   nocr_line_tokens, nocr_tokens_free
 *   nocr_export_clean, nocr_export_structure, nocr_export_has_text, nocr_export_in_order,
 *   nocr_export_sequence, nocr_export_timestamp
 *   nocr_xw_open, nocr_xw_start, nocr_xw_start_ns, nocr_xw_end, nocr_xw_full_end,
 *   nocr_xw_indent, nocr_xw_attr,
 *   nocr_xw_attrf, nocr_xw_text, nocr_xw_element, nocr_xw_close
 *
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

const char *nocr_export_structure(nocr_role role)
{
    switch (role) {
    case NOCR_ROLE_PAGE_HEADER:
        return "folio";
    default:
        return nocr_role_name(role);
    }
}

int nocr_export_has_text(const nocr_region *region)
{
    return region->role != NOCR_ROLE_FIGURE && region->role != NOCR_ROLE_SEPARATOR;
}

int nocr_export_in_order(const nocr_region *region)
{
    return nocr_export_has_text(region) && region->order >= 0;
}

size_t *nocr_export_sequence(const nocr_page *page)
{
    if (page->nregions == 0)
        return NULL;
    size_t *seq = malloc(page->nregions * sizeof(*seq)), n = 0;
    if (!seq)
        return NULL;
    for (size_t i = 0; i < page->nregions; i++) {
        if (!nocr_export_in_order(page->regions[i]))
            continue;
        /* insertion sort by order, stable */
        size_t j = n++;
        while (j > 0 && page->regions[seq[j - 1]]->order > page->regions[i]->order) {
            seq[j] = seq[j - 1];
            j--;
        }
        seq[j] = i;
    }
    for (size_t i = 0; i < page->nregions; i++) {
        if (!nocr_export_in_order(page->regions[i]))
            seq[n++] = i;
    }
    return seq;
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

static nocr_box box_union(nocr_box a, nocr_box b)
{
    if (a.w <= 0 || a.h <= 0)
        return b;
    if (b.w <= 0 || b.h <= 0)
        return a;
    int l = a.x < b.x ? a.x : b.x, t = a.y < b.y ? a.y : b.y;
    int r = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int bt = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (nocr_box){l, t, r - l, bt - t};
}

void nocr_tokens_free(nocr_token *tokens, size_t n)
{
    for (size_t i = 0; tokens && i < n; i++)
        free(tokens[i].text);
    free(tokens);
}

/* Appends token words [first, end) of `line` (or the whole line when it has no words). */
static int tokens_push(nocr_token **v, size_t *n, size_t *cap, const nocr_line *line, size_t first,
                       size_t end)
{
    nocr_token t = {line->box, NULL, line->confidence, first, end};
    char *raw;
    if (first == end) {
        raw = nocr_strdup(line->text ? line->text : "");
    } else {
        size_t len = 1;
        for (size_t i = first; i < end; i++)
            len += strlen(line->words[i].text ? line->words[i].text : "");
        raw = malloc(len);
        if (raw) {
            size_t at = 0;
            t.box = (nocr_box){0, 0, 0, 0};
            t.confidence = 101;
            for (size_t i = first; i < end; i++) {
                const nocr_word *w = &line->words[i];
                size_t wn = strlen(w->text ? w->text : "");
                memcpy(raw + at, w->text ? w->text : "", wn);
                at += wn;
                t.box = box_union(t.box, w->box);
                if (w->confidence < t.confidence)
                    t.confidence = w->confidence;
            }
            raw[at] = '\0';
            if (t.confidence > 100 || t.confidence < 0)
                t.confidence = -1;
        }
    }
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

int nocr_line_tokens(nocr_token **out, size_t *out_n, const nocr_line *line)
{
    nocr_token *v = NULL;
    size_t n = 0, cap = 0;
    int rc = NOCR_OK;
    *out = NULL;
    *out_n = 0;
    if (line->nwords == 0) {
        rc = tokens_push(&v, &n, &cap, line, 0, 0);
    } else {
        size_t first = 0;
        for (size_t i = 1; i <= line->nwords && !rc; i++) {
            int split = i == line->nwords;
            if (!split) {
                const nocr_word *prev = &line->words[i - 1], *w = &line->words[i];
                const char *a = prev->text ? prev->text : "", *b = w->text ? w->text : "";
                int cjk = nocr_text_is_cjk(nocr_utf8_last(a)) || nocr_text_is_cjk(nocr_utf8_first(b));
                int gap = w->box.x - (prev->box.x + prev->box.w);
                split = !cjk || (float)gap > NOCR_TOKEN_SPACE_GAP * (float)line->box.h;
                if (split && (rc = space_survives(&split, a, b)))
                    break;
            }
            if (split) {
                rc = tokens_push(&v, &n, &cap, line, first, i);
                first = i;
            }
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

int nocr_export_begin(nocr_xw *xw, size_t **seq, char **out, const nocr_page *page,
                      const char *fn)
{
    if (!out || !page)
        return nocr_error_set(NOCR_EINVAL, "%s: NULL argument", fn);
    *out = NULL;
    *seq = nocr_export_sequence(page);
    if (!*seq && page->nregions)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    int rc = nocr_xw_open(xw);
    if (rc) {
        free(*seq);
        *seq = NULL;
    }
    return rc;
}

int nocr_export_end(nocr_xw *xw, size_t *seq, int rc, char **out, const char *what)
{
    free(seq);
    if (rc) {
        char *discard = NULL;
        nocr_xw_close(xw, &discard, what);
        free(discard);
        return rc;
    }
    return nocr_xw_close(xw, out, what);
}

size_t nocr_export_ordered_count(const nocr_page *page, const size_t *seq)
{
    size_t n = 0;
    while (n < page->nregions && nocr_export_in_order(page->regions[seq[n]]))
        n++;
    return n;
}
