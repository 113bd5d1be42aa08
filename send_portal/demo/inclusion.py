"""Demo inclusion statement and consultation (called by `manage.py load_demo`; idempotent).

- Essex: the "Draft Position Statement developed by Headteacher Roundtable", produced at the
  SEND Headteacher Round Table of 21 February 2018 (seed 000), as version 1, a draft. Its
  words are the minutes' own, typing slips included. No version is adopted: the seeds give no
  adopted wording, so the public page says none has been adopted yet.
- Kent: "Inclusion in Kent schools - Feedback" (November 2020, seed 001): responses, and per
  topic its key themes, immediate activity, next steps and figures, in the paper's words.
  Appendix 2 (the revised statement) is not in the seed, so it is not invented here.
"""

import datetime
from decimal import Decimal

from inclusion.models import (
    Consultation,
    ConsultationTopic,
    ResponseFigure,
    Statement,
    StatementSection,
    StatementVersion,
    TopicFigure,
    TopicPoint,
)

ESSEX_SUMMARY = (
    "<p>Following a discussion at a recent ASHE council meeting, a secondary headteacher had "
    "drafted a proposed inclusion statement for Essex. The Roundtable members split into three, "
    "and each group considered what should be in an Essex definition for inclusion. It was "
    "agreed that the purpose of the statement was to ensure that every school/academy knows what "
    "the minimum expectations are in relation to SEND provision, and to allow schools (and the "
    "LA) to hold each other to account.</p>"
    "<p>There was feedback from each group and a final (draft) statement was produced "
    "(SEND Headteacher Round Table, 21 February 2018).</p>"
)

ESSEX_STATEMENT: list[tuple[str, list[str]]] = [
    (
        "What we stand for",
        [
            "Making sure that every child and young person in our schools, whatever their "
            "circumstance or ability, has a sense of belonging: feels respected, valued for who "
            "they are. .",
            "Delivering education which supports and develops children so that they become "
            "positively participating citizens in society.",
            "Ensuring we equip children with the skills, knowledge and confidence to enable them "
            "move on to the next phase of learning and life with success.",
            "Understanding that there are different types of provision that a child may need at "
            "different points in their lives but that movement between provisions must have a "
            "specific purpose which will lead to better outcomes for them as they prepare for "
            "adulthood.",
        ],
    ),
    (
        "We recognise",
        [
            "That an inclusive approach with an appreciation of diversity and ambition for all to "
            "achieve to their full potential is essential to getting it right for every child and "
            "raising attainment for all.",
            "That collectively we have a responsibility to provide for Essex children whatever "
            "their background and current circumstances and ensure that they receive a precise "
            "identification of their needs so that high quality teaching leads to positive "
            "outcomes for all.",
            "That sometimes we may not have the appropriate provision or capacity to meet the "
            "needs of all children who want to come to our schools / academies or settings but "
            "that we will work together to ensure that this is addressed and leads to better "
            "practice in the future.",
            "That there are currently capacity challenges with our PRU and Alternative Provision "
            "settings and our referral systems are outdate and must change.",
        ],
    ),
    (
        "We strive",
        [
            "To ensure that all schools, academies and setting are equally and effectively inclusive."
        ],
    ),
    (
        "We commit",
        [
            "To challenge and be challenged by colleagues to justify our decisions and evidence "
            "our thinking in making them.",
            "To honestly examine the way we do things in our own settings to become even more "
            "inclusive through systematically reviewing our practice and through working in "
            "partnership to review practice in other settings.",
            "To agree to work collaboratively with our colleagues across the system to create a "
            "new way forward to meet the needs of all Essex children.",
            "To actively seek and accept any learning, training and development on inclusion for "
            "our staff, engage with research and to share our own good practice generously.",
            "To ensure that we follow not simply the letter of the law but also the spirit of the "
            "law so that we all put inclusive values into practice in all the decisions we make.",
        ],
    ),
]

KENT_INTRODUCTION = (
    "<p>These discussions have been carried out as part of our collective work to improving the "
    "experiences of young people with SEND in Kent. This paper focuses specifically on the "
    "feedback received, any actions taken as a response and the next steps of this ongoing "
    "journey. It further explores how KCC and schools might continue to work together to develop "
    "a shared understanding of the improvements that are needed and ensure the necessary support "
    "that is required to achieve them.</p>"
    "<p>It is clear, through the responses, that there is a high level of support for the vision, "
    "priorities and key activities but that this is tempered by a lack of belief that there will "
    "be the funding, resources and commitment from all parties to deliver on these. As such, we "
    "are moving forward to co-produce a 'A Countywide Approach to Inclusive Education' (CAIE) "
    "delivery plan, which, with your support, will focus on how we take those key values through "
    "to implemented action and how we ensure measurable impact.</p>"
)

# (respondent type, count, how): section 2, "Responses".
KENT_RESPONSES = [
    ("Schools", 79, "responses to the online survey for schools"),
    ("Settings", 63, "responses to the online survey for settings"),
    ("Schools", 53, "schools attended facilitated discussion forums"),
    (
        "Locality school meetings",
        6,
        "further meetings officers went out to at the request of schools",
    ),
    ("Area settings meetings", 4, "attended where this was part of the agenda"),
]

KT, IA, NS = (
    TopicPoint.Kind.KEY_THEME,
    TopicPoint.Kind.IMMEDIATE_ACTIVITY,
    TopicPoint.Kind.NEXT_STEP,
)


def _ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


# (title, purpose, [(kind, text)], [(value, unit, statement)])
KENT_TOPICS = [
    (
        "Statement of Inclusion",
        "<p>Improving outcomes for SEND pupils is a long-term and on-going priority. As such, a "
        "shared strategic vision of the outcomes we are seeking to achieve is essential to help "
        "us work effectively in collaboration to drive improvement across the county. A draft "
        "Statement of Inclusion was offered for comment.</p>",
        [
            (KT, "Strong agreement with the underpinning values described in the statement."),
            (
                KT,
                "Clarification of the language used was requested in relation to ownership and "
                "who is represented by 'We'.",
            ),
            (
                KT,
                "There is a requirement to articulate collective responsibility, "
                "interdependencies between agencies and working together more clearly.",
            ),
            (
                KT,
                "Challenge as to how being a selective authority impacts on our ability to be inclusive.",
            ),
            (KT, "The need for timeliness of actions is missing from the statement."),
            (
                KT,
                "A number of suggestions were made regarding implementation which will be "
                "considered as part of the development of the countywide approach.",
            ),
            (
                KT,
                "Remove or clarify acronyms and the use of specialist language so that it can be "
                "understood by all.",
            ),
            (
                IA,
                "The statement has been revised, Appendix 2, following the feedback. This will be "
                "appended to the SEND strategy and underpin the ethos and values for the "
                "'Countywide Approach to Inclusive Education'.",
            ),
            (
                NS,
                "Co-produce a delivery plan, 'A countywide approach to Inclusive Education'. More "
                "details on the development of this can be found in Appendix 3.",
            ),
        ],
        [],
    ),
    (
        "Inclusion Framework",
        "<p>To embed inclusive practices in all our shared work and achieve an inclusive "
        "education system in Kent will require multiple strands of work. A clear framework that "
        "defines areas of focus may be helpful in ensuring coherence and unity across all these "
        "strands. The NASEN Whole School SEND framework was offered for discussion.</p>",
        [
            (
                KT,
                "Strong agreement that the framework provides a useful guide in identifying areas "
                "on which to focus when reviewing inclusion, although approximately 20% felt it "
                "did not include all the appropriate areas of focus.",
            ),
            (
                KT,
                "The framework needs to inform whole school change and not become an additional "
                "task for the SENCO.",
            ),
            (
                KT,
                "The framework reflected activity relating to the individual school but needed to "
                "be developed to include wider collaboration and transition.",
            ),
            (
                KT,
                "There needs to be clear integration with the 'inclusion toolkit' and the peer to "
                "peer work to prevent unnecessary duplication.",
            ),
            (
                IA,
                "Request DfE funding to enable NASEN - Whole School SEND to develop the framework "
                "in response to the feedback and integrate it into the design of the curriculum "
                "for the school to school support system being developed – see 6.",
            ),
            (
                NS,
                "<p>Once revised, the framework will underpin the following activity as part of "
                "the countywide approach to Inclusive Education:</p>"
                + _ul(
                    "Self-evaluation and peer review",
                    "Action planning",
                    "Identification of future priorities",
                ),
            ),
        ],
        [
            (
                Decimal("20"),
                "%",
                "approximately, felt the framework did not include all the appropriate areas of focus",
            )
        ],
    ),
    (
        "Mainstream Core Standards (MCS)",
        "<p>The purpose of the MCS is to outline the provision that the local area expects to be "
        "made available for children and young people with SEND attending mainstream schools. It "
        "is a universal document, intended to support mainstream practitioners, aid local "
        "conversations, and promote a consistent high-quality approach to SEND inclusion.</p>",
        [
            (
                KT,
                "The document met with a very positive response with schools agreeing it "
                "supported them in understanding their legal duties in relation to provision for "
                "and inclusion of CYP with SEND. It was felt that it was helpful in outlining "
                "strategies for reference and provided a useful guide to refer back to.",
            ),
            (
                KT,
                "Questions were raised about how we ensure consistency of delivery across all "
                "schools and how schools would be held accountable.",
            ),
            (
                KT,
                "There were some concerns raised about the resourcing of some of the strategies, "
                "both financial and environmental. However, the greater concern was that MCS would "
                "have a direct impact on what could be included as 'additional' in an EHCP and how "
                "this would affect the financing, legality and transferability of an EHCP.",
            ),
            (KT, "Suggestion were made for additions to some of the need type pages."),
            (
                KT,
                "Suggestions were made re changes to some of language used, which was perceived "
                "to be either outdated or negative.",
            ),
            (
                IA,
                "Changes to the terminology is being made to reflect the feedback and there have "
                "been a few additions to the need type pages.",
            ),
            (
                IA,
                "There is no direct link between the MCS and the 'additional' identified in an "
                "EHCP. Strategies listed in the MCS can be included in an EHCP, if appropriate. KCC "
                "will ensure that message is clear in all future communications.",
            ),
            (
                NS,
                "We will publish the revised MCS and start using it from this point forward. It "
                "is important to note that this document will be reviewed annually, and changes "
                "needed which are identified as the wider inclusion system develops can be made at "
                "this point.",
            ),
            (
                NS,
                "Training and development opportunities will be commissioned to support all "
                "schools in their understanding of this.",
            ),
            (
                NS,
                "The parent guide will be updated to reflect the changes to the document and "
                "shared with parents.",
            ),
        ],
        [],
    ),
    (
        "System Leadership of Inclusion",
        "<p>Consideration has been given to the countywide systems and processes which focus on "
        "identifying strengths, sharing good practice, identifying challenges and working "
        "collectively with all stakeholders to challenge and change behaviours. The system "
        "includes:</p>"
        + _ul(
            "A model for Inclusion Peer Review",
            "Kent Leadership of Inclusion development programme for school leaders",
            "Designation, training, and deployment of Inclusion System Leaders",
            "Core Offer and Directory of Support",
        ),
        [
            (
                KT,
                "Schools reported positive experiences of peer to peer work and welcomed the "
                "cluster model proposal. It was noted that these are positive experiences when all "
                "parties are engaged, and it is a supportive, collaborative process and not an "
                "external 'done to' activity.",
            ),
            (
                KT,
                "There is support for the development of an Inclusion module to be added to the "
                "NPQ suite of qualifications, and that this would be most effective linked to the "
                "level of leadership within the school.",
            ),
            (
                KT,
                "The decision to make the training available to all who want it, versus planning "
                "a structured roll out was split.",
            ),
            (
                KT,
                "81% of the online responses identified that the SENCO was part of the leadership "
                "team and clarification was sought as to whether the NPQ qualifications would be "
                "appropriate for them given their training. All except 5 respondents (4 Secondary "
                "and 1 Primary) felt the SENCO should be part of the leadership team.",
            ),
            (
                KT,
                "<p>Whilst there was majority support for the development of Inclusive Leaders of "
                "Education (ILE), 27% disagreed with this proposal. Disagreements included:</p>"
                + _ul(
                    "Lack of confidence in or experience of previous Leaders of Education systems",
                    "More clarity of the role.",
                    "Consideration should be given to consolidation of current systems",
                ),
            ),
            (
                KT,
                "<p>If ILE's were in place, suggestions were made as to how these roles could be "
                "used, these included:</p>"
                + _ul(
                    "A point of reference and sharing good practice",
                    "Supporting schools in their self-evaluation and peer reviews",
                    "Change partners providing advice and development",
                    "Delivering training",
                ),
            ),
            (
                KT,
                "Some expressions of interest from school leaders wishing to become an ILE have "
                "been submitted.",
            ),
            (
                KT,
                "The proposal of a directory of support for schools was welcomed and recognised "
                "the need for this to include STLS.",
            ),
            (
                KT,
                "Barriers to an effective school to school system included resourcing both "
                "financial and in staff capacity, the need for all schools to buy in to the "
                "system. Questions raised regarding accountability for those schools that do not "
                "engage.",
            ),
            (
                IA,
                "Application to the DfE through Whole School SEND to fund development time for the "
                "curriculum and structure of the Inclusive practices programme.",
            ),
            (
                IA,
                "Curriculum and programme to be co -designed by Whole School SEND, Education "
                "Endowment Foundation (EEF) and Education Development Trust (EDT)and Kent "
                "Association Head Teachers.",
            ),
            (IA, "Clarify and develop the role of ILE's"),
            (
                IA,
                "Applications sought for Inclusive Leaders of Education. (some expressions of "
                "interest already)",
            ),
            (IA, "Revise Inclusion Framework to include feedback."),
            (IA, "Finalise, with schools, the peer to peer process detail and structure."),
            (IA, "Invite applications for the first round of Peer to Peer clusters."),
            (IA, "Commission Gaps in current mapped offer to schools."),
            (
                NS,
                "Training for the Kent Leadership Programme, aligned with NPQ, to be delivered "
                "from January.",
            ),
            (NS, "ILE training will be delivered from January."),
            (NS, "EEF Effective Kent Project Phase 2 starting in January."),
            (
                NS,
                "Self- evaluation starting in February with peer to peer clusters launching in "
                "April 2021.",
            ),
            (
                NS,
                "Review the wider networks supporting inclusion in schools, e.g. inclusion forums "
                "to co-produce one countywide agreed structure (part of the CAIE delivery plan).",
            ),
            (
                NS,
                "Clarify and develop the governance and quality assurance of the commissioning of "
                "the 9.8m support for schools, to include School leaders / ILEs.",
            ),
        ],
        [
            (
                Decimal("81"),
                "%",
                "of the online responses identified that the SENCO was part of the leadership team",
            ),
            (
                Decimal("27"),
                "%",
                "disagreed with the proposal to develop Inclusive Leaders of Education (ILE)",
            ),
        ],
    ),
    (
        "Inclusion Dashboard",
        "<p>As we continue to commit time, energy and resources to ensuring that the system "
        "secures improved outcomes for SEND pupils, it is important that we adopt appropriate "
        "methods and measures by which we can review progress, share effective practice and "
        "highlight issues that require further attention.</p>",
        [
            (
                KT,
                "Whilst there was support for the purpose, opinion was split as to whether the "
                "methodology of a 'dashboard' would produce the required outcome without "
                "significant negative impacts. Throughout the discussions, transparency, "
                "accountability, and responsibility featured heavily as did the need for all "
                "schools to be engaged and those who were not to be able to be challenged "
                "appropriately. However, caution was expressed due to the potential negative "
                "impacts of a dashboard, the limited metrics, and the statistical anomalies it "
                "could display.",
            ),
            (
                IA,
                "KAH are looking into this and will work with KCC to develop a more effective way "
                "of measuring impact and the quality of inclusivity.",
            ),
            (
                NS,
                "Once this has been developed, it will be included as part of the 'Countywide "
                "approach to Inclusive Education' delivery plan.",
            ),
        ],
        [],
    ),
    (
        "Parent Voice",
        "<p>The lived experience of young people and their parents is pivotal in understanding "
        "the value and effectiveness of provision. Therefore, it is fundamental that we listen to "
        "views of parents and carers and use this feedback effectively to inform change.</p>",
        [
            (
                KT,
                "Schools shared the various ways they receive feedback from their parent body. The "
                "majority felt that responses to KCC would be effective in supporting locality "
                "conversations as they would pick up the views of parents about the wider system. "
                "Schools would welcome further guidance on effective parental voicing.",
            ),
            (IA, "KCC to develop it parental surveys to enable data to be disaggregated by area."),
            (IA, "Guidance to be developed on effective parental feedback to inform practice."),
            (NS, "KCC survey outcomes to be shared with Areas for locality discussions"),
            (NS, "Guidance disseminated"),
        ],
        [],
    ),
    (
        "Characteristics of an Inclusive School",
        "<p>Discussions around inclusion and provision for SEND pupils can be complex and "
        "multi-layered. Every school has different challenges and solutions. Each of the "
        "activities discussed contribute over time to the development of a shared understanding "
        "of the key characteristics of inclusive schools. The emerging themes from these "
        "discussions are:</p>",
        [
            (KT, "Children at the centre"),
            (KT, "Embedded inclusive culture"),
            (KT, "Leadership responsibility"),
            (KT, "Whole school responsibility"),
            (KT, "Equity for all"),
            (KT, "Schools accountable for all children and held to account"),
            (KT, "Flexibility in planning"),
            (KT, "Not just SEND, all children"),
            (
                IA,
                "Work with children and young people to include their view and develop resources "
                "to share our collective understanding to a range audiences.",
            ),
        ],
        [],
    ),
]


def load_essex_statement() -> StatementVersion:
    version, _ = StatementVersion.objects.update_or_create(
        number=1,
        defaults={
            "title": "Draft Position Statement developed by Headteacher Roundtable",
            "summary": ESSEX_SUMMARY,
        },
    )
    for s_pos, (heading, statements) in enumerate(ESSEX_STATEMENT, start=1):
        section, _ = StatementSection.objects.update_or_create(
            version=version, position=s_pos, defaults={"heading": heading}
        )
        for pos, text in enumerate(statements, start=1):
            Statement.objects.update_or_create(
                section=section, position=pos, defaults={"text": text}
            )
    return version


def load_kent_consultation() -> Consultation:
    consultation, _ = Consultation.objects.update_or_create(
        slug="inclusion-in-kent-schools",
        defaults={
            "title": "Inclusion in Kent schools - Feedback",
            "organisation": "Kent County Council Children, Young People and Education",
            "published_on": datetime.date(2020, 11, 1),
            "introduction": KENT_INTRODUCTION,
        },
    )
    for pos, (who, count, how) in enumerate(KENT_RESPONSES, start=1):
        ResponseFigure.objects.update_or_create(
            consultation=consultation,
            position=pos,
            defaults={"respondent_type": who, "count": count, "description": how},
        )
    for t_pos, (title, purpose, points, figures) in enumerate(KENT_TOPICS, start=1):
        topic, _ = ConsultationTopic.objects.update_or_create(
            consultation=consultation, position=t_pos, defaults={"title": title, "purpose": purpose}
        )
        counters: dict[str, int] = {}
        for kind, text in points:
            counters[kind] = counters.get(kind, 0) + 1
            TopicPoint.objects.update_or_create(
                topic=topic, kind=kind, position=counters[kind], defaults={"text": text}
            )
        for value, unit, statement in figures:
            TopicFigure.objects.update_or_create(
                topic=topic, statement=statement, defaults={"value": value, "unit": unit}
            )
    return consultation


def load(stdout) -> None:
    version = load_essex_statement()
    consultation = load_kent_consultation()
    stdout.write(f"Inclusion: {version} and the consultation “{consultation.title}”.")
