"""A minimal Qt-free event: models emit, views listen.

Views connect callbacks to a model's events; the model never knows its views.
In the window, a Qt adapter re-emits on the GUI thread where needed.

Examples
--------
>>> changed = Event()
>>> seen = []
>>> changed.connect(seen.append)
>>> changed.emit(3)
>>> seen
[3]
"""

from __future__ import annotations

from typing import Any, Callable


class Event:
    """A list of callbacks called in connection order with the emitted arguments."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any]) -> Callable[[], None]:
        """Call ``callback`` on every emit; returns a function that disconnects it."""
        self._callbacks.append(callback)
        return lambda: self.disconnect(callback)

    def disconnect(self, callback: Callable[..., Any]) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        for cb in list(self._callbacks):
            cb(*args)
