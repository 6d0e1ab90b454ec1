"""Shell for two people: linking, the couple's group, check-in answers, repair bids, thanks.

Every group button is checked against who pressed it: a card meant for one partner answers
anyone else with "this one is for <name>" and does nothing.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import ChatMember, ChatMemberRestricted
from telegram.error import TelegramError

from bot.content import catalogue
from bot.domain import couples, safety, schedule
from bot.domain.callbacks import FlowPress, decode, row_id
from bot.domain.couples import ROUND, THANKS, RecordThanks, ShareText
from bot.domain.flow import Partner, TextInput
from bot.domain.replies import Button, Reply, rows
from bot.scheduling import store as prompt_store
from bot.scheduling.couple_plans import (
    WEEKLY_ASK,
    checkin_prefs,
    plan_checkin_close,
    plan_round_close,
    plan_space_prompts,
    weekly_ask_key,
    went_out_to,
)
from bot.storage import chats
from bot.storage import couples as store
from bot.storage.models import (
    Appreciation,
    Checkin,
    CoupleSpace,
    PartnerLink,
    RepairBid,
    User,
)
from bot.telegram import flow_runner
from bot.telegram import safety as safety_shell
from bot.telegram.render import render_text
from bot.telegram.turn import Outgoing, Turn, to_private

log = logging.getLogger(__name__)

MENU_KINDS = ("lk", "ul", "pair", "gs", "ci", "bd", "wr")


async def partner_of(turn: Turn, *, to_group: bool | None = None) -> Partner | None:
    """The person's partner as their flows may see it (name, reachability, and their time
    now when it is in their quiet hours: the send card says so). Before their words are
    posted in the group (`to_group`; unsaid, when this update is a press of "Post in our
    group"), the group is theirs only while it holds just the two of them: Telegram is asked
    once a turn (`just_the_two`), by whichever asks first, the flow drawing its card or
    `share` sending what it confirmed."""
    link = await store.active_link(turn.session, turn.user.id)
    if link is None or link.partner_id is None:
        return None
    other = await turn.session.get(User, store.other(link, turn.user.id))
    if other is None:
        return None
    space = await store.active_space(turn.session, link.id)
    reachable = other.started_at is not None and other.blocked_at is None
    night = schedule.night_now(turn.now, prompt_store.prefs_of(other))
    chat = space.chat_id if space else None
    if to_group is None:
        to_group = _pressed_post_in_group(turn)
    if space is not None and to_group:
        # About to post their words in the group: only while it is still just the two of them
        # (a join or a leave the bot never heard of, while it was down, say). Otherwise the
        # group is not theirs to post in now, and the card says so (couples.why_gone).
        asked = space.chat_id in turn.group_checked
        alone = await just_the_two(turn, space)
        if alone is None and not asked:  # said once, by the first to ask
            turn.toast(turn.content.text("send.group_unchecked"), alert=True)
        if not alone:
            chat = None
    return Partner(other.id, other.display_name, reachable, chat, night_at=night)


def _pressed_post_in_group(turn: Turn) -> bool:
    """Whether this update is a press of a card's "Post in our group" (in the private chat)."""
    query = turn.update.callback_query
    press = decode(query.data) if query is not None else None
    return turn.in_private and isinstance(press, FlowPress) and press.option == "group"


async def just_the_two(turn: Turn, space: CoupleSpace) -> bool | None:
    """Whether the space's group holds just the two partners and the bot, asked of Telegram
    before something private is posted there: True; False when someone else is in it or a
    partner is not (the space pauses, as when the bot sees someone join or leave); None when
    Telegram can't say just now (nothing private is posted on a guess). Asked once a turn."""
    checked = turn.group_checked
    if space.chat_id not in checked:
        checked[space.chat_id] = await _ask_who_is_there(turn, space)
    return checked[space.chat_id]


async def _ask_who_is_there(turn: Turn, space: CoupleSpace) -> bool | None:
    """`just_the_two`, asked of Telegram: how many are in the group, and whether each partner
    still is one of them (a partner who left and someone else who joined, both unseen, leave
    the count as it was)."""
    couple = await store.couple_of(turn.session, space)
    if couple is None:  # not an active couple's space (any more): nothing is posted there
        return False
    bot = turn.update.get_bot()
    try:
        count = await bot.get_chat_member_count(space.chat_id)
    except TelegramError:
        return None
    if count > 3:  # two partners and the bot: someone else, whoever the partners are
        await not_just_the_two(turn, space, couple, stranger=True)
        return False
    gone: list[User] = []
    unknown = 0
    for partner in couple:
        try:
            member = await bot.get_chat_member(space.chat_id, partner.id)
        except TelegramError:
            unknown += 1  # not known: they may be there
            continue
        if not _still_in(member):
            gone.append(partner)
    present = len(couple) - len(gone) - unknown
    # Beside the bot and the partners known to be there, a place for each partner not known.
    stranger = count - 1 - present > unknown
    if gone or stranger:
        await not_just_the_two(turn, space, couple, gone=gone, stranger=stranger)
        return False
    return None if unknown else True


def _still_in(member: ChatMember) -> bool:
    """Whether a member of a group, as Telegram describes them, is in it now (one restricted
    there may have left it, and stays restricted for when they come back)."""
    if isinstance(member, ChatMemberRestricted):
        return member.is_member
    return member.status not in ("left", "kicked")


async def not_just_the_two(
    turn: Turn,
    space: CoupleSpace,
    couple: tuple[User, User],
    *,
    gone: Sequence[User] = (),
    stranger: bool = False,
) -> None:
    """The group no longer holds just the two of them: `gone` left it, or (`stranger`)
    someone else is in it. Anyone: another bot is an audience too, as its owner can read what
    it sees. The space pauses, and each partner is told privately why in their own words (the
    one who left hears "you left"); someone else in it is also said in the group, where the
    space stops. Whether the bot saw it happen (`members_changed`) or finds it out before a
    post (`just_the_two`)."""
    c = turn.content
    a, b = couple
    if stranger:
        third = c.text("group.third_member", a=a.display_name, b=b.display_name)
        turn.say(Reply(third), chat_id=space.chat_id)
    left = {person.id for person in gone}
    reasons = {}
    for person, other in ((a, b), (b, a)):
        if person.id in left:
            reasons[person.id] = c.text("group.reason_you_left")
        elif other.id in left:
            reasons[person.id] = c.text("group.reason_left", name=other.display_name)
        else:
            reasons[person.id] = c.text("group.reason_third")
    await pause_space(turn, space, reasons)


async def someone_elses_quiet_hours(turn: Turn, user_id: int) -> bool:
    """Whether a message to `user_id` goes to someone else than the person acting, in their
    quiet hours now: it arrives without a sound."""
    if user_id == turn.user.id:
        return False
    person = await turn.session.get(User, user_id)
    return person is not None and quiet_now(turn, person)


def quiet_now(turn: Turn, person: User) -> bool:
    """Whether it is `person`'s quiet hours now: what someone else's doing sends them then
    arrives without a sound (it still arrives at once; nothing of it waits for morning)."""
    return schedule.night_now(turn.now, prompt_store.prefs_of(person)) is not None


# ------------------------------------------------------------------ linking (private)


async def invite(turn: Turn) -> None:
    c = turn.content
    link = await store.active_link(turn.session, turn.user.id)
    if link is not None:
        other = await turn.session.get(User, store.other(link, turn.user.id))
        turn.text("link.already", name=other.display_name if other else "")
        return
    for old in await store.pending_invites(turn.session, turn.user.id):
        old.status, old.token_hash = "expired", None  # one live invite at a time
    token = secrets.token_urlsafe(24)
    turn.session.add(
        PartnerLink(
            inviter_id=turn.user.id,
            token_hash=couples.token_hash(token),
            status="pending",
            expires_at=turn.now + couples.INVITE_TTL,
            created_at=turn.now,
        )
    )
    url = turn.private_link(couples.INVITE_PREFIX + token)
    turn.say(Reply(c.text("link.invite", url=url)))


async def open_invite(turn: Turn, token: str | None) -> None:
    """A partner's invite link; `token` is None when the link is not one we could have made
    (cut short, or made up), which is answered as a spent one is."""
    link = None
    if token is not None:
        link = await store.link_by_token(turn.session, couples.token_hash(token))
    if link is not None:
        store.expire_if_due(link, turn.now)
    if link is None or link.status != "pending":
        turn.text("link.invalid")
        await flow_runner.set_up_if_new(turn)  # someone new came for Mend all the same
        return
    if link.inviter_id == turn.user.id:
        turn.text("link.self")
        return
    if await store.active_link(turn.session, turn.user.id) is not None:
        mine = await store.active_link(turn.session, turn.user.id)
        assert mine is not None
        other = await turn.session.get(User, store.other(mine, turn.user.id))
        turn.text("link.already", name=other.display_name if other else "")
        return
    if link.opened_by is not None and link.opened_by != turn.user.id:
        # A forwarded link: whoever opened it first keeps it; the inviter can send a new one.
        turn.text("link.taken")
        return
    link.opened_by = turn.user.id
    await _show_invite(turn, link, "link.offer")


async def _show_invite(turn: Turn, link: PartnerLink, key: str) -> None:
    """The invite's card: `key` says who invited them (their name as they gave it to Mend)."""
    c = turn.content
    inviter = await turn.session.get(User, link.inviter_id)
    name = inviter.display_name if inviter else ""
    buttons = rows(
        Button(c.text("link.accept", name=name), f"lk.yes.{link.id}", menu=True),
        Button(c.text("link.decline"), f"lk.no.{link.id}", menu=True),
    )
    turn.say(Reply(c.text(key, name=name), buttons))


async def answer_invite(turn: Turn, choice: str, link_id: int) -> None:
    c = turn.content
    link = await turn.session.get(PartnerLink, link_id)
    if link is not None:
        store.expire_if_due(link, turn.now)
    if link is None or link.status != "pending" or link.opened_by != turn.user.id:
        turn.toast(c.text("link.invalid"))
        return
    inviter = await turn.session.get(User, link.inviter_id)
    assert inviter is not None
    if choice == "no":
        link.status, link.token_hash = "declined", None
        turn.say(Reply(c.text("link.declined"), edit=True))
        turn.say(
            Reply(c.text("link.declined_inviter", name=turn.user.display_name)),
            chat_id=inviter.id,
            silent=quiet_now(turn, inviter),
        )
        return
    if (
        await store.active_link(turn.session, inviter.id) is not None
        or await store.active_link(turn.session, turn.user.id) is not None
    ):
        link.status, link.token_hash = "expired", None
        turn.toast(c.text("link.invalid"))
        return
    link.status, link.partner_id, link.accepted_at = "active", turn.user.id, turn.now
    link.token_hash = None  # single use
    turn.say(Reply(c.text("link.linked", name=inviter.display_name), edit=True))
    turn.say(
        Reply(c.text("link.linked", name=turn.user.display_name)),
        chat_id=inviter.id,
        silent=quiet_now(turn, inviter),
    )
    await flow_runner.set_up_if_new(turn)  # came by the invite link, never through /start


async def typed_invite_answer(turn: Turn, words: str) -> bool:
    """A "yes" or "no" typed outside any flow by someone with an invite open in front of them
    ("Link with Ana?"; "ok sure", "sure, link us" too): answered as its buttons would be. A
    question about it ("who is this from?") shows its card again, saying who made it and what
    linking means. False if it is none of these (couples.invite_answer), or there is no such
    invite: the words are read as usual."""
    answer = couples.invite_answer(words, turn.content)
    if answer is None or not turn.in_private:
        return False
    link = await store.opened_invite(turn.session, turn.user.id)
    if link is None or store.expire_if_due(link, turn.now):
        return False
    if answer == couples.INVITE_QUESTION:
        await _show_invite(turn, link, "link.offer_again")
        return True
    await answer_invite(turn, answer, link.id)
    return True


async def unlink(turn: Turn) -> None:
    c = turn.content
    link = await store.active_link(turn.session, turn.user.id)
    if link is None:
        turn.text("link.not_linked")
        return
    other = await turn.session.get(User, store.other(link, turn.user.id))
    buttons = rows(
        Button(c.text("link.unlink_yes"), f"ul.yes.{link.id}", menu=True),
        Button(c.text("link.unlink_no"), f"ul.no.{link.id}", menu=True),
    )
    # A group space to pause is spoken of only when there is one (as the reply after says).
    spaced = await store.active_space(turn.session, link.id) is not None
    ask = "link.unlink_ask" if spaced else "link.unlink_ask_no_space"
    turn.say(Reply(c.text(ask, name=other.display_name if other else ""), buttons))


async def answer_unlink(turn: Turn, choice: str, link_id: int) -> None:
    c = turn.content
    link = await turn.session.get(PartnerLink, link_id)
    if (
        link is None
        or link.status != "active"
        or turn.user.id not in (link.inviter_id, link.partner_id)
    ):
        turn.toast(c.text("shell.expired"))
        return
    if choice != "yes":
        turn.say(Reply(c.text("link.kept"), edit=True))
        return
    other_id = store.other(link, turn.user.id)
    link.status, link.ended_at = "ended", turn.now
    paused = False
    for space in await store.spaces_of_link(turn.session, link.id):
        await close_open_cards(turn, space)  # the couple's cards end with their link
        if space.status in ("active", "pairing"):
            paused = paused or space.status == "active"
            await pause_space(turn, space)  # said below, in the same message as the link
    suffix = "_space" if paused else ""
    turn.say(Reply(c.text(f"link.unlinked{suffix}"), edit=True))
    other = await turn.session.get(User, other_id)
    turn.say(
        Reply(c.text(f"link.unlinked_partner{suffix}", name=turn.user.display_name)),
        chat_id=other_id,
        silent=other is not None and quiet_now(turn, other),
    )


# ------------------------------------------------------------------ the group


async def bot_added(turn: Turn) -> None:
    c = turn.content
    space = await store.space_for_chat(turn.session, turn.chat_id)
    if space is not None and space.status == "removed":
        space.status, space.confirmed = "pairing", []  # added back: pair again to resume
    pair = Button(c.text("group.pair"), "pair", menu=True)
    start = Button(c.text("group.start_private"), url=turn.private_link())
    turn.say(Reply(c.text("group.intro"), rows(pair, start)))


async def bot_removed(turn: Turn) -> None:
    space = await store.space_for_chat(turn.session, turn.chat_id)
    await prompt_store.cancel_for_chat(turn.session, turn.chat_id, "bot removed", turn.now)
    if space is None or space.status == "removed":
        return
    space.status = "removed"
    title = turn.update.effective_chat.title if turn.update.effective_chat else ""
    link = await store.link_of(turn.session, space)
    if link is not None and link.partner_id is not None:
        for uid in (link.inviter_id, link.partner_id):
            turn.say(
                Reply(turn.content.text("group.removed_private", title=title or "")),
                chat_id=uid,
                silent=await someone_elses_quiet_hours(turn, uid),
            )


async def pause_space(
    turn: Turn, space: CoupleSpace, reasons: dict[int, str] | None = None
) -> None:
    """Pause a shared space: its prompts stop. With `reasons` (each partner's own words, so
    the one who left hears "you left"), both partners are told privately."""
    if space.status == "paused":
        return
    space.status = "paused"
    await prompt_store.cancel_for_chat(turn.session, space.chat_id, "space paused", turn.now)
    chat = turn.update.effective_chat
    # The title is known only from an update in that group: no column keeps it.
    title = chat.title if chat is not None and chat.id == space.chat_id else None
    for uid, reason in (reasons or {}).items():
        if title:
            text = turn.content.text("group.paused_private", title=title, reason=reason)
        else:
            text = turn.content.text("group.paused_private_untitled", reason=reason)
        turn.say(Reply(text), chat_id=uid, silent=await someone_elses_quiet_hours(turn, uid))


async def members_changed(turn: Turn) -> None:
    """Someone joined or left the group: a third person, or a partner leaving, pauses it."""
    message = turn.update.effective_message
    space = await store.space_for_chat(turn.session, turn.chat_id)
    if message is None or space is None or space.status not in ("active", "pairing"):
        return
    link = await store.link_of(turn.session, space)
    if link is None or link.partner_id is None:
        return
    a, b = await store.partners(turn.session, link)
    partners = {a.id, b.id}
    left = message.left_chat_member
    if left is not None and left.id in partners:
        await not_just_the_two(turn, space, (a, b), gone=[a if left.id == a.id else b])
        return
    # Anyone else joining, a bot too (`not_just_the_two`); Mend itself added is `bot_added`.
    me = turn.update.get_bot().id
    joined = [m for m in message.new_chat_members or () if m.id not in partners | {me}]
    if joined:
        await not_just_the_two(turn, space, (a, b), stranger=True)


async def chat_migrated(turn: Turn, old: int, new: int) -> None:
    """A group became a supergroup: what we keep under its id follows the new one."""
    await chats.move_chat(turn.session, old, new, turn.now)


async def pair(turn: Turn) -> None:
    c = turn.content
    link = await store.active_link(turn.session, turn.user.id)
    if link is None:  # a tap says it to the one who tapped, not to the whole group
        turn.notice(c.text("group.not_linked"))
        return
    if turn.user.started_at is None:
        text = c.text("group.not_started", name=turn.user.display_name)
        turn.say(to_private(turn, text, label="group.start_private"))
        return
    space = await store.space_for_chat(turn.session, turn.chat_id)
    a, b = await store.partners(turn.session, link)
    if space is not None and space.link_id == link.id and space.status == "active":
        # A second tap, or /pair again: nothing to ask Telegram (a third member would have
        # paused the space).
        turn.notice(c.text("group.already_paired", a=a.display_name, b=b.display_name))
        return
    try:
        count = await turn.update.get_bot().get_chat_member_count(turn.chat_id)
    except TelegramError:
        # Not known (a server error, a flood wait, a timeout): never paired on a guess, as a
        # group with someone else in it would get the couple's private words. Asked again on
        # the next tap.
        turn.notice(c.text("group.count_unknown"))
        return
    if count > 3:  # two partners and the bot
        turn.notice(c.text("group.too_many"))
        return
    waiting_for = b if turn.user.id == a.id else a
    if not await _in_group(turn, waiting_for.id):
        # An old group of an earlier link, say: its people are not told who the partner is.
        turn.notice(c.text("group.partner_not_here"))
        return
    if space is None:
        space = CoupleSpace(
            chat_id=turn.chat_id,
            link_id=link.id,
            status="pairing",
            confirmed=[],
            created_at=turn.now,
            updated_at=turn.now,
        )
        turn.session.add(space)
    if space.link_id != link.id:
        # The group of an earlier link (another partner, or the two before they linked
        # again): what was left open there was that couple's, and closes unshown.
        await close_open_cards(turn, space, link_ended=False)
    if space.link_id != link.id or space.status in ("paused", "removed"):
        space.link_id, space.confirmed, space.status = link.id, [], "pairing"
    if str(turn.user.id) in space.confirmed:
        turn.notice(c.text("group.still_waiting", partner=waiting_for.display_name))
        return
    confirmed = set(space.confirmed) | {str(turn.user.id)}
    space.confirmed = sorted(confirmed)
    if {str(a.id), str(b.id)} <= confirmed:
        for other in await store.spaces_of_link(turn.session, link.id):
            if other is not space and other.status == "active":  # one shared space per couple
                await pause_space(turn, other)
                moved = c.text("group.moved", a=a.display_name, b=b.display_name)
                turn.say(Reply(moved), chat_id=other.chat_id)
        space.status = "active"
        await turn.session.flush()
        # Paired again (after a pause, a removal or a new link): what its settings say is on
        # comes back, and a check-in left open has its close again.
        await reschedule_space(turn, space, turn.user)
        await _revive_closes(turn, space)
        paired = c.text("group.paired", a=a.display_name, b=b.display_name)
        if space.checkin_on or space.weekly_on:
            paired = f"{paired}\n\n{c.text('group.resumed')}"
        turn.say(Reply(paired))
        return
    turn.text("group.waiting", name=turn.user.display_name, partner=waiting_for.display_name)


async def _in_group(turn: Turn, user_id: int) -> bool:
    """Whether `user_id` is a member of this group now (a partner must be, to pair it)."""
    try:
        member = await turn.update.get_bot().get_chat_member(turn.chat_id, user_id)
    except TelegramError:
        return False  # not found, or not known: not paired on a guess
    return _still_in(member)


async def _revive_closes(turn: Turn, space: CoupleSpace) -> None:
    link = await store.link_of(turn.session, space)
    for checkin in await store.open_checkins(turn.session, space.id):
        if link is None or not store.of_link(link, checkin.created_at):
            _close_checkin(turn, checkin)  # another couple's card: never reopened for this one
            continue
        await plan_checkin_close(
            turn.session, space, checkin.local_date, turn.user.id, turn.now, revive=True
        )


async def close_open_cards(turn: Turn, space: CoupleSpace, *, link_ended: bool = True) -> None:
    """The link the space was paired with has ended, or (`link_ended=False`) the space is paired
    with another one: its check-ins still open close unrevealed (a lone answer is dropped, as at
    their close), and its weekly round still open closes (a lone answer stays its author's own
    thanks). Nothing of one couple can then be completed by, or shown with, another couple's
    answers. A link ending pauses an active space: its group is told so, in one line."""
    for checkin in await store.open_checkins(turn.session, space.id, unsent=True):
        _close_checkin(turn, checkin, link_ended=link_ended)
    if link_ended and space.status == "active":
        turn.say(Reply(turn.content.text("group.paused_unlinked")), chat_id=space.chat_id)
    # Only a round still open matters: answers older than any open round's are not read.
    since = turn.now - couples.ROUND_ANSWERS_WITHIN
    answers = await store.round_answers(turn.session, space.id, since=since)
    authors: dict[str, set[int]] = {}
    for answer in answers:
        assert answer.round_key is not None
        authors.setdefault(answer.round_key, set()).add(answer.author_id)
    for answer in answers:
        assert answer.round_key is not None
        day = _round_day(answer.round_key)
        if len(authors[answer.round_key]) > 1 or day is None:
            continue  # posted already (both answered): a round of the past
        if couples.round_open(day, space.checkin_zone, turn.now):
            answer.round_key = answer.space_id = None
    # Its asks out take no answer typed straight in any more (one still to go out is not sent:
    # see CouplePrompts._weekly_ask).
    await store.close_asks(turn.session, f"{WEEKLY_ASK}:{space.id}:", turn.now)


def _close_checkin(
    turn: Turn, checkin: Checkin, *, link_ended: bool = False, not_two: bool = False
) -> None:
    """Close a check-in unrevealed now, as its morning close would: the answers are dropped and
    its card (in the group, wherever this is said) says it closed (or why: the link ended, the
    group is not just the two of them), with no buttons."""
    key = couples.closed_key(checkin.answers, link_ended=link_ended, not_two=not_two)
    text, parse_mode = render_text(Reply(turn.content.text(key)))
    checkin.status, checkin.answers, checkin.closed_at = "closed", {}, turn.now
    if checkin.message_id is not None:
        turn.outbox.append(
            Outgoing("edit", checkin.chat_id, text, None, parse_mode, message_id=checkin.message_id)
        )


async def _my_space(
    turn: Turn, space_id: int | None = None
) -> tuple[CoupleSpace, User, User] | None:
    """The active space of this group and its partners, if the presser is one of them;
    otherwise says why and returns None."""
    c = turn.content
    space = (
        await turn.session.get(CoupleSpace, space_id)
        if space_id is not None
        else await store.space_for_chat(turn.session, turn.chat_id)
    )
    couple = await store.couple_of(turn.session, space)
    if space is not None and couple is None and space.status == "paused":
        turn.notice(await _why_paused(turn, space))
        return None
    if space is None or couple is None:
        turn.notice(c.text("group.not_paired"))
        return None
    a, b = couple
    if turn.user.id not in (a.id, b.id):
        # Posted as the group (an admin who stays anonymous): which of them it is, unknown.
        key = "group.anonymous" if turn.as_the_group else "group.not_for_you_both"
        turn.notice(c.text(key, a=a.display_name, b=b.display_name))
        return None
    return space, a, b


async def _why_paused(turn: Turn, space: CoupleSpace) -> str:
    """One line for a paused space, saying why as its pause notices did: the link ended,
    the couple paired another group, or someone else is in this one. Nothing keeps why a
    space paused, so it is worked out from how things stand now; a pause whose cause has
    gone (someone left and came back, or the two linked again after /unlink) says only how to
    pick it up again."""
    c = turn.content
    paired = await store.link_of(turn.session, space)
    link = await store.relinked(turn.session, paired) if paired is not None else None
    if link is None:
        return c.text("group.paused_unlinked")
    elsewhere = await store.active_space(turn.session, link.id)
    if elsewhere is not None and elsewhere.id != space.id:
        a, b = await store.partners(turn.session, link)
        return c.text("group.moved", a=a.display_name, b=b.display_name)
    try:
        count = await turn.update.get_bot().get_chat_member_count(space.chat_id)
    except TelegramError:
        count = 0  # not known: say only how to pick it up again
    return c.text("group.paused_third" if count > 3 else "group.paused")  # two and the bot


async def group_settings(turn: Turn) -> None:
    found = await _my_space(turn)
    if found is not None:
        turn.say(_settings_card(turn, *found, edit=False))


def _settings_card(turn: Turn, space: CoupleSpace, a: User, b: User, edit: bool = True) -> Reply:
    c = turn.content
    zone = space.checkin_zone or "UTC"
    # Each time is said by the space's clock (which the schedule goes by), then by a partner's
    # own when theirs shows something else then.
    others = (a.timezone, b.timezone)
    checkin, weekly = c.text("group.off"), c.text("group.off")
    if space.checkin_on:
        at = time.fromisoformat(space.checkin_at)
        day = couples.next_day_at(turn.now, at, zone)
        also = "".join(couples.also_in(c, day, at, zone, others))
        checkin = c.text("group.checkin_on", time=space.checkin_at, zone=zone) + also
    if space.weekly_on:
        day, _ = couples.next_weekly(turn.now, zone)
        also = "".join(couples.also_in(c, day, couples.WEEKLY_AT, zone, others))
        weekly_at = couples.WEEKLY_AT.strftime("%H:%M")
        weekly = c.text("group.on", time=weekly_at, zone=zone) + also
    sid = space.id
    buttons = [
        Button(
            c.text(
                "group.checkin_toggle_off" if space.checkin_on else "group.checkin_toggle_on",
                time=space.checkin_at,
            ),
            f"gs.cin{0 if space.checkin_on else 1}.{sid}",  # the state it sets, not a toggle
            menu=True,
        ),
        Button(c.text("group.checkin_time"), f"gs.time.{sid}", menu=True),
        Button(
            c.text("group.weekly_toggle_off" if space.weekly_on else "group.weekly_toggle_on"),
            f"gs.week{0 if space.weekly_on else 1}.{sid}",
            menu=True,
        ),
    ]
    # Partners in different zones: either of them can move the space to the other's clock.
    zones = [
        Button(
            c.text("group.use_zone", name=person.display_name, zone=person.timezone),
            f"gs.z{side}.{sid}",
            menu=True,
        )
        for side, person in (("a", a), ("b", b))
        if (space.checkin_on or space.weekly_on)
        and person.timezone
        and person.timezone != space.checkin_zone
    ]
    done = Button(c.text("group.done"), f"gs.done.{sid}", menu=True)
    text = c.text(
        "group.settings", a=a.display_name, b=b.display_name, checkin=checkin, weekly=weekly
    )
    if not zones:
        return Reply(text, rows(*buttons, done, width=2), edit=edit)
    return Reply(text, (*rows(*buttons, width=2), *rows(*zones), (done,)), edit=edit)


# The settings card's on/off buttons: each carries the state it sets.
SETTINGS_SWITCHES = ("cin1", "cin0", "week1", "week0")


async def answer_settings(turn: Turn, action: str, space_id: int) -> None:
    shown_in = await turn.session.get(CoupleSpace, space_id)
    if shown_in is None or shown_in.chat_id != turn.chat_id:
        # A settings card counts only in its own group: pressed (forged) anywhere else, it
        # would draw the couple's names, times and zones there.
        turn.toast(turn.content.text("shell.expired"))
        return
    found = await _my_space(turn, space_id)
    if found is None:
        return
    space, a, b = found
    c = turn.content
    if action == "done":
        turn.say(Reply(c.text("group.saved"), edit=True))
        return
    if action == "time":
        times = [
            Button(t, f"gs.t{t.replace(':', '')}.{space.id}", menu=True)
            for t in couples.CHECKIN_TIMES
        ]
        back = Button(c.text("group.back"), f"gs.back.{space.id}", menu=True)
        keys = (*rows(*times, width=4), (back,))
        turn.say(Reply(c.text("group.ask_time"), keys, edit=True))
        return
    if action == "back":  # from the time card: the same settings, so nothing to plan again
        turn.say(_settings_card(turn, space, a, b))
        return
    clock = f"{action[1:3]}:{action[3:]}" if action.startswith("t") else None
    # "cin"/"week" alone are toggles from cards sent before the buttons said what they set:
    # expired, as a toggle pressed on an old card could undo what the partner just chose.
    if action not in (*SETTINGS_SWITCHES, "za", "zb") and clock not in couples.CHECKIN_TIMES:
        turn.toast(c.text("shell.expired"))
        return
    if action in SETTINGS_SWITCHES:
        wanted = action.endswith("1")
        now_on = space.checkin_on if action.startswith("cin") else space.weekly_on
        if wanted == now_on:  # an older card: so it is already; the card catches up
            turn.toast(c.text("group.already_on" if now_on else "group.already_off"))
            turn.say(_settings_card(turn, space, a, b))
            return
    # The check-in goes by the clock of whoever turns it on or sets its time; the weekly round
    # takes the space's. Someone who never gave a zone does not make it a silent UTC.
    partner = b if turn.user.id == a.id else a
    checkin_on = clock is not None or action == "cin1"
    weekly_on = action == "week1"
    zone = space.checkin_zone
    if checkin_on:
        zone = turn.user.timezone or zone or partner.timezone
    elif weekly_on:
        zone = zone or turn.user.timezone or partner.timezone
    elif action in ("za", "zb"):
        zone = (a if action == "za" else b).timezone or zone
    if zone is None and (checkin_on or weekly_on):
        turn.toast(c.text("group.no_zone", name=turn.user.display_name), alert=True)
        return
    before = (space.checkin_on, space.checkin_at, space.checkin_zone, space.weekly_on)
    space.checkin_zone = zone
    if action.startswith("cin"):
        space.checkin_on = checkin_on
    elif action.startswith("week"):
        space.weekly_on = weekly_on
    elif clock is not None:
        space.checkin_at, space.checkin_on = clock, True
    if (space.checkin_on, space.checkin_at, space.checkin_zone, space.weekly_on) != before:
        await reschedule_space(turn, space, a)  # only a change plans the prompts again
    turn.say(_settings_card(turn, space, a, b))


async def reschedule_space(turn: Turn, space: CoupleSpace, owner: User) -> None:
    """The space's next check-in and weekly round, as its settings say."""
    await prompt_store.cancel_for_chat(
        turn.session, space.chat_id, "rescheduled", turn.now, kinds=("checkin", "weekly")
    )
    await plan_space_prompts(turn.session, space, owner.id, turn.now)


# ------------------------------------------------------------------ check-in answers


async def answer_checkin(turn: Turn, value: str, checkin_id: int) -> None:
    c = turn.content
    checkin = await turn.session.get(Checkin, checkin_id)
    space = await turn.session.get(CoupleSpace, checkin.space_id) if checkin else None
    if (
        checkin is None
        or space is None
        or checkin.status != "open"
        or not (value.isascii() and value.isdigit())
        or not _on_its_card(turn, checkin, space)
    ):
        turn.toast(c.text("shell.expired"))
        return
    found = await _my_space(turn, checkin.space_id)
    if found is None:
        return
    _, a, b = found
    link = await store.link_of(turn.session, space)
    if link is None or not store.of_link(link, checkin.created_at):
        # A card from before this couple's link (the group paired again with a new partner):
        # it takes no answer, so answers of two couples never meet on one card.
        turn.toast(c.text("shell.expired"))
        return
    answers = dict(checkin.answers)
    changed = str(turn.user.id) in answers
    answers[str(turn.user.id)] = max(1, min(5, int(value)))
    checkin.answers = answers
    names = {a.id: a.display_name, b.id: b.display_name}
    if {str(a.id), str(b.id)} <= set(answers):
        # Both answers are about to be shown in the group: only while it holds just the two
        # (someone may have joined unseen). Else it closes unrevealed, and the space pauses
        # (`not_just_the_two`, reached through `just_the_two`, tells them why); if Telegram
        # can't say, both stay hidden, kept, until a tap finds out.
        alone = await just_the_two(turn, space)
        if alone is None:
            turn.toast(c.text("checkin.reveal_unchecked"))
            turn.say(couples.checkin_card(checkin.id, names, answers, checkin.status, c))
            return
        if not alone:
            _close_checkin(turn, checkin, not_two=True)
            turn.toast(c.text("checkin.closed_not_two"))
            return
        checkin.status = "revealed"
    partner = b if turn.user.id == a.id else a
    if checkin.status == "revealed":
        turn.toast(c.text("checkin.both_answered"))
    elif changed:
        turn.toast(c.text("checkin.changed"))
    else:
        turn.toast(c.text("checkin.thanks_answer", partner=partner.display_name))
    turn.say(couples.checkin_card(checkin.id, names, answers, checkin.status, c))


def _on_its_card(turn: Turn, checkin: Checkin, space: CoupleSpace) -> bool:
    """Whether a check-in's button was pressed on its own card in the space's group. A press
    anywhere else (forged, in another chat) counts for nothing: the card it would draw, with
    the answers on it, is never drawn over a message in another chat."""
    if turn.chat_id != space.chat_id or turn.chat_id != checkin.chat_id:
        return False
    return checkin.message_id is None or turn.pressed_message_id == checkin.message_id


# ------------------------------------------------------------------ repair bids


async def group_repair(turn: Turn) -> None:
    c = turn.content
    found = await _my_space(turn)
    if found is None:
        return
    space, a, b = found
    partner = b if turn.user.id == a.id else a
    # Words after the command ("/repair I messed up at dinner"), through the safety screen
    # already (turn_handler: safety.screened_command): the card never carries them, and the
    # asker is told so privately, once, if Mend can write to them there.
    words = safety_shell.command_words(turn)
    reachable = turn.user.started_at is not None and turn.user.blocked_at is None
    since = turn.now - couples.BID_OPEN_FOR
    if await store.open_bid(turn.session, turn.user.id, partner.id, space.chat_id, since):
        turn.text("bid.still_open", partner=partner.display_name)  # one open bid at a time
        if words and reachable:
            turn.say(Reply(c.text("bid.words_kept")), chat_id=turn.user.id)
        return
    bid = RepairBid(
        from_user=turn.user.id, to_user=partner.id, chat_id=space.chat_id, created_at=turn.now
    )
    turn.session.add(bid)
    await turn.session.flush()
    tonight = couples.tonight_possible(turn.now, _asker_zone(turn.user, partner))
    card = couples.bid_card(bid.id, turn.user.display_name, c, tonight=tonight)
    turn.say(card, silent=quiet_now(turn, partner))  # the group: it rings the partner too
    asked = "bid.asked_words" if words and reachable else "bid.asked"
    if turn.user.started_at is not None:
        turn.say(Reply(c.text(asked, partner=partner.display_name)), chat_id=turn.user.id)


async def answer_bid(turn: Turn, choice: str, bid_id: int) -> None:
    c = turn.content
    bid = await turn.session.get(RepairBid, bid_id)
    if bid is None or choice not in couples.BID_CHOICES:
        turn.toast(c.text("shell.expired"))
        if bid is None and choice in couples.BID_CHOICES and turn.pressed_message_id is not None:
            # Erased with one of them (/delete): its card takes no answer, so its buttons go.
            turn.clear_keyboard(turn.pressed_message_id)
        return
    if bid.to_user != turn.user.id:
        to = await turn.session.get(User, bid.to_user)
        turn.toast(c.text("group.not_for_you", name=to.display_name if to else ""))
        return
    if bid.answered_at is not None:
        turn.toast(c.text("evening.answered"))
        return
    link = await store.active_link(turn.session, turn.user.id)
    asker = await turn.session.get(User, bid.from_user)
    if link is None or store.other(link, turn.user.id) != bid.from_user or asker is None:
        # A card from before the link ended: nothing reaches the former partner.
        turn.toast(c.text("bid.link_ended"))
        if turn.pressed_message_id is not None:
            turn.clear_keyboard(turn.pressed_message_id)
        return
    if couples.bid_stale(bid.created_at, turn.now):
        # "I'm open now" a day on would tell the asker something untrue: no one is told. If
        # they have asked again since, that card is the one to answer.
        since = turn.now - couples.BID_OPEN_FOR
        newer = await store.open_bid(turn.session, asker.id, turn.user.id, bid.chat_id, since)
        stale = "bid.stale_asked_again" if newer is not None else "bid.stale"
        turn.toast(c.text(stale, partner=asker.display_name))
        if turn.pressed_message_id is not None:
            turn.clear_keyboard(turn.pressed_message_id)
        return
    # A group card whose space has paused since (someone else is in the group, say): the
    # answer is not said there, but to each of them privately, as for a draft sent privately.
    shared = turn.in_private or await _shared_space_here(turn, link)
    if not shared and (asker.started_at is None or asker.blocked_at is not None):
        space = await store.space_for_chat(turn.session, turn.chat_id)  # no one to tell
        turn.toast(await _why_paused(turn, space) if space else c.text("group.not_paired"))
        return
    bid.answer, bid.answered_at = choice, turn.now
    said = couples.bid_said(choice)
    when = await _remind_later(turn, bid, asker) if said == "later" else ""
    name = turn.user.display_name
    # The card keeps its words (the sender's own message, if it was a draft): only its
    # buttons go, and the answer is said as a message of its own, to whom it is said.
    if turn.pressed_message_id is not None:
        turn.clear_keyboard(turn.pressed_message_id)
    you = Reply(c.text(f"bid.you_{said}", partner=asker.display_name, when=when))
    if turn.in_private:  # a draft sent to them privately
        turn.say(you)
    elif shared:
        turn.text(f"bid.answered_{said}", name=name, when=when)
    else:
        turn.toast(c.text("bid.answered_privately", partner=asker.display_name))
        turn.say(you, chat_id=turn.user.id)
    if asker.started_at is not None:  # the asker hears it privately
        turn.say(
            Reply(c.text(f"bid.told_{said}", name=name, when=when)),
            chat_id=asker.id,
            silent=quiet_now(turn, asker),
        )


async def bid_to_answer(
    session: AsyncSession,
    chat_id: int,
    datas: Sequence[str | None],
    user_id: int,
    now: datetime,
) -> User | None:
    """Who asked the bid whose card (its buttons' `datas`: couples.bid_of_card) is in this
    group, if it is still open for `user_id` to answer: theirs to answer, unanswered, not
    stale, and asked by their partner in the link they still have. Asked before any turn, for
    a reply to Mend's message (handlers.on_group_words)."""
    bid_id = couples.bid_of_card(datas)
    bid = await session.get(RepairBid, bid_id) if bid_id is not None else None
    if (
        bid is None
        or bid.chat_id != chat_id
        or bid.to_user != user_id
        or bid.answered_at is not None
        or couples.bid_stale(bid.created_at, now)
    ):
        return None
    link = await store.active_link(session, user_id)
    if link is None or store.other(link, user_id) != bid.from_user:
        return None
    if not store.of_link(link, bid.created_at):
        return None
    return await session.get(User, bid.from_user)


async def _shared_space_here(turn: Turn, link: PartnerLink) -> bool:
    """Whether this group is the couple's active shared space, where answers may be said."""
    space = await store.space_for_chat(turn.session, turn.chat_id)
    return space is not None and space.status == "active" and space.link_id == link.id


def _asker_zone(asker: User, partner: User) -> str | None:
    return asker.timezone or partner.timezone


async def _remind_later(turn: Turn, bid: RepairBid, asker: User) -> str:
    """Plan the reminder to both of a bid answered "later"; returns when, as a sentence."""
    assert bid.answer is not None
    zone = _asker_zone(asker, turn.user)
    due = couples.bid_reminder_at(bid.answer, bid.created_at, turn.now, zone)
    people = (asker, turn.user)
    prefs = [prompt_store.prefs_of(person) for person in people]
    # Not with an evening check-in (the group's, or either's own): one card at a time.
    link = await store.active_link(turn.session, asker.id)
    space = await store.active_space(turn.session, link.id) if link is not None else None
    group = [checkin] if (checkin := checkin_prefs(space)) is not None else []
    # Both at one time, to talk then, out of both partners' quiet hours (the earliest that
    # suits the asker's evening, or both of them: couples.bid_reminder_together); only if those
    # leave no time in common, each out of their own (a pause is checked when it is due).
    together = couples.bid_reminder_together(bid.answer, bid.created_at, turn.now, zone, prefs)
    if together is not None:
        together = schedule.apart_from_evenings(together, [*prefs, *group], prefs)
    for person, own in zip(people, prefs, strict=True):
        alone = schedule.out_of_quiet_hours(due, own)
        await prompt_store.plan(
            turn.session,
            key=f"bid:{bid.id}:{person.id}",
            kind="bid_later",
            user_id=person.id,
            chat_id=person.id,
            due=together or schedule.apart_from_evenings(alone, [own, *group], [own]),
            now=turn.now,
        )
    # Each on their own clock, and why it waits until tomorrow (couples.reminder_words).
    asked = (asker.display_name, asker.timezone or zone)
    answering = (turn.user.display_name, turn.user.timezone)
    return couples.reminder_words(
        bid.answer, together or due, turn.now, asked, answering, turn.content
    )


async def share(turn: Turn, effect: ShareText) -> None:
    """Deliver what its author confirmed on a card that showed it exactly."""
    c = turn.content
    # Posting in the group: it is checked now, unless it was already this turn (the flow's
    # card drawn for this press asked, `partner_of`): one question to Telegram a post.
    partner = await partner_of(turn, to_group=effect.via == "group")
    if partner is None:
        return
    if effect.to is not None and effect.to != partner.user_id:
        # Confirmed for someone who is no longer the partner: nothing goes to the new one.
        turn.say(Reply(c.text("send.link_changed"), copyable=effect.text))
        return
    if effect.via == "private" and partner.reachable:
        target = partner.user_id
    elif effect.via == "group" and partner.space_chat is not None:
        target = partner.space_chat
    elif effect.via == "group":
        # Not just the two of them (paused now, each told why), or not known just now: the
        # words come back to copy, as from a post that failed.
        turn.say(Reply(c.text("send.group_gone"), copyable=effect.text))
        return
    else:
        turn.text("send.cannot", partner=partner.name)
        return
    name = turn.user.display_name
    refused = Reply(
        c.text(f"send.refused_{effect.via}", partner=partner.name), copyable=effect.text
    )
    unsure = Reply(c.text(f"send.unsure_{effect.via}", partner=partner.name), copyable=effect.text)
    if effect.kind == "repair":
        bid = RepairBid(
            from_user=turn.user.id,
            to_user=partner.user_id,
            chat_id=target,
            text=effect.text,
            created_at=turn.now,
        )
        turn.session.add(bid)
        await turn.session.flush()
        partner_user = await turn.session.get(User, partner.user_id)
        zone = _asker_zone(turn.user, partner_user) if partner_user else turn.user.timezone
        tonight = couples.tonight_possible(turn.now, zone)  # as its reminder will reckon it
        card = couples.bid_card(bid.id, name, c, text=effect.text, tonight=tonight)
        turn.say(
            card,
            chat_id=target,
            if_refused=refused,
            if_unsure=unsure,
            silent=partner.night_at is not None,
        )
    else:
        turn.session.add(
            Appreciation(
                author_id=turn.user.id, text=effect.text, shared_with=target, created_at=turn.now
            )
        )
        turn.say(
            Reply(c.text("thanks.to_partner", name=name), copyable=effect.text),
            chat_id=target,
            if_refused=refused,
            if_unsure=unsure,
            silent=partner.night_at is not None,
        )


# ------------------------------------------------------------------ thanks


async def thanks(turn: Turn, text: str) -> None:
    c = turn.content
    if turn.in_private:
        await private_thanks(turn, text)
        return
    # Whether this group is their space comes first: a group that isn't is told so, whatever
    # the words, as nothing is posted there; danger still gets its help (privately).
    found = await _my_space(turn)
    if found is None:
        if text.strip():
            await safety_shell.help_if_danger(turn, text)
        return
    space, _, _ = found
    if not text.strip():
        turn.text("thanks.group_empty")
        return
    if await safety_shell.not_for_the_group(turn, text):
        return  # screened before anything is posted where the partner reads
    line = " ".join(text.split())[:1000]
    turn.session.add(
        Appreciation(
            author_id=turn.user.id,
            text=line,
            space_id=space.id,
            shared_with=space.chat_id,
            created_at=turn.now,
        )
    )
    turn.say(Reply(c.text("thanks.group_posted", name=turn.user.display_name, text=line)))


async def private_thanks(turn: Turn, text: str) -> None:
    """/thanks privately. With its words (`/thanks for the flowers`, as it is written in the
    group) they answer the first question, which is not asked. The words are screened
    first, as any message is: danger is answered before the thanks begins (a moment in
    progress is set aside), and a worry is asked about, the words never kept as a thanks
    ("/thanks I want to end it" is not something to send anyone)."""
    outcome = THANKS.start(turn.context())
    if not text.strip():
        await flow_runner.start(turn, outcome)
        return
    if safety.screen(text).level != safety.Level.NONE:
        await safety_shell.screened(turn, text, answer=False)
        return
    if await flow_runner.start(turn, replace(outcome, replies=())):  # its question is answered
        await flow_runner.feed(turn, TextInput(text))  # (not begun: a danger check is open)


async def record_thanks(turn: Turn, effect: RecordThanks) -> None:
    """Keep a thanks (private, unless it belongs to a weekly round, which is posted to the
    group once both partners have answered within the round's time). One answer each per
    round: a second one is kept as a private thanks, and the round is not posted again. A
    round's answer counts for it only while the round is its author's couple's: the space
    active, its link the author's and still theirs, the round gone out since they linked (as
    [Write mine] checks, `start_round`); otherwise it is kept just for them."""
    if effect.round_key is None or effect.space_id is None:
        # A /thanks: its flow has said what there is to say.
        turn.session.add(
            Appreciation(author_id=turn.user.id, text=effect.text, created_at=turn.now)
        )
        return
    # The space's row is locked before its answers are read (PostgreSQL; SQLite's writers
    # already come one at a time, database.py): two partners confirming at the same moment
    # are recorded one after the other, so the second sees the first's answer, and posts both.
    space = await turn.session.get(CoupleSpace, effect.space_id, with_for_update=True)
    answers = await store.answers_to_round(turn.session, effect.round_key)
    again = turn.user.id in answers
    round_key = None if again else effect.round_key
    thanks = Appreciation(
        author_id=turn.user.id,
        text=effect.text,
        round_key=round_key,
        space_id=effect.space_id if round_key is not None else None,
        created_at=turn.now,
    )
    turn.session.add(thanks)
    # A round's answer is told what became of it here, where the round is known.
    c = turn.content
    if round_key is None:
        turn.text("thanks.round_again")
        return
    await turn.session.flush()
    couple = await store.couple_of(turn.session, space)
    link = await store.link_of(turn.session, space)
    day = _round_day(round_key)
    if (
        space is None
        or couple is None
        or link is None
        or day is None
        or turn.user.id not in (couple[0].id, couple[1].id)
        or not await went_out_to(turn.session, space.id, link, day)
    ):
        # The space paused, the link ended, or the group is another couple's since the card
        # was shown: nowhere to post it, and nothing to post it with. Just theirs.
        thanks.round_key = thanks.space_id = None
        turn.text("thanks.round_late")
        return
    if not couples.round_open(day, space.checkin_zone, turn.now):
        # Not part of the round: its closing word must still see the round unanswered.
        thanks.round_key = thanks.space_id = None
        turn.text("thanks.round_late")
        return
    a, b = couple
    partner = b if turn.user.id == a.id else a
    if partner.id not in answers:
        turn.text("thanks.round_kept", partner=partner.display_name)
        await plan_round_close(turn.session, space, day, turn.user, turn.now)
        return
    answers[turn.user.id] = effect.text
    if not await just_the_two(turn, space):
        # Someone else is in the group now (the space has paused: each is told why), or
        # Telegram can't say: not posted, as a post that failed. Each partner is told so,
        # with their own words only (the answers stay recorded: it is not posted later).
        unchecked = "thanks.round_post_unchecked"
        turn.say(Reply(c.text(unchecked), copyable=effect.text))
        if partner.started_at is not None and partner.blocked_at is None:
            words = catalogue(partner.language_code).text(unchecked)
            turn.say(
                Reply(words, copyable=answers[partner.id]),
                chat_id=partner.id,
                silent=quiet_now(turn, partner),
            )
        return
    text = c.text(
        "thanks.round_reveal",
        a=a.display_name,
        ta=answers[a.id],
        b=b.display_name,
        tb=answers[b.id],
    )
    # Not posted after all (refused, or Telegram failing): each partner is told so privately,
    # with their own words only. The other's go to them only in the post they both agreed to.
    # (The answers stay recorded: nothing posts the round again later.)
    failed = c.text("thanks.round_post_failed")
    refused = Reply(failed, copyable=effect.text)
    theirs = catalogue(partner.language_code).text("thanks.round_post_failed")
    partner_told = Reply(theirs, copyable=answers[partner.id])
    reachable = partner.started_at is not None and partner.blocked_at is None
    also = [(partner.id, partner_told)] if reachable else []
    # Timed out: it may be there. Each is told so, with their own words, in case.
    unsure = Reply(c.text("thanks.round_post_unsure"), copyable=effect.text)
    theirs = catalogue(partner.language_code).text("thanks.round_post_unsure")
    also_unsure = [(partner.id, Reply(theirs, copyable=answers[partner.id]))] if reachable else []
    turn.say(
        Reply(text),
        chat_id=space.chat_id,
        if_refused=refused,
        also_if_failed=also,
        if_unsure=unsure,
        also_if_unsure=also_unsure,
        silent=quiet_now(turn, partner),
    )
    posted = c.text("thanks.round_posted", partner=partner.display_name)
    turn.say(Reply(posted, only_if_delivered=True))


def _round_day(round_key: str) -> date | None:
    return _iso_day(round_key.split(":")[-1])


def _iso_day(text: str) -> date | None:
    """A date written exactly as `date.isoformat` writes it (a round's key has one spelling)."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if day.isoformat() == text else None


async def start_round(turn: Turn, space_id: int, day: str) -> None:
    space = await turn.session.get(CoupleSpace, space_id)
    link = await store.link_of(turn.session, space)
    round_day = _iso_day(day)
    if (
        space is None
        or link is None
        or turn.user.id not in (link.inviter_id, link.partner_id)
        or round_day is None
    ):
        turn.toast(turn.content.text("shell.expired"))
        return
    if link.status != "active":  # unlinked since: the card invites nothing any more
        ended = turn.content.text("thanks.round_link_ended")
        turn.toast(ended)
        turn.say(Reply(ended, edit=True))
        return
    if not await went_out_to(turn.session, space.id, link, round_day):
        # A round not gone out yet, or one that went out before these two linked (the group's
        # round with a partner before): not theirs to answer, nor to see answered.
        if await _asked_before_this_link(turn, space, link, round_day):
            # Their own ask, from the earlier link (the same two linked again, or a new
            # partner): it stays closed, and the card says why rather than just "expired".
            ended = couples.round_of_an_earlier_link(
                turn.content,
                turn.now,
                space.checkin_zone,
                weekly_on=space.status == "active" and space.weekly_on,
                own_zone=turn.user.timezone,
            )
            turn.toast(ended)
            turn.say(Reply(ended, edit=True))
            return
        turn.toast(turn.content.text("shell.expired"))
        return
    partner = await partner_of(turn)
    if not couples.round_open(round_day, space.checkin_zone, turn.now):
        # Closed (as `record_thanks` and a typed answer, prompts.offer_round_answer, read it):
        # no line is asked for that could not go in it. The card says so, and its button goes.
        name = partner.name if partner else turn.content.text("thanks.your_partner")
        closed = turn.content.text("thanks.round_closed_tap", partner=name)
        turn.toast(closed)
        turn.say(Reply(closed, edit=True))
        return
    round_key = couples.round_key(space.id, round_day)
    answers = await store.answers_to_round(turn.session, round_key)
    if turn.user.id in answers:
        turn.toast(turn.content.text("thanks.round_already"))
        return
    from bot.telegram.moments import new_moment_id  # that module builds on this one

    context = turn.context(partner)  # the question names the partner
    # The line asked for is taken for as long as a flow left in the middle would be.
    answer_by = turn.now + flow_runner.LEFT_FOR
    outcome = ROUND.start(
        context,
        round_key,
        space.id,
        new_moment_id(),
        answer_by,
        partner_answered=any(author != turn.user.id for author in answers),
    )
    await flow_runner.start(turn, outcome)


async def _asked_before_this_link(
    turn: Turn, space: CoupleSpace, link: PartnerLink, day: date
) -> bool:
    """Whether the round of `day` was asked of this person (their own ask went out), before
    `link` began: a round of an earlier link of theirs. A press forged for a round never asked
    of them learns nothing of it."""
    asked = await prompt_store.sent_at(turn.session, weekly_ask_key(space.id, day, turn.user.id))
    return asked is not None and not store.of_link(link, asked)


async def on_menu(turn: Turn, kind: str, argument: str) -> None:
    choice, _, raw = argument.partition(".")
    if kind == "pair":
        await pair(turn)
        return
    target = row_id(raw)
    if target is None:
        space_id = row_id(choice)
        if kind == "wr" and space_id is not None:  # `wr.<space>.<day>`: start_round reads the day
            await start_round(turn, space_id, raw)
            return
        turn.toast(turn.content.text("shell.expired"))
        return
    if kind == "lk":
        await answer_invite(turn, choice, target)
    elif kind == "ul":
        await answer_unlink(turn, choice, target)
    elif kind == "gs":
        await answer_settings(turn, choice, target)
    elif kind == "ci":
        await answer_checkin(turn, choice, target)
    elif kind == "bd":
        await answer_bid(turn, choice, target)
    else:
        turn.toast(turn.content.text("shell.expired"))


@flow_runner.effect(ShareText)
async def _share(turn: Turn, e: object) -> None:
    assert isinstance(e, ShareText)
    await share(turn, e)


@flow_runner.effect(RecordThanks)
async def _record_thanks(turn: Turn, e: object) -> None:
    assert isinstance(e, RecordThanks)
    await record_thanks(turn, e)
