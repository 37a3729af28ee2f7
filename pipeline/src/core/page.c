/*
 * page.c - the page model: page -> regions -> lines -> words.
 *
 *   nocr_page_new, nocr_page_free, nocr_page_width, nocr_page_height, nocr_page_dpi,
 *   nocr_page_set_dpi, nocr_page_skew, nocr_page_set_skew, nocr_page_source,
 *   nocr_page_index, nocr_page_set_source, nocr_page_region_count, nocr_page_region,
 *   nocr_page_add_region, nocr_page_clear_regions, nocr_page_sort_by_order,
 *   nocr_page_warning_count, nocr_page_warning, nocr_page_add_warning,
 *   nocr_page_body_height, nocr_page_set_body_height, nocr_page_skew_confidence,
 *   nocr_region_* and nocr_line_* and nocr_word_* accessors (work boxes, line and word
 *   removal), nocr_line_copy (internal.h), nocr_line_set_word_text,
 *   nocr_line_remove_word, nocr_line_text_from_words,
 *   nocr_role_name, nocr_role_is_text
 *
 * Getters accept NULL and then return the empty value (0, "", NULL, an empty box, -1 for
 * an order, article or confidence); setters ignore a NULL object.
 * Ownership: the page owns its regions (an array of pointers, so a region pointer handed
 * out stays valid when more regions are added or the page is sorted), each region its lines,
 * each line its words. Strings are copied in.
 */
#include "core/page.h"

#include <string.h>

static const char *const role_names[NOCR_ROLE_COUNT] = {
    "unknown", "headline", "subheadline", "section-heading", "byline",    "body",
    "caption", "folio",    "note",        "figure",          "separator",
};

const char *nocr_role_name(nocr_role role)
{
    if ((int)role < 0 || role >= NOCR_ROLE_COUNT)
        return role_names[0];
    return role_names[role];
}

const char *nocr_origin_name(nocr_origin origin)
{
    static const char *const names[] = {"layout", "tesseract", "coverage"};
    return (int)origin >= 0 && origin <= NOCR_ORIGIN_COVERAGE ? names[origin] : "unknown";
}

int nocr_role_is_text(nocr_role role)
{
    return role != NOCR_ROLE_FIGURE && role != NOCR_ROLE_SEPARATOR;
}

/* Whether a box is within the model's range (NOCR_MAX_COORD), and a box forced into it. */
static int box_ok(nocr_box b)
{
    return b.x >= -NOCR_MAX_COORD && b.y >= -NOCR_MAX_COORD && b.w >= 0 && b.h >= 0 &&
           b.x <= NOCR_MAX_COORD - b.w && b.y <= NOCR_MAX_COORD - b.h;
}

static int clamp_int(int v, int lo, int hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

static nocr_box box_clamp(nocr_box b)
{
    b.x = clamp_int(b.x, -NOCR_MAX_COORD, NOCR_MAX_COORD);
    b.y = clamp_int(b.y, -NOCR_MAX_COORD, NOCR_MAX_COORD);
    b.w = clamp_int(b.w, 0, NOCR_MAX_COORD - b.x);
    b.h = clamp_int(b.h, 0, NOCR_MAX_COORD - b.y);
    return b;
}

static int box_refused(nocr_box b)
{
    return nocr_error_set(NOCR_EINVAL, "box %d,%d %dx%d is outside the page model's range", b.x,
                          b.y, b.w, b.h);
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
    page->coverage = -1;
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
    if (!page)
        return;
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
    free(page->lang);
    free(page);
}

int nocr_page_width(const nocr_page *page)
{
    if (!page)
        return 0;
    return page->width;
}

int nocr_page_height(const nocr_page *page)
{
    if (!page)
        return 0;
    return page->height;
}

int nocr_page_dpi(const nocr_page *page)
{
    if (!page)
        return 0;
    return page->dpi;
}

void nocr_page_set_dpi(nocr_page *page, int dpi)
{
    if (!page)
        return;
    page->dpi = dpi > 0 ? dpi : 0;
}

double nocr_page_skew(const nocr_page *page)
{
    if (!page)
        return 0;
    return page->skew;
}

double nocr_page_skew_confidence(const nocr_page *page)
{
    if (!page)
        return 0;
    return page->skew_confidence;
}

void nocr_page_set_skew(nocr_page *page, double degrees, double confidence)
{
    if (!page)
        return;
    page->skew = degrees;
    page->skew_confidence = confidence;
}

/* Body lines are far below this height in any scan (40 px at 300 dpi; an A2 page at 600
 * dpi has 100 px); taller lines are headlines mislabelled and are counted as this. */
#define BODY_HEIGHT_MAX 1024

int nocr_page_body_height(const nocr_page *page)
{
    if (!page)
        return 0;
    if (page->body_height > 0)
        return page->body_height;
    /* The median body line height, from a histogram: no allocation, so no failure. */
    unsigned hist[BODY_HEIGHT_MAX + 1] = {0};
    size_t n = 0;
    for (size_t i = 0; i < page->nregions; i++) {
        const nocr_region *r = page->regions[i];
        for (size_t j = 0; r->role == NOCR_ROLE_BODY && j < r->nlines; j++) {
            int h = r->lines[j]->box.h;
            if (h > 0) {
                hist[h < BODY_HEIGHT_MAX ? h : BODY_HEIGHT_MAX]++;
                n++;
            }
        }
    }
    size_t seen = 0;
    for (int h = 1; n > 0 && h <= BODY_HEIGHT_MAX; h++) {
        seen += hist[h];
        if (seen > n / 2)
            return h;
    }
    return 0;
}

double nocr_page_coverage(const nocr_page *page)
{
    return page ? page->coverage : -1;
}

void nocr_page_set_coverage(nocr_page *page, double coverage)
{
    if (!page)
        return;
    page->coverage = coverage < 0 ? -1 : (coverage > 1 ? 1 : coverage);
}

const char *nocr_page_lang(const nocr_page *page)
{
    return page && page->lang ? page->lang : "";
}

int nocr_page_set_lang(nocr_page *page, const char *lang)
{
    if (!page)
        return nocr_error_set(NOCR_EINVAL, "NULL page");
    char *copy = nocr_strdup(lang ? lang : "");
    if (!copy)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    free(page->lang);
    page->lang = copy;
    return NOCR_OK;
}

void nocr_page_set_body_height(nocr_page *page, int pixels)
{
    if (!page)
        return;
    page->body_height = pixels > 0 ? pixels : 0;
}

const char *nocr_page_source(const nocr_page *page)
{
    if (!page)
        return "";
    return page->source ? page->source : "";
}

int nocr_page_index(const nocr_page *page)
{
    if (!page)
        return 0;
    return page->index;
}

int nocr_page_set_source(nocr_page *page, const char *path, int index)
{
    if (!page)
        return nocr_error_set(NOCR_EINVAL, "NULL page");
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
    if (!page)
        return 0;
    return page->nwarnings;
}

const char *nocr_page_warning(const nocr_page *page, size_t i)
{
    if (!page)
        return NULL;
    return i < page->nwarnings ? page->warnings[i] : NULL;
}

int nocr_page_add_warning(nocr_page *page, const char *message)
{
    if (!page)
        return nocr_error_set(NOCR_EINVAL, "NULL page");
    if (NOCR_ARRAY_GROW(page->warnings, page->wcap, page->nwarnings + 1))
        return NOCR_ENOMEM;
    if (!(page->warnings[page->nwarnings] = nocr_strdup(message ? message : "")))
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    page->nwarnings++;
    return NOCR_OK;
}

size_t nocr_page_region_count(const nocr_page *page)
{
    if (!page)
        return 0;
    return page->nregions;
}

nocr_region *nocr_page_region(const nocr_page *page, size_t i)
{
    if (!page)
        return NULL;
    return i < page->nregions ? page->regions[i] : NULL;
}

int nocr_page_add_region(nocr_region **out, nocr_page *page, nocr_role role, nocr_box box)
{
    if (!page)
        return nocr_error_set(NOCR_EINVAL, "NULL page");
    if (!box_ok(box))
        return box_refused(box);
    if (NOCR_ARRAY_GROW(page->regions, page->cap, page->nregions + 1))
        return NOCR_ENOMEM;
    nocr_region *region = calloc(1, sizeof(*region));
    if (!region)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    region->role = role;
    region->box = box_clamp(box);
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
    if (!page)
        return;
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
    if (!region)
        return NOCR_ROLE_UNKNOWN;
    return region->role;
}

void nocr_region_set_role(nocr_region *region, nocr_role role)
{
    if (!region)
        return;
    region->role = role;
}

nocr_box nocr_region_box(const nocr_region *region)
{
    if (!region)
        return (nocr_box){0, 0, 0, 0};
    return region->box;
}

void nocr_region_set_box(nocr_region *region, nocr_box box)
{
    if (!region)
        return;
    region->box = box_clamp(box);
}

nocr_direction nocr_region_direction(const nocr_region *region)
{
    if (!region)
        return NOCR_DIR_HORIZONTAL;
    return region->direction;
}

void nocr_region_set_direction(nocr_region *region, nocr_direction dir)
{
    if (!region)
        return;
    region->direction = dir;
}

int nocr_region_article(const nocr_region *region)
{
    if (!region)
        return -1;
    return region->article;
}

void nocr_region_set_article(nocr_region *region, int article)
{
    if (!region)
        return;
    region->article = article < 0 ? -1 : article;
}

int nocr_region_order(const nocr_region *region)
{
    if (!region)
        return -1;
    return region->order;
}

void nocr_region_set_order(nocr_region *region, int order)
{
    if (!region)
        return;
    region->order = order < 0 ? -1 : order;
}

int nocr_region_continues(const nocr_region *region)
{
    if (!region)
        return 0;
    return region->continues;
}

void nocr_region_set_continues(nocr_region *region, int continues)
{
    if (!region)
        return;
    region->continues = continues ? 1 : 0;
}

float nocr_region_confidence(const nocr_region *region)
{
    if (!region)
        return -1.0f;
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

nocr_box nocr_region_work_box(const nocr_region *region)
{
    if (!region)
        return (nocr_box){0, 0, 0, 0};
    return region->wbox;
}

void nocr_region_set_work_box(nocr_region *region, nocr_box box)
{
    if (!region)
        return;
    region->wbox = box_clamp(box);
}

nocr_origin nocr_region_origin(const nocr_region *region)
{
    return region ? region->origin : NOCR_ORIGIN_LAYOUT;
}

void nocr_region_set_origin(nocr_region *region, nocr_origin origin)
{
    if (!region)
        return;
    region->origin = origin;
}

void nocr_region_remove_line(nocr_region *region, size_t i)
{
    if (!region || i >= region->nlines)
        return;
    line_clear(region->lines[i]);
    free(region->lines[i]);
    memmove(&region->lines[i], &region->lines[i + 1],
            (region->nlines - i - 1) * sizeof(region->lines[0]));
    region->nlines--;
}

void nocr_region_clear_lines(nocr_region *region)
{
    if (!region)
        return;
    for (size_t i = 0; i < region->nlines; i++) {
        line_clear(region->lines[i]);
        free(region->lines[i]);
    }
    region->nlines = 0;
}

size_t nocr_region_line_count(const nocr_region *region)
{
    if (!region)
        return 0;
    return region->nlines;
}

nocr_line *nocr_region_line(const nocr_region *region, size_t i)
{
    if (!region)
        return NULL;
    return i < region->nlines ? region->lines[i] : NULL;
}

int nocr_region_add_line(nocr_line **out, nocr_region *region, nocr_box box, const char *text,
                         float confidence)
{
    if (!region)
        return nocr_error_set(NOCR_EINVAL, "NULL region");
    if (!box_ok(box))
        return box_refused(box);
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
    if (!line)
        return (nocr_box){0, 0, 0, 0};
    return line->box;
}

const char *nocr_line_text(const nocr_line *line)
{
    if (!line)
        return "";
    return line->text ? line->text : "";
}

/* Replaces the line's text, its words untouched (the word editors' last step). */
static int line_put_text(nocr_line *line, char *text)
{
    if (!text)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    free(line->text);
    line->text = text;
    return NOCR_OK;
}

int nocr_line_set_text(nocr_line *line, const char *text)
{
    if (!line)
        return nocr_error_set(NOCR_EINVAL, "NULL line");
    if (line->nwords > 0) {
        char *word = nocr_strdup(text ? text : "");
        if (!word)
            return nocr_error_set(NOCR_ENOMEM, "out of memory");
        for (size_t i = 0; i < line->nwords; i++)
            word_clear(&line->words[i]);
        line->words[0] = (nocr_word){line->box, word, line->confidence};
        line->nwords = 1;
    }
    return line_put_text(line, nocr_strdup(text ? text : ""));
}

int nocr_line_text_from_words(nocr_line *line)
{
    if (!line)
        return nocr_error_set(NOCR_EINVAL, "NULL line");
    size_t len = 1;
    for (size_t i = 0; i < line->nwords; i++)
        len += strlen(line->words[i].text) + 1;
    char *joined = malloc(len), *p = joined;
    if (!joined)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    for (size_t i = 0; i < line->nwords; i++) {
        const nocr_word *word = &line->words[i];
        size_t n = strlen(word->text);
        if (i > 0 && n > 0 && p > joined) {
            const nocr_word *prev = &line->words[i - 1];
            int cjk = nocr_text_is_cjk(nocr_utf8_last(prev->text)) ||
                      nocr_text_is_cjk(nocr_utf8_first(word->text));
            int gap = word->box.x - (prev->box.x + prev->box.w);
            if (!cjk || (double)gap > NOCR_CJK_LATIN_SPACE_GAP * line->box.h)
                *p++ = ' ';
        }
        memcpy(p, word->text, n);
        p += n;
    }
    *p = '\0';
    char *clean = NULL;
    int rc = nocr_text_normalize(&clean, joined);
    free(joined);
    return rc ? rc : line_put_text(line, clean);
}

int nocr_line_set_word_text(nocr_line *line, size_t i, const char *text)
{
    if (!line || i >= line->nwords)
        return nocr_error_set(NOCR_EINVAL, "word %zu: no such word in the line", i);
    char *copy = nocr_strdup(text ? text : "");
    if (!copy)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    free(line->words[i].text);
    line->words[i].text = copy;
    return nocr_line_text_from_words(line);
}

int nocr_line_remove_word(nocr_line *line, size_t i)
{
    if (!line || i >= line->nwords)
        return nocr_error_set(NOCR_EINVAL, "word %zu: no such word in the line", i);
    word_clear(&line->words[i]);
    memmove(&line->words[i], &line->words[i + 1], (line->nwords - i - 1) * sizeof(nocr_word));
    line->nwords--;
    return nocr_line_text_from_words(line);
}

nocr_box nocr_line_work_box(const nocr_line *line)
{
    if (!line)
        return (nocr_box){0, 0, 0, 0};
    return line->wbox;
}

void nocr_line_set_work_box(nocr_line *line, nocr_box box)
{
    if (!line)
        return;
    line->wbox = box_clamp(box);
}

float nocr_line_confidence(const nocr_line *line)
{
    if (!line)
        return -1.0f;
    return line->confidence;
}

void nocr_line_set_confidence(nocr_line *line, float confidence)
{
    if (!line)
        return;
    line->confidence = confidence;
}

int nocr_line_starts_paragraph(const nocr_line *line)
{
    if (!line)
        return 0;
    return line->starts_paragraph;
}

void nocr_line_set_starts_paragraph(nocr_line *line, int starts)
{
    if (!line)
        return;
    line->starts_paragraph = starts ? 1 : 0;
}

size_t nocr_line_word_count(const nocr_line *line)
{
    if (!line)
        return 0;
    return line->nwords;
}

nocr_word *nocr_line_word(const nocr_line *line, size_t i)
{
    if (!line)
        return NULL;
    return i < line->nwords ? &line->words[i] : NULL;
}

int nocr_line_add_word(nocr_word **out, nocr_line *line, nocr_box box, const char *text,
                       float confidence)
{
    if (!line)
        return nocr_error_set(NOCR_EINVAL, "NULL line");
    if (!box_ok(box))
        return box_refused(box);
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

int nocr_line_copy(nocr_region *dst, const nocr_line *src)
{
    nocr_line *to = NULL;
    if (!src)
        return nocr_error_set(NOCR_EINVAL, "NULL line");
    int rc = nocr_region_add_line(&to, dst, src->box, src->text, src->confidence);
    if (rc)
        return rc;
    to->wbox = src->wbox;
    to->starts_paragraph = src->starts_paragraph;
    for (size_t i = 0; i < src->nwords && !rc; i++)
        rc = nocr_line_add_word(NULL, to, src->words[i].box, src->words[i].text,
                                src->words[i].confidence);
    return rc;
}

nocr_box nocr_word_box(const nocr_word *word)
{
    if (!word)
        return (nocr_box){0, 0, 0, 0};
    return word->box;
}

const char *nocr_word_text(const nocr_word *word)
{
    if (!word)
        return "";
    return word->text ? word->text : "";
}

float nocr_word_confidence(const nocr_word *word)
{
    if (!word)
        return -1.0f;
    return word->confidence;
}
