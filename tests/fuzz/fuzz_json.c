/*
 * fuzz_json.c - libFuzzer harness: the evaluator's reader of newsocr's JSON export
 * (output_from_json in pipeline/eval/output.c) and its plain-text reader
 * (neval_output_from_txt), on any bytes.
 *
 * output_from_json is static: output.c is included here to reach it (neval_output_load
 * reaches it only through a file named *.json). Properties: 0 or a documented error with
 * a message, *out NULL on error; an output read has consistent line offsets over valid
 * UTF-8 (fuzz_eval_check_output). Each output read is evaluated against a fixed ground
 * truth (fuzz_eval_pair: metrics within their definitions, aligners equal to their
 * references).
 */
#include "output.c"

#include "fuzz_eval.h"

/* A ground truth with a heading, a paragraph in two pieces, a caption and a folio. */
static neval_gt_page *fixed_gt(void)
{
    neval_gt_page *gt = NULL;
    FUZZ_CHECK(neval_gt_new(&gt, "fixed") == NEVAL_OK);
    FUZZ_CHECK(neval_gt_add_region(gt, "r0", "国务院常务会议部署", NEVAL_ROLE_HEADING, NULL, 1) ==
               NEVAL_OK);
    FUZZ_CHECK(neval_gt_add_region(gt, "r1", "会议指出，经济运行\n总体平稳", NEVAL_ROLE_BODY, "p1",
                                   2) == NEVAL_OK);
    FUZZ_CHECK(neval_gt_add_region(gt, "r2", "GDP grew 5.2% in 2023.", NEVAL_ROLE_BODY, "p1", 1) ==
               NEVAL_OK);
    FUZZ_CHECK(neval_gt_add_region(gt, "r3", "图为会议现场。", NEVAL_ROLE_CAPTION, NULL, 1) ==
               NEVAL_OK);
    FUZZ_CHECK(neval_gt_add_region(gt, "r4", "第3版", NEVAL_ROLE_OTHER, NULL, 1) == NEVAL_OK);
    fuzz_eval_check_gt(gt);
    return gt;
}

static void check_read(int rc, neval_output *o, const neval_gt_page *gt)
{
    FUZZ_CHECK(rc == NEVAL_OK || rc == NEVAL_ERR_NOMEM || rc == NEVAL_ERR_PARSE ||
               rc == NEVAL_ERR_INVALID || rc == NEVAL_ERR_UNSUPPORTED || rc == NEVAL_ERR_LIMIT);
    if (rc != NEVAL_OK) {
        FUZZ_CHECK(o == NULL);
        FUZZ_CHECK(neval_error_message()[0] != '\0');
        return;
    }
    fuzz_eval_check_output(o);
    fuzz_eval_pair(gt, o);
    neval_output_free(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static neval_gt_page *gt;
    if (!gt)
        gt = fixed_gt();
    neval_output *o = (neval_output *)1; /* must be reset by the reader */
    int rc = output_from_json(&o, (const char *)data, size, "fuzz.json");
    check_read(rc, o, gt);
    o = (neval_output *)1;
    rc = neval_output_from_txt(&o, (const char *)data, size, "fuzz.txt");
    check_read(rc, o, gt);
    return 0;
}
