/*
 * lang.c - the page's language when the engine's is "auto" (-l auto): simplified or
 * traditional Chinese, chosen per page by reading a sample of its lines with both.
 *
 *   recog_lang_models     the language string whose models the engine loads ("auto": both)
 *   recog_auto_init       the two horizontal models of -l auto, loaded once
 *   recog_auto_free       and freed
 *   recog_choose_lang     the page's language: the engine's, or the better reader of a sample
 *   recog_page_lang       the language the current page is read in
 *
 * Both models stay loaded (two TessBaseAPI): loading one takes 0.22-0.24 s on the
 * 2-core machine (chi_sim, chi_tra; "auto" loads both in 0.45 s), and re-initialising one
 * API would cost that twice per page (to the other model for the sample and back), while
 * pages of both scripts come in one batch. The sample itself costs more: on p27 a page
 * took 4.2 s of CPU with -l auto against 2.4 s with -l chi_tra (20 line reads).
 *
 * The sample is AUTO_SAMPLE_LINES lines spread over the page's text regions (vertical
 * columns re-set as horizontal lines, vertical.c; horizontal lines with recognize.c's
 * margins); each model reads them and the one with the higher mean confidence, weighted by
 * the length of the text read, reads the page. Each model writes its own script whatever
 * the page's (chi_tra read p01 as 家門口的公園), so the output's characters cannot tell;
 * the confidence did, on p27-p34 (regress_vertical) and p01, p02, p13, p24: chi_sim ahead
 * by 5-7 points on the simplified horizontal pages, chi_tra by 10 on p27, but chi_sim by
 * only 1.6 on the simplified vertical p31, the narrowest margin seen.
 */
#include "recog/recog.h"

#include <string.h>

#define AUTO_SAMPLE_LINES 10

static const char *const auto_langs[2] = {"chi_sim", "chi_tra"};

const char *recog_lang_models(const char *lang)
{
    return strcmp(lang, "auto") == 0 ? "chi_sim+chi_tra" : lang;
}

int recog_auto_init(nocr_engine *eng, const char *config)
{
    char *configs[1] = {(char *)config};
    for (int k = 0; k < 2; k++) {
        if (!(eng->auto_api[k] = TessBaseAPICreate()))
            return nocr_error_set(NOCR_EENGINE, "cannot create a Tesseract engine");
        TessBaseAPISetVariable(eng->auto_api[k], "debug_file", "/dev/null");
        if (TessBaseAPIInit1(eng->auto_api[k], eng->tessdata, auto_langs[k], OEM_LSTM_ONLY,
                             config ? configs : NULL, config ? 1 : 0) != 0)
            return nocr_error_set(NOCR_EMODEL,
                                  "cannot load model '%s' from %s (corrupt traineddata?)",
                                  auto_langs[k], eng->tessdata);
        TessBaseAPISetVariable(eng->auto_api[k], "debug_file", "/dev/null");
    }
    eng->api = eng->auto_api[0];
    eng->page_lang = auto_langs[0];
    return NOCR_OK;
}

void recog_auto_free(nocr_engine *eng)
{
    for (int k = 0; k < 2; k++) {
        if (eng->auto_api[k]) {
            TessBaseAPIEnd(eng->auto_api[k]);
            TessBaseAPIDelete(eng->auto_api[k]);
        }
        eng->auto_api[k] = NULL;
    }
    eng->api = NULL;
}

const char *recog_page_lang(const nocr_engine *eng)
{
    return eng->page_lang ? eng->page_lang : eng->lang;
}

/* Removes what a sample read left in the line. */
static void line_clear(nocr_line *line)
{
    while (nocr_line_word_count(line) > 0)
        nocr_line_remove_word(line, nocr_line_word_count(line) - 1);
    nocr_line_set_text(line, "");
    nocr_line_set_confidence(line, -1.0f);
}

/* Reads line with api: adds the length of the text read (bytes) and its confidence times
 * that length. Vertical columns are re-set as horizontal lines (vertical.c). */
static void sample_read(TessBaseAPI *api, nocr_engine *eng, const nocr_image *img, nocr_line *line,
                        int vertical, double *chars, double *score)
{
    eng->api = api;
    eng->current = NULL;
    if (vertical) {
        if (recog_vertical_line(line, eng, img) == NOCR_OK) {
            for (size_t w = 0; w < nocr_line_word_count(line); w++) {
                const nocr_word *word = nocr_line_word(line, w);
                double n = (double)strlen(nocr_word_text(word));
                *chars += n;
                *score += n * nocr_word_confidence(word);
            }
        }
        line_clear(line);
        return;
    }
    PIX *pixb = nocr_image_work_binary(img);
    nocr_box wb = nocr_line_work_box(line);
    if (wb.w <= 0)
        wb = nocr_image_box_to_working(img, nocr_line_box(line));
    /* the margins recognize.c reads lines with: a third of the height across, a sixth up */
    PIX *pix = pixb ? pixb : nocr_image_work_gray(img);
    int W = pixGetWidth(pix), H = pixGetHeight(pix), px = wb.h / 3, py = wb.h / 6;
    int l = wb.x - px > 0 ? wb.x - px : 0, t = wb.y - py > 0 ? wb.y - py : 0;
    int r = wb.x + wb.w + px < W ? wb.x + wb.w + px : W;
    int b = wb.y + wb.h + py < H ? wb.y + wb.h + py : H;
    if (r - l < 4 || b - t < 4)
        return;
    TessBaseAPISetImage2(api, pix);
    TessBaseAPISetSourceResolution(api, recog_working_dpi(img));
    TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE);
    TessBaseAPISetRectangle(api, l, t, r - l, b - t);
    char *text = TessBaseAPIGetUTF8Text(api);
    if (text) {
        double n = (double)strlen(text);
        *chars += n;
        *score += n * TessBaseAPIMeanTextConf(api);
        TessDeleteText(text);
    }
}

int recog_choose_lang(nocr_page *page, nocr_engine *eng, const nocr_image *img)
{
    if (!eng->auto_api[0])
        return nocr_page_set_lang(page, eng->lang);
    /* the sample: every k-th line of the text regions */
    size_t total = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_role_is_text(nocr_region_role(r)))
            total += nocr_region_line_count(r);
    }
    size_t step = total > AUTO_SAMPLE_LINES ? total / AUTO_SAMPLE_LINES : 1, seen = 0;
    double chars[2] = {0, 0}, score[2] = {0, 0};
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (!nocr_role_is_text(nocr_region_role(r)))
            continue;
        int vertical = nocr_region_direction(r) == NOCR_DIR_VERTICAL;
        for (size_t j = 0; j < nocr_region_line_count(r); j++, seen++) {
            if (seen % step != 0)
                continue;
            nocr_line *line = nocr_region_line(r, j);
            for (int k = 0; k < 2; k++)
                sample_read(eng->auto_api[k], eng, img, line, vertical, &chars[k], &score[k]);
        }
    }
    double mean0 = chars[0] > 0 ? score[0] / chars[0] : 0;
    double mean1 = chars[1] > 0 ? score[1] / chars[1] : 0;
    int k = mean1 > mean0 ? 1 : 0;
    eng->api = eng->auto_api[k];
    eng->page_lang = auto_langs[k];
    eng->current = NULL;
    return nocr_page_set_lang(page, auto_langs[k]);
}
