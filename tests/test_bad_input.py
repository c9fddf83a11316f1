"""Bad input: each case raises ReadError with the right code, and the CLI says so in one line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import ReadError
from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]
PDF = sorted((ROOT / "corpus" / "pdf").glob("*.pdf"))[0]
VANBAN = Path(sys.executable).parent / "vanban"


def _encrypted_pdf() -> bytes:
    """A minimal PDF under the standard security handler whose user password is not empty."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
               b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<" + "ab" * 16 + "> <"
            + "ab" * 16 + ">] >>\nstartxref\n" + str(xref) + "\n%%EOF\n").encode()
    return bytes(out)


CASES = [
    # (file name, content, expected code)
    ("empty.pdf", b"", "empty"),
    ("random.pdf", bytes(range(256)) * 40, "corrupt"),
    ("random.docx", bytes(range(256)) * 40, "corrupt"),
    ("truncated.pdf", PDF.read_bytes()[: PDF.stat().st_size // 2], "corrupt"),
    ("locked.pdf", _encrypted_pdf(), "encrypted"),
    ("sheet.xlsx", b"PK\x03\x04" + b"\x00" * 100, "unsupported"),
    ("text.pdf", "Đây là một văn bản thuần, không phải PDF.\n".encode() * 5, "corrupt"),
]


@pytest.mark.parametrize(("name", "content", "code"), CASES, ids=[c[0] for c in CASES])
def test_read_error_codes(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == code, str(err.value)


def test_oversize(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (2 * 1024 * 1024))
    with pytest.raises(ReadError) as err:
        read(path, max_bytes=1024 * 1024)
    assert err.value.code == "too_large"


@pytest.mark.skipif(not VANBAN.exists(), reason="the vanban script is not installed in this environment")
@pytest.mark.parametrize(("name", "content", "code"), CASES, ids=[c[0] for c in CASES])
def test_cli_one_line(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    result = subprocess.run([str(VANBAN), "extract", str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and "Traceback" not in result.stderr
