from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cooperation.dates import DatePrecision, PartialDate, format_span

LANGUAGE_CHOICES = [("en", "English"), ("ru", "Русский"), ("ar", "العربية")]


class TimeStampedModel(models.Model):
    """created_at/updated_at on every table.

    Plain defaults instead of ``auto_now_add``/``auto_now``: fixtures are loaded with raw saves, which skip
    ``pre_save``, and carry their own timestamps so that loading them twice changes nothing.
    ``updated_at`` moves on every ``save()``; code that uses ``QuerySet.update`` must set it too, because
    partner systems sync on it.
    """

    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "updated_at"}
        super().save(*args, **kwargs)


def natural_key_of(*fields: str, dependencies: Sequence[str] = ()):
    """A ``natural_key`` method: the row's ``fields``, a foreign key as the slug of the record it points to, any
    other field as stored (a country as its code). ``NaturalKeyManager`` looks rows up by the same ``fields``.

    ``dependencies`` are the models whose rows ``dumpdata`` must write first (Django reads them off the method).
    """

    def natural_key(self) -> tuple:
        return tuple(_key_part(self, name) for name in fields)

    natural_key.fields = fields
    if dependencies:  # absent rather than empty: ``dumpdata`` appends to an empty list it finds here
        natural_key.dependencies = list(dependencies)
    return natural_key


def _key_part(record: models.Model, name: str):
    field = record._meta.get_field(name)
    if field.is_relation:
        return getattr(record, name).slug
    return field.get_prep_value(getattr(record, field.attname))


class NaturalKeyManager(models.Manager):
    """Finds a row by the natural key its model declares with ``natural_key_of``.

    No ``__init__`` arguments: Django builds related managers by subclassing the default manager and calling it
    without arguments.
    """

    def get_by_natural_key(self, *key):
        fields = self.model.natural_key.fields
        lookups = {
            f"{name}__slug" if self.model._meta.get_field(name).is_relation else name: value
            for name, value in zip(fields, key, strict=True)
        }
        return self.get(**lookups)


IDENTIFIER_SCHEMES = {
    "wikidata": re.compile(r"Q[1-9]\d{0,11}"),
    "isni": re.compile(r"\d{15}[\dX]"),
    "viaf": re.compile(r"[1-9]\d{0,21}"),
    "website": re.compile(r"https://\S{1,300}"),
}


def validate_identifiers(value) -> None:
    if not isinstance(value, dict):
        raise ValidationError(_('Enter an object such as {"wikidata": "Q184"}.'))
    for scheme, identifier in value.items():
        pattern = IDENTIFIER_SCHEMES.get(scheme)
        if pattern is None:
            raise ValidationError(
                _("Unknown register %(scheme)s; known: %(known)s."),
                params={"scheme": scheme, "known": ", ".join(IDENTIFIER_SCHEMES)},
            )
        if not isinstance(identifier, str) or not pattern.fullmatch(identifier):
            raise ValidationError(
                _("%(identifier)s is not a %(scheme)s identifier."), params={"identifier": identifier, "scheme": scheme}
            )


def stable_uid(model: type[models.Model], slug: str) -> uuid.UUID:
    """The permanent id of a record that arrives with a slug and no id (fixtures, the backfill migration):
    derived from the slug, so that loading the fixtures twice gives the same ids."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"govex:{model._meta.label_lower}:{slug}")


def optional_link(to, verbose_name, *, related_name: str, **kwargs) -> models.ForeignKey:
    """A link a record may lack (the organisation that hosted, the summit a side event belongs to). PROTECT: the
    linked record cannot be deleted while a record states a fact about it."""
    return models.ForeignKey(
        to,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        **kwargs,
    )


class SluggedModel(TimeStampedModel):
    slug = models.SlugField(_("identifier"), max_length=120, unique=True, allow_unicode=False)
    # Opaque and permanent: a slug can be renamed, and a deleted slug created again is another record.
    uid = models.UUIDField(_("permanent id"), default=uuid.uuid4, unique=True, editable=False)
    identifiers = models.JSONField(
        _("identifiers elsewhere"),
        default=dict,
        blank=True,
        validators=[validate_identifiers],
        help_text=_('The record in other registers, e.g. {"wikidata": "Q184"}. Known: %(schemes)s.')
        % {"schemes": "wikidata, isni, viaf, website"},
    )
    # The last transaction that wrote the row, stamped by a PostgreSQL trigger; partner sync reads it
    # (``cooperation.sync``). Null on SQLite and on rows written before the trigger existed.
    sync_xid = models.BigIntegerField(null=True, blank=True, editable=False, db_index=True)

    # Records are addressed by slug: in fixtures (natural keys), URLs and the partner API.
    objects = NaturalKeyManager()
    natural_key = natural_key_of("slug")

    class Meta:
        abstract = True


def exactly_one_of(fields: Sequence[str]) -> Q:
    """A check that exactly one of the nullable links ``fields`` is set (a commitment's or a file's record)."""
    condition = Q()
    for chosen in fields:
        condition |= Q(**{f"{chosen}__isnull": False}) & Q(
            **{f"{name}__isnull": True for name in fields if name != chosen}
        )
    return condition


def at_most_one_of(fields: Sequence[str]) -> Q:
    return exactly_one_of(fields) | Q(**{f"{name}__isnull": True for name in fields})


def record_link(to, verbose_name, *, related_name: str) -> models.ForeignKey:
    """A link from something that belongs to a visit, an event or an agreement (a commitment, a file): CASCADE,
    since it says nothing once its record is gone (the history keeps the row)."""
    return models.ForeignKey(
        to, on_delete=models.CASCADE, null=True, blank=True, related_name=related_name, verbose_name=verbose_name
    )


def reader_language(language: str | None = None) -> str:
    """``language``, else the active one, as the two-letter code the ``_ru``/``_ar`` columns and name forms use."""
    return (language or get_language() or "en")[:2]


def in_reader_language(record, field: str, language: str | None = None) -> str:
    """``record.<field>_ru`` or ``<field>_ar`` when the reader's language has one filled in, else ``<field>``."""
    language = reader_language(language)
    if language != "en":
        value = getattr(record, f"{field}_{language}", "")
        if value:
            return value
    return getattr(record, field)


class TranslatedTitleMixin:
    """Records with ``<field>``, ``<field>_ru`` and ``<field>_ar`` show the reader's language first; a record is
    shown by its title."""

    def __str__(self) -> str:
        return self.localized("title")

    def localized(self, field: str, language: str | None = None) -> str:
        return in_reader_language(self, field, language)


def date_span_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
            name=f"{prefix}_end_not_before_start",
        ),
        models.CheckConstraint(
            condition=Q(start_date__isnull=False) | Q(end_date__isnull=True),
            name=f"{prefix}_no_end_without_start",
        ),
    ]


def refuse_future_fact(record: models.Model, *, past: dict[str, str]) -> None:
    """A status that states a fact (held, signed, completed) cannot carry a day still to come: either the status
    or the date is wrong, and the reports would count a plan as done. ``past`` maps each such status (of the
    record's ``status`` field) to the date field it speaks of.

    Not a database constraint: "today" moves, and a CHECK must hold for ever.
    """
    date_field = past.get(record.status)
    when = getattr(record, date_field) if date_field else None
    if when is None or when <= timezone.localdate():
        return
    raise ValidationError(
        {
            date_field: _(
                "The status “%(status)s” says this has already happened, but %(date)s is still to come: "
                "choose a status for a plan or correct the date."
            )
            % {"status": record.get_status_display(), "date": when.isoformat()}
        }
    )


class DateSpan(models.Model):
    """A start and an end, each with the precision the source gives (day, month or year)."""

    start_date = models.DateField(_("start"), null=True, blank=True, db_index=True)
    start_precision = models.CharField(
        _("start precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        _("end precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    dates_note = models.CharField(
        _("note on dates"),
        max_length=300,
        blank=True,
        help_text=_("How the dates were established when the source does not state them fully."),
    )

    class Meta:
        abstract = True

    @property
    def start(self) -> PartialDate | None:
        return PartialDate.of(self.start_date, self.start_precision)

    @property
    def end(self) -> PartialDate | None:
        return PartialDate.of(self.end_date, self.end_precision)

    @property
    def dates_display(self) -> str:
        return format_span(self.start, self.end)


class Topic(TranslatedTitleMixin, SluggedModel):
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=120, blank=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120, blank=True)
    parent = optional_link("self", _("parent"), related_name="children")

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.localized("name")
