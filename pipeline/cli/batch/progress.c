/*
 * progress.c - what newsocr batch says on stderr while it runs and when it ends.
 *
 *   batch_progress_clear, batch_progress_draw, batch_print_summary
 *
 * On a terminal one line redrawn in place; off a terminal (a log file) a line every
 * BATCH_LOG_INTERVAL seconds or every tenth of the batch. The rate counts pages done: a run
 * that only met failures has no rate (their time says nothing of the OCR's speed).
 */
#define _POSIX_C_SOURCE 200809L
#include "batch.h"

#include <stdio.h>

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

/* ", R pages/min" for `done` pages in `elapsed` seconds; "" when none was done. */
static void fmt_rate(char *out, size_t n, size_t done, double elapsed)
{
    if (done > 0 && elapsed > 0)
        snprintf(out, n, ", %.1f pages/min", (double)done / elapsed * 60);
    else
        snprintf(out, n, "%s", "");
}

void batch_progress_clear(batch *b)
{
    if (b->tty && b->line_drawn) {
        fputs("\r\033[K", stderr);
        b->line_drawn = 0;
    }
}

static void progress_text(const batch *b, char *out, size_t n)
{
    double elapsed = cli_now() - b->t_start;
    size_t finished = b->done + b->failed + b->by_peer;
    char rate[48], eta[32] = "?";
    fmt_rate(rate, sizeof(rate), b->done, elapsed);
    if (finished > 0 && elapsed > 0)
        fmt_duration(eta, sizeof(eta), (double)(b->ntodo - finished) * elapsed / (double)finished);
    snprintf(out, n, "%zu/%zu pages, %zu failed%s, ETA %s%s", finished + b->skipped, b->npages,
             b->failed, rate, eta,
             b->stopping && !b->fatal ? ", stopping (Ctrl-C again to abandon)" : "");
}

void batch_progress_draw(batch *b, int force_log)
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
    size_t finished = b->done + b->failed + b->by_peer;
    size_t step = b->ntodo / 10 ? b->ntodo / 10 : 1;
    if ((force_log && finished != b->last_log_done) || t - b->last_log >= BATCH_LOG_INTERVAL ||
        finished >= b->last_log_done + step) {
        fprintf(stderr, "newsocr: progress: %s\n", text);
        b->last_log = t;
        b->last_log_done = finished;
    }
}

void batch_print_summary(const batch *b, const char *state)
{
    if (b->opt.cli.quiet)
        return;
    double elapsed = b->t_start > 0 ? cli_now() - b->t_start : 0;
    size_t ran = b->done + b->failed + b->by_peer;
    char dur[32], rate[48], peer[64] = "";
    fmt_duration(dur, sizeof(dur), elapsed);
    fmt_rate(rate, sizeof(rate), b->done, elapsed);
    if (b->by_peer)
        snprintf(peer, sizeof(peer), ", %zu by another run", b->by_peer);
    fprintf(stderr,
            "newsocr: batch %s: %zu pages: %zu done, %zu failed, %zu skipped (done before%s), "
            "%zu not done; %s%s; report %s\n",
            state, b->npages, b->done, b->failed, b->skipped + b->by_peer, peer, b->ntodo - ran,
            dur, rate, b->report_path);
    if (b->ntodo - ran > 0 || b->failed > 0)
        fprintf(stderr, "newsocr: run the same command again to %s\n",
                b->ntodo - ran > 0 ? "finish the batch" : "retry the failed pages");
}
