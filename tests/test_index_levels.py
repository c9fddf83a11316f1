"""Administrative level from the issuer name (rules in pipeline/index/levels.json)."""
from __future__ import annotations

import pytest

from pipeline.index.levels import canonical_level, level_of


@pytest.mark.parametrize(("issuer", "level"), [
    ("Chính phủ", "Trung ương"),
    ("Thủ tướng Chính phủ", "Trung ương"),
    ("Bộ Chính trị", "Trung ương"),
    ("Bộ Lao động - Thương binh và Xã hội", "Trung ương"),   # 'Xã hội' is no commune
    ("Tổng Liên đoàn Lao động Việt Nam", "Trung ương"),
    ("Công đoàn Giáo dục Việt Nam", "Trung ương"),
    ("Ủy ban nhân dân tỉnh Đồng Tháp", "tỉnh"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk", "tỉnh"),  # 'Việt Nam' in a provincial name
    ("Ban Thường vụ Tỉnh ủy Cao Bằng", "tỉnh"),
    ("UBND TP Hà Nội", "tỉnh"),                                 # centrally-run city
    ("Sở Công Thương tỉnh Đắk Lắk", "tỉnh"),
    ("Liên đoàn Lao động huyện Dương Minh Châu", "huyện"),
    ("UBND thị xã Trảng Bàng", "huyện"),                        # thị xã is not a xã
    ("UBND thành phố Bà Rịa", "huyện"),                         # provincial city
    ("Ủy ban nhân dân phường Bến Nghé", "xã"),
    ("UBND xã Tân Hòa", "xã"),
    ("Công đoàn cơ sở Trường THCS Lê Lợi", "cơ sở"),
    ("Hợp tác xã Nông nghiệp An Phú", "cơ sở"),
    ("Cơ quan X", None),                                        # 'cơ quan' is no district
    (None, None),
])
def test_level_of_issuer(issuer, level):
    assert level_of(issuer) == level


@pytest.mark.parametrize(("number", "level"), [
    ("57-NQ/TW", "Trung ương"),
    ("10-CTr/TU", "tỉnh"),
    ("494/NQ-UBTVQH13", "Trung ương"),
    ("552/KH-UBND", None),   # UBND of any level
])
def test_level_from_number_when_no_issuer(number, level):
    assert level_of(None, number=number) == level


@pytest.mark.parametrize(("typed", "level"), [
    ("tinh", "tỉnh"), ("Tỉnh", "tỉnh"), ("TW", "Trung ương"), ("trung ương", "Trung ương"),
    ("co so", "cơ sở"), ("huyen", "huyện"), ("xa", "xã"), ("planet", None),
])
def test_canonical_level(typed, level):
    assert canonical_level(typed) == level
