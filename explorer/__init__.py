"""Kingmaker: a terminal explorer of government formation, read from content packs (two bundled:
Iraq 2010 and Belgium 2010–11)."""

__version__ = "0.1.0"
