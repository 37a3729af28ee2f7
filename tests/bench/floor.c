/*
 * floor.c - the recognizer floor: newsocr's recognizer given a perfect layout.
 *
 *   main, load_region_boxes, points_bbox, vertical_lang, page_add_gt_region,
 *   write_floor_text
 *
 * Usage: newsocr-floor [--tessdata DIR] [-l LANG] [--vertical model|columns]
 *                      GT.page.xml IMAGE > floor.txt
 *
 * Every ground-truth TextRegion's box becomes a region of a page model, which the
 * library's own recognition stage reads (Tesseract, one block per region, PSM 6); the
 * texts are printed in the ground truth's reading order, pieces of one paragraph joined
 * on one line, like newsocr's txt. On a skewed page each region is read from the bounding
 * box of its polygon's corners mapped into the deskewed working image (not from its
 * upright box in the original, which the deskew would widen into the neighbouring
 * columns). What this text still gets wrong is what recognition alone costs: no layout or
 * ordering stage can do better with this recognizer.
 *
 * A region the ground truth writes top to bottom (readingDirection="top-to-bottom": a
 * vertical headline, the body of a vertical page) is read one of two ways:
 *   model    (the default) the vertical floor of issue #12: the region read as one block
 *            with the vertical model (LANG's first language + "_vert", e.g. chi_tra_vert),
 *            PSM 5. Not with LANG's own model: the library reads a vertical region
 *            without lines as a PSM 5 block with the engine's model, and chi_tra, a
 *            horizontal model, read the vertical pages 20261202200-229 that way at CER
 *            0.85 (chi_tra_vert: see the bench's vertical table).
 *   columns  newsocr's own path: the ground truth's columns (its TextLines) given to the
 *            region as lines, which the library re-sets as horizontal lines and reads
 *            with LANG (recog/vertical.c) - the floor of newsocr's recognizer itself.
 * A benchmark tool (scripts/bench), not installed.
 */
#define _POSIX_C_SOURCE 200809L
#include "eval.h"
#include "newsocr.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct region_box {
    char *id;
    char *points; /* the Coords@points of the region */
    nocr_box box;
    nocr_direction dir;
    char **lines; /* the Coords@points of its TextLines, in the ground truth's order */
    size_t nlines;
} region_box;

/* Bounding box of a PAGE Coords@points string "x1,y1 x2,y2 ...", in the original image's
 * pixels, or (img not NULL) of the points mapped into img's working pixels. */
static int points_bbox(nocr_box *out, const char *points, const nocr_image *img)
{
    int minx = 1 << 30, miny = 1 << 30, maxx = -1, maxy = -1, n = 0;
    const char *p = points;
    while (*p) {
        char *end;
        long x = strtol(p, &end, 10);
        if (end == p || *end != ',')
            break;
        p = end + 1;
        long y = strtol(p, &end, 10);
        if (end == p)
            break;
        p = end;
        while (*p == ' ')
            p++;
        if (img) {
            nocr_box w = nocr_image_box_to_working(img, (nocr_box){(int)x, (int)y, 1, 1});
            x = w.x;
            y = w.y;
        }
        minx = x < minx ? (int)x : minx;
        maxx = x > maxx ? (int)x : maxx;
        miny = y < miny ? (int)y : miny;
        maxy = y > maxy ? (int)y : maxy;
        n++;
    }
    if (n < 2 || maxx <= minx || maxy <= miny)
        return -1;
    *out = (nocr_box){minx, miny, maxx - minx, maxy - miny};
    return 0;
}

/* The Coords@points of element node's first Coords child (xmlFree), or NULL. */
static xmlChar *coords_points(const xmlNode *node)
{
    for (xmlNode *c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "Coords"))
            return xmlGetProp(c, (const xmlChar *)"points");
    return NULL;
}

/* The points of region node's TextLines appended to rb->lines. */
static void collect_lines(region_box *rb, const xmlNode *node)
{
    for (xmlNode *c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "TextLine"))
            continue;
        xmlChar *pts = coords_points(c);
        char **grown = pts ? realloc(rb->lines, (rb->nlines + 1) * sizeof(*grown)) : NULL;
        if (grown) {
            rb->lines = grown;
            rb->lines[rb->nlines++] = strdup((const char *)pts);
        }
        xmlFree(pts);
    }
}

static void collect(xmlNode *node, region_box **boxes, size_t *n, size_t *cap)
{
    for (xmlNode *cur = node; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)cur->name, "TextRegion") == 0) {
            xmlChar *id = xmlGetProp(cur, (const xmlChar *)"id");
            xmlChar *rd = xmlGetProp(cur, (const xmlChar *)"readingDirection");
            nocr_direction dir = rd && strcmp((const char *)rd, "top-to-bottom") == 0
                                     ? NOCR_DIR_VERTICAL
                                     : NOCR_DIR_HORIZONTAL;
            xmlFree(rd);
            xmlChar *pts = id ? coords_points(cur) : NULL;
            nocr_box box;
            if (pts && points_bbox(&box, (const char *)pts, NULL) == 0) {
                if (*n == *cap) {
                    *cap = *cap ? 2 * *cap : 64;
                    *boxes = realloc(*boxes, *cap * sizeof(**boxes));
                }
                region_box *rb = &(*boxes)[(*n)++];
                *rb = (region_box){strdup((const char *)id), strdup((const char *)pts), box, dir,
                                   NULL, 0};
                collect_lines(rb, cur);
            }
            xmlFree(pts);
            xmlFree(id);
        }
        collect(cur->children, boxes, n, cap);
    }
}

static int load_region_boxes(region_box **out, size_t *n, const char *path)
{
    size_t cap = 0;
    *out = NULL;
    *n = 0;
    xmlDoc *doc =
        xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        return -1;
    collect(xmlDocGetRootElement(doc), out, n, &cap);
    xmlFreeDoc(doc);
    return 0;
}

static const region_box *find_box(const region_box *boxes, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(boxes[i].id, id) == 0)
            return &boxes[i];
    return NULL;
}

static char *region_text(const nocr_region *region)
{
    char *text = strdup("");
    for (size_t i = 0; text && i < nocr_region_line_count(region); i++) {
        char *joined = NULL;
        nocr_text_join(&joined, text, nocr_line_text(nocr_region_line(region, i)));
        free(text);
        text = joined;
    }
    return text;
}

/* Prints the regions in GT order; consecutive pieces of one paragraph on one line. */
static void write_floor_text(const neval_gt_page *gt, nocr_region **regions)
{
    const char *prev_para = NULL;
    int open = 0;
    for (size_t i = 0; i < gt->n_regions; i++) {
        const char *para = gt->regions[i].paragraph_id;
        int continues = para && prev_para && strcmp(para, prev_para) == 0;
        if (open && !continues)
            putchar('\n');
        char *text = regions[i] ? region_text(regions[i]) : NULL;
        if (text)
            fputs(text, stdout);
        free(text);
        open = 1;
        prev_para = para;
    }
    if (open)
        putchar('\n');
}

/* The vertical model's name for the engine language lang into out (size n): its first
 * language (of a '+' list) with "_vert" appended, unless it has it (chi_tra ->
 * chi_tra_vert), as the library names it (recog/vertical.c). */
static void vertical_lang(char *out, size_t n, const char *lang)
{
    size_t len = strcspn(lang, "+");
    int has = len > 5 && !strncmp(lang + len - 5, "_vert", 5);
    snprintf(out, n, "%.*s%s", (int)len, lang, has ? "" : "_vert");
}

/* Adds ground-truth region rb to page as region *out (NULL when it cannot), read from its
 * polygon mapped into img's working pixels, in reading order position order; with_lines:
 * its TextLines become the region's lines (the columns of a vertical region), each with
 * its own working box. */
static int page_add_gt_region(nocr_region **out, nocr_page *page, const region_box *rb,
                              const nocr_image *img, int order, int with_lines)
{
    *out = NULL;
    nocr_region *region;
    int rc = nocr_page_add_region(&region, page, NOCR_ROLE_BODY, rb->box);
    if (rc)
        return rc;
    nocr_region_set_order(region, order);
    nocr_region_set_direction(region, rb->dir);
    nocr_box wb;
    if (points_bbox(&wb, rb->points, img) == 0)
        nocr_region_set_work_box(region, wb);
    for (size_t k = 0; with_lines && k < rb->nlines && !rc; k++) {
        nocr_box lb, lwb;
        nocr_line *line;
        if (points_bbox(&lb, rb->lines[k], NULL) || points_bbox(&lwb, rb->lines[k], img))
            continue;
        rc = nocr_region_add_line(&line, region, lb, NULL, 0.0f);
        if (!rc)
            nocr_line_set_work_box(line, lwb);
    }
    *out = region;
    return rc;
}

int main(int argc, char **argv)
{
    nocr_engine_options eo = NOCR_ENGINE_OPTIONS_INIT, veo = NOCR_ENGINE_OPTIONS_INIT;
    const char *vmode = "model";
    int argi = 1;
    while (argi + 1 < argc && argv[argi][0] == '-') {
        if (strcmp(argv[argi], "--tessdata") == 0)
            eo.tessdata = argv[argi + 1];
        else if (strcmp(argv[argi], "-l") == 0)
            eo.lang = argv[argi + 1];
        else if (strcmp(argv[argi], "--vertical") == 0)
            vmode = argv[argi + 1];
        else
            break;
        argi += 2;
    }
    int columns = strcmp(vmode, "columns") == 0;
    if (argc - argi != 2 || (!columns && strcmp(vmode, "model"))) {
        fprintf(stderr, "usage: newsocr-floor [--tessdata DIR] [-l LANG] "
                        "[--vertical model|columns] GT.page.xml IMAGE\n");
        return 1;
    }
    const char *gt_path = argv[argi], *image_path = argv[argi + 1];
    neval_gt_page *gt = NULL;
    region_box *boxes = NULL;
    size_t nboxes = 0;
    nocr_engine *eng = NULL, *veng = NULL;
    nocr_image *img = NULL;
    nocr_page *page = NULL, *vpage = NULL; /* vpage: the vertical regions read by the model */
    nocr_region **regions = NULL;
    char vlang[64];
    int status = 2;

    if (neval_gt_load(&gt, gt_path) || load_region_boxes(&boxes, &nboxes, gt_path)) {
        fprintf(stderr, "newsocr-floor: %s: cannot read ground truth %s\n", gt_path,
                neval_error_message());
        goto cleanup;
    }
    if (nocr_image_load(&img, image_path, 0, NULL) || nocr_preprocess(img, NULL) ||
        nocr_page_new(&page, nocr_image_width(img), nocr_image_height(img)) ||
        nocr_page_new(&vpage, nocr_image_width(img), nocr_image_height(img))) {
        fprintf(stderr, "newsocr-floor: %s\n", nocr_error_last());
        goto cleanup;
    }
    regions = calloc(gt->n_regions ? gt->n_regions : 1, sizeof(*regions));
    for (size_t i = 0; regions && i < gt->n_regions; i++) {
        const region_box *rb = find_box(boxes, nboxes, gt->regions[i].id);
        int model = rb && rb->dir == NOCR_DIR_VERTICAL && !columns;
        if (rb)
            page_add_gt_region(&regions[i], model ? vpage : page, rb, img, (int)i,
                               rb->dir == NOCR_DIR_VERTICAL && columns);
    }
    vertical_lang(vlang, sizeof(vlang), eo.lang ? eo.lang : "chi_sim");
    veo.tessdata = eo.tessdata;
    veo.lang = vlang;
    if (nocr_engine_new(&eng, &eo) ||
        (nocr_page_region_count(vpage) > 0 && nocr_engine_new(&veng, &veo))) {
        fprintf(stderr, "newsocr-floor: %s\n", nocr_error_last());
        status = 3;
        goto cleanup;
    }
    if (!regions || nocr_recognize(page, eng, img) ||
        (veng && nocr_recognize(vpage, veng, img))) {
        fprintf(stderr, "newsocr-floor: %s\n", nocr_error_last());
        goto cleanup;
    }
    write_floor_text(gt, regions);
    status = 0;

cleanup:
    free(regions);
    nocr_page_free(page);
    nocr_page_free(vpage);
    nocr_image_free(img);
    nocr_engine_free(eng);
    nocr_engine_free(veng);
    for (size_t i = 0; i < nboxes; i++) {
        free(boxes[i].id);
        free(boxes[i].points);
        for (size_t k = 0; k < boxes[i].nlines; k++)
            free(boxes[i].lines[k]);
        free(boxes[i].lines);
    }
    free(boxes);
    neval_gt_free(gt);
    return status;
}
