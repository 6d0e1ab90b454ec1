"""Page buttons of /history: a moment's place in the list, read back exactly, within
callback data's limits; anything else is not a page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.content import catalogue
from bot.domain import callbacks, history
from bot.domain.clock import zone_of
from bot.domain.moments import Moment

C = catalogue("en")
WHEN = datetime(2026, 11, 30, 17, 5, 9, 123456, tzinfo=UTC)


def options(reply: object) -> list[str]:
    return [b.option for row in reply.buttons for b in row]  # type: ignore[attr-defined]


@pytest.mark.parametrize("way", [history.OLDER, history.NEWER, history.AT])
@pytest.mark.parametrize("moment_id", ["x", "A1_-" * 3, "z" * 16])
def test_a_page_option_reads_back_to_the_same_place_and_fits(way: str, moment_id: str):
    option = history.page_option(way, (WHEN, moment_id))
    data = callbacks.encode_menu(option)
    press = callbacks.decode(data)
    assert isinstance(press, callbacks.MenuPress)
    kind, _, argument = press.action.partition(".")
    assert kind == "history"
    assert history.read_page(argument) == history.PageAsk(way, (WHEN, moment_id))


def test_a_time_in_another_zone_names_the_same_instant():
    berlin = WHEN.astimezone(zone_of("Europe/Berlin"))
    option = history.page_option(history.OLDER, (berlin, "abc"))
    asked = history.read_page(option.partition(".")[2])
    assert asked is not None and asked.key == (WHEN, "abc")


@pytest.mark.parametrize(
    "argument",
    ["", "o", "zzz", "x1.abc", "o1.", "o1.a.b", "oG1.abc", "o" + "f" * 15 + ".a", "o1." + "a" * 17],
)
def test_anything_else_is_not_a_page(argument: str):
    assert history.read_page(argument) is None


def test_an_id_that_cannot_travel_falls_back_to_the_newest_page():
    assert history.page_option(history.AT, (WHEN, "a" * 30)) == "history"
    assert history.page_option(history.AT, (WHEN, "a.b")) == "history"


def moments(n: int) -> list[Moment]:
    return [
        Moment(f"id{i:02d}", WHEN - timedelta(hours=i), pattern="other", status="let_go")
        for i in range(n)
    ]


def test_the_list_turns_pages_from_its_first_and_last_rows():
    page = moments(10)
    only = history.listing(page, C, None)
    assert not any(o.startswith("history.") for o in options(only))
    assert only.text == C.text("history.title") and only.edit
    both = history.listing(page, C, "Europe/Berlin", newer=True, older=True)
    assert both.text == C.text("history.title_older")
    newer, older = both.buttons[-1]  # side by side, under the moments
    assert (newer.label, older.label) == (C.text("history.newer"), C.text("history.older"))
    assert newer.option == history.page_option(history.NEWER, (WHEN, "id00"))
    assert older.option == history.page_option(history.OLDER, (page[-1].created_at, "id09"))


def test_all_moments_from_a_moment_goes_back_to_its_page():
    (m,) = moments(1)
    back = [b for row in history.actions(m, C) for b in row if b.label == C.text("history.back")]
    assert [b.option for b in back] == [history.page_option(history.AT, history.key_of(m))]
