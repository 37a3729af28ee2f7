/*
 * output.c - one page into every output format, and the atomic file writer: the code the
 * single-page command (main.c) and the batch (batch/) share.
 *
 *   cli_init, cli_now, cli_status_of, cli_stem_of, cli_base_name, cli_is_dir, cli_mkdir_p,
 *   cli_name_clash, cli_tmp_slot_set, cli_write_atomic, cli_page_run, cli_page_run_book,
 *   cli_book_open, cli_book_add, cli_book_tmp, cli_book_pages, cli_book_close
 *
 * The formats are the library's table (nocr_format_at): a page is written in each format
 * of the set by the table's writer, named by the table's extension.
 *
 * Output files are written to a temporary name beside the target (TARGET.tmp.XXXXXX) and
 * renamed when complete, so a reader (or a rerun of the batch) never sees a partial file.
 * The PDF book (all the pages of one input in one PDF) is written the same way, page by
 * page through the library's nocr_pdf_writer, and renamed when its last page is in.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static mode_t file_mode = 0644;
static _Thread_local cli_tmp_slot *tmp_slot;

void cli_init(void)
{
    mode_t mask = umask(0);
    umask(mask);
    file_mode = 0666 & ~mask;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int cli_status_of(int code)
{
    switch (code) {
    case NOCR_OK:
        return EXIT_OK;
    case NOCR_EINVAL:
        return EXIT_USAGE;
    case NOCR_ENOENT:
    case NOCR_EREAD:
    case NOCR_EFORMAT:
    case NOCR_ELIMIT:
        return EXIT_INPUT;
    case NOCR_EWRITE:
        return EXIT_OUTPUT;
    default:
        return EXIT_MODEL;
    }
}

void cli_stem_of(char *out, size_t n, const char *path)
{
    snprintf(out, n, "%s", cli_base_name(path));
    char *dot = strrchr(out, '.');
    if (dot && dot != out)
        *dot = '\0';
}

const char *cli_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

int cli_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cli_mkdir_p(const char *path)
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
    /* It existed; it may have been removed since (a batch run ending removes its empty
     * claim directories): that is ENOENT, which a caller may try again, not ENOTDIR
     * (tests/batch/claims.sh's racing runs failed on it now and then). */
    struct stat st;
    if (stat(buf, &st) != 0)
        return -1;
    return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
}

int cli_name_clash(const char *a, const char *b, const char *dir, const char *outbase,
                   cli_format_set formats)
{
    fprintf(stderr,
            "newsocr: %s and %s would both be written to %s%s%s%s; rename one or run them "
            "separately\n",
            a, b, dir ? dir : "", dir ? "/" : "", outbase, cli_format_first_ext(formats));
    return EXIT_USAGE;
}

void cli_tmp_slot_set(cli_tmp_slot *slot)
{
    tmp_slot = slot;
}

/* Writes to an existing non-regular file (a terminal, a pipe, /dev/stdout) directly:
 * renaming over it would replace the device. */
static int write_direct(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    FILE *fp = fopen(path, "wb");
    int ok = fp && fwrite(data, 1, len, fp) == len;
    if (fp && fclose(fp) != 0)
        ok = 0;
    if (!ok) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        return EXIT_OUTPUT;
    }
    return EXIT_OK;
}

int cli_write_atomic(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return write_direct(path, data, len, err, errlen);
    char local[sizeof(((cli_tmp_slot *)0)->path)]; /* the temporary name, when no slot */
    cli_tmp_slot *slot = tmp_slot;
    char *tmp = slot ? slot->path : local;
    const size_t cap = sizeof(local);
    if ((size_t)snprintf(tmp, cap, "%s.tmp.XXXXXX", path) >= cap) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(ENAMETOOLONG));
        return EXIT_OUTPUT;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        return EXIT_OUTPUT;
    }
    if (slot)
        slot->busy = 1; /* from here a signal handler may remove tmp */
    FILE *fp = fdopen(fd, "wb");
    int ok = fp && fwrite(data, 1, len, fp) == len;
    ok = fp ? (fclose(fp) == 0) && ok : (close(fd), 0);
    if (ok) {
        (void)chmod(tmp, file_mode); /* mkstemp made it 0600 */
        ok = rename(tmp, path) == 0;
    }
    if (!ok) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        unlink(tmp);
    }
    if (slot)
        slot->busy = 0;
    return ok ? EXIT_OK : EXIT_OUTPUT;
}

/* Mean confidence of the page's lines (-1 when none) and its number of distinct articles. */
static void page_stats(const nocr_page *page, double *confidence, int *articles)
{
    double sum = 0;
    size_t nlines = 0;
    int seen[256] = {0}, distinct = 0;
    for (size_t r = 0; r < nocr_page_region_count(page); r++) {
        const nocr_region *reg = nocr_page_region(page, r);
        int a = nocr_region_article(reg);
        if (a >= 0 && a < 256 && !seen[a]) {
            seen[a] = 1;
            distinct++;
        }
        for (size_t l = 0; l < nocr_region_line_count(reg); l++) {
            float c = nocr_line_confidence(nocr_region_line(reg, l));
            if (c >= 0) {
                sum += c;
                nlines++;
            }
        }
    }
    *confidence = nlines ? sum / (double)nlines : -1;
    *articles = distinct;
}

static int page_fail(cli_page_result *res, int status, const char *msg)
{
    res->status = status;
    snprintf(res->error, sizeof(res->error), "%s", msg);
    return status;
}

/* The page's outputs, one slot per entry of the format table (NULL: not requested). */
typedef struct page_outputs {
    unsigned char **data;
    size_t *len;
} page_outputs;

/* Makes every format of the set; on failure res says why and the made ones stay in out
 * for the caller to free. */
static int page_export(cli_page_result *res, page_outputs *out, const cli_options *o,
                       const nocr_page *page, const nocr_image *img, nocr_engine *eng,
                       const char *path, const cli_book *book)
{
    char settings[512];
    snprintf(settings, sizeof(settings), "lang=%s; binarize=%d; enhance=%d; config=%s",
             nocr_engine_lang(eng), o->process.preprocess.binarize, o->process.preprocess.enhance,
             o->engine.config ? o->engine.config : "default");
    nocr_export_info info = NOCR_EXPORT_INFO_INIT;
    info.image_name = cli_base_name(path);
    /* With -l auto the page says which language the engine chose for it. */
    info.lang = nocr_page_lang(page)[0] ? nocr_page_lang(page) : nocr_engine_lang(eng);
    info.settings = settings;

    for (size_t f = 0; f < nocr_format_count(); f++) {
        const nocr_format *fmt = cli_format_in(o->formats, f);
        if (!fmt || (book && fmt == nocr_format_find("pdf")))
            continue;
        int rc =
            fmt->write(&out->data[f], &out->len[f], page, fmt->needs_image ? img : NULL, &info);
        if (rc)
            return page_fail(res, cli_status_of(rc), nocr_error_last());
        res->bytes += out->len[f];
    }
    return EXIT_OK;
}

/* Writes the made outputs to the sink, stopping at the first failure. */
static int page_write(cli_page_result *res, const page_outputs *out, const cli_sink *sink)
{
    for (size_t f = 0; f < nocr_format_count() && res->status == EXIT_OK; f++) {
        if (!out->data[f])
            continue;
        if (sink->outbase) {
            char target[4120];
            snprintf(target, sizeof(target), "%s%s", sink->outbase,
                     sink->add_ext ? nocr_format_at(f)->extension : "");
            res->status = cli_write_atomic(target, out->data[f], out->len[f], res->error,
                                           sizeof(res->error));
            continue;
        }
        if ((*sink->stdout_pages)++ > 0)
            fputc('\f', stdout);
        if (fwrite(out->data[f], 1, out->len[f], stdout) != out->len[f] || fflush(stdout) != 0) {
            snprintf(res->error, sizeof(res->error), "stdout: write error: %s", strerror(errno));
            res->status = EXIT_OUTPUT;
        }
    }
    return res->status;
}

/* What the result records about a processed page: skew, counts, warnings, confidence. */
static void page_describe(cli_page_result *res, const nocr_page *page)
{
    res->skew = nocr_page_skew(page);
    res->regions = nocr_page_region_count(page);
    for (size_t w = 0; w < nocr_page_warning_count(page); w++) {
        size_t used = strlen(res->warnings);
        snprintf(res->warnings + used, sizeof(res->warnings) - used, "%s%s", used ? "; " : "",
                 nocr_page_warning(page, w));
    }
    page_stats(page, &res->confidence, &res->articles);
    res->coverage = nocr_page_coverage(page);
    snprintf(res->lang, sizeof(res->lang), "%s", nocr_page_lang(page));
}

int cli_page_run(cli_page_result *res, nocr_engine *eng, const cli_options *o, const char *path,
                 int index, const cli_sink *sink)
{
    return cli_page_run_book(res, eng, o, path, index, sink, NULL);
}

int cli_page_run_book(cli_page_result *res, nocr_engine *eng, const cli_options *o,
                      const char *path, int index, const cli_sink *sink, cli_book *book)
{
    nocr_image *img = NULL;
    nocr_page *page = NULL;
    size_t nformats = nocr_format_count();
    page_outputs out = {calloc(nformats, sizeof(*out.data)), calloc(nformats, sizeof(*out.len))};

    memset(res, 0, sizeof(*res));
    res->confidence = -1;
    res->coverage = -1;
    double t0 = cli_now();
    if (!out.data || !out.len) {
        page_fail(res, EXIT_MODEL, "out of memory");
        goto cleanup;
    }
    int rc = nocr_image_load(&img, path, index, &o->load);
    double t1 = cli_now();
    if (!rc)
        rc = nocr_process(&page, eng, img, &o->process, &res->times);
    if (rc) {
        page_fail(res, cli_status_of(rc), nocr_error_last());
        /* The book keeps the page's place: the scan alone, or the book fails. */
        if (book)
            cli_book_add(book, NULL, img, res->status, res->error);
        goto cleanup;
    }
    res->times.load = t1 - t0;
    res->times.export_ = 0;

    /* Every format is made before any is written: a failing export leaves no files. */
    double t2 = cli_now();
    if (page_export(res, &out, o, page, img, eng, path, book) != EXIT_OK) {
        if (book)
            cli_book_add(book, NULL, img, res->status, res->error);
        goto cleanup;
    }
    page_write(res, &out, sink);
    if (book)
        cli_book_add(book, page, img, EXIT_OK, NULL);
    res->times.export_ = cli_now() - t2;
    page_describe(res, page);

cleanup:
    for (size_t f = 0; out.data && f < nformats; f++)
        free(out.data[f]);
    free(out.data);
    free(out.len);
    nocr_page_free(page);
    nocr_image_free(img);
    res->seconds = cli_now() - t0;
    return res->status;
}

/* ---------------------------------------------------------------------------------------
 * The PDF book
 */

struct cli_book {
    nocr_pdf_writer *w;
    char *target;   /* NULL: stdout */
    int direct;     /* built in memory, written to target (or stdout) at close */
    char tmp[4200]; /* the temporary file; "" when in memory */
    int pages;
    int status; /* EXIT_OK, or why the book fails */
    char error[1024];
};

static void book_fail(cli_book *b, int status, const char *why)
{
    if (b->status != EXIT_OK)
        return; /* the first reason is the one reported */
    b->status = status != EXIT_OK ? status : EXIT_MODEL;
    snprintf(b->error, sizeof(b->error), "%.1000s", why ? why : "failed");
}

int cli_book_open(cli_book **out, const char *target, const char *input, char *err, size_t errlen)
{
    *out = NULL;
    cli_book *b = calloc(1, sizeof(*b));
    if (!b || (target && !(b->target = strdup(target)))) {
        free(b);
        snprintf(err, errlen, "%s: cannot write: out of memory", target ? target : "stdout");
        return EXIT_OUTPUT;
    }
    struct stat st;
    b->direct = !target || (stat(target, &st) == 0 && !S_ISREG(st.st_mode));
    nocr_export_info info = NOCR_EXPORT_INFO_INIT;
    info.image_name = cli_base_name(input);
    int rc;
    if (b->direct) {
        rc = nocr_pdf_writer_new(&b->w, NULL, &info);
    } else {
        if ((size_t)snprintf(b->tmp, sizeof(b->tmp), "%s.tmp.XXXXXX", target) >= sizeof(b->tmp)) {
            snprintf(err, errlen, "%s: cannot write: %s", target, strerror(ENAMETOOLONG));
            goto fail;
        }
        int fd = mkstemp(b->tmp);
        if (fd < 0) {
            snprintf(err, errlen, "%s: cannot write: %s", target, strerror(errno));
            b->tmp[0] = '\0';
            goto fail;
        }
        close(fd);
        /* The writer truncates the file mkstemp made and removes it if never finished. */
        rc = nocr_pdf_writer_new(&b->w, b->tmp, &info);
    }
    if (rc) {
        snprintf(err, errlen, "%s: cannot write: %s", target ? target : "stdout",
                 nocr_error_last());
        goto fail;
    }
    *out = b;
    return EXIT_OK;
fail:
    if (b->tmp[0])
        unlink(b->tmp);
    free(b->target);
    free(b);
    return EXIT_OUTPUT;
}

void cli_book_add(cli_book *b, const nocr_page *page, const nocr_image *img, int status,
                  const char *why)
{
    if (!b || b->status != EXIT_OK)
        return;
    char msg[1100];
    if (!img) {
        snprintf(msg, sizeof(msg), "page %d: %.1000s", b->pages + 1, why ? why : "not read");
        book_fail(b, status, msg);
        return;
    }
    nocr_page *blank_page = NULL;
    int rc = NOCR_OK;
    if (!page) {
        /* OCR failed: the scan alone, without a text layer. */
        rc = nocr_page_new(&blank_page, nocr_image_width(img), nocr_image_height(img));
        page = blank_page;
    }
    if (rc == NOCR_OK)
        rc = nocr_pdf_writer_add_page(b->w, page, img);
    nocr_page_free(blank_page);
    if (rc) {
        snprintf(msg, sizeof(msg), "page %d: %.1000s", b->pages + 1, nocr_error_last());
        book_fail(b, cli_status_of(rc) == EXIT_USAGE ? EXIT_OUTPUT : cli_status_of(rc), msg);
        return;
    }
    b->pages++;
}

const char *cli_book_tmp(const cli_book *b)
{
    return b ? b->tmp : "";
}

int cli_book_pages(const cli_book *b)
{
    return b ? b->pages : 0;
}

/* Finishes the book: renames the temporary file, or writes the bytes built in memory. */
static int book_finish(cli_book *b)
{
    unsigned char *data = NULL;
    size_t len = 0;
    int rc = b->direct ? nocr_pdf_writer_finish(b->w, &data, &len)
                       : nocr_pdf_writer_finish(b->w, NULL, NULL);
    if (rc) {
        book_fail(b, cli_status_of(rc) == EXIT_USAGE ? EXIT_OUTPUT : cli_status_of(rc),
                  nocr_error_last());
        return b->status;
    }
    char why[1024];
    if (b->direct && b->target) {
        if (write_direct(b->target, data, len, why, sizeof(why)) != EXIT_OK)
            book_fail(b, EXIT_OUTPUT, strerror(errno));
    } else if (b->direct) {
        if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
            book_fail(b, EXIT_OUTPUT, strerror(errno));
    } else {
        (void)chmod(b->tmp, file_mode); /* mkstemp made it 0600 */
        if (rename(b->tmp, b->target) != 0)
            book_fail(b, EXIT_OUTPUT, strerror(errno));
        else
            b->tmp[0] = '\0';
    }
    free(data);
    return b->status;
}

int cli_book_close(cli_book *b, int commit, char *err, size_t errlen)
{
    if (!b)
        return EXIT_OK;
    int status = EXIT_OK;
    if (commit && b->status == EXIT_OK && b->pages == 0)
        book_fail(b, EXIT_INPUT, "no page could be read");
    if (commit && b->status == EXIT_OK)
        book_finish(b);
    if (commit && b->status != EXIT_OK) {
        status = b->status;
        snprintf(err, errlen, "%s: not written: %s", b->target ? b->target : "stdout", b->error);
    }
    nocr_pdf_writer_free(b->w); /* removes the file if it was not finished */
    if (b->tmp[0])
        unlink(b->tmp);
    free(b->target);
    free(b);
    return status;
}
