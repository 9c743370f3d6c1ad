"""Kingmaker: a terminal explorer of the 2010 Iraqi government-formation crisis."""

__version__ = "0.1.0"
