"""Where the loader (PyYAML, YAML 1.1) and ruamel.yaml (YAML 1.2, which writes the editor's
changes) would read a chart's text otherwise: such a file is refused by both, with the same
`file:line:column` message, by `reflexmap check`, the loader and the editor (before: the
loader opened it, `check` said "ok", and the editor refused it, or failed at the first change
with ruamel.yaml's own words). The one place of this rule. No Qt.

- U+0085 (NEL), U+2028 and U+2029 end a line for the loader and are characters of the line
  for ruamel.yaml: a chart with one would be written back as one long line.
- A tab ruamel.yaml does not take where the loader does (before a colon, after one, at the
  end of a line): ruamel.yaml reads the text (only when it holds a tab, so never for most
  charts) and its first error is the refusal.
- A number no float holds as written (1e999, 1e-400): ruamel.yaml reads infinity or 0; here
  it is kept as written (`read_numbers_as_the_loader`), as the loader keeps it to refuse it.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.representer import RoundTripRepresenter

from .. import number_reach
from ..i18n import _
from . import written_numbers
from .errors import AtlasError, position_in
from .limits import MAX_NUMBER_CHARS

LINE_END_NAMES = {
    "\x85": "U+0085 (NEL)",
    "\u2028": "U+2028 (LINE SEPARATOR)",
    "\u2029": "U+2029 (PARAGRAPH SEPARATOR)",
}


def not_read_alike(text: str, source: str) -> AtlasError | None:
    """Why the chart `text` (without its byte-order mark) is refused: the loader and
    ruamel.yaml would read it otherwise (see the module); None when they read it alike."""
    found = [at for at in map(text.find, LINE_END_NAMES) if at >= 0]  # (str.find: 10x a regex)
    if found:
        odd = min(found)
        line, column = position_in(text, odd)
        return AtlasError(
            source,
            line,
            column,
            _(
                "this line ends with {character}, which is not taken for a line end here: save "
                "the file with ordinary line ends (LF) in a text editor"
            ).format(character=LINE_END_NAMES[text[odd]]),
        )
    if "\t" not in text:
        return None
    from ruamel.yaml import YAML

    try:
        YAML().compose(text)  # (a tab inside quotes or a comment is read alike: no refusal)
    except Exception as exc:  # ruamel's own errors (in English, with its own positions)
        error = ruamel_refusal(exc, text, source)
        if error is None:
            raise
        return error
    return None


def ruamel_refusal(exc: Exception, text: str, source: str) -> AtlasError | None:
    """ruamel.yaml's error reading `text`, placed as the loader places (its line ends
    counted) and said in the interface's language; None for an error of another kind."""
    import re

    from ruamel.yaml.error import YAMLError

    from .yaml_messages import syntax_message

    if not isinstance(exc, YAMLError | RecursionError):
        return None
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    index = getattr(mark, "index", None)
    if not isinstance(index, int) or not 0 <= index <= len(text):
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        said = _("the text cannot be read alike everywhere: {reason}").format(reason=reason)
        return AtlasError(source, 0, 0, said)
    tab = text.rfind("\t", 0, index + 1)
    near = tab >= 0 and "\n" not in text[tab:index]  # the tab on the line, before the place
    if near and re.match("\t[ \t]*:", text[tab:]):
        index, said = tab, _("a tab stands before the colon: replace it with a space")
    elif near or text.startswith("\t", index):
        index = tab if near else index
        said = _("a tab stands here where only spaces are read alike everywhere: replace it with a space")
    else:
        line, _column = position_in(text, index)
        said = syntax_message(getattr(exc, "problem", None), None, None, line, text[index : index + 1])
    line, column = position_in(text, index)
    return AtlasError(source, line, column, said)


def read_numbers_as_the_loader(yaml: Any) -> None:
    """Makes the round-trip `yaml` read a float by the loader's rule (written_numbers.py): a
    number no float holds as written (1e999, 1e-400) is kept as written (`Unheld`) and
    written back so, where ruamel.yaml read it as infinity or 0 and an edit elsewhere wrote
    the whole chart with `inf0` or `0` in its place (1e-400, an error, then read as a sound 0)."""
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer


Unheld = number_reach.Unheld


def _construct_float(constructor: Any, node: Any) -> Any:
    written = node.value if isinstance(node.value, str) else ""
    number = written_numbers.read(written) if len(written) <= MAX_NUMBER_CHARS else None
    if type(number) is float and not written_numbers.SMALLEST <= abs(number) <= written_numbers.LARGEST:
        if written_numbers.unreadable(written, number) is not None:
            return Unheld(written)
    return RoundTripConstructor.construct_yaml_float(constructor, node)


def _represent_unheld(representer: Any, data: Unheld) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:float", data.written)


class _Constructor(RoundTripConstructor):
    pass


class _Representer(RoundTripRepresenter):
    pass


_Constructor.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Representer.add_representer(Unheld, _represent_unheld)
