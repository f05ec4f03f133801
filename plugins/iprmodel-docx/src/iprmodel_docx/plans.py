# SPDX-License-Identifier: MIT
"""The action plan (handlingsplan) and its annual evaluation.

Per theme a table of tasks; a column empty on every row is left out; a task's
description is printed under its title; the table's first row names the theme, so a
table continued on the next page still says what it is. Tasks the council *executes*
come first, then those it *coordinates*, then those it *takes part in* or *follows up*,
and the role is shown on each row. Funding keeps its recurrence ("per år").

>>> from decimal import Decimal
>>> from iprmodel.model import Funding, LocalizedText, Recurrence, Register
>>> from iprmodel_docx.words import Words
>>> funding_text(Funding(funder_group=LocalizedText(nn="kommunane"), amount=Decimal(50000),
...     recurrence=Recurrence.YEARLY), Register(), Words("nn"))
'kommunane 50\\xa0000\\xa0kr per år'
"""

from __future__ import annotations

from collections import defaultdict

from iprmodel.model import (
    ActionPlan,
    Council,
    Evaluation,
    Funding,
    Recurrence,
    Register,
    Task,
    TaskMode,
)
from iprmodel_docx.agreement import party_name
from iprmodel_docx.builder import Builder, Cell
from iprmodel_docx.provenance import Notes
from iprmodel_docx.words import Words

__all__ = [
    "funding_text",
    "latest_evaluation",
    "latest_plan",
    "write_action_plan",
    "write_evaluation",
]

#: The order of roles: what the council does itself first.
_MODE_ORDER = (
    TaskMode.EXECUTES,
    TaskMode.ORGANISES,
    TaskMode.COORDINATES,
    TaskMode.INFLUENCES,
    TaskMode.TAKES_PART,
    TaskMode.FOLLOWS_UP,
    None,
)


def latest_plan(council: Council) -> ActionPlan | None:
    """The action plan with the latest period."""
    return max(council.action_plans, key=lambda p: (p.end_year, p.start_year), default=None)


def latest_evaluation(plan: ActionPlan, year: int | None = None) -> Evaluation | None:
    """The evaluation of ``year``, else the latest one."""
    if year is not None:
        return next((e for e in plan.evaluations if e.year == year), None)
    return max(plan.evaluations, key=lambda e: e.year, default=None)


def funding_text(source: Funding, register: Register, words: Words) -> str:
    """``Gol kommune 200 000 kr``, with ``per år`` (and the years) when it recurs."""
    who = (
        party_name(register, source.funder, words)
        if source.funder
        else words.text(source.funder_group)
    )
    if source.amount is None:
        return who
    text = f"{who} {words.money(source.amount)}"
    if source.recurrence is Recurrence.YEARLY:
        text += " " + (
            words("per year for {years} years", years=source.years)
            if source.years
            else words("per year")
        )
    return text


def _task_cells(task: Task, register: Register, words: Words, mark: str = "") -> list[Cell | str]:
    partners = [party_name(register, p, words) for p in task.partners] + list(task.partner_names)
    title = Cell(words.text(task.title), bold=True)
    if mark:  # an assumed value: the marker under the title, before the description
        title = title + Cell(mark.strip())
    if task.description is not None:
        title = title + Cell(words.text(task.description))
    return [
        title,
        words.label(task.mode) if task.mode is not None else "",
        party_name(register, task.lead, words) if task.lead else "",
        ", ".join(partners),
        words.date(task.due) if task.due is not None else "",
        words.money(task.budget) if task.budget is not None else "",
        "; ".join(funding_text(f, register, words) for f in task.funding),
        words.label(task.status),
    ]


def _themes_of(plan: ActionPlan, council: Council) -> list[tuple[str | None, list[Task]]]:
    groups: dict[str | None, list[Task]] = defaultdict(list)
    for task in plan.tasks:
        groups[task.theme].append(task)
    order = list(plan.themes) + [t.id for t in council.themes if t.id not in plan.themes]
    ordered: list[tuple[str | None, list[Task]]] = [
        (t, groups.pop(t)) for t in order if t in groups
    ]
    ordered.extend(sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or "")))
    return [
        (theme, sorted(tasks, key=lambda t: _MODE_ORDER.index(t.mode))) for theme, tasks in ordered
    ]


def write_action_plan(
    builder: Builder,
    plan: ActionPlan,
    council: Council,
    register: Register,
    words: Words,
    notes: Notes | None = None,
) -> None:
    """Per theme, a table of tasks; columns empty on every row are left out."""
    notes = notes or Notes(words)
    builder.heading(words.text(plan.title), 0)
    builder.paragraph(
        words.council(council) + notes.mark(council, plan),
        "Subtitle" if builder.style_id("Subtitle") else "Normal",
    )
    period = (
        f"{plan.start_year}\u2013{plan.end_year}"
        if plan.end_year != plan.start_year
        else str(plan.start_year)
    )
    builder.paragraph(period, label=words("Period:"))
    if plan.adopted is not None:
        builder.paragraph(words.date(plan.adopted), label=words("Adopted:"))
    else:
        builder.paragraph(words("Draft: the plan is not adopted."), "Note")
    if plan.note is not None:
        builder.paragraph(words.text(plan.note))
    if not plan.tasks:
        builder.paragraph(words("The plan has no tasks in the register yet."), "Note")
        return
    builder.paragraph(
        words(
            "Under each theme, what the council does itself (executes, organises) comes first; then what it coordinates, influences, takes part in or follows up."
        ),
        "Note",
    )
    header = [
        words("Task"),
        words("Role"),
        words("Lead"),
        words("Partners"),
        words("Due"),
        words("Budget"),
        words("Funding"),
        words("Status"),
    ]
    weights = [3.4, 1.3, 1.4, 1.8, 1.1, 1.2, 1.8, 1.1]
    rows = [_task_cells(t, register, words) for t in plan.tasks]
    used = [i for i in range(len(header)) if i == 0 or any(r[i] for r in rows)]
    themes = {t.id: t for t in council.themes}
    for theme_id, tasks in _themes_of(plan, council):
        theme = themes.get(theme_id) if theme_id is not None else None
        title = words.text(theme.title) if theme is not None else (theme_id or words("Other tasks"))
        builder.heading(title + notes.mark(theme), 1)
        if theme is not None and theme.description is not None:
            builder.paragraph(words.text(theme.description))
        cells = [_task_cells(task, register, words, notes.mark(task)) for task in tasks]
        builder.table(
            [[row[i] for i in used] for row in cells],
            header=[header[i] for i in used],
            widths=[weights[i] for i in used],
            caption=title,
        )


def write_evaluation(
    builder: Builder,
    plan: ActionPlan,
    evaluation: Evaluation,
    council: Council,
    register: Register,
    words: Words,
    notes: Notes | None = None,
) -> None:
    """Status and achievement per task, trends, next priorities, and unresourced tasks."""
    notes = notes or Notes(words)
    builder.heading(words("Annual evaluation {year}", year=evaluation.year), 0)
    builder.paragraph(
        f"{words.text(plan.title)} \u2013 {words.council(council)}{notes.mark(council, plan)}",
        "Subtitle" if builder.style_id("Subtitle") else "Normal",
    )
    if evaluation.dated is not None:
        builder.paragraph(words.date(evaluation.dated), label=words("Dated:"))
    tasks = {t.id: t for t in plan.tasks}

    builder.heading(words("Status and achievement"), 1)
    if not evaluation.tasks:
        builder.paragraph(words("No task has been evaluated in this evaluation."), "Note")
    else:
        rows = [
            (
                words.text(tasks[item.task].title) + notes.mark(tasks[item.task])
                if item.task in tasks
                else item.task,
                words.label(item.status),
                words.label(item.achievement),
                words.text(item.comment),
            )
            for item in evaluation.tasks
        ]
        columns = [i for i in range(4) if i < 3 or any(r[i] for r in rows)]
        header = (words("Task"), words("Status"), words("Achievement"), words("Comment"))
        builder.table(
            [[r[i] for i in columns] for r in rows],
            header=[header[i] for i in columns],
            widths=[(3, 1.2, 1.5, 3)[i] for i in columns],
        )

    for heading, texts in (
        (words("Trends"), evaluation.trends),
        (words("Next priorities"), evaluation.next_priorities),
    ):
        builder.heading(heading, 1)
        if texts:
            builder.bullets([words.text(t) for t in texts])
        else:
            builder.paragraph(words("None recorded."), "Note")

    builder.heading(words("Tasks without resources"), 1)
    rule = plan.evaluation_rule
    if rule is not None and rule.drop_unresourced:
        builder.paragraph(
            words(
                "The council's rule: tasks without resources leave the shared regional priorities."
            ),
            "Note",
        )
    unresourced = [t for t in plan.tasks if t.resourced is False]
    unassessed = [t for t in plan.tasks if t.resourced is None]
    if unresourced:
        builder.bullets([words.text(t.title) for t in unresourced])
    if not plan.tasks:
        builder.paragraph(words("The plan has no tasks."), "Note")
    elif unassessed and not unresourced:
        builder.paragraph(
            words(
                "Resources are not assessed for {count} of {total} tasks.",
                count=len(unassessed),
                total=len(plan.tasks),
            ),
            "Note",
        )
    elif not unresourced:
        builder.paragraph(words("Every task has resources."))
