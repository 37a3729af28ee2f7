/*
 * pdf.h - PDF input for the image family (pdf.c, pdf_jpeg.c): pages of a PDF rendered into images
 * with poppler-glib, and the original JPEG bytes a page image may keep for the PDF writer.
 *
 *   nocr_pdf_is_pdf        does a buffer hold a PDF
 *   nocr_pdf_page_count    the number of pages of a PDF
 *   nocr_pdf_render        one page as a PIX, at the resolution of its scan
 *   nocr_image_keep_jpeg   keep the JPEG bytes an image was decoded from (pdf_jpeg.c)
 *   nocr_image_jpeg        those bytes, for a writer that can embed them unchanged
 *   nocr_pdf_page_image_size  the pixel size of a page's one image, without decoding it
 */
#ifndef NEWSOCR_IMAGE_PDF_H
#define NEWSOCR_IMAGE_PDF_H

#include "image/image.h"

/* The resolution a page is rendered at when it is not one scanned image (a born-digital
 * page, several images, text and drawings): what Tesseract reads best on body text. */
#define NOCR_PDF_DEFAULT_DPI 300
/* Resolutions outside [MIN, MAX] are not used: below MIN body text of a newspaper (8-9 pt)
 * is under 12 pixels high and unreadable; above MAX a scan gains nothing and costs memory.
 * A page's own image resolution is clamped to this range; an explicit --pdf-dpi outside it
 * is refused. */
#define NOCR_PDF_MIN_DPI 100
#define NOCR_PDF_MAX_DPI 1200
/* A page counts as "one scanned image" when one image covers at least this fraction of the
 * page's width and height (scanners and img2pdf leave a margin of a few points at most). */
#define NOCR_PDF_SCAN_COVER 0.9

/* 1 when data starts like a PDF ("%PDF-"), else 0. The standard lets a PDF start with up
 * to 1024 other bytes, but a JPEG's comment may hold "%PDF-" too; such PDFs are rare. */
int nocr_pdf_is_pdf(const void *data, size_t size);

/* Counts the pages of the PDF in data (size bytes; `name` stands for the file in
 * messages). Errors (message naming the file): NOCR_EFORMAT for an encrypted PDF that needs
 * a password, a truncated or damaged one (no %%EOF in its last 1024 bytes, or a file
 * poppler cannot open), or one without pages; NOCR_ENOMEM. */
int nocr_pdf_page_count(int *out, const void *data, size_t size, const char *name);

/* Renders page `index` (0-based) of the PDF in data into *out, 8-bit gray when every pixel
 * is gray (white paper, black ink) else 32-bit RGB, with the resolution set on the PIX.
 * The resolution: dpi_option when > 0 (NOCR_PDF_MIN_DPI..NOCR_PDF_MAX_DPI, else
 * NOCR_EINVAL); else the resolution of the page's image when one image covers the page (a
 * scanned page rendered back at its own pixel size), else NOCR_PDF_DEFAULT_DPI. A page above
 * max_pixels at that resolution: refused (NOCR_ELIMIT) when the resolution was asked for;
 * otherwise rendered at the highest resolution under the limit, when that is at least
 * NOCR_PDF_MIN_DPI (*out_dpi tells), else refused (NOCR_ELIMIT). *out_depth is the depth a
 * decoder of the scan would report: 1 when the rendering holds only black and white, 8 for
 * gray, 24 for colour. out_depth and out_dpi may be NULL. Errors: those of
 * nocr_pdf_page_count, NOCR_EINVAL (no such page), NOCR_ELIMIT, NOCR_ENOMEM. *out is the
 * caller's (pixDestroy). */
int nocr_pdf_render(PIX **out, int *out_depth, int *out_dpi, const void *data, size_t size,
                    const char *name, int index, int dpi_option, long long max_pixels);

/* Keeps in img the JPEG its pixels were decoded from (pdf_jpeg.c), so that the PDF writer
 * can embed the scan unchanged rather than decode and re-encode it: data itself when it is a
 * JPEG file (gray or YCbCr) of img's size; for a PDF, the raw stream of page img->index when
 * that page is one plain JPEG image of img's size that looks like the rendering. Anything
 * else (PNG, TIFF, CMYK JPEG, a page rendered at another resolution) keeps nothing. Call it
 * after img->pixs, width, height and index are set. Returns 0, or NOCR_ENOMEM. */
int nocr_image_keep_jpeg(nocr_image *img, const void *data, size_t size);

/* The pixel size of page `index`'s image, from its dictionary (qpdf; nothing is decoded),
 * when the page's resources hold one XObject and it is an image. Returns 0, or -1 (no such
 * image, or a PDF qpdf cannot read). */
int nocr_pdf_page_image_size(int *out_w, int *out_h, const void *data, size_t size, int index);

/* The JPEG bytes kept by nocr_image_keep_jpeg (borrowed: valid while img lives), *out_size
 * of them; NULL when none were kept. */
const unsigned char *nocr_image_jpeg(const nocr_image *img, size_t *out_size);

#endif /* NEWSOCR_IMAGE_PDF_H */
