/*
 * fuzz_eval.h - checks shared by the evaluator's harnesses (fuzz_pagexml, fuzz_json): once
 * a fuzzed ground truth or output has been read, it is evaluated against a fixed partner
 * and the metrics must obey their definitions (metrics.c); the bit-parallel aligner must
 * agree with its dynamic-programming reference on the two texts.
 *
 *   fuzz_eval_check_output    the invariants of a neval_output
 *   fuzz_eval_check_gt        the invariants of a neval_gt_page
 *   fuzz_eval_pair            evaluate gt against output and check the metrics
 */
#ifndef NEWSOCR_FUZZ_EVAL_H
#define NEWSOCR_FUZZ_EVAL_H

#include "eval.h"
#include "fuzz.h"

#include <math.h>
#include <string.h>
#include <unistr.h>

/* Above this many DP cells the references are too slow to run on every input. */
#define FUZZ_DP_CELLS_MAX ((size_t)1 << 16)

static inline void fuzz_eval_check_output(const neval_output *o)
{
    FUZZ_CHECK(o && o->name && o->text && o->line_offset);
    FUZZ_CHECK(o->text[o->len] == '\0');
    FUZZ_CHECK(u8_check((const uint8_t *)o->text, o->len) == NULL);
    FUZZ_CHECK(o->line_offset[0] == 0 && o->line_offset[o->n_lines] == o->len);
    for (size_t i = 0; i < o->n_lines; i++)
        FUZZ_CHECK(o->line_offset[i] < o->line_offset[i + 1]);
}

static inline void fuzz_eval_check_gt(const neval_gt_page *gt)
{
    FUZZ_CHECK(gt && gt->name && gt->n_regions <= gt->cap_regions);
    for (size_t i = 0; i < gt->n_regions; i++) {
        const neval_gt_region *r = &gt->regions[i];
        FUZZ_CHECK(r->id && r->text);
        FUZZ_CHECK(u8_check((const uint8_t *)r->text, strlen(r->text)) == NULL);
        FUZZ_CHECK(r->role >= NEVAL_ROLE_BODY && r->role <= NEVAL_ROLE_OTHER);
    }
}

static inline int fuzz_is_fraction(double v)
{
    return isnan(v) || (v >= 0.0 && v <= 1.0);
}

/* The aligners against their references, on the normalised texts of gt and output. */
static inline void fuzz_eval_aligners(const neval_gt_page *gt, const neval_output *o)
{
    uint32_t *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    size_t len = 0;
    for (size_t i = 0; i < gt->n_regions; i++)
        len += strlen(gt->regions[i].text);
    char *all = malloc(len + 1);
    FUZZ_CHECK(all != NULL);
    len = 0;
    for (size_t i = 0; i < gt->n_regions; i++) {
        size_t k = strlen(gt->regions[i].text);
        memcpy(all + len, gt->regions[i].text, k);
        len += k;
    }
    all[len] = '\0';
    int ra = neval_text_normalize(&a, &na, all, len);
    int rb = neval_text_normalize(&b, &nb, o->text, o->len);
    free(all);
    if (ra == NEVAL_OK && rb == NEVAL_OK && (na + 1) * (nb + 1) <= FUZZ_DP_CELLS_MAX) {
        size_t d1 = 0, d2 = 0;
        FUZZ_CHECK(neval_align_levenshtein(&d1, a, na, b, nb) == NEVAL_OK);
        FUZZ_CHECK(neval_align_levenshtein_dp(&d2, a, na, b, nb) == NEVAL_OK);
        FUZZ_CHECK(d1 == d2);
        neval_span s1, s2;
        FUZZ_CHECK(neval_align_semiglobal(&s1, a, na, b, nb) == NEVAL_OK);
        FUZZ_CHECK(neval_align_semiglobal_dp(&s2, a, na, b, nb) == NEVAL_OK);
        FUZZ_CHECK(s1.cost == s2.cost && s1.start == s2.start && s1.end == s2.end);
        FUZZ_CHECK(s1.start <= s1.end && s1.end <= nb && s1.cost <= na);
        size_t missing = 0, extra = 0;
        FUZZ_CHECK(neval_align_order_free(&missing, &extra, a, na, b, nb) == NEVAL_OK);
        FUZZ_CHECK((missing > extra ? missing : extra) <= d1);
    }
    free(a);
    free(b);
}

static inline void fuzz_eval_pair(const neval_gt_page *gt, const neval_output *o)
{
    neval_page_metrics m;
    memset(&m, 0, sizeof(m));
    int rc = neval_page_evaluate(&m, gt, o);
    FUZZ_CHECK(rc == NEVAL_OK || rc == NEVAL_ERR_LIMIT || rc == NEVAL_ERR_NOMEM);
    if (rc != NEVAL_OK) {
        FUZZ_CHECK(neval_error_message()[0] != '\0');
        return;
    }
    if (m.gt_chars == 0) {
        FUZZ_CHECK(isnan(m.cer));
    } else {
        FUZZ_CHECK(m.cer == (double)m.edits / (double)m.gt_chars);
        FUZZ_CHECK(m.order_free_error <= m.cer);
    }
    size_t lo = m.gt_chars > m.out_chars ? m.gt_chars - m.out_chars : m.out_chars - m.gt_chars;
    size_t hi = m.gt_chars > m.out_chars ? m.gt_chars : m.out_chars;
    FUZZ_CHECK(m.edits >= lo && m.edits <= hi);
    FUZZ_CHECK(m.missing <= m.gt_chars && m.extra <= m.out_chars);
    FUZZ_CHECK(m.gt_chars - m.missing == m.out_chars - m.extra);
    FUZZ_CHECK((m.missing > m.extra ? m.missing : m.extra) <= m.edits);
    FUZZ_CHECK(m.regions_located <= m.regions);
    FUZZ_CHECK(isnan(m.kendall_tau) || (m.kendall_tau >= -1.0 && m.kendall_tau <= 1.0));
    FUZZ_CHECK(m.paragraphs_intact <= m.paragraphs);
    FUZZ_CHECK(fuzz_is_fraction(m.paragraph_integrity));
    FUZZ_CHECK(m.captions_located <= m.captions);
    FUZZ_CHECK(m.captions_separated <= m.captions_located);
    FUZZ_CHECK(m.captions_interrupting <= m.captions_located);
    FUZZ_CHECK(m.captions_within <= m.captions_located);
    FUZZ_CHECK(fuzz_is_fraction(m.caption_separated) && fuzz_is_fraction(m.caption_within) &&
               fuzz_is_fraction(m.caption_interrupting));
    FUZZ_CHECK(m.cjk_spaces <= m.cjk_chars);
    fuzz_eval_aligners(gt, o);
}

#endif /* NEWSOCR_FUZZ_EVAL_H */
