"""Structure stage: header block, outline and footer, on strings written like real documents."""
from __future__ import annotations

import pytest

from pipeline.extract.header import _issuer
from pipeline.readers import read_string
from pipeline.structure import apply_structure


def structure(text: str):
    return apply_structure(read_string(text))


HEADER_CASES = [
    # state-style plan with place-date before the number (union plan)
    ("Huyện Dương Xuân, ngày 24 tháng 6 năm 2021\n\nSố: 106/KH-LĐLĐ\n\nKẾ HOẠCH\nThực hiện chủ đề năm 2021\n\n"
     "Thực hiện Kế hoạch số 12/KH-LĐLĐ ngày 2/6/2021 của Ban Thường vụ, Ban Thường vụ xây dựng kế hoạch như sau:\n",
     {"doc_type": "Kế hoạch", "number": "106/KH-LĐLĐ", "date": "2021-06-24", "place": "Dương Xuân",
      "title": "Thực hiện chủ đề năm 2021"}),
    # gazette-style decision: issuer, motto, number and place-date on one line, type, title over two lines
    ("THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 77/QĐ-TTg\nHà Nội, ngày 04 tháng 6 năm 2026\nQUYẾT ĐỊNH\nPhê duyệt Đề án hỗ trợ doanh nghiệp\n"
     "công nghệ số\nTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\n",
     {"doc_type": "Quyết định", "number": "77/QĐ-TTg", "date": "2026-06-04", "place": "Hà Nội",
      "title": "Phê duyệt Đề án hỗ trợ doanh nghiệp công nghệ số"}),
    # words on the type line after the type name start the title
    ("Số: 07 /KH-CDN\n\nHà Nội, ngày 13 tháng 8 năm 2018\n\nKẾ HOẠCH TRIỂN KHAI\n\nNghị quyết Đại hội lần thứ XV\n\n"
     "Thực hiện Nghị quyết Đại hội XV, Ban Thường vụ xây dựng Kế hoạch. Cụ thể như sau:\n",
     {"doc_type": "Kế hoạch", "number": "07/KH-CDN", "title": "Triển khai Nghị quyết Đại hội lần thứ XV"}),
    # "hành động" belongs to the type; Party-style number
    ("TỈNH ỦY CAO SƠN\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-KH/TU\nCao Sơn, ngày 4 tháng 10 năm 2019\n"
     "KẾ HOẠCH HÀNH ĐỘNG\nThực hiện Kết luận số 51-KL/TW ngày 30/5/2019 của Ban Bí thư\n\nI. MỤC ĐÍCH\n",
     {"doc_type": "Kế hoạch", "number": "12-KH/TU", "date": "2019-10-04",
      "title": "Thực hiện Kết luận số 51-KL/TW ngày 30/5/2019 của Ban Bí thư"}),
    # an ordinal after the type name is left out; the attached-to line is not the title
    ("CÔNG ĐOÀN NGÀNH Y TẾ\n\nChương trình 2\n\nNÂNG CAO NĂNG LỰC CÁN BỘ\n\n"
     "(Ban hành kèm theo Quyết định số: 48/QĐ-CĐN ngày 12 tháng 9 năm 2024)\n\nThực hiện Nghị quyết Đại hội ...\n",
     {"doc_type": "Chương trình", "number": None, "date": None, "title": "NÂNG CAO NĂNG LỰC CÁN BỘ"}),
    # an upper-case title ends at the enacting office holder's line
    ("BỘ VĂN HÓA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-BVH\nHà Nội, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\n"
     "VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN QUY HOẠCH MẠNG LƯỚI\n\n**BỘ TRƯỞNG BỘ VĂN HÓA**\n\nCăn cứ Luật Quy hoạch;\n",
     {"doc_type": "Quyết định", "title": "Về việc ban hành kế hoạch thực hiện quy hoạch mạng lưới"}),
    # ... or at the enacting body's line
    ("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 38/NQ-CP\nHà Nội, ngày 25 tháng 11 năm 2025\nNGHỊ QUYẾT\n\n"
     "VỀ CÁC GIẢI PHÁP KHẮC PHỤC HẬU QUẢ THIÊN TAI\n\n**CHÍNH PHỦ**\n\nCăn cứ Luật Tổ chức Chính phủ;\n",
     {"doc_type": "Nghị quyết", "title": "VỀ CÁC GIẢI PHÁP KHẮC PHỤC HẬU QUẢ THIÊN TAI"}),
    # a title printed without a stop ends before the opening paragraph of the body
    ("BAN CHẤP HÀNH TRUNG ƯƠNG\n\nSố 12-NQ/TW\nHà Nội, ngày 02 tháng 3 năm 2026\n\nNGHỊ QUYẾT\n\n"
     "về phát triển vùng cây ăn quả\n\nPhát triển vùng cây ăn quả là yêu cầu cấp thiết để nâng cao thu nhập của "
     "người dân ở nông thôn, bảo đảm an ninh lương thực và thúc đẩy xuất khẩu nông sản của cả nước.\n",
     {"doc_type": "Nghị quyết", "title": "về phát triển vùng cây ăn quả"}),
    # an official letter: no type line, the V/v line is the subject
    ("BỘ XÂY DỰNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 2400/BXD-QLN\nV/v: Hỗ trợ nhà ở\n"
     "Hà Nội, ngày 15 tháng 11 năm 2013\nKính gửi: Ủy ban nhân dân các tỉnh\n",
     {"doc_type": "Công văn", "number": "2400/BXD-QLN", "title": "Hỗ trợ nhà ở"}),
]


@pytest.mark.parametrize("text,expected", HEADER_CASES)
def test_header(text, expected):
    header = structure(text).header
    for field, value in expected.items():
        assert getattr(header, field) == value, field


def test_handwritten_number_is_uncertain():
    # a scan whose number was written by hand: OCR leaves only the symbol
    header = structure("CHÍNH PHỦ\nSố: /NQ-CP\nHà Nội, ngày tháng 4 năm 2026\nNGHỊ QUYẾT\nVề việc chuyển giao\n").header
    assert header.number == "…/NQ-CP" and header.number_uncertain
    assert header.date is None and header.date_uncertain and header.date_year == 2026


OUTLINE_TEXT = """KẾ HOẠCH
Thực hiện chủ đề

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Nâng cao nhận thức.
2. Yêu cầu
II. NỘI DUNG
1. Tuyên truyền
a) Tổ chức hội nghị.
b) Phát hành tài liệu.
1.1. Việc thứ nhất
III. TỔ CHỨC THỰC HIỆN
1. Công đoàn cơ sở
- Xây dựng kế hoạch.
+ Báo cáo kết quả.
"""


def test_outline_paths_and_nesting():
    doc = structure(OUTLINE_TEXT)
    paths = [(n.path, n.style) for n in doc.outline]
    assert ("I", "roman") in paths and ("I.1", "arabic") in paths and ("II.1.a", "letter") in paths
    assert ("III.1", "arabic") in paths
    node = next(n for n in doc.outline if n.path == "III.1")
    assert node.title == "Công đoàn cơ sở"
    dash = next(n for n in doc.outline if n.title.startswith("Xây dựng"))
    assert doc.outline[dash.parent].path == "III.1"
    plus = next(n for n in doc.outline if n.style == "plus")
    assert doc.outline[plus.parent].style == "dash"
    assert doc.section_at(dash.span.start) == "III.1"


FOOTER_CASES = [
    # authority, position and name on separate lines after Nơi nhận
    ("KẾ HOẠCH\nX\n\nI. NỘI DUNG\nLàm việc.\n\nNơi nhận:\n- Thường trực LĐLĐ tỉnh;\n- Lưu: VP.\n\n"
     "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\nNguyễn Văn An\n",
     ("TM. BAN THƯỜNG VỤ", "Chủ tịch", "Nguyễn Văn An", ["Thường trực LĐLĐ tỉnh", "Lưu: VP"])),
    # deputy signing for the head: KT. line, then the position
    ("KẾ HOẠCH\nX\n\nI. NỘI DUNG\nLàm việc.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Thị Bình\n",
     ("KT. CHỦ TỊCH", "Phó chủ tịch", "Trần Thị Bình", [])),
    # a bracket left by the export before the name
    ("KẾ HOẠCH\nX\n\nI. NỘI DUNG\nLàm việc.\n\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n[\nLê Văn Cường\n",
     ("KT. THỦ TƯỚNG", "Phó thủ tướng", "Lê Văn Cường", [])),
    # the whole signature block in one table cell beside the recipients
    ("KẾ HOẠCH\nX\n\nI. NỘI DUNG\nLàm việc.\n\n| Nơi nhận: - Như Điều 3; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH "
     "Hoàng Văn Phúc |\n|---|---|\n",
     ("KT. CHỦ TỊCH", "Phó chủ tịch", "Hoàng Văn Phúc", ["Như Điều 3", "Lưu: VT"])),
]


@pytest.mark.parametrize("text,expected", FOOTER_CASES)
def test_footer(text, expected):
    footer = structure(text).footer
    assert (footer.authority, footer.position, footer.signer, footer.recipients) == expected


def test_a_form_in_an_appendix_does_not_sign_the_document():
    # the appendix prints a form with its own signature block and "Nơi nhận", with no name under it
    form = ("\n\nPhụ lục\nMẫu báo cáo\n\nNội dung báo cáo.\n" + "Mục kê khai.\n" * 45
            + "\nNơi nhận:\n- Nơi nhận khác (nếu có);\n- Lưu:\n\nTM. CƠ QUAN/TỔ CHỨC\n(Ký, ghi rõ họ tên, đóng dấu)\n")
    text = ("NGHỊ QUYẾT\nX\n\nĐiều 1. Làm việc.\n\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nLê Văn Cường\n"
            + form)
    footer = structure(text).footer
    assert (footer.authority, footer.position, footer.signer, footer.recipients) == \
        ("KT. THỦ TƯỚNG", "Phó thủ tướng", "Lê Văn Cường", [])
    # ... while an unsigned block that is the only one still gives its authority
    footer = structure("KẾ HOẠCH\nX\n\nI. NỘI DUNG\nLàm việc.\n\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n").footer
    assert footer.authority == "TM. BAN THƯỜNG VỤ" and footer.signer is None


def test_recipient_item_is_not_a_signer():
    footer = structure("KẾ HOẠCH\nX\n\nI. NỘI DUNG\nLàm.\n\nNơi nhận:\n- Ban Tuyên giáo;\n- Trang Website;\n").footer
    assert footer.signer is None and footer.recipients == ["Ban Tuyên giáo", "Trang Website"]


def test_an_ocr_line_that_joins_the_issuer_and_the_motto_gives_the_issuer_alone():
    header = structure("THỦ TƯỚNG CHÍNH PHỦ ˆ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                       "Số: 5/TTg-CĐS\nHà Nội, ngày 30 tháng 4 năm 2026\nV/v triển khai các Nghị quyết\n"
                       "Kính gửi: Ủy ban nhân dân các tỉnh\n").header
    assert header.issuer_lines == ["THỦ TƯỚNG CHÍNH PHỦ"]


def test_the_end_of_a_wrapped_range_is_no_bullet():
    document = structure("KẾ HOẠCH\nBình đẳng giới\n\nCăn cứ Quyết định số 2232/QĐ-TTg phê duyệt “Chương trình giai "
                         "đoạn 2021\n\n- 2025”;\n\nI. MỤC ĐÍCH\n\n- Nâng cao nhận thức.\n")
    assert [(n.style, n.title) for n in document.outline] == [("roman", "MỤC ĐÍCH"), ("dash", "Nâng cao nhận thức.")]


def test_an_issuer_name_wrapped_before_va_is_one_name():
    from pipeline.extract.header import extract
    from pipeline.nlp import analyse_text
    header = extract(analyse_text("|\n**BỘ VĂN HÓA, THỂ\nTHAO **\nVÀ DU LỊCH\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n"
                                  "Số: 12/QĐ-BVH\n|\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\n", segment=False))
    assert header.issuer.lower() == "bộ văn hóa, thể thao và du lịch"


@pytest.mark.parametrize("organ, issuer", [
    ("VĂN PHÒNG", "văn phòng trung ương"),
    ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "ban tuyên giáo và dân vận trung ương"),
])
def test_an_organ_of_the_central_committee_is_the_centres(organ, issuer):
    from pipeline.extract.header import extract
    from pipeline.nlp import analyse_text
    header = extract(analyse_text(f"BAN CHẤP HÀNH TRUNG ƯƠNG\n{organ}\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 07-KL/VPTW\n"
                                  "Hà Nội, ngày 01 tháng 12 năm 2025\nKẾT LUẬN\nVề công tác văn phòng\n", segment=False))
    assert header.issuer.lower() == issuer


def test_the_addressees_of_a_telegram():
    doc = structure("THỦ TƯỚNG CHÍNH PHỦ\nSố: 9/CĐ-TTg\nHà Nội, ngày 7 tháng 11 năm 2025\nCÔNG ĐIỆN\n"
               "Về khắc phục hậu quả mưa lũ\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân các tỉnh: An Bình,\n"
               "- Hòa Phong;\n- Bộ trưởng các Bộ:\nQuốc phòng, Công an, Y tế.\n"
               "Vừa qua mưa lũ gây thiệt hại nặng nề. Thủ tướng Chính phủ yêu cầu:\n1. Bộ Y tế chỉ đạo bảo đảm thuốc men.\n")
    assert doc.header.addressees == ["Chủ tịch Ủy ban nhân dân các tỉnh: An Bình, Hòa Phong",
                                     "Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế"]
    # the body begins after the address: its lines are no part of what the telegram orders
    assert doc.text[doc.header.body_start:].startswith("Vừa qua mưa lũ")


def test_a_letter_addressed_in_its_line():
    doc = structure("BỘ Y TẾ\nSố: 12/BYT-KH\nHà Nội, ngày 7 tháng 11 năm 2025\nKẾ HOẠCH\nVề phòng dịch\n"
               "Kính gửi: Sở Y tế các tỉnh, thành phố.\nĐể chủ động phòng dịch, Bộ Y tế đề nghị:\n")
    assert doc.header.addressees == ["Sở Y tế các tỉnh, thành phố"]


def test_an_issuer_cut_in_its_cell_is_completed_by_the_enacting_line():
    doc = structure("ỦY BAN THƯỜNG VỤ\nSố: 12/NQ-UBTVQH15\nHà Nội, ngày 18 tháng 5 năm 2024\nNGHỊ QUYẾT\n"
                    "Về kết quả giám sát\nỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Luật hoạt động giám sát;\nQUYẾT NGHỊ:\n"
                    "Điều 1. Tán thành báo cáo.\n")

    assert _issuer(doc) == "Ủy ban thường vụ Quốc hội"


def test_a_signature_cell_with_position_and_name_but_no_authority():
    doc = structure("BAN CHỈ ĐẠO QUỐC GIA\nSố: 5/KH-BCĐ\nHà Nội, ngày 11 tháng 11 năm 2023\nKẾ HOẠCH\nVề tìm kiếm\n"
                    "I. NỘI DUNG\n1. Tổ chức hội nghị.\nNơi nhận: - Thủ tướng; - Lưu: VT.\n"
                    "TRƯỞNG BAN PHÓ THỦ TƯỚNG Trần Văn Bình\n")
    assert doc.footer.signer == "Trần Văn Bình"
