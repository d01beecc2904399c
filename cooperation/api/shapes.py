"""Each JSON shape declared once, realised two ways: a Python builder over value rows, and a PostgreSQL expression.

A ``Shape`` is a JSON object read from one row of a model: its keys in order, each given by a ``Part`` (a column, a
column or null, a country, a title in three languages, a partial date, a record's URL, a nested object through a
to-one relation, a nested list through a to-many one). From the same declaration:

- ``Shape.builder(layout)`` generates a Python function that builds the object from a ``values_list`` row laid out
  as ``layout`` (the column lookups of the row, in order); nested lists (``Many``) are fetched separately, one query
  for the whole page (``Many.rows``), and looked up by the row's id. Every database runs this; the other record
  types' builders (``fast``, ``fast_agreements``) use it for the shapes they nest (names, posts, sources).
- ``Shape.sql(alias)`` generates a ``json_build_object`` expression over the table ``alias``, nested lists as
  correlated ``json_agg`` subqueries (as the floor in ``bench/baseline.py`` writes them by hand). On PostgreSQL the
  lists of organisations and officials take each record's fields in their page query this way: one round trip for
  the page instead of one per nested relation, and no Python objects per nested row (docs/performance.md).

Both realisations are generated, not written, so they cannot drift apart; ``tests/api/test_shapes.py`` checks
that they give the same JSON for every declared record type, and ``tests/api/test_floor.py`` checks both against
the hand-written floor. The serializers still describe the shapes for the OpenAPI schema.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Sequence

import orjson
from django.db.models import Model, QuerySet

from cooperation import models as m

from .prepared import AnyOf, compiled_once
from .serializers import _COUNTRY_NAMES, _countries_names, country, partial_date


class Part:
    """One value of a shape: ``lookups`` are the row columns it reads (ORM lookups relative to the shape's model)."""

    lookups: tuple[str, ...] = ()

    def python(self, at: Callable[[str], str]) -> str:
        """Python source of the value; ``at(lookup)`` is the source reading that column of the row."""
        raise NotImplementedError

    def sql(self, writer: _SqlWriter, alias: str) -> str:
        raise NotImplementedError


class Column(Part):
    def __init__(self, lookup: str) -> None:
        self.lookups = (lookup,)

    def python(self, at):
        return at(self.lookups[0])

    def sql(self, writer, alias):
        return writer.column(alias, self.lookups[0])


class Blank(Column):
    """A text column, null when empty."""

    def python(self, at):
        return f"({at(self.lookups[0])} or None)"

    def sql(self, writer, alias):
        return f"NULLIF({writer.column(alias, self.lookups[0])}, '')"


class Country(Column):
    """``{"code": "BY", "name": "Belarus"}``, null when blank (``serializers.country``)."""

    def python(self, at):
        return f"country({at(self.lookups[0])})"

    def sql(self, writer, alias):
        code = writer.column(alias, self.lookups[0])
        return (
            f"CASE WHEN {code} = '' OR {code} IS NULL THEN NULL ELSE json_build_object('code', {code}, 'name', "
            f"COALESCE({writer.country_names()} ->> {code}, {code})) END"
        )


class Translated(Part):
    """``{"en": title, "ru": title_ru or null, "ar": title_ar or null}``."""

    def __init__(self, name: str) -> None:
        self.lookups = (name, f"{name}_ru", f"{name}_ar")

    def python(self, at):
        en, ru, ar = (at(lookup) for lookup in self.lookups)
        return f'{{"en": {en}, "ru": {ru} or None, "ar": {ar} or None}}'

    def sql(self, writer, alias):
        en, ru, ar = (writer.column(alias, lookup) for lookup in self.lookups)
        return f"json_build_object('en', {en}, 'ru', NULLIF({ru}, ''), 'ar', NULLIF({ar}, ''))"


class PartialDate(Part):
    """``PartialDate("start")``: ``start_date`` at ``start_precision`` (``serializers.partial_date``)."""

    def __init__(self, prefix: str) -> None:
        self.lookups = (f"{prefix}_date", f"{prefix}_precision")

    def python(self, at):
        return f"partial_date({at(self.lookups[0])}, {at(self.lookups[1])})"

    def sql(self, writer, alias):
        date, precision = (writer.column(alias, lookup) for lookup in self.lookups)
        return (
            f"CASE WHEN {date} IS NULL THEN NULL ELSE json_build_object('date', CASE {precision} "
            f"WHEN 'year' THEN to_char({date}, 'YYYY') WHEN 'month' THEN to_char({date}, 'YYYY-MM') "
            f"ELSE to_char({date}, 'YYYY-MM-DD') END, 'precision', {precision}) END"
        )


class Url(Part):
    """A record's address in the API (``serializers.LinkBuilder``), from its slug."""

    def __init__(self, basename: str, lookup: str = "slug") -> None:
        self.basename, self.lookups = basename, (lookup,)

    def python(self, at):
        return f"link({self.basename!r}, {at(self.lookups[0])})"

    def sql(self, writer, alias):
        return f"({writer.link(self.basename)} || {writer.column(alias, self.lookups[0])} || '/')"


class Nested(Part):
    """An object through a to-one relation, null when there is none. Its shape's first lookup must be a column
    that is never null (a slug): the Python builder reads the relation's absence from it."""

    def __init__(self, relation: str, shape: Shape) -> None:
        self.relation, self.shape = relation, shape
        self.lookups = tuple(f"{relation}__{lookup}" for lookup in shape.lookups)

    def python(self, at):
        inner = self.shape.python(lambda lookup: at(f"{self.relation}__{lookup}"))
        return f"(None if {at(self.lookups[0])} is None else {inner})"

    def sql(self, writer, alias):
        field = writer.model_of(alias)._meta.get_field(self.relation)
        inner = writer.alias(field.related_model)
        return (
            f"(SELECT {self.shape.sql(writer, inner)} FROM {_quote(field.related_model._meta.db_table)} {inner} "
            f"WHERE {inner}.{_quote(field.target_field.column)} = {alias}.{_quote(field.column)})"
        )


class Many(Part):
    """A list of objects through a to-many relation: ``model`` rows whose ``owner`` is the record, in ``order``.

    ``hidden`` is a (lookup, value) pair of rows partners never see (the office's internal notes); the lookup may
    cross one to-one relation, as the shape's lookups may (``source__slug``).
    """

    def __init__(
        self, model: type[Model], owner: str, order: Sequence[str], shape: Shape, *, hidden: tuple | None = None
    ) -> None:
        self.model, self.owner, self.order, self.shape, self.hidden = model, owner, tuple(order), shape, hidden
        self.layout = (f"{owner}_id", *shape.lookups)
        self.build = shape.builder(self.layout)

    def python(self, at):
        return f"lists[{id(self)}].get({at('id')}, [])"

    def rows(self, ids, *, partner: bool) -> list[tuple]:
        """The rows of the records ``ids``, laid out as ``self.layout``: one query for the page."""
        return _many_rows(self, ids, partner)

    def group(self, rows: list[tuple], link) -> dict[int, list[dict]]:
        found: dict[int, list[dict]] = defaultdict(list)
        build = self.build
        for row in rows:
            found[row[0]].append(build(row, link, None))
        return found

    def fetch(self, ids, link, *, partner: bool = True) -> dict[int, list[dict]]:
        return self.group(self.rows(ids, partner=partner), link) if ids else {}

    def sql(self, writer, alias):
        inner = writer.alias(self.model, joins=True)
        element = self.shape.sql(writer, inner)
        owner = self.model._meta.get_field(self.owner)
        order = ", ".join(
            f"{writer.column(inner, lookup.lstrip('-'))}{' DESC' if lookup.startswith('-') else ''}"
            for lookup in self.order
        )
        where = f"{inner}.{_quote(owner.column)} = {alias}.{_quote(owner.target_field.column)}"
        if self.hidden is not None and writer.partner:
            lookup, value = self.hidden
            where += f" AND {writer.column(inner, lookup)} <> {_literal(value)}"
        joins = writer.joins_of(inner)
        return (
            f"COALESCE((SELECT json_agg({element} ORDER BY {order}) FROM {_quote(self.model._meta.db_table)} "
            f"{inner}{joins} WHERE {where}), '[]'::json)"
        )


@compiled_once
def _many_rows(many: Many, ids: list[int], partner: bool) -> QuerySet:
    rows = many.model.objects.filter(AnyOf(f"{many.owner}_id", ids)).order_by(f"{many.owner}_id", *many.order)
    if partner and many.hidden is not None:
        rows = rows.exclude(**{many.hidden[0]: many.hidden[1]})
    return rows.values_list(*many.layout)


class Shape:
    """A JSON object from one row of ``model``: ``Shape(Model, key=Part, ...)``, keys in the order given."""

    def __init__(self, model: type[Model], **parts: Part) -> None:
        self.model, self.parts = model, parts
        lookups = dict.fromkeys(lookup for part in parts.values() for lookup in part.lookups)
        if any(isinstance(part, Many) for part in parts.values()):
            lookups["id"] = None  # nested lists are looked up by the row's id
        self.lookups = tuple(lookups)
        self.lists = {key: part for key, part in parts.items() if isinstance(part, Many)}

    def python(self, at: Callable[[str], str]) -> str:
        return "{" + ", ".join(f"{key!r}: {part.python(at)}" for key, part in self.parts.items()) + "}"

    def builder(self, layout: Sequence[str]) -> Callable:
        """``build(row, link, lists)``: the object from a row laid out as ``layout``; ``lists`` maps each ``Many`` of
        the shape (by ``id``) to its lists by record id (``Many.group``), ``None`` for a shape without one."""
        return _compile(self, tuple(layout))

    def sql(self, writer: _SqlWriter, alias: str) -> str:
        pairs = ", ".join(f"'{key}', {part.sql(writer, alias)}" for key, part in self.parts.items())
        return f"json_build_object({pairs})"

    def fetch_lists(self, ids: list[int], link, *, partner: bool) -> dict[int, dict[int, list[dict]]]:
        """Every nested list of the shape for the records ``ids``, one query each (``builder``'s ``lists``)."""
        return {id(many): many.fetch(ids, link, partner=partner) for many in self.lists.values()}


def _compile(shape: Shape, layout: tuple[str, ...]) -> Callable:
    positions = {lookup: index for index, lookup in reversed(list(enumerate(layout)))}
    missing = [lookup for lookup in shape.lookups if lookup not in positions]
    if missing:
        raise ValueError(f"the row lacks {missing} for {shape.model.__name__}")
    source = f"def build(row, link, lists):\n    return {shape.python(lambda lookup: f'row[{positions[lookup]}]')}\n"
    namespace = {"country": country, "partial_date": partial_date}
    exec(compile(source, f"<shape {shape.model.__name__}>", "exec"), namespace)
    return namespace["build"]


@functools.cache
def record_sql(part: Shape | Many, model: type[Model], *, partner: bool) -> tuple[str, tuple]:
    """``part`` (a shape or a list) of each row of the page query's own table (``model``) as one PostgreSQL
    expression of type text, and the names of its parameters (``sql_params`` gives their values for a request)."""
    writer = _SqlWriter(partner)
    table = _quote(model._meta.db_table)
    writer.models[table] = model
    sql = f"({part.sql(writer, table)})::text"
    if "%" in sql.replace("%s", ""):
        raise ValueError("a literal % in generated SQL would be read as a parameter")
    return sql, tuple(writer.params)


def sql_params(names: tuple, link) -> list[str]:
    """The values of a ``record_sql``'s parameters for this request: each record type's URL prefix."""
    return [link.prefix(basename) for _kind, basename in names]


class _SqlWriter:
    """Aliases, joins and parameters of one generated expression."""

    def __init__(self, partner: bool) -> None:
        self.partner = partner
        self.models: dict[str, type[Model]] = {}
        self.joins: dict[str, dict[str, tuple[str, str]]] = {}
        self.params: list[tuple[str, str]] = []
        self.count = 0

    def alias(self, model: type[Model], *, joins: bool = False) -> str:
        self.count += 1
        alias = f"s{self.count}"
        self.models[alias] = model
        if joins:
            self.joins[alias] = {}
        return alias

    def model_of(self, alias: str) -> type[Model]:
        return self.models[alias]

    def column(self, alias: str, lookup: str) -> str:
        model = self.models[alias]
        if "__" in lookup:  # one to-one step, joined into the list's FROM (``Many``)
            relation, name = lookup.split("__")
            if alias not in self.joins:
                raise ValueError(f"{lookup}: a relation is read through Nested outside a list")
            joined = self.joins[alias].get(relation)
            if joined is None:
                field = model._meta.get_field(relation)
                joined = self.alias(field.related_model)
                self.joins[alias][relation] = (joined, field)
            else:
                joined = joined[0]
            return self.column(joined, name)
        return f"{alias}.{_quote(model._meta.get_field(lookup).column)}"

    def joins_of(self, alias: str) -> str:
        return "".join(
            f" {'LEFT ' if field.null else ''}JOIN {_quote(field.related_model._meta.db_table)} {joined} "
            f"ON {joined}.{_quote(field.target_field.column)} = {alias}.{_quote(field.column)}"
            for joined, field in self.joins[alias].values()
        )

    def link(self, basename: str) -> str:
        self.params.append(("link", basename))
        return "%s"

    def country_names(self) -> str:
        # The names the Python builder gives (``serializers.country``), as a constant of the expression.
        if not _COUNTRY_NAMES:
            _COUNTRY_NAMES.update(_countries_names())
        return f"{_literal(orjson.dumps(_COUNTRY_NAMES).decode())}::jsonb"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


# --- Declarations ---------------------------------------------------------------------------------------------
# The shapes several record types share; each record type's own fields are declared next to its builder.

NAME = Shape(
    m.OfficialName,  # and OrganisationName: the same columns (AlternativeName)
    name=Column("name"),
    language=Column("language"),
    script=Column("script"),
    kind=Column("kind"),
    grammatical_case=Blank("grammatical_case"),
)
OFFICIAL_NAMES = Many(m.OfficialName, "official", ("id",), NAME)
ORGANISATION_NAMES = Many(m.OrganisationName, "organisation", ("id",), NAME)

ORGANISATION_REF = Shape(m.Organisation, slug=Column("slug"), url=Url("organisation"), name=Column("name"))

POST = Shape(
    m.Position,
    title=Translated("title"),
    organisation=Nested("organisation", ORGANISATION_REF),
    start=PartialDate("start"),
    end=PartialDate("end"),
)
# ``id`` breaks ties between posts started the same day so that pages are stable.
POSITIONS = Many(m.Position, "official", ("-start_date", "id"), POST)

SUPPORT = Shape(
    m.Citation,
    source=Column("source__slug"),
    source_url=Url("source", "source__slug"),
    title=Column("source__title"),
    published_url=Column("source__url"),
    passage=Column("passage"),
    locator=Column("locator"),
)
# A record's ``sources``, by the citation's column that points at it; partners never see the office's internal notes.
SOURCES = {
    owner: Many(m.Citation, owner, ("source_id", "id"), SUPPORT, hidden=("source__kind", m.SourceKind.INTERNAL_NOTE))
    for owner in ("delegation", "event", "official", "organisation", "agreement", "programme")
}
