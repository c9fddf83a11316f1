"""Reports an inspector reads: Markdown, HTML and DOCX, with a coverage chart.

The summary (coverage, counts by status) comes first, then every missing,
partial and conflicting item with the superior's text and the lower plan's
evidence side by side (a long item with its demands one by one), then the covered and
not-applicable items in short.
The chart is a matplotlib PNG (Agg backend) embedded in the file (HTML: data
URI; DOCX: picture; Markdown: a PNG written next to the report).
"""
from __future__ import annotations

import base64
import html
import io
from pathlib import Path

from schemas.crosscheck import CheckItem, CheckReport

STATUS_VI = {"covered": "Đã thực hiện", "partial": "Thực hiện một phần", "conflict": "Mâu thuẫn",
             "missing": "Chưa thực hiện", "not_applicable": "Không áp dụng"}
COLORS = {"covered": "#2e7d32", "partial": "#f9a825", "conflict": "#c62828", "missing": "#6d4c41",
          "not_applicable": "#9e9e9e"}
ORDER = ("conflict", "missing", "partial", "covered", "not_applicable")


def chart_png(report: CheckReport) -> bytes:
    """A bar chart of the counts by status with the coverage in its title, as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    s = report.summary
    counts = [getattr(s, k) for k in ORDER]
    fig = Figure(figsize=(6, 2.6), dpi=110)
    ax = fig.add_subplot(1, 1, 1)
    bars = ax.barh([STATUS_VI[k] for k in ORDER], counts, color=[COLORS[k] for k in ORDER])
    ax.invert_yaxis()
    ax.bar_label(bars, padding=3)
    ax.set_xlim(0, max(counts + [1]) * 1.2)
    ax.set_title(f"Coverage {s.coverage:.0%}")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _title(report: CheckReport) -> str:
    lo, su = report.lower, report.superior
    return f"Cross-check: {lo.doc_type or ''} {lo.number or '?'} against {su.doc_type or ''} {su.number or '?'}"


def _summary_rows(report: CheckReport) -> list[tuple[str, str]]:
    s = report.summary
    applicable = s.covered + s.partial + s.conflict + s.missing
    rows = [("Coverage", f"{s.coverage:.1%} of {applicable} applicable items")]
    rows += [(STATUS_VI[k], str(getattr(s, k))) for k in ORDER]
    return rows


def _evidence_text(item: CheckItem) -> str:
    if not item.matches:
        return "(nothing in the lower plan)"
    parts = []
    for m in item.matches:
        where = f" [{m.section}]" if m.section else ""
        span = f" @{m.span.start}-{m.span.end}" if m.span else ""
        who = f" — {m.actor}" if m.actor else ""
        parts.append(f"{m.text}{who}{where}{span} (score {m.score:.2f})")
    return "\n".join(parts)


def _flagged(report: CheckReport) -> list[CheckItem]:
    return [i for s in ("conflict", "missing", "partial") for i in report.items if i.status == s and i.part_of is None]


def _rest(report: CheckReport) -> list[CheckItem]:
    return [i for i in report.items if i.status in ("covered", "not_applicable") and i.part_of is None]


def _parts(report: CheckReport) -> dict[int, list[CheckItem]]:
    """The separate demands (sentences, clauses) of each long item, each with its own status,
    by the ``id`` of the item."""
    out: dict[int, list[CheckItem]] = {}
    for part in report.items:
        if part.part_of is not None:
            out.setdefault(id(report.items[part.part_of]), []).append(part)
    return out


def _part_line(part: CheckItem) -> str:
    best = f" ← “{part.matches[0].text[:160]}”" if part.matches else ""
    return f"{STATUS_VI[part.status]}: {part.superior.text[:200]}{best}"


def to_markdown(report: CheckReport, *, chart_path: str | None = None) -> str:
    """The report as Markdown; ``chart_path`` is the PNG to link (written by ``write_report``)."""
    lo, su = report.lower, report.superior
    out = [f"# {_title(report)}", "",
           f"- Lower: {lo.doc_type or ''} {lo.number or ''} — {lo.issuer or ''} ({lo.date or '?'})",
           f"- Superior: {su.doc_type or ''} {su.number or ''} — {su.issuer or ''} ({su.date or '?'})",
           f"- Link: {report.link.relation or 'not cited'}"
           + (f" — “{report.link.evidence}”" if report.link.evidence else ""), "",
           "## Summary", "", "| | |", "|---|---|"]
    out += [f"| {a} | {b} |" for a, b in _summary_rows(report)]
    if chart_path:
        out += ["", f"![coverage]({chart_path})"]
    out += ["", "## Items to act on", ""]
    flagged, parts_of = _flagged(report), _parts(report)
    if not flagged:
        out.append("Every applicable item is covered.")
    for n, item in enumerate(flagged, 1):
        out += [f"### {n}. {STATUS_VI[item.status]} ({item.status}) — {item.kind}", "",
                f"*Why*: {item.reason}", "",
                "| Superior | Lower plan |", "|---|---|",
                f"| {_cell(item.superior.text)}{_cell(' — ' + item.superior.actor) if item.superior.actor else ''} "
                f"| {_cell(_evidence_text(item))} |", ""]
        out += [f"- **{f.code}**: {f.message}" for f in item.findings]
        if item.findings:
            out.append("")
        parts = parts_of.get(id(item), [])
        if parts:
            out += ["*Demand by demand*:", ""] + [f"- {_part_line(p)}" for p in parts] + [""]
    out += ["## Covered and not applicable", ""]
    for item in _rest(report):
        out.append(f"- {STATUS_VI[item.status]}: {item.superior.text[:160]} — {item.reason}")
    if report.warnings:
        out += ["", "## Warnings", ""] + [f"- {w}" for w in report.warnings]
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "\\|").replace("\n", "<br>")


def to_html(report: CheckReport) -> str:
    """The report as one self-contained HTML page (chart embedded as a data URI)."""
    png = base64.b64encode(chart_png(report)).decode("ascii")
    e = html.escape
    rows = "".join(f"<tr><th>{e(a)}</th><td>{e(b)}</td></tr>" for a, b in _summary_rows(report))
    items, parts_of = [], _parts(report)
    for n, item in enumerate(_flagged(report), 1):
        findings = "".join(f"<li><b>{e(f.code)}</b>: {e(f.message)}</li>" for f in item.findings)
        evidence = "".join(
            f"<p>{e(m.text)}<br><small>{e(m.actor or '')} {e(m.section or '')} "
            f"{f'@{m.span.start}-{m.span.end}' if m.span else ''} score {m.score:.2f}</small></p>"
            for m in item.matches) or "<p><i>(nothing in the lower plan)</i></p>"
        items.append(
            f"<h3>{n}. <span style='color:{COLORS[item.status]}'>{e(STATUS_VI[item.status])}</span> "
            f"({item.status}) — {item.kind}</h3><p><i>{e(item.reason)}</i></p>"
            f"<table class='side'><tr><th>Superior</th><th>Lower plan</th></tr><tr><td><p>{e(item.superior.text)}"
            f"</p><small>{e(item.superior.actor or '')}</small></td><td>{evidence}</td></tr></table>"
            + (f"<ul>{findings}</ul>" if findings else "")
            + "".join(f"<p><small>{e(_part_line(p))}</small></p>" for p in parts_of.get(id(item), [])))
    rest = "".join(f"<li>{e(STATUS_VI[i.status])}: {e(i.superior.text[:200])} — <i>{e(i.reason)}</i></li>"
                   for i in _rest(report))
    link = e(report.link.relation or "not cited") + (f" — “{e(report.link.evidence)}”" if report.link.evidence else "")
    return (
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
        f"<title>{e(_title(report))}</title><style>body{{font-family:sans-serif;max-width:1100px;margin:auto}}"
        "table.side{border-collapse:collapse;width:100%}table.side td,table.side th{border:1px solid #ccc;"
        "vertical-align:top;padding:6px;width:50%}</style></head><body>"
        f"<h1>{e(_title(report))}</h1><p>Link: {link}</p><h2>Summary</h2><table>{rows}</table>"
        f"<img alt='coverage chart' src='data:image/png;base64,{png}'>"
        f"<h2>Items to act on</h2>{''.join(items) or '<p>Every applicable item is covered.</p>'}"
        f"<h2>Covered and not applicable</h2><ul>{rest}</ul></body></html>")


def to_docx(report: CheckReport, path: str | Path) -> Path:
    """The report as a Word document with the chart as a picture."""
    from docx import Document as WordDocument
    from docx.shared import Inches

    path = Path(path)
    doc = WordDocument()
    doc.add_heading(_title(report), level=1)
    doc.add_paragraph(f"Link: {report.link.relation or 'not cited'}"
                      + (f" — “{report.link.evidence}”" if report.link.evidence else ""))
    doc.add_heading("Summary", level=2)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for a, b in _summary_rows(report):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = a, b
    doc.add_picture(io.BytesIO(chart_png(report)), width=Inches(5.5))
    doc.add_heading("Items to act on", level=2)
    parts_of = _parts(report)
    for n, item in enumerate(_flagged(report), 1):
        doc.add_heading(f"{n}. {STATUS_VI[item.status]} ({item.status}) — {item.kind}", level=3)
        doc.add_paragraph(f"Why: {item.reason}")
        side = doc.add_table(rows=2, cols=2)
        side.style = "Table Grid"
        side.cell(0, 0).text, side.cell(0, 1).text = "Superior", "Lower plan"
        side.cell(1, 0).text = item.superior.text + (f"\n— {item.superior.actor}" if item.superior.actor else "")
        side.cell(1, 1).text = _evidence_text(item)
        for f in item.findings:
            doc.add_paragraph(f"{f.code}: {f.message}", style="List Bullet")
        for part in parts_of.get(id(item), []):
            doc.add_paragraph(_part_line(part), style="List Bullet 2")
    doc.add_heading("Covered and not applicable", level=2)
    for item in _rest(report):
        doc.add_paragraph(f"{STATUS_VI[item.status]}: {item.superior.text[:200]} — {item.reason}",
                          style="List Bullet")
    doc.save(path)
    return path


def write_report(report: CheckReport, path: str | Path) -> Path:
    """Write the report in the format its suffix names (.md, .html/.htm, .docx)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return to_docx(report, path)
    if suffix in (".html", ".htm"):
        path.write_text(to_html(report), encoding="utf-8")
        return path
    if suffix in (".md", ".markdown"):
        chart = path.with_name(path.stem + "_coverage.png")
        chart.write_bytes(chart_png(report))
        path.write_text(to_markdown(report, chart_path=chart.name), encoding="utf-8")
        return path
    from pipeline.errors import UsageError

    raise UsageError(f"{path}: report format must be .md, .html or .docx")
