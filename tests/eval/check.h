/*
 * check.h: the evaluator tests' assertion macros (no framework).
 *
 *   CHECK(cond)            fail when cond is false
 *   CHECK_INT(a, b)        fail when the integers differ, printing both
 *   CHECK_NEAR(a, b, tol)  fail when |a - b| > tol, printing both
 *   CHECK_NAN(a)           fail when a is not NAN (metric not applicable)
 *   CHECK_DONE()           return the exit status of main()
 *
 * A failure prints file:line and the expression to stderr and exits 1 at
 * once, so one broken case cannot hide behind a crash in the next.
 */
#ifndef NEWSOCR_TESTS_EVAL_CHECK_H
#define NEWSOCR_TESTS_EVAL_CHECK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond)                                                                               \
    do {                                                                                          \
        if (!(cond)) {                                                                            \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);              \
            exit(1);                                                                              \
        }                                                                                         \
    } while (0)

#define CHECK_INT(a, b)                                                                           \
    do {                                                                                          \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                           \
        if (check_a_ != check_b_) {                                                               \
            fprintf(stderr, "%s:%d: check failed: %s == %s (%lld != %lld)\n", __FILE__, __LINE__, \
                    #a, #b, check_a_, check_b_);                                                  \
            exit(1);                                                                              \
        }                                                                                         \
    } while (0)

#define CHECK_NEAR(a, b, tol)                                                                     \
    do {                                                                                          \
        double check_a_ = (double)(a), check_b_ = (double)(b);                                    \
        if (!(fabs(check_a_ - check_b_) <= (tol))) {                                              \
            fprintf(stderr, "%s:%d: check failed: %s ~= %s (%.9g != %.9g)\n", __FILE__, __LINE__, \
                    #a, #b, check_a_, check_b_);                                                  \
            exit(1);                                                                              \
        }                                                                                         \
    } while (0)

#define CHECK_NAN(a)                                                                              \
    do {                                                                                          \
        double check_a_ = (double)(a);                                                            \
        if (!isnan(check_a_)) {                                                                   \
            fprintf(stderr, "%s:%d: check failed: %s is N/A (got %.9g)\n", __FILE__, __LINE__,    \
                    #a, check_a_);                                                                \
            exit(1);                                                                              \
        }                                                                                         \
    } while (0)

#define CHECK_DONE() (printf("ok\n"), 0)

#endif /* NEWSOCR_TESTS_EVAL_CHECK_H */
