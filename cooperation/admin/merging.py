"""Merging duplicate officials and organisations from the admin: where to start (the same name key across
scripts) and a preview of what moves before anything is written. The merge itself is ``cooperation.services``;
its history rows name the officer (the history middleware), and the change feed tells partners "merged into".
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperation.services import MergeError


class PossibleDuplicatesFilter(admin.SimpleListFilter):
    """Records with a name form whose search key another record shares ("Шапкина" and "Shapkina")."""

    title = _("possible duplicates")
    parameter_name = "duplicates"

    def lookups(self, request, model_admin):
        return (("yes", _("same name as another record")),)

    def queryset(self, request, queryset):
        if self.value() != "yes":
            return queryset
        names = queryset.model.names.rel.related_model
        owner = queryset.model.names.field.name
        shared = (
            names.objects.values("search_key")
            .annotate(owners=Count(owner, distinct=True))
            .filter(owners__gt=1)
            .values("search_key")
        )
        return queryset.filter(names__search_key__in=shared).distinct()


def _what_moves(record) -> list[tuple[str, int]]:
    """Rows of other tables that point at ``record`` (names, posts, memberships, signatures ...), by table."""
    moves = []
    for relation in record._meta.related_objects:
        if relation.one_to_many and not relation.related_model._meta.auto_created:
            accessor = relation.get_accessor_name()
            count = getattr(record, accessor).count()
            if count:
                moves.append((str(relation.related_model._meta.verbose_name_plural), count))
    return moves


def merge_action(merge: Callable, label):
    """An admin action that merges exactly two selected records, after a preview, into the one the officer keeps."""

    @admin.action(description=label, permissions=["change"])
    def merge_selected(model_admin, request, queryset):
        records = list(queryset.order_by("pk")[:3])
        if len(records) != 2:
            model_admin.message_user(request, _("Select exactly two records to merge."), messages.WARNING)
            return None
        if request.POST.get("confirm") == "yes":
            keep_pk = request.POST.get("keep")
            keep = next((r for r in records if str(r.pk) == keep_pk), None)
            if keep is None:
                model_admin.message_user(request, _("Choose the record to keep."), messages.WARNING)
            else:
                duplicate = next(r for r in records if r.pk != keep.pk)
                try:
                    merged = merge(duplicate=duplicate, keep=keep)
                except MergeError as exc:
                    model_admin.message_user(request, str(exc), messages.ERROR)
                    return None
                model_admin.message_user(
                    request, _("“%(gone)s” was merged into “%(kept)s”.") % {"gone": duplicate, "kept": merged}
                )
                opts = merged._meta
                change = f"admin:{opts.app_label}_{opts.model_name}_change"
                return HttpResponseRedirect(reverse(change, args=[merged.pk]))
        context = {
            **model_admin.admin_site.each_context(request),
            "title": _("Merge two records"),
            "opts": model_admin.model._meta,
            "records": [(record, _what_moves(record)) for record in records],
            "action": request.POST.get("action"),
        }
        return TemplateResponse(request, "admin/cooperation/merge.html", context)

    return merge_selected
