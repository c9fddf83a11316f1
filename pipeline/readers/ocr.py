"""OCR of scanned PDF pages: pypdfium2 renders, tesseract (``-l vie --psm 3``) reads.

``ocr_page`` returns the page's lines with their boxes (in PDF points) and
tesseract's confidence. A line is ``uncertain`` when its words were read with
low confidence; the number line ("Số: ...") and the place-and-date line, whose
figures are often handwritten on printed forms, are flagged as soon as one of
their figures is doubtful or missing, so that later stages report them as
uncertain instead of trusting garbage.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from dataclasses import dataclass

from pipeline.errors import ReadError

DPI = 300
LANG = "vie"
CONFIG = "--psm 3"
# a line whose mean word confidence is below this is uncertain
MIN_LINE_CONF = 65.0
# a figure of the number or date line read with less confidence than this is doubtful
MIN_DIGIT_CONF = 85.0
# a gap between two words wider than this many word heights separates two columns
COLUMN_GAP = 1.5

NUMBER_LINE = re.compile(r"^\s*S[ốôoó6]\s*[:;.]?\s", re.I)
DATE_LINE = re.compile(r"ngày.*tháng.*năm", re.I)
# what the date line must hold once read well: day, month, four-digit year
DATE_FIGURES = re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\b", re.I)
NUMBER_FIGURES = re.compile(r"^\s*Số\s*:\s*\d+\s*/", re.I)


@dataclass
class OcrLine:
    """One line read by tesseract; coordinates in PDF points (y grows upwards)."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    conf: float
    block: int
    uncertain: bool


@contextmanager
def _single_thread():
    """Tesseract's OpenMP threads slow it down ~10× on small machines: one thread per process."""
    old = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = old


def ocr_image(image: object, *, lang: str = LANG) -> dict:
    """tesseract's word table (pytesseract ``image_to_data`` as a dict) for a PIL image."""
    import pytesseract

    try:
        with _single_thread():
            return pytesseract.image_to_data(image, lang=lang, config=CONFIG,
                                             output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError as exc:
        raise ReadError("no_text", detail="OCR needs tesseract with Vietnamese data "
                                          "(apt-get install tesseract-ocr tesseract-ocr-vie)") from exc
    except pytesseract.TesseractError as exc:
        raise ReadError("no_text", detail=f"OCR failed: {' '.join(str(exc).split())[:200]}") from exc


def _doubtful(text: str, words: list[tuple[str, float]]) -> bool:
    """Whether a line is uncertain: low mean confidence, or a doubtful figure in the number/date line."""
    confs = [c for _, c in words if c >= 0]
    if not confs:
        return True
    if sum(confs) / len(confs) < MIN_LINE_CONF:
        return True
    if NUMBER_LINE.match(text) or DATE_LINE.search(text):
        figures = [c for w, c in words if any(ch.isdigit() for ch in w)]
        if any(c < MIN_DIGIT_CONF for c in figures):
            return True
        if NUMBER_LINE.match(text) and not NUMBER_FIGURES.match(text) and "/" in text:
            return True  # "Số: /NQ-CP": the number was not read at all
        if DATE_LINE.search(text) and not DATE_FIGURES.search(text):
            return True
    return False


def lines_from_data(data: dict, *, scale: float, page_height: float) -> list[OcrLine]:
    """Group tesseract's words into lines (block, paragraph, line) with boxes in PDF points.

    Tesseract sometimes reads two side-by-side columns (the title block) as one
    line: a line is cut where the gap between two words is wider than
    ``COLUMN_GAP`` times the word height and both sides hold two words or more
    (or three times that, whatever the sides).
    """
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if not str(word).strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        groups.setdefault(key, []).append(i)
    lines = []
    for key, idx in groups.items():
        idx.sort(key=lambda i: data["left"][i])
        heights = sorted(data["height"][i] for i in idx)
        limit = COLUMN_GAP * heights[len(heights) // 2]
        cuts = [k + 1 for k, (a, b) in enumerate(zip(idx, idx[1:], strict=False))
                if (gap := data["left"][b] - (data["left"][a] + data["width"][a])) > 3 * limit
                or gap > limit and k >= 1 and len(idx) - k - 1 >= 2]  # both sides hold 2+ words
        pieces = [idx[a:b] for a, b in zip([0] + cuts, cuts + [len(idx)], strict=True)]
        for k, piece in enumerate(pieces):
            lines.append(_line(data, piece, block=(key[0] * 1000 + key[1]) * 10 + min(k, 9),
                               scale=scale, page_height=page_height))
    return lines


def _line(data: dict, idx: list[int], *, block: int, scale: float, page_height: float) -> OcrLine:
    words = [(str(data["text"][i]), float(data["conf"][i])) for i in idx]
    text = " ".join(w for w, _ in words)
    confs = [c for _, c in words if c >= 0]
    return OcrLine(text=text, x0=min(data["left"][i] for i in idx) / scale,
                   x1=max(data["left"][i] + data["width"][i] for i in idx) / scale,
                   top=page_height - min(data["top"][i] for i in idx) / scale,
                   bottom=page_height - max(data["top"][i] + data["height"][i] for i in idx) / scale,
                   conf=sum(confs) / len(confs) if confs else -1.0, block=block,
                   uncertain=_doubtful(text, words))


def ocr_page(page: object, *, dpi: int = DPI, lang: str = LANG) -> list[OcrLine]:
    """OCR one pypdfium2 page: its lines in tesseract's reading order."""
    scale = dpi / 72
    _, height = page.get_size()
    image = page.render(scale=scale, grayscale=True).to_pil()
    data = ocr_image(image, lang=lang)
    return lines_from_data(data, scale=scale, page_height=height)
