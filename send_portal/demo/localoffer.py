"""Demo Local Offer from Kent's SENCO briefing of December 2020 (source 004 in docs/domain.md); idempotent.

The categories are the headings of Kent's SEND Local Offer page, with their descriptions as
published. IASK's leaflets become information services; the Local Offer team are the contacts of
the Local Offer service; the SEN service update gives KEPS and the PEO teams (North and East;
South and West). "Your SEN Area Team" becomes one team for each demo area. Families' feedback in
"You said, we did" is what the briefing says parent carers told Kent, with what Kent did.

The seed gives no dates on which services were checked: the demo spreads them so that some are
out of date. The out-of-date ones have no contact email addresses, so the monthly review request
never emails the real people the briefing names. It gives no SEN information report reviews or self-evaluation scores, so none are
invented.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from localoffer.models import (
    AreaOfNeed,
    Category,
    Contact,
    Feedback,
    Organisation,
    Schedule,
    Service,
)
from localoffer.needs import ensure_areas_of_need
from localoffer.services import unique_service_slug
from localoffer.synonyms import ensure_default_synonyms
from send_portal.core.models import Area

CATEGORIES = [
    (
        "What to do if you think your child has SEND",
        "Who to speak to first if you think your child has special educational needs and what "
        "will happen next.",
    ),
    (
        "Guidance for families during COVID-19 outbreak",
        "Information for families about SEND services during the COVID-19 outbreak.",
    ),
    (
        "SEND strategies and policies",
        "Read the SEND strategy, dyslexia policy and the autism pathway documents.",
    ),
    (
        "Support for children under 5",
        "Includes what to expect from your early years provider, Portage - supporting preschool "
        "children with SEND, pre-school children with sensory impairments",
    ),
    (
        "Support for young adults",
        "The move towards adulthood can be challenging. You'll need to consider issues such as "
        "housing, education, work and adult social care.",
    ),
    (
        "Health and wellbeing",
        "Health services that support children and young people with their physical, emotional "
        "and mental health needs.",
    ),
    (
        "Support for school age children",
        "Find out how to choose a school that meets your child's needs or how to get additional "
        "support (including how to get an EHC Plan).",
    ),
    (
        "Local offer your voice",
        "Find out more about the local offer, give feedback and shape SEND services and "
        "information.",
    ),
    (
        "Working together with parents, children and young people",
        "We've been bringing together parents, carers, young people, practitioners and senior "
        "leaders to understand how we can work together to improve the service.",
    ),
    (
        "Latest SEND improvements newsletter",
        "Find out about the latest SEND improvements being made in Kent.",
    ),
    (
        "Contact SEND teams and support services",
        "Contact numbers for our SEND teams and SEND support groups.",
    ),
]

IASK = "Information, Advice and Support Kent (IASK)"
IASK_DESCRIPTION = (
    "We provide free, impartial and confidential information, advice and support about special "
    "educational needs and disabilities (SEND) for children, young people up to age 25, parents "
    "and carers."
)
COUNCIL = "Kent County Council"

SCHOOL = "Support for school age children"
UNDER_5 = "Support for children under 5"
ADULTS = "Support for young adults"
FIRST = "What to do if you think your child has SEND"
CONTACT = "Contact SEND teams and support services"
VOICE = "Local offer your voice"
HEALTH = "Health and wellbeing"
STRATEGY = "SEND strategies and policies"

CI, CL = "communication-and-interaction", "cognition-and-learning"
SEMH, SP = "social-emotional-and-mental-health", "sensory-and-or-physical"

# IASK's leaflets (source 004 in docs/domain.md): (title, categories, min age, max age, days since last checked or None)
IASK_LEAFLETS = [
    ("Special Educational Needs support in mainstream schools", [SCHOOL], 4, 16, 40),
    ("Education, health and care plans", [SCHOOL, FIRST], 0, 25, 90),
    ("Annual review of an Education, Health and Care (EHC) plan", [SCHOOL], 0, 25, 420),
    ("Funding for special educational needs in mainstream schools", [SCHOOL], 4, 16, 200),
    ("Finding out about support near you", [FIRST, CONTACT], 0, 25, 30),
    ("Getting the right kind of support (EHCPs)", [FIRST, SCHOOL], 0, 25, 500),
    ("Personal budgets", [SCHOOL, ADULTS], 0, 25, 380),
    ("Types of special educational needs support in college", [ADULTS], 16, 25, 150),
    ("Special Educational Needs (SEN) support in the early years", [UNDER_5], 0, 5, 60),
    ("Education, health and care needs assessment", [FIRST, SCHOOL], 0, 25, 100),
    ("What if I do not agree with decisions about SEN provision?", [SCHOOL], 0, 25, None),
    ("A guide to exclusions", [SCHOOL], 4, 18, 250),
    ("Personal budgets for Special Educational Needs", [SCHOOL, ADULTS], 0, 25, 600),
    ("The SEND Local Offer", [VOICE, FIRST], 0, 25, 20),
    ("Finding out what support you need", [FIRST], 0, 25, 75),
    ("Preparing for adulthood Year 9 onwards", [ADULTS], 13, 25, 130),
    ("What if I do not agree with the decision?", [SCHOOL], 0, 25, 390),
]

# The Local Offer team (source 004 in docs/domain.md): name, title, email, phone
LOCAL_OFFER_TEAM = [
    (
        "Sharon McLaughlin",
        "SEND Partnership and Engagement Manager",
        "Sharon.mclaughlin@kent.gov.uk",
        "03000 419493",
    ),
    ("Natalie Blower", "Local Offer Co-Ordinator", "natalie.blower@kent.gov.uk", "03000 419555"),
    (
        "Shaz Hussain",
        "Local Offer Marketing Apprentice",
        "Shazida.Hussain@kent.gov.uk",
        "03000 421795",
    ),
]

PEO_WORK = (
    "PEO work includes: support with personalised provision planning, SEN provision review or "
    "monitoring, attending SRP Steering Group meetings, SRP and SPI monitoring/support visits, "
    "exploring parental concerns, involved in decision making during statutory assessment "
    "process."
)

# (name, description, categories, needs, areas, min, max, status, days since checked, contacts)
COUNCIL_SERVICES = [
    (
        "SEND Local Offer team",
        "The Local Offer is the cornerstone of our communication with parents and professionals. "
        "Find out more about the local offer, give feedback and shape SEND services and "
        "information.",
        [VOICE, CONTACT],
        [],
        [],
        0,
        25,
        Service.Status.ACTIVE,
        10,
        LOCAL_OFFER_TEAM,
    ),
    (
        "Kent Educational Psychology Service (KEPS)",
        "Educational psychologists give information and advice as part of the statutory "
        "assessment process for an education, health and care (EHC) plan.",
        [SCHOOL, CONTACT],
        [CL, SEMH, CI],
        [],
        0,
        25,
        Service.Status.ACTIVE,
        45,
        [("Dan Jones", "Interim Principal EP", "", "")],
    ),
    (
        "SEND Provision Evaluation Officers (PEOs): North and East",
        PEO_WORK,
        [SCHOOL, CONTACT],
        [],
        ["North East"],
        4,
        19,
        Service.Status.ACTIVE,
        80,
        [
            ("Alice Gleave", "Senior PEO (North and East)", "", ""),
            ("Tania Lawrence", "Administrative support officer", "Tania.Lawrence@kent.gov.uk", ""),
        ],
    ),
    (
        "SEND Provision Evaluation Officers (PEOs): South and West",
        PEO_WORK,
        [SCHOOL, CONTACT],
        [],
        ["South", "West"],
        4,
        19,
        Service.Status.ACTIVE,
        95,
        [
            ("Teri Rutherford", "Senior PEO (South and West)", "", ""),
            ("Tania Lawrence", "Administrative support officer", "Tania.Lawrence@kent.gov.uk", ""),
        ],
    ),
    (
        "Portage",
        "Portage - supporting preschool children with SEND.",
        [UNDER_5],
        [CI, CL],
        ["Mid"],
        0,
        5,
        Service.Status.ACTIVE,
        120,
        [],
    ),
    (
        "Support for pre-school children with sensory impairments",
        "Support for pre-school children with sensory impairments and their families.",
        [UNDER_5, HEALTH],
        [SP],
        [],
        0,
        5,
        Service.Status.TEMPORARILY_CLOSED,
        370,
        [],
    ),
    (
        "Kent ND handbooks",
        "Kent ND handbooks developed for all those waiting for a referral or diagnosis – "
        "available on the local offer.",
        [HEALTH],
        [CI, SEMH],
        [],
        0,
        25,
        Service.Status.ACTIVE,
        25,
        [],
    ),
    (
        "SEND strategy consultation 2021-2024",
        "Kent's Strategy for Children and Young People with Special Educational Needs and "
        "Disabilities 2021-2024. The consultation is open from Wednesday 2 December 2020 to "
        "Thursday 4 February 2021.",
        [STRATEGY, VOICE],
        [],
        [],
        0,
        25,
        Service.Status.INACTIVE,
        700,
        [("SEND strategy team", "", "sendstrategy@kent.gov.uk", "")],
    ),
]

NHS = "Kent Community Health NHS Foundation Trust"

# The seed names no speech, autism, ADHD, dyslexia, short breaks, transport or wheelchair
# services, yet these are what families look for first. These are illustrative examples (marked
# as such on their pages: ``is_illustrative``), written so the search can be tried in the
# words families use. (organisation, name, description, categories, needs, access, who can
# refer, schedules as (days, opens, closes, description))
ILLUSTRATIVE_SERVICES = [
    (
        NHS,
        "Children's speech and language therapy",
        "Speech and language therapists help children and young people who find it hard to talk, "
        "understand words, take part in conversations, or eat and drink safely. We see children "
        "at clinics, nurseries and schools, and show parents activities to help at home.",
        [HEALTH, UNDER_5],
        [CI],
        Service.Access.EITHER,
        "Parents and carers of children under 5; a GP, health visitor, nursery or school SENCO "
        "for older children",
        [("MO,TU,WE,TH,FR", "09:00", "17:00", "Telephone advice line")],
    ),
    (
        COUNCIL,
        "Autism outreach and advice for families",
        "Specialist teachers and family workers give advice to parents and schools about "
        "autistic children and young people, with or without a diagnosis. Workshops on "
        "sensory needs, sleep and managing change.",
        [SCHOOL, HEALTH],
        [CI, SEMH],
        Service.Access.REFERRAL,
        "Your child's school or nursery SENCO",
        [("MO,TU,WE,TH,FR", "08:30", "16:30", "")],
    ),
    (
        COUNCIL,
        "ADHD parent and carer support group",
        "A friendly evening group for parents and carers of children and young people with ADHD, "
        "or waiting for an assessment: share what works, hear from speakers, and get "
        "information about help in school.",
        [HEALTH, VOICE],
        [SEMH, CL],
        Service.Access.SELF_REFERRAL,
        "",
        [("WE", "18:30", "20:00", "First Wednesday of the month")],
    ),
    (
        COUNCIL,
        "Dyslexia outreach service",
        "Specialist teachers help schools support children with dyslexia and other specific "
        "learning difficulties, with assessments, advice to teachers and ideas for reading and "
        "spelling at home.",
        [SCHOOL],
        [CL],
        Service.Access.REFERRAL,
        "Your child's school SENCO",
        [("MO,TU,WE,TH,FR", "09:00", "16:00", "")],
    ),
    (
        COUNCIL,
        "Short breaks for disabled children",
        "Clubs, activities and holiday play schemes where disabled children and young people "
        "have fun with friends, giving their parents and carers a break from caring.",
        [HEALTH, SCHOOL],
        [],
        Service.Access.SELF_REFERRAL,
        "",
        [
            ("SA", "10:00", "16:00", "Saturday clubs"),
            ("MO,TU,WE,TH,FR", "10:00", "15:00", "School holidays only"),
        ],
    ),
    (
        COUNCIL,
        "Home to school transport",
        "Free transport to school or college for children and young people with SEND who cannot "
        "walk there because of their needs, and independent travel training for young people "
        "learning to use buses and trains on their own.",
        [SCHOOL, ADULTS],
        [],
        Service.Access.SELF_REFERRAL,
        "",
        [("MO,TU,WE,TH,FR", "09:00", "17:00", "Telephone line")],
    ),
    (
        NHS,
        "Children's wheelchair service",
        "Assessment for wheelchairs, buggies and other mobility equipment for children and "
        "young people with a long-term physical disability, with repairs and reviews as they "
        "grow.",
        [HEALTH],
        [SP],
        Service.Access.REFERRAL,
        "A GP, physiotherapist, occupational therapist or hospital consultant",
        [("MO,TU,WE,TH,FR", "09:00", "17:00", "")],
    ),
]

SEN_AREA_TEAM = (
    "If your child has an EHC plan the admissions process is slightly different. Schools must "
    "give priority to requests for a place for children and young people with EHC plans. The "
    "process is managed by your SEN Area Team."
)

YOU_SAID_WE_DID = [
    (
        "Too many parent carers have not heard of the Local Offer. Parent carers have told us "
        "that they would [like] information about this earlier from their SENCOs.",
        "IASK Local Offer Leaflets send / given to parents carers at the first conversation had "
        "about thinking their children might have SEND. Local Offer links on the school website.",
    ),
    (
        "Parents carers told us that content is incomplete or missing, links don't always work "
        "and the tone can still be adversarial.",
        "Increased development in the Local Offer. Further development over the next 12 months.",
    ),
]


def _service(
    *,
    organisation,
    name,
    description,
    categories,
    needs,
    areas,
    ages,
    status,
    days,
    contacts,
    extra=None,
    schedules=(),
) -> bool:
    today = timezone.localdate()
    service = Service.objects.filter(organisation=organisation, name=name).first()
    if service is not None:
        return False
    service = Service.objects.create(
        organisation=organisation,
        name=name,
        slug=unique_service_slug(name),
        description=description,
        min_age=ages[0],
        max_age=ages[1],
        status=status,
        assured_date=None if days is None else today - timedelta(days=days),
        **(extra or {}),
    )
    for byday, opens, closes, text in schedules:
        Schedule.objects.create(
            service=service, days=byday, opens_at=opens, closes_at=closes, description=text
        )
    service.categories.set(Category.objects.filter(name__in=categories))
    service.needs.set(AreaOfNeed.objects.filter(slug__in=needs))
    service.areas.set(Area.objects.filter(name__in=areas))
    for contact_name, title, email, phone in contacts:
        Contact.objects.get_or_create(
            service=service,
            name=contact_name,
            defaults={"title": title, "email": email, "phone": phone},
        )
    return True


def load(stdout) -> None:
    ensure_areas_of_need()
    ensure_default_synonyms()
    for order, (name, description) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "description": description, "order": order}
        )
    iask, _ = Organisation.objects.get_or_create(
        name=IASK, defaults={"description": IASK_DESCRIPTION}
    )
    council, _ = Organisation.objects.get_or_create(name=COUNCIL)
    created = 0
    for title, categories, low, high, days in IASK_LEAFLETS:
        created += _service(
            organisation=iask,
            name=f"IASK leaflet: {title}",
            description=f"A free IASK leaflet for families: {title}.",
            categories=categories,
            needs=[],
            areas=[],
            ages=(low, high),
            status=Service.Status.ACTIVE,
            days=days,
            contacts=[],
        )
    for (
        name,
        description,
        cats,
        needs,
        areas,
        low,
        high,
        status,
        days,
        contacts,
    ) in COUNCIL_SERVICES:
        created += _service(
            organisation=council,
            name=name,
            description=description,
            categories=cats,
            needs=needs,
            areas=areas,
            ages=(low, high),
            status=status,
            days=days,
            contacts=contacts,
        )
    for index, area in enumerate(Area.objects.order_by("name")):
        created += _service(
            organisation=council,
            name=f"SEN Area Team: {area.name}",
            description=SEN_AREA_TEAM,
            categories=[SCHOOL, CONTACT],
            needs=[],
            areas=[area.name],
            ages=(0, 25),
            status=Service.Status.ACTIVE,
            days=30 + 150 * index,
            contacts=[],
        )
    for index, (org_name, name, description, cats, needs, access, by, times) in enumerate(
        ILLUSTRATIVE_SERVICES
    ):
        organisation, _ = Organisation.objects.get_or_create(name=org_name)
        created += _service(
            organisation=organisation,
            name=name,
            description=description,
            categories=cats,
            needs=needs,
            areas=[],
            ages=(0, 25),
            status=Service.Status.ACTIVE,
            days=15 + 20 * index,
            contacts=[],
            extra={"access": access, "referral_by": by, "is_illustrative": True},
            schedules=times,
        )
    now = timezone.now()
    for you_said, we_did in YOU_SAID_WE_DID:
        Feedback.objects.get_or_create(
            you_said=you_said,
            defaults={"we_did": we_did, "status": Feedback.Status.APPROVED, "moderated_at": now},
        )
    stdout.write(f"Local Offer: {created} services added.")
