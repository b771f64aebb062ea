"""Asking the questionnaire at the terminal (or from piped answers).

Each answer is checked as soon as it is typed; a wrong one is asked again with
the reason. Piped answers run out at the end of the input: a question left
unanswered then stops the questionnaire with a French message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..diagnostics import Diagnostic
from ..orgfile.confirm import strip_mention
from ..orgfile.questionnaire import QUESTIONS, USUAL, Answers, Question, checked

# Tries per question before giving up: a script feeding wrong answers must not loop forever.
_TRIES = 5
# OQLF: a space before the colon.
_SUFFIX = " : "


class Unanswered(Exception):
    """The input ended (or kept being wrong) before every question had an answer."""


def _read(question: Question, answers: Answers) -> Any:
    default = question.default_for(answers)
    if question.many:
        # Enter alone keeps the offered list; a typed item, even the first offered one, starts a new list.
        shown = f" [{' ; '.join(default)}]" if default else ""
        first = click.prompt(question.prompt + shown, default="", show_default=False, prompt_suffix=_SUFFIX)
        if first == "":
            return list(default or [])
        items = [first]
        while item := click.prompt("  élément suivant (Entrée pour finir)", default="", show_default=False,
                                     prompt_suffix=_SUFFIX):
            items.append(item)
        return items
    prompt = f"{question.prompt} ({', '.join(question.choices)})" if question.choices else question.prompt
    answer = click.prompt(prompt, default=default if default is not None else
                          ("" if question.optional else None), show_default=default is not None,
                          prompt_suffix=_SUFFIX)
    return None if question.optional and answer == "" else answer


def _ask_one(question: Question, answers: Answers, usual: dict[str, list[str]]) -> None:
    if question.section:
        click.echo(f"\n— {question.section}")
    if question.path == USUAL:
        click.echo("  Catégories habituelles pour ce type d’organisme :")
        for line in usual.get(strip_mention(str(answers.get(("organisation", "type"), ""))), []):
            click.echo(f"    - {line}")
    for _ in range(_TRIES):
        try:
            value = _read(question, answers)
        except click.Abort:
            raise Unanswered(question.prompt) from None
        if value is None:
            return
        value, found = checked(answers, question, value)
        if not found:
            answers[question.path] = value
            return
        click.echo("  " + " ".join(found) + " Recommencez.", err=True)
    raise Unanswered(question.prompt)


def ask(usual: dict[str, list[str]], verify: Callable[[Answers], list[Diagnostic]]) -> Answers:
    """Every question whose condition holds, in order; the checked answers by path.

    `usual` lists the categories of people kept by default, by type of body; `verify`
    checks the whole file as `check` does (a document dated before a law it cites, a
    character the font lacks): the questions its problems name are asked again."""
    answers: Answers = {}
    for question in QUESTIONS:
        if question.when(answers):
            _ask_one(question, answers, usual)
    for _ in range(_TRIES):
        problems = verify(answers)
        if not problems:
            return answers
        named = [q for q in QUESTIONS if q.path in answers and any(
            p.field == ".".join(q.path) or p.field.startswith(".".join(q.path) + "[") for p in problems)]
        for problem in problems:
            click.echo(f"  {problem.message} {problem.hint}".rstrip(), err=True)
        if not named:
            raise Unanswered("vérification du fichier")
        for question in named:
            del answers[question.path]
            _ask_one(question, answers, usual)
    raise Unanswered("vérification du fichier")
