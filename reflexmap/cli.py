"""Command line: open the app, check zone files, export charts, take a screenshot.

reflexmap [--chart FILE] [--view ASPECT] [--screenshot OUT.png [--select ZONE] [--size WxH]]
reflexmap [--language LANG] check [--language LANG] FILE...
reflexmap [--chart FILE] export [--chart FILE] [--view ID] -o OUT.{png,svg,pdf,html,apkg}
reflexmap schema
reflexmap --install-desktop | --uninstall-desktop
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from . import __version__
from .setting_rules import TEXT_SCALES, THEMES
from .terminal_text import one_line
from .vocab import ASPECTS, LANGUAGES

if TYPE_CHECKING:
    import argparse

MIN_WIDTH_PX, MAX_WIDTH_PX = 16, 20_000  # as reflexmap.render.export checks (not imported: Qt)


def _width(text: str) -> int:
    import argparse

    try:
        width = int(text) if len(text) <= 12 else None
    except ValueError:
        width = None
    if width is None or not MIN_WIDTH_PX <= width <= MAX_WIDTH_PX:
        raise argparse.ArgumentTypeError(
            f"the width must be a whole number of pixels from {MIN_WIDTH_PX} to {MAX_WIDTH_PX:,}, "
            f"not {text[:20]!r}"
        )
    return width


def _file_name(text: str) -> str:
    """A file's name as given (--chart, --screenshot, -o, check's files): an empty one is
    refused as the parser refuses any bad value (it named no file: `--chart ""` opened the
    built-in chart, `--screenshot ""` the whole window with nothing to end it, `check ""` and
    `-o ""` spoke of the folder ".")."""
    import argparse

    if not text:
        raise argparse.ArgumentTypeError("an empty name is not a file")
    return text


def _size(text: str) -> tuple[int, int]:
    import argparse

    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1440x900, not {text!r}") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000 pixels")
    return width, height


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="reflexmap", description="Study foot reflex-zone charts.")
    parser.add_argument("--version", action="version", version=f"reflexmap {__version__}")
    parser.add_argument(
        "--chart", type=_file_name, metavar="FILE", help="open this zone file instead of the built-in chart"
    )
    parser.add_argument(
        "--screenshot",
        type=_file_name,
        metavar="OUT.png",
        help="open the main window, save it once painted, exit",
    )
    parser.add_argument(
        "--select", metavar="ZONE", help="select this zone id at start (useful with --screenshot)"
    )
    parser.add_argument("--view", choices=ASPECTS, help="the view to show at start")
    parser.add_argument(
        "--size", type=_size, default=(1440, 900), metavar="WxH", help="window size for --screenshot"
    )
    parser.add_argument(
        "--theme",
        choices=THEMES,
        help="colours for this run (the Settings menu remembers a choice)",
    )
    parser.add_argument(
        "--language",
        choices=tuple(LANGUAGES),
        help="interface language for this run: the window's, and check's and export's words",
    )
    parser.add_argument("--text-scale", type=float, choices=TEXT_SCALES, help="text size for this run")
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help="add ReflexMap to your desktop's application menu (launcher, icon, metadata in "
        "~/.local/share), starting this installation",
    )
    parser.add_argument(
        "--uninstall-desktop", action="store_true", help="remove what --install-desktop added"
    )
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("check", help="validate zone files; exit 1 if any has errors")
    check.add_argument("files", nargs="+", type=_file_name, metavar="FILE")
    check.add_argument(  # SUPPRESS, as export's: `reflexmap --language de check …` works too
        "--language",
        choices=tuple(LANGUAGES),
        default=argparse.SUPPRESS,
        help="language of the messages (default: the system's, as the app's)",
    )
    export = commands.add_parser(
        "export", help="render a chart to PNG, SVG or PDF, a web page (.html) or an Anki deck (.apkg)"
    )
    export.add_argument(  # SUPPRESS: `reflexmap --chart FILE export …` exports that chart too
        "--atlas",
        "--chart",
        dest="chart",
        type=_file_name,
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="zone file (default: the built-in chart, or the one given by --chart before 'export')",
    )
    export.add_argument(  # `reflexmap export FILE -o OUT`, as `check FILE`: the same as --chart FILE
        "file", nargs="?", type=_file_name, metavar="FILE", help="zone file (as --atlas FILE)"
    )
    export.add_argument(  # SUPPRESS: `reflexmap --language de export …` keeps working too
        "--language",
        choices=tuple(LANGUAGES),
        default=argparse.SUPPRESS,
        help="language of the chart's texts and titles, in every format",
    )
    export.add_argument(  # SUPPRESS, as --language: `reflexmap --text-scale 1.5 export …` too
        "--text-scale",
        type=float,
        choices=TEXT_SCALES,
        default=argparse.SUPPRESS,
        help="text size of pictures and handouts (as Settings → Text size)",
    )
    export.add_argument(  # SUPPRESS, as --chart: `reflexmap --view dorsal export …` too
        "--view",
        metavar="ID",
        default=argparse.SUPPRESS,
        help="a view id (one foot), an aspect such as 'plantar' (both feet), or 'all' (handouts)",
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        type=_file_name,
        metavar="OUT",
        help="output file: .png, .svg, .pdf, .html or .apkg",
    )
    export.add_argument(
        "--width",
        type=_width,
        default=3000,
        metavar="PX",
        help="PNG width in pixels (16 to 20,000; default 3000)",
    )
    export.add_argument(
        "--handout",
        choices=("chart", "worksheet", "answer-key"),
        help="printable PDF: the chart with numbered zones and legend, a blank worksheet, or its answer key",
    )
    export.add_argument(
        "--paper", choices=("a4", "letter"), default="a4", help="paper for handouts (default a4)"
    )
    commands.add_parser("schema", help="print the atlas JSON Schema (for editors)")
    return parser


# What `_parser().parse_args([])` gives (tests/test_cli.py keeps the two the same): `reflexmap`
# as the desktop's launcher starts it needs no parser (argparse, building the parser and the
# catalogue look-ups of its messages are about 5 % of a start).
NO_ARGUMENTS = {
    "chart": None,
    "screenshot": None,
    "select": None,
    "view": None,
    "size": (1440, 900),
    "theme": None,
    "language": None,
    "text_scale": None,
    "install_desktop": False,
    "uninstall_desktop": False,
    "command": None,
}


def _arguments(argv: list[str]) -> argparse.Namespace | SimpleNamespace:
    return SimpleNamespace(**NO_ARGUMENTS) if not argv else _parser().parse_args(argv)


def check(files: list[str], language: str | None = None) -> int:
    from .atlas import read_atlas
    from .i18n import _, format_count, ngettext, set_language, system_language

    set_language(language or system_language())  # --language, else the user's, as the app's
    failed = 0
    for name in files:
        result = read_atlas(name)
        if result.ok:
            atlas = result.atlas
            assert atlas is not None
            views, zones = len(atlas.views), len(atlas.zones)
            print(
                _("{file}: ok ({views}, {zones})").format(
                    file=one_line(name),
                    views=ngettext("{count} view", "{count} views", views).format(count=format_count(views)),
                    zones=ngettext("{count} zone", "{count} zones", zones).format(count=format_count(zones)),
                )
            )
            for note in _notes(atlas, name):
                print(one_line(str(note)))  # a note: the file still passes
        else:
            failed += 1
            for error in result.errors:
                print(one_line(str(error)))  # one line each, whatever the file's name holds
    if failed:
        _complain(
            ngettext(
                "{failed} file of {total} has errors", "{failed} files of {total} have errors", failed
            ).format(failed=format_count(failed), total=format_count(len(files)))
        )
    return 1 if failed else 0


def _notes(atlas, name: str) -> tuple:
    """Notes on texts of a chart that passed the check: those that claim an effect
    (atlas/wording), those that leave a direction control open (atlas/bidi_notes)."""
    from .atlas.loader import decode, read_bytes
    from .atlas.notes import chart_notes

    raw = read_bytes(Path(name))
    decoded = decode(raw if isinstance(raw, bytes) else b"", name)
    text = decoded if isinstance(decoded, str) else ""
    return chart_notes(atlas, text, name)


def export(args: argparse.Namespace) -> int:
    from .atlas import ASPECTS, read_atlas
    from .export.formats import DECK_SUFFIXES, PAGE_SUFFIXES

    if args.chart:
        from . import i18n

        language = i18n.language()
        i18n.set_language(
            getattr(args, "language", None) or i18n.system_language()
        )  # said as `check` says it
        result = read_atlas(args.chart)
        i18n.set_language(language)  # the picture's words: --language (below) or English, as before
        if not result.ok:
            for error in result.errors:
                _complain(one_line(str(error)))
            return 1
        atlas = result.atlas
    else:
        from .atlas import load_atlas

        atlas = load_atlas()
    assert atlas is not None
    if args.language:  # the chart's own translations and the export's words, as in the app
        from . import i18n

        atlas = atlas.localized(i18n.set_language(args.language))
    aspect = view_id = None
    if Path(args.output).suffix.lower() in PAGE_SUFFIXES + DECK_SUFFIXES:
        return _take_away(atlas, args)
    if args.handout:
        return _handout(atlas, args)
    if args.view in ASPECTS:
        aspect = args.view
    elif args.view:
        known = [v.id for v in atlas.views]
        if args.view not in known:
            _complain(
                f"reflexmap export: no view '{args.view}'; views: {', '.join(known)}; "
                f"or an aspect: {', '.join(atlas.aspects())}"
            )
            return 2
        view_id = args.view
    _headless_platform()
    from .render.export import export_chart
    from .ui.app import application

    application()
    try:
        out = export_chart(
            atlas,
            Path(args.output),
            aspect=aspect,
            view_id=view_id,
            width_px=args.width,
            text_scale=getattr(args, "text_scale", None) or 1.0,
        )
    except (OSError, ValueError) as exc:
        _complain(f"reflexmap export: {_said(exc)}")
        return 1
    print(one_line(str(out)))  # (a line break or an escape sequence in the name shown escaped)
    return 0


def _take_away(atlas, args: argparse.Namespace) -> int:
    """The web page or the Anki deck, in --language or the user's language."""
    from .i18n import set_language, system_language

    set_language(args.language or system_language())
    if args.output.lower().endswith(".apkg"):
        _headless_platform()
    from .export.files import export_file

    try:
        out = export_file(
            atlas,
            Path(args.output),
            said=lambda message: _complain(f"reflexmap export: {message}"),
        )
    except (OSError, ValueError) as exc:
        _complain(f"reflexmap export: {_said(exc)}")
        return 1
    print(one_line(str(out)))  # (a line break or an escape sequence in the name shown escaped)
    return 0


def _handout(atlas, args: argparse.Namespace) -> int:
    from .atlas import ASPECTS

    if args.view in (None, "all"):
        aspects = list(atlas.aspects()) if args.view == "all" else [atlas.aspects()[0]]
    elif args.view in ASPECTS:
        aspects = [args.view]
    elif args.view in {v.id for v in atlas.views}:
        aspects = [atlas.view(args.view).aspect]
    else:
        _complain(f"reflexmap export: no view '{args.view}'")
        return 2
    _headless_platform()
    from .render.handout import export_handout
    from .ui.app import application

    application()
    try:
        out = export_handout(
            atlas,
            Path(args.output),
            kind=args.handout,
            aspects=aspects,
            paper=args.paper,
            text_scale=getattr(args, "text_scale", None) or 1.0,  # `reflexmap --text-scale 1.5 export …`
            said=lambda message: _complain(f"reflexmap export: {message}"),
        )
    except (OSError, ValueError) as exc:
        _complain(f"reflexmap export: {_said(exc)}")
        return 1
    print(one_line(str(out)))  # (a line break or an escape sequence in the name shown escaped)
    return 0


def install_desktop(remove: bool = False) -> int:
    from . import desktop

    try:
        files = desktop.uninstall() if remove else desktop.install()
    except OSError as exc:
        _complain(f"reflexmap: {_said(exc)}")
        return 1
    for path in files:
        print(path)
    if remove:
        print(f"Removed {len(files)} file(s).")
    else:
        print(
            f"ReflexMap is in your application menu (it runs {' '.join(desktop.launch_command())}); "
            "some desktops show it after you log in again."
        )
    return 0


def _headless_platform() -> None:
    """Exports and screenshots need no screen: use Qt's offscreen platform when there is none."""
    if "QT_QPA_PLATFORM" not in os.environ and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        if sys.platform.startswith("linux"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _has_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(
    argv: list[str] | None = None,
    on_first_paint: Callable[[], None] | None = None,
    on_ready: Callable[[], None] | None = None,
) -> int:
    """The `reflexmap` command; `on_first_paint` and `on_ready` are for the start-up benchmark.

    Output read by a program that stops reading (`reflexmap check … | head`) ends the command
    quietly, as it ends `grep` or `ls`: it was a BrokenPipeError's traceback."""
    try:
        return _main(argv, on_first_paint, on_ready)
    except BrokenPipeError:
        # what is still buffered for the closed pipe goes nowhere, not into another error
        # at exit (the recipe of Python's documentation, "Note on SIGPIPE")
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _main(
    argv: list[str] | None,
    on_first_paint: Callable[[], None] | None,
    on_ready: Callable[[], None] | None,
) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    if args.command is None and not (args.screenshot or args.install_desktop or args.uninstall_desktop):
        # Opening the window imports Qt and builds many long-lived objects but no garbage
        # cycles worth collecting: the collector waits until the window is ready for clicks
        # (run() turns it back on). Nothing above has imported Qt yet.
        gc.disable()
    if args.install_desktop or args.uninstall_desktop:
        return install_desktop(remove=args.uninstall_desktop)
    if args.command == "check":
        return check(args.files, args.language)
    if args.command == "export":
        if args.file is not None:
            if getattr(args, "chart", None) not in (None, args.file):
                _complain(f"reflexmap export: two zone files given ({args.chart} and {args.file}): give one")
                return 2
            args.chart = args.file
        return export(args)
    if args.command == "schema":
        import json

        from .atlas.schema import schema

        print(json.dumps(schema(), indent=2, ensure_ascii=False))
        return 0
    if args.screenshot:
        from .storage import refuse_special

        try:  # a folder or a device is said before the window opens (was "could not write" after)
            refuse_special(Path(args.screenshot))
        except OSError as exc:
            _complain(f"reflexmap: {_said(exc)}")
            return 1
        _headless_platform()
    elif not _has_display():
        _complain(
            "reflexmap: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "Run it in a desktop session, or save a picture of the window with --screenshot FILE.",
            lines=True,
        )
        return 2
    from .ui.app import run

    return run(
        chart=args.chart,
        screenshot=args.screenshot,
        select=args.select,
        size=args.size,
        aspect=args.view,
        on_first_paint=on_first_paint,
        on_ready=on_ready,
        theme=args.theme,
        language=args.language,
        text_scale=args.text_scale,
    )


def _said(exc: BaseException) -> str:
    from .storage import error_text

    return error_text(exc)


def _complain(message: object, *, lines: bool = False) -> None:
    """One message on stderr, as whole lines after everything already printed on stdout;
    on one line, every control character escaped (a file name or a view given with a line
    break or an escape sequence in it: the terminal never acts on it), or with `lines`, each
    of its own lines so (a message of ours written on two lines).

    stdout into a pipe or a file is written in blocks, stderr at once: without the flush a
    summary written to stderr lands inside a line of the errors still waiting on stdout
    (`reflexmap check big.yaml 2>&1 | less` read "… outside1 file of 1 has errors")."""
    sys.stdout.flush()
    text = str(message).rstrip("\r\n")
    text = "\n".join(one_line(line) for line in text.split("\n")) if lines else one_line(text)
    print(text, file=sys.stderr, flush=True)
