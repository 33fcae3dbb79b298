"""Which tables replicate, how their rows are scoped to units, and which fields only workflow commands may change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class EntityRule:
    """``scope``: "self" (the row is a case: its own id), "case_id" (the row names its case), or None (everyone).

    ``controlled``: fields that only workflow actions change once the row exists (edits to them are refused, so two
    offline approvals can never both land as field edits). ``immutable``: the row cannot change after creation.
    ``file_fields``: fields that hold a sha256 of the content-addressed store; the file must be on the server first.
    """

    name: str
    scope: str | None
    controlled: frozenset[str] = frozenset()
    immutable: bool = False
    file_fields: frozenset[str] = frozenset()
    client_writable: bool = True
    # A field that must name the pushing workstation's own number (a workstation vouches only for itself).
    own_workstation_field: str | None = None


CASE_CONTROLLED = frozenset(
    {"state", "unit", "version", "assignee_id", "state_entered_at", "closed_at", "workflow_id", "state_due_date"}
)

RULES: Mapping[str, EntityRule] = MappingProxyType(
    {
        r.name: r
        for r in (
            EntityRule("case_file", "self", controlled=CASE_CONTROLLED),
            EntityRule("case_party", "case_id"),
            EntityRule("case_event", "case_id", immutable=True),
            EntityRule("case_document", "case_id", file_fields=frozenset({"file_sha256"})),
            EntityRule("appointment", "case_id"),
            EntityRule("payment", "case_id"),
            EntityRule("person", None),
            EntityRule("property", None),
            EntityRule("inspector_leave", None),
            EntityRule("tariff_year", None),  # the tariff tables per Jalali year (administration)
            EntityRule("holiday", None),  # the office's holiday table (administration): one id per date
            EntityRule("vehicle", None),
            EntityRule("traffic_sticker", "case_id"),
            # The watching units (issue 8): rows of a case travel with it, the rest are office-wide.
            EntityRule("watch_contact", "case_id"),
            EntityRule("liaison_task", None),
            EntityRule("consultation", None),
            EntityRule("zone_rule", None),
            EntityRule("circular", None, file_fields=frozenset({"scan_sha256"})),
            EntityRule("circular_ack", None, immutable=True),
            EntityRule("correspondence", None),
            EntityRule("tech_question", None),
            EntityRule("complaint", None),
            EntityRule("architect_firm", None),  # the register of architect firms (plan approval)
            # Printed paper: the print log travels with its case; certificates are office-wide, so every
            # workstation's offline verifier knows the revocations.
            EntityRule("print_record", "case_id", immutable=True),
            EntityRule("issued_certificate", None),
            # Each workstation's public signing key (the office's trust list, docs/printing.md): written once by the
            # workstation that made it, never changed; the server trusts it only from that enrolled workstation.
            EntityRule("signing_key", None, immutable=True, own_workstation_field="workstation_no"),
            # Made by the server only: the value that lost a last-writer-wins merge.
            EntityRule("field_history", "case_id", immutable=True, client_writable=False),
            # Accounts live on the server (its /users API): a workstation never pushes them, least of all a hash.
            EntityRule("user_account", None, client_writable=False),
            EntityRule("user_role", None, client_writable=False),
        )
    }
)

# Bookkeeping columns that never travel as fields: the server keeps its own.
LOCAL_ONLY_FIELDS = frozenset({"dirty", "hlc", "version", "updated_at"})


def scope_of(rule: EntityRule, entity_id: str, data: Mapping[str, object]) -> str | None:
    if rule.scope == "self":
        return entity_id
    if rule.scope == "case_id":
        value = data.get("case_id")
        return str(value) if value else None
    return None
