"""Point the in-process Celery app at another broker for one test, and back.

Celery binds its configuration on first use and caches what hangs off it: the connection pool, the producer
pool, the queues and router (``app.amqp``) and the control mailbox (``app.control``, which ``/health/`` pings
workers through). Changing ``broker_url`` alone leaves those pointing at the old broker. The connection pools
themselves live in kombu's process-wide registry, one per broker URL: closing one without removing it from the
registry hands the next test a closed pool ("Acquire on closed pool"), so the registry is reset instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from kombu import pools

from govex.celery import app


def forget_connections() -> None:
    for cached in ("amqp", "control"):
        app.__dict__.pop(cached, None)
    app._pool = None
    pools.reset()  # closes every pooled connection and producer and forgets them


@contextmanager
def celery_configured(**conf) -> Iterator[None]:
    saved = {key: getattr(app.conf, key) for key in conf}
    app.conf.update(**conf)
    forget_connections()
    try:
        yield
    finally:
        app.conf.update(**saved)
        forget_connections()
