"""The admin: the protocol office's main tool. One module per part of the domain; importing registers them."""

from __future__ import annotations

from . import attachments, commitments, people, records, sign_in, sources

__all__ = ["attachments", "commitments", "people", "records", "sign_in", "sources"]
