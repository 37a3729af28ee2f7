/*
 * formats.c - the table of output formats: name, extension, media type and writer.
 *
 *   nocr_format_count, nocr_format_at, nocr_format_find
 *
 * static helpers: write_text, txt_of, fmt_txt, fmt_json, fmt_hocr, fmt_alto, fmt_page
 *                 (TEXT_FORMAT), fmt_overlay
 *
 * The one place that lists the formats; the CLI, the batch and any binding loop over it.
 * A new format (PDF, say) is a writer in this folder and a row here.
 */
#include "export/export.h"

#include <string.h>

/* The text writers return a NUL-terminated string; the table's writers return bytes. */
typedef int (*text_writer)(char **out, const nocr_page *page, const nocr_export_info *info);

static int write_text(text_writer w, unsigned char **out, size_t *out_size, const nocr_page *page,
                      const nocr_export_info *info)
{
    char *s = NULL;
    int rc = w(&s, page, info);
    if (rc)
        return rc;
    *out = (unsigned char *)s;
    *out_size = strlen(s);
    return NOCR_OK;
}

static int txt_of(char **out, const nocr_page *page, const nocr_export_info *info)
{
    (void)info;
    return nocr_export_txt(out, page);
}

/* The table's writer of a text export: its string, as bytes. */
#define TEXT_FORMAT(fn, export_fn)                                                                \
    static int fn(unsigned char **out, size_t *n, const nocr_page *page, const nocr_image *img,   \
                  const nocr_export_info *info)                                                   \
    {                                                                                             \
        (void)img;                                                                                \
        return write_text(export_fn, out, n, page, info);                                         \
    }

TEXT_FORMAT(fmt_txt, txt_of)
TEXT_FORMAT(fmt_json, nocr_export_json)
TEXT_FORMAT(fmt_hocr, nocr_export_hocr)
TEXT_FORMAT(fmt_alto, nocr_export_alto)
TEXT_FORMAT(fmt_page, nocr_export_pagexml)

static int fmt_overlay(unsigned char **out, size_t *n, const nocr_page *page,
                       const nocr_image *img, const nocr_export_info *info)
{
    (void)info;
    return nocr_export_overlay(out, n, page, img);
}

static const nocr_format formats[] = {
    {"txt", ".txt", "text/plain; charset=utf-8", 0, fmt_txt},
    {"json", ".json", "application/json", 0, fmt_json},
    {"hocr", ".hocr", "application/xhtml+xml", 0, fmt_hocr},
    {"alto", ".alto.xml", "application/xml", 0, fmt_alto},
    {"page", ".page.xml", "application/xml", 0, fmt_page},
    {"overlay", ".overlay.png", "image/png", 1, fmt_overlay},
    {"pdf", ".pdf", "application/pdf", 1, nocr_export_pdf},
};

size_t nocr_format_count(void)
{
    return sizeof(formats) / sizeof(formats[0]);
}

const nocr_format *nocr_format_at(size_t i)
{
    return i < nocr_format_count() ? &formats[i] : NULL;
}

const nocr_format *nocr_format_find(const char *name)
{
    for (size_t i = 0; name && i < nocr_format_count(); i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}
