/*
 * options.c - the options both commands take, parsed by one table, and the sets of output
 * formats they name.
 *
 *   cli_options_init, cli_options_parse, cli_parse_int, cli_usage_error, keyword,
 *   cli_parse_formats, cli_format_count, cli_format_in, cli_format_default,
 *   cli_format_first_ext
 *
 * `newsocr IMAGE...` (main.c) and `newsocr batch` (batch/batch.c) share -o -f -l
 * --tessdata --config --max-pixels --pdf-dpi --layout --direction --no-enhance -q -v -h;
 * the single-page command adds --debug-dir, --timings and -V, the batch its own options
 * through a callback. Every option is documented in pipeline/man/newsocr.1.src, the source
 * of both --help texts and of newsocr(1); tests/man checks that they agree. Numbers are
 * parsed strictly: a value that overflows or has trailing characters is a usage error,
 * never a silently different number.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_TESSDATA = 256,
    OPT_CONFIG,
    OPT_MAX_PIXELS,
    OPT_DEBUG_DIR,
    OPT_TIMINGS,
    OPT_NO_ENHANCE,
    OPT_PDF_DPI,
    OPT_LAYOUT,
    OPT_DIRECTION,
};

/* --pdf-dpi's range: the library's (nocr_load_options.pdf_dpi). */
#define PDF_DPI_MIN 100
#define PDF_DPI_MAX 1200

/* A common option and the CLI_OPT_* bit a command needs to take it (0: every command). */
typedef struct common_opt {
    struct option opt;
    unsigned need;
} common_opt;

static const common_opt common_opts[] = {
    {{"output", required_argument, NULL, 'o'}, 0},
    {{"format", required_argument, NULL, 'f'}, 0},
    {{"lang", required_argument, NULL, 'l'}, 0},
    {{"tessdata", required_argument, NULL, OPT_TESSDATA}, 0},
    {{"config", required_argument, NULL, OPT_CONFIG}, 0},
    {{"max-pixels", required_argument, NULL, OPT_MAX_PIXELS}, 0},
    {{"pdf-dpi", required_argument, NULL, OPT_PDF_DPI}, 0},
    {{"layout", required_argument, NULL, OPT_LAYOUT}, 0},
    {{"direction", required_argument, NULL, OPT_DIRECTION}, 0},
    {{"debug-dir", required_argument, NULL, OPT_DEBUG_DIR}, CLI_OPT_DEBUG_DIR},
    {{"timings", no_argument, NULL, OPT_TIMINGS}, CLI_OPT_TIMINGS},
    {{"no-enhance", no_argument, NULL, OPT_NO_ENHANCE}, 0},
    {{"quiet", no_argument, NULL, 'q'}, 0},
    {{"verbose", no_argument, NULL, 'v'}, 0},
    {{"help", no_argument, NULL, 'h'}, 0},
    {{"version", no_argument, NULL, 'V'}, CLI_OPT_VERSION},
};
#define NCOMMON     (sizeof(common_opts) / sizeof(*common_opts))
#define MAX_OWN     16 /* options a command may add */
#define SHORT_CHARS 64

static const char *help_command = "newsocr --help";

void cli_options_init(cli_options *o)
{
    memset(o, 0, sizeof(*o));
    o->engine = (nocr_engine_options)NOCR_ENGINE_OPTIONS_INIT;
    o->load = (nocr_load_options)NOCR_LOAD_OPTIONS_INIT;
    o->process = (nocr_process_options)NOCR_PROCESS_OPTIONS_INIT;
}

int cli_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "newsocr: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see %s)\n", help_command);
    return EXIT_USAGE;
}

int cli_parse_int(long long *out, const char *s, long long min, long long max)
{
    /* strtoll alone takes leading spaces and a '+', and saturates on overflow. */
    const char *digits = s[0] == '-' ? s + 1 : s;
    if (*digits < '0' || *digits > '9')
        return -1;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

/* The getopt tables of `cmd`: the common options it takes, then its own. */
static void build_tables(struct option *longopts, char *shortopts, const cli_command *cmd)
{
    size_t n = 0;
    char *s = shortopts;
    *s++ = ':'; /* a missing argument is reported as ':', not '?' */
    for (size_t i = 0; i < NCOMMON; i++) {
        const common_opt *c = &common_opts[i];
        if (c->need && !(cmd->common & c->need))
            continue;
        longopts[n++] = c->opt;
        if (c->opt.val < 256) {
            *s++ = (char)c->opt.val;
            if (c->opt.has_arg == required_argument)
                *s++ = ':';
        }
    }
    for (size_t i = 0; cmd->own && cmd->own[i].name; i++) {
        assert(i < MAX_OWN);
        longopts[n++] = cmd->own[i];
    }
    longopts[n] = (struct option){NULL, 0, NULL, 0};
    if (cmd->own_short) {
        assert(strlen(cmd->own_short) < SHORT_CHARS - (size_t)(s - shortopts));
        strcpy(s, cmd->own_short);
    } else {
        *s = '\0';
    }
}

/* The element of argv holding the unknown short option `letter`. getopt does not say: after
 * the last letter of an element ("-qz") optind has moved past it, in the middle
 * ("-dash.png") it has not; argv[optind - 1] may be another argument (the "out" of
 * "-o out"). */
static const char *short_option_arg(int argc, char **argv, int letter)
{
    const char *prev = optind > 0 ? argv[optind - 1] : NULL;
    if (prev && prev[0] == '-' && prev[1] != '-' && prev[1] && prev[strlen(prev) - 1] == letter)
        return prev;
    if (optind < argc && argv[optind][0] == '-' && strchr(argv[optind] + 1, letter))
        return argv[optind];
    return NULL;
}

/* Reports the unknown short option `letter`, naming the element it came from. */
static int unknown_letter(int argc, char **argv, int letter)
{
    char msg[1024];
    const char *arg = short_option_arg(argc, argv, letter);
    int n = snprintf(msg, sizeof(msg), "unknown option '-%c'", letter);
    if (arg && strlen(arg) > 2)
        n += snprintf(msg + n, sizeof(msg) - (size_t)n, " in '%.400s'", arg);
    if (arg && strchr(arg, '.')) /* looks like a file name */
        snprintf(msg + n, sizeof(msg) - (size_t)n,
                 " (a file whose name starts with '-' is given as ./%.400s)", arg);
    return cli_usage_error("%s", msg);
}

/* 1 when `arg` is "--NAME=VALUE" with NAME (or its abbreviation) the long option of `key`:
 * getopt's '?' for a value given to an option that takes none. */
static int is_long_with_value(const char *arg, int key, const struct option *longopts)
{
    const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
    size_t n = eq ? (size_t)(eq - arg - 2) : 0;
    for (const struct option *o = longopts; eq && o->name; o++) {
        if (o->val == key && strncmp(o->name, arg + 2, n) == 0)
            return 1;
    }
    return 0;
}

/* Reports getopt's '?' or ':' naming the argument at fault; returns EXIT_USAGE. After a
 * long option, and after a missing argument (which only the last element can lack),
 * argv[optind - 1] is the element at fault; an unknown letter may be in another. */
static int option_error(int c, int argc, char **argv, const struct option *longopts)
{
    const char *prev = optind > 0 ? argv[optind - 1] : "";
    int is_long = strncmp(prev, "--", 2) == 0;
    char msg[1024];
    if (c == ':' && is_long)
        snprintf(msg, sizeof(msg), "option '%.400s' needs an argument", prev);
    else if (c == ':')
        snprintf(msg, sizeof(msg), "option '-%c' needs an argument", optopt);
    else if (optopt == 0)
        snprintf(msg, sizeof(msg), "unknown option '%.400s'", prev);
    else if (is_long_with_value(prev, optopt, longopts))
        snprintf(msg, sizeof(msg), "option '%.400s' takes no argument", prev);
    else
        return unknown_letter(argc, argv, optopt);
    return cli_usage_error("%s", msg);
}

/* Applies common option `c`: EXIT_OK, EXIT_USAGE or CLI_DONE; NOT_COMMON when `c` is one
 * of the command's own options. */
#define NOT_COMMON 1000

/* The value of `arg` among `names` (NULL-terminated) into *out; -1 when none. */
static int keyword(int *out, const char *arg, const char *const *names)
{
    for (int i = 0; names[i]; i++) {
        if (strcmp(arg, names[i]) == 0) {
            *out = i;
            return 0;
        }
    }
    return -1;
}

/* In the order of nocr_layout_mode and nocr_direction_mode. */
static const char *const layout_names[] = {"newsocr", "tesseract", NULL};
static const char *const direction_names[] = {"auto", "horizontal", "vertical", NULL};

static int apply_common(cli_options *o, int c, const char *arg, const cli_command *cmd)
{
    long long v;
    switch (c) {
    case 'o':
        o->output = arg;
        return EXIT_OK;
    case 'f':
        return cli_parse_formats(&o->formats, arg);
    case 'l':
        o->engine.lang = arg;
        return EXIT_OK;
    case OPT_TESSDATA:
        o->engine.tessdata = arg;
        return EXIT_OK;
    case OPT_CONFIG:
        o->engine.config = arg;
        return EXIT_OK;
    case OPT_MAX_PIXELS:
        if (cli_parse_int(&v, arg, 1, LLONG_MAX))
            return cli_usage_error("--max-pixels needs a positive number, not '%s'", arg);
        o->load.max_pixels = v;
        return EXIT_OK;
    case OPT_PDF_DPI:
        if (cli_parse_int(&v, arg, PDF_DPI_MIN, PDF_DPI_MAX))
            return cli_usage_error("--pdf-dpi needs a number from 100 to 1200, not '%s'", arg);
        o->load.pdf_dpi = (int)v;
        return EXIT_OK;
    case OPT_LAYOUT: {
        int mode;
        if (keyword(&mode, arg, layout_names))
            return cli_usage_error("--layout is newsocr or tesseract, not '%s'", arg);
        o->process.layout = (nocr_layout_mode)mode;
        return EXIT_OK;
    }
    case OPT_DIRECTION: {
        int mode;
        if (keyword(&mode, arg, direction_names))
            return cli_usage_error("--direction is auto, horizontal or vertical, not '%s'", arg);
        o->process.direction = (nocr_direction_mode)mode;
        return EXIT_OK;
    }
    case OPT_DEBUG_DIR:
        o->process.preprocess.debug_dir = arg;
        return EXIT_OK;
    case OPT_TIMINGS:
        o->timings = 1;
        return EXIT_OK;
    case OPT_NO_ENHANCE:
        o->process.preprocess.enhance = 0;
        return EXIT_OK;
    case 'q':
    case 'v':
        o->quiet = c == 'q';
        o->verbose = c == 'v';
        return EXIT_OK;
    case 'h':
        fputs(cmd->help, stdout);
        return CLI_DONE;
    case 'V':
        printf("newsocr %s\n", nocr_version());
        return CLI_DONE;
    default:
        return NOT_COMMON;
    }
}

int cli_options_parse(cli_options *o, int *first_input, int argc, char **argv,
                      const cli_command *cmd)
{
    struct option longopts[NCOMMON + MAX_OWN + 1];
    char shortopts[SHORT_CHARS];
    build_tables(longopts, shortopts, cmd);
    help_command = cmd->help_command;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        if (c == '?' || c == ':')
            return option_error(c, argc, argv, longopts);
        int status = apply_common(o, c, optarg, cmd);
        if (status == NOT_COMMON)
            status = cmd->handle(cmd->ctx, c, optarg);
        if (status != EXIT_OK)
            return status;
    }
    if (!o->formats)
        o->formats = cli_format_default();
    *first_input = optind;
    return EXIT_OK;
}

/* ---------------------------------------------------------------------------------------
 * Format sets
 */

int cli_parse_formats(cli_format_set *set, const char *list)
{
    size_t nformats = nocr_format_count();
    assert(nformats <= sizeof(cli_format_set) * CHAR_BIT);
    char buf[256];
    if (strlen(list) >= sizeof(buf))
        return cli_usage_error("format list too long: '%s'", list);
    strcpy(buf, list);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        size_t f = 0;
        while (f < nformats && strcmp(tok, nocr_format_at(f)->name) != 0)
            f++;
        if (f < nformats) {
            *set |= 1u << f;
            continue;
        }
        char msg[512];
        int used = snprintf(msg, sizeof(msg), "unknown output format '%.100s' (supported:", tok);
        for (f = 0; f < nformats && used < (int)sizeof(msg); f++)
            used += snprintf(msg + used, sizeof(msg) - (size_t)used, "%s %s", f ? "," : "",
                             nocr_format_at(f)->name);
        if (used < (int)sizeof(msg))
            snprintf(msg + used, sizeof(msg) - (size_t)used, ")");
        return cli_usage_error("%s", msg);
    }
    return EXIT_OK;
}

int cli_format_count(cli_format_set set)
{
    int n = 0;
    for (size_t f = 0; f < nocr_format_count(); f++)
        n += cli_format_in(set, f) != NULL;
    return n;
}

const nocr_format *cli_format_in(cli_format_set set, size_t i)
{
    return i < nocr_format_count() && (set >> i & 1u) ? nocr_format_at(i) : NULL;
}

cli_format_set cli_format_default(void)
{
    return 1u; /* the table's first format: txt */
}

const char *cli_format_first_ext(cli_format_set set)
{
    for (size_t f = 0; f < nocr_format_count(); f++) {
        if (cli_format_in(set, f))
            return nocr_format_at(f)->extension;
    }
    return nocr_format_at(0)->extension;
}
