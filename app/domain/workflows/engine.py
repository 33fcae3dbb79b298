"""A declarative workflow engine: states and transitions are data tables, the engine is three pure functions.

Tryton-style tables, with one difference: an action that is not allowed now raises a ``WorkflowError`` whose code says
why (wrong state, role, failed guard with what is missing, missing note or assignee, stale version), so the UI can tell
the person what to do. Buttons are enabled from ``available_actions``; services call ``apply`` and store the returned
``CaseEvent``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from app.domain.errors import WorkflowError
from app.domain.units import is_role, is_unit, units_of_roles

# ---------------------------------------------------------------------------------------------------------------------
# Who acts, and on what


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in person. ``roles`` are role strings from ``app.domain.units``."""

    user_id: str
    username: str
    full_name: str
    roles: frozenset[str]

    @property
    def units(self) -> frozenset[str]:
        return units_of_roles(self.roles)

    def has_any_role(self, roles: Iterable[str]) -> bool:
        return not self.roles.isdisjoint(roles)


def _no_facts() -> Mapping[str, object]:
    return MappingProxyType({})


@dataclass(frozen=True, slots=True)
class CaseSnapshot:
    """What the engine needs to know about a case. Services build it from the database.

    ``facts`` feed the guards; the keys are the ``FACT_*`` constants of ``app.domain.workflows.guards``.
    """

    case_id: str
    workflow_id: str
    state: str
    version: int = 0
    assignee_id: str | None = None
    missing_documents: frozenset[str] = frozenset()
    facts: Mapping[str, object] = field(default_factory=_no_facts)


# ---------------------------------------------------------------------------------------------------------------------
# The tables


@dataclass(frozen=True, slots=True)
class StateDef:
    """A state. ``unit`` owns the cartable the case sits in; ``role`` is who works it there.

    ``settled``: the work is done but later actions remain (an issued certificate can still be revoked): such cases
    leave the cartables although the state is not terminal.
    """

    id: str
    unit: str
    title_en: str
    title_fa: str
    terminal: bool = False
    role: str | None = None
    settled: bool = False

    @property
    def open(self) -> bool:
        """True when a case in this state waits for someone's work (it shows in a cartable)."""
        return not self.terminal and not self.settled


@dataclass(frozen=True, slots=True)
class Transition:
    """One row of the table. ``to_state == from_state`` for actions that keep the state (refer, record an answer)."""

    from_state: str
    action: str
    to_state: str
    roles: frozenset[str]
    guards: tuple[str, ...] = ()
    needs_note: bool = False
    needs_assignee: bool = False
    title_en: str = ""
    title_fa: str = ""

    @property
    def keeps_state(self) -> bool:
        return self.from_state == self.to_state


class WorkflowDefinitionError(ValueError):
    """A workflow table that contradicts itself: a programming error, found at import time."""


@dataclass(frozen=True)
class Workflow:
    id: str
    initial_state: str
    states: tuple[StateDef, ...]
    transitions: tuple[Transition, ...]
    title_en: str = ""
    title_fa: str = ""
    _states: Mapping[str, StateDef] = field(init=False, repr=False, compare=False)
    _by_state: Mapping[str, tuple[Transition, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        states = {s.id: s for s in self.states}
        by_state: dict[str, list[Transition]] = {s: [] for s in states}
        object.__setattr__(self, "_states", MappingProxyType(states))
        self._validate(states)
        for t in self.transitions:
            by_state[t.from_state].append(t)
        object.__setattr__(self, "_by_state", MappingProxyType({k: tuple(v) for k, v in by_state.items()}))

    def _validate(self, states: Mapping[str, StateDef]) -> None:
        def fail(why: str) -> None:
            raise WorkflowDefinitionError(f"workflow {self.id!r}: {why}")

        from app.domain.workflows.guards import GUARDS  # the registry imports this module's types

        if len(states) != len(self.states):
            fail("duplicate state ids")
        if self.initial_state not in states:
            fail(f"initial state {self.initial_state!r} is not a state")
        for s in self.states:
            if not is_unit(s.unit):
                fail(f"state {s.id!r} names unknown unit {s.unit!r}")
            if s.role is not None and not is_role(s.role):
                fail(f"state {s.id!r} names unknown role {s.role!r}")
        seen: set[tuple[str, str]] = set()
        for t in self.transitions:
            if t.from_state not in states or t.to_state not in states:
                fail(f"transition {t.from_state}--{t.action}->{t.to_state} names an unknown state")
            if (t.from_state, t.action) in seen:
                fail(f"action {t.action!r} appears twice from state {t.from_state!r}")
            seen.add((t.from_state, t.action))
            if states[t.from_state].terminal:
                fail(f"terminal state {t.from_state!r} has an exit ({t.action!r})")
            if not t.roles:
                fail(f"action {t.action!r} from {t.from_state!r} allows no role")
            unknown_roles = [r for r in t.roles if not is_role(r)]
            if unknown_roles:
                fail(f"action {t.action!r} names unknown roles {sorted(unknown_roles)}")
            unknown_guards = [g for g in t.guards if g not in GUARDS]
            if unknown_guards:
                fail(f"action {t.action!r} names unknown guards {unknown_guards}")
        reached = {self.initial_state}
        frontier = [self.initial_state]
        while frontier:
            current = frontier.pop()
            for t in self.transitions:
                if t.from_state == current and t.to_state not in reached:
                    reached.add(t.to_state)
                    frontier.append(t.to_state)
        unreachable = set(states) - reached
        if unreachable:
            fail(f"states not reachable from {self.initial_state!r}: {sorted(unreachable)}")
        for s in self.states:
            if not s.terminal and not any(t.from_state == s.id for t in self.transitions):
                fail(f"non-terminal state {s.id!r} has no exit")

    # -- look-ups -----------------------------------------------------------------------------------------------------

    def state(self, state_id: str) -> StateDef:
        try:
            return self._states[state_id]
        except KeyError:
            raise WorkflowError("workflow.unknown_state", workflow=self.id, state=state_id) from None

    def has_state(self, state_id: str) -> bool:
        return state_id in self._states

    def transitions_from(self, state_id: str) -> tuple[Transition, ...]:
        return self._by_state.get(state_id, ())

    def transition(self, state_id: str, action: str) -> Transition | None:
        return next((t for t in self.transitions_from(state_id) if t.action == action), None)

    @property
    def actions(self) -> frozenset[str]:
        return frozenset(t.action for t in self.transitions)

    @property
    def terminal_states(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.states if s.terminal)

    @property
    def open_states(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.states if s.open)

    def states_of_unit(self, unit: str, *, open_only: bool = True) -> tuple[str, ...]:
        """State ids whose cases sit in ``unit``'s cartable (all of the unit's states with ``open_only=False``)."""
        return tuple(s.id for s in self.states if s.unit == unit and (s.open or not open_only))


# ---------------------------------------------------------------------------------------------------------------------
# What happened


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """One applied action: an immutable record the services store (case history, audit log, outbox).

    ``assignee_id`` is the case's assignee after the action (None: whoever in the state's unit picks it up).
    ``version`` is the case version the action was applied on; the case's new version is ``version + 1``.
    """

    case_id: str
    workflow_id: str
    action: str
    from_state: str
    to_state: str
    actor_id: str
    actor_name: str
    roles_used: frozenset[str]
    at: dt.datetime
    workstation_id: str
    note: str | None
    assignee_id: str | None
    version: int
    data: Mapping[str, object] = field(default_factory=_no_facts)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (ISO timestamp, sorted role list) for the audit log and the sync outbox."""
        return {
            "case_id": self.case_id,
            "workflow_id": self.workflow_id,
            "action": self.action,
            "from_state": self.from_state,
            "to_state": self.to_state,
            "actor_id": self.actor_id,
            "actor_name": self.actor_name,
            "roles_used": sorted(self.roles_used),
            "at": self.at.isoformat(),
            "workstation_id": self.workstation_id,
            "note": self.note,
            "assignee_id": self.assignee_id,
            "version": self.version,
            "data": dict(self.data),
        }


# ---------------------------------------------------------------------------------------------------------------------
# The engine

Guard = Callable[[CaseSnapshot], tuple[str, ...]]
"""A guard returns what is missing (document codes, fact names); an empty tuple means it passes."""


def _guard_failure(transition: Transition, snapshot: CaseSnapshot) -> WorkflowError | None:
    from app.domain.workflows.guards import GUARDS

    for name in transition.guards:
        missing = GUARDS[name](snapshot)
        if missing:
            return WorkflowError("workflow.guard_failed", guard=name, missing=list(missing), action=transition.action)
    return None


def _check_workflow(workflow: Workflow, snapshot: CaseSnapshot) -> None:
    if snapshot.workflow_id != workflow.id:
        raise WorkflowError("workflow.mismatch", workflow=workflow.id, case_workflow=snapshot.workflow_id)
    workflow.state(snapshot.state)  # raises workflow.unknown_state


def available_actions(workflow: Workflow, snapshot: CaseSnapshot, actor: Actor) -> list[Transition]:
    """Actions the actor may take now: the state has the action, a role of the actor is allowed, every guard passes."""
    _check_workflow(workflow, snapshot)
    return [
        t
        for t in workflow.transitions_from(snapshot.state)
        if actor.has_any_role(t.roles) and _guard_failure(t, snapshot) is None
    ]


def blocked_actions(workflow: Workflow, snapshot: CaseSnapshot, actor: Actor) -> list[tuple[Transition, WorkflowError]]:
    """Actions the actor's roles allow in this state but a guard refuses, with the reason: for disabled buttons."""
    _check_workflow(workflow, snapshot)
    blocked: list[tuple[Transition, WorkflowError]] = []
    for t in workflow.transitions_from(snapshot.state):
        if actor.has_any_role(t.roles):
            failure = _guard_failure(t, snapshot)
            if failure is not None:
                blocked.append((t, failure))
    return blocked


def check_action(
    workflow: Workflow,
    snapshot: CaseSnapshot,
    actor: Actor,
    action: str,
    *,
    note: str | None = None,
    assignee_id: str | None = None,
    expected_version: int | None = None,
) -> Transition:
    """Raise ``WorkflowError`` naming why ``action`` is not allowed now; return its transition when it is.

    Checked in this order, so the message answers the first thing the person must fix: the action exists, the case
    is the version the person saw, the state allows it, a role allows it, the guards pass, the note and assignee.
    """
    _check_workflow(workflow, snapshot)
    if action not in workflow.actions:
        raise WorkflowError("workflow.unknown_action", workflow=workflow.id, action=action)
    if expected_version is not None and expected_version != snapshot.version:
        raise WorkflowError(
            "workflow.stale_version", case_id=snapshot.case_id, expected=expected_version, actual=snapshot.version
        )
    transition = workflow.transition(snapshot.state, action)
    if transition is None:
        allowed_in = sorted(t.from_state for t in workflow.transitions if t.action == action)
        raise WorkflowError("workflow.wrong_state", action=action, state=snapshot.state, allowed_in=allowed_in)
    if not actor.has_any_role(transition.roles):
        raise WorkflowError("workflow.role_not_allowed", action=action, roles_needed=sorted(transition.roles))
    failure = _guard_failure(transition, snapshot)
    if failure is not None:
        raise failure
    if transition.needs_note and not (note or "").strip():
        raise WorkflowError("workflow.note_required", action=action)
    if transition.needs_assignee and not assignee_id:
        raise WorkflowError("workflow.assignee_required", action=action)
    return transition


def apply(
    workflow: Workflow,
    snapshot: CaseSnapshot,
    actor: Actor,
    action: str,
    *,
    at: dt.datetime,
    workstation_id: str,
    note: str | None = None,
    assignee_id: str | None = None,
    expected_version: int | None = None,
    data: Mapping[str, object] | None = None,
) -> CaseEvent:
    """Check ``action`` and return the event it produces. Nothing is mutated: services store the event and move the
    case to ``event.to_state`` with ``event.assignee_id`` in the same transaction.

    ``at`` must be timezone-aware; it is stored in UTC. A transition to another state clears the assignee unless one
    is given; a transition that keeps the state (``refer``) keeps the assignee unless one is given.
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("apply() needs a timezone-aware timestamp")
    transition = check_action(
        workflow, snapshot, actor, action, note=note, assignee_id=assignee_id, expected_version=expected_version
    )
    if assignee_id is None and transition.keeps_state:
        assignee_id = snapshot.assignee_id
    clean_note = note.strip() if note and note.strip() else None
    return CaseEvent(
        case_id=snapshot.case_id,
        workflow_id=workflow.id,
        action=action,
        from_state=transition.from_state,
        to_state=transition.to_state,
        actor_id=actor.user_id,
        actor_name=actor.full_name,
        roles_used=actor.roles & transition.roles,
        at=at.astimezone(dt.UTC),
        workstation_id=workstation_id,
        note=clean_note,
        assignee_id=assignee_id,
        version=snapshot.version,
        data=MappingProxyType(dict(data or {})),
    )


def roles_for(workflow: Workflow, state: str) -> frozenset[str]:
    """Every role that can act on a case in ``state`` (for 'who can move this file' in follow-up reports)."""
    roles: set[str] = set()
    for t in workflow.transitions_from(state):
        roles |= t.roles
    return frozenset(roles)


def collection_of(value: object) -> Collection[str]:
    """A fact that holds codes may arrive as a list, set or tuple (JSON round-trips turn sets into lists)."""
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, Collection):
        return tuple(str(v) for v in value)
    return ()
