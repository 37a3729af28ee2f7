/*
 * pdf_font.c - the glyph-less font of the PDF text layer and the tables that map its CIDs.
 *
 *   nocr_pdf_cids_add, nocr_pdf_cids_free, nocr_pdf_char_width, nocr_pdf_font_program,
 *   nocr_pdf_font_widths, nocr_pdf_font_cidtogid, nocr_pdf_font_tounicode,
 *   nocr_pdf_buf_printf, nocr_pdf_buf_num
 *
 * static helpers: put16, put32, table_checksum, build_head, build_hhea, build_maxp,
 *                 build_hmtx, build_cmap, build_name, build_os2, build_post, build_loca,
 *                 build_glyf, cids_rehash, cid_hash, sbuf_done
 *
 * The text of a searchable PDF is drawn invisibly (text render mode 3) over the scan, so its
 * font needs no outlines, only advance widths: the font program below is a valid TrueType
 * font (OpenType spec, "TrueType outlines" tables) of three empty glyphs, written here byte
 * by byte rather than shipped as a binary file. Embedding it, rather than naming a system
 * font, keeps the PDF self-contained (PDF/A requires embedded fonts) and lets any viewer
 * load it. See pdf.h for how CIDs, glyphs and characters are tied together.
 */
#include "export/pdf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- CIDs ---- */

static size_t cid_hash(unsigned cp, size_t nslots)
{
    return (size_t)(cp * 2654435761u) & (nslots - 1);
}

static int cids_rehash(nocr_pdf_cids *c, size_t nslots)
{
    unsigned *slots = calloc(nslots, sizeof(*slots));
    if (!slots)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->n; i++) {
        size_t h = cid_hash(c->cp[i], nslots);
        while (slots[h])
            h = (h + 1) & (nslots - 1);
        slots[h] = (unsigned)(i + 1);
    }
    free(c->slots);
    c->slots = slots;
    c->nslots = nslots;
    return NOCR_OK;
}

int nocr_pdf_cids_add(unsigned *out, nocr_pdf_cids *c, unsigned cp)
{
    int rc;
    if (c->nslots) {
        for (size_t h = cid_hash(cp, c->nslots); c->slots[h]; h = (h + 1) & (c->nslots - 1)) {
            if (c->cp[c->slots[h] - 1] == cp) {
                *out = c->slots[h];
                return NOCR_OK;
            }
        }
    }
    if (c->n + 1 >= NOCR_PDF_MAX_CIDS)
        return nocr_error_set(NOCR_ELIMIT, "PDF text layer: more than %d distinct characters",
                              NOCR_PDF_MAX_CIDS - 1);
    if ((rc = NOCR_ARRAY_GROW(c->cp, c->cap, c->n + 1)))
        return rc;
    /* Keep the table at most half full. */
    if (2 * (c->n + 1) > c->nslots && (rc = cids_rehash(c, c->nslots ? 2 * c->nslots : 256)))
        return rc;
    c->cp[c->n++] = cp;
    size_t h = cid_hash(cp, c->nslots);
    while (c->slots[h])
        h = (h + 1) & (c->nslots - 1);
    c->slots[h] = (unsigned)c->n;
    *out = (unsigned)c->n;
    return NOCR_OK;
}

void nocr_pdf_cids_free(nocr_pdf_cids *c)
{
    if (!c)
        return;
    free(c->cp);
    free(c->slots);
    memset(c, 0, sizeof(*c));
}

int nocr_pdf_char_width(unsigned cp)
{
    return nocr_text_is_cjk(cp) ? NOCR_PDF_FULL_WIDTH : NOCR_PDF_HALF_WIDTH;
}

/* ---- the TrueType font program ---- */

#define FONT_GLYPHS 3 /* .notdef, half width, full width */
#define FONT_UPEM   1000

static unsigned char *put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 8);
    p[1] = (unsigned char)v;
    return p + 2;
}

static unsigned char *put32(unsigned char *p, unsigned long v)
{
    p = put16(p, (unsigned)(v >> 16) & 0xffff);
    return put16(p, (unsigned)v & 0xffff);
}

static unsigned long table_checksum(const unsigned char *p, size_t n)
{
    unsigned long sum = 0;
    for (size_t i = 0; i < n; i += 4) {
        unsigned long w = 0;
        for (size_t k = 0; k < 4; k++)
            w = (w << 8) | (i + k < n ? p[i + k] : 0);
        sum = (sum + w) & 0xffffffffUL;
    }
    return sum;
}

/* Each builder writes its table at p (zeroed, large enough) and returns its length. */
static size_t build_head(unsigned char *p)
{
    unsigned char *q = put32(p, 0x00010000); /* version */
    q = put32(q, 0x00010000);                /* fontRevision */
    q = put32(q, 0);                         /* checkSumAdjustment, set last */
    q = put32(q, 0x5F0F3CF5);                /* magicNumber */
    q = put16(q, 0x000B); /* flags: baseline and left sidebearing at 0, integer ppem */
    q = put16(q, FONT_UPEM);
    /* created, modified: a fixed date (2026-01-01, seconds since 1904), for reproducible
     * output */
    q = put32(put32(q, 0), 0xE57B6980UL);
    q = put32(put32(q, 0), 0xE57B6980UL);
    q = put16(q, 0);         /* xMin */
    q = put16(q, 0);         /* yMin */
    q = put16(q, FONT_UPEM); /* xMax */
    q = put16(q, FONT_UPEM); /* yMax */
    q = put16(q, 0);         /* macStyle */
    q = put16(q, 3);         /* lowestRecPPEM */
    q = put16(q, 2);         /* fontDirectionHint */
    q = put16(q, 0);         /* indexToLocFormat: short offsets */
    q = put16(q, 0);         /* glyphDataFormat */
    return (size_t)(q - p);  /* 54 */
}

static size_t build_hhea(unsigned char *p)
{
    unsigned char *q = put32(p, 0x00010000);
    q = put16(q, FONT_UPEM);           /* ascender */
    q = put16(q, 0);                   /* descender */
    q = put16(q, 0);                   /* lineGap */
    q = put16(q, NOCR_PDF_FULL_WIDTH); /* advanceWidthMax */
    q += 6;                            /* minLeftSideBearing, minRightSideBearing, xMaxExtent */
    q = put16(q, 1);                   /* caretSlopeRise */
    q += 2 + 2 + 8 + 2;                /* caretSlopeRun, caretOffset, reserved, format */
    q = put16(q, FONT_GLYPHS);         /* numberOfHMetrics */
    return (size_t)(q - p);            /* 36 */
}

static size_t build_maxp(unsigned char *p)
{
    unsigned char *q = put32(p, 0x00010000);
    q = put16(q, FONT_GLYPHS);
    q += 8;                 /* maxPoints, maxContours, maxCompositePoints, maxCompositeContours */
    q = put16(q, 1);        /* maxZones: no twilight zone */
    q += 16;                /* the remaining maxima: no instructions, no components */
    return (size_t)(q - p); /* 32 */
}

static size_t build_hmtx(unsigned char *p)
{
    unsigned char *q = put32(p, (unsigned long)NOCR_PDF_HALF_WIDTH << 16); /* .notdef */
    q = put32(q, (unsigned long)NOCR_PDF_HALF_WIDTH << 16);
    q = put32(q, (unsigned long)NOCR_PDF_FULL_WIDTH << 16);
    return (size_t)(q - p);
}

/* A format 4 subtable (Windows, Unicode BMP) mapping no character: the font is reached
 * through CIDToGIDMap only, but tools expect a cmap. */
static size_t build_cmap(unsigned char *p)
{
    unsigned char *q = put16(p, 0);
    q = put16(q, 1);
    q = put16(q, 3); /* platform: Windows */
    q = put16(q, 1); /* encoding: Unicode BMP */
    q = put32(q, 12);
    q = put16(q, 4);        /* format */
    q = put16(q, 24);       /* length */
    q = put16(q, 0);        /* language */
    q = put16(q, 2);        /* segCountX2: the closing 0xFFFF segment alone */
    q = put16(q, 2);        /* searchRange */
    q = put16(q, 0);        /* entrySelector */
    q = put16(q, 0);        /* rangeShift */
    q = put16(q, 0xFFFF);   /* endCode */
    q = put16(q, 0);        /* reservedPad */
    q = put16(q, 0xFFFF);   /* startCode */
    q = put16(q, 1);        /* idDelta */
    q = put16(q, 0);        /* idRangeOffset */
    return (size_t)(q - p); /* 36 */
}

static size_t build_name(unsigned char *p)
{
    static const struct {
        unsigned id;
        const char *s;
    } names[] = {{1, NOCR_PDF_FONT_NAME}, {2, "Regular"},     {3, "newsocr: " NOCR_PDF_FONT_NAME},
                 {4, NOCR_PDF_FONT_NAME}, {5, "Version 1.0"}, {6, NOCR_PDF_FONT_NAME}};
    size_t count = sizeof(names) / sizeof(names[0]), at = 0;
    unsigned char *q = put16(p, 0);
    q = put16(q, (unsigned)count);
    q = put16(q, (unsigned)(6 + 12 * count));
    unsigned char *str = p + 6 + 12 * count;
    for (size_t i = 0; i < count; i++) {
        size_t len = strlen(names[i].s);
        q = put16(q, 3);      /* Windows */
        q = put16(q, 1);      /* Unicode BMP */
        q = put16(q, 0x0409); /* English */
        q = put16(q, names[i].id);
        q = put16(q, (unsigned)(2 * len));
        q = put16(q, (unsigned)at);
        for (size_t k = 0; k < len; k++, at += 2)
            put16(str + at, (unsigned char)names[i].s[k]); /* ASCII as UTF-16BE */
    }
    return (size_t)(str + at - p);
}

static size_t build_os2(unsigned char *p)
{
    unsigned char *q = put16(p, 4); /* version */
    q = put16(q, 750);              /* xAvgCharWidth */
    q = put16(q, 400);              /* usWeightClass: regular */
    q = put16(q, 5);                /* usWidthClass: medium */
    q = put16(q, 0);                /* fsType: installable, embedding allowed */
    static const unsigned script[10] = {650, 600, 0, 75, 650, 600, 0, 350, 50, 300};
    for (int i = 0; i < 10; i++) /* sub/superscript sizes and offsets, strikeout */
        q = put16(q, script[i]);
    q += 2 + 10;     /* sFamilyClass, panose */
    q = put32(q, 1); /* ulUnicodeRange1: Basic Latin */
    q += 12;
    memcpy(q, "NOCR", 4); /* achVendID */
    q += 4;
    q = put16(q, 0x0040);    /* fsSelection: regular */
    q = put16(q, 0x0020);    /* usFirstCharIndex */
    q = put16(q, 0xFFFF);    /* usLastCharIndex */
    q = put16(q, FONT_UPEM); /* sTypoAscender */
    q = put16(q, 0);         /* sTypoDescender */
    q = put16(q, 0);         /* sTypoLineGap */
    q = put16(q, FONT_UPEM); /* usWinAscent */
    q = put16(q, 0);         /* usWinDescent */
    q = put32(q, 1);         /* ulCodePageRange1: Latin 1 */
    q = put32(q, 0);
    q = put16(q, 500);      /* sxHeight */
    q = put16(q, 700);      /* sCapHeight */
    q = put16(q, 0);        /* usDefaultChar */
    q = put16(q, 0x0020);   /* usBreakChar */
    q = put16(q, 0);        /* usMaxContext */
    return (size_t)(q - p); /* 96 */
}

static size_t build_post(unsigned char *p)
{
    unsigned char *q = put32(p, 0x00030000); /* version 3: no glyph names */
    q = put32(q, 0);                         /* italicAngle */
    q = put16(q, 0xFF9C);                    /* underlinePosition: -100 */
    q = put16(q, 50);                        /* underlineThickness */
    q += 4 + 16;                             /* isFixedPitch, memory hints */
    return (size_t)(q - p);                  /* 32 */
}

static size_t build_loca(unsigned char *p)
{
    return 2 * (FONT_GLYPHS + 1); /* all zero: every glyph is empty */
}

static size_t build_glyf(unsigned char *p)
{
    return 0;
}

int nocr_pdf_font_program(unsigned char **out, size_t *out_size)
{
    /* In tag order, as the table directory must be sorted. */
    static const struct {
        const char *tag;
        size_t (*build)(unsigned char *);
    } tables[] = {{"OS/2", build_os2},  {"cmap", build_cmap}, {"glyf", build_glyf},
                  {"head", build_head}, {"hhea", build_hhea}, {"hmtx", build_hmtx},
                  {"loca", build_loca}, {"maxp", build_maxp}, {"name", build_name},
                  {"post", build_post}};
    enum { NTABLES = sizeof(tables) / sizeof(tables[0]), TABLE_MAX = 512 };
    size_t dir = 12 + 16 * NTABLES, cap = dir + NTABLES * TABLE_MAX;
    unsigned char *font = calloc(1, cap);
    if (!font)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    unsigned char *q = put32(font, 0x00010000); /* sfnt version: TrueType outlines */
    q = put16(q, NTABLES);
    q = put16(q, 128); /* searchRange: 16 * the largest power of two <= 10 */
    q = put16(q, 3);   /* entrySelector */
    q = put16(q, 16 * NTABLES - 128);
    size_t at = dir, head_at = 0;
    for (size_t i = 0; i < NTABLES; i++) {
        size_t len = tables[i].build(font + at);
        memcpy(q, tables[i].tag, 4);
        q = put32(q + 4, table_checksum(font + at, len));
        q = put32(q, at);
        q = put32(q, len);
        if (strcmp(tables[i].tag, "head") == 0)
            head_at = at;
        at += (len + 3) & ~(size_t)3; /* tables start on four-byte boundaries */
    }
    put32(font + head_at + 8, (0xB1B0AFBAUL - table_checksum(font, at)) & 0xffffffffUL);
    *out = font;
    *out_size = at;
    return NOCR_OK;
}

/* ---- the tables of the PDF font objects ---- */

void nocr_pdf_buf_printf(nocr_pdf_buf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0 || NOCR_ARRAY_GROW(b->s, b->cap, b->len + (size_t)n + 1))
        b->failed = 1;
    else
        b->len += (size_t)vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
    va_end(again);
    va_end(ap);
}

void nocr_pdf_buf_num(nocr_pdf_buf *b, double v)
{
    /* Thousandths, printed with integers: printf's %f follows the locale's decimal
     * separator, and a comma would break the PDF. */
    long long m = llround(v * 1000);
    const char *sign = m < 0 ? "-" : "";
    m = m < 0 ? -m : m;
    if (m % 1000 == 0)
        nocr_pdf_buf_printf(b, "%s%lld", sign, m / 1000);
    else if (m % 100 == 0)
        nocr_pdf_buf_printf(b, "%s%lld.%lld", sign, m / 1000, (m % 1000) / 100);
    else if (m % 10 == 0)
        nocr_pdf_buf_printf(b, "%s%lld.%02lld", sign, m / 1000, (m % 1000) / 10);
    else
        nocr_pdf_buf_printf(b, "%s%lld.%03lld", sign, m / 1000, m % 1000);
}

static int sbuf_done(nocr_pdf_buf *b, char **out, size_t *out_size)
{
    if (b->failed || !b->s) {
        free(b->s);
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    }
    *out = b->s;
    if (out_size)
        *out_size = b->len;
    return NOCR_OK;
}

int nocr_pdf_font_widths(char **out, const nocr_pdf_cids *cids)
{
    nocr_pdf_buf b = {NULL, 0, 0, 0};
    nocr_pdf_buf_printf(&b, "[");
    if (cids->n) {
        nocr_pdf_buf_printf(&b, "1 [");
        for (size_t i = 0; i < cids->n; i++)
            nocr_pdf_buf_printf(&b, "%s%d", i ? (i % 32 ? " " : "\n") : "",
                                nocr_pdf_char_width(cids->cp[i]));
        nocr_pdf_buf_printf(&b, "]");
    }
    nocr_pdf_buf_printf(&b, "]");
    return sbuf_done(&b, out, NULL);
}

int nocr_pdf_font_cidtogid(unsigned char **out, size_t *out_size, const nocr_pdf_cids *cids)
{
    size_t n = 2 * (cids->n + 1);
    unsigned char *map = calloc(1, n);
    if (!map)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    for (size_t i = 0; i < cids->n; i++)
        put16(map + 2 * (i + 1), nocr_pdf_char_width(cids->cp[i]) == NOCR_PDF_FULL_WIDTH ? 2 : 1);
    *out = map;
    *out_size = n;
    return NOCR_OK;
}

int nocr_pdf_font_tounicode(char **out, size_t *out_size, const nocr_pdf_cids *cids)
{
    nocr_pdf_buf b = {NULL, 0, 0, 0};
    nocr_pdf_buf_printf(
        &b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    /* At most 100 entries a block (PostScript's limit, kept by CMap readers). */
    for (size_t i = 0; i < cids->n; i += 100) {
        size_t end = i + 100 < cids->n ? i + 100 : cids->n;
        nocr_pdf_buf_printf(&b, "%zu beginbfchar\n", end - i);
        for (size_t k = i; k < end; k++) {
            unsigned cp = cids->cp[k];
            if (cp > 0xFFFF)
                nocr_pdf_buf_printf(&b, "<%04zX> <%04X%04X>\n", k + 1,
                                    0xD800 + ((cp - 0x10000) >> 10),
                                    0xDC00 + ((cp - 0x10000) & 0x3FF));
            else
                nocr_pdf_buf_printf(&b, "<%04zX> <%04X>\n", k + 1, cp);
        }
        nocr_pdf_buf_printf(&b, "endbfchar\n");
    }
    nocr_pdf_buf_printf(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    return sbuf_done(&b, out, out_size);
}
