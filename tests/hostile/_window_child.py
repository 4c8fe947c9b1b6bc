"""A ReflexMap window in a child process, driven line by line from stdin (for tests that need
two real instances at once): `labels` and `guides` toggle View → Show labels / guide lines,
`theme NAME` and `view ASPECT` pick them from their menus, `open PATH` opens a chart (it joins
the recent charts), `answer ZONE` answers a one-question quiz round on the built-in chart by a
click inside the zone, `close` closes the window as the user does (its settings are written
then) and ends. Each command is answered with `ok`."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reflexmap.paths import default_settings_path  # noqa: E402
from reflexmap.settings import Settings  # noqa: E402
from reflexmap.ui import chart_opening  # noqa: E402
from reflexmap.ui.app import application, create_window  # noqa: E402

chart_opening.QUICK_S = 60.0  # `open` is answered once the chart is shown (a first reading may be slow)


def main() -> int:
    app = application()
    window = create_window(settings=Settings(default_settings_path()))
    window.show()
    app.processEvents()
    print("ok", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "labels":
            window.labels_action.trigger()
        elif command == "guides":
            window.guides_action.trigger()
        elif command == "theme":
            window.theme_actions[argument].trigger()
        elif command == "view":
            getattr(window, f"aspect_{argument}_action").trigger()
        elif command == "open":
            assert window.open_chart(argument), argument
        elif command == "answer":
            from ._app_child import _answer_one

            _answer_one(window, argument)
            app.processEvents()
            assert window.quiz_panel.feedback.text().startswith("✔"), window.quiz_panel.feedback.text()
            window.quiz.stop()
        elif command == "close":
            window.close()
            print("ok", flush=True)
            return 0
        app.processEvents()
        print("ok", flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
