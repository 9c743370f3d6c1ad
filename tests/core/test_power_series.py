"""Power over time on the bundled pack: one point per event date, the known turns."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.core.power_series import event_dates, power_series


def test_one_point_per_event_date(bundled_atlas):
    series = power_series(bundled_atlas)
    days = sorted({e.date.start for e in bundled_atlas.pack.events})
    assert [p.on for p in series.points] == days
    june = next(p for p in series.points if p.on == date(2010, 6, 1))
    assert len(june.events) == len([e for e in bundled_atlas.pack.events
                                    if e.date.start == date(2010, 6, 1)])


def test_indices_sum_to_one_where_someone_is_pivotal(bundled_atlas):
    for point in power_series(bundled_atlas, "two_thirds").points:
        if point.units:
            assert sum(u.banzhaf for u in point.units) == 1
            assert sum(u.shapley_shubik for u in point.units) == 1


def test_the_national_alliance_takes_the_table_between_april_and_june(bundled_atlas):
    series = power_series(bundled_atlas)
    april = series.points[series.index_of(date(2010, 4, 1))]
    june = series.points[series.index_of(date(2010, 6, 14))]
    assert april.unit("national_alliance") is None and april.unit("sol") is not None
    na = june.unit("national_alliance")
    assert na is not None and na.seats == 159 and june.unit("sol") is None
    assert series.values("national_alliance")[series.index_of(date(2010, 4, 1))] is None


def test_the_sadrists_gain_power_under_maliki_in_october(bundled_atlas):
    """Split out of the blocs, the Sadrists stop refusing Maliki on 1 October 2010: in the
    feasible game under him their index (and State of Law's) rises on that date."""
    series = power_series(bundled_atlas, pm="maliki", feasible=True,
                          splits=("national_alliance", "ina"))
    before = series.points[series.index_of(date(2010, 9, 30))]
    after = series.points[series.index_of(date(2010, 10, 1))]
    assert after.on == date(2010, 10, 1)
    assert after.unit("sadrists").banzhaf > before.unit("sadrists").banzhaf
    assert after.unit("sol").banzhaf > before.unit("sol").banzhaf


def test_unknown_threshold_is_a_key_error(bundled_atlas):
    with pytest.raises(KeyError):
        power_series(bundled_atlas, "nope")


def test_event_dates_group_the_events_of_a_day(bundled_atlas):
    days = event_dates(bundled_atlas)
    assert sum(len(events) for _, events in days) == len(bundled_atlas.pack.events)
    assert [d for d, _ in days] == sorted({d for d, _ in days})


@pytest.mark.parametrize("options", [{}, {"pm": "maliki", "feasible": True},
                                     {"feasible": True, "splits": ("national_alliance", "ina")}])
def test_every_point_is_the_game_of_its_own_date(bundled_atlas, options):
    """Dates with nothing changed since the previous event reuse its indices: check each point
    against the voting game computed afresh on that date."""
    from explorer.core.game import power
    from explorer.core.power_series import picture_on

    series = power_series(bundled_atlas, **options)
    for point in series.points:
        picture = picture_on(bundled_atlas, point.on, options.get("splits", ()))
        fresh = power(bundled_atlas, picture, "majority", pm=options.get("pm"),
                      feasible=options.get("feasible", False))
        assert [(u.id, u.banzhaf, u.shapley_shubik) for u in point.units] == [
            (u.id, b, s) for u, b, s in zip(picture.units, fresh.banzhaf, fresh.shapley_shubik,
                                            strict=True)]
