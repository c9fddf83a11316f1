"""Table-driven tests of the references extractor (spec/RECORDS.md, References).

Each row is (text, expected): ``expected`` lists the references as dicts of the fields that
matter for the row; other fields are not checked. Inputs use real phrasing of official texts.
"""
from __future__ import annotations

import pytest

from pipeline.extract.references import extract
from pipeline.nlp import analyse_text


def refs(text: str) -> list[dict]:
    """The references of ``text`` as plain dicts."""
    return [r.model_dump(exclude={"span", "section"}) for r in extract(analyse_text(text, segment=False))]


def ref(**fields) -> dict:
    """An expected reference: only the given fields are compared."""
    return fields


def check(found: list[dict], expected: list[dict]) -> None:
    assert len(found) == len(expected), found
    for got, want in zip(found, expected, strict=True):
        assert {k: got[k] for k in want} == want, got


OPENING = "KẾ HOẠCH\nTổ chức thực hiện năm 2025\n\n{}\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nội dung.\n"
BODY = "KẾ HOẠCH\nTổ chức thực hiện năm 2025\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n{}\n"

ROWS = [
    # state number in an opening "Thực hiện" paragraph: type from the words, date, issuer, trích yếu
    (OPENING.format("Thực hiện Kế hoạch số 242/KH-LĐLĐ, ngày 24 tháng 6 năm 2021 của Ban Thường vụ Liên đoàn "
                    "Lao động tỉnh Tây Ninh về thực hiện chủ đề của năm 2021. Ban Thường vụ xây dựng kế hoạch."),
     [ref(doc_type="Kế hoạch", number="242/KH-LĐLĐ", date="2021-06-24",
          issuer="Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh",
          title="về thực hiện chủ đề của năm 2021", relation="implements")]),
    # Party number with a stray space, chained by "và" with a legal-style one; shared trích yếu
    (OPENING.format("Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Chương trình hành động số 10- "
                    "CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW;"),
     [ref(number="71/NQ-CP", doc_type="Nghị quyết", date="2025-04-01", issuer="Chính phủ", relation="based_on",
          title="về thực hiện Nghị quyết số 57-NQ/TW"),
      ref(number="10-CTr/TU", doc_type="Chương trình", date="2025-08-13", relation="based_on"),
      ref(number="57-NQ/TW", doc_type="Nghị quyết", relation="cited")]),
    # a list: the type before it and the date after it apply to each number; issuer from the code TTg
    (BODY.format("- Tiếp theo các Công điện số 217/CĐ-TTg, 218/CĐ-TTg và 222/CĐ-TTg ngày 19/11/2025, "
                 "Thủ tướng Chính phủ yêu cầu:"),
     [ref(number="217/CĐ-TTg", doc_type="Công điện", date="2025-11-19", issuer="Thủ tướng Chính phủ",
          relation="cited"),
      ref(number="218/CĐ-TTg", doc_type="Công điện", date="2025-11-19"),
      ref(number="222/CĐ-TTg", doc_type="Công điện", date="2025-11-19")]),
    # legal number with a verb-led trích yếu ("quy định ..."); the nested law is its own reference
    (OPENING.format("Căn cứ Nghị định số 200/2023/NĐ-CP ngày 28/12/2023 của Chính phủ quy định chi tiết một số "
                    "điều của Luật Phòng thủ dân sự;"),
     [ref(number="200/2023/NĐ-CP", doc_type="Nghị định", date="2023-12-28", issuer="Chính phủ",
          title="quy định chi tiết một số điều của Luật Phòng thủ dân sự", relation="based_on"),
      ref(number=None, doc_type="Luật", title="Luật Phòng thủ dân sự", relation="cited")]),
    # unnumbered laws with dates; an amending law is a document of its own
    (OPENING.format("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nCăn cứ Luật bảo hiểm y tế ngày 14 "
                    "tháng 11 năm 2008, Luật sửa đổi, bổ sung một số điều của Luật bảo hiểm y tế ngày 13 tháng 6 "
                    "năm 2014;"),
     [ref(number=None, doc_type="Luật", title="Luật Tổ chức Chính phủ", date="2025-02-18", relation="based_on"),
      ref(title="Luật bảo hiểm y tế", date="2008-11-14", relation="based_on"),
      ref(title="Luật sửa đổi, bổ sung một số điều của Luật bảo hiểm y tế", date="2014-06-13")]),
    # an amending law's name runs over every law it amends, whatever the case of "Sửa đổi"
    (OPENING.format("Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 "
                    "tháng 6 năm 2020;\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư theo "
                    "phương thức đối tác công tư và Luật Đấu thầu ngày 29/11/2024;"),
     [ref(title="Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều", date="2020-06-17"),
      ref(title="Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư theo phương thức đối tác công tư "
                "và Luật Đấu thầu", date="2024-11-29")]),
    # "Luật" alone at the end of a line, "Luật bao gồm" (the Law, defined before) and "và pháp luật có liên quan"
    # name nothing more
    (BODY.format("- Tổ chức phổ biến Luật\na) Nội dung hỗ trợ thi hành Luật bao gồm hướng dẫn áp dụng; theo quy "
                 "định của Luật Ngân sách nhà nước, Luật Đầu tư công và pháp luật có liên quan."),
     [ref(title="Luật Ngân sách nhà nước", relation="cited"), ref(title="Luật Đầu tư công", relation="cited")]),
    # a scheme named in quotes after a cue is a document of its own
    (OPENING.format("Căn cứ Luật Phòng thủ dân sự ngày 20 tháng 6 năm 2023;\nTriển khai thực hiện Đề án “Nâng cao "
                    "nhận thức cộng đồng, đến năm 2030”, Ủy ban nhân dân ban hành Kế hoạch."),
     [ref(title="Luật Phòng thủ dân sự", relation="based_on"),
      ref(doc_type="Đề án", title="Đề án “Nâng cao nhận thức cộng đồng, đến năm 2030”", relation="implements")]),
    # "&" joins two units of one issuer inside a symbol
    (OPENING.format("Thực hiện Công văn số 8935/BNV-CTTN&BĐG ngày 03 tháng 10 năm 2025 của Bộ Nội vụ về bình đẳng giới;"),
     [ref(number="8935/BNV-CTTN&BĐG", doc_type="Công văn", date="2025-10-03", relation="implements")]),
    # a congress resolution named by its ordinal; "Nghị quyết Đại hội XV" later is the same document
    (OPENING.format("Thực hiện Nghị quyết Đại hội XIII Công đoàn Việt Nam và Nghị quyết Đại hội XVI Công đoàn "
                    "Giáo dục Việt Nam nhiệm kỳ 2023 – 2028, Ban Chấp hành xây dựng Chương trình."),
     [ref(number=None, doc_type="Nghị quyết", title="Nghị quyết Đại hội XIII Công đoàn Việt Nam",
          issuer="Công đoàn Việt Nam", relation="implements"),
      ref(doc_type="Nghị quyết", issuer="Công đoàn Giáo dục Việt Nam", relation="implements")]),
    # "Căn cứ" outside the opening is no based_on; the Bộ Chính trị issuer is read before "(khóa XII)"
    (BODY.format("- Tiếp tục triển khai thực hiện tốt Chỉ thị số 05-CT/TW của Bộ Chính trị (khóa XII) về đẩy "
                 "mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.\n- Căn cứ Kết luận số "
                 "51-KL/TW của Ban Bí thư, xây dựng kế hoạch của cấp mình."),
     [ref(number="05-CT/TW", doc_type="Chỉ thị", issuer="Bộ Chính trị", relation="cited",
          title="về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
      ref(number="51-KL/TW", doc_type="Kết luận", issuer="Ban Bí thư Trung ương Đảng", relation="cited")]),
    # a typo of one document (TW for TU, same digits and date) is merged; the issuer code decides
    (OPENING.format("Thực hiện Kế hoạch số 389-KH/TW ngày 04/10/2019 của Ban Thường vụ Tỉnh ủy Cao Bằng.") +
     "- Quán triệt Kế hoạch số 389-KH/TU ngày 04/10/2019 của Ban Thường vụ Tỉnh ủy.\n",
     [ref(number="389-KH/TU", date="2019-10-04", issuer="Ban Thường vụ Tỉnh ủy Cao Bằng", relation="implements",
          mentions=2)]),
    # "(Ban hành kèm theo Quyết định số: ...)" under the title is attached_to
    ("CHƯƠNG TRÌNH\nNÂNG CAO NĂNG LỰC CÁN BỘ\n(Ban hành kèm theo Quyết định số: 348/QĐ-CDN ngày 12 tháng 9 năm "
     "2024 của Công đoàn Giáo dục Việt Nam)\n\nI. MỤC TIÊU\n- Nội dung.\n",
     [ref(number="348/QĐ-CDN", doc_type="Quyết định", date="2024-09-12", issuer="Công đoàn Giáo dục Việt Nam",
          relation="attached_to")]),
    # a numbered type word without "số" ("Đề án 1172/ĐA-TLĐ") in running text
    (BODY.format("- Thực hiện Cuộc vận động theo Đề án 1172/ĐA-TLĐ ngày 22/7/2019 của Đoàn Chủ tịch Tổng Liên "
                 "đoàn lao động Việt Nam, xây dựng đội ngũ."),
     [ref(number="1172/ĐA-TLĐ", doc_type="Đề án", date="2019-07-22",
          issuer="Đoàn Chủ tịch Tổng Liên đoàn lao động Việt Nam", relation="cited")]),
    # a named plan after a cue, with its issuer
    (BODY.format("- Theo Kế hoạch dự trữ hàng hóa phòng, chống thiên tai năm 2025 của Sở Công Thương. Nguồn "
                 "hỗ trợ từ các đơn vị."),
     [ref(number=None, doc_type="Kế hoạch", title="Kế hoạch dự trữ hàng hóa phòng, chống thiên tai năm 2025",
          issuer="Sở Công Thương")]),
    # a law named with a comma pair
    (BODY.format("- Thực hiện nghiêm Luật Phòng, chống tham nhũng và các văn bản hướng dẫn."),
     [ref(doc_type="Luật", title="Luật Phòng, chống tham nhũng")]),
]

NEGATIVE = [
    # the document's own number is no reference
    "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 0129/KH-UBND\nĐắk Lắk, ngày 21 tháng 11 năm 2025\nKẾ HOẠCH\nHỗ trợ nhu "
    "yếu phẩm\n\nI. MỤC TIÊU\n- Báo cáo theo Kế hoạch số 0129/KH-UBND.\n",
    # internal pointers, meetings, movements, campaigns
    BODY.format("- Tập huấn những nội dung cần thiết như Mục 4 kế hoạch này; tổ chức Hội nghị Ban Chấp hành "
                "lần thứ 2; hưởng ứng Cuộc vận động “Cán bộ nói không với tiêu cực” và Phong trào thi đua."),
    # a running page header of a gazette, quarters and dates are no numbers
    BODY.format("CÔNG BÁO/Số 286/Ngày 27-05-2026\n- Từ quý IV/2027 đến ngày 19/11/2025 tổ chức sơ kết."),
    # a congress resolution without an ordinal singles no document out; "pháp luật", "Luật sư" are no laws
    BODY.format("- Gắn với thực hiện Nghị quyết Đại hội công đoàn tại địa phương, chấp hành pháp luật; mời "
                "Luật sư tư vấn; các văn bản Luật có quy định cần sửa đổi."),
    # a plan the text itself refers to ("Kế hoạch này", "Kế hoạch hành động của ...") is no named reference
    BODY.format("- Theo Kế hoạch hành động của Ban Thường vụ Liên đoàn Lao động tỉnh; thực hiện Kế hoạch này "
                "của Ủy ban nhân dân tỉnh."),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_references(text, expected):
    check(refs(text), expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_references(text):
    assert refs(text) == []


def test_title_cue_gives_implements():
    # the header title "Thực hiện Kết luận số ..." names what the plan implements; a "Căn cứ" clause later
    # in the opening does not lower it to based_on
    text = ("KẾ HOẠCH HÀNH ĐỘNG\nThực hiện Kết luận số 51-KL/TW ngày 30/5/2019 của Ban Bí thư về tiếp tục thực "
            "hiện Nghị quyết\n\nCăn cứ Kết luận số 51-KL/TW ngày 30/5/2019 của Ban Bí thư.\n\nI. MỤC ĐÍCH\n- Nội dung.\n")
    check(refs(text), [ref(number="51-KL/TW", date="2019-05-30", relation="implements",
                           issuer="Ban Bí thư Trung ương Đảng", mentions=2)])


def test_a_hard_wrapped_opening_gives_its_cue_to_every_document_it_lists():
    text = OPENING.format(
        "Để tiếp tục thực hiện nghiêm\nChỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính phủ về tăng cường "
        "công\ntác quản lý bảo vệ rừng; Chỉ thị số 31-CT/TU ngày 06/6/2023 của Ban Thường vụ Tỉnh ủy,\n"
        "Ủy ban nhân dân tỉnh yêu cầu:")
    check(refs(text), [ref(number="05/CT-TTg", relation="implements"), ref(number="31-CT/TU", relation="implements")])


def test_a_wrapped_line_that_starts_with_a_dash_does_not_end_the_opening():
    text = ("KẾ HOẠCH\nTriển khai nhiệm vụ năm 2025\n\nCăn cứ Quyết định số\n2232/QĐ-TTg ngày 28 tháng 12 năm 2020 "
            "của Thủ tướng Chính phủ về phê duyệt “Chương trình phòng ngừa bạo lực giai đoạn 2021\n- 2025”;\n\n"
            "Căn cứ Quyết định số\n2282/QĐ-TTg ngày 31 tháng 12 năm 2020 của Thủ tướng Chính phủ;\n\n"
            "Thực hiện Thông tri số\n02-TT/TU ngày 03 tháng 10 năm 2025 của Thành ủy;\n\nI. MỤC ĐÍCH\n- Nội dung.\n")
    check(refs(text), [ref(number="2232/QĐ-TTg", relation="based_on"), ref(number="2282/QĐ-TTg", relation="based_on"),
                       ref(number="02-TT/TU", relation="implements")])


def test_a_plan_its_name_and_period_single_out():
    text = BODY.format("- Phù hợp với Quy hoạch tổng thể quốc gia thời kỳ 2021-2030, tầm nhìn đến năm 2050 và Chiến "
                       "lược dữ liệu thành phố đến năm 2030; thực hiện Kế hoạch này đến năm 2030.")
    check(refs(text), [ref(number=None, doc_type="Quy hoạch", relation="cited",
                           title="Quy hoạch tổng thể quốc gia thời kỳ 2021-2030, tầm nhìn đến năm 2050"),
                       ref(number=None, doc_type="Chiến lược", title="Chiến lược dữ liệu thành phố đến năm 2030")])


def test_the_texts_own_plan_and_a_scheme_inside_a_cited_decisions_title_are_no_named_references():
    text = ("KẾ HOẠCH\nThực hiện lộ trình đổi mới công nghệ đến năm 2035\n\nI. MỤC ĐÍCH\n- Ủy ban nhân dân tỉnh ban hành "
            "Kế hoạch thực hiện lộ trình đổi mới công nghệ đến năm 2035 như sau. Theo Quyết định số 991/QĐ-TTg ngày "
            "16/9/2024 của Thủ tướng Chính phủ phê duyệt Quy hoạch mạng lưới cơ sở văn hóa thời kỳ 2021-2030.\n")
    assert [r["number"] for r in refs(text)] == ["991/QĐ-TTg"]


def test_one_law_written_in_other_forms_is_one_reference():
    text = BODY.format("- Tuyên truyền Luật Bảo vệ bí mật nhà nước, Bộ Luật hình sự năm 2015; xử lý vi phạm Luật "
                       "Bảo vệ BMNN theo Luật hình sự.")
    check(refs(text), [ref(doc_type="Luật", title="Luật Bảo vệ bí mật nhà nước", mentions=2),
                       ref(doc_type="Bộ luật", mentions=2)])


def test_a_plenum_resolution_and_a_named_plan_with_a_pair_word():
    text = BODY.format("- Quán triệt Nghị quyết Trung ương 4 khoá XII về xây dựng Đảng; triển khai Chương trình mục tiêu "
                       "quốc gia phòng, chống ma túy đến năm 2030.")
    check(refs(text), [ref(doc_type="Nghị quyết", title="Nghị quyết Trung ương 4 khóa XII"),
                       ref(doc_type="Chương trình",
                           title="Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030")])


def test_a_footnote_mark_run_into_a_number_is_no_number_of_its_own():
    found = refs("Căn cứ bổ sung: Nghị quyết số 45-NQ/TW1 của Bộ Chính trị.\n"
                 "1 Nghị quyết số 45-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác.\n"
                 "Thực hiện Kế hoạch số 252/KH-BCĐQG1237 của Ban Chỉ đạo.")
    assert sorted(r["number"] for r in found) == ["252/KH-BCĐQG1237", "45-NQ/TW"]


def test_a_letter_cited_as_a_text_and_a_law_named_by_a_list_of_fields():
    found = refs("Theo đề nghị tại Tờ trình số 65/TTr-BKH ngày 24 tháng 4 năm 2026 và văn bản số 2958/BKH-ATBX "
                 "ngày 08 tháng 5 năm 2026.\nThực hiện theo Luật Đầu tư công, Luật Khoa học, công nghệ và đổi mới "
                 "sáng tạo và các văn bản hướng dẫn.")
    assert [(r["doc_type"], r["number"]) for r in found if r["number"]] == [("Tờ trình", "65/TTr-BKH"),
                                                                           ("Công văn", "2958/BKH-ATBX")]
    assert "Luật Khoa học, công nghệ và đổi mới sáng tạo" in [r["title"] for r in found]


def test_a_law_named_then_numbered_is_one_reference():
    found = refs("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nCăn cứ Luật Thủ đô số 39/2024/QH15;\n"
                 "Điều 1. Thực hiện theo Luật Thủ đô.")
    assert [(r["doc_type"], r["number"], r["title"], r["mentions"]) for r in found] == [
        ("Luật", "72/2025/QH15", "Luật Tổ chức chính quyền địa phương", 1),
        ("Luật", "39/2024/QH15", "Luật Thủ đô", 2)]


@pytest.mark.parametrize("text, numbers", [
    ("Căn cứ Nghị quyết số 66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ;", ["66.2/2025/NQ-CP"]),
    ("theo Kế hoạch số 12/KH-UBND và Kết luận số 36-KL/TW", ["12/KH-UBND", "36-KL/TW"]),
])
def test_document_numbers(text, numbers):
    from pipeline.lang.numbers import find_numbers
    assert [n for _, _, n in find_numbers(text)] == numbers
