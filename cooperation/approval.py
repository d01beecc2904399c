"""Approving planned visits: a Manager's decision, recorded with who and when.

The course of a visit (``DelegationStatus``): requested → planned (the issue's "proposed") → confirmed
("approved", only through ``approve``) → completed ("held"), or cancelled / postponed. Staff propose; only a
user with ``cooperation.approve_delegation`` (the Managers group) approves, so a visit is never held on the word
of the person who proposed it. The admin offers each user only the statuses ``allowed_statuses`` gives.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperation.models import Delegation, DelegationStatus

APPROVE_PERMISSION = "cooperation.approve_delegation"
APPROVABLE = (DelegationStatus.REQUESTED, DelegationStatus.PLANNED)
# Reached from "confirmed" without a Manager: the approved visit took place, was called off or moved.
AFTER_APPROVAL = (DelegationStatus.COMPLETED, DelegationStatus.CANCELLED, DelegationStatus.POSTPONED)

STATUS_REFUSED = _(
    "You may not give this visit that status: only a Manager approves a visit (“confirmed”), "
    "and a planned visit is held (“completed”) only after approval."
)


def can_approve(user) -> bool:
    return user.has_perm(APPROVE_PERMISSION)


@transaction.atomic
def approve(delegation: Delegation, user) -> Delegation:
    """Approve a requested or planned visit as ``user``; the history row says "approved", by whom, when."""
    if not can_approve(user):
        raise PermissionDenied(_("Only a Manager can approve a planned visit."))
    # Locked so two Managers approving at once record one approval, not two history rows with different names.
    locked = Delegation.objects.select_for_update().get(pk=delegation.pk)
    if locked.status not in APPROVABLE:
        raise ValidationError(
            _("Only a requested or planned visit can be approved; “%(title)s” is %(status)s."),
            params={"title": locked.title, "status": locked.get_status_display()},
            code="not_approvable",
        )
    locked.status = DelegationStatus.CONFIRMED
    locked.approved_by = user
    locked.approved_at = timezone.now()
    # Outside a request (a shell, a task) HistoryRequestMiddleware knows no user: name the approver explicitly.
    locked._history_user = user
    locked._change_reason = "approved"
    locked.save()
    for field in ("status", "approved_by", "approved_at", "updated_at"):
        setattr(delegation, field, getattr(locked, field))
    return delegation


def allowed_statuses(user, delegation: Delegation | None) -> list[str]:
    """The statuses ``user`` may set on ``delegation`` (None or unsaved: a new record) by editing it.

    Without the approval permission: never "confirmed" (that is ``approve``'s), "completed" only for a new
    record (a past visit being recorded) or one already approved, and an approved visit only moves on
    (held, cancelled, postponed), since moving it back would leave an approval on a plan nobody approved.
    The current status is always allowed, so a form for a record can still be saved unchanged.
    """
    if can_approve(user):
        return list(DelegationStatus.values)
    current = delegation.status if delegation is not None and delegation.pk else None
    approved = current in (DelegationStatus.CONFIRMED, DelegationStatus.COMPLETED) or (
        delegation is not None and delegation.approved_at is not None
    )
    allowed = []
    for status in DelegationStatus.values:
        refused = (
            status == DelegationStatus.CONFIRMED
            or (current == DelegationStatus.CONFIRMED and status not in AFTER_APPROVAL)
            or (status == DelegationStatus.COMPLETED and current is not None and not approved)
        )
        if status == current or not refused:
            allowed.append(status)
    return allowed
