"""Screenshots of the Statistics window and the mastery heat map after a simulated month of study,
taken from the real app on an X display (Xvfb), for the README and for looking at.

    Xvfb :86 -screen 0 1920x1080x24 &
    python tools/learning_screenshots.py --display :86 --out /tmp/shots [--language de]

A throwaway home folder holds the settings and the data folder; a month of study (about 40
questions a day, benchmarks.learning.simulate) is written into its review log, the app is
started on it, Quiz → Statistics… (F8) and View → Mastery heat map (M) are opened
with the keyboard through xdotool, and each window is saved with ImageMagick's `import`.
Needs xdotool and imagemagick.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def wait_for_window(env: dict, name: str, timeout: float = 60.0) -> str:
    """The X id of the newest visible window whose title contains `name`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name], env=env, capture_output=True, text=True
        ).stdout.split()
        if found:
            return found[-1]
        time.sleep(0.3)
    raise SystemExit(f"no window named {name!r} appeared")


def shoot(env: dict, window: str, target: Path) -> None:
    time.sleep(1.5)  # painted
    subprocess.run(["import", "-window", window, str(target)], env=env, check=True)
    print(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/learning_screenshots.py")
    parser.add_argument("--display", required=True, help="an X display, such as :86 (Xvfb)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--language", choices=("en", "de"), default="en")
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--aspect", default="plantar", help="the view for the heat map")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="reflexmap-shots-"))
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        DISPLAY=args.display,
        QT_QPA_PLATFORM="xcb",
    )
    env.pop("QT_SCALE_FACTOR", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))  # this checkout
    data = home / "data" / "ReflexMap" / "ReflexMap"  # QStandardPaths' AppDataLocation on Linux
    data.mkdir(parents=True)
    (home / "config" / "ReflexMap" / "ReflexMap").mkdir(parents=True)
    (home / "config" / "ReflexMap" / "ReflexMap" / "settings.json").write_text(
        '{"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": true}}',
        encoding="utf-8",
    )

    from benchmarks.learning import simulate
    from reflexmap import load_atlas
    from reflexmap.quiz import ReviewLog

    log = ReviewLog(data / "reviews.sqlite3")
    simulate(log, load_atlas(), args.days)
    print(f"{log.count()} reviews of {len(log.states())} cards in {data}")
    log.close()

    app = subprocess.Popen(
        [sys.executable, "-m", "reflexmap", "--language", args.language, "--view", args.aspect],
        env=env,
        cwd=home,
    )
    try:
        main_window = wait_for_window(env, "ReflexMap")
        subprocess.run(["xdotool", "windowsize", main_window, "1440", "900"], env=env, check=True)
        subprocess.run(["xdotool", "windowmove", main_window, "0", "0"], env=env, check=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", main_window], env=env, check=False)
        time.sleep(1.0)
        suffix = "" if args.language == "en" else f"-{args.language}"
        subprocess.run(["xdotool", "key", "--window", main_window, "m"], env=env, check=True)
        shoot(env, main_window, args.out / f"mastery-heat-map{suffix}.png")
        subprocess.run(["xdotool", "key", "--window", main_window, "F8"], env=env, check=True)
        title = "Statistics" if args.language == "en" else "Statistik"
        statistics = wait_for_window(env, title)
        shoot(env, statistics, args.out / f"statistics{suffix}.png")
    finally:
        app.terminate()
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
