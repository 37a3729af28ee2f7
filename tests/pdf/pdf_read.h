/*
 * pdf_read.h - reading back, with qpdf's C API, what the PDF writer puts beside the page
 * images: the logical structure with the text each element marks, and the metadata.
 *
 *   pdf_tags_read, pdf_tags_free   the structure tree, checked against the parent tree
 *   pdf_meta_read, pdf_meta_free   the XMP packet, document information and output intent
 *
 * An independent reader: it knows PDF (dictionaries, number trees, marked content, the
 * ToUnicode CMap), not the writer's code, so that a test compares what a PDF consumer would
 * find with what the txt export says.
 */
#ifndef NEWSOCR_TEST_PDF_READ_H
#define NEWSOCR_TEST_PDF_READ_H

#include <stddef.h>

/* A structure element that marks content (a paragraph, heading or caption). */
typedef struct pdf_tag {
    char type[16]; /* its structure type: "P", "H1", "Caption"... */
    int art;       /* the Art element it is in, numbered in document order; -1: none */
    int page;      /* 0-based */
    char lang[16]; /* /Lang of the element or the nearest element above it; "" none */
    char *text;    /* the text shown inside its marked-content sequences, in /K order */
} pdf_tag;

/* The structure tree, in document order. */
typedef struct pdf_tags {
    pdf_tag *tag;
    size_t n, cap;
    int narts;
    int marked;    /* the catalog's MarkInfo says Marked true */
    char lang[16]; /* the catalog's Lang, the language of the text; "" when absent */
    /* What does not hold, one line each (NULL: nothing): a MCID of the content without its
     * parent-tree entry or whose entry is not the element that claims it, an element
     * claiming a MCID the content lacks, text or an image outside marked content (neither
     * in a structure element nor an artifact). */
    char *problems;
} pdf_tags;

/* Reads the structure tree of the PDF at path (Document, then Art, then the elements that
 * mark content; other grouping elements are walked through). Returns 0, -1 when the file
 * cannot be read or has no structure tree (a message on stderr). Free with pdf_tags_free. */
int pdf_tags_read(pdf_tags *out, const char *path);
void pdf_tags_free(pdf_tags *t);

typedef struct pdf_meta {
    char *info_title; /* the document information's Title, UTF-8; NULL when absent */
    char *info_producer, *info_created, *info_modified; /* as written ("D:2026...") */
    char *xmp; /* the catalog's /Metadata stream, NULL when absent */
    size_t nxmp;
    char *intent_s;         /* the first output intent's /S, e.g. "/GTS_PDFA1" */
    int profile_n;          /* its DestOutputProfile's /N; 0 when absent */
    unsigned char *profile; /* the profile's bytes */
    size_t nprofile;
} pdf_meta;

/* Reads the metadata of the PDF at path. Returns 0, -1 when the file cannot be read. Free
 * with pdf_meta_free. */
int pdf_meta_read(pdf_meta *out, const char *path);
void pdf_meta_free(pdf_meta *m);

#endif /* NEWSOCR_TEST_PDF_READ_H */
