"""Reads shared by the admin, the partner API, the reports and the import matcher."""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet

from cooperation.models import (
    Agreement,
    Delegation,
    Event,
    Official,
    Organisation,
    SourceDocument,
    Topic,
    TrainingProgramme,
)
from cooperation.names import normalize, search_key

# For each searchable model: plain text fields, and relations (prefixes) whose rows carry ``normalized`` and
# ``search_key`` name forms in every script. A related official or organisation is also matched by its
# canonical ``name`` (not every record has a name form row in the query's script).
_TEXT_FIELDS: dict[type[Model], tuple[str, ...]] = {
    Official: ("name", "slug"),
    Organisation: ("name", "abbreviation", "slug"),
    Delegation: ("title", "title_ru", "title_ar", "slug", "city"),
    Event: ("title", "title_ru", "title_ar", "slug", "city", "venue"),
    Agreement: ("title", "title_ru", "title_ar", "slug"),
    TrainingProgramme: ("title", "title_ru", "title_ar", "slug", "cohort"),
    Topic: ("name", "name_ru", "name_ar", "slug"),
    SourceDocument: ("title", "slug", "publisher", "summary"),
}
_NAME_RELATIONS: dict[type[Model], tuple[str, ...]] = {
    Official: ("names",),
    Organisation: ("names",),
    Delegation: ("members__official__names",),
    Event: ("participants__official__names",),
    Agreement: ("signatories__official__names", "parties__organisation__names"),
    TrainingProgramme: ("participants__official__names", "provider__names"),
    Topic: (),
    SourceDocument: (),
}


def text_search_condition(model: type[Model], word: str) -> Q:
    """Q matching ``word`` in any name form of ``model``, in any script, case and diacritics aside."""
    condition = Q()
    for field in _TEXT_FIELDS[model]:
        condition |= Q(**{f"{field}__icontains": word})
    normalized, key = normalize(word), search_key(word)
    for relation in _NAME_RELATIONS[model]:
        owner = relation.removesuffix("__names")
        if owner != relation and owner:
            condition |= Q(**{f"{owner}__name__icontains": word})
        if normalized:
            condition |= Q(**{f"{relation}__normalized__contains": normalized})
        if key:
            condition |= Q(**{f"{relation}__search_key__contains": key})
    return condition


MAX_SEARCH_WORDS = 10


def search(queryset: QuerySet, q: str) -> QuerySet:
    """Records of ``queryset`` matching every word of ``q`` ("Шапкина", "shapkina", "عهود الرومي").

    Matching runs in a subquery so the outer queryset keeps its ordering, annotations and prefetches
    without DISTINCT.
    """
    # Each word is a subquery: bounded, so that no search box (admin, reports) can ask for minutes of work. The API
    # refuses longer searches with a 400 instead (cooperation.filters).
    words = q.split()[:MAX_SEARCH_WORDS]
    if not words:
        return queryset
    model = queryset.model
    matches = model._default_manager.all()
    for word in words:
        matches = matches.filter(pk__in=model._default_manager.filter(text_search_condition(model, word)).values("pk"))
    return queryset.filter(pk__in=matches.values("pk"))
