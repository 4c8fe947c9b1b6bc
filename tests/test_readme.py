"""README starts with the two set-up commands, and CI runs the test one verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text.split("---", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", head, flags=re.S)


def test_readme_starts_with_exactly_two_commands():
    app, tests = setup_commands()
    assert "\n" not in app and "\n" not in tests
    assert app.startswith("apt-get update") and app.endswith(".venv/bin/reflexmap")
    assert tests.startswith("apt-get update") and tests.endswith(".venv/bin/python -m pytest")


def test_ci_runs_the_readme_test_command():
    _, tests = setup_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci


def test_readme_api_example_is_true():
    import reflexmap

    atlas = reflexmap.load_atlas()
    assert [z.id for z in atlas.zones_at("plantar-left", 25, 33)] == ["sacrum", "sciatic-nerve", "pelvis"]
    assert [v.id for v in atlas.views][:4] == ["plantar-left", "plantar-right", "medial-left", "medial-right"]
    assert atlas.title == "Western foot chart (Ingham tradition)"


def _system_packages(command: str) -> list[str]:
    install = re.search(r"apt-get install -y -q (.+?) &&", command)
    assert install, command
    return install.group(1).split()


def test_both_commands_install_the_same_qt_libraries_wayland_included():
    """A Wayland-only session aborts ("no Qt platform plugin could be initialized") without
    libwayland-cursor0; the app and test commands (and so CI) install the same libraries."""
    app, tests = setup_commands()
    app_packages = _system_packages(app)
    assert "libwayland-cursor0" in app_packages
    assert "libxcb-cursor0" in app_packages
    assert set(app_packages) <= set(_system_packages(tests))


def test_app_command_installs_fonts_for_names_in_other_scripts():
    """Tibetan, Devanagari, Chinese and emoji names showed as boxes with DejaVu alone
    (tests/test_fonts.py checks that the fonts draw them)."""
    app, _ = setup_commands()
    assert {"fonts-noto-core", "fonts-noto-color-emoji", "fonts-droid-fallback"} <= set(_system_packages(app))


def test_test_command_installs_the_browser_the_web_page_tests_drive():
    """tests/export drive Debian's Chromium through its own chromedriver (nothing downloaded)."""
    _, tests = setup_commands()
    assert {"chromium", "chromium-driver"} <= set(_system_packages(tests))


def test_the_development_tree_names_every_module():
    """README's Development section lists each module of the package on its own line."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    text = (root / "README.md").read_text(encoding="utf-8")
    tree = text.split("## Development", 1)[1].split("```", 2)[1]
    names = {line.split()[0] for line in tree.splitlines() if line.strip()}
    missing = []
    for path in sorted((root / "reflexmap").rglob("*.py")):
        relative = path.relative_to(root / "reflexmap")
        if relative.name == "__init__.py" and relative.parent.name:
            if f"{relative.parent.name}/" not in names and f"{relative.parent.name}/__init__.py" not in names:
                missing.append(str(relative))
        elif relative.name not in names and str(relative) not in names:
            missing.append(str(relative))
    assert missing == [], "add a line for each to README.md's Development tree"
