/*
 * fuzz_image.c - libFuzzer harness: nocr_image_load_mem on any bytes.
 *
 * The input is the bytes of an image file of any format the loader takes (PNG and JPEG
 * through newsocr's own libpng and libjpeg readers, TIFF, BMP, PNM, WebP, GIF, JPEG 2000
 * through Leptonica). Properties checked (newsocr.h, nocr_image_load):
 *   - the result is NOCR_OK or a documented error (never NOCR_EINTERNAL), with a message;
 *   - on error *out is NULL;
 *   - on success the image is within the limits (NOCR_MIN_SIDE, max_pixels) and its
 *     decoded original is 8-bit gray or 32-bit RGB, without colormap, of the size reported.
 * A TIFF is also read at page index 1 (multi-page path, and the page-count check).
 * The pixel limit is lowered to FUZZ_MAX_PIXELS so that a forged header cannot make one
 * run allocate gigabytes (the limit check itself is what is fuzzed).
 */
#include "fuzz.h"
#include "newsocr.h"

#include <leptonica/allheaders.h>
#include <string.h>

#define FUZZ_MAX_PIXELS (4LL * 1000 * 1000)

static void load_one(const uint8_t *data, size_t size, int index)
{
    nocr_load_options opts = NOCR_LOAD_OPTIONS_INIT;
    opts.max_pixels = FUZZ_MAX_PIXELS;
    nocr_image *img = (nocr_image *)1; /* must be reset by the loader */
    int rc = nocr_image_load_mem(&img, data, size, "fuzz-input", index, &opts);
    FUZZ_CHECK(rc <= 0 && rc > NOCR_EINTERNAL);
    if (rc != NOCR_OK) {
        FUZZ_CHECK(img == NULL);
        FUZZ_CHECK(nocr_error_last()[0] != '\0');
        return;
    }
    FUZZ_CHECK(img != NULL);
    int w = nocr_image_width(img), h = nocr_image_height(img);
    FUZZ_CHECK(w >= NOCR_MIN_SIDE && h >= NOCR_MIN_SIDE);
    FUZZ_CHECK((long long)w * h <= FUZZ_MAX_PIXELS);
    FUZZ_CHECK(nocr_image_dpi(img) >= 0);
    FUZZ_CHECK(nocr_image_index(img) == index);
    FUZZ_CHECK(strcmp(nocr_image_source(img), "fuzz-input") == 0);
    PIX *pix = nocr_image_pix(img);
    FUZZ_CHECK(pix != NULL);
    FUZZ_CHECK(pixGetWidth(pix) == w && pixGetHeight(pix) == h);
    FUZZ_CHECK(pixGetDepth(pix) == 8 || pixGetDepth(pix) == 32);
    FUZZ_CHECK(pixGetColormap(pix) == NULL);
    /* Touch the pixels: a decoder that left rows unwritten shows up under ASan/MSan. */
    l_uint32 val = 0;
    FUZZ_CHECK(pixGetPixel(pix, w - 1, h - 1, &val) == 0);
    nocr_image_free(img);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load_one(data, size, 0);
    int tiff = size >= 4 && (memcmp(data, "II*\0", 4) == 0 || memcmp(data, "MM\0*", 4) == 0);
    if (tiff)
        load_one(data, size, 1);
    return 0;
}
