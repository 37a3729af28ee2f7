/*
 * pdf_meta.c - what the PDF says about itself: its XMP metadata, the colour profile of its
 * output intent and the language of its text.
 *
 *   nocr_pdf_xmp, nocr_pdf_srgb_profile
 *
 * static helpers: xml_escaped
 *
 * PDF/A (ISO 19005-2) asks for the document's metadata as an XMP packet (ISO 16684-1) that
 * agrees with the document information dictionary, and for an output intent whose ICC
 * profile tells what DeviceRGB and DeviceGray mean. The profile is Little CMS's sRGB
 * (cmsCreate_sRGBProfile), serialized here rather than shipped as bytes.
 */
#include "export/export.h"
#include "export/pdf.h"

#include <lcms2.h>
#include <string.h>

/* s into b with &, < and > escaped (the packet's text is element content only). */
static void xml_escaped(nocr_pdf_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '&')
            nocr_pdf_buf_printf(b, "&amp;");
        else if (*s == '<')
            nocr_pdf_buf_printf(b, "&lt;");
        else if (*s == '>')
            nocr_pdf_buf_printf(b, "&gt;");
        else
            nocr_pdf_buf_printf(b, "%c", *s);
    }
}

int nocr_pdf_xmp(char **out, size_t *out_size, const char *title, const char *timestamp)
{
    *out = NULL;
    *out_size = 0;
    char *clean = title ? nocr_export_clean(title, 1) : NULL;
    if (title && !clean)
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    nocr_pdf_buf b = {NULL, 0, 0, 0};
    /* The header's begin attribute is the byte order mark, as XMP asks; the id is the
     * fixed one of every XMP packet. */
    nocr_pdf_buf_printf(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                            "<rdf:Description rdf:about=\"\"\n"
                            "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                            "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                            "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                            "<dc:format>application/pdf</dc:format>\n");
    if (clean) {
        nocr_pdf_buf_printf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
        xml_escaped(&b, clean);
        nocr_pdf_buf_printf(&b, "</rdf:li></rdf:Alt></dc:title>\n");
    }
    nocr_pdf_buf_printf(&b,
                        "<xmp:CreateDate>%s</xmp:CreateDate>\n"
                        "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
                        "<xmp:MetadataDate>%s</xmp:MetadataDate>\n"
                        "<pdf:Producer>newsocr %s</pdf:Producer>\n"
                        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
                        "<?xpacket end=\"r\"?>\n",
                        timestamp, timestamp, timestamp, nocr_version());
    free(clean);
    if (b.failed) {
        free(b.s);
        return nocr_error_set(NOCR_ENOMEM, "out of memory");
    }
    *out = b.s;
    *out_size = b.len;
    return NOCR_OK;
}

int nocr_pdf_srgb_profile(unsigned char **out, size_t *out_size)
{
    *out = NULL;
    *out_size = 0;
    cmsHPROFILE profile = cmsCreate_sRGBProfile();
    cmsUInt32Number n = 0;
    unsigned char *data = NULL;
    int ok = 0;
    if (profile) {
        /* Version 4.2 (ICC.1:2004-10), the newest PDF 1.7 names; Little CMS writes 4.3 by
         * default, and the sRGB profile uses no tag type 4.3 added. */
        cmsSetProfileVersion(profile, 4.2);
        ok = cmsSaveProfileToMem(profile, NULL, &n) && n > 0 && (data = malloc(n)) &&
             cmsSaveProfileToMem(profile, data, &n);
        cmsCloseProfile(profile);
    }
    if (!ok) {
        free(data);
        return nocr_error_set(NOCR_ENOMEM, "cannot make the sRGB colour profile");
    }
    *out = data;
    *out_size = n;
    return NOCR_OK;
}
