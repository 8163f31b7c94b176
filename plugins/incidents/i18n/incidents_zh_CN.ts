<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>IncidentsPanel</name>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Address</source>
            <translation>地址(&amp;A)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Category</source>
            <translation>类别(&amp;C)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Description</source>
            <translation>描述(&amp;D)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Happened at</source>
            <translation>发生时间(&amp;H)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Override the routing</source>
            <translation>覆盖分派(&amp;O)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>&amp;Severity</source>
            <translation>严重程度(&amp;S)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>A new incident goes to the department of its category. Add a row for a new category; change a department to re-route future incidents.</source>
            <translation>新事件会分派给其类别对应的部门。为新类别添加一行；更改部门即可重新分派以后的事件。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>A task about this incident, assigned to the routed unit</source>
            <translation>关于此事件的任务，分派给分派单位</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Add a category</source>
            <translation>添加类别</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>All channels</source>
            <translation>全部渠道</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>All communes</source>
            <translation>全部街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>All statuses</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>An open {category} incident was reported {dist:.0f} m away at {when} ({n} candidate(s)). Link the new report to it as a duplicate?</source>
            <translation>在 {dist:.0f} 米外于 {when} 已上报一个未结的{category}事件（{n} 个候选）。将新报告作为重复项关联到它吗？</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Any time</source>
            <translation>任何时间</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Area</source>
            <translation>面</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Attach photos or files</source>
            <translation>附加照片或文件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>C&amp;hannel</source>
            <translation>渠道(&amp;H)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Change shape</source>
            <translation>修改形状</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Commune</source>
            <translation>街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Create one task for the {n} selected incidents…</source>
            <translation>为选中的 {n} 个事件创建一个任务…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Create task…</source>
            <translation>创建任务…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Created {created}, repeats of open incidents {duplicates}, rejected {rejected}.</source>
            <translation>已创建 {created}，与未结事件重复 {duplicates}，被拒绝 {rejected}。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Delete incident</source>
            <translation>删除事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Detection feeds (*.csv *.jsonl *.ndjson *.json);;All files (*)</source>
            <translation>检测数据源 (*.csv *.jsonl *.ndjson *.json);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Detection review level</source>
            <translation>检测复核阈值</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Detection review level…</source>
            <translation>检测复核阈值…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Draw a new incident as a point, a line or an area, or pick one in the list.</source>
            <translation>以点、线或面绘制新事件，或在列表中选择一个事件。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Draw a new incident on the map</source>
            <translation>在地图上绘制新事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Draw an incident on the map with the buttons above, or pick one in the list.</source>
            <translation>使用上方按钮在地图上绘制事件，或在列表中选择一个事件。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Each row needs a category and a department: </source>
            <translation>每一行都需要类别和部门：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Edit shape</source>
            <translation>编辑形状</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Export GeoJSON</source>
            <translation>导出 GeoJSON</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Export Open311 GeoReport v2</source>
            <translation>导出 Open311 GeoReport v2</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Export listed incidents as GeoJSON…</source>
            <translation>将列出的事件导出为 GeoJSON…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Export listed incidents as Open311…</source>
            <translation>将列出的事件导出为 Open311…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>GeoReport v2 JSON (*.json);;All files (*)</source>
            <translation>GeoReport v2 JSON (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Give a reason to override the routing.</source>
            <translation>请给出覆盖分派的理由。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Happened</source>
            <translation>发生时间</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Import Open311 requests</source>
            <translation>导入 Open311 请求</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Import Open311 requests…</source>
            <translation>导入 Open311 请求…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Import camera AI detections</source>
            <translation>导入摄像头 AI 检测</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Import camera detections</source>
            <translation>导入摄像头检测</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Import camera detections…</source>
            <translation>导入摄像头检测…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Import/Export</source>
            <translation>导入/导出</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Incident</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/rules.py" />
            <source>Incident categories and routing rules</source>
            <translation>事件类别与分派规则</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>JPEG, PNG, GIF or WebP photos, PDF or text files, up to 20 MB each; kept inside the workspace</source>
            <translation>JPEG、PNG、GIF 或 WebP 照片，PDF 或文本文件，每个不超过 20 MB；保存在工作区内</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Last 12 months</source>
            <translation>最近 12 个月</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Last 24 hours</source>
            <translation>最近 24 小时</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Line</source>
            <translation>线</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Link as duplicate</source>
            <translation>作为重复项关联</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>List</source>
            <translation>列表</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Mark detections below this confidence for review:</source>
            <translation>将低于此置信度的检测标记为待复核：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Needs review</source>
            <translation>待复核</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>New incident</source>
            <translation>新事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Newest {shown} shown; more match the filters.</source>
            <translation>显示最新的 {shown} 条；还有更多符合筛选条件。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/handoff.py" />
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Not allowed: {reason}</source>
            <translation>不允许：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Not attached: </source>
            <translation>未附加：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Not deleted: </source>
            <translation>未删除：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Not removed: </source>
            <translation>未移除：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Not saved: </source>
            <translation>未保存：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Nothing changed.</source>
            <translation>没有任何更改。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/handoff.py" />
            <source>One task created for {n} incidents in the Tasks panel.</source>
            <translation>已在任务面板中为 {n} 个事件创建一个任务。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Open</source>
            <translation>未结</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/handoff.py" />
            <source>Open the Tasks panel (View › Panels) to create tasks.</source>
            <translation>打开任务面板（视图 › 面板）以创建任务。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Photos and documents (*.jpg *.jpeg *.png *.gif *.webp *.pdf *.txt);;All files (*)</source>
            <translation>照片和文档 (*.jpg *.jpeg *.png *.gif *.webp *.pdf *.txt);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Photos and files</source>
            <translation>照片和文件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Pick a category or type a new one; its department comes from the routing rules.</source>
            <translation>选择类别或输入新类别；其部门来自分派规则。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Pick an incident on the map and move, add or remove its corners</source>
            <translation>在地图上选择一个事件，移动、添加或删除其顶点</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Point</source>
            <translation>点</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Possible duplicate</source>
            <translation>可能重复</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Reported {category} in {commune}.</source>
            <translation>已上报 {commune} 的{category}。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Routing</source>
            <translation>分派</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Routing rules…</source>
            <translation>分派规则…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>S&amp;tatus</source>
            <translation>状态(&amp;T)</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Save as a new incident</source>
            <translation>另存为新事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Saved the changes.</source>
            <translation>已保存更改。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Send to commune</source>
            <translation>发送给街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Send to department</source>
            <translation>发送给部门</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Severity</source>
            <translation>严重程度</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Shape not changed: </source>
            <translation>形状未更改：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Signed in as {name}: the list shows the incidents you may see.</source>
            <translation>已以 {name} 身份登录：列表显示您可查看的事件。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Someone should confirm this report (e.g. a low-confidence camera detection)</source>
            <translation>需要有人确认此报告（例如低置信度的摄像头检测）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Store the incident (Ctrl+Return)</source>
            <translation>保存事件（Ctrl+Return）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Stored; it belongs to another unit now, so it is not shown to you.</source>
            <translation>已保存；它现在属于其他单位，因此不再向您显示。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Street, landmark…</source>
            <translation>街道、地标…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/handoff.py" />
            <source>Task created in the Tasks panel: assign it there.</source>
            <translation>已在任务面板中创建任务：请在那里分派。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>That incident no longer exists (deleted, or undone).</source>
            <translation>该事件已不存在（已删除或已撤销）。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>This workspace has no incidents and communes layers; open a city workspace.</source>
            <translation>此工作区没有事件和街道/乡镇图层；请打开城市工作区。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>This workspace has no incidents layer.</source>
            <translation>此工作区没有事件图层。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>What is happening, who reported it…</source>
            <translation>发生了什么，谁上报的…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>When it happened (local time; stored in UTC)</source>
            <translation>发生时间（本地时间；以 UTC 存储）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>Why (required to override)</source>
            <translation>理由（覆盖时必填）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>Why delete this incident? (Its history is kept; Undo restores it.)</source>
            <translation>为什么删除此事件？（其历史会保留；撤销可恢复。）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>Wrote {n} incidents to {name}</source>
            <translation>已将 {n} 个事件写入 {name}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>app</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>area</source>
            <translation>面</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>assigned</source>
            <translation>已分派</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>camera</source>
            <translation>摄像头</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>created outside gisdesk</source>
            <translation>在 gisdesk 之外创建</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>critical</source>
            <translation>危急</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>deleted outside gisdesk</source>
            <translation>在 gisdesk 之外删除</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>duplicate</source>
            <translation>重复</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>edited outside gisdesk</source>
            <translation>在 gisdesk 之外编辑</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>high</source>
            <translation>高</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>hotline</source>
            <translation>热线</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>in progress</source>
            <translation>处理中</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>line</source>
            <translation>线</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>low</source>
            <translation>低</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <location filename="/work/main/plugins/incidents/incidents/listing.py" />
            <source>medium</source>
            <translation>中</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>new</source>
            <translation>新建</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>no commune</source>
            <translation>无街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>no rule for this category</source>
            <translation>此类别没有规则</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>officer</source>
            <translation>工作人员</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>outside every commune</source>
            <translation>不在任何街道/乡镇内</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>point</source>
            <translation>点</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>rejected</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/feeds.py" />
            <source>request</source>
            <translation>请求</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/panel.py" />
            <source>routing overridden: </source>
            <translation>已覆盖分派：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/_texts.py" />
            <source>sensor</source>
            <translation>传感器</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>stored on save</source>
            <translation>保存时存储</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/incidents/incidents/form.py" />
            <source>the access policy says no</source>
            <translation>访问策略不允许</translation>
        </message>
    </context>
    <context>
        <name>incidents</name>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Draw incidents on the map; validation, routing to commune and department, duplicates, camera and Open311 feeds.</source>
            <translation>在地图上绘制事件；校验、分派到街道/乡镇和部门、查重、摄像头和 Open311 数据源。</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Edit incident shape</source>
            <translation>编辑事件形状</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incident area</source>
            <translation>事件面</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incident line</source>
            <translation>事件线</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incident point</source>
            <translation>事件点</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Incidents</source>
            <translation>事件</translation>
        </message>
    </context>
</TS>
