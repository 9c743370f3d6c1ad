"""The adventure engine: one line in, one plain-text reply out; it never raises.

The engine keeps the game state (where the envoy is, the coalition in a shared CoalitionState,
the PM candidate, the date, the challenge) and the parser's memory (the last command for `again`,
the unknown word for `oops`, an open "Which do you mean" question, the numbered threads of the
last look or examine, and the sources of the last answer for `why`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from explorer.adventure import goals, prose, transcript, verbs_deal, verbs_story
from explorer.adventure.grammar import Answer, Reply, answer, build_grammar
from explorer.adventure.memory import Question, Snapshot
from explorer.adventure.parser import MAX_LINE, Grammar, Span, clean, fold, number
from explorer.adventure.world import Thread, World
from explorer.core.coalition import Coalition, CoalitionState
from explorer.core.graph import Atlas
from explorer.core.model import Actor, Challenge
from explorer.core.safe_text import clean as strip_controls
from explorer.core.seats import Picture, default_picture

PRONOUNS = {"him", "her", "it", "them", "he", "she", "they"}


class Engine:
    restore_error: str | None = None  # why the last 'restore' failed (a script stops on it)

    def __init__(self, atlas: Atlas, on: date | None = None, role: str | None = None,
                 challenge: str | None = None, state: CoalitionState | None = None,
                 sources_dir: str | Path | None = None, grammar: Grammar | None = None):
        self.atlas = atlas
        self.grammar = grammar or build_grammar()
        self.pack = atlas.pack
        self.world = World(atlas)
        self.state = state or CoalitionState(atlas, on or self.pack.default_date)
        if state is not None and on is not None and state.on != on:
            state.set_date(on)
        places = [p.id for p in self.world.places]
        start = self.pack.start_place
        self.location: str | None = start if start in self.pack.actors else (
            places[0] if places else None)
        self.role = role
        self.challenge: Challenge | None = None
        self.hint_index = 0
        self.status: str | None = None  # None | "won" | "dead"
        self.sources_dir = sources_dir
        self.threads: list[Thread] = []
        self.last_sources: list[str] = []
        self.last_topic = ""
        self.it: str | None = None
        self.question: Question | None = None
        self.unknown: tuple[list[str], Span] | None = None
        self.last_words: list[str] | None = None
        self.words: list[str] = []
        self.history: list[str] = []
        self.undo_stack: list[Snapshot] = []
        self.transcript: Path | None = None
        self.finished = False
        verbs_deal.reset(self)
        if challenge:
            self.start_challenge(challenge)

    # -- the state -------------------------------------------------------------------------
    @property
    def on(self) -> date | None:
        return self.state.on

    @property
    def coalition(self) -> Coalition:
        return self.state.coalition

    def snapshot(self) -> Snapshot:
        return Snapshot(self.location, self.state.coalition, self.state.picture, self.state.on,
                        self.challenge.id if self.challenge else None, self.role,
                        len(self.state.undo_stack), self.terms, self.formed)

    def set_table(self, coalition: Coalition, picture: Picture | None = None) -> None:
        """Replace the coalition (and picture) as one step of the shared undo history."""
        self.state.replace(coalition, picture or self.state.picture)

    def restore_snapshot(self, snap: Snapshot) -> None:
        """Go back to a snapshot: the place, and the table by undoing the shared history back to
        where it stood (so the builder's redo can bring the move back)."""
        self.location = snap.location
        self.challenge = self.pack.challenges.get(snap.challenge) if snap.challenge else None
        self.role = snap.role
        if snap.terms is not None:
            self.terms, self.formed = snap.terms, snap.formed
        while len(self.state.undo_stack) > snap.depth and self.state.undo():
            pass

    def start_challenge(self, challenge_id: str) -> str:
        ch = self.pack.challenges.get(challenge_id)
        if ch is None:
            raise Reply(f"There is no challenge called {challenge_id!r}. "
                        + self.challenge_list())
        picture = default_picture(self.pack, ch.date)
        members = tuple(m for m in ch.start_coalition if m in self.pack.actors)
        self.set_table(Coalition(members, ch.pm), picture)
        self.challenge = ch
        self.role = ch.role
        self.hint_index = 0
        self.status = None
        verbs_deal.reset(self)
        self.undo_stack.clear()
        self.threads = []
        if self.pack.start_place in self.pack.actors:
            self.location = self.pack.start_place
        self.status = self.outlook_status()
        return ch.title

    def challenge_list(self) -> str:
        if not self.pack.challenges:
            return "This pack has no challenges."
        rows = [f"  {c.id}: {c.title}" for c in self.pack.challenges.values()]
        return "Challenges (start one with 'challenge ID'):\n" + "\n".join(rows)

    # -- names -------------------------------------------------------------------------------
    def actor(self, span: Span) -> Actor:
        """The actor a slot names, or a Reply asking which one / suggesting a spelling."""
        text = span.text
        if fold(text) in PRONOUNS and self.it:
            return self.atlas.actor(self.it)
        if fold(text) in ("here", "this place") and self.location:
            return self.atlas.actor(self.location)
        key = text.strip().strip("\"'“”")
        found = self.atlas.names.candidates(key, on=self.on) if key else []
        if not found and key:
            absent = self.atlas.names.not_yet(key, self.on)
            if absent:
                from explorer.core.names import absent_message

                raise Reply(absent_message(absent[0], self.on))
        if len(found) == 1:
            self.it = found[0].id
            return found[0]
        if found:
            shown = found[:9]
            self.question = Question(list(self.words), span, shown)
            more = f" (and {len(found) - 9} more: type more of the name)" if len(found) > 9 else ""
            lines = [f"Which do you mean: {prose.join([a.name for a in shown], 'or')}?{more}"]
            lines += [f"  {i}. {a.name} ({a.kind})" for i, a in enumerate(shown, 1)]
            lines.append("(Answer with a number or a name.)")
            raise Reply("\n".join(lines))
        self.unknown = (list(self.words), span)
        close = self.atlas.names.suggestions(key) if key else []
        if close:
            names = prose.join([self._short(a) for a in close], "or")
            raise Reply(f"I don't know anyone called “{text}”. Did you mean {names}? "
                        f"(Type 'oops {self._short(close[0]).lower()}' to fix it.)")
        raise Reply(f"I don't know anyone called “{text}”. Try 'look' to see who is here, or "
                    "'examine' a name you have seen.")

    @staticmethod
    def _short(actor: Actor) -> str:
        """The shortest one-word alias of an actor if it has one ('Maliki'), else its name."""
        singles = [a for a in actor.aliases if " " not in a and len(a) > 2]
        return min(singles, key=len) if singles else actor.name

    def answer_question(self, text: str) -> list[str] | None:
        """The command rewritten with the chosen actor, or None (not an answer)."""
        q = self.question
        self.question = None
        if q is None:
            return None
        n = number(text)
        chosen: list[Actor] = []
        if n is not None:
            if 1 <= n <= len(q.candidates):
                chosen = [q.candidates[n - 1]]
        else:
            ids = {a.id for a in self.atlas.names.candidates(text)}
            chosen = [a for a in q.candidates if a.id in ids]
            if not chosen:
                want = [fold(w) for w in text.split()]
                chosen = [a for a in q.candidates
                          if all(any(w in fold(s) for s in (a.id, *a.names())) for w in want)]
        if len(chosen) > 1:
            self.question = Question(q.words, q.span, chosen)
            names = prose.join([a.name for a in chosen], "or")
            raise Reply(f"Which do you mean: {names}?")
        if not chosen:
            return None
        return q.words[: q.span.start] + [chosen[0].id] + q.words[q.span.end:]

    # -- the loop ----------------------------------------------------------------------------
    def handle(self, line: object) -> str:
        """Answer one line of input. Never raises; always returns a str."""
        if isinstance(line, str):
            line = strip_controls(line)  # no control character of the input reaches an answer
        try:
            reply = self._handle(line)
        except Reply as r:
            reply = r.text
        except RecursionError:
            reply = "That is too tangled for me to follow. Try a shorter command."
        except Exception as exc:  # the parser must never crash the game
            reply = (f"Something went wrong inside the game ({type(exc).__name__}); nothing "
                     "has changed. Try another command.")
        if not isinstance(reply, str):
            reply = str(reply)
        self._record(line, reply)
        return reply

    def _handle(self, line: object) -> str:
        raw = line if isinstance(line, str) else str(line)
        if len(raw) > MAX_LINE:
            return (f"That's too long ({len(raw)} characters). Keep a command under "
                    f"{MAX_LINE} characters.")
        text = clean(raw)
        if not text:
            return "Say something: 'look' to look around, 'help' for the verbs."
        if self.question is not None:
            rewritten = self.answer_question(text)
            if rewritten is not None:
                return self.run(rewritten)
        words = text.split()
        if fold(words[0]) != "oops":
            self.unknown = None  # 'oops' mends only the command just before it
        return self.run(words)

    def run(self, words: list[str], remember: bool = True) -> str:
        """Parse and carry out one command; the reply, with the goal's news if it changed."""
        parsed = self.grammar.parse(words)
        self.words = words
        if parsed is None:
            return self.not_understood(words)
        pattern, slots = parsed
        if pattern.kwargs.get("repeats"):  # again, oops: the command they run does the rest
            return answer(pattern.handler(self, **{k.lower(): v for k, v in slots.items()})).text
        before = self.snapshot()
        try:
            result = answer(pattern.handler(self, **{k.lower(): v for k, v in slots.items()}))
        except Reply as r:
            result = Answer(r.text)
        self.remember(result)
        reply = result.text
        if not pattern.kwargs.get("meta"):
            self.history.append(" ".join(words))
            if remember:
                self.last_words = list(words)
        after = self.snapshot()
        if after != before:
            if not pattern.kwargs.get("undo"):
                self.undo_stack.append(before)
                del self.undo_stack[:-200]
            reply += self.check_goal()
        return reply

    def remember(self, result: Answer) -> None:
        """Keep what the next command may refer back to ('why', 'go N', 'him')."""
        if result.sources is not None:
            self.last_sources = list(result.sources)
            self.last_topic = result.topic or ""
        elif result.topic is not None:
            self.last_topic = result.topic
        if result.threads is not None:
            self.threads = list(result.threads)
        if result.it is not None:
            self.it = result.it

    def not_understood(self, words: list[str]) -> str:
        verb = fold(words[0])
        verbs = self.grammar.verbs()
        if verb in verbs:
            usages = " or ".join(f"'{u}'" for u in self.grammar.usages(verb))
            return f"I only understood the verb “{verb}”. Try {usages}."
        if len(words) == 1 and number(words[0]) is not None and self.threads:
            return self.run(["go", words[0]])  # a bare number follows that thread
        if len(words) <= 6 and self.atlas.names.candidates(" ".join(words).strip("?!. ")):
            return self.run(["examine", *words])  # a bare name examines it
        import difflib

        close = difflib.get_close_matches(verb, verbs, n=1, cutoff=0.75)
        self.unknown = (list(words), Span((words[0],), 0, 1))
        if close:
            return (f"I don't know the verb “{words[0]}”. Did you mean '{close[0]}'? "
                    f"('oops {close[0]}' fixes it; 'help' lists the verbs.)")
        return f"I don't know the verb “{words[0]}”. Type 'help' for the verbs I know."

    # -- the goal ----------------------------------------------------------------------------
    def outlook(self) -> goals.Outlook | None:
        if self.challenge is None:
            return None
        goal = self.challenge.goal
        if not goal.deal:
            return goals.assess(self.atlas, self.state.picture, self.state.coalition, goal)
        from explorer.core.deal_goal import outside_clashes

        out = goals.assess(self.atlas, self.state.picture, self.state.coalition, goal,
                           lambda c: outside_clashes(self.atlas, self.state.picture,
                                                     self.state.coalition, c))
        return verbs_deal.deal_outlook(self, out)

    def outlook_status(self) -> str | None:
        out = self.outlook()
        if out is None:
            return None
        return "won" if out.won else ("dead" if out.dead else None)

    def check_goal(self) -> str:
        out = self.outlook()
        if out is None:
            return ""
        status = "won" if out.won else ("dead" if out.dead else None)
        previous, self.status = self.status, status
        if status == previous:
            return ""
        if status is None:
            return ("\n\nThe way is open again: the goal can still be reached from here."
                    if previous == "dead" else "")
        return "\n\n" + self.announcement(out)

    def announcement(self, out: goals.Outlook) -> str:
        """The win or dead-end message, with what happened historically and its sources."""
        ch = self.challenge
        history = f"\n\nWhat happened: {ch.history} {prose.cite(ch.sources)}" if ch.history else ""
        self.last_sources = list(ch.sources)
        self.last_topic = f"what happened after “{ch.title}”"
        if out.won:
            from explorer.adventure.epilogue import epilogue

            told = epilogue(self.atlas, self.state.picture, self.state.coalition, ch)
            return (f"*** You have won “{ch.title}”: {out.low} seats, "
                    f"{out.low - out.need} over the {out.need} you needed. ***\n{told}"
                    f"{history}\n"
                    "(Keep exploring, 'undo' to step back, or 'challenges' for another.)")
        why = {
            "excluded": f"Your coalition is stuck: {out.reasons[-1]}.",
            "refusal": "A hard refusal now sits inside your coalition.",
            "deal": f"The bargain is stuck: {out.reasons[-1]}. Only taking something back "
                    "can mend it.",
        }.get(out.cause, "No set of the lists and factions still outside your coalition "
                         f"can carry it to {out.need}: the most within reach from here is "
                         f"{out.best} seats.")
        return (f"*** Dead end in “{ch.title}”. ***\n{why}{history}\n"
                "('undo' steps back; 'dismiss' someone to change course.)")

    # -- transcripts (adventure/transcript.py writes them) -----------------------------------
    def _record(self, line: object, reply: str) -> None:
        if self.transcript is not None:
            transcript.record(self.transcript, clean(line)[:MAX_LINE], reply)

    def start_transcript(self, folder: Path) -> Path:
        self.transcript = transcript.start(self, folder)
        return self.transcript

    # -- completion (for the TUI) ------------------------------------------------------------
    def vocabulary(self) -> tuple[list[str], list[str]]:
        """The verbs (in table order) and the names and aliases one can type."""
        names: dict[str, None] = {}
        for actor in self.pack.actors.values():
            for spelling in (*actor.aliases, actor.name):
                names.setdefault(spelling, None)
        main = [usage.split()[0] for rows in self.grammar.help_rows().values()
                for usage, _, _ in rows]
        verbs = list(dict.fromkeys([*main, *self.grammar.verbs()]))  # the main verbs first
        return verbs, list(names)

    def intro(self) -> str:
        from explorer.adventure.verbs_world import describe_place

        lines = [self.pack.title, ""]
        if self.challenge is not None:
            lines.append(verbs_story.challenge_text(self))
        else:
            who = (f"the envoy of {self.atlas.actor(self.role).name}"
                   if self.role in self.pack.actors else "an envoy")
            th = self.pack.government_threshold if self.pack.thresholds else None
            aim = f"Build a coalition of {th.seats} seats ({th.name}), or just look around. " \
                if th else ""
            lines.append(f"You are {who}, free to go where you like and talk to anyone. {aim}"
                         "Type 'help' for the verbs, 'challenges' for goals.")
        place = describe_place(self)
        self.remember(place)  # 'go 1' works from the first screen
        lines += ["", place.text]
        return "\n".join(lines)
