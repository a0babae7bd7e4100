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
    assert canonical_measure(label) == measure


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
    assert canonical_statistic(label) == statistic


def test_questions_use_the_same_synonyms() -> None:
    assert "anti social behaviour" not in canonical_text("Anti-social behaviour calls")
    assert (
        canonical_text("ASB calls")
        == canonical_text("anti-social behaviour calls")
        == "asb incidents"
    )
    assert (
        known_measure("How many thefts from motor vehicles were recorded?")
        == "theft from motor vehicle"
    )
    assert known_measure("the PAS results") is None  # a survey, not a measure
    assert known_measure("the weekly DV figures") == "domestic violence"


def test_places_and_bodies() -> None:
    assert area_name("Hammersmith & Fulham") == "Hammersmith & Fulham"
    assert area_name("MPS") == "MPS"
    assert area_name("LBB") == area_name("Barnet Council (community safety spend)") == "Council"
    assert area_name("Residential Burglary") is None
    assert areas_in("Barnet against London and England") == ["Barnet", "London", "England"]
