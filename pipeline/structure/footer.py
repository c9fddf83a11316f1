"""The footer: signature block (TM./KT./TL./Q./TUQ. authority, position, name) and Nơi nhận."""
from __future__ import annotations

import re

from pipeline.lang.fold import fold
from pipeline.lang.orgs import AUTHORITY_LINE, FOLDED_POSITIONS, split_position
from schemas.document import Block, FooterInfo, Span

RECIPIENTS_LINE = re.compile(r"^\s*Nơi\s+nhận\s*:?\s*", re.I)
LIST_ITEM = re.compile(r"^\s*[-–+•*]\s*")
NAME = re.compile(r"^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][\w]*"
                  r"(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][\w]*){1,5}$")
SIGNATURE_REACH = 6  # blocks from an authority line to its signer's name (position lines, a stamp note between)
RECIPIENTS_REACH = 40  # blocks between the signature and its "Nơi nhận" (the list may be long)
SIGNED_NOTE = re.compile(r"\((?:đã ký|ký|đã ký và đóng dấu|signed)[^)]*\)|\[[^\]]*\]|^\W+|\W+$", re.I)


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _is_position(text: str) -> bool:
    return _is_upper(text) and fold(text) in FOLDED_POSITIONS


def _name(text: str) -> str | None:
    cleaned = SIGNED_NOTE.sub("", text).strip()
    cleaned = re.sub(r"^(?:Đồng chí|Ông|Bà)\s+", "", cleaned)
    if NAME.match(cleaned) and not _is_upper(cleaned):
        return cleaned
    return None


def parse_footer(blocks: list[Block], *, body_start: int) -> FooterInfo:
    """Find the signature block and the recipients among the last blocks."""
    info = FooterInfo()
    n = len(blocks)
    lo = 0
    first_index = None
    last_index = 0
    # recipients
    for i in range(n - 1, lo - 1, -1):
        if RECIPIENTS_LINE.match(blocks[i].text) and (blocks[i].span and blocks[i].span.start >= body_start):
            first_index = i
            rest = RECIPIENTS_LINE.sub("", blocks[i].text).strip()
            items = [rest] if rest and not LIST_ITEM.match(rest) else []
            items += _split_items(rest) if rest and LIST_ITEM.match(rest) else []
            for b in blocks[i + 1:]:
                if LIST_ITEM.match(b.text):
                    items.extend(_split_items(b.text))
                else:
                    break
            info.recipients = [r for r in items if r]
            last_index = max(last_index, i + len([b for b in blocks[i + 1:i + 1 + len(items)] if LIST_ITEM.match(b.text)]))
            break
    # signature: the last authority line, else the last position line, then the name after it;
    # an appendix's form ("TM. CƠ QUAN/TỔ CHỨC" with no name under it) gives way to an earlier signed block
    sig = None
    authorities = []
    for i in range(n - 1, lo - 1, -1):
        t = blocks[i].text.strip()
        if AUTHORITY_LINE.match(t) or _is_position(t) or _position_and_name(t):
            if blocks[i].span and blocks[i].span.start < body_start:
                break
            if AUTHORITY_LINE.match(t):
                authorities.append(i)
            elif not authorities:
                sig = i
    if authorities:
        sig = next((i for i in authorities if _signed(blocks, i)), authorities[0])
    if sig is not None and first_index is not None and abs(first_index - sig) > RECIPIENTS_REACH:
        info.recipients, first_index, last_index = [], None, 0  # a form's "Nơi nhận" in an appendix
    if sig is not None:
        t = blocks[sig].text.strip()
        inline = _trailing_name(t) if AUTHORITY_LINE.match(t) or _position_and_name(t) else None
        if inline:  # "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương": the whole block in one cell
            t, info.signer = t[:-len(inline)].strip(), inline
            last_index = max(last_index, sig)
        if AUTHORITY_LINE.match(t):
            m = re.match(r"^\s*\S+\s+", t)
            marker, rest = (t[: m.end()].strip(), t[m.end():]) if m else (t, "")
            head, position = split_position(rest)
            if not head.strip():  # "KT. THỦ TƯỚNG": the authority only; the position is on the next line
                head, position = rest, None
            info.authority = f"{marker} {head}".strip()
            info.position = position
        else:
            info.position = split_position(t)[1]
        j = sig + 1
        while j < min(n, sig + 5) and info.signer is None:
            nt = blocks[j].text.strip()
            if info.position is None and _is_upper(nt):
                _, info.position = split_position(nt)
                if info.position is None:
                    info.position = nt
                j += 1
                continue
            name = _name(nt)
            if name:
                info.signer = name
                last_index = max(last_index, j)
                break
            if len(nt) > 60:
                break
            j += 1
        first_index = sig if first_index is None else min(first_index, sig)
    elif info.recipients or first_index is not None:
        # no authority line: a name standing alone among the last blocks signs the text
        for b in blocks[-4:]:
            if LIST_ITEM.match(b.text):
                continue
            name = _name(b.text.strip())
            if name and len(name.split()) >= 2:
                info.signer = name
                break
    if first_index is not None and blocks[first_index].span:
        last = max(last_index, first_index)
        end = blocks[last].span.end if blocks[last].span else blocks[first_index].span.end
        info.span = Span(start=blocks[first_index].span.start, end=end)
    return info


def _signed(blocks: list[Block], i: int) -> bool:
    """Whether a person's name signs the signature block whose authority line is ``blocks[i]``."""
    if _trailing_name(blocks[i].text.strip()):
        return True
    for b in blocks[i + 1:i + SIGNATURE_REACH]:
        t = b.text.strip()
        if _name(t):
            return True
        if len(t) > 60 or RECIPIENTS_LINE.match(t):
            return False
    return False


def _position_and_name(text: str) -> bool:
    """A signature printed in one cell without its authority: "TRƯỞNG BAN PHÓ THỦ TƯỚNG Nguyễn Thiện Nhân"."""
    name = _trailing_name(text)
    if not name:
        return False
    head = text[:-len(name)].strip()
    return _is_upper(head) and split_position(head)[1] is not None


def _trailing_name(text: str) -> str | None:
    """A person's name that ends an upper-case signature line ("... PHÓ CHỦ TỊCH Hoàng Việt Phương")."""
    words = text.split()
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1][1:].islower():
        k -= 1
    if len(words) - k < 2 or not k or not _is_upper(" ".join(words[:k])):
        return None
    return _name(" ".join(words[k:]))


def _split_items(text: str) -> list[str]:
    """'- Như trên;' → ['Như trên']; a line holding several '- ' items is split."""
    parts = [p for p in re.split(r"(?:^|\s)[-–+•]\s+", " " + text) if p.strip()]
    return [p.strip().rstrip(";.,").strip() for p in parts]
