/*
 * pdf.h - private declarations of the PDF writer family: the document writer (pdf.c) and
 * the glyph-less font its invisible text is set in (pdf_font.c).
 *
 *   nocr_pdf_cids_add, nocr_pdf_cids_free    characters numbered as CIDs in order of use
 *   nocr_pdf_font_program                    the glyph-less TrueType font program
 *   nocr_pdf_font_widths                     the CIDFont's /W array
 *   nocr_pdf_font_cidtogid                   the CIDToGIDMap stream's bytes
 *   nocr_pdf_font_tounicode                  the ToUnicode CMap
 *   nocr_pdf_char_width                      a character's advance, 1/1000 em
 *   nocr_pdf_buf_printf, nocr_pdf_buf_num    a growing string of PDF syntax
 *   nocr_pdf_xmp                             the XMP metadata packet (pdf_meta.c)
 *   nocr_pdf_srgb_profile                    the sRGB ICC profile of the output intent
 *
 * The text layer is set in one Type0 font (Identity-H: two bytes a character) whose
 * CIDFontType2 descendant embeds a TrueType font of three empty glyphs: .notdef, a
 * half-width and a full-width one. A character gets a CID when first used (so any Unicode
 * character, beyond the BMP too, fits in two bytes); CIDToGIDMap sends each CID to the glyph
 * of its width and ToUnicode back to its character, so that copying and searching give the
 * text and a viewer highlights the character's place. Tesseract's PDF renderer does the
 * same with a fixed font (pdf.ttf, CID = UTF-16 code unit); this one is built here.
 */
#ifndef NEWSOCR_EXPORT_PDF_H
#define NEWSOCR_EXPORT_PDF_H

#include "core/internal.h"

/* The font's name in the PDF (BaseFont, FontName) and in its name table. */
#define NOCR_PDF_FONT_NAME "NewsocrGlyphless"
/* Advance widths, 1/1000 em: CJK characters are square, the rest half as wide (close to
 * the mean of Latin letters, so the horizontal scaling of a Latin word stays near 100%). */
#define NOCR_PDF_FULL_WIDTH 1000
#define NOCR_PDF_HALF_WIDTH 500
/* Identity-H codes are two bytes; CID 0 is .notdef. */
#define NOCR_PDF_MAX_CIDS 65535

/* Characters in order of first use: CID i + 1 is cp[i]. */
typedef struct nocr_pdf_cids {
    unsigned *cp; /* code points, n of them */
    size_t n, cap;
    unsigned *slots; /* open-addressing table of CIDs (0: empty), nslots a power of two */
    size_t nslots;
} nocr_pdf_cids;

/* The CID of code point cp, numbering it when new. Errors: NOCR_ENOMEM, NOCR_ELIMIT (more
 * than NOCR_PDF_MAX_CIDS - 1 distinct characters in one document). */
int nocr_pdf_cids_add(unsigned *out, nocr_pdf_cids *cids, unsigned cp);
void nocr_pdf_cids_free(nocr_pdf_cids *cids);

/* The advance of a character in the font: NOCR_PDF_FULL_WIDTH for CJK, else half. */
int nocr_pdf_char_width(unsigned cp);

/* The TrueType font program (FontFile2): head, hhea, maxp, hmtx, loca, glyf (empty), cmap,
 * name, OS/2 (embedding allowed) and post tables, with checksums. *out is the caller's
 * (free()). Errors: NOCR_ENOMEM. */
int nocr_pdf_font_program(unsigned char **out, size_t *out_size);

/* "[1 [w1 w2 ...]]": the width of every CID in use. *out is the caller's (free()). */
int nocr_pdf_font_widths(char **out, const nocr_pdf_cids *cids);

/* The CIDToGIDMap: for CID 0..n, two bytes (big-endian) of its glyph (0 .notdef, 1 half
 * width, 2 full width). *out is the caller's (free()). */
int nocr_pdf_font_cidtogid(unsigned char **out, size_t *out_size, const nocr_pdf_cids *cids);

/* The ToUnicode CMap: each CID in use to its character (UTF-16BE, surrogate pairs beyond
 * the BMP). *out is the caller's (free()), NUL-terminated. */
int nocr_pdf_font_tounicode(char **out, size_t *out_size, const nocr_pdf_cids *cids);

/* A growing NUL-terminated string; the first failed allocation sets `failed` and stops
 * further writes. Start from {NULL, 0, 0, 0}; s is the owner's (free()). */
typedef struct nocr_pdf_buf {
    char *s;
    size_t len, cap;
    int failed;
} nocr_pdf_buf;

void nocr_pdf_buf_printf(nocr_pdf_buf *b, const char *fmt, ...) NOCR_PRINTF(2, 3);
/* A number for PDF syntax: at most three decimals, no trailing zeros, '.' whatever the
 * locale. */
void nocr_pdf_buf_num(nocr_pdf_buf *b, double v);

/* The XMP packet of the document (written uncompressed, readable as PDF/A wants it):
 * dc:format, dc:title (title, UTF-8, left out when NULL), xmp:CreateDate, ModifyDate and
 * MetadataDate (timestamp, xsd:dateTime as nocr_export_timestamp gives it) and
 * pdf:Producer ("newsocr VERSION"), the same values as the document information
 * dictionary; no PDF/A identification (pdf.c says why). *out (*out_size bytes,
 * NUL-terminated) is the caller's (free()). Errors: NOCR_ENOMEM. */
int nocr_pdf_xmp(char **out, size_t *out_size, const char *title, const char *timestamp);

/* Little CMS's sRGB profile as ICC version 4.2 bytes. *out is the caller's (free()).
 * Errors: NOCR_ENOMEM. */
int nocr_pdf_srgb_profile(unsigned char **out, size_t *out_size);

#endif /* NEWSOCR_EXPORT_PDF_H */
