"""The app's version (keep it equal to pyproject.toml's)."""

__version__ = "0.1.0"
