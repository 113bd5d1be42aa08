# The portal for docker compose and production: gunicorn, Celery worker and beat share this image.

FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY static ./static
COPY scripts/build-assets.sh ./scripts/build-assets.sh
RUN bash scripts/build-assets.sh

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1
# WeasyPrint needs Pango; fonts for the PDF reports.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
       libharfbuzz-subset0 fonts-liberation fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 portal
WORKDIR /app
# The locked runtime dependencies (make lock), checked against their hashes; then the project
# itself without resolving anything again.
COPY requirements/base.txt ./requirements/base.txt
RUN pip install --require-hashes -r requirements/base.txt
COPY pyproject.toml README.md ./
COPY send_portal ./send_portal
COPY workstreams ./workstreams
COPY inclusion ./inclusion
COPY inspections ./inspections
COPY localoffer ./localoffer
RUN pip install --no-deps .
COPY manage.py ./
COPY templates ./templates
COPY static ./static
COPY --from=assets /app/static/build ./static/build
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-only DJANGO_VAR_DIR=/app/var \
    python manage.py collectstatic --no-input \
    && mkdir -p /data/media && chown -R portal /data /app/var
USER portal
ENV DJANGO_VAR_DIR=/app/var DJANGO_MEDIA_ROOT=/data/media
EXPOSE 8000
CMD ["gunicorn", "send_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
