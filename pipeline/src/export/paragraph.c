/*
 * paragraph.c - the paragraphs of a region, shared by every export.
 *
 *   nocr_paragraph_end     one past the last line of a paragraph
 *   nocr_paragraph_text    a paragraph's text, its lines joined with nocr_text_join
 *   nocr_paragraph_count, nocr_paragraph_id, nocr_paragraph_box,
 *   nocr_paragraph_confidence
 *
 * The txt export writes each paragraph on one line; hOCR (ocr_par), PAGE (one TextRegion
 * per paragraph), ALTO and JSON take their paragraphs from here, so all outputs agree on
 * where paragraphs are and what they say.
 */
#include "export/export.h"

#include <stdio.h>

size_t nocr_paragraph_end(const nocr_region *region, size_t first)
{
    size_t end = first + 1, nlines = nocr_region_line_count(region);
    while (end < nlines && !nocr_line_starts_paragraph(nocr_region_line(region, end)))
        end++;
    return end;
}

int nocr_paragraph_text(char **out, const nocr_region *region, size_t first, size_t end)
{
    char *para = nocr_strdup("");
    if (!para)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    for (size_t i = first; i < end && i < nocr_region_line_count(region); i++) {
        char *joined = NULL;
        int rc = nocr_text_join(&joined, para, nocr_line_text(nocr_region_line(region, i)));
        free(para);
        if (rc)
            return rc;
        para = joined;
    }
    *out = para;
    return NOCR_OK;
}

size_t nocr_paragraph_count(const nocr_region *region)
{
    size_t n = 0;
    for (size_t i = 0; i < nocr_region_line_count(region); i = nocr_paragraph_end(region, i))
        n++;
    return n ? n : 1;
}

void nocr_paragraph_id(char *out, size_t n, const nocr_region *region, size_t k, size_t p)
{
    if (nocr_paragraph_count(region) == 1)
        nocr_export_region_id(out, n, k);
    else
        snprintf(out, n, "r%zu_%zu", k + 1, p + 1);
}

nocr_box nocr_paragraph_box(const nocr_region *region, size_t first, size_t end)
{
    size_t nlines = nocr_region_line_count(region);
    if (first == 0 && end >= nlines)
        return nocr_region_box(region);
    nocr_box box = {0, 0, 0, 0};
    for (size_t i = first; i < end && i < nlines; i++)
        box = nocr_box_union(box, nocr_line_box(nocr_region_line(region, i)));
    return box.w > 0 && box.h > 0 ? box : nocr_region_box(region);
}

float nocr_paragraph_confidence(const nocr_region *region, size_t first, size_t end)
{
    double sum = 0;
    int n = 0;
    for (size_t i = first; i < end && i < nocr_region_line_count(region); i++) {
        float c = nocr_line_confidence(nocr_region_line(region, i));
        if (c >= 0) {
            sum += c;
            n++;
        }
    }
    return n ? (float)(sum / n) : -1.0f;
}
