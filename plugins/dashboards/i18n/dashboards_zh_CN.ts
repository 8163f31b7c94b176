<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>dashboards</name>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>All categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>All communes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Camera detections by AI type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Cameras online</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>City and commune dashboards: KPI cards against targets, incident charts, monthly commune ranking, flood gauges, camera detections and an incident hotspot layer, all cross-filtered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>City view: all communes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>City view: {c}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Clear filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Commune ranking for {m} (score = share of the month's incidents resolved; click a row to filter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Commune view: {c}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Dashboards</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Dates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Export dashboard (PDF)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Export dashboard (PNG)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Export table (CSV)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>Flood gauges: peak level on the last day of readings (none in the range)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>Flood gauges: peak water level in the range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Hotspots on map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Incidents by category (click a bar to filter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>Incidents per day (drag the shaded range to filter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Last 365 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Last 90 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Loading incidents…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Map hotspots, incidents per {s:.0f} m hexagon: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Mean hours to resolve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Month by month: {c}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Open incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Overdue tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>PNG…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Per 10,000 residents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Pick a commune for the dashboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Rank</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Resolution rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Resolved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Satisfaction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Score (0-100)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>Task status funnel (tasks created in the range)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/ranking.py" />
            <source>Tasks on time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>all communes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>danger level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>date (UTC)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>detections (incidents reported by cameras)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>from the cache</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>hotspot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>incidents per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>no callback recorded in these dates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/cards.py" />
            <source>no previous {period} to compare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/cards.py" />
            <source>not recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>peak level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>read from the workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>target ≤ {t:g}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>target ≤ {t:g} per 10,000 residents (now {v:.1f})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>target ≥ {t:.0f} %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>the city</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>warning level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/charts.py" />
            <source>water level (m)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/cards.py" />
            <source>{arrow} {d:+,}{rel} vs previous {period}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/cards.py" />
            <source>{arrow} {d:+.1f} pts vs previous {period}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>{a} – {b}, {unit}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>{n:,} incidents ({src}); shown in {ms:.0f} ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>{n} days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>{n} responses, {r} not reached · {d}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/dashboards/dashboards/panel.py" />
            <source>{o} of {t} cameras now (no history)</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
