"""Writes of the import pipeline, one module per stage: ``intake`` (submit a file, queue it again),
``run`` (extract and build the candidates; what the task calls) and ``review`` (decide on candidates). Each
service is safe to call twice; see each module for how.

Nothing is re-exported here: ``intake`` queues work through ``cooperation.importing.tasks``, which imports
``run``, so a package that imported all three would import itself in a circle.
"""
