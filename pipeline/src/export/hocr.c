/*
 * export_hocr.c - the page as hOCR 1.2 (XHTML), for search engines and PDF tools.
 *
 *   nocr_export_hocr
 *
 * static helpers: hocr_head, hocr_text_region, hocr_line, bbox, html_lang, image_name
 *
 * ocr_page > ocr_carea (one per region, in reading order; title bbox and x_role, x_order,
 * x_article) > ocr_par (the paragraphs of paragraph.c, ids as PAGE's) > ocr_line, or
 * ocr_header for headline, subheadline and section-heading lines and ocr_caption for
 * caption lines > ocrx_word with bbox and x_wconf. Figures are ocr_photo, rules
 * ocr_separator, text regions left out of the reading order ocr_noise (the txt leaves them
 * out too), all after the text. Words are the words of the print (nocr_line_tokens):
 * a run of Chinese is one ocrx_word, and inside a line nothing but one space stands
 * between two words, so a CJK line is never split into one word per character with
 * spaces between them (tesseract issue #2702). Coordinates are the original image's
 * pixels; bbox is "x0 y0 x1 y1", x1 and y1 exclusive, as Tesseract writes it.
 */
#include "export/export.h"

#include <stdio.h>
#include <string.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"

static void bbox(char *out, size_t n, nocr_box b)
{
    snprintf(out, n, "bbox %d %d %d %d", b.x, b.y, b.x + b.w, b.y + b.h);
}

static const char *image_name(const nocr_page *page, const nocr_export_info *info)
{
    const char *name = info && info->image_name ? info->image_name : page->source;
    if (!name || !*name)
        return "page";
    const char *slash = strrchr(name, '/');
    return slash && slash[1] ? slash + 1 : name;
}

/* BCP 47 tag for the first Tesseract language, NULL when not known. */
static const char *html_lang(const nocr_export_info *info)
{
    const char *l = info ? info->lang : NULL;
    if (!l)
        return NULL;
    if (!strncmp(l, "chi_sim", 7))
        return "zh-Hans";
    if (!strncmp(l, "chi_tra", 7))
        return "zh-Hant";
    if (!strncmp(l, "eng", 3))
        return "en";
    return NULL;
}

static void hocr_head(nocr_xw *xw, const nocr_page *page, const nocr_export_info *info)
{
    nocr_xw_start(xw, "head");
    nocr_xw_element(xw, "title", image_name(page, info));
    static const char *const meta[][2] = {
        {"ocr-system", "newsocr " NOCR_VERSION},
        {"ocr-capabilities", "ocr_page ocr_carea ocr_par ocr_line ocr_header ocr_caption "
                             "ocrx_word ocr_photo ocr_separator ocr_noise"},
        {"ocr-number-of-pages", "1"},
    };
    nocr_xw_start(xw, "meta");
    nocr_xw_attr(xw, "http-equiv", "Content-Type");
    nocr_xw_attr(xw, "content", "text/html; charset=utf-8");
    nocr_xw_end(xw);
    for (size_t i = 0; i < sizeof(meta) / sizeof(meta[0]); i++) {
        nocr_xw_start(xw, "meta");
        nocr_xw_attr(xw, "name", meta[i][0]);
        nocr_xw_attr(xw, "content", meta[i][1]);
        nocr_xw_end(xw);
    }
    if (info && info->lang) {
        nocr_xw_start(xw, "meta");
        nocr_xw_attr(xw, "name", "ocr-langs");
        nocr_xw_attr(xw, "content", info->lang);
        nocr_xw_end(xw);
    }
    if (info && info->settings) {
        nocr_xw_start(xw, "meta");
        nocr_xw_attr(xw, "name", "ocr-settings");
        nocr_xw_attr(xw, "content", info->settings);
        nocr_xw_end(xw);
    }
    nocr_xw_end(xw);
}

static const char *line_class(nocr_role role)
{
    switch (role) {
    case NOCR_ROLE_HEADLINE:
    case NOCR_ROLE_SUBHEADLINE:
    case NOCR_ROLE_SECTION_HEADING:
        return "ocr_header";
    case NOCR_ROLE_CAPTION:
        return "ocr_caption";
    default:
        return "ocr_line";
    }
}

/* One line: its words with a single space between them, no indentation inside. */
static int hocr_line(nocr_xw *xw, const nocr_region *region, const nocr_line *line, const char *id)
{
    nocr_token *tokens;
    size_t n;
    char b[96];
    int rc = nocr_line_tokens(&tokens, &n, line);
    if (rc)
        return rc;
    nocr_xw_start(xw, "span");
    nocr_xw_attr(xw, "class", line_class(region->role));
    nocr_xw_attr(xw, "id", id);
    bbox(b, sizeof(b), line->box);
    if (line->confidence >= 0)
        nocr_xw_attrf(xw, "title", "%s; x_wconf %d", b, (int)(line->confidence + 0.5f));
    else
        nocr_xw_attr(xw, "title", b);
    nocr_xw_indent(xw, 0);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            nocr_xw_text(xw, " ");
        nocr_xw_start(xw, "span");
        nocr_xw_attr(xw, "class", "ocrx_word");
        nocr_xw_attrf(xw, "id", "%s_w%zu", id, i + 1);
        bbox(b, sizeof(b), tokens[i].box);
        if (tokens[i].confidence >= 0)
            nocr_xw_attrf(xw, "title", "%s; x_wconf %d", b, (int)(tokens[i].confidence + 0.5f));
        else
            nocr_xw_attr(xw, "title", b);
        nocr_xw_text(xw, tokens[i].text);
        nocr_xw_full_end(xw);
    }
    nocr_xw_full_end(xw);
    nocr_xw_indent(xw, 1);
    nocr_tokens_free(tokens, n);
    return NOCR_OK;
}

static int hocr_text_region(nocr_xw *xw, const nocr_region *region, size_t k)
{
    char b[96], title[256], id[64], line_id[96];
    bbox(b, sizeof(b), region->box);
    int len =
        snprintf(title, sizeof(title), "%s; x_role %s", b, nocr_export_structure(region->role));
    if (region->order >= 0)
        len += snprintf(title + len, sizeof(title) - (size_t)len, "; x_order %d", region->order);
    if (region->article >= 0)
        snprintf(title + len, sizeof(title) - (size_t)len, "; x_article a%d", region->article + 1);
    nocr_xw_start(xw, "div");
    nocr_xw_attr(xw, "class", "ocr_carea");
    nocr_xw_attrf(xw, "id", "r%zu", k + 1);
    nocr_xw_attr(xw, "title", title);
    int rc = NOCR_OK;
    for (size_t first = 0, p = 0, end; first < region->nlines && !rc; first = end, p++) {
        end = nocr_paragraph_end(region, first);
        nocr_paragraph_id(id, sizeof(id), region, k, p);
        nocr_xw_start(xw, "p");
        nocr_xw_attr(xw, "class", "ocr_par");
        nocr_xw_attrf(xw, "id", "%s_p", id);
        nocr_xw_attr(xw, "dir", "ltr");
        bbox(b, sizeof(b), nocr_paragraph_box(region, first, end));
        nocr_xw_attr(xw, "title", b);
        for (size_t i = first; i < end && !rc; i++) {
            snprintf(line_id, sizeof(line_id), "%s_l%zu", id, i - first + 1);
            rc = hocr_line(xw, region, region->lines[i], line_id);
        }
        nocr_xw_full_end(xw);
    }
    nocr_xw_full_end(xw);
    return rc;
}

int nocr_export_hocr(char **out, const nocr_page *page, const nocr_export_info *info)
{
    size_t *seq;
    nocr_xw xw;
    int rc = nocr_export_begin(&xw, &seq, out, page, "nocr_export_hocr");
    if (rc)
        return rc;
    if (!xw.failed &&
        xmlTextWriterWriteDTD(
            xw.w, BAD_CAST "html", BAD_CAST "-//W3C//DTD XHTML 1.0 Transitional//EN",
            BAD_CAST "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd", NULL) < 0)
        xw.failed = 1;
    nocr_xw_start_ns(&xw, "html", XHTML_NS);
    const char *lang = html_lang(info);
    if (lang) {
        nocr_xw_attr(&xw, "xml:lang", lang);
        nocr_xw_attr(&xw, "lang", lang);
    }
    hocr_head(&xw, page, info);
    nocr_xw_start(&xw, "body");
    nocr_xw_start(&xw, "div");
    nocr_xw_attr(&xw, "class", "ocr_page");
    nocr_xw_attr(&xw, "id", "page_1");
    char title[512];
    int len = snprintf(title, sizeof(title), "image \"%s\"; bbox 0 0 %d %d; ppageno %d",
                       image_name(page, info), page->width, page->height, page->index);
    if (page->dpi > 0)
        snprintf(title + len, sizeof(title) - (size_t)len, "; scan_res %d %d", page->dpi,
                 page->dpi);
    nocr_xw_attr(&xw, "title", title);
    for (size_t s = 0; s < page->nregions && !rc; s++) {
        const nocr_region *region = page->regions[seq[s]];
        if (nocr_export_in_order(region)) {
            rc = hocr_text_region(&xw, region, seq[s]);
            continue;
        }
        char b[96];
        bbox(b, sizeof(b), region->box);
        nocr_xw_start(&xw, "div");
        nocr_xw_attr(&xw, "class",
                     region->role == NOCR_ROLE_FIGURE      ? "ocr_photo"
                     : region->role == NOCR_ROLE_SEPARATOR ? "ocr_separator"
                                                           : "ocr_noise");
        nocr_xw_attrf(&xw, "id", "r%zu", seq[s] + 1);
        nocr_xw_attr(&xw, "title", b);
        nocr_xw_full_end(&xw);
    }
    nocr_xw_full_end(&xw);
    nocr_xw_end(&xw);
    nocr_xw_end(&xw);
    return nocr_export_end(&xw, seq, rc, out, "hOCR");
}
