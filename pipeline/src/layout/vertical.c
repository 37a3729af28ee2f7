/*
 * vertical.c - the vertical pass of the layout: vertical text segmented on the page turned
 * a quarter counter-clockwise.
 *
 *   seg_vertical          which text is vertical, and its regions and columns
 *   seg_vregions_free     frees what seg_vertical returned
 *   turn_box, upright_box a box between the upright and the turned page
 *   region_columns        a turned region's lines as columns of the upright page
 *   merge_overlapping, merge_continued   turned body regions that are one block
 *   hrows_long            a horizontal-pass region whose lines can be rows
 *   trim_rule_columns     a rule's remains cut off the ends of a turned region's columns
 *   headline_reach_up     a vertical headline's top taken into a horizontal row, given back
 *   trim_beside_vertical  a horizontal region cut to what the vertical ones leave it
 *   split_over_gutters    horizontal headlines of neighbouring articles, joined on one row,
 *                         cut apart over the gutters between the articles
 *
 * Turned a quarter counter-clockwise (pixRotate90(pixs, -1)), a page of vertical text is a
 * page of horizontal text: the rightmost column is the top line, a column's top its left
 * end, tiers are columns of the turned page. The horizontal layout (lines.c to roles.c)
 * runs on it unchanged, so columns never cross the gap between two vertical lines (a
 * closing along the column joins its characters, never two columns), rules keep tiers
 * and articles apart, and large type makes headlines. The regions found are mapped back;
 * their lines, top to bottom on the turned page, are the columns right to left.
 *
 * Which text is vertical is read from the ink (direction.c) region by region, on both
 * passes: a horizontal-pass region whose ink runs in rows stays (a masthead, the folio, a
 * horizontal headline or article); a turned-pass region whose ink runs in columns replaces
 * the horizontal-pass regions under it. Text neither pass claims keeps its horizontal
 * region (fail safe: the text is read, in the wrong direction at worst).
 */
#include "layout/layout.h"

#include "layout/direction.h"
#include <stdlib.h>
#include <string.h>

/* A page is looked at for vertical text when at least PAGE_VERTICAL_MIN of its text ink
 * runs in columns. Measured: the 26 horizontal samples 0.004-0.024 (p24, the worst scan,
 * 0.099), the vertical samples p27-p34 0.70 (p29, mixed) to 0.98. */
#define PAGE_VERTICAL_MIN 0.2
/* A region is vertical when more than half its ink runs in columns. A horizontal-pass
 * region is kept as horizontal text (and hidden from the turned pass) only when less than
 * REGION_HORIZONTAL of it does: a box that a vertical headline's characters share with
 * their neighbours across (a row of two headline columns) can measure in between. */
#define REGION_VERTICAL   0.5
#define REGION_HORIZONTAL 0.25
#define LONG_ROW          3
/* A caption the horizontal pass found under its photo, whose ink measures neither way (two
 * rows of five characters), is rows when it is wider than tall by CAPTION_ROWS_MUL /
 * CAPTION_ROWS_DIV: a caption set in columns under a photo one column wide is taller than
 * wide. Undecided, its ink went to the turned pass, joined the column beside it there and
 * was read in the middle of the body (vertical tuning seed 20261213300: tau 0.87). */
#define CAPTION_ROWS_MUL 3
#define CAPTION_ROWS_DIV 2
/* A column of vertical type is one character wide: a turned-pass column of large type at
 * least WIDE_COLUMN times as wide as its characters are tall holds characters side by side,
 * rows (see wide_column). Measured: vertical headline columns 0.99-1.01 times their type
 * size (seeds 7207, 20261201276), rows of two headline characters 2.03-2.07. */
#define WIDE_COLUMN 1.5

/* The box of the upright page (width W) on the turned one, and back. */
static seg_box turn_box(const seg_box *b, int W)
{
    return (seg_box){b->y0, W - b->x1, b->y1, W - b->x0};
}

static seg_box upright_box(const seg_box *b, int W)
{
    return (seg_box){W - b->y1, b->x0, W - b->y0, b->x1};
}

void seg_vregions_free(seg_vregions *vr)
{
    for (size_t i = 0; vr && i < vr->n; i++)
        free(vr->v[i].columns);
    if (vr) {
        free(vr->v);
        *vr = (seg_vregions){NULL, 0, 0};
    }
}

/* The turned seg_page of the band of rows [y0, y1) of the upright page: figures and rules
 * of the band, shifted to it and turned (a rule's direction swaps); rules in the turned
 * folio band left out (column rules near the right edge of the upright page, not a folio's
 * rule). */
static int turned_page(seg_page *out, const seg_page *sp, int y0, int y1)
{
    *out = *sp;
    out->width = y1 - y0;
    out->height = sp->width;
    out->figures = calloc(sp->nfigures + 1, sizeof(*out->figures));
    out->rules = calloc(sp->nrules + 1, sizeof(*out->rules));
    out->nfigures = out->nrules = 0;
    if (!out->figures || !out->rules)
        return NOCR_ENOMEM;
    for (size_t i = 0; i < sp->nfigures; i++) {
        nocr_box f = sp->figures[i];
        if (f.y + f.h / 2 < y0 || f.y + f.h / 2 >= y1)
            continue;
        f.y -= y0;
        out->figures[out->nfigures++] = (nocr_box){f.y, sp->width - f.x - f.w, f.h, f.w};
    }
    for (size_t i = 0; i < sp->nrules; i++) {
        nocr_box r = sp->rules[i].box;
        if (r.y + r.h / 2 < y0 || r.y + r.h / 2 >= y1)
            continue;
        r.y -= y0;
        seg_rule t = {{r.y, sp->width - r.x - r.w, r.h, r.w}, !sp->rules[i].vertical};
        if (!t.vertical && t.box.y < out->height / NOCR_FOLIO_BAND_DIV)
            continue;
        out->rules[out->nrules++] = t;
    }
    return NOCR_OK;
}

/* The lines of the turned band inside turned region box rb, those on one row joined, top
 * to bottom, as upright columns (right to left, dy added: the band's top) into vr. */
static int region_columns(seg_vregion *vr, const seg_lines *lines, const seg_box *rb, int W,
                          int dy)
{
    size_t cap = 0;
    for (size_t i = 0; i < lines->n; i++) {
        const seg_box *b = &lines->v[i].box;
        if (!seg_centre_in(b, rb))
            continue;
        size_t j = 0;
        seg_box ub = upright_box(b, W);
        ub.y0 += dy;
        ub.y1 += dy;
        while (j < vr->ncolumns) {
            seg_box col = vr->columns[j];
            col.y0 -= dy;
            col.y1 -= dy;
            seg_box tb = turn_box(&col, W);
            if (seg_same_row(&tb, b))
                break;
            j++;
        }
        if (j < vr->ncolumns) {
            seg_box_union(&vr->columns[j], &ub);
            continue;
        }
        if (NOCR_ARRAY_GROW(vr->columns, cap, vr->ncolumns + 1))
            return NOCR_ENOMEM;
        vr->columns[vr->ncolumns++] = ub;
    }
    /* right to left by their middles (insertion sort: a region has few columns); a short
     * column's right edge can stand out past a long one's where the scan is skewed */
    for (size_t i = 1; i < vr->ncolumns; i++)
        for (size_t j = i; j > 0 && vr->columns[j].x0 + vr->columns[j].x1 >
                                        vr->columns[j - 1].x0 + vr->columns[j - 1].x1;
             j--) {
            seg_box t = vr->columns[j];
            vr->columns[j] = vr->columns[j - 1];
            vr->columns[j - 1] = t;
        }
    return NOCR_OK;
}

/* Body regions of the turned page whose boxes overlap are one: a column cut in two by the
 * gap after a punctuation mark (a vertical comma sits in the top right of its cell) can
 * leave its lower part in a block of its own, stacked with the next column's; the columns
 * are joined again by region_columns, which merges the lines of one row. */
static void merge_overlapping(seg_regions *tr)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < tr->n; i++)
            for (size_t j = 0; j < tr->n; j++) {
                seg_region *a = &tr->v[i], *b = &tr->v[j];
                if (i == j || a->role != NOCR_ROLE_BODY || b->role != NOCR_ROLE_BODY ||
                    !seg_overlap(a->box.x0, a->box.x1, b->box.x0, b->box.x1) ||
                    !seg_overlap(a->box.y0, a->box.y1, b->box.y0, b->box.y1))
                    continue;
                seg_box_union(&a->box, &b->box);
                a->nlines += b->nlines;
                b->role = NOCR_ROLE_UNKNOWN;
                changed = 1;
            }
    }
}

/* A horizontal rule of the upright page across [x0, x1) between rows y0
 * and y1 (a body height of slack). */
static int rule_across(const seg_page *sp, int x0, int x1, int y0, int y1)
{
    for (size_t i = 0; i < sp->nrules; i++) {
        const nocr_box *r = &sp->rules[i].box;
        int cy = r->y + r->h / 2;
        if (!sp->rules[i].vertical && seg_overlap(x0, x1, r->x, r->x + r->w) > 0 &&
            cy >= y0 - sp->body && cy <= y1 + sp->body)
            return 1;
    }
    return 0;
}

/* A turned-page region that can be a piece of body: body, or a heading of one or two lines
 * in body type (no larger than CONTINUED_HEAD_PCT percent of the body height, not bold).
 * The cut made by level punctuation takes a paragraph's first column, set in from the top,
 * apart as a short line with white on both ends, which the roles take for a centered
 * heading (vertical tuning seed 20261222209: two first columns of a block read as a
 * subheadline and a section heading, the other halves of their columns after them). */
#define CONTINUED_HEAD_PCT 115

static int piece_of_body(const seg_region *r, const seg_page *sp)
{
    if (r->role == NOCR_ROLE_BODY)
        return 1;
    return (r->role == NOCR_ROLE_SECTION_HEADING || r->role == NOCR_ROLE_SUBHEADLINE) &&
           r->nlines <= 2 && !r->heading && 100 * r->line_h <= CONTINUED_HEAD_PCT * sp->body;
}

/* A heading of the turned page in the type of the body columns beside it (no larger than
 * CONTINUED_HEAD_PCT percent of their median column width, not bold) and at least
 * LONG_HEAD_EMS body heights long is a column of body text: the one column of a short
 * article, white on both sides in its tier, is a line on its own or a centered line to
 * the roles (tuning seed 20261228211: three articles of one column each read as
 * subheadlines and section headings, CER 0.37; the columns there measure 1.2 body heights
 * across, as the page's other columns do). Vertical headings are a phrase, up to about
 * fifteen characters on the samples and the synthetic pages. By hand. */
#define LONG_HEAD_EMS 20

static int long_body_heading(const seg_region *r, int column_w, const seg_page *sp)
{
    return (r->role == NOCR_ROLE_SECTION_HEADING || r->role == NOCR_ROLE_SUBHEADLINE) &&
           r->nlines <= 2 && !r->heading && 100 * r->line_h <= CONTINUED_HEAD_PCT * column_w &&
           seg_box_w(&r->box) >= LONG_HEAD_EMS * sp->body;
}

/* The median column width (line height on the turned page) of the body regions of tr, the
 * body height when there are none. */
static int body_column_width(const seg_regions *tr, const seg_page *sp)
{
    int v[64], n = 0;
    for (size_t i = 0; i < tr->n && n < 64; i++)
        if (tr->v[i].role == NOCR_ROLE_BODY)
            v[n++] = tr->v[i].line_h;
    if (n == 0)
        return sp->body;
    qsort(v, (size_t)n, sizeof(int), seg_cmp_int);
    return v[n / 2];
}

/* Body regions of the turned page (band top y0 on the upright page), or a piece of body
 * (piece_of_body) and a body region, one after the other along their rows, the second
 * within the rows of the first or the first within the second's, less than 1.5 body
 * heights apart and with no rule between them, are one body region: the columns of a
 * block were all cut at the same height by the gaps after punctuation marks standing
 * level (a vertical comma or full stop fills the top of its cell, and the gap after it
 * looks like a gutter across the block), or a column runs on past its neighbours' ends
 * after such a gap (seed 7109: three columns read as an upper and a lower block, their
 * halves interleaved; 7115: a column's last fifteen characters read apart). Two articles
 * one above the other in a tier stand further apart, or have a rule or a headline between
 * them. Within the rows means sharing some: a speck less than half a body height across
 * (a border remnant at the page's edge) shares none, and took the tier's whole width into
 * a block's box (vcheck 7323: columns read twice, OFE 0.37). */
static void merge_continued(seg_regions *tr, const seg_page *sp, int y0)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < tr->n; i++)
            for (size_t j = 0; j < tr->n; j++) {
                seg_region *a = &tr->v[i], *b = &tr->v[j];
                int gap = b->box.x0 - a->box.x1;
                int ha = seg_box_h(&a->box), hb = seg_box_h(&b->box);
                int rows = seg_overlap(a->box.y0, a->box.y1, b->box.y0, b->box.y1);
                if (i == j || !piece_of_body(a, sp) || !piece_of_body(b, sp) ||
                    (a->role != NOCR_ROLE_BODY && b->role != NOCR_ROLE_BODY) || gap < 0 ||
                    2 * gap >= 3 * sp->body || rows <= 0 ||
                    rows < (ha < hb ? ha : hb) - sp->body / 2)
                    continue;
                seg_box ua = upright_box(&a->box, sp->width);
                if (rule_across(sp, ua.x0, ua.x1, y0 + ua.y1, y0 + ua.y1 + gap))
                    continue;
                seg_box_union(&a->box, &b->box);
                a->nlines += b->nlines;
                a->role = NOCR_ROLE_BODY;
                b->role = NOCR_ROLE_UNKNOWN;
                changed = 1;
            }
    }
}

/* Segments the band of rows [y0, y1) of pixb turned: its lines and regions into tl and tr
 * (turned band pixels). */
static int turned_layout(seg_lines *tl, seg_regions *tr, PIX *pixb, const seg_page *sp, int y0,
                         int y1)
{
    seg_page tsp = {0};
    BOX *box = boxCreate(0, y0, sp->width, y1 - y0);
    PIX *pixband = box ? pixClipRectangle(pixb, box, NULL) : NULL;
    PIX *pixt = pixband ? pixRotate90(pixband, -1) : NULL;
    int rc = pixt ? turned_page(&tsp, sp, y0, y1) : NOCR_ENOMEM;
    if (!rc)
        rc = seg_find_lines(tl, pixt, &tsp);
    if (!rc && seg_find_regions(tr, tl, &tsp))
        rc = NOCR_ENOMEM;
    boxDestroy(&box);
    pixDestroy(&pixband);
    pixDestroy(&pixt);
    free(tsp.figures);
    free(tsp.rules);
    return rc;
}

/* The tiers of the page: the rows between the horizontal rules at least half the page wide
 * (a tier rule, the folio's), into cuts: band k is [cuts[k], cuts[k + 1]). Returns the
 * number of bands. Each band is segmented apart, so that text of two tiers is never one
 * region: two headlines in line in two tiers would be one line of large type on the turned
 * page whenever the tier gap is narrower than a headline character. */
#define MAX_BANDS 32

static int page_bands(int *cuts, const seg_page *sp)
{
    int n = 0;
    cuts[n++] = 0;
    for (size_t i = 0; i < sp->nrules && n < MAX_BANDS; i++) {
        const nocr_box *r = &sp->rules[i].box;
        if (!sp->rules[i].vertical && 2 * r->w >= sp->width)
            cuts[n++] = r->y + r->h / 2;
    }
    qsort(cuts, (size_t)n, sizeof(int), seg_cmp_int);
    cuts[n] = sp->height;
    return n;
}

/* A horizontal-pass region kept horizontal hides the vertical text found under it only
 * when its lines can be rows: LONG_ROW characters long (its width in line heights). A
 * column of headline characters cut into lines of one character each can measure
 * horizontal at the body's closing (the flat strokes of 一 and 上 are long pieces, the
 * characters stand too far apart to join): seed 7107, whose vertical headline stayed in
 * four pieces, one of them taken for an article of its own. */
static int hrows_long(const seg_region *h)
{
    return seg_box_w(&h->box) >= LONG_ROW * (h->line_h > 0 ? h->line_h : 1);
}

/* A headline whose ink decides nothing (seg_ink_direction: no long piece either way, its
 * characters further apart than the body's closing joins; seg_ink_grid_direction: no
 * clean gaps, as when a second, shorter row stands centred under the first and no white
 * runs through both) is taken as rows when the horizontal pass found it in two lines or
 * more, each at least LONG_ROW characters long: the line finder joins the characters of a
 * row, never those of a column, so such lines hold characters side by side, which a
 * vertical headline's rows (one character per column of it) are not. Such a headline is
 * then hidden from the turned pass like any row kept horizontal, whatever its box's
 * shape. Left undecided, a horizontal headline of two rows over a tier's columns went to
 * the turned pass, which took its characters (narrower than 1.45 body heights) for body
 * lines and joined them to the columns under them (merge_continued): the columns, widened
 * to the headline's type, read as garbage, two of them as one (fresh seed 20261202220, a
 * bilevel scan: the bottom tier's article read as garbage and one character a line, CER
 * 0.42; 0.017 with this). Not one line alone, nor a region holding a shorter piece: a
 * single "row" can be the top characters of vertical headlines side by side, a short
 * piece a column's top (tuning seeds 7722, 7815, 7822 and two held-out pages lost
 * characters from their columns when those were taken as rows). */
static int headline_rows(const seg_region *h, double d, int grid, const seg_lines *lines)
{
    if (d >= 0 || grid >= 0 || (h->role != NOCR_ROLE_HEADLINE && h->role != NOCR_ROLE_SUBHEADLINE))
        return 0;
    int n = 0;
    for (size_t k = 0; k < lines->n; k++) {
        const seg_box *b = &lines->v[k].box;
        if (!seg_centre_in(b, &h->box))
            continue;
        if (seg_box_w(b) < LONG_ROW * seg_box_h(b))
            return 0; /* a piece that is no row: a column's top, a character apart */
        n++;
    }
    return n >= 2;
}

/* A turned region of large type (a headline's) whose widest column is at least WIDE_COLUMN
 * characters of its type wide (size: seg_ink_type_size) is a horizontal headline set in
 * rows of two or three characters, as narrow as the article's columns under it, when a
 * horizontal-pass text region holds its middle: the rows are set closer than the body's
 * leading (0.25 em), so that the closing at the type's own size joins them into one
 * column, which measured vertical; the horizontal pass found its rows (seeds 7207 and
 * 20261201276: the headline read as garbage down its two character columns and dropped,
 * its text read back as body, and its article run on into the one above). */
static int wide_column(const seg_vregion *vr, const seg_regions *hregions, PIX *pixb, int body)
{
    int widest = 0;
    if (vr->r.role != NOCR_ROLE_HEADLINE && vr->r.role != NOCR_ROLE_SUBHEADLINE)
        return 0;
    for (size_t c = 0; c < vr->ncolumns; c++)
        if (seg_box_w(&vr->columns[c]) > widest)
            widest = seg_box_w(&vr->columns[c]);
    if (widest < WIDE_COLUMN * seg_ink_type_size(pixb, &vr->r.box, body))
        return 0;
    for (size_t h = 0; h < hregions->n; h++)
        if (hregions->v[h].role != NOCR_ROLE_UNKNOWN && nocr_role_is_text(hregions->v[h].role) &&
            seg_centre_in(&vr->r.box, &hregions->v[h].box))
            return 1;
    return 0;
}

/* The direction of headline r set in a grid of two or more lines each way (two columns of
 * six characters, three rows of four), from its white gaps (seg_ink_grid_direction): 1
 * columns, 0 rows, -1 not a headline or undecided. Such a block's ink gives no sure
 * direction at the body's closing (its characters stand further apart than it joins,
 * and their own strokes make long pieces either way) nor at the type's size (which
 * bridges the leading too), and its outline fits either reading; the leading, wider than
 * the tracking, does not (fresh seed 20261201757: two headlines of two columns of six
 * characters each measured as rows and read across, as garbage, both articles' text read
 * back as body pieces elsewhere; the same page holds a headline in three rows of four). */
static int headline_grid(const seg_region *r, PIX *pixb)
{
    if (r->role != NOCR_ROLE_HEADLINE && r->role != NOCR_ROLE_SUBHEADLINE)
        return -1;
    return seg_ink_grid_direction(pixb, &r->box);
}

/* A column's end can hold the remains of a rule across the page that the clean-up did not
 * take out (slanted, or broken by a fold's shadow): on the turned page it is a short stroke
 * at the line's end, and the turned pass joins it to the column or keeps it as a column of
 * its own. A run of the column's ink along it (rows with ink, apart by white) at either
 * end that is thinner than a third of a body height, at least RULE_PIECE_W body heights
 * wide (wider than any character: a 一 is one at most) and more than half a body height
 * from the next ink (a column's characters are set closer) is such a remains: the column
 * is cut to the ink left, and a column that is nothing else is dropped. Without this a
 * body's box reached up into the rule, wider than its columns and higher than the
 * headline beside it, and the body was read before its headline (fresh seed
 * 20261202021). */
#define RULE_PIECE_W 1.5
#define RUNS_MAX     64
/* Runs of ink closer than ROW_JOIN body heights are one: a character's strokes (三), a
 * hollow rule's two edges (also part_rows's figure for the rows of a headline). */
#define ROW_JOIN 0.25

/* Is run [y0, y1) of column c a rule's remains (thin, wider than a character)? */
static int rule_piece(PIX *pixb, const seg_box *c, int y0, int y1, int body)
{
    seg_box band = {c->x0, y0, c->x1, y1}, ink;
    return 3 * (y1 - y0) < body && seg_ink_box(&ink, pixb, &band) &&
           seg_box_w(&ink) >= RULE_PIECE_W * body;
}

/* Cuts the rule's remains off the ends of column c (see above); 0 when nothing is left. */
static int trim_rule_ends(seg_box *c, PIX *pixb, int body)
{
    int y0[RUNS_MAX], y1[RUNS_MAX], n = seg_ink_runs(y0, y1, pixb, c, ROW_JOIN * body, RUNS_MAX);
    if (n < 1 || n > RUNS_MAX)
        return 1;
    if (n == 1)
        return !rule_piece(pixb, c, y0[0], y1[0], body);
    int first = 0, last = n - 1;
    if (2 * (y0[1] - y1[0]) > body && rule_piece(pixb, c, y0[0], y1[0], body))
        first = 1;
    if (last > first && 2 * (y0[last] - y1[last - 1]) > body &&
        rule_piece(pixb, c, y0[last], y1[last], body))
        last--;
    if (first == 0 && last == n - 1)
        return 1;
    seg_box rest = {c->x0, y0[first], c->x1, y1[last]}, ink;
    if (seg_ink_box(&ink, pixb, &rest))
        *c = ink;
    return 1;
}

/* trim_rule_ends on each column of vr; its box is the union of the columns left, unless
 * none is (the region is left as it was: the caller's measures decide on it). */
static void trim_rule_columns(seg_vregion *vr, PIX *pixb, int body)
{
    size_t kept = 0;
    int changed = 0;
    seg_box *cut = malloc(sizeof(seg_box) * (vr->ncolumns + 1));
    for (size_t k = 0; cut && k < vr->ncolumns; k++) {
        seg_box c = vr->columns[k];
        if (!trim_rule_ends(&c, pixb, body)) {
            changed = 1;
            continue;
        }
        changed |= memcmp(&c, &vr->columns[k], sizeof c) != 0;
        cut[kept++] = c;
    }
    if (!cut || kept == 0 || !changed) {
        free(cut); /* out of memory: the columns are left as they are */
        return;
    }
    memcpy(vr->columns, cut, sizeof(seg_box) * kept);
    free(cut);
    vr->ncolumns = kept;
    vr->r.box = vr->columns[0];
    for (size_t k = 1; k < kept; k++)
        seg_box_union(&vr->r.box, &vr->columns[k]);
}

/* A headline (or subheadline) that the turned pass found as one column at least LONG_ROW
 * characters tall (its height in widths) is kept as vertical text whatever its ink
 * measures, unless its white gaps read as rows (headline_grid). Its ink tells little: its
 * characters stand further apart than the closing at their measured size joins, so that it gives
 * no long piece (fresh seed 20261201757) or only the flat strokes of a few characters, joined
 * across at that size (20261202017: a column of ten characters, six of them measured as
 * rows, left in horizontal pieces of one or two characters). Its outline allows no other
 * reading: rows one character long are read top to bottom as the column would be, so
 * keeping it loses nothing, while left to the horizontal pass it stays in pieces of one
 * to three characters, each read as a headline of its own and garbled (757: a headline
 * of six characters in three pieces, two of them read as garbage). A horizontal-pass
 * region decided as rows still hides it (band_regions), and wide_column still drops it
 * when its characters stand side by side. The caller asks for type larger than the
 * body's too (characters found, not a rule's or a photo's remains). A subheadline too:
 * the turned pass sizes a line against the others, and beside a headline set in rows of
 * two characters (a line twice as tall on the turned page) a column of single characters
 * came out as subheadline type; left in pieces, each began an article of its own and the
 * three articles of the page were read interleaved (vertical tuning seed 20270108121:
 * tau 0.62, 0.86 with this; no other of 150 tuning pages changed). */
static int lone_column(const seg_vregion *vr)
{
    const seg_box *b = &vr->r.box;
    return vr->ncolumns == 1 &&
           (vr->r.role == NOCR_ROLE_HEADLINE || vr->r.role == NOCR_ROLE_SUBHEADLINE) &&
           seg_box_h(b) >= LONG_ROW * seg_box_w(b);
}

/* The foot of a turned headline region dropped as rows (wide_column) that is a body
 * column's top: ink below the rows, apart from them by white at least FOOT_GAP body
 * heights tall, no wider than a body column (WIDE_COLUMN body heights). The turned pass
 * joins the column of a horizontal headline's rows (two characters each, set over one
 * column of its article) with the column under it, where that column starts right below
 * the rows; dropped with the rows, the column's first characters came back only from the
 * coverage check, read before the column beside it (vertical tuning seed 20270102232:
 * tau 0.94). The foot becomes a body region of one column (*foot, its column allocated);
 * join_feet gives it to the column under it. Returns 1 when there is one, 0 when not,
 * -1 when out of memory. */
#define FOOT_GAP  0.5
#define FOOT_RUNS 16
#define FEET_MAX  8
#define FOOT_JOIN 2
static int rows_foot(seg_vregion *foot, const seg_region *r, PIX *pixb, int body)
{
    int y0[FOOT_RUNS], y1[FOOT_RUNS];
    int n = seg_ink_runs(y0, y1, pixb, &r->box, FOOT_GAP * body, FOOT_RUNS);
    if (n < 2 || n > FOOT_RUNS)
        return 0;
    seg_box b = {r->box.x0, y0[n - 1], r->box.x1, y1[n - 1]};
    if (!seg_ink_box(&b, pixb, &b) || seg_box_h(&b) < body || seg_box_w(&b) > WIDE_COLUMN * body)
        return 0;
    *foot = (seg_vregion){*r, malloc(sizeof(seg_box)), 1};
    if (!foot->columns)
        return -1;
    foot->r.role = NOCR_ROLE_BODY;
    foot->r.box = foot->columns[0] = b;
    foot->r.nlines = 1;
    return 1;
}

static void free_feet(seg_vregion *feet, int n)
{
    for (int k = 0; k < n; k++)
        free(feet[k].columns);
}

/* Each foot (rows_foot) joins the body column right under it: the column's top less than
 * FOOT_JOIN body heights below the foot's bottom (a column's punctuation leaves white as
 * tall as a character: 。「 measured 1.7), under more than half of the foot's width, no rule
 * between. A foot no column takes is a body region of its own (its text read down its
 * column, where it stands). Returns 0 or NOCR_ENOMEM. */
static int join_feet(seg_vregions *out, seg_vregion *feet, int nfeet, const seg_page *sp)
{
    int rc = NOCR_OK;
    for (int f = 0; f < nfeet; f++) {
        const seg_box *fb = &feet[f].r.box;
        seg_box *under = NULL, *box = NULL;
        for (size_t v = 0; v < out->n && !under; v++) {
            seg_vregion *o = &out->v[v];
            for (size_t k = 0; o->r.role == NOCR_ROLE_BODY && k < o->ncolumns && !under; k++) {
                seg_box *c = &o->columns[k];
                if (c->y0 >= fb->y1 - sp->body / 2 && c->y0 - fb->y1 < FOOT_JOIN * sp->body &&
                    2 * seg_overlap(c->x0, c->x1, fb->x0, fb->x1) > seg_box_w(fb) &&
                    !seg_ruled_apart(sp, c, fb)) {
                    under = c;
                    box = &o->r.box;
                }
            }
        }
        if (under) {
            under->y0 = fb->y0;
            box->y0 = fb->y0 < box->y0 ? fb->y0 : box->y0;
            free(feet[f].columns);
        } else if (!rc && !NOCR_ARRAY_GROW(out->v, out->cap, out->n + 1)) {
            out->v[out->n++] = feet[f];
        } else {
            free(feet[f].columns);
            rc = NOCR_ENOMEM;
        }
    }
    return rc;
}

/* The vertical regions of one band (tl, tr: its turned lines and regions; y0 its top) into
 * out, unless they lie on text kept horizontal. A region of one column is measured at the
 * size of its type (seg_ink_type_size): headline type is 1.5-3 body heights and set
 * solid, its characters further apart than the body's closing joins (seed 7112: a
 * six-character vertical headline gave no long pieces and stayed in horizontal pieces of
 * one to three characters, read as headlines of their own). A block of several columns
 * of large type keeps the body's closing: at its own size the closing also bridges the
 * tighter leading of headline type, and a horizontal headline of three lines of three
 * characters measured vertical (7122). Returns 0 or NOCR_ENOMEM. */
static int band_regions(seg_vregions *out, const seg_lines *tl, seg_regions *tr,
                        const seg_regions *hregions, const signed char *hdir, PIX *pixb,
                        const seg_page *sp, int y0, nocr_direction_mode mode)
{
    /* A caption of the turned page is text beside a photo upright, where the article's
     * columns run on beside it: they are body (vertical tuning seed 20261209025: two
     * columns left of a photo at the top of their tier, 68 characters, were read after
     * the article as its caption; held-out 20261209118: one column as long as the tier).
     * Captions under a photo are the horizontal pass's; a caption set down a photo's side
     * is read as body. It is body before the pieces of one block are joined: the columns'
     * lower half above a photo at their foot, cut from their upper half where both
     * columns held a comma at one height, stayed apart as that caption and was read after
     * the upper half's two columns (vertical tuning seed 20261214312: paragraphs
     * interleaved, CER 0.28). */
    seg_vregion feet[FEET_MAX];
    int nfeet = 0;
    int column_w = body_column_width(tr, sp);
    for (size_t i = 0; i < tr->n; i++)
        if (tr->v[i].role == NOCR_ROLE_CAPTION || long_body_heading(&tr->v[i], column_w, sp))
            tr->v[i].role = NOCR_ROLE_BODY;
    merge_overlapping(tr);
    merge_continued(tr, sp, y0);
    for (size_t i = 0; i < tr->n; i++) {
        seg_region r = tr->v[i];
        if (r.role == NOCR_ROLE_UNKNOWN)
            continue;
        r.box = upright_box(&tr->v[i].box, sp->width);
        r.box.y0 += y0;
        r.box.y1 += y0;
        if (r.role == NOCR_ROLE_PAGE_HEADER)
            r.role = NOCR_ROLE_BODY; /* the folio is horizontal */
        seg_vregion vr = {r, NULL, 0};
        if (region_columns(&vr, tl, &tr->v[i].box, sp->width, y0)) {
            free(vr.columns);
            return NOCR_ENOMEM;
        }
        trim_rule_columns(&vr, pixb, sp->body);
        r.box = vr.r.box;
        /* one column of large type (a vertical headline) measured at its own size */
        int size = vr.ncolumns == 1 ? seg_ink_type_size(pixb, &r.box, sp->body) : sp->body;
        int grid = mode == NOCR_DIRECTION_AUTO ? headline_grid(&r, pixb) : -1;
        double d =
            grid < 0 && mode == NOCR_DIRECTION_AUTO ? seg_ink_direction(pixb, &r.box, size) : -1;
        int keep = mode != NOCR_DIRECTION_AUTO || grid == 1 || d > REGION_VERTICAL ||
                   (grid < 0 && size > sp->body && lone_column(&vr));
        if (keep && grid < 0 && mode == NOCR_DIRECTION_AUTO &&
            wide_column(&vr, hregions, pixb, sp->body)) {
            int found = nfeet < FEET_MAX ? rows_foot(&feet[nfeet], &r, pixb, sp->body) : 0;
            if (found < 0) {
                free(vr.columns);
                free_feet(feet, nfeet);
                return NOCR_ENOMEM;
            }
            nfeet += found;
            keep = 0;
        }
        for (size_t h = 0; h < hregions->n && keep; h++)
            keep = !(hregions->v[h].role != NOCR_ROLE_UNKNOWN && hdir[h] == 0 &&
                     hrows_long(&hregions->v[h]) && seg_centre_in(&r.box, &hregions->v[h].box));
        if (!keep || NOCR_ARRAY_GROW(out->v, out->cap, out->n + 1)) {
            free(vr.columns);
            if (keep) {
                free_feet(feet, nfeet);
                return NOCR_ENOMEM;
            }
            continue;
        }
        vr.r.nlines = (int)vr.ncolumns;
        out->v[out->n++] = vr;
    }
    return join_feet(out, feet, nfeet, sp);
}

/* The vertical region whose box holds more than half of box b, NULL when none. */
static const seg_vregion *vregion_holding(const seg_vregions *vr, const seg_box *b)
{
    long area = (long)seg_box_w(b) * seg_box_h(b);
    for (size_t v = 0; v < vr->n; v++) {
        const seg_box *o = &vr->v[v].r.box;
        if (2L * seg_overlap(b->x0, b->x1, o->x0, o->x1) *
                seg_overlap(b->y0, b->y1, o->y0, o->y1) >
            area)
            return &vr->v[v];
    }
    return NULL;
}

/* Inserts b's horizontal span into the n spans x0/x1 kept sorted by left edge (room for
 * one more); returns the new count. */
static int span_insert(int *x0, int *x1, int n, const seg_box *b)
{
    int k = n;
    for (; k > 0 && x0[k - 1] > b->x0; k--) {
        x0[k] = x0[k - 1];
        x1[k] = x1[k - 1];
    }
    x0[k] = b->x0;
    x1[k] = b->x1;
    return n + 1;
}

/* A column of one region that the turned pass found only in part (large type at a low
 * resolution, noisy: its characters stand further apart than the closing joins, and the
 * rest measured too little of a column to be kept) goes on in the pieces the horizontal
 * pass made of its other characters: regions not decided as rows (hdir != 0) no wider
 * than the column (within half a body height each side), less than the column's width
 * (a character's height) above or below it, no rule between. The column takes them in,
 * nearest first, until none is left; the pieces, their centres now in the column, are
 * dropped after (seg_vertical). Without this the headline stayed in pieces of one or two
 * characters read as headlines and body of articles of their own (fresh seed
 * 20261201627: a column of ten headline characters, four found by the turned pass, tau
 * 0.73). Only one-column regions: the pieces of a column are as narrow as it. A piece
 * that another vertical region holds is that region's: a headline column over an
 * article's columns, no wider than them, took in their pieces as its own down to the
 * foot of the page, and was dropped as standing over them (fresh seed 20270103032: the
 * article read as the run-on of the one above, CER 0.27). */
static void column_pieces(seg_vregions *vr, const seg_regions *hregions, const signed char *hdir,
                          const seg_page *sp)
{
    int slack = sp->body / 2;
    for (size_t v = 0; v < vr->n; v++) {
        seg_vregion *c = &vr->v[v];
        if (c->ncolumns != 1)
            continue;
        for (int grown = 1; grown;) {
            seg_box *b = &c->r.box;
            int wide = seg_box_w(b);
            grown = 0;
            for (size_t h = 0; h < hregions->n; h++) {
                const seg_region *r = &hregions->v[h];
                const seg_box *hb = &r->box;
                if (hdir[h] == 0 || r->role == NOCR_ROLE_UNKNOWN ||
                    r->role == NOCR_ROLE_PAGE_HEADER || !nocr_role_is_text(r->role) ||
                    hb->x0 < b->x0 - slack || hb->x1 > b->x1 + slack ||
                    (hb->y0 >= b->y0 && hb->y1 <= b->y1))
                    continue;
                int gap = hb->y0 >= b->y1 ? hb->y0 - b->y1 : hb->y1 <= b->y0 ? b->y0 - hb->y1 : 0;
                if (gap >= wide || seg_ruled_apart(sp, b, hb))
                    continue;
                const seg_vregion *holder = vregion_holding(vr, hb);
                if (holder && holder != c)
                    continue;
                b->y0 = hb->y0 < b->y0 ? hb->y0 : b->y0;
                b->y1 = hb->y1 > b->y1 ? hb->y1 : b->y1;
                c->columns[0].y0 = b->y0;
                c->columns[0].y1 = b->y1;
                grown = 1;
            }
        }
    }
}

/* The tight box of the ink of pixb inside b into *out; 0 when b holds no ink. */
/* A part of a line cut out of a wider one is split into its rows when its ink stands in
 * at least two runs of rows each ROW_MIN body heights tall, apart by white: the
 * horizontal pass joins the rows of a horizontal headline into one line where large type
 * beside it (the top of a vertical headline, taller than the rows' pitch) spans them all;
 * cut to its span, the line still held two rows, which Tesseract reads as one line of
 * garbage (seed 20261201609: a two-row headline read as nothing, its text found again by
 * the coverage check as body, its article run on into the one above; and a row read twice,
 * by its own line and by the tall one). Ink runs closer than ROW_JOIN body heights are one
 * row (the strokes of a character such as 三 leave thin white rows). A row that another
 * horizontal region of the page holds (its centre in that region's box) is left to it. */
#define ROW_MIN  1
#define ROWS_MAX 16

static int part_rows(int *y0, int *y1, PIX *pixb, const seg_box *b, int body)
{
    int n = seg_ink_runs(y0, y1, pixb, b, ROW_JOIN * body, ROWS_MAX); /* more: not rows of type */
    for (int k = 0; k < n && n <= ROWS_MAX; k++)
        if (y1[k] - y0[k] < ROW_MIN * body)
            return 1;
    return n <= ROWS_MAX ? n : 1;
}

/* Does another live horizontal text region than self hold the centre of b? */
static int held_elsewhere(const seg_regions *hregions, const seg_region *self, const seg_box *b)
{
    for (size_t h = 0; h < hregions->n; h++) {
        const seg_region *o = &hregions->v[h];
        if (o != self && o->role != NOCR_ROLE_UNKNOWN && nocr_role_is_text(o->role) &&
            seg_centre_in(b, &o->box))
            return 1;
    }
    return 0;
}

/* Splits each line cut[0..ncut) of lines into its rows (part_rows); the rows are
 * appended, the line moved off the page. Returns 0 or NOCR_ENOMEM. */
static int split_parts(seg_lines *lines, const size_t *cut, size_t ncut,
                       const seg_regions *hregions, const seg_region *self, PIX *pixb, int body)
{
    static const seg_box gone = {-1, -1, -1, -1};
    for (size_t c = 0; c < ncut; c++) {
        size_t i = cut[c];
        int y0[ROWS_MAX], y1[ROWS_MAX];
        seg_box b = lines->v[i].box;
        int n = part_rows(y0, y1, pixb, &b, body);
        if (n < 2)
            continue;
        for (int k = 0; k < n; k++) {
            seg_box row = {b.x0, y0[k], b.x1, y1[k]}, ink;
            if (!seg_ink_box(&ink, pixb, &row) || held_elsewhere(hregions, self, &ink))
                continue;
            seg_line l = lines->v[i];
            l.box = ink;
            if (seg_lines_push(lines, l))
                return NOCR_ENOMEM;
        }
        lines->v[i].box = gone;
    }
    return NOCR_OK;
}

/* A horizontal-pass region that stays beside vertical regions loses what they read: its
 * lines that lie mostly in a vertical region (a row of the first characters of the
 * columns under a horizontal headline, joined to the headline's block), then, when
 * vertical regions run over more than half its height, the parts of its lines outside the
 * widest span of its columns they leave free (a horizontal headline joined on its row
 * with the tops of the columns beside it); its box shrinks to what is left, and a region
 * left without a span a body height wide, or without lines, is dropped. Without this the
 * horizontal pass's lines were read as garbage before the columns read their characters
 * again (seed 7121: a headline of eight characters 34 body heights wide, which also took
 * the next article's vertical headlines for its second deck, and the column tops under
 * another headline, which then ended below the top of its text and owned none of it).
 * Lines cut away get an empty box off the page (seg_region_add_lines takes a line by its
 * centre). A line cut to the span is split into its rows (split_parts), and the region's
 * box is drawn around its own lines only, not those another region holds (its box would
 * take them in, and seg_region_add_lines would give them to both). Returns 0 or
 * NOCR_ENOMEM. */
static int trim_beside_vertical(seg_region *r, seg_lines *lines, const seg_vregions *vr,
                                const seg_regions *hregions, PIX *pixb, int body)
{
    static const seg_box gone = {-1, -1, -1, -1};
    seg_box was = r->box;
    for (size_t i = 0; i < lines->n; i++)
        if (seg_centre_in(&lines->v[i].box, &was) && vregion_holding(vr, &lines->v[i].box))
            lines->v[i].box = gone;
    int n = 0, *x0 = malloc((vr->n + 1) * sizeof(int)), *x1 = malloc((vr->n + 1) * sizeof(int));
    if (!x0 || !x1) {
        free(x0);
        free(x1);
        return NOCR_ENOMEM;
    }
    for (size_t v = 0; v < vr->n; v++) {
        const seg_box *b = &vr->v[v].r.box;
        if (seg_overlap(was.x0, was.x1, b->x0, b->x1) <= 0 ||
            2 * seg_overlap(was.y0, was.y1, b->y0, b->y1) <= seg_box_h(&was))
            continue;
        n = span_insert(x0, x1, n, b);
    }
    int best0 = was.x0, best1 = was.x1, at = was.x0;
    for (int k = 0; n > 0 && k <= n; k++) {
        int end = k < n && x0[k] < was.x1 ? x0[k] : was.x1;
        if (k == 0 || end - at > best1 - best0) {
            best0 = at;
            best1 = end > at ? end : at;
        }
        at = k < n && x1[k] > at ? x1[k] : at;
    }
    free(x0);
    free(x1);
    size_t ncut = 0, *cut = malloc((lines->n + 1) * sizeof(*cut));
    if (!cut)
        return NOCR_ENOMEM;
    for (size_t i = 0; best1 - best0 >= body && i < lines->n; i++) {
        seg_box *b = &lines->v[i].box;
        if (!seg_centre_in(b, &was))
            continue;
        int was0 = b->x0, was1 = b->x1;
        b->x0 = b->x0 > best0 ? b->x0 : best0;
        b->x1 = b->x1 < best1 ? b->x1 : best1;
        if (b->x1 <= b->x0)
            *b = gone;
        else if (b->x0 != was0 || b->x1 != was1)
            cut[ncut++] = i;
    }
    int rc = split_parts(lines, cut, ncut, hregions, r, pixb, body);
    free(cut);
    if (rc)
        return rc;
    int kept = 0;
    seg_box box = {0, 0, 0, 0};
    for (size_t i = 0; best1 - best0 >= body && i < lines->n; i++) {
        seg_box *b = &lines->v[i].box;
        if (!seg_centre_in(b, &was) || held_elsewhere(hregions, r, b))
            continue;
        if (kept++)
            seg_box_union(&box, b);
        else
            box = *b;
    }
    r->nlines = kept;
    if (kept == 0)
        r->role = NOCR_ROLE_UNKNOWN;
    else
        r->box = box;
    return NOCR_OK;
}

/* Does the ink of row h over the span of headline c (widened by `margin` each side) stand
 * only in c's columns (each widened by a quarter body height for the ink's edges)? Then
 * the columns go on up through the row: the white between two columns and beside them
 * runs through it. The rows of a horizontal headline are set solid, a character's width
 * at most a fraction of an em apart; over a block of columns they leave ink in the white
 * between them or just beside them, and are not taken for the columns' tops. */
static int columns_go_up(const seg_box *h, const seg_vregion *c, PIX *pixb, int body)
{
    int margin = body / 2, edge = body / 4;
    seg_box span = {c->r.box.x0 - margin, h->y0, c->r.box.x1 + margin, h->y1};
    span.x0 = span.x0 > h->x0 ? span.x0 : h->x0;
    span.x1 = span.x1 < h->x1 ? span.x1 : h->x1;
    PIX *pixc = seg_clip(pixb, &span);
    NUMA *cols = pixc ? pixCountPixelsByColumn(pixc) : NULL;
    pixDestroy(&pixc);
    if (!cols)
        return 0;
    int ok = 1, w = numaGetCount(cols);
    for (int x = 0; x < w && ok; x++) {
        l_int32 n = 0;
        numaGetIValue(cols, x, &n);
        int in = 0, at = span.x0 + x;
        for (size_t k = 0; k < c->ncolumns && !in; k++)
            in = at >= c->columns[k].x0 - edge && at < c->columns[k].x1 + edge;
        ok = n == 0 || in;
    }
    numaDestroy(&cols);
    return ok;
}

/* A row kept horizontal and hidden from the turned pass (LONG_ROW characters long) can
 * hold the first characters of a vertical headline that starts under it: the horizontal
 * pass joins them on one row with a horizontal headline beside them, and the turned pass,
 * which does not see the row, finds the headline's column only below it (seeds 7121 and
 * 7201: two characters of a vertical headline read as garbage with a horizontal headline,
 * and missing from their own). A vertical headline under row h (its top within half a
 * body height of the row's bottom, its columns within the row's span) is taken to start
 * at the row's top; trim_beside_vertical then cuts the row around it. A headline of one
 * column is taken as it is; one of several columns only when its columns go on up
 * through the row (columns_go_up), the white between them unbroken: fresh seed
 * 20261201805, a headline of two columns whose top two characters each were joined on one
 * row with the two rows of the horizontal headline beside it, which was then read as one
 * line of garbage, and the two characters as a headline of their own. Headlines only: the
 * body columns under a horizontal headline start at the same distance (p30). */
static void headline_reach_up(const seg_region *h, seg_vregions *vr, PIX *pixb, int body)
{
    for (size_t v = 0; v < vr->n; v++) {
        seg_vregion *c = &vr->v[v];
        seg_box *b = &c->r.box;
        if (c->r.role != NOCR_ROLE_HEADLINE || c->ncolumns < 1 || b->x0 < h->box.x0 ||
            b->x1 > h->box.x1 || b->y0 < h->box.y1 - body / 2 || b->y0 > h->box.y1 + body / 2)
            continue;
        if (c->ncolumns > 1 && !columns_go_up(&h->box, c, pixb, body))
            continue;
        b->y0 = h->box.y0;
        for (size_t k = 0; k < c->ncolumns; k++)
            c->columns[k].y0 = h->box.y0;
    }
}

/* The gutters under a horizontal headline h: the gaps, inside h's span, between the
 * vertical regions that start right under it (their tops below its middle, within
 * HEAD_BELOW body heights of its bottom: of two headlines side by side taken as one, the
 * shorter one's columns start above the taller one's foot), into g (pairs x0, x1, left to
 * right; at most `max`). Returns their number, or -1 when out of memory. */
#define HEAD_BELOW 3

static int gutters_under(int *g, int max, const seg_box *h, const seg_vregions *vr, int body)
{
    int n = 0, *x0 = malloc((vr->n + 1) * sizeof(int)), *x1 = malloc((vr->n + 1) * sizeof(int));
    if (!x0 || !x1) {
        free(x0);
        free(x1);
        return -1;
    }
    for (size_t v = 0; v < vr->n; v++) {
        const seg_box *b = &vr->v[v].r.box;
        if (!nocr_role_is_text(vr->v[v].r.role) || seg_overlap(h->x0, h->x1, b->x0, b->x1) <= 0 ||
            2 * b->y0 < h->y0 + h->y1 || b->y0 > h->y1 + HEAD_BELOW * body)
            continue;
        n = span_insert(x0, x1, n, b);
    }
    int ng = 0, reach = n > 0 ? x1[0] : 0;
    for (int k = 1; k < n && ng < max; k++) {
        if (x0[k] > reach && reach > h->x0 && x0[k] < h->x1) {
            g[2 * ng] = reach;
            g[2 * ng + 1] = x0[k];
            ng++;
        }
        reach = x1[k] > reach ? x1[k] : reach;
    }
    free(x0);
    free(x1);
    return ng;
}

/* The widest white run [*b0, *b1) of column profile cols (of a region starting at x0),
 * inside it (not at its ends), that meets [lo, hi) (page x); both 0 when none. */
static void widest_white(NUMA *cols, int x0, int lo, int hi, int *b0, int *b1)
{
    int w = numaGetCount(cols);
    *b0 = *b1 = 0;
    for (int x = 0; x < w;) {
        l_int32 c = 0;
        numaGetIValue(cols, x, &c);
        if (c > 0) {
            x++;
            continue;
        }
        int e = x;
        for (l_int32 ce = 0; e < w && numaGetIValue(cols, e, &ce) == 0 && ce == 0;)
            e++;
        if (x > 0 && e < w && seg_overlap(x0 + x, x0 + e, lo, hi) > 0 && e - x > *b1 - *b0) {
            *b0 = x;
            *b1 = e;
        }
        x = e;
    }
}

/* How many of the lines of region box rb hold ink on one side of x (left: [x0, x); else
 * [x, x1)): the rows of large type standing there. */
static int rows_beside(const seg_lines *lines, size_t n, const seg_box *rb, int x, int left,
                       PIX *pixb)
{
    int rows = 0;
    for (size_t i = 0; i < n; i++) {
        seg_box part = lines->v[i].box, ink;
        if (!seg_centre_in(&part, rb))
            continue;
        if (left)
            part.x1 = part.x1 < x ? part.x1 : x;
        else
            part.x0 = part.x0 > x ? part.x0 : x;
        rows += part.x1 > part.x0 && seg_ink_box(&ink, pixb, &part);
    }
    return rows;
}

/* A horizontal headline kept horizontal on a vertical page is cut where it stands over a
 * gutter between the column blocks under it and its own ink leaves a white gap at least a
 * body height wide there: headlines of neighbouring articles set side by side on one row
 * are one line of large type to the horizontal pass, whose closing bridges the gap
 * between them, and one headline region then owned all the articles under it (fresh seed
 * 20261201207: three headlines over three articles of one tier, tau 0.87). A headline's
 * own characters are set solid, far closer than a body height; the gap between two
 * headlines is at least the gutter between their articles (2 em on the seeds). Where no
 * gutter is under the gap (the columns of one article reach out under the next one's
 * headline), a white gap a body height wide through the whole region, with two rows or
 * more of large type on each side of it, parts two headlines set in rows too: the rows
 * of one headline are not all broken at one place (tuning seed 20261221210: headlines of
 * three and two rows side by side, read as one, garbled, and the right article left
 * without its head; tau 0.79). The rows of two such headlines at one height are one line
 * of the region, so two rows on each side may be two or three lines in all (fresh seed
 * 20270103112: rows of two and three, three lines, read as one; tau 0.87). Each cut is
 * made in the middle of the white gap; the region's lines are cut there too (the parts
 * pushed onto `lines`), each part shrunk to its ink and dropped when it holds none, and
 * each piece of the region becomes a region of its own (pushed onto `hregions`). Returns
 * 0 or NOCR_ENOMEM. */
#define MAX_CUTS   16
#define APART_ROWS 2

static int split_over_gutters(seg_regions *hregions, size_t h, seg_lines *lines,
                              const seg_vregions *vr, PIX *pixb, int body)
{
    static const seg_box gone = {-1, -1, -1, -1};
    seg_region r = hregions->v[h];
    int g[2 * MAX_CUTS], cuts[MAX_CUTS + 2], ncuts = 0;
    int ng = gutters_under(g, MAX_CUTS, &r.box, vr, body);
    if (ng < 0 || (ng == 0 && r.nlines < APART_ROWS))
        return ng < 0 ? NOCR_ENOMEM : NOCR_OK;
    PIX *pixc = seg_clip(pixb, &r.box);
    NUMA *cols = pixc ? pixCountPixelsByColumn(pixc) : NULL;
    pixDestroy(&pixc);
    if (!cols)
        return NOCR_ENOMEM;
    cuts[ncuts++] = r.box.x0;
    for (int k = 0; k < ng; k++) {
        /* the widest white run of the headline's ink that meets gutter k */
        int best0, best1;
        widest_white(cols, r.box.x0, g[2 * k], g[2 * k + 1], &best0, &best1);
        if (best1 - best0 >= body && r.box.x0 + (best0 + best1) / 2 > cuts[ncuts - 1])
            cuts[ncuts++] = r.box.x0 + (best0 + best1) / 2;
    }
    /* no gutter under a gap: the widest white gap through the region, rows on both sides */
    if (ncuts == 1) {
        int best0, best1;
        widest_white(cols, r.box.x0, r.box.x0, r.box.x1, &best0, &best1);
        int m = r.box.x0 + (best0 + best1) / 2;
        if (best1 - best0 >= body &&
            rows_beside(lines, lines->n, &r.box, m, 1, pixb) >= APART_ROWS &&
            rows_beside(lines, lines->n, &r.box, m, 0, pixb) >= APART_ROWS)
            cuts[ncuts++] = m;
    }
    numaDestroy(&cols);
    if (ncuts == 1)
        return NOCR_OK;
    cuts[ncuts] = r.box.x1;
    size_t n0 = lines->n;
    for (int p = 0; p < ncuts; p++) {
        seg_region piece = r;
        int kept = 0;
        for (size_t i = 0; i < n0; i++) {
            seg_box *b = &lines->v[i].box;
            if (!seg_centre_in(b, &r.box))
                continue;
            seg_box part = *b, ink;
            part.x0 = part.x0 > cuts[p] ? part.x0 : cuts[p];
            part.x1 = part.x1 < cuts[p + 1] ? part.x1 : cuts[p + 1];
            if (!seg_ink_box(&ink, pixb, &part))
                continue;
            seg_line l = lines->v[i];
            l.box = ink;
            if (kept++)
                seg_box_union(&piece.box, &ink);
            else
                piece.box = ink;
            if (seg_lines_push(lines, l))
                return NOCR_ENOMEM;
        }
        piece.nlines = kept;
        if (kept > 0 && seg_regions_push(hregions, piece))
            return NOCR_ENOMEM;
    }
    for (size_t i = 0; i < n0; i++)
        if (seg_centre_in(&lines->v[i].box, &r.box))
            lines->v[i].box = gone;
    hregions->v[h].role = NOCR_ROLE_UNKNOWN;
    return NOCR_OK;
}

/* Does a photo of sp stand over box b: its foot within PHOTO_OVER body heights above b's
 * top (or a body height into it), over more than half of b's width (seg_photo_over)? */
#define PHOTO_OVER 1.5
static int photo_over(const seg_page *sp, const seg_box *b)
{
    for (size_t f = 0; f < sp->nfigures; f++)
        if (seg_photo_over(&sp->figures[f], b, -sp->body, (int)(PHOTO_OVER * sp->body) + 1))
            return 1;
    return 0;
}

/* Does box b touch one of vertical region v's columns? A region's box is the rectangle
 * round its columns: where they stand in an L (full columns beside a photo at the top of
 * the others) it holds the photo and the caption set across under it. That caption, a
 * horizontal-pass region, lay inside the box and was dropped, its rows read as columns of
 * the region after the coverage check found them unread (vertical tuning seed
 * 20261217125: the caption read inside the body, tau 0.93). Text that is the vertical
 * region's own touches its columns. Only text under a photo (photo_over) is looked at so:
 * elsewhere pieces of a vertical headline can stand between its columns' boxes. Such text
 * left in the box, body, is the photo's caption. */
static int touches_columns(const seg_vregion *v, const seg_box *b)
{
    for (size_t c = 0; c < v->ncolumns; c++) {
        const seg_box *k = &v->columns[c];
        if (seg_overlap(b->x0, b->x1, k->x0, k->x1) > 0 &&
            seg_overlap(b->y0, b->y1, k->y0, k->y1) > 0)
            return 1;
    }
    return 0;
}

/* Is the page one to look at for vertical text (mode AUTO: from its ink)? */
static int page_has_vertical(PIX *pixb, int body, nocr_direction_mode mode)
{
    seg_box page = {0, 0, pixGetWidth(pixb), pixGetHeight(pixb)};
    if (mode == NOCR_DIRECTION_HORIZONTAL || body <= 0)
        return 0;
    return mode == NOCR_DIRECTION_VERTICAL ||
           seg_ink_direction(pixb, &page, body) >= PAGE_VERTICAL_MIN;
}

/* Does a page of horizontal text hold a vertical headline? Too little of its ink for
 * PAGE_VERTICAL_MIN, such a headline was cut by the horizontal pass into pieces of one to
 * three characters, each read as a headline or body of its own (tuning seeds 20261216509,
 * 527, 528: CER 0.35-0.46). The page's ink closed along y by VHEAD_CLOSE body heights
 * joins a column of large type into one piece; a block of body lines closes into a piece
 * as wide as its column. A piece at least VHEAD_LONG times as tall as wide, at most
 * VHEAD_WIDE body heights wide, whose characters are at least VHEAD_TYPE body heights and
 * whose ink runs in columns at their size, is a vertical headline. */
#define VHEAD_CLOSE 1.0
#define VHEAD_LONG  3
#define VHEAD_WIDE  4.5
#define VHEAD_TYPE  1.4
static int page_has_vertical_head(PIX *pixb, int body)
{
    int k = (int)(VHEAD_CLOSE * body) | 1;
    PIX *pixc = body > 0 ? pixCloseSafeBrick(NULL, pixb, 1, k) : NULL;
    BOXA *boxa = pixc ? pixConnCompBB(pixc, 8) : NULL;
    int n = boxa ? boxaGetCount(boxa) : 0, found = 0;
    for (int i = 0; i < n && !found; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h);
        if (h < VHEAD_LONG * w || w > VHEAD_WIDE * body || w < VHEAD_TYPE * body)
            continue;
        seg_box b = {x, y, x + w, y + h};
        int type = seg_ink_type_size(pixb, &b, body);
        found = type >= VHEAD_TYPE * body && h >= VHEAD_LONG * type &&
                seg_ink_direction(pixb, &b, type) > REGION_VERTICAL;
    }
    boxaDestroy(&boxa);
    pixDestroy(&pixc);
    return found;
}

/* Clears from pixv (the turned pass's copy of the page) the ink of region box b, kept
 * horizontal, except its pieces that run in columns. A piece is what lies between white
 * gaps at least a body height wide through the whole box. The horizontal pass joins on one
 * row what stands side by side at one height across the top of a vertical page: the first
 * rows of narrow horizontal headlines and the tops of the columns of the article beside
 * them. Kept horizontal as a whole (most of its ink is the headlines' rows), the row hid
 * those tops from the turned pass, whose columns then started below it; their first
 * characters came back only from the coverage check, as scattered pieces of horizontal
 * body read before the columns (vertical tuning seed 20270102245, tau 0.93). A piece whose
 * own ink runs in columns (more than REGION_VERTICAL of it) is left to the turned pass,
 * and so is a piece one character wide (narrower than WIDE_COLUMN characters of its own
 * type) whose ink tells neither way: a character stands alone in a row only as one of a
 * column, such as the second character of a vertical headline level with the second row
 * of a horizontal headline beside it (vertical tuning seed 20270106106: cleared, it cut
 * the vertical headline in two, the piece above went to the article at its right, tau
 * 0.85; 1 with this). A headline's own characters are set solid, much closer than a body
 * height: a headline is one piece, and a row of one piece is cleared whole. */
static void hide_rows(PIX *pixv, PIX *pixb, const seg_box *b, int body)
{
    int x0[MAX_CUTS], x1[MAX_CUTS];
    int pieces = seg_ink_column_runs(x0, x1, pixb, b, body, MAX_CUTS);
    for (int k = 0; k < pieces && pieces <= MAX_CUTS; k++) {
        seg_box piece = {x0[k], b->y0, x1[k], b->y1};
        double d = pieces > 1 ? seg_ink_direction(pixb, &piece, body) : 0;
        if (d > REGION_VERTICAL ||
            (d < 0 && seg_box_w(&piece) < WIDE_COLUMN * seg_ink_type_size(pixb, &piece, body)))
            continue;
        BOX *box = seg_box_lept(&piece);
        if (box)
            pixClearInRect(pixv, box);
        boxDestroy(&box);
    }
    if (pieces == 0 || pieces > MAX_CUTS) { /* no ink found (out of memory), or too many */
        BOX *box = seg_box_lept(b);
        if (box)
            pixClearInRect(pixv, box);
        boxDestroy(&box);
    }
}

int seg_vertical_body(PIX *pixb, int body, nocr_direction_mode mode)
{
    if (!page_has_vertical(pixb, body, mode))
        return body;
    PIX *pixt = pixRotate90(pixb, -1);
    int vbody = pixt ? seg_measure_body(pixt) : 0;
    pixDestroy(&pixt);
    return vbody > 0 && 4 * abs(vbody - body) > body ? vbody : body;
}

int seg_vertical(seg_vregions *out, seg_regions *hregions, seg_lines *lines, PIX *pixb,
                 const seg_page *sp, nocr_direction_mode mode)
{
    *out = (seg_vregions){NULL, 0, 0};
    if (!page_has_vertical(pixb, sp->body, mode) &&
        !(mode == NOCR_DIRECTION_AUTO && page_has_vertical_head(pixb, sp->body)))
        return NOCR_OK;

    seg_lines tl = {NULL, 0, 0};
    seg_regions tr = {NULL, 0, 0};
    /* hdir: each horizontal-pass region's direction, 0 rows, 1 columns, -1 undecided */
    signed char *hdir = calloc(hregions->n + 1, 1);
    /* rows: decided as rows by its lines alone (headline_rows) */
    char *rows = calloc(hregions->n + 1, 1);
    int rc = hdir && rows ? NOCR_OK : NOCR_ENOMEM;
    for (size_t i = 0; !rc && i < hregions->n; i++) {
        seg_region *r = &hregions->v[i];
        double d = seg_ink_direction(pixb, &r->box, sp->body);
        if (mode == NOCR_DIRECTION_VERTICAL)
            hdir[i] = r->role == NOCR_ROLE_PAGE_HEADER ? 0 : 1;
        else
            hdir[i] = d < 0 ? -1 : d > REGION_VERTICAL ? 1 : d < REGION_HORIZONTAL ? 0 : -1;
        int grid = mode == NOCR_DIRECTION_AUTO ? headline_grid(r, pixb) : -1;
        if (grid >= 0)
            hdir[i] = (signed char)grid;
        else if (mode == NOCR_DIRECTION_AUTO && headline_rows(r, d, grid, lines)) {
            hdir[i] = 0;
            rows[i] = 1;
        } else if (mode == NOCR_DIRECTION_AUTO && hdir[i] < 0 && r->role == NOCR_ROLE_CAPTION &&
                   CAPTION_ROWS_DIV * seg_box_w(&r->box) >= CAPTION_ROWS_MUL * seg_box_h(&r->box))
            hdir[i] = 0; /* rows of a caption under its photo (CAPTION_ROWS_MUL) */
    }
    /* The turned pass sees only the ink not kept horizontal: a horizontal headline over
     * vertical columns would otherwise share their rows on the turned page and join them
     * into one line. */
    PIX *pixv = rc ? NULL : pixCopy(NULL, pixb);
    for (size_t i = 0; pixv && i < hregions->n; i++) {
        const seg_region *r = &hregions->v[i];
        /* rows only (at least LONG_ROW characters long, or a headline taken as rows by
         * its lines, headline_rows, or a caption the horizontal pass found by its photo):
         * a character such as 三 measures horizontal on its own. A caption of two short
         * lines under a photo two columns wide (a name under a portrait) is not LONG_ROW
         * long; on the turned page it joined the columns beside it as one of them
         * (vertical tuning seeds 20261209008, 013, 029). */
        if (hdir[i] == 0 && r->role != NOCR_ROLE_UNKNOWN &&
            (seg_box_w(&r->box) >= LONG_ROW * seg_box_h(&r->box) || rows[i] ||
             r->role == NOCR_ROLE_CAPTION))
            hide_rows(pixv, pixb, &r->box, sp->body);
    }
    int cuts[MAX_BANDS + 1], nbands = page_bands(cuts, sp);
    for (int band = 0; !rc && band < nbands; band++) {
        int y0 = cuts[band], y1 = cuts[band + 1];
        if (y1 - y0 < 2 * sp->body)
            continue;
        tl.n = tr.n = 0;
        rc = pixv ? turned_layout(&tl, &tr, pixv, sp, y0, y1) : NOCR_ENOMEM;
        if (!rc)
            rc = band_regions(out, &tl, &tr, hregions, hdir, pixb, sp, y0, mode);
    }
    pixDestroy(&pixv);
    if (!rc && mode == NOCR_DIRECTION_AUTO)
        column_pieces(out, hregions, hdir, sp);
    /* horizontal-pass regions under vertical ones are dropped: those not kept horizontal
     * whose centre lies in one, and any but the folio half covered by them (pieces of
     * vertical headlines); one decided vertical that no vertical region covers stays (its
     * text is read, if in the wrong direction). Only a vertical region whose columns it
     * touches counts (touches_columns). */
    int heads_dropped = 0;
    for (size_t h = 0; !rc && h < hregions->n; h++) {
        seg_region *r = &hregions->v[h];
        nocr_role was = r->role;
        /* a caption kept in rows was hidden from the turned pass: a vertical region over
         * it holds none of its ink, only the box of the columns around the photo (held-out
         * seed 20261209111: the box of the columns beside and under a photo cut a caption
         * in two, and its right half was dropped) */
        if (r->role == NOCR_ROLE_UNKNOWN || r->role == NOCR_ROLE_PAGE_HEADER ||
            !nocr_role_is_text(r->role) || (hdir[h] == 0 && r->role == NOCR_ROLE_CAPTION))
            continue;
        if (hdir[h] == 0 && (seg_box_w(&r->box) >= LONG_ROW * seg_box_h(&r->box) || rows[h]))
            headline_reach_up(r, out, pixb, sp->body);
        long covered = 0, area = (long)seg_box_w(&r->box) * seg_box_h(&r->box);
        int inside = 0, in_hole = 0, under_photo = photo_over(sp, &r->box);
        for (size_t v = 0; v < out->n; v++) {
            const seg_box *b = &out->v[v].r.box;
            if (under_photo && !touches_columns(&out->v[v], &r->box)) {
                in_hole |= seg_centre_in(&r->box, b);
                continue;
            }
            covered += (long)seg_overlap(r->box.x0, r->box.x1, b->x0, b->x1) *
                       seg_overlap(r->box.y0, r->box.y1, b->y0, b->y1);
            inside |= seg_centre_in(&r->box, b);
        }
        if ((inside && hdir[h] != 0) || 2 * covered >= area)
            r->role = NOCR_ROLE_UNKNOWN;
        else if (in_hole && r->role == NOCR_ROLE_BODY)
            r->role = NOCR_ROLE_CAPTION;
        else if (covered > 0 && trim_beside_vertical(r, lines, out, hregions, pixb, sp->body))
            rc = NOCR_ENOMEM;
        heads_dropped |= was == NOCR_ROLE_HEADLINE && r->role == NOCR_ROLE_UNKNOWN;
    }
    /* A deck's headline may have been a vertical one's characters, dropped just now: a
     * horizontal headline in deck type over a lower tier's columns, beside the vertical
     * headline of the article at its left, went with that one and was read as the deck of
     * the article above it across the tier's rule (vertical tuning seed 20270101335). A
     * deck set across beside its own vertical headline would become a headline too; the
     * vertical pages seen so far set none. */
    if (!rc && heads_dropped && mode == NOCR_DIRECTION_AUTO)
        seg_lone_decks(hregions, sp->body);
    /* headlines of neighbouring articles joined on their row are cut apart (pieces are
     * appended: only the regions there were are looked at) */
    for (size_t h = 0, nh = hregions->n; !rc && mode == NOCR_DIRECTION_AUTO && h < nh; h++) {
        nocr_role role = hregions->v[h].role;
        if (hdir[h] == 0 && (role == NOCR_ROLE_HEADLINE || role == NOCR_ROLE_SUBHEADLINE))
            rc = split_over_gutters(hregions, h, lines, out, pixb, sp->body);
    }
    free(hdir);
    free(rows);
    free(tl.v);
    free(tr.v);
    if (rc) {
        seg_vregions_free(out);
        return nocr_error_set(NOCR_ENOMEM, "%s: out of memory (vertical layout)", sp->source);
    }
    return NOCR_OK;
}

/* nocr_box of a seg_box. */
static nocr_box nbox(const seg_box *b)
{
    return (nocr_box){b->x0, b->y0, seg_box_w(b), seg_box_h(b)};
}

int seg_page_add_vertical(nocr_page *page, const seg_vregions *vr, const nocr_image *img)
{
    int rc = NOCR_OK;
    for (size_t i = 0; i < vr->n && !rc; i++) {
        nocr_region *region;
        nocr_box wb = nbox(&vr->v[i].r.box);
        rc = nocr_page_add_region(&region, page, vr->v[i].r.role,
                                  nocr_image_box_to_original(img, wb));
        if (rc)
            break;
        nocr_region_set_work_box(region, wb);
        nocr_region_set_direction(region, NOCR_DIR_VERTICAL);
        for (size_t c = 0; c < vr->v[i].ncolumns && !rc; c++) {
            nocr_line *line = NULL;
            nocr_box cb = nbox(&vr->v[i].columns[c]);
            rc = nocr_region_add_line(&line, region, nocr_image_box_to_original(img, cb), NULL,
                                      -1.0f);
            if (!rc)
                nocr_line_set_work_box(line, cb);
        }
    }
    return rc;
}
