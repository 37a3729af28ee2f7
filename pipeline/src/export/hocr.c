/*
 * hocr.c - the page as hOCR 1.2 (XHTML), for search engines and PDF tools.
 *
 *   nocr_export_hocr
 *
 * static helpers: bbox, hocr_title, lang_codes, hocr_meta, hocr_head, line_class, hocr_line,
 *                 hocr_text_region, hocr_other_region, hocr_page, hocr_head_all, hocr_tail
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
 * pixels; bbox is "x0 y0 x1 y1", x1 and y1 exclusive, as Tesseract writes it. The page's
 * language (nocr_export_lang: -l auto's choice, else the engine's) is the html element's
 * lang (BCP 47, "zh-Hant") and the ocr-langs and ocr-scripts metadata (ISO 639-1 and ISO
 * 15924 codes, "zh" and "Hant", as the hOCR 1.2 specification asks).
 */
#include "export/export.h"

#include <stdio.h>
#include <string.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"

static void bbox(char *out, size_t n, nocr_box b)
{
    snprintf(out, n, "bbox %d %d %d %d", b.x, b.y, b.x + b.w, b.y + b.h);
}

/* The title of an element: its bbox and, when known, its confidence (x_wconf 0..100). */
static void hocr_title(nocr_xw *xw, nocr_box box, float confidence)
{
    char b[96];
    bbox(b, sizeof(b), box);
    if (confidence >= 0)
        nocr_xw_attrf(xw, "title", "%s; x_wconf %d", b, (int)(confidence + 0.5f));
    else
        nocr_xw_attr(xw, "title", b);
}

/* The codes of each model of Tesseract language string `lang` that has one (field 0: ISO
 * 639-1 for ocr-langs, 1: ISO 15924 for ocr-scripts), space-separated and without
 * repeats, into out; "" when none. */
static void lang_codes(char *out, size_t n, const char *lang, int script)
{
    size_t len = 0;
    out[0] = '\0';
    for (const char *p = lang; p && *p;) {
        nocr_lang_names names = nocr_export_lang_names(p);
        const char *code = script ? names.iso15924 : names.iso639;
        size_t k = code ? strlen(code) : 0;
        int seen = 0;
        for (const char *q = out; k && *q && !seen; q += strcspn(q, " "), q += *q == ' ')
            seen = strcspn(q, " ") == k && !strncmp(q, code, k);
        if (k && !seen && len + k + 2 <= n)
            len += (size_t)snprintf(out + len, n - len, "%s%s", len ? " " : "", code);
        p += strcspn(p, "+");
        p += *p == '+';
    }
}

/* <meta name="NAME" content="CONTENT"/>, nothing when content is NULL. */
static void hocr_meta(nocr_xw *xw, const char *name, const char *content)
{
    if (!content)
        return;
    nocr_xw_start(xw, "meta");
    nocr_xw_attr(xw, "name", name);
    nocr_xw_attr(xw, "content", content);
    nocr_xw_end(xw);
}

static void hocr_head(nocr_xw *xw, const nocr_page *page, const nocr_export_info *info)
{
    char langs[64], scripts[64];
    lang_codes(langs, sizeof(langs), nocr_export_lang(page, info), 0);
    lang_codes(scripts, sizeof(scripts), nocr_export_lang(page, info), 1);
    nocr_xw_start(xw, "head");
    nocr_xw_element(xw, "title", nocr_export_image_name(page, info));
    nocr_xw_start(xw, "meta");
    nocr_xw_attr(xw, "http-equiv", "Content-Type");
    nocr_xw_attr(xw, "content", "text/html; charset=utf-8");
    nocr_xw_end(xw);
    hocr_meta(xw, "ocr-system", "newsocr " NOCR_VERSION);
    hocr_meta(xw, "ocr-capabilities",
              "ocr_page ocr_carea ocr_par ocr_line ocr_header "
              "ocr_caption ocrx_word ocr_photo ocr_separator ocr_noise");
    hocr_meta(xw, "ocr-number-of-pages", "1");
    hocr_meta(xw, "ocr-langs", langs[0] ? langs : NULL);
    hocr_meta(xw, "ocr-scripts", scripts[0] ? scripts : NULL);
    hocr_meta(xw, "ocr-settings", info ? info->settings : NULL);
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
    int rc = nocr_line_tokens(&tokens, &n, line);
    if (rc)
        return rc;
    nocr_xw_start(xw, "span");
    nocr_xw_attr(xw, "class", line_class(nocr_region_role(region)));
    nocr_xw_attr(xw, "id", id);
    hocr_title(xw, nocr_line_box(line), nocr_line_confidence(line));
    nocr_xw_indent(xw, 0);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            nocr_xw_text(xw, " ");
        nocr_xw_start(xw, "span");
        nocr_xw_attr(xw, "class", "ocrx_word");
        nocr_xw_attrf(xw, "id", "%s_w%zu", id, i + 1);
        hocr_title(xw, tokens[i].box, tokens[i].confidence);
        nocr_xw_text(xw, tokens[i].text);
        nocr_xw_full_end(xw);
    }
    nocr_xw_full_end(xw);
    nocr_xw_indent(xw, 1);
    nocr_tokens_free(tokens, n);
    return NOCR_OK;
}

static int hocr_text_region(nocr_xw *xw, const nocr_region *region, size_t k, void *data)
{
    (void)data;
    char b[96], title[256], id[64], line_id[96];
    int order = nocr_region_order(region), article = nocr_region_article(region);
    bbox(b, sizeof(b), nocr_region_box(region));
    int len = snprintf(title, sizeof(title), "%s; x_role %s", b,
                       nocr_role_name(nocr_region_role(region)));
    if (order >= 0)
        len += snprintf(title + len, sizeof(title) - (size_t)len, "; x_order %d", order);
    if (article >= 0)
        snprintf(title + len, sizeof(title) - (size_t)len, "; x_article a%d", article + 1);
    nocr_export_region_id(id, sizeof(id), k);
    nocr_xw_start(xw, "div");
    nocr_xw_attr(xw, "class", "ocr_carea");
    nocr_xw_attr(xw, "id", id);
    nocr_xw_attr(xw, "title", title);
    int rc = NOCR_OK;
    size_t nlines = nocr_region_line_count(region);
    for (size_t first = 0, p = 0, end; first < nlines && !rc; first = end, p++) {
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
            rc = hocr_line(xw, region, nocr_region_line(region, i), line_id);
        }
        nocr_xw_full_end(xw);
    }
    nocr_xw_full_end(xw);
    return rc;
}

/* A figure (ocr_photo), a rule (ocr_separator) or text left out of the reading order
 * (ocr_noise). */
static void hocr_other_region(nocr_xw *xw, const nocr_region *region, size_t k)
{
    char b[96], id[32];
    nocr_role role = nocr_region_role(region);
    bbox(b, sizeof(b), nocr_region_box(region));
    nocr_export_region_id(id, sizeof(id), k);
    nocr_xw_start(xw, "div");
    nocr_xw_attr(xw, "class",
                 role == NOCR_ROLE_FIGURE      ? "ocr_photo"
                 : role == NOCR_ROLE_SEPARATOR ? "ocr_separator"
                                               : "ocr_noise");
    nocr_xw_attr(xw, "id", id);
    nocr_xw_attr(xw, "title", b);
    nocr_xw_full_end(xw);
}

/* The ocr_page div's title: image, bbox, page number and, when known, resolution. */
static void hocr_page(nocr_xw *xw, const nocr_page *page, const nocr_export_info *info)
{
    char title[512];
    int dpi = nocr_page_dpi(page);
    int len = snprintf(title, sizeof(title), "image \"%s\"; bbox 0 0 %d %d; ppageno %d",
                       nocr_export_image_name(page, info), nocr_page_width(page),
                       nocr_page_height(page), nocr_page_index(page));
    if (dpi > 0)
        snprintf(title + len, sizeof(title) - (size_t)len, "; scan_res %d %d", dpi, dpi);
    nocr_xw_start(xw, "div");
    nocr_xw_attr(xw, "class", "ocr_page");
    nocr_xw_attr(xw, "id", "page_1");
    nocr_xw_attr(xw, "title", title);
}

/* The DTD, html, head, and body with the ocr_page div left open. */
static void hocr_head_all(nocr_xw *xw, const nocr_page *page, const nocr_export_info *info,
                          const size_t *seq, void *data)
{
    (void)seq;
    (void)data;
    if (!xw->failed &&
        xmlTextWriterWriteDTD(
            xw->w, BAD_CAST "html", BAD_CAST "-//W3C//DTD XHTML 1.0 Transitional//EN",
            BAD_CAST "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd", NULL) < 0)
        xw->failed = 1;
    nocr_xw_start_ns(xw, "html", XHTML_NS);
    const char *lang = nocr_export_lang_names(nocr_export_lang(page, info)).bcp47;
    if (lang) {
        nocr_xw_attr(xw, "xml:lang", lang);
        nocr_xw_attr(xw, "lang", lang);
    }
    hocr_head(xw, page, info);
    nocr_xw_start(xw, "body");
    hocr_page(xw, page, info);
}

static void hocr_tail(nocr_xw *xw)
{
    nocr_xw_full_end(xw); /* the ocr_page div */
    nocr_xw_end(xw);      /* body */
    nocr_xw_end(xw);      /* html */
}

int nocr_export_hocr(char **out, const nocr_page *page, const nocr_export_info *info)
{
    static const nocr_xml_format hocr = {
        "nocr_export_hocr", "hOCR", hocr_head_all, hocr_text_region, hocr_other_region, hocr_tail};
    return nocr_export_xml(out, page, info, &hocr, NULL);
}
