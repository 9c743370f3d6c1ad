"""What the deal panel shows: the player's terms (from the adventure, when it has run) judged on
the builder's coalition, and the pack's real allocation when asked."""

from __future__ import annotations


def draw_deal(screen) -> None:
    from explorer.core.deal_actual import judge_actual
    from explorer.core.deals import Terms, evaluate_deal
    from explorer.tui.deal_panel import DealPanel

    atlas = screen.atlas
    neg = atlas.pack.negotiation
    panel = screen.query_one(DealPanel)
    if neg is None:
        panel.show(None, None, str)
        return
    engine = getattr(screen.app, "deal_engine", None)
    terms = getattr(engine, "terms", None) or Terms()
    state = screen.state
    mine = evaluate_deal(atlas, state.picture, state.coalition, terms)

    def names(item: str) -> str:
        if item in neg.posts:
            return neg.posts[item].name
        return neg.policies[item].name if item in neg.policies else item

    actual = judge_actual(atlas) if screen.show_actual else None
    real = neg.actual
    title = f"{real.title} ({real.date})" if real else ""
    people = {a.post: a.person for a in real.allocations} if real else None
    panel.show(mine, actual, names, title, people)
