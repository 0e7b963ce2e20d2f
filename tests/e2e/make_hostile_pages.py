#!/usr/bin/env python3
"""Builds small hostile pages for the OCR end-to-end tests, with python3's standard library
and pdftoppm only (no PIL, no ImageMagick), so that a clone of the repository can run them.

  make_hostile_pages.py rotated OUT.pdf ANGLE   a held letter scanned ANGLE degrees askew
  make_hostile_pages.py mirrored OUT.pdf        a held letter scanned mirrored (left to right)
  make_hostile_pages.py coarse OUT.pdf DPI      a held letter scanned at DPI (e.g. 40)
  make_hostile_pages.py noise OUT.pdf           a scan of ink that carries no words
  make_hostile_pages.py blank OUT.pdf           a scan of an empty sheet
  make_hostile_pages.py faint OUT.pdf           a scan of the ID letter in faint print (93%
                                                white, 9 points): ink, but only just
  make_hostile_pages.py pasted-id OUT.pdf       a text-layer letter with a CPR number only in
                                                a pasted picture (an ID card in a letter)
  make_hostile_pages.py wide-pasted-id OUT.pdf  the same with the picture's pixels repeated
                                                80 times across (wider than cairo can copy)
  make_hostile_pages.py ids                     the letters' national IDs, tab-separated

A "scan" is the page drawn as vector text, rendered by pdftoppm in gray and put back into a
PDF as its only content, an image: no text layer. All people and numbers are invented; the
national ID numbers are computed here with valid check digits.
"""
import math
import os
import random
import subprocess
import sys
import tempfile
import zlib

# A small page (5.5 x 3.5 inches): one page of OCR costs about a second.
PAGE_W, PAGE_H = 396, 252
SCAN_DPI = 200


def fodselsnummer(ddmmyy, individual):
    """A Norwegian national ID with valid check digits, or None."""
    d = [int(c) for c in ddmmyy + "%03d" % individual]
    for weights in ([3, 7, 6, 1, 8, 9, 4, 5, 2], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]):
        k = 11 - sum(w * x for w, x in zip(weights, d)) % 11
        k = 0 if k == 11 else k
        if k == 10:
            return None
        d.append(k)
    s = "".join(map(str, d))
    return s[:6] + " " + s[6:]


def cpr(ddmmyy, start):
    """A Danish CPR number that passes the old mod-11 check."""
    weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
    for serial in range(start, 10000):
        d = ddmmyy + "%04d" % serial
        if sum(w * int(c) for w, c in zip(weights, d)) % 11 == 0:
            return d[:6] + "-" + d[6:]
    raise ValueError(ddmmyy)


def first_fodselsnummer(ddmmyy, start):
    for individual in range(start, 1000):
        n = fodselsnummer(ddmmyy, individual)
        if n:
            return n
    raise ValueError(ddmmyy)


# Born 12 March 2011 (individual numbers 500-999 are for 2000-2039).
HELD_ID = first_fodselsnummer("120311", 512)
# Born 7 May 1984; a seventh digit 0-3 means the 1900s.
PASTED_CPR = cpr("070584", 1201)

HELD_LETTER = [
    "Nordby kommune - Oppvekst",
    "Vedtak om spesialundervisning",
    "Eleven Ola Nordmann i klasse 6A har",
    "fødselsnummer %s." % HELD_ID,
    "Skolen gir eleven to timer i uka",
    "med spesialpedagog fra august.",
]


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_stream(lines, x, y_top, size=14, leading=20):
    out = ["BT /F1 %d Tf %d TL %g %g Td" % (size, leading, x, y_top)]
    for line in lines:
        out.append("(%s) Tj T*" % escape(line))
    out.append("ET")
    return "\n".join(out)


def write_pdf(path, width, height, content, image=None):
    """One page; `image` = (pixels, w, h, colour space, filter) is drawn as /Im1."""
    objects = []

    def obj(body):
        objects.append(body)
        return len(objects)

    catalog = obj(None)
    pages = obj(None)
    font = obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    resources = "<< /Font << /F1 %d 0 R >>" % font
    if image is not None:
        pixels, w, h, space, filt = image
        im = obj(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s "
                 b"/BitsPerComponent 8 /Filter /%s /Length %d >>\nstream\n" %
                 (w, h, space.encode(), filt.encode(), len(pixels)) + pixels + b"\nendstream")
        resources += " /XObject << /Im1 %d 0 R >>" % im
    resources += " >>"
    data = content.encode("latin-1")
    stream = obj(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
    page = obj(("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g] /Resources %s "
                "/Contents %d 0 R >>" % (pages, width, height, resources, stream)).encode())
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objects[pages - 1] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page
    pdf = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        pdf += b"%010d 00000 n \n" % o
    pdf += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, xref)
    with open(path, "wb") as f:
        f.write(pdf)


def render_gray(pdf_path, dpi):
    """The page as 8-bit gray pixels: (bytes, width, height)."""
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "page")
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-singlefile", pdf_path, base],
                       check=True)
        data = open(base + ".pgm", "rb").read()
    fields, pos = [], 0
    while len(fields) < 4:  # P5 width height maxval, whitespace separated
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    assert fields[0] == b"P5" and fields[3] == b"255", fields
    w, h = int(fields[1]), int(fields[2])
    pos += 1
    return bytearray(data[pos:pos + w * h]), w, h


def add_noise(pixels, seed, amount=0.002):
    """Scanner specks, deterministic."""
    rng = random.Random(seed)
    for _ in range(int(len(pixels) * amount)):
        i = rng.randrange(len(pixels))
        pixels[i] = rng.choice((90, 160, 255))


def scan_pdf(path, content, dpi=SCAN_DPI, seed=1):
    """Draws `content` on a page, renders it at dpi and saves the picture as an image PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        vector = os.path.join(tmp, "vector.pdf")
        write_pdf(vector, PAGE_W, PAGE_H, content)
        pixels, w, h = render_gray(vector, dpi)
    add_noise(pixels, seed)
    draw = "q %g 0 0 %g 0 0 cm /Im1 Do Q" % (PAGE_W, PAGE_H)
    write_pdf(path, PAGE_W, PAGE_H, draw,
              image=(zlib.compress(bytes(pixels)), w, h, "DeviceGray", "FlateDecode"))


def held_letter(matrix="1 0 0 1 0 0", size=14):
    text = text_stream(HELD_LETTER, 36, PAGE_H - 50, size=size, leading=size * 10 // 7)
    return "q %s cm\n%s\nQ" % (matrix, text)


def rotated(path, angle):
    """The letter turned `angle` degrees about the page's centre, as a crooked feed does."""
    a = math.radians(angle)
    c, s = math.cos(a), math.sin(a)
    cx, cy = PAGE_W / 2, PAGE_H / 2
    # translate(centre) . rotate . translate(-centre), in PDF's row-vector order
    tx = cx - c * cx + s * cy
    ty = cy - s * cx - c * cy
    scan_pdf(path, held_letter("%.6f %.6f %.6f %.6f %.3f %.3f" % (c, s, -s, c, tx, ty)))


def mirrored(path):
    scan_pdf(path, held_letter("-1 0 0 1 %g 0" % PAGE_W))


# Held for its national ID alone: no name to fall back on when the number is misread.
ID_LETTER = [
    "Nordby kommune - Skoleskyss",
    "Vedtak om skoleskyss",
    "Søkerens fødselsnummer: %s" % HELD_ID,
    "Skyss innvilges fra august.",
]


def coarse(path, dpi):
    """Letter-sized type (10 points) scanned far too coarsely: a line is 5 pixels at 40 dpi."""
    text = text_stream(ID_LETTER, 36, PAGE_H - 50, size=10, leading=14)
    scan_pdf(path, text, dpi=dpi)


def noise(path):
    """Ink without words: strokes and blots, as a smudged or photographed page has."""
    rng = random.Random(7)
    parts = ["0.2 g"]
    for _ in range(60):
        x, y = rng.uniform(20, PAGE_W - 40), rng.uniform(20, PAGE_H - 40)
        parts.append("%g %g %g %g re f" % (x, y, rng.uniform(2, 30), rng.uniform(2, 12)))
    scan_pdf(path, "\n".join(parts))


def blank(path):
    scan_pdf(path, "", seed=3)


def faint(path):
    """Print so pale (0.93 grey) and small that its pixels average lighter than the ink test's
    level over a few pixels, though a reader sees it."""
    text = text_stream(ID_LETTER, 36, PAGE_H - 50, size=9, leading=12)
    scan_pdf(path, "0.93 g\n" + text, seed=5)


def pasted_id(path, stretch=1):
    """A letter with a good text layer and, pasted into it, a picture of an ID card whose
    only text is a CPR number: the number is nowhere in the text layer. With `stretch`,
    every pixel of the picture is repeated that many times across; it looks the same."""
    card_w, card_h = 200, 60  # points, where the card is placed on the letter
    with tempfile.TemporaryDirectory() as tmp:
        card = os.path.join(tmp, "card.pdf")
        write_pdf(card, card_w, card_h,
                  "0.85 g 0 0 %d %d re f 0 g\n%s" % (card_w, card_h,
                                                     text_stream(["CPR-nr.: " + PASTED_CPR],
                                                                 12, 26, size=13)))
        pixels, w, h = render_gray(card, 150)
    if stretch > 1:
        pixels = bytes(p for p in pixels for _ in range(stretch))
        w *= stretch
    letter = [
        "Odense Kommune",
        "Borgerservice",
        "Kvittering for modtaget ansøgning",
        "Vi har modtaget din ansøgning om nyt sundhedskort.",
        "Kopi af dit legitimationskort er vedlagt nedenfor.",
        "Sagen behandles inden for fire uger.",
        "Med venlig hilsen, Borgerservice",
    ]
    content = text_stream(letter, 36, PAGE_H - 40, size=11, leading=15)
    content += "\nq %d 0 0 %d 36 20 cm /Im1 Do Q" % (card_w, card_h)
    write_pdf(path, PAGE_W, PAGE_H, content,
              image=(zlib.compress(bytes(pixels)), w, h, "DeviceGray", "FlateDecode"))


def main(argv):
    kind = argv[1]
    if kind == "ids":
        print(HELD_ID + "\t" + PASTED_CPR)
        return
    out = argv[2]
    if kind == "rotated":
        rotated(out, float(argv[3]))
    elif kind == "mirrored":
        mirrored(out)
    elif kind == "coarse":
        coarse(out, int(argv[3]))
    elif kind == "noise":
        noise(out)
    elif kind == "blank":
        blank(out)
    elif kind == "faint":
        faint(out)
    elif kind == "pasted-id":
        pasted_id(out)
    elif kind == "wide-pasted-id":
        pasted_id(out, stretch=80)
    else:
        sys.exit("unknown kind " + kind)


if __name__ == "__main__":
    main(sys.argv)
