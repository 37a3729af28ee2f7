/*
 * resources.c - how many workers newsocr batch runs: the CPUs it may use and the memory
 * it may take.
 *
 *   batch_default_jobs, batch_check_jobs, batch_page_budget, batch_page_memory
 *
 * CPUs: the affinity mask (taskset, cgroup cpusets, Slurm when it binds tasks to CPUs),
 * bounded by SLURM_CPUS_PER_TASK, which is the only trace of --cpus-per-task when Slurm
 * does not bind. Memory: MemAvailable, bounded by the room left under the cgroup's limit
 * (v2 memory.max, v1 memory.limit_in_bytes), divided by BATCH_WORKER_BYTES. The default -j
 * takes the smaller of the two; an explicit -j above BATCH_JOBS_PER_CPU per CPU is capped
 * (more threads than that only queue for the CPUs and each holds a page in memory), and one
 * above what memory allows is kept with a warning (the estimate is for A3 pages).
 *
 * Pages: while the workers run, the estimated peaks of the pages in flight (their pixels
 * times BATCH_PAGE_BYTES_PER_MP) stay within a budget, the memory available at the start
 * less the workers' engines; a worker waits before a page that would exceed it, and a page
 * alone always runs (run.c).
 */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "batch.h"

#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Above this a cgroup limit means "no limit" (v1 writes 2^63 rounded to pages). */
#define UNLIMITED (1LL << 60)

static int cpus_available(void)
{
    int n = 0;
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0)
        n = CPU_COUNT(&set);
    if (n <= 0) {
        long online = sysconf(_SC_NPROCESSORS_ONLN);
        n = online > 0 && online < INT_MAX ? (int)online : 1;
    }
    const char *slurm = getenv("SLURM_CPUS_PER_TASK");
    long long per_task;
    if (slurm && cli_parse_int(&per_task, slurm, 1, INT_MAX) == 0 && per_task < n)
        n = (int)per_task;
    return n;
}

/* The first number in file `path` ("max" is UNLIMITED); 0, or -1 when unreadable. */
static int read_number(long long *out, const char *path)
{
    FILE *fp = fopen(path, "r");
    char buf[64] = "";
    int ok = fp && fgets(buf, sizeof(buf), fp) != NULL;
    if (fp)
        fclose(fp);
    if (!ok)
        return -1;
    buf[strcspn(buf, "\n")] = '\0';
    if (strcmp(buf, "max") == 0) {
        *out = UNLIMITED;
        return 0;
    }
    return cli_parse_int(out, buf, 0, LLONG_MAX);
}

/* 1 when the comma-separated controller list `list` names `ctl`. */
static int has_controller(const char *list, const char *ctl)
{
    size_t n = strlen(ctl);
    for (const char *p = list; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
        if (strncmp(p, ctl, n) == 0 && (p[n] == ',' || p[n] == '\0'))
            return 1;
    }
    return 0;
}

/* This process's cgroup for controller `ctl` ("" for the v2 unified hierarchy), from
 * /proc/self/cgroup, into out[n]; 0, or -1 when there is none. */
static int cgroup_of(char *out, size_t n, const char *ctl)
{
    FILE *fp = fopen("/proc/self/cgroup", "r");
    char line[1024];
    int found = -1;
    while (fp && found < 0 && fgets(line, sizeof(line), fp)) {
        char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        if (!c2)
            continue;
        *c2 = '\0';
        if (*ctl ? has_controller(c1 + 1, ctl) : c1[1] == '\0') {
            c2[1 + strcspn(c2 + 1, "\n")] = '\0';
            snprintf(out, n, "%s", strcmp(c2 + 1, "/") == 0 ? "" : c2 + 1);
            found = 0;
        }
    }
    if (fp)
        fclose(fp);
    return found;
}

/* Room left under a cgroup's memory limit, bytes; -1 when unknown or unlimited. `root` is
 * where the hierarchy is mounted; the process's own cgroup is tried, then the root (in a
 * container the namespace's root is the container's cgroup). */
static long long cgroup_room(const char *root, const char *ctl, const char *limit_file,
                             const char *usage_file)
{
    char rel[1024], path[1200];
    const char *dirs[2] = {rel, ""};
    if (cgroup_of(rel, sizeof(rel), ctl) != 0)
        return -1;
    for (int i = 0; i < 2; i++) {
        long long limit, usage = 0;
        snprintf(path, sizeof(path), "%s%s/%s", root, dirs[i], limit_file);
        if (read_number(&limit, path) != 0)
            continue;
        if (limit >= UNLIMITED)
            return -1;
        snprintf(path, sizeof(path), "%s%s/%s", root, dirs[i], usage_file);
        (void)read_number(&usage, path);
        return limit > usage ? limit - usage : 0;
    }
    return -1;
}

/* Bytes of memory this process may still take; -1 when unknown. */
static long long memory_available(void)
{
    long long avail = -1, kb;
    FILE *fp = fopen("/proc/meminfo", "r");
    char line[256];
    while (fp && fgets(line, sizeof(line), fp)) {
        if (sscanf(line, "MemAvailable: %lld kB", &kb) == 1 && kb >= 0 && kb < LLONG_MAX / 1024)
            avail = kb * 1024;
    }
    if (fp)
        fclose(fp);
    long long rooms[2] = {
        cgroup_room("/sys/fs/cgroup", "", "memory.max", "memory.current"),
        cgroup_room("/sys/fs/cgroup/memory", "memory", "memory.limit_in_bytes",
                    "memory.usage_in_bytes"),
    };
    for (int i = 0; i < 2; i++) {
        if (rooms[i] >= 0 && (avail < 0 || rooms[i] < avail))
            avail = rooms[i];
    }
    return avail;
}

/* Workers the memory allows (at least 1); INT_MAX when the memory is unknown. */
static int jobs_for_memory(long long *avail)
{
    *avail = memory_available();
    if (*avail < 0)
        return INT_MAX;
    long long n = *avail / BATCH_WORKER_BYTES;
    return n < 1 ? 1 : n > INT_MAX ? INT_MAX : (int)n;
}

int batch_default_jobs(void)
{
    long long avail;
    int cpus = cpus_available(), mem = jobs_for_memory(&avail);
    return cpus < mem ? cpus : mem;
}

int batch_check_jobs(int requested, int quiet)
{
    int cpus = cpus_available();
    long long max = (long long)BATCH_JOBS_PER_CPU * cpus;
    if (requested > max) {
        if (!quiet)
            fprintf(stderr,
                    "newsocr: warning: -j %d is more than %d workers per CPU (%d CPUs "
                    "available): using %lld\n",
                    requested, BATCH_JOBS_PER_CPU, cpus, max);
        requested = (int)max;
    }
    long long avail;
    int mem = jobs_for_memory(&avail);
    if (requested > mem && !quiet)
        fprintf(stderr,
                "newsocr: warning: -j %d: %lld MB of memory available, enough for about %d "
                "workers (%lld MB each)\n",
                requested, avail / 1000000, mem, BATCH_WORKER_BYTES / 1000000);
    return requested;
}

long long batch_page_budget(int jobs)
{
    const char *hook = getenv("NEWSOCR_BATCH_PAGE_MEMORY"); /* a test hook: bytes */
    long long v;
    if (hook && cli_parse_int(&v, hook, 0, LLONG_MAX) == 0)
        return v;
    long long avail = memory_available();
    if (avail < 0)
        return -1;
    long long engines = (long long)jobs * BATCH_ENGINE_BYTES;
    return avail > engines ? avail - engines : 0;
}

int batch_page_memory(long long *out, const char *path, int index)
{
    /* The pixel count without decoding: a load refused by a limit of 1 pixel, whose message
     * gives the size ("image is WxH pixels, above the limit"), the header alone read.
     * TODO(library): a header-only nocr_image_size() would say it without the message. */
    nocr_load_options probe = NOCR_LOAD_OPTIONS_INIT;
    probe.max_pixels = 1;
    nocr_image *img = NULL;
    int rc = nocr_image_load(&img, path, index, &probe);
    nocr_image_free(img);
    const char *msg = rc == NOCR_ELIMIT ? strstr(nocr_error_last(), "image is ") : NULL;
    long long w, h;
    if (!msg || sscanf(msg, "image is %lldx%lld pixels", &w, &h) != 2 || w <= 0 || h <= 0 ||
        w > LLONG_MAX / h)
        return -1;
    double mp = (double)w * (double)h / 1e6;
    *out = (long long)(mp * (double)BATCH_PAGE_BYTES_PER_MP);
    return 0;
}
