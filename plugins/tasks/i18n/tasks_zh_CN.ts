<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>TasksPanel</name>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>(case reopened)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>A place on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>About</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Accept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Actions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Add…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>All categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>All states</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>All units</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Any deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Area (commune)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Arriving incidents are tried against these rules in priority order; the first that matches creates the task and assigns it to the routed unit with the SLA deadline (or asks the dispatcher to confirm).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Ask</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Ask the city</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Ask the city about this task…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Ask the city or a department about a task, an incident or a place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Asked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Ask…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Assign to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Assigned to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Assign…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Attach a photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Callback recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Callbacks:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Cancel task…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Case {case}: {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Changed by someone else — reloaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Changed by someone else — reloaded. Check the task and submit again if still needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>City department</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>City overview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Close question</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Complete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Created; assign it to the routed unit or another one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Deadline from the SLA rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Deadline, latest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Deadline, soonest first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Delete dispatch rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Delete rule {label}? Tasks it dispatched keep their history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Deleted rule {label}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Dispatch rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Dispatch rules…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Done: the task is now {state}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Dry run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Due this week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Due today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Edit dispatch rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Enabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Evidence and attachments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>In a few words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>Incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Incident status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Leave as it is</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Lower numbers are tried first; the first rule that matches decides.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>Map coordinates (x, y) or degrees (latitude, longitude, e.g. 16.4637, 107.5909)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Mark all read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Mark read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Mark resolved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Mark the selected notification or group read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Min. severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Minimum severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>My commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>My tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>New dispatch rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>New task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>New task from selected incidents…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Newest task first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>No answer yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>No callback recorded yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>No deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>No files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>No files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>No open question waits for your answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>No questions about this task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>No reporter contact was kept for this case.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>No task created: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>No unread notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>Not an image: no preview.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Not deleted: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Not reached (nobody answered)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Not recorded: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Not satisfied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Not saved: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Nothing for you to do on this task now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>OK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>On time %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>One task about the incidents selected on the map (or the one open in the Incidents panel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Open an incident in the Incidents panel or select incidents on the map first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Open only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Open questions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Open viewer ({n})…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Open viewer…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Open311</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Optional note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Partly satisfied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>Photos of the incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>Photos…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Photo…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Pick a question to read its thread.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Pick a rule in the list first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Pick a task in “My tasks”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Pick on map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Pick the commune or department to assign the task to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Pick the place on the map first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Priority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Question</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Question closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Question sent to {to}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Questions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Questions ({n})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Questions about this task: {n} ({o} not closed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Reassign…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Record callback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Record callback…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Reopen the case (the callback is the reason)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Reopen…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Replies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Report progress…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>Reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Reporter: {who}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Required: why not the routed unit?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Required: why?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Return…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Routed to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Rule {label} would have dispatched {n} of the last 30 days' incidents.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>Satisfied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Saved rule {label}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Say why the task goes to another unit than the routed one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>Search title, case number, category, commune…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Send</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Send (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Send answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Send follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Send to the routed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>Show incident on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Show on map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Signed in as {name} — {role}, {unit}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Start work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>Task closed; its incident is now {status}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Task: {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Task: {title} ({state})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>The case is reopened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>The city (dispatcher)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>The incident cannot be shown: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>The incident selected on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>The incident stays {status}: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>The incident was not changed: {why}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>The task is verified and closed. Mark its incident ({category}, {address}) {status}? It is {current} now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>This workspace has no incidents and communes layers; open a city workspace.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>Type the position as two numbers: x, y or latitude, longitude.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>Unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Verify and close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>What did the reporter say?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/callback_dialog.py" />
            <source>What the reporter said, in a few words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>What was done (required)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>Why another unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>Write an answer or a follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>a place ({x:.0f}, {y:.0f})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>a task</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>about</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>an incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>answered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>any</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>any category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <source>app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>assign at once</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <source>assigned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>camera</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>click the place on the map…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>commune {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>department</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>department {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>disabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>dispatcher confirms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <source>duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>escalated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>from the photo's GPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>has GPS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>hotline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <source>in progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>inside the task's area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <source>new</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>no SLA rule for this category and severity: set the deadline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>no photo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>no place picked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>no position</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>no routing (the task has no incident)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>not assigned yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>not the routed unit ({routed}): {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>officer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>outside every commune</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>picked on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <source>rejected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <source>resolved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/_texts.py" />
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>sensor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/detail.py" />
            <source>severity {s}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>the city</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>typed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>whole city</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>x, y — or latitude, longitude</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/incident_box.py" />
            <source>{category}, severity {severity} — {status}; {commune}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/evidence.py" />
            <source>{d:,.0f} m from the task's area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>{due} — {hours:g} h for {category}, severity {severity}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>{group} ({n})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>{n} open question(s) waiting for your answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/panel.py" />
            <source>{n} overdue task(s) escalated to the city</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/questions.py" />
            <source>{n} question(s) of {commune}; {a} answered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>{n} unread notification(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>{n} waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>{n} {group}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/inbox.py" />
            <source>{shown} of {total} waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/rules_dialog.py" />
            <source>{taken} of {tried} incidents of the last 30 days would have been dispatched automatically.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="/work/wt/i18n/plugins/tasks/tasks/actions.py" />
            <source>⚠ The incident was routed to {routed}, not {picked}. Say why; the reason goes into the task's history.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Pick the place of a question or a report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Tasks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../gisdesk-plugin.toml" />
            <source>Two-level tasks between the city and its communes: inbox, task detail with timeline and evidence, city overview.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
