/*
 * recog.h - private header of the recognition family: the engine's body, shared by
 * engine.c (models, lifecycle) and recognize.c (reading regions and lines). The only
 * header of the library that includes Tesseract's capi.h.
 */
#ifndef NEWSOCR_RECOG_H
#define NEWSOCR_RECOG_H

#include "core/internal.h"

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

struct nocr_engine {
    TessBaseAPI *api;
    char *tessdata;
    char *lang;
    char *config; /* the settings file loaded; "" when none */
    const nocr_image *current; /* image last given to SetImage; NULL: none or a copy */

    /* issue 12: vertical text and -l auto */
    TessBaseAPI *vapi;        /* vertical model, loaded on first use (vertical.c) */
    char vapi_name[64];       /* its language ("" until tried; kept when it failed) */
    TessBaseAPI *auto_api[2]; /* -l auto: chi_sim, chi_tra; api is one of them (lang.c) */
    const char *page_lang;    /* -l auto: the language of the page being read */
};

/* Lines taller than RECOG_LARGE_LINE_PX working pixels (headline type well above body
 * size) are read from a copy scaled down to RECOG_LARGE_LINE_TARGET px: Tesseract's line
 * finder drops characters that large as noise or splits them (tesseract#1624). So are
 * vertical columns re-set as lines (vertical.c). */
#define RECOG_LARGE_LINE_PX     90
#define RECOG_LARGE_LINE_TARGET 48

/* Maps a word box (left, top, right, bottom exclusive) of the image Tesseract just read to
 * working pixels; ctx is the caller's. */
typedef nocr_box (*recog_word_map)(int l, int t, int r, int b, void *ctx);
/* Appends the words of api's last recognition to `line` (boxes through map, then to the
 * original), sets its confidence, then its text from its words (recognize.c). A word
 * Tesseract gives no box gets an empty one. */
int recog_line_words(nocr_line *line, TessBaseAPI *api, const nocr_image *img, recog_word_map map,
                     void *ctx);

/* Adds the confidences of words [from, to) of line, each times its characters, to *sum
 * and their characters to *chars: a reading's mean confidence is *sum / *chars
 * (recognize.c). */
void recog_words_confidence(const nocr_line *line, size_t from, size_t to, double *sum,
                            size_t *chars);
/* The characters' mean confidence of words [from, to) of line (0 when they have none),
 * their number in *chars (recognize.c). */
double recog_words_mean(const nocr_line *line, size_t from, size_t to, size_t *chars);

/* Of two readings of a line, its words [0, n0) and [n0, end): keeps the second (`take`)
 * or the first, whose line confidence, line_conf, comes back; the line's text from the
 * words kept (recognize.c). */
int recog_keep_reading(nocr_line *line, size_t n0, int take, float line_conf);

/* Resolution Tesseract is told for the working image (recognize.c). */
int recog_working_dpi(const nocr_image *img);
/* lang.c: -l auto. The models to look for ("auto": chi_sim+chi_tra); loading both, and
 * freeing them; the page's language chosen from a sample of its lines (sets the engine's
 * api and nocr_page_set_lang; with a fixed language, just reports it); the language the
 * current page is read in. */
const char *recog_lang_models(const char *lang);
int recog_auto_init(nocr_engine *eng, const char *config);
void recog_auto_free(nocr_engine *eng);
int recog_choose_lang(nocr_page *page, nocr_engine *eng, const nocr_image *img);
const char *recog_page_lang(const nocr_engine *eng);
/* One vertical column re-set as a horizontal line and read with eng->api (vertical.c). */
int recog_vertical_line(nocr_line *line, nocr_engine *eng, const nocr_image *img);

/* Recognizes a vertical region column by column (vertical.c): each line of the region is a
 * column, read top to bottom; words, text and confidences are stored in the lines. */
int recog_vertical_region(nocr_region *region, nocr_engine *eng, const nocr_image *img);
/* Frees what vertical.c loaded into the engine (engine.c calls it). */
void recog_vertical_free(nocr_engine *eng);
/* nocr_recognize on the regions from index `first` on (the ones a check added). */
int nocr_recognize_from(nocr_page *page, nocr_engine *eng, const nocr_image *img, size_t first);

#endif /* NEWSOCR_RECOG_H */
