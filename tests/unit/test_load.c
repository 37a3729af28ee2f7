/*
 * test_load.c - image loading: every supported encoding, every bad input, the pixel limit.
 *
 * Usage: test_load FIXTURES_DIR ...   (the files written by tests/cli/make_fixtures)
 */
#include "check.h"
#include "newsocr.h"

#include <stdlib.h>

static const char *fixtures;

static const char *fx(const char *name)
{
    static char buf[4096];
    snprintf(buf, sizeof(buf), "%s/%s", fixtures, name);
    return buf;
}

static void test_good(void)
{
    static const struct {
        const char *name;
        int depth, dpi;
    } cases[] = {
        {"good.png", 8, 300},         {"good-1bit.png", 1, 300},   {"good-palette.png", 8, 300},
        {"good-rgb.png", 24, 300},    {"good-rgba.png", 32, 300}, {"good-16bit.png", 16, 300},
        {"good.jpg", 24, 300},        {"good-nodpi.jpg", 8, 0},
    };
    nocr_image *ref = NULL;
    CHECK_INT(nocr_image_load(&ref, fx("good.png"), 0, NULL), NOCR_OK);
    if (!ref)
        return;
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        nocr_image *img = NULL;
        int rc = nocr_image_load(&img, fx(cases[i].name), 0, NULL);
        CHECK_INT(rc, NOCR_OK);
        if (rc) {
            fprintf(stderr, "  %s: %s\n", cases[i].name, nocr_error_last());
            continue;
        }
        CHECK_INT(nocr_image_width(img), nocr_image_width(ref));
        CHECK_INT(nocr_image_height(img), nocr_image_height(ref));
        if (nocr_image_depth(img) != cases[i].depth)
            fprintf(stderr, "  %s: depth %d\n", cases[i].name, nocr_image_depth(img));
        CHECK_INT(nocr_image_depth(img), cases[i].depth);
        CHECK_INT(nocr_image_dpi(img), cases[i].dpi);
        CHECK_INT(nocr_image_index(img), 0);
        nocr_preprocess_options po = NOCR_PREPROCESS_OPTIONS_INIT;
        CHECK_INT(nocr_preprocess(img, &po), NOCR_OK);
        nocr_image_free(img);
    }
    nocr_image_free(ref);
    nocr_image_free(NULL);
}

static void test_tiff_pages(void)
{
    int n = 0;
    CHECK_INT(nocr_image_page_count(&n, fx("multi.tif")), NOCR_OK);
    CHECK_INT(n, 3);
    CHECK_INT(nocr_image_page_count(&n, fx("good.png")), NOCR_OK);
    CHECK_INT(n, 1);
    for (int i = 0; i < 3; i++) {
        nocr_image *img = NULL;
        CHECK_INT(nocr_image_load(&img, fx("multi.tif"), i, NULL), NOCR_OK);
        CHECK(img && nocr_image_index(img) == i);
        nocr_image_free(img);
    }
    nocr_image *img = NULL;
    CHECK_INT(nocr_image_load(&img, fx("multi.tif"), 3, NULL), NOCR_EINVAL);
    CHECK(strstr(nocr_error_last(), "has 3 pages") != NULL);
    CHECK_INT(nocr_image_load(&img, fx("good.png"), 1, NULL), NOCR_EINVAL);
    CHECK(img == NULL);
}

static void test_bad(void)
{
    static const struct {
        const char *name;
        int code;
        const char *message;
    } cases[] = {
        {"missing.png", NOCR_ENOENT, "no such file"},
        {"empty.png", NOCR_EREAD, "empty file"},
        {"truncated.png", NOCR_EFORMAT, "corrupt or truncated PNG"},
        {"truncated.jpg", NOCR_EFORMAT, "corrupt or truncated JPEG"},
        {"random.png", NOCR_EFORMAT, "not an image file"},
        {"random.jpg", NOCR_EFORMAT, "not an image file"},
        {"text.tif", NOCR_EFORMAT, "not an image file"},
        {"one-pixel.png", NOCR_ELIMIT, "too small"},
        {"huge.png", NOCR_ELIMIT, "100000x100000 pixels, above the limit"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        nocr_image *img = (nocr_image *)1;
        CHECK_INT(nocr_image_load(&img, fx(cases[i].name), 0, NULL), cases[i].code);
        CHECK(img == NULL);
        const char *msg = nocr_error_last();
        if (!strstr(msg, cases[i].message) || !strstr(msg, cases[i].name))
            fprintf(stderr, "  %s: message '%s'\n", cases[i].name, msg);
        CHECK(strstr(msg, cases[i].message) != NULL);
        CHECK(strstr(msg, cases[i].name) != NULL);
        CHECK(strchr(msg, '\n') == NULL);
    }
    nocr_image *img = NULL;
    CHECK_INT(nocr_image_load(&img, fixtures, 0, NULL), NOCR_ENOENT);
    CHECK(strstr(nocr_error_last(), "is a directory") != NULL);

    /* The limit is an option. */
    nocr_load_options lo = NOCR_LOAD_OPTIONS_INIT;
    lo.max_pixels = 1000;
    CHECK_INT(nocr_image_load(&img, fx("good.png"), 0, &lo), NOCR_ELIMIT);
    CHECK_INT(nocr_image_load(&img, fx("good.jpg"), 0, &lo), NOCR_ELIMIT);
    CHECK_INT(nocr_image_load(&img, fx("multi.tif"), 1, &lo), NOCR_ELIMIT);

    /* From memory: a buffer too short to identify. */
    CHECK_INT(nocr_image_load_mem(&img, "\x89PNG", 4, "mem", 0, NULL), NOCR_EFORMAT);
    CHECK(strstr(nocr_error_last(), "mem: not an image file") != NULL);
    CHECK_INT(nocr_image_load_mem(&img, NULL, 4, "mem", 0, NULL), NOCR_EINVAL);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_load FIXTURES_DIR\n");
        return 2;
    }
    fixtures = argv[1];
    test_good();
    test_tiff_pages();
    test_bad();
    return CHECK_DONE();
}
