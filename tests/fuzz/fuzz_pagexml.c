/*
 * fuzz_pagexml.c - libFuzzer harness: the evaluator's PAGE XML ground-truth reader,
 * neval_gt_parse (pipeline/eval/pagexml_gt.c), on any bytes.
 *
 * Properties: the result is 0 or a documented error with a message, *out NULL on error;
 * a page read has every region's id and text set, the text valid UTF-8, the role in range
 * (fuzz_eval_check_gt). The page is then evaluated against a fixed output (fuzz_eval_pair:
 * the metrics obey their definitions, the aligners agree with their references).
 */
#include "fuzz_eval.h"

/* A system output with a heading, two paragraphs with a caption between them, CJK and
 * Latin text, a space between two CJK characters: enough for every metric to apply. */
static const char FIXED_OUTPUT[] = "国务院常务会议部署\n"
                                   "本报北京3月15日电 记者 张三 会议指出，经济运行\n"
                                   "图为会议现场。\n"
                                   "总体平稳 GDP grew 5.2% in 2023.\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static neval_output *fixed;
    if (!fixed) {
        FUZZ_CHECK(neval_output_from_txt(&fixed, FIXED_OUTPUT, sizeof(FIXED_OUTPUT) - 1,
                                         "fixed") == NEVAL_OK);
        fuzz_eval_check_output(fixed);
    }
    neval_gt_page *gt = (neval_gt_page *)1; /* must be reset by the reader */
    int rc = neval_gt_parse(&gt, (const char *)data, size, "fuzz.page.xml");
    FUZZ_CHECK(rc == NEVAL_OK || rc == NEVAL_ERR_NOMEM || rc == NEVAL_ERR_PARSE ||
               rc == NEVAL_ERR_INVALID || rc == NEVAL_ERR_LIMIT);
    if (rc != NEVAL_OK) {
        FUZZ_CHECK(gt == NULL);
        FUZZ_CHECK(neval_error_message()[0] != '\0');
        return 0;
    }
    fuzz_eval_check_gt(gt);
    fuzz_eval_pair(gt, fixed);
    neval_gt_free(gt);
    return 0;
}
