"""Asking the questionnaire at the terminal (or from piped answers).

Each answer is checked as soon as it is typed; a wrong one is asked again with
the reason. Piped answers run out at the end of the input: a question left
unanswered then stops the questionnaire with a French message.
"""

from __future__ import annotations

from typing import Any

import click

from ..orgfile.questionnaire import QUESTIONS, Answers, Question, checked

# Tries per question before giving up: a script feeding wrong answers must not loop forever.
_TRIES = 5
# OQLF: a space before the colon.
_SUFFIX = " : "


class Unanswered(Exception):
    """The input ended (or kept being wrong) before every question had an answer."""


def _read(question: Question, answers: Answers) -> Any:
    default = question.default_for(answers)
    if question.many:
        shown = " ; ".join(default) if default else None
        first = click.prompt(question.prompt, default=shown or "", show_default=bool(shown), prompt_suffix=_SUFFIX)
        if first in ("", shown):
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


def ask() -> Answers:
    """Every question whose condition holds, in order; the checked answers by path."""
    answers: Answers = {}
    for question in QUESTIONS:
        if not question.when(answers):
            continue
        if question.section:
            click.echo(f"\n— {question.section}")
        for _ in range(_TRIES):
            try:
                value = _read(question, answers)
            except click.Abort:
                raise Unanswered(question.prompt) from None
            if value is None:
                break
            value, found = checked(answers, question, value)
            if not found:
                answers[question.path] = value
                break
            click.echo("  " + " ".join(found) + " Recommencez.", err=True)
        else:
            raise Unanswered(question.prompt)
    return answers
