<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>TasksPanel</name>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>(case reopened)</source>
            <translation>（案件已重新打开）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>1 day</source>
            <translation>1 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>A place on the map</source>
            <translation>地图上的一个位置</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Accept</source>
            <translation>接受</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Actions</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>All units</source>
            <translation>全部单位</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Any deadline</source>
            <translation>任何期限</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Apr</source>
            <translation>4月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Area</source>
            <translation>面</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Area (commune)</source>
            <translation>区域（街道/乡镇）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Arriving incidents are tried against these rules in priority order; the first that matches creates the task and assigns it to the routed unit with the SLA deadline (or asks the dispatcher to confirm).</source>
            <translation>新到事件按优先级依次匹配这些规则；第一个匹配的规则创建任务并按 SLA 期限分派给分派单位（或请调度员确认）。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Ask</source>
            <translation>提问</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Ask the city</source>
            <translation>询问市里</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Ask the city about this task…</source>
            <translation>就此任务询问市里…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Ask the city or a department about a task, an incident or a place</source>
            <translation>就任务、事件或地点询问市里或部门</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Asked</source>
            <translation>提问时间</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Ask…</source>
            <translation>提问…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Assign to</source>
            <translation>分派给</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Assigned to</source>
            <translation>已分派给</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Assign…</source>
            <translation>分派…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Attach a photo</source>
            <translation>附加照片</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Aug</source>
            <translation>8月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Callback recorded.</source>
            <translation>回访已记录。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Callbacks:</source>
            <translation>回访：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Cancel task…</source>
            <translation>取消任务…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Case {case}: {title}</source>
            <translation>案件 {case}：{title}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Changed by someone else — reloaded.</source>
            <translation>已被他人修改 — 已重新加载。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Changed by someone else — reloaded. Check the task and submit again if still needed.</source>
            <translation>已被他人修改 — 已重新加载。请检查任务，如仍需要请重新提交。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>City department</source>
            <translation>市级部门</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>City overview</source>
            <translation>全市概览</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Close question</source>
            <translation>关闭问题</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Commune</source>
            <translation>街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Complete…</source>
            <translation>完成…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Created; assign it to the routed unit or another one.</source>
            <translation>已创建；请分派给分派单位或其他单位。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Deadline</source>
            <translation>期限</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Deadline from the SLA rules</source>
            <translation>按 SLA 规则的期限</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Deadline, latest first</source>
            <translation>期限，最晚在前</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Deadline, soonest first</source>
            <translation>期限，最早在前</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Dec</source>
            <translation>12月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Delete dispatch rule</source>
            <translation>删除派单规则</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Delete rule {label}? Tasks it dispatched keep their history.</source>
            <translation>删除规则 {label}？它派出的任务会保留历史。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Deleted rule {label}.</source>
            <translation>已删除规则 {label}。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Dispatch rules</source>
            <translation>派单规则</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Dispatch rules…</source>
            <translation>派单规则…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Done: the task is now {state}.</source>
            <translation>完成：任务现在为{state}。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Dry run</source>
            <translation>试运行</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Due this week</source>
            <translation>本周到期</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Due today</source>
            <translation>今天到期</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Edit dispatch rule</source>
            <translation>编辑派单规则</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Enabled</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Evidence and attachments</source>
            <translation>证据与附件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Feb</source>
            <translation>2月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>From</source>
            <translation>来自</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>图像 (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>In a few words</source>
            <translation>简要说明</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Incident</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Incident status</source>
            <translation>事件状态</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Jan</source>
            <translation>1月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Jul</source>
            <translation>7月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Jun</source>
            <translation>6月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Later</source>
            <translation>稍后</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Leave as it is</source>
            <translation>保持不变</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Lower numbers are tried first; the first rule that matches decides.</source>
            <translation>数字越小越先尝试；第一个匹配的规则生效。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>Map coordinates (x, y) or degrees (latitude, longitude, e.g. 16.4637, 107.5909)</source>
            <translation>地图坐标（x, y）或经纬度（纬度, 经度，例如 16.4637, 107.5909）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Mar</source>
            <translation>3月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Mark all read</source>
            <translation>全部标为已读</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Mark read</source>
            <translation>标为已读</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Mark resolved</source>
            <translation>标为已解决</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Mark the selected notification or group read</source>
            <translation>将选中的通知或分组标为已读</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>May</source>
            <translation>5月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Min. severity</source>
            <translation>最低严重程度</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Minimum severity</source>
            <translation>最低严重程度</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>My commune</source>
            <translation>我的街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>My tasks</source>
            <translation>我的任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>New dispatch rule</source>
            <translation>新建派单规则</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>New task</source>
            <translation>新建任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>New task from selected incidents…</source>
            <translation>从选中的事件新建任务…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Newest task first</source>
            <translation>最新任务在前</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>No answer yet.</source>
            <translation>尚无回复。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>No callback recorded yet.</source>
            <translation>尚无回访记录。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>No deadline</source>
            <translation>无期限</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>No files</source>
            <translation>没有文件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>No files.</source>
            <translation>没有文件。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>No open question waits for your answer</source>
            <translation>没有等待您回复的问题</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>No questions about this task</source>
            <translation>此任务没有问题</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>No reporter contact was kept for this case.</source>
            <translation>此案件未保留报告人联系方式。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>No task created: {why}</source>
            <translation>未创建任务：{why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>No unread notifications</source>
            <translation>没有未读通知</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>Not an image: no preview.</source>
            <translation>不是图像：无法预览。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Not deleted: {why}</source>
            <translation>未删除：{why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Not reached (nobody answered)</source>
            <translation>未联系上（无人接听）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Not recorded: {why}</source>
            <translation>未记录：{why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Not satisfied</source>
            <translation>不满意</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Not saved: {why}</source>
            <translation>未保存：{why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Nothing for you to do on this task now.</source>
            <translation>您目前无需对此任务进行操作。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Nov</source>
            <translation>11月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Oct</source>
            <translation>10月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>On time %</source>
            <translation>按时率 %</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>One task about the incidents selected on the map (or the one open in the Incidents panel)</source>
            <translation>关于地图上选中事件（或事件面板中打开的事件）的一个任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Open</source>
            <translation>未结</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Open an incident in the Incidents panel or select incidents on the map first.</source>
            <translation>请先在事件面板中打开一个事件，或在地图上选择事件。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Open only</source>
            <translation>仅未结</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Open questions</source>
            <translation>未关闭的问题</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Open viewer ({n})…</source>
            <translation>打开查看器（{n}）…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Open viewer…</source>
            <translation>打开查看器…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Open311</source>
            <translation>Open311</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Optional note</source>
            <translation>备注（可选）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Partly satisfied</source>
            <translation>部分满意</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Photos of the incident</source>
            <translation>事件照片</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Photos…</source>
            <translation>照片…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Photo…</source>
            <translation>照片…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Pick a question to read its thread.</source>
            <translation>选择一个问题以阅读其对话。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Pick a rule in the list first.</source>
            <translation>请先在列表中选择一条规则。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Pick a task in “My tasks”.</source>
            <translation>请在“我的任务”中选择一个任务。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Pick on map</source>
            <translation>在地图上选取</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Pick the commune or department to assign the task to.</source>
            <translation>选择要分派任务的街道/乡镇或部门。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Pick the place on the map first.</source>
            <translation>请先在地图上选取位置。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Place</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Question</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Question closed.</source>
            <translation>问题已关闭。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Question sent to {to}.</source>
            <translation>问题已发送给 {to}。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Questions</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Questions ({n})</source>
            <translation>问题（{n}）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Questions about this task: {n} ({o} not closed)</source>
            <translation>此任务的问题：{n}（{o} 个未关闭）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Reassign…</source>
            <translation>重新分派…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Record callback</source>
            <translation>记录回访</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Record callback…</source>
            <translation>记录回访…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Reopen the case (the callback is the reason)</source>
            <translation>重新打开案件（以回访为理由）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Reopen…</source>
            <translation>重新打开…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Replies</source>
            <translation>回复</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Report progress…</source>
            <translation>汇报进度…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Reported</source>
            <translation>上报时间</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Reporter: {who}</source>
            <translation>报告人：{who}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Required: why not the routed unit?</source>
            <translation>必填：为什么不分派给分派单位？</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Required: why?</source>
            <translation>必填：为什么？</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Return…</source>
            <translation>退回…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Routed to</source>
            <translation>分派至</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Rule {label} would have dispatched {n} of the last 30 days' incidents.</source>
            <translation>规则 {label} 会派出最近 30 天中的 {n} 个事件。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Saved rule {label}.</source>
            <translation>已保存规则 {label}。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Say why the task goes to another unit than the routed one.</source>
            <translation>说明任务为何分派给分派单位以外的单位。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>Search title, case number, category, commune…</source>
            <translation>搜索标题、案件编号、类别、街道/乡镇…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Send (Ctrl+Enter)</source>
            <translation>发送（Ctrl+Enter）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Send answer</source>
            <translation>发送回复</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Send follow-up</source>
            <translation>发送追问</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Send to the routed</source>
            <translation>发送给分派单位</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Sent.</source>
            <translation>已发送。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Sep</source>
            <translation>9月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>Show incident on the map</source>
            <translation>在地图上显示事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Show on map</source>
            <translation>在地图上显示</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Signed in as {name} — {role}, {unit}</source>
            <translation>已登录：{name} — {role}，{unit}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Start work</source>
            <translation>开始处理</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Subject</source>
            <translation>主题</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>Task closed; its incident is now {status}.</source>
            <translation>任务已关闭；其事件现在为{status}。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Task: {title}</source>
            <translation>任务：{title}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Task: {title} ({state})</source>
            <translation>任务：{title}（{state}）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>The case is reopened.</source>
            <translation>案件已重新打开。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>The city (dispatcher)</source>
            <translation>市里（调度员）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>The incident cannot be shown: {why}</source>
            <translation>无法显示事件：{why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>The incident selected on the map</source>
            <translation>地图上选中的事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>The incident stays {status}: {why}</source>
            <translation>事件保持{status}：{why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>The incident was not changed: {why}</source>
            <translation>事件未更改：{why}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>The task is verified and closed. Mark its incident ({category}, {address}) {status}? It is {current} now.</source>
            <translation>任务已核实并关闭。将其事件（{category}，{address}）标为{status}吗？它现在为{current}。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>This workspace has no incidents and communes layers; open a city workspace.</source>
            <translation>此工作区没有事件和街道/乡镇图层；请打开城市工作区。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>To</source>
            <translation>发往</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>Type the position as two numbers: x, y or latitude, longitude.</source>
            <translation>以两个数字输入位置：x, y 或 纬度, 经度。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>Verify and close</source>
            <translation>核实并关闭</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>What did the reporter say?</source>
            <translation>报告人怎么说？</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/callback_dialog.py" />
            <source>What the reporter said, in a few words</source>
            <translation>报告人所说内容，简要说明</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>What was done (required)</source>
            <translation>已完成的工作（必填）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Where</source>
            <translation>地点</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>Why another unit</source>
            <translation>为何选择其他单位</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>Write an answer or a follow-up</source>
            <translation>撰写回复或追问</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>a place ({x:.0f}, {y:.0f})</source>
            <translation>一个位置（{x:.0f}, {y:.0f}）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>a task</source>
            <translation>一个任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>about</source>
            <translation>关于</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>accepted</source>
            <translation>已接受</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>administrator</source>
            <translation>管理员</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>an incident</source>
            <translation>一个事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>answered</source>
            <translation>已回复</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>any</source>
            <translation>任意</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>any category</source>
            <translation>任意类别</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>app</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>assign at once</source>
            <translation>立即分派</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>assigned</source>
            <translation>已分派</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>assigned it</source>
            <translation>已分派</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>cancelled it</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>city dispatcher</source>
            <translation>市调度员</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>click the place on the map…</source>
            <translation>在地图上点击位置…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>commune</source>
            <translation>街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>commune officer</source>
            <translation>街道/乡镇工作人员</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>commune {name}</source>
            <translation>街道/乡镇 {name}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>completed the work</source>
            <translation>已完成工作</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>created the task</source>
            <translation>创建了任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>department officer</source>
            <translation>部门工作人员</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>department {name}</source>
            <translation>部门 {name}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>dispatcher confirms</source>
            <translation>调度员确认</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>done, to verify</source>
            <translation>已完成，待核实</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>due {when}</source>
            <translation>{when} 到期</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>due {when} (in {span})</source>
            <translation>{when} 到期（还有 {span}）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>duplicate</source>
            <translation>重复</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>escalated</source>
            <translation>已上报升级</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>escalated it (overdue)</source>
            <translation>已上报升级（逾期）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>finished</source>
            <translation>已结束</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>from the photo's GPS</source>
            <translation>来自照片 GPS</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>has GPS</source>
            <translation>含 GPS</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>hotline</source>
            <translation>热线</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>in progress</source>
            <translation>处理中</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>in {span}</source>
            <translation>还有 {span}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>inside the task's area</source>
            <translation>在任务区域内</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>new</source>
            <translation>新建</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>no SLA rule for this category and severity: set the deadline</source>
            <translation>此类别和严重程度没有 SLA 规则：请设置期限</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>no deadline</source>
            <translation>无期限</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>no photo</source>
            <translation>无照片</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>no place picked</source>
            <translation>未选取位置</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>no position</source>
            <translation>无位置</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>no routing (the task has no incident)</source>
            <translation>无分派（任务没有事件）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>not assigned yet</source>
            <translation>尚未分派</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>not the routed unit ({routed}): {reason}</source>
            <translation>不是分派单位（{routed}）：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>officer</source>
            <translation>工作人员</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>open</source>
            <translation>未结</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>outside every commune</source>
            <translation>不在任何街道/乡镇内</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>picked on the map</source>
            <translation>在地图上选取</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>reassigned it</source>
            <translation>已重新分派</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>rejected</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>reopened it</source>
            <translation>已重新打开</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>reported progress</source>
            <translation>汇报了进度</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>returned it</source>
            <translation>已退回</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>sensor</source>
            <translation>传感器</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/detail.py" />
            <source>severity {s}</source>
            <translation>严重程度 {s}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>started work</source>
            <translation>开始处理</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>the city</source>
            <translation>全市</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>typed</source>
            <translation>手动输入</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>verified and closed it</source>
            <translation>已核实并关闭</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/_texts.py" />
            <source>viewer</source>
            <translation>查看者</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>whole city</source>
            <translation>全市</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>x, y — or latitude, longitude</source>
            <translation>x, y — 或 纬度, 经度</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/incident_box.py" />
            <source>{category}, severity {severity} — {status}; {commune}</source>
            <translation>{category}，严重程度 {severity} — {status}；{commune}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/evidence.py" />
            <source>{d:,.0f} m from the task's area</source>
            <translation>距任务区域 {d:,.0f} 米</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>{due} — {hours:g} h for {category}, severity {severity}</source>
            <translation>{due} — {category}、严重程度 {severity} 为 {hours:g} 小时</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{group} ({n})</source>
            <translation>{group}（{n}）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} automatic dispatches to confirm</source>
            <translation>{n} 个自动派单待确认</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} days</source>
            <translation>{n} 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} h</source>
            <translation>{n} 小时</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} min</source>
            <translation>{n} 分钟</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} new tasks</source>
            <translation>{n} 个新任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>{n} open question(s) waiting for your answer</source>
            <translation>{n} 个问题等待您回复</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/panel.py" />
            <source>{n} overdue task(s) escalated to the city</source>
            <translation>{n} 个逾期任务已上报市里</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} overdue tasks</source>
            <translation>{n} 个逾期任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/questions.py" />
            <source>{n} question(s) of {commune}; {a} answered</source>
            <translation>{commune} 的 {n} 个问题；{a} 个已回复</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} tasks completed, to verify</source>
            <translation>{n} 个任务已完成，待核实</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} tasks dispatched automatically</source>
            <translation>{n} 个任务已自动派单</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} tasks reopened</source>
            <translation>{n} 个任务已重新打开</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{n} tasks returned</source>
            <translation>{n} 个任务被退回</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{n} unread notification(s)</source>
            <translation>{n} 条未读通知</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{n} waiting</source>
            <translation>{n} 个待处理</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{n} {group}</source>
            <translation>{n} {group}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/inbox.py" />
            <source>{shown} of {total} waiting</source>
            <translation>{total} 个待处理中的 {shown} 个</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{span} late</source>
            <translation>逾期 {span}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/wording.py" />
            <source>{span} late (due {when})</source>
            <translation>逾期 {span}（{when} 到期）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/rules_dialog.py" />
            <source>{taken} of {tried} incidents of the last 30 days would have been dispatched automatically.</source>
            <translation>最近 30 天的 {tried} 个事件中有 {taken} 个会被自动派单。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/tasks/tasks/actions.py" />
            <source>⚠ The incident was routed to {routed}, not {picked}. Say why; the reason goes into the task's history.</source>
            <translation>⚠ 事件分派给了 {routed}，而不是 {picked}。请说明理由；理由会记入任务历史。</translation>
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Pick the place of a question or a report</source>
            <translation>选取问题或报告的位置</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Two-level tasks between the city and its communes: inbox, task detail with timeline and evidence, city overview.</source>
            <translation>市与街道/乡镇两级任务：收件箱、含时间线和证据的任务详情、全市概览。</translation>
        </message>
    </context>
</TS>
