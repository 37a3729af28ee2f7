/*
 * tiff.c - the page directory of a TIFF, in memory or in a file, read without libtiff.
 *
 *   nocr_tiff_ifds          the byte offset of every page's IFD, in page order
 *   nocr_tiff_page_info     a page's size and depth, from its IFD
 *   nocr_tiff_set_first     make a page the first of a TIFF held in writable memory
 *   nocr_tiff_orientation   the Orientation tag of a TIFF structure (a JPEG's Exif block)
 *
 * Why not Leptonica's tiffGetCount / readHeaderMemTiff / pixReadMemTiff: each reaches page
 * k by reading (and allocating) every directory before it with TIFFReadDirectory, so a
 * reader going through a 2000-page file page by page spent 87 s on directories. Here the
 * IFD chain is followed by its next-IFD offsets alone (TIFF 6.0 section 2; BigTIFF), a few
 * bytes per page, and a page is then decoded from its own offset (load.c). Every read is
 * bounds checked (against the data, or the file's size with pread); a loop of IFDs is
 * found with Floyd's cycle detection in O(pages) time and ends the chain, as in libtiff.
 */
#define _POSIX_C_SOURCE 200809L
#include "image/image.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

/* Type sizes in bytes of the TIFF field types 1..18 (0 for unknown types). */
static const unsigned char tiff_type_size[19] = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4,
                                                 8, 4, 8, 4, 0, 0, 8, 8, 8};

typedef struct tiff_buf {
    const unsigned char *data; /* the bytes, or NULL: read fd */
    int fd;
    size_t size;
    int le;  /* 1: "II" little-endian; 0: "MM" big-endian */
    int big; /* 1: BigTIFF (version 43, 8-byte offsets) */
} tiff_buf;

/* Reads an unsigned integer of n (2, 4 or 8) bytes at pos; 0 when out of bounds. */
static int tiff_uint(uint64_t *out, const tiff_buf *t, uint64_t pos, int n)
{
    unsigned char bytes[8];
    const unsigned char *p = bytes;
    uint64_t v = 0;
    if (pos > t->size || (uint64_t)n > t->size - pos)
        return 0;
    if (t->data)
        p = t->data + pos;
    else if (pread(t->fd, bytes, (size_t)n, (off_t)pos) != n)
        return 0; /* the file shrank, or cannot be read: as if out of bounds */
    for (int i = 0; i < n; i++) {
        unsigned b = p[t->le ? n - 1 - i : i];
        v = v << 8 | b;
    }
    *out = v;
    return 1;
}

/* The offset of the IFD after the one at ifd (0 at the end); 0 when out of bounds. */
static int tiff_next_ifd(uint64_t *out, const tiff_buf *t, uint64_t ifd)
{
    uint64_t count;
    int cbytes = t->big ? 8 : 2, ebytes = t->big ? 20 : 12, obytes = t->big ? 8 : 4;
    if (!tiff_uint(&count, t, ifd, cbytes) || count > t->size / (uint64_t)ebytes)
        return 0;
    return tiff_uint(out, t, ifd + (uint64_t)cbytes + count * (uint64_t)ebytes, obytes);
}

/* The first value of tag `tag` in the IFD at ifd, as an unsigned integer; `def` when the
 * tag is absent or not an integer. Values too long to be inline are read at their
 * offset. */
static uint64_t tiff_tag(const tiff_buf *t, uint64_t ifd, unsigned tag, uint64_t def)
{
    uint64_t count, id, type, n, pos;
    int cbytes = t->big ? 8 : 2, ebytes = t->big ? 20 : 12, obytes = t->big ? 8 : 4;
    if (!tiff_uint(&count, t, ifd, cbytes) || count > t->size / (uint64_t)ebytes)
        return def;
    for (uint64_t e = 0; e < count; e++) {
        uint64_t entry = ifd + (uint64_t)cbytes + e * (uint64_t)ebytes;
        if (!tiff_uint(&id, t, entry, 2) || id != tag || !tiff_uint(&type, t, entry + 2, 2) ||
            !tiff_uint(&n, t, entry + 4, obytes) || n == 0)
            continue;
        /* Integer types only: BYTE, SHORT, LONG, LONG8. */
        if (type != 1 && type != 3 && type != 4 && type != 16)
            return def;
        int size = tiff_type_size[type];
        pos = entry + 4 + (uint64_t)obytes;
        if (n > (uint64_t)obytes / (uint64_t)size && !tiff_uint(&pos, t, pos, obytes))
            return def;
        uint64_t v;
        return tiff_uint(&v, t, pos, size) ? v : def;
    }
    return def;
}

/* Checks the 8- or 16-byte header: 1 when good, *out_first then the first IFD's offset. */
static int tiff_header(tiff_buf *t, uint64_t *out_first)
{
    uint64_t order = 0, version = 0, first = 0;
    /* "II" and "MM" read the same in either byte order. */
    if (tiff_uint(&order, t, 0, 2) && (order == 0x4949 || order == 0x4d4d)) {
        t->le = order == 0x4949;
        tiff_uint(&version, t, 2, 2);
        t->big = version == 43;
        if (version == 42)
            tiff_uint(&first, t, 4, 4);
        else if (version == 43)
            tiff_uint(&first, t, 8, 8);
    }
    *out_first = first;
    return first != 0;
}

static tiff_buf tiff_buf_of(const nocr_tiff_src *src)
{
    tiff_buf t = {src->data, src->fd, src->size, 0, 0};
    return t;
}

/* Grows *v (capacity *cap) to hold one more offset. */
static int offsets_reserve(size_t **v, size_t *cap, size_t n)
{
    if (n < *cap)
        return 1;
    size_t ncap = *cap ? *cap * 2 : 64;
    size_t *nv = realloc(*v, ncap * sizeof(*nv));
    if (!nv)
        return 0;
    *v = nv;
    *cap = ncap;
    return 1;
}

/*
 * The chain came back to an IFD already seen: Floyd found x(m) == x(2m), where x(k) is the
 * k-th IFD and v holds x(0..m-1). The pages are then the distinct IFDs, as libtiff counts
 * them: the mu before the loop and the lambda of the loop, both at most m, so x(0..2m)
 * suffice: mu is the first k with x(k) == x(k + m) (m is a multiple of lambda), lambda the
 * first l with x(mu + l) == x(mu). Sets *n to mu + lambda; 0 when the file changed.
 */
static int tiff_loop_cut(size_t **v, size_t *cap, int *n, const tiff_buf *t, uint64_t ifd)
{
    size_t m = (size_t)*n, mu = 0, lambda = 1;
    for (size_t k = m; k <= 2 * m; k++) {
        if (!offsets_reserve(v, cap, k))
            return 0;
        (*v)[k] = (size_t)ifd;
        if (k < 2 * m && !tiff_next_ifd(&ifd, t, ifd))
            return 0;
    }
    while (mu < m && (*v)[mu] != (*v)[mu + m])
        mu++;
    while (lambda < m && (*v)[mu + lambda] != (*v)[mu])
        lambda++;
    if (mu + lambda > INT_MAX)
        return 0;
    *n = (int)(mu + lambda);
    return 1;
}

int nocr_tiff_ifds(size_t **out, int *out_count, const nocr_tiff_src *src, const char *name)
{
    tiff_buf t = tiff_buf_of(src);
    uint64_t ifd, hare;
    size_t *v = NULL, cap = 0;
    int n = 0;
    *out = NULL;
    *out_count = 0;
    if (!tiff_header(&t, &ifd))
        return nocr_error_set(NOCR_EFORMAT, "%s: corrupt TIFF header", name);
    /* Floyd: the hare walks two IFDs per step; meeting the tortoise means a loop. */
    hare = ifd;
    while (ifd != 0) {
        /* An IFD cut off by the end of the data ends the chain, as in libtiff's page
         * count: the pages of a truncated file before it are still read. */
        uint64_t next;
        if (!tiff_next_ifd(&next, &t, ifd))
            break;
        if (n == INT_MAX) {
            free(v);
            return nocr_error_set(NOCR_EFORMAT, "%s: corrupt TIFF (too many pages)", name);
        }
        if (!offsets_reserve(&v, &cap, (size_t)n)) {
            free(v);
            return nocr_error_set(NOCR_ENOMEM, "%s: out of memory", name);
        }
        v[n++] = (size_t)ifd;
        ifd = next;
        for (int s = 0; s < 2 && hare != 0; s++)
            if (!tiff_next_ifd(&hare, &t, hare))
                hare = 0;
        if (ifd != 0 && ifd == hare) {
            if (!tiff_loop_cut(&v, &cap, &n, &t, ifd)) {
                free(v);
                return nocr_error_set(NOCR_EFORMAT, "%s: corrupt TIFF (a loop of pages)", name);
            }
            break;
        }
    }
    if (n == 0) {
        free(v);
        return nocr_error_set(NOCR_EFORMAT, "%s: corrupt TIFF (no readable page)", name);
    }
    *out = v;
    *out_count = n;
    return NOCR_OK;
}

void nocr_tiff_page_info(nocr_tiff_page *out, const nocr_tiff_src *src, size_t offset)
{
    tiff_buf t = tiff_buf_of(src);
    uint64_t first;
    memset(out, 0, sizeof(*out));
    if (!tiff_header(&t, &first))
        return;
    out->offset = offset;
    out->width = tiff_tag(&t, offset, 256, 0);
    out->height = tiff_tag(&t, offset, 257, 0);
    uint64_t bps = tiff_tag(&t, offset, 258, 1), spp = tiff_tag(&t, offset, 277, 1);
    /* Anything else is not a depth: the decoder refuses such a page. */
    out->depth = bps <= 64 && spp <= 16 ? (int)(bps * spp) : 0;
}

int nocr_tiff_set_first(unsigned char *data, size_t size, size_t offset)
{
    tiff_buf t = {data, -1, size, 0, 0};
    uint64_t first;
    int n;
    if (!tiff_header(&t, &first))
        return 0;
    n = t.big ? 8 : 4;
    if (!t.big && offset > UINT32_MAX)
        return 0;
    for (int i = 0; i < n; i++) {
        int shift = 8 * (t.le ? i : n - 1 - i);
        data[(t.big ? 8 : 4) + i] = (unsigned char)((uint64_t)offset >> shift);
    }
    return 1;
}

int nocr_tiff_orientation(const unsigned char *data, size_t size)
{
    tiff_buf t = {data, -1, size, 0, 0};
    uint64_t ifd;
    if (!tiff_header(&t, &ifd))
        return 1; /* a damaged Exif block leaves the image as stored */
    uint64_t v = tiff_tag(&t, ifd, 274, 1);
    return v >= 1 && v <= 8 ? (int)v : 1;
}
