"""Demo accounts for trying govex locally: one per group, and a superuser. Never outside DEBUG."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cooperation.signals import MANAGERS, PROTOCOL_STAFF, grant_group_permissions

# Published in the README, which is why the command refuses to run unless DEBUG is on.
DEMO_USERS = (
    # username, password, group, is_superuser
    ("staff", "govex-staff-demo", PROTOCOL_STAFF, False),
    ("manager", "govex-manager-demo", MANAGERS, False),
    ("admin", "govex-admin-demo", None, True),
)


class Command(BaseCommand):
    help = "Create (or reset) the demo users staff, manager and admin. Runs only with DEBUG on."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "create_demo_users runs only with DEBUG on (DJANGO_DEBUG=true): the demo passwords are public."
            )
        with transaction.atomic():
            # The groups come from post_migrate; granting again is cheap and covers a database migrated
            # before the groups existed.
            grant_group_permissions()

            user_model = get_user_model()
            for username, password, group_name, is_superuser in DEMO_USERS:
                user, created = user_model.objects.get_or_create(username=username)
                user.is_staff = True
                user.is_superuser = is_superuser
                user.is_active = True
                # Reset on every run so the documented password always works.
                user.set_password(password)
                user.save()
                if group_name:
                    user.groups.set([Group.objects.get(name=group_name)])
                role = group_name or "superuser"
                verb = "created" if created else "reset"
                self.stdout.write(f"{verb:>7}  {username:<8} password {password:<20} ({role})")
        self.stdout.write(self.style.SUCCESS("Demo users ready; log in at /admin/."))
