/*
 * pdf_jpeg.c - what qpdf reads of a PDF page's image (poppler-glib shows neither raw streams
 * nor image dictionaries), and the scan's own JPEG bytes, kept with the image decoded from them,
 * so that the PDF writer embeds the scan unchanged instead of decoding and re-encoding it (a
 * second loss, and a bigger file).
 *
 *   nocr_image_keep_jpeg, nocr_image_jpeg, nocr_pdf_page_image_size
 *
 * static helpers: jpeg_usable, inherited, page_rotation, page_only_image, dct_plain,
 *                 pdf_page_jpeg, gray_thumb, jpeg_matches
 *
 * For a JPEG file the bytes are the file. For a PDF page they are the raw stream of the
 * page's one image when it is a plain JPEG (DCTDecode alone, 8 bits, DeviceGray or
 * DeviceRGB, no mask, no Decode array) on an unrotated page, read with qpdf (poppler-glib
 * does not give raw streams). The stream is kept only when it is of the rendered page's
 * pixel size and looks like the rendering (jpeg_matches): a page that draws its image
 * flipped or cropped would otherwise come out wrong.
 */
#include "image/pdf.h"

#include <string.h>

#include <qpdf/qpdf-c.h>

/* Root-mean-square difference, in gray levels, between thumbnails of the JPEG and of the
 * rendering (jpeg_matches) above which the two are taken for different pictures. Measured
 * on PDFs of samples/p15 (JPEG), p01 (PNG, re-encoded) and a synthetic page: 3.0 to 6.1 for
 * the page itself, 34 to 88 for the page turned upside down. */
#define JPEG_MATCH_RMS  15.0
#define PAGE_TREE_DEPTH 64 /* deeper /Parent chains are taken for loops */

/* 1 when data is a JPEG of w x h pixels, gray or YCbCr (what DCTDecode shows as it is). */
static int jpeg_usable(const unsigned char *p, size_t size, int w, int h)
{
    l_int32 jw = 0, jh = 0, spp = 0, ycck = 0, cmyk = 0;
    return p && size > 4 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff &&
           !readHeaderMemJpeg(p, size, &jw, &jh, &spp, &ycck, &cmyk) && !cmyk && !ycck &&
           (spp == 1 || spp == 3) && jw == w && jh == h;
}

/* A page attribute, looked up the page tree as the PDF standard lets it be inherited. */
static qpdf_oh inherited(qpdf_data q, qpdf_oh page, const char *key)
{
    for (int depth = 0; depth < PAGE_TREE_DEPTH && qpdf_oh_is_dictionary(q, page); depth++) {
        if (qpdf_oh_has_key(q, page, key))
            return qpdf_oh_get_key(q, page, key);
        page = qpdf_oh_get_key(q, page, "/Parent");
    }
    return qpdf_oh_new_null(q);
}

static int page_rotation(qpdf_data q, qpdf_oh page)
{
    qpdf_oh r = inherited(q, page, "/Rotate");
    return qpdf_oh_is_integer(q, r) ? qpdf_oh_get_int_value_as_int(q, r) % 360 : 0;
}

/* The page's one XObject when it is an image; a null handle otherwise. */
static qpdf_oh page_only_image(qpdf_data q, qpdf_oh page)
{
    qpdf_oh res = inherited(q, page, "/Resources");
    qpdf_oh xobj = qpdf_oh_get_key_if_dict(q, res, "/XObject");
    if (!qpdf_oh_is_dictionary(q, xobj))
        return qpdf_oh_new_null(q);
    char key[128] = "";
    int n = 0;
    qpdf_oh_begin_dict_key_iter(q, xobj);
    while (qpdf_oh_dict_more_keys(q)) {
        const char *k = qpdf_oh_dict_next_key(q);
        size_t len = k ? strlen(k) : 0;
        if (n++ == 0 && len < sizeof(key))
            memcpy(key, k ? k : "", len + 1);
    }
    if (n != 1 || !*key)
        return qpdf_oh_new_null(q);
    qpdf_oh im = qpdf_oh_get_key(q, xobj, key);
    if (!qpdf_oh_is_stream(q, im) ||
        !qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, im), "/Subtype"),
                                    "/Image"))
        return qpdf_oh_new_null(q);
    return im;
}

/* 1 when the image's stream is a JPEG a viewer shows as it is. */
static int dct_plain(qpdf_data q, qpdf_oh dict)
{
    qpdf_oh f = qpdf_oh_get_key(q, dict, "/Filter");
    if (qpdf_oh_is_array(q, f) && qpdf_oh_get_array_n_items(q, f) == 1)
        f = qpdf_oh_get_array_item(q, f, 0);
    qpdf_oh cs = qpdf_oh_get_key(q, dict, "/ColorSpace");
    qpdf_oh bpc = qpdf_oh_get_key(q, dict, "/BitsPerComponent");
    return qpdf_oh_is_name_and_equals(q, f, "/DCTDecode") &&
           (qpdf_oh_is_name_and_equals(q, cs, "/DeviceGray") ||
            qpdf_oh_is_name_and_equals(q, cs, "/DeviceRGB")) &&
           qpdf_oh_is_integer(q, bpc) && qpdf_oh_get_int_value_as_int(q, bpc) == 8 &&
           !qpdf_oh_has_key(q, dict, "/Decode") && !qpdf_oh_has_key(q, dict, "/SMask") &&
           !qpdf_oh_has_key(q, dict, "/Mask") && !qpdf_oh_has_key(q, dict, "/ImageMask");
}

/* The raw JPEG of page `index` when it is one plain JPEG image (see the file comment);
 * *out NULL otherwise. *out is malloc'd, the caller's. */
static void pdf_page_jpeg(unsigned char **out, size_t *out_size, const void *data, size_t size,
                          int index)
{
    *out = NULL;
    *out_size = 0;
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    if (!(qpdf_read_memory(q, "pdf", data, size, NULL) & QPDF_ERRORS) && index >= 0 &&
        index < qpdf_get_num_pages(q)) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)index);
        qpdf_oh im = page_only_image(q, page);
        if (page_rotation(q, page) == 0 && qpdf_oh_is_stream(q, im) &&
            dct_plain(q, qpdf_oh_get_dict(q, im))) {
            unsigned char *buf = NULL;
            size_t len = 0;
            if (!(qpdf_oh_get_stream_data(q, im, qpdf_dl_none, NULL, &buf, &len) & QPDF_ERRORS)) {
                *out = buf;
                *out_size = len;
            } else {
                free(buf);
            }
        }
    }
    qpdf_cleanup(&q);
}

/* pix in 8-bit gray at w x h, by area averaging (no sharpening: pixScale would sharpen). */
static PIX *gray_thumb(PIX *pix, int w, int h)
{
    PIX *g = pixConvertTo8(pix, 0), *t = NULL, *c = NULL;
    if (g)
        t = pixScaleAreaMap(g, (l_float32)w / pixGetWidth(g), (l_float32)h / pixGetHeight(g));
    if (t) { /* the scaling rounds the size: make it exact */
        BOX *box = boxCreate(0, 0, w, h);
        c = pixClipRectangle(t, box, NULL);
        boxDestroy(&box);
    }
    pixDestroy(&g);
    pixDestroy(&t);
    return c && pixGetWidth(c) == w && pixGetHeight(c) == h ? c : (pixDestroy(&c), NULL);
}

/* 1 when the JPEG looks like pixs: both reduced to a thumbnail of about 1/32 (the JPEG
 * decoded at 1/8 first, which costs little more than reading it), whose mean squared
 * difference is small. At 1/32 the two agree whatever the rounding of their block grids. */
static int jpeg_matches(PIX *pixs, const unsigned char *jpeg, size_t size)
{
    PIX *small = pixReadMemJpeg(jpeg, size, 0, 8, NULL, 0), *a = NULL, *b = NULL;
    l_float32 rms = 1e9f;
    if (small) {
        int w = pixGetWidth(small) / 4, h = pixGetHeight(small) / 4;
        w = w < 8 ? 8 : w;
        h = h < 8 ? 8 : h;
        a = gray_thumb(small, w, h);
        b = gray_thumb(pixs, w, h);
    }
    if (!a || !b || pixCompareGray(a, b, L_COMPARE_ABS_DIFF, 0, NULL, NULL, &rms, NULL))
        rms = 1e9f;
    pixDestroy(&small);
    pixDestroy(&a);
    pixDestroy(&b);
    return rms <= JPEG_MATCH_RMS;
}

int nocr_pdf_page_image_size(int *out_w, int *out_h, const void *data, size_t size, int index)
{
    int rc = -1;
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    if (!(qpdf_read_memory(q, "pdf", data, size, NULL) & QPDF_ERRORS) && index >= 0 &&
        index < qpdf_get_num_pages(q)) {
        qpdf_oh im = page_only_image(q, qpdf_get_page_n(q, (size_t)index));
        qpdf_oh dict = qpdf_oh_get_dict(q, im);
        qpdf_oh w = qpdf_oh_get_key(q, dict, "/Width"), h = qpdf_oh_get_key(q, dict, "/Height");
        if (qpdf_oh_is_stream(q, im) && qpdf_oh_is_integer(q, w) && qpdf_oh_is_integer(q, h) &&
            qpdf_oh_get_int_value_as_int(q, w) > 0 && qpdf_oh_get_int_value_as_int(q, h) > 0) {
            *out_w = qpdf_oh_get_int_value_as_int(q, w);
            *out_h = qpdf_oh_get_int_value_as_int(q, h);
            rc = 0;
        }
    }
    qpdf_cleanup(&q);
    return rc;
}

int nocr_image_keep_jpeg(nocr_image *img, const void *data, size_t size)
{
    if (!img || !img->pixs || !data)
        return NOCR_OK;
    unsigned char *copy = NULL;
    size_t n = 0;
    if (nocr_pdf_is_pdf(data, size)) {
        pdf_page_jpeg(&copy, &n, data, size, img->index);
        if (copy && (!jpeg_usable(copy, n, img->width, img->height) ||
                     !jpeg_matches(img->pixs, copy, n))) {
            free(copy);
            copy = NULL;
        }
    } else if (jpeg_usable(data, size, img->width, img->height)) {
        if (!(copy = malloc(size)))
            return nocr_error_set(NOCR_ENOMEM, "%s: out of memory",
                                  img->source ? img->source : "image");
        memcpy(copy, data, size);
        n = size;
    }
    if (!copy)
        return NOCR_OK;
    free(img->jpeg);
    img->jpeg = copy;
    img->jpeg_size = n;
    return NOCR_OK;
}

const unsigned char *nocr_image_jpeg(const nocr_image *img, size_t *out_size)
{
    if (out_size)
        *out_size = img && img->jpeg ? img->jpeg_size : 0;
    return img ? img->jpeg : NULL;
}
