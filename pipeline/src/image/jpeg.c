/*
 * jpeg.c - quiet, strict JPEG decoding with libjpeg.
 *
 *   nocr_jpeg_decode    JPEG bytes -> PIX (8-bit gray or 32-bit RGB), turned upright
 *
 * Why not Leptonica's pixReadMemJpeg: libjpeg's default message handler prints warnings
 * such as "Premature end of JPEG file" to stderr, and a truncated file would still decode
 * into a partly grey image. Here libjpeg prints nothing, a warning that means lost data
 * makes the image an error (never a partial page), and the size is checked against the pixel limit
 * after the header and before the image buffer is allocated. CMYK (Adobe, inverted) is
 * converted to RGB. A phone photo of a page is often stored sideways with an Exif
 * Orientation tag saying how to show it: the image is rotated or mirrored upright as
 * the tag says (all 8 orientations), as any viewer would show it.
 */
#include "image/image.h"

#include <jpeglib.h>
#include <jerror.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

typedef struct jpeg_failure {
    struct jpeg_error_mgr mgr; /* first: libjpeg casts the pointer back */
    jmp_buf jmp;
    char message[JMSG_LENGTH_MAX];
} jpeg_failure;

static void jpeg_on_error(j_common_ptr cinfo)
{
    jpeg_failure *fail = (jpeg_failure *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, fail->message);
    longjmp(fail->jmp, 1);
}

/* Warnings (level -1) that mean lost image data (a truncated file, a damaged entropy-coded
 * segment) stop decoding; harmless ones (extraneous bytes between markers, an unknown
 * JFIF revision, a bad ICC profile) and trace messages are ignored. */
static void jpeg_on_message(j_common_ptr cinfo, int level)
{
    if (level >= 0)
        return;
    switch (cinfo->err->msg_code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
        jpeg_on_error(cinfo);
        break;
    default:
        break;
    }
}

static void jpeg_silent(j_common_ptr cinfo)
{
    (void)cinfo;
}

/* The Exif Orientation of the markers libjpeg kept (APP1 "Exif\0\0" + a TIFF
 * structure); 1 (as stored) when there is none. */
static int jpeg_orientation(const struct jpeg_decompress_struct *cinfo)
{
    for (jpeg_saved_marker_ptr m = cinfo->marker_list; m; m = m->next) {
        if (m->marker == JPEG_APP0 + 1 && m->data_length > 6 &&
            memcmp(m->data, "Exif\0\0", 6) == 0)
            return nocr_tiff_orientation(m->data + 6, m->data_length - 6);
    }
    return 1;
}

/* Turns *ppix upright for Exif orientation 2..8 (1 is upright). The tag names the
 * transform that shows the stored image correctly: 6 is a quarter turn clockwise, 8
 * counter-clockwise, 2 and 4 mirror, 5 and 7 mirror then turn. */
static int pix_orient(PIX **ppix, int orientation, const char *name)
{
    PIX *pixs = *ppix, *pixt = NULL, *pixd = NULL;
    switch (orientation) {
    case 2:
        pixd = pixFlipLR(NULL, pixs);
        break;
    case 3:
        pixd = pixRotateOrth(pixs, 2);
        break;
    case 4:
        pixd = pixFlipTB(NULL, pixs);
        break;
    case 5: /* transpose: mirror left-right, then a quarter turn counter-clockwise */
    case 7: /* transverse: mirror left-right, then a quarter turn clockwise */
        if ((pixt = pixFlipLR(NULL, pixs)))
            pixd = pixRotate90(pixt, orientation == 5 ? -1 : 1);
        pixDestroy(&pixt);
        break;
    case 6:
        pixd = pixRotate90(pixs, 1);
        break;
    case 8:
        pixd = pixRotate90(pixs, -1);
        break;
    default:
        return NOCR_OK;
    }
    if (!pixd)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory turning the image upright", name);
    pixDestroy(ppix);
    *ppix = pixd;
    return NOCR_OK;
}

/* Gives the decoded *ppix the JFIF resolution and turns it upright; destroys it on
 * failure. */
static int pix_finish(PIX **ppix, const struct jpeg_decompress_struct *cinfo, int orientation,
                      const char *name)
{
    int rc;
    if (cinfo->density_unit == 1)
        pixSetResolution(*ppix, cinfo->X_density, cinfo->Y_density);
    else if (cinfo->density_unit == 2)
        pixSetResolution(*ppix, (l_int32)(cinfo->X_density * 2.54 + 0.5),
                         (l_int32)(cinfo->Y_density * 2.54 + 0.5));
    if ((rc = pix_orient(ppix, orientation, name)))
        pixDestroy(ppix);
    return rc;
}

int nocr_jpeg_decode(PIX **out, const unsigned char *data, size_t size, const char *name,
                     long long max_pixels, int *out_depth)
{
    struct jpeg_decompress_struct cinfo;
    jpeg_failure fail;
    JSAMPLE *volatile row = NULL;
    PIX *volatile pixd = NULL;
    volatile int rc = NOCR_OK;

    *out = NULL;
    fail.message[0] = '\0';
    cinfo.err = jpeg_std_error(&fail.mgr);
    fail.mgr.error_exit = jpeg_on_error;
    fail.mgr.emit_message = jpeg_on_message;
    fail.mgr.output_message = jpeg_silent;
    jpeg_create_decompress(&cinfo);
    if (setjmp(fail.jmp)) {
        if (rc == NOCR_OK)
            rc = nocr_error_set(NOCR_EFORMAT, "%s: corrupt or truncated JPEG data (%s)", name,
                                fail.message);
        goto cleanup;
    }
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    /* Keep APP1 for the Exif orientation; libjpeg bounds it to the marker's length. */
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xffff);
    jpeg_read_header(&cinfo, TRUE);
    int orientation = jpeg_orientation(&cinfo);
    long long w = cinfo.image_width, h = cinfo.image_height;
    if (nocr_pixels_above((unsigned long long)w, (unsigned long long)h, max_pixels)) {
        rc = nocr_error_set(NOCR_ELIMIT,
                            "%s: image is %lldx%lld pixels, above the limit of %lld pixels "
                            "(--max-pixels)",
                            name, w, h, max_pixels);
        goto cleanup;
    }
    if (out_depth)
        *out_depth = 8 * cinfo.num_components;
    int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    if (cinfo.num_components == 1)
        cinfo.out_color_space = JCS_GRAYSCALE;
    else if (cmyk)
        cinfo.out_color_space = JCS_CMYK;
    else
        cinfo.out_color_space = JCS_RGB;
    jpeg_start_decompress(&cinfo);

    int gray = cinfo.output_components == 1;
    pixd = pixCreate((l_int32)w, (l_int32)h, gray ? 8 : 32);
    row = malloc((size_t)w * (size_t)cinfo.output_components);
    if (!pixd || !row) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory for %lldx%lld pixels", name, w, h);
        goto cleanup;
    }
    l_uint32 *lines = pixGetData(pixd);
    l_int32 wpl = pixGetWpl(pixd);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[1] = {row};
        l_uint32 *line = lines + (size_t)cinfo.output_scanline * (size_t)wpl;
        jpeg_read_scanlines(&cinfo, rows, 1);
        const JSAMPLE *p = row;
        for (long long x = 0; x < w; x++) {
            if (gray) {
                SET_DATA_BYTE(line, x, *p++);
            } else if (cinfo.output_components == 4) {
                /* Adobe CMYK JPEGs store inverted values: R = C' * K' / 255. */
                unsigned k = p[3];
                composeRGBPixel((l_int32)(p[0] * k / 255), (l_int32)(p[1] * k / 255),
                                (l_int32)(p[2] * k / 255), &line[x]);
                p += 4;
            } else {
                composeRGBPixel(p[0], p[1], p[2], &line[x]);
                p += 3;
            }
        }
    }
    jpeg_finish_decompress(&cinfo);
    PIX *pix = pixd;
    pixd = NULL;
    if ((rc = pix_finish(&pix, &cinfo, orientation, name)) == NOCR_OK)
        *out = pix;

cleanup:
    jpeg_destroy_decompress(&cinfo);
    free(row);
    if (pixd) {
        PIX *p = pixd;
        pixDestroy(&p);
    }
    return rc;
}
