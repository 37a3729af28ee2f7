/*
 * batch.h - private to newsocr batch: the run's state and the functions of its files.
 *
 *   batch.c     the command: options, usage, the steps in order
 *   plan.c      inputs -> files -> pages: listing, output names, collisions, shards,
 *               what is done already, stale temporary files, the dry run
 *   resources.c how many workers: CPUs (affinity, Slurm) and memory
 *   run.c       the workers, the monitor and the signals
 *   report.c    OUTDIR/report.json, and what an earlier run's report knew
 *   progress.c  the progress line and the summary
 *
 * Locking: the workers share `pages`, the counters and the flags under `mu`; the plan is
 * made before they start and read-only while they run.
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

/* An input file and its output stem (relative to OUTDIR, no extension). */
typedef struct bfile {
    char *path;
    char *stem;
    dev_t dev; /* identity, to drop a file given twice; 0/0 when it cannot be stat'ed */
    ino_t ino;
} bfile;

typedef enum bstate { ST_PENDING, ST_RUNNING, ST_OK, ST_FAILED, ST_SKIPPED, ST_COUNT } bstate;

/* A page of the batch and, once done, its outcome. */
typedef struct bpage {
    const char *path; /* borrowed from its bfile */
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

typedef struct batch_options {
    cli_options cli;
    int jobs;        /* workers; 0: the CPUs available */
    int shard_k;     /* 1..shard_n */
    int shard_n;     /* 1: no sharding */
    int shard_given; /* --shard was given (even 1/1): the report is report.K-of-N.json */
    int force;       /* redo pages already done */
    int dry_run;     /* list the pages to do, do nothing */
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

    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t next;         /* next todo entry to hand out */
    size_t done, failed; /* pages finished in this run */
    size_t skipped;      /* pages already complete */
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
void batch_clean_stale_tmp(batch *b);
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

/* run.c */
/* Installs the SIGINT/SIGTERM handler for the whole run. */
void batch_signals_install(void);
/* 1 once SIGINT or SIGTERM was received. */
int batch_interrupted(void);
/* Runs the workers over the pages to do and waits for them. */
int batch_run_workers(batch *b);

/* report.c */
/* Reads the report an earlier run left at b->report_path (if any) and gives the pages it
 * did, and that are skipped now, their seconds, confidence, skew and articles. */
void batch_report_carry_over(batch *b);
/* Writes the report atomically; takes b->mu to build it. exit_status < 0: still running. */
int batch_report_write(batch *b, const char *state, int exit_status, int print_error);

/* progress.c (under b->mu) */
void batch_progress_clear(batch *b);
void batch_progress_draw(batch *b, int force_log);
/* The run's last lines on stderr: totals, rate, report, how to finish. */
void batch_print_summary(const batch *b, const char *state);

#endif /* NEWSOCR_CLI_BATCH_H */
