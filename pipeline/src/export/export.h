/*
 * export.h - private helpers shared by the export modules (export_*.c).
 *
 *   Paragraphs (paragraph.c)
 *     nocr_paragraph_end         one past the last line of the paragraph starting at a line
 *     nocr_paragraph_text        a paragraph's lines joined as the txt export joins them
 *     nocr_paragraph_count, nocr_paragraph_id, nocr_paragraph_box, nocr_paragraph_confidence
 *   Tokens (export_util.c)
 *     nocr_line_tokens           a line's words merged into the words of the print
 *     nocr_tokens_free
 *   Text and names (export_util.c)
 *     nocr_export_clean          valid UTF-8 for XML or JSON (U+FFFD for what cannot go)
 *     nocr_export_structure      the ground-truth convention's role names
 *     nocr_export_in_order       does a region belong to the reading order
 *     nocr_export_sequence       the order regions are written in
 *     nocr_export_begin          checks, sequence and writer: the start of an XML export
 *     nocr_export_end            hands the document over or discards it
 *     nocr_export_timestamp      creation time for the XML metadata
 *     nocr_export_has_text       is a region a text region
 *   XML writing (export_util.c): a thin layer over libxml2's xmlTextWriter that keeps the
 *   first error and cleans every string it writes
 *     nocr_xw_open, nocr_xw_start, nocr_xw_end, nocr_xw_attr, nocr_xw_attrf, nocr_xw_text,
 *     nocr_xw_element, nocr_xw_close
 */
#ifndef NEWSOCR_EXPORT_H
#define NEWSOCR_EXPORT_H

#include "core/page.h"

#include <libxml/xmlwriter.h>

/* Lines [first, end) of `region` form one paragraph: a paragraph starts at the region's
 * first line and at every line marked starts_paragraph. Returns end (> first); first must
 * be below the region's line count. */
size_t nocr_paragraph_end(const nocr_region *region, size_t first);

/* The text of lines [first, end) joined with nocr_text_join (no break between CJK
 * characters, one space between Latin words, hyphenated words rejoined), exactly as the
 * txt export writes the paragraph. *out is the caller's (free()); "" when the lines hold
 * no text. Errors: NOCR_ENOMEM. */
int nocr_paragraph_text(char **out, const nocr_region *region, size_t first, size_t end);

/* Paragraphs of a region (a region without lines counts as one, with no lines). */
size_t nocr_paragraph_count(const nocr_region *region);
/* The id of paragraph p (0-based) of the region at page index k: "rK+1" when the region
 * has one paragraph, else "rK+1_P+1" (PAGE TextRegion, ALTO TextBlock, hOCR ocr_par). */
void nocr_paragraph_id(char *out, size_t n, const nocr_region *region, size_t k, size_t p);
/* The box of lines [first, end): the region's box for all its lines (or none with boxes),
 * else the union of the lines' boxes. */
nocr_box nocr_paragraph_box(const nocr_region *region, size_t first, size_t end);
/* Mean confidence of lines [first, end), 0..100; -1 when none is known. */
float nocr_paragraph_confidence(const nocr_region *region, size_t first, size_t end);

/* One word as printed: Tesseract's chi_sim gives a "word" per Han character; consecutive
 * words with no space between them in the line's text are one token: a CJK side at the
 * join and a gap narrower than NOCR_TOKEN_SPACE_GAP of the line height (the recognizer's
 * rule), or a space nocr_text_normalize removes (between two CJK characters, around CJK
 * punctuation). Its text is cleaned with nocr_text_normalize. */
typedef struct nocr_token {
    nocr_box box;      /* union of its words' boxes */
    char *text;        /* owned */
    float confidence;  /* lowest of its words', -1 when unknown */
    size_t first, end; /* words [first, end) of the line; 0, 0 for a line without words */
} nocr_token;

#define NOCR_TOKEN_SPACE_GAP 0.35f

/* The tokens of a line, in order. A line without words gives one token, its text and box
 * (none when its text is empty); tokens with empty text are dropped. *out (may be NULL when
 * *out_n is 0) is freed with nocr_tokens_free. Errors: NOCR_ENOMEM. */
int nocr_line_tokens(nocr_token **out, size_t *out_n, const nocr_line *line);
void nocr_tokens_free(nocr_token *tokens, size_t n);

/* A copy of s (NULL: "") that is valid UTF-8: invalid bytes, surrogates and the
 * non-characters U+FFFE/U+FFFF become U+FFFD; with `xml` set, so do the control characters
 * XML 1.0 cannot carry (C0 but tab, LF and CR). Escaping is the writer's business (libxml2,
 * jansson). NULL when out of memory. */
char *nocr_export_clean(const char *s, int xml);

/* The structure name of the ground-truth convention (samples/README.md): headline,
 * subheadline, section-heading, byline, body, caption, folio, note, figure, separator,
 * unknown. */
const char *nocr_export_structure(nocr_role role);

/* 1 when the region is a text region (not a figure or a separator). */
int nocr_export_has_text(const nocr_region *region);
/* 1 when the region is a text region in the reading order (order >= 0). */
int nocr_export_in_order(const nocr_region *region);

/* The order in which exports write the regions: the text regions in reading order (by
 * order, stable), then every other region in page order (figures, separators, text left
 * out of the reading order). Returns a malloc'd array of page->nregions region indexes
 * (NULL when out of memory, or for a page without regions, with *out_n 0). A region's id in
 * every export is "r" followed by its index in the page plus 1. */
size_t *nocr_export_sequence(const nocr_page *page);
/* How many regions at the front of `seq` are in the reading order (the rest are figures,
 * rules and noise). */
size_t nocr_export_ordered_count(const nocr_page *page, const size_t *seq);

/* The timestamp exports record (xsd:dateTime, UTC): $SOURCE_DATE_EPOCH when set (for
 * reproducible output), else now. */
void nocr_export_timestamp(char out[32]);

/* The XML writer: failures are remembered (the first one wins) and reported by close. */
typedef struct nocr_xw {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    int failed;
} nocr_xw;

/* The common start of an XML export: checks the arguments (*out = NULL), makes the
 * reading sequence of the page's regions (*seq, the caller's, free()) and opens the
 * writer. `fn` names the export in messages. Errors: NOCR_EINVAL, NOCR_ENOMEM; on error
 * nothing is left to free. */
int nocr_export_begin(nocr_xw *xw, size_t **seq, char **out, const nocr_page *page,
                      const char *fn);

/* The common end of an XML export: frees seq, and either hands the document over
 * (nocr_xw_close into *out) or, when rc is an error, discards it and returns rc. */
int nocr_export_end(nocr_xw *xw, size_t *seq, int rc, char **out, const char *what);

/* Opens a writer on a memory buffer, indenting by two spaces, and writes the XML
 * declaration (UTF-8). Errors: NOCR_ENOMEM. */
int nocr_xw_open(nocr_xw *xw);
void nocr_xw_start(nocr_xw *xw, const char *name);
void nocr_xw_start_ns(nocr_xw *xw, const char *name, const char *ns);
void nocr_xw_end(nocr_xw *xw);
/* Ends an element with an end tag even when it is empty (<div></div>, for XHTML). */
void nocr_xw_full_end(nocr_xw *xw);
/* Indentation on or off (off inside hOCR lines, where white space is text). */
void nocr_xw_indent(nocr_xw *xw, int on);
/* Attributes and text are cleaned (nocr_export_clean) and escaped by libxml2. */
void nocr_xw_attr(nocr_xw *xw, const char *name, const char *value);
void nocr_xw_attrf(nocr_xw *xw, const char *name, const char *fmt, ...) NOCR_PRINTF(3, 4);
void nocr_xw_text(nocr_xw *xw, const char *text);
/* <name>text</name> */
void nocr_xw_element(nocr_xw *xw, const char *name, const char *text);
/* Ends the document and hands the text over: *out is the caller's (free()). The writer is
 * released whatever happens. Errors: NOCR_ENOMEM (a write failed), naming `what`. */
int nocr_xw_close(nocr_xw *xw, char **out, const char *what);

#endif /* NEWSOCR_EXPORT_H */
