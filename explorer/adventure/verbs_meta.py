"""Verbs about the game: help, history, undo, again, oops, save, restore, transcript, quit."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from explorer.adventure import prose, saves
from explorer.adventure.grammar import Reply, Verbs
from explorer.adventure.parser import Span, fold
from explorer.core.coalition import Coalition
from explorer.core.seats import default_picture

if TYPE_CHECKING:
    from explorer.adventure.engine import Engine

verbs = Verbs("The game")
when = verbs.when


@when("help", meta=True, help="this list; 'help VERB' for one verb")
@when("?", meta=True)
@when("commands", meta=True)
@when("verbs", meta=True)
@when("help VERB", meta=True)
def help_verb(e: Engine, verb: Span | None = None) -> str:
    groups = list(e.grammar.help_rows().items())  # generated from the patterns
    if verb is not None:
        want = fold(verb.text)

        def names(row: tuple[str, str, str]) -> list[str]:
            return [fold(row[0].split()[0])] + [fold(s.split()[0]) for s in row[1].split(",")
                                                if s.strip()]

        groups = [(name, [r for r in rows if want in names(r)]) for name, rows in groups]
        if not any(rows for _, rows in groups):
            raise Reply(f"There is no verb “{verb.text}”. 'help' lists them all.")
    width = max(len(r[0]) for _, rows in groups for r in rows)
    lines = []
    for name, rows in groups:
        if not rows:
            continue
        if verb is None:
            lines.append(f"{name}:")
        for usage, synonyms, text in rows:
            extra = f" [{synonyms}]" if synonyms else ""
            lines.append(f"  {usage:<{width}}  {text}{extra}")
    if verb is None:
        lines.append(f"Names can be shortened{_short_name_example(e)}; 'him', 'her', 'it' mean "
                     "the last one named; a name alone examines it. Synonyms are in [brackets].")
    return "\n".join(lines)


def _short_name_example(e: Engine) -> str:
    """" ('mal' for Maliki)": an example from the pack being played, or nothing."""
    for actor in e.pack.actors.values():
        if actor.kind != "person":
            continue
        for alias in actor.aliases:
            if " " not in alias and len(alias) >= 5 and alias.isalpha():
                return f" ('{alias[:3].lower()}' for {alias})"
    return ""


@when("history", meta=True, help='the commands you have typed')
def history(e: Engine) -> str:
    if not e.history:
        return "You have not done anything yet."
    rows = e.history[-30:]
    first = len(e.history) - len(rows) + 1
    return "Your commands so far:\n" + "\n".join(
        f"  {i}. {line}" for i, line in enumerate(rows, first))


@when("undo", meta=True, undo=True, help='take back the last move (place, coalition, PM, date)')
@when("u", meta=True, undo=True)
def undo(e: Engine) -> str:
    from explorer.adventure.verbs_table import tally

    if not e.undo_stack:
        return "There is nothing to undo."
    snap = e.undo_stack.pop()
    moved = snap.location != e.location
    e.restore_snapshot(snap)
    where = f" You are back in {e.world.name(e.location)}." if moved and e.location else ""
    return f"Undone.{where} It is {prose.day(e.on)}.\n{tally(e)}"


@when("again", meta=True, repeats=True, help="repeat the last command")
@when("g", meta=True, repeats=True)
def again(e: Engine) -> str:
    if not e.last_words:
        return "There is nothing to do again yet."
    return e.run(list(e.last_words), remember=False)


@when("oops WORD", meta=True, repeats=True,
      help="replace the word I did not know in your last command")
@when("oops", meta=True, repeats=True)
def oops(e: Engine, word: Span | None = None) -> str:
    if word is None:
        return "Oops what? Type 'oops' and the word you meant."
    if e.unknown is None:
        return "There is no unknown word to correct."
    old, span = e.unknown
    e.unknown = None
    return e.run(old[: span.start] + list(word.words) + old[span.end:])


def state_of(e: Engine) -> dict:
    return {
        "saved": date.today().isoformat(),
        "date": e.on.isoformat() if e.on else None,
        "location": e.location,
        "role": e.role,
        "challenge": e.challenge.id if e.challenge else None,
        "members": list(e.coalition.members),
        "pm": e.coalition.pm,
        "hint": e.hint_index,
        "history": e.history[-200:],
    }


@when("save NAME", meta=True, help="save the game under a name")
@when("save", meta=True)
@when("save as NAME", meta=True)
def save(e: Engine, name: Span | None = None) -> str:
    label = name.raw if name is not None else "quicksave"
    try:
        path = saves.write_save(label, state_of(e), e.pack.id)
    except saves.SaveError as exc:
        raise Reply(str(exc)) from None
    return f"Saved as “{path.stem}” ({path})."


def _apply(e: Engine, data: dict) -> None:
    """Check every field first, then change the game (a bad save changes nothing)."""
    from explorer.core.dates import parse_day
    from explorer.core.safe_text import clean

    def bad(why: str):
        return saves.SaveError(f"That save is damaged: {why}.")

    saves.check_state(data, e.pack)
    actors = e.pack.actors
    try:
        on = parse_day(data["date"]) if data.get("date") is not None else e.on
    except (ValueError, TypeError):
        raise bad("its date is not a date") from None
    location = data.get("location")
    if location is not None and (location not in actors or actors[location].kind != "place"):
        raise bad(f"it puts you in an unknown place {location!r}")
    members = data.get("members", [])
    if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
        raise bad("its coalition is not a list of names")
    picture = default_picture(e.pack, on)
    unknown = [m for m in members if m not in actors and picture.unit(m) is None]
    if unknown:
        raise bad(f"its coalition names unknown actors ({', '.join(unknown[:3])})")
    pm, role, cid = data.get("pm"), data.get("role"), data.get("challenge")
    for value, what in ((pm, "PM candidate"), (role, "role")):
        if value is not None and value not in actors:
            raise bad(f"its {what} {value!r} is not in this pack")
    if cid is not None and cid not in e.pack.challenges:
        raise bad(f"its challenge {cid!r} is not in this pack")
    hint = data.get("hint", 0)
    past = data.get("history", [])
    if not isinstance(hint, int) or not isinstance(past, list):
        raise bad("its hint counter or history is malformed")
    e.challenge = e.pack.challenges[cid] if cid else None
    e.role = role
    e.location = location
    e.hint_index = max(0, hint)
    e.set_table(Coalition(tuple(members), pm), picture)
    e.history = [clean(h) for h in past][-200:]
    e.status = e.outlook_status()


@when("restore NAME", meta=True, help="go back to a saved game ('restore' alone lists them)")
@when("restore", meta=True)
@when("load NAME", meta=True)
@when("load", meta=True)
def restore(e: Engine, name: Span | None = None) -> str:
    from explorer.adventure.verbs_world import describe_place

    if name is None:
        known = saves.list_saves()
        if not known:
            return f"There are no saves yet (they go to {saves.saves_dir()})."
        return "Saved games: " + ", ".join(known) + ". Type 'restore NAME'."
    try:
        data = saves.read_save(name.raw, e.pack.id)
        _apply(e, data)
    except saves.SaveError as exc:
        e.restore_error = str(exc)
        raise Reply(str(exc)) from None
    e.restore_error = None
    return describe_place(e).after(f"Restored “{saves.check_name(name.raw)}”.\n\n")


@when("transcript", meta=True,
      help="record the session to a Markdown file ('transcript on', 'transcript off')")
@when("transcript FLAG", meta=True)
@when("script", meta=True)
@when("script FLAG", meta=True)
def transcript(e: Engine, flag: Span | None = None) -> str:
    folder = saves.transcripts_dir()
    if flag is None:
        if e.transcript is not None:
            return f"The transcript is being written to {e.transcript}."
        return f"No transcript is being written. 'transcript on' starts one in {folder}."
    word = fold(flag.text)
    if word == "on":
        if e.transcript is not None:
            return f"The transcript is already being written to {e.transcript}."
        try:
            path = e.start_transcript(folder)
        except OSError as exc:
            raise Reply(f"Cannot write a transcript in {folder}: {exc.strerror or exc}.") from None
        return f"Recording a transcript to {path}."
    if word == "off":
        if e.transcript is None:
            return "No transcript is being written."
        path, e.transcript = e.transcript, None
        return f"The transcript is saved in {path}."
    raise Reply("Type 'transcript on', 'transcript off', or 'transcript' to see where it goes.")


@when("quit", meta=True, help='leave the game')
@when("q", meta=True)
@when("exit", meta=True)
@when("bye", meta=True)
def quit_verb(e: Engine) -> str:
    e.finished = True
    if e.transcript is not None:
        return f"Goodbye. The transcript is in {e.transcript}."
    return "Goodbye."


