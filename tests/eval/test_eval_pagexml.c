/*
 * test_eval_pagexml.c: the PAGE XML ground-truth reader on hand-written
 * files in data/ (path given as argv[1]) and on strings.
 *
 *   test_article2019()   newsocr convention: ReadingOrder, @custom, lines
 *   test_legacy2013()    2013 namespace, no ReadingOrder, no @custom, nesting
 *   test_order2017()     indexed / unordered groups, dangling references
 *   test_errors()        missing file, malformed XML, not PAGE
 *   test_output_txt()    the txt output reader
 */
#include "check.h"
#include "eval.h"

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
    return CHECK_DONE();
}
