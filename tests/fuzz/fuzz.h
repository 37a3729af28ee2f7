/*
 * fuzz.h - what the harnesses share: a property check that aborts (libFuzzer then saves
 * the input as a crash), and a reader of the fuzz bytes as a stream of small integers.
 *
 *   FUZZ_CHECK      abort with the failed property and its location
 *   fuzz_reader     fuzz_u8, fuzz_u16, fuzz_left: read the input, 0 past its end
 */
#ifndef NEWSOCR_FUZZ_H
#define NEWSOCR_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* A violated property is a bug in the code under test (never in the input): say which
 * and abort, so that libFuzzer writes the input out as crash-<sha1>. */
#define FUZZ_CHECK(cond)                                                                          \
    do {                                                                                          \
        if (!(cond)) {                                                                            \
            fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #cond);         \
            abort();                                                                              \
        }                                                                                         \
    } while (0)

/* The fuzz input read front to back; reads past the end give 0, so every input decodes. */
typedef struct fuzz_reader {
    const uint8_t *data;
    size_t size, pos;
} fuzz_reader;

static inline size_t fuzz_left(const fuzz_reader *r)
{
    return r->size - r->pos;
}

static inline unsigned fuzz_u8(fuzz_reader *r)
{
    return r->pos < r->size ? r->data[r->pos++] : 0;
}

/* Little-endian. */
static inline unsigned fuzz_u16(fuzz_reader *r)
{
    unsigned lo = fuzz_u8(r);
    return lo | fuzz_u8(r) << 8;
}

#endif /* NEWSOCR_FUZZ_H */
