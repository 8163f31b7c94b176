<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>App</name>
        <message>
            <location filename="/work/main/gisdesk/ui/app.py" />
            <source>Cannot open workspace</source>
            <translation>Không mở được vùng làm việc</translation>
        </message>
    </context>
    <context>
        <name>AttributeTable</name>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Clear selection</source>
            <translation>Bỏ chọn</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Compare fields with = != &lt; &lt;= &gt; &gt;=, like / ilike (ignores case) with % and _, in (…), is [not] null, between … and …; combine with and, or, not and parentheses.</source>
            <translation>So sánh trường bằng = != &lt; &lt;= &gt; &gt;=, like / ilike (không phân biệt hoa thường) với % và _, in (…), is [not] null, between … and …; kết hợp bằng and, or, not và dấu ngoặc.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Copy value</source>
            <translation>Sao chép giá trị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Filter, e.g. status = 'open' and severity &gt;= 3 (Enter applies)</source>
            <translation>Lọc, ví dụ status = 'open' and severity &gt;= 3 (Enter để áp dụng)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Save as…</source>
            <translation>Lưu thành…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Save the rows shown (or the selected rows) to a file</source>
            <translation>Lưu các dòng đang hiện (hoặc các dòng đã chọn) ra tệp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Selected only</source>
            <translation>Chỉ dòng đã chọn</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Zoom to feature</source>
            <translation>Thu phóng tới đối tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>{0} of {1} features</source>
            <translation>{0} trên {1} đối tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>{0} selected</source>
            <translation>đã chọn {0}</translation>
        </message>
    </context>
    <context>
        <name>AttributeTableModel</name>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>&lt;{0} bytes&gt;</source>
            <translation>&lt;{0} byte&gt;</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Cancelled; the table shows the previous rows.</source>
            <translation>Đã huỷ; bảng hiển thị các dòng trước đó.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>NULL</source>
            <translation>NULL</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Reading {name}…</source>
            <translation>Đang đọc {name}…</translation>
        </message>
    </context>
    <context>
        <name>ColorButton</name>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Choose a colour</source>
            <translation>Chọn màu</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Connect to server…</source>
            <translation>&amp;Kết nối máy chủ…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Deselect all</source>
            <translation>&amp;Bỏ chọn tất cả</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Export map to PNG or PDF…</source>
            <translation>&amp;Xuất bản đồ ra PNG hoặc PDF…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;Features</source>
            <translation>Đố&amp;i tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;File</source>
            <translation>&amp;Tệp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Identify features</source>
            <translation>&amp;Xem thông tin đối tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Next extent</source>
            <translation>Phạm vi &amp;sau</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Open workspace…</source>
            <translation>&amp;Mở vùng làm việc…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Pan</source>
            <translation>&amp;Di chuyển bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;Plugins</source>
            <translation>&amp;Phần mở rộng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Quit</source>
            <translation>&amp;Thoát</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Save layers and styles</source>
            <translation>&amp;Lưu lớp và kiểu hiển thị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Select features</source>
            <translation>&amp;Chọn đối tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;View</source>
            <translation>&amp;Hiển thị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Zoom to box</source>
            <translation>Thu phóng theo &amp;khung</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Add &amp;basemap (MBTiles, PMTiles)…</source>
            <translation>Thêm &amp;bản đồ nền (MBTiles, PMTiles)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Add &amp;raster layer…</source>
            <translation>Thêm lớp &amp;raster…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Add &amp;vector layer…</source>
            <translation>Thêm lớp &amp;vectơ…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>An offline tile package drawn under the layers</source>
            <translation>Một gói ô bản đồ ngoại tuyến vẽ bên dưới các lớp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Click a feature to see its attributes</source>
            <translation>Bấm vào một đối tượng để xem thuộc tính</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Click or drag; Shift adds, Ctrl removes</source>
            <translation>Bấm hoặc kéo; Shift để thêm, Ctrl để bớt</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Drag a box to zoom into it</source>
            <translation>Kéo một khung để phóng to vào đó</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Drag to move the map</source>
            <translation>Kéo để di chuyển bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Features</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Map</source>
            <translation>Bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Measure &amp;area</source>
            <translation>Đo &amp;diện tích</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Measure &amp;distance</source>
            <translation>Đo &amp;khoảng cách</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Open &amp;attribute table</source>
            <translation>Mở &amp;bảng thuộc tính</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>P&amp;revious extent</source>
            <translation>Phạm vi &amp;trước</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>View</source>
            <translation>Hiển thị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom &amp;in</source>
            <translation>&amp;Phóng to</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom &amp;out</source>
            <translation>Th&amp;u nhỏ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom to &amp;full extent</source>
            <translation>Thu phóng &amp;toàn cảnh</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom to &amp;layer</source>
            <translation>Thu phóng tới &amp;lớp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom to &amp;selection</source>
            <translation>Thu phóng tới &amp;vùng chọn</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>&amp;Keep current</source>
            <translation>&amp;Giữ giá trị hiện tại</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>&amp;Use the other value</source>
            <translation>&amp;Dùng giá trị kia</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Both versions</source>
            <translation>Hai phiên bản</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>By</source>
            <translation>Bởi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Kept</source>
            <translation>Được giữ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Kept (current)</source>
            <translation>Giữ lại (hiện tại)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Kept by</source>
            <translation>Giữ bởi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Kept: by {kept_by} (recorded {at}). Other value: by {lost_by}, made on the device at {lost_at}. Why: {reason}</source>
            <translation>Giữ lại: của {kept_by} (ghi nhận {at}). Giá trị kia: của {lost_by}, làm trên máy lúc {lost_at}. Lý do: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Lost</source>
            <translation type="vanished">Bị thua</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Lost by</source>
            <translation type="vanished">Thua bởi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>No place to show on the map for this conflict.</source>
            <translation>Xung đột này không có vị trí để hiện trên bản đồ.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>No sync conflict you may see.</source>
            <translation>Không có xung đột đồng bộ nào bạn được xem.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Not available: {reason}</source>
            <translation>Không dùng được: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Not settled: {reason}</source>
            <translation>Chưa giải quyết: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>On the map: the kept place in magenta, the other value's place in orange.</source>
            <translation>Trên bản đồ: vị trí giữ lại màu hồng sẫm, vị trí của giá trị kia màu cam.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>On the map: the record's place (magenta); the other value does not move it.</source>
            <translation>Trên bản đồ: vị trí của hồ sơ (màu hồng sẫm); giá trị kia không làm nó di chuyển.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Other value</source>
            <translation>Giá trị kia</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Other value (lost)</source>
            <translation>Giá trị kia (bị thua)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Record</source>
            <translation>Bản ghi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Sync conflicts</source>
            <translation>Xung đột đồng bộ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>The record cannot be read here: {reason}</source>
            <translation>Không đọc được hồ sơ ở đây: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>What</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>When</source>
            <translation>Lúc</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Why</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>answer</source>
            <translation>trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>commune</source>
            <translation>xã/phường</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>deadline</source>
            <translation>hạn chót</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>department</source>
            <translation>sở/ban</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>kept current</source>
            <translation>giữ giá trị hiện tại</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>offline step</source>
            <translation>bước làm ngoại tuyến</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>open</source>
            <translation>chưa giải quyết</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>place</source>
            <translation>vị trí</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>priority</source>
            <translation>mức ưu tiên</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>progress (%)</source>
            <translation>tiến độ (%)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>settled by {who} at {when} ({how})</source>
            <translation>đã giải quyết bởi {who} lúc {when} ({how})</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>state</source>
            <translation>trạng thái</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>status</source>
            <translation>tình trạng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>the other side</source>
            <translation>phía bên kia</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>used the other value</source>
            <translation>đã dùng giá trị kia</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>{n} conflict(s), {open} open. Both values are kept: the losing change is here and in the record's history; nothing was dropped. Select one to compare and settle it.</source>
            <translation>{n} xung đột, {open} chưa giải quyết. Cả hai giá trị đều được giữ: thay đổi bị thua nằm ở đây và trong lịch sử của hồ sơ; không có gì bị mất. Chọn một xung đột để so sánh và giải quyết.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>{n} conflict(s). Both values are kept: the losing change is here and in the record's history; nothing was dropped.</source>
            <translation type="vanished">{n} xung đột. Cả hai giá trị đều được giữ: thay đổi bị thua nằm ở đây và trong lịch sử của bản ghi; không có gì bị bỏ.</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Connect</source>
            <translation>Kết nối</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Connect to server</source>
            <translation>Kết nối máy chủ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Database</source>
            <translation>Cơ sở dữ liệu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Give the database and your login.</source>
            <translation>Nhập cơ sở dữ liệu và tên đăng nhập của bạn.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Host</source>
            <translation>Máy chủ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Login</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>No system keyring is available on this computer.</source>
            <translation>Máy tính này không có kho khoá (keyring) của hệ thống.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Otherwise the password is asked for each time and never saved.</source>
            <translation>Nếu không, mật khẩu sẽ được hỏi mỗi lần và không bao giờ được lưu.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Port</source>
            <translation>Cổng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Save the password in the system keyring</source>
            <translation>Lưu mật khẩu vào kho khoá (keyring) của hệ thống</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Saved connections</source>
            <translation>Kết nối đã lưu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>The Python 'keyring' module is not installed (pip install keyring).</source>
            <translation>Chưa cài mô-đun Python 'keyring' (pip install keyring).</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>The password was not saved in the keyring: {error}</source>
            <translation>Mật khẩu chưa được lưu vào kho khoá: {error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>The system keyring cannot be used: {error}</source>
            <translation>Không dùng được kho khoá của hệ thống: {error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>dbserver.city.gov.vn, or a socket folder</source>
            <translation>dbserver.city.gov.vn, hoặc một thư mục socket</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>your own login, e.g. phu_hoi</source>
            <translation>tên đăng nhập của chính bạn, ví dụ phu_hoi</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source> dpi</source>
            <translation> dpi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>&amp;Atlas:</source>
            <translation>Tập &amp;bản đồ:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>&amp;Format:</source>
            <translation>Định &amp;dạng:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>&amp;Resolution:</source>
            <translation>Độ &amp;phân giải:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>&amp;Save to:</source>
            <translation>&amp;Lưu vào:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>&amp;Title:</source>
            <translation>&amp;Tiêu đề:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Browse…</source>
            <translation>Duyệt…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Export</source>
            <translation>Xuất</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Export Map</source>
            <translation>Xuất bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Fit the map's extent</source>
            <translation>Vừa với phạm vi bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Landscape</source>
            <translation>Khổ ngang</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Map title</source>
            <translation>Tiêu đề bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>No: one page of this view</source>
            <translation>Không: một trang của khung nhìn này</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>One page per feature of {layer}</source>
            <translation>Mỗi đối tượng của {layer} một trang</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Optional: what, where, when</source>
            <translation>Không bắt buộc: cái gì, ở đâu, khi nào</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Optional: where the data comes from</source>
            <translation>Không bắt buộc: dữ liệu lấy từ đâu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>PDF document</source>
            <translation>Tài liệu PDF</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>PDF documents (*.pdf)</source>
            <translation>Tài liệu PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>PNG image</source>
            <translation>Ảnh PNG</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>PNG images (*.png)</source>
            <translation>Ảnh PNG (*.png)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Page:</source>
            <translation>Trang:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Portrait</source>
            <translation>Khổ dọc</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Printing the atlas…</source>
            <translation>Đang in tập bản đồ…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Printing was cancelled; no file was written.</source>
            <translation>Đã huỷ in; không có tệp nào được ghi.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>S&amp;cale:</source>
            <translation>Tỉ lệ:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>S&amp;ource:</source>
            <translation>&amp;Nguồn:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Su&amp;btitle:</source>
            <translation>Tiêu đề p&amp;hụ:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>The map could not be exported.</source>
            <translation>Không xuất được bản đồ.</translation>
        </message>
    </context>
    <context>
        <name>IdentifyPanel</name>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>AI detection types</source>
            <translation>Loại phát hiện AI</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Feature</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Feature {fid}</source>
            <translation>Đối tượng {fid}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Last detection</source>
            <translation>Lần phát hiện cuối</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>No features here</source>
            <translation>Không có đối tượng ở đây</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Value</source>
            <translation>Giá trị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Value here</source>
            <translation>Giá trị tại đây</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>never</source>
            <translation>chưa bao giờ</translation>
        </message>
    </context>
    <context>
        <name>ImportDialogs</name>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>'{name}' does not say which coordinate reference system its coordinates are in. Choose one; nothing is imported until you do.</source>
            <translation>'{name}' không cho biết toạ độ theo hệ quy chiếu nào. Hãy chọn một hệ; chưa có gì được nhập cho đến khi bạn chọn.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>'{name}' has {n} layers. Tick the ones to add to the workspace:</source>
            <translation>'{name}' có {n} lớp. Đánh dấu các lớp cần thêm vào vùng làm việc:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Add</source>
            <translation>Thêm</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Choose layers</source>
            <translation>Chọn lớp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Choose or type a coordinate reference system.</source>
            <translation>Chọn hoặc nhập hệ quy chiếu toạ độ.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Coordinate reference system</source>
            <translation>Hệ quy chiếu toạ độ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>GeometryCollection</source>
            <translation>Tập hợp hình học</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Guessed from the coordinates: {label}.</source>
            <translation>Đoán từ toạ độ: {label}.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Import</source>
            <translation>Nhập</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>It has no coordinates.</source>
            <translation>Tệp không có toạ độ.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Its coordinates reach {extent}.</source>
            <translation>Toạ độ của tệp trải tới {extent}.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>LineString</source>
            <translation>Đường</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>MultiLineString</source>
            <translation>Đa đường</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>MultiPoint</source>
            <translation>Đa điểm</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>MultiPolygon</source>
            <translation>Đa vùng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Point</source>
            <translation>Điểm</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Polygon</source>
            <translation>Vùng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Select all</source>
            <translation>Chọn tất cả</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Select none</source>
            <translation>Bỏ chọn tất cả</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>The coordinates fit no CRS gisdesk knows; type one (EPSG:n, WKT or a PROJ string).</source>
            <translation>Toạ độ không khớp hệ quy chiếu nào gisdesk biết; hãy nhập một hệ (EPSG:n, WKT hoặc chuỗi PROJ).</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Unknown</source>
            <translation>Không rõ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>VN-2000 (longitude, latitude)</source>
            <translation>VN-2000 (kinh độ, vĩ độ)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>VN-2000 / UTM zone 48N</source>
            <translation>VN-2000 / UTM múi 48N</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>VN-2000 / UTM zone 49N</source>
            <translation>VN-2000 / UTM múi 49N</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>WGS 84 (longitude, latitude)</source>
            <translation>WGS 84 (kinh độ, vĩ độ)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>WGS 84 / UTM zone 48N</source>
            <translation>WGS 84 / UTM múi 48N</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>WGS 84 / UTM zone 49N</source>
            <translation>WGS 84 / UTM múi 49N</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Web Mercator</source>
            <translation>Web Mercator</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>no geometry</source>
            <translation>không có hình học</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>pyproj cannot read '{crs}'.</source>
            <translation>pyproj không đọc được '{crs}'.</translation>
        </message>
    </context>
    <context>
        <name>LabelEditor</name>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Bold</source>
            <translation>Đậm</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Colour</source>
            <translation>Màu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Font size</source>
            <translation>Cỡ chữ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Halo</source>
            <translation>Viền chữ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Hide when zoomed in beyond 1:</source>
            <translation>Ẩn khi phóng to quá 1:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Hide when zoomed out beyond 1:</source>
            <translation>Ẩn khi thu nhỏ quá 1:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Label the features of this layer</source>
            <translation>Gắn nhãn các đối tượng của lớp này</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Labels of layers with a higher priority are placed first</source>
            <translation>Nhãn của lớp có ưu tiên cao hơn được đặt trước</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Only features where</source>
            <translation>Chỉ đối tượng có</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Priority</source>
            <translation>Ưu tiên</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Repeat every</source>
            <translation>Lặp lại mỗi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Text after</source>
            <translation>Chữ sau</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Text before</source>
            <translation>Chữ trước</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>every feature, or e.g. class in ('primary', 'secondary')</source>
            <translation>mọi đối tượng, hoặc ví dụ class in ('primary', 'secondary')</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>no limit</source>
            <translation>không giới hạn</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>once per line</source>
            <translation>một lần mỗi đường</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="/work/main/gisdesk/ui/language.py" />
            <source>&amp;Language</source>
            <translation>&amp;Ngôn ngữ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/language.py" />
            <source>System language</source>
            <translation>Ngôn ngữ của hệ thống</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/language.py" />
            <source>The language changes when gisdesk starts next time.</source>
            <translation>Ngôn ngữ sẽ đổi khi gisdesk khởi động lần sau.</translation>
        </message>
    </context>
    <context>
        <name>LayerProperties</name>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Cell size</source>
            <translation>Kích thước ô</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Coordinate system</source>
            <translation>Hệ toạ độ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Extent</source>
            <translation>Phạm vi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Features</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Layer properties — {title}</source>
            <translation>Thuộc tính lớp — {title}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>No data</source>
            <translation>Không có dữ liệu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Size</source>
            <translation>Kích thước</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Spatial index</source>
            <translation>Chỉ mục không gian</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>no</source>
            <translation>không</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>raster</source>
            <translation>raster</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>yes</source>
            <translation>có</translation>
        </message>
    </context>
    <context>
        <name>LayerTree</name>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Add layers…</source>
            <translation>Thêm lớp…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Collapse all</source>
            <translation>Thu gọn tất cả</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Expand all</source>
            <translation>Mở rộng tất cả</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Hide all layers</source>
            <translation>Ẩn tất cả lớp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Not available: {reason}</source>
            <translation>Không khả dụng: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Not done: {reason}</source>
            <translation>Chưa thực hiện: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Opacity</source>
            <translation>Độ mờ đục</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Open attribute table</source>
            <translation>Mở bảng thuộc tính</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Properties…</source>
            <translation>Thuộc tính…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Remove '{title}' from the map?
The data stays in its file.</source>
            <translation>Gỡ '{title}' khỏi bản đồ?
Dữ liệu vẫn còn trong tệp.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Remove layer</source>
            <translation>Gỡ lớp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Remove layer…</source>
            <translation>Gỡ lớp…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Rename</source>
            <translation>Đổi tên</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Save as…</source>
            <translation>Lưu thành…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Show all layers</source>
            <translation>Hiện tất cả lớp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Style…</source>
            <translation>Kiểu hiển thị…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Zoom to layer</source>
            <translation>Thu phóng tới lớp</translation>
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <location filename="/work/main/gisdesk/render/legend.py" />
            <source>other</source>
            <translation>khác</translation>
        </message>
    </context>
    <context>
        <name>Locator</name>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Communes</source>
            <translation>Phường/Xã</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Coordinates</source>
            <translation>Toạ độ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Find communes, roads, places, planning projects, incidents, tasks or a coordinate (lon lat, UTM, VN-2000 x y)</source>
            <translation>Tìm phường/xã, đường, địa điểm, dự án quy hoạch, sự cố, nhiệm vụ hoặc toạ độ (kinh độ vĩ độ, UTM, VN-2000 x y)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Incidents</source>
            <translation>Sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Nothing found</source>
            <translation>Không tìm thấy gì</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Places</source>
            <translation>Địa điểm</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Planning projects</source>
            <translation>Dự án quy hoạch</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Roads</source>
            <translation>Đường phố</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Search</source>
            <translation>Tìm kiếm</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Search (locator)</source>
            <translation>Tìm kiếm (định vị)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Search failed: {error}</source>
            <translation>Tìm kiếm thất bại: {error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Search places, incidents, x y… (Ctrl+K)</source>
            <translation>Tìm địa điểm, sự cố, x y… (Ctrl+K)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Tasks</source>
            <translation>Nhiệm vụ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>{title} has no place on the map.</source>
            <translation>{title} không có vị trí trên bản đồ.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source> (city server)</source>
            <translation> (máy chủ thành phố)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source> (server, read-only)</source>
            <translation type="vanished"> (máy chủ, chỉ đọc)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>&amp;Panels</source>
            <translation>&amp;Bảng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>(none yet)</source>
            <translation>(chưa có)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>1 incident changed</source>
            <translation>1 sự cố thay đổi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>1 task changed</source>
            <translation>1 nhiệm vụ thay đổi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/basemap_ops.py" />
            <source>Add basemap</source>
            <translation>Thêm bản đồ nền</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Add raster layer</source>
            <translation>Thêm lớp raster</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Add vector layer</source>
            <translation>Thêm lớp vectơ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Attributes — {title}</source>
            <translation>Thuộc tính — {title}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Changes made on other workstations are not shown live: {error}</source>
            <translation>Thay đổi từ các máy trạm khác không được cập nhật trực tiếp: {error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Connected to the server as {login}: the map is read-only here, and the incident, task and dashboard panels are not available on the server yet.</source>
            <translation type="vanished">Đã kết nối máy chủ với tên {login}: bản đồ ở đây chỉ đọc, và các bảng sự cố, nhiệm vụ và bảng điều khiển chưa dùng được trên máy chủ.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Connected to the server as {login}: the panels show and change the server's data as your login may. Adding layers and saving styles are not available on the server yet.</source>
            <translation>Đã kết nối máy chủ với tài khoản {login}: các bảng hiển thị và thay đổi dữ liệu máy chủ trong phạm vi tài khoản được phép. Chưa thể thêm lớp hoặc lưu kiểu trên máy chủ.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>GeoTIFF (*.tif *.tiff);;All files (*)</source>
            <translation>GeoTIFF (*.tif *.tiff);;Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Identify results</source>
            <translation>Kết quả xem thông tin</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Imported {name} into the workspace as '{table}'.</source>
            <translation>Đã nhập {name} vào vùng làm việc thành '{table}'.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Importing {name}…</source>
            <translation>Đang nhập {name}…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Layers</source>
            <translation>Lớp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Layers and styles saved in {name}</source>
            <translation>Đã lưu lớp và kiểu hiển thị vào {name}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Layers and styles were not saved: {error}</source>
            <translation>Chưa lưu được lớp và kiểu hiển thị: {error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Live updates from the server stopped: {error}</source>
            <translation>Cập nhật trực tiếp từ máy chủ đã dừng: {error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Not available on the server yet: this panel works through the incident and task stores, which run on a workspace file only so far. The map, identify and attribute tables show the server's data as your login may read it (read-only).</source>
            <translation type="vanished">Chưa dùng được trên máy chủ: bảng này làm việc qua kho sự cố và nhiệm vụ, hiện mới chạy trên tệp vùng làm việc. Bản đồ, xem thông tin và bảng thuộc tính hiển thị dữ liệu của máy chủ theo quyền đọc của tên đăng nhập (chỉ đọc).</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Not available: {reason}</source>
            <translation>Không khả dụng: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/basemap_ops.py" />
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Not done: {reason}</source>
            <translation>Chưa thực hiện: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Nothing is selected.</source>
            <translation>Chưa chọn gì.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Open &amp;recent</source>
            <translation>Mở &amp;gần đây</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Open workspace</source>
            <translation>Mở vùng làm việc</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Package · last sync: {when}</source>
            <translation>Gói · đồng bộ lần cuối: {when}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>Password of {login} on {server}:</source>
            <translation>Mật khẩu của {login} trên {server}:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Pick a layer in the layer tree first.</source>
            <translation>Hãy chọn một lớp trong cây lớp trước.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Pick a vector layer in the layer tree first.</source>
            <translation>Hãy chọn một lớp vectơ trong cây lớp trước.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Rendered in {ms:.0f} ms</source>
            <translation>Vẽ trong {ms:.0f} ms</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>S&amp;witch user…</source>
            <translation>Đổ&amp;i người dùng…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>S&amp;ync</source>
            <translation>Đồng &amp;bộ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Scale 1:{n:,.0f}</source>
            <translation>Tỉ lệ 1:{n:,.0f}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Search is not available on the server yet</source>
            <translation type="vanished">Tìm kiếm chưa dùng được trên máy chủ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Send this package's changes and receive the city's</source>
            <translation>Gửi các thay đổi của gói này và nhận các thay đổi của thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Signed in: {name} ({role}{where})</source>
            <translation>Đăng nhập: {name} ({role}{where})</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>SpatiaLite or GeoPackage (*.sqlite *.db *.gpkg);;All files (*)</source>
            <translation>SpatiaLite hoặc GeoPackage (*.sqlite *.db *.gpkg);;Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Switch user (Ctrl+Alt+U)</source>
            <translation>Đổi người dùng (Ctrl+Alt+U)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Sync &amp;conflicts…</source>
            <translation>&amp;Xung đột đồng bộ…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Sync failed: {reason}</source>
            <translation type="vanished">Đồng bộ thất bại: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>Sync with the city server</source>
            <translation>Đồng bộ với máy chủ thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Synced. Sent: {sent}. Received: {got}.</source>
            <translation>Đã đồng bộ. Đã gửi: {sent}. Đã nhận: {got}.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Syncing…</source>
            <translation type="vanished">Đang đồng bộ…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Take &amp;offline…</source>
            <translation>Làm việc &amp;ngoại tuyến…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>The changes that lost when a package was synced, with what was kept and why</source>
            <translation>Các thay đổi bị thua khi đồng bộ gói, cùng giá trị được giữ và lý do</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>The map could not be drawn: {error}</source>
            <translation>Không vẽ được bản đồ: {error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/basemap_ops.py" />
            <source>Tile packages (*.mbtiles *.pmtiles);;All files (*)</source>
            <translation>Gói ô bản đồ (*.mbtiles *.pmtiles);;Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Updated from the server: {what}</source>
            <translation>Đã cập nhật từ máy chủ: {what}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Vector data (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.kmz *.gml *.fgb *.dxf);;Tables with coordinates (*.csv *.xlsx);;All files (*)</source>
            <translation>Dữ liệu vectơ (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.kmz *.gml *.fgb *.dxf);;Bảng có toạ độ (*.csv *.xlsx);;Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Write a package of one commune or area for one user, to work without the network</source>
            <translation>Ghi một gói cho một phường/xã hoặc một khu vực cho một người dùng, để làm việc không cần mạng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>adding layers and saving styles on the server is not done yet</source>
            <translation>chưa thể thêm lớp và lưu kiểu trên máy chủ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>administrator</source>
            <translation>quản trị viên</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>city dispatcher</source>
            <translation>điều phối viên thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>commune officer</source>
            <translation>cán bộ phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>department officer</source>
            <translation>cán bộ sở/ban</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>gisdesk — {name}</source>
            <translation>gisdesk — {name}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>never</source>
            <translation>chưa bao giờ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>not a package</source>
            <translation>không phải gói</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>nothing new</source>
            <translation>không có gì mới</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>nothing to send</source>
            <translation>không có gì để gửi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>offline package for {user}, last synced {when}</source>
            <translation>gói ngoại tuyến của {user}, đồng bộ lần cuối {when}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>packages sync with a workspace file</source>
            <translation>gói đồng bộ với tệp vùng làm việc</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>the server did not accept the password of {login}; nothing was sent</source>
            <translation>máy chủ không chấp nhận mật khẩu của {login}; chưa gửi gì</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>the server needs the password of {login} to sync</source>
            <translation>máy chủ cần mật khẩu của {login} để đồng bộ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>the sync engine is not part of this build yet (issue 14, part 2); bring the changes back with the package file for now</source>
            <translation>bộ đồng bộ chưa có trong bản dựng này (issue 14, phần 2); tạm thời hãy mang các thay đổi về bằng tệp gói</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>the window reads the server; writing to it is not done yet</source>
            <translation type="vanished">cửa sổ đọc dữ liệu từ máy chủ; chưa hỗ trợ ghi vào máy chủ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>this workspace is not a package</source>
            <translation>vùng làm việc này không phải là gói</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>viewer</source>
            <translation>người xem</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>{n:,} feature(s) selected</source>
            <translation>Đã chọn {n:,} đối tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>{name} was not imported: it needs a coordinate reference system.</source>
            <translation>{name} chưa được nhập: cần có hệ quy chiếu toạ độ.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>{n} incidents changed</source>
            <translation>{n} sự cố thay đổi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>{n} layer(s) could not be drawn</source>
            <translation>{n} lớp không vẽ được</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>{n} tasks changed</source>
            <translation>{n} nhiệm vụ thay đổi</translation>
        </message>
    </context>
    <context>
        <name>MapExport</name>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Coordinate system</source>
            <translation>Hệ toạ độ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Legend</source>
            <translation>Chú giải</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Made with gisdesk</source>
            <translation>Tạo bằng gisdesk</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Scale</source>
            <translation>Tỉ lệ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
    </context>
    <context>
        <name>Measure</name>
        <message>
            <location filename="/work/main/gisdesk/ui/measure.py" />
            <source>Area {area}   perimeter {perimeter}</source>
            <translation>Diện tích {area}   chu vi {perimeter}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/measure.py" />
            <source>Click to add points; right-click or double-click to finish</source>
            <translation>Bấm để thêm điểm; bấm chuột phải hoặc bấm đúp để kết thúc</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/measure.py" />
            <source>Distance {length}</source>
            <translation>Khoảng cách {length}</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="/work/main/gisdesk/ui/message_bar.py" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/message_bar.py" />
            <source>Details</source>
            <translation>Chi tiết</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/message_bar.py" />
            <source>The workspace is busy: another program is writing; try again.</source>
            <translation>Vùng làm việc đang bận: một chương trình khác đang ghi; hãy thử lại.</translation>
        </message>
    </context>
    <context>
        <name>PluginHost</name>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>&amp;Manage plugins…</source>
            <translation>&amp;Quản lý phần mở rộng…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Add layer</source>
            <translation>Thêm lớp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Add layer with a plugin reader…</source>
            <translation>Thêm lớp bằng trình đọc của phần mở rộng…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>No plugin reads {name}.</source>
            <translation>Không phần mở rộng nào đọc được {name}.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Not available: {reason}</source>
            <translation>Không khả dụng: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Panels</source>
            <translation>Bảng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Plugin formats ({patterns});;All files (*)</source>
            <translation>Định dạng của phần mở rộng ({patterns});;Mọi tệp (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Plugins</source>
            <translation>Phần mở rộng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Shortcut {key} of {id} is also used by {other}.</source>
            <translation>Phím tắt {key} của {id} cũng được dùng bởi {other}.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>{reader} read {name} into the workspace as '{table}'.</source>
            <translation>{reader} đã đọc {name} vào vùng làm việc thành '{table}'.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>{reader} wrote '{table}', which is not a map layer of the workspace.</source>
            <translation>{reader} đã ghi '{table}', nhưng đó không phải lớp bản đồ của vùng làm việc.</translation>
        </message>
    </context>
    <context>
        <name>PluginManagerDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>&amp;Disable</source>
            <translation>&amp;Tắt</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>&amp;Enable</source>
            <translation>&amp;Bật</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>&amp;Reload from disk</source>
            <translation>Tải &amp;lại từ đĩa</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>API version</source>
            <translation>Phiên bản API</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Adds</source>
            <translation>Bổ sung</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Author</source>
            <translation>Tác giả</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Category</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Changes</source>
            <translation>Thay đổi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Disabled: {why}</source>
            <translation>Đã tắt: {why}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Experimental</source>
            <translation>Thử nghiệm</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Failed while: {phase}</source>
            <translation>Lỗi khi: {phase}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>From {source}: {where}</source>
            <translation>Từ {source}: {where}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Home page</source>
            <translation>Trang chủ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Manifest warnings</source>
            <translation>Cảnh báo của tệp khai báo</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Needs plugins</source>
            <translation>Cần phần mở rộng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Plugin</source>
            <translation>Phần mở rộng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Plugins</source>
            <translation>Phần mở rộng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Repository</source>
            <translation>Kho mã</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Runs on gisdesk</source>
            <translation>Chạy trên gisdesk</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Tags</source>
            <translation>Thẻ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Traceback</source>
            <translation>Vết lỗi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Tracker</source>
            <translation>Nơi báo lỗi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Unload the plugin, re-read its files and start it again</source>
            <translation>Gỡ phần mở rộng, đọc lại tệp và khởi động lại</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Version</source>
            <translation>Phiên bản</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>turned off by you</source>
            <translation>do bạn tắt</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>yes</source>
            <translation>có</translation>
        </message>
    </context>
    <context>
        <name>Progress</name>
        <message>
            <location filename="/work/main/gisdesk/ui/progress.py" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/progress.py" />
            <source>Working…</source>
            <translation>Đang xử lý…</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;No</source>
            <translation>&amp;Không</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;Yes</source>
            <translation>&amp;Có</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Apply</source>
            <translation>Áp dụng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Discard</source>
            <translation>Bỏ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Help</source>
            <translation>Trợ giúp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>OK</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Reset</source>
            <translation>Đặt lại</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
    </context>
    <context>
        <name>RampEditor</name>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Add stop</source>
            <translation>Thêm điểm màu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Blues</source>
            <translation>Xanh lam</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Colour</source>
            <translation>Màu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Colour ramp</source>
            <translation>Dải màu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Preset…</source>
            <translation>Mẫu có sẵn…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Red-yellow-green</source>
            <translation>Đỏ-vàng-xanh lá</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Reds</source>
            <translation>Đỏ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Remove stop</source>
            <translation>Xoá điểm màu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Value</source>
            <translation>Giá trị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Viridis</source>
            <translation>Viridis</translation>
        </message>
    </context>
    <context>
        <name>SaveAsDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;CRS:</source>
            <translation>&amp;Hệ quy chiếu:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;Format:</source>
            <translation>Định &amp;dạng:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;Rows:</source>
            <translation>&amp;Dòng:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;Save to:</source>
            <translation>&amp;Lưu vào:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>'{name}' exists. Replace it?</source>
            <translation>'{name}' đã tồn tại. Thay thế?</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>All features</source>
            <translation>Tất cả đối tượng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>As WKT</source>
            <translation>Dạng WKT</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>As lon/lat columns (WGS 84)</source>
            <translation>Dạng cột kinh độ/vĩ độ (WGS 84)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Browse…</source>
            <translation>Duyệt…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>CSV &amp;geometry:</source>
            <translation>&amp;Hình học CSV:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Layer CRS (EPSG:{code})</source>
            <translation>Hệ quy chiếu của lớp (EPSG:{code})</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>None</source>
            <translation>Không</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Not done: Save as is not available for a layer of the server yet (use ogr2ogr or QGIS on the server).</source>
            <translation>Chưa thực hiện: Lưu thành chưa dùng được cho lớp trên máy chủ (hãy dùng ogr2ogr hoặc QGIS trên máy chủ).</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Not saved: {reason}</source>
            <translation>Chưa lưu: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Pick a CRS or type an EPSG code, e.g. EPSG:9210</source>
            <translation>Chọn hệ quy chiếu hoặc nhập mã EPSG, ví dụ EPSG:9210</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Rows of the filter ({n})</source>
            <translation>Các dòng theo bộ lọc ({n})</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Save “{title}” as</source>
            <translation>Lưu “{title}” thành</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Saved {n} features of “{title}” to {file} ({format}{crs}).</source>
            <translation>Đã lưu {n} đối tượng của “{title}” vào {file} ({format}{crs}).</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Saving {title}…</source>
            <translation>Đang lưu {title}…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Selected features only ({n})</source>
            <translation>Chỉ đối tượng đã chọn ({n})</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>VN-2000 / UTM 48N</source>
            <translation>VN-2000 / UTM 48N</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>WGS 84</source>
            <translation>WGS 84</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>WGS 84 / UTM 48N</source>
            <translation>WGS 84 / UTM 48N</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Web Mercator</source>
            <translation>Web Mercator</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>{label} ({pattern})</source>
            <translation>{label} ({pattern})</translation>
        </message>
    </context>
    <context>
        <name>ServerTakeOfflineDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>Choose who works offline to see whether the server lets you.</source>
            <translation>Chọn người làm việc ngoại tuyến để xem máy chủ có cho phép không.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>No size estimate on the server; the package holds what {user} may read there in this area.</source>
            <translation>Không ước tính dung lượng trên máy chủ; gói chứa những gì {user} được đọc ở đó trong khu vực này.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>Not available: {reason}</source>
            <translation>Không khả dụng: {reason}</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>&amp;Password</source>
            <translation>&amp;Mật khẩu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>&amp;Repeat password</source>
            <translation>&amp;Nhập lại mật khẩu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>&amp;Username</source>
            <translation>&amp;Tên đăng nhập</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>At least {n} characters.</source>
            <translation>Ít nhất {n} ký tự.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Create</source>
            <translation>Tạo</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Create the administrator</source>
            <translation>Tạo quản trị viên</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Sign in</source>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Sign in to gisdesk</source>
            <translation>Đăng nhập vào gisdesk</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Sign in to {name}. What you see and may change depends on your role and commune.</source>
            <translation>Đăng nhập vào {name}. Những gì bạn thấy và được sửa tuỳ theo vai trò và phường/xã của bạn.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>This workspace has no administrator yet. Choose the administrator's username and password; the administrator then adds the other users.</source>
            <translation>Vùng làm việc này chưa có quản trị viên. Hãy chọn tên đăng nhập và mật khẩu của quản trị viên; sau đó quản trị viên sẽ thêm những người dùng khác.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>the two passwords differ</source>
            <translation>hai mật khẩu không khớp</translation>
        </message>
    </context>
    <context>
        <name>StyleDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>'{field}' has more than {n} values; the first {n} are shown, the others are drawn as 'other'.</source>
            <translation>'{field}' có hơn {n} giá trị; hiển thị {n} giá trị đầu, các giá trị còn lại được vẽ là 'khác'.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>'{field}' has no values in this layer.</source>
            <translation>'{field}' không có giá trị nào trong lớp này.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>'{field}' is not a numeric field; a graduated style needs numbers.</source>
            <translation>'{field}' không phải trường số; kiểu phân cấp cần giá trị số.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>'{text}' is not a number.</source>
            <translation>'{text}' không phải là số.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>A rule is a filter expression, e.g. "status" = 'offline'; the first rule a feature matches gives its symbol</source>
            <translation>Mỗi quy tắc là một biểu thức lọc, ví dụ "status" = 'offline'; quy tắc đầu tiên mà đối tượng khớp sẽ quyết định ký hiệu của nó</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Add rule</source>
            <translation>Thêm quy tắc</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Apply, and save the layers and styles in the workspace for everyone</source>
            <translation>Áp dụng, và lưu lớp và kiểu hiển thị vào vùng làm việc cho mọi người</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Blues</source>
            <translation>Xanh lam</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Categories</source>
            <translation>Nhóm giá trị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Categorized</source>
            <translation>Phân loại</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Change colour</source>
            <translation>Đổi màu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Class colour</source>
            <translation>Màu của lớp giá trị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Classes</source>
            <translation>Khoảng giá trị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Classify</source>
            <translation>Phân loại</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Drawn in its own colours (map tiles or an RGB image).</source>
            <translation>Vẽ bằng màu của chính nó (ô bản đồ hoặc ảnh RGB).</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Equal interval</source>
            <translation>Khoảng đều</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Every value of '{field}' is {v}; there is nothing to grade.</source>
            <translation>Mọi giá trị của '{field}' đều là {v}; không có gì để phân cấp.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Fill colour</source>
            <translation>Màu tô</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Fill opacity</source>
            <translation>Độ mờ đục của màu tô</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Filter expression</source>
            <translation>Biểu thức lọc</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Graduated</source>
            <translation>Phân cấp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Labels</source>
            <translation>Nhãn</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Labels: {problem}</source>
            <translation>Nhãn: {problem}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Layer opacity</source>
            <translation>Độ mờ đục của lớp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Layer style — {title}</source>
            <translation>Kiểu hiển thị lớp — {title}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Legend</source>
            <translation>Chú giải</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Line colour</source>
            <translation>Màu đường</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Line width</source>
            <translation>Độ rộng đường</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Load style</source>
            <translation>Nạp kiểu hiển thị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Load style…</source>
            <translation>Nạp kiểu hiển thị…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Loaded: press Apply or OK to use it.</source>
            <translation>Đã nạp: bấm Áp dụng hoặc OK để dùng.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Loaded; not everything crossed: {notes}</source>
            <translation>Đã nạp; không phải mọi thứ đều chuyển sang được: {notes}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Marker shape</source>
            <translation>Hình ký hiệu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Marker size</source>
            <translation>Cỡ ký hiệu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Natural breaks (Jenks)</source>
            <translation>Ngắt tự nhiên (Jenks)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Not available: {reason}</source>
            <translation>Không khả dụng: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Press Classify to make classes for '{field}'.</source>
            <translation>Bấm Phân loại để tạo các khoảng cho '{field}'.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>QGIS style (*.qml)</source>
            <translation>Kiểu hiển thị QGIS (*.qml)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Quantile (equal count)</source>
            <translation>Phân vị (số lượng đều)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Range</source>
            <translation>Khoảng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Read a QGIS style (.qml) or an SLD file</source>
            <translation>Đọc một kiểu hiển thị QGIS (.qml) hoặc một tệp SLD</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Red-yellow-green</source>
            <translation>Đỏ-vàng-xanh lá</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Reds</source>
            <translation>Đỏ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Rule {k}: the filter is not valid.</source>
            <translation>Quy tắc {k}: biểu thức lọc không hợp lệ.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Rule-based</source>
            <translation>Theo quy tắc</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Rule: {problem}</source>
            <translation>Quy tắc: {problem}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Rules (first match wins)</source>
            <translation>Quy tắc (quy tắc khớp đầu tiên được dùng)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>SLD (*.sld)</source>
            <translation>SLD (*.sld)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Save for everyone</source>
            <translation>Lưu cho mọi người</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Save style</source>
            <translation>Lưu kiểu hiển thị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Save style…</source>
            <translation>Lưu kiểu hiển thị…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Single symbol</source>
            <translation>Ký hiệu đơn</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Stroke colour</source>
            <translation>Màu viền</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Stroke width</source>
            <translation>Độ rộng viền</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Style</source>
            <translation>Kiểu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Style written to {name}.</source>
            <translation>Đã ghi kiểu hiển thị vào {name}.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Symbol</source>
            <translation>Ký hiệu</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Symbology</source>
            <translation>Ký hiệu hoá</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>The style classifies by '{field}', which this layer does not have.</source>
            <translation>Kiểu hiển thị phân loại theo '{field}', nhưng lớp này không có trường đó.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>There are no classes yet: press Classify.</source>
            <translation>Chưa có khoảng giá trị nào: bấm Phân loại.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>There are no rules yet: press Add rule.</source>
            <translation>Chưa có quy tắc nào: bấm Thêm quy tắc.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>This layer has no fields to classify by.</source>
            <translation>Lớp này không có trường để phân loại.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Value</source>
            <translation>Giá trị</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Viridis</source>
            <translation>Viridis</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Write a range as 'lower - upper', for example '0 - 100'.</source>
            <translation>Viết khoảng dạng 'dưới - trên', ví dụ '0 - 100'.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Write this style as a QGIS style (.qml) or an SLD file</source>
            <translation>Ghi kiểu hiển thị này thành kiểu QGIS (.qml) hoặc tệp SLD</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>circle</source>
            <translation>hình tròn</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>cross</source>
            <translation>chữ thập</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>diamond</source>
            <translation>hình thoi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>square</source>
            <translation>hình vuông</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>triangle</source>
            <translation>tam giác</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>{n} values of '{field}' are not numbers and are not drawn.</source>
            <translation>{n} giá trị của '{field}' không phải là số và không được vẽ.</translation>
        </message>
    </context>
    <context>
        <name>SyncDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>&amp;Cancel</source>
            <translation>&amp;Hủy</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Cancelled: {reason}</source>
            <translation>Đã hủy: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Cancelling at the next safe point (nothing is left half-applied)…</source>
            <translation>Đang hủy ở điểm an toàn kế tiếp (không có gì bị áp dụng dở dang)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>How many / why</source>
            <translation>Bao nhiêu / lý do</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>New conflicts (both values kept)</source>
            <translation>Xung đột mới (giữ cả hai giá trị)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Open the &amp;Conflicts list</source>
            <translation>Mở danh sách &amp;xung đột</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Receive the answers and the city's changes</source>
            <translation>Nhận trả lời và các thay đổi của thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Received</source>
            <translation>Đã nhận</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Refused by the source</source>
            <translation>Bị nguồn từ chối</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Send them (the source applies them)</source>
            <translation>Gửi đi (nguồn áp dụng chúng)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Sent</source>
            <translation>Đã gửi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Sync failed: {reason}</source>
            <translation>Đồng bộ thất bại: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Synced.</source>
            <translation>Đã đồng bộ.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Syncing with {source}…</source>
            <translation>Đang đồng bộ với {source}…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>What</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Write this package's changes</source>
            <translation>Ghi các thay đổi của gói này</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>already there</source>
            <translation>đã có sẵn</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>answer</source>
            <translation>trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>answers</source>
            <translation>trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>applied</source>
            <translation>đã áp dụng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>closed questions</source>
            <translation>câu hỏi đã đóng</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>conflict</source>
            <translation>xung đột</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>conflict records</source>
            <translation>bản ghi xung đột</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>incident</source>
            <translation>sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>incident changes</source>
            <translation>thay đổi sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>incidents updated</source>
            <translation>sự cố được cập nhật</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>nothing new from the source</source>
            <translation>nguồn không có gì mới</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>nothing to send</source>
            <translation>không có gì để gửi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>notifications</source>
            <translation>thông báo</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>own changes shown again on top</source>
            <translation>thay đổi của mình được hiện lại lên trên</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>own changes still waiting for an answer</source>
            <translation>thay đổi của mình còn chờ trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>photos and files</source>
            <translation>ảnh và tệp</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>question</source>
            <translation>câu hỏi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>questions</source>
            <translation>câu hỏi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>questions updated</source>
            <translation>câu hỏi được cập nhật</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>refused</source>
            <translation>bị từ chối</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>sent before</source>
            <translation>đã gửi trước đó</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>task</source>
            <translation>nhiệm vụ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>task file</source>
            <translation>tệp của nhiệm vụ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>task steps</source>
            <translation>bước của nhiệm vụ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>tasks updated</source>
            <translation>nhiệm vụ được cập nhật</translation>
        </message>
    </context>
    <context>
        <name>TakeOfflineDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source> m around it</source>
            <translation> m xung quanh</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Create package</source>
            <translation>&amp;Tạo gói</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Draw area on map</source>
            <translation>&amp;Vẽ vùng trên bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;For:</source>
            <translation>&amp;Cho:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Layers:</source>
            <translation>&amp;Lớp:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Open package</source>
            <translation>&amp;Mở gói</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Save to:</source>
            <translation>Lưu &amp;vào:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>A &amp;commune</source>
            <translation>Một &amp;phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>About {size}: {features} map features, {cases} cases ({communes})</source>
            <translation>Khoảng {size}: {features} đối tượng bản đồ, {cases} hồ sơ ({communes})</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>An &amp;area</source>
            <translation>Một &amp;khu vực</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>An &amp;area ({crs})</source>
            <translation>Một &amp;khu vực ({crs})</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Browse…</source>
            <translation>Duyệt…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Choose who works offline to see the size.</source>
            <translation>Chọn người làm việc ngoại tuyến để xem kích thước.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Drag a rectangle on the map for the package's area (Esc: back to the dialog).</source>
            <translation>Kéo một hình chữ nhật trên bản đồ làm vùng của gói (Esc: quay lại hộp thoại).</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Hide this dialog, drag a rectangle on the map, and come back with it</source>
            <translation>Ẩn hộp thoại này, kéo một hình chữ nhật trên bản đồ rồi quay lại với vùng đó</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Not available: {reason}</source>
            <translation>Không khả dụng: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Not written: {reason}</source>
            <translation>Chưa ghi: {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Save the package as</source>
            <translation>Lưu gói thành</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Size:</source>
            <translation>Kích thước:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>SpatiaLite package (*.sqlite)</source>
            <translation>Gói SpatiaLite (*.sqlite)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Take offline</source>
            <translation>Làm việc ngoại tuyến</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Use the &amp;map view</source>
            <translation>Dùng khung nhìn &amp;bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Writing the package…</source>
            <translation>Đang ghi gói…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Written {path} ({size}): {incidents} incidents and {tasks} tasks for {user}.</source>
            <translation>Đã ghi {path} ({size}): {incidents} sự cố và {tasks} nhiệm vụ cho {user}.</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>east</source>
            <translation>đông</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>north</source>
            <translation>bắc</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>south</source>
            <translation>nam</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>the account that works offline, e.g. phu_hoi</source>
            <translation>tài khoản làm việc ngoại tuyến, ví dụ phu_hoi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>the package file (.sqlite)</source>
            <translation>tệp gói (.sqlite)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>west</source>
            <translation>tây</translation>
        </message>
    </context>
</TS>
