/*
 * test_text.c - unit tests of the CJK text hygiene functions (pipeline/src/core/text.c).
 *
 *   check_norm      nocr_text_normalize(in) == want
 *   check_join      nocr_text_join(a, b) == want
 *   test_*          one group of behaviours each
 *
 * A standalone program using only the public header; prints each failure as
 * file:line with expected and actual values and exits 1 if any check failed.
 */
#include "newsocr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int n_checks;
static int n_failed;

#define CHECK_STR(want, got) check_str(__FILE__, __LINE__, (want), (got))
#define CHECK_INT(want, got) check_int(__FILE__, __LINE__, #got, (long)(want), (long)(got))
#define NORM(in, want)       check_norm(__FILE__, __LINE__, (in), (want))
#define JOIN(a, b, want)     check_join(__FILE__, __LINE__, (a), (b), (want))

static void check_str(const char *file, int line, const char *want, const char *got)
{
    n_checks++;
    if (got == NULL || strcmp(want, got) != 0) {
        n_failed++;
        fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\"\n", file, line, want,
                got ? got : "(null)");
    }
}

static void check_int(const char *file, int line, const char *expr, long want, long got)
{
    n_checks++;
    if (want != got) {
        n_failed++;
        fprintf(stderr, "%s:%d: %s: expected %ld, got %ld\n", file, line, expr, want, got);
    }
}

/* Checks normalize(in) == want, and that normalising the result again changes nothing. */
static void check_norm(const char *file, int line, const char *in, const char *want)
{
    char *out = NULL, *again = NULL;
    int rc = nocr_text_normalize(&out, in);

    if (rc != NOCR_OK) {
        n_checks++;
        n_failed++;
        fprintf(stderr, "%s:%d: normalize(\"%s\") failed: %d\n", file, line, in, rc);
        return;
    }
    check_str(file, line, want, out);
    rc = nocr_text_normalize(&again, out);
    check_int(file, line, "normalize(normalize(in))", NOCR_OK, rc);
    if (rc == NOCR_OK)
        check_str(file, line, out, again);
    free(again);
    free(out);
}

static void check_join(const char *file, int line, const char *a, const char *b, const char *want)
{
    char *out = NULL;
    int rc = nocr_text_join(&out, a, b);

    if (rc != NOCR_OK) {
        n_checks++;
        n_failed++;
        fprintf(stderr, "%s:%d: join(\"%s\", \"%s\") failed: %d\n", file, line, a, b, rc);
        return;
    }
    check_str(file, line, want, out);
    free(out);
}

static void test_is_cjk(void)
{
    /* clang-format off */
    static const struct {
        unsigned int cp;
        int want;
    } cases[] = {
        {0x4E2D, 1},  /* 中 */
        {0x4E00, 1},  /* first URO */
        {0x9FFF, 1},  /* last URO */
        {0x3400, 1},  /* Extension A */
        {0x4DBF, 1},  /* Extension A end */
        {0xF900, 1},  /* compatibility ideograph */
        {0xFA6D, 1},  /* compatibility ideograph */
        {0x20000, 1}, /* Extension B */
        {0x2A6DF, 1}, /* Extension B end */
        {0x2F800, 1}, /* compatibility supplement */
        {0x3000, 1},  /* ideographic space */
        {0x3001, 1},  /* 、 */
        {0x3002, 1},  /* 。 */
        {0x300A, 1},  /* 《 */
        {0x300B, 1},  /* 》 */
        {0x303F, 1},  /* end of CJK symbols */
        {0x3042, 1},  /* あ hiragana */
        {0x30A2, 1},  /* ア katakana */
        {0xAC00, 1},  /* 가 hangul */
        {0x1100, 1},  /* hangul jamo */
        {0xFF0C, 1},  /* ， */
        {0xFF08, 1},  /* （ */
        {0xFF10, 1},  /* ０ full-width digit */
        {0xFF71, 1},  /* ｱ half-width katakana */
        {0xFFEF, 1},  /* end of half/full-width forms */
        {0x3105, 1},  /* ㄅ bopomofo */
        {'A', 0},
        {'1', 0},
        {',', 0},
        {' ', 0},
        {0x00E9, 0},   /* é */
        {0x0410, 0},   /* Cyrillic А */
        {0x2018, 0},   /* ‘ ambiguous: not CJK by code point */
        {0x201C, 0},   /* “ */
        {0x2026, 0},   /* … */
        {0x2F00, 1},   /* Kangxi radical */
        {0x4DC0, 0},   /* Yijing hexagram, between Ext A and URO */
        {0xFFFD, 0},   /* replacement character */
        {0xFFF0, 0},   /* specials */
        {0x1F600, 0},  /* emoji */
        {0x110000, 0}, /* beyond Unicode */
    };
    /* clang-format on */

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        n_checks++;
        if (nocr_text_is_cjk(cases[i].cp) != cases[i].want) {
            n_failed++;
            fprintf(stderr, "%s:%d: nocr_text_is_cjk(U+%04X): expected %d\n", __FILE__, __LINE__,
                    cases[i].cp, cases[i].want);
        }
    }
}

static void test_cjk_spacing(void)
{
    NORM("中 国 人", "中国人");
    NORM("中\t国\t人", "中国人");
    NORM("中\xE3\x80\x80国", "中国"); /* U+3000 */
    NORM("中\xC2\xA0国", "中国");     /* NBSP */
    NORM("中 \t \xE3\x80\x80 国", "中国");
    NORM("日 本 語 の テ キ ス ト", "日本語のテキスト");
    NORM("한 국 어", "한국어");
    NORM("㐀 丽", "㐀丽"); /* Ext A, compatibility ideograph */
    NORM("𠀀 中", "𠀀中"); /* Ext B */
    NORM("《 人民日报 》 报道", "《人民日报》报道");
    NORM("北京 、 上海", "北京、上海");
    NORM("２０２４ 年", "２０２４年"); /* full-width digits are CJK */
    NORM("  中国  ", "中国");
    NORM("", "");
    NORM(" \t ", "");
}

static void test_quotes(void)
{
    NORM("他说 “ 好 ” 。", "他说“好”。");
    NORM("他说 “Hello” 然后", "他说“Hello”然后");
    NORM("“甲” “乙”", "“甲”“乙”");
    NORM("‘ 中 ’", "‘中’");
    NORM("He said “hello” to me", "He said “hello” to me");
    NORM("Hello “世界”", "Hello “世界”");
    NORM("马克 · 吐温", "马克·吐温");
}

static void test_punctuation(void)
{
    NORM("他说, 今天.", "他说，今天。");
    NORM("(本版图片均为资料图)", "（本版图片均为资料图）");
    NORM("他说 , 今天", "他说，今天");
    NORM("注意: 安全; 好! 对吗?", "注意：安全；好！对吗？");
    NORM("中国(China)很大", "中国（China）很大");
    NORM("f(x) = 1", "f(x) = 1");
    NORM("(Tesseract)识别", "(Tesseract)识别");
    NORM("（中国)", "（中国）");
    NORM("使用 (Tesseract) 识别", "使用（Tesseract）识别");
    NORM("我爱Python!", "我爱Python！");
    NORM("第3,第4", "第3，第4");
    NORM("Hello, world.", "Hello, world.");
    NORM("时间:12:30", "时间：12:30");
    NORM("网址http://xinhua.net", "网址http://xinhua.net");
    NORM("中国. Hello", "中国。Hello");
    NORM("好:;(中)", "好：；（中）");
    NORM("Hello:;(中)", "Hello：；（中）");
    NORM("Hello!(中国)", "Hello！（中国）");
}

static void test_numbers(void)
{
    NORM("增长3.5%", "增长3.5%");
    NORM("1,000人", "1,000人");
    NORM("2024年3月", "2024年3月");
    NORM("GDP增长5.2%", "GDP增长5.2%");
    NORM("达到100.", "达到100。");
    NORM("达到100. 今天", "达到100。今天");
    NORM("达到100.今天", "达到100。今天");
    NORM("增长5.2%.", "增长5.2%。");
    NORM("达到100. Then", "达到100. Then");
    NORM("第1.5版", "第1.5版");
    NORM("增长 3.5%", "增长 3.5%");
}

static void test_latin(void)
{
    NORM("Hello  world", "Hello world");
    NORM("Hello \t\xE3\x80\x80 world", "Hello world");
    NORM("使用 Tesseract 识别", "使用 Tesseract 识别");
    NORM("使用   Tesseract  识别", "使用 Tesseract 识别");
    NORM("使用Tesseract识别", "使用Tesseract识别");
    NORM("e.g. this", "e.g. this");
    NORM("U.S.A.", "U.S.A.");
    NORM("在U.S.A.", "在U.S.A.");
    NORM("例如e.g.", "例如e.g.");
    NORM("Python.", "Python.");
    NORM("见xinhua.net.", "见xinhua.net.");
}

static void test_ellipsis(void)
{
    NORM("他说...", "他说……");
    NORM("他说 ... 然后", "他说……然后");
    NORM("。。。", "……");
    NORM("等等。。。", "等等……");
    NORM("等等…", "等等……");
    NORM("等等……", "等等……");
    NORM("Wait... what", "Wait... what");
    NORM("Wait…", "Wait…");
    NORM("中..", "中..");
    NORM("好。。", "好。。");
    NORM("他说... ...", "他说……");
    NORM("他说...…", "他说……");
    NORM("他说。。.", "他说……");
}

/* Vertical text: presentation forms become what a reader searches for. */
static void test_vertical_forms(void)
{
    NORM("他說\uFE10我們\uFE12", "他說，我們。");
    NORM("\uFE41街角會客廳\uFE42", "「街角會客廳」");
    NORM("\uFE43引\uFE44\uFE11\uFE35注\uFE36", "『引』、（注）");
    NORM("\uFE3D書名\uFE3E\uFE13\uFE14\uFE15\uFE16", "《書名》：；！？");
    NORM("\uFE3B標題\uFE3C\uFE39甲\uFE3A", "【標題】〔甲〕");
    NORM("等等\uFE19", "等等……");
    NORM("破折\uFE31\uFE31號", "破折——號");
    NORM("\uFE45", "\uFE45"); /* a sesame dot has no horizontal form */
    NORM("\uFE1A", "\uFE1A"); /* unassigned neighbours are left alone */
}

static void test_bytes_and_lines(void)
{
    NORM("中\xFF国", "中\xEF\xBF\xBD国");         /* stray byte -> U+FFFD */
    NORM("a\xE4\xB8z", "a\xEF\xBF\xBDz");         /* truncated 3-byte sequence: one U+FFFD */
    NORM("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"); /* overlong '/': two invalid bytes */
    NORM("\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* surrogate */
    NORM("中\x01国", "中国");                                     /* control = white space */
    NORM("a\x01"
         "b",
         "a b");
    NORM("a\xE2\x80\x8B"
         "b",
         "ab");                       /* zero-width space removed */
    NORM("\xEF\xBB\xBF中国", "中国"); /* BOM removed */
    NORM("中 国 \n 人 民", "中国\n人民");
    NORM("中国\r\n人民\r好", "中国\n人民\n好");
    NORM("第一段\n\n第二段", "第一段\n\n第二段");
    NORM("\n\n 中国 \n\n", "中国");
    NORM("达到100.\n今天", "达到100。\n今天");
}

static void test_join(void)
{
    JOIN("……纷纷主动报", "名成为志愿者。", "……纷纷主动报名成为志愿者。");
    JOIN("hello", "world", "hello world");
    JOIN("hello ", "  world", "hello world");
    JOIN("inter-", "national", "international");
    JOIN("COVID-", "19", "COVID-19");
    JOIN("Jean-", "Paul", "Jean-Paul");
    JOIN("2020-", "2024", "2020-2024");
    JOIN("infor\xC2\xAD", "mation", "information"); /* soft hyphen */
    JOIN("", "x", "x");
    JOIN("x", "", "x");
    JOIN("", "", "");
    JOIN("使用", "Tesseract", "使用Tesseract");
    JOIN("Tesseract", "识别", "Tesseract识别");
    JOIN("增长", "5%", "增长5%");
    JOIN("中国\xE3\x80\x80", "人民", "中国人民");
    JOIN("他说“好", "”然后", "他说“好”然后");
    JOIN("hello", ", world", "hello, world");
    JOIN("(see", "above)", "(see above)");
    JOIN("f(", "x)", "f(x)");
    JOIN("100", "200", "100 200");
}

static void test_errors(void)
{
    char *out = (char *)"sentinel";

    CHECK_INT(NOCR_EINVAL, nocr_text_normalize(&out, NULL));
    CHECK_INT(1, out == NULL);
    CHECK_INT(NOCR_EINVAL, nocr_text_normalize(NULL, "x"));
    out = (char *)"sentinel";
    CHECK_INT(NOCR_EINVAL, nocr_text_join(&out, NULL, "x"));
    CHECK_INT(1, out == NULL);
    CHECK_INT(NOCR_EINVAL, nocr_text_join(&out, "x", NULL));
    CHECK_INT(NOCR_EINVAL, nocr_text_join(NULL, "x", "y"));
}

/* Output never longer than 3 bytes per input byte, worst cases included. */
static void test_worst_case(void)
{
    char *out = NULL;

    NORM("中,,,,", "中，，，，");
    NORM("\xFF\xFF\xFF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK_INT(NOCR_OK, nocr_text_normalize(&out, "中…"));
    CHECK_STR("中……", out);
    free(out);
}

int main(void)
{
    test_is_cjk();
    test_cjk_spacing();
    test_quotes();
    test_punctuation();
    test_numbers();
    test_latin();
    test_ellipsis();
    test_vertical_forms();
    test_bytes_and_lines();
    test_join();
    test_errors();
    test_worst_case();
    printf("test_text: %d checks, %d failed\n", n_checks, n_failed);
    return n_failed > 0 ? 1 : 0;
}
