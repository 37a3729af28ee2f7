/*
 * main.c - the newsocr command line.
 *
 *   main, own_option, pdf_in, list_langs, check_options, expand_inputs, output_name,
 *   plan_outputs, print_timings, run_job, book_open, run_jobs
 *
 * newsocr [OPTIONS] IMAGE...   each page in reading order, as text, JSON, hOCR, ALTO, PAGE
 * XML, a reading-order overlay PNG or a searchable PDF (one per input file), on stdout or
 * in files.
 * newsocr batch ...            many pages on every core, resumable (batch/).
 * newsocr --list-langs         the models found, and where to get those missing.
 * The help text is generated from pipeline/man/newsocr.1.src (cli_help_newsocr).
 * Exit status (documented in --help and the README):
 *   0 success; 1 usage error; 2 an input could not be read or is not a valid image;
 *   3 model or engine problem; 4 output could not be written.
 * With several inputs a bad one does not stop the others; the status is the largest code
 * met. Output files are written to a temporary name beside the target and renamed when
 * complete, so a failure never leaves a partial file (output.c). With -f pdf the pages of
 * each input go into one PDF, its "book" (output.c), opened at its first page and closed
 * after its last.
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
#include <unistd.h>

/* One page to process: an input file and a page of it, and where its text goes. */
typedef struct job {
    const char *path;
    int index;     /* page of a multi-page TIFF or PDF */
    int npages;    /* pages in the file */
    char *outbase; /* output path without extension; NULL: stdout */
    char *book;    /* first page of a file, with -f pdf: the PDF's path; NULL: stdout */
} job;

/* The models newsocr uses (models/README.md), reported by --list-langs when missing. */
static const char *const used_models[] = {"chi_sim", "chi_sim_vert", "chi_tra", "chi_tra_vert",
                                          "eng"};

static void error_line(const char *msg)
{
    fprintf(stderr, "newsocr: %s\n", msg);
}

enum { OPT_LIST_LANGS = CLI_OPT_OWN };

static const struct option own_options[] = {
    {"list-langs", no_argument, NULL, OPT_LIST_LANGS},
    {NULL, 0, NULL, 0},
};

/* The single-page command's own option: --list-langs (ctx: its flag). */
static int own_option(void *ctx, int key, const char *arg)
{
    (void)arg;
    if (key != OPT_LIST_LANGS)
        return EXIT_USAGE;
    *(int *)ctx = 1;
    return EXIT_OK;
}

/* The pdf format, when the set holds it; else NULL. */
static const nocr_format *pdf_in(cli_format_set set)
{
    const nocr_format *pdf = nocr_format_find("pdf");
    for (size_t f = 0; pdf && f < nocr_format_count(); f++) {
        if (cli_format_in(set, f) == pdf)
            return pdf;
    }
    return NULL;
}

/* Prints the models found, "NAME<TAB>DIR", then for each model newsocr uses that is missing
 * "NAME<TAB>missing: ..." naming the directories searched and the Debian package. Returns
 * EXIT_OK, or EXIT_MODEL when the list could not be made. */
static int list_langs(const cli_options *o)
{
    char *text = NULL;
    if (nocr_models_list(&text, o->engine.tessdata)) {
        error_line(nocr_error_last());
        return EXIT_MODEL;
    }
    enum { NUSED = sizeof(used_models) / sizeof(*used_models) };
    char searched[2048] = "";
    int found[NUSED] = {0};
    for (char *line = text, *next; *line; line = next) {
        next = line + strcspn(line, "\n");
        if (*next)
            *next++ = '\0';
        char *kind = line, *name = strchr(kind, '\t'), *dir = name ? strchr(name + 1, '\t') : NULL;
        if (!dir)
            continue;
        *name++ = '\0';
        *dir++ = '\0';
        if (strcmp(kind, "dir") == 0) {
            /* name is a directory searched, dir where it came from */
            size_t used = strlen(searched);
            snprintf(searched + used, sizeof(searched) - used, "%s%s (%s)", used ? ", " : "", name,
                     dir);
        } else if (strcmp(kind, "model") == 0) {
            printf("%s\t%s\n", name, dir);
            for (size_t m = 0; m < NUSED; m++)
                found[m] |= strcmp(name, used_models[m]) == 0;
        }
    }
    for (size_t m = 0; m < NUSED; m++) {
        if (found[m])
            continue;
        char pkg[64];
        snprintf(pkg, sizeof(pkg), "tesseract-ocr-%s", used_models[m]);
        for (char *p = pkg; *p; p++)
            *p = *p == '_' ? '-' : *p;
        printf("%s\tmissing: no %s.traineddata in %s; Debian package %s\n", used_models[m],
               used_models[m], searched, pkg);
    }
    free(text);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_OUTPUT;
}

/* Refuses option combinations that cannot work, before any input is read: an image format
 * or several formats on stdout, a PDF on a terminal or of several inputs on stdout, a debug
 * directory that is not one. */
static int check_options(const cli_options *o, int ninputs)
{
    if (!o->output && pdf_in(o->formats)) {
        if (isatty(STDOUT_FILENO))
            return cli_usage_error("%s", "pdf is binary: use -o FILE or redirect stdout");
        if (ninputs > 1)
            return cli_usage_error("%s", "a pdf on stdout is of one input file: use -o DIR");
    }
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
            jobs[njobs++] = (job){inputs[i], p, npages, NULL, NULL};
    }
    *out = jobs;
    *nout = njobs;
    return EXIT_OK;
nomem:
    free(jobs);
    error_line("out of memory");
    return EXIT_MODEL;
}

/* The path of output `stem` (+ `suffix`) of job j into a new string: PATH itself when
 * not dir_mode, else PATH/STEM. */
static char *output_name(const cli_options *o, int dir_mode, const job *j, int per_page,
                         const char *suffix)
{
    char name[PATH_MAX];
    if (!dir_mode) {
        /* The extension of the one output is the user's: write exactly PATH. */
        snprintf(name, sizeof(name), "%s", o->output);
    } else {
        char stem[NAME_MAX + 1];
        cli_stem_of(stem, sizeof(stem), j->path);
        if (per_page && j->npages > 1)
            snprintf(name, sizeof(name), "%s/%s.p%03d%s", o->output, stem, j->index + 1, suffix);
        else
            snprintf(name, sizeof(name), "%s/%s%s", o->output, stem, suffix);
    }
    return strdup(name);
}

/* Decides where each page's outputs go. One output file (one page and one per-page format,
 * or one input and -f pdf alone) and -o PATH: PATH is the file unless it is an existing
 * directory. Several output files and -o: a directory, created with its parents if
 * missing. With -f pdf each input file's first page names its PDF (NAME.pdf, all its pages).
 * Two outputs with the same name are a usage error, found before any work is done. */
static int plan_outputs(job *jobs, size_t njobs, const cli_options *o)
{
    if (!o->output)
        return EXIT_OK;
    const nocr_format *pdf = pdf_in(o->formats);
    size_t per_page = (size_t)cli_format_count(o->formats) - (pdf != NULL), nfiles = 0;
    for (size_t i = 0; i < njobs; i++)
        nfiles += jobs[i].index == 0;
    size_t nout = per_page * njobs + (pdf ? nfiles : 0);
    int dir_mode = nout > 1 || cli_is_dir(o->output);
    if (dir_mode && cli_mkdir_p(o->output) != 0) {
        fprintf(stderr, "newsocr: %s: cannot create output directory: %s\n", o->output,
                strerror(errno));
        return EXIT_OUTPUT;
    }
    for (size_t i = 0; i < njobs; i++) {
        job *j = &jobs[i];
        if (!(j->outbase = output_name(o, dir_mode, j, 1, "")) ||
            (pdf && j->index == 0 &&
             !(j->book = output_name(o, dir_mode, j, 0, pdf->extension)))) {
            error_line("out of memory");
            return EXIT_MODEL;
        }
        for (size_t k = 0; dir_mode && k < i; k++) {
            if (per_page && strcmp(jobs[k].outbase, j->outbase) == 0)
                return cli_name_clash(jobs[k].path, j->path, NULL, j->outbase, o->formats);
            if (j->book && jobs[k].book && strcmp(jobs[k].book, j->book) == 0) {
                fprintf(stderr,
                        "newsocr: %s and %s would both be written to %s; rename one or run "
                        "them separately\n",
                        jobs[k].path, j->path, j->book);
                return EXIT_USAGE;
            }
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

/* Processes one page (into `book` too, when not NULL) and reports it on stderr; returns
 * its exit status. */
static int run_job(const job *j, nocr_engine *eng, const cli_options *o, int *pages_out,
                   cli_book *book)
{
    cli_page_result res;
    cli_sink sink = {j->outbase, j->outbase && strcmp(j->outbase, o->output) != 0, pages_out};
    if (cli_page_run_book(&res, eng, o, j->path, j->index, &sink, book) != EXIT_OK) {
        error_line(res.error);
        return res.status;
    }
    if (res.warnings[0] && !o->quiet)
        fprintf(stderr, "newsocr: %s: warning: %s\n", j->path, res.warnings);
    if (o->verbose) {
        char extra[160] = "";
        if (book)
            snprintf(extra, sizeof(extra), ", page %d of the PDF", cli_book_pages(book));
        if (res.coverage >= 0) {
            size_t used = strlen(extra);
            snprintf(extra + used, sizeof(extra) - used, ", coverage %.2f", res.coverage);
        }
        if (res.lang[0]) {
            size_t used = strlen(extra);
            snprintf(extra + used, sizeof(extra) - used, ", language %s", res.lang);
        }
        fprintf(stderr, "newsocr: %s[%d]: %zu regions, %zu bytes of output%s\n", j->path,
                j->index + 1, res.regions, res.bytes, extra);
    }
    if (o->timings)
        print_timings(j, &res.times);
    return EXIT_OK;
}

/* Opens the PDF book of the file whose first page is j; NULL when pdf is not requested or
 * the book cannot be written (reported; *worst updated). */
static cli_book *book_open(const job *j, const cli_options *o, int *worst)
{
    if (!pdf_in(o->formats))
        return NULL;
    cli_book *book = NULL;
    char err[1200];
    int status = cli_book_open(&book, j->book, j->path, err, sizeof(err));
    if (status != EXIT_OK) {
        error_line(err);
        *worst = status > *worst ? status : *worst;
    }
    return book;
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
    if (o->verbose)
        fprintf(stderr, "newsocr: settings %s\n",
                nocr_engine_config(eng)[0] ? nocr_engine_config(eng) : "(none)");
    int pages_out = 0, only_pdf = pdf_in(o->formats) && cli_format_count(o->formats) == 1;
    cli_book *book = NULL;
    for (size_t i = 0; i < njobs; i++) {
        if (jobs[i].index == 0)
            book = book_open(&jobs[i], o, &worst);
        if (only_pdf && !book) {
            /* The PDF cannot be written: nothing else to make of the file's pages. */
            i += (size_t)(jobs[i].npages - jobs[i].index - 1);
            continue;
        }
        status = run_job(&jobs[i], eng, o, &pages_out, book);
        worst = status > worst ? status : worst;
        if (jobs[i].index + 1 == jobs[i].npages) {
            char err[1200];
            status = cli_book_close(book, 1, err, sizeof(err));
            book = NULL;
            if (status != EXIT_OK) {
                error_line(err);
                worst = status > worst ? status : worst;
            }
        }
    }
    nocr_engine_free(eng);
    return worst;
}

int main(int argc, char **argv)
{
    cli_init();
    if (argc > 1 && strcmp(argv[1], "batch") == 0)
        return cli_batch_main(argc - 1, argv + 1);
    int want_list = 0;
    const cli_command cmd = {"newsocr --help",
                             cli_help_newsocr,
                             CLI_OPT_DEBUG_DIR | CLI_OPT_TIMINGS | CLI_OPT_VERSION,
                             own_options,
                             NULL,
                             own_option,
                             &want_list};
    cli_options o;
    cli_options_init(&o);
    int first, status = cli_options_parse(&o, &first, argc, argv, &cmd);
    if (status != EXIT_OK)
        return status == CLI_DONE ? EXIT_OK : status;
    if (want_list) {
        if (first < argc)
            return cli_usage_error("--list-langs takes no input, not '%s'", argv[first]);
        return list_langs(&o);
    }
    if (first >= argc)
        return cli_usage_error("%s", "no input image given");
    if ((status = check_options(&o, argc - first)) != EXIT_OK)
        return status;

    job *jobs = NULL;
    size_t njobs = 0;
    int worst = EXIT_OK;
    if ((status = expand_inputs(&jobs, &njobs, &worst, argv + first, argc - first)))
        return status;
    if (njobs > 0)
        worst = run_jobs(jobs, njobs, &o, worst);
    for (size_t i = 0; i < njobs; i++) {
        free(jobs[i].outbase);
        free(jobs[i].book);
    }
    free(jobs);
    return worst;
}
