"""Where the files gisdesk ships beside its code are: the built-in panels and ``resources/``.

In a source checkout (also an editable install) they are the top-level ``plugins/`` and
``resources/`` folders next to the ``gisdesk`` package. A wheel (``pip install .``) carries
copies of both inside the package, as ``gisdesk/_shipped/plugins`` and
``gisdesk/_shipped/resources`` (``setup.py`` copies them when it builds), because a
top-level ``plugins/`` folder is not a package and would be left out.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # .../gisdesk
_CHECKOUT = _PACKAGE.parent


def shipped_dir(name: str) -> Path:
    """The shipped folder ``name`` (``"plugins"`` or ``"resources"``) of this gisdesk.

    Parameters
    ----------
    name : str
        The folder's name at the top of the source tree.

    Returns
    -------
    Path
        ``gisdesk/_shipped/<name>`` when gisdesk was installed from a wheel, else the
        checkout's ``<name>/``. The folder may be missing (callers treat that as empty);
        an installed gisdesk never falls back to a ``<name>`` folder that happens to sit
        in ``site-packages``.
    """
    installed = _PACKAGE / "_shipped" / name
    if installed.is_dir() or not (_CHECKOUT / "pyproject.toml").is_file():
        return installed
    return _CHECKOUT / name


def plugins_dir() -> Path:
    """The built-in panels' folder (see :func:`shipped_dir`)."""
    return shipped_dir("plugins")


def resources_dir() -> Path:
    """The icons, style sheets and translations folder (see :func:`shipped_dir`)."""
    return shipped_dir("resources")
