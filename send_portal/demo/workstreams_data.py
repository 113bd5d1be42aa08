"""The words of the demo programmes, verbatim from the council papers listed in docs/domain.md.

- Kent (source 004 in docs/domain.md, SENCO briefing, December 2020): the five WSoA workstreams A–E and the key
  updates by workstream. (The titles' "co- production" is a line break in the source, joined.)
- Hertfordshire (source 002 in docs/domain.md, "Item 9 – HLN – Progress on SEND Strategy and Workstreams"): the ten
  strategy workstreams with their lead and representatives, what will be done, outcomes and
  summary of current position, split into the bullet points of the paper.
"""

KENT_WORKSTREAMS = {
    "A": "Parental engagement & co-production",
    "B": "Inclusive Practice and the Outcomes, Progress and Attainment of CYP",
    "C": "Quality of Education, Health and Care Plans",
    "D": "Joint commissioning and governance",
    "E": "Service Provision",
}

KENT_KEY_UPDATES = {
    "A": [
        "Increased development in the Local Offer.",
        "Further development over the next 12 months.",
        "Desired links to school websites/ accessibility statements",
        "Co-production charter being developed",
        "Draft SEND strategy developed – public consultation December/ January",
    ],
    "B": [
        "Inclusion discussion with schools – initial discussion closed 31st October",
        "County Approach to Inclusive Education being developed alongside system leadership "
        "processes and support",
        "PEO recruitment – do you know how they can support you?",
        "Core Mainstream standards – published in December",
        "SEN updates reinstated",
    ],
    "C": [
        "New template for EHCPs now being used for new plans (EHCPs on the previous template "
        "will be transferred to the new template during the annual review process)",
        "New quality assurance framework implemented",
        "Work ongoing to improve the quality of reports, advice and information provided during "
        "the assessments",
        "Additional capacity to clear backlog. Aiming to compete assessments within statutory "
        "timescales by April 21",
    ],
    "D": [
        "New joint commissioning framework approved",
        "Joint Health/ KCC governance in place",
        "Updated Health Needs Assessment published",
        "Special school nursing – recruited to and full complement by April 21",
    ],
    "E": [
        "Kent ND handbooks developed for all those waiting for a referral or diagnosis – "
        "available on the local offer",
        "Significant Covid impact",
        "5 years SLCN plan developed along with short term action plan",
    ],
}

# The risks and issues the Kent paper names (source 004 in docs/domain.md), as the leads' monthly updates carry them.
KENT_RISKS = {
    "C": "Backlog of assessments: additional capacity to clear backlog. Aiming to compete "
    "assessments within statutory timescales by April 21",
    "E": "Significant Covid impact. 5 years SLCN plan developed along with short term action plan",
}


# (lead, [representatives as "Name, role"]), verbatim from the "Lead & Representatives" column
HERTS_PEOPLE = {
    "Quality SEND Offer": (
        "David Killgallon, Herts for Learning",
        [
            "Scott Martin, Secondary Head",
            "Sue Howe, Secondary Head",
            "Armit Bal-Richards, Primary Head",
            "Bernadette Holmes, Primary Head",
            "Leise Cooper, Parent",
            "Carol Kelsey, Parent",
        ],
    ),
    "Exceptional Needs Funding": (
        "Jennie Newman, County Lead for SEN",
        [
            "Alisdair Skinner, Primary Head",
            "Jill Langham, Primary Head",
            "Jane Carson, Primary Head",
            "Sharon Swinson, Primary Head",
            "Lee-Ann Britten (Sub), Primary Head",
            "Rebecca Collins (Sub), Primary",
            "John Grubb, Primary support",
            "Tony Fitzpatrick, Secondary Head",
            "tbc, Parent",
        ],
    ),
    "Behaviour and Alternative Provision": (
        "Martin Smith, County Lead for Behaviour and Alternative Provision",
        [
            "Jenny Morley, Primary Head",
            "Tracy Prickett, Primary Head",
            "Wendy Hayes, Primary Head",
            "Lee-Ann Britten (Sub), Primary Head",
            "Emma Devally (Sub), Primary Head",
            "Leise Cooper, Parent",
            "Tim Body, Secondary Head",
            "Scott Martin, Secondary Head",
            "Tony Fitzpatrick, Secondary Head",
            "Sue Howe, ESC Head",
            "Anne Spencer, Special School Head",
            "Sean Trimble, Special School Head",
            "David Allen, ESC Head",
            "Raine Simcox, Parent",
            "Sara Lalis, ESC Head",
        ],
    ),
    "Autism": (
        "John Short, Keeping Children in Local Provision Manager",
        [
            "Helen Booth, ISL County Lead for Complex Needs",
            "Richard Haynes, Primary Head",
            "Joanne Summers, EP",
            "Sally Glossop, Professional Lead for Communication and Autism",
            "Leise Cooper, Parent",
            "Trevor Orchard, PRU Head",
            "Louise Barrell, HfL",
        ],
    ),
    "Specific Learning Difficulties": (
        "Anne Powell Davies, Assistant Principal Educational Psychologist",
        [
            "Carol Kelsey, Parent",
            "Richard Haynes, Primary Head",
            "Raymond McGovern, Secondary Head",
            "Julie Reddish, HCC Commissioner",
            "Kerry Scripps, DSPL Manager",
            "Cherrie Demain, DSPL Manager",
            "Margot Nichols, SENCo",
            "Tracey Lockwood, SENCo",
            "James Roach, Primary Head",
            "Rob Halls, Primary Head",
            "Pauline Kirtley, Head of Centre",
            "Rod Woodhouse, DSPL Manager",
            "Armit Bal-Richards, Primary Head",
            "Anna McDowall, SEN Officer",
        ],
    ),
    "Speech, Language and Communication Needs": (
        "Helen Booth, County Lead for Complex Needs",
        [
            "Zoe Phillips, Primary Head",
            "Cathy Longhurst, Primary Head",
            "Mary Ann Cooper (Sub), Primary Head",
            "Roger Billing (Sub), Primary Head",
            "Wendy Berezowy, Post 16 rep",
            "Christine deGraft-Hansen, Special School Head",
        ],
    ),
    "Special Schools": (
        "Jennie Newman, County Lead for SEN",
        [
            "Leise Cooper, Parent",
            "Jeanne Edwards, Deputy Head of SEN",
            "Paul Johnson, Special School Head",
            "Lucy Leith, Special School Head",
            "Merja Paakkonen, Special School Head",
            "Kerry Harris, Special School Head",
            "Catherine Smith, Special School Head",
            "Carly Simmonds, Primary Head",
            "Jackie Stevenson, Primary Head",
        ],
    ),
    "Sensory and Physical Needs": (
        "Donald Allan, Senior Advisory Teacher, Sensory and Physical Needs",
        [
            "Caroline Tristram, Primary Head",
            "Diane Frainer, Primary Head",
            "Nathan Taylor, Special School Head",
            "Beatrice Rosser, Post 16 rep",
        ],
    ),
    "Educational Psychology Services": (
        "Ann Ricketts, Principal Educational Psychologist",
        [
            "Gary Virtue, Primary Head",
            "Sue Dury, Primary Head",
            "Nick Rowlands, Primary Head",
            "Jackie Andrews, Post 16 rep",
            "Richard Haynes, Primary Head",
            "Carol Kelsey, Parent",
            "Caroline Lingwood, Secondary Deputy Head",
            "Deepa Thakur, Health",
            "Joanne Summers, EP",
            "Rachel Mitchell, EP",
            "Jennie Newman, Head of SEN",
            "Laura Ansell (Sub), Post 16 rep",
        ],
    ),
    "DSPL Area Groups": (
        "SEND Business Group",
        [
            "Lesley Spence, Primary Head",
            "Mandy Ably, Primary Head",
            "Sue Howe, ESC Head",
            "Tim Body, Secondary Head",
        ],
    ),
}


HERTS_TEXT = [
    {
        "title": "Quality SEND Offer",
        "objectives": [
            "To develop and publish a core quality offer expected from all schools, early "
            "years settings and colleges",
            "To develop, pilot and implement an evaluation framework at individual "
            "setting, DSPL Area and County level",
        ],
        "outcomes": [
            "A clear core offer from all schools, early years settings and colleges enables "
            "all stakeholders to have a common understanding of the entitlement for every "
            "child and young person with SEND",
            "Children and young people with SEND and their parents experience a more "
            "consistent and positive response from schools/early years settings/colleges "
            "wherever they live in Hertfordshire",
        ],
        "position": [
            "Workstream brief has been agreed by the SEND Executive",
            "A more detailed action plan is now being developed",
            "Three elements of work have been identified suggesting a phased approach to "
            "development, pilot and implementation between now and September 2016 with the "
            "first phase being completed by February",
            "A working group has been established and met in December",
        ],
    },
    {
        "title": "Exceptional Needs Funding",
        "objectives": [
            "Review Hertfordshire’s approach to meeting the needs of the most complex and "
            "exceptional needs children in mainstream schools",
            "Determine whether the existing arrangements are fit for purpose and make any "
            "necessary recommendations for change or alternative approaches",
        ],
        "outcomes": [
            "The needs of the most complex and exceptional needs children in mainstream "
            "schools are met efficiently, equitably and effectively."
        ],
        "position": [
            "Workstream brief has been agreed by the SEND Executive",
            "An independent review started in October and is well underway",
            "The reviewer has met with parents, headteachers, SENCOs and officers and "
            "further meetings are taking place in January/February",
            "He has observed decision making panels and analysed data and financial information",
            "The findings and recommendations will be reported by February half term",
        ],
    },
    {
        "title": "Behaviour and Alternative Provision",
        "objectives": [
            "Review and publish a refreshed strategy for Behaviour and Alternative "
            "Provision in Hertfordshire",
            "Continue to review existing provision for behaviour and alternative "
            "provision across all phases and implement changes to ensure local services "
            "meet the needs of children and young people",
            "Continue to roll out a consistent behaviour management approach to "
            "mainstream primary and secondary schools, special schools, early years "
            "settings, colleges and families through Hertfordshire Steps",
            "Ensure a flexible and co-ordinated continuum of provision is in place in "
            "each area to support children and young people with the most significant and "
            "complex behavioural needs, learning from the North Herts Alternative "
            "Solutions pilot",
        ],
        "outcomes": [
            "An effective Behaviour Strategy is in place and communicated to all stakeholders.",
            "Feedback indicates schools, settings, parents and other stakeholders are aware "
            "of and in broad agreement with the strategy, the key priorities and intended "
            "outcomes.",
            "Each DSPL Area has effective behaviour support and alternative provision.in place.",
            "This has been planned and commissioned by local stakeholders working in partnership.",
            "Outcomes for children and young people are improved and provision is value for money.",
            "Early intervention and inclusion are strengthened and fewer children require "
            "high cost specialist provision.",
            "All schools, early years settings and colleges are able to access "
            "Hertfordshire Steps.",
            "Evaluation shows that effective implementation of the training increases "
            "recipients’ skills, confidence and understanding of managing behaviour.",
            "A continuum of provision is in place in each Area to support children and "
            "young people with the most significant and complex behavioural needs to "
            "improve outcomes.",
            "Children and young people have their needs met in their local area.",
        ],
        "position": [
            "Much of this work is already underway and an update of planned activity was "
            "discussed at the SEND Executive in July",
            "The workstream aims to provide an overview of all the elements of existing and "
            "new work in this area and a brief summarising activity against the four "
            "outcomes was presented to the SEND Executive for agreement in December",
            "An initial draft of a refreshed Behaviour Strategy was shared with a "
            "stakeholder working group before the end of the Autumn term",
            "There are a number of developments and improvements to local behaviour "
            "services that have been established or are underway, some involving formal "
            "consultation and decision making processes where existing provisions are being "
            "decommissioned and services being re-designed such as primary behaviour "
            "support services in North Herts, Watford and 3 Rivers and East Herts.",
            "Hertfordshire Steps, an intervention approach for behaviour, is being rolled out.",
            "As at October 2015 160 schools and 29 early years settings have received training.",
            "Evaluations of the training are very good and demand is high.",
            "Training has also been delivered to children’s homes and colleges.",
        ],
    },
    {
        "title": "Autism",
        "objectives": [
            "Respond to the review of educational provision for children and young people "
            "with autism",
            "Develop an Autism Strategy and a clear local offer of services",
            "Deliver high quality provision and services in each Area to meet the needs "
            "of children and young people with autism",
        ],
        "outcomes": [
            "An action plan is drawn up in response to the agreed priority recommendations "
            "from the review.",
            "An effective Autism Strategy is in place and communicated to all stakeholders.",
            "Feedback indicates schools, early years settings, colleges, parents and other "
            "stakeholders are aware of and in broad agreement with the strategy, the key "
            "priorities and intended outcomes.",
            "Local schools, early years settings, colleges and services are effective at "
            "meeting the needs of all children and young people with autism wherever they "
            "live in Hertfordshire.",
            "The outcomes for children and young people with autism are improved.",
        ],
        "position": [
            "Dr Glenys Jones’ independent review of educational services for autism in "
            "Hertfordshire was published in early September",
            "134 headteachers and parents attended feedback sessions to coincide with the "
            "launch and provided constructive ideas/ suggestions for implementing the "
            "recommendations.",
            "An electronic survey has been made available on the Herts Parent Carer "
            "Involvement website for people to continue to provide feedback.",
            "Again the response has been good with approximately 100 responses so far.",
            "A DSPL Newsletter summarising the recommendations has been widely published",
            "A core working group has been established and a detailed action plan is being "
            "developed to take the work forward.",
            "The workstream brief was presented at the SEND Executive in December.",
            "Wider stakeholder involvement is planned, including through the DSPL Area Groups",
            "An update has been provided at the All Age Autism Board and links have been "
            "made with Health and other agencies in relation to aspects of the workstream",
        ],
    },
    {
        "title": "Specific Learning Difficulties",
        "objectives": [
            "Respond to the SpLD review and make recommendations for change",
            "Ensure the needs of all children and young people with SpLD are met effectively",
        ],
        "outcomes": [
            "An action plan is drawn up in response to the recommendations and options in "
            "the review.",
            "Children and young people with SpLD have their needs met in the most effective "
            "way ensuring value for money with the available resources",
        ],
        "position": [
            "The SpLD review was published in September and the options were considered by "
            "the SEND Executive",
            "One proposal is to close the two secondary SpLD bases in mainstream schools in "
            "the light of the evidence that they are no longer required provision.",
            "This recommendation is being progressed through the required decision making "
            "and consultation processes",
            "The SEND Executive considered that further work was needed to draw up an "
            "action plan for the future model and funding arrangements for primary SpLD "
            "provision.",
            "Currently approximately £1.6m funds outreach from 10 primary bases.",
            "The workstream brief for taking forward the actions for secondary and primary "
            "SpLD will be presented at the SEND Exec in December",
        ],
    },
    {
        "title": "Speech, Language and Communication Needs",
        "objectives": [
            "Review the current use of resources for children with speech, language and "
            "communication needs (including school based provision in mainstream and "
            "special schools, early years settings, colleges, specialist bases and Speech "
            "and Language Therapy) and make any necessary recommendations for change",
            "Develop a flexible and co-ordinated continuum of services in each area that "
            "meets the needs of children and young people and makes best use of "
            "resources.",
        ],
        "outcomes": [
            "A clear understanding of the resources available, how these are used and how "
            "effectively needs are currently being met",
            "An action plan is drawn up in response to the findings and recommendations of "
            "the review.",
            "A continuum of provision for children and young people with speech, language "
            "and communication needs is in place that supports early intervention and "
            "inclusion.",
            "An integrated collaborative model of services and provision delivers effective "
            "provision that is good value for money",
            "Agreed arrangements for the commissioning of speech and language therapy as "
            "part of the overall service model",
        ],
        "position": [
            "This workstream will commence in January.",
            "A brief has been developed and was presented to the SEND Executive in December",
            "The proposal to include a review of arrangements for commissioning speech and "
            "language therapy as part of this workstream was agreed by School Forum in "
            "July.",
            "Currently the Council allocates £1.7m of Dedicated Schools Funding for speech "
            "therapy through a centrally commissioned contract",
            "As the workstream incorporates the review of commissioning arrangements for "
            "speech therapy initial discussions have taken place with CCG Commissioners "
            "regarding their involvement",
        ],
    },
    {
        "title": "Special Schools",
        "objectives": [
            "Complete the evaluation of outreach from special schools and make any "
            "necessary recommendations for changes in future commissioning and delivery "
            "of services",
            "Identify further ways in which special schools can enhance mainstream capacity.",
            "Further develop strategic work across mainstream, special schools and other "
            "settings/services to ensure available resources are used effectively, "
            "efficiently and creatively.",
            "Review areas of pressure and relative under-use in the special school sector "
            "to ensure existing and emerging needs can be met.",
        ],
        "outcomes": [
            "Evaluation indicates this support increases mainstream schools' skills to meet "
            "a broader range of needs.",
            "More children are supported successfully in mainstream schools.",
            "The service is targeted effectively and input is planned and co-ordinated with "
            "other services to maximise impact and resources.",
            "High quality specialist support from special schools enhances capacity in the "
            "mainstream sector.",
            "There is a clear and sustainable plan for the role of special schools in "
            "meeting existing and emerging needs as part of the local continuum of "
            "provision and services.",
            "An analysis of pressures and under-use is completed with recommendations to "
            "ensure there are sufficient and appropriate places in special schools to meet "
            "needs locally.",
            "Resources are used creatively, including more flexible models of meeting needs "
            "across the special and mainstream sector.",
        ],
        "position": [
            "Initial meetings have taken place with headteachers and parents to scope the "
            "workstream",
            "A workstream brief has been presented to the SEND Executive Board in December",
            "Some activities are already planned or underway.",
            "For example a review of outreach services and a redistribution of the £310k "
            "budget across DSPL areas took place last year and this is currently being "
            "evaluated.",
            "Officers have worked with a special school headteacher working group to "
            "determine place numbers in schools for the next financial year.",
            "The formula for determining place numbers indicated a net increase of 52 "
            "places in 2016-17, in line with that predicted in the previous year based on "
            "demography and usage of places by other local authorities.",
            "In October School Forum agreed the proposed net increase and final funded "
            "place numbers in individual schools is being reported to School Forum in "
            "January",
            "Arrangements are being made to carry out an exercise to determine the physical "
            "capacity in schools so there is an agreed expectation of the numbers schools "
            "can adequately and reasonably provide for",
            "The working group involves mainstream schools and parents as well as special schools",
        ],
    },
    {
        "title": "Sensory and Physical Needs",
        "objectives": [
            "Review the services and provision for meeting sensory and physical needs and "
            "make any necessary recommendations for change.",
            "Ensure resources are targeted appropriately and are value for money.",
        ],
        "outcomes": [
            "A clear understanding of the resources available, how these are used and how "
            "effectively needs are being met by current services, including value for "
            "money.",
            "An action plan is drawn up in response to the findings and recommendations of "
            "the review.",
            "Resources are targeted appropriately, value for money is ensured and improve "
            "outcomes for children and young people.",
        ],
        "position": [
            "This workstream will commence in January. A brief was presented to the SEND "
            "Executive in December.",
            "This work covers PNI, VI and HI. It includes resources provided in mainstream "
            "schools, designated mainstream schools for PNI, ENF, specialist support "
            "services, bases/units and special schools.",
        ],
    },
    {
        "title": "Educational Psychology Services",
        "objectives": [
            "Review the provision of ISL EP services. Make any necessary recommendations "
            "for change.",
            "Ensure the EP service is targeted to maximise the available resource to meet "
            "agreed objectives",
        ],
        "outcomes": [
            "The Educational Psychology Service works collaboratively with parents, "
            "children and young people, schools, early years settings, colleges and other "
            "Local Authority services to maximise the use of resources available.",
            "To produce a prioritised, agreed and understood offer of service delivery "
            "taking account of the needs and wishes of all stakeholders.",
            "Children and young people, parents, early years settings, schools, colleges "
            "and other Local Authority services access a targeted Educational Psychology "
            "Service that provides high quality support on behalf of vulnerable children "
            "and young people with high needs.",
            "Services are high quality, targeted effectively and equitably, and are value "
            "for money.",
        ],
        "position": [
            "A workstream brief has been agreed by the SEND Executive",
            "The working group have met and includes school, college, parent, service and "
            "health representation.",
        ],
    },
    {
        "title": "DSPL Area Groups",
        "objectives": [
            "Review the DSPL Framework so that there is greater local involvement in "
            "implementing the SEND Strategy"
        ],
        "outcomes": [
            "Framework and support for Area decision making and commissioning strengthened.",
            "More Area ownership and decisions taken locally on meeting the needs of "
            "children and young people",
        ],
        "position": [
            "The SEND Business group has commenced this work and a workstream brief has "
            "been presented to the SEND Executive in December",
            "Revised TOR and a new framework document have been drafted which will inform "
            "the new DSPL Area Group contracts in 2016-17",
            "A meeting with DSPL leads and managers has taken place to seek their views and "
            "suggestions about what would assist their work in delivering the strategy "
            "locally. These will form the basis of the workstream action plan.",
            "Principles of parental engagement in DSPL and an exemplification model of "
            "co-production have been developed by a working group of parents, officers and "
            "headteachers. This will be used to evaluate how the principles are put into "
            "practice at all levels. This has been presented to the SEND Executive Board in "
            "December and will form part of the new framework.",
            "A communication strategy is being developed and will be presented to the SEND "
            "Executive in January.",
        ],
    },
]
