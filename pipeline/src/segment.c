/*
 * segment.c - finding the regions of a page.
 *
 *   nocr_segment     a new page model with one region per block found
 *
 * This first version takes Tesseract's own layout analysis as it is (nocr_engine_layout);
 * newsocr's column, gutter and rule analysis replaces it behind the same interface.
 */
#include "image.h"
#include "page.h"
#include "segment.h"

int nocr_segment(nocr_page **out, nocr_engine *eng, const nocr_image *img)
{
    if (!out || !eng || !img)
        return nocr_error_set(NOCR_EINVAL, "nocr_segment: NULL argument");
    *out = NULL;
    if (!img->pixg && !img->pixb)
        return nocr_error_set(NOCR_EINVAL, "%s: segment before preprocess", img->source);
    nocr_page *page = NULL;
    int rc = nocr_page_new(&page, img->width, img->height);
    if (!rc)
        rc = nocr_page_set_source(page, img->source, img->index);
    if (!rc) {
        nocr_page_set_dpi(page, img->dpi);
        rc = nocr_engine_layout(page, eng, img);
    }
    if (rc) {
        nocr_page_free(page);
        return rc;
    }
    *out = page;
    return NOCR_OK;
}
