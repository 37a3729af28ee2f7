/*
 * second.h - Tesseract's layout analysis beside newsocr's (second.c): the second opinion
 * that keeps text newsocr's layout would lose, --layout tesseract, and the coverage check
 * after recognition. Included by process.c; no Tesseract type here (only recog/ includes
 * capi.h).
 *
 *   nocr_layout_check      after nocr_segment: Tesseract's blocks against newsocr's regions
 *   nocr_segment_tesseract  the page segmented by Tesseract's layout analysis
 *   nocr_layout_alphabetic  whether the page is read with Tesseract's layout from the start
 *   nocr_segment_alphabetic  that page: Tesseract's layout, then the ink check
 *   nocr_recognize_check   after nocr_recognize: ink left unread is read, coverage measured
 *   nocr_second_source     the picture a region added by the checks is read from
 */
#ifndef NEWSOCR_RECOG_SECOND_H
#define NEWSOCR_RECOG_SECOND_H

#include "core/internal.h"

/* Checks newsocr's regions of `page` against Tesseract's layout analysis of the page (on a
 * copy reduced to NOCR_SECOND_BODY_PX body height) and the text-like ink of the image:
 *   - when the engine has no language of a square script (CJK), newsocr's layout, whose
 *     measures assume such type, is replaced by Tesseract's (no warning: by design);
 *   - when newsocr's text regions hold much less of the ink than Tesseract's text blocks,
 *     or give absurd regions (heading regions holding most of the text), the page's
 *     regions are replaced by Tesseract's (as nocr_segment_tesseract) and a warning added;
 *   - else photos that Tesseract reads as text blocks become text regions, and ink that no
 *     text region holds becomes text regions: per Tesseract text block where one holds it
 *     (origin NOCR_ORIGIN_TESSERACT), else grouped by proximity (NOCR_ORIGIN_COVERAGE).
 * With tesseract_layout (a page from nocr_segment_tesseract) only the last step runs.
 * Errors: NOCR_ENOMEM, NOCR_EENGINE. */
int nocr_layout_check(nocr_page *page, nocr_engine *eng, const nocr_image *img,
                      int tesseract_layout);

/* A new page (as nocr_segment makes) whose text regions are Tesseract's text blocks with
 * their lines, roles guessed from size and position, photos Tesseract's image blocks,
 * rules preprocessing's; every region of origin NOCR_ORIGIN_TESSERACT. */
int nocr_segment_tesseract(nocr_page **out, nocr_engine *eng, const nocr_image *img);

/* True when the page is segmented by nocr_segment_alphabetic instead of nocr_segment and
 * nocr_layout_check: the engine has no language of a square script (lang_alphabetic in
 * second.c, e.g. -l eng), so nocr_layout_check would replace newsocr's layout by
 * Tesseract's anyway, and the image was preprocessed with a body size (nocr_segment
 * measures it itself on an image without one). Deciding first saves newsocr's own
 * segmentation, whose regions would be thrown away (about 0.3 s of CPU on fresh seed
 * 20261201239, perf). */
int nocr_layout_alphabetic(const nocr_engine *eng, const nocr_image *img);

/* True when the engine has no language of a square script (lang_alphabetic in second.c):
 * known before preprocessing, which enlarges alphabetic type less (preprocess.c). */
int nocr_lang_alphabetic(const nocr_engine *eng);

/* The page of an alphabetic script (nocr_layout_alphabetic): nocr_segment_tesseract's, then
 * the ink no text region holds read as nocr_layout_check reads it (per Tesseract text
 * block, origin NOCR_ORIGIN_TESSERACT, else by proximity, NOCR_ORIGIN_COVERAGE), from one
 * layout analysis: the page nocr_segment and nocr_layout_check give on such a page.
 * Errors: NOCR_ENOMEM, NOCR_EINVAL, NOCR_EENGINE. */
int nocr_segment_alphabetic(nocr_page **out, nocr_engine *eng, const nocr_image *img);

/* After nocr_recognize: regions the checks added whose text is noise are emptied
 * (nocr_cover_settle), text-like ink in no line with text is grouped into new regions and
 * recognized, and the page's coverage is set (nocr_cover_measure). */
int nocr_recognize_check(nocr_page *page, nocr_engine *eng, const nocr_image *img);

/* The working gray for a region the checks added over a photo (preprocessing cleared its
 * ink from the binary image, so recognition must read the gray); NULL for every other
 * region. Borrowed from img. */
struct Pix *nocr_second_source(const nocr_image *img, const nocr_region *region);

/* Tesseract's layout analysis runs on a copy scaled so that body text is this high
 * (working images hold it at 30-50 px): its line and column finding needs no more, and
 * the analysis costs a quarter as much. */
#define NOCR_SECOND_BODY_PX 16

#endif /* NEWSOCR_RECOG_SECOND_H */
