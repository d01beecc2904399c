"""The admin: the protocol office's main tool. One module per part of the domain; importing registers them."""

from __future__ import annotations

from . import people, records, sign_in, sources

__all__ = ["people", "records", "sign_in", "sources"]
