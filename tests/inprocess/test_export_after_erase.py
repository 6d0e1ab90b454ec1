"""/export after a partner erased everything: nothing of them left; and one read of moments."""

from __future__ import annotations

import json
import re
from datetime import timedelta

from tests.harness import Harness
from tests.inprocess.flows import LATER, LET_GO, TO_THE_PATH
from tests.inprocess.test_privacy import a_full_life

ANA, BEN = 510_001, 510_002  # as in test_privacy: Ana invites Ben

# Ben's moment with his linked partner: her name is one tap, and greets her in the draft.
ABOUT_ANA = [
    *TO_THE_PATH[:3],
    ("press", "Ana", "pat", "What happened?"),
    *TO_THE_PATH[4:],
    ("press", "Say something now", "draft", "Here's a way you could say it"),
]


async def export_files(h: Harness, user_id: int) -> dict[str, str]:
    actions = await h.text(user_id, "/export")
    return {
        a.params["file_name"]: a.params["content"].decode()
        for a in actions
        if a.method == "sendDocument"
    }


def named(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


async def test_after_the_inviter_erases_the_partner_s_export_keeps_his_words_not_her_account(
    harness: Harness,
):
    h = harness
    await a_full_life(h)
    await h.walk(BEN, [*ABOUT_ANA, ("press", "That works", "", "Recorded:")])
    await h.walk(BEN, ABOUT_ANA)  # and one still in progress, its draft for Ana
    await h.press(BEN, "Send this to Ana")  # the send card: it records whom it is for
    await h.text(BEN, "/thanks")
    await h.text(BEN, "Ana, thank you for the tea")
    before = await export_files(h, BEN)
    assert str(ANA) in before["mend-export.json"]  # (the scenario does refer to her account)
    await h.text(ANA, "/delete")
    await h.press(ANA, "Delete everything")
    files = await export_files(h, BEN)
    for name, content in files.items():
        assert str(ANA) not in content, name  # nothing ties his data to her account
    data = json.loads(files["mend-export.json"])
    # Ben's own words stay his, as he wrote or chose them: moments, drafts and the thanks.
    assert len(data["moments"]) == len(json.loads(before["mend-export.json"])["moments"])
    assert any(t["text"] == "Ana, thank you for the tea" for t in data["thanks"])
    assert any(m["draft"] and named(m["draft"], "Ana") for m in data["moments"])


async def test_export_tells_every_moment_once_newest_first_with_every_stored_field(
    harness: Harness,
):
    """/export reads the moments once, for both files: the JSON as stored, the Markdown as
    /history tells them, newest first."""
    h = harness
    await h.onboard(BEN, "Ben")
    await h.walk(BEN, LET_GO)
    h.clock.advance(timedelta(hours=2))
    await h.walk(BEN, LATER)
    files = await export_files(h, BEN)
    data = json.loads(files["mend-export.json"])
    moments = data["moments"]
    assert len(moments) == 2 and len({m["id"] for m in moments}) == 2
    stored = {"id", "user_id", "status", "who_name", "draft", "created_at", "updated_at"}
    assert all(stored <= set(m) and m["user_id"] == BEN for m in moments)
    markdown = files["mend-export.md"]
    section = markdown.split("## Moments (2)\n")[1].split("\n## ")[0]
    # Each moment told once, as /history tells it, the newer (planned) before the one let go.
    blocks = [b.strip() for b in section.split("\n\n") if b.strip()]
    assert [b.splitlines()[0] for b in blocks] == [
        "1 March, 22:30 · happened to me, with your partner (Sam)",
        "1 March, 20:30 · happened to me, with your partner (Sam)",
    ]
    assert "Status: planned" in blocks[0] and "Planned to talk: Monday 2 March, 19:00" in blocks[0]
    assert "Status: let go" in blocks[1]
