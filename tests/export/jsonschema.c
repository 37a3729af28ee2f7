/*
 * jsonschema.c - the JSON Schema subset validator of jsonschema.h.
 *
 *   js_validate
 *
 * static helpers: check (recursive), type_ok, fail
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

static int check(ctx *c, const json_t *schema, const json_t *v, const char *path)
{
    const char *key;
    json_t *kw;
    json_object_foreach((json_t *)schema, key, kw)
    {
        if (!strcmp(key, "$schema") || !strcmp(key, "$id") || !strcmp(key, "title") ||
            !strcmp(key, "description") || !strcmp(key, "$defs") || !strcmp(key, "required") ||
            !strcmp(key, "properties") || !strcmp(key, "additionalProperties"))
            continue;
        if (!strcmp(key, "type")) {
            int ok = 0;
            if (json_is_string(kw)) {
                ok = type_ok(json_string_value(kw), v);
            } else {
                size_t i;
                json_t *t;
                json_array_foreach(kw, i, t) ok |= type_ok(json_string_value(t), v);
            }
            if (!ok)
                return fail(c, path, "wrong type");
        } else if (!strcmp(key, "const")) {
            if (!json_equal(kw, (json_t *)v))
                return fail(c, path, "not the constant");
        } else if (!strcmp(key, "enum")) {
            size_t i;
            json_t *e;
            int ok = 0;
            json_array_foreach(kw, i, e) ok |= json_equal(e, (json_t *)v);
            if (!ok)
                return fail(c, path, "not one of the enumerated values");
        } else if (!strcmp(key, "items")) {
            size_t i;
            json_t *e;
            char sub[512];
            if (json_is_array(v)) {
                json_array_foreach(v, i, e)
                {
                    snprintf(sub, sizeof(sub), "%s[%zu]", path, i);
                    if (!check(c, kw, e, sub))
                        return 0;
                }
            }
        } else if (!strcmp(key, "minItems")) {
            if (json_is_array(v) && json_array_size(v) < (size_t)json_integer_value(kw))
                return fail(c, path, "too few items");
        } else if (!strcmp(key, "maxItems")) {
            if (json_is_array(v) && json_array_size(v) > (size_t)json_integer_value(kw))
                return fail(c, path, "too many items");
        } else if (!strcmp(key, "minimum")) {
            if (json_is_number(v) && json_number_value(v) < json_number_value(kw))
                return fail(c, path, "below the minimum");
        } else if (!strcmp(key, "maximum")) {
            if (json_is_number(v) && json_number_value(v) > json_number_value(kw))
                return fail(c, path, "above the maximum");
        } else if (!strcmp(key, "pattern")) {
            if (json_is_string(v)) {
                regex_t re;
                if (regcomp(&re, json_string_value(kw), REG_EXTENDED | REG_NOSUB))
                    return fail(c, path, "bad pattern in the schema");
                int m = regexec(&re, json_string_value(v), 0, NULL, 0);
                regfree(&re);
                if (m)
                    return fail(c, path, "'%s' does not match %s", json_string_value(v),
                                json_string_value(kw));
            }
        } else if (!strcmp(key, "oneOf")) {
            size_t i, n = 0;
            json_t *alt;
            json_array_foreach(kw, i, alt) n += (size_t)check(c, alt, v, path);
            if (n != 1)
                return fail(c, path, "matches %zu of oneOf, not 1", n);
        } else if (!strcmp(key, "$ref")) {
            const char *ref = json_string_value(kw);
            if (!ref || strncmp(ref, "#/$defs/", 8) != 0)
                return fail(c, path, "unsupported $ref");
            const json_t *target = json_object_get(json_object_get(c->root, "$defs"), ref + 8);
            if (!target)
                return fail(c, path, "unknown $ref %s", ref);
            if (!check(c, target, v, path))
                return 0;
        } else {
            return fail(c, path, "schema keyword '%s' not supported by this validator", key);
        }
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
