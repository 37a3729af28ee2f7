/*
 * text.c - Chinese text hygiene: spacing and punctuation of recognised text.
 *
 *   nocr_text_is_cjk       is a code point CJK (table lookup)
 *   nocr_text_normalize    clean one recognised string for output
 *   nocr_text_join         join two pieces of one paragraph
 *
 * static helpers:
 *   utf8_decode, utf8_encode   strict UTF-8 (maximal-subpart U+FFFD replacement)
 *   nocr_utf8_decode, nocr_utf8_first, nocr_utf8_last, nocr_utf8_count   the same for
 *                              the other modules
 *   text_decode                string -> code point array, white space and controls folded
 *   text_convert               pass 1: ASCII punctuation -> full width, ellipses
 *   text_emit                  pass 2: spacing decisions and UTF-8 output
 *   cjkish_at, left_cjk, right_context, word_follows_cjk   neighbour tests
 *
 * Why: Tesseract's chi_sim output puts spaces between Han characters (tesseract issues
 * #991, #4433) and often gives ASCII punctuation inside Chinese sentences. Output of
 * newsocr has no space between two CJK characters, full-width punctuation in CJK context
 * and ordinary spacing between Latin words and numbers.
 *
 * Choices (each has a unit test in tests/unit/test_text.c):
 *
 *   White space and controls.  ASCII space, tab, VT, FF, NBSP, U+1680, U+2000-U+200A,
 *   U+202F, U+205F, U+3000 and all other control characters (C0 except LF/CR, DEL, C1)
 *   are white space. CR LF and lone CR become LF; U+2028/U+2029 become LF. Zero-width
 *   characters U+200B, U+2060 and U+FEFF (BOM) are removed. Newlines are kept (a string
 *   may hold several lines or paragraphs, blank lines included); white space around them
 *   and at both ends of the string is trimmed, and leading/trailing newlines of the whole
 *   string are removed.
 *
 *   Spacing.  A run of white space inside a line is removed when both neighbours are CJK,
 *   or when either neighbour is CJK punctuation (full-width or U+3000-U+303F, so spaces
 *   around converted punctuation go); otherwise it becomes one ASCII space. Spaces
 *   between a CJK character and a Latin letter or digit are kept ("使用 Tesseract 识别").
 *
 *   Ambiguous punctuation.  “ ” ‘ ’ … — ― · are shared by Latin and Chinese text, so
 *   nocr_text_is_cjk() says 0 for them; for spacing and punctuation they count as CJK
 *   when their nearest non-space neighbour on either side is CJK:
 *   "他说 “Hello” 然后" -> "他说“Hello”然后", but "Hello “world”" is unchanged.
 *
 *   Punctuation.  , ; : ! ? become ，；：！？ when the nearest non-space neighbour on
 *   the left is CJK, or the nearest character on the right that is neither white space
 *   nor ASCII punctuation is CJK ("好:;(中" converts as a whole), or when they end a Latin word or
 * number that follows CJK text
 *   ("我爱Python!" -> "我爱Python！"). Guards: a comma or colon between two digits stays
 *   (1,000  12:30), a colon before '/' stays (http://). A period becomes 。 when its left
 *   neighbour is CJK, or when it ends a number or Latin word that follows CJK and is
 *   followed by the line's end or CJK ("达到100." -> "达到100。"); it stays between
 *   digits (3.5), before a Latin letter or digit (e.g.), and after abbreviations
 *   (U.S.A.). '(' becomes （ next to CJK; ')' follows its matching '(' (so the pair is
 *   always converted or kept together), or, when unmatched, the neighbour rule.
 *   ASCII quotes " and ' are left alone (their direction is unknown).
 *
 *   Ellipsis.  A run of '.', '。' and '…' that is 3 or more long or holds a '…' becomes
 *   one "……" (exactly two U+2026) when it holds a '。' or stands in CJK context ("...",
 *   "。。。", "…", "……", "。。."); runs separated only by white space merge. ".." and
 *   Latin "..." or "…" are unchanged.
 *
 *   Normalising twice gives the same text as normalising once (the unit tests check it
 *   for every case); contrived chains of ambiguous marks and punctuation may still change
 *   on a second pass.
 *
 *   Vertical forms.  The presentation forms of vertical text (U+FE10-FE19, U+FE30-FE4F:
 *   ︐ ︒ ﹁ ﹂ ︵ ︶ ...) become the characters a reader searches for (， 。 「 」 （ ）).
 *
 *   Invalid UTF-8 becomes U+FFFD, one per maximal invalid subpart (Unicode 15, 3.9),
 *   which is not CJK.
 *
 * Both functions run in linear time: each neighbour scan crosses one white-space run or
 * one word, each run or word is crossed a bounded number of times, and the right context
 * of pass 1 is cached across runs of punctuation.
 */
#include "core/internal.h"

#include <stdint.h>
#include <string.h>

#define TEXT_ELLIPSIS  0x110000u /* working-array mark outside Unicode: "……" in output */
#define TEXT_REPLACE   0xFFFDu   /* U+FFFD, for invalid UTF-8 */
#define TEXT_PAREN_MAX 64        /* nesting depth of ( ) tracked for pairing */

/* ---------------------------------------------------------------------------------------
 * Character classes
 */

/* Inclusive ranges, sorted, of nocr_text_is_cjk. */
static const struct {
    uint32_t lo, hi;
} cjk_ranges[] = {
    {0x1100, 0x11FF},   /* Hangul Jamo */
    {0x2E80, 0x2FDF},   /* CJK Radicals Supplement, Kangxi Radicals */
    {0x2FF0, 0x2FFF},   /* Ideographic Description Characters */
    {0x3000, 0x303F},   /* CJK Symbols and Punctuation */
    {0x3040, 0x30FF},   /* Hiragana, Katakana */
    {0x3100, 0x312F},   /* Bopomofo */
    {0x3130, 0x318F},   /* Hangul Compatibility Jamo */
    {0x3190, 0x33FF},   /* Kanbun .. CJK Compatibility */
    {0x3400, 0x4DBF},   /* CJK Unified Ideographs Extension A */
    {0x4E00, 0x9FFF},   /* CJK Unified Ideographs */
    {0xA960, 0xA97F},   /* Hangul Jamo Extended-A */
    {0xAC00, 0xD7FF},   /* Hangul Syllables, Jamo Extended-B */
    {0xF900, 0xFAFF},   /* CJK Compatibility Ideographs */
    {0xFE10, 0xFE1F},   /* Vertical Forms */
    {0xFE30, 0xFE6F},   /* CJK Compatibility Forms, Small Form Variants */
    {0xFF00, 0xFFEF},   /* Halfwidth and Fullwidth Forms */
    {0x1B000, 0x1B16F}, /* Kana Supplement, Kana Extended-A, Small Kana */
    {0x1F200, 0x1F2FF}, /* Enclosed Ideographic Supplement */
    {0x20000, 0x3FFFF}, /* Planes 2 and 3: Extensions B-H, Compatibility Supplement */
};

/* Binary search of cjk_ranges. */
int nocr_text_is_cjk(unsigned int codepoint)
{
    size_t lo = 0, hi = sizeof(cjk_ranges) / sizeof(cjk_ranges[0]);

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (codepoint < cjk_ranges[mid].lo)
            hi = mid;
        else if (codepoint > cjk_ranges[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

/* CJK for the spacing rules: a CJK code point or a converted ellipsis. */
static int is_cjk(uint32_t c)
{
    return c == TEXT_ELLIPSIS || nocr_text_is_cjk(c);
}

/* Punctuation shared by Latin and Chinese text; CJK only next to CJK. */
static int is_ambiguous(uint32_t c)
{
    switch (c) {
    case 0x00B7: /* · middle dot (马克·吐温) */
    case 0x2014: /* — em dash (——) */
    case 0x2015: /* ― horizontal bar */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x2026: /* … */
        return 1;
    default:
        return 0;
    }
}

/* Full-width or CJK punctuation: white space on either side of it is removed. */
static int is_cjk_punct(uint32_t c)
{
    /* U+3005-3007, 3021-302F, 3031-303C are letters and numerals (々 〆 〇 〡 〻), not
     * punctuation. */
    return c == TEXT_ELLIPSIS || (c >= 0x3001 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) ||
           c == 0x3030 || (c >= 0x303D && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE1F) ||
           (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
           (c >= 0xFF5B && c <= 0xFF65);
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(uint32_t c)
{
    return is_digit(c) || is_alpha(c);
}

/* ---------------------------------------------------------------------------------------
 * UTF-8
 */

/* Decodes one code point at s (NUL-terminated) into *cp and returns the bytes used (>= 1).
 * Invalid input gives U+FFFD and consumes the maximal subpart of a valid sequence, as
 * Unicode recommends (one U+FFFD for a truncated "E4 B8", one per stray byte). Overlong
 * forms, surrogates and values above U+10FFFF are invalid. */
static size_t utf8_decode(uint32_t *cp, const unsigned char *s)
{
    unsigned char b = s[0];
    unsigned char lo = 0x80, hi = 0xBF;
    size_t need, i;
    uint32_t c;

    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        c = b & 0x0F;
        if (b == 0xE0)
            lo = 0xA0;
        else if (b == 0xED)
            hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        c = b & 0x07;
        if (b == 0xF0)
            lo = 0x90;
        else if (b == 0xF4)
            hi = 0x8F;
    } else {
        *cp = TEXT_REPLACE;
        return 1;
    }
    for (i = 1; i <= need; i++) {
        /* A NUL terminator fails the range test, so reading stops at the string's end. */
        if (s[i] < lo || s[i] > hi) {
            *cp = TEXT_REPLACE;
            return i;
        }
        c = (c << 6) | (s[i] & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = c;
    return need + 1;
}

size_t nocr_utf8_decode(unsigned *cp, const char *s)
{
    uint32_t c;
    size_t n = utf8_decode(&c, (const unsigned char *)s);
    *cp = c;
    return n;
}

unsigned nocr_utf8_first(const char *s)
{
    unsigned c = 0;
    if (*s)
        nocr_utf8_decode(&c, s);
    return c;
}

unsigned nocr_utf8_last(const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return 0;
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return nocr_utf8_first(s + i);
}

size_t nocr_utf8_count(const char *s)
{
    size_t n = 0;
    unsigned cp;
    while (*s) {
        s += nocr_utf8_decode(&cp, s);
        n++;
    }
    return n;
}

/* Writes c as UTF-8 at o (room for 4 bytes) and returns the bytes written. */
static size_t utf8_encode(char *o, uint32_t c)
{
    unsigned char *u = (unsigned char *)o;

    if (c < 0x80) {
        u[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        u[0] = (unsigned char)(0xC0 | (c >> 6));
        u[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        u[0] = (unsigned char)(0xE0 | (c >> 12));
        u[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    u[0] = (unsigned char)(0xF0 | (c >> 18));
    u[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    u[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    u[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* ---------------------------------------------------------------------------------------
 * nocr_text_normalize
 */

/* Decodes `in` into cps (room for strlen(in) entries) and returns the count. All white
 * space and control characters become ' ', all line breaks '\n'; zero-width characters
 * are dropped. */
/* Vertical presentation forms U+FE10-FE19 and U+FE30-FE4F, as OCR of vertical text gives
 * them, with the ordinary character a reader searches for (0: keep the code point, the
 * sesame dots have none). Brackets map to their full-width forms, which are what
 * horizontal Chinese text uses, not to the ASCII of Unicode's compatibility mapping. */
static const uint16_t vertical_fe10[10] = {
    0xFF0C, 0x3001, 0x3002, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0x3016, 0x3017, 0x2026,
};
static const uint16_t vertical_fe30[32] = {
    0x2025, 0x2014, 0x2013, 0x005F, 0x005F, 0xFF08, 0xFF09, 0xFF5B, 0xFF5D, 0x3014, 0x3015,
    0x3010, 0x3011, 0x300A, 0x300B, 0x3008, 0x3009, 0x300C, 0x300D, 0x300E, 0x300F, 0,
    0,      0xFF3B, 0xFF3D, 0x203E, 0x203E, 0x203E, 0x203E, 0x005F, 0x005F, 0x005F,
};

static uint32_t horizontal_form(uint32_t c)
{
    uint32_t h = 0;
    if (c >= 0xFE10 && c <= 0xFE19)
        h = vertical_fe10[c - 0xFE10];
    else if (c >= 0xFE30 && c <= 0xFE4F)
        h = vertical_fe30[c - 0xFE30];
    return h ? h : c;
}

static size_t text_decode(uint32_t *cps, const char *in)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t n = 0;

    while (*s) {
        uint32_t c;
        s += utf8_decode(&c, s);
        if (c == '\r') {
            if (*s == '\n')
                s++;
            c = '\n';
        } else if (c == 0x2028 || c == 0x2029) {
            c = '\n';
        } else if (c == 0x200B || c == 0x2060 || c == 0xFEFF) {
            continue;
        } else if ((c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0xA0) || c == 0x1680 ||
                   (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000) {
            c = ' ';
        } else {
            c = horizontal_form(c);
        }
        cps[n++] = c;
    }
    return n;
}

/* Index of the nearest non-space before `end` on the line starting at lo, or SIZE_MAX. */
static size_t prev_ns(const uint32_t *cps, size_t lo, size_t end)
{
    while (end > lo) {
        end--;
        if (cps[end] != ' ')
            return end;
    }
    return SIZE_MAX;
}

/* Index of the nearest non-space at or after `from` before the line's end, or SIZE_MAX. */
static size_t next_ns(const uint32_t *cps, size_t from, size_t n)
{
    for (; from < n && cps[from] != '\n'; from++) {
        if (cps[from] != ' ')
            return from;
    }
    return SIZE_MAX;
}

/* Whether cps[j] (SIZE_MAX: none) counts as CJK in the final text of the line from lo: a
 * CJK code point, or an ambiguous mark whose nearest non-space neighbour on either side
 * is CJK. */
static int cjkish_at(const uint32_t *cps, size_t lo, size_t j, size_t n)
{
    size_t k;

    if (j == SIZE_MAX)
        return 0;
    if (is_cjk(cps[j]))
        return 1;
    if (!is_ambiguous(cps[j]))
        return 0;
    k = prev_ns(cps, lo, j);
    if (k != SIZE_MAX && is_cjk(cps[k]))
        return 1;
    k = next_ns(cps, j + 1, n);
    return k != SIZE_MAX && is_cjk(cps[k]);
}

/* Whether the nearest non-space before `end` on the line from lo counts as CJK, looking
 * only leftwards (pass 1: what lies right of `end` is not final). */
static int left_cjk(const uint32_t *cps, size_t lo, size_t end)
{
    size_t j = prev_ns(cps, lo, end), k;

    if (j == SIZE_MAX)
        return 0;
    if (is_cjk(cps[j]))
        return 1;
    if (!is_ambiguous(cps[j]))
        return 0;
    k = prev_ns(cps, lo, j);
    return k != SIZE_MAX && is_cjk(cps[k]);
}

/* Whether the Latin word or number ending just before `end` (on the line from lo) follows
 * CJK text, e.g. "增长5.2%" or "我爱Python". The word is letters, digits and '%', with
 * '.', ',' or '-' inside between two letters/digits; a '.' between letters or after a
 * letter marks an abbreviation (U.S.A, xinhua.net), which is never a CJK sentence end. */
static int word_follows_cjk(const uint32_t *cps, size_t lo, size_t end)
{
    size_t j = end;

    if (j == lo || !(is_alnum(cps[j - 1]) || cps[j - 1] == '%'))
        return 0;
    while (j > lo) {
        uint32_t c = cps[j - 1];
        if (is_alnum(c) || c == '%') {
            j--;
            continue;
        }
        if (c == '.' && j - 1 > lo && is_alpha(cps[j - 2]))
            return 0;
        if ((c == '.' || c == ',' || c == '-') && j - 1 > lo && j < end && is_alnum(cps[j - 2]) &&
            is_alnum(cps[j])) {
            j--;
            continue;
        }
        break;
    }
    j = prev_ns(cps, lo, j);
    return j != SIZE_MAX && is_cjk(cps[j]);
}

/* The full-width form of ASCII punctuation c, or 0. */
static uint32_t full_width(uint32_t c)
{
    switch (c) {
    case ',':
        return 0xFF0C;
    case '.':
        return 0x3002;
    case ':':
        return 0xFF1A;
    case ';':
        return 0xFF1B;
    case '!':
        return 0xFF01;
    case '?':
        return 0xFF1F;
    case '(':
        return 0xFF08;
    case ')':
        return 0xFF09;
    default:
        return 0;
    }
}

/* State of pass 1. */
typedef struct convert_state {
    /* Pairing of parentheses: one flag per open '(', converted or not. depth may exceed
     * TEXT_PAREN_MAX; deeper levels are not recorded and use the neighbour rule. */
    unsigned char paren[TEXT_PAREN_MAX];
    size_t depth;
    /* Right context, cached: for every read position in [rfrom, rto], the nearest
     * character that is neither white space nor convertible ASCII punctuation is rnext
     * (SIZE_MAX: the line ends first), and rcjk says whether it counts as CJK. Skipping
     * punctuation lets ":;（中" convert as a whole, so that normalising twice changes
     * nothing; the cache keeps long runs of punctuation linear. */
    int rvalid;
    size_t rfrom, rto, rnext;
    int rcjk;
} convert_state;

/* Index of the first character at or after j that is neither white space nor convertible
 * ASCII punctuation, or of the line's end ('\n' or n). */
static size_t skip_punct(const uint32_t *cps, size_t j, size_t n)
{
    while (j < n && cps[j] != '\n' && (cps[j] == ' ' || full_width(cps[j]) != 0))
        j++;
    return j;
}

/* Fills st's right context for read position `from` (see convert_state). */
static void right_context(convert_state *st, const uint32_t *cps, size_t from, size_t n)
{
    size_t j, k;

    if (st->rvalid && from >= st->rfrom && from <= st->rto)
        return;
    j = skip_punct(cps, from, n);
    st->rvalid = 1;
    st->rfrom = from;
    st->rto = j;
    st->rnext = j < n && cps[j] != '\n' ? j : SIZE_MAX;
    st->rcjk = 0;
    if (st->rnext == SIZE_MAX)
        return;
    if (is_cjk(cps[j])) {
        st->rcjk = 1;
    } else if (is_ambiguous(cps[j])) {
        k = skip_punct(cps, j + 1, n);
        st->rcjk = k < n && is_cjk(cps[k]);
    }
}

/* Decides whether the ASCII punctuation c at read index i becomes full width. The written
 * (final) part of the current line is cps[lo..w); the unread part is cps[i+1..n). */
static int convert_punct(const uint32_t *cps, size_t lo, size_t w, size_t i, size_t n,
                         convert_state *st)
{
    uint32_t c = cps[i];
    uint32_t ladj = w > lo ? cps[w - 1] : 0;
    uint32_t radj = i + 1 < n ? cps[i + 1] : 0;
    size_t l = prev_ns(cps, lo, w);
    int lcjk = left_cjk(cps, lo, w);
    int rcjk;

    right_context(st, cps, i + 1, n);
    rcjk = st->rcjk;
    if (c == '(') {
        int conv = lcjk || rcjk;
        if (st->depth < TEXT_PAREN_MAX)
            st->paren[st->depth] = (unsigned char)conv;
        st->depth++;
        return conv;
    }
    if (c == ')') {
        if (st->depth > 0) {
            st->depth--;
            if (st->depth < TEXT_PAREN_MAX)
                return st->paren[st->depth];
        }
        return lcjk || rcjk;
    }
    if ((c == ',' || c == ':' || c == '.') && is_digit(ladj) && is_digit(radj))
        return 0; /* 1,000  12:30  3.5 */
    if (c == ':' && radj == '/')
        return 0; /* http:// */
    if (c == '.' && is_alnum(radj))
        return 0; /* e.g  file.txt */
    if (lcjk || (c != '.' && rcjk))
        return 1;
    /* The end of a Latin word or number inside a CJK sentence. */
    return l != SIZE_MAX && (st->rnext == SIZE_MAX || rcjk) && word_follows_cjk(cps, lo, l + 1);
}

/* Characters of a dot run: ASCII period, ideographic full stop, ellipsis. */
static int is_dot(uint32_t c)
{
    return c == '.' || c == 0x3002 || c == 0x2026;
}

/* Whether the last non-space written on the line is an ellipsis: "... ..." and "...…"
 * give one "……", so that normalising twice changes nothing. */
static int prev_is_ellipsis(const uint32_t *cps, size_t lo, size_t w)
{
    size_t j = prev_ns(cps, lo, w);
    return j != SIZE_MAX && cps[j] == TEXT_ELLIPSIS;
}

/* Handles the dot run starting at read index i (see "Ellipsis" at the top), writing at
 * *w, and returns its length; returns 0, writing nothing, for a lone '.' or '。' or for
 * "。。", which are converted character by character. */
static size_t convert_dots(uint32_t *cps, size_t lo, size_t *w, size_t i, size_t n,
                           convert_state *st)
{
    size_t run = 1;
    int has_ideo = cps[i] == 0x3002, has_ellipsis = cps[i] == 0x2026, conv;

    while (i + run < n && is_dot(cps[i + run])) {
        has_ideo |= cps[i + run] == 0x3002;
        has_ellipsis |= cps[i + run] == 0x2026;
        run++;
    }
    if (!has_ellipsis && (run == 1 || (run == 2 && has_ideo)))
        return 0;
    conv = has_ideo;
    if (run >= 3 || has_ellipsis) {
        right_context(st, cps, i + run, n);
        conv = conv || left_cjk(cps, lo, *w) || st->rcjk;
    }
    if (!conv) {
        /* Copied as is: "..", Latin "...". *w <= i, so this is a safe forward move. */
        for (size_t k = i; k < i + run; k++)
            cps[(*w)++] = cps[k];
    } else if (!prev_is_ellipsis(cps, lo, *w)) {
        cps[(*w)++] = TEXT_ELLIPSIS;
    }
    return run;
}

/* Pass 1, in place: converts punctuation and ellipses, writing at w <= i, and returns
 * the new count. Left neighbours are read from the written (final) part, right
 * neighbours from the unread part. */
static size_t text_convert(uint32_t *cps, size_t n)
{
    convert_state st = {{0}, 0, 0, 0, 0, 0, 0};
    size_t i = 0, w = 0, lo = 0;

    while (i < n) {
        uint32_t c = cps[i];

        if (c == '\n') {
            cps[w++] = c;
            lo = w;
            i++;
            continue;
        }
        if (is_dot(c)) {
            size_t run = convert_dots(cps, lo, &w, i, n, &st);
            if (run > 0) {
                i += run;
                continue;
            }
        }
        if (full_width(c) != 0) {
            if (convert_punct(cps, lo, w, i, n, &st))
                c = full_width(c);
        } else if (c == 0xFF08) {
            /* A full-width '(' pairs with an ASCII ')': "（中国)" -> "（中国）". */
            if (st.depth < TEXT_PAREN_MAX)
                st.paren[st.depth] = 1;
            st.depth++;
        } else if (c == 0xFF09 && st.depth > 0) {
            st.depth--;
        }
        cps[w++] = c;
        i++;
    }
    return w;
}

/* Pass 2: writes cps[0..n) as UTF-8 to o, deciding each white-space run, and returns the
 * bytes written (no NUL). */
static size_t text_emit(char *o, const uint32_t *cps, size_t n)
{
    size_t len = 0, lo = 0, i = 0;

    while (i < n) {
        uint32_t c = cps[i];

        if (c == '\n') {
            /* A space is only written before a non-space, so none ends the line. */
            if (len > 0)
                o[len++] = '\n';
            lo = ++i;
            continue;
        }
        if (c == ' ') {
            size_t k = i;
            while (k < n && cps[k] == ' ')
                k++;
            if (i > lo && k < n && cps[k] != '\n') {
                uint32_t lc = cps[i - 1], rc = cps[k];
                int drop = is_cjk_punct(lc) || is_cjk_punct(rc) ||
                           (cjkish_at(cps, lo, i - 1, n) && cjkish_at(cps, lo, k, n));
                if (!drop)
                    o[len++] = ' ';
            }
            i = k;
            continue;
        }
        if (c == TEXT_ELLIPSIS) {
            len += utf8_encode(o + len, 0x2026);
            len += utf8_encode(o + len, 0x2026);
        } else {
            len += utf8_encode(o + len, c);
        }
        i++;
    }
    while (len > 0 && o[len - 1] == '\n')
        len--;
    return len;
}

/* Two passes over the decoded string (see the top of this file): convert punctuation,
 * then decide white space. Output is at most 3 bytes per input byte (an ASCII comma
 * becomes a 3-byte "，", an invalid byte a 3-byte U+FFFD, "..." 6 bytes), so one buffer of
 * 3 * strlen(in) + 1 bytes is allocated and shrunk at the end. */
int nocr_text_normalize(char **out, const char *in)
{
    uint32_t *cps = NULL;
    char *o = NULL, *shrunk;
    size_t len, n;
    int err = NOCR_OK;

    if (out == NULL)
        return nocr_error_set(NOCR_EINVAL, "nocr_text_normalize: out is NULL");
    *out = NULL;
    if (in == NULL)
        return nocr_error_set(NOCR_EINVAL, "nocr_text_normalize: input text is NULL");

    len = strlen(in);
    if (len > (SIZE_MAX - 1) / 3 || len > SIZE_MAX / sizeof(uint32_t)) {
        err = nocr_error_set(NOCR_ENOMEM, "text of %zu bytes is too long", len);
        goto cleanup;
    }
    o = malloc(3 * len + 1);
    cps = malloc((len > 0 ? len : 1) * sizeof(uint32_t));
    if (o == NULL || cps == NULL) {
        err = nocr_error_set(NOCR_ENOMEM, "out of memory normalising %zu bytes of text", len);
        goto cleanup;
    }
    n = text_decode(cps, in);
    n = text_convert(cps, n);
    len = text_emit(o, cps, n);
    o[len] = '\0';
    shrunk = realloc(o, len + 1);
    *out = shrunk != NULL ? shrunk : o;
    o = NULL;

cleanup:
    free(cps);
    free(o);
    return err;
}

/* ---------------------------------------------------------------------------------------
 * nocr_text_join
 */

static int is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Length of s without trailing white space (ASCII, NBSP, U+3000). */
static size_t rtrim_len(const char *s, size_t len)
{
    for (;;) {
        if (len >= 1 && is_ascii_space(s[len - 1]))
            len -= 1;
        else if (len >= 2 && memcmp(s + len - 2, "\xC2\xA0", 2) == 0)
            len -= 2;
        else if (len >= 3 && memcmp(s + len - 3, "\xE3\x80\x80", 3) == 0)
            len -= 3;
        else
            return len;
    }
}

/* Number of leading white-space bytes of s (ASCII, NBSP, U+3000). */
static size_t ltrim_skip(const char *s)
{
    size_t k = 0;

    for (;;) {
        if (is_ascii_space(s[k]))
            k += 1;
        else if (strncmp(s + k, "\xC2\xA0", 2) == 0)
            k += 2;
        else if (strncmp(s + k, "\xE3\x80\x80", 3) == 0)
            k += 3;
        else
            return k;
    }
}

/* The code point ending just before s[len] (len > 0) and its start; U+FFFD if invalid. */
static uint32_t last_cp(const char *s, size_t len, size_t *start)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t k = len - 1;
    uint32_t c;

    while (k > 0 && len - k < 4 && (u[k] & 0xC0) == 0x80)
        k--;
    /* Decoding may read past len only into s's own bytes up to its NUL; a sequence that
     * does not end exactly at len is not this string's last character. */
    if (utf8_decode(&c, u + k) != len - k) {
        k = len - 1;
        c = TEXT_REPLACE;
    }
    *start = k;
    return c;
}

/* Whether the character at the join (c, with its neighbour d further from the join) is
 * CJK: a CJK code point, or an ambiguous mark (“ ” …) whose neighbour is CJK. */
static int join_side_cjk(uint32_t c, uint32_t d)
{
    return is_cjk(c) || (is_ambiguous(c) && is_cjk(d));
}

/* The separator for joining a[0..*alen) and b (both non-empty, white space at the join
 * already trimmed), decided from the last character of a and the first of b:
 *   - either side CJK (or “ ” … next to CJK): nothing       "主动报" + "名成为"
 *   - a ends with a soft hyphen U+00AD: it is removed, nothing
 *   - a ends with letter + '-' and b starts with a lower-case letter: the hyphen is
 *     removed, nothing                                        "inter-" + "national"
 *   - a ends with any other '-': kept, nothing      "COVID-" + "19", "Jean-" + "Paul"
 *   - b starts with , . ; : ! ? ) ] } % or a ends with ( [ {: nothing
 *   - otherwise one space                                     "hello" + "world"
 * A removed hyphen is taken off *alen. */
static const char *join_separator(const char *a, size_t *alen, const char *b)
{
    size_t astart, bused;
    uint32_t ac, bc, ad = 0, bd = 0;

    ac = last_cp(a, *alen, &astart);
    if (astart > 0)
        ad = last_cp(a, astart, &astart);
    bused = utf8_decode(&bc, (const unsigned char *)b);
    if (b[bused] != '\0')
        utf8_decode(&bd, (const unsigned char *)b + bused);

    if (join_side_cjk(ac, ad) || join_side_cjk(bc, bd))
        return "";
    if (ac == 0xAD) {
        *alen -= 2;
        return "";
    }
    if (ac == '-') {
        if (is_alpha(ad) && bc >= 'a' && bc <= 'z')
            *alen -= 1;
        return "";
    }
    if (bc < 0x80 && strchr(",.;:!?)]}%", (int)bc) != NULL)
        return "";
    if (ac == '(' || ac == '[' || ac == '{')
        return "";
    return " ";
}

/* Joins a and b with the separator of join_separator(), white space trimmed at the join
 * only (end of a, start of b). An empty side gives the other side alone. Bytes are copied
 * unchanged, invalid UTF-8 included: run nocr_text_normalize for hygiene. */
int nocr_text_join(char **out, const char *a, const char *b)
{
    size_t alen, blen, seplen;
    const char *sep = "";
    char *o;

    if (out == NULL)
        return nocr_error_set(NOCR_EINVAL, "nocr_text_join: out is NULL");
    *out = NULL;
    if (a == NULL || b == NULL)
        return nocr_error_set(NOCR_EINVAL, "nocr_text_join: input text is NULL");

    alen = rtrim_len(a, strlen(a));
    b += ltrim_skip(b);
    blen = strlen(b);
    if (alen > 0 && blen > 0)
        sep = join_separator(a, &alen, b);
    seplen = strlen(sep);
    if (alen > SIZE_MAX - blen - 2)
        return nocr_error_set(NOCR_ENOMEM, "text of %zu bytes is too long", alen);
    o = malloc(alen + seplen + blen + 1);
    if (o == NULL)
        return nocr_error_set(NOCR_ENOMEM, "out of memory joining %zu bytes of text", alen);
    memcpy(o, a, alen);
    memcpy(o + alen, sep, seplen);
    memcpy(o + alen + seplen, b, blen);
    o[alen + seplen + blen] = '\0';
    *out = o;
    return NOCR_OK;
}
