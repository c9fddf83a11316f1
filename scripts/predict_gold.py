"""Write the extracted record of every gold-annotated document to a folder, for scoring.

usage: python scripts/predict_gold.py [OUT_DIR]   (default out/pred)

Gold of the seeds is in corpus/gold (documents in corpus/seeds); gold of the real
documents is in ../shared/gold (documents in ../shared/realdocs), used when present.
Then: python ../shared/tools/score_records.py <gold dir> OUT_DIR --per-doc
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pairs():
    """(gold file, document file) for every gold annotation available."""
    for gold in sorted((ROOT / "corpus" / "gold").glob("*.json")):
        doc = ROOT / "corpus" / "seeds" / f"{gold.stem}.txt"
        if doc.exists():
            yield gold, doc
    if (SHARED / "gold").is_dir():
        for gold in sorted((SHARED / "gold").glob("*.json")):
            for ext in (".md", ".txt"):
                doc = SHARED / "realdocs" / f"{gold.stem}{ext}"
                if doc.exists():
                    yield gold, doc
                    break


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from pipeline.extract import extract

    out = Path(argv[0]) if argv else ROOT / "out" / "pred"
    out.mkdir(parents=True, exist_ok=True)
    for gold, doc in pairs():
        record = extract(doc)
        (out / gold.name).write_text(json.dumps(record.contract(), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
