/*
 * output.c: the system output under evaluation.
 *
 *   neval_output_load()       read an output file, format by extension
 *   neval_output_from_txt()   plain text: one output line per file line
 *   neval_output_free()       free
 *
 * Adding newsocr's JSON export later: write neval_output_from_json() that
 * fills the same neval_output (one line per output paragraph, in output
 * order) and dispatch to it from neval_output_load(); the metrics only see
 * neval_output.
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

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

int neval_output_load(neval_output **out, const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    int rc;

    *out = NULL;
    if (has_suffix(path, ".json") || has_suffix(path, ".JSON"))
        return neval_error_set(NEVAL_ERR_UNSUPPORTED,
                               "%s: JSON output is not supported yet (give the txt output)", path);
    rc = neval_file_read(&buf, &len, path);
    if (!rc)
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
