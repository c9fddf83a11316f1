"""Units of the cross-check: applicability table, matchers, findings, status, resolver, reports, scoring."""
from __future__ import annotations

import json

import pytest

from pipeline.crosscheck import FuzzMatcher, TfidfMatcher, check
from pipeline.crosscheck.applicability import applies, issuer_tier, named_places
from pipeline.crosscheck.evaluate import score_pair
from pipeline.crosscheck.findings import (
    deadline_findings,
    falls_short,
    find_all,
    names_level,
    target_findings,
)
from pipeline.crosscheck.items import Unit
from pipeline.crosscheck.report import to_html, to_markdown, write_report
from pipeline.crosscheck.resolve import RecordStore, resolve_superiors
from pipeline.crosscheck.status import Measures, decide
from schemas.crosscheck import STATUSES, CheckReport
from schemas.records import DirectiveRecord, Header, Milestone, Reference, Responsibility, Target


def _check_texts(superior_text: str, lower_text: str) -> CheckReport:
    """The report of a lower text against a superior text, both read and extracted from strings."""
    from pipeline.extract import extract_document
    from pipeline.readers.text import read_string

    sup_doc, low_doc = read_string(superior_text), read_string(lower_text)
    return check(extract_document(low_doc, segment=False), extract_document(sup_doc, segment=False),
                 lower_doc=low_doc, superior_doc=sup_doc, segment=False)


def _item(report: CheckReport, words: str):
    """The first item of a report whose superior text holds ``words``."""
    return next(i for i in report.items if words in i.superior.text)


PROVINCE = "Ủy ban nhân dân tỉnh Đắk Lắk"
DISTRICT_UNION = "Liên đoàn Lao động huyện Dương Minh Châu"
GOVERNMENT = "Thủ tướng Chính phủ"


@pytest.mark.parametrize("actor, lower, expected", [
    (None, PROVINCE, True),                                                   # no actor: every recipient
    ("Bộ Quốc phòng, Bộ Công an", PROVINCE, False),                           # ministries, not a province
    ("Các Bộ: Quốc phòng, Tài chính", PROVINCE, False),                       # "Các Bộ:" list
    ("Bộ Y tế", PROVINCE, False),
    ("Ban Tuyên giáo Trung ương", PROVINCE, False),                           # central Party body
    ("Thủ tướng Chính phủ", PROVINCE, False),                                 # the superior issuer itself
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", PROVINCE, True),  # every province
    ("Ủy ban nhân dân các cấp", PROVINCE, True),
    ("các địa phương", PROVINCE, True),
    ("các Bộ, ngành, địa phương", PROVINCE, True),                            # includes localities
    ("Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai", PROVINCE, True),  # named, among them
    ("Chủ tịch UBND tỉnh Gia Lai", PROVINCE, False),                          # named, another province
    ("Bí thư tỉnh ủy và Chủ tịch UBND các tỉnh: Gia Lai, Đắk Lắk và lãnh đạo các Bộ, ngành", PROVINCE, True),
    ("Bộ Chỉ huy Quân sự tỉnh", PROVINCE, True),                              # a provincial unit, not a ministry
    ("UBND các xã, phường", PROVINCE, True),                                  # below the province
    ("Công đoàn cấp trên trực tiếp cơ sở", DISTRICT_UNION, True),             # the district union's level
    ("Ban Tuyên giáo Liên đoàn Lao động tỉnh", DISTRICT_UNION, False),        # above the district
    ("các cơ quan, đơn vị", DISTRICT_UNION, True),                            # everyone
    ("Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam", PROVINCE, False),       # national bodies, not a commune
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Bộ Xây dựng", False),  # a ministry: not the provinces
    ("Ủy ban nhân dân cấp xã", "Bộ Tài chính", False),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Thủ tướng Chính phủ", True),  # the head of the Government
    ("Các bộ, ngành, địa phương", "Bộ Xây dựng", True),                        # the ministries among them
    ("các địa phương", "Bộ Xây dựng", False),                                  # every locality: not a ministry's
    ("các địa phương", "Thủ tướng Chính phủ", True),
    ("Liên minh Hợp tác xã Việt Nam", "Thủ tướng Chính phủ", False),            # a national organisation, not the Government
])
def test_applicability_table(actor, lower, expected):
    assert applies(actor, lower_issuer=lower, superior_issuer=GOVERNMENT).applies is expected


@pytest.mark.parametrize("actor, lower, text, expected", [
    ("Đảng đoàn Quốc hội", "Chính phủ", "", False),                            # another central body
    ("Ban cán sự đảng Chính phủ", "Chính phủ", "", True),                     # the Government's own
    ("Các bộ, cơ quan ngang bộ", "Chính phủ", "", True),                      # its ministries
    ("Ban Tổ chức Trung ương", "Chính phủ", "chủ trì, phối hợp với Bộ Nội vụ đánh giá", False),  # a ministry only as partner
    ("Ban Tuyên giáo Trung ương", "Chính phủ", "hướng dẫn việc quán triệt", False),
    ("Bộ Y tế", "Bộ Khoa học và Công nghệ", "", False),                       # another ministry
    ("các bộ, ngành", "Bộ Khoa học và Công nghệ", "", True),
    ("Bộ Khoa học và Công nghệ, Bộ Tài chính", "Bộ Khoa học và Công nghệ", "", True),
    ("Bộ Kế hoạch và Đầu tư", "Bộ Xây dựng", "Chủ trì, phối hợp với Bộ Tài chính, Bộ Xây dựng cân đối vốn", False),  # partner only
    ("Bộ Kế hoạch và Đầu tư", "Bộ Xây dựng", "Gửi kế hoạch về Bộ Xây dựng để tổng hợp", False),  # only the recipient
    ("Ủy ban nhân dân cấp tỉnh", "Bộ Tài chính", "Quyết toán vốn hỗ trợ theo hướng dẫn của Bộ Tài chính", True),  # it guides
])
def test_a_central_lower_stands_for_its_own_body(actor, lower, text, expected):
    assert applies(actor, lower_issuer=lower, text=text).applies is expected


@pytest.mark.parametrize("actor, expected", [
    ("Ban Tuyên giáo Trung ương", False),             # a body of known level: not the university
    ("Ủy ban nhân dân các tỉnh", False),
    ("các cơ quan, đơn vị", True),                    # everyone
    ("Hội đồng trường Đại học Sông Lam", True),       # names the lower itself
])
def test_a_lower_of_no_administrative_level_stands_only_for_itself(actor, expected):
    assert applies(actor, lower_issuer="Trường Đại học Sông Lam").applies is expected


def test_only_the_government_and_ministries_act_for_the_country():
    from pipeline.crosscheck.applicability import governs_country
    assert governs_country("Thủ tướng Chính phủ") and governs_country("Bộ Y tế")
    assert not governs_country("Ủy ban nhân dân tỉnh Yên Phong") and not governs_country("Đại học Quốc gia Hà Nội")


@pytest.mark.parametrize("actor, names", [
    ("Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Đắk Lắk, Gia Lai", ["Khánh Hòa", "Đắk Lắk", "Gia Lai"]),
    ("Ủy ban nhân dân tỉnh Đắk Lắk", ["Đắk Lắk"]),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", []),
    ("Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam", []),                   # a news agency, no commune
    ("UBND các xã, phường", []),
])
def test_named_places(actor, names):
    assert named_places(actor) == names


@pytest.mark.parametrize("issuer, tier", [
    (PROVINCE, 1), ("Bộ Y tế", 0), ("Ủy ban nhân dân huyện Dương Minh Châu", 2), ("UBND xã Ea Kao", 3)])
def test_issuer_tier(issuer, tier):
    assert issuer_tier(issuer) == tier


@pytest.mark.parametrize("matcher", [TfidfMatcher(segment=False), FuzzMatcher()])
def test_matcher_finds_the_perturbed_sentence(matcher):
    # the right lower sentence ranks first despite folding, word order and extra words
    query = "Cung ứng, tiếp tế kịp thời lương thực, thực phẩm cho người dân"
    candidates = ["Tổ chức bếp ăn cộng đồng tại các điểm sơ tán",
                  "cung ung kip thoi luong thuc va thuc pham cho nguoi dan vung lu",
                  "Khen thưởng các tập thể có thành tích"]
    sims = matcher.similarity([query], candidates)
    assert sims.shape == (1, 3)
    assert int(sims[0].argmax()) == 1
    assert 0.0 <= sims.min() and sims.max() <= 1.0 + 1e-9


def test_matcher_empty_sides():
    assert TfidfMatcher(segment=False).similarity([], ["a"]).shape == (0, 1)


def test_target_below_superior_quotes_both_sides():
    sup = Unit(kind="target", text="100% hộ dân được hỗ trợ", value=100, unit="%", comparator=">=")
    low = Unit(kind="target", text="80% hộ dân được hỗ trợ", value=80, unit="%")
    found = target_findings(sup, [(low, 0.8)])
    assert [f.code for f in found] == ["target_below_superior"]
    assert "100" in found[0].message and "80" in found[0].message
    assert target_findings(sup, [(Unit(kind="target", text="100% hộ", value=100, unit="%"), 0.8)]) == []


def test_a_weaker_rate_of_another_case_is_no_conflict_when_the_lower_sets_the_superiors_rate():
    sup = Unit(kind="target", text="địa phương nhận bổ sung trên 70% thì ngân sách trung ương hỗ trợ 100%",
               value=100, unit="%")
    meets = Unit(kind="text", text="Ngân sách trung ương hỗ trợ 100% đối với địa phương nhận bổ sung trên 70%")
    other = Unit(kind="text", text="Ngân sách trung ương hỗ trợ 95% đối với địa phương nhận bổ sung từ 50% - 70%")
    assert target_findings(sup, [(meets, 0.7), (other, 0.6)]) == []
    assert [f.code for f in target_findings(sup, [(other, 0.6)])] == ["target_below_superior"]


def test_a_target_set_for_another_date_is_a_step_not_a_conflict():
    sup = Unit(kind="target", text="Tỷ lệ hộ dùng nước sạch đạt tối thiểu 90%", value=90, unit="%", comparator=">=",
               deadline="2030-12-31")
    later_higher = Unit(kind="target", text="Tỷ lệ hộ dùng nước sạch đạt 95%", value=95, unit="%",
                        deadline="2035-12-31")
    earlier_lower = Unit(kind="target", text="Tỷ lệ hộ dùng nước sạch đạt 80%", value=80, unit="%",
                         deadline="2027-12-31")
    later_same = Unit(kind="target", text="Tỷ lệ hộ dùng nước sạch đạt 90%", value=90, unit="%",
                      deadline="2032-12-31")
    on_time = Unit(kind="target", text="Tỷ lệ hộ dùng nước sạch đạt 92%", value=92, unit="%", deadline="2030-12-31")
    assert find_all(sup, [(later_higher, 0.8)], lower_tier=1) == []     # a further milestone
    assert find_all(sup, [(earlier_lower, 0.8)], lower_tier=1) == []    # a step on the way
    assert [f.code for f in find_all(sup, [(later_same, 0.8)], lower_tier=1)] == ["deadline_after_superior"]
    assert falls_short(sup, [(later_higher, 0.8)]) and falls_short(sup, [(earlier_lower, 0.8)])
    assert not falls_short(sup, [(on_time, 0.8)])



def test_same_indicator_ignores_the_values_and_the_level_words():
    from pipeline.crosscheck.findings import same_indicator
    assert same_indicator("Quy mô kinh tế số đạt tối thiểu 30% GDP", "Kinh tế số chiếm 45% GRDP tỉnh")
    assert not same_indicator("Tỷ lệ hộ nghèo giảm còn dưới 2%", "Tỷ lệ trẻ em đi học đạt trên 98%")


def test_a_target_is_covered_only_by_a_level_of_its_own_indicator():
    sup = Unit(kind="target", text="Tỷ lệ giao dịch không dùng tiền mặt đạt 80%", value=80, unit="%")
    other_unit = Unit(kind="target", text="Giá trị giao dịch không dùng tiền mặt gấp 30 lần GRDP", value=30,
                      unit="lần")
    other_indicator = Unit(kind="target", text="Tỷ lệ doanh nghiệp dùng hóa đơn điện tử đạt 90%", value=90, unit="%")
    same = Unit(kind="target", text="Tỷ lệ giao dịch không dùng tiền mặt đạt 85%", value=85, unit="%")
    assert not names_level(sup, [(other_unit, 0.5), (other_indicator, 0.4)])
    assert names_level(sup, [(same, 0.6)])


def test_deadline_after_superior_and_report_code():
    sup = Unit(kind="task", text="báo cáo kết quả trước ngày 30/6/2025", deadline="2025-06-30")
    low = Unit(kind="task", text="báo cáo kết quả trước ngày 15/7/2025", deadline="2025-07-15")
    assert [f.code for f in deadline_findings(sup, [(low, 0.7)])] == ["report_deadline_after_superior"]
    early = Unit(kind="task", text="báo cáo trước ngày 20/6/2025", deadline="2025-06-20")
    assert deadline_findings(sup, [(early, 0.7)]) == []


@pytest.mark.parametrize("measures, conflict, status", [
    (Measures(0.4, 0.4, 0.7, 0.9, [], False, False), False, "covered"),
    (Measures(0.4, 0.4, 0.7, 0.9, [], True, False), False, "partial"),      # number demanded, none given
    (Measures(0.4, 0.4, 0.7, 0.9, [0.8, 0.1], False, False), False, "partial"),  # one demand not taken up
    (Measures(0.3, 0.3, 0.3, 0.6, [], False, False), False, "partial"),
    (Measures(0.3, 0.3, 0.3, 0.2, [], False, False), False, "missing"),     # topic absent from the plan
    (Measures(0.1, 0.1, 0.1, 0.4, [], False, False), False, "missing"),     # nothing close, thin topic
    (Measures(0.4, 0.4, 0.7, 0.9, [], False, False), True, "conflict"),
    (Measures(0.4, 0.4, 0.7, 0.9, [], False, False, undated=True), False, "partial"),  # the date not taken up
    (Measures(0.23, 0.24, 0.3, 0.8, [], False, False), False, "missing"),  # shared topic words, thin evidence
    (Measures(0.23, 0.24, 0.5, 0.8, [], False, False), False, "partial"),  # ... but half its content found
    (Measures(0.3, 0.3, 0.45, 0.8, [], False, False, claim_rank=4), False, "missing"),  # its texts do other work
    (Measures(0.36, 0.3, 0.45, 0.8, [], False, False, claim_rank=4), False, "partial"),  # ... but one is close
    (Measures(0.2, 0.2, 0.1, 0.2, [], False, False, catch_all=True), False, "partial"),  # a general demand
    (Measures(0.1, 0.1, 0.1, 0.2, [], False, False, catch_all=True), False, "missing"),  # ... nothing near it
])
def test_decide(measures, conflict, status):
    assert decide(measures, conflict=conflict)[0] == status


def _pair():
    superior = DirectiveRecord(
        header=Header(doc_type="Chỉ thị", number="12/CT-TTg", issuer=GOVERNMENT, date="2025-03-01"),
        responsibilities=[
            Responsibility(actor="Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                           tasks=["Rà soát, thống kê đầy đủ số hộ nghèo có nhà ở hư hỏng nặng, hoàn thành "
                                  "trước ngày 30/6/2025.",
                                  "Tổ chức tiêm chủng vắc xin phòng bệnh dại cho đàn chó nuôi trong khu dân cư."]),
            Responsibility(actor="Bộ Tài chính", tasks=["Bố trí kinh phí hỗ trợ các địa phương."]),
        ],
        targets=[Target(text="Phấn đấu 100% hộ nghèo được hỗ trợ nhà ở", value=100, unit="%", comparator=">=")],
    )
    lower = DirectiveRecord(
        header=Header(doc_type="Kế hoạch", number="45/KH-UBND", issuer="Ủy ban nhân dân tỉnh Lai Châu",
                      date="2025-03-10"),
        references=[Reference(doc_type="Chỉ thị", number="12/CT-TTg", date="2025-03-01", relation="implements")],
        responsibilities=[Responsibility(actor="Sở Xây dựng", tasks=[
            "Rà soát, thống kê đầy đủ số hộ nghèo có nhà ở hư hỏng nặng, hoàn thành trước ngày 31/7/2025."])],
        targets=[Target(text="Phấn đấu 80% hộ nghèo được hỗ trợ nhà ở", value=80, unit="%", comparator=">=")],
        milestones=[Milestone(text="Năm 2025", kind="period", activities=["Hỗ trợ xây mới nhà ở cho hộ nghèo"])],
    )
    return lower, superior


def test_check_on_a_synthetic_pair():
    lower, superior = _pair()
    report = check(lower, superior, segment=False)
    def by_text(head):
        return next(i for i in report.items if i.superior.text.startswith(head))

    assert report.link.relation == "implements"
    assert by_text("Bố trí kinh phí hỗ tr").status == "not_applicable"
    late = by_text("Rà soát, thống kê đầ")
    assert late.status == "conflict" and late.findings[0].code == "deadline_after_superior"
    assert late.matches and late.matches[0].text.startswith("Rà soát")
    assert by_text("Phấn đấu 100% hộ ngh").status == "conflict"
    assert by_text("Phấn đấu 100% hộ ngh").findings[0].code == "target_below_superior"
    assert by_text("Tổ chức tiêm chủng v").status == "missing"
    assert by_text("Tổ chức tiêm chủng v").matches == []
    s = report.summary
    assert (s.conflict, s.missing, s.not_applicable) == (2, 1, 1)
    assert s.coverage == 0.0


def test_a_paragraph_of_several_demands_is_judged_demand_by_demand(tmp_path):
    lower, superior = _pair()
    superior.responsibilities[0].tasks.append(
        "Tổ chức tiêm phòng bệnh lở mồm long móng cho đàn gia súc. Xây dựng nhà văn hóa cho các thôn bản vùng cao.")
    lower.responsibilities[0].tasks.append("Tổ chức tiêm phòng bệnh lở mồm long móng cho đàn gia súc trên địa bàn.")
    report = check(lower, superior, segment=False)
    whole = next(k for k, i in enumerate(report.items) if i.superior.text.startswith("Tổ chức tiêm phòng"))
    parts = [i for i in report.items if i.part_of == whole]
    assert [p.superior.text[:20] for p in parts] == ["Tổ chức tiêm phòng b", "Xây dựng nhà văn hóa"]
    assert [p.status for p in parts] == ["covered", "missing"]
    assert parts[0].superior.actor == report.items[whole].superior.actor
    assert report.items[whole].status == "partial"
    assert sum(report.summary.model_dump()[s] for s in STATUSES) == sum(i.part_of is None for i in report.items)
    md = to_markdown(report)
    assert "*Demand by demand*" in md and "Xây dựng nhà văn hóa" in md
    assert write_report(report, tmp_path / "r.docx").stat().st_size > 0


@pytest.mark.parametrize("text, source, parts", [
    ("Phát triển hạ tầng số. Hình thành các trung tâm dữ liệu vùng trên cả nước.", "record", 2),
    ("Huy động lực lượng cứu hộ cứu nạn; kịp thời báo cáo Thủ tướng Chính phủ về tình hình", "record", 0),
    ("Có cơ chế thí điểm cho doanh nghiệp thử nghiệm; có chính sách miễn trừ trách nhiệm khi thử nghiệm", "text", 2),
    ("Phát triển hạ tầng số. Sớm hoàn thành.", "text", 0),   # a part too short to be a demand
])
def test_parts_of_a_task(text, source, parts):
    from pipeline.crosscheck.items import _parts
    assert len(_parts(Unit(kind="task", text=text, source=source))) == parts


def test_every_taken_up_item_quotes_evidence():
    lower, superior = _pair()
    for item in check(lower, superior, segment=False).items:
        if item.status in ("covered", "partial", "conflict"):
            assert item.matches and all(m.text for m in item.matches)


def test_resolver_names_unresolved_citations(tmp_path):
    lower, superior = _pair()
    lower.references.append(Reference(doc_type="Quyết định", number="99/QĐ-TTg", relation="based_on"))
    (tmp_path / "sup.json").write_text(json.dumps(superior.contract()), encoding="utf-8")
    store = RecordStore.load(tmp_path)
    found = resolve_superiors(lower, store)
    assert [r.record is not None for r in found] == [True, False]
    assert "99/QĐ-TTg" in found[1].message
    assert store("12/CT-TTg", "2024-01-01") is None  # same number, another date: another document


def test_reports_in_three_formats(tmp_path):
    lower, superior = _pair()
    report = check(lower, superior, segment=False)
    md = to_markdown(report)
    assert md.index("## Summary") < md.index("## Items to act on")
    assert "target_below_superior" in md
    assert "data:image/png;base64," in to_html(report)
    for suffix in (".md", ".html", ".docx"):
        out = write_report(report, tmp_path / f"r{suffix}")
        assert out.stat().st_size > 0
    assert (tmp_path / "r_coverage.png").read_bytes()[:4] == b"\x89PNG"


def test_report_contract_shape():
    data = check(*_pair(), segment=False).contract()
    assert set(data) >= {"lower", "superior", "link", "items", "summary"}
    assert set(data["summary"]) >= {"covered", "partial", "conflict", "missing", "not_applicable", "coverage"}
    item = data["items"][0]
    assert set(item) >= {"kind", "superior", "status", "matches", "findings"}
    assert set(item["superior"]) >= {"text", "actor", "deadline", "value", "unit"}
    CheckReport.model_validate(data)


def test_score_pair_counts_like_the_spec():
    gold = {"items": [{"superior": {"text": "a b c d"}, "status": "missing"},
                      {"superior": {"text": "e f g h"}, "status": "covered"},
                      {"superior": {"text": "x y z w"}, "status": "partial", "optional": True}]}
    pred = {"items": [{"superior": {"text": "a b c d"}, "status": "missing"},
                      {"superior": {"text": "e f g h"}, "status": "partial"},
                      {"superior": {"text": "x y z w"}, "status": "missing"}],
            "summary": {"coverage": 0.25}}
    result = score_pair(gold, pred)
    assert result["status_accuracy"] == 0.5
    assert result["missing"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}  # the optional one does not count
    assert result["coverage_gold"] == 0.5 and result["coverage_error"] == 0.25


def _superior_units(text: str):
    from pipeline.crosscheck.items import superior_items
    from pipeline.extract import extract_document
    from pipeline.nlp import analyse
    from pipeline.readers import read_string

    document = read_string(text)
    record = extract_document(document, segment=False)
    return superior_items(record, document=analyse(document, segment=False)._.document)  # with its outline


RESOLUTION = ("BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 9-NQ/TW\nHà Nội, ngày 2 tháng 3 năm 2024\nNGHỊ QUYẾT\nvề phát triển kinh tế số\n"
              "Đất nước ta cần quyết sách mạnh mẽ để thực hiện thắng lợi mục tiêu đến năm 2030, trở thành nước "
              "có thu nhập trung bình cao.\n"
              "I- MỤC TIÊU\n1. Đến năm 2030\n- Việt Nam có quy mô kinh tế số đạt tối thiểu 50% GDP; là một trong các "
              "trung tâm công nghiệp công nghệ số của khu vực.\n"
              "II- NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng số\n- Các địa phương đầu tư hạ tầng số đồng bộ, hiện đại "
              "cho người dân.\n- Nghị quyết này phổ biến đến chi bộ.\n")


def test_superior_items_of_a_resolution():
    units = _superior_units(RESOLUTION)
    texts = [(u.kind, u.text) for u in units]
    # the preamble states the nation's goals: no item
    assert not any(t.startswith("Đất nước ta") for _, t in texts)
    # a target stops at the clause of its value; the next clause of the goal is an item of its own
    assert ("target", "Việt Nam có quy mô kinh tế số đạt tối thiểu 50% GDP") in texts
    assert ("milestone", "là một trong các trung tâm công nghiệp công nghệ số của khu vực") in texts
    # the paragraphs of the task section are demands
    assert any(k == "task" and t.startswith("Các địa phương đầu tư hạ tầng số") for k, t in texts)
    # a short finished sentence is a demand too, a short label is not
    assert ("task", "Nghị quyết này phổ biến đến chi bộ.") in texts


def test_appendix_title_ends_a_lone_pipe_table():
    from pipeline.readers import read_string
    text = ("KẾ HOẠCH\n|\nKT. THỦ TƯỚNG\n|\n**PHỤ LỤC I**\nBẢNG PHÂN CÔNG NHIỆM VỤ\n|\n**STT**\n|\n**Cơ quan chủ trì**\n"
            "|\n|\n1\n|\nBộ Xây dựng\n|\n")
    cells = [(b.table, b.row, b.col, b.text) for b in read_string(text).blocks if b.kind == "table_cell"]
    assert cells == [(0, 0, 0, "KT. THỦ TƯỚNG"), (1, 0, 0, "STT"), (1, 0, 1, "Cơ quan chủ trì"),
                     (1, 1, 0, "1"), (1, 1, 1, "Bộ Xây dựng")]
    # an empty bold run of the export ("** **") between the signature cell and the title changes nothing
    spaced = text.replace("|\n**PHỤ LỤC I**", "|\n** **\n**PHỤ LỤC I**")
    assert [(b.table, b.row, b.col, b.text) for b in read_string(spaced).blocks if b.kind == "table_cell"] == cells


@pytest.mark.parametrize("actor, lower, expected", [
    ("Bộ Nông nghiệp và Môi trường", "Hội đồng nhân dân thành phố Hà Nội", False),  # a ministry, for a city
    ("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh", "Hội đồng nhân dân thành phố Hà Nội", True),
    ("UBND thành phố Hải Phòng", "Hội đồng nhân dân thành phố Hà Nội", False),
])
def test_centrally_run_cities_are_provinces(actor, lower, expected):
    assert applies(actor, lower_issuer=lower, superior_issuer=GOVERNMENT).applies is expected


def test_a_body_demand_takes_the_actor_its_assignment_row_gives():
    from pipeline.crosscheck.items import _assigned
    body = Unit(kind="task", text="Hoàn thiện Nghị định về xử lý vi phạm hành chính trong lĩnh vực bảo vệ môi trường, "
                                  "trong đó xác định rõ mức xử phạt")
    row = Unit(kind="task", text="- Hoàn thiện Nghị định về xử lý vi phạm hành chính trong lĩnh vực bảo vệ môi trường.",
               actor="Bộ Nông nghiệp và Môi trường")
    other = Unit(kind="task", text="Tuyên truyền nâng cao nhận thức của người dân về chất lượng không khí")
    _assigned([body, row, other])
    assert body.actor == "Bộ Nông nghiệp và Môi trường"
    assert other.actor is None


def test_an_item_keeps_the_actor_it_names_and_a_clause_its_task_s_actor():
    from pipeline.crosscheck.items import _assigned
    task = Unit(kind="task", text="Rà soát các cơ sở gây ô nhiễm, hoàn thành di dời trước năm 2030", actor="UBND các tỉnh")
    broad = Unit(kind="task", text="Rà soát các cơ sở gây ô nhiễm trên địa bàn và báo cáo", actor="Bộ Công Thương")
    clause = Unit(kind="milestone", text="hoàn thành di dời trước năm 2030")
    named = Unit(kind="task", text="Bộ Y tế chủ trì các chương trình nghiên cứu về tác động của bụi mịn đến sức khỏe.")
    topic = Unit(kind="task", text="Tuyên truyền cho người dân về tác hại của bụi từ các cơ sở sản xuất")
    _assigned([task, broad, clause, named, topic])
    assert clause.actor == "UBND các tỉnh"          # held whole by one task: that task's actor alone
    assert named.actor == "Bộ Y tế"                 # the text names its actor
    assert topic.actor is None                      # shared words, no restated demand


@pytest.mark.parametrize("text, central", [
    ("Hoàn thiện Luật Khoa học và công nghệ, sửa đổi các nghị định liên quan", True),   # making law
    ("Việt Nam thuộc nhóm 3 nước dẫn đầu Đông Nam Á về trí tuệ nhân tạo", True),       # a ranking of the country
    ("Có ít nhất 3 trường đại học được xếp hạng trong khu vực", True),               # an international ranking
    ("Tối thiểu có 4 tập đoàn công nghiệp ngang tầm các nước phát triển", True),        # a count set for the country
    ("Thu hút ít nhất 2 trung tâm dữ liệu quy mô lớn đặt tại Việt Nam", True),
    ("Hạ tầng số hiện đại, ngang tầm các nước tiên tiến", False),                      # a province can build it
    ("Có ít nhất 20 mô hình chuyển đổi số tiêu biểu", False),                          # a count a province sets
    ("Có chính sách thu hút doanh nghiệp khởi nghiệp tại Việt Nam; hỗ trợ vườn ươm", False),  # no count
    ("Có cơ chế hỗ trợ trung tâm dữ liệu; thu hút 5 trung tâm dữ liệu đặt tại Việt Nam", False),  # a later demand
    ("Thành lập Ban Chỉ đạo Trung ương về phát triển khoa học, do đồng chí Tổng Bí thư làm Trưởng Ban", True),
    ("Thành lập tổ công tác của tỉnh để theo dõi tiến độ", False),
    ("Đầu tư hạ tầng số đồng bộ, hiện đại cho người dân", False),
    ("Hình thành ngành công nghiệp vật liệu mới của Việt Nam.", True),              # what belongs to the country
    ("Góp phần đưa Việt Nam trở thành nước phát triển, thu nhập cao", True),
    ("Việt Nam có quy mô thương mại điện tử đạt 40% GDP", False),                  # a share a province sets too
    ("Ban hành cơ chế đặc thù thu hút chuyên gia nước ngoài", True),                # a special regime: law
    ("Ban hành cơ chế hỗ trợ doanh nghiệp khởi nghiệp của tỉnh", False),
    ("Hiện đại hóa vũ khí, trang bị của lực lượng vũ trang", True),
    ("Rà soát, sửa đổi quy định về thuế giá trị gia tăng đối với thiết bị nông nghiệp", True),   # taxes: the State
    ("Rà soát, sửa đổi quy định về quản lý chợ trên địa bàn", False),
    ("Có cơ chế thí điểm để doanh nghiệp thử nghiệm mô hình kinh doanh mới", True),  # a sandbox: law
    ("Có chính sách miễn trừ trách nhiệm cho cán bộ dám nghĩ, dám làm", True),
    ("Xác lập quyền sở hữu đối với dữ liệu cá nhân", True),
    ("Thúc đẩy chuyển giao công nghệ trong các điều ước quốc tế mà nước ta tham gia", True),
    ("Có cơ chế hợp tác công tư để đầu tư hạ tầng số", False),                      # a province can have one
    ("Hình thành hạ tầng lưu trữ đạt tiêu chuẩn quốc tế", False),
    ("Đầu tư, nâng cấp Viện Hàn lâm Khoa học nông nghiệp", True),
    ("Hoàn thiện hành lang pháp lý cho ứng dụng trí tuệ nhân tạo", True),          # a legal framework: law
    ("Tăng cường giám sát ở quy mô quốc gia trên không gian mạng", True),
    ("Phát triển các phòng thí nghiệm trọng điểm quốc gia về vật liệu", True),
    ("Trở thành trung tâm công nghiệp bán dẫn của khu vực và thế giới", True),
    ("Hỗ trợ doanh nghiệp công nghệ đầu tư ra nước ngoài", True),
    ("Xây dựng thế trận lòng dân trên không gian mạng", True),
    ("Trở thành trung tâm logistics của vùng Đồng bằng sông Cửu Long", False),
    ("Xây dựng, ban hành quy định về cơ chế tài chính cho nhiệm vụ nghiên cứu", True),  # rules, unassigned
    ("Xây dựng chính sách khuyến khích đầu tư vào công nghiệp bán dẫn", True),
    ("Rà soát, sửa đổi quy định về chế độ học bổng cho sinh viên", True),
    ("Xây dựng cơ chế phối hợp của tỉnh trong quản lý cụm công nghiệp", False),       # a local scope
    ("Xây dựng kế hoạch chuyển đổi số năm 2026", False),                            # a plan, not a rule
])
def test_demands_only_the_centre_can_meet(text, central):
    from pipeline.crosscheck.applicability import central_only
    assert (central_only(text) is not None) is central


@pytest.mark.parametrize("text, place, other", [
    ("Thành phố Hồ Chí Minh có tối thiểu 500 công trình xanh.", "Hà Nội", True),
    ("Đối với Hà Nội và Thành phố Hồ Chí Minh, đến năm 2030, 100% xe buýt dùng năng lượng sạch", "Hà Nội", False),
    ("Tỷ lệ số ngày có chất lượng không khí tốt đạt trên 80%", "Hà Nội", False),
])
def test_an_unattributed_demand_set_for_other_places(text, place, other):
    from pipeline.crosscheck.applicability import elsewhere
    assert (elsewhere(text, place) is not None) is other


@pytest.mark.parametrize("cell, due", [
    ("Quý III/2026", "2026-09-30"), ("Trước ngày 01/3/2027", "2027-03-01"), ("Giai đoạn 2026 - 2030", "2030-12-31"),
    ("2025-12-31", "2025-12-31"), ("Thường xuyên", None), (None, None)])
def test_due_date_of_a_deadline_column(cell, due):
    from pipeline.crosscheck.text import due_date
    assert due_date(cell) == due


@pytest.mark.parametrize("clause, parts", [
    ("Tỉnh thuộc nhóm 5 địa phương dẫn đầu cả nước, nhóm 10 địa phương đứng đầu về chỉ số cải cách hành chính",
     ["Tỉnh thuộc nhóm 5 địa phương dẫn đầu cả nước", "nhóm 10 địa phương đứng đầu về chỉ số cải cách hành chính"]),
    ("Hạ tầng số hiện đại, an toàn, phủ sóng 5G toàn tỉnh",                    # one number: one goal
     ["Hạ tầng số hiện đại, an toàn, phủ sóng 5G toàn tỉnh"]),
    ("Hoàn thành trước ngày 30/6/2026, bảo đảm 100% hồ sơ được số hóa",        # a date is no goal of its own
     ["Hoàn thành trước ngày 30/6/2026, bảo đảm 100% hồ sơ được số hóa"]),
])
def test_goal_clauses_split_between_numbered_goals(clause, parts):
    from pipeline.crosscheck.items import _valued_parts
    assert _valued_parts(clause) == parts


@pytest.mark.parametrize("text, lower, internal", [
    ("Nghị quyết này phổ biến đến chi bộ.", "Ủy ban nhân dân tỉnh Hòa Bình", True),   # a State plan
    ("Nghị quyết này phổ biến đến chi bộ.", "Ban Thường vụ Tỉnh ủy Hòa Bình", False),  # a Party plan carries it
    ("Tổ chức phổ biến nghị quyết đến cán bộ, công chức.", "Ủy ban nhân dân tỉnh Hòa Bình", False),
    ("Bố trí hợp lý cán bộ có chuyên môn kỹ thuật trong cấp ủy các cấp.", "Ủy ban nhân dân tỉnh Hòa Bình", True),
])
def test_party_internal_demands(text, lower, internal):
    from pipeline.crosscheck.applicability import party_internal
    assert (party_internal(text, lower) is not None) is internal


@pytest.mark.parametrize("superior, internal", [("Bộ Chính trị", True), ("Chính phủ", False)])
def test_a_party_superiors_own_central_bodies(superior, internal):
    from pipeline.crosscheck.applicability import party_internal
    text = "Thành lập Ban Chỉ đạo Trung ương về phát triển năng lượng, do đồng chí Tổng Bí thư làm Trưởng ban."
    assert (party_internal(text, "Chính phủ", superior_issuer=superior) is not None) is internal


@pytest.mark.parametrize("text, lower_tier, superior_tier, own", [
    ("Ban hành Chương trình phát triển vật liệu mới; Quỹ hỗ trợ đổi mới công nghệ", 1, 0, True),  # a named instrument
    ("Thành lập Quỹ bảo lãnh tín dụng cho doanh nghiệp nhỏ", 2, 1, True),       # a province's fund, for a district
    ("Ban hành Chương trình phát triển vật liệu mới", 0, 0, False),             # the Government for the Party
    ("Ban hành chính sách khuyến khích doanh nghiệp đổi mới công nghệ", 1, 0, False),  # a province can
    ("Ban hành các chương trình đào tạo ngắn hạn cho cán bộ", 1, 0, False),     # not a name
    ("Ban hành Chương trình phát triển vật liệu mới", None, 0, False),          # a lower of no known level
    ("Ban hành các chiến lược ứng dụng công nghệ trong khai thác biển", 1, 0, True),  # strategies
])
def test_named_instruments_are_the_superior_levels_own_work(text, lower_tier, superior_tier, own):
    from pipeline.crosscheck.applicability import issuer_level_only
    assert (issuer_level_only(text, lower_tier=lower_tier, superior_tier=superior_tier) is not None) is own


@pytest.mark.parametrize("cell, no_goal", [
    ("Bộ Xây dựng và các bộ, ngành liên quan", True),        # a unit's name
    ("khoản 8 Điều 64 Luật Bảo vệ môi trường", True),         # a legal reference
    ("Thí điểm mô hình tái chế chất thải xây dựng", False),
    ("Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng:", True),         # a list of names
    ("Hỗ Trợ Nhân Dân", False),                                  # capitalised words, but no list
])
def test_row_cells_that_state_no_goal(cell, no_goal):
    from pipeline.crosscheck.items import _no_goal
    assert _no_goal(cell) is no_goal


def test_a_plan_attached_after_the_decisions_signature_is_evidence():
    from pipeline.crosscheck.items import lower_candidates
    from pipeline.extract import extract_document
    from pipeline.readers.text import read_string

    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 15/QĐ-UBND", "Lai Châu, ngày 10 tháng 3 năm 2025",
        "QUYẾT ĐỊNH", "Ban hành Kế hoạch phát triển hạ tầng số", "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển hạ tầng số của tỉnh.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Nơi nhận:", "- Như Điều 2;", "- Văn phòng Ủy ban nhân dân tỉnh;", "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An",
        "KẾ HOẠCH", "Phát triển hạ tầng số", "(Kèm theo Quyết định số 15/QĐ-UBND ngày 10/3/2025)",
        "I. MỤC TIÊU",
        "Hạ tầng viễn thông băng rộng của tỉnh được nâng cấp, phủ khắp các khu dân cư vùng cao.",
    ])
    document = read_string(text)
    record = extract_document(document, segment=False)
    texts = [u.text for u in lower_candidates(record, document=document)]
    assert any("phủ khắp các khu dân cư vùng cao" in t for t in texts)   # the attached plan's objective
    assert not any("Văn phòng Ủy ban nhân dân tỉnh" in t for t in texts)  # a recipient is no evidence


@pytest.mark.parametrize("text, value, quoted", [
    ("Để khắc phục hậu quả bão lũ, phấn đấu tăng trưởng kinh tế năm 2025 đạt trên 7% và năm 2026 đạt từ 9% trở lên, "
     "Chính phủ yêu cầu các bộ, ngành", 7, "phấn đấu tăng trưởng kinh tế năm 2025 đạt trên 7%"),
    ("Để khắc phục hậu quả bão lũ, phấn đấu tăng trưởng kinh tế năm 2025 đạt trên 7% và năm 2026 đạt từ 9% trở lên, "
     "Chính phủ yêu cầu các bộ, ngành", 9, "năm 2026 đạt từ 9% trở lên"),
    ("Tỉ lệ hộ dân được cấp nước sạch, hợp vệ sinh đạt 95%", 95, "Tỉ lệ hộ dân được cấp nước sạch, hợp vệ sinh đạt 95%"),
    ("Thu nhập bình quân đạt 120 triệu đồng; trở thành trung tâm du lịch của vùng", 120,
     "Thu nhập bình quân đạt 120 triệu đồng"),
])
def test_a_target_is_quoted_by_the_clause_of_its_value(text, value, quoted):
    from pipeline.crosscheck.items import _valued_clause
    assert _valued_clause(text, value) == quoted


def test_a_target_of_an_indicator_table_takes_its_lead_body():
    from pipeline.crosscheck.items import superior_items
    from pipeline.extract import extract_document
    from pipeline.readers.text import read_string

    text = "\n".join([
        "CHÍNH PHỦ", "Số: 12/NQ-CP", "Hà Nội, ngày 10 tháng 3 năm 2025", "NGHỊ QUYẾT", "Về phát triển hạ tầng số",
        "PHỤ LỤC", "DANH MỤC CHỈ TIÊU",
        "| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi |",
        "| --- | --- | --- | --- | --- |",
        "| 1 | Tỉ lệ hộ gia đình có cáp quang | % | ≥ 95 | Bộ Khoa học và Công nghệ |",
        "| 2 | Tỉ lệ xã có điểm phục vụ bưu chính | % | 100 | Ủy ban nhân dân các tỉnh |",
        # the administration's own work: every administration meets it, whoever monitors it
        "| 3 | Tỉ lệ thủ tục hành chính được giải quyết trực tuyến | % | 85 | Văn phòng Chính phủ |",
    ])
    document = read_string(text)
    units = superior_items(extract_document(document, segment=False), document=document)
    leads = {u.value: u.actor for u in units if u.kind == "target"}
    assert leads == {95: "Bộ Khoa học và Công nghệ", 100: "Ủy ban nhân dân các tỉnh", 85: None}


@pytest.mark.parametrize("text, wide", [
    ("Tỉ lệ hồ sơ thủ tục hành chính được số hóa", True),
    ("Tỉ lệ cung cấp dịch vụ công trực tuyến toàn trình", True),
    ("Tỉ lệ văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử", True),
    ("Quản lý nhà nước từ Trung ương đến địa phương trên môi trường số", True),
    ("Tỉ lệ hộ gia đình có cáp quang", False),
    ("Quy mô kinh tế số trong GDP", False),
])
def test_an_indicator_of_the_administrations_own_work_is_every_administrations(text, wide):
    from pipeline.crosscheck.applicability import administration_wide
    assert administration_wide(text) is wide


def test_a_section_of_the_tasks_named_with_a_determiner_is_a_task_section():
    from pipeline.crosscheck.items import _task_sections
    from pipeline.readers.text import read_string
    from pipeline.structure import apply_structure

    document = apply_structure(read_string(
        "I. QUAN ĐIỂM\n\nBảo đảm an toàn cho người dân.\n\nII. CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM\n\n"
        "a) Khuyến khích các địa phương hỗ trợ nhau khắc phục hậu quả thiên tai.\n"))
    assert [n.title for n in _task_sections(document)] == ["CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM"]


def test_a_part_takes_its_items_actor_unless_that_was_only_the_first_sentences_subject():
    from pipeline.crosscheck.items import with_parts
    subject = Unit(kind="task", actor="Người đứng đầu", text="phải trực tiếp chỉ đạo việc thực hiện nghị quyết. "
                   "Bố trí cán bộ có chuyên môn kỹ thuật trong cấp ủy các cấp.")
    heading = Unit(kind="task", actor="Sở Y tế", text="Tăng cường kiểm tra an toàn thực phẩm trên địa bàn. "
                   "Báo cáo kết quả về Ủy ban nhân dân tỉnh hằng quý.")
    units, part_of = with_parts([subject, heading])
    parts = [(u.actor, p) for u, p in zip(units, part_of, strict=True) if p is not None]
    assert parts == [("Người đứng đầu", 0), (None, 0), ("Sở Y tế", 3), ("Sở Y tế", 3)]


def test_a_body_task_an_appendix_row_restates_in_other_words_stays_an_item():
    from pipeline.crosscheck.items import section_tasks
    from pipeline.readers.text import read_string
    from pipeline.structure import apply_structure

    document = apply_structure(read_string(
        "II. NHIỆM VỤ, GIẢI PHÁP\n\na) Thí điểm triển khai bản sao số cho một số đô thị lớn trực thuộc Trung ương.\n\n"
        "b) Xây dựng cơ sở dữ liệu đất đai thống nhất, kết nối với các cơ sở dữ liệu chuyên ngành.\n"))
    row = Unit(kind="task", actor="Bộ Xây dựng", text="Xây dựng Đề án thí điểm triển khai bản sao số cho một số đô thị "
               "lớn để quản lý, phát triển đô thị")  # two thirds of the words: the same work in other words
    same = Unit(kind="task", actor="Bộ Nông nghiệp và Môi trường", text="Xây dựng cơ sở dữ liệu đất đai thống nhất, "
                "kết nối với các cơ sở dữ liệu chuyên ngành")
    texts = [u.text for u in section_tasks(document, [row, same])]
    assert texts == ["Thí điểm triển khai bản sao số cho một số đô thị lớn trực thuộc Trung ương."]


@pytest.mark.parametrize("statuses, narrow", [
    (["covered", "missing", "missing", "missing", "not_applicable"], True),    # 3 of 4 applicable find nothing
    (["covered", "partial", "missing", "not_applicable", "not_applicable"], False),
    (["not_applicable"], False),
])
def test_a_narrow_plan(statuses, narrow):
    from pipeline.crosscheck.status import narrow_plan
    assert narrow_plan(statuses) is narrow


@pytest.mark.parametrize("status, best, recall, now", [
    ("covered", 0.42, 0.7, "partial"),    # a loose restatement in a narrow plan: a narrower take
    ("covered", 0.66, 0.7, None),
    ("partial", 0.26, 0.3, "missing"),    # only shared words with a plan of another topic
    ("partial", 0.26, 0.55, None),
    ("missing", 0.1, 0.0, None),
])
def test_an_item_of_a_narrow_plan(status, best, recall, now):
    from pipeline.crosscheck.status import narrowed
    assert narrowed(status, best, recall) == now


def test_narrowing_an_item_keeps_the_report_explainable():
    from pipeline.crosscheck.check import _narrow
    from pipeline.crosscheck.status import DEFAULT
    from schemas.crosscheck import CheckItem, Match, SuperiorItem

    loose = CheckItem(kind="task", superior=SuperiorItem(text="Phát triển hạ tầng số"), status="covered",
                      matches=[Match(kind="task", text="Phát triển hạ tầng giao thông số", score=0.41)],
                      content_recall=0.6, reason="the evidence carries 60% of its content words")
    thin = CheckItem(kind="task", superior=SuperiorItem(text="Chi trả lương hưu"), status="partial",
                     matches=[Match(kind="text", text="Hỗ trợ các hộ dân", score=0.22)], content_recall=0.2)
    _narrow(loose, DEFAULT)
    _narrow(thin, DEFAULT)
    assert (loose.status, bool(loose.matches), "few of the superior's demands" in loose.reason) == ("partial", True, True)
    assert (thin.status, thin.matches) == ("missing", [])     # a missing item quotes no evidence


def test_the_titled_articles_of_a_decision_are_task_sections_except_those_that_set_rules():
    from pipeline.crosscheck.items import _task_sections
    from pipeline.readers.text import read_string
    from pipeline.structure import apply_structure

    document = apply_structure(read_string(
        "Điều 1. Đối tượng áp dụng\n\n1. Hộ nghèo ở khu vực nông thôn.\n\n2. Hộ cận nghèo.\n\n"
        "Điều 2. Mức hỗ trợ\n\n1. Hỗ trợ 30 triệu đồng/hộ đối với hộ phải xây mới nhà ở.\n\n"
        "2. Hỗ trợ 15 triệu đồng/hộ đối với hộ sửa chữa nhà ở.\n\n"
        "Điều 3. Phê duyệt Đề án với các nội dung sau:\n\nI. MỤC TIÊU\n\n1. Giảm tỷ lệ hộ nghèo.\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Rà soát danh sách hộ nghèo hằng năm.\n\n"
        "Điều 4. Quyết định này có hiệu lực kể từ ngày ký.\n"))
    assert [n.title for n in _task_sections(document)] == ["Mức hỗ trợ", "NHIỆM VỤ, GIẢI PHÁP"]


@pytest.mark.parametrize("text, subject", [
    ("Các tỉnh, thành phố trực thuộc Trung ương sử dụng ngân sách địa phương để bố trí kinh phí quản lý",
     "Các tỉnh, thành phố trực thuộc Trung ương"),
    ("Trong năm 2026, Ủy ban nhân dân các tỉnh phải hoàn thành việc hỗ trợ nhà ở cho 5.000 hộ",
     "Ủy ban nhân dân các tỉnh"),
    ("Trên cơ sở kết quả rà soát, các địa phương tiếp tục hỗ trợ các hộ còn lại", "các địa phương"),
    # a list in the object after a verb-led opening is no subject
    ("Thu hút thêm ít nhất 3 tổ chức, doanh nghiệp công nghệ đặt trụ sở tại Việt Nam", None),
    ("Tỷ lệ hộ gia đình có nhà ở kiên cố đạt 90%", None),
])
def test_the_subject_a_target_or_goal_names(text, subject):
    from pipeline.crosscheck.items import own_subject
    assert own_subject(text) == subject


def test_a_ministry_answers_for_its_sector_not_for_demands_it_does_not_take_up():
    superior = DirectiveRecord(
        header=Header(doc_type="Quyết định", number="7/2026/QĐ-TTg", issuer="Thủ tướng Chính phủ", date="2026-01-05"),
        responsibilities=[Responsibility(actor="Bộ Tài chính", tasks=[
            "Bố trí vốn từ ngân sách trung ương hỗ trợ các tỉnh để hỗ trợ hộ nghèo về nhà ở"])],
        milestones=[Milestone(text="Trong năm 2026, các địa phương hoàn thành việc hỗ trợ nhà ở cho hộ nghèo",
                              kind="deadline", end="2026-12-31")],
        targets=[Target(text="Sau khi được hỗ trợ, các hộ có nhà ở diện tích tối thiểu 30 m2", value=30, unit="m2")])
    lower = DirectiveRecord(
        header=Header(doc_type="Thông tư", number="5/2026/TT-BTC", issuer="Bộ Tài chính", date="2026-02-10"),
        responsibilities=[Responsibility(actor="Bộ Tài chính", tasks=[
            "Bố trí vốn ngân sách trung ương hỗ trợ các tỉnh để hỗ trợ hộ nghèo về nhà ở theo kế hoạch được duyệt"])])
    report = check(lower, superior, segment=False)
    status = {i.superior.text[:20]: (i.status, i.superior.actor) for i in report.items}
    assert status["Bố trí vốn từ ngân s"][0] == "covered"
    # a local actor is no ministry's, and a demand that names no actor and is not taken up is another's share
    assert status["Trong năm 2026, các "] == ("not_applicable", "các địa phương")
    assert status["Sau khi được hỗ trợ,"] == ("not_applicable", None)
    assert all(i.reason for i in report.items)
    # a superior that gives the ministry no task of its own addresses its unassigned demands to it too
    superior.responsibilities[0].actor = "Bộ Kế hoạch và Đầu tư"
    unassigned = {i.superior.text[:20]: i.status for i in check(lower, superior, segment=False).items}
    assert unassigned["Sau khi được hỗ trợ,"] == "missing"


def test_a_paragraph_that_holds_a_known_task_as_a_small_part_of_it_stays_an_item():
    from pipeline.crosscheck.items import section_tasks
    from pipeline.readers.text import read_string
    from pipeline.structure import apply_structure

    document = apply_structure(read_string(
        "II. NHIỆM VỤ, GIẢI PHÁP\n\na) Căn cứ số vốn được phân bổ từ ngân sách trung ương và các nguồn vốn hợp pháp "
        "khác, Ủy ban nhân dân cấp tỉnh phân bổ cho cấp huyện.\n"))
    known = Unit(kind="task", actor="Ủy ban nhân dân cấp tỉnh", text="phân bổ cho cấp huyện và cấp xã")
    assert len(section_tasks(document, [known])) == 1
    whole = Unit(kind="task", actor="Ủy ban nhân dân cấp tỉnh", text="Căn cứ số vốn được phân bổ từ ngân sách "
                 "trung ương và các nguồn vốn hợp pháp khác")
    assert section_tasks(document, [whole]) == []


def test_a_demand_to_execute_the_superior_is_taken_up_in_part_by_a_lower_that_cites_it():
    superior_text = "\n".join([
        "THỦ TƯỚNG CHÍNH PHỦ", "Số: 9/2026/QĐ-TTg", "Hà Nội, ngày 5 tháng 1 năm 2026", "QUYẾT ĐỊNH",
        "Về hỗ trợ hộ nghèo về nhà ở",
        "Điều 1. Mức hỗ trợ", "1. Hỗ trợ 30 triệu đồng/hộ đối với hộ phải xây mới nhà ở.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Quyết định này./.",
    ])
    lower_text = "\n".join([
        "ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "Số: 15/KH-UBND", "An Bình, ngày 20 tháng 2 năm 2026", "KẾ HOẠCH",
        "Hỗ trợ hộ nghèo về nhà ở trên địa bàn tỉnh",
        "Căn cứ Quyết định số 9/2026/QĐ-TTg ngày 05/01/2026 của Thủ tướng Chính phủ về hỗ trợ hộ nghèo về nhà ở;",
        "I. NỘI DUNG", "1. Hỗ trợ 30 triệu đồng/hộ đối với hộ nghèo phải xây mới nhà ở.",
    ])
    report = _check_texts(superior_text, lower_text)
    execute = _item(report, "thi hành")
    # a short task is quoted with the subject its sentence opens with
    assert execute.superior.text.startswith("Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm")
    assert execute.status == "partial"
    assert execute.matches[0].text.startswith("Căn cứ Quyết định số 9/2026/QĐ-TTg")


def test_a_lower_text_that_completes_as_the_superior_directs_keeps_its_deadline():
    superior_text = "\n".join([
        "THỦ TƯỚNG CHÍNH PHỦ", "Số: 7/CĐ-TTg", "Hà Nội, ngày 5 tháng 11 năm 2025", "CÔNG ĐIỆN",
        "Về khắc phục hậu quả mưa lũ",
        "1. Chủ tịch Ủy ban nhân dân các tỉnh huy động lực lượng hỗ trợ Nhân dân dọn dẹp, vệ sinh nhà cửa, "
        "trường lớp, hoàn thành trước ngày 30/11/2025.",
        "2. Chủ tịch Ủy ban nhân dân các tỉnh tổ chức sửa chữa trạm bơm nước sạch, hoàn thành trước ngày 30/11/2025.",
    ])
    lower_text = "\n".join([
        "ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "Số: 15/KH-UBND", "An Bình, ngày 7 tháng 11 năm 2025", "KẾ HOẠCH",
        "Khắc phục hậu quả mưa lũ",
        "I. NHIỆM VỤ",
        "1. Huy động lực lượng hỗ trợ Nhân dân dọn dẹp, vệ sinh nhà cửa, trường lớp, hoàn thành theo chỉ đạo tại các "
        "công điện của Thủ tướng Chính phủ.",
        "2. Tổ chức sửa chữa trạm bơm nước sạch.",
    ])
    report = _check_texts(superior_text, lower_text)
    cleaning = _item(report, "dọn dẹp")
    pumps = _item(report, "trạm bơm")
    assert cleaning.status == "covered"
    assert pumps.status == "partial"  # no date, and no deferral to the superior


@pytest.mark.parametrize("actor, lower, superior, applicable", [
    ("Văn phòng Chính phủ", "Chính phủ", "Thủ tướng Chính phủ", False),  # the superior issuer's own office
    ("Văn phòng Chính phủ", "Bộ Tài chính", "Bộ Y tế", False),
    ("Bộ Tài chính", "Chính phủ", "Thủ tướng Chính phủ", True),
    # the Government's own agencies are the Prime Minister's to direct, not a province's
    ("Đài Truyền hình Việt Nam, Thông tấn xã Việt Nam", "Thủ tướng Chính phủ", "Chính phủ", True),
    ("Đài Truyền hình Việt Nam", "Ủy ban nhân dân tỉnh An Bình", "Thủ tướng Chính phủ", False),
    # "các cấp" after a body's name is that body at every level, not everyone
    ("Ủy ban thường vụ Quốc hội, các Ủy ban của Quốc hội, Hội đồng nhân dân các cấp", "Thủ tướng Chính phủ",
     "Ủy ban thường vụ Quốc hội", False),
    ("Các sở, ngành, các cấp", "Ủy ban nhân dân tỉnh An Bình", "Thủ tướng Chính phủ", True),
])
def test_the_superior_issuers_own_office(actor, lower, superior, applicable):
    assert applies(actor, lower_issuer=lower, superior_issuer=superior).applies is applicable


@pytest.mark.parametrize("text, general", [
    ("theo chức năng, nhiệm vụ, thẩm quyền tiếp tục tập trung, quyết liệt hơn nữa trong lãnh đạo, chỉ đạo, chủ động "
     "triển khai khẩn trương kịp thời, hiệu quả tất cả các biện pháp cấp bách cần thiết", True),
    ("Cung ứng, tiếp tế kịp thời lương thực, thực phẩm cho người dân, nhất là lương khô, bánh mì, nước uống", False),
])
def test_a_general_demand_is_made_of_general_directive_words(text, general):
    from pipeline.crosscheck.status import DEFAULT
    from pipeline.crosscheck.text import general_share, word_tokens
    assert (general_share(word_tokens(text)) >= DEFAULT.catch_all_share) is general


@pytest.mark.parametrize("text, names", [
    ("Bộ trưởng các Bộ: Quốc phòng, Công an, Tài chính", {"bộ quốc phòng", "bộ công an", "bộ tài chính"}),
    ("Các Bộ: Nông nghiệp và Môi trường, Y tế", {"bộ nông nghiệp", "bộ y tế"}),
    ("Bộ Xây dựng, Đài Truyền hình Việt Nam", {"bộ xây dựng", "đài truyền hình việt nam"}),
    ("Ủy ban nhân dân các tỉnh, thành phố", set()),
])
def test_central_bodies_named_in_an_actor(text, names):
    from pipeline.crosscheck.applicability import central_names
    assert central_names(text) == names


@pytest.mark.parametrize("actor, lower_actors, given", [
    ("Bộ Xây dựng", ["Bộ Quốc phòng, Bộ Công an", "Các Bộ: Y tế, Tài chính"], False),
    ("Bộ Y tế", ["Bộ Quốc phòng, Bộ Công an", "Các Bộ: Y tế, Tài chính"], True),
    ("Bộ Xây dựng", ["Bộ Quốc phòng", "Các bộ, ngành, địa phương"], None),  # every ministry
    ("Bộ Xây dựng", [], None),
    ("Bộ Xây dựng, Ủy ban nhân dân các tỉnh", ["Bộ Quốc phòng"], None),  # another level too
    ("Ủy ban nhân dân các tỉnh", ["Bộ Quốc phòng"], None),
])
def test_bodies_a_follow_up_gives_work_to_again(actor, lower_actors, given):
    from pipeline.crosscheck.applicability import given_work
    assert given_work(actor, lower_actors) is given


def test_a_follow_up_of_the_same_issuer_stands_for_the_bodies_it_directs_again():
    def telegram(number: str, day: int, lines: list[str]) -> str:
        return "\n".join(["THỦ TƯỚNG CHÍNH PHỦ", f"Số: {number}/CĐ-TTg", f"Hà Nội, ngày {day} tháng 11 năm 2025",
                          "CÔNG ĐIỆN", "Về ứng phó mưa lũ", *lines])

    superior_text = telegram("7", 5, [
        "1. Bộ Xây dựng chỉ đạo bảo đảm an toàn giao thông trên các tuyến quốc lộ bị sạt lở.",
        "2. Bộ Quốc phòng chỉ đạo các đơn vị quân đội sẵn sàng lực lượng hỗ trợ sơ tán dân cư.",
        "3. Bộ Y tế chỉ đạo bảo đảm thuốc men cho vùng lũ.",
    ])
    lower_text = telegram("9", 7, [
        "THỦ TƯỚNG CHÍNH PHỦ điện:", "- Bộ trưởng các Bộ: Quốc phòng, Y tế.",
        "Tiếp theo Công điện số 7/CĐ-TTg ngày 05/11/2025, Thủ tướng Chính phủ yêu cầu:",
        "1. Bộ Quốc phòng chỉ đạo các đơn vị quân đội hỗ trợ sơ tán dân cư ra khỏi vùng nguy hiểm.",
    ])
    report = _check_texts(superior_text, lower_text)
    traffic = _item(report, "giao thông")
    army = _item(report, "quân đội")
    assert traffic.status == "not_applicable"
    assert "gives no work to" in traffic.reason
    assert army.status in ("covered", "partial")
    # addressed again but given no work: missing, not another body's
    health = _item(report, "thuốc men")
    assert health.status == "missing"


@pytest.mark.parametrize("text, past", [
    ("Các địa phương đã khẩn trương tổ chức sơ tán người dân ra khỏi vùng nguy hiểm", True),
    ("do mưa, lũ lớn tại khu vực Trung Bộ đã xảy ra tình trạng ngập lụt sâu", True),
    ("Ưu tiên 40 xã, phường đã được công bố tình huống khẩn cấp", False),
    ("Sở Y tế chủ trì rà soát các cơ sở đã bị hư hỏng", False),
    ("Do đó, các sở cần khẩn trương triển khai", False),
])
def test_a_report_of_the_past_is_no_commitment(text, past):
    from pipeline.lang.actors import reports_past
    assert reports_past(text) is past


def test_an_item_the_lower_is_only_the_partner_of_does_not_apply():
    verdict = applies("Ban Tổ chức Trung ương", lower_issuer="Chính phủ", superior_issuer="Bộ Chính trị",
                      text="Giao Ban Tổ chức Trung ương chủ trì, phối hợp với Bộ Nội vụ đánh giá tình hình bộ máy.")
    assert not verdict.applies and "partner" in verdict.reason
    lead = applies("Bộ Nội vụ", lower_issuer="Chính phủ", superior_issuer="Bộ Chính trị",
                   text="Bộ Nội vụ chủ trì đánh giá tình hình bộ máy.")
    assert lead.applies


@pytest.mark.parametrize("actor, expected", [
    ("Địa phương được lựa chọn", False),                       # the localities to be selected: not this one
    ("một số tỉnh được chọn thí điểm", False),
    ("Ủy ban nhân dân tỉnh Hà Giang được lựa chọn thí điểm", True),   # names the lower
    ("các địa phương", True),
])
def test_a_task_for_the_localities_to_be_selected_does_not_apply(actor, expected):
    verdict = applies(actor, lower_issuer="Ủy ban nhân dân tỉnh Hà Giang", superior_issuer=GOVERNMENT)
    assert verdict.applies is expected


@pytest.mark.parametrize("actor, superior, expected", [
    ("các đồng chí Phó Thủ tướng Chính phủ", "Thủ tướng Chính phủ", False),   # the issuer's deputies
    ("Phó Thủ tướng", "Thủ tướng Chính phủ", False),
    ("Văn phòng Chính phủ", "Thủ tướng Chính phủ", False),                   # its office
    ("Phó Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Hà Giang", False),  # a head's deputy
    ("Phó Giám đốc Sở Y tế", "Ủy ban nhân dân tỉnh Hà Giang", True),          # a deputy of another body
    ("Văn phòng Trung ương Đảng", "Thủ tướng Chính phủ", False),             # another body (not the lower's either)
    ("Bộ Tài chính", "Thủ tướng Chính phủ", True),
])
def test_the_superior_issuers_own_staff_do_not_apply(actor, superior, expected):
    verdict = applies(actor, lower_issuer="Chính phủ", superior_issuer=superior)
    assert verdict.applies is expected
    if actor.lower().startswith(("các đồng chí phó", "phó thủ", "văn phòng chính", "phó chủ")):
        assert "own staff" in verdict.reason


def test_a_text_that_is_both_a_task_and_a_target_is_one_target_candidate():
    from pipeline.crosscheck.items import Unit, _dedupe_candidates

    task = Unit(kind="task", text="Tỷ lệ phủ sóng 5G đạt 100% dân số.", actor="Sở Khoa học và Công nghệ")
    target = Unit(kind="target", text="Tỷ lệ phủ sóng 5G đạt 100% dân số.", deadline="2030-12-31", value=100, unit="%")
    other = Unit(kind="task", text="Tuyên truyền về chuyển đổi số.", actor="Sở Văn hóa")
    (first, second) = _dedupe_candidates([task, other, target])
    assert (first.kind, first.value, first.deadline, first.actor) == ("target", 100, "2030-12-31",
                                                                     "Sở Khoa học và Công nghệ")
    assert second is other


def test_a_milestone_that_restates_a_task_shares_its_deadline_finding():
    from pipeline.crosscheck.check import _restated_tasks, _shares_deadline_conflict
    from schemas.crosscheck import CheckItem, Finding, Match, Span, SuperiorItem

    sentence = "Các sở khẩn trương sắp xếp các trạm y tế cấp xã, hoàn thành trước ngày 31/12/2025."
    lower = "Sắp xếp các trạm y tế cấp xã theo định hướng của Trung ương (Quý III/2026)."
    finding = Finding(code="deadline_after_superior", message="later", superior=sentence, lower=lower)
    task = CheckItem(kind="task", status="conflict", findings=[finding], matches=[Match(kind="task", text=lower, score=0.31)],
                     superior=SuperiorItem(text=sentence[9:], deadline="2025-12-31", span=Span(start=109, end=180)))
    milestone = CheckItem(kind="milestone", status="partial", matches=[Match(kind="task", text=lower, score=0.29)],
                          superior=SuperiorItem(text=sentence, deadline="2025-12-31", span=Span(start=100, end=180)))
    elsewhere = milestone.model_copy(deep=True)
    elsewhere.superior.span = Span(start=900, end=980)  # the same words at another place: an item of its own
    assert _restated_tasks([task, milestone]).get(1) is task
    assert _restated_tasks([task, elsewhere]).get(1) is None
    _shares_deadline_conflict(milestone, task)
    assert milestone.status == "conflict" and milestone.findings == [finding]
    unquoted = milestone.model_copy(deep=True, update={"status": "partial", "findings": [], "matches": []})
    _shares_deadline_conflict(unquoted, task)  # it does not quote the later text: nothing to share
    assert unquoted.status == "partial"
