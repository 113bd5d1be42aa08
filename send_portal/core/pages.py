"""The GOV.UK form page: one template (``core/form_page.html``) for every simple form page."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from send_portal.core.concurrency import VersionConflict, merge_after_conflict, save_versioned


def add_service_errors(form, exc: ValidationError) -> None:
    """A service's refusal on the form: each message at its field, or above the form when it
    names no field of this form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def post_data(request):
    """The submitted data on a POST (even an empty one, so it shows errors); None otherwise."""
    return request.POST if request.method == "POST" else None


def form_page(request, form, *, title: str, caption: str, back_url: str, on_valid, make=None):
    """Render a GOV.UK form page; on a valid POST call ``on_valid(form)`` and follow its URL.

    A ValidationError from the service lands on the form, so nothing is half-saved. With
    ``make(record, data=None)`` (an edit form with ``VersionedFormMixin``) the save runs only
    if nobody saved the record meanwhile; otherwise the merged form is shown again (409).
    """
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            if make is not None:
                return redirect(save_versioned(form, on_valid))
            return redirect(on_valid(form))
        except VersionConflict as exc:
            conflict = exc
            form = merge_after_conflict(form, make, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": title,
            "caption": caption,
            "back_url": back_url,
            "conflict": conflict,
        },
        status=409 if conflict else 200,
    )
