/*
 * jpeg.c - quiet, strict JPEG decoding with libjpeg.
 *
 *   nocr_jpeg_decode    JPEG bytes -> PIX (8-bit gray or 32-bit RGB)
 *
 * Why not Leptonica's pixReadMemJpeg: libjpeg's default message handler prints warnings
 * such as "Premature end of JPEG file" to stderr, and a truncated file would still decode
 * into a partly grey image. Here libjpeg prints nothing, a warning that means lost data
 * makes the image an error (never a partial page), and the size is checked against the pixel limit
 * after the header and before the image buffer is allocated. CMYK (Adobe, inverted) is
 * converted to RGB.
 */
#include "image/image.h"

#include <jpeglib.h>
#include <jerror.h>
#include <setjmp.h>
#include <stdio.h>

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
    jpeg_read_header(&cinfo, TRUE);
    long long w = cinfo.image_width, h = cinfo.image_height;
    if (w * h > max_pixels) {
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
    if (cinfo.density_unit == 1)
        pixSetResolution(pixd, cinfo.X_density, cinfo.Y_density);
    else if (cinfo.density_unit == 2)
        pixSetResolution(pixd, (l_int32)(cinfo.X_density * 2.54 + 0.5),
                         (l_int32)(cinfo.Y_density * 2.54 + 0.5));
    *out = pixd;
    pixd = NULL;

cleanup:
    jpeg_destroy_decompress(&cinfo);
    free(row);
    if (pixd) {
        PIX *p = pixd;
        pixDestroy(&p);
    }
    return rc;
}
