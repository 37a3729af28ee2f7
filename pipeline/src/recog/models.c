/*
 * models.c - which recognition models (Tesseract *.traineddata files) the engine would
 * find, and where: for `newsocr --list-langs` and for bindings that offer a choice.
 *
 *   nocr_models_list
 *   models_dir_add      the models of one directory not found in an earlier one
 *
 * The directories are searched in the engine's order (engine.c, find_tessdata): a given
 * directory, else $NEWSOCR_TESSDATA, alone (an explicit directory is never silently
 * replaced); else $TESSDATA_PREFIX, then the system's directories. The system list must be
 * the same as engine.c's.
 */
#define _POSIX_C_SOURCE 200809L
#include "core/internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* As engine.c's system_tessdata. */
static const char *const models_system_dirs[] = {
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
};

#define MODEL_SUFFIX ".traineddata"

typedef struct model_entry {
    char *name;
    const char *dir; /* borrowed from the search list */
} model_entry;

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const model_entry *)a)->name, ((const model_entry *)b)->name);
}

/* Appends the models of `dir` whose names are not yet in *v. */
static int models_dir_add(model_entry **v, size_t *n, size_t *cap, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return NOCR_OK; /* an absent directory holds no models: listed as searched */
    int rc = NOCR_OK;
    struct dirent *e;
    size_t slen = strlen(MODEL_SUFFIX);
    while (rc == NOCR_OK && (e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= slen || strcmp(e->d_name + len - slen, MODEL_SUFFIX) != 0)
            continue;
        size_t k = 0;
        while (k < *n && (strncmp((*v)[k].name, e->d_name, len - slen) != 0 ||
                          (*v)[k].name[len - slen] != '\0'))
            k++;
        if (k < *n)
            continue;
        if ((rc = nocr_array_grow((void **)v, cap, *n + 1, sizeof(**v))) != NOCR_OK)
            break;
        char *name = malloc(len - slen + 1);
        if (!name) {
            rc = nocr_error_set(NOCR_ENOMEM, "out of memory");
            break;
        }
        memcpy(name, e->d_name, len - slen);
        name[len - slen] = '\0';
        (*v)[(*n)++] = (model_entry){name, dir};
    }
    closedir(d);
    return rc;
}

int nocr_models_list(char **out, const char *tessdata)
{
    if (!out)
        return nocr_error_set(NOCR_EINVAL, "nocr_models_list: NULL argument");
    *out = NULL;
    const char *dirs[8], *why[8];
    size_t ndirs = 0;
    const char *env = getenv("NEWSOCR_TESSDATA");
    const char *prefix = getenv("TESSDATA_PREFIX");
    if (tessdata && *tessdata) {
        dirs[ndirs] = tessdata;
        why[ndirs++] = "--tessdata";
    } else if (env && *env) {
        dirs[ndirs] = env;
        why[ndirs++] = "NEWSOCR_TESSDATA";
    } else {
        if (prefix && *prefix) {
            dirs[ndirs] = prefix;
            why[ndirs++] = "TESSDATA_PREFIX";
        }
        for (size_t i = 0; i < sizeof(models_system_dirs) / sizeof(*models_system_dirs); i++) {
            dirs[ndirs] = models_system_dirs[i];
            why[ndirs++] = "system";
        }
    }

    model_entry *v = NULL;
    size_t n = 0, cap = 0, size = 0;
    char *text = NULL;
    FILE *fp = NULL;
    int rc = NOCR_OK;
    for (size_t i = 0; i < ndirs && rc == NOCR_OK; i++)
        rc = models_dir_add(&v, &n, &cap, dirs[i]);
    if (rc != NOCR_OK)
        goto cleanup;
    if (n > 1)
        qsort(v, n, sizeof(*v), entry_cmp);
    if (!(fp = open_memstream(&text, &size))) {
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < ndirs; i++)
        fprintf(fp, "dir\t%s\t%s\n", dirs[i], why[i]);
    for (size_t i = 0; i < n; i++)
        fprintf(fp, "model\t%s\t%s\n", v[i].name, v[i].dir);
    if (fclose(fp) != 0 || !text) {
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory");
        goto cleanup;
    }
    *out = text;
    text = NULL;

cleanup:
    free(text);
    for (size_t i = 0; i < n; i++)
        free(v[i].name);
    free(v);
    return rc;
}
