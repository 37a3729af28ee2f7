/*
 * image.h - private body of nocr_image, shared by the image family: loading (image/) and
 * preprocessing (prep/), the one stage that writes the working images and findings. The
 * other stages read them through newsocr.h (nocr_image_work_*).
 */
#ifndef NEWSOCR_IMAGE_H
#define NEWSOCR_IMAGE_H

#include "core/internal.h"

#include <leptonica/allheaders.h>

/* A printed rule found by preprocessing, in working pixels. */
typedef struct nocr_rule {
    nocr_box box;
    int vertical; /* 1: a column rule; 0: a horizontal rule */
} nocr_rule;

struct nocr_image {
    char *source; /* file name, for messages and the page model */
    int index;    /* page in a multi-page file */
    int width, height, depth, dpi; /* of the original, as stored in the file */
    PIX *pixs;    /* the decoded original: 8-bit gray or 32-bit RGB, alpha flattened */
    unsigned char *jpeg; /* the JPEG pixs was decoded from (a JPEG file, or a scanned PDF
                          * page's image), kept for writers that embed the scan unchanged
                          * (nocr_image_keep_jpeg, pdf.h); else NULL */
    size_t jpeg_size;

    /* Written by preprocessing (nocr_preprocess), read by the later stages. The working
     * images are the original rotated by `skew` degrees about its centre (pixRotate's
     * convention: positive is clockwise on screen; this undoes the scan's skew, which is
     * -skew) and scaled by `scale`; nocr_image_box_to_original maps coordinates back. */
    PIX *pixg;    /* 8-bit grayscale working image */
    PIX *pixb;    /* 1-bit working image, text only (photos and rules removed); NULL
                   * when not binarized */
    float scale;  /* working pixels per original pixel (1 when not rescaled) */
    double skew;  /* degrees the original was rotated by to straighten it (see above) */
    double skew_confidence; /* 0..1; 0 when not measured */
    int body_size;          /* estimated body text height (working pixels); 0 unknown */
    nocr_box *figures;      /* photo and halftone regions, working pixels */
    size_t nfigures;
    nocr_rule *rules;       /* separator rules, working pixels */
    size_t nrules;
};

/* Decodes a PNG held in memory with libpng (png.c): gray, palette, RGB, with or without
 * alpha, 1 to 16 bits. Alpha is flattened on white, 16-bit reduced to 8, palettes
 * expanded. Refuses (NOCR_ELIMIT) images above max_pixels before allocating them.
 * Quiet: libpng's messages are kept out of stderr. `name` is used in error messages. */
int nocr_png_decode(PIX **out, const unsigned char *data, size_t size, const char *name,
                    long long max_pixels, int *out_depth);

/* Decodes a JPEG held in memory with libjpeg (jpeg.c), strictly: any corrupt or missing
 * data is NOCR_EFORMAT, never a partial image; size checked before allocation; quiet. */
int nocr_jpeg_decode(PIX **out, const unsigned char *data, size_t size, const char *name,
                     long long max_pixels, int *out_depth);

/* Nonzero when a w x h image has more than max_pixels pixels. Never overflows (w * h of
 * two 32-bit sides does not fit a long long): every decoder's size check uses it. */
int nocr_pixels_above(unsigned long long w, unsigned long long h, long long max_pixels);

/* Where a TIFF is read from (tiff.c): its bytes in memory, or else an open file. */
typedef struct nocr_tiff_src {
    const unsigned char *data; /* the whole file, or NULL: read fd with pread */
    int fd;
    size_t size; /* bytes of data, or of the file */
} nocr_tiff_src;

/* A page of a TIFF, from its IFD (nocr_tiff_page_info). */
typedef struct nocr_tiff_page {
    size_t offset;                    /* of its IFD, for pixRead*FromMultipageTiff */
    unsigned long long width, height; /* 0 when absent */
    int depth;                        /* BitsPerSample * SamplesPerPixel; 0 when unusable */
} nocr_tiff_page;

/* Follows the IFD chain of a TIFF: *out (malloc'd, the caller's) gets the offset of each
 * page's IFD in page order, *out_count their number (at least 1). O(pages), a few bytes
 * read per page; an IFD cut off by the end of the data, or one already seen (a loop), ends
 * the chain, as in libtiff. Errors: NOCR_EFORMAT (bad header, no page), NOCR_ENOMEM. */
int nocr_tiff_ifds(size_t **out, int *out_count, const nocr_tiff_src *src, const char *name);

/* The size and depth of the page whose IFD is at offset (width or height 0 when they
 * cannot be read). */
void nocr_tiff_page_info(nocr_tiff_page *out, const nocr_tiff_src *src, size_t offset);

/* Rewrites the header of the TIFF at data so that its first IFD is the one at offset:
 * libtiff then reads that page as the first, without following the chain to it. Returns
 * 0 when data is not a TIFF. */
int nocr_tiff_set_first(unsigned char *data, size_t size, size_t offset);

/* The Orientation tag (274) of the first IFD of a TIFF structure held in memory, such as
 * the body of a JPEG's Exif block after "Exif\0\0": 1..8 (Exif 2.3, section 4.6.4), 1 when
 * absent, out of range or unreadable. Bounded: reads only inside data[0..size). */
int nocr_tiff_orientation(const unsigned char *data, size_t size);

/* Installs, once per process, a Leptonica message handler that keeps Leptonica's own
 * messages out of the user's stderr (newsocr reports errors itself, on one line). */
void nocr_lept_quiet(void);

#endif /* NEWSOCR_IMAGE_H */
