/*
 * test_eval_metrics.c: neval_page_evaluate and neval_metrics_aggregate on
 * hand-made pages with known answers.
 *
 *   eval_page()            evaluate a GT page against a txt string
 *   test_cer()             CER and order-free error
 *   test_reading_order()   located regions and Kendall tau
 *   test_paragraphs()      paragraph integrity
 *   test_captions()        separated / interrupting captions
 *   test_repeated_text()   a caption quoting the body is located at its own place
 *   test_cjk_spacing()     CJK spacing through the page API
 *   test_aggregate()       means and character-weighted CER
 *   test_many_regions()    paragraphs and identical texts among 20,000 regions
 */
#include "check.h"
#include "eval.h"

#include <string.h>

/* Evaluate page gt against the output text txt; the page is freed. */
static neval_page_metrics eval_page(neval_gt_page *gt, const char *txt)
{
    neval_output *out = NULL;
    neval_page_metrics m;

    CHECK_INT(neval_output_from_txt(&out, txt, strlen(txt), "test.txt"), NEVAL_OK);
    CHECK_INT(neval_page_evaluate(&m, gt, out), NEVAL_OK);
    neval_output_free(out);
    neval_gt_free(gt);
    return m;
}

/* A page of one-line body regions, each its own paragraph. */
static neval_gt_page *page_of(const char *const *texts, size_t n)
{
    neval_gt_page *gt = NULL;
    size_t i;

    CHECK_INT(neval_gt_new(&gt, "test"), NEVAL_OK);
    for (i = 0; i < n; i++)
        CHECK_INT(neval_gt_add_region(gt, NULL, texts[i], NEVAL_ROLE_BODY, NULL, 1), NEVAL_OK);
    return gt;
}

static void test_cer(void)
{
    static const char *abc[] = {"abc"}, *ab[] = {"AB"}, *spaced[] = {"a b c"};
    static const char *two[] = {"abcd", "efgh"}, *empty[] = {""};
    neval_page_metrics m;

    m = eval_page(page_of(abc, 1), "abd\n");
    CHECK_INT(m.gt_chars, 3);
    CHECK_INT(m.edits, 1);
    CHECK_NEAR(m.cer, 1.0 / 3.0, 1e-12);
    CHECK_INT(m.missing, 1);
    CHECK_INT(m.extra, 1);
    CHECK_NEAR(m.order_free_error, 1.0 / 3.0, 1e-12);

    m = eval_page(page_of(ab, 1), "\xEF\xBC\xA1\xEF\xBC\xA2"); /* full-width ＡＢ */
    CHECK_NEAR(m.cer, 0.0, 1e-12);

    m = eval_page(page_of(spaced, 1), "ab\n c\n"); /* whitespace and line breaks ignored */
    CHECK_NEAR(m.cer, 0.0, 1e-12);

    m = eval_page(page_of(abc, 1), "abcab\n"); /* two extra characters */
    CHECK_NEAR(m.cer, 2.0 / 3.0, 1e-12);
    CHECK_NEAR(m.order_free_error, 2.0 / 3.0, 1e-12);

    /* Perfect recognition, wrong order: order-free error 0, CER 8/8. */
    m = eval_page(page_of(two, 2), "efgh\nabcd\n");
    CHECK_NEAR(m.order_free_error, 0.0, 1e-12);
    CHECK_NEAR(m.cer, 1.0, 1e-12);

    m = eval_page(page_of(empty, 1), "xyz");
    CHECK_NAN(m.cer);
    CHECK_NAN(m.order_free_error);
}

static void test_reading_order(void)
{
    static const char *two[] = {"abcd", "efgh"};
    static const char *three[] = {"aaaa", "bbbb", "cccc"};
    static const char *miss[] = {"abcdef", "ghijkl", "x"};
    neval_page_metrics m;

    m = eval_page(page_of(two, 2), "abcd\nefgh\n");
    CHECK_INT(m.regions_located, 2);
    CHECK_NEAR(m.kendall_tau, 1.0, 1e-12);

    m = eval_page(page_of(two, 2), "efgh\nabcd\n"); /* swapped */
    CHECK_INT(m.regions_located, 2);
    CHECK_NEAR(m.kendall_tau, -1.0, 1e-12);

    /* Output order 3 1 2: pairs (1,2) (1,3) discordant, (2,3) concordant. */
    m = eval_page(page_of(three, 3), "cccc\naaaa\nbbbb\n");
    CHECK_INT(m.regions_located, 3);
    CHECK_NEAR(m.kendall_tau, -1.0 / 3.0, 1e-12);

    /* Region 2 too damaged (cost 4 > 3), region 3 too short to score: 1 located -> 1.0. */
    m = eval_page(page_of(miss, 3), "abcdef ghxxxx x");
    CHECK_INT(m.regions, 2);
    CHECK_INT(m.regions_located, 1);
    CHECK_NEAR(m.kendall_tau, 1.0, 1e-12);

    /* Exactly at the bound: cost 3 of 6 is located. */
    m = eval_page(page_of(miss, 3), "ghijkl abcxxx");
    CHECK_INT(m.regions_located, 2);
    CHECK_NEAR(m.kendall_tau, -1.0, 1e-12);
}

/* A paragraph in two pieces (4 + 4 characters, 2 + 1 TextLines) and a one-line region. */
static neval_gt_page *page_split_paragraph(void)
{
    neval_gt_page *gt = NULL;

    CHECK_INT(neval_gt_new(&gt, "para"), NEVAL_OK);
    CHECK_INT(neval_gt_add_region(gt, "h", "标题文字", NEVAL_ROLE_HEADING, NULL, 1), NEVAL_OK);
    CHECK_INT(neval_gt_add_region(gt, "a", "甲乙丙丁", NEVAL_ROLE_BODY, "p1", 2), NEVAL_OK);
    CHECK_INT(neval_gt_add_region(gt, "b", "戊己庚辛", NEVAL_ROLE_BODY, "p1", 1), NEVAL_OK);
    return gt;
}

static void test_paragraphs(void)
{
    static const char *one_line[] = {"abcdef"};
    neval_gt_page *gt = NULL;
    neval_page_metrics m;

    m = eval_page(page_split_paragraph(), "标题文字\n甲乙丙丁戊己庚辛\n");
    CHECK_INT(m.paragraphs, 1); /* the heading has one line: not counted */
    CHECK_INT(m.paragraphs_intact, 1);
    CHECK_NEAR(m.paragraph_integrity, 1.0, 1e-12);

    m = eval_page(page_split_paragraph(), "标题文字\n甲乙丙丁\n戊己庚辛\n"); /* split in two */
    CHECK_INT(m.paragraphs_intact, 0);
    CHECK_NEAR(m.paragraph_integrity, 0.0, 1e-12);

    m = eval_page(page_split_paragraph(), "标题文字\n甲乙丙丁戊己\n庚辛\n"); /* 6 + 2 */
    CHECK_NEAR(m.paragraph_integrity, 0.0, 1e-12);

    /* A recognition error inside one line keeps it intact. */
    m = eval_page(page_split_paragraph(), "标题文字\n甲乙丙X戊己庚辛\n");
    CHECK_NEAR(m.paragraph_integrity, 1.0, 1e-12);

    /* Pieces swapped on one line: cost 4 <= 4, still one paragraph (order is tau's job). */
    m = eval_page(page_split_paragraph(), "标题文字\n戊己庚辛甲乙丙丁\n");
    CHECK_NEAR(m.paragraph_integrity, 1.0, 1e-12);

    /* Half of it lost on the only line: cost 4 <= 4 and no better elsewhere: intact. */
    m = eval_page(page_split_paragraph(), "标题文字\n甲乙丙丁\n");
    CHECK_NEAR(m.paragraph_integrity, 1.0, 1e-12);

    m = eval_page(page_of(one_line, 1), "abcdef\n"); /* no multi-line paragraph: N/A */
    CHECK_INT(m.paragraphs, 0);
    CHECK_NAN(m.paragraph_integrity);

    /* Without paragraph ids a 2-line region is its own paragraph. */
    CHECK_INT(neval_gt_new(&gt, "single"), NEVAL_OK);
    CHECK_INT(neval_gt_add_region(gt, NULL, "甲乙丙丁戊己", NEVAL_ROLE_BODY, NULL, 2), NEVAL_OK);
    m = eval_page(gt, "甲乙丙\n丁戊己\n");
    CHECK_INT(m.paragraphs, 1);
    CHECK_INT(m.paragraphs_intact, 0);
}

/* Body paragraph p1 in two pieces and a caption between them in the GT. */
static neval_gt_page *page_with_caption(void)
{
    neval_gt_page *gt = NULL;

    CHECK_INT(neval_gt_new(&gt, "caption"), NEVAL_OK);
    CHECK_INT(neval_gt_add_region(gt, "a", "一二三四五六", NEVAL_ROLE_BODY, "p1", 1), NEVAL_OK);
    CHECK_INT(neval_gt_add_region(gt, "b", "七八九十百千", NEVAL_ROLE_BODY, "p1", 1), NEVAL_OK);
    CHECK_INT(neval_gt_add_region(gt, "c", "图片说明文字", NEVAL_ROLE_CAPTION, NULL, 1), NEVAL_OK);
    return gt;
}

static void test_captions(void)
{
    neval_gt_page *gt = NULL;
    neval_page_metrics m;

    /* Caption in the middle of the running paragraph. */
    m = eval_page(page_with_caption(), "一二三四五六图片说明文字七八九十百千\n");
    CHECK_INT(m.captions, 1);
    CHECK_INT(m.captions_located, 1);
    CHECK_INT(m.captions_separated, 0);
    CHECK_INT(m.captions_interrupting, 1);
    CHECK_INT(m.captions_within, 1);
    CHECK_NEAR(m.caption_interrupting, 1.0, 1e-12);
    CHECK_NEAR(m.caption_separated, 0.0, 1e-12);

    /* Caption on its own line after the paragraph: the good case. */
    m = eval_page(page_with_caption(), "一二三四五六七八九十百千\n图片说明文字\n");
    CHECK_INT(m.captions_separated, 1);
    CHECK_INT(m.captions_interrupting, 0);
    CHECK_INT(m.captions_within, 0);

    /* Caption on its own line between the pieces: separated, not interrupting, within. */
    m = eval_page(page_with_caption(), "一二三四五六\n图片说明文字\n七八九十百千\n");
    CHECK_INT(m.captions_separated, 1);
    CHECK_INT(m.captions_interrupting, 0);
    CHECK_INT(m.captions_within, 1);
    CHECK_NEAR(m.caption_within, 1.0, 1e-12);

    /* Caption glued to the start of the body: neither. */
    m = eval_page(page_with_caption(), "图片说明文字一二三四五六七八九十百千\n");
    CHECK_INT(m.captions_separated, 0);
    CHECK_INT(m.captions_interrupting, 0);

    /* Caption lost: not located, fractions N/A. */
    m = eval_page(page_with_caption(), "一二三四五六七八九十百千\n");
    CHECK_INT(m.captions, 1);
    CHECK_INT(m.captions_located, 0);
    CHECK_NAN(m.caption_separated);
    CHECK_NAN(m.caption_interrupting);

    /* One body region with a short caption inside it. */
    CHECK_INT(neval_gt_new(&gt, "inside"), NEVAL_OK);
    CHECK_INT(neval_gt_add_region(gt, NULL, "一二三四五六七八九十百千", NEVAL_ROLE_BODY, NULL, 2),
              NEVAL_OK);
    CHECK_INT(neval_gt_add_region(gt, NULL, "图片说", NEVAL_ROLE_CAPTION, NULL, 1), NEVAL_OK);
    m = eval_page(gt, "一二三四五六图片说七八九十百千\n");
    CHECK_INT(m.captions_interrupting, 1);
    CHECK_INT(m.captions_separated, 0);
}

/* A caption quoting a sentence of the body is found at its own place. */
static void test_repeated_text(void)
{
    neval_gt_page *gt = NULL;
    neval_page_metrics m;
    int round;

    for (round = 0; round < 2; round++) {
        CHECK_INT(neval_gt_new(&gt, "quote"), NEVAL_OK);
        CHECK_INT(neval_gt_add_region(gt, NULL, "甲乙丙丁戊己庚辛壬癸", NEVAL_ROLE_BODY, NULL, 2),
                  NEVAL_OK);
        CHECK_INT(neval_gt_add_region(gt, NULL, "丙丁戊己", NEVAL_ROLE_CAPTION, NULL, 1),
                  NEVAL_OK);
        if (round == 0) {
            m = eval_page(gt, "甲乙丙丁戊己庚辛壬癸\n丙丁戊己\n");
            CHECK_INT(m.captions_located, 1);
            CHECK_INT(m.captions_separated, 1);
            CHECK_INT(m.captions_interrupting, 0);
            CHECK_NEAR(m.kendall_tau, 1.0, 1e-12);
        } else {
            /* The caption is missing: its words inside the body do not count. */
            m = eval_page(gt, "甲乙丙丁戊己庚辛壬癸\n");
            CHECK_INT(m.regions_located, 1);
            CHECK_INT(m.captions_located, 0);
        }
    }
}

static void test_cjk_spacing(void)
{
    static const char *zg[] = {"中国"};
    neval_page_metrics m;

    m = eval_page(page_of(zg, 1), "中 国\n");
    CHECK_INT(m.cjk_spaces, 1);
    CHECK_INT(m.cjk_chars, 2);
    CHECK_NEAR(m.cjk_spacing, 0.5, 1e-12);
    CHECK_NEAR(m.cer, 0.0, 1e-12); /* spaces do not count as errors */

    m = eval_page(page_of(zg, 1), "abc\n");
    CHECK_NAN(m.cjk_spacing);
}

static void test_aggregate(void)
{
    static const char *abc[] = {"abc"}, *a[] = {"a"}, *empty[] = {""};
    neval_page_metrics pages[3];
    neval_aggregate ag;

    pages[0] = eval_page(page_of(abc, 1), "abd"); /* cer 1/3 */
    pages[1] = eval_page(page_of(a, 1), "a");     /* cer 0 */
    pages[2] = eval_page(page_of(empty, 1), "");  /* cer N/A */
    neval_metrics_aggregate(&ag, pages, 3);
    CHECK_INT(ag.pages, 3);
    CHECK_NEAR(ag.mean.cer, (1.0 / 3.0) / 2.0, 1e-12); /* N/A page left out */
    CHECK_NEAR(ag.cer_weighted, 1.0 / 4.0, 1e-12);
    CHECK_INT(ag.mean.edits, 1);
    CHECK_INT(ag.mean.gt_chars, 4);
    CHECK_NAN(ag.mean.paragraph_integrity);

    neval_metrics_aggregate(&ag, pages, 0);
    CHECK_INT(ag.pages, 0);
    CHECK_NAN(ag.mean.cer);
    CHECK_NAN(ag.cer_weighted);
}

/* A paragraph printed twice: its copies are taken in reading order, whichever of them
 * recognition got right (here the second). */
static void test_identical_regions(void)
{
    static const char *const texts[] = {"甲乙丙丁戊己庚", "子丑寅卯辰巳", "甲乙丙丁戊己庚"};
    neval_page_metrics m = eval_page(page_of(texts, 3), "甲乙丙丁戊己辛\n子丑寅卯辰巳\n甲乙丙丁戊己庚\n");
    CHECK_INT(m.regions_located, 3);
    CHECK(m.kendall_tau > 0.999);
}

/*
 * Tens of thousands of regions: paragraphs are grouped by sorted ids and
 * identical texts by sorting (each was a search over all regions per region,
 * quadratic).  A paragraph split in two pieces, amid 20,000 empty ones of
 * their own, and three copies of one text, are still found.
 */
static void test_many_regions(void)
{
    neval_gt_page *gt = NULL;
    neval_page_metrics m;
    char pid[32];
    int i;

    CHECK_INT(neval_gt_new(&gt, "many"), NEVAL_OK);
    for (i = 0; i < 20000; i++) {
        snprintf(pid, sizeof(pid), "p%d", i);
        CHECK_INT(neval_gt_add_region(gt, NULL, "", NEVAL_ROLE_BODY, pid, 1), NEVAL_OK);
        if (i == 5000 || i == 15000)
            CHECK_INT(neval_gt_add_region(gt, NULL, i == 5000 ? "abcdef" : "ghijkl",
                                          NEVAL_ROLE_BODY, "P", 1),
                      NEVAL_OK);
        if (i % 5000 == 0 && i)
            CHECK_INT(neval_gt_add_region(gt, NULL, "甲乙丙丁戊己庚", NEVAL_ROLE_BODY, NULL, 1),
                      NEVAL_OK);
    }
    m = eval_page(gt, "甲乙丙丁戊己庚\nabcdefghijkl\n甲乙丙丁戊己庚\n甲乙丙丁戊己庚\n");
    CHECK_INT(m.regions, 5);
    CHECK_INT(m.regions_located, 5);
    CHECK_INT(m.paragraphs, 1);
    CHECK_INT(m.paragraphs_intact, 1);
}

int main(void)
{
    test_cer();
    test_reading_order();
    test_paragraphs();
    test_captions();
    test_repeated_text();
    test_identical_regions();
    test_cjk_spacing();
    test_aggregate();
    test_many_regions();
    return CHECK_DONE();
}
