/*
 * test_contract.c - the page model as the contract between stages: page properties set by
 * one stage and read by the next (body height, work boxes), getters on NULL, word editing
 * that keeps a line's text and words in agreement, the format table, and the
 * post-recognition hook of nocr_process (on the fixture crop of a sample page).
 *
 * Usage: test_contract FIXTURES_DIR [SAMPLES_DIR SCHEMAS_DIR]
 */
#include "check.h"
#include "newsocr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static nocr_line *add_line(nocr_region *r, int x, int y, int w, int h, const char *text)
{
    nocr_line *line = NULL;
    CHECK_INT(nocr_region_add_line(&line, r, (nocr_box){x, y, w, h}, text, 90.0f), NOCR_OK);
    return line;
}

/* Every getter answers NULL with the empty value, and every setter ignores it. */
static void test_null_getters(void)
{
    CHECK_INT(nocr_page_width(NULL), 0);
    CHECK_INT(nocr_page_body_height(NULL), 0);
    CHECK_INT((int)nocr_page_region_count(NULL), 0);
    CHECK(nocr_page_region(NULL, 0) == NULL);
    CHECK_STR(nocr_page_source(NULL), "");
    CHECK(nocr_page_warning(NULL, 0) == NULL);
    CHECK_INT(nocr_region_order(NULL), -1);
    CHECK_INT(nocr_region_article(NULL), -1);
    CHECK_INT(nocr_region_role(NULL), NOCR_ROLE_UNKNOWN);
    CHECK_INT(nocr_region_work_box(NULL).w, 0);
    CHECK_INT((int)nocr_region_line_count(NULL), 0);
    CHECK(nocr_region_confidence(NULL) < 0);
    CHECK_STR(nocr_line_text(NULL), "");
    CHECK_INT(nocr_line_work_box(NULL).w, 0);
    CHECK_INT((int)nocr_line_word_count(NULL), 0);
    CHECK(nocr_line_word(NULL, 0) == NULL);
    CHECK_STR(nocr_word_text(NULL), "");
    CHECK(nocr_word_confidence(NULL) < 0);
    nocr_page_set_body_height(NULL, 40);
    nocr_region_set_work_box(NULL, (nocr_box){1, 2, 3, 4});
    nocr_region_clear_lines(NULL);
    nocr_page_sort_by_order(NULL);
    CHECK_INT(nocr_line_set_text(NULL, "x"), NOCR_EINVAL);
    CHECK_INT(nocr_page_add_region(NULL, NULL, NOCR_ROLE_BODY, (nocr_box){0, 0, 1, 1}),
              NOCR_EINVAL);
    CHECK_INT(nocr_role_is_text(NOCR_ROLE_BODY), 1);
    CHECK_INT(nocr_role_is_text(NOCR_ROLE_PAGE_HEADER), 1);
    CHECK_INT(nocr_role_is_text(NOCR_ROLE_FIGURE), 0);
    CHECK_INT(nocr_role_is_text(NOCR_ROLE_SEPARATOR), 0);
}

/* Body height: what the segmenter set, else the median body line height. */
static void test_body_height(void)
{
    nocr_page *page = NULL;
    nocr_region *body = NULL, *head = NULL;
    CHECK_INT(nocr_page_new(&page, 1000, 1000), NOCR_OK);
    CHECK_INT(nocr_page_body_height(page), 0);
    CHECK_INT(nocr_page_add_region(&head, page, NOCR_ROLE_HEADLINE, (nocr_box){0, 0, 900, 90}),
              NOCR_OK);
    add_line(head, 0, 0, 900, 90, "大标题");
    CHECK_INT(nocr_page_add_region(&body, page, NOCR_ROLE_BODY, (nocr_box){0, 100, 300, 400}),
              NOCR_OK);
    add_line(body, 0, 100, 300, 30, "一");
    add_line(body, 0, 140, 300, 34, "二");
    add_line(body, 0, 180, 300, 20, "三"); /* a short line of punctuation */
    CHECK_INT(nocr_page_body_height(page), 30); /* the median, not the minimum */
    nocr_page_set_body_height(page, 41);
    CHECK_INT(nocr_page_body_height(page), 41);
    nocr_page_set_body_height(page, -3); /* unknown again */
    CHECK_INT(nocr_page_body_height(page), 30);

    CHECK(nocr_page_coverage(page) < 0); /* not measured */
    nocr_page_set_coverage(page, 0.97);
    CHECK(nocr_page_coverage(page) > 0.969 && nocr_page_coverage(page) < 0.971);
    nocr_page_set_coverage(page, 7);
    CHECK(nocr_page_coverage(page) == 1);
    CHECK_STR(nocr_page_lang(page), "");
    CHECK_INT(nocr_page_set_lang(page, "chi_tra"), NOCR_OK);
    CHECK_STR(nocr_page_lang(page), "chi_tra");
    CHECK_INT(nocr_region_origin(body), NOCR_ORIGIN_LAYOUT);
    nocr_region_set_origin(body, NOCR_ORIGIN_COVERAGE);
    CHECK_STR(nocr_origin_name(nocr_region_origin(body)), "coverage");
    CHECK_STR(nocr_origin_name((nocr_origin)9), "unknown");

    /* Boxes beyond the model's range are refused when added and clamped when set. */
    CHECK_INT(nocr_page_add_region(NULL, page, NOCR_ROLE_BODY, (nocr_box){2147483000, 0, 900, 9}),
              NOCR_EINVAL);
    CHECK(strstr(nocr_error_last(), "outside") != NULL);
    CHECK_INT(nocr_page_add_region(NULL, page, NOCR_ROLE_BODY, (nocr_box){0, 0, -1, 9}),
              NOCR_EINVAL);
    CHECK_INT(nocr_region_add_line(NULL, body, (nocr_box){0, 0, 1, NOCR_MAX_COORD + 1}, "x", 1),
              NOCR_EINVAL);
    nocr_region_set_work_box(body, (nocr_box){NOCR_MAX_COORD - 5, 0, 100, 10});
    CHECK_INT(nocr_region_work_box(body).w, 5);

    nocr_region_set_work_box(body, (nocr_box){5, 6, 7, 8});
    CHECK_INT(nocr_region_work_box(body).x, 5);
    CHECK_INT(nocr_region_work_box(body).h, 8);
    nocr_line_set_work_box(nocr_region_line(body, 1), (nocr_box){9, 10, 11, 12});
    CHECK_INT(nocr_line_work_box(nocr_region_line(body, 1)).y, 10);

    nocr_region_remove_line(body, 0);
    CHECK_INT((int)nocr_region_line_count(body), 2);
    CHECK_STR(nocr_line_text(nocr_region_line(body, 0)), "二");
    CHECK_INT(nocr_line_work_box(nocr_region_line(body, 0)).y, 10);
    nocr_region_remove_line(body, 7); /* out of range: nothing */
    CHECK_INT((int)nocr_region_line_count(body), 2);
    nocr_region_clear_lines(body);
    CHECK_INT((int)nocr_region_line_count(body), 0);
    CHECK_INT(nocr_page_body_height(page), 0); /* no body lines left */
    nocr_page_free(page);
}

/* A line as the recognizer leaves it: one word per Han character plus Latin words. */
static nocr_line *recognized_line(nocr_page *page)
{
    nocr_region *r = NULL;
    CHECK_INT(nocr_page_add_region(&r, page, NOCR_ROLE_BODY, (nocr_box){0, 0, 1000, 40}),
              NOCR_OK);
    nocr_line *line = add_line(r, 0, 0, 1000, 40, NULL);
    const char *words[] = {"使", "用", "Quuxland", "识", "别"};
    const int xs[] = {0, 40, 100, 400, 440};
    const int ws[] = {38, 38, 280, 38, 38};
    for (int i = 0; i < 5; i++)
        CHECK_INT(nocr_line_add_word(NULL, line, (nocr_box){xs[i], 0, ws[i], 40}, words[i], 80),
                  NOCR_OK);
    CHECK_INT(nocr_line_text_from_words(line), NOCR_OK);
    return line;
}

static void test_word_editing(void)
{
    nocr_page *page = NULL;
    CHECK_INT(nocr_page_new(&page, 1000, 100), NOCR_OK);
    nocr_line *line = recognized_line(page);
    /* Gaps of 22 px at a 40 px line (> 0.35 of it) are real spaces around the Latin word. */
    CHECK_STR(nocr_line_text(line), "使用 Quuxland 识别");

    CHECK_INT(nocr_line_set_word_text(line, 2, "Leptonica"), NOCR_OK);
    CHECK_STR(nocr_line_text(line), "使用 Leptonica 识别");
    CHECK_STR(nocr_word_text(nocr_line_word(line, 2)), "Leptonica");
    CHECK_INT(nocr_word_box(nocr_line_word(line, 2)).x, 100);

    CHECK_INT(nocr_line_remove_word(line, 2), NOCR_OK);
    CHECK_INT((int)nocr_line_word_count(line), 4);
    CHECK_STR(nocr_line_text(line), "使用识别");

    CHECK_INT(nocr_line_set_word_text(line, 4, "x"), NOCR_EINVAL);
    CHECK(strstr(nocr_error_last(), "word 4") != NULL);
    CHECK_INT(nocr_line_remove_word(line, 9), NOCR_EINVAL);

    /* Setting the whole text replaces the words by one, so ALTO and hOCR say the same. */
    CHECK_INT(nocr_line_set_text(line, "社区服务"), NOCR_OK);
    CHECK_INT((int)nocr_line_word_count(line), 1);
    CHECK_STR(nocr_word_text(nocr_line_word(line, 0)), "社区服务");
    CHECK_INT(nocr_word_box(nocr_line_word(line, 0)).w, 1000);
    nocr_page_free(page);
}

static void test_format_table(void)
{
    const char *names[] = {"txt", "json", "hocr", "alto", "page", "overlay"};
    CHECK(nocr_format_count() >= 6);
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        const nocr_format *f = nocr_format_find(names[i]);
        CHECK(f != NULL);
        if (f)
            CHECK_STR(f->name, names[i]);
    }
    CHECK_STR(nocr_format_find("alto")->extension, ".alto.xml");
    CHECK_INT(nocr_format_find("overlay")->needs_image, 1);
    CHECK_INT(nocr_format_find("txt")->needs_image, 0);
    CHECK(nocr_format_find("docx") == NULL);
    CHECK(nocr_format_find(NULL) == NULL);
    CHECK(nocr_format_at(nocr_format_count()) == NULL);

    /* Every text format writes the edited word; none writes the original. */
    nocr_page *page = NULL;
    CHECK_INT(nocr_page_new(&page, 1000, 100), NOCR_OK);
    nocr_line *line = recognized_line(page);
    CHECK_INT(nocr_reconstruct(page), NOCR_OK);
    CHECK_INT(nocr_line_set_word_text(line, 2, "Leptonica"), NOCR_OK);
    for (size_t i = 0; i < nocr_format_count(); i++) {
        const nocr_format *f = nocr_format_at(i);
        if (f->needs_image)
            continue;
        unsigned char *out = NULL;
        size_t n = 0;
        CHECK_INT(f->write(&out, &n, page, NULL, NULL), NOCR_OK);
        CHECK(out && n == strlen((char *)out));
        CHECK(out && strstr((char *)out, "Leptonica") != NULL);
        CHECK(out && strstr((char *)out, "Quuxland") == NULL);
        free(out);
    }
    nocr_page_free(page);
}

/* The hook: replaces every word "的" by "之" and counts its calls. */
typedef struct hook_state {
    int calls, edits, fail;
} hook_state;

static int hook_edit(nocr_page *page, void *data)
{
    hook_state *st = data;
    st->calls++;
    if (st->fail)
        return NOCR_EENGINE;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        for (size_t k = 0; k < nocr_region_line_count(r); k++) {
            nocr_line *line = nocr_region_line(r, k);
            for (size_t w = 0; w < nocr_line_word_count(line); w++) {
                const char *t = nocr_word_text(nocr_line_word(line, w));
                if (strcmp(t, "的") == 0 && nocr_line_set_word_text(line, w, "之") == 0)
                    st->edits++;
            }
        }
    }
    return NOCR_OK;
}

static void test_hook(const char *fixtures)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/good.png", fixtures);
    nocr_engine *eng = NULL;
    nocr_engine_options eo = NOCR_ENGINE_OPTIONS_INIT;
    if (nocr_engine_new(&eng, &eo) != NOCR_OK) {
        fprintf(stderr, "no chi_sim model: %s\n", nocr_error_last());
        CHECK(0);
        return;
    }
    /* The build finds the source tree's settings file. */
    CHECK(strstr(nocr_engine_config(eng), "newsocr.config") != NULL);
    nocr_image *img = NULL;
    nocr_page *page = NULL;
    CHECK_INT(nocr_image_load(&img, path, 0, NULL), NOCR_OK);
    hook_state st = {0, 0, 0};
    nocr_process_options po = NOCR_PROCESS_OPTIONS_INIT;
    po.after_recognize = hook_edit;
    po.hook_data = &st;
    CHECK_INT(nocr_process(&page, eng, img, &po, NULL), NOCR_OK);
    CHECK_INT(st.calls, 1);
    CHECK(st.edits > 3); /* the crop holds a body column of Chinese text */
    char *txt = NULL, *alto = NULL;
    CHECK_INT(nocr_export_txt(&txt, page), NOCR_OK);
    CHECK_INT(nocr_export_alto(&alto, page, NULL), NOCR_OK);
    CHECK(txt && strstr(txt, "的") == NULL && strstr(txt, "之") != NULL);
    CHECK(alto && strstr(alto, "之") != NULL && strstr(alto, "CONTENT=\"的\"") == NULL);
    free(txt);
    free(alto);
    nocr_page_free(page);
    page = NULL;

    /* A failing hook stops the process with its code and a message; no page comes out. */
    st.fail = 1;
    CHECK_INT(nocr_process(&page, eng, img, &po, NULL), NOCR_EENGINE);
    CHECK(page == NULL);
    CHECK_STR(nocr_error_last(), "post-recognition hook failed");
    nocr_image_free(img);
    nocr_engine_free(eng);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_contract FIXTURES_DIR\n");
        return 2;
    }
    test_null_getters();
    test_body_height();
    test_word_editing();
    test_format_table();
    test_hook(argv[1]);
    return CHECK_DONE();
}
