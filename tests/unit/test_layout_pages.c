/*
 * test_layout_pages.c - the layout stage on drawn newspaper pages, through the real path:
 * nocr_preprocess (measurement, rescaling, binarization, photos) then nocr_segment.
 *
 * Pages are drawn with Leptonica, no Tesseract needed: a "character" is a 田 of strokes in a
 * square of the type size (about half its box is ink, as in print), CJK-set: advance 1.13
 * em, line pitch 1.5 em, gutters 0.6 em (as tight as Chinese newspapers set them), no
 * column rules. Photos are gray rectangles. Everything is checked in original pixels.
 */
#include "check.h"
#include "newsocr.h"

#include <leptonica/allheaders.h>
#include <stdlib.h>

#define COL_CHARS 12 /* characters per column line */
#define NCOLS     3
#define MARGIN    60

/* The page's type size and what follows from it. */
typedef struct layout {
    int em, adv, pitch, gutter, colw;
} layout;

static layout layout_for(int em)
{
    layout L = {em, em + em / 8, em + em / 2, em * 6 / 10, 0};
    L.colw = COL_CHARS * L.adv - (L.adv - em);
    return L;
}

static int col_x(const layout *L, int c)
{
    return MARGIN + c * (L->colw + L->gutter);
}

static void fill(PIX *pix, int x, int y, int w, int h, unsigned val)
{
    BOX *box = boxCreate(x, y, w, h);
    pixSetInRectArbitrary(pix, box, val);
    boxDestroy(&box);
}

static void draw_char(PIX *pix, int x, int y, int size)
{
    int s = size / 10 > 2 ? size / 10 : 2;
    for (int k = 0; k < 3; k++) {
        int off = k * (size - s) / 2;
        fill(pix, x, y + off, size, s, 0);
        fill(pix, x + off, y, s, size, 0);
    }
}

/* n lines of column c from y; the last one half as long (a paragraph's end). Returns the
 * y below the last line. */
static int draw_column(PIX *pix, const layout *L, int c, int y, int n)
{
    for (int l = 0; l < n; l++) {
        int len = l == n - 1 ? COL_CHARS / 2 : COL_CHARS;
        for (int k = 0; k < len; k++)
            draw_char(pix, col_x(L, c) + k * L->adv, y + l * L->pitch, L->em);
    }
    return y + n * L->pitch;
}

/* A photo: a gray rectangle with a darker diagonal band (a picture, not a flat tint). */
static void draw_photo(PIX *pix, int x, int y, int w, int h)
{
    fill(pix, x, y, w, h, 140);
    for (int k = 0; k < h; k += 4)
        fill(pix, x + (k * w) / (2 * h), y + k, w / 3, 4, 70);
}

static PIX *page_new(const layout *L, int height)
{
    PIX *pix = pixCreate(2 * MARGIN + NCOLS * L->colw + (NCOLS - 1) * L->gutter, height, 8);
    pixSetAll(pix);
    return pix;
}

/* Loads the drawing as a file would be, preprocesses it with these options and segments
 * it; NULL on failure (counted). */
static nocr_page *segment_drawing(PIX *pix, int enhance, int binarize)
{
    l_uint8 *data = NULL;
    size_t size = 0;
    nocr_image *img = NULL;
    nocr_page *page = NULL;
    CHECK(pixWriteMem(&data, &size, pix, IFF_PNG) == 0);
    CHECK_INT(nocr_image_load_mem(&img, data, size, "drawn.png", 0, NULL), NOCR_OK);
    free(data);
    nocr_preprocess_options po = NOCR_PREPROCESS_OPTIONS_INIT;
    po.enhance = enhance;
    po.binarize = binarize;
    CHECK_INT(nocr_preprocess(img, &po), NOCR_OK);
    CHECK_INT(nocr_segment(&page, img), NOCR_OK);
    nocr_image_free(img);
    return page;
}

/* Which column holds [x0, x1) (2 px of slack); -1 when it spans a gutter or none. */
static int column_of(const layout *L, int x0, int x1)
{
    for (int c = 0; c < NCOLS; c++)
        if (x0 >= col_x(L, c) - 2 && x1 <= col_x(L, c) + L->colw + 2)
            return c;
    return -1;
}

static int count_role(const nocr_page *page, nocr_role role)
{
    int n = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++)
        n += nocr_region_role(nocr_page_region(page, i)) == role;
    return n;
}

/* Lines of body regions lying in column c below y (all columns: c = -1); *crossing (if
 * given) counts lines of text regions that span a gutter. */
static int body_lines(const nocr_page *page, const layout *L, int c, int y, int *crossing)
{
    int n = 0;
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(r);
        for (size_t k = 0; nocr_role_is_text(role) && k < nocr_region_line_count(r); k++) {
            nocr_box b = nocr_line_box(nocr_region_line(r, k));
            int col = column_of(L, b.x, b.x + b.w);
            if (crossing && role != NOCR_ROLE_HEADLINE && col < 0)
                (*crossing)++;
            if (role == NOCR_ROLE_BODY && (c < 0 || col == c) && b.y >= y)
                n++;
        }
    }
    return n;
}

/* The body height is measured, not assumed: at three type sizes, the page's body height
 * (original pixels) is the drawn size within 10%; lines never cross the gutters. */
static void test_body_height_and_gutters(void)
{
    const int sizes[] = {22, 30, 48};
    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        layout L = layout_for(sizes[s]);
        PIX *pix = page_new(&L, 2 * MARGIN + 14 * L.pitch);
        for (int c = 0; c < NCOLS; c++)
            draw_column(pix, &L, c, MARGIN, 14);
        nocr_page *page = segment_drawing(pix, 1, 1);
        if (page) {
            int body = nocr_page_body_height(page), crossing = 0;
            if (10 * abs(body - L.em) > L.em)
                fprintf(stderr, "em %d: body height %d\n", L.em, body);
            CHECK(10 * abs(body - L.em) <= L.em);
            CHECK_INT(body_lines(page, &L, -1, 0, &crossing), NCOLS * 14);
            CHECK_INT(crossing, 0);
            CHECK_INT(count_role(page, NOCR_ROLE_BODY), NCOLS);
        }
        nocr_page_free(page);
        pixDestroy(&pix);
    }
}

/* A headline of two lines over the columns is one headline region of two lines. */
static void test_two_line_headline(void)
{
    layout L = layout_for(30);
    int big = 3 * L.em, y = MARGIN;
    PIX *pix = page_new(&L, 1200);
    for (int line = 0; line < 2; line++, y += big + big / 4)
        for (int k = 0; k < 9; k++)
            draw_char(pix, MARGIN + 40 + k * (big + big / 8), y, big);
    for (int c = 0; c < NCOLS; c++)
        draw_column(pix, &L, c, y + L.em, 12);
    nocr_page *page = segment_drawing(pix, 1, 1);
    CHECK_INT(page ? count_role(page, NOCR_ROLE_HEADLINE) : -1, 1);
    CHECK_INT(page ? count_role(page, NOCR_ROLE_SUBHEADLINE) : -1, 0);
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) != NOCR_ROLE_HEADLINE)
            continue;
        nocr_box b = nocr_region_box(r);
        CHECK_INT(nocr_region_line_count(r), 2);
        CHECK(b.y <= MARGIN + 2 && b.y + b.h >= MARGIN + 2 * big + big / 4 - 2);
    }
    CHECK_INT(page ? body_lines(page, &L, -1, 0, NULL) : -1, NCOLS * 12);
    nocr_page_free(page);
    pixDestroy(&pix);
}

/* Two headlines of 2.5 em type over columns 0 and 1, the white between them narrower than
 * one and a half of their characters, a column rule between them from the top of the page
 * down (seed 20261201120): two headlines, not one across the rule. Column 0 is left
 * without body text, so that the rule has white on both sides in the tight gutters drawn
 * here. */
static void test_headlines_ruled_apart(void)
{
    layout L = layout_for(30);
    int big = 5 * L.em / 2, y = MARGIN;
    PIX *pix = page_new(&L, 1100);
    for (int k = 0; k < 4; k++) {
        draw_char(pix, col_x(&L, 0) + k * (big + big / 8), y, big);
        draw_char(pix, col_x(&L, 1) + k * (big + big / 8), y, big);
    }
    int rule_x = col_x(&L, 1) - L.gutter - 8;
    fill(pix, rule_x, MARGIN, 4, 1100 - 2 * MARGIN, 0);
    for (int c = 1; c < NCOLS; c++)
        draw_column(pix, &L, c, y + big + L.em, 14);
    nocr_page *page = segment_drawing(pix, 1, 1);
    int left = 0, right = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_box b = nocr_region_box(r);
        if (nocr_region_role(r) != NOCR_ROLE_HEADLINE)
            continue;
        left += b.x + b.w <= rule_x;
        right += b.x >= rule_x + 4;
    }
    CHECK_INT(left, 1);
    CHECK_INT(right, 1);
    nocr_page_free(page);
    pixDestroy(&pix);
}

/* A crease across the page from edge to edge is no rule; a printed rule, which stops at
 * the margins, is (tuning seed 20261211227: a fold across an advertisement's box, taken for
 * a rule, cut its headline from its text). */
static void test_fold_no_rule(void)
{
    layout L = layout_for(30);
    PIX *pix = page_new(&L, 1300);
    int w = (int)pixGetWidth(pix);
    for (int c = 0; c < NCOLS; c++) {
        draw_column(pix, &L, c, MARGIN, 8);
        draw_column(pix, &L, c, 700, 8);
    }
    fill(pix, MARGIN, 600, w - 2 * MARGIN, 4, 0); /* printed: margin to margin */
    fill(pix, 0, 1240, w, 5, 60);                 /* a crease: edge to edge */
    nocr_page *page = segment_drawing(pix, 1, 1);
    int printed = 0, crease = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_box b = nocr_region_box(r);
        if (nocr_region_role(r) != NOCR_ROLE_SEPARATOR || b.w < w / 2)
            continue;
        printed += b.y <= 606 && b.y + b.h >= 598;
        crease += b.y <= 1247 && b.y + b.h >= 1238;
    }
    CHECK_INT(printed, 1);
    CHECK_INT(crease, 0);
    nocr_page_free(page);
    pixDestroy(&pix);
}

/* Large text of one size, 1.5 em (as a one-column headline is set as often as a deck
 * is): a deck under the page's big headline, and on its own over column 2 halfway down
 * (a small headline starting an article). The deck is a subheadline, the lone one a
 * headline. */
static void test_small_headline(void)
{
    layout L = layout_for(30);
    int big = 3 * L.em, small = 3 * L.em / 2, y = MARGIN;
    PIX *pix = page_new(&L, 1300);
    for (int k = 0; k < 6; k++)
        draw_char(pix, MARGIN + 40 + k * (big + big / 8), y, big);
    y += big + L.em / 2;
    for (int k = 0; k < 8; k++)
        draw_char(pix, MARGIN + 40 + k * (small + small / 8), y, small);
    y += small + L.em;
    draw_column(pix, &L, 0, y, 16);
    draw_column(pix, &L, 1, y, 16);
    int mid = draw_column(pix, &L, 2, y, 5) + L.pitch;
    for (int k = 0; k < 5; k++)
        draw_char(pix, col_x(&L, 2) + k * (small + small / 8), mid, small);
    draw_column(pix, &L, 2, mid + small + L.em, 8);
    nocr_page *page = segment_drawing(pix, 1, 1);
    int lone = 0, deck = 0;
    for (size_t i = 0; page && i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_box b = nocr_region_box(r);
        nocr_role role = nocr_region_role(r);
        if (b.y > mid - 4 && b.y < mid + 4 && column_of(&L, b.x, b.x + b.w) == 2)
            lone += role == NOCR_ROLE_HEADLINE;
        if (b.y > MARGIN + big && b.y < MARGIN + big + L.em)
            deck += role == NOCR_ROLE_SUBHEADLINE;
    }
    CHECK_INT(lone, 1);
    CHECK_INT(deck, 1);
    CHECK_INT(page ? count_role(page, NOCR_ROLE_HEADLINE) : -1, 2);
    nocr_page_free(page);
    pixDestroy(&pix);
}

/* Checks that the page has one figure and one caption, of `lines` lines; returns the
 * caption's box (all -1 when there is none). */
static nocr_box one_photo_caption(const nocr_page *page, size_t lines)
{
    nocr_box found = {-1, -1, -1, -1};
    CHECK_INT(count_role(page, NOCR_ROLE_FIGURE), 1);
    CHECK_INT(count_role(page, NOCR_ROLE_CAPTION), 1);
    for (size_t i = 0; i < nocr_page_region_count(page); i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) != NOCR_ROLE_CAPTION)
            continue;
        CHECK_INT(nocr_region_line_count(r), lines);
        found = nocr_region_box(r);
    }
    return found;
}

/* A photo at the top of the middle column, a two-line caption under it: the caption is a
 * caption, and the column keeps all its text under the photo. */
static void test_photo_caption_column(void)
{
    layout L = layout_for(30);
    PIX *pix = page_new(&L, 1400);
    draw_column(pix, &L, 0, MARGIN, 24);
    draw_column(pix, &L, 2, MARGIN, 24);
    int photo_h = 12 * L.em, y = MARGIN + photo_h + L.em / 2;
    draw_photo(pix, col_x(&L, 1), MARGIN, L.colw, photo_h);
    int caption_y = y;
    y = draw_column(pix, &L, 1, y, 2) + 2 * L.em;
    int body_y = y;
    draw_column(pix, &L, 1, y, 12);
    nocr_page *page = segment_drawing(pix, 1, 1);
    if (page) {
        int crossing = 0;
        nocr_box b = one_photo_caption(page, 2);
        CHECK(abs(b.y - caption_y) <= 3 && column_of(&L, b.x, b.x + b.w) == 1);
        CHECK_INT(body_lines(page, &L, 1, body_y - 2, &crossing), 12);
        CHECK_INT(body_lines(page, &L, 0, 0, NULL), 24);
        CHECK_INT(body_lines(page, &L, 2, 0, NULL), 24);
        CHECK_INT(crossing, 0);
    }
    nocr_page_free(page);
    pixDestroy(&pix);
}

/* A photo over column 0 and a third of column 1, a two-line caption beside it in the rest of
 * column 1, level with its foot: the caption is a caption (not a short body paragraph), and
 * the columns under the photo keep their text. Also with the caption in smaller type
 * (0.8 em) and only three lines of each column under the photo: those are body text going
 * on under the photo, not two more captions (fresh seed 20261208024). And a caption of four
 * lines in smaller type, narrow beside its photo, is a caption too (tuning seeds
 * 20261219308 and 323 read such captions as body). */
static void test_photo_caption_beside(void)
{
    layout L = layout_for(30);
    for (int variant = 0; variant < 3; variant++) {
        int small = variant > 0, ncap = variant == 2 ? 4 : 2;
        PIX *pix = page_new(&L, 1400);
        int photo_w = L.colw + L.gutter + L.colw / 3, photo_h = 12 * L.em;
        int cap_em = small ? L.em * 8 / 10 : L.em, cap_adv = cap_em + cap_em / 8;
        int cap_pitch = cap_em + cap_em / 2, under = small ? 3 : 12;
        draw_photo(pix, col_x(&L, 0), MARGIN, photo_w, photo_h);
        int cap_x = col_x(&L, 0) + photo_w + L.em / 2;
        int cap_chars = (col_x(&L, 1) + L.colw - cap_x) / cap_adv;
        /* the last line ending a third of an em above the photo's foot; the body under the
         * photo starts an em and a quarter under it (as newsocr-synth sets them) */
        int cap_y = MARGIN + photo_h - (ncap - 1) * cap_pitch - cap_em - L.em / 3;
        for (int l = 0; l < ncap; l++)
            for (int k = 0; k < (l == ncap - 1 ? cap_chars - 2 : cap_chars); k++)
                draw_char(pix, cap_x + k * cap_adv, cap_y + l * cap_pitch, cap_em);
        int body_y = MARGIN + photo_h + L.em + L.em / 4;
        draw_column(pix, &L, 0, body_y, under);
        draw_column(pix, &L, 1, body_y, under);
        draw_column(pix, &L, 2, MARGIN, 24);
        nocr_page *page = segment_drawing(pix, 1, 1);
        if (page) {
            nocr_box b = one_photo_caption(page, (size_t)ncap);
            CHECK(abs(b.x - cap_x) <= 3 && abs(b.y - cap_y) <= 3);
            CHECK_INT(body_lines(page, &L, 0, body_y - 2, NULL), under);
            CHECK_INT(body_lines(page, &L, 1, body_y - 2, NULL), under);
            CHECK_INT(body_lines(page, &L, 2, 0, NULL), 24);
        }
        nocr_page_free(page);
        pixDestroy(&pix);
    }
}

/* A photo at the top of the middle column, a two-line caption under it, and beside the
 * photo's foot, in the empty head of the right column, a dash a sixth of an em high (on a
 * page of vertical columns, the horizontal pass sees a column's dash as a region of its
 * own): the dash is no caption in smaller type, and the lines under the photo are still
 * its caption (vertical fresh seed 20270105122 read them as body). */
static void test_photo_caption_dash_beside(void)
{
    layout L = layout_for(30);
    PIX *pix = page_new(&L, 1400);
    draw_column(pix, &L, 0, MARGIN, 24);
    int photo_h = 12 * L.em, foot = MARGIN + photo_h;
    draw_photo(pix, col_x(&L, 1), MARGIN, L.colw, photo_h);
    fill(pix, col_x(&L, 2) + L.em, foot - L.em / 2, L.em, L.em / 6, 0);
    int caption_y = foot + L.em / 2;
    int y = draw_column(pix, &L, 1, caption_y, 2) + 2 * L.em;
    draw_column(pix, &L, 1, y, 12);
    draw_column(pix, &L, 2, y, 12);
    nocr_page *page = segment_drawing(pix, 1, 1);
    if (page) {
        nocr_box b = one_photo_caption(page, 2);
        CHECK(abs(b.y - caption_y) <= 3 && column_of(&L, b.x, b.x + b.w) == 1);
        CHECK_INT(body_lines(page, &L, 1, y - 2, NULL), 12);
    }
    nocr_page_free(page);
    pixDestroy(&pix);
}

/* Without binarization (and without the scan clean-up) the segmenter works on the gray:
 * the same columns and lines, the body height measured. */
static void test_without_binarization(void)
{
    layout L = layout_for(30);
    PIX *pix = page_new(&L, 2 * MARGIN + 10 * L.pitch);
    for (int c = 0; c < NCOLS; c++)
        draw_column(pix, &L, c, MARGIN, 10);
    for (int enhance = 0; enhance < 2; enhance++) {
        nocr_page *page = segment_drawing(pix, enhance, 0);
        int crossing = 0;
        CHECK_INT(page ? body_lines(page, &L, -1, 0, &crossing) : -1, NCOLS * 10);
        CHECK_INT(crossing, 0);
        CHECK(page && 10 * abs(nocr_page_body_height(page) - L.em) <= L.em);
        nocr_page_free(page);
    }
    pixDestroy(&pix);
}

/* Bad calls are errors, not crashes: no image, an image not preprocessed. */
static void test_bad_calls(void)
{
    nocr_page *page = (nocr_page *)&page;
    CHECK_INT(nocr_segment(&page, NULL), NOCR_EINVAL);
    CHECK(page == (nocr_page *)&page || page == NULL);
    PIX *pix = pixCreate(200, 100, 8);
    pixSetAll(pix);
    l_uint8 *data = NULL;
    size_t size = 0;
    nocr_image *img = NULL;
    CHECK(pixWriteMem(&data, &size, pix, IFF_PNG) == 0);
    CHECK_INT(nocr_image_load_mem(&img, data, size, "blank.png", 0, NULL), NOCR_OK);
    CHECK_INT(nocr_segment(&page, img), NOCR_EINVAL);
    CHECK(page == NULL);
    free(data);
    nocr_image_free(img);
    pixDestroy(&pix);
}

int main(void)
{
    setMsgSeverity(L_SEVERITY_NONE);
    test_body_height_and_gutters();
    test_two_line_headline();
    test_headlines_ruled_apart();
    test_fold_no_rule();
    test_small_headline();
    test_photo_caption_column();
    test_photo_caption_beside();
    test_photo_caption_dash_beside();
    test_without_binarization();
    test_bad_calls();
    return CHECK_DONE();
}
