/*
 * render.c - FreeType glyphs, rules and halftone photos on an 8-bit Pix.
 *
 *   syn_font_by_name   font name in a spec -> syn_font_id
 *   syn_font_name      syn_font_id -> its name
 *   syn_font_available is the font's file installed and open
 *   syn_font_init      open the Debian CJK and Latin fonts (FreeType)
 *   syn_font_done      close them
 *   syn_font_advance   advance width of a code point, 1/64 px
 *   syn_render_text    draw one glyph, antialiased, darkening only
 *   syn_render_rect    fill a rectangle with a gray value
 *   syn_render_photo   procedural picture printed through a 45-degree
 *                      halftone screen (not flat grey)
 *
 * Fonts come from fonts-noto-cjk (face index 2 of the .ttc is Simplified
 * Chinese) and fonts-wqy-zenhei; those five are required.  The others, used
 * by random pages only, are optional (fonts-wqy-microhei, fonts-arphic-uming,
 * fonts-arphic-ukai, fonts-dejavu-core, fonts-liberation2): a random page
 * never draws a font that is not installed.  A code point missing from a font
 * falls back to WenQuanYi Zen Hei, then to Noto Sans.
 */
#include "synth.h"
#include "text.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <leptonica/allheaders.h>
#include <math.h>
#include <string.h>

static const struct {
    const char *name;
    const char *path;
    int index;
} font_files[SYN_FONT_COUNT] = {
    /* required: the committed samples use these */
    {"serif", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2},
    {"serif-bold", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2},
    {"sans", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2},
    {"sans-bold", "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2},
    {"wqy", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0},
    /* optional (from SYN_FONT_WQY_MICRO on) */
    {"wqy-micro", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0},
    {"uming", "/usr/share/fonts/truetype/arphic/uming.ttc", 0}, /* AR PL UMing CN */
    {"ukai", "/usr/share/fonts/truetype/arphic/ukai.ttc", 0},   /* AR PL UKai CN */
    {"dejavu-serif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 0},
    {"dejavu-serif-bold", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 0},
    {"dejavu-serif-italic", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf", 0},
    {"dejavu-sans-bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 0},
    {"liberation-serif", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf", 0},
    {"liberation-serif-bold", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf", 0},
    {"liberation-serif-italic", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
     0},
};

static FT_Library ft_lib;
static FT_Face ft_face[SYN_FONT_COUNT];
static int ft_size[SYN_FONT_COUNT];

int syn_font_by_name(const char *name)
{
    int i;

    for (i = 0; i < SYN_FONT_COUNT; i++)
        if (!strcmp(name, font_files[i].name))
            return i;
    return -1;
}

const char *syn_font_name(int font)
{
    return font >= 0 && font < SYN_FONT_COUNT ? font_files[font].name : "default";
}

int syn_font_available(int font)
{
    return font >= 0 && font < SYN_FONT_COUNT && ft_face[font] != NULL;
}

/*
 * syn_font_init: open all fonts.  Returns SYN_EFONT naming the missing file
 * (install fonts-noto-cjk and fonts-wqy-zenhei).  Checks that the Noto face
 * really is the SC one.
 */
int syn_font_init(void)
{
    int i;

    if (FT_Init_FreeType(&ft_lib)) {
        syn_error_set("FreeType initialisation failed");
        return SYN_EFONT;
    }
    for (i = 0; i < SYN_FONT_COUNT; i++) {
        if (FT_New_Face(ft_lib, font_files[i].path, font_files[i].index, &ft_face[i])) {
            ft_face[i] = NULL;
            if (i >= SYN_FONT_WQY_MICRO)
                continue; /* optional: random pages check syn_font_available() */
            syn_error_set("cannot open font %s face %d (install fonts-noto-cjk, "
                          "fonts-wqy-zenhei)",
                          font_files[i].path, font_files[i].index);
            syn_font_done();
            return SYN_EFONT;
        }
        if (font_files[i].index == 2 && ft_face[i]->family_name &&
            !strstr(ft_face[i]->family_name, " SC")) {
            syn_error_set("font %s face 2 is '%s', not the SC face", font_files[i].path,
                          ft_face[i]->family_name);
            syn_font_done();
            return SYN_EFONT;
        }
        ft_size[i] = 0;
    }
    return 0;
}

void syn_font_done(void)
{
    int i;

    for (i = 0; i < SYN_FONT_COUNT; i++)
        if (ft_face[i]) {
            FT_Done_Face(ft_face[i]);
            ft_face[i] = NULL;
        }
    if (ft_lib) {
        FT_Done_FreeType(ft_lib);
        ft_lib = NULL;
    }
}

/* pick the face that has cp, falling back to WenQuanYi then Noto Sans */
static int font_for(int font, long cp)
{
    if (!ft_face[font])
        return SYN_FONT_SANS;
    if (FT_Get_Char_Index(ft_face[font], (FT_ULong)cp))
        return font;
    if (FT_Get_Char_Index(ft_face[SYN_FONT_WQY], (FT_ULong)cp))
        return SYN_FONT_WQY;
    return SYN_FONT_SANS;
}

static int load_glyph(int font, int px, long cp, int render)
{
    FT_Face face = ft_face[font];

    if (ft_size[font] != px) {
        if (FT_Set_Pixel_Sizes(face, 0, (FT_UInt)px))
            return SYN_EFONT;
        ft_size[font] = px;
    }
    /* outlines only: WenQuanYi and AR PL fonts carry 1-bit bitmap strikes
     * for small sizes, which are screen fonts, not print */
    if (FT_Load_Char(face, (FT_ULong)cp,
                     (render ? FT_LOAD_RENDER : FT_LOAD_DEFAULT) | FT_LOAD_NO_BITMAP))
        return SYN_EFONT;
    if (render && face->glyph->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY)
        return SYN_EFONT;
    return 0;
}

/* CJK punctuation drawn in a full em box even where the font gives it a
 * proportional (Latin) advance: curly quotes, em dash, ellipsis, middle dot. */
static int is_fullwidth_punct(long cp)
{
    return cp == 0x201c || cp == 0x201d || cp == 0x2018 || cp == 0x2019 || cp == 0x2014 ||
           cp == 0x2026 || cp == 0x00b7;
}

long syn_font_advance(int font, int px, long cp)
{
    int f = font_for(font, cp);

    if (cp == ' ')
        return (long)px * 64 / 3;
    if (is_fullwidth_punct(cp) || (syn_text_is_cjk(cp) && cp >= 0x3000))
        return (long)px * 64;
    if (load_glyph(f, px, cp, 0))
        return (long)px * 32;
    return (long)ft_face[f]->glyph->advance.x;
}

/*
 * syn_render_text: draw code point cp with its origin at (x, base) in an
 * 8 bpp pix; coverage darkens (dst = dst * (255 - a) / 255), so overlapping
 * glyphs never lighten each other.  Full-width punctuation with a narrow
 * glyph is placed in its em box: opening marks to the right, closing marks
 * to the left; an em dash is drawn as a rule across the whole em.
 */
int syn_render_text(PIX *pix, int font, int px, long cp, int x, int base)
{
    int f = font_for(font, cp), w, h, wpl, i, j, left, top;
    l_uint32 *data, *line;
    FT_Bitmap *bm;

    if (cp == ' ')
        return 0;
    if (cp == 0x2014) {
        /* em dash: a full-em rule, so that "——" reads as one unbroken dash */
        int t = px / 18 > 1 ? px / 18 : 1, ym = base - (int)(px * 0.36);
        syn_render_rect(pix, x, ym - t / 2, x + px, ym - t / 2 + t, 0);
        return 0;
    }
    if (load_glyph(f, px, cp, 1))
        return SYN_EFONT;
    bm = &ft_face[f]->glyph->bitmap;
    left = ft_face[f]->glyph->bitmap_left;
    top = ft_face[f]->glyph->bitmap_top;
    if (is_fullwidth_punct(cp)) {
        long adv = ft_face[f]->glyph->advance.x / 64;
        if (adv < px * 3 / 4) {
            if (cp == 0x201c || cp == 0x2018)
                left += (int)(px - adv);
            else if (cp == 0x2026 || cp == 0x00b7)
                left += (int)(px - adv) / 2;
        }
    }
    pixGetDimensions(pix, &w, &h, NULL);
    data = pixGetData(pix);
    wpl = pixGetWpl(pix);
    for (i = 0; i < (int)bm->rows; i++) {
        int yy = base - top + i;
        if (yy < 0 || yy >= h)
            continue;
        line = data + (size_t)yy * wpl;
        for (j = 0; j < (int)bm->width; j++) {
            int xx = x + left + j, a = bm->buffer[i * bm->pitch + j], v;
            if (xx < 0 || xx >= w || a == 0)
                continue;
            v = GET_DATA_BYTE(line, xx);
            v = v * (255 - a) / 255;
            SET_DATA_BYTE(line, xx, v);
        }
    }
    return 0;
}

void syn_render_rect(PIX *pix, int x0, int y0, int x1, int y1, int gray)
{
    int w, h, wpl, x, y;
    l_uint32 *data;

    pixGetDimensions(pix, &w, &h, NULL);
    data = pixGetData(pix);
    wpl = pixGetWpl(pix);
    if (x0 < 0)
        x0 = 0;
    if (y0 < 0)
        y0 = 0;
    if (x1 > w)
        x1 = w;
    if (y1 > h)
        y1 = h;
    for (y = y0; y < y1; y++)
        for (x = x0; x < x1; x++)
            SET_DATA_BYTE(data + (size_t)y * wpl, x, gray);
}

/* smooth random field on a (gx+1) x (gy+1) lattice, bilinear with smoothstep */
static double lattice(const double *g, int gx, int gy, double u, double v)
{
    double fx = u * gx, fy = v * gy, tx, ty;
    int ix = (int)fx, iy = (int)fy;

    if (ix >= gx)
        ix = gx - 1;
    if (iy >= gy)
        iy = gy - 1;
    tx = fx - ix;
    ty = fy - iy;
    tx = tx * tx * (3 - 2 * tx);
    ty = ty * ty * (3 - 2 * ty);
    return (g[iy * (gx + 1) + ix] * (1 - tx) + g[iy * (gx + 1) + ix + 1] * tx) * (1 - ty) +
           (g[(iy + 1) * (gx + 1) + ix] * (1 - tx) + g[(iy + 1) * (gx + 1) + ix + 1] * tx) * ty;
}

/*
 * syn_render_photo: paint a picture-like scene into box and print it through
 * a 45-degree amplitude-modulated halftone screen of about 65 lines per inch
 * (spot function (cos u + cos v) / 2, as in a newspaper screen).  The scene:
 * a sky-to-ground gradient, a smooth random field, a few dark figures
 * (ellipses) and a building block, all from rng.
 */
void syn_render_photo(PIX *pix, const syn_box *box, syn_rng *rng, int dpi)
{
    double g1[7 * 6], g2[13 * 11], period = dpi / 65.0, horizon;
    double fig[6][5];
    int nfig, i, x, y, w, h, wpl, bw = box->x1 - box->x0, bh = box->y1 - box->y0;
    l_uint32 *data;

    if (bw < 4 || bh < 4)
        return;
    for (i = 0; i < 7 * 6; i++)
        g1[i] = syn_rng_uniform(rng);
    for (i = 0; i < 13 * 11; i++)
        g2[i] = syn_rng_uniform(rng);
    horizon = syn_rng_range(rng, 0.3, 0.6);
    nfig = 2 + (int)(syn_rng_uniform(rng) * 4);
    for (i = 0; i < nfig; i++) {
        fig[i][0] = syn_rng_range(rng, 0.1, 0.9);   /* centre x */
        fig[i][1] = syn_rng_range(rng, 0.45, 0.8);  /* centre y */
        fig[i][2] = syn_rng_range(rng, 0.04, 0.10); /* radius x */
        fig[i][3] = syn_rng_range(rng, 0.12, 0.30); /* radius y */
        fig[i][4] = syn_rng_range(rng, 0.05, 0.35); /* darkness */
    }
    pixGetDimensions(pix, &w, &h, NULL);
    data = pixGetData(pix);
    wpl = pixGetWpl(pix);
    for (y = box->y0; y < box->y1 && y < h; y++) {
        double v = (double)(y - box->y0) / bh;
        for (x = box->x0; x < box->x1 && x < w; x++) {
            double u = (double)(x - box->x0) / bw, t, cov, su, sv, spot, ink;
            int k;

            t = v < horizon ? 0.85 - 0.25 * v / horizon : 0.55 - 0.2 * (v - horizon);
            t += 0.30 * (lattice(g1, 6, 5, u, v) - 0.5) + 0.12 * (lattice(g2, 12, 10, u, v) - 0.5);
            for (k = 0; k < nfig; k++) {
                double dx = (u - fig[k][0]) / fig[k][2], dy = (v - fig[k][1]) / fig[k][3];
                if (dx * dx + dy * dy < 1.0)
                    t = t * 0.4 + fig[k][4] * 0.6;
            }
            if (u > 0.62 && u < 0.9 && v > horizon - 0.25 && v < horizon + 0.05)
                t = t * 0.5 + 0.2;
            if (t < 0.03)
                t = 0.03;
            if (t > 0.97)
                t = 0.97;
            cov = 1.0 - t;
            su = (x + y) * 0.70710678 * 6.28318530718 / period;
            sv = (x - y) * 0.70710678 * 6.28318530718 / period;
            spot = (cos(su) + cos(sv)) * 0.5;
            ink = (spot - (1.0 - 2.0 * cov)) * 2.5 + 0.5;
            if (ink < 0)
                ink = 0;
            if (ink > 1)
                ink = 1;
            SET_DATA_BYTE(data + (size_t)y * wpl, x, (int)(250 - 235 * ink));
        }
    }
}
