"""The sandbox clause templates run in: counted bounds on values, work and output, and no clock
or chance — what an organisation's own clause can do without hanging or changing the bytes."""

from __future__ import annotations

import datetime as dt

import pytest
from jinja2 import TemplateRuntimeError, TemplateSyntaxError
from jinja2.exceptions import SecurityError

from policygen.library.language import environment
from policygen.library.sandbox import MAX_VALUE, TemplateLimit, render, weight

DOUBLING = "{% set a0 = [1] %}" + "".join(f"{{% set a{i + 1} = [a{i}, a{i}] %}}" for i in range(40))


def rendered(source: str, **context) -> str:
    return render(environment().template(source), context)


@pytest.mark.parametrize("source", [
    "{{ 9**(9**9) }}", "{{ 'a'*100000000 }}", "{{ ([1]*300000000)|length }}", "{{ '{:>999999999}'.format('a') }}",
    "{{ '%999999999s' % 'a' }}", "{{ 'a'|center(999999999) }}", "{{ 'a'.ljust(999999999) }}",
    "{{ ('x'*1000)|replace('x', 'x'*1000) }}", "{{ ('x'*1000).replace('x', 'x'*1000) }}",
    "{{ (['x'*1000]*99)|join('y'*2000) }}", "{{ ('y'*2000).join(['x']*99) }}",
    "{{ (['x']*99)|select|join('y'*2000) }}", "{{ ('y'*2000).join((['x']*99)|select) }}", "{{ (10**5000)|string }}",
    "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(30) }}",
    DOUBLING + "{{ a40 }}", DOUBLING + "{{ a40 ~ '' }}", DOUBLING + "{{ '%s' % a40 }}", DOUBLING + "{{ a40|string }}",
    "{% set ns = namespace(s='x') %}{% for i in range(30) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
    "{% for i in range(20000) %}{{ 'Une phrase assez longue. ' }}{% endfor %}",
])
def test_what_would_hang_or_exhaust_memory_is_refused_before_it_runs(source):
    with pytest.raises(TemplateLimit):
        rendered(source)


def test_a_huge_constant_is_not_folded_when_compiling():
    template = environment().template("{{ 9**(9**9) }}")  # Jinja folds constants it does not intercept
    with pytest.raises(TemplateLimit):
        render(template, {})


@pytest.mark.parametrize("source", ["{{ d.today() }}", "{{ d.now() }}", "{{ d.strftime('%A') }}",
                                    "{{ d.__class__ }}"])
def test_the_clock_is_out_of_reach(source):
    with pytest.raises(SecurityError):
        rendered(source, d=dt.datetime(2026, 1, 1, 12, 0))


@pytest.mark.parametrize("source", ["{{ [1, 2]|random }}", "{{ lipsum() }}", "{% include 'x' %}",
                                    "{% import 'x' as y %}", "{% extends 'x' %}", "{{ 'a'|indent(9) }}"])
def test_chance_other_files_and_amplifying_filters_are_gone(source):
    with pytest.raises(Exception) as caught:  # unknown filter at compile time, unknown name at render
        rendered(source)
    assert isinstance(caught.value, (TemplateSyntaxError, TemplateLimit)) or "lipsum" in str(caught.value)


def test_what_clauses_do_still_works():
    source = ("{% set officielles = plateformes | selectattr('statut', 'equalto', 'officielle') | map(attribute='nom')"
              " | list %}{{ officielles | join(', ') }} ; {{ 'x' * 3 }} ; {{ (2 ** 10) + 1 }} ; "
              "{% for p in plateformes %}{{ loop.index }}{{ ' ' if not loop.last }}{% endfor %} ; {{ '%s-%s' % (1, 2) }}"
              " ; {{ '{} {}'.format('a', 'b') }} ; {{ 'a' ~ 'b' ~ 3 }} ; {{ d.year }}")
    plateformes = [{"nom": "Facebook", "statut": "officielle"}, {"nom": "X", "statut": "veille"}]
    assert rendered(source, plateformes=plateformes, d=dt.date(2026, 1, 1)) == \
        "Facebook ; xxx ; 1025 ; 1 2 ; 1-2 ; a b ; ab3 ; 2026"


def test_a_shared_value_weighs_as_often_as_it_would_print():
    value = ["x" * 10]
    for _ in range(40):
        value = [value, value]
    assert weight(value) > MAX_VALUE


@pytest.mark.parametrize("source", ["{% for p in ps %}{{ p.items }}{% endfor %}", "{{ ps[0].get ~ '' }}",
                                    "{{ (ps[0].get|string)[-3:] }}", "{{ '%s' % ps[0].get }}"])
def test_a_function_printed_as_such_is_refused_its_address_changes_every_run(source):
    with pytest.raises(TemplateRuntimeError, match="une fonction ou un objet interne"):
        rendered(source, ps=[{"a": 1}])
