/*
 * check.h - the smallest test harness: CHECK counts failures and prints file:line.
 *
 *   CHECK(cond)             fails when cond is false
 *   CHECK_INT(got, want)    compares integers
 *   CHECK_STR(got, want)    compares strings (NULL-safe)
 *   CHECK_DONE()            prints "N passed, M failed" and returns the exit status
 *   check_own_text(buf, k)  text of its own for the k-th line of a made-up page
 *   check_skewed(b, deg, w, h)  a box of a straight page as it stands on a skewed scan
 */
#ifndef NEWSOCR_TEST_CHECK_H
#define NEWSOCR_TEST_CHECK_H

#include "newsocr.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_passed, check_failed;

#define CHECK(cond)                                                                            \
    do {                                                                                       \
        if (cond) {                                                                            \
            check_passed++;                                                                    \
        } else {                                                                               \
            check_failed++;                                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);          \
        }                                                                                      \
    } while (0)

#define CHECK_INT(got, want)                                                                   \
    do {                                                                                       \
        long long g_ = (long long)(got), w_ = (long long)(want);                               \
        if (g_ == w_) {                                                                        \
            check_passed++;                                                                    \
        } else {                                                                               \
            check_failed++;                                                                    \
            fprintf(stderr, "%s:%d: %s = %lld, expected %lld\n", __FILE__, __LINE__, #got, g_, \
                    w_);                                                                       \
        }                                                                                      \
    } while (0)

#define CHECK_STR(got, want)                                                                   \
    do {                                                                                       \
        const char *g_ = (got), *w_ = (want);                                                  \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                                 \
            check_passed++;                                                                    \
        } else {                                                                               \
            check_failed++;                                                                    \
            fprintf(stderr, "%s:%d: %s = \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #got,  \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                                   \
        }                                                                                      \
    } while (0)

#define CHECK_DONE()                                                                           \
    (printf("%d passed, %d failed\n", check_passed, check_failed), check_failed ? 1 : 0)

/* Three CJK characters that no other k (below 0x5000 / 3) gives, into buf (10 bytes), for
 * the lines of pages made up at random: the reading-order stage leaves out a line whose
 * text a line over the same print also says (print read twice), so random pages whose
 * overlapping lines all said the same lost them (order/twice.c). */
static inline const char *check_own_text(char *buf, int k)
{
    char *o = buf;
    for (int j = 0; j < 3; j++) {
        unsigned c = 0x4E00u + (unsigned)(3 * k + j) % 0x5000u;
        *o++ = (char)(0xE0 | (c >> 12));
        *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (char)(0x80 | (c & 0x3F));
    }
    *o = 0;
    return buf;
}

/* Box b of the straightened page as it stands on a scan skewed by `deg` degrees (page
 * w x h): the bounding box of its corners turned about the page centre, as preprocessing's
 * mapping back to the original gives it. */
static inline nocr_box check_skewed(nocr_box b, double deg, int w, int h)
{
    double a = deg * 3.14159265358979 / 180.0, cx = w / 2.0, cy = h / 2.0;
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (int k = 0; k < 4; k++) {
        double dx = b.x + (k & 1 ? b.w : 0) - cx, dy = b.y + (k & 2 ? b.h : 0) - cy;
        double x = cx + dx * cos(a) - dy * sin(a), y = cy + dx * sin(a) + dy * cos(a);
        x0 = x < x0 ? x : x0;
        x1 = x > x1 ? x : x1;
        y0 = y < y0 ? y : y0;
        y1 = y > y1 ? y : y1;
    }
    return (nocr_box){(int)x0, (int)y0, (int)(x1 - x0 + 0.5), (int)(y1 - y0 + 0.5)};
}

#endif /* NEWSOCR_TEST_CHECK_H */
