"""An exported chart's guide lines' names print at 6 pt at least, as a handout's do, at the
size the file is exported for: a PDF fitted to A4 (measured on the PDF as pdftotext reads
it), a PNG at the resolution it declares, an SVG at its true size. Before, the PDF's dorsal
view printed them down to 1.95 mm (5.5 pt) and a PNG declared 96 dpi."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from reflexmap.atlas import builtin_charts, load_atlas
from reflexmap.i18n import set_language
from reflexmap.layout.text_sizes import MIN_PRINTED_LABEL_MM
from reflexmap.render import export
from tests.export.test_handout_guide_names_floor import BOX_EMS, guide_words, word_heights

WESTERN = next(p for p in builtin_charts() if "ingham" in p.name)


def exported(tmp_path, language, scale, aspect, suffix, scenes, monkeypatch):
    class Watched(export.ChartScene):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            scenes.append(self)

    monkeypatch.setattr(export, "ChartScene", Watched)
    out = tmp_path / f"chart{suffix}"
    try:
        atlas = load_atlas(WESTERN).localized(set_language(language))
        export.export_chart(atlas, out, aspect=aspect, text_scale=scale)
    finally:
        set_language("en")
    return out


@pytest.mark.parametrize("aspect", ["plantar", "dorsal"])
@pytest.mark.parametrize(("language", "scale"), [("en", 0.9), ("de", 1.0)])
def test_pdf_guide_names_print_at_six_points_at_least(qapp, tmp_path, monkeypatch, aspect, language, scale):
    out = exported(tmp_path, language, scale, aspect, ".pdf", [], monkeypatch)
    names = guide_words(language, aspect) - {"Left", "Right", "Linker", "Rechter"}
    printed = [(word, height / BOX_EMS * 25.4 / 72) for word, height in word_heights(out) if word in names]
    assert printed, names
    assert min(mm for _word, mm in printed) >= MIN_PRINTED_LABEL_MM * 0.98, printed


@pytest.mark.parametrize("aspect", ["plantar", "dorsal"])
@pytest.mark.parametrize(("language", "scale"), [("en", 0.9), ("de", 1.0)])
def test_png_guide_names_print_at_six_points_at_its_resolution(
    qapp, tmp_path, monkeypatch, aspect, language, scale
):
    scenes = []
    out = exported(tmp_path, language, scale, aspect, ".png", scenes, monkeypatch)
    image = QImage(str(out))
    pixels_per_mm = image.dotsPerMeterX() / 1000
    assert 11.0 < pixels_per_mm < 12.5  # it says it prints at 300 dpi, not at a screen's 96
    scene = scenes[-1]
    smallest_px = export.smallest_guide_name_mm(scene) * image.width() / scene.chart_rect.width()
    assert smallest_px / pixels_per_mm >= MIN_PRINTED_LABEL_MM * 0.99
