"""Exports people take with them: a self-contained web page and an Anki deck.

`html` is Qt-free; `anki` renders its pictures with the app's own drawing code."""


class ExportCancelled(Exception):
    """The person stopped an export while it was being drawn: nothing is written."""
