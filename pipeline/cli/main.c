/*
 * main.c - the newsocr command line.
 *
 *   main, check_options, expand_inputs, plan_outputs, print_timings, run_job, run_jobs
 *
 * newsocr [OPTIONS] IMAGE...   each page in reading order, as text, JSON, hOCR, ALTO, PAGE
 * XML or a reading-order overlay PNG, on stdout or in files.
 * newsocr batch ...            many pages on every core, resumable (batch/).
 * Exit status (documented in --help and the README):
 *   0 success; 1 usage error; 2 an input could not be read or is not a valid image;
 *   3 model or engine problem; 4 output could not be written.
 * With several inputs a bad one does not stop the others; the status is the largest code
 * met. Output files are written to a temporary name beside the target and renamed when
 * complete, so a failure never leaves a partial file (output.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One page to process: an input file and a page of it, and where its text goes. */
typedef struct job {
    const char *path;
    int index;     /* page of a multi-page TIFF */
    int npages;    /* pages in the file */
    char *outbase; /* output path without extension; NULL: stdout */
} job;

static const char usage_text[] =
    "Usage: newsocr [OPTIONS] IMAGE...\n"
    "       newsocr batch [OPTIONS] INPUT... -o OUTDIR   (see newsocr batch --help)\n"
    "Recognize scanned newspaper pages (simplified Chinese first) and print their text\n"
    "in the order a person reads it.\n"
    "\n"
    "Inputs: PNG, JPEG, TIFF (every page of a multi-page TIFF), BMP, PNM, WebP, GIF;\n"
    "1, 8, 16, 24 or 32 bit; with or without resolution metadata.\n"
    "\n"
    "Options:\n"
    "  -o, --output PATH     write to PATH: a file for one page and one format, else a\n"
    "                        directory (created if needed) holding NAME.EXT for each\n"
    "                        format (NAME.pNNN.EXT for the pages of a multi-page TIFF);\n"
    "                        default: stdout (one format, not overlay), pages separated\n"
    "                        by a form feed\n"
    "  -f, --format LIST     output formats, comma-separated or repeated (default: txt):\n"
    "                          txt      text in reading order, a line per paragraph (.txt)\n"
    "                          json     the page model, schema "
    "newsocr-page " NOCR_JSON_SCHEMA_VERSION " (.json)\n"
    "                          hocr     hOCR 1.2 XHTML (.hocr)\n"
    "                          alto     ALTO 4.3 XML (.alto.xml)\n"
    "                          page     PAGE XML 2019 (.page.xml)\n"
    "                          overlay  PNG of the page with regions tinted by role,\n"
    "                                   numbered and linked in reading order\n"
    "                                   (.overlay.png; needs -o)\n"
    "  -l, --lang LANGS      Tesseract languages, e.g. chi_sim, eng, chi_sim+eng\n"
    "                        (default: chi_sim)\n"
    "      --tessdata DIR    model directory (default: $NEWSOCR_TESSDATA, then\n"
    "                        $TESSDATA_PREFIX, then the system's tessdata)\n"
    "      --config FILE     Tesseract settings file (default: newsocr's models/newsocr.config)\n"
    "      --max-pixels N    refuse images of more than N pixels before decoding them\n"
    "                        (default: 250000000)\n"
    "      --debug-dir DIR   write the image of each preprocessing step to DIR\n"
    "      --no-enhance      skip the scan clean-up (rescaling, deskew, background,\n"
    "                        borders, photos, rules): grayscale and binarization only\n"
    "      --timings         print each page's per-stage times on stderr\n"
    "  -q, --quiet           print nothing but errors\n"
    "  -v, --verbose         report each page on stderr\n"
    "  -h, --help            show this help and exit\n"
    "  -V, --version         show the version and exit\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  usage error (bad option or argument)\n"
    "  2  an input could not be read or is not a valid image (the others are processed)\n"
    "  3  model or engine problem (e.g. a language's traineddata is missing)\n"
    "  4  output could not be written\n"
    "With several failures the largest status is returned.\n";

static void error_line(const char *msg)
{
    fprintf(stderr, "newsocr: %s\n", msg);
}

/* The single-page command has no options of its own. */
static int no_own_option(void *ctx, int key, const char *arg)
{
    (void)ctx;
    (void)key;
    (void)arg;
    return EXIT_USAGE;
}

/* Refuses option combinations that cannot work, before any input is read: an image format
 * or several formats on stdout, a debug directory that is not one. */
static int check_options(const cli_options *o)
{
    for (size_t f = 0; !o->output && f < nocr_format_count(); f++) {
        const nocr_format *fmt = cli_format_in(o->formats, f);
        if (fmt && strncmp(fmt->mime, "image/", 6) == 0) {
            char kind[32], msg[96];
            snprintf(kind, sizeof(kind), "%s", fmt->mime + 6);
            for (char *k = kind; *k; k++)
                *k = (char)toupper((unsigned char)*k);
            snprintf(msg, sizeof(msg), "%s is a %s: use -o", fmt->name, kind);
            return cli_usage_error("%s", msg);
        }
    }
    if (!o->output && cli_format_count(o->formats) > 1)
        return cli_usage_error("%s", "several formats need -o DIR");
    if (o->process.preprocess.debug_dir && !cli_is_dir(o->process.preprocess.debug_dir))
        return cli_usage_error("--debug-dir: '%s' is not a directory",
                               o->process.preprocess.debug_dir);
    return EXIT_OK;
}

/* Expands the inputs into pages (*out, *nout); unreadable inputs are reported now and
 * skipped, the worst status met in *worst. Returns EXIT_OK or EXIT_MODEL (out of memory). */
static int expand_inputs(job **out, size_t *nout, int *worst, char **inputs, int ninputs)
{
    size_t njobs = 0, cap = (size_t)ninputs;
    job *jobs = calloc(cap, sizeof(*jobs));
    if (!jobs)
        goto nomem;
    for (int i = 0; i < ninputs; i++) {
        int npages = 0, rc = nocr_image_page_count(&npages, inputs[i]);
        if (rc) {
            error_line(nocr_error_last());
            *worst = cli_status_of(rc) > *worst ? cli_status_of(rc) : *worst;
            continue;
        }
        if (njobs + (size_t)npages > cap) {
            cap = njobs + (size_t)npages + cap;
            job *grown = realloc(jobs, cap * sizeof(*jobs));
            if (!grown)
                goto nomem;
            jobs = grown;
        }
        for (int p = 0; p < npages; p++)
            jobs[njobs++] = (job){inputs[i], p, npages, NULL};
    }
    *out = jobs;
    *nout = njobs;
    return EXIT_OK;
nomem:
    free(jobs);
    error_line("out of memory");
    return EXIT_MODEL;
}

/* Decides where each page's outputs go. One page, one format and -o PATH: PATH is the file
 * unless it is an existing directory. Several pages or formats and -o: a directory, created
 * with its parents if missing. Two pages with the same output name are a usage error,
 * found before any work is done. */
static int plan_outputs(job *jobs, size_t njobs, const cli_options *o)
{
    if (!o->output)
        return EXIT_OK;
    int dir_mode = njobs > 1 || cli_format_count(o->formats) > 1 || cli_is_dir(o->output);
    if (dir_mode && cli_mkdir_p(o->output) != 0) {
        fprintf(stderr, "newsocr: %s: cannot create output directory: %s\n", o->output,
                strerror(errno));
        return EXIT_OUTPUT;
    }
    for (size_t i = 0; i < njobs; i++) {
        char name[PATH_MAX];
        if (!dir_mode) {
            /* The extension of the one format is the user's: write exactly PATH. */
            snprintf(name, sizeof(name), "%s", o->output);
        } else {
            char stem[NAME_MAX + 1];
            cli_stem_of(stem, sizeof(stem), jobs[i].path);
            if (jobs[i].npages > 1)
                snprintf(name, sizeof(name), "%s/%s.p%03d", o->output, stem, jobs[i].index + 1);
            else
                snprintf(name, sizeof(name), "%s/%s", o->output, stem);
        }
        if (!(jobs[i].outbase = strdup(name))) {
            error_line("out of memory");
            return EXIT_MODEL;
        }
        for (size_t k = 0; dir_mode && k < i; k++) {
            if (jobs[k].outbase && strcmp(jobs[k].outbase, name) == 0)
                return cli_name_clash(jobs[k].path, jobs[i].path, NULL, name, o->formats);
        }
    }
    return EXIT_OK;
}

static void print_timings(const job *j, const nocr_timings *t)
{
    double total =
        t->load + t->preprocess + t->segment + t->recognize + t->reconstruct + t->export_;
    fprintf(stderr,
            "newsocr: timings %s[%d]: load %.3f preprocess %.3f segment %.3f recognize %.3f "
            "reconstruct %.3f export %.3f total %.3f s\n",
            j->path, j->index + 1, t->load, t->preprocess, t->segment, t->recognize,
            t->reconstruct, t->export_, total);
}

/* Processes one page and reports it on stderr; returns its exit status. */
static int run_job(const job *j, nocr_engine *eng, const cli_options *o, int *pages_out)
{
    cli_page_result res;
    cli_sink sink = {j->outbase, j->outbase && strcmp(j->outbase, o->output) != 0, pages_out};
    if (cli_page_run(&res, eng, o, j->path, j->index, &sink) != EXIT_OK) {
        error_line(res.error);
        return res.status;
    }
    if (res.warnings[0] && !o->quiet)
        fprintf(stderr, "newsocr: %s: warning: %s\n", j->path, res.warnings);
    if (o->verbose)
        fprintf(stderr, "newsocr: %s[%d]: %zu regions, %zu bytes of output\n", j->path,
                j->index + 1, res.regions, res.bytes);
    if (o->timings)
        print_timings(j, &res.times);
    return EXIT_OK;
}

/* Plans the outputs, loads the engine and runs every page; returns the worst status. */
static int run_jobs(job *jobs, size_t njobs, const cli_options *o, int worst)
{
    int status = plan_outputs(jobs, njobs, o);
    if (status != EXIT_OK)
        return status > worst ? status : worst;
    nocr_engine *eng = NULL;
    int rc = nocr_engine_new(&eng, &o->engine);
    if (rc) {
        error_line(nocr_error_last());
        return cli_status_of(rc) > worst ? cli_status_of(rc) : worst;
    }
    int pages_out = 0;
    for (size_t i = 0; i < njobs; i++) {
        status = run_job(&jobs[i], eng, o, &pages_out);
        worst = status > worst ? status : worst;
    }
    nocr_engine_free(eng);
    return worst;
}

int main(int argc, char **argv)
{
    cli_init();
    if (argc > 1 && strcmp(argv[1], "batch") == 0)
        return cli_batch_main(argc - 1, argv + 1);
    const cli_command cmd = {"newsocr --help",
                             usage_text,
                             CLI_OPT_DEBUG_DIR | CLI_OPT_TIMINGS | CLI_OPT_VERSION,
                             NULL,
                             NULL,
                             no_own_option,
                             NULL};
    cli_options o;
    cli_options_init(&o);
    int first, status = cli_options_parse(&o, &first, argc, argv, &cmd);
    if (status != EXIT_OK)
        return status == CLI_DONE ? EXIT_OK : status;
    if (first >= argc)
        return cli_usage_error("%s", "no input image given");
    if ((status = check_options(&o)) != EXIT_OK)
        return status;

    job *jobs = NULL;
    size_t njobs = 0;
    int worst = EXIT_OK;
    if ((status = expand_inputs(&jobs, &njobs, &worst, argv + first, argc - first)))
        return status;
    if (njobs > 0)
        worst = run_jobs(jobs, njobs, &o, worst);
    for (size_t i = 0; i < njobs; i++)
        free(jobs[i].outbase);
    free(jobs);
    return worst;
}
