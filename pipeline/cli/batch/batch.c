/*
 * batch.c - newsocr batch: many pages on every core, resumable, shardable.
 *
 *   cli_batch_main
 *
 * newsocr batch [OPTIONS] INPUT... -o OUTDIR
 *
 * The steps, each in its file (batch.h): parse the options (the common ones in
 * ../options.c), plan the pages (plan.c), size the workers (resources.c), run them
 * (run.c) while the progress (progress.c) and the report (report.c) follow.
 *
 * Exit status: 0 every page done (or already done); 1 usage error (bad option, name
 * clash); 2 some page or input could not be read; 3 model or engine problem; 4 an output
 * could not be written; 130 interrupted. Failed and interrupted runs are finished by
 * running the same command again.
 */
#define _POSIX_C_SOURCE 200809L
#include "batch.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The help text is generated from pipeline/man/newsocr.1.src (cli_help_batch). */

enum { OPT_SHARD = CLI_OPT_OWN, OPT_FORCE, OPT_DRY_RUN, OPT_CLAIM_TIMEOUT, OPT_REPORT };

static const struct option batch_longopts[] = {
    {"jobs", required_argument, NULL, 'j'},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"force", no_argument, NULL, OPT_FORCE},
    {"dry-run", no_argument, NULL, OPT_DRY_RUN},
    {"claim-timeout", required_argument, NULL, OPT_CLAIM_TIMEOUT},
    {"report", required_argument, NULL, OPT_REPORT},
    {NULL, 0, NULL, 0},
};

/* --shard K/N, both strict decimal numbers. */
static int parse_shard(batch_options *o, const char *s)
{
    char k[32];
    const char *slash = strchr(s, '/');
    size_t klen = slash ? (size_t)(slash - s) : 0;
    long long vk = 0, vn = 0;
    int ok = slash && klen < sizeof(k);
    if (ok) {
        memcpy(k, s, klen);
        k[klen] = '\0';
        ok = cli_parse_int(&vn, slash + 1, 1, BATCH_MAX_SHARDS) == 0 &&
             cli_parse_int(&vk, k, 1, vn) == 0;
    }
    if (!ok)
        return cli_usage_error("--shard needs K/N with 1 <= K <= N, not '%s'", s);
    o->shard_k = (int)vk;
    o->shard_n = (int)vn;
    o->shard_given = 1;
    return EXIT_OK;
}

/* The batch's own options (cli_command.handle). */
static int handle_option(void *ctx, int key, const char *arg)
{
    batch_options *o = ctx;
    long long v;
    switch (key) {
    case 'j':
        if (cli_parse_int(&v, arg, 1, INT_MAX) != 0)
            return cli_usage_error("-j needs a positive number of workers, not '%s'", arg);
        o->jobs = (int)v;
        return EXIT_OK;
    case OPT_SHARD:
        return parse_shard(o, arg);
    case OPT_FORCE:
        o->force = 1;
        return EXIT_OK;
    case OPT_DRY_RUN:
        o->dry_run = 1;
        return EXIT_OK;
    case OPT_CLAIM_TIMEOUT:
        if (cli_parse_int(&v, arg, 1, INT_MAX) != 0)
            return cli_usage_error("--claim-timeout needs a positive number of seconds, not '%s'",
                                   arg);
        o->claim_timeout = (int)v;
        return EXIT_OK;
    case OPT_REPORT:
        o->report_dir = arg;
        return EXIT_OK;
    default:
        return EXIT_USAGE; /* getopt returns only the keys of batch_longopts */
    }
}

/* Parses the options; EXIT_OK, EXIT_USAGE or CLI_DONE. *first_input: the first INPUT. */
static int parse_options(batch_options *o, int *first_input, int argc, char **argv)
{
    const cli_command cmd = {
        "newsocr batch --help", cli_help_batch, 0, batch_longopts, "j:", handle_option, o};
    cli_options_init(&o->cli);
    o->shard_k = o->shard_n = 1;
    o->claim_timeout = BATCH_CLAIM_TIMEOUT;
    int status = cli_options_parse(&o->cli, first_input, argc, argv, &cmd);
    if (status != EXIT_OK)
        return status;
    if (o->report_dir) {
        if (*first_input < argc)
            return cli_usage_error("--report OUTDIR takes no INPUT, not '%s'", argv[*first_input]);
        return EXIT_OK;
    }
    if (*first_input >= argc)
        return cli_usage_error("%s", "batch: no input given");
    if (!o->cli.output)
        return cli_usage_error("%s", "batch needs -o OUTDIR");
    o->jobs = o->jobs ? batch_check_jobs(o->jobs, o->cli.quiet) : batch_default_jobs();
    return EXIT_OK;
}

/* Creates OUTDIR (not for a dry run). */
static int prepare_outdir(batch *b)
{
    if (b->opt.dry_run) {
        (void)stat(b->outdir, &b->outdir_st); /* may not exist yet */
    } else if (cli_mkdir_p(b->outdir) != 0 || stat(b->outdir, &b->outdir_st) != 0) {
        fprintf(stderr, "newsocr: %s: cannot create output directory: %s\n", b->outdir,
                strerror(errno));
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

/* 1 when pdf is among the formats: a file's pages make one PDF, written by one worker. */
static int wants_pdf(cli_format_set formats)
{
    for (size_t f = 0; f < nocr_format_count(); f++) {
        const nocr_format *fmt = cli_format_in(formats, f);
        if (fmt && strcmp(fmt->name, "pdf") == 0)
            return 1;
    }
    return 0;
}

/* Inputs -> files -> pages. */
static int plan(batch *b, char **inputs, int ninputs)
{
    int status = EXIT_OK;
    for (int i = 0; i < ninputs && status == EXIT_OK; i++)
        status = batch_add_input(b, inputs[i]);
    if (status == EXIT_OK && b->nfiles == 0) {
        fprintf(stderr, "newsocr: batch: no image file found in the inputs\n");
        status = EXIT_INPUT;
    }
    if (status == EXIT_OK)
        status = batch_plan_files(b);
    if (status == EXIT_OK)
        status = batch_plan_pages(b);
    if (status == EXIT_OK)
        status = batch_plan_items(b);
    return status;
}

/* Runs the pages to do, writes the final report and the summary; the exit status. */
static int run(batch *b)
{
    int status = batch_claims_start(b);
    if (status == EXIT_OK)
        status = batch_report_name(b);
    if (status != EXIT_OK) {
        batch_claims_finish(b);
        return status;
    }
    /* Another run may be writing its pages' temporary files now: then only those of
     * claims taken over from dead runs are removed (run.c). */
    if (!b->claims.any_others)
        batch_clean_stale_tmp(b);
    batch_report_carry_over(b);
    /* A handler for the whole run: a signal before the workers start stops at once. */
    batch_signals_install();
    if (!b->opt.cli.quiet && b->ntodo > 0)
        fprintf(stderr, "newsocr: batch: %zu pages%s, %zu already done, %zu to do, %d workers%s\n",
                b->npages, b->opt.shard_given ? " in this shard" : "", b->skipped, b->ntodo,
                b->opt.jobs < (int)b->nitems ? b->opt.jobs : (int)b->nitems,
                b->claims.any_others ? ", sharing OUTDIR with other runs" : "");
    if (b->ntodo > 0 && !batch_interrupted())
        status = batch_run_workers(b);
    if (batch_interrupted())
        b->stopping = 1;

    if (b->fatal) {
        fprintf(stderr, "newsocr: %s\n", b->fatal_msg[0] ? b->fatal_msg : "worker failed");
        status = b->fatal;
    } else if (status == EXIT_OK) {
        status = b->stopping ? EXIT_INTERRUPTED : b->worst;
    }
    const char *state = b->fatal ? "failed" : b->stopping ? "interrupted" : "done";
    int wrote = batch_report_write(b, state, status, 1);
    if (wrote != EXIT_OK && status == EXIT_OK)
        status = wrote;
    batch_claims_finish(b);
    batch_print_summary(b, state);
    return status;
}

int cli_batch_main(int argc, char **argv)
{
    batch b;
    memset(&b, 0, sizeof(b));
    int first;
    int status = parse_options(&b.opt, &first, argc, argv);
    if (status != EXIT_OK)
        return status == CLI_DONE ? EXIT_OK : status;
    if (b.opt.report_dir)
        return batch_report_merge(b.opt.report_dir);
    b.outdir = b.opt.cli.output;
    b.by_file = wants_pdf(b.opt.cli.formats);
    b.wall_start = time(NULL);
    clock_gettime(CLOCK_REALTIME, &b.started_rt);
    b.tty = isatty(2);
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.cv, NULL);

    status = prepare_outdir(&b);
    if (status == EXIT_OK)
        status = plan(&b, argv + first, argc - first);
    if (status == EXIT_OK)
        status = b.opt.dry_run ? batch_print_todo(&b) : run(&b);
    batch_free(&b);
    pthread_cond_destroy(&b.cv);
    pthread_mutex_destroy(&b.mu);
    return status;
}
