/*
 * batch.c - newsocr batch: many pages on every core, resumable, shardable.
 *
 *   cli_batch_main, parse_shard, add_input, read_list, walk_dir, plan_files, plan_pages,
 *   page_is_complete, clean_stale_tmp, worker, monitor, progress_draw, report_write
 *
 * newsocr batch [OPTIONS] INPUT... -o OUTDIR
 *
 * 1. Inputs become files: an image file as given; a directory, recursively, its files with
 *    an image extension (hidden entries and OUTDIR skipped); @LIST, one path per line.
 * 2. Each file gets an output stem: its name without extension, or for files found in a
 *    directory INPUT its path relative to INPUT (OUTDIR mirrors the tree). Two different
 *    files with one stem are refused before any work (exit 1).
 * 3. --shard K/N keeps the files whose stem hashes (FNV-1a 64) to K-1 modulo N: the same
 *    set whatever the order of the inputs or the machine, a file's pages together.
 * 4. Files become pages (one per page of a multi-page TIFF: STEM.pNNN); pages whose every
 *    output exists and is not older than the input are skipped (--force redoes them);
 *    stale temporary files of a killed run are removed; the rest is ordered largest first.
 * 5. -j workers (threads), each with its own engine loaded once, take the next page as
 *    they free up. A failing page is recorded and the batch goes on. Outputs are written
 *    under a temporary name and renamed (output.c), so a page is done or absent.
 * 6. The main thread draws the progress, rewrites OUTDIR/report.json (atomically, at most
 *    about once a second) and handles SIGINT/SIGTERM: the first stops handing out pages
 *    and lets the pages in flight finish; a second abandons them, removing their temporary
 *    files, and exits at once.
 *
 * Exit status: 0 every page done (or already done); 1 usage error (bad option, name
 * clash); 2 some page or input could not be read; 3 model or engine problem; 4 an output
 * could not be written; 130 interrupted. Failed and interrupted runs are finished by
 * running the same command again.
 */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BATCH_MAX_DEPTH           64 /* directory nesting followed (symlink loops end here) */
#define BATCH_REPORT_MIN_INTERVAL 1  /* seconds between two rewrites of the report */
#define BATCH_LOG_INTERVAL        60 /* seconds between two progress lines off a terminal */

/* Extensions of the image files taken from directories (case-insensitive). */
static const char *const image_exts[] = {".png", ".jpg", ".jpeg", ".tif",  ".tiff", ".bmp", ".pnm",
                                         ".pbm", ".pgm", ".ppm",  ".webp", ".gif",  ".jp2"};
/* Of those, the formats that hold one page: no need to read the file to count pages. */
static const char *const single_page_exts[] = {".png", ".jpg", ".jpeg", ".bmp", ".pnm", ".pbm",
                                               ".pgm", ".ppm", ".webp", ".gif", ".jp2"};

/* An input file and its output stem (relative to OUTDIR, no extension). */
typedef struct bfile {
    char *path;
    char *stem;
    dev_t dev; /* identity, to drop a file given twice; 0/0 when it cannot be stat'ed */
    ino_t ino;
} bfile;

typedef enum bstate { ST_PENDING, ST_RUNNING, ST_OK, ST_FAILED, ST_SKIPPED } bstate;
static const char *const state_names[] = {"pending", "running", "ok", "failed", "skipped"};

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
} bpage;

typedef struct batch_options {
    cli_options cli;
    int jobs;    /* workers; 0: the cores available */
    int shard_k; /* 1..shard_n */
    int shard_n; /* 1: no sharding */
    int force;   /* redo pages already done */
    int dry_run; /* list the pages to do, do nothing */
} batch_options;

/* The whole run: what the workers share (under mu) and what main owns. */
typedef struct batch {
    batch_options opt;
    const char *outdir;
    struct stat outdir_st;
    char report_path[PATH_MAX];
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

static volatile sig_atomic_t signals_seen;
static cli_tmp_slot *tmp_slots;
static int ntmp_slots;

static const char batch_usage[] =
    "Usage: newsocr batch [OPTIONS] INPUT... -o OUTDIR\n"
    "Recognize many pages on every core; resumable, shardable across machines.\n"
    "\n"
    "INPUT is an image file; a directory (searched recursively for .png .jpg .jpeg .tif\n"
    ".tiff .bmp .pnm .pbm .pgm .ppm .webp .gif .jp2 files, any case; hidden entries\n"
    "skipped); or @LIST, a file of paths, one a line (# comments; @- reads stdin).\n"
    "OUTDIR holds NAME.EXT for each page and format (NAME.pNNN.EXT for the pages of a\n"
    "multi-page TIFF); files found in a directory INPUT keep their sub-directory under\n"
    "OUTDIR. Two different inputs with one output name are refused before any work.\n"
    "\n"
    "Options:\n"
    "  -o, --output OUTDIR   output directory (created if needed); required\n"
    "  -f, --format LIST     txt (default), json, hocr, alto, page, overlay; comma-separated\n"
    "                        or repeated (as for newsocr IMAGE...)\n"
    "  -j, --jobs N          N workers, each with its own engine (default: the cores this\n"
    "                        process may use); pages go out largest first\n"
    "      --shard K/N       process only shard K of N (1 <= K <= N): a fixed 1/N of the\n"
    "                        input files, chosen by a hash of their output names, the same\n"
    "                        whatever the order of the inputs; run K = 1..N anywhere, on\n"
    "                        one shared OUTDIR or several, for every page exactly once\n"
    "      --force           redo pages whose outputs are already complete\n"
    "      --dry-run         print the pages still to do (OUTPUT-NAME, tab, INPUT, tab,\n"
    "                        PAGE), largest first, and exit: nothing is written\n"
    "  -l, --lang LANGS      Tesseract languages (default: chi_sim)\n"
    "      --tessdata DIR    model directory\n"
    "      --config FILE     Tesseract settings file\n"
    "      --max-pixels N    refuse images of more than N pixels (default: 250000000)\n"
    "      --no-enhance      skip the scan clean-up: grayscale and binarization only\n"
    "  -q, --quiet           no progress and no summary, only the errors of pages\n"
    "  -v, --verbose         a line for each page done\n"
    "  -h, --help            show this help and exit\n"
    "\n"
    "A page is done when all its output files exist and are not older than its input;\n"
    "a rerun skips done pages, so an interrupted, killed or partly failed batch is finished\n"
    "by running the same command again. Output files are written under a temporary name\n"
    "and renamed when complete. Ctrl-C (or SIGTERM) lets the pages in flight finish and\n"
    "stops; a second Ctrl-C abandons them at once, leaving no partial file.\n"
    "Progress: a line redrawn on a terminal, else a log line every minute or tenth of the\n"
    "batch. OUTDIR/report.json (report.K-of-N.json with --shard) lists every page: input,\n"
    "status (ok, failed, skipped, pending), error, seconds, mean confidence, skew,\n"
    "articles; and the totals. It is rewritten as pages finish.\n"
    "\n"
    "Exit status:\n"
    "  0    every page done (now or by an earlier run)\n"
    "  1    usage error (bad option, two inputs with one output name)\n"
    "  2    some input or page could not be read (the others are done)\n"
    "  3    model or engine problem\n"
    "  4    some output could not be written\n"
    "  130  interrupted (SIGINT or SIGTERM): run the same command again to finish\n"
    "With several kinds of failure the largest status is returned.\n";

/* --------------------------------------------------------------------------------------
 * Small helpers
 */

static void *xrealloc_array(void *p, size_t n, size_t size)
{
    if (n && size > SIZE_MAX / n)
        return NULL;
    return realloc(p, n * size);
}

static int has_ext(const char *path, const char *const *exts, size_t n)
{
    const char *base = cli_base_name(path);
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (strcasecmp(dot, exts[i]) == 0)
            return 1;
    }
    return 0;
}

/* FNV-1a, 64 bits (Fowler, Noll, Vo): a hash that is the same on every machine. */
static uint64_t fnv1a64(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

/* Creates directory `path` and its parents; 0 or -1 with errno. */
static int mkdir_p(const char *path)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        return -1;
    return cli_is_dir(buf) ? 0 : (errno = ENOTDIR, -1);
}

static int cores_available(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set); /* honours taskset, cgroups cpusets, Slurm's binding */
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

static void fmt_duration(char *out, size_t n, double s)
{
    long t = s < 0 ? 0 : (long)(s + 0.5);
    if (t >= 3600)
        snprintf(out, n, "%ldh%02ldm", t / 3600, t / 60 % 60);
    else if (t >= 60)
        snprintf(out, n, "%ldm%02lds", t / 60, t % 60);
    else
        snprintf(out, n, "%lds", t);
}

/* --------------------------------------------------------------------------------------
 * Inputs -> files
 */

static int add_file(batch *b, const char *path, const char *stem)
{
    if (b->nfiles == b->cap_files) {
        size_t cap = b->cap_files ? 2 * b->cap_files : 256;
        bfile *grown = xrealloc_array(b->files, cap, sizeof(*grown));
        if (!grown)
            return -1;
        b->files = grown;
        b->cap_files = cap;
    }
    bfile *f = &b->files[b->nfiles];
    memset(f, 0, sizeof(*f));
    struct stat st;
    if (stat(path, &st) == 0) {
        f->dev = st.st_dev;
        f->ino = st.st_ino;
    }
    f->path = strdup(path);
    f->stem = strdup(stem);
    if (!f->path || !f->stem) {
        free(f->path);
        free(f->stem);
        return -1;
    }
    b->nfiles++;
    return 0;
}

/* Adds the image files under root/rel (rel "" at the top), stems relative to root.
 * Returns EXIT_OK, or an exit status with the message printed. */
static int walk_dir(batch *b, const char *root, const char *rel, int depth)
{
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof(dir), "%s%s%s", root, *rel ? "/" : "", rel) >= (int)sizeof(dir)) {
        fprintf(stderr, "newsocr: %s/%s: path too long\n", root, rel);
        return EXIT_INPUT;
    }
    if (depth > BATCH_MAX_DEPTH) {
        fprintf(stderr, "newsocr: %s: directories nested too deep (a symlink loop?)\n", dir);
        return EXIT_INPUT;
    }
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "newsocr: %s: cannot read directory: %s\n", dir, strerror(errno));
        return EXIT_INPUT;
    }
    int status = EXIT_OK;
    struct dirent *e;
    while (status == EXIT_OK && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .., hidden files (._x.jpg of macOS copies) */
        char path[PATH_MAX], childrel[PATH_MAX];
        if (snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= (int)sizeof(path) ||
            snprintf(childrel, sizeof(childrel), "%s%s%s", rel, *rel ? "/" : "", e->d_name) >=
                (int)sizeof(childrel)) {
            fprintf(stderr, "newsocr: %s/%s: path too long\n", dir, e->d_name);
            status = EXIT_INPUT;
            break;
        }
        struct stat st;
        if (stat(path, &st) != 0)
            continue; /* a dangling symlink */
        if (S_ISDIR(st.st_mode)) {
            if (st.st_dev == b->outdir_st.st_dev && st.st_ino == b->outdir_st.st_ino)
                continue; /* OUTDIR inside an input directory: its overlays are no input */
            status = walk_dir(b, root, childrel, depth + 1);
        } else if (S_ISREG(st.st_mode) &&
                   has_ext(e->d_name, image_exts, sizeof(image_exts) / sizeof(*image_exts))) {
            char *base = strrchr(childrel, '/');
            base = base ? base + 1 : childrel;
            char *dot = strrchr(base, '.');
            if (dot && dot != base)
                *dot = '\0';
            if (add_file(b, path, childrel)) {
                fprintf(stderr, "newsocr: out of memory\n");
                status = EXIT_MODEL;
            }
        }
    }
    closedir(d);
    return status;
}

/* One command-line argument or list entry: a directory, or a file (existing or not: a
 * missing file is a failed page, reported with the others). */
static int add_input(batch *b, const char *arg)
{
    if (cli_is_dir(arg)) {
        char root[PATH_MAX];
        snprintf(root, sizeof(root), "%s", arg);
        size_t n = strlen(root);
        while (n > 1 && root[n - 1] == '/')
            root[--n] = '\0';
        return walk_dir(b, root, "", 0);
    }
    char stem[NAME_MAX + 1];
    cli_stem_of(stem, sizeof(stem), arg);
    if (add_file(b, arg, stem)) {
        fprintf(stderr, "newsocr: out of memory\n");
        return EXIT_MODEL;
    }
    return EXIT_OK;
}

/* @LIST: one path a line; blank lines and lines starting with # ignored; "-" is stdin. */
static int read_list(batch *b, const char *list)
{
    FILE *fp = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!fp) {
        fprintf(stderr, "newsocr: %s: cannot read list: %s\n", list, strerror(errno));
        return EXIT_INPUT;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int status = EXIT_OK;
    while (status == EXIT_OK && (len = getline(&line, &cap, fp)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        status = add_input(b, line);
    }
    if (status == EXIT_OK && ferror(fp)) {
        fprintf(stderr, "newsocr: %s: cannot read list: %s\n", list, strerror(errno));
        status = EXIT_INPUT;
    }
    free(line);
    if (fp != stdin)
        fclose(fp);
    return status;
}

static int cmp_file_stem(const void *a, const void *b)
{
    const bfile *x = a, *y = b;
    int c = strcmp(x->stem, y->stem);
    return c ? c : strcmp(x->path, y->path);
}

static const char *first_ext(unsigned set)
{
    for (size_t f = 0; f < CLI_NFORMATS; f++) {
        if (set & (1u << f))
            return cli_formats[f].ext;
    }
    return ".txt";
}

/* Sorts the files by stem, drops a file given twice, refuses two files with one stem and
 * keeps this shard's files. */
static int plan_files(batch *b)
{
    qsort(b->files, b->nfiles, sizeof(*b->files), cmp_file_stem);
    size_t kept = 0;
    for (size_t i = 0; i < b->nfiles; i++) {
        bfile *f = &b->files[i];
        if (kept > 0 && strcmp(b->files[kept - 1].stem, f->stem) == 0) {
            bfile *g = &b->files[kept - 1];
            int same = (f->ino || f->dev) ? f->dev == g->dev && f->ino == g->ino
                                          : strcmp(f->path, g->path) == 0;
            if (!same) {
                fprintf(stderr,
                        "newsocr: %s and %s would both be written to %s/%s%s; rename one or "
                        "run them separately\n",
                        g->path, f->path, b->outdir, f->stem, first_ext(b->opt.cli.formats));
                return EXIT_USAGE;
            }
            free(f->path);
            free(f->stem);
            continue;
        }
        b->files[kept++] = *f;
    }
    b->nfiles = kept;
    if (b->opt.shard_n > 1) {
        kept = 0;
        for (size_t i = 0; i < b->nfiles; i++) {
            bfile *f = &b->files[i];
            if (fnv1a64(f->stem) % (uint64_t)b->opt.shard_n == (uint64_t)(b->opt.shard_k - 1)) {
                b->files[kept++] = *f;
            } else {
                free(f->path);
                free(f->stem);
            }
        }
        b->nfiles = kept;
    }
    return EXIT_OK;
}

/* --------------------------------------------------------------------------------------
 * Files -> pages
 */

static int cmp_name(const void *a, const void *b, void *ctx)
{
    const bpage *pages = ctx;
    return strcmp(pages[*(const size_t *)a].name, pages[*(const size_t *)b].name);
}

static int cmp_weight(const void *a, const void *b, void *ctx)
{
    const bpage *pages = ctx, *x = &pages[*(const size_t *)a], *y = &pages[*(const size_t *)b];
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* OUTDIR/NAME + ext into out[n]; 0, or -1 when too long. */
static int out_path(char *out, size_t n, const batch *b, const bpage *p, const char *ext)
{
    return snprintf(out, n, "%s/%s%s", b->outdir, p->name, ext) < (int)n ? 0 : -1;
}

static int time_ge(struct timespec a, struct timespec b)
{
    return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec >= b.tv_nsec);
}

/* 1 when every requested output of the page exists, is a regular file and is not older
 * than the input: a previous run finished it (outputs appear only complete, by rename). */
static int page_is_complete(const batch *b, const bpage *p)
{
    if (p->mtime.tv_sec == 0 && p->mtime.tv_nsec == 0)
        return 0; /* the input could not be stat'ed: let the page fail again */
    for (size_t f = 0; f < CLI_NFORMATS; f++) {
        if (!(b->opt.cli.formats & (1u << f)))
            continue;
        char path[PATH_MAX + 32];
        struct stat st;
        if (out_path(path, sizeof(path), b, p, cli_formats[f].ext) || stat(path, &st) != 0 ||
            !S_ISREG(st.st_mode) || !time_ge(st.st_mtim, p->mtime))
            return 0;
    }
    return 1;
}

static int add_page(batch *b, size_t *cap, const bfile *f, int index, int npages,
                    const struct stat *st)
{
    if (b->npages == *cap) {
        size_t c = *cap ? 2 * *cap : 256;
        bpage *grown = xrealloc_array(b->pages, c, sizeof(*grown));
        if (!grown)
            return -1;
        b->pages = grown;
        *cap = c;
    }
    bpage *p = &b->pages[b->npages];
    memset(p, 0, sizeof(*p));
    p->path = f->path;
    p->index = index;
    p->confidence = -1;
    if (st) {
        p->weight = (long long)st->st_size / npages;
        p->mtime = st->st_mtim;
    }
    size_t n = strlen(f->stem) + 16;
    if (!(p->name = malloc(n)))
        return -1;
    if (npages > 1)
        snprintf(p->name, n, "%s.p%03d", f->stem, index + 1);
    else
        snprintf(p->name, n, "%s", f->stem);
    b->npages++;
    return 0;
}

/* Expands this shard's files into pages, checks page names are unique, marks the pages
 * already done, and orders the rest largest first. */
static int plan_pages(batch *b)
{
    size_t cap = 0;
    for (size_t i = 0; i < b->nfiles; i++) {
        const bfile *f = &b->files[i];
        struct stat st;
        int have_st = stat(f->path, &st) == 0 && S_ISREG(st.st_mode);
        int npages = 1;
        /* Only a TIFF (or a file of unknown kind) can hold several pages. A file whose
         * pages cannot be counted is one page, which fails with the reason when loaded. */
        if (have_st && !has_ext(f->path, single_page_exts,
                                sizeof(single_page_exts) / sizeof(*single_page_exts))) {
            if (nocr_image_page_count(&npages, f->path) != NOCR_OK || npages < 1)
                npages = 1;
        }
        for (int k = 0; k < npages; k++) {
            if (add_page(b, &cap, f, k, npages, have_st ? &st : NULL)) {
                fprintf(stderr, "newsocr: out of memory\n");
                return EXIT_MODEL;
            }
        }
    }
    b->by_name = malloc((b->npages + 1) * sizeof(size_t));
    b->todo = malloc((b->npages + 1) * sizeof(size_t));
    if (!b->by_name || !b->todo) {
        fprintf(stderr, "newsocr: out of memory\n");
        return EXIT_MODEL;
    }
    for (size_t i = 0; i < b->npages; i++)
        b->by_name[i] = i;
    qsort_r(b->by_name, b->npages, sizeof(size_t), cmp_name, b->pages);
    for (size_t i = 1; i < b->npages; i++) {
        const bpage *x = &b->pages[b->by_name[i - 1]], *y = &b->pages[b->by_name[i]];
        if (strcmp(x->name, y->name) == 0) {
            fprintf(stderr,
                    "newsocr: %s and %s would both be written to %s/%s%s; rename one or run "
                    "them separately\n",
                    x->path, y->path, b->outdir, x->name, first_ext(b->opt.cli.formats));
            return EXIT_USAGE;
        }
    }
    for (size_t i = 0; i < b->npages; i++) {
        bpage *p = &b->pages[i];
        if (!b->opt.force && page_is_complete(b, p)) {
            p->state = ST_SKIPPED;
            b->skipped++;
        } else {
            b->todo[b->ntodo++] = i;
        }
    }
    qsort_r(b->todo, b->ntodo, sizeof(size_t), cmp_weight, b->pages);
    return EXIT_OK;
}

static int cmp_name_key(const void *key, const void *elem, void *ctx)
{
    const bpage *pages = ctx;
    return strcmp(key, pages[*(const size_t *)elem].name);
}

static int have_page_named(const batch *b, const char *name)
{
    size_t lo = 0, hi = b->npages;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_name_key(name, &b->by_name[mid], b->pages);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* Removes the temporary files (TARGET.tmp.XXXXXX) a killed run left for this batch's pages
 * and its report. Only this shard's names are touched: other machines sharing OUTDIR may
 * be writing theirs. */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void clean_stale_tmp(batch *b)
{
    static const char tmp_tail[] = ".tmp.XXXXXX";
    const size_t tail = sizeof(tmp_tail) - 1;
    char **dirs = malloc((b->npages + 1) * sizeof(char *));
    size_t ndirs = 0;
    if (!dirs)
        return;
    dirs[ndirs++] = strdup(""); /* OUTDIR itself: the report */
    for (size_t i = 0; i < b->npages; i++) {
        const char *name = b->pages[i].name;
        const char *slash = strrchr(name, '/');
        if (slash)
            dirs[ndirs++] = strndup(name, (size_t)(slash - name));
    }
    for (size_t k = 0; k < ndirs; k++) {
        if (!dirs[k])
            dirs[k] = strdup(""); /* out of memory: OUTDIR again, harmless */
    }
    qsort(dirs, ndirs, sizeof(char *), cmp_str);
    const char *report_base = cli_base_name(b->report_path);
    for (size_t k = 0; k < ndirs; k++) {
        if (!dirs[k] || (k > 0 && dirs[k - 1] && strcmp(dirs[k - 1], dirs[k]) == 0))
            continue;
        char dir[PATH_MAX];
        snprintf(dir, sizeof(dir), "%s%s%s", b->outdir, *dirs[k] ? "/" : "", dirs[k]);
        DIR *d = opendir(dir);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            size_t len = strlen(e->d_name);
            if (len <= tail || strncmp(e->d_name + len - tail, tmp_tail, 5) != 0)
                continue;
            char target[NAME_MAX + 1], name[PATH_MAX];
            snprintf(target, sizeof(target), "%.*s", (int)(len - tail), e->d_name);
            int ours = !*dirs[k] && strcmp(target, report_base) == 0;
            for (size_t f = 0; f < CLI_NFORMATS && !ours; f++) {
                size_t tl = strlen(target), el = strlen(cli_formats[f].ext);
                if (tl <= el || strcmp(target + tl - el, cli_formats[f].ext) != 0)
                    continue;
                snprintf(name, sizeof(name), "%s%s%.*s", dirs[k], *dirs[k] ? "/" : "",
                         (int)(tl - el), target);
                ours = have_page_named(b, name);
            }
            if (ours) {
                char path[PATH_MAX + NAME_MAX + 2];
                snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
                if (unlink(path) == 0 && b->opt.cli.verbose)
                    fprintf(stderr, "newsocr: removed %s, left by an interrupted run\n", path);
            }
        }
        if (d)
            closedir(d);
    }
    for (size_t k = 0; k < ndirs; k++)
        free(dirs[k]);
    free(dirs);
}

/* --------------------------------------------------------------------------------------
 * The report
 */

/* v rounded to 3 decimals (milliseconds, 1/1000 of a confidence point), or null. */
static json_t *json_num_or_null(double v, int valid)
{
    double r = (double)(long long)(v * 1000 + (v < 0 ? -0.5 : 0.5)) / 1000;
    return valid ? json_real(r) : json_null();
}

/* Builds the report (under b->mu). */
static json_t *report_build(const batch *b, const char *state, int exit_status)
{
    json_t *root = json_object(), *pages = json_array(), *fmts = json_array();
    size_t counts[5] = {0};
    double busy = 0;
    for (size_t i = 0; i < b->npages; i++) {
        const bpage *p = &b->pages[b->by_name[i]];
        counts[p->state]++;
        json_t *o = json_object();
        json_object_set_new(o, "input", json_string(p->path));
        json_object_set_new(o, "page", json_integer(p->index + 1));
        json_object_set_new(o, "output", json_string(p->name));
        json_object_set_new(o, "status", json_string(state_names[p->state]));
        json_object_set_new(o, "error", p->error ? json_string(p->error) : json_null());
        int ran = p->state == ST_OK || p->state == ST_FAILED;
        int ok = p->state == ST_OK;
        json_object_set_new(o, "seconds", json_num_or_null(p->seconds, ran));
        json_object_set_new(o, "confidence",
                            json_num_or_null(p->confidence, ok && p->confidence >= 0));
        json_object_set_new(o, "skew", json_num_or_null(p->skew, ok));
        json_object_set_new(o, "articles", ok ? json_integer(p->articles) : json_null());
        json_array_append_new(pages, o);
        if (ran)
            busy += p->seconds;
    }
    for (size_t f = 0; f < CLI_NFORMATS; f++) {
        if (b->opt.cli.formats & (1u << f))
            json_array_append_new(fmts, json_string(cli_formats[f].name));
    }
    double elapsed = b->t_start > 0 ? cli_now() - b->t_start : 0;
    size_t ran = counts[ST_OK] + counts[ST_FAILED];
    char started[32];
    strftime(started, sizeof(started), "%Y-%m-%dT%H:%M:%SZ", gmtime(&b->wall_start));

    json_object_set_new(root, "newsocr", json_string(nocr_version()));
    json_object_set_new(root, "outdir", json_string(b->outdir));
    json_object_set_new(root, "formats", fmts);
    char shard[32];
    snprintf(shard, sizeof(shard), "%d/%d", b->opt.shard_k, b->opt.shard_n);
    json_object_set_new(root, "shard", b->opt.shard_n > 1 ? json_string(shard) : json_null());
    json_object_set_new(root, "workers", json_integer(b->opt.jobs));
    json_object_set_new(root, "started", json_string(started));
    json_object_set_new(root, "state", json_string(state));
    json_object_set_new(root, "exit_status",
                        exit_status >= 0 ? json_integer(exit_status) : json_null());
    json_t *t = json_object();
    json_object_set_new(t, "pages", json_integer((json_int_t)b->npages));
    json_object_set_new(t, "ok", json_integer((json_int_t)counts[ST_OK]));
    json_object_set_new(t, "failed", json_integer((json_int_t)counts[ST_FAILED]));
    json_object_set_new(t, "skipped", json_integer((json_int_t)counts[ST_SKIPPED]));
    json_object_set_new(t, "pending",
                        json_integer((json_int_t)(counts[ST_PENDING] + counts[ST_RUNNING])));
    json_object_set_new(t, "seconds", json_num_or_null(elapsed, 1));
    json_object_set_new(t, "page_seconds", json_num_or_null(busy, 1));
    json_object_set_new(t, "pages_per_minute",
                        json_num_or_null(ran / elapsed * 60, elapsed > 0 && ran > 0));
    json_object_set_new(root, "totals", t);
    json_object_set_new(root, "pages", pages);
    return root;
}

/* Writes the report atomically; called without b->mu held (takes it to build). */
static int report_write(batch *b, const char *state, int exit_status, int print_error)
{
    pthread_mutex_lock(&b->mu);
    json_t *root = report_build(b, state, exit_status);
    b->dirty = 0;
    pthread_mutex_unlock(&b->mu);
    char *text = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    json_decref(root);
    char err[1200] = "";
    int status =
        text ? cli_write_atomic(b->report_path, text, strlen(text), err, sizeof(err)) : EXIT_MODEL;
    if (status && print_error)
        fprintf(stderr, "newsocr: %s\n", text ? err : "out of memory");
    free(text);
    return status;
}

/* --------------------------------------------------------------------------------------
 * Progress (under b->mu)
 */

static void progress_clear(batch *b)
{
    if (b->tty && b->line_drawn) {
        fputs("\r\033[K", stderr);
        b->line_drawn = 0;
    }
}

static void progress_text(const batch *b, char *out, size_t n)
{
    double elapsed = cli_now() - b->t_start;
    size_t finished = b->done + b->failed;
    size_t total = b->npages;
    double rate = elapsed > 0 ? (double)finished / elapsed * 60 : 0;
    char eta[32] = "?";
    if (finished > 0 && rate > 0)
        fmt_duration(eta, sizeof(eta), (double)(b->ntodo - finished) / rate * 60);
    snprintf(out, n, "%zu/%zu pages%s, %zu failed, %.1f pages/min, ETA %s%s",
             finished + b->skipped, total, "", b->failed, rate, eta,
             b->stopping && !b->fatal ? ", stopping (Ctrl-C again to abandon)" : "");
}

static void progress_draw(batch *b, int force_log)
{
    if (b->opt.cli.quiet)
        return;
    char text[256];
    progress_text(b, text, sizeof(text));
    if (b->tty) {
        fprintf(stderr, "\r\033[Knewsocr: %s", text);
        fflush(stderr);
        b->line_drawn = 1;
        return;
    }
    double t = cli_now();
    size_t finished = b->done + b->failed;
    size_t step = b->ntodo / 10 ? b->ntodo / 10 : 1;
    if ((force_log && finished != b->last_log_done) || t - b->last_log >= BATCH_LOG_INTERVAL ||
        finished >= b->last_log_done + step) {
        fprintf(stderr, "newsocr: progress: %s\n", text);
        b->last_log = t;
        b->last_log_done = finished;
    }
}

/* --------------------------------------------------------------------------------------
 * Workers
 */

typedef struct worker_arg {
    batch *b;
    int id;
} worker_arg;

static void *worker(void *argp)
{
    worker_arg *wa = argp;
    batch *b = wa->b;
    nocr_engine *eng = NULL;
    cli_tmp_slot_set(&tmp_slots[wa->id]);

    int rc = nocr_engine_new(&eng, &b->opt.cli.engine);
    pthread_mutex_lock(&b->mu);
    if (rc && !b->fatal) {
        b->fatal = cli_status_of(rc);
        snprintf(b->fatal_msg, sizeof(b->fatal_msg), "%s", nocr_error_last());
    }
    for (;;) {
        if (b->fatal || b->stopping || signals_seen || b->next >= b->ntodo)
            break;
        bpage *p = &b->pages[b->todo[b->next++]];
        p->state = ST_RUNNING;
        pthread_mutex_unlock(&b->mu);

        cli_page_result res;
        char outbase[PATH_MAX];
        int too_long = out_path(outbase, sizeof(outbase), b, p, "") != 0;
        if (too_long) {
            memset(&res, 0, sizeof(res));
            res.status = EXIT_OUTPUT;
            snprintf(res.error, sizeof(res.error), "%s/%s: output path too long", b->outdir,
                     p->name);
        } else {
            char dir[PATH_MAX];
            snprintf(dir, sizeof(dir), "%s", outbase);
            *strrchr(dir, '/') = '\0';
            if (strchr(p->name, '/') && mkdir_p(dir) != 0) {
                memset(&res, 0, sizeof(res));
                res.status = EXIT_OUTPUT;
                snprintf(res.error, sizeof(res.error), "%.900s: cannot create directory: %s", dir,
                         strerror(errno));
            } else {
                cli_sink sink = {outbase, 1, NULL};
                cli_page_run(&res, eng, &b->opt.cli, p->path, p->index, &sink);
            }
        }

        pthread_mutex_lock(&b->mu);
        p->seconds = res.seconds;
        p->status = res.status;
        if (res.status == EXIT_OK) {
            p->state = ST_OK;
            p->confidence = res.confidence;
            p->skew = res.skew;
            p->articles = res.articles;
            b->done++;
        } else {
            p->state = ST_FAILED;
            p->error = strdup(res.error);
            b->failed++;
            if (res.status > b->worst)
                b->worst = res.status;
        }
        b->dirty = 1;
        if (res.status != EXIT_OK || b->opt.cli.verbose) {
            progress_clear(b);
            if (res.status != EXIT_OK)
                fprintf(stderr, "newsocr: %s\n", res.error);
            else
                fprintf(stderr, "newsocr: %s[%d]: ok, %zu regions, %.1f s\n", p->path,
                        p->index + 1, res.regions, res.seconds);
        }
        pthread_cond_broadcast(&b->cv);
    }
    b->workers_running--;
    pthread_cond_broadcast(&b->cv);
    pthread_mutex_unlock(&b->mu);
    nocr_engine_free(eng);
    return NULL;
}

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
    }
    static const char msg[] = "\nnewsocr: abandoned the pages in flight\n";
    ssize_t w = write(2, msg, sizeof(msg) - 1);
    (void)w;
    _exit(EXIT_INTERRUPTED);
}

/* Waits for the workers; draws progress, rewrites the report, turns signals into a stop. */
static void monitor(batch *b)
{
    double last_report = 0, report_cost = 0;
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
            progress_clear(b);
            if (!b->opt.cli.quiet)
                fprintf(stderr, "newsocr: interrupted: finishing the pages in flight "
                                "(Ctrl-C again to abandon them)\n");
        }
        progress_draw(b, 0);
        double t = cli_now();
        /* Rewriting the report costs time proportional to the batch: at most ~10% of it. */
        if (b->dirty && t - last_report >= BATCH_REPORT_MIN_INTERVAL &&
            t - last_report >= 10 * report_cost) {
            pthread_mutex_unlock(&b->mu);
            report_write(b, "running", -1, 0);
            report_cost = cli_now() - t;
            last_report = cli_now();
            pthread_mutex_lock(&b->mu);
        }
    }
    progress_draw(b, 1);
    progress_clear(b);
    pthread_mutex_unlock(&b->mu);
}

/* --------------------------------------------------------------------------------------
 * The command
 */

static int parse_shard(batch_options *o, const char *s)
{
    int k, n, used = 0;
    if (sscanf(s, "%d/%d%n", &k, &n, &used) != 2 || s[used] || n < 1 || k < 1 || k > n)
        return cli_usage_error("--shard needs K/N with 1 <= K <= N, not '%s'", s);
    o->shard_k = k;
    o->shard_n = n;
    return EXIT_OK;
}

static int parse_options(batch_options *o, int argc, char **argv)
{
    enum {
        OPT_TESSDATA = 256,
        OPT_CONFIG,
        OPT_MAX_PIXELS,
        OPT_NO_ENHANCE,
        OPT_SHARD,
        OPT_FORCE,
        OPT_DRY_RUN
    };
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"format", required_argument, NULL, 'f'},
        {"jobs", required_argument, NULL, 'j'},
        {"shard", required_argument, NULL, OPT_SHARD},
        {"force", no_argument, NULL, OPT_FORCE},
        {"dry-run", no_argument, NULL, OPT_DRY_RUN},
        {"lang", required_argument, NULL, 'l'},
        {"tessdata", required_argument, NULL, OPT_TESSDATA},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"max-pixels", required_argument, NULL, OPT_MAX_PIXELS},
        {"no-enhance", no_argument, NULL, OPT_NO_ENHANCE},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    cli_help_command = "newsocr batch --help";
    opterr = 0;
    optind = 1;
    int c, status;
    char *end;
    long long v;
    while ((c = getopt_long(argc, argv, ":o:f:j:l:qvh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->cli.output = optarg;
            break;
        case 'f':
            if ((status = cli_parse_formats(&o->cli.formats, optarg)))
                return status;
            break;
        case 'j':
            errno = 0;
            v = strtoll(optarg, &end, 10);
            if (errno || end == optarg || *end || v < 1 || v > 1024)
                return cli_usage_error("-j needs a number of workers from 1 to 1024, not '%s'",
                                       optarg);
            o->jobs = (int)v;
            break;
        case OPT_SHARD:
            if ((status = parse_shard(o, optarg)))
                return status;
            break;
        case OPT_FORCE:
            o->force = 1;
            break;
        case OPT_DRY_RUN:
            o->dry_run = 1;
            break;
        case 'l':
            o->cli.engine.lang = optarg;
            break;
        case OPT_TESSDATA:
            o->cli.engine.tessdata = optarg;
            break;
        case OPT_CONFIG:
            o->cli.engine.config = optarg;
            break;
        case OPT_MAX_PIXELS:
            errno = 0;
            v = strtoll(optarg, &end, 10);
            if (errno || end == optarg || *end || v <= 0)
                return cli_usage_error("--max-pixels needs a positive number, not '%s'", optarg);
            o->cli.load.max_pixels = v;
            break;
        case OPT_NO_ENHANCE:
            o->cli.process.preprocess.enhance = 0;
            break;
        case 'q':
            o->cli.quiet = 1;
            o->cli.verbose = 0;
            break;
        case 'v':
            o->cli.verbose = 1;
            o->cli.quiet = 0;
            break;
        case 'h':
            fputs(batch_usage, stdout);
            return -1;
        case ':':
            return cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error("%s", "batch: no input given");
    if (!o->cli.output)
        return cli_usage_error("%s", "batch needs -o OUTDIR");
    if (!o->cli.formats)
        o->cli.formats = FORMAT_TXT;
    return EXIT_OK;
}

static void batch_free(batch *b)
{
    for (size_t i = 0; i < b->nfiles; i++) {
        free(b->files[i].path);
        free(b->files[i].stem);
    }
    free(b->files);
    for (size_t i = 0; i < b->npages; i++) {
        free(b->pages[i].name);
        free(b->pages[i].error);
    }
    free(b->pages);
    free(b->by_name);
    free(b->todo);
}

/* Runs the workers over the pages to do; returns the batch's exit status. */
static int run_workers(batch *b)
{
    int nworkers = b->opt.jobs;
    if ((size_t)nworkers > b->ntodo)
        nworkers = (int)b->ntodo;
    pthread_t *threads = calloc((size_t)nworkers + 1, sizeof(*threads));
    worker_arg *args = calloc((size_t)nworkers + 1, sizeof(*args));
    tmp_slots = calloc((size_t)nworkers + 1, sizeof(*tmp_slots));
    if (!threads || !args || !tmp_slots) {
        free(threads);
        free(args);
        fprintf(stderr, "newsocr: out of memory\n");
        return EXIT_MODEL;
    }
    ntmp_slots = nworkers;

    /* Workers never see SIGINT/SIGTERM: the main thread does. */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    int started = 0;
    b->t_start = b->last_log = cli_now();
    for (int i = 0; i < nworkers; i++) {
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
    if (started == 0) {
        fprintf(stderr, "newsocr: cannot start a worker thread\n");
        b->fatal = EXIT_MODEL;
    } else {
        monitor(b);
    }
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    free(args);
    return EXIT_OK;
}

int cli_batch_main(int argc, char **argv)
{
    batch b;
    memset(&b, 0, sizeof(b));
    b.opt.cli.engine = (nocr_engine_options)NOCR_ENGINE_OPTIONS_INIT;
    b.opt.cli.load = (nocr_load_options)NOCR_LOAD_OPTIONS_INIT;
    b.opt.cli.process = (nocr_process_options)NOCR_PROCESS_OPTIONS_INIT;
    b.opt.shard_k = b.opt.shard_n = 1;
    int status = parse_options(&b.opt, argc, argv);
    if (status)
        return status < 0 ? EXIT_OK : status;
    if (!b.opt.jobs)
        b.opt.jobs = cores_available();
    b.outdir = b.opt.cli.output;
    b.wall_start = time(NULL);
    b.tty = isatty(2);
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.cv, NULL);

    if (b.opt.dry_run) {
        (void)stat(b.outdir, &b.outdir_st); /* may not exist yet */
    } else if (mkdir_p(b.outdir) != 0 || stat(b.outdir, &b.outdir_st) != 0) {
        fprintf(stderr, "newsocr: %s: cannot create output directory: %s\n", b.outdir,
                strerror(errno));
        status = EXIT_OUTPUT;
        goto cleanup;
    }
    if (b.opt.shard_n > 1)
        snprintf(b.report_path, sizeof(b.report_path), "%s/report.%d-of-%d.json", b.outdir,
                 b.opt.shard_k, b.opt.shard_n);
    else
        snprintf(b.report_path, sizeof(b.report_path), "%s/report.json", b.outdir);

    for (int i = optind; i < argc && status == EXIT_OK; i++)
        status = argv[i][0] == '@' ? read_list(&b, argv[i] + 1) : add_input(&b, argv[i]);
    if (status == EXIT_OK && b.nfiles == 0) {
        fprintf(stderr, "newsocr: batch: no image file found in the inputs\n");
        status = EXIT_INPUT;
    }
    if (status == EXIT_OK)
        status = plan_files(&b);
    if (status == EXIT_OK)
        status = plan_pages(&b);
    if (status != EXIT_OK)
        goto cleanup;
    if (b.opt.dry_run) {
        for (size_t i = 0; i < b.ntodo; i++) {
            const bpage *p = &b.pages[b.todo[i]];
            printf("%s\t%s\t%d\n", p->name, p->path, p->index + 1);
        }
        status = fflush(stdout) == 0 ? EXIT_OK : EXIT_OUTPUT;
        goto cleanup;
    }
    clean_stale_tmp(&b);

    /* A handler for the whole run: a signal before the workers start stops at once. */
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    if (!b.opt.cli.quiet && b.ntodo > 0)
        fprintf(stderr, "newsocr: batch: %zu pages%s, %zu already done, %zu to do, %d workers\n",
                b.npages, b.opt.shard_n > 1 ? " in this shard" : "", b.skipped, b.ntodo,
                b.opt.jobs < (int)b.ntodo ? b.opt.jobs : (int)b.ntodo);
    if (b.ntodo > 0 && !signals_seen)
        status = run_workers(&b);
    if (signals_seen)
        b.stopping = 1;

    if (b.fatal) {
        fprintf(stderr, "newsocr: %s\n", b.fatal_msg[0] ? b.fatal_msg : "worker failed");
        status = b.fatal;
    } else if (status == EXIT_OK) {
        status = b.stopping ? EXIT_INTERRUPTED : b.worst;
    }
    const char *state = b.fatal ? "failed" : b.stopping ? "interrupted" : "done";
    int wrote = report_write(&b, state, status, 1);
    if (wrote != EXIT_OK && status == EXIT_OK)
        status = wrote;

    if (!b.opt.cli.quiet) {
        double elapsed = b.t_start > 0 ? cli_now() - b.t_start : 0;
        size_t ran = b.done + b.failed;
        char dur[32];
        fmt_duration(dur, sizeof(dur), elapsed);
        fprintf(stderr,
                "newsocr: batch %s: %zu pages: %zu done, %zu failed, %zu skipped (done "
                "before), %zu not done; %s, %.1f pages/min; report %s\n",
                state, b.npages, b.done, b.failed, b.skipped, b.ntodo - ran, dur,
                elapsed > 0 ? (double)ran / elapsed * 60 : 0.0, b.report_path);
        if (b.ntodo - ran > 0 || b.failed > 0)
            fprintf(stderr, "newsocr: run the same command again to %s\n",
                    b.ntodo - ran > 0 ? "finish the batch" : "retry the failed pages");
    }

cleanup:
    ntmp_slots = 0; /* before the slots go: a late signal must not read them */
    free(tmp_slots);
    tmp_slots = NULL;
    batch_free(&b);
    pthread_cond_destroy(&b.cv);
    pthread_mutex_destroy(&b.mu);
    return status;
}
