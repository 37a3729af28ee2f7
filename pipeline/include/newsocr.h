/*
 * newsocr.h - the one public header of the newsocr library.
 *
 * newsocr turns a scanned newspaper page into text in the order a person reads it.
 * One structure, the page model (page -> regions -> lines -> words), flows through
 * the stages:
 *
 *     nocr_image_load -> nocr_preprocess -> nocr_segment -> nocr_recognize
 *                     -> nocr_reconstruct -> nocr_export_*
 *
 * nocr_process() runs them all. Each stage has a narrow interface (an image in and out,
 * or the page model in and out), so a later version can replace one stage alone.
 *
 * Conventions (after libgit2):
 *   - A fallible function returns int: NOCR_OK (0) or a negative nocr_error code.
 *     A one-line message naming the file and the reason is kept per thread:
 *     nocr_error_last().
 *   - Output parameters come first and are named out; what is returned through
 *     **out is the caller's, freed with the module's _free function, which accepts NULL.
 *   - Options are structs initialised with an _INIT macro.
 *   - All boxes are in the pixels of the original image (before any scaling or deskew).
 *   - The library never prints to stdout and never exits.
 *
 * Lifecycle:
 *
 *     nocr_engine *eng;                     // load models once per process
 *     nocr_engine_options eo = NOCR_ENGINE_OPTIONS_INIT;
 *     nocr_engine_new(&eng, &eo);
 *     for each file, for each page of it:
 *         nocr_image *img; nocr_page *page; char *txt;
 *         nocr_image_load(&img, path, page_index, &load_options);
 *         nocr_process(&page, eng, img, &process_options, &timings);
 *         nocr_export_txt(&txt, page);     // free(txt)
 *         nocr_page_free(page); nocr_image_free(img);
 *     nocr_engine_free(eng);
 *
 * Thread safety: an engine is used by one thread at a time; use one engine per worker.
 * Everything else is plain data owned by its caller.
 */
#ifndef NEWSOCR_H
#define NEWSOCR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NOCR_VERSION_MAJOR 0
#define NOCR_VERSION_MINOR 1
#define NOCR_VERSION_PATCH 0
#define NOCR_VERSION       "0.1.0"

/* Returns the library version as "MAJOR.MINOR.PATCH"; static storage. */
const char *nocr_version(void);

/* ---------------------------------------------------------------------------------------
 * Errors
 */

/* Error codes returned (negated) by every fallible function. */
typedef enum nocr_error {
    NOCR_OK = 0,
    NOCR_EINVAL = -1,    /* invalid argument or option (a usage error) */
    NOCR_ENOENT = -2,    /* input file missing, or not a regular file */
    NOCR_EREAD = -3,     /* input could not be read (I/O error, empty file) */
    NOCR_EFORMAT = -4,   /* not an image, unsupported, truncated or corrupt */
    NOCR_ELIMIT = -5,    /* image larger than the pixel limit, or too small to hold text */
    NOCR_EMODEL = -6,    /* recognition model (traineddata) missing or unloadable */
    NOCR_EENGINE = -7,   /* the recognition engine failed */
    NOCR_EWRITE = -8,    /* output could not be written */
    NOCR_ENOMEM = -9,    /* out of memory */
    NOCR_EINTERNAL = -10 /* a bug: please report it */
} nocr_error;

/* The message of the last error set on this thread ("" if none); valid until the next
 * library call on this thread. */
const char *nocr_error_last(void);

/* A short constant name for an error code ("file not found", ...). */
const char *nocr_error_name(int code);

/* ---------------------------------------------------------------------------------------
 * Geometry and enumerations of the page model
 */

typedef struct nocr_box {
    int x, y; /* top-left corner, pixels of the original image */
    int w, h; /* width and height in pixels; 0 when unknown */
} nocr_box;

/* The page model holds boxes with -NOCR_MAX_COORD <= x, y and 0 <= w, h and x + w, y + h
 * <= NOCR_MAX_COORD (far beyond any scan: 16.7 million pixels), so that no stage's
 * arithmetic on them overflows. The nocr_*_add_* functions refuse other boxes (NOCR_EINVAL);
 * the box setters clamp them. */
#define NOCR_MAX_COORD (1 << 24)

typedef enum nocr_role {
    NOCR_ROLE_UNKNOWN = 0,
    NOCR_ROLE_HEADLINE,
    NOCR_ROLE_SUBHEADLINE,
    NOCR_ROLE_SECTION_HEADING, /* a heading inside an article's body */
    NOCR_ROLE_BYLINE,
    NOCR_ROLE_BODY,
    NOCR_ROLE_CAPTION,
    NOCR_ROLE_PAGE_HEADER, /* folio line: page number, section, date */
    NOCR_ROLE_NOTE,        /* page note or credit, e.g. (本版图片均为资料图) */
    NOCR_ROLE_FIGURE,      /* a photo or drawing: no text */
    NOCR_ROLE_SEPARATOR,   /* a printed rule: no text */
    NOCR_ROLE_COUNT
} nocr_role;

/* Lower-case name of a role ("headline", "body", "folio", ...); "unknown" when out of
 * range. The one name of the role everywhere: the exports (JSON role, PAGE XML structure
 * type, ALTO tags, hOCR x_role, the overlay's legend) and the ground-truth convention of
 * the samples (samples/README.md) write these names. */
const char *nocr_role_name(nocr_role role);
/* 1 when regions of this role hold text (every role but figure and separator), else 0:
 * the one definition every stage and export uses. */
int nocr_role_is_text(nocr_role role);

typedef enum nocr_direction {
    NOCR_DIR_HORIZONTAL = 0, /* lines left to right, top to bottom */
    NOCR_DIR_VERTICAL = 1    /* columns top to bottom, right to left (traditional CJK) */
} nocr_direction;

/* Which analysis decided a region (reported per region in the JSON): newsocr's own
 * layout, Tesseract's layout analysis (the second opinion, or --layout tesseract), or the
 * coverage check that recognizes ink no region covered. */
typedef enum nocr_origin {
    NOCR_ORIGIN_LAYOUT = 0,
    NOCR_ORIGIN_TESSERACT = 1,
    NOCR_ORIGIN_COVERAGE = 2
} nocr_origin;

/* "layout", "tesseract", "coverage"; "unknown" when out of range. */
const char *nocr_origin_name(nocr_origin origin);

/* ---------------------------------------------------------------------------------------
 * The page model
 *
 * A page owns its regions, a region its lines, a line its words. Getters return borrowed
 * pointers valid while the page lives. Text is UTF-8, owned by the model. Confidence is
 * 0..100, or -1 when unknown.
 */

typedef struct nocr_page nocr_page;
typedef struct nocr_region nocr_region;
typedef struct nocr_line nocr_line;
typedef struct nocr_word nocr_word;

/* Creates an empty page of width x height original pixels. Free with nocr_page_free. */
int nocr_page_new(nocr_page **out, int width, int height);
void nocr_page_free(nocr_page *page);

int nocr_page_width(const nocr_page *page);
int nocr_page_height(const nocr_page *page);
/* Resolution used (from the file, or estimated); 0 when unknown. */
int nocr_page_dpi(const nocr_page *page);
void nocr_page_set_dpi(nocr_page *page, int dpi);
/* The scan's skew found by preprocessing, degrees (positive: the page is turned clockwise,
 * as nocr_image_skew), and its confidence 0..1. */
double nocr_page_skew(const nocr_page *page);
double nocr_page_skew_confidence(const nocr_page *page);
/* The share of the page's text-like ink (0..1) that ended up in a recognized text region:
 * 1 when nothing was lost; -1 until measured (set by the stage that checks coverage). */
double nocr_page_coverage(const nocr_page *page);
void nocr_page_set_coverage(nocr_page *page, double coverage);
/* The recognition language chosen for the page (e.g. "chi_tra" when the engine's language
 * is "auto"); "" until recognition. Set by the recognizer. */
const char *nocr_page_lang(const nocr_page *page);
int nocr_page_set_lang(nocr_page *page, const char *lang);
void nocr_page_set_skew(nocr_page *page, double degrees, double confidence);
/* Body text character height, original pixels: set by the segmenter, which measures it
 * from the ink; every length rule of the later stages is a multiple of it. When nobody set
 * it (a page built by hand), the median height of the lines of the body regions; 0 when
 * there are none. */
int nocr_page_body_height(const nocr_page *page);
void nocr_page_set_body_height(nocr_page *page, int pixels);
/* Source file name and page index in it (0-based), for reports and exports. */
const char *nocr_page_source(const nocr_page *page);
int nocr_page_index(const nocr_page *page);
int nocr_page_set_source(nocr_page *page, const char *path, int index);

/* Warnings about the page that did not stop the pipeline (a layout the reconstructor
 * could only partly make sense of, a page without text...), one line each, owned by the
 * page. */
size_t nocr_page_warning_count(const nocr_page *page);
const char *nocr_page_warning(const nocr_page *page, size_t i);
int nocr_page_add_warning(nocr_page *page, const char *message);

size_t nocr_page_region_count(const nocr_page *page);
nocr_region *nocr_page_region(const nocr_page *page, size_t i);
/* Appends a region; *out (optional) is borrowed from the page. */
int nocr_page_add_region(nocr_region **out, nocr_page *page, nocr_role role, nocr_box box);
/* Removes all regions (a stage that re-segments starts from here). */
void nocr_page_clear_regions(nocr_page *page);
/* Sorts the regions by their reading-order index (stable; -1 sorts last). */
void nocr_page_sort_by_order(nocr_page *page);

nocr_role nocr_region_role(const nocr_region *region);
void nocr_region_set_role(nocr_region *region, nocr_role role);
nocr_box nocr_region_box(const nocr_region *region);
void nocr_region_set_box(nocr_region *region, nocr_box box);
nocr_direction nocr_region_direction(const nocr_region *region);
void nocr_region_set_direction(nocr_region *region, nocr_direction dir);
/* Article id (0-based; -1 when the region belongs to no article). */
int nocr_region_article(const nocr_region *region);
void nocr_region_set_article(nocr_region *region, int article);
/* Position in reading order (0-based; -1 until the reconstructor sets it). */
int nocr_region_order(const nocr_region *region);
void nocr_region_set_order(nocr_region *region, int order);
/* 1 when the region's first paragraph continues the last paragraph of the text region
 * before it in reading order (a paragraph running on into the next column or past a
 * photo); set by the reconstructor, default 0. Exports join the two. */
int nocr_region_continues(const nocr_region *region);
void nocr_region_set_continues(nocr_region *region, int continues);
/* Mean confidence of the region's lines, 0..100, or -1 when it has none. */
float nocr_region_confidence(const nocr_region *region);
/* The region's box in the working image's pixels (deskewed and scaled by preprocessing,
 * see nocr_image_box_to_original), set by a segmenter that found it there; w == 0 when
 * unknown. Recognition reads from it when set: mapping a deskewed box to the original and
 * back would widen it. Lines have the same property. */
nocr_box nocr_region_work_box(const nocr_region *region);
void nocr_region_set_work_box(nocr_region *region, nocr_box box);
/* Which analysis found the region (default NOCR_ORIGIN_LAYOUT). */
nocr_origin nocr_region_origin(const nocr_region *region);
void nocr_region_set_origin(nocr_region *region, nocr_origin origin);

size_t nocr_region_line_count(const nocr_region *region);
nocr_line *nocr_region_line(const nocr_region *region, size_t i);
/* Appends a line; text may be NULL (not yet recognised). *out optional, borrowed. */
int nocr_region_add_line(nocr_line **out, nocr_region *region, nocr_box box, const char *text,
                         float confidence);
/* Removes line i (freeing it; pointers to it become invalid), or every line. */
void nocr_region_remove_line(nocr_region *region, size_t i);
void nocr_region_clear_lines(nocr_region *region);

nocr_box nocr_line_box(const nocr_line *line);
nocr_box nocr_line_work_box(const nocr_line *line); /* as nocr_region_work_box */
void nocr_line_set_work_box(nocr_line *line, nocr_box box);
/* Text of the line; "" when none. */
const char *nocr_line_text(const nocr_line *line);
/* Sets the line's text. A line's words and its text say the same thing in every export:
 * when the line has words, they are replaced by one word with the line's box and the new
 * text (to keep the word boxes, edit the words instead: nocr_line_set_word_text). */
int nocr_line_set_text(nocr_line *line, const char *text);
float nocr_line_confidence(const nocr_line *line);
void nocr_line_set_confidence(nocr_line *line, float confidence);
/* True (1) when the line starts a paragraph (set by the reconstructor; default 0). */
int nocr_line_starts_paragraph(const nocr_line *line);
void nocr_line_set_starts_paragraph(nocr_line *line, int starts);

size_t nocr_line_word_count(const nocr_line *line);
nocr_word *nocr_line_word(const nocr_line *line, size_t i);
int nocr_line_add_word(nocr_word **out, nocr_line *line, nocr_box box, const char *text,
                       float confidence);
/* Editing words (a post-recognition hook correcting text): each of these sets the line's
 * text again from its words, as nocr_line_text_from_words does, so that the txt output and
 * ALTO, hOCR and PAGE agree. Errors: NOCR_EINVAL (i out of range), NOCR_ENOMEM. */
int nocr_line_set_word_text(nocr_line *line, size_t i, const char *text);
int nocr_line_remove_word(nocr_line *line, size_t i);
/* Sets the line's text from its words: Latin words one space apart; between a CJK
 * character and a Latin word a space only where the print shows a gap (wider than
 * NOCR_CJK_LATIN_SPACE_GAP of the line height); then nocr_text_normalize. */
int nocr_line_text_from_words(nocr_line *line);
#define NOCR_CJK_LATIN_SPACE_GAP 0.35

nocr_box nocr_word_box(const nocr_word *word);
const char *nocr_word_text(const nocr_word *word);
float nocr_word_confidence(const nocr_word *word);

/* ---------------------------------------------------------------------------------------
 * Images: loading and preprocessing
 *
 * A nocr_image is an image being worked on plus the mapping back to the original pixels.
 */

typedef struct nocr_image nocr_image;

/* Default and hard limits: a page above max_pixels is refused before it is decoded. */
#define NOCR_DEFAULT_MAX_PIXELS (250LL * 1000 * 1000)
#define NOCR_MIN_SIDE           16 /* smaller images cannot hold a line of text */

typedef struct nocr_load_options {
    long long max_pixels; /* refuse width*height above this; <= 0: the default */
    int pdf_dpi;          /* PDF pages: render at this resolution (100..1200); 0: at the
                           * resolution of the page's scan, else 300 dpi */
} nocr_load_options;
#define NOCR_LOAD_OPTIONS_INIT {NOCR_DEFAULT_MAX_PIXELS, 0}

/* Counts the pages of an image file: the number of images of a multi-page TIFF, 1 for
 * other formats. Reads headers only. Errors: NOCR_ENOENT, NOCR_EREAD, NOCR_EFORMAT. */
int nocr_image_page_count(int *out, const char *path);

/* Loads page `index` (0-based) of an image file: PNG, JPEG, TIFF (any page), and what
 * else Leptonica reads (BMP, PNM, WebP, GIF, JPEG 2000); 1, 8, 16, 24 or 32 bit; colormaps.
 * The header is checked against opts->max_pixels before decoding. Truncated or corrupt
 * data is an error (NOCR_EFORMAT), never a partial image.
 * opts may be NULL (defaults). Free with nocr_image_free. */
int nocr_image_load(nocr_image **out, const char *path, int index,
                    const nocr_load_options *opts);

/* The same from an encoded image in memory (the bytes of any file nocr_image_load reads);
 * `name` stands for the file in messages and in the page model. */
int nocr_image_load_mem(nocr_image **out, const void *data, size_t size, const char *name,
                        int index, const nocr_load_options *opts);
void nocr_image_free(nocr_image *img);

int nocr_image_width(const nocr_image *img);  /* original pixels */
int nocr_image_height(const nocr_image *img); /* original pixels */
int nocr_image_depth(const nocr_image *img);  /* bits per pixel as stored in the file */
/* Resolution stored in the file, 0 when absent (it is often missing or wrong). */
int nocr_image_dpi(const nocr_image *img);
const char *nocr_image_source(const nocr_image *img);
int nocr_image_index(const nocr_image *img);

typedef struct nocr_preprocess_options {
    int binarize;          /* 1: adaptive binarization (default); 0: grayscale only */
    int enhance;           /* 1 (default): the full scan clean-up (resolution, background,
                            * deskew, borders, speckle, photos, rules); 0: grayscale and
                            * binarization only, for comparison */
    const char *debug_dir; /* if set, each step's image is written there (PNG) */
    int alphabetic;        /* 1: the page is read in an alphabetic script (e.g. -l eng),
                            * whose type preprocessing enlarges less (preprocess.c); set
                            * by nocr_process from the engine's languages. Default 0 */
} nocr_preprocess_options;
#define NOCR_PREPROCESS_OPTIONS_INIT {1, 1, NULL, 0}

/* Turns a loaded scan into the images the later stages need (see preprocess.c for each
 * step). Replaces img's working images and findings; the original stays as loaded and
 * every coordinate reported stays in its pixels. Calling it again starts over. */
int nocr_preprocess(nocr_image *img, const nocr_preprocess_options *opts);

/* What preprocessing found, in original pixels. Before nocr_preprocess: 0 / none. */
double nocr_image_skew(const nocr_image *img);            /* degrees, clockwise positive */
double nocr_image_skew_confidence(const nocr_image *img); /* 0..1 */
/* Scale factor applied for recognition (working pixels per original pixel). */
double nocr_image_scale(const nocr_image *img);
size_t nocr_image_figure_count(const nocr_image *img);
nocr_box nocr_image_figure(const nocr_image *img, size_t i); /* photos, halftones */
size_t nocr_image_rule_count(const nocr_image *img);
/* A printed rule; *vertical (optional) is 1 for a column rule, 0 for a horizontal one. */
nocr_box nocr_image_rule(const nocr_image *img, size_t i, int *vertical);

/* The working images and findings, for a stage written outside the library (a segmenter or
 * recognizer of one's own): the original rotated by the skew and scaled by the scale
 * factor. Leptonica images, borrowed: valid until img is freed or preprocessed again.
 *   _work_gray    8 bpp gray (NULL before nocr_preprocess)
 *   _work_binary  1 bpp, text only: photos and rules removed (NULL when not binarized)
 *   _pix          the original as decoded: 8 bpp gray or 32 bpp RGB */
struct Pix;
struct Pix *nocr_image_pix(const nocr_image *img);
struct Pix *nocr_image_work_gray(const nocr_image *img);
struct Pix *nocr_image_work_binary(const nocr_image *img);
/* Body text height in working pixels measured by preprocessing; 0 when not measured. */
int nocr_image_work_body_size(const nocr_image *img);
/* Figures and rules in working pixels (the same lists as nocr_image_figure/_rule). */
nocr_box nocr_image_work_figure(const nocr_image *img, size_t i);
nocr_box nocr_image_work_rule(const nocr_image *img, size_t i, int *vertical);
/* Maps a box from working to original pixels and back: the bounding box of its mapped
 * corners, clipped to the target image. */
nocr_box nocr_image_box_to_original(const nocr_image *img, nocr_box work);
nocr_box nocr_image_box_to_working(const nocr_image *img, nocr_box original);

/* ---------------------------------------------------------------------------------------
 * The recognition engine
 */

typedef struct nocr_engine nocr_engine;

typedef struct nocr_engine_options {
    const char *lang;     /* Tesseract language string, e.g. "chi_sim", "chi_sim+eng";
                           * NULL: "chi_sim" */
    const char *tessdata; /* model directory; NULL: $NEWSOCR_TESSDATA, then the system's */
    const char *config;   /* newsocr's Tesseract settings file; NULL: the installed one,
                           * or none if absent */
} nocr_engine_options;
#define NOCR_ENGINE_OPTIONS_INIT {NULL, NULL, NULL}

/* Creates an engine: finds the models, loads them once, limits Tesseract to one thread.
 * Errors: NOCR_EMODEL with a message naming the missing language and the directories
 * searched; NOCR_EENGINE. Free with nocr_engine_free. */
int nocr_engine_new(nocr_engine **out, const nocr_engine_options *opts);
void nocr_engine_free(nocr_engine *eng);
/* The settings file loaded ("" when none): opts->config, else the copy installed beside
 * the library (LIBDIR/../share/newsocr/newsocr.config), else the build's. Owned by the
 * engine. */
const char *nocr_engine_config(const nocr_engine *eng);
/* The model directory in use and the language string loaded; owned by the engine. */
const char *nocr_engine_tessdata(const nocr_engine *eng);
const char *nocr_engine_lang(const nocr_engine *eng);

/* The recognition models an engine created with opts.tessdata = `tessdata` (NULL: none
 * given) would find, for a user choosing a language. *out is text, the caller's (free()):
 * first one line per directory searched, in the engine's order,
 *     "dir\tDIR\tFROM\n"      FROM: "--tessdata", "NEWSOCR_TESSDATA", "TESSDATA_PREFIX"
 *                             or "system"
 * (a directory that is given, or $NEWSOCR_TESSDATA, is the only one searched), then one line
 * per model (*.traineddata) found, sorted by name,
 *     "model\tNAME\tDIR\n"     DIR: the first directory searched that holds it.
 * Absent directories are listed and hold no models. Errors: NOCR_EINVAL, NOCR_ENOMEM. */
int nocr_models_list(char **out, const char *tessdata);

/* ---------------------------------------------------------------------------------------
 * The stages on the page model
 */

/* Finds the text blocks, lines, photos and rules of a preprocessed image (newsocr's own
 * layout analysis: no line crosses a column gutter) and creates *out, a page of the
 * image's original size whose regions have boxes, roles and lines but no text yet, and
 * whose body height is set. Works on the binary working image, or on the gray one when
 * preprocessing did not binarize (binarize = 0). */
int nocr_segment(nocr_page **out, const nocr_image *img);

/* Recognises the text of every text region of `page` on `img` and stores words, text and
 * confidences in the page: body blocks as one block each, headings, bylines, captions and
 * the folio line by line (headline-size lines from a scaled-down copy). A region without
 * lines is read as a block and gets Tesseract's lines. */
int nocr_recognize(nocr_page *page, nocr_engine *eng, const nocr_image *img);

/* Puts regions in reading order: sets each region's order and article, marks paragraph
 * starts, and sorts the page's regions by order. Works on the page model alone. A heading
 * region that holds a byline under its own lines is cut where the byline starts: the
 * byline's lines move to regions added to the page. */
int nocr_reconstruct(nocr_page *page);

/* As nocr_reconstruct, for a page whose regions were added in the reading order of the
 * segmenter that made them (Tesseract's blocks: nocr_process reads pages in alphabetic
 * scripts so): that order is kept wherever no headline over two columns or more, the folio
 * or a page note moves a region (order/blocks.c); regions the coverage check added
 * (NOCR_ORIGIN_COVERAGE) move nothing. A text line whose box lies mostly inside a larger
 * line of another region (print read twice where two blocks' rectangles overlap) is
 * dropped first. */
int nocr_reconstruct_blocks(nocr_page *page);

/* Per-stage wall times of one nocr_process call, seconds. */
typedef struct nocr_timings {
    double load, preprocess, segment, recognize, reconstruct, export_;
} nocr_timings;

/* A step of one's own after recognition and before reconstruction (a spelling corrector,
 * a dictionary of place names): it may edit the page's text through the word API above.
 * Returns 0, or a negative nocr_error that stops nocr_process with that code (after
 * nocr_error_last is set, by the hook or else to "post-recognition hook failed"). */
typedef int (*nocr_page_hook)(nocr_page *page, void *data);

/* Whose layout analysis segments the page. */
typedef enum nocr_layout_mode {
    NOCR_LAYOUT_NEWSOCR = 0,  /* newsocr's own, checked against Tesseract's (default);
                               * with no CJK language, Tesseract's (alphabetic pages) */
    NOCR_LAYOUT_TESSERACT = 1 /* Tesseract's blocks and lines, newsocr's reading order: for
                               * comparison, and for layouts newsocr's analysis does not know */
} nocr_layout_mode;

/* Writing direction of the page's text. */
typedef enum nocr_direction_mode {
    NOCR_DIRECTION_AUTO = 0,       /* detected per region from the ink (default) */
    NOCR_DIRECTION_HORIZONTAL = 1, /* every region horizontal */
    NOCR_DIRECTION_VERTICAL = 2    /* every text region vertical, except the folio */
} nocr_direction_mode;

typedef struct nocr_process_options {
    nocr_preprocess_options preprocess;
    nocr_page_hook after_recognize; /* NULL: none */
    void *hook_data;                /* passed to the hook */
    nocr_layout_mode layout;
    nocr_direction_mode direction;
} nocr_process_options;
#define NOCR_PROCESS_OPTIONS_INIT                                                              \
    {NOCR_PREPROCESS_OPTIONS_INIT, NULL, NULL, NOCR_LAYOUT_NEWSOCR, NOCR_DIRECTION_AUTO}

/* Runs preprocess -> segment -> recognize -> [after_recognize] -> reconstruct on a loaded
 * image. opts and timings may be NULL. On error *out is NULL. */
int nocr_process(nocr_page **out, nocr_engine *eng, nocr_image *img,
                 const nocr_process_options *opts, nocr_timings *timings);

/* ---------------------------------------------------------------------------------------
 * Export
 */

/* The page as plain UTF-8 text in reading order: articles separated by a blank line,
 * one line per headline, byline, heading and paragraph, captions after their article's
 * body. *out is the caller's, freed with free(). */
int nocr_export_txt(char **out, const nocr_page *page);

/* What the structured exports record about how the page was made (ALTO Description,
 * PAGE Metadata, JSON "engine"). Any field may be NULL. */
typedef struct nocr_export_info {
    const char *image_name; /* the image file name written into the export */
    const char *lang;       /* Tesseract languages used, e.g. "chi_sim" */
    const char *settings;   /* a one-line summary of the settings, for provenance */
} nocr_export_info;
#define NOCR_EXPORT_INFO_INIT {NULL, NULL, NULL}

/* Version of the JSON export's schema (pipeline/schema/newsocr-page.schema.json). */
#define NOCR_JSON_SCHEMA_VERSION "1.3"

/* Each export writes the whole page in reading order into *out, a NUL-terminated UTF-8
 * string that is the caller's, freed with free(). info may be NULL. */
int nocr_export_json(char **out, const nocr_page *page, const nocr_export_info *info);
int nocr_export_hocr(char **out, const nocr_page *page, const nocr_export_info *info);
int nocr_export_alto(char **out, const nocr_page *page, const nocr_export_info *info);
int nocr_export_pagexml(char **out, const nocr_page *page, const nocr_export_info *info);

/* The reading-order overlay: the original page with regions tinted by role, numbered in
 * reading order, arrows from region to region. *out (PNG bytes, *out_size of them) is
 * the caller's, freed with free(). */
int nocr_export_overlay(unsigned char **out, size_t *out_size, const nocr_page *page,
                        const nocr_image *img);

/* The page as a searchable PDF of one page: the page image under an invisible text layer
 * in reading order, so that a viewer shows the scan and selecting, searching and copying
 * give the recognised text at its place. The image is embedded as it came when it was a
 * JPEG (a JPEG file, or a scanned PDF page's JPEG), else as CCITT G4 when it holds only
 * black and white, else as JPEG (quality NOCR_PDF_JPEG_QUALITY). The page measures the
 * image at its resolution (the page's, else the image file's, else 300 dpi). The text is
 * set region by region, line by line, in the order of the txt export, each word stretched
 * over its box, in an embedded glyph-less font whose ToUnicode map gives back the text (CJK
 * included). It is a tagged PDF whose structure is the txt export's: an article element
 * per article holding, in reading order, a heading (H1, H2), paragraph (P) or caption
 * element per line of the txt (a word the txt rejoins across a line end ends the line in a
 * soft hyphen); the image is an artifact. Title: the image's file name; Producer: "newsocr
 * VERSION"; both also in XMP metadata, with an sRGB output intent. img may be NULL: a page
 * of text alone, of the page's size. *out (*out_size bytes) is the caller's, freed with
 * free(). Errors: NOCR_EINVAL, NOCR_ENOMEM, NOCR_ELIMIT (over 65534 distinct
 * characters). */
int nocr_export_pdf(unsigned char **out, size_t *out_size, const nocr_page *page,
                    const nocr_image *img, const nocr_export_info *info);
#define NOCR_PDF_JPEG_QUALITY 85

/* A PDF of several pages (the pages of one input file), written as pages come, so a long
 * document is never held in memory:
 *
 *     nocr_pdf_writer *w;
 *     nocr_pdf_writer_new(&w, "out.pdf", &info);   // or NULL: in memory
 *     for each page: nocr_pdf_writer_add_page(w, page, img);
 *     nocr_pdf_writer_finish(w, NULL, NULL);       // in memory: &bytes, &size
 *     nocr_pdf_writer_free(w);
 *
 * new: path is the file to write (created or truncated at once), or NULL to build the PDF
 * in memory; info's image_name gives the Title (may be NULL). add_page: as nocr_export_pdf.
 * finish: writes the fonts, page tree, structure tree (one over all the pages), metadata,
 * document information and cross-reference table;
 * for an in-memory writer *out (*out_size bytes) is then the caller's (free()), for a file
 * out may be NULL. A writer whose add_page or finish failed keeps failing with the same
 * code. free: accepts NULL; a file not finished is removed. Errors: NOCR_EINVAL,
 * NOCR_EWRITE (the file cannot be written), NOCR_ENOMEM, NOCR_ELIMIT. */
typedef struct nocr_pdf_writer nocr_pdf_writer;
int nocr_pdf_writer_new(nocr_pdf_writer **out, const char *path, const nocr_export_info *info);
int nocr_pdf_writer_add_page(nocr_pdf_writer *w, const nocr_page *page, const nocr_image *img);
int nocr_pdf_writer_finish(nocr_pdf_writer *w, unsigned char **out, size_t *out_size);
void nocr_pdf_writer_free(nocr_pdf_writer *w);

/* The output formats, as a table: the CLI, the batch and bindings loop over it rather than
 * naming formats. Entries are static and never freed. */
typedef struct nocr_format {
    const char *name;      /* as given to -f: "txt", "json", "hocr", "alto", "page", ... */
    const char *extension; /* appended to the output name: ".txt", ".alto.xml", ... */
    const char *mime;      /* media type: "text/plain; charset=utf-8", "image/png", ... */
    int needs_image;       /* 1 when the writer draws the page image (overlay) */
    /* Writes `page` (and `img` when needs_image; else it may be NULL) into *out, *out_size
     * bytes that are the caller's, freed with free(). Text formats are NUL-terminated, the
     * terminator not counted. info may be NULL. */
    int (*write)(unsigned char **out, size_t *out_size, const nocr_page *page,
                 const nocr_image *img, const nocr_export_info *info);
} nocr_format;

/* Number of formats, and format i (0 <= i < count) in the order outputs are written; NULL
 * out of range. */
size_t nocr_format_count(void);
const nocr_format *nocr_format_at(size_t i);
/* The format called `name`, NULL when there is none. */
const nocr_format *nocr_format_find(const char *name);

/* ---------------------------------------------------------------------------------------
 * Text utilities (CJK text hygiene)
 */

/* Cleans recognised text for output: removes white space between two CJK characters
 * (Tesseract puts spaces between Han characters), turns ASCII , . : ; ! ? ( ) next to CJK
 * text into their full-width forms (，。：；！？（）) while leaving numbers such as 3.5 and
 * 1,000 alone, and collapses runs of white space between Latin words to one space; leading
 * and trailing white space removed. Invalid UTF-8 bytes become U+FFFD.
 * *out is the caller's, freed with free(). Errors: NOCR_EINVAL (NULL), NOCR_ENOMEM. */
int nocr_text_normalize(char **out, const char *in);

/* Joins two consecutive pieces of one paragraph (line ends, column breaks): nothing between
 * them when either side of the join is CJK, one space between Latin words or numbers, and a
 * Latin word hyphenated at the end of `a` ("inter-" + "national") rejoined without the
 * hyphen. *out is the caller's, freed with free(). */
int nocr_text_join(char **out, const char *a, const char *b);

/* 1 if the Unicode code point is CJK (Han, kana, hangul, CJK punctuation, full-width
 * forms), else 0. */
int nocr_text_is_cjk(unsigned int codepoint);

#ifdef __cplusplus
}
#endif

#endif /* NEWSOCR_H */
