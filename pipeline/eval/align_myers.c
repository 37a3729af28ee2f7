/*
 * align_myers.c: bit-parallel edit distances for the metrics.
 *
 *   neval_align_levenshtein()   global edit distance
 *   neval_align_semiglobal()    pattern against any substring of a text
 *
 * Myers 1999, "A fast bit-vector algorithm for approximate string matching
 * based on dynamic programming", with the pattern cut into 64-row blocks
 * (Hyyro 2003; the block step follows edlib's calculateBlock).  Each text
 * character advances one column of the DP matrix for 64 pattern rows in a
 * few word operations, so a 10k x 10k comparison costs ~1.6M block steps
 * instead of 100M cells.  Results equal the DP versions in align.c (the
 * tests compare them on random strings); when the match table would be too
 * large (NEVAL_MYERS_TABLE_MAX) the DP versions are used instead.
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#define WORD_BITS 64
#define HIGH_BIT  ((uint64_t)1 << (WORD_BITS - 1))
#define NO_CHAR   ((size_t)-1)

/*
 * A pattern ready for the bit-vector DP: its distinct code points (sorted)
 * and, per distinct code point and block, the mask of rows holding it.
 */
typedef struct {
    uint32_t *chars;
    size_t n_chars;
    uint64_t *peq; /* n_chars * n_blocks words */
    size_t n_blocks;
    size_t m;
    unsigned last_bit; /* row of the pattern's last character in the last block */
} myers_pattern;

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

    return (a > b) - (a < b);
}

/* Index of c in the sorted distinct characters, NO_CHAR when absent. */
static size_t pattern_index(const myers_pattern *mp, uint32_t c)
{
    size_t lo = 0, hi = mp->n_chars;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (mp->chars[mid] < c)
            lo = mid + 1;
        else if (mp->chars[mid] > c)
            hi = mid;
        else
            return mid;
    }
    return NO_CHAR;
}

static void pattern_free(myers_pattern *mp)
{
    free(mp->chars);
    free(mp->peq);
    memset(mp, 0, sizeof(*mp));
}

/*
 * pattern_build: build mp for p[0..m), m > 0, reversed when reverse is set.
 * Returns 1 (mp empty, nothing set) when the table would exceed
 * NEVAL_MYERS_TABLE_MAX words, so the caller falls back to DP; 0 on success;
 * NEVAL_ERR_NOMEM.
 */
static int pattern_build(myers_pattern *mp, const uint32_t *p, size_t m, int reverse)
{
    size_t i, k;

    memset(mp, 0, sizeof(*mp));
    mp->m = m;
    mp->n_blocks = (m + WORD_BITS - 1) / WORD_BITS;
    mp->last_bit = (unsigned)((m - 1) % WORD_BITS);
    mp->chars = malloc(m * sizeof(*mp->chars));
    if (!mp->chars)
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory (alignment)");
    memcpy(mp->chars, p, m * sizeof(*p));
    qsort(mp->chars, m, sizeof(*mp->chars), cmp_u32);
    for (i = 1, k = 1; i < m; i++) {
        if (mp->chars[i] != mp->chars[k - 1])
            mp->chars[k++] = mp->chars[i];
    }
    mp->n_chars = k;
    if (mp->n_chars > NEVAL_MYERS_TABLE_MAX / mp->n_blocks) {
        pattern_free(mp);
        return 1;
    }
    mp->peq = calloc(mp->n_chars * mp->n_blocks, sizeof(*mp->peq));
    if (!mp->peq) {
        pattern_free(mp);
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory (alignment)");
    }
    for (i = 0; i < m; i++) {
        uint32_t c = reverse ? p[m - 1 - i] : p[i];
        size_t ci = pattern_index(mp, c);

        mp->peq[ci * mp->n_blocks + i / WORD_BITS] |= (uint64_t)1 << (i % WORD_BITS);
    }
    return 0;
}

/*
 * One 64-row block of one column (edlib calculateBlock).  *pv and *mv are the
 * block's vertical +1/-1 delta masks, eq the match mask, hin the horizontal
 * delta entering at the block's top row (-1, 0 or +1).  Returns the
 * horizontal delta leaving the block at row `bit`.
 */
static int block_step(uint64_t *pv, uint64_t *mv, uint64_t eq, int hin, unsigned bit)
{
    uint64_t hin_neg = hin < 0 ? 1 : 0, hin_pos = hin > 0 ? 1 : 0;
    uint64_t xv = eq | *mv, xh, ph, mh;
    int hout;

    eq |= hin_neg;
    xh = (((eq & *pv) + *pv) ^ *pv) | eq;
    ph = *mv | ~(xh | *pv);
    mh = *pv & xh;
    hout = (int)((ph >> bit) & 1) - (int)((mh >> bit) & 1);
    ph = (ph << 1) | hin_pos;
    mh = (mh << 1) | hin_neg;
    *pv = mh | ~(xv | ph);
    *mv = ph & xv;
    return hout;
}

/* What myers_run should compute. */
typedef enum {
    RUN_GLOBAL, /* D[0][j] = j: *out = D[m][n] */
    RUN_SEARCH, /* D[0][j] = 0: *out = min_j D[m][j], *out_j = first such j */
    RUN_FIND    /* D[0][j] = j: *out_j = first j with D[m][j] == target */
} run_mode;

/*
 * Run the bit-vector DP of mp over t[0..n) (read backwards from t[n-1] when
 * reverse is set).  The vertical masks start as "+1 per row" (D[i][0] = i).
 * RUN_FIND leaves *out_j = NO_CHAR when no column reaches target.
 */
static int myers_run(size_t *out, size_t *out_j, const myers_pattern *mp, const uint32_t *t,
                     size_t n, int reverse, run_mode mode, size_t target)
{
    uint64_t *pv = NULL, *mv = NULL;
    size_t nb = mp->n_blocks, score = mp->m, best = mp->m, best_j = 0, j, b;
    int hin0 = mode == RUN_SEARCH ? 0 : 1;

    *out = 0;
    if (out_j)
        *out_j = NO_CHAR;
    if (mode == RUN_FIND && score == target) {
        *out_j = 0;
        return NEVAL_OK;
    }
    pv = malloc(nb * sizeof(*pv));
    mv = calloc(nb, sizeof(*mv));
    if (!pv || !mv) {
        free(pv);
        free(mv);
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory (alignment)");
    }
    for (b = 0; b < nb; b++)
        pv[b] = ~(uint64_t)0;
    for (j = 0; j < n; j++) {
        size_t ci = pattern_index(mp, reverse ? t[n - 1 - j] : t[j]);
        const uint64_t *eq = ci == NO_CHAR ? NULL : mp->peq + ci * nb;
        int h = hin0;

        for (b = 0; b + 1 < nb; b++)
            h = block_step(&pv[b], &mv[b], eq ? eq[b] : 0, h, WORD_BITS - 1);
        h = block_step(&pv[nb - 1], &mv[nb - 1], eq ? eq[nb - 1] : 0, h, mp->last_bit);
        score = (size_t)((long long)score + h);
        if (mode == RUN_SEARCH && score < best) {
            best = score;
            best_j = j + 1;
        } else if (mode == RUN_FIND && score == target) {
            *out_j = j + 1;
            break;
        }
    }
    free(pv);
    free(mv);
    if (mode == RUN_SEARCH) {
        *out = best;
        *out_j = best_j;
    } else {
        *out = score;
    }
    return NEVAL_OK;
}

int neval_align_levenshtein(size_t *out, const uint32_t *a, size_t na, const uint32_t *b,
                            size_t nb)
{
    myers_pattern mp;
    int rc;

    *out = 0;
    if (na > NEVAL_TEXT_MAX || nb > NEVAL_TEXT_MAX)
        return neval_error_set(NEVAL_ERR_LIMIT, "text longer than %zu characters",
                               (size_t)NEVAL_TEXT_MAX);
    if (nb > na) { /* the shorter string is the pattern: fewer blocks */
        const uint32_t *ts = a;
        size_t tn = na;

        a = b;
        na = nb;
        b = ts;
        nb = tn;
    }
    if (nb == 0) {
        *out = na;
        return NEVAL_OK;
    }
    rc = pattern_build(&mp, b, nb, 0);
    if (rc == 1)
        return neval_align_levenshtein_dp(out, a, na, b, nb);
    if (rc)
        return rc;
    rc = myers_run(out, NULL, &mp, a, na, 0, RUN_GLOBAL, 0);
    pattern_free(&mp);
    return rc;
}

/*
 * Forward search for the cost and the first end; then the reversed pattern
 * against the text read backwards from that end, anchored there: the first
 * length k whose global distance equals the cost gives the latest start.
 * An alignment of cost c spans at most np + c characters, which bounds the
 * backward pass.
 */
int neval_align_semiglobal(neval_span *out, const uint32_t *p, size_t np, const uint32_t *t,
                           size_t nt)
{
    myers_pattern fwd, rev;
    size_t cost = 0, end = 0, k = NO_CHAR, dummy, window;
    int rc;

    out->cost = np;
    out->start = 0;
    out->end = 0;
    if (np > NEVAL_TEXT_MAX || nt > NEVAL_TEXT_MAX)
        return neval_error_set(NEVAL_ERR_LIMIT, "text longer than %zu characters",
                               (size_t)NEVAL_TEXT_MAX);
    if (np == 0 || nt == 0)
        return NEVAL_OK;
    rc = pattern_build(&fwd, p, np, 0);
    if (rc == 1)
        return neval_align_semiglobal_dp(out, p, np, t, nt);
    if (rc)
        return rc;
    rc = myers_run(&cost, &end, &fwd, t, nt, 0, RUN_SEARCH, 0);
    pattern_free(&fwd);
    if (rc)
        return rc;
    rc = pattern_build(&rev, p, np, 1);
    if (rc == 1)
        return neval_align_semiglobal_dp(out, p, np, t, nt);
    if (rc)
        return rc;
    window = np + cost < end ? np + cost : end;
    rc = myers_run(&dummy, &k, &rev, t + (end - window), window, 1, RUN_FIND, cost);
    pattern_free(&rev);
    if (rc)
        return rc;
    if (k == NO_CHAR) /* cannot happen: the optimal alignment ends at end */
        return neval_error_set(NEVAL_ERR_INVALID, "internal error: alignment start not found");
    out->cost = cost;
    out->end = end;
    out->start = end - k;
    return NEVAL_OK;
}
