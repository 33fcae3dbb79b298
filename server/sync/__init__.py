"""Server side of offline-first sync: push (outbox batches), pull (cursor pages), files, audit chains.

The design is written down in ``docs/sync.md``. ``server.sync.routes.router`` is the FastAPI router.
"""
