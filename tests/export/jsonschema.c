/*
 * jsonschema.c - the JSON Schema subset validator of jsonschema.h.
 *
 *   js_validate
 *
 * static helpers: fail, type_ok, check_object, check_value, check_nested, check (recursive)
 */
#include "jsonschema.h"

#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct ctx {
    const json_t *root;
    char *msg;
    size_t msgsize;
} ctx;

static int fail(ctx *c, const char *path, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(c->msg, c->msgsize, "%s: ", path);
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < c->msgsize)
        vsnprintf(c->msg + n, c->msgsize - (size_t)n, fmt, ap);
    va_end(ap);
    return 0;
}

static int type_ok(const char *t, const json_t *v)
{
    if (!strcmp(t, "object"))
        return json_is_object(v);
    if (!strcmp(t, "array"))
        return json_is_array(v);
    if (!strcmp(t, "string"))
        return json_is_string(v);
    if (!strcmp(t, "integer"))
        return json_is_integer(v);
    if (!strcmp(t, "number"))
        return json_is_number(v);
    if (!strcmp(t, "boolean"))
        return json_is_boolean(v);
    if (!strcmp(t, "null"))
        return json_is_null(v);
    return 0;
}

static int check(ctx *c, const json_t *schema, const json_t *v, const char *path);

static int check_object(ctx *c, const json_t *schema, const json_t *v, const char *path)
{
    const json_t *req = json_object_get(schema, "required");
    const json_t *props = json_object_get(schema, "properties");
    const json_t *addl = json_object_get(schema, "additionalProperties");
    size_t i;
    const json_t *name;
    json_array_foreach(req, i, name)
    {
        if (!json_object_get(v, json_string_value(name)))
            return fail(c, path, "required property '%s' missing", json_string_value(name));
    }
    const char *key;
    json_t *val;
    char sub[512];
    json_object_foreach((json_t *)v, key, val)
    {
        snprintf(sub, sizeof(sub), "%s.%s", path, key);
        const json_t *ps = props ? json_object_get(props, key) : NULL;
        if (ps) {
            if (!check(c, ps, val, sub))
                return 0;
        } else if (json_is_false(addl)) {
            return fail(c, path, "property '%s' not allowed", key);
        } else if (json_is_object(addl) && !check(c, addl, val, sub)) {
            return 0;
        }
    }
    return 1;
}

/* The keywords about one value alone: type, const, enum, minItems, maxItems, minimum,
 * maximum, pattern. Returns 1 when v passes, 0 when it fails (message set), -1 when `key` is
 * none of them. */
static int check_value(ctx *c, const char *key, const json_t *kw, const json_t *v,
                       const char *path)
{
    size_t i;
    json_t *e;
    int ok = 0;
    if (!strcmp(key, "type")) {
        if (json_is_string(kw))
            ok = type_ok(json_string_value(kw), v);
        json_array_foreach(kw, i, e) ok |= type_ok(json_string_value(e), v);
        return ok ? 1 : fail(c, path, "wrong type");
    }
    if (!strcmp(key, "const"))
        return json_equal(kw, (json_t *)v) ? 1 : fail(c, path, "not the constant");
    if (!strcmp(key, "enum")) {
        json_array_foreach(kw, i, e) ok |= json_equal(e, (json_t *)v);
        return ok ? 1 : fail(c, path, "not one of the enumerated values");
    }
    if (!strcmp(key, "minItems"))
        return json_is_array(v) && json_array_size(v) < (size_t)json_integer_value(kw)
                   ? fail(c, path, "too few items")
                   : 1;
    if (!strcmp(key, "maxItems"))
        return json_is_array(v) && json_array_size(v) > (size_t)json_integer_value(kw)
                   ? fail(c, path, "too many items")
                   : 1;
    if (!strcmp(key, "minimum"))
        return json_is_number(v) && json_number_value(v) < json_number_value(kw)
                   ? fail(c, path, "below the minimum")
                   : 1;
    if (!strcmp(key, "maximum"))
        return json_is_number(v) && json_number_value(v) > json_number_value(kw)
                   ? fail(c, path, "above the maximum")
                   : 1;
    if (strcmp(key, "pattern") != 0)
        return -1;
    if (!json_is_string(v))
        return 1;
    regex_t re;
    if (regcomp(&re, json_string_value(kw), REG_EXTENDED | REG_NOSUB))
        return fail(c, path, "bad pattern in the schema");
    int m = regexec(&re, json_string_value(v), 0, NULL, 0);
    regfree(&re);
    if (m)
        return fail(c, path, "'%s' does not match %s", json_string_value(v),
                    json_string_value(kw));
    return 1;
}

/* The keywords that apply a schema to other values: items, oneOf, $ref. Returns as
 * check_value. */
static int check_nested(ctx *c, const char *key, const json_t *kw, const json_t *v,
                        const char *path)
{
    size_t i, n = 0;
    json_t *e;
    if (!strcmp(key, "items")) {
        char sub[512];
        json_array_foreach(v, i, e)
        {
            snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
            if (!check(c, kw, e, sub))
                return 0;
        }
        return 1;
    }
    if (!strcmp(key, "oneOf")) {
        json_array_foreach(kw, i, e) n += (size_t)check(c, e, v, path);
        return n == 1 ? 1 : fail(c, path, "matches %zu of oneOf, not 1", n);
    }
    if (strcmp(key, "$ref") != 0)
        return -1;
    const char *ref = json_string_value(kw);
    if (!ref || strncmp(ref, "#/$defs/", 8) != 0)
        return fail(c, path, "unsupported $ref");
    const json_t *target = json_object_get(json_object_get(c->root, "$defs"), ref + 8);
    if (!target)
        return fail(c, path, "unknown $ref %s", ref);
    return check(c, target, v, path);
}

static int check(ctx *c, const json_t *schema, const json_t *v, const char *path)
{
    static const char *const skip[] = {
        "$schema", "$id",      "title",      "description",
        "$defs",   "required", "properties", "additionalProperties"};
    const char *key;
    json_t *kw;
    json_object_foreach((json_t *)schema, key, kw)
    {
        int skipped = 0;
        for (size_t i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
            skipped |= !strcmp(key, skip[i]);
        if (skipped)
            continue;
        int r = check_value(c, key, kw, v, path);
        if (r < 0)
            r = check_nested(c, key, kw, v, path);
        if (r < 0)
            return fail(c, path, "schema keyword '%s' not supported by this validator", key);
        if (r == 0)
            return 0;
    }
    if (json_is_object(v) &&
        (json_object_get(schema, "properties") || json_object_get(schema, "required") ||
         json_object_get(schema, "additionalProperties")))
        return check_object(c, schema, v, path);
    return 1;
}

int js_validate(const json_t *root, const json_t *schema, const json_t *inst, char *msg,
                size_t msgsize)
{
    ctx c = {root, msg, msgsize};
    if (msgsize)
        msg[0] = '\0';
    return check(&c, schema, inst, "$");
}
