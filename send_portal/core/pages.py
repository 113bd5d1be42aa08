"""The GOV.UK form page: one template (``core/form_page.html``) for every simple form page."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render


def post_data(request):
    """The submitted data on a POST (even an empty one, so it shows errors); None otherwise."""
    return request.POST if request.method == "POST" else None


def form_page(request, form, *, title: str, caption: str, back_url: str, on_valid):
    """Render a GOV.UK form page; on a valid POST call ``on_valid(form)`` and follow its URL.

    A ValidationError from the service lands on the form, so nothing is half-saved.
    """
    if request.method == "POST" and form.is_valid():
        try:
            return redirect(on_valid(form))
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": title, "caption": caption, "back_url": back_url},
    )
