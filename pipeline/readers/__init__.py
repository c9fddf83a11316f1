"""Readers: one per format, all into one ``Document``.

``read(path)`` sniffs the content (not only the extension), enforces the size
limit and raises ``ReadError`` with a clear cause for anything it cannot read.
"""
from __future__ import annotations

import hashlib
import zipfile
from io import BytesIO
from pathlib import Path

from pipeline.errors import ReadError
from pipeline.readers.text import read_string, read_text
from schemas.document import Document

MAX_BYTES = 64 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".ws", ""}
DOCX_SUFFIXES = {".docx", ".docm"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = TEXT_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES


def sniff(data: bytes) -> str:
    """The format of ``data`` from its bytes: 'pdf', 'docx', 'zip', 'doc', 'binary' or 'text'."""
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return "zip"
        return "zip"
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "doc"
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return "text"
    sample = data[:65536]
    if b"\x00" in sample:
        return "binary"
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if sample and controls / len(sample) > 0.01:
        return "binary"
    return "text"


def read(path: str | Path, *, max_bytes: int = MAX_BYTES, ocr: bool = True) -> Document:
    """Read any supported file into a normalised Document (structure not yet applied)."""
    path = Path(path)
    if not path.is_file():
        raise ReadError("not_found")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("empty")
    if size > max_bytes:
        raise ReadError("too_large", limit=max_bytes // (1024 * 1024))
    data = path.read_bytes()
    kind = sniff(data)
    suffix = path.suffix.lower()
    expected = "pdf" if suffix in PDF_SUFFIXES else "docx" if suffix in DOCX_SUFFIXES else "text"
    if suffix not in SUPPORTED and kind == "text" and suffix not in (".csv", ".html", ".htm", ".xml"):
        # an unknown extension holding plain text is still read as text
        pass
    elif suffix not in SUPPORTED:
        raise ReadError("unsupported", detail=f"extension {suffix or '(none)'}")
    if kind != expected:
        if kind in ("binary", "zip", "doc") or expected in ("pdf", "docx"):
            names = {"pdf": "PDF", "docx": "DOCX", "text": "text file"}
            found = {"pdf": "a PDF", "docx": "a DOCX", "zip": "a ZIP archive", "doc": "a legacy .doc file",
                     "binary": "binary data", "text": "plain text"}[kind]
            if kind in ("pdf", "docx") and expected == "text":
                expected = kind  # a PDF/DOCX under a text name is read for what it is
            else:
                raise ReadError("corrupt", fmt=names[expected], detail=f"content is {found}")
    sha = hashlib.sha256(data).hexdigest()
    if expected == "pdf" or kind == "pdf":
        from pipeline.readers.pdf import read_pdf
        document = read_pdf(path, data, ocr=ocr)
    elif expected == "docx" or kind == "docx":
        from pipeline.readers.docx import read_docx
        document = read_docx(path, data)
    else:
        document = read_text(path, data)
    document.sha256 = sha
    if not document.text.strip():
        raise ReadError("no_text", detail="the file holds no text")
    return document


__all__ = ["read", "read_string", "sniff", "MAX_BYTES"]
