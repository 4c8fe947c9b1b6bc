"""The Qt shell: the main window, its panels and modes (the core it shows is Qt-free)."""

from __future__ import annotations

import sys

import PySide6  # noqa: F401  (its support modules, patched below, come with it)


def _skip_source_scans() -> None:
    """PySide6 reads the whole source of every module imported after it (inspect.getsource),
    to learn whether the module uses PySide6 and may ask for one of its `__feature__` options
    (snake_case, true_property): about 60 of ReflexMap's modules, a few per cent of a start.
    ReflexMap asks for none; its modules are taken as what the scan would find for a module
    that uses PySide6 and no option. Another PySide6 (no such scan) leaves this a no-op."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if scan is None or getattr(scan, "skips_reflexmap", False):
        return

    def uses_pyside(module) -> bool:
        name = getattr(module, "__name__", "")
        return True if name == "reflexmap" or name.startswith("reflexmap.") else scan(module)

    uses_pyside.skips_reflexmap = True
    feature._mod_uses_pyside = uses_pyside


_skip_source_scans()
