"""The header block: issuer, quốc hiệu, số ký hiệu, place and date, type name, trích yếu."""
from __future__ import annotations

import re

from pipeline.lang.dates import PLACE_DATE, iso
from pipeline.lang.doctypes import type_from_words, type_words_length
from pipeline.lang.fold import fold
from pipeline.lang.numbers import BLANK_NUMBER, PARTY_NUMBER, STATE_NUMBER, clean_number
from pipeline.lang.orgs import before_motto, is_motto, starts_with_position
from schemas.document import Block, HeaderInfo, Span

NUMBER_LINE = re.compile(r"^\s*S[ốo]\s*(?:hiệu)?\s*[:.]?\s*", re.I)
ATTACHED_LINE = re.compile(r"^\(?\s*(?:Ban hành\s+)?[Kk]èm theo\b")
BODY_CUE = re.compile(r"^(?:Căn cứ|Kính gửi|Để\s|Theo đề nghị|Xét\s|Trong\s|Thời gian qua|Nhằm\s|[IVX]+[.\-–]\s|\d+\.\s|Điều\s+\d)")
TITLE_MAX = 320  # a block longer than this after the first title block is body text
HEADER_SCAN = 40  # blocks looked at for the header


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _number_of(text: str) -> tuple[str | None, bool]:
    """(number, uncertain) of a 'Số: ...' line."""
    rest = NUMBER_LINE.sub("", text, count=1)
    for pattern in (PARTY_NUMBER, STATE_NUMBER):
        m = pattern.match(rest.strip())
        if m:
            return clean_number(m.group(0)), False
    blank = BLANK_NUMBER.search(text)
    if blank:
        return "…/" + clean_number(blank.group(1)), True
    m = re.search(r"/\s?([A-ZĐ][\w\-Đđ]*)", rest)
    if m:
        return "…/" + clean_number(m.group(1)), True
    return None, False


def _type_line(block: Block) -> tuple[str, int] | None:
    """(type, number of type words) when the block is the type name line."""
    text = block.text.strip()
    doc_type = type_from_words(text)
    if not doc_type or text.endswith(":"):
        return None
    n = type_words_length(text)
    words = text.split()
    if _is_upper(text) or block.bold or len(words) <= n + 2 or block.align == "center":
        return doc_type, n
    # "NGHỊ QUYẾT" with its lower-case "về ..." title line joined to it
    if _is_upper(" ".join(words[:n])) and len(words) > n and words[n] == "về":
        return doc_type, n
    return None


def _title_from_type_line(text: str, n_type_words: int) -> str | None:
    """Words printed on the type line after the type name start the title (not an ordinal)."""
    rest = text.split()[n_type_words:]
    if not rest or re.fullmatch(r"[\dIVXLC]+[.:]?|số\s*\d+", " ".join(rest), re.I):
        return None
    phrase = " ".join(rest)
    if _is_upper(phrase):
        phrase = phrase[:1].upper() + phrase[1:].lower()
    return phrase


def parse_header(blocks: list[Block], text: str) -> HeaderInfo:
    """Find the header block among the first blocks of a document."""
    info = HeaderInfo()
    type_index = None
    first_fact = None  # index of the first motto/number/date/type block
    for i, block in enumerate(blocks[:HEADER_SCAN]):
        t = block.text.strip()
        if re.fullmatch(r"S[ốo]\s*(?:hiệu)?\s*[:.]?", t) and i + 1 < len(blocks):
            t = f"{t} {blocks[i + 1].text.strip()}"  # "Số:" with the number in the next line or cell
        if info.date is None and type_index is None and NUMBER_LINE.match(t):
            pd = re.search(r"[^\d,.;:]{2,40},\s*ngày\s", t)
            if pd and pd.start() > 0:
                t, rest = t[: pd.start()].strip(), t[pd.start():].strip()
                _place_date(info, rest, block)
        if is_motto(t):
            info.motto = True
            first_fact = i if first_fact is None else first_fact
            continue
        if info.number is None and NUMBER_LINE.match(t) and ("/" in t or "-" in t):
            info.number, info.number_uncertain = _number_of(t)
            first_fact = i if first_fact is None else first_fact
            if block.uncertain and info.number:
                # OCR could not read the (handwritten) figures: keep the printed symbol, not a guess
                info.number_uncertain = True
                info.number = "…/" + info.number.split("/", 1)[-1] if "/" in info.number else None
            continue
        if info.date is None and type_index is None and _place_date(info, t, block):
            first_fact = i if first_fact is None else first_fact
            continue
        if type_index is None:
            found = _type_line(block)
            if found and (first_fact is not None or i < 6):
                type_index = i
                info.type_line = t
                info.doc_type = found[0]
                first_fact = i if first_fact is None else first_fact
                lead = _title_from_type_line(t, found[1])
                title = _collect_title(blocks, i + 1, after=lead)
                title_text, attached, end_index = title
                if lead:
                    title_text = f"{lead} {title_text}".strip() if title_text else lead
                info.title = title_text or None
                info.attached_to = attached
                info.addressees, end_index = _addressees(blocks, end_index)
                last = blocks[end_index - 1] if end_index > i else block
                info.body_start = (last.span.end + 1) if last.span else 0
                break
    if type_index is None:
        _letter_subject(info, blocks)
    # issuer lines: upper-case blocks before the first header fact, and upper blocks between motto and number
    limit = first_fact if first_fact is not None else 0
    info.issuer_lines = [before_motto(b.text.strip()) for b in blocks[:limit]
                         if _is_upper(b.text) and not is_motto(b.text) and len(b.text) < 120]
    if type_index is None and first_fact is None:
        info.body_start = 0
    start = blocks[0].span.start if blocks and blocks[0].span else 0
    info.span = Span(start=start, end=max(info.body_start - 1, start))
    return info


# a place-and-date line whose day or month OCR could not read ("ngày @3 tháng !Ƒ năm 2026")
GARBLED_PLACE_DATE = re.compile(
    r"^\s*(?P<place>[^\d,]{2,60}?)\s*,\s*ngày\s*(?P<d>\S{0,4}?)\s*tháng\s*(?P<m>\S{0,4}?)\s*năm\s+(?P<y>\d{4})",
    re.IGNORECASE)
VV_LINE = re.compile(r"\bV/v\s*[:.]?\s*", re.I)


def _letter_subject(info: HeaderInfo, blocks: list[Block]) -> None:
    """An official letter has no type line: its "V/v ..." line is the title and the type is Công văn."""
    for block in blocks[:HEADER_SCAN]:
        m = VV_LINE.search(block.text)
        if m and len(block.text) < 400:
            info.doc_type = info.doc_type or "Công văn"
            info.title = block.text[m.end():].strip() or None
            if block.span:
                info.body_start = max(info.body_start, block.span.end + 1)
            return
        if BODY_CUE.match(block.text) and not block.text.startswith("Kính gửi"):
            return


def _place_date(info: HeaderInfo, text: str, block: Block) -> bool:
    """Fill place and date from a place-and-date line; False when the text is not one."""
    m = PLACE_DATE.match(text) or GARBLED_PLACE_DATE.match(text)
    if not m:
        return False
    info.place = _clean_place(m.group("place"))
    day, month = re.sub(r"\s", "", m.group("d")), re.sub(r"\s", "", m.group("m"))
    if day.isdigit() and month.isdigit():
        info.date = iso(int(m.group("y")), int(month), int(day))
    if info.date is None or block.uncertain:
        info.date_uncertain = True
        info.date_year = int(m.group("y"))
    return True


def _clean_place(place: str) -> str:
    place = place.strip(" *_,.")
    # "Huyện Dương Minh Châu" is printed as the place; the spec keeps the name
    return re.sub(r"^(?:tỉnh|huyện|thành phố|tp\.?|quận|thị xã|xã|phường)\s+", "", place, flags=re.I).strip()


_LINKING_END = re.compile(r"\b(của|và|với|cho|về|tại|trên|đối với)$", re.I)


_ENACTING_BODY = re.compile(r"^(?:chinh phu|uy ban nhan dan(?: (?:tinh|thanh pho|quan|huyen|xa|phuong)\b.*)?)$")


def _authority(line: str, before: str) -> bool:
    """True when an upper-case line after an upper-case title is the enacting office holder or body
    ("BỘ TRƯỞNG BỘ ...", "CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH X"), not more title."""
    enacting = starts_with_position(line) or (_ENACTING_BODY.match(fold(line).strip()) and len(line.split()) <= 9)
    return len(line) < 120 and bool(enacting) and not _LINKING_END.search(before.strip())


ADDRESS_LINE = re.compile(r"^(?:.{0,60}\bđiện|kính\s+gửi)\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
ADDRESSEES_MAX = 20  # lines


def _addressees(blocks: list[Block], start: int) -> tuple[list[str], int]:
    """Those a telegram or letter is addressed to, from its address line on ("THỦ TƯỚNG CHÍNH PHỦ điện:"
    then "- Chủ tịch Ủy ban nhân dân tỉnh A;" lines, or "Kính gửi: Sở Y tế"), near ``start``; a line
    that goes on from the one before it (after ',' or ':', or without a bullet) joins it. Also the index
    of the block after the address ( ``start`` when there is none): the body begins there."""
    at = next((k for k in range(start, min(len(blocks), start + 3)) if ADDRESS_LINE.match(blocks[k].text.strip())),
              None)
    if at is None:
        return [], start
    rest = ADDRESS_LINE.match(blocks[at].text.strip()).group("rest").strip()
    out = [rest] if rest else []
    end = at + 1
    for block in blocks[at + 1:at + 1 + ADDRESSEES_MAX]:
        t = block.text.strip()
        bullet = t.startswith(("-", "+", "•"))
        open_end = bool(out) and not re.search(r"[.;]$", out[-1])
        if bullet and not (out and re.search(r"[,:]$", out[-1])):
            out.append(t.lstrip("-+• ").strip())
        elif open_end and (bullet or len(t) < 120) and not BODY_CUE.match(t):
            out[-1] = f"{out[-1]} {t.lstrip('-+• ').strip()}"
        else:
            break
        end += 1
    return [a.rstrip(" ;.") for a in out if a.strip(" ;.")], end


BODY_SENTENCE_MIN = 120  # characters: a wrapped line of a title is shorter than a finished sentence


def _body_sentence(text: str) -> bool:
    """A finished sentence of the body: mixed case, opened by a capital, closed by a stop, long."""
    return (len(text) > BODY_SENTENCE_MIN and text[:1].isupper() and not _is_upper(text)
            and text.rstrip().endswith("."))


def _collect_title(blocks: list[Block], start: int, after: str | None = None) -> tuple[str, str | None, int]:
    """(title, attached-to line, index after the title) of the blocks after the type line (``after``: the
    title words on the type line itself)."""
    parts: list[str] = []
    attached = None
    i = start
    while i < len(blocks):
        block = blocks[i]
        t = block.text.strip()
        if ATTACHED_LINE.match(t):
            attached = t.strip("()")
            i += 1
            continue
        if block.kind == "table_cell" and parts:
            break
        if not parts:
            if BODY_CUE.match(t) or t.endswith("điện:") or (len(t) > 600) or (after and _is_upper(t) and _authority(t, after)) \
                    or (after and _body_sentence(t)):
                break
            parts.append(t)
            i += 1
            continue
        prev = parts[-1]
        if BODY_CUE.match(t) or len(t) > TITLE_MAX or re.search(r"[.:;]\s*$", prev) or t.endswith(":"):
            break
        if _is_upper(t) and not t.startswith("(") and (not _is_upper(prev) or _authority(t, prev)):
            break  # an authority line after the title ("THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ ...")
        if not (_is_upper(t) == _is_upper(prev) or t[:1].islower() or fold(t).startswith("ve ")):
            break
        if _body_sentence(t):
            break  # the opening paragraph after a title that ends without a stop
        if _is_upper(t) and _is_upper(prev) and fold(t).endswith("dien"):
            break
        parts.append(t)
        i += 1
    return " ".join(parts), attached, i
