"""The reports app's own data: personal calendar feed tokens, and the permission that opens the reports."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def _new_token() -> str:
    # 32 random bytes, URL-safe: the token is the whole credential of a calendar subscription.
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """A personal, revocable link to the iCalendar feed.

    Calendar applications cannot log in, so the feed is authenticated by a secret in its URL. Revoking keeps
    the row (who had a link, and when it stopped working) instead of deleting it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_tokens", verbose_name=_("user")
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=_new_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar feed link")
        verbose_name_plural = _("calendar feed links")
        # The permission that opens /reports/; granted to both staff groups by the post_migrate policy
        # ("view" actions of the reports app).
        permissions = [("view_reports", _("Can open the manager reports"))]
        constraints = [
            # At most one live link per user: issuing a new one revokes the old one first.
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(revoked_at__isnull=True), name="calendar_token_one_active"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({'revoked' if self.revoked_at else 'active'})"

    def get_absolute_url(self) -> str:
        return reverse("reports:calendar_feed", kwargs={"token": self.token})
