"""The demo local area and the large "scale" area, kept out of the apps' runtime code.

One module per domain (``core``, ``inspections``, ``workstreams`` with its text in
``workstreams_data``, ``inclusion``, ``meetings``, ``localoffer``, ``reporting``), each with
``load(stdout)``, run in order by ``manage.py load_demo``; ``scale`` builds the large area for
``manage.py load_scale`` and the benchmarks.
"""
