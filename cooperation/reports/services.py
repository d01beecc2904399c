"""Personal calendar feed links: issue, revoke, and the lookup that authenticates the feed.

Calendar applications cannot sign in, so the secret in the link is the whole credential. A user holds at most
one live link (the database enforces it); revoking keeps the row, so the office can see who had a link and when
it stopped working.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from .models import CalendarToken

REPORTS_PERMISSION = "reports.view_reports"


def calendar_token_active(*, user: AbstractBaseUser) -> CalendarToken | None:
    return CalendarToken.objects.filter(user=user, revoked_at__isnull=True).first()


@transaction.atomic
def calendar_token_revoke(*, user: AbstractBaseUser) -> int:
    """End the user's live link, if any; returns how many were ended (0 or 1)."""
    # Locked first: two concurrent "replace" clicks must not both find the old link and both create a new one
    # (the second would then fail on the one-live-link constraint).
    live = CalendarToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True)
    return live.update(revoked_at=timezone.now())


@transaction.atomic
def calendar_token_issue(*, user: AbstractBaseUser) -> CalendarToken:
    """A new link for the user; the old one stops working in the same transaction."""
    calendar_token_revoke(user=user)
    return CalendarToken.objects.create(user=user)


def calendar_token_user(*, token: str) -> AbstractBaseUser | None:
    """The user a feed link belongs to, while the link is live and its owner may still read the reports."""
    found = (
        CalendarToken.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if found is None or not found.user.has_perm(REPORTS_PERMISSION):
        return None
    return found.user
