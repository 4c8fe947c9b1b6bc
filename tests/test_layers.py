"""The domain core never imports Qt: it must run (and be tested) without a GUI."""

from __future__ import annotations

import subprocess
import sys


def test_atlas_core_imports_no_qt():
    code = (
        "import sys, reflexmap, reflexmap.atlas, reflexmap.storage, reflexmap.content, reflexmap.quiz;"
        "a = reflexmap.load_atlas(); a.zones_at('plantar-left', 0, 30);"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
