"""Child-process scripts that die (os._exit: no clean-up, as in a crash or power loss) at the
k-th file operation of a write: each fsync, copy and rename in turn. Shared by the crash-safety
tests of every file the app writes."""

import textwrap

PRELUDE = textwrap.dedent(
    """
    import os, shutil, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    target, stage = sys.argv[1], int(sys.argv[2])
    calls = {"n": 0}
    def dying(real):
        def wrapper(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == stage:
                os._exit(9)
            return real(*args, **kwargs)
        return wrapper
    """
)
# Arms the file operations: from here on the stage-th one kills the process.
ARM = "os.replace = dying(os.replace); os.fsync = dying(os.fsync); shutil.copyfile = dying(shutil.copyfile)\n"
