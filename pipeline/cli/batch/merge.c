/*
 * merge.c - newsocr batch --report OUTDIR: the reports of every run on OUTDIR (report.json,
 * report.K-of-N.json, report[.K-of-N].HOST.PID.json) summed up in one, on stdout.
 *
 *   batch_report_merge
 *
 * A page (by output name) is done when some report has it "ok" or "skipped"; else failed
 * when some report has it "failed"; else not done. The exit status is the one a single run
 * over all the pages would give: 0 every page done; the failing report's status (2, 3, 4)
 * for a failed page; 130 for a page not done (a run interrupted, killed or still running);
 * the largest wins. 2 when OUTDIR holds no report.
 */
#define _POSIX_C_SOURCE 200809L
#include "batch.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The report file names of dir, sorted; *n of them (the caller frees each and the array). */
static char **list_reports(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    while (d && (e = readdir(d)) != NULL) {
        if (!batch_report_is_name(e->d_name))
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            char **grown = realloc(names, cap * sizeof(*names));
            if (!grown)
                break;
            names = grown;
        }
        if ((names[*n] = strdup(e->d_name)) != NULL)
            (*n)++;
    }
    if (d)
        closedir(d);
    if (*n)
        qsort(names, *n, sizeof(*names), cmp_str);
    return names;
}

/* Rank of a page status: what a later report cannot lower. */
static int rank_of(const char *status)
{
    if (!status)
        return 0;
    if (strcmp(status, "ok") == 0 || strcmp(status, "skipped") == 0)
        return 2;
    return strcmp(status, "failed") == 0 ? 1 : 0;
}

/* Adds report `root` (file `name`) into `pages` (output -> best entry so far, with the
 * status its failure gives) and prints its line. */
static void merge_one(json_t *pages, json_t *root, const char *name)
{
    json_t *list = json_object_get(root, "pages");
    long long exit_status = json_integer_value(json_object_get(root, "exit_status"));
    int fail_status =
        exit_status >= EXIT_INPUT && exit_status <= EXIT_OUTPUT ? (int)exit_status : EXIT_INPUT;
    size_t i, ok = 0, failed = 0;
    json_t *e;
    json_array_foreach(list, i, e)
    {
        const char *out = json_string_value(json_object_get(e, "output"));
        const char *status = json_string_value(json_object_get(e, "status"));
        if (!out)
            continue;
        int rank = rank_of(status);
        ok += status && strcmp(status, "ok") == 0;
        failed += rank == 1;
        json_t *seen = json_object_get(pages, out);
        if (seen && json_integer_value(json_object_get(seen, "rank")) >= rank)
            continue;
        json_t *copy = json_deep_copy(e);
        json_object_set_new(copy, "rank", json_integer(rank));
        json_object_set_new(copy, "exit", json_integer(rank == 1 ? fail_status : 0));
        json_object_set_new(pages, out, copy);
    }
    const char *host = json_string_value(json_object_get(root, "host"));
    json_t *pid = json_object_get(root, "pid");
    const char *state = json_string_value(json_object_get(root, "state"));
    const char *started = json_string_value(json_object_get(root, "started"));
    printf("  %-32s %s%s%lld  %-11s started %s: %zu pages done, %zu failed\n", name,
           host ? host : "", host ? " pid " : "", (long long)json_integer_value(pid),
           state ? state : "?", started ? started : "?", ok, failed);
}

int batch_report_merge(const char *outdir)
{
    size_t n;
    char **names = list_reports(outdir, &n);
    if (n == 0) {
        fprintf(stderr, "newsocr: %s: no report of newsocr batch there\n", outdir);
        free(names);
        return EXIT_INPUT;
    }
    json_t *pages = json_object();
    printf("newsocr batch report: %s, %zu report%s\nruns:\n", outdir, n, n > 1 ? "s" : "");
    for (size_t k = 0; k < n; k++) {
        char path[4400];
        snprintf(path, sizeof(path), "%s/%s", outdir, names[k]);
        json_error_t jerr;
        json_t *root = json_load_file(path, 0, &jerr);
        if (!root)
            printf("  %-32s unreadable: %s\n", names[k], jerr.text);
        else
            merge_one(pages, root, names[k]);
        json_decref(root);
    }

    size_t total = 0, done = 0, failed = 0, pending = 0;
    int status = EXIT_OK;
    const char *key;
    json_t *e;
    json_object_foreach(pages, key, e)
    {
        int rank = (int)json_integer_value(json_object_get(e, "rank"));
        int page_status = rank == 2   ? EXIT_OK
                          : rank == 1 ? (int)json_integer_value(json_object_get(e, "exit"))
                                      : EXIT_INTERRUPTED;
        total++;
        done += rank == 2;
        failed += rank == 1;
        pending += rank == 0;
        if (page_status > status)
            status = page_status;
    }
    printf("pages: %zu; done: %zu; failed: %zu; not done: %zu\n", total, done, failed, pending);
    if (failed) {
        printf("failed:\n");
        json_object_foreach(pages, key, e)
        {
            if (json_integer_value(json_object_get(e, "rank")) != 1)
                continue;
            const char *err = json_string_value(json_object_get(e, "error"));
            printf("  %s\t%s[%lld]\t%s\n", key, json_string_value(json_object_get(e, "input")),
                   (long long)json_integer_value(json_object_get(e, "page")), err ? err : "");
        }
    }
    printf("exit status: %d\n", status);
    json_decref(pages);
    for (size_t k = 0; k < n; k++)
        free(names[k]);
    free(names);
    return fflush(stdout) == 0 ? status : EXIT_OUTPUT;
}
