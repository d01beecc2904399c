"""Create the PostgreSQL database named in DATABASE_URL if it does not exist yet (``make serve`` on a fresh
machine). SQLite needs nothing: Django creates the file on first connection."""

from __future__ import annotations

import os
import sys

import environ
import psycopg
from psycopg import sql


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return 0
    config = environ.Env.db_url_config(url)
    name = config["NAME"]
    params = {
        "dbname": "postgres",
        "user": config.get("USER") or "postgres",
        "password": config.get("PASSWORD") or None,
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "connect_timeout": 5,
        "autocommit": True,
    }
    with psycopg.connect(**{key: value for key, value in params.items() if value is not None}) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            sys.stderr.write(f"created database {name}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
