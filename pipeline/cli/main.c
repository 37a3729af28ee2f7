/*
 * main.c - the newsocr command line.
 *
 *   main, plan_outputs, print_timings, run_job
 *
 * newsocr [OPTIONS] IMAGE...   each page in reading order, as text, JSON, hOCR, ALTO, PAGE
 * XML or a reading-order overlay PNG, on stdout or in files.
 * newsocr batch ...            many pages on every core, resumable (batch.c).
 * Exit status (documented in --help and the README):
 *   0 success; 1 usage error; 2 an input could not be read or is not a valid image;
 *   3 model or engine problem; 4 output could not be written.
 * With several inputs a bad one does not stop the others; the status is the largest code
 * met. Output files are written to a temporary name beside the target and renamed when
 * complete, so a failure never leaves a partial file (output.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <getopt.h>
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

static int parse_long(long long *out, const char *s, const char *what)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0)
        return cli_usage_error(what, s);
    *out = v;
    return EXIT_OK;
}

/* The extension of the first format of the set. */
static const char *first_ext(unsigned set)
{
    for (size_t f = 0; f < CLI_NFORMATS; f++) {
        if (set & (1u << f))
            return cli_formats[f].ext;
    }
    return ".txt";
}

/* Decides where each page's outputs go. One page, one format and -o PATH: PATH is the file
 * unless it is an existing directory. Several pages or formats and -o: a directory, created
 * if missing. Two pages with the same output name are a usage error, found before any work
 * is done. */
static int plan_outputs(job *jobs, size_t njobs, const cli_options *o)
{
    if (!o->output)
        return EXIT_OK;
    int dir_mode = njobs > 1 || cli_format_count(o->formats) > 1 || cli_is_dir(o->output);
    if (dir_mode && !cli_is_dir(o->output) && mkdir(o->output, 0777) != 0) {
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
            if (jobs[k].outbase && strcmp(jobs[k].outbase, name) == 0) {
                fprintf(stderr,
                        "newsocr: %s and %s would both be written to %s%s; rename one or "
                        "run them separately\n",
                        jobs[k].path, jobs[i].path, name, first_ext(o->formats));
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

int main(int argc, char **argv)
{
    cli_init();
    if (argc > 1 && strcmp(argv[1], "batch") == 0)
        return cli_batch_main(argc - 1, argv + 1);
    enum {
        OPT_TESSDATA = 256,
        OPT_CONFIG,
        OPT_MAX_PIXELS,
        OPT_DEBUG_DIR,
        OPT_TIMINGS,
        OPT_NO_ENHANCE
    };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"lang", required_argument, NULL, 'l'},
        {"tessdata", required_argument, NULL, OPT_TESSDATA},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"max-pixels", required_argument, NULL, OPT_MAX_PIXELS},
        {"debug-dir", required_argument, NULL, OPT_DEBUG_DIR},
        {"timings", no_argument, NULL, OPT_TIMINGS},
        {"no-enhance", no_argument, NULL, OPT_NO_ENHANCE},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    cli_options o = {0};
    o.engine = (nocr_engine_options)NOCR_ENGINE_OPTIONS_INIT;
    o.load = (nocr_load_options)NOCR_LOAD_OPTIONS_INIT;
    o.process = (nocr_process_options)NOCR_PROCESS_OPTIONS_INIT;

    opterr = 0;
    int c, status;
    while ((c = getopt_long(argc, argv, ":o:f:l:qvhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o.output = optarg;
            break;
        case 'f':
            if ((status = cli_parse_formats(&o.formats, optarg)))
                return status;
            break;
        case 'l':
            o.engine.lang = optarg;
            break;
        case OPT_TESSDATA:
            o.engine.tessdata = optarg;
            break;
        case OPT_CONFIG:
            o.engine.config = optarg;
            break;
        case OPT_MAX_PIXELS:
            if ((status = parse_long(&o.load.max_pixels, optarg,
                                     "--max-pixels needs a positive number, not '%s'")))
                return status;
            break;
        case OPT_DEBUG_DIR:
            o.process.preprocess.debug_dir = optarg;
            break;
        case OPT_NO_ENHANCE:
            o.process.preprocess.enhance = 0;
            break;
        case OPT_TIMINGS:
            o.timings = 1;
            break;
        case 'q':
            o.quiet = 1;
            o.verbose = 0;
            break;
        case 'v':
            o.verbose = 1;
            o.quiet = 0;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return EXIT_OK;
        case 'V':
            printf("newsocr %s\n", nocr_version());
            return EXIT_OK;
        case ':':
            return cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error("%s", "no input image given");
    if (!o.formats)
        o.formats = FORMAT_TXT;
    if (!o.output && (o.formats & FORMAT_OVERLAY))
        return cli_usage_error("%s", "overlay is a PNG: use -o");
    if (!o.output && cli_format_count(o.formats) > 1)
        return cli_usage_error("%s", "several formats need -o DIR");
    if (o.process.preprocess.debug_dir && !cli_is_dir(o.process.preprocess.debug_dir))
        return cli_usage_error("--debug-dir: '%s' is not a directory",
                               o.process.preprocess.debug_dir);

    /* Expand the inputs into pages; unreadable inputs are reported now and skipped. */
    size_t njobs = 0, cap = (size_t)(argc - optind);
    job *jobs = calloc(cap, sizeof(*jobs));
    if (!jobs) {
        error_line("out of memory");
        return EXIT_MODEL;
    }
    int worst = EXIT_OK;
    for (int i = optind; i < argc; i++) {
        int npages = 0, rc = nocr_image_page_count(&npages, argv[i]);
        if (rc) {
            error_line(nocr_error_last());
            worst = cli_status_of(rc) > worst ? cli_status_of(rc) : worst;
            continue;
        }
        if (njobs + (size_t)npages > cap) {
            cap = njobs + (size_t)npages + cap;
            job *grown = realloc(jobs, cap * sizeof(*jobs));
            if (!grown) {
                error_line("out of memory");
                free(jobs);
                return EXIT_MODEL;
            }
            jobs = grown;
        }
        for (int p = 0; p < npages; p++)
            jobs[njobs++] = (job){argv[i], p, npages, NULL};
    }

    size_t ntotal = njobs; /* njobs drops to 0 when nothing can run */
    nocr_engine *eng = NULL;
    if (njobs > 0 && (status = plan_outputs(jobs, njobs, &o)) != EXIT_OK) {
        worst = status;
        njobs = 0;
    }
    if (njobs > 0) {
        int rc = nocr_engine_new(&eng, &o.engine);
        if (rc) {
            error_line(nocr_error_last());
            worst = cli_status_of(rc) > worst ? cli_status_of(rc) : worst;
            njobs = 0;
        }
    }
    int pages_out = 0;
    for (size_t i = 0; i < njobs; i++) {
        status = run_job(&jobs[i], eng, &o, &pages_out);
        worst = status > worst ? status : worst;
    }
    nocr_engine_free(eng);
    for (size_t i = 0; i < ntotal; i++)
        free(jobs[i].outbase);
    free(jobs);
    return worst;
}
