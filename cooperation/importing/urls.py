from __future__ import annotations

from django.urls import path

from .views import ImportDetailView, ImportListView

app_name = "imports"

urlpatterns = [
    path("", ImportListView.as_view(), name="list"),
    path("<int:pk>/", ImportDetailView.as_view(), name="detail"),
]
