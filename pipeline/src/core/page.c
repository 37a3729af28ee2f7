/*
 * page.c - the page model: page -> regions -> lines -> words.
 *
 *   nocr_page_new, nocr_page_free, nocr_page_width, nocr_page_height, nocr_page_dpi,
 *   nocr_page_set_dpi, nocr_page_skew, nocr_page_set_skew, nocr_page_source,
 *   nocr_page_index, nocr_page_set_source, nocr_page_region_count, nocr_page_region,
 *   nocr_page_add_region, nocr_page_clear_regions, nocr_page_sort_by_order,
 *   nocr_page_warning_count, nocr_page_warning, nocr_page_add_warning,
 *   nocr_region_* and nocr_line_* and nocr_word_* accessors, nocr_role_name
 *
 * Ownership: the page owns its regions (an array of pointers, so a region pointer handed
 * out stays valid when more regions are added or the page is sorted), each region its lines,
 * each line its words. Strings are copied in.
 */
#include "core/page.h"

#include <string.h>

static const char *const role_names[NOCR_ROLE_COUNT] = {
    "unknown", "headline", "subheadline", "section-heading", "byline", "body",
    "caption", "page-header", "note",        "figure",          "separator",
};

const char *nocr_role_name(nocr_role role)
{
    if ((int)role < 0 || role >= NOCR_ROLE_COUNT)
        return role_names[0];
    return role_names[role];
}

int nocr_page_new(nocr_page **out, int width, int height)
{
    if (!out || width <= 0 || height <= 0)
        return nocr_error_set(NOCR_EINVAL, "page size %dx%d is invalid", width, height);
    nocr_page *page = calloc(1, sizeof(*page));
    if (!page)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    page->width = width;
    page->height = height;
    *out = page;
    return NOCR_OK;
}

static void word_clear(nocr_word *word)
{
    free(word->text);
}

static void line_clear(nocr_line *line)
{
    for (size_t i = 0; i < line->nwords; i++)
        word_clear(&line->words[i]);
    free(line->words);
    free(line->text);
}

static void region_free(nocr_region *region)
{
    if (!region)
        return;
    for (size_t i = 0; i < region->nlines; i++)
        line_clear(region->lines[i]);
    for (size_t i = 0; i < region->nlines; i++)
        free(region->lines[i]);
    free(region->lines);
    free(region);
}

void nocr_page_clear_regions(nocr_page *page)
{
    for (size_t i = 0; i < page->nregions; i++)
        region_free(page->regions[i]);
    page->nregions = 0;
}

void nocr_page_free(nocr_page *page)
{
    if (!page)
        return;
    nocr_page_clear_regions(page);
    for (size_t i = 0; i < page->nwarnings; i++)
        free(page->warnings[i]);
    free(page->warnings);
    free(page->regions);
    free(page->source);
    free(page);
}

int nocr_page_width(const nocr_page *page)
{
    return page->width;
}

int nocr_page_height(const nocr_page *page)
{
    return page->height;
}

int nocr_page_dpi(const nocr_page *page)
{
    return page->dpi;
}

void nocr_page_set_dpi(nocr_page *page, int dpi)
{
    page->dpi = dpi > 0 ? dpi : 0;
}

double nocr_page_skew(const nocr_page *page)
{
    return page->skew;
}

void nocr_page_set_skew(nocr_page *page, double degrees, double confidence)
{
    page->skew = degrees;
    page->skew_confidence = confidence;
}

const char *nocr_page_source(const nocr_page *page)
{
    return page->source ? page->source : "";
}

int nocr_page_index(const nocr_page *page)
{
    return page->index;
}

int nocr_page_set_source(nocr_page *page, const char *path, int index)
{
    char *copy = nocr_strdup(path ? path : "");
    if (!copy)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    free(page->source);
    page->source = copy;
    page->index = index;
    return NOCR_OK;
}

size_t nocr_page_warning_count(const nocr_page *page)
{
    return page->nwarnings;
}

const char *nocr_page_warning(const nocr_page *page, size_t i)
{
    return i < page->nwarnings ? page->warnings[i] : NULL;
}

int nocr_page_add_warning(nocr_page *page, const char *message)
{
    if (NOCR_ARRAY_GROW(page->warnings, page->wcap, page->nwarnings + 1))
        return NOCR_ENOMEM;
    if (!(page->warnings[page->nwarnings] = nocr_strdup(message ? message : "")))
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    page->nwarnings++;
    return NOCR_OK;
}

size_t nocr_page_region_count(const nocr_page *page)
{
    return page->nregions;
}

nocr_region *nocr_page_region(const nocr_page *page, size_t i)
{
    return i < page->nregions ? page->regions[i] : NULL;
}

int nocr_page_add_region(nocr_region **out, nocr_page *page, nocr_role role, nocr_box box)
{
    if (NOCR_ARRAY_GROW(page->regions, page->cap, page->nregions + 1))
        return NOCR_ENOMEM;
    nocr_region *region = calloc(1, sizeof(*region));
    if (!region)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    region->role = role;
    region->box = box;
    region->article = -1;
    region->order = -1;
    page->regions[page->nregions++] = region;
    if (out)
        *out = region;
    return NOCR_OK;
}

/* Stable insertion sort by order (-1 last): pages have at most a few hundred regions. */
void nocr_page_sort_by_order(nocr_page *page)
{
    for (size_t i = 1; i < page->nregions; i++) {
        nocr_region *r = page->regions[i];
        unsigned key = (unsigned)r->order; /* -1 becomes the largest */
        size_t j = i;
        while (j > 0 && (unsigned)page->regions[j - 1]->order > key) {
            page->regions[j] = page->regions[j - 1];
            j--;
        }
        page->regions[j] = r;
    }
}

nocr_role nocr_region_role(const nocr_region *region)
{
    return region->role;
}

void nocr_region_set_role(nocr_region *region, nocr_role role)
{
    region->role = role;
}

nocr_box nocr_region_box(const nocr_region *region)
{
    return region->box;
}

void nocr_region_set_box(nocr_region *region, nocr_box box)
{
    region->box = box;
}

nocr_direction nocr_region_direction(const nocr_region *region)
{
    return region->direction;
}

void nocr_region_set_direction(nocr_region *region, nocr_direction dir)
{
    region->direction = dir;
}

int nocr_region_article(const nocr_region *region)
{
    return region->article;
}

void nocr_region_set_article(nocr_region *region, int article)
{
    region->article = article < 0 ? -1 : article;
}

int nocr_region_order(const nocr_region *region)
{
    return region->order;
}

void nocr_region_set_order(nocr_region *region, int order)
{
    region->order = order < 0 ? -1 : order;
}

int nocr_region_continues(const nocr_region *region)
{
    return region->continues;
}

void nocr_region_set_continues(nocr_region *region, int continues)
{
    region->continues = continues ? 1 : 0;
}

float nocr_region_confidence(const nocr_region *region)
{
    double sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < region->nlines; i++) {
        if (region->lines[i]->confidence >= 0) {
            sum += region->lines[i]->confidence;
            n++;
        }
    }
    return n ? (float)(sum / (double)n) : -1.0f;
}

size_t nocr_region_line_count(const nocr_region *region)
{
    return region->nlines;
}

nocr_line *nocr_region_line(const nocr_region *region, size_t i)
{
    return i < region->nlines ? region->lines[i] : NULL;
}

int nocr_region_add_line(nocr_line **out, nocr_region *region, nocr_box box, const char *text,
                         float confidence)
{
    if (NOCR_ARRAY_GROW(region->lines, region->cap, region->nlines + 1))
        return NOCR_ENOMEM;
    nocr_line *line = calloc(1, sizeof(*line));
    if (!line)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    line->box = box;
    line->confidence = confidence;
    if (text && !(line->text = nocr_strdup(text))) {
        free(line);
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    }
    region->lines[region->nlines++] = line;
    if (out)
        *out = line;
    return NOCR_OK;
}

nocr_box nocr_line_box(const nocr_line *line)
{
    return line->box;
}

const char *nocr_line_text(const nocr_line *line)
{
    return line->text ? line->text : "";
}

int nocr_line_set_text(nocr_line *line, const char *text)
{
    char *copy = nocr_strdup(text ? text : "");
    if (!copy)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    free(line->text);
    line->text = copy;
    return NOCR_OK;
}

float nocr_line_confidence(const nocr_line *line)
{
    return line->confidence;
}

void nocr_line_set_confidence(nocr_line *line, float confidence)
{
    line->confidence = confidence;
}

int nocr_line_starts_paragraph(const nocr_line *line)
{
    return line->starts_paragraph;
}

void nocr_line_set_starts_paragraph(nocr_line *line, int starts)
{
    line->starts_paragraph = starts ? 1 : 0;
}

size_t nocr_line_word_count(const nocr_line *line)
{
    return line->nwords;
}

nocr_word *nocr_line_word(const nocr_line *line, size_t i)
{
    return i < line->nwords ? &line->words[i] : NULL;
}

int nocr_line_add_word(nocr_word **out, nocr_line *line, nocr_box box, const char *text,
                       float confidence)
{
    char *copy = nocr_strdup(text ? text : "");
    if (!copy)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    if (NOCR_ARRAY_GROW(line->words, line->cap, line->nwords + 1)) {
        free(copy);
        return NOCR_ENOMEM;
    }
    nocr_word *word = &line->words[line->nwords++];
    word->box = box;
    word->text = copy;
    word->confidence = confidence;
    if (out)
        *out = word;
    return NOCR_OK;
}

nocr_box nocr_word_box(const nocr_word *word)
{
    return word->box;
}

const char *nocr_word_text(const nocr_word *word)
{
    return word->text ? word->text : "";
}

float nocr_word_confidence(const nocr_word *word)
{
    return word->confidence;
}
