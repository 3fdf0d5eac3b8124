"""How the line reads requests to speak, limits, alerts and who said a point."""

from __future__ import annotations

from facilitator.core.i18n import set_language
from facilitator.line.completion import command_choices, offer
from facilitator.line.grammar import CHINESE_NAMES, COMMAND_NAMES, COMMANDS, split_request
from facilitator.line.parsed import Capture, Invalid, LineContext
from facilitator.line.read import parse_line
from facilitator.meeting.decision import Command

PEOPLE = ["Ana", "Li", "Marta", "李雷", "Q"]
CONTEXT = LineContext(people=PEOPLE, departments=["R&D", "Legal team"])


def read(line: str):
    return parse_line(line, CONTEXT)


def test_speak_reads_the_names_then_the_kind_then_the_reason():
    command = read("/speak @Li question about the budget")
    assert isinstance(command, Command)
    assert (command.people, command.request, command.text) == (
        ("Li",),
        "question",
        "about the budget",
    )
    assert command.summary() == "speak @Li question — about the budget"
    assert read("/speak @Li @Marta reply").request == "reply"
    assert read("/s @李雷 程序问题").request == "order"
    plain = read("/speak @Li")
    assert (plain.request, plain.text) == ("", "")


def test_a_person_called_like_a_kind_stays_a_person():
    assert split_request("Q", PEOPLE) == ("Q", "", "")
    assert split_request("@Li Q", PEOPLE) == ("@Li Q", "", "")
    assert split_request("@Li q why", PEOPLE) == ("@Li q why", "", "")  # "q" is Q, not question


def test_at_name_colon_says_who_said_a_point():
    line = read("@Marta: the campaign is ready")
    assert isinstance(line, Capture)
    assert (line.speaker, line.entry.text) == ("Marta", "the campaign is ready")
    assert read("@李雷：测试延期").speaker == "李雷"
    assert read("-: the room is cold").speaker == ""
    assert read("the room is cold").speaker is None  # whoever speaks
    assert read("@Marta: d: ship it").entry.kind == "decision"
    assert isinstance(read("@Marta:"), Invalid)
    assert read("a: @Marta print flyers by 3/10").speaker is None


def test_a_persons_name_and_a_colon_without_at_says_who_said_it_too():
    line = read("Ana: we need a process point")
    assert (line.speaker, line.entry.text) == ("Ana", "we need a process point")
    assert read("李雷：测试延期").speaker == "李雷"
    assert read("marta : the campaign is ready").speaker == "Marta"
    assert read("Marta: d: ship it").entry.kind == "decision"
    # Not a person: the line reads as typed, whoever speaks.
    for line in ("R&D: tests are late", "Anna: hello", "Note: the room is cold", "d: ship it"):
        assert read(line).speaker is None, line
    assert read("Note: the room is cold").entry.text == "the room is cold"  # a prefix
    assert read("R&D: tests are late").entry.text == "R&D: tests are late"


def test_a_task_line_said_by_someone_and_kept_as_a_point_names_them_once():
    from facilitator.line.entries import kept_as_point

    for line in ("Ana: a: @L do X by 9/30", "@Ana: a: @L do X by 9/30"):  # Li or Legal team?
        kept = read(line)
        assert (kept.speaker, kept.entry.kind) == ("Ana", "point"), line
        assert kept.entry.text == "a: @L do X by 9/30"
        assert kept_as_point(kept.entry.text)  # so the close lists it again


def test_an_unread_task_line_is_nobodys_point_whoever_speaks():
    # Typed by the recorder while Li speaks: the minutes must not say Li said it.
    kept = read("u: @L budget by 9/30")  # Li or Legal team?
    assert (kept.entry.kind, kept.speaker) == ("point", "")
    assert read("a: @L deck by 9/30").speaker == ""
    assert read("the budget is tight").speaker is None  # a plain point: whoever speaks


def test_limit_reads_minutes_seconds_or_off():
    assert read("/limit 2").number == 120
    assert read("/limit 2 min").number == 120
    assert read("/limit 1.5").number == 90
    assert read("/limit 90s").number == 90
    assert read("/限时 3分钟").number == 180
    assert read("/limit off").number == 0
    for bad in ("/limit", "/limit two", "/limit 61", "/limit 0.001s"):
        assert isinstance(read(bad), Invalid), bad


def test_alerts_reads_a_mode_in_either_language():
    assert read("/alerts flash").args == ("flash",)
    assert read("/提醒 关").args == ("off",)
    assert read("/alerts").args == ()
    assert isinstance(read("/alerts loud"), Invalid)


def test_the_slash_list_offers_every_command_once_with_what_it_does():
    found = offer("/", 1, PEOPLE)
    assert found is not None
    assert found.choices == tuple("/" + name for name in COMMAND_NAMES)
    assert found.notes[0] == "next topic"
    assert dict(zip(found.choices, found.notes, strict=True))["/speak"].startswith("add a speaker")


def test_a_chinese_room_offers_the_chinese_name_of_each_command():
    set_language("zh")
    choices, _whole, notes = command_choices("")
    assert choices[0] == "/下一项" and notes[0] == "下一个议题"
    assert not any(choice.isascii() for choice in choices)
    # A command typed in English is still offered by the name typed.
    assert command_choices("ne")[0] == ("/next",)


def test_each_chinese_name_is_an_alias_of_its_command():
    assert set(CHINESE_NAMES) == set(COMMAND_NAMES)
    assert all(COMMANDS[name] == command for command, name in CHINESE_NAMES.items())
