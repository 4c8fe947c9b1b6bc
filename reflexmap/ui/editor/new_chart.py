"""File → New chart…: a chart of one's own, from the outlines (views and guide lines) of a
built-in chart, with no zones or with that chart's zones to adapt."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...atlas.ids import free_id, id_from_name
from ...i18n import DEFAULT, _, bidi_isolate, gettext_in

MAX_TITLE_CHARS = 200
MAX_STEM_CHARS = 60  # a suggested file name's length before ".yaml"
# names Windows keeps for devices, whatever the extension: a chart file must not be one
RESERVED_STEMS = {"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(1, 10)}


def chart_file_name(title: str, folder: Path | None = None) -> str:
    """A file name to suggest for a chart: the id its title gives (atlas/ids.py, as a new
    chart's id is made: "Annas Fußkarte" → annas-fusskarte.yaml, before annas-fußkarte.yaml
    beside the id annas-fusskarte) + ".yaml". Nothing else of the title gets in: no slash,
    dot, colon, quote, control or direction mark, so the name is safe on every system; a
    name Windows keeps for a device gets "-chart". In `folder`, a name that is taken there
    gets "-2", "-3" …, so that the suggestion never writes over another file."""
    stem = id_from_name(title)[:MAX_STEM_CHARS].strip("-") or "chart"
    if stem in RESERVED_STEMS:
        stem += "-chart"
    name, number = f"{stem}.yaml", 2
    while folder is not None and number < 1000 and (folder / name).exists():
        name, number = f"{stem}-{number}.yaml", number + 1
    return name


def new_chart_document(
    outlines: Path,
    title: str,
    *,
    with_zones: bool,
    tradition: str = "",
    taken: Collection[str] = (),
    language: str = "en",
):
    """A new chart (a ChartDocument without a file yet) with the views, guide lines and
    sources of the chart at `outlines`, and its zones or none. It is the author's chart:
    its title and `tradition` are theirs (the outlines' tradition, description, their
    translations and the outlines' file's comments do not come along; an empty tradition is
    left for the check to ask for). Its id is made from its title (atlas/ids.py), with "-2" …
    when a chart in `taken` has that id (progress and Anki cards are kept by chart id).
    `language`: the interface's, the language the title and tradition were typed in: when it
    is not English (a file's base texts are English), they are the chart's translation into
    it, and its base texts are the same words until someone writes them in English (Chart
    properties says so); the untouched "My chart" is English in the base (S22-19: the German
    title stood in the English fields only, "Übersetzung: Deutsch" empty)."""
    from ruamel.yaml.comments import CommentedSeq

    from ...atlas.document import ChartDocument, read_document

    base = read_document(outlines)
    tree = base.tree()
    title = title.strip()[:MAX_TITLE_CHARS] or _("My chart")
    tradition = " ".join(tradition.split())[:MAX_TITLE_CHARS]
    base_title = title
    if language != DEFAULT and title == gettext_in(language, "My chart"):
        base_title = "My chart"  # the default, as the English app names it
    tree["id"] = free_id(id_from_name(base_title), taken)
    tree["title"] = base_title
    tree["tradition"] = tradition
    tree.pop("description", None)
    for other in list((tree.get("translations") or {}).keys()):
        texts = tree["translations"][other]
        for key in ("title", "tradition", "description"):
            texts.pop(key, None)
        if not texts:
            del tree["translations"][other]
    if language != DEFAULT:  # typed in the interface's language: its translation
        from ruamel.yaml.comments import CommentedMap

        typed = {"title": title, "tradition": tradition} if tradition else {"title": title}
        translations = tree.get("translations")
        if translations is None:
            translations = tree["translations"] = CommentedMap()
        texts = translations.get(language)
        if texts is None:
            translations[language] = CommentedMap(typed)
        else:
            texts.update(typed)
    if "translations" in tree and not tree["translations"]:
        del tree["translations"]
    _drop_comments(tree)  # the outlines' chart's words about itself (its tools, its sources)
    if not with_zones:  # the other chart's zones and the sources they cite go
        tree.pop("zone_names", None)  # (and how its names read: the author's are as written)
        for key in ("sources", "zones"):
            if key in tree:
                empty = CommentedSeq()
                empty.fa.set_flow_style()
                tree[key] = empty
    text = base.with_tree(tree).text
    start = text.find("atlas_format:")
    header = f"# {title}: a chart made with ReflexMap from the views of {outlines.name}.\n"
    return ChartDocument.from_text(header + text[max(start, 0) :], "<new chart>", None)


def _drop_comments(node) -> None:
    """Every comment of the mapping or sequence `node` and of all it holds (ruamel.yaml keeps
    them on the node before and after which they stand)."""
    stack = [node]
    while stack:
        node = stack.pop()
        if hasattr(node, "ca"):
            node.ca.comment = None
            node.ca.items.clear()
            node.ca.end = []
        if isinstance(node, dict):
            stack += node.values()
        elif isinstance(node, list):
            stack += node


class NewChartDialog(QDialog):
    """Which outlines, with or without their zones, and the new chart's title and tradition
    (the author's own: asked, never taken from the outlines' chart)."""

    def __init__(self, chart_title: Callable[[Path], str], parent: QWidget | None = None):
        """`chart_title(path)`: a built-in chart's title, in the interface's language."""
        super().__init__(parent)
        from ...atlas.loader import builtin_chart_path, builtin_charts

        self.setObjectName("new-chart")
        self.setWindowTitle(_("New chart"))
        self.title = QLineEdit(_("My chart"))
        self.title.setMaxLength(MAX_TITLE_CHARS)
        self.tradition = QLineEdit()
        self.tradition.setObjectName("new-chart-tradition")
        self.tradition.setMaxLength(MAX_TITLE_CHARS)
        self.tradition.setPlaceholderText(_("the school or teacher your chart follows"))
        self.outlines = QComboBox()
        for path in builtin_charts():
            self.outlines.addItem(bidi_isolate(chart_title(path)), str(path))
            if path.resolve() == builtin_chart_path().resolve():  # the main chart first
                self.outlines.setCurrentIndex(self.outlines.count() - 1)
        self.empty = QRadioButton(_("Outlines and guide lines only: no zones"))
        self.with_zones = QRadioButton(_("With that chart's zones, to adapt"))
        self.empty.setChecked(True)
        form = QFormLayout()
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("T&radition:"), self.tradition)
        hint = QLabel(_("Every zone of the chart is shown as a claim of this tradition."))
        hint.setWordWrap(True)
        form.addRow("", hint)  # under the field it is about
        form.addRow(_("&Outlines from:"), self.outlines)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.tradition.textChanged.connect(self._allow)
        self._allow()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.empty)
        layout.addWidget(self.with_zones)
        layout.addWidget(buttons)
        self.tradition.setFocus()

    def _allow(self, *_args) -> None:
        """OK once a tradition is named: a chart needs one, and it must be the author's."""
        self.ok.setEnabled(bool(self.tradition.text().strip()))

    def chosen(self) -> tuple[Path, bool, str, str]:
        return (
            Path(self.outlines.currentData()),
            self.with_zones.isChecked(),
            self.title.text(),
            self.tradition.text(),
        )
