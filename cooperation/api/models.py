"""Partner tokens. (The change feed they read is the domain's: ``cooperation.models.changes``.)"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "gvx_"


def hash_key(key: str) -> str:
    """Keys are 256-bit random strings, so a plain SHA-256 is enough: there is nothing to brute-force."""
    return hashlib.sha256(key.encode()).hexdigest()


class TokenScope(models.TextChoices):
    READ = "read", _("read (partner systems)")
    WRITE = "write", _("read and write (staff tools; model permissions apply)")


class PartnerToken(models.Model):
    """A key for one partner system. Only its hash is stored; the key is shown once, when it is created."""

    name = models.CharField(_("name"), max_length=120, help_text=_("Which system uses it, e.g. 'MFA CRM nightly'."))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_tokens", verbose_name=_("owner")
    )
    scope = models.CharField(_("scope"), max_length=5, choices=TokenScope.choices, default=TokenScope.READ)
    prefix = models.CharField(_("key starts with"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner token")
        verbose_name_plural = _("partner tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def new_key(cls) -> str:
        return KEY_PREFIX + secrets.token_urlsafe(32)

    def set_key(self, key: str) -> None:
        self.prefix = key[: len(KEY_PREFIX) + 6]
        self.key_hash = hash_key(key)
