"""newsocr: scanned newspaper pages to text in reading order.

A binding over libnewsocr.so with ctypes: no compiled extension, nothing outside Debian's
python3 (and python3-pil, only to pass PIL images).

    import newsocr
    engine = newsocr.Engine(lang="chi_sim")      # loads the models once
    page = engine.read("page.png")               # a path, bytes, or a PIL image
    print(page.text)                             # the page in reading order
    for r in page.regions:
        print(r.order, r.role, r.box, r.text)
    alto = page.to_alto()

An Engine may be used by one thread at a time (it holds one Tesseract instance); use one
Engine per thread. Calls into one Engine from several threads are serialised by a lock,
so sharing one is safe but gives no parallelism. Pages are plain data, freed with their
Python object.

Errors are raised as newsocr.Error, which carries the library's one-line message and its
code (newsocr.Error.code, a negative nocr_error; .name says what kind it is).

The library is found through $NEWSOCR_LIBRARY (a path to libnewsocr.so), then the
system's library path (libnewsocr.so.0).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import os
import threading
from dataclasses import dataclass
from typing import List, Optional, Tuple, Union

__all__ = ["Engine", "Page", "Region", "Error", "version", "formats"]

_MAJOR = 0


class Error(Exception):
    """A newsocr library error: str(e) is its one-line message, e.code its nocr_error."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
        self.name = _lib().nocr_error_name(code).decode() if _LIB else str(code)


class _Box(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("w", ctypes.c_int),
                ("h", ctypes.c_int)]


class _EngineOptions(ctypes.Structure):
    _fields_ = [("lang", ctypes.c_char_p), ("tessdata", ctypes.c_char_p),
                ("config", ctypes.c_char_p)]


class _LoadOptions(ctypes.Structure):
    _fields_ = [("max_pixels", ctypes.c_longlong)]


_LIB = None
_LIB_LOCK = threading.Lock()
_P = ctypes.c_void_p


def _declare(lib):
    """Argument and result types of the functions the binding calls."""
    sig = {
        "nocr_version": (ctypes.c_char_p, []),
        "nocr_error_last": (ctypes.c_char_p, []),
        "nocr_error_name": (ctypes.c_char_p, [ctypes.c_int]),
        "nocr_engine_new": (ctypes.c_int, [ctypes.POINTER(_P), ctypes.POINTER(_EngineOptions)]),
        "nocr_engine_free": (None, [_P]),
        "nocr_engine_lang": (ctypes.c_char_p, [_P]),
        "nocr_engine_config": (ctypes.c_char_p, [_P]),
        "nocr_image_load": (ctypes.c_int, [ctypes.POINTER(_P), ctypes.c_char_p, ctypes.c_int,
                                           ctypes.POINTER(_LoadOptions)]),
        "nocr_image_load_mem": (ctypes.c_int, [ctypes.POINTER(_P), ctypes.c_char_p,
                                               ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int,
                                               ctypes.POINTER(_LoadOptions)]),
        "nocr_image_page_count": (ctypes.c_int, [ctypes.POINTER(ctypes.c_int), ctypes.c_char_p]),
        "nocr_image_free": (None, [_P]),
        "nocr_process": (ctypes.c_int, [ctypes.POINTER(_P), _P, _P, _P, _P]),
        "nocr_page_free": (None, [_P]),
        "nocr_page_width": (ctypes.c_int, [_P]),
        "nocr_page_height": (ctypes.c_int, [_P]),
        "nocr_page_skew": (ctypes.c_double, [_P]),
        "nocr_page_region_count": (ctypes.c_size_t, [_P]),
        "nocr_page_region": (_P, [_P, ctypes.c_size_t]),
        "nocr_page_warning_count": (ctypes.c_size_t, [_P]),
        "nocr_page_warning": (ctypes.c_char_p, [_P, ctypes.c_size_t]),
        "nocr_region_role": (ctypes.c_int, [_P]),
        "nocr_role_name": (ctypes.c_char_p, [ctypes.c_int]),
        "nocr_region_box": (_Box, [_P]),
        "nocr_region_order": (ctypes.c_int, [_P]),
        "nocr_region_article": (ctypes.c_int, [_P]),
        "nocr_region_direction": (ctypes.c_int, [_P]),
        "nocr_region_confidence": (ctypes.c_float, [_P]),
        "nocr_region_line_count": (ctypes.c_size_t, [_P]),
        "nocr_region_line": (_P, [_P, ctypes.c_size_t]),
        "nocr_line_text": (ctypes.c_char_p, [_P]),
        "nocr_format_find": (_P, [ctypes.c_char_p]),
        "nocr_format_count": (ctypes.c_size_t, []),
        "nocr_format_at": (_P, [ctypes.c_size_t]),
    }
    for name, (res, args) in sig.items():
        fn = getattr(lib, name)
        fn.restype = res
        fn.argtypes = args
    # The exports write through char **out and are freed with the C library's free().
    for name in ("nocr_export_txt",):
        getattr(lib, name).argtypes = [ctypes.POINTER(ctypes.c_void_p), _P]
        getattr(lib, name).restype = ctypes.c_int
    for name in ("nocr_export_json", "nocr_export_hocr", "nocr_export_alto",
                 "nocr_export_pagexml"):
        getattr(lib, name).argtypes = [ctypes.POINTER(ctypes.c_void_p), _P, _P]
        getattr(lib, name).restype = ctypes.c_int


def _lib():
    """The loaded library (loaded on first use)."""
    global _LIB
    with _LIB_LOCK:
        if _LIB is None:
            path = os.environ.get("NEWSOCR_LIBRARY") or ctypes.util.find_library("newsocr") \
                or "libnewsocr.so.%d" % _MAJOR
            try:
                lib = ctypes.CDLL(path)
            except OSError as e:
                raise ImportError("newsocr: cannot load the library %s (%s); install "
                                  "libnewsocr or set NEWSOCR_LIBRARY" % (path, e)) from None
            _declare(lib)
            _LIB = lib
        return _LIB


_libc = ctypes.CDLL(None)
_libc.free.argtypes = [ctypes.c_void_p]
_libc.free.restype = None


def _check(rc: int) -> None:
    if rc != 0:
        raise Error(rc, _lib().nocr_error_last().decode("utf-8", "replace"))


def _take_string(ptr: ctypes.c_void_p) -> str:
    """Copies a string the library allocated and frees it."""
    try:
        return ctypes.string_at(ptr.value).decode("utf-8") if ptr.value else ""
    finally:
        _libc.free(ptr)


def version() -> str:
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return _lib().nocr_version().decode()


def formats() -> List[str]:
    """The output formats the library writes (the names -f takes)."""
    lib = _lib()

    class _Fmt(ctypes.Structure):
        _fields_ = [("name", ctypes.c_char_p)]

    return [ctypes.cast(lib.nocr_format_at(i), ctypes.POINTER(_Fmt)).contents.name.decode()
            for i in range(lib.nocr_format_count())]


@dataclass(frozen=True)
class Region:
    """A region of the page: role ("headline", "body", "caption", ...), box (x, y, w, h)
    in the image's pixels, text (its lines, one a line), reading-order index (-1 when
    outside the reading order) and article (-1 when none)."""

    role: str
    box: Tuple[int, int, int, int]
    text: str
    order: int
    article: int
    direction: str
    confidence: float


class Page:
    """One recognised page: the page model in reading order and its exports."""

    def __init__(self, handle: int, source: str):
        self._h = ctypes.c_void_p(handle)
        self.source = source

    def __del__(self):
        if getattr(self, "_h", None) and self._h.value and _LIB is not None:
            _LIB.nocr_page_free(self._h)
            self._h = None

    @property
    def width(self) -> int:
        return _lib().nocr_page_width(self._h)

    @property
    def height(self) -> int:
        return _lib().nocr_page_height(self._h)

    @property
    def skew(self) -> float:
        """Degrees the scan was turned by (clockwise positive)."""
        return _lib().nocr_page_skew(self._h)

    @property
    def warnings(self) -> List[str]:
        lib = _lib()
        return [lib.nocr_page_warning(self._h, i).decode("utf-8", "replace")
                for i in range(lib.nocr_page_warning_count(self._h))]

    @property
    def regions(self) -> List[Region]:
        """Every region, text regions in reading order first, then photos and rules."""
        lib = _lib()
        out = []
        for i in range(lib.nocr_page_region_count(self._h)):
            r = lib.nocr_page_region(self._h, i)
            b = lib.nocr_region_box(r)
            lines = [lib.nocr_line_text(lib.nocr_region_line(r, k)).decode("utf-8", "replace")
                     for k in range(lib.nocr_region_line_count(r))]
            out.append(Region(role=lib.nocr_role_name(lib.nocr_region_role(r)).decode(),
                              box=(b.x, b.y, b.w, b.h), text="\n".join(lines),
                              order=lib.nocr_region_order(r),
                              article=lib.nocr_region_article(r),
                              direction="vertical" if lib.nocr_region_direction(r)
                              else "horizontal",
                              confidence=float(lib.nocr_region_confidence(r))))
        return out

    @property
    def text(self) -> str:
        """The page as text in reading order (the txt output)."""
        out = ctypes.c_void_p()
        _check(_lib().nocr_export_txt(ctypes.byref(out), self._h))
        return _take_string(out)

    def _export(self, fn_name: str) -> str:
        out = ctypes.c_void_p()
        _check(getattr(_lib(), fn_name)(ctypes.byref(out), self._h, None))
        return _take_string(out)

    def to_json(self) -> str:
        return self._export("nocr_export_json")

    def to_hocr(self) -> str:
        return self._export("nocr_export_hocr")

    def to_alto(self) -> str:
        return self._export("nocr_export_alto")

    def to_page_xml(self) -> str:
        return self._export("nocr_export_pagexml")


ImageInput = Union[str, os.PathLike, bytes, bytearray, memoryview, "PIL.Image.Image"]


class Engine:
    """A recognition engine: loads its models once and reads any number of pages.

    lang: Tesseract languages ("chi_sim", "chi_tra", "eng", "chi_sim+eng", ...);
    tessdata: model directory (default: $NEWSOCR_TESSDATA, $TESSDATA_PREFIX, the system's);
    config: newsocr's Tesseract settings file (default: the installed one)."""

    def __init__(self, lang: str = "chi_sim", tessdata: Optional[str] = None,
                 config: Optional[str] = None, max_pixels: int = 0):
        lib = _lib()
        self._lock = threading.Lock()
        self._h = ctypes.c_void_p()
        self._max_pixels = max_pixels
        opts = _EngineOptions(lang.encode(), tessdata.encode() if tessdata else None,
                              config.encode() if config else None)
        _check(lib.nocr_engine_new(ctypes.byref(self._h), ctypes.byref(opts)))

    def close(self) -> None:
        """Frees the engine now (also done when it is garbage-collected)."""
        if getattr(self, "_h", None) and self._h.value and _LIB is not None:
            _LIB.nocr_engine_free(self._h)
            self._h = ctypes.c_void_p()

    __del__ = close

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def lang(self) -> str:
        return _lib().nocr_engine_lang(self._h).decode()

    @property
    def config(self) -> str:
        """The newsocr Tesseract settings file in use ("" when none)."""
        return _lib().nocr_engine_config(self._h).decode()

    def read(self, image: ImageInput, page: int = 0, name: Optional[str] = None) -> Page:
        """Reads one page: a file path (page: the page of a multi-page TIFF), the bytes of
        an image file, or a PIL image. Raises newsocr.Error on bad input or failure."""
        lib = _lib()
        if not self._h.value:
            raise ValueError("newsocr: the engine is closed")
        opts = _LoadOptions(self._max_pixels)
        img = ctypes.c_void_p()
        if isinstance(image, (str, os.PathLike)):
            source = os.fspath(image)
            rc = lib.nocr_image_load(ctypes.byref(img), source.encode(), page,
                                     ctypes.byref(opts))
        else:
            data, source = _encoded(image, name)
            rc = lib.nocr_image_load_mem(ctypes.byref(img), data, len(data), source.encode(),
                                         page, ctypes.byref(opts))
        _check(rc)
        out = ctypes.c_void_p()
        try:
            with self._lock:
                rc = lib.nocr_process(ctypes.byref(out), self._h, img, None, None)
            _check(rc)
        finally:
            lib.nocr_image_free(img)
        return Page(out.value, source)


def _encoded(image, name: Optional[str]) -> Tuple[bytes, str]:
    """The bytes of an image file, from bytes or a PIL image (saved as PNG, resolution
    kept)."""
    if isinstance(image, (bytes, bytearray, memoryview)):
        return bytes(image), name or "<bytes>"
    if hasattr(image, "save") and hasattr(image, "mode"):
        buf = io.BytesIO()
        dpi = image.info.get("dpi")
        img = image if image.mode in ("1", "L", "RGB", "RGBA", "P") else image.convert("RGB")
        img.save(buf, format="PNG", **({"dpi": dpi} if dpi else {}))
        return buf.getvalue(), name or getattr(image, "filename", "") or "<PIL image>"
    raise TypeError("newsocr: read() takes a path, bytes or a PIL image, not %s"
                    % type(image).__name__)
