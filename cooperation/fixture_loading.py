"""What ``loaddata``'s raw saves skip, and what govex does about it.

History: raw saves already skip django-simple-history's ``post_save`` handler, but the deserializer then sets
many-to-many fields (topics, partners) on the same instance, and ``m2m_changed`` would write a historical row
for every record with topics: loading the fixtures would look like edits nobody made. Marking the instance
during its raw save makes simple-history's own opt-out (``skip_history_when_saving``) apply to those writes.

Derived columns: ``save()`` is not called, so a name form's script and search keys are derived here, by the
model's own method; fixtures and backups need not carry them.
"""

from __future__ import annotations

# Set on an instance during its raw save; simple-history reads it, and so can any m2m_changed receiver.
LOADING_FLAG = "skip_history_when_saving"


def is_being_loaded(instance) -> bool:
    """Whether ``instance`` is a record being deserialized by ``loaddata`` (its m2m writes are not edits)."""
    return hasattr(instance, LOADING_FLAG)


def skip_history_for_raw_saves(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        # The deserialized object is discarded after loading, so the flag never reaches a normal save.
        setattr(instance, LOADING_FLAG, True)


def derive_name_keys_for_raw_saves(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # a normal save derives them in ``AlternativeName.save()``
        instance.derive_keys()
