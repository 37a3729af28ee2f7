/*
 * make_fixtures.c - writes the images the CLI tests feed to newsocr, good and bad.
 *
 *   main, write_bytes, write_png_header_only, write_random, crop_gray
 *
 * Usage: make_fixtures SAMPLE_IMAGE OUTDIR
 * From a crop of a sample page it writes the same text in every supported encoding
 * (PNG 1/8/16-bit, palette, RGB, RGBA; JPEG; a 3-page TIFF) and the bad inputs of the
 * foundation issue: empty, truncated PNG and JPEG, random bytes with an image extension,
 * a text file, a 1x1 image, and a PNG whose header claims 100000x100000 pixels; and a
 * page that is nothing but one huge headline (four times the sample's).
 * Deterministic: no clock, a fixed PRNG seed.
 */
#define _POSIX_C_SOURCE 200809L
#include <leptonica/allheaders.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

static char outdir[2048];

static const char *out_path(const char *name)
{
    static char buf[4096];
    snprintf(buf, sizeof(buf), "%s/%s", outdir, name);
    return buf;
}

static int write_bytes(const char *name, const void *data, size_t n)
{
    FILE *fp = fopen(out_path(name), "wb");
    if (!fp || fwrite(data, 1, n, fp) != n) {
        fprintf(stderr, "make_fixtures: cannot write %s\n", out_path(name));
        if (fp)
            fclose(fp);
        return 1;
    }
    return fclose(fp) != 0;
}

static int write_pix(const char *name, PIX *pix, int format)
{
    if (!pix || pixWrite(out_path(name), pix, format)) {
        fprintf(stderr, "make_fixtures: cannot write %s\n", out_path(name));
        return 1;
    }
    return 0;
}

/* Writes the first `keep` (fraction) of file `src` to `name`. */
static int write_truncated(const char *name, const char *src, double keep)
{
    size_t n;
    l_uint8 *data = l_binaryRead(out_path(src), &n);
    if (!data)
        return 1;
    int rc = write_bytes(name, data, (size_t)((double)n * keep));
    free(data);
    return rc;
}

/* Leptonica always writes a JFIF density; set it to "no unit, 1:1" like many scanners. */
static int strip_jfif_density(const char *name)
{
    size_t n;
    l_uint8 *data = l_binaryRead(out_path(name), &n);
    if (!data || n < 18 || memcmp(data + 6, "JFIF", 5) != 0) {
        free(data);
        return 1;
    }
    static const unsigned char no_density[5] = {0, 0, 1, 0, 1};
    memcpy(data + 13, no_density, sizeof(no_density));
    int rc = write_bytes(name, data, n);
    free(data);
    return rc;
}

static void put_be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* A PNG signature and a valid IHDR chunk claiming w x h 8-bit gray, then IEND: a decoder
 * that trusts the header would try to allocate w*h bytes. */
static int write_png_header_only(const char *name, uint32_t w, uint32_t h)
{
    unsigned char buf[8 + 25 + 12];
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    memcpy(buf, sig, 8);
    unsigned char *ihdr = buf + 8;
    put_be32(ihdr, 13);
    memcpy(ihdr + 4, "IHDR", 4);
    put_be32(ihdr + 8, w);
    put_be32(ihdr + 12, h);
    ihdr[16] = 8; /* bit depth */
    ihdr[17] = 0; /* gray */
    ihdr[18] = ihdr[19] = ihdr[20] = 0;
    put_be32(ihdr + 21, (uint32_t)crc32(0, ihdr + 4, 17));
    unsigned char *iend = ihdr + 25;
    put_be32(iend, 0);
    memcpy(iend + 4, "IEND", 4);
    put_be32(iend + 8, (uint32_t)crc32(0, iend + 4, 4));
    return write_bytes(name, buf, sizeof(buf));
}

static int write_random(const char *name, size_t n)
{
    unsigned char *buf = malloc(n);
    uint64_t s = 0x9e3779b97f4a7c15ULL;
    for (size_t i = 0; i < n; i++) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        buf[i] = (unsigned char)s;
    }
    int rc = write_bytes(name, buf, n);
    free(buf);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: make_fixtures SAMPLE_IMAGE OUTDIR\n");
        return 1;
    }
    snprintf(outdir, sizeof(outdir), "%s", argv[2]);
    mkdir(outdir, 0777); /* may exist already */
    setMsgSeverity(L_SEVERITY_ERROR);
    PIX *pixs = pixRead(argv[1]);
    if (!pixs) {
        fprintf(stderr, "make_fixtures: cannot read %s\n", argv[1]);
        return 1;
    }
    PIX *pixg = pixConvertTo8(pixs, 0);
    int w = pixGetWidth(pixg), h = pixGetHeight(pixg);
    /* The top third of the page: folio, headline and the start of the body. */
    BOX *box = boxCreate(0, 0, w, h / 3);
    PIX *crop = pixClipRectangle(pixg, box, NULL);
    pixSetResolution(crop, 300, 300);
    PIX *rgb = pixConvertTo32(crop);
    /* Ink as black with coverage in alpha, paper fully transparent: flattened on white
     * it is the gray crop again. */
    PIX *rgba = pixCreate(pixGetWidth(crop), pixGetHeight(crop), 32);
    PIX *alpha = pixInvert(NULL, crop);
    pixSetSpp(rgba, 4);
    pixSetRGBComponent(rgba, alpha, L_ALPHA_CHANNEL);
    pixCopyResolution(rgba, crop);
    pixDestroy(&alpha);
    PIX *bin = pixThresholdToBinary(crop, 160);
    PIX *pal = pixConvertGrayToColormap8(crop, 2);
    PIX *g16 = pixConvert8To16(crop, 8);
    /* A page that is one huge headline: the sample's headline (its top band below the
     * folio) four times its printed size. */
    BOX *hbox = boxCreate(w / 5, h * 85 / 1000, w * 3 / 5, h * 40 / 1000);
    PIX *head = pixClipRectangle(pixg, hbox, NULL);
    PIX *huge = head ? pixScale(head, 4.0f, 4.0f) : NULL;
    PIX *huge_page = huge ? pixAddBorder(huge, 100, 255) : NULL;
    boxDestroy(&hbox);
    PIX *tiny = pixCreate(1, 1, 8);
    pixSetAll(tiny);

    int rc = 0;
    rc |= write_pix("good.png", crop, IFF_PNG);
    rc |= write_pix("good-1bit.png", bin, IFF_PNG);
    rc |= write_pix("good-palette.png", pal, IFF_PNG);
    rc |= write_pix("good-rgb.png", rgb, IFF_PNG);
    rc |= write_pix("good-rgba.png", rgba, IFF_PNG);
    rc |= write_pix("good-16bit.png", g16, IFF_PNG);
    rc |= write_pix("good.jpg", rgb, IFF_JFIF_JPEG);
    rc |= write_pix("good-nodpi.jpg", crop, IFF_JFIF_JPEG);
    rc |= strip_jfif_density("good-nodpi.jpg");
    rc |= pixWriteTiff(out_path("multi.tif"), crop, IFF_TIFF_ZIP, "w") != 0;
    rc |= pixWriteTiff(out_path("multi.tif"), bin, IFF_TIFF_G4, "a") != 0;
    rc |= pixWriteTiff(out_path("multi.tif"), rgb, IFF_TIFF_ZIP, "a") != 0;
    /* Two pages, the PDF tests' input (a PDF made of it by newsocr -f pdf). */
    rc |= pixWriteTiff(out_path("two-pages.tif"), crop, IFF_TIFF_ZIP, "w") != 0;
    rc |= pixWriteTiff(out_path("two-pages.tif"), bin, IFF_TIFF_G4, "a") != 0;
    rc |= write_pix("one-pixel.png", tiny, IFF_PNG);
    rc |= write_pix("huge-headline.png", huge_page, IFF_PNG);
    rc |= write_bytes("empty.png", "", 0);
    rc |= write_truncated("truncated.png", "good.png", 0.5);
    rc |= write_truncated("truncated.jpg", "good.jpg", 0.5);
    rc |= write_random("random.png", 4096);
    rc |= write_random("random.jpg", 4096);
    rc |= write_bytes("text.tif", "this is not an image, only text\n", 32);
    rc |= write_png_header_only("huge.png", 100000, 100000);

    boxDestroy(&box);
    pixDestroy(&pixs);
    pixDestroy(&pixg);
    pixDestroy(&crop);
    pixDestroy(&rgb);
    pixDestroy(&rgba);
    pixDestroy(&bin);
    pixDestroy(&pal);
    pixDestroy(&g16);
    pixDestroy(&tiny);
    pixDestroy(&head);
    pixDestroy(&huge);
    pixDestroy(&huge_page);
    return rc ? 1 : 0;
}
