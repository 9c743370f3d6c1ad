"""The Adventure screen in Pilot: typing, the narration pane, history, completion, sharing."""

from __future__ import annotations

from explorer.tui.adventure_screen import AdventureScreen, CommandInput, CommandSuggester
from explorer.tui.table_state import TableApp

SIZE = (110, 36)


class TinyApp(TableApp):
    """Just enough of the app shell: an atlas, a date and the shared coalition state."""

    def __init__(self, atlas) -> None:
        super().__init__(atlas, atlas.pack.default_date)

    def on_mount(self) -> None:
        self.push_screen(AdventureScreen())


def narration(screen) -> str:
    return "\n".join(line.text for line in screen.query_one("#narration").lines)


async def wait_for(pilot, condition, tries: int = 50) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition()


async def test_type_a_command_and_read_the_reply(bundled_atlas):
    app = TinyApp(bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, AdventureScreen)
        await wait_for(pilot, lambda: bundled_atlas.pack.title in narration(screen))
        command = screen.query_one(CommandInput)
        assert command.has_focus
        await pilot.press(*"x sadr", "enter")
        await wait_for(pilot, lambda: "> x sadr" in narration(screen))
        text = narration(screen)
        assert "Muqtada al-Sadr" in text.split("> x sadr")[1]
        assert command.value == ""
        await pilot.press(*"invite him", "enter")
        await wait_for(pilot, lambda: "joins your coalition" in narration(screen))
        assert "sadrists" in app.state.coalition.members  # the shared state
        assert app.revision >= 1  # the app heard of it


async def test_up_and_down_recall_commands(bundled_atlas):
    app = TinyApp(bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        command = screen.query_one(CommandInput)
        for line in ("look", "x maliki"):
            command.value = line
            await pilot.press("enter")
        await wait_for(pilot, lambda: "> x maliki" in narration(screen))
        await pilot.press("up")
        assert command.value == "x maliki"
        await pilot.press("up")
        assert command.value == "look"
        await pilot.press("up")
        assert command.value == "look"
        await pilot.press("down")
        assert command.value == "x maliki"
        await pilot.press("down")
        assert command.value == ""


async def test_markup_is_shown_literally(bundled_atlas):
    app = TinyApp(bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        command = screen.query_one(CommandInput)
        command.value = "x [bold]maliki[/] [@click=app.quit]"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "[@click=app.quit]" in narration(screen))
        assert "> x [bold]maliki[/] [@click=app.quit]" in narration(screen)
        assert app.is_running


async def test_the_suggester_completes_verbs_and_names(bundled_atlas):
    app = TinyApp(bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        command = screen.query_one(CommandInput)
        command.value = "inv"
        await wait_for(pilot, lambda: command._suggestion == "invite")
        await pilot.press("right")
        assert command.value == "invite"
        command.value = "invite Mal"
        await wait_for(pilot, lambda: command._suggestion == "invite Maliki")
        command.value = "x mal"
        await wait_for(pilot, lambda: command._suggestion == "x Maliki")


def test_suggester_rules(bundled_atlas):
    from explorer.adventure import Engine

    verbs, names = Engine(bundled_atlas).vocabulary()
    s = CommandSuggester(verbs, names)
    assert s.complete("inv") == "invite"
    assert s.complete("INV") == "invite"
    assert s.complete("Mal") == "Maliki"
    assert s.complete("ask sadr about Mal") == "ask sadr about Maliki"
    assert s.complete("look ") is None and s.complete("") is None
    assert s.complete("zzzz") is None


async def test_quit_leaves_the_screen(bundled_atlas):
    app = TinyApp(bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one(CommandInput).value = "quit"
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, AdventureScreen))


async def test_sync_reports_a_change_made_elsewhere(bundled_atlas):
    app = TinyApp(bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.pause()
        app.state.add("kurdistan_alliance")  # nothing else to call: the screen watches
        await wait_for(pilot, lambda: "Meanwhile the table has changed" in narration(screen))
        assert "Kurdistan Alliance" in narration(screen).split("Meanwhile")[1]


async def test_in_the_app_shell_the_coalition_is_shared(bundled_atlas):
    from explorer.tui.app import make_app

    app = make_app(atlas=bundled_atlas)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.switch_to("adventure")
        await wait_for(pilot, lambda: isinstance(app.screen, AdventureScreen)
                       and bool(app.screen.query(CommandInput)))
        screen = app.screen
        await wait_for(pilot, lambda: "Baghdad" in narration(screen))
        screen.query_one(CommandInput).value = "invite allawi"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "iraqiya" in app.state.coalition.members)


async def test_a_save_in_another_encoding_is_explained_on_screen(bundled_atlas):
    """A save re-saved by an editor as Latin-1 or UTF-16: one clear line, nothing restored."""
    from explorer.adventure import saves

    app = TinyApp(bundled_atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await wait_for(pilot, lambda: bundled_atlas.pack.title in narration(screen))
        command = screen.query_one(CommandInput)
        for line in ("x Hélène", "invite sadrists", "save mine"):
            command.value = line
            await pilot.press("enter")
        await wait_for(pilot, lambda: "Saved as" in narration(screen))
        text = saves.save_path("mine").read_text(encoding="utf-8")
        (saves.saves_dir() / "latin.json").write_bytes(text.encode("latin-1"))
        (saves.saves_dir() / "wide.json").write_bytes(text.encode("utf-16"))
        members = app.state.coalition.members
        for name, says in (("latin", "not UTF-8 text (byte 0xE9"), ("wide", "UTF-16 text")):
            command.value = f"restore {name}"
            await pilot.press("enter")
            await wait_for(pilot, lambda s=says: s in narration(screen))
            reply = " ".join(narration(screen).split(f"> restore {name}")[1].split())  # wrapped
            assert "That save is damaged" in reply and "save it again as UTF-8" in reply
        assert app.state.coalition.members == members
