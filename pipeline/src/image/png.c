/*
 * png.c - quiet, bounded PNG decoding with libpng.
 *
 *   nocr_png_decode    PNG bytes -> PIX (8-bit gray or 32-bit RGB), alpha on white
 *
 * Why not Leptonica's pixReadMemPng: libpng's default handlers print to stderr (a truncated
 * file gives several lines there), and the size check must come before the image buffer is
 * allocated. Here errors longjmp back to us, warnings are dropped, and the IHDR size is
 * checked against the caller's pixel limit first.
 */
#include "image/image.h"

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct png_source {
    const unsigned char *data;
    size_t size, pos;
} png_source;

typedef struct png_failure {
    jmp_buf jmp;
    char message[160];
} png_failure;

static void png_read_mem(png_structp png, png_bytep out, size_t n)
{
    png_source *src = png_get_io_ptr(png);
    if (n > src->size - src->pos)
        png_error(png, "file is truncated");
    memcpy(out, src->data + src->pos, n);
    src->pos += n;
}

static void png_on_error(png_structp png, png_const_charp msg)
{
    png_failure *fail = png_get_error_ptr(png);
    snprintf(fail->message, sizeof(fail->message), "%s", msg);
    longjmp(fail->jmp, 1);
}

static void png_on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

/* Blends value v (0..255) with alpha a over white. */
static inline unsigned on_white(unsigned v, unsigned a)
{
    return (v * a + 255 * (255 - a) + 127) / 255;
}

int nocr_png_decode(PIX **out, const unsigned char *data, size_t size, const char *name,
                    long long max_pixels, int *out_depth)
{
    png_source src = {data, size, 0};
    png_failure fail;
    png_structp png = NULL;
    png_infop info = NULL;
    unsigned char *volatile buf = NULL;
    png_bytep *volatile rows = NULL;
    PIX *volatile pixd = NULL;
    volatile int rc = NOCR_OK;

    *out = NULL;
    fail.message[0] = '\0';
    /* IHDR is the first chunk (PNG spec 5.6): check the size before libpng reads on. */
    if (size >= 24 && memcmp(data + 12, "IHDR", 4) == 0) {
        /* Sides are up to 2^32 - 1: their product is not formed (nocr_pixels_above). */
        unsigned long long w =
            (unsigned long long)data[16] << 24 | data[17] << 16 | data[18] << 8 | data[19];
        unsigned long long h =
            (unsigned long long)data[20] << 24 | data[21] << 16 | data[22] << 8 | data[23];
        if (nocr_pixels_above(w, h, max_pixels))
            return nocr_error_set(NOCR_ELIMIT,
                                  "%s: image is %llux%llu pixels, above the limit of %lld "
                                  "pixels (--max-pixels)",
                                  name, w, h, max_pixels);
    }
    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &fail, png_on_error, png_on_warning);
    if (!png || !(info = png_create_info_struct(png))) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory", name);
        goto cleanup;
    }
    if (setjmp(fail.jmp)) {
        rc = nocr_error_set(NOCR_EFORMAT, "%s: corrupt or truncated PNG (%s)", name,
                            fail.message[0] ? fail.message : "libpng error");
        goto cleanup;
    }
    png_set_read_fn(png, &src, png_read_mem);
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_read_info(png, info);

    png_uint_32 w = png_get_image_width(png, info);
    png_uint_32 h = png_get_image_height(png, info);
    int bit_depth = png_get_bit_depth(png, info);
    int color = png_get_color_type(png, info);
    if (nocr_pixels_above(w, h, max_pixels)) {
        rc = nocr_error_set(NOCR_ELIMIT,
                            "%s: image is %ux%u pixels, above the limit of %lld pixels "
                            "(--max-pixels)",
                            name, (unsigned)w, (unsigned)h, max_pixels);
        goto cleanup;
    }
    if (out_depth)
        *out_depth = bit_depth * png_get_channels(png, info);

    if (color == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb(png);
    if (color == PNG_COLOR_TYPE_GRAY && bit_depth < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS))
        png_set_tRNS_to_alpha(png);
    if (bit_depth == 16)
        png_set_strip_16(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);

    int channels = png_get_channels(png, info);
    size_t rowbytes = png_get_rowbytes(png, info);
    /* With a very large --max-pixels the buffer size itself could wrap around. */
    buf = h == 0 || rowbytes <= SIZE_MAX / h ? malloc(rowbytes * h) : NULL;
    rows = malloc(sizeof(*rows) * h);
    if (!buf || !rows) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory for %ux%u pixels", name,
                            (unsigned)w, (unsigned)h);
        goto cleanup;
    }
    for (png_uint_32 y = 0; y < h; y++)
        rows[y] = buf + y * rowbytes;
    png_read_image(png, rows);
    png_read_end(png, NULL);

    int gray = channels <= 2;
    pixd = pixCreate((l_int32)w, (l_int32)h, gray ? 8 : 32);
    if (!pixd) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: out of memory for %ux%u pixels", name,
                            (unsigned)w, (unsigned)h);
        goto cleanup;
    }
    l_uint32 *line = pixGetData(pixd);
    l_int32 wpl = pixGetWpl(pixd);
    for (png_uint_32 y = 0; y < h; y++, line += wpl) {
        const unsigned char *p = rows[y];
        for (png_uint_32 x = 0; x < w; x++, p += channels) {
            if (gray) {
                unsigned v = channels == 2 ? on_white(p[0], p[1]) : p[0];
                SET_DATA_BYTE(line, x, v);
            } else {
                unsigned a = channels == 4 ? p[3] : 255;
                l_uint32 pixel;
                composeRGBPixel((l_int32)on_white(p[0], a), (l_int32)on_white(p[1], a),
                                (l_int32)on_white(p[2], a), &pixel);
                line[x] = pixel;
            }
        }
    }
    png_uint_32 resx, resy;
    int unit;
    if (png_get_pHYs(png, info, &resx, &resy, &unit) && unit == PNG_RESOLUTION_METER)
        pixSetResolution(pixd, (l_int32)(resx * 0.0254 + 0.5), (l_int32)(resy * 0.0254 + 0.5));
    *out = pixd;
    pixd = NULL;

cleanup:
    if (png)
        png_destroy_read_struct(&png, info ? &info : NULL, NULL);
    free(rows);
    free(buf);
    if (pixd) {
        PIX *p = pixd;
        pixDestroy(&p);
    }
    return rc;
}
