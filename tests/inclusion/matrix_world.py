"""Objects for the access matrix (tests/test_access_matrix.py): inclusion and meetings.

Created on first use and kept in the matrix's ``world`` dict, so the shared fixture is unchanged.
Meetings belong to a group of area X (North East), published, so head_y proves the area rule.
"""

from inclusion.models import StatementVersion, TopicPoint
from tests.inclusion.factories import ConsultationTopicFactory, TopicPointFactory, statement_version
from tests.meetings.factories import (
    ActionArisingFactory,
    AttendeeFactory,
    DecisionFactory,
    GroupFactory,
    MeetingFactory,
    MinuteItemFactory,
)


def inclusion_world(world: dict) -> dict:
    if "inclusion" not in world:
        statement_version(1, {"We commit": ["Adopted"]}, state=StatementVersion.State.ADOPTED)
        draft = statement_version(2, {"We commit": ["Draft"]})
        section = draft.sections.get()
        topic = ConsultationTopicFactory(consultation__slug="kent")
        world["inclusion"] = {
            "draft": draft,
            "section": section,
            "statement": section.statements.get(),
            "consultation": topic.consultation,
            "topic": topic,
            "theme": TopicPointFactory(topic=topic, kind=TopicPoint.Kind.KEY_THEME),
            "step": TopicPointFactory(topic=topic, kind=TopicPoint.Kind.NEXT_STEP),
        }
    return world["inclusion"]


def meetings_world(world: dict) -> dict:
    if "meetings" not in world:
        group = GroupFactory(slug="area-x-group", area=world["area_x"])
        meeting = MeetingFactory(group=group)
        world["meetings"] = {
            "group": group,
            "meeting": meeting,
            "item": MinuteItemFactory(meeting=meeting, number=1),
            "action": ActionArisingFactory(meeting=meeting),
            "decision": DecisionFactory(meeting=meeting),
            "attendee": AttendeeFactory(meeting=meeting),
        }
    return world["meetings"]


def version(w):
    return {"number": inclusion_world(w)["draft"].number}


def section(w):
    i = inclusion_world(w)
    return {"number": i["draft"].number, "position": i["section"].position}


def consultation(w):
    return {"slug": inclusion_world(w)["consultation"].slug}


def group(w):
    return {"slug": meetings_world(w)["group"].slug}


def meeting(w):
    return {"pk": meetings_world(w)["meeting"].pk}
