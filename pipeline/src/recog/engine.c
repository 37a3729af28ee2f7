/*
 * engine.c - the recognition engine: finding the models, loading them once, and the
 * engine's lifecycle.
 *
 *   nocr_engine_new, nocr_engine_free, nocr_engine_tessdata, nocr_engine_lang,
 *   nocr_engine_config
 *   config_beside_library   the settings installed with the library
 *   find_tessdata           the model directory: given, $NEWSOCR_TESSDATA,
 *                           $TESSDATA_PREFIX, the system's
 *   find_config             newsocr's Tesseract settings file
 *
 * One TessBaseAPI per engine, initialised once and reused for every image. Its OpenMP
 * parallelism is switched off (omp_set_max_active_levels(0)): on a 2-core machine a page
 * took 20 s with Tesseract's threads and 4.6 s without; newsocr parallelises over pages.
 */
#define _GNU_SOURCE /* dladdr */
#include "recog/recog.h"

#include <dlfcn.h>
#include <omp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#ifndef NOCR_CONFIG_PATHS
#define NOCR_CONFIG_PATHS ""
#endif
/* The installed settings file relative to the installed library's directory, so that a
 * package unpacked under any root (dpkg -x, a container layer) finds its own. */
#ifndef NOCR_CONFIG_FROM_LIBDIR
#define NOCR_CONFIG_FROM_LIBDIR ""
#endif

/* The system's model directories, searched after --tessdata and $NEWSOCR_TESSDATA. */
static const char *const system_tessdata[] = {
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
};

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Returns the first language of `lang` ('+'-separated) without a traineddata file in dir,
 * copied into missing[], or 0 when all are there. */
static int dir_missing_lang(const char *dir, const char *lang, char *missing, size_t n)
{
    const char *p = lang;
    while (*p) {
        size_t len = strcspn(p, "+");
        if (len > 0) {
            char path[4096];
            snprintf(path, sizeof(path), "%s/%.*s.traineddata", dir, (int)len, p);
            if (!is_file(path)) {
                snprintf(missing, n, "%.*s", (int)len, p);
                return 1;
            }
        }
        p += len + (p[len] == '+');
    }
    return 0;
}

static int lang_is_valid(const char *lang)
{
    if (!*lang || strlen(lang) > 200)
        return 0;
    for (const char *p = lang; *p; p++) {
        if (!(*p == '_' || *p == '+' || *p == '-' || (*p >= 'a' && *p <= 'z') ||
              (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return 0;
    }
    return 1;
}

/* Lookup order: opts->tessdata, $NEWSOCR_TESSDATA, $TESSDATA_PREFIX, the system's.
 * An explicitly given directory is not silently replaced by another. */
static int find_tessdata(char **out, const char *given, const char *lang)
{
    char missing[128] = "";
    const char *env = getenv("NEWSOCR_TESSDATA");
    const char *explicit_dir = given && *given ? given : (env && *env ? env : NULL);
    if (explicit_dir) {
        if (dir_missing_lang(explicit_dir, lang, missing, sizeof(missing)))
            return nocr_error_set(
                NOCR_EMODEL, "model '%s' not found: no %s.traineddata in %s (%s)", missing,
                missing, explicit_dir, given && *given ? "--tessdata" : "NEWSOCR_TESSDATA");
        *out = nocr_strdup(explicit_dir);
        return *out ? NOCR_OK : nocr_error_set(NOCR_ENOMEM, "out of memory");
    }
    char searched[1024] = "";
    const char *prefix = getenv("TESSDATA_PREFIX");
    size_t nsys = sizeof(system_tessdata) / sizeof(system_tessdata[0]);
    for (size_t i = 0; i <= nsys; i++) {
        const char *dir = i == 0 ? prefix : system_tessdata[i - 1];
        if (!dir || !*dir)
            continue;
        if (!dir_missing_lang(dir, lang, missing, sizeof(missing))) {
            *out = nocr_strdup(dir);
            return *out ? NOCR_OK : nocr_error_set(NOCR_ENOMEM, "out of memory");
        }
        size_t len = strlen(searched);
        snprintf(searched + len, sizeof(searched) - len, "%s%s", len ? ", " : "", dir);
    }
    return nocr_error_set(NOCR_EMODEL,
                          "model '%s' not found: no %s.traineddata in %s (install the Debian "
                          "package tesseract-ocr-%s, or use --tessdata DIR)",
                          missing, missing, searched, missing);
}

/* The settings file installed beside the library this code runs from, into buf; 0 if none. */
static int config_beside_library(char *buf, size_t n)
{
    Dl_info info;
    if (!*NOCR_CONFIG_FROM_LIBDIR || !dladdr((void *)nocr_engine_new, &info) || !info.dli_fname)
        return 0;
    const char *slash = strrchr(info.dli_fname, '/');
    if (!slash)
        return 0;
    int len = snprintf(buf, n, "%.*s/%s", (int)(slash - info.dli_fname), info.dli_fname,
                       NOCR_CONFIG_FROM_LIBDIR);
    return len > 0 && (size_t)len < n && is_file(buf);
}

/* The pipeline's Tesseract settings: opts->config, else the copy installed beside the
 * library, else the first existing file of the build-time list (installed copy, then the
 * source tree's models/newsocr.config). */
static const char *find_config(const char *given, char *buf, size_t n)
{
    if (given)
        return *given ? given : NULL;
    if (config_beside_library(buf, n))
        return buf;
    const char *p = NOCR_CONFIG_PATHS;
    while (*p) {
        size_t len = strcspn(p, ":");
        snprintf(buf, n, "%.*s", (int)len, p);
        if (len && is_file(buf))
            return buf;
        p += len + (p[len] == ':');
    }
    return NULL;
}

int nocr_engine_new(nocr_engine **out, const nocr_engine_options *opts)
{
    nocr_engine_options defaults = NOCR_ENGINE_OPTIONS_INIT;
    nocr_engine *eng = NULL;
    char config_buf[4096];
    int rc;

    if (!out)
        return nocr_error_set(NOCR_EINVAL, "nocr_engine_new: NULL argument");
    *out = NULL;
    if (!opts)
        opts = &defaults;
    const char *lang = opts->lang && *opts->lang ? opts->lang : "chi_sim";
    if (!lang_is_valid(lang))
        return nocr_error_set(NOCR_EINVAL, "invalid language string '%s'", lang);
    const char *config = find_config(opts->config, config_buf, sizeof(config_buf));
    if (config && !is_file(config))
        return nocr_error_set(NOCR_EMODEL, "%s: Tesseract settings file not found", config);

    /* Tesseract's own threads: off for every parallel region of this process. */
    omp_set_max_active_levels(0);

    if (!(eng = calloc(1, sizeof(*eng))) || !(eng->lang = nocr_strdup(lang)) ||
        !(eng->config = nocr_strdup(config ? config : ""))) {
        rc = nocr_error_set(NOCR_ENOMEM, "out of memory");
        goto cleanup;
    }
    if ((rc = find_tessdata(&eng->tessdata, opts->tessdata, recog_lang_models(lang))))
        goto cleanup;
    if (strcmp(lang, "auto") == 0) { /* lang.c: both models, one chosen per page */
        if ((rc = recog_auto_init(eng, config)))
            goto cleanup;
        *out = eng;
        return NOCR_OK;
    }
    if (!(eng->api = TessBaseAPICreate())) {
        rc = nocr_error_set(NOCR_EENGINE, "cannot create a Tesseract engine");
        goto cleanup;
    }
    /* Keep Tesseract's diagnostics out of the user's stderr. */
    TessBaseAPISetVariable(eng->api, "debug_file", "/dev/null");
    char *configs[1] = {(char *)config};
    if (TessBaseAPIInit1(eng->api, eng->tessdata, lang, OEM_LSTM_ONLY, config ? configs : NULL,
                         config ? 1 : 0) != 0) {
        rc = nocr_error_set(NOCR_EMODEL, "cannot load model '%s' from %s (corrupt traineddata?)",
                            lang, eng->tessdata);
        goto cleanup;
    }
    TessBaseAPISetVariable(eng->api, "debug_file", "/dev/null");
    *out = eng;
    return NOCR_OK;

cleanup:
    nocr_engine_free(eng);
    return rc;
}

void nocr_engine_free(nocr_engine *eng)
{
    if (!eng)
        return;
    recog_vertical_free(eng);
    if (eng->auto_api[0] || eng->auto_api[1])
        recog_auto_free(eng); /* api is one of them */
    if (eng->api) {
        TessBaseAPIEnd(eng->api);
        TessBaseAPIDelete(eng->api);
    }
    free(eng->tessdata);
    free(eng->lang);
    free(eng->config);
    free(eng);
}

const char *nocr_engine_config(const nocr_engine *eng)
{
    return eng && eng->config ? eng->config : "";
}

const char *nocr_engine_tessdata(const nocr_engine *eng)
{
    return eng->tessdata;
}

const char *nocr_engine_lang(const nocr_engine *eng)
{
    return eng->lang;
}
