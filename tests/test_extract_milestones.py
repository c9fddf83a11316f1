"""Milestones extractor: real phrasing of plans in, (kind, start, end) out; negatives give nothing."""
from __future__ import annotations

import pytest

from pipeline.extract.milestones import extract
from pipeline.nlp import analyse_text

HEAD = ("LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH\nSố: 12/KH-LĐLĐ\nTây Ninh, ngày 10 tháng 1 năm {year}\nKẾ HOẠCH\n"
        "Thực hiện nhiệm vụ công tác\n")


def run(body: str, *, year: int = 2018):
    return extract(analyse_text(HEAD.format(year=year) + body, segment=False))


def triples(items):
    return [(m.kind, m.start, m.end) for m in items]


@pytest.mark.parametrize("body, expected", [
    # a phase heading with its bullets (seed 000 "III. LỘ TRÌNH THỰC HIỆN")
    ("III. LỘ TRÌNH THỰC HIỆN\n1. Giai đoạn 2019-2020\n- Xây dựng và triển khai thực hiện chương trình.\n"
     "- Xây dựng một số mô hình.\n2. Giai đoạn 2021-2023\n- Tổ chức triển khai sâu rộng.\nIV. KINH PHÍ\n- Chi kinh phí.",
     [("phase", "2019-01-01", "2020-12-31"), ("phase", "2021-01-01", "2023-12-31")]),
    # a dated step on one line (seed 001 "IV. TIẾN ĐỘ")
    ("IV. TIẾN ĐỘ\n1. Quý 3 năm 2024: Triển khai thực hiện Chương trình.",
     [("period", "2024-07-01", "2024-09-30")]),
    # unmarked time headings over bullets (seed 002)
    ("II. NỘI DUNG\nTháng 8/2018:\n- Phát hành tài liệu.\nTừ tháng 9 đến hết tháng 12/2018:\n- Cử cán bộ tập huấn.",
     [("period", "2018-08-01", "2018-08-31"), ("period", "2018-09-01", "2018-12-31")]),
    # a school year at the head of a bullet
    ("II. NỘI DUNG\n- Năm học 2022 - 2023 tổ chức tổng kết, đánh giá kết quả.",
     [("period", "2022-09-01", "2023-08-31")]),
    # a plan item's time field: a completion window, a period, a period from a start, an open end
    ("II. NỘI DUNG\n1. Tập huấn nghiệp vụ\n- Tổ chức tập huấn cho cán bộ.\nThời gian hoàn thành: Tháng 11 - 12/2018.\n"
     "2. Kiểm tra\n- Kiểm tra việc thực hiện.\nThời gian thực hiện: Tháng 12/2018.\n"
     "3. Tổng kết\n- Tổng kết, đánh giá.\nThời hạn hoàn thành: Từ ngày 01/01/2019 đến ngày 31/3/2019.\n"
     "4. Phổ biến\n- Nội dung thực hiện: Phổ biến Luật.\n- Thời gian thực hiện: Năm 2018 và các năm tiếp theo.\n",
     [("deadline", "2018-11-01", "2018-12-31"), ("period", "2018-12-01", "2018-12-31"),
      ("period", "2019-01-01", "2019-03-31"), ("period", "2018-01-01", None)]),
    # an inline deadline (seed 004)
    ("III. TỔ CHỨC THỰC HIỆN\nBáo cáo kết quả thực hiện về Liên đoàn Lao động huyện trước ngày 03/11/2021 để tổng hợp.",
     [("deadline", None, "2021-11-03")]),
    # a target horizon heading (kh_552 "2.1. Đến năm 2030")
    ("II. MỤC TIÊU\n2.1. Đến năm 2030\n- Hình thành ít nhất 20 mô hình.\n2.2. Định hướng đến năm 2035\n- Tối thiểu 80% doanh nghiệp.",
     [("deadline", None, "2030-12-31"), ("deadline", None, "2035-12-31")]),
    # "trong quý" places the step in the quarter; with "hoàn thành" it is due then (qd_844 III)
    ("III. TỔ CHỨC THỰC HIỆN\n1. Các bộ xây dựng kế hoạch trong quý II năm 2026.\n"
     "2. Các bộ rà soát các chương trình, hoàn thành trong quý IV năm 2026.",
     [("period", "2026-04-01", "2026-06-30"), ("deadline", "2026-10-01", "2026-12-31")]),
    # "từ năm" opens a span; "đến năm" / "vào năm" are horizons (qd_844 I, II)
    ("I. MỤC TIÊU\n- Từng bước tăng mức đóng bảo hiểm y tế từ năm 2027 phù hợp với lộ trình.\n"
     "- Hướng tới bao phủ bảo hiểm y tế toàn dân vào năm 2030.",
     [("period", "2027-01-01", None), ("deadline", None, "2030-12-31")]),
    # a year in parentheses dates a report (kh_552 VI.2)
    ("VI. CHẾ ĐỘ BÁO CÁO\nBáo cáo giữa kỳ thực hiện Kế hoạch (năm 2030).",
     [("period", "2030-01-01", "2030-12-31")]),
    # a paragraph whose dash a page break lost is still an activity; "III-" closes the goal
    ("II- MỤC TIÊU\n1. Đến năm 2030\n- Quy mô kinh tế số đạt 30% GDP.\nHạ tầng số hiện đại. Phủ sóng 5G toàn quốc.\n"
     "III- NHIỆM VỤ, GIẢI PHÁP\n1. Nâng cao nhận thức\n- Các cấp uỷ quán triệt Nghị quyết.",
     [("deadline", None, "2030-12-31")]),
    # a named stage without dates (kh_0129)
    ("4. Phương án tổ chức cấp phát\n- Giai đoạn 48-72 giờ:\nTổ chức bếp ăn cộng đồng tại các điểm sơ tán.",
     [("phase", None, None)]),
    # a scheduled day: a weekday in brackets after it, or a label's colon before it
    ("II. NỘI DUNG\n1. Riêng đối với lớp 1 tựu trường ngày 19/8/2024 (thứ Hai).",
     [("period", "2024-08-19", "2024-08-19")]),
    ("II. NỘI DUNG\n1. Tổ chức Khai giảng năm học mới: Ngày 05/9/2024.", [("period", "2024-09-05", "2024-09-05")]),
    # a span opened by "từ" inside a sentence, and one closed after ';' by "kết thúc"
    ("II. NỘI DUNG\n1. Tổ chức tập huấn từ ngày 06/9/2024 đến ngày 20/9/2024 cho cán bộ.",
     [("period", "2024-09-06", "2024-09-20")]),
    ("II. NỘI DUNG\n1. Học kỳ I: Bắt đầu từ ngày 06/9/2024; kết thúc trước ngày 18/01/2025.",
     [("period", "2024-09-06", "2025-01-18")]),
    # a bare first day of a range of days of one month
    ("II. NỘI DUNG\n1. Đợt 02: Thực hiện trong 03 ngày làm việc (từ ngày 08 đến ngày 10 tháng 12 năm 2025).",
     [("period", "2025-12-08", "2025-12-10")]),
    # "Căn cứ Kế hoạch này, ..." refers to the text itself: its line goes on with work, not a citation
    ("VI. TỔ CHỨC THỰC HIỆN\n1. Căn cứ Kế hoạch này, các sở xây dựng kế hoạch triển khai (hoàn thành trong tháng "
     "11/2025) gửi về Công an tỉnh.", [("deadline", "2025-11-01", "2025-11-30")]),
    # a time field whose label names what it times
    ("II. NỘI DUNG\n1. Thời gian thực hiện Chương trình: Từ năm 2025 đến hết năm 2030.",
     [("period", "2025-01-01", "2030-12-31")]),
    # "Kết thúc năm Y, ..." / "Hết năm Y, ..." before a demand: its due date
    ("II. NỘI DUNG\n1. Kết thúc năm 2027, Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện.",
     [("deadline", None, "2027-12-31")]),
    ("II. NỘI DUNG\n1. Hết năm 2026, hoàn thành việc sắp xếp các trạm y tế.", [("deadline", None, "2026-12-31")]),
    # a span "xuyên suốt" a range of years, and a bare year "trở đi" in brackets after a task
    ("II. NỘI DUNG\n1. Đào tạo nhân lực, huy động doanh nghiệp tham gia (xuyên suốt 2026 - 2030).",
     [("period", "2026-01-01", "2030-12-31")]),
    ("II. NỘI DUNG\n1. Mở rộng và kết nối dữ liệu của tỉnh với các hệ thống dùng chung (2027 trở đi).",
     [("period", "2027-01-01", None)]),
])
def test_milestones(body, expected):
    assert triples(run(body)) == expected


def test_goal_activities_keep_unmarked_paragraphs_and_stop_at_the_next_part():
    body = ("II- MỤC TIÊU\n1. Đến năm 2030\n- Quy mô kinh tế số đạt 30% GDP.\nHạ tầng số hiện đại. Phủ sóng 5G toàn quốc.\n"
            "III- NHIỆM VỤ, GIẢI PHÁP\n1. Nâng cao nhận thức\n- Các cấp uỷ quán triệt Nghị quyết.")
    [goal] = run(body, year=2024)
    assert goal.activities == ["Quy mô kinh tế số đạt 30% GDP.", "Hạ tầng số hiện đại. Phủ sóng 5G toàn quốc."]


@pytest.mark.parametrize("body, words", [
    # "Hằng năm, ..." opens a sentence (seed 000)
    ("V. TỔ CHỨC THỰC HIỆN\n- Kiểm tra, giám sát. Hàng năm, báo cáo kết quả thực hiện về Liên đoàn lao động tỉnh.",
     "báo cáo kết quả thực hiện"),
    # "định kỳ" before a verb (seed 003)
    ("III. TỔ CHỨC THỰC HIỆN\n- Xây dựng kế hoạch, định kỳ tổng hợp báo cáo kết quả gửi về Liên đoàn Lao động tỉnh.",
     "tổng hợp báo cáo kết quả"),
    # a day without a year and "hằng năm" (kh_552)
    ("VI. CHẾ ĐỘ BÁO CÁO\nSở tổng hợp, báo cáo Ủy ban nhân dân Tỉnh trước ngày 30/11 hằng năm.", "tổng hợp"),
    # a time of day repeated every day (kh_0129)
    ("III. TỔ CHỨC THỰC HIỆN\n- Tổng hợp nhu cầu từ cơ sở, báo cáo UBND tỉnh trước 19h00’ hằng ngày.", "nhu cầu"),
    # "hằng năm" at the end of a reporting clause: the reporting recurs
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi, đôn đốc các sở, báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực "
     "hiện hằng năm theo quy định; đề xuất khen thưởng.", "báo cáo Chủ tịch"),
    # ... or before whom the report goes to
    ("IV. TỔ CHỨC THỰC HIỆN\n- Báo cáo tổng hợp hàng ngày gửi Ủy ban nhân dân tỉnh.", "gửi Ủy ban nhân dân tỉnh"),
    # ... or the next work
    ("IV. TỔ CHỨC THỰC HIỆN\n- Tổ chức đánh giá, báo cáo kết quả thực hiện Đề án hàng năm và tổng kết sau khi kết thúc "
     "Đề án.", "đánh giá"),
    # a rate of rounds ("đợt") recurs like a rate of times
    ("II. NỘI DUNG\n1. Vùng nuôi tôm: tần suất quan trắc 02 đợt/tháng.", "tần suất quan trắc"),
    # months of every year
    ("II. NỘI DUNG\n1. Thời gian thực hiện: Từ tháng 3 đến tháng 11 hằng năm.", "Thời gian thực hiện"),
    # a day of the month repeated every month
    ("IV. TỔ CHỨC THỰC HIỆN\n- Phát hành tài liệu cho các chi bộ sinh hoạt đúng ngày mồng 3 hằng tháng theo quy định.",
     "chi bộ sinh hoạt"),
    # "Hằng năm hoặc đột xuất" opening a sentence
    ("IV. TỔ CHỨC THỰC HIỆN\n2. Các bộ xây dựng kế hoạch chi tiết. Hằng năm hoặc đột xuất báo cáo kết quả thực hiện "
     "về Bộ Công an.", "báo cáo kết quả"),
])
def test_recurring(body, words):
    items = run(body)
    assert [m.kind for m in items] == ["recurring"]
    assert (items[0].start, items[0].end) == (None, None)
    assert words in items[0].activities[0]


def test_a_reporting_schedule_gives_one_recurring_milestone_per_period():
    found = run("V. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành định kỳ hàng tháng (trước ngày 16 hàng tháng), 6 tháng (trước "
                "ngày 16/6), tổng kết năm (trước ngày 20/11 hàng năm) hoặc khi có yêu cầu báo cáo tình hình thực hiện "
                "Kế hoạch, gửi Sở Công Thương tổng hợp.")
    assert [m.text for m in found] == ["định kỳ hàng tháng (trước ngày 16 hàng tháng)", "6 tháng (trước ngày 16/6)",
                                       "tổng kết năm (trước ngày 20/11 hàng năm)"]
    assert {m.kind for m in found} == {"recurring"}
    assert found[0].activities == ["Các sở, ngành báo cáo tình hình thực hiện Kế hoạch, gửi Sở Công Thương tổng hợp"]


@pytest.mark.parametrize("body", [
    # dates of cited documents
    "Căn cứ Nghị định số 200/2023/NĐ-CP ngày 28/12/2023 của Chính phủ;\nI. MỤC ĐÍCH",
    "Thực hiện Kế hoạch số 242/KH-LĐLĐ, ngày 24 tháng 6 năm 2021 của Ban Thường vụ về chủ đề năm 2021.",
    # "hằng năm" / "định kỳ" describing a noun
    "II. NHIỆM VỤ\n- Đưa các chỉ tiêu vào kế hoạch phát triển kinh tế - xã hội hằng năm và dài hạn.",
    "II. NHIỆM VỤ\n- Mở rộng phạm vi chi trả đối với khám sức khỏe định kỳ và khám sàng lọc.",
    "II. NHIỆM VỤ\n- Vận dụng để thực hiện kế hoạch hoạt động toàn khóa, hàng năm của đơn vị mình.",
    "II. NHIỆM VỤ\n- Vận dụng để thực hiện kế hoạch toàn khóa, hàng năm hoặc đột xuất của đơn vị mình.",
    # "Thường xuyên" sets no time
    "V. TỔ CHỨC THỰC HIỆN\n- Thường xuyên rà soát, đánh giá kết quả tổ chức thực hiện Chương trình.",
    # the horizon of a document or programme named in the sentence
    "Ủy ban nhân dân Tỉnh ban hành Kế hoạch thực hiện lộ trình đổi mới công nghệ đến năm 2035 như sau:",
    "Công đoàn xây dựng Chương trình nâng cao chất lượng đội ngũ giai đoạn 2019-2023 như sau:",
    # background: a time already over when the text was signed
    "I. TÌNH HÌNH\n- Từ ngày 15/11 đến ngày 20/11/2024, trên địa bàn tỉnh xảy ra đợt mưa rất lớn.",
    # a bare number is no year
    "II. NHIỆM VỤ\n- Đào tạo 2030 lượt cán bộ.",
])
def test_not_milestones(body):
    assert run(body, year=2025) == []


def test_title_horizon_is_not_a_milestone():
    text = HEAD.format(year=2019).replace("Thực hiện nhiệm vụ công tác", "Nâng cao chất lượng đội ngũ giai đoạn 2019 – 2023")
    assert extract(analyse_text(text + "I. MỤC TIÊU\n- Nâng cao chất lượng.", segment=False)) == []


def test_phase_activities_are_its_bullets():
    (phase,) = run("III. LỘ TRÌNH\n1. Giai đoạn 2019-2020\n- Xây dựng chương trình.\n- Xây dựng mô hình.\n"
                   "IV. KINH PHÍ\n- Chi kinh phí.")
    assert phase.activities == ["Xây dựng chương trình.", "Xây dựng mô hình."]
    assert phase.text == "Giai đoạn 2019-2020" and phase.section == "III.1" and phase.precision == "range"


def test_assignment_table_cells():
    # the thời gian column of a STT | nhiệm vụ | chủ trì | phối hợp | thời gian table (kh_552 Phụ lục)
    body = ("I. NHIỆM VỤ\n| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Rà soát các cơ chế, chính sách hỗ trợ | Sở Tài chính | Các sở | Thường xuyên |\n"
            "| 2 | Đề xuất giải pháp cải thiện môi trường đầu tư | Sở Tài chính | Sở Công Thương | 2026 |\n"
            "| 3 | Xây dựng chương trình hỗ trợ nghiên cứu | Sở Khoa học | Các sở | Quý IV/2025 |\n"
            "| 4 | Phát triển hệ sinh thái đổi mới sáng tạo | Sở Khoa học | Các sở | Năm 2026-2030 |\n"
            "| 5 | Bố trí ngân sách hỗ trợ mức đóng | Sở Tài chính | Các sở | Hằng năm và từng giai đoạn |\n")
    items = run(body, year=2025)
    assert triples(items) == [("period", "2026-01-01", "2026-12-31"), ("deadline", "2025-10-01", "2025-12-31"),
                              ("period", "2026-01-01", "2030-12-31"), ("recurring", None, None)]
    assert items[1].activities == ["Xây dựng chương trình hỗ trợ nghiên cứu"]


def test_a_time_cell_that_says_more_than_its_time_and_rows_with_merged_cells():
    # STT | Chủ trì | Nhóm | Nội dung | Thời gian: the rows after the first share the merged cells on the left
    body = ("PHỤ LỤC\n| STT | Cơ quan chủ trì | Thuộc nhóm | Nội dung nhiệm vụ | Thời gian thực hiện |\n|---|---|---|---|---|\n"
            "| 1 | Sở Xây dựng | Quản lý chất thải rắn | Lập quy hoạch bãi chôn lấp | Hoàn thành trong giai đoạn 2026 - 2027 |\n"
            "| Rà soát quy chuẩn xử lý chất thải | Giai đoạn 2026 - 2030 |\n"
            "| Lập danh mục cơ sở gây ô nhiễm | Trước ngày 30/11/2026 |\n")
    items = run(body, year=2025)
    assert triples(items) == [("period", "2026-01-01", "2027-12-31"), ("period", "2026-01-01", "2030-12-31"),
                              ("deadline", None, "2026-11-30")]
    assert [i.activities for i in items] == [["Lập quy hoạch bãi chôn lấp"], ["Rà soát quy chuẩn xử lý chất thải"],
                                             ["Lập danh mục cơ sở gây ô nhiễm"]]


def test_gazette_table_lines():
    # qd_844: a table flattened into lines, the deadline ends the row's last line
    body = ("PHỤ LỤC\nSTT\nTên nhiệm vụ cụ thể Cơ quan chủ trì Cơ quan phối hợp Kết quả Thời gian hoàn thành\n"
            "5.\nXây dựng Đề án về đổi mới công tác truyền thông.\n"
            "Bộ Tài chính Bộ Y tế, cơ quan, đơn vị liên quan Quyết định của Bộ trưởng ban hành Đề án Quý I/2027\n"
            "6.\nTăng cường đôn đốc, kiểm tra, giám sát việc thực hiện đề án.\n"
            "Kế hoạch/hoạt động hằng năm Thường xuyên\n"
            "12.\nNghiên cứu cơ chế cho người bệnh ra viện vào thứ bảy.\n"
            "Cơ sở khám bệnh, chữa bệnh Bộ Y tế Đề án/kế hoạch triển khai Từ quý I/2027\n")
    items = run(body, year=2026)
    assert triples(items) == [("deadline", "2027-01-01", "2027-03-31"), ("period", "2027-01-01", None)]


def test_work_placed_in_listed_months_is_a_period_of_each():
    items = run("II. NỘI DUNG\n- Thuốc bảo vệ thực vật: thời gian quan trắc vào tháng 4 và tháng 8 năm 2026.", year=2025)
    assert [(m.kind, m.start, m.end) for m in items] == [("period", "2026-04-01", "2026-04-30"),
                                                        ("period", "2026-08-01", "2026-08-31")]


def test_from_now_is_a_period_from_the_signing_day():
    items = run("I. CHÍNH SÁCH\nb) Thời gian hỗ trợ: Từ nay đến hết ngày 31 tháng 12 năm 2025.", year=2025)
    assert triples(items) == [("period", "2025-01-10", "2025-12-31")]


def test_a_span_from_the_day_the_text_was_issued():
    found = run("V. THỜI GIAN THỰC HIỆN\nĐợt thi đua được triển khai thực hiện từ ngày ban hành Kế hoạch đến khi tổ chức "
                "thành công Đại hội.\n1. Tổ chức kiểm tra từ ngày ban hành Kế hoạch đến ngày 31/12/2025.\n"
                "Điều 2. Quyết định này có hiệu lực kể từ ngày ban hành.", year=2025)
    assert triples(found) == [("period", "2025-01-10", None), ("period", "2025-01-10", "2025-12-31")]


def test_a_bare_rate_in_a_table_cell_is_a_schedules_entry():
    body = ("II. NỘI DUNG\n- Quan trắc định kỳ.\n\nPHỤ LỤC\n\n|\nTT\n|\nThông số\n|\nTần suất\n|\n|\n1\n|\n"
            "Nhiệt độ nước\n|\n10 đợt/năm\n|\n")
    assert [m for m in run(body, year=2025) if m.kind == "recurring"] == []


def test_months_listed_before_one_year():
    # consecutive months make one span; others a period each
    assert triples(run("II. NỘI DUNG\n3. Thời gian thực hiện: Tháng 11, 12/2025.", year=2025)) == [
        ("period", "2025-11-01", "2025-12-31")]
    assert triples(run("II. NỘI DUNG\n- Tổ chức kiểm tra vào tháng 3, 6 và 9 năm 2026.", year=2025)) == [
        ("period", "2026-03-01", "2026-03-31"), ("period", "2026-06-01", "2026-06-30"),
        ("period", "2026-09-01", "2026-09-30")]


def test_an_event_held_in_a_year_is_a_period_a_goal_by_a_year_a_deadline():
    found = run("II. NỘI DUNG\nc) Tổng kết giai đoạn 2026-2027 vào năm 2027; giai đoạn 2028-2030 vào năm 2030;\n"
                "d) Phấn đấu hướng tới mục tiêu xanh vào năm 2030.", year=2025)
    assert triples(found) == [("period", "2027-01-01", "2027-12-31"), ("period", "2030-01-01", "2030-12-31"),
                              ("deadline", None, "2030-12-31")]


def test_a_table_printed_one_cell_a_line():
    # a gazette copy: the header one cell a line, a row's time split over two lines or alone as a year
    body = ("PHỤ LỤC\nTT\nTên nhiệm vụ\nCơ quan\nchủ trì\nThời gian\nhoàn thành\nCăn cứ\n"
            "1\nXây dựng bộ chỉ số đánh giá\nBộ Tư pháp\nTháng\n3/2027\nNghị quyết số 23/NQ-CP ngày\n07/02/2026\n"
            "2\nXây dựng Đề án tiêu chí\nBộ Tư pháp\n2027\nKết luận số 10-KL/TW\n")
    items = run(body, year=2026)
    assert [(m.start, m.end, m.activities) for m in items] == [
        ("2027-03-01", "2027-03-31", ["Xây dựng bộ chỉ số đánh giá"]),
        ("2027-01-01", "2027-12-31", ["Xây dựng Đề án tiêu chí"])]


def test_a_forecast_or_a_report_holds_no_milestone():
    found = run("Theo dự báo của cơ quan khí tượng, từ tối nay đến ngày 18/11/2025 có mưa to. Từ ngày 16-20/11/2025, "
                "trên các sông xuất hiện một đợt lũ.\n1. Các tỉnh hoàn thành sơ tán dân trước ngày 17/11/2025.",
                year=2025)
    assert triples(found) == [("deadline", None, "2025-11-17")]


def test_the_horizon_in_the_header_of_a_table_of_indicators_is_no_milestone():
    # "MỤC TIÊU" / "2026 - 2030" heads the column of levels (printed again at each page): no period of the plan
    text = ("KẾ HOẠCH\nThực hiện chương trình\nPhụ lục I\nTT\nCHỈ TIÊU\nMỤC TIÊU\n2026 - 2030\nCƠ QUAN CHỦ TRÌ\n"
            "CƠ QUAN PHỐI HỢP\n1\nTỉ lệ che phủ rừng (%)\n43\nBộ Nông nghiệp và Môi trường\nCác địa phương\n"
            "TT\nCHỈ TIÊU\nMỤC TIÊU\n2026 - 2030\nCƠ QUAN CHỦ TRÌ\nCƠ QUAN PHỐI HỢP\n"
            "2\nTuổi thọ trung bình (tuổi)\n76\nBộ Y tế\nCác địa phương\n")
    assert [m for m in extract(analyse_text(text, segment=False)) if m.start == "2026-01-01"] == []


def test_every_task_table_printed_as_lines_gives_its_rows_times():
    # two appendices, each a table one cell a line (invented tasks): the second is read as the first
    table = ("TT\nNHIỆM VỤ\nCƠ QUAN CHỦ TRÌ\nCƠ QUAN PHỐI HỢP\nTHỜI HẠN\n"
             "1\nXây dựng đề án phát triển cảng cạn {n}\nBộ Xây dựng\nCác địa phương\n{t1}\n"
             "2\nHoàn thiện quy chuẩn kho bãi {n}\nBộ Công Thương\nCác bộ\n{t2}\n")
    text = ("KẾ HOẠCH\nThực hiện chương trình\nPhụ lục I\n" + table.format(n="vùng A", t1="Quý II/2026", t2="2026 - 2027")
            + "Phụ lục II\n" + table.format(n="vùng B", t1="Quý IV/2026", t2="2027 - 2028"))
    got = [(m.start, m.end, m.activities) for m in extract(analyse_text(text, segment=False))]
    assert ("2027-01-01", "2028-12-31", ["Hoàn thiện quy chuẩn kho bãi vùng B"]) in got
    assert ("2026-10-01", "2026-12-31", ["Xây dựng đề án phát triển cảng cạn vùng B"]) in got


def test_a_due_date_cell_ends_its_row_of_a_table_printed_as_lines():
    text = ("KẾ HOẠCH\nThực hiện chương trình\nPhụ lục\nTT\nNội dung công việc\nCơ quan chủ trì\nCơ quan phối hợp\n"
            "Thời hạn hoàn thành\n1\nBan hành quy chế phối hợp quản lý cảng cạn\nBộ Xây dựng\nCác địa phương\n"
            "Trước ngày 15/4/2027\n2\nRà soát quy hoạch kho bãi ven biển\nBộ Công Thương\nCác bộ\nQuý II/2027\n")
    got = [(m.kind, m.start, m.end, m.activities) for m in extract(analyse_text(text, segment=False))]
    assert ("deadline", None, "2027-04-15", ["Ban hành quy chế phối hợp quản lý cảng cạn"]) in got
