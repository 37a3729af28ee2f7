/*
 * roles.c - the roles that only the text of a region tells, and regions that are not text.
 *
 *   rec_text_roles        bylines, the page note, the folio; noise left out
 *   rec_drop_unreadable   regions recognition could not read as text; photo pages
 *   rows_of_type          a region's lines are rows of type (kept, however badly read)
 *   heads_over_bylines    a section heading over a byline is a headline
 *   region_text           a region's text, its lines concatenated
 *   rec_text_is_byline    本报记者 …, 记者 …, 新华社 …, By Emma Grant
 *   latin_byline          By Emma Grant, BY JOHN SMITH
 *   text_is_note          (本版图片均为资料图)
 *   text_is_folio         第N版, 2024年3月15日
 *   folio_row             the other pieces of the folio's line
 *   starts_with           a string's prefix
 *
 * Segmentation tells roles by the shape of the print (size, weight, position); a byline,
 * a page note and a folio line look like body text and are told here by what they say.
 */
#include "order/order.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Below NOISE_CONF mean confidence a region is not text (core/internal.h); when most
 * regions of a page are, the page is no text page (a photo the preprocessing could not
 * tell from print, with no paper around it) and only regions above PHOTO_PAGE_CONF are
 * kept. */
#define NOISE_CONF      NOCR_NOISE_CONF
#define PHOTO_PAGE_CONF 60.0f

/* A fragment: at most FRAGMENT_MAX_CHARS characters, lower than FRAGMENT_MAX_HEIGHT body
 * heights, read with confidence under FRAGMENT_CONF, is a speck or a piece of a photo or
 * rule, not text. Chosen by hand in the first cut (961334b); measured since on the 26
 * samples (the page models as recognition leaves them): 19 text regions of at most 2
 * characters. 16 are specks and rules read as 了, 1, |: at 17-62 and 0.3-0.9 body heights
 * high (p01, p14, p16, p24), or 1.8-2.0 high (p16: two left out, a '|' of 2.03 kept), and
 * one '|' of p07 at 89, kept. The real ones are headlines: 晨练 (p15, 1.7 high) and 跑道
 * (p26) read at 94-95; p26's misread 课竺 (36) is kept only by its height, 2.02: the
 * height limit is tight. */
#define FRAGMENT_MAX_CHARS  2
#define FRAGMENT_MAX_HEIGHT 2 /* body heights */
#define FRAGMENT_CONF       70.0f

/* Bylines, page notes and folio lines are short: at most SHORT_MAX_LINES lines and
 * SHORT_MAX_CHARS characters. Chosen by hand in 961334b. On the 26 samples every byline
 * and note is one line of 4-11 characters (本报综合 ... 本报记者陈晓王芳周强,
 * （本版图片均为资料图）); no body paragraph there starts with a byline's mark, so the upper
 * limit is untested: it only has to stay under a paragraph's length. */
#define SHORT_MAX_LINES 2
#define SHORT_MAX_CHARS 40

/* Room for a region's text: the markers above are all in its first characters. */
#define REGION_TEXT_MAX 512

/* Concatenated text of a region's lines, into buf (n bytes), truncated; returns buf. */
static const char *region_text(const nocr_region *r, char *buf, size_t n)
{
    size_t len = 0, nlines = nocr_region_line_count(r);
    buf[0] = '\0';
    for (size_t i = 0; i < nlines && len + 1 < n; i++) {
        const char *t = nocr_line_text(nocr_region_line(r, i));
        size_t k = strlen(t);
        if (k > n - 1 - len)
            k = n - 1 - len;
        memcpy(buf + len, t, k);
        len += k;
        buf[len] = '\0';
    }
    return buf;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A byline in Latin type: "By" and a capital (By Emma Grant, BY JOHN SMITH AND ...). */
static int latin_byline(const char *t)
{
    if (!starts_with(t, "By ") && !starts_with(t, "BY "))
        return 0;
    t += 3;
    while (*t == ' ')
        t++;
    return *t >= 'A' && *t <= 'Z';
}

/* Byline: 本报记者 …, 记者 …, 通讯员 …, 本报讯 …, short; in traditional characters too
 * (issue 12: Hong Kong and Taiwan papers, papers before 1950): 本報記者 …, 中央社 …; in
 * Latin type By …. */
int rec_text_is_byline(const char *t)
{
    static const char *const marks[] = {
        "本报记者", "本报通讯员", "本报讯",   "本报综合",   "本报电", "记者",
        "通讯员",   "特约记者",   "实习生",   "本报评论员", "新华社", "综合报道",
        "文/",      "图/",        "本報記者", "本報通訊員", "本報訊", "本報綜合",
        "本報電",   "記者",       "通訊員",   "特約記者",   "實習生", "本報評論員",
        "新華社",   "中央社",     "綜合報導", "綜合報道",   "圖/"};
    if (nocr_utf8_count(t) > SHORT_MAX_CHARS)
        return 0;
    if (latin_byline(t))
        return 1;
    for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
        if (starts_with(t, marks[i]))
            return 1;
    }
    return 0;
}

/* Page note: a short parenthesised line such as （本版图片均为资料图）. */
static int text_is_note(const char *t)
{
    size_t n = strlen(t);
    return nocr_utf8_count(t) <= SHORT_MAX_CHARS &&
           (starts_with(t, "（") || starts_with(t, "(")) && n >= 3 &&
           (strcmp(t + n - 3, "）") == 0 || t[n - 1] == ')');
}

/* Folio: the edition number 第N版 (Tesseract may read a space or two in it: "第24 版") or a
 * full date 2024年3月15日. */
static int text_is_folio(const char *t)
{
    const char *p = strstr(t, "第");
    if (p) {
        p += strlen("第");
        while ((*p >= '0' && *p <= '9') || *p == ' ')
            p++;
        if (starts_with(p, "版"))
            return 1;
    }
    const char *y = strstr(t, "年"); /* after a year's four digits */
    return y && y - t >= 4 && strstr(y, "月") && strstr(y, "日");
}

/* The characters of a region's lines. */
static size_t region_chars(const nocr_region *r)
{
    size_t chars = 0;
    for (size_t i = 0, n = nocr_region_line_count(r); i < n; i++)
        chars += nocr_utf8_count(nocr_line_text(nocr_region_line(r, i)));
    return chars;
}

/* Whether r's box meets the box of a photo of the page. Large type is text by its shape,
 * whatever Tesseract makes of it (rec_drop_unreadable), except there: a "headline" that
 * meets a photo's box and reads under PHOTO_PAGE_CONF is a piece of the photo that the
 * photo's box missed (a shadow band or a light part of the picture cut it off). Kept, such
 * a piece heads an article of its own and takes the columns under and beside it from their
 * article (fresh seeds 20261202318, 323, 325, 326: "DID" at 28, "ee" at 2, "上" and "陪"
 * at 0-29, each touching a photo). On those 61 pages one real headline touching a photo
 * read under 60 (a misreading at 32). Measured on them: CER 0.221 -> 0.216 with the
 * parting of headlines side by side (layout/roles.c), 5 pages better by 2-14 points. */
static int meets_photo(const nocr_page *page, const nocr_region *r)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *f = nocr_page_region(page, i);
        if (nocr_region_role(f) == NOCR_ROLE_FIGURE &&
            rec_box_overlap(nocr_region_box(f), nocr_region_box(r)) > 0)
            return 1;
    }
    return 0;
}

/* Rows of type, whatever recognition makes of them: at least TYPE_LINES lines, most of them
 * (TYPE_SHARE) as tall as their median line (within TYPE_EVEN of it), which is one line of
 * type (TYPE_H_MIN to TYPE_H_MAX body heights: a blurred scan's line boxes are 1.7 body
 * heights), starting where the line before or after starts (within TYPE_EDGE body
 * heights: a column's edge, drifting with a scan's skew; a paragraph's indent is the odd
 * one out), at least TYPE_LONG body heights long. Texture of a photo the layout cut into
 * lines has no such edge and no such even heights. Read under NOISE_CONF, a page of such columns
 * is a page of poor print, not a photo: fresh seed 20261213068 (160 dpi, bilevel, blurred 8.5 pt
 * type, read by the recognizer floor at CER 0.69) lost 44 of its 47 regions as a "photo" and read
 * at CER 0.99 against plain tesseract's 0.71. */
#define TYPE_LINES 3
#define TYPE_SHARE 0.75
#define TYPE_EVEN  0.25
#define TYPE_H_MIN 0.7
#define TYPE_H_MAX 2.5
#define TYPE_EDGE  0.5
#define TYPE_LONG  4
#define TYPE_MAX   256

static int rows_of_type(const nocr_region *r, int body)
{
    size_t n = nocr_region_line_count(r);
    if (n < TYPE_LINES || n > TYPE_MAX || body <= 0)
        return 0;
    int vertical = nocr_region_direction(r) == NOCR_DIR_VERTICAL;
    int start[TYPE_MAX], across[TYPE_MAX], acrosses[TYPE_MAX], longs[TYPE_MAX];
    for (size_t i = 0; i < n; i++) {
        nocr_box b = nocr_line_box(nocr_region_line(r, i));
        start[i] = vertical ? b.y : b.x;
        across[i] = acrosses[i] = vertical ? b.w : b.h;
        longs[i] = vertical ? b.h : b.w;
    }
    qsort(acrosses, n, sizeof(int), nocr_cmp_int);
    qsort(longs, n, sizeof(int), nocr_cmp_int);
    int line = acrosses[n / 2];
    if (longs[n / 2] < TYPE_LONG * body || line < TYPE_H_MIN * body || line > TYPE_H_MAX * body)
        return 0;
    size_t typed = 0;
    for (size_t i = 0; i < n; i++) {
        int prev = i > 0 ? abs(start[i] - start[i - 1]) : INT_MAX;
        int next = i + 1 < n ? abs(start[i] - start[i + 1]) : INT_MAX;
        typed += abs(across[i] - line) <= TYPE_EVEN * line &&
                 (prev <= TYPE_EDGE * body || next <= TYPE_EDGE * body);
    }
    return typed >= TYPE_SHARE * (double)n;
}

/* Gives the role NOCR_ROLE_UNKNOWN to regions that recognition could not read as text,
 * and warns when that is most of the page. "Most" is counted in characters, not regions:
 * a handful of specks read as one character each outnumbered the two columns of body
 * text on a vertical page (seed 7721), which was then left out whole. Errors: NOCR_ENOMEM
 * (the warning). */
static int rec_drop_unreadable(nocr_page *page, int body)
{
    size_t ntext = 0, dropped = 0, chars = 0, low_chars = 0, n = nocr_page_region_count(page);
    for (size_t i = 0; i < n; i++) {
        const nocr_region *r = nocr_page_region(page, i);
        if (nocr_role_is_text(nocr_region_role(r)) && nocr_region_line_count(r) > 0) {
            size_t c = region_chars(r);
            ntext++;
            chars += c;
            low_chars += nocr_region_confidence(r) < NOISE_CONF ? c : 0;
        }
    }
    int photo_page = 2 * low_chars > chars;
    float floor = photo_page ? PHOTO_PAGE_CONF : NOISE_CONF;
    for (size_t i = 0; i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(r);
        /* Headline type is text by its shape even when Tesseract doubts its reading (p04's
         * headline, misread under 20: bcde500), but where it meets a photo (meets_photo),
         * and not when it has no line's shape: one horizontal line taller than it is wide
         * is no line of type (fresh seed 20261204063: a strip of a photo, beside the box
         * the photo was given, read as a one-character headline at 5 and took the first
         * column of the page from its article). */
        nocr_box b = nocr_region_box(r);
        int large = (role == NOCR_ROLE_HEADLINE || role == NOCR_ROLE_SUBHEADLINE) &&
                    !(nocr_region_line_count(r) == 1 && b.w < b.h &&
                      nocr_region_direction(r) != NOCR_DIR_VERTICAL);
        /* A column narrower than half a body height holds no type of body size: a sliver
         * of a shadow or a border at the page's edge, read as junk (fresh seed 20261208129:
         * 11 px wide for 30 px type, its junk read at 22 once a column's confidence was
         * its characters' mean). Its reading must be as sure as on a photo page. */
        int thin = rec_vertical_sliver(r, body);
        float conf = nocr_region_confidence(r);
        if (nocr_role_is_text(role) && nocr_region_line_count(r) > 0 && !rows_of_type(r, body) &&
            ((conf < (thin ? PHOTO_PAGE_CONF : floor) && (!large || photo_page)) ||
             (large && conf < PHOTO_PAGE_CONF && meets_photo(page, r)))) {
            nocr_region_set_role(r, NOCR_ROLE_UNKNOWN);
            dropped++;
        }
    }
    if (!photo_page || ntext == 0)
        return NOCR_OK;
    char msg[160];
    snprintf(msg, sizeof(msg),
             "most of the page does not read as text (a photo?): %zu of %zu regions left out",
             dropped, ntext);
    return nocr_page_add_warning(page, msg);
}

/* The folio is one line across the top of the page: a short region in the folio band
 * level with a folio region (their rows overlap by more than half the lower one's height)
 * is a piece of it, whatever it says: the section's name, an edition number misread
 * (fresh seed 20261205038: "第24 版" and "社会", left of the date, were taken for body
 * text; no headline owning them, they joined the unowned text of a boxed article at the
 * foot of the page, which was then read first: tau 0.11). */
static void folio_row(nocr_page *page, int height)
{
    size_t n = nocr_page_region_count(page);
    for (size_t i = 0; i < n; i++) {
        const nocr_region *f = nocr_page_region(page, i);
        if (nocr_region_role(f) != NOCR_ROLE_PAGE_HEADER)
            continue;
        for (size_t j = 0; j < n; j++) {
            nocr_region *r = nocr_page_region(page, j);
            nocr_role role = nocr_region_role(r);
            int lower = nocr_region_box(r).h < nocr_region_box(f).h ? nocr_region_box(r).h
                                                                    : nocr_region_box(f).h;
            if ((role == NOCR_ROLE_BODY || role == NOCR_ROLE_SECTION_HEADING) &&
                nocr_region_line_count(r) <= SHORT_MAX_LINES &&
                rec_y1(r) < height / NOCR_FOLIO_BAND_DIV &&
                2 * rec_overlap(rec_y0(r), rec_y1(r), rec_y0(f), rec_y1(f)) > lower)
                nocr_region_set_role(r, NOCR_ROLE_PAGE_HEADER);
        }
    }
}

/* A byline stands under an article's headline or its deck, never under a heading inside
 * the body: a region taken for a section heading with a byline less than BYLINE_GAP body
 * heights under it, in its columns and nothing between, is its article's headline (fresh
 * seed 20261202128: a one-column headline in small type, 1.4 body heights, read as a
 * section heading, so its article had no head and its text went to another). In the
 * synthesizer's pages nearly every byline has a headline or subheadline right above it
 * (358 and 279 of 640 in four sets; three stand under body text or an advertisement). */
#define BYLINE_GAP 2 /* body heights */

/* The section headings stacked right over headline h, each less than its own height
 * above the one under it, in type of the same height (within HEAD_LINE_SIZE) and over
 * some of its columns, are lines of h: headlines too (articles.c joins stacked headlines
 * into one article). A two-line headline in small type, its lines of different widths,
 * comes out of the layout as two regions (tuning seed 20270113016: the first line stayed
 * a section heading at the foot of the column above, read in the article before). */
#define HEAD_LINE_SIZE 0.25
static void heading_lines_above(nocr_page *page, const nocr_region *h, int body)
{
    for (size_t steps = 0, n = nocr_page_region_count(page); steps < n; steps++) {
        nocr_region *u = rec_region_above(page, h, body);
        if (!u || nocr_region_role(u) != NOCR_ROLE_SECTION_HEADING ||
            nocr_region_direction(u) == NOCR_DIR_VERTICAL || nocr_region_line_count(u) != 1)
            return;
        int hh = nocr_region_box(h).h, uh = nocr_region_box(u).h;
        if (rec_y0(h) - rec_y1(u) >= uh || abs(uh - hh) >= HEAD_LINE_SIZE * hh ||
            rec_overlap(rec_x0(u), rec_x1(u), rec_x0(h), rec_x1(h)) <= 0)
            return;
        nocr_region_set_role(u, NOCR_ROLE_HEADLINE);
        h = u;
    }
}

/* Section headings right over a byline become headlines (see BYLINE_GAP); horizontal
 * text only. Not one under a headline or deck, however far: that is the deck, or its last
 * line cut from it (fresh seed 20261202187: a two-line deck, its second line taken for a
 * section heading, became a headline and split its article in two), and a deck set far
 * under its headline would be split from it the same way. */
static void heads_over_bylines(nocr_page *page, int body)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        const nocr_region *b = nocr_page_region(page, i);
        if (nocr_region_role(b) != NOCR_ROLE_BYLINE ||
            nocr_region_direction(b) == NOCR_DIR_VERTICAL)
            continue;
        nocr_region *h = rec_region_above(page, b, body);
        if (!h || rec_y0(b) - rec_y1(h) >= BYLINE_GAP * body ||
            nocr_region_role(h) != NOCR_ROLE_SECTION_HEADING ||
            nocr_region_direction(h) == NOCR_DIR_VERTICAL)
            continue;
        const nocr_region *above = rec_region_above(page, h, body);
        nocr_role ar = above ? nocr_region_role(above) : NOCR_ROLE_UNKNOWN;
        if (ar == NOCR_ROLE_HEADLINE || ar == NOCR_ROLE_SUBHEADLINE)
            continue;
        nocr_region_set_role(h, NOCR_ROLE_HEADLINE);
        heading_lines_above(page, h, body);
    }
}

/* A byline or deck too long for its column wraps: its last line, short and centered,
 * comes out of the layout as a region of its own and is taken for a section heading,
 * read after the body (fresh seed 20261202187 and, on the 60 tuning pages
 * 20261229200-259, 22 such lines on 13 pages: "本报记者高子涵 通讯员 张 / 晓明"). A
 * one-line section heading right under a byline or subheadline, less than WRAP_GAP of its
 * line height below it, in type of the same height (within WRAP_SIZE), and within its
 * width (a line height of slack each side) is that heading's line: it takes its role. */
#define WRAP_GAP  0.8
#define WRAP_SIZE 0.3
static void wrapped_heading_lines(nocr_page *page, int body)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        if (nocr_region_role(r) != NOCR_ROLE_SECTION_HEADING || nocr_region_line_count(r) != 1 ||
            nocr_region_direction(r) == NOCR_DIR_VERTICAL)
            continue;
        const nocr_region *u = rec_region_above(page, r, body);
        nocr_role role = u ? nocr_region_role(u) : NOCR_ROLE_UNKNOWN;
        if ((role != NOCR_ROLE_BYLINE && role != NOCR_ROLE_SUBHEADLINE) ||
            nocr_region_direction(u) == NOCR_DIR_VERTICAL || nocr_region_line_count(u) == 0)
            continue;
        int lh = nocr_line_box(nocr_region_line(u, nocr_region_line_count(u) - 1)).h;
        int h = nocr_region_box(r).h, gap = rec_y0(r) - rec_y1(u);
        if (lh > 0 && gap > -lh / 4 && gap < WRAP_GAP * lh && abs(h - lh) < WRAP_SIZE * lh &&
            rec_x0(r) >= rec_x0(u) - lh && rec_x1(r) <= rec_x1(u) + lh)
            nocr_region_set_role(r, role);
    }
}

/* Text the layout missed and the coverage check or Tesseract's layout found afterwards
 * (origin not NOCR_ORIGIN_LAYOUT) is added as body; one line of it in type at least
 * NOCR_HEADLINE_EMS body heights tall, at least RECOVERED_HEAD_WIDE times as wide as tall
 * (a row of characters, not a strip of a photo) and read surely (PHOTO_PAGE_CONF) is a
 * headline, as the layout sizes its own (layout/roles.c). A horizontal headline over a
 * vertical article in a lower tier, taken for body, had no article of its own: the
 * article was read as the run-on of the one above it (fresh seeds 20261209020, 9118).
 * Only where newsocr's layout segmented the page: on a page in an alphabetic script
 * segmented by Tesseract, lines of body text measure 1.6 body heights and more (ascenders
 * and descenders) and were made headlines by the dozen (fresh seed 20261208065). */
#define RECOVERED_HEAD_WIDE 2

static void recovered_heads(nocr_page *page, int body)
{
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_box b = nocr_region_box(r);
        if (nocr_region_origin(r) != NOCR_ORIGIN_LAYOUT && nocr_region_role(r) == NOCR_ROLE_BODY &&
            nocr_region_line_count(r) == 1 && nocr_region_direction(r) != NOCR_DIR_VERTICAL &&
            b.h >= NOCR_HEADLINE_EMS * body && b.w >= RECOVERED_HEAD_WIDE * b.h &&
            nocr_region_confidence(r) >= PHOTO_PAGE_CONF)
            nocr_region_set_role(r, NOCR_ROLE_HEADLINE);
    }
}

int rec_text_roles(nocr_page *page, int body, int own_layout)
{
    char buf[REGION_TEXT_MAX];
    int error = rec_drop_unreadable(page, body);
    if (error < 0 || (error = rec_split_bylines(page, body)) < 0)
        return error;
    if (own_layout)
        recovered_heads(page, body);
    int height = nocr_page_height(page);
    for (size_t i = 0, n = nocr_page_region_count(page); i < n; i++) {
        nocr_region *r = nocr_page_region(page, i);
        nocr_role role = nocr_region_role(r);
        if (!nocr_role_is_text(role) || role == NOCR_ROLE_UNKNOWN)
            continue;
        const char *t = region_text(r, buf, sizeof(buf));
        size_t nchars = nocr_utf8_count(t), nlines = nocr_region_line_count(r);
        /* A fragment; and one or two characters read under NOISE_CONF whatever their
         * size: no headline, but a photo's or a fold's shadow taken for one (seed
         * 20261228251: the top of a fold's dark band, read as one character at 0, headed
         * five columns of the article whose own headline stood over the first). */
        float conf = nocr_region_confidence(r);
        if (nchars == 0 ||
            (nchars <= FRAGMENT_MAX_CHARS &&
             ((nocr_region_box(r).h < FRAGMENT_MAX_HEIGHT * body && conf < FRAGMENT_CONF) ||
              conf < NOISE_CONF))) {
            nocr_region_set_role(r, NOCR_ROLE_UNKNOWN);
            continue;
        }
        /* Tesseract's layout analysis takes a byline set apart for a caption; "By" and a
         * name is no caption (a photo's credit says whose photo it is) */
        if (role == NOCR_ROLE_CAPTION && nlines == 1 && latin_byline(t) &&
            nchars <= SHORT_MAX_CHARS)
            nocr_region_set_role(r, NOCR_ROLE_BYLINE);
        if (role == NOCR_ROLE_CAPTION || nlines > SHORT_MAX_LINES)
            continue;
        /* A note sits in the lower half of the page (under the last article), a folio in
         * the folio band (core/internal.h); a date set large there is the folio too, not a
         * headline. */
        int folio = rec_y1(r) < height / NOCR_FOLIO_BAND_DIV && text_is_folio(t);
        if (role == NOCR_ROLE_HEADLINE) {
            if (folio)
                nocr_region_set_role(r, NOCR_ROLE_PAGE_HEADER);
        } else if (rec_text_is_byline(t))
            nocr_region_set_role(r, NOCR_ROLE_BYLINE);
        else if (text_is_note(t) && rec_y0(r) > height / 2)
            nocr_region_set_role(r, NOCR_ROLE_NOTE);
        else if (folio)
            nocr_region_set_role(r, NOCR_ROLE_PAGE_HEADER);
    }
    folio_row(page, height);
    wrapped_heading_lines(page, body);
    heads_over_bylines(page, body);
    return NOCR_OK;
}
