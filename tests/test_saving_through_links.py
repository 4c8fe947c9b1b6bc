"""Saving through a symbolic link (a chart in a synced or git-kept folder, a settings file
kept by a dotfile manager, an export name that is a link) writes the file the link leads to,
atomically in that file's folder with its backup beside it; the link stays a link. A link to
nowhere or round in a circle is refused with a plain sentence, and nothing is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reflexmap import i18n
from reflexmap.cli import main
from reflexmap.settings import Settings
from reflexmap.storage import write_with_backup

DATA = Path(__file__).parent / "data"


def linked(tmp_path: Path, name: str, content: bytes | None = b"old") -> tuple[Path, Path]:
    """`links/<name>` → `real/<name>` (a chain of two links, as dotfile managers make)."""
    real, links = tmp_path / "real", tmp_path / "links"
    real.mkdir()
    links.mkdir()
    target = real / name
    if content is not None:
        target.write_bytes(content)
    (links / ("middle-" + name)).symlink_to(target)
    link = links / name
    link.symlink_to(links / ("middle-" + name))
    return link, target


def test_a_write_through_a_link_replaces_the_file_it_leads_to(tmp_path: Path):
    link, target = linked(tmp_path, "chart.yaml")
    write_with_backup(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert (target.parent / "chart.yaml.bak").read_bytes() == b"old"
    assert sorted(p.name for p in link.parent.iterdir()) == ["chart.yaml", "middle-chart.yaml"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["chart.yaml", "chart.yaml.bak"]


@pytest.mark.parametrize("kind", ["nowhere", "circle"])
def test_a_link_to_nowhere_or_round_in_a_circle_is_said_plainly(tmp_path: Path, kind: str):
    link = tmp_path / "chart.yaml"
    if kind == "nowhere":
        link.symlink_to(tmp_path / "gone" / "chart.yaml")
    else:
        (tmp_path / "other.yaml").symlink_to(link)
        link.symlink_to(tmp_path / "other.yaml")
    with pytest.raises(OSError) as raised:
        write_with_backup(link, b"new")
    words = str(raised.value.strerror)
    assert str(link) in words and "Errno" not in words, words
    assert ("does not exist" if kind == "nowhere" else "circle") in words, words
    assert link.is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["chart.yaml"] + (["other.yaml"] if kind == "circle" else [])
    )


def test_settings_kept_by_a_dotfile_manager_stay_linked(tmp_path: Path):
    link, target = linked(tmp_path, "settings.json", content=None)
    Settings(target).setValue("view/labels", True)
    settings = Settings(link)
    settings.setValue("view/labels", False)
    assert link.is_symlink()
    assert Settings(target).value("view/labels", True, type=bool) is False
    assert (target.parent / "settings.json.bak").exists()
    assert not (link.parent / "settings.json.bak").exists()


def test_an_export_to_a_link_writes_the_picture_it_leads_to(qapp, tmp_path: Path):
    i18n.set_language("en")
    link, target = linked(tmp_path, "chart.png")
    assert main(["export", "--atlas", str(DATA / "small.yaml"), "-o", str(link)]) == 0
    assert link.is_symlink() and target.read_bytes().startswith(b"\x89PNG")
    assert (target.parent / "chart.png.bak").read_bytes() == b"old"
    assert os.readlink(link) == str(link.parent / "middle-chart.png")
