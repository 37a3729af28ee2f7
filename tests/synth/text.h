/*
 * text.h - line breaking interface shared by text.c and layout.c.
 */
#ifndef NEWSOCR_SYNTH_TEXT_H
#define NEWSOCR_SYNTH_TEXT_H

typedef struct {
    int start, end; /* glyph range [start, end) printed on the line */
    int last;       /* last line of the paragraph (not justified) */
} syn_brk;

int syn_text_no_start(long cp);
int syn_text_no_end(long cp);
int syn_text_break(syn_brk **out, int *nout, const long *cp, const long *adv, int n, long width64,
                   long indent64);
int syn_text_break_n(syn_brk **out, int *nout, const long *cp, const long *adv, int n,
                     long width64, long indent64, int nind);
void syn_text_justify(long *pos, const long *cp, const long *adv, int s, int e, long width64,
                      int justify);

#endif
