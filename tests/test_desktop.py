"""The desktop files: icon sizes rendered from the SVG, a launcher and AppStream metadata that
the desktop's own validators accept, shipped in the wheel and installed by
`reflexmap --install-desktop` into the user's data folder."""

from __future__ import annotations

import configparser
import fnmatch
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reflexmap import __version__, desktop

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "HOME": str(tmp_path / "home"), "XDG_DATA_HOME": str(tmp_path / "share")}


def test_assets_are_the_checkouts_assets_folder():
    assert desktop.assets_folder().resolve() == ASSETS.resolve()


def test_every_icon_size_is_a_square_png_rendered_from_the_svg():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_icons
    finally:
        sys.path.remove(str(ROOT / "tools"))
    for size in desktop.ICON_SIZES:
        image = QImage(str(desktop.icon_png(size)))
        assert (image.width(), image.height()) == (size, size), size
        assert image.hasAlphaChannel()
    assert build_icons.main(["--check"]) == 0, "run python tools/build_icons.py"
    # the check allows a rounding step (another CPU drew edge pixels 1 apart), no more
    drawn = build_icons.render(128)
    stored = QImage(drawn)
    for step, same in ((build_icons.ROUNDING, True), (build_icons.ROUNDING + 1, False), (60, False)):
        colour = drawn.pixelColor(64, 64)
        colour.setRed(colour.red() - step if colour.red() >= step else colour.red() + step)
        stored.setPixelColor(64, 64, colour)
        assert build_icons._same(stored, drawn) is same, step
    assert not build_icons._same(QImage(), drawn)


def test_the_icon_reads_at_16_px():
    """Not a blank or washed-out tile: the 16 px icon has a dark tile and light foot pixels."""
    image = QImage(str(desktop.icon_png(16)))
    lightness = [image.pixelColor(x, y).lightness() for x in range(16) for y in range(16)]
    assert min(lightness) < 80 and max(lightness) > 200
    assert image.pixelColor(0, 0).alpha() < 128  # rounded corners, not a square block


def test_pyproject_ships_every_asset():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert setuptools["package-dir"]["reflexmap.assets"] == "assets"
    assert "reflexmap.assets" in setuptools["packages"]
    patterns = setuptools["package-data"]["reflexmap.assets"]
    files = [p.relative_to(ASSETS).as_posix() for p in ASSETS.rglob("*") if p.is_file()]
    data = [f for f in files if not f.endswith(".py") and "__pycache__" not in f]
    missing = [f for f in data if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)]
    assert missing == []
    assert len(data) == len(desktop.ICON_SIZES) + 3  # PNGs, the SVG, launcher, metadata


def _launcher(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_launcher_names_the_icon_and_the_command():
    entry = _launcher(desktop.desktop_file())
    assert entry["Type"] == "Application"
    assert entry["Icon"] == desktop.APP_ID
    assert entry["Exec"] == "reflexmap"
    assert entry["Name"] == "ReflexMap" and entry["Comment[de]"]
    # X11 docks match windows to the launcher by WM_CLASS, whose class Qt takes from the
    # application name (the instance part is the program's file name, "__main__.py" under -m)
    from reflexmap.ui.app import APPLICATION

    assert entry["StartupWMClass"] == APPLICATION


def test_metainfo_matches_the_launcher_and_the_version():
    root = ET.parse(desktop.metainfo_file()).getroot()
    assert root.findtext("id") == desktop.APP_ID
    assert root.find("launchable").text == f"{desktop.APP_ID}.desktop"
    assert root.find("releases/release").get("version") == __version__
    assert root.findtext("project_license") == "MIT"
    description = " ".join(root.find("description").itertext())
    assert "not a medical device" in description


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_the_launchers(tmp_path: Path):
    installed = tmp_path / "share"
    desktop.install(installed, ["/opt/Reflex Map $HOME/bin/reflexmap", "--theme", "100%"])
    for path in (desktop.desktop_file(), installed / "applications" / f"{desktop.APP_ID}.desktop"):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and result.stdout == "", result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_appstreamcli_validates_the_metainfo():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(desktop.metainfo_file())], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_exec_quoting_follows_the_desktop_entry_spec():
    assert desktop.desktop_exec(["/usr/bin/reflexmap"]) == "/usr/bin/reflexmap"
    # a space quotes the argument; $ and " are escaped inside quotes, and the file escapes
    # the backslashes once more; % is doubled (it starts field codes)
    assert desktop.desktop_exec(['/a b/$x"y', "50%"]) == '"/a b/\\\\$x\\\\"y" 50%%'


def test_install_desktop_adds_the_launcher_icons_and_metadata_and_uninstall_removes_them(tmp_path: Path):
    env = _env(tmp_path)
    run = [sys.executable, "-m", "reflexmap"]
    result = subprocess.run([*run, "--install-desktop"], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    share = tmp_path / "share"
    launcher = share / "applications" / f"{desktop.APP_ID}.desktop"
    for size in desktop.ICON_SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{desktop.APP_ID}.png"
        assert icon.read_bytes() == desktop.icon_png(size).read_bytes()
    assert (share / "icons/hicolor/scalable/apps" / f"{desktop.APP_ID}.svg").is_file()
    assert (share / "metainfo" / f"{desktop.APP_ID}.metainfo.xml").is_file()
    # the launcher starts this installation, wherever it is: a venv is not on the menu's PATH
    command = _launcher(launcher)["Exec"]
    assert command.split()[0] == str(Path(sys.executable).parent / "reflexmap")
    version = subprocess.run([*command.split(), "--version"], capture_output=True, text=True, env=env)
    assert version.stdout.strip() == f"reflexmap {__version__}"
    assert str(launcher) in result.stdout
    assert not (tmp_path / "home").exists()  # nothing outside XDG_DATA_HOME

    result = subprocess.run([*run, "--uninstall-desktop"], env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert [p for p in share.rglob("*") if p.is_file()] == []


def test_version_on_the_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "reflexmap", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"reflexmap {__version__}"
