<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>IncidentsPanel</name>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Address</source>
            <translation>Đị&amp;a chỉ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Category</source>
            <translation>&amp;Loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Description</source>
            <translation>&amp;Mô tả</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Happened at</source>
            <translation>&amp;Xảy ra lúc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Override the routing</source>
            <translation>&amp;Bỏ qua phân tuyến</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Save</source>
            <translation>&amp;Lưu</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Severity</source>
            <translation>Mức &amp;độ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>A new incident goes to the department of its category. Add a row for a new category; change a department to re-route future incidents.</source>
            <translation>Sự cố mới được chuyển đến sở/ban phụ trách loại của nó. Thêm một dòng cho loại mới; đổi sở/ban để phân tuyến lại các sự cố sau này.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>A task about this incident, assigned to the routed unit</source>
            <translation>Một nhiệm vụ về sự cố này, giao cho đơn vị được phân tuyến</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Add a category</source>
            <translation>Thêm loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Add…</source>
            <translation>Thêm…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>All categories</source>
            <translation>Tất cả loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>All channels</source>
            <translation>Tất cả kênh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>All communes</source>
            <translation>Tất cả phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>All statuses</source>
            <translation>Tất cả trạng thái</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>An open {category} incident was reported {dist:.0f} m away at {when} ({n} candidate(s)). Link the new report to it as a duplicate?</source>
            <translation>Một sự cố {category} đang mở đã được báo cách {dist:.0f} m lúc {when} ({n} ứng viên). Liên kết báo cáo mới với nó như một bản trùng?</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Any time</source>
            <translation>Mọi lúc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Area</source>
            <translation>Vùng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Attach photos or files</source>
            <translation>Đính kèm ảnh hoặc tệp</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>C&amp;hannel</source>
            <translation>&amp;Kênh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Category</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Change shape</source>
            <translation>Đổi hình dạng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Channel</source>
            <translation>Kênh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Commune</source>
            <translation>Phường/Xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Create one task for the {n} selected incidents…</source>
            <translation>Tạo một nhiệm vụ cho {n} sự cố đã chọn…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Create task…</source>
            <translation>Tạo nhiệm vụ…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Created {created}, repeats of open incidents {duplicates}, rejected {rejected}.</source>
            <translation>Đã tạo {created}, trùng với sự cố đang mở {duplicates}, bị từ chối {rejected}.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Delete incident</source>
            <translation>Xoá sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Delete…</source>
            <translation>Xoá…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Department</source>
            <translation>Sở/Ban ngành</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Detection feeds (*.csv *.jsonl *.ndjson *.json);;All files (*)</source>
            <translation>Nguồn phát hiện (*.csv *.jsonl *.ndjson *.json);;Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Detection review level</source>
            <translation>Ngưỡng xem xét phát hiện</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Detection review level…</source>
            <translation>Ngưỡng xem xét phát hiện…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Draw a new incident as a point, a line or an area, or pick one in the list.</source>
            <translation>Vẽ sự cố mới dạng điểm, đường hoặc vùng, hoặc chọn một sự cố trong danh sách.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Draw a new incident on the map</source>
            <translation>Vẽ sự cố mới trên bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Draw an incident on the map with the buttons above, or pick one in the list.</source>
            <translation>Vẽ sự cố trên bản đồ bằng các nút phía trên, hoặc chọn một sự cố trong danh sách.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Each row needs a category and a department: </source>
            <translation>Mỗi dòng cần có loại và sở/ban: </translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Edit shape</source>
            <translation>Sửa hình dạng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Export GeoJSON</source>
            <translation>Xuất GeoJSON</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Export Open311 GeoReport v2</source>
            <translation>Xuất Open311 GeoReport v2</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Export failed</source>
            <translation>Xuất thất bại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Export listed incidents as GeoJSON…</source>
            <translation>Xuất các sự cố trong danh sách ra GeoJSON…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Export listed incidents as Open311…</source>
            <translation>Xuất các sự cố trong danh sách ra Open311…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>GeoReport v2 JSON (*.json);;All files (*)</source>
            <translation>GeoReport v2 JSON (*.json);;Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Give a reason to override the routing.</source>
            <translation>Nêu lý do bỏ qua phân tuyến.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Happened</source>
            <translation>Thời điểm</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>History</source>
            <translation>Lịch sử</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Import Open311 requests</source>
            <translation>Nhập yêu cầu Open311</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Import Open311 requests…</source>
            <translation>Nhập yêu cầu Open311…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Import camera AI detections</source>
            <translation>Nhập phát hiện AI của camera</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Import camera detections</source>
            <translation>Nhập phát hiện của camera</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Import camera detections…</source>
            <translation>Nhập phát hiện của camera…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Import/Export</source>
            <translation>Nhập/Xuất</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Incident</source>
            <translation>Sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Incident categories and routing rules</source>
            <translation>Loại sự cố và quy tắc phân tuyến</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>JPEG, PNG, GIF or WebP photos, PDF or text files, up to 20 MB each; kept inside the workspace</source>
            <translation>Ảnh JPEG, PNG, GIF hoặc WebP, tệp PDF hoặc văn bản, tối đa 20 MB mỗi tệp; lưu trong vùng làm việc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Last 12 months</source>
            <translation>12 tháng qua</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Last 24 hours</source>
            <translation>24 giờ qua</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Last 30 days</source>
            <translation>30 ngày qua</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Last 7 days</source>
            <translation>7 ngày qua</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Line</source>
            <translation>Đường</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Link as duplicate</source>
            <translation>Liên kết là bản trùng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>List</source>
            <translation>Danh sách</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Mark detections below this confidence for review:</source>
            <translation>Đánh dấu cần xem xét các phát hiện có độ tin cậy dưới mức:</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Needs review</source>
            <translation>Cần xem xét</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>New incident</source>
            <translation>Sự cố mới</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Newest {shown} shown; more match the filters.</source>
            <translation>Hiển thị {shown} sự cố mới nhất; còn nhiều sự cố khớp bộ lọc.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/handoff.py" />
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Not allowed: {reason}</source>
            <translation>Không được phép: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Not attached: </source>
            <translation>Chưa đính kèm: </translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Not deleted: </source>
            <translation>Chưa xoá: </translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Not removed: </source>
            <translation>Chưa gỡ: </translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Not saved: </source>
            <translation>Chưa lưu: </translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Nothing changed.</source>
            <translation>Không có gì thay đổi.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/handoff.py" />
            <source>One task created for {n} incidents in the Tasks panel.</source>
            <translation>Đã tạo một nhiệm vụ cho {n} sự cố trong bảng Nhiệm vụ.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Open</source>
            <translation>Đang mở</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/handoff.py" />
            <source>Open the Tasks panel (View › Panels) to create tasks.</source>
            <translation>Mở bảng Nhiệm vụ (Hiển thị › Bảng) để tạo nhiệm vụ.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.pdf *.txt);;All files (*)</source>
            <translation>Ảnh và tài liệu (*.jpg *.jpeg *.png *.gif *.webp *.pdf *.txt);;Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Photos and files</source>
            <translation>Ảnh và tệp</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Pick a category or type a new one; its department comes from the routing rules.</source>
            <translation>Chọn một loại hoặc gõ loại mới; sở/ban phụ trách lấy từ quy tắc phân tuyến.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Pick an incident on the map and move, add or remove its corners</source>
            <translation>Chọn một sự cố trên bản đồ rồi di chuyển, thêm hoặc xoá các đỉnh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Point</source>
            <translation>Điểm</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Possible duplicate</source>
            <translation>Có thể trùng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Redo</source>
            <translation>Làm lại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Remove</source>
            <translation>Gỡ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Reported {category} in {commune}.</source>
            <translation>Đã báo {category} tại {commune}.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Routing</source>
            <translation>Phân tuyến</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Routing rules…</source>
            <translation>Quy tắc phân tuyến…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>S&amp;tatus</source>
            <translation>&amp;Trạng thái</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Save as a new incident</source>
            <translation>Lưu thành sự cố mới</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Saved the changes.</source>
            <translation>Đã lưu thay đổi.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Send to commune</source>
            <translation>Gửi phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Send to department</source>
            <translation>Gửi sở/ban</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Severity</source>
            <translation>Mức độ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Shape not changed: </source>
            <translation>Chưa đổi hình dạng: </translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Signed in as {name}: the list shows the incidents you may see.</source>
            <translation>Đăng nhập với tên {name}: danh sách hiển thị các sự cố bạn được xem.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Someone should confirm this report (e.g. a low-confidence camera detection)</source>
            <translation>Cần có người xác nhận báo cáo này (ví dụ phát hiện của camera có độ tin cậy thấp)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Store the incident (Ctrl+Return)</source>
            <translation>Lưu sự cố (Ctrl+Return)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Stored; it belongs to another unit now, so it is not shown to you.</source>
            <translation>Đã lưu; sự cố nay thuộc đơn vị khác nên không hiển thị cho bạn.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Street, landmark…</source>
            <translation>Đường, địa danh…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/handoff.py" />
            <source>Task created in the Tasks panel: assign it there.</source>
            <translation>Đã tạo nhiệm vụ trong bảng Nhiệm vụ: hãy giao việc ở đó.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>That incident no longer exists (deleted, or undone).</source>
            <translation>Sự cố đó không còn nữa (đã xoá hoặc đã hoàn tác).</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>This workspace has no incidents and communes layers; open a city workspace.</source>
            <translation>Vùng làm việc này không có lớp sự cố và phường/xã; hãy mở vùng làm việc của thành phố.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>This workspace has no incidents layer.</source>
            <translation>Vùng làm việc này không có lớp sự cố.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Undo</source>
            <translation>Hoàn tác</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>What is happening, who reported it…</source>
            <translation>Chuyện gì đang xảy ra, ai đã báo…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>When it happened (local time; stored in UTC)</source>
            <translation>Thời điểm xảy ra (giờ địa phương; lưu theo UTC)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Why (required to override)</source>
            <translation>Lý do (bắt buộc khi bỏ qua)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Why delete this incident? (Its history is kept; Undo restores it.)</source>
            <translation>Vì sao xoá sự cố này? (Lịch sử vẫn được giữ; Hoàn tác sẽ khôi phục.)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Wrote {n} incidents to {name}</source>
            <translation>Đã ghi {n} sự cố vào {name}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>app</source>
            <translation>ứng dụng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>area</source>
            <translation>vùng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>assigned</source>
            <translation>đã giao</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>camera</source>
            <translation>camera</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>closed</source>
            <translation>đã đóng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>created outside gisdesk</source>
            <translation>được tạo ngoài gisdesk</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>critical</source>
            <translation>nghiêm trọng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>deleted outside gisdesk</source>
            <translation>bị xoá ngoài gisdesk</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>duplicate</source>
            <translation>trùng lặp</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>edited outside gisdesk</source>
            <translation>được sửa ngoài gisdesk</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>high</source>
            <translation>cao</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>hotline</source>
            <translation>đường dây nóng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>in progress</source>
            <translation>đang xử lý</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>line</source>
            <translation>đường</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>low</source>
            <translation>thấp</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>medium</source>
            <translation>trung bình</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>new</source>
            <translation>mới</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>no commune</source>
            <translation>không có phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>no rule for this category</source>
            <translation>không có quy tắc cho loại này</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>officer</source>
            <translation>cán bộ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>outside every commune</source>
            <translation>ngoài mọi phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>point</source>
            <translation>điểm</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>rejected</source>
            <translation>bị từ chối</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>request</source>
            <translation>yêu cầu</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>resolved</source>
            <translation>đã xử lý</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>routing overridden: </source>
            <translation>đã bỏ qua phân tuyến: </translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>sensor</source>
            <translation>cảm biến</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>stored on save</source>
            <translation>lưu khi bấm Lưu</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>the access policy says no</source>
            <translation>chính sách truy cập không cho phép</translation>
        </message>
    </context>
    <context>
        <name>incidents</name>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Draw incidents on the map; validation, routing to commune and department, duplicates, camera and Open311 feeds.</source>
            <translation>Vẽ sự cố trên bản đồ; kiểm tra, phân tuyến đến phường/xã và sở/ban, phát hiện trùng, nguồn camera và Open311.</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Edit incident shape</source>
            <translation>Sửa hình dạng sự cố</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incident area</source>
            <translation>Vùng sự cố</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incident line</source>
            <translation>Đường sự cố</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incident point</source>
            <translation>Điểm sự cố</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incidents</source>
            <translation>Sự cố</translation>
        </message>
    </context>
</TS>
