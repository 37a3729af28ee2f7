/*
 * load.c - reading image files into a nocr_image, with every bad input an error code.
 *
 *   nocr_image_page_count, nocr_image_load, nocr_image_load_mem, nocr_image_free,
 *   nocr_image_width, nocr_image_height, nocr_image_depth, nocr_image_dpi,
 *   nocr_image_source, nocr_image_index, nocr_lept_quiet, nocr_pixels_above
 *
 * A file's format comes from its magic bytes (never its extension); the header is checked
 * against the pixel limit before anything is decoded; decoders that would return a
 * partially decoded image (a truncated JPEG) are told to fail instead. The decoded
 * original is kept as 8-bit gray or 32-bit RGB. A PDF is rendered page by page (pdf.c).
 *
 * Files are read into memory whole, except TIFFs: a multi-page TIFF is read page by page
 * where it lies, its IFD offsets followed once and kept (tiff_ifds_cached), so that going
 * through its pages one call at a time costs O(pages), not O(pages^2).
 */
#define _POSIX_C_SOURCE 200809L
#include "image/image.h"
#include "image/pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Opens a regular, non-empty file no larger than NOCR_MAX_FILE_BYTES for reading;
 * *out_st is its fstat. */
static int file_open(int *out_fd, struct stat *out_st, const char *path)
{
    struct stat st;
    *out_fd = -1;
    if (stat(path, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return nocr_error_set(NOCR_ENOENT, "%s: no such file", path);
        return nocr_error_set(NOCR_EREAD, "%s: cannot read: %s", path, strerror(errno));
    }
    if (S_ISDIR(st.st_mode))
        return nocr_error_set(NOCR_ENOENT, "%s: is a directory, not an image file", path);
    /* Checked before open: opening a FIFO would block. */
    if (!S_ISREG(st.st_mode))
        return nocr_error_set(NOCR_EREAD, "%s: not a regular file", path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return nocr_error_set(NOCR_EREAD, "%s: cannot open: %s", path, strerror(errno));
    if (fstat(fd, out_st) != 0 || !S_ISREG(out_st->st_mode)) {
        close(fd);
        return nocr_error_set(NOCR_EREAD, "%s: not a regular file", path);
    }
    if (out_st->st_size == 0) {
        close(fd);
        return nocr_error_set(NOCR_EREAD, "%s: empty file", path);
    }
    if ((long long)out_st->st_size > NOCR_MAX_FILE_BYTES) {
        close(fd);
        return nocr_error_set(NOCR_ELIMIT, "%s: file of %lld bytes is too large", path,
                              (long long)out_st->st_size);
    }
    *out_fd = fd;
    return NOCR_OK;
}

/* Reads size bytes at offset 0 of fd into buf. */
static int file_read_at0(int fd, unsigned char *buf, size_t size, const char *path)
{
    size_t got = 0;
    while (got < size) {
        ssize_t n = pread(fd, buf + got, size - got, (off_t)got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return nocr_error_set(NOCR_EREAD, "%s: read error", path);
        got += (size_t)n;
    }
    return NOCR_OK;
}

/* Reads the whole file of fd (size bytes). *out is malloc'd, the caller's. */
static int file_read_all(unsigned char **out, int fd, size_t size, const char *path)
{
    unsigned char *data = malloc(size);
    int rc;
    *out = NULL;
    if (!data)
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory reading %zu bytes", path, size);
    if ((rc = file_read_at0(fd, data, size, path))) {
        free(data);
        return rc;
    }
    *out = data;
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

/* The IFD offsets of the last TIFF file whose chain was followed, and the file's
 * identity: the CLI counts a file's pages, then loads them one call each, and each call
 * finds its page here in O(1) instead of following the chain again. A file changed in
 * any way (inode, size, mtime) is followed anew. One entry: enough for page-by-page
 * reading, and a miss costs only the O(pages) walk. */
static struct {
    pthread_mutex_t lock;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    size_t *ifds;
    int n;
} tiff_cache = {PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, {0, 0}, NULL, 0};

static int same_file(const struct stat *st)
{
    return tiff_cache.ifds && tiff_cache.dev == st->st_dev && tiff_cache.ino == st->st_ino &&
           tiff_cache.size == st->st_size && tiff_cache.mtime.tv_sec == st->st_mtim.tv_sec &&
           tiff_cache.mtime.tv_nsec == st->st_mtim.tv_nsec;
}

/* The page count of the TIFF open as fd and, when 0 <= index < count, the offset of page
 * index's IFD (else 0), from the cache or by following the chain. */
static int tiff_ifds_cached(int *out_count, size_t *out_offset, int fd, const struct stat *st,
                            int index, const char *name)
{
    size_t *ifds = NULL;
    int n = 0, rc;
    pthread_mutex_lock(&tiff_cache.lock);
    if (same_file(st)) {
        *out_count = tiff_cache.n;
        *out_offset = index >= 0 && index < tiff_cache.n ? tiff_cache.ifds[index] : 0;
        pthread_mutex_unlock(&tiff_cache.lock);
        return NOCR_OK;
    }
    pthread_mutex_unlock(&tiff_cache.lock);

    nocr_tiff_src src = {NULL, fd, (size_t)st->st_size};
    if ((rc = nocr_tiff_ifds(&ifds, &n, &src, name)))
        return rc;
    *out_count = n;
    *out_offset = index >= 0 && index < n ? ifds[index] : 0;
    pthread_mutex_lock(&tiff_cache.lock);
    free(tiff_cache.ifds);
    tiff_cache.dev = st->st_dev;
    tiff_cache.ino = st->st_ino;
    tiff_cache.size = st->st_size;
    tiff_cache.mtime = st->st_mtim;
    tiff_cache.ifds = ifds;
    tiff_cache.n = n;
    pthread_mutex_unlock(&tiff_cache.lock);
    return NOCR_OK;
}

int nocr_pixels_above(unsigned long long w, unsigned long long h, long long max_pixels)
{
    unsigned long long max = max_pixels > 0 ? (unsigned long long)max_pixels : 0;
    /* w * h > max  <=>  h > floor(max / w), for w > 0: no product is formed. */
    return w != 0 && h > max / w;
}

static int check_size(long long w, long long h, long long max_pixels, const char *name)
{
    if (w <= 0 || h <= 0)
        return nocr_error_set(NOCR_EFORMAT, "%s: corrupt header (size %lldx%lld)", name, w, h);
    if (nocr_pixels_above((unsigned long long)w, (unsigned long long)h, max_pixels))
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

/* Checks a TIFF page's size, from its IFD, against the limit before it is decoded. */
static int tiff_check_page(int *out_depth, const nocr_tiff_src *src, size_t offset, int index,
                           long long max_pixels, const char *name)
{
    nocr_tiff_page page;
    nocr_tiff_page_info(&page, src, offset);
    if (page.width == 0 || page.height == 0)
        return nocr_error_set(NOCR_EFORMAT, "%s: corrupt TIFF header (page %d has no size)", name,
                              index + 1);
    if (nocr_pixels_above(page.width, page.height, max_pixels))
        return nocr_error_set(NOCR_ELIMIT,
                              "%s: image is %llux%llu pixels, above the limit of %lld pixels "
                              "(--max-pixels)",
                              name, page.width, page.height, max_pixels);
    *out_depth = page.depth;
    return NOCR_OK;
}

/* Decodes page `index` of a TIFF in memory from its own IFD (pixReadMemFromMultipageTiff):
 * no directory before it is parsed. */
static int tiff_decode(PIX **out, int *out_depth, const unsigned char *data, size_t size,
                       const char *name, int index, long long max_pixels)
{
    nocr_tiff_src src = {data, -1, size};
    size_t *ifds = NULL;
    int n = 0, rc;
    if ((rc = nocr_tiff_ifds(&ifds, &n, &src, name)))
        return rc;
    size_t offset = index >= 0 && index < n ? ifds[index] : 0;
    free(ifds);
    if (offset == 0)
        return nocr_error_set(NOCR_EINVAL, "%s: has %d pages, no page %d", name, n, index + 1);
    if ((rc = tiff_check_page(out_depth, &src, offset, index, max_pixels, name)))
        return rc;
    if (!(*out = pixReadMemFromMultipageTiff(data, size, &offset)))
        return nocr_error_set(NOCR_EFORMAT, "%s: corrupt or truncated TIFF data", name);
    return NOCR_OK;
}

/* Checks a decoded image's size and normalizes it; on failure *ppix is destroyed. */
static int image_finish(PIX **ppix, long long max_pixels, const char *name)
{
    int rc;
    if ((rc = check_size(pixGetWidth(*ppix), pixGetHeight(*ppix), max_pixels, name)) ||
        (rc = pix_normalize(ppix, name)))
        pixDestroy(ppix);
    return rc;
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
    } else if (is_tiff(format)) {
        if ((rc = tiff_decode(&pix, out_depth, data, size, name, index, max_pixels)))
            return rc;
    } else {
        l_int32 w = 0, h = 0, bps = 0, spp = 0, cmap = 0, fmt = 0;
        if (index != 0)
            return nocr_error_set(NOCR_EINVAL, "%s: %s has one page, not page %d", name,
                                  format_name(format), index + 1);
        if (pixReadHeaderMem(data, size, &fmt, &w, &h, &bps, &spp, &cmap))
            return nocr_error_set(NOCR_EFORMAT, "%s: corrupt %s header", name,
                                  format_name(format));
        if ((rc = check_size(w, h, max_pixels, name)))
            return rc;
        *out_depth = bps * spp;
        if (!(pix = pixReadMem(data, size)))
            return nocr_error_set(NOCR_EFORMAT, "%s: corrupt or truncated %s data", name,
                                  format_name(format));
    }
    if ((rc = image_finish(&pix, max_pixels, name)))
        return rc;
    *out = pix;
    return NOCR_OK;
}

/* Not one of Leptonica's IFF_ formats: a PDF, rendered by pdf.c. */
#define FORMAT_PDF (-1)

static long long max_pixels_of(const nocr_load_options *opts)
{
    return opts && opts->max_pixels > 0 ? opts->max_pixels : NOCR_DEFAULT_MAX_PIXELS;
}

/* Wraps a decoded, normalized pix (taken over, destroyed on failure) in a new image. */
static int image_new(nocr_image **out, PIX *pix, int depth, const char *name, int index)
{
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

int nocr_image_load_mem(nocr_image **out, const void *data, size_t size, const char *name,
                        int index, const nocr_load_options *opts)
{
    if (!out || !data || !name)
        return nocr_error_set(NOCR_EINVAL, "nocr_image_load: NULL argument");
    *out = NULL;
    nocr_lept_quiet();
    int depth = 0, rc;
    PIX *pix = NULL;
    if (nocr_pdf_is_pdf(data, size))
        rc = nocr_pdf_render(&pix, &depth, NULL, data, size, name, index,
                             opts ? opts->pdf_dpi : 0, max_pixels_of(opts));
    else
        rc = image_decode(&pix, &depth, data, size, name, index, max_pixels_of(opts));
    if (rc || (rc = image_new(out, pix, depth, name, index)))
        return rc;
    /* A JPEG (a file, or a scanned PDF page's) is kept for writers that embed it as is. */
    if ((rc = nocr_image_keep_jpeg(*out, data, size))) {
        nocr_image_free(*out);
        *out = NULL;
    }
    return rc;
}

/*
 * Decodes the page whose IFD is at offset in the TIFF file open as fd. The file is mapped
 * privately and its header, in the private copy only, made to name that page first: libtiff
 * then reads it as page 0. Given its offset instead (TIFFSetSubDirectory), libtiff 4.5
 * follows the whole chain again to number the directory, O(pages) per page. Only the
 * pages libtiff reads from are brought in; libtiff maps files it opens the same way.
 */
static int tiff_file_decode(PIX **out, int fd, size_t size, size_t offset, const char *path)
{
    *out = NULL;
    void *map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED)
        return nocr_error_set(NOCR_EREAD, "%s: cannot read: %s", path, strerror(errno));
    size_t first = 0;
    if (nocr_tiff_set_first(map, size, offset))
        *out = pixReadMemFromMultipageTiff(map, size, &first);
    munmap(map, size);
    if (!*out)
        return nocr_error_set(NOCR_EFORMAT, "%s: corrupt or truncated TIFF data", path);
    return NOCR_OK;
}

/* Loads page `index` of the TIFF file open as fd where it lies: its IFD offset from
 * tiff_ifds_cached, its size checked from its IFD, then only that page decoded
 * (tiff_file_decode). */
static int tiff_file_load(nocr_image **out, int fd, const struct stat *st, const char *path,
                          int index, long long max_pixels)
{
    nocr_tiff_src src = {NULL, fd, (size_t)st->st_size};
    size_t offset = 0;
    int n = 0, depth = 0, rc;
    PIX *pix = NULL;
    if ((rc = tiff_ifds_cached(&n, &offset, fd, st, index, path)))
        return rc;
    if (offset == 0)
        return nocr_error_set(NOCR_EINVAL, "%s: has %d pages, no page %d", path, n, index + 1);
    if ((rc = tiff_check_page(&depth, &src, offset, index, max_pixels, path)))
        return rc;
    if ((rc = tiff_file_decode(&pix, fd, (size_t)st->st_size, offset, path)))
        return rc;
    if ((rc = image_finish(&pix, max_pixels, path)))
        return rc;
    return image_new(out, pix, depth, path, index);
}

/* Opens path and identifies its format from its first bytes; *out_fd is then open. */
static int file_identify(int *out_fd, struct stat *out_st, int *out_format, const char *path)
{
    unsigned char head[16];
    int fd = -1, rc;
    memset(out_st, 0, sizeof(*out_st));
    if ((rc = file_open(&fd, out_st, path)))
        return rc;
    size_t n = (size_t)out_st->st_size < sizeof(head) ? (size_t)out_st->st_size : sizeof(head);
    if (!(rc = file_read_at0(fd, head, n, path)) && nocr_pdf_is_pdf(head, n))
        *out_format = FORMAT_PDF;
    else if (rc || (rc = data_format(out_format, head, n, path))) {
        close(fd);
        return rc;
    }
    *out_fd = fd;
    return NOCR_OK;
}

int nocr_image_load(nocr_image **out, const char *path, int index,
                    const nocr_load_options *opts)
{
    if (!out || !path)
        return nocr_error_set(NOCR_EINVAL, "nocr_image_load: NULL argument");
    *out = NULL;
    nocr_lept_quiet();
    struct stat st;
    unsigned char *data;
    int fd = -1, format = IFF_UNKNOWN, rc = file_identify(&fd, &st, &format, path);
    if (rc)
        return rc;
    if (is_tiff(format)) {
        rc = tiff_file_load(out, fd, &st, path, index, max_pixels_of(opts));
    } else if (!(rc = file_read_all(&data, fd, (size_t)st.st_size, path))) {
        rc = nocr_image_load_mem(out, data, (size_t)st.st_size, path, index, opts);
        free(data);
    }
    close(fd);
    return rc;
}

int nocr_image_page_count(int *out, const char *path)
{
    if (!out || !path)
        return nocr_error_set(NOCR_EINVAL, "nocr_image_page_count: NULL argument");
    nocr_lept_quiet();
    struct stat st;
    size_t offset;
    int fd = -1, format = IFF_UNKNOWN, n = 1, rc = file_identify(&fd, &st, &format, path);
    if (rc)
        return rc;
    if (format == FORMAT_PDF) {
        unsigned char *data;
        if (!(rc = file_read_all(&data, fd, (size_t)st.st_size, path))) {
            rc = nocr_pdf_page_count(&n, data, (size_t)st.st_size, path);
            free(data);
        }
    } else if (is_tiff(format)) {
        rc = tiff_ifds_cached(&n, &offset, fd, &st, -1, path);
    }
    close(fd);
    if (!rc)
        *out = n;
    return rc;
}

void nocr_image_free(nocr_image *img)
{
    if (!img)
        return;
    pixDestroy(&img->pixs);
    free(img->jpeg);
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
