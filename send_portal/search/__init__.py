"""Search across every app (``/search/``): the composing layer, above the apps it reads."""
