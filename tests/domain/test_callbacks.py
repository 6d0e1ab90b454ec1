from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.callbacks import (
    MAX_BYTES,
    CallbackTooLong,
    FlowPress,
    MenuPress,
    decode,
    encode_flow,
    encode_menu,
    row_id,
)

part = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=12)


@given(flow=part, step=part, card=st.integers(0, 10**9), option=part)
def test_flow_presses_round_trip(flow, step, card, option):
    data = encode_flow(flow, step, card, option)
    assert len(data.encode()) <= MAX_BYTES
    assert decode(data) == FlowPress(flow, step, card, option)


def test_menu_presses_round_trip():
    assert decode(encode_menu("moment")) == MenuPress("moment")


def test_too_long_data_is_refused_when_made():
    with pytest.raises(CallbackTooLong):
        encode_flow("f", "s", 1, "o" * 64)


@given(st.text(max_size=80))
def test_decoding_anything_never_raises(data):
    decode(data)


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "menu",
        "menu:",
        "a:b:c",
        "a:b:zz:d",
        "a:b:1:d:e",
        "a:b:1:d e",
        "a:b:1:" + "x" * 70,
        "menu:a:b",
        "a:b:-1:c",
    ],
)
def test_forged_or_malformed_data_decodes_to_nothing(data):
    assert decode(data) is None


@given(st.integers(-(2**31), 2**31 - 1))
def test_a_row_id_in_range_is_read_back(number: int):
    assert row_id(str(number)) == number


@pytest.mark.parametrize(
    "text", ["", "-", "x1", "1.5", "²", "١٢", "2147483648", "-2147483649", "9" * 30, " 1"]
)
def test_anything_else_is_no_row_id(text: str):
    assert row_id(text) is None
