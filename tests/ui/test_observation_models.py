"""The observer's table models, checked without a view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.modeltest import ModelTester

from desktop.domain.enums import ObservationKind, Rating
from desktop.domain.records import Observation, RatingEntry
from desktop.domain.scenario import Objective, Team
from desktop.ui.observer.observation_model import ObservationModel
from desktop.ui.observer.rating_matrix_model import RatingMatrixModel, cell_rating

TEAMS = (
    Team("unct", "UN Country Team", ("undp",)),
    Team("humanitarian", "Humanitarian agencies", ("ocha",)),
)
OBJECTIVES = (
    Objective("access", "Principled access", "Humanitarian decision-making"),
    Objective("planning", "Integrated planning", "Whole-of-UN coherence"),
)


def _observation(number: int, *, voided: bool = False, at: int = 480) -> Observation:
    return Observation(
        id=f"o{number}",
        observer="Ana",
        team="humanitarian",
        objective="access",
        kind=ObservationKind.STRENGTH if number % 2 else ObservationKind.IMPROVEMENT,
        text=f"Observation number {number}",
        recorded_at=at,
        inject="conv-01" if number == 1 else None,
        voided=voided,
    )


def _rating(
    number: int,
    rating: Rating,
    *,
    final: bool = False,
    voided: bool = False,
    team: str = "humanitarian",
    objective: str = "access",
) -> RatingEntry:
    return RatingEntry(
        id=f"r{number}",
        observer="Ana",
        team=team,
        objective=objective,
        rating=rating,
        recorded_at=480 + number,
        final=final,
        voided=voided,
    )


def _matrix(ratings: list[RatingEntry]) -> RatingMatrixModel:
    model = RatingMatrixModel()
    model.set_axes(OBJECTIVES, TEAMS)
    model.set_rows(ratings)
    return model


def test_observation_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ObservationModel()
    model.set_names({team.id: team.name for team in TEAMS}, {"access": "Principled access"})
    model.set_rows([_observation(1), _observation(2, voided=True), _observation(3, at=500)])
    qtmodeltester.check(model)

    assert model.rowCount() == 3
    assert model.columnCount() == 7
    row = [model.index(0, column).data() for column in range(7)]
    assert row == [
        "D+0 08:00",
        "Ana",
        "Humanitarian agencies",
        "Principled access",
        "Strength",
        "conv-01",
        "Observation number 1",
    ]
    assert model.index(1, ObservationModel.KIND).data() == "Area for improvement"
    assert model.index(2, 0).data(ObservationModel.ObjectRole) == _observation(3, at=500)


def test_observation_model_strikes_out_voided_rows(qapp: object) -> None:
    model = ObservationModel()
    model.set_rows([_observation(1), _observation(2, voided=True)])

    standing = model.index(0, ObservationModel.TEXT).data(Qt.ItemDataRole.FontRole)
    voided = model.index(1, ObservationModel.TEXT).data(Qt.ItemDataRole.FontRole)
    assert standing is None
    assert isinstance(voided, QFont)
    assert voided.strikeOut()
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Void" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_observation_model_sorts_by_time_then_entry_order(qapp: object) -> None:
    model = ObservationModel()
    model.set_rows([_observation(1, at=500), _observation(2, at=480), _observation(3, at=480)])

    keys = [model.index(row, ObservationModel.TIME).data(model.SortRole) for row in range(3)]
    assert keys[1] < keys[2] < keys[0]


def test_rating_matrix_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = _matrix(
        [
            _rating(1, Rating.S),
            _rating(2, Rating.U, team="unct", objective="planning"),
            _rating(3, Rating.M, voided=True, team="unct"),
        ]
    )
    qtmodeltester.check(model)

    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "UN Country Team"
    assert model.headerData(1, Qt.Orientation.Vertical) == "Integrated planning"
    assert model.index(0, 1).data() == "S"
    assert model.index(1, 0).data() == "U"
    assert model.index(1, 1).data() is None


def test_rating_matrix_prefers_the_final_rating_to_the_latest(qapp: object) -> None:
    final = _rating(2, Rating.P, final=True)
    model = _matrix([_rating(1, Rating.S), final, _rating(3, Rating.U)])

    cell = model.index(0, 1)
    assert cell.data() == "P ✓"
    assert cell.data(RatingMatrixModel.ObjectRole) == final
    tooltip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.count("\n") == 2  # all three ratings are listed
    assert "final" in tooltip


def test_rating_matrix_without_a_final_follows_the_debrief_rule(qapp: object) -> None:
    """No final rating: the most frequent rating stands, ties to the worse (DESIGN.md)."""
    frequent = _matrix([_rating(1, Rating.S), _rating(2, Rating.S), _rating(3, Rating.U)])
    assert frequent.index(0, 1).data() == "S"  # not the latest (U)
    assert frequent.index(0, 1).data(RatingMatrixModel.ObjectRole).id == "r2"

    tied = _matrix([_rating(1, Rating.M), _rating(2, Rating.S)])
    assert tied.index(0, 1).data() == "M"  # the worse of a tie, not the latest
    assert tied.index(0, 1).data(RatingMatrixModel.SortRole) == 2


def test_rating_matrix_leaves_voided_ratings_out(qapp: object) -> None:
    model = _matrix(
        [
            _rating(1, Rating.S),
            _rating(2, Rating.P, final=True, voided=True),
            _rating(3, Rating.U, voided=True),
            _rating(4, Rating.M, voided=True, team="unct"),
        ]
    )

    assert model.index(0, 1).data() == "S"
    assert model.index(0, 0).data() is None
    assert "void" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(RatingMatrixModel.ObjectRole) is None


def test_cell_rating_with_nothing_standing() -> None:
    assert cell_rating([]) is None
    assert cell_rating([_rating(1, Rating.P, voided=True)]) is None
