/*
 * main.c - newsocr-synth command line.
 *
 *   main    parse arguments, then for each spec: load, lay out, degrade,
 *           write NAME.{png,jpg,tif} and NAME.page.xml into the output dir
 *
 * Usage: newsocr-synth [-o OUTDIR] SPEC...
 * Exit status: 0 success, 1 bad usage, 2 a spec failed (message on stderr).
 */
#include "synth.h"

#include <leptonica/allheaders.h>
#include <libxml/xmlversion.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *fp)
{
    fprintf(fp, "usage: newsocr-synth [-o OUTDIR] SPEC...\n"
                "Typeset a synthetic Chinese newspaper page from each page spec and write\n"
                "OUTDIR/NAME.{png,jpg,tif} with its PAGE XML ground truth NAME.page.xml.\n"
                "The spec format is documented in samples/README.md.\n");
}

static int run_spec(const char *specpath, const char *outdir)
{
    syn_spec *sp = NULL;
    syn_page *page = NULL;
    PIX *clean = NULL, *final = NULL;
    syn_xform xf;
    char img[1200], xml[1200], base[128];
    const char *ext;
    int rc;

    if ((rc = syn_spec_load(&sp, specpath)))
        goto cleanup;
    if ((rc = syn_layout_page(&page, &clean, sp)))
        goto cleanup;
    if ((rc = syn_degrade_page(&final, &xf, clean, sp)))
        goto cleanup;
    ext = sp->format == SYN_FMT_JPEG ? "jpg" : sp->format == SYN_FMT_TIFF ? "tif" : "png";
    snprintf(base, sizeof(base), "%s.%s", sp->name, ext);
    snprintf(img, sizeof(img), "%s/%s", outdir, base);
    snprintf(xml, sizeof(xml), "%s/%s.page.xml", outdir, sp->name);
    if ((rc = syn_degrade_write(final, sp, img)))
        goto cleanup;
    rc = syn_pagexml_write(page, &xf, base, xml);
cleanup:
    if (rc)
        syn_error_prefix(specpath);
    pixDestroy(&clean);
    pixDestroy(&final);
    syn_page_free(page);
    syn_spec_free(sp);
    return rc;
}

int main(int argc, char **argv)
{
    const char *outdir = ".";
    int i, first = 1, failed = 0;

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
    for (i = first; i < argc; i++) {
        if (run_spec(argv[i], outdir)) {
            fprintf(stderr, "newsocr-synth: %s\n", syn_error_get());
            failed = 1;
        }
    }
    syn_font_done();
    return failed ? 2 : 0;
}
