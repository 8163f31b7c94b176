<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>App</name>
        <message>
            <location filename="/work/main/gisdesk/ui/app.py" />
            <source>Cannot open workspace</source>
            <translation>无法打开工作区</translation>
        </message>
    </context>
    <context>
        <name>AttributeTable</name>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Clear selection</source>
            <translation>清除选择</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Compare fields with = != &lt; &lt;= &gt; &gt;=, like / ilike (ignores case) with % and _, in (…), is [not] null, between … and …; combine with and, or, not and parentheses.</source>
            <translation>用 = != &lt; &lt;= &gt; &gt;= 比较字段，like / ilike（忽略大小写）配合 % 和 _，in (…)，is [not] null，between … and …；用 and、or、not 和括号组合。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Copy value</source>
            <translation>复制值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Filter, e.g. status = 'open' and severity &gt;= 3 (Enter applies)</source>
            <translation>筛选，例如 status = 'open' and severity &gt;= 3（按 Enter 应用）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Save the rows shown (or the selected rows) to a file</source>
            <translation>将显示的行（或选中的行）保存到文件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Selected only</source>
            <translation>仅选中项</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Zoom to feature</source>
            <translation>缩放到要素</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>{0} of {1} features</source>
            <translation>{1} 个要素中的 {0} 个</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>{0} selected</source>
            <translation>已选 {0} 个</translation>
        </message>
    </context>
    <context>
        <name>AttributeTableModel</name>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>&lt;{0} bytes&gt;</source>
            <translation>&lt;{0} 字节&gt;</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Cancelled; the table shows the previous rows.</source>
            <translation>已取消；表格显示之前的行。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>NULL</source>
            <translation>NULL</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/attribute_table.py" />
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
    </context>
    <context>
        <name>ColorButton</name>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Choose a colour</source>
            <translation>选择颜色</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Connect to server…</source>
            <translation>连接服务器(&amp;C)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Deselect all</source>
            <translation>全部取消选择(&amp;D)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Export map to PNG or PDF…</source>
            <translation>导出地图为 PNG 或 PDF(&amp;E)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;Features</source>
            <translation>要素(&amp;R)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Identify features</source>
            <translation>识别要素(&amp;I)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Next extent</source>
            <translation>下一视图范围(&amp;N)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Open workspace…</source>
            <translation>打开工作区(&amp;O)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Pan</source>
            <translation>平移(&amp;P)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;Plugins</source>
            <translation>插件(&amp;G)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Save layers and styles</source>
            <translation>保存图层和样式(&amp;S)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Select features</source>
            <translation>选择要素(&amp;S)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>&amp;Zoom to box</source>
            <translation>拉框缩放(&amp;Z)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Add &amp;basemap (MBTiles, PMTiles)…</source>
            <translation>添加底图（MBTiles、PMTiles）(&amp;B)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Add &amp;raster layer…</source>
            <translation>添加栅格图层(&amp;R)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Add &amp;vector layer…</source>
            <translation>添加矢量图层(&amp;V)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>An offline tile package drawn under the layers</source>
            <translation>绘制在图层下方的离线瓦片包</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Click a feature to see its attributes</source>
            <translation>点击要素查看其属性</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Click or drag; Shift adds, Ctrl removes</source>
            <translation>点击或拖动；Shift 添加，Ctrl 移除</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Drag a box to zoom into it</source>
            <translation>拖出一个框进行放大</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Drag to move the map</source>
            <translation>拖动以移动地图</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Features</source>
            <translation>要素</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Map</source>
            <translation>地图</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Measure &amp;area</source>
            <translation>测量面积(&amp;A)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Measure &amp;distance</source>
            <translation>测量距离(&amp;D)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Open &amp;attribute table</source>
            <translation>打开属性表(&amp;A)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>P&amp;revious extent</source>
            <translation>上一视图范围(&amp;R)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>View</source>
            <translation>视图</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom to &amp;full extent</source>
            <translation>缩放到全图(&amp;F)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom to &amp;layer</source>
            <translation>缩放到图层(&amp;L)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/actions.py" />
            <source>Zoom to &amp;selection</source>
            <translation>缩放到所选(&amp;S)</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>&amp;Keep current</source>
            <translation>保留当前值(&amp;K)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>&amp;Use the other value</source>
            <translation>使用另一个值(&amp;U)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Both versions</source>
            <translation>两个版本</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>By</source>
            <translation>由</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Kept</source>
            <translation>保留值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Kept (current)</source>
            <translation>保留(当前)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Kept by</source>
            <translation>保留者</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Kept: by {kept_by} (recorded {at}). Other value: by {lost_by}, made on the device at {lost_at}. Why: {reason}</source>
            <translation>保留:{kept_by}(记录于 {at})。另一个值:{lost_by},于设备上 {lost_at} 做出。原因:{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Lost</source>
            <translation type="vanished">落选值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Lost by</source>
            <translation type="vanished">落选者</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>No place to show on the map for this conflict.</source>
            <translation>此冲突没有可在地图上显示的位置。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>No sync conflict you may see.</source>
            <translation>没有您可查看的同步冲突。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Not available: {reason}</source>
            <translation>不可用:{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Not settled: {reason}</source>
            <translation>未处理:{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>On the map: the kept place in magenta, the other value's place in orange.</source>
            <translation>地图上:保留的位置为品红色,另一个值的位置为橙色。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>On the map: the record's place (magenta); the other value does not move it.</source>
            <translation>地图上:记录的位置(品红色);另一个值不改变其位置。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Other value</source>
            <translation>另一个值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Other value (lost)</source>
            <translation>另一个值(落选)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Sync conflicts</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>The record cannot be read here: {reason}</source>
            <translation>此处无法读取该记录:{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>answer</source>
            <translation>答复</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>commune</source>
            <translation>乡/坊</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>deadline</source>
            <translation>期限</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>kept current</source>
            <translation>保留当前值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>offline step</source>
            <translation>离线操作</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>open</source>
            <translation>未处理</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>place</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>progress (%)</source>
            <translation>进度(%)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>settled by {who} at {when} ({how})</source>
            <translation>已由 {who} 于 {when} 处理({how})</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>state</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>the other side</source>
            <translation>另一方</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>used the other value</source>
            <translation>已使用另一个值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>{n} conflict(s), {open} open. Both values are kept: the losing change is here and in the record's history; nothing was dropped. Select one to compare and settle it.</source>
            <translation>{n} 个冲突,{open} 个未处理。两个值都已保留:落选的更改在此处及记录的历史中;没有任何内容丢失。选择一个进行比较并处理。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/conflicts_dialog.py" />
            <source>{n} conflict(s). Both values are kept: the losing change is here and in the record's history; nothing was dropped.</source>
            <translation type="vanished">{n} 个冲突。两个值都已保留：落选的更改在此处及记录的历史中；没有任何内容被丢弃。</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Connect</source>
            <translation>连接</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Connect to server</source>
            <translation>连接服务器</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Give the database and your login.</source>
            <translation>请填写数据库和您的登录名。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Host</source>
            <translation>主机</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Login</source>
            <translation>登录名</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>No system keyring is available on this computer.</source>
            <translation>此计算机上没有可用的系统密钥环。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Otherwise the password is asked for each time and never saved.</source>
            <translation>否则每次都会询问密码，且从不保存。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Save the password in the system keyring</source>
            <translation>将密码保存到系统密钥环</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>Saved connections</source>
            <translation>已保存的连接</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>The Python 'keyring' module is not installed (pip install keyring).</source>
            <translation>未安装 Python 的“keyring”模块（pip install keyring）。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>The password was not saved in the keyring: {error}</source>
            <translation>密码未保存到密钥环：{error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>The system keyring cannot be used: {error}</source>
            <translation>无法使用系统密钥环：{error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>dbserver.city.gov.vn, or a socket folder</source>
            <translation>dbserver.city.gov.vn，或套接字目录</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_connect.py" />
            <source>your own login, e.g. phu_hoi</source>
            <translation>您自己的登录名，例如 phu_hoi</translation>
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
            <translation>地图集(&amp;A)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>&amp;Resolution:</source>
            <translation>分辨率(&amp;R)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>&amp;Save to:</source>
            <translation>保存到(&amp;S)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>&amp;Title:</source>
            <translation>标题(&amp;T)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Export Map</source>
            <translation>导出地图</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Fit the map's extent</source>
            <translation>适合地图范围</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Landscape</source>
            <translation>横向</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Map title</source>
            <translation>地图标题</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>No: one page of this view</source>
            <translation>否：当前视图一页</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>One page per feature of {layer}</source>
            <translation>{layer} 的每个要素一页</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Optional: what, where, when</source>
            <translation>可选：内容、地点、时间</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Optional: where the data comes from</source>
            <translation>可选：数据来源</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>PDF document</source>
            <translation>PDF 文档</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>PDF documents (*.pdf)</source>
            <translation>PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>PNG image</source>
            <translation>PNG 图像</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Page:</source>
            <translation>页面：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Portrait</source>
            <translation>纵向</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Printing the atlas…</source>
            <translation>正在打印地图集…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Printing was cancelled; no file was written.</source>
            <translation>打印已取消；未写入任何文件。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>S&amp;cale:</source>
            <translation>比例尺(&amp;C)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>S&amp;ource:</source>
            <translation>来源(&amp;O)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>Su&amp;btitle:</source>
            <translation>副标题(&amp;B)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/export_dialog.py" />
            <source>The map could not be exported.</source>
            <translation>无法导出地图。</translation>
        </message>
    </context>
    <context>
        <name>IdentifyPanel</name>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>AI detection types</source>
            <translation>AI 检测类型</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Feature</source>
            <translation>要素</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Feature {fid}</source>
            <translation>要素 {fid}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Last detection</source>
            <translation>最后一次检测</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>No features here</source>
            <translation>此处没有要素</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>Value here</source>
            <translation>此处的值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/identify.py" />
            <source>never</source>
            <translation>从未</translation>
        </message>
    </context>
    <context>
        <name>ImportDialogs</name>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>'{name}' does not say which coordinate reference system its coordinates are in. Choose one; nothing is imported until you do.</source>
            <translation>“{name}”未说明其坐标所用的坐标参考系。请选择一个；选择之前不会导入任何内容。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>'{name}' has {n} layers. Tick the ones to add to the workspace:</source>
            <translation>“{name}”有 {n} 个图层。勾选要添加到工作区的图层：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Choose layers</source>
            <translation>选择图层</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Choose or type a coordinate reference system.</source>
            <translation>选择或输入坐标参考系。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Coordinate reference system</source>
            <translation>坐标参考系</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>GeometryCollection</source>
            <translation>几何集合</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Guessed from the coordinates: {label}.</source>
            <translation>根据坐标推测：{label}。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>It has no coordinates.</source>
            <translation>它没有坐标。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Its coordinates reach {extent}.</source>
            <translation>其坐标范围为 {extent}。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>LineString</source>
            <translation>线</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>MultiLineString</source>
            <translation>多线</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>MultiPoint</source>
            <translation>多点</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>MultiPolygon</source>
            <translation>多面</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Point</source>
            <translation>点</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Polygon</source>
            <translation>面</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Select all</source>
            <translation>全选</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Select none</source>
            <translation>全不选</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>The coordinates fit no CRS gisdesk knows; type one (EPSG:n, WKT or a PROJ string).</source>
            <translation>坐标不符合 gisdesk 已知的任何坐标参考系；请输入一个（EPSG:n、WKT 或 PROJ 字符串）。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>VN-2000 (longitude, latitude)</source>
            <translation>VN-2000（经度, 纬度）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>VN-2000 / UTM zone 48N</source>
            <translation>VN-2000 / UTM 48N 带</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>VN-2000 / UTM zone 49N</source>
            <translation>VN-2000 / UTM 49N 带</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>WGS 84 (longitude, latitude)</source>
            <translation>WGS 84（经度, 纬度）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>WGS 84 / UTM zone 48N</source>
            <translation>WGS 84 / UTM 48N 带</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>WGS 84 / UTM zone 49N</source>
            <translation>WGS 84 / UTM 49N 带</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>Web Mercator</source>
            <translation>Web 墨卡托</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>no geometry</source>
            <translation>无几何</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/import_dialogs.py" />
            <source>pyproj cannot read '{crs}'.</source>
            <translation>pyproj 无法读取“{crs}”。</translation>
        </message>
    </context>
    <context>
        <name>LabelEditor</name>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source> px</source>
            <translation> 像素</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Bold</source>
            <translation>粗体</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Font size</source>
            <translation>字号</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Halo</source>
            <translation>光晕</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Hide when zoomed in beyond 1:</source>
            <translation>放大超过以下比例时隐藏 1:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Hide when zoomed out beyond 1:</source>
            <translation>缩小超过以下比例时隐藏 1:</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Label the features of this layer</source>
            <translation>为此图层的要素添加标注</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Labels of layers with a higher priority are placed first</source>
            <translation>优先级较高图层的标注先放置</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Only features where</source>
            <translation>仅限满足条件的要素</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Repeat every</source>
            <translation>重复间隔</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Text after</source>
            <translation>后缀文字</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Text before</source>
            <translation>前缀文字</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>every feature, or e.g. class in ('primary', 'secondary')</source>
            <translation>所有要素，或例如 class in ('primary', 'secondary')</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>no limit</source>
            <translation>无限制</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>once per line</source>
            <translation>每条线一次</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <location filename="/work/main/gisdesk/ui/language.py" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/language.py" />
            <source>System language</source>
            <translation>系统语言</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/language.py" />
            <source>The language changes when gisdesk starts next time.</source>
            <translation>语言将在 gisdesk 下次启动时更改。</translation>
        </message>
    </context>
    <context>
        <name>LayerProperties</name>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Cell size</source>
            <translation>像元大小</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Coordinate system</source>
            <translation>坐标系</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Extent</source>
            <translation>范围</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Features</source>
            <translation>要素</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Layer properties — {title}</source>
            <translation>图层属性 — {title}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>No data</source>
            <translation>无数据值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>Spatial index</source>
            <translation>空间索引</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>raster</source>
            <translation>栅格</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_properties.py" />
            <source>yes</source>
            <translation>是</translation>
        </message>
    </context>
    <context>
        <name>LayerTree</name>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Add layers…</source>
            <translation>添加图层…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Collapse all</source>
            <translation>全部折叠</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Expand all</source>
            <translation>全部展开</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Hide all layers</source>
            <translation>隐藏所有图层</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Not available: {reason}</source>
            <translation>不可用：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Not done: {reason}</source>
            <translation>未完成：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Opacity</source>
            <translation>不透明度</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Open attribute table</source>
            <translation>打开属性表</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Properties…</source>
            <translation>属性…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Remove '{title}' from the map?
The data stays in its file.</source>
            <translation>从地图中移除“{title}”？
数据仍保留在其文件中。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Remove layer</source>
            <translation>移除图层</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Remove layer…</source>
            <translation>移除图层…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Show all layers</source>
            <translation>显示所有图层</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Style…</source>
            <translation>样式…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/layer_tree.py" />
            <source>Zoom to layer</source>
            <translation>缩放到图层</translation>
        </message>
    </context>
    <context>
        <name>Legend</name>
        <message>
            <location filename="/work/main/gisdesk/render/legend.py" />
            <source>other</source>
            <translation>其他</translation>
        </message>
    </context>
    <context>
        <name>Locator</name>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Communes</source>
            <translation>街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Coordinates</source>
            <translation>坐标</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Find communes, roads, places, planning projects, incidents, tasks or a coordinate (lon lat, UTM, VN-2000 x y)</source>
            <translation>查找街道/乡镇、道路、地点、规划项目、事件、任务或坐标（经度 纬度、UTM、VN-2000 x y）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Incidents</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Nothing found</source>
            <translation>未找到</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Places</source>
            <translation>地点</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Planning projects</source>
            <translation>规划项目</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Roads</source>
            <translation>道路</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Search (locator)</source>
            <translation>搜索（定位器）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Search failed: {error}</source>
            <translation>搜索失败：{error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Search places, incidents, x y… (Ctrl+K)</source>
            <translation>搜索地点、事件、x y…（Ctrl+K）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/locator.py" />
            <source>{title} has no place on the map.</source>
            <translation>{title} 在地图上没有位置。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source> (city server)</source>
            <translation>（城市服务器）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source> (server, read-only)</source>
            <translation type="vanished">（服务器，只读）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>&amp;Panels</source>
            <translation>面板(&amp;P)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>(none yet)</source>
            <translation>（暂无）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>1 incident changed</source>
            <translation>1 个事件已变更</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>1 task changed</source>
            <translation>1 个任务已变更</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/basemap_ops.py" />
            <source>Add basemap</source>
            <translation>添加底图</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Add raster layer</source>
            <translation>添加栅格图层</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Add vector layer</source>
            <translation>添加矢量图层</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Attributes — {title}</source>
            <translation>属性 — {title}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Changes made on other workstations are not shown live: {error}</source>
            <translation>其他工作站的更改无法实时显示：{error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Connected to the server as {login}: the map is read-only here, and the incident, task and dashboard panels are not available on the server yet.</source>
            <translation type="vanished">已以 {login} 身份连接服务器：此处地图为只读，事件、任务和仪表板面板尚不能在服务器上使用。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Connected to the server as {login}: the panels show and change the server's data as your login may. Adding layers and saving styles are not available on the server yet.</source>
            <translation>已以 {login} 身份连接服务器：面板按您的登录权限显示和修改服务器数据。服务器上暂不支持添加图层和保存样式。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>GeoTIFF (*.tif *.tiff);;All files (*)</source>
            <translation>GeoTIFF (*.tif *.tiff);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Identify results</source>
            <translation>识别结果</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Imported {name} into the workspace as '{table}'.</source>
            <translation>已将 {name} 导入工作区，名为“{table}”。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Importing {name}…</source>
            <translation>正在导入 {name}…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Layers</source>
            <translation>图层</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Layers and styles saved in {name}</source>
            <translation>图层和样式已保存到 {name}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Layers and styles were not saved: {error}</source>
            <translation>图层和样式未保存：{error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Live updates from the server stopped: {error}</source>
            <translation>服务器实时更新已停止：{error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Not available on the server yet: this panel works through the incident and task stores, which run on a workspace file only so far. The map, identify and attribute tables show the server's data as your login may read it (read-only).</source>
            <translation type="vanished">尚不能在服务器上使用：此面板通过事件和任务存储工作，目前仅在工作区文件上运行。地图、识别和属性表按您的登录名可读取的范围显示服务器数据（只读）。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Not available: {reason}</source>
            <translation>不可用：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/basemap_ops.py" />
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Not done: {reason}</source>
            <translation>未完成：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Nothing is selected.</source>
            <translation>未选择任何内容。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Open workspace</source>
            <translation>打开工作区</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Package · last sync: {when}</source>
            <translation>数据包 · 上次同步：{when}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>Password of {login} on {server}:</source>
            <translation>{login} 在 {server} 上的密码：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Pick a layer in the layer tree first.</source>
            <translation>请先在图层树中选择一个图层。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Pick a vector layer in the layer tree first.</source>
            <translation>请先在图层树中选择一个矢量图层。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Rendered in {ms:.0f} ms</source>
            <translation>渲染用时 {ms:.0f} 毫秒</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>S&amp;witch user…</source>
            <translation>切换用户(&amp;W)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>S&amp;ync</source>
            <translation>同步(&amp;Y)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Scale 1:{n:,.0f}</source>
            <translation>比例尺 1:{n:,.0f}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Search is not available on the server yet</source>
            <translation type="vanished">搜索尚不能在服务器上使用</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Send this package's changes and receive the city's</source>
            <translation>发送此数据包的更改并接收全市的更改</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Signed in: {name} ({role}{where})</source>
            <translation>已登录：{name}（{role}{where}）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>SpatiaLite or GeoPackage (*.sqlite *.db *.gpkg);;All files (*)</source>
            <translation>SpatiaLite 或 GeoPackage (*.sqlite *.db *.gpkg);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Switch user (Ctrl+Alt+U)</source>
            <translation>切换用户（Ctrl+Alt+U）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Sync &amp;conflicts…</source>
            <translation>同步冲突(&amp;C)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Sync failed: {reason}</source>
            <translation type="vanished">同步失败：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>Sync with the city server</source>
            <translation>与城市服务器同步</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Synced. Sent: {sent}. Received: {got}.</source>
            <translation>已同步。已发送：{sent}。已接收：{got}。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Syncing…</source>
            <translation type="vanished">正在同步…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Take &amp;offline…</source>
            <translation>离线使用(&amp;O)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>The changes that lost when a package was synced, with what was kept and why</source>
            <translation>同步数据包时落选的更改，以及保留的内容和原因</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>The map could not be drawn: {error}</source>
            <translation>无法绘制地图：{error}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/basemap_ops.py" />
            <source>Tile packages (*.mbtiles *.pmtiles);;All files (*)</source>
            <translation>瓦片包 (*.mbtiles *.pmtiles);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>Updated from the server: {what}</source>
            <translation>已从服务器更新：{what}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>Vector data (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.kmz *.gml *.fgb *.dxf);;Tables with coordinates (*.csv *.xlsx);;All files (*)</source>
            <translation>矢量数据 (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.kmz *.gml *.fgb *.dxf);;带坐标的表格 (*.csv *.xlsx);;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Write a package of one commune or area for one user, to work without the network</source>
            <translation>为一名用户写出一个街道/乡镇或区域的数据包，以便无网络时工作</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>adding layers and saving styles on the server is not done yet</source>
            <translation>服务器上暂不支持添加图层和保存样式</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>administrator</source>
            <translation>管理员</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>city dispatcher</source>
            <translation>市调度员</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>commune officer</source>
            <translation>街道/乡镇工作人员</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>department officer</source>
            <translation>部门工作人员</translation>
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
            <translation>从未</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>not a package</source>
            <translation>不是数据包</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>nothing new</source>
            <translation>没有新内容</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>nothing to send</source>
            <translation>没有要发送的内容</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>offline package for {user}, last synced {when}</source>
            <translation>{user} 的离线数据包，上次同步 {when}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>packages sync with a workspace file</source>
            <translation>数据包与工作区文件同步</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>the server did not accept the password of {login}; nothing was sent</source>
            <translation>服务器不接受 {login} 的密码；未发送任何内容</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>the server needs the password of {login} to sync</source>
            <translation>服务器需要 {login} 的密码才能同步</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>the sync engine is not part of this build yet (issue 14, part 2); bring the changes back with the package file for now</source>
            <translation>同步引擎尚未包含在此版本中（issue 14 第 2 部分）；目前请通过数据包文件带回更改</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>the window reads the server; writing to it is not done yet</source>
            <translation type="vanished">窗口读取服务器；尚不支持写入服务器</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>this workspace is not a package</source>
            <translation>此工作区不是数据包</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>viewer</source>
            <translation>查看者</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>{n:,} feature(s) selected</source>
            <translation>已选择 {n:,} 个要素</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>{name} was not imported: it needs a coordinate reference system.</source>
            <translation>{name} 未导入：需要坐标参考系。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>{n} incidents changed</source>
            <translation>{n} 个事件已变更</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/main_window.py" />
            <source>{n} layer(s) could not be drawn</source>
            <translation>{n} 个图层无法绘制</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/server_window.py" />
            <source>{n} tasks changed</source>
            <translation>{n} 个任务已变更</translation>
        </message>
    </context>
    <context>
        <name>MapExport</name>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Coordinate system</source>
            <translation>坐标系</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Made with gisdesk</source>
            <translation>由 gisdesk 制作</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Scale</source>
            <translation>比例尺</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/render/layout.py" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
    </context>
    <context>
        <name>Measure</name>
        <message>
            <location filename="/work/main/gisdesk/ui/measure.py" />
            <source>Area {area}   perimeter {perimeter}</source>
            <translation>面积 {area}   周长 {perimeter}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/measure.py" />
            <source>Click to add points; right-click or double-click to finish</source>
            <translation>点击添加点；右键或双击结束</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/measure.py" />
            <source>Distance {length}</source>
            <translation>距离 {length}</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="/work/main/gisdesk/ui/message_bar.py" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/message_bar.py" />
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/message_bar.py" />
            <source>The workspace is busy: another program is writing; try again.</source>
            <translation>工作区忙：另一个程序正在写入；请重试。</translation>
        </message>
    </context>
    <context>
        <name>PluginHost</name>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>&amp;Manage plugins…</source>
            <translation>管理插件(&amp;M)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Add layer</source>
            <translation>添加图层</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Add layer with a plugin reader…</source>
            <translation>使用插件读取器添加图层…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>No plugin reads {name}.</source>
            <translation>没有插件能读取 {name}。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Not available: {reason}</source>
            <translation>不可用：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Panels</source>
            <translation>面板</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Plugin formats ({patterns});;All files (*)</source>
            <translation>插件格式 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Plugins</source>
            <translation>插件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>Shortcut {key} of {id} is also used by {other}.</source>
            <translation>{id} 的快捷键 {key} 也被 {other} 使用。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>{reader} read {name} into the workspace as '{table}'.</source>
            <translation>{reader} 已将 {name} 读入工作区，名为“{table}”。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_host.py" />
            <source>{reader} wrote '{table}', which is not a map layer of the workspace.</source>
            <translation>{reader} 写入了“{table}”，但它不是工作区的地图图层。</translation>
        </message>
    </context>
    <context>
        <name>PluginManagerDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>&amp;Disable</source>
            <translation>停用(&amp;D)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>&amp;Enable</source>
            <translation>启用(&amp;E)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>&amp;Reload from disk</source>
            <translation>从磁盘重新加载(&amp;R)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>API version</source>
            <translation>API 版本</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Adds</source>
            <translation>提供</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Author</source>
            <translation>作者</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Changes</source>
            <translation>更新日志</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Disabled: {why}</source>
            <translation>已停用：{why}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Experimental</source>
            <translation>实验性</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Failed while: {phase}</source>
            <translation>失败阶段：{phase}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>From {source}: {where}</source>
            <translation>来自 {source}：{where}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Home page</source>
            <translation>主页</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Manifest warnings</source>
            <translation>清单警告</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Needs plugins</source>
            <translation>依赖插件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Plugin</source>
            <translation>插件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Plugins</source>
            <translation>插件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Repository</source>
            <translation>代码仓库</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Runs on gisdesk</source>
            <translation>适用的 gisdesk 版本</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Traceback</source>
            <translation>回溯</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Tracker</source>
            <translation>问题跟踪</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Unload the plugin, re-read its files and start it again</source>
            <translation>卸载插件、重新读取其文件并重新启动</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>turned off by you</source>
            <translation>已由您停用</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/plugin_manager.py" />
            <source>yes</source>
            <translation>是</translation>
        </message>
    </context>
    <context>
        <name>Progress</name>
        <message>
            <location filename="/work/main/gisdesk/ui/progress.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/progress.py" />
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;No</source>
            <translation>否(&amp;N)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>&amp;Yes</source>
            <translation>是(&amp;Y)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Help</source>
            <translation>帮助</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
    </context>
    <context>
        <name>RampEditor</name>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Add stop</source>
            <translation>添加色标</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Blues</source>
            <translation>蓝色系</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Colour ramp</source>
            <translation>色带</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Preset…</source>
            <translation>预设…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Red-yellow-green</source>
            <translation>红-黄-绿</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Reds</source>
            <translation>红色系</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Remove stop</source>
            <translation>删除色标</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_style_widgets.py" />
            <source>Value</source>
            <translation>值</translation>
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
            <translation>坐标参考系(&amp;C)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;Rows:</source>
            <translation>行(&amp;R)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>&amp;Save to:</source>
            <translation>保存到(&amp;S)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>'{name}' exists. Replace it?</source>
            <translation>“{name}”已存在。要替换吗？</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>All features</source>
            <translation>所有要素</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>As WKT</source>
            <translation>WKT 格式</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>As lon/lat columns (WGS 84)</source>
            <translation>经度/纬度列（WGS 84）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>CSV &amp;geometry:</source>
            <translation>CSV 几何(&amp;G)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Layer CRS (EPSG:{code})</source>
            <translation>图层坐标参考系（EPSG:{code}）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Not done: Save as is not available for a layer of the server yet (use ogr2ogr or QGIS on the server).</source>
            <translation>未完成：服务器上的图层尚不能使用“另存为”（请在服务器上使用 ogr2ogr 或 QGIS）。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Not saved: {reason}</source>
            <translation>未保存：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Pick a CRS or type an EPSG code, e.g. EPSG:9210</source>
            <translation>选择坐标参考系或输入 EPSG 代码，例如 EPSG:9210</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Rows of the filter ({n})</source>
            <translation>筛选出的行（{n}）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Save “{title}” as</source>
            <translation>将“{title}”另存为</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Saved {n} features of “{title}” to {file} ({format}{crs}).</source>
            <translation>已将“{title}”的 {n} 个要素保存到 {file}（{format}{crs}）。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Saving {title}…</source>
            <translation>正在保存 {title}…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/save_as_dialog.py" />
            <source>Selected features only ({n})</source>
            <translation>仅选中的要素（{n}）</translation>
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
            <translation>Web 墨卡托</translation>
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
            <translation>选择离线工作的人员，以查看服务器是否允许。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>No size estimate on the server; the package holds what {user} may read there in this area.</source>
            <translation>服务器上不估算大小；数据包包含 {user} 在该区域内可读取的内容。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/offline_server.py" />
            <source>Not available: {reason}</source>
            <translation>不可用：{reason}</translation>
        </message>
    </context>
    <context>
        <name>SignIn</name>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>&amp;Password</source>
            <translation>密码(&amp;P)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>&amp;Repeat password</source>
            <translation>重复密码(&amp;R)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>&amp;Username</source>
            <translation>用户名(&amp;U)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>At least {n} characters.</source>
            <translation>至少 {n} 个字符。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Create</source>
            <translation>创建</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Create the administrator</source>
            <translation>创建管理员</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Sign in to gisdesk</source>
            <translation>登录 gisdesk</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>Sign in to {name}. What you see and may change depends on your role and commune.</source>
            <translation>登录 {name}。您能看到和修改的内容取决于您的角色和街道/乡镇。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>This workspace has no administrator yet. Choose the administrator's username and password; the administrator then adds the other users.</source>
            <translation>此工作区还没有管理员。请设置管理员的用户名和密码；之后由管理员添加其他用户。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sign_in.py" />
            <source>the two passwords differ</source>
            <translation>两次输入的密码不一致</translation>
        </message>
    </context>
    <context>
        <name>StyleDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>'{field}' has more than {n} values; the first {n} are shown, the others are drawn as 'other'.</source>
            <translation>“{field}”有超过 {n} 个值；显示前 {n} 个，其余绘制为“其他”。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>'{field}' has no values in this layer.</source>
            <translation>“{field}”在此图层中没有值。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>'{field}' is not a numeric field; a graduated style needs numbers.</source>
            <translation>“{field}”不是数值字段；分级样式需要数字。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>'{text}' is not a number.</source>
            <translation>“{text}”不是数字。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>A rule is a filter expression, e.g. "status" = 'offline'; the first rule a feature matches gives its symbol</source>
            <translation>规则是一个筛选表达式，例如 "status" = 'offline'；要素匹配的第一条规则决定其符号</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Add rule</source>
            <translation>添加规则</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Apply, and save the layers and styles in the workspace for everyone</source>
            <translation>应用，并为所有人将图层和样式保存到工作区</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Blues</source>
            <translation>蓝色系</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Categories</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Categorized</source>
            <translation>分类</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Change colour</source>
            <translation>更改颜色</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Class colour</source>
            <translation>分级颜色</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Classes</source>
            <translation>分级</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Classify</source>
            <translation>分级</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Drawn in its own colours (map tiles or an RGB image).</source>
            <translation>按其自身颜色绘制（地图瓦片或 RGB 图像）。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Equal interval</source>
            <translation>等间距</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Every value of '{field}' is {v}; there is nothing to grade.</source>
            <translation>“{field}”的所有值都是 {v}；无需分级。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Fill colour</source>
            <translation>填充颜色</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Fill opacity</source>
            <translation>填充不透明度</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Filter expression</source>
            <translation>筛选表达式</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Graduated</source>
            <translation>分级</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Labels</source>
            <translation>标注</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Labels: {problem}</source>
            <translation>标注：{problem}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Layer opacity</source>
            <translation>图层不透明度</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Layer style — {title}</source>
            <translation>图层样式 — {title}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Line colour</source>
            <translation>线条颜色</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Line width</source>
            <translation>线宽</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Load style</source>
            <translation>加载样式</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Load style…</source>
            <translation>加载样式…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Loaded: press Apply or OK to use it.</source>
            <translation>已加载：按“应用”或“确定”使用。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Loaded; not everything crossed: {notes}</source>
            <translation>已加载；并非所有内容都能转换：{notes}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Marker shape</source>
            <translation>符号形状</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Marker size</source>
            <translation>符号大小</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Natural breaks (Jenks)</source>
            <translation>自然断点（Jenks）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Not available: {reason}</source>
            <translation>不可用：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Press Classify to make classes for '{field}'.</source>
            <translation>按“分级”为“{field}”生成分级。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>QGIS style (*.qml)</source>
            <translation>QGIS 样式 (*.qml)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Quantile (equal count)</source>
            <translation>分位数（等数量）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Range</source>
            <translation>范围</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Read a QGIS style (.qml) or an SLD file</source>
            <translation>读取 QGIS 样式（.qml）或 SLD 文件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Red-yellow-green</source>
            <translation>红-黄-绿</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Reds</source>
            <translation>红色系</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Rule {k}: the filter is not valid.</source>
            <translation>规则 {k}：筛选条件无效。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Rule-based</source>
            <translation>基于规则</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Rule: {problem}</source>
            <translation>规则：{problem}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Rules (first match wins)</source>
            <translation>规则（首个匹配的规则生效）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>SLD (*.sld)</source>
            <translation>SLD (*.sld)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Save for everyone</source>
            <translation>为所有人保存</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Save style</source>
            <translation>保存样式</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Save style…</source>
            <translation>保存样式…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Single symbol</source>
            <translation>单一符号</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Stroke colour</source>
            <translation>描边颜色</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Stroke width</source>
            <translation>描边宽度</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Style</source>
            <translation>样式</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Style written to {name}.</source>
            <translation>样式已写入 {name}。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Symbol</source>
            <translation>符号</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Symbology</source>
            <translation>符号化</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>The style classifies by '{field}', which this layer does not have.</source>
            <translation>该样式按“{field}”分类，但此图层没有该字段。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>There are no classes yet: press Classify.</source>
            <translation>尚无分级：请按“分级”。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>There are no rules yet: press Add rule.</source>
            <translation>尚无规则：请按“添加规则”。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>This layer has no fields to classify by.</source>
            <translation>此图层没有可用于分级的字段。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <source>Viridis</source>
            <translation>Viridis</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Write a range as 'lower - upper', for example '0 - 100'.</source>
            <translation>范围写作“下限 - 上限”，例如“0 - 100”。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>Write this style as a QGIS style (.qml) or an SLD file</source>
            <translation>将此样式写为 QGIS 样式（.qml）或 SLD 文件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>circle</source>
            <translation>圆形</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>cross</source>
            <translation>十字</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>diamond</source>
            <translation>菱形</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>square</source>
            <translation>正方形</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/_texts.py" />
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>triangle</source>
            <translation>三角形</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/style_dialog.py" />
            <source>{n} values of '{field}' are not numbers and are not drawn.</source>
            <translation>“{field}”有 {n} 个值不是数字，未绘制。</translation>
        </message>
    </context>
    <context>
        <name>SyncDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Cancelled: {reason}</source>
            <translation>已取消:{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Cancelling at the next safe point (nothing is left half-applied)…</source>
            <translation>正在下一个安全点取消(不会留下只应用了一半的内容)…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>How many / why</source>
            <translation>数量 / 原因</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>New conflicts (both values kept)</source>
            <translation>新的冲突(两个值都已保留)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Open the &amp;Conflicts list</source>
            <translation>打开冲突列表(&amp;C)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Receive the answers and the city's changes</source>
            <translation>接收答复和市里的更改</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Received</source>
            <translation>已接收</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Refused by the source</source>
            <translation>被源端拒绝</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Send them (the source applies them)</source>
            <translation>发送(由源端应用)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Sync</source>
            <translation>同步</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Sync failed: {reason}</source>
            <translation>同步失败:{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Synced.</source>
            <translation>已同步。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Syncing with {source}…</source>
            <translation>正在与 {source} 同步…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>Write this package's changes</source>
            <translation>写出此数据包的更改</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>already there</source>
            <translation>已存在</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>answer</source>
            <translation>答复</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>answers</source>
            <translation>答复</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>applied</source>
            <translation>已应用</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>closed questions</source>
            <translation>已关闭的问题</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>conflict</source>
            <translation>冲突</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>conflict records</source>
            <translation>冲突记录</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>incident</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>incident changes</source>
            <translation>事件更改</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>incidents updated</source>
            <translation>已更新的事件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>nothing new from the source</source>
            <translation>源端没有新内容</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>nothing to send</source>
            <translation>没有要发送的内容</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>notifications</source>
            <translation>通知</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>own changes shown again on top</source>
            <translation>自己的更改重新显示在上面</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>own changes still waiting for an answer</source>
            <translation>自己的更改仍在等待答复</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>photos and files</source>
            <translation>照片和文件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>question</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>questions</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>questions updated</source>
            <translation>已更新的问题</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>refused</source>
            <translation>被拒绝</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>sent before</source>
            <translation>之前已发送</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>task</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>task file</source>
            <translation>任务文件</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>task steps</source>
            <translation>任务步骤</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/sync_dialog.py" />
            <source>tasks updated</source>
            <translation>已更新的任务</translation>
        </message>
    </context>
    <context>
        <name>TakeOfflineDialog</name>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source> m around it</source>
            <translation> 米（周边范围）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Create package</source>
            <translation>创建数据包(&amp;C)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Draw area on map</source>
            <translation>在地图上绘制区域(&amp;D)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;For:</source>
            <translation>用户(&amp;F)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Layers:</source>
            <translation>图层(&amp;L)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Open package</source>
            <translation>打开数据包(&amp;O)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>&amp;Save to:</source>
            <translation>保存到(&amp;S)：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>A &amp;commune</source>
            <translation>一个街道/乡镇(&amp;C)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>About {size}: {features} map features, {cases} cases ({communes})</source>
            <translation>约 {size}：{features} 个地图要素，{cases} 个案件（{communes}）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>An &amp;area</source>
            <translation>一个区域(&amp;A)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>An &amp;area ({crs})</source>
            <translation>一个区域（{crs}）(&amp;A)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Choose who works offline to see the size.</source>
            <translation>选择离线工作的用户以查看大小。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Drag a rectangle on the map for the package's area (Esc: back to the dialog).</source>
            <translation>在地图上拖出一个矩形作为数据包的区域(Esc:返回对话框)。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Hide this dialog, drag a rectangle on the map, and come back with it</source>
            <translation>隐藏此对话框,在地图上拖出一个矩形,然后带着它返回</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Not available: {reason}</source>
            <translation>不可用：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Not written: {reason}</source>
            <translation>未写入：{reason}</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Save the package as</source>
            <translation>将数据包另存为</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Size:</source>
            <translation>大小：</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>SpatiaLite package (*.sqlite)</source>
            <translation>SpatiaLite 数据包 (*.sqlite)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Take offline</source>
            <translation>离线使用</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Use the &amp;map view</source>
            <translation>使用地图视图(&amp;M)</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Writing the package…</source>
            <translation>正在写入数据包…</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>Written {path} ({size}): {incidents} incidents and {tasks} tasks for {user}.</source>
            <translation>已写入 {path}（{size}）：为 {user} 写入 {incidents} 个事件和 {tasks} 个任务。</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>east</source>
            <translation>东</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>north</source>
            <translation>北</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>south</source>
            <translation>南</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>the account that works offline, e.g. phu_hoi</source>
            <translation>离线工作的账户，例如 phu_hoi</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>the package file (.sqlite)</source>
            <translation>数据包文件（.sqlite）</translation>
        </message>
        <message>
            <location filename="/work/main/gisdesk/ui/take_offline_dialog.py" />
            <source>west</source>
            <translation>西</translation>
        </message>
    </context>
</TS>
