/*
 * metrics.c: the per-page metrics of newsocr-eval and their aggregate.
 *
 *   neval_page_evaluate()       all metrics of one output against one GT page
 *   neval_metrics_aggregate()   means over pages, character-weighted CER
 *
 * Definitions (also printed by `newsocr-eval --help`).  "Text" is NFKC with
 * all White_Space removed, compared as code points (neval_text_normalize);
 * gt = the GT regions' texts concatenated in reading order; out = the output
 * lines' texts concatenated; N/A metrics are NAN.
 *
 *  - CER = Levenshtein(gt, out) / |gt|  (N/A when |gt| = 0).
 *  - Order-free error = max(missing, extra) / |gt| over the multisets of code
 *    points: what recognition alone costs; a lower bound of the CER under any
 *    order of the output, so CER - order-free error is what ordering and
 *    segmentation cost.
 *  - Locating a GT region: semi-global alignment of its text against the
 *    whole of out (neval_align_semiglobal); located when cost <= 50% of its
 *    length; regions under 2 code points are skipped.  Its position is the
 *    start of the aligned span; a span maps back to output lines.  Regions
 *    are located longest first (regions under SHORT_REGION_LEN characters are
 *    left out of tau), and the output characters a located region
 *    pairs with are not available to the later ones (regions_locate; regions
 *    with identical text take their copies in reading order), so
 *    text repeated on the page (a caption quoting the body) is told apart.
 *  - Reading-order score: Kendall tau-b between GT reading-order index and
 *    output position over the located regions; 1.0 when fewer than 2.
 *  - Paragraph integrity: logical paragraphs (regions sharing a paragraph id
 *    joined in reading order; otherwise each region) with >= 2 TextLines; a
 *    paragraph is intact when its whole text aligns within one single output
 *    line with cost <= 50% of its length and at most 10% of its length more
 *    than its best alignment anywhere in the output (so a paragraph cut over
 *    two lines is not intact even when one piece holds half of it).
 *    intact / multi-line paragraphs.
 *  - Captions (GT caption regions, located): "separated" when the part of the
 *    caption's output line(s) outside the caption's own span holds no located
 *    text of a non-caption region; "interrupting" when, on those lines, one
 *    body paragraph has located text both before and after the caption's
 *    span.  Also reported, "within": one body paragraph has located text
 *    before and after the caption anywhere in the output (a caption on its
 *    own line between two pieces of a paragraph is separated and within,
 *    but not interrupting).  All as fractions of the located captions.
 *  - CJK spacing: runs of ASCII space, tab or U+3000 between two CJK
 *    characters in the raw output (neval_text_cjk_spacing) / CJK characters.
 *
 * Cost: about four O(|gt| * |out|) alignment passes (CER, locating regions,
 * paragraphs), done 64 cells per word operation by the bit-parallel aligner
 * (align_myers.c): ~0.1 s for a 10k-character page.  Memory O(|gt| + |out|)
 * plus the aligner's match tables.
 */
#include "eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Normalised output: code points, their line, and where each line starts. */
typedef struct {
    uint32_t *cps;
    size_t len;
    size_t *line_of;    /* len entries */
    size_t *line_start; /* n_lines + 1 entries */
    size_t n_lines;
} norm_output;

/* Normalised GT: per region, an offset into one concatenated array. */
typedef struct {
    uint32_t *cps;
    size_t len;
    size_t *off; /* n + 1 entries: region i is cps[off[i]..off[i+1]) */
    size_t n;
} norm_gt;

static void norm_output_free(norm_output *no)
{
    free(no->cps);
    free(no->line_of);
    free(no->line_start);
    memset(no, 0, sizeof(*no));
}

static void norm_gt_free(norm_gt *ng)
{
    free(ng->cps);
    free(ng->off);
    memset(ng, 0, sizeof(*ng));
}

/* Append src[0..n) to *dst (length *len, capacity *cap); grows by doubling. */
static int cps_append(uint32_t **dst, size_t *len, size_t *cap, const uint32_t *src, size_t n)
{
    if (*len + n > NEVAL_TEXT_MAX)
        return neval_error_set(NEVAL_ERR_LIMIT, "text longer than %zu characters",
                               (size_t)NEVAL_TEXT_MAX);
    if (*len + n > *cap) {
        size_t ncap = *cap ? *cap : 1024;
        uint32_t *nd;

        while (ncap < *len + n)
            ncap *= 2;
        nd = realloc(*dst, ncap * sizeof(*nd));
        if (!nd)
            return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        *dst = nd;
        *cap = ncap;
    }
    if (n)
        memcpy(*dst + *len, src, n * sizeof(*src));
    *len += n;
    return NEVAL_OK;
}

/* Normalise each output line on its own, so every code point knows its line. */
static int norm_output_build(norm_output *no, const neval_output *o)
{
    size_t cap = 0, i, k;
    int rc = NEVAL_OK;

    memset(no, 0, sizeof(*no));
    no->n_lines = o->n_lines;
    no->line_start = malloc((o->n_lines + 1) * sizeof(*no->line_start));
    if (!no->line_start)
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    for (i = 0; i < o->n_lines && !rc; i++) {
        uint32_t *cps = NULL;
        size_t n = 0;

        no->line_start[i] = no->len;
        rc = neval_text_normalize(&cps, &n, o->text + o->line_offset[i],
                                  o->line_offset[i + 1] - o->line_offset[i]);
        if (!rc)
            rc = cps_append(&no->cps, &no->len, &cap, cps, n);
        free(cps);
    }
    no->line_start[o->n_lines] = no->len;
    if (!rc) {
        no->line_of = malloc((no->len ? no->len : 1) * sizeof(*no->line_of));
        if (!no->line_of)
            rc = neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    }
    for (i = 0; i < o->n_lines && !rc; i++) {
        for (k = no->line_start[i]; k < no->line_start[i + 1]; k++)
            no->line_of[k] = i;
    }
    if (rc)
        norm_output_free(no);
    return rc;
}

static int norm_gt_build(norm_gt *ng, const neval_gt_page *gt)
{
    size_t cap = 0, i;
    int rc = NEVAL_OK;

    memset(ng, 0, sizeof(*ng));
    ng->n = gt->n_regions;
    ng->off = malloc((gt->n_regions + 1) * sizeof(*ng->off));
    if (!ng->off)
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    for (i = 0; i < gt->n_regions && !rc; i++) {
        const char *t = gt->regions[i].text;
        uint32_t *cps = NULL;
        size_t n = 0;

        ng->off[i] = ng->len;
        rc = neval_text_normalize(&cps, &n, t, strlen(t));
        if (!rc)
            rc = cps_append(&ng->cps, &ng->len, &cap, cps, n);
        free(cps);
    }
    ng->off[gt->n_regions] = ng->len;
    if (rc)
        norm_gt_free(ng);
    return rc;
}

/* Nonzero when [a0,a1) and [b0,b1) share a position. */
static int overlaps(size_t a0, size_t a1, size_t b0, size_t b1)
{
    return (a0 > b0 ? a0 : b0) < (a1 < b1 ? a1 : b1);
}

static double ratio(size_t num, size_t den)
{
    return den ? (double)num / (double)den : NAN;
}

/*
 * Logical paragraphs: para[i] is region i's paragraph, numbered by first
 * appearance; first[p] is paragraph p's first region and next[i] the region
 * after i in its paragraph (SIZE_MAX ends a list), both in reading order.
 * Built in O(n log n) (regions sorted by paragraph id): a page of tens of
 * thousands of regions made the per-region searches quadratic.
 */
typedef struct {
    size_t *para, *first, *next;
    size_t n;
} para_index;

/* A region with a paragraph id, sorted by (id, index). */
typedef struct {
    const char *pid;
    size_t index;
} para_key;

static int cmp_para_key(const void *x, const void *y)
{
    const para_key *a = x, *b = y;
    int c = strcmp(a->pid, b->pid);

    return c ? c : (a->index > b->index) - (a->index < b->index);
}

static int paragraphs_build(para_index *pi, const neval_gt_page *gt)
{
    size_t n = gt->n_regions, *leader, *tail, nid = 0, i, k;
    para_key *ids;

    memset(pi, 0, sizeof(*pi));
    pi->para = malloc((n + 1) * sizeof(*pi->para));
    pi->first = malloc((n + 1) * sizeof(*pi->first));
    pi->next = malloc((n + 1) * sizeof(*pi->next));
    ids = malloc((n + 1) * sizeof(*ids));
    leader = malloc((n + 1) * sizeof(*leader));
    tail = malloc((n + 1) * sizeof(*tail));
    if (!pi->para || !pi->first || !pi->next || !ids || !leader || !tail) {
        free(ids);
        free(leader);
        free(tail);
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    }
    /* leader[i]: the first region (reading order) of i's paragraph id, else i. */
    for (i = 0; i < n; i++) {
        leader[i] = i;
        if (gt->regions[i].paragraph_id) {
            ids[nid].pid = gt->regions[i].paragraph_id;
            ids[nid++].index = i;
        }
    }
    qsort(ids, nid, sizeof(*ids), cmp_para_key);
    for (k = 1; k < nid; k++) {
        if (!strcmp(ids[k].pid, ids[k - 1].pid))
            leader[ids[k].index] = leader[ids[k - 1].index];
    }
    for (i = 0; i < n; i++) {
        size_t p = leader[i] == i ? pi->n++ : pi->para[leader[i]];

        pi->para[i] = p;
        pi->next[i] = SIZE_MAX;
        if (leader[i] == i)
            pi->first[p] = i;
        else
            pi->next[tail[p]] = i;
        tail[p] = i;
    }
    free(ids);
    free(leader);
    free(tail);
    return NEVAL_OK;
}

static void paragraphs_free(para_index *pi)
{
    free(pi->para);
    free(pi->first);
    free(pi->next);
}

/*
 * Paragraph integrity.  para[i] is region i's paragraph number; a
 * paragraph's text is its regions' texts in reading order.  Intact: some
 * single output line aligns with cost <= NEVAL_LOCATE_MAX_COST * len and at
 * most NEVAL_PARA_SPLIT_SLACK * len above the paragraph's best alignment in
 * the whole output (without this second bound a paragraph cut into two
 * lines would count as intact whenever one piece holds half of it).  Lines
 * shorter than half the paragraph cannot meet the first bound (cost >=
 * len - |line|) and are skipped; the line of the first located piece is
 * tried first.
 */
static int paragraphs_eval(neval_page_metrics *m, const neval_gt_page *gt, const norm_gt *ng,
                           const norm_output *no, const para_index *pi, const neval_span *spans,
                           const unsigned char *located, const unsigned char *scored)
{
    uint32_t *text = NULL;
    size_t cap = 0, p, i, l;
    int rc = NEVAL_OK;

    for (p = 0; p < pi->n && !rc; p++) {
        size_t len = 0, lines = 0, pieces = 0, last = 0, first_line = (size_t)-1;
        double bound;
        neval_span global;
        int intact = 0;

        for (i = pi->first[p]; i != SIZE_MAX && !rc; i = pi->next[i]) {
            lines += gt->regions[i].n_lines;
            pieces++;
            last = i;
            size_t n = ng->off[i + 1] - ng->off[i];
            if (n > 0) /* a text of no region has no code points at all: cps is NULL */
                rc = cps_append(&text, &len, &cap, ng->cps + ng->off[i], n);
            if (located[i] && first_line == (size_t)-1)
                first_line = no->line_of[spans[i].start];
        }
        if (rc || lines < 2 || len == 0)
            continue;
        m->paragraphs++;
        if (pieces == 1 && scored[last]) {
            global = spans[last];
        } else {
            rc = neval_align_semiglobal(&global, text, len, no->cps, no->len);
            if (rc)
                break;
        }
        bound = NEVAL_LOCATE_MAX_COST * (double)len;
        if ((double)global.cost + NEVAL_PARA_SPLIT_SLACK * (double)len < bound)
            bound = (double)global.cost + NEVAL_PARA_SPLIT_SLACK * (double)len;
        for (l = 0; l <= no->n_lines && !intact && !rc; l++) {
            /* l == 0 tries the first piece's line; then every line once. */
            size_t line = l == 0 ? first_line : l - 1;
            size_t ll;
            neval_span sp;

            if (line >= no->n_lines || (l > 0 && line == first_line))
                continue;
            ll = no->line_start[line + 1] - no->line_start[line];
            if (2 * ll < len)
                continue;
            rc = neval_align_semiglobal(&sp, text, len, no->cps + no->line_start[line], ll);
            if (!rc && (double)sp.cost <= bound)
                intact = 1;
        }
        m->paragraphs_intact += (size_t)intact;
    }
    free(text);
    m->paragraph_integrity = ratio(m->paragraphs_intact, m->paragraphs);
    return rc;
}

/* Caption separation and interruption (see the file comment). */
static void captions_eval(neval_page_metrics *m, const neval_gt_page *gt, const norm_output *no,
                          const para_index *pi, const neval_span *spans,
                          const unsigned char *located, const unsigned char *scored)
{
    size_t c, r, p;

    for (c = 0; c < gt->n_regions; c++) {
        size_t s, e, ls, le;
        int separated = 1, interrupting = 0, within = 0;

        if (gt->regions[c].role != NEVAL_ROLE_CAPTION || !scored[c])
            continue;
        m->captions++;
        if (!located[c])
            continue;
        m->captions_located++;
        s = spans[c].start;
        e = spans[c].end;
        ls = no->line_start[no->line_of[s]];
        le = no->line_start[no->line_of[e - 1] + 1];
        for (r = 0; r < gt->n_regions && separated; r++) {
            if (r == c || !located[r] || gt->regions[r].role == NEVAL_ROLE_CAPTION)
                continue;
            if (overlaps(spans[r].start, spans[r].end, ls, s) ||
                overlaps(spans[r].start, spans[r].end, e, le))
                separated = 0;
        }
        for (p = 0; p < pi->n && !(interrupting && within); p++) {
            int before = 0, after = 0, before_any = 0, after_any = 0;

            for (r = pi->first[p]; r != SIZE_MAX; r = pi->next[r]) {
                if (!located[r] || gt->regions[r].role != NEVAL_ROLE_BODY)
                    continue;
                before |= overlaps(spans[r].start, spans[r].end, ls, s);
                after |= overlaps(spans[r].start, spans[r].end, e, le);
                before_any |= spans[r].start < s;
                after_any |= spans[r].end > e;
            }
            interrupting |= before && after;
            within |= before_any && after_any;
        }
        m->captions_separated += (size_t)separated;
        m->captions_interrupting += (size_t)interrupting;
        m->captions_within += (size_t)within;
    }
    m->caption_separated = ratio(m->captions_separated, m->captions_located);
    m->caption_interrupting = ratio(m->captions_interrupting, m->captions_located);
    m->caption_within = ratio(m->captions_within, m->captions_located);
}

/* Largest DP matrix (pattern x span cells, one byte each) mask_alignment traces. */
#define MASK_DP_MAX ((size_t)64 * 1024 * 1024)
/* Stands for an output character already taken by a located region; not a code point. */
#define MASKED ((uint32_t)0xFFFFFFFFu)

/*
 * mask_alignment: align p[0..m) globally with w[0..n) (the span a semi-global
 * alignment found) and set to MASKED every position of w the alignment pairs
 * with a pattern character (match or substitution); characters it skips
 * (insertions, e.g. a caption inside the span) stay available.  Plain DP with
 * a byte of traceback per cell; when that would exceed MASK_DP_MAX cells the
 * whole span is masked.  Errors: NEVAL_ERR_NOMEM.
 */
static int mask_alignment(uint32_t *w, size_t n, const uint32_t *p, size_t m)
{
    enum { DIAG = 0, UP = 1, LEFT = 2 };
    unsigned char *dir = NULL;
    uint32_t *row = NULL;
    size_t i, j, cols = n + 1;

    if (m == 0 || n == 0)
        return NEVAL_OK;
    if ((m + 1) > MASK_DP_MAX / cols) {
        for (j = 0; j < n; j++)
            w[j] = MASKED;
        return NEVAL_OK;
    }
    dir = malloc((m + 1) * cols);
    row = malloc(cols * sizeof(*row));
    if (!dir || !row) {
        free(dir);
        free(row);
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory (alignment trace)");
    }
    for (j = 0; j <= n; j++) {
        row[j] = (uint32_t)j;
        dir[j] = LEFT;
    }
    for (i = 1; i <= m; i++) {
        uint32_t diag = row[0], left = (uint32_t)i;
        unsigned char *d = dir + i * cols;

        row[0] = left;
        d[0] = UP;
        for (j = 1; j <= n; j++) {
            uint32_t up = row[j], best = diag + (p[i - 1] != w[j - 1]);
            unsigned char how = DIAG;

            if (up + 1 < best) {
                best = up + 1;
                how = UP;
            }
            if (left + 1 < best) {
                best = left + 1;
                how = LEFT;
            }
            d[j] = how;
            diag = up;
            row[j] = best;
            left = best;
        }
    }
    i = m;
    j = n;
    while (i > 0 || j > 0) {
        unsigned char how = dir[i * cols + j];

        if (how == DIAG && i > 0 && j > 0) {
            w[j - 1] = MASKED;
            i--;
            j--;
        } else if (how == UP && i > 0) {
            i--;
        } else {
            j--;
        }
    }
    free(dir);
    free(row);
    return NEVAL_OK;
}

/* Regions shorter than this (a "点。" that ends a paragraph at the top of the next
 * column) are too short to have a place of their own in the output: they are located
 * (and count for paragraphs and captions) but left out of the reading-order score. */
#define SHORT_REGION_LEN 4

/* A region to locate: its length and index, sorted longest first. */
typedef struct {
    size_t len;
    size_t index;
} region_key;

/* Longer regions first; equal lengths in reading order. */
static int cmp_region_key(const void *x, const void *y)
{
    const region_key *a = x, *b = y;

    if (a->len != b->len)
        return a->len > b->len ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* Located regions sorted by text (length, then code points), then reading order. */
typedef struct {
    const uint32_t *text;
    size_t len, index;
} text_key;

static int cmp_text_key(const void *x, const void *y)
{
    const text_key *a = x, *b = y;
    size_t i;

    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    for (i = 0; i < a->len; i++) {
        if (a->text[i] != b->text[i])
            return a->text[i] < b->text[i] ? -1 : 1;
    }
    return (a->index > b->index) - (a->index < b->index);
}

static int cmp_span_start(const void *x, const void *y)
{
    const neval_span *a = x, *b = y;

    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->end > b->end) - (a->end < b->end);
}

/*
 * Regions with identical text (a paragraph a page prints twice) cannot be told
 * apart: whichever copy each was aligned to, the copies are given out in reading
 * order (the earliest span to the first region).  Groups are found by sorting,
 * O(n log n), not by comparing every pair.
 */
static int identical_in_order(neval_span *spans, const unsigned char *located, size_t n,
                              const norm_gt *ng)
{
    text_key *keys = malloc((n + 1) * sizeof(*keys));
    neval_span *group = malloc((n + 1) * sizeof(*group));
    size_t nk = 0, i, j, k;

    if (!keys || !group) {
        free(keys);
        free(group);
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    }
    for (i = 0; i < n; i++) {
        if (located[i]) {
            keys[nk].text = ng->cps + ng->off[i];
            keys[nk].len = ng->off[i + 1] - ng->off[i];
            keys[nk++].index = i;
        }
    }
    qsort(keys, nk, sizeof(*keys), cmp_text_key);
    for (i = 0; i < nk; i = j) {
        for (j = i + 1; j < nk && keys[j].len == keys[i].len &&
                        !memcmp(keys[j].text, keys[i].text, keys[i].len * sizeof(uint32_t));
             j++)
            ;
        if (j - i < 2)
            continue;
        for (k = i; k < j; k++)
            group[k - i] = spans[keys[k].index];
        qsort(group, j - i, sizeof(*group), cmp_span_start);
        for (k = i; k < j; k++) /* keys[i..j) are in reading order */
            spans[keys[k].index] = group[k - i];
    }
    free(keys);
    free(group);
    return NEVAL_OK;
}

/*
 * regions_locate: find each GT region of >= NEVAL_LOCATE_MIN_LEN code points
 * in the output (scored[i] = 1), longest first; located[i] when the
 * semi-global cost is <= NEVAL_LOCATE_MAX_COST * length, spans[i] its span.
 * The output characters a located region pairs with are then taken out of
 * the search for the remaining regions, so that each output character
 * belongs to at most one region: a caption that repeats a sentence of the
 * body is found at its own place, not inside the body.
 */
static int regions_locate(neval_span *spans, unsigned char *located, unsigned char *scored,
                          const neval_gt_page *gt, const norm_gt *ng, const norm_output *no)
{
    uint32_t *work = NULL;
    region_key *order = NULL;
    size_t i, n = 0;
    int rc = NEVAL_OK;

    work = malloc((no->len ? no->len : 1) * sizeof(*work));
    order = malloc((gt->n_regions + 1) * sizeof(*order));
    if (!work || !order) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    if (no->len)
        memcpy(work, no->cps, no->len * sizeof(*work));
    for (i = 0; i < gt->n_regions; i++) {
        size_t len = ng->off[i + 1] - ng->off[i];

        if (len >= NEVAL_LOCATE_MIN_LEN) {
            scored[i] = 1;
            order[n].len = len;
            order[n].index = i;
            n++;
        }
    }
    if (n > 1)
        qsort(order, n, sizeof(*order), cmp_region_key);
    for (i = 0; i < n && !rc; i++) {
        size_t r = order[i].index, len = order[i].len;
        const uint32_t *pat = ng->cps + ng->off[r];
        neval_span *sp = &spans[r];

        rc = neval_align_semiglobal(sp, pat, len, work, no->len);
        if (rc || (double)sp->cost > NEVAL_LOCATE_MAX_COST * (double)len || sp->end <= sp->start)
            continue;
        located[r] = 1;
        rc = mask_alignment(work + sp->start, sp->end - sp->start, pat, len);
    }
    if (!rc)
        rc = identical_in_order(spans, located, gt->n_regions, ng);

cleanup:
    free(work);
    free(order);
    return rc;
}

int neval_page_evaluate(neval_page_metrics *out, const neval_gt_page *gt,
                        const neval_output *output)
{
    neval_page_metrics m;
    norm_output no;
    norm_gt ng;
    neval_span *spans = NULL;
    unsigned char *located = NULL, *scored = NULL;
    para_index pi = {NULL, NULL, NULL, 0};
    size_t i, k;
    double *xs = NULL, *ys = NULL;
    int rc;

    memset(&m, 0, sizeof(m));
    memset(&ng, 0, sizeof(ng));
    memset(out, 0, sizeof(*out));
    rc = norm_output_build(&no, output);
    if (rc)
        return rc;
    rc = norm_gt_build(&ng, gt);
    if (rc)
        goto cleanup;
    m.gt_chars = ng.len;
    m.out_chars = no.len;

    rc = neval_align_levenshtein(&m.edits, ng.cps, ng.len, no.cps, no.len);
    if (!rc)
        rc = neval_align_order_free(&m.missing, &m.extra, ng.cps, ng.len, no.cps, no.len);
    if (rc)
        goto cleanup;
    m.cer = ratio(m.edits, m.gt_chars);
    m.order_free_error = ratio(m.missing > m.extra ? m.missing : m.extra, m.gt_chars);

    spans = calloc(gt->n_regions + 1, sizeof(*spans));
    located = calloc(gt->n_regions + 1, 1);
    scored = calloc(gt->n_regions + 1, 1);
    xs = calloc(gt->n_regions + 1, sizeof(*xs));
    ys = calloc(gt->n_regions + 1, sizeof(*ys));
    if (!spans || !located || !scored || !xs || !ys) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    rc = regions_locate(spans, located, scored, gt, &ng, &no);
    if (rc)
        goto cleanup;
    size_t nt = 0;
    for (i = 0, k = 0; i < gt->n_regions; i++) {
        m.regions += scored[i];
        if (!located[i])
            continue;
        k++;
        if (ng.off[i + 1] - ng.off[i] < SHORT_REGION_LEN)
            continue; /* its place is a guess: it says nothing about the order */
        xs[nt] = (double)i;
        ys[nt] = (double)spans[i].start;
        nt++;
    }
    m.regions_located = k;
    m.kendall_tau = neval_kendall_tau_b(xs, ys, nt);

    rc = paragraphs_build(&pi, gt);
    if (!rc)
        rc = paragraphs_eval(&m, gt, &ng, &no, &pi, spans, located, scored);
    if (rc)
        goto cleanup;
    captions_eval(&m, gt, &no, &pi, spans, located, scored);

    neval_text_cjk_spacing(&m.cjk_spaces, &m.cjk_chars, output->text, output->len);
    m.cjk_spacing = ratio(m.cjk_spaces, m.cjk_chars);
    *out = m;

cleanup:
    free(spans);
    free(located);
    free(scored);
    paragraphs_free(&pi);
    free(xs);
    free(ys);
    norm_gt_free(&ng);
    norm_output_free(&no);
    return rc;
}

/* Running mean of a value that may be NAN (N/A pages do not count). */
typedef struct {
    double sum;
    size_t n;
} mean_acc;

static void acc_add(mean_acc *a, double v)
{
    if (!isnan(v)) {
        a->sum += v;
        a->n++;
    }
}

static double acc_mean(const mean_acc *a)
{
    return a->n ? a->sum / (double)a->n : NAN;
}

void neval_metrics_aggregate(neval_aggregate *out, const neval_page_metrics *pages, size_t n)
{
    mean_acc cer = {0, 0}, ofe = {0, 0}, tau = {0, 0}, par = {0, 0};
    mean_acc sep = {0, 0}, intr = {0, 0}, within = {0, 0}, cjk = {0, 0};
    neval_page_metrics *s = &out->mean;
    size_t i;

    memset(out, 0, sizeof(*out));
    out->pages = n;
    for (i = 0; i < n; i++) {
        const neval_page_metrics *p = &pages[i];

        s->gt_chars += p->gt_chars;
        s->out_chars += p->out_chars;
        s->edits += p->edits;
        s->missing += p->missing;
        s->extra += p->extra;
        s->regions += p->regions;
        s->regions_located += p->regions_located;
        s->paragraphs += p->paragraphs;
        s->paragraphs_intact += p->paragraphs_intact;
        s->captions += p->captions;
        s->captions_located += p->captions_located;
        s->captions_separated += p->captions_separated;
        s->captions_interrupting += p->captions_interrupting;
        s->captions_within += p->captions_within;
        s->cjk_chars += p->cjk_chars;
        s->cjk_spaces += p->cjk_spaces;
        acc_add(&cer, p->cer);
        acc_add(&ofe, p->order_free_error);
        acc_add(&tau, p->kendall_tau);
        acc_add(&par, p->paragraph_integrity);
        acc_add(&sep, p->caption_separated);
        acc_add(&intr, p->caption_interrupting);
        acc_add(&within, p->caption_within);
        acc_add(&cjk, p->cjk_spacing);
    }
    s->cer = acc_mean(&cer);
    s->order_free_error = acc_mean(&ofe);
    s->kendall_tau = acc_mean(&tau);
    s->paragraph_integrity = acc_mean(&par);
    s->caption_separated = acc_mean(&sep);
    s->caption_interrupting = acc_mean(&intr);
    s->caption_within = acc_mean(&within);
    s->cjk_spacing = acc_mean(&cjk);
    out->cer_weighted = ratio(s->edits, s->gt_chars);
}
