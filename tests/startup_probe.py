"""A start of the `reflexmap` command that reports, as JSON, which libraries were loaded at
its first paint and once it was ready for clicks (run by tests/ui/test_startup_order.py)."""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QApplication

from reflexmap.cli import main
from reflexmap.ui.main_window import MainWindow

seen = {}


def loaded():
    return sorted(name for name in ("shapely", "numpy", "yaml", "jsonschema") if name in sys.modules)


def window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))


def painted():
    seen["painted"] = loaded()
    seen["warm at paint"] = window().state.atlas.index.is_warm()


def ready():
    seen["ready"] = loaded()
    seen["warm when ready"] = window().state.atlas.index.is_warm()
    print(json.dumps(seen))
    QApplication.instance().exit(0)


if __name__ == "__main__":
    main(sys.argv[1:], on_first_paint=painted, on_ready=ready)
