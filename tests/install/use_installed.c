/*
 * use_installed.c - a program built against the *installed* library with
 * `pkg-config --cflags --libs newsocr`: the header, the library and the format table are
 * there, and the library does real work (CJK text hygiene, a page model and its export).
 */
#include <newsocr.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char *clean = NULL, *txt = NULL;
    nocr_page *page = NULL;
    nocr_region *region = NULL;
    if (strcmp(nocr_version(), NOCR_VERSION) != 0) {
        fprintf(stderr, "header %s, library %s\n", NOCR_VERSION, nocr_version());
        return 1;
    }
    if (nocr_text_normalize(&clean, "社 区 , 服 务") != 0 || strcmp(clean, "社区，服务") != 0) {
        fprintf(stderr, "normalize gave '%s'\n", clean ? clean : "(null)");
        return 1;
    }
    if (nocr_page_new(&page, 100, 100) ||
        nocr_page_add_region(&region, page, NOCR_ROLE_BODY, (nocr_box){0, 0, 100, 20}) ||
        nocr_region_add_line(NULL, region, (nocr_box){0, 0, 100, 20}, clean, 90) ||
        nocr_reconstruct(page) || nocr_export_txt(&txt, page) || strcmp(txt, "社区，服务\n")) {
        fprintf(stderr, "page: %s\n", nocr_error_last());
        return 1;
    }
    printf("newsocr %s: %zu formats, '%s'\n", nocr_version(), nocr_format_count(), clean);
    free(txt);
    free(clean);
    nocr_page_free(page);
    return 0;
}
