/*
 * cli.h - what the two commands of the newsocr program share: exit statuses, the common
 * options and their parser (options.c), output format sets over the library's format
 * table, the atomic file writer, the processing of one page into every requested format
 * and the PDF book, one PDF of all the pages of an input (output.c). main.c is
 * `newsocr IMAGE...`, batch/ is `newsocr batch`; their --help texts are generated from
 * pipeline/man/newsocr.1.src.
 */
#ifndef NEWSOCR_CLI_H
#define NEWSOCR_CLI_H

#include "newsocr.h"

#include <getopt.h>
#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

/* Exit statuses, documented in both --help texts and the README. */
enum cli_exit_status {
    EXIT_OK = 0,
    EXIT_USAGE = 1,
    EXIT_INPUT = 2,
    EXIT_MODEL = 3,
    EXIT_OUTPUT = 4,
    EXIT_INTERRUPTED = 130, /* batch: stopped by SIGINT or SIGTERM (128 + SIGINT) */
};

/* The --help texts, generated from pipeline/man/newsocr.1.src by pipeline/man/gen.awk (the
 * source of the man page too): cli_help.c in the build directory. */
extern const char cli_help_newsocr[];
extern const char cli_help_batch[];

/* Returned by cli_options_parse when --help or --version was printed: exit 0. */
#define CLI_DONE (-1)

/* ---------------------------------------------------------------------------------------
 * Format sets: bit i stands for nocr_format_at(i), so every loop over formats is a loop
 * over the library's table and the CLI names no format.
 */
typedef unsigned cli_format_set;

/* The formats of the comma-separated `list` added to *set; EXIT_OK, or EXIT_USAGE with the
 * message printed. */
int cli_parse_formats(cli_format_set *set, const char *list);
int cli_format_count(cli_format_set set);
/* Format i of the table when it is in the set, else NULL. */
const nocr_format *cli_format_in(cli_format_set set, size_t i);
/* The set holding only the table's first format (txt): the default of -f. */
cli_format_set cli_format_default(void);
/* The extension of the first format of the set (for messages naming an output file). */
const char *cli_format_first_ext(cli_format_set set);

/* ---------------------------------------------------------------------------------------
 * Options common to both commands
 */

/* Settings common to both commands. */
typedef struct cli_options {
    const char *output;
    cli_format_set formats;
    nocr_engine_options engine;
    nocr_load_options load;
    nocr_process_options process;
    int quiet, verbose, timings;
} cli_options;

void cli_options_init(cli_options *o);

/* Which of the common options a command takes (the others are unknown to it). */
enum {
    CLI_OPT_DEBUG_DIR = 1 << 0,
    CLI_OPT_TIMINGS = 1 << 1,
    CLI_OPT_VERSION = 1 << 2,
};
/* A command's own options get keys from CLI_OPT_OWN up (or their short letter). */
#define CLI_OPT_OWN 512

/* A command: its name and help for messages, and the options it adds to the common ones. */
typedef struct cli_command {
    const char *help_command; /* "newsocr --help": named in usage errors */
    const char *help;         /* printed by -h */
    unsigned common;          /* CLI_OPT_* bits of the optional common options it takes */
    const struct option *own; /* its own long options, {NULL} terminated; may be NULL */
    const char *own_short;    /* their short letters, getopt syntax ("j:"); may be NULL */
    /* Handles one of its own options; EXIT_OK, or EXIT_USAGE with the message printed. */
    int (*handle)(void *ctx, int key, const char *arg);
    void *ctx;
} cli_command;

/* Parses argv[1..] (argv[0] is the command name) into *o and the command's own options;
 * *first_input is the index of the first operand (getopt permutes them to the end).
 * Returns EXIT_OK, EXIT_USAGE (message printed) or CLI_DONE (help or version printed). */
int cli_options_parse(cli_options *o, int *first_input, int argc, char **argv,
                      const cli_command *cmd);

/* Parses the decimal integer `s` strictly (digits only, an optional leading '-'; no
 * spaces, no trailing characters, no overflow) into *out when min <= value <= max.
 * Returns 0, or -1 (nothing stored). */
int cli_parse_int(long long *out, const char *s, long long min, long long max);

/* Prints "newsocr: MESSAGE (see HELP)" (fmt has one %s) and returns EXIT_USAGE; HELP is
 * the command's --help, set by cli_options_parse. */
int cli_usage_error(const char *fmt, const char *arg);

/* ---------------------------------------------------------------------------------------
 * Files and the atomic writer (output.c)
 */

/* 0666 less the umask; read once by cli_init. */
void cli_init(void);

double cli_now(void);

/* The exit status of a nocr_error code. */
int cli_status_of(int code);

/* The file name of `path` without directory and (last) extension, into out[n]. */
void cli_stem_of(char *out, size_t n, const char *path);

/* The file name of `path` without its directory. */
const char *cli_base_name(const char *path);

int cli_is_dir(const char *path);

/* Creates directory `path` and its missing parents (mkdir -p); 0, or -1 with errno. */
int cli_mkdir_p(const char *path);

/* Reports that inputs a and b would both be written to `outbase` (+ the first format's
 * extension), found before any work; returns EXIT_USAGE. `dir` (may be NULL) is prefixed
 * to outbase with a '/'. */
int cli_name_clash(const char *a, const char *b, const char *dir, const char *outbase,
                   cli_format_set formats);

/* A slot where a worker thread announces the temporary file it is writing, so that a
 * signal handler can remove it (unlink is async-signal-safe) when the batch is abandoned. */
typedef struct cli_tmp_slot {
    volatile sig_atomic_t busy;
    char path[4200];
} cli_tmp_slot;

/* Sets the calling thread's temporary-file slot (NULL: none); used by cli_write_atomic. */
void cli_tmp_slot_set(cli_tmp_slot *slot);

/* Writes `data` to `path` through a temporary file in the same directory (PATH.tmp.XXXXXX),
 * renamed into place once complete; on failure nothing is left behind. An existing
 * non-regular file (a terminal, /dev/stdout) is written directly. Returns EXIT_OK, or
 * EXIT_OUTPUT with the message ("PATH: cannot write: REASON") in err[errlen]. */
int cli_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen);

/* ---------------------------------------------------------------------------------------
 * One page into every format (output.c)
 */

/* What processing one page gave: filled by cli_page_run, whatever happened. */
typedef struct cli_page_result {
    int status;          /* cli_exit_status of this page */
    char error[1024];    /* the one-line message (without "newsocr: ") when status != 0 */
    double seconds;      /* wall time: load, process, export, write */
    double confidence;   /* mean confidence of the page's lines, 0..100; -1 when none */
    double skew;         /* degrees found by preprocessing */
    int articles;        /* distinct articles in the page */
    size_t regions;      /* regions in the page */
    size_t bytes;        /* bytes of output */
    char warnings[1024]; /* the page's warnings (nocr_page_warning), "; "-separated */
    double coverage;     /* nocr_page_coverage: 0..1, -1 when not measured */
    char lang[64];       /* nocr_page_lang: the language chosen; "" when none */
    nocr_timings times;  /* per stage */
} cli_page_result;

/* Where a page's outputs go: `outbase` + each format's extension (add_ext 1), or exactly
 * `outbase` (add_ext 0: -o FILE with one format); outbase NULL: stdout, where pages after
 * the first are preceded by a form feed (*stdout_pages counts them). */
typedef struct cli_sink {
    const char *outbase;
    int add_ext;
    int *stdout_pages;
} cli_sink;

typedef struct cli_book cli_book;

/* Loads page `index` of `path`, runs the pipeline, makes every format of o->formats and
 * writes them to `sink` (all formats are made before the first is written). Never prints
 * on stderr; the outcome, message included, is in *res. Returns res->status.
 * The pdf format, if requested, is written per page like the others (NAME.pNNN.pdf). */
int cli_page_run(cli_page_result *res, nocr_engine *eng, const cli_options *o, const char *path,
                 int index, const cli_sink *sink);

/* As cli_page_run, but with `book` (not NULL) the pdf format is not written per page: the
 * page is added to the book after the other formats, also when those could not be written;
 * a page whose processing failed is added image-only (res->status still says it failed); a
 * page that could not be loaded makes the book fail (cli_book_close then writes nothing).
 * book NULL: exactly cli_page_run. */
int cli_page_run_book(cli_page_result *res, nocr_engine *eng, const cli_options *o,
                      const char *path, int index, const cli_sink *sink, cli_book *book);

/* ---------------------------------------------------------------------------------------
 * The PDF book: one searchable PDF of all the pages of one input file (output.c)
 *
 * With -f pdf an input of several pages (a PDF, a multi-page TIFF) gives one NAME.pdf, not
 * a file per page. For each input file, in one thread:
 *
 *     cli_book *book;
 *     if (cli_book_open(&book, "OUT/NAME.pdf", input, err, sizeof(err)) != EXIT_OK)
 *         report err; (book is NULL; the pages may still be processed for other formats)
 *     for each page p of the input, in order 0..npages-1:
 *         cli_sink sink = {outbase, 1, NULL};
 *         cli_page_run_book(&res, eng, o, input, p, &sink, book);
 *     status = cli_book_close(book, commit, err, sizeof(err));
 *
 * open: the book is written to TARGET.tmp.XXXXXX in TARGET's directory (directory must
 * exist), the name in cli_book_tmp() for a signal handler to unlink; TARGET NULL writes the
 * PDF to stdout at close (built in memory); an existing non-regular TARGET (a pipe,
 * /dev/stdout) is built in memory and written to it at close. Returns EXIT_OK, or
 * EXIT_OUTPUT with "TARGET: cannot write: REASON" in err.
 * close: commit 1 finishes the PDF and renames it to TARGET, when every page was added (a
 * page that could not be loaded fails the book); commit 0 (interrupted, abandoned), a
 * failed book, or a failure while finishing removes the temporary file and writes nothing.
 * Returns EXIT_OK when TARGET was written; otherwise the status (EXIT_INPUT when a page could
 * not be loaded, EXIT_OUTPUT, ...) with "TARGET: not written: REASON" in err (for commit 0:
 * EXIT_OK and nothing in err). Always frees the book; accepts NULL (EXIT_OK).
 * A book belongs to one thread at a time; pages must be added in order. */
int cli_book_open(cli_book **out, const char *target, const char *input, char *err, size_t errlen);
/* Adds a processed page (page, img) or, with page NULL, the image alone (a page whose OCR
 * failed); with img NULL too, fails the book with `why` (status: why it failed). Called by
 * cli_page_run_book. */
void cli_book_add(cli_book *book, const nocr_page *page, const nocr_image *img, int status,
                  const char *why);
/* The temporary file being written ("" when none: stdout or in memory). */
const char *cli_book_tmp(const cli_book *book);
/* Pages added so far. */
int cli_book_pages(const cli_book *book);
int cli_book_close(cli_book *book, int commit, char *err, size_t errlen);

/* newsocr batch ARGS... (argv[0] is "batch"); returns the exit status (batch/batch.c). */
int cli_batch_main(int argc, char **argv);

#endif /* NEWSOCR_CLI_H */
