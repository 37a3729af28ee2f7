/*
 * test_page.c - the page model, the first reconstructor and the text export, on synthetic
 * pages built by hand (no image, no OCR).
 */
#include "check.h"
#include "newsocr.h"

#include <stdlib.h>

static nocr_region *add(nocr_page *page, nocr_role role, int x, int y, int w, int h)
{
    nocr_region *r = NULL;
    nocr_box box = {x, y, w, h};
    CHECK_INT(nocr_page_add_region(&r, page, role, box), NOCR_OK);
    return r;
}

static void add_line_at(nocr_region *r, const char *text, int x, int y, int w)
{
    nocr_line *line = NULL;
    nocr_box box = {x, y, w, 10};
    CHECK_INT(nocr_region_add_line(&line, r, box, text, 90.0f), NOCR_OK);
}

static void add_line(nocr_region *r, const char *text, int starts)
{
    nocr_box rb = nocr_region_box(r);
    add_line_at(r, text, rb.x, rb.y, rb.w);
    (void)starts;
}

static void test_model(void)
{
    nocr_page *page = NULL;
    CHECK_INT(nocr_page_new(&page, 0, 10), NOCR_EINVAL);
    CHECK(strstr(nocr_error_last(), "0x10") != NULL);
    CHECK_INT(nocr_page_new(&page, 2480, 3508), NOCR_OK);
    CHECK_INT(nocr_page_width(page), 2480);
    CHECK_INT(nocr_page_height(page), 3508);
    CHECK_INT(nocr_page_set_source(page, "a/b.png", 2), NOCR_OK);
    CHECK_STR(nocr_page_source(page), "a/b.png");
    CHECK_INT(nocr_page_index(page), 2);
    nocr_page_set_skew(page, -1.5, 0.9);
    CHECK(nocr_page_skew(page) == -1.5);

    nocr_region *r = add(page, NOCR_ROLE_BODY, 10, 20, 300, 400);
    CHECK_INT(nocr_region_article(r), -1);
    CHECK_INT(nocr_region_order(r), -1);
    CHECK(nocr_region_confidence(r) < 0);
    nocr_line *line = NULL;
    nocr_box lb = {10, 20, 300, 40};
    CHECK_INT(nocr_region_add_line(&line, r, lb, NULL, 80.0f), NOCR_OK);
    CHECK_STR(nocr_line_text(line), "");
    CHECK_INT(nocr_line_set_text(line, "中国"), NOCR_OK);
    CHECK_STR(nocr_line_text(line), "中国");
    nocr_word *word = NULL;
    nocr_box wb = {10, 20, 40, 40};
    CHECK_INT(nocr_line_add_word(&word, line, wb, "中", 70.0f), NOCR_OK);
    CHECK_INT(nocr_line_add_word(NULL, line, wb, "国", 90.0f), NOCR_OK);
    CHECK_INT(nocr_line_word_count(line), 2);
    CHECK_STR(nocr_word_text(nocr_line_word(line, 1)), "国");
    CHECK(nocr_line_word(line, 2) == NULL);
    CHECK_INT(nocr_word_box(word).w, 40);
    add_line(r, "人民", 0);
    CHECK_INT(nocr_region_line_count(r), 2);
    CHECK(nocr_region_confidence(r) > 84.9f && nocr_region_confidence(r) < 85.1f);

    /* Regions handed out stay valid as the page grows. */
    for (int i = 0; i < 100; i++)
        add(page, NOCR_ROLE_SEPARATOR, i, 0, 1, 100);
    CHECK_INT(nocr_region_box(r).y, 20);
    CHECK_INT(nocr_page_region_count(page), 101);
    CHECK(nocr_page_region(page, 0) == r);
    CHECK(nocr_page_region(page, 101) == NULL);

    nocr_region_set_order(r, 5);
    nocr_region_set_order(nocr_page_region(page, 50), 0);
    nocr_page_sort_by_order(page);
    CHECK_INT(nocr_region_order(nocr_page_region(page, 0)), 0);
    CHECK(nocr_page_region(page, 1) == r);
    CHECK_INT(nocr_region_order(nocr_page_region(page, 2)), -1);

    nocr_page_clear_regions(page);
    CHECK_INT(nocr_page_region_count(page), 0);
    nocr_page_free(page);
    nocr_page_free(NULL);

    CHECK_STR(nocr_role_name(NOCR_ROLE_CAPTION), "caption");
    CHECK_STR(nocr_role_name(NOCR_ROLE_PAGE_HEADER), "folio");
    CHECK_STR(nocr_role_name((nocr_role)99), "unknown");
    CHECK_STR(nocr_error_name(NOCR_ELIMIT), "image size out of limits");
}

/* The first reconstructor: folio first, captions after the text, notes last, figures and
 * separators out of the order; the export joins a paragraph's lines. */
static void test_reconstruct_export(void)
{
    nocr_page *page = NULL;
    CHECK_INT(nocr_page_new(&page, 1000, 1000), NOCR_OK);
    nocr_region *cap = add(page, NOCR_ROLE_CAPTION, 0, 100, 300, 30);
    add_line(cap, "社区“邻里节”。", 1);
    /* Body text 10 px high: a 2-em indent starts a paragraph, so does the line after a
     * short one; the rest continue it. */
    nocr_region *body = add(page, NOCR_ROLE_BODY, 0, 200, 300, 300);
    add_line_at(body, "让居民走得", 20, 200, 280);
    add_line_at(body, "进来、坐得下来。", 0, 215, 150);
    add_line_at(body, "第二段 with Latin", 20, 230, 280);
    add_line_at(body, "words and inter-", 0, 245, 300);
    add_line_at(body, "national text。", 0, 260, 150);
    nocr_region *fig = add(page, NOCR_ROLE_FIGURE, 400, 0, 300, 300);
    nocr_region *note = add(page, NOCR_ROLE_NOTE, 0, 900, 300, 30);
    add_line(note, "（本版图片均为资料图）", 1);
    nocr_region *folio = add(page, NOCR_ROLE_PAGE_HEADER, 0, 0, 1000, 30);
    add_line(folio, "第3版 社区", 1);

    CHECK_INT(nocr_reconstruct(page), NOCR_OK);
    CHECK(nocr_page_region(page, 0) == folio);
    CHECK(nocr_page_region(page, 1) == body);
    CHECK(nocr_page_region(page, 2) == cap);
    CHECK(nocr_page_region(page, 3) == note);
    CHECK(nocr_page_region(page, 4) == fig);
    CHECK_INT(nocr_region_order(fig), -1);
    CHECK_INT(nocr_region_order(note), 3);
    CHECK_INT(nocr_line_starts_paragraph(nocr_region_line(body, 0)), 1);
    CHECK_INT(nocr_line_starts_paragraph(nocr_region_line(body, 1)), 0);
    CHECK_INT(nocr_line_starts_paragraph(nocr_region_line(body, 2)), 1);
    CHECK_INT(nocr_line_starts_paragraph(nocr_region_line(body, 3)), 0);

    char *txt = NULL;
    CHECK_INT(nocr_export_txt(&txt, page), NOCR_OK);
    /* The folio and the note stand apart from the (one) article by a blank line. */
    CHECK_INT(nocr_region_article(folio), -1);
    CHECK_INT(nocr_region_article(body), 0);
    CHECK_STR(txt, "第3版 社区\n\n"
                   "让居民走得进来、坐得下来。\n"
                   "第二段 with Latin words and international text。\n"
                   "社区“邻里节”。\n\n"
                   "（本版图片均为资料图）\n");
    free(txt);

    /* Articles are separated by a blank line. */
    nocr_region_set_article(folio, -1);
    nocr_region_set_article(body, 0);
    nocr_region_set_article(cap, 0);
    nocr_region_set_article(note, -1);
    CHECK_INT(nocr_export_txt(&txt, page), NOCR_OK);
    CHECK_STR(txt, "第3版 社区\n\n"
                   "让居民走得进来、坐得下来。\n"
                   "第二段 with Latin words and international text。\n"
                   "社区“邻里节”。\n\n"
                   "（本版图片均为资料图）\n");
    free(txt);

    CHECK_INT(nocr_export_txt(NULL, page), NOCR_EINVAL);
    CHECK_INT(nocr_reconstruct(NULL), NOCR_EINVAL);
    nocr_page_free(page);
}

int main(void)
{
    test_model();
    test_reconstruct_export();
    return CHECK_DONE();
}
