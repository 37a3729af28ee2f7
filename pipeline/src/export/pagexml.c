/*
 * pagexml.c - the page as PAGE XML 2019 (PRImA), for layout tools (eScriptorium,
 * Transkribus, Kraken, OCR-D) and as ground truth for newsocr-eval.
 *
 *   nocr_export_pagexml
 *
 * static helpers: write_coords, region_type, page_metadata, page_group, page_ref,
 *                 write_text_equiv, paragraph_custom, page_paragraph, page_text_region,
 *                 page_other_region, page_head, page_region, page_tail
 *
 * It follows the project's ground-truth convention (samples/README.md), so newsocr-eval
 * reads it like ground truth:
 *   - one TextRegion per paragraph of a region (a region of one paragraph keeps its id rN,
 *     N its index in the page plus 1; the paragraphs of a region of several are rN_1,
 *     rN_2, ...), typed by role (heading, paragraph, caption, header, credit, other) and
 *     with custom "structure {type:ROLE;} paragraph {id:pK;} article {id:aM;}" (ROLE: the
 *     role's one name, nocr_export_role_name);
 *   - TextLines with Coords and TextEquiv (line text), a region TextEquiv holding the
 *     paragraph as the txt export writes it (nocr_paragraph_text);
 *   - the pieces of a paragraph that runs on from one region into the next
 *     (nocr_region_continues) share their paragraph id;
 *   - ImageRegion for figures, SeparatorRegion for rules, NoiseRegion for text regions the
 *     reconstructor left out of the reading order (the txt leaves them out too);
 *   - ReadingOrder: OrderedGroup "ro_page" holding, in reading order, regions outside
 *     articles and one OrderedGroupIndexed "ro_aM" per article with its regions
 *     (nocr_export_reading_order).
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
        nocr_export_settings(comments, sizeof(comments), info);
        nocr_xw_element(xw, "Comments", comments);
    }
    nocr_xw_start(xw, "MetadataItem");
    nocr_xw_attr(xw, "type", "processingStep");
    nocr_xw_attr(xw, "name", "ocr");
    nocr_xw_attr(xw, "value", "newsocr " NOCR_VERSION);
    nocr_xw_end(xw);
    nocr_xw_end(xw);
}

/* ReadingOrder (nocr_export_reading_order): regions outside articles directly in ro_page,
 * each run of one article's regions in an OrderedGroupIndexed ro_aM (ro_aM_2, ... for the
 * article's later runs). `data` is the index counters: [0] in ro_page, [1] in the group. */
static void page_group(nocr_xw *xw, int article, int run, int nth, void *data)
{
    int *index = data;
    (void)run;
    nocr_xw_start(xw, "OrderedGroupIndexed");
    if (nth == 1)
        nocr_xw_attrf(xw, "id", "ro_a%d", article + 1);
    else
        nocr_xw_attrf(xw, "id", "ro_a%d_%d", article + 1, nth);
    nocr_xw_attrf(xw, "index", "%d", index[0]++);
    nocr_xw_attrf(xw, "caption", "article a%d", article + 1);
    index[1] = 0;
}

static void page_ref(nocr_xw *xw, const char *id, int in_group, void *data)
{
    int *index = data;
    nocr_xw_start(xw, "RegionRefIndexed");
    nocr_xw_attrf(xw, "index", "%d", index[in_group ? 1 : 0]++);
    nocr_xw_attr(xw, "regionRef", id);
    nocr_xw_end(xw);
}

static const nocr_ro_format page_order = {"id", "reading order", page_group, page_ref};

static void write_text_equiv(nocr_xw *xw, const char *text, float confidence)
{
    nocr_xw_start(xw, "TextEquiv");
    nocr_xw_conf(xw, "conf", confidence);
    nocr_xw_element(xw, "Unicode", text);
    nocr_xw_end(xw);
}

/* The custom attribute of a TextRegion: its role, its paragraph id pN (para > 0) and its
 * article. */
static void paragraph_custom(char *out, size_t n, const nocr_region *region, int para)
{
    int len =
        snprintf(out, n, "structure {type:%s;}", nocr_role_name(nocr_region_role(region)));
    if (para)
        len += snprintf(out + len, n - (size_t)len, " paragraph {id:p%d;}", para);
    if (nocr_region_article(region) >= 0)
        snprintf(out + len, n - (size_t)len, " article {id:a%d;}",
                 nocr_region_article(region) + 1);
}

/* The TextRegion `id` of lines [first, end) of `region`: its lines, each with its text,
 * and the paragraph's text as the txt writes it. */
static int page_paragraph(nocr_xw *xw, const nocr_region *region, const char *id, int para,
                          size_t first, size_t end)
{
    char custom[160], *text = NULL;
    int rc = nocr_paragraph_text(&text, region, first, end);
    if (rc)
        return rc;
    paragraph_custom(custom, sizeof(custom), region, para);
    nocr_xw_start(xw, "TextRegion");
    nocr_xw_attr(xw, "id", id);
    nocr_xw_attr(xw, "type", region_type(nocr_region_role(region)));
    nocr_xw_attr(xw, "custom", custom);
    if (nocr_region_direction(region) == NOCR_DIR_VERTICAL) {
        nocr_xw_attr(xw, "readingDirection", "top-to-bottom");
        nocr_xw_attr(xw, "textLineOrder", "right-to-left");
    } else {
        nocr_xw_attr(xw, "readingDirection", "left-to-right");
        nocr_xw_attr(xw, "textLineOrder", "top-to-bottom");
    }
    write_coords(xw, nocr_paragraph_box(region, first, end));
    for (size_t i = first; i < end; i++) {
        const nocr_line *line = nocr_region_line(region, i);
        nocr_xw_start(xw, "TextLine");
        nocr_xw_attrf(xw, "id", "%s_l%zu", id, i - first + 1);
        write_coords(xw, nocr_line_box(line));
        write_text_equiv(xw, nocr_line_text(line), nocr_line_confidence(line));
        nocr_xw_end(xw);
    }
    write_text_equiv(xw, text, nocr_paragraph_confidence(region, first, end));
    nocr_xw_end(xw);
    free(text);
    return NOCR_OK;
}

/* The TextRegions of region k (one per paragraph). Body paragraphs get paragraph ids
 * pN (*next_para counts them); a region that continues the paragraph before it
 * (nocr_region_continues) gives its first piece that paragraph's id, *open_para (0: none
 * open), as the ground truth marks the pieces of one paragraph. */
static int page_text_region(nocr_xw *xw, const nocr_region *region, size_t k, int *next_para,
                            int *open_para)
{
    size_t np = nocr_paragraph_count(region), first = 0;
    int rc = NOCR_OK;
    for (size_t p = 0; p < np && !rc; p++) {
        size_t end = nocr_region_line_count(region) ? nocr_paragraph_end(region, first) : 0;
        char id[64];
        nocr_paragraph_id(id, sizeof(id), region, k, p);
        int para = 0;
        if (p == 0 && nocr_region_continues(region) && *open_para)
            para = *open_para;
        else if (nocr_region_role(region) == NOCR_ROLE_BODY)
            para = ++*next_para;
        *open_para = para;
        rc = page_paragraph(xw, region, id, para, first, end);
        first = end;
    }
    return rc;
}

/* A figure, a rule, or text the reconstructor left out of the reading order (noise to it,
 * and left out of the txt too, so PAGE says the same as the txt). */
static void page_other_region(nocr_xw *xw, const nocr_region *region, size_t k)
{
    char id[32];
    nocr_role role = nocr_region_role(region);
    nocr_export_region_id(id, sizeof(id), k);
    nocr_xw_start(xw, role == NOCR_ROLE_FIGURE      ? "ImageRegion"
                      : role == NOCR_ROLE_SEPARATOR ? "SeparatorRegion"
                                                    : "NoiseRegion");
    nocr_xw_attr(xw, "id", id);
    write_coords(xw, nocr_region_box(region));
    nocr_xw_end(xw);
}

/* What PAGE carries from region to region: the reading order's indexes, the paragraph
 * counter and the paragraph open at the end of the last region, and that region's article. */
typedef struct page_state {
    int index[2]; /* page_group, page_ref */
    int next_para, open_para, prev_article;
} page_state;

/* PcGts, Metadata, and Page with its ReadingOrder, Page left open. */
static void page_head(nocr_xw *xw, const nocr_page *page, const nocr_export_info *info,
                      const size_t *seq, void *data)
{
    page_state *st = data;
    nocr_xw_start_ns(xw, "PcGts", PAGE_NS);
    nocr_xw_attr(xw, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    nocr_xw_attr(xw, "xsi:schemaLocation", PAGE_NS " " PAGE_NS "/pagecontent.xsd");
    page_metadata(xw, info);
    nocr_xw_start(xw, "Page");
    nocr_xw_attr(xw, "imageFilename", nocr_export_image_name(page, info));
    nocr_xw_attrf(xw, "imageWidth", "%d", nocr_page_width(page));
    nocr_xw_attrf(xw, "imageHeight", "%d", nocr_page_height(page));
    nocr_lang_names lang = nocr_export_lang_names(nocr_export_lang(page, info));
    if (lang.page)
        nocr_xw_attr(xw, "primaryLanguage", lang.page);
    if (lang.page_script)
        nocr_xw_attr(xw, "primaryScript", lang.page_script);
    nocr_export_reading_order(xw, page, seq, &page_order, st->index);
}

/* A region in the reading order: a region without lines breaks no paragraph (as in the
 * txt), and a paragraph never runs on into another article. */
static int page_region(nocr_xw *xw, const nocr_region *region, size_t k, void *data)
{
    page_state *st = data;
    int article = nocr_region_article(region);
    if (nocr_region_line_count(region) == 0)
        return page_text_region(xw, region, k, &st->next_para, &(int){0});
    if (article != st->prev_article)
        st->open_para = 0;
    st->prev_article = article;
    return page_text_region(xw, region, k, &st->next_para, &st->open_para);
}

static void page_tail(nocr_xw *xw)
{
    nocr_xw_end(xw); /* Page */
    nocr_xw_end(xw); /* PcGts */
}

int nocr_export_pagexml(char **out, const nocr_page *page, const nocr_export_info *info)
{
    static const nocr_xml_format fmt = {"nocr_export_pagexml", "PAGE XML",        page_head,
                                        page_region,           page_other_region, page_tail};
    page_state st = {{0, 0}, 0, 0, -2};
    return nocr_export_xml(out, page, info, &fmt, &st);
}
