"""One handler per candidate kind: everything the pipeline does with a kind of candidate lives in its class.

``run`` asks a handler to label and match what extraction found; ``review`` asks it what accepting would create,
which corrections an officer may make, and to create, merge and link the record.
"""

from __future__ import annotations

from .agreement import AgreementHandler
from .base import IMPORT_REASON, DocumentContext, Handler, RelationList, ReviewError, audit, unique_slug
from .delegation import DelegationHandler
from .event import EventHandler
from .person import PersonHandler
from .programme import ProgrammeHandler, TopicHandler

# In extraction order: people first, so the review page lists them before the records that name them.
HANDLERS: dict[str, Handler] = {
    handler.kind: handler
    for handler in (
        PersonHandler(),
        DelegationHandler(),
        EventHandler(),
        AgreementHandler(),
        ProgrammeHandler(),
        TopicHandler(),
    )
}


def handler_for(kind: str) -> Handler:
    return HANDLERS[kind]


__all__ = [
    "HANDLERS",
    "IMPORT_REASON",
    "DocumentContext",
    "Handler",
    "RelationList",
    "ReviewError",
    "audit",
    "handler_for",
    "unique_slug",
]
