/*
 * synth.h - private header of newsocr-synth, the page synthesizer test tool.
 *
 * newsocr-synth typesets a Chinese newspaper page from a page spec (see
 * samples/README.md for the format), degrades it like a scan and writes the
 * image plus its PAGE XML 2019 ground truth.  Everything is deterministic:
 * the only randomness comes from the seeded generator in rng.c.
 *
 * Modules (one concept per file pair):
 *   rng.c      syn_rng_*      splitmix64 / xoshiro256** generator
 *   spec.c     syn_spec_*     page spec parser
 *   text.c     syn_text_*     UTF-8 helpers, corpora, line breaking
 *   render.c   syn_font_*, syn_render_*   FreeType glyphs, rules, photos
 *   layout.c   syn_layout_*   modular page layout -> syn_page
 *   degrade.c  syn_degrade_*  skew, blur, noise, lighting, borders, output
 *   pagexml.c  syn_pagexml_*  PAGE XML writer (libxml2 xmlTextWriter)
 *   main.c     command line
 *
 * Errors: every fallible function returns 0 or a negative SYN_E* code and
 * sets a one-line message with syn_error_set(); main prints it.
 */
#ifndef NEWSOCR_SYNTH_H
#define NEWSOCR_SYNTH_H

#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- errors */

enum {
    SYN_OK = 0,
    SYN_EIO = -1,     /* file cannot be read or written */
    SYN_ESPEC = -2,   /* bad page spec */
    SYN_ENOMEM = -3,  /* allocation failed */
    SYN_EFONT = -4,   /* FreeType failure */
    SYN_ELAYOUT = -5, /* text or photos do not fit the page */
    SYN_EIMAGE = -6,  /* Leptonica failure */
    SYN_EXML = -7     /* libxml2 failure */
};

void syn_error_set(const char *fmt, ...);
const char *syn_error_get(void);
void syn_error_prefix(const char *prefix);

/* ---------------------------------------------------------------- limits */

#define SYN_MAX_COLUMNS  8
#define SYN_MAX_ARTICLES 16
#define SYN_MAX_PHOTOS   8    /* per article */
#define SYN_MAX_ITEMS    256  /* body items per article */
#define SYN_MAX_LINE     8192 /* bytes in one spec line */
#define SYN_MAX_PIXELS   60000000L

/* ------------------------------------------------------------------- rng */

typedef struct {
    uint64_t s[4];
} syn_rng;

void syn_rng_seed(syn_rng *rng, uint64_t seed);
uint64_t syn_rng_next(syn_rng *rng);
double syn_rng_uniform(syn_rng *rng); /* [0, 1) */
double syn_rng_range(syn_rng *rng, double lo, double hi);
double syn_rng_gauss(syn_rng *rng); /* N(0, 1) */

/* ------------------------------------------------------------------ spec */

enum syn_item_kind { SYN_ITEM_PARA, SYN_ITEM_HEADING };

typedef struct {
    int kind;   /* syn_item_kind */
    char *text; /* UTF-8, owned */
} syn_item;

typedef struct {
    char id[32];
    int col0, col1; /* article-relative columns, 0-based, inclusive */
    double at;      /* top as a fraction of the body height; -1 top, -2 above head */
    double height_mm;
    char *caption; /* owned, may be NULL */
} syn_photo_spec;

typedef struct {
    char id[32];
    int col0, col1;   /* page columns, 0-based, inclusive */
    int rule_above;   /* horizontal rule above the article */
    int fill;         /* 1: extend to the page bottom, cut text */
    double height_mm; /* > 0: fixed height */
    char *headline, *subheadline, *byline;
    int head_col0, head_col1; /* headline span, article-relative */
    double head_pt;           /* headline size, points */
    int head_font;            /* font index (syn_font_id) */
    syn_item items[SYN_MAX_ITEMS];
    int nitems;
    syn_photo_spec photos[SYN_MAX_PHOTOS];
    int nphotos;
} syn_article_spec;

typedef struct {
    char name[64]; /* output base name */
    double page_w_mm, page_h_mm;
    double margin_mm[4]; /* top right bottom left */
    int dpi;
    uint64_t seed;
    int columns;
    double gutter_em;
    int column_rules;
    int body_font, head_font; /* syn_font_id */
    double body_pt;
    double leading; /* line pitch / em, e.g. 1.5 */
    char *folio[3]; /* left, centre, right; owned, may be NULL */
    char *note;     /* page note, may be NULL */
    /* degradation */
    double skew_deg, blur, noise, lighting;
    int yellow, border, bilevel;
    int format; /* syn_format */
    int jpeg_quality;
    int dpi_tag; /* write resolution metadata */
    syn_article_spec *articles[SYN_MAX_ARTICLES];
    int narticles;
} syn_spec;

enum syn_format { SYN_FMT_PNG, SYN_FMT_JPEG, SYN_FMT_TIFF };

int syn_spec_load(syn_spec **out, const char *path);
void syn_spec_free(syn_spec *spec);

/* ------------------------------------------------------------------ text */

/* Decode one UTF-8 code point at *s, advance *s; returns -1 on bad input. */
long syn_utf8_next(const char **s);
int syn_utf8_put(char *buf, long cp);
int syn_text_is_cjk(long cp);
int syn_text_is_alnum(long cp);

/* ------------------------------------------------------------------ font */

enum syn_font_id {
    SYN_FONT_SERIF,
    SYN_FONT_SERIF_BOLD,
    SYN_FONT_SANS,
    SYN_FONT_SANS_BOLD,
    SYN_FONT_WQY,
    SYN_FONT_COUNT
};

int syn_font_by_name(const char *name);
int syn_font_init(void);
void syn_font_done(void);
/* Advance of code point cp at px pixels per em, in 1/64 pixel. */
long syn_font_advance(int font, int px, long cp);

/* ---------------------------------------------------------------- page */

enum syn_role {
    SYN_ROLE_HEADLINE,
    SYN_ROLE_SUBHEADLINE,
    SYN_ROLE_SECTION,
    SYN_ROLE_BYLINE,
    SYN_ROLE_BODY,
    SYN_ROLE_CAPTION,
    SYN_ROLE_FOLIO,
    SYN_ROLE_NOTE
};

typedef struct {
    int x0, y0, x1, y1; /* ink box of the line, page pixels */
    int base;           /* baseline y */
    char *text;         /* exactly the printed characters, owned */
} syn_line;

typedef struct {
    int role;
    int article;        /* article index, -1 for folio and note */
    int order;          /* sort key inside its article */
    char para_id[16];   /* body pieces: logical paragraph id */
    char figure_id[40]; /* captions: ImageRegion id */
    int x0, y0, x1, y1;
    syn_line *lines;
    int nlines, cap;
} syn_region;

typedef struct {
    char id[40]; /* "img_" + photo id, or "sepN" */
    int x0, y0, x1, y1;
} syn_box;

typedef struct {
    int width, height; /* clean page in pixels */
    syn_region *regions;
    int nregions, cap;
    syn_box images[SYN_MAX_ARTICLES * SYN_MAX_PHOTOS];
    int nimages;
    syn_box seps[256];
    int nseps;
    char article_ids[SYN_MAX_ARTICLES][32];
    int narticles;
} syn_page;

void syn_page_free(syn_page *page);

/* ---------------------------------------------------------------- layout */

struct Pix;
int syn_layout_page(syn_page **out, struct Pix **outpix, const syn_spec *spec);

/* ---------------------------------------------------------------- render */

int syn_render_text(struct Pix *pix, int font, int px, long cp, int x, int base);
void syn_render_rect(struct Pix *pix, int x0, int y0, int x1, int y1, int gray);
void syn_render_photo(struct Pix *pix, const syn_box *box, syn_rng *rng, int dpi);

/* --------------------------------------------------------------- degrade */

/* Point transform from clean page pixels to final image pixels. */
typedef struct {
    double cx, cy; /* rotation centre */
    double cosa, sina;
    int dx, dy;        /* border offset added after rotation */
    int width, height; /* final image size */
} syn_xform;

void syn_xform_apply(const syn_xform *xf, double x, double y, int *ox, int *oy);
int syn_degrade_page(struct Pix **pixd, syn_xform *xf, struct Pix *pixs, const syn_spec *spec);
int syn_degrade_write(struct Pix *pix, const syn_spec *spec, const char *path);

/* --------------------------------------------------------------- pagexml */

int syn_pagexml_write(const syn_page *page, const syn_xform *xf, const char *image_name,
                      const char *path);

#endif /* NEWSOCR_SYNTH_H */
