"""Pure business rules of units 2–13: tariffs and levies, violations and Article 100, plan orders and zones,
vehicle plates and stickers, a case's clock, audit patterns. No Qt, no database, no I/O.

Import from the modules (``app.domain.rules.tariffs`` ...); error codes and their Persian messages are in
``app.domain.rules.messages_fa``.
"""
