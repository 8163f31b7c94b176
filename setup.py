"""Build hook: put the shipped panels and ``resources/`` into the wheel, inside the package.

``plugins/`` and ``resources/`` sit at the top of the source tree and are not packages, so
a plain wheel leaves them out. When building a wheel (not an editable install, which uses
the checkout's folders) they are copied to ``gisdesk/_shipped/``, where
``gisdesk.core.shipped`` looks first. The panels' ``tests/`` and ``conftest.py`` stay out.
Everything else is declared in ``pyproject.toml``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("plugins", "resources")
LEAVE_OUT = shutil.ignore_patterns("tests", "conftest.py", "__pycache__", "*.py[co]", ".*", "*.qm")


def compile_catalogues(folder: Path) -> None:
    """Build the ``.qm`` translation catalogues from the ``.ts`` sources under ``folder``.

    ``gisdesk/i18n_catalogue.py`` needs only the standard library; it is loaded by its path
    because the build environment has none of gisdesk's dependencies."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("_gisdesk_i18n_catalogue", ROOT / "gisdesk" / "i18n_catalogue.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    module.compile_tree(folder)


class BuildPyWithShipped(build_py):
    """``build_py`` that also copies ``plugins/`` and ``resources/`` to ``gisdesk/_shipped/``."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in SHIPPED:
            target = Path(self.build_lib) / "gisdesk" / "_shipped" / name
            if target.exists():
                shutil.rmtree(target)
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, target, ignore=LEAVE_OUT)
                compile_catalogues(target)  # .qm files are build output, never in the source tree


setup(cmdclass={"build_py": BuildPyWithShipped})
