/*
 * export_pagexml.c - the page as PAGE XML 2019 (PRImA), for layout tools (eScriptorium,
 * Transkribus, Kraken, OCR-D) and as ground truth for newsocr-eval.
 *
 *   nocr_export_pagexml
 *
 * static helpers: page_metadata, page_reading_order, page_text_region, page_other_region,
 *                 write_coords, write_text_equiv, region_type, image_name
 *
 * It follows the project's ground-truth convention (samples/README.md), so newsocr-eval
 * reads it like ground truth:
 *   - one TextRegion per paragraph of a region (a region of one paragraph keeps its id rN,
 *     N its index in the page plus 1; the paragraphs of a region of several are rN_1,
 *     rN_2, ...), typed by role (heading, paragraph, caption, header, credit, other) and
 *     with custom "structure {type:ROLE;} paragraph {id:pK;} article {id:aM;}";
 *   - TextLines with Coords and TextEquiv (line text), a region TextEquiv holding the
 *     paragraph as the txt export writes it (nocr_paragraph_text);
 *   - the pieces of a paragraph that runs on from one region into the next
 *     (nocr_region_continues) share their paragraph id;
 *   - ImageRegion for figures, SeparatorRegion for rules, NoiseRegion for text regions the
 *     reconstructor left out of the reading order (the txt leaves them out too);
 *   - ReadingOrder: OrderedGroup "ro_page" holding, in reading order, regions outside
 *     articles and one OrderedGroupIndexed "ro_aM" per article with its regions.
 * No Baseline: the page model does not know baselines yet. Coordinates are the original
 * image's pixels; a box (x, y, w, h) is the polygon x,y x+w,y x+w,y+h x,y+h.
 */
#include "export/export.h"

#include <stdio.h>
#include <string.h>

#define PAGE_NS "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"

static void write_coords(nocr_xw *xw, nocr_box b)
{
    int l = b.x < 0 ? 0 : b.x, t = b.y < 0 ? 0 : b.y;
    int r = b.x + b.w < l ? l : b.x + b.w, bt = b.y + b.h < t ? t : b.y + b.h;
    nocr_xw_start(xw, "Coords");
    nocr_xw_attrf(xw, "points", "%d,%d %d,%d %d,%d %d,%d", l, t, r, t, r, bt, l, bt);
    nocr_xw_end(xw);
}

/* PAGE's TextRegion @type for a role (ground-truth convention). */
static const char *region_type(nocr_role role)
{
    switch (role) {
    case NOCR_ROLE_HEADLINE:
    case NOCR_ROLE_SUBHEADLINE:
    case NOCR_ROLE_SECTION_HEADING:
        return "heading";
    case NOCR_ROLE_BODY:
        return "paragraph";
    case NOCR_ROLE_CAPTION:
        return "caption";
    case NOCR_ROLE_PAGE_HEADER:
        return "header";
    case NOCR_ROLE_BYLINE:
        return "credit";
    default:
        return "other";
    }
}

/* The image file name without its directory. */
static const char *image_name(const nocr_page *page, const nocr_export_info *info)
{
    const char *name = info && info->image_name ? info->image_name : page->source;
    if (!name || !*name)
        return "page";
    const char *slash = strrchr(name, '/');
    return slash && slash[1] ? slash + 1 : name;
}

static void page_metadata(nocr_xw *xw, const nocr_export_info *info)
{
    char stamp[32];
    nocr_export_timestamp(stamp);
    nocr_xw_start(xw, "Metadata");
    nocr_xw_element(xw, "Creator", "newsocr " NOCR_VERSION);
    nocr_xw_element(xw, "Created", stamp);
    nocr_xw_element(xw, "LastChange", stamp);
    if (info && (info->lang || info->settings)) {
        char comments[1024];
        snprintf(comments, sizeof(comments), "lang=%s; %s", info->lang ? info->lang : "",
                 info->settings ? info->settings : "");
        nocr_xw_element(xw, "Comments", comments);
    }
    nocr_xw_start(xw, "MetadataItem");
    nocr_xw_attr(xw, "type", "processingStep");
    nocr_xw_attr(xw, "name", "ocr");
    nocr_xw_attr(xw, "value", "newsocr " NOCR_VERSION);
    nocr_xw_end(xw);
    nocr_xw_end(xw);
}

/* ReadingOrder: regions outside articles directly in ro_page, each run of one article's
 * regions in an OrderedGroupIndexed. An article met again after another gets a second
 * group (ro_aM_2, ...), so the order stays exactly the page's. */
static void page_reading_order(nocr_xw *xw, const nocr_page *page, const size_t *seq)
{
    size_t n = nocr_export_ordered_count(page, seq);
    if (n == 0)
        return;
    int *seen = calloc(page->nregions + 1, sizeof(*seen)); /* groups per article so far */
    if (!seen) {
        xw->failed = 1;
        return;
    }
    nocr_xw_start(xw, "ReadingOrder");
    nocr_xw_start(xw, "OrderedGroup");
    nocr_xw_attr(xw, "id", "ro_page");
    nocr_xw_attr(xw, "caption", "reading order");
    int top = 0, inner = 0, group = -1;
    for (size_t s = 0; s < n; s++) {
        const nocr_region *region = page->regions[seq[s]];
        int article = region->article;
        if (group >= 0 && article != group) {
            nocr_xw_end(xw);
            group = -1;
        }
        if (article >= 0 && group < 0) {
            int k = (size_t)article < page->nregions ? ++seen[article] : 1;
            nocr_xw_start(xw, "OrderedGroupIndexed");
            if (k == 1)
                nocr_xw_attrf(xw, "id", "ro_a%d", article + 1);
            else
                nocr_xw_attrf(xw, "id", "ro_a%d_%d", article + 1, k);
            nocr_xw_attrf(xw, "index", "%d", top++);
            nocr_xw_attrf(xw, "caption", "article a%d", article + 1);
            group = article;
            inner = 0;
        }
        size_t np = nocr_paragraph_count(region);
        for (size_t p = 0; p < np; p++) {
            char id[64];
            nocr_paragraph_id(id, sizeof(id), region, seq[s], p);
            nocr_xw_start(xw, "RegionRefIndexed");
            nocr_xw_attrf(xw, "index", "%d", group >= 0 ? inner++ : top++);
            nocr_xw_attr(xw, "regionRef", id);
            nocr_xw_end(xw);
        }
    }
    if (group >= 0)
        nocr_xw_end(xw);
    nocr_xw_end(xw);
    nocr_xw_end(xw);
    free(seen);
}

static void write_text_equiv(nocr_xw *xw, const char *text, float confidence)
{
    nocr_xw_start(xw, "TextEquiv");
    if (confidence >= 0)
        nocr_xw_attrf(xw, "conf", "%.3f", confidence > 100 ? 1.0 : confidence / 100.0);
    nocr_xw_element(xw, "Unicode", text);
    nocr_xw_end(xw);
}

/* The TextRegions of region k (one per paragraph). Body paragraphs get paragraph ids
 * pN (*next_para counts them); a region that continues the paragraph before it
 * (nocr_region_continues) gives its first piece that paragraph's id, *open_para (0: none
 * open), as the ground truth marks the pieces of one paragraph. */
static int page_text_region(nocr_xw *xw, const nocr_region *region, size_t k, int *next_para,
                            int *open_para)
{
    size_t np = nocr_paragraph_count(region);
    size_t first = 0;
    for (size_t p = 0; p < np; p++) {
        size_t end = region->nlines ? nocr_paragraph_end(region, first) : 0;
        char id[64], custom[160], *text = NULL;
        int rc = nocr_paragraph_text(&text, region, first, end);
        if (rc)
            return rc;
        nocr_paragraph_id(id, sizeof(id), region, k, p);
        int len = snprintf(custom, sizeof(custom), "structure {type:%s;}",
                           nocr_export_structure(region->role));
        int para = 0;
        if (p == 0 && region->continues && *open_para)
            para = *open_para;
        else if (region->role == NOCR_ROLE_BODY)
            para = ++*next_para;
        if (para)
            len +=
                snprintf(custom + len, sizeof(custom) - (size_t)len, " paragraph {id:p%d;}", para);
        *open_para = para;
        if (region->article >= 0)
            snprintf(custom + len, sizeof(custom) - (size_t)len, " article {id:a%d;}",
                     region->article + 1);
        nocr_xw_start(xw, "TextRegion");
        nocr_xw_attr(xw, "id", id);
        nocr_xw_attr(xw, "type", region_type(region->role));
        nocr_xw_attr(xw, "custom", custom);
        if (region->direction == NOCR_DIR_VERTICAL) {
            nocr_xw_attr(xw, "readingDirection", "top-to-bottom");
            nocr_xw_attr(xw, "textLineOrder", "right-to-left");
        } else {
            nocr_xw_attr(xw, "readingDirection", "left-to-right");
            nocr_xw_attr(xw, "textLineOrder", "top-to-bottom");
        }
        write_coords(xw, nocr_paragraph_box(region, first, end));
        for (size_t i = first; i < end; i++) {
            const nocr_line *line = region->lines[i];
            nocr_xw_start(xw, "TextLine");
            nocr_xw_attrf(xw, "id", "%s_l%zu", id, i - first + 1);
            write_coords(xw, line->box);
            write_text_equiv(xw, line->text ? line->text : "", line->confidence);
            nocr_xw_end(xw);
        }
        write_text_equiv(xw, text, nocr_paragraph_confidence(region, first, end));
        nocr_xw_end(xw);
        free(text);
        first = end;
    }
    return NOCR_OK;
}

/* A figure, a rule, or text the reconstructor left out of the reading order (noise to it,
 * and left out of the txt too, so PAGE says the same as the txt). */
static void page_other_region(nocr_xw *xw, const nocr_region *region, size_t k)
{
    nocr_xw_start(xw, region->role == NOCR_ROLE_FIGURE      ? "ImageRegion"
                      : region->role == NOCR_ROLE_SEPARATOR ? "SeparatorRegion"
                                                            : "NoiseRegion");
    nocr_xw_attrf(xw, "id", "r%zu", k + 1);
    write_coords(xw, region->box);
    nocr_xw_end(xw);
}

int nocr_export_pagexml(char **out, const nocr_page *page, const nocr_export_info *info)
{
    size_t *seq;
    nocr_xw xw;
    int rc = nocr_export_begin(&xw, &seq, out, page, "nocr_export_pagexml");
    if (rc)
        return rc;
    nocr_xw_start_ns(&xw, "PcGts", PAGE_NS);
    nocr_xw_attr(&xw, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    nocr_xw_attr(&xw, "xsi:schemaLocation", PAGE_NS " " PAGE_NS "/pagecontent.xsd");
    page_metadata(&xw, info);
    nocr_xw_start(&xw, "Page");
    nocr_xw_attr(&xw, "imageFilename", image_name(page, info));
    nocr_xw_attrf(&xw, "imageWidth", "%d", page->width);
    nocr_xw_attrf(&xw, "imageHeight", "%d", page->height);
    page_reading_order(&xw, page, seq);
    int next_para = 0, open_para = 0, prev_article = -2;
    for (size_t s = 0; s < page->nregions && !rc; s++) {
        const nocr_region *region = page->regions[seq[s]];
        if (!nocr_export_in_order(region)) {
            page_other_region(&xw, region, seq[s]);
            continue;
        }
        if (region->nlines == 0) { /* no text: breaks no paragraph, as in the txt */
            rc = page_text_region(&xw, region, seq[s], &next_para, &(int){0});
            continue;
        }
        if (region->article != prev_article)
            open_para = 0; /* a paragraph never runs on into another article */
        prev_article = region->article;
        rc = page_text_region(&xw, region, seq[s], &next_para, &open_para);
    }
    nocr_xw_end(&xw);
    nocr_xw_end(&xw);
    return nocr_export_end(&xw, seq, rc, out, "PAGE XML");
}
