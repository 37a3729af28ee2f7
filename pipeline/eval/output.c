/*
 * output.c: the system output under evaluation.
 *
 *   neval_output_load()       read an output file, format by extension
 *   neval_output_from_txt()   plain text: one output line per file line
 *   neval_output_free()       free
 *
 * static: json_value_bound()  an upper bound of the values in a JSON text
 *         output_from_json()  newsocr's JSON export (pipeline/schema/
 *                             newsocr-page.schema.json, version 1.x) turned
 *                             into the text its txt export gives
 *
 * The metrics only see neval_output: a JSON page becomes one line per
 * paragraph (each region's "paragraphs" texts), regions in reading order
 * ("order", regions without one are left out, as the txt leaves them out),
 * the first paragraph of a region that "continues" joined to the line
 * before, a blank line where the article changes: newsocr's txt.
 */
#include "eval.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unistr.h>

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);

    return n >= k && !strcmp(s + n - k, suffix);
}

int neval_output_from_txt(neval_output **out, const char *buf, size_t n, const char *name)
{
    neval_output *o = NULL;
    const uint8_t *bad;
    size_t i, j, lines;
    int rc = NEVAL_OK;

    *out = NULL;
    if (!name)
        name = "(memory)";
    if (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
        buf += 3;
        n -= 3;
    }
    if (n > neval_limits_get()->text_max)
        return neval_error_set(NEVAL_ERR_LIMIT, "%s: more than %zu bytes of text", name,
                               neval_limits_get()->text_max);
    bad = u8_check((const uint8_t *)buf, n);
    if (bad)
        return neval_error_set(NEVAL_ERR_PARSE, "%s: not valid UTF-8 at byte %zu", name,
                               (size_t)(bad - (const uint8_t *)buf));
    o = calloc(1, sizeof(*o));
    if (!o)
        return neval_error_set(NEVAL_ERR_NOMEM, "%s: out of memory", name);
    o->name = malloc(strlen(name) + 1);
    o->text = malloc(n + 1);
    if (!o->name || !o->text) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    memcpy(o->name, name, strlen(name) + 1);
    /* Copy without the CR of CRLF line ends. */
    for (i = j = 0; i < n; i++) {
        if (buf[i] == '\r' && i + 1 < n && buf[i + 1] == '\n')
            continue;
        o->text[j++] = buf[i];
    }
    o->text[j] = '\0';
    o->len = j;
    lines = 1;
    for (i = 0; i < o->len; i++)
        lines += (o->text[i] == '\n' && i + 1 < o->len);
    if (o->len == 0)
        lines = 0;
    o->line_offset = malloc((lines + 1) * sizeof(*o->line_offset));
    if (!o->line_offset) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    o->n_lines = lines;
    o->line_offset[0] = 0;
    for (i = 0, j = 1; i < o->len; i++) {
        if (o->text[i] == '\n' && i + 1 < o->len)
            o->line_offset[j++] = i + 1;
    }
    o->line_offset[lines] = o->len;
    *out = o;
    o = NULL;

cleanup:
    neval_output_free(o);
    return rc;
}

/* A growing text buffer for output_from_json. */
typedef struct {
    char *s;
    size_t len, cap;
} textbuf;

static int textbuf_add(textbuf *tb, const char *s, size_t n)
{
    if (tb->len + n + 1 > tb->cap) {
        size_t cap = tb->cap ? tb->cap : 4096;
        char *p;

        while (cap < tb->len + n + 1)
            cap *= 2;
        p = realloc(tb->s, cap);
        if (!p)
            return NEVAL_ERR_NOMEM;
        tb->s = p;
        tb->cap = cap;
    }
    memcpy(tb->s + tb->len, s, n);
    tb->len += n;
    tb->s[tb->len] = '\0';
    return NEVAL_OK;
}

/* Regions with an integer "order", sorted by it (stable). */
typedef struct {
    json_t *region;
    json_int_t order;
    size_t index; /* in the array, for a stable sort */
} ordered_region;

static int cmp_order(const void *a, const void *b)
{
    const ordered_region *x = a, *y = b;

    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * An upper bound of the number of values in n bytes of JSON: each value but the first
 * of a container follows a comma, the first its bracket.  Counted before parsing, so
 * that a file of millions of tiny values is refused before jansson builds them.
 */
static size_t json_value_bound(const char *buf, size_t n)
{
    size_t count = 1, i;
    int in_string = 0;

    for (i = 0; i < n; i++) {
        char c = buf[i];

        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
        } else if (c == ',' || c == '[' || c == '{') {
            count++;
        }
    }
    return count;
}

/*
 * output_from_json: newsocr's JSON page (schema "newsocr-page", version 1.x)
 * as the text its txt export gives, then read like txt.  Errors:
 * NEVAL_ERR_PARSE (not JSON: message names line and column),
 * NEVAL_ERR_INVALID (not a newsocr page), NEVAL_ERR_UNSUPPORTED (another
 * major version), NEVAL_ERR_NOMEM.
 */
static int output_from_json(neval_output **out, const char *buf, size_t n, const char *name)
{
    json_error_t jerr;
    json_t *root, *regions, *region;
    const char *schema, *version;
    ordered_region *v = NULL;
    textbuf tb = {NULL, 0, 0};
    size_t nv = 0, i, k;
    int rc = NEVAL_OK, have_prev = 0, open = 0; /* open: a paragraph's line is unfinished */
    json_t *prev_article = NULL;

    *out = NULL;
    if (json_value_bound(buf, n) > neval_limits_get()->nodes_max)
        return neval_error_set(NEVAL_ERR_LIMIT, "%s: more than %zu JSON values", name,
                               neval_limits_get()->nodes_max);
    root = json_loadb(buf, n, 0, &jerr);
    if (!root)
        return neval_error_set(NEVAL_ERR_PARSE, "%s: line %d column %d: not valid JSON (%s)",
                               name, jerr.line, jerr.column, jerr.text);
    schema = json_string_value(json_object_get(root, "schema"));
    version = json_string_value(json_object_get(root, "version"));
    regions = json_object_get(root, "regions");
    if (!schema || strcmp(schema, "newsocr-page") != 0 || !version || !json_is_array(regions)) {
        rc = neval_error_set(NEVAL_ERR_INVALID,
                             "%s: not a newsocr JSON page (schema \"newsocr-page\")", name);
        goto cleanup;
    }
    if (strncmp(version, "1.", 2) != 0) {
        rc = neval_error_set(NEVAL_ERR_UNSUPPORTED,
                             "%s: newsocr JSON schema version %s is not supported (1.x is)",
                             name, version);
        goto cleanup;
    }
    v = calloc(json_array_size(regions) + 1, sizeof(*v));
    if (!v) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    json_array_foreach(regions, i, region)
    {
        json_t *order = json_object_get(region, "order");

        if (json_is_integer(order) && json_integer_value(order) >= 0) {
            v[nv].region = region;
            v[nv].order = json_integer_value(order);
            v[nv].index = i;
            nv++;
        }
    }
    qsort(v, nv, sizeof(*v), cmp_order);
    rc = textbuf_add(&tb, "", 0);
    for (k = 0; k < nv && !rc; k++) {
        json_t *paras = json_object_get(v[k].region, "paragraphs"), *para;
        json_t *article = json_object_get(v[k].region, "article");
        int continues = json_is_true(json_object_get(v[k].region, "continues"));

        if (!json_is_array(paras) || json_array_size(paras) == 0)
            continue;
        if (!article)
            article = json_null();
        if (have_prev && !json_equal(article, prev_article)) {
            if (open)
                rc = textbuf_add(&tb, "\n", 1);
            if (!rc)
                rc = textbuf_add(&tb, "\n", 1);
            open = 0;
        }
        have_prev = 1;
        prev_article = article;
        json_array_foreach(paras, i, para)
        {
            const char *text = json_string_value(json_object_get(para, "text"));

            if (!text || rc)
                continue;
            if (i == 0 && continues && open) {
                /* the txt joins the pieces (nocr_text_join): a space between Latin
                 * words or numbers, nothing next to CJK */
                if (tb.len && isalnum((unsigned char)tb.s[tb.len - 1]) &&
                    isalnum((unsigned char)text[0]))
                    rc = textbuf_add(&tb, " ", 1);
            } else {
                if (open)
                    rc = textbuf_add(&tb, "\n", 1);
                open = 0;
            }
            if (!rc && *text) {
                rc = textbuf_add(&tb, text, strlen(text));
                open = 1;
            }
        }
    }
    if (!rc && open)
        rc = textbuf_add(&tb, "\n", 1);
    if (rc)
        rc = neval_error_set(NEVAL_ERR_NOMEM, "%s: out of memory", name);
    else
        rc = neval_output_from_txt(out, tb.s, tb.len, name);

cleanup:
    free(tb.s);
    free(v);
    json_decref(root);
    return rc;
}

int neval_output_load(neval_output **out, const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    int rc;

    *out = NULL;
    rc = neval_file_read(&buf, &len, path);
    if (!rc && (has_suffix(path, ".json") || has_suffix(path, ".JSON")))
        rc = output_from_json(out, buf, len, path);
    else if (!rc)
        rc = neval_output_from_txt(out, buf, len, path);
    free(buf);
    return rc;
}

void neval_output_free(neval_output *output)
{
    if (!output)
        return;
    free(output->name);
    free(output->text);
    free(output->line_offset);
    free(output);
}
