#!/usr/bin/python3
"""Remakes the extraction test fixtures in tests/data/extract/.

Needs Debian's python3-reportlab and python3-pil, the DejaVu fonts and qpdf:
  apt-get install python3-reportlab python3-pil fonts-dejavu-core qpdf
Run: /usr/bin/python3 scripts/make-extract-fixtures.py

All people are invented; the national ID numbers are built here with valid check digits.
"""
import io
import os
import subprocess
import sys

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "data", "extract")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def fodselsnummer(ddmmyy, individual):
    """A Norwegian national ID with valid check digits (mod 11)."""
    d = [int(c) for c in ddmmyy + "%03d" % individual]
    k1 = 11 - sum(w * x for w, x in zip([3, 7, 6, 1, 8, 9, 4, 5, 2], d)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        raise ValueError("no valid k1")
    d.append(k1)
    k2 = 11 - sum(w * x for w, x in zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], d)) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        raise ValueError("no valid k2")
    d.append(k2)
    s = "".join(map(str, d))
    return s[:6] + " " + s[6:]


def first_valid(ddmmyy, start):
    for individual in range(start, 1000):
        try:
            return fodselsnummer(ddmmyy, individual)
        except ValueError:
            pass
    raise ValueError(ddmmyy)


# Born 4 July 2012 (individual numbers 500-999 are for 2000-2039).
ID_OLA = first_valid("040712", 512)
# Born 23 January 2011.
ID_SCAN = first_valid("230111", 634)


def path(name):
    return os.path.join(OUT, name)


def text_pdf():
    """Two pages of a letter: blocks, a cell far to the right, a rotated second page."""
    c = canvas.Canvas(path("letter.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 790, "Nordby kommune")
    c.setFont("Helvetica", 10)
    c.drawString(430, 790, "Dato: 14.03.2024")
    c.drawString(72, 775, "Oppvekst og utdanning")
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "Kari Nordmann")
    c.drawString(72, 686, "Storgata 12")
    c.drawString(72, 672, "1234 Nordby")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, 620, "Vedtak om spesialundervisning")
    c.setFont("Helvetica", 11)
    c.drawString(72, 590, "Eleven Ola Nordmann, f\u00f8dselsnummer %s, g\u00e5r i 6. trinn." % ID_OLA)
    c.drawString(72, 576, "Vedtaket gjelder skole\u00e5ret 2024/2025.")
    c.drawString(72, 500, "Elev")
    c.drawString(400, 500, "Ola Nordmann")
    c.showPage()
    c.setPageRotation(90)
    c.setFont("Helvetica", 12)
    c.drawString(72, 500, "Side to er rotert i visningen")
    c.showPage()
    c.save()


def metadata_pdf():
    """Info fields, a note annotation, two form fields and an attached file."""
    plain = path("metadata-plain.pdf")
    c = canvas.Canvas(plain, pagesize=A4, invariant=1)
    c.setTitle("Vedtak for Ola Nordmann")
    c.setAuthor("Per Hansen")
    c.setSubject("Spesialundervisning")
    c.setKeywords("elevsak")
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "Brevet har en merknad, et skjema og et vedlegg.")
    c.textAnnotation("Ring foresatte Kari Nordmann", Rect=(400, 700, 420, 720))
    c.acroForm.textfield(name="elevnavn", value="Ola Nordmann", x=72, y=600, width=200,
                         height=20)
    c.acroForm.choice(name="klasse", value="6A", options=["5A", "6A", "7A"], x=72, y=550,
                      width=80, height=20)
    c.showPage()
    c.save()
    note = path("elevnotat-ola.txt")
    with open(note, "w") as f:
        f.write("Notat\n")
    subprocess.run(["qpdf", "--deterministic-id", plain, "--add-attachment", note, "--description=Notat om Ola",
                    "--", path("metadata.pdf")], check=True)
    os.remove(plain)
    os.remove(note)


def encrypted_pdfs():
    subprocess.run(["qpdf", "--encrypt", "brukerpassord", "eierpassord", "256", "--",
                    path("letter.pdf"), path("encrypted.pdf")], check=True)
    # Opens without a password; only editing needs the owner password.
    subprocess.run(["qpdf", "--encrypt", "", "eierpassord", "256", "--", path("letter.pdf"),
                    path("owner-password.pdf")], check=True)


def truncated_pdf():
    with open(path("letter.pdf"), "rb") as f:
        data = f.read()
    with open(path("truncated.pdf"), "wb") as f:
        f.write(data[: len(data) * 2 // 3])


def text_image(lines, width, height, size=40):
    """A clean black-on-white 1-bit scan of a few lines of large text."""
    im = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, size)
    y = size
    for line in lines:
        draw.text((size, y), line, font=font, fill=0)
        y += int(size * 1.6)
    return im.point(lambda v: 0 if v < 128 else 255, "1")


def scan_pdf():
    """A page scanned at 200 dpi to which a records system added a small text stamp."""
    im = text_image(["Elev: Ola Nordmann", "F\u00f8dselsnummer: " + ID_SCAN, "Klasse 6A"],
                    1100, 500)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    buf.seek(0)
    width, height = 1100 * 72 / 200, 500 * 72 / 200
    c = canvas.Canvas(path("scan.pdf"), pagesize=(width, height), invariant=1)
    c.drawImage(ImageReader(buf), 0, 0, width=width, height=height)
    c.setFont("Helvetica", 6)
    c.drawString(250, 6, "Journalpost 2024/77")
    c.showPage()
    c.save()


def png_image():
    """A note fed into the scanner sideways: OCR must turn it upright itself."""
    im = text_image(["Kari Nordmann", "Storgata 12", "1234 Nordby",
                     "Melding til skolen om fravær", "for eleven i neste uke."], 1300, 520)
    im.rotate(90, expand=True).save(path("note.png"), dpi=(200, 200))


def tiff_image():
    first = text_image(["Side en"], 600, 200)
    second = text_image(["Foresatt Per Hansen"], 800, 200)
    first.save(path("two-pages.tif"), save_all=True, append_images=[second],
               compression="group4", dpi=(200, 200))


def small_images():
    """Images for the resolution and colour handling (never OCR'd in tests)."""
    im = Image.new("L", (600, 300), 255)
    ImageDraw.Draw(im).rectangle((100, 100, 500, 140), fill=0)
    im.save(path("photo-300dpi.jpg"), dpi=(300, 300), quality=60)
    im.resize((400, 200)).save(path("no-dpi.jpg"), quality=60)  # JFIF aspect ratio only
    rgba = Image.new("RGBA", (200, 100), (0, 0, 0, 0))  # transparent black
    ImageDraw.Draw(rgba).rectangle((10, 10, 49, 49), fill=(0, 0, 0, 255))
    rgba.save(path("transparent.png"), dpi=(200, 200))
    fax = Image.new("1", (400, 200), 1)
    ImageDraw.Draw(fax).rectangle((50, 50, 350, 70), fill=0)
    fax.save(path("fax-100dpi.tif"), compression="group4", dpi=(100, 100))


def scan_background():
    """A coarse stand-in for a scanned page: grey bars where text lines would be."""
    im = Image.new("L", (298, 421), 255)
    draw = ImageDraw.Draw(im)
    for y in range(40, 380, 14):
        draw.rectangle((30, y, 260, y + 5), fill=60)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    buf.seek(0)
    return ImageReader(buf)


def stamped_scan_pdf():
    """A scan with a records system's stamp in its text layer: must still be OCR'd."""
    c = canvas.Canvas(path("stamped-scan.pdf"), pagesize=A4, invariant=1)
    c.drawImage(scan_background(), 0, 0, width=A4[0], height=A4[1])
    c.setFont("Helvetica", 8)
    c.drawString(400, 820, "Mottatt 14.03.2024 Saksnr 2024/1234-5 Dok 7")
    c.showPage()
    c.save()


def ocr_layer_pdf():
    """A scan with a full invisible text layer (as ocrmypdf writes it): read as text."""
    c = canvas.Canvas(path("ocr-layer.pdf"), pagesize=A4, invariant=1)
    c.drawImage(scan_background(), 0, 0, width=A4[0], height=A4[1])
    text = c.beginText()
    text.setTextRenderMode(3)
    text.setFont("Helvetica", 11)
    y = 800
    while y > 60:
        text.setTextOrigin(60, y)
        text.textOut("Dette er en linje med skannet tekst som gjenkjenningen har lagt inn.")
        y -= 14
    c.drawText(text)
    c.showPage()
    c.save()


def picture_pdf():
    """A page of running text with a large picture in it."""
    c = canvas.Canvas(path("picture.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    for i, y in enumerate(range(800, 560, -14)):
        c.drawString(72, y, "Linje %d av brevet med vanlig tekst og noen ord til." % i)
    c.drawImage(scan_background(), 72, 72, width=400, height=420)
    c.showPage()
    c.save()


def short_text_pdf():
    """A page whose text layer has only a few characters."""
    c = canvas.Canvas(path("short-text.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "Side 2")
    c.showPage()
    c.save()


def main():
    os.makedirs(OUT, exist_ok=True)
    text_pdf()
    metadata_pdf()
    encrypted_pdfs()
    truncated_pdf()
    scan_pdf()
    png_image()
    tiff_image()
    stamped_scan_pdf()
    ocr_layer_pdf()
    picture_pdf()
    short_text_pdf()
    small_images()
    with open(path("ids.txt"), "w") as f:
        f.write("letter.pdf %s\nscan.pdf %s\n" % (ID_OLA, ID_SCAN))
    print("ids:", ID_OLA, ID_SCAN, file=sys.stderr)


if __name__ == "__main__":
    main()
