"""Client side of offline-first sync: push the outbox, pull the server's changes, conflicts, files, credentials.

``SyncClient`` (app.sync.client) does one round; ``SyncWorker`` (app.sync.worker) runs rounds in a plain Python
thread with back-off and status callbacks. The protocol is described in ``docs/sync.md``.
"""
