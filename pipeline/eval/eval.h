/*
 * eval.h: private API of the newsocr evaluator (newsocr-eval).
 *
 * Used by the evaluator CLI (main.c), the unit tests (tests/eval) and the
 * benchmark.  It is not part of the public newsocr library header.
 *
 *   Errors             neval_error_message(), neval_error_set()
 *   Limits             neval_limits_get(), neval_limits_set()
 *   Files              neval_file_read()
 *   Text               neval_text_normalize(), neval_text_is_cjk(),
 *                      neval_text_cjk_spacing()
 *   Alignment          neval_align_levenshtein(), neval_align_semiglobal(),
 *                      their _dp reference versions, neval_align_order_free()
 *   Rank correlation   neval_kendall_tau_b()
 *   Ground truth       neval_gt_load(), neval_gt_parse(), neval_gt_new(),
 *                      neval_gt_add_region(), neval_gt_free(), neval_role_from_name()
 *   System output      neval_output_load(), neval_output_from_txt(), neval_output_free()
 *   Page metrics       neval_page_evaluate(), neval_metrics_aggregate()
 *   Reports            neval_report_json(), neval_report_table()
 *
 * Conventions (see /work/shared/STYLE.md): a fallible function returns 0 or a
 * negative neval_error code and leaves a one-line message (naming the file and
 * the reason where there is one) for neval_error_message(); output parameters
 * come first and are named out*; objects returned through **out belong to the
 * caller and are freed with the module's _free function, which accepts NULL.
 * The library never prints to stdout and never exits.
 *
 * Text everywhere is UTF-8 on input.  Metrics compare Unicode code points
 * (uint32_t) of NFKC-normalised text with all White_Space removed.
 */
#ifndef NEWSOCR_EVAL_H
#define NEWSOCR_EVAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Errors and limits                                                    */
/* ------------------------------------------------------------------ */

typedef enum {
    NEVAL_OK = 0,
    NEVAL_ERR_NOMEM = -1,       /* out of memory */
    NEVAL_ERR_IO = -2,          /* a file cannot be opened, read or written */
    NEVAL_ERR_PARSE = -3,       /* malformed XML / text that is not UTF-8 */
    NEVAL_ERR_INVALID = -4,     /* well-formed but not what we expect (not PAGE...) */
    NEVAL_ERR_UNSUPPORTED = -5, /* a format version this evaluator does not read */
    NEVAL_ERR_LIMIT = -6        /* input larger than the limits below */
} neval_error;

/* Largest input file read, in bytes. */
#define NEVAL_FILE_MAX ((size_t)64 * 1024 * 1024)
/* Largest normalised text of one page (GT or output), in code points.  The
 * metrics are O(n*m): a newspaper page has ~10k characters and takes well
 * under a second; at this limit a page would take minutes. */
#define NEVAL_TEXT_MAX ((size_t)256 * 1024)
/* A GT region is "located" in the output when its alignment cost is at most
 * this fraction of its length. */
#define NEVAL_LOCATE_MAX_COST 0.5
/* A paragraph is intact only if its best single-line alignment costs at most
 * this fraction of its length more than its best alignment in the output. */
#define NEVAL_PARA_SPLIT_SLACK 0.1
/* Largest match table (distinct pattern characters x 64-row blocks, in
 * 64-bit words) the bit-parallel aligner builds before falling back to DP. */
#define NEVAL_MYERS_TABLE_MAX ((size_t)8 * 1024 * 1024)
/* Regions shorter than this (in normalised code points) are not located. */
#define NEVAL_LOCATE_MIN_LEN 2

/* Most XML elements of a PAGE file, and most JSON values of an output file.  A
 * newspaper page with glyph-level ground truth has ~100k; each element costs ~100 bytes
 * of tree, so a 64 MiB file of empty elements would otherwise take gigabytes. */
#define NEVAL_NODES_MAX ((size_t)1000 * 1000)
/* Most bytes of text one file contributes (GT regions' texts, or the output's text).
 * The metrics refuse pages over NEVAL_TEXT_MAX code points anyway; this stops the
 * readers first, before they build the whole string. */
#define NEVAL_TEXT_BYTES_MAX ((size_t)4 * 1024 * 1024)

/* The readers' limits: file bytes, nodes, text bytes (the constants above). */
typedef struct {
    size_t file_max;  /* bytes of one input file; at most NEVAL_FILE_MAX */
    size_t nodes_max; /* elements of a PAGE file, values of a JSON file */
    size_t text_max;  /* bytes of text read from one file */
} neval_limits;
#define NEVAL_LIMITS_INIT {NEVAL_FILE_MAX, NEVAL_NODES_MAX, NEVAL_TEXT_BYTES_MAX}

/* neval_limits_get: the limits in force (never NULL). */
const neval_limits *neval_limits_get(void);

/*
 * neval_limits_set: lower the limits (a value of 0, or above the default, keeps the
 * default); NULL restores the defaults.  Process-wide and not thread-safe: meant for
 * tests, which exercise each refusal with small inputs.
 */
void neval_limits_set(const neval_limits *limits);

/*
 * neval_error_message: the message of the last error set in this thread
 * ("" when none).  The string is owned by the library; valid until the next
 * error in this thread.
 */
const char *neval_error_message(void);

/*
 * neval_error_set: record a printf-style one-line message for this thread and
 * return code, so that callers can write `return neval_error_set(...)`.
 * Messages longer than 511 bytes are truncated.
 */
int neval_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * neval_file_read: read a whole file.  *out (caller frees with free()) gets
 * the bytes plus a terminating NUL not counted in *out_len.  Errors:
 * NEVAL_ERR_IO (message "PATH: strerror"), NEVAL_ERR_LIMIT (> the file_max limit),
 * NEVAL_ERR_NOMEM.  On error *out is NULL.
 */
int neval_file_read(char **out, size_t *out_len, const char *path);

/* ------------------------------------------------------------------ */
/* Text                                                                 */
/* ------------------------------------------------------------------ */

/*
 * neval_text_normalize: NFKC-normalise n bytes of UTF-8 at s
 * (libunistring u8_normalize(UNINORM_NFKC)) and return its code points with
 * every Unicode White_Space character removed.  *out (caller frees with
 * free(); may be NULL when *out_len is 0) and *out_len receive the result.
 * Errors: NEVAL_ERR_PARSE when s is not valid UTF-8, NEVAL_ERR_NOMEM,
 * NEVAL_ERR_LIMIT.
 */
int neval_text_normalize(uint32_t **out, size_t *out_len, const char *s, size_t n);

/*
 * neval_text_is_cjk: nonzero for the characters the CJK-spacing metric
 * calls CJK: Han (CJK radicals U+2E80-2FDF, Ext A U+3400-4DBF, unified
 * U+4E00-9FFF, compatibility U+F900-FAFF, planes 2-3), CJK symbols and
 * punctuation U+3001-303F (U+3000 itself is a space), kana U+3040-30FF and
 * U+31F0-31FF, CJK compatibility forms U+FE30-FE4F and the halfwidth and
 * fullwidth forms U+FF00-FFEF.
 */
int neval_text_is_cjk(uint32_t c);

/*
 * neval_text_cjk_spacing: scan n bytes of raw (not normalised) UTF-8 at s.
 * *out_runs = number of maximal runs of ASCII space, tab or U+3000 that have
 * a CJK character immediately on both sides; *out_cjk = number of CJK
 * characters.  "中 国" gives 1 and 2.  A newline ends a run without counting.
 * Invalid bytes count as U+FFFD (not CJK).  Never fails.
 */
void neval_text_cjk_spacing(size_t *out_runs, size_t *out_cjk, const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Alignment                                                            */
/* ------------------------------------------------------------------ */

/*
 * neval_align_levenshtein: unit-cost edit distance (insert, delete,
 * substitute) between a[0..na) and b[0..nb) into *out.  Bit-parallel
 * (Myers 1999, "A fast bit-vector algorithm for approximate string matching
 * based on dynamic programming", blocks as in Hyyro 2003 / edlib):
 * O(ceil(min/64) * max) word operations.  Falls back to
 * neval_align_levenshtein_dp when the match table would exceed
 * NEVAL_MYERS_TABLE_MAX words.  Errors: NEVAL_ERR_NOMEM, NEVAL_ERR_LIMIT.
 */
int neval_align_levenshtein(size_t *out, const uint32_t *a, size_t na, const uint32_t *b,
                            size_t nb);

/*
 * neval_align_levenshtein_dp: the same by Wagner-Fischer dynamic programming
 * (one row of min(na,nb)+1 cells, O(na*nb)); the reference for tests.
 */
int neval_align_levenshtein_dp(size_t *out, const uint32_t *a, size_t na, const uint32_t *b,
                               size_t nb);

/* Result of a semi-global alignment: pattern aligned to text[start..end). */
typedef struct {
    size_t cost;  /* edit cost of the alignment */
    size_t start; /* first text position of the aligned span */
    size_t end;   /* one past the last text position of the span (end >= start) */
} neval_span;

/*
 * neval_align_semiglobal: align the whole pattern p[0..np) against any
 * substring of t[0..nt) (leading and trailing text is free; Sellers 1980,
 * "The theory and computation of evolutionary distances: pattern recognition").
 * *out gets the minimum cost and the span; among equally cheap alignments the
 * one ending first is chosen, and for that end the latest start, so spans
 * are as short as possible and do not spill into neighbouring text.
 * Bit-parallel (Myers 1999): one forward search pass for the cost and end,
 * then a backward anchored pass over at most np + cost characters for the
 * start; O(ceil(np/64) * nt) word operations.  Falls back to
 * neval_align_semiglobal_dp like neval_align_levenshtein.  np == 0 gives
 * cost 0, empty span at 0; nt == 0 gives cost np.
 * Errors: NEVAL_ERR_NOMEM, NEVAL_ERR_LIMIT.
 */
int neval_align_semiglobal(neval_span *out, const uint32_t *p, size_t np, const uint32_t *t,
                           size_t nt);

/*
 * neval_align_semiglobal_dp: the same result by plain dynamic programming
 * carrying (cost, start) per cell, O(np*nt) time, two rows of nt+1 cells;
 * the reference for tests.
 */
int neval_align_semiglobal_dp(neval_span *out, const uint32_t *p, size_t np, const uint32_t *t,
                              size_t nt);

/*
 * neval_align_order_free: compare a and b as multisets of code points.
 * *out_missing = code points of a not matched in b, *out_extra = code points
 * of b not matched in a.  max(missing, extra) is a lower bound of the
 * Levenshtein distance under any reordering of b.  O((na+nb) log) time.
 * Errors: NEVAL_ERR_NOMEM.
 */
int neval_align_order_free(size_t *out_missing, size_t *out_extra, const uint32_t *a, size_t na,
                           const uint32_t *b, size_t nb);

/*
 * neval_kendall_tau_b: Kendall's tau-b between x[i] and y[i], i < n
 * (Kendall 1945, "The treatment of ties in ranking problems"):
 * (concordant - discordant) / sqrt((n0 - tx) (n0 - ty)), n0 = n(n-1)/2,
 * tx/ty = pairs tied in x/y.  Returns 1.0 when n < 2 and 0.0 when x or y is
 * constant (no order to compare).  O(n^2); n is a page's region count.
 */
double neval_kendall_tau_b(const double *x, const double *y, size_t n);

/* ------------------------------------------------------------------ */
/* Ground truth                                                         */
/* ------------------------------------------------------------------ */

typedef enum {
    NEVAL_ROLE_BODY = 0, /* running text: @type paragraph (or no @type), structure body */
    NEVAL_ROLE_HEADING,  /* heading, headline, subheadline, section-heading */
    NEVAL_ROLE_CAPTION,  /* caption */
    NEVAL_ROLE_OTHER     /* header, footer, credit, page-number, note, ... */
} neval_role;

/* One GT text region (or piece of a paragraph). */
typedef struct {
    char *id;           /* @id, or "" */
    char *text;         /* region text, UTF-8, as in the file */
    char *paragraph_id; /* custom paragraph {id:...}, NULL = own paragraph */
    neval_role role;
    size_t n_lines; /* number of TextLines */
} neval_gt_region;

/* A GT page: its text regions in reading order. */
typedef struct {
    char *name; /* file name or label given at load time */
    neval_gt_region *regions;
    size_t n_regions;
    size_t cap_regions;
} neval_gt_page;

/*
 * neval_gt_load: read a PAGE XML ground truth (PAGE 2013, 2017 or 2019;
 * elements are matched on local names, so any PAGE namespace is accepted).
 *
 * Regions: every TextRegion under Page, in document order; a TextRegion
 * that contains TextRegions is replaced by them (its own lines are ignored).
 * Reading order: Page/ReadingOrder flattened depth-first (ordered groups by
 * @index, unordered groups in document order; a group's own @regionRef comes
 * before its children); references to non-text regions and repeated
 * references are skipped; TextRegions missing from the reading order follow
 * in document order.  Without ReadingOrder, document order.
 * Text: the region's TextEquiv/Unicode (lowest @index when several), else its
 * TextLines' texts (each line's TextEquiv, else its Words' joined by spaces)
 * joined by newlines.
 * Role: @custom structure {type:...} when present, else @type (see
 * neval_role_from_name).  Paragraph: @custom paragraph {id:...}, else the
 * region is its own paragraph.
 *
 * Safety: a file with a DOCTYPE (internal or external DTD) is refused before
 * any entity is declared, so none is ever expanded; no DTD or other resource is
 * loaded, nothing from the network.  Limits (neval_limits): file bytes, XML
 * elements, bytes of region text.
 *
 * *out (free with neval_gt_free) on success.  Errors: NEVAL_ERR_IO,
 * NEVAL_ERR_LIMIT (a limit exceeded: the message names it),
 * NEVAL_ERR_PARSE (not well-formed XML: message has the line),
 * NEVAL_ERR_INVALID (a DOCTYPE; root is not PcGts, no Page), NEVAL_ERR_NOMEM.
 */
int neval_gt_load(neval_gt_page **out, const char *path);

/* neval_gt_parse: as neval_gt_load, from n bytes at buf; name labels messages. */
int neval_gt_parse(neval_gt_page **out, const char *buf, size_t n, const char *name);

/* neval_gt_new: an empty page named name (copied; may be NULL).  For tests. */
int neval_gt_new(neval_gt_page **out, const char *name);

/*
 * neval_gt_add_region: append a region (strings copied; id, paragraph_id may
 * be NULL) at the end of the reading order.  Errors: NEVAL_ERR_NOMEM.
 */
int neval_gt_add_region(neval_gt_page *page, const char *id, const char *text, neval_role role,
                        const char *paragraph_id, size_t n_lines);

/* neval_gt_free: free a page and everything in it; NULL is a no-op. */
void neval_gt_free(neval_gt_page *page);

/*
 * neval_role_from_name: map a PAGE @type or custom structure type to a role:
 * NULL, "", "paragraph", "body" -> BODY; "heading", "headline", "subheadline",
 * "section-heading" -> HEADING; "caption" -> CAPTION; anything else -> OTHER.
 */
neval_role neval_role_from_name(const char *name);

/* ------------------------------------------------------------------ */
/* System output                                                        */
/* ------------------------------------------------------------------ */

/*
 * The output under evaluation, whatever its file format: its text as a
 * sequence of lines in output order.  For txt a line is a line of the file;
 * for newsocr's JSON export, one line per paragraph in reading order (as the
 * txt export writes them), so the metrics are the same for both.
 */
typedef struct {
    char *name;          /* file name or label */
    char *text;          /* all text, UTF-8, lines separated by '\n' */
    size_t len;          /* bytes in text */
    size_t *line_offset; /* n_lines + 1 byte offsets: line i is text[off[i]..off[i+1]) */
    size_t n_lines;      /* (the '\n' ending a line is inside its range) */
} neval_output;

/*
 * neval_output_load: read the output file at path.  The format is chosen by
 * extension: ".json" is newsocr's JSON export (schema "newsocr-page"; another
 * schema version is NEVAL_ERR_UNSUPPORTED, another document NEVAL_ERR_INVALID;
 * more values than the nodes limit NEVAL_ERR_LIMIT, before parsing);
 * anything else is read as plain text (neval_output_from_txt).  *out: free
 * with neval_output_free.  Errors: NEVAL_ERR_IO, NEVAL_ERR_LIMIT,
 * NEVAL_ERR_PARSE, NEVAL_ERR_NOMEM, NEVAL_ERR_INVALID, NEVAL_ERR_UNSUPPORTED.
 */
int neval_output_load(neval_output **out, const char *path);

/*
 * neval_output_from_txt: n bytes of UTF-8 text (a leading BOM is dropped,
 * CR before LF is dropped).  Errors: NEVAL_ERR_PARSE (not UTF-8: message
 * names the byte offset), NEVAL_ERR_LIMIT (more bytes than the text limit),
 * NEVAL_ERR_NOMEM.
 */
int neval_output_from_txt(neval_output **out, const char *buf, size_t n, const char *name);

/* neval_output_free: NULL is a no-op. */
void neval_output_free(neval_output *output);

/* ------------------------------------------------------------------ */
/* Metrics                                                              */
/* ------------------------------------------------------------------ */

/*
 * Metrics of one page.  A double is NAN when the metric does not apply
 * (N/A: no GT text, no multi-line paragraph, no located caption, no CJK).
 */
typedef struct {
    size_t gt_chars;         /* normalised GT code points */
    size_t out_chars;        /* normalised output code points */
    size_t edits;            /* Levenshtein(gt in reading order, output) */
    double cer;              /* edits / gt_chars */
    size_t missing;          /* multiset: GT code points absent from the output */
    size_t extra;            /* multiset: output code points absent from the GT */
    double order_free_error; /* max(missing, extra) / gt_chars <= cer */

    size_t regions;         /* GT regions with >= NEVAL_LOCATE_MIN_LEN code points */
    size_t regions_located; /* of those, located in the output */
    double kendall_tau;     /* tau-b: GT order vs output position of located ones */

    size_t paragraphs;        /* logical paragraphs with >= 2 TextLines */
    size_t paragraphs_intact; /* of those, found within one output line */
    double paragraph_integrity;

    size_t captions;              /* GT caption regions (>= NEVAL_LOCATE_MIN_LEN) */
    size_t captions_located;      /* of those, located */
    size_t captions_separated;    /* located, on output lines free of other text */
    size_t captions_interrupting; /* located inside a body paragraph's text on its lines */
    size_t captions_within;       /* located between text of one body paragraph */
    double caption_separated;     /* separated / located */
    double caption_interrupting;  /* interrupting / located */
    double caption_within;        /* within / located */

    size_t cjk_chars;   /* CJK characters in the raw output */
    size_t cjk_spaces;  /* whitespace runs between two CJK characters */
    double cjk_spacing; /* cjk_spaces / cjk_chars */
} neval_page_metrics;

/*
 * neval_page_evaluate: compute all metrics of output against gt into *out
 * (see the definitions in the file comment of metrics.c and in
 * `newsocr-eval --help`).  Cost O(len_gt * len_out).  Errors: NEVAL_ERR_NOMEM,
 * NEVAL_ERR_LIMIT, NEVAL_ERR_PARSE (text not valid UTF-8).
 */
int neval_page_evaluate(neval_page_metrics *out, const neval_gt_page *gt,
                        const neval_output *output);

/*
 * Aggregate over pages: the mean of each per-page value over the pages
 * where it applies (NAN when none), and the character-weighted CER
 * sum(edits) / sum(gt_chars).
 */
typedef struct {
    size_t pages;            /* pages evaluated */
    neval_page_metrics mean; /* doubles are means; counts are sums */
    double cer_weighted;
} neval_aggregate;

/* neval_metrics_aggregate: aggregate n pages (n may be 0).  Never fails. */
void neval_metrics_aggregate(neval_aggregate *out, const neval_page_metrics *pages, size_t n);

/* One evaluated (or failed) pair, as the reports see it. */
typedef struct {
    const char *gt_path;
    const char *output_path;
    const char *error; /* NULL when metrics are valid, else the one-line reason */
    neval_page_metrics metrics;
} neval_page_result;

/*
 * neval_report_json: build the JSON report {"version", "pages": [...],
 * "aggregate": {...}} (NAN -> null; failed pages carry "error" and are left
 * out of the aggregate).  *out is a new reference (json_decref).
 * Errors: NEVAL_ERR_NOMEM.
 */
int neval_report_json(json_t **out, const neval_page_result *pages, size_t n, const char *version);

/*
 * neval_report_table: write an aligned table to fp: a header, one row per
 * page (failed pages show the error) and a mean row.  Errors: NEVAL_ERR_IO.
 */
int neval_report_table(FILE *fp, const neval_page_result *pages, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* NEWSOCR_EVAL_H */
