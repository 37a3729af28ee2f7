/*
 * util.c: error messages and file reading for the evaluator.
 *
 *   neval_error_message()  the last error message of this thread
 *   neval_error_set()      record a message, return the code
 *   neval_limits_get()     the readers' limits
 *   neval_limits_set()     lower them (tests)
 *   neval_file_read()      read a whole file into memory
 */
#include "eval.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* One message per thread, set where the error is found (libgit2 style). */
static _Thread_local char error_buf[512];

const char *neval_error_message(void)
{
    return error_buf;
}

int neval_error_set(int code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(error_buf, sizeof(error_buf), fmt, ap);
    va_end(ap);
    return code;
}

static neval_limits limits = NEVAL_LIMITS_INIT;

const neval_limits *neval_limits_get(void)
{
    return &limits;
}

/* A limit lowered by v: 0 or anything above the default keeps the default. */
static size_t limit_lower(size_t v, size_t def)
{
    return v && v < def ? v : def;
}

void neval_limits_set(const neval_limits *l)
{
    const neval_limits def = NEVAL_LIMITS_INIT;

    limits = def;
    if (!l)
        return;
    limits.file_max = limit_lower(l->file_max, def.file_max);
    limits.nodes_max = limit_lower(l->nodes_max, def.nodes_max);
    limits.text_max = limit_lower(l->text_max, def.text_max);
}

/*
 * Reads in chunks rather than trusting fseek/ftell, so pipes and /dev/stdin
 * work too.  The buffer grows geometrically up to the file_max limit + 4097 bytes.
 */
int neval_file_read(char **out, size_t *out_len, const char *path)
{
    FILE *fp = NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, max = limits.file_max;
    int rc = NEVAL_OK;

    *out = NULL;
    *out_len = 0;
    fp = fopen(path, "rb");
    if (!fp) {
        rc = neval_error_set(NEVAL_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        goto cleanup;
    }
    for (;;) {
        size_t got;

        if (cap - len < 4096 + 1) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nbuf;

            if (ncap > max + 4096 + 1)
                ncap = max + 4096 + 1;
            if (ncap <= cap) {
                rc = neval_error_set(NEVAL_ERR_LIMIT, "%s: larger than %zu bytes", path, max);
                goto cleanup;
            }
            nbuf = realloc(buf, ncap);
            if (!nbuf) {
                rc = neval_error_set(NEVAL_ERR_NOMEM, "%s: out of memory", path);
                goto cleanup;
            }
            buf = nbuf;
            cap = ncap;
        }
        got = fread(buf + len, 1, cap - len - 1, fp);
        len += got;
        if (len > max) {
            rc = neval_error_set(NEVAL_ERR_LIMIT, "%s: larger than %zu bytes", path, max);
            goto cleanup;
        }
        if (got == 0) {
            if (ferror(fp)) {
                rc = neval_error_set(NEVAL_ERR_IO, "%s: read error: %s", path, strerror(errno));
                goto cleanup;
            }
            break;
        }
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    buf = NULL;

cleanup:
    free(buf);
    if (fp)
        fclose(fp);
    return rc;
}
