/*
 * batch.h - private to newsocr batch: the run's state and the functions of its files.
 *
 *   batch.c     the command: options, usage, the steps in order
 *   plan.c      inputs -> files -> pages -> work items: listing, output names, collisions,
 *               shards, what is done already, stale temporary files, the dry run
 *   claim.c     runs sharing OUTDIR: the claim of each work item, the runs registered,
 *               claims and runs left by dead processes (OUTDIR/.claims)
 *   resources.c how many workers: CPUs (affinity, Slurm) and memory; a page's memory
 *   run.c       the workers, the monitor and the signals
 *   report.c    this run's report, and what earlier runs' reports knew
 *   merge.c     newsocr batch --report OUTDIR: every report of OUTDIR in one summary
 *   progress.c  the progress line and the summary
 *
 * Locking: the workers share `pages`, `items`, the queue, the counters and the flags under
 * `mu`; the plan is made before they start and read-only while they run.
 */
#ifndef NEWSOCR_CLI_BATCH_H
#define NEWSOCR_CLI_BATCH_H

#include "../cli.h"

#include <pthread.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

#define BATCH_MAX_DEPTH           64      /* directory nesting followed (symlink loops end here) */
#define BATCH_REPORT_MIN_INTERVAL 1       /* seconds between two rewrites of the report */
#define BATCH_LOG_INTERVAL        60      /* seconds between two progress lines off a terminal */
#define BATCH_JOBS_PER_CPU        4       /* -j above this many workers per CPU is capped */
#define BATCH_MAX_SHARDS          1000000 /* N of --shard K/N */
/* Memory one worker needs: the peak of a one-worker process on an A3 page at 300 dpi
 * (194 MB, tests/bench/batch.md) rounded up; further workers measured 150-180 MB each. */
#define BATCH_WORKER_BYTES (200LL * 1000 * 1000)
/* A page's peak memory above its worker's engine, per million pixels. Measured with
 * /usr/bin/time -f %M on `newsocr PAGE` (one page, one process; 2026-12, Tesseract 5.3):
 *   1000x700 gray crop (0.7 MP) 81 MB; 2480x3508 gray A4 (8.7 MP) 138 MB;
 *   3508x4961 gray A3 (17.4 MP) 209 MB; 1969x2756 RGB (5.4 MP) 169 MB.
 * Gray pages fit 76 MB + 7.7 MB/MP (within 5 MB on all three); the RGB page costs
 * 17.2 MB/MP. The estimate takes the colour figure, rounded up: it fails safe (a worker
 * waits sooner, never runs out). */
#define BATCH_PAGE_BYTES_PER_MP (18LL * 1000 * 1000)
/* The part of that peak present before any page: the process with its engine loaded. */
#define BATCH_ENGINE_BYTES (80LL * 1000 * 1000)


/* Claims (claim.c). */
#define BATCH_CLAIM_TIMEOUT                                                                       \
    3600                      /* seconds: a claim of another host untouched this long is          \
                               * abandoned (--claim-timeout) */
#define BATCH_CLAIM_RETRY 1.0 /* seconds between two looks at a page another run holds */

/* An input file and its output stem (relative to OUTDIR, no extension). */
typedef struct bfile {
    char *path;
    char *stem;
    dev_t dev; /* identity, to drop a file given twice; 0/0 when it cannot be stat'ed */
    ino_t ino;
} bfile;

/* ST_SKIPPED: done by an earlier run, or by another run sharing OUTDIR during this one. */
typedef enum bstate { ST_PENDING, ST_RUNNING, ST_OK, ST_FAILED, ST_SKIPPED, ST_COUNT } bstate;

/* A page of the batch and, once done, its outcome. */
typedef struct bpage {
    const char *path; /* borrowed from its bfile */
    size_t file;      /* its bfile in b->files */
    char *name;       /* output name relative to OUTDIR without extension */
    int index;        /* page of the file, 0-based */
    long long weight; /* bytes of the file per page: "largest first" */
    struct timespec mtime;
    bstate state;
    int status;  /* exit status of the page */
    char *error; /* message of a failed page */
    double seconds, confidence, skew;
    int articles;
    int measured; /* seconds..articles are known: done now, or by a run whose report says */
} bpage;

/* A work item: what one worker does under one claim. A page; or, when pdf is among the
 * formats, every page of one input file, in page order (one PDF per input file). */
typedef struct bitem {
    size_t first; /* its first page in b->pages; the others follow */
    int npages;
    const char *name; /* claim name: the page's output name, or the file's stem */
    long long weight; /* bytes of input: "largest first" */
    double retry_at;  /* cli_now() before which it is not looked at again (held elsewhere) */
    long long mem;    /* estimated peak of its largest page above the engine, bytes */
    int mem_known;
} bitem;

/* What a run knows of itself for claims (claim.c): who it is, where claims live. */
typedef struct bclaims {
    char host[256];
    long pid;
    unsigned long long start; /* the process's start time, clock ticks after boot */
    char id[320];             /* "HOST PID START": the claim's content (with a time) */
    char dir[4096];           /* OUTDIR/.claims */
    char run_path[4500];      /* OUTDIR/.claims/runs/HOST.PID: this run, touched as it runs */
    int timeout;              /* --claim-timeout */
    int others;               /* other runs of the same report name were active at the start */
    int any_others;           /* other runs, of any report name, were active at the start */
} bclaims;

typedef struct batch_options {
    cli_options cli;
    int jobs;               /* workers; 0: the CPUs available */
    int shard_k;            /* 1..shard_n */
    int shard_n;            /* 1: no sharding */
    int shard_given;        /* --shard was given (even 1/1): the report is report.K-of-N.json */
    int force;              /* redo pages already done */
    int dry_run;            /* list the pages to do, do nothing */
    int claim_timeout;      /* seconds: --claim-timeout */
    const char *report_dir; /* --report OUTDIR: merge its reports, process nothing */
} batch_options;

/* The whole run: what the workers share (under mu) and what main owns. */
typedef struct batch {
    batch_options opt;
    const char *outdir;
    struct stat outdir_st;
    char report_path[4096];
    bfile *files;
    size_t nfiles, cap_files;
    bpage *pages;
    size_t npages;
    size_t *by_name; /* pages in name order (report, clash check, temp cleanup) */
    size_t *todo;    /* pages to process, largest first */
    size_t ntodo;
    bitem *items; /* the work items, largest first */
    size_t nitems;
    int by_file;                /* items are whole files (pdf requested) */
    struct timespec started_rt; /* wall clock at start: --force counts newer outputs done */
    bclaims claims;
    long long mem_budget; /* bytes for pages above the engines; < 0: no limit known */
    long long mem_used;   /* estimates of the items running */
    int mem_running;      /* items running */

    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t *queue;       /* ring of item indexes to hand out (held ones go to the back) */
    size_t qhead, qtail; /* next to hand out, next free; modulo nitems + 1 */
    size_t done, failed; /* pages finished in this run */
    size_t skipped;      /* pages already complete */
    size_t by_peer;      /* pages another run sharing OUTDIR did while this one ran */

    int workers_running; /* workers not yet finished */
    int stopping;        /* no more pages are handed out */
    int fatal;           /* an engine could not be created: its exit status */
    char fatal_msg[1024];
    int worst;      /* largest page status */
    int dirty;      /* the report is out of date */
    double t_start; /* when workers started (monotonic) */
    time_t wall_start;
    int tty;        /* progress redrawn in place on stderr */
    int line_drawn; /* a progress line is on the terminal */
    double last_log;
    size_t last_log_done;
} batch;

/* plan.c: each returns EXIT_OK, or an exit status with the message printed. */
int batch_add_input(batch *b, const char *arg); /* a file, a directory or @LIST */
int batch_plan_files(batch *b);                 /* dedupe, clashes, this shard's files */
int batch_plan_pages(batch *b);                 /* pages, done ones skipped, largest first */
int batch_plan_items(batch *b);                 /* the work items of the pages to do */
void batch_clean_stale_tmp(batch *b);
/* Removes the temporary files of the item's outputs (a dead run's, after a takeover). */
void batch_clean_item_tmp(const batch *b, const bitem *it);
/* 1 when every output of the item is complete: each page's, and with pdf the file's. */
int batch_item_complete(const batch *b, const bitem *it);
/* With pdf: OUTDIR/STEM.pdf of the item's input file into out[n]; 0, or -1
 * when too long. */
int batch_book_path(char *out, size_t n, const batch *b, const bitem *it);
int batch_print_todo(const batch *b); /* the dry run's lines on stdout */
/* OUTDIR/NAME + ext into out[n]; 0, or -1 when too long. */
int batch_out_path(char *out, size_t n, const batch *b, const bpage *p, const char *ext);
/* The index of the page called `name` in b->pages, or -1. */
long batch_find_page(const batch *b, const char *name);
void batch_free(batch *b);

/* resources.c */
/* The default -j: the CPUs this process may use (affinity mask, SLURM_CPUS_PER_TASK),
 * fewer when memory allows fewer workers; never below 1. */
int batch_default_jobs(void);
/* An explicit -j checked against the CPUs (capped at BATCH_JOBS_PER_CPU each, with a
 * warning) and the memory (a warning); returns the number of workers to use. */
int batch_check_jobs(int requested, int quiet);

/* Budget in bytes for the pages running at once, above the engines of `jobs` workers:
 * NEWSOCR_BATCH_PAGE_MEMORY (bytes; a test hook) or the memory available; -1: unknown. */
long long batch_page_budget(int jobs);
/* A page's estimated peak above its engine (BATCH_PAGE_BYTES_PER_MP), from its pixel
 * count read from the file's header; 0, or -1 when the header gives no size. */
int batch_page_memory(long long *out, const char *path, int index);

/* claim.c. A claim is OUTDIR/.claims/pages/NAME.claim holding "HOST PID START TIME". */
enum { CLAIM_MINE, CLAIM_TAKEN, CLAIM_HELD, CLAIM_ERROR };
/* Who this run is; registers it in OUTDIR/.claims/runs and notes whether other runs are
 * active (b->claims.others). EXIT_OK, or EXIT_OUTPUT with the message printed. */
int batch_claims_start(batch *b);
/* Claims work item `name`: CLAIM_MINE, CLAIM_TAKEN (taken over from a dead run: its
 * temporary files may be left), CLAIM_HELD (a live run has it) or CLAIM_ERROR with the
 * reason in err. On MINE/TAKEN *path (the caller's, free()) is the claim to release. */
int batch_claim(char **path, const batch *b, const char *name, char *err, size_t errlen);
/* Releases a claim this run holds (removes it if it is still this run's). */
void batch_claim_release(const batch *b, const char *path);
/* Marks a claim (or the run file) alive: its time is now. */
void batch_claim_touch(const char *path);
/* Unregisters the run; removes the claims and temporary files of dead runs and, when no
 * other run is active, the empty directories of OUTDIR/.claims. */
void batch_claims_finish(batch *b);
/* Seconds between two touches of the claims held: a quarter of the timeout, 1..60. */
double batch_claim_refresh_interval(const batch *b);

/* run.c */
/* Installs the SIGINT/SIGTERM handler for the whole run. */
void batch_signals_install(void);
/* 1 once SIGINT or SIGTERM was received. */
int batch_interrupted(void);
/* Runs the workers over the pages to do and waits for them. */
int batch_run_workers(batch *b);

/* report.c */
/* Names this run's report: OUTDIR/report.json (report.K-of-N.json with --shard), or with
 * .HOST.PID before .json when other runs were active on OUTDIR as it started. */
int batch_report_name(batch *b);
/* Reads the reports earlier runs left in OUTDIR (report*.json) and gives the pages they
 * did, and that are skipped now, their seconds, confidence, skew and articles. */
void batch_report_carry_over(batch *b);
/* 1 when a file name of OUTDIR is a report's: report.json, report.*.json. */
int batch_report_is_name(const char *name);
/* Writes the report atomically; takes b->mu to build it. exit_status < 0: still running. */
int batch_report_write(batch *b, const char *state, int exit_status, int print_error);

/* merge.c: newsocr batch --report OUTDIR; the combined exit status. */
int batch_report_merge(const char *outdir);

/* progress.c (under b->mu) */
void batch_progress_clear(batch *b);
void batch_progress_draw(batch *b, int force_log);
/* The run's last lines on stderr: totals, rate, report, how to finish. */
void batch_print_summary(const batch *b, const char *state);

#endif /* NEWSOCR_CLI_BATCH_H */
