"""Every file the app writes survives the process being killed at any point of the write.

A child process writes an old version, then a new one, and dies (os._exit: no clean-up, as
in a crash or power loss) at the k-th file operation of the second write: each fsync, copy
to the backup, and rename in turn. The old version must then be whole, and so must the
backup; when the child is not killed, the new version is in place and the old one is the
backup.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .dying import ARM, PRELUDE

WRITERS = {  # (prepare, first write, second write)
    "settings": (
        "from reflexmap.settings import Settings\ns = Settings(target)\n",
        "s.setValue('k', 'old')\n",
        "s.setValue('k', 'new')\n",
    ),
    "progress": (
        "from reflexmap.quiz import LegacyCardState as CardState, ProgressStore\n"
        "store = ProgressStore(target)\n",
        "store.save({'c:old:find': CardState(box=2)})\n",
        "store.save({'c:new:find': CardState(box=5)})\n",
    ),
    "png export": (
        "from reflexmap.ui.app import application\napplication()\nfrom reflexmap import load_atlas\n"
        "from reflexmap.render.export import export_chart\na = load_atlas()\n",
        "export_chart(a, target, aspect='plantar', width_px=300)\n",
        "export_chart(a, target, aspect='medial', width_px=400)\n",
    ),
    "handout": (
        "from reflexmap.ui.app import application\napplication()\nfrom reflexmap import load_atlas\n"
        "from reflexmap.render.handout import export_handout\na = load_atlas()\n",
        "export_handout(a, target, kind='worksheet', aspects=['plantar'])\n",
        "export_handout(a, target, kind='answer-key', aspects=['plantar', 'medial'])\n",
    ),
}
NAMES = {
    "settings": "settings.json",
    "progress": "progress.json",
    "png export": "chart.png",
    "handout": "sheet.pdf",
}


def run(script: str, target: Path, stage: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", script, str(target), str(stage)], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_killed_at_every_stage_the_old_file_is_whole(writer: str, tmp_path: Path):
    prepare, first_write, write = WRITERS[writer]
    target = tmp_path / NAMES[writer]
    first = run(PRELUDE + prepare + first_write, target, 0)
    assert first.returncode == 0, first.stderr
    old = target.read_bytes()
    stage, completed, seen = 1, False, []
    while not completed:
        result = run(PRELUDE + prepare + ARM + write, target, stage)
        completed = result.returncode == 0
        if not completed:
            assert result.returncode == 9, result.stderr[-1500:]
            seen.append((stage, target.read_bytes()))
        stage += 1
        assert stage < 20
    new = target.read_bytes()
    assert new != old
    # killed at any operation, the file is the old one, whole; only when killed at the very
    # last (the folder's fsync, after the final rename) is it a whole new one (a PDF's document
    # id differs from run to run, so it is compared by size)
    for killed_at, content in seen[:-1]:
        assert content == old, f"{writer}: old file changed when killed at operation {killed_at}"
    assert seen[-1][1] == old or len(seen[-1][1]) == len(new)
    # the previous version is kept (the file as it was before the last, completed write)
    assert (tmp_path / (target.name + ".bak")).read_bytes() in (old, seen[-1][1])
    assert stage > 3  # fsync, the backup copy and its rename, the final rename were each interrupted
