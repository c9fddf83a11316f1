"""Readable text summaries of records for the terminal."""
from __future__ import annotations

from schemas.records import DirectiveRecord


def summary(record: DirectiveRecord) -> str:
    """A short human-readable summary of a record."""
    h = record.header
    lines = [
        f"{h.doc_type or '?'} {h.number or '(no number)'} — {h.issuer or '(issuer unknown)'}",
        f"  date: {h.date or (f'{h.year} (day unreadable)' if h.year else '-')}   place: {h.place or '-'}",
        f"  title: {h.title or '-'}",
    ]
    if h.period:
        lines.append(f"  period: {h.period.start} .. {h.period.end}")
    if h.signer and h.signer.name:
        lines.append(f"  signer: {h.signer.name} ({h.signer.position or '-'})")
    if h.uncertain:
        lines.append(f"  uncertain: {', '.join(h.uncertain)}")
    lines.append(f"references ({len(record.references)}):")
    lines += [f"  [{r.relation}] {r.doc_type or ''} {r.number or ''} {r.date or ''} {(r.title or '')[:70]}"
              for r in record.references]
    lines.append(f"targets ({len(record.targets)}):")
    lines += [f"  {t.comparator} {t.value} {t.unit or ''} — {t.text[:80]}" for t in record.targets]
    lines.append(f"milestones ({len(record.milestones)}):")
    lines += [f"  [{m.kind}] {m.start or '…'} .. {m.end or '…'} — {m.text[:70]}" for m in record.milestones]
    lines.append(f"responsibilities ({len(record.responsibilities)}):")
    lines += [f"  {r.actor}: {len(r.tasks)} task(s)" for r in record.responsibilities]
    return "\n".join(lines)
