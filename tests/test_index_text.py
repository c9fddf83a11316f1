"""Folding for the index: shadow texts, number tokens, query parsing, snippets."""
from __future__ import annotations

import pytest

from pipeline.index.text import fold_keep_offsets, index_text, number_token, parse_query, snippet


@pytest.mark.parametrize(("text", "expected"), [
    ("Đồng Tháp", "dong thap"),                         # đ→d, which SQLite never folds
    ("CÔNG ĐOÀN", "cong doan"),                        # upper case
    ("Quyết định", "quyet dinh"),
    ("Kế_hoạch", "ke hoach"),                          # word-segmented files: '_' separates words
    ("thuỷ lợi", "thuy loi"),                          # old tone placement folds the same
    ("Cu\u0301c", "cuc"),                               # NFD input
    ("Nghị quyết 57-NQ/TW", "nghi quyet 57_nq_tw"),    # Party number: one token
    ("số 106/KH-LĐLĐ", "so 106_kh_ldld"),             # state number with Đ in the symbol
    ("Nghị định 30/2020/NĐ-CP", "nghi dinh 30_2020_nd_cp"),  # legal number
    ("số 07 /KH-CDN", "so 07_kh_cdn"),                 # printed with a stray space
    ("giai đoạn 2019-2020, ngày 22/12/2024", "giai doan 2019 2020 ngay 22 12 2024"),  # not numbers
])
def test_index_text(text, expected):
    assert index_text(text) == expected


@pytest.mark.parametrize(("number", "token"), [
    ("57-NQ/TW", "57_nq_tw"),
    ("106/KH-LĐLĐ", "106_kh_ldld"),
    ("348/QĐ-CĐN", "348_qd_cdn"),
    ("10- CTr/TU", "10_ctr_tu"),
    (None, ""),
])
def test_number_token(number, token):
    assert number_token(number) == token


def test_number_token_equals_its_folded_text():
    # the number as indexed in a body and as typed in a query must be the same token
    assert index_text("57-NQ/TW") == number_token("57-NQ/TW")


def test_parse_query_plain():
    q = parse_query("dong thap")
    assert q.folded_terms == ["dong", "thap"] and q.accented_terms == [] and not q.phrases


def test_parse_query_accented_keeps_exact_words():
    q = parse_query("Đồng Tháp")
    assert q.folded_terms == ["dong", "thap"]
    assert q.accented_terms == ["đồng", "tháp"]


def test_parse_query_number_and_phrase():
    q = parse_query('57-NQ/TW "công đoàn cơ sở"')
    assert q.folded_terms == ["57_nq_tw"]
    assert q.phrases == [["cong", "doan", "co", "so"]]
    assert q.numbers == ["57-NQ/TW"]


def test_parse_query_fts_syntax_is_text():
    q = parse_query('NEAR(a b) OR c* : "')
    assert q.folded_terms == ["near", "a", "b", "or", "c"]


def test_fold_keep_offsets_same_length():
    text = "Ủy ban nhân dân tỉnh Đồng Tháp – ĐOÀN"
    folded = fold_keep_offsets(text)
    assert len(folded) == len(text)
    assert folded == "uy ban nhan dan tinh dong thap – doan"


def test_snippet_marks_matches_in_original_spelling():
    text = "Mở đầu. " * 40 + "Ủy ban nhân dân tỉnh Đồng Tháp thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị."
    out = snippet(text, ["dong", "thap", "57_nq_tw"])
    assert "[Đồng] [Tháp]" in out and "[57-NQ/TW]" in out
    assert out.startswith("…")


def test_snippet_without_match_is_the_start():
    assert snippet("Một hai ba", ["xyz"]) == "Một hai ba"
