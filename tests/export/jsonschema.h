/*
 * jsonschema.h - a validator for the subset of JSON Schema (draft 2020-12) that
 * pipeline/schema/newsocr-page.schema.json uses, for the export tests.
 *
 *   js_validate    check an instance against a schema; the first error in *msg
 *
 * Keywords: type (a name or a list), const, enum, required, properties,
 * additionalProperties (false or a schema), items, minItems, maxItems, minimum, maximum,
 * pattern (POSIX extended regex), oneOf, $ref ("#/$defs/NAME"); annotations ($schema,
 * $id, title, description) are ignored. Any other keyword is an error, so the schema cannot
 * grow a rule this validator would silently skip.
 */
#ifndef NEWSOCR_TEST_JSONSCHEMA_H
#define NEWSOCR_TEST_JSONSCHEMA_H

#include <jansson.h>

/* 1 when `inst` is valid against `schema` (root is the document holding $defs); else 0 with
 * a message naming the JSON path in msg (msgsize bytes). */
int js_validate(const json_t *root, const json_t *schema, const json_t *inst, char *msg,
                size_t msgsize);

#endif
