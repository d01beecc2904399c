"""The API's filter backend: ``StrictFilterBackend`` with each FilterSet's form class built once, not per request.

django-filter builds a new form class for every FilterSet instance (``FilterSet.get_form_class``: a form field per
filter, then ``type(...)``), which cost 0.57 ms of a delegations request (15 filters) and 0.23 ms of an
organisations one: a tenth of a page of one (docs/performance.md, "fixed cost per request"). The class depends
only on the FilterSet class and on the active language (``label_for_filter`` turns the lazy labels into text), so
it is kept per (class, language). Each form instance still deep-copies its fields (``Form.__init__``), so no
request sees another's bound data or errors. A FilterSet with a filter whose choices come from the request
(``QuerySetRequestMixin``: ``ModelChoiceFilter`` and kin) is left as it is.
"""

from __future__ import annotations

import functools

from django.utils.translation import get_language
from django_filters.filters import QuerySetRequestMixin

from cooperation.filters import StrictFilterBackend


@functools.cache
def form_once(filterset_class: type) -> type:
    """``filterset_class`` with its form class kept per language; the class itself if that would be unsafe."""
    if any(isinstance(item, QuerySetRequestMixin) for item in filterset_class.base_filters.values()):
        return filterset_class
    forms: dict[str | None, type] = {}

    def get_form_class(self):
        language = get_language()
        form_class = forms.get(language)
        if form_class is None:
            form_class = forms[language] = super(kept, self).get_form_class()
        return form_class

    attributes = {
        "get_form_class": get_form_class,
        "__module__": filterset_class.__module__,
        "__qualname__": filterset_class.__qualname__,
        "__doc__": filterset_class.__doc__,
    }
    kept = type(filterset_class)(filterset_class.__name__, (filterset_class,), attributes)
    return kept


class FilterBackend(StrictFilterBackend):
    def get_filterset_class(self, view, queryset=None):
        filterset_class = super().get_filterset_class(view, queryset)
        return None if filterset_class is None else form_once(filterset_class)
