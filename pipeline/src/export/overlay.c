/*
 * overlay.c - the reading-order overlay: what the layout stage decided, at a glance.
 *
 *   nocr_export_overlay
 *
 * static helpers: role_color, draw_arrow, draw_label, draw_legend, overlay_canvas,
 *                 draw_regions, draw_order, overlay_png
 *
 * The original page (nocr_image_pix) reduced to OVERLAY_WIDTH pixels wide (Leptonica
 * pixScale, area mapping), each region tinted and outlined in its role's colour
 * (pixBlendInRect, pixRenderBoxArb), numbered 1, 2, ... in reading order on a white tag at
 * its top-left corner (pixSetTextline with Leptonica's built-in bitmap font), and an arrow
 * from the centre of each region to the centre of the next in reading order
 * (pixRenderLineArb). A legend of the roles present (nocr_export_role_name) runs along the
 * top, in as many rows as it needs. The picture is quantized to at most OVERLAY_COLORS
 * colours (pixOctreeQuantNumColors) and written as PNG, so a full newspaper page is a few
 * hundred kilobytes.
 */
#include "export/export.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define OVERLAY_WIDTH  1600 /* pixels; a smaller page is not enlarged */
#define OVERLAY_COLORS 128

static const struct {
    unsigned char r, g, b;
} role_colors[NOCR_ROLE_COUNT] = {
    {128, 128, 128}, /* unknown */
    {214, 39, 40},   /* headline */
    {255, 127, 14},  /* subheadline */
    {188, 140, 0},   /* section heading */
    {148, 103, 189}, /* byline */
    {31, 119, 180},  /* body */
    {44, 160, 44},   /* caption */
    {96, 96, 96},    /* page header */
    {23, 190, 207},  /* note */
    {227, 119, 194}, /* figure */
    {40, 40, 40},    /* separator */
};

static l_uint32 role_color(nocr_role role)
{
    int i = (int)role >= 0 && role < NOCR_ROLE_COUNT ? (int)role : 0;
    l_uint32 v;
    composeRGBPixel(role_colors[i].r, role_colors[i].g, role_colors[i].b, &v);
    return v;
}

/* A line from (x1, y1) to (x2, y2) with a head at (x2, y2). */
static void draw_arrow(PIX *pix, int x1, int y1, int x2, int y2, int width)
{
    pixRenderLineArb(pix, x1, y1, x2, y2, width, 200, 0, 0);
    double dx = x2 - x1, dy = y2 - y1, len = sqrt(dx * dx + dy * dy);
    if (len < 1)
        return;
    double ux = dx / len, uy = dy / len, head = 6.0 * width;
    for (int side = -1; side <= 1; side += 2) {
        double c = cos(0.45), s = sin(0.45) * side;
        int hx = (int)(x2 - head * (ux * c - uy * s));
        int hy = (int)(y2 - head * (uy * c + ux * s));
        pixRenderLineArb(pix, x2, y2, hx, hy, width, 200, 0, 0);
    }
}

/* A white tag holding `text` in black, framed in `color`, with its top-left at (x, y). */
static void draw_label(PIX *pix, L_BMF *bmf, const char *text, int x, int y, l_uint32 color)
{
    l_int32 w = 0, overflow, tw = 0, base = 0;
    int th = bmf->lineheight;
    bmfGetStringWidth(bmf, text, &tw);
    bmfGetBaseline(bmf, '0', &base);
    int pad = 2;
    BOX *box = boxCreate(x, y, tw + 2 * pad + 1, th + 2 * pad);
    pixSetInRectArbitrary(pix, box, 0xffffff00);
    l_int32 r, g, b;
    extractRGBValues(color, &r, &g, &b);
    pixRenderBoxArb(pix, box, 2, (l_uint8)r, (l_uint8)g, (l_uint8)b);
    boxDestroy(&box);
    /* twice, one pixel apart: the bitmap font's strokes are thin on a busy page */
    pixSetTextline(pix, bmf, text, 0x00000000, x + pad, y + pad + base, &w, &overflow);
    pixSetTextline(pix, bmf, text, 0x00000000, x + pad + 1, y + pad + base, &w, &overflow);
}

/* The legend of the roles present: a swatch and the role's name each, in rows across the
 * width `w`. Draws when pix is not NULL; returns the height it takes. */
static int draw_legend(PIX *pix, int w, L_BMF *bmf, const int *present)
{
    int x = 8, y = 8, row = bmf->lineheight + 8;
    for (int role = 1; role < NOCR_ROLE_COUNT; role++) {
        if (!present[role])
            continue;
        const char *name = nocr_role_name((nocr_role)role);
        l_int32 tw = 0, overflow, base = 0, drawn;
        bmfGetStringWidth(bmf, name, &tw);
        bmfGetBaseline(bmf, 'h', &base);
        if (x > 8 && x + 26 + tw > w - 8) {
            x = 8;
            y += row;
        }
        if (pix) {
            BOX *box = boxCreate(x, y + 2, row - 10, row - 10);
            pixSetInRectArbitrary(pix, box, role_color((nocr_role)role));
            boxDestroy(&box);
            pixSetTextline(pix, bmf, name, 0x00000000, x + row - 4, y + base, &drawn, &overflow);
        }
        x += row - 4 + tw + 18;
    }
    return y + row;
}

/* The canvas: the original scaled to at most OVERLAY_WIDTH wide, in RGB, with a white band
 * of *top pixels above it for the legend. *scale maps page coordinates onto it. NULL when
 * out of memory. */
static PIX *overlay_canvas(const nocr_page *page, PIX *pix, L_BMF *bmf_small, const int *present,
                           float *scale, int *top)
{
    int W = pixGetWidth(pix), page_w = nocr_page_width(page);
    float sc = W > OVERLAY_WIDTH ? (float)OVERLAY_WIDTH / (float)W : 1.0f;
    /* page coordinates are the original's; the page may differ from the image in size only
     * if a caller mixes them up, so scale by the page's own width */
    *scale = sc * (float)W / (float)(page_w > 0 ? page_w : W);
    PIX *pixs = sc < 1.0f ? pixScale(pix, sc, sc) : pixClone(pix);
    PIX *pix32 = pixs ? pixConvertTo32(pixs) : NULL;
    *top = pix32 ? draw_legend(NULL, pixGetWidth(pix32), bmf_small, present) : 0;
    PIX *pixd = pix32 ? pixAddBorderGeneral(pix32, 0, 0, *top, 0, 0xffffff00) : NULL;
    pixDestroy(&pix32);
    pixDestroy(&pixs);
    return pixd;
}

/* Every region's box on the canvas, tinted and framed in its role's colour, in the order
 * of seq (the later on top). */
static void draw_regions(PIX *pixd, const nocr_page *page, const size_t *seq, float sx, int top)
{
    for (size_t s = 0; s < nocr_page_region_count(page); s++) {
        const nocr_region *region = nocr_page_region(page, seq[s]);
        nocr_box b = nocr_region_box(region);
        BOX *box = boxCreate((int)(b.x * sx), (int)(b.y * sx) + top, (int)(b.w * sx) + 1,
                             (int)(b.h * sx) + 1);
        if (!box)
            continue;
        l_uint32 c = role_color(nocr_region_role(region));
        l_int32 r, g, bl;
        extractRGBValues(c, &r, &g, &bl);
        pixBlendInRect(pixd, box, c, 0.25f);
        pixRenderBoxArb(pixd, box, 2, (l_uint8)r, (l_uint8)g, (l_uint8)bl);
        boxDestroy(&box);
    }
}

/* Arrows from region to region in the reading order (the first n of seq), then their
 * numbers on top. */
static void draw_order(PIX *pixd, const nocr_page *page, const size_t *seq, size_t n, float sx,
                       int top, L_BMF *bmf, L_BMF *bmf_small)
{
    int line_w = pixGetWidth(pixd) >= 1200 ? 3 : 2, px = 0, py = 0;
    for (size_t s = 0; s < n; s++) {
        nocr_box b = nocr_region_box(nocr_page_region(page, seq[s]));
        int cx = (int)((b.x + b.w / 2.0) * sx), cy = (int)((b.y + b.h / 2.0) * sx) + top;
        if (s > 0)
            draw_arrow(pixd, px, py, cx, cy, line_w);
        px = cx;
        py = cy;
    }
    for (size_t s = 0; s < n; s++) {
        const nocr_region *region = nocr_page_region(page, seq[s]);
        char num[24];
        snprintf(num, sizeof(num), "%zu", s + 1);
        nocr_box b = nocr_region_box(region);
        draw_label(pixd, b.h * sx < 30 ? bmf_small : bmf, num, (int)(b.x * sx) + 2,
                   (int)(b.y * sx) + top + 2, role_color(nocr_region_role(region)));
    }
}

/* pixd quantized and encoded as PNG into *out (malloc'd, our allocator's, never
 * Leptonica's). Errors: NOCR_ENOMEM, naming `name`. */
static int overlay_png(unsigned char **out, size_t *out_size, PIX *pixd, const char *name)
{
    l_uint8 *png = NULL;
    size_t png_size = 0;
    int rc = NOCR_OK;
    PIX *pixq = pixOctreeQuantNumColors(pixd, OVERLAY_COLORS, 0);
    if (!pixq || pixWriteMem(&png, &png_size, pixq, IFF_PNG) != 0 || !png)
        rc = nocr_error_set(NOCR_ENOMEM, "%s: cannot encode the overlay PNG", name);
    else if (!(*out = malloc(png_size)))
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory");
    else {
        memcpy(*out, png, png_size);
        *out_size = png_size;
    }
    lept_free(png);
    pixDestroy(&pixq);
    return rc;
}

int nocr_export_overlay(unsigned char **out, size_t *out_size, const nocr_page *page,
                        const nocr_image *img)
{
    PIX *pix = nocr_image_pix(img);
    if (!out || !out_size || !page || !pix)
        return nocr_error_set(NOCR_EINVAL, "nocr_export_overlay: NULL argument");
    *out = NULL;
    *out_size = 0;
    /* Leptonica's messages are already silenced: nocr_image_load made img */
    const char *name = nocr_image_source(img) ? nocr_image_source(img) : "page";
    size_t *seq;
    int rc = nocr_export_sequence(&seq, page), present[NOCR_ROLE_COUNT] = {0}, top = 0;
    if (rc)
        return rc;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_role role = nocr_region_role(nocr_page_region(page, i));
        if ((int)role >= 0 && role < NOCR_ROLE_COUNT)
            present[role] = 1;
    }
    float sx = 1.0f;
    L_BMF *bmf = bmfCreate(NULL, 14), *bmf_small = bmfCreate(NULL, 10);
    PIX *pixd = bmf_small ? overlay_canvas(page, pix, bmf_small, present, &sx, &top) : NULL;
    if (!pixd || !bmf) {
        rc = nocr_error_set(NOCR_ENOMEM, "%s: cannot draw the overlay (out of memory)", name);
        goto cleanup;
    }
    draw_regions(pixd, page, seq, sx, top);
    draw_order(pixd, page, seq, nocr_export_ordered_count(page, seq), sx, top, bmf, bmf_small);
    draw_legend(pixd, pixGetWidth(pixd), bmf_small, present);
    rc = overlay_png(out, out_size, pixd, name);

cleanup:
    pixDestroy(&pixd);
    bmfDestroy(&bmf);
    bmfDestroy(&bmf_small);
    free(seq);
    return rc;
}
