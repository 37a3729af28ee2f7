/*
 * error.c - the thread's last error message, and small shared utilities.
 *
 *   nocr_error_set, nocr_error_clear, nocr_error_last, nocr_error_name
 *   nocr_version, nocr_strdup, nocr_now, nocr_array_grow
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "core/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define NOCR_ERROR_MAX 512

static _Thread_local char last_error[NOCR_ERROR_MAX];

int nocr_error_set(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof(last_error), fmt, ap);
    va_end(ap);
    /* One line: a message is printed as "newsocr: MESSAGE" by the CLI. */
    for (char *p = last_error; *p; p++) {
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    }
    return code;
}

void nocr_error_clear(void)
{
    last_error[0] = '\0';
}

const char *nocr_error_last(void)
{
    return last_error;
}

const char *nocr_error_name(int code)
{
    switch (code) {
    case NOCR_OK:
        return "success";
    case NOCR_EINVAL:
        return "invalid argument";
    case NOCR_ENOENT:
        return "file not found";
    case NOCR_EREAD:
        return "read error";
    case NOCR_EFORMAT:
        return "not a valid image";
    case NOCR_ELIMIT:
        return "image size out of limits";
    case NOCR_EMODEL:
        return "model not found";
    case NOCR_EENGINE:
        return "recognition engine error";
    case NOCR_EWRITE:
        return "write error";
    case NOCR_ENOMEM:
        return "out of memory";
    default:
        return "internal error";
    }
}

const char *nocr_version(void)
{
    return NOCR_VERSION;
}

char *nocr_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

double nocr_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int nocr_array_grow(void **ptr, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return NOCR_OK;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need)
        ncap *= 2;
    void *p = realloc(*ptr, ncap * elem_size);
    if (!p)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    memset((char *)p + *cap * elem_size, 0, (ncap - *cap) * elem_size);
    *ptr = p;
    *cap = ncap;
    return NOCR_OK;
}
