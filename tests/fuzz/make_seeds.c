/*
 * make_seeds.c - writes the generated part of the seed corpus: tiny images of every format
 * and depth the loader reads (corpus/image) and a few reconstructor pages (corpus/
 * reconstruct). Run once; its output is committed, so fuzzing needs no generator:
 *     build-fuzz/fuzz_make_seeds tests/fuzz/corpus
 * The PAGE XML and JSON seeds are copies of tests/eval/data files (see README.md).
 *
 *   seeds_images        one picture, written in each format with Leptonica's writers
 *   seeds_reconstruct   page layouts in fuzz_reconstruct.c's input format
 */
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int write_file(const char *dir, const char *sub, const char *name,
                      const unsigned char *data, size_t size)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s/%s", dir, sub, name);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
        fprintf(stderr, "make_seeds: cannot write %s\n", path);
        return 1;
    }
    return 0;
}

/* Leptonica writers into memory, one per seed file. */
typedef struct image_seed {
    const char *name;
    int kind; /* which picture: 0 gray 8, 1 RGB, 2 binary, 3 colormapped, 4 RGBA, 5 gray 16 */
    int format;
} image_seed;

static const image_seed IMAGE_SEEDS[] = {
    {"gray.png", 0, IFF_PNG},       {"rgb.png", 1, IFF_PNG},
    {"bin.png", 2, IFF_PNG},        {"cmap.png", 3, IFF_PNG},
    {"rgba.png", 4, IFF_PNG},       {"gray16.png", 5, IFF_PNG},
    {"gray.jpg", 0, IFF_JFIF_JPEG}, {"rgb.jpg", 1, IFF_JFIF_JPEG},
    {"g4.tif", 2, IFF_TIFF_G4},     {"packbits.tif", 2, IFF_TIFF_PACKBITS},
    {"lzw.tif", 0, IFF_TIFF_LZW},   {"zip.tif", 1, IFF_TIFF_ZIP},
    {"cmap.tif", 3, IFF_TIFF},      {"jpeg.tif", 1, IFF_TIFF_JPEG},
    {"bin.bmp", 2, IFF_BMP},        {"gray.bmp", 0, IFF_BMP},
    {"rgb.bmp", 1, IFF_BMP},        {"bin.pbm", 2, IFF_PNM},
    {"gray.pgm", 0, IFF_PNM},       {"rgb.ppm", 1, IFF_PNM},
    {"rgb.webp", 1, IFF_WEBP},      {"cmap.gif", 3, IFF_GIF},
    {"rgb.jp2", 1, IFF_JP2},
};

static PIX *picture(int kind)
{
    /* 24x20: a gradient with a dark bar, like a line of print on paper. */
    PIX *pixg = pixCreate(24, 20, 8);
    for (int y = 0; y < 20; y++)
        for (int x = 0; x < 24; x++)
            pixSetPixel(pixg, x, y, (y >= 8 && y < 12 && x > 3 && x < 20) ? 20 : 200 + x);
    PIX *pixc = pixConvertGrayToFalseColor(pixg, 1.0);
    PIX *pixrgb = pixConvertTo32(pixc);
    PIX *pixd = NULL;
    switch (kind) {
    case 0:
        pixd = pixClone(pixg);
        break;
    case 1:
        pixd = pixClone(pixrgb);
        break;
    case 2:
        pixd = pixThresholdToBinary(pixg, 128);
        break;
    case 3:
        pixd = pixOctreeQuantNumColors(pixrgb, 16, 0);
        break;
    case 4:
        pixd = pixCopy(NULL, pixrgb);
        pixSetSpp(pixd, 4);
        pixSetRGBComponent(pixd, pixg, L_ALPHA_CHANNEL);
        break;
    default:
        pixd = pixConvert8To16(pixg, 8);
        break;
    }
    pixDestroy(&pixg);
    pixDestroy(&pixc);
    pixDestroy(&pixrgb);
    return pixd;
}

static int seeds_images(const char *dir)
{
    int bad = 0;
    for (size_t i = 0; i < sizeof(IMAGE_SEEDS) / sizeof(IMAGE_SEEDS[0]); i++) {
        const image_seed *s = &IMAGE_SEEDS[i];
        PIX *pix = picture(s->kind);
        l_uint8 *data = NULL;
        size_t size = 0;
        l_ok fail = pix ? pixWriteMem(&data, &size, pix, s->format) : 1;
        if (fail || !data) {
            fprintf(stderr, "make_seeds: %s: Leptonica cannot write it\n", s->name);
            bad = 1;
        } else {
            bad |= write_file(dir, "image", s->name, data, size);
        }
        lept_free(data);
        pixDestroy(&pix);
    }
    /* A two-page TIFF: the multi-page path. */
    PIXA *pixa = pixaCreate(2);
    pixaAddPix(pixa, picture(0), L_INSERT);
    pixaAddPix(pixa, picture(2), L_INSERT);
    l_uint8 *data = NULL;
    size_t size = 0;
    if (pixaWriteMemMultipageTiff(&data, &size, pixa) || !data)
        bad = 1;
    else
        bad |= write_file(dir, "image", "twopage.tif", data, size);
    lept_free(data);
    pixaDestroy(&pixa);
    return bad;
}

/* A growing byte string in fuzz_reconstruct.c's input format. */
typedef struct bytes {
    unsigned char b[4096];
    size_t n;
} bytes;

static void put8(bytes *o, int v)
{
    if (o->n < sizeof(o->b))
        o->b[o->n++] = (unsigned char)v;
}

static void put16(bytes *o, int v)
{
    put8(o, v & 0xff);
    put8(o, (v >> 8) & 0xff);
}

/* Roles as in newsocr.h's enum (the generator does not link the library). */
enum {
    UNKNOWN,
    HEADLINE,
    SUBHEADLINE,
    SECTION,
    BYLINE,
    BODY,
    CAPTION,
    HEADER,
    NOTE,
    FIGURE,
    SEPARATOR
};
/* Indices into fuzz_reconstruct.c's TEXTS. */
enum {
    T_EMPTY,
    T_HEAD,
    T_BYLINE,
    T_BYLINE2,
    T_XINHUA,
    T_NOTE,
    T_NOTE2,
    T_FOLIO,
    T_DATE,
    T_YAOWEN,
    T_BODY_INDENT,
    T_BODY,
    T_LATIN1,
    T_LATIN2,
    T_PHOTO_BY,
    T_TEXT_BY,
    T_STOP,
    T_A,
    T_FOLIO_WORDS,
    T_LONG,
    T_BAD_UTF8,
    T_CAPTION
};

static void region(bytes *o, int role, int x, int y, int w, int h, int nlines, int vertical)
{
    put8(o, role);
    put16(o, x);
    put16(o, y);
    put16(o, w);
    put16(o, h);
    put8(o, (nlines << 1) | vertical);
}

/* A line at (region x + dx, region y + 2 * dy). */
static void line(bytes *o, int dx, int dy, int w, int h, int conf, int text)
{
    put8(o, dx & 0xff);
    put8(o, dy);
    put16(o, w);
    put8(o, h);
    put8(o, conf);
    put8(o, text);
}

/* A body column of n lines 10 px high, 15 px apart; every fourth line indented. */
static void column(bytes *o, int x, int y, int w, int n)
{
    region(o, BODY, x, y, w, n * 15, n, 0);
    for (int i = 0; i < n; i++) {
        int indent = i % 4 == 0 ? 20 : 0, shrt = i % 4 == 3;
        line(o, indent, i * 15 / 2, shrt ? w / 2 : w - indent, 10, 90,
             indent ? T_BODY_INDENT : T_BODY);
    }
}

static int seeds_reconstruct(const char *dir)
{
    int bad = 0;
    bytes o;

    /* A page of three columns under a headline, byline, folio, photo with caption, rule,
     * page note. */
    memset(&o, 0, sizeof(o));
    put16(&o, 599);
    put16(&o, 799);
    put8(&o, 1);
    put8(&o, 9); /* body height 10 */
    region(&o, HEADER, 20, 10, 400, 12, 1, 0);
    line(&o, 0, 0, 400, 12, 90, T_DATE);
    region(&o, SEPARATOR, 20, 30, 560, 2, 0, 0);
    region(&o, HEADLINE, 20, 40, 560, 30, 1, 0);
    line(&o, 0, 0, 560, 30, 85, T_HEAD);
    region(&o, SUBHEADLINE, 20, 75, 400, 15, 1, 0);
    line(&o, 0, 0, 400, 15, 85, T_YAOWEN);
    region(&o, BODY, 20, 95, 200, 10, 1, 0);
    line(&o, 0, 0, 120, 10, 90, T_BYLINE);
    column(&o, 20, 110, 180, 8);
    column(&o, 210, 110, 180, 8);
    region(&o, FIGURE, 400, 110, 180, 100, 0, 0);
    region(&o, CAPTION, 400, 215, 180, 10, 1, 0);
    line(&o, 0, 0, 150, 10, 80, T_CAPTION);
    column(&o, 400, 230, 180, 4);
    region(&o, SEPARATOR, 300, 400, 2, 300, 0, 0);
    region(&o, BODY, 20, 760, 300, 12, 1, 0);
    line(&o, 0, 0, 300, 12, 90, T_NOTE);
    bad |= write_file(dir, "reconstruct", "three-columns.bin", o.b, o.n);

    /* Two articles side by side, an orphan block below, Latin text. */
    memset(&o, 0, sizeof(o));
    put16(&o, 799);
    put16(&o, 599);
    put8(&o, 0);
    region(&o, HEADLINE, 20, 20, 360, 25, 1, 0);
    line(&o, 0, 0, 360, 25, 80, T_HEAD);
    region(&o, HEADLINE, 420, 20, 360, 25, 1, 0);
    line(&o, 0, 0, 360, 25, 80, T_LATIN1);
    column(&o, 20, 60, 170, 6);
    column(&o, 200, 60, 170, 6);
    region(&o, SEPARATOR, 400, 20, 2, 200, 0, 0);
    region(&o, BODY, 420, 60, 360, 40, 3, 0);
    line(&o, 0, 0, 360, 10, 90, T_LATIN1);
    line(&o, 0, 7, 360, 10, 90, T_LATIN2);
    line(&o, 0, 15, 100, 10, 15, T_STOP);
    region(&o, SEPARATOR, 20, 300, 760, 2, 0, 0);
    column(&o, 20, 320, 370, 5);
    region(&o, BODY, 420, 320, 200, 10, 1, 0);
    line(&o, 0, 0, 200, 10, 255, 0xff);
    bad |= write_file(dir, "reconstruct", "two-articles.bin", o.b, o.n);

    /* Vertical text on a skewed page without headline; raw and broken UTF-8 text. */
    memset(&o, 0, sizeof(o));
    put16(&o, 399);
    put16(&o, 599);
    put8(&o, 3);
    put8(&o, 11);
    put8(&o, 0xf6); /* skew -1.0 degree */
    region(&o, BODY, 300, 20, 60, 500, 2, 1);
    line(&o, 30, 0, 12, 500, 90, T_LONG);
    line(&o, 0, 0, 12, 300, 90, T_BAD_UTF8);
    region(&o, BYLINE, 200, 20, 60, 100, 1, 1);
    line(&o, 0, 0, 12, 100, 70, 0x80 | 6);
    o.b[o.n++] = 'a';
    o.b[o.n++] = '<';
    o.b[o.n++] = '&';
    o.b[o.n++] = 0x01;
    o.b[o.n++] = 0xc3;
    o.b[o.n++] = 0x28;
    region(&o, NOTE, 20, 550, 300, 12, 1, 0);
    line(&o, 0, 0, 300, 12, 90, T_NOTE2);
    bad |= write_file(dir, "reconstruct", "vertical-skew.bin", o.b, o.n);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: fuzz_make_seeds CORPUS_DIR\n");
        return 2;
    }
    setLeptDebugOK(0);
    return seeds_images(argv[1]) | seeds_reconstruct(argv[1]);
}
