/*
 * recognize.c - recognition of the page's text regions with the engine (engine.c).
 *
 *   nocr_recognize          text, lines, words and confidences of every text region
 *   region_recognize_lines  a region read line by line (headings, captions, the folio)
 *   region_read_result      a region read as one block: Tesseract's lines and words
 *   region_second_reading   a body block that read badly, read again from the other image
 *   line_second_reading     a line that read badly from the binary image, read from the gray
 *   line_read_words         one line's words, from the page or a scaled-down copy
 *   iterator_box            an element's box, or none when Tesseract has none
 *   recog_line_words        the words of a line just read, boxes mapped by the caller
 *   recog_words_confidence  a reading's confidence: its characters' mean
 *   recog_words_mean        the same, as a mean (also vertical.c's)
 *   recog_keep_reading      one of two readings of a line kept (also vertical.c's)
 *
 * The image is read through newsocr.h only (the working images and their mapping to the
 * original); the page model is edited through its accessors, and a line's text is made
 * from its words by the model's one rule (nocr_line_text_from_words). Tesseract strings
 * are copied into our buffers and freed at once with TessDeleteText.
 */
#include "recog/recog.h"
#include "recog/second.h"
#include "recog/tally.h"
#include "layout/coverage.h"

/* Resolution Tesseract is told: the file's when plausible, else 300 (newsocr's images
 * are rescaled to body text of a known size by preprocessing). */
int recog_working_dpi(const nocr_image *img)
{
    int file_dpi = nocr_image_dpi(img);
    int dpi = (int)((float)(file_dpi > 0 ? file_dpi : 300) * (float)nocr_image_scale(img) + 0.5f);
    return dpi >= 70 && dpi <= 2400 ? dpi : 300;
}

/* The working picture Tesseract reads: the binary text image, or the gray when
 * preprocessing did not binarize; NULL before preprocessing. Borrowed from img. */
static PIX *work_pix(const nocr_image *img)
{
    PIX *pixb = nocr_image_work_binary(img);
    return pixb ? pixb : nocr_image_work_gray(img);
}

/* Gives the image's working picture to Tesseract unless it already has it. */
static void engine_set_image(nocr_engine *eng, const nocr_image *img)
{
    if (eng->current == img)
        return;
    TessBaseAPISetImage2(eng->api, work_pix(img));
    TessBaseAPISetSourceResolution(eng->api, recog_working_dpi(img));
    eng->current = img;
}

static nocr_box to_original(const nocr_image *img, int l, int t, int r, int b)
{
    return nocr_image_box_to_original(img, (nocr_box){l, t, r > l ? r - l : 0, b > t ? b - t : 0});
}

/* The box of the iterator's current element at `level`, working pixels; all 0 when
 * Tesseract has none (it then leaves the outputs unset: seen as garbage coordinates). */
static void iterator_box(const TessPageIterator *pi, TessPageIteratorLevel level, int *l, int *t,
                         int *r, int *b)
{
    if (!TessPageIteratorBoundingBox(pi, level, l, t, r, b))
        *l = *t = *r = *b = 0;
}

/* Reads Tesseract's result for the current rectangle into `region`. */
static int region_read_result(nocr_region *region, nocr_engine *eng, const nocr_image *img)
{
    TessResultIterator *ri = TessBaseAPIGetIterator(eng->api);
    if (!ri)
        return NOCR_OK;
    TessPageIterator *pi = TessResultIteratorGetPageIterator(ri);
    nocr_line *line = NULL;
    int rc = NOCR_OK;
    do {
        int l = 0, t = 0, r = 0, b = 0;
        if (TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE) || !line) {
            if (line && (rc = nocr_line_text_from_words(line)))
                break;
            iterator_box(pi, RIL_TEXTLINE, &l, &t, &r, &b);
            float conf = TessResultIteratorConfidence(ri, RIL_TEXTLINE);
            if ((rc = nocr_region_add_line(&line, region, to_original(img, l, t, r, b), NULL,
                                           conf)))
                break;
            nocr_line_set_starts_paragraph(line, TessPageIteratorIsAtBeginningOf(pi, RIL_PARA));
        }
        char *text = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
        if (!text)
            continue;
        float conf = TessResultIteratorConfidence(ri, RIL_WORD);
        iterator_box(pi, RIL_WORD, &l, &t, &r, &b);
        rc = nocr_line_add_word(NULL, line, to_original(img, l, t, r, b), text, conf);
        TessDeleteText(text);
        if (rc)
            break;
    } while (TessResultIteratorNext(ri, RIL_WORD));
    if (!rc && line)
        rc = nocr_line_text_from_words(line);
    TessResultIteratorDelete(ri);

    return rc;
}

/* A region is recognized with a margin of 1/25 inch (12 px at 300 dpi) around its box:
 * boxes from layout analysis hug the ink, and Tesseract's line recognizer reads the edge
 * characters of a tight crop badly (on the clean 3-column sample the order-free character
 * error fell from 6.8% to 1.9%). Gutters are wider than this (at least 0.6 em). */
#define REGION_PAD_PER_INCH 25

/* Grows the box [l, t, r, b) by the margins and clips it to a W x H image; 0 when what is
 * left is too small to read. */
static int clip_rect(int *l, int *t, int *r, int *b, int padx, int pady, int W, int H)
{
    *l = *l - padx < 0 ? 0 : *l - padx;
    *t = *t - pady < 0 ? 0 : *t - pady;
    *r = *r + padx > W ? W : *r + padx;
    *b = *b + pady > H ? H : *b + pady;
    return *r - *l >= 4 && *b - *t >= 4;
}

int recog_line_words(nocr_line *line, TessBaseAPI *api, const nocr_image *img,
                     recog_word_map map, void *ctx)
{
    TessResultIterator *ri = TessBaseAPIGetIterator(api);
    if (!ri)
        return NOCR_OK;
    TessPageIterator *pi = TessResultIteratorGetPageIterator(ri);
    nocr_line_set_confidence(line, TessResultIteratorConfidence(ri, RIL_TEXTLINE));
    int rc = NOCR_OK;
    do {
        char *text = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
        if (!text)
            continue;
        int l = 0, t = 0, r = 0, b = 0;
        float conf = TessResultIteratorConfidence(ri, RIL_WORD);
        iterator_box(pi, RIL_WORD, &l, &t, &r, &b);
        nocr_box work = map(l, t, r, b, ctx);
        rc = nocr_line_add_word(NULL, line, nocr_image_box_to_original(img, work), text, conf);
        TessDeleteText(text);
    } while (!rc && TessResultIteratorNext(ri, RIL_WORD));
    TessResultIteratorDelete(ri);
    return rc ? rc : nocr_line_text_from_words(line);
}

/* A word box of a line read from a copy scaled by f at (ox, oy) of the working image. */
typedef struct scaled_at {
    int ox, oy;
    float f;
} scaled_at;

static nocr_box scaled_word(int l, int t, int r, int b, void *ctx)
{
    const scaled_at *s = ctx;
    int x0 = s->ox + (int)((float)l / s->f), y0 = s->oy + (int)((float)t / s->f);
    int x1 = s->ox + (int)((float)r / s->f + 0.5f), y1 = s->oy + (int)((float)b / s->f + 0.5f);
    return (nocr_box){x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
}

/* Recognizes the current image (or rectangle) as one line and appends its words to `line`;
 * word boxes are mapped by x = ox + wx / f, y = oy + wy / f into working pixels, then to
 * original pixels. */
static int line_read_words(nocr_line *line, nocr_engine *eng, const nocr_image *img, int ox,
                           int oy, float f, TessPageSegMode psm)
{
    TessBaseAPISetPageSegMode(eng->api, psm);
    if (TessBaseAPIRecognize(eng->api, NULL) != 0)
        return nocr_error_set(NOCR_EENGINE, "%s: Tesseract failed to recognize a line",
                              nocr_image_source(img));
    scaled_at at = {ox, oy, f};
    return recog_line_words(line, eng->api, img, scaled_word, &at);
}

static int line_second_reading(nocr_line *line, nocr_engine *eng, const nocr_image *img, int l,
                               int t, int r, int b, TessPageSegMode psm);

/* Recognizes each line that segmentation found in the region, one at a time (PSM 7), with
 * a margin of a third of the line height around it: segmentation's lines never cross a
 * gutter, and Tesseract's own line finding inside a block misreads two-line headings. */
static int region_recognize_lines(nocr_region *region, nocr_engine *eng, const nocr_image *img,
                                  int W, int H)
{
    int rc = NOCR_OK;
    PIX *pix = work_pix(img);
    int vertical = nocr_region_direction(region) == NOCR_DIR_VERTICAL;
    /* PSM 7, and when it finds nothing (its noise filter drops short lines of bold
     * heading type, e.g. a two-character headline), PSM 13, which takes the line raw. */
    TessPageSegMode psm = vertical ? PSM_SINGLE_BLOCK_VERT_TEXT : PSM_SINGLE_LINE;
    for (size_t i = 0; i < nocr_region_line_count(region) && !rc; i++) {
        nocr_line *line = nocr_region_line(region, i);
        nocr_box wb = nocr_line_work_box(line);
        if (wb.w <= 0)
            wb = nocr_image_box_to_working(img, nocr_line_box(line));
        /* A bar (a rule's remnant under a folio, an underline) is no line of text:
         * Tesseract scales its 1-3 px of ink to a line of full height, tens of thousands
         * of pixels long, and spent up to 32 s on one (PSM 7, then PSM 13) to read nothing
         * or a few marks (fresh seeds 20261201217, 20261201200). */
        if (!vertical && nocr_ink_is_bar(wb.w, wb.h, nocr_image_work_body_size(img)))
            continue;
        int l = wb.x, t = wb.y, r = wb.x + wb.w, b = wb.y + wb.h;
        if (!clip_rect(&l, &t, &r, &b, wb.h / 3, wb.h / 6, W, H))
            continue;
        if (wb.h <= RECOG_LARGE_LINE_PX || vertical) {
            engine_set_image(eng, img);
            TessBaseAPISetRectangle(eng->api, l, t, r - l, b - t);
            rc = line_read_words(line, eng, img, 0, 0, 1.0f, psm);
            if (!rc && !vertical && !*nocr_line_text(line))
                rc = line_read_words(line, eng, img, 0, 0, 1.0f, PSM_RAW_LINE);
            if (!rc && !vertical)
                rc = line_second_reading(line, eng, img, l, t, r, b, psm);
            continue;
        }
        float f = (float)RECOG_LARGE_LINE_TARGET / (float)wb.h;
        BOX *box = boxCreate(l, t, r - l, b - t);
        PIX *crop = box ? pixClipRectangle(pix, box, NULL) : NULL;
        PIX *small =
            crop ? (pixGetDepth(crop) == 1 ? pixScaleToGray(crop, f) : pixScale(crop, f, f))
                 : NULL;
        boxDestroy(&box);
        pixDestroy(&crop);
        if (!small) {
            rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (large line)",
                                nocr_image_source(img));
            break;
        }
        TessBaseAPISetImage2(eng->api, small);
        TessBaseAPISetSourceResolution(eng->api, 300);
        eng->current = NULL; /* the page image must be set again */
        rc = line_read_words(line, eng, img, l, t, f, PSM_SINGLE_LINE);
        if (!rc && !*nocr_line_text(line))
            rc = line_read_words(line, eng, img, l, t, f, PSM_RAW_LINE);
        pixDestroy(&small);
    }
    return rc;
}

/* A body block whose characters read under GRAY_RETRY_CONF (Tesseract's confidence, their
 * mean) from the binary text image is read a second time from the working gray, and the
 * gray's reading is kept when its characters read GRAY_MARGIN higher. Sauvola's threshold
 * (prep/binarize.c) merges the strokes of small type that is blurred or scanned at a low
 * resolution and then upscaled: the binary image of fresh seed 20261201707 (8 pt at
 * 150 dpi, blur 1.1) is blots, read at confidence ~40 with a third of the characters lost,
 * where Tesseract's own threshold of the gray reads them. A clean page reads at 85-95 from
 * the binary image and is not read twice. The gray reading is only taken when Tesseract is
 * surer of it and it holds at least GRAY_MIN_CHARS of the binary reading's characters:
 * text is replaced by text, never by less of it. */
#define GRAY_RETRY_CONF 70.0
#define GRAY_MARGIN     5.0
#define GRAY_MIN_CHARS  0.9
/* A binary reading under GRAY_UNSURE is mostly wrong characters (a correct reading of
 * Chinese body text is 80-95): blots read as more characters than the print has. Against
 * it the gray's reading is taken when it holds as many likely-right characters, counted
 * as characters times confidence. Tuning seed 20261230259 (AR PL UKai, 8.5 pt at 170 dpi,
 * blur 1.4): a column read from the binary image at 29, junk, and from the gray at 66,
 * mostly right, with a fifth fewer characters; GRAY_MIN_CHARS kept the junk, which was
 * then dropped as unreadable, and the page lost a third of its text. */
#define GRAY_UNSURE 50.0
/* A page preprocessing scaled up by GRAY_UPSCALED or more (type small for its resolution:
 * body text of 9-12 pt scanned at 200 dpi or less) is where the blots come from, and there
 * they cost characters at higher confidences too: fresh seed 20261201931 (12 pt at
 * 160 dpi, JPEG 49, blur 1.2) read blocks at 62-70 with one character in ten wrong, where
 * plain tesseract reads the gray almost clean. Its blocks under GRAY_RETRY_UPSCALED are
 * read again. On 16 tuning pages of 150-210 dpi this took the order-free error from 0.048
 * to 0.036, for a fifth more time on those pages. */
#define GRAY_UPSCALED       1.4
#define GRAY_RETRY_UPSCALED 85.0

void recog_words_confidence(const nocr_line *line, size_t from, size_t to, double *sum,
                            size_t *chars)
{
    for (size_t j = from; j < to; j++) {
        const nocr_word *word = nocr_line_word(line, j);
        size_t n = nocr_utf8_count(nocr_word_text(word));
        *sum += (double)nocr_word_confidence(word) * (double)n;
        *chars += n;
    }
}

double recog_words_mean(const nocr_line *line, size_t from, size_t to, size_t *chars)
{
    double sum = 0;
    *chars = 0;
    recog_words_confidence(line, from, to, &sum, chars);
    return *chars ? sum / (double)*chars : 0.0;
}

int recog_keep_reading(nocr_line *line, size_t n0, int take, float line_conf)
{
    int rc = NOCR_OK;
    for (size_t j = take ? n0 : nocr_line_word_count(line) - n0; j > 0 && !rc; j--)
        rc = nocr_line_remove_word(line, take ? 0 : nocr_line_word_count(line) - 1);
    if (!take)
        nocr_line_set_confidence(line, line_conf);
    return rc ? rc : nocr_line_text_from_words(line);
}

/* The characters' mean confidence of a region's words (each word weighs its characters),
 * and in *out_chars their number. */
static double reading_confidence(const nocr_region *region, size_t *out_chars)
{
    double sum = 0;
    size_t chars = 0;
    for (size_t i = 0; i < nocr_region_line_count(region); i++) {
        const nocr_line *line = nocr_region_line(region, i);
        recog_words_confidence(line, 0, nocr_line_word_count(line), &sum, &chars);
    }
    *out_chars = chars;
    return chars ? sum / (double)chars : 0.0;
}

/* Replaces the lines of dst by copies of src's, words and all. */
static int region_take_lines(nocr_region *dst, const nocr_region *src)
{
    nocr_region_clear_lines(dst);
    int rc = NOCR_OK;
    for (size_t i = 0; i < nocr_region_line_count(src) && !rc; i++)
        rc = nocr_line_copy(dst, nocr_region_line(src, i));
    return rc;
}

/* The reading threshold of img's body blocks: under it a block is read from the other
 * image too (GRAY_RETRY_CONF, GRAY_RETRY_UPSCALED). */
static double retry_confidence(const nocr_image *img)
{
    return nocr_image_scale(img) >= GRAY_UPSCALED ? GRAY_RETRY_UPSCALED : GRAY_RETRY_CONF;
}

/* True when a block's reading from the gray (gconf, gchars) is kept over its reading from
 * the binary image (bconf, bchars): Tesseract is surer of it, it holds nearly as many
 * characters (or, against an unsure binary reading, as many likely-right ones: GRAY_UNSURE),
 * and the binary reading has some (a block the binary image reads empty is left empty, as
 * when the gray was never read). */
static int gray_reading_wins(double gconf, size_t gchars, double bconf, size_t bchars)
{
    return bchars > 0 && gconf >= bconf + GRAY_MARGIN &&
           ((double)gchars >= GRAY_MIN_CHARS * (double)bchars ||
            (bconf < GRAY_UNSURE && gconf * (double)gchars >= bconf * (double)bchars));
}

/* A line read from the binary text image under the retry threshold (retry_confidence) is
 * read again from the working gray, at the same place and in the same mode, and the gray's
 * reading kept by gray_reading_wins, as for body blocks (region_second_reading): headings,
 * bylines, captions and short body regions are read line by line, and their binary image
 * of blurred or upscaled type is as blotted as a block's (tuning seed 20261230259: one-line
 * regions read at 9-20 and dropped as unreadable). Leaves the engine without an image. */
static int line_second_reading(nocr_line *line, nocr_engine *eng, const nocr_image *img, int l,
                               int t, int r, int b, TessPageSegMode psm)
{
    PIX *gray = nocr_image_work_gray(img);
    size_t n0 = nocr_line_word_count(line), c0 = 0, c1 = 0;
    double conf0 = recog_words_mean(line, 0, n0, &c0);
    if (!gray || !nocr_image_work_binary(img) || c0 == 0 || conf0 >= retry_confidence(img))
        return NOCR_OK;
    float line_conf = nocr_line_confidence(line);
    TessBaseAPISetImage2(eng->api, gray);
    TessBaseAPISetSourceResolution(eng->api, recog_working_dpi(img));
    eng->current = NULL;
    TessBaseAPISetRectangle(eng->api, l, t, r - l, b - t);
    int rc = line_read_words(line, eng, img, 0, 0, 1.0f, psm);
    if (rc)
        return rc;
    double conf1 = recog_words_mean(line, n0, nocr_line_word_count(line), &c1);
    int take = c1 > 0 && gray_reading_wins(conf1, c1, conf0, c0);
    return recog_keep_reading(line, n0, take, line_conf);
}

/* Reads [l, t, r, b) (working pixels) of pix, one of img's working images, into the
 * body region *out of a new scratch page *out_page (the caller's, freed with
 * nocr_page_free even on failure); leaves the engine without an image. */
static int region_read_from(nocr_page **out_page, nocr_region **out, nocr_engine *eng,
                            const nocr_image *img, PIX *pix, nocr_box box, int l, int t, int r,
                            int b)
{
    int rc = nocr_page_new(out_page, nocr_image_width(img), nocr_image_height(img));
    if (!rc)
        rc = nocr_page_add_region(out, *out_page, NOCR_ROLE_BODY, box);
    if (rc)
        return rc;
    TessBaseAPISetImage2(eng->api, pix);
    TessBaseAPISetSourceResolution(eng->api, recog_working_dpi(img));
    eng->current = NULL;
    TessBaseAPISetRectangle(eng->api, l, t, r - l, b - t);
    if (TessBaseAPIRecognize(eng->api, NULL) != 0)
        return nocr_error_set(NOCR_EENGINE, "%s: Tesseract failed to read a region again",
                              nocr_image_source(img));
    return region_read_result(*out, eng, img);
}

/* The second reading of a body block just read from one of img's two working images at
 * [l, t, r, b) (working pixels): from the other one when the block read under the retry
 * threshold, the gray's reading kept by gray_reading_wins. `from_gray`: the block was read
 * from the gray. The blocks compared (and those the binary image read well enough alone)
 * are counted in tally. Leaves the engine without an image. */
static int region_second_reading(nocr_region *region, nocr_engine *eng, const nocr_image *img,
                                 int from_gray, recog_tally *tally, int l, int t, int r, int b)
{
    size_t chars = 0;
    double conf = reading_confidence(region, &chars);
    if (chars == 0 && !from_gray)
        return NOCR_OK;
    if (conf >= retry_confidence(img)) {
        if (!from_gray)
            recog_tally_add(tally, 0);
        return NOCR_OK;
    }
    PIX *pix = from_gray ? nocr_image_work_binary(img) : nocr_image_work_gray(img);
    nocr_page *scratch = NULL;
    nocr_region *alt = NULL;
    int rc = region_read_from(&scratch, &alt, eng, img, pix, nocr_region_box(region), l, t, r, b);
    size_t alt_chars = 0;
    double alt_conf = rc ? 0.0 : reading_confidence(alt, &alt_chars);
    int gray_won = from_gray ? gray_reading_wins(conf, chars, alt_conf, alt_chars)
                             : gray_reading_wins(alt_conf, alt_chars, conf, chars);
    if (!rc && gray_won != from_gray)
        rc = region_take_lines(region, alt);
    if (!rc)
        recog_tally_add(tally, gray_won);
    nocr_page_free(scratch);
    return rc;
}

/* A body region of fewer lines than this is read line by line, like a heading: too short
 * a block for Tesseract's line finder to gain from the context (commit 8e905a4). */
#define BLOCK_MIN_LINES 3

/* Drops the lines that recognition found empty. */
static void region_drop_empty_lines(nocr_region *region)
{
    for (size_t i = nocr_region_line_count(region); i-- > 0;)
        if (!*nocr_line_text(nocr_region_line(region, i)))
            nocr_region_remove_line(region, i);
}

int nocr_recognize(nocr_page *page, nocr_engine *eng, const nocr_image *img)
{
    return nocr_recognize_from(page, eng, img, 0);
}

int nocr_recognize_from(nocr_page *page, nocr_engine *eng, const nocr_image *img, size_t first)
{
    if (!page || !eng || !img || !work_pix(img))
        return nocr_error_set(NOCR_EINVAL, "nocr_recognize: missing page, engine or "
                                           "preprocessed image");
    /* lang.c: -l auto, chosen once per page (not again for regions a check adds) */
    int rc = first == 0 ? recog_choose_lang(page, eng, img) : NOCR_OK;
    if (rc)
        return rc;
    engine_set_image(eng, img);
    PIX *pix = work_pix(img);
    int W = pixGetWidth(pix), H = pixGetHeight(pix);
    int pad = recog_working_dpi(img) / REGION_PAD_PER_INCH;
    recog_tally tally = RECOG_TALLY_INIT;
    /* both working images: without a binary one, blocks are read from the gray alone */
    int two_images = nocr_image_work_binary(img) && nocr_image_work_gray(img);
    for (size_t i = first; i < nocr_page_region_count(page) && !rc; i++) {
        nocr_region *region = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(region);
        size_t nlines = nocr_region_line_count(region);
        if (!nocr_role_is_text(role))
            continue;
        if (nocr_region_direction(region) == NOCR_DIR_VERTICAL && nlines > 0) {
            rc = recog_vertical_region(region, eng, img); /* vertical.c: column by column */
            region_drop_empty_lines(region);
            eng->current = NULL;
            continue;
        }
        /* Headings, bylines, captions, the folio (a few lines, often of mixed sizes):
         * line by line. Body blocks: as one block, which Tesseract's line recognizer
         * reads best (it sees the lines' context; the block crosses no gutter). */
        if (nlines > 0 && (role != NOCR_ROLE_BODY || nlines < BLOCK_MIN_LINES)) {
            rc = region_recognize_lines(region, eng, img, W, H);
            region_drop_empty_lines(region);
            continue;
        }
        nocr_region_clear_lines(region); /* Tesseract finds the block's lines itself */
        nocr_box wb = nocr_region_work_box(region);
        if (wb.w <= 0)
            wb = nocr_image_box_to_working(img, nocr_region_box(region));
        int l = wb.x, t = wb.y, r = wb.x + wb.w, b = wb.y + wb.h;
        if (!clip_rect(&l, &t, &r, &b, pad, pad, W, H))
            continue;
        engine_set_image(eng, img); /* a large line may have set a scaled copy */
        PIX *gray = nocr_second_source(img, region); /* a photo read as text */
        /* Both working images, a page where the gray has read better: the gray first
         * (tally.c). */
        int gray_first = !gray && two_images && recog_tally_gray_first(&tally);
        if (gray || gray_first) {
            TessBaseAPISetImage2(eng->api, gray ? gray : nocr_image_work_gray(img));
            TessBaseAPISetSourceResolution(eng->api, recog_working_dpi(img));
            eng->current = NULL;
        }
        TessBaseAPISetPageSegMode(eng->api, nocr_region_direction(region) == NOCR_DIR_VERTICAL
                                                ? PSM_SINGLE_BLOCK_VERT_TEXT
                                                : PSM_SINGLE_BLOCK);
        TessBaseAPISetRectangle(eng->api, l, t, r - l, b - t);
        if (TessBaseAPIRecognize(eng->api, NULL) != 0) {
            rc = nocr_error_set(NOCR_EENGINE, "%s: Tesseract failed to recognize region %zu",
                                nocr_image_source(img), i);
            break;
        }
        rc = region_read_result(region, eng, img);
        if (!rc && !gray && two_images)
            rc = region_second_reading(region, eng, img, gray_first, &tally, l, t, r, b);
        region_drop_empty_lines(region);
    }
    TessBaseAPIClear(eng->api);
    eng->current = NULL;
    return rc;
}
