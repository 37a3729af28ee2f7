/*
 * main.c: the newsocr-eval command line.
 *
 *   main()          parse arguments, evaluate every pair, write the reports
 *   usage()         the --help text (metric definitions included)
 *   list_read()     pairs from a --list file
 *   pair_evaluate() load one GT/output pair and compute its metrics
 *
 * Exit status: 0 all pairs evaluated; 1 usage error; 2 an input could not
 * be read or is invalid (one line on stderr per problem, the other pairs
 * are still evaluated), or a report could not be written.
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#ifndef NEWSOCR_EVAL_VERSION
#define NEWSOCR_EVAL_VERSION "0.1.0"
#endif

#define EXIT_USAGE 1
#define EXIT_INPUT 2

/* res->error when even copying the message failed. */
static const char oom_message[] = "out of memory";

static const char usage_text[] =
    "Usage: newsocr-eval [OPTIONS] GT.page.xml OUTPUT.txt|OUTPUT.json [GT2 OUTPUT2 ...]\n"
    "       newsocr-eval [OPTIONS] --list PAIRS.tsv\n"
    "\n"
    "Compare newsocr output with PAGE XML ground truth and report, per page and\n"
    "in aggregate, recognition and reading-order quality.\n"
    "\n"
    "Options:\n"
    "  --list FILE   read pairs from FILE, one 'gt<TAB>output' per line (blank\n"
    "                lines and lines starting with '#' are skipped; paths as given,\n"
    "                relative to the current directory); may be combined with pairs\n"
    "  --json FILE   also write the per-page and aggregate metrics as JSON to FILE;\n"
    "                '-' writes JSON to stdout instead of the table\n"
    "  -h, --help    show this help\n"
    "  -V, --version show the version\n"
    "\n"
    "Inputs:\n"
    "  Ground truth: PAGE XML 2013/2017/2019 (elements matched on local names).\n"
    "  Regions in ReadingOrder (else document order; regions missing from it\n"
    "  follow in document order); region text = TextEquiv/Unicode, else its\n"
    "  TextLines' texts; role from @custom structure {type:..} else @type;\n"
    "  paragraph from @custom paragraph {id:..}, else each region is one.\n"
    "  Nested TextRegions are flattened.  Roles: caption = caption; body =\n"
    "  paragraph/body (or no @type); heading(s) and everything else are neither.\n"
    "  Output: newsocr's txt (UTF-8, one paragraph or block per line), or its\n"
    "  JSON export (a file ending in .json; schema newsocr-page 1.x), read as the\n"
    "  txt it stands for: one line per paragraph, regions by their reading order\n"
    "  (regions without one left out), a blank line between articles.\n"
    "\n"
    "Metrics (text = NFKC, all whitespace removed, compared as code points;\n"
    "gt = GT regions' texts in reading order; '-' / null = not applicable):\n"
    "  CER      Levenshtein(gt, output) / len(gt).\n"
    "  OFE      order-free error: max(missing, extra) / len(gt) over the code-point\n"
    "           multisets; a lower bound of the CER under any order, i.e. what\n"
    "           recognition alone costs; CER - OFE is what ordering and\n"
    "           segmentation cost.\n"
    "  located  GT regions (>= 2 characters) found in the output: semi-global\n"
    "           alignment against the whole output with edit cost <= 50% of the\n"
    "           region's length; position = start of the aligned span.  Longest\n"
    "           regions first; output characters a located region aligns with\n"
    "           are not used again (repeated text is told apart).\n"
    "  tau      Kendall tau-b between GT reading order and output position of the\n"
    "           located regions of >= 4 characters (shorter ones have no place of\n"
    "           their own; 1 when fewer than 2, 0 when all positions tie).\n"
    "  para     paragraph integrity: of the logical paragraphs with >= 2\n"
    "           TextLines, the fraction whose whole text aligns within one single\n"
    "           output line with cost <= 50% of its length and <= 10% of its\n"
    "           length above its best alignment in the whole output.\n"
    "  capsep   located captions whose output line(s), outside the caption\n"
    "           itself, hold no located text of a non-caption region.\n"
    "  capint   located captions with text of one body paragraph both before and\n"
    "           after them on their output line(s) (caption interrupting text).\n"
    "           JSON also has caption_within: the same without the line condition\n"
    "           (a caption on its own line between two pieces of a paragraph).\n"
    "  cjksp    CJK spacing: runs of space/tab/U+3000 between two CJK characters\n"
    "           (Han, CJK punctuation, kana, full-width forms) in the raw output,\n"
    "           per CJK character.\n"
    "  Aggregate: mean of the per-page values (over pages where they apply) and\n"
    "  the character-weighted CER sum(edits) / sum(len(gt)).\n"
    "\n"
    "JSON: {\"version\", \"pages\": [{\"gt\", \"output\", \"error\" | the metrics with\n"
    "their counts}], \"aggregate\": {\"pages\", \"pages_failed\", \"cer_weighted\",\n"
    "\"mean\": {ratios}, \"totals\": {counts}}}; not applicable = null.\n"
    "\n"
    "Exit status: 0 ok, 1 usage error, 2 an input unreadable or invalid (the\n"
    "other pairs are still evaluated) or a report not writable.\n";

static void usage(FILE *fp)
{
    fputs(usage_text, fp);
}

typedef struct {
    const char *gt;
    const char *output;
} pair;

typedef struct {
    pair *v;
    size_t n, cap;
} pair_list;

static int pairs_add(pair_list *pl, const char *gt, const char *output)
{
    if (pl->n == pl->cap) {
        size_t ncap = pl->cap ? pl->cap * 2 : 16;
        pair *nv = realloc(pl->v, ncap * sizeof(*nv));

        if (!nv)
            return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        pl->v = nv;
        pl->cap = ncap;
    }
    pl->v[pl->n].gt = gt;
    pl->v[pl->n].output = output;
    pl->n++;
    return NEVAL_OK;
}

/*
 * list_read: add the pairs of a --list file.  *out_buf receives the file
 * contents, which the added pairs point into (caller frees after use).  On
 * error the buffer is freed and *out_buf is NULL: the caller must drop the
 * pairs added by this call.
 */
static int list_read(pair_list *pl, char **out_buf, const char *path)
{
    char *buf = NULL, *line, *next;
    size_t len = 0, lineno = 0;
    int rc;

    *out_buf = NULL;
    rc = neval_file_read(&buf, &len, path);
    if (rc)
        return rc;
    if (strlen(buf) != len) {
        free(buf);
        return neval_error_set(NEVAL_ERR_PARSE, "%s: contains a NUL byte", path);
    }
    for (line = buf; line && *line && !rc; line = next) {
        char *tab, *end;

        lineno++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        end = line + strlen(line);
        while (end > line && (end[-1] == '\r' || end[-1] == ' '))
            *--end = '\0';
        if (!*line || *line == '#')
            continue;
        tab = strchr(line, '\t');
        if (!tab || tab == line || !tab[1] || strchr(tab + 1, '\t')) {
            rc = neval_error_set(NEVAL_ERR_INVALID, "%s: line %zu: expected 'gt<TAB>output'", path,
                                 lineno);
            break;
        }
        *tab = '\0';
        rc = pairs_add(pl, line, tab + 1);
    }
    if (rc) {
        free(buf);
        return rc;
    }
    *out_buf = buf;
    return NEVAL_OK;
}

/*
 * Evaluate one pair into *res.  On failure the message goes to stderr and
 * res->error points to *out_error, a malloc'ed copy the caller frees (or to
 * a static string when even that copy failed, *out_error then NULL).
 */
static int pair_evaluate(neval_page_result *res, char **out_error, const pair *p)
{
    neval_gt_page *gt = NULL;
    neval_output *out = NULL;
    int rc;

    memset(res, 0, sizeof(*res));
    *out_error = NULL;
    res->gt_path = p->gt;
    res->output_path = p->output;
    rc = neval_gt_load(&gt, p->gt);
    if (!rc)
        rc = neval_output_load(&out, p->output);
    if (!rc) {
        rc = neval_page_evaluate(&res->metrics, gt, out);
        if (rc) {
            /* Copied first: the message buffer is also the one being written. */
            char reason[512];

            snprintf(reason, sizeof(reason), "%s", neval_error_message());
            neval_error_set(rc, "%s vs %s: %s", p->gt, p->output, reason);
        }
    }
    if (rc) {
        const char *msg = neval_error_message();
        size_t len = strlen(msg);

        *out_error = malloc(len + 1);
        if (*out_error)
            memcpy(*out_error, msg, len + 1);
        res->error = *out_error ? *out_error : oom_message;
        fprintf(stderr, "newsocr-eval: %s\n", msg);
    }
    neval_gt_free(gt);
    neval_output_free(out);
    return rc;
}

/* Write the JSON report to path ("-" = stdout). */
static int json_write(const neval_page_result *res, size_t n, const char *path)
{
    json_t *root = NULL;
    int rc, bad;

    rc = neval_report_json(&root, res, n, NEWSOCR_EVAL_VERSION);
    if (rc)
        return rc;
    if (!strcmp(path, "-")) {
        bad = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) != 0 ||
              fputc('\n', stdout) == EOF;
    } else {
        bad = json_dump_file(root, path, JSON_INDENT(2) | JSON_REAL_PRECISION(6)) != 0;
    }
    json_decref(root);
    if (bad)
        return neval_error_set(NEVAL_ERR_IO, "%s: cannot write the JSON report", path);
    return NEVAL_OK;
}

int main(int argc, char **argv)
{
    pair_list pl = {NULL, 0, 0};
    char **list_bufs = NULL;
    size_t n_lists = 0, i;
    neval_page_result *res = NULL;
    char **errors = NULL;
    const char *json_path = NULL;
    const char **positional = NULL;
    size_t n_pos = 0;
    int status = 0, opts_done = 0, a;

    positional = calloc((size_t)argc + 1, sizeof(*positional));
    list_bufs = calloc((size_t)argc + 1, sizeof(*list_bufs));
    if (!positional || !list_bufs) {
        fprintf(stderr, "newsocr-eval: out of memory\n");
        status = EXIT_INPUT;
        goto cleanup;
    }
    for (a = 1; a < argc; a++) {
        const char *arg = argv[a];

        if (opts_done || arg[0] != '-' || !strcmp(arg, "-")) {
            positional[n_pos++] = arg;
        } else if (!strcmp(arg, "--")) {
            opts_done = 1;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            goto cleanup;
        } else if (!strcmp(arg, "-V") || !strcmp(arg, "--version")) {
            printf("newsocr-eval %s\n", NEWSOCR_EVAL_VERSION);
            goto cleanup;
        } else if (!strcmp(arg, "--json") || !strncmp(arg, "--json=", 7)) {
            json_path = arg[6] == '=' ? arg + 7 : (a + 1 < argc ? argv[++a] : NULL);
            if (!json_path || !*json_path) {
                fprintf(stderr, "newsocr-eval: --json needs a FILE (or -)\n");
                status = EXIT_USAGE;
                goto cleanup;
            }
        } else if (!strcmp(arg, "--list") || !strncmp(arg, "--list=", 7)) {
            const char *lp = arg[6] == '=' ? arg + 7 : (a + 1 < argc ? argv[++a] : NULL);

            if (!lp || !*lp) {
                fprintf(stderr, "newsocr-eval: --list needs a FILE\n");
                status = EXIT_USAGE;
                goto cleanup;
            }
            size_t before = pl.n;

            if (list_read(&pl, &list_bufs[n_lists], lp)) {
                /* drop its pairs (they point into the freed list) and go on */
                fprintf(stderr, "newsocr-eval: %s\n", neval_error_message());
                status = EXIT_INPUT;
                pl.n = before;
            } else {
                n_lists++;
            }
        } else {
            fprintf(stderr, "newsocr-eval: unknown option '%s' (try --help)\n", arg);
            status = EXIT_USAGE;
            goto cleanup;
        }
    }
    if (n_pos % 2 != 0) {
        fprintf(stderr, "newsocr-eval: GT and OUTPUT files must come in pairs (try --help)\n");
        status = EXIT_USAGE;
        goto cleanup;
    }
    for (i = 0; i < n_pos; i += 2) {
        if (pairs_add(&pl, positional[i], positional[i + 1])) {
            fprintf(stderr, "newsocr-eval: out of memory\n");
            status = EXIT_INPUT;
            goto cleanup;
        }
    }
    if (pl.n == 0) {
        if (status == 0) {
            fprintf(stderr, "newsocr-eval: no GT/OUTPUT pair given (try --help)\n");
            status = EXIT_USAGE;
        }
        goto cleanup;
    }
    res = calloc(pl.n, sizeof(*res));
    errors = calloc(pl.n, sizeof(*errors));
    if (!res || !errors) {
        fprintf(stderr, "newsocr-eval: out of memory\n");
        status = EXIT_INPUT;
        goto cleanup;
    }
    for (i = 0; i < pl.n; i++) {
        if (pair_evaluate(&res[i], &errors[i], &pl.v[i]))
            status = EXIT_INPUT;
    }
    if (!json_path || strcmp(json_path, "-") != 0) {
        if (neval_report_table(stdout, res, pl.n)) {
            fprintf(stderr, "newsocr-eval: %s\n", neval_error_message());
            status = EXIT_INPUT;
        }
    }
    if (json_path && json_write(res, pl.n, json_path)) {
        fprintf(stderr, "newsocr-eval: %s\n", neval_error_message());
        status = EXIT_INPUT;
    }

cleanup:
    for (i = 0; errors && i < pl.n; i++)
        free(errors[i]);
    free(errors);
    for (i = 0; list_bufs && i < n_lists; i++)
        free(list_bufs[i]);
    free(list_bufs);
    free(res);
    free(pl.v);
    free((void *)positional);
    xmlCleanupParser();
    if (fflush(stdout) != 0 && status == 0)
        status = EXIT_INPUT;
    return status;
}
