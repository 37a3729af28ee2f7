/*
 * test_eval_pagexml.c: the PAGE XML ground-truth reader on hand-written
 * files in data/ (path given as argv[1]) and on strings.
 *
 *   test_article2019()   newsocr convention: ReadingOrder, @custom, lines
 *   test_legacy2013()    2013 namespace, no ReadingOrder, no @custom, nesting
 *   test_order2017()     indexed / unordered groups, dangling references
 *   test_errors()        missing file, malformed XML, not PAGE
 *   test_output_txt()    the txt output reader
 *   test_dtd()           DOCTYPEs and entities refused (issue 14, finding 2)
 *   test_many_refs()     reading order by sorted ids (issue 14, finding 4)
 *   test_limits()        file, node and text caps of the PAGE and JSON readers
 */
#include "check.h"
#include "eval.h"

#include <stdlib.h>
#include <string.h>

static char data_dir[1024];

static neval_gt_page *load(const char *name)
{
    char path[1200];
    neval_gt_page *gt = NULL;

    snprintf(path, sizeof(path), "%s/%s", data_dir, name);
    if (neval_gt_load(&gt, path) != NEVAL_OK)
        fprintf(stderr, "%s\n", neval_error_message());
    CHECK(gt != NULL);
    return gt;
}

static void expect_region(const neval_gt_region *r, const char *id, const char *text,
                          neval_role role, const char *pid, size_t n_lines)
{
    if (strcmp(r->id, id) != 0)
        fprintf(stderr, "region %s, expected %s\n", r->id, id);
    CHECK(!strcmp(r->id, id));
    if (strcmp(r->text, text) != 0)
        fprintf(stderr, "region %s text \"%s\"\n", r->id, r->text);
    CHECK(!strcmp(r->text, text));
    CHECK_INT(r->role, role);
    if (pid)
        CHECK(r->paragraph_id && !strcmp(r->paragraph_id, pid));
    else
        CHECK(r->paragraph_id == NULL);
    CHECK_INT(r->n_lines, n_lines);
}

static void test_article2019(void)
{
    neval_gt_page *gt = load("article2019.page.xml");

    CHECK_INT(gt->n_regions, 6);
    expect_region(&gt->regions[0], "r0", "第3版", NEVAL_ROLE_OTHER, NULL, 1);
    expect_region(&gt->regions[1], "r1", "街角会客厅里的民生温度", NEVAL_ROLE_HEADING, NULL, 1);
    expect_region(&gt->regions[2], "r2", "深冬时节，社区党群服务中心内暖意融融。居民",
                  NEVAL_ROLE_BODY, "p1", 2);
    expect_region(&gt->regions[3], "r4", "李阿姨坐在桌前和工作人员唠着家常。", NEVAL_ROLE_BODY,
                  "p1", 1);
    expect_region(&gt->regions[4], "r5", "这样的转变正在我市各个社区悄然发生。", NEVAL_ROLE_BODY,
                  "p2", 2);
    expect_region(&gt->regions[5], "r3", "社区邻里节现场", NEVAL_ROLE_CAPTION, NULL, 1);
    neval_gt_free(gt);
}

static void test_legacy2013(void)
{
    neval_gt_page *gt = load("legacy2013.page.xml");

    CHECK_INT(gt->n_regions, 5);
    expect_region(&gt->regions[0], "t1", "Heading text", NEVAL_ROLE_HEADING, NULL, 0);
    /* blank region TextEquiv -> lines; a line without TextEquiv -> its words */
    expect_region(&gt->regions[1], "t2", "first line\nsecond line", NEVAL_ROLE_BODY, NULL, 2);
    expect_region(&gt->regions[2], "t3", "A caption", NEVAL_ROLE_CAPTION, NULL, 0);
    expect_region(&gt->regions[3], "t4a", "nested one", NEVAL_ROLE_BODY, NULL, 0);
    expect_region(&gt->regions[4], "t4b", "7", NEVAL_ROLE_OTHER, NULL, 0);
    neval_gt_free(gt);
}

static void test_order2017(void)
{
    neval_gt_page *gt = load("order2017.page.xml");

    CHECK_INT(gt->n_regions, 4);
    expect_region(&gt->regions[0], "b", "region b", NEVAL_ROLE_BODY, "p 9", 0);
    expect_region(&gt->regions[1], "c", "region c", NEVAL_ROLE_HEADING, NULL, 0);
    expect_region(&gt->regions[2], "d", "region d", NEVAL_ROLE_OTHER, NULL, 0);
    expect_region(&gt->regions[3], "a", "region a", NEVAL_ROLE_CAPTION, NULL, 0);
    neval_gt_free(gt);
}

static void expect_parse_error(const char *xml, int code, const char *needle)
{
    neval_gt_page *gt = (neval_gt_page *)1;

    CHECK_INT(neval_gt_parse(&gt, xml, strlen(xml), "mem.xml"), code);
    CHECK(gt == NULL);
    if (!strstr(neval_error_message(), needle))
        fprintf(stderr, "message: %s\n", neval_error_message());
    CHECK(strstr(neval_error_message(), needle) != NULL);
}

static void test_errors(void)
{
    char path[1200];
    neval_gt_page *gt = NULL;

    snprintf(path, sizeof(path), "%s/%s", data_dir, "no-such-file.page.xml");
    CHECK_INT(neval_gt_load(&gt, path), NEVAL_ERR_IO);
    CHECK(gt == NULL);
    CHECK(strstr(neval_error_message(), "no-such-file.page.xml: cannot open") != NULL);

    snprintf(path, sizeof(path), "%s/%s", data_dir, "malformed.page.xml");
    CHECK_INT(neval_gt_load(&gt, path), NEVAL_ERR_PARSE);
    CHECK(strstr(neval_error_message(), "malformed.page.xml: line ") != NULL);

    snprintf(path, sizeof(path), "%s/%s", data_dir, "not-page.xml");
    CHECK_INT(neval_gt_load(&gt, path), NEVAL_ERR_INVALID);
    CHECK(strstr(neval_error_message(), "root element is alto") != NULL);

    expect_parse_error("", NEVAL_ERR_PARSE, "mem.xml: line");
    expect_parse_error("<PcGts><Pag", NEVAL_ERR_PARSE, "not well-formed");
    expect_parse_error("<PcGts/>", NEVAL_ERR_INVALID, "no Page element");

    /* Minimal valid cases from strings: no namespace, empty page, odd @custom. */
    CHECK_INT(neval_gt_parse(&gt, "<PcGts><Page/></PcGts>", 22, NULL), NEVAL_OK);
    CHECK_INT(gt->n_regions, 0);
    neval_gt_free(gt);
    {
        const char *xml = "<PcGts><Page><TextRegion id='x' custom='structure {type:'>"
                          "<TextEquiv><Unicode>t</Unicode></TextEquiv></TextRegion>"
                          "</Page></PcGts>";

        CHECK_INT(neval_gt_parse(&gt, xml, strlen(xml), NULL), NEVAL_OK);
        CHECK_INT(gt->n_regions, 1);
        CHECK_INT(gt->regions[0].role, NEVAL_ROLE_BODY);
        CHECK(!strcmp(gt->regions[0].text, "t"));
        neval_gt_free(gt);
    }
    {
        /* Prefixed PAGE namespace: elements are matched on local names. */
        const char *xml =
            "<pc:PcGts xmlns:pc='http://schema.primaresearch.org/PAGE/gts/pagecontent/"
            "2019-07-15'><pc:Page><pc:TextRegion id='r' type='caption'><pc:TextEquiv>"
            "<pc:Unicode>x y</pc:Unicode></pc:TextEquiv></pc:TextRegion></pc:Page></pc:PcGts>";

        CHECK_INT(neval_gt_parse(&gt, xml, strlen(xml), NULL), NEVAL_OK);
        CHECK_INT(gt->n_regions, 1);
        expect_region(&gt->regions[0], "r", "x y", NEVAL_ROLE_CAPTION, NULL, 0);
        neval_gt_free(gt);
    }
    neval_gt_free(NULL);
}

static void test_output_txt(void)
{
    neval_output *o = NULL;
    char path[1200];
    const char *txt = "\xEF\xBB\xBF"
                      "ab\r\n\ncd";

    CHECK_INT(neval_output_from_txt(&o, txt, strlen(txt), "t.txt"), NEVAL_OK);
    CHECK_INT(o->n_lines, 3);
    CHECK_INT(o->len, 6);
    CHECK(!strcmp(o->text, "ab\n\ncd"));
    CHECK_INT(o->line_offset[1], 3);
    CHECK_INT(o->line_offset[2], 4);
    CHECK_INT(o->line_offset[3], 6);
    neval_output_free(o);

    CHECK_INT(neval_output_from_txt(&o, "", 0, "e.txt"), NEVAL_OK);
    CHECK_INT(o->n_lines, 0);
    neval_output_free(o);

    CHECK_INT(neval_output_from_txt(&o, "a\xC3", 2, "bad.txt"), NEVAL_ERR_PARSE);
    CHECK(o == NULL);
    CHECK(strstr(neval_error_message(), "bad.txt: not valid UTF-8 at byte 1") != NULL);

    CHECK_INT(neval_output_load(&o, "no-such-page.json"), NEVAL_ERR_IO);
    CHECK(o == NULL);

    /* newsocr's JSON export reads as the txt it stands for: regions sorted by "order",
     * a continuing region joined to the line before, a blank line between articles,
     * regions without order (figures, noise) left out. */
    {
        char *want = NULL;
        size_t want_len = 0;
        snprintf(path, sizeof(path), "%s/%s", data_dir, "article-good.txt");
        CHECK_INT(neval_file_read(&want, &want_len, path), NEVAL_OK);
        snprintf(path, sizeof(path), "%s/%s", data_dir, "article-good.json");
        CHECK_INT(neval_output_load(&o, path), NEVAL_OK);
        if (o && want) {
            CHECK_INT(o->n_lines, 6);
            CHECK(!strcmp(o->text, want));
        }
        neval_output_free(o);
        free(want);
    }
    snprintf(path, sizeof(path), "%s/%s", data_dir, "malformed.json");
    CHECK_INT(neval_output_load(&o, path), NEVAL_ERR_PARSE);
    CHECK(strstr(neval_error_message(), "malformed.json: line 3") != NULL);
    snprintf(path, sizeof(path), "%s/%s", data_dir, "not-newsocr.json");
    CHECK_INT(neval_output_load(&o, path), NEVAL_ERR_INVALID);
    CHECK(strstr(neval_error_message(), "not a newsocr JSON page") != NULL);
    snprintf(path, sizeof(path), "%s/%s", data_dir, "version2.json");
    CHECK_INT(neval_output_load(&o, path), NEVAL_ERR_UNSUPPORTED);
    CHECK(strstr(neval_error_message(), "version 2.0 is not supported") != NULL);

    snprintf(path, sizeof(path), "%s/%s", data_dir, "article-good.txt");
    CHECK_INT(neval_output_load(&o, path), NEVAL_OK);
    CHECK_INT(o->n_lines, 6);
    neval_output_free(o);
    neval_output_free(NULL);
}

/*
 * A DOCTYPE is refused before any entity is declared or expanded: a 400 KB file of
 * references to one 100,000-character entity grew to 18.6 GiB.  Predefined entities
 * and character references are plain XML and still read.
 */
static void test_dtd(void)
{
    static const char *const refused[] = {
        "<!DOCTYPE PcGts [<!ENTITY e 'x'>]><PcGts><Page><TextRegion id='r'><TextEquiv>"
        "<Unicode>&e;&e;</Unicode></TextEquiv></TextRegion></Page></PcGts>",
        /* references inside an attribute, expanded by the parser itself */
        "<!DOCTYPE PcGts [<!ENTITY e 'xxxxxxxx'>]><PcGts><Page><TextRegion id='&e;&e;&e;'/>"
        "</Page></PcGts>",
        /* an external DTD is neither loaded nor accepted */
        "<!DOCTYPE PcGts SYSTEM 'http://example.com/page.dtd'><PcGts><Page/></PcGts>",
        "<?xml version='1.0'?>\n<!DOCTYPE PcGts><PcGts><Page/></PcGts>",
    };
    neval_gt_page *gt = NULL;
    size_t i;

    for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        CHECK_INT(neval_gt_parse(&gt, refused[i], strlen(refused[i]), "dtd.xml"),
                  NEVAL_ERR_INVALID);
        CHECK(gt == NULL);
        CHECK(!strcmp(neval_error_message(),
                      "dtd.xml: has a DOCTYPE: DTDs and entities are not accepted"));
    }
    /* An entity never declared is not well-formed XML. */
    expect_parse_error("<PcGts><Page><TextRegion id='&e;'/></Page></PcGts>", NEVAL_ERR_PARSE,
                       "not well-formed XML: Entity 'e' not defined");
    {
        const char *xml = "<PcGts><Page><TextRegion id='a&amp;b'><TextEquiv><Unicode>"
                          "&lt;&#x4E2D;&#22269;&gt;</Unicode></TextEquiv></TextRegion>"
                          "</Page></PcGts>";

        CHECK_INT(neval_gt_parse(&gt, xml, strlen(xml), NULL), NEVAL_OK);
        if (gt && gt->n_regions == 1)
            expect_region(&gt->regions[0], "a&b", "<中国>", NEVAL_ROLE_BODY, NULL, 0);
        neval_gt_free(gt);
    }
}

/* A growing string for building test documents. */
typedef struct {
    char *s;
    size_t len, cap;
} sbuf;

static void sbuf_add(sbuf *b, const char *s)
{
    size_t n = strlen(s);

    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            abort();
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

/*
 * 60,000 dangling references around a few real ones (57 s with the linear search):
 * the order of the real ones is kept, a repeated id is taken once per reference in
 * document order, and regions left out of the order follow in document order.
 */
static void test_many_refs(void)
{
    sbuf b = {NULL, 0, 0};
    neval_gt_page *gt = NULL;
    char item[128];
    int i;

    sbuf_add(&b, "<PcGts><Page><ReadingOrder><OrderedGroup id='g'>");
    for (i = 0; i < 60000; i++) {
        const char *ref = i == 100     ? "c"
                          : i == 30000 ? "dup"
                          : i == 40000 ? "dup"
                          : i == 59999 ? "a"
                                       : NULL;

        if (ref)
            snprintf(item, sizeof(item), "<RegionRefIndexed index='%d' regionRef='%s'/>", i, ref);
        else
            snprintf(item, sizeof(item), "<RegionRefIndexed index='%d' regionRef='x%d'/>", i, i);
        sbuf_add(&b, item);
    }
    sbuf_add(&b, "</OrderedGroup></ReadingOrder>");
    for (i = 0; i < 6; i++) {
        static const char *const ids[] = {"a", "dup", "b", "c", "dup", "dup"};

        snprintf(item, sizeof(item),
                 "<TextRegion id='%s'><TextEquiv><Unicode>t%d</Unicode></TextEquiv>"
                 "</TextRegion>",
                 ids[i], i);
        sbuf_add(&b, item);
    }
    sbuf_add(&b, "</Page></PcGts>");
    CHECK_INT(neval_gt_parse(&gt, b.s, b.len, "refs.xml"), NEVAL_OK);
    if (gt) {
        static const char *const want[] = {"t3", "t1", "t4", "t0", "t2", "t5"};

        CHECK_INT(gt->n_regions, 6);
        for (i = 0; i < 6 && (size_t)i < gt->n_regions; i++)
            CHECK(!strcmp(gt->regions[i].text, want[i]));
    }
    neval_gt_free(gt);
    free(b.s);
}

/* Each cap refuses with NEVAL_ERR_LIMIT and a message naming the file and the limit. */
static void expect_limit(int rc, const char *message)
{
    CHECK_INT(rc, NEVAL_ERR_LIMIT);
    if (strcmp(neval_error_message(), message) != 0)
        fprintf(stderr, "message: %s\n", neval_error_message());
    CHECK(!strcmp(neval_error_message(), message));
}

static void test_limits(void)
{
    const neval_limits small = {1000, 20, 50}, *now = neval_limits_get();
    const char *page = "<PcGts><Page><TextRegion id='r'><TextEquiv><Unicode>"
                       "0123456789012345678901234567890123456789012345678901234567890"
                       "</Unicode></TextEquiv></TextRegion></Page></PcGts>";
    neval_gt_page *gt = NULL;
    neval_output *o = NULL;
    char path[1200], *buf = NULL;
    size_t len = 0;
    sbuf b = {NULL, 0, 0};
    int i;

    CHECK(now->file_max == NEVAL_FILE_MAX && now->nodes_max == NEVAL_NODES_MAX &&
          now->text_max == NEVAL_TEXT_BYTES_MAX);
    neval_limits_set(&small);
    CHECK(now->file_max == 1000 && now->nodes_max == 20 && now->text_max == 50);

    /* File size: article2019.page.xml is larger than 1000 bytes. */
    snprintf(path, sizeof(path), "%s/%s", data_dir, "article2019.page.xml");
    CHECK_INT(neval_file_read(&buf, &len, path), NEVAL_ERR_LIMIT);
    CHECK(buf == NULL && strstr(neval_error_message(), "larger than 1000 bytes") != NULL);
    for (i = 0; i < 120; i++)
        sbuf_add(&b, "<!-- ---- -->");
    expect_limit(neval_gt_parse(&gt, b.s, b.len, "big.xml"), "big.xml: larger than 1000 bytes");

    /* Elements: 21 is one too many; 20 are read. */
    b.len = 0;
    sbuf_add(&b, "<PcGts><Page>");
    for (i = 0; i < 18; i++)
        sbuf_add(&b, "<X/>");
    sbuf_add(&b, "</Page></PcGts>");
    CHECK_INT(neval_gt_parse(&gt, b.s, b.len, "nodes.xml"), NEVAL_OK);
    neval_gt_free(gt);
    b.len -= strlen("</Page></PcGts>");
    sbuf_add(&b, "<X/></Page></PcGts>");
    expect_limit(neval_gt_parse(&gt, b.s, b.len, "nodes.xml"),
                 "nodes.xml: more than 20 XML elements");
    CHECK(gt == NULL);

    /* Text: 61 bytes in one region, 50 allowed. */
    expect_limit(neval_gt_parse(&gt, page, strlen(page), "text.xml"),
                 "text.xml: more than 50 bytes of text");
    CHECK(gt == NULL);
    expect_limit(neval_output_from_txt(&o, page + 52, 61, "text.txt"),
                 "text.txt: more than 50 bytes of text");
    CHECK(o == NULL);

    /* JSON values: data/values.json has 22 (an object and an array of 21 numbers);
     * the file is refused before jansson builds them. */
    snprintf(path, sizeof(path), "%s/values.json", data_dir);
    {
        char want[1300];

        snprintf(want, sizeof(want), "%s: more than 20 JSON values", path);
        expect_limit(neval_output_load(&o, path), want);
        CHECK(o == NULL);
    }

    neval_limits_set(NULL);
    CHECK(now->file_max == NEVAL_FILE_MAX && now->nodes_max == NEVAL_NODES_MAX &&
          now->text_max == NEVAL_TEXT_BYTES_MAX);
    CHECK_INT(neval_gt_parse(&gt, page, strlen(page), "text.xml"), NEVAL_OK);
    neval_gt_free(gt);
    free(b.s);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DATA_DIR\n", argv[0]);
        return 1;
    }
    snprintf(data_dir, sizeof(data_dir), "%s", argv[1]);
    test_article2019();
    test_legacy2013();
    test_order2017();
    test_errors();
    test_output_txt();
    test_dtd();
    test_many_refs();
    test_limits();
    return CHECK_DONE();
}
