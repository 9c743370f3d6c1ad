"""The coalition builder in Pilot, on the bundled pack: build, PM, undo/redo, split, merge,
completions, power, date changes, literal text, and snapshots at 120×40 and 80×24."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList
from tui_helpers import markup_pack, plain

from explorer.core.graph import Atlas
from explorer.core.loader import load_pack
from explorer.tui.app import make_app
from explorer.tui.coalition_panels import (
    CompletionList,
    PmPicker,
    PowerPanel,
    TensionPanel,
    UnitTable,
    VerdictPanel,
)
from explorer.tui.coalition_screen import CoalitionScreen
from explorer.tui.seatbar import SeatBar, render_bar

APRIL = date(2010, 4, 1)
SIZE = (120, 40)


# -- helpers --------------------------------------------------------------------------------------
async def open_builder(pilot) -> CoalitionScreen:
    """Switch the app to the coalition builder and wait for it."""
    await pilot.app.switch_mode("coalition")
    for _ in range(50):
        if isinstance(pilot.app.screen, CoalitionScreen) and pilot.app.screen.evaluation:
            break
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CoalitionScreen)
    return screen


def row_ids(screen: CoalitionScreen) -> list[str]:
    return [r.id for r in screen.query_one(UnitTable).rows_shown]


async def go_to(pilot, screen: CoalitionScreen, unit_id: str) -> None:
    """Move the table cursor to a unit with the arrow keys."""
    table = screen.query_one(UnitTable)
    table.focus()
    delta = row_ids(screen).index(unit_id) - table.cursor_row
    if delta:
        await pilot.press(*(["down"] * delta if delta > 0 else ["up"] * -delta))
    assert table.highlighted_id() == unit_id


async def put_in(pilot, screen: CoalitionScreen, *units: str, key: str = "space") -> None:
    for unit in units:
        await go_to(pilot, screen, unit)
        await pilot.press(key)


async def choose_pm(pilot, person: str | None) -> None:
    await pilot.press("n")
    for _ in range(50):
        if isinstance(pilot.app.screen, PmPicker):
            break
        await pilot.pause()
    options = pilot.app.screen.query_one(OptionList)
    target = options.get_option_index(person or PmPicker.NO_PM)
    delta = target - (options.highlighted or 0)
    await pilot.press(*(["down"] * delta if delta > 0 else ["up"] * -delta), "enter")
    for _ in range(50):
        if isinstance(pilot.app.screen, CoalitionScreen):
            break
        await pilot.pause()


def shown(screen: CoalitionScreen, panel) -> str:
    return plain(screen.query_one(panel).render(), width=100)


def bar_text(screen: CoalitionScreen, width: int = 118) -> str:
    return render_bar(screen.query_one(SeatBar).model, width).plain


def seats(screen: CoalitionScreen) -> dict[str, str]:
    return {r.id: r.seats_text for r in screen.query_one(UnitTable).rows_shown}


# -- building by keyboard -------------------------------------------------------------------------
async def test_sol_ina_kurds_reach_202_with_a_sadrist_tension(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_builder(pilot)
        assert isinstance(app.focused, UnitTable)
        await put_in(pilot, screen, "sol", "ina")
        await put_in(pilot, screen, "kurdistan_alliance", key="enter")
        ev = screen.evaluation
        assert ev.members == ["sol", "ina", "kurdistan_alliance"]
        assert (ev.low, ev.high) == (202, 202)
        assert [r.id for r in screen.query_one(UnitTable).rows_shown if r.member] == \
            ["sol", "ina", "kurdistan_alliance"]
        assert "202 seats" in bar_text(screen)
        assert "39 over" in bar_text(screen) and "15 short" in bar_text(screen)
        verdicts = shown(screen, VerdictPanel)
        assert "Absolute majority (163): reached, 39 over" in verdicts
        assert "Two-thirds majority (217): 15 short" in verdicts
        assert "Feasible: yes" in verdicts
        assert ev.verdicts[0].status == "reached"
        tensions = shown(screen, TensionPanel)
        assert "Sadrist movement refuses to serve under Nouri al-Maliki" in tensions
        assert "hard only if Nouri al-Maliki is the PM candidate" in tensions
        assert "inside: Iraqi National Alliance ↔ State of Law Coalition" in tensions
        # space again takes a member out
        await go_to(pilot, screen, "kurdistan_alliance")
        await pilot.press("space")
        assert screen.evaluation.low == 159


async def test_maliki_as_pm_makes_it_infeasible_and_undo_redo(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_builder(pilot)
        await put_in(pilot, screen, "sol", "ina", "kurdistan_alliance")
        await choose_pm(pilot, "maliki")
        assert app.state.coalition.pm == "maliki"
        verdicts = shown(screen, VerdictPanel)
        assert "Feasible: no" in verdicts
        assert "PM candidate: Nouri al-Maliki (State of Law Coalition)" in verdicts
        assert "✘ HARD  Sadrist movement refuses to serve under Nouri al-Maliki" in \
            shown(screen, TensionPanel)
        assert not screen.evaluation.feasible
        assert any(r.pm for r in screen.query_one(UnitTable).rows_shown if r.id == "sol")
        await pilot.press("u")
        assert app.state.coalition.pm is None
        assert "Feasible: yes" in shown(screen, VerdictPanel)
        await pilot.press("u")
        assert screen.evaluation.members == ["sol", "ina"]
        await pilot.press("r", "r")
        assert app.state.coalition.pm == "maliki"
        assert "Feasible: no" in shown(screen, VerdictPanel)
        await choose_pm(pilot, None)
        assert app.state.coalition.pm is None


async def test_split_ina_shows_the_sadrists_then_merge(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_builder(pilot)
        await put_in(pilot, screen, "ina")
        await go_to(pilot, screen, "ina")
        await pilot.press("s")
        assert "ina" not in row_ids(screen)
        assert seats(screen)["sadrists"] == "39–40"
        assert "sadrists" in screen.evaluation.members  # a split member stays in as its parts
        assert screen.query_one(UnitTable).highlighted_id() == "sadrists"
        # mark two factions and merge them into one bloc
        await go_to(pilot, screen, "badr")
        await pilot.press("v")
        await go_to(pilot, screen, "isci")
        await pilot.press("v")
        assert screen.marked == ["badr", "isci"]
        await pilot.press("m")
        assert "badr+isci" in row_ids(screen)
        assert seats(screen)["badr+isci"] == "17"
        assert screen.marked == []
        await pilot.press("u", "u")
        assert "ina" in row_ids(screen)
        # a unit without factions cannot be split (the key is greyed out)
        await go_to(pilot, screen, "kig")
        await pilot.press("s")
        assert "kig" in row_ids(screen)


async def test_merge_the_members_into_the_national_alliance(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_builder(pilot)
        await put_in(pilot, screen, "sol", "ina")
        await pilot.press("m")
        assert "national_alliance" in row_ids(screen)
        assert seats(screen)["national_alliance"] == "159"
        assert screen.evaluation.members == ["national_alliance"]
        await pilot.press("x")
        assert screen.evaluation.members == []
        await pilot.press("u")
        assert screen.evaluation.members == ["national_alliance"]


async def test_completions_for_iraqiya_alone_and_applying_one(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_builder(pilot)
        await put_in(pilot, screen, "iraqiya")
        ev = screen.evaluation
        assert ev.completions
        options = screen.query_one(CompletionList)
        prompts = [plain(o.prompt) for o in options.options]
        assert prompts[0].startswith("Absolute majority (163), 72 short:")
        first = ev.completions[0]
        assert first.threshold == "majority"
        listed = [p for p in prompts if p.startswith("1 ")]
        assert listed and "→" in listed[0] and listed[0].startswith("1 ✔ add ")
        await pilot.press("1")
        after = screen.evaluation
        assert set(after.members) == {"iraqiya", *first.add}
        assert after.low == first.seats
        await pilot.press("u")  # one completion is one step to undo
        assert screen.evaluation.members == ["iraqiya"]
        # Enter on a completion in the list applies it too
        options.focus()
        await pilot.pause()
        await pilot.press("enter")
        assert len(screen.evaluation.members) > 1


async def test_power_panel_sums_to_one_hundred_percent(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_builder(pilot)
        await pilot.press("i")
        rows = screen.query_one(PowerPanel).rows
        assert len(rows) == len(app.state.picture.units)
        assert sum(r.banzhaf for r in rows) == 1
        assert sum(r.shapley for r in rows) == 1
        assert sum(r.f_banzhaf for r in rows) == 1
        text = shown(screen, PowerPanel)
        shares = [float(w[:-1]) for line in text.splitlines() for w in line.split()
                  if w.endswith("%")]
        assert abs(sum(shares[0::4]) - 100) < 0.5  # the Banzhaf column as shown
        await choose_pm(pilot, "maliki")
        rows = screen.query_one(PowerPanel).rows
        assert sum(r.banzhaf for r in rows) == 1
        if rows[0].f_banzhaf is not None:  # some feasible coalition reaches 163
            assert sum(r.f_banzhaf for r in rows) == 1
            assert sum(r.f_shapley for r in rows) == 1


async def test_sync_follows_a_date_change(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_builder(pilot)
        await put_in(pilot, screen, "sol")
        app.set_date(date(2010, 6, 15))
        await pilot.pause()
        assert "national_alliance" in row_ids(screen)
        assert seats(screen)["national_alliance"] == "159"
        # members are kept across dates: SoL is still in, inside the National Alliance
        assert screen.evaluation.members == ["sol"]
        assert screen.evaluation.low == 89
        rows = {r.id: r for r in screen.query_one(UnitTable).rows_shown}
        assert rows["national_alliance"].partial and not rows["national_alliance"].member
        assert "89 seats" in bar_text(screen)
        assert screen.query_one(UnitTable).highlighted_id() in row_ids(screen)
        # putting the bloc in takes SoL with it
        await put_in(pilot, screen, "national_alliance")
        assert screen.evaluation.members == ["national_alliance"]
        assert screen.evaluation.low == 159
        # undo steps back through the bloc, then back across the date change
        await pilot.press("u", "u")
        assert app.on == APRIL
        assert "sol" in row_ids(screen) and "national_alliance" not in row_ids(screen)


async def test_names_are_shown_literally(tmp_path):
    atlas = Atlas(load_pack(markup_pack(tmp_path)))
    app = make_app(atlas=atlas)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_builder(pilot)
        await put_in(pilot, screen, "reds", "blues")
        table = screen.query_one(UnitTable)
        names = [plain(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert any("Red [bold]List[/bold]" in n for n in names)
        assert "Red [bold]List[/bold]" in shown(screen, TensionPanel)


# -- snapshots ------------------------------------------------------------------------------------
def builder_app(bundled_atlas):
    return make_app(atlas=bundled_atlas, on=APRIL)


def test_snapshot_maliki_pm_120x40(snap_compare, bundled_atlas):
    async def run_before(pilot) -> None:
        screen = await open_builder(pilot)
        await put_in(pilot, screen, "sol", "ina", "kurdistan_alliance")
        await choose_pm(pilot, "maliki")
        await pilot.pause()

    assert snap_compare(builder_app(bundled_atlas), run_before=run_before, terminal_size=SIZE)


def test_snapshot_power_120x40(snap_compare, bundled_atlas):
    async def run_before(pilot) -> None:
        screen = await open_builder(pilot)
        await put_in(pilot, screen, "sol", "ina")
        await go_to(pilot, screen, "kurdistan_alliance")
        await pilot.press("s", "i")
        await pilot.pause()

    assert snap_compare(builder_app(bundled_atlas), run_before=run_before, terminal_size=SIZE)


def test_snapshot_iraqiya_80x24(snap_compare, bundled_atlas):
    async def run_before(pilot) -> None:
        screen = await open_builder(pilot)
        await put_in(pilot, screen, "iraqiya")
        await pilot.pause()

    assert snap_compare(builder_app(bundled_atlas), run_before=run_before,
                        terminal_size=(80, 24))


async def test_every_completion_shown_is_shown_to_its_last_line(bundled_atlas):
    """At 100×30 in presentation mode the completions list gets its scroll bar after its
    options were measured: no completion may lose its last line ("(2) → 218") to the bar."""
    app = make_app(atlas=bundled_atlas, on=APRIL, present=True)
    async with app.run_test(size=(100, 30)) as pilot:
        app.state.add_many(["sol", "ina", "kurdistan_alliance"])
        await pilot.press("c")
        await pilot.pause(0.2)
        listing = app.screen.query_one(CompletionList)
        assert listing.max_scroll_y > 0  # the list scrolls: the case that lost a line
        shown = " ".join(" ".join(listing.render_line(y).text.split())
                         for y in range(listing.scrollable_content_region.height))
        prompts = [" ".join(option.prompt.plain.split()) for option in listing.options]
        followed = [(this, after) for this, after in zip(prompts, prompts[1:], strict=False)
                    if " ".join(after.split()[:3]) in shown]
        assert len(followed) >= 3
        for this, after in followed:  # an option whose successor shows is shown in full
            assert f"{this} {' '.join(after.split()[:3])}" in shown, this
