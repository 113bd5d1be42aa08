"""The two inspection frameworks and their words: one vocabulary, keyed on the framework.

2016: the joint local area SEND inspection (Ofsted and CQC, 2016 to 2022): areas of significant
weakness, a Written Statement of Action, a revisit judging "sufficient progress" per weakness and
an Accelerated Progress Plan where progress was insufficient.

2023: the *Area SEND inspections: framework and handbook* (Ofsted and CQC, from January 2023,
last updated June 2025): one of three outcomes, areas for priority action and areas for
improvement (each naming the partner or partners to act), an updated strategic plan (every
outcome) and a priority action plan (area SEND) for the third outcome, a monitoring inspection,
annual engagement meetings and the next full inspection.

Pages, the readiness pack, dashboards and reports take every such word from ``vocabulary``.
The default timescales (``MONITORING_MONTHS``, ``NEXT_INSPECTION_MONTHS``) and their sources are
stated in ``docs/domain.md``; each inspection may set its own.
"""

from dataclasses import dataclass

FRAMEWORK_2016 = "2016"
FRAMEWORK_2023 = "2023"

# The three outcomes of the 2023 framework, in the handbook's words (stored as "1", "2", "3").
OUTCOME_WORDS = {
    "1": (
        "The local area partnership's SEND arrangements typically lead to positive experiences "
        "and outcomes for children and young people with SEND. The local area partnership is "
        "taking action where improvements are needed."
    ),
    "2": (
        "The local area partnership's arrangements lead to inconsistent experiences and outcomes "
        "for children and young people with SEND. The local area partnership must work jointly "
        "to make improvements."
    ),
    "3": (
        "There are widespread and/or systemic failings leading to significant concerns about the "
        "experiences and outcomes of children and young people with SEND, which the local area "
        "partnership must address urgently."
    ),
}

# Defaults, in months after the report (or the inspection's last day): see docs/domain.md.
MONITORING_MONTHS = 18  # the monitoring inspection, outcome 3 (and where the handbook calls for it)
NEXT_INSPECTION_MONTHS = {"1": 60, "2": 36, "3": 36}  # the next full inspection


@dataclass(frozen=True)
class Vocabulary:
    framework: str
    inspection: str  # what the inspection is called
    partnership: str  # who is inspected
    health_partner: str
    finding: str  # a finding, in general
    findings: str
    plan: str  # the plan that answers the findings
    follow_up: str  # what judges progress on the findings
    progress_question: str

    def finding_kind(self, kind: str) -> str:
        """A finding of ``kind`` (AreaOfWeakness.Kind), lower case."""
        return FINDING_KIND_WORDS.get(kind, self.finding)


FINDING_KIND_WORDS = {
    "significant_weakness": "area of weakness",
    "priority_action": "area for priority action",
    "improvement": "area for improvement",
}

VOCABULARIES = {
    FRAMEWORK_2016: Vocabulary(
        framework=FRAMEWORK_2016,
        inspection="joint local area SEND inspection",
        partnership="local area",
        health_partner="CCG",
        finding="area of weakness",
        findings="areas of weakness",
        plan="Written Statement of Action",
        follow_up="revisit",
        progress_question="Did the inspectors judge sufficient progress?",
    ),
    FRAMEWORK_2023: Vocabulary(
        framework=FRAMEWORK_2023,
        inspection="area SEND inspection",
        partnership="local area partnership",
        health_partner="ICB",
        finding="finding",
        findings="areas for priority action and areas for improvement",
        plan="updated strategic plan",
        follow_up="monitoring inspection",
        progress_question="Did the inspectors find that the local area partnership has made "
        "enough progress?",
    ),
}


def vocabulary(framework: str | None) -> Vocabulary:
    """The words of ``framework`` ("2016" or "2023"); the 2016 words when it is unknown."""
    return VOCABULARIES.get(str(framework or FRAMEWORK_2016), VOCABULARIES[FRAMEWORK_2016])
