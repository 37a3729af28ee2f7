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
 *   scan.c     syn_scan_*     paper and scanner faults: bleed-through, fold,
 *                             shadow band
 *   random.c   syn_random_*   a whole page spec drawn from one seed, and the
 *                             record of what was drawn (syn_vars)
 *   corpus.c   syn_corpus_*   paragraphs of the text corpora
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
    double at;      /* top as a fraction of the body height; -1 top, -2 above head,
                       -3 bottom (the photo and its caption end at the body bottom) */
    double height_mm;
    char *caption; /* owned, may be NULL */
    int beside;    /* caption beside the photo (right of it), not under it */
    int quote;     /* pull quote: caption text set large between two rules, no picture */
} syn_photo_spec;

/* photo->at values */
#define SYN_AT_TOP    (-1.0)
#define SYN_AT_ABOVE  (-2.0)
#define SYN_AT_BOTTOM (-3.0)

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
    /* random-page extensions (all 0 in page specs) */
    int box;        /* thin frame around the article */
    int ad;         /* advertisement: framed big text (headline), small text (byline) */
    int lshape;     /* each column starts at its own skyline; headline over the highest run */
    int sub_inline; /* subheadline on the headline's line, after it, when it fits */
    int cut;        /* fixed or fill height: cut the text at any line, not at paragraph ends */
    int dropcap;    /* the first paragraph starts with a 2-line drop capital */
    int vhead;      /* vertical headline at the top of the first (1) or last (2) column */
    /* vertical pages (vlayout.c) */
    int horizontal;      /* a horizontal article on a vertical page */
    int head_horizontal; /* headline set horizontally across a vertical article */
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
    /* random-page extensions: defaults keep page specs unchanged */
    int caption_font, small_font, section_font; /* -1: sans, sans, sans-bold */
    double indent_em;                           /* paragraph indent [2] */
    double bleed;                               /* bleed-through strength 0..0.3 [0] */
    double fold;                                /* fold shadow darkness 0..0.7 [0] */
    int fold_vertical;                          /* fold runs top to bottom (else left to right) */
    double fold_pos;                            /* fold position, fraction of the page */
    double shadow;                              /* shadow band darkness 0..0.5 [0] */
    int shadow_vertical;                        /* band runs top to bottom */
    double shadow_pos, shadow_w;                /* band centre and width, fractions of the page */
    int vertical; /* vertical page: "columns" are tiers, body set top to bottom (vlayout.c) */
    syn_article_spec *articles[SYN_MAX_ARTICLES];
    int narticles;
} syn_spec;

enum syn_format { SYN_FMT_PNG, SYN_FMT_JPEG, SYN_FMT_TIFF };

int syn_spec_load(syn_spec **out, const char *path);
/* syn_spec_new: an empty spec with the documented defaults, named name. */
int syn_spec_new(syn_spec **out, const char *name);
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
    /* optional fonts (random pages): absent files are an error only when used */
    SYN_FONT_WQY_MICRO,
    SYN_FONT_UMING,
    SYN_FONT_UKAI,
    SYN_FONT_DEJAVU_SERIF,
    SYN_FONT_DEJAVU_SERIF_BOLD,
    SYN_FONT_DEJAVU_SERIF_ITALIC,
    SYN_FONT_DEJAVU_SANS_BOLD,
    SYN_FONT_LIB_SERIF,
    SYN_FONT_LIB_SERIF_BOLD,
    SYN_FONT_LIB_SERIF_ITALIC,
    SYN_FONT_COUNT
};

int syn_font_by_name(const char *name);
const char *syn_font_name(int font);
int syn_font_available(int font);
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
    SYN_ROLE_NOTE,
    SYN_ROLE_ADVERT,   /* text of an advertisement */
    SYN_ROLE_PULLQUOTE /* pull quote (repeats the body; read after it) */
};

typedef struct {
    int x0, y0, x1, y1; /* ink box of the line, page pixels */
    int base;           /* baseline y (vertical lines: unused, the centre x is) */
    int vertical;       /* set top to bottom */
    char *text;         /* exactly the printed characters, owned */
} syn_line;

typedef struct {
    int role;
    int article;        /* article index, -1 for folio and note */
    int order;          /* sort key inside its article */
    char para_id[16];   /* body pieces: logical paragraph id */
    char figure_id[40]; /* captions: ImageRegion id */
    int vertical;       /* lines top to bottom, ordered right to left */
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
    int nlshapes; /* articles actually laid out as L-shapes */
} syn_page;

void syn_page_free(syn_page *page);

/* ---------------------------------------------------------------- layout */

struct Pix;
int syn_layout_page(syn_page **out, struct Pix **outpix, const syn_spec *spec);
/* Lengths of the spec in pixels at its dpi: millimetres and points (layout.c). */
int syn_mm2px(const syn_spec *sp, double mm);
int syn_pt2px(const syn_spec *sp, double pt);
/* The same for a vertical page (spec->vertical), called by syn_layout_page. */
int syn_vlayout_page(syn_page **out, struct Pix **outpix, const syn_spec *spec);

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

/* ------------------------------------------------------------------ scan */

/* Paper and scanner faults on the clean 8 bpp page, in place: bleed-through,
 * fold and shadow band (spec fields; all 0 leaves pix unchanged). */
int syn_scan_paper(struct Pix *pix, const syn_spec *spec);

/* ---------------------------------------------------------------- corpus */

typedef struct {
    char **para; /* lines; headings keep their "## " prefix */
    int n;
} syn_corpus;

int syn_corpus_load(syn_corpus *out, const char *path);
void syn_corpus_free(syn_corpus *c);

/* ---------------------------------------------------------------- random */

typedef struct {
    uint64_t seed;
    int latin;                  /* -1: draw with latin_share, 0: Chinese page, 1: Latin page */
    double latin_share;         /* probability of a Latin page when latin is -1 */
    double vertical_share;      /* probability of vertical headlines on a Chinese page */
    double vertical_body_share; /* probability of a whole vertical page (vlayout.c) */
    double vertical_photos;     /* probability of a photo in an article of such a page */
    int distinct_text;          /* no body paragraph twice on a page while others are left */
    int dpi;                    /* > 0: override the drawn dpi (quick tests) */
    const char *text_dir;       /* samples/text (Chinese corpora) */
    const char *text_dir_en;    /* tests/synth/text (English corpus) */
} syn_random_opts;

/* What a random page drew: the variation record written to the sidecar. */
typedef struct {
    uint64_t seed;
    int attempt; /* draws rejected because the layout did not fit */
    int latin, cols, articles, lshapes, boxes, ads, photos, photo_top, photo_mid;
    int photo_bottom, photo_above, cap_beside, quotes, dropcaps, heads_partial;
    int heads_2line, subheads, sub_inline, bylines, col_rules, row_rules, latin_in_cjk;
    int vertical, vheads; /* page drew vertical headlines (2: a vertical page); how many */
    double body_pt, gutter_em;
    int body_font, head_font;
    double page_w, page_h;
    int dpi, format, jpeg_q, yellow, border, bilevel;
    double lighting, shadow, fold, bleed, blur, noise, skew;
} syn_vars;

int syn_random_spec(syn_spec **out, syn_vars *vars, const syn_random_opts *opt, syn_rng *rng);
void syn_vars_line(const syn_vars *v, char *buf, size_t n);
int syn_vars_write_json(const syn_vars *v, const char *path);

/* --------------------------------------------------------------- pagexml */

int syn_pagexml_write(const syn_page *page, const syn_xform *xf, const char *image_name,
                      const char *path);

#endif /* NEWSOCR_SYNTH_H */
