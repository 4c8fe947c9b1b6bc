"""Desktop integration: the icon, the launcher (.desktop) and the AppStream metadata shipped in
`reflexmap.assets` (the checkout's assets/ folder), and installing them for the current user
(`reflexmap --install-desktop`), so that ReflexMap appears in the desktop's application menu.

No Qt: the command line installs without starting the GUI.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from .storage import atomic_path

APP_ID = "org.reflexmap.ReflexMap"  # reverse-DNS id: launcher, icon and AppStream names
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


@cache
def assets_folder() -> Path:
    """Beside the package when installed from a wheel; an editable install maps
    `reflexmap.assets` to the checkout's assets/ folder instead. Found once (the app's icon
    asks for it at each of its seven sizes at start). The checkout's own folder is taken
    without asking importlib.resources (its import is a cost of every start from a checkout)."""
    here = Path(__file__).resolve().parent
    for folder in (here / "assets", here.parent / "assets"):  # a wheel's; an editable checkout's
        if (folder / "icons").is_dir() and (folder / f"{APP_ID}.desktop").is_file():
            return folder
    from importlib import resources

    return Path(str(resources.files("reflexmap.assets")))


def icon_png(size: int) -> Path:
    return assets_folder() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def icon_svg() -> Path:
    return assets_folder() / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def desktop_file() -> Path:
    return assets_folder() / f"{APP_ID}.desktop"


def metainfo_file() -> Path:
    return assets_folder() / f"{APP_ID}.metainfo.xml"


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share (the spec ignores a relative value)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this very installation (a venv is rarely on the desktop's PATH)."""
    script = Path(sys.executable).parent / ("reflexmap.exe" if os.name == "nt" else "reflexmap")
    if script.is_file() and os.access(script, os.X_OK):
        return [os.path.abspath(script)]
    return [os.path.abspath(sys.executable), "-m", "reflexmap"]


def desktop_exec(command: list[str]) -> str:
    """`command` as a desktop entry's Exec value: arguments with reserved characters are
    quoted, and inside quotes ", `, $ and \\ are escaped; % is doubled (field codes)."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    parts = []
    for argument in command:
        if any(c in reserved for c in argument) or not argument:
            escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
            argument = f'"{escaped}"'
        parts.append(argument.replace("%", "%%"))
    # the file format escapes backslashes once more
    return " ".join(parts).replace("\\", "\\\\")


def launcher_text(command: list[str] | None = None) -> str:
    """The shipped launcher with Exec= (and TryExec=) naming `command`."""
    command = command or launch_command()
    lines = []
    for line in desktop_file().read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + desktop_exec(command)
        elif line.startswith("TryExec="):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def _installed_files(home: Path) -> dict[Path, Path | None]:
    """Target -> shipped file (None: the launcher, written with this installation's command)."""
    files: dict[Path, Path | None] = {home / "applications" / f"{APP_ID}.desktop": None}
    for size in ICON_SIZES:
        files[home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = icon_png(size)
    files[home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"] = icon_svg()
    files[home / "metainfo" / f"{APP_ID}.metainfo.xml"] = metainfo_file()
    return files


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the launcher, the icons and the metadata under `home` (default: data_home());
    each file atomically. Returns the files written."""
    home = home or data_home()
    written = []
    for target, source in _installed_files(home).items():
        data = launcher_text(command).encode("utf-8") if source is None else source.read_bytes()
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as temporary:
            temporary.write_bytes(data)
        written.append(target)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what install() wrote; returns the files removed."""
    removed = []
    for target in _installed_files(home or data_home()):
        if target.is_file():
            target.unlink()
            removed.append(target)
    return removed
