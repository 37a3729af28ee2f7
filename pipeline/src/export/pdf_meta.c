/*
 * pdf_meta.c - what the PDF says about itself: the language of its text.
 *
 *   nocr_pdf_lang
 */
#include "export/pdf.h"

#include <string.h>

const char *nocr_pdf_lang(const char *tesseract)
{
    /* By prefix, as the hOCR export's html lang: "chi_sim_vert" is Simplified Chinese. */
    static const struct {
        const char *prefix, *tag;
    } langs[] = {{"chi_sim", "zh-Hans"}, {"chi_tra", "zh-Hant"}, {"eng", "en"}};
    for (size_t i = 0; tesseract && i < sizeof(langs) / sizeof(langs[0]); i++)
        if (strncmp(tesseract, langs[i].prefix, strlen(langs[i].prefix)) == 0)
            return langs[i].tag;
    return NULL;
}
