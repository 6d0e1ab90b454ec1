"""Telegram Bot API objects as plain JSON dicts, shaped exactly as Telegram sends them.

python-telegram-bot parses strictly (a missing `is_bot` or `chat_instance` raises), so every
builder here fills in each required field, and nothing Telegram would not send.
"""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

JSON = dict[str, Any]

_file_counter = itertools.count(1)


def user(
    user_id: int,
    first_name: str,
    *,
    is_bot: bool = False,
    username: str | None = None,
    last_name: str | None = None,
    language_code: str | None = None,
) -> JSON:
    obj: JSON = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
    if last_name:
        obj["last_name"] = last_name
    if username:
        obj["username"] = username
    if language_code:
        obj["language_code"] = language_code
    return obj


def bot_user(bot_id: int, first_name: str, username: str) -> JSON:
    """What getMe returns."""
    return {
        **user(bot_id, first_name, is_bot=True, username=username),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def private_chat(person: JSON) -> JSON:
    obj: JSON = {"id": person["id"], "type": "private", "first_name": person["first_name"]}
    for key in ("last_name", "username"):
        if key in person:
            obj[key] = person[key]
    return obj


def group_chat(chat_id: int, title: str, *, supergroup: bool = False) -> JSON:
    return {"id": chat_id, "type": "supergroup" if supergroup else "group", "title": title}


def utf16_len(text: str) -> int:
    """Telegram measures entity offsets in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def command_entities(text: str) -> list[JSON]:
    """The bot_command entity Telegram adds for a message starting with /command."""
    if not text.startswith("/"):
        return []
    head = text.split(maxsplit=1)[0] if text.strip() else text
    if len(head) < 2:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(head)}]


def _file_ids(kind: str) -> tuple[str, str]:
    n = next(_file_counter)
    digest = hashlib.sha1(f"{kind}{n}".encode()).hexdigest()
    return f"{kind[:3].upper()}{digest[:40]}", digest[:16]


def media(kind: str) -> JSON:
    """The message fields for a non-text message of `kind` (sticker, photo, voice...)."""
    fid, uid = _file_ids(kind)
    if kind == "sticker":
        return {
            "sticker": {
                "file_id": fid,
                "file_unique_id": uid,
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
                "emoji": "😀",
            }
        }
    if kind == "photo":
        return {
            "photo": [
                {
                    "file_id": fid,
                    "file_unique_id": uid,
                    "width": 90,
                    "height": 90,
                    "file_size": 1200,
                }
            ]
        }
    if kind == "voice":
        return {
            "voice": {
                "file_id": fid,
                "file_unique_id": uid,
                "duration": 3,
                "mime_type": "audio/ogg",
            }
        }
    if kind == "video_note":
        return {"video_note": {"file_id": fid, "file_unique_id": uid, "length": 240, "duration": 4}}
    if kind == "video":
        return {
            "video": {
                "file_id": fid,
                "file_unique_id": uid,
                "width": 640,
                "height": 360,
                "duration": 5,
            }
        }
    if kind == "animation":
        return {
            "animation": {
                "file_id": fid,
                "file_unique_id": uid,
                "width": 320,
                "height": 240,
                "duration": 2,
            }
        }
    if kind == "audio":
        return {"audio": {"file_id": fid, "file_unique_id": uid, "duration": 120}}
    if kind == "document":
        return {
            "document": {
                "file_id": fid,
                "file_unique_id": uid,
                "file_name": "notes.pdf",
                "mime_type": "application/pdf",
            }
        }
    if kind == "location":
        return {"location": {"latitude": 52.52, "longitude": 13.405}}
    if kind == "venue":
        return {
            "venue": {
                "location": {"latitude": 48.8584, "longitude": 2.2945},
                "title": "Eiffel Tower",
                "address": "Champ de Mars, Paris",
            }
        }
    if kind == "contact":
        return {"contact": {"phone_number": "+15550100", "first_name": "Sam"}}
    if kind == "dice":
        return {"dice": {"emoji": "🎲", "value": 4}}
    if kind == "poll":
        return {
            "poll": {
                "id": uid,
                "question": "Tea or coffee?",
                "options": [
                    {"text": "Tea", "voter_count": 0, "persistent_id": "1"},
                    {"text": "Coffee", "voter_count": 0, "persistent_id": "2"},
                ],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": True,
                "type": "regular",
                "allows_multiple_answers": False,
                "allows_revoting": True,
                "members_only": False,
            }
        }
    raise ValueError(f"unknown media kind {kind!r}")


MEDIA_KINDS = (
    "sticker",
    "photo",
    "voice",
    "video_note",
    "video",
    "animation",
    "audio",
    "document",
    "location",
    "venue",
    "contact",
    "dice",
    "poll",
)


def member(person: JSON, status: str) -> JSON:
    """A ChatMember with `status`: member, left, kicked (banned), administrator, creator."""
    obj: JSON = {"status": status, "user": person}
    if status == "kicked":
        obj["until_date"] = 0
    elif status == "administrator":
        obj.update(
            can_be_edited=False,
            is_anonymous=False,
            can_manage_chat=True,
            can_delete_messages=False,
            can_manage_video_chats=False,
            can_restrict_members=False,
            can_promote_members=False,
            can_change_info=False,
            can_invite_users=True,
            can_post_stories=False,
            can_edit_stories=False,
            can_delete_stories=False,
        )
    elif status == "creator":
        obj["is_anonymous"] = False
    return obj
