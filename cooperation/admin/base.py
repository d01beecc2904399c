"""What every govex ModelAdmin shares: history, CSV/XLSX export, search across scripts, filters."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget, AdminTextInputWidget
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from django_countries.widgets import LazySelect
from import_export.admin import ExportActionMixin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from cooperation.models import Citation
from cooperation.selectors import search
from cooperation.spreadsheet import safe_cell


class _SafeCells:
    """import-export's own escaping only drops a leading "="; ours neutralises every formula start."""

    def export_data(self, dataset, **kwargs):
        for _row in range(len(dataset)):
            dataset.append([safe_cell(cell) for cell in dataset.lpop()])
        return super().export_data(dataset, **kwargs)


class SafeCSV(_SafeCells, CSV):
    pass


class SafeXLSX(_SafeCells, XLSX):
    pass


class FastCountrySelect(LazySelect):
    """The country select, written out in Python rather than one template render per option.

    A page with a dozen country rows (the nine countries of an expert session, a programme's beneficiaries)
    rendered ~4,000 option templates and took seconds; this builds the same HTML in milliseconds.
    """

    def render(self, name, value, attrs=None, renderer=None):
        # ``attrs`` comes from the bound field and already says ``required`` only where Django wants it (never
        # on the blank rows of an inline).
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        selected = set(self.format_value(value))
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((code, mark_safe(" selected") if str(code) in selected else "", label) for code, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class FastChoicesMixin:
    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if isinstance(db_field, CountryField) and db_field.name not in self.radio_fields:
            kwargs["widget"] = FastCountrySelect
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class TabularInline(FastChoicesMixin, admin.TabularInline):
    pass


class StackedInline(FastChoicesMixin, admin.StackedInline):
    pass


class ExportSearchMixin(FastChoicesMixin, ExportActionMixin):
    """CSV/XLSX export of the list view, and search through ``cooperation.selectors.search``.

    The admin, the API and the reports find the same records for the same words: any name form, any script,
    any grammatical case.
    """

    formats = [SafeCSV, SafeXLSX]
    # Exports are of lists; a one-record export button under every form was only clutter.
    show_change_form_export = False
    list_per_page = 50
    show_full_result_count = False
    save_on_top = True
    # Sources are linked over https; saying so also keeps Django 6's change of default scheme out of the forms.
    # Text fields take ``dir="auto"`` so Arabic typed into them reads right to left.
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        models.CharField: {"widget": AdminTextInputWidget(attrs={"dir": "auto"})},
        models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 4, "dir": "auto"})},
    }
    search_help_text = _("Any name form in any script: “Шапкина”, “Shapkina” and “Шапкиной” find the same person.")

    #: False for models the shared selector does not cover (sources, parties): Django's own search_fields.
    search_by_name_forms = True

    def get_search_results(self, request, queryset: QuerySet, search_term: str):
        if not self.search_by_name_forms:
            return super().get_search_results(request, queryset, search_term)
        # ``search`` filters with a subquery on primary keys, so the result never holds duplicates.
        return search(queryset, search_term), False


class RecordAdmin(ExportSearchMixin, SimpleHistoryAdmin):
    """A record with history: every change is kept with the user who made it (HistoryRequestMiddleware)."""

    def get_inline_instances(self, request, obj=None):
        # A read-only list with nothing in it is only noise on a long form.
        return [
            inline
            for inline in super().get_inline_instances(request, obj)
            if not isinstance(inline, ReadOnlyInline) or (obj is not None and inline.has_rows(request, obj))
        ]

    def get_fieldsets(self, request, obj=None):
        # Every record can say where else it is registered (Wikidata ...); one place adds it to every form.
        fieldsets = super().get_fieldsets(request, obj)
        has_field = any(field.name == "identifiers" for field in self.model._meta.get_fields())
        listed = any("identifiers" in str(options.get("fields", ())) for _name, options in fieldsets)
        if has_field and self.fieldsets and not listed:
            fieldsets = (
                *fieldsets,
                (_("Identifiers elsewhere"), {"fields": ("identifiers",), "classes": ("collapse",)}),
            )
        return fieldsets


class ReferenceAdmin(ExportSearchMixin, admin.ModelAdmin):
    """Reference data without a history table (topics)."""


class CountryListFilter(admin.SimpleListFilter):
    """Countries present in the data (not all 250 of ISO 3166), by name; ``field`` may follow relations."""

    field: str

    def lookups(self, request, model_admin):
        codes = (
            model_admin.get_queryset(request)
            .exclude(**{self.field: ""})
            .values_list(self.field, flat=True)
            .distinct()
            .order_by()
        )
        # A to-many ``field`` yields NULL for records without related rows.
        present = {code for code in codes if code}
        return sorted(((code, countries.name(code) or code) for code in present), key=lambda item: str(item[1]))

    def queryset(self, request, queryset):
        if self.value():
            # A subquery keeps the changelist free of duplicate rows when ``field`` crosses a to-many relation.
            matches = queryset.model._default_manager.filter(**{self.field: self.value()}).values("pk")
            return queryset.filter(pk__in=matches)
        return queryset


def country_filter(field: str, title: str, parameter: str | None = None) -> type[CountryListFilter]:
    return type(
        f"{field.title().replace('_', '')}Filter",
        (CountryListFilter,),
        {"field": field, "title": title, "parameter_name": parameter or field.replace("__", "_")},
    )


class YearListFilter(admin.SimpleListFilter):
    """The years that occur in ``field``, newest first (a year precision date counts for its year)."""

    field = "start_date"
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates(self.field, "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            matches = queryset.model._default_manager.filter(**{f"{self.field}__year": int(value)}).values("pk")
            return queryset.filter(pk__in=matches)
        return queryset


def year_filter(field: str, title: str) -> type[YearListFilter]:
    return type(
        f"{field.title().replace('_', '')}YearFilter",
        (YearListFilter,),
        {"field": field, "title": title, "parameter_name": f"{field.split('__')[0]}_year"},
    )


class DistinctRowsFormSet(BaseInlineFormSet):
    """Refuses, with a message, rows the database would refuse with an IntegrityError (a 500 page).

    Django checks unconditional unique constraints across the rows of one formset, but not conditional ones
    (one head per delegation, each source cited once per record, each country once among parties): two such
    rows entered in the same save would each pass alone and then fail together in the database.
    ``distinct`` names fields whose non-empty values may appear once; ``at_most_one`` maps a field to the one
    value that at most one row may hold.
    """

    distinct: tuple[str, ...] = ()
    at_most_one: dict[str, str] = {}

    def clean(self):
        super().clean()
        rows = [
            form.cleaned_data for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE", False)
        ]
        for field in self.distinct:
            values = [row.get(field) for row in rows if row.get(field)]
            model_field = self.model._meta.get_field(field)
            labels = dict(model_field.flatchoices)
            repeated = {str(labels.get(value, value)) for value in values if values.count(value) > 1}
            if repeated:
                label = model_field.verbose_name
                raise ValidationError(
                    _("Each %(field)s may appear only once here; repeated: %(values)s."),
                    params={"field": label, "values": ", ".join(sorted(repeated))},
                    code="repeated",
                )
        for field, value in self.at_most_one.items():
            if sum(1 for row in rows if row.get(field) == value) > 1:
                choice = dict(self.model._meta.get_field(field).flatchoices).get(value, value)
                raise ValidationError(
                    _("Only one row may have %(field)s “%(value)s”."),
                    params={"field": self.model._meta.get_field(field).verbose_name, "value": choice},
                    code="more_than_one",
                )


def distinct_rows(*fields: str, **at_most_one: str) -> type[DistinctRowsFormSet]:
    return type("DistinctRowsFormSet", (DistinctRowsFormSet,), {"distinct": fields, "at_most_one": at_most_one})


class ReadOnlyInline(TabularInline):
    """Related rows shown for context and edited on their own page (a person's visits, a summit's side events)."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        # Every column is only shown, so no subclass has to repeat its ``fields`` here; Django builds a form field
        # for anything not listed, and a display method (a link, dates) has none.
        return self.fields

    def has_rows(self, request, parent) -> bool:
        return self.get_queryset(request).filter(**{self.fk_name: parent}).exists()


def admin_link(record) -> str:
    """A link to ``record``'s admin page, its text escaped."""
    if record is None:
        return "—"
    url = reverse(f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk])
    return format_html('<a href="{}">{}</a>', url, record)


def link_column(description: str, relation: str = ""):
    """A display method linking to the admin page of the row's ``relation`` (of the row itself by default)."""

    @admin.display(description=description)
    def column(self, obj) -> str:
        return admin_link(getattr(obj, relation) if relation else obj)

    return column


def dates_column(relation: str):
    """A display method giving the dates of the row's ``relation`` as the sources state them."""

    @admin.display(description=_("dates"))
    def column(self, obj) -> str:
        return getattr(obj, relation).dates_display

    return column


SHORT_TEXTAREA = AdminTextareaWidget(attrs={"rows": 2, "dir": "auto"})


def citation_inline(target: str) -> type[admin.TabularInline]:
    """Citations of one kind of record: Citation has one foreign key per target kind."""
    return type(
        f"{target.title()}CitationInline",
        (TabularInline,),
        {
            "model": Citation,
            "fk_name": target,
            "fields": ("source", "passage", "locator"),
            "autocomplete_fields": ("source",),
            "formset": distinct_rows("source"),
            "formfield_overrides": {models.TextField: {"widget": SHORT_TEXTAREA}},
            "extra": 0,
            "verbose_name": _("source citation"),
            "verbose_name_plural": _("sources (citations)"),
            "__module__": __name__,
        },
    )
