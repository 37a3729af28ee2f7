/*
 * oom.h - an allocator that fails on demand, for the out-of-memory tests of one program
 * (include it once, before anything allocates). It replaces malloc, calloc, realloc and free
 * with glibc's own entry points and counts live blocks. OOM_SKIP is defined, and nothing
 * replaced, where that cannot work: under AddressSanitizer (its allocator) or without glibc.
 *
 *   fail_in   allocations to let through before one fails; -1: none fails
 *   failed    set when an allocation was made to fail
 *   live      blocks allocated and not freed
 */
#ifndef NEWSOCR_TEST_OOM_H
#define NEWSOCR_TEST_OOM_H

#include <stddef.h>

#if defined(__SANITIZE_ADDRESS__)
#define OOM_SKIP 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OOM_SKIP 1
#endif
#endif
#if !defined(OOM_SKIP) && !defined(__GLIBC__)
#define OOM_SKIP 1
#endif

#ifndef OOM_SKIP
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void __libc_free(void *p);

static long fail_in = -1; /* allocations to let through before one fails; -1: none fails */
static int failed;        /* an allocation was made to fail */
static long live;         /* blocks allocated and not freed */

static int fail_now(void)
{
    if (fail_in < 0 || fail_in-- > 0)
        return 0;
    failed = 1;
    return 1;
}

void *malloc(size_t size)
{
    void *p = fail_now() ? NULL : __libc_malloc(size);
    live += p != NULL;
    return p;
}

void *calloc(size_t n, size_t size)
{
    void *p = fail_now() ? NULL : __libc_calloc(n, size);
    live += p != NULL;
    return p;
}

void *realloc(void *old, size_t size)
{
    void *p = fail_now() ? NULL : __libc_realloc(old, size);
    live += p != NULL && old == NULL;
    return p;
}

void free(void *p)
{
    live -= p != NULL;
    __libc_free(p);
}
#endif /* OOM_SKIP */

#endif /* NEWSOCR_TEST_OOM_H */
