/*
 * test_eval_text.c: text normalisation and CJK spacing.
 *
 *   test_normalize()     NFKC, whitespace removal, code points, bad UTF-8
 *   test_is_cjk()        the CJK class
 *   test_cjk_spacing()   whitespace runs between two CJK characters
 */
#include "check.h"
#include "eval.h"

#include <string.h>

/* Normalise s and compare with the code points in want[0..n). */
static void expect_norm(const char *s, const uint32_t *want, size_t n)
{
    uint32_t *cps = NULL;
    size_t len = 0, i;

    CHECK_INT(neval_text_normalize(&cps, &len, s, strlen(s)), NEVAL_OK);
    CHECK_INT(len, n);
    for (i = 0; i < n; i++)
        CHECK_INT(cps[i], want[i]);
    free(cps);
}

static void test_normalize(void)
{
    static const uint32_t ab[] = {'A', 'B'};
    static const uint32_t abcd[] = {'a', 'b', 'c', 'd'};
    static const uint32_t e_acute[] = {0xE9};
    static const uint32_t zhong_guo[] = {0x4E2D, 0x56FD, ','};
    uint32_t *cps = (uint32_t *)1;
    size_t len = 99;

    expect_norm("AB", ab, 2);
    expect_norm("\xEF\xBC\xA1\xEF\xBC\xA2", ab, 2); /* full-width ＡＢ */
    expect_norm("a b\tc\u3000d\n", abcd, 4);        /* U+3000 is a space */
    expect_norm("e\xCC\x81", e_acute, 1);           /* e + U+0301 composed */
    expect_norm("\xC3\xA9", e_acute, 1);            /* é precomposed */
    expect_norm("中 国\xEF\xBC\x8C", zhong_guo, 3); /* NFKC: ，-> , */
    expect_norm(" \t\n", NULL, 0);

    CHECK_INT(neval_text_normalize(&cps, &len, "", 0), NEVAL_OK);
    CHECK(cps == NULL);
    CHECK_INT(len, 0);
    CHECK_INT(neval_text_normalize(&cps, &len, "a\377b", 3), NEVAL_ERR_PARSE);
    CHECK(cps == NULL);
    CHECK(strstr(neval_error_message(), "UTF-8") != NULL);
}

static void test_is_cjk(void)
{
    CHECK(neval_text_is_cjk(0x4E2D));  /* 中 */
    CHECK(neval_text_is_cjk(0x3002));  /* 。 */
    CHECK(neval_text_is_cjk(0xFF0C));  /* ， */
    CHECK(neval_text_is_cjk(0x3042));  /* あ */
    CHECK(neval_text_is_cjk(0x30AB));  /* カ */
    CHECK(neval_text_is_cjk(0x20000)); /* Ext B */
    CHECK(!neval_text_is_cjk(0x3000)); /* ideographic space */
    CHECK(!neval_text_is_cjk('A'));
    CHECK(!neval_text_is_cjk(0x201C)); /* “ is general punctuation */
}

static void expect_spacing(const char *s, size_t runs, size_t cjk)
{
    size_t r = 99, c = 99;

    neval_text_cjk_spacing(&r, &c, s, strlen(s));
    if (r != runs || c != cjk)
        fprintf(stderr, "spacing of \"%s\"\n", s);
    CHECK_INT(r, runs);
    CHECK_INT(c, cjk);
}

static void test_cjk_spacing(void)
{
    expect_spacing("中 国", 1, 2);
    expect_spacing("中国", 0, 2);
    expect_spacing("中  \t 国", 1, 2);        /* one run, however long */
    expect_spacing("中\xE3\x80\x80国", 1, 2); /* U+3000 */
    expect_spacing("中 a 国", 0, 2);          /* Latin between */
    expect_spacing("中\n国", 0, 2);           /* a line break is not a space */
    expect_spacing("中 \n国", 0, 2);
    expect_spacing("中，国 。", 1, 4); /* full-width and CJK punctuation */
    expect_spacing("中\t国 国", 2, 3);
    expect_spacing("ab cd", 0, 0);
    expect_spacing(" 中 ", 0, 1);
    expect_spacing("", 0, 0);
    expect_spacing("中 \xFF 国", 0, 2); /* invalid byte: not CJK, no crash */
}

int main(void)
{
    test_normalize();
    test_is_cjk();
    test_cjk_spacing();
    return CHECK_DONE();
}
