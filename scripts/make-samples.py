#!/usr/bin/python3
"""Renders the sample letters in samples/src/*.txt into samples/letters/.

Each source starts with comment lines:
    # expected: hold|pass|exempt      what skjerm must decide (the end-to-end tests check it)
    # render: pdf|scan|png|txt         a text PDF, an image-only PDF as if scanned, a PNG, or .txt
The rest is the letter, line by line. In a line, a run of 8 or more spaces puts the rest of
the line flush right (a date or a marking in the header). Writes samples/expected.tsv.

Deterministic (reportlab invariant mode, noise seeded from the name), so re-running gives the
same files. Needs Debian's python3-reportlab, python3-pil, poppler-utils and fonts-dejavu-core:
run with /usr/bin/python3.
"""

import os
import random
import re
import subprocess
import sys
import tempfile

from PIL import Image, ImageFilter
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

rl_config.invariant = 1
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "samples", "src")
OUT = os.path.join(ROOT, "samples", "letters")
DPI = 200


def read_letter(path):
    meta, body = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"#\s*(\w+):\s*(.*)$", line)
            if m and not body:
                meta[m.group(1)] = m.group(2).strip()
            else:
                body.append(line)
    return meta, body


def draw_pdf(lines, path):
    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdfmetrics.registerFont(TTFont("DejaVuBold", BOLD))
    width, height = A4
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle("Dokument")
    c.setAuthor("Arkiv")
    y = height - 60
    for i, line in enumerate(lines):
        font = "DejaVuBold" if i == 0 else "DejaVu"
        size = 12 if i == 0 else 10.5
        c.setFont(font, size)
        parts = re.split(r" {8,}", line, maxsplit=1)
        c.drawString(60, y, parts[0])
        if len(parts) == 2:
            c.drawRightString(width - 60, y, parts[1].strip())
        y -= 16
        if y < 60:
            c.showPage()
            y = height - 60
    c.save()


def degrade(image, seed):
    rng = random.Random(seed)
    image = image.rotate(rng.uniform(-0.6, 0.6), resample=Image.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    pixels = image.load()
    w, h = image.size
    for _ in range(w * h // 400):
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = rng.choice((0, 90, 180))
    return image


def rasterize(pdf, seed):
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "page")
        subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", pdf, prefix], check=True)
        names = sorted(n for n in os.listdir(tmp) if n.endswith(".png"))
        return [degrade(Image.open(os.path.join(tmp, n)).convert("L"), f"{seed}-{n}")
                for n in names]


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = []
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".txt"):
            continue
        stem = name[:-4]
        meta, lines = read_letter(os.path.join(SRC, name))
        kind = meta.get("render", "pdf")
        if kind == "txt":
            out = os.path.join(OUT, stem + ".txt")
            with open(out, "w", encoding="utf-8") as f:
                f.write("\n".join(lines).strip() + "\n")
        else:
            with tempfile.TemporaryDirectory() as tmp:
                text_pdf = os.path.join(tmp, "text.pdf")
                draw_pdf(lines, text_pdf if kind != "pdf" else os.path.join(OUT, stem + ".pdf"))
                if kind == "scan":
                    pages = rasterize(text_pdf, stem)
                    out = os.path.join(OUT, stem + ".pdf")
                    pages[0].save(out, "PDF", resolution=DPI, save_all=True,
                                  append_images=pages[1:])
                elif kind == "png":
                    out = os.path.join(OUT, stem + ".png")
                    image = rasterize(text_pdf, stem)[0]
                    image.save(out, "PNG", dpi=(DPI, DPI), optimize=True)
                else:
                    out = os.path.join(OUT, stem + ".pdf")
        expected.append(f"{os.path.basename(out)}\t{meta['expected']}")
    with open(os.path.join(ROOT, "samples", "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\texpected decision (made by scripts/make-samples.py)\n")
        f.write("\n".join(expected) + "\n")


if __name__ == "__main__":
    sys.exit(main())
