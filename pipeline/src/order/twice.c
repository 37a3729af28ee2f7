/*
 * twice.c - print that two regions both read, kept in the better reading only.
 *
 *   rec_read_twice   a line another region read over again with more confidence is dropped
 *   covering_conf    how much of a line another region's lines cover, and how surely
 *   rec_drop_lines_where  the lines of text regions a test says are read elsewhere, dropped
 *                    (also blocks.c's rec_blocks_read_twice)
 *
 * A body block is read as one rectangle (recog/recognize.c): Tesseract reads all the ink
 * inside it. A region that the layout found inside that rectangle as well is then read a
 * second time. On a page set tight and blurred (seed 20261201938: 8.5 pt at 390 dpi, blur
 * 1) two body lines whose characters touch made one fragment two lines tall, taken for
 * headline type; its "headline" read garbage at confidence 0-27, while the body block read
 * the same two lines at 90, and each garbage headline began an article of its own.
 *
 * Which reading is right is what Tesseract's confidence says: of two readings of the same
 * print, the one read with less confidence by a clear margin goes. Nothing is lost: the
 * ink a dropped line covered is in the kept reading. Readings that agree within the margin
 * are both kept (a duplicate is less harm than a guess).
 */
#include "order/order.h"

/* A line is read again when the lines of one other region cover at least TWICE_SHARE of its
 * box: 60% leaves out lines that only touch (a caption's box grazing a column's last line)
 * and takes a two-line fragment that the two body lines under it cover (about 90%). */
#define TWICE_SHARE 0.6
/* ... and read with at least TWICE_CONF_MARGIN points more confidence (Tesseract's 0-100):
 * garbage reads under 30, print read well over 80; ten points is far above the noise of
 * two good readings of one line. */
#define TWICE_CONF_MARGIN 10.0f

/* A line with text: a line recognition found nothing in reads nothing twice. */
static int line_read(const nocr_line *l)
{
    const char *t = nocr_line_text(l);
    return t && *t;
}

/* The share of box a that the read lines of region rb cover, and their confidence weighted
 * by the area each covers (*conf; 0 when they cover nothing). A region's own lines do not
 * overlap each other, so the sum of the overlaps is the area covered. */
static double covering_conf(const nocr_region *rb, nocr_box a, float *conf)
{
    long long area = rec_box_area(a), covered = 0;
    double weighted = 0;
    for (size_t j = 0, n = nocr_region_line_count(rb); j < n; j++) {
        const nocr_line *l = nocr_region_line(rb, j);
        if (!line_read(l))
            continue;
        long long o = rec_box_overlap(a, nocr_line_box(l));
        covered += o;
        weighted += (double)o * nocr_line_confidence(l);
    }
    *conf = covered > 0 ? (float)(weighted / (double)covered) : 0.0f;
    return area > 0 ? (double)covered / (double)area : 0.0;
}

/* True when line a of region ra is read again, and more surely, by another text region. */
static int read_better_elsewhere(const nocr_page *page, const nocr_region *ra, const nocr_line *a)
{
    nocr_box ab = nocr_line_box(a);
    if (rec_box_area(ab) == 0 || !line_read(a))
        return 0;
    for (size_t k = 0, n = nocr_page_region_count(page); k < n; k++) {
        const nocr_region *rb = nocr_page_region(page, k);
        if (rb == ra || !nocr_role_is_text(nocr_region_role(rb)))
            continue;
        float conf;
        if (covering_conf(rb, ab, &conf) >= TWICE_SHARE &&
            conf >= nocr_line_confidence(a) + TWICE_CONF_MARGIN)
            return 1;
    }
    return 0;
}

void rec_drop_lines_where(nocr_page *page, rec_line_test read_elsewhere)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (!nocr_role_is_text(nocr_region_role(r)))
            continue;
        for (size_t j = nocr_region_line_count(r); j-- > 0;)
            if (read_elsewhere(page, r, nocr_region_line(r, j)))
                nocr_region_remove_line(r, j);
    }
}

void rec_read_twice(nocr_page *page)
{
    rec_drop_lines_where(page, read_better_elsewhere);
}
