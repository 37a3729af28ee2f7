/*
 * reconstruct.c - reading order, articles and paragraphs, on the page model alone.
 *
 *   nocr_reconstruct     set order and article of every region, mark paragraph starts
 *
 * This first version keeps the segmenter's block order for text, puts page headers first,
 * captions of an article after its body and page notes last, and makes the first line of
 * every text region start a paragraph. Figures and separators carry no text and get no
 * order (-1). The column- and article-aware reconstructor replaces it behind the same
 * interface.
 */
#include "page.h"

/* Rank of a role in the coarse order page header < text < caption < note. */
static int role_rank(nocr_role role)
{
    switch (role) {
    case NOCR_ROLE_PAGE_HEADER:
        return 0;
    case NOCR_ROLE_CAPTION:
        return 2;
    case NOCR_ROLE_NOTE:
        return 3;
    default:
        return 1;
    }
}

static int region_has_text(const nocr_region *region)
{
    return region->role != NOCR_ROLE_FIGURE && region->role != NOCR_ROLE_SEPARATOR;
}

int nocr_reconstruct(nocr_page *page)
{
    if (!page)
        return nocr_error_set(NOCR_EINVAL, "nocr_reconstruct: NULL page");
    int next = 0;
    for (int rank = 0; rank <= 3; rank++) {
        for (size_t i = 0; i < page->nregions; i++) {
            nocr_region *region = page->regions[i];
            if (!region_has_text(region) || role_rank(region->role) != rank)
                continue;
            region->order = next++;
            if (region->nlines > 0)
                region->lines[0]->starts_paragraph = 1;
        }
    }
    for (size_t i = 0; i < page->nregions; i++) {
        if (!region_has_text(page->regions[i]))
            page->regions[i]->order = -1;
    }
    nocr_page_sort_by_order(page);
    return NOCR_OK;
}
