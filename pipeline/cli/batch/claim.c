/*
 * claim.c - several newsocr batch runs on one OUTDIR (one host, or hosts sharing storage
 * such as NFS) split the work between them: each work item is claimed before it starts.
 *
 *   batch_claims_start, batch_claim, batch_claim_release, batch_claim_touch,
 *   batch_claims_finish, batch_claim_refresh_interval
 *
 * OUTDIR/.claims/
 *   pages/NAME.claim   the claim of work item NAME (a page's output name, or with pdf the
 *                      input file's stem), holding one line "HOST PID START TIME": the
 *                      host, the process, its start time (clock ticks after boot, field 22
 *                      of /proc/PID/stat) and when it claimed (seconds since the epoch)
 *   runs/HOST.PID      a run in progress: the same line and the name of the report it
 *                      writes when alone (report.json, report.K-of-N.json); touched as the
 *                      run goes. A run that finds a live run of the same report name
 *                      writes report[.K-of-N].HOST.PID.json (report.c).
 *   tmp/HOST.PID.N     a claim being made, or a dead one being removed
 *
 * Claiming: the line is written to a file of tmp/, then link()ed to pages/NAME.claim. link
 * is atomic and fails with EEXIST when the name exists, also over NFS (unlike O_EXCL on old
 * NFS clients), and the claim appears whole. A claim found there is abandoned when its
 * owner is gone: on this host, when no process has its PID with its start time (a PID
 * reused by another process has another start time); on another host, when the claim was
 * not touched for --claim-timeout seconds (the owner touches its claims every quarter of
 * that while the page runs, so a long page is not taken). Hosts are told apart by
 * gethostname(): each host sharing OUTDIR needs its own name, and their clocks must agree
 * (NTP) to well under the timeout.
 *
 * Taking over: the dead claim is renamed into tmp/ (one run wins the rename), read back and
 * compared with the line judged dead; if it is that line it is removed and the new claim
 * linked in its place (EEXIST: another run was quicker, and holds it); if a live claim was
 * renamed by mistake (it replaced the dead one between the read and the rename) it is
 * linked back. Releasing removes the claim only when it still holds this run's line.
 */
#define _GNU_SOURCE /* utimensat, AT_FDCWD */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Attempts to register a run while others may be removing the empty claim directories
 * (batch_claims_start); the pauses between them add up to about a second. */
#define REGISTER_ATTEMPTS 45

static atomic_uint tmp_counter;

/* Field 22 of /proc/PID/stat: the process's start time in clock ticks after boot; 0 when
 * unknown. The command name (field 2) may hold spaces and parentheses: fields are counted
 * from the last ')'. */
static unsigned long long proc_start_time(long pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
    FILE *fp = fopen(path, "r");
    size_t n = fp ? fread(buf, 1, sizeof(buf) - 1, fp) : 0;
    if (fp)
        fclose(fp);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    unsigned long long start = 0;
    /* after ')': state(3) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
     * cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime */
    if (p && sscanf(p + 1,
                    " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d "
                    "%*d %llu",
                    &start) != 1)
        start = 0;
    return start;
}

/* Reads a claim or run file's line into line[n]; 0, or -1 (gone, unreadable). */
static int read_line(char *line, size_t n, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        return -1;
    int ok = fgets(line, (int)n, fp) != NULL;
    fclose(fp);
    if (!ok)
        line[0] = '\0';
    line[strcspn(line, "\n")] = '\0';
    return 0;
}

/* 1 when the owner of a claim (or run) with line `line` and file times `st` is gone. */
static int owner_gone(const batch *b, const char *line, const struct stat *st)
{
    char host[256];
    long pid;
    unsigned long long start;
    if (sscanf(line, "%255s %ld %llu", host, &pid, &start) != 3 || pid <= 0)
        return time(NULL) - st->st_mtime > b->claims.timeout; /* not ours to judge: age */
    if (strcmp(host, b->claims.host) != 0)
        return time(NULL) - st->st_mtime > b->claims.timeout;
    if (pid == b->claims.pid)
        return start != b->claims.start; /* this PID earlier, before a reboot */
    if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
        return 1;
    unsigned long long now_start = proc_start_time(pid);
    return now_start != 0 && now_start != start; /* the PID is another process's now */
}

/* A unique name in OUTDIR/.claims/tmp into out[n]. */
static void tmp_name(char *out, size_t n, const batch *b)
{
    snprintf(out, n, "%s/tmp/%s.%ld.%u", b->claims.dir, b->claims.host, b->claims.pid,
             atomic_fetch_add(&tmp_counter, 1));
}

/* Writes this run's line (with the time) to a new file of tmp/; its path into out[n].
 * 0, or -1 with errno. */
static int write_own_line(char *out, size_t n, const batch *b, const char *extra)
{
    tmp_name(out, n, b);
    int fd = open(out, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0 && errno == ENOENT) {
        char dir[4200];
        snprintf(dir, sizeof(dir), "%s/tmp", b->claims.dir);
        if (cli_mkdir_p(dir) == 0)
            fd = open(out, O_WRONLY | O_CREAT | O_EXCL, 0644);
    }
    if (fd < 0)
        return -1;
    char line[400];
    int len = snprintf(line, sizeof(line), "%s %lld%s%s\n", b->claims.id, (long long)time(NULL),
                       extra ? " " : "", extra ? extra : "");
    int ok = write(fd, line, (size_t)len) == len;
    int saved = errno;
    if (close(fd) != 0 || !ok) {
        unlink(out);
        errno = ok ? errno : saved;
        return -1;
    }
    return 0;
}

/* Removes the claim (or run file) at `path` if its line is still `seen`, the one judged
 * dead; 0 when it is gone (by us or another run), -1 when a live one is there. */
static int remove_dead(const batch *b, const char *path, const char *seen)
{
    char moved[4400], line[400];
    tmp_name(moved, sizeof(moved), b);
    if (rename(path, moved) != 0) {
        if (errno == ENOENT && access(path, F_OK) != 0)
            return 0; /* another run removed it */
        if (errno != ENOENT)
            return -1;
        char dir[4200];
        snprintf(dir, sizeof(dir), "%s/tmp", b->claims.dir);
        if (cli_mkdir_p(dir) != 0 || rename(path, moved) != 0)
            return errno == ENOENT ? 0 : -1;
    }
    if (read_line(line, sizeof(line), moved) == 0 && strcmp(line, seen) == 0) {
        unlink(moved);
        return 0;
    }
    /* A live claim replaced the dead one meanwhile: put it back. */
    (void)link(moved, path);
    unlink(moved);
    return -1;
}

int batch_claim(char **path, const batch *b, const char *name, char *err, size_t errlen)
{
    *path = NULL;
    size_t n = strlen(b->claims.dir) + strlen(name) + 16;
    char *claim = malloc(n), own[4400];
    if (!claim) {
        snprintf(err, errlen, "out of memory");
        return CLAIM_ERROR;
    }
    snprintf(claim, n, "%s/pages/%s.claim", b->claims.dir, name);
    if (write_own_line(own, sizeof(own), b, NULL) != 0) {
        snprintf(err, errlen, "%s/tmp: cannot write a claim: %s", b->claims.dir, strerror(errno));
        free(claim);
        return CLAIM_ERROR;
    }
    int result = CLAIM_ERROR, taken = 0;
    for (int attempt = 0; attempt < 4 && result == CLAIM_ERROR; attempt++) {
        struct stat ost;
        int linked = link(own, claim) == 0;
        int saved = errno;
        /* Over NFS a link that succeeded may report a failure, EEXIST included (its reply
         * lost, the retried request refused): the link count of our file says. */
        if (!linked && saved != ENOENT && stat(own, &ost) == 0 && ost.st_nlink == 2)
            linked = 1;
        if (linked) {
            result = taken ? CLAIM_TAKEN : CLAIM_MINE;
            break;
        }
        errno = saved;
        if (errno == ENOENT) { /* its directory does not exist (yet, or any more) */
            char dir[4400];
            snprintf(dir, sizeof(dir), "%s", claim);
            *strrchr(dir, '/') = '\0';
            if (cli_mkdir_p(dir) != 0)
                break;
            continue;
        }
        if (errno != EEXIST)
            break;
        char line[400];
        struct stat st;
        if (read_line(line, sizeof(line), claim) != 0 || stat(claim, &st) != 0)
            continue; /* released meanwhile: try again */
        if (!owner_gone(b, line, &st) || remove_dead(b, claim, line) != 0) {
            result = CLAIM_HELD;
            break;
        }
        taken = 1;
    }
    if (result == CLAIM_ERROR)
        snprintf(err, errlen, "%s: cannot claim: %s", claim, strerror(errno));
    unlink(own);
    if (result == CLAIM_MINE || result == CLAIM_TAKEN)
        *path = claim;
    else
        free(claim);
    return result;
}

void batch_claim_release(const batch *b, const char *path)
{
    char line[400];
    size_t n = strlen(b->claims.id);
    if (read_line(line, sizeof(line), path) == 0 && strncmp(line, b->claims.id, n) == 0 &&
        line[n] == ' ')
        unlink(path);
}

void batch_claim_touch(const char *path)
{
    (void)utimensat(AT_FDCWD, path, NULL, 0);
}

double batch_claim_refresh_interval(const batch *b)
{
    double t = b->claims.timeout / 4.0;
    return t < 1 ? 1 : t > 60 ? 60 : t;
}

/* Calls fn on each regular file of dir (recursively when `deep`); directories found empty
 * afterwards are removed when `prune`. */
static void walk_files(const batch *b, const char *dir, int deep, int prune,
                       void (*fn)(const batch *b, const char *path, const char *base))
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[PATH_MAX];
        struct stat st;
        if (snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= (int)sizeof(path) ||
            lstat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode) && deep) {
            walk_files(b, path, deep, prune, fn);
            if (prune)
                (void)rmdir(path); /* fails, harmlessly, when not empty */
        } else if (S_ISREG(st.st_mode)) {
            fn(b, path, e->d_name);
        }
    }
    if (d)
        closedir(d);
}

/* A claim or run file: removed when its owner is gone. */
static void sweep_claim(const batch *b, const char *path, const char *base)
{
    (void)base;
    char line[400];
    struct stat st;
    if (read_line(line, sizeof(line), path) == 0 && stat(path, &st) == 0 &&
        owner_gone(b, line, &st))
        (void)remove_dead(b, path, line);
}

/* A file of tmp/ (HOST.PID.N): removed when its maker is gone. */
static void sweep_tmp(const batch *b, const char *path, const char *base)
{
    const char *dot = strrchr(base, '.'), *dot2 = NULL;
    for (const char *p = base; dot && p < dot; p++) {
        if (*p == '.')
            dot2 = p; /* the dot before the PID */
    }
    struct stat st;
    if (!dot2 || stat(path, &st) != 0)
        return;
    long pid = atol(dot2 + 1);
    if (strncmp(base, b->claims.host, strlen(b->claims.host)) == 0 &&
        (size_t)(dot2 - base) == strlen(b->claims.host)) {
        if (pid == b->claims.pid)
            return; /* ours, in use */
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            return;
        unlink(path);
    } else if (time(NULL) - st.st_mtime > b->claims.timeout) {
        unlink(path);
    }
}

/* 1 when another run that would write the report `base` (any report: NULL) is registered
 * and alive; removes the dead ones met. */
static int others_active(const batch *b, const char *base)
{
    char dir[4200];
    snprintf(dir, sizeof(dir), "%s/runs", b->claims.dir);
    DIR *d = opendir(dir);
    struct dirent *e;
    int active = 0;
    while (d && (e = readdir(d)) != NULL) {
        char path[4600], line[400];
        struct stat st;
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (strcmp(path, b->claims.run_path) == 0 || read_line(line, sizeof(line), path) != 0 ||
            stat(path, &st) != 0)
            continue;
        if (!owner_gone(b, line, &st)) {
            char theirs[256] = "";
            if (!base ||
                (sscanf(line, "%*s %*s %*s %*s %255s", theirs) == 1 && strcmp(theirs, base) == 0))
                active = 1;
        } else
            (void)remove_dead(b, path, line);
    }
    if (d)
        closedir(d);
    return active;
}

int batch_claims_start(batch *b)
{
    bclaims *c = &b->claims;
    if (gethostname(c->host, sizeof(c->host)) != 0 || !c->host[0])
        snprintf(c->host, sizeof(c->host), "localhost");
    c->host[sizeof(c->host) - 1] = '\0';
    for (char *p = c->host; *p; p++) {
        if (*p == ' ' || *p == '/' || *p == '\n')
            *p = '_';
    }
    c->pid = (long)getpid();
    c->start = proc_start_time(c->pid);
    c->timeout = b->opt.claim_timeout;
    snprintf(c->id, sizeof(c->id), "%s %ld %llu", c->host, c->pid, c->start);
    char runs[4200], own[4400];
    if (snprintf(c->dir, sizeof(c->dir), "%s/.claims", b->outdir) >= (int)sizeof(c->dir)) {
        fprintf(stderr, "newsocr: %s: output path too long\n", b->outdir);
        return EXIT_OUTPUT;
    }
    snprintf(runs, sizeof(runs), "%s/runs", c->dir);
    snprintf(c->run_path, sizeof(c->run_path), "%s/%s.%ld", runs, c->host, c->pid);
    char base[64] = "report.json"; /* the report this run writes when alone */
    if (b->opt.shard_given)
        snprintf(base, sizeof(base), "report.%d-of-%d.json", b->opt.shard_k, b->opt.shard_n);
    /* A run ending now may remove the empty directories under our feet (its
     * batch_claims_finish): ENOENT is tried again, after a pause that grows, so that
     * several runs ending together are outlasted (five quick attempts lost that race on a
     * loaded machine, in tests/batch/claims.sh's racing runs). */
    int registered = 0;
    for (int attempt = 0; attempt < REGISTER_ATTEMPTS && !registered; attempt++) {
        if (attempt > 0) {
            struct timespec pause = {0, 1000000L * attempt}; /* 1, 2, ... ms */
            nanosleep(&pause, NULL);
        }
        if (cli_mkdir_p(runs) != 0 || write_own_line(own, sizeof(own), b, base) != 0) {
            if (errno != ENOENT)
                break;
            continue;
        }
        registered = rename(own, c->run_path) == 0;
        if (!registered) {
            int saved = errno;
            unlink(own);
            errno = saved;
            if (errno != ENOENT)
                break;
        }
    }
    if (!registered) {
        fprintf(stderr, "newsocr: %s: cannot register the run: %s\n", runs, strerror(errno));
        return EXIT_OUTPUT;
    }
    c->others = others_active(b, base);
    c->any_others = c->others || others_active(b, NULL);
    return EXIT_OK;
}

void batch_claims_finish(batch *b)
{
    if (!b->claims.run_path[0])
        return;
    unlink(b->claims.run_path);
    int others = others_active(b, NULL);
    char dir[4200];
    snprintf(dir, sizeof(dir), "%s/pages", b->claims.dir);
    walk_files(b, dir, 1, !others, sweep_claim);
    snprintf(dir, sizeof(dir), "%s/tmp", b->claims.dir);
    walk_files(b, dir, 0, 0, sweep_tmp);
    if (others)
        return;
    /* No other run: the empty directories go (a run starting now recreates them). */
    static const char *const subdirs[] = {"pages", "tmp", "runs", ""};
    for (size_t i = 0; i < sizeof(subdirs) / sizeof(*subdirs); i++) {
        snprintf(dir, sizeof(dir), "%s/%s", b->claims.dir, subdirs[i]);
        (void)rmdir(dir);
    }
}
