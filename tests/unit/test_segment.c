/*
 * test_segment.c - layout analysis on drawn pages: lines never cross a gutter.
 *
 * Pages are drawn with Leptonica: "characters" are 30x30 squares 4 px apart, lines 45 px
 * apart, so the body height is 30 px. Columns are separated by gutters narrower than one
 * em (18 px = 0.6 em, as narrow as a tight Chinese newspaper sets them) and
 * without rules; lines have gaps after "punctuation" of 16 px, nearly as wide. A line
 * must never span a gutter, and each column must come out as its own region.
 */
#include "check.h"
#include "newsocr.h"

#include <leptonica/allheaders.h>
#include <stdlib.h>

#define CH     30 /* character size */
#define ADV    34 /* character advance */
#define PITCH  45 /* line pitch */
#define GUTTER 18

static void draw_char(PIX *pix, int x, int y, int size)
{
    BOX *box = boxCreate(x, y, size, size);
    pixSetInRectArbitrary(pix, box, 0);
    boxDestroy(&box);
}

/* A row of n characters of `size` from (x, y), one every `adv` px; returns the x after the
 * last one's advance. */
static int draw_row(PIX *pix, int x, int y, int n, int size, int adv)
{
    for (int c = 0; c < n; c++, x += adv)
        draw_char(pix, x, y, size);
    return x;
}

/* A column of n lines at (x, y), `chars` characters wide; every third line has a wide
 * gap after its fourth character (a comma), the last line is short. */
static void draw_column(PIX *pix, int x, int y, int chars, int n)
{
    for (int l = 0; l < n; l++) {
        int comma = l % 3 == 1; /* one character less: the line keeps its measure */
        int len = l == n - 1 ? chars / 2 : chars - comma, cx = x;
        for (int c = 0; c < len; c++) {
            draw_char(pix, cx, y + l * PITCH, CH);
            cx += ADV + (comma && c == 3 ? 12 : 0);
        }
    }
}

static nocr_image *image_from_pix(PIX *pix)
{
    l_uint8 *data = NULL;
    size_t size = 0;
    nocr_image *img = NULL;
    CHECK(pixWriteMem(&data, &size, pix, IFF_PNG) == 0);
    CHECK_INT(nocr_image_load_mem(&img, data, size, "drawn.png", 0, NULL), NOCR_OK);
    free(data);
    nocr_preprocess_options po = NOCR_PREPROCESS_OPTIONS_INIT;
    po.enhance = 0; /* the drawing is already clean and straight */
    CHECK_INT(nocr_preprocess(img, &po), NOCR_OK);
    return img;
}

/* The page newsocr's layout finds on a drawing; the drawing is freed. */
static nocr_page *segment_drawn(PIX *pix)
{
    nocr_image *img = image_from_pix(pix);
    nocr_page *page = NULL;
    CHECK_INT(nocr_segment(&page, img), NOCR_OK);
    nocr_image_free(img);
    pixDestroy(&pix);
    return page;
}

/* The boxes of the headline regions of page (at most max) into out; returns their number
 * (all of them, also those past max). */
static int headline_boxes(const nocr_page *page, nocr_box *out, int max)
{
    int n = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) == NOCR_ROLE_HEADLINE && n++ < max)
            out[n - 1] = nocr_region_box(r);
    }
    return n;
}

/* The boxes of all lines of page, region by region, into a new array of *n; NULL when
 * there are none. */
static nocr_box *line_boxes(const nocr_page *page, size_t *n)
{
    size_t total = 0, k = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++)
        total += nocr_region_line_count(nocr_page_region(page, i));
    nocr_box *boxes = total ? malloc(total * sizeof(*boxes)) : NULL;
    for (size_t i = 0; boxes && i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        for (size_t j = 0; j < nocr_region_line_count(r); j++)
            boxes[k++] = nocr_line_box(nocr_region_line(r, j));
    }
    *n = boxes ? total : 0;
    return boxes;
}

/* Which of the columns starting at xs[] (width w) holds [x0, x1); -1 if it spans two. */
static int column_of(int x0, int x1, const int *xs, int ncols, int w)
{
    for (int c = 0; c < ncols; c++)
        if (x0 >= xs[c] - 2 && x1 <= xs[c] + w + 2)
            return c;
    return -1;
}

static void test_tight_gutters(void)
{
    const int chars = 10, w = chars * ADV - (ADV - CH), ncols = 3, nlines = 12;
    int xs[3];
    PIX *pix = pixCreate(60 + ncols * w + (ncols - 1) * GUTTER, 800, 8);
    pixSetAll(pix);
    for (int c = 0; c < ncols; c++) {
        xs[c] = 30 + c * (w + GUTTER);
        draw_column(pix, xs[c], 200, chars, nlines);
    }
    /* A headline of large characters over all columns. */
    draw_row(pix, 200, 60, 8, 80, 90);
    nocr_image *img = image_from_pix(pix);
    nocr_page *page = NULL;
    CHECK_INT(nocr_segment(&page, img), NOCR_OK);
    if (!page) {
        nocr_image_free(img);
        pixDestroy(&pix);
        return;
    }
    int body_regions = 0, headlines = 0, lines = 0, crossing = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_box rb = nocr_region_box(r);
        if (nocr_region_role(r) == NOCR_ROLE_HEADLINE) {
            headlines++;
            CHECK(rb.w > 600);
            continue;
        }
        if (nocr_region_role(r) != NOCR_ROLE_BODY)
            continue;
        body_regions++;
        CHECK(column_of(rb.x, rb.x + rb.w, xs, ncols, w) >= 0);
        for (size_t k = 0; k < nocr_region_line_count(r); k++) {
            nocr_box lb = nocr_line_box(nocr_region_line(r, k));
            lines++;
            if (column_of(lb.x, lb.x + lb.w, xs, ncols, w) < 0) {
                crossing++;
                fprintf(stderr, "line %d,%d %dx%d crosses a gutter\n", lb.x, lb.y, lb.w, lb.h);
            }
        }
    }
    CHECK_INT(headlines, 1);
    CHECK_INT(body_regions, ncols);
    CHECK_INT(lines, ncols * nlines);
    CHECK_INT(crossing, 0);
    nocr_page_free(page);
    nocr_image_free(img);
    pixDestroy(&pix);
}

/* A headline whose characters stand a pixel or two apart in height (a scan's residual
 * skew): sorted by top they come 1st, 4th, 3rd, 2nd, 5th, 6th, so the first and the
 * fourth start two lines that the others grow towards each other. One headline region of
 * one line must come out, whatever order the pieces meet in (seed 1116 read a headline
 * whose pieces met so as two regions, in the wrong order). */
static void test_headline_tops(void)
{
    static const int tops[6] = {0, 3, 2, 1, 4, 5};
    PIX *pix = pixCreate(900, 500, 8);
    pixSetAll(pix);
    for (int c = 0; c < 6; c++)
        draw_char(pix, 100 + c * 110, 60 + tops[c], 80);
    draw_column(pix, 100, 200, 18, 5);
    nocr_page *page = segment_drawn(pix);
    int headlines = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) != NOCR_ROLE_HEADLINE)
            continue;
        headlines++;
        nocr_box rb = nocr_region_box(r);
        CHECK(rb.x <= 100 && rb.x + rb.w >= 100 + 5 * 110 + 80);
        CHECK_INT((int)nocr_region_line_count(r), 1);
    }
    CHECK_INT(headlines, 1);
    nocr_page_free(page);
}

/* A headline with an ellipsis of small dots between its words ("糖葫芦……各色小吃"),
 * a gap wider than any word space, is one headline; two headlines side by side with white
 * between them stay two. */
static void test_headline_ellipsis(void)
{
    PIX *pix = pixCreate(1400, 700, 8);
    pixSetAll(pix);
    int x = draw_row(pix, 60, 60, 3, 80, 90);
    draw_row(pix, x + 10, 96, 6, 8, 30); /* the dots, on the middle of the line */
    int right = draw_row(pix, x + 200, 60, 4, 80, 90) - 10;
    /* two headlines one gutter apart, lower on the page */
    draw_row(pix, 60, 420, 4, 80, 90);
    draw_row(pix, 60 + 4 * 90 + 160, 420, 4, 80, 90);
    draw_column(pix, 60, 200, 30, 4);
    draw_column(pix, 60, 540, 30, 3);
    nocr_page *page = segment_drawn(pix);
    nocr_box heads[8];
    int n = headline_boxes(page, heads, 8), upper = 0, lower = 0;
    for (int i = 0; i < n && i < 8; i++) {
        nocr_box rb = heads[i];
        if (rb.y < 200) {
            upper++;
            CHECK(rb.x <= 60 && rb.x + rb.w >= right);
        } else {
            lower++;
        }
    }
    CHECK_INT(upper, 1);
    CHECK_INT(lower, 2);
    nocr_page_free(page);
}

/* Two headlines of two lines each, side by side a tight gutter apart (115 px, less than a
 * word space of the right one's 84 px type may be), are two headlines, not one whose
 * lines run across both (fresh seed 20261202302). A two-line headline with a word space in its
 * first line, its second line centred under it across the space, stays one. */
static void test_headlines_side_by_side(void)
{
    PIX *pix = pixCreate(1400, 900, 8);
    pixSetAll(pix);
    /* left: 110 px type, 30 px apart; right: 84 px type, 5 px higher, 115 px away */
    for (int l = 0; l < 2; l++) {
        for (int c = 0; c < 5 - l; c++) {
            draw_char(pix, 60 + c * 140, 60 + l * 130, 110);
            draw_char(pix, 845 + c * 114, 55 + l * 104, 84);
        }
    }
    draw_column(pix, 60, 340, 12, 4);
    draw_column(pix, 845, 340, 12, 4);
    for (int c = 0; c < 7; c++) /* one headline: 3 + space + 4 over 4 centred */
        draw_char(pix, 60 + c * 90 + (c >= 3 ? 60 : 0), 520, 80);
    draw_row(pix, 60 + 150, 620, 4, 80, 90);
    draw_column(pix, 60, 760, 20, 2);
    nocr_page *page = segment_drawn(pix);
    nocr_box heads[8];
    int n = headline_boxes(page, heads, 8), upper = 0, lower = 0;
    for (int i = 0; i < n && i < 8; i++) {
        nocr_box rb = heads[i];
        if (rb.y < 300) {
            upper++;
            CHECK(rb.w < 700); /* one headline's width, not both */
            CHECK(rb.h > 180); /* both its lines */
        } else {
            lower++;
            CHECK(rb.w > 7 * 90);
        }
    }
    CHECK_INT(upper, 2);
    CHECK_INT(lower, 1);
    nocr_page_free(page);
}

/* A headline with a short word of small letters between its large ones ("36 flats on the
 * site", the x-height word taken for body text by its size) is one headline. */
static void test_headline_small_word(void)
{
    PIX *pix = pixCreate(1400, 500, 8);
    pixSetAll(pix);
    int x = draw_row(pix, 60, 60, 3, 80, 90);
    x = draw_row(pix, x + 20, 100, 2, 40, 45); /* the small word, on the baseline */
    int right = draw_row(pix, x + 30, 60, 4, 80, 90) - 10;
    draw_column(pix, 60, 200, 30, 4);
    nocr_page *page = segment_drawn(pix);
    int headlines = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_box rb = nocr_region_box(r);
        if (nocr_region_role(r) != NOCR_ROLE_HEADLINE)
            continue;
        headlines++;
        CHECK(rb.x <= 60 && rb.x + rb.w >= right);
    }
    CHECK_INT(headlines, 1);
    nocr_page_free(page);
}

/* A headline of two lines whose second holds one flat character (示: its ink 0.7 of the
 * em high, the em wide) is one headline: by its height alone it was a headline of its
 * own, which took the article's columns (fresh seed 20270104046). */
static void test_headline_flat_last_char(void)
{
    PIX *pix = pixCreate(1400, 600, 8);
    pixSetAll(pix);
    draw_row(pix, 60, 60, 6, 80, 90);
    BOX *flat = boxCreate(60 + 2 * 90 + 45, 170, 80, 56);
    pixSetInRectArbitrary(pix, flat, 0);
    boxDestroy(&flat);
    draw_column(pix, 60, 300, 15, 5);
    draw_column(pix, 60 + 15 * ADV + GUTTER, 300, 15, 5);
    nocr_page *page = segment_drawn(pix);
    nocr_box hb[4];
    CHECK_INT(headline_boxes(page, hb, 4), 1);
    CHECK(hb[0].y <= 60 && hb[0].y + hb[0].h >= 226);
    nocr_page_free(page);
}

/* A drop cap, one letter three lines tall in the top left corner of a column, is the
 * first letter of the column's text: no headline, and the body region holds it. */
static void test_drop_cap(void)
{
    PIX *pix = pixCreate(700, 700, 8);
    pixSetAll(pix);
    draw_char(pix, 60, 100, 2 * PITCH + CH); /* the cap: three lines tall */
    for (int l = 0; l < 12; l++) {
        int x0 = l < 3 ? 60 + 2 * PITCH + CH + 20 : 60;
        for (int x = x0; x + CH <= 60 + 16 * ADV; x += ADV)
            draw_char(pix, x, 100 + l * PITCH, CH);
    }
    nocr_page *page = segment_drawn(pix);
    int headlines = 0, holds = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_box rb = nocr_region_box(r);
        headlines += nocr_region_role(r) == NOCR_ROLE_HEADLINE ||
                     nocr_region_role(r) == NOCR_ROLE_SUBHEADLINE;
        holds += nocr_region_role(r) == NOCR_ROLE_BODY && rb.x <= 62 && rb.y <= 102;
    }
    CHECK_INT(headlines, 0);
    CHECK_INT(holds, 1);
    nocr_page_free(page);
}

/* Two columns of Latin-like text: lines of x-height words (16 px) with 24 px of white
 * between lines, half again their height, and wide word spaces at other places on every
 * line. Each column is one body region of all its lines, not a region per word. */
static void test_wide_leading(void)
{
    PIX *pix = pixCreate(900, 800, 8);
    pixSetAll(pix);
    for (int c = 0; c < 2; c++)
        for (int l = 0; l < 10; l++) {
            int x = 40 + c * 420, end = x + 380, w = 0;
            while (x + 16 <= end) {
                draw_char(pix, x, 60 + l * 40, 16);
                x += 18;
                if (++w % (3 + (l + c) % 4) == 0)
                    x += 14; /* a word space */
            }
        }
    nocr_page *page = segment_drawn(pix);
    int bodies = 0, lines = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) != NOCR_ROLE_BODY)
            continue;
        bodies++;
        lines += (int)nocr_region_line_count(r);
    }
    CHECK_INT(bodies, 2);
    CHECK_INT(lines, 20);
    nocr_page_free(page);
}

/* A thin line left in a gutter (a piece of a double rule that rule detection missed, the
 * frames of two boxed articles side by side) is no text: it must not join the columns on
 * either side into one block, whose lines would each span both columns (fresh seeds
 * 20261202557 and 20261202563 lost a column's top that way). Two body regions of 12 lines
 * each come out, no line crossing the gutter. */
static void test_sliver_in_gutter(void)
{
    const int chars = 10, w = chars * ADV - (ADV - CH), nlines = 12, gutter = 32;
    int xs[2] = {30, 30 + w + gutter};
    PIX *pix = pixCreate(60 + 2 * w + gutter, 800, 8);
    pixSetAll(pix);
    for (int c = 0; c < 2; c++)
        draw_column(pix, xs[c], 100, chars, nlines);
    BOX *sliver = boxCreate(30 + w + gutter / 2 - 1, 80, 2, nlines * PITCH + 20);
    pixSetInRectArbitrary(pix, sliver, 0);
    boxDestroy(&sliver);
    nocr_page *page = segment_drawn(pix);
    int bodies = 0, lines = 0, crossing = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) != NOCR_ROLE_BODY)
            continue;
        bodies++;
        for (size_t k = 0; k < nocr_region_line_count(r); k++) {
            nocr_box lb = nocr_line_box(nocr_region_line(r, k));
            lines++;
            crossing += column_of(lb.x, lb.x + lb.w, xs, 2, w) < 0;
        }
    }
    CHECK_INT(bodies, 2);
    CHECK_INT(lines, 2 * nlines);
    CHECK_INT(crossing, 0);
    nocr_page_free(page);
}

/* Body lines set tight touch where a scan's blur spreads their print: two lines of one
 * column whose white between them is thinner than the closing that makes characters whole
 * became one fragment two lines tall, taken for a headline (fresh seed 20261201938). They
 * stay two body lines of their column, and no headline is found. */
static void test_touching_lines(void)
{
    const int chars = 10, w = chars * ADV - (ADV - CH), ncols = 3, nlines = 12;
    PIX *pix = pixCreate(60 + ncols * w + (ncols - 1) * GUTTER, 800, 8);
    pixSetAll(pix);
    for (int c = 0; c < ncols; c++)
        draw_column(pix, 30 + c * (w + GUTTER), 100, chars, nlines);
    /* Column 1's lines 5 and 6 come 6 px apart: line 6 drawn again 9 px higher, its old
     * place wiped. */
    int x = 30 + w + GUTTER, y6 = 100 + 6 * PITCH;
    BOX *old = boxCreate(x, y6, w, CH);
    pixSetInRectArbitrary(pix, old, 255);
    boxDestroy(&old);
    for (int c = 0; c < chars; c++)
        draw_char(pix, x + c * ADV, y6 - 9, CH);
    nocr_page *page = segment_drawn(pix);
    int headlines = 0, lines = 0, bodies = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        headlines += nocr_region_role(r) == NOCR_ROLE_HEADLINE;
        if (nocr_region_role(r) == NOCR_ROLE_BODY) {
            bodies++;
            lines += (int)nocr_region_line_count(r);
        }
    }
    CHECK_INT(headlines, 0);
    CHECK_INT(bodies, ncols);
    CHECK_INT(lines, ncols * nlines);
    nocr_page_free(page);
}

/* A caption of one line under a photo, beside a column of body text and level with one of
 * its lines, more than a gutter away: it stays a line of its own, and the column's line
 * keeps the column's measure (fresh seed 20261201938 read the caption into the body). */
static void test_caption_beside_column(void)
{
    const int chars = 10, w = chars * ADV - (ADV - CH), nlines = 12;
    PIX *pix = pixCreate(900, 800, 8);
    pixSetAll(pix);
    draw_column(pix, 30, 100, chars, nlines);
    int cx = 30 + w + 40; /* 1.3 body heights of white: wider than a gutter */
    for (int c = 0; c < 6; c++)
        draw_char(pix, cx + c * 30, 100 + 9 * PITCH + 2, 26);
    nocr_page *page = segment_drawn(pix);
    int wide = 0, caption_lines = 0;
    size_t n;
    nocr_box *lb = line_boxes(page, &n);
    for (size_t i = 0; i < n; i++) {
        wide += lb[i].x < cx && lb[i].x + lb[i].w > cx;
        caption_lines += lb[i].x >= cx - 2;
    }
    free(lb);
    CHECK_INT(wide, 0);
    CHECK_INT(caption_lines, 1);
    nocr_page_free(page);
}

/* Three columns under a headline of 80 px type and, level with it, six characters of 38 px
 * type (larger than body text, smaller than headline type) 50 px after it or, `before`,
 * 50 px before it: the roles of the regions of the smaller type, counted into *subheads
 * and *headings. */
static void level_with_headline(int before, int *subheads, int *headings)
{
    const int chars = 10, w = chars * ADV - (ADV - CH);
    PIX *pix = pixCreate(60 + 3 * w + 2 * GUTTER, 800, 8);
    pixSetAll(pix);
    for (int c = 0; c < 3; c++)
        draw_column(pix, 30 + c * (w + GUTTER), 200, chars, 10);
    int head_x = before ? 40 + 6 * 42 + 50 : 40, deck_x = before ? 40 : 40 + 4 * 90 + 50;
    draw_row(pix, head_x, 60, 4, 80, 90);
    draw_row(pix, deck_x, 90, 6, 38, 42);
    nocr_page *page = segment_drawn(pix);
    *subheads = *headings = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_box b = nocr_region_box(r);
        if (b.x < deck_x - 5 || b.x + b.w > deck_x + 6 * 42 + 5 || b.y > 150)
            continue;
        *subheads += nocr_region_role(r) == NOCR_ROLE_SUBHEADLINE;
        *headings += nocr_region_role(r) == NOCR_ROLE_SECTION_HEADING;
    }
    nocr_page_free(page);
}

/* A headline with its deck on its line, a word space after it: the headline's
 * subheadline, not a section heading of the column under it (fresh seed 20261201993).
 * The same type before a headline, a gutter's width away, is a section heading at the head
 * of its column, no deck of the next article's headline (a deck follows its headline;
 * tuning seeds 20261230204 and 246 read it as that article's subheadline). */
static void test_deck_on_headline_line(void)
{
    int subheads, headings;
    level_with_headline(0, &subheads, &headings);
    CHECK_INT(subheads, 1);
    CHECK_INT(headings, 0);
    level_with_headline(1, &subheads, &headings);
    CHECK_INT(subheads, 0);
    CHECK_INT(headings, 1);
}

/* A byline of body type centred over an article of two columns, straddling their gutter a
 * few pixels above their first lines: the two columns stay apart, and the byline is the one
 * line across the gutter (fresh seed 20261222051 read the columns as one, line by line
 * across the gutter). The byline's words (nwords, starting at x[k], len[k] characters)
 * are set as each case needs. */
#define BYLINE_GUTTER 40
static void check_byline_over_gutter(const int *x, const int *len, int nwords)
{
    const int chars = 10, w = chars * ADV - (ADV - CH), nlines = 10, top = 150;
    int xs[2] = {30, 30 + w + BYLINE_GUTTER};
    PIX *pix = pixCreate(60 + 2 * w + BYLINE_GUTTER, 700, 8);
    pixSetAll(pix);
    for (int c = 0; c < 2; c++)
        draw_column(pix, xs[c], top, chars, nlines);
    int by = top - 12 - CH;
    for (int k = 0; k < nwords; k++)
        for (int c = 0; c < len[k]; c++)
            draw_char(pix, x[k] + c * ADV, by, CH);
    nocr_page *page = segment_drawn(pix);
    int crossing = 0, byline = 0;
    size_t lines;
    nocr_box *lb = line_boxes(page, &lines);
    for (size_t i = 0; i < lines; i++) {
        if (column_of(lb[i].x, lb[i].x + lb[i].w, xs, 2, w) >= 0)
            continue;
        crossing++;
        byline += lb[i].y <= by + 2 && lb[i].y + lb[i].h >= by + CH - 2;
    }
    free(lb);
    CHECK_INT(lines, 2 * nlines + 1);
    CHECK_INT(crossing, 1);
    CHECK_INT(byline, 1);
    nocr_page_free(page);
}

static void test_byline_over_gutter(void)
{
    const int w = 10 * ADV - (ADV - CH), gutter_x = 30 + w; /* the gutter's left edge */
    /* one fragment: characters 4 px apart */
    int x1[] = {gutter_x - 160}, len1[] = {12};
    check_byline_over_gutter(x1, len1, 1);
    /* words 14 px apart (wider than the fragments' closing, narrower than a gutter), one
     * of them across the gutter: the vertical closing glues it to both columns */
    int x2[4], len2[] = {3, 3, 3, 3};
    for (int k = 0; k < 4; k++)
        x2[k] = gutter_x - 160 + k * (3 * ADV - 4 + 14);
    check_byline_over_gutter(x2, len2, 4);
    /* words 14 px apart, the middle one inside the gutter, touching neither column: the
     * left word lies in the left column's block, the right one in the right column's, and
     * the close pieces between them would join the two */
    int x3[] = {gutter_x + 5 - 14 - (3 * ADV - 4), gutter_x + 5, gutter_x + 5 + CH + 14},
        len3[] = {3, 1, 3};
    check_byline_over_gutter(x3, len3, 3);
}

/* A dashed rule under a folio line, two body heights above three columns whose gutters
 * are wider than a body height: the dashes, pieces closer than a gutter, make one block of
 * many pieces on one row across the page. That row is no column: the columns under it
 * stay apart (fresh seed 20261223010 read its three columns as one, line by line across
 * both gutters: CER 0.63 where tesseract's was 0.09). */
static void test_dashes_over_columns(void)
{
    const int chars = 10, w = chars * ADV - (ADV - CH), gutter = 40, nlines = 8, top = 120;
    int xs[3];
    PIX *pix = pixCreate(60 + 3 * w + 2 * gutter, 600, 8);
    pixSetAll(pix);
    for (int c = 0; c < 3; c++) {
        xs[c] = 30 + c * (w + gutter);
        draw_column(pix, xs[c], top, chars, nlines);
    }
    for (int x = 30; x + 20 <= 30 + 3 * w + 2 * gutter; x += 34) {
        BOX *dash = boxCreate(x, top - 2 * CH, 20, 4);
        pixSetInRectArbitrary(pix, dash, 0);
        boxDestroy(&dash);
    }
    nocr_page *page = segment_drawn(pix);
    int crossing = 0, lines = 0;
    size_t n;
    nocr_box *lb = line_boxes(page, &n);
    for (size_t i = 0; i < n; i++) {
        if (lb[i].y + lb[i].h <= top - CH)
            continue; /* the dashes */
        lines++;
        crossing += column_of(lb[i].x, lb[i].x + lb[i].w, xs, 3, w) < 0;
    }
    free(lb);
    CHECK_INT(lines, 3 * nlines);
    CHECK_INT(crossing, 0);
    nocr_page_free(page);
}

/* A blank page: no regions, no failure. */
static void test_blank(void)
{
    PIX *pix = pixCreate(400, 300, 8);
    pixSetAll(pix);
    nocr_image *img = image_from_pix(pix);
    nocr_page *page = NULL;
    CHECK_INT(nocr_segment(&page, img), NOCR_OK);
    CHECK(page && nocr_page_region_count(page) == 0);
    nocr_page_free(page);
    nocr_image_free(img);
    pixDestroy(&pix);
}

/* A paragraph set on a grid, twelve characters a line: in its first three lines the sixth
 * character is `narrow` px wide and `tall` px high at the foot of its square, and the
 * white after it, to the next square, is wider than a tight gutter (25 px); the fourth line
 * is short, ending before it. The body regions found and the lines that span the whole
 * measure go to *regions and *whole. */
static void river_paragraph(int narrow, int tall, int *regions, int *whole)
{
    const int chars = 12, at = 5, w = chars * ADV - (ADV - CH);
    PIX *pix = pixCreate(60 + w, 400, 8);
    pixSetAll(pix);
    for (int l = 0; l < 4; l++) {
        int y = 100 + l * PITCH;
        for (int c = 0; c < (l < 3 ? chars : at); c++) {
            if (c == at) {
                BOX *box = boxCreate(30 + c * ADV, y + CH - tall, narrow, tall);
                pixSetInRectArbitrary(pix, box, 0);
                boxDestroy(&box);
            } else {
                draw_char(pix, 30 + c * ADV, y, CH);
            }
        }
    }
    nocr_page *page = segment_drawn(pix);
    *regions = *whole = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        const nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) != NOCR_ROLE_BODY)
            continue;
        (*regions)++;
        for (size_t k = 0; k < nocr_region_line_count(r); k++)
            *whole += nocr_line_box(nocr_region_line(r, k)).w >= w - 4;
    }
    nocr_page_free(page);
}

/* Punctuation at one place in consecutive lines (。，fill the foot of their square) leaves
 * a run of white down a paragraph as wide as a tight gutter; the paragraph stays one
 * column, its lines whole (vertical tuning seed 20270102231 read such a paragraph half by
 * half). A full-height character there is no punctuation: the lines are two columns. */
static void test_punctuation_river(void)
{
    int regions = 0, whole = 0;
    river_paragraph(9, 9, &regions, &whole);
    CHECK_INT(regions, 1);
    CHECK_INT(whole, 3);
    river_paragraph(9, CH, &regions, &whole);
    CHECK_INT(regions, 2);
    CHECK_INT(whole, 0);
}

int main(void)
{
    setMsgSeverity(L_SEVERITY_NONE);
    test_tight_gutters();
    test_headline_tops();
    test_headline_ellipsis();
    test_headline_small_word();
    test_headline_flat_last_char();
    test_headlines_side_by_side();
    test_drop_cap();
    test_wide_leading();
    test_touching_lines();
    test_sliver_in_gutter();
    test_caption_beside_column();
    test_deck_on_headline_line();
    test_byline_over_gutter();
    test_dashes_over_columns();
    test_blank();
    test_punctuation_river();
    return CHECK_DONE();
}
