/*
 * pdf_read.c - the structure tree and metadata of a PDF, read with qpdf's C API (see
 * pdf_read.h).
 *
 *   pdf_tags_read, pdf_tags_free, pdf_meta_read, pdf_meta_free
 *
 * static helpers: sb_add, sb_printf, utf8_put, cmap_read, mc_slot, content_read, page_of,
 *                 numtree_get, tag_content, is_content, walk_elem, parents_check, qpdf_open,
 *                 utf8_copy, stream_copy
 *
 * The text of a structure element is found as a consumer that follows the structure finds
 * it: its marked-content sequences (MCIDs) in the page's content stream, the strings shown
 * in them decoded through the font's ToUnicode CMap. The content reader knows the
 * operators the text layer uses (BDC, BMC, EMC, Tj with hexadecimal strings) and skips the
 * others. poppler-glib's structure API would be the obvious reader, but the poppler of
 * Debian 12 (22.12) returns the text of non-ASCII characters re-encoded as if it were
 * PDFDocEncoding (CJK text comes back garbled), so the tests use it only for ASCII text.
 */
#define _POSIX_C_SOURCE 200809L
#include "pdf_read.h"

#include <qpdf/qpdf-c.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CID   65536
#define MAX_DEPTH 32 /* marked-content nesting the reader follows */

typedef struct sb {
    char *s;
    size_t len, cap;
} sb;

static void sb_add(sb *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            abort(); /* a test: out of memory ends it */
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_printf(sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sb *b, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    sb_add(b, line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

static void utf8_put(sb *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    }
    sb_add(b, u, n);
}

/* ---- the text of the content ---- */

/* The bfchar entries of a ToUnicode CMap: map[cid] is the UTF-8 of its text. */
static void cmap_read(char **map, const char *s)
{
    for (const char *p = strstr(s, "beginbfchar"); p; p = strstr(p, "beginbfchar")) {
        const char *end = strstr(p, "endbfchar");
        if (!end)
            return;
        unsigned cid, u[4];
        int used;
        p += strlen("beginbfchar");
        while (p < end && sscanf(p, " <%x> <%n", &cid, &used) == 1) {
            p += used;
            int nu = 0;
            while (nu < 4 && sscanf(p, "%4x%n", &u[nu], &used) == 1 && used == 4)
                nu++, p += 4;
            if (!(p = strchr(p, '>')))
                return;
            p++;
            sb text = {NULL, 0, 0};
            for (int i = 0; i < nu; i++) {
                if (u[i] >= 0xD800 && u[i] < 0xDC00 && i + 1 < nu)
                    utf8_put(&text, 0x10000 + ((u[i] - 0xD800) << 10) + (u[i + 1] - 0xDC00)), i++;
                else
                    utf8_put(&text, u[i]);
            }
            if (cid < MAX_CID && !map[cid])
                map[cid] = text.s;
            else
                free(text.s);
        }
        p = end;
    }
}

/* The marked content of one page. */
typedef struct page_mc {
    sb *text;          /* by MCID */
    int *count;        /* how many sequences carry each MCID (1 when right) */
    long *claim;       /* the object number of the element that claims each MCID; 0: none */
    size_t n;          /* MCIDs 0..n - 1 have slots */
    int loose_text;    /* text shown outside every marked-content sequence */
    int loose_xobject; /* an image or form drawn outside every marked-content sequence */
} page_mc;

static void mc_slot(page_mc *pm, size_t mcid)
{
    if (mcid < pm->n)
        return;
    size_t n = mcid + 1;
    pm->text = realloc(pm->text, n * sizeof(*pm->text));
    pm->count = realloc(pm->count, n * sizeof(*pm->count));
    pm->claim = realloc(pm->claim, n * sizeof(*pm->claim));
    if (!pm->text || !pm->count || !pm->claim)
        abort();
    for (size_t i = pm->n; i < n; i++) {
        pm->text[i] = (sb){NULL, 0, 0};
        pm->count[i] = 0;
        pm->claim[i] = 0;
    }
    pm->n = n;
}

/* Reads a page's content stream: the text each MCID's sequence shows (Tj of hexadecimal
 * strings of two-byte codes, decoded through map). */
static void content_read(page_mc *pm, const char *s, size_t n, char **map)
{
    int stack[MAX_DEPTH], depth = 0;
    long pending = -1; /* the MCID of the last property list */
    sb hex = {NULL, 0, 0};
    for (size_t i = 0; i < n;) {
        if (isspace((unsigned char)s[i])) {
            i++;
        } else if (s[i] == '<' && i + 1 < n && s[i + 1] == '<') {
            const char *end = strstr(s + i, ">>"), *m = strstr(s + i, "/MCID");
            pending = m && end && m < end ? strtol(m + 5, NULL, 10) : -1;
            i = end ? (size_t)(end - s) + 2 : n;
        } else if (s[i] == '<') {
            hex.len = 0;
            for (i++; i < n && s[i] != '>'; i++)
                if (isxdigit((unsigned char)s[i]))
                    sb_add(&hex, s + i, 1);
            i++;
        } else if (s[i] == '/' || s[i] == '[' || s[i] == ']') {
            for (i++; i < n && !isspace((unsigned char)s[i]) && !strchr("/<[]", s[i]); i++)
                ;
        } else {
            size_t start = i;
            while (i < n && !isspace((unsigned char)s[i]) && !strchr("/<[]", s[i]))
                i++;
            size_t len = i - start;
            if (len == 0)
                i++; /* a byte no token starts with */
            else if (len == 3 && !strncmp(s + start, "BDC", 3) && depth < MAX_DEPTH) {
                stack[depth++] = (int)pending;
                if (pending >= 0) {
                    mc_slot(pm, (size_t)pending);
                    pm->count[pending]++;
                }
                pending = -1;
            } else if (len == 3 && !strncmp(s + start, "BMC", 3) && depth < MAX_DEPTH) {
                stack[depth++] = -1;
            } else if (len == 3 && !strncmp(s + start, "EMC", 3) && depth > 0) {
                depth--;
            } else if (len == 2 && !strncmp(s + start, "Do", 2)) {
                pm->loose_xobject |= depth == 0;
            } else if (len == 2 && !strncmp(s + start, "Tj", 2) && hex.s) {
                int mcid = -1;
                for (int k = depth - 1; k >= 0 && mcid < 0; k--)
                    mcid = stack[k];
                if (mcid < 0) {
                    pm->loose_text |= depth == 0;
                    continue; /* an artifact */
                }
                for (size_t k = 0; k + 4 <= hex.len; k += 4) {
                    unsigned cid;
                    sscanf(hex.s + k, "%4x", &cid);
                    const char *t = map[cid] ? map[cid] : "\xEF\xBF\xBD";
                    sb_add(&pm->text[mcid], t, strlen(t));
                }
            }
        }
    }
    free(hex.s);
}

/* ---- the structure tree ---- */

typedef struct walk {
    qpdf_data q;
    pdf_tags *t;
    int *page_id; /* object number of each page */
    page_mc *mc;  /* marked content of each page */
    int npages;
    int art;
    char lang[16]; /* the Lang in force */
    sb problems;
} walk;

static int page_of(walk *w, qpdf_oh pg)
{
    int id = qpdf_oh_get_object_id(w->q, pg);
    for (int i = 0; i < w->npages; i++)
        if (w->page_id[i] == id)
            return i;
    return -1;
}

/* The value of key in a number tree, null when absent. */
static qpdf_oh numtree_get(qpdf_data q, qpdf_oh node, int key, int depth)
{
    qpdf_oh nums = qpdf_oh_get_key(q, node, "/Nums");
    for (int i = 0; qpdf_oh_is_array(q, nums) && i + 1 < qpdf_oh_get_array_n_items(q, nums);
         i += 2)
        if (qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_array_item(q, nums, i)) == key)
            return qpdf_oh_get_array_item(q, nums, i + 1);
    qpdf_oh kids = qpdf_oh_get_key(q, node, "/Kids");
    for (int i = 0;
         depth < 16 && qpdf_oh_is_array(q, kids) && i < qpdf_oh_get_array_n_items(q, kids); i++) {
        qpdf_oh v = numtree_get(q, qpdf_oh_get_array_item(q, kids, i), key, depth + 1);
        if (!qpdf_oh_is_null(q, v))
            return v;
    }
    return qpdf_oh_new_null(q);
}

/* Content item `item` of element e (object number id, on page pg): a MCID, or a marked
 * content reference. Appends the MCID's text to the element's and claims the MCID. */
static void tag_content(walk *w, pdf_tag *tag, qpdf_oh item, int id, int pg)
{
    int mcid = -1;
    if (qpdf_oh_is_integer(w->q, item)) {
        mcid = qpdf_oh_get_int_value_as_int(w->q, item);
    } else if (qpdf_oh_is_dictionary_of_type(w->q, item, "/MCR", "")) {
        mcid = qpdf_oh_get_int_value_as_int(w->q, qpdf_oh_get_key(w->q, item, "/MCID"));
        if (qpdf_oh_has_key(w->q, item, "/Pg"))
            pg = page_of(w, qpdf_oh_get_key(w->q, item, "/Pg"));
    }
    if (pg < 0 || mcid < 0 || (size_t)mcid >= w->mc[pg].n || !w->mc[pg].count[mcid]) {
        sb_printf(&w->problems, "element %d claims MCID %d that page %d does not show\n", id, mcid,
                  pg);
        return;
    }
    page_mc *pm = &w->mc[pg];
    if (pm->claim[mcid])
        sb_printf(&w->problems, "MCID %d of page %d claimed twice\n", mcid, pg);
    pm->claim[mcid] = id;
    sb text = {NULL, 0, 0};
    sb_add(&text, tag->text ? tag->text : "", tag->text ? strlen(tag->text) : 0);
    sb_add(&text, pm->text[mcid].s ? pm->text[mcid].s : "", pm->text[mcid].len);
    free(tag->text);
    tag->text = text.s;
}

static int is_content(qpdf_data q, qpdf_oh item)
{
    return qpdf_oh_is_integer(q, item) || qpdf_oh_is_dictionary_of_type(q, item, "/MCR", "");
}

/* Walks element e (on page pg unless it says): an Art numbers its elements; an element
 * whose /K holds content becomes a pdf_tag; the kids of the others are walked. */
static void walk_elem(walk *w, qpdf_oh e, int pg, int depth)
{
    qpdf_data q = w->q;
    if (depth > 32 || !qpdf_oh_is_dictionary(q, e))
        return;
    const char *s = qpdf_oh_is_name(q, qpdf_oh_get_key(q, e, "/S"))
                        ? qpdf_oh_get_name(q, qpdf_oh_get_key(q, e, "/S"))
                        : "/?";
    char type[16];
    snprintf(type, sizeof(type), "%s", s + 1);
    if (qpdf_oh_has_key(q, e, "/Pg"))
        pg = page_of(w, qpdf_oh_get_key(q, e, "/Pg"));
    int saved = w->art;
    char saved_lang[sizeof(w->lang)];
    memcpy(saved_lang, w->lang, sizeof(w->lang));
    if (qpdf_oh_is_string(q, qpdf_oh_get_key(q, e, "/Lang")))
        snprintf(w->lang, sizeof(w->lang), "%s",
                 qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, e, "/Lang")));
    if (strcmp(type, "Art") == 0)
        w->art = w->t->narts++;
    qpdf_oh k = qpdf_oh_get_key(q, e, "/K");
    qpdf_oh items = qpdf_oh_is_array(q, k) ? k : qpdf_oh_wrap_in_array(q, k);
    int n = qpdf_oh_get_array_n_items(q, items);
    size_t ti = (size_t)-1; /* this element's pdf_tag, once it has content */
    for (int i = 0; i < n; i++) {
        qpdf_oh item = qpdf_oh_get_array_item(q, items, i);
        if (!is_content(q, item)) {
            walk_elem(w, item, pg, depth + 1);
            continue;
        }
        pdf_tags *t = w->t;
        if (ti == (size_t)-1) {
            if (t->n == t->cap &&
                !(t->tag = realloc(t->tag, (t->cap = 2 * t->cap + 8) * sizeof(*t->tag))))
                abort();
            ti = t->n++;
            t->tag[ti] = (pdf_tag){"", w->art, pg, "", NULL};
            snprintf(t->tag[ti].type, sizeof(t->tag[ti].type), "%s", type);
            memcpy(t->tag[ti].lang, w->lang, sizeof(w->lang));
        }
        tag_content(w, &t->tag[ti], item, qpdf_oh_get_object_id(q, e), pg);
    }
    w->art = saved;
    memcpy(w->lang, saved_lang, sizeof(w->lang));
}

/* Every MCID shown is claimed by one element, and the page's parent-tree entry names that
 * element at the MCID's index. */
static void parents_check(walk *w, qpdf_oh tree)
{
    qpdf_data q = w->q;
    for (int p = 0; p < w->npages; p++) {
        page_mc *pm = &w->mc[p];
        qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
        if (pm->loose_text)
            sb_printf(&w->problems, "page %d shows text outside marked content\n", p);
        if (pm->loose_xobject)
            sb_printf(&w->problems, "page %d draws an XObject outside marked content\n", p);
        if (pm->n == 0)
            continue;
        qpdf_oh key = qpdf_oh_get_key(q, page, "/StructParents");
        qpdf_oh arr = qpdf_oh_is_integer(q, key)
                          ? numtree_get(q, tree, qpdf_oh_get_int_value_as_int(q, key), 0)
                          : qpdf_oh_new_null(q);
        if (!qpdf_oh_is_array(q, arr)) {
            sb_printf(&w->problems, "page %d: no parent-tree entry\n", p);
            continue;
        }
        if ((size_t)qpdf_oh_get_array_n_items(q, arr) != pm->n)
            sb_printf(&w->problems, "page %d: %d parent-tree entries for %zu MCIDs\n", p,
                      qpdf_oh_get_array_n_items(q, arr), pm->n);
        for (size_t m = 0; m < pm->n; m++) {
            int parent = qpdf_oh_get_object_id(q, qpdf_oh_get_array_item(q, arr, (int)m));
            if (pm->count[m] != 1)
                sb_printf(&w->problems, "page %d: MCID %zu marks %d sequences\n", p, m,
                          pm->count[m]);
            else if (!pm->claim[m])
                sb_printf(&w->problems, "page %d: MCID %zu in no element\n", p, m);
            else if (parent != pm->claim[m])
                sb_printf(&w->problems, "page %d: MCID %zu: parent tree says %d, tree %ld\n", p, m,
                          parent, pm->claim[m]);
        }
    }
}

/* Opens path with qpdf; NULL (a message on stderr) when it cannot. */
static qpdf_data qpdf_open(const char *path)
{
    qpdf_data q = qpdf_init();
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    if (qpdf_read(q, path, NULL) & QPDF_ERRORS) {
        fprintf(stderr, "  %s: %s\n", path, qpdf_get_error_full_text(q, qpdf_get_error(q)));
        qpdf_cleanup(&q);
        return NULL;
    }
    return q;
}

int pdf_tags_read(pdf_tags *out, const char *path)
{
    memset(out, 0, sizeof(*out));
    qpdf_data q = qpdf_open(path);
    if (!q)
        return -1;
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh tree = qpdf_oh_get_key(q, root, "/StructTreeRoot");
    if (!qpdf_oh_is_dictionary(q, tree)) {
        fprintf(stderr, "  %s: no structure tree\n", path);
        qpdf_cleanup(&q);
        return -1;
    }
    out->marked = qpdf_oh_get_bool_value(
        q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/MarkInfo"), "/Marked"));
    qpdf_oh lang = qpdf_oh_get_key(q, root, "/Lang");
    if (qpdf_oh_is_string(q, lang))
        snprintf(out->lang, sizeof(out->lang), "%s", qpdf_oh_get_utf8_value(q, lang));
    walk w = {q, out, NULL, NULL, qpdf_get_num_pages(q), -1, "", {NULL, 0, 0}};
    w.page_id = calloc((size_t)w.npages + 1, sizeof(*w.page_id));
    w.mc = calloc((size_t)w.npages + 1, sizeof(*w.mc));
    for (int p = 0; p < w.npages; p++) {
        qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
        w.page_id[p] = qpdf_oh_get_object_id(q, page);
        qpdf_oh tu = qpdf_oh_get_key(
            q,
            qpdf_oh_get_key(q, qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"), "/Font"),
                            "/F0"),
            "/ToUnicode");
        unsigned char *cm = NULL, *content = NULL;
        size_t ncm = 0, ncontent = 0;
        char **map = calloc(MAX_CID, sizeof(*map));
        if (qpdf_oh_is_stream(q, tu) &&
            !qpdf_oh_get_stream_data(q, tu, qpdf_dl_generalized, NULL, &cm, &ncm)) {
            char *text = strndup((const char *)cm, ncm);
            cmap_read(map, text);
            free(text);
        }
        if (!qpdf_oh_get_page_content_data(q, page, &content, &ncontent))
            content_read(&w.mc[p], (const char *)content, ncontent, map);
        for (size_t i = 0; i < MAX_CID; i++)
            free(map[i]);
        free(map);
        free(cm);
        free(content);
    }
    walk_elem(&w, qpdf_oh_get_key(q, tree, "/K"), -1, 0);
    parents_check(&w, qpdf_oh_get_key(q, tree, "/ParentTree"));
    out->problems = w.problems.s;
    for (int p = 0; p < w.npages; p++) {
        for (size_t m = 0; m < w.mc[p].n; m++)
            free(w.mc[p].text[m].s);
        free(w.mc[p].text);
        free(w.mc[p].count);
        free(w.mc[p].claim);
    }
    free(w.mc);
    free(w.page_id);
    qpdf_cleanup(&q);
    return 0;
}

void pdf_tags_free(pdf_tags *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->tag[i].text);
    free(t->tag);
    free(t->problems);
    memset(t, 0, sizeof(*t));
}

/* ---- metadata ---- */

static char *utf8_copy(qpdf_data q, qpdf_oh oh)
{
    return qpdf_oh_is_string(q, oh) ? strdup(qpdf_oh_get_utf8_value(q, oh)) : NULL;
}

/* The decoded data of a stream, NUL-terminated; NULL when oh is not one. */
static unsigned char *stream_copy(qpdf_data q, qpdf_oh oh, size_t *n)
{
    unsigned char *data = NULL, *out = NULL;
    *n = 0;
    if (!qpdf_oh_is_stream(q, oh) ||
        qpdf_oh_get_stream_data(q, oh, qpdf_dl_generalized, NULL, &data, n))
        return NULL;
    if ((out = malloc(*n + 1))) {
        memcpy(out, data, *n);
        out[*n] = '\0';
    }
    free(data);
    return out;
}

int pdf_meta_read(pdf_meta *out, const char *path)
{
    memset(out, 0, sizeof(*out));
    qpdf_data q = qpdf_open(path);
    if (!q)
        return -1;
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");
    out->info_title = utf8_copy(q, qpdf_oh_get_key(q, info, "/Title"));
    out->info_producer = utf8_copy(q, qpdf_oh_get_key(q, info, "/Producer"));
    out->info_created = utf8_copy(q, qpdf_oh_get_key(q, info, "/CreationDate"));
    out->info_modified = utf8_copy(q, qpdf_oh_get_key(q, info, "/ModDate"));
    out->xmp = (char *)stream_copy(q, qpdf_oh_get_key(q, root, "/Metadata"), &out->nxmp);
    qpdf_oh intents = qpdf_oh_get_key(q, root, "/OutputIntents");
    if (qpdf_oh_is_array(q, intents) && qpdf_oh_get_array_n_items(q, intents) > 0) {
        qpdf_oh intent = qpdf_oh_get_array_item(q, intents, 0);
        qpdf_oh s = qpdf_oh_get_key(q, intent, "/S");
        out->intent_s = qpdf_oh_is_name(q, s) ? strdup(qpdf_oh_get_name(q, s)) : NULL;
        qpdf_oh profile = qpdf_oh_get_key(q, intent, "/DestOutputProfile");
        qpdf_oh n = qpdf_oh_get_key(q, qpdf_oh_get_dict(q, profile), "/N");
        out->profile_n = qpdf_oh_is_integer(q, n) ? qpdf_oh_get_int_value_as_int(q, n) : 0;
        out->profile = stream_copy(q, profile, &out->nprofile);
    }
    qpdf_cleanup(&q);
    return 0;
}

void pdf_meta_free(pdf_meta *m)
{
    free(m->info_title);
    free(m->info_producer);
    free(m->info_created);
    free(m->info_modified);
    free(m->xmp);
    free(m->intent_s);
    free(m->profile);
    memset(m, 0, sizeof(*m));
}
