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
    size_t end = first + 1;
    while (end < region->nlines && !region->lines[end]->starts_paragraph)
        end++;
    return end;
}

int nocr_paragraph_text(char **out, const nocr_region *region, size_t first, size_t end)
{
    char *para = nocr_strdup("");
    if (!para)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    for (size_t i = first; i < end && i < region->nlines; i++) {
        const nocr_line *line = region->lines[i];
        char *joined = NULL;
        int rc = nocr_text_join(&joined, para, line->text ? line->text : "");
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
    for (size_t i = 0; i < region->nlines; i = nocr_paragraph_end(region, i))
        n++;
    return n ? n : 1;
}

void nocr_paragraph_id(char *out, size_t n, const nocr_region *region, size_t k, size_t p)
{
    if (nocr_paragraph_count(region) == 1)
        snprintf(out, n, "r%zu", k + 1);
    else
        snprintf(out, n, "r%zu_%zu", k + 1, p + 1);
}

nocr_box nocr_paragraph_box(const nocr_region *region, size_t first, size_t end)
{
    if (first == 0 && end >= region->nlines)
        return region->box;
    int l = 0, t = 0, r = 0, b = 0, any = 0;
    for (size_t i = first; i < end && i < region->nlines; i++) {
        nocr_box x = region->lines[i]->box;
        if (x.w <= 0 || x.h <= 0)
            continue;
        if (!any || x.x < l)
            l = x.x;
        if (!any || x.y < t)
            t = x.y;
        if (!any || x.x + x.w > r)
            r = x.x + x.w;
        if (!any || x.y + x.h > b)
            b = x.y + x.h;
        any = 1;
    }
    return any ? (nocr_box){l, t, r - l, b - t} : region->box;
}

float nocr_paragraph_confidence(const nocr_region *region, size_t first, size_t end)
{
    double sum = 0;
    int n = 0;
    for (size_t i = first; i < end && i < region->nlines; i++) {
        if (region->lines[i]->confidence >= 0) {
            sum += region->lines[i]->confidence;
            n++;
        }
    }
    return n ? (float)(sum / n) : -1.0f;
}
