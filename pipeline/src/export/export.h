/*
 * export.h - private helpers shared by the export modules (one file per format).
 *
 * Every export reads the page model through the accessors of newsocr.h alone, as a writer
 * made outside the library would.
 *
 *   Paragraphs (paragraph.c)
 *     nocr_paragraph_end         one past the last line of the paragraph starting at a line
 *     nocr_paragraph_text        a paragraph's lines joined as the txt export joins them
 *     nocr_paragraph_count, nocr_paragraph_id, nocr_paragraph_box, nocr_paragraph_confidence
 *   Tokens (util.c)
 *     nocr_line_tokens           a line's words merged into the words of the print
 *     nocr_tokens_free
 *   Names, order and text (util.c)
 *     nocr_export_region_id      "rN", a region's id in every export
 *     nocr_export_image_path, nocr_export_image_name   the image named in an export
 *     nocr_export_settings       "lang=...; settings" for the XML metadata
 *     nocr_export_lang           the page's recognition language, as Tesseract names it
 *     nocr_export_lang_names     a Tesseract language in the exports' vocabularies
 *     nocr_export_in_order       does a region belong to the reading order
 *     nocr_export_sequence       the order regions are written in
 *     nocr_export_ordered_count  how many of them are in the reading order
 *     nocr_export_clean          valid UTF-8 for XML or JSON (U+FFFD for what cannot go)
 *     nocr_export_timestamp      creation time for the XML metadata
 *   XML exports (util.c): a thin layer over libxml2's xmlTextWriter that keeps the first
 *   error and cleans every string it writes
 *     nocr_export_xml            an XML export: checks, sequence, writer, the regions in order
 *     nocr_export_reading_order  ALTO's and PAGE's ReadingOrder: groups by article
 *     nocr_xw_open, nocr_xw_start, nocr_xw_start_ns, nocr_xw_end, nocr_xw_full_end,
 *     nocr_xw_indent, nocr_xw_attr, nocr_xw_attrf, nocr_xw_conf, nocr_xw_text,
 *     nocr_xw_element, nocr_xw_close
 */
#ifndef NEWSOCR_EXPORT_H
#define NEWSOCR_EXPORT_H

#include "core/internal.h"

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

/* The id of the region at page index k in every export: "r" and k + 1. */
void nocr_export_region_id(char *out, size_t n, size_t k);

/* The image an export names: info->image_name, else the page's source; NULL when neither
 * is set. _name is its file name without the directory, "page" when there is none. */
const char *nocr_export_image_path(const nocr_page *page, const nocr_export_info *info);
const char *nocr_export_image_name(const nocr_page *page, const nocr_export_info *info);

/* "lang=LANG; SETTINGS" (either empty when unknown), the provenance the XML exports record. */
void nocr_export_settings(char *out, size_t n, const nocr_export_info *info);

/* The language the page was read in, as Tesseract names it: nocr_page_lang when
 * recognition set it (the choice of -l auto), else info->lang; NULL when neither. */
const char *nocr_export_lang(const nocr_page *page, const nocr_export_info *info);

/* One Tesseract language in the vocabularies of the exports; a field is NULL when the
 * language has no name there. */
typedef struct nocr_lang_names {
    const char *iso639;      /* ISO 639-1 code (hOCR ocr-langs): "zh", "en" */
    const char *iso15924;    /* ISO 15924 script (hOCR ocr-scripts): "Hans", "Hant", "Latn" */
    const char *bcp47;       /* BCP 47 tag (HTML lang, ALTO LANG, xsd:language): "zh-Hant" */
    const char *page;        /* PAGE LanguageSimpleType (primaryLanguage): "Chinese" */
    const char *page_script; /* PAGE ScriptSimpleType (primaryScript) */
} nocr_lang_names;

/* The names of the first language of a Tesseract language string ("chi_tra",
 * "chi_sim+eng": chi_sim; the vertical models chi_sim_vert and chi_tra_vert as their
 * script); all NULL for a language the table does not know ("auto", NULL). */
nocr_lang_names nocr_export_lang_names(const char *tess_lang);

/* 1 when the region is a text region (nocr_role_is_text) in the reading order
 * (order >= 0). */
int nocr_export_in_order(const nocr_region *region);

/* The order in which exports write the regions: the text regions in reading order (by
 * order, stable), then every other region in page order (figures, separators, text left
 * out of the reading order). *out is a malloc'd array of nocr_page_region_count(page)
 * region indexes, the caller's (free()); NULL for a page without regions. A region's id in
 * every export is nocr_export_region_id of its index in the page. Errors: NOCR_ENOMEM. */
int nocr_export_sequence(size_t **out, const nocr_page *page);
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

/* An XML format, for nocr_export_xml. */
typedef struct nocr_xml_format {
    const char *fn;   /* the export function, named in argument errors */
    const char *what; /* the format, named in write errors */
    /* Writes what comes before the regions (after the XML declaration); seq is the order
     * of the regions (nocr_export_sequence). */
    void (*head)(nocr_xw *xw, const nocr_page *page, const nocr_export_info *info,
                 const size_t *seq, void *data);
    /* Writes a region in the reading order (k: its index in the page); 0 or an error. */
    int (*text)(nocr_xw *xw, const nocr_region *region, size_t k, void *data);
    /* Writes a figure, a rule or text left out of the reading order. */
    void (*other)(nocr_xw *xw, const nocr_region *region, size_t k);
    /* Ends the elements head left open. */
    void (*tail)(nocr_xw *xw);
} nocr_xml_format;

/* Writes an XML export of `page` into *out (the caller's, free()): the declaration, head,
 * each region in the order of nocr_export_sequence (text or other), tail. `data` is
 * passed to the callbacks. On error *out is NULL. Errors: NOCR_EINVAL (NULL out or page),
 * NOCR_ENOMEM, and what text returns. */
int nocr_export_xml(char **out, const nocr_page *page, const nocr_export_info *info,
                    const nocr_xml_format *fmt, void *data);

/* How ALTO and PAGE write their reading order (nocr_export_reading_order). */
typedef struct nocr_ro_format {
    const char *id_attr; /* the name of the id attribute: "ID" (ALTO), "id" (PAGE) */
    const char *caption; /* the caption of the page's group, NULL for none */
    /* Starts the group of one run of an article's regions: article (0-based), run the
     * number of the run in the page and nth its number among the runs of that article
     * (both from 1). */
    void (*group)(nocr_xw *xw, int article, int run, int nth, void *data);
    /* Writes the reference to the paragraph `id`; in_group is 1 inside an article's group. */
    void (*ref)(nocr_xw *xw, const char *id, int in_group, void *data);
} nocr_ro_format;

/* The ReadingOrder of the regions in the reading order at the front of seq: an
 * OrderedGroup "ro_page" holding, in reading order, a reference per paragraph of the
 * regions outside articles and a group per run of one article's regions holding theirs. An
 * article met again after another gets a group again, so the order stays exactly the
 * page's. Nothing when no region is in the reading order. */
void nocr_export_reading_order(nocr_xw *xw, const nocr_page *page, const size_t *seq,
                               const nocr_ro_format *fmt, void *data);

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
/* A confidence 0..100 as an attribute 0..1 with three decimals; nothing when unknown (< 0). */
void nocr_xw_conf(nocr_xw *xw, const char *name, float confidence);
void nocr_xw_text(nocr_xw *xw, const char *text);
/* <name>text</name> */
void nocr_xw_element(nocr_xw *xw, const char *name, const char *text);
/* Ends the document and hands the text over: *out is the caller's (free()). The writer is
 * released whatever happens. Errors: NOCR_ENOMEM (a write failed), naming `what`. */
int nocr_xw_close(nocr_xw *xw, char **out, const char *what);

#endif /* NEWSOCR_EXPORT_H */
