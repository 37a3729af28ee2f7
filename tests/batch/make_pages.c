/*
 * make_pages.c - small, quick pages for the batch tests, cut from a sample page.
 *
 *   main, crop_page, make_a3
 *
 * Usage: make_pages SAMPLE_IMAGE OUTDIR N [TIFF_PAGES]
 * Writes OUTDIR/page01.png .. pageNN.png, each a 1000x700 crop of the sample at a
 * different place (so each holds text and takes well under a second to recognize), and,
 * when TIFF_PAGES > 0, OUTDIR/multi.tif, a multi-page TIFF of that many crops.
 * Deterministic: the crops depend only on the sample and N.
 *
 * Usage: make_pages --a3 OUT.png SAMPLE1 SAMPLE2 SAMPLE3
 * Writes a 300 dpi A3 page (3508x4961, 8-bit gray) tiled from three A4 samples: SAMPLE1
 * whole at the top left, a strip of SAMPLE2 on its right, the top of SAMPLE3 below; for
 * the benchmark's peak-memory measure (scripts/bench-batch), made at run time.
 */
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 1000
#define PAGE_H 700

/* Crop k of the sample: a grid walk over its text area, 8-bit gray, 300 dpi. */
static PIX *crop_page(PIX *pixg, int k)
{
    int w = pixGetWidth(pixg), h = pixGetHeight(pixg);
    int cols = w > PAGE_W ? (w - PAGE_W) / 300 + 1 : 1;
    int rows = h > PAGE_H + 400 ? (h - PAGE_H - 400) / 350 + 1 : 1;
    int x = (k % cols) * 300, y = 400 + (k / cols % rows) * 350;
    BOX *box = boxCreate(x, y, PAGE_W, PAGE_H);
    PIX *crop = pixClipRectangle(pixg, box, NULL);
    boxDestroy(&box);
    if (crop)
        pixSetResolution(crop, 300, 300);
    return crop;
}

#define A3_W 3508
#define A3_H 4961

static int make_a3(const char *out, char **samples)
{
    PIX *pixd = pixCreate(A3_W, A3_H, 8);
    pixSetAllArbitrary(pixd, 255);
    /* where each sample goes: destination x, y and the size taken from its top left */
    const int place[3][4] = {
        {0, 0, 2480, 3508}, {2480, 0, A3_W - 2480, 3508}, {0, 3508, A3_W, A3_H - 3508}};
    int rc = 0;
    for (int i = 0; i < 3 && rc == 0; i++) {
        PIX *pixs = pixRead(samples[i]);
        PIX *pixg = pixs ? pixConvertTo8(pixs, 0) : NULL;
        if (!pixg) {
            fprintf(stderr, "make_pages: cannot read %s\n", samples[i]);
            rc = 1;
        } else {
            rc = pixRasterop(pixd, place[i][0], place[i][1], place[i][2], place[i][3], PIX_SRC,
                             pixg, i == 1 ? 200 : 0, 0) != 0;
        }
        pixDestroy(&pixg);
        pixDestroy(&pixs);
    }
    pixSetResolution(pixd, 300, 300);
    if (rc == 0 && pixWrite(out, pixd, IFF_PNG) != 0) {
        fprintf(stderr, "make_pages: cannot write %s\n", out);
        rc = 1;
    }
    pixDestroy(&pixd);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 6 && strcmp(argv[1], "--a3") == 0) {
        setLeptDebugOK(0);
        return make_a3(argv[2], argv + 3);
    }
    if (argc < 4) {
        fprintf(stderr, "usage: make_pages SAMPLE_IMAGE OUTDIR N [TIFF_PAGES]\n");
        return 2;
    }
    int n = atoi(argv[3]), tiff_pages = argc > 4 ? atoi(argv[4]) : 0, rc = 0;
    setLeptDebugOK(0);
    PIX *pixs = pixRead(argv[1]);
    PIX *pixg = pixs ? pixConvertTo8(pixs, 0) : NULL;
    if (!pixg) {
        fprintf(stderr, "make_pages: cannot read %s\n", argv[1]);
        return 1;
    }
    char path[4096];
    for (int k = 0; k < n && rc == 0; k++) {
        PIX *crop = crop_page(pixg, k);
        snprintf(path, sizeof(path), "%s/page%02d.png", argv[2], k + 1);
        rc = !crop || pixWrite(path, crop, IFF_PNG);
        pixDestroy(&crop);
    }
    snprintf(path, sizeof(path), "%s/multi.tif", argv[2]);
    for (int k = 0; k < tiff_pages && rc == 0; k++) {
        PIX *crop = crop_page(pixg, n + k);
        rc = !crop || pixWriteTiff(path, crop, IFF_TIFF_ZIP, k == 0 ? "w" : "a");
        pixDestroy(&crop);
    }
    if (rc)
        fprintf(stderr, "make_pages: cannot write %s\n", path);
    pixDestroy(&pixg);
    pixDestroy(&pixs);
    return rc;
}
