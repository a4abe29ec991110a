"""Confidence calibration: the isotonic fit and its application."""

from __future__ import annotations

from eventwire.calibration import Calibration, isotonic_fit, load_calibration


def test_isotonic_fit_pools_violators_into_a_non_decreasing_map():
    points = [(0.5, True), (0.5, False), (0.6, False), (0.6, False), (0.7, True), (0.7, True)]
    fit = isotonic_fit(points)
    assert list(fit.calibrated) == sorted(fit.calibrated)
    assert fit.calibrated[-1] == 1.0
    assert fit.apply(0.55) <= fit.apply(0.7)


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
