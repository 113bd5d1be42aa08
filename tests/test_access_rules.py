"""Every URL pattern's view declares who may use it (a rule, or public): none by accident."""

from django.urls import URLPattern, URLResolver, get_resolver


def _patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # Django admin: staff only, guarded by admin itself
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def test_every_view_has_an_access_rule():
    unguarded = [
        route for route, view in _patterns(get_resolver()) if not getattr(view, "access_rule", None)
    ]
    assert not unguarded, f"URL patterns without an access rule: {unguarded}"
