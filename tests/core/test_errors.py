"""Engine lookups fail with typed errors whose text reads as a sentence."""

from __future__ import annotations

import pytest

from explorer.core.coalition import CoalitionState, member_id
from explorer.core.errors import UnknownMember, UnknownThreshold
from explorer.core.game import power


def test_an_unknown_member_is_a_lookup_error_with_a_plain_message(mini_atlas):
    state = CoalitionState(mini_atlas, mini_atlas.pack.default_date)
    with pytest.raises(UnknownMember) as caught:
        member_id(mini_atlas, state.picture, "nobody_at_all")
    assert isinstance(caught.value, LookupError)
    assert str(caught.value).startswith("nobody called 'nobody_at_all'")
    assert caught.value.name == "nobody_at_all"


def test_an_unknown_threshold_lists_the_known_ones(mini_atlas):
    state = CoalitionState(mini_atlas, mini_atlas.pack.default_date)
    with pytest.raises(UnknownThreshold) as caught:
        power(mini_atlas, state.picture, "supermajority")
    known = [t.id for t in mini_atlas.pack.thresholds]
    assert caught.value.known == tuple(known)
    assert all(k in str(caught.value) for k in known)
    assert not str(caught.value).startswith("'")
