/*
 * align.c: reference string alignment and rank correlation on code points.
 *
 *   neval_align_levenshtein_dp()   global edit distance, plain DP
 *   neval_align_semiglobal_dp()    pattern against any substring, plain DP
 *   neval_align_order_free()       multiset difference (order-free error)
 *   neval_kendall_tau_b()          Kendall's tau-b with ties
 *
 * The DP versions are the reference for the bit-parallel ones in
 * align_myers.c (which the metrics use) and their fallback when a pattern's
 * match table would be too large.
 * Costs are kept in uint32_t cells: inputs are bounded by NEVAL_TEXT_MAX,
 * and 32-bit cells halve the memory traffic of the O(n*m) loops.
 */
#include "eval.h"

#include <math.h>
#include <stdlib.h>

/*
 * Wagner & Fischer 1974, "The string-to-string correction problem".  A single
 * row over the shorter string plus one saved diagonal cell is enough.
 */
int neval_align_levenshtein_dp(size_t *out, const uint32_t *a, size_t na, const uint32_t *b,
                               size_t nb)
{
    uint32_t *row = NULL;
    size_t i, j;

    *out = 0;
    if (na > NEVAL_TEXT_MAX || nb > NEVAL_TEXT_MAX)
        return neval_error_set(NEVAL_ERR_LIMIT, "text longer than %zu characters",
                               (size_t)NEVAL_TEXT_MAX);
    if (nb > na) { /* keep the row over the shorter string */
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
    row = malloc((nb + 1) * sizeof(*row));
    if (!row)
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory (edit distance)");
    for (j = 0; j <= nb; j++)
        row[j] = (uint32_t)j;
    for (i = 1; i <= na; i++) {
        uint32_t diag = row[0], ai = a[i - 1], left = (uint32_t)i;

        row[0] = left;
        for (j = 1; j <= nb; j++) {
            uint32_t up = row[j];
            uint32_t best = diag + (ai != b[j - 1]);

            if (up + 1 < best)
                best = up + 1;
            if (left + 1 < best)
                best = left + 1;
            diag = up;
            row[j] = best;
            left = best;
        }
    }
    *out = row[nb];
    free(row);
    return NEVAL_OK;
}

/*
 * Rows run over the text; row i holds, for every text position j, the best
 * cost of aligning p[0..i) so that it ends just before t[j], and where that
 * alignment starts in t.  Row 0 is all zeros (free leading text), the answer
 * is the minimum of the last row (free trailing text).  Ties prefer the later
 * start, i.e. the shorter span.
 */
int neval_align_semiglobal_dp(neval_span *out, const uint32_t *p, size_t np, const uint32_t *t,
                              size_t nt)
{
    uint32_t *cost = NULL, *start = NULL;
    size_t i, j, best_j;
    int rc = NEVAL_OK;

    out->cost = np;
    out->start = 0;
    out->end = 0;
    if (np > NEVAL_TEXT_MAX || nt > NEVAL_TEXT_MAX)
        return neval_error_set(NEVAL_ERR_LIMIT, "text longer than %zu characters",
                               (size_t)NEVAL_TEXT_MAX);
    if (np == 0 || nt == 0) {
        out->cost = np;
        return NEVAL_OK;
    }
    cost = malloc((nt + 1) * sizeof(*cost));
    start = malloc((nt + 1) * sizeof(*start));
    if (!cost || !start) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "out of memory (alignment)");
        goto cleanup;
    }
    for (j = 0; j <= nt; j++) {
        cost[j] = 0;
        start[j] = (uint32_t)j;
    }
    for (i = 1; i <= np; i++) {
        uint32_t diag_c = cost[0], diag_s = start[0], pc = p[i - 1];
        uint32_t left_c = (uint32_t)i, left_s = 0;

        cost[0] = left_c;
        start[0] = left_s;
        for (j = 1; j <= nt; j++) {
            uint32_t up_c = cost[j], up_s = start[j];
            uint32_t c = diag_c + (pc != t[j - 1]), s = diag_s;

            if (up_c + 1 < c || (up_c + 1 == c && up_s > s)) {
                c = up_c + 1;
                s = up_s;
            }
            if (left_c + 1 < c || (left_c + 1 == c && left_s > s)) {
                c = left_c + 1;
                s = left_s;
            }
            diag_c = up_c;
            diag_s = up_s;
            cost[j] = c;
            start[j] = s;
            left_c = c;
            left_s = s;
        }
    }
    best_j = 0;
    for (j = 1; j <= nt; j++) {
        if (cost[j] < cost[best_j])
            best_j = j;
    }
    out->cost = cost[best_j];
    out->start = start[best_j];
    out->end = best_j;

cleanup:
    free(cost);
    free(start);
    return rc;
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

    return (a > b) - (a < b);
}

/* Sort copies of both arrays and merge: each equal pair is one match. */
int neval_align_order_free(size_t *out_missing, size_t *out_extra, const uint32_t *a, size_t na,
                           const uint32_t *b, size_t nb)
{
    uint32_t *sa = NULL, *sb = NULL;
    size_t i = 0, j = 0, matched = 0;
    int rc = NEVAL_OK;

    *out_missing = na;
    *out_extra = nb;
    sa = malloc((na ? na : 1) * sizeof(*sa));
    sb = malloc((nb ? nb : 1) * sizeof(*sb));
    if (!sa || !sb) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "out of memory (order-free error)");
        goto cleanup;
    }
    for (i = 0; i < na; i++)
        sa[i] = a[i];
    for (j = 0; j < nb; j++)
        sb[j] = b[j];
    qsort(sa, na, sizeof(*sa), cmp_u32);
    qsort(sb, nb, sizeof(*sb), cmp_u32);
    i = j = 0;
    while (i < na && j < nb) {
        if (sa[i] == sb[j]) {
            matched++;
            i++;
            j++;
        } else if (sa[i] < sb[j]) {
            i++;
        } else {
            j++;
        }
    }
    *out_missing = na - matched;
    *out_extra = nb - matched;

cleanup:
    free(sa);
    free(sb);
    return rc;
}

double neval_kendall_tau_b(const double *x, const double *y, size_t n)
{
    double conc = 0, disc = 0, tx = 0, ty = 0, n0, den;
    size_t i, j;

    if (n < 2)
        return 1.0;
    for (i = 0; i + 1 < n; i++) {
        for (j = i + 1; j < n; j++) {
            double dx = x[i] - x[j], dy = y[i] - y[j];

            if (dx == 0)
                tx++;
            if (dy == 0)
                ty++;
            if (dx != 0 && dy != 0) {
                if ((dx > 0) == (dy > 0))
                    conc++;
                else
                    disc++;
            }
        }
    }
    n0 = (double)n * (double)(n - 1) / 2.0;
    den = sqrt((n0 - tx) * (n0 - ty));
    if (den == 0)
        return 0.0;
    return (conc - disc) / den;
}
