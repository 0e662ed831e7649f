"""Checking and building the `[[steps]]` of one exercise file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from paincoach.exercises.checks import KEY_RE, Checker, Table, found, suggest
from paincoach.exercises.lists import ListStore
from paincoach.exercises.model import (
    PACING_MODES,
    STEP_TYPES,
    AnyStep,
    BreatheStep,
    ChoiceStep,
    Option,
    PacingStep,
    PromptStep,
    RatingStep,
    TextStep,
    TimerStep,
)
from paincoach.exercises.problems import FieldPath, render_field
from paincoach.exercises.templates import placeholders
from paincoach.exercises.timing import BreathPattern

COMMON_KEYS = ("type", "title", "text", "show")
STEP_KEYS: dict[str, tuple[str, ...]] = {
    "text": (),
    "prompt": ("key", "placeholder", "optional", "multiline", "lines"),
    "rating": ("key", "scale", "low", "high", "optional", "each"),
    "choice": (
        "key",
        "options",
        "list",
        "from_answer",
        "multiple",
        "allow_other",
        "rate",
        "optional",
    ),
    "timer": ("seconds",),
    "breathe": ("inhale", "top_up", "hold_in", "exhale", "hold_out", "cycles", "minutes"),
    "pacing": ("mode", "key"),
}
CHOICE_SOURCES = ("options", "list", "from_answer")
KEY_FORM = 'an answer key of lower-case letters, digits and "_", not starting with a digit'
LIST_ANSWER = (
    "the key of an earlier step whose answer is a list (a lines prompt or a multiple choice)"
)


@dataclass(frozen=True)
class _Earlier:
    """An answer key defined by an earlier step."""

    index: int
    type: str
    is_list: bool


@dataclass(frozen=True)
class _Common:
    type: str
    title: str
    text: str
    show: tuple[str, ...]


class StepReader:
    """Reads steps in order, so that references can only point backwards."""

    def __init__(self, check: Checker, lists: ListStore) -> None:
        """Report into `check`; resolve `list = …` with `lists`."""
        self.check = check
        self.lists = lists
        self.keys: dict[str, _Earlier] = {}

    def read_all(self, raw: object) -> tuple[AnyStep, ...]:
        """Every step that could be read (problems are in the checker)."""
        if not isinstance(raw, list):
            self.check.report(("steps",), f"expected [[steps]] tables, found {found(raw)}")
            return ()
        if not raw:
            self.check.report(("steps",), "expected at least 1 step, found none")
        steps = [self.read(i, t) for i, t in enumerate(raw)]
        return tuple(s for s in steps if s is not None)

    def read(self, i: int, table: object) -> AnyStep | None:
        """One step, or None when its type cannot be known."""
        at: FieldPath = ("steps", i)
        if not isinstance(table, dict):
            self.check.report(at, f"expected a [[steps]] table, found {found(table)}")
            return None
        kind = self._type(table, at)
        if kind is None:
            return None
        self.check.allowed_keys(table, at, COMMON_KEYS + STEP_KEYS[kind], f"a {kind} step")
        common = self._common(table, at, kind)
        step = _BUILDERS[kind](self, table, at, common)
        self._register(step, at, table)
        return step

    def _type(self, table: Table, at: FieldPath) -> str | None:
        if "type" not in table:
            self.check.missing(at, "type", "one of " + ", ".join(STEP_TYPES))
            return None
        kind = table["type"]
        if kind in STEP_TYPES:
            return str(kind)
        hint = suggest(kind, STEP_TYPES) if isinstance(kind, str) else ""
        self.check.report(
            (*at, "type"),
            f"unknown step type {found(kind)}{hint}; expected one of: {', '.join(STEP_TYPES)}",
        )
        return None

    def _common(self, table: Table, at: FieldPath, kind: str) -> _Common:
        title = self.check.text(table, at, "title")
        text = self.check.text(table, at, "text", required=kind == "text")
        show = self.check.text_list(table, at, "show", nonempty=False)
        for j, key in enumerate(show):
            self.earlier((*at, "show", j), key)
        for key in placeholders(text):
            if key not in self.keys:
                close = suggest(key, self.keys)
                hint = f" (did you mean {{{close.split(chr(34))[1]}}}?)" if close else ""
                self.check.report(
                    (*at, "text"), f"placeholder {{{key}}} is not the key of an earlier step{hint}"
                )
        return _Common(kind, title, text, tuple(show))

    def earlier(self, at: FieldPath, key: str, *, need_list: bool = False) -> bool:
        """Whether `key` names an earlier step's answer (and a list, when needed)."""
        ref = self.keys.get(key)
        if ref is None:
            self.check.report(
                at, f'"{key}" is not the key of an earlier step{suggest(key, self.keys)}'
            )
            return False
        if need_list and not ref.is_list:
            where = render_field(("steps", ref.index))
            self.check.report(
                at, f'expected {LIST_ANSWER}, found "{key}" (a {ref.type} step, {where})'
            )
            return False
        return True

    def answer_key(self, table: Table, at: FieldPath, *, default: str = "") -> str:
        """The step's `key`: required unless a default is given."""
        key = self.check.text(table, at, "key", required=not default) or default
        self.check.pattern(key, (*at, "key"), KEY_RE, KEY_FORM)
        return key

    def _register(self, step: AnyStep, at: FieldPath, table: Table) -> None:
        key = step.key
        if not key:
            return
        if key in self.keys:
            where = render_field(("steps", self.keys[key].index))
            self.check.report(
                (*at, "key"),
                f'the answer key "{key}" is already used by {where}; '
                "each key must be unique in the file",
            )
            return
        is_list = (isinstance(step, PromptStep) and step.lines) or (
            isinstance(step, ChoiceStep) and step.answers_list
        )
        self.keys[key] = _Earlier(int(at[1]), step.type, bool(is_list))


def _text_step(r: StepReader, t: Table, at: FieldPath, c: _Common) -> AnyStep:
    return TextStep(c.type, c.title, c.text, c.show)


def _prompt(r: StepReader, t: Table, at: FieldPath, c: _Common) -> AnyStep:
    check = r.check
    return PromptStep(
        c.type, c.title, c.text, c.show,
        answer_key=r.answer_key(t, at),
        placeholder=check.text(t, at, "placeholder"),
        optional=check.flag(t, at, "optional"),
        multiline=check.flag(t, at, "multiline"),
        lines=check.flag(t, at, "lines"),
    )  # fmt: skip


def _rating(r: StepReader, t: Table, at: FieldPath, c: _Common) -> AnyStep:
    check = r.check
    key = r.answer_key(t, at)
    scale = check.one_of(t, at, "scale", (10, 100), 10)
    each = check.text(t, at, "each") or None
    if each:
        r.earlier((*at, "each"), each, need_list=True)
    return RatingStep(
        c.type, c.title, c.text, c.show,
        answer_key=key,
        scale=scale if isinstance(scale, int) else 10,
        low=check.text(t, at, "low"),
        high=check.text(t, at, "high"),
        optional=check.flag(t, at, "optional"),
        each=each,
    )  # fmt: skip


def _choice(r: StepReader, t: Table, at: FieldPath, c: _Common) -> AnyStep:
    check = r.check
    key = r.answer_key(t, at)
    present = [k for k in CHOICE_SOURCES if k in t]
    if not present:
        check.report(
            at, 'missing key: a choice step needs one of "options", "list" or "from_answer"'
        )
    for extra in present[1:]:
        check.report((*at, extra), 'use only one of "options", "list" or "from_answer"')
    options, list_name, from_answer = _choice_source(r, t, at, present[:1])
    rate = check.one_of(t, at, "rate", (0, 100), 0)
    return ChoiceStep(
        c.type, c.title, c.text, c.show,
        answer_key=key,
        options=options,
        list_name=list_name,
        from_answer=from_answer,
        multiple=check.flag(t, at, "multiple"),
        allow_other=check.flag(t, at, "allow_other"),
        rate=rate if isinstance(rate, int) else 0,
        optional=check.flag(t, at, "optional"),
    )  # fmt: skip


def _choice_source(
    r: StepReader, t: Table, at: FieldPath, source: list[str]
) -> tuple[tuple[Option, ...], str | None, str | None]:
    check = r.check
    if source == ["options"]:
        labels = check.text_list(t, at, "options", nonempty=True)
        for j, label in enumerate(labels):
            if labels.index(label) < j:
                check.report((*at, "options", j), f'the option "{label}" is listed twice')
        return tuple(Option(label, label) for label in dict.fromkeys(labels)), None, None
    if source == ["list"]:
        name = check.text(t, at, "list")
        return (_list_options(r, (*at, "list"), name) if name else ()), name or None, None
    if source == ["from_answer"]:
        ref = check.text(t, at, "from_answer")
        if ref:
            r.earlier((*at, "from_answer"), ref, need_list=True)
        return (), None, ref or None
    return (), None, None


def _list_options(r: StepReader, at: FieldPath, name: str) -> tuple[Option, ...]:
    shared, problems = r.lists.lookup(name)
    if shared is not None:
        return shared.items
    if problems:
        r.check.report(at, f'the shared list "{name}" has problems (see {r.lists.path(name).name})')
        r.check.problems.extend(problems)
        return ()
    names = r.lists.available()
    r.check.report(
        at,
        f'no shared list named "{name}"{suggest(name, names)}; '
        f"available lists: {', '.join(names) or 'none'}",
    )
    return ()


def _timer(r: StepReader, t: Table, at: FieldPath, c: _Common) -> AnyStep:
    seconds = r.check.whole(t, at, "seconds", 1, 3600, required=True)
    return TimerStep(c.type, c.title, c.text, c.show, seconds=seconds or 60)


def _breathe(r: StepReader, t: Table, at: FieldPath, c: _Common) -> AnyStep:
    check = r.check
    secs: dict[str, Any] = {
        name: check.number(t, at, name, lo, 20, required=lo > 0)
        for name, lo in (
            ("inhale", 1),
            ("top_up", 0),
            ("hold_in", 0),
            ("exhale", 1),
            ("hold_out", 0),
        )
    }
    if "cycles" in t and "minutes" in t:
        check.report((*at, "minutes"), 'use only one of "cycles" or "minutes"')
    elif "cycles" not in t and "minutes" not in t:
        check.report(
            at, 'missing key: a breathe step needs "cycles" (1 to 200) or "minutes" (1 to 60)'
        )
    cycles = check.whole(t, at, "cycles", 1, 200)
    minutes = None if cycles else check.whole(t, at, "minutes", 1, 60)
    pattern = BreathPattern(
        inhale=secs["inhale"] or 4.0,
        exhale=secs["exhale"] or 6.0,
        top_up=secs["top_up"] or 0.0,
        hold_in=secs["hold_in"] or 0.0,
        hold_out=secs["hold_out"] or 0.0,
    )
    if cycles is None and minutes is None:
        cycles = 1
    return BreatheStep(c.type, c.title, c.text, c.show, pattern, cycles, minutes)


def _pacing(r: StepReader, t: Table, at: FieldPath, c: _Common) -> AnyStep:
    mode = r.check.one_of(t, at, "mode", PACING_MODES, None)
    mode = mode if isinstance(mode, str) else "plan"
    key = r.answer_key(t, at, default=f"pacing_{mode}")
    return PacingStep(c.type, c.title, c.text, c.show, mode=mode, answer_key=key)


_BUILDERS = {
    "text": _text_step,
    "prompt": _prompt,
    "rating": _rating,
    "choice": _choice,
    "timer": _timer,
    "breathe": _breathe,
    "pacing": _pacing,
}
