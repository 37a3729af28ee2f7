/*
 * load.c - reading image files into a nocr_image, with every bad input an error code.
 *
 *   nocr_image_page_count, nocr_image_load, nocr_image_load_mem, nocr_image_free,
 *   nocr_image_width, nocr_image_height, nocr_image_depth, nocr_image_dpi,
 *   nocr_image_source, nocr_image_index, nocr_lept_quiet
 *
 * The file is read into memory once; its format comes from its magic bytes (never its
 * extension); the header is checked against the pixel limit before anything is decoded;
 * decoders that would return a partially decoded image (a truncated JPEG) are told to
 * fail instead. The decoded original is kept as 8-bit gray or 32-bit RGB.
 */
#define _POSIX_C_SOURCE 200809L
#include "image/image.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Files above this are refused before they are read: no scan of one page is this big. */
#define NOCR_MAX_FILE_BYTES (2LL * 1024 * 1024 * 1024)

static void lept_discard(const char *msg)
{
    (void)msg;
}

static void lept_quiet_once(void)
{
    leptSetStderrHandler(lept_discard);
}

void nocr_lept_quiet(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, lept_quiet_once);
}

/* Reads a whole regular file. *out is malloc'd, the caller's. */
static int file_read_all(unsigned char **out, size_t *out_size, const char *path)
{
    struct stat st;
    *out = NULL;
    *out_size = 0;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return nocr_error_set(NOCR_ENOENT, "%s: no such file", path);
        return nocr_error_set(NOCR_EREAD, "%s: cannot read: %s", path, strerror(errno));
    }
    if (S_ISDIR(st.st_mode))
        return nocr_error_set(NOCR_ENOENT, "%s: is a directory, not an image file", path);
    if (!S_ISREG(st.st_mode))
        return nocr_error_set(NOCR_EREAD, "%s: not a regular file", path);
    if (st.st_size == 0)
        return nocr_error_set(NOCR_EREAD, "%s: empty file", path);
    if ((long long)st.st_size > NOCR_MAX_FILE_BYTES)
        return nocr_error_set(NOCR_ELIMIT, "%s: file of %lld bytes is too large", path,
                              (long long)st.st_size);

    FILE *fp = fopen(path, "rb");
    if (!fp)
        return nocr_error_set(NOCR_EREAD, "%s: cannot open: %s", path, strerror(errno));
    size_t size = (size_t)st.st_size;
    unsigned char *data = malloc(size);
    if (!data) {
        fclose(fp);
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory reading %zu bytes", path, size);
    }
    size_t got = fread(data, 1, size, fp);
    int err = ferror(fp);
    fclose(fp);
    if (got != size || err) {
        free(data);
        return nocr_error_set(NOCR_EREAD, "%s: read error", path);
    }
    *out = data;
    *out_size = size;
    return NOCR_OK;
}

static const char *format_name(int format)
{
    switch (format) {
    case IFF_PNG:
        return "PNG";
    case IFF_JFIF_JPEG:
        return "JPEG";
    case IFF_BMP:
        return "BMP";
    case IFF_GIF:
        return "GIF";
    case IFF_WEBP:
        return "WebP";
    case IFF_JP2:
        return "JPEG 2000";
    case IFF_PNM:
        return "PNM";
    default:
        return "TIFF";
    }
}

static int is_tiff(int format)
{
    switch (format) {
    case IFF_TIFF:
    case IFF_TIFF_PACKBITS:
    case IFF_TIFF_RLE:
    case IFF_TIFF_G3:
    case IFF_TIFF_G4:
    case IFF_TIFF_LZW:
    case IFF_TIFF_ZIP:
    case IFF_TIFF_JPEG:
        return 1;
    default:
        return 0;
    }
}

/* Identifies the format from the magic bytes. */
static int data_format(int *out, const unsigned char *data, size_t size, const char *name)
{
    int format = IFF_UNKNOWN;
    if (size < 12 || findFileFormatBuffer(data, &format) || format == IFF_UNKNOWN ||
        format == IFF_SPIX || format == IFF_PS || format == IFF_LPDF)
        return nocr_error_set(NOCR_EFORMAT, "%s: not an image file (unknown format)", name);
    *out = format;
    return NOCR_OK;
}

static int tiff_page_count(int *out, const unsigned char *data, size_t size, const char *name)
{
    FILE *fp = fmemopen((void *)data, size, "rb");
    if (!fp)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory", name);
    l_int32 n = 0;
    l_ok bad = tiffGetCount(fp, &n);
    fclose(fp);
    if (bad || n <= 0)
        return nocr_error_set(NOCR_EFORMAT, "%s: corrupt TIFF (no readable page)", name);
    *out = n;
    return NOCR_OK;
}

static int check_size(long long w, long long h, long long max_pixels, const char *name)
{
    if (w <= 0 || h <= 0)
        return nocr_error_set(NOCR_EFORMAT, "%s: corrupt header (size %lldx%lld)", name, w, h);
    if (w * h > max_pixels)
        return nocr_error_set(NOCR_ELIMIT,
                              "%s: image is %lldx%lld pixels, above the limit of %lld pixels "
                              "(--max-pixels)",
                              name, w, h, max_pixels);
    if (w < NOCR_MIN_SIDE || h < NOCR_MIN_SIDE)
        return nocr_error_set(NOCR_ELIMIT,
                              "%s: image is %lldx%lld pixels, too small to hold text "
                              "(minimum %dx%d)",
                              name, w, h, NOCR_MIN_SIDE, NOCR_MIN_SIDE);
    return NOCR_OK;
}

/* Brings any decoded PIX to 8-bit gray or 32-bit RGB with no colormap and no alpha.
 * Takes ownership of *ppix. 1-bit input expands to 0/255 without loss. */
static int pix_normalize(PIX **ppix, const char *name)
{
    PIX *pixs = *ppix, *pixd = NULL;
    int d = pixGetDepth(pixs);
    if (pixGetColormap(pixs))
        pixd = pixRemoveColormap(pixs, REMOVE_CMAP_BASED_ON_SRC);
    else if (d == 32 && pixGetSpp(pixs) == 4)
        pixd = pixAlphaBlendUniform(pixs, 0xffffff00);
    else if (d == 16)
        pixd = pixConvert16To8(pixs, L_MS_BYTE);
    else if (d == 1 || d == 2 || d == 4)
        pixd = pixConvertTo8(pixs, 0);
    else if (d == 8 || d == 32)
        return NOCR_OK;
    else
        return nocr_error_set(NOCR_EFORMAT, "%s: unsupported depth of %d bits", name, d);
    if (!pixd)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory converting the image", name);
    pixCopyResolution(pixd, pixs);
    pixDestroy(ppix);
    *ppix = pixd;
    /* A colormap can expand to anything: normalize again (at most once more). */
    return pixGetDepth(pixd) == 8 || pixGetDepth(pixd) == 32 ? pix_normalize(ppix, name)
                                                              : NOCR_OK;
}

static int image_decode(PIX **out, int *out_depth, const unsigned char *data, size_t size,
                        const char *name, int index, long long max_pixels)
{
    int format = IFF_UNKNOWN, rc;
    PIX *pix = NULL;
    *out = NULL;
    if ((rc = data_format(&format, data, size, name)))
        return rc;

    if (format == IFF_PNG || format == IFF_JFIF_JPEG) {
        if (index != 0)
            return nocr_error_set(NOCR_EINVAL, "%s: %s has one page, not page %d", name,
                                  format_name(format), index + 1);
        rc = format == IFF_PNG ? nocr_png_decode(&pix, data, size, name, max_pixels, out_depth)
                               : nocr_jpeg_decode(&pix, data, size, name, max_pixels,
                                                  out_depth);
        if (rc)
            return rc;
    } else {
        l_int32 w = 0, h = 0, bps = 0, spp = 0, cmap = 0, res = 0, fmt = 0;
        if (is_tiff(format)) {
            int n = 0;
            if ((rc = tiff_page_count(&n, data, size, name)))
                return rc;
            if (index < 0 || index >= n)
                return nocr_error_set(NOCR_EINVAL, "%s: has %d pages, no page %d", name, n,
                                      index + 1);
            if (readHeaderMemTiff(data, size, index, &w, &h, &bps, &spp, &res, &cmap, &fmt))
                return nocr_error_set(NOCR_EFORMAT, "%s: corrupt TIFF header", name);
        } else {
            if (index != 0)
                return nocr_error_set(NOCR_EINVAL, "%s: %s has one page, not page %d", name,
                                      format_name(format), index + 1);
            if (pixReadHeaderMem(data, size, &fmt, &w, &h, &bps, &spp, &cmap))
                return nocr_error_set(NOCR_EFORMAT, "%s: corrupt %s header", name,
                                      format_name(format));
        }
        if ((rc = check_size(w, h, max_pixels, name)))
            return rc;
        *out_depth = bps * spp;
        if (is_tiff(format)) {
            pix = pixReadMemTiff(data, size, index);
        } else {
            pix = pixReadMem(data, size);
        }
        if (!pix)
            return nocr_error_set(NOCR_EFORMAT, "%s: corrupt or truncated %s data", name,
                                  format_name(format));
    }
    if ((rc = check_size(pixGetWidth(pix), pixGetHeight(pix), max_pixels, name)) ||
        (rc = pix_normalize(&pix, name))) {
        pixDestroy(&pix);
        return rc;
    }
    *out = pix;
    return NOCR_OK;
}

int nocr_image_load_mem(nocr_image **out, const void *data, size_t size, const char *name,
                        int index, const nocr_load_options *opts)
{
    if (!out || !data || !name)
        return nocr_error_set(NOCR_EINVAL, "nocr_image_load: NULL argument");
    *out = NULL;
    nocr_lept_quiet();
    long long max_pixels = opts && opts->max_pixels > 0 ? opts->max_pixels
                                                        : NOCR_DEFAULT_MAX_PIXELS;
    int depth = 0, rc;
    PIX *pix = NULL;
    if ((rc = image_decode(&pix, &depth, data, size, name, index, max_pixels)))
        return rc;
    nocr_image *img = calloc(1, sizeof(*img));
    if (!img || !(img->source = nocr_strdup(name))) {
        free(img);
        pixDestroy(&pix);
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory", name);
    }
    img->index = index;
    img->width = pixGetWidth(pix);
    img->height = pixGetHeight(pix);
    img->depth = depth;
    img->dpi = pixGetXRes(pix) > 0 ? pixGetXRes(pix) : 0;
    img->pixs = pix;
    img->scale = 1.0f;
    *out = img;
    return NOCR_OK;
}

int nocr_image_load(nocr_image **out, const char *path, int index,
                    const nocr_load_options *opts)
{
    if (!out || !path)
        return nocr_error_set(NOCR_EINVAL, "nocr_image_load: NULL argument");
    *out = NULL;
    unsigned char *data;
    size_t size;
    int rc = file_read_all(&data, &size, path);
    if (rc)
        return rc;
    rc = nocr_image_load_mem(out, data, size, path, index, opts);
    free(data);
    return rc;
}

int nocr_image_page_count(int *out, const char *path)
{
    if (!out || !path)
        return nocr_error_set(NOCR_EINVAL, "nocr_image_page_count: NULL argument");
    nocr_lept_quiet();
    unsigned char *data;
    size_t size;
    int format = IFF_UNKNOWN, rc = file_read_all(&data, &size, path);
    if (rc)
        return rc;
    if (!(rc = data_format(&format, data, size, path))) {
        if (is_tiff(format))
            rc = tiff_page_count(out, data, size, path);
        else
            *out = 1;
    }
    free(data);
    return rc;
}

void nocr_image_free(nocr_image *img)
{
    if (!img)
        return;
    pixDestroy(&img->pixs);
    pixDestroy(&img->pixg);
    pixDestroy(&img->pixb);
    free(img->figures);
    free(img->rules);
    free(img->source);
    free(img);
}

int nocr_image_width(const nocr_image *img)
{
    return img->width;
}

int nocr_image_height(const nocr_image *img)
{
    return img->height;
}

int nocr_image_depth(const nocr_image *img)
{
    return img->depth;
}

int nocr_image_dpi(const nocr_image *img)
{
    return img->dpi;
}

const char *nocr_image_source(const nocr_image *img)
{
    return img->source;
}

int nocr_image_index(const nocr_image *img)
{
    return img->index;
}
