"""What follows a group's chat id when Telegram turns the group into a supergroup."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Checkin, CoupleSpace, RepairBid, ScheduledPrompt


async def move_chat(session: AsyncSession, old: int, new: int, now: datetime) -> None:
    """Move everything kept under the group's old id to its new one: the couple's space, its
    check-ins and repair bids, and the prompts still to send there. Telegram tells us either
    with a service message (`migrate_to_chat_id`) or by refusing a send (ChatMigrated); both
    end here, so nothing is left behind under the old id."""
    await session.execute(update(CoupleSpace).where(CoupleSpace.chat_id == old).values(chat_id=new))
    await session.execute(update(Checkin).where(Checkin.chat_id == old).values(chat_id=new))
    await session.execute(update(RepairBid).where(RepairBid.chat_id == old).values(chat_id=new))
    await session.execute(
        update(ScheduledPrompt)
        .where(ScheduledPrompt.chat_id == old)
        .values(chat_id=new, updated_at=now)
    )
