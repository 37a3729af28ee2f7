/*
 * test_eval_align.c: edit distances, semi-global alignment, multiset
 * difference and Kendall's tau-b on small cases with known answers.
 *
 *   test_levenshtein()   unit-cost edit distance
 *   test_semiglobal()    cost and span of a pattern inside a text
 *   test_order_free()    multiset missing / extra
 *   test_kendall()       tau-b with and without ties
 *   test_bitparallel()   bit-parallel results equal the DP reference on
 *                        random strings (1 to 5 blocks), and the fallback
 */
#include "check.h"
#include "eval.h"

#include <string.h>

/* ASCII string -> code points in a static buffer (tests only, <= 63 chars). */
static const uint32_t *cp(const char *s, size_t *n, uint32_t *buf)
{
    size_t i;

    *n = strlen(s);
    for (i = 0; i < *n; i++)
        buf[i] = (unsigned char)s[i];
    return buf;
}

static size_t lev(const char *a, const char *b)
{
    uint32_t ba[64], bb[64];
    size_t na, nb, d = 99;
    const uint32_t *pa = cp(a, &na, ba), *pb = cp(b, &nb, bb);

    CHECK_INT(neval_align_levenshtein(&d, pa, na, pb, nb), NEVAL_OK);
    return d;
}

static void test_levenshtein(void)
{
    CHECK_INT(lev("abc", "abd"), 1);
    CHECK_INT(lev("kitten", "sitting"), 3);
    CHECK_INT(lev("sitting", "kitten"), 3);
    CHECK_INT(lev("", "abc"), 3);
    CHECK_INT(lev("abc", ""), 3);
    CHECK_INT(lev("", ""), 0);
    CHECK_INT(lev("abcdefgh", "efghabcd"), 8); /* two blocks swapped */
    CHECK_INT(lev("abc", "abc"), 0);
}

static neval_span semi(const char *p, const char *t)
{
    uint32_t bp[64], bt[64];
    size_t np, nt;
    const uint32_t *pp = cp(p, &np, bp), *pt = cp(t, &nt, bt);
    neval_span sp;

    CHECK_INT(neval_align_semiglobal(&sp, pp, np, pt, nt), NEVAL_OK);
    return sp;
}

static void test_semiglobal(void)
{
    neval_span sp;

    sp = semi("bcd", "xxbcdyy");
    CHECK_INT(sp.cost, 0);
    CHECK_INT(sp.start, 2);
    CHECK_INT(sp.end, 5);

    sp = semi("bzd", "xxbcdyy"); /* one substitution */
    CHECK_INT(sp.cost, 1);
    CHECK_INT(sp.start, 2);
    CHECK_INT(sp.end, 5);

    sp = semi("abcdef", "xabc__defx"); /* two insertions inside the span */
    CHECK_INT(sp.cost, 2);
    CHECK_INT(sp.start, 1);
    CHECK_INT(sp.end, 9);

    sp = semi("abcd", "ab__cd"); /* tie (2 insertions or 2 deletions): earliest end */
    CHECK_INT(sp.cost, 2);
    CHECK_INT(sp.start, 0);
    CHECK_INT(sp.end, 2);

    sp = semi("abcx", "zzabc"); /* last character deleted: span stays short */
    CHECK_INT(sp.cost, 1);
    CHECK_INT(sp.start, 2);
    CHECK_INT(sp.end, 5);

    sp = semi("abc", "");
    CHECK_INT(sp.cost, 3);
    sp = semi("", "abc");
    CHECK_INT(sp.cost, 0);
    CHECK_INT(sp.end, sp.start);

    sp = semi("abc", "xyz");
    CHECK_INT(sp.cost, 3);
}

static void order_free(const char *a, const char *b, size_t missing, size_t extra)
{
    uint32_t ba[64], bb[64];
    size_t na, nb, m = 99, e = 99;
    const uint32_t *pa = cp(a, &na, ba), *pb = cp(b, &nb, bb);

    CHECK_INT(neval_align_order_free(&m, &e, pa, na, pb, nb), NEVAL_OK);
    CHECK_INT(m, missing);
    CHECK_INT(e, extra);
}

static void test_order_free(void)
{
    order_free("abc", "cba", 0, 0);
    order_free("abc", "abd", 1, 1);
    order_free("aab", "abb", 1, 1);
    order_free("abc", "ab", 1, 0);
    order_free("ab", "abcc", 0, 2);
    order_free("", "", 0, 0);
    order_free("abcdefgh", "efghabcd", 0, 0);
}

static void test_kendall(void)
{
    const double x4[] = {0, 1, 2, 3}, up[] = {10, 20, 30, 40}, down[] = {9, 7, 5, 1};
    const double x5[] = {1, 2, 3, 4, 5}, y5[] = {3, 4, 1, 2, 5};
    const double x3[] = {1, 2, 3}, tied[] = {1, 1, 2}, flat[] = {5, 5, 5};

    CHECK_NEAR(neval_kendall_tau_b(x4, up, 4), 1.0, 1e-12);
    CHECK_NEAR(neval_kendall_tau_b(x4, down, 4), -1.0, 1e-12);
    CHECK_NEAR(neval_kendall_tau_b(x5, y5, 5), 0.2, 1e-12); /* 6 concordant, 4 discordant */
    CHECK_NEAR(neval_kendall_tau_b(x3, tied, 3), 2.0 / sqrt(6.0), 1e-12);
    CHECK_NEAR(neval_kendall_tau_b(x3, flat, 3), 0.0, 1e-12);
    CHECK_NEAR(neval_kendall_tau_b(x4, up, 1), 1.0, 1e-12);
    CHECK_NEAR(neval_kendall_tau_b(x4, up, 0), 1.0, 1e-12);
    CHECK_NEAR(neval_kendall_tau_b(x4, down, 2), -1.0, 1e-12);
}

/* Deterministic LCG so failures reproduce (tests must not depend on rand()). */
static uint32_t lcg_next(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(*state >> 33);
}

static void random_string(uint32_t *s, size_t n, uint32_t alphabet, uint64_t *state)
{
    size_t i;

    for (i = 0; i < n; i++)
        s[i] = 0x4E00 + lcg_next(state) % alphabet;
}

static void test_bitparallel(void)
{
    static uint32_t a[400], b[400];
    static const uint32_t alphabets[] = {2, 4, 30, 3000};
    uint64_t state = 12345;
    int round;

    for (round = 0; round < 400; round++) {
        uint32_t alpha = alphabets[round % 4];
        size_t na = lcg_next(&state) % 330, nb = lcg_next(&state) % 330;
        size_t d1 = 0, d2 = 0;
        neval_span s1, s2;

        random_string(a, na, alpha, &state);
        random_string(b, nb, alpha, &state);
        if (round % 3 == 0 && na > 20 && nb > na) { /* plant a noisy copy of a inside b */
            size_t at = lcg_next(&state) % (nb - na + 1), i;

            for (i = 0; i < na; i++)
                b[at + i] = lcg_next(&state) % 8 == 0 ? 0x4E00 : a[i];
        }
        CHECK_INT(neval_align_levenshtein(&d1, a, na, b, nb), NEVAL_OK);
        CHECK_INT(neval_align_levenshtein_dp(&d2, a, na, b, nb), NEVAL_OK);
        if (d1 != d2)
            fprintf(stderr, "round %d: na %zu nb %zu\n", round, na, nb);
        CHECK_INT(d1, d2);
        CHECK_INT(neval_align_semiglobal(&s1, a, na, b, nb), NEVAL_OK);
        CHECK_INT(neval_align_semiglobal_dp(&s2, a, na, b, nb), NEVAL_OK);
        if (s1.cost != s2.cost || s1.start != s2.start || s1.end != s2.end)
            fprintf(stderr, "round %d: na %zu nb %zu: %zu [%zu,%zu) vs %zu [%zu,%zu)\n", round, na,
                    nb, s1.cost, s1.start, s1.end, s2.cost, s2.start, s2.end);
        CHECK_INT(s1.cost, s2.cost);
        CHECK_INT(s1.start, s2.start);
        CHECK_INT(s1.end, s2.end);
    }
}

/*
 * A pattern with more distinct characters x blocks than the table allows
 * (25000 x 391 words) goes to the DP, with the same answer.
 */
static void test_fallback(void)
{
    size_t n = 25100, i, d = 0;
    uint32_t *p = malloc(n * sizeof(*p));
    neval_span sp;

    CHECK(p != NULL);
    for (i = 0; i < n; i++)
        p[i] = 0x10000 + (uint32_t)i; /* all distinct */
    CHECK_INT(neval_align_semiglobal(&sp, p, 25000, p + 24950, 100), NEVAL_OK);
    CHECK_INT(sp.cost, 24950); /* the last 50 match, the rest is deleted */
    CHECK_INT(sp.start, 0);
    CHECK_INT(sp.end, 50);
    CHECK_INT(neval_align_levenshtein(&d, p, n, p + 100, 50), NEVAL_OK);
    CHECK_INT(d, n - 50);
    free(p);
}

int main(void)
{
    test_levenshtein();
    test_semiglobal();
    test_order_free();
    test_kendall();
    test_bitparallel();
    test_fallback();
    return CHECK_DONE();
}
