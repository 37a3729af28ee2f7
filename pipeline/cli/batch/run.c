/*
 * run.c - newsocr batch's workers, the monitor that waits for them, and the signals.
 *
 *   batch_signals_install, batch_interrupted, batch_run_workers
 *
 * -j workers (threads), each with its own engine loaded once, take the next page as they
 * free up. A failing page is recorded and the batch goes on. Outputs are written under a
 * temporary name and renamed (output.c), so a page is done or absent. The main thread
 * draws the progress, rewrites the report (atomically, at most about once a second) and
 * handles SIGINT/SIGTERM: the first stops handing out pages and lets the pages in flight
 * finish; a second abandons them, removing their temporary files, and exits at once.
 */
#define _POSIX_C_SOURCE 200809L
#include "batch.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t signals_seen;
static cli_tmp_slot *tmp_slots;
static volatile sig_atomic_t ntmp_slots;

typedef struct worker_arg {
    batch *b;
    int id;
} worker_arg;

/* First SIGINT/SIGTERM: stop handing out pages (the main thread notices). Second: remove
 * the temporary files being written and leave at once. */
static void on_signal(int sig)
{
    (void)sig;
    if (signals_seen++ == 0)
        return;
    for (int i = 0; i < ntmp_slots; i++) {
        if (tmp_slots[i].busy)
            unlink(tmp_slots[i].path);
    }
    static const char msg[] = "\nnewsocr: abandoned the pages in flight\n";
    ssize_t w = write(2, msg, sizeof(msg) - 1);
    (void)w;
    _exit(EXIT_INTERRUPTED);
}

void batch_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int batch_interrupted(void)
{
    return signals_seen != 0;
}

static void page_error(cli_page_result *res, int status, const char *fmt, const char *what,
                       const char *reason)
{
    memset(res, 0, sizeof(*res));
    res->status = status;
    snprintf(res->error, sizeof(res->error), fmt, what, reason);
}

/* Runs one page (without b->mu): its directory under OUTDIR, then every format. */
static void process_page(cli_page_result *res, batch *b, const bpage *p, nocr_engine *eng)
{
    char outbase[PATH_MAX];
    if (batch_out_path(outbase, sizeof(outbase), b, p, "") != 0) {
        page_error(res, EXIT_OUTPUT, "%s/%.900s: output path too long", b->outdir, p->name);
        return;
    }
    char dir[PATH_MAX];
    snprintf(dir, sizeof(dir), "%s", outbase);
    *strrchr(dir, '/') = '\0';
    if (strchr(p->name, '/') && cli_mkdir_p(dir) != 0) {
        page_error(res, EXIT_OUTPUT, "%.900s: cannot create directory: %s", dir, strerror(errno));
        return;
    }
    cli_sink sink = {outbase, 1, NULL};
    cli_page_run(res, eng, &b->opt.cli, p->path, p->index, &sink);
}

/* Records a page's outcome and reports it (under b->mu). */
static void record_page(batch *b, bpage *p, const cli_page_result *res)
{
    p->seconds = res->seconds;
    p->status = res->status;
    if (res->status == EXIT_OK) {
        p->state = ST_OK;
        p->confidence = res->confidence;
        p->skew = res->skew;
        p->articles = res->articles;
        p->measured = 1;
        b->done++;
    } else {
        p->state = ST_FAILED;
        p->error = strdup(res->error);
        b->failed++;
        if (res->status > b->worst)
            b->worst = res->status;
    }
    b->dirty = 1;
    if (res->status != EXIT_OK || b->opt.cli.verbose) {
        batch_progress_clear(b);
        if (res->status != EXIT_OK)
            fprintf(stderr, "newsocr: %s\n", res->error);
        else
            fprintf(stderr, "newsocr: %s[%d]: ok, %zu regions, %.1f s\n", p->path, p->index + 1,
                    res->regions, res->seconds);
    }
    pthread_cond_broadcast(&b->cv);
}

static void *worker(void *argp)
{
    worker_arg *wa = argp;
    batch *b = wa->b;
    nocr_engine *eng = NULL;
    cli_tmp_slot_set(&tmp_slots[wa->id]);

    int rc = nocr_engine_new(&eng, &b->opt.cli.engine);
    pthread_mutex_lock(&b->mu);
    if (rc && !b->fatal) {
        b->fatal = cli_status_of(rc);
        snprintf(b->fatal_msg, sizeof(b->fatal_msg), "%s", nocr_error_last());
    }
    while (!b->fatal && !b->stopping && !signals_seen && b->next < b->ntodo) {
        bpage *p = &b->pages[b->todo[b->next++]];
        p->state = ST_RUNNING;
        pthread_mutex_unlock(&b->mu);
        cli_page_result res;
        process_page(&res, b, p, eng);
        pthread_mutex_lock(&b->mu);
        record_page(b, p, &res);
    }
    b->workers_running--;
    pthread_cond_broadcast(&b->cv);
    pthread_mutex_unlock(&b->mu);
    nocr_engine_free(eng);
    return NULL;
}

/* Waits for the workers; draws progress, rewrites the report, turns signals into a stop. */
static void monitor(batch *b)
{
    double last_report = 0, report_cost = 0;
    pthread_mutex_lock(&b->mu);
    while (b->workers_running > 0) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 250 * 1000 * 1000;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&b->cv, &b->mu, &ts);
        if (signals_seen && !b->stopping) {
            b->stopping = 1;
            batch_progress_clear(b);
            if (!b->opt.cli.quiet)
                fprintf(stderr, "newsocr: interrupted: finishing the pages in flight "
                                "(Ctrl-C again to abandon them)\n");
        }
        batch_progress_draw(b, 0);
        double t = cli_now();
        /* Rewriting the report costs time proportional to the batch: at most ~10% of it. */
        if (b->dirty && t - last_report >= BATCH_REPORT_MIN_INTERVAL &&
            t - last_report >= 10 * report_cost) {
            pthread_mutex_unlock(&b->mu);
            batch_report_write(b, "running", -1, 0);
            report_cost = cli_now() - t;
            last_report = cli_now();
            pthread_mutex_lock(&b->mu);
        }
    }
    batch_progress_draw(b, 1);
    batch_progress_clear(b);
    pthread_mutex_unlock(&b->mu);
}

/* Starts up to n workers with SIGINT/SIGTERM blocked (the main thread takes them);
 * returns how many started. */
static int start_workers(batch *b, pthread_t *threads, worker_arg *args, int n)
{
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    int started = 0;
    b->t_start = b->last_log = cli_now();
    for (int i = 0; i < n; i++) {
        args[i] = (worker_arg){b, i};
        pthread_mutex_lock(&b->mu);
        b->workers_running++;
        pthread_mutex_unlock(&b->mu);
        if (pthread_create(&threads[i], NULL, worker, &args[i]) != 0) {
            pthread_mutex_lock(&b->mu);
            b->workers_running--;
            pthread_mutex_unlock(&b->mu);
            break;
        }
        started++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return started;
}

int batch_run_workers(batch *b)
{
    int nworkers = b->opt.jobs;
    if ((size_t)nworkers > b->ntodo)
        nworkers = (int)b->ntodo;
    pthread_t *threads = calloc((size_t)nworkers + 1, sizeof(*threads));
    worker_arg *args = calloc((size_t)nworkers + 1, sizeof(*args));
    tmp_slots = calloc((size_t)nworkers + 1, sizeof(*tmp_slots));
    int status = EXIT_OK;
    if (!threads || !args || !tmp_slots) {
        fprintf(stderr, "newsocr: out of memory\n");
        status = EXIT_MODEL;
        goto cleanup;
    }
    ntmp_slots = nworkers;
    int started = start_workers(b, threads, args, nworkers);
    if (started == 0) {
        fprintf(stderr, "newsocr: cannot start a worker thread\n");
        b->fatal = EXIT_MODEL;
    } else {
        monitor(b);
    }
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);

cleanup:
    ntmp_slots = 0; /* before the slots go: a late signal must not read them */
    free(tmp_slots);
    tmp_slots = NULL;
    free(threads);
    free(args);
    return status;
}
