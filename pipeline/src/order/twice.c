/*
 * twice.c - print that two regions both read, kept in the better reading only.
 *
 *   rec_read_twice   a line another region read over again with more confidence is dropped
 *   covering_conf    how much of a line another region's lines cover, and how surely
 *   same_text        a line says what the lines covering it say
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
 * are both kept (a duplicate is less harm than a guess), unless they say the same: a line
 * whose text the covering lines hold too (SAME_TEXT_SHARE of its character pairs) is
 * print read twice whatever the confidences, and goes (fresh seed 20261210081: the lower
 * part of a column was a region of its own and also part of a region over the next
 * column, its lines read in both, 285 characters twice).
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
/* A line says what the covering lines say when at least SAME_TEXT_SHARE of its pairs of
 * consecutive characters (spaces left out) stand in their text: a line read twice agrees
 * in all but a misread character or two; two different lines of Chinese share a few
 * pairs at most. By hand. */
#define SAME_TEXT_SHARE 0.8
/* Characters of a line compared (a longer line is compared on its first LINE_CHARS_MAX). */
#define LINE_CHARS_MAX 256

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

/* The code points of t without spaces into cp[0..max), their count. */
static size_t text_points(unsigned *cp, size_t max, const char *t)
{
    size_t n = 0;
    while (t && *t && n < max) {
        unsigned c;
        t += nocr_utf8_decode(&c, t);
        if (c != ' ' && c != 0x3000 && c != '\t')
            cp[n++] = c;
    }
    return n;
}

/* Does line a say what the lines of region rb over its box say (see SAME_TEXT_SHARE)? */
static int same_text(const nocr_region *rb, const nocr_line *a)
{
    unsigned ap[LINE_CHARS_MAX], bp[4 * LINE_CHARS_MAX];
    size_t na = text_points(ap, LINE_CHARS_MAX, nocr_line_text(a)), nb = 0;
    nocr_box ab = nocr_line_box(a);
    for (size_t j = 0, n = nocr_region_line_count(rb); j < n && nb < 4 * LINE_CHARS_MAX; j++) {
        const nocr_line *l = nocr_region_line(rb, j);
        if (line_read(l) && rec_box_overlap(ab, nocr_line_box(l)) > 0)
            nb += text_points(bp + nb, 4 * LINE_CHARS_MAX - nb, nocr_line_text(l));
    }
    if (na < 2)
        return 0;
    size_t found = 0;
    for (size_t i = 0; i + 1 < na; i++)
        for (size_t k = 0; k + 1 < nb; k++)
            if (bp[k] == ap[i] && bp[k + 1] == ap[i + 1]) {
                found++;
                break;
            }
    return (double)found >= SAME_TEXT_SHARE * (double)(na - 1);
}

/* True when line a of region ra is read again, and more surely or the same, by another
 * text region. */
static int read_better_elsewhere(const nocr_page *page, const nocr_region *ra, const nocr_line *a)
{
    nocr_box ab = nocr_line_box(a);
    if (rec_box_area(ab) == 0 || !line_read(a))
        return 0;
    /* the same text: the body's reading goes, where the print is also a heading's or a
     * caption's (a body block's rectangle reads the headline over its columns too: the
     * headline's role is what tells the article); of two of one role, either */
    nocr_role role = nocr_region_role(ra);
    for (size_t k = 0, n = nocr_page_region_count(page); k < n; k++) {
        const nocr_region *rb = nocr_page_region(page, k);
        if (rb == ra || !nocr_role_is_text(nocr_region_role(rb)))
            continue;
        float conf;
        int same_ok = role == NOCR_ROLE_BODY || role == nocr_region_role(rb);
        if (covering_conf(rb, ab, &conf) >= TWICE_SHARE &&
            (conf >= nocr_line_confidence(a) + TWICE_CONF_MARGIN || (same_ok && same_text(rb, a))))
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
