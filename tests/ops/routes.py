"""Every API endpoint, report and admin page, found by walking the URL resolver (so new ones join the matrix)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    name: str  # namespaced, for reverse()
    kind: str  # "api", "report" or "admin"
    kwargs: tuple[str, ...]
    callback: Any = field(compare=False, repr=False)

    def __str__(self) -> str:
        return self.name


def _kwargs(pattern) -> set[str]:
    regex = getattr(pattern, "regex", None)
    return set(regex.groupindex) if regex is not None else set()


def _walk(resolver: URLResolver, path: str, namespace: str, kwargs: set[str]):
    for entry in resolver.url_patterns:
        here = path + str(entry.pattern)
        names = kwargs | _kwargs(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace or namespace
            yield from _walk(entry, here, inner, names)
        elif isinstance(entry, URLPattern) and entry.name:
            yield here, f"{namespace}:{entry.name}" if namespace else entry.name, names, entry.callback


def discover() -> list[Route]:
    routes: dict[str, Route] = {}
    for path, name, kwargs, callback in _walk(get_resolver(), "", "", set()):
        if "format" in kwargs:
            continue  # DRF's ".json" suffix twins of routes already listed
        if path.startswith(("api/", "^api/")):
            kind = "api"
        elif name.startswith("reports:"):
            kind = "report"
        elif name.startswith("admin:") and name.endswith("_changelist"):
            kind = "admin"
        else:
            continue
        routes.setdefault(name, Route(name=name, kind=kind, kwargs=tuple(sorted(kwargs)), callback=callback))
    return sorted(routes.values(), key=lambda route: (route.kind, route.name))
