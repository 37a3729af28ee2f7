/*
 * page.h - private struct bodies of the page model (see newsocr.h for the contract).
 *
 * Only core/page.c reads these fields; every stage goes through the accessors of
 * newsocr.h, so that a stage written outside the library sees what the others see.
 */
#ifndef NEWSOCR_PAGE_H
#define NEWSOCR_PAGE_H

#include "core/internal.h"

struct nocr_word {
    nocr_box box;
    char *text;
    float confidence;
};

struct nocr_line {
    nocr_box box;
    nocr_box wbox; /* the box in the working image, when segmentation found it (w > 0) */
    char *text;
    float confidence;
    int starts_paragraph;
    nocr_word *words; /* owned array */
    size_t nwords, cap;
};

struct nocr_region {
    nocr_role role;
    nocr_box box;
    nocr_box wbox; /* the box in the working image, when segmentation found it (w > 0):
                    * mapping a deskewed box to the original and back would widen it */
    nocr_direction direction;
    int article;
    int order;
    int continues;   /* first line continues the previous region's last paragraph */
    nocr_origin origin;
    nocr_line **lines; /* owned pointers: a line handed out stays valid */
    size_t nlines, cap;
};

struct nocr_page {
    int width, height; /* original pixels */
    int dpi;
    double skew, skew_confidence;
    int body_height; /* body text character height (original px); 0 when unknown */
    double coverage; /* share of text-like ink recognized; -1 until measured */
    char *lang;      /* recognition language chosen; NULL until recognition */
    char *source;
    int index;
    nocr_region **regions; /* owned pointers */
    size_t nregions, cap;
    char **warnings; /* owned strings */
    size_t nwarnings, wcap;
};

#endif /* NEWSOCR_PAGE_H */
