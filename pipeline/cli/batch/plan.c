/*
 * plan.c - newsocr batch's plan: inputs become files, files become pages, and the pages
 * still to do are ordered. Nothing here runs OCR; the dry run prints the plan.
 *
 *   batch_add_input, batch_plan_files, batch_plan_pages, batch_plan_items,
 *   batch_item_complete, batch_clean_stale_tmp, batch_clean_item_tmp, batch_print_todo,
 *   batch_out_path, batch_find_page, batch_free
 *
 * 1. Inputs become files: an image file as given; a directory, recursively, its files with
 *    an image extension (hidden entries and OUTDIR skipped); @LIST, one path per line.
 * 2. Each file gets an output stem: its name without extension, or for files found in a
 *    directory INPUT its path relative to INPUT (OUTDIR mirrors the tree). Two different
 *    files with one stem are refused before any work (exit 1).
 * 3. --shard K/N keeps the files whose stem hashes (FNV-1a 64) to K-1 modulo N: the same
 *    set whatever the order of the inputs or the machine, a file's pages together.
 * 4. Files become pages (one per page of a multi-page TIFF or PDF: STEM.pNNN); pages whose
 *    every output exists and is not older than the input are skipped (--force redoes them);
 *    stale temporary files of a killed run are removed.
 * 5. The pages to do become work items, ordered largest first: one a page; or, when pdf is
 *    among the formats, one per input file holding all its pages in order (its PDF is one
 *    file, written by one worker), every page of the file redone when one is missing.
 */
#define _GNU_SOURCE /* qsort_r, strndup */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Extensions of the image files taken from directories (case-insensitive). */
static const char *const image_exts[] = {".png",  ".jpg", ".jpeg", ".tif", ".tiff",
                                         ".bmp",  ".pnm", ".pbm",  ".pgm", ".ppm",
                                         ".webp", ".gif", ".jp2",  ".pdf"};
/* Of those, the formats that hold one page: no need to read the file to count pages. */
static const char *const single_page_exts[] = {".png", ".jpg", ".jpeg", ".bmp", ".pnm", ".pbm",
                                               ".pgm", ".ppm", ".webp", ".gif", ".jp2"};

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
static int add_path(batch *b, const char *arg)
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
        status = add_path(b, line);
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

int batch_add_input(batch *b, const char *arg)
{
    return arg[0] == '@' ? read_list(b, arg + 1) : add_path(b, arg);
}

static int cmp_file_stem(const void *a, const void *b)
{
    const bfile *x = a, *y = b;
    int c = strcmp(x->stem, y->stem);
    return c ? c : strcmp(x->path, y->path);
}

/* Sorts the files by stem, drops a file given twice, refuses two files with one stem and
 * keeps this shard's files. */
int batch_plan_files(batch *b)
{
    qsort(b->files, b->nfiles, sizeof(*b->files), cmp_file_stem);
    size_t kept = 0;
    for (size_t i = 0; i < b->nfiles; i++) {
        bfile *f = &b->files[i];
        if (kept > 0 && strcmp(b->files[kept - 1].stem, f->stem) == 0) {
            bfile *g = &b->files[kept - 1];
            int same = (f->ino || f->dev) ? f->dev == g->dev && f->ino == g->ino
                                          : strcmp(f->path, g->path) == 0;
            if (!same)
                return cli_name_clash(g->path, f->path, b->outdir, f->stem, b->opt.cli.formats);
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

int batch_out_path(char *out, size_t n, const batch *b, const bpage *p, const char *ext)
{
    return snprintf(out, n, "%s/%s%s", b->outdir, p->name, ext) < (int)n ? 0 : -1;
}

static int time_ge(struct timespec a, struct timespec b)
{
    return a.tv_sec > b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec >= b.tv_nsec);
}

/* 1 when `path` is a regular file not older than `since`. */
static int output_fresh(const char *path, struct timespec since)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && time_ge(st.st_mtim, since);
}

/* What a page's outputs must not be older than: its input's time; with --force also this
 * run's start (with_start), so that a page done by another run sharing OUTDIR since then
 * is not redone. */
static struct timespec fresh_since(const batch *b, const bpage *p, int with_start)
{
    struct timespec since = p->mtime;
    if (with_start && time_ge(b->started_rt, since))
        since = b->started_rt;
    return since;
}

/* 1 when every requested output of the page exists, is a regular file and is not older
 * than fresh_since: outputs appear only complete, by rename. With the book the PDF is the
 * input file's (batch_item_complete), not the page's. */
static int page_is_complete(const batch *b, const bpage *p, int with_start)
{
    if (p->mtime.tv_sec == 0 && p->mtime.tv_nsec == 0)
        return 0; /* the input could not be stat'ed: let the page fail again */
    struct timespec since = fresh_since(b, p, with_start);
    for (size_t f = 0; f < nocr_format_count(); f++) {
        const nocr_format *fmt = cli_format_in(b->opt.cli.formats, f);
        if (!fmt || (b->by_file && strcmp(fmt->name, "pdf") == 0))
            continue;
        char path[PATH_MAX + 32];
        if (batch_out_path(path, sizeof(path), b, p, fmt->extension) || !output_fresh(path, since))
            return 0;
    }
    return 1;
}

int batch_book_path(char *out, size_t n, const batch *b, const bitem *it)
{
    const char *stem = b->files[b->pages[it->first].file].stem;
    return snprintf(out, n, "%s/%s.pdf", b->outdir, stem) < (int)n ? 0 : -1;
}

int batch_item_complete(const batch *b, const bitem *it)
{
    for (int k = 0; k < it->npages; k++) {
        if (!page_is_complete(b, &b->pages[it->first + k], b->opt.force))
            return 0;
    }
    char path[PATH_MAX + 32];
    if (b->by_file &&
        (batch_book_path(path, sizeof(path), b, it) != 0 ||
         !output_fresh(path, fresh_since(b, &b->pages[it->first], b->opt.force))))
        return 0;
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
    p->file = (size_t)(f - b->files);
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
int batch_plan_pages(batch *b)
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
        if (strcmp(x->name, y->name) == 0)
            return cli_name_clash(x->path, y->path, b->outdir, x->name, b->opt.cli.formats);
    }
    for (size_t i = 0; i < b->npages; i++) {
        bpage *p = &b->pages[i];
        if (!b->opt.force && page_is_complete(b, p, 0))
            p->state = ST_SKIPPED;
    }
    /* With pdf, a file with a page to do is done whole: its pages are one PDF. */
    for (size_t i = 0; b->by_file && i < b->npages;) {
        size_t j = i;
        int whole = 0;
        for (; j < b->npages && b->pages[j].path == b->pages[i].path; j++)
            whole |= b->pages[j].state != ST_SKIPPED;
        if (!whole) { /* the pages are there; is their PDF? */
            bitem file = {.first = i, .npages = (int)(j - i)};
            whole = !batch_item_complete(b, &file);
        }
        for (; whole && i < j; i++)
            b->pages[i].state = ST_PENDING;
        i = j;
    }
    for (size_t i = 0; i < b->npages; i++) {
        if (b->pages[i].state == ST_SKIPPED)
            b->skipped++;
        else
            b->todo[b->ntodo++] = i;
    }
    qsort_r(b->todo, b->ntodo, sizeof(size_t), cmp_weight, b->pages);
    return EXIT_OK;
}

static int cmp_item(const void *a, const void *b)
{
    const bitem *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* The pages to do as work items, largest first; b->todo follows the items' order, so the
 * dry run lists what the workers take, in the order they take it. */
int batch_plan_items(batch *b)
{
    b->items = calloc(b->ntodo + 1, sizeof(*b->items));
    if (!b->items) {
        fprintf(stderr, "newsocr: out of memory\n");
        return EXIT_MODEL;
    }
    b->nitems = 0;
    for (size_t i = 0; i < b->npages;) {
        if (b->pages[i].state == ST_SKIPPED) {
            i++;
            continue;
        }
        bitem *it = &b->items[b->nitems++];
        it->first = i;
        it->name = b->pages[i].name;
        do {
            it->weight += b->pages[i].weight;
            it->npages++;
            i++;
        } while (b->by_file && i < b->npages && b->pages[i].path == b->pages[it->first].path);
        if (b->by_file)
            it->name = b->files[b->pages[it->first].file].stem;
    }
    qsort(b->items, b->nitems, sizeof(*b->items), cmp_item);
    size_t n = 0;
    for (size_t k = 0; k < b->nitems; k++) {
        for (int j = 0; j < b->items[k].npages; j++)
            b->todo[n++] = b->items[k].first + (size_t)j;
    }
    return EXIT_OK;
}

static int cmp_name_key(const void *key, const void *elem, void *ctx)
{
    const bpage *pages = ctx;
    return strcmp(key, pages[*(const size_t *)elem].name);
}

long batch_find_page(const batch *b, const char *name)
{
    size_t lo = 0, hi = b->npages;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_name_key(name, &b->by_name[mid], b->pages);
        if (c == 0)
            return (long)b->by_name[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 when `file` (in OUTDIR/dir, dir "" for OUTDIR) is a temporary file of this batch: of its
 * report, or of an output of one of its pages. */
static int is_our_tmp(const batch *b, const char *dir, const char *file)
{
    static const char tmp_tail[] = ".tmp.XXXXXX";
    const size_t tail = sizeof(tmp_tail) - 1;
    size_t len = strlen(file);
    if (len <= tail || strncmp(file + len - tail, tmp_tail, 5) != 0)
        return 0;
    char target[NAME_MAX + 1], name[PATH_MAX];
    snprintf(target, sizeof(target), "%.*s", (int)(len - tail), file);
    if (!*dir && strcmp(target, cli_base_name(b->report_path)) == 0)
        return 1;
    size_t tl = strlen(target);
    for (size_t f = 0; f < nocr_format_count(); f++) {
        const char *ext = nocr_format_at(f)->extension;
        size_t el = strlen(ext);
        if (tl <= el || strcmp(target + tl - el, ext) != 0)
            continue;
        snprintf(name, sizeof(name), "%s%s%.*s", dir, *dir ? "/" : "", (int)(tl - el), target);
        if (batch_find_page(b, name) >= 0)
            return 1;
        for (size_t i = 0; b->by_file && strcmp(ext, ".pdf") == 0 && i < b->nfiles;
             i++) {
            if (strcmp(b->files[i].stem, name) == 0)
                return 1; /* the PDF book of a file */
        }
    }
    return 0;
}

void batch_clean_item_tmp(const batch *b, const bitem *it)
{
    for (int k = 0; k < it->npages; k++) {
        const bpage *p = &b->pages[it->first + k];
        char dir[PATH_MAX];
        if (batch_out_path(dir, sizeof(dir), b, p, ""))
            continue;
        char *slash = strrchr(dir, '/');
        const char *base = slash + 1;
        size_t blen = strlen(base);
        *slash = '\0';
        DIR *d = opendir(dir);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            /* NAME.EXT.tmp.XXXXXX for one of the formats of this page */
            const char *tmp = strstr(e->d_name, ".tmp.");
            if (strncmp(e->d_name, base, blen) != 0 || !tmp || strlen(tmp) != 11)
                continue;
            for (size_t f = 0; f < nocr_format_count(); f++) {
                const char *ext = nocr_format_at(f)->extension;
                if ((size_t)(tmp - e->d_name) == blen + strlen(ext) &&
                    strncmp(e->d_name + blen, ext, strlen(ext)) == 0) {
                    char path[PATH_MAX + NAME_MAX + 2];
                    snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
                    unlink(path);
                    break;
                }
            }
        }
        if (d)
            closedir(d);
    }
}

/* Removes this batch's temporary files from OUTDIR/dir. */
static void clean_dir(const batch *b, const char *rel)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof(dir), "%s%s%s", b->outdir, *rel ? "/" : "", rel);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (!is_our_tmp(b, rel, e->d_name))
            continue;
        char path[PATH_MAX + NAME_MAX + 2];
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (unlink(path) == 0 && b->opt.cli.verbose)
            fprintf(stderr, "newsocr: removed %s, left by an interrupted run\n", path);
    }
    if (d)
        closedir(d);
}

/* Removes the temporary files (TARGET.tmp.XXXXXX) a killed run left for this batch's pages
 * and its report. Only this shard's names are touched: other machines sharing OUTDIR may
 * be writing theirs. */
void batch_clean_stale_tmp(batch *b)
{
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
    for (size_t k = 0; k < ndirs; k++) {
        if (dirs[k] && (k == 0 || !dirs[k - 1] || strcmp(dirs[k - 1], dirs[k]) != 0))
            clean_dir(b, dirs[k]);
    }
    for (size_t k = 0; k < ndirs; k++)
        free(dirs[k]);
    free(dirs);
}

/* Writes `s` with backslash, tab, newline and carriage return escaped (\\ \t \n \r), so
 * that a name holding them cannot break the dry run's tab-separated lines. */
static void put_escaped(const char *s, FILE *fp)
{
    for (; *s; s++) {
        const char *esc = *s == '\\'   ? "\\\\"
                          : *s == '\t' ? "\\t"
                          : *s == '\n' ? "\\n"
                          : *s == '\r' ? "\\r"
                                       : NULL;
        if (esc)
            fputs(esc, fp);
        else
            fputc(*s, fp);
    }
}

int batch_print_todo(const batch *b)
{
    for (size_t i = 0; i < b->ntodo; i++) {
        const bpage *p = &b->pages[b->todo[i]];
        put_escaped(p->name, stdout);
        fputc('\t', stdout);
        put_escaped(p->path, stdout);
        printf("\t%d\n", p->index + 1);
    }
    return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_OK : EXIT_OUTPUT;
}

void batch_free(batch *b)
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
    free(b->items);
}
