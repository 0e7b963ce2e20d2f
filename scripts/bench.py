#!/usr/bin/env python3
"""Benchmarks skjerm against the standard tools on the same input, in the same run.

    scripts/bench.py [--skjerm build/skjerm] [--repeat 3] [DIR ...]

DIRs (default: samples/letters) are searched for text PDFs (with a text layer), scanned
PDFs (no text layer) and images. For each group it times, best of --repeat runs:

  text PDFs   skjerm scan            vs  pdftotext (the same files, one process each)
  scans       skjerm scan            vs  pdftoppm -r 200 -gray | tesseract nor+swe+dan+eng
                                         and ocrmypdf --force-ocr (when installed)
  plain text  skjerm scan on .txt    -> detection throughput in MB/s

Everything runs sequentially (--jobs 1, one process at a time) and in parallel (skjerm
--jobs N against the tools started N at a time), N = cores. Tesseract runs with
OMP_THREAD_LIMIT=1 like skjerm. Ratios > 1 mean skjerm is faster. skjerm does more than the
tools (it also detects and decides), so the ratios are its whole cost against extraction
alone. Prints a Markdown table.
"""

import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = "nor+swe+dan+eng"
ENV = dict(os.environ, OMP_THREAD_LIMIT="1")


def run(cmd, **kw):
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=ENV, **kw)


def best_of(repeat, fn):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def parallel(jobs, fns):
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(lambda f: f(), fns))


def has_text_layer(pdf):
    out = subprocess.run(["pdftotext", "-l", "1", pdf, "-"], capture_output=True, text=True)
    return sum(c.isalnum() for c in out.stdout) >= 20


def collect(dirs):
    text_pdfs, scans, texts = [], [], []
    for d in dirs:
        for base, _, names in os.walk(d):
            for name in sorted(names):
                path = os.path.join(base, name)
                low = name.lower()
                if low.endswith(".pdf"):
                    (text_pdfs if has_text_layer(path) else scans).append(path)
                elif low.endswith((".png", ".jpg", ".jpeg", ".tif", ".tiff")):
                    scans.append(path)
                elif low.endswith(".txt"):
                    texts.append(path)
    return text_pdfs, scans, texts


def ocr_with_tesseract(path, tmp):
    """What a script without skjerm would run: render each page at 200 dpi, OCR it."""
    if path.lower().endswith(".pdf"):
        prefix = os.path.join(tmp, os.path.basename(path))
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", path, prefix], env=ENV,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pages = sorted(p for p in os.listdir(tmp) if p.startswith(os.path.basename(path)))
        for page in pages:
            run(["tesseract", os.path.join(tmp, page), "-", "-l", LANGS])
            os.remove(os.path.join(tmp, page))
    else:
        run(["tesseract", path, "-", "-l", LANGS])


def row(name, files, skjerm_s, tool, tool_s):
    ratio = tool_s / skjerm_s if skjerm_s > 0 else float("nan")
    return f"| {name} | {files} | {skjerm_s:.2f} s | {tool} | {tool_s:.2f} s | {ratio:.2f} |"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", default=[os.path.join(ROOT, "samples", "letters")])
    ap.add_argument("--skjerm", default=os.path.join(ROOT, "build", "skjerm"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    skjerm, jobs, rep = args.skjerm, args.jobs, args.repeat
    text_pdfs, scans, texts = collect(args.dirs)
    print(f"input: {len(text_pdfs)} text PDFs, {len(scans)} scans/images, {len(texts)} .txt "
          f"from {', '.join(args.dirs)}; {jobs} cores\n")
    print("| work | files | skjerm | tool | tool time | tool/skjerm |")
    print("|---|---|---|---|---|---|")

    def scan(files, j):
        return lambda: run([skjerm, "scan", "--format", "json", "--jobs", str(j)] + files)

    if text_pdfs:
        t1 = best_of(rep, scan(text_pdfs, 1))
        p1 = best_of(rep, lambda: [run(["pdftotext", f, "-"]) for f in text_pdfs])
        print(row("text PDFs, sequential", len(text_pdfs), t1, "pdftotext", p1))
        tn = best_of(rep, scan(text_pdfs, jobs))
        pn = best_of(rep, lambda: parallel(jobs, [lambda f=f: run(["pdftotext", f, "-"])
                                                  for f in text_pdfs]))
        print(row(f"text PDFs, {jobs} jobs", len(text_pdfs), tn, "pdftotext", pn))
    if scans:
        with tempfile.TemporaryDirectory() as tmp:
            rep_ocr = max(1, min(rep, 2))
            s1 = best_of(rep_ocr, scan(scans, 1))
            o1 = best_of(rep_ocr, lambda: [ocr_with_tesseract(f, tmp) for f in scans])
            print(row("scans, sequential", len(scans), s1, "pdftoppm + tesseract", o1))
            sn = best_of(rep_ocr, scan(scans, jobs))

            def one_each(f):
                d = tempfile.mkdtemp(dir=tmp)
                return lambda: ocr_with_tesseract(f, d)
            on = best_of(rep_ocr, lambda: parallel(jobs, [one_each(f) for f in scans]))
            print(row(f"scans, {jobs} jobs", len(scans), sn, "pdftoppm + tesseract", on))
            pdf_scans = [f for f in scans if f.lower().endswith(".pdf")]
            if shutil.which("ocrmypdf") and pdf_scans:
                sp = best_of(rep_ocr, scan(pdf_scans, jobs))
                om = best_of(rep_ocr, lambda: [run(["ocrmypdf", "-q", "--force-ocr", "-l", LANGS,
                                                    "--jobs", str(jobs), "--output-type", "pdf",
                                                    f, os.path.join(tmp, "out.pdf")])
                                               for f in pdf_scans])
                print(row(f"scanned PDFs, {jobs} jobs", len(pdf_scans), sp, "ocrmypdf", om))
    # Detection throughput: the letters' text as .txt files, many times over.
    with tempfile.TemporaryDirectory() as tmp:
        corpus = []
        for f in text_pdfs:
            out = subprocess.run(["pdftotext", f, "-"], capture_output=True, text=True).stdout
            corpus.append(out)
        for f in texts:
            corpus.append(open(f, encoding="utf-8").read())
        if corpus:
            files, size = [], 0
            i = 0
            while size < 8 << 20:
                path = os.path.join(tmp, f"{i:05d}.txt")
                text = corpus[i % len(corpus)]
                with open(path, "w", encoding="utf-8") as out:
                    out.write(text)
                files.append(path)
                size += len(text.encode("utf-8"))
                i += 1
            d1 = best_of(rep, lambda: run([skjerm, "scan", "--format", "json", "--jobs", "1", tmp]))
            dn = best_of(rep, lambda: run([skjerm, "scan", "--format", "json", "--jobs", str(jobs),
                                           tmp]))
            mb = size / 1e6
            print(f"\ndetection on plain text: {len(files)} letters, {mb:.1f} MB: "
                  f"{mb / d1:.1f} MB/s with 1 job, {mb / dn:.1f} MB/s with {jobs} jobs "
                  f"(whole command: reading, normalising, all detectors, deciding, JSON)")


if __name__ == "__main__":
    sys.exit(main())
