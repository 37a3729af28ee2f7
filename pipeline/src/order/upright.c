/*
 * upright.c - the boxes of a skewed scan as they stand on the straightened page, for the
 * rules of the reading order (vertical pages, issue 12; horizontal pages since fresh seed
 * 20261223010, where a rule across a page skewed 2.9 degrees had a box 2.5 body heights
 * tall, its middle under the top of the column beneath it).
 *
 *   rec_upright_box     one box straightened
 *   rec_upright_begin   every region's box straightened in place, the originals kept
 *   rec_upright_end     the original boxes put back
 *
 * Boxes are in original pixels: on a scan skewed by a degrees, a box is the bounding box of
 * a rectangle turned by a, wider and taller than the rectangle by its height (width) times
 * sin a. A column of vertical text is long and narrow: on the vertical tuning seeds
 * (7100-7123, skew up to 2.9 degrees) a column 2200 px long and 40 px wide had a box
 * 150 px wide, so boxes of neighbouring columns, a headline and its article's text, a
 * column rule and the text beside it overlapped, and every rule of the vertical reading
 * order (a headline owns the text to its left, columns right to left, tiers) misread them.
 * Straightened, the rectangle comes back: its centre turned by -a about the page centre
 * (as paragraphs.c straightens line edges), its size from the two equations
 *     W = w cos a + h sin a,   H = w sin a + h cos a
 * (exact but for boxes clipped at the page's edge and rounding; |a| <= 10 degrees, the
 * range preprocessing deskews, keeps cos 2a well away from 0).
 */
#include "order/order.h"

#include <math.h>
#include <stdlib.h>

nocr_box rec_upright_box(const nocr_page *page, nocr_box b)
{
    double deg = nocr_page_skew(page);
    if (deg == 0.0 || b.w <= 0 || b.h <= 0)
        return b;
    double a = -deg * 3.14159265358979 / 180.0, c = cos(a), s = sin(a), as = fabs(s);
    double cx = nocr_page_width(page) / 2.0, cy = nocr_page_height(page) / 2.0;
    double x = b.x + b.w / 2.0 - cx, y = b.y + b.h / 2.0 - cy;
    double ux = cx + x * c - y * s, uy = cy + x * s + y * c;
    double den = c * c - as * as;
    double w = (b.w * c - b.h * as) / den, h = (b.h * c - b.w * as) / den;
    w = w < 1 ? 1 : w;
    h = h < 1 ? 1 : h;
    int x0 = (int)floor(ux - w / 2 + 0.5), y0 = (int)floor(uy - h / 2 + 0.5);
    return (nocr_box){x0, y0, (int)floor(ux + w / 2 + 0.5) - x0,
                      (int)floor(uy + h / 2 + 0.5) - y0};
}

int rec_upright_begin(nocr_box **out, nocr_page *page)
{
    size_t n = nocr_page_region_count(page);
    *out = NULL;
    if (nocr_page_skew(page) == 0.0)
        return NOCR_OK;
    if (!(*out = malloc((n ? n : 1) * sizeof(**out))))
        return nocr_error_set(NOCR_ENOMEM, "out of memory (straightened boxes)");
    for (size_t i = 0; i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        (*out)[i] = nocr_region_box(r);
        nocr_region_set_box(r, rec_upright_box(page, (*out)[i]));
    }
    return NOCR_OK;
}

void rec_upright_end(nocr_box *saved, nocr_page *page)
{
    for (size_t i = 0, n = nocr_page_region_count(page); saved && i < n; i++)
        nocr_region_set_box(nocr_page_region(page, i), saved[i]);
    free(saved);
}
