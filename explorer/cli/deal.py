"""`explorer deal`: a deal's verdicts, shares and whether the government forms; `--actual` the
real allocation of the pack (deal.toml)."""

from __future__ import annotations

from explorer.cli.support import CliError, add_common, console, print_json, run


def what_eg(kind: str) -> str:
    return "speaker=NAME" if kind == "give" else "POLICY NAME=NAME"


def _pairs(atlas, picture, coalition, items, kind):
    """POST=ACTOR (or POLICY=ACTOR) options as (id, member) pairs, with clear errors."""
    from explorer.cli.support import resolve
    from explorer.core.deals import DealError, find_policy, find_post, resolve_member

    neg = atlas.pack.negotiation
    out = []
    for item in items:
        if "=" not in item:
            want = "POST=ACTOR" if kind == "give" else "POLICY=ACTOR"
            raise CliError(f"--{kind} wants {want}, e.g. --{kind} '{what_eg(kind)}'; "
                           f"got {item!r}")
        what, who = (s.strip() for s in item.split("=", 1))
        try:
            found = find_post(neg, what, picture.on) if kind == "give" else find_policy(neg, what)
            member = resolve_member(atlas, picture, coalition, resolve(atlas, who).id)
        except DealError as exc:
            raise CliError(str(exc)) from None
        out.append((found, member))
    return out


def terms_from_args(atlas, picture, coalition, give: list[str], promise: list[str]):
    """The Terms of --give POST=ACTOR and --promise POLICY=ACTOR options (CliError if wrong)."""
    from explorer.core.coalition import name_of
    from explorer.core.deals import DealError, Terms

    if (give or promise) and atlas.pack.negotiation is None:
        raise CliError("this pack has no posts.toml: nothing to give or promise")
    neg = atlas.pack.negotiation
    terms = Terms()
    try:
        for post, member in _pairs(atlas, picture, coalition, give, "give"):
            if terms.holder(post) is not None:
                names = [name_of(atlas, picture, m) for m in (terms.holder(post), member)]
                raise CliError(f"--give hands out {neg.posts[post].name} twice (to "
                               f"{names[0]} and {names[1]}); a post has one holder")
            terms = terms.give(post, member)
        for policy, member in _pairs(atlas, picture, coalition, promise, "promise"):
            terms = terms.promise(policy, member)
    except DealError as exc:
        raise CliError(f"{exc}") from None
    return terms


@run
def cmd_deal(args) -> int:
    from explorer.cli.coalition import _threshold, members_on, table_setup
    from explorer.core.coalition import Coalition
    from explorer.core.deals import evaluate_deal

    atlas, on, picture, pm = table_setup(args)
    neg = atlas.pack.negotiation
    if neg is None:
        raise CliError("this pack has no posts.toml: nothing to bargain over")
    if args.actual:
        return _actual(atlas, args)
    if not args.members:
        raise CliError("name the members of the deal (or --actual for the real one)")
    if not pm:
        raise CliError("--pm PERSON is needed: a deal names its prime minister")
    threshold = _threshold(atlas, args.threshold)
    coalition = Coalition(tuple(members_on(atlas, args.members, on)), pm)
    terms = terms_from_args(atlas, picture, coalition, args.give, args.promise)
    result = evaluate_deal(atlas, picture, coalition, terms, threshold.id)
    if args.json:
        return print_json(result.as_json())
    _print(atlas, result)
    return 0


def _print(atlas, result, title: str | None = None) -> None:
    from rich.text import Text

    out = console()
    if title:
        out.print(Text(title, style="bold"))
    pm = atlas.actor(result.pm).name if result.pm in atlas.pack.actors else result.pm
    out.print(Text(f"On {result.on}: PM {pm}; {result.low} seats of the {result.need} needed; "
                   f"tolerance {result.tolerance:.0%} of the seat share", style="bold"))
    neg = atlas.pack.negotiation
    for v in result.verdicts:
        posts = ", ".join(neg.posts[p].name for p in v.posts) or "no post"
        promised = ", ".join(neg.policies[p].name for p in v.promises)
        out.print(Text(f"{v.name}: {'accepts' if v.accepts else 'refuses'}",
                       style="green" if v.accepts else "red"))
        out.print(Text(f"  posts: {posts}" + (f"; promised: {promised}" if promised else "")))
        out.print(Text(f"  weight {v.weight:g} = {v.weight_share:.0%}; seats {v.seats} = "
                       f"{v.seat_share:.0%} (Gamson's law); Banzhaf {v.banzhaf_share:.0%}; "
                       f"wants at least {v.floor:.0%}"))
        for r in v.reasons:
            mark = "ok " if r.ok else ("-  " if r.kind == "wish" else "NO ")
            src = f" [{'; '.join(r.sources)}]" if r.sources else ""
            out.print(Text(f"    {mark}{r.kind}: {r.text}{src}"))
    for p in result.problems:
        out.print(Text(f"Problem: {p.text}", style="red"))
    out.print(Text("The government forms." if result.formed else "The government does not form.",
                   style="bold green" if result.formed else "bold red"))


def _actual(atlas, args) -> int:
    from rich.text import Text

    from explorer.core.deal_actual import actual_json, judge_actual

    neg = atlas.pack.negotiation
    if neg.actual is None:
        raise CliError("this pack records no real deal (deal.toml)")
    if args.json:
        return print_json(actual_json(atlas))
    real = neg.actual
    out = console()
    out.print(Text(f"{real.title} ({real.date})", style="bold"))
    out.print(Text(" ".join(real.summary.split())))
    for a in real.allocations:
        holder = atlas.actor(a.holder).name
        note = f" — {a.note}" if a.note else ""
        out.print(Text(f"  {neg.posts[a.post].name}: {a.person}, {holder} ({a.date}){note} "
                       f"[{'; '.join(a.sources)}]"))
    for p in real.promises:
        out.print(Text(f"  promised {neg.policies[p.policy].name} to {atlas.actor(p.to).name} "
                       f"({p.date}): {p.note} [{'; '.join(p.sources)}]"))
    _print(atlas, judge_actual(atlas), "How the model judges it:")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("deal", help="judge a deal: posts, promises, each member's verdict")
    add_common(p)
    p.add_argument("members", nargs="*", metavar="MEMBER", help="lists, blocs, factions, people")
    p.add_argument("--pm", metavar="PERSON", help="the PM candidate")
    p.add_argument("--give", action="append", default=[], metavar="POST=ACTOR",
                   help="give a post to a member (repeatable)")
    p.add_argument("--promise", action="append", default=[], metavar="POLICY=ACTOR",
                   help="promise a policy to a member (repeatable)")
    p.add_argument("--threshold", default=None,
                   help="threshold id (default: the one a government needs)")
    p.add_argument("--actual", action="store_true", help="the real allocation of the pack")
    p.add_argument("--split", action="append", default=[], metavar="LIST",
                   help="split a list into its factions first")
    p.set_defaults(handler=cmd_deal)
