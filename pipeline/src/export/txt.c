/*
 * txt.c - the page as plain text in reading order.
 *
 *   nocr_export_txt
 *
 * static helpers: sb_append, flush, region_append_paragraphs
 *
 * Regions are taken in the order every export writes them (nocr_export_sequence: the
 * reading order the reconstructor set). Inside a region, the lines of one paragraph are
 * joined with nocr_text_join (no break between CJK characters, a space between Latin words,
 * hyphenated words rejoined; paragraph.c, shared with the other exports) and each paragraph
 * is one output line. A blank line separates articles. Regions without text (figures,
 * separators, regions without lines) and regions with no reading order are left out.
 */
#include "export/export.h"

#include <string.h>

typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;

static int sb_append(strbuf *sb, const char *s, size_t n)
{
    if (sb->len + n + 1 > sb->cap) {
        size_t cap = sb->cap ? sb->cap : 1024;
        while (cap < sb->len + n + 1)
            cap *= 2;
        char *p = realloc(sb->s, cap);
        if (!p)
            return nocr_error_set(NOCR_ENOMEM, "out of memory");
        sb->s = p;
        sb->cap = cap;
    }
    memcpy(sb->s + sb->len, s, n);
    sb->len += n;
    sb->s[sb->len] = '\0';
    return NOCR_OK;
}

/* Writes the open paragraph, if any, as one line. */
static int flush(strbuf *sb, char **pending)
{
    int rc = NOCR_OK;
    if (*pending && **pending && !(rc = sb_append(sb, *pending, strlen(*pending))))
        rc = sb_append(sb, "\n", 1);
    free(*pending);
    *pending = NULL;
    return rc;
}

/* Appends the region's paragraphs (nocr_paragraph_text), one line each; empty ones are
 * left out. The last one stays open in *pending: the next region may continue it (a
 * paragraph running on into the next column or past a photo, nocr_region_continues). */
static int region_append_paragraphs(strbuf *sb, const nocr_region *region, char **pending)
{
    int rc = NOCR_OK;
    for (size_t i = 0, end; i < nocr_region_line_count(region) && !rc; i = end) {
        end = nocr_paragraph_end(region, i);
        char *para = NULL;
        if ((rc = nocr_paragraph_text(&para, region, i, end)))
            break;
        if (i == 0 && nocr_region_continues(region) && *pending) {
            char *joined = NULL;
            rc = nocr_text_join(&joined, *pending, para);
            free(para);
            free(*pending);
            *pending = joined;
            continue;
        }
        if (!(rc = flush(sb, pending)))
            *pending = para;
        else
            free(para);
    }
    return rc;
}

int nocr_export_txt(char **out, const nocr_page *page)
{
    if (!out || !page)
        return nocr_error_set(NOCR_EINVAL, "nocr_export_txt: NULL argument");
    *out = NULL;
    size_t *seq;
    int rc = nocr_export_sequence(&seq, page);
    if (rc)
        return rc;
    strbuf sb = {NULL, 0, 0};
    char *pending = NULL;
    rc = sb_append(&sb, "", 0);
    int prev_article = -2;
    for (size_t s = 0; s < nocr_export_ordered_count(page, seq) && !rc; s++) {
        const nocr_region *region = nocr_page_region(page, seq[s]);
        int article = nocr_region_article(region);
        if (nocr_region_line_count(region) == 0)
            continue;
        if (prev_article != -2 && article != prev_article) {
            if (!(rc = flush(&sb, &pending)))
                rc = sb_append(&sb, "\n", 1);
        }
        prev_article = article;
        if (!rc)
            rc = region_append_paragraphs(&sb, region, &pending);
    }
    if (!rc)
        rc = flush(&sb, &pending);
    free(pending);
    free(seq);
    if (rc) {
        free(sb.s);
        return rc;
    }
    *out = sb.s;
    return NOCR_OK;
}
