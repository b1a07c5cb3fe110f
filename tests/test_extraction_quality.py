"""Extraction quality, scored by `geokg eval` on the gold sets, held at the issue's targets.

The development corpus lives beside the repository (`../shared/devcorpus`, present in CI);
the second set, written independently of the extractor, is in `data/eval`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geokg import PROJECT_ROOT
from geokg.evaluation.gold import run_eval

DEVCORPUS = PROJECT_ROOT.parent / "shared" / "devcorpus" / "gold.json"
SECOND_SET = PROJECT_ROOT / "data" / "eval" / "gold.json"


@pytest.fixture(scope="module")
def devcorpus_report():  # type: ignore[no-untyped-def]
    if not DEVCORPUS.exists():
        pytest.skip(f"development corpus not found at {DEVCORPUS}")
    report, _ = run_eval(DEVCORPUS)
    return report


def test_devcorpus_events_meet_the_targets(devcorpus_report) -> None:  # type: ignore[no-untyped-def]
    assert devcorpus_report.micro.f1 >= 0.85
    for event_type, counts in devcorpus_report.by_type.items():
        assert counts.f1 >= 0.75, f"{event_type}: F1 {counts.f1:.2f}"


def test_devcorpus_entities_and_dates_meet_the_targets(devcorpus_report) -> None:  # type: ignore[no-untyped-def]
    assert devcorpus_report.entities.precision >= 0.95
    assert devcorpus_report.entities.recall >= 0.90
    assert devcorpus_report.date_accuracy >= 0.90


def test_second_set_does_not_regress(tmp_path: Path) -> None:
    report, predictions = run_eval(SECOND_SET)
    assert not [p.error for p in predictions if p.error], "an article was rejected"
    assert report.micro.f1 >= 0.80, f"micro F1 {report.micro.f1:.2f}"
    assert report.entities.precision >= 0.95
