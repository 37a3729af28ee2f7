/*
 * fuzz_reconstruct.c - libFuzzer harness: nocr_reconstruct on page models built from the
 * fuzz bytes, then every text export of the result.
 *
 * Input format (fuzz_reader: little-endian, 0 past the end; make_seeds.c writes it):
 *   page   u16 width-1, u16 height-1, u8 flags (1: body height u8+1 follows; 2: skew
 *          int8/10 degrees follows), then regions until the input ends (at most
 *          FUZZ_MAX_REGIONS)
 *   region u8 role (mod NOCR_ROLE_COUNT), u16 x, y, w, h, u8 bits (bit 0 vertical, bits 1-5
 *          line count), then its lines
 *   line   int8 dx, u8 dy, u16 w, u8 h: box (x+dx, y+2*dy, w, h); u8 confidence (0..100, 255:
 *          unknown -1, else mod 101); u8 text: below 0x80 one of TEXTS (mod its count),
 *          0xff no text (NULL), else the next (t & 0x3f) raw bytes of the input
 * Coordinates stay below 2^17, so no sum of them overflows an int: the harness fuzzes
 * layouts, not integer limits (huge boxes are a separate question, see README.md).
 *
 * Properties after nocr_reconstruct (newsocr.h; the reading-order contract):
 *   - it returns 0, or NOCR_ENOMEM with a message; the page keeps every region it had,
 *     once; a heading cut where a byline starts in it gives its byline's lines to regions
 *     of their own, added to the page (order/split.c); no line is doubled (the count of
 *     lines never grows: lines can be dropped, not copied);
 *   - regions are sorted by order: orders 0..k-1 first, then -1;
 *   - a region is in the order (order >= 0) exactly when it is a text region with lines
 *     and a role other than unknown: text is left out only by marking it unknown;
 *   - a region out of the order has article -1; in the order, article -1 is the folio
 *     (page header, before every article) and page notes (after every article); the
 *     other regions' articles run 0, 1, 2... in reading order, each article contiguous;
 *   - continues only on a body region after the first, whose first line starts no
 *     paragraph; the first line of every other region in the order starts one;
 *   - the same input gives the same result (no uninitialised state);
 *   - txt, JSON, hOCR, ALTO and PAGE exports succeed; JSON parses (jansson), the XML
 *     exports are well-formed (libxml2).
 */
#include "fuzz.h"
#include "newsocr.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <string.h>

#define FUZZ_MAX_REGIONS 64
#define FUZZ_MAX_TEXT    64

/* Texts that the reconstructor's rules look for (bylines, notes, folios) and ordinary
 * CJK and Latin text; make_seeds.c uses the same indices. */
static const char *const TEXTS[] = {
    "",
    "国务院常务会议部署稳经济一揽子政策措施",
    "本报记者 张三",
    "记者 李四 通讯员 王五",
    "新华社北京3月15日电",
    "（本版图片均为资料图）",
    "(photos: archive)",
    "第3版",
    "2024年3月15日 星期五",
    "要闻",
    "　　会议指出，当前经济运行总体平稳，但也面临一些新的困难和挑战，要",
    "加大宏观政策调节力度，",
    "The committee met on Friday to discuss inter-",
    "national trade, 1,000 tons and 3.5 percent.",
    "图/赵六",
    "文/钱七",
    "。",
    "a",
    "年月日第版",
    "这是一个很长的段落，其中包含超过四十个汉字，用来检验字数限制的规则是否正确地执行了。",
    "\xe4\xb8",
    "图为会议现场。",
};
#define NTEXTS (sizeof(TEXTS) / sizeof(TEXTS[0]))

/* Builds the page the input describes; NULL when the page size is refused. */
static nocr_page *page_build(const uint8_t *data, size_t size)
{
    fuzz_reader in = {data, size, 0};
    int w = (int)fuzz_u16(&in) + 1, h = (int)fuzz_u16(&in) + 1;
    unsigned flags = fuzz_u8(&in);
    nocr_page *page = NULL;
    if (nocr_page_new(&page, w, h) != NOCR_OK)
        return NULL;
    if (flags & 1)
        nocr_page_set_body_height(page, (int)fuzz_u8(&in) + 1);
    if (flags & 2)
        nocr_page_set_skew(page, (int8_t)fuzz_u8(&in) / 10.0, 0.5);
    char raw[FUZZ_MAX_TEXT + 1];
    for (int n = 0; n < FUZZ_MAX_REGIONS && fuzz_left(&in) > 0; n++) {
        nocr_role role = (nocr_role)(fuzz_u8(&in) % NOCR_ROLE_COUNT);
        nocr_box rb;
        rb.x = (int)fuzz_u16(&in);
        rb.y = (int)fuzz_u16(&in);
        rb.w = (int)fuzz_u16(&in);
        rb.h = (int)fuzz_u16(&in);
        unsigned bits = fuzz_u8(&in);
        nocr_region *r = NULL;
        FUZZ_CHECK(nocr_page_add_region(&r, page, role, rb) == NOCR_OK);
        nocr_region_set_direction(r, bits & 1 ? NOCR_DIR_VERTICAL : NOCR_DIR_HORIZONTAL);
        unsigned nlines = (bits >> 1) & 0x1f;
        for (unsigned k = 0; k < nlines; k++) {
            nocr_box lb;
            lb.x = rb.x + (int8_t)fuzz_u8(&in);
            lb.y = rb.y + 2 * (int)fuzz_u8(&in);
            lb.w = (int)fuzz_u16(&in);
            lb.h = (int)fuzz_u8(&in);
            unsigned c = fuzz_u8(&in), t = fuzz_u8(&in);
            float conf = c == 255 ? -1.0f : (float)(c % 101);
            const char *text;
            if (t < 0x80) {
                text = TEXTS[t % NTEXTS];
            } else if (t == 0xff) {
                text = NULL;
            } else {
                size_t len = t & 0x3f;
                if (len > fuzz_left(&in))
                    len = fuzz_left(&in);
                memcpy(raw, in.data + in.pos, len);
                in.pos += len;
                raw[len] = '\0'; /* an embedded NUL just ends the text earlier */
                text = raw;
            }
            FUZZ_CHECK(nocr_region_add_line(NULL, r, lb, text, conf) == NOCR_OK);
        }
    }
    return page;
}

/* The number of lines of all the page's regions. */
static size_t page_lines(const nocr_page *page)
{
    size_t lines = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++)
        lines += nocr_region_line_count(nocr_page_region(page, i));
    return lines;
}

static int in_order(const nocr_region *r)
{
    nocr_role role = nocr_region_role(r);
    return nocr_role_is_text(role) && role != NOCR_ROLE_UNKNOWN && nocr_region_line_count(r) > 0;
}

static void check_order(const nocr_page *page)
{
    size_t n = nocr_page_region_count(page), k = 0;
    while (k < n && nocr_region_order(nocr_page_region(page, k)) >= 0)
        k++;
    int article = -1, seen_article = 0, seen_note = 0;
    for (size_t i = 0; i < n; i++) {
        const nocr_region *r = nocr_page_region(page, i);
        int order = nocr_region_order(r), art = nocr_region_article(r);
        nocr_role role = nocr_region_role(r);
        FUZZ_CHECK(order == (i < k ? (int)i : -1));
        FUZZ_CHECK(in_order(r) == (order >= 0));
        FUZZ_CHECK(art >= -1);
        if (order < 0) {
            FUZZ_CHECK(art == -1);
            FUZZ_CHECK(!nocr_region_continues(r));
            continue;
        }
        if (art == -1) {
            FUZZ_CHECK(role == NOCR_ROLE_PAGE_HEADER || role == NOCR_ROLE_NOTE);
            if (role == NOCR_ROLE_PAGE_HEADER)
                FUZZ_CHECK(!seen_article && !seen_note);
            else
                seen_note = 1;
        } else {
            FUZZ_CHECK(!seen_note);
            FUZZ_CHECK(art == article || art == article + 1);
            article = art;
            seen_article = 1;
        }
        const nocr_line *first = nocr_region_line(r, 0);
        if (nocr_region_continues(r)) {
            FUZZ_CHECK(order > 0 && role == NOCR_ROLE_BODY);
            FUZZ_CHECK(!nocr_line_starts_paragraph(first));
        } else {
            FUZZ_CHECK(nocr_line_starts_paragraph(first));
        }
    }
}

/* The two pages have the same regions in the same order with the same results. */
static void check_same(const nocr_page *a, const nocr_page *b)
{
    size_t n = nocr_page_region_count(a);
    FUZZ_CHECK(n == nocr_page_region_count(b));
    for (size_t i = 0; i < n; i++) {
        const nocr_region *ra = nocr_page_region(a, i), *rb = nocr_page_region(b, i);
        nocr_box ba = nocr_region_box(ra), bb = nocr_region_box(rb);
        FUZZ_CHECK(memcmp(&ba, &bb, sizeof(ba)) == 0);
        FUZZ_CHECK(nocr_region_role(ra) == nocr_region_role(rb));
        FUZZ_CHECK(nocr_region_order(ra) == nocr_region_order(rb));
        FUZZ_CHECK(nocr_region_article(ra) == nocr_region_article(rb));
        FUZZ_CHECK(nocr_region_continues(ra) == nocr_region_continues(rb));
        FUZZ_CHECK(nocr_region_line_count(ra) == nocr_region_line_count(rb));
        for (size_t k = 0; k < nocr_region_line_count(ra); k++)
            FUZZ_CHECK(nocr_line_starts_paragraph(nocr_region_line(ra, k)) ==
                       nocr_line_starts_paragraph(nocr_region_line(rb, k)));
    }
    FUZZ_CHECK(nocr_page_warning_count(a) == nocr_page_warning_count(b));
}

static void check_exports(const nocr_page *page)
{
    nocr_export_info info = NOCR_EXPORT_INFO_INIT;
    info.image_name = "fuzz.png";
    char *out = NULL;
    int rc = nocr_export_txt(&out, page);
    FUZZ_CHECK(rc == NOCR_OK || (rc == NOCR_ENOMEM && out == NULL));
    free(out);

    out = NULL;
    rc = nocr_export_json(&out, page, &info);
    FUZZ_CHECK(rc == NOCR_OK || (rc == NOCR_ENOMEM && out == NULL));
    if (out) {
        json_error_t jerr;
        json_t *doc = json_loads(out, 0, &jerr);
        if (!doc)
            fprintf(stderr, "JSON export: line %d: %s\n", jerr.line, jerr.text);
        FUZZ_CHECK(doc != NULL);
        json_decref(doc);
        free(out);
    }

    int (*const xml_exports[])(char **, const nocr_page *, const nocr_export_info *) = {
        nocr_export_hocr, nocr_export_alto, nocr_export_pagexml};
    for (size_t i = 0; i < sizeof(xml_exports) / sizeof(xml_exports[0]); i++) {
        out = NULL;
        rc = xml_exports[i](&out, page, &info);
        FUZZ_CHECK(rc == NOCR_OK || (rc == NOCR_ENOMEM && out == NULL));
        if (!out)
            continue;
        xmlDocPtr doc = xmlReadMemory(out, (int)strlen(out), "export.xml", NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (!doc)
            fprintf(stderr, "XML export %zu is not well-formed\n", i);
        FUZZ_CHECK(doc != NULL);
        xmlFreeDoc(doc);
        free(out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nocr_page *page = page_build(data, size), *again = page_build(data, size);
    FUZZ_CHECK((page == NULL) == (again == NULL));
    if (!page)
        return 0;
    size_t n = nocr_page_region_count(page), lines = page_lines(page);
    nocr_region **before = malloc((n ? n : 1) * sizeof(*before));
    FUZZ_CHECK(before != NULL);
    for (size_t i = 0; i < n; i++)
        before[i] = nocr_page_region(page, i);

    int rc = nocr_reconstruct(page);
    FUZZ_CHECK(rc == NOCR_OK || rc == NOCR_ENOMEM);
    if (rc == NOCR_OK) {
        size_t m = nocr_page_region_count(page);
        FUZZ_CHECK(m >= n && page_lines(page) <= lines);
        for (size_t i = 0; i < n; i++) { /* every region before, once, and the pieces */
            size_t hits = 0;
            for (size_t j = 0; j < m; j++)
                hits += nocr_page_region(page, j) == before[i];
            FUZZ_CHECK(hits == 1);
        }
        check_order(page);
        FUZZ_CHECK(nocr_reconstruct(again) == NOCR_OK);
        check_same(page, again);
        check_exports(page);
    } else {
        FUZZ_CHECK(nocr_error_last()[0] != '\0');
    }
    free(before);
    nocr_page_free(page);
    nocr_page_free(again);
    return 0;
}
