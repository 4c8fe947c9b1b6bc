"""The Compare window's View combo shows its whole text ("Plantar (sole)", not "Plantar (")
when another chart is chosen in "Compare with" and brings views with longer names, and
however narrow the window: the other controls give way first."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.atlas import builtin_charts

ALTERNATIVE = str(next(p for p in builtin_charts() if "alternative" in p.name))


def dorsal_only(data_dir: Path, folder: Path) -> str:
    """A chart whose one view ("Dorsal (top)") has a short name."""
    text = (data_dir / "small.yaml").read_text(encoding="utf-8").replace("aspect: plantar", "aspect: dorsal")
    text = text[: text.index("  - id: medial-left")] + text[text.index("zones:") : text.index("  - id: side")]
    path = folder / "dorsal.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_view_combo_is_wide_enough_for_its_text(qtbot, window, data_dir, tmp_path, language):
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    dialog = window.compare_dialog(dorsal_only(data_dir, tmp_path))
    qtbot.waitUntil(dialog.isVisible)
    combo = dialog.aspect
    assert combo.count() == 1
    # the person picks the other built-in chart in "Compare with"
    dialog.other.setCurrentIndex(dialog.other.findData(ALTERNATIVE))
    qtbot.waitUntil(lambda: combo.count() > 1)
    dialog.resize(700, 600)  # and makes the window narrow
    qtbot.wait(50)
    longest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.width() >= combo.sizeHint().width(), (combo.width(), combo.sizeHint().width())
    assert combo.width() > longest + 10, (combo.width(), longest, combo.currentText())
    dialog.close()
