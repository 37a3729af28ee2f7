/*
 * export_json.c - the page model as JSON (jansson), schema
 * pipeline/schema/newsocr-page.schema.json, version NOCR_JSON_SCHEMA_VERSION.
 *
 *   nocr_export_json
 *
 * static helpers: json_box, json_polygon, json_conf, json_str, json_region, json_line,
 *                 json_articles, set_new
 *
 * The whole model in reading order: page size, resolution and skew; the regions in the
 * order the other exports write them (text in reading order, then figures, rules and text
 * outside the reading order) with id, role, order, article, continues (its first
 * paragraph runs on from the previous region's last), direction, box, polygon,
 * confidence, their paragraphs (text as the txt export writes it, and the lines they span)
 * and their lines with box, text, confidence and Tesseract's words with boxes; the
 * articles with their regions in order; the reading order as a list of region ids.
 * Unknown values are null (order, article, confidence, dpi). Coordinates are the original
 * image's pixels. Strings are made valid UTF-8 (nocr_export_clean); jansson escapes them.
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
    set_new(j, "box", json_box(line->box), bad);
    set_new(j, "text", json_str(line->text), bad);
    set_new(j, "confidence", json_conf(line->confidence), bad);
    set_new(j, "starts_paragraph", json_boolean(line->starts_paragraph), bad);
    for (size_t i = 0; i < line->nwords; i++) {
        const nocr_word *w = &line->words[i];
        json_t *jw = json_object();
        if (jw) {
            set_new(jw, "box", json_box(w->box), bad);
            set_new(jw, "text", json_str(w->text), bad);
            set_new(jw, "confidence", json_conf(w->confidence), bad);
        }
        push_new(words, jw, bad);
    }
    set_new(j, "words", words, bad);
    return j;
}

static const char *direction_name(nocr_direction d)
{
    return d == NOCR_DIR_VERTICAL ? "vertical" : "horizontal";
}

static json_t *json_region(const nocr_region *region, size_t k, int *bad)
{
    json_t *j = json_object(), *paras = json_array(), *lines = json_array();
    char id[64], line_id[96], article[32];
    if (!j || !paras || !lines) {
        json_decref(j);
        json_decref(paras);
        json_decref(lines);
        *bad = 1;
        return NULL;
    }
    snprintf(id, sizeof(id), "r%zu", k + 1);
    snprintf(article, sizeof(article), "a%d", region->article + 1);
    set_new(j, "id", json_string(id), bad);
    set_new(j, "role", json_string(nocr_role_name(region->role)), bad);
    set_new(j, "order", nocr_export_in_order(region) ? json_integer(region->order) : json_null(),
            bad);
    set_new(j, "article", region->article >= 0 ? json_string(article) : json_null(), bad);
    set_new(j, "continues", json_boolean(region->continues), bad);
    set_new(j, "direction", json_string(direction_name(region->direction)), bad);
    set_new(j, "box", json_box(region->box), bad);
    set_new(j, "polygon", json_polygon(region->box), bad);
    float conf = nocr_paragraph_confidence(region, 0, region->nlines);
    set_new(j, "confidence", json_conf(conf), bad);
    for (size_t first = 0, end; first < region->nlines && !*bad; first = end) {
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
    set_new(j, "paragraphs", paras, bad);
    for (size_t i = 0; i < region->nlines; i++) {
        snprintf(line_id, sizeof(line_id), "%s_l%zu", id, i + 1);
        push_new(lines, json_line(region->lines[i], line_id, bad), bad);
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
    for (size_t s = 0; s < page->nregions; s++) {
        const nocr_region *region = page->regions[seq[s]];
        if (!nocr_export_in_order(region) || region->article < 0)
            continue;
        char aid[32], rid[32];
        snprintf(aid, sizeof(aid), "a%d", region->article + 1);
        snprintf(rid, sizeof(rid), "r%zu", seq[s] + 1);
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

int nocr_export_json(char **out, const nocr_page *page, const nocr_export_info *info)
{
    if (!out || !page)
        return nocr_error_set(NOCR_EINVAL, "nocr_export_json: NULL argument");
    *out = NULL;
    size_t *seq = nocr_export_sequence(page);
    if (!seq && page->nregions)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    int bad = 0;
    json_t *root = json_object(), *regions = json_array(), *order = json_array();
    if (!root || !regions || !order) {
        json_decref(regions);
        json_decref(order);
        bad = 1;
        goto cleanup;
    }
    set_new(root, "schema", json_string("newsocr-page"), &bad);
    set_new(root, "version", json_string(NOCR_JSON_SCHEMA_VERSION), &bad);
    set_new(root, "engine",
            json_pack("{s:s, s:s, s:o, s:o}", "name", "newsocr", "version", NOCR_VERSION, "lang",
                      info && info->lang ? json_str(info->lang) : json_null(), "settings",
                      info && info->settings ? json_str(info->settings) : json_null()),
            &bad);
    const char *name = info && info->image_name ? info->image_name : page->source;
    set_new(root, "image",
            json_pack("{s:o, s:i}", "name", name ? json_str(name) : json_null(), "page_index",
                      page->index),
            &bad);
    set_new(root, "page",
            json_pack("{s:i, s:i, s:o, s:f, s:f}", "width", page->width, "height", page->height,
                      "dpi", page->dpi > 0 ? json_integer(page->dpi) : json_null(), "skew",
                      page->skew, "skew_confidence", page->skew_confidence),
            &bad);
    for (size_t s = 0; s < page->nregions && !bad; s++) {
        const nocr_region *region = page->regions[seq[s]];
        push_new(regions, json_region(region, seq[s], &bad), &bad);
        if (nocr_export_in_order(region)) {
            char rid[32];
            snprintf(rid, sizeof(rid), "r%zu", seq[s] + 1);
            push_new(order, json_string(rid), &bad);
        }
    }
    set_new(root, "reading_order", order, &bad);
    set_new(root, "articles", json_articles(page, seq, &bad), &bad);
    set_new(root, "regions", regions, &bad);
    char *text = NULL;
    if (!bad &&
        !(text = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6))))
        bad = 1;
    if (text) { /* end with a newline, like every text file */
        size_t n = strlen(text);
        if ((*out = malloc(n + 2))) {
            memcpy(*out, text, n);
            memcpy(*out + n, "\n", 2);
        } else {
            bad = 1;
        }
        free(text);
    }

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
