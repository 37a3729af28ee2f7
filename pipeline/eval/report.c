/*
 * report.c: the evaluator's reports.
 *
 *   neval_report_json()    per-page and aggregate metrics as a JSON tree
 *   neval_report_table()   the same as an aligned text table
 *
 * N/A values (NAN) are JSON null and "-" in the table.  Failed pages carry
 * their error and are left out of the aggregate.
 */
#include "eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Widest page label in the table; longer labels keep their tail. */
#define TABLE_NAME_MAX 40

static json_t *num_or_null(double v)
{
    return isnan(v) ? json_null() : json_real(v);
}

static json_t *count(size_t v)
{
    return json_integer((json_int_t)v);
}

/* Set every metric of m on obj; nonzero when an allocation failed. */
static int page_json(json_t *obj, const neval_page_metrics *m)
{
    int err = 0;

    err |= json_object_set_new(obj, "gt_chars", count(m->gt_chars));
    err |= json_object_set_new(obj, "output_chars", count(m->out_chars));
    err |= json_object_set_new(obj, "edits", count(m->edits));
    err |= json_object_set_new(obj, "cer", num_or_null(m->cer));
    err |= json_object_set_new(obj, "missing", count(m->missing));
    err |= json_object_set_new(obj, "extra", count(m->extra));
    err |= json_object_set_new(obj, "order_free_error", num_or_null(m->order_free_error));
    err |= json_object_set_new(obj, "regions", count(m->regions));
    err |= json_object_set_new(obj, "regions_located", count(m->regions_located));
    err |= json_object_set_new(obj, "kendall_tau", num_or_null(m->kendall_tau));
    err |= json_object_set_new(obj, "paragraphs_multiline", count(m->paragraphs));
    err |= json_object_set_new(obj, "paragraphs_intact", count(m->paragraphs_intact));
    err |= json_object_set_new(obj, "paragraph_integrity", num_or_null(m->paragraph_integrity));
    err |= json_object_set_new(obj, "captions", count(m->captions));
    err |= json_object_set_new(obj, "captions_located", count(m->captions_located));
    err |= json_object_set_new(obj, "captions_separated", count(m->captions_separated));
    err |= json_object_set_new(obj, "captions_interrupting", count(m->captions_interrupting));
    err |= json_object_set_new(obj, "captions_within", count(m->captions_within));
    err |= json_object_set_new(obj, "caption_separated", num_or_null(m->caption_separated));
    err |= json_object_set_new(obj, "caption_interrupting", num_or_null(m->caption_interrupting));
    err |= json_object_set_new(obj, "caption_within", num_or_null(m->caption_within));
    err |= json_object_set_new(obj, "cjk_chars", count(m->cjk_chars));
    err |= json_object_set_new(obj, "cjk_spaces", count(m->cjk_spaces));
    err |= json_object_set_new(obj, "cjk_spacing", num_or_null(m->cjk_spacing));
    return err;
}

/* Aggregate: means of the ratios, sums of the counts, weighted CER. */
static int aggregate_json(json_t *obj, const neval_aggregate *ag, size_t failed)
{
    const neval_page_metrics *s = &ag->mean;
    json_t *mean = json_object(), *totals = json_object();
    int err = !mean || !totals;

    if (!err) {
        err |= page_json(totals, s);
        /* totals keep only counts: drop the ratio keys that page_json added */
        json_object_del(totals, "cer");
        json_object_del(totals, "order_free_error");
        json_object_del(totals, "kendall_tau");
        json_object_del(totals, "paragraph_integrity");
        json_object_del(totals, "caption_separated");
        json_object_del(totals, "caption_interrupting");
        json_object_del(totals, "caption_within");
        json_object_del(totals, "cjk_spacing");
        err |= json_object_set_new(mean, "cer", num_or_null(s->cer));
        err |= json_object_set_new(mean, "order_free_error", num_or_null(s->order_free_error));
        err |= json_object_set_new(mean, "kendall_tau", num_or_null(s->kendall_tau));
        err |=
            json_object_set_new(mean, "paragraph_integrity", num_or_null(s->paragraph_integrity));
        err |= json_object_set_new(mean, "caption_separated", num_or_null(s->caption_separated));
        err |= json_object_set_new(mean, "caption_interrupting",
                                   num_or_null(s->caption_interrupting));
        err |= json_object_set_new(mean, "caption_within", num_or_null(s->caption_within));
        err |= json_object_set_new(mean, "cjk_spacing", num_or_null(s->cjk_spacing));
    }
    err |= json_object_set_new(obj, "pages", count(ag->pages));
    err |= json_object_set_new(obj, "pages_failed", count(failed));
    err |= json_object_set_new(obj, "cer_weighted", num_or_null(ag->cer_weighted));
    err |= json_object_set_new(obj, "mean", mean);
    err |= json_object_set_new(obj, "totals", totals);
    return err;
}

/* Metrics of the successful pages, for neval_metrics_aggregate. */
static int aggregate_ok(neval_aggregate *ag, size_t *out_failed, const neval_page_result *pages,
                        size_t n)
{
    neval_page_metrics *ok = malloc((n ? n : 1) * sizeof(*ok));
    size_t i, k = 0;

    if (!ok)
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    for (i = 0; i < n; i++) {
        if (!pages[i].error)
            ok[k++] = pages[i].metrics;
    }
    neval_metrics_aggregate(ag, ok, k);
    *out_failed = n - k;
    free(ok);
    return NEVAL_OK;
}

int neval_report_json(json_t **out, const neval_page_result *pages, size_t n, const char *version)
{
    json_t *root = json_object(), *arr = json_array(), *agg = json_object();
    neval_aggregate ag;
    size_t i, failed = 0;
    int err = !root || !arr || !agg;
    int rc;

    *out = NULL;
    rc = aggregate_ok(&ag, &failed, pages, n);
    if (rc) {
        json_decref(root);
        json_decref(arr);
        json_decref(agg);
        return rc;
    }
    for (i = 0; i < n && !err; i++) {
        json_t *p = json_object();

        if (!p) {
            err = 1;
            break;
        }
        err |= json_object_set_new(p, "gt", json_string(pages[i].gt_path));
        err |= json_object_set_new(p, "output", json_string(pages[i].output_path));
        if (pages[i].error)
            err |= json_object_set_new(p, "error", json_string(pages[i].error));
        else
            err |= page_json(p, &pages[i].metrics);
        err |= json_array_append_new(arr, p);
    }
    if (!err)
        err |= aggregate_json(agg, &ag, failed);
    err |= json_object_set_new(root, "version", json_string(version ? version : ""));
    err |= json_object_set_new(root, "pages", arr);
    err |= json_object_set_new(root, "aggregate", agg);
    if (err) {
        json_decref(root);
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory (JSON report)");
    }
    *out = root;
    return NEVAL_OK;
}

/* Fixed-width cell: a ratio with 4 decimals or "-". */
static void cell(char *buf, size_t sz, double v)
{
    if (isnan(v))
        snprintf(buf, sz, "-");
    else
        snprintf(buf, sz, "%.4f", v);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    const char *b = s ? s + 1 : path;
    size_t n = strlen(b);

    return n > TABLE_NAME_MAX ? b + n - TABLE_NAME_MAX : b;
}

static int table_row(FILE *fp, int w, const char *name, const neval_page_metrics *m)
{
    char cer[16], ofe[16], tau[16], par[16], sep[16], intr[16], cjk[16], loc[48];

    cell(cer, sizeof(cer), m->cer);
    cell(ofe, sizeof(ofe), m->order_free_error);
    cell(tau, sizeof(tau), m->kendall_tau);
    cell(par, sizeof(par), m->paragraph_integrity);
    cell(sep, sizeof(sep), m->caption_separated);
    cell(intr, sizeof(intr), m->caption_interrupting);
    cell(cjk, sizeof(cjk), m->cjk_spacing);
    snprintf(loc, sizeof(loc), "%zu/%zu", m->regions_located, m->regions);
    return fprintf(fp, "%-*s %7s %7s %7s %9s %7s %7s %7s %7s\n", w, name, cer, ofe, tau, loc, par,
                   sep, intr, cjk) < 0;
}

int neval_report_table(FILE *fp, const neval_page_result *pages, size_t n)
{
    neval_aggregate ag;
    size_t i, failed = 0;
    int w = 12, err = 0, rc;
    char label[64];

    memset(&ag, 0, sizeof(ag));
    rc = aggregate_ok(&ag, &failed, pages, n);
    if (rc)
        return rc;
    for (i = 0; i < n; i++) {
        int len = (int)strlen(base_name(pages[i].gt_path));

        if (len > w)
            w = len;
    }
    err |= fprintf(fp, "%-*s %7s %7s %7s %9s %7s %7s %7s %7s\n", w, "page", "CER", "OFE", "tau",
                   "located", "para", "capsep", "capint", "cjksp") < 0;
    for (i = 0; i < n; i++) {
        const char *name = base_name(pages[i].gt_path);

        if (pages[i].error)
            err |= fprintf(fp, "%-*s error (see message)\n", w, name) < 0;
        else
            err |= table_row(fp, w, name, &pages[i].metrics);
    }
    snprintf(label, sizeof(label), "mean (%zu)", ag.pages);
    err |= table_row(fp, w, label, &ag.mean);
    if (isnan(ag.cer_weighted))
        err |= fprintf(fp, "%-*s %7s\n", w, "weighted CER", "-") < 0;
    else
        err |= fprintf(fp, "%-*s %7.4f\n", w, "weighted CER", ag.cer_weighted) < 0;
    if (failed)
        err |= fprintf(fp, "%zu pair(s) failed\n", failed) < 0;
    return err ? neval_error_set(NEVAL_ERR_IO, "cannot write the table") : NEVAL_OK;
}
