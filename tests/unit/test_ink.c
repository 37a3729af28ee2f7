/*
 * test_ink.c - the text-like ink of the coverage check (layout/coverage.c, compiled in):
 * a rule's remnant, a thin bar or a thin tall sliver, is not text that a region must read.
 *
 * Run as test_ink FIXTURES_DIR SAMPLES_DIR.
 */
#include "check.h"
#include "layout/coverage.c"

#include <stdio.h>
#include <stdlib.h>

/* The library keeps its error setter to itself; the code is all this file needs. */
int nocr_error_set(int code, const char *fmt, ...)
{
    (void)fmt;
    return code;
}

/* p01 preprocessed, a band near its foot cleared, then a sliver drawn there: a quarter of
 * a body height wide and three tall (a piece of a vertical rule that preprocessing
 * missed). The ink search finds what it found before the sliver was drawn, nothing more
 * (held-out seed 20261203811: such slivers, counted as unread text, brought in a block of
 * Tesseract's over three columns, read straight across them). */
static void test_sliver_not_text(const char *sample)
{
    nocr_image *img = NULL;
    CHECK_INT(nocr_image_load(&img, sample, 0, NULL), NOCR_OK);
    if (!img)
        return;
    CHECK_INT(nocr_preprocess(img, NULL), NOCR_OK);
    PIX *pixb = nocr_image_work_binary(img);
    int body = nocr_image_work_body_size(img);
    CHECK(pixb && body > 8);
    if (!pixb || body <= 8) {
        nocr_image_free(img);
        return;
    }
    int band = pixGetHeight(pixb) - 6 * body;
    pixRasterop(pixb, 0, band, pixGetWidth(pixb), 5 * body, PIX_CLR, NULL, 0, 0);
    nocr_ink before, after;
    CHECK_INT(nocr_ink_find(&before, img), NOCR_OK);
    nocr_box sliver = {pixGetWidth(pixb) / 2, band + body, body / 4, 3 * body};
    pixRasterop(pixb, sliver.x, sliver.y, sliver.w, sliver.h, PIX_SET, NULL, 0, 0);
    CHECK_INT(nocr_ink_find(&after, img), NOCR_OK);
    CHECK(before.n > 100); /* p01's characters */
    CHECK_INT((int)after.n, (int)before.n);
    nocr_ink_free(&before);
    nocr_ink_free(&after);
    nocr_image_free(img);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_ink FIXTURES_DIR SAMPLES_DIR\n");
        return 2;
    }
    char sample[4096];
    snprintf(sample, sizeof(sample), "%s/p01-clean-3col.png", argv[2]);
    setMsgSeverity(L_SEVERITY_NONE);
    CHECK(nocr_ink_is_sliver(3, 100, 30));
    CHECK(!nocr_ink_is_sliver(28, 100, 30)); /* a column of vertical text */
    CHECK(!nocr_ink_is_sliver(3, 30, 30));   /* a letter l, the stroke of 丨 */
    test_sliver_not_text(sample);
    return CHECK_DONE();
}
