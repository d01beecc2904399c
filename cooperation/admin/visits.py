"""The visit page: a delegation with its members, hosts, programme and agreements on one form, saved once.

Rows are plain forms (a new official is a typed name, a signatory is "the member in row 2"): the records they
describe do not exist until the save, which ``cooperation.visits.visit_record`` does in one transaction.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cooperation.approval import STATUS_REFUSED, allowed_statuses
from cooperation.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Delegation,
    DelegationMember,
    EventKind,
    EventParticipant,
    MemberRole,
    Official,
    ParticipantRole,
    Position,
)
from cooperation.visits import Person, ProgrammeItem, Signing, Visit, VisitError, name_form_of, visit_record

from .base import FastCountrySelect

DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
TEXT = forms.TextInput(attrs={"dir": "auto"})


class VisitForm(forms.ModelForm):
    class Meta:
        model = Delegation
        fields = ("title", "origin_country", "host_country", "city", "start_date", "end_date", "status")
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto", "class": "vTextField", "size": 60}),
            "city": TEXT,
            "origin_country": FastCountrySelect,
            "host_country": FastCountrySelect,
            "start_date": DATE,
            "end_date": DATE,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The same statuses the delegation's own page offers this user (approval is a Manager's).
        allowed = allowed_statuses(user, self.instance)
        status = self.fields["status"]
        status.choices = [(value, label) for value, label in status.choices if value in allowed]
        status.error_messages = {**status.error_messages, "invalid_choice": STATUS_REFUSED}


class PersonForm(forms.Form):
    """An existing official, or a new one's name with the language and script of that name form."""

    official = forms.ModelChoiceField(Official.objects.all(), required=False, label=gettext_lazy("official"))
    name = forms.CharField(required=False, max_length=300, label=gettext_lazy("or a new official's name"), widget=TEXT)
    language = forms.CharField(
        required=False, max_length=12, label=gettext_lazy("language"), widget=forms.TextInput(attrs={"size": 3})
    )
    script = forms.CharField(
        required=False, max_length=4, label=gettext_lazy("script"), widget=forms.TextInput(attrs={"size": 4})
    )
    position = forms.ModelChoiceField(Position.objects.all(), required=False, label=gettext_lazy("position"))

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        official = self.fields["official"]
        official.widget = AutocompleteSelect(DelegationMember._meta.get_field("official"), admin_site)
        official.widget.choices = official.choices
        # Only the chosen official's posts are offered (the page's script follows the choice); the model's own
        # check refuses another official's post however it was sent.
        chosen = self["official"].value()
        posts = Position.objects.filter(official_id=chosen) if str(chosen or "").isdigit() else Position.objects.none()
        self.fields["position"].widget.choices = [("", "---------"), *((p.pk, p.localized_title()) for p in posts)]

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not data.get("official") and not data.get("name")

    def clean(self):
        data = super().clean()
        if data.get("official") and data.get("name"):
            raise forms.ValidationError(_("Choose an official or type a new one's name, not both."))
        if data.get("name") and not (data.get("language") or name_form_of(data["name"])[0]):
            self.add_error("language", _("Give the language of this name (en, ru, ar ...)."))
        if data.get("position") and not data.get("official"):
            self.add_error("position", _("A new official has no positions yet; leave this empty."))
        return data

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(
            key=self.prefix,
            official=data.get("official"),
            new_name=data.get("name", ""),
            language=data.get("language", ""),
            script=data.get("script", ""),
            role=data.get("role") or MemberRole.MEMBER,
            position=data.get("position"),
        )


class MemberForm(PersonForm):
    role = forms.ChoiceField(choices=MemberRole.choices, initial=MemberRole.MEMBER, label=gettext_lazy("role"))

    field_order = ("official", "name", "language", "script", "role", "position")


class HostForm(PersonForm):
    pass


class OneHeadFormSet(forms.BaseFormSet):
    def clean(self):
        heads = [f for f in self.forms if getattr(f, "cleaned_data", {}).get("role") == MemberRole.HEAD]
        if len([f for f in heads if not f.is_blank]) > 1:
            raise forms.ValidationError(_("A delegation has one head; choose “member” for the others."))


class EventForm(forms.Form):
    kind = forms.ChoiceField(choices=EventKind.choices, initial=EventKind.MEETING, label=gettext_lazy("kind"))
    title = forms.CharField(required=False, max_length=400, label=gettext_lazy("title"), widget=TEXT)
    date = forms.DateField(
        required=False, label=gettext_lazy("date"), widget=DATE, help_text=gettext_lazy("the visit's first day")
    )
    city = forms.CharField(required=False, max_length=120, label=gettext_lazy("city"), widget=TEXT)
    start_time = forms.TimeField(
        required=False, label=gettext_lazy("start time"), widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"})
    )
    everyone = forms.BooleanField(required=False, initial=True, label=gettext_lazy("all members and hosts take part"))

    @property
    def is_blank(self) -> bool:
        return not getattr(self, "cleaned_data", {}).get("title")

    def clean(self):
        data = super().clean()
        if not data.get("title") and (data.get("date") or data.get("city") or data.get("start_time")):
            self.add_error("title", _("Give the event a title."))
        return data

    def item(self) -> ProgrammeItem:
        data = self.cleaned_data
        return ProgrammeItem(
            key=self.prefix,
            kind=data["kind"],
            title=data["title"],
            date=data.get("date"),
            city=data.get("city", ""),
            start_time=data.get("start_time"),
            everyone=data.get("everyone", False),
        )


class AgreementForm(forms.Form):
    kind = forms.ChoiceField(choices=AgreementKind.choices, initial=AgreementKind.MOU, label=gettext_lazy("kind"))
    title = forms.CharField(required=False, max_length=400, label=gettext_lazy("title"), widget=TEXT)
    status = forms.ChoiceField(
        choices=AgreementStatus.choices, initial=AgreementStatus.SIGNED, label=gettext_lazy("status")
    )
    date = forms.DateField(
        required=False,
        label=gettext_lazy("signed on"),
        widget=DATE,
        help_text=gettext_lazy("the visit's first day"),
    )
    # "the member in row N": members typed on this page have no id until the save.
    origin_signatory = forms.CharField(required=False, label=gettext_lazy("signed for the visitors by"))
    host_signatory = forms.CharField(required=False, label=gettext_lazy("signed for the hosts by"))

    def __init__(self, *args, members=(), hosts=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name, rows in (("origin_signatory", members), ("host_signatory", hosts)):
            self.fields[name].widget = forms.Select(
                choices=[("", "---------"), *rows], attrs={"data-rows": "members" if name[0] == "o" else "hosts"}
            )

    @property
    def is_blank(self) -> bool:
        return not getattr(self, "cleaned_data", {}).get("title")

    def clean(self):
        data = super().clean()
        if not data.get("title") and (data.get("date") or data.get("origin_signatory") or data.get("host_signatory")):
            self.add_error("title", _("Give the agreement a title."))
        return data


MemberFormSet = forms.formset_factory(MemberForm, formset=OneHeadFormSet, extra=0)
HostFormSet = forms.formset_factory(HostForm, extra=0)
EventFormSet = forms.formset_factory(EventForm, extra=0)
AgreementFormSet = forms.formset_factory(AgreementForm, extra=0)


def _row_label(form: PersonForm, number: int) -> str:
    official = form["official"].value()
    if str(official or "").isdigit():
        found = Official.objects.filter(pk=official).first()
        if found is not None:
            return str(found)
    return form["name"].value() or _("row %(number)d") % {"number": number}


def _existing_rows(delegation: Delegation | None) -> tuple[list[dict], list[dict]]:
    if delegation is None:
        return [], []
    members = [
        {"official": m.official_id, "role": m.role, "position": m.position_id}
        for m in delegation.members.order_by("order", "pk")
    ]
    hosts: dict[int, dict] = {}
    received = EventParticipant.objects.filter(event__delegation=delegation, role=ParticipantRole.HOST)
    for participant in received.order_by("event__start_date", "event_id", "pk"):
        hosts.setdefault(
            participant.official_id, {"official": participant.official_id, "position": participant.position_id}
        )
    return members, list(hosts.values())


def visit_page(model_admin, request, object_id: str | None = None):
    delegation = None
    if object_id is not None:
        delegation = get_object_or_404(Delegation, pk=object_id) if object_id.isdigit() else None
        if delegation is None:
            raise Http404
    if not model_admin.has_view_permission(request, delegation):
        raise PermissionDenied
    may_save = (
        model_admin.has_change_permission(request, delegation)
        if delegation
        else model_admin.has_add_permission(request)
    )
    if request.method == "POST" and not may_save:
        raise PermissionDenied

    site = model_admin.admin_site
    members_initial, hosts_initial = _existing_rows(delegation)
    data = request.POST if request.method == "POST" else None
    form = VisitForm(data, instance=delegation or Delegation(), user=request.user)
    members = MemberFormSet(
        data,
        prefix="members",
        initial=members_initial + [{}] * (1 if delegation else 3),
        form_kwargs={"admin_site": site},
    )
    hosts = HostFormSet(
        data, prefix="hosts", initial=hosts_initial + [{}] * (1 if delegation else 2), form_kwargs={"admin_site": site}
    )
    member_rows = [(str(i), _row_label(f, i + 1)) for i, f in enumerate(members.forms)]
    host_rows = [(str(i), _row_label(f, i + 1)) for i, f in enumerate(hosts.forms)]
    events = EventFormSet(data, prefix="events", initial=[{}])
    agreements = AgreementFormSet(
        data, prefix="agreements", initial=[{}], form_kwargs={"members": member_rows, "hosts": host_rows}
    )
    formsets = (members, hosts, events, agreements)

    if data is not None and form.is_valid() and all(fs.is_valid() for fs in formsets):
        visit = Visit(
            delegation=form.save(commit=False),
            members=[f.person() for f in members.forms if not f.is_blank],
            hosts=[f.person() for f in hosts.forms if not f.is_blank],
            events=[f.item() for f in events.forms if not f.is_blank],
        )
        # The row's own Person, so that the official made for a typed name is the one who signs.
        rows = {
            "origin_signatory": {str(i): f.prefix for i, f in enumerate(members.forms)},
            "host_signatory": {str(i): f.prefix for i, f in enumerate(hosts.forms)},
        }
        by_key = {p.key: p for p in visit.members + visit.hosts}
        for f in agreements.forms:
            if f.is_blank:
                continue
            chosen = {}
            for name in ("origin_signatory", "host_signatory"):
                chosen[name] = by_key.get(rows[name].get(f.cleaned_data.get(name) or ""))
            visit.agreements.append(
                Signing(
                    key=f.prefix,
                    kind=f.cleaned_data["kind"],
                    title=f.cleaned_data["title"],
                    status=f.cleaned_data["status"],
                    date=f.cleaned_data.get("date"),
                    **chosen,
                )
            )
        try:
            saved = visit_record(visit, user=request.user)
        except VisitError as error:
            _show(error, form, formsets)
            messages.error(request, _("Nothing was saved: correct the rows marked below."))
        else:
            messages.success(request, _("The visit “%(title)s” was saved.") % {"title": saved})
            return HttpResponseRedirect(reverse("admin:cooperation_delegation_visit", args=[saved.pk]))
    elif data is not None:
        messages.error(request, _("Nothing was saved: correct the rows marked below."))

    opts = Delegation._meta
    context = {
        **site.each_context(request),
        "title": str(delegation) if delegation else _("Record a visit"),
        "subtitle": _("The visit on one page"),
        "opts": opts,
        "original": delegation,
        "form": form,
        "members": members,
        "hosts": hosts,
        "events": events,
        "agreements": agreements,
        "programme": delegation.events.order_by("start_date", "start_time", "pk") if delegation else [],
        "signed": (Agreement.objects.filter(signed_at__delegation=delegation).order_by("title") if delegation else []),
        "may_save": may_save,
        "media": form.media + members.media + hosts.media,
        "positions_url": reverse("admin:cooperation_delegation_visit_positions"),
    }
    return TemplateResponse(request, "admin/cooperation/delegation/visit.html", context)


def _show(error: VisitError, form, formsets) -> None:
    by_prefix = {f.prefix: f for fs in formsets for f in fs.forms}
    for key, message in error.errors:
        target = by_prefix.get(key)
        if target is not None:
            target.add_error(None, message)
        elif key in {fs.prefix for fs in formsets}:
            next(fs for fs in formsets if fs.prefix == key)._non_form_errors.append(message)
        else:
            form.add_error(None, message)


def positions(model_admin, request):
    """The posts of one official, for the page's position select: [{"id": 3, "title": "Deputy Minister"}]."""
    if not request.user.has_perm("cooperation.view_position"):
        raise PermissionDenied
    official = request.GET.get("official", "")
    posts = Position.objects.filter(official_id=official) if official.isdigit() else Position.objects.none()
    return JsonResponse({"positions": [{"id": p.pk, "title": p.localized_title()} for p in posts]})
