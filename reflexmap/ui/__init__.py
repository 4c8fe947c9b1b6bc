"""The Qt shell: the main window, its panels and modes (the core it shows is Qt-free)."""

from __future__ import annotations

import os
import sys

import PySide6  # noqa: F401  (its support modules, patched below, come with it)


def _skip_source_scans() -> None:
    """PySide6 reads the whole source of every module imported after it (inspect.getsource,
    through linecache, which keeps every line for good), to learn whether the module uses
    PySide6 and may ask for one of its `__feature__` options (snake_case, true_property):
    about 60 of ReflexMap's modules and 40 of the standard library's, a few per cent of a
    start. ReflexMap asks for none; its modules are taken as what the scan would find for a
    module that uses PySide6 and no option. The standard library never names PySide6: its
    modules are taken as the scan finds them, not using it. Any other module's file is
    searched for the name as bytes, as the scan searches its text (the scan itself where the
    module has no plain source file). Another PySide6 (no such scan) leaves this a no-op."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or getattr(scan, "skips_reflexmap", False):
        return
    stdlib = os.path.dirname(os.__file__) + os.sep  # (where os.py is)

    def uses_pyside(module) -> bool:
        name = getattr(module, "__name__", "")
        if name == "reflexmap" or name.startswith("reflexmap."):
            return True
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return scan(module)
        if path.startswith(stdlib) and os.sep + "site-packages" + os.sep not in path:
            return False
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return scan(module)

    uses_pyside.skips_reflexmap = True
    feature._mod_uses_pyside = uses_pyside


_skip_source_scans()
