"""docker-compose.yml: readiness health check, a cache of its own apart from the broker."""

from pathlib import Path

COMPOSE = (Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text()


def _service(name: str) -> str:
    """The text of one service's block (services are indented two spaces)."""
    start = COMPOSE.index(f"\n  {name}:\n")
    rest = COMPOSE[start + 1 :].splitlines(keepends=True)
    block = [rest[0]]
    for line in rest[1:]:
        if line.strip() and not line.startswith("   ") and not line.startswith("  #"):
            break
        block.append(line)
    return "".join(block)


def test_web_health_check_is_the_readiness_check():
    assert "/healthz/ready/" in _service("web")


def test_the_cache_has_its_own_memory_limited_evicting_redis():
    assert "DJANGO_CACHE_URL: redis://cache:" in COMPOSE
    assert "CELERY_BROKER_URL: redis://redis:" in COMPOSE
    cache = _service("cache")
    assert "--maxmemory 64mb" in cache and "--maxmemory-policy allkeys-lru" in cache
    assert "noeviction" in _service("redis")
