"""Tests of the Python binding (pipeline/python/newsocr) over the built libnewsocr.so.

Run by ctest with NEWSOCR_LIBRARY (the library), NEWSOCR_FIXTURES (make_fixtures' images),
NEWSOCR_SOURCE_DIR (the repository) and NEWSOCR_PHRASE (text printed on the fixture page).
"""

import json
import os
import re
import subprocess
import sys
import threading
import unittest
import xml.etree.ElementTree as ET

import newsocr

FIXTURES = os.environ["NEWSOCR_FIXTURES"]
SOURCE = os.environ["NEWSOCR_SOURCE_DIR"]
PHRASE = os.environ["NEWSOCR_PHRASE"]
GOOD = os.path.join(FIXTURES, "good.png")


class BindingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.engine = newsocr.Engine(lang="chi_sim")
        cls.page = cls.engine.read(GOOD)

    def test_version_and_formats(self):
        self.assertRegex(newsocr.version(), r"^\d+\.\d+\.\d+$")
        self.assertIn("alto", newsocr.formats())
        self.assertEqual(self.engine.lang, "chi_sim")

    def test_text_in_reading_order(self):
        text = self.page.text
        self.assertIn(PHRASE, text)
        self.assertNotRegex(text, r"[\u4e00-\u9fff] [\u4e00-\u9fff]")  # no CJK spaces

    def test_regions(self):
        regions = self.page.regions
        self.assertTrue(regions)
        ordered = [r for r in regions if r.order >= 0]
        self.assertEqual([r.order for r in ordered], list(range(len(ordered))))
        roles = {r.role for r in regions}
        self.assertIn("body", roles)
        for r in regions:
            x, y, w, h = r.box
            self.assertTrue(0 <= x and 0 <= y and x + w <= self.page.width
                            and y + h <= self.page.height, r)
        body = "".join(r.text for r in ordered).replace("\n", "")
        self.assertIn(PHRASE, body)

    def test_exports(self):
        alto = ET.fromstring(self.page.to_alto())
        self.assertIn("alto", alto.tag)
        pagexml = ET.fromstring(self.page.to_page_xml())
        self.assertIn("PcGts", pagexml.tag)
        doc = json.loads(self.page.to_json())
        self.assertEqual(doc["schema"], "newsocr-page")
        self.assertEqual(doc["page"]["width"], self.page.width)
        self.assertIn("ocr_page", self.page.to_hocr())

    def test_bytes_and_pil_read_the_same(self):
        with open(GOOD, "rb") as f:
            data = f.read()
        from PIL import Image
        with Image.open(GOOD) as im:
            im.load()
            from_pil = self.engine.read(im)
        from_bytes = self.engine.read(data, name="good.png")
        self.assertEqual(from_bytes.text, self.page.text)
        self.assertEqual(from_pil.text, self.page.text)
        self.assertEqual(from_bytes.source, "good.png")

    def test_errors_carry_code_and_message(self):
        with self.assertRaises(newsocr.Error) as cm:
            self.engine.read(os.path.join(FIXTURES, "no-such-page.png"))
        self.assertEqual(cm.exception.code, -2)  # NOCR_ENOENT
        self.assertIn("no-such-page.png", str(cm.exception))
        with self.assertRaises(newsocr.Error) as cm:
            self.engine.read(b"this is not an image", name="junk.bin")
        self.assertEqual(cm.exception.code, -4)  # NOCR_EFORMAT
        self.assertIn("junk.bin", str(cm.exception))
        with self.assertRaises(newsocr.Error) as cm:
            newsocr.Engine(lang="xx_nonexistent")
        self.assertEqual(cm.exception.code, -6)  # NOCR_EMODEL
        self.assertIn("xx_nonexistent", str(cm.exception))
        with self.assertRaises(TypeError):
            self.engine.read(42)

    def test_one_engine_shared_by_threads_is_serialised(self):
        texts, errors = [], []

        def work():
            try:
                texts.append(self.engine.read(GOOD).text)
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(texts, [self.page.text] * 2)


class ReadmeExampleTest(unittest.TestCase):
    def test_readme_example_runs(self):
        with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
        self.assertTrue(blocks, "README has no python example")
        code = blocks[0]
        self.assertLessEqual(len([l for l in code.splitlines() if l.strip()]), 5)
        out = subprocess.run([sys.executable, "-c", code], cwd=SOURCE, capture_output=True,
                             text=True, timeout=600, check=False)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("街角会客厅", out.stdout)


if __name__ == "__main__":
    unittest.main()
