/*
 * cli.h - what the two commands of the newsocr program share: exit statuses, output
 * formats, the atomic file writer and the processing of one page into every requested
 * format (output.c). main.c is `newsocr IMAGE...`, batch.c is `newsocr batch`.
 */
#ifndef NEWSOCR_CLI_H
#define NEWSOCR_CLI_H

#include "newsocr.h"

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

/* Output formats, in the order their files are written; the bit of format i is 1 << i. */
enum { FORMAT_TXT = 1 << 0, FORMAT_OVERLAY = 1 << 5 };
typedef struct cli_format {
    const char *name, *ext;
} cli_format;
extern const cli_format cli_formats[];
#define CLI_NFORMATS 6

/* Settings common to both commands. */
typedef struct cli_options {
    const char *output;
    unsigned formats;
    nocr_engine_options engine;
    nocr_load_options load;
    nocr_process_options process;
    int quiet, verbose, timings;
} cli_options;

/* What processing one page gave: filled by cli_page_run, whatever happened. */
typedef struct cli_page_result {
    int status;         /* cli_exit_status of this page */
    char error[1024];   /* the one-line message (without "newsocr: ") when status != 0 */
    double seconds;     /* wall time: load, process, export, write */
    double confidence;  /* mean confidence of the page's lines, 0..100; -1 when none */
    double skew;        /* degrees found by preprocessing */
    int articles;       /* distinct articles in the page */
    size_t regions;     /* regions in the page */
    size_t bytes;       /* bytes of output */
    char warnings[1024]; /* the page's warnings (nocr_page_warning), "; "-separated */
    nocr_timings times; /* per stage */
} cli_page_result;

/* Where a page's outputs go: `outbase` + each format's extension (add_ext 1), or exactly
 * `outbase` (add_ext 0: -o FILE with one format); outbase NULL: stdout, where pages after
 * the first are preceded by a form feed (*stdout_pages counts them). */
typedef struct cli_sink {
    const char *outbase;
    int add_ext;
    int *stdout_pages;
} cli_sink;

/* A slot where a worker thread announces the temporary file it is writing, so that a
 * signal handler can remove it (unlink is async-signal-safe) when the batch is abandoned. */
typedef struct cli_tmp_slot {
    volatile sig_atomic_t busy;
    char path[4200];
} cli_tmp_slot;

/* Sets the calling thread's temporary-file slot (NULL: none); used by cli_write_atomic. */
void cli_tmp_slot_set(cli_tmp_slot *slot);

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

/* Adds the formats of the comma-separated `list` to *set; 0, or EXIT_USAGE with the
 * message printed. */
int cli_parse_formats(unsigned *set, const char *list);
int cli_format_count(unsigned set);

/* Prints "newsocr: MESSAGE (see HELP)" (fmt has one %s) and returns EXIT_USAGE; HELP is
 * cli_help_command, "newsocr --help" unless the batch set it. */
extern const char *cli_help_command;
int cli_usage_error(const char *fmt, const char *arg);

/* Writes `data` to `path` through a temporary file in the same directory (PATH.tmp.XXXXXX),
 * renamed into place once complete; on failure nothing is left behind. An existing
 * non-regular file (a terminal, /dev/stdout) is written directly. Returns EXIT_OK, or
 * EXIT_OUTPUT with the message ("PATH: cannot write: REASON") in err[errlen]. */
int cli_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen);

/* Loads page `index` of `path`, runs the pipeline, makes every format of o->formats and
 * writes them to `sink` (all formats are made before the first is written). Never prints
 * on stderr; the outcome, message included, is in *res. Returns res->status. */
int cli_page_run(cli_page_result *res, nocr_engine *eng, const cli_options *o, const char *path,
                 int index, const cli_sink *sink);

/* newsocr batch ARGS... (argv[0] is "batch"); returns the exit status. */
int cli_batch_main(int argc, char **argv);

#endif /* NEWSOCR_CLI_H */
