/*
 * test_reconstruct.c - the reading-order stage on synthetic box layouts, without OCR.
 *
 * Each test builds a page model by hand (regions, lines with text and boxes; body text is
 * 10 px high, lines 15 px apart, a paragraph's first line indented by 20 px = 2 em), runs
 * nocr_reconstruct and compares the txt export with the order a reader takes. The last
 * one mirrors the seed article's page (../shared/seed/): lead photo, headline over part
 * of the columns, photos at a column top and mid-column, captions, page note.
 */
#include "check.h"
#include "newsocr.h"

#include <stdlib.h>

#define LINE_H  10
#define PITCH   15
#define INDENT  20

static nocr_page *page_new(int w, int h)
{
    nocr_page *page = NULL;
    CHECK_INT(nocr_page_new(&page, w, h), NOCR_OK);
    return page;
}

static nocr_region *region(nocr_page *page, nocr_role role, int x, int y, int w, int h)
{
    nocr_region *r = NULL;
    nocr_box box = {x, y, w, h};
    CHECK_INT(nocr_page_add_region(&r, page, role, box), NOCR_OK);
    return r;
}

/* One line of text at (x, y) of width w, LINE_H high. */
static void line(nocr_region *r, int x, int y, int w, const char *text)
{
    nocr_box box = {x, y, w, LINE_H};
    CHECK_INT(nocr_region_add_line(NULL, r, box, text, 90.0f), NOCR_OK);
}

/* A body region of a column [x, x + w) from y holding `n` texts, one line each. Lines
 * starting with '>' are indented (a paragraph start) and lines ending with '<' end short
 * (a paragraph end); the markers are not part of the text. */
static nocr_region *column(nocr_page *page, int x, int y, int w, const char *const *texts,
                           int n)
{
    nocr_region *r = region(page, NOCR_ROLE_BODY, x, y, w, n * PITCH);
    for (int i = 0; i < n; i++) {
        const char *t = texts[i];
        int indent = t[0] == '>';
        size_t len = strlen(t + indent);
        int short_end = len > 0 && t[indent + len - 1] == '<';
        char buf[256];
        snprintf(buf, sizeof(buf), "%.*s", (int)(len - (size_t)short_end), t + indent);
        int lx = x + (indent ? INDENT : 0);
        line(r, lx, y + i * PITCH, (short_end ? w / 2 : x + w - lx), buf);
    }
    return r;
}

static nocr_region *one_line(nocr_page *page, nocr_role role, int x, int y, int w,
                             const char *text)
{
    nocr_region *r = region(page, role, x, y, w, LINE_H);
    line(r, x, y, w, text);
    return r;
}

static void check_txt(nocr_page *page, const char *want)
{
    CHECK_INT(nocr_reconstruct(page), NOCR_OK);
    char *txt = NULL;
    CHECK_INT(nocr_export_txt(&txt, page), NOCR_OK);
    CHECK_STR(txt, want);
    free(txt);
    nocr_page_free(page);
}

/* Three columns under one headline; a paragraph runs on from column 1 into column 2. */
static void test_three_columns(void)
{
    nocr_page *page = page_new(400, 400);
    static const char *const c1[] = {">一段开头", "接着写", "第一段完。<", ">第二段开", "始了"};
    static const char *const c2[] = {"还在第二段", "第二段完。<", ">第三段", "又开始"};
    static const char *const c3[] = {"到了第三栏", "结束。<"};
    column(page, 200, 100, 90, c2, 4);
    column(page, 300, 100, 90, c3, 2);
    column(page, 100, 100, 90, c1, 5);
    one_line(page, NOCR_ROLE_HEADLINE, 120, 50, 260, "大标题");
    one_line(page, NOCR_ROLE_BODY, 200, 75, 80, "本报记者 张三");
    check_txt(page, "大标题\n本报记者 张三\n"
                    "一段开头接着写第一段完。\n第二段开始了还在第二段第二段完。\n"
                    "第三段又开始到了第三栏结束。\n");
}

/* Two articles side by side: all of the left one, then the right one; then an article
 * below both, after a rule. */
static void test_side_by_side(void)
{
    nocr_page *page = page_new(400, 600);
    static const char *const a1[] = {">左一", "左二"};
    static const char *const a2[] = {"左三", "左四。<"};
    static const char *const b1[] = {">右一", "右二。<"};
    static const char *const c1[] = {">下一", "下二。<"};
    one_line(page, NOCR_ROLE_HEADLINE, 300, 50, 90, "右题");
    column(page, 300, 100, 90, b1, 2);
    one_line(page, NOCR_ROLE_HEADLINE, 100, 50, 190, "左题");
    column(page, 100, 100, 90, a1, 2);
    column(page, 200, 100, 90, a2, 2);
    region(page, NOCR_ROLE_SEPARATOR, 100, 300, 290, 2);
    one_line(page, NOCR_ROLE_HEADLINE, 100, 320, 290, "下题");
    column(page, 300, 350, 90, c1, 2);
    check_txt(page, "左题\n左一左二左三左四。\n\n右题\n右一右二。\n\n下题\n下一下二。\n");
}

/* A headline over columns 2-3 of a three-column article: column 1 starts beside it and
 * is read first. */
static void test_partial_headline(void)
{
    nocr_page *page = page_new(400, 400);
    static const char *const c1[] = {">旁边一", "旁边二", "旁边三", "旁边四"};
    static const char *const c2[] = {"题下二", "题下三。<"};
    one_line(page, NOCR_ROLE_HEADLINE, 220, 50, 160, "部分标题");
    column(page, 200, 100, 90, c2, 2);
    column(page, 100, 50, 90, c1, 4);
    check_txt(page, "部分标题\n旁边一旁边二旁边三旁边四题下二题下三。\n");
}

/* A photo in the middle of a column: the text above and below it is one paragraph, the
 * caption comes after the body. */
static void test_photo_mid_column(void)
{
    nocr_page *page = page_new(400, 500);
    static const char *const above[] = {">照片上面", "一句话没说"};
    static const char *const below[] = {"完就到了下面。<", ">新段落。<"};
    one_line(page, NOCR_ROLE_HEADLINE, 100, 30, 190, "标题");
    column(page, 100, 60, 90, above, 2);
    region(page, NOCR_ROLE_FIGURE, 100, 100, 90, 100);
    one_line(page, NOCR_ROLE_CAPTION, 100, 205, 90, "图为照片。");
    column(page, 100, 230, 90, below, 2);
    check_txt(page, "标题\n照片上面一句话没说完就到了下面。\n新段落。\n图为照片。\n");
}

/* No headline at all (the continuation of an article from another page): columns in
 * order, the folio first and the note last. */
static void test_no_headline(void)
{
    nocr_page *page = page_new(400, 500);
    static const char *const c1[] = {">甲", "乙"};
    static const char *const c2[] = {"丙。<"};
    column(page, 200, 100, 90, c2, 1);
    column(page, 100, 100, 90, c1, 2);
    one_line(page, NOCR_ROLE_BODY, 300, 450, 90, "（本版图片均为资料图）");
    one_line(page, NOCR_ROLE_PAGE_HEADER, 10, 10, 380, "第2版 要闻");
    CHECK_INT(nocr_page_warning_count(page), 0);
    check_txt(page, "第2版 要闻\n\n甲乙丙。\n\n（本版图片均为资料图）\n");
}

/* Pages that defeat the layout still give their text, with a warning. */
static void test_warnings(void)
{
    nocr_page *page = page_new(400, 400);
    region(page, NOCR_ROLE_FIGURE, 0, 0, 400, 350);
    one_line(page, NOCR_ROLE_CAPTION, 10, 360, 200, "全版照片");
    CHECK_INT(nocr_reconstruct(page), NOCR_OK);
    CHECK_INT(nocr_page_warning_count(page), 2);
    CHECK(strstr(nocr_page_warning(page, 0), "photos cover 87% of the page") != NULL);
    CHECK(strstr(nocr_page_warning(page, 1), "no body text") != NULL);
    CHECK(nocr_page_warning(page, 2) == NULL);
    char *txt = NULL;
    CHECK_INT(nocr_export_txt(&txt, page), NOCR_OK);
    CHECK_STR(txt, "全版照片\n");
    free(txt);
    nocr_page_free(page);

    page = page_new(400, 400);
    static const char *const c1[] = {">甲", "乙"};
    static const char *const c2[] = {"丙", "丁。<"};
    column(page, 10, 10, 90, c1, 2);
    column(page, 110, 10, 90, c2, 2);
    CHECK_INT(nocr_reconstruct(page), NOCR_OK);
    CHECK_INT(nocr_page_warning_count(page), 1);
    CHECK(strstr(nocr_page_warning(page, 0), "no headline found") != NULL);
    nocr_page_free(page);

    page = page_new(400, 400);
    CHECK_INT(nocr_reconstruct(page), NOCR_OK);
    CHECK_STR(nocr_page_warning(page, 0), "no text found on the page");
    nocr_page_free(page);
}

/* The seed article's page, in boxes: a lead photo over columns 1-2 with its caption, the
 * headline over columns 3-6, subheadline, byline; six columns of body; a photo at the top
 * of column 5 and one over columns 5-6 mid-page, each with a caption; the page note. The
 * captions come after the body, the paragraphs run on across the column breaks and around
 * the photos (article-in-reading-order.txt). */
static void test_seed_layout(void)
{
    nocr_page *page = page_new(700, 1000);
    one_line(page, NOCR_ROLE_PAGE_HEADER, 10, 10, 680, "第4版 基层治理 2025年1月8日 星期三");
    region(page, NOCR_ROLE_SEPARATOR, 10, 25, 680, 3);
    region(page, NOCR_ROLE_FIGURE, 10, 40, 210, 140);
    one_line(page, NOCR_ROLE_CAPTION, 10, 185, 100, "社区“邻里节”。");
    one_line(page, NOCR_ROLE_HEADLINE, 250, 40, 440, "「街角会客厅」里的民生温度");
    one_line(page, NOCR_ROLE_SUBHEADLINE, 300, 70, 340, "——我市用小空间激活基层治理大能量");
    one_line(page, NOCR_ROLE_BODY, 420, 90, 80, "本报记者 韩涛");
    static const char *const c1[] = {">深冬时节", "暖意融融。<", ">这样的转变", "让居民走得"};
    static const char *const c2[] = {"进来、坐得下来。<", ">在英雄南路"};
    static const char *const c3[] = {"热闹景象。<", ">除了常态化", "纷纷主动报"};
    static const char *const c4[] = {"名成为志愿者。<", ">“楼下物流点"};
    static const char *const c5a[] = {"把生活中的困扰、"};
    static const char *const c5b[] = {"心中的诉求一一倾诉。<"};
    static const char *const c6[] = {"居民孙女士说。<", ">如今，行走在"};
    static const char *const c6b[] = {"最美一公里。<"};
    column(page, 10, 220, 100, c1, 4);
    column(page, 120, 220, 100, c2, 2);
    column(page, 240, 120, 100, c3, 3);
    column(page, 360, 120, 100, c4, 2);
    region(page, NOCR_ROLE_FIGURE, 480, 120, 100, 80);
    one_line(page, NOCR_ROLE_CAPTION, 480, 205, 100, "社区事“我”参与。");
    column(page, 480, 225, 100, c5a, 1);
    column(page, 480, 500, 100, c5b, 1);
    column(page, 590, 120, 100, c6, 2);
    region(page, NOCR_ROLE_FIGURE, 480, 300, 210, 150);
    one_line(page, NOCR_ROLE_CAPTION, 480, 455, 120, "太西社区“书记夜话”。");
    column(page, 590, 500, 100, c6b, 1);
    one_line(page, NOCR_ROLE_BODY, 560, 950, 130, "（本版图片均为资料图）");
    check_txt(page, "第4版 基层治理 2025年1月8日 星期三\n\n"
                    "「街角会客厅」里的民生温度\n"
                    "——我市用小空间激活基层治理大能量\n"
                    "本报记者 韩涛\n"
                    "深冬时节暖意融融。\n"
                    "这样的转变让居民走得进来、坐得下来。\n"
                    "在英雄南路热闹景象。\n"
                    "除了常态化纷纷主动报名成为志愿者。\n"
                    "“楼下物流点把生活中的困扰、心中的诉求一一倾诉。\n"
                    "居民孙女士说。\n"
                    "如今，行走在最美一公里。\n"
                    "社区“邻里节”。\n"
                    "社区事“我”参与。\n"
                    "太西社区“书记夜话”。\n\n"
                    "（本版图片均为资料图）\n");
}

/* Roles told by the text; noise left out; regions without text keep no order. */
static void test_roles(void)
{
    nocr_page *page = page_new(400, 400);
    nocr_region *by = one_line(page, NOCR_ROLE_BODY, 100, 70, 100, "本报记者 李四");
    nocr_region *noise = one_line(page, NOCR_ROLE_BODY, 380, 300, 5, "o");
    nocr_line_set_confidence(nocr_region_line(noise, 0), 20.0f);
    nocr_region *fig = region(page, NOCR_ROLE_FIGURE, 100, 200, 100, 100);
    one_line(page, NOCR_ROLE_HEADLINE, 100, 40, 200, "标题");
    CHECK_INT(nocr_reconstruct(page), NOCR_OK);
    CHECK_INT(nocr_region_role(by), NOCR_ROLE_BYLINE);
    CHECK_INT(nocr_region_order(noise), -1);
    CHECK_INT(nocr_region_order(fig), -1);
    CHECK_INT(nocr_region_order(by), 1);
    CHECK_INT(nocr_region_article(by), 0);
    nocr_page_free(page);
    CHECK_INT(nocr_reconstruct(NULL), NOCR_EINVAL);
}

int main(void)
{
    test_three_columns();
    test_side_by_side();
    test_partial_headline();
    test_photo_mid_column();
    test_no_headline();
    test_seed_layout();
    test_roles();
    test_warnings();
    return CHECK_DONE();
}
