"""A demo workstation: a user for every unit and about 200 cases spread over every state of every workflow.

Cases are made through the real use cases (open_case, mark_document, set_fact, apply_action) with the clock set in
the past, so route histories, audit chain and outbox are exactly what a working office produces. Usernames and the
password (``demo1234``) are listed in the README.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import deque
from dataclasses import dataclass

from sqlalchemy import select

from app.domain import workflows as wf
from app.domain.catalog import CATALOG, Service
from app.domain.units import ROLES
from app.domain.workflows import guards as g
from app.models import User
from app.services import demo_data as data
from app.services.context import Services
from app.services.demo_certificates import create_certificate_demo
from app.services.demo_inspection import add_inspection_demo
from app.services.demo_watch import create_watch_demo
from app.services.dto import OpenCaseInput, PersonInput, PropertyInput
from app.services.intake import opening_actions

DEMO_PASSWORD = "demo1234"

# (username, full name, roles, inspector capacity). Small units: the one expert is also the head of the unit.
DEMO_USERS: tuple[tuple[str, str, tuple[str, ...], int], ...] = (
    ("admin", "مدیر سامانه", ("admin",), 0),
    ("intake", "زهرا کریمی", ("formation.clerk", "formation.head"), 0),
    ("inspector1", "حمید رستمی", ("inspection.inspector",), 8),
    ("inspector2", "سعید نوری", ("inspection.inspector",), 8),
    ("mapexpert", "الهام طاهری", ("inspection.expert",), 0),
    ("inspectionhead", "مجید اکبری", ("inspection.head",), 0),
    ("officehead", "محمدرضا هاشمی", ("office_head",), 0),
    ("archive", "مریم صادقی", ("archive.operator",), 0),
    ("violation", "جواد موسوی", ("violation.expert", "violation.head"), 0),
    ("plan", "نرگس شریفی", ("plan_approval.expert", "plan_approval.head"), 0),
    ("certificates", "امید جعفری", ("certificates.expert", "certificates.head"), 0),
    ("permits", "پریسا عباسی", ("permits.expert", "permits.head"), 0),
    ("renovation", "مهدی قاسمی", ("renovation.expert", "renovation.head"), 0),
    ("followup", "سمیه رحیمی", ("followup.officer", "followup.head"), 0),
    ("liaison", "بهروز کاظمی", ("liaison.liaison", "liaison.head"), 0),
    ("consult", "آرش حیدری", ("consultation.consultant", "consultation.head"), 0),
    ("vehicle", "لیلا مرادی", ("vehicle.clerk", "vehicle.head"), 0),
    ("techmanager", "داریوش یزدانی", ("technical_manager", "technical.secretary"), 0),
    ("auditor", "فرشته نجفی", ("audit.auditor", "audit.head"), 0),
    ("all", "کاربر نمایشی (همه واحدها)", tuple(sorted(ROLES)), 0),
)


# The fact each guard reads, and the value that passes it.
GUARD_FACTS: dict[str, tuple[str, object]] = {
    "has_open_violations": (g.FACT_OPEN_VIOLATIONS, 1),
    "no_open_violations": (g.FACT_OPEN_VIOLATIONS, 0),
    "fees_paid": (g.FACT_FEES_PAID, True),
    "sketch_done": (g.FACT_SKETCH_DONE, True),
    "aerial_map_attached": (g.FACT_AERIAL_MAP, True),
    "property_located": (g.FACT_LOCATED, True),
    "documents_scanned": (g.FACT_SCANNED, True),
    "supervisor_final_report": (g.FACT_SUPERVISOR_FINAL, True),
    "both_referrals_answered": (g.FACT_REFERRALS, list(g.PLAN_REFERRALS)),
    "checklist_complete": (g.FACT_CHECKLIST_DONE, True),
    "technical_id_recorded": (g.FACT_TECHNICAL_ID, True),
    "certificate_printed": (g.FACT_CERT_PRINTED, True),
}


@dataclass(frozen=True)
class DemoSummary:
    users: int
    persons: int
    properties: int
    cases: int
    states_covered: int
    states_total: int


def paths_to_states(workflow: wf.Workflow) -> dict[str, list[wf.Transition]]:
    """The shortest action path from the initial state to every state (breadth first)."""
    found: dict[str, list[wf.Transition]] = {workflow.initial_state: []}
    queue = deque([workflow.initial_state])
    while queue:
        state = queue.popleft()
        for t in workflow.transitions_from(state):
            if t.to_state not in found:
                found[t.to_state] = [*found[state], t]
                queue.append(t.to_state)
    return found


def _targets() -> list[tuple[Service, wf.Workflow, str, list[wf.Transition]]]:
    targets = []
    for workflow in wf.WORKFLOWS.values():
        services = CATALOG.services_of_workflow(workflow.id)
        if not services:
            continue
        for i, (state, path) in enumerate(sorted(paths_to_states(workflow).items())):
            targets.append((services[i % len(services)], workflow, state, path))
    return targets


class _Builder:
    def __init__(self, services: Services, seed: int) -> None:
        self.s = services
        self.rng = random.Random(seed)
        self.actors: dict[str, wf.Actor] = {}
        self.persons: list[str] = []
        self.properties: list[str] = []

    def users(self) -> None:
        existing = set()
        with self.s.uow(writer=False) as uow:
            existing = set(uow.session.scalars(select(User.username)))
        admin = None
        for username, name, roles, capacity in DEMO_USERS:
            if username not in existing:
                self.s.auth.create_user(admin, username, name, DEMO_PASSWORD, roles,
                                        inspector_daily_capacity=capacity)  # fmt: skip
            self.actors[username] = self.s.auth.actor_by_username(username)
            if username == "admin":
                admin = self.actors["admin"]

    def people(self, n_persons: int, n_properties: int) -> None:
        rng, intake = self.rng, self.actors["intake"]
        for i in range(n_persons):
            if i % 25 == 24:
                inp = PersonInput(kind="legal", legal_id=data.legal_id(rng), company_name=rng.choice(data.COMPANIES),
                                  mobile=data.mobile(rng), address=rng.choice(data.STREETS))  # fmt: skip
            else:
                first = rng.choice(data.FIRST_NAMES_MALE if rng.random() < 0.6 else data.FIRST_NAMES_FEMALE)
                inp = PersonInput(
                    kind="natural", national_id=data.national_id(rng), first_name=first,
                    last_name=rng.choice(data.LAST_NAMES), father_name=rng.choice(data.FIRST_NAMES_MALE),
                    birth_date=dt.date(rng.randint(1950, 2000), rng.randint(1, 12), rng.randint(1, 28)),
                    mobile=data.mobile(rng), postal_code=data.postal_code(rng),
                    address=f"{rng.choice(data.STREETS)}، پلاک {rng.randint(1, 120)}",
                )  # fmt: skip
            try:
                self.persons.append(self.s.intake.register_person(intake, inp).id)
            except Exception:
                continue
        used: set[str] = set()
        while len(self.properties) < n_properties:
            parts = (1, rng.randint(1, 9), rng.randint(1, 300), rng.randint(1, 60), rng.randint(0, 3),
                     rng.choice((0, 0, 1, 2, 3, 4)), 0)  # fmt: skip
            code = "-".join(map(str, parts))
            if code in used:
                continue
            used.add(code)
            inp = PropertyInput(
                renovation_code=code, registry_section=str(rng.choice((11, 12))),
                registry_main=str(rng.randint(1, 400)), registry_sub=str(rng.randint(1, 9000)),
                address=f"{rng.choice(data.STREETS)}، پلاک {rng.randint(1, 120)}", postal_code=data.postal_code(rng),
                deed_area_m2=float(rng.randint(80, 1500)), zone=rng.choice(data.ZONES),
            )  # fmt: skip
            self.properties.append(self.s.intake.register_property(intake, inp).id)

    def actor_for(self, roles: frozenset[str]) -> wf.Actor:
        for username, _name, user_roles, _cap in DEMO_USERS:
            if username != "all" and roles.intersection(user_roles):
                return self.actors[username]
        return self.actors["all"]

    def satisfy(self, case_id: str, t: wf.Transition, actor: wf.Actor) -> None:
        """Record the facts that the transition's guards read, as the real work would have."""
        for guard in t.guards:
            if guard == "all_documents_received":
                for doc in sorted(self.s.cases.missing_documents(case_id)):
                    self.s.cases.mark_document(self.actors["officehead"], case_id, doc, True)
            elif guard in GUARD_FACTS:
                fact, value = GUARD_FACTS[guard]
                self.s.cases.set_fact(actor, case_id, fact, value)

    def one_case(self, service: Service, workflow: wf.Workflow, path: list[wf.Transition], now: dt.datetime) -> None:
        rng = self.rng
        # Most open cases are recent (on time); the rest, and all closed ones, spread over sixty days (some overdue).
        recent = workflow.state(path[-1].to_state if path else workflow.initial_state).open and rng.random() < 0.65
        start = now - dt.timedelta(days=rng.uniform(0.1, 3) if recent else rng.uniform(1, 60), hours=rng.uniform(0, 6))
        moments = sorted(start + (now - start) * rng.random() for _ in path)
        opening = opening_actions(workflow, service)
        skip_first = bool(path) and path[0].action in opening
        docs = set(service.required_documents)
        # A case meant to stay at the counter (or leave it another way) keeps a document missing, or the opening
        # action would take it to inspection at once.
        if not skip_first and docs and (opening or rng.random() < 0.3):
            docs.discard(rng.choice(sorted(docs)))  # a document still missing at the counter
        opener = (
            self.actors["intake"]
            if service.unit == "formation" or skip_first
            else self.actor_for(frozenset(r for r in ROLES if r.startswith(f"{service.unit}.")))
        )
        day = None
        if skip_first or (service.needs_inspection and not opening):
            day = self.s.calendar.add_working_days(start.date(), rng.randint(1, 4))
        with self.s.clock_at(start):
            result = None
            for _ in range(10):
                try:
                    result = self.s.intake.open_case(opener, OpenCaseInput(
                        service.code, rng.choice(self.persons), rng.choice(self.properties), frozenset(docs),
                        inspection_day=day, note=rng.choice(data.NOTES) if rng.random() < 0.3 else "",
                    ))  # fmt: skip
                    break
                except Exception as exc:
                    if getattr(exc, "code", "") != "intake.day_full" or day is None:
                        raise
                    day = self.s.calendar.add_working_days(day, 1)
            assert result is not None
        for t, moment in zip(path[1:] if skip_first else path, moments, strict=False):
            actor = self.actor_for(t.roles)
            with self.s.clock_at(moment):
                self.satisfy(result.case_id, t, actor)
                assignee = None
                if t.needs_assignee:
                    candidates = [u for u in self.s.cases.referral_candidates(result.case_id) if u.username != "all"]
                    assignee = rng.choice(candidates).id if candidates else actor.user_id
                self.s.cases.apply_action(
                    actor, result.case_id, t.action,
                    note=rng.choice(data.NOTES) if t.needs_note or rng.random() < 0.2 else None,
                    assignee_id=assignee, expected_version=self.s.cases.get_version(result.case_id),
                )  # fmt: skip


def create_demo(services: Services, n_cases: int = 200, seed: int = 1404) -> DemoSummary:
    """Fill ``services``' database with demo users, people, properties and cases (over every workflow state)."""
    b = _Builder(services, seed)
    b.users()
    b.people(max(20, n_cases * 3 // 4), max(15, n_cases // 2))
    now = services.now()
    targets = _targets()
    covered: set[tuple[str, str]] = set()
    made = 0
    # Every state once, then more of the open ones (that is where cartables live), until n_cases.
    order = list(targets)
    open_targets = [t for t in targets if t[1].state(t[2]).open]
    while len(order) < n_cases and open_targets:
        order.append(b.rng.choice(open_targets))
    for service, workflow, state, path in order[:n_cases]:
        b.one_case(service, workflow, path, now)
        covered.add((workflow.id, state))
        made += 1
    create_watch_demo(services, b.actors, seed)
    add_inspection_demo(services)
    create_certificate_demo(services, b.actors, b.persons, b.properties)
    from app.services.demo_journey import add_journey_demo

    add_journey_demo(services, b.actors, b.persons, b.properties)
    from app.services.demo_archive import add_archive_demo, add_permit_demo

    add_archive_demo(services, b, now)
    add_permit_demo(services, b)
    from app.services.demo_charges import create_charges_demo

    create_charges_demo(services, seed)
    return DemoSummary(len(DEMO_USERS), len(b.persons), len(b.properties), made, len(covered), len(targets))
