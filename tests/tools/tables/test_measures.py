"""Measure and statistic names through the synonym table."""

from __future__ import annotations

import pytest

from board.measures import (
    area_name,
    areas_in,
    canonical_measure,
    canonical_statistic,
    canonical_text,
    known_measure,
)
from tests.profiles import BARNET


@pytest.mark.parametrize(
    ("label", "measure"),
    [
        ("TNO", "total notifiable offences"),
        ("Total Notifiable", "total notifiable offences"),
        ("Reduction of Total Crime (TNO)", "total notifiable offences"),
        ("Violence With Injury", "violence with injury"),
        ("Violent crime (VWI) 15", "violence with injury"),
        ("DV VWI", "domestic violence violence with injury"),
        ("Theft/Taking Of MV", "theft of motor vehicle"),
        ("Theft/Taking of Motor Vehicle", "theft of motor vehicle"),
        ("Theft From MV", "theft from motor vehicle"),
        ("Burglary In a Dwelling", "residential burglary"),
        ("Burglary - business and community", "non residential burglary"),
        ("MOPAC 7", "mopac 7"),
        ("3) Reduction in burglary", "burglary"),
        ("Racist & Religious", "racist and religious hate crime"),
        ("Number of residential burglaries", "residential burglary"),
        ("Other Tier 3 (cbv)", "other tier 3"),
    ],
)
def test_canonical_measures(label: str, measure: str) -> None:
    assert canonical_measure(label, profile=BARNET) == measure


@pytest.mark.parametrize(
    ("label", "statistic"),
    [
        ("% Chg", "% change"),
        ("% Change", "% change"),
        ("Change vs. previous yr.", "% change"),
        ("Actual reduction / increase %", "% change"),
        ("% change vs. 5 years ago", "% change vs 5 years ago"),
        ("SD Rate", "sanction detection rate"),
        ("Sanction Detection Rate", "sanction detection rate"),
        ("Sanction Detections", "sanction detections"),
        ("Offence Target", "target"),
        ("MOPAC Target (%)", "target"),
        ("Offences", "value"),
        ("Volume", "value"),
        ("Similar group rank", "similar group rank"),
        ("Year to Date ASB Incidents per 1000 population", "rate per 1000"),
    ],
)
def test_canonical_statistics(label: str, statistic: str) -> None:
    assert canonical_statistic(label, profile=BARNET) == statistic


def test_questions_use_the_same_synonyms() -> None:
    assert "anti social behaviour" not in canonical_text(
        "Anti-social behaviour calls", profile=BARNET
    )
    assert (
        canonical_text("ASB calls", profile=BARNET)
        == canonical_text("anti-social behaviour calls", profile=BARNET)
        == "asb incidents"
    )
    assert (
        known_measure("How many thefts from motor vehicles were recorded?", profile=BARNET)
        == "theft from motor vehicle"
    )
    assert known_measure("the PAS results", profile=BARNET) is None  # a survey, not a measure
    assert known_measure("the weekly DV figures", profile=BARNET) == "domestic violence"


def test_places_and_bodies() -> None:
    assert area_name("Hammersmith & Fulham", profile=BARNET) == "Hammersmith & Fulham"
    assert area_name("MPS", profile=BARNET) == "MPS"
    assert (
        area_name("LBB", profile=BARNET)
        == area_name("Barnet Council (community safety spend)", profile=BARNET)
        == "Council"
    )
    assert area_name("Residential Burglary", profile=BARNET) is None
    assert areas_in("Barnet against London and England", profile=BARNET) == [
        "Barnet",
        "London",
        "England",
    ]
