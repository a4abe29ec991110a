"""Confidence calibration: the isotonic fit and its application."""

from __future__ import annotations

from eventwire.calibration import MIN_BIN, Calibration, isotonic_fit, load_calibration


def test_isotonic_fit_pools_violators_into_a_non_decreasing_map():
    # three bins of MIN_BIN events: right 50%, right 25% (a violator, pooled), right 100%
    n = MIN_BIN
    points = [(0.5, i % 2 == 0) for i in range(n)] + [(0.6, i % 4 == 0) for i in range(n)] + [(0.7, True)] * n
    fit = isotonic_fit(points)
    assert list(fit.calibrated) == sorted(fit.calibrated)
    assert len(fit.raw) == 2  # the first two bins pooled
    assert fit.calibrated[-1] == round((n + 1) / (n + 2), 3)  # smoothed: never a claim of certainty
    assert fit.apply(0.55) <= fit.apply(0.7)


def test_isotonic_fit_joins_a_short_tail_to_the_bin_before():
    points = [(0.1 * (i % 7), i % 3 == 0) for i in range(MIN_BIN + 5)]
    fit = isotonic_fit(points)
    assert len(fit.raw) == 1 and fit.calibrated[0] == round((sum(i % 3 == 0 for i in range(MIN_BIN + 5)) + 1)
                                                            / (MIN_BIN + 7), 3)


def test_apply_interpolates_and_clamps():
    calibration = Calibration((0.5, 0.7), (0.4, 0.8))
    assert calibration.apply(0.6) == 0.6000000000000001 or abs(calibration.apply(0.6) - 0.6) < 1e-9
    assert calibration.apply(0.1) == 0.4 and calibration.apply(0.99) == 0.8


def test_shipped_calibration_is_monotone_and_bounded():
    calibration = load_calibration()
    assert list(calibration.raw) == sorted(calibration.raw)
    assert list(calibration.calibrated) == sorted(calibration.calibrated)
    assert all(0.0 <= v <= 1.0 for v in calibration.calibrated)


def test_event_confidence_is_calibrated(pipeline):
    from eventwire.model import Article

    doc = pipeline(Article.create("France condemned the coup in Niger.", published="2023-07-27"))
    assert doc.events() and all(0.0 < e.confidence <= 1.0 for e in doc.events())
    raw = doc.frames[0].explain["raw_confidence"]
    assert doc.events()[0].confidence == round(load_calibration().apply(raw), 3)
    assert "typer reads 'condemn coup'" in doc.frames[0].explain["typer"]
