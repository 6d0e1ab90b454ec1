"""The danger check in a chain of held flows: found at any depth, and what each flow holds
read and replaced each its own way."""

from __future__ import annotations

from bot.domain.flow import FlowState, held, holding
from bot.domain.safety_flow import (
    FLOW,
    beneath,
    open_check,
    over,
    previous,
)
from bot.domain.safety_flow import holding as check_holding

MOMENT = FlowState("moment", "pat", {"m": {"id": "abc"}})
CHECK = check_holding(FlowState(FLOW, "check", {"text": "so angry"}), MOMENT)
SETTINGS_OVER_CHECK = holding(FlowState("settings", "menu"), CHECK)


def test_the_check_is_found_on_top_or_beneath_settings_and_nowhere_else():
    assert open_check(CHECK) == CHECK
    assert open_check(SETTINGS_OVER_CHECK) == CHECK
    assert open_check(holding(FlowState("settings", "menu"), MOMENT)) is None
    assert open_check(MOMENT) is None
    assert open_check(None) is None


def test_beneath_reads_the_check_and_any_other_flow_each_its_own_way():
    assert beneath(CHECK) == MOMENT == previous(CHECK)
    assert beneath(SETTINGS_OVER_CHECK) == CHECK == held(SETTINGS_OVER_CHECK)
    assert beneath(MOMENT) is None


def test_over_replaces_what_a_flow_holds():
    assert beneath(over(SETTINGS_OVER_CHECK, MOMENT)) == MOMENT
    assert beneath(over(CHECK, None)) is None
    assert over(SETTINGS_OVER_CHECK, None).data == {}
