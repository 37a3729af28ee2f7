/*
 * pipeline.c - all stages on one image.
 *
 *   nocr_process     preprocess -> segment -> recognize -> [hook] -> reconstruct, timed;
 *                    the layout (newsocr's; Tesseract's with --layout tesseract and for an
 *                    alphabetic script) is checked against Tesseract's and the ink, and
 *                    recognition followed by the coverage check, so that no text is lost
 *                    (recog/second.c)
 *
 * The one file that knows every stage. Where new work goes: a stage is a folder (see
 * src/README.md); a step after recognition (a corrector) is a hook, not a change here.
 */
#include "core/internal.h"
#include "layout/direction.h"
#include "recog/second.h"

#include <string.h>

int nocr_process(nocr_page **out, nocr_engine *eng, nocr_image *img,
                 const nocr_process_options *opts, nocr_timings *timings)
{
    nocr_process_options defaults = NOCR_PROCESS_OPTIONS_INIT;
    nocr_timings t;
    nocr_page *page = NULL;
    int rc;

    if (!out || !eng || !img)
        return nocr_error_set(NOCR_EINVAL, "nocr_process: NULL argument");
    *out = NULL;
    if (!opts)
        opts = &defaults;
    memset(&t, 0, sizeof(t));

    /* alphabetic type big enough for Tesseract is not enlarged (preprocess.c): most of a
     * Latin page's time was Tesseract reading the enlarged image */
    nocr_preprocess_options pre = opts->preprocess;
    pre.alphabetic = opts->layout != NOCR_LAYOUT_TESSERACT && nocr_lang_alphabetic(eng);
    double t0 = nocr_now();
    if ((rc = nocr_preprocess(img, &pre)))
        goto cleanup;
    double t1 = nocr_now();
    t.preprocess = t1 - t0;
    /* the layout, checked against Tesseract's so that no text is lost (recog/second.c); a
     * page in an alphabetic script takes Tesseract's from the start, as the check would */
    int tesseract_layout = opts->layout == NOCR_LAYOUT_TESSERACT;
    int alphabetic = !tesseract_layout && nocr_layout_alphabetic(eng, img);
    if (alphabetic)
        rc = nocr_segment_alphabetic(&page, eng, img);
    else if (!(rc = tesseract_layout ? nocr_segment_tesseract(&page, eng, img)
                                     : nocr_segment_direction(&page, img, opts->direction)))
        rc = nocr_layout_check(page, eng, img, tesseract_layout);
    if (rc)
        goto cleanup;
    double t2 = nocr_now();
    t.segment = t2 - t1;
    if ((rc = nocr_recognize(page, eng, img)) || (rc = nocr_recognize_check(page, eng, img)))
        goto cleanup;
    double t3 = nocr_now();
    t.recognize = t3 - t2;
    if (opts->after_recognize) {
        nocr_error_clear();
        if ((rc = opts->after_recognize(page, opts->hook_data))) {
            if (rc > 0 || rc < NOCR_EINTERNAL)
                rc = NOCR_EINTERNAL;
            if (!*nocr_error_last())
                nocr_error_set(rc, "post-recognition hook failed");
            goto cleanup;
        }
        t3 = nocr_now(); /* the hook's time is not recognition's nor reconstruction's */
    }
    /* an alphabetic page keeps Tesseract's block order where no wide headline moves it */
    if ((rc = alphabetic ? nocr_reconstruct_blocks(page) : nocr_reconstruct(page)))
        goto cleanup;
    t.reconstruct = nocr_now() - t3;
    *out = page;
    page = NULL;

cleanup:
    nocr_page_free(page);
    if (timings)
        *timings = t;
    return rc;
}
