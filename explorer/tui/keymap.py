"""One key map: every binding of every screen, the table in docs/keys.md, and user rebinding.

Every binding a student can use has an id (its action name: `back`, `pick-pm`, `answer` …). The
same id on two screens means the same thing, so one letter keeps one meaning. `markdown()` writes
the whole table (docs/keys.md is its output; a test keeps the two equal); the help screen (F1)
shows the same rows for the screen you are on, with your own keys.

Keys can be rebound in `$XDG_CONFIG_HOME/kingmaker/keys.toml` (else ~/.config/kingmaker/keys.toml,
or $EXPLORER_KEYS_FILE), by action name::

    [keys]
    back = "backspace"          # one key
    quit = "ctrl+q,q"           # or several, comma-separated

An unknown action or key is reported by name and the rest of the file still applies.

Regenerate the docs with `python -m explorer.tui.keymap > docs/keys.md`.
"""

from __future__ import annotations

import importlib
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding
from textual.keys import Keys, format_key

# Where each table comes from: (title, "module:Class"), in the order a student meets them.
PLACES: tuple[tuple[str, str], ...] = (
    ("Everywhere", "explorer.tui.app:KingmakerApp"),
    ("Explore", "explorer.tui.browse_screen:ExploreScreen"),
    ("Explore · actor list", "explorer.tui.actor_list:ActorList"),
    ("Explore · actor page", "explorer.tui.actor_page:ActorPage"),
    ("Source", "explorer.tui.source_screen:SourceScreen"),
    ("Path to …", "explorer.tui.path_screen:PathScreen"),
    ("Coalition builder", "explorer.tui.coalition_screen:CoalitionScreen"),
    ("PM picker", "explorer.tui.coalition_panels:PmPicker"),
    ("Adventure", "explorer.tui.adventure_screen:AdventureScreen"),
    ("Adventure · command line", "explorer.tui.adventure_screen:CommandInput"),
    ("Lessons", "explorer.tui.lesson_screen:LessonScreen"),
    ("Lesson picker", "explorer.tui.lesson_parts:LessonPicker"),
    ("Timeline", "explorer.tui.timeline:TimelineScreen"),
    ("Help", "explorer.tui.help_screen:HelpScreen"),
    ("Resume prompt", "explorer.tui.resume_screen:ResumeScreen"),
    ("Pack chooser", "explorer.tui.pack_chooser:PackChooserScreen"),
)

MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
KEYS_FILE = "keys.toml"


@dataclass(frozen=True)
class Row:
    """One line of the table: the keys, what they do, and the action name to rebind them."""

    keys: tuple[str, ...]
    description: str
    action: str

    @property
    def keys_text(self) -> str:
        return " ".join(self.keys)


def key_label(key: str) -> str:
    """A key as people write it: question_mark -> ?, f1 -> F1, ctrl+p -> Ctrl+P."""
    *mods, base = key.strip().split("+")
    special = {"space": "Space", "enter": "Enter", "escape": "Esc", "tab": "Tab",
               "backspace": "Backspace", "home": "Home", "end": "End", "pageup": "PgUp",
               "pagedown": "PgDn", "up": "↑", "down": "↓", "left": "←", "right": "→",
               "delete": "Del"}
    if base in special:
        text = special[base]
    elif len(base) > 1 and base[0] == "f" and base[1:].isdigit():
        text = base.upper()
    else:
        text = format_key(base)
    if mods:
        text = "+".join(m.capitalize() for m in mods) + "+" + (text.upper() if len(text) == 1
                                                               else text)
    return text


def declared(cls: type) -> list[Binding]:
    """The bindings a project class declares itself (Textual's own are left out)."""
    out: list[Binding] = []
    for klass in cls.__mro__:
        if not klass.__module__.startswith("explorer."):
            continue
        for item in klass.__dict__.get("BINDINGS", []):
            out.append(item if isinstance(item, Binding) else Binding(*item))
    return out


def rows(bindings: Iterable[tuple[str, Binding]]) -> list[Row]:
    """(key, binding) pairs -> one row per described action, its keys in order."""
    table: dict[str, tuple[list[str], str]] = {}
    for key, binding in bindings:
        if not binding.description:
            continue
        name = binding.id or binding.action
        keys, _ = table.setdefault(name, ([], binding.description))
        label = binding.key_display if binding.key_display and "," not in binding.key \
            and not keys else key_label(key)
        if label not in keys:
            keys.append(label)
    return [Row(tuple(keys), description, name) for name, (keys, description) in table.items()]


def default_rows(cls: type) -> list[Row]:
    """The table of a class with its default keys."""
    return rows((key.strip(), b) for b in declared(cls) for key in b.key.split(","))


def live_rows(node) -> list[Row]:
    """The table of a mounted node with the keys in force (after the user's keys.toml)."""
    own = {id(b) for b in declared(type(node))}
    own_ids = {b.id for b in declared(type(node)) if b.id}
    bindings = node._bindings.copy()
    user = getattr(node.app, "_keymap", None)
    if user:
        bindings.apply_keymap(user)  # what Textual does to the binding chain on each key
    pairs = [(key, b) for key, bs in bindings.key_to_bindings.items() for b in bs
             if id(b) in own or (b.id and b.id in own_ids)]
    order = {b.id or b.action: i for i, b in enumerate(declared(type(node)))}
    found = rows(pairs)
    found.sort(key=lambda r: order.get(r.action, len(order)))
    return found


def place_classes() -> list[tuple[str, type]]:
    out = []
    for title, dotted in PLACES:
        module, _, name = dotted.partition(":")
        out.append((title, getattr(importlib.import_module(module), name)))
    return out


def action_names() -> dict[str, str]:
    """Every rebindable action name -> what it does."""
    names: dict[str, str] = {}
    for _title, cls in place_classes():
        for binding in declared(cls):
            if binding.id and binding.description:
                names.setdefault(binding.id, binding.description)
    return names


def markdown() -> str:
    """docs/keys.md: every binding on every screen."""
    lines = [
        "# Keys",
        "",
        "Every key of the Kingmaker app, screen by screen. This file is generated from the code",
        "(`python -m explorer.tui.keymap > docs/keys.md`) and a test checks that it matches.",
        "F1 shows the table of the screen you are on, with your own keys.",
        "",
        "To rebind a key, name its action in `$XDG_CONFIG_HOME/kingmaker/keys.toml`",
        "(usually `~/.config/kingmaker/keys.toml`):",
        "",
        "```toml",
        "[keys]",
        'back = "backspace"',
        'quit = "ctrl+q,q"',
        "```",
        "",
        "The same action name on several screens is one action: rebinding it changes it on each.",
        "",
    ]
    for title, cls in place_classes():
        table = default_rows(cls)
        if not table:
            continue
        lines += [f"## {title}", "", "| Keys | Action | Name |", "| --- | --- | --- |"]
        for row in table:
            keys = " ".join(f"`{k}`" for k in row.keys).replace("|", "\\|")
            name = f"`{row.action}`" if not _is_internal(row.action) else ""
            lines.append(f"| {keys} | {row.description} | {name} |")
        lines.append("")
    return "\n".join(lines)


def _is_internal(name: str) -> bool:
    return "(" in name or "." in name or "_" in name


# -- the user's keys.toml ---------------------------------------------------------------------

def keys_file() -> Path:
    explicit = os.environ.get("EXPLORER_KEYS_FILE")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CONFIG_HOME")
    base = Path(xdg) if xdg else Path.home() / ".config"
    return base / "kingmaker" / KEYS_FILE


def valid_key(key: str) -> bool:
    """A key Textual can bind: a character, a key name (f1, home …) with modifiers."""
    parts = key.strip().split("+")
    *mods, base = parts
    if not base or any(m not in MODIFIERS for m in mods):
        return False
    if len(base) == 1 and base.isprintable() and not base.isspace():
        return True
    if base in {k.value for k in Keys} or base in ("space", "tab", "enter", "escape"):
        return True
    try:
        unicodedata.lookup(base.replace("_", " ").upper())
    except KeyError:
        return False
    return True


def parse_keymap(text: str, known: dict[str, str], source: str = KEYS_FILE
                 ) -> tuple[dict[str, str], list[str]]:
    """keys.toml text -> (binding id -> keys, error messages). Bad entries are skipped."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{source} is not valid TOML ({exc}); using the default keys"]
    table = data.get("keys", data)
    if not isinstance(table, dict):
        return {}, [f"{source}: [keys] must be a table of action = \"key\""]
    keymap: dict[str, str] = {}
    errors: list[str] = []
    for action, keys in table.items():
        if action not in known:
            close = _close(action, known)
            errors.append(f"{source}: unknown action {action!r}"
                          + (f" (did you mean {close!r}?)" if close else "")
                          + "; the actions are listed in docs/keys.md and on F1")
            continue
        if not isinstance(keys, str) or not keys.strip():
            errors.append(f"{source}: {action} must be a string of keys such as \"ctrl+b\"")
            continue
        wanted = [k.strip() for k in keys.split(",")]
        bad = [k for k in wanted if not valid_key(k)]
        if bad:
            errors.append(f"{source}: {action}: unknown key {bad[0]!r} (keys look like "
                          "\"b\", \"ctrl+b\", \"f6\", \"home\", \"question_mark\")")
            continue
        keymap[action] = ",".join(wanted)
    return keymap, errors


def _close(name: str, known: dict[str, str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return found[0] if found else None


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The user's keymap and any errors in it (no file: no change, no error)."""
    path = path or keys_file()
    try:
        with path.open("rb") as handle:
            raw = handle.read(256 * 1024 + 1)
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [f"cannot read {path}: {exc.strerror or exc}"]
    if len(raw) > 256 * 1024:
        return {}, [f"{path} is too large for a key file; using the default keys"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return {}, [f"{path} is not UTF-8 text; using the default keys"]
    return parse_keymap(text, action_names(), source=str(path))


if __name__ == "__main__":  # pragma: no cover - the docs generator
    print(markdown(), end="")
