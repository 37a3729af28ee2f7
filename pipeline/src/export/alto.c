/*
 * alto.c - the page as ALTO 4.3 XML (Library of Congress), the newspaper archives'
 * standard.
 *
 *   nocr_export_alto
 *
 * static helpers: write_pos, alto_description, alto_tags, alto_group, alto_ref,
 *                 alto_glyphs, alto_line, alto_text_block, alto_other_block,
 *                 alto_head, alto_tail
 *
 * Layout: Description (MeasurementUnit pixel, sourceImageInformation/fileName,
 * OCRProcessing with newsocr's name, version and settings); Tags (a LayoutTag per role
 * present, a StructureTag per article); ReadingOrder (an OrderedGroup of the page holding
 * one OrderedGroup per run of an article's blocks, as in PAGE: nocr_export_reading_order);
 * Layout/Page/PrintSpace with the blocks in reading order: a TextBlock per paragraph (ids as
 * PAGE's: rN, or rN_P for a region of several paragraphs) with TAGREFS to its role and article,
 * TextLines of Strings, then an Illustration per figure and a GraphicalElement per rule and per
 * text region left out of the reading order (noise to the reconstructor, and left out of the txt).
 * Strings are the words of the print (nocr_line_tokens): a run of CJK characters is one
 * String, so consumers that join Strings with spaces do not put a space between two Han
 * characters; SP stands between Strings. WC is the word confidence 0..1. A String made of
 * Tesseract's one-character words holds a Glyph per character with its own box and
 * confidence (GC), so an archive can highlight one character. Coordinates are the
 * original image's pixels (HPOS, VPOS, WIDTH, HEIGHT).
 */
#include "export/export.h"

#include <stdio.h>
#include <string.h>

#define ALTO_NS "http://www.loc.gov/standards/alto/ns-v4#"

static void write_pos(nocr_xw *xw, nocr_box b)
{
    nocr_xw_attrf(xw, "HPOS", "%d", b.x < 0 ? 0 : b.x);
    nocr_xw_attrf(xw, "VPOS", "%d", b.y < 0 ? 0 : b.y);
    nocr_xw_attrf(xw, "WIDTH", "%d", b.w < 0 ? 0 : b.w);
    nocr_xw_attrf(xw, "HEIGHT", "%d", b.h < 0 ? 0 : b.h);
}

static void alto_description(nocr_xw *xw, const nocr_page *page, const nocr_export_info *info)
{
    char stamp[32], settings[1024];
    nocr_export_timestamp(stamp);
    nocr_export_settings(settings, sizeof(settings), info);
    nocr_xw_start(xw, "Description");
    nocr_xw_element(xw, "MeasurementUnit", "pixel");
    nocr_xw_start(xw, "sourceImageInformation");
    nocr_xw_element(xw, "fileName", nocr_export_image_name(page, info));
    nocr_xw_end(xw);
    nocr_xw_start(xw, "OCRProcessing");
    nocr_xw_attr(xw, "ID", "OCR_0");
    nocr_xw_start(xw, "ocrProcessingStep");
    nocr_xw_element(xw, "processingDateTime", stamp);
    nocr_xw_element(xw, "processingStepDescription",
                    "layout analysis, recognition (Tesseract) and reading order");
    nocr_xw_element(xw, "processingStepSettings", settings);
    nocr_xw_start(xw, "processingSoftware");
    nocr_xw_element(xw, "softwareName", "newsocr");
    nocr_xw_element(xw, "softwareVersion", NOCR_VERSION);
    nocr_xw_end(xw);
    nocr_xw_end(xw);
    nocr_xw_end(xw);
    nocr_xw_end(xw);
}

/* A LayoutTag per role present (ID TAG_<role>), a StructureTag per article (TAG_aM). */
static void alto_tags(nocr_xw *xw, const nocr_page *page)
{
    int roles[NOCR_ROLE_COUNT] = {0}, any = 0;
    int max_article = -1;
    size_t nregions = nocr_page_region_count(page);
    for (size_t i = 0; i < nregions; i++) {
        const nocr_region *r = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(r);
        if ((int)role >= 0 && role < NOCR_ROLE_COUNT)
            roles[role] = any = 1;
        if (nocr_region_article(r) > max_article)
            max_article = nocr_region_article(r);
    }
    if (!any)
        return;
    nocr_xw_start(xw, "Tags");
    for (int role = 0; role < NOCR_ROLE_COUNT; role++) {
        if (!roles[role])
            continue;
        nocr_xw_start(xw, "LayoutTag");
        nocr_xw_attrf(xw, "ID", "TAG_%s", nocr_role_name((nocr_role)role));
        nocr_xw_attr(xw, "TYPE", "role");
        nocr_xw_attr(xw, "LABEL", nocr_role_name((nocr_role)role));
        nocr_xw_end(xw);
    }
    for (int a = 0; a <= max_article; a++) {
        int used = 0;
        for (size_t i = 0; i < nregions && !used; i++)
            used = nocr_region_article(nocr_page_region(page, i)) == a;
        if (!used)
            continue;
        nocr_xw_start(xw, "StructureTag");
        nocr_xw_attrf(xw, "ID", "TAG_a%d", a + 1);
        nocr_xw_attr(xw, "TYPE", "article");
        nocr_xw_attrf(xw, "LABEL", "article a%d", a + 1);
        nocr_xw_end(xw);
    }
    nocr_xw_end(xw);
}

/* ReadingOrder (nocr_export_reading_order): an OrderedGroup per run of an article's blocks,
 * numbered through the page, with TAGREFS to the article; an ElementRef per block. */
static void alto_group(nocr_xw *xw, int article, int run, int nth, void *data)
{
    (void)nth;
    (void)data;
    nocr_xw_start(xw, "OrderedGroup");
    nocr_xw_attrf(xw, "ID", "ro_a%d_%d", article + 1, run);
    nocr_xw_attrf(xw, "TAGREFS", "TAG_a%d", article + 1);
}

static void alto_ref(nocr_xw *xw, const char *id, int in_group, void *data)
{
    (void)in_group;
    (void)data;
    nocr_xw_start(xw, "ElementRef");
    nocr_xw_attrf(xw, "ID", "ro_%s", id);
    nocr_xw_attr(xw, "REF", id);
    nocr_xw_end(xw);
}

static const nocr_ro_format alto_order = {"ID", NULL, alto_group, alto_ref};

/* A Glyph per character of a String made of one-character words (Tesseract's CJK words),
 * with the word's box and confidence (GC): archives can highlight a single character.
 * Nothing when the characters do not match the words one to one. */
static void alto_glyphs(nocr_xw *xw, const nocr_line *line, const nocr_token *token)
{
    size_t n = token->end - token->first;
    if (n < 2 || nocr_utf8_count(token->text) != n)
        return;
    for (size_t i = token->first; i < token->end; i++) {
        if (nocr_utf8_count(nocr_word_text(nocr_line_word(line, i))) != 1)
            return;
    }
    const char *p = token->text;
    for (size_t i = token->first; i < token->end; i++) {
        const nocr_word *w = nocr_line_word(line, i);
        size_t len = 1;
        while (p[len] && ((unsigned char)p[len] & 0xc0) == 0x80)
            len++;
        char ch[8] = {0};
        memcpy(ch, p, len < sizeof(ch) ? len : sizeof(ch) - 1);
        p += len;
        nocr_xw_start(xw, "Glyph");
        nocr_xw_attr(xw, "CONTENT", ch);
        nocr_xw_conf(xw, "GC", nocr_word_confidence(w));
        write_pos(xw, nocr_word_box(w));
        nocr_xw_end(xw);
    }
}

/* A TextLine of Strings and SPs; a line without text is left out (ALTO wants a String). */
static int alto_line(nocr_xw *xw, const nocr_line *line, const char *id)
{
    nocr_token *tokens;
    size_t n;
    int rc = nocr_line_tokens(&tokens, &n, line);
    if (rc || n == 0)
        return rc;
    nocr_box lb = nocr_line_box(line);
    nocr_xw_start(xw, "TextLine");
    nocr_xw_attr(xw, "ID", id);
    write_pos(xw, lb);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            int l = tokens[i - 1].box.x + tokens[i - 1].box.w;
            nocr_xw_start(xw, "SP");
            if (tokens[i].box.x >= l) {
                nocr_xw_attrf(xw, "HPOS", "%d", l);
                nocr_xw_attrf(xw, "VPOS", "%d", lb.y);
                nocr_xw_attrf(xw, "WIDTH", "%d", tokens[i].box.x - l);
            }
            nocr_xw_end(xw);
        }
        nocr_xw_start(xw, "String");
        nocr_xw_attrf(xw, "ID", "%s_w%zu", id, i + 1);
        write_pos(xw, tokens[i].box);
        nocr_xw_attr(xw, "CONTENT", tokens[i].text);
        nocr_xw_conf(xw, "WC", tokens[i].confidence);
        alto_glyphs(xw, line, &tokens[i]);
        nocr_xw_end(xw);
    }
    nocr_xw_end(xw);
    nocr_tokens_free(tokens, n);
    return NOCR_OK;
}

/* The TextBlocks of region k, one per paragraph, with the page's language, *data (LANG: "the
 * language should be recorded at the highest level possible", and ALTO has none above the
 * block). */
static int alto_text_block(nocr_xw *xw, const nocr_region *region, size_t k, void *data)
{
    const char *lang = *(const char *const *)data; /* BCP 47, NULL when unknown */
    size_t np = nocr_paragraph_count(region), first = 0;
    const char *role = nocr_role_name(nocr_region_role(region));
    int article = nocr_region_article(region), rc = NOCR_OK;
    for (size_t p = 0; p < np && !rc; p++) {
        size_t end = nocr_region_line_count(region) ? nocr_paragraph_end(region, first) : 0;
        char id[64], line_id[96];
        nocr_paragraph_id(id, sizeof(id), region, k, p);
        nocr_xw_start(xw, "TextBlock");
        nocr_xw_attr(xw, "ID", id);
        write_pos(xw, nocr_paragraph_box(region, first, end));
        if (article >= 0)
            nocr_xw_attrf(xw, "TAGREFS", "TAG_%s TAG_a%d", role, article + 1);
        else
            nocr_xw_attrf(xw, "TAGREFS", "TAG_%s", role);
        if (lang)
            nocr_xw_attr(xw, "LANG", lang);
        if (nocr_region_direction(region) == NOCR_DIR_VERTICAL)
            nocr_xw_attr(xw, "BASEDIRECTION", "ttb");
        for (size_t i = first; i < end && !rc; i++) {
            snprintf(line_id, sizeof(line_id), "%s_l%zu", id, i - first + 1);
            rc = alto_line(xw, nocr_region_line(region, i), line_id);
        }
        nocr_xw_end(xw);
        first = end;
    }
    return rc;
}

/* An Illustration for a figure, a GraphicalElement for a rule or a text region left out of
 * the reading order. */
static void alto_other_block(nocr_xw *xw, const nocr_region *region, size_t k)
{
    char id[32];
    nocr_role role = nocr_region_role(region);
    int figure = role == NOCR_ROLE_FIGURE;
    nocr_export_region_id(id, sizeof(id), k);
    nocr_xw_start(xw, figure ? "Illustration" : "GraphicalElement");
    nocr_xw_attr(xw, "ID", id);
    write_pos(xw, nocr_region_box(region));
    nocr_xw_attrf(xw, "TAGREFS", "TAG_%s", nocr_role_name(role));
    if (figure)
        nocr_xw_attr(xw, "TYPE", "photo");
    nocr_xw_end(xw);
}

/* alto, Description, Tags, ReadingOrder, then Layout/Page/PrintSpace left open. */
static void alto_head(nocr_xw *xw, const nocr_page *page, const nocr_export_info *info,
                      const size_t *seq, void *data)
{
    (void)data;
    int width = nocr_page_width(page), height = nocr_page_height(page);
    nocr_xw_start_ns(xw, "alto", ALTO_NS);
    nocr_xw_attr(xw, "xmlns:xlink", "http://www.w3.org/1999/xlink");
    nocr_xw_attr(xw, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    nocr_xw_attr(xw, "xsi:schemaLocation", ALTO_NS " http://www.loc.gov/alto/v4/alto-4-3.xsd");
    nocr_xw_attr(xw, "SCHEMAVERSION", "4.3");
    alto_description(xw, page, info);
    alto_tags(xw, page);
    nocr_export_reading_order(xw, page, seq, &alto_order, NULL);
    nocr_xw_start(xw, "Layout");
    nocr_xw_start(xw, "Page");
    nocr_xw_attr(xw, "ID", "page");
    nocr_xw_attrf(xw, "PHYSICAL_IMG_NR", "%d", nocr_page_index(page) + 1);
    nocr_xw_attrf(xw, "WIDTH", "%d", width);
    nocr_xw_attrf(xw, "HEIGHT", "%d", height);
    nocr_xw_attr(xw, "PROCESSINGREFS", "OCR_0");
    nocr_xw_start(xw, "PrintSpace");
    write_pos(xw, (nocr_box){0, 0, width, height});
}

static void alto_tail(nocr_xw *xw)
{
    nocr_xw_end(xw); /* PrintSpace */
    nocr_xw_end(xw); /* Page */
    nocr_xw_end(xw); /* Layout */
    nocr_xw_end(xw); /* alto */
}

int nocr_export_alto(char **out, const nocr_page *page, const nocr_export_info *info)
{
    static const nocr_xml_format alto = {"nocr_export_alto", "ALTO",           alto_head,
                                         alto_text_block,    alto_other_block, alto_tail};
    const char *lang = nocr_export_lang_names(nocr_export_lang(page, info)).bcp47;
    return nocr_export_xml(out, page, info, &alto, &lang);
}
