"""Colours with a meaning come from the theme when painted: switching the theme recolours the
widgets that show them, with no redraw asked for by anyone (explorer/tui/meaning.py)."""

from __future__ import annotations

from datetime import date

import pytest
from tui_helpers import painted

from explorer.tui.app import make_app
from explorer.tui.meaning import MEANING_COLORS, MEANING_CSS, meaning_variables, solid

APRIL = date(2010, 4, 1)
SIZE = (120, 40)


async def wait_for(pilot, test, tries: int = 50):
    for _ in range(tries):
        if test():
            return
        await pilot.pause()
    raise AssertionError("the screen never got there")


def test_every_meaning_is_a_solid_colour_of_the_theme():
    variables = {"text-success": "#00ff00", "text-error": "#FF000080",
                 "background": "#000000"}
    made = meaning_variables(variables)
    assert set(made) == set(MEANING_COLORS)
    assert made["verdict-yes"] == "#00FF00"
    assert made["verdict-no"] == solid(variables, "text-error") == "#800000"  # laid over black
    assert meaning_variables(variables, {"verdict-yes": "#123456"})["verdict-yes"] == "#123456"


async def test_the_meaning_variables_follow_the_theme(bundled_atlas):
    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        dark = dict(app.theme_variables)
        app.theme = "projector"
        await pilot.pause()
        projector = app.theme_variables
        for name in MEANING_COLORS:
            assert name in dark and name in projector
        assert projector["verdict-yes"] == "#33FF77"  # the projector's text-success
        assert dark["verdict-yes"] != projector["verdict-yes"]


@pytest.mark.parametrize("theme", ["projector", "textual-light"])
async def test_a_theme_change_recolours_the_builder_without_a_redraw(bundled_atlas, theme):
    from explorer.tui.coalition_panels import CompletionList, UnitTable, VerdictPanel
    from explorer.tui.coalition_screen import CoalitionScreen
    from explorer.tui.seatbar import SeatBar

    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        await app.switch_mode("coalition")
        await wait_for(pilot, lambda: isinstance(app.screen, CoalitionScreen)
                       and app.screen.evaluation is not None)
        screen = app.screen
        app.state.add_many(["sol", "ina", "kurdistan_alliance"])  # 202: one line reached
        app.state.set_pm("maliki")
        await wait_for(pilot, lambda: "✔" in str(screen.query_one(VerdictPanel).render_line(0)))
        before = dict(app.theme_variables)
        bar, verdicts = screen.query_one(SeatBar), screen.query_one(VerdictPanel)
        completions, units = screen.query_one(CompletionList), screen.query_one(UnitTable)
        assert painted(verdicts, "✔") == {before["verdict-yes"].lower()}
        assert painted(bar, "✘") == {before["verdict-no"].lower()}
        assert painted(units, "★") == {before["candidate"].lower()}
        assert before["highlight"].lower() in painted(completions, "1")
        drawn = screen.timings

        app.theme = theme
        await pilot.pause()
        await pilot.pause()
        after = app.theme_variables
        assert after["verdict-yes"] != before["verdict-yes"]
        assert screen.timings is drawn  # the screen did not redraw: Textual repainted
        assert painted(verdicts, "✔") == {after["verdict-yes"].lower()}
        assert painted(bar, "✘") == {after["verdict-no"].lower()}
        assert painted(units, "★") == {after["candidate"].lower()}
        assert after["highlight"].lower() in painted(completions, "1")


async def test_a_theme_change_recolours_the_actor_page_and_the_timeline(bundled_atlas):
    from explorer.tui.actor_page import ActorPage
    from explorer.tui.browse_screen import ExploreScreen
    from explorer.tui.meaning import stance_meaning

    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExploreScreen))
        app.screen.visit("maliki")
        await pilot.pause()
        page = app.screen.query_one(ActorPage)
        stances = {link.type.stance for link in page.links.values()}
        assert len(stances) >= 2  # the arrows of several stances are on the page

        def arrows(variables) -> set[str]:
            return {variables[stance_meaning(s)].lower() for s in stances}

        before = dict(app.theme_variables)
        assert painted(page, "→") and painted(page, "→") <= arrows(before)
        assert before["highlight"].lower() in painted(page, "R")  # the RELATIONSHIPS heading
        app.theme = "projector"
        await pilot.pause()
        await pilot.pause()
        after = app.theme_variables
        assert painted(page, "→") and painted(page, "→") <= arrows(after)
        assert not painted(page, "→") & arrows(before)
        assert after["highlight"].lower() in painted(page, "R")

        await pilot.press("t")  # the timeline: Now in the highlight colour, then a theme change
        from explorer.tui.timeline import TimelineScreen

        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen))
        events = app.screen.query_one("#events")
        assert after["highlight"].lower() in painted(events, "▶")
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert painted(events, "▶") == {app.theme_variables["highlight"].lower()}


async def test_a_theme_change_recolours_the_map_around_an_actor(bundled_atlas):
    from explorer.tui.actor_map import ActorMapScreen, ActorMapView
    from explorer.tui.browse_screen import ExploreScreen

    app = make_app(atlas=bundled_atlas, on=APRIL)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExploreScreen))
        app.screen.visit("maliki")
        await pilot.pause()
        await pilot.press("M")
        await wait_for(pilot, lambda: isinstance(app.screen, ActorMapScreen))
        head, view = app.screen.query_one("#am-head"), app.screen.query_one(ActorMapView)
        for theme in ("projector", "textual-light"):
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            colors = app.theme_variables
            legend = {colors[f"stance-{s}"].lower()
                      for s in ("hostile", "friendly", "influence", "neutral", "structure")}
            assert painted(head, "━") == legend  # the legend, one colour a stance
            assert colors["highlight"].lower() in {  # the selected actor's label
                s.style.bgcolor.triplet.hex for y in range(view.size.height)
                for s in view.render_line(y) if s.style and s.style.bgcolor}


class Drawings:
    """An option list of three drawings that count how often they are drawn."""

    def __init__(self):
        from textual.app import App
        from textual.widgets.option_list import Option

        from explorer.tui.meaning import DrawnWhenPainted, MeaningOptionList

        self.draws = [0, 0, 0]
        counts = self.draws

        def draw(i: int, widget):
            def make():
                from rich.text import Text

                counts[i] += 1
                return Text(f"drawing {i} " * 20, style=widget.ink("verdict-yes"))
            return make

        class Page(MeaningOptionList):
            pass

        class DrawingsApp(App):
            CSS = MEANING_CSS

            def get_css_variables(self):
                variables = super().get_css_variables()
                variables.update(meaning_variables(variables, self.current_theme.variables))
                self.theme_variables = variables
                return variables

            def compose(self):
                page = Page()
                page.add_options([Option(DrawnWhenPainted(draw(i, page))) for i in range(3)])
                yield page

        self.app = DrawingsApp()


async def test_a_drawing_is_drawn_once_per_theme_and_width_however_often_it_is_painted():
    from textual.widgets import OptionList

    drawings = Drawings()
    app = drawings.app
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        page = app.query_one(OptionList)
        first = list(drawings.draws)
        assert all(n >= 1 for n in first)
        for index in (0, 1, 2, 0):  # each move repaints two options in another style
            page.highlighted = index
            await pilot.pause()
        assert drawings.draws == first  # measured, painted, highlighted: not drawn again
        lines = [page.render_line(y).text for y in range(page.size.height)]
        assert any("drawing 1" in line for line in lines)
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        assert all(after > before for after, before in zip(drawings.draws, first, strict=True))
        assert painted(page, "d") == {app.theme_variables["verdict-yes"].lower()}
        themed = list(drawings.draws)
        await pilot.resize_terminal(40, 20)
        await pilot.pause()
        await pilot.pause()
        assert all(after > before for after, before in zip(drawings.draws, themed, strict=True))


def test_a_drawing_prints_as_a_rich_renderable_away_from_an_app():
    import io

    from rich.console import Console
    from rich.text import Text

    from explorer.tui.meaning import DrawnWhenPainted

    console = Console(width=30, file=io.StringIO(), record=True, color_system=None)
    console.print(DrawnWhenPainted(lambda: Text("a drawing " * 5)))
    assert console.export_text().split() == ["a", "drawing"] * 5
