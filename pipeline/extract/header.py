"""Extractor of the header: type, number, issuer, place, date, title, period, signer, recipients.

Most facts come from the structure stage (``document.header`` and ``document.footer``);
this module decides the issuer (title block, else the body's "X xây dựng kế hoạch",
else the symbol's issuer code), the period, and which fields are uncertain.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.lang.doctypes import type_from_code
from pipeline.lang.fold import fold
from pipeline.lang.numbers import split_number
from pipeline.lang.orgs import (
    BODY_PREFIXES,
    head_length,
    issuer_from_code,
    of_central_parent,
    sentence_case,
    starts_with_admin_unit,
    starts_with_head,
)
from schemas.document import Document
from schemas.records import Header, Period, Signer

# "Ban Thường vụ Liên đoàn Lao động huyện xây dựng kế hoạch ..." — the body names its issuer
BODY_ISSUER = re.compile(
    r"(?:^|[.;:,]\s+)(?P<org>(?:[A-ZĐÂĂÊÔƠƯ][\w]*|[a-zđ]+)(?:\s+[\w()]+){0,12}?)\s+"
    r"(?:xây dựng|ban hành|triển khai xây dựng|tổ chức xây dựng)\s+(?:kế hoạch|chương trình|đề án|hướng dẫn|quy chế)",
    re.IGNORECASE)
ACRONYM_DEF = re.compile(r"((?:[\w]+\s+){1,7})\(([A-ZĐ]{2,8})\)")
PERIOD_SPAN = re.compile(r"(?:giai đoạn|nhiệm kỳ|thời kỳ|năm)\s+(\d{4})\s*[-–—]\s*(\d{4})|(?<![\d/])(\d{4})\s*[-–—]\s*(\d{4})(?![\d/])",
                         re.IGNORECASE)
PERIOD_UNTIL = re.compile(r"đến năm\s+(\d{4})", re.IGNORECASE)
PERIOD_YEAR = re.compile(r"(?:của |trong )?năm\s+(\d{4})(?!\s*[-–—]\s*\d)", re.IGNORECASE)


def extract(doc: Doc) -> Header:
    """The header record from the structure stage's header and footer."""
    document: Document = doc._.document
    info = document.header
    footer = document.footer
    header = Header()
    if info is not None:
        header.doc_type = info.doc_type
        header.number = info.number
        header.place = info.place
        header.date = info.date
        header.title = info.title
        header.year = int(info.date[:4]) if info.date else info.date_year
        if info.number_uncertain:
            header.uncertain.append("number")
        if info.date_uncertain:
            header.uncertain.append("date")
        if header.doc_type is None and info.number:
            header.doc_type = type_from_code(split_number(info.number)["type"])
    if footer is not None:
        header.signer = Signer(name=footer.signer, position=footer.position, authority=footer.authority)
        header.recipients = list(footer.recipients)
    header.issuer = _issuer(document)
    header.period = _period(header.title, (info.type_line if info else None), header.date,
                            info.date_year if info else None)
    return header


def acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines itself: 'Công đoàn Giáo dục (CĐGD)' → {'CĐGD': 'Công đoàn Giáo dục'}."""
    found: dict[str, str] = {}
    for m in ACRONYM_DEF.finditer(text):
        words, acronym = m.group(1).split(), m.group(2)
        initials = "".join(w[0] for w in words).upper()
        if not words[-len(acronym):][0][:1].isupper():
            continue
        for k in range(len(words), 0, -1):
            if initials[-k:] == acronym.upper():
                found.setdefault(acronym, " ".join(words[-k:]))
                break
    return found


def _expand(name: str, table: dict[str, str]) -> str:
    for acronym, full in table.items():
        name = re.sub(rf"(?<!\w){re.escape(acronym)}(?!\w)", full, name)
    return name


def _issuer(document: Document) -> str | None:
    info = document.header
    if info is not None and info.issuer_lines:
        name = _issuer_from_lines(info.issuer_lines)
        if name:
            return _completed(name, document)
    body_name = _issuer_from_body(document)
    if body_name:
        return body_name
    if info is not None and info.number:
        return issuer_from_code(split_number(info.number)["issuer"])
    return None


def _issuer_from_lines(lines: list[str]) -> str | None:
    """The issuing unit among the left header lines: the last unit, with its place line joined."""
    segments: list[str] = []
    for line in lines:
        for part in _split_orgs(line):
            # a place line ("TỈNH ĐẮK LẮK") or a name broken before "và" / after a comma goes on the line before
            if segments and (starts_with_admin_unit(part) or fold(part).startswith("va ") or segments[-1].endswith(",")):
                segments[-1] = f"{segments[-1]} {part}"
            else:
                segments.append(part)
    if not segments:
        return None
    name = sentence_case(segments[-1].strip(" -_"))
    return of_central_parent(segments[-2], name) if len(segments) >= 2 else name


def _completed(name: str, document: Document) -> str:
    """The issuer's full name when the header cell printed it cut ("ỦY BAN THƯỜNG VỤ") and the enacting line
    after the title gives it whole ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", before "Căn cứ ...")."""
    start = document.header.body_start if document.header else 0
    folded = fold(name)
    for line in document.text[max(0, start - ENACTING_REACH):start + ENACTING_REACH].split("\n"):
        line = line.strip()
        if line.isupper() and fold(line).startswith(folded + " ") and len(line.split()) <= 12:
            return sentence_case(line)
    return name


ENACTING_REACH = 400  # characters around the start of the body where the enacting line stands


def _split_orgs(line: str) -> list[str]:
    """'UBND TỈNH X SỞ Y' → ['UBND TỈNH X', 'SỞ Y'] at the heads of organisation names."""
    words = line.split()
    cuts = [0]
    for i in range(1, len(words)):
        if head_length(" ".join(words[cuts[-1]:])) > i - cuts[-1]:
            continue  # inside a longer head ("THỦ TƯỚNG CHÍNH PHỦ")
        rest = " ".join(words[i:])
        prev = fold(words[i - 1])
        if starts_with_head(rest) and not starts_with_head(" ".join(words[i - 1:])) and prev not in ("cua", "va"):
            # a head word inside a name ("BAN CHẤP HÀNH ... ĐẢNG") is a cut only after a place or a full name
            if i - cuts[-1] >= 2:
                cuts.append(i)
    cuts.append(len(words))
    return [" ".join(words[a:b]) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]


def _issuer_from_body(document: Document) -> str | None:
    info = document.header
    start = info.body_start if info else 0
    window = document.text[start:start + 3000]
    m = BODY_ISSUER.search(window)
    if not m:
        return None
    org = m.group("org").strip()
    # keep the organisation part: from the last organisation head that starts a name
    words = org.split()
    for i in range(len(words)):
        if starts_with_head(" ".join(words[i:])):
            org = " ".join(words[i:])
            break
    else:
        return None
    org = _expand(org, acronyms(document.text))
    for prefix in BODY_PREFIXES:
        if fold(org).startswith(fold(prefix) + " ") and starts_with_head(org[len(prefix):].strip()):
            org = org[len(prefix):].strip()
            break
    if info is not None and info.place and re.search(r"\b(tỉnh|huyện|thành phố|quận|xã|phường|thị xã)$", org, re.I):
        org = f"{org} {info.place}"
    return org


def _period(title: str | None, type_line: str | None, date: str | None, year: int | None) -> Period | None:
    """The horizon named in the title: 'giai đoạn 2019 – 2023', 'nhiệm kỳ ...', 'năm 2021', 'đến năm 2035'."""
    text = " ".join(t for t in (type_line, title) if t)
    if not text:
        return None
    m = PERIOD_SPAN.search(text)
    if m:
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if int(a) <= int(b):
            return Period(start=f"{a}-01-01", end=f"{b}-12-31")
    m = PERIOD_UNTIL.search(text)
    if m:
        issued = int(date[:4]) if date else year
        return Period(start=f"{issued}-01-01" if issued else None, end=f"{m.group(1)}-12-31")
    m = next((m for m in PERIOD_YEAR.finditer(text)
              if not re.search(r"(tháng\s*\d{1,2}|\d{1,2}/\d{1,2}/?)\s*$", text[:m.start()])), None)
    if m:
        return Period(start=f"{m.group(1)}-01-01", end=f"{m.group(1)}-12-31")
    return None
