/*
 * pdf.c - the page as a searchable PDF: the scan with an invisible text layer in reading
 * order, tagged with the articles' structure.
 *
 *   nocr_export_pdf, nocr_pdf_writer_new, nocr_pdf_writer_add_page, nocr_pdf_writer_finish,
 *   nocr_pdf_writer_free
 *
 * static helpers: w_put, w_printf, w_buf, w_obj, w_stream, tiff_strip, image_g4,
 *                 pix_is_gray, image_encode, write_image, text_token, is_space, count_glyphs,
 *                 tokens_take_line_text, line_join, token_soft_hyphen, line_end, text_line,
 *                 tag_type, tag_close, tag_open, next_text_region, next_text, text_region,
 *                 text_layer, dpi_fits, page_dpi, title_set, write_page_tags, write_font,
 *                 write_struct_tree, write_metadata, write_catalog, write_info, write_tail
 *
 * Layout of the file (PDF 1.7, no transparency, every font embedded). Objects 1 to
 * OBJ_FIRST_FREE - 1 are written by finish at fixed numbers: the catalog (with MarkInfo,
 * Lang, the XMP Metadata and an sRGB OutputIntent), the page tree, the document
 * information, the font's five objects, the StructTreeRoot, the Document structure element,
 * the ParentTree, the XMP stream and the ICC profile. Each page adds, as it comes, its page
 * object, content stream and image XObject, then its structure elements and its
 * parent-tree array, so that only one page is in memory at a time; of a page written the
 * writer keeps its object, its parent-tree array's, and the elements it adds under
 * Document.
 *
 * The content stream draws the image over the whole page, as an /Artifact (the scan is
 * background, not content), then the text in render mode 3 (invisible): for each line of
 * each text region in reading order (the page's region order after nocr_reconstruct, as
 * the txt export), each token (nocr_line_tokens: a run of CJK characters or a Latin word)
 * is placed at its box's bottom-left corner, at the line's height as font size, and
 * stretched with Tz to the start of the next token (or its box's width); it carries a space
 * when the line's text has one after it, so that text extraction finds exactly the line's
 * text. A line ends as the txt export joins it to the next line of its paragraph
 * (nocr_text_join): with a space, with nothing, or, where a hyphenated word is rejoined,
 * with its hyphen as a soft hyphen (U+00AD), tagged PDF's mark of a word broken by the
 * layout. Vertical lines are set rotated, top to bottom.
 *
 * The logical structure (ISO 32000-1 14.7, 14.8) is the txt export's: Document holds, in
 * reading order, an /Art per run of one article's regions (a blank line in the txt) and
 * the elements of regions outside articles; an article holds one element per paragraph
 * (txt line): /H1 for a headline's, /H2 for a subheadline's or section heading's,
 * /Caption for a caption's, /P for the others (body, byline, note, folio). Each element is
 * one marked-content sequence of the page's content (/P <</MCID n>> BDC ... EMC), where n
 * is its number on the page, so the page's parent-tree array lists the elements in order;
 * a paragraph that continues into the next region (nocr_region_continues) stays one
 * sequence. A viewer or extractor that follows the structure reads the articles in
 * reading order even where it would sort the text by its place on the page.
 *
 * PDF/A: the file is written to meet PDF/A-2B (ISO 19005-2): fonts embedded with widths
 * that match the font program, no .notdef shown, device colours under an sRGB output
 * intent, XMP metadata that agrees with the document information, a file identifier, no
 * transparency, encryption, LZW or JavaScript. The XMP packet does not claim it
 * (pdfaid:part and conformance) because no PDF/A validator (veraPDF) runs on the Debian
 * machines this project is tested on: a claim nobody checked would mislead an archive that
 * trusts it. Once a validator passes the files, the claim is a few lines in nocr_pdf_xmp.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "export/export.h"
#include "export/pdf.h"
#include "image/pdf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Objects written by finish, at these numbers. */
enum {
    OBJ_CATALOG = 1,
    OBJ_PAGES,
    OBJ_INFO,
    OBJ_FONT,
    OBJ_CIDFONT,
    OBJ_DESCRIPTOR,
    OBJ_FONTFILE,
    OBJ_TOUNICODE,
    OBJ_CIDTOGID,
    OBJ_STRUCTROOT,
    OBJ_DOCUMENT, /* the Document structure element, parent of every page's articles */
    OBJ_PARENTTREE,
    OBJ_METADATA,
    OBJ_PROFILE, /* the output intent's ICC profile */
    OBJ_FIRST_FREE
};

/* Resolutions outside this range are not believed when sizing the page (a header that says
 * 1 dpi would make a page of hundreds of metres). */
#define PDF_DPI_MIN     50
#define PDF_DPI_MAX     4800
#define PDF_DPI_DEFAULT 300
#define PDF_MAX_POINTS  14400 /* PDF's largest page side, 200 inches */

/* What finish needs of a page written. */
typedef struct pdf_page_ref {
    size_t page;    /* the page object */
    size_t parents; /* its parent-tree array (the structure element of each MCID); 0: none */
} pdf_page_ref;

struct nocr_pdf_writer {
    FILE *fp;   /* the file, or a memory stream */
    char *path; /* the file's name (removed when not finished); NULL: memory */
    char *mem;  /* open_memstream's buffer */
    size_t mem_size;
    long long offset;  /* bytes written so far */
    uint64_t hash[2];  /* FNV-1a of every byte written, for the file identifier */
    long long *xref;   /* offset of each object by number (0: not written) */
    size_t nobj, xcap; /* objects numbered 1..nobj - 1 */
    pdf_page_ref *pages;
    size_t npages, pcap;
    size_t *kids; /* the Document element's children in reading order: the articles and the
                   * elements outside articles, of every page */
    size_t nkids, kcap;
    const char *lang;      /* the document's language tag (BCP 47); NULL: unknown */
    const char *info_lang; /* the tag of info->lang: a page's when the page has none */
    nocr_pdf_cids cids;
    char *title; /* UTF-8 */
    int rc;      /* the first error; sticky */
    int finished;
};

/* ---- writing ---- */

static void w_put(nocr_pdf_writer *w, const void *data, size_t n)
{
    if (w->rc || n == 0)
        return;
    if (fwrite(data, 1, n, w->fp) != n) {
        w->rc = nocr_error_set(NOCR_EWRITE, "%s: cannot write the PDF",
                               w->path ? w->path : "PDF in memory");
        return;
    }
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        w->hash[0] = (w->hash[0] ^ p[i]) * 0x100000001b3ULL;
        w->hash[1] = (w->hash[1] ^ p[i]) * 0x100000001b3ULL + 1;
    }
    w->offset += (long long)n;
}

static void w_buf(nocr_pdf_writer *w, nocr_pdf_buf *b)
{
    if (b->failed && !w->rc)
        w->rc = nocr_error_set(NOCR_ENOMEM, "out of memory writing the PDF");
    w_put(w, b->s, b->len);
    free(b->s);
    *b = (nocr_pdf_buf){NULL, 0, 0, 0};
}

static void w_printf(nocr_pdf_writer *w, const char *fmt, ...) NOCR_PRINTF(2, 3);
static void w_printf(nocr_pdf_writer *w, const char *fmt, ...)
{
    char line[512], *big = NULL;
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(line, sizeof(line), fmt, ap);
    if (n >= (int)sizeof(line) && (big = malloc((size_t)n + 1)))
        vsnprintf(big, (size_t)n + 1, fmt, again);
    va_end(again);
    va_end(ap);
    if (n < 0 || (n >= (int)sizeof(line) && !big)) {
        if (!w->rc)
            w->rc = nocr_error_set(NOCR_ENOMEM, "out of memory writing the PDF");
        return;
    }
    w_put(w, big ? big : line, (size_t)n);
    free(big);
}

/* A new object number (num 0), or a reserved one, whose object starts here. */
static size_t w_obj(nocr_pdf_writer *w, size_t num)
{
    if (w->rc)
        return 0;
    if (num == 0)
        num = w->nobj++;
    if (NOCR_ARRAY_GROW(w->xref, w->xcap, num + 1)) {
        w->rc = NOCR_ENOMEM;
        return 0;
    }
    w->xref[num] = w->offset;
    w_printf(w, "%zu 0 obj\n", num);
    return num;
}

/* Writes object num as a stream of data with dictionary entries `dict`; flate: compress it
 * (Leptonica's zlibCompress) and say so. */
static void w_stream(nocr_pdf_writer *w, size_t num, const char *dict, const void *data, size_t n,
                     int flate)
{
    unsigned char *z = NULL;
    if (flate && !w->rc) {
        size_t zn = 0;
        z = zlibCompress(data, n, &zn);
        if (!z) {
            w->rc = nocr_error_set(NOCR_ENOMEM, "out of memory compressing the PDF");
            return;
        }
        data = z;
        n = zn;
    }
    w_obj(w, num);
    w_printf(w, "<< /Length %zu%s %s >>\nstream\n", n, flate ? " /Filter /FlateDecode" : "", dict);
    w_put(w, data, n);
    w_printf(w, "\nendstream\nendobj\n");
    free(z);
}

/* ---- the page image ---- */

typedef struct pdf_image {
    unsigned char *data; /* encoded; owned when own */
    size_t n;
    int own;
    int w, h, bpc;
    const char *colorspace, *filter;
    int decode_invert; /* G4 coded with 1 as white: /Decode [1 0] */
} pdf_image;

/* The first strip of a single-strip TIFF (Leptonica writes G4 TIFFs with one strip):
 * offset and byte count from the first IFD. Returns 0 when found. */
static int tiff_strip(size_t *off, size_t *len, int *photometric, const unsigned char *t, size_t n)
{
    if (n < 8 || (memcmp(t, "II*", 4) && memcmp(t, "MM\0*", 4)))
        return -1;
    int le = t[0] == 'I';
#define RD16(p) (le ? (unsigned)(p)[0] | (unsigned)(p)[1] << 8 : (unsigned)(p)[0] << 8 | (p)[1])
#define RD32(p)                                                                                   \
    (le ? RD16(p) | (size_t)RD16((p) + 2) << 16 : (size_t)RD16(p) << 16 | RD16((p) + 2))
    size_t ifd = RD32(t + 4);
    if (ifd + 2 > n)
        return -1;
    unsigned count = RD16(t + ifd);
    int found = 0;
    for (unsigned i = 0; i < count && ifd + 2 + 12 * (i + 1) <= n; i++) {
        const unsigned char *e = t + ifd + 2 + 12 * i;
        unsigned tag = RD16(e), type = RD16(e + 2);
        size_t cnt = RD32(e + 4), v = type == 3 ? RD16(e + 8) : RD32(e + 8);
        if ((tag == 273 || tag == 279) && cnt != 1)
            return -1;
        if (tag == 273)
            *off = v, found |= 1;
        else if (tag == 279)
            *len = v, found |= 2;
        else if (tag == 262)
            *photometric = (int)v;
    }
#undef RD16
#undef RD32
    return found == 3 && *off + *len <= n ? 0 : -1;
}

/* CCITT G4 of a bilevel image: lossless and about 10x smaller than JPEG on text. */
static int image_g4(pdf_image *out, PIX *pix8)
{
    PIX *pix1 = pixThresholdToBinary(pix8, 128);
    unsigned char *tiff = NULL;
    size_t n = 0, off = 0, len = 0;
    int photometric = 0;
    if (!pix1 || pixWriteMemTiff(&tiff, &n, pix1, IFF_TIFF_G4) ||
        tiff_strip(&off, &len, &photometric, tiff, n)) {
        pixDestroy(&pix1);
        free(tiff);
        return -1; /* the caller falls back to JPEG */
    }
    memmove(tiff, tiff + off, len);
    out->data = tiff;
    out->n = len;
    out->own = 1;
    out->w = pixGetWidth(pix1);
    out->h = pixGetHeight(pix1);
    out->bpc = 1;
    out->colorspace = "/DeviceGray";
    out->filter = "/CCITTFaxDecode";
    out->decode_invert = photometric == 1; /* min-is-black: 1 bits coded as white */
    pixDestroy(&pix1);
    return 0;
}

static int pix_is_gray(PIX *pix)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    const l_uint32 *data = pixGetData(pix);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            l_uint32 v = data[(size_t)y * wpl + x];
            if ((v >> 24) != ((v >> 16) & 0xff) || (v >> 24) != ((v >> 8) & 0xff))
                return 0;
        }
    return 1;
}

/* Chooses how the image goes into the PDF (see nocr_export_pdf) and encodes it. */
static int image_encode(pdf_image *out, const nocr_image *img)
{
    memset(out, 0, sizeof(*out));
    size_t jn = 0;
    const unsigned char *jpeg = nocr_image_jpeg(img, &jn);
    l_int32 jw, jh, spp = 0, ycck, cmyk;
    if (jpeg && !readHeaderMemJpeg(jpeg, jn, &jw, &jh, &spp, &ycck, &cmyk)) {
        *out = (pdf_image){.data = (unsigned char *)jpeg,
                           .n = jn,
                           .w = jw,
                           .h = jh,
                           .bpc = 8,
                           .colorspace = spp == 1 ? "/DeviceGray" : "/DeviceRGB",
                           .filter = "/DCTDecode"};
        return NOCR_OK;
    }
    PIX *pix = nocr_image_pix(img), *gray = NULL;
    if (pixGetDepth(pix) == 32 && pix_is_gray(pix))
        pix = gray = pixConvertRGBToLuminance(pix);
    if (!pix)
        return nocr_error_set(NOCR_ENOMEM, "out of memory encoding the PDF image");
    int bilevel = nocr_image_depth(img) == 1;
    if (!bilevel && pixGetDepth(pix) == 8) {
        NUMA *hist = pixGetGrayHistogram(pix, 1);
        l_float32 sum = 0, ends = 0, v;
        numaGetSum(hist, &sum);
        if (hist && !numaGetFValue(hist, 0, &v))
            ends += v;
        if (hist && !numaGetFValue(hist, 255, &v))
            ends += v;
        bilevel = hist && sum > 0 && ends == sum;
        numaDestroy(&hist);
    }
    if (bilevel && pixGetDepth(pix) == 8 && image_g4(out, pix) == 0) {
        pixDestroy(&gray);
        return NOCR_OK;
    }
    unsigned char *data = NULL;
    size_t n = 0;
    if (pixWriteMemJpeg(&data, &n, pix, NOCR_PDF_JPEG_QUALITY, 0)) {
        pixDestroy(&gray);
        return nocr_error_set(NOCR_ENOMEM, "out of memory encoding the PDF image");
    }
    *out = (pdf_image){.data = data,
                       .n = n,
                       .own = 1,
                       .w = pixGetWidth(pix),
                       .h = pixGetHeight(pix),
                       .bpc = 8,
                       .colorspace = pixGetDepth(pix) == 8 ? "/DeviceGray" : "/DeviceRGB",
                       .filter = "/DCTDecode"};
    pixDestroy(&gray);
    return NOCR_OK;
}

static void write_image(nocr_pdf_writer *w, size_t num, const pdf_image *im)
{
    char dict[320];
    char parms[128] = "";
    if (im->filter && strcmp(im->filter, "/CCITTFaxDecode") == 0)
        snprintf(parms, sizeof(parms), " /DecodeParms << /K -1 /Columns %d /Rows %d >>%s", im->w,
                 im->h, im->decode_invert ? " /Decode [1 0]" : "");
    snprintf(dict, sizeof(dict),
             "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
             "/BitsPerComponent %d /Filter %s%s",
             im->w, im->h, im->colorspace, im->bpc, im->filter, parms);
    w_stream(w, num, dict, im->data, im->n, 0);
}

/* ---- the text layer ---- */

/* A structure element of a page's text: MCID i of the page's content is element i. */
typedef struct tag_elem {
    const char *type; /* "H1", "H2", "P", "Caption" */
    int art;          /* the page's article (0-based) it belongs to; -1: none */
} tag_elem;

/* The structure of one page's text, in reading order: all the writer holds of it until the
 * page's structure elements are written, right after its content. */
typedef struct page_tags {
    tag_elem *elem;
    size_t n, cap;
    int narts; /* articles begun */
    int art;   /* the article being written; -1: none */
    int open;  /* element n - 1's marked-content sequence is open */
} page_tags;

typedef struct text_ctx {
    nocr_pdf_buf *b;
    nocr_pdf_cids *cids;
    double sx, sy; /* points per page pixel */
    double hpt;    /* page height, points */
    double size;   /* current font size; 0: none yet */
    page_tags tags;
    int rc;
} text_ctx;

/* What follows a token's text: nothing, a space in the gap to the next token (within the
 * token's length), or a space past its end (a line's last token, a token the next one
 * overlaps), where the text's own glyphs fill the length. */
enum { SPACE_NONE = 0, SPACE_IN, SPACE_PAST };

/* Sets `text` (and the space `space` says) from (x, y) along `len` points: horizontal, or
 * rotated to run down the page when vertical. */
static void text_token(text_ctx *t, const char *text, int space, double x, double y, double len,
                       double size, int vertical)
{
    nocr_pdf_buf hex = {NULL, 0, 0, 0};
    long sumw = 0, fitw;
    for (const char *s = text; *s && !t->rc;) {
        unsigned cp, cid;
        s += nocr_utf8_decode(&cp, s);
        if (cp < 0x20 || (t->rc = nocr_pdf_cids_add(&cid, t->cids, cp)))
            continue;
        nocr_pdf_buf_printf(&hex, "%04X", cid);
        sumw += nocr_pdf_char_width(cp);
    }
    fitw = sumw;
    unsigned scid;
    if (space && !t->rc && !(t->rc = nocr_pdf_cids_add(&scid, t->cids, ' '))) {
        nocr_pdf_buf_printf(&hex, "%04X", scid);
        sumw += nocr_pdf_char_width(' ');
    }
    if (space != SPACE_PAST || fitw == 0)
        fitw = sumw;
    if (!t->rc && hex.len && fitw > 0 && size > 0 && len > 0) {
        if (size != t->size) {
            nocr_pdf_buf_printf(t->b, "/F0 ");
            nocr_pdf_buf_num(t->b, size);
            nocr_pdf_buf_printf(t->b, " Tf\n");
            t->size = size;
        }
        nocr_pdf_buf_num(t->b, 100.0 * len / (fitw / 1000.0 * size));
        nocr_pdf_buf_printf(t->b, vertical ? " Tz 0 -1 1 0 " : " Tz 1 0 0 1 ");
        nocr_pdf_buf_num(t->b, x);
        nocr_pdf_buf_printf(t->b, " ");
        nocr_pdf_buf_num(t->b, y);
        nocr_pdf_buf_printf(t->b, " Tm <%s> Tj\n", hex.s);
    }
    if (hex.failed && !t->rc)
        t->rc = nocr_error_set(NOCR_ENOMEM, "out of memory writing the PDF");
    free(hex.s);
}

static int is_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

static size_t count_glyphs(const char *s)
{
    size_t n = 0;
    unsigned cp;
    while (*s) {
        s += nocr_utf8_decode(&cp, s);
        n += !is_space(cp);
    }
    return n;
}

/* Gives each token the same characters of the line's text instead of its own, and says in
 * space[i] whether the line's text has a space after token i: a token is normalized alone,
 * the line's text as a whole (nocr_text_normalize turns "." into "。" by what stands around
 * it), and the text layer must say what the txt export says. When the two do not hold the
 * same characters (a line whose text was set apart from its words), the tokens keep their
 * text and a space stands between them unless both sides are CJK, as normalizing would
 * leave it. */
static int tokens_take_line_text(nocr_token *tok, int *space, size_t n, const char *text)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += count_glyphs(tok[i].text);
        space[i] = i + 1 < n && !(nocr_text_is_cjk(nocr_utf8_last(tok[i].text)) &&
                                  nocr_text_is_cjk(nocr_utf8_first(tok[i + 1].text)));
    }
    if (total != count_glyphs(text))
        return NOCR_OK;
    const char *p = text;
    unsigned cp;
    size_t step;
    for (size_t i = 0; i < n; i++) {
        size_t k = count_glyphs(tok[i].text);
        while (*p && (step = nocr_utf8_decode(&cp, p)) && is_space(cp))
            p += step;
        const char *start = p;
        while (k && *p) {
            p += nocr_utf8_decode(&cp, p);
            k -= !is_space(cp);
        }
        char *slice = malloc((size_t)(p - start) + 1);
        if (!slice)
            return nocr_error_set(NOCR_ENOMEM, "out of memory");
        memcpy(slice, start, (size_t)(p - start));
        slice[p - start] = '\0';
        free(tok[i].text);
        tok[i].text = slice;
        nocr_utf8_decode(&cp, p);
        space[i] = i + 1 < n && *p && is_space(cp);
    }
    return NOCR_OK;
}

/* How the txt export joins line text a to b, the next line of its paragraph
 * (nocr_text_join, the one rule): *out 1 with a space, 0 with nothing, -1 taking off a's
 * line-end hyphen ("exam-" + "ple"). Measured on the joined text against the two sides
 * trimmed, which is how nocr_text_join takes them alone. */
static int line_join(int *out, const char *a, const char *b)
{
    char *ab = NULL, *a1 = NULL, *b1 = NULL;
    int rc = nocr_text_join(&ab, a, b);
    if (!rc)
        rc = nocr_text_join(&a1, a, "");
    if (!rc)
        rc = nocr_text_join(&b1, "", b);
    if (!rc) {
        long d = (long)strlen(ab) - (long)strlen(a1) - (long)strlen(b1);
        *out = d > 0 ? 1 : d < 0 ? -1 : 0;
    }
    free(ab);
    free(a1);
    free(b1);
    return rc;
}

/* The line-end hyphen of a word the txt export rejoins becomes a soft hyphen (U+00AD): in
 * tagged PDF a hyphen that only breaks a word at a line end is one (ISO 32000-1 14.8.2.2.3,
 * incidental artifacts), so that extractors following the structure rejoin the word.
 * Errors: NOCR_ENOMEM. */
static int token_soft_hyphen(nocr_token *tok)
{
    size_t len = strlen(tok->text);
    if (len == 0 || tok->text[len - 1] != '-')
        return NOCR_OK; /* the token kept its own text (tokens_take_line_text) */
    char *s = realloc(tok->text, len + 2);
    if (!s)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    memcpy(s + len - 1, "\xC2\xAD", 3);
    tok->text = s;
    return NOCR_OK;
}

/* Ends the line the way the txt export joins it to `next`, the next line of its paragraph
 * (NULL: the paragraph ends): with a space, with nothing, or with a soft hyphen, so that
 * the text of a paragraph's structure element is the paragraph's text. */
static int line_end(nocr_token *last, int *space, const nocr_line *line, const char *next)
{
    int join = 0;
    int rc = next ? line_join(&join, nocr_line_text(line), next) : NOCR_OK;
    if (!rc && join > 0)
        *space = 1;
    if (!rc && join < 0)
        rc = token_soft_hyphen(last);
    return rc;
}

/* The tokens of one line, each on its box (see the file comment); a token reaches to the
 * next one's start, so that no gap makes a text extractor add a space the text has not.
 * next_line: the text of the next line of the paragraph, NULL at its end. */
static void text_line(text_ctx *t, const nocr_line *line, int vertical, const char *next_line)
{
    nocr_token *tok = NULL;
    size_t n = 0;
    int *space = NULL;
    if (!t->rc)
        t->rc = nocr_line_tokens(&tok, &n, line);
    if (!t->rc && n && !(space = calloc(n, sizeof(*space))))
        t->rc = nocr_error_set(NOCR_ENOMEM, "out of memory");
    if (!t->rc && n)
        t->rc = tokens_take_line_text(tok, space, n, nocr_line_text(line));
    if (!t->rc && n)
        t->rc = line_end(&tok[n - 1], &space[n - 1], line, next_line);
    nocr_box lb = nocr_line_box(line);
    for (size_t i = 0; space && i < n && !t->rc; i++) {
        nocr_box b = tok[i].box;
        if (b.w <= 0 || b.h <= 0)
            continue;
        nocr_box l = lb.w > 0 && lb.h > 0 ? lb : b;
        const nocr_box *next = i + 1 < n ? &tok[i + 1].box : NULL;
        int gap = next && (vertical ? next->y > b.y + b.h : next->x > b.x + b.w);
        int sp = !space[i] ? SPACE_NONE : gap ? SPACE_IN : SPACE_PAST;
        if (!vertical) {
            double len = gap ? next->x - b.x : b.w;
            text_token(t, tok[i].text, sp, b.x * t->sx, t->hpt - (l.y + l.h) * t->sy, len * t->sx,
                       l.h * t->sy, 0);
        } else {
            double len = gap ? next->y - b.y : b.h;
            text_token(t, tok[i].text, sp, l.x * t->sx, t->hpt - b.y * t->sy, len * t->sy,
                       l.w * t->sx, 1);
        }
    }
    free(space);
    nocr_tokens_free(tok, n);
}

/* ---- the structure of the text ---- */

/* The structure type of a paragraph of a region of this role. */
static const char *tag_type(nocr_role role)
{
    switch (role) {
    case NOCR_ROLE_HEADLINE:
        return "H1";
    case NOCR_ROLE_SUBHEADLINE:
    case NOCR_ROLE_SECTION_HEADING:
        return "H2";
    case NOCR_ROLE_CAPTION:
        return "Caption";
    default: /* body, byline, note, folio */
        return "P";
    }
}

/* Ends the open structure element's marked-content sequence, if any. */
static void tag_close(text_ctx *t)
{
    if (t->tags.open)
        nocr_pdf_buf_printf(t->b, "EMC\n");
    t->tags.open = 0;
}

/* Begins a structure element of `type` in the current article: its marked-content
 * sequence, MCID the element's number on the page. */
static void tag_open(text_ctx *t, const char *type)
{
    tag_close(t);
    page_tags *g = &t->tags;
    if (t->rc || (t->rc = NOCR_ARRAY_GROW(g->elem, g->cap, g->n + 1)))
        return;
    g->elem[g->n] = (tag_elem){type, g->art};
    nocr_pdf_buf_printf(t->b, "/%s <</MCID %zu>> BDC\n", type, g->n);
    g->n++;
    g->open = 1;
}

/* The region after seq[i] in the reading order that holds lines, NULL when none. */
static const nocr_region *next_text_region(const nocr_page *page, const size_t *seq, size_t n,
                                           size_t i)
{
    while (++i < n)
        if (nocr_region_line_count(nocr_page_region(page, seq[i])) > 0)
            return nocr_page_region(page, seq[i]);
    return NULL;
}

/* The text of the first of lines [k, end) of a region that is not blank, NULL when none:
 * what the txt export joins the line before k to (a blank line joins as nothing). */
static const char *next_text(const nocr_region *region, size_t k, size_t end)
{
    for (; k < end; k++) {
        const char *s = nocr_line_text(nocr_region_line(region, k));
        if (s[strspn(s, " \t\r\n")])
            return s;
    }
    return NULL;
}

/* A region's paragraphs, each a structure element of its role, except a first paragraph
 * that continues the open one (nocr_region_continues: the txt export joins them). A line
 * ends as the txt export joins it to the next line of its paragraph, which may be in the
 * first paragraph of `next` when that continues this region's last one. */
static void text_region(text_ctx *t, const nocr_region *region, const nocr_region *next)
{
    size_t nlines = nocr_region_line_count(region);
    int vertical = nocr_region_direction(region) == NOCR_DIR_VERTICAL;
    const char *run_on = NULL; /* the text after the region's last line */
    int same_article = next && nocr_region_article(next) == nocr_region_article(region);
    if (same_article && nocr_region_continues(next))
        run_on = next_text(next, 0, nocr_paragraph_end(next, 0));
    for (size_t i = 0, end; i < nlines && !t->rc; i = end) {
        end = nocr_paragraph_end(region, i);
        if (!(i == 0 && nocr_region_continues(region) && t->tags.open))
            tag_open(t, tag_type(nocr_region_role(region)));
        for (size_t k = i; k < end && !t->rc; k++) {
            const char *after = next_text(region, k + 1, end);
            if (!after && end == nlines)
                after = run_on;
            text_line(t, nocr_region_line(region, k), vertical, after);
        }
    }
}

/* The invisible text of the page: the regions of the reading order, in the order every
 * export writes them (nocr_export_sequence), as the txt export does: a run of one
 * article's regions is an article (a blank line in the txt), its paragraphs the
 * structure elements in it; regions outside articles give elements of their own. */
static int text_layer(text_ctx *t, const nocr_page *page)
{
    size_t *seq = NULL;
    if ((t->rc = nocr_export_sequence(&seq, page)))
        return t->rc;
    size_t n = nocr_export_ordered_count(page, seq);
    int article = -2;
    nocr_pdf_buf_printf(t->b, "BT\n3 Tr\n");
    for (size_t i = 0; i < n && !t->rc; i++) {
        const nocr_region *region = nocr_page_region(page, seq[i]);
        if (nocr_region_line_count(region) == 0)
            continue;
        if (nocr_region_article(region) != article) {
            tag_close(t);
            article = nocr_region_article(region);
            t->tags.art = article >= 0 ? t->tags.narts++ : -1;
        }
        text_region(t, region, next_text_region(page, seq, n, i));
    }
    tag_close(t);
    nocr_pdf_buf_printf(t->b, "ET\n");
    free(seq);
    return t->rc;
}

/* ---- pages ---- */

static int dpi_fits(double dpi, int w, int h)
{
    return dpi >= PDF_DPI_MIN && dpi <= PDF_DPI_MAX && w * 72.0 / dpi <= PDF_MAX_POINTS &&
           h * 72.0 / dpi <= PDF_MAX_POINTS;
}

/* The resolution that sizes the page: the page model's (one definition of the quantity,
 * set by the segmenter from the image file's), else the image file's (a page built by hand),
 * else 300 dpi; raised when the page would exceed PDF's 200 inches. */
static double page_dpi(const nocr_page *page, const nocr_image *img, int w, int h)
{
    if (dpi_fits(nocr_page_dpi(page), w, h))
        return nocr_page_dpi(page);
    if (img && dpi_fits(nocr_image_dpi(img), w, h))
        return nocr_image_dpi(img);
    if (dpi_fits(PDF_DPI_DEFAULT, w, h))
        return PDF_DPI_DEFAULT;
    return (w > h ? w : h) * 72.0 / PDF_MAX_POINTS;
}

/* The title: the file name of the first name given, cleaned once (nocr_export_clean) so
 * that the document information and the XMP packet say the same. */
static void title_set(nocr_pdf_writer *w, const char *name)
{
    if (w->title || !name || !*name)
        return;
    const char *slash = strrchr(name, '/');
    w->title = nocr_export_clean(slash ? slash + 1 : name, 1);
}

/* The page's structure elements (see the file comment), its parent-tree array, and its
 * articles and elements outside articles added to the Document element's children. `lang`
 * is given to those children when it differs from the document's. */
static void write_page_tags(nocr_pdf_writer *w, pdf_page_ref *ref, const page_tags *g,
                            const char *lang)
{
    if (g->n == 0 || w->rc)
        return;
    size_t arts = w->nobj, elems = arts + (size_t)g->narts;
    w->nobj = elems + g->n + 1;
    ref->parents = elems + g->n;
    char lang_entry[32] = "";
    if (lang && (!w->lang || strcmp(lang, w->lang)))
        snprintf(lang_entry, sizeof(lang_entry), " /Lang (%s)", lang);
    for (int a = 0; a < g->narts; a++) {
        w_obj(w, arts + a);
        w_printf(w, "<< /Type /StructElem /S /Art /P %d 0 R /Pg %zu 0 R%s\n/K [", OBJ_DOCUMENT,
                 ref->page, lang_entry);
        for (size_t i = 0, k = 0; i < g->n; i++)
            if (g->elem[i].art == a)
                w_printf(w, "%s%zu 0 R", k++ % 10 ? " " : "\n", elems + i);
        w_printf(w, "] >>\nendobj\n");
    }
    for (size_t i = 0; i < g->n; i++) {
        int a = g->elem[i].art;
        size_t parent = a >= 0 ? arts + a : OBJ_DOCUMENT;
        w_obj(w, elems + i);
        w_printf(w, "<< /Type /StructElem /S /%s /P %zu 0 R /Pg %zu 0 R /K %zu%s >>\nendobj\n",
                 g->elem[i].type, parent, ref->page, i, a < 0 ? lang_entry : "");
        size_t top = a >= 0 ? arts + a : elems + i;
        if ((w->nkids == 0 || w->kids[w->nkids - 1] != top) && !w->rc) {
            if (NOCR_ARRAY_GROW(w->kids, w->kcap, w->nkids + 1))
                w->rc = nocr_error_set(NOCR_ENOMEM, "out of memory writing the PDF");
            else
                w->kids[w->nkids++] = top;
        }
    }
    w_obj(w, ref->parents);
    w_printf(w, "[");
    for (size_t i = 0; i < g->n; i++)
        w_printf(w, "%s%zu 0 R", i % 10 ? " " : "\n", elems + i);
    w_printf(w, "]\nendobj\n");
}

int nocr_pdf_writer_add_page(nocr_pdf_writer *w, const nocr_page *page, const nocr_image *img)
{
    if (!w || !page)
        return nocr_error_set(NOCR_EINVAL, "nocr_pdf_writer_add_page: NULL argument");
    if (w->rc || w->finished)
        return w->rc ? w->rc : nocr_error_set(NOCR_EINVAL, "PDF writer already finished");
    int wpx = img ? nocr_image_width(img) : nocr_page_width(page);
    int hpx = img ? nocr_image_height(img) : nocr_page_height(page);
    if (wpx <= 0 || hpx <= 0 || nocr_page_width(page) <= 0 || nocr_page_height(page) <= 0)
        return nocr_error_set(NOCR_EINVAL, "PDF export: page of no size");
    title_set(w, nocr_page_source(page));
    const char *lang = nocr_export_lang_names(nocr_page_lang(page)).bcp47;
    lang = lang ? lang : w->info_lang;
    if (!w->lang)
        w->lang = lang;
    double dpi = page_dpi(page, img, wpx, hpx);
    double wpt = wpx * 72.0 / dpi, hpt = hpx * 72.0 / dpi;
    pdf_image im = {0};
    int rc = img ? image_encode(&im, img) : NOCR_OK;
    if (rc)
        return w->rc = rc;
    nocr_pdf_buf c = {NULL, 0, 0, 0}, d = {NULL, 0, 0, 0};
    if (img) {
        /* The scan is background, not content: an artifact, outside the structure. */
        nocr_pdf_buf_printf(&c, "/Artifact BMC\nq\n");
        nocr_pdf_buf_num(&c, wpt);
        nocr_pdf_buf_printf(&c, " 0 0 ");
        nocr_pdf_buf_num(&c, hpt);
        nocr_pdf_buf_printf(&c, " 0 0 cm\n/Im0 Do\nQ\nEMC\n");
    }
    text_ctx t = {&c,  &w->cids, wpt / nocr_page_width(page), hpt / nocr_page_height(page),
                  hpt, 0,        {NULL, 0, 0, 0, -1, 0},      NOCR_OK};
    rc = text_layer(&t, page);
    pdf_page_ref ref = {w->nobj++, 0};
    size_t cnum = w->nobj++, inum = img ? w->nobj++ : 0;
    nocr_pdf_buf_printf(&d, "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 ", OBJ_PAGES);
    nocr_pdf_buf_num(&d, wpt);
    nocr_pdf_buf_printf(&d, " ");
    nocr_pdf_buf_num(&d, hpt);
    nocr_pdf_buf_printf(&d, "]\n/Resources << /Font << /F0 %d 0 R >>", OBJ_FONT);
    if (img)
        nocr_pdf_buf_printf(&d, " /XObject << /Im0 %zu 0 R >>", inum);
    nocr_pdf_buf_printf(&d, " >>\n/Contents %zu 0 R", cnum);
    if (t.tags.n)
        nocr_pdf_buf_printf(&d, " /StructParents %zu", w->npages);
    nocr_pdf_buf_printf(&d, " >>\nendobj\n");
    if (rc || c.failed || d.failed || NOCR_ARRAY_GROW(w->pages, w->pcap, w->npages + 1)) {
        w->rc = rc ? rc : nocr_error_set(NOCR_ENOMEM, "out of memory writing the PDF");
    } else {
        w_obj(w, ref.page);
        w_buf(w, &d);
        w_stream(w, cnum, "", c.s, c.len, 1);
        if (img)
            write_image(w, inum, &im);
        write_page_tags(w, &ref, &t.tags, lang);
        w->pages[w->npages++] = ref;
    }
    free(t.tags.elem);
    free(c.s);
    free(d.s);
    if (im.own)
        free(im.data);
    return w->rc;
}

/* ---- the document ---- */

int nocr_pdf_writer_new(nocr_pdf_writer **out, const char *path, const nocr_export_info *info)
{
    if (!out)
        return nocr_error_set(NOCR_EINVAL, "nocr_pdf_writer_new: NULL argument");
    *out = NULL;
    nocr_pdf_writer *w = calloc(1, sizeof(*w));
    if (!w)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    w->nobj = OBJ_FIRST_FREE;
    w->hash[0] = 0xcbf29ce484222325ULL;
    w->hash[1] = 0x84222325cbf29ce4ULL;
    if (info) {
        title_set(w, info->image_name);
        w->info_lang = nocr_export_lang_names(info->lang).bcp47;
    }
    if (path && !(w->path = nocr_strdup(path))) {
        nocr_pdf_writer_free(w);
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    }
    w->fp = path ? fopen(path, "wb") : open_memstream(&w->mem, &w->mem_size);
    if (!w->fp) {
        int rc = path ? nocr_error_set(NOCR_EWRITE, "%s: cannot create: %s", path, strerror(errno))
                      : nocr_error_set(NOCR_ENOMEM, "out of memory");
        free(w->path);
        w->path = NULL; /* nothing of ours to remove */
        nocr_pdf_writer_free(w);
        return rc;
    }
    /* A comment of bytes above 127 right after the header tells transfer tools the file is
     * binary (PDF 7.5.2). */
    w_printf(w, "%%PDF-1.7\n%%\xE2\xE3\xCF\xD3\n");
    if (w->rc) {
        int rc = w->rc;
        nocr_pdf_writer_free(w);
        return rc;
    }
    *out = w;
    return NOCR_OK;
}

/* The Type0 font over the glyph-less CIDFontType2 (pdf.h), with its tables of the
 * characters used. */
static void write_font(nocr_pdf_writer *w)
{
    unsigned char *prog = NULL, *map = NULL;
    char *widths = NULL, *cmap = NULL;
    size_t nprog = 0, nmap = 0, ncmap = 0;
    int rc = nocr_pdf_font_program(&prog, &nprog);
    if (!rc)
        rc = nocr_pdf_font_widths(&widths, &w->cids);
    if (!rc)
        rc = nocr_pdf_font_cidtogid(&map, &nmap, &w->cids);
    if (!rc)
        rc = nocr_pdf_font_tounicode(&cmap, &ncmap, &w->cids);
    if (rc && !w->rc)
        w->rc = rc;
    if (!w->rc) {
        w_obj(w, OBJ_FONT);
        w_printf(w,
                 "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H\n"
                 "/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>\nendobj\n",
                 NOCR_PDF_FONT_NAME, OBJ_CIDFONT, OBJ_TOUNICODE);
        w_obj(w, OBJ_CIDFONT);
        w_printf(w,
                 "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s\n"
                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>\n"
                 "/FontDescriptor %d 0 R /CIDToGIDMap %d 0 R /DW %d\n/W ",
                 NOCR_PDF_FONT_NAME, OBJ_DESCRIPTOR, OBJ_CIDTOGID, NOCR_PDF_FULL_WIDTH);
        w_put(w, widths, strlen(widths));
        w_printf(w, " >>\nendobj\n");
        /* Ascent 1000, Descent -1: a character's highlight spans the font size above the
         * baseline, which the text layer puts at the bottom of the box (poppler reads a
         * Descent of 0 as "unknown" and takes -0.35). */
        w_obj(w, OBJ_DESCRIPTOR);
        w_printf(w,
                 "<< /Type /FontDescriptor /FontName /%s /Flags 4\n"
                 "/FontBBox [0 -1 %d 1000] /ItalicAngle 0 /Ascent 1000 /Descent -1\n"
                 "/CapHeight 700 /StemV 80 /FontFile2 %d 0 R >>\nendobj\n",
                 NOCR_PDF_FONT_NAME, NOCR_PDF_FULL_WIDTH, OBJ_FONTFILE);
        char dict[64];
        snprintf(dict, sizeof(dict), "/Length1 %zu", nprog);
        w_stream(w, OBJ_FONTFILE, dict, prog, nprog, 1);
        w_stream(w, OBJ_TOUNICODE, "", cmap, ncmap, 1);
        w_stream(w, OBJ_CIDTOGID, "", map, nmap, 1);
    }
    free(prog);
    free(map);
    free(widths);
    free(cmap);
}

/* The structure tree: its root, the Document element over every page's articles, and the
 * parent tree, a number tree from each page's StructParents key (its index) to its
 * parent-tree array. */
static void write_struct_tree(nocr_pdf_writer *w)
{
    w_obj(w, OBJ_STRUCTROOT);
    w_printf(w,
             "<< /Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %zu >>\n"
             "endobj\n",
             OBJ_DOCUMENT, OBJ_PARENTTREE, w->npages);
    w_obj(w, OBJ_DOCUMENT);
    w_printf(w, "<< /Type /StructElem /S /Document /P %d 0 R /K [", OBJ_STRUCTROOT);
    for (size_t i = 0; i < w->nkids; i++)
        w_printf(w, "%s%zu 0 R", i % 10 ? " " : "\n", w->kids[i]);
    w_printf(w, "] >>\nendobj\n");
    w_obj(w, OBJ_PARENTTREE);
    w_printf(w, "<< /Nums [");
    for (size_t i = 0, k = 0; i < w->npages; i++)
        if (w->pages[i].parents)
            w_printf(w, "%s%zu %zu 0 R", k++ % 8 ? " " : "\n", i, w->pages[i].parents);
    w_printf(w, "] >>\nendobj\n");
}

/* The XMP packet and the output intent's profile (pdf_meta.c). */
static void write_metadata(nocr_pdf_writer *w, const char *ts)
{
    char *xmp = NULL;
    unsigned char *icc = NULL;
    size_t nxmp = 0, nicc = 0;
    int rc = nocr_pdf_xmp(&xmp, &nxmp, w->title, ts);
    if (!rc)
        rc = nocr_pdf_srgb_profile(&icc, &nicc);
    if (rc && !w->rc)
        w->rc = rc;
    w_stream(w, OBJ_METADATA, "/Type /Metadata /Subtype /XML", xmp, nxmp, 0);
    w_stream(w, OBJ_PROFILE, "/N 3 /Alternate /DeviceRGB", icc, nicc, 1);
    free(xmp);
    free(icc);
}

/* The catalog: pages, structure, language, metadata and the output intent, which says
 * what DeviceRGB and DeviceGray mean (ISO 19005-2 6.2.3). */
static void write_catalog(nocr_pdf_writer *w)
{
    w_obj(w, OBJ_CATALOG);
    w_printf(w, "<< /Type /Catalog /Pages %d 0 R\n/MarkInfo << /Marked true >>", OBJ_PAGES);
    w_printf(w, " /StructTreeRoot %d 0 R\n/Metadata %d 0 R", OBJ_STRUCTROOT, OBJ_METADATA);
    w_printf(w,
             "\n/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1\n"
             "/OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1)\n"
             "/RegistryName (http://www.color.org) /DestOutputProfile %d 0 R >>]",
             OBJ_PROFILE);
    if (w->lang)
        w_printf(w, "\n/Lang (%s)", w->lang);
    if (w->title)
        w_printf(w, "\n/ViewerPreferences << /DisplayDocTitle true >>");
    w_printf(w, " >>\nendobj\n");
}

/* The document information: Title (the input's file name, UTF-16BE), Producer, dates (ts,
 * the XMP packet's). */
static void write_info(nocr_pdf_writer *w, const char *ts)
{
    char date[32];
    snprintf(date, sizeof(date), "D:%.4s%.2s%.2s%.2s%.2s%.2sZ", ts, ts + 5, ts + 8, ts + 11,
             ts + 14, ts + 17);
    nocr_pdf_buf b = {NULL, 0, 0, 0};
    nocr_pdf_buf_printf(&b, "<< /Producer (newsocr %s) /CreationDate (%s) /ModDate (%s)",
                        nocr_version(), date, date);
    if (w->title) {
        nocr_pdf_buf_printf(&b, "\n/Title <FEFF");
        for (const char *s = w->title; *s;) {
            unsigned cp;
            s += nocr_utf8_decode(&cp, s);
            if (cp > 0xFFFF)
                nocr_pdf_buf_printf(&b, "%04X%04X", 0xD800 + ((cp - 0x10000) >> 10),
                                    0xDC00 + ((cp - 0x10000) & 0x3FF));
            else
                nocr_pdf_buf_printf(&b, "%04X", cp);
        }
        nocr_pdf_buf_printf(&b, ">");
    }
    nocr_pdf_buf_printf(&b, " >>\nendobj\n");
    w_obj(w, OBJ_INFO);
    w_buf(w, &b);
}

static void write_tail(nocr_pdf_writer *w, const char *ts)
{
    nocr_pdf_buf b = {NULL, 0, 0, 0};
    nocr_pdf_buf_printf(&b, "<< /Type /Pages /Count %zu /Kids [", w->npages);
    for (size_t i = 0; i < w->npages; i++)
        nocr_pdf_buf_printf(&b, "%s%zu 0 R", i ? (i % 10 ? " " : "\n") : "", w->pages[i].page);
    nocr_pdf_buf_printf(&b, "] >>\nendobj\n");
    w_obj(w, OBJ_PAGES);
    w_buf(w, &b);
    write_catalog(w);
    write_info(w, ts);
    if (w->rc)
        return;
    long long xref = w->offset;
    w_printf(w, "xref\n0 %zu\n0000000000 65535 f \n", w->nobj);
    for (size_t i = 1; i < w->nobj; i++)
        w_printf(w, "%010lld 00000 n \n", i < w->xcap ? w->xref[i] : 0);
    /* The file identifier: a digest of everything before it (PDF 14.4), the same for the
     * same input, as $SOURCE_DATE_EPOCH makes the dates. */
    char id[40];
    snprintf(id, sizeof(id), "%016llX%016llX", (unsigned long long)w->hash[0],
             (unsigned long long)w->hash[1]);
    w_printf(w, "trailer\n<< /Size %zu /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n", w->nobj,
             OBJ_CATALOG, OBJ_INFO, id, id);
    w_printf(w, "startxref\n%lld\n%%%%EOF\n", xref);
}

int nocr_pdf_writer_finish(nocr_pdf_writer *w, unsigned char **out, size_t *out_size)
{
    if (!w || (!w->path && (!out || !out_size)))
        return nocr_error_set(NOCR_EINVAL, "nocr_pdf_writer_finish: NULL argument");
    if (out)
        *out = NULL;
    if (out_size)
        *out_size = 0;
    if (w->rc || w->finished)
        return w->rc ? w->rc : nocr_error_set(NOCR_EINVAL, "PDF writer already finished");
    if (w->npages == 0)
        return w->rc = nocr_error_set(NOCR_EINVAL, "PDF export: no pages");
    char ts[32];
    nocr_export_timestamp(ts); /* 2026-12-01T01:00:00Z */
    write_font(w);
    write_struct_tree(w);
    write_metadata(w, ts);
    write_tail(w, ts);
    if (w->rc)
        return w->rc;
    int bad = fclose(w->fp) != 0;
    w->fp = NULL;
    if (bad)
        return w->rc = nocr_error_set(NOCR_EWRITE, "%s: cannot write the PDF",
                                      w->path ? w->path : "PDF in memory");
    w->finished = 1;
    if (!w->path) {
        *out = (unsigned char *)w->mem;
        *out_size = w->mem_size;
        w->mem = NULL;
    }
    return NOCR_OK;
}

void nocr_pdf_writer_free(nocr_pdf_writer *w)
{
    if (!w)
        return;
    if (w->fp)
        fclose(w->fp);
    if (w->path && !w->finished)
        remove(w->path);
    free(w->mem);
    free(w->path);
    free(w->xref);
    free(w->pages);
    free(w->kids);
    free(w->title);
    nocr_pdf_cids_free(&w->cids);
    free(w);
}

int nocr_export_pdf(unsigned char **out, size_t *out_size, const nocr_page *page,
                    const nocr_image *img, const nocr_export_info *info)
{
    if (!out || !out_size || !page)
        return nocr_error_set(NOCR_EINVAL, "nocr_export_pdf: NULL argument");
    *out = NULL;
    *out_size = 0;
    nocr_pdf_writer *w = NULL;
    int rc = nocr_pdf_writer_new(&w, NULL, info);
    if (!rc)
        rc = nocr_pdf_writer_add_page(w, page, img);
    if (!rc)
        rc = nocr_pdf_writer_finish(w, out, out_size);
    nocr_pdf_writer_free(w);
    return rc;
}
