"""Tests for the safe, position-keeping YAML reader used for scenario packs."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.scenario import yaml_source
from desktop.scenario.yaml_source import Mark, YamlDocument, YamlSourceError, load_yaml

_LOADERS = [
    pytest.param(
        yaml.CSafeLoader if yaml.__with_libyaml__ else None,
        id="libyaml",
        marks=pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml"),
    ),
    pytest.param(yaml.SafeLoader, id="python"),
]


@pytest.fixture(params=_LOADERS)
def parser(request: pytest.FixtureRequest) -> Iterator[None]:
    """Run a test once with libyaml and once with PyYAML's pure-Python parser (the fallback)."""
    with mock.patch.object(yaml_source, "_parser_factory", request.param):
        yield


def _error(source: bytes) -> YamlSourceError:
    with pytest.raises(YamlSourceError) as caught:
        load_yaml(source)
    return caught.value


# --- scalars -------------------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        # YAML 1.1 (PyYAML's default) reads all of these as booleans, numbers or dates.
        ("NO", "NO"),
        ("yes", "yes"),
        ("on", "on"),
        ("Off", "Off"),
        ("y", "y"),
        ("1:30", "1:30"),
        ("2031-03-01", "2031-03-01"),
        ("D+12 09:00", "D+12 09:00"),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
        ("+0x1F", "+0x1F"),
        ("0o8", "0o8"),
        ("1.2.3", "1.2.3"),
        ("tRUE", "tRUE"),
        ("nULL", "nULL"),
        ("\u0663", "\u0663"),  # an Arabic-Indic digit is not a [0-9] digit
        ("4h", "4h"),
        # The YAML 1.2 core schema.
        ("~", None),
        ("null", None),
        ("Null", None),
        ("NULL", None),
        ("", None),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
        ("0", 0),
        ("12", 12),
        ("-3", -3),
        ("+12", 12),
        ("0777", 777),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("-.5", -0.5),
        ("1.", 1.0),
        ("1e3", 1000.0),
        ("-1E-2", -0.01),
        (".inf", math.inf),
        ("-.Inf", -math.inf),
        ("+.INF", math.inf),
    ],
)
def test_plain_scalars_follow_the_yaml_1_2_core_schema(plain: str, expected: object) -> None:
    data = load_yaml(f"value: {plain}\n".encode()).data
    assert isinstance(data, dict)
    assert data == {"value": expected}
    value = data["value"]
    if isinstance(expected, bool) or expected is None:
        assert type(value) is type(expected)
    else:
        # Numbers may be int/float subclasses that remember their written form.
        assert isinstance(value, type(expected))
        assert not isinstance(value, bool)


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("written", ["007", "1.10", "0x1F", "0o17", "1e5", "-3"])
def test_numbers_keep_their_written_form_as_text(written: str) -> None:
    """`title: 1.10` must reach a text field as "1.10", not "1.1"."""
    data = load_yaml(f"value: {written}\n".encode()).data
    assert isinstance(data, dict)
    assert str(data["value"]) == written


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize("nan", [".nan", ".NaN", ".NAN"])
def test_nan(nan: str) -> None:
    value = load_yaml(f"value: {nan}\n".encode()).data
    assert isinstance(value, dict)
    assert math.isnan(value["value"])


@pytest.mark.usefixtures("parser")
def test_quoted_and_block_scalars_are_always_text() -> None:
    source = b"""\
a: 'true'
b: "12"
c: '~'
d: ""
e: |
  123
f: >-
  false
g: |-
  NO
"""
    assert load_yaml(source).data == {
        "a": "true",
        "b": "12",
        "c": "~",
        "d": "",
        "e": "123\n",
        "f": "false",
        "g": "NO",
    }


@pytest.mark.usefixtures("parser")
def test_number_too_long_for_python_is_an_error_not_a_crash() -> None:
    error = _error(b"a: " + b"9" * 5000 + b"\n")
    assert "too long" in error.message
    assert (error.line, error.column) == (1, 4)
    assert load_yaml(b"a: 0x" + b"f" * 5000).data == {"a": 16**5000 - 1}


# --- keys ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
def test_keys_stay_the_text_written() -> None:
    source = b"1: a\ntrue: b\nnull: c\nNO: d\n~: e\n0x1F: f\n1.50: g\n'q': h\n"
    assert load_yaml(source).data == {
        "1": "a",
        "true": "b",
        "null": "c",
        "NO": "d",
        "~": "e",
        "0x1F": "f",
        "1.50": "g",
        "q": "h",
    }


@pytest.mark.usefixtures("parser")
def test_duplicate_key_is_reported_at_the_second_one() -> None:
    error = _error(b"format: x\nid: y\ntitle: a\nsummary: b\n  \ntitle: c\n")
    assert error.message == "duplicate key 'title' (first at line 3)"
    assert (error.line, error.column) == (6, 1)


@pytest.mark.usefixtures("parser")
def test_duplicate_keys_compare_the_key_text() -> None:
    error = _error(b"outer:\n  1: a\n  '1': b\n")
    assert error.message == "duplicate key '1' (first at line 2)"
    assert (error.line, error.column) == (3, 3)


@pytest.mark.usefixtures("parser")
def test_duplicate_key_in_a_flow_mapping() -> None:
    error = _error(b"phases:\n  - {id: a, title: A, id: b}\n")
    assert error.message == "duplicate key 'id' (first at line 2)"
    assert (error.line, error.column) == (2, 23)


@pytest.mark.usefixtures("parser")
def test_same_key_in_different_mappings_is_fine() -> None:
    assert load_yaml(b"a: {id: 1}\nb: {id: 2}\n").data == {"a": {"id": 1}, "b": {"id": 2}}


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("source", "found"),
    [(b"? [a, b]\n: c\n", "a list"), (b"x:\n  ? {a: 1}\n  : c\n", "a mapping")],
)
def test_keys_must_be_single_values(source: bytes, found: str) -> None:
    error = _error(source)
    assert error.message == f"a mapping key must be a single value, found {found}"
    assert error.line is not None


@pytest.mark.usefixtures("parser")
def test_tags_on_keys_are_checked_too() -> None:
    assert load_yaml(b"!!str 1: a\n").data == {"1": "a"}
    error = _error(b"x: 1\n!custom a: 1\n")
    assert error.message == "tags are not allowed (!custom)"
    assert (error.line, error.column) == (2, 1)
    assert _error(b"x: 1\n!!int b: 1\n").message == "'b' is not a valid int (!!int)"


@pytest.mark.usefixtures("parser")
def test_merge_key_is_an_ordinary_key() -> None:
    assert load_yaml(b"<<: {a: 1}\nb: 2\n").data == {"<<": {"a": 1}, "b": 2}


# --- anchors, aliases and tags ----------------------------------------------------------------


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("source", "shown", "line", "column"),
    [
        (b"a: &x 1\n", "&x", 1, 4),
        (b"a: 1\nb: *x\n", "*x", 2, 4),
        (b"a: 1\nb: &list [1]\n", "&list", 2, 4),
        (b"a: 1\nb: &map\n  c: 1\n", "&map", 2, 4),
        (b"a: 1\n&key b: 2\n", "&key", 2, 1),
        (b"&root\na: 1\n", "&root", 1, 1),
    ],
)
def test_anchors_and_aliases_are_refused(source: bytes, shown: str, line: int, column: int) -> None:
    error = _error(source)
    assert error.message == f"anchors and aliases are not allowed ({shown})"
    assert (error.line, error.column) == (line, column)


@pytest.mark.usefixtures("parser")
def test_alias_bomb_is_refused_at_its_first_anchor() -> None:
    # "Billion laughs": fully expanded this is 9**9 strings; it must fail before expanding.
    lines = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    error = _error("\n".join(lines).encode())
    assert error.message == "anchors and aliases are not allowed (&l0)"
    assert error.line == 1


@pytest.mark.usefixtures("parser")
def test_python_tags_are_refused_and_run_nothing(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    for source in (
        f'!!python/object/apply:os.system ["touch {target}"]\n',
        f'a: !!python/object/apply:os.system ["touch {target}"]\n',
    ):
        error = _error(source.encode())
        assert error.message == "tags are not allowed (!!python/object/apply:os.system)"
        assert not target.exists()


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("source", "shown"),
    [
        (b"a: !custom x\n", "!custom"),
        (b"a: !!binary aGVsbG8=\n", "!!binary"),
        (b"a: !!timestamp 2031-03-01\n", "!!timestamp"),
        (b"a: !!set {b: null}\n", "!!set"),
        (b"a: ! 12\n", "!"),
        (b"a: !<tag:example.com,2031:x> y\n", "tag:example.com,2031:x"),
        (b"!!omap\na: 1\n", "!!omap"),
    ],
)
def test_other_tags_are_refused(source: bytes, shown: str) -> None:
    error = _error(source)
    assert error.message == f"tags are not allowed ({shown})"
    assert error.line is not None


@pytest.mark.usefixtures("parser")
def test_standard_tags_are_honoured() -> None:
    source = b"""\
s: !!str 12
i: !!int "12"
f: !!float 1
b: !!bool "true"
n: !!null ""
m: !!map {a: 1}
q: !!seq [1]
v: !<tag:yaml.org,2002:str> 3
"""
    assert load_yaml(source).data == {
        "s": "12",
        "i": 12,
        "f": 1.0,
        "b": True,
        "n": None,
        "m": {"a": 1},
        "q": [1],
        "v": "3",
    }


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("source", "message"),
    [
        (b"a: !!int x\n", "'x' is not a valid int (!!int)"),
        (b"a: !!bool yes\n", "'yes' is not a valid bool (!!bool)"),
        (b"a: !!map x\n", "the tag !!map cannot be used on a single value"),
        (b"a: !!str {b: 1}\n", "the tag !!str cannot be used on a mapping"),
        (b"a: !!map [1]\n", "the tag !!map cannot be used on a list"),
    ],
)
def test_standard_tags_must_fit_the_value(source: bytes, message: str) -> None:
    error = _error(source)
    assert error.message == message
    assert (error.line, error.column) == (1, 4)


# --- the file as a whole ----------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    "source",
    [b"", b"   \n\n", b" \t\n\t\n", b"# only\n# comments\n", b"---\n", b"---\n# c\n...\n"],
)
def test_empty_file(source: bytes) -> None:
    error = _error(source)
    assert error.message == "the file is empty"
    assert error.line is None


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("source", "line"),
    [(b"a: 1\n---\nb: 2\n", 2), (b"---\na: 1\n---\nb: 2\n", 3), (b"a: 1\n...\n---\n", 3)],
)
def test_more_than_one_document(source: bytes, line: int) -> None:
    error = _error(source)
    assert f"more than one YAML document; the second starts at line {line}" in error.message
    assert error.line == line


def test_explicit_start_and_end_of_one_document_are_fine() -> None:
    assert load_yaml(b"%YAML 1.2\n---\na: 1\n...\n").data == {"a": 1}


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("source", "found"),
    [
        (b"- a\n- b\n", "a list"),
        (b"just text\n", "text"),
        (b"12\n", "a number"),
        (b"true\n", "a boolean"),
        (b"~\n", "null"),
        (b"# title\n[a]\n", "a list"),
    ],
)
def test_top_level_must_be_a_mapping(source: bytes, found: str) -> None:
    error = _error(source)
    assert error.message == f"expected a mapping at the top level, found {found}"


def test_result_is_plain_python_data() -> None:
    data = load_yaml(b"a: {b: [1, c]}\n").data
    assert type(data) is dict
    assert type(data["a"]) is dict
    assert type(data["a"]["b"]) is list


# --- encoding ---------------------------------------------------------------------------------


def test_utf8_bom_is_accepted_and_does_not_shift_columns() -> None:
    document = load_yaml(b"\xef\xbb\xbftitle: C\xc3\xb4te\n")
    assert document.data == {"title": "C\u00f4te"}
    assert document.mark_for(["title"]) == Mark(1, 8)


@pytest.mark.parametrize(
    ("source", "byte", "line", "column"),
    [
        (b"title: x\ncountry: C\xf4te d'Ivoire\n", 0xF4, 2, 11),  # Latin-1
        (b"a: 1\nb: \xc3\xa9\xff\n", 0xFF, 2, 5),  # columns count characters, not bytes
        (b"a: \xe2\x82", 0xE2, 1, 4),  # truncated at the end
        (b"\xef\xbb\xbf\xffa: 1", 0xFF, 1, 1),
    ],
)
def test_non_utf8_bytes_name_the_first_bad_byte(
    source: bytes, byte: int, line: int, column: int
) -> None:
    error = _error(source)
    assert error.message == f"not UTF-8 text: invalid byte 0x{byte:02x}"
    assert (error.line, error.column) == (line, column)
    assert str(error) == f"{line}:{column}: not UTF-8 text: invalid byte 0x{byte:02x}"


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(("char", "shown"), [("\x00", "U+0000"), ("\x1b", "U+001B")])
def test_control_characters_are_refused_with_a_position(char: str, shown: str) -> None:
    error = _error(f"a: 1\nb: x{char}\n".encode())
    assert error.message == f"character {shown} is not allowed in a YAML file"
    assert (error.line, error.column) == (2, 5)


# --- limits ------------------------------------------------------------------------------------


def test_size_limit() -> None:
    limit = 8 * 1024 * 1024
    assert load_yaml(b"a: " + b"x" * (limit - 3)).data == {"a": "x" * (limit - 3)}
    error = _error(b"a: " + b"x" * (limit - 2))
    assert error.message.startswith("the file is too large")
    assert "8 MiB" in error.message


def _nested_flow(depth: int) -> bytes:
    # The root mapping is level 1; each bracket opens one more.
    return b"a: " + b"[" * (depth - 1) + b"]" * (depth - 1) + b"\n"


@pytest.mark.usefixtures("parser")
def test_nesting_limit() -> None:
    assert load_yaml(_nested_flow(64)).data is not None
    error = _error(_nested_flow(65))
    assert error.message == "the data is nested too deeply (more than 64 levels)"
    assert (error.line, error.column) == (1, 67)


@pytest.mark.usefixtures("parser")
def test_nesting_limit_in_block_style() -> None:
    source = "".join(f"{' ' * level}k:\n" for level in range(70)).encode()
    error = _error(source)
    assert error.message == "the data is nested too deeply (more than 64 levels)"
    assert error.line == 65


@pytest.mark.usefixtures("parser")
def test_very_deep_nesting_never_recurses() -> None:
    error = _error(b"a: " + b"[" * 200_000)
    assert "nested too deeply" in error.message


# --- parser errors -----------------------------------------------------------------------------


@pytest.mark.usefixtures("parser")
def test_parser_errors_carry_a_one_based_position() -> None:
    error = _error(b"title: x\nsummary: a: b\n")
    assert error.message.startswith("mapping values are not allowed")
    assert (error.line, error.column) == (2, 11)
    assert str(error).startswith("2:11: mapping values are not allowed")


@pytest.mark.usefixtures("parser")
def test_parser_errors_name_where_the_broken_part_starts() -> None:
    error = _error(b'a: 1\nb: "x\n')
    assert error.message.endswith("(while scanning a quoted scalar that starts at line 2)")
    assert error.line == 3


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("source", "line"),
    [(b"a:\n\tb: 1\n", 2), (b"a:\n  b: 1\n\tc: 2\n", 3), (b"a: |\n  x\n\ty\n", 3)],
)
def test_tab_indentation_is_explained(source: bytes, line: int) -> None:
    error = _error(source)
    assert error.message == "a tab is used for indentation; indent with spaces"
    assert (error.line, error.column) == (line, 1)


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
def test_tab_after_a_colon_is_fine_with_libyaml() -> None:
    assert load_yaml(b"a:\t1\n").data == {"a": 1}


def test_tab_elsewhere_is_explained_with_the_python_parser() -> None:
    with mock.patch.object(yaml_source, "_parser_factory", yaml.SafeLoader):
        error = _error(b"a:\t1\n")
    assert error.message == "a tab is not allowed here; use spaces"
    assert (error.line, error.column) == (1, 3)


# --- positions ---------------------------------------------------------------------------------

_SAMPLE = b"""\
format: coherence-scenario/1
title: "Lakeland: elections"
injects:
  - id: t-01
    to: [leadership, unct]
    body: |
      Markdown.
  # a comment between items
  - id: t-02
    to:
      - leadership
      - unct
    expects: {respond_within: 4h}
"""


@pytest.mark.usefixtures("parser")
@pytest.mark.parametrize(
    ("path", "value", "key"),
    [
        ((), (1, 1), None),
        (("format",), (1, 9), (1, 1)),
        (("title",), (2, 8), (2, 1)),
        (("injects",), (4, 3), (3, 1)),
        (("injects", 0), (4, 5), None),
        (("injects", 0, "id"), (4, 9), (4, 5)),
        (("injects", 0, "to"), (5, 9), (5, 5)),
        (("injects", 0, "to", 0), (5, 10), None),
        (("injects", 0, "to", 1), (5, 22), None),
        (("injects", 0, "body"), (6, 11), (6, 5)),
        (("injects", 1), (9, 5), None),
        (("injects", 1, "to"), (11, 7), (10, 5)),
        (("injects", 1, "to", 0), (11, 9), None),
        (("injects", 1, "to", 1), (12, 9), None),
        (("injects", 1, "expects"), (13, 14), (13, 5)),
        (("injects", 1, "expects", "respond_within"), (13, 31), (13, 15)),
    ],
)
def test_positions_of_values_and_keys(
    path: tuple[str | int, ...], value: tuple[int, int], key: tuple[int, int] | None
) -> None:
    document = load_yaml(_SAMPLE)
    assert document.values[path] == Mark(*value)
    assert document.mark_for(path) == Mark(*value)
    if key is None:
        assert path not in document.keys
        assert document.key_mark_for(path) == Mark(*value)
    else:
        assert document.keys[path] == Mark(*key)
        assert document.key_mark_for(path) == Mark(*key)


def test_every_node_has_a_position() -> None:
    document = load_yaml(_SAMPLE)
    assert len(document.values) == 17
    assert len(document.keys) == 10


def test_mark_for_falls_back_to_the_nearest_ancestor() -> None:
    document = load_yaml(_SAMPLE)
    assert document.mark_for(["injects", 1, "trigger", "inject"]) == Mark(9, 5)
    assert document.key_mark_for(["injects", 1, "trigger"]) == Mark(9, 5)
    assert document.mark_for(["nothing", 3]) == Mark(1, 1)


def test_mark_for_without_any_position_is_the_start_of_the_file() -> None:
    assert YamlDocument(data={}, values={}, keys={}).mark_for(["a", 1]) == Mark(1, 1)


def test_root_mark_is_the_first_key_after_comments() -> None:
    assert load_yaml(b"# header\n\n---\na: 1\n").mark_for([]) == Mark(4, 1)


def test_error_text() -> None:
    assert str(YamlSourceError("bad")) == "bad"
    assert str(YamlSourceError("bad", 3)) == "3: bad"
    assert str(YamlSourceError("bad", 3, 5)) == "3:5: bad"
    error = YamlSourceError("bad", 3, 5)
    assert (error.message, error.line, error.column) == ("bad", 3, 5)


# --- properties --------------------------------------------------------------------------------

_YAMLISH_TOKENS = [
    "a:", "b:", "a: 1", "- ", "-", "? ", ": ", "&x ", "*x", "!!", "!!str ", "!x ", '"', "'",
    "|", ">", "|-", "[", "]", "{", "}", ",", "#", "---", "...", "%YAML 1.2", "\n", "\r\n",
    "\t", " ", "  ", "    ", "NO", "1:30", ".inf", "0x", "1e3", "\ufeff", "\u00e9", "\x85",
    "\u2028", "\x00", "~",
]  # fmt: skip
_YAMLISH = st.lists(st.sampled_from(_YAMLISH_TOKENS), max_size=40).map("".join)
_ANY_LOADER = st.sampled_from(
    [yaml.SafeLoader, yaml.CSafeLoader] if yaml.__with_libyaml__ else [yaml.SafeLoader]
)


def _load_or_refuse(source: bytes) -> None:
    try:
        document = load_yaml(source)
    except YamlSourceError as error:
        refused = error
    else:
        assert isinstance(document.data, dict)
        assert () in document.values
        return
    assert refused.message
    assert refused.line is None or refused.line >= 1
    assert refused.column is None or refused.column >= 1


@settings(max_examples=150)
@given(source=st.binary(max_size=200) | _YAMLISH.map(str.encode), loader=_ANY_LOADER)
def test_any_bytes_give_a_document_or_a_source_error(source: bytes, loader: object) -> None:
    with mock.patch.object(yaml_source, "_parser_factory", loader):
        _load_or_refuse(source)


# The YAML 1.2 core schema, written out again here as an independent oracle.
_CORE_NON_TEXT = re.compile(
    r"~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


def _reads_back_as_text(text: str) -> bool:
    """False for text PyYAML's 1.1 dumper leaves unquoted but YAML 1.2 reads as a number.

    PyYAML quotes what its YAML 1.1 resolver would not read back as text. Numbers only the
    1.2 core schema knows slip through: "0o17", "08" (1.1 reads a leading 0 as octal, so
    "08" is not a 1.1 number), "1e5" and "1.5e5" (1.1 needs a dot and a signed exponent),
    "+.5" and "-.5". Dumping YAML for this app therefore has to quote such text itself.
    """
    if _CORE_NON_TEXT.fullmatch(text) is None:
        return True
    return yaml.safe_dump(text).startswith(("'", '"'))


# PyYAML's emitter writes U+0085 (NEL) raw inside single quotes, where every reader, PyYAML's
# own included, folds it into a space; that is a dumper bug, not one of ours.
_KEY = st.text(st.characters(codec="utf-8", exclude_characters="\x85"), max_size=12)
_TEXT = _KEY.filter(_reads_back_as_text)
_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | _TEXT
)
_JSON_LIKE = st.recursive(
    _LEAVES,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_TEXT, children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150)
@given(
    data=st.dictionaries(_KEY, _JSON_LIKE, max_size=5),
    flow=st.booleans(),
    loader=_ANY_LOADER,
)
def test_safe_dump_round_trips(data: dict[str, object], flow: bool, loader: object) -> None:
    # Keys need no filter: a key is always read back as the text written.
    source = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow).encode()
    with mock.patch.object(yaml_source, "_parser_factory", loader):
        assert load_yaml(source).data == data


@given(number=st.floats(allow_nan=False))
def test_floats_round_trip_exactly(number: float) -> None:
    # safe_dump writes repr() (as "1.0e+16" for 1e16), so the value must come back bit for bit.
    loaded = load_yaml(yaml.safe_dump({"x": number}).encode()).data
    assert isinstance(loaded, dict)
    assert loaded["x"] == number
    assert math.copysign(1.0, loaded["x"]) == math.copysign(1.0, number)


def test_the_round_trip_filter_is_needed() -> None:
    # Documents why _reads_back_as_text exists: PyYAML writes these unquoted.
    for text in ("0o17", "08", "1e5", "+.5"):
        assert not _reads_back_as_text(text)
        assert load_yaml(yaml.safe_dump({"x": text}).encode()).data != {"x": text}
