"""Run `python -m reflexmap ARGS…` and, as the process exits, write its own peak resident
memory (VmHWM, KiB) to the file named by REFLEXMAP_PEAK_FILE.

The parent's wait4() figure is not used: a child forked from a large process (pytest after
many window tests) inherits the parent's resident pages before exec, and the kernel counts
them in the child's ru_maxrss. VmHWM belongs to the memory of the program after exec only."""

import atexit
import os
import runpy
import sys


def _write_peak() -> None:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(os.environ["REFLEXMAP_PEAK_FILE"], "w", encoding="ascii") as out:
        out.write(peak)


atexit.register(_write_peak)
sys.argv = ["reflexmap", *sys.argv[1:]]
runpy.run_module("reflexmap", run_name="__main__", alter_sys=True)
