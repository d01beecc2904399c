from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.md,.html,.htm,.pdf,.docx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(label=_("Files"), help_text=_("One or many .txt, .md, .html, .pdf or .docx files."))
    document_date = forms.DateField(
        label=_("Date of the documents"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Optional: dates written without a year take it from here."),
    )


class DecisionForm(forms.Form):
    candidate = forms.IntegerField()
    action = forms.ChoiceField(choices=[("accept", "accept"), ("merge", "merge"), ("reject", "reject")])
    target = forms.IntegerField(required=False)
