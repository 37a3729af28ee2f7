/*
 * run.c - newsocr batch's workers, the monitor that waits for them, and the signals.
 *
 *   batch_signals_install, batch_interrupted, batch_run_workers
 *
 * -j workers (threads), each with its own engine loaded once, take the next work item
 * (a page, or with pdf a file's pages) as they free up. A failing page is recorded and the
 * batch goes on. Outputs are written under a temporary name and renamed (output.c), so a
 * page is done or absent. The main thread draws the progress, rewrites the report
 * (atomically, at most about once a second), touches the claims held and handles
 * SIGINT/SIGTERM: the first stops handing out pages and lets the pages in flight finish;
 * a second abandons them, removing their temporary files and claims, and exits at once.
 *
 * An item is claimed (claim.c) before it starts and released when done. An item another
 * live run holds goes to the back of the queue and is looked at again after
 * BATCH_CLAIM_RETRY seconds: done by then, it is skipped; its owner dead, it is taken over.
 * So a run ends when every page is done, by it or by another run.
 *
 * Memory: before an item starts, its estimated peak must fit in what the budget has left
 * beside the items running; else the worker waits for them (an item alone always runs).
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
static cli_tmp_slot *claim_slots; /* the claim each worker holds: touched, or removed */
static cli_tmp_slot *book_slots;  /* the PDF book each worker writes  */
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
        if (claim_slots[i].busy)
            unlink(claim_slots[i].path);
        if (book_slots[i].busy)
            unlink(book_slots[i].path);
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
static void process_page(cli_page_result *res, batch *b, const bpage *p, nocr_engine *eng,
                         void *book)
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
    cli_page_run_book(res, eng, &b->opt.cli, p->path, p->index, &sink, book);
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

/* The next item to look at (under b->mu), waiting while the head of the queue is an item
 * held elsewhere not yet due for another look; NULL when none is left or the run stops. */
static bitem *next_item(batch *b)
{
    size_t cap = b->nitems + 1;
    while (!b->fatal && !b->stopping && !signals_seen && b->qhead != b->qtail) {
        bitem *it = &b->items[b->queue[b->qhead % cap]];
        double now = cli_now();
        if (it->retry_at <= now) {
            b->qhead++;
            return it;
        }
        double wait = it->retry_at - now < 0.25 ? it->retry_at - now : 0.25;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += (long)(wait * 1e9);
        ts.tv_sec += ts.tv_nsec / 1000000000L;
        ts.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&b->cv, &b->mu, &ts);
    }
    return NULL;
}

/* Waits (under b->mu) until the item's estimated peak fits beside the items running, or
 * none runs; then counts it in. */
static void memory_wait(batch *b, bitem *it)
{
    int told = 0;
    while (b->mem_budget >= 0 && b->mem_running > 0 && b->mem_used + it->mem > b->mem_budget &&
           !b->fatal && !signals_seen) {
        if (b->opt.cli.verbose && !told++) {
            batch_progress_clear(b);
            fprintf(stderr, "newsocr: %s: waiting for memory (%lld MB needed, %lld MB left)\n",
                    it->name, it->mem / 1000000, (b->mem_budget - b->mem_used) / 1000000);
        }
        pthread_cond_wait(&b->cv, &b->mu);
    }
    b->mem_used += it->mem;
    b->mem_running++;
}

/* The pages of an item another run finished: skipped (under b->mu). */
static void record_by_peer(batch *b, bitem *it)
{
    for (int k = 0; k < it->npages; k++) {
        bpage *p = &b->pages[it->first + k];
        p->state = ST_SKIPPED;
        b->by_peer++;
    }
    b->dirty = 1;
    if (b->opt.cli.verbose) {
        batch_progress_clear(b);
        fprintf(stderr, "newsocr: %s: done by another run\n", it->name);
    }
    pthread_cond_broadcast(&b->cv);
}

/* Opens the item's PDF book (b->by_file): OUTDIR/STEM.pdf, its directory made; NULL with
 * the reason in res when it cannot be written (the pages still run for the other formats,
 * and fail with that reason). */
static cli_book *book_open(cli_page_result *res, const batch *b, const bitem *it)
{
    char target[PATH_MAX];
    cli_book *book = NULL;
    memset(res, 0, sizeof(*res));
    if (batch_book_path(target, sizeof(target), b, it) != 0) {
        page_error(res, EXIT_OUTPUT, "%s/%.900s.pdf: output path too long", b->outdir, it->name);
        return NULL;
    }
    char dir[PATH_MAX];
    snprintf(dir, sizeof(dir), "%s", target);
    *strrchr(dir, '/') = '\0';
    if (cli_mkdir_p(dir) != 0) {
        page_error(res, EXIT_OUTPUT, "%.900s: cannot create directory: %s", dir, strerror(errno));
        return NULL;
    }
    res->status =
        cli_book_open(&book, target, b->pages[it->first].path, res->error, sizeof(res->error));
    return book;
}

/* Runs the item's pages in order (without b->mu), recording each (under it).
 * With pdf (b->by_file) the input file's PDF book is opened before the
 * first page, each page added to it by cli_page_run_book, and closed after the last:
 * committed when every page was run (a book that fails says why on its last page),
 * removed when the run stops midway. */
static void process_item(batch *b, bitem *it, nocr_engine *eng, cli_tmp_slot *book_slot)
{
    void *book = NULL;
    cli_page_result book_res;
    memset(&book_res, 0, sizeof(book_res));
    if (b->by_file) {
        book = book_open(&book_res, b, it);
        if (book) {
            pthread_mutex_lock(&b->mu);
            snprintf(book_slot->path, sizeof(book_slot->path), "%s", cli_book_tmp(book));
            book_slot->busy = book_slot->path[0] != '\0';
            pthread_mutex_unlock(&b->mu);
        }
    }
    int k = 0;
    for (; k < it->npages; k++) {
        bpage *p = &b->pages[it->first + k];
        pthread_mutex_lock(&b->mu);
        int stop = b->fatal || signals_seen;
        if (!stop)
            p->state = ST_RUNNING;
        pthread_mutex_unlock(&b->mu);
        if (stop)
            break; /* a second signal is coming or the engine failed: leave the rest */
        cli_page_result res;
        process_page(&res, b, p, eng, book);
        if (res.status == EXIT_OK && book_res.status != EXIT_OK)
            res = book_res; /* the file's PDF cannot be written: no page of it is done */
        if (book && k == it->npages - 1) {
            char err[1024];
            int st = cli_book_close(book, 1, err, sizeof(err));
            book = NULL;
            if (st != EXIT_OK && res.status == EXIT_OK) {
                res.status = st;
                snprintf(res.error, sizeof(res.error), "%s", err);
            }
        }
        pthread_mutex_lock(&b->mu);
        record_page(b, p, &res);
        pthread_mutex_unlock(&b->mu);
    }
    if (book) { /* stopped midway: no PDF */
        char err[1024];
        (void)cli_book_close(book, 0, err, sizeof(err));
    }
    pthread_mutex_lock(&b->mu);
    book_slot->busy = 0;
    pthread_mutex_unlock(&b->mu);
}

/* Records a claim failure as a failure of the item's pages (under b->mu). */
static void record_claim_error(batch *b, bitem *it, const char *err)
{
    cli_page_result res;
    page_error(&res, EXIT_OUTPUT, "%s%s", err, "");
    for (int k = 0; k < it->npages; k++)
        record_page(b, &b->pages[it->first + k], &res);
}

static void *worker(void *argp)
{
    worker_arg *wa = argp;
    batch *b = wa->b;
    nocr_engine *eng = NULL;
    cli_tmp_slot *claim_slot = &claim_slots[wa->id];
    cli_tmp_slot_set(&tmp_slots[wa->id]);

    int rc = nocr_engine_new(&eng, &b->opt.cli.engine);
    pthread_mutex_lock(&b->mu);
    if (rc && !b->fatal) {
        b->fatal = cli_status_of(rc);
        snprintf(b->fatal_msg, sizeof(b->fatal_msg), "%s", nocr_error_last());
    }
    bitem *it;
    while (!rc && (it = next_item(b)) != NULL) {
        pthread_mutex_unlock(&b->mu);
        if (!it->mem_known) {
            /* the largest page decides: the pages run one after the other */
            for (int k = 0; k < it->npages && b->mem_budget >= 0; k++) {
                long long m;
                const bpage *p = &b->pages[it->first + k];
                if (batch_page_memory(&m, p->path, p->index) == 0 && m > it->mem)
                    it->mem = m;
            }
            it->mem_known = 1;
        }
        pthread_mutex_lock(&b->mu);
        memory_wait(b, it);
        pthread_mutex_unlock(&b->mu);

        char err[1024], *claim = NULL;
        int got = batch_claim(&claim, b, it->name, err, sizeof(err));
        if (claim) {
            pthread_mutex_lock(&b->mu);
            snprintf(claim_slot->path, sizeof(claim_slot->path), "%s", claim);
            claim_slot->busy = 1;
            pthread_mutex_unlock(&b->mu);
        }
        int complete = got != CLAIM_ERROR && batch_item_complete(b, it);
        if ((got == CLAIM_MINE || got == CLAIM_TAKEN) && !complete) {
            if (got == CLAIM_TAKEN)
                batch_clean_item_tmp(b, it); /* what the dead run was writing */
            process_item(b, it, eng, &book_slots[wa->id]);
        }
        if (claim) {
            pthread_mutex_lock(&b->mu);
            claim_slot->busy = 0;
            pthread_mutex_unlock(&b->mu);
            batch_claim_release(b, claim);
            free(claim);
        }
        pthread_mutex_lock(&b->mu);
        b->mem_used -= it->mem;
        b->mem_running--;
        if (got == CLAIM_ERROR) {
            record_claim_error(b, it, err);
        } else if (complete) {
            record_by_peer(b, it);
        } else if (got == CLAIM_HELD) {
            it->retry_at = cli_now() + BATCH_CLAIM_RETRY;
            b->queue[b->qtail++ % (b->nitems + 1)] = (size_t)(it - b->items);
        }
        pthread_cond_broadcast(&b->cv);
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
    double last_report = 0, report_cost = 0, last_touch = cli_now();
    double touch_every = batch_claim_refresh_interval(b);
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
        if (t - last_touch >= touch_every) {
            for (int i = 0; i < ntmp_slots; i++) {
                if (claim_slots[i].busy)
                    batch_claim_touch(claim_slots[i].path);
            }
            batch_claim_touch(b->claims.run_path);
            last_touch = t;
        }
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
    if ((size_t)nworkers > b->nitems)
        nworkers = (int)b->nitems;
    pthread_t *threads = calloc((size_t)nworkers + 1, sizeof(*threads));
    worker_arg *args = calloc((size_t)nworkers + 1, sizeof(*args));
    tmp_slots = calloc((size_t)nworkers + 1, sizeof(*tmp_slots));
    claim_slots = calloc((size_t)nworkers + 1, sizeof(*claim_slots));
    book_slots = calloc((size_t)nworkers + 1, sizeof(*book_slots));
    b->queue = calloc(b->nitems + 1, sizeof(*b->queue));
    int status = EXIT_OK;
    if (!threads || !args || !tmp_slots || !claim_slots || !book_slots || !b->queue) {
        fprintf(stderr, "newsocr: out of memory\n");
        status = EXIT_MODEL;
        goto cleanup;
    }
    for (size_t i = 0; i < b->nitems; i++)
        b->queue[i] = i;
    b->qhead = 0;
    b->qtail = b->nitems;
    b->mem_budget = batch_page_budget(nworkers);
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
    free(claim_slots);
    claim_slots = NULL;
    free(book_slots);
    book_slots = NULL;
    free(b->queue);
    b->queue = NULL;
    free(threads);
    free(args);
    return status;
}
