"""The bounded sandbox clause templates run in: no template can hang, exhaust memory or read the clock.

An organisation's own clauses come from a shared drive anyone may edit, so a
template is untrusted code. Jinja's sandbox already keeps it away from Python
internals; this one also bounds what it may compute, by counting rather than by
timing (a count gives the same answer on any machine, a timer does not):

- every value a template makes or passes on weighs at most `MAX_VALUE`
  (characters, items, or bytes of a number), checked before the operation that
  would make it when its size can be told in advance (`'a' * n`, `9 ** n`,
  format widths, `replace`, `join`), and after it otherwise;
- one render spends at most `MAX_WORK` units: one per loop iteration and per
  call, plus the weight of every value made, so nested loops and recursive
  macros stop early; its output is at most `MAX_OUTPUT` characters;
- constant expressions on bounded operators are not folded at compile time
  (Jinja folds only the operators a sandbox does not intercept), so `check`
  refuses `{{ 9**(9**9) }}` instead of computing it;
- nothing reads the clock or chance: no `lipsum`, no `random`, and a date's
  `today()` or `now()` is out of reach, so the same files give the same bytes.

A template over a limit raises `TemplateLimit`, which the render stage reports
with the clause file and line.
"""

from __future__ import annotations

import re
import string
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from jinja2 import TemplateRuntimeError, TemplateSyntaxError, nodes
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_VALUE = 100_000  # characters or items in one value: a whole clause is a few thousand
MAX_WORK = 100_000  # units per render: the largest library clause spends 2 439 (five bodies, 2026)
MAX_OUTPUT = 20_000  # characters one template may write: the longest library clause writes 3 557
MAX_INT_BYTES = 512  # a number of about 1 200 digits: more than any date, count or hour needs

# Attributes of a value that read the clock, the machine's time zone or its locale.
_CLOCK = frozenset({"today", "now", "utcnow", "fromtimestamp", "utcfromtimestamp", "astimezone",
                    "timestamp", "strftime", "ctime", "localtime"})
# Filters that make large text from small arguments, read chance or write markup.
_DROPPED_FILTERS = ("random", "indent", "wordwrap", "urlize", "xmlattr", "pprint", "filesizeformat")
_PERCENT_WIDTH = re.compile(r"%[-+ #0]*(\d*)(?:\.(\d+))?")
_DIGITS = re.compile(r"\d+")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_LOOP_BOUND, _JOIN = "policygen.library.sandbox.counted", "policygen.library.sandbox.joined"
_TAGS = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import",
         nodes.Extends: "extends"}


class TemplateLimit(TemplateRuntimeError):
    """A template went over one of the bounds above (its message is French)."""


_state = threading.local()


@contextmanager
def bounded() -> Iterator[None]:
    """Run one render under a fresh work budget (nested renders share the outer one)."""
    outer = getattr(_state, "work", None)
    if outer is None:
        _state.work = MAX_WORK
    try:
        yield
    finally:
        if outer is None:
            _state.work = None


def _spend(units: int) -> None:
    work = getattr(_state, "work", None)
    if work is None:  # compile-time folding: the pre-checks alone bound it
        return
    work -= units
    _state.work = work
    if work < 0:
        raise TemplateLimit(f"le gabarit demande trop de calcul (plus de {number(MAX_WORK)} opérations : "
                            "boucles imbriquées, appels répétés ou valeurs trop longues)")


def weight(value: Any, cap: int = MAX_VALUE) -> int:
    """How big a value is once printed or copied: characters, items, bytes of a number.

    Shared references count each time they appear (printing repeats them); counting
    stops just past `cap`, so weighing a value built to be huge stays cheap."""
    total, stack = 0, [value]
    while stack and total <= cap:
        item = stack.pop()
        if isinstance(item, (str, bytes)):
            total += len(item)
        elif isinstance(item, bool) or item is None:
            total += 1
        elif isinstance(item, int):
            total += item.bit_length() // 8 + 1
        elif isinstance(item, Mapping):
            total += 1
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += 1
            stack.extend(item)
        else:
            total += 1
    return total


def number(n: int) -> str:
    """« 100 000 »: thousands parted by a no-break space (OQLF)."""
    return f"{n:,}".replace(",", "\u00a0")


def _too_big(what: str) -> TemplateLimit:
    return TemplateLimit(f"taille maximale dépassée par {what} (au plus {number(MAX_VALUE)} caractères ou éléments)")


def _no_address(text: str) -> str:
    """`text`, unless it shows a function or object as such: its memory address changes every run."""
    if _ADDRESS.search(text):
        raise TemplateRuntimeError("le gabarit imprime une fonction ou un objet interne au lieu d’une valeur")
    return text


def check_value(value: Any) -> Any:
    """`value`, once its weight is known to be within bounds (charged to the budget) and, for
    text, that it holds no memory address."""
    if isinstance(value, str):
        _no_address(value)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 8 * MAX_INT_BYTES:
        raise TemplateLimit(f"un nombre du gabarit dépasserait {number(MAX_INT_BYTES * 8)} bits")
    size = weight(value)
    if size > MAX_VALUE:
        raise _too_big("une valeur du gabarit")
    _spend(size)
    return value


def _check_arguments(args: Iterable[Any]) -> None:
    """Arguments of a call: each within bounds, and no count or width above `MAX_VALUE`."""
    args = list(args)
    if weight(args) > MAX_VALUE:
        raise _too_big("les arguments d’un appel")
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > MAX_VALUE:
            raise TemplateLimit(f"le nombre {number(arg) if arg.bit_length() < 64 else '…'} dépasse {number(MAX_VALUE)}, "
                                "la plus grande largeur ou répétition permise")


def _check_percent(text: str) -> None:
    for match in _PERCENT_WIDTH.finditer(text):
        if any(group and int(group) > MAX_VALUE for group in match.groups()):
            raise _too_big("une largeur de format")


def _check_format(text: str) -> None:
    for _literal, _field, spec, _conversion in string.Formatter().parse(text):
        if spec and any(int(digits) > MAX_VALUE for digits in _DIGITS.findall(spec)):
            raise _too_big("une largeur de format")


def _check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        times = text.count(old) if old else len(text) + 1
        if isinstance(count, int) and count >= 0:
            times = min(times, count)
        if len(text) + times * max(len(new) - len(old), 0) > MAX_VALUE:
            raise _too_big("un remplacement")


def _check_join(separator: Any, items: Any) -> None:
    if isinstance(items, (list, tuple)) and weight(items) + len(items) * len(str(separator)) > MAX_VALUE:
        raise _too_big("une jointure (join)")


def _check_amplifier(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """The operations whose result can be far bigger than their arguments."""
    if name == "replace" and len(args) >= 3:
        _check_replace(*args[:4])
    elif name == "join" and args:
        _check_join(args[1] if len(args) > 1 else kwargs.get("d", ""), args[0])
    elif name == "format" and args and isinstance(args[0], str):
        _check_percent(args[0])


def bounded_filter(name: str, function: Any) -> Any:
    """A filter whose arguments and result are held to the bounds."""
    def checked(*args: Any, **kwargs: Any) -> Any:
        if name == "join":
            args = _materialised(args)
        values = [a for a in args if not _is_context(a)]
        _check_arguments([*values, *kwargs.values()])
        _check_amplifier(name, tuple(values), kwargs)
        _spend(1)
        return check_value(function(*args, **kwargs))
    if hasattr(function, "jinja_pass_arg"):  # Jinja's « pass the context / eval context » flag
        checked.jinja_pass_arg = function.jinja_pass_arg
    checked.__name__ = getattr(function, "__name__", name)
    return checked


def _materialised(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """`join`'s arguments with any generator made a list, so what it would join is weighed first."""
    return tuple(list(counted(a)) if isinstance(a, Iterator) else a for a in args)


def _is_context(value: Any) -> bool:
    return isinstance(value, (Context, nodes.EvalContext))


def counted(iterable: Any) -> Iterator[Any]:
    """What a `{% for %}` loop iterates: one unit of the budget per item."""
    for item in iterable:
        _spend(1)
        yield item


def joined(*parts: Any) -> str:
    """What `a ~ b ~ …` makes, once the parts are known to print within bounds."""
    if weight(list(parts)) > MAX_VALUE:
        raise _too_big("une concaténation (~)")
    return check_value("".join(str(part) for part in parts))


def _joined(concat: nodes.Concat) -> nodes.Call:
    return nodes.Call(nodes.ImportedName(_JOIN), concat.nodes, [], None, None, lineno=concat.lineno)


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with the bounds this module describes."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})  # the ones that can make a huge value

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.globals.pop("lipsum", None)
        for name in _DROPPED_FILTERS:
            self.filters.pop(name, None)
        self.filters = {name: bounded_filter(name, f) for name, f in self.filters.items()}

    def template(self, source: str):
        """A template whose loops count against the budget; a clause is one file, so
        `include`, `import` and `extends` (which would read others) are refused."""
        ast = self.parse(source)
        for node in ast.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
            raise TemplateSyntaxError(f"« {{% {_TAGS[type(node)]} %}} » n’est pas permis : une clause tient "
                                      "dans son seul fichier", node.lineno)
        for loop in ast.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.ImportedName(_LOOP_BOUND), [loop.iter], [], None, None, lineno=loop.lineno)
        for parent in ast.find_all(nodes.Node):  # `a ~ b` prints its operands: weigh them first
            for name, child in parent.iter_fields():
                if isinstance(child, nodes.Concat):
                    setattr(parent, name, _joined(child))
                elif isinstance(child, list):
                    setattr(parent, name, [_joined(c) if isinstance(c, nodes.Concat) else c for c in child])
        return self.from_string(ast)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            if right > 0 and right * left.bit_length() > 8 * MAX_INT_BYTES + 8:
                raise TemplateLimit(f"un nombre du gabarit dépasserait {number(MAX_INT_BYTES * 8)} bits")
        if operator == "*":
            for text, times in ((left, right), (right, left)):
                if isinstance(text, (str, list, tuple)) and isinstance(times, int) \
                        and weight(text) * times > MAX_VALUE:
                    raise _too_big("une répétition (*)")
        if operator == "%" and isinstance(left, str):
            _check_percent(left)
        if operator in ("+", "%") and weight([left, right]) > MAX_VALUE:
            raise _too_big(f"une opération ({operator})")
        if operator == "*" and isinstance(left, int) and isinstance(right, int) \
                and left.bit_length() + right.bit_length() > 8 * MAX_INT_BYTES + 8:
            raise TemplateLimit(f"un nombre du gabarit dépasserait {number(MAX_INT_BYTES * 8)} bits")
        return check_value(super().call_binop(context, operator, left, right))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return attr not in _CLOCK and super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: Any) -> Any:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None

        def checked(*args: Any, **kwargs: Any) -> Any:
            _check_format(value.__self__)
            return wrapper(*args, **kwargs)
        return checked

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        name = getattr(__obj, "__name__", "")
        owner = getattr(__obj, "__self__", None)
        if name == "join" and isinstance(owner, str):
            args = _materialised(args)
        _check_arguments([*args, *kwargs.values()])
        if name == "replace" and isinstance(owner, str):
            _check_replace(owner, *args[:3])
        elif name == "join" and isinstance(owner, str) and args:
            _check_join(owner, args[0])
        elif name in ("expandtabs", "format_map"):
            raise TemplateLimit(f"la méthode « {name} » n’est pas permise dans un gabarit")
        _spend(1 + weight(args))
        return check_value(super().call(__context, __obj, *args, **kwargs))


def render(template: Any, context: Mapping[str, Any]) -> str:
    """A template's text, within the work budget and at most `MAX_OUTPUT` characters."""
    with bounded():
        parts, size = [], 0
        for part in template.generate(context):
            size += len(part)
            if size > MAX_OUTPUT:
                raise TemplateLimit(f"le gabarit écrirait plus de {number(MAX_OUTPUT)} caractères")
            parts.append(part)
    return _no_address("".join(parts))


def holds(condition: Any, context: Mapping[str, Any]) -> bool:
    """Whether a compiled `when` condition holds, within the work budget."""
    with bounded():
        return bool(condition(**context))
