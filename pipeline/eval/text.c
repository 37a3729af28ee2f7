/*
 * text.c: text normalisation and character classes for the metrics.
 *
 *   neval_text_normalize()     NFKC, whitespace removed, as code points
 *   neval_text_is_cjk()        the CJK class of the spacing metric
 *   neval_text_cjk_spacing()   whitespace runs between two CJK characters
 */
#include "eval.h"

#include <stdlib.h>

#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

/*
 * NFKC first (so U+3000 becomes U+0020 and full-width "ＡＢ" becomes "AB"),
 * then White_Space is dropped.  The normalised UTF-8 is decoded with
 * u8_mbtouc after u8_check has rejected invalid input.
 */
int neval_text_normalize(uint32_t **out, size_t *out_len, const char *s, size_t n)
{
    uint8_t *norm = NULL;
    uint32_t *cps = NULL;
    size_t norm_len = 0, len = 0, i;
    int rc = NEVAL_OK;

    *out = NULL;
    *out_len = 0;
    if (n == 0)
        return NEVAL_OK;
    if (u8_check((const uint8_t *)s, n) != NULL)
        return neval_error_set(NEVAL_ERR_PARSE, "text is not valid UTF-8");
    norm = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, n, NULL, &norm_len);
    if (!norm) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "out of memory (NFKC normalisation)");
        goto cleanup;
    }
    /* First pass counts, so a page of blanks cannot make us allocate 4x its size. */
    for (i = 0; i < norm_len;) {
        ucs4_t c;
        int k = u8_mbtouc(&c, norm + i, norm_len - i);

        i += (size_t)(k > 0 ? k : 1);
        len += !uc_is_property_white_space(c);
    }
    if (len > NEVAL_TEXT_MAX) {
        rc = neval_error_set(NEVAL_ERR_LIMIT, "text longer than %zu characters",
                             (size_t)NEVAL_TEXT_MAX);
        goto cleanup;
    }
    cps = malloc((len ? len : 1) * sizeof(*cps));
    if (!cps) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "out of memory (normalised text)");
        goto cleanup;
    }
    for (i = 0, len = 0; i < norm_len;) {
        ucs4_t c;
        int k = u8_mbtouc(&c, norm + i, norm_len - i);

        i += (size_t)(k > 0 ? k : 1);
        if (!uc_is_property_white_space(c))
            cps[len++] = c;
    }
    *out = cps;
    *out_len = len;
    cps = NULL;

cleanup:
    free(cps);
    free(norm);
    return rc;
}

int neval_text_is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x2FDF)       /* CJK and Kangxi radicals */
           || (c >= 0x3001 && c <= 0x303F)    /* CJK symbols and punctuation */
           || (c >= 0x3040 && c <= 0x30FF)    /* hiragana, katakana */
           || (c >= 0x31F0 && c <= 0x31FF)    /* katakana phonetic extensions */
           || (c >= 0x3400 && c <= 0x4DBF)    /* Han extension A */
           || (c >= 0x4E00 && c <= 0x9FFF)    /* Han unified ideographs */
           || (c >= 0xF900 && c <= 0xFAFF)    /* Han compatibility ideographs */
           || (c >= 0xFE30 && c <= 0xFE4F)    /* CJK compatibility forms */
           || (c >= 0xFF00 && c <= 0xFFEF)    /* halfwidth and fullwidth forms */
           || (c >= 0x20000 && c <= 0x3FFFF); /* Han, planes 2 and 3 */
}

static int is_spacing_blank(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0x3000;
}

/*
 * One pass: remember whether the character before the current blank run was
 * CJK; when the run ends on a CJK character, count it.
 */
void neval_text_cjk_spacing(size_t *out_runs, size_t *out_cjk, const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *)s;
    size_t i = 0, runs = 0, cjk = 0;
    int prev_cjk = 0, in_run = 0, run_after_cjk = 0;

    while (i < n) {
        ucs4_t c;
        int k = u8_mbtouc(&c, p + i, n - i);

        i += (size_t)(k > 0 ? k : 1);
        if (is_spacing_blank(c)) {
            if (!in_run) {
                in_run = 1;
                run_after_cjk = prev_cjk;
            }
            continue;
        }
        prev_cjk = neval_text_is_cjk(c);
        if (prev_cjk)
            cjk++;
        if (in_run && run_after_cjk && prev_cjk)
            runs++;
        in_run = 0;
    }
    *out_runs = runs;
    *out_cjk = cjk;
}
