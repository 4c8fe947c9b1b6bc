"""The user guide (HTML, English and German), shipped as `reflexmap.user_guide` and read
offline by Help → User guide (reflexmap/ui/help_dialogs.py)."""
