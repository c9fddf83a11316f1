"""The main job on the bundled corpus (`make run`).

Extracts every document of corpus/ (seeds and their DOCX/PDF/scan renderings) to
OUT/records/<name>.json, scores the seeds against their gold, builds the search
index OUT/index.db, and prints a summary. Bad files become error lines; the run
goes on.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate import SECTIONS, evaluate_dirs  # noqa: E402
from pipeline.extract import extract_file  # noqa: E402
from schemas.records import ErrorRecord  # noqa: E402

SUFFIXES = {".txt", ".md", ".docx", ".pdf"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "out"), help="output folder")
    args = parser.parse_args(argv)
    out = Path(args.out)
    (out / "records").mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in (ROOT / "corpus").rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    started = time.perf_counter()
    failed = 0
    for path in files:
        record = extract_file(path)
        rel = path.relative_to(ROOT / "corpus")
        if isinstance(record, ErrorRecord):
            failed += 1
            print(f"FAILED {rel}: {record.error}")
            continue
        name = "__".join(rel.with_suffix("").parts) + f"{path.suffix}.json"
        (out / "records" / name).write_text(json.dumps(record.contract(), ensure_ascii=False, indent=1),
                                            encoding="utf-8")
        h = record.header
        print(f"{str(rel):48} {h.doc_type or '?':12} {h.number or '-':16} refs={len(record.references):3} "
              f"targets={len(record.targets):3} milestones={len(record.milestones):3} "
              f"resp={len(record.responsibilities):3}")
    print(f"\n{len(files) - failed} documents extracted, {failed} failed, in {time.perf_counter() - started:.1f} s;"
          f" records in {out / 'records'}")

    result, _ = evaluate_dirs(ROOT / "corpus" / "gold", [ROOT / "corpus" / "seeds"],
                              extract=lambda p: extract_file(p).model_dump(mode="json"))
    print("\nevaluation on corpus/gold:")
    for section in SECTIONS:
        r = result[section]
        print(f"  {section:18} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}")
    print(f"  header accuracy   {result['header_accuracy']}")

    try:
        from pipeline.index import ingest
    except ImportError:
        return 0
    db = out / "index.db"
    summary = ingest([ROOT / "corpus"], db=db)
    print(f"\nindex {db}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
