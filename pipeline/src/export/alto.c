/*
 * export_alto.c - the page as ALTO 4.3 XML (Library of Congress), the newspaper archives'
 * standard.
 *
 *   nocr_export_alto
 *
 * static helpers: alto_description, alto_tags, alto_reading_order, alto_text_block,
 *                 alto_line, alto_glyphs, utf8_count, write_pos
 *
 * Layout: Description (MeasurementUnit pixel, sourceImageInformation/fileName,
 * OCRProcessing with newsocr's name, version and settings); Tags (a LayoutTag per role
 * present, a StructureTag per article); ReadingOrder (an OrderedGroup of the page holding
 * one OrderedGroup per article, as in PAGE); Layout/Page/PrintSpace with the blocks in
 * reading order: a TextBlock per paragraph (ids as PAGE's: rN, or rN_P for a region of
 * several paragraphs) with TAGREFS to its role and article, TextLines of Strings, then an
 * Illustration per figure and a GraphicalElement per rule and per text region left out of
 * the reading order (noise to the reconstructor, and left out of the txt).
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

static const char *image_name(const nocr_page *page, const nocr_export_info *info)
{
    const char *name = info && info->image_name ? info->image_name : page->source;
    if (!name || !*name)
        return "page";
    const char *slash = strrchr(name, '/');
    return slash && slash[1] ? slash + 1 : name;
}

static void alto_description(nocr_xw *xw, const nocr_page *page, const nocr_export_info *info)
{
    char stamp[32], settings[1024];
    nocr_export_timestamp(stamp);
    snprintf(settings, sizeof(settings), "lang=%s; %s", info && info->lang ? info->lang : "",
             info && info->settings ? info->settings : "");
    nocr_xw_start(xw, "Description");
    nocr_xw_element(xw, "MeasurementUnit", "pixel");
    nocr_xw_start(xw, "sourceImageInformation");
    nocr_xw_element(xw, "fileName", image_name(page, info));
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
    for (size_t i = 0; i < page->nregions; i++) {
        const nocr_region *r = page->regions[i];
        if ((int)r->role >= 0 && r->role < NOCR_ROLE_COUNT)
            roles[r->role] = any = 1;
        if (r->article > max_article)
            max_article = r->article;
    }
    if (!any)
        return;
    nocr_xw_start(xw, "Tags");
    for (int role = 0; role < NOCR_ROLE_COUNT; role++) {
        if (!roles[role])
            continue;
        nocr_xw_start(xw, "LayoutTag");
        nocr_xw_attrf(xw, "ID", "TAG_%s", nocr_export_structure((nocr_role)role));
        nocr_xw_attr(xw, "TYPE", "role");
        nocr_xw_attr(xw, "LABEL", nocr_export_structure((nocr_role)role));
        nocr_xw_end(xw);
    }
    for (int a = 0; a <= max_article; a++) {
        int used = 0;
        for (size_t i = 0; i < page->nregions && !used; i++)
            used = page->regions[i]->article == a;
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

/* ReadingOrder: as PAGE's, an OrderedGroup of the page with a group per run of an
 * article's blocks. */
static void alto_reading_order(nocr_xw *xw, const nocr_page *page, const size_t *seq)
{
    size_t n = nocr_export_ordered_count(page, seq);
    if (n == 0)
        return;
    nocr_xw_start(xw, "ReadingOrder");
    nocr_xw_start(xw, "OrderedGroup");
    nocr_xw_attr(xw, "ID", "ro_page");
    int group = -1, ngroups = 0;
    for (size_t s = 0; s < n; s++) {
        const nocr_region *region = page->regions[seq[s]];
        if (group >= 0 && region->article != group) {
            nocr_xw_end(xw);
            group = -1;
        }
        if (region->article >= 0 && group < 0) {
            nocr_xw_start(xw, "OrderedGroup");
            nocr_xw_attrf(xw, "ID", "ro_a%d_%d", region->article + 1, ++ngroups);
            nocr_xw_attrf(xw, "TAGREFS", "TAG_a%d", region->article + 1);
            group = region->article;
        }
        size_t np = nocr_paragraph_count(region);
        for (size_t p = 0; p < np; p++) {
            char id[64];
            nocr_paragraph_id(id, sizeof(id), region, seq[s], p);
            nocr_xw_start(xw, "ElementRef");
            nocr_xw_attrf(xw, "ID", "ro_%s", id);
            nocr_xw_attr(xw, "REF", id);
            nocr_xw_end(xw);
        }
    }
    if (group >= 0)
        nocr_xw_end(xw);
    nocr_xw_end(xw);
    nocr_xw_end(xw);
}

/* Code points of a UTF-8 string (bytes that do not start one are not counted). */
static size_t utf8_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* A Glyph per character of a String made of one-character words (Tesseract's CJK words),
 * with the word's box and confidence (GC): archives can highlight a single character.
 * Nothing when the characters do not match the words one to one. */
static void alto_glyphs(nocr_xw *xw, const nocr_line *line, const nocr_token *token)
{
    size_t n = token->end - token->first;
    if (n < 2 || utf8_count(token->text) != n)
        return;
    for (size_t i = token->first; i < token->end; i++) {
        if (!line->words[i].text || utf8_count(line->words[i].text) != 1)
            return;
    }
    const char *p = token->text;
    for (size_t i = token->first; i < token->end; i++) {
        const nocr_word *w = &line->words[i];
        size_t len = 1;
        while (p[len] && ((unsigned char)p[len] & 0xc0) == 0x80)
            len++;
        char ch[8] = {0};
        memcpy(ch, p, len < sizeof(ch) ? len : sizeof(ch) - 1);
        p += len;
        nocr_xw_start(xw, "Glyph");
        nocr_xw_attr(xw, "CONTENT", ch);
        if (w->confidence >= 0)
            nocr_xw_attrf(xw, "GC", "%.3f", w->confidence > 100 ? 1.0 : w->confidence / 100.0);
        write_pos(xw, w->box);
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
    nocr_xw_start(xw, "TextLine");
    nocr_xw_attr(xw, "ID", id);
    write_pos(xw, line->box);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            int l = tokens[i - 1].box.x + tokens[i - 1].box.w;
            nocr_xw_start(xw, "SP");
            if (tokens[i].box.x >= l) {
                nocr_xw_attrf(xw, "HPOS", "%d", l);
                nocr_xw_attrf(xw, "VPOS", "%d", line->box.y);
                nocr_xw_attrf(xw, "WIDTH", "%d", tokens[i].box.x - l);
            }
            nocr_xw_end(xw);
        }
        nocr_xw_start(xw, "String");
        nocr_xw_attrf(xw, "ID", "%s_w%zu", id, i + 1);
        write_pos(xw, tokens[i].box);
        nocr_xw_attr(xw, "CONTENT", tokens[i].text);
        if (tokens[i].confidence >= 0)
            nocr_xw_attrf(xw, "WC", "%.3f",
                          tokens[i].confidence > 100 ? 1.0 : tokens[i].confidence / 100.0);
        alto_glyphs(xw, line, &tokens[i]);
        nocr_xw_end(xw);
    }
    nocr_xw_end(xw);
    nocr_tokens_free(tokens, n);
    return NOCR_OK;
}

/* The TextBlocks of region k, one per paragraph. */
static int alto_text_block(nocr_xw *xw, const nocr_region *region, size_t k)
{
    size_t np = nocr_paragraph_count(region), first = 0;
    int rc = NOCR_OK;
    for (size_t p = 0; p < np && !rc; p++) {
        size_t end = region->nlines ? nocr_paragraph_end(region, first) : 0;
        char id[64], line_id[96];
        nocr_paragraph_id(id, sizeof(id), region, k, p);
        nocr_xw_start(xw, "TextBlock");
        nocr_xw_attr(xw, "ID", id);
        write_pos(xw, nocr_paragraph_box(region, first, end));
        if (region->article >= 0)
            nocr_xw_attrf(xw, "TAGREFS", "TAG_%s TAG_a%d", nocr_export_structure(region->role),
                          region->article + 1);
        else
            nocr_xw_attrf(xw, "TAGREFS", "TAG_%s", nocr_export_structure(region->role));
        if (region->direction == NOCR_DIR_VERTICAL)
            nocr_xw_attr(xw, "BASEDIRECTION", "ttb");
        for (size_t i = first; i < end && !rc; i++) {
            snprintf(line_id, sizeof(line_id), "%s_l%zu", id, i - first + 1);
            rc = alto_line(xw, region->lines[i], line_id);
        }
        nocr_xw_end(xw);
        first = end;
    }
    return rc;
}

int nocr_export_alto(char **out, const nocr_page *page, const nocr_export_info *info)
{
    size_t *seq;
    nocr_xw xw;
    int rc = nocr_export_begin(&xw, &seq, out, page, "nocr_export_alto");
    if (rc)
        return rc;
    nocr_xw_start_ns(&xw, "alto", ALTO_NS);
    nocr_xw_attr(&xw, "xmlns:xlink", "http://www.w3.org/1999/xlink");
    nocr_xw_attr(&xw, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    nocr_xw_attr(&xw, "xsi:schemaLocation", ALTO_NS " http://www.loc.gov/alto/v4/alto-4-3.xsd");
    nocr_xw_attr(&xw, "SCHEMAVERSION", "4.3");
    alto_description(&xw, page, info);
    alto_tags(&xw, page);
    alto_reading_order(&xw, page, seq);
    nocr_xw_start(&xw, "Layout");
    nocr_xw_start(&xw, "Page");
    nocr_xw_attr(&xw, "ID", "page");
    nocr_xw_attrf(&xw, "PHYSICAL_IMG_NR", "%d", page->index + 1);
    nocr_xw_attrf(&xw, "WIDTH", "%d", page->width);
    nocr_xw_attrf(&xw, "HEIGHT", "%d", page->height);
    nocr_xw_attr(&xw, "PROCESSINGREFS", "OCR_0");
    nocr_xw_start(&xw, "PrintSpace");
    write_pos(&xw, (nocr_box){0, 0, page->width, page->height});
    for (size_t s = 0; s < page->nregions && !rc; s++) {
        const nocr_region *region = page->regions[seq[s]];
        if (nocr_export_in_order(region)) {
            rc = alto_text_block(&xw, region, seq[s]);
            continue;
        }
        int figure = region->role == NOCR_ROLE_FIGURE;
        nocr_xw_start(&xw, figure ? "Illustration" : "GraphicalElement");
        nocr_xw_attrf(&xw, "ID", "r%zu", seq[s] + 1);
        write_pos(&xw, region->box);
        nocr_xw_attrf(&xw, "TAGREFS", "TAG_%s", nocr_export_structure(region->role));
        if (figure)
            nocr_xw_attr(&xw, "TYPE", "photo");
        nocr_xw_end(&xw);
    }
    nocr_xw_end(&xw);
    nocr_xw_end(&xw);
    nocr_xw_end(&xw);
    nocr_xw_end(&xw);
    return nocr_export_end(&xw, seq, rc, out, "ALTO");
}
