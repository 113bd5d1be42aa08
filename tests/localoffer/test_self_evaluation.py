"""Kent's self-evaluation framework: a score and a comment per question, per strand, per year."""

import pytest
from django.urls import reverse

from localoffer.models import SelfEvaluation, SelfEvaluationAnswer, SelfEvaluationQuestion, Strand

pytestmark = pytest.mark.django_db


def answers(**overrides):
    data = {}
    for strand in Strand:
        for question in SelfEvaluationQuestion:
            data[f"score_{strand.value}_{question.value}"] = "3"
            data[f"comment_{strand.value}_{question.value}"] = ""
    data.update(overrides)
    return data


def test_questions_are_seed_004s():
    assert [q.value for q in SelfEvaluationQuestion] == ["A", "B", "C"]
    assert SelfEvaluationQuestion.A.label.startswith("How closely have educational settings")
    assert [s.label for s in Strand] == ["Content", "Engagement", "Governance"]


def test_record_and_change_a_year(client_for):
    client = client_for("officer")
    response = client.post(
        reverse("localoffer:self_evaluation_create"),
        answers(year="2026", score_governance_B="1", comment_governance_B="No SENCO on the board"),
    )
    assert response.status_code == 302
    evaluation = SelfEvaluation.objects.get(year=2026)
    assert evaluation.answers.count() == 9
    answer = evaluation.answers.get(strand="governance", question="B")
    assert (answer.score, answer.comment) == (1, "No SENCO on the board")
    page = client.get(reverse("localoffer:self_evaluation", args=[2026])).content.decode()
    assert "No SENCO on the board" in page and "1: Not in place" in page
    client.post(
        reverse("localoffer:self_evaluation_edit", args=[2026]), answers(score_governance_B="4")
    )
    assert SelfEvaluationAnswer.objects.get(strand="governance", question="B").score == 4
    assert SelfEvaluationAnswer.objects.count() == 9


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"year": ""}, "Enter the year"),
        ({"year": "twenty"}, "Enter the year as four digits"),
        ({"year": "1999"}, "Enter a year from 2014"),
        ({"year": "2026", "score_content_A": ""}, "Select a score for content, question A"),
        ({"year": "2026", "score_engagement_C": "9"}, "Select a valid choice"),
    ],
)
def test_form_errors(client_for, overrides, message):
    response = client_for("officer").post(
        reverse("localoffer:self_evaluation_create"), answers(**overrides)
    )
    assert message in response.content.decode()
    assert not SelfEvaluation.objects.exists()


def test_a_year_is_recorded_once(client_for):
    SelfEvaluation.objects.create(year=2025)
    response = client_for("officer").post(
        reverse("localoffer:self_evaluation_create"), answers(year="2025")
    )
    assert "There is already a self-evaluation for 2025" in response.content.decode()
