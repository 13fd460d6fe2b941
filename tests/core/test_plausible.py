"""Which culprits reach the resolver: those within PLAUSIBLE_RATIO of the diagnosis' best."""

from __future__ import annotations

from pytest_depfix.engine import _plausible
from pytest_depfix.models import Culprit


def _c(name, confidence):
    return Culprit(name, ">=1", confidence, [], "test")


def test_a_requirer_move_at_exactly_three_quarters_of_the_best_stays_an_alternative():
    # django-simple-email-confirmation 0.70 admits Django 3 (matrix, 0.6) beside a probe answer (0.8):
    # 0.8 * 0.75 is 0.6000000000000001 in floating point, which dropped it.
    kept = _plausible([_c("django", 0.8), _c("django-simple-email-confirmation", 0.6)])
    assert [c.name for c in kept] == ["django", "django-simple-email-confirmation"]


def test_a_guess_far_below_the_best_is_dropped():
    kept = _plausible([_c("a", 0.9), _c("b", 0.5), _c("c", 0.35)])
    assert [c.name for c in kept] == ["a"]
