/*
 * json.c - the page model as JSON (jansson), schema
 * pipeline/schema/newsocr-page.schema.json, version NOCR_JSON_SCHEMA_VERSION.
 *
 *   nocr_export_json
 *
 * static helpers: set_new, push_new, json_str, json_box, json_polygon, json_conf,
 *                 json_word, json_line, direction_name, json_paragraphs, json_region,
 *                 json_articles, json_header, json_dump
 *
 * The whole model in reading order: page size, resolution and skew; the regions in the
 * order the other exports write them (text in reading order, then figures, rules and text
 * outside the reading order) with id, role (nocr_export_role_name: the folio line is
 * "folio" since schema 1.1, "page-header" before), order, article, continues (its first
 * paragraph runs on from the previous region's last), direction, box, polygon,
 * confidence, origin (which analysis found it, since 1.2), their paragraphs (text as the txt
 * export writes it, and the lines they span) and their lines with box, text, confidence and
 * Tesseract's words with boxes; the articles with their regions in order; the reading order as a
 * list of region ids; the page's coverage (share of text-like ink read, since 1.2; null when not
 * measured) and language (nocr_page_lang: the model the page was read with, -l auto's choice;
 * since 1.3, null before recognition). Unknown values are null (order, article, confidence, dpi).
 * Coordinates are the original image's pixels. Strings are made valid UTF-8 (nocr_export_clean);
 * jansson escapes them.
 */
#include "export/export.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* Adds `value` to `obj` under `key`, stealing the reference; a NULL value (out of memory)
 * makes the whole export fail, counted in *bad. */
static void set_new(json_t *obj, const char *key, json_t *value, int *bad)
{
    if (!value || json_object_set_new(obj, key, value) != 0)
        *bad = 1;
}

static void push_new(json_t *arr, json_t *value, int *bad)
{
    if (!value || json_array_append_new(arr, value) != 0)
        *bad = 1;
}

static json_t *json_str(const char *s)
{
    char *clean = nocr_export_clean(s, 0);
    json_t *j = clean ? json_string(clean) : NULL;
    free(clean);
    return j;
}

static json_t *json_box(nocr_box b)
{
    return json_pack("{s:i, s:i, s:i, s:i}", "x", b.x, "y", b.y, "w", b.w, "h", b.h);
}

static json_t *json_polygon(nocr_box b)
{
    return json_pack("[[i,i],[i,i],[i,i],[i,i]]", b.x, b.y, b.x + b.w, b.y, b.x + b.w, b.y + b.h,
                     b.x, b.y + b.h);
}

/* A confidence 0..100 rounded to 0.1, or null. */
static json_t *json_conf(float c)
{
    if (c < 0)
        return json_null();
    return json_real((double)(int)(c * 10.0f + 0.5f) / 10.0);
}

static json_t *json_word(const nocr_word *w, int *bad)
{
    json_t *j = json_object();
    if (j) {
        set_new(j, "box", json_box(nocr_word_box(w)), bad);
        set_new(j, "text", json_str(nocr_word_text(w)), bad);
        set_new(j, "confidence", json_conf(nocr_word_confidence(w)), bad);
    }
    return j;
}

static json_t *json_line(const nocr_line *line, const char *id, int *bad)
{
    json_t *j = json_object(), *words = json_array();
    if (!j || !words) {
        json_decref(j);
        json_decref(words);
        *bad = 1;
        return NULL;
    }
    set_new(j, "id", json_string(id), bad);
    set_new(j, "box", json_box(nocr_line_box(line)), bad);
    set_new(j, "text", json_str(nocr_line_text(line)), bad);
    set_new(j, "confidence", json_conf(nocr_line_confidence(line)), bad);
    set_new(j, "starts_paragraph", json_boolean(nocr_line_starts_paragraph(line)), bad);
    for (size_t i = 0; i < nocr_line_word_count(line); i++)
        push_new(words, json_word(nocr_line_word(line, i), bad), bad);
    set_new(j, "words", words, bad);
    return j;
}

static const char *direction_name(nocr_direction d)
{
    return d == NOCR_DIR_VERTICAL ? "vertical" : "horizontal";
}

/* [{"text", "first_line", "line_count"}] of the region's paragraphs. */
static json_t *json_paragraphs(const nocr_region *region, int *bad)
{
    json_t *paras = json_array();
    size_t nlines = nocr_region_line_count(region);
    for (size_t first = 0, end; paras && first < nlines && !*bad; first = end) {
        end = nocr_paragraph_end(region, first);
        char *text = NULL;
        if (nocr_paragraph_text(&text, region, first, end)) {
            *bad = 1;
            break;
        }
        push_new(paras,
                 json_pack("{s:o, s:i, s:i}", "text", json_str(text), "first_line",
                           (json_int_t)first, "line_count", (json_int_t)(end - first)),
                 bad);
        free(text);
    }
    return paras;
}

static json_t *json_region(const nocr_region *region, size_t k, int *bad)
{
    json_t *j = json_object(), *lines = json_array();
    char id[64], line_id[96], article[32];
    if (!j || !lines) {
        json_decref(j);
        json_decref(lines);
        *bad = 1;
        return NULL;
    }
    int art = nocr_region_article(region);
    nocr_box box = nocr_region_box(region);
    nocr_export_region_id(id, sizeof(id), k);
    snprintf(article, sizeof(article), "a%d", art + 1);
    set_new(j, "id", json_string(id), bad);
    set_new(j, "role", json_string(nocr_role_name(nocr_region_role(region))), bad);
    set_new(j, "order",
            nocr_export_in_order(region) ? json_integer(nocr_region_order(region)) : json_null(),
            bad);
    set_new(j, "article", art >= 0 ? json_string(article) : json_null(), bad);
    set_new(j, "continues", json_boolean(nocr_region_continues(region)), bad);
    set_new(j, "direction", json_string(direction_name(nocr_region_direction(region))), bad);
    set_new(j, "box", json_box(box), bad);
    set_new(j, "polygon", json_polygon(box), bad);
    set_new(j, "confidence", json_conf(nocr_region_confidence(region)), bad);
    set_new(j, "origin", json_string(nocr_origin_name(nocr_region_origin(region))), bad);
    set_new(j, "paragraphs", json_paragraphs(region, bad), bad);
    for (size_t i = 0; i < nocr_region_line_count(region); i++) {
        snprintf(line_id, sizeof(line_id), "%s_l%zu", id, i + 1);
        push_new(lines, json_line(nocr_region_line(region, i), line_id, bad), bad);
    }
    set_new(j, "lines", lines, bad);
    return j;
}

/* [{"id": "aM", "regions": [ids in reading order]}], articles in order of first region. */
static json_t *json_articles(const nocr_page *page, const size_t *seq, int *bad)
{
    json_t *arts = json_array();
    if (!arts) {
        *bad = 1;
        return NULL;
    }
    for (size_t s = 0; s < nocr_export_ordered_count(page, seq); s++) {
        int article = nocr_region_article(nocr_page_region(page, seq[s]));
        if (article < 0)
            continue;
        char aid[32], rid[32];
        snprintf(aid, sizeof(aid), "a%d", article + 1);
        nocr_export_region_id(rid, sizeof(rid), seq[s]);
        json_t *art = NULL;
        size_t i;
        json_t *a;
        json_array_foreach(arts, i, a)
        {
            if (!strcmp(json_string_value(json_object_get(a, "id")), aid))
                art = a;
        }
        if (!art) {
            art = json_pack("{s:s, s:[]}", "id", aid, "regions");
            push_new(arts, art, bad);
            if (*bad)
                break;
        }
        push_new(json_object_get(art, "regions"), json_string(rid), bad);
    }
    return arts;
}

/* schema, version, engine, image and page of the document. */
static void json_header(json_t *root, const nocr_page *page, const nocr_export_info *info,
                        int *bad)
{
    const char *name = nocr_export_image_path(page, info);
    int dpi = nocr_page_dpi(page);
    set_new(root, "schema", json_string("newsocr-page"), bad);
    set_new(root, "version", json_string(NOCR_JSON_SCHEMA_VERSION), bad);
    set_new(root, "engine",
            json_pack("{s:s, s:s, s:o, s:o}", "name", "newsocr", "version", NOCR_VERSION, "lang",
                      info && info->lang ? json_str(info->lang) : json_null(), "settings",
                      info && info->settings ? json_str(info->settings) : json_null()),
            bad);
    set_new(root, "image",
            json_pack("{s:o, s:i}", "name", name ? json_str(name) : json_null(), "page_index",
                      nocr_page_index(page)),
            bad);
    double coverage = nocr_page_coverage(page);
    const char *lang = nocr_page_lang(page);
    set_new(root, "page",
            json_pack("{s:i, s:i, s:o, s:f, s:f, s:o, s:o}", "width", nocr_page_width(page),
                      "height", nocr_page_height(page), "dpi",
                      dpi > 0 ? json_integer(dpi) : json_null(), "skew", nocr_page_skew(page),
                      "skew_confidence", nocr_page_skew_confidence(page), "coverage",
                      coverage >= 0 ? json_real((double)(int)(coverage * 1000.0 + 0.5) / 1000.0)
                                    : json_null(),
                      "lang", lang && *lang ? json_str(lang) : json_null()),
            bad);
}

/* The document as compact text ending with a newline, like every text file; *out is
 * malloc'd. Returns 0, or 1 when out of memory. */
static int json_dump(char **out, const json_t *root)
{
    char *text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    if (!text)
        return 1;
    size_t n = strlen(text);
    if ((*out = malloc(n + 2))) {
        memcpy(*out, text, n);
        memcpy(*out + n, "\n", 2);
    }
    free(text);
    return *out == NULL;
}

int nocr_export_json(char **out, const nocr_page *page, const nocr_export_info *info)
{
    if (!out || !page)
        return nocr_error_set(NOCR_EINVAL, "nocr_export_json: NULL argument");
    *out = NULL;
    size_t *seq, nregions = nocr_page_region_count(page);
    int bad = 0, rc = nocr_export_sequence(&seq, page);
    if (rc)
        return rc;
    json_t *root = json_object(), *regions = json_array(), *order = json_array();
    if (!root || !regions || !order) {
        json_decref(regions);
        json_decref(order);
        bad = 1;
        goto cleanup;
    }
    json_header(root, page, info, &bad);
    for (size_t s = 0; s < nregions && !bad; s++) {
        const nocr_region *region = nocr_page_region(page, seq[s]);
        push_new(regions, json_region(region, seq[s], &bad), &bad);
        if (nocr_export_in_order(region)) {
            char rid[32];
            nocr_export_region_id(rid, sizeof(rid), seq[s]);
            push_new(order, json_string(rid), &bad);
        }
    }
    set_new(root, "reading_order", order, &bad);
    set_new(root, "articles", json_articles(page, seq, &bad), &bad);
    set_new(root, "regions", regions, &bad);
    if (!bad)
        bad = json_dump(out, root);

cleanup:
    json_decref(root);
    free(seq);
    if (bad) {
        free(*out);
        *out = NULL;
        return nocr_error_set(NOCR_ENOMEM, "cannot write the JSON export (out of memory)");
    }
    return NOCR_OK;
}
