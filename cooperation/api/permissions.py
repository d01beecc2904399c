"""Who may do what through the API.

Reading: a partner token (any scope) or a staff member's session. A session (and a ``write`` token, a staff
tool) reads what its user may view in the admin (``view_`` on the view's model); a ``read`` token is a partner
and reads what is meant for partners (``is_partner`` below; the views hide the rest, e.g. internal notes).
Anonymous requests are refused.
Writing: a session of a staff member, or a ``write``-scope token, and in both cases the user's Django model
permissions, exactly as in the admin (``add_``/``change_``/``delete_`` on the view's model). Views without a
queryset (e.g. an import upload) name what they need in ``required_permissions = ["app.codename", ...]``;
a write view that declares neither is refused.
"""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissions

from .models import PartnerToken, TokenScope


def is_partner(request) -> bool:
    """A partner system: a ``read`` token. It sees records meant for partners only."""
    token = getattr(request, "auth", None)
    return isinstance(token, PartnerToken) and token.scope == TokenScope.READ


def _view_permission(view) -> str | None:
    try:
        model = view.get_queryset().model
    except (AssertionError, AttributeError, TypeError):
        return None
    return f"{model._meta.app_label}.view_{model._meta.model_name}"


class ApiAccess(BasePermission):
    message = "Authentication required: send 'Authorization: Token <key>' or sign in as staff."

    _model_permissions = DjangoModelPermissions()

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        token = request.auth if isinstance(request.auth, PartnerToken) else None
        if token is None and not user.is_staff:
            self.message = "Only staff may use the API with a session; partner systems use a token."
            return False
        if request.method in SAFE_METHODS:
            if token is not None and token.scope == TokenScope.READ:
                return True
            # Staff read what the admin would show them: a staff account with no group reads nothing here either.
            needed = getattr(view, "read_permissions", None)
            if needed is None:
                needed = [perm] if (perm := _view_permission(view)) else []
            self.message = "You do not have permission to view these records."
            return user.has_perms(needed)
        if token is not None and token.scope != TokenScope.WRITE:
            self.message = "This token is read-only."
            return False
        self.message = "You do not have permission to perform this action."
        required = getattr(view, "required_permissions", None)
        if required is not None:
            return user.has_perms(required)
        if getattr(view, "queryset", None) is not None or hasattr(view, "get_queryset"):
            try:
                return self._model_permissions.has_permission(request, view)
            except (AssertionError, AttributeError):
                return False
        return False
