"""Merging a duplicate record into the surviving one, with a full audit trail.

The duplicate's history becomes the survivor's: every row that points at the duplicate moves,
found through the reverse relations of ``Person`` so that models added later move too. The
survivor keeps its identity; a blank field of the survivor (an identity code, contact details,
a login) is filled from the duplicate. The duplicate is not deleted: it ends with a job-search
period closed as ``merged`` (which also keeps it within the merging organisation's scope, see
``scoping``), and both timelines get an event with the counts of what moved
(GDPR Art. 5(1)(d) accuracy; the history of changes is kept by django-simple-history, so rows
with a history are moved by saving them one by one).

Not moved: the access log (a read is recorded against the record that was read, 380/2023 §124),
and a row that would break a uniqueness rule on the survivor (e.g. both have an employment plan
or preferences): the survivor's row wins and the duplicate's stays with the duplicate, reported
as ``kept``.

Refused: two identity codes (two people), open job searches with different organisations (the
person must first be moved between authorities), two logins, or a record already merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from saumaton.audit.events import record_event
from saumaton.audit.models import Event
from saumaton.organisations.models import Organisation
from saumaton.organisations.resolver import organisation_ids_with
from saumaton.organisations.roles import Perm
from saumaton.rules.identifiers import validate_hetu

from .errors import JobseekerError
from .models import JobseekerCustomership, Person

NOT_MOVED = {"audit.AccessLog"}
FILLED_FROM_DUPLICATE = (
    "hetu",
    "user",
    "email",
    "phone",
    "postcode",
    "home_municipality",
    "mother_tongue",
    "citizenship",
    "last_occupation",
)
LEGAL_BASIS = "GDPR Art. 5(1)(d); 380/2023 §27"
MERGED = JobseekerCustomership.EndReason.MERGED


@dataclass
class MergeResult:
    moved: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    filled: list[str] = field(default_factory=list)


def person_relations() -> list[models.ForeignObjectRel]:
    """Every visible one-to-many or one-to-one relation into ``Person`` that moves on a merge."""
    return [
        rel
        for rel in Person._meta.related_objects
        if not rel.many_to_many
        and not rel.hidden
        and rel.related_model._meta.label not in NOT_MOVED
    ]


def related_counts(person) -> dict[str, int]:
    """Rows per model pointing at ``person`` (what a merge would move)."""
    counts = {}
    for rel in person_relations():
        n = rel.related_model._base_manager.filter(**{rel.field.name: person}).count()
        if n:
            counts[rel.related_model._meta.label] = n
    return counts


def is_merged(person) -> bool:
    return person.customerships.filter(end_reason=MERGED).exists()


def check(actor, survivor, duplicate) -> Organisation:
    """Refuse a merge the record does not allow; returns the merging organisation."""
    if survivor.pk == duplicate.pk:
        raise JobseekerError(_("A record cannot be merged into itself."))
    if is_merged(survivor) or is_merged(duplicate):
        raise JobseekerError(_("One of the records has already been merged."))
    own = organisation_ids_with(actor, Perm.MERGE_PERSONS)
    shared = (
        set(survivor.customerships.values_list("organisation_id", flat=True))
        & set(duplicate.customerships.values_list("organisation_id", flat=True))
        & own
    )
    if not shared:
        raise JobseekerError(_("Both records must be customers of your organisation."))
    if survivor.hetu and duplicate.hetu:
        raise JobseekerError(
            _("The records have different identity codes: they are two different people.")
        )
    hetu = survivor.hetu or duplicate.hetu
    if hetu and validate_hetu(hetu).birth_date != survivor.birth_date:
        raise JobseekerError(
            _("The identity code does not match the surviving record's birth date.")
        )
    if survivor.user_id and duplicate.user_id:
        raise JobseekerError(_("Both records have their own login; they cannot be merged."))
    open_s, open_d = survivor.active_customership, duplicate.active_customership
    if open_s and open_d and open_s.organisation_id != open_d.organisation_id:
        raise JobseekerError(
            _(
                "Both records have an open job search, with %(a)s and %(b)s: end one of them "
                "before merging."
            )
            % {"a": open_s.organisation.name, "b": open_d.organisation.name}
        )
    return open_s.organisation if open_s else Organisation.objects.get(pk=min(shared))


def merge(actor, survivor, duplicate, *, today=None) -> MergeResult:
    """Move everything of ``duplicate`` to ``survivor``; all or nothing."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = Person.objects.select_for_update().in_bulk([survivor.pk, duplicate.pk])
        survivor, duplicate = locked[survivor.pk], locked[duplicate.pk]
        organisation = check(actor, survivor, duplicate)
        result = MergeResult()
        marker = _close_duplicate_search(survivor, duplicate, today)
        for rel in person_relations():
            _move(rel, survivor, duplicate, marker, result)
        if marker is None:
            JobseekerCustomership.objects.create(
                person=duplicate,
                organisation=organisation,
                start_date=today,
                end_date=today,
                end_reason=MERGED,
            )
        result.filled = _fill_identity(survivor, duplicate)
        payload = {"moved": result.moved, "kept": result.kept, "filled": result.filled}
        for person, role, other in (
            (survivor, "survivor", duplicate),
            (duplicate, "merged", survivor),
        ):
            record_event(
                person,
                Event.Type.PERSON_UPDATED,
                actor=actor,
                organisation=organisation,
                legal_basis=LEGAL_BASIS,
                payload={"merge": role, "other": str(other.pk), **payload},
            )
    return result


def _close_duplicate_search(survivor, duplicate, today):
    """With an open search on both, the duplicate's ends as merged and stays with it; what
    pointed at it (meetings) follows the survivor's open search."""
    open_s, open_d = survivor.active_customership, duplicate.active_customership
    if not (open_s and open_d):
        return None
    open_d.end_date = max(today, open_d.start_date)
    open_d.end_reason = MERGED
    open_d.save(update_fields=["end_date", "end_reason"])
    for rel in JobseekerCustomership._meta.related_objects:
        if not rel.many_to_many and not rel.hidden:
            rows = rel.related_model._base_manager.filter(**{rel.field.name: open_d})
            _reassign(rows, rel.field.name, open_s)
    return open_d


def _move(rel, survivor, duplicate, marker, result: MergeResult) -> None:
    model, name = rel.related_model, rel.field.name
    rows = model._base_manager.filter(**{name: duplicate})
    if marker is not None and model is JobseekerCustomership:
        rows = rows.exclude(pk=marker.pk)
    kept = _colliding(model, name, survivor, duplicate)
    moved = _reassign(rows.exclude(pk__in=kept), name, survivor)
    label = model._meta.label
    if moved:
        result.moved[label] = moved
    if kept:
        result.kept[label] = len(kept)


def _unique_sets(model, name):
    """Field sets (with their condition) that must stay unique and include the person field."""
    found = []
    for f in model._meta.concrete_fields:
        if f.name == name and f.unique:
            found.append(((name,), None))
    for fields in model._meta.unique_together:
        if name in fields:
            found.append((tuple(fields), None))
    for c in model._meta.constraints:
        if isinstance(c, models.UniqueConstraint) and name in c.fields:
            found.append((tuple(c.fields), c.condition))
    return found


def _colliding(model, name, survivor, duplicate) -> set:
    """Primary keys of the duplicate's rows that would break a uniqueness rule if moved."""
    ids = set()
    for fields, condition in _unique_sets(model, name):
        rows = model._base_manager.all()
        if condition is not None:
            rows = rows.filter(condition)
        others = [f for f in fields if f != name]
        mine = rows.filter(**{name: survivor})
        if not others:
            if mine.exists():
                ids |= set(rows.filter(**{name: duplicate}).values_list("pk", flat=True))
            continue
        taken = set(mine.values_list(*others))
        for pk, *values in rows.filter(**{name: duplicate}).values_list("pk", *others):
            if tuple(values) in taken:
                ids.add(pk)
    return ids


def _reassign(rows, name, target) -> int:
    """Point ``rows`` at ``target``; rows with a change history are saved one by one."""
    if getattr(rows.model._meta, "simple_history_manager_attribute", None):
        count = 0
        for row in rows:
            setattr(row, name, target)
            row.save(update_fields=[name])
            count += 1
        return count
    return rows.update(**{name: target})


def _fill_identity(survivor, duplicate) -> list[str]:
    """Blank fields of the survivor take the duplicate's value; unique ones are released first."""
    attnames = {f: Person._meta.get_field(f).attname for f in FILLED_FROM_DUPLICATE}
    values = {
        a: getattr(duplicate, a)
        for a in attnames.values()
        if not getattr(survivor, a) and getattr(duplicate, a)
    }
    unique = [a for a in ("hetu", "user_id") if a in values]
    if unique:
        for a in unique:
            setattr(duplicate, a, None)
        duplicate.save(update_fields=[f for f, a in attnames.items() if a in unique])
    if values:
        for a, value in values.items():
            setattr(survivor, a, value)
        survivor.save()
    return [f for f, a in attnames.items() if a in values]
