"""Responsibilities: actor headings with bullets, inline assignments, negatives."""
from __future__ import annotations

import pytest

from pipeline.extract.responsibilities import extract
from pipeline.lang.actors import split_subject, strip_cue
from pipeline.nlp import analyse_text

HEAD = "KẾ HOẠCH\nThực hiện chương trình\n"


def _resp(body):
    return [(r.actor, r.tasks) for r in extract(analyse_text(HEAD + body, segment=False))]


@pytest.mark.parametrize("text, expected", [
    # sentence subject up to the first lower-case predicate
    ("Bộ Quốc phòng, Bộ Công an chỉ đạo các đơn vị quân đội", ("Bộ Quốc phòng, Bộ Công an", "chỉ đạo các đơn vị quân đội")),
    ("Ban Tổ chức trực tiếp triển khai, theo dõi", ("Ban Tổ chức", "trực tiếp triển khai, theo dõi")),
    ("Uỷ ban nhân dân tỉnh, thành phố trực thuộc Trung ương ban hành cơ chế",
     ("Uỷ ban nhân dân tỉnh, thành phố trực thuộc Trung ương", "ban hành cơ chế")),
    # a colon that opens a list inside the name
    ("Các Bộ: Quốc phòng, Tài chính kịp thời xuất cấp", ("Các Bộ: Quốc phòng, Tài chính", "kịp thời xuất cấp")),
    # capitalised words of a name are no predicate
    ("Bộ Xây dựng, Bộ Công an chỉ đạo công an", ("Bộ Xây dựng, Bộ Công an", "chỉ đạo công an")),
    # "tổ chức đảng" in a list of actors is an organisation, not the verb "organise"
    ("Các cấp ủy, tổ chức đảng, các cơ quan nghiêm túc triển khai các kết luận",
     ("Các cấp ủy, tổ chức đảng, các cơ quan", "nghiêm túc triển khai các kết luận")),
    ("Sở Nội vụ tổ chức hội nghị sơ kết", ("Sở Nội vụ", "tổ chức hội nghị sơ kết")),
    # "chương trình" is a noun: its "trình" is not the verb "submit"
    ("Các Bộ chủ chương trình và các bộ có liên quan nghiêm túc thực hiện",
     ("Các Bộ chủ chương trình và các bộ có liên quan", "nghiêm túc thực hiện")),
    # a long list of units with a gloss in brackets: the gloss does not count toward the length of a name
    ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, các cơ quan khác ở trung ương, Chủ tịch Ủy "
     "ban nhân dân các tỉnh, thành phố bị ảnh hưởng bởi thiên tai (sau đây gọi tắt là các bộ, cơ quan, địa phương), căn "
     "cứ chức năng, nhiệm vụ được giao, thực hiện khẩn trương",
     ("Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, các cơ quan khác ở trung ương, Chủ tịch Ủy "
      "ban nhân dân các tỉnh, thành phố bị ảnh hưởng bởi thiên tai (sau đây gọi tắt là các bộ, cơ quan, địa phương)",
      "căn cứ chức năng, nhiệm vụ được giao, thực hiện khẩn trương")),
    # units listed with ';' are one actor
    ("Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND cấp xã có trách nhiệm triển khai",
     ("Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND cấp xã", "có trách nhiệm triển khai")),
    ("Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương trình",
     ("Ban cán sự đảng Chính phủ", "lãnh đạo, chỉ đạo xây dựng chương trình")),
    ("Đảng ủy Chính phủ lãnh đạo, chỉ đạo các bộ rà soát", ("Đảng ủy Chính phủ", "lãnh đạo, chỉ đạo các bộ rà soát")),
    # a gloss of the name in brackets is part of it ("sau đây gọi là ...")
    ("Ủy ban nhân dân phường, xã (sau đây gọi là Ủy ban nhân dân cấp xã) đối chiếu, lập danh sách các hộ",
     ("Ủy ban nhân dân phường, xã (sau đây gọi là Ủy ban nhân dân cấp xã)", "đối chiếu, lập danh sách các hộ")),
    ("Ủy ban nhân dân cấp huyện phân bổ vốn hỗ trợ cho cấp xã", ("Ủy ban nhân dân cấp huyện", "phân bổ vốn hỗ trợ cho cấp xã")),
    # an actor described by what it was given: the work starts at its duty
    ("Các cơ quan, đơn vị được giao chủ trì có trách nhiệm hoàn thành nhiệm vụ được phân công",
     ("Các cơ quan, đơn vị được giao chủ trì", "có trách nhiệm hoàn thành nhiệm vụ được phân công")),
    ("Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập dự toán",
     ("Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này", "có trách nhiệm lập dự toán")),
    ("Sở Nội vụ được giao chủ trì tổ chức hội nghị sơ kết", ("Sở Nội vụ", "được giao chủ trì tổ chức hội nghị sơ kết")),
    ("Các cơ quan, đơn vị được giao nhiệm vụ chuẩn bị đầu tư phải trình hồ sơ, thủ tục",
     ("Các cơ quan, đơn vị được giao nhiệm vụ chuẩn bị đầu tư", "phải trình hồ sơ, thủ tục")),
    # a verb inside a head's name is no predicate ("Ban chỉ đạo": a steering committee)
    ("Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo dõi sát diễn biến tình hình",
     ("Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia", "theo dõi sát diễn biến tình hình")),
    ("Văn phòng Ban quản lý dự án chỉ đạo nhà thầu thi công", ("Văn phòng Ban quản lý dự án", "chỉ đạo nhà thầu thi công")),
    ("Sở Nội vụ ban hành hướng dẫn", ("Sở Nội vụ", "ban hành hướng dẫn")),
    # a capitalised opener after the units starts the work; "các vụ" (cases) is no department
    ("Các sở, ngành có liên quan; Ủy ban nhân dân các xã, phường Căn cứ vào chức năng, nhiệm vụ, đề xuất thực hiện",
     ("Các sở, ngành có liên quan; Ủy ban nhân dân các xã, phường", "Căn cứ vào chức năng, nhiệm vụ, đề xuất thực hiện")),
    ("các vụ lộ, mất bí mật nhà nước xảy ra phải báo cáo ngay", None),
    ("Các Vụ chức năng tham mưu", ("Các Vụ chức năng", "tham mưu")),
    # a subject that asks another: the one asked does the work
    ("Ủy ban thường vụ Quốc hội yêu cầu Chính phủ, Thủ tướng Chính phủ tập trung thực hiện các nhiệm vụ sau đây:",
     ("Chính phủ, Thủ tướng Chính phủ", "tập trung thực hiện các nhiệm vụ sau đây:")),
    ("Ủy ban nhân dân tỉnh đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền",
     ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "phối hợp tuyên truyền")),
    # praise of a subject gives it no work
    ("Bộ Chính trị, Ban Bí thư ghi nhận và biểu dương các cấp ủy, tổ chức đảng đã nỗ lực", None),
    # a branch is a unit of the name, not the verb "chi" (spend); "tiên phong" (lead the way) is work
    ("Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực III chủ trì triển khai",
     ("Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực III", "chủ trì triển khai")),
    ("Ngân hàng nhà nước khu vực V chủ động triển khai", ("Ngân hàng nhà nước khu vực V", "chủ động triển khai")),
    ("Các doanh nghiệp nhà nước, Tổng Công ty tiên phong, dẫn dắt đổi mới",
     ("Các doanh nghiệp nhà nước, Tổng Công ty", "tiên phong, dẫn dắt đổi mới")),
    # not an actor: a verb-led bullet, a meeting
    ("Tăng cường công tác tuyên truyền", None),
    ("Hội nghị Trung ương lần thứ 6", None),
])
def test_split_subject(text, expected):
    assert split_subject(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đối với Liên đoàn Lao động tỉnh", ("Đối với", "Liên đoàn Lao động tỉnh")),
    ("Đề nghị Công ty Điện lực: Khẩn trương", ("Đề nghị", "Công ty Điện lực: Khẩn trương")),
    ("Công đoàn cơ sở", (None, "Công đoàn cơ sở")),
    # "khuyến khích" hands work only to a body named by its proper name; before a common noun it is policy
    ("Khuyến khích Hội Nông dân tỉnh tham gia", ("Khuyến khích", "Hội Nông dân tỉnh tham gia")),
    ("Khuyến khích các doanh nghiệp đầu tư hạ tầng", (None, "Khuyến khích các doanh nghiệp đầu tư hạ tầng")),
])
def test_strip_cue(text, expected):
    assert strip_cue(text) == expected


@pytest.mark.parametrize("body, expected", [
    # numbered actor heading with bullets
    ("V. TỔ CHỨC THỰC HIỆN\n1. Công đoàn Giáo dục\n- Kiểm tra, giám sát CĐCS trực thuộc.\n- Báo cáo kết quả;\n",
     [("Công đoàn Giáo dục", ["Kiểm tra, giám sát CĐCS trực thuộc.", "Báo cáo kết quả"])]),
    # "Đối với" dropped; lettered heading with a colon; marker alone on its line
    ("III. TỔ CHỨC THỰC HIỆN\n1. Đối với Liên đoàn Lao động tỉnh\n- Xây dựng kế hoạch hành động.\n"
     "2.\nSở Tài chính:\n- Bố trí kinh phí.\n",
     [("Liên đoàn Lao động tỉnh", ["Xây dựng kế hoạch hành động."]), ("Sở Tài chính", ["Bố trí kinh phí."])]),
    # "Đề nghị X: work" inline
    ("IV. PHÂN CÔNG NHIỆM VỤ\n12. Đề nghị Công ty Điện lực tỉnh: Khẩn trương khắc phục sự cố lưới điện.\n",
     [("Công ty Điện lực tỉnh", ["Khẩn trương khắc phục sự cố lưới điện."])]),
    # a member named after a post gives no work; a body's working rule ("làm việc theo ...") is its work
    ("Điều 1. Thành lập Ban Chỉ đạo, gồm các thành viên sau đây:\n1. Trưởng ban: Phó Chủ tịch tỉnh Trần Văn B.\n"
     "Điều 2. Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm.\n",
     [("Ban Chỉ đạo", ["làm việc theo chế độ kiêm nhiệm."])]),
    # A giao cho B + work: the actor is B
    ("III. TỔ CHỨC THỰC HIỆN\n1. Ban Chấp hành giao cho Thường trực chỉ đạo các ban chuyên môn tổ chức triển khai.\n",
     [("Thường trực", ["chỉ đạo các ban chuyên môn tổ chức triển khai."])]),
    # a numbered demand that opens with "Yêu cầu" is no "Mục đích, yêu cầu" title: the paragraphs under it assign work
    ("2. Yêu cầu các cấp ủy, tổ chức đảng, các cơ quan, đơn vị nghiêm túc triển khai kịp thời các kết luận của Bộ "
     "Chính trị về tổ chức bộ máy.\nYêu cầu các đồng chí bộ trưởng, thủ trưởng cơ quan ngang bộ phải trực tiếp chỉ đạo.\n",
     [("các cấp ủy, tổ chức đảng, các cơ quan, đơn vị",
       ["nghiêm túc triển khai kịp thời các kết luận của Bộ Chính trị về tổ chức bộ máy."]),
      ("các đồng chí bộ trưởng, thủ trưởng cơ quan ngang bộ", ["phải trực tiếp chỉ đạo."])]),
    # an opener before the subject
    ("III. TỔ CHỨC THỰC HIỆN\n4. Trong quá trình triển khai thực hiện, các đơn vị công đoàn trực thuộc "
     "thường xuyên kiểm tra, giám sát.\n",
     [("các đơn vị công đoàn trực thuộc", ["thường xuyên kiểm tra, giám sát."])]),
    # a lettered assignment that ends in a colon: its bullets are the same actor's tasks
    ("IV. TỔ CHỨC THỰC HIỆN\nc) Ủy ban nhân dân các huyện chịu trách nhiệm về các nhiệm vụ được giao, cụ thể:\n"
     "- Rà soát danh sách hộ nghèo trên địa bàn.\n- Bố trí kinh phí hỗ trợ kịp thời.\n",
     [("Ủy ban nhân dân các huyện", ["Rà soát danh sách hộ nghèo trên địa bàn.", "Bố trí kinh phí hỗ trợ kịp thời."])]),
    ("IV. TỔ CHỨC THỰC HIỆN\nc) Ủy ban nhân dân các huyện chịu trách nhiệm toàn diện trước Ủy ban nhân dân tỉnh về "
     "các nhiệm vụ được giao, báo cáo tình hình và kết quả thực hiện trên địa bàn; lồng ghép các mục tiêu vào kế hoạch "
     "phát triển kinh tế - xã hội của địa phương, cụ thể:\n- Rà soát danh sách hộ nghèo trên địa bàn.\n",
     [("Ủy ban nhân dân các huyện", ["chịu trách nhiệm toàn diện trước Ủy ban nhân dân tỉnh về các nhiệm vụ được giao, "
                                    "báo cáo tình hình và kết quả thực hiện trên địa bàn; lồng ghép các mục tiêu vào "
                                    "kế hoạch phát triển kinh tế - xã hội của địa phương, cụ thể",
                                    "Rà soát danh sách hộ nghèo trên địa bàn."])]),
    # an actor heading that says what it introduces: the actor is the unit alone
    ("III. TỔ CHỨC THỰC HIỆN\n2. Sở Y tế cần tập trung một số nhiệm vụ sau:\n- Tăng cường kiểm tra an toàn thực phẩm.\n",
     [("Sở Y tế", ["Tăng cường kiểm tra an toàn thực phẩm."])]),
    # a later sentence with a unit of its own is that unit's work
    ("2. Yêu cầu các cơ quan, đơn vị đẩy mạnh việc sắp xếp tổ chức bộ máy bên trong. Các sở phối hợp Sở Nội vụ "
     "hoàn thành việc sắp xếp các trạm y tế trước ngày 31/12/2025.\n",
     [("các cơ quan, đơn vị", ["đẩy mạnh việc sắp xếp tổ chức bộ máy bên trong."]),
      ("Các sở", ["phối hợp Sở Nội vụ hoàn thành việc sắp xếp các trạm y tế trước ngày 31/12/2025."])]),
    # an unmarked actor line: the lettered items after it are its tasks, a later section heading is not
    ("II. NHIỆM VỤ\n\n1.2. Hỗ trợ về nhà ở\n\nỦy ban nhân dân các tỉnh, thành phố:\n\na) Huy động nguồn lực sửa chữa nhà bị "
     "hư hại.\n\nb) Bố trí quỹ đất tái định cư cho các hộ bị mất nhà.\n",
     [("Ủy ban nhân dân các tỉnh, thành phố", ["Huy động nguồn lực sửa chữa nhà bị hư hại.",
                                            "Bố trí quỹ đất tái định cư cho các hộ bị mất nhà."])]),
    # a "thì" after the work: the clause before it is a condition, the unit after it does the work
    ("Điều 5. Nguồn vốn\n1. Tỷ lệ hỗ trợ:\na) Đối với địa phương có khó khăn về ngân sách, phải nhận bổ sung cân đối "
     "trên 70% thì ngân sách trung ương hỗ trợ 100%;\nb) Đối với các địa phương miền núi, phải nhận hỗ trợ thì Ủy ban nhân dân "
     "huyện bố trí vốn đối ứng;\n",
     [("Ủy ban nhân dân huyện", ["bố trí vốn đối ứng"])]),
    # ... but a "thì" that the unit's own work follows keeps the unit
    ("III. TỔ CHỨC THỰC HIỆN\n1. Đối với các địa phương chưa lập Đề án thì khẩn trương lập, phê duyệt Đề án.\n",
     [("các địa phương chưa lập Đề án", ["khẩn trương lập, phê duyệt Đề án."])]),
    # a ';' clause with a unit of its own is that unit's work
    ("Điều 6. Phương thức thực hiện\n1. Ủy ban nhân dân cấp xã đối chiếu, lập danh sách các hộ báo cáo Ủy ban nhân dân cấp huyện; "
     "Ủy ban nhân dân cấp huyện tổng hợp, phê duyệt danh sách.\n",
     [("Ủy ban nhân dân cấp xã", ["đối chiếu, lập danh sách các hộ báo cáo Ủy ban nhân dân cấp huyện"]),
      ("Ủy ban nhân dân cấp huyện", ["tổng hợp, phê duyệt danh sách."])]),
    # a plan item printed as labelled fields: a lead field that names units does the item's content ...
    ("II. NỘI DUNG\n1. Tổ chức tập huấn nghiệp vụ\n- Nội dung thực hiện: Tổ chức tập huấn cho cán bộ làm công tác "
     "việc làm.\n- Cơ quan chủ trì: Sở Nội vụ, Sở Tài chính.\n- Cơ quan phối hợp: Bảo hiểm xã hội tỉnh.\n"
     "- Thời gian thực hiện: Năm 2026.\n",
     [("Sở Nội vụ, Sở Tài chính", ["Tổ chức tập huấn cho cán bộ làm công tác việc làm."])]),
    # ... and a lead field written as sentences gives each unit its own work
    ("II. NỘI DUNG\n1. Phổ biến Luật\n- Nội dung thực hiện: Tổ chức phổ biến Luật.\n- Cơ quan thực hiện: Sở Nội vụ "
     "chủ trì tham mưu ban hành Kế hoạch; Sở Tư pháp chủ động tổ chức triển khai Luật.\n",
     [("Sở Nội vụ", ["chủ trì tham mưu ban hành Kế hoạch"]), ("Sở Tư pháp", ["chủ động tổ chức triển khai Luật."])]),
    # ... a lead field that only gives the unit its role does the item's content, with its partners
    ("II. NỘI DUNG\na) Hoạt động 1\n- Nội dung: Triển khai Tháng hành động vì bình đẳng giới.\n- Cơ quan thực hiện: "
     "Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành Thành phố.\nb) Hoạt động 2\n- Nội dung: Tuyên truyền về "
     "phòng ngừa bạo lực trên cơ sở giới.\n- Cơ quan thực hiện:\n+ Sở Văn hóa và Thể thao chủ trì, phối hợp với các "
     "đơn vị có liên quan.\n+ Sở Y tế chủ trì, phối hợp với các bệnh viện.\n",
     [("Sở Nội vụ", ["Triển khai Tháng hành động vì bình đẳng giới."]),
      ("Sở Văn hóa và Thể thao", ["Tuyên truyền về phòng ngừa bạo lực trên cơ sở giới."]),
      ("Sở Y tế", ["Tuyên truyền về phòng ngừa bạo lực trên cơ sở giới."])]),
    # ... and an empty lead field whose bullets are fields of their own, under a content field of bullets
    ("II. NHIỆM VỤ\n1.1. Về dữ liệu\na) Nhiệm vụ:\n- Rà soát danh mục dữ liệu.\n- Chuẩn hóa cơ sở dữ liệu.\n"
     "b) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n- Đơn vị phối hợp: Các Sở, ban, ngành.\n"
     "c) Thời gian thực hiện: Hoàn thành trong năm 2025.\n",
     [("Sở Khoa học và Công nghệ", ["Rà soát danh mục dữ liệu.", "Chuẩn hóa cơ sở dữ liệu."])]),
    # a sub-bullet that names its own unit is that unit's work
    ("IV. NHIỆM VỤ\n1. Các sở quản lý ngành:\n- Hướng dẫn kiểm kê tài sản kết cấu hạ tầng. Trong đó:\n"
     "+ Sở Xây dựng: hướng dẫn kiểm kê tài sản kết cấu hạ tầng giao thông.\n",
     [("Các sở quản lý ngành", ["Hướng dẫn kiểm kê tài sản kết cấu hạ tầng. Trong đó"]),
      ("Sở Xây dựng", ["hướng dẫn kiểm kê tài sản kết cấu hạ tầng giao thông."])]),
    # a name wrapped at a capitalised word runs on
    ("III. TỔ CHỨC THỰC HIỆN\n3. Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp\nPhụ nữ Thành phố\n"
     "- Tham gia giám sát việc thực hiện Kế hoạch.\n",
     [("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố",
       ["Tham gia giám sát việc thực hiện Kế hoạch."])]),
    # a capitalised paragraph after an actor heading is its work, not the rest of the heading
    ("III. TỔ CHỨC THỰC HIỆN\n4. Công an tỉnh\n\nChỉ đạo các đơn vị trực thuộc tăng cường tuần tra, kiểm soát.\n",
     [("Công an tỉnh", ["Chỉ đạo các đơn vị trực thuộc tăng cường tuần tra, kiểm soát."])]),
    # "tổ chức, cá nhân" after a comma are actors in a list, not the verb "organise"
    ("III. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan có trách nhiệm chấp hành "
     "nghiêm quy định của Luật.\n",
     [("Các cơ quan quản lý nhà nước, tổ chức, cá nhân liên quan", ["có trách nhiệm chấp hành nghiêm quy định của Luật."])]),
    # a newspaper joined to a broadcaster by "và" is one unit
    ("III. TỔ CHỨC THỰC HIỆN\n7. Báo và Phát thanh, Truyền hình tỉnh\na) Đẩy mạnh công tác tuyên truyền.\n",
     [("Báo và Phát thanh, Truyền hình tỉnh", ["Đẩy mạnh công tác tuyên truyền."])]),
    # a heading that heads task items: a unit described by what it does is the actor as written
    ("VI. TỔ CHỨC THỰC HIỆN\n2. Các Sở, ngành chủ trì, quản lý các dự án thuộc Chương trình\n- Phê duyệt kế hoạch "
     "giám sát.\n- Báo cáo kết quả thực hiện.\n",
     [("Các Sở, ngành chủ trì, quản lý các dự án thuộc Chương trình", ["Phê duyệt kế hoạch giám sát.",
                                                                     "Báo cáo kết quả thực hiện."])]),
    # a role noun is a name ("Cơ quan phối hợp có trách nhiệm ..."); a tax office names its place
    ("III. TỔ CHỨC THỰC HIỆN\n4. Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản.\ne) Thuế tỉnh An Bình\n"
     "- Đánh giá về ưu đãi đầu tư.\n",
     [("Cơ quan phối hợp", ["có trách nhiệm trả lời bằng văn bản."]),
      ("Thuế tỉnh An Bình", ["Đánh giá về ưu đãi đầu tư."])]),
    # a heading that says what its unit is before the items: the unit alone; a paragraph under a heading
    # that opens with a unit of its own is that unit's
    ("II. NHIỆM VỤ\n2. Các sở, ban, ngành: Là các đơn vị được lấy ý kiến, chịu trách nhiệm các nội dung sau:\n"
     "a) Đánh giá sự phù hợp của dự án.\nh) Các đơn vị khác\n\nCơ quan đăng ký đầu tư có trách nhiệm lấy ý kiến.\n",
     [("Các sở, ban, ngành", ["Đánh giá sự phù hợp của dự án."]),
      ("Cơ quan đăng ký đầu tư", ["có trách nhiệm lấy ý kiến."])]),
    # "X chỉ đạo Y thực hiện các nội dung sau:": Y does the items, X directs; establishments are actors
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Thủy sản thực hiện các nội dung sau:\n"
     "- Lập dự toán kinh phí.\n4. Các cơ sở nuôi trồng thủy sản:\nTheo dõi môi trường tại cơ sở nuôi.\n",
     [("Sở Nông nghiệp và Môi trường", ["chỉ đạo Chi cục Thủy sản"]), ("Chi cục Thủy sản", ["Lập dự toán kinh phí."]),
      ("Các cơ sở nuôi trồng thủy sản", ["Theo dõi môi trường tại cơ sở nuôi."])]),
    # a numbered order with a trigger: "khi có yêu cầu" inside the work is no condition on the order
    ("III. NHIỆM VỤ\n8. Các Bộ: Quốc phòng, Tài chính kịp thời xuất cấp phương tiện theo đề nghị của địa phương khi "
     "có yêu cầu của địa phương./.\n",
     [("Các Bộ: Quốc phòng, Tài chính",
       ["kịp thời xuất cấp phương tiện theo đề nghị của địa phương khi có yêu cầu của địa phương."])]),
    # a ';' clause that opens with a quantified unit in lower case is that unit's work
    ("II. NỘI DUNG\n1. Rà soát văn bản\n- Cơ quan thực hiện: Bộ Công an tiến hành rà soát các văn bản; các bộ, cơ quan "
     "ngang bộ rà soát văn bản thuộc phạm vi quản lý.\n",
     [("Bộ Công an", ["tiến hành rà soát các văn bản"]),
      ("các bộ, cơ quan ngang bộ", ["rà soát văn bản thuộc phạm vi quản lý."])]),
    # "Đối với" + what the work is about, then the unit: the unit does the work
    ("III. KINH PHÍ\n2. Đối với các nhiệm vụ triển khai trong năm 2025, các sở, ngành liên quan chủ động cân đối "
     "kinh phí để thực hiện.\n",
     [("các sở, ngành liên quan", ["chủ động cân đối kinh phí để thực hiện."])]),
    # a heading that ends with the duty: its items are the work of all it names
    ("III. TỔ CHỨC THỰC HIỆN\n12. Các tổ chức, cá nhân và hộ gia đình khai thác nước dưới đất trên địa bàn có trách "
     "nhiệm\na) Thực hiện các quy định về khai thác.\nb) Hạn chế khoan giếng mới.\n",
     [("Các tổ chức, cá nhân và hộ gia đình khai thác nước dưới đất trên địa bàn",
       ["Thực hiện các quy định về khai thác.", "Hạn chế khoan giếng mới."])]),
    # an item of a heading that hands work to another unit is that unit's; a unit that passes the duty
    # down keeps its directing, the units it directs take the items
    ("III. TỔ CHỨC THỰC HIỆN\n8. Thủ trưởng các sở, ban, ngành\na) Phối hợp tuyên truyền.\nb) Giao Thanh tra tỉnh "
     "tổ chức thanh tra việc chấp hành pháp luật.\nc) Giao Ban Quản lý các khu công nghiệp chỉ đạo các đơn vị kinh doanh hạ "
     "tầng có trách nhiệm:\n- Duy trì hoạt động cấp nước.\n- Vận động các doanh nghiệp tiết kiệm nước.\n",
     [("Thủ trưởng các sở, ban, ngành", ["Phối hợp tuyên truyền."]),
      ("Thanh tra tỉnh", ["tổ chức thanh tra việc chấp hành pháp luật."]),
      ("Ban Quản lý các khu công nghiệp", ["chỉ đạo các đơn vị kinh doanh hạ tầng"]),
      ("các đơn vị kinh doanh hạ tầng", ["Duy trì hoạt động cấp nước.", "Vận động các doanh nghiệp tiết kiệm nước."])]),
    # a task's title before a colon, then sentences that name their units; "Sau khi ..." opens, it sets no condition
    ("III. NỘI DUNG\n2. Tổ chức thực hiện\nb) Thực hiện mở tài khoản: Ủy ban nhân dân xã phối hợp với các ngân hàng "
     "mở tài khoản cho đối tượng. Sở Y tế cung cấp danh sách đối tượng.\nc) Thực hiện chi trả: Sau khi mở tài khoản, "
     "Ủy ban nhân dân xã ký kết hợp đồng chi trả.\n",
     [("Ủy ban nhân dân xã", ["phối hợp với các ngân hàng mở tài khoản cho đối tượng."]),
      ("Sở Y tế", ["cung cấp danh sách đối tượng."]),
      ("Ủy ban nhân dân xã", ["ký kết hợp đồng chi trả."])]),
    # an assignment in brackets at the end of a task gives the whole task to the unit
    ("II. NỘI DUNG\n8. Thành lập Đoàn kiểm tra việc chấp hành các quy định về bảo mật (Giao Công an tỉnh tham mưu).\n",
     [("Công an tỉnh", ["Thành lập Đoàn kiểm tra việc chấp hành các quy định về bảo mật (Giao Công an tỉnh tham mưu)."])]),
    # a ';' inside an aside in brackets does not start a sentence of its own
    ("II. NỘI DUNG\n6. Xây dựng Quy chế bảo mật (Giao Công an tỉnh chủ trì, phối hợp với Văn phòng; Sở Tư pháp và các "
     "cơ quan, tổ chức có liên quan tham mưu).\n",
     [("Công an tỉnh", ["Xây dựng Quy chế bảo mật (Giao Công an tỉnh chủ trì, phối hợp với Văn phòng; Sở Tư pháp và các "
                        "cơ quan, tổ chức có liên quan tham mưu)."])]),
    # a meeting is the body's work
    ("III. NỘI DUNG\n3. Khen thưởng\n- Hội đồng thi đua họp xét đánh giá các xã, phường có thành tích xuất sắc.\n",
     [("Hội đồng thi đua", ["họp xét đánh giá các xã, phường có thành tích xuất sắc."])]),
])
def test_extract(body, expected):
    assert _resp(body) == expected


@pytest.mark.parametrize("body", [
    # a unit's share of a quota is no work
    "III. KHEN THƯỞNG\na) Các cơ quan, đơn vị cấp tỉnh có liên quan đến công tác bầu cử:\n- Ban Chỉ đạo bầu cử của tỉnh: "
    "Không quá 05 cá nhân;\n- Ban bầu cử đại biểu Quốc hội: 01 cá nhân/01 ban;\n",
    # purpose and requirement sections assign nothing
    "I. MỤC ĐÍCH, YÊU CẦU\n- Các công đoàn cơ sở phải xác định rõ nhiệm vụ then chốt.\n",
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Giúp cán bộ công đoàn nhận thức đúng nội dung Nghị quyết.\n",
    # a conditional clause
    "III. TỔ CHỨC THỰC HIỆN\nTrong quá trình thực hiện nếu có vướng mắc, các đơn vị báo cáo Ban Tổ chức.\n",
    # a section heading that begins like an organisation word
    "III. TỔ CHỨC THỰC HIỆN\n",
    # a closing "... như sau:" before the first section heading
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n",
    # a decision's enacting formula, before its first article
    "Căn cứ Luật Tổ chức Chính phủ;\nThủ tướng Chính phủ ban hành Quyết định hỗ trợ hộ nghèo về nhà ở,\n"
    "Điều 1. Phạm vi điều chỉnh\n",
])
def test_no_responsibility(body):
    assert _resp(body) == []


def test_field_labels_printed_as_headings_over_their_values():
    # each part of the plan: its content, then the units that lead it listed under a bare label
    body = ("I. TUYÊN TRUYỀN VỀ CHƯƠNG TRÌNH\n1. Nội dung, biện pháp\na) Tổ chức hội nghị quán triệt chương trình;\n"
            "b) Biên soạn tài liệu tuyên truyền.\n2. Cơ quan chủ trì, phối hợp\na) Cơ quan chủ trì\n"
            "- Sở Văn hóa và Thể thao.\n- Các quân khu; các tỉnh.\nb) Cơ quan phối hợp\n- Hội Nông dân tỉnh.\n"
            "3. Thời gian thực hiện: Năm 2026.\nII. BAN HÀNH CÁC VĂN BẢN HƯỚNG DẪN\n1. Nội dung, biện pháp\n"
            "a) Ban hành hướng dẫn về chế độ hỗ trợ.\n2. Chủ trì thực hiện\n- Sở Tài chính.\n")
    found = _resp(body)
    tasks = ["Tổ chức hội nghị quán triệt chương trình", "Biên soạn tài liệu tuyên truyền."]
    assert found == [("Sở Văn hóa và Thể thao", tasks), ("Các quân khu; các tỉnh", tasks),
                     ("Sở Tài chính", ["Ban hành hướng dẫn về chế độ hỗ trợ."])]


def test_a_section_on_who_carries_out_the_plan_is_no_field():
    found = _resp("V. TỔ CHỨC THỰC HIỆN\n2. Trách nhiệm thực hiện\n- Sở Nội vụ tổng hợp kết quả thi đua.\n"
                  "- Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh phát huy vai trò vận động.\n")
    assert [actor for actor, _ in found] == ["Sở Nội vụ", "Ủy ban Mặt trận Tổ quốc tỉnh"]


def test_an_opener_with_a_request_inside_is_no_condition():
    # "Sau khi ..." opens the sentence; "đề nghị" inside its bracket hands no work to anyone
    found = _resp("II. NỘI DUNG\n2. Sau khi có hồ sơ (kèm theo bảng kê, mức vốn còn lại đề nghị được thanh toán), "
                  "KBNN thanh toán tiếp phần còn lại.\n3. Bộ Tài chính xác định phần kinh phí hỗ trợ cho các địa phương.")
    assert found == [("KBNN", ["thanh toán tiếp phần còn lại."]),
                     ("Bộ Tài chính", ["xác định phần kinh phí hỗ trợ cho các địa phương."])]


def test_office_holders_and_a_division_of_work():
    found = _resp("II. NHIỆM VỤ\n11. Thống đốc Ngân hàng Nhà nước chỉ đạo các ngân hàng giãn nợ cho khách hàng.\n"
                  "14. Phân công các đồng chí Phó Chủ tịch tiếp tục theo dõi tình hình tại các xã.\n")
    assert found == [("Thống đốc Ngân hàng Nhà nước", ["chỉ đạo các ngân hàng giãn nợ cho khách hàng."]),
                     ("các đồng chí Phó Chủ tịch", ["tiếp tục theo dõi tình hình tại các xã."])]


def test_a_unit_heading_run_into_its_first_task():
    found = _resp("VI. TỔ CHỨC THỰC HIỆN\n2. Bộ Giáo dục và Đào tạo Chỉ đạo các cơ sở đào tạo tham gia đề án.\n"
                  "3. Bộ trưởng Bộ Xây dựng chỉ đạo Sở Xây dựng các địa phương rà soát.\n"
                  "4. Bộ Nội vụ Phối hợp với Bộ Tài chính rà soát chính sách.\n")
    assert [a for a, _ in found] == ["Bộ Giáo dục và Đào tạo", "Bộ trưởng Bộ Xây dựng", "Bộ Nội vụ"]


def test_an_indicator_table_assigns_each_indicator_to_its_lead():
    table = ("PHỤ LỤC\nPHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU\n| TT | Chỉ tiêu | Chủ trì |\n|---|---|---|\n"
             "| 1 | Tỷ lệ hộ gia đình có cáp quang đạt 95%. | Sở Khoa học và Công nghệ |\n"
             "| 2 | Tỷ lệ giao dịch không dùng tiền mặt đạt 80%. | Sở Tài chính thúc đẩy, theo dõi, báo cáo chỉ tiêu |\n")
    assert _resp(table) == [
        ("Sở Khoa học và Công nghệ", ["Tỷ lệ hộ gia đình có cáp quang đạt 95%."]),
        ("Sở Tài chính", ["Tỷ lệ giao dịch không dùng tiền mặt đạt 80%."]),
    ]
    # a body that only monitors an indicator ("chủ trì theo dõi, đánh giá") is not given it to carry out
    monitored = table.replace("| Chủ trì |", "| Cơ quan chủ trì theo dõi, đánh giá |")
    assert _resp(monitored) == []


def test_a_table_of_indicators_printed_as_lines_gives_each_lead_its_indicator():
    body = ("Phụ lục I\nTT\nCHỈ TIÊU\nMỤC TIÊU 2026 - 2030\nCƠ QUAN CHỦ\nTRÌ, THEO DÕI\nCƠ QUAN\nPHỐI HỢP\n"
            "1\nTốc độ tăng trưởng giá trị sản xuất bình quân/năm (%)\nPhấn đấu ≥\n7,5\n"
            "1. Bộ Tài chính đầu mối tổng hợp, thống kê.\n2. Các bộ, cơ quan, địa phương theo chức năng, nhiệm vụ "
            "được giao.\nCác đơn vị có liên quan.\n"
            "2\nChỉ số hội nhập quốc tế (HIX)\n0,7\nBộ Ngoại giao\nCác bộ, cơ quan\n")
    assert _resp(body) == [
        ("Bộ Tài chính", ["Tốc độ tăng trưởng giá trị sản xuất bình quân/năm (%): Phấn đấu ≥ 7,5"]),
        ("Các bộ, cơ quan, địa phương", ["Tốc độ tăng trưởng giá trị sản xuất bình quân/năm (%): Phấn đấu ≥ 7,5"]),
        ("Bộ Ngoại giao", ["Chỉ số hội nhập quốc tế (HIX): 0,7"])]


@pytest.mark.parametrize("text, expected", [
    ("Bộ Ngoại giao chủ trì, phối hợp với các bộ", ("Bộ Ngoại giao", "chủ trì, phối hợp với các bộ")),
    ("Bộ Tài chính đầu mối tổng hợp số liệu", ("Bộ Tài chính", "đầu mối tổng hợp số liệu")),
    ("Bộ Ngoại giao Đồng chủ trì với Bộ Công an", ("Bộ Ngoại giao", "Đồng chủ trì với Bộ Công an")),
    ("Liên minh Hợp tác xã tỉnh rà soát các khoản vay", ("Liên minh Hợp tác xã tỉnh", "rà soát các khoản vay")),
])
def test_split_subject_of_named_ministries(text, expected):
    assert split_subject(text) == expected
