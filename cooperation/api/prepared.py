"""Queries the API runs on every request, compiled to SQL once per process instead of once per request.

Django builds and compiles every QuerySet anew: cloning the query for each ``filter``/``order_by``, resolving
joins, columns and ordering. For the small queries a request runs (the token, each nested relation of a page)
that is about 0.75 ms of Python per query against 0.1 ms for PostgreSQL to answer it, and a list request runs
5 to 14 of them (docs/performance.md, "fixed cost per request"). Their SQL differs from one request to the next
only in the ids (or keys) they look up; on PostgreSQL those go in as one array parameter (``AnyOf``:
``column = ANY(%s)``), so the SQL text is the same for every page and can be kept.

``compiled_once`` wraps a function that builds a ``values_list`` QuerySet. Its list or set arguments are the
values looked up, each filtered with ``AnyOf`` (and ANDed with the rest of the query, as ``__in`` would be);
every other argument is part of the query's shape and of the cache key. The first call compiles the QuerySet
through the ORM and keeps the SQL, the position of each array parameter and the ORM's converters for the
selected columns; later calls put the new arrays in those positions, run the SQL through Django's cursor
(counted, logged and wrapped as any query) and convert the rows exactly as ``values_list`` would. On SQLite
(``IN`` lists whose SQL changes with their length) the QuerySet is simply built and run each time, so both
databases return the same rows and the tests run both paths.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable

from django.db import connection
from django.db.models import F, QuerySet, lookups
from django.db.models.query import ValuesListIterable

# The arguments that hold values looked up; anything else (a model, a column name, a tuple of orderings, a flag) is
# part of the query's shape.
VARYING = (list, set, frozenset)


class AnyOf(lookups.In):
    """``column IN (values)``; on PostgreSQL ``column = ANY(%s)`` with the values as one array parameter.

    A list is itself the parameter (not a copy), so that ``compiled_once`` can find it among the compiled
    query's parameters; other iterables become a list (the database driver adapts lists to arrays, not sets).
    ``None`` in the values matches nothing, as in ``IN``.
    """

    def __init__(self, column: str, values) -> None:
        self.values = values if isinstance(values, list) else list(values)
        super().__init__(F(column), self.values)

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, self.values)


class _Compiled:
    __slots__ = ("converters", "params", "positions", "sql")

    def __init__(self, sql: str, params: list, positions: list[int], converters: list) -> None:
        self.sql, self.params, self.positions, self.converters = sql, params, positions, converters


def compiled_once(build: Callable[..., QuerySet]) -> Callable[..., list[tuple]]:
    """``build(*args)``'s rows as tuples, its SQL compiled once per shape on PostgreSQL (see the module docstring).

    Returns ``[]`` without a query when a list argument is empty, as Django does for an empty ``__in``.
    """
    cache: dict[Hashable, _Compiled | None] = {}

    @functools.wraps(build)
    def run(*args) -> list[tuple]:
        varying = [index for index, arg in enumerate(args) if isinstance(arg, VARYING)]
        values = [list(args[index]) for index in varying]
        if any(not value for value in values):
            return []
        if connection.vendor != "postgresql":
            return list(build(*args))
        key = tuple(None if index in varying else arg for index, arg in enumerate(args))
        compiled = cache.get(key)
        if compiled is None:
            if key in cache:  # a shape that cannot be kept (see _compile): the ORM as usual
                return list(build(*args))
            compiled = cache[key] = _compile(build, args, varying)
            if compiled is None:
                return list(build(*args))
        params = list(compiled.params)
        for position, value in zip(compiled.positions, values, strict=True):
            params[position] = value
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if not compiled.converters:
            return rows
        return [tuple(_convert(row, compiled.converters)) for row in rows]

    run.cache = cache  # for tests
    return run


def _compile(build: Callable[..., QuerySet], args: tuple, varying: list[int]) -> _Compiled | None:
    """The SQL of ``build(*args)`` with a fresh list (of the same values) in place of each varying argument, found
    again by identity among the parameters. ``None`` if that is not exactly one parameter each (the function did
    not pass the list to ``AnyOf``, or passed it twice) or the QuerySet is not a plain ``values_list`` on this
    connection."""
    markers = {index: list(args[index]) for index in varying}
    queryset = build(*(markers.get(index, arg) for index, arg in enumerate(args)))
    if queryset._iterable_class is not ValuesListIterable or queryset.db != connection.alias:
        return None
    compiler = queryset.query.get_compiler(queryset.db)
    sql, params = compiler.as_sql()
    positions = []
    for marker in markers.values():
        found = [position for position, param in enumerate(params) if param is marker]
        if len(found) != 1:
            return None
        positions.append(found[0])
    selected = [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
    return _Compiled(sql, list(params), positions, list(compiler.get_converters(selected).items()))


def _convert(row: tuple, converters: list) -> list:
    row = list(row)
    for position, (functions, expression) in converters:
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return row
