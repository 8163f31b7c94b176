<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>TasksPanel</name>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>(case reopened)</source>
            <translation>(hồ sơ đã mở lại)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>1 day</source>
            <translation>1 ngày</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>A place on the map</source>
            <translation>Một vị trí trên bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>About</source>
            <translation>Về</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Accept</source>
            <translation>Nhận</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Actions</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Add…</source>
            <translation>Thêm…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>All categories</source>
            <translation>Tất cả loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>All states</source>
            <translation>Tất cả trạng thái</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>All units</source>
            <translation>Tất cả đơn vị</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Any deadline</source>
            <translation>Mọi hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Apr</source>
            <translation>Thg 4</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Area</source>
            <translation>Vùng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Area (commune)</source>
            <translation>Địa bàn (phường/xã)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Arriving incidents are tried against these rules in priority order; the first that matches creates the task and assigns it to the routed unit with the SLA deadline (or asks the dispatcher to confirm).</source>
            <translation>Sự cố mới đến được so với các quy tắc này theo thứ tự ưu tiên; quy tắc khớp đầu tiên tạo nhiệm vụ và giao cho đơn vị được phân tuyến với hạn theo SLA (hoặc hỏi điều phối viên xác nhận).</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Ask</source>
            <translation>Hỏi</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Ask the city</source>
            <translation>Hỏi thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Ask the city about this task…</source>
            <translation>Hỏi thành phố về nhiệm vụ này…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Ask the city or a department about a task, an incident or a place</source>
            <translation>Hỏi thành phố hoặc một sở/ban về một nhiệm vụ, sự cố hoặc địa điểm</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Asked</source>
            <translation>Ngày hỏi</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Ask…</source>
            <translation>Hỏi…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Assign to</source>
            <translation>Giao cho</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Assigned to</source>
            <translation>Giao cho</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Assign…</source>
            <translation>Giao…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Attach a photo</source>
            <translation>Đính kèm ảnh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Aug</source>
            <translation>Thg 8</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Callback recorded.</source>
            <translation>Đã ghi nhận cuộc gọi lại.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Callbacks:</source>
            <translation>Gọi lại:</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Cancel</source>
            <translation>Huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Cancel task…</source>
            <translation>Huỷ nhiệm vụ…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Case {case}: {title}</source>
            <translation>Hồ sơ {case}: {title}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Category</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Changed by someone else — reloaded.</source>
            <translation>Người khác đã thay đổi — đã tải lại.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Changed by someone else — reloaded. Check the task and submit again if still needed.</source>
            <translation>Người khác đã thay đổi — đã tải lại. Kiểm tra nhiệm vụ và gửi lại nếu vẫn cần.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>City department</source>
            <translation>Sở/ban thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>City overview</source>
            <translation>Tổng quan thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Close question</source>
            <translation>Đóng câu hỏi</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Commune</source>
            <translation>Phường/Xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Complete…</source>
            <translation>Hoàn thành…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Created; assign it to the routed unit or another one.</source>
            <translation>Đã tạo; hãy giao cho đơn vị được phân tuyến hoặc đơn vị khác.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Deadline</source>
            <translation>Hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Deadline from the SLA rules</source>
            <translation>Hạn theo quy tắc SLA</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Deadline, latest first</source>
            <translation>Hạn, muộn nhất trước</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Deadline, soonest first</source>
            <translation>Hạn, sớm nhất trước</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Dec</source>
            <translation>Thg 12</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Delete</source>
            <translation>Xoá</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Delete dispatch rule</source>
            <translation>Xoá quy tắc điều phối</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Delete rule {label}? Tasks it dispatched keep their history.</source>
            <translation>Xoá quy tắc {label}? Các nhiệm vụ nó đã điều phối vẫn giữ lịch sử.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Deleted rule {label}.</source>
            <translation>Đã xoá quy tắc {label}.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Dispatch rules</source>
            <translation>Quy tắc điều phối</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Dispatch rules…</source>
            <translation>Quy tắc điều phối…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Done</source>
            <translation>Hoàn thành</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Done: the task is now {state}.</source>
            <translation>Xong: nhiệm vụ hiện ở trạng thái {state}.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Dry run</source>
            <translation>Chạy thử</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Due</source>
            <translation>Hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Due this week</source>
            <translation>Đến hạn tuần này</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Due today</source>
            <translation>Đến hạn hôm nay</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Edit dispatch rule</source>
            <translation>Sửa quy tắc điều phối</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Edit…</source>
            <translation>Sửa…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Enabled</source>
            <translation>Bật</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Evidence and attachments</source>
            <translation>Minh chứng và tệp đính kèm</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Feb</source>
            <translation>Thg 2</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>From</source>
            <translation>Từ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>Ảnh (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>In a few words</source>
            <translation>Vài lời</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Incident</source>
            <translation>Sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Incident status</source>
            <translation>Trạng thái sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Jan</source>
            <translation>Thg 1</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Jul</source>
            <translation>Thg 7</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Jun</source>
            <translation>Thg 6</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Last 30 days</source>
            <translation>30 ngày qua</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Later</source>
            <translation>Để sau</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Leave as it is</source>
            <translation>Giữ nguyên</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Lower numbers are tried first; the first rule that matches decides.</source>
            <translation>Số nhỏ hơn được xét trước; quy tắc khớp đầu tiên quyết định.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>Map coordinates (x, y) or degrees (latitude, longitude, e.g. 16.4637, 107.5909)</source>
            <translation>Toạ độ bản đồ (x, y) hoặc độ (vĩ độ, kinh độ, ví dụ 16.4637, 107.5909)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Mar</source>
            <translation>Thg 3</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Mark all read</source>
            <translation>Đánh dấu tất cả đã đọc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Mark read</source>
            <translation>Đánh dấu đã đọc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Mark resolved</source>
            <translation>Đánh dấu đã xử lý</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Mark the selected notification or group read</source>
            <translation>Đánh dấu thông báo hoặc nhóm đã chọn là đã đọc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>May</source>
            <translation>Thg 5</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Min. severity</source>
            <translation>Mức độ tối thiểu</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Minimum severity</source>
            <translation>Mức độ tối thiểu</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>My commune</source>
            <translation>Phường/xã của tôi</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>My tasks</source>
            <translation>Nhiệm vụ của tôi</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>New dispatch rule</source>
            <translation>Quy tắc điều phối mới</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>New task</source>
            <translation>Nhiệm vụ mới</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>New task from selected incidents…</source>
            <translation>Nhiệm vụ mới từ các sự cố đã chọn…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Newest task first</source>
            <translation>Nhiệm vụ mới nhất trước</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>No answer yet.</source>
            <translation>Chưa có trả lời.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>No callback recorded yet.</source>
            <translation>Chưa ghi nhận cuộc gọi lại nào.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>No deadline</source>
            <translation>Không có hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>No files</source>
            <translation>Không có tệp</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>No files.</source>
            <translation>Không có tệp.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>No open question waits for your answer</source>
            <translation>Không có câu hỏi nào đang chờ bạn trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>No questions about this task</source>
            <translation>Không có câu hỏi nào về nhiệm vụ này</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>No reporter contact was kept for this case.</source>
            <translation>Hồ sơ này không lưu liên hệ của người báo.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>No task created: {why}</source>
            <translation>Không tạo được nhiệm vụ: {why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>No unread notifications</source>
            <translation>Không có thông báo chưa đọc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>Not an image: no preview.</source>
            <translation>Không phải ảnh: không xem trước được.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Not deleted: {why}</source>
            <translation>Chưa xoá: {why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Not reached (nobody answered)</source>
            <translation>Không liên lạc được (không ai nghe máy)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Not recorded: {why}</source>
            <translation>Chưa ghi nhận: {why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Not satisfied</source>
            <translation>Không hài lòng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Not saved: {why}</source>
            <translation>Chưa lưu: {why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Nothing for you to do on this task now.</source>
            <translation>Hiện bạn không có việc gì với nhiệm vụ này.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Nov</source>
            <translation>Thg 11</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Oct</source>
            <translation>Thg 10</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>On time %</source>
            <translation>% đúng hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>One task about the incidents selected on the map (or the one open in the Incidents panel)</source>
            <translation>Một nhiệm vụ về các sự cố đã chọn trên bản đồ (hoặc sự cố đang mở trong bảng Sự cố)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Open</source>
            <translation>Đang mở</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Open an incident in the Incidents panel or select incidents on the map first.</source>
            <translation>Hãy mở một sự cố trong bảng Sự cố hoặc chọn sự cố trên bản đồ trước.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Open only</source>
            <translation>Chỉ đang mở</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Open questions</source>
            <translation>Câu hỏi đang mở</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Open viewer ({n})…</source>
            <translation>Mở trình xem ({n})…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Open viewer…</source>
            <translation>Mở trình xem…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Open311</source>
            <translation>Open311</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Optional note</source>
            <translation>Ghi chú (không bắt buộc)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Overdue</source>
            <translation>Quá hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Partly satisfied</source>
            <translation>Hài lòng một phần</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Photo</source>
            <translation>Ảnh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Photos of the incident</source>
            <translation>Ảnh của sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Photos…</source>
            <translation>Ảnh…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Photo…</source>
            <translation>Ảnh…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Pick a question to read its thread.</source>
            <translation>Chọn một câu hỏi để đọc trao đổi.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Pick a rule in the list first.</source>
            <translation>Hãy chọn một quy tắc trong danh sách trước.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Pick a task in “My tasks”.</source>
            <translation>Chọn một nhiệm vụ trong “Nhiệm vụ của tôi”.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Pick on map</source>
            <translation>Chọn trên bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Pick the commune or department to assign the task to.</source>
            <translation>Chọn phường/xã hoặc sở/ban để giao nhiệm vụ.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Pick the place on the map first.</source>
            <translation>Hãy chọn vị trí trên bản đồ trước.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Place</source>
            <translation>Vị trí</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Priority</source>
            <translation>Ưu tiên</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Progress</source>
            <translation>Tiến độ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Question</source>
            <translation>Câu hỏi</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Question closed.</source>
            <translation>Đã đóng câu hỏi.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Question sent to {to}.</source>
            <translation>Đã gửi câu hỏi đến {to}.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Questions</source>
            <translation>Câu hỏi</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Questions ({n})</source>
            <translation>Câu hỏi ({n})</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Questions about this task: {n} ({o} not closed)</source>
            <translation>Câu hỏi về nhiệm vụ này: {n} ({o} chưa đóng)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Reassign…</source>
            <translation>Giao lại…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Record</source>
            <translation>Ghi nhận</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Record callback</source>
            <translation>Ghi nhận cuộc gọi lại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Record callback…</source>
            <translation>Ghi nhận cuộc gọi lại…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Refresh</source>
            <translation>Làm mới</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Reopen the case (the callback is the reason)</source>
            <translation>Mở lại hồ sơ (lý do là cuộc gọi lại)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Reopen…</source>
            <translation>Mở lại…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Replies</source>
            <translation>Trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Report progress…</source>
            <translation>Báo cáo tiến độ…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Reported</source>
            <translation>Thời điểm báo</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Reporter: {who}</source>
            <translation>Người báo: {who}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Required: why not the routed unit?</source>
            <translation>Bắt buộc: vì sao không giao đơn vị được phân tuyến?</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Required: why?</source>
            <translation>Bắt buộc: vì sao?</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Return…</source>
            <translation>Trả lại…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Routed to</source>
            <translation>Phân tuyến đến</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Rule {label} would have dispatched {n} of the last 30 days' incidents.</source>
            <translation>Quy tắc {label} lẽ ra đã điều phối {n} sự cố trong 30 ngày qua.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Satisfied</source>
            <translation>Hài lòng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Saved rule {label}.</source>
            <translation>Đã lưu quy tắc {label}.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Say why the task goes to another unit than the routed one.</source>
            <translation>Nêu lý do nhiệm vụ được giao cho đơn vị khác với đơn vị được phân tuyến.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Search title, case number, category, commune…</source>
            <translation>Tìm tiêu đề, số hồ sơ, loại, phường/xã…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Send</source>
            <translation>Gửi</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Send (Ctrl+Enter)</source>
            <translation>Gửi (Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Send answer</source>
            <translation>Gửi trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Send follow-up</source>
            <translation>Gửi tiếp</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Send to the routed</source>
            <translation>Gửi đơn vị được phân tuyến</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Sent.</source>
            <translation>Đã gửi.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Sep</source>
            <translation>Thg 9</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Show incident on the map</source>
            <translation>Hiện sự cố trên bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Show on map</source>
            <translation>Hiện trên bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Signed in as {name} — {role}, {unit}</source>
            <translation>Đăng nhập: {name} — {role}, {unit}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Start work</source>
            <translation>Bắt đầu thực hiện</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Subject</source>
            <translation>Chủ đề</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Task</source>
            <translation>Nhiệm vụ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Task closed; its incident is now {status}.</source>
            <translation>Nhiệm vụ đã đóng; sự cố của nó hiện {status}.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Task: {title}</source>
            <translation>Nhiệm vụ: {title}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Task: {title} ({state})</source>
            <translation>Nhiệm vụ: {title} ({state})</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>The case is reopened.</source>
            <translation>Hồ sơ đã được mở lại.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>The city (dispatcher)</source>
            <translation>Thành phố (điều phối viên)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>The incident cannot be shown: {why}</source>
            <translation>Không thể hiện sự cố: {why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>The incident selected on the map</source>
            <translation>Sự cố đã chọn trên bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>The incident stays {status}: {why}</source>
            <translation>Sự cố vẫn {status}: {why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>The incident was not changed: {why}</source>
            <translation>Sự cố không được thay đổi: {why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>The task is verified and closed. Mark its incident ({category}, {address}) {status}? It is {current} now.</source>
            <translation>Nhiệm vụ đã được xác minh và đóng. Đánh dấu sự cố của nó ({category}, {address}) là {status}? Hiện sự cố đang {current}.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>This workspace has no incidents and communes layers; open a city workspace.</source>
            <translation>Vùng làm việc này không có lớp sự cố và phường/xã; hãy mở vùng làm việc của thành phố.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Timeline</source>
            <translation>Dòng thời gian</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>To</source>
            <translation>Đến</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>Type the position as two numbers: x, y or latitude, longitude.</source>
            <translation>Nhập vị trí bằng hai số: x, y hoặc vĩ độ, kinh độ.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Verify and close</source>
            <translation>Xác minh và đóng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>What</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>What did the reporter say?</source>
            <translation>Người báo đã nói gì?</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>What the reporter said, in a few words</source>
            <translation>Người báo đã nói gì, vài lời</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>What was done (required)</source>
            <translation>Đã làm gì (bắt buộc)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Where</source>
            <translation>Ở đâu</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Why another unit</source>
            <translation>Vì sao đơn vị khác</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Write an answer or a follow-up</source>
            <translation>Viết trả lời hoặc hỏi tiếp</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>a place ({x:.0f}, {y:.0f})</source>
            <translation>một vị trí ({x:.0f}, {y:.0f})</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>a task</source>
            <translation>một nhiệm vụ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>about</source>
            <translation>về</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>accepted</source>
            <translation>đã nhận</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>administrator</source>
            <translation>quản trị viên</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>an incident</source>
            <translation>một sự cố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>answered</source>
            <translation>đã trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>any</source>
            <translation>bất kỳ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>any category</source>
            <translation>mọi loại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>app</source>
            <translation>ứng dụng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>assign at once</source>
            <translation>giao ngay</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>assigned</source>
            <translation>đã giao</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>assigned it</source>
            <translation>đã giao</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>camera</source>
            <translation>camera</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>cancelled</source>
            <translation>đã huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>cancelled it</source>
            <translation>đã huỷ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>city dispatcher</source>
            <translation>điều phối viên thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>click the place on the map…</source>
            <translation>bấm vào vị trí trên bản đồ…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>closed</source>
            <translation>đã đóng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>commune</source>
            <translation>phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>commune officer</source>
            <translation>cán bộ phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>commune {name}</source>
            <translation>phường/xã {name}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>completed the work</source>
            <translation>đã hoàn thành công việc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>created the task</source>
            <translation>đã tạo nhiệm vụ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>department</source>
            <translation>sở/ban</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>department officer</source>
            <translation>cán bộ sở/ban</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>department {name}</source>
            <translation>sở/ban {name}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>disabled</source>
            <translation>đã tắt</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>dispatcher confirms</source>
            <translation>điều phối viên xác nhận</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>done, to verify</source>
            <translation>xong, chờ xác minh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>due {when}</source>
            <translation>hạn {when}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>due {when} (in {span})</source>
            <translation>hạn {when} (còn {span})</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>duplicate</source>
            <translation>trùng lặp</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>escalated</source>
            <translation>đã chuyển cấp trên</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>escalated it (overdue)</source>
            <translation>đã chuyển cấp trên (quá hạn)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>finished</source>
            <translation>đã xong</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>from the photo's GPS</source>
            <translation>từ GPS của ảnh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>has GPS</source>
            <translation>có GPS</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>hotline</source>
            <translation>đường dây nóng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>in progress</source>
            <translation>đang xử lý</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>in {span}</source>
            <translation>còn {span}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>inside the task's area</source>
            <translation>trong khu vực của nhiệm vụ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>new</source>
            <translation>mới</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>no</source>
            <translation>không</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>no SLA rule for this category and severity: set the deadline</source>
            <translation>không có quy tắc SLA cho loại và mức độ này: hãy đặt hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>no deadline</source>
            <translation>không có hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>no photo</source>
            <translation>không có ảnh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>no place picked</source>
            <translation>chưa chọn vị trí</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>no position</source>
            <translation>không có vị trí</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>no routing (the task has no incident)</source>
            <translation>không có phân tuyến (nhiệm vụ không có sự cố)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>not assigned yet</source>
            <translation>chưa giao</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>not the routed unit ({routed}): {reason}</source>
            <translation>không phải đơn vị được phân tuyến ({routed}): {reason}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>officer</source>
            <translation>cán bộ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>open</source>
            <translation>đang mở</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>outside every commune</source>
            <translation>ngoài mọi phường/xã</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>picked on the map</source>
            <translation>chọn trên bản đồ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>reassigned it</source>
            <translation>đã giao lại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>rejected</source>
            <translation>bị từ chối</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>reopened it</source>
            <translation>đã mở lại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>reported progress</source>
            <translation>đã báo cáo tiến độ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>resolved</source>
            <translation>đã xử lý</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>returned</source>
            <translation>bị trả lại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>returned it</source>
            <translation>đã trả lại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>sensor</source>
            <translation>cảm biến</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>severity {s}</source>
            <translation>mức độ {s}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>started work</source>
            <translation>đã bắt đầu thực hiện</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>the city</source>
            <translation>thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>typed</source>
            <translation>nhập tay</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>verified and closed it</source>
            <translation>đã xác minh và đóng</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>viewer</source>
            <translation>người xem</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>whole city</source>
            <translation>toàn thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>x, y — or latitude, longitude</source>
            <translation>x, y — hoặc vĩ độ, kinh độ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>yes</source>
            <translation>có</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>{category}, severity {severity} — {status}; {commune}</source>
            <translation>{category}, mức độ {severity} — {status}; {commune}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>{d:,.0f} m from the task's area</source>
            <translation>cách khu vực nhiệm vụ {d:,.0f} m</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>{due} — {hours:g} h for {category}, severity {severity}</source>
            <translation>{due} — {hours:g} giờ cho {category}, mức độ {severity}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{group} ({n})</source>
            <translation>{group} ({n})</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} automatic dispatches to confirm</source>
            <translation>{n} điều phối tự động chờ xác nhận</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} days</source>
            <translation>{n} ngày</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} h</source>
            <translation>{n} giờ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} min</source>
            <translation>{n} phút</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} new tasks</source>
            <translation>{n} nhiệm vụ mới</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>{n} open question(s) waiting for your answer</source>
            <translation>{n} câu hỏi đang chờ bạn trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>{n} overdue task(s) escalated to the city</source>
            <translation>{n} nhiệm vụ quá hạn đã chuyển lên thành phố</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} overdue tasks</source>
            <translation>{n} nhiệm vụ quá hạn</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>{n} question(s) of {commune}; {a} answered</source>
            <translation>{n} câu hỏi của {commune}; {a} đã trả lời</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} tasks completed, to verify</source>
            <translation>{n} nhiệm vụ đã xong, chờ xác minh</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} tasks dispatched automatically</source>
            <translation>{n} nhiệm vụ được điều phối tự động</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} tasks reopened</source>
            <translation>{n} nhiệm vụ được mở lại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} tasks returned</source>
            <translation>{n} nhiệm vụ bị trả lại</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{n} unread notification(s)</source>
            <translation>{n} thông báo chưa đọc</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{n} waiting</source>
            <translation>{n} đang chờ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{n} {group}</source>
            <translation>{n} {group}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{shown} of {total} waiting</source>
            <translation>{shown} trên {total} đang chờ</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{span} late</source>
            <translation>trễ {span}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{span} late (due {when})</source>
            <translation>trễ {span} (hạn {when})</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>{taken} of {tried} incidents of the last 30 days would have been dispatched automatically.</source>
            <translation>{taken} trên {tried} sự cố trong 30 ngày qua lẽ ra đã được điều phối tự động.</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>⚠ The incident was routed to {routed}, not {picked}. Say why; the reason goes into the task's history.</source>
            <translation>⚠ Sự cố được phân tuyến đến {routed}, không phải {picked}. Nêu lý do; lý do được ghi vào lịch sử nhiệm vụ.</translation>
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Pick the place of a question or a report</source>
            <translation>Chọn vị trí của câu hỏi hoặc báo cáo</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Tasks</source>
            <translation>Nhiệm vụ</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Two-level tasks between the city and its communes: inbox, task detail with timeline and evidence, city overview.</source>
            <translation>Nhiệm vụ hai cấp giữa thành phố và các phường/xã: hộp việc, chi tiết nhiệm vụ với dòng thời gian và minh chứng, tổng quan thành phố.</translation>
        </message>
    </context>
</TS>
