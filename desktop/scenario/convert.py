"""From validated format models to the domain's frozen types."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.enums import Category
from desktop.domain.phases import phase_in_force
from desktop.domain.records import Consultation, DecisionContent, MilitaryAssets
from desktop.domain.scenario import (
    Actor,
    AvoidPattern,
    Expects,
    Inject,
    Mechanism,
    Objective,
    Phase,
    Scenario,
    Setting,
    Team,
    Trigger,
)
from desktop.domain.times import parse_duration, parse_stamp
from desktop.scenario.pack_models import (
    ActorModel,
    ExpectsModel,
    InjectModel,
    ScenarioModel,
    TeamModel,
)
from desktop.scenario.play_models import AssetsModel, ConsultedModel, DecisionModel

_UN_CATEGORIES = {Category.UN_MISSION, Category.UN_COUNTRY_TEAM, Category.UN_HEADQUARTERS}


def scenario_from_model(model: ScenarioModel, media: tuple[str, ...] = ()) -> Scenario:
    """The domain scenario of a validated pack."""
    setting = model.setting
    phases = tuple(Phase(p.id, p.title, parse_stamp(p.starts)) for p in model.phases)
    injects = []
    for inject_model in model.injects:
        inject = inject_from_model(inject_model)
        if inject.phase is None and inject.at is not None:
            # DESIGN.md: an inject's phase defaults to the phase in force at its time.
            inject = replace(inject, phase=phase_in_force(inject.at, phases))
        injects.append(inject)
    return Scenario(
        id=model.id,
        title=model.title,
        language=model.language,
        summary=model.summary,
        setting=Setting(
            setting.country,
            setting.mission,
            setting.integration,
            setting.start,
            setting.background,
        ),
        phases=phases,
        actors=tuple(actor_from_model(a) for a in model.actors),
        mechanisms=tuple(
            Mechanism(m.id, m.name, tuple(m.members), m.description) for m in model.mechanisms
        ),
        teams=tuple(team_from_model(t) for t in model.teams),
        objectives=tuple(
            Objective(o.id, o.title, o.capability, tuple(o.tasks), o.description)
            for o in model.objectives
        ),
        injects=tuple(injects),
        dimensions=tuple(model.dimensions),
        media=media,
    )


def actor_from_model(model: ActorModel) -> Actor:
    """An actor, with the firewall and authority defaults applied."""
    firewall = model.firewall
    if firewall is None:
        firewall = model.category is Category.HUMANITARIAN
    authority = model.humanitarian_authority
    if authority is None:
        authority = firewall
    organisation = model.organisation or ("UN" if model.category in _UN_CATEGORIES else model.id)
    return Actor(
        id=model.id,
        name=model.name,
        short=model.short or model.name,
        category=model.category,
        organisation=organisation,
        dimensions=tuple(model.dimensions),
        firewall=firewall,
        humanitarian_authority=authority,
        sector=model.sector,
        mandate=model.mandate,
    )


def team_from_model(model: TeamModel) -> Team:
    """A team."""
    return Team(model.id, model.name, tuple(model.actors), model.briefing)


def inject_from_model(model: InjectModel, *, adhoc: bool = False) -> Inject:
    """An inject; `at: manual` becomes a manual inject."""
    manual = model.at == "manual"
    at = parse_stamp(model.at) if model.at is not None and not manual else None
    trigger = model.trigger
    return Inject(
        id=model.id,
        title=model.title,
        to=tuple(model.to),
        body=model.body,
        at=at,
        manual=manual or (at is None and trigger is None),
        trigger=(
            Trigger(trigger.inject, trigger.when, parse_duration(trigger.delay))
            if trigger
            else None
        ),
        sender=model.sender,
        channel=model.channel,
        public=model.public,
        phase=model.phase,
        dimensions=tuple(model.dimensions),
        objectives=tuple(model.objectives),
        attachments=tuple(model.attachments),
        expects=expects_from_model(model.expects) if model.expects else None,
        adhoc=adhoc,
    )


def expects_from_model(model: ExpectsModel) -> Expects:
    """An inject's expectation."""
    return Expects(
        respond_within=parse_duration(model.respond_within) if model.respond_within else None,
        consult=tuple(model.consult),
        consult_any=tuple(model.consult_any),
        venue=tuple(model.venue),
        avoid=tuple(
            AvoidPattern(a.by_dimension, tuple(a.by), tuple(a.to), a.mode) for a in model.avoid
        ),
        notes=model.notes,
    )


def consultations(models: list[ConsultedModel]) -> tuple[Consultation, ...]:
    """Consulted actors."""
    return tuple(Consultation(c.actor, c.mode) for c in models)


def assets_from_model(model: AssetsModel) -> MilitaryAssets:
    """A military-asset request."""
    return MilitaryAssets(
        asset=model.asset,
        purpose=model.purpose,
        task=model.task,
        decided_by=model.decided_by,
        civilian_alternatives=tuple(model.civilian_alternatives),
        critical_need=model.critical_need,
        unique=model.unique,
        humanitarian_control=model.humanitarian_control,
        unarmed=model.unarmed,
        time_limited=model.time_limited,
        exit_plan=model.exit_plan,
    )


def content_from_model(model: DecisionModel) -> DecisionContent:
    """The changeable fields of a decision."""
    return DecisionContent(
        title=model.title,
        rationale=model.rationale,
        posture=model.posture,
        dimensions=tuple(model.dimensions),
        venue=model.venue,
        consulted=consultations(model.consulted),
        supersedes=model.supersedes,
        taken_at=parse_stamp(model.taken_at) if model.taken_at else None,
        military_assets=assets_from_model(model.military_assets) if model.military_assets else None,
    )
