/*
 * test_coverage.c - the mechanisms that keep text a layout mistake would lose (issue 11):
 * the coverage check, Tesseract's second opinion on photos, and --layout tesseract.
 *
 *   test_sample_coverage    p01: coverage reported near 1, the short last line of its
 *                           last column (which newsocr's layout leaves out) read by the
 *                           coverage check, in reading order at the article's end
 *   test_tinted_box         a paragraph printed on a tinted box, which preprocessing takes
 *                           for a photo, is read as text (the second opinion)
 *   test_layout_tesseract   p01 segmented by Tesseract reads within a CER bound
 *   test_alphabetic_page    an English page (-l eng) is segmented by Tesseract's layout
 *                           analysis, a Chinese one (p01) by newsocr's own
 *   test_bar_line           a line of a region that is a thin bar (a rule's remnant) is
 *                           not read: the region is left without lines
 *   test_alphabetic_skewed  an English page scanned at a skew: every paragraph read once,
 *                           columns in order, no region's box taking in the lines of the
 *                           next
 *   test_blotted_binary     p01 with its binary text image thickened into blots after
 *                           segmentation: the body, and the headings and bylines read
 *                           line by line, are read from the gray all the same
 *   test_blotted_low_resolution  p01 at 150 dpi, its binary thickened a little: blocks
 *                           reading between 70 and 85 are read from the gray too
 *
 * Run as test_coverage FIXTURES_DIR SAMPLES_DIR [SCHEMAS_DIR]; skipped (77) without the
 * chi_sim model.
 */
#include "check.h"
#include "newsocr.h"

#include <leptonica/allheaders.h>
#include <stdlib.h>
#include <string.h>

static nocr_engine *eng;
static char sample[4096];

/* Runs the whole pipeline on img; the page's txt export into *txt (free()). */
static nocr_page *process(nocr_image *img, nocr_layout_mode layout, char **txt)
{
    nocr_process_options po = NOCR_PROCESS_OPTIONS_INIT;
    po.layout = layout;
    nocr_page *page = NULL;
    CHECK_INT(nocr_process(&page, eng, img, &po, NULL), NOCR_OK);
    *txt = NULL;
    if (page)
        CHECK_INT(nocr_export_txt(txt, page), NOCR_OK);
    return page;
}

/* A drawing as newsocr loads an image (a PNG in memory named `name`), not preprocessed. */
static nocr_image *image_loaded(PIX *pix, const char *name)
{
    l_uint8 *data = NULL;
    size_t size = 0;
    nocr_image *img = NULL;
    CHECK(pixWriteMem(&data, &size, pix, IFF_PNG) == 0);
    CHECK_INT(nocr_image_load_mem(&img, data, size, name, 0, NULL), NOCR_OK);
    free(data);
    return img;
}

static size_t count_origin(const nocr_page *page, nocr_origin origin, int with_text)
{
    size_t n = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        n += nocr_region_origin(r) == origin && (!with_text || nocr_region_line_count(r) > 0);
    }
    return n;
}

/* Characters of `want` (UTF-8, CJK) found in `got` in order, each within 60 characters of
 * the one before (the first anywhere), as a share: a crude order-aware recall that needs
 * no alignment library. */
static double recall(const char *got, const char *want)
{
    size_t found = 0, total = 0;
    const char *g = got;
    for (const char *w = want; *w;) {
        size_t len = 1;
        while ((w[len] & 0xC0) == 0x80)
            len++;
        total++;
        const char *hit = NULL;
        for (const char *p = g; *p && (!found || p < g + 60 * 3); p++)
            if (!strncmp(p, w, len)) {
                hit = p;
                break;
            }
        if (hit) {
            found++;
            g = hit + len;
        }
        w += len;
    }
    return total ? (double)found / (double)total : 1.0;
}

static void test_sample_coverage(void)
{
    nocr_image *img = NULL;
    char *txt = NULL;
    CHECK_INT(nocr_image_load(&img, sample, 0, NULL), NOCR_OK);
    if (!img)
        return;
    nocr_page *page = process(img, NOCR_LAYOUT_NEWSOCR, &txt);
    if (page && txt) {
        double cov = nocr_page_coverage(page);
        fprintf(stderr, "p01 coverage %.3f, %zu coverage regions\n", cov,
                count_origin(page, NOCR_ORIGIN_COVERAGE, 1));
        CHECK(cov >= 0.97 && cov <= 1.0);
        /* the last line of the page: "...思维方式的转变。" */
        const char *end = strstr(txt, "转变。");
        CHECK(end != NULL);
        CHECK(end && strlen(end) < 40); /* at the end of the text, where it is printed */
        for (size_t i = 0; i < nocr_page_region_count(page); i++) {
            const nocr_region *r = nocr_page_region(page, i);
            if (nocr_region_origin(r) == NOCR_ORIGIN_COVERAGE && nocr_region_line_count(r) > 0)
                CHECK(nocr_region_order(r) >= 0);
        }
        char *json = NULL;
        CHECK_INT(nocr_export_json(&json, page, NULL), NOCR_OK);
        CHECK(json && strstr(json, "\"coverage\":") && strstr(json, "\"origin\":\"layout\""));
        free(json);
    }
    free(txt);
    nocr_page_free(page);
    nocr_image_free(img);
}

/* A paragraph of p01 (its second column's second block) printed on a box tinted to gray
 * TINT, beside another of its paragraphs on white: preprocessing finds the box a photo
 * and clears its ink; Tesseract's layout analysis sees text blocks there. */
#define TINT 210

static PIX *crop8(PIX *pixs, int x, int y, int w, int h)
{
    BOX *box = boxCreate(x, y, w, h);
    PIX *crop = pixClipRectangle(pixs, box, NULL);
    boxDestroy(&box);
    PIX *g = crop ? pixConvertTo8(crop, 0) : NULL;
    pixDestroy(&crop);
    return g;
}

static void test_tinted_box(void)
{
    PIX *pixs = pixRead(sample);
    CHECK(pixs != NULL);
    if (!pixs)
        return;
    PIX *plain = crop8(pixs, 206, 662, 642, 1085), *boxed = crop8(pixs, 919, 1254, 642, 488);
    PIX *page = pixCreate(1600, 1300, 8);
    CHECK(plain && boxed && page);
    if (plain && boxed && page) {
        pixSetAll(page);
        PIX *tint = pixCreate(702, 548, 8);
        pixSetAllArbitrary(tint, TINT);
        pixRasterop(page, 100, 100, 642, 1085, PIX_SRC, plain, 0, 0);
        pixRasterop(page, 830, 100, 702, 548, PIX_SRC, tint, 0, 0);
        PIX *under = crop8(page, 860, 130, 642, 488);
        PIX *dark = under ? pixMinOrMax(NULL, under, boxed, L_CHOOSE_MIN) : NULL;
        if (dark)
            pixRasterop(page, 860, 130, 642, 488, PIX_SRC, dark, 0, 0);
        pixSetResolution(page, 300, 300);
        nocr_image *img = image_loaded(page, "tinted.png");
        char *txt = NULL;
        nocr_page *p = img ? process(img, NOCR_LAYOUT_NEWSOCR, &txt) : NULL;
        if (p && txt) {
            /* the boxed paragraph's first words: "据了解，今年我市计划完成口袋公园" */
            double r = recall(txt, "据了解今年我市计划完成口袋公园和街头绿地建设");
            fprintf(stderr, "tinted box: recall %.2f, %zu regions of Tesseract's\n", r,
                    count_origin(p, NOCR_ORIGIN_TESSERACT, 1));
            CHECK(r >= 0.8);
            /* Either preprocessing kept the tinted box as text (its photo check) or, when it
             * took it for a photo, a check read it: never a photo with its text lost. */
            int figure_over_box = 0;
            for (size_t f = 0; f < nocr_image_figure_count(img); f++) {
                nocr_box fb = nocr_image_figure(img, f);
                figure_over_box |=
                    fb.x < 830 + 702 && fb.x + fb.w > 830 && fb.y < 100 + 548 && fb.y + fb.h > 100;
            }
            CHECK(!figure_over_box || count_origin(p, NOCR_ORIGIN_TESSERACT, 1) +
                                              count_origin(p, NOCR_ORIGIN_COVERAGE, 1) >=
                                          1);
        }
        free(txt);
        nocr_page_free(p);
        nocr_image_free(img);
        pixDestroy(&tint);
        pixDestroy(&under);
        pixDestroy(&dark);
    }
    pixDestroy(&plain);
    pixDestroy(&boxed);
    pixDestroy(&page);
    pixDestroy(&pixs);
}

/* Characters of the ground truth's reading found in the output, in order: p01 through
 * Tesseract's layout keeps at least LAYOUT_TESS_RECALL of the body's first sentence and
 * of the page's last one. */
#define LAYOUT_TESS_RECALL 0.8

static void test_layout_tesseract(void)
{
    nocr_image *img = NULL;
    char *txt = NULL;
    CHECK_INT(nocr_image_load(&img, sample, 0, NULL), NOCR_OK);
    nocr_page *page = img ? process(img, NOCR_LAYOUT_TESSERACT, &txt) : NULL;
    if (page && txt) {
        double a = recall(txt, "清晨六点滨江公园的步道上已经有了不少晨练的市民");
        double b = recall(txt, "家门口的公园越来越好用了");
        fprintf(stderr, "layout tesseract: recall %.2f %.2f, %zu regions\n", a, b,
                nocr_page_region_count(page));
        CHECK(a >= LAYOUT_TESS_RECALL && b >= LAYOUT_TESS_RECALL);
        CHECK(count_origin(page, NOCR_ORIGIN_TESSERACT, 1) >= 5);
        for (size_t i = 0; i < nocr_page_region_count(page); i++) {
            const nocr_region *r = nocr_page_region(page, i);
            if (nocr_role_is_text(nocr_region_role(r)))
                CHECK(nocr_region_origin(r) != NOCR_ORIGIN_LAYOUT);
        }
    }
    free(txt);
    nocr_page_free(page);
    nocr_image_free(img);
}

/* Two columns of English text drawn with Leptonica's built-in bitmap font (size
 * ALPHA_FONT, its largest), justified by its word wrap. */
#define ALPHA_FONT 20
static const char alpha_text[] =
    "The river path between the old mill and the harbour reopened on Monday after eight "
    "weeks of repairs. Workers replaced 640 metres of broken paving, added six benches and "
    "fitted lamps that dim after midnight. Residents of Hollow Lane will vote next month on "
    "whether to close their street to through traffic during school hours.";

/* An engine reading English, or NULL (the test named `what` is skipped) when the model is
 * not installed. */
static nocr_engine *english_engine(const char *what)
{
    nocr_engine *en = NULL;
    nocr_engine_options eo = NOCR_ENGINE_OPTIONS_INIT;
    eo.lang = "eng";
    if (nocr_engine_new(&en, &eo) != NOCR_OK) {
        fprintf(stderr, "%s: skipped (%s)\n", what, nocr_error_last());
        return NULL;
    }
    return en;
}

static void test_alphabetic_page(void)
{
    nocr_engine *en = english_engine("alphabetic page");
    if (!en)
        return;
    L_BMF *bmf = bmfCreate(NULL, ALPHA_FONT);
    PIX *page = pixCreate(1700, 1200, 8);
    CHECK(bmf && page);
    if (bmf && page) {
        pixSetAll(page);
        l_int32 over = 0;
        for (int c = 0; c < 2; c++)
            pixSetTextblock(page, bmf, alpha_text, 0x00000000, 100 + c * 800, 100, 700, 1, &over);
        pixSetResolution(page, 300, 300);
        nocr_image *img = image_loaded(page, "english.png");
        char *txt = NULL;
        nocr_page *p = NULL;
        nocr_process_options po = NOCR_PROCESS_OPTIONS_INIT;
        if (img)
            CHECK_INT(nocr_process(&p, en, img, &po, NULL), NOCR_OK);
        if (p && nocr_export_txt(&txt, p) == NOCR_OK && txt) {
            size_t text = 0;
            for (size_t i = 0; i < nocr_page_region_count(p); i++) {
                const nocr_region *r = nocr_page_region(p, i);
                if (!nocr_role_is_text(nocr_region_role(r)) || nocr_region_line_count(r) == 0)
                    continue;
                text++;
                CHECK(nocr_region_origin(r) != NOCR_ORIGIN_LAYOUT);
            }
            fprintf(stderr, "alphabetic page: %zu text regions\n%s\n", text, txt);
            CHECK(text >= 1);
            CHECK(strstr(txt, "harbour") != NULL);
        }
        free(txt);
        nocr_page_free(p);
        nocr_image_free(img);
    }
    pixDestroy(&page);
    bmfDestroy(&bmf);
    nocr_engine_free(en);
    /* a Chinese page keeps newsocr's layout */
    nocr_image *img = NULL;
    char *txt = NULL;
    CHECK_INT(nocr_image_load(&img, sample, 0, NULL), NOCR_OK);
    nocr_page *cp = img ? process(img, NOCR_LAYOUT_NEWSOCR, &txt) : NULL;
    if (cp)
        CHECK(count_origin(cp, NOCR_ORIGIN_LAYOUT, 1) >= 5);
    free(txt);
    nocr_page_free(cp);
    nocr_image_free(img);
}

/* Occurrences of `needle` in `hay`. */
static int count_in(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

/* Two columns of two paragraphs each, turned by SKEW_DEG as a scan is. Tesseract's layout
 * is found on the working image and on the original (second.c), whose boxes are brought
 * into the deskewed working image as the rectangles they hold (box_from_original: mapped
 * corner by corner, a block's box grew by its width times the sine of the angle, into the
 * lines of the paragraph under it): whichever is taken, every paragraph is read once, in
 * column order. */
#define SKEW_DEG  2.0
#define SKEW_FONT 10 /* Leptonica's bitmap font: lines of about 55 px, 45 characters */

static void test_alphabetic_skewed(void)
{
    nocr_engine *en = english_engine("skewed alphabetic page");
    if (!en)
        return;
    static const char *const paras[4] = {
        "Workers replaced 640 metres of broken paving and added six benches along the river "
        "path between the old mill and the harbour.",
        "Residents of Hollow Lane will vote next month on whether to close their street to "
        "through traffic during school hours.",
        "The council has approved plans for 36 flats on the site of the former bus depot "
        "near the station and the market.",
        "The public library will stay open until 8 pm on Thursdays from the first of the "
        "month, paid for by a local trust."};
    L_BMF *bmf = bmfCreate(NULL, SKEW_FONT);
    PIX *page = pixCreate(1700, 1000, 8);
    CHECK(bmf && page);
    if (bmf && page) {
        pixSetAll(page);
        for (int k = 0; k < 4; k++) { /* column k / 2, three lines a paragraph, one apart */
            l_int32 over = 0;
            pixSetTextblock(page, bmf, paras[k], 0x00000000, 100 + (k / 2) * 800,
                            150 + (k % 2) * 330, 700, 1, &over);
        }
        PIX *turned = pixRotate(page, (l_float32)(SKEW_DEG * 3.14159265 / 180.0),
                                L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
        CHECK(turned != NULL);
        if (turned)
            pixSetResolution(turned, 300, 300);
        nocr_image *img = turned ? image_loaded(turned, "skewed.png") : NULL;
        nocr_page *p = NULL;
        char *txt = NULL;
        nocr_process_options po = NOCR_PROCESS_OPTIONS_INIT;
        if (img)
            CHECK_INT(nocr_process(&p, en, img, &po, NULL), NOCR_OK);
        if (p && nocr_export_txt(&txt, p) == NOCR_OK && txt) {
            fprintf(stderr, "skewed alphabetic page:\n%s\n", txt);
            /* each paragraph's first and last words, once each, in column order */
            static const char *const marks[] = {"Workers",  "harbour", "Residents", "hours",
                                                "approved", "market",  "library",   "trust"};
            const char *prev = txt;
            for (size_t k = 0; k < sizeof(marks) / sizeof(*marks); k++) {
                const char *at = strstr(txt, marks[k]);
                CHECK(count_in(txt, marks[k]) == 1);
                CHECK(at && at >= prev);
                prev = at ? at : prev;
            }
        }
        free(txt);
        nocr_page_free(p);
        nocr_image_free(img);
        pixDestroy(&turned);
    }
    pixDestroy(&page);
    bmfDestroy(&bmf);
    nocr_engine_free(en);
}

/* p01's working text image with a bar drawn in a cleared band near its foot, and a page
 * whose one body region holds one line, the bar: recognition reads no text in it (a bar
 * is no line of type: recognize.c, nocr_ink_is_bar). */
static void test_bar_line(void)
{
    nocr_image *img = NULL;
    CHECK_INT(nocr_image_load(&img, sample, 0, NULL), NOCR_OK);
    if (!img)
        return;
    CHECK_INT(nocr_preprocess(img, NULL), NOCR_OK);
    struct Pix *pixb = nocr_image_work_binary(img);
    int body = nocr_image_work_body_size(img);
    CHECK(pixb && body > 8);
    nocr_page *page = NULL;
    if (pixb && body > 8 &&
        nocr_page_new(&page, nocr_image_width(img), nocr_image_height(img)) == NOCR_OK) {
        nocr_box bar = {body, pixGetHeight(pixb) - 3 * body, 20 * body, body / 8};
        pixRasterop(pixb, 0, bar.y - body, pixGetWidth(pixb), 3 * body, PIX_CLR, NULL, 0, 0);
        pixRasterop(pixb, bar.x, bar.y, bar.w, bar.h, PIX_SET, NULL, 0, 0);
        nocr_box ob = nocr_image_box_to_original(img, bar);
        nocr_region *r = NULL;
        nocr_line *line = NULL;
        CHECK_INT(nocr_page_add_region(&r, page, NOCR_ROLE_BODY, ob), NOCR_OK);
        if (r) {
            nocr_region_set_work_box(r, bar);
            CHECK_INT(nocr_region_add_line(&line, r, ob, NULL, -1.0f), NOCR_OK);
        }
        if (line) {
            nocr_line_set_work_box(line, bar);
            CHECK_INT(nocr_recognize(page, eng, img), NOCR_OK);
            CHECK(nocr_region_line_count(r) == 0);
        }
    }
    nocr_page_free(page);
    nocr_image_free(img);
}

/* The text of every text region of page, line after line, in page order (malloc'd). */
static char *region_texts(const nocr_page *page)
{
    size_t cap = 1, len = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++)
        for (size_t j = 0; j < nocr_region_line_count(nocr_page_region(page, i)); j++)
            cap += strlen(nocr_line_text(nocr_region_line(nocr_page_region(page, i), j))) + 1;
    char *all = malloc(cap);
    if (!all)
        return NULL;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        for (size_t j = 0; j < nocr_region_line_count(r); j++) {
            const char *t = nocr_line_text(nocr_region_line(r, j));
            memcpy(all + len, t, strlen(t));
            len += strlen(t);
            all[len++] = '\n';
        }
    }
    all[len] = '\0';
    return all;
}

/* img preprocessed and segmented, then its binary text image thickened by a brick of
 * `blot` pixels, then recognized: the page, or NULL when a step failed. */
static nocr_page *read_blotted(nocr_image *img, int blot)
{
    CHECK_INT(nocr_preprocess(img, NULL), NOCR_OK);
    nocr_page *page = NULL;
    CHECK_INT(nocr_segment(&page, img), NOCR_OK);
    struct Pix *pixb = nocr_image_work_binary(img);
    struct Pix *blots = pixb ? pixDilateBrick(NULL, pixb, blot, blot) : NULL;
    CHECK(blots != NULL);
    if (page && blots && pixCopy(pixb, blots) == pixb)
        CHECK_INT(nocr_recognize(page, eng, img), NOCR_OK);
    else {
        nocr_page_free(page);
        page = NULL;
    }
    pixDestroy(&blots);
    return page;
}

/* p01 segmented, then its binary text image thickened into blots (as Sauvola leaves small
 * type that was blurred, or scanned at a low resolution and upscaled): the body blocks and
 * the lines read badly from it are read again from the gray, and their text is there
 * (recognize.c, region_second_reading, line_second_reading). */
#define BLOT_RECALL 0.8
static void test_blotted_binary(void)
{
    nocr_image *img = NULL;
    CHECK_INT(nocr_image_load(&img, sample, 0, NULL), NOCR_OK);
    if (!img)
        return;
    nocr_page *page = read_blotted(img, 9);
    char *all = page ? region_texts(page) : NULL;
    CHECK(all != NULL);
    if (all) {
        double a = recall(all, "清晨六点滨江公园的步道上已经有了不少晨练的市民");
        double b = recall(all, "家门口的公园越来越好用了");
        fprintf(stderr, "blotted binary: recall %.2f %.2f\n", a, b);
        CHECK(a >= BLOT_RECALL && b >= BLOT_RECALL);
        /* The subheadline, section heading and byline, read line by line, read badly
         * from the blots too and are read again from the gray (line_second_reading):
         * whole, as the gray reads them (recall() would find their first characters in
         * the body text before them). */
        CHECK(strstr(all, "我市今年计划建成口袋公园和街头绿地50处") != NULL);
        CHECK(strstr(all, "小切口改造带来大变化") != NULL);
        CHECK(strstr(all, "本报通讯员李明记者王芳") != NULL);
    }
    free(all);
    nocr_page_free(page);
    nocr_image_free(img);
}

/* The body regions' characters' mean confidence (each line weighs its characters). */
static double body_confidence(const nocr_page *page)
{
    double sum = 0;
    size_t chars = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) != NOCR_ROLE_BODY)
            continue;
        for (size_t j = 0; j < nocr_region_line_count(r); j++) {
            const nocr_line *l = nocr_region_line(r, j);
            size_t n = strlen(nocr_line_text(l));
            sum += nocr_line_confidence(l) * (double)n;
            chars += n;
        }
    }
    return chars ? sum / (double)chars : 0;
}

/* p01 at half its resolution (150 dpi), as an archive's low-resolution scan: preprocessing
 * scales it up 1.8 times, and its binary text image, thickened a little after
 * segmentation, reads its body at confidence about 81, blocks between 70 and 85. Such
 * blocks of an upscaled page are read again from the gray (recognize.c,
 * GRAY_RETRY_UPSCALED), which reads them at about 88. */
#define LOWRES_MIN_CONF 86.0
static void test_blotted_low_resolution(void)
{
    PIX *full = pixRead(sample);
    PIX *small = full ? pixScale(full, 0.5f, 0.5f) : NULL;
    pixDestroy(&full);
    CHECK(small != NULL);
    if (!small)
        return;
    nocr_image *img = image_loaded(small, "p01-150dpi.png");
    pixDestroy(&small);
    nocr_page *page = read_blotted(img, 5);
    CHECK(page != NULL);
    CHECK(nocr_image_scale(img) >= 1.5);
    if (page) {
        double conf = body_confidence(page);
        fprintf(stderr, "blotted low resolution: body confidence %.1f\n", conf);
        CHECK(conf >= LOWRES_MIN_CONF);
    }
    nocr_page_free(page);
    nocr_image_free(img);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_coverage FIXTURES_DIR SAMPLES_DIR\n");
        return 2;
    }
    snprintf(sample, sizeof(sample), "%s/p01-clean-3col.png", argv[2]);
    nocr_engine_options eo = NOCR_ENGINE_OPTIONS_INIT;
    if (nocr_engine_new(&eng, &eo) != NOCR_OK) {
        fprintf(stderr, "skipped: %s\n", nocr_error_last());
        return 77;
    }
    test_sample_coverage();
    test_tinted_box();
    test_layout_tesseract();
    test_alphabetic_page();
    test_bar_line();
    test_alphabetic_skewed();
    test_blotted_binary();
    test_blotted_low_resolution();
    nocr_engine_free(eng);
    return CHECK_DONE();
}
