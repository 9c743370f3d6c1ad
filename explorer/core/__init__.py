"""The domain core: content model and loader, graph queries, coalition maths, timeline.

Nothing in this package imports textual (tests/test_import_hygiene.py enforces it).
"""
