/*
 * imagemap.c - the working images, their findings, and coordinates between them and
 * the original.
 *
 *   nocr_image_box_to_original, nocr_image_box_to_working
 *   nocr_image_pix, nocr_image_work_gray, nocr_image_work_binary,
 *   nocr_image_work_body_size, nocr_image_work_figure, nocr_image_work_rule
 *
 * Preprocessing rotates the original about its centre by `skew` degrees (Leptonica's
 * pixRotate convention: positive is clockwise on screen, image coordinates with y down;
 * the canvas keeps the original size) and then scales it by `scale`:
 *     working = scale * (c + R(a) (p - c)),   a = skew in radians, c = original centre
 *     original = c + R(-a) (working / scale - c)
 * Boxes map to the bounding box of their four mapped corners, so a box's area grows
 * slightly with the angle; users get every coordinate in original pixels.
 */
#define _DEFAULT_SOURCE /* M_PI */
#include "image/image.h"

#include <math.h>

static void map_point(double *ox, double *oy, const nocr_image *img, double x, double y,
                      int to_original)
{
    double s = img->scale > 0 ? img->scale : 1.0;
    double a = img->skew * M_PI / 180.0;
    double cx = img->width / 2.0, cy = img->height / 2.0;
    if (to_original) {
        double dx = x / s - cx, dy = y / s - cy;
        *ox = cx + dx * cos(a) + dy * sin(a);
        *oy = cy - dx * sin(a) + dy * cos(a);
    } else {
        double dx = x - cx, dy = y - cy;
        *ox = s * (cx + dx * cos(a) - dy * sin(a));
        *oy = s * (cy + dx * sin(a) + dy * cos(a));
    }
}

static nocr_box map_box(const nocr_image *img, double l, double t, double r, double b,
                        int to_original, int maxw, int maxh)
{
    double xs[4] = {l, r, l, r}, ys[4] = {t, t, b, b};
    double minx = 1e18, miny = 1e18, maxx = -1e18, maxy = -1e18;
    for (int i = 0; i < 4; i++) {
        double x, y;
        if (img->skew == 0.0) {
            double s = img->scale > 0 ? img->scale : 1.0;
            x = to_original ? xs[i] / s : xs[i] * s;
            y = to_original ? ys[i] / s : ys[i] * s;
        } else {
            map_point(&x, &y, img, xs[i], ys[i], to_original);
        }
        minx = x < minx ? x : minx;
        maxx = x > maxx ? x : maxx;
        miny = y < miny ? y : miny;
        maxy = y > maxy ? y : maxy;
    }
    int x0 = (int)floor(minx + 0.5), y0 = (int)floor(miny + 0.5);
    int x1 = (int)floor(maxx + 0.5), y1 = (int)floor(maxy + 0.5);
    x0 = x0 < 0 ? 0 : (x0 > maxw ? maxw : x0);
    y0 = y0 < 0 ? 0 : (y0 > maxh ? maxh : y0);
    x1 = x1 < x0 ? x0 : (x1 > maxw ? maxw : x1);
    y1 = y1 < y0 ? y0 : (y1 > maxh ? maxh : y1);
    nocr_box box = {x0, y0, x1 - x0, y1 - y0};
    return box;
}

nocr_box nocr_image_box_to_original(const nocr_image *img, nocr_box work)
{
    if (!img)
        return (nocr_box){0, 0, 0, 0};
    return map_box(img, work.x, work.y, work.x + work.w, work.y + work.h, 1, img->width,
                   img->height);
}

nocr_box nocr_image_box_to_working(const nocr_image *img, nocr_box box)
{
    if (!img)
        return (nocr_box){0, 0, 0, 0};
    PIX *pix = img->pixb ? img->pixb : img->pixg;
    int w = pix ? pixGetWidth(pix) : (int)(img->width * (img->scale > 0 ? img->scale : 1));
    int h = pix ? pixGetHeight(pix) : (int)(img->height * (img->scale > 0 ? img->scale : 1));
    return map_box(img, box.x, box.y, box.x + box.w, box.y + box.h, 0, w, h);
}

struct Pix *nocr_image_pix(const nocr_image *img)
{
    return img ? img->pixs : NULL;
}

struct Pix *nocr_image_work_gray(const nocr_image *img)
{
    return img ? img->pixg : NULL;
}

struct Pix *nocr_image_work_binary(const nocr_image *img)
{
    return img ? img->pixb : NULL;
}

int nocr_image_work_body_size(const nocr_image *img)
{
    return img ? img->body_size : 0;
}

nocr_box nocr_image_work_figure(const nocr_image *img, size_t i)
{
    if (!img || i >= img->nfigures)
        return (nocr_box){0, 0, 0, 0};
    return img->figures[i];
}

nocr_box nocr_image_work_rule(const nocr_image *img, size_t i, int *vertical)
{
    if (vertical)
        *vertical = 0;
    if (!img || i >= img->nrules)
        return (nocr_box){0, 0, 0, 0};
    if (vertical)
        *vertical = img->rules[i].vertical;
    return img->rules[i].box;
}
