"""Targets (chỉ tiêu): table-driven rows of real phrasing, spec/RECORDS.md "Targets"."""
from __future__ import annotations

import pytest

from pipeline.extract.targets import extract
from pipeline.lang.quantities import find_numbers, parse_number
from pipeline.nlp import analyse_text


def _targets(body: str, *, heading: str = "II. NHIỆM VỤ"):
    text = f"KẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n{heading}\n{body}\n"
    return extract(analyse_text(text, segment=False))


def t(value, unit, comparator="=", *, subject=None, frequency=None, value_max=None):
    """Expected target: the fields a row checks (subject/frequency only when given)."""
    return {"value": value, "unit": unit, "comparator": comparator, "subject": subject,
            "frequency": frequency, "value_max": value_max}


def _check(found, expected):
    assert len(found) == len(expected), [(x.value, x.unit, x.text) for x in found]
    for got, want in zip(found, expected, strict=True):
        assert got.value == want["value"]
        assert got.unit == want["unit"]
        assert got.comparator == want["comparator"]
        if want["subject"] is not None:
            assert got.subject == want["subject"]
        if want["frequency"] is not None:
            assert got.frequency == want["frequency"]
        if want["value_max"] is not None:
            assert got.value_max == want["value_max"]


@pytest.mark.parametrize("body, expected", [
    # percentage with "Phấn đấu": >=, the counted noun phrase stops at "được"
    ("- Phấn đấu 100% chủ tịch công đoàn cơ sở được tuyên truyền nâng cao nhận thức.",
     [t(100, "%", ">=", subject="chủ tịch công đoàn cơ sở")]),
    # a bare percentage anywhere in the text: "="
    ("- Xây dựng kế hoạch hành động và triển khai tới 100% các cấp công đoàn.",
     [t(100, "%", "=", subject="cấp công đoàn")]),
    # two values, one comparator for the clause, frequency carried from the lead-in
    ("- Hàng năm có ít nhất 90% CĐCS khu vực nhà nước, 55% CĐCS khu vực ngoài nhà nước được xếp loại "
     "hoàn thành tốt nhiệm vụ trở lên.",
     [t(90, "%", ">=", subject="CĐCS khu vực nhà nước", frequency="hàng năm"),
      t(55, "%", ">=", subject="CĐCS khu vực ngoài nhà nước", frequency="hàng năm")]),
    # a rate after the value is its frequency, not a target of its own
    ("- 100% cán bộ công đoàn cơ sở được tập huấn, bồi dưỡng nâng cao năng lực ít nhất 01 lần/ năm.",
     [t(100, "%", "=", subject="cán bộ công đoàn cơ sở", frequency="ít nhất 01 lần/năm")]),
    # a rate per a base: the unit runs over '/' and the base's noun, up to a stop word
    ("- Phấn đấu đạt 12 bác sĩ/vạn dân và 35 giường bệnh/10.000 dân vào năm 2025.",
     [t(12, "bác sĩ/vạn dân", ">="), t(35, "giường bệnh/10.000 dân", ">=")]),
    # a rate that is the level itself: value 1, unit lần/năm
    ("- Ban chấp hành CĐCS tổ chức đánh giá kết quả thực hiện nhiệm vụ của các ủy viên ít nhất 01 lần/ năm.",
     [t(1, "lần/năm", ">=")]),
    # a rate in a task: "báo cáo 02 lần/ngày"
    ("- Huy động nguồn lực xã hội hóa tại chỗ; báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình.",
     [t(2, "lần/ngày", "=")]),
    # word numeral after a comparator: "ít nhất một hoạt động" shares the clause of 90%
    ("- Hàng năm, phấn đấu 90% công đoàn CĐCS có ít nhất một hoạt động phối hợp với chuyên môn.",
     [t(90, "%", ">="), t(1, "hoạt động", ">=")]),
    # decimal comma and "đạt trên": >=, subject led by "tỷ lệ"
    ("- Phấn đấu tỷ lệ bao phủ bảo hiểm y tế đạt trên 95,5% dân số.",
     [t(95.5, "%", ">=", subject="tỷ lệ bao phủ bảo hiểm y tế")]),
    # a range per year
    ("- Tốc độ tăng trưởng kinh tế đạt 10,5 - 11,0%/năm.",
     [t(10.5, "%", "=", value_max=11, frequency="hằng năm", subject="Tốc độ tăng trưởng kinh tế")]),
    # counts with "ít nhất", thousands dot, list of counts cut at "," and ";"
    ("- Hình thành ít nhất 100 doanh nghiệp khởi nghiệp sáng tạo, 50 doanh nghiệp khoa học công nghệ; "
     "đồng thời có ít nhất 50 doanh nghiệp trở thành hạt nhân đổi mới công nghệ.",
     [t(100, "doanh nghiệp", ">="), t(50, "doanh nghiệp", ">="), t(50, "doanh nghiệp", ">=")]),
    # "không quá": <=
    ("- Bảo đảm cấp Bộ chỉ thực hiện không quá 30% thủ tục hành chính.",
     [t(30, "%", "<=", subject="thủ tục hành chính")]),
    # "Tối thiểu": >=; "Quy mô kinh tế số đạt 40% GRDP": "=" with the lead subject
    ("- Tối thiểu 80% doanh nghiệp trên địa bàn tỉnh ứng dụng công nghệ tiên tiến.",
     [t(80, "%", ">=", subject="doanh nghiệp trên địa bàn tỉnh")]),
    ("- Quy mô kinh tế số đạt 40% GRDP.", [t(40, "%", "=", subject="Quy mô kinh tế số")]),
    # "mỗi năm một lần": a rate written with the period first
    ("- Bảo đảm cho mọi người dân được khám sức khỏe miễn phí ít nhất mỗi năm một lần.",
     [t(1, "lần/năm", ">=")]),
    # a flattened table row: the unit stands in "(%)"
    ("Tỉ lệ đô thị hóa (%) > 50 Bộ Xây dựng Các bộ, cơ quan, địa phương",
     [t(50, "%", ">=")]),
    # a cost cut is a target even though "chi phí" follows the percentage
    ("- Hoàn thành việc cắt giảm 50% chi phí tuân thủ thủ tục hành chính.", [t(50, "%", "=")]),
    # ... and so is an allotted minimum share of a budget
    ("- Bố trí ít nhất 10% ngân sách sự nghiệp cho nghiên cứu ứng dụng.", [t(10, "%", ">=")]),
    # a level of value to reach, in money: its unit is the scale with the currency
    ("- Phấn đấu giá trị hàng hóa xuất khẩu đến năm 2030 đạt 400 triệu USD.", [t(400, "triệu USD", ">=")]),
    ("- Tổng giá trị sản phẩm chè dự kiến đạt trên 33 triệu USD.", [t(33, "triệu USD", ">=")]),
    # nouns counted together are one unit
    ("- Lựa chọn ít nhất 01 doanh nghiệp, hợp tác xã làm đầu mối.", [t(1, "doanh nghiệp, hợp tác xã", ">=")]),
    ("- Mỗi quý có ít nhất 04 tin, bài về bình đẳng giới.", [t(4, "tin, bài", ">=")]),
    # a value joined by "và" and a comparator is a target of its own; a value after ';' quotes its whole clause
    ("- Phấn đấu tuyên truyền cho người học tại 100% nhà trường và trên 70% người lao động tại các khu công nghiệp.",
     [t(100, "%", ">=", subject="nhà trường"), t(70, "%", ">=", subject="người lao động")]),
    # a count right after a label that names it; a yearly cost is no level
    ("- Số điểm quan trắc: 08 điểm.", [t(8, "điểm")]),
    ("- Kinh phí thuê dịch vụ: 50.000.000 đồng/năm.", []),
    # a label that names what the count counts
    ("+ Lắp đặt mới trạm quan trắc tự động: 12 trạm.", [t(12, "trạm")]),
    ("+ Cấp phát tài liệu: 12 trạm.", []),
    # a unit of measure keeps its power, alone or before '/'
    ("- Phấn đấu bảo đảm diện tích nhà ở tối thiểu 30 m2.", [t(30, "m2", ">=")]),
    ("- Phấn đấu diện tích sàn nhà ở bình quân đạt 28 m2/người.", [t(28, "m2/người", ">=")]),
    # a unit per cubic metre keeps its power; a capital after a comma opens the next clause, not a second noun
    ("- Nồng độ bụi PM10 trung bình năm đạt dưới 45 μg/m3.", [t(45, "μg/m3", "<=")]),
    ("- Phấn đấu đến năm 2030 có 1.000 công trình xanh, trong đó Đà Nẵng có tối thiểu 80 công trình, Thành phố "
     "Huế có tối thiểu 60 công trình.", [t(1000, "công trình", ">="), t(80, "công trình", ">="), t(60, "công trình", ">=")]),
    # a count before a level of money (not a share) stays a target
    ("- Phấn đấu có 60 doanh nghiệp có doanh thu từ thị trường nước ngoài đạt 20 triệu USD/năm.",
     [t(60, "doanh nghiệp", ">="), t(20, "triệu USD/năm", ">=", subject="triệu USD năm")]),
    # a value inside brackets: the bracket's clause
    ("- Tặng Bằng khen cho các tập thể có thành tích xuất sắc (tỷ lệ không quá 10% tập thể).",
     [t(10, "%", "<=", subject="tập thể")]),
])
def test_prose_targets(body, expected):
    _check(_targets(body), expected)


@pytest.mark.parametrize("body, expected", [
    # a scope number after the value: only the 100% is a target
    ("- Tham gia tập huấn cho 100% chủ tịch công đoàn cơ sở ngoài khu vực nhà nước có từ 1.000 đoàn viên "
     "trở lên khi Liên đoàn Lao động tỉnh chiêu sinh.", [t(100, "%", "=")]),
    ("- Tổ chức tập huấn cho 100% chủ tịch công đoàn cơ sở có dưới 1.000 đoàn viên.", [t(100, "%", "=")]),
    # the starting level of a change is no target: "tăng từ 60% lên 80%"
    ("- Tỷ lệ hộ dùng nước sạch tăng từ 60% lên 80%.", [t(80, "%")]),
    # an age bounds the scope: "dưới 5 tuổi"
    ("- Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi còn dưới 16%.", [t(16, "%", "<=")]),
    # a value before the share the clause reaches bounds its subject: only the share is a target
    ("- Tỷ lệ hộ gia đình truy cập băng rộng với tốc độ 100 Mb/s đạt 90%.", [t(90, "%")]),
    ("- Tỷ lệ hộ gia đình có ít nhất 01 thẻ bảo hiểm y tế đạt tối thiểu 95%.", [t(95, "%", ">=")]),
    # counts that only enumerate, dates, document numbers, article numbers, money, durations
    ("- Triển khai 7 chương trình công tác trọng tâm của nhiệm kỳ.", []),
    ("- Căn cứ Kế hoạch số 242/KH-LĐLĐ ngày 24/6/2021 của Liên đoàn Lao động tỉnh.", []),
    ("- Thực hiện theo Điều 5, khoản 2 Mục 4 kế hoạch này.", []),
    # a number that labels a category ("đối tượng 4") is no second value of the clause
    ("- 100% cán bộ, công chức, viên chức khi tham gia bồi dưỡng thuộc đối tượng 4 được phổ biến kiến thức phòng "
     "chống thiên tai;", [t(100, "%")]),
    ("- Tổng kinh phí thực hiện là 500 triệu đồng từ ngân sách tỉnh.", []),
    ("- Ngân sách hỗ trợ 50% kinh phí tổ chức lớp học.", []),
    ("- Ngân sách tỉnh bố trí 50% kinh phí, ngân sách huyện bố trí 50% kinh phí.", []),  # a cost split
    ("- Báo cáo kết quả trong 05 ngày làm việc kể từ ngày kết thúc.", []),
    # a situation, not a commitment: "có trên 40 điểm ngập", "hơn 200.000 nhà bị ngập"
    ("- Giao thông có trên 40 điểm ngập, hơn 200.000 nhà bị ngập.", []),
    # "2 con số" is the name of a growth level, "một số" is no numeral
    ("- Thực hiện mục tiêu tăng trưởng \"2 con số\" và một số nhiệm vụ khác.", []),
    # reported results: "ước đạt", "so cùng kỳ", "đạt 100% kế hoạch"
    ("- Tốc độ tăng trưởng kinh tế năm 2025 ước đạt 8% so cùng kỳ.", []),
    ("- Kim ngạch xuất khẩu cả năm đạt 2.600 triệu USD, đạt 100% kế hoạch.", []),
    # a scoring rubric grades results, it commits no one
    ("- Đơn vị đạt tỷ lệ 100% cộng 05 điểm, không đạt tỷ lệ 100% không cộng điểm.", []),
    ("- Từ 88 - 90% cộng 02 điểm; từ 90-95% cộng 03 điểm.", []),
    ("- Tỷ lệ = b/a * 100%.", []),
    # an amount of money is a cost, not a level
    ("- Hỗ trợ 500 triệu đồng cho mỗi xã bị ảnh hưởng.", []),
    ("- Doanh thu du lịch ước đạt 8.585 tỷ đồng.", []),
    # ranks are left out ("nhóm 3 nước", "top 03")
    ("- Phấn đấu vào nhóm 3 nước dẫn đầu ASEAN.", []),
    # the bound is the first count's: the fields it lists after it are enumerated, not capped
    ("- Các trung tâm thuộc Sở Y tế sắp xếp tối đa không quá 04 trung tâm tương ứng với 04 lĩnh vực sau: "
     "(1) dân số, (2) kiểm nghiệm", [t(4, "trung tâm", "<=")]),
])
def test_not_targets(body, expected):
    _check(_targets(body), expected)


def test_bare_count_in_target_section():
    # a count without comparator is a target under a CHỈ TIÊU / MỤC TIÊU heading
    found = _targets("- Tổ chức đào tạo, bồi dưỡng 3.000 lượt nhân lực về chuyển đổi số.",
                     heading="II. CHỈ TIÊU")
    _check(found, [t(3000, "lượt", "=")])
    assert found[0].text.startswith("Tổ chức đào tạo")
    # ... and not elsewhere
    assert _targets("- Tổ chức đào tạo, bồi dưỡng 3.000 lượt nhân lực về chuyển đổi số.") == []


def test_a_section_of_outstanding_results_reports_the_past():
    body = "- Chỉ số giá tiêu dùng bình quân 04 tháng đầu năm tăng 3,99%; xuất khẩu đạt 168,53 tỷ USD."
    assert _targets(body, heading="1. Những kết quả nổi bật") == []
    assert _targets(body, heading="2. Hạn chế, bất cập cần lưu ý") == []


def test_a_share_of_the_plan_is_a_target_when_the_clause_pledges_it():
    _check(_targets("- Đẩy nhanh phân bổ vốn, bảo đảm giải ngân 100% kế hoạch vốn năm 2026."), [t(100, "%")])
    assert _targets("- Giải ngân vốn đầu tư công đạt 100% kế hoạch.") == []  # a result


@pytest.mark.parametrize("body", [
    # a count of what the plan enumerates, a two-word noun the tagger may split ("12 định hướng")
    "- Quán triệt 12 định hướng phát triển và 3 đột phá chiến lược của Đại hội.",
    "- Nhóm chỉ tiêu về kinh tế số đến năm 2030 (16 mục tiêu).",
    # "dựa trên" is a preposition, not "more than"
    "- Phát triển kinh tế số dựa trên ba trụ cột: hạ tầng, dữ liệu và nhân lực.",
])
def test_enumerated_counts_in_target_section(body):
    assert _targets(body, heading="II. MỤC TIÊU") == []


def test_text_is_cut_where_the_next_value_begins():
    found = _targets("- Hàng năm có ít nhất 90% CĐCS khu vực nhà nước, 55% CĐCS khu vực ngoài nhà nước "
                     "được xếp loại hoàn thành tốt nhiệm vụ trở lên.")
    assert [x.text for x in found] == [
        "Hàng năm có ít nhất 90% CĐCS khu vực nhà nước",
        "55% CĐCS khu vực ngoài nhà nước được xếp loại hoàn thành tốt nhiệm vụ trở lên.",
    ]
    for x in found:
        assert x.span is not None and x.span.end > x.span.start


def test_repeated_sentences_are_repeated_records():
    line = "- Phấn đấu 100% đơn vị có quy chế dân chủ."
    assert len(_targets(f"{line}\n{line}")) == 2


def test_a_year_by_year_grid_gives_no_targets(tmp_path):
    text = ("KẾ HOẠCH\nPhát triển vùng nguyên liệu\nPHỤ LỤC 01\n"
            "| TT | Chỉ tiêu | ĐVT | ƯTH Năm 2025 | GIAI ĐOẠN 2026 - 2030 | | |\n"
            "| --- | --- | --- | --- | --- | --- | --- |\n"
            "| | | | | Năm 2026 | Năm 2027 | Năm 2028 |\n"
            "| - | Diện tích | Ha | 26.120 | 27.000 | 27.500 | 28.000 |\n"
            "| - | Sản lượng | Tấn | 37.724 | 39.800 | 40.602 | 45.225 |\n")
    from pipeline.nlp import analyse
    from pipeline.readers import read

    path = tmp_path / "grid.md"
    path.write_text(text, encoding="utf-8")
    assert extract(analyse(read(path), segment=False)) == []


def test_target_table_gives_one_record_per_value(tmp_path):
    text = ("KẾ HOẠCH\nThực hiện nhiệm vụ\nPHỤ LỤC CHỈ TIÊU\n"
            "| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì |\n"
            "| --- | --- | --- | --- | --- |\n"
            "| I | Đến năm 2030 | | | |\n"
            "| 1 | Xếp hạng năng lực cạnh tranh số | Thứ bậc | ≤ 3 Đông Nam Á; ≤ 50 Thế giới | Bộ A |\n"
            "| 2 | Số doanh nghiệp công nghệ số | Doanh nghiệp | ≥ 5 | Bộ B |\n"
            "| 3 | Quy mô kinh tế số | % GDP | ≥ 30 | Bộ B |\n"
            "| 4 | Trình độ công nghệ | Thứ bậc | Đạt mức trên trung bình | Bộ A |\n")
    from pipeline.nlp import analyse
    from pipeline.readers import read

    path = tmp_path / "chi_tieu.md"
    path.write_text(text, encoding="utf-8")
    found = extract(analyse(read(path), segment=False))
    assert [(x.value, x.unit, x.comparator, x.year) for x in found] == [
        (3, "thứ bậc", "<=", 2030), (50, "thứ bậc", "<=", 2030),
        (5, "doanh nghiệp", ">=", 2030), (30, "%", ">=", 2030)]
    assert found[2].subject == "doanh nghiệp công nghệ số"


@pytest.mark.parametrize("raw, value", [
    ("1.000", 1000),  # thousands dot
    ("20.000", 20000),
    ("10,5", 10.5),  # decimal comma
    ("95.5", 95.5),  # English decimal (read only before "%")
    ("01", 1),
    ("một", 1),  # word numeral
    ("mười", 10),
])
def test_parse_number(raw, value):
    assert parse_number(raw) == value


@pytest.mark.parametrize("text, expected", [
    ("đạt 10,5 - 11,0%/năm", [(10.5, 11, "percent", "%")]),  # range per year
    ("từ 5 đến 7 lớp", [(5, 7, "number", None)]),  # "từ ... đến"
    ("ít nhất 01 lần/ năm", [(1, None, "rate", "lần/năm")]),  # rate with a stray space
    ("mỗi quý một lần", [(1, None, "rate", "lần/quý")]),  # period first
    ("ngày 24/6/2021 số 106/KH-LĐLĐ", []),  # dates and document numbers are not read as numbers
])
def test_find_numbers(text, expected):
    found = [(q.value, q.value_max, q.kind, q.unit) for q in find_numbers(text) if not q.word or q.kind == "rate"]
    assert found == expected


def test_the_starting_level_of_a_change_is_no_target():
    found = _targets("- Chỉ tiêu 3: Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca "
                     "sinh/1.000 phụ nữ vào năm 2025.", heading="II. MỤC TIÊU, CHỈ TIÊU")
    assert [x.value for x in found] == [18]


def test_a_value_clause_opened_after_a_comma_is_the_targets_text():
    found = _targets("b) Tiếp tục rà soát, đơn giản hóa thủ tục hành chính năm 2025 và 2026, đảm bảo cắt giảm tối thiểu "
                     "30% thời gian thực hiện thủ tục và đơn giản hóa thành phần hồ sơ; xây dựng phương án kiến nghị.")
    assert [(x.value, x.text) for x in found] == [
        (30, "đảm bảo cắt giảm tối thiểu 30% thời gian thực hiện thủ tục và đơn giản hóa thành phần hồ sơ")]


@pytest.mark.parametrize("body, expected", [
    ("- Tỷ suất sinh ở trẻ vị thành niên giảm từ 23 ca sinh/1.000 phụ nữ xuống 18 ca sinh/1.000 phụ nữ vào năm 2025.",
     [t(18, "ca sinh/1.000 phụ nữ")]),
    ("- Tỷ lệ tử vong bà mẹ dưới 4/100.000 trẻ sinh ra còn sống vào năm 2025.",
     [t(4, "/100.000 trẻ sinh ra còn sống", "<=")]),
    ("- Kiểm tra vào ngày 4/10 hằng năm, đạt 90% cơ sở.", [t(90, "%")]),  # a day and month is no rate
])
def test_rates_per_a_base_in_a_targets_section(body, expected):
    _check(_targets(body, heading="II. MỤC TIÊU"), expected)


def test_a_count_per_period_is_a_frequency_wherever_it_stands():
    found = _targets("- Các thông số quan trắc với tần suất 2 lần/tháng; số lượng mẫu quan trắc 240 mẫu/năm.")
    _check(found, [t(2, "lần/tháng"), t(240, "mẫu/năm")])


def test_a_level_in_a_lone_table_cell_quotes_its_row():
    text = ("KẾ HOẠCH\nQuan trắc môi trường\nII. NỘI DUNG\n- Quan trắc định kỳ.\n\nPHỤ LỤC\n\n|\nTT\n|\nĐối tượng\n|\n"
            "Tần suất\n|\n|\n1\n|\nNguồn nước cấp nuôi tôm\n|\nTối thiểu 02 lần/tháng\n|\n")
    found = extract(analyse_text(text, segment=False))
    assert [(x.value, x.unit) for x in found] == [(2, "lần/tháng")]
    assert "Nguồn nước cấp nuôi tôm" in found[0].text


def test_a_bare_count_per_period_in_a_table_cell_is_a_schedules_entry():
    text = ("KẾ HOẠCH\nQuan trắc môi trường\nII. NỘI DUNG\n- Quan trắc định kỳ.\n\nPHỤ LỤC\n\n|\nTT\n|\nThông số\n|\n"
            "Tần suất\n|\n|\n1\n|\nNhiệt độ nước (Quan trắc ngoài hiện trường)\n|\n10 đợt/năm\n|\n")
    assert extract(analyse_text(text, segment=False)) == []


def test_a_value_after_a_semicolon_quotes_its_whole_clause():
    found = _targets("- Số vụ phát hiện tăng trên 3%; số vụ lợi dụng không gian mạng được phát hiện, triệt phá tăng trên 5%.")
    assert [x.text for x in found] == ["Số vụ phát hiện tăng trên 3%",
                                       "số vụ lợi dụng không gian mạng được phát hiện, triệt phá tăng trên 5%."]


def test_values_joined_by_and_are_cut_at_the_and():
    found = _targets("- Phấn đấu tuyên truyền cho người học tại 100% nhà trường và trên 70% người lao động tại khu công nghiệp.")
    assert [x.text for x in found] == ["Phấn đấu tuyên truyền cho người học tại 100% nhà trường",
                                       "trên 70% người lao động tại khu công nghiệp."]


def test_a_value_is_cut_before_its_breakdown():
    found = _targets("- Số điểm quan trắc: 08 điểm, trong đó: 06 điểm vùng nước cấp.")
    assert found[0].text == "Số điểm quan trắc: 08 điểm"


def test_a_breakdown_of_a_count_gives_a_target_per_part():
    found = _targets("+ Xây dựng mới trạm bơm: 15 trạm (Trong đó: Công ty A: 06 trạm, Công ty B: 09 trạm);")
    assert [(x.value, x.text) for x in found] == [(15, "Xây dựng mới trạm bơm: 15 trạm"),
                                                  (6, "Trong đó: Công ty A: 06 trạm"), (9, "Công ty B: 09 trạm")]


def test_a_count_wrapped_after_its_label_stays_in_the_sentence():
    found = _targets("+ Xây dựng mới trạm bơm: 15 trạm (Trong đó: Công ty A:\n06 trạm, Công ty B: 09 trạm);")
    assert [x.value for x in found] == [15, 6, 9]


def test_a_goal_after_a_comma_quotes_from_the_goal_word():
    found = _targets("Phát triển hạ tầng số đồng bộ tại các khu công nghiệp, mục tiêu tỷ lệ phủ sóng tại các khu "
                     "công nghiệp đến năm 2030 đạt 100%.")
    assert [x.text for x in found] == ["mục tiêu tỷ lệ phủ sóng tại các khu công nghiệp đến năm 2030 đạt 100%."]


def test_a_section_of_results_gives_only_pledged_values():
    text = ("KẾ HOẠCH\nTài chính năm 2026\nI. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2025\n"
            "- Đến nay có 629/731 trường đạt chuẩn quốc gia, đạt tỷ lệ 86,1%.\n"
            "- Thu nội địa 11.080 tỷ đồng, vượt 10,22% so dự toán.\n"
            "- Chi đầu tư từ nguồn vốn tập trung phấn đấu đạt 100% kế hoạch.\n"
            "II. NHIỆM VỤ NĂM 2026\n- Tỷ lệ trường đạt chuẩn trên 90%.\n")
    found = extract(analyse_text(text, segment=False))
    assert [(x.value, x.unit) for x in found] == [(100, "%"), (90, "%")]


def test_a_sentence_on_the_present_describes():
    found = _targets("Hiện nay, tổng số trạm tại các khu công nghiệp là 87 trạm, trong đó có 22 trạm 5G. "
                     "Phấn đấu đến năm 2030 lắp đặt mới 35 trạm.")
    assert [x.value for x in found] == [35]


def test_goals_of_two_years_and_a_clause_that_follows():
    found = _targets("- Khôi phục sản xuất, phấn đấu tăng trưởng kinh tế cả năm 2025 đạt trên 8% và năm 2026 đạt từ "
                     "10% trở lên, Chính phủ yêu cầu các Bộ triển khai các nhiệm vụ sau.")
    assert [(x.value, x.text) for x in found] == [
        (8, "phấn đấu tăng trưởng kinh tế cả năm 2025 đạt trên 8%"), (10, "năm 2026 đạt từ 10% trở lên")]


def test_targets_of_a_table_of_indicators_printed_as_lines():
    # gazette copies print each cell on its own line (invented figures): the indicator names its unit in
    # brackets, or the column header does ("(%/NĂM)"), or its name implies it ("Tỉ lệ ...", "Số ...")
    body = ("Phụ lục I\nTT\nCHỈ TIÊU\nMỤC TIÊU 2026 - 2030\nCƠ QUAN CHỦ TRÌ, THEO DÕI\nCƠ QUAN PHỐI HỢP\n"
            "1\nTốc độ tăng trưởng giá trị sản xuất bình quân/năm (%)\nPhấn đấu ≥\n7,5\nBộ Tài chính\nCác bộ\n"
            "2\nThu nhập bình quân đầu người (USD)\n6.200\nBộ Tài chính\nCác bộ\n"
            "3\nNợ công so với GDP (%)\nKhông quá 55\nBộ Tài chính\nCác bộ\n"
            "4\nTỉ lệ hộ được dùng nước sạch\n95 - 98\nBộ Xây dựng\nCác địa phương\n"
            "5\nSố khu công nghệ cao đến năm 2030\n4\nBộ Khoa học và Công nghệ\nCác địa phương\n"
            "6\nHệ số sử dụng vốn\n3,8 - 4,0\nBộ Tài chính\nCác bộ\n"
            "7\nChỉ số năng lực cạnh tranh\nThuộc nhóm 5 nước dẫn đầu\nBộ Công Thương\nCác bộ\n"
            "Phụ lục II\nTT\nNGÀNH\nTỐC ĐỘ BÌNH QUÂN (%/NĂM)\nCƠ QUAN CHỦ TRÌ\nCƠ QUAN PHỐI HỢP\n"
            "1\nKhu vực dịch vụ\n9,5\nBộ Công Thương\nCác bộ\n")
    found = _targets(body, heading="III. TỔ CHỨC THỰC HIỆN")
    got = [(x.text, x.value, x.value_max, x.unit, x.comparator) for x in found]
    assert got == [
        ("Tốc độ tăng trưởng giá trị sản xuất bình quân/năm (%): Phấn đấu ≥ 7,5", 7.5, None, "%", ">="),
        ("Thu nhập bình quân đầu người (USD): 6.200", 6200, None, "USD", "="),
        ("Nợ công so với GDP (%): Không quá 55", 55, None, "%", "<="),
        ("Tỉ lệ hộ được dùng nước sạch: 95 - 98", 95, 98, "%", "="),
        ("Số khu công nghệ cao đến năm 2030: 4", 4, None, "khu", "="),
        ("Hệ số sử dụng vốn: 3,8 - 4,0", 3.8, 4.0, None, "="),
        ("Khu vực dịch vụ: 9,5", 9.5, None, "%/năm", "="),
    ]
