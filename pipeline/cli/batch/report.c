/*
 * report.c - this run's report: every page of the batch with its outcome, the run's
 * state and totals; rewritten atomically as pages finish.
 *
 *   batch_report_name, batch_report_write, batch_report_carry_over
 *
 * Its name: OUTDIR/report.json, report.K-of-N.json with --shard; when other runs were
 * active on OUTDIR as this one started (claim.c), report.HOST.PID.json or
 * report.K-of-N.HOST.PID.json, so that no run overwrites another's. A page done by an
 * earlier run, or by another run during this one, is "skipped"; its seconds, confidence,
 * skew and articles come from the report of the run that did it (any report*.json of
 * OUTDIR), so that a resumed batch's report still describes every page.
 */
#define _POSIX_C_SOURCE 200809L
#include "batch.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const state_names[ST_COUNT] = {"pending", "running", "ok", "failed", "skipped"};

/* v rounded to 3 decimals (milliseconds, 1/1000 of a confidence point), or null. */
static json_t *json_num_or_null(double v, int valid)
{
    double r = (double)(long long)(v * 1000 + (v < 0 ? -0.5 : 0.5)) / 1000;
    return valid ? json_real(r) : json_null();
}

/* One page's entry. */
static json_t *page_json(const bpage *p)
{
    json_t *o = json_object();
    json_object_set_new(o, "input", json_string(p->path));
    json_object_set_new(o, "page", json_integer(p->index + 1));
    json_object_set_new(o, "output", json_string(p->name));
    json_object_set_new(o, "status", json_string(state_names[p->state]));
    json_object_set_new(o, "error", p->error ? json_string(p->error) : json_null());
    int ok = (p->state == ST_OK || p->state == ST_SKIPPED) && p->measured;
    int timed = ok || p->state == ST_FAILED;
    json_object_set_new(o, "seconds", json_num_or_null(p->seconds, timed));
    json_object_set_new(o, "confidence",
                        json_num_or_null(p->confidence, ok && p->confidence >= 0));
    json_object_set_new(o, "skew", json_num_or_null(p->skew, ok));
    json_object_set_new(o, "articles", ok ? json_integer(p->articles) : json_null());
    return o;
}

/* The totals: pages by state, this run's time, and its rate of pages done (null when none
 * was done: the time of failures alone is no rate). */
static json_t *totals_json(const batch *b, const size_t *counts, double busy)
{
    double elapsed = b->t_start > 0 ? cli_now() - b->t_start : 0;
    json_t *t = json_object();
    json_object_set_new(t, "pages", json_integer((json_int_t)b->npages));
    json_object_set_new(t, "ok", json_integer((json_int_t)counts[ST_OK]));
    json_object_set_new(t, "failed", json_integer((json_int_t)counts[ST_FAILED]));
    json_object_set_new(t, "skipped", json_integer((json_int_t)counts[ST_SKIPPED]));
    json_object_set_new(t, "pending",
                        json_integer((json_int_t)(counts[ST_PENDING] + counts[ST_RUNNING])));
    json_object_set_new(t, "seconds", json_num_or_null(elapsed, 1));
    json_object_set_new(t, "page_seconds", json_num_or_null(busy, 1));
    json_object_set_new(
        t, "pages_per_minute",
        json_num_or_null((double)counts[ST_OK] / elapsed * 60, elapsed > 0 && counts[ST_OK] > 0));
    return t;
}

/* Builds the report (under b->mu). */
static json_t *report_build(const batch *b, const char *state, int exit_status)
{
    json_t *root = json_object(), *pages = json_array(), *fmts = json_array();
    size_t counts[ST_COUNT] = {0};
    double busy = 0;
    for (size_t i = 0; i < b->npages; i++) {
        const bpage *p = &b->pages[b->by_name[i]];
        counts[p->state]++;
        json_array_append_new(pages, page_json(p));
        if (p->state == ST_OK || p->state == ST_FAILED)
            busy += p->seconds;
    }
    for (size_t f = 0; f < nocr_format_count(); f++) {
        const nocr_format *fmt = cli_format_in(b->opt.cli.formats, f);
        if (fmt)
            json_array_append_new(fmts, json_string(fmt->name));
    }
    char started[32], shard[32];
    strftime(started, sizeof(started), "%Y-%m-%dT%H:%M:%SZ", gmtime(&b->wall_start));
    snprintf(shard, sizeof(shard), "%d/%d", b->opt.shard_k, b->opt.shard_n);

    json_object_set_new(root, "newsocr", json_string(nocr_version()));
    json_object_set_new(root, "outdir", json_string(b->outdir));
    json_object_set_new(root, "formats", fmts);
    json_object_set_new(root, "shard", b->opt.shard_given ? json_string(shard) : json_null());
    json_object_set_new(root, "workers", json_integer(b->opt.jobs));
    json_object_set_new(root, "host", json_string(b->claims.host));
    json_object_set_new(root, "pid", json_integer(b->claims.pid));
    json_object_set_new(root, "started", json_string(started));
    json_object_set_new(root, "state", json_string(state));
    json_object_set_new(root, "exit_status",
                        exit_status >= 0 ? json_integer(exit_status) : json_null());
    json_object_set_new(root, "totals", totals_json(b, counts, busy));
    json_object_set_new(root, "pages", pages);
    return root;
}

int batch_report_write(batch *b, const char *state, int exit_status, int print_error)
{
    pthread_mutex_lock(&b->mu);
    json_t *root = report_build(b, state, exit_status);
    b->dirty = 0;
    pthread_mutex_unlock(&b->mu);
    char *text = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    json_decref(root);
    char err[1200] = "";
    int status =
        text ? cli_write_atomic(b->report_path, text, strlen(text), err, sizeof(err)) : EXIT_MODEL;
    if (status && print_error)
        fprintf(stderr, "newsocr: %s\n", text ? err : "out of memory");
    free(text);
    return status;
}

/* Takes what entry `e` of an earlier report knew about page p, when it is the same page
 * (same input and page number) and was measured then. */
static void carry_page(bpage *p, json_t *e)
{
    const char *status = json_string_value(json_object_get(e, "status"));
    const char *input = json_string_value(json_object_get(e, "input"));
    json_t *seconds = json_object_get(e, "seconds"), *skew = json_object_get(e, "skew");
    json_t *articles = json_object_get(e, "articles");
    if (!status || (strcmp(status, "ok") != 0 && strcmp(status, "skipped") != 0) || !input ||
        strcmp(input, p->path) != 0 ||
        json_integer_value(json_object_get(e, "page")) != p->index + 1 ||
        !json_is_number(seconds) || !json_is_number(skew) || !json_is_integer(articles))
        return;
    json_t *confidence = json_object_get(e, "confidence");
    p->seconds = json_number_value(seconds);
    p->skew = json_number_value(skew);
    p->articles = (int)json_integer_value(articles);
    p->confidence = json_is_number(confidence) ? json_number_value(confidence) : -1;
    p->measured = 1;
}

int batch_report_name(batch *b)
{
    char shard[48] = "", run[320] = "";
    if (b->opt.shard_given)
        snprintf(shard, sizeof(shard), ".%d-of-%d", b->opt.shard_k, b->opt.shard_n);
    if (b->claims.others)
        snprintf(run, sizeof(run), ".%s.%ld", b->claims.host, b->claims.pid);
    if (snprintf(b->report_path, sizeof(b->report_path), "%s/report%s%s.json", b->outdir, shard,
                 run) >= (int)sizeof(b->report_path)) {
        fprintf(stderr, "newsocr: %s: output path too long\n", b->outdir);
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

/* Carries over what one earlier report knew of the skipped pages not yet measured. */
static void carry_from(batch *b, const char *path)
{
    json_t *root = json_load_file(path, 0, NULL);
    json_t *pages = json_object_get(root, "pages");
    size_t i;
    json_t *e;
    json_array_foreach(pages, i, e)
    {
        const char *name = json_string_value(json_object_get(e, "output"));
        long k = name ? batch_find_page(b, name) : -1;
        if (k >= 0 && b->pages[k].state == ST_SKIPPED && !b->pages[k].measured)
            carry_page(&b->pages[k], e);
    }
    json_decref(root);
}

int batch_report_is_name(const char *name)
{
    size_t n = strlen(name);
    return strncmp(name, "report", 6) == 0 && n >= 11 && strcmp(name + n - 5, ".json") == 0 &&
           (name[6] == '.');
}

void batch_report_carry_over(batch *b)
{
    if (b->skipped == 0)
        return;
    carry_from(b, b->report_path); /* this run's own name first: the usual case */
    DIR *d = opendir(b->outdir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        char path[4400];
        snprintf(path, sizeof(path), "%s/%s", b->outdir, e->d_name);
        if (batch_report_is_name(e->d_name) && strcmp(path, b->report_path) != 0)
            carry_from(b, path);
    }
    if (d)
        closedir(d);
}
