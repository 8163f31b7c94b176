<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>dashboards</name>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>All communes</source>
            <translation>全部街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>CSV…</source>
            <translation>CSV…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Callbacks</source>
            <translation>回访</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Camera detections by AI type</source>
            <translation>按 AI 类型的摄像头检测</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Cameras online</source>
            <translation>在线摄像头</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Change</source>
            <translation>变化</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>City and commune dashboards: KPI cards against targets, incident charts, monthly commune ranking, flood gauges, camera detections and an incident hotspot layer, all cross-filtered.</source>
            <translation>城市与街道/乡镇仪表板：KPI 指标卡与目标对比、事件图表、街道/乡镇月度排名、洪水水位站、摄像头检测和事件热点图层，全部联动筛选。</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>City view: all communes</source>
            <translation>城市视图：全部街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>City view: {c}</source>
            <translation>城市视图：{c}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Commune</source>
            <translation>街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Commune ranking for {m}</source>
            <translation>{m} 街道/乡镇排名</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Commune ranking for {m} (score = share of the month's incidents resolved; click a row to filter)</source>
            <translation>{m} 街道/乡镇排名（得分 = 当月事件解决比例；点击一行进行筛选）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Commune view: {c}</source>
            <translation>街道/乡镇视图：{c}</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Dashboards</source>
            <translation>仪表板</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Dates</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/report.py" />
            <source>Dates {a} – {b} · {unit} · made {made}</source>
            <translation>日期 {a} – {b} · {unit} · 生成于 {made}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Export dashboard (PDF)</source>
            <translation>导出仪表板（PDF）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Export dashboard (PNG)</source>
            <translation>导出仪表板（PNG）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Export table (CSV)</source>
            <translation>导出表格（CSV）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>Flood gauges: peak level on the last day of readings</source>
            <translation>洪水水位站：最后一天读数的峰值</translation>
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>Flood gauges: peak level on the last day of readings (none in the range)</source>
            <translation type="vanished">洪水水位站：最后一天读数的峰值（范围内无数据）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>Flood gauges: peak water level in the range</source>
            <translation>洪水水位站：范围内的最高水位</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Hotspots on map</source>
            <translation>在地图上显示热点</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Incidents</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Incidents by category</source>
            <translation>按类别的事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Incidents by category (click a bar to filter)</source>
            <translation>按类别的事件（点击柱形进行筛选）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Incidents per day</source>
            <translation>每日事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>Incidents per day (drag the shaded range to filter)</source>
            <translation>每日事件（拖动阴影范围进行筛选）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Last 365 days</source>
            <translation>最近 365 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Last 90 days</source>
            <translation>最近 90 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Loading incidents…</source>
            <translation>正在加载事件…</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Map hotspots, incidents per {s:.0f} m hexagon: </source>
            <translation>地图热点，每个 {s:.0f} 米六边形内的事件数：</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Mean hours to resolve</source>
            <translation>平均解决时长（小时）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Month by month: {c}</source>
            <translation>逐月：{c}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Open incidents</source>
            <translation>未结事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Overdue tasks</source>
            <translation>逾期任务</translation>
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
            <translation>每万居民</translation>
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Pick a commune for the dashboard</source>
            <translation>为仪表板选择街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Resolution rate</source>
            <translation>解决率</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Satisfaction</source>
            <translation>满意度</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Satisfied</source>
            <translation>满意</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Score (0-100)</source>
            <translation>得分（0-100）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>Task status funnel (tasks created in the range)</source>
            <translation>任务状态漏斗（范围内创建的任务）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <location filename="/work/main/plugins/dashboards/dashboards/ranking.py" />
            <source>Tasks on time</source>
            <translation>按时完成的任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <location filename="/work/main/plugins/dashboards/dashboards/report.py" />
            <source>all communes</source>
            <translation>全部街道/乡镇</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>danger level</source>
            <translation>危险水位</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>date (UTC)</source>
            <translation>日期（UTC）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>detections (incidents reported by cameras)</source>
            <translation>检测（摄像头上报的事件）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>from the cache</source>
            <translation>来自缓存</translation>
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>hotspot</source>
            <translation type="vanished">热点</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>incidents</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>incidents per day</source>
            <translation>每日事件</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>no callback recorded in these dates</source>
            <translation>这些日期内没有回访记录</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/cards.py" />
            <source>no previous {period} to compare</source>
            <translation>没有上一{period}可比较</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/cards.py" />
            <source>not recorded</source>
            <translation>未记录</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/report.py" />
            <source>page {n}</source>
            <translation>第 {n} 页</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>peak level</source>
            <translation>峰值水位</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>read from the server</source>
            <translation>从服务器读取</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>read from the workspace</source>
            <translation>从工作区读取</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>target ≤ {t:g}</source>
            <translation>目标 ≤ {t:g}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>target ≤ {t:g} per 10,000 residents (now {v:.1f})</source>
            <translation>目标 ≤ 每万居民 {t:g}（当前 {v:.1f}）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>target ≥ {t:.0f} %</source>
            <translation>目标 ≥ {t:.0f} %</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>the city</source>
            <translation>全市</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>warning level</source>
            <translation>警戒水位</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>water level (m)</source>
            <translation>水位（米）</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/charts.py" />
            <source>water level (m) · {n} of {t} hotspots, closest to danger first</source>
            <translation>水位（米）· {t} 个热点中的 {n} 个，最接近危险水位的在前</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/cards.py" />
            <source>{arrow} {d:+,}{rel} vs previous {period}</source>
            <translation>{arrow} 较上一{period} {d:+,}{rel}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/cards.py" />
            <source>{arrow} {d:+.1f} pts vs previous {period}</source>
            <translation>{arrow} 较上一{period} {d:+.1f} 个百分点</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{a} – {b}, {unit}</source>
            <translation>{a} – {b}，{unit}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{n:,} incidents ({src}); shown in {ms:.0f} ms</source>
            <translation>{n:,} 个事件（{src}）；用时 {ms:.0f} 毫秒</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{n} days</source>
            <translation>{n} 天</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{n} responses, {r} not reached · {d}</source>
            <translation>{n} 条回复，{r} 未联系上 · {d}</translation>
        </message>
        <message>
            <location filename="/work/main/plugins/dashboards/dashboards/panel.py" />
            <source>{o} of {t} cameras now (no history)</source>
            <translation>当前 {o}/{t} 个摄像头（无历史）</translation>
        </message>
    </context>
</TS>
