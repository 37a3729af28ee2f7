/*
 * pdf.c - PDF input: the pages of a PDF rendered into images with poppler-glib.
 *
 *   nocr_pdf_is_pdf, nocr_pdf_page_count, nocr_pdf_render
 *
 * static helpers: pdf_quiet, pdf_has_eof, pdf_open, page_image_size, page_scan_dpi,
 *                 clamp_dpi, page_choose_dpi, surface_to_pix, pix_depth_of
 *
 * A newspaper PDF is usually one scanned image per page. Such a page is rendered at the
 * image's own resolution (its pixel width over the width it covers in inches), so the
 * renderer neither invents nor drops pixels and a PDF made from a scan renders back to the
 * scan's pixel size. Other pages (born digital, several images) are rendered at 300 dpi.
 * poppler reads damaged files leniently (it rebuilds a broken cross-reference table); a
 * file cut short is caught first by its missing %%EOF, as the PDF standard (7.5.5) puts it
 * within the last 1024 bytes. Rendering is onto white (no transparency reaches OCR).
 */
#define _POSIX_C_SOURCE 200809L
#include "image/pdf.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include <cairo.h>
#include <poppler.h>

#define PDF_TAIL_BYTES 1024  /* %%EOF must lie within the last this many bytes */
#define CAIRO_MAX_SIDE 32767 /* cairo's image surfaces are limited to this many pixels */
#define PDF_FIT_POINTS 1.5   /* see page_scan_dpi */

static void pdf_log_discard(const gchar *domain, GLogLevelFlags level, const gchar *message,
                            gpointer data)
{
    (void)domain, (void)level, (void)message, (void)data;
}

static void pdf_quiet_once(void)
{
    /* poppler-glib sends its syntax warnings about damaged files to g_log's "Poppler"
     * domain; newsocr reports errors itself, on one line. */
    g_log_set_handler("Poppler", (GLogLevelFlags)(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL),
                      pdf_log_discard, NULL);
}

static void pdf_quiet(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, pdf_quiet_once);
}

int nocr_pdf_is_pdf(const void *data, size_t size)
{
    return data && size >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

static int pdf_has_eof(const unsigned char *data, size_t size)
{
    size_t start = size > PDF_TAIL_BYTES ? size - PDF_TAIL_BYTES : 0;
    for (size_t i = size >= 5 ? size - 5 + 1 : 0; i-- > start;)
        if (memcmp(data + i, "%%EOF", 5) == 0)
            return 1;
    return 0;
}

/* Opens the PDF in data (which must outlive *out) and checks it has pages. */
static int pdf_open(PopplerDocument **out, const void *data, size_t size, const char *name)
{
    *out = NULL;
    if (!data || size == 0 || !nocr_pdf_is_pdf(data, size))
        return nocr_error_set(NOCR_EFORMAT, "%s: not a PDF file", name);
    if (!pdf_has_eof(data, size))
        return nocr_error_set(NOCR_EFORMAT, "%s: truncated PDF (no %%%%EOF at its end)", name);
    pdf_quiet();
    GError *err = NULL;
    GBytes *bytes = g_bytes_new_static(data, size);
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes);
    if (!doc) {
        int encrypted =
            err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED;
        int rc = encrypted
                     ? nocr_error_set(NOCR_EFORMAT,
                                      "%s: encrypted PDF (a password is needed to open it)", name)
                     : nocr_error_set(NOCR_EFORMAT, "%s: damaged PDF (%s)", name,
                                      err && err->message ? err->message : "unreadable");
        if (err)
            g_error_free(err);
        return rc;
    }
    if (poppler_document_get_n_pages(doc) <= 0) {
        g_object_unref(doc);
        return nocr_error_set(NOCR_EFORMAT, "%s: PDF has no pages", name);
    }
    *out = doc;
    return NOCR_OK;
}

int nocr_pdf_page_count(int *out, const void *data, size_t size, const char *name)
{
    if (!out || !name)
        return nocr_error_set(NOCR_EINVAL, "nocr_pdf_page_count: NULL argument");
    PopplerDocument *doc;
    int rc = pdf_open(&doc, data, size, name);
    if (rc)
        return rc;
    *out = poppler_document_get_n_pages(doc);
    g_object_unref(doc);
    return NOCR_OK;
}

/* The pixel size of the one image of page `index`, as drawn on area aw x ah: from its
 * dictionary (qpdf, no decoding) when the page's resources hold that image alone, else by
 * decoding it (poppler-glib tells an image's size no other way). An image drawn turned by a
 * quarter (a /Rotate, a rotated matrix) has its sides swapped to fit the area's shape. */
static int page_image_size(int *w, int *h, PopplerPage *page, int image_id, const void *data,
                           size_t size, int index, double aw, double ah)
{
    if (nocr_pdf_page_image_size(w, h, data, size, index) == 0) {
        double r = (double)*w / *h, ra = aw / ah;
        if (fabs(log(r / ra)) > fabs(log(1 / (r * ra)))) {
            int t = *w;
            *w = *h;
            *h = t;
        }
        return 0;
    }
    cairo_surface_t *s = poppler_page_get_image(page, image_id);
    int ok = s && cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
    if (ok) {
        *w = cairo_image_surface_get_width(s);
        *h = cairo_image_surface_get_height(s);
    }
    if (s)
        cairo_surface_destroy(s);
    return ok && *w > 0 && *h > 0 ? 0 : -1;
}

/* The resolution of the page's scan, across (*dx) and down (*dy): when one image covers the
 * page (at least NOCR_PDF_SCAN_COVER of its width and height), its pixels per inch over the
 * area it covers; 0 otherwise. poppler rounds that area to whole points, so an image within
 * PDF_FIT_POINTS of the page's size is taken to fill the page exactly, and the page renders
 * to the image's own pixel size. */
static void page_scan_dpi(double *dx, double *dy, PopplerPage *page, double pw, double ph,
                          const void *data, size_t size, int index)
{
    GList *maps = poppler_page_get_image_mapping(page);
    *dx = *dy = 0;
    if (maps && !maps->next) {
        const PopplerImageMapping *m = maps->data;
        double aw = fabs(m->area.x2 - m->area.x1), ah = fabs(m->area.y2 - m->area.y1);
        int iw = 0, ih = 0;
        if (aw >= NOCR_PDF_SCAN_COVER * pw && ah >= NOCR_PDF_SCAN_COVER * ph && aw > 0 && ah > 0 &&
            !page_image_size(&iw, &ih, page, m->image_id, data, size, index, aw, ah)) {
            aw = fabs(aw - pw) <= PDF_FIT_POINTS ? pw : aw;
            ah = fabs(ah - ph) <= PDF_FIT_POINTS ? ph : ah;
            *dx = iw * 72.0 / aw;
            *dy = ih * 72.0 / ah;
        }
    }
    poppler_page_free_image_mapping(maps);
}

static double clamp_dpi(double dpi)
{
    return dpi < NOCR_PDF_MIN_DPI   ? NOCR_PDF_MIN_DPI
           : dpi > NOCR_PDF_MAX_DPI ? NOCR_PDF_MAX_DPI
                                    : dpi;
}

/* Chooses the rendering resolution of a page of pw x ph points (see nocr_pdf_render): its
 * pixel size and the resolution to record (the horizontal one). */
static int page_choose_dpi(int *out_dpi, int *out_w, int *out_h, PopplerPage *page,
                           const void *data, size_t size, double pw, double ph, int dpi_option,
                           long long max_pixels, const char *name, int index)
{
    double dx = dpi_option, dy = dpi_option;
    if (dpi_option <= 0)
        page_scan_dpi(&dx, &dy, page, pw, ph, data, size, index);
    if (dx <= 0 || dy <= 0)
        dx = dy = NOCR_PDF_DEFAULT_DPI;
    dx = clamp_dpi(dx);
    dy = clamp_dpi(dy);
    double w = pw * dx / 72.0, h = ph * dy / 72.0;
    if (w * h > (double)max_pixels || w > CAIRO_MAX_SIDE || h > CAIRO_MAX_SIDE) {
        double f = sqrt((double)max_pixels / (w * h));
        double fs = CAIRO_MAX_SIDE / (w > h ? w : h);
        f = f < fs ? f : fs;
        double fit = floor(dx * f); /* a whole resolution, as the PIX records */
        if (dpi_option > 0 || fit < NOCR_PDF_MIN_DPI)
            return nocr_error_set(NOCR_ELIMIT,
                                  "%s: page %d is %.0fx%.0f pixels at %.0f dpi, above the "
                                  "limit of %lld pixels (--max-pixels)",
                                  name, index + 1, w, h, dx, max_pixels);
        dy *= fit / dx;
        dx = fit;
        w = pw * dx / 72.0;
        h = ph * dy / 72.0;
    }
    *out_w = (int)floor(w + 0.5);
    *out_h = (int)floor(h + 0.5);
    *out_dpi = (int)floor(dx + 0.5);
    if (*out_w < NOCR_MIN_SIDE || *out_h < NOCR_MIN_SIDE)
        return nocr_error_set(NOCR_ELIMIT,
                              "%s: page %d is %dx%d pixels at %d dpi, too small to hold text",
                              name, index + 1, *out_w, *out_h, *out_dpi);
    return NOCR_OK;
}

/* Copies cairo's RGB24 surface (native-endian 0x00RRGGBB words) into a 32-bit PIX, or an
 * 8-bit one when every pixel is gray. */
static PIX *surface_to_pix(cairo_surface_t *s)
{
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *base = cairo_image_surface_get_data(s);
    int gray = 1;
    for (int y = 0; y < h && gray; y++) {
        const uint32_t *row = (const uint32_t *)(base + (size_t)y * stride);
        for (int x = 0; x < w; x++) {
            uint32_t v = row[x];
            if (((v >> 16) & 0xff) != (v & 0xff) || ((v >> 8) & 0xff) != (v & 0xff)) {
                gray = 0;
                break;
            }
        }
    }
    PIX *pix = pixCreate(w, h, gray ? 8 : 32);
    if (!pix)
        return NULL;
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(base + (size_t)y * stride);
        l_uint32 *line = pixGetData(pix) + (size_t)y * pixGetWpl(pix);
        for (int x = 0; x < w; x++) {
            if (gray)
                SET_DATA_BYTE(line, x, row[x] & 0xff);
            else
                line[x] = (row[x] & 0xffffff) << 8; /* Leptonica: 0xRRGGBB00 */
        }
    }
    return pix;
}

/* 1 for an 8-bit PIX of only black and white, 8 for other gray, 24 for colour. */
static int pix_depth_of(PIX *pix)
{
    if (pixGetDepth(pix) != 8)
        return 24;
    NUMA *hist = pixGetGrayHistogram(pix, 1);
    int bilevel = 1;
    for (int i = 1; hist && i < 255 && bilevel; i++) {
        l_float32 v = 0;
        numaGetFValue(hist, i, &v);
        bilevel = v == 0;
    }
    numaDestroy(&hist);
    return bilevel ? 1 : 8;
}

int nocr_pdf_render(PIX **out, int *out_depth, int *out_dpi, const void *data, size_t size,
                    const char *name, int index, int dpi_option, long long max_pixels)
{
    if (!out || !name)
        return nocr_error_set(NOCR_EINVAL, "nocr_pdf_render: NULL argument");
    *out = NULL;
    if (dpi_option > 0 && (dpi_option < NOCR_PDF_MIN_DPI || dpi_option > NOCR_PDF_MAX_DPI))
        return nocr_error_set(NOCR_EINVAL, "%s: PDF resolution %d dpi is outside %d..%d", name,
                              dpi_option, NOCR_PDF_MIN_DPI, NOCR_PDF_MAX_DPI);
    if (max_pixels <= 0)
        max_pixels = NOCR_DEFAULT_MAX_PIXELS;
    PopplerDocument *doc;
    int rc = pdf_open(&doc, data, size, name);
    if (rc)
        return rc;
    PopplerPage *page = NULL;
    cairo_surface_t *s = NULL;
    cairo_t *cr = NULL;
    int n = poppler_document_get_n_pages(doc), w = 0, h = 0, dpi = 0;
    double pw = 0, ph = 0;
    if (index < 0 || index >= n) {
        rc = nocr_error_set(NOCR_EINVAL, "%s: has %d pages, no page %d", name, n, index + 1);
        goto cleanup;
    }
    if (!(page = poppler_document_get_page(doc, index))) {
        rc = nocr_error_set(NOCR_EFORMAT, "%s: damaged PDF (page %d unreadable)", name, index + 1);
        goto cleanup;
    }
    poppler_page_get_size(page, &pw, &ph);
    if (!(pw > 0 && ph > 0)) {
        rc =
            nocr_error_set(NOCR_EFORMAT, "%s: damaged PDF (page %d has no size)", name, index + 1);
        goto cleanup;
    }
    if ((rc = page_choose_dpi(&dpi, &w, &h, page, data, size, pw, ph, dpi_option, max_pixels, name,
                              index)))
        goto cleanup;
    s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory rendering page %d", name, index + 1);
        goto cleanup;
    }
    cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, w / pw, h / ph); /* exactly w x h pixels, whatever the rounding */
    poppler_page_render(page, cr);
    cairo_surface_flush(s);
    PIX *pix = surface_to_pix(s);
    if (!pix) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory rendering page %d", name, index + 1);
        goto cleanup;
    }
    int res = dpi;
    pixSetResolution(pix, res, (int)floor(res * (h / ph) / (w / pw) + 0.5));
    if (out_depth)
        *out_depth = pix_depth_of(pix);
    if (out_dpi)
        *out_dpi = res;
    *out = pix;
cleanup:
    if (cr)
        cairo_destroy(cr);
    if (s)
        cairo_surface_destroy(s);
    if (page)
        g_object_unref(page);
    g_object_unref(doc);
    return rc;
}
