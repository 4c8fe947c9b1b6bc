"""`python -m reflexmap`: the same as the `reflexmap` command."""

import sys

from .cli import main

sys.exit(main())
