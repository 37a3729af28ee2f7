/*
 * main.c - newsocr-synth command line.
 *
 *   main         parse arguments, then make the spec pages or the random pages
 *   run_spec     one page spec: load, lay out, write
 *   run_random   one random page: draw a spec from the seed (redraw while the
 *                layout does not fit), lay out, write, plus its variation
 *                record (NAME.vars.json and a line on stdout)
 *   write_page   paper faults, scan degradation, image and PAGE XML
 *
 * Usage: see usage() (newsocr-synth --help).
 * Exit status: 0 success, 1 bad usage, 2 a page failed (message on stderr).
 */
#include "synth.h"

#include <leptonica/allheaders.h>
#include <libxml/xmlversion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SYNTH_TEXT_DIR
#define SYNTH_TEXT_DIR "samples/text"
#endif
#ifndef SYNTH_TEXT_DIR_EN
#define SYNTH_TEXT_DIR_EN "tests/synth/text"
#endif

/* redraws of a random page whose layout does not fit, before giving up */
#define MAX_ATTEMPTS 30

static void usage(FILE *fp)
{
    fprintf(fp,
            "usage: newsocr-synth [-o OUTDIR] SPEC...\n"
            "       newsocr-synth [-o OUTDIR] --random SEED [--count N] [--latin | --cjk |\n"
            "                     --latin-share P] [--vertical-share P] [--dpi N]\n"
            "                     [--vertical-body-share P] [--vertical-photos P]\n"
            "                     [--distinct-text] [--text-dir DIR] [--text-dir-en DIR]\n"
            "Typeset a synthetic newspaper page from each page spec and write\n"
            "OUTDIR/NAME.{png,jpg,tif} with its PAGE XML ground truth NAME.page.xml.\n"
            "The spec format is documented in samples/README.md.\n"
            "\n"
            "--random SEED draws a whole page from the seed instead (pages rand-SEED ..\n"
            "rand-SEED+N-1 with --count N): 3-8 columns (Latin pages 2-4), article grids\n"
            "and L-shapes, headlines over 1..all columns in one or two lines or vertical,\n"
            "subheadlines (also on the headline's line), bylines, photos at the top,\n"
            "middle or bottom of columns or above the head with captions under or beside\n"
            "them, boxed articles, ads, rules or none; body 8-12 pt in any installed\n"
            "Debian CJK font (Latin pages: DejaVu/Liberation Serif, drop caps, pull\n"
            "quotes, italic captions); a scan at 150-400 dpi with lighting, shadow band,\n"
            "fold, bleed-through, JPEG q30-95 or PNG, blur, noise, skew +-3 deg, border.\n"
            "The same seed gives the same bytes on any machine with the same libraries\n"
            "and fonts.\n"
            "Besides the image and NAME.page.xml it writes NAME.vars.json, the drawn\n"
            "variation parameters, and prints them as one line on stdout:\n"
            "  seed=1000 photo=top,mid font=serif head_font=sans-bold format=jpeg ...\n"
            "  --latin, --cjk    force a Latin (English) or a Chinese page\n"
            "  --latin-share P   probability of a Latin page otherwise [0.15]\n"
            "  --vertical-share P  probability that a Chinese page has vertical headlines\n"
            "                    (top to bottom, at the top of a column) [0.15]\n"
            "  --vertical-body-share P  probability that a Chinese page is a whole vertical\n"
            "                      page (traditional text in tiers, columns right to left;\n"
            "                      default 0)\n"
            "  --vertical-photos P  probability of a photo, with a caption under it, at the\n"
            "                      top or foot of an article's columns on such a page [0.35]\n"
            "  --distinct-text   set no corpus paragraph twice as body on a page (on a\n"
            "                      vertical page, nor as headline or caption) while unused\n"
            "                      ones are left: the evaluation cannot tell apart two\n"
            "                      copies of one text\n"
            "  --dpi N           override the drawn resolution (quick tests)\n"
            "  --text-dir DIR    Chinese corpora [%s]\n"
            "  --text-dir-en DIR English corpus [%s]\n",
            SYNTH_TEXT_DIR, SYNTH_TEXT_DIR_EN);
}

static int write_page(const syn_spec *sp, const syn_page *page, PIX *clean, const char *outdir)
{
    PIX *final = NULL;
    syn_xform xf;
    char img[1200], xml[1200], base[128];
    const char *ext;
    int rc;

    if ((rc = syn_scan_paper(clean, sp)))
        return rc;
    if ((rc = syn_degrade_page(&final, &xf, clean, sp)))
        return rc;
    ext = sp->format == SYN_FMT_JPEG ? "jpg" : sp->format == SYN_FMT_TIFF ? "tif" : "png";
    snprintf(base, sizeof(base), "%s.%s", sp->name, ext);
    snprintf(img, sizeof(img), "%s/%s", outdir, base);
    snprintf(xml, sizeof(xml), "%s/%s.page.xml", outdir, sp->name);
    if (!(rc = syn_degrade_write(final, sp, img)))
        rc = syn_pagexml_write(page, &xf, base, xml);
    pixDestroy(&final);
    return rc;
}

static int run_spec(const char *specpath, const char *outdir)
{
    syn_spec *sp = NULL;
    syn_page *page = NULL;
    PIX *clean = NULL;
    int rc;

    if ((rc = syn_spec_load(&sp, specpath)))
        goto cleanup;
    if ((rc = syn_layout_page(&page, &clean, sp)))
        goto cleanup;
    rc = write_page(sp, page, clean, outdir);
cleanup:
    if (rc)
        syn_error_prefix(specpath);
    pixDestroy(&clean);
    syn_page_free(page);
    syn_spec_free(sp);
    return rc;
}

static int run_random(const syn_random_opts *opt, const char *outdir)
{
    syn_spec *sp = NULL;
    syn_page *page = NULL;
    PIX *clean = NULL;
    syn_vars vars;
    syn_rng rng;
    char path[1200], line[2048], name[64];
    int rc = SYN_ELAYOUT, attempt;

    syn_rng_seed(&rng, opt->seed);
    for (attempt = 0; attempt < MAX_ATTEMPTS && rc == SYN_ELAYOUT; attempt++) {
        syn_spec_free(sp);
        sp = NULL;
        if ((rc = syn_random_spec(&sp, &vars, opt, &rng)))
            break;
        vars.attempt = attempt;
        rc = syn_layout_page(&page, &clean, sp);
    }
    if (rc)
        goto cleanup;
    vars.lshapes = page->nlshapes; /* what the layout made of the drawn L-shapes */
    if ((rc = write_page(sp, page, clean, outdir)))
        goto cleanup;
    snprintf(path, sizeof(path), "%s/%s.vars.json", outdir, sp->name);
    if ((rc = syn_vars_write_json(&vars, path)))
        goto cleanup;
    syn_vars_line(&vars, line, sizeof(line));
    printf("%s\n", line);
    fflush(stdout);
cleanup:
    if (rc) {
        snprintf(name, sizeof(name), "random seed %llu", (unsigned long long)opt->seed);
        syn_error_prefix(name);
    }
    pixDestroy(&clean);
    syn_page_free(page);
    syn_spec_free(sp);
    return rc;
}

/* parse "--random" options from argv[i..]; returns 0, or 1 on bad usage */
static int parse_random(int argc, char **argv, int i, syn_random_opts *opt, long *count)
{
    for (; i < argc; i++) {
        const char *a = argv[i];
        char *end = NULL;
        if (!strcmp(a, "--latin") || !strcmp(a, "--cjk")) {
            opt->latin = !strcmp(a, "--latin");
            continue;
        }
        if (!strcmp(a, "--distinct-text")) {
            opt->distinct_text = 1;
            continue;
        }
        if (i + 1 >= argc)
            return 1;
        if (!strcmp(a, "--random"))
            opt->seed = strtoull(argv[++i], &end, 10);
        else if (!strcmp(a, "--count"))
            *count = strtol(argv[++i], &end, 10);
        else if (!strcmp(a, "--latin-share"))
            opt->latin_share = strtod(argv[++i], &end);
        else if (!strcmp(a, "--vertical-share"))
            opt->vertical_share = strtod(argv[++i], &end);
        else if (!strcmp(a, "--vertical-body-share"))
            opt->vertical_body_share = strtod(argv[++i], &end);
        else if (!strcmp(a, "--vertical-photos"))
            opt->vertical_photos = strtod(argv[++i], &end);
        else if (!strcmp(a, "--dpi"))
            opt->dpi = (int)strtol(argv[++i], &end, 10);
        else if (!strcmp(a, "--text-dir"))
            opt->text_dir = argv[++i];
        else if (!strcmp(a, "--text-dir-en"))
            opt->text_dir_en = argv[++i];
        else
            return 1;
        if (end && *end)
            return 1;
    }
    if (*count < 1 || opt->latin_share < 0 || opt->latin_share > 1 || opt->vertical_share < 0 ||
        opt->vertical_share > 1 || opt->vertical_body_share < 0 || opt->vertical_body_share > 1 ||
        opt->vertical_photos < 0 || opt->vertical_photos > 1 ||
        (opt->dpi && (opt->dpi < 100 || opt->dpi > 600)))
        return 1;
    return 0;
}

int main(int argc, char **argv)
{
    const char *outdir = ".";
    syn_random_opts ropt = {.latin = -1,
                            .latin_share = 0.15,
                            .vertical_share = 0.15,
                            .vertical_photos = 0.35,
                            .text_dir = SYNTH_TEXT_DIR,
                            .text_dir_en = SYNTH_TEXT_DIR_EN};
    long count = 1, k;
    int i, first = 1, failed = 0, random = 0;

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(argv[i], "-o")) {
            if (i + 1 >= argc) {
                usage(stderr);
                return 1;
            }
            outdir = argv[++i];
            first = i + 1;
        } else {
            break;
        }
    }
    if (first < argc && !strncmp(argv[first], "--", 2)) {
        random = 1;
        if (parse_random(argc, argv, first, &ropt, &count)) {
            usage(stderr);
            return 1;
        }
    }
    if (first >= argc) {
        usage(stderr);
        return 1;
    }
    LIBXML_TEST_VERSION;
    setMsgSeverity(L_SEVERITY_ERROR);
    if (syn_font_init()) {
        fprintf(stderr, "newsocr-synth: %s\n", syn_error_get());
        return 2;
    }
    for (k = 0; random && k < count; k++) {
        syn_random_opts o = ropt;
        o.seed = ropt.seed + (uint64_t)k;
        if (run_random(&o, outdir)) {
            fprintf(stderr, "newsocr-synth: %s\n", syn_error_get());
            failed = 1;
        }
    }
    for (i = first; !random && i < argc; i++) {
        if (run_spec(argv[i], outdir)) {
            fprintf(stderr, "newsocr-synth: %s\n", syn_error_get());
            failed = 1;
        }
    }
    syn_font_done();
    return failed ? 2 : 0;
}
