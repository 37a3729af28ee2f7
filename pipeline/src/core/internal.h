/*
 * internal.h - private declarations shared by the library's modules.
 *
 * Not installed; the CLI and the tests use only newsocr.h.
 *
 *   nocr_error_set      set this thread's one-line message and return the code
 *   nocr_error_clear    forget the last message
 *   nocr_strdup         strdup through our allocator (NULL in, NULL out)
 *   nocr_utf8_*         strict UTF-8 decoding and counting (text.c)
 *   nocr_now            monotonic clock, seconds
 *   NOCR_ARRAY_GROW     grow a dynamic array by doubling
 *   nocr_line_copy      a line appended to a region again, words and all (page.c)
 *   nocr_box_union      the smallest box holding two boxes (inline)
 */
#ifndef NEWSOCR_INTERNAL_H
#define NEWSOCR_INTERNAL_H

#include "newsocr.h"

#include <stdlib.h>

#if defined(__GNUC__)
#define NOCR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define NOCR_PRINTF(fmt, args)
#endif

/* Formats the thread's error message (truncated to one line of at most 511 bytes) and
 * returns `code`, so that errors are set where they are found:
 *     return nocr_error_set(NOCR_EFORMAT, "%s: not an image", path); */
int nocr_error_set(int code, const char *fmt, ...) NOCR_PRINTF(2, 3);
void nocr_error_clear(void);

char *nocr_strdup(const char *s);

/* Strict UTF-8 (text.c): decodes the code point at s (NUL-terminated) into *cp and returns
 * the bytes used (>= 1); invalid input gives U+FFFD. _first and _last return the first and
 * last code point of a string, 0 for "". */
size_t nocr_utf8_decode(unsigned *cp, const char *s);
unsigned nocr_utf8_first(const char *s);
unsigned nocr_utf8_last(const char *s);
/* Code points in a NUL-terminated UTF-8 string (each invalid subpart counts as one). */
size_t nocr_utf8_count(const char *s);
double nocr_now(void);

/* The folio band: the folio line (page number, section, date) and the rule under it lie in
 * the top 1/NOCR_FOLIO_BAND_DIV of the page. On the 26 samples (A4 and A3, 150-400 dpi)
 * the folio line ends within the top 8% (GT boxes; skewed pages highest); the layout stage looks
 * for the folio rule there and the reading order recognizes a folio by its text only there. */
#define NOCR_FOLIO_BAND_DIV 10

/* Headline type: text at least NOCR_HEADLINE_EMS body heights tall. Chosen by hand on the
 * 26 samples (headline type is 1.8 to 8 body heights there, kickers and subheadlines 1.45
 * to 1.6). newsocr's layout sizes its regions by it (layout/roles.c), and so are
 * Tesseract's blocks (recog/second.c) and the text the coverage check adds back
 * (order/roles.c). */
#define NOCR_HEADLINE_EMS 1.6

/* Below NOCR_NOISE_CONF mean confidence (Tesseract's 0-100) a region is not text: the
 * texture of a photo, dirt (order/roles.c; measured on the samples in c3c4709: no real
 * text region below 10, the noisiest fax page has one). A column of characters the
 * coverage check adds back is held to it too (layout/coverage.c). */
#define NOCR_NOISE_CONF 20.0f

/* Grows array `ptr` (of *cap elements) to hold at least `need`; returns 0 or NOCR_ENOMEM.
 * Elements past the old capacity are zeroed. */
int nocr_array_grow(void **ptr, size_t *cap, size_t need, size_t elem_size);
#define NOCR_ARRAY_GROW(ptr, cap, need)                                                           \
    nocr_array_grow((void **)&(ptr), &(cap), (need), sizeof(*(ptr)))

/* qsort's comparison of two ints, ascending (inline: the unit tests that compile one
 * module's file link only the library's public symbols). */
static inline int nocr_cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Appends a copy of line `src` to region dst: box, work box, text, confidence, paragraph
 * mark and words (page.c). The page API has no call that moves a line: a step that
 * reorders lines, or moves them to another region, copies them and removes the
 * originals. Errors: NOCR_ENOMEM (a partial copy may stay appended: the caller removes
 * it). */
int nocr_line_copy(nocr_region *dst, const nocr_line *src);

/* The smallest box holding a and b; a box without area (w or h <= 0) counts for nothing
 * (of two such boxes, b is returned). Inline, so that a unit test compiling in one file
 * (tests/unit/test_ink.c: layout/coverage.c) needs no other. */
static inline nocr_box nocr_box_union(nocr_box a, nocr_box b)
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

#endif /* NEWSOCR_INTERNAL_H */
