/*
 * test_pdf.c - PDF in and out (issue 13), checked with the PDF tools of poppler and qpdf.
 *
 * Usage: test_pdf SAMPLES_DIR WORK_DIR
 *
 *   test_searchable   a page model built by hand over a generated PNG, written as a PDF:
 *                     qpdf --check passes, pdftotext -raw gives the txt export (line breaks
 *                     taken out: the text layer carries the txt's joins, a word hyphenated
 *                     at a line end ending in a soft hyphen), words lie on their boxes
 *                     (pdftotext -bbox), the font is embedded (pdffonts), the image keeps
 *                     its pixel size and the page its size in points (pdfimages -list,
 *                     pdfinfo), pdftoppm renders it quietly
 *   test_tagged       the same PDF's logical structure: Document, one Art per article, an
 *                     element per paragraph, heading and caption whose text is the txt
 *                     export's line, every MCID in the parent tree, the scan an artifact;
 *                     poppler reads the same articles; the language; the XMP packet agrees
 *                     with the document information; the output intent is sRGB
 *   test_jpeg         a JPEG scan is embedded unchanged: the PDF is within 1.2x the JPEG
 *   test_bilevel      a G4 fax page is embedded as CCITT and renders back to the same pixels
 *   test_multi        the multi-page writer, to a file; page count and pages read back; one
 *                     structure tree over the pages, a page's language on its articles
 *   test_bad_inputs   encrypted, truncated, damaged, empty and enormous PDFs
 *   test_ocr          a sample page read by the whole pipeline: its PDF's text is its txt,
 *                     and so is its structure's, on a page of three columns whose reading
 *                     order is not the order of the text's positions (left out when no
 *                     recognition model is installed)
 *
 * Exits 77 (skipped) when qpdf or poppler-utils are missing.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"
#include "newsocr.h"
#include "pdf_read.h"

#include <leptonica/allheaders.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <poppler.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define NOCR_TEST_PRINTF __attribute__((format(printf, 1, 2)))

static const char *samples, *work;

/* dir/name in one of PATH_SLOTS buffers used in turn: a test holds fewer paths at once. */
#define PATH_SLOTS 16
static const char *path_in(const char *dir, const char *name)
{
    static char buf[PATH_SLOTS][4096];
    static int k;
    k = (k + 1) % PATH_SLOTS;
    snprintf(buf[k], sizeof(buf[k]), "%s/%s", dir, name);
    return buf[k];
}

/* Runs a shell command and returns its standard output (malloc'd), NULL when it fails. */
static char *run(const char *fmt, ...) NOCR_TEST_PRINTF;
static char *run(const char *fmt, ...)
{
    char cmd[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof(cmd), fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t len = 0, cap = 4096;
    char *s = malloc(cap);
    size_t got;
    while (s && (got = fread(s + len, 1, cap - len - 1, p)) > 0) {
        len += got;
        if (cap - len < 2) {
            char *t = realloc(s, cap *= 2);
            if (!t) {
                free(s);
                s = NULL;
            }
            s = t;
        }
    }
    int status = pclose(p);
    if (!s || status != 0) {
        if (status != 0)
            fprintf(stderr, "  command failed (%d): %s\n", status, cmd);
        free(s);
        return NULL;
    }
    s[len] = '\0';
    return s;
}

static int write_file(const char *path, const void *data, size_t n)
{
    FILE *fp = fopen(path, "wb");
    if (!fp)
        return -1;
    int ok = fwrite(data, 1, n, fp) == n;
    return fclose(fp) == 0 && ok ? 0 : -1;
}

static unsigned char *read_file(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *data = malloc(size > 0 ? (size_t)size : 1);
    *n = data ? fread(data, 1, (size_t)size, fp) : 0;
    fclose(fp);
    return data;
}

/* ---- text comparison ---- */

#define SOFT_HYPHEN "\xC2\xAD"

/* s with white space runs as one space, or as '\n' when they hold a line break (break:
 * 1) and a soft hyphen before a line break taken out with it; ends trimmed. */
static char *spaces_one(const char *in, int breaks)
{
    char *out = malloc(strlen(in) + 1), *o = out;
    for (const char *s = in; *s;) {
        size_t ws = strspn(s, " \t\n\r\f");
        int shy = breaks && !strncmp(s, SOFT_HYPHEN, 2) && s[2] && strchr("\n\r\f", s[2]);
        if (shy)
            ws = 2 + strspn(s + 2, " \t\n\r\f");
        if (ws == 0) {
            *o++ = *s++;
            continue;
        }
        int line_break = breaks && strcspn(s, "\n\r\f") < ws;
        if (o > out && s[ws])
            *o++ = shy ? '\v' : line_break ? '\n' : ' ';
        s += ws;
    }
    *o = '\0';
    return out;
}

/* 1 when raw, text as pdftotext gives it, says what txt says, line breaks aside: pdftotext
 * ends every line with a line break and drops the text layer's spaces there, so a line
 * break stands for one space or none (a Latin word after another; a CJK line, a hard
 * hyphen); a soft hyphen before a line break is a word broken there (ISO 32000-1
 * 14.8.2.2.3) and goes with it, the word going on at once. Other white space matches white
 * space. On a mismatch both texts are printed. */
static int text_matches(const char *raw, const char *txt)
{
    char *a = spaces_one(raw, 1), *b = spaces_one(txt, 0);
    const char *p = a, *q = b;
    while (*p && (*p == *q || *p == '\n' || *p == '\v')) {
        if (*p == '\n' && *q == ' ')
            q++;
        else if (*p != '\n' && *p != '\v')
            q++;
        p++;
    }
    int ok = !*p && !*q;
    if (!ok)
        fprintf(stderr, "  pdftotext: %s\n  txt:       %s\n  differ at: %.40s | %.40s\n", a, b, p,
                q);
    free(a);
    free(b);
    return ok;
}

/* s without its soft hyphens: the invisible mark of where a word may break, not text. */
static char *unsoft(const char *in)
{
    char *out = malloc(strlen(in) + 1), *o = out;
    for (const char *s = in; *s; s++)
        if (strncmp(s, SOFT_HYPHEN, 2))
            *o++ = *s;
        else
            s++;
    *o = '\0';
    return out;
}

/* ---- the page model ---- */

typedef struct word {
    const char *text;
    int w; /* width in pixels; the words of a line follow one another with gap */
} word;

/* A line of words starting at (x, y), each word h high, `gap` pixels apart; vertical: the
 * words run down from (x, y), each h wide and w high. */
static void add_line(nocr_region *region, int x, int y, int h, int gap, const word *words,
                     int starts, int vertical)
{
    int n = 0, len = 0;
    while (words[n].text)
        len += words[n++].w + gap;
    len -= gap;
    nocr_box lb = vertical ? (nocr_box){x, y, h, len} : (nocr_box){x, y, len, h};
    nocr_line *line = NULL;
    CHECK_INT(nocr_region_add_line(&line, region, lb, NULL, 90), NOCR_OK);
    for (int i = 0, at = 0; i < n; at += words[i++].w + gap) {
        nocr_box wb =
            vertical ? (nocr_box){x, y + at, h, words[i].w} : (nocr_box){x + at, y, words[i].w, h};
        CHECK_INT(nocr_line_add_word(NULL, line, wb, words[i].text, 90), NOCR_OK);
    }
    CHECK_INT(nocr_line_text_from_words(line), NOCR_OK);
    nocr_line_set_starts_paragraph(line, starts);
}

static nocr_region *add_region(nocr_page *page, nocr_role role, nocr_box box, int order,
                               int article)
{
    nocr_region *r = NULL;
    CHECK_INT(nocr_page_add_region(&r, page, role, box), NOCR_OK);
    nocr_region_set_order(r, order);
    nocr_region_set_article(r, article);
    return r;
}

#define W(t, n)                                                                                   \
    {                                                                                             \
        t, n                                                                                      \
    }
#define END                                                                                       \
    {                                                                                             \
        NULL, 0                                                                                   \
    }

/* A page of 1200 x 900 pixels: two articles of CJK and Latin text, a caption, a figure
 * and a vertical column, in reading order. */
static nocr_page *make_page(void)
{
    nocr_page *page = NULL;
    CHECK_INT(nocr_page_new(&page, 1200, 900), NOCR_OK);
    nocr_region *r = add_region(page, NOCR_ROLE_HEADLINE, (nocr_box){100, 50, 500, 80}, 0, 0);
    add_line(r, 100, 50, 80, 0, (word[]){W("新", 80), W("闻", 80), W("标", 80), W("题", 80), END},
             0, 0);
    r = add_region(page, NOCR_ROLE_BODY, (nocr_box){100, 160, 400, 150}, 1, 0);
    add_line(r, 100, 160, 40, 2,
             (word[]){W("今", 40), W("天", 40), W("天", 40), W("气", 40), W("很", 40), W("好", 40),
                      W("，", 40), END},
             0, 0);
    add_line(r, 100, 210, 40, 2,
             (word[]){W("我", 40), W("们", 40), W("去", 40), W("公", 40), W("园", 40), W("。", 40),
                      END},
             0, 0);
    add_line(r, 100, 260, 40, 2,
             (word[]){W("第", 40), W("二", 40), W("段", 40), W("\xF0\xA0\x80\x80", 40),
                      W("字", 40), END},
             1, 0);
    nocr_region *fig = add_region(page, NOCR_ROLE_FIGURE, (nocr_box){600, 160, 400, 250}, -1, 0);
    (void)fig;
    r = add_region(page, NOCR_ROLE_CAPTION, (nocr_box){600, 420, 300, 30}, 2, 0);
    add_line(r, 600, 420, 30, 1, (word[]){W("图", 30), W("为", 30), W("公", 30), W("园", 30), END},
             0, 0);
    r = add_region(page, NOCR_ROLE_BODY, (nocr_box){100, 500, 700, 100}, 3, 1);
    add_line(r, 100, 500, 40, 24,
             (word[]){W("The", 90), W("quick", 130), W("brown", 140), W("fox", 80), END}, 0, 0);
    add_line(r, 100, 550, 40, 24,
             (word[]){W("jumps", 140), W("over", 100), W("2024", 100), W("年", 40),
                      W("dogs.", 130), END},
             0, 0);
    r = add_region(page, NOCR_ROLE_BODY, (nocr_box){1050, 300, 50, 220}, 4, 2);
    nocr_region_set_direction(r, NOCR_DIR_VERTICAL);
    add_line(r, 1050, 300, 50, 2,
             (word[]){W("竖", 50), W("排", 50), W("文", 50), W("字", 50), END}, 0, 1);
    /* A Latin paragraph over two regions: a word hyphenated at a line end (the txt export
     * rejoins it), a hard hyphen at a line end (kept: "COVID-19"), and a word hyphenated
     * at the end of the first region and finished in the second, which continues the
     * paragraph. */
    r = add_region(page, NOCR_ROLE_BODY, (nocr_box){100, 640, 420, 140}, 5, 3);
    add_line(r, 100, 640, 40, 24, (word[]){W("A", 30), W("good", 100), W("exam-", 130), END}, 0,
             0);
    add_line(r, 100, 690, 40, 24, (word[]){W("ple", 80), W("of", 50), W("COVID-", 150), END}, 0,
             0);
    add_line(r, 100, 740, 40, 24, (word[]){W("19", 50), W("and", 80), W("inter-", 140), END}, 0,
             0);
    r = add_region(page, NOCR_ROLE_BODY, (nocr_box){600, 640, 400, 40}, 6, 3);
    nocr_region_set_continues(r, 1);
    add_line(r, 600, 640, 40, 24, (word[]){W("national", 190), W("news.", 130), END}, 0, 0);
    CHECK_INT(nocr_page_set_lang(page, "chi_sim"), NOCR_OK);
    return page;
}

/* A gray page with dark bars where the words are (what a scan would show). */
static int make_png(const char *path, int dpi)
{
    PIX *pix = pixCreate(1200, 900, 8);
    pixSetAll(pix);
    for (int y = 60; y < 600; y += 50) {
        BOX *b = boxCreate(100, y, 700, 25);
        pixClearInRect(pix, b);
        boxDestroy(&b);
    }
    BOX *b = boxCreate(600, 160, 400, 250);
    pixSetInRectArbitrary(pix, b, 128);
    boxDestroy(&b);
    pixSetResolution(pix, dpi, dpi);
    int rc = pixWrite(path, pix, IFF_PNG);
    pixDestroy(&pix);
    return rc;
}

static int export_to(const char *path, const nocr_page *page, const nocr_image *img,
                     const char *name)
{
    unsigned char *pdf = NULL;
    size_t n = 0;
    nocr_export_info info = NOCR_EXPORT_INFO_INIT;
    info.image_name = name;
    int rc = nocr_export_pdf(&pdf, &n, page, img, &info);
    CHECK_INT(rc, NOCR_OK);
    if (rc) {
        fprintf(stderr, "  nocr_export_pdf: %s\n", nocr_error_last());
        return -1;
    }
    CHECK_INT(write_file(path, pdf, n), 0);
    free(pdf);
    return 0;
}

/* The last image of pdfimages -list: size, colour, bits per component, encoding. */
typedef struct image_row {
    int w, h, bpc;
    char color[16], enc[16];
} image_row;

static int image_list(image_row *r, const char *pdf)
{
    char *out = run("pdfimages -list '%s' | tail -n 1", pdf);
    int ok = out && sscanf(out, "%*d %*d %*s %d %d %15s %*d %d %15s", &r->w, &r->h, r->color,
                           &r->bpc, r->enc) == 5;
    free(out);
    return ok ? 0 : -1;
}

/* pdftotext -bbox: the box of the first word whose text is `text`, in points. */
static int word_bbox(const char *html, const char *text, double *x0, double *y0, double *x1,
                     double *y1)
{
    char pat[256];
    snprintf(pat, sizeof(pat), ">%s</word>", text);
    const char *hit = strstr(html, pat);
    if (!hit)
        return -1;
    const char *start = hit;
    while (start > html && strncmp(start, "<word", 5) != 0)
        start--;
    return sscanf(start, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", x0, y0, x1,
                  y1) == 4
               ? 0
               : -1;
}

static void test_searchable(void)
{
    /* The format table's row (export/formats.c). */
    const nocr_format *fmt = nocr_format_find("pdf");
    CHECK(fmt && fmt->needs_image && fmt->write == nocr_export_pdf);
    CHECK_STR(fmt ? fmt->extension : NULL, ".pdf");

    const char *png = path_in(work, "page.png"), *pdf = path_in(work, "page.pdf");
    CHECK_INT(make_png(png, 200), 0);
    nocr_image *img = NULL;
    CHECK_INT(nocr_image_load(&img, png, 0, NULL), NOCR_OK);
    nocr_page *page = make_page();
    if (!img || !page || export_to(pdf, page, img, "dir/page 1.png"))
        goto cleanup;

    char *out = run("qpdf --check '%s'", pdf);
    CHECK(out != NULL);
    free(out);

    char *txt = NULL;
    CHECK_INT(nocr_export_txt(&txt, page), NOCR_OK);
    CHECK(txt && strstr(txt, "A good example of COVID-19 and international news.\n"));
    char *raw = run("pdftotext -raw -enc UTF-8 '%s' -", pdf);
    CHECK(raw != NULL);
    if (raw && txt) {
        CHECK(text_matches(raw, txt));
        /* The rejoined words end their lines in a soft hyphen, the others as printed. */
        CHECK(strstr(raw, "exam" SOFT_HYPHEN "\n") && strstr(raw, "inter" SOFT_HYPHEN "\n"));
        CHECK(strstr(raw, "COVID-\n"));
    }
    free(raw);
    free(txt);

    /* Words on their boxes: 200 dpi, 0.36 pt a pixel. */
    char *html = run("pdftotext -bbox -enc UTF-8 '%s' -", pdf);
    double x0, y0, x1, y1;
    CHECK(html && word_bbox(html, "quick", &x0, &y0, &x1, &y1) == 0);
    if (html && word_bbox(html, "quick", &x0, &y0, &x1, &y1) == 0) {
        CHECK(fabs(x0 - 214 * 0.36) < 1.0 && fabs(y0 - 500 * 0.36) < 1.0);
        CHECK(fabs(y1 - 540 * 0.36) < 1.0);
    }
    CHECK(html && word_bbox(html, "fox", &x0, &y0, &x1, &y1) == 0);
    if (html && word_bbox(html, "fox", &x0, &y0, &x1, &y1) == 0)
        CHECK(fabs(x0 - 532 * 0.36) < 1.0 && fabs(x1 - 612 * 0.36) < 1.0);
    free(html);

    out = run("pdffonts '%s'", pdf);
    /* name, type (two words), encoding, emb, sub, uni */
    char fname[64] = "", type[32] = "", enc[32] = "", emb[8] = "", sub[8] = "", uni[8] = "";
    const char *font = out ? strstr(out, "NewsocrGlyphless") : NULL;
    CHECK(font &&
          sscanf(font, "%63s CID %31s %31s %7s %7s %7s", fname, type, enc, emb, sub, uni) == 6);
    CHECK_STR(type, "TrueType");
    CHECK_STR(enc, "Identity-H");
    CHECK_STR(emb, "yes");
    CHECK_STR(uni, "yes");
    free(out);

    image_row row;
    CHECK(image_list(&row, pdf) == 0);
    CHECK_INT(row.w, 1200);
    CHECK_INT(row.h, 900);
    CHECK_STR(row.enc, "jpeg");

    out = run("pdfinfo '%s'", pdf);
    CHECK(out && strstr(out, "Page size:       432 x 324 pts"));
    CHECK(out && strstr(out, "Title:           page 1.png"));
    CHECK(out && strstr(out, "Producer:        newsocr " NOCR_VERSION));
    free(out);

    /* FreeType loads the font without a word on stderr. */
    out = run("pdftoppm -r 30 -gray '%s' 2>&1 >/dev/null", pdf);
    CHECK_STR(out, "");
    free(out);
cleanup:
    nocr_page_free(page);
    nocr_image_free(img);
}

/* ---- the logical structure and the metadata ---- */

typedef struct txt_line {
    char *text;
    int block; /* the article block (between blank lines) it is in */
} txt_line;

/* The structure's text is the txt export's: the elements that mark text, in order, are the
 * txt's lines (headings, paragraphs, captions) one for one, soft hyphens aside; an
 * article's elements lie in one block of the txt (between blank lines), and no two
 * articles in the same block. */
static void check_tags_text(const pdf_tags *t, const char *txt)
{
    txt_line *lines = NULL;
    size_t n = 0, li = 0;
    int block = 0;
    for (const char *p = txt; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == 0) {
            block++;
        } else {
            lines = realloc(lines, (n + 1) * sizeof(*lines));
            lines[n++] = (txt_line){strndup(p, len), block};
        }
        p += len + (e != NULL);
    }
    int *art_block = malloc(((size_t)t->narts + 1) * sizeof(*art_block));
    for (int a = 0; a < t->narts; a++)
        art_block[a] = -1;
    for (size_t i = 0; i < t->n; i++) {
        char *text = unsoft(t->tag[i].text ? t->tag[i].text : "");
        if (*text && li >= n)
            fprintf(stderr, "  element %zu beyond the txt: %s\n", i, text);
        CHECK(!*text || li < n);
        if (*text && li < n) {
            CHECK_STR(text, lines[li].text);
            int a = t->tag[i].art;
            if (a >= 0 && art_block[a] < 0)
                art_block[a] = lines[li].block;
            CHECK(a < 0 || art_block[a] == lines[li].block);
            li++;
        }
        free(text);
    }
    CHECK_INT(li, n);
    for (int a = 1; a < t->narts; a++)
        CHECK(art_block[a] != art_block[a - 1]);
    for (size_t i = 0; i < n; i++)
        free(lines[i].text);
    free(lines);
    free(art_block);
}

/* "H1/0 P/0 ...": each element's structure type and article. */
static void tags_summary(char *out, size_t size, const pdf_tags *t)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < t->n && len < size; i++)
        len += (size_t)snprintf(out + len, size - len, "%s%s/%d", i ? " " : "", t->tag[i].type,
                                t->tag[i].art);
}

/* The articles poppler-glib finds under the Document element, -1 when it finds no
 * Document; *last is the text of the last article (read it for ASCII text only: see
 * pdf_read.c), the caller's (g_free). */
static int poppler_articles(const char *pdf, char **last)
{
    *last = NULL;
    gchar *abs = g_canonicalize_filename(pdf, NULL);
    gchar *uri = g_filename_to_uri(abs, NULL, NULL);
    PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, NULL) : NULL;
    PopplerStructureElementIter *it = doc ? poppler_structure_element_iter_new(doc) : NULL;
    PopplerStructureElement *top = it ? poppler_structure_element_iter_get_element(it) : NULL;
    PopplerStructureElementIter *kids = NULL;
    int n = -1;
    if (top && poppler_structure_element_get_kind(top) == POPPLER_STRUCTURE_ELEMENT_DOCUMENT) {
        n = 0;
        kids = poppler_structure_element_iter_get_child(it);
    }
    for (int more = kids != NULL; more; more = poppler_structure_element_iter_next(kids)) {
        PopplerStructureElement *el = poppler_structure_element_iter_get_element(kids);
        if (poppler_structure_element_get_kind(el) == POPPLER_STRUCTURE_ELEMENT_ARTICLE) {
            n++;
            g_free(*last);
            *last = poppler_structure_element_get_text(el, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
        }
        g_object_unref(el);
    }
    if (kids)
        poppler_structure_element_iter_free(kids);
    if (top)
        g_object_unref(top);
    if (it)
        poppler_structure_element_iter_free(it);
    if (doc)
        g_object_unref(doc);
    g_free(uri);
    g_free(abs);
    return n;
}

/* The text of the first node an XPath expression finds, NULL when none (free()). */
static char *xpath_text(xmlXPathContextPtr ctx, const char *expr)
{
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
    char *v = NULL;
    if (r && r->nodesetval && r->nodesetval->nodeNr > 0) {
        xmlChar *c = xmlNodeGetContent(r->nodesetval->nodeTab[0]);
        v = strdup((const char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(r);
    return v;
}

/* A PDF date "D:20261201010000Z" as XMP writes it, "2026-12-01T01:00:00Z". */
static void iso_date(char out[32], const char *d)
{
    snprintf(out, 32, "?");
    if (d && strlen(d) >= 17 && !strncmp(d, "D:", 2))
        snprintf(out, 32, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2s%s", d + 2, d + 6, d + 8, d + 10, d + 12,
                 d + 14, d + 16);
}

/* The XMP packet parses and says what the document information says, whose title is
 * `title`; the output intent's profile is an RGB ICC profile. */
static void check_metadata(const char *pdf, const char *title)
{
    pdf_meta m;
    CHECK_INT(pdf_meta_read(&m, pdf), 0);
    CHECK_STR(m.info_title, title);
    CHECK(m.xmp && !strncmp(m.xmp, "<?xpacket begin=", 16) && strstr(m.xmp, "<?xpacket end="));
    xmlDocPtr doc = m.xmp ? xmlReadMemory(m.xmp, (int)m.nxmp, "xmp", NULL, XML_PARSE_NONET) : NULL;
    CHECK(doc != NULL);
    xmlXPathContextPtr ctx = doc ? xmlXPathNewContext(doc) : NULL;
    if (ctx) {
        xmlXPathRegisterNs(ctx, BAD_CAST "rdf",
                           BAD_CAST "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        xmlXPathRegisterNs(ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
        xmlXPathRegisterNs(ctx, BAD_CAST "xmp", BAD_CAST "http://ns.adobe.com/xap/1.0/");
        xmlXPathRegisterNs(ctx, BAD_CAST "pdf", BAD_CAST "http://ns.adobe.com/pdf/1.3/");
        char *v = xpath_text(ctx, "//dc:title/rdf:Alt/rdf:li[@xml:lang='x-default']");
        CHECK_STR(v, m.info_title);
        free(v);
        char date[32];
        iso_date(date, m.info_created);
        v = xpath_text(ctx, "//xmp:CreateDate");
        CHECK_STR(v, date);
        free(v);
        iso_date(date, m.info_modified);
        v = xpath_text(ctx, "//xmp:ModifyDate");
        CHECK_STR(v, date);
        free(v);
        v = xpath_text(ctx, "//pdf:Producer");
        CHECK_STR(v, m.info_producer);
        free(v);
        xmlXPathFreeContext(ctx);
    }
    xmlFreeDoc(doc);
    CHECK_STR(m.intent_s, "/GTS_PDFA1");
    CHECK_INT(m.profile_n, 3);
    const unsigned char *icc = m.profile;
    CHECK(icc && m.nprofile > 128 && !memcmp(icc + 36, "acsp", 4) && !memcmp(icc + 16, "RGB ", 4));
    if (icc && m.nprofile > 4)
        CHECK_INT((size_t)icc[0] << 24 | icc[1] << 16 | icc[2] << 8 | icc[3], m.nprofile);
    pdf_meta_free(&m);
}

/* The PDF of test_searchable as a tagged PDF (see the file comment). */
static void test_tagged(void)
{
    const char *pdf = path_in(work, "page.pdf");
    nocr_page *page = make_page();
    char *txt = NULL, summary[256], *last = NULL;
    CHECK_INT(nocr_export_txt(&txt, page), NOCR_OK);
    pdf_tags t;
    int rc = pdf_tags_read(&t, pdf);
    CHECK_INT(rc, 0);
    if (rc == 0 && txt) {
        CHECK(t.marked);
        CHECK_STR(t.lang, "zh-Hans");
        CHECK_STR(t.problems ? t.problems : "", "");
        tags_summary(summary, sizeof(summary), &t);
        CHECK_STR(summary, "H1/0 P/0 P/0 Caption/0 P/1 P/2 P/3");
        check_tags_text(&t, txt);
        /* poppler follows the structure as a viewer that reads it would: the same articles,
         * and the hyphenated words of the last one rejoined. */
        CHECK_INT(poppler_articles(pdf, &last), t.narts);
        char *u = last ? unsoft(last) : NULL;
        CHECK_STR(u, "A good example of COVID-19 and international news.");
        free(u);
        g_free(last);
    }
    pdf_tags_free(&t);
    check_metadata(pdf, "page 1.png");
    free(txt);
    nocr_page_free(page);
}

static void test_jpeg(void)
{
    const char *jpg = path_in(samples, "p15-jpeg-artefacts.jpg");
    const char *pdf = path_in(work, "jpeg.pdf");
    nocr_image *img = NULL;
    nocr_page *page = NULL;
    if (nocr_image_load(&img, jpg, 0, NULL)) {
        fprintf(stderr, "  %s: %s\n", jpg, nocr_error_last());
        CHECK(0);
        return;
    }
    CHECK_INT(nocr_page_new(&page, nocr_image_width(img), nocr_image_height(img)), NOCR_OK);
    nocr_region *r = add_region(page, NOCR_ROLE_BODY, (nocr_box){200, 300, 1000, 60}, 0, 0);
    add_line(r, 200, 300, 60, 0, (word[]){W("的塑胶跑道", 300), END}, 0, 0);
    if (export_to(pdf, page, img, jpg) == 0) {
        size_t jn = 0, pn = 0;
        free(read_file(jpg, &jn));
        free(read_file(pdf, &pn));
        CHECK(pn > 0 && pn <= jn * 12 / 10);
        image_row row;
        CHECK(image_list(&row, pdf) == 0);
        CHECK(row.w == 2480 && row.h == 3508 && row.bpc == 8);
        CHECK_STR(row.color, "gray");
        CHECK_STR(row.enc, "jpeg");
        char *out = run("pdfinfo '%s'", pdf);
        CHECK(out && strstr(out, "Page size:       595.2 x 841.92 pts"));
        free(out);
        /* The JPEG is the file's, byte for byte. */
        out = run("pdfimages -j '%s' '%s/jpeg-out' && cmp '%s/jpeg-out-000.jpg' '%s'", pdf, work,
                  work, jpg);
        CHECK(out != NULL);
        free(out);
        /* A scanned PDF page of one JPEG: read back, written again, the same JPEG. */
        nocr_image *back = NULL;
        const char *again = path_in(work, "jpeg-again.pdf");
        CHECK_INT(nocr_image_load(&back, pdf, 0, NULL), NOCR_OK);
        if (back && export_to(again, page, back, pdf) == 0) {
            out = run("pdfimages -j '%s' '%s/again' && cmp '%s/again-000.jpg' '%s'", again, work,
                      work, jpg);
            CHECK(out != NULL);
            free(out);
        }
        nocr_image_free(back);
        back = NULL;
        /* Turned upside down by /Rotate: rendered upright, so its JPEG is not the page's. */
        const char *rot = path_in(work, "jpeg-rot.pdf"), *rot2 = path_in(work, "jpeg-rot2.pdf");
        out = run("qpdf --rotate=+180 '%s' '%s'", pdf, rot);
        free(out);
        CHECK_INT(nocr_image_load(&back, rot, 0, NULL), NOCR_OK);
        if (back && export_to(rot2, page, back, rot) == 0) {
            out = run("pdfimages -j '%s' '%s/rot' && { cmp -s '%s/rot-000.jpg' '%s'; echo $?; }",
                      rot2, work, work, jpg);
            CHECK_STR(out, "1\n"); /* they differ */
            free(out);
            PIX *turned = pixRotate180(NULL, nocr_image_pix(img));
            l_float32 rms = 1e9f;
            pixCompareGray(turned, nocr_image_pix(back), L_COMPARE_ABS_DIFF, 0, NULL, NULL, &rms,
                           NULL);
            CHECK(rms < 5);
            pixDestroy(&turned);
        }
        nocr_image_free(back);
    }
    nocr_page_free(page);
    nocr_image_free(img);
}

static int pix_same(PIX *a, PIX *b)
{
    l_int32 same = 0;
    return a && b && !pixEqual(a, b, &same) && same;
}

static void test_bilevel(void)
{
    const char *tif = path_in(samples, "p16-fax-bilevel.tif");
    const char *pdf = path_in(work, "fax.pdf");
    nocr_image *img = NULL, *back = NULL;
    nocr_page *page = NULL;
    CHECK_INT(nocr_image_load(&img, tif, 0, NULL), NOCR_OK);
    if (!img)
        return;
    CHECK_INT(nocr_page_new(&page, nocr_image_width(img), nocr_image_height(img)), NOCR_OK);
    if (export_to(pdf, page, img, tif) == 0) {
        image_row row;
        CHECK(image_list(&row, pdf) == 0);
        CHECK(row.w == 1654 && row.h == 2339 && row.bpc == 1);
        CHECK_STR(row.enc, "ccitt");
        /* Read back: rendered at the scan's own resolution, pixel for pixel. */
        CHECK_INT(nocr_image_load(&back, pdf, 0, NULL), NOCR_OK);
        if (back) {
            CHECK_INT(nocr_image_width(back), nocr_image_width(img));
            CHECK_INT(nocr_image_height(back), nocr_image_height(img));
            CHECK_INT(nocr_image_dpi(back), nocr_image_dpi(img));
            CHECK_INT(nocr_image_depth(back), 1);
            CHECK(pix_same(nocr_image_pix(back), nocr_image_pix(img)));
        }
    }
    nocr_image_free(back);
    nocr_page_free(page);
    nocr_image_free(img);
}

static void test_multi(void)
{
    const char *png = path_in(work, "page.png"), *pdf = path_in(work, "multi.pdf");
    const char *jpg = path_in(samples, "p15-jpeg-artefacts.jpg");
    nocr_image *a = NULL, *b = NULL, *back = NULL;
    nocr_page *pa = make_page(), *pb = NULL;
    nocr_pdf_writer *w = NULL;
    CHECK_INT(nocr_image_load(&a, png, 0, NULL), NOCR_OK);
    CHECK_INT(nocr_image_load(&b, jpg, 0, NULL), NOCR_OK);
    if (!a || !b)
        goto cleanup;
    CHECK_INT(nocr_page_new(&pb, nocr_image_width(b), nocr_image_height(b)), NOCR_OK);
    nocr_export_info info = NOCR_EXPORT_INFO_INIT;
    info.image_name = "dir/A&B <1>.tif"; /* a title XMP must escape */
    CHECK_INT(nocr_pdf_writer_new(&w, pdf, &info), NOCR_OK);
    CHECK_INT(nocr_pdf_writer_add_page(w, pa, a), NOCR_OK);
    CHECK_INT(nocr_pdf_writer_add_page(w, pb, b), NOCR_OK);
    CHECK_INT(nocr_page_set_lang(pa, "chi_tra"), NOCR_OK); /* the third page's */
    CHECK_INT(nocr_pdf_writer_add_page(w, pa, a), NOCR_OK);
    CHECK_INT(nocr_pdf_writer_finish(w, NULL, NULL), NOCR_OK);
    CHECK(nocr_pdf_writer_finish(w, NULL, NULL) == NOCR_EINVAL);
    nocr_pdf_writer_free(w);
    char *out = run("qpdf --check '%s'", pdf);
    CHECK(out != NULL);
    free(out);
    /* One structure tree: the articles of pages 1 and 3, the third page's in its own
     * language (the document's is the first page's). */
    pdf_tags t;
    CHECK_INT(pdf_tags_read(&t, pdf), 0);
    CHECK_STR(t.problems ? t.problems : "", "");
    CHECK_INT(t.narts, 8);
    CHECK_STR(t.lang, "zh-Hans");
    CHECK(t.n == 14 && t.tag[0].page == 0 && t.tag[13].page == 2);
    CHECK(t.n == 14 && !strcmp(t.tag[0].lang, "") && !strcmp(t.tag[13].lang, "zh-Hant"));
    pdf_tags_free(&t);
    check_metadata(pdf, "A&B <1>.tif");
    int n = 0;
    CHECK_INT(nocr_image_page_count(&n, pdf), NOCR_OK);
    CHECK_INT(n, 3);
    CHECK_INT(nocr_image_load(&back, pdf, 1, NULL), NOCR_OK);
    if (back) {
        CHECK_INT(nocr_image_width(back), 2480);
        CHECK_INT(nocr_image_height(back), 3508);
        CHECK_INT(nocr_image_dpi(back), 300);
    }
    nocr_image_free(back);
    back = NULL;
    CHECK_INT(nocr_image_load(&back, pdf, 2, NULL), NOCR_OK);
    if (back) {
        CHECK_INT(nocr_image_width(back), 1200);
        CHECK_INT(nocr_image_dpi(back), 200);
        CHECK_INT(nocr_image_depth(back), 8);
    }
    nocr_image_free(back);
    back = NULL;
    CHECK_INT(nocr_image_load(&back, pdf, 3, NULL), NOCR_EINVAL);
    /* An explicit resolution wins over the scan's. */
    nocr_load_options lo = NOCR_LOAD_OPTIONS_INIT;
    lo.pdf_dpi = 100;
    CHECK_INT(nocr_image_load(&back, pdf, 1, &lo), NOCR_OK);
    if (back)
        CHECK_INT(nocr_image_width(back), 827);
    nocr_image_free(back);
    back = NULL;
    /* Over the pixel limit: the largest resolution under it. */
    lo.pdf_dpi = 0;
    lo.max_pixels = 2000000;
    CHECK_INT(nocr_image_load(&back, pdf, 1, &lo), NOCR_OK);
    if (back) {
        CHECK(nocr_image_width(back) * (long long)nocr_image_height(back) <= 2000000);
        CHECK_INT(nocr_image_dpi(back), 143);
    }
    nocr_image_free(back);
    back = NULL;
    /* An explicit resolution over the limit is refused. */
    lo.pdf_dpi = 300;
    CHECK_INT(nocr_image_load(&back, pdf, 1, &lo), NOCR_ELIMIT);
    /* A page without an image (born digital): 300 dpi. */
    nocr_page *text_only = NULL;
    CHECK_INT(nocr_page_new(&text_only, 600, 450), NOCR_OK);
    const char *digital = path_in(work, "digital.pdf");
    if (text_only && export_to(digital, text_only, NULL, "digital") == 0) {
        CHECK_INT(nocr_image_load(&back, digital, 0, NULL), NOCR_OK);
        if (back) {
            CHECK_INT(nocr_image_width(back), 600);
            CHECK_INT(nocr_image_height(back), 450);
            CHECK_INT(nocr_image_dpi(back), 300);
        }
        nocr_image_free(back);
        back = NULL;
    }
    nocr_page_free(text_only);
    /* A writer freed unfinished leaves no file behind. */
    const char *partial = path_in(work, "partial.pdf");
    CHECK_INT(nocr_pdf_writer_new(&w, partial, NULL), NOCR_OK);
    CHECK_INT(nocr_pdf_writer_add_page(w, pa, a), NOCR_OK);
    nocr_pdf_writer_free(w);
    FILE *gone = fopen(partial, "rb");
    CHECK(gone == NULL);
    if (gone)
        fclose(gone);
    /* A writer to a file it cannot create. */
    CHECK_INT(nocr_pdf_writer_new(&w, path_in(work, "no/such/dir.pdf"), NULL), NOCR_EWRITE);
cleanup:
    nocr_image_free(back);
    nocr_page_free(pa);
    nocr_page_free(pb);
    nocr_image_free(a);
    nocr_image_free(b);
}

static void expect_error(const char *path, int code, const char *words)
{
    nocr_image *img = NULL;
    int n = 0;
    CHECK_INT(nocr_image_load(&img, path, 0, NULL), code);
    CHECK(strstr(nocr_error_last(), path) && strstr(nocr_error_last(), words));
    if (!strstr(nocr_error_last(), words))
        fprintf(stderr, "  %s: %s\n", path, nocr_error_last());
    if (code == NOCR_EFORMAT)
        CHECK_INT(nocr_image_page_count(&n, path), code);
    nocr_image_free(img);
}

static void test_bad_inputs(void)
{
    const char *good = path_in(work, "page.pdf");
    const char *enc = path_in(work, "encrypted.pdf"), *open_enc = path_in(work, "owner.pdf");
    char *out = run("qpdf --encrypt secret owner 256 -- '%s' '%s'", good, enc);
    free(out);
    expect_error(enc, NOCR_EFORMAT, "encrypted");
    /* Encrypted with an empty user password: any viewer opens it, so do we. */
    out = run("qpdf --encrypt '' owner 256 -- '%s' '%s'", good, open_enc);
    free(out);
    nocr_image *img = NULL;
    CHECK_INT(nocr_image_load(&img, open_enc, 0, NULL), NOCR_OK);
    nocr_image_free(img);

    size_t n = 0;
    unsigned char *data = read_file(good, &n);
    const char *cut = path_in(work, "truncated.pdf");
    CHECK(data && write_file(cut, data, n / 2) == 0);
    expect_error(cut, NOCR_EFORMAT, "truncated");
    free(data);

    const char *bad = path_in(work, "damaged.pdf");
    static const char junk[] = "%PDF-1.7\nthis is not a PDF body\n%%EOF\n";
    CHECK(write_file(bad, junk, sizeof(junk) - 1) == 0);
    expect_error(bad, NOCR_EFORMAT, "damaged");

    const char *empty = path_in(work, "empty.pdf");
    static const char nopages[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                                  "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
                                  "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
    CHECK(write_file(empty, nopages, sizeof(nopages) - 1) == 0);
    nocr_image *e = NULL;
    int rc = nocr_image_load(&e, empty, 0, NULL);
    CHECK(rc == NOCR_EFORMAT);
    if (rc != NOCR_EFORMAT)
        fprintf(stderr, "  empty: %d %s\n", rc, nocr_error_last());
    nocr_image_free(e);

    /* A page of 200 x 200 inches: 3.6 gigapixels at 300 dpi, and under 100 dpi to fit. */
    nocr_page *huge = NULL;
    CHECK_INT(nocr_page_new(&huge, 60000, 60000), NOCR_OK);
    const char *big = path_in(work, "enormous.pdf");
    if (huge && export_to(big, huge, NULL, "enormous") == 0)
        expect_error(big, NOCR_ELIMIT, "above the limit");
    nocr_page_free(huge);
}

/* 1 when some line of the reading order lies wholly above a line before it (the top of a
 * column beside the end of the one before), which a reader going down the page by
 * position would read first. The regions of the reading order come first, in order
 * (nocr_reconstruct sorts them). */
static int order_not_positional(const nocr_page *page)
{
    int top = -1; /* the lowest top of the lines so far */
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_order(r) < 0 || !nocr_role_is_text(nocr_region_role(r)))
            continue;
        for (size_t k = 0; k < nocr_region_line_count(r); k++) {
            nocr_box b = nocr_line_box(nocr_region_line(r, k));
            if (b.h > 0 && b.y + b.h <= top)
                return 1;
            top = b.y > top ? b.y : top;
        }
    }
    return 0;
}

/* The sample page through nocr_process, from a PDF of it: the searchable PDF's text is
 * the txt export's, and so is the text of its structure. */
static void test_ocr(void)
{
    nocr_engine *eng = NULL;
    nocr_engine_options eo = NOCR_ENGINE_OPTIONS_INIT;
    if (nocr_engine_new(&eng, &eo)) {
        fprintf(stderr, "  test_ocr left out: %s\n", nocr_error_last());
        return;
    }
    const char *png = path_in(samples, "p01-clean-3col.png");
    const char *scan = path_in(work, "p01-scan.pdf"), *pdf = path_in(work, "p01.pdf");
    nocr_image *img = NULL, *src = NULL;
    nocr_page *page = NULL, *blank = NULL;
    char *txt = NULL, *raw = NULL;
    /* A scanned PDF as archives hold them: the image alone, then read back. */
    CHECK_INT(nocr_image_load(&src, png, 0, NULL), NOCR_OK);
    if (!src)
        goto cleanup;
    CHECK_INT(nocr_page_new(&blank, nocr_image_width(src), nocr_image_height(src)), NOCR_OK);
    if (export_to(scan, blank, src, png))
        goto cleanup;
    CHECK_INT(nocr_image_load(&img, scan, 0, NULL), NOCR_OK);
    if (!img)
        goto cleanup;
    CHECK_INT(nocr_image_width(img), nocr_image_width(src));
    CHECK_INT(nocr_image_height(img), nocr_image_height(src));
    CHECK_INT(nocr_process(&page, eng, img, NULL, NULL), NOCR_OK);
    if (!page || export_to(pdf, page, img, scan))
        goto cleanup;
    CHECK_INT(nocr_export_txt(&txt, page), NOCR_OK);
    raw = run("pdftotext -raw -enc UTF-8 '%s' -", pdf);
    CHECK(raw && txt && strlen(txt) > 1000);
    if (raw && txt) {
        CHECK(text_matches(raw, txt));
    }
    /* A viewer that sorts text by position reads this page wrongly (its columns); the
     * structure gives the reading order. */
    CHECK(order_not_positional(page));
    char *check = run("qpdf --check '%s'", pdf);
    CHECK(check != NULL);
    free(check);
    pdf_tags t;
    CHECK_INT(pdf_tags_read(&t, pdf), 0);
    CHECK_STR(t.problems ? t.problems : "", "");
    CHECK(t.narts >= 2);
    if (txt)
        check_tags_text(&t, txt);
    pdf_tags_free(&t);
cleanup:
    free(raw);
    free(txt);
    nocr_page_free(page);
    nocr_page_free(blank);
    nocr_image_free(img);
    nocr_image_free(src);
    nocr_engine_free(eng);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_pdf SAMPLES_DIR WORK_DIR\n");
        return 2;
    }
    samples = argv[1];
    work = argv[2];
    if (system("qpdf --version >/dev/null 2>&1 && pdftotext -v >/dev/null 2>&1") != 0) {
        fprintf(stderr, "qpdf or poppler-utils missing: skipped\n");
        return 77;
    }
    char *mk = run("mkdir -p '%s'", work);
    free(mk);
    test_searchable();
    test_tagged();
    test_jpeg();
    test_bilevel();
    test_multi();
    test_bad_inputs();
    test_ocr();
    return CHECK_DONE();
}
