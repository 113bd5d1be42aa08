from django import forms
from django.shortcuts import render
from django.views.decorators.http import require_safe

from send_portal.core.permissions import permission_required

from . import selectors


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)


@permission_required("search.search")
@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    groups = selectors.search(request.user, q) if q else []
    return render(
        request,
        "search/search.html",
        {"form": form, "q": q, "groups": groups, "total": sum(len(g.results) for g in groups)},
    )
