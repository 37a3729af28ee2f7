/*
 * regions.c - step 4 of the layout: a column block's lines cut into regions.
 *
 *   seg_block_regions       a block's lines cut where the text size or weight changes,
 *                           where a gap is wider than the block's usual leading, at a
 *                           printed rule, and around short centered lines
 *   block_measure           the block's usual leading, line height and ink (medians)
 *   block_mark_headings     which lines are heading type
 *
 * What is usual is the block's own median: a column of body text and a stack of heading
 * lines each measure themselves, so the rules hold for any type size.
 */
#include "layout/layout.h"

/* A line taller than HEADING_TALL percent of its block's usual line height is heading
 * type; so is one taller than HEADING_RATIO percent in bold (ink denser by HEADING_BOLD).
 * Chosen by hand on the 26 samples (commit dfb49af: bold heading lines need the ink). */
#define HEADING_TALL  125
#define HEADING_RATIO 106
#define HEADING_BOLD  1.25f
/* A line next to a heading line and within HEADING_SPREAD_PCT percent of its height,
 * bolder than half-way to HEADING_BOLD, belongs to the heading (commit abe0f2b: quotes
 * and punctuation make a bold line look lighter). */
#define HEADING_SPREAD_PCT 10
/* A block of fewer than BLOCK_MIN_STATS lines has no usual leading, line height or ink of
 * its own: DEFAULT_LEADING_DIV (half a body height) and a line 1/DEFAULT_LINE_DIV taller
 * than the body height stand in, and ink is not compared. */
#define BLOCK_MIN_STATS     3
#define DEFAULT_LEADING_DIV 2
#define DEFAULT_LINE_DIV    10
/* A gap wider than the leading plus 1/CUT_GAP_DIV body height ends a region (a blank line
 * between articles or paragraphs set apart); a short centered line no further than the
 * leading plus 1/HEAD_TAIL_DIV body height below heading lines is the heading's last line
 * (commit 8e905a4). Chosen by hand on the 26 samples. */
#define CUT_GAP_DIV   2
#define HEAD_TAIL_DIV 4
/* A centered line: white of more than a body height on both sides, equal within a body
 * height, and narrower than CENTERED_WIDTH_PCT percent of its block. */
#define CENTERED_WIDTH_PCT 90

/* The block's usual lines: median leading, line height and ink. */
typedef struct block_stats {
    int leading, line_h;
    float ink; /* 0: too few lines to know */
} block_stats;

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* True when a horizontal rule lies between y0 and y1 across more than half of [x0, x1). */
static int rule_between(const seg_page *sp, int x0, int x1, int y0, int y1)
{
    for (size_t i = 0; i < sp->nrules; i++) {
        const seg_rule *r = &sp->rules[i];
        int ry = r->box.y + r->box.h / 2;
        if (!r->vertical && ry >= y0 && ry <= y1 &&
            seg_overlap(r->box.x, r->box.x + r->box.w, x0, x1) * 2 > x1 - x0)
            return 1;
    }
    return 0;
}

/* Heading type: much taller than the block's usual lines, or a little taller and bold
 * (denser ink). */
static int is_heading_type(const seg_line *l, const block_stats *st)
{
    int h = seg_box_h(&l->box);
    if (100 * h > HEADING_TALL * st->line_h)
        return 1;
    return st->ink > 0 && 100 * h > HEADING_RATIO * st->line_h && l->ink > HEADING_BOLD * st->ink;
}

/* A short line set in the middle of its block: a section heading or a byline. */
static int line_is_centered(const seg_box *line, const seg_box *block, int body)
{
    int left = line->x0 - block->x0, right = block->x1 - line->x1;
    return left > body && right > body && abs(left - right) < body &&
           100 * seg_box_w(line) < CENTERED_WIDTH_PCT * seg_box_w(block);
}

/* Medians of the block's n lines (sorted by top). Returns 0 or NOCR_ENOMEM. */
static int block_measure(block_stats *st, const seg_line *lines, size_t n, int body)
{
    int *v = malloc(sizeof(int) * n);
    float *inks = malloc(sizeof(float) * n);
    if (!v || !inks) {
        free(v);
        free(inks);
        return NOCR_ENOMEM;
    }
    for (size_t i = 1; i < n; i++)
        v[i - 1] = lines[i].box.y0 - lines[i - 1].box.y1;
    st->leading = body / DEFAULT_LEADING_DIV;
    if (n >= BLOCK_MIN_STATS) {
        qsort(v, n - 1, sizeof(int), seg_cmp_int);
        st->leading = v[(n - 1) / 2];
    }
    for (size_t i = 0; i < n; i++) {
        v[i] = seg_box_h(&lines[i].box);
        inks[i] = lines[i].ink;
    }
    qsort(v, n, sizeof(int), seg_cmp_int);
    qsort(inks, n, sizeof(float), cmp_float);
    st->line_h = n >= BLOCK_MIN_STATS ? v[n / 2] : body + body / DEFAULT_LINE_DIV;
    st->ink = n >= BLOCK_MIN_STATS ? inks[n / 2] : 0.0f;
    free(v);
    free(inks);
    return NOCR_OK;
}

/* head[i] = 1 for the heading-type lines: taller or bolder than the block's usual lines;
 * a line next to one, as tall and almost as bold; a short centered line right after. */
static void block_mark_headings(char *head, const seg_line *lines, size_t n, const seg_box *block,
                                const block_stats *st, int body)
{
    for (size_t i = 0; i < n; i++)
        head[i] = (char)is_heading_type(&lines[i], st);
    for (int dir = 0; dir < 2; dir++) {
        for (size_t k = 1; k < n; k++) {
            size_t i = dir == 0 ? k : n - 1 - k, j = dir == 0 ? k - 1 : n - k;
            int hi = seg_box_h(&lines[i].box), hj = seg_box_h(&lines[j].box);
            if (!head[i] && head[j] && 100 * hi > HEADING_RATIO * st->line_h &&
                100 * abs(hi - hj) <= HEADING_SPREAD_PCT * hj &&
                lines[i].ink > (1.0f + HEADING_BOLD) / 2 * st->ink)
                head[i] = 1;
        }
    }
    for (size_t i = 1; i < n; i++) {
        if (!head[i] && head[i - 1] && line_is_centered(&lines[i].box, block, body) &&
            lines[i].box.y0 - lines[i - 1].box.y1 <= st->leading + body / HEAD_TAIL_DIV)
            head[i] = 1;
    }
}

static seg_region region_start(const seg_line *line, const seg_box *block, int head, int body)
{
    return (seg_region){
        line->box,     1, seg_box_h(&line->box), line_is_centered(&line->box, block, body), head,
        NOCR_ROLE_BODY};
}

int seg_block_regions(seg_regions *out, const seg_line *lines, size_t n, const seg_page *sp)
{
    int body = sp->body;
    if (n == 0)
        return NOCR_OK;
    seg_box block = lines[0].box;
    for (size_t i = 1; i < n; i++)
        seg_box_union(&block, &lines[i].box);
    block_stats st;
    char *head = malloc(n);
    if (!head || block_measure(&st, lines, n, body)) {
        free(head);
        return NOCR_ENOMEM;
    }
    block_mark_headings(head, lines, n, &block, &st, body);
    seg_region cur = region_start(&lines[0], &block, head[0], body);
    int rc = NOCR_OK;
    for (size_t i = 1; i <= n && !rc; i++) {
        int cut = i == n;
        if (!cut) {
            const seg_box *prev = &lines[i - 1].box, *b = &lines[i].box;
            int gap = b->y0 - prev->y1;
            int centered = line_is_centered(b, &block, body);
            cut = gap > st.leading + body / CUT_GAP_DIV || head[i - 1] != head[i] ||
                  (!head[i] && centered != cur.centered) ||
                  rule_between(sp, b->x0, b->x1, prev->y1, b->y0);
        }
        if (cut) {
            rc = seg_regions_push(out, cur);
            if (i < n)
                cur = region_start(&lines[i], &block, head[i], body);
        } else {
            seg_box_union(&cur.box, &lines[i].box);
            cur.nlines++;
        }
    }
    free(head);
    return rc;
}
