"""Worked examples of a guidance text set no target, time or duty."""
from __future__ import annotations

from pipeline.extract import milestones, responsibilities, targets
from pipeline.lang.examples import example_spans
from pipeline.nlp import analyse_text

TEXT = ("HƯỚNG DẪN\nVề công tác quy hoạch cán bộ\nII. NỘI DUNG\n"
        "1. Phấn đấu 100% cấp ủy hoàn thành quy hoạch.\n"
        "Ví dụ: Đảng bộ tỉnh A có 50 ủy viên; số lượng quy hoạch tối đa là 75 người.\n"
        "Ví dụ 2:\n- Đồng chí Nguyễn Văn X hoàn thành nhiệm vụ trước ngày 30/6/2026.\n"
        "2. Ban Tổ chức tỉnh ủy tổng hợp danh sách trước ngày 31/12/2026.\n")


def test_example_spans_cover_the_example_and_its_lines():
    spans = example_spans(TEXT)
    shown = [TEXT[a:b] for a, b in spans]
    assert shown == ["Ví dụ: Đảng bộ tỉnh A có 50 ủy viên; số lượng quy hoạch tối đa là 75 người.",
                     "Ví dụ 2:\n- Đồng chí Nguyễn Văn X hoàn thành nhiệm vụ trước ngày 30/6/2026."]


def test_no_record_comes_from_an_example():
    doc = analyse_text(TEXT, segment=False)
    assert [t.value for t in targets.extract(doc)] == [100]
    assert [m.end for m in milestones.extract(doc)] == ["2026-12-31"]
    assert [r.actor for r in responsibilities.extract(doc)] == ["Ban Tổ chức tỉnh ủy"]
