"""Demo minutes: the Essex SEND Headteacher Round Table of 21 February 2018 (source 000 in docs/domain.md), in full.

Attendance, apologies, numbered items and discussion, what was agreed (including the draft
position statement), the action arising, next steps and the three future meeting dates are the
minutes' own words. Areas follow the core demo: Honywood School, listed as "(North West)", sits
in West; Tanglewood Nursery and the officers have no area in the minutes, so none is set.
Idempotent: running it again changes nothing.
"""

import datetime

from django.utils import timezone

from send_portal.core.models import Area
from workstreams.meetings.models import (
    ActionArising,
    Attendee,
    Decision,
    Group,
    Meeting,
    MinuteItem,
    NextStep,
)

TITLE = "SEND Strategy – Headteacher Round Table"

# (name, role, organisation, area)
ATTENDED = [
    ("Clare Kershaw", "Director of Education", "", None),
    ("Ruth Sturdy", "ECC Lead School Effectiveness Partner – Inclusion", "", None),
    ("Harriet Phelps-Knights", "EPHA Chair/Headteacher", "Janet Duke Primary", "South"),
    ("Pam Langmead", "EPHA Professional Officer", "", None),
    ("Debs Watson", "Headteacher", "Tanglewood Nursery", None),
    ("David Rogers", "Headteacher", "Bentfield Primary and Enhanced Provision", "West"),
    ("Joanne Newitt", "Headteacher", "Willow Brook Primary", "North East"),
    ("Teresa Phillips", "Headteacher", "Thomas Willingale Primary", "West"),
    ("Matt O’Grady", "Headteacher", "West Horndon Primary", "South"),
    ("Helen Dudley-Smith", "Previous Essex primary headteacher", "", None),
    ("Simon Thompson", "ASHE Executive Director", "", None),
    ("Simon Mason", "Headteacher", "Honywood School", "West"),
    ("Jo Hickford", "", "Honywood School", "West"),
    ("Andy Hodgkinson", "Headteacher", "Sweyne Park School", "South"),
    ("Helena Boast", "Headteacher", "The Thomas Lord Audley School", "North East"),
    ("Scott Holder", "Headteacher", "The Stanway School", "North East"),
    ("Jennifer Grotier", "Headteacher", "Shorefields School", "North East"),
]
APOLOGIES = [
    ("Catherine Hutley", "Headteacher", "Philip Morant School and College", "North East"),
    ("Andrew Smith", "CEO/Headteacher", "Lyons Hall", "Mid"),
    ("Dan Woodham", "Headteacher", "Edith Borthwick School", "Mid"),
]


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _table(headings: list[str], rows: list[list]) -> str:
    """A simple table (rich text keeps it): column headers, then a header cell per row."""
    head = "".join(f'<th scope="col">{h}</th>' for h in headings)
    body = "".join(
        "<tr>"
        + f'<th scope="row">{row[0]}</th>'
        + "".join(f"<td>{cell}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


ITEM_1 = _p(
    "Clare welcomed everyone to the third meeting of the SEND Headteacher Roundtable. She "
    "reiterated that this is a key group in the strategy to redesign and transform the provision "
    "of SEND in the county. The group of headteachers have been asked to guide and mandate "
    "strategies and proposals to achieve a better service. Clare stressed that the number of "
    "children with SEND will probably increase, given the increasing pupil numbers overall and "
    "the expanding number and complexity of SEN children. The SEND strategy aims to improve "
    "support and to make the system in the county more effective.",
    "Matt O’Grady was welcomed as a new member of the group, representing small schools. His "
    "school also hosts an Enhanced Provision.",
)

ITEM_2 = (
    _p(
        "As discussed at the previous meeting, the LA is undertaking a review of the High Needs "
        "Block (HNB) – this work is being led by Liz Cornish, working with Notty Stone (analyst).",
        "Notty Stone has undertaken a series of interviews with headteachers from all phases and "
        "categories of schools, and Ruth shared a draft presentation which collated the "
        "information she gathered.",
    )
    # The seed's two tables, as tables: participants by phase and provision, respondents by area.
    + "<h3>Profile of participants</h3>"
    + _table(
        ["", "Mainstream only", "Enhanced Provision", "Special"],
        [["Secondary", 4, 3, 0], ["Primary", 7, 2, 0], ["Other", 2, 0, 1]],
    )
    + _table(
        ["Area", "Respondents"],
        [["Mid", 5], ["North East", 5], ["South", 5], ["West", 2], ["Other", 2]],
    )
    + _p(
        "Respondents came into the sessions with a pessimistic view of SEN in Essex. Frequently "
        "used descriptions included: unfair, post-code lottery, inconsistent, under-funded, slow, "
        "disorganised, mixed, archaic.",
        "A number of policies were proposed for consideration, including:",
        "<strong>Head Teacher Associations to direct/deliver SEND outreach</strong>",
    )
    + _ul(
        "The use of Heads associations was widely rejected, over concerns on capacity &amp; "
        "expertise to commission, review and deploy services",
        "They don't want the HT associations to become a branch of the Local Authority, and take "
        "over their role. Other systems such as Enhanced Provisions or various Teaching School "
        "Alliances were suggested as alternatives",
        "Organising training as well as evaluating impact was seen as a conflict of interest",
    )
    + _p(
        "Clare and Ruth were both unsure where this proposal had originated, and it was agreed "
        "by all that this was not a viable or workable option.",
        "<strong>Systems to hold schools to account</strong>",
    )
    + _ul(
        "There is a divide over whether a “kite-mark” style system would work, with some "
        "favouring it and some not.",
        "Deep scepticism over the ability to hold any one failing to meet inclusivity guidelines "
        "to account, regulators seen as uninterested or without teeth.",
        "Doubts over if non-compliance could be properly proven, as everyone had second hand "
        "accounts of malpractice, but no hard evidence",
    )
    + _p("<strong>Funding for SEN support</strong>")
    + _ul(
        "Whilst allowing early access to support is greatly favoured, any funding needs to be "
        "kept in place for at least a medium term (e.g. 4 school terms) as anything shorter was "
        "perceived to make it difficult to enact provision (e.g. needing to offer at least year "
        "long contracts)",
        "But there are concerns that the system would favour those schools with the capacity to "
        "submit applications well, and smaller schools whose need might be greater will be left "
        "behind and would need something to ensure fair access",
    )
    + _p("<strong>Reform of Enhanced Provision</strong>")
    + _ul(
        "The greater role for EPs was widely welcomed, and those heads from EPs seemed keen to "
        "take the leadership opportunities such changes represented",
        "Concerns were raised around ensuring the stability of cash flow to protect the level of "
        "specialist knowledge held inside the units",
    )
    + _p("<strong>Strengthened Early Years Identification &amp; Intervention</strong>")
    + _ul(
        "Considered very much needed",
        "Needs to consider how this will link up with other Early years settings, such as "
        "private nurseries and child minders",
        "There is currently a deal of repetition in the One Planning/EHCP process as a child "
        "moves from nursery to school",
        "Greater Outreach from exemplar/specialist settings was welcomed",
        "Schools are seeing an increased in mixed/multiple needs so specialists need to be "
        "skilled in more than just single subject",
        "A whole family approach may also be beneficial",
    )
    + _p("<strong>All the concepts but one were well received</strong>")
    + _ul(
        "Headteacher Association led SEND training was largely rejected in its initial form",
        "Progress as a measure to evaluate success of any policy is extremely complex and whilst "
        "there was no disagreement to using it in principal, it was always with the caveat that "
        "it has to be carefully constructed",
        "There were concerns over the stability of funding for the policies – fears that funding "
        "will only be provided short term, and then cut off suddenly leaving things hanging",
        "There was concern over the emphasis on decreases in the success indicators,",
        "Particularly over the emphasis on reducing the level of plans – feel this is a head in "
        "the sand approach",
        "There is also concern over ECC's ability to deliver change",
    )
    + _p(
        "There were multiple points not directly written into the policies that kept coming up "
        "in discussion across all policies"
    )
    + _ul(
        "Inclusion is considered the most important issue to resolve But scepticism was "
        "expressed over how enforceable any steps might be with Academy schools",
        "The system is at breaking point; underfunding of schools is endemic, and underfunding "
        "of SEN even more so.",
        "There is no clarity around how children get plans - criteria are not clear and the "
        "process lacks transparency",
        "The Specialist Teacher Team is criticised over extreme variability in effectiveness and "
        "is said to need immediate intervention",
        "ECC can support schools through campaigns to educate parents on the SEN offer, e.g. "
        "awareness of Enhanced Provisions, new &amp; different ways SEN provision can be met; "
        "defend schools from attacks based on attainment when they are more inclusive",
        "At ECC level, success is embedded in individual practitioners, and not in county systems",
    )
    + _p(
        "The group returned to the discussion around how the outcomes for children/young people "
        "with SEND are measured, with too much emphasis on attainment and not enough on progress "
        "and non-academic and social achievements.",
        "There was also a continued debate about the varying approach to inclusion and how "
        "schools/academies may be held to account. It was noted that some “outstanding” schools "
        "may rarely be inspected as they are generally exempt from Ofsted inspection. Clare did "
        "note that the Local Authority is due a Local Area Inspection and this will feature the "
        "success – or otherwise – of how SEND provision is delivered on the county. However, "
        "there was still some scepticism that this would impact on individual schools.",
        "It was agreed that developing a definition or statement of Inclusion in Essex, would be "
        "helpful.",
        "Simon Mason felt that holding schools to account through challenge is unworkable and "
        "won't change practice, and that the focus should be on incentivising schools to be more "
        "effective around inclusion. He argued that if there was better use of funding, including "
        "huge resources from the Social Care budget, it would be possible to encourage and "
        "develop inclusive schools.",
        "There was a discussion about the value of enhanced provisions and the need to guarantee "
        "sustainable funding for these settings. It was noted that there is a need to develop "
        "Enhanced Provisions, and also to enhance provision across the whole system, including "
        "schools working together in local areas.",
        "It was agreed that if there is increased funding made available for more enhanced "
        "provision (through spend to save) there must be a clear and convincing case about what "
        "future savings will be made by targeting funding in this way. There was also a "
        "discussion and a clear desire to enhance all provisions so that they can meet the needs "
        "of the children and young people in their community",
        "Matt reminded the group of the pressure on small schools in terms of capacity and lack "
        "of funding, compounded by the fact that parents with children with SEN will often "
        "choose a small school that they believe will be most suitable for their child. As a "
        "small unit, Matt's own enhanced speech and language provision also has very little "
        "capacity to undertake outreach work to support other schools.",
        "It was noted that there are around 600 staff in the SEND team in the Local Authority. "
        "Many individuals are highly effective and valued, but it was stressed that the "
        "performance management of these teams needs to be better and more rigorous. Clare noted "
        "that the new quadrant team structure is partly designed to improve working across the "
        "SEND teams (including the Statutory Assessment Team, Specialist Teacher Team and "
        "Educational Psychology) and enabling the systems for SEND to be much more efficient and "
        "collaborative.",
        "Clare explained that the SEND workforce has been overwhelmed by the transfer of EHCP "
        "reviews. This enormous piece of work is (at last) reaching its conclusion, which should "
        "immediately reclaim capacity in the system.",
        "A secondary head suggested that there should be more engagement with young parents. "
        "Schools often have intelligence about previous pupils and should be able to target "
        "support for families more effectively.",
        "There was a discussion about parental pressure – in some cases to drive EHCPs, and also "
        "the expectation that their child will have 1:1 support from an LSA. Parents "
        "sometimes/often expect their child's allocated funding to be spent in this way. Scott "
        "Holder noted that his school has overcome this problem by producing a finance report "
        'for each child with SEN which explains in detail how "their" funding is spent.',
        "The group discussed the introduction of a Kitemark for SEND best practice. It was "
        "agreed that it was good for schools to be recognised when they are excellent at "
        'inclusion and supporting pupils with SEND, but the problem of being labelled a "SEND" '
        "school remains. However inclusive a school, a higher than average number of children "
        "with SEND will have an impact on the budget and, inevitably, on pupil achievement.",
        "The group discussed whether EHCPs are unequal from school to schools. Whilst the SAS "
        "team are using the same criteria to determine the need for an EHCP, the decisions are "
        "made based on the evidence provided, and that can vary from school to school.",
    )
)


def _item_3() -> str:
    from .inclusion import ESSEX_STATEMENT

    statement = "".join(
        _p(f"<strong>{heading}</strong>") + _p(*texts) for heading, texts in ESSEX_STATEMENT
    )
    return (
        _p(
            "Following a discussion at a recent ASHE council meeting, a secondary headteacher had "
            "drafted a proposed inclusion statement for Essex. The Roundtable members split into "
            "three, and each group considered what should be in an Essex definition for "
            "inclusion. It was agreed that the purpose of the statement was to ensure that every "
            "school/academy knows what the minimum expectations are in relation to SEND "
            "provision, and to allow schools (and the LA) to hold each other to account.",
            "There was feedback from each group and a final (draft) statement was produced:",
            "<strong>Draft Position Statement developed by Headteacher Roundtable</strong>",
        )
        + statement
    )


ITEM_4 = _p(
    "The London Borough of Barnett has produced (in 2016) guidance about their “ordinarily "
    "available” education provision for children and young people with SEND in maintained "
    "schools, academies, early education settings, sixth forms and FE colleges. The guidance "
    "documents describes the provision that should be available in state funded education "
    "settings and provides a baseline and common set of expectations about the provision for "
    "SEND.",
    "It was agreed that this would be considered in more detail at the next meeting. However, "
    "the group did ask what the outcomes for children in SEND were in Barnet (ie is the guidance "
    "successful) and also asked for more research to be done into “successful” Local "
    "Authorities. Clare did stress that most LAs are struggling with their SEND provision and "
    "outcomes, and some are doing very much worse than Essex. Ruth Sturdy is visiting Barnet on "
    "14th March to talk to them about this approach and will report back at the next meeting",
)

# (item number, what was agreed: the minutes' words)
DECISIONS = [
    (
        2,
        "Head Teacher Associations to direct/deliver SEND outreach: it was agreed by all that "
        "this was not a viable or workable option.",
    ),
    (
        2,
        "It was agreed that developing a definition or statement of Inclusion in Essex, would be helpful.",
    ),
    (
        2,
        "It was agreed that if there is increased funding made available for more enhanced "
        "provision (through spend to save) there must be a clear and convincing case about what "
        "future savings will be made by targeting funding in this way.",
    ),
    (
        2,
        "It was agreed that it was good for schools to be recognised when they are excellent at "
        'inclusion and supporting pupils with SEND, but the problem of being labelled a "SEND" '
        "school remains.",
    ),
    (
        3,
        "It was agreed that the purpose of the statement was to ensure that every school/academy "
        "knows what the minimum expectations are in relation to SEND provision, and to allow "
        "schools (and the LA) to hold each other to account.",
    ),
    (
        3,
        "There was feedback from each group and a final (draft) statement was produced: the "
        "Draft Position Statement developed by Headteacher Roundtable (What we stand for, We "
        "recognise, We strive, We commit).",
    ),
    (
        4,
        "Barnet document – ordinarily available educational provision: it was agreed that this "
        "would be considered in more detail at the next meeting.",
    ),
]

NEXT_STEPS = [
    "Ongoing engagement with school leaders and SENCOs",
    "Outcomes framework – draft by beginning of Spring Term",
    "SEND Peer review – Training 28th Feb review to begin after 16th March. Further training "
    "will follow",
    "Partnership SENCOs recruitment underway. Programme to begin in Summer term",
    "Visit to Barnet in March",
    "Identification of good practice on-going, mapping exercise underway.",
]

T = datetime.time
FUTURE = [
    (datetime.date(2018, 4, 18), T(10, 0), T(12, 0), "Hamptons Social Club"),
    (datetime.date(2018, 6, 13), T(14, 0), T(16, 0), ""),
    (datetime.date(2018, 7, 17), T(14, 0), T(16, 0), ""),
]


def load(stdout) -> None:
    areas = {a.name: a for a in Area.objects.all()}
    group, _ = Group.objects.update_or_create(
        slug="headteacher-round-table",
        defaults={
            "name": "SEND Headteacher Round Table",
            "area": None,
            "description": _p(
                "A key group in the strategy to redesign and transform the provision of SEND in "
                "the county. The group of headteachers have been asked to guide and mandate "
                "strategies and proposals to achieve a better service."
            ),
        },
    )
    meeting, _ = Meeting.objects.get_or_create(
        group=group,
        date=datetime.date(2018, 2, 21),
        defaults={
            "title": TITLE,
            "start_time": T(14, 0),
            "end_time": T(16, 20),
            "venue": "Hamptons Social Club",
            "status": Meeting.Status.PUBLISHED,
            "published_at": timezone.now(),
        },
    )
    for kind, people in ((Attendee.Kind.ATTENDED, ATTENDED), (Attendee.Kind.APOLOGIES, APOLOGIES)):
        for pos, (name, role, organisation, area) in enumerate(people, start=1):
            Attendee.objects.update_or_create(
                meeting=meeting,
                kind=kind,
                position=pos,
                defaults={
                    "name": name,
                    "role": role,
                    "organisation": organisation,
                    "area": areas.get(area) if area else None,
                },
            )
    items = {}
    for number, title, discussion in (
        (1, "In attendance", ITEM_1),
        (2, "High Needs Block review feedback", ITEM_2),
        (3, "Inclusion definition for Essex", _item_3()),
        (4, "Barnet document – ordinarily available educational provision", ITEM_4),
    ):
        items[number], _ = MinuteItem.objects.update_or_create(
            meeting=meeting, number=number, defaults={"title": title, "discussion": discussion}
        )
    for pos, (number, text) in enumerate(DECISIONS, start=1):
        Decision.objects.update_or_create(
            meeting=meeting, position=pos, defaults={"text": text, "item": items[number]}
        )
    ActionArising.objects.get_or_create(
        meeting=meeting,
        description="Visit Barnet on 14th March to talk to them about this approach and report "
        "back at the next meeting",
        defaults={
            "owner_name": "Ruth Sturdy",
            "due_date": datetime.date(2018, 3, 14),
            "item": items[4],
        },
    )
    for pos, text in enumerate(NEXT_STEPS, start=1):
        NextStep.objects.update_or_create(meeting=meeting, position=pos, defaults={"text": text})
    for date, start, end, venue in FUTURE:
        Meeting.objects.get_or_create(
            group=group,
            date=date,
            defaults={
                "title": TITLE,
                "start_time": start,
                "end_time": end,
                "venue": venue,
                "announced_at": meeting,
            },
        )
    stdout.write(f"Meetings: {meeting} with {len(DECISIONS)} decisions and 3 future dates.")
