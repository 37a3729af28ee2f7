/*
 * test_export.c - the structured exports (JSON, hOCR, ALTO, PAGE XML, overlay) on synthetic
 * pages built by hand: escaping, reading order, role mapping, paragraphs, CJK words.
 *
 *   tests: test_txt_reference, test_pagexml, test_alto, test_hocr, test_json,
 *          test_empty_page, test_page_lang, test_role_names, test_reading_order_groups,
 *          test_txt_unsorted,
 *          test_overlay
 *   helpers: add_region, add_line, add_char_words, make_page (pages); xpath, xstr, xcount,
 *            check_xpaths, parse_xml, check_xsd, export_xml, check_json_schema (checks)
 *
 * Usage: test_export SCHEMA_JSON SAMPLE_IMAGE SCHEMAS_DIR
 *   SCHEMA_JSON  pipeline/schema/newsocr-page.schema.json
 *   SAMPLE_IMAGE an image the overlay is drawn on
 *   SCHEMAS_DIR  pipeline/schema (PAGE and ALTO XSD); when absent the XSD checks are
 *                skipped with a message, the rest still runs
 */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "../unit/check.h"
#include "jsonschema.h"
#include "newsocr.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <sys/stat.h>

static const char *schema_json_path, *sample_image, *schemas_dir;
static int have_schemas;

static nocr_region *add_region(nocr_page *page, nocr_role role, int x, int y, int w, int h,
                               int order, int article)
{
    nocr_region *r = NULL;
    CHECK_INT(nocr_page_add_region(&r, page, role, (nocr_box){x, y, w, h}), NOCR_OK);
    nocr_region_set_order(r, order);
    nocr_region_set_article(r, article);
    return r;
}

static nocr_line *add_line(nocr_region *r, const char *text, int starts)
{
    nocr_line *line = NULL;
    nocr_box b = nocr_region_box(r);
    b.h = 30;
    CHECK_INT(nocr_region_add_line(&line, r, b, text, 91.0f), NOCR_OK);
    nocr_line_set_starts_paragraph(line, starts);
    return line;
}

/* Adds one word per UTF-8 character of `text` (like chi_sim), 30 px apart. */
static void add_char_words(nocr_line *line, const char *text, int x)
{
    const unsigned char *p = (const unsigned char *)text;
    nocr_box lb = nocr_line_box(line);
    while (*p) {
        int n = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : *p < 0xf0 ? 3 : 4;
        char buf[8] = {0};
        memcpy(buf, p, (size_t)n);
        CHECK_INT(nocr_line_add_word(NULL, line, (nocr_box){x, lb.y, 28, 30}, buf, 88.0f),
                  NOCR_OK);
        x += 30;
        p += n;
    }
}

/* XPath helpers over a parsed document with the prefixes p (PAGE), a (ALTO), h (XHTML). */
static xmlXPathObjectPtr xpath(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "p",
                       BAD_CAST "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15");
    xmlXPathRegisterNs(ctx, BAD_CAST "a", BAD_CAST "http://www.loc.gov/standards/alto/ns-v4#");
    xmlXPathRegisterNs(ctx, BAD_CAST "h", BAD_CAST "http://www.w3.org/1999/xhtml");
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    return obj;
}

/* The string value of an XPath expression (caller frees). */
static char *xstr(xmlDocPtr doc, const char *expr)
{
    xmlXPathObjectPtr o = xpath(doc, expr);
    xmlChar *s = o ? xmlXPathCastToString(o) : NULL;
    xmlXPathFreeObject(o);
    char *r = strdup(s ? (const char *)s : "");
    xmlFree(s);
    return r;
}

static int xcount(xmlDocPtr doc, const char *expr)
{
    char buf[600];
    snprintf(buf, sizeof(buf), "count(%s)", expr);
    xmlXPathObjectPtr o = xpath(doc, buf);
    int n = o ? (int)xmlXPathCastToNumber(o) : -1;
    xmlXPathFreeObject(o);
    return n;
}

#define CHECK_XSTR(doc, expr, want)                                                               \
    do {                                                                                          \
        char *got_ = xstr(doc, expr);                                                             \
        CHECK_STR(got_, want);                                                                    \
        free(got_);                                                                               \
    } while (0)

static xmlDocPtr parse_xml(const char *text)
{
    xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "export.xml", NULL, XML_PARSE_NONET);
    CHECK(doc != NULL);
    return doc;
}

/* Validates doc against SCHEMAS_DIR/xsd when the schemas are present. */
static void check_xsd(xmlDocPtr doc, const char *xsd)
{
    if (!have_schemas || !doc)
        return;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", schemas_dir, xsd);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    CHECK(schema != NULL);
    if (schema) {
        xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
        int rc = xmlSchemaValidateDoc(vc, doc);
        if (rc != 0)
            fprintf(stderr, "  (%s validation failed)\n", xsd);
        CHECK_INT(rc, 0);
        xmlSchemaFreeValidCtxt(vc);
        xmlSchemaFree(schema);
    }
    xmlSchemaFreeParserCtxt(pc);
}

/* An XPath expression over a document and the string value it should have. */
typedef struct xcheck {
    const char *expr, *want;
} xcheck;

static void check_xpaths(xmlDocPtr doc, const xcheck *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *got = xstr(doc, v[i].expr);
        if (strcmp(got, v[i].want) != 0)
            fprintf(stderr, "  at %s\n", v[i].expr);
        CHECK_STR(got, v[i].want);
        free(got);
    }
}

typedef int (*xml_export)(char **out, const nocr_page *page, const nocr_export_info *info);

/* Runs an XML export of `page` and parses it, validated against SCHEMAS_DIR/xsd when xsd is
 * set; NULL when the export fails. The text goes into *text (free()) when text is set. */
static xmlDocPtr export_xml(xml_export fn, const nocr_page *page, const nocr_export_info *inf,
                            const char *xsd, char **text)
{
    char *xml = NULL;
    CHECK_INT(fn(&xml, page, inf), NOCR_OK);
    xmlDocPtr doc = xml ? parse_xml(xml) : NULL;
    if (doc && xsd)
        check_xsd(doc, xsd);
    if (text)
        *text = xml;
    else
        free(xml);
    return doc;
}

static void check_json_schema(const char *text)
{
    json_error_t err;
    json_t *schema = json_load_file(schema_json_path, 0, &err);
    json_t *inst = json_loads(text, 0, &err);
    CHECK(schema != NULL);
    CHECK(inst != NULL);
    char msg[1024];
    int ok = schema && inst && js_validate(schema, schema, inst, msg, sizeof(msg));
    if (!ok)
        fprintf(stderr, "  JSON schema: %s\n", msg);
    CHECK(ok);
    json_decref(schema);
    json_decref(inst);
}

/* A page of two articles and page furniture, its regions added out of reading order and
 * then sorted (nocr_page_sort_by_order), so that their ids are, in reading order:
 *   r1 folio; article a1: r2 headline, r3 body of two paragraphs (CJK words, a Latin word),
 *   r4 body continuing r3's last paragraph, r5 caption; article a2: r6 headline, r7 body;
 *   not in the reading order: r8 figure, r9 noise, r10 rule. */
static nocr_page *make_page(void)
{
    nocr_page *page = NULL;
    CHECK_INT(nocr_page_new(&page, 2000, 3000), NOCR_OK);
    nocr_page_set_dpi(page, 300);
    nocr_region *r;
    r = add_region(page, NOCR_ROLE_BODY, 1000, 1500, 900, 400, 6, 1); /* r1 */
    add_line(r, "第二篇正文。", 1);
    r = add_region(page, NOCR_ROLE_HEADLINE, 100, 200, 1800, 120, 1, 0); /* r2 */
    add_line(r, "标题 <b> & \"引号\" 'x'", 1);
    r = add_region(page, NOCR_ROLE_PAGE_HEADER, 100, 50, 1800, 40, 0, -1); /* r3 */
    add_line(r, "第4版 \x01控制\x1f字符", 1);
    r = add_region(page, NOCR_ROLE_CAPTION, 100, 1300, 800, 60, 4, 0); /* r4 */
    add_line(r, "图为街角会客厅。", 1);
    add_region(page, NOCR_ROLE_FIGURE, 100, 800, 800, 480, -1, -1); /* r5 */
    r = add_region(page, NOCR_ROLE_BODY, 100, 400, 800, 300, 2, 0); /* r6 */
    nocr_line *l = add_line(r, "街角会客厅里的", 1);
    add_char_words(l, "街角会客厅里的", 100);
    l = add_line(r, "民生温度。", 0);
    add_char_words(l, "民生温度。", 100);
    l = add_line(r, "使用 Tesseract 识别", 1);
    CHECK_INT(nocr_line_add_word(NULL, l, (nocr_box){100, 460, 28, 30}, "使", 90), NOCR_OK);
    CHECK_INT(nocr_line_add_word(NULL, l, (nocr_box){130, 460, 28, 30}, "用", 90), NOCR_OK);
    CHECK_INT(nocr_line_add_word(NULL, l, (nocr_box){190, 460, 150, 30}, "Tesseract", 70),
              NOCR_OK);
    CHECK_INT(nocr_line_add_word(NULL, l, (nocr_box){370, 460, 28, 30}, "识", 90), NOCR_OK);
    CHECK_INT(nocr_line_add_word(NULL, l, (nocr_box){400, 460, 28, 30}, "别", 90), NOCR_OK);
    r = add_region(page, NOCR_ROLE_BODY, 1000, 400, 800, 300, 3, 0); /* r7 */
    add_line(r, "的下半段。", 0);
    nocr_region_set_continues(r, 1);
    r = add_region(page, NOCR_ROLE_HEADLINE, 1000, 1400, 900, 80, 5, 1); /* r8 */
    add_line(r, "第二篇标题", 1);
    r = add_region(page, NOCR_ROLE_UNKNOWN, 10, 2900, 20, 20, -1, -1); /* r9 */
    add_line(r, "噪", 1);
    add_region(page, NOCR_ROLE_SEPARATOR, 100, 1380, 1800, 4, -1, -1); /* r10 */
    nocr_page_sort_by_order(page);
    return page;
}

static const nocr_export_info info = {"dir/page <1>.png", "chi_sim", "lang=chi_sim; x=\"1\""};

static void test_txt_reference(const nocr_page *page)
{
    char *txt = NULL;
    CHECK_INT(nocr_export_txt(&txt, page), NOCR_OK);
    CHECK_STR(txt, "第4版 \x01控制\x1f字符\n\n"
                   "标题 <b> & \"引号\" 'x'\n"
                   "街角会客厅里的民生温度。\n"
                   "使用 Tesseract 识别的下半段。\n"
                   "图为街角会客厅。\n\n"
                   "第二篇标题\n"
                   "第二篇正文。\n");
    free(txt);
}

static void test_pagexml(const nocr_page *page)
{
    char *xml = NULL;
    xmlDocPtr doc = export_xml(nocr_export_pagexml, page, &info, "pagecontent.xsd", &xml);
    if (doc) {
        static const xcheck want[] = {
            {"/p:PcGts/p:Page/@imageFilename", "page <1>.png"},
            {"/p:PcGts/p:Page/@imageWidth", "2000"},
            /* reading order: folio, then article a1, then article a2 */
            {"//p:ReadingOrder/p:OrderedGroup/*[1]/@regionRef", "r1"},
            {"//p:ReadingOrder/p:OrderedGroup/*[2]/@id", "ro_a1"},
            {"//p:ReadingOrder/p:OrderedGroup/*[3]/@id", "ro_a2"},
            {"count(//p:OrderedGroupIndexed[@id='ro_a1']/p:RegionRefIndexed)", "5"},
            {"//p:OrderedGroupIndexed[@id='ro_a1']/*[1]/@regionRef", "r2"},
            {"//p:OrderedGroupIndexed[@id='ro_a1']/*[2]/@regionRef", "r3_1"},
            {"//p:OrderedGroupIndexed[@id='ro_a1']/*[5]/@regionRef", "r5"},
            /* role mapping */
            {"//p:TextRegion[@id='r1']/@type", "header"},
            {"//p:TextRegion[@id='r1']/@custom", "structure {type:folio;}"},
            {"//p:TextRegion[@id='r2']/@type", "heading"},
            {"//p:TextRegion[@id='r2']/@custom", "structure {type:headline;} article {id:a1;}"},
            {"//p:TextRegion[@id='r5']/@type", "caption"},
            {"//p:TextRegion[@id='r3_1']/@type", "paragraph"},
            /* paragraphs: one TextRegion each; a continued paragraph shares its id */
            {"//p:TextRegion[@id='r3_1']/p:TextEquiv/p:Unicode", "街角会客厅里的民生温度。"},
            {"//p:TextRegion[@id='r3_2']/@custom",
             "structure {type:body;} paragraph {id:p2;} article {id:a1;}"},
            {"//p:TextRegion[@id='r4']/@custom",
             "structure {type:body;} paragraph {id:p2;} article {id:a1;}"},
            {"count(//p:TextRegion[@id='r3_1']/p:TextLine)", "2"},
            /* escaping: the text comes back as written; control characters become U+FFFD */
            {"//p:TextRegion[@id='r2']/p:TextLine/p:TextEquiv/p:Unicode",
             "标题 <b> & \"引号\" 'x'"},
            {"//p:TextRegion[@id='r1']/p:TextEquiv/p:Unicode",
             "第4版 \xef\xbf\xbd控制\xef\xbf\xbd字符"},
            /* figure, rule, noise */
            {"count(//p:ImageRegion)", "1"},
            {"count(//p:SeparatorRegion)", "1"},
            {"count(//p:NoiseRegion)", "1"},
            {"//p:ImageRegion/p:Coords/@points", "100,800 900,800 900,1280 100,1280"},
        };
        check_xpaths(doc, want, sizeof(want) / sizeof(want[0]));
        CHECK(strstr(xml, "lang=chi_sim; x=&quot;1&quot;") != NULL);
        xmlFreeDoc(doc);
    }
    free(xml);
}

static void test_alto(const nocr_page *page)
{
    xmlDocPtr doc = export_xml(nocr_export_alto, page, &info, "alto-4-3.xsd", NULL);
    if (doc) {
        static const xcheck want[] = {
            {"//a:MeasurementUnit", "pixel"},
            {"//a:sourceImageInformation/a:fileName", "page <1>.png"},
            {"//a:processingSoftware/a:softwareName", "newsocr"},
            {"//a:processingSoftware/a:softwareVersion", NOCR_VERSION},
            {"//a:processingStepSettings", "lang=chi_sim; lang=chi_sim; x=\"1\""},
            /* blocks in reading order, then the figure and the rule and the noise */
            {"//a:PrintSpace/*[1]/@ID", "r1"},
            {"//a:PrintSpace/*[2]/@ID", "r2"},
            {"//a:PrintSpace/*[3]/@ID", "r3_1"},
            {"//a:PrintSpace/*[6]/@ID", "r5"},
            {"//a:PrintSpace/*[8]/@ID", "r7"},
            {"count(//a:Illustration)", "1"},
            {"count(//a:GraphicalElement)", "2"},
            /* roles and articles as tags */
            {"//a:TextBlock[@ID='r2']/@TAGREFS", "TAG_headline TAG_a1"},
            {"//a:LayoutTag[@ID='TAG_headline']/@LABEL", "headline"},
            {"//a:StructureTag[@ID='TAG_a2']/@LABEL", "article a2"},
            {"//a:ReadingOrder/a:OrderedGroup/a:OrderedGroup[1]/a:ElementRef[1]/@REF", "r2"},
            /* CJK: one String for a run of Han characters, none split per character */
            {"count(//a:TextBlock[@ID='r3_1']/a:TextLine[1]/a:String)", "1"},
            {"//a:TextBlock[@ID='r3_1']/a:TextLine[1]/a:String/@CONTENT", "街角会客厅里的"},
            {"//a:TextBlock[@ID='r3_1']/a:TextLine[1]/a:String/@WC", "0.880"},
            {"//a:TextBlock[@ID='r3_1']/a:TextLine[1]/a:String/@WIDTH", "208"},
            /* with a Glyph per character, its own box */
            {"count(//a:TextBlock[@ID='r3_1']/a:TextLine[1]/a:String/a:Glyph)", "7"},
            {"//a:TextBlock[@ID='r3_1']/a:TextLine[1]/a:String/a:Glyph[2]/@CONTENT", "角"},
            {"//a:TextBlock[@ID='r3_1']/a:TextLine[1]/a:String/a:Glyph[2]/@HPOS", "130"},
            /* CJK next to a Latin word with a gap: three Strings with SP between */
            {"count(//a:TextBlock[@ID='r3_2']/a:TextLine[1]/a:String)", "3"},
            {"count(//a:TextBlock[@ID='r3_2']/a:TextLine[1]/a:SP)", "2"},
            {"//a:TextBlock[@ID='r3_2']/a:TextLine[1]/a:String[2]/@CONTENT", "Tesseract"},
            /* a line without words is one String holding its text */
            {"//a:TextBlock[@ID='r2']//a:String[1]/@CONTENT", "标题 <b> & \"引号\" 'x'"},
            /* the folio line's role has the one name of every export */
            {"//a:TextBlock[@ID='r1']/@TAGREFS", "TAG_folio"},
            {"//a:LayoutTag[@ID='TAG_folio']/@LABEL", "folio"},
        };
        check_xpaths(doc, want, sizeof(want) / sizeof(want[0]));
        xmlFreeDoc(doc);
    }
}

static void test_hocr(const nocr_page *page)
{
    xmlDocPtr doc = export_xml(nocr_export_hocr, page, &info, NULL, NULL);
    if (doc) {
        static const xcheck want[] = {
            {"count(//h:div[@class='ocr_page'])", "1"},
            {"count(//h:div[@class='ocr_carea'])", "7"},
            {"count(//h:p[@class='ocr_par'])", "8"},
            {"count(//h:span[@class='ocr_header'])", "2"},
            {"count(//h:span[@class='ocr_caption'])", "1"},
            {"count(//h:div[@class='ocr_photo'])", "1"},
            {"count(//h:div[@class='ocr_separator'])", "1"},
            {"count(//h:div[@class='ocr_noise'])", "1"},
            /* document order is reading order */
            {"(//h:div[@class='ocr_carea'])[1]/@id", "r1"},
            {"(//h:div[@class='ocr_carea'])[2]/@id", "r2"},
            {"(//h:div[@class='ocr_carea'])[6]/@id", "r6"},
            {"(//h:div[@class='ocr_carea'])[2]/@title",
             "bbox 100 200 1900 320; x_role headline; x_order 1; x_article a1"},
            /* a CJK line is one ocrx_word and its text has no space (tesseract#2702) */
            {"count(//h:span[@id='r3_1_l1']/h:span[@class='ocrx_word'])", "1"},
            {"//h:span[@id='r3_1_l1']", "街角会客厅里的"},
            {"//h:span[@id='r3_1_l1']/h:span/@title", "bbox 100 400 308 430; x_wconf 88"},
            {"//h:span[@id='r3_2_l1']", "使用 Tesseract 识别"},
            {"//h:span[@id='r2_l1']", "标题 <b> & \"引号\" 'x'"},
            {"//h:div[@class='ocr_page']/@title",
             "image \"page <1>.png\"; bbox 0 0 2000 3000; ppageno 0; scan_res 300 300"},
            {"(//h:div[@class='ocr_carea'])[1]/@title",
             "bbox 100 50 1900 90; x_role folio; x_order 0"},
        };
        check_xpaths(doc, want, sizeof(want) / sizeof(want[0]));
        xmlFreeDoc(doc);
    }
}

static void test_json(const nocr_page *page)
{
    char *text = NULL;
    CHECK_INT(nocr_export_json(&text, page, &info), NOCR_OK);
    check_json_schema(text);
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    CHECK(root != NULL);
    if (root) {
        CHECK_STR(json_string_value(json_object_get(root, "version")), NOCR_JSON_SCHEMA_VERSION);
        json_t *ro = json_object_get(root, "reading_order");
        CHECK_INT(json_array_size(ro), 7);
        CHECK_STR(json_string_value(json_array_get(ro, 0)), "r1");
        CHECK_STR(json_string_value(json_array_get(ro, 6)), "r7");
        json_t *regions = json_object_get(root, "regions");
        CHECK_INT(json_array_size(regions), 10);
        json_t *r1 = json_array_get(regions, 0), *r3 = json_array_get(regions, 2);
        CHECK_STR(json_string_value(json_object_get(r1, "role")), "folio");
        CHECK(json_is_null(json_object_get(r1, "article")));
        /* control characters survive in JSON, escaped by jansson */
        CHECK_STR(json_string_value(
                      json_object_get(json_array_get(json_object_get(r1, "lines"), 0), "text")),
                  "第4版 \x01控制\x1f字符");
        CHECK(strstr(text, "\\u0001") != NULL);
        CHECK_INT(json_array_size(json_object_get(r3, "paragraphs")), 2);
        CHECK_STR(json_string_value(json_object_get(
                      json_array_get(json_object_get(r3, "paragraphs"), 0), "text")),
                  "街角会客厅里的民生温度。");
        CHECK(json_is_true(json_object_get(json_array_get(regions, 3), "continues")));
        json_t *arts = json_object_get(root, "articles");
        CHECK_INT(json_array_size(arts), 2);
        CHECK_INT(json_array_size(json_object_get(json_array_get(arts, 0), "regions")), 4);
        CHECK(json_is_null(json_object_get(json_array_get(regions, 8), "order")));
        json_decref(root);
    }
    free(text);
}

static void test_empty_page(void)
{
    nocr_page *page = NULL;
    char *s = NULL;
    CHECK_INT(nocr_page_new(&page, 100, 50), NOCR_OK);
    xmlFreeDoc(export_xml(nocr_export_pagexml, page, NULL, "pagecontent.xsd", NULL));
    xmlFreeDoc(export_xml(nocr_export_alto, page, NULL, "alto-4-3.xsd", NULL));
    xmlFreeDoc(export_xml(nocr_export_hocr, page, NULL, NULL, NULL));
    CHECK_INT(nocr_export_json(&s, page, NULL), NOCR_OK);
    check_json_schema(s);
    free(s);
    CHECK_INT(nocr_export_json(NULL, page, NULL), NOCR_EINVAL);
    CHECK_INT(nocr_export_pagexml(&s, NULL, NULL), NOCR_EINVAL);
    nocr_page_free(page);
}

/* The page's language in every structured export: the one recognition chose (-l auto) over
 * the engine's string, in each format's vocabulary; none where the language is unknown
 * ("auto" alone); the XML valid either way. */
static void test_page_lang(void)
{
    static const nocr_export_info auto_info = {"p.png", "auto", NULL};
    for (int chosen = 0; chosen < 2; chosen++) {
        nocr_page *page = NULL;
        CHECK_INT(nocr_page_new(&page, 1000, 1000), NOCR_OK);
        nocr_region *r = add_region(page, NOCR_ROLE_BODY, 100, 100, 400, 300, 0, 0);
        add_line(r, "臺北市政府今日公布", 1);
        if (chosen)
            CHECK_INT(nocr_page_set_lang(page, "chi_tra"), NOCR_OK);
        char *text = NULL;
        CHECK_INT(nocr_export_json(&text, page, &auto_info), NOCR_OK);
        check_json_schema(text);
        json_t *root = text ? json_loads(text, 0, NULL) : NULL;
        json_t *lang = json_object_get(json_object_get(root, "page"), "lang");
        if (chosen)
            CHECK_STR(json_string_value(lang), "chi_tra");
        else
            CHECK(json_is_null(lang));
        json_decref(root);
        free(text);
        const char *none = "";
        const xcheck page_want[] = {
            {"/p:PcGts/p:Page/@primaryLanguage", chosen ? "Chinese" : none},
            {"/p:PcGts/p:Page/@primaryScript", chosen ? "Hant - Han (Traditional variant)" : none},
        };
        const xcheck alto_want[] = {{"//a:TextBlock/@LANG", chosen ? "zh-Hant" : none}};
        const xcheck hocr_want[] = {
            {"/h:html/@lang", chosen ? "zh-Hant" : none},
            {"//h:meta[@name='ocr-langs']/@content", chosen ? "zh" : none},
            {"//h:meta[@name='ocr-scripts']/@content", chosen ? "Hant" : none},
        };
        xmlDocPtr doc = export_xml(nocr_export_pagexml, page, &auto_info, "pagecontent.xsd", NULL);
        if (doc)
            check_xpaths(doc, page_want, 2);
        xmlFreeDoc(doc);
        doc = export_xml(nocr_export_alto, page, &auto_info, "alto-4-3.xsd", NULL);
        if (doc)
            check_xpaths(doc, alto_want, 1);
        xmlFreeDoc(doc);
        doc = export_xml(nocr_export_hocr, page, &auto_info, NULL, NULL);
        if (doc)
            check_xpaths(doc, hocr_want, 3);
        xmlFreeDoc(doc);
        nocr_page_free(page);
    }
}

/* One region per role, in reading order by role: every export names a role alike. */
static void test_role_names(void)
{
    nocr_page *page = NULL;
    CHECK_INT(nocr_page_new(&page, 1000, 2000), NOCR_OK);
    for (int role = 0; role < NOCR_ROLE_COUNT; role++) {
        nocr_region *r = add_region(page, (nocr_role)role, 10, 10 + 100 * role, 500, 50, role, -1);
        if (nocr_role_is_text((nocr_role)role))
            add_line(r, "文字", 1);
    }
    char *json = NULL;
    CHECK_INT(nocr_export_json(&json, page, NULL), NOCR_OK);
    check_json_schema(json);
    json_t *root = json ? json_loads(json, 0, NULL) : NULL;
    xmlDocPtr alto = export_xml(nocr_export_alto, page, NULL, NULL, NULL);
    xmlDocPtr pagexml = export_xml(nocr_export_pagexml, page, NULL, NULL, NULL);
    xmlDocPtr hocr = export_xml(nocr_export_hocr, page, NULL, NULL, NULL);
    CHECK(root && alto && pagexml && hocr);
    json_t *regions = json_object_get(root, "regions");
    for (size_t i = 0; alto && pagexml && hocr && i < json_array_size(regions); i++) {
        json_t *r = json_array_get(regions, i);
        const char *id = json_string_value(json_object_get(r, "id"));
        const char *name = json_string_value(json_object_get(r, "role"));
        char expr[200], want[120];
        CHECK(strcmp(name, "page-header") != 0);
        snprintf(expr, sizeof(expr), "//a:*[@ID='%s']/@TAGREFS", id);
        snprintf(want, sizeof(want), "TAG_%s", name);
        CHECK_XSTR(alto, expr, want);
        if (json_is_null(json_object_get(r, "order")))
            continue; /* figure and rule: no structure type, no x_role */
        snprintf(expr, sizeof(expr),
                 "substring-before(substring-after("
                 "//p:TextRegion[@id='%s']/@custom, 'structure {type:'), ';')",
                 id);
        CHECK_XSTR(pagexml, expr, name);
        snprintf(expr, sizeof(expr),
                 "substring-before(substring-after("
                 "//h:div[@id='%s']/@title, 'x_role '), ';')",
                 id);
        CHECK_XSTR(hocr, expr, name);
    }
    CHECK_XSTR(pagexml, "//p:TextRegion[@type='header']/@custom", "structure {type:folio;}");
    json_decref(root);
    free(json);
    xmlFreeDoc(alto);
    xmlFreeDoc(pagexml);
    xmlFreeDoc(hocr);
    nocr_page_free(page);
}

/* ALTO and PAGE group the reading order alike: an article met again after another gets a
 * group again, and both refer to the same paragraphs in the same order. */
static void test_reading_order_groups(void)
{
    nocr_page *page = NULL;
    CHECK_INT(nocr_page_new(&page, 1000, 1000), NOCR_OK);
    add_line(add_region(page, NOCR_ROLE_BODY, 10, 10, 300, 100, 0, 0), "甲。", 1);
    add_line(add_region(page, NOCR_ROLE_BODY, 10, 200, 300, 100, 1, 1), "乙。", 1);
    nocr_region *r = add_region(page, NOCR_ROLE_BODY, 10, 400, 300, 100, 2, 0);
    add_line(r, "丙。", 1);
    add_line(r, "丁。", 1);
    add_line(add_region(page, NOCR_ROLE_NOTE, 10, 900, 300, 50, 3, -1), "注", 1);
    xmlDocPtr alto = export_xml(nocr_export_alto, page, NULL, "alto-4-3.xsd", NULL);
    xmlDocPtr pagexml = export_xml(nocr_export_pagexml, page, NULL, "pagecontent.xsd", NULL);
    if (alto && pagexml) {
        CHECK_INT(xcount(pagexml, "//p:ReadingOrder/p:OrderedGroup/p:OrderedGroupIndexed"), 3);
        CHECK_XSTR(pagexml, "//p:OrderedGroupIndexed[3]/@id", "ro_a1_2");
        CHECK_XSTR(pagexml, "//p:OrderedGroup/p:RegionRefIndexed/@index", "3");
        CHECK_INT(xcount(alto, "//a:ReadingOrder/a:OrderedGroup/a:OrderedGroup"), 3);
        CHECK_XSTR(alto, "//a:ReadingOrder/a:OrderedGroup/a:OrderedGroup[3]/@ID", "ro_a1_3");
        static const char *const refs[] = {"r1", "r2", "r3_1", "r3_2", "r4"};
        for (int i = 0; i < 5; i++) {
            char expr[160];
            snprintf(expr, sizeof(expr), "(//p:ReadingOrder//p:RegionRefIndexed)[%d]/@regionRef",
                     i + 1);
            CHECK_XSTR(pagexml, expr, refs[i]);
            snprintf(expr, sizeof(expr), "(//a:ReadingOrder//a:ElementRef)[%d]/@REF", i + 1);
            CHECK_XSTR(alto, expr, refs[i]);
        }
    }
    xmlFreeDoc(alto);
    xmlFreeDoc(pagexml);
    nocr_page_free(page);
}

/* The txt follows the reading order (nocr_export_sequence) like every export, whether or
 * not the page's regions are sorted by it. */
static void test_txt_unsorted(void)
{
    nocr_page *page = NULL;
    char *before = NULL, *after = NULL;
    CHECK_INT(nocr_page_new(&page, 1000, 1000), NOCR_OK);
    add_line(add_region(page, NOCR_ROLE_BODY, 10, 400, 300, 100, 2, 0), "丙。", 1);
    add_line(add_region(page, NOCR_ROLE_HEADLINE, 10, 10, 300, 100, 0, 0), "甲", 1);
    add_line(add_region(page, NOCR_ROLE_FIGURE, 10, 600, 300, 100, 3, 0), "图", 1);
    add_line(add_region(page, NOCR_ROLE_BODY, 10, 200, 300, 100, 1, 0), "乙", 1);
    CHECK_INT(nocr_export_txt(&before, page), NOCR_OK);
    nocr_page_sort_by_order(page);
    CHECK_INT(nocr_export_txt(&after, page), NOCR_OK);
    CHECK_STR(before, "甲\n乙\n丙。\n");
    CHECK_STR(after, before);
    free(before);
    free(after);
    nocr_page_free(page);
}

static void test_overlay(void)
{
    nocr_image *img = NULL;
    CHECK_INT(nocr_image_load(&img, sample_image, 0, NULL), NOCR_OK);
    if (!img)
        return;
    nocr_page *page = NULL;
    int w = nocr_image_width(img), h = nocr_image_height(img);
    CHECK_INT(nocr_page_new(&page, w, h), NOCR_OK);
    add_region(page, NOCR_ROLE_HEADLINE, w / 10, h / 10, w / 2, h / 20, 0, 0);
    add_region(page, NOCR_ROLE_BODY, w / 10, h / 4, w / 3, h / 2, 1, 0);
    add_region(page, NOCR_ROLE_CAPTION, w / 2, h / 4, w / 3, h / 20, 2, 0);
    add_region(page, NOCR_ROLE_FIGURE, w / 2, h / 2, w / 3, h / 4, -1, -1);
    unsigned char *png = NULL;
    size_t size = 0;
    CHECK_INT(nocr_export_overlay(&png, &size, page, img), NOCR_OK);
    CHECK(png && size > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
    CHECK(size < 2000000);
    /* the PNG decodes to a page at most 1600 px wide */
    nocr_image *back = NULL;
    CHECK_INT(nocr_image_load_mem(&back, png, size, "overlay.png", 0, NULL), NOCR_OK);
    if (back)
        CHECK(nocr_image_width(back) <= 1600 && nocr_image_width(back) > 0);
    nocr_image_free(back);
    free(png);
    CHECK_INT(nocr_export_overlay(&png, &size, page, NULL), NOCR_EINVAL);
    nocr_page_free(page);
    nocr_image_free(img);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: test_export SCHEMA_JSON SAMPLE_IMAGE SCHEMAS_DIR\n");
        return 2;
    }
    schema_json_path = argv[1];
    sample_image = argv[2];
    schemas_dir = argv[3];
    struct stat st;
    have_schemas = stat(schemas_dir, &st) == 0 && S_ISDIR(st.st_mode);
    if (!have_schemas)
        printf("NOTE: %s absent: PAGE and ALTO schema validation skipped here "
               "(export_schemas checks the samples' outputs in CI)\n",
               schemas_dir);
    nocr_page *page = make_page();
    test_txt_reference(page);
    test_pagexml(page);
    test_alto(page);
    test_hocr(page);
    test_json(page);
    nocr_page_free(page);
    test_empty_page();
    test_page_lang();
    test_role_names();
    test_reading_order_groups();
    test_txt_unsorted();
    test_overlay();
    xmlCleanupParser();
    return CHECK_DONE();
}
