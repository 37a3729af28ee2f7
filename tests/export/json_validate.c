/*
 * json_validate.c - json_validate SCHEMA FILE...: validates each FILE against the JSON
 * Schema (the subset of jsonschema.h); prints "ok FILE" or "FAIL FILE: reason"; exits 1
 * when any fails, 2 on unreadable input.
 */
#include "jsonschema.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: json_validate SCHEMA FILE...\n");
        return 2;
    }
    json_error_t err;
    json_t *schema = json_load_file(argv[1], 0, &err);
    if (!schema) {
        fprintf(stderr, "%s: line %d: %s\n", argv[1], err.line, err.text);
        return 2;
    }
    int status = 0;
    for (int i = 2; i < argc; i++) {
        json_t *inst = json_load_file(argv[i], 0, &err);
        char msg[1024];
        if (!inst) {
            printf("FAIL %s: not JSON: line %d: %s\n", argv[i], err.line, err.text);
            status = 1;
        } else if (!js_validate(schema, schema, inst, msg, sizeof(msg))) {
            printf("FAIL %s: %s\n", argv[i], msg);
            status = 1;
        } else {
            printf("ok   %s\n", argv[i]);
        }
        json_decref(inst);
    }
    json_decref(schema);
    return status;
}
