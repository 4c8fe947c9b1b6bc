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


def _digits(text: str, longest: int = 12) -> int | None:
    """A whole number written as the help says: ASCII digits only. int() alone also takes
    Arabic-Indic or full-width digits, underscores, a sign and spaces ("٣٠٠", "3_000", " +300 ")."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= longest else None


def _width(text: str) -> int:
    import argparse

    width = _digits(text)
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

    parts = [_digits(part, 5) for part in text.lower().split("x")]
    if len(parts) != 2 or None in parts:
        raise argparse.ArgumentTypeError(f"size must look like 1440x900, not {text[:20]!r}")
    width, height = parts
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000 pixels")
    return width, height


def _text_scale(text: str) -> float:
    """--text-scale as the help shows it (1.0, 1.25, …): ASCII digits and one point; float()
    alone also takes "١٫٥", "1_5e-1", " 1.5 " and "nan"."""
    import argparse
    import re

    if not (text.isascii() and len(text) <= 12 and re.fullmatch(r"[0-9]+(\.[0-9]+)?", text)):
        raise argparse.ArgumentTypeError(
            f"the text size must be written as one of {TEXT_SCALES}, not {text[:20]!r}"
        )
    return float(text)


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
        "--size", type=_size, metavar="WxH", help="window size for --screenshot (default 1440x900)"
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
    parser.add_argument("--text-scale", type=_text_scale, choices=TEXT_SCALES, help="text size for this run")
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
        type=_text_scale,
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
        default=None,  # 3000 for a PNG; given with any other output it is refused, not ignored
        metavar="PX",
        help="PNG width in pixels (16 to 20,000; default 3000)",
    )
    export.add_argument(
        "--handout",
        choices=("chart", "worksheet", "answer-key"),
        help="printable PDF: the chart with numbered zones and legend, a blank worksheet, or its answer key",
    )
    export.add_argument("--paper", choices=("a4", "letter"), help="paper for handouts (default a4)")
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
    "size": None,
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


def _misfit(args: argparse.Namespace, suffix: str, take_away: bool) -> str | None:
    """An export option that this output would not use: refused, never silently ignored
    (`--handout chart -o out.html` wrote a web page; `--width 500 -o x.svg` a full-size SVG)."""
    if args.handout and suffix != ".pdf":
        return "handouts are PDF files: give an output name ending in .pdf"
    if args.width is not None and (suffix != ".png" or args.handout):
        return "--width sets a PNG picture's width: give an output name ending in .png, or leave --width out"
    if args.paper and not args.handout:
        return "--paper is for handouts: add --handout chart, worksheet or answer-key, or leave --paper out"
    if take_away and getattr(args, "view", None):
        return "a web page or an Anki deck holds every view: leave --view out"
    return None


def export(args: argparse.Namespace) -> int:
    from .atlas import ASPECTS, read_atlas
    from .export.formats import DECK_SUFFIXES, PAGE_SUFFIXES

    suffix = Path(args.output).suffix.lower()
    misfit = _misfit(args, suffix, suffix in PAGE_SUFFIXES + DECK_SUFFIXES)
    if misfit:
        _complain(f"reflexmap export: {misfit}")
        return 2

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

        language = i18n.set_language(args.language)
        _say_untranslated(atlas, language)
        atlas = atlas.localized(language)
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
            width_px=args.width or 3000,
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


def _say_untranslated(atlas, language: str) -> None:
    """Say on stderr which zones have no text in `language`: they would print in English
    in a page meant to be in that language, with nothing on the page saying so (S22-10)."""
    from .i18n import LANGUAGES, ngettext

    missing = atlas.untranslated_zones(language)
    if not missing:
        return
    shown = ", ".join(one_line(z.id) for z in missing[:10]) + (", …" if len(missing) > 10 else "")
    _complain(
        "reflexmap export: "
        + ngettext(
            "{count} zone has no {language} name or claim and is shown in English: {zones}",
            "{count} zones have no {language} name or claim and are shown in English: {zones}",
            len(missing),
        ).format(count=len(missing), language=LANGUAGES.get(language, language), zones=shown)
    )


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
            paper=args.paper or "a4",
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
    quietly, as it ends `grep` or `ls`: it was a BrokenPipeError's traceback.

    `--language` is this run's language: the process's language is as it was when the command
    returns (a program or test calling main() in-process kept German after `--language de`)."""
    from . import i18n

    language = i18n.language()
    try:
        return _main(argv, on_first_paint, on_ready)
    except BrokenPipeError:
        # what is still buffered for the closed pipe goes nowhere, not into another error
        # at exit (the recipe of Python's documentation, "Note on SIGPIPE")
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    finally:
        if i18n.language() != language:
            i18n.set_language(language)


# The options before a command (or --install-desktop) that it uses; any other one given is
# refused, never silently ignored (`reflexmap --screenshot s.png export …` wrote no screenshot,
# `--install-desktop check X` checked nothing, `--size 800x500` without --screenshot did nothing).
USED_BY = {
    "check": {"language"},
    "export": {"chart", "view", "language", "text_scale"},
    "schema": set(),
    "--install-desktop": set(),
    "--uninstall-desktop": set(),
}


def _unused_option(args) -> str | None:
    doing = args.command or (
        "--install-desktop"
        if args.install_desktop
        else "--uninstall-desktop"
        if args.uninstall_desktop
        else None
    )
    given = [
        name for name in NO_ARGUMENTS if name != "command" and getattr(args, name, None) not in (None, False)
    ]
    if doing is None:
        if args.size is not None and not args.screenshot:
            return "reflexmap: --size is the window size for --screenshot: add --screenshot, or leave it out"
        return None
    if (
        args.command
        and (args.install_desktop or args.uninstall_desktop)
        or (args.install_desktop and args.uninstall_desktop)
    ):
        return "reflexmap: --install-desktop and --uninstall-desktop are given alone, without a command"
    for name in given:
        if name not in USED_BY[doing] and f"--{name.replace('_', '-')}" != doing:
            option = f"--{name.replace('_', '-')}"
            return f"reflexmap: {option} is not used by {doing.lstrip('-')}: leave it out"
    return None


def _main(
    argv: list[str] | None,
    on_first_paint: Callable[[], None] | None,
    on_ready: Callable[[], None] | None,
) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    unused = _unused_option(args)
    if unused:
        _complain(unused)
        return 2
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
        size=args.size or (1440, 900),
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
