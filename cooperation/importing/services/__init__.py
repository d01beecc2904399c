"""Writes of the import pipeline: submit a file (``intake``), run the extraction (``run``), decide on candidates
(``review``). Each service is safe to call twice; see each module for how.

The public names are re-exported here, so callers write ``from cooperation.importing.services import ...``.
"""

from __future__ import annotations

from .intake import Submitted, document_requeue, document_submit, documents_resend_stalled
from .review import (
    IMPORT_REASON,
    ReviewError,
    candidate_accept,
    candidate_merge,
    candidate_reject,
    hand_edited_fields,
    merge_preview,
    merge_previews,
    source_for_document,
)
from .run import CANDIDATE_SECTIONS, candidates_build, document_import_run, document_mark_failed

__all__ = [
    "CANDIDATE_SECTIONS",
    "IMPORT_REASON",
    "ReviewError",
    "Submitted",
    "candidate_accept",
    "candidate_merge",
    "candidate_reject",
    "candidates_build",
    "document_import_run",
    "document_mark_failed",
    "document_requeue",
    "document_submit",
    "documents_resend_stalled",
    "hand_edited_fields",
    "merge_preview",
    "merge_previews",
    "source_for_document",
]
