"""The sign-in audit kept by django-axes: attempts, lockouts and sign-ins, for superusers only.

Addresses and usernames of everyone who tried to sign in are personal data, and unlocking an account (deleting
its attempts) is an administrator's decision, so neither staff nor managers see these pages, whatever
permissions a group is given (``AXES_ENABLE_ADMIN`` is off; these classes replace axes' own registration).
"""

from __future__ import annotations

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin


class SuperusersOnly:
    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a record of what happened: read-only

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deleting an AccessAttempt lifts its lockout before the cool-off ends.
        return request.user.is_active and request.user.is_superuser


@admin.register(AccessAttempt)
class SignInAttemptAdmin(SuperusersOnly, AccessAttemptAdmin):
    pass


@admin.register(AccessLog)
class SignInLogAdmin(SuperusersOnly, AccessLogAdmin):
    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AccessFailureLog)
class SignInFailureLogAdmin(SuperusersOnly, AccessFailureLogAdmin):
    def has_delete_permission(self, request, obj=None) -> bool:
        return False
