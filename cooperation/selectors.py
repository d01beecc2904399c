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
    """Q matching ``word`` in any name form of ``model``, in any script, case and diacritics aside.

    The model's own name forms (``names``) are matched in their own table and joined to the rest with UNION,
    not OR across a join: each branch is then a plain ``LIKE '%word%'`` on one table, which the trigram
    indexes serve on PostgreSQL (``cooperation/api/migrations/0004_name_trigram_indexes.py``), where an OR
    spanning two joined tables forces a scan of both.
    """
    condition, own_names = Q(), Q()
    for field in _TEXT_FIELDS[model]:
        condition |= Q(**{f"{field}__icontains": word})
    normalized, key = normalize(word), search_key(word)
    for relation in _NAME_RELATIONS[model]:
        if relation == "names":
            if normalized:
                own_names |= Q(normalized__contains=normalized)
            if key:
                own_names |= Q(search_key__contains=key)
            continue
        owner = relation.removesuffix("__names")
        if owner != relation and owner:
            condition |= Q(**{f"{owner}__name__icontains": word})
        if normalized:
            condition |= Q(**{f"{relation}__normalized__contains": normalized})
        if key:
            condition |= Q(**{f"{relation}__search_key__contains": key})
    matches = model._default_manager.filter(condition).order_by().values("pk")
    if own_names:
        names = model._meta.get_field("names")
        rows = names.related_model._default_manager.filter(own_names).order_by().values(names.field.attname)
        matches = matches.union(rows)
    return Q(pk__in=matches)


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
        matches = matches.filter(text_search_condition(model, word))
    return queryset.filter(pk__in=matches.values("pk"))
