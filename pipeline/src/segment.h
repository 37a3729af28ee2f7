/*
 * segment.h - private interface between the segmentation and recognition modules.
 */
#ifndef NEWSOCR_SEGMENT_H
#define NEWSOCR_SEGMENT_H

#include "internal.h"

/* Runs Tesseract's page layout analysis (its ColumnFinder) on the image's working picture
 * and appends one region per block to `page`, in Tesseract's order: text blocks as body,
 * headline or caption, image blocks as figures, rules as separators; boxes in original
 * pixels. Implemented in recognize.c, the only module that includes Tesseract. */
int nocr_engine_layout(nocr_page *page, nocr_engine *eng, const nocr_image *img);

#endif /* NEWSOCR_SEGMENT_H */
