/*
 * corpus.c - the paragraphs of a text corpus (the .txt files of samples/text).
 *
 *   syn_corpus_load   read a corpus: one paragraph per non-empty line,
 *                     '#' comment lines skipped, "## " lines are headings
 *   syn_corpus_free   free it (no-op on NULL)
 *
 * Same format as the specs' "paras FILE FIRST COUNT" (spec.c), which reads a
 * range while parsing; random pages need the whole list to draw from.
 */
#include "synth.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int corpus_add(syn_corpus *c, const char *s, size_t len, int *cap)
{
    char *d;

    if (c->n == *cap) {
        int ncap = *cap ? *cap * 2 : 64;
        char **t = realloc(c->para, (size_t)ncap * sizeof(*t));
        if (!t)
            return SYN_ENOMEM;
        c->para = t;
        *cap = ncap;
    }
    d = malloc(len + 1);
    if (!d)
        return SYN_ENOMEM;
    memcpy(d, s, len);
    d[len] = '\0';
    c->para[c->n++] = d;
    return 0;
}

/* syn_corpus_load: *out gets the paragraphs (free with syn_corpus_free, also
 * on failure).  Errors: SYN_EIO (unreadable, or no paragraph), SYN_ENOMEM. */
int syn_corpus_load(syn_corpus *out, const char *path)
{
    FILE *fp = fopen(path, "rb");
    char *buf = malloc(SYN_MAX_LINE);
    int cap = 0, rc = 0;

    out->para = NULL;
    out->n = 0;
    if (!fp || !buf) {
        syn_error_set("cannot read corpus '%s': %s", path, fp ? "out of memory" : strerror(errno));
        rc = fp ? SYN_ENOMEM : SYN_EIO;
        goto cleanup;
    }
    while (fgets(buf, SYN_MAX_LINE, fp)) {
        size_t len = strlen(buf);
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r' || buf[len - 1] == ' '))
            buf[--len] = '\0';
        if (len == 0 || (buf[0] == '#' && strncmp(buf, "## ", 3)))
            continue;
        if ((rc = corpus_add(out, buf, len, &cap)))
            goto cleanup;
    }
    if (out->n == 0) {
        syn_error_set("corpus '%s' has no paragraphs", path);
        rc = SYN_EIO;
    }
cleanup:
    if (fp)
        fclose(fp);
    free(buf);
    return rc;
}

void syn_corpus_free(syn_corpus *c)
{
    int i;

    if (!c)
        return;
    for (i = 0; i < c->n; i++)
        free(c->para[i]);
    free(c->para);
    c->para = NULL;
    c->n = 0;
}
