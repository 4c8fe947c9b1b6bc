"""A deck's pictures are drawn in proportion to the chart: each view whole once, then for each
highlighted zone only its surroundings, and every picture is the one drawing the whole view
gives (to rounding). Drawn whole each time, a deck of 3,000 zones took 0.15 s a picture and
never finished in 10 minutes (tryout F31)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from reflexmap import load_atlas
from reflexmap.export import anki
from reflexmap.render.chart_scene import ChartScene
from reflexmap.render.export import png_bytes
from reflexmap.render.palette import LIGHT, drawing_with


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].astype(int)


def _laid_over(base: QImage, overlay: QImage) -> np.ndarray:
    """What a card shows: the overlay's opaque pixels over the view's picture."""
    under = _pixels(base)
    over = overlay.convertToFormat(QImage.Format.Format_RGBA8888)
    rows = np.frombuffer(over.constBits(), np.uint8).reshape(over.height(), over.bytesPerLine())
    rgba = rows[:, : over.width() * 4].reshape(over.height(), over.width(), 4).astype(int)
    assert set(np.unique(rgba[:, :, 3])) <= {0, 255}  # opaque where it changes, else nothing
    return np.where(rgba[:, :, 3:] == 255, rgba[:, :, :3], under.reshape(rgba.shape[0], -1, 3)).reshape(
        under.shape
    )


def test_each_picture_is_the_whole_view_drawn_with_its_zone_highlighted(qapp, tmp_path: Path):
    atlas = load_atlas()
    view = next(v for v in atlas.views if v.aspect == "plantar")
    zones = [z.id for z in atlas.zones_in(view.id)]
    pictures = {f"{k}.png": (view.id, zone_id) for k, zone_id in enumerate([None, *zones])}
    paths = anki.render_pictures(atlas, pictures, tmp_path)
    assert [p.name for p in paths] == list(pictures)
    scene = ChartScene()
    with drawing_with(LIGHT):
        scene.show_chart(atlas, view.aspect, views=(view.id,), title="", key=False)
        scene.set_labels_visible(False)
        rect = scene.view_rect(view.id)
        source = QRectF(rect.left() - 6, rect.top() - 6, rect.width() + 12, rect.height() + 20)
        width = round(anki.PICTURE_PX * source.width() / max(source.width(), source.height()))
        base = QImage(str(paths[0]))
        assert not base.hasAlphaChannel()  # the view's picture is opaque
        for path, (_view, zone_id) in zip(paths, pictures.values(), strict=True):
            for (_v, z), item in scene.zone_items.items():
                item.set_neutral(z != zone_id)
                item.set_selected(z == zone_id)
            whole = QImage.fromData(png_bytes(scene, source, width))
            picture = QImage(str(path))
            assert picture.size() == whole.size()
            shown = _pixels(picture) if zone_id is None else _laid_over(base, picture)
            difference = np.abs(shown - _pixels(whole))
            assert difference.max() <= 2, (zone_id, difference.max())  # rounding at most
            assert np.count_nonzero(difference) <= 60, (zone_id, np.count_nonzero(difference))


def test_a_picture_draws_again_only_around_its_zone(qapp, tmp_path: Path, monkeypatch):
    atlas = load_atlas()
    view = next(v for v in atlas.views if v.aspect == "plantar")
    zones = [z.id for z in atlas.zones_in(view.id)]
    drawn: list[QRectF] = []
    render = ChartScene.render

    def recorded(scene, painter, target, source, *args):  # anki passes both rectangles
        drawn.append(QRectF(source))
        return render(scene, painter, target, source, *args)

    monkeypatch.setattr(ChartScene, "render", recorded)
    pictures = {f"{k}.png": (view.id, zone_id) for k, zone_id in enumerate(zones)}
    anki.render_pictures(atlas, pictures, tmp_path)
    whole, *parts = drawn
    assert len(parts) == len(zones)
    for part in parts:  # a zone's surroundings, not the foot
        assert part.width() * part.height() < 0.25 * whole.width() * whole.height()
