"""Translation catalogues: extract marked strings, merge them into the .po files, compile .mo.

    python tools/i18n.py update     # reflexmap/locale/reflexmap.pot + each <lang>.po merged
    python tools/i18n.py compile    # each .po -> .mo (what the app reads)
    python tools/i18n.py check      # untranslated or obsolete entries; exit 1 if any

Strings are marked in the code with _("…"), N_("…"), ngettext("…", "…", n) and
pgettext("context", "…") (reflexmap/i18n.py). The .po files are standard gettext catalogues:
edit them with any PO editor. Pure Python, so no gettext tools need to be installed.
"""

from __future__ import annotations

import ast
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reflexmap"
LOCALE = PACKAGE / "locale"
DOMAIN = "reflexmap"
HEADER = {
    "Project-Id-Version": "ReflexMap",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}


@dataclass
class Entry:
    msgid: str
    plural: str | None = None
    context: str | None = None
    strings: list[str] = field(default_factory=list)  # msgstr, or msgstr[0], msgstr[1]
    places: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.strings) and all(self.strings)


def extract() -> dict[tuple[str | None, str], Entry]:
    """Every marked string in the package, in order of first appearance."""
    found: dict[tuple[str | None, str], Entry] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = [
                a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                for a in node.args
            ]
            name = node.func.id
            # The file only, as xgettext --add-location=file: line numbers would rewrite every
            # entry after each edit and make parallel changes to the catalogue collide.
            place = str(path.relative_to(ROOT))
            if name in ("_", "N_") and args and args[0]:
                entry = Entry(args[0])
            elif name == "ngettext" and len(args) >= 2 and args[0] and args[1]:
                entry = Entry(args[0], plural=args[1])
            elif name == "pgettext" and len(args) >= 2 and args[0] and args[1]:
                entry = Entry(args[1], context=args[0])
            else:  # _(TABLE[key]): translating a string marked elsewhere with N_()
                if name == "N_":
                    raise SystemExit(f"{place}: N_() needs a string literal")
                continue
            places = found.setdefault(entry.key, entry).places
            if place not in places:
                places.append(place)
    # By file, then alphabetically: moving code does not reorder the catalogue.
    return dict(sorted(found.items(), key=lambda item: (item[1].places[0], item[1].msgid)))


# --- PO files -------------------------------------------------------------------------------
def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    out, i = [], 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def read_po(path: Path) -> tuple[dict[str, str], dict[tuple[str | None, str], Entry]]:
    """(header fields, entries) of a PO file."""
    entries: dict[tuple[str | None, str], Entry] = {}
    header: dict[str, str] = {}
    current: dict[str, str] = {}
    last = None

    def finish() -> None:
        nonlocal current
        if "msgid" in current:
            if current["msgid"] == "" and "msgctxt" not in current:
                for line in current.get("msgstr", "").splitlines():
                    if ":" in line:
                        name, value = line.split(":", 1)
                        header[name.strip()] = value.strip()
            else:
                strings = (
                    [current.get("msgstr[0]", ""), current.get("msgstr[1]", "")]
                    if "msgid_plural" in current
                    else [current.get("msgstr", "")]
                )
                entry = Entry(current["msgid"], current.get("msgid_plural"), current.get("msgctxt"), strings)
                entries[entry.key] = entry
        current = {}

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            last = None
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and last is not None:
            current[last] += _unquote(line)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and "msgid" in current:  # no blank line between entries
                finish()
            current[keyword] = _unquote(rest)
            last = keyword
    finish()
    return header, entries


def _lines(keyword: str, text: str) -> list[str]:
    if "\n" not in text.rstrip("\n") and len(text) < 70:
        return [f"{keyword} {_quote(text)}"]
    parts = text.splitlines(keepends=True)
    return [f'{keyword} ""'] + [_quote(part) for part in parts]


def write_po(path: Path, header: dict[str, str], entries: list[Entry], with_strings: bool = True) -> None:
    out = ['msgid ""', 'msgstr ""'] + [_quote(f"{k}: {v}\n") for k, v in header.items()] + [""]
    for entry in entries:
        out += [f"#: {place}" for place in entry.places[:4]]
        if entry.context is not None:
            out.append(f"msgctxt {_quote(entry.context)}")
        out += _lines("msgid", entry.msgid)
        strings = entry.strings if with_strings else []
        if entry.plural is not None:
            out += _lines("msgid_plural", entry.plural)
            for n in range(2):
                out += _lines(f"msgstr[{n}]", strings[n] if len(strings) > n else "")
        else:
            out += _lines("msgstr", strings[0] if strings else "")
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def update() -> None:
    wanted = extract()
    write_po(LOCALE / f"{DOMAIN}.pot", HEADER, list(wanted.values()), with_strings=False)
    for language in languages():
        header, existing = read_po(po_path(language))
        merged = []
        for key, entry in wanted.items():
            old = existing.get(key)
            entry.strings = old.strings if old is not None else []
            merged.append(entry)
        dropped = set(existing) - set(wanted)
        write_po(po_path(language), {**HEADER, **header, "Language": language}, merged)
        print(
            f"{language}: {len(merged)} strings, {sum(not e.translated for e in merged)} untranslated, "
            f"{len(dropped)} obsolete dropped"
        )


# --- MO files -------------------------------------------------------------------------------
def mo_bytes(header: dict[str, str], entries: dict[tuple[str | None, str], Entry]) -> bytes:
    """A GNU .mo file (the format Python's gettext reads), with untranslated entries left out."""
    pairs = {"": "".join(f"{k}: {v}\n" for k, v in header.items())}
    for entry in entries.values():
        if not entry.translated:
            continue
        key = entry.msgid if entry.context is None else f"{entry.context}\x04{entry.msgid}"
        if entry.plural is not None:
            pairs[f"{key}\x00{entry.plural}"] = "\x00".join(entry.strings)
        else:
            pairs[key] = entry.strings[0]
    keys = sorted(pairs)
    ids = [k.encode("utf-8") for k in keys]
    strs = [pairs[k].encode("utf-8") for k in keys]
    count = len(keys)
    start = 7 * 4 + 16 * count
    id_table, str_table, blob = [], [], b""
    for data in ids:
        id_table.append((len(data), start + len(blob)))
        blob += data + b"\x00"
    for data in strs:
        str_table.append((len(data), start + len(blob)))
        blob += data + b"\x00"
    head = struct.pack("<7I", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in id_table + str_table)
    return head + tables + blob


def compile_all() -> None:
    for language in languages():
        header, entries = read_po(po_path(language))
        target = po_path(language).with_suffix(".mo")
        target.write_bytes(mo_bytes(header, entries))
        print(f"wrote {target.relative_to(ROOT)}")


def check() -> int:
    wanted = extract()
    problems = 0
    for language in languages():
        _header, entries = read_po(po_path(language))
        for key, entry in wanted.items():
            if key not in entries or not entries[key].translated:
                problems += 1
                print(f"{language}: untranslated: {entry.msgid!r} ({entry.places[0]})")
        for key in set(entries) - set(wanted):
            problems += 1
            print(f"{language}: obsolete: {key[1]!r}")
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        raise SystemExit(check())
    else:
        raise SystemExit(__doc__)
