#!/usr/bin/python3
"""Writes PDFs whose text layer cannot be trusted, by hand, for untrusted_pages_test.sh.

  python3 tests/e2e/untrusted_pdfs.py OUTDIR

Standard library only. Every person and number is invented; the national ID is built here
with valid check digits (mod 11, as src/detect/ids/national_id_validator.cc checks them).

  type3-gibberish.pdf   the letter is drawn by a Type3 font whose codes were given in the
                        order the glyphs were first used and that has no ToUnicode map: the
                        page shows a name and a fødselsnummer, the text layer «!"#$ %&'(»
  type3-unmapped.pdf    a header in Helvetica, the rest drawn by a Type3 font whose
                        ToUnicode map gives every glyph a space: the text layer is a header
  missing-font.pdf      the body uses a font the page's resources do not have
  unknown-filter.pdf    the body is a second content stream with the filter /Foo
  undecodable.pdf       the body is a second content stream that says Flate but is not
  broken-lzw.pdf        the body is a second content stream whose LZW data is cut short
  cjk-noembed.pdf       the body uses a non-embedded Japanese font (90ms-RKSJ-H)
  broken-picture.pdf    the letter in Helvetica with a picture, big enough to carry text,
                        whose Flate data does not decode (only drawing it shows that)
  plain-letter.pdf      the same letter in Helvetica: read from its text layer, held
"""
import os
import sys
import zlib


def fodselsnummer(ddmmyy, individual):
    """A Norwegian national ID with valid check digits, or None."""
    d = [int(c) for c in ddmmyy + "%03d" % individual]
    k1 = 11 - sum(w * x for w, x in zip([3, 7, 6, 1, 8, 9, 4, 5, 2], d)) % 11
    k1 = 0 if k1 == 11 else k1
    if k1 == 10:
        return None
    d.append(k1)
    k2 = 11 - sum(w * x for w, x in zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], d)) % 11
    k2 = 0 if k2 == 11 else k2
    if k2 == 10:
        return None
    d.append(k2)
    return "".join(map(str, d))


# Born 21 March 2011 (individual numbers 500-999 are for 2000-2039).
ID = next(n for n in (fodselsnummer("210311", i) for i in range(523, 1000)) if n)
ID_SPACED = ID[:6] + " " + ID[6:]

HEADER = "Bergen kommune - Skoleskyss"
BODY = [
    "Vedtak om skoleskyss",
    "Elev: Kari Nordmann",
    "Fødselsnummer: " + ID_SPACED,
    "Eleven har rett til gratis skoleskyss fra 1. august.",
]

# Helvetica's advance widths (AFM, per 1000) for the characters the letters use.
HELVETICA_WIDTHS = {
    " ": 278, ".": 278, ",": 278, ":": 278, "-": 333,
    **{d: 556 for d in "0123456789"},
    "A": 667, "B": 667, "E": 667, "F": 611, "K": 667, "N": 722, "S": 667, "V": 667,
    "a": 556, "b": 556, "d": 556, "e": 556, "f": 278, "g": 556, "h": 556, "i": 222,
    "k": 500, "l": 222, "m": 833, "n": 556, "o": 556, "r": 333, "s": 500, "t": 278,
    "u": 556, "v": 500, "y": 500, "ø": 611,
}


class Pdf:
    """Objects numbered from 1 in the order they are added; write() adds the xref."""

    def __init__(self):
        self.objects = []

    def add(self, body):
        self.objects.append(body if isinstance(body, bytes) else body.encode("latin-1"))
        return len(self.objects)

    def reserve(self):
        self.objects.append(None)
        return len(self.objects)

    def set(self, number, body):
        self.objects[number - 1] = body if isinstance(body, bytes) else body.encode("latin-1")

    def stream(self, data, extra=""):
        if isinstance(data, str):
            data = data.encode("latin-1")
        return self.add(b"<< /Length %d %s >>\nstream\n" % (len(data), extra.encode()) +
                        data + b"\nendstream")

    def write(self, path, root):
        out = bytearray(b"%PDF-1.5\n%\xe5\xe6\xe7\xe8\n")
        offsets = []
        for i, body in enumerate(self.objects, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(offsets) + 1, root, xref)
        with open(path, "wb") as f:
            f.write(out)


def pdf_string(text):
    """A literal string in WinAnsi (Latin-1 for these letters)."""
    raw = text.encode("cp1252")
    return "(" + "".join(chr(b) if b >= 0x20 and chr(b) not in "()\\" else "\\%03o" % b
                         for b in raw) + ")"


def helvetica(pdf):
    return pdf.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   "/Encoding /WinAnsiEncoding >>")


def lines(font, texts, top=760, size=12, leading=22):
    ops = []
    for k, text in enumerate(texts):
        ops.append("BT /%s %d Tf 72 %d Td %s Tj ET" % (font, size, top - k * leading,
                                                     pdf_string(text)))
    return "\n".join(ops)


def page(pdf, pages_obj, fonts, contents, images=None):
    """A page with the fonts {name: object}, the image XObjects {name: object} and one or
    more content streams."""
    font_dict = " ".join("/%s %d 0 R" % (name, obj) for name, obj in fonts.items())
    xobjects = ""
    if images:
        xobjects = " /XObject << %s >>" % " ".join(
            "/%s %d 0 R" % (name, obj) for name, obj in images.items())
    if isinstance(contents, list):
        contents_ref = "[" + " ".join("%d 0 R" % c for c in contents) + "]"
    else:
        contents_ref = "%d 0 R" % contents
    return pdf.add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                   "/Resources << /Font << %s >>%s >> /Contents %s >>"
                   % (pages_obj, font_dict, xobjects, contents_ref))


def single_page_pdf(path, build):
    """build(pdf, pages_obj) -> page object; writes a one-page PDF."""
    pdf = Pdf()
    catalog = pdf.reserve()
    pages = pdf.reserve()
    kid = build(pdf, pages)
    pdf.set(catalog, "<< /Type /Catalog /Pages %d 0 R >>" % pages)
    pdf.set(pages, "<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % kid)
    pdf.write(path, catalog)


def type3_font(pdf, glyphs, to_unicode=None):
    """A Type3 font with one glyph per character in `glyphs` (code -> character), each
    drawn by Helvetica inside its glyph procedure, so the page shows the character while
    the text layer shows what the font's codes and ToUnicode map say."""
    inner = helvetica(pdf)
    procs = []
    for code, char in sorted(glyphs.items()):
        width = HELVETICA_WIDTHS[char]
        proc = pdf.stream("%d 0 d0 BT /H 1000 Tf 0 0 Td %s Tj ET" % (width, pdf_string(char)))
        procs.append((code, width, proc))
    first, last = procs[0][0], procs[-1][0]
    widths = [0] * (last - first + 1)
    for code, width, _ in procs:
        widths[code - first] = width
    differences = " ".join("%d /g%d" % (code, code) for code, _, _ in procs)
    char_procs = " ".join("/g%d %d 0 R" % (code, proc) for code, _, proc in procs)
    extra = ""
    if to_unicode is not None:
        extra = " /ToUnicode %d 0 R" % pdf.stream(to_unicode)
    return pdf.add(
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 -250 1100 950] "
        "/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << %s >> "
        "/Encoding << /Type /Encoding /Differences [%s] >> /FirstChar %d /LastChar %d "
        "/Widths [%s] /Resources << /Font << /H %d 0 R >> >>%s >>"
        % (char_procs, differences, first, last, " ".join(map(str, widths)), inner, extra))


def first_use_codes(texts, start=33):
    """Codes given to characters in the order they are first used, as a font subsetter
    that keeps no encoding does."""
    codes = {}
    for text in texts:
        for char in text:
            if char not in codes:
                codes[char] = start + len(codes)
    return codes


def type3_show(texts, codes, top=760, size=12, leading=22):
    ops = []
    for k, text in enumerate(texts):
        hexcodes = "".join("%02x" % codes[c] for c in text)
        ops.append("BT /T3 %d Tf 72 %d Td <%s> Tj ET" % (size, top - k * leading, hexcodes))
    return "\n".join(ops)


def space_cmap(codes):
    entries = "\n".join("<%02x> <0020>" % code for code in sorted(codes.values()))
    return ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CMapName /Spaces def /CMapType 2 def\n"
            "1 begincodespacerange <00> <ff> endcodespacerange\n"
            "%d beginbfchar\n%s\nendbfchar\nendcmap CMapName currentdict /CMap defineresource "
            "pop end end" % (len(codes), entries))


def type3_gibberish(pdf, pages):
    texts = [HEADER] + BODY
    codes = first_use_codes(texts)
    font = type3_font(pdf, {code: char for char, code in codes.items()})
    return page(pdf, pages, {"T3": font}, pdf.stream(type3_show(texts, codes)))


def type3_unmapped(pdf, pages):
    codes = first_use_codes(BODY)
    font = type3_font(pdf, {code: char for char, code in codes.items()}, space_cmap(codes))
    content = lines("F1", [HEADER], top=800) + "\n" + type3_show(BODY, codes)
    return page(pdf, pages, {"F1": helvetica(pdf), "T3": font}, pdf.stream(content))


def header_then(body_stream):
    """A page whose header is readable and whose body is the stream body_stream(pdf)."""
    def build(pdf, pages):
        header = pdf.stream(lines("F1", [HEADER], top=800))
        return page(pdf, pages, {"F1": helvetica(pdf)}, [header, body_stream(pdf)])
    return build


def body_text(font="F1"):
    return lines(font, BODY).encode("latin-1")


def missing_font(pdf, pages):
    header = pdf.stream(lines("F1", [HEADER], top=800))
    body = pdf.stream(body_text("F9"))
    return page(pdf, pages, {"F1": helvetica(pdf)}, [header, body])


def lzw_cut_short(data):
    """LZW with 9-bit codes of single bytes (a valid start: no table entries used), cut off
    in the middle of a code and without an end-of-data code."""
    bits = "".join(format(b, "09b") for b in data)
    bits = bits[: len(bits) // 2 + 3]
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


def cjk_noembed(pdf, pages):
    descendant = pdf.add(
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MS-Mincho "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> "
        "/FontDescriptor << /Type /FontDescriptor /FontName /MS-Mincho /Flags 6 "
        "/FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 "
        "/CapHeight 700 /StemV 80 >> /DW 1000 >>")
    font = pdf.add("<< /Type /Font /Subtype /Type0 /BaseFont /MS-Mincho "
                   "/Encoding /90ms-RKSJ-H /DescendantFonts [%d 0 R] >>" % descendant)
    # «Kari Nordmann» in full-width Shift-JIS letters, then the ID in full-width digits.
    def sjis_fullwidth(text):
        out = bytearray()
        for c in text:
            if c == " ":
                out += b"\x81\x40"
            elif c.isdigit():
                out += bytes([0x82, 0x4F + int(c)])
            elif "A" <= c <= "Z":
                out += bytes([0x82, 0x60 + ord(c) - ord("A")])
            else:
                out += bytes([0x82, 0x81 + ord(c) - ord("a")])
        return "<" + out.hex() + ">"
    body = "\n".join("BT /J1 14 Tf 72 %d Td %s Tj ET" % (700 - 30 * k, sjis_fullwidth(t))
                     for k, t in enumerate(["Kari Nordmann", ID_SPACED]))
    header = pdf.stream(lines("F1", [HEADER], top=800))
    return page(pdf, pages, {"F1": helvetica(pdf), "J1": font}, [header, pdf.stream(body)])


def broken_picture(pdf, pages):
    """A picture 300 x 45 points (a pasted card) whose data starts as Flate and then is not:
    reading the text layer never decodes it, drawing the page does."""
    width, height = 400, 60
    data = zlib.compress(bytes([255]) * (width * height))[:2] + bytes(range(7, 250, 3)) * 4
    image = pdf.add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                    b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                    b"/Length %d >>\nstream\n" % (width, height, len(data)) + data +
                    b"\nendstream")
    content = (lines("F1", [HEADER], top=800) + "\n" + lines("F1", BODY) +
               "\nq 300 0 0 45 72 500 cm /Im1 Do Q")
    return page(pdf, pages, {"F1": helvetica(pdf)}, pdf.stream(content), {"Im1": image})


def plain_letter(pdf, pages):
    content = lines("F1", [HEADER], top=800) + "\n" + lines("F1", BODY)
    return page(pdf, pages, {"F1": helvetica(pdf)}, pdf.stream(content))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    files = {
        "type3-gibberish.pdf": type3_gibberish,
        "type3-unmapped.pdf": type3_unmapped,
        "missing-font.pdf": missing_font,
        "unknown-filter.pdf": header_then(lambda pdf: pdf.stream(body_text(), "/Filter /Foo")),
        "undecodable.pdf": header_then(
            lambda pdf: pdf.stream(b"\x78\x9c" + bytes(range(7, 250, 3)), "/Filter /FlateDecode")),
        "broken-lzw.pdf": header_then(
            lambda pdf: pdf.stream(lzw_cut_short(body_text()), "/Filter /LZWDecode")),
        "cjk-noembed.pdf": cjk_noembed,
        "broken-picture.pdf": broken_picture,
        "plain-letter.pdf": plain_letter,
    }
    for name, build in files.items():
        single_page_pdf(os.path.join(out, name), build)
    with open(os.path.join(out, "id.txt"), "w") as f:
        f.write(ID + "\n")


if __name__ == "__main__":
    main()
