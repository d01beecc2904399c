"""The two staff groups and their permissions, kept in step with the models on every ``migrate``.

Groups are data, not a migration: the cooperation migrations are frozen, and the import, report and API apps
add models later. ``post_migrate`` runs after Django has created each app's permissions, so granting there
picks up every new model without anyone remembering to edit a list.
"""

from __future__ import annotations

from django.apps import AppConfig
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS

PROTOCOL_STAFF = "Protocol staff"
MANAGERS = "Managers"

# What each group may do, per app label. Protocol staff never delete: every cooperation record keeps its
# history, and a deletion would break the partner API's change feed and the citations that point at it.
GROUP_POLICY: dict[str, dict[str, tuple[str, ...]]] = {
    PROTOCOL_STAFF: {
        "cooperation": ("view", "add", "change"),
        "importing": ("view", "add", "change"),
        "reports": ("view", "add", "change"),
        "partner_api": ("view",),
    },
    MANAGERS: {
        # "approve": planned visits are approved by a Manager, never by the staff who proposed them.
        "cooperation": ("view", "approve"),
        "importing": ("view",),
        "reports": ("view",),
        "partner_api": ("view",),
    },
}


def _is_history_model(content_type: ContentType) -> bool:
    return content_type.model.startswith("historical")


def grant_group_permissions(*, app_label: str | None = None, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the groups if missing and make their permissions on the governed apps match the policy.

    Safe to run any number of times. Within the governed app labels the policy is the truth (a delete
    permission granted by hand to Protocol staff is taken away again, since "no delete" is a promise to the
    office); permissions on other apps, e.g. auth, are left as an administrator set them. Historical (audit)
    tables are only ever viewable, because rewriting history would defeat it.
    """
    for group_name, policy in GROUP_POLICY.items():
        group, _ = Group.objects.using(using).get_or_create(name=group_name)
        labels = [app_label] if app_label is not None else list(policy)
        wanted = []
        for label in labels:
            actions = policy.get(label, ())
            if not actions:
                continue
            permissions = Permission.objects.using(using).filter(content_type__app_label=label)
            for permission in permissions.select_related("content_type"):
                action = permission.codename.split("_", 1)[0]
                if _is_history_model(permission.content_type) and action != "view":
                    continue
                if action in actions:
                    wanted.append(permission)
        stale = group.permissions.filter(content_type__app_label__in=labels).exclude(
            pk__in=[permission.pk for permission in wanted]
        )
        if stale.exists():
            group.permissions.remove(*stale)
        if wanted:
            group.permissions.add(*wanted)


def on_post_migrate(sender: AppConfig, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Grant for the app that was just migrated; auth has created its permissions a moment before."""
    if sender.label in GROUP_POLICY[PROTOCOL_STAFF]:
        grant_group_permissions(app_label=sender.label, using=using)
