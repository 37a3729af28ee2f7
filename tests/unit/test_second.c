/*
 * test_second.c - the second opinion's choices on an alphabetic page (recog/second.c):
 * the gutter test compiled in (recog/gutter.c, private to the library), the layout of a
 * shaded page through nocr_process.
 *
 *   test_gutter_is_a_channel  a line crosses a gutter only where the white between its
 *                             words runs on CHANNEL_EMS bodies above and below it: two
 *                             columns' lines read as one cross, a justified line's wide
 *                             word space inside a paragraph does not
 *   test_shade_clean_layout   a page whose gray leaves text under a dark shade outside
 *                             Tesseract's text blocks takes the text image's layout
 *                             (clean_gray, SHADE_COVER), whose blocks hold the shaded lines
 *   test_folio_over_rule      a folio line whose box takes in the rule under it is measured
 *                             by its ink: a folio line, not a deck
 */
#include "check.h"

#include "recog/gutter.c"

#include "newsocr.h"

#include <stdlib.h>

#define BODY 20 /* body height of the drawn lines, px */

static void rect(PIX *pix, int x, int y, int w, int h)
{
    BOX *box = boxCreate(x, y, w, h);
    pixSetInRectArbitrary(pix, box, 1);
    boxDestroy(&box);
}

/* Lines of "words" (BODY-high blocks) every 2 bodies from y0 to y1, from x0 to x1, with a
 * word space of 6 px; `gap_x`, `gap_w`: a wider white run at that place on every line. */
static void draw_lines(PIX *pix, int x0, int x1, int y0, int y1, int gap_x, int gap_w)
{
    for (int y = y0; y + BODY <= y1; y += 2 * BODY)
        for (int x = x0; x < x1; x += 46) {
            int w = x + 40 > x1 ? x1 - x : 40;
            int a = x > gap_x - 40 && x < gap_x + gap_w ? 0 : 1;
            if (a && w > 0)
                rect(pix, x, y, w, BODY);
        }
    if (gap_w > 0) /* the words' edges at the run, so its width is exact */
        for (int y = y0; y + BODY <= y1; y += 2 * BODY) {
            rect(pix, gap_x - 10, y, 10, BODY);
            rect(pix, gap_x + gap_w, y, 10, BODY);
        }
}

static int crosses(PIX *pix, int x0, int x1, int y)
{
    return nocr_line_crosses_gutter(pixGetData(pix), pixGetWpl(pix), pixGetWidth(pix),
                                    pixGetHeight(pix), x0, x1, y, y + BODY, BODY);
}

static void test_gutter_is_a_channel(void)
{
    /* two columns 30 px (1.5 bodies) apart, eight lines each: the white between them runs
     * down the page, and a line box across both crosses the gutter */
    PIX *cols = pixCreate(800, 400, 1);
    draw_lines(cols, 20, 780, 20, 340, 390, 30);
    CHECK_INT(crosses(cols, 20, 780, 140), 1);
    /* where: the run's middle, the white 390-419 (what a block across it is cut at) */
    CHECK_INT(nocr_line_gutter(pixGetData(cols), pixGetWpl(cols), pixGetWidth(cols),
                               pixGetHeight(cols), 20, 780, 140, 140 + BODY, BODY),
              405);
    pixDestroy(&cols);

    /* one paragraph whose middle line has a word space as wide (30 px), the lines above
     * and below set solid across it: a word space, not a gutter (the width test alone,
     * without the channel, took it for one) */
    PIX *para = pixCreate(800, 400, 1);
    draw_lines(para, 20, 780, 20, 340, -1000, 0);
    BOX *line = boxCreate(20, 140, 760, BODY);
    pixClearInRect(para, line);
    boxDestroy(&line);
    draw_lines(para, 20, 780, 140, 140 + BODY, 390, 30);
    CHECK_INT(crosses(para, 20, 780, 140), 0);
    pixDestroy(&para);
}

/* Two columns of English in Leptonica's bitmap font (its largest, 20), justified. */
static const char column_text[] =
    "The river path between the old mill and the harbour reopened on Monday after eight "
    "weeks of repairs. Workers replaced 640 metres of broken paving, added six benches and "
    "fitted lamps that dim after midnight. Residents of Hollow Lane will vote next month on "
    "whether to close their street to through traffic during school hours. The council "
    "said the lamps would save energy and that the benches were given by local shops, "
    "whose owners hope the path will bring walkers back to the quay.";

/* The page: 1700 x 1400 px at 300 dpi, the columns at x 100 and 900, 700 px wide, and a
 * scan's shade from x SHADE_X to the right edge, darkening linearly from the paper's white
 * to gray SHADE_DARK over the right part of the second column. */
#define SHADE_X    1200
#define SHADE_DARK 60

static PIX *shaded_page(void)
{
    L_BMF *bmf = bmfCreate(NULL, 20);
    PIX *page = pixCreate(1700, 1400, 8);
    if (!bmf || !page) {
        bmfDestroy(&bmf);
        pixDestroy(&page);
        return NULL;
    }
    pixSetAll(page);
    for (int x = SHADE_X; x < 1700; x++) {
        int v = 255 - (255 - SHADE_DARK) * (x - SHADE_X) / (1700 - SHADE_X);
        for (int y = 0; y < 1400; y++)
            pixSetPixel(page, x, y, (l_uint32)v);
    }
    l_int32 over = 0;
    for (int c = 0; c < 2; c++)
        pixSetTextblock(page, bmf, column_text, 0x00000000, 100 + c * 800, 100, 700, 1, &over);
    pixSetResolution(page, 300, 300);
    bmfDestroy(&bmf);
    return page;
}

/* The page newsocr makes of pix (encoded as a PNG named `name`, loaded and processed as
 * a user's file is); NULL, with a failed check, when a step fails. */
static nocr_page *page_of(nocr_engine *en, PIX *pix, const char *name)
{
    l_uint8 *data = NULL;
    size_t size = 0;
    nocr_image *img = NULL;
    nocr_page *page = NULL;
    nocr_process_options po = NOCR_PROCESS_OPTIONS_INIT;
    CHECK(pix && pixWriteMem(&data, &size, pix, IFF_PNG) == 0);
    if (data)
        CHECK_INT(nocr_image_load_mem(&img, data, size, name, 0, NULL), NOCR_OK);
    if (img)
        CHECK_INT(nocr_process(&page, en, img, &po, NULL), NOCR_OK);
    nocr_image_free(img);
    free(data);
    return page;
}

/* Tesseract's layout analysis of the gray takes the shade for an image and cuts the second
 * column's lines short at it (their ends read by the coverage check as pieces of their
 * own); the text image's (clean_gray), on which the shade is gone, keeps the column whole:
 * no photo, and no text left for the coverage check. */
static void test_shade_clean_layout(nocr_engine *en)
{
    PIX *pix = shaded_page();
    nocr_page *page = page_of(en, pix, "shaded.png");
    size_t figures = 0, covered_late = 0, text = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) == NOCR_ROLE_FIGURE)
            figures++;
        else if (nocr_role_is_text(nocr_region_role(r)) && nocr_region_line_count(r) > 0) {
            text++;
            covered_late += nocr_region_origin(r) == NOCR_ORIGIN_COVERAGE;
        }
    }
    fprintf(stderr, "shaded page: %zu text regions, %zu from the coverage check, %zu photos\n",
            text, covered_late, figures);
    CHECK(page != NULL);
    CHECK(text >= 2);
    CHECK_INT(figures, 0);
    CHECK_INT(covered_late, 0);
    nocr_page_free(page);
    pixDestroy(&pix);
}

/* A folio line with the folio rule close under it, then the columns: on the gray that
 * Tesseract's layout analysis reads the rule is still there, and the line's box takes it
 * in, as tall as a headline's; measured by its ink in the text image (the rule taken out)
 * the line is a folio line (Latin tuning seed 20261213426). */
static void test_folio_over_rule(nocr_engine *en)
{
    L_BMF *bmf = bmfCreate(NULL, 20);
    PIX *pix = pixCreate(1700, 2200, 8);
    l_int32 over = 0;
    CHECK(bmf && pix);
    if (bmf && pix) {
        pixSetAll(pix);
        pixSetTextline(pix, bmf, "Page 9   NEWS   Monday, 8/11/2024", 0x00000000, 100, 60, NULL,
                       NULL);
        BOX *rule = boxCreate(100, 68, 1500, 14);
        pixClearInRect(pix, rule);
        boxDestroy(&rule);
        for (int c = 0; c < 2; c++)
            pixSetTextblock(pix, bmf, column_text, 0x00000000, 100 + c * 800, 300, 700, 1, &over);
        pixSetResolution(pix, 300, 300);
    }
    nocr_page *page = page_of(en, pix, "folio.png");
    const nocr_region *first = NULL;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        if (nocr_role_is_text(nocr_region_role(r)) && nocr_region_order(r) == 0)
            first = r;
    }
    CHECK(first != NULL);
    if (first) {
        fprintf(stderr, "folio over a rule: %s\n", nocr_role_name(nocr_region_role(first)));
        CHECK_INT(nocr_region_role(first), NOCR_ROLE_PAGE_HEADER);
    }
    nocr_page_free(page);
    pixDestroy(&pix);
    bmfDestroy(&bmf);
}

int main(void)
{
    test_gutter_is_a_channel();
    nocr_engine *en = NULL;
    nocr_engine_options eo = NOCR_ENGINE_OPTIONS_INIT;
    eo.lang = "eng";
    if (nocr_engine_new(&en, &eo) == NOCR_OK) {
        test_shade_clean_layout(en);
        test_folio_over_rule(en);
        nocr_engine_free(en);
    } else {
        fprintf(stderr, "pages through nocr_process: skipped (%s)\n", nocr_error_last());
    }
    return CHECK_DONE();
}
