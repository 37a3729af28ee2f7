/*
 * pagexml.c - PAGE XML 2019 ground truth, written with libxml2's xmlTextWriter.
 *
 *   syn_pagexml_write   write the regions, lines, images, separators and the
 *                       reading order of a laid-out page
 *
 * The convention (roles in TextRegion@custom, one region per paragraph piece,
 * reading order groups per article) is documented in samples/README.md,
 * "Ground-truth conventions".  Coordinates are mapped through the degradation
 * transform, so they are pixels of the final image.
 */
#include "synth.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_NS "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
#define PAGE_XSD                                                                                  \
    PAGE_NS " http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15/"                   \
            "pagecontent.xsd"
#define FIXED_TIME "2026-01-01T00:00:00"

/* indexed by syn_role; advert and pull-quote extend the convention's roles */
static const char *role_type[] = {"heading", "heading", "heading", "credit", "paragraph",
                                  "caption", "header",  "other",   "other",  "floating"};
static const char *role_name[] = {"headline", "subheadline", "section-heading", "byline",
                                  "body",     "caption",     "folio",           "note",
                                  "advert",   "pull-quote"};

typedef struct {
    xmlTextWriterPtr w;
    const syn_xform *xf;
    int err;
} xw;

static void attr(xw *x, const char *name, const char *val)
{
    if (xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST val) < 0)
        x->err = 1;
}

static void attr_int(xw *x, const char *name, int v)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%d", v);
    attr(x, name, buf);
}

static void start(xw *x, const char *name)
{
    if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0)
        x->err = 1;
}

static void end(xw *x)
{
    if (xmlTextWriterEndElement(x->w) < 0)
        x->err = 1;
}

static void element(xw *x, const char *name, const char *text)
{
    if (xmlTextWriterWriteElement(x->w, BAD_CAST name, BAD_CAST text) < 0)
        x->err = 1;
}

/* Coords of a box: its four corners through the transform (a skewed box is a
 * rotated quadrilateral) */
static void coords_box(xw *x, int x0, int y0, int x1, int y1)
{
    char buf[160];
    int px[4], py[4];

    syn_xform_apply(x->xf, x0, y0, &px[0], &py[0]);
    syn_xform_apply(x->xf, x1, y0, &px[1], &py[1]);
    syn_xform_apply(x->xf, x1, y1, &px[2], &py[2]);
    syn_xform_apply(x->xf, x0, y1, &px[3], &py[3]);
    snprintf(buf, sizeof(buf), "%d,%d %d,%d %d,%d %d,%d", px[0], py[0], px[1], py[1], px[2], py[2],
             px[3], py[3]);
    start(x, "Coords");
    attr(x, "points", buf);
    end(x);
}

static void text_equiv(xw *x, const char *text)
{
    start(x, "TextEquiv");
    element(x, "Unicode", text);
    end(x);
}

static int is_latin_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* region text: lines joined with nothing, or one space between two Latin
 * letters/digits (the convention's rule); caller frees */
static char *region_text(const syn_region *r)
{
    size_t n = 1;
    int i;
    char *s, *p;

    for (i = 0; i < r->nlines; i++)
        n += strlen(r->lines[i].text) + 1;
    s = malloc(n);
    if (!s)
        return NULL;
    p = s;
    *p = '\0';
    for (i = 0; i < r->nlines; i++) {
        const char *t = r->lines[i].text;
        size_t len = strlen(t);
        if (p > s && len > 0 && is_latin_alnum((unsigned char)p[-1]) &&
            is_latin_alnum((unsigned char)t[0]))
            *p++ = ' ';
        memcpy(p, t, len + 1);
        p += len;
    }
    return s;
}

static void write_region(xw *x, const syn_region *r, int idx, const syn_page *page)
{
    char id[32], custom[256], lid[48], buf[96];
    char *text;
    int i, bx0, by0, bx1, by1;

    snprintf(id, sizeof(id), "r%d", idx + 1);
    start(x, "TextRegion");
    attr(x, "id", id);
    attr(x, "type", role_type[r->role]);
    snprintf(custom, sizeof(custom), "structure {type:%s;}", role_name[r->role]);
    if (r->role == SYN_ROLE_BODY)
        snprintf(custom + strlen(custom), sizeof(custom) - strlen(custom), " paragraph {id:%s;}",
                 r->para_id);
    if (r->article >= 0)
        snprintf(custom + strlen(custom), sizeof(custom) - strlen(custom), " article {id:%s;}",
                 page->article_ids[r->article]);
    if (r->role == SYN_ROLE_CAPTION)
        snprintf(custom + strlen(custom), sizeof(custom) - strlen(custom), " caption {figure:%s;}",
                 r->figure_id);
    attr(x, "custom", custom);
    if (r->vertical) {
        attr(x, "readingDirection", "top-to-bottom");
        attr(x, "textLineOrder", "right-to-left");
    }
    coords_box(x, r->x0, r->y0, r->x1, r->y1);
    for (i = 0; i < r->nlines; i++) {
        const syn_line *ln = &r->lines[i];
        snprintf(lid, sizeof(lid), "%s_l%d", id, i + 1);
        start(x, "TextLine");
        attr(x, "id", lid);
        coords_box(x, ln->x0, ln->y0, ln->x1, ln->y1);
        if (ln->vertical) {
            /* a vertical line's baseline runs down its centre */
            syn_xform_apply(x->xf, (ln->x0 + ln->x1) / 2, ln->y0, &bx0, &by0);
            syn_xform_apply(x->xf, (ln->x0 + ln->x1) / 2, ln->y1, &bx1, &by1);
        } else {
            syn_xform_apply(x->xf, ln->x0, ln->base, &bx0, &by0);
            syn_xform_apply(x->xf, ln->x1, ln->base, &bx1, &by1);
        }
        snprintf(buf, sizeof(buf), "%d,%d %d,%d", bx0, by0, bx1, by1);
        start(x, "Baseline");
        attr(x, "points", buf);
        end(x);
        text_equiv(x, ln->text);
        end(x);
    }
    text = region_text(r);
    if (!text) {
        x->err = 1;
        return;
    }
    text_equiv(x, text);
    free(text);
    end(x);
}

static void write_reading_order(xw *x, const syn_page *page)
{
    char id[48];
    int i, idx = 0, a = -2, inner = 0;

    start(x, "ReadingOrder");
    start(x, "OrderedGroup");
    attr(x, "id", "ro_page");
    attr(x, "caption", "reading order");
    for (i = 0; i < page->nregions; i++) {
        const syn_region *r = &page->regions[i];
        if (r->article != a) {
            if (a >= 0)
                end(x); /* previous article group */
            a = r->article;
            if (a >= 0) {
                snprintf(id, sizeof(id), "ro_%s", page->article_ids[a]);
                start(x, "OrderedGroupIndexed");
                attr(x, "id", id);
                attr_int(x, "index", idx++);
                inner = 0;
            }
        }
        snprintf(id, sizeof(id), "r%d", i + 1);
        start(x, "RegionRefIndexed");
        attr_int(x, "index", a >= 0 ? inner++ : idx++);
        attr(x, "regionRef", id);
        end(x);
    }
    if (a >= 0)
        end(x);
    end(x);
    end(x);
}

/*
 * syn_pagexml_write: write page (regions sorted in reading order) as PAGE XML
 * to path; image_name is the basename stored in Page@imageFilename.  Returns
 * 0, SYN_EXML or SYN_EIO.
 */
int syn_pagexml_write(const syn_page *page, const syn_xform *xf, const char *image_name,
                      const char *path)
{
    xw x;
    int i;

    memset(&x, 0, sizeof(x));
    x.xf = xf;
    x.w = xmlNewTextWriterFilename(path, 0);
    if (!x.w) {
        syn_error_set("cannot write '%s'", path);
        return SYN_EIO;
    }
    xmlTextWriterSetIndent(x.w, 1);
    xmlTextWriterSetIndentString(x.w, BAD_CAST "  ");
    if (xmlTextWriterStartDocument(x.w, "1.0", "UTF-8", NULL) < 0)
        x.err = 1;
    start(&x, "PcGts");
    attr(&x, "xmlns", PAGE_NS);
    attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    attr(&x, "xsi:schemaLocation", PAGE_XSD);
    start(&x, "Metadata");
    element(&x, "Creator", "newsocr-synth");
    element(&x, "Created", FIXED_TIME);
    element(&x, "LastChange", FIXED_TIME);
    end(&x);
    start(&x, "Page");
    attr(&x, "imageFilename", image_name);
    attr_int(&x, "imageWidth", xf->width);
    attr_int(&x, "imageHeight", xf->height);
    write_reading_order(&x, page);
    for (i = 0; i < page->nregions; i++)
        write_region(&x, &page->regions[i], i, page);
    for (i = 0; i < page->nimages; i++) {
        start(&x, "ImageRegion");
        attr(&x, "id", page->images[i].id);
        coords_box(&x, page->images[i].x0, page->images[i].y0, page->images[i].x1,
                   page->images[i].y1);
        end(&x);
    }
    for (i = 0; i < page->nseps; i++) {
        start(&x, "SeparatorRegion");
        attr(&x, "id", page->seps[i].id);
        coords_box(&x, page->seps[i].x0, page->seps[i].y0, page->seps[i].x1, page->seps[i].y1);
        end(&x);
    }
    end(&x);
    end(&x);
    if (xmlTextWriterEndDocument(x.w) < 0)
        x.err = 1;
    xmlFreeTextWriter(x.w);
    if (x.err) {
        syn_error_set("libxml2 failed while writing '%s'", path);
        return SYN_EXML;
    }
    return 0;
}
