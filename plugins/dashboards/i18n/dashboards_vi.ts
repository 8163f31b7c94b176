<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>dashboards</name>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>All categories</source>
            <translation>Tất cả loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>All communes</source>
            <translation>Tất cả phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>CSV…</source>
            <translation>CSV…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Callbacks</source>
            <translation>Gọi lại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Camera detections by AI type</source>
            <translation>Phát hiện của camera theo loại AI</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Cameras online</source>
            <translation>Camera đang hoạt động</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Category</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Change</source>
            <translation>Thay đổi</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>City and commune dashboards: KPI cards against targets, incident charts, monthly commune ranking, flood gauges, camera detections and an incident hotspot layer, all cross-filtered.</source>
            <translation>Bảng điều khiển thành phố và phường/xã: thẻ KPI so với mục tiêu, biểu đồ sự cố, xếp hạng phường/xã hằng tháng, trạm đo lũ, phát hiện của camera và lớp điểm nóng sự cố, lọc chéo lẫn nhau.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>City view: all communes</source>
            <translation>Toàn thành phố: tất cả phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>City view: {c}</source>
            <translation>Toàn thành phố: {c}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Clear filters</source>
            <translation>Xoá bộ lọc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Commune</source>
            <translation>Phường/Xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Commune ranking for {m}</source>
            <translation>Xếp hạng phường/xã tháng {m}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Commune ranking for {m} (score = share of the month's incidents resolved; click a row to filter)</source>
            <translation>Xếp hạng phường/xã tháng {m} (điểm = tỉ lệ sự cố trong tháng đã xử lý; bấm vào một dòng để lọc)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Commune view: {c}</source>
            <translation>Phường/xã: {c}</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Dashboards</source>
            <translation>Bảng điều khiển</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Dates</source>
            <translation>Thời gian</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/report.py" />
            <source>Dates {a} – {b} · {unit} · made {made}</source>
            <translation>Thời gian {a} – {b} · {unit} · lập lúc {made}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Export dashboard (PDF)</source>
            <translation>Xuất bảng điều khiển (PDF)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Export dashboard (PNG)</source>
            <translation>Xuất bảng điều khiển (PNG)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Export table (CSV)</source>
            <translation>Xuất bảng (CSV)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>Flood gauges: peak level on the last day of readings</source>
            <translation>Trạm đo lũ: mực nước cao nhất ngày đo cuối cùng</translation>
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>Flood gauges: peak level on the last day of readings (none in the range)</source>
            <translation type="vanished">Trạm đo lũ: mực nước cao nhất ngày đo cuối cùng (không có số liệu trong khoảng)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>Flood gauges: peak water level in the range</source>
            <translation>Trạm đo lũ: mực nước cao nhất trong khoảng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Hotspots on map</source>
            <translation>Điểm nóng trên bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Incidents</source>
            <translation>Sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Incidents by category</source>
            <translation>Sự cố theo loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Incidents by category (click a bar to filter)</source>
            <translation>Sự cố theo loại (bấm vào một cột để lọc)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Incidents per day</source>
            <translation>Sự cố mỗi ngày</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>Incidents per day (drag the shaded range to filter)</source>
            <translation>Sự cố mỗi ngày (kéo vùng tô màu để lọc)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Last 30 days</source>
            <translation>30 ngày qua</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Last 365 days</source>
            <translation>365 ngày qua</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Last 7 days</source>
            <translation>7 ngày qua</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Last 90 days</source>
            <translation>90 ngày qua</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Loading incidents…</source>
            <translation>Đang tải sự cố…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Map hotspots, incidents per {s:.0f} m hexagon: </source>
            <translation>Điểm nóng trên bản đồ, số sự cố mỗi ô lục giác {s:.0f} m: </translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Mean hours to resolve</source>
            <translation>Số giờ xử lý trung bình</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Month</source>
            <translation>Tháng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Month by month: {c}</source>
            <translation>Theo từng tháng: {c}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Open incidents</source>
            <translation>Sự cố đang mở</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Overdue tasks</source>
            <translation>Nhiệm vụ quá hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>PDF…</source>
            <translation>PDF…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>PNG…</source>
            <translation>PNG…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Per 10,000 residents</source>
            <translation>Trên 10.000 dân</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Pick a commune for the dashboard</source>
            <translation>Chọn phường/xã cho bảng điều khiển</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Rank</source>
            <translation>Hạng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Resolution rate</source>
            <translation>Tỉ lệ xử lý</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Resolved</source>
            <translation>Đã xử lý</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Satisfaction</source>
            <translation>Mức hài lòng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Satisfied</source>
            <translation>Hài lòng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Score (0-100)</source>
            <translation>Điểm (0-100)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Task status funnel (tasks created in the range)</source>
            <translation>Phễu trạng thái nhiệm vụ (nhiệm vụ tạo trong khoảng)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Tasks on time</source>
            <translation>Nhiệm vụ đúng hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <location filename="/work/main/plugins/dashboards/dashboards/report.py" />
            <source>all communes</source>
            <translation>tất cả phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>danger level</source>
            <translation>mức nguy hiểm</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>date (UTC)</source>
            <translation>ngày (UTC)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>detections (incidents reported by cameras)</source>
            <translation>phát hiện (sự cố do camera báo)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>from the cache</source>
            <translation>từ bộ nhớ đệm</translation>
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>hotspot</source>
            <translation type="vanished">điểm nóng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>incidents</source>
            <translation>sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>incidents per day</source>
            <translation>sự cố mỗi ngày</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>no callback recorded in these dates</source>
            <translation>không có cuộc gọi lại nào trong khoảng ngày này</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/cards.py" />
            <source>no previous {period} to compare</source>
            <translation>không có {period} trước để so sánh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/cards.py" />
            <source>not recorded</source>
            <translation>chưa ghi nhận</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/report.py" />
            <source>page {n}</source>
            <translation>trang {n}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>peak level</source>
            <translation>mực nước cao nhất</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>read from the server</source>
            <translation>đọc từ máy chủ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>read from the workspace</source>
            <translation>đọc từ vùng làm việc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>target ≤ {t:g}</source>
            <translation>mục tiêu ≤ {t:g}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>target ≤ {t:g} per 10,000 residents (now {v:.1f})</source>
            <translation>mục tiêu ≤ {t:g} trên 10.000 dân (hiện {v:.1f})</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>target ≥ {t:.0f} %</source>
            <translation>mục tiêu ≥ {t:.0f} %</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>tasks</source>
            <translation>nhiệm vụ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>the city</source>
            <translation>thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>warning level</source>
            <translation>mức cảnh báo</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>water level (m)</source>
            <translation>mực nước (m)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>water level (m) · {n} of {t} hotspots, closest to danger first</source>
            <translation>mực nước (m) · {n} trên {t} điểm nóng, gần mức nguy hiểm nhất xếp trước</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/cards.py" />
            <source>{arrow} {d:+,}{rel} vs previous {period}</source>
            <translation>{arrow} {d:+,}{rel} so với {period} trước</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/cards.py" />
            <source>{arrow} {d:+.1f} pts vs previous {period}</source>
            <translation>{arrow} {d:+.1f} điểm so với {period} trước</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{a} – {b}, {unit}</source>
            <translation>{a} – {b}, {unit}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{n:,} incidents ({src}); shown in {ms:.0f} ms</source>
            <translation>{n:,} sự cố ({src}); hiển thị trong {ms:.0f} ms</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{n} days</source>
            <translation>{n} ngày</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{n} responses, {r} not reached · {d}</source>
            <translation>{n} phản hồi, {r} không liên lạc được · {d}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{o} of {t} cameras now (no history)</source>
            <translation>{o} trên {t} camera hiện tại (không có lịch sử)</translation>
        </message>
    </context>
</TS>
