/*
 * pagexml_gt.c: ground truth from PAGE XML (2013, 2017, 2019).
 *
 *   neval_gt_load()          read and parse a PAGE file
 *   neval_gt_parse()         parse PAGE XML held in memory
 *   neval_gt_new()           an empty page (tests build GT by hand)
 *   neval_gt_add_region()    append a region in reading order
 *   neval_gt_free()          free a page
 *   neval_role_from_name()   PAGE @type / custom structure type -> role
 *
 * Elements are matched on local names only, so every PAGE namespace (and
 * files without one) is accepted.  The reading order, region text, role and
 * paragraph rules are in the comment of neval_gt_load in eval.h.
 *
 * static: xml_parse_guarded()   libxml2 with no DTD, no entities, no network,
 *                               and the element limit
 *         region_index_*()      region ids sorted for reading-order look-ups
 */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

/* Ids, references and custom values longer than this are truncated when parsed. */
#define CUSTOM_VALUE_MAX 256

static char *str_dup(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);

    if (d)
        memcpy(d, s, n + 1);
    return d;
}

/* ------------------------------------------------------------------ */
/* Page model                                                           */
/* ------------------------------------------------------------------ */

int neval_gt_new(neval_gt_page **out, const char *name)
{
    neval_gt_page *page;

    *out = NULL;
    page = calloc(1, sizeof(*page));
    if (!page)
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    page->name = str_dup(name ? name : "");
    if (!page->name) {
        free(page);
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    }
    *out = page;
    return NEVAL_OK;
}

int neval_gt_add_region(neval_gt_page *page, const char *id, const char *text, neval_role role,
                        const char *paragraph_id, size_t n_lines)
{
    neval_gt_region *r;

    if (page->n_regions == page->cap_regions) {
        size_t ncap = page->cap_regions ? page->cap_regions * 2 : 16;
        neval_gt_region *nr = realloc(page->regions, ncap * sizeof(*nr));

        if (!nr)
            return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        page->regions = nr;
        page->cap_regions = ncap;
    }
    r = &page->regions[page->n_regions];
    memset(r, 0, sizeof(*r));
    r->id = str_dup(id ? id : "");
    r->text = str_dup(text ? text : "");
    r->paragraph_id = paragraph_id ? str_dup(paragraph_id) : NULL;
    r->role = role;
    r->n_lines = n_lines;
    if (!r->id || !r->text || (paragraph_id && !r->paragraph_id)) {
        free(r->id);
        free(r->text);
        free(r->paragraph_id);
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    }
    page->n_regions++;
    return NEVAL_OK;
}

void neval_gt_free(neval_gt_page *page)
{
    size_t i;

    if (!page)
        return;
    for (i = 0; i < page->n_regions; i++) {
        free(page->regions[i].id);
        free(page->regions[i].text);
        free(page->regions[i].paragraph_id);
    }
    free(page->regions);
    free(page->name);
    free(page);
}

neval_role neval_role_from_name(const char *name)
{
    if (!name || !*name || !strcmp(name, "paragraph") || !strcmp(name, "body"))
        return NEVAL_ROLE_BODY;
    if (!strcmp(name, "heading") || !strcmp(name, "headline") || !strcmp(name, "subheadline") ||
        !strcmp(name, "section-heading"))
        return NEVAL_ROLE_HEADING;
    if (!strcmp(name, "caption"))
        return NEVAL_ROLE_CAPTION;
    return NEVAL_ROLE_OTHER;
}

/* ------------------------------------------------------------------ */
/* XML helpers                                                          */
/* ------------------------------------------------------------------ */

static int is_el(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, local);
}

static const xmlNode *child_el(const xmlNode *parent, const char *local)
{
    const xmlNode *c;

    for (c = parent->children; c; c = c->next) {
        if (is_el(c, local))
            return c;
    }
    return NULL;
}

/* Attribute value copied into buf (truncated), "" when absent. */
static void attr_get(char *buf, size_t sz, const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp((xmlNode *)n, (const xmlChar *)name);

    buf[0] = '\0';
    if (v) {
        snprintf(buf, sz, "%s", (const char *)v);
        xmlFree(v);
    }
}

/* Integer attribute; def when absent or not a number. */
static long attr_long(const xmlNode *n, const char *name, long def)
{
    char buf[32], *end;
    long v;

    attr_get(buf, sizeof(buf), n, name);
    if (!buf[0])
        return def;
    v = strtol(buf, &end, 10);
    return *end ? def : v;
}

/*
 * Text content of n as a malloc'ed string (our allocator, not libxml's);
 * "" for NULL n.  NULL only when out of memory.
 */
static char *content_dup(const xmlNode *n)
{
    xmlChar *v;
    char *s;

    if (!n)
        return str_dup("");
    v = xmlNodeGetContent(n);
    s = str_dup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/*
 * The text of the best TextEquiv directly under parent (lowest @index,
 * else the first), from its Unicode child.  *out = NULL when there is none.
 */
static int textequiv_get(char **out, const xmlNode *parent)
{
    const xmlNode *c, *best = NULL;
    long best_index = 0;

    *out = NULL;
    for (c = parent->children; c; c = c->next) {
        long idx;

        if (!is_el(c, "TextEquiv") || !child_el(c, "Unicode"))
            continue;
        idx = attr_long(c, "index", 0x7fffffffL);
        if (!best || idx < best_index) {
            best = c;
            best_index = idx;
        }
    }
    if (!best)
        return NEVAL_OK;
    *out = content_dup(child_el(best, "Unicode"));
    return *out ? NEVAL_OK : neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
}

/* Growable string buffer for joining line or word texts. */
typedef struct {
    char *s;
    size_t len, cap;
} strbuf;

static int strbuf_add(strbuf *b, const char *s)
{
    size_t n = strlen(s);

    if (b->len + n + 1 > b->cap) {
        size_t ncap = (b->cap ? b->cap : 64);
        char *ns;

        while (ncap < b->len + n + 1)
            ncap *= 2;
        ns = realloc(b->s, ncap);
        if (!ns)
            return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        b->s = ns;
        b->cap = ncap;
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
    return NEVAL_OK;
}

/* Text of a TextLine: its TextEquiv, else its Words' TextEquivs joined by spaces. */
static int line_text(char **out, const xmlNode *line)
{
    strbuf b = {NULL, 0, 0};
    const xmlNode *w;
    int rc;

    rc = textequiv_get(out, line);
    if (rc || *out)
        return rc;
    rc = strbuf_add(&b, "");
    for (w = line->children; w && !rc; w = w->next) {
        char *t = NULL;

        if (!is_el(w, "Word"))
            continue;
        rc = textequiv_get(&t, w);
        if (!rc && t && *t)
            rc = strbuf_add(&b, b.len ? " " : "");
        if (!rc && t)
            rc = strbuf_add(&b, t);
        free(t);
    }
    if (rc) {
        free(b.s);
        return rc;
    }
    *out = b.s;
    return NEVAL_OK;
}

/* Nonzero when s has a character other than XML whitespace. */
static int has_text(const char *s)
{
    for (; *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 1;
    }
    return 0;
}

/*
 * Region text: region TextEquiv when non-blank, else its TextLines joined by
 * newlines.  *out_lines = number of TextLine children.
 */
static int region_text(char **out, size_t *out_lines, const xmlNode *region)
{
    strbuf b = {NULL, 0, 0};
    const xmlNode *l;
    char *t = NULL;
    size_t n_lines = 0;
    int rc;

    *out = NULL;
    for (l = region->children; l; l = l->next)
        n_lines += is_el(l, "TextLine");
    *out_lines = n_lines;
    rc = textequiv_get(&t, region);
    if (rc)
        return rc;
    if (t && has_text(t)) {
        *out = t;
        return NEVAL_OK;
    }
    free(t);
    rc = strbuf_add(&b, "");
    for (l = region->children; l && !rc; l = l->next) {
        char *lt = NULL;

        if (!is_el(l, "TextLine"))
            continue;
        rc = line_text(&lt, l);
        if (!rc && b.len)
            rc = strbuf_add(&b, "\n");
        if (!rc)
            rc = strbuf_add(&b, lt);
        free(lt);
    }
    if (rc) {
        free(b.s);
        return rc;
    }
    *out = b.s;
    return NEVAL_OK;
}

/*
 * custom_get: value of attr inside the block "key {a:v; b:w;}" of a PAGE
 * @custom string, copied into buf (truncated); "" when absent.  Tolerant:
 * malformed text just yields "".
 */
static void custom_get(char *buf, size_t sz, const char *custom, const char *key, const char *attr)
{
    const char *p = custom;
    size_t klen = strlen(key), alen = strlen(attr);

    buf[0] = '\0';
    while (*p) {
        const char *name, *body, *close;

        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        name = p;
        while (*p && *p != '{' && *p != ' ')
            p++;
        body = strchr(p, '{');
        if (!body)
            return;
        close = strchr(body, '}');
        if (!close)
            return;
        if ((size_t)(p - name) == klen && !strncmp(name, key, klen)) {
            const char *q = body + 1;

            while (q < close) {
                const char *end = memchr(q, ';', (size_t)(close - q));
                const char *colon;

                if (!end)
                    end = close;
                while (q < end && *q == ' ')
                    q++;
                colon = memchr(q, ':', (size_t)(end - q));
                if (colon && (size_t)(colon - q) == alen && !strncmp(q, attr, alen)) {
                    const char *v = colon + 1;
                    size_t vlen;

                    while (v < end && *v == ' ')
                        v++;
                    vlen = (size_t)(end - v);
                    if (vlen >= sz)
                        vlen = sz - 1;
                    memcpy(buf, v, vlen);
                    buf[vlen] = '\0';
                    while (vlen && buf[vlen - 1] == ' ')
                        buf[--vlen] = '\0';
                    return;
                }
                q = end + 1;
            }
        }
        p = close + 1;
    }
}

/* ------------------------------------------------------------------ */
/* Regions and reading order                                            */
/* ------------------------------------------------------------------ */

typedef struct {
    const xmlNode **v;
    size_t n, cap;
} nodevec;

static int nodevec_push(nodevec *nv, const xmlNode *n)
{
    if (nv->n == nv->cap) {
        size_t ncap = nv->cap ? nv->cap * 2 : 32;
        const xmlNode **nn = realloc((void *)nv->v, ncap * sizeof(*nn));

        if (!nn)
            return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        nv->v = nn;
        nv->cap = ncap;
    }
    nv->v[nv->n++] = n;
    return NEVAL_OK;
}

/*
 * Collect TextRegions in document order.  A TextRegion holding TextRegions
 * is replaced by them; other containers (TableRegion, ...) are searched.
 */
static int collect_regions(nodevec *regions, const xmlNode *parent)
{
    const xmlNode *c;
    int rc = NEVAL_OK;

    for (c = parent->children; c && !rc; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_el(c, "ReadingOrder") || is_el(c, "TextLine") ||
            is_el(c, "TextEquiv") || is_el(c, "Coords") || is_el(c, "Layers") ||
            is_el(c, "Relations"))
            continue;
        if (is_el(c, "TextRegion") && !child_el(c, "TextRegion"))
            rc = nodevec_push(regions, c);
        else
            rc = collect_regions(regions, c);
    }
    return rc;
}

static int is_group(const xmlNode *n)
{
    return is_el(n, "OrderedGroup") || is_el(n, "OrderedGroupIndexed") ||
           is_el(n, "UnorderedGroup") || is_el(n, "UnorderedGroupIndexed");
}

/* A group child with its sort key (@index, then document position). */
typedef struct {
    const xmlNode *node;
    long index;
    size_t pos;
} ro_item;

static int cmp_ro_item(const void *a, const void *b)
{
    const ro_item *x = a, *y = b;

    if (x->index != y->index)
        return x->index < y->index ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/*
 * Flatten a reading-order group into refs (xmlNode of each reference
 * element, whose @regionRef is read later).  Ordered groups are sorted by
 * @index; depth is bounded by libxml2's own nesting limit.
 */
static int ro_flatten(nodevec *refs, const xmlNode *group)
{
    ro_item *items = NULL;
    size_t n = 0, cap = 0, i;
    const xmlNode *c;
    int ordered = is_el(group, "OrderedGroup") || is_el(group, "OrderedGroupIndexed");
    int rc = NEVAL_OK;

    for (c = group->children; c; c = c->next) {
        if (!is_el(c, "RegionRef") && !is_el(c, "RegionRefIndexed") && !is_group(c))
            continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            ro_item *ni = realloc(items, ncap * sizeof(*ni));

            if (!ni) {
                rc = neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
                goto cleanup;
            }
            items = ni;
            cap = ncap;
        }
        items[n].node = c;
        items[n].index = ordered ? attr_long(c, "index", 0x7fffffffL) : 0;
        items[n].pos = n;
        n++;
    }
    if (n > 1)
        qsort(items, n, sizeof(*items), cmp_ro_item);
    for (i = 0; i < n && !rc; i++) {
        rc = nodevec_push(refs, items[i].node); /* a group's own @regionRef first */
        if (!rc && is_group(items[i].node))
            rc = ro_flatten(refs, items[i].node);
    }

cleanup:
    free(items);
    return rc;
}

static int region_to_gt(neval_gt_page *page, const xmlNode *reg)
{
    char id[CUSTOM_VALUE_MAX], type[64], stype[64], pid[CUSTOM_VALUE_MAX];
    char *custom_s = NULL, *text = NULL;
    xmlChar *custom;
    size_t n_lines = 0;
    neval_role role;
    int rc;

    attr_get(id, sizeof(id), reg, "id");
    attr_get(type, sizeof(type), reg, "type");
    custom = xmlGetProp((xmlNode *)reg, (const xmlChar *)"custom");
    stype[0] = pid[0] = '\0';
    if (custom) {
        custom_s = str_dup((const char *)custom);
        xmlFree(custom);
        if (!custom_s)
            return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        custom_get(stype, sizeof(stype), custom_s, "structure", "type");
        custom_get(pid, sizeof(pid), custom_s, "paragraph", "id");
        free(custom_s);
    }
    role = neval_role_from_name(stype[0] ? stype : type);
    rc = region_text(&text, &n_lines, reg);
    if (!rc)
        rc = neval_gt_add_region(page, id, text, role, pid[0] ? pid : NULL, n_lines);
    free(text);
    return rc;
}

/*
 * Region ids sorted for reading-order look-ups in O(log n): a page of 60,000
 * dangling references took 57 s with a linear search per reference.
 */
typedef struct {
    const char *id; /* points into region_index.ids */
    size_t region;  /* number of the region in document order */
} region_key;

typedef struct {
    char **ids;       /* @id of each region (truncated as attr_get does), document order */
    region_key *keys; /* sorted by (id, region) */
    size_t *next;     /* at a run's first key: its first key not taken */
    size_t n;
} region_index;

static int cmp_region_key(const void *a, const void *b)
{
    const region_key *x = a, *y = b;
    int c = strcmp(x->id, y->id);

    return c ? c : (x->region > y->region) - (x->region < y->region);
}

static int region_index_build(region_index *ix, const nodevec *regions)
{
    size_t j;

    ix->ids = calloc(regions->n + 1, sizeof(*ix->ids));
    ix->keys = malloc((regions->n + 1) * sizeof(*ix->keys));
    ix->next = malloc((regions->n + 1) * sizeof(*ix->next));
    if (!ix->ids || !ix->keys || !ix->next)
        return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
    for (j = 0; j < regions->n; j++) {
        char id[CUSTOM_VALUE_MAX];

        attr_get(id, sizeof(id), regions->v[j], "id");
        ix->ids[j] = str_dup(id);
        if (!ix->ids[j])
            return neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        ix->n = j + 1;
        ix->keys[j].id = ix->ids[j];
        ix->keys[j].region = j;
        ix->next[j] = j;
    }
    qsort(ix->keys, ix->n, sizeof(*ix->keys), cmp_region_key);
    return NEVAL_OK;
}

/*
 * The first region in document order with @id == ref not taken yet (a repeated
 * reference takes the next region with that id, as the linear search did);
 * SIZE_MAX when none.
 */
static size_t region_index_take(region_index *ix, const char *ref)
{
    size_t lo = 0, hi = ix->n, k;

    while (lo < hi) { /* the first key not below ref */
        size_t mid = lo + (hi - lo) / 2;

        if (strcmp(ix->keys[mid].id, ref) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == ix->n || strcmp(ix->keys[lo].id, ref) != 0)
        return SIZE_MAX;
    k = ix->next[lo];
    if (k >= ix->n || strcmp(ix->keys[k].id, ref) != 0)
        return SIZE_MAX;
    ix->next[lo] = k + 1;
    return ix->keys[k].region;
}

static void region_index_free(region_index *ix)
{
    size_t j;

    for (j = 0; j < ix->n; j++)
        free(ix->ids[j]);
    free(ix->ids);
    free(ix->keys);
    free(ix->next);
}

/* Build page->regions from the Page element: collect, order, convert. */
static int page_from_xml(neval_gt_page *page, const xmlNode *pg)
{
    nodevec regions = {NULL, 0, 0}, refs = {NULL, 0, 0};
    region_index ix = {NULL, NULL, NULL, 0};
    unsigned char *used = NULL;
    const xmlNode *ro;
    size_t i, j;
    int rc;

    rc = collect_regions(&regions, pg);
    if (!rc)
        rc = region_index_build(&ix, &regions);
    if (rc)
        goto cleanup;
    used = calloc(regions.n + 1, 1);
    if (!used) {
        rc = neval_error_set(NEVAL_ERR_NOMEM, "out of memory");
        goto cleanup;
    }
    ro = child_el(pg, "ReadingOrder");
    for (const xmlNode *g = ro ? ro->children : NULL; g && !rc; g = g->next) {
        if (is_group(g)) {
            rc = nodevec_push(&refs, g);
            if (!rc)
                rc = ro_flatten(&refs, g);
        }
    }
    for (i = 0; i < refs.n && !rc; i++) {
        char ref[CUSTOM_VALUE_MAX];

        attr_get(ref, sizeof(ref), refs.v[i], "regionRef");
        if (!ref[0] || (j = region_index_take(&ix, ref)) == SIZE_MAX)
            continue;
        used[j] = 1;
        rc = region_to_gt(page, regions.v[j]);
    }
    for (j = 0; j < regions.n && !rc; j++) {
        if (!used[j])
            rc = region_to_gt(page, regions.v[j]);
    }

cleanup:
    free((void *)regions.v);
    free((void *)refs.v);
    free(used);
    region_index_free(&ix);
    return rc;
}

/*
 * Parser guards, called by libxml2 through the SAX handler (its user data is the
 * parser context, whose _private points here): a DOCTYPE stops the parse, so no
 * entity is ever declared, let alone expanded (a 400 KB file of entity references
 * grew to 18.6 GiB); elements beyond the nodes limit stop it too.
 */
typedef struct {
    startElementNsSAX2Func start_element; /* libxml2's tree builder */
    size_t elements, elements_max;
    int refused; /* 1: a DTD; 2: too many elements */
} parse_guard;

static void guard_internal_subset(void *ctx, const xmlChar *name, const xmlChar *public_id,
                                  const xmlChar *system_id)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_guard *g = ctxt->_private;

    g->refused = 1;
    xmlStopParser(ctxt);
}

static void guard_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                                const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                                int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_guard *g = ctxt->_private;

    if (++g->elements > g->elements_max) {
        g->refused = 2;
        xmlStopParser(ctxt);
        return;
    }
    g->start_element(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                     nb_defaulted, attributes);
}

/*
 * Parse n bytes into *out with the guards above: no DTD (internal or external
 * subset), no entity substitution, no DTD loading, no network.
 */
static int xml_parse_guarded(xmlDocPtr *out, const char *buf, size_t n, const char *name)
{
    parse_guard g = {NULL, 0, neval_limits_get()->nodes_max, 0};
    xmlParserCtxtPtr ctxt;
    xmlDocPtr doc;
    int rc = NEVAL_OK;

    *out = NULL;
    xmlInitParser();
    ctxt = xmlNewParserCtxt();
    if (!ctxt || !ctxt->sax) {
        xmlFreeParserCtxt(ctxt);
        return neval_error_set(NEVAL_ERR_NOMEM, "%s: out of memory", name);
    }
    g.start_element = ctxt->sax->startElementNs;
    ctxt->sax->startElementNs = guard_start_element;
    ctxt->sax->internalSubset = guard_internal_subset;
    ctxt->_private = &g;
    doc = xmlCtxtReadMemory(ctxt, buf, (int)n, name, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (g.refused == 1 || (doc && (doc->intSubset || doc->extSubset))) {
        rc = neval_error_set(NEVAL_ERR_INVALID,
                             "%s: has a DOCTYPE: DTDs and entities are not accepted", name);
    } else if (g.refused == 2) {
        rc = neval_error_set(NEVAL_ERR_LIMIT, "%s: more than %zu XML elements", name,
                             g.elements_max);
    } else if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        char msg[256] = "unknown error";
        size_t len;

        if (e && e->message)
            snprintf(msg, sizeof(msg), "%s", e->message);
        len = strlen(msg);
        while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
            msg[--len] = '\0';
        rc = neval_error_set(NEVAL_ERR_PARSE, "%s: line %d: not well-formed XML: %s", name,
                             e ? e->line : 0, msg);
    }
    if (rc && doc)
        xmlFreeDoc(doc);
    else
        *out = doc;
    xmlFreeParserCtxt(ctxt);
    return rc;
}

/* NEVAL_ERR_LIMIT when the regions' texts together exceed the text limit. */
static int page_text_check(const neval_gt_page *page)
{
    size_t total = 0, max = neval_limits_get()->text_max, i;

    for (i = 0; i < page->n_regions; i++) {
        total += strlen(page->regions[i].text);
        if (total > max)
            return neval_error_set(NEVAL_ERR_LIMIT, "%s: more than %zu bytes of text", page->name,
                                   max);
    }
    return NEVAL_OK;
}

int neval_gt_parse(neval_gt_page **out, const char *buf, size_t n, const char *name)
{
    xmlDocPtr doc = NULL;
    neval_gt_page *page = NULL;
    const xmlNode *root, *pg;
    size_t max = neval_limits_get()->file_max;
    int rc;

    *out = NULL;
    if (!name)
        name = "(memory)";
    if (n > max) /* also keeps n within libxml2's int length */
        return neval_error_set(NEVAL_ERR_LIMIT, "%s: larger than %zu bytes", name, max);
    rc = xml_parse_guarded(&doc, buf, n, name);
    if (rc)
        return rc;
    root = xmlDocGetRootElement(doc);
    if (!is_el(root, "PcGts")) {
        rc = neval_error_set(NEVAL_ERR_INVALID, "%s: not a PAGE file (root element is %s)", name,
                             root ? (const char *)root->name : "missing");
        goto cleanup;
    }
    pg = child_el(root, "Page");
    if (!pg) {
        rc = neval_error_set(NEVAL_ERR_INVALID, "%s: not a PAGE file (no Page element)", name);
        goto cleanup;
    }
    rc = neval_gt_new(&page, name);
    if (!rc)
        rc = page_from_xml(page, pg);
    if (!rc && page)
        rc = page_text_check(page);
    if (rc) {
        neval_gt_free(page);
        page = NULL;
        goto cleanup;
    }
    *out = page;

cleanup:
    xmlFreeDoc(doc);
    return rc;
}

int neval_gt_load(neval_gt_page **out, const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    int rc;

    *out = NULL;
    rc = neval_file_read(&buf, &len, path);
    if (!rc)
        rc = neval_gt_parse(out, buf, len, path);
    free(buf);
    return rc;
}
