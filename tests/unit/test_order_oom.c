/*
 * test_order_oom.c - the reading-order stage when memory runs out.
 *
 * The test replaces malloc, calloc, realloc and free with glibc's own (__libc_*), so that
 * it can make the k-th allocation fail and count the blocks alive. For every k it builds a
 * page, makes the k-th allocation of nocr_reconstruct fail and checks that the stage says
 * NOCR_ENOMEM with a message (it used to return success with a wrong order) and that no
 * block is left behind once the page is freed. The k past the stage's last allocation
 * succeeds and gives the order of a run without failures.
 *
 * Skipped (exit 77) where the replacement cannot work: other C libraries than glibc, and
 * sanitizer builds (their allocator would meet blocks it did not make).
 */
#include "newsocr.h"

#include <stdio.h>
#include <stdlib.h>

#include "oom.h"

#ifndef OOM_SKIP
#include "check.h"

/* A page with all the stage does: a folio, two articles, a photo-page check, a caption,
 * a noise region (a warning-free page would not allocate a warning: see below), a block
 * cut at its byline. */
static nocr_page *build(void)
{
    nocr_page *page = NULL;
    nocr_region *r = NULL;
    CHECK_INT(nocr_page_new(&page, 1000, 1000), NOCR_OK);
    nocr_page_set_body_height(page, 10); /* else nocr_page_body_height allocates */
    static const struct {
        nocr_role role;
        nocr_box box;
        const char *text;
    } regions[] = {
        {NOCR_ROLE_PAGE_HEADER, {10, 10, 500, 10}, "第2版 要闻"},
        {NOCR_ROLE_HEADLINE, {100, 100, 300, 20}, "左边标题"},
        {NOCR_ROLE_BODY, {100, 150, 140, 10}, "左边正文第一行"},
        {NOCR_ROLE_BODY, {260, 150, 140, 10}, "左边正文第二栏"},
        {NOCR_ROLE_HEADLINE, {500, 100, 300, 20}, "右边标题"},
        {NOCR_ROLE_BODY, {500, 150, 300, 10}, "右边正文"},
        {NOCR_ROLE_FIGURE, {0, 300, 1000, 600}, NULL},
        {NOCR_ROLE_CAPTION, {100, 920, 300, 10}, "图为照片"},
    };
    for (size_t i = 0; i < sizeof(regions) / sizeof(regions[0]); i++) {
        CHECK_INT(nocr_page_add_region(&r, page, regions[i].role, regions[i].box), NOCR_OK);
        if (regions[i].text)
            CHECK_INT(nocr_region_add_line(NULL, r, regions[i].box, regions[i].text, 90.0f),
                      NOCR_OK);
    }
    /* a block of Tesseract's holding a headline and its byline, cut in two (split.c) */
    nocr_box head = {820, 100, 150, 20}, by = {830, 125, 100, 10};
    CHECK_INT(nocr_page_add_region(&r, page, NOCR_ROLE_BODY, (nocr_box){820, 100, 150, 35}),
              NOCR_OK);
    nocr_region_set_origin(r, NOCR_ORIGIN_TESSERACT);
    CHECK_INT(nocr_region_add_line(NULL, r, head, "Small head", 90.0f), NOCR_OK);
    CHECK_INT(nocr_region_add_line(NULL, r, by, "By Ann Lee", 90.0f), NOCR_OK);
    return page;
}

/* The regions' orders, one digit each ('-' for none), and the warnings' count. */
static void summary(char *out, const nocr_page *page)
{
    size_t n = nocr_page_region_count(page), i;
    for (i = 0; i < n; i++) {
        int order = nocr_region_order(nocr_page_region(page, i));
        out[i] = order < 0 ? '-' : (char)('0' + order % 10);
    }
    out[i++] = (char)('0' + nocr_page_warning_count(page));
    out[i] = '\0';
}

int main(void)
{
    char want[32], got[32];
    nocr_page *page = build();
    CHECK_INT(nocr_reconstruct(page), NOCR_OK);
    summary(want, page);
    CHECK_STR(want, "012345678-1"); /* the block in two: 9 read; the photo covers 60% of the
                                     * page: one warning */
    nocr_page_free(page);

    int k, rc = NOCR_ENOMEM;
    for (k = 0; rc != NOCR_OK && k < 1000; k++) {
        long before = live;
        page = build();
        failed = 0;
        fail_in = k;
        rc = nocr_reconstruct(page);
        fail_in = -1;
        if (failed) {
            CHECK_INT(rc, NOCR_ENOMEM);
            CHECK(strstr(nocr_error_last(), "out of memory") != NULL);
        } else {
            CHECK_INT(rc, NOCR_OK);
            summary(got, page);
            CHECK_STR(got, want);
        }
        nocr_page_free(page);
        CHECK_INT(live - before, 0);
    }
    CHECK(k > 3); /* the stage allocates: its work arrays, the articles' order, a warning */
    printf("%d allocations failed in turn\n", k - 1);
    return CHECK_DONE();
}
#else
int main(void)
{
    printf("skipped: needs glibc's allocator, without sanitizers\n");
    return 77;
}
#endif
