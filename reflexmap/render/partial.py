"""The main chart under a partial one (see atlas.partial), in the interface's language."""

from __future__ import annotations

from .. import i18n
from ..atlas import Atlas, builtin_chart_path, read_atlas
from ..i18n import _, isolated, ngettext
from ..paths import chart_cache
from ..vocab import aspect_name

_main: dict[tuple[str, float], Atlas | None] = {}


def main_chart() -> Atlas | None:
    """The built-in main chart, read once per language (and again if its file changed)."""
    path = builtin_chart_path()
    try:
        key = (i18n.language(), path.stat().st_mtime)
    except OSError:
        return None
    if key not in _main:
        result = read_atlas(path, chart_cache())
        _main[key] = result.atlas.localized(i18n.language()) if result.ok and result.atlas else None
    return _main[key]


def base_for(atlas: Atlas) -> Atlas | None:
    """The main chart when `atlas` only adds to it (to draw it under `atlas` in grey)."""
    if atlas.path is not None and atlas.path == builtin_chart_path():
        return None  # the main chart itself (no chart is partial to itself): not read again
    from ..atlas.partial import is_partial  # (not for the start's chart, the main chart)

    main = main_chart()
    return main if main is not None and is_partial(atlas, main) else None


def what_it_adds(atlas: Atlas, main: Atlas) -> str:
    """One sentence for the chart and the status bar: what the partial chart adds, and what the
    grey zones are."""
    from ..atlas.partial import additions

    added = additions(atlas, main)
    first = ngettext(
        "This chart adds {count} zone to the {main}",
        "This chart adds {count} zones to the {main}",
        len(atlas.zones),
    ).format(count=len(atlas.zones), main=isolated(main.title))
    parts = []
    if added.different:
        parts.append(
            ngettext("{count} placed differently", "{count} placed differently", len(added.different)).format(
                count=len(added.different)
            )
        )
    if added.new:
        parts.append(
            ngettext("{count} the main chart lacks", "{count} the main chart lacks", len(added.new)).format(
                count=len(added.new)
            )
        )
    views = _("Its views: {views}.").format(views=", ".join(aspect_name(a) for a in added.aspects))
    grey = _("The main chart's zones are shown in grey, for orientation.")
    return f"{first}: {', '.join(parts)}. {views} {grey}"
