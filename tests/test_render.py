"""Rendering helpers that keep untrusted text inert."""

from __future__ import annotations

import json

from generator.render.jinja import environment


def test_front_matter_titles_cannot_open_a_tag() -> None:
    env = environment()
    out = env.from_string("title: {{ t | yaml_str }}").render(t='</title><script>alert(1)</script> & "x"')
    value = json.loads(out.removeprefix("title: "))
    assert "<" not in value and ">" not in value
    assert value == '＜/title＞＜script＞alert(1)＜/script＞ ＆ "x"'


def test_json_script_cannot_close_its_script_element() -> None:
    env = environment()
    out = env.from_string("{{ v | json_script }}").render(v={"name": "</script><img src=x onerror=alert(1)>&"})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == {"name": "</script><img src=x onerror=alert(1)>&"}


def test_lines_escapes_and_never_makes_a_blank_line() -> None:
    env = environment()
    out = env.from_string("{{ v | lines }}").render(v="<b>一</b>\n\n\n二")
    assert out == "&lt;b&gt;一&lt;/b&gt;<br>二"
