/*
 * rng.c - deterministic pseudo-random numbers and the error message.
 *
 *   syn_rng_seed      seed xoshiro256** from a 64-bit seed with splitmix64
 *   syn_rng_next      next 64-bit value
 *   syn_rng_uniform   uniform double in [0, 1)
 *   syn_rng_range     uniform double in [lo, hi)
 *   syn_rng_gauss     standard normal deviate (Box-Muller, no cached pair)
 *   syn_error_set     keep a one-line error message
 *   syn_error_get     read it
 *   syn_error_prefix  prepend context (the spec path) to the message
 *
 * The generator never looks at time, addresses or rand(): the same seed gives
 * the same page, byte for byte, with the same libm and libraries (Blackman
 * and Vigna, "Scrambled linear pseudorandom number generators", 2018).
 */
#include "synth.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static char syn_errbuf[512];
static char syn_errctx[512];
static char syn_errout[sizeof(syn_errbuf) + sizeof(syn_errctx) + 4];

void syn_error_set(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(syn_errbuf, sizeof(syn_errbuf), fmt, ap);
    va_end(ap);
    syn_errctx[0] = '\0';
}

/* syn_error_prefix: report the message as "prefix: msg" unless it already
 * starts with prefix (spec parse errors name their file:line themselves). */
void syn_error_prefix(const char *prefix)
{
    if (strncmp(syn_errbuf, prefix, strlen(prefix)))
        snprintf(syn_errctx, sizeof(syn_errctx), "%s", prefix);
}

const char *syn_error_get(void)
{
    const char *msg = syn_errbuf[0] ? syn_errbuf : "unknown error";

    if (!syn_errctx[0])
        return msg;
    snprintf(syn_errout, sizeof(syn_errout), "%s: %s", syn_errctx, msg);
    return syn_errout;
}

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/*
 * syn_rng_seed: fill the four state words from splitmix64(seed), as the
 * xoshiro authors recommend, so that seeds 0, 1, 2 ... give unrelated streams.
 */
void syn_rng_seed(syn_rng *rng, uint64_t seed)
{
    int i;

    for (i = 0; i < 4; i++)
        rng->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t syn_rng_next(syn_rng *rng)
{
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double syn_rng_uniform(syn_rng *rng)
{
    return (double)(syn_rng_next(rng) >> 11) * (1.0 / 9007199254740992.0);
}

double syn_rng_range(syn_rng *rng, double lo, double hi)
{
    return lo + (hi - lo) * syn_rng_uniform(rng);
}

/* syn_rng_gauss: Box-Muller; draws two uniforms per call (no hidden state). */
double syn_rng_gauss(syn_rng *rng)
{
    double u1 = syn_rng_uniform(rng), u2 = syn_rng_uniform(rng);

    if (u1 < 1e-300)
        u1 = 1e-300;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}
