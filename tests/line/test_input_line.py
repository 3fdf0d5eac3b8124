"""The one input line: what each kind of line becomes."""

from __future__ import annotations

import pytest
from pendulum import Date

from facilitator.line.grammar import names_to_offer
from facilitator.line.parsed import Capture, Invalid, LineContext
from facilitator.line.read import parse_line
from facilitator.meeting.decision import Command

CONTEXT = LineContext(
    people=["Ana", "Li", "Marta", "Wang", "Zhao", "李雷", "韩梅梅"],
    departments=["Operations", "R&D", "Marketing", "Sales"],
    today=Date(2026, 8, 12),
)


def capture(text: str) -> Capture:
    parsed = parse_line(text, CONTEXT)
    assert isinstance(parsed, Capture), parsed
    return parsed


def test_plain_text_is_a_discussion_point() -> None:
    entry = capture("Front end is 80% done").entry
    assert (entry.kind, entry.text) == ("point", "Front end is 80% done")


def test_a_colon_that_is_not_a_prefix_stays_in_the_point() -> None:
    entry = capture("Budget: 100k for the campaign").entry
    assert (entry.kind, entry.text) == ("point", "Budget: 100k for the campaign")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("d: ship on 20 Sept", "decision"),
        ("决定: 推广时间调整为9月20日", "decision"),
        ("决定：推广时间调整为9月20日", "decision"),
        ("#agreed ship it", "decision"),
        ("x: R&D: longer tests | Marketing: keep the date", "dispute"),
        ("争议：研发部：延长测试｜市场部：保持日期", "dispute"),
        ("p: a point", "point"),
        ("progress: front end 80% done", "progress"),
        ("进展：前端开发完成80%", "progress"),
        ("当前进展: 后端接口联调中", "progress"),
        ("risk: test environment is short", "risk"),
        ("风险：测试环境资源紧张", "risk"),
        ("风险点: 可能影响测试周期", "risk"),
        ("proposal: marketing sends material early", "proposal"),
        ("建议：市场部提前提供推广素材", "proposal"),
    ],
)
def test_prefixes_in_english_and_chinese(line: str, kind: str) -> None:
    assert capture(line).entry.kind == kind


def test_action_item_has_task_owner_and_due_date() -> None:
    result = capture("a: @Li submit the test form by 8/20")
    entry = result.entry
    assert (entry.kind, entry.text, entry.owner, entry.due) == (
        "action",
        "submit the test form",
        "Li",
        Date(2026, 8, 20),
    )
    assert result.notices == ()
    assert entry.raw == "a: @Li submit the test form by 8/20"


def test_chinese_action_item_with_chinese_name_and_date() -> None:
    entry = capture("任务: @李雷 8月20日前提交测试资源申请表").entry
    assert (entry.kind, entry.owner, entry.due, entry.text) == (
        "action",
        "李雷",
        Date(2026, 8, 20),
        "提交测试资源申请表",
    )


def test_chinese_name_needs_no_space_after_it() -> None:
    entry = capture("任务: @韩梅梅提供推广素材 明天").entry
    assert (entry.owner, entry.text, entry.due) == ("韩梅梅", "提供推广素材", Date(2026, 8, 13))


def test_unresolved_item_owned_by_a_department_in_workdays() -> None:
    entry = capture("u: @Marketing budget sign-off in 3 workdays").entry
    assert (entry.kind, entry.owner, entry.due, entry.text) == (
        "unresolved",
        "Marketing",
        Date(2026, 8, 17),
        "budget sign-off",
    )


@pytest.mark.parametrize(
    ("line", "kind", "owner", "text", "due"),
    [
        ("u: @Legal compliance opinion in 3 workdays", "unresolved", "Legal",
         "compliance opinion", Date(2026, 8, 17)),
        ("a: @Legal compliance opinion in 3 workdays", "action", "Legal",
         "compliance opinion", Date(2026, 8, 17)),
        ("a: @Nobody do X", "action", "Nobody", "do X", None),
        ("待定: @法务部门 3个工作日内提供合规性意见", "unresolved", "法务部门",
         "提供合规性意见", Date(2026, 8, 17)),
        ("任务: @法务部门 3个工作日内提供合规性意见", "action", "法务部门",
         "提供合规性意见", Date(2026, 8, 17)),
    ],
)  # fmt: skip
def test_owner_outside_the_room_is_kept_as_typed_with_a_warning(line, kind, owner, text, due):
    result = capture(line)
    entry = result.entry
    assert (entry.kind, entry.owner, entry.text, entry.due) == (kind, owner, text, due)
    (outside,) = [n for n in result.notices if n.key == "line.outside_owner"]
    assert outside.severity == "warning"
    assert outside.text() == f"@{owner} is not among the people: kept as owner; fix it at the close"


def test_a_department_in_the_room_may_own_a_task() -> None:
    result = capture("a: @R&D submit the test form by 8/20")
    entry = result.entry
    assert (entry.kind, entry.owner, entry.text, entry.due) == (
        "action",
        "R&D",
        "submit the test form",
        Date(2026, 8, 20),
    )
    assert result.notices == ()


def test_a_bare_at_sign_names_no_owner_yet() -> None:
    result = capture("a: @ fix the build by 8/20")
    assert (result.entry.kind, result.entry.owner, result.entry.text) == (
        "action",
        "",
        "fix the build",
    )
    assert [n.key for n in result.notices] == ["line.no_owner_action"]


def test_a_task_with_a_date_that_is_none_stays_a_task_without_one_and_says_why() -> None:
    result = capture("a: @Li call the vendor by 13/45")
    # Still the task it was typed as, on the list to follow up: only the date is missing.
    assert (result.entry.kind, result.entry.owner, result.entry.due) == ("action", "Li", None)
    assert result.entry.text == "call the vendor by 13/45"
    assert "13/45" in result.notices[0].text()


def test_action_without_owner_or_date_is_kept_with_warnings() -> None:
    result = capture("a: tidy the shared drive")
    assert result.entry.kind == "action"
    assert {n.key for n in result.notices} == {"line.no_owner_action", "line.no_due_action"}


def test_name_completion_by_prefix_and_pinyin() -> None:
    assert capture("a: @Mart draft the plan by 9/1").entry.owner == "Marta"
    ambiguous = capture("a: @Mar draft the plan by 9/1")  # Marta or Marketing?
    assert ambiguous.entry.kind == "point" and "Marketing" in ambiguous.notices[0].text()
    assert capture("a: @ll 测试 by 9/1").entry.owner == "李雷"


def test_dispute_keeps_each_side_position() -> None:
    entry = capture("x: R&D: longer tests | Marketing: keep the date").entry
    assert [(s.party, s.position) for s in entry.sides] == [
        ("R&D", "longer tests"),
        ("Marketing", "keep the date"),
    ]


def test_empty_prefix_is_refused_and_kept_in_the_line() -> None:
    assert isinstance(parse_line("d:", CONTEXT), Invalid)


@pytest.mark.parametrize(
    ("line", "name", "people", "number"),
    [
        ("/next", "next", (), None),
        ("/pause", "pause", (), None),
        ("/extend 5", "extend", (), 5),
        ("/extend", "extend", (), 5),
        ("/speak @Li", "speak", ("Li",), None),
        ("/speak @Li @Marta", "speak", ("Li", "Marta"), None),
        ("/absent @Wang @Zhao", "absent", ("Wang", "Zhao"), None),
        ("/done", "done", (), None),
        ("/undo", "undo", (), None),
        ("/close", "close", (), None),
        ("/下一个", "next", (), None),
        ("/发言 @李雷", "speak", ("李雷",), None),
    ],
)
def test_slash_commands(line: str, name: str, people: tuple, number: int | None) -> None:
    parsed = parse_line(line, CONTEXT)
    assert isinstance(parsed, Command)
    assert (parsed.name, parsed.people, parsed.number) == (name, people, number)


@pytest.mark.parametrize(
    "line", ["/fly", "/extend 0", "/extend 999", "/speak @Nobody", "/speak", "/goto"]
)
def test_bad_commands_are_refused_with_a_reason(line: str) -> None:
    parsed = parse_line(line, CONTEXT)
    assert isinstance(parsed, Invalid)
    assert parsed.notice.text()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("/extend abc", "'abc' is not a whole number of minutes: type it like /extend 5"),
        ("/extend 5x", "'5x' is not a whole number of minutes: type it like /extend 5"),
        ("/extend 2.5", "'2.5' is not a whole number of minutes: type it like /extend 5"),
        ("/skip abc", "'abc' is not a number: type it like /skip 3"),
        ("/goto two", "'two' is not a number: type it like /goto 2"),
        ("/goto 2 3", "too much after /goto: remove '3' (like /goto 2)"),
        ("/retract 3 4", "too much after /retract: remove '4' (like /retract 3)"),
        ("/move 3", "move which topic where? like /move 3 2"),
        ("/move 3 to 2", "'to' is not a number: type it like /move 3 2"),
        ("/undo 3", "/undo takes nothing after it: remove '3'"),
        ("/close now", "/close takes nothing after it: remove 'now'"),
        ("/next topic", "/next takes nothing after it: remove 'topic'"),
        ("/call @Li @Marta", "/call takes one name: remove @Marta"),
        ("/absent @Wang @Zhao @Li", "one absentee and one briefer: remove @Li"),
        ("/queue @Li 2 3", "too much after /queue: remove '3' (like /queue @Li 2)"),
        ("/speak @Li and @Marta", "unknown name @and: check the spelling (Tab completes names)"),
    ],
)
def test_host_is_told_what_is_wrong_with_a_command_instead_of_a_default(line, reason):
    parsed = parse_line(line, CONTEXT)
    assert isinstance(parsed, Invalid), parsed
    assert (parsed.notice.severity, parsed.notice.text()) == ("warning", reason)
    assert parsed.raw == line


@pytest.mark.parametrize(
    ("line", "number", "summary"),
    [
        ("/extend", 5, "extend 5"),
        ("/extend 10", 10, "extend 10"),
        ("/extend 10 min", 10, "extend 10"),
        ("/extend 10m", 10, "extend 10"),
        ("/延长 10分钟", 10, "extend 10"),
        ("/skip", None, "skip"),
        ("/skip 2", 2, "skip 2"),
        ("/move 3 2", 3, "move 3 2"),
        ("/move 3, 2", 3, "move 3 2"),
        ("/queue @Li 2", 2, "queue @Li 2"),
        ("/present all", None, "present all"),
        ("/absent @Wang @Zhao", None, "absent @Wang @Zhao"),
    ],
)
def test_commands_read_back_with_every_argument(line: str, number: int | None, summary: str):
    parsed = parse_line(line, CONTEXT)
    assert isinstance(parsed, Command), parsed
    assert (parsed.number, parsed.summary()) == (number, summary)


def test_names_are_read_in_the_order_typed_with_or_without_at() -> None:
    parsed = parse_line("/speak Marta @Wang, Zhao.", CONTEXT)
    assert isinstance(parsed, Command) and parsed.people == ("Marta", "Wang", "Zhao")
    briefed = parse_line("/缺席 韩梅梅 @李雷", CONTEXT)
    assert isinstance(briefed, Command) and briefed.people == ("韩梅梅", "李雷")


@pytest.mark.parametrize("line", ["/speak @Marketing", "/speak Marketing", "/absent @Wang @R&D"])
def test_a_department_cannot_speak_or_brief(line: str) -> None:
    parsed = parse_line(line, CONTEXT)
    assert isinstance(parsed, Invalid)
    assert "is a department, not a person" in parsed.notice.text()


def test_people_commands_complete_names_among_people_only() -> None:
    parsed = parse_line("/speak @Mar", CONTEXT)  # Marta, not Marketing
    assert isinstance(parsed, Command) and parsed.people == ("Marta",)
    people, departments = CONTEXT.people, CONTEXT.departments
    assert names_to_offer("/speak @Ma", people, departments) == list(people)
    assert "Marketing" in names_to_offer("a: @Ma", people, departments)


@pytest.mark.parametrize(
    "line", ["/speak @", "/queue @", "/drop @", "/absent @", "/absent @Wang @"]
)
def test_an_empty_at_being_typed_asks_for_a_name_without_alarm(line: str) -> None:
    parsed = parse_line(line, CONTEXT)
    assert isinstance(parsed, Invalid)
    assert (parsed.notice.severity, parsed.notice.text()) == (
        "hint",
        "type a name after @ (Tab completes it)",
    )


@pytest.mark.parametrize(
    "line",
    [
        "争议：研发部认为需延长测试周期 | 市场部担心影响推广节奏",
        "争议：研发部门认为需延长测试周期，市场部门担心影响推广节奏",
    ],
)
def test_a_chinese_dispute_written_naturally_has_both_sides(line: str) -> None:
    context = LineContext(people=["王芳"], departments=["研发部", "市场部"])
    parsed = parse_line(line, context)
    assert [(s.party, s.position) for s in parsed.entry.sides] == [
        ("研发部", "认为需延长测试周期"),
        ("市场部", "担心影响推广节奏"),
    ]
    assert parsed.notices == ()


def test_an_english_dispute_written_as_a_sentence_has_both_sides() -> None:
    line = "x: R&D thinks we need longer tests, Marketing worries about the date"
    parsed = parse_line(line, LineContext(people=["Li"], departments=["R&D", "Marketing"]))
    assert [s.party for s in parsed.entry.sides] == ["R&D", "Marketing"]


def test_taking_a_date_out_of_a_chinese_task_leaves_no_stray_punctuation() -> None:
    context = LineContext(people=["王芳"], departments=["运营部"], today=Date(2026, 8, 1))
    parsed = parse_line("任务：@运营部 补充客户异议处理案例，8月20日定稿", context)
    assert parsed.entry.text == "补充客户异议处理案例，定稿"
    assert parsed.entry.due == Date(2026, 8, 20)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("a: @Li send the draft (by Friday) to legal", "send the draft to legal"),
        ("a: @Li send the draft (due Friday)", "send the draft"),
        ("a: @Li send the draft by Friday, then call legal", "send the draft, then call legal"),
        ("a: @Li send the draft - by Friday - to legal", "send the draft - to legal"),
        ("a: @Li send the draft, due Friday, and review it", "send the draft, and review it"),
        ("任务：@李雷 提交测试资源申请表（12月5日前）", "提交测试资源申请表"),
        ("任务：@李雷 提交报告——12月5日前", "提交报告"),
        ("a: @Li send the draft — by Friday", "send the draft"),
        ("a: @Li send the draft (by Friday, to legal)", "send the draft (to legal)"),
        (
            "任务：@李雷 提交测试资源申请表，12月5日前，并通知市场部",
            "提交测试资源申请表，并通知市场部",
        ),
    ],
)
def test_taking_a_date_out_of_a_task_leaves_no_empty_brackets_or_loose_commas(
    line: str, title: str
) -> None:
    context = LineContext(people=["Li", "李雷"], today=Date(2026, 11, 27))
    parsed = parse_line(line, context)
    assert isinstance(parsed, Capture)
    assert parsed.entry.text == title
    assert parsed.entry.due in (Date(2026, 12, 4), Date(2026, 12, 5))


def test_a_line_longer_than_the_room_takes_is_refused_with_its_length() -> None:
    from facilitator.line.parsed import MAX_LINE_CHARS

    parsed = parse_line("x" * (MAX_LINE_CHARS + 1), LineContext(people=["Li"]))
    assert isinstance(parsed, Invalid)
    assert parsed.notice.key == "line.too_long"
    assert f"{MAX_LINE_CHARS + 1} characters" in parsed.notice.text()


def test_thousands_of_mentions_and_dates_in_one_line_are_all_read() -> None:
    context = LineContext(people=["Li", "Ana"], today=Date(2026, 8, 1), max_chars=None)
    parsed = parse_line("/speak " + "@Li @Ana " * 2000, context)
    assert isinstance(parsed, Command) and parsed.people[:2] == ("Li", "Ana")
    task = parse_line("a: @Li ship " + "by 8/20 " * 2000, context)
    assert task.entry.due == Date(2026, 8, 20)


def test_a_command_reads_back_in_the_words_of_the_room_that_typed_it() -> None:
    from facilitator.core.notice import Notice
    from facilitator.line.grammar import commands_in, typed_as
    from facilitator.meeting.decision import Command

    speak = Command("speak", people=("韩梅梅",), request="question", text="预算从哪里出")
    assert typed_as(speak, "zh") == "/发言 @韩梅梅 提问 — 预算从哪里出"
    assert typed_as(speak, "en") == "/speak @韩梅梅 question — 预算从哪里出"
    assert typed_as(Command("present", ("all",)), "zh") == "/出席 全部"
    assert commands_in("/pause  /resume", "zh") == "/暂停  /继续"
    assert commands_in("/present all", "en") == "/present all"
    marked = Notice("room.marked_present", {"names": ("周敏", "李雷")})
    assert "周敏、李雷" in marked.text("zh") and "周敏, 李雷" in marked.text("en")


def test_a_chinese_room_lists_candidates_and_extra_owners_with_dun() -> None:
    from facilitator.core.notice import Notice

    ambiguous = Notice("line.ambiguous_name", {"name": "李", "candidates": ("李雷", "李娜")})
    assert "李雷、李娜" in ambiguous.text("zh") and "李雷, 李娜" in ambiguous.text("en")


def test_an_unreadable_line_says_how_it_reads_before_and_after_enter_alike() -> None:
    from facilitator.core.i18n import set_language

    # The preview shows the same words before Enter: none may say it was saved already.
    context = LineContext(people=["Marta", "Ma Lin"], today=Date(2026, 2, 1))
    item = parse_line("u: @Marta budget numbers by 30 Feb", context)
    assert isinstance(item, Capture) and (item.entry.kind, item.entry.due) == ("unresolved", None)
    assert item.notices[0].text() == (
        "'30 Feb' is not a date: kept without a date (the closing summary asks for one)"
    )
    unread = parse_line("u: @Ma budget numbers", context)
    assert isinstance(unread, Capture) and unread.entry.kind == "point"
    assert unread.notices[0].text().endswith(": the line reads as a plain point")
    set_language("zh")
    assert item.notices[0].text() == "“30 Feb”不是有效日期：暂不设日期（会议总结时可补上）"
    assert unread.notices[0].text().endswith("：按普通要点记录")
