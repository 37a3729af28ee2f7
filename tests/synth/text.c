/*
 * text.c - UTF-8 helpers and CJK line breaking.
 *
 *   syn_utf8_next        decode one code point
 *   syn_utf8_put         encode one code point
 *   syn_text_is_cjk      ideograph, kana or full-width form
 *   syn_text_is_alnum    Latin letter or digit (ASCII or full-width)
 *   syn_text_no_start    closing punctuation that may not start a line
 *   syn_text_no_end      opening punctuation that may not end a line
 *   syn_text_break       greedy line breaking with kinsoku rules
 *   syn_text_break_n     the same, the first nind lines shortened (drop caps)
 *   syn_text_justify     spread the slack of a line over its gaps
 */
#include "synth.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

long syn_utf8_next(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    long cp;
    int n, i;

    if (p[0] < 0x80) {
        cp = p[0];
        n = 1;
    } else if ((p[0] & 0xe0) == 0xc0) {
        cp = p[0] & 0x1f;
        n = 2;
    } else if ((p[0] & 0xf0) == 0xe0) {
        cp = p[0] & 0x0f;
        n = 3;
    } else if ((p[0] & 0xf8) == 0xf0) {
        cp = p[0] & 0x07;
        n = 4;
    } else {
        return -1;
    }
    for (i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return -1;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    *s += n;
    return cp;
}

int syn_utf8_put(char *buf, long cp)
{
    if (cp < 0x80) {
        buf[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        buf[0] = (char)(0xc0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        buf[0] = (char)(0xe0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        buf[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    buf[0] = (char)(0xf0 | (cp >> 18));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    buf[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

int syn_text_is_cjk(long cp)
{
    return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) ||
           (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff) || cp == 0x201c ||
           cp == 0x201d || cp == 0x2018 || cp == 0x2019 || cp == 0x2014 || cp == 0x2026 ||
           cp == 0x00b7;
}

int syn_text_is_alnum(long cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) ||
           (cp >= 0xff41 && cp <= 0xff5a);
}

/* Latin characters that glue to their neighbours: no break inside "v1.2", "a-b". */
static int is_word_char(long cp)
{
    return syn_text_is_alnum(cp) || cp == '.' || cp == '-' || cp == '_' || cp == '/' ||
           cp == '%' || cp == '\'' || cp == ',' || cp == ':' || cp == ')' || cp == '(';
}

int syn_text_no_start(long cp)
{
    static const long set[] = {0xff0c, 0x3002, 0x3001, 0xff1b, 0xff1a, 0xff1f, 0xff01, 0xff09,
                               0x300b, 0x300d, 0x300f, 0x201d, 0x2019, 0x2026, 0x3011, 0x3009,
                               0xff0e, 0x00b7, 0x30fc, 0xff05, ',',    '.',    ';',    ':',
                               '!',    '?',    ')',    ']',    '%',    0x2014};
    size_t i;

    for (i = 0; i < sizeof(set) / sizeof(set[0]); i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

int syn_text_no_end(long cp)
{
    static const long set[] = {0xff08, 0x300a, 0x300c, 0x300e, 0x201c,
                               0x2018, 0x3010, 0x3008, '(',    '['};
    size_t i;

    for (i = 0; i < sizeof(set) / sizeof(set[0]); i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

/*
 * may a line break fall between cp[b-1] and cp[b]?  Spaces around the break
 * are dropped, so the rules look through them: the first printed character
 * of the next line must not be closing punctuation, the last printed one of
 * this line not opening punctuation.
 */
static int can_break(const long *cp, int n, int b)
{
    long a = cp[b - 1], c = cp[b];
    int j = b - 1, k = b;

    while (j > 0 && cp[j] == ' ')
        j--;
    while (k < n - 1 && cp[k] == ' ')
        k++;
    if (syn_text_no_end(cp[j]) || syn_text_no_start(cp[k]))
        return 0;
    if (c == ' ' || a == ' ')
        return 1;
    if (is_word_char(a) && is_word_char(c))
        return 0;
    if (a == c && (a == 0x2014 || a == 0x2026))
        return 0;
    return 1;
}

/*
 * syn_text_break: break n glyphs (code points cp[], advances adv[] in 1/64 px)
 * into lines of width width64; the first line is shortened by indent64.
 * Greedy: fill a line, then move the break back until it is allowed
 * (no closing punctuation at a line start, no opening one at a line end,
 * no break inside a Latin word or a dash/ellipsis pair); a run that cannot
 * be broken is cut where it overflows, with closing marks hanging.  Spaces
 * at line ends are dropped.  *out (caller frees with free()) holds the
 * [start, end) pairs.
 * Returns 0 or SYN_ENOMEM.
 */
int syn_text_break(syn_brk **out, int *nout, const long *cp, const long *adv, int n, long width64,
                   long indent64)
{
    return syn_text_break_n(out, nout, cp, adv, n, width64, indent64, 1);
}

/* syn_text_break_n: syn_text_break with the first nind lines (not only the
 * first) shortened by indent64, for a paragraph beside a drop capital. */
int syn_text_break_n(syn_brk **out, int *nout, const long *cp, const long *adv, int n,
                     long width64, long indent64, int nind)
{
    syn_brk *v = NULL;
    int nv = 0, cap = 0, s = 0;

    *out = NULL;
    *nout = 0;
    while (s < n && cp[s] == ' ')
        s++;
    while (s < n) {
        long avail = width64 - (nv < nind ? indent64 : 0), w = 0;
        int e = s, b, end;

        while (e < n && w + adv[e] <= avail)
            w += adv[e++];
        if (e >= n) {
            b = n;
        } else {
            if (e == s)
                e = s + 1;
            for (b = e; b > s + 1; b--)
                if (can_break(cp, n, b))
                    break;
            if (b == s + 1 && !can_break(cp, n, b)) {
                /* unbreakable run: cut where it overflows, letting up to two
                 * closing marks hang into the margin rather than start a line */
                b = e;
                while (b < n && b < e + 2 && syn_text_no_start(cp[b]))
                    b++;
            }
            if (b <= s)
                b = s + 1;
        }
        end = b;
        while (end > s && cp[end - 1] == ' ')
            end--;
        if (nv == cap) {
            syn_brk *t;
            cap = cap ? cap * 2 : 16;
            t = realloc(v, (size_t)cap * sizeof(*v));
            if (!t) {
                free(v);
                return SYN_ENOMEM;
            }
            v = t;
        }
        v[nv].start = s;
        v[nv].end = end;
        v[nv].last = (b >= n);
        nv++;
        s = b;
        while (s < n && cp[s] == ' ')
            s++;
    }
    *out = v;
    *nout = nv;
    return 0;
}

/*
 * syn_text_justify: positions (1/64 px, relative to the line start) of the
 * glyphs [s, e) so that the line fills width64 exactly.  Slack goes to the
 * gaps that are not inside a Latin word, spread evenly, remainder to the
 * first gaps.  A line with more than 1.5 em of slack per gap stays ragged.
 */
void syn_text_justify(long *pos, const long *cp, const long *adv, int s, int e, long width64,
                      int justify)
{
    long w = 0, slack, per = 0, rem = 0;
    int i, gaps = 0, k = 0;

    for (i = s; i < e; i++) {
        w += adv[i];
        if (i > s && !(is_word_char(cp[i - 1]) && is_word_char(cp[i])))
            gaps++;
    }
    slack = width64 - w;
    if (justify && gaps > 0 && slack > 0) {
        per = slack / gaps;
        rem = slack % gaps;
    }
    w = 0;
    for (i = s; i < e; i++) {
        if (i > s && !(is_word_char(cp[i - 1]) && is_word_char(cp[i]))) {
            w += per + (k < rem ? 1 : 0);
            k++;
        }
        pos[i - s] = w;
        w += adv[i];
    }
}
