"""Assignment tables: column roles, rows from cells, re-joined rows, tables printed as plain lines."""
from __future__ import annotations

import pytest

from pipeline.extract.tables import Cell, cell_task_rows, column_role, text_task_rows, unit_of
from pipeline.readers import read_string


@pytest.mark.parametrize("header, role", [
    ("STT", "index"),
    ("NHIỆM VỤ VÀ GIẢI PHÁP", "task"),
    ("Tên nhiệm vụ cụ thể", "task"),
    ("Cơ quan chủ trì", "lead"),
    ("CHỦ TRÌ", "lead"),
    ("Cơ quan phối hợp", "support"),
    ("Kết quả", "result"),
    ("Sản phẩm", "result"),
    ("Thời gian hoàn thành", "deadline"),
    ("Thời hạn", "deadline"),
])
def test_column_role(header, role):
    assert column_role(header) == role


def _row(*texts):
    return [Cell(t, i * 10, i * 10 + 5) for i, t in enumerate(texts)]


def test_cell_rows_with_group_heading_missing_stt_and_split_row():
    table = [
        _row("STT", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN"),
        _row("I", "NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH"),                      # group heading: no task
        _row("Rà soát, kịp thời cụ thể hoá các cơ chế, chính sách.", "Sở Tài chính",  # STT lost by the reader
             "Sở, ban, ngành có liên quan", "Thường xuyên"),
        _row("2", "Xây dựng cơ chế đặt hàng nghiên cứu", "Sở Khoa học và Công nghệ", "Viện, Trường", "2026"),
        _row("khoa học và công nghệ của Tỉnh."),                              # rest of row 2 after a page break
    ]
    rows = cell_task_rows(table)
    assert [(r.lead, r.deadline) for r in rows] == [("Sở Tài chính", "Thường xuyên"),
                                                    ("Sở Khoa học và Công nghệ", "2026")]
    assert rows[1].task.endswith("khoa học và công nghệ của Tỉnh.")
    assert rows[0].support == "Sở, ban, ngành có liên quan"


def test_header_without_a_label_for_the_row_numbers_and_lettered_parts():
    table = [
        _row("A", "PHẦN THỨ NHẤT: CÁC NHIỆM VỤ CHUNG"),  # a lettered part heading: no task, no unit
        _row("I", "Nhóm thứ nhất"),
        _row("Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"),  # STT has no label
        _row("1.1", "Xây dựng kho dữ liệu dùng chung", "Sở Tài chính", "Các sở, ngành", "2027"),
        _row("1.2", "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "Các sở, ngành", "2026 - 2028"),
    ]
    rows = cell_task_rows(table)
    assert [(r.task, r.lead, r.deadline) for r in rows] == [
        ("Xây dựng kho dữ liệu dùng chung", "Sở Tài chính", "2027"),
        ("Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "2026 - 2028")]
    with_stt = [_row("STT", "Nhiệm vụ", "Chủ trì"), _row("B", "PHẦN THỨ HAI"), _row("1", "Lập hồ sơ", "Sở Y tế")]
    assert [(r.task, r.lead) for r in cell_task_rows(with_stt)] == [("Lập hồ sơ", "Sở Y tế")]


def test_table_without_lead_column_gives_nothing():
    assert cell_task_rows([_row("STT", "Chỉ tiêu", "Năm 2025"), _row("1", "Tỷ lệ", "95%")]) == []


GAZETTE = """KẾ HOẠCH
STT
Tên nhiệm vụ cụ thể Cơ quan chủ trì Cơ quan phối hợp Kết quả Thời gian hoàn thành
I. Nhóm nhiệm vụ thứ nhất
1.
Đưa các chỉ tiêu bao phủ vào kế hoạch hằng năm của địa phương Ủy ban nhân dân các cấp Các cơ quan, đơn vị có liên quan.
Các chỉ tiêu được đưa vào kế hoạch Hằng năm
2.
Xây dựng Nghị định về tăng mức đóng theo lộ trình phù hợp Bộ Y tế Bộ Tài chính, các bộ, ngành, cơ Nghị định của Chính phủ Tháng 3/2027
STT
Tên nhiệm vụ cụ thể Cơ quan chủ trì Cơ quan phối hợp Kết quả Thời gian hoàn thành với việc mở rộng phạm vi quyền lợi. quan, tổ chức có liên quan
3.
Bảo đảm kết nối giữa Cơ sở dữ liệu quốc gia về bảo hiểm và các cơ sở dữ liệu khác.
Bộ Công an, Ủy ban nhân dân cấp tỉnh Bộ Tài chính, Bộ Y tế Các hoạt động được triển khai Thường xuyên
"""


def test_text_table_rows_rejoin_and_split_columns():
    rows, spans = text_task_rows(GAZETTE)
    assert spans[0][0] == GAZETTE.index("STT")
    assert [r.lead for r in rows] == ["Ủy ban nhân dân các cấp", "Bộ Y tế", "Bộ Công an, Ủy ban nhân dân cấp tỉnh"]
    assert rows[0].task.startswith("Đưa các chỉ tiêu") and rows[0].task.endswith("của địa phương")
    # the rest of the task printed after the repeated header joins the task, not the other cells
    assert rows[1].task.endswith("với việc mở rộng phạm vi quyền lợi.")
    assert rows[2].deadline == "Thường xuyên"


def test_text_without_table():
    assert text_task_rows("1. Sở Tài chính chủ trì.\n2. Bộ Y tế phối hợp.") == ([], [])


def _cols(*texts, first_col=0):
    return [Cell(t, i * 10, i * 10 + 5, first_col + i) for i, t in enumerate(texts)]


def test_rows_under_a_merged_lead_cell_inherit_it():
    # a web export drops the cells a merge spans: the short rows are the last columns
    table = [
        _cols("STT", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thuộc nhóm nhiệm vụ", "Nội dung nhiệm vụ",
              "Chỉ tiêu đạt được", "Thời hạn hoàn thành"),
        _cols("A.", "BỘ XÂY DỰNG"),                                           # group heading
        _cols("1", "Bộ Xây dựng", "Bộ Tài chính", "Hoàn thiện chính sách", "- Hoàn thiện quy định về chất thải.",
              "- Quy định được ban hành.", "Năm 2026"),
        _cols("- Nghiên cứu công nghệ lọc bụi cho công trường.", "- Công nghệ được áp dụng.", "Giai đoạn 2026 - 2027"),
        _cols("B.", "BỘ Y TẾ"),                                               # a new group ends the merge
        _cols("Bộ Y tế", "UBND các tỉnh", "Bảo vệ sức khỏe", "- Xây dựng hồ sơ sức khỏe.", "- Hồ sơ được lập.",
              "Thường xuyên"),                                                # its STT lost
        # a body row that says "chủ trì" and "nhiệm vụ" is no header
        _cols("- Chủ trì, phối hợp thực hiện các nhiệm vụ được giao về kiểm soát khí thải phương tiện giao thông "
              "đường bộ trên địa bàn.", "- Kết quả được báo cáo.", "Hằng năm"),
    ]
    rows = cell_task_rows(table)
    assert [(r.lead, r.task[:20], r.deadline) for r in rows] == [
        ("Bộ Xây dựng", "- Hoàn thiện quy địn", "Năm 2026"),
        ("Bộ Xây dựng", "- Nghiên cứu công ng", "Giai đoạn 2026 - 2027"),
        ("Bộ Y tế", "- Xây dựng hồ sơ sức", "Thường xuyên"),
        ("Bộ Y tế", "- Chủ trì, phối hợp ", "Hằng năm"),
    ]
    assert rows[1].support == "Bộ Tài chính" and rows[1].result == "- Công nghệ được áp dụng."


def test_items_grouped_under_the_units_that_carry_them_out():
    table = [
        _row("STT", "Danh mục dự án/ Cơ quan, đơn vị, địa phương thực hiện", "Kế hoạch vốn năm 2023", "Ghi chú"),
        _row("TỔNG SỐ", "50.000"),
        _row("I", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "7.500"),
        _row("1", "Trường THPT số 3: Nhà lớp học 02 tầng 06 phòng", "3.000"),
        _row("2", "Trường THPT số 2: Nhà đa năng", "4.500"),
        _row("II", "HUYỆN AN LÃO", "2.000"),
        _row("1", "Trường MN An Hòa: Xây dựng 01 phòng hội đồng", "2.000"),
    ]
    rows = cell_task_rows(table)
    assert [(r.lead, [r.task, *r.subtasks]) for r in rows] == [
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", ["Trường THPT số 3: Nhà lớp học 02 tầng 06 phòng", "Trường THPT số 2: Nhà đa năng"]),
        ("HUYỆN AN LÃO", ["Trường MN An Hòa: Xây dựng 01 phòng hội đồng"])]


# a gazette copy whose table the text layer printed one cell line after another: lone row numbers (page numbers
# follow the running header), a group on the line of its title, a row number on the line of its task, an extra
# column after the deadline
# the table header, printed again at the top of each page
LINE_HEADER = """TT
Nội dung công việc
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời hạn
hoàn thành
Căn cứ
"""
LINE_TABLE = f"""CHÍNH PHỦ
Số: 12/NQ-CP
NGHỊ QUYẾT
Ban hành Chương trình hành động
PHỤ LỤC
{LINE_HEADER}I
Tăng cường công tác truyền thông
1
Tổ chức phổ biến nội dung chương
trình tới cán bộ, công chức
Các bộ, cơ
quan ngang bộ
Bộ Tư pháp
Thường
xuyên
Kết luận
số 10-KL/TW
2
Xây dựng cơ sở dữ liệu về văn bản
hướng dẫn
Bộ Tư pháp
Các bộ,
ngành
Quý II/2027

CÔNG BÁO/Số 101/Ngày 02-02-2027
3

{LINE_HEADER}II Hoàn thiện thể chế về quản lý
1  Rà soát quy định về kiểm soát
thủ tục hành chính
Bộ Nội vụ
Bộ Tài chính
Tháng
6/2027
Kết luận
số 10-KL/TW
Phụ lục II
Các nội dung khác
"""


def test_reader_keeps_the_rows_of_a_table_printed_as_lines():
    lines = read_string(LINE_TABLE).text.split("\n")
    assert lines[lines.index("I") + 2] == "1"
    assert "Tổ chức phổ biến nội dung chương trình tới cán bộ, công chức" in lines
    assert "II Hoàn thiện thể chế về quản lý" in lines
    assert "1 Rà soát quy định về kiểm soát thủ tục hành chính" in lines
    # the page number after the running header is no row
    assert "3" not in lines


def test_rows_of_a_table_printed_as_lines():
    document = read_string(LINE_TABLE)
    rows, spans = text_task_rows(document.text)
    assert len(spans) == 1
    assert [(r.lead, r.deadline) for r in rows] == [("Các bộ, cơ quan ngang bộ", "Thường xuyên Kết luận số 10-KL/TW"),
                                                    ("Bộ Tư pháp", "Quý II/2027"),
                                                    ("Bộ Nội vụ", "Tháng 6/2027 Kết luận số 10-KL/TW")]
    assert rows[2].task == "Rà soát quy định về kiểm soát thủ tục hành chính"
    # the appendix after the table is no part of the last row
    assert "Các nội dung khác" not in rows[2].task + (rows[2].deadline or "")


def test_rows_numbered_under_a_group_number():
    text = ("PHỤ LỤC\nTT\nNhiệm vụ, giải pháp\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian thực hiện\n"
            "1. Rà soát, hoàn thiện thể chế\n1.1\nNghiên cứu, sửa đổi các quy định về đầu tư.\nBộ Tài chính\n"
            "Bộ Khoa học và Công nghệ\nQuý IV/2026\n1.2\nXây dựng cơ chế tín dụng.\nBộ Tài chính\nCác bộ\n"
            "Quý III/2026\n")
    rows, _ = text_task_rows(read_string(text).text)
    assert [(r.task, r.lead, r.deadline) for r in rows] == [
        ("Nghiên cứu, sửa đổi các quy định về đầu tư.", "Bộ Tài chính", "Quý IV/2026"),
        ("Xây dựng cơ chế tín dụng.", "Bộ Tài chính", "Quý III/2026")]


def test_a_task_line_that_ends_on_a_bound_word_goes_on_past_a_name():
    text = ("PHỤ LỤC\nTT\nNhiệm vụ, giải pháp\nCơ quan chủ trì\nCơ quan phối hợp\nThời hạn\n"
            "1\nTrình ban hành Nghị định của\nChính phủ quy định về định mức hỗ trợ viên\nchức\nBộ Tài chính\n"
            "Các bộ\nQuý III/2027\n"
            "2\nThể chế hóa các định hướng tại Nghị quyết số 99-NQ/TW của\nBộ Chính trị\nBộ Công Thương\n"
            "Các bộ,\nngành\nQuý IV/2027\n"
            "3\nXây dựng các mạng lưới đổi mới thông qua\nBộ Khoa học và\nCông nghệ\nCác bộ\nNăm 2028\n")
    rows, _ = text_task_rows(read_string(text).text)
    assert [(r.task, r.lead) for r in rows] == [
        ("Trình ban hành Nghị định của Chính phủ quy định về định mức hỗ trợ viên chức", "Bộ Tài chính"),
        ("Thể chế hóa các định hướng tại Nghị quyết số 99-NQ/TW của Bộ Chính trị", "Bộ Công Thương"),
        ("Xây dựng các mạng lưới đổi mới thông qua", "Bộ Khoa học và Công nghệ")]


def test_a_table_of_pipe_lines_is_no_table_printed_as_lines():
    # a web export that closes each cell with a lone "|": its cells keep their wrapped lines together
    text = "PHỤ LỤC\n|\nTT\n|\nChỉ tiêu\n|\nCơ quan chủ trì\n|\n|\n1\n|\nTỉ lệ dịch vụ công trực tuyến\n|\nBộ Khoa học và\nCông nghệ\n|\n"
    assert "Bộ Khoa học và Công nghệ" in read_string(text).text


def test_a_narrow_lead_cell_printed_a_word_a_line():
    text = ("PHỤ LỤC\nTT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian\n1.\n"
            "Nghiên cứu, đề xuất xây dựng văn bản quy phạm pháp luật.\nBộ\nNội\nvụ,\nBộ\nNgoại\ngiao\n"
            "Bộ Công an,\nBộ\nTài\nchính, các\nBộ, ngành\nNăm 2026\n")
    rows, _ = text_task_rows(read_string(text).text)
    assert [(r.lead, r.deadline) for r in rows] == [("Bộ Nội vụ, Bộ Ngoại giao", "Năm 2026")]


def test_a_term_numeral_wrapped_onto_the_next_line_is_no_heading():
    text = "KẾ HOẠCH\nVề bầu cử\nII. NỘI DUNG\nĐồng chí A được giới thiệu ứng cử đại biểu Quốc hội khóa\nXVII. Đồng chí B.\n"
    assert "Quốc hội khóa XVII. Đồng chí B." in read_string(text).text


# a table of indicators printed one cell a line (invented figures): the header in capitals, a lone value
# cell that looks like a page number ("27"), a unit wrapped onto its own line, numbered leads, sub-rows
# under "Trong đó:", a group row whose lead spans the rows under it, and a row without a number
INDICATOR_TABLE = """Phụ lục I
CÁC CHỈ TIÊU CHỦ YẾU
TT
CHỈ TIÊU
MỤC TIÊU
2026 - 2030
CƠ QUAN CHỦ
TRÌ, THEO DÕI
CƠ QUAN
PHỐI HỢP
I
VỀ KINH TẾ
1
Tốc độ tăng trưởng giá trị sản xuất bình quân/năm (%)
Phấn đấu ≥
7,5
1. Bộ Tài chính đầu mối tổng hợp, thống kê.
2. Các bộ, cơ quan, địa phương theo chức năng, nhiệm vụ được giao.
Các đơn vị có liên quan.
2
Tỉ trọng kinh tế tuần hoàn trong GDP đến năm 2030 (%)
27
Bộ Nông nghiệp và
Môi trường
Bộ Tài chính, Bộ
Công Thương, các địa phương
3
Tăng trưởng kim ngạch hàng hóa qua cảng biển
(%)
9 - 11
Bộ Xây dựng
Các bộ, cơ quan, địa phương
Trong đó:
Nhóm hàng container
12 - 14
Bộ Xây dựng
Các địa phương
Nhóm hàng rời
3 - 4
Bộ Xây dựng
Các địa phương
4
Hệ số sử dụng vốn
3,8 - 4,0
Bộ Tài chính
Các bộ, cơ quan
Phụ lục II
TT
NGÀNH, VÙNG
TỐC ĐỘ BÌNH QUÂN (%/NĂM)
CƠ QUAN CHỦ TRÌ, THEO DÕI
CƠ QUAN PHỐI HỢP
Toàn vùng
≥ 8,0
I
THEO TIỂU VÙNG
Ủy ban nhân dân các tỉnh trong vùng
Các bộ, cơ quan
1
Tiểu vùng ven biển
8,5 - 9,0
2
Tiểu vùng đồi núi
7,0
"""


def test_reader_keeps_a_lone_number_that_is_a_cell_of_a_row():
    lines = read_string(INDICATOR_TABLE).text.split("\n")
    assert lines[lines.index("Tỉ trọng kinh tế tuần hoàn trong GDP đến năm 2030 (%)") + 1] == "27"


def test_rows_of_a_table_of_indicators_printed_as_lines():
    rows, spans = text_task_rows(read_string(INDICATOR_TABLE).text)
    assert len(spans) == 2  # one table an appendix
    got = [(r.task, r.result, r.unit, r.lead) for r in rows]
    assert got == [
        ("Tốc độ tăng trưởng giá trị sản xuất bình quân/năm (%)", "Phấn đấu ≥ 7,5", "%", "Bộ Tài chính"),
        ("Tốc độ tăng trưởng giá trị sản xuất bình quân/năm (%)", "Phấn đấu ≥ 7,5", "%",
         "Các bộ, cơ quan, địa phương"),
        ("Tỉ trọng kinh tế tuần hoàn trong GDP đến năm 2030 (%)", "27", "%", "Bộ Nông nghiệp và Môi trường"),
        ("Tăng trưởng kim ngạch hàng hóa qua cảng biển (%)", "9 - 11", "%", "Bộ Xây dựng"),
        ("Trong đó: Nhóm hàng container", "12 - 14", "%", "Bộ Xây dựng"),
        ("Nhóm hàng rời", "3 - 4", "%", "Bộ Xây dựng"),
        ("Hệ số sử dụng vốn", "3,8 - 4,0", None, "Bộ Tài chính"),
        ("Toàn vùng", "≥ 8,0", "%/năm", None),
        ("Tiểu vùng ven biển", "8,5 - 9,0", "%/năm", "Ủy ban nhân dân các tỉnh trong vùng"),
        ("Tiểu vùng đồi núi", "7,0", "%/năm", "Ủy ban nhân dân các tỉnh trong vùng"),
    ]
    assert all(r.indicator for r in rows)


def test_a_table_of_indicators_whose_lead_only_monitors_assigns_nothing():
    text = INDICATOR_TABLE.replace("CƠ QUAN CHỦ\nTRÌ, THEO DÕI", "CƠ QUAN CHỦ TRÌ\nTHEO DÕI, ĐÁNH GIÁ")
    rows, _ = text_task_rows(read_string(text).text.split("Phụ lục II")[0])
    assert rows == []


@pytest.mark.parametrize("text, unit", [
    ("Tỉ lệ che phủ rừng (%)", "%"),
    ("Tốc độ bình quân 2026 - 2030 (%/NĂM)", "%/năm"),
    ("Thu nhập bình quân đầu người (USD)", "USD"),
    ("Số lượt khách đến năm 2030 (triệu lượt)", "triệu lượt"),
    ("Chỉ số phát triển con người (HDI)", None),
    ("Giảm tỉ lệ hộ nghèo (theo chuẩn nghèo đa chiều giai đoạn mới)", None),
    ("Tổng vốn đầu tư", None),
])
def test_unit_of_an_indicator(text, unit):
    assert unit_of(text) == unit


@pytest.mark.parametrize("text, expected", [
    # the chủ trì cell ends with its line, unless the line stops where a name goes on ("Bộ Công" / "Thương")
    ("PHỤ LỤC\nTT\nNHIỆM VỤ\nCƠ QUAN CHỦ TRÌ\nCƠ QUAN PHỐI HỢP\nTHỜI HẠN\n"
     "1\nHoàn thiện quy định về quản lý cảng cạn\nBộ Xây\ndựng\nBộ Tài chính\n2026 - 2027\n"
     "2\nXây dựng cơ chế phát triển vận tải thủy\nBộ Công\nThương\nCác bộ, ngành\n2026 - 2030\n"
     "3\nRà soát chính sách (Luật\nĐường thủy nội địa...)\nBộ Xây dựng, Bộ\nCông an\nCác địa phương\n2027\n",
     [("Hoàn thiện quy định về quản lý cảng cạn", "Bộ Xây dựng", "Bộ Tài chính", "2026 - 2027"),
      ("Xây dựng cơ chế phát triển vận tải thủy", "Bộ Công Thương", "Các bộ, ngành", "2026 - 2030"),
      # a capitalised line inside the task's brackets is no chủ trì cell
      ("Rà soát chính sách (Luật Đường thủy nội địa...)", "Bộ Xây dựng, Bộ Công an", "Các địa phương", "2027")]),
    # a time column before the chủ trì column: the time cell is the row's deadline, not the end of its task
    ("PHỤ LỤC\nTT\nNHIỆM VỤ\nTHỜI HẠN\nHOÀN THÀNH\nCƠ QUAN CHỦ TRÌ\nCƠ QUAN PHỐI HỢP\n"
     "1\nRà soát quy hoạch vùng ven biển\nQuý II/2026\nBộ Xây dựng\nCác địa phương\n"
     "2\nSửa đổi quy chuẩn kho bãi\nTháng 12/2026\nBộ Công Thương\nCác bộ\n",
     [("Rà soát quy hoạch vùng ven biển", "Bộ Xây dựng", "Các địa phương", "Quý II/2026"),
      ("Sửa đổi quy chuẩn kho bãi", "Bộ Công Thương", "Các bộ", "Tháng 12/2026")]),
])
def test_cells_of_task_rows_printed_as_lines(text, expected):
    rows, _ = text_task_rows(read_string(text).text)
    assert [(r.task, r.lead, r.support, r.deadline) for r in rows] == expected


def test_reader_joins_a_quarter_wrapped_before_its_numeral():
    text = ("PHỤ LỤC\nTT\nNội dung công việc\nCơ quan chủ trì\nCơ quan phối hợp\nThời hạn hoàn thành\n"
            "1\nBan hành quy chế quản lý cảng cạn\nBộ Xây dựng\nCác địa phương\nQuý\nIII/2027\n")
    assert "Quý III/2027" in read_string(text).text.split("\n")
