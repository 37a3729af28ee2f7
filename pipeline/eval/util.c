/*
 * util.c: error messages and file reading for the evaluator.
 *
 *   neval_error_message()  the last error message of this thread
 *   neval_error_set()      record a message, return the code
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

/*
 * Reads in chunks rather than trusting fseek/ftell, so pipes and /dev/stdin
 * work too.  The buffer grows geometrically up to NEVAL_FILE_MAX + 1 bytes.
 */
int neval_file_read(char **out, size_t *out_len, const char *path)
{
    FILE *fp = NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
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

            if (ncap > NEVAL_FILE_MAX + 4096 + 1)
                ncap = NEVAL_FILE_MAX + 4096 + 1;
            if (ncap <= cap) {
                rc = neval_error_set(NEVAL_ERR_LIMIT, "%s: larger than %zu bytes", path,
                                     (size_t)NEVAL_FILE_MAX);
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
        if (len > NEVAL_FILE_MAX) {
            rc = neval_error_set(NEVAL_ERR_LIMIT, "%s: larger than %zu bytes", path,
                                 (size_t)NEVAL_FILE_MAX);
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
