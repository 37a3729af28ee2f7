/*
 * recognize.c - the recognition engine: the only module that talks to Tesseract.
 *
 *   nocr_engine_new, nocr_engine_free, nocr_engine_tessdata, nocr_engine_lang
 *   nocr_recognize          text, lines, words and confidences of every text region
 *
 * One TessBaseAPI per engine, initialised once and reused for every image. Its OpenMP
 * parallelism is switched off (omp_set_max_active_levels(0)): on a 2-core machine a page
 * took 20 s with Tesseract's threads and 4.6 s without; newsocr parallelises over pages.
 * Tesseract strings are copied into our buffers and freed at once with TessDeleteText.
 */
#define _POSIX_C_SOURCE 200809L
#include "image/image.h"
#include "core/page.h"

#include <errno.h>
#include <omp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <tesseract/capi.h>

#ifndef NOCR_CONFIG_PATHS
#define NOCR_CONFIG_PATHS ""
#endif

/* The system's model directories, searched after --tessdata and $NEWSOCR_TESSDATA. */
static const char *const system_tessdata[] = {
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
};

struct nocr_engine {
    TessBaseAPI *api;
    char *tessdata;
    char *lang;
    const nocr_image *current; /* image last given to SetImage */
};

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Returns the first language of `lang` ('+'-separated) without a traineddata file in dir,
 * copied into missing[], or 0 when all are there. */
static int dir_missing_lang(const char *dir, const char *lang, char *missing, size_t n)
{
    const char *p = lang;
    while (*p) {
        size_t len = strcspn(p, "+");
        if (len > 0) {
            char path[4096];
            snprintf(path, sizeof(path), "%s/%.*s.traineddata", dir, (int)len, p);
            if (!is_file(path)) {
                snprintf(missing, n, "%.*s", (int)len, p);
                return 1;
            }
        }
        p += len + (p[len] == '+');
    }
    return 0;
}

static int lang_is_valid(const char *lang)
{
    if (!*lang || strlen(lang) > 200)
        return 0;
    for (const char *p = lang; *p; p++) {
        if (!(*p == '_' || *p == '+' || *p == '-' || (*p >= 'a' && *p <= 'z') ||
              (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return 0;
    }
    return 1;
}

/* Lookup order: opts->tessdata, $NEWSOCR_TESSDATA, $TESSDATA_PREFIX, the system's.
 * An explicitly given directory is not silently replaced by another. */
static int find_tessdata(char **out, const char *given, const char *lang)
{
    char missing[128] = "";
    const char *env = getenv("NEWSOCR_TESSDATA");
    const char *explicit_dir = given && *given ? given : (env && *env ? env : NULL);
    if (explicit_dir) {
        if (dir_missing_lang(explicit_dir, lang, missing, sizeof(missing)))
            return nocr_error_set(NOCR_EMODEL, "model '%s' not found: no %s.traineddata in %s (%s)",
                                  missing, missing, explicit_dir,
                                  given && *given ? "--tessdata" : "NEWSOCR_TESSDATA");
        *out = nocr_strdup(explicit_dir);
        return *out ? NOCR_OK : nocr_error_set(NOCR_ENOMEM, "out of memory");
    }
    char searched[1024] = "";
    const char *prefix = getenv("TESSDATA_PREFIX");
    size_t nsys = sizeof(system_tessdata) / sizeof(system_tessdata[0]);
    for (size_t i = 0; i <= nsys; i++) {
        const char *dir = i == 0 ? prefix : system_tessdata[i - 1];
        if (!dir || !*dir)
            continue;
        if (!dir_missing_lang(dir, lang, missing, sizeof(missing))) {
            *out = nocr_strdup(dir);
            return *out ? NOCR_OK : nocr_error_set(NOCR_ENOMEM, "out of memory");
        }
        size_t len = strlen(searched);
        snprintf(searched + len, sizeof(searched) - len, "%s%s", len ? ", " : "", dir);
    }
    return nocr_error_set(NOCR_EMODEL,
                          "model '%s' not found: no %s.traineddata in %s (install the Debian "
                          "package tesseract-ocr-%s, or use --tessdata DIR)",
                          missing, missing, searched, missing);
}

/* The pipeline's Tesseract settings: opts->config, else the first existing file of the
 * build-time list (installed copy, then the source tree's models/newsocr.config). */
static const char *find_config(const char *given, char *buf, size_t n)
{
    if (given)
        return *given ? given : NULL;
    const char *p = NOCR_CONFIG_PATHS;
    while (*p) {
        size_t len = strcspn(p, ":");
        snprintf(buf, n, "%.*s", (int)len, p);
        if (len && is_file(buf))
            return buf;
        p += len + (p[len] == ':');
    }
    return NULL;
}

int nocr_engine_new(nocr_engine **out, const nocr_engine_options *opts)
{
    nocr_engine_options defaults = NOCR_ENGINE_OPTIONS_INIT;
    nocr_engine *eng = NULL;
    char config_buf[4096];
    int rc;

    if (!out)
        return nocr_error_set(NOCR_EINVAL, "nocr_engine_new: NULL argument");
    *out = NULL;
    if (!opts)
        opts = &defaults;
    const char *lang = opts->lang && *opts->lang ? opts->lang : "chi_sim";
    if (!lang_is_valid(lang))
        return nocr_error_set(NOCR_EINVAL, "invalid language string '%s'", lang);
    const char *config = find_config(opts->config, config_buf, sizeof(config_buf));
    if (config && !is_file(config))
        return nocr_error_set(NOCR_EMODEL, "%s: Tesseract settings file not found", config);

    /* Tesseract's own threads: off for every parallel region of this process. */
    omp_set_max_active_levels(0);

    if (!(eng = calloc(1, sizeof(*eng))) || !(eng->lang = nocr_strdup(lang))) {
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((rc = find_tessdata(&eng->tessdata, opts->tessdata, lang)))
        goto cleanup;
    if (!(eng->api = TessBaseAPICreate())) {
        rc = nocr_error_set(NOCR_EENGINE, "cannot create a Tesseract engine");
        goto cleanup;
    }
    /* Keep Tesseract's diagnostics out of the user's stderr. */
    TessBaseAPISetVariable(eng->api, "debug_file", "/dev/null");
    char *configs[1] = {(char *)config};
    if (TessBaseAPIInit1(eng->api, eng->tessdata, lang, OEM_LSTM_ONLY, config ? configs : NULL,
                         config ? 1 : 0) != 0) {
        rc = nocr_error_set(NOCR_EMODEL, "cannot load model '%s' from %s (corrupt traineddata?)",
                            lang, eng->tessdata);
        goto cleanup;
    }
    TessBaseAPISetVariable(eng->api, "debug_file", "/dev/null");
    *out = eng;
    return NOCR_OK;

cleanup:
    nocr_engine_free(eng);
    return rc;
}

void nocr_engine_free(nocr_engine *eng)
{
    if (!eng)
        return;
    if (eng->api) {
        TessBaseAPIEnd(eng->api);
        TessBaseAPIDelete(eng->api);
    }
    free(eng->tessdata);
    free(eng->lang);
    free(eng);
}

const char *nocr_engine_tessdata(const nocr_engine *eng)
{
    return eng->tessdata;
}

const char *nocr_engine_lang(const nocr_engine *eng)
{
    return eng->lang;
}

/* Resolution Tesseract is told: the file's when plausible, else 300 (newsocr's images
 * are rescaled to body text of a known size by preprocessing). */
static int working_dpi(const nocr_image *img)
{
    int dpi = (int)((float)(img->dpi > 0 ? img->dpi : 300) * img->scale + 0.5f);
    return dpi >= 70 && dpi <= 2400 ? dpi : 300;
}

/* Gives the image's working picture to Tesseract unless it already has it. */
static void engine_set_image(nocr_engine *eng, const nocr_image *img)
{
    if (eng->current == img)
        return;
    TessBaseAPISetImage2(eng->api, img->pixb ? img->pixb : img->pixg);
    TessBaseAPISetSourceResolution(eng->api, working_dpi(img));
    eng->current = img;
}

static nocr_box to_original(const nocr_image *img, int l, int t, int r, int b)
{
    return nocr_image_box_to_original(img, (nocr_box){l, t, r - l, b - t});
}

static int region_is_text(const nocr_region *region)
{
    return region->role != NOCR_ROLE_FIGURE && region->role != NOCR_ROLE_SEPARATOR;
}

/* A word gap wider than this fraction of the line height is a real space between a CJK
 * character and a Latin word or number; narrower gaps are letter spacing, and Tesseract's
 * word break there ("50 处", "3 月") is not in the print. */
#define CJK_LATIN_SPACE_GAP 0.35f

/* Builds the line's text from its words: Latin words keep one space between them; at a
 * CJK/Latin boundary a space only where the print has a visible gap; then CJK hygiene
 * (nocr_text_normalize) removes the spaces Tesseract puts between Han characters. */
static int line_set_text_from_words(nocr_line *line, const char *source)
{
    size_t len = 1;
    for (size_t i = 0; i < line->nwords; i++)
        len += strlen(line->words[i].text) + 1;
    char *joined = malloc(len), *p = joined;
    if (!joined)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory", source);
    for (size_t i = 0; i < line->nwords; i++) {
        const nocr_word *word = &line->words[i];
        size_t n = strlen(word->text);
        if (i > 0 && n > 0 && p > joined) {
            const nocr_word *prev = &line->words[i - 1];
            int cjk = nocr_text_is_cjk(nocr_utf8_last(prev->text)) ||
                      nocr_text_is_cjk(nocr_utf8_first(word->text));
            int gap = word->box.x - (prev->box.x + prev->box.w);
            if (!cjk || (float)gap > CJK_LATIN_SPACE_GAP * (float)line->box.h)
                *p++ = ' ';
        }
        memcpy(p, word->text, n);
        p += n;
    }
    *p = '\0';
    char *clean = NULL;
    int rc = nocr_text_normalize(&clean, joined);
    free(joined);
    if (rc)
        return rc;
    free(line->text);
    line->text = clean;
    return NOCR_OK;
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
        int l, t, r, b;
        if (TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE) || !line) {
            if (line && (rc = line_set_text_from_words(line, img->source)))
                break;
            TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &l, &t, &r, &b);
            float conf = TessResultIteratorConfidence(ri, RIL_TEXTLINE);
            if ((rc = nocr_region_add_line(&line, region, to_original(img, l, t, r, b), NULL,
                                           conf)))
                break;
            line->starts_paragraph = TessPageIteratorIsAtBeginningOf(pi, RIL_PARA) ? 1 : 0;
        }
        char *text = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
        if (!text)
            continue;
        float conf = TessResultIteratorConfidence(ri, RIL_WORD);
        TessPageIteratorBoundingBox(pi, RIL_WORD, &l, &t, &r, &b);
        rc = nocr_line_add_word(NULL, line, to_original(img, l, t, r, b), text, conf);
        TessDeleteText(text);
        if (rc)
            break;
    } while (TessResultIteratorNext(ri, RIL_WORD));
    if (!rc && line)
        rc = line_set_text_from_words(line, img->source);
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

/* Lines taller than LARGE_LINE_PX working pixels (headline type well above body size)
 * are read from a copy scaled down to LARGE_LINE_TARGET px: Tesseract's line finder drops
 * characters that large as noise or splits them (tesseract#1624). */
#define LARGE_LINE_PX     90
#define LARGE_LINE_TARGET 48

/* Recognizes the current image (or rectangle) as one line and appends its words to `line`;
 * word boxes are mapped by x = ox + wx / f, y = oy + wy / f into working pixels, then to
 * original pixels. */
static int line_read_words(nocr_line *line, nocr_engine *eng, const nocr_image *img, int ox,
                           int oy, float f, TessPageSegMode psm)
{
    TessBaseAPISetPageSegMode(eng->api, psm);
    if (TessBaseAPIRecognize(eng->api, NULL) != 0)
        return nocr_error_set(NOCR_EENGINE, "%s: Tesseract failed to recognize a line",
                              img->source);
    TessResultIterator *ri = TessBaseAPIGetIterator(eng->api);
    if (!ri)
        return NOCR_OK;
    TessPageIterator *pi = TessResultIteratorGetPageIterator(ri);
    line->confidence = TessResultIteratorConfidence(ri, RIL_TEXTLINE);
    int rc = NOCR_OK;
    do {
        char *text = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
        if (!text)
            continue;
        int wl, wt, wr, wb;
        float conf = TessResultIteratorConfidence(ri, RIL_WORD);
        TessPageIteratorBoundingBox(pi, RIL_WORD, &wl, &wt, &wr, &wb);
        nocr_box box = to_original(img, ox + (int)((float)wl / f), oy + (int)((float)wt / f),
                                   ox + (int)((float)wr / f + 0.5f),
                                   oy + (int)((float)wb / f + 0.5f));
        rc = nocr_line_add_word(NULL, line, box, text, conf);
        TessDeleteText(text);
    } while (!rc && TessResultIteratorNext(ri, RIL_WORD));
    TessResultIteratorDelete(ri);
    return rc ? rc : line_set_text_from_words(line, img->source);
}

/* Recognizes each line that segmentation found in the region, one at a time (PSM 7), with
 * a margin of a third of the line height around it: segmentation's lines never cross a
 * gutter, and Tesseract's own line finding inside a block misreads two-line headings. */
static int region_recognize_lines(nocr_region *region, nocr_engine *eng, const nocr_image *img,
                                  int W, int H)
{
    int rc = NOCR_OK;
    PIX *pix = img->pixb ? img->pixb : img->pixg;
    int vertical = region->direction == NOCR_DIR_VERTICAL;
    /* PSM 7, and when it finds nothing (its noise filter drops short lines of bold
     * heading type, e.g. a two-character headline), PSM 13, which takes the line raw. */
    TessPageSegMode psm = vertical ? PSM_SINGLE_BLOCK_VERT_TEXT : PSM_SINGLE_LINE;
    for (size_t i = 0; i < region->nlines && !rc; i++) {
        nocr_line *line = region->lines[i];
        nocr_box wb = line->wbox.w > 0 ? line->wbox : nocr_image_box_to_working(img, line->box);
        int l = wb.x, t = wb.y, r = wb.x + wb.w, b = wb.y + wb.h;
        if (!clip_rect(&l, &t, &r, &b, wb.h / 3, wb.h / 6, W, H))
            continue;
        if (wb.h <= LARGE_LINE_PX || vertical) {
            engine_set_image(eng, img);
            TessBaseAPISetRectangle(eng->api, l, t, r - l, b - t);
            rc = line_read_words(line, eng, img, 0, 0, 1.0f, psm);
            if (!rc && !vertical && !(line->text && *line->text))
                rc = line_read_words(line, eng, img, 0, 0, 1.0f, PSM_RAW_LINE);
            continue;
        }
        float f = (float)LARGE_LINE_TARGET / (float)wb.h;
        BOX *box = boxCreate(l, t, r - l, b - t);
        PIX *crop = box ? pixClipRectangle(pix, box, NULL) : NULL;
        PIX *small = crop ? (pixGetDepth(crop) == 1 ? pixScaleToGray(crop, f)
                                                    : pixScale(crop, f, f))
                          : NULL;
        boxDestroy(&box);
        pixDestroy(&crop);
        if (!small) {
            rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory (large line)", img->source);
            break;
        }
        TessBaseAPISetImage2(eng->api, small);
        TessBaseAPISetSourceResolution(eng->api, 300);
        eng->current = NULL; /* the page image must be set again */
        rc = line_read_words(line, eng, img, l, t, f, PSM_SINGLE_LINE);
        if (!rc && !(line->text && *line->text))
            rc = line_read_words(line, eng, img, l, t, f, PSM_RAW_LINE);
        pixDestroy(&small);
    }
    return rc;
}

static void line_free(nocr_line *ln)
{
    for (size_t w = 0; w < ln->nwords; w++)
        free(ln->words[w].text);
    free(ln->words);
    free(ln->text);
    free(ln);
}

/* Forgets segmentation's lines of a region that Tesseract reads as a block. */
static void region_free_lines(nocr_region *region)
{
    for (size_t i = 0; i < region->nlines; i++)
        line_free(region->lines[i]);
    region->nlines = 0;
}

/* Drops lines that recognition found empty. */
static void region_drop_empty_lines(nocr_region *region)
{
    size_t kept = 0;
    for (size_t i = 0; i < region->nlines; i++) {
        nocr_line *ln = region->lines[i];
        if (ln->text && *ln->text)
            region->lines[kept++] = ln;
        else
            line_free(ln);
    }
    region->nlines = kept;
}

int nocr_recognize(nocr_page *page, nocr_engine *eng, const nocr_image *img)
{
    if (!page || !eng || !img || !(img->pixg || img->pixb))
        return nocr_error_set(NOCR_EINVAL, "nocr_recognize: missing page, engine or "
                                           "preprocessed image");
    engine_set_image(eng, img);
    int rc = NOCR_OK;
    PIX *pix = img->pixb ? img->pixb : img->pixg;
    int W = pixGetWidth(pix), H = pixGetHeight(pix);
    int pad = working_dpi(img) / REGION_PAD_PER_INCH;
    for (size_t i = 0; i < page->nregions && !rc; i++) {
        nocr_region *region = page->regions[i];
        if (!region_is_text(region))
            continue;
        /* Headings, bylines, captions, the folio (a few lines, often of mixed sizes):
         * line by line. Body blocks: as one block, which Tesseract's line recognizer
         * reads best (it sees the lines' context; the block crosses no gutter). */
        if (region->nlines > 0 && (region->role != NOCR_ROLE_BODY || region->nlines < 3)) {
            rc = region_recognize_lines(region, eng, img, W, H);
            region_drop_empty_lines(region);
            continue;
        }
        region_free_lines(region);
        nocr_box wb =
            region->wbox.w > 0 ? region->wbox : nocr_image_box_to_working(img, region->box);
        int l = wb.x, t = wb.y, r = wb.x + wb.w, b = wb.y + wb.h;
        if (!clip_rect(&l, &t, &r, &b, pad, pad, W, H))
            continue;
        engine_set_image(eng, img); /* a large line may have set a scaled copy */
        TessBaseAPISetPageSegMode(eng->api, region->direction == NOCR_DIR_VERTICAL
                                                ? PSM_SINGLE_BLOCK_VERT_TEXT
                                                : PSM_SINGLE_BLOCK);
        TessBaseAPISetRectangle(eng->api, l, t, r - l, b - t);
        if (TessBaseAPIRecognize(eng->api, NULL) != 0) {
            rc = nocr_error_set(NOCR_EENGINE, "%s: Tesseract failed to recognize region %zu",
                                img->source, i);
            break;
        }
        rc = region_read_result(region, eng, img);
        region_drop_empty_lines(region);
    }
    TessBaseAPIClear(eng->api);
    eng->current = NULL;
    return rc;
}
