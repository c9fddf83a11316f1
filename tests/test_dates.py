"""The time grammar of pipeline.lang.dates: each row is real phrasing of a plan and the days it resolves to."""
from __future__ import annotations

import pytest

from pipeline.lang.dates import find_dates, find_times, parse_date, parse_time


def _one(text):
    found = find_times(text)
    assert len(found) == 1, found
    t = found[0]
    return t.first, t.last, t.precision


@pytest.mark.parametrize("text, first, last, precision", [
    # quarters in Roman numerals and digits (qd_844 table, seed 001 "TIẾN ĐỘ")
    ("Quý II/2026", "2026-04-01", "2026-06-30", "quarter"),
    # "Từ" before a span of years keeps its end
    ("Thời gian thực hiện: Từ năm 2026 - 2030.", "2026-01-01", "2030-12-31", "range"),
    # a bare first day takes the month and year of the day that closes the range
    ("từ ngày 08 đến ngày 10 tháng 12 năm 2025", "2025-12-08", "2025-12-10", "range"),
    ("từ ngày 08 đến 10/12/2025", "2025-12-08", "2025-12-10", "range"),
    # a span a "từ" start opened, closed after ';' by "kết thúc"
    ("Bắt đầu từ ngày 06/9/2024; kết thúc trước ngày 18/01/2025", "2024-09-06", "2025-01-18", "range"),
    ("trong quý II năm 2026", "2026-04-01", "2026-06-30", "quarter"),
    ("Quý 3 năm 2024: Triển khai thực hiện Chương trình.", "2024-07-01", "2024-09-30", "quarter"),
    ("Quý IV/2028", "2028-10-01", "2028-12-31", "quarter"),
    ("Quí IV-2025", "2025-10-01", "2025-12-31", "quarter"),  # the older spelling
    # months (seed 002 "Tháng 8/2018:")
    ("Tháng 8/2018:", "2018-08-01", "2018-08-31", "month"),
    ("Tháng 12 năm 2025", "2025-12-01", "2025-12-31", "month"),
    ("Tháng 2/2028", "2028-02-01", "2028-02-29", "month"),
    # month spans: the left side borrows the year of the right side
    ("Từ tháng 9 đến hết tháng 12/2018:", "2018-09-01", "2018-12-31", "range"),
    ("Tháng 11 - 12/2025", "2025-11-01", "2025-12-31", "range"),  # two months of one year
    ("tháng 10 đến tháng 12 năm 2025", "2025-10-01", "2025-12-31", "range"),
    ("Từ tháng 1/2019 đến tháng 12/2020", "2019-01-01", "2020-12-31", "range"),
    # phases and school years
    ("1. Giai đoạn 2019-2020", "2019-01-01", "2020-12-31", "range"),
    ("Giai đoạn từ 2018 - 2020", "2018-01-01", "2020-12-31", "range"),
    ("Năm học 2022 - 2023 tổ chức tổng kết", "2022-09-01", "2023-08-31", "school_year"),
    # halves of a year
    ("trong 6 tháng đầu năm 2026", "2026-01-01", "2026-06-30", "half"),
    # days
    ("trước ngày 03/11/2021 để tổng hợp", "2021-11-03", "2021-11-03", "day"),
    ("ngày 24 tháng 6 năm 2021", "2021-06-24", "2021-06-24", "day"),
    # "từ" opens a time: no end (qd_844 "Từ quý II/2027")
    ("Từ quý II/2027", "2027-04-01", None, "quarter"),
    ("Từ năm 2026, từng bước thực hiện", "2026-01-01", None, "year"),
    # a quarter to a bare year (qd_844 "Hằng năm từ quý IV/2026 - 2029")
    ("Hằng năm từ quý IV/2026 - 2029, xây dựng", "2026-10-01", "2029-12-31", "range"),
    # a range broken over two lines of a gazette table
    ("Từ quý\nIII/2026 đến quý III/2030", "2026-07-01", "2030-09-30", "range"),
    # years and year ranges of a deadline column
    ("Năm 2026-2030", "2026-01-01", "2030-12-31", "range"),
    ("2025 - 2035", "2025-01-01", "2035-12-31", "range"),
    # "trở đi" after a time opens it as "từ" before it does
    ("vận hành hệ thống (2027 trở đi)", "2027-01-01", None, "year"),
    ("từ năm 2027 trở đi, mở rộng", "2027-01-01", None, "year"),
])
def test_time_expressions(text, first, last, precision):
    assert _one(text) == (first, last, precision)


@pytest.mark.parametrize("text", [
    "báo cáo 6 tháng và năm theo quy định",   # a duration, not a month
    "trực ban phòng chống thiên tai 24/24",    # not a date
    "Nghị định số 278/2025/NĐ-CP",             # a year inside a document number
    "tăng lên 2.000 người",                    # a number
])
def test_no_time(text):
    assert find_times(text) == []


def test_list_of_school_years():
    # seed 002: "trong các năm học 2018 - 2019, 2019 - 2020"
    found = find_times("triển khai trong các năm học 2018 - 2019, 2019 - 2020 theo tiến độ")
    assert [(t.first, t.last) for t in found] == [("2018-09-01", "2019-08-31"), ("2019-09-01", "2020-08-31")]


def test_day_without_year_keeps_no_dates():
    # kh_552: "định kỳ báo cáo kết quả thực hiện trước ngày 20/11" repeats every year
    (t,) = find_times("trước ngày 20/11 về Sở")
    assert (t.first, t.last, t.has_year, t.day_month) == (None, None, False, (20, 11))


@pytest.mark.parametrize("cell, first, last", [
    ("Quý I/2027", "2027-01-01", "2027-03-31"),
    ("Từ tháng 5/2026, thường xuyên", "2026-05-01", None),
    ("2026", "2026-01-01", "2026-12-31"),
    ("Năm 2026-2030", "2026-01-01", "2030-12-31"),
    # a cell of only month/year; the years after a year leave it open
    ("6/2027", "2027-06-01", "2027-06-30"),
    ("12/2028.", "2028-12-01", "2028-12-31"),
    ("2027 và những năm tiếp theo", "2027-01-01", None),
    ("Năm 2026 và các năm tiếp theo", "2026-01-01", None),
])
def test_parse_cell(cell, first, last):
    t = parse_time(cell)
    assert (t.first, t.last) == (first, last)


@pytest.mark.parametrize("cell", ["Thường xuyên", "Hằng năm và từng giai đoạn", "Đã hoàn thành", "13/2027",
                                  "Quyết định của Thủ tướng Chính phủ giai đoạn 2026-2030 Quý II/2026"])
def test_parse_cell_rejects(cell):
    assert parse_time(cell) is None


def test_full_dates_unchanged():
    # the header stage relies on these
    assert parse_date("Hà Nội, ngày 13 tháng 8 năm 2018") == "2018-08-13"
    assert [d[2] for d in find_dates("số 06/CTr-LĐLĐ, ngày 27/11/2019 và 24-6-2021")] == ["2019-11-27", "2021-06-24"]


def test_a_year_less_date_of_a_dated_text_takes_its_year_unless_it_recurs():
    from pipeline.lang.dates import find_times
    spans = [(t.first, t.last) for t in find_times("Triển khai Tháng hành động (từ ngày 15/11 đến ngày 15/12) và "
                                                    "hưởng ứng ngày 25/11", year=2025)]
    assert spans == [("2025-11-15", "2025-12-15"), ("2025-11-25", "2025-11-25")]
    assert [t.first for t in find_times("báo cáo trước ngày 30/11 hằng năm", year=2025)] == [None]
    assert [t.first for t in find_times("định kỳ báo cáo kết quả trước ngày 20/11 về Sở", year=2025)] == [None]


@pytest.mark.parametrize("text, first, last", [
    ("Thời gian: từ nay đến năm 2030.", "2025-11-21", "2030-12-31"),
    ("Từ nay đến hết tháng 12/2025, hoàn thành việc rà soát.", "2025-11-21", "2025-12-31"),
    ("Từ năm 2026 đến năm 2030.", "2026-01-01", "2030-12-31"),  # a range of its own keeps its start
])
def test_from_now_runs_from_the_day_the_text_was_signed(text, first, last):
    found = find_times(text, year=2025, today="2025-11-21")
    assert [(t.first, t.last) for t in found] == [(first, last)]


def test_a_year_less_month_listed_before_a_dated_one_takes_its_year():
    found = find_times("quan trắc vào tháng 4 và tháng 8 năm 2026", year=2025)
    assert [(t.first, t.last) for t in found] == [("2026-04-01", "2026-04-30"), ("2026-08-01", "2026-08-31")]


@pytest.mark.parametrize("text, day", [
    ("bảo đảm chỗ ở ổn định trước Tết Nguyên đán năm 2026", "2026-02-17"),
    ("hoàn thành trước Tết Nguyên đán Bính Ngọ 2026", "2026-02-17"),
    ("trước Tết 2025", "2025-01-29"),
])
def test_the_lunar_new_year_is_its_first_day(text, day):
    assert [(t.first, t.last) for t in find_times(text)] == [(day, day)]
