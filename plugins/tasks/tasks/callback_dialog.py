"""The satisfaction callback (the Beijing 12345 pattern): what the reporter said once the case closed (Qt).

:class:`CallbackDialog` records one callback on a closed task through
``ctx.tasks.record_callback``: satisfied, partly satisfied, not satisfied or not
reached, with a note. A not satisfied (or partly) answer offers to reopen the case, the
callback being the reason. Who may record is the access policy's ``create`` on
``callback`` (:func:`may_record`); a refusal shows one line and changes nothing.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit,
                               QRadioButton, QVBoxLayout, QWidget)

from gisdesk.api import CALLBACK_RESULTS, InvalidTransition, PermissionDenied, PluginContext, StoreError, Task, \
    ValidationError

from tasks.actions import tr

#: The words a dispatcher reads for each result (translated where shown).
RESULT_LABELS: dict[str, str] = {"satisfied": "Satisfied", "partly": "Partly satisfied",
                                 "not_satisfied": "Not satisfied", "not_reached": "Not reached (nobody answered)"}
#: Answers after which the dialog offers to reopen the case.
REOPENING = ("not_satisfied", "partly")


def unit_of(task: Task) -> dict[str, Any]:
    """The task as the policy judges a callback on it (its unit)."""
    return {"commune": task.commune, "department": task.department}


def may_record(ctx: PluginContext, task: Task | None) -> bool:
    """Whether the signed-in user may record a callback on ``task`` now (closed, and the policy allows)."""
    return task is not None and task.state == "closed" and ctx.tasks.may("create", "callback", unit_of(task)).allowed


def callbacks_text(rows: list[dict[str, Any]], when: Callable[[Any], str]) -> str:
    """The recorded callbacks, one line each: ``2026-11-29 10:05  dispatcher: Satisfied — “thanks”``."""
    lines = []
    for row in rows:
        line = f"{when(row['at'])}  {row['who']}: {tr(RESULT_LABELS.get(row['result'], row['result']))}"
        if row.get("note"):
            line += f" — “{row['note']}”"
        if row.get("reopened"):
            line += " " + tr("(case reopened)")
        lines.append(line)
    return "\n".join(lines)


class CallbackDialog(QDialog):
    """Record the reporter's callback on one closed task.

    Parameters
    ----------
    ctx : PluginContext
        The plugin context (``ctx.tasks`` records it, as the signed-in user).
    task : Task
        The closed task.
    recorded : callable, optional
        Called with the callback row and the task as stored afterwards.
    """

    def __init__(self, ctx: PluginContext, task: Task, recorded: Callable[[dict, Task], Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tasks.callback")
        self.setWindowTitle(tr("Record callback"))
        self.ctx, self.task, self._recorded = ctx, task, recorded
        self.result_row: dict[str, Any] | None = None
        lay = QVBoxLayout(self)
        head = QLabel(tr("Case {case}: {title}").format(case=getattr(task, "case_no", "") or task.uuid[:8],
                                                         title=task.title))
        head.setWordWrap(True)
        head.setStyleSheet("font-weight: bold")
        lay.addWidget(head)
        self.contact = QLabel(objectName="tasks.callback.contact")
        self.contact.setWordWrap(True)
        lay.addWidget(self.contact)
        self._show_contact()
        lay.addWidget(QLabel(tr("What did the reporter say?")))
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        for i, result in enumerate(CALLBACK_RESULTS):
            button = QRadioButton(tr(RESULT_LABELS[result]), objectName=f"tasks.callback.{result}")
            self.group.addButton(button, i)
            self.choices[result] = button
            lay.addWidget(button)
        self.choices["satisfied"].setChecked(True)
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel(tr("Note")))
        self.note = QLineEdit(objectName="tasks.callback.note")
        self.note.setPlaceholderText(tr("What the reporter said, in a few words"))
        note_row.addWidget(self.note, 1)
        lay.addLayout(note_row)
        self.reopen = QCheckBox(tr("Reopen the case (the callback is the reason)"), objectName="tasks.callback.reopen")
        lay.addWidget(self.reopen)
        self.message = QLabel(objectName="tasks.callback.message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        lay.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("tasks.callback.record")
        buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.group.idToggled.connect(lambda *_: self._offer_reopen())
        self._offer_reopen()
        self.resize(460, self.sizeHint().height())

    def _show_contact(self) -> None:
        try:
            contact = self.ctx.tasks.reporter_contact(self.task.uuid)
        except (PermissionDenied, StoreError, KeyError):
            contact = None
        parts = [v for v in (contact or {}).values() if v]
        self.contact.setText(tr("Reporter: {who}").format(who=", ".join(parts)) if parts
                             else tr("No reporter contact was kept for this case."))

    @property
    def result(self) -> str:
        """The result picked (one of ``CALLBACK_RESULTS``)."""
        return CALLBACK_RESULTS[max(0, self.group.checkedId())]

    def pick(self, result: str) -> None:
        """Pick ``result`` (as a click on its button would)."""
        self.choices[result].setChecked(True)

    def _offer_reopen(self) -> None:
        offer = self.result in REOPENING
        self.reopen.setEnabled(offer)
        if not offer:
            self.reopen.setChecked(False)
        elif self.result == "not_satisfied":
            self.reopen.setChecked(True)  # offered: the dispatcher may untick it

    def submit(self) -> bool:
        """Record the callback; True when stored (the dialog then closes), else the reason is shown."""
        try:
            row = self.ctx.tasks.record_callback(self.task.uuid, self.result, self.note.text(),
                                                 reopen=self.reopen.isChecked())
            task = self.ctx.tasks.task(self.task.uuid)
        except (PermissionDenied, InvalidTransition, ValidationError, StoreError, KeyError) as exc:
            self.message.setText(tr("Not recorded: {why}").format(why=exc))
            return False
        self.result_row = row
        if self._recorded is not None:
            self._recorded(row, task)
        self.accept()
        return True
