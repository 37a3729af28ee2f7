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
};

/* nocr_recognize on the regions from index `first` on (the ones a check added). */
int nocr_recognize_from(nocr_page *page, nocr_engine *eng, const nocr_image *img, size_t first);

#endif /* NEWSOCR_RECOG_H */
