"""Scripted walks through the repair flow, shared by the in-process and end-to-end tests."""

from __future__ import annotations

# (what the person does, with what, the step the flow is at afterwards, words in the bot's
# answer that show it has answered)
Script = list[tuple[str, str, str, str]]

TO_THE_PATH: Script = [
    ("text", "/moment", "dir", "Which is it?"),
    ("press", "Something happened to me", "who", "Who was it with?"),
    ("press", "My partner", "whoname", "What's their name?"),
    ("text", "Sam", "pat", "What happened?"),
    ("press", "Phone out mid-talk", "cam", "If a camera had been there"),
    ("text", "He looked at his phone while I talked about my mum.", "int", "How much is it"),
    ("press", "4", "feel", "How did it feel?"),
    ("press", "lonely", "feel", "Chosen so far: lonely"),
    ("press", "Done", "need", "What did you need"),
    ("press", "Attention", "need", "Chosen so far: Attention"),
    ("press", "Done", "path", "What would you like to do with it?"),
]

# To the draft with Ben linked as the partner: his name is one tap. (Another name typed for
# "My partner" is taken as someone else, whose draft is never offered to Ben.)
TO_A_DRAFT_FOR_BEN: Script = [
    *TO_THE_PATH[:3],
    ("press", "Ben", "pat", "What happened?"),
    *TO_THE_PATH[4:],
    ("press", "Say something now", "draft", "Here's a way you could say it"),
]

SAY_IT_NOW: Script = [
    *TO_THE_PATH,
    ("press", "Say something now", "draft", "Here's a way you could say it"),
    ("press", "That works", "", "Recorded:"),
]
LATER: Script = [
    *TO_THE_PATH,
    ("press", "Talk about it later", "when", "When would be a better time?"),
    ("press", "Tomorrow evening", "", "Recorded:"),
]
LET_GO: Script = [
    *TO_THE_PATH,
    ("press", "Let it go", "letgo", "would it still sting?"),
    ("press", "No, it's truly let go", "", "Recorded:"),
]
UNSAFE: Script = [
    *TO_THE_PATH,
    ("press", "It doesn't feel safe to raise", "", "set this moment aside"),
]

# What each answered step stored on the moment, for checking nothing was lost.
EXPECTED_AFTER_PATH = {
    "direction": "to_me",
    "who": "partner",
    "who_name": "Sam",
    "pattern": "phone",
    "observation": "He looked at his phone while I talked about my mum.",
    "intensity": 4,
    "feelings": ["lonely"],
    "needs": ["attention"],
}
