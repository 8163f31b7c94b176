"""Vietnamese names and vocabularies for the demo city (Huế-like).

Ward and commune names are real names from Huế and its surroundings, listed
from the historic centre outwards: the generator gives the first names to the
communes nearest the city centre. Everything here is plain data.
"""

from __future__ import annotations

#: 40 ward/commune names, centre first (real names of Huế and Thừa Thiên Huế).
COMMUNE_NAMES: tuple[str, ...] = (
    "Phú Hội", "Vĩnh Ninh", "Thuận Hòa", "Tây Lộc", "Đông Ba", "Phú Nhuận",
    "Thuận Thành", "Phú Cát", "Phú Hậu", "Thuận Lộc", "Vỹ Dạ", "Xuân Phú",
    "Phước Vĩnh", "Trường An", "An Cựu", "Kim Long", "Phú Hiệp", "Phường Đúc",
    "An Đông", "An Tây", "An Hòa", "Hương Sơ", "Thủy Xuân", "Hương Long",
    "Thủy Biều", "Thủy Vân", "Hương Vinh", "Phú Thượng", "Thủy Dương",
    "Hương An", "Hương Hồ", "Hương Phong", "Thủy Bằng", "Phú Dương",
    "Hương Chữ", "Hương Toàn", "Thủy Phương", "Phú Mậu", "Hương Thọ",
    "Phong Điền",
)

#: Street names used for roads, hotspots, cameras and incident descriptions.
STREET_NAMES: tuple[str, ...] = (
    "Lê Lợi", "Hùng Vương", "Trần Hưng Đạo", "Lê Duẩn", "Nguyễn Huệ", "Điện Biên Phủ",
    "Bà Triệu", "Nguyễn Sinh Cung", "Phạm Văn Đồng", "Tố Hữu", "Võ Nguyên Giáp",
    "Nguyễn Trãi", "Đinh Tiên Hoàng", "Mai Thúc Loan", "Chi Lăng", "Huỳnh Thúc Kháng",
    "Trường Chinh", "An Dương Vương", "Lý Thường Kiệt", "Nguyễn Chí Thanh",
    "Phan Bội Châu", "Nguyễn Tất Thành", "Bùi Thị Xuân", "Lê Ngô Cát", "Minh Mạng",
    "Tôn Đức Thắng", "Nguyễn Hoàng", "Hàn Mặc Tử", "Đặng Huy Trứ", "Ngô Quyền",
    "Hai Bà Trưng", "Lê Quý Đôn", "Nguyễn Khoa Chiêm", "Xuân 68", "Ông Ích Khiêm",
    "Trần Phú", "Phan Đình Phùng", "Nguyễn Văn Linh", "Tản Đà", "Lý Nam Đế",
    "Nguyễn Lộ Trạch", "Dương Văn An", "Hoàng Quốc Việt", "Nguyễn Phúc Nguyên",
    "Thanh Hải", "Đống Đa", "Nguyễn Công Trứ", "Phạm Ngũ Lão", "Chu Văn An",
    "Võ Thị Sáu", "Lê Lai", "Nguyễn Thái Học", "Hà Nội", "Đội Cung", "Ngự Bình",
    "Kim Long", "Văn Cao", "Bà Huyện Thanh Quan", "Nguyễn Du", "Trịnh Công Sơn",
)

#: Names given to the bridges over the Perfume River, west to east.
RIVER_BRIDGE_NAMES: tuple[str, ...] = (
    "Cầu Tuần", "Cầu Bạch Hổ", "Cầu Dã Viên", "Cầu Phú Xuân", "Cầu Trường Tiền",
    "Cầu Chợ Dinh", "Cầu Vĩnh Tu", "Cầu Phú Thượng", "Cầu Nguyễn Hoàng",
)

#: (name, kind) of the river and canals; the first is the main river.
WATERWAYS: tuple[tuple[str, str], ...] = (
    ("Sông Hương", "river"),
    ("Sông Đông Ba", "canal"),
    ("Sông An Cựu", "canal"),
    ("Sông Ngự Hà", "canal"),
    ("Sông Như Ý", "canal"),
)

LAND_USES: tuple[str, ...] = (
    "residential", "commercial", "mixed use", "industrial", "green space",
    "heritage", "public facility", "transport", "agriculture", "water",
)

ZONE_STATUSES: tuple[str, ...] = ("proposed", "approved", "under construction", "completed")

#: Planning projects; ``{commune}`` is filled with the zone's commune.
PROJECT_TEMPLATES: tuple[str, ...] = (
    "Quy hoạch chi tiết khu dân cư {commune}",
    "Quy hoạch phân khu phường {commune}",
    "Chỉnh trang đô thị khu vực {commune}",
    "Quy hoạch khu đô thị mới {commune}",
)
#: Projects by area, independent of the commune.
PROJECT_CITADEL = "Quy hoạch phân khu Kinh thành Huế"
PROJECT_NORTH = "Quy hoạch phân khu Bắc sông Hương"
PROJECT_SOUTH = "Quy hoạch phân khu Nam sông Hương"
PROJECT_EAST = "Quy hoạch phân khu đô thị mới An Vân Dương"
PROJECT_INDUSTRY = "Quy hoạch khu công nghiệp Phong Điền"
PROJECT_RIVER = "Quy hoạch không gian cảnh quan dọc sông Hương"

#: The 27 AI detection types a camera may run.
AI_TYPES: tuple[str, ...] = (
    "flooding", "forest fire", "straw burning", "traffic violation", "illegal parking",
    "wrong-way driving", "red-light running", "helmet violation", "uncovered dump truck",
    "illegal dumping", "littering", "crowd gathering", "fallen tree", "landslide",
    "road damage", "smoke", "fire", "street vending encroachment", "illegal construction",
    "abandoned vehicle", "vehicle counting", "licence plate recognition", "intrusion",
    "loitering", "water level", "sand mining", "riverbank erosion",
)

#: Incident category -> (base weight, department, Vietnamese description templates).
INCIDENT_CATEGORIES: dict[str, tuple[float, str, tuple[str, ...]]] = {
    "flooding": (0.14, "Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn", (
        "Ngập nước sâu trên đường {street}, xe máy không lưu thông được",
        "Nước tràn vào nhà dân khu vực đường {street}",
        "Cống thoát nước bị tắc gây ngập đường {street}",
    )),
    "landslide": (0.03, "Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn", (
        "Sạt lở taluy dương gần đường {street}",
        "Sạt lở bờ sông đoạn gần đường {street}, nguy hiểm cho nhà dân",
    )),
    "fallen tree": (0.08, "Công ty Môi trường và Công trình đô thị", (
        "Cây xanh gãy đổ chắn ngang đường {street}",
        "Cành cây lớn có nguy cơ gãy đổ trên đường {street}",
    )),
    "road damage": (0.11, "Sở Xây dựng", (
        "Mặt đường {street} bị hư hỏng, xuất hiện ổ gà lớn",
        "Nắp hố ga bị vỡ trên đường {street}",
        "Vỉa hè đường {street} bị sụt lún",
    )),
    "illegal dumping": (0.12, "Công ty Môi trường và Công trình đô thị", (
        "Đổ rác thải, xà bần trái phép ven đường {street}",
        "Bãi rác tự phát gây ô nhiễm trên đường {street}",
    )),
    "uncovered dump truck": (0.04, "Công an thành phố", (
        "Xe tải chở vật liệu không che chắn làm rơi vãi trên đường {street}",
    )),
    "straw burning": (0.03, "Sở Tài nguyên và Môi trường", (
        "Đốt rơm rạ gây khói bụi ảnh hưởng giao thông gần đường {street}",
    )),
    "forest fire": (0.02, "Chi cục Kiểm lâm", (
        "Phát hiện cháy rừng trồng phía sau đường {street}",
        "Khói lớn từ khu rừng gần đường {street}",
    )),
    "traffic violation": (0.16, "Công an thành phố", (
        "Đỗ xe sai quy định gây ùn tắc trên đường {street}",
        "Xe máy chạy ngược chiều trên đường {street}",
        "Vượt đèn đỏ thường xuyên tại nút giao đường {street}",
    )),
    "power outage": (0.07, "Công ty Điện lực Huế", (
        "Mất điện kéo dài khu vực đường {street}",
        "Dây điện bị đứt, nguy hiểm trên đường {street}",
    )),
    "water leak": (0.06, "Công ty Cổ phần Cấp nước Huế", (
        "Vỡ đường ống cấp nước trên đường {street}",
        "Rò rỉ nước sạch kéo dài tại đường {street}",
    )),
    "noise": (0.14, "Công an thành phố", (
        "Tiếng ồn lớn từ quán karaoke trên đường {street} sau 22 giờ",
        "Công trình thi công gây ồn vào ban đêm trên đường {street}",
    )),
}

INCIDENT_CHANNELS: tuple[str, ...] = ("officer", "hotline", "app", "camera", "sensor")
INCIDENT_STATUSES: tuple[str, ...] = ("new", "assigned", "in_progress", "resolved", "closed", "rejected")

PUMP_STATUSES: tuple[str, ...] = ("operating", "standby", "maintenance", "under construction")
DRAIN_MATERIALS: tuple[str, ...] = ("concrete", "reinforced concrete", "HDPE", "PVC", "brick", "cast iron")

#: Names of the radial arterials and the ring road.
ARTERIAL_NAMES: tuple[str, ...] = (
    "Quốc lộ 1A", "Quốc lộ 49", "Tỉnh lộ 10", "Nguyễn Tất Thành", "Võ Văn Kiệt",
    "Tự Đức", "Tố Hữu", "Nguyễn Văn Linh", "Võ Nguyên Giáp", "Kim Long",
)
RING_ROAD_NAME = "Đường vành đai 3"

#: Per incident category (order of INCIDENT_CATEGORIES): channel shares
#: (officer, hotline, app, camera, sensor) and severity shares (1, 2, 3, 4).
INCIDENT_CHANNEL_SHARES: tuple[tuple[float, ...], ...] = (
    (0.15, 0.25, 0.25, 0.15, 0.20), (0.40, 0.30, 0.20, 0.10, 0.00), (0.30, 0.30, 0.30, 0.10, 0.00),
    (0.35, 0.20, 0.35, 0.10, 0.00), (0.20, 0.20, 0.35, 0.25, 0.00), (0.20, 0.10, 0.20, 0.50, 0.00),
    (0.30, 0.20, 0.20, 0.30, 0.00), (0.35, 0.25, 0.10, 0.20, 0.10), (0.25, 0.10, 0.20, 0.45, 0.00),
    (0.10, 0.50, 0.30, 0.00, 0.10), (0.15, 0.40, 0.30, 0.00, 0.15), (0.10, 0.60, 0.30, 0.00, 0.00),
)
INCIDENT_SEVERITY_SHARES: tuple[tuple[float, ...], ...] = (
    (0.15, 0.35, 0.35, 0.15), (0.05, 0.25, 0.40, 0.30), (0.20, 0.45, 0.25, 0.10),
    (0.30, 0.45, 0.20, 0.05), (0.45, 0.40, 0.13, 0.02), (0.50, 0.40, 0.10, 0.00),
    (0.40, 0.40, 0.15, 0.05), (0.05, 0.20, 0.40, 0.35), (0.45, 0.40, 0.13, 0.02),
    (0.20, 0.40, 0.30, 0.10), (0.30, 0.45, 0.20, 0.05), (0.60, 0.35, 0.05, 0.00),
)
