/*
 * test_load.c - image loading: every supported encoding, every bad input, the pixel limit.
 *
 * Usage: test_load FIXTURES_DIR ...   (the files written by tests/cli/make_fixtures)
 *
 * Crafted inputs (huge headers, many-page and looping TIFFs, JPEGs with an Exif
 * orientation) are built here, byte by byte, from what the format specifications say.
 */
#include "check.h"
#include "newsocr.h"

#include <leptonica/allheaders.h>
#include <stdint.h>
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

static void put16le(unsigned char *p, unsigned v)
{
    p[0] = v & 255;
    p[1] = (v >> 8) & 255;
}

static void put32le(unsigned char *p, uint32_t v)
{
    put16le(p, v & 0xffff);
    put16le(p + 2, v >> 16);
}

enum { TIFF_SIDE = 32, TIFF_NTAGS = 9, TIFF_IFD = 2 + TIFF_NTAGS * 12 + 4 };

/* An uncompressed little-endian TIFF of n pages of side x side 8-bit gray (TIFF 6.0,
 * baseline): each page's pixels, then its IFD. Page k carries k in binary in the first 16
 * pixels of row 0 (255 = bit set). *out_size gets the size; free() the result. */
static unsigned char *tiff_make(size_t *out_size, int n, uint32_t side)
{
    size_t npix = (size_t)TIFF_SIDE * TIFF_SIDE, page = npix + TIFF_IFD;
    size_t size = 8 + (size_t)n * page;
    unsigned char *b = calloc(1, size);
    if (!b)
        return NULL;
    memcpy(b, "II*\0", 4);
    put32le(b + 4, (uint32_t)(8 + npix));
    for (int k = 0; k < n; k++) {
        unsigned char *px = b + 8 + (size_t)k * page, *ifd = px + npix;
        static const unsigned short tags[TIFF_NTAGS] = {256, 257, 258, 259, 262,
                                                        273, 277, 278, 279};
        uint32_t vals[TIFF_NTAGS] = {side,      side,          8, 1, 1, (uint32_t)(px - b), 1,
                                     TIFF_SIDE, (uint32_t)npix};
        memset(px, 128, npix);
        for (int x = 0; x < 16; x++)
            px[x] = (k >> x) & 1 ? 255 : 0;
        put16le(ifd, TIFF_NTAGS);
        for (int e = 0; e < TIFF_NTAGS; e++) {
            unsigned char *entry = ifd + 2 + e * 12;
            put16le(entry, tags[e]);
            put16le(entry + 2, 4); /* LONG */
            put32le(entry + 4, 1);
            put32le(entry + 8, vals[e]);
        }
        uint32_t next = k + 1 < n ? (uint32_t)(px - b + page + npix) : 0;
        put32le(ifd + 2 + TIFF_NTAGS * 12, next);
    }
    *out_size = size;
    return b;
}

/* The number page k of a tiff_make file carries in row 0. */
static int tiff_page_number(const nocr_image *img)
{
    PIX *pix = nocr_image_pix(img);
    int v = 0;
    for (int x = 0; x < 16; x++) {
        l_uint32 p = 0;
        pixGetPixel(pix, x, 0, &p);
        v |= p > 128 ? 1 << x : 0;
    }
    return v;
}

/* Many pages: the count, and the right page at each index, the last one included. Loading
 * page k follows the IFD offsets instead of reading every directory before it (issue 14,
 * finding 5: quadratic in the page count); timings are the benchmark's, not a test's. */
static void test_tiff_many_pages(void)
{
    enum { NPAGES = 300 };
    size_t size = 0;
    unsigned char *b = tiff_make(&size, NPAGES, TIFF_SIDE);
    char path[4200];
    snprintf(path, sizeof(path), "%s", fx("many-pages.tif"));
    FILE *fp = fopen(path, "wb");
    CHECK(b && fp && fwrite(b, 1, size, fp) == size);
    if (fp)
        fclose(fp);
    int n = 0;
    CHECK_INT(nocr_image_page_count(&n, path), NOCR_OK);
    CHECK_INT(n, NPAGES);
    static const int pages[] = {0, 1, 2, 150, NPAGES - 2, NPAGES - 1};
    for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
        nocr_image *img = NULL;
        CHECK_INT(nocr_image_load(&img, path, pages[i], NULL), NOCR_OK);
        if (!img)
            continue;
        CHECK_INT(nocr_image_index(img), pages[i]);
        CHECK_INT(nocr_image_width(img), TIFF_SIDE);
        CHECK_INT(nocr_image_depth(img), 8);
        CHECK_INT(tiff_page_number(img), pages[i]);
        nocr_image_free(img);
    }
    nocr_image *img = NULL;
    CHECK_INT(nocr_image_load(&img, path, NPAGES, NULL), NOCR_EINVAL);
    CHECK(strstr(nocr_error_last(), "has 300 pages, no page 301") != NULL);
    CHECK_INT(nocr_image_load(&img, path, -1, NULL), NOCR_EINVAL);

    /* The same from memory. */
    CHECK_INT(nocr_image_load_mem(&img, b, size, "mem.tif", NPAGES - 1, NULL), NOCR_OK);
    CHECK(img && tiff_page_number(img) == NPAGES - 1);
    nocr_image_free(img);
    free(b);
}

/* Damaged TIFF directories: loops of IFDs, an IFD past the end, huge sides. */
static void test_tiff_bad(void)
{
    size_t size = 0;
    unsigned char *b = tiff_make(&size, 3, TIFF_SIDE);
    nocr_image *img = (nocr_image *)1;
    if (!b)
        return;
    /* The last page's next-IFD offset points back to the first page's IFD: the loop ends
     * the chain (as libtiff counts pages), the three pages load. */
    memcpy(b + size - 4, b + 4, 4);
    CHECK_INT(nocr_image_load_mem(&img, b, size, "loop.tif", 2, NULL), NOCR_OK);
    CHECK(img && tiff_page_number(img) == 2);
    nocr_image_free(img);
    CHECK_INT(nocr_image_load_mem(&img, b, size, "loop.tif", 3, NULL), NOCR_EINVAL);
    CHECK(strstr(nocr_error_last(), "loop.tif: has 3 pages, no page 4") != NULL);
    /* ... back to the second page: still three pages. */
    put32le(b + size - 4, (uint32_t)(8 + 2 * (TIFF_SIDE * TIFF_SIDE) + TIFF_IFD));
    CHECK_INT(nocr_image_load_mem(&img, b, size, "loop2.tif", 3, NULL), NOCR_EINVAL);
    CHECK(strstr(nocr_error_last(), "loop2.tif: has 3 pages, no page 4") != NULL);
    /* ... to itself. */
    put32le(b + size - 4, (uint32_t)(size - TIFF_IFD));
    CHECK_INT(nocr_image_load_mem(&img, b, size, "loop3.tif", 3, NULL), NOCR_EINVAL);
    CHECK(strstr(nocr_error_last(), "loop3.tif: has 3 pages, no page 4") != NULL);
    free(b);
    /* Every loop target in a longer chain: always all the distinct pages. */
    b = tiff_make(&size, 40, TIFF_SIDE);
    for (int target = 0; b && target < 40; target++) {
        size_t page = (size_t)TIFF_SIDE * TIFF_SIDE + TIFF_IFD;
        put32le(b + size - 4, (uint32_t)(8 + target * page + TIFF_SIDE * TIFF_SIDE));
        CHECK_INT(nocr_image_load_mem(&img, b, size, "loops.tif", 40, NULL), NOCR_EINVAL);
        CHECK(strstr(nocr_error_last(), "loops.tif: has 40 pages, no page 41") != NULL);
        CHECK_INT(nocr_image_load_mem(&img, b, size, "loops.tif", 39, NULL), NOCR_OK);
        CHECK(img && tiff_page_number(img) == 39);
        nocr_image_free(img);
        img = NULL;
    }
    free(b);
    b = tiff_make(&size, 3, TIFF_SIDE);
    if (!b)
        return;
    /* ... and past the end of the file: the chain ends there, the pages before it load. */
    put32le(b + size - 4, 0x7ffffff0);
    CHECK_INT(nocr_image_load_mem(&img, b, size, "past.tif", 2, NULL), NOCR_OK);
    CHECK(img && tiff_page_number(img) == 2);
    nocr_image_free(img);
    CHECK_INT(nocr_image_load_mem(&img, b, size, "past.tif", 3, NULL), NOCR_EINVAL);
    CHECK(strstr(nocr_error_last(), "past.tif: has 3 pages, no page 4") != NULL);
    /* A first IFD outside the file: no page at all. */
    put32le(b + 4, (uint32_t)size);
    CHECK_INT(nocr_image_load_mem(&img, b, size, "nopage.tif", 0, NULL), NOCR_EFORMAT);
    CHECK(strstr(nocr_error_last(), "nopage.tif: corrupt TIFF (no readable page)") != NULL);
    free(b);

    /* 0xFFFFFFFF x 0xFFFFFFFF: refused by the limit, its product never formed. */
    b = tiff_make(&size, 1, 0xffffffffu);
    CHECK_INT(nocr_image_load_mem(&img, b, size, "huge.tif", 0, NULL), NOCR_ELIMIT);
    CHECK(strstr(nocr_error_last(), "huge.tif: image is 4294967295x4294967295 pixels, above") !=
          NULL);
    free(b);
}

/* A PNG whose IHDR says 0xFFFFFFFF x 0xFFFFFFFF: the size check must not overflow (it was
 * signed overflow, undefined behaviour that UBSan stops on; issue 14, finding 1). */
static void test_png_huge(void)
{
    /* clang-format off: signature; IHDR length and type; width, height; the rest. */
    static const unsigned char png[33] = {
        0x89, 'P',  'N',  'G',  '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0xff,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 8,    0, 0, 0, 0,  0,   0,   0,   0};
    /* clang-format on */
    nocr_image *img = (nocr_image *)1;
    CHECK_INT(nocr_image_load_mem(&img, png, sizeof(png), "huge-ihdr.png", 0, NULL), NOCR_ELIMIT);
    CHECK(img == NULL);
    CHECK(strstr(nocr_error_last(),
                 "huge-ihdr.png: image is 4294967295x4294967295 pixels, above the limit") != NULL);
    /* The largest limit the option allows changes nothing. */
    nocr_load_options lo = NOCR_LOAD_OPTIONS_INIT;
    lo.max_pixels = 0x7fffffffffffffffLL;
    CHECK(nocr_image_load_mem(&img, png, sizeof(png), "huge-ihdr.png", 0, &lo) != NOCR_OK);
    CHECK(img == NULL);
}

enum { UP_W = 96, UP_H = 48, MARK_W = 32, MARK_H = 16 };

/* The image stored for Exif orientation o of an upright UP_W x UP_H page whose only dark
 * patch is a MARK_W x MARK_H block in its top-left corner: where that corner is stored
 * (Exif 2.3, section 4.6.4, tag 274) is worked out by hand for each o, not by the code
 * under test. */
static PIX *stored_for_orientation(int o)
{
    int sideways = o >= 5, w = sideways ? UP_H : UP_W, h = sideways ? UP_W : UP_H;
    int mw = sideways ? MARK_H : MARK_W, mh = sideways ? MARK_W : MARK_H;
    /* 1, 5: top-left; 2, 8: top-right; 3, 7: bottom-right; 4, 6: bottom-left. */
    int right = o == 2 || o == 8 || o == 3 || o == 7;
    int bottom = o == 3 || o == 7 || o == 4 || o == 6;
    PIX *pix = pixCreate(w, h, 8);
    pixSetAll(pix);
    pixRasterop(pix, right ? w - mw : 0, bottom ? h - mh : 0, mw, mh, PIX_CLR, NULL, 0, 0);
    return pix;
}

/* A JPEG of pix with an APP1 Exif block right after SOI holding orientation o, in
 * big-endian ("MM") or little-endian ("II") byte order. */
static unsigned char *jpeg_with_exif(size_t *out_size, PIX *pix, int o, int big_endian)
{
    l_uint8 *jpg = NULL;
    size_t jsize = 0;
    if (pixWriteMemJpeg(&jpg, &jsize, pix, 95, 0) || jsize < 2)
        return NULL;
    unsigned char app1[2 + 2 + 6 + 8 + 2 + 12 + 4] = {0xff, 0xe1, 0, sizeof(app1) - 2};
    unsigned char *tiff = app1 + 10, *entry = tiff + 10;
    memcpy(app1 + 4, "Exif\0\0", 6);
    if (big_endian) {
        memcpy(tiff, "MM\0*\0\0\0\x08\0\x01", 10);
        memcpy(entry, "\x01\x12\0\x03\0\0\0\x01", 8);
        entry[8] = 0;
        entry[9] = (unsigned char)o;
    } else {
        memcpy(tiff, "II*\0\x08\0\0\0\x01\0", 10);
        memcpy(entry, "\x12\x01\x03\0\x01\0\0\0", 8);
        entry[8] = (unsigned char)o;
        entry[9] = 0;
    }
    unsigned char *b = malloc(jsize + sizeof(app1));
    if (b) {
        memcpy(b, jpg, 2);
        memcpy(b + 2, app1, sizeof(app1));
        memcpy(b + 2 + sizeof(app1), jpg + 2, jsize - 2);
        *out_size = jsize + sizeof(app1);
    }
    lept_free(jpg);
    return b;
}

/* Nonzero when img is the upright page: UP_W x UP_H, dark top-left, light elsewhere. */
static int is_upright(const nocr_image *img)
{
    PIX *pix = nocr_image_pix(img);
    l_uint32 tl = 0, tr = 0, bl = 0, br = 0;
    if (nocr_image_width(img) != UP_W || nocr_image_height(img) != UP_H)
        return 0;
    pixGetPixel(pix, MARK_W / 2, MARK_H / 2, &tl);
    pixGetPixel(pix, UP_W - MARK_W / 2, MARK_H / 2, &tr);
    pixGetPixel(pix, MARK_W / 2, UP_H - MARK_H / 2, &bl);
    pixGetPixel(pix, UP_W - MARK_W / 2, UP_H - MARK_H / 2, &br);
    return tl < 64 && tr > 192 && bl > 192 && br > 192;
}

/* A phone photo stored sideways with an Exif orientation decodes upright (issue 14,
 * finding 10): every orientation, both byte orders; a damaged Exif block is ignored. */
static void test_jpeg_exif(void)
{
    for (int o = 1; o <= 8; o++) {
        for (int be = 0; be <= 1; be++) {
            PIX *pix = stored_for_orientation(o);
            size_t size = 0;
            unsigned char *b = jpeg_with_exif(&size, pix, o, be);
            nocr_image *img = NULL;
            CHECK(b != NULL);
            CHECK_INT(b ? nocr_image_load_mem(&img, b, size, "exif.jpg", 0, NULL) : -1, NOCR_OK);
            if (img && !is_upright(img))
                fprintf(stderr, "  orientation %d (%s): %dx%d, not upright\n", o, be ? "MM" : "II",
                        nocr_image_width(img), nocr_image_height(img));
            CHECK(img && is_upright(img));
            CHECK(img && nocr_image_depth(img) == 8);
            nocr_image_free(img);
            free(b);
            pixDestroy(&pix);
        }
    }
    /* The IFD offset of the Exif block points past its end: the image stays as stored. */
    PIX *pix = stored_for_orientation(1);
    size_t size = 0;
    unsigned char *b = jpeg_with_exif(&size, pix, 6, 1);
    nocr_image *img = NULL;
    if (b) {
        b[2 + 10 + 7] = 0xf0; /* first IFD offset 0xf0, outside the 30-byte block */
        CHECK_INT(nocr_image_load_mem(&img, b, size, "bad-exif.jpg", 0, NULL), NOCR_OK);
        CHECK(img && is_upright(img));
    }
    nocr_image_free(img);
    free(b);
    pixDestroy(&pix);
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
    test_png_huge();
    test_tiff_many_pages();
    test_tiff_bad();
    test_jpeg_exif();
    return CHECK_DONE();
}
