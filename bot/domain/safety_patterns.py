"""The safety screen's word lists (bot/domain/safety.py reads them; CONTENT.md, "Safety comes
first", says what each answer means).

Three kinds of entry. Phrases, each written for a way people say a thing. Compositions: every
verb of violence with every target (me, my body, a child), so "kicked my pregnant belly" is
recognised though nobody wrote it down. And pairs (TOGETHER) that are danger only when both
are in one message: affairs put in order and an ending, sex and no consent. Held-out sets
(tests/domain/safety_holdout.py) showed phrases alone recognising about a third of unseen
danger; with the compositions and pairs it was about two thirds.
"""

from __future__ import annotations

from typing import NamedTuple


class Pair(NamedTuple):
    """Two patterns that are danger only when both are in one message."""

    reason: str
    one: str
    other: str
    deniable: bool = False  # "I'm not going to end it all": a denial before either undoes it


def either(*patterns: str) -> str:
    """One pattern that matches any of `patterns`."""
    return "|".join(f"(?:{p})" for p in patterns)


# Acts of violence, each verb in the forms a sentence uses ("grabs", "grabbed", "grabbing").
# Kept separate from idioms ("hit me up", "threw me off", "beat me at chess"), which IDIOMS
# removes before anything is matched.
VIOLENT_VERBS = [
    r"hit|hits|hitting",
    r"punch(?:es|ed|ing)?",
    r"kick(?:s|ed|ing)?",
    r"slap(?:s|ped|ping)?",
    r"smack(?:s|ed|ing)?",
    r"whack(?:s|ed|ing)?",
    r"thump(?:s|ed|ing)?",
    r"batter(?:s|ed|ing)?",
    r"beat(?:s|en|ing)?",
    r"strike|strikes|struck|striking",
    r"shov(?:e|es|ed|ing)",
    r"push(?:es|ed|ing)",
    r"grab(?:s|bed|bing)?",
    r"chok(?:e|es|ed|ing)",
    r"strangl(?:e|es|ed|ing)",
    r"throttl(?:e|es|ed|ing)",
    r"smother(?:s|ed|ing)?",
    r"suffocat(?:e|es|ed|ing)",
    r"stab(?:s|bed|bing)?",
    r"slash(?:es|ed|ing)?",
    r"slit(?:s|ting)?",
    r"bite|bites|bit|bitten|biting",
    r"headbutt(?:s|ed|ing)?",
    r"drag(?:s|ged|ging)?",
    r"throw|throws|threw|thrown|throwing",
    r"pin(?:s|ned|ning)?",
    r"burn(?:s|ed|t|ing)?",
    r"scald(?:s|ed|ing)?",
    r"shake|shakes|shook|shaking",
    r"whip(?:s|ped|ping)?",
    r"slam(?:s|med|ming)?",
    r"stamp(?:s|ed|ing)? on|stomp(?:s|ed|ing)? on",
    r"spit(?:s|ting)? on|spat on|spit(?:s|ting)? in|spat in",
    r"kneed|elbowed|clawed|scratch(?:es|ed|ing)?",
    r"break|breaks|broke|broken|breaking",
]
_VERB = "|".join(VIOLENT_VERBS)
BODY_PARTS = (
    r"head|face|neck|throat|hair|arms?|wrists?|body|stomach|belly|tummy|bump|back|chest|legs?"
    r"|ribs?|eyes?|mouth|nose|jaw|cheeks?|lips?|ears?|shoulders?|skull|breasts?|thighs?|skin"
)
CHILDREN = (
    r"son|daughter|kids?|children|child|baby|boy|girl|toddler|stepson|stepdaughter|newborn|infant"
    r"|little one|youngest|eldest|(?:year|yr)s?[- ]?old"
)

# A violent verb on the person ("grabs me", "kicked my pregnant belly"), on someone with them
# ("hit him and me"), or on a child. Whether the subject is the person themselves ("I hit my
# head on the shelf") is decided in the screen, not here.
ON_ME = rf"\b(?:{_VERB}) (?:(?:him|her|them) and )?(?:me|us)\b"
ON_MY_BODY = rf"\b(?:{_VERB}) my (?:own )?(?:\w+ )?(?:{BODY_PARTS})\b"
ON_A_CHILD = (
    rf"\b(?:{_VERB}|hurt|hurts|hurting) (?:our|my|the|his|her) (?:\w+ )?(?:{CHILDREN})\b"
    rf"(?!(?:'s|s'|')\s+(?!(?:{BODY_PARTS})\b)\w"
    r"|\s+(?:shower|monitor|bottle|seat|gate|clothes|food|stuff|things|toys|room|pram|buggy|stroller|sitter|wipes|photos))"
)

# Ways of hurting oneself, said of one's own body ("I sliced my wrist").
SELF_INJURY = (
    r"\b(?:cut|cuts|cutting|slic(?:e|es|ed|ing)|slit|slitting|slash(?:es|ed|ing)?|carv(?:e|es|ed|ing)"
    r"|burn(?:s|ed|t|ing)?|scratch(?:es|ed|ing)?) (?:into )?my (?:own )?(?:\w+ )?"
    r"(?:wrists?|arms?|thighs?|legs?|skin|stomach|belly)\b"
)

# Medicines people hoard or take too much of; named so that "saving up my paracetamol" is read
# as "saving up my pills".
MEDICINES = (
    r"pills|tablets|meds|medication|medicine|paracetamol|tylenol|acetaminophen|ibuprofen"
    r"|aspirin|painkillers|sleeping pills|sleeping tablets|antidepressants|insulin|codeine"
    r"|oxy\w*|opioids|benzos|xanax|valium"
)

# Being gone, said of oneself, and the arrangements people make before it. Gone alone is asked
# about ("when I'm gone" can mean a trip); with an arrangement it is danger.
GONE = (
    r"(?:when|after|once) i'?m (?:gone|dead|not here|not around|no longer here)\b"
    r"(?!\s+(?:for|on|to|away|out|at|in|this|next|over|from))"
)
GONE_FOR_GOOD = (
    r"(?:when|after|once) i'?m (?:gone|dead|no longer here)\b"
    r"(?!\s+(?:for|on|to|away|out|at|in|this|next|over|from))"
)
PREPARE = (
    r"looked after|look after|taken care of|take care of|made sure|sorted out|arranged"
    r"|given away|give away|passwords|instructions|left (?:a|my) (?:note|letter|will)"
)

# Putting one's affairs in order, and words of an ending: each ordinary alone, danger together
# anywhere in one message ("gave my cat to my neighbour and wrote down my passwords. i'm done").
AFFAIRS = either(
    r"\bgave (?:\w+ )?(?:away )?(?:my|all my|the) (?:\w+ )?(?:cat|dog|pets?|things|stuff|belongings|jewell?ery|savings|guitar|car|watch|ring)\b",
    r"\bgiv(?:e|ing) (?:away )?(?:my|all my) (?:\w+ )?(?:stuff|things)\b",
    r"\bgiv(?:e|ing) (?:my|all my) (?:\w+ )?(?:stuff|things) away\b",
    r"\bleft (?:the|my) (?:dog|cat|pets?|kids?) with\b",
    r"\b(?:made|wrote|written|making) (?:a|my) will\b|\bsorted (?:out )?my (?:affairs|will|things)\b|\bupdated my will\b",
    r"\bt(?:ell|old|elling) (?:my|\w+) (?:\w+ )?(?:that )?i love (?:her|him|them)\b",
    r"\bcancell?ed my (?:phone|contract|subscriptions|accounts)\b|\blife insurance\b",
    r"\bwr(?:ote|ite|iting) down (?:all )?my passwords\b|\bpasswords (?:for|to) (?:everything|all my|my (?:accounts|bank|email|phone|laptop)|him|her|them)\b",
    r"\b(?:wrote|writing|written) (?:a |my |some )?(?:letters?|notes?) (?:to|for) (?:each of |all of )?(?:everyone|my|him|her|them)\b",
    r"\bmade (?:my )?peace\b",
)
ENDING = either(
    r"\bi'm done\b(?! (?:being|with|arguing|talking|for (?:today|tonight|now)|cleaning|trying|waiting|eating|playing))|\bfor good\b|\bit's time\s*(?:[.!]|$|now\b|to go\b)|\bjust in case\b|(?<!saying )(?<!to say )\bsorry for everything\b",
    r"\b(?:was|is|say|said|saying) goodbye\b|\bgoodbye(?: everyone| all| world| x+)?\s*(?:[.!]|$)",
    r"\blast (?:message|text)\b|\b(?:for the|one) last time\b|\blast time\s*(?:[.!]|$)|\bwon't (?:need|be needing) (?:it|them|anything|either)\b",
    r"\bwhen i'm gone\b|\bnot be (?:here|around)\b|\bif anything happens to me\b",
    r"\btonight(?:'s| is) the night\b",
)

# Hopelessness, and words that may mean ending a life or a relationship ("ending it"): the
# second alone is asked about (UNCLEAR); with the first anywhere in the message it is danger.
HOPELESS = either(
    r"\btired of (?:everything|it all|life|living)\b|\bdone with (?:everything|life|it all)\b",
    r"\bcan't (?:do|take|bear|handle) (?:this|it) any ?more\b|\bnot able to bear it\b",
    r"\bcan't (?:go on|cope) any ?more\b",
    r"\bno point (?:in )?(?:anything|living|going on(?! about| at| with| like)|trying any ?more|being here)\b",
    r"\bwhat'?s the point (?:of|in) (?:anything|any of it|it all|living|going on|me)\b",
    r"\bnothing left (?:for me|to live for)\b",
)
AMBIGUOUS_ENDING = either(
    r"\bend(?:ing)? it\b(?! with| between| there| here| early| now| for (?:tonight|today|now)| on a)",
    r"\bfinish(?:ing)? (?:everything|it all)\b(?! with)",
    r"\bwant (?:it|everything|this|the pain) (?:all )?to (?:stop|end|be over)\b",
)
FOREVER = r"\b(?:permanently|forever|for good)\b"
# A decision or plan, said beside AMBIGUOUS_ENDING: "I'm ending it. I've already decided how."
PLAN = either(
    r"\b(?:decided|worked out|figured out|planned|picked|chosen|know) (?:exactly )?(?:how|when|where)\b",
    r"\b(?:have|got|made) a plan\b",
)

# Sex, and its absence of consent: danger together anywhere in one message ("he 'made up' by
# having sex with me while i was crying and saying no"), each ordinary alone.
SEXUAL = either(
    r"\bsex\b|\bsexual\b|\bintimate\b|\bfrigid\b|(?<!was )(?<!is )(?<!'s )(?<!'m )(?<!am )(?<!were )(?<!already )(?<!still )(?<!asleep )(?<!alone )(?<!stayed )(?<!stay )(?<!lying )(?<!lay )(?<!phone )(?<!laptop )(?<!reading )(?<!awake )(?<!ill )(?<!sick )(?<!back )(?<!be )\bin bed\b",
    r"\b(?:sleep|slept|sleeping) with\b(?! the (?:window|light|lights|tv|fan|door|heating|radio|baby|dog|cat))",
    r"\bd(?:oing|id|oes|one) (?:stuff|things) to me\b|\btouch(?:es|ed|ing)? me\b",
)
NO_CONSENT = either(
    r"\b(?:while|when|even though|after|though) i (?:was )?(?:said|saying|kept saying|say) no\b",
    r"\bi said no (?:but|and) (?:he|she|they) (?:kept|did|didn't stop|carried on|still)\b",
    r"\b(?:never|didn't|did not) (?:agree|agreed|say yes|said yes) to (?:that|it|this)\b",
    r"\bwhile i was (?:asleep|crying|drunk|sleeping|passed out)\b",
    r"\beven though i (?:don't|didn't) want\b|\bi just do it\b",
    r"\bgot me (?:\w+ )?drunk\b|\b(?:could|can) barely (?:stand|move|speak|walk)\b|\btoo drunk to\b|\bpassed out\b",
    r"\b(?:don't|do not) get to say no\b|\bnot allowed to say no\b",
    r"\bwoke up (?:and|to) (?:he|she|they|him|her|them) (?:was|were) (?:already )?(?:doing|touching|on)\b",
    r"\bwithout (?:my )?consent\b|\bwon't take no for an answer\b|\b(?:lie|lay|lying) there (?:and wait|until|till)\b|\bwait for it to be over\b",
)
# Someone under 18 saying so, or a secret kept from a parent: with SEXUAL, abuse of a child.
MINOR = either(
    r"\bi'?m (?:1[0-7]|[4-9])\b(?! ?(?:minutes|mins?|hours?|hrs?|days|weeks|months|years|yrs|times|percent|%|kilos?|kg|stone|st|lbs?|pounds|ft|foot|feet|cm|drinks|o'clock|am|pm|to|and a half|points))",
    r"\b(?:i'?m|i am|aged?|me) (?:1[0-7]|[4-9]) ?(?:years old|yo|y/o)\b",
    r"\bhaven't told (?:my )?(?:mum|mom|mam|parents|dad)\b",
)

# Being watched, and writing in secret because of it: "He reads all my messages so I'm writing
# from my cousin's phone."
WATCHED = either(
    r"\breads? (?:all )?(?:of )?my (?:emails|messages|texts|dms|mail)\b",
    r"\b(?:checks|goes through|went through|monitors|tracks) my (?:phone|messages|texts|location)\b",
)
WRITING_IN_SECRET = either(
    r"\bfrom (?:my |a )?(?:\w+'s |friend's |cousin's |sister's |work |secret )?phone\b",
    r"\bdon't (?:text|message|call|reply to) (?:my|this) (?:number|phone)\b",
    r"\b(?:delete|deleting) (?:this|these|the messages) (?:after|before|so)\b|\bcan't know i'm\b",
)

# A weapon kept where it menaces ("keeps a gun by the bed and reminds me of it").
WEAPONS = r"guns?|rifle|pistol|shotgun|firearm|knife|knives|machete|axe"
MENACE = either(
    r"remind(?:s|ed|ing)? me|show(?:s|ed|ing)? me\b(?! how)|wav(?:es|ed|ing)|point(?:s|ed|ing)|loaded|(?<!won't )(?<!doesn't )(?<!never )use it\b",
    r"by the bed|under (?:the|his|her|my) (?:pillow|mattress|bed)",
    r"sharpen(?:s|ed|ing)? (?:it|them) while|tap(?:s|ped|ping)? (?:it|the \w+)",
    r"it'?s for (?:me|you)|watch (?:my|your) mouth|on the table when|when we (?:argue|fight)",
)


# Acts that are danger only when someone other than the writer does them ("he broke my arm",
# "she controls what I wear"), read like ON_MY_BODY.
BY_SOMEONE_ELSE = [
    r"\bbr(?:oke|eaks?|oken) my (?:arm|nose|ribs?|jaw|wrist|fingers?|leg|tooth|teeth)\b",
    r"\bcontrols? (?:all )?(?:my|our) (?:money|phone|finances)\b",
    r"\bcontrol(?:s|led|ling)? (?:who|where|when|what|how much|everything) i\b",
    r"(?:'ll|'d| will| would| going to| gonna) (?:\w+ ){0,2}use (?:the|a|his|her|that) (?:knife|gun|rifle|weapon|belt|bat|hammer)\b",
    r"\b(?:waits?|waiting|waited|sits?|sitting|sat|parked|parks|hangs? around|hanging around|lurking|lurks) (?:\w+ ){0,4}outside my (?:work|flat|house|home|office|place|door|school|job|window)\b",
    r"\b(?:pillow|bag|plastic bag|towel) over my (?:face|mouth|nose|head)\b|\bhands? over my (?:mouth|nose)\b",
]

# "Don't tell her I told you, she'll kill me": the gossip's "kill me", said of the very person
# who is not to be told what was said (as "she'd kill me if she knew I told you"), in either
# order, with nothing after it but the end or a laugh. Said of someone else ("don't tell
# anyone, he'll kill me") or of an act ("he'll kill me if I leave") it is still danger.
_KEPT_FROM = [
    ("him", "he"),
    ("her", "she"),
    ("them", "they"),
    ("(?:mum|mom|mam)", "(?:she|mum|mom|mam)"),
    ("dad", "(?:he|dad)"),
]
_TOLD_YOU = (
    r"(?:that )?(?:i|we) (?:told (?:you|u|ya)|said (?:anything|something|that|this)|mentioned (?:it|this|that|anything)"
    r"|showed (?:you|u)|let (?:it |that |this )?slip)(?: (?:any of )?(?:this|that|it|anything))?"
)
_NOT_TOLD = [
    rf"(?:don't|do not|never) (?:tell|let) {told} (?:know )?{_TOLD_YOU}[,;:]? (?:(?:because|cause|'cause|cos|coz|or|as) )?"
    rf"{teller}(?:'d| would|'ll| will| is going to|'s going to| is gonna|'s gonna) (?:literally |actually |honestly |so |totally )?kill me\b"
    r"(?=\s*(?:[.!?,)]|$|lol|haha|lmao|😂|🤣|🙈|😅|😬|x+\b|if (?:he|she|they) (?:knew|knows|finds out|found out|hears|heard|sees|saw)\b))"
    for told, teller in _KEPT_FROM
] + [
    rf"{teller}(?:'d| would|'ll| will| is going to|'s going to| is gonna|'s gonna) (?:literally |actually |honestly |so |totally )?kill me"
    rf"[,;:]? (?:so |but |just |please |pls )*(?:don't|do not|never) (?:tell|let) {told} (?:know )?{_TOLD_YOU}\b"
    for told, teller in _KEPT_FROM
]

# "The shouting is hurting the kids": hurt said of what goes on at home, not of someone's hands.
# A person as the subject ("he is hurting the kids", "their dad is hurting the kids") is not
# matched, and "that" is left out ("he's the one that's hurting the kids").
_HURT_BY_WHAT_GOES_ON = (
    r"(?:\b(?:it|this)|(?:all (?:of )?(?:this|that|the)|so much|the|this|that|these|those|our|their|his|her|your|my)(?: \w+)?"
    r" (?:shouting|yelling|screaming|arguing|arguments|fighting|fights|rows|rowing|bickering|tension|atmosphere|silences?"
    r"|divorce|separation|break-?up|conflict|stress|noise|situation|drama))(?:'s)?"
    r"(?: (?:is|are|was|were|has|have|had|been|be|will|would|could|might|must|can|does|do|did|keeps|kept|really|only|just"
    r"|definitely|probably|already|clearly|obviously|actually|slowly|seriously|also|starting|started|beginning|to))*?"
    rf" hurt(?:s|ing)? (?:our|my|the|his|her|their) (?:\w+ )?(?:{CHILDREN})\b"
)

# Everyday phrases that only look alarming. Removed before anything else is matched.
IDIOMS = [
    r"kill(?:ing|ed|s)? (?:it|time|the (?:mood|vibe|lights?|engine|music))",
    r"killed it",
    r"(?:you'?re|this is|it'?s|that'?s) killing me",
    r"killer (?:workout|deal|view)",
    r"(?:it|that|this) (?:kind of |kinda )?killed me(?: a (?:little|bit))?",
    r"dying (?:to|for|of laughter|laughing)",
    r"died (?:laughing|of laughter|a little)",
    r"(?:phone|battery|laptop|car|plants?|flowers|wifi|printer|conversation|party) (?:has |had |have |is |are |was |were )?(?:died|dead|dying)",
    r"dead (?:tired|on my feet|serious|end|line|lines|ringer|set on)",
    # a laugh after it: "lol", 😂, or the skull (💀), which after "I'm dead" is laughing too;
    # the skull only when that is all that is said ("if he finds out i'm dead 💀" is not)
    r"i'?m dead(?: 😂| lol)?$|^i'?m (?:literally |so )?dead(?: ?💀)+$",
    r"deadline",
    r"hit (?:the (?:gym|road|hay|sack|books|nail|spot|jackpot|ground running)|it off|me up|send|reply|a wall|rock bottom with work)",
    r"beat (?:the traffic|me to it|around the bush|the odds)",
    r"beat (?:me|us|him|her|them) to (?:it|the \w+(?: \w+)?)",
    r"beat (?:me|us|him|her|them) (?:at|in) (?!front|the face|the head|the stomach|home|the (?:car|house|kitchen|bedroom|street)|my|his|her|our)\w+",
    r"beat (?:me|us|him|her|them) \d+ ?[-:] ?\d+",
    r"push(?:es|ed|ing)? (?:me|us) (?:to (?!(?:the|a|an|my|his|her|their|our|its)\b)\w+|into (?:applying|going|trying|doing|talking|seeing))\b",
    r"drag(?:s|ged|ging)? (?:me|us) (?:along )?(?:to|out to|round to) (?:his|her|their|a|an|the|my|our|every|all|these) (?:\w+ )?(?:party|parties|parents|mum|mom|family|dinner|dinners|wedding|work|office|gym|shops?|church|concert|games?|match|event|do|drinks|thing|things|meetings?|barbecue|bbq|lunch|brunch|friends)\b",
    r"drag(?:s|ged|ging)? (?:me|us) into (?:his|her|their|your|this|that|the|an?) (?:\w+ )?(?:drama|argument|arguments|mess|fight|row|problems?|business|issues|debate|discussion)\b",
    r"push(?:es|ed|ing)? (?:me|us) away\b(?! (?:from|so|hard|and|into|against|with))",
    r"thr(?:ow|ew|ows|owing) (?:me|us) (?:a|an|the) (?:(?:birthday|surprise|leaving|little|big|dirty|funny|weird) )?(?:party|surprise|curveball|bone|look|glance|keys?|ball|towel|lifeline|remote|charger|phone|bag)\b",
    r"hit (?:me|us) with (?:a|the|his|her) (?:question|bill|news|idea|joke)",
    r"in danger of",
    r"dying inside",
    r"(?:i'?d|i would|i could) die for",
    r"(?:die|dies|dying|died) of (?:embarrassment|shame|boredom|cringe|laughter|laughing)",
    r"(?:embarrassed|mortified|ashamed|awkward)\b[^.!?]{0,200}\bi could (?:have )?died?",
    r"abused my trust",
    r"(?:substance|drug|alcohol|drink|drinking) abuse",
    r"stalk(?:s|ed|ing)? (?:my|his|her|their|your) (?:instagram|facebook|tiktok|profile|page|socials?|posts?|photos|ex'?s? \w+)",
    r"\w+'s death|death of (?:my|his|her|our|a|the) \w+",
    r"(?:shoot|fire) me (?:a|an) (?:quick |short )?(?:message|text|email|line|dm)",
    r"knock(?:ed)? (?:it|them) out of the park",
    r"bored to death",
    r"scared (?:the life|the hell) out of",
    r"(?:love|miss) (?:you|him|her) to death",
    r"over my dead body",
    r"murder (?:a|an) (?:burger|pizza|drink)",
    r"(?:i'?m|i am) (?:so )?(?:dead|done) (?:lol|haha|😂)",
    r"(?:to|could) die for",
    r"break a leg",
    _HURT_BY_WHAT_GOES_ON,
    # a question put to the reader in jest, not something done to the writer
    r"(?:are|r) (?:you|u|ya)(?: \w+)? (?:spying on|stalking|tracking) (?:me|my (?:phone|messages|texts|location))\b"
    r"(?=\s*(?:[?!.,)]|$|lol|haha|lmao|😂|🤣|😅|👀|🙈|or (?:what|something)\b))",
    r"(?:showing|shows|showed|turning|turns|turned) up at my \w+ with (?:lunch|flowers|coffee|food|snacks|presents|a (?:gift|present|surprise|coffee))",
    r"(?:waited|waits|waiting|sat|sits) outside my \w+ (?:to surprise me|with (?:flowers|a gift|a present|coffee))",
    r"won't let (?:me|us) sleep,? (?:he|she|they) snores?",
    r"(?:i'm |i am )?not (?:being |even )?(?:dramatic|joking|kidding|exaggerating)|no joke",
    r"dead to (?:me|him|her|them|us)|dead in the water|top gun",
    r"(?:so|too) \w+ (?:that )?i (?:thought|felt like) i'?d die",
    r"(?:be|been|being) the death of (?:me|him|her|us|them)",
    r"(?:nerf|water|paintball|laser|toy|bb|glue|staple|nail|squirt) guns?",
    r"(?:he|she|they|you)(?:'ll|'d| will| would| is going to) (?:literally |actually )?die (?:if|of|without)",
    r"break(?:s|ing)? my back (?:for|to|over|working|doing)",
    r"thr(?:ew|ow|ows|own) (?:me|us) (?:off(?! (?:the|a|my|his|her|our|their) (?!guard|track|scent|balance))|under the bus)",
    r"(?:it|that|this|the (?:news|film|movie|call|comment|story)) (?:really )?shook (?:me|us)",
    r"twist(?:s|ed)? my arm",
    r"b(?:ite|ites|it|itten) my head off",
    r"kick(?:s|ed)? (?:my|our) (?:butt|ass|arse)",
    r"beat (?:our|my|the) \w+ (?:at|in) \w+",
    r"grab(?:s|bed|bing)? (?:me|us) (?:a|an|some) (?!few\b|couple\b|lot\b|bit\b|number\b)",
    r"burn(?:s|ed|t)? (?:me|us) out",
    r"slam(?:s|med)? (?:me|us) with",
    r"push(?:es|ed|ing)? (?:me|us) (?:to|over) (?:my|our|the) (?:limits?|edge|breaking point)",
    r"(?:cut|burn(?:ed|t)?|slic(?:ed|e)|scratch(?:ed)?) my (?:\w+ )?\w+ (?:on (?!purpose)|while|when|shaving|cooking|chopping|opening|taking|getting|making|ironing|baking|gardening|at work|by accident)\b",
    r"(?:cut|burn(?:ed|t)?|hurt|scald(?:ed)?|scratch(?:ed)?) my ?self (?:on (?!purpose)|while|when|shaving|cooking|chopping|opening|at (?:the gym|work|football|training|the park)|moving|lifting|playing|running|falling|carrying|ironing|baking|gardening)\b",
    r"cut (?:me|him|her) (?:some|a little) slack",
    r"cut (?:it|things) (?:short|fine)",
    # added (false-alarm review): everyday senses of violent verbs and alarm phrases
    r"(?:it|that|this|which) (?:\w+ )?(?:hit|hits|struck|strikes) (?:me|us) (?:that|how|what|why|as|then)\b|then it hit (?:me|us)\b|what struck (?:me|us)\b|struck (?:me|us) (?:as|that|how)\b",
    r"(?:said|words|comment|remark|text|message|news|that)(?: (?:really|just|finally|kind of|kinda|honestly))? (?:hit|struck|shook|broke|threw) (?:me|us)(?: (?:hard|a (?:little|bit)|more than|deeply|badly))?\b",
    r"threw (?:me|us) into (?:a |such a )?(?:spiral|panic|tailspin|frenzy|loop|mood|state|rage)",
    r"thr(?:ew|ows|owing) (?:it|that|this|everything|my (?:own )?words|what i said) back (?:at|in) (?:me|my face)",
    r"kick(?:s|ed|ing)? (?:me|us) out of (?:the |our |his |her |my |their )?(?:group chat|chat|group|team|game|band|club|living room|kitchen|bar|pub|class|meeting|lesson|call|server)\b",
    r"(?:the |my |our )?baby (?:\w+ ){0,2}kick(?:s|ed|ing)? (?:me|my)\b",
    r"(?:baby|toddler|dog|cat|puppy|kitten)(?: \w+)? (?:grab(?:s|bed|bing)?|bit|bites|scratch(?:ed|es)?|kick(?:s|ed|ing)?) (?:me|my)\b",
    r"(?:^|honestly,? |it |that )beats me\b(?! (?:up|when|again|every|with|in))|beats me (?:why|how|what|where|who)\b",
    r"stab(?:s|bed|bing)? (?:me|us|him|her|them) in the back\b(?! with)",
    r"(?:this|that|it|fight|argument|distance|row)(?: \w+){0,2} (?:break|breaks|broke) us\b",
    r"chok(?:e|es|ed|ing) (?:me|us|him|her) up\b",
    r"slam(?:s|med|ming)? (?:me|us) (?:in (?:front of|the (?:meeting|review|email|chat|group chat|comments))|on (?:twitter|facebook|social media|linkedin))",
    r"smother(?:s|ed|ing)? (?:me|us) with (?:attention|love|affection|kisses|questions|texts|messages)|(?:relationship|job|house|routine|this|it|everything) is suffocating (?:me|us)",
    r"pin(?:ned)? (?:me|us|him|her) down (?:on|to) (?:a|the) (?:date|time|plan|answer|day)|pinned (?:me|us) as\b",
    r"(?:come|came|comes|coming) back to bite (?:me|us|him|her|them)",
    r"whip(?:s|ped|ping)? (?:me|us) up\b",
    r"hurt(?:s|ing)? (?:our|my|the|his|her|their) (?:\w+ )?\w+(?:'s|s')? (?:feelings|pride|ego|chances)|hurt(?:s|ing)? my (?:pride|ego|chances|reputation|career)",
    r"grab(?:s|bed|bing)? (?:our|my|the) (?:\w+ )?(?:kids|children|son|daughter|boy|girl|boys|girls) (?:from|at|after|on the way)",
    r"push(?:es|ed|ing)? (?:the|our|my) (?:\w+ )?(?:baby|kids?|son|daughter|toddler) (?:in|on) (?:the|a|her|his|their) (?:buggy|pram|stroller|swings?|pushchair)",
    r"throw(?:s|ing)? (?:our|my|the|his|her) (?:\w+ )?(?:son|daughter|kids?|children|baby|boy|girl) a\b",
    r"(?:shak(?:e|es|ing)|shook|scratch(?:es|ed|ing)?) my head\b|b(?:ite|it|iting|itten) my (?:lip|lips|tongue|nails)\b|pin(?:s|ned|ning)? my hair\b|push(?:ed|es|ing)? my hair (?:back|out of|behind)",
    r"(?:onions?|smoke|chlorine|sun|wind|cold)\b[^.!?]{0,20}(?:burn|bit|whip)\w* my (?:eyes|face|skin|cheeks|hair)",
    r"grab(?:bed|s)? my (?:arm|hand) to (?:stop me (?:falling|tripping|slipping)|steady me|help me|catch me)|(?:shak(?:e|es|ing)|shook) my (?:shoulder|arm) to wake me",
    r"(?:arms|hands) (?:around|round) my neck and (?:kissed|hugged|cuddled|laughed)",
    r"(?:photo|picture|pic|video|selfie|story|reel|post|clip|chat|group|one)s? with me in (?:it|them)",
    r"(?:it's|it is|this is|that's|that is|it was|it wasn't|this isn't) not (?:\w+ )?abuse|not saying (?:it'?s|it was|he'?s|she'?s) abus\w*|abus(?:e|es|ed|ing) (?:my|his|her|your|their|the) (?:trust|patience|kindness|generosity|position|power|privileges?|good nature|hospitality)",
    r"(?:it|that|this) (?:really |truly |just )?hurts? me (?:when|every|that)\b",
    r"\b(?:cut|cutting|chop|chopping|slic\w+|peel\w*|spread\w*|carv\w+|eat|eats|eating|ate) (?:\w+ ){0,3}with a knife(?: and fork)?\b",
    r"(?:film|movie|show|series|game|episode|book|match|scene|video|documentary)s? (?:was|is|were|are|can be|'s) (?:so |really |very |too )?violent",
    r"poison(?:s|ed|ing)? my (?:mind|thoughts|head|opinion|view) against",
    r"(?:baby|babies|toddler|newborn|kids|snoring|cough|neighbours?|dog|puppy|cat) (?:\w+ )?won'?t let (?:me|us) sleep",
    r"(?:accidentally|by mistake|by accident) lock(?:ed|s)? (?:me|us) out|lock(?:ed|s|ing)? (?:me|us) out of (?:the |my |our |his |her )?(?:\w+ )?(?:account|netflix|spotify|laptop|computer|wifi|chat|group|email|app|profile)",
    r"(?:nursery|childcare|rent|mortgage|tax|taxes|bills|commute|daycare|petrol) takes? (?:all |half )?(?:of )?my",
    r"receipts for (?:my )?(?:expenses|work|reimbursement)",
    r"knives? (?:pointing|pointed|facing) (?:up|down|upwards|downwards)|load(?:ed|s|ing)? the dishwasher",
    r"(?:spill(?:ed|s|ing)?|spilt|knocked)(?: \w+)? (?:boiling |hot )?(?:water|oil|coffee|tea|drink)\b",
    r"kill(?:ing|ed)? my ?self (?:laughing|at work|working|over (?:this|work)|to (?:pay|get|finish|make|keep))",
    r"(?:going to|gonna) die (?:laughing|if i have to)|die laughing",
    r"could (?:literally |honestly )?sleep forever",
    r"(?:rather|sooner) be dead than (?:go to|go out|sit through|spend (?:a|the|another)|eat|wear|be seen|listen to|watch|attend)\b",
    r"overdos(?:e|ed|ing) on (?:coffee|caffeine|sugar|chocolate|netflix|tv|carbs|cheese)",
    r"(?:takes?|took|taking|taken|gone on|going on|go on|been \w+ing|argu(?:ed|ing)|fight(?:ing)?|wait(?:ed|ing)?|last(?:ed|s)?) forever",
    r"cutting again\b(?=[^.!?]{0,40}\b(?:hungry|hangry|calories|carbs|diet|gym|bulk|summer|weight|macros))",
    r"let(?:ting)? (?:myself )?go of\b",
    r"shook (?:me|us) awake\b(?! (?:violently|hard|roughly))",
]

# Someone the person lives with or grew up with: a parent, sibling, relative, flatmate or
# landlord. Their "kill me" is often a teenager's hyperbole ("mum will kill me when she sees my
# grades lol"), so it is danger only beside an arrival or finding the person (ARRIVES_OR_FINDS),
# or meant; their hitting and hurting is danger as a partner's is.
HOUSEHOLD = (
    r"(?:step-?)?(?:dad|father|mum|mom|mam|mother|brother|sister|parents)|uncle|aunt|auntie"
    r"|grandad|granddad|grandpa|flatmate|roommate|housemate|landlord|landlady"
)

# Finding, seeing or getting at the person, or where they are ("finds me", "knows where I
# am", "finds out I'm at my mum's"), within the clause after a verb of finding out.
_ABOUT_ME = (
    r"(?![^.!?,;]{0,50}?\b(?:me|us|where|who|whom|gone|moved|hiding|staying|living|address|location"
    r"|whereabouts|alone|here|there|home|back|together|face|body|phone|messages|texts|chats|dms|diary"
    r"|with (?:him|her|them|someone|somebody|another|a (?:guy|man|boy|girl|woman)|my ex)"
    r"|(?:i'm|i am|we're|we are|i was|we were) (?:at|in|with|safe|out|wearing|not (?:home|there|back|coming))|i look like)\b)"
)

# Idioms that are everyday only as long as nothing in the message says they are meant: fear,
# a threat reported, leaving, the police (EARNEST). "She'd kill me if she knew I told you" is
# gossip; "I'm scared he'll kill me if he finds out I told you" is not. Removed like IDIOMS
# when the message has no EARNEST word.
UNLESS_EARNEST = [
    rf"(?:he|she|they|mum|mom|dad|\bmy (?:{HOUSEHOLD}))(?:'d| would|'ll| will) (?:literally )?kill me if (?:he|she|they) (?:knew|found out|saw|heard|knows|finds out)\b"
    rf"{_ABOUT_ME}",
    *_NOT_TOLD,
    r"(?:he|she|they)(?:'ll|'d| will| would) (?:literally |honestly )?kill me\s*(?:lol|haha|😂|🤣|🙈)",
]

# "He's going to kill me when he finds out", "I wanted to die when I read it back": the same
# words are a threat or a wish to die when meant, so each needs the message to laugh or squirm
# as well (JEST), and to say nothing EARNEST. Each frame holds "kill me", "die" or "dying",
# which the screen looks for before reading any of this.
#
# Only finding OUT about a thing. Never finding, seeing or getting at the person ("when he
# finds me", "as soon as he sees me", "once he knows where I am": _ABOUT_ME), never an arrival
# ("when he gets home", "when he gets out of prison"): those are threats, laugh or not.
_DISCOVERS = (
    r"(?:(?:finds?|found|finding) out|(?:knows?|knew)"
    r"|(?:hears?|heard) (?:about|what|that)"
    r"|(?:sees?|saw|notices?|noticed) (?:(?:the|my|what|that|this|it)\b|(?:his|her|their|your) (?!(?:again|with|and|at|too"
    r"|lol|haha)\b)[a-z]|(?:that )?i (?:\w+ed|broke|ate|spilt|lost|forgot|drank|wore|spent|bought|sold)\b))"
    rf"{_ABOUT_ME}"
)
# Someone who'll "kill me" over a thing found out: said of anyone ("my flatmate's", "mum will").
# Never "kill me" alone: "he's going to kill me lol" may be a nervous laugh, and stays danger.
# "When she gets home and sees the kitchen" is the thing seen; "when she gets home" alone is not.
_KILLS_ME_WHEN_FINDS_OUT = (
    r"(?:'ll|'d| will| would|(?:'s|'re| is| are)? (?:going to|gonna)) (?:literally |honestly |so |totally |absolutely )?kill me"
    r" (?:when|once|if|as soon as|the (?:moment|second|minute)|after) (?:he|she|they|\w+) (?:\w+ )?"
    rf"(?:(?:gets|comes) (?:home|back) and (?:\w+ )?)?{_DISCOVERS}"
)
KILLS_ME_WHEN = rf"\b\w+{_KILLS_ME_WHEN_FINDS_OUT}"
# ...said of someone at home: with no laugh, asked about as a small mishap is ("my dad will
# kill me when he finds out I failed"), unless something in the message says it is meant.
HOUSEHOLD_FINDS_OUT = rf"\bmy (?:{HOUSEHOLD}){_KILLS_ME_WHEN_FINDS_OUT}"
# "My dad will kill me when he gets home", "...when she finds me": a household member's "kill
# me" beside an arrival, finding the person, or a finding-out frame. Danger (AGAINST_ME); the
# finding out of a thing (KILLS_ME_WHEN) is then cleared by a laugh or asked about without one,
# as for "he". A conditional finding out ("my sister would kill me if she knew") is as
# UNLESS_EARNEST says; "my mum will kill me if I'm late" has no such frame and is left alone.
ARRIVES_OR_FINDS = (
    r"(?:gets?|comes?|is|'s) (?:home|back|in|here|out)\b|comes? (?:round|over)\b|walks? in\b|arrives?\b|returns?\b|wakes? up\b|sobers? up\b"
    r"|(?:finds?|sees?|catches?|gets? (?:hold of |(?:his|her|their) hands on )?) ?(?:me|us)\b"
    r"|(?:finds? out|knows?|knew|hears?|heard|sees?|saw|notices?|noticed|reali[sz]es?|reali[sz]ed)\b"
)
HOUSEHOLD_KILLS_ME_WHEN = (
    rf"\bmy (?:{HOUSEHOLD})(?:'ll|'d| will| would|(?:'s|'re| is| are)? (?:going to|gonna)) (?:literally |honestly |so |totally |absolutely |actually |really )?kill me"
    rf" (?:when|once|if|as soon as|the (?:moment|second|minute)|after) (?:he|she|they) (?:\w+ )?(?:{ARRIVES_OR_FINDS})"
)
# One's own words, read or heard back: not "it again", not "my messages" (which may be theirs).
_OWN_WORDS = (
    r"(?:it|that|this|them) (?:back|out loud|aloud)"
    r"|(?:back )?what i'?d? (?:\w+ )?(?:wrote|written|said|sent|typed|posted)"
    r"|(?:back )?my own (?:message|messages|text|texts|email|rant|voice ?note|words|reply|post|tweet|speech)"
    r"|(?:back my|my (?:own )?)(?:message|text|email|rant|voice ?note|reply|post|tweet|speech)"
    r"(?: back| to (?:him|her|them|my \w+))"
)
# Dying at one's own words read or heard back: lowered only beside a real laugh (LAUGH), not a
# squirm ("😬", "🙃", "awkward"), which can sit beside a wish to die that is meant.
DIES_AT_OWN_WORDS = (
    r"\b(?:wanted|want|wanna|wanting|going|gonna|could(?: have|'ve)?|nearly|almost) (?:to )?(?:literally |just |honestly )?(?:die|died)"
    r" (?:when|as soon as|the (?:moment|second)|after|reading|hearing|seeing) (?:(?:i|he|she|they|we|everyone|my \w+) )?"
    rf"(?:re-?)?(?:read|reads|reading|saw|seeing|see|heard|hearing|hear|watched|listened to|played|replayed|looked at|opened) (?:{_OWN_WORDS})\b"
)
IN_JEST = [
    KILLS_ME_WHEN,
    # saying or asking something "without dying"
    r"\b(?:say|said|saying|ask|asking|tell|telling|admit|admitting|send|sending|read|reading|show|showing|post|posting|text|texting|sing|singing|wear|wearing)\b"
    r"[^.!?]{0,60}?\bwithout (?:literally )?dying(?: of (?:embarrassment|shame|cringe)| inside)?",
    r"\b(?:i'?d|i would) (?:literally |honestly )?rather die than (?:say|ask|tell|admit|wear|sing|dance|text|call|send|post|read)\b",
]
IN_JEST_LAUGHING = [DIES_AT_OWN_WORDS]
# A laugh, or the cringe of one's own words read back.
LAUGH = [
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk)\b|😂|🤣|🙈",
    r"\b(?:embarrass\w*|cringe\w*|cringy|mortif\w*)\b",
    r"\b(?:read|reading|reread|re-read) (?:it|that|this|them) back\b|\bread back\b|\bout loud\b|\baloud\b",
]
JEST = [*LAUGH, r"😅|🙃|💀|😬|🫣|🤦|\bawkward\b"]
# Fear, a threat (said, reported or done), leaving, help sought, or the words meant: any one of
# these anywhere in the message and none of the idioms above is taken as everyday.
EARNEST = [
    r"\b(?:scared|afraid|frightened|terrified|petrified|fear\w*|panic\w*|unsafe|not safe|danger\w*)\b",
    r"\bthreat\w*|\bwarn(?:s|ed|ing)? me\b|\bpromised\b|\bswore\b|\bswears\b|\bmeans? it\b|\bmeant it\b",
    # a threat reported: "he said he'd", "texted me she's going to"
    r"\b(?:said|says|saying|told|tells|texted|texts|messaged|wrote|screamed|shouted|yelled|warned)(?: (?:me|us|to me|at me|my \w+))?(?: that)?"
    r" (?:he|she|they|\w+)(?:'ll|'d|'s| will| would| is| was| were| are)\b",
    r"\b(?:hit|hits|hitting|beat|beats|beating|beaten|hurt|hurts|hurting|harm\w*|punch\w*|slap\w*|chok\w*|strangl\w*"
    r"|shov\w*|bruis\w*|attack\w*|violen\w*|abus\w*|weapon|knife|gun|drunk|drinking|temper|rage)\b",
    # leaving, telling, help sought, hiding: "finds out i told my mum", "i'm hiding in the bathroom"
    r"\bi(?:'ve|'d|'m| have| had| am)? (?:(?:try to|tried to|trying to|want to|wanna|going to|gonna|finally|ever|been) )?"
    r"(?:leave|leaving|left(?! (?:the|a|an|it|some|his|her) )|tell|told|telling|say no|said no|report|reported|call|called|calling"
    r"|speak up|spoke up)\b(?! (?:you|u|ya)\b)",
    # ...not "her" a possessive: "the state we left her kitchen in"
    r"\b(?:leave|leaving|left) (?:him|her|them)\b(?! (?:kitchen|room|bedroom|bathroom|house|flat|car|stuff|things|mess|dishes|keys|place)\b)"
    r"|\bhid(?:e|es|ing)? (?:in|from|at|out)\b|\block(?:ed)? (?:myself|the door)\b",
    r"\b(?:talking|talked|speaking|spoke|writing|messaging) to (?:you|someone|anyone|a (?:friend|counsellor|therapist))\b",
    r"\b(?:don't|do not|never) tell (?:anyone|anybody|no ?one|people)\b",
    r"\b(?:police|cops|lawyer|solicitor|refuge|shelter|pregnant|abortion|divorce|custody|money)\b",
    r"\b(?:gay|lesbian|queer|trans|cheat\w*|affair|seeing someone|another (?:man|guy|woman|girl))\b",
    r"\bnot (?:joking|kidding|exaggerating)\b|\bno joke\b|\bfor real\b|\bseriously\b|\bserious\b|\bi mean it\b",
    r"\bstill (?:do|want|feel|wish|think)\b|\bevery (?:day|night)\b|\ball the time\b|\blast time\b",
    # done before, or about getting away from someone: "he's done it before", "i moved out",
    # "when he gets out of prison", "where i'm staying", "my ex"
    r"\b(?:he|she|they)(?:'s|'d|'ve| has| had| have)? (?:done|did|tried)(?: it| that| this)?(?: to me)? before\b"
    r"|\b(?:he|she|they) (?:nearly|almost) did\b",
    r"\b(?:moved|moving|move|ran|run|running) (?:out|away)\b|\b(?:took|take|taking|taken) the (?:kids|children|baby)\b"
    r"|\bchang(?:ed|ing) the locks\b|\b(?:prison|jail|released|parole|bail|restraining|protection order|non-molestation)\b",
    r"\bwhere (?:i|we)(?:'m| am|'re| are| live| stay| work| was| were)\b|\b(?:i'm|i am|we're|we are) (?:staying|hiding|living) (?:at|with|in)\b",
    r"\bmy ex\b|\bex-?(?:husband|wife|boyfriend|girlfriend|partner|bf|gf)\b",
    # meant: "he said so", "he actually would", "he'll find me", "he's outside", "he's hurt me before"
    r"\b(?:he|she|they)(?:'s| has| have|'ve)? (?:said|says|say|keeps saying|always says) (?:it|so|that)\b|\bi believe (?:him|her|them)\b"
    r"|\bactually (?:would|will|kill|do it|means?|meant)\b|\b(?:would|will|'d|'ll) actually\b",
    r"\b(?:he|she|they)(?:'ll| will| would|'d|'s going to| is going to) (?:\w+ )?(?:find|come for|get|track) (?:me|us)\b"
    r"|\bkill(?:s|ed)? (?:himself|herself|themselves)\b|\b(?:he|she|they)(?:'s| has| have) killed\b",
    r"\b(?:he|she|they)(?:'s|'re| is| are) (?:outside|on (?:his|her|their|the) way|coming|at the door|downstairs|back)\b",
    r"\b(?:he|she|they)(?:'s|'d|'ve)?(?: (?:has|had|have|done|did|tried|hurt|hit|nearly|almost|attacked|strangled|choked|beat|beaten"
    r"|it|that|this|me|so|to))+ before\b",
    r"\b(?:he|she|they) (?:gets?|goes|can get|turns) (?:so |really |very )?(?:angry|mad|scary|nasty|crazy|psycho|furious)\b"
    r"|\b(?:he|she|they)(?:'s|'re| is| are) (?:so |really |very )(?:angry|furious|scary|mad)\b",
    # in need, or with nowhere to go: "help", "i'm shaking", "i can't go home", "i packed my bags"
    r"\bhelp\b|\bwhat (?:do|should|can) i do\b|\bnowhere (?:to go|safe|to stay)\b|\bshak(?:e|es|ing)\b|\btrembl\w*|\bcrying\b",
    r"\b(?:can't|cannot|don't want to|not going|scared to|afraid to) (?:go )?(?:back )?home\b|\bsleeping in (?:my|the) car\b"
    r"|\bpack(?:ed|ing) (?:my|our) (?:bags|things|stuff)\b|\bnew (?:place|flat|number|phone)\b|\bchang(?:ed|ing) my number\b"
    r"|\bblock(?:ed|ing)? (?:him|her|them)\b|\b(?:have|got|with) the (?:kids|children)\b|\bthe (?:kids|children) are with me\b"
    r"|\bwent out\b|\bbank (?:account|card)\b|\b(?:doctor|gp|hospital|a&e|clinic|therapist|counsell?or|helpline|hotline)\b",
    r"\b(?:lost|losing|having|keep|keeping|about) (?:the|a|his|our|my) baby\b|\bmiscarr\w*",
    # a second thought of dying beside the jest: "i wish i had", "i have pills"
    r"\bpills\b|\boverdos\w*|\bwish i (?:had|would)\b(?=\s*(?:[.!?,]|$|lol|haha|tbh|honestly))",
]
# A small thing broken, spilt or eaten: beside "he's going to kill me when he finds out", with no
# laugh, likely an idiom but not surely one. Asked about, never left in silence.
MISHAP = (
    r"\b(?:mug|cup|plate|vase|glass|bowl|jumper|sweater|shirt|top|dress|shoes|trainers|headphones|charger"
    r"|controller|console|car|bike|leftovers|chocolate|cake|biscuits|snacks|wine|beer|plants?|kitchen"
    r"|carpet|sofa|couch|remote|laptop|screen|keys)\b"
)


# Living, said of oneself: not where or with whom ("I don't want to live with his mother").
# Except where the place is the world itself, or the rest of one's life ("I don't want to live
# in this world anymore", "live out the rest of my life", "live for anything"): that is living.
_LIVE = (
    r"(?:live|living|keep living|go on living|carry on living)\b(?:(?=\s+(?:(?:in|on) (?:this|the)"
    r" (?:world|earth|planet)|out (?:the rest of )?(?:this|my) life(?!\s+with\b)|for (?:anything"
    r"|nothing))\b)|(?!\s+(?:with|in|at|near|next|there|here|together|abroad|on|by|like|this way|that way"
    r"|close|far|so far|alone|apart|separately|somewhere|anywhere|where|under|above|off|out"
    r"|for (?!me\b))\b))"
)

# Self-harm and suicide.
SELF_HARM = [
    r"\bk[i!1]+l+(?:s|ed|ing)? my ?self\b",
    r"\bkms\b",
    r"\bsu[i1]?c+[i1]?de?",
    r"\bsuicid",
    r"\bend (?:my|it) ?(?:life|all)\b",
    r"\bend(?:ing)? (?:it all|my life|things for good)\b",
    r"\b(?:take|taking) all (?:of )?(?:my|the) pills\b|\bswallow(?:ing)? (?:all )?(?:my|the) pills\b",
    r"\b(?:want|wants|wanted|wanting|wanna|wnt|going|gonna|plan(?:s|ning)?) (?:to )?die\b",
    r"\bwish i (?:was|were) dead\b",
    r"\bbetter off (?:dead|without me)\b",
    r"\b(?:hurt|harm|burn|burned|burnt|punish|starve)(?:ing|s)? my ?self\b",
    r"\bself[- ]?harm",
    r"\bcut(?:ting)? my ?self\b",
    r"\boverdos(?:e|ed|ing)\b",
    rf"\b(?:took|take|taking|swallowed|swallow) (?:too many|a lot of|a bunch of|a handful of|all|(?:a |the )?(?:whole )?(?:box|bottle|pack|packet|strip|sheet|tub) of) (?:of )?(?:my |the |his |her )?(?:\w+ )?(?:{MEDICINES})\b",
    r"\b(?:goodbye|suicide) (?:letter|note)\b",
    r"\b(?:don'?t|can'?t) see (?:the|any) point (?:of|in) (?:being here|living|going on|being alive|life)\b",
    r"\b(?:think(?:ing)? about|want to|wish i could|wanna) (?:not existing|stop(?:ping)? existing|not being here|not being alive)\b",
    r"\b(?:want|wish) (?:it|everything|this|all this) (?:all )?to (?:stop|end)\b[^.!?]{0,200}\b(?:permanently|forever|for good)\b",
    r"\b(?:drive|crash|walk|step|throw myself) (?:my car )?(?:into|in front of|under) (?:a |the )?(?:tree|wall|traffic|train|bus|truck|car)\b",
    r"\b(?:nobody|no one|no-one) would (?:even )?(?:notice|care|miss me)\b[^.!?]{0,200}\bif i (?:was|were|am|died|disappeared|wasn'?t)\b",
    r"\b(?:never|not) (?:to )?wake up\b(?!\s+(?:the|him|her|them|anyone|everyone|you|my|our|his|her|in time|on time|for|when|early|to|at|before|till|until|if))",
    r"\b(?:tired of|done with) (?:living|being alive)\b",
    r"\bways to (?:die|kill myself|end (?:it|my life))\b",
    r"\bhow (?:many|much) (?:\w+ )?(?:pills|tablets)\b[^.!?]{0,200}\b(?:take|kill|die|enough)\b",
    r"\bsleep forever\b",
    r"\b(?:rather|better) (?:be )?dead\b",
    r"\b(?:want(?:ed)? out of|end|leave|done with) (?:this|my) life\b",
    r"\bplan (?:to|for) (?:kill(?:ing)? myself|die|dying|end(?:ing)? my life)\b",
    r"\b(?:don'?t think i'?ll|doubt i'?ll) (?:be )?(?:alive|around|here) (?:much )?(?:longer|by|next|for)\b|\b(?:won'?t|not going to) (?:be )?(?:alive (?:much )?(?:longer|by|next|for)|(?:around|here) (?:much|for much|very much) longer)\b",
    rf"\b(?:collecting|collect(?:ed|s)? (?=up|all)|sav|stockpil|hoard|stash)(?:e|es|ed|ing|s)? (?:up )?(?:my |the |some |all my )?(?:own )?(?:{MEDICINES})\b",
    r"\bpoint (?:of|in) (?:living|life|going on(?! about| at| with| like)|being alive)\b",
    r"\b(?:punch|cut|burn|scratch|bang|stab)(?:ing|ed|es|s|t)? my ?self\b",
    r"\b(?:keep|kept|have|got|hide|hid|bought) a (?:razor|blade)\b(?! for\b)",
    r"\b(?:happier|better off|easier) (?:if|when) i (?:was|were|wasn'?t|weren'?t|am not|'m not) (?:around|here|gone|dead|alive)\b",
    r"\bgiven away (?:my|all my) (?:things|stuff|belongings)\b",
    r"\b(?:i'?ve|i have|i'?m|i am|i) (?:started |been )?cutting (?:again|myself)\b",
    r"\b(?:thinking (?:about|of)|going to|gonna|want to|wanna) jump(?:ing)?\b(?!\s+(?:in|into|at|on|to|ship|the gun|through|back|ahead|up|down|for|straight|right|onto|off (?:the|this|a) (?:call|zoom|meeting)))",
    r"\b(?:take|takes|taking|took|taken|end|ends|ending|ended) my (?:own )?life\b",
    r"\btake all (?:of )?my (?:own )?pills\b",
    r"\bno (?:reason|point) (?:to|in) (?:live|living|going on(?! about| at| with| like))\b",
    r"\bnot worth living\b",
    r"\bhang my ?self\b",
    rf"\b(?:don'?t|do not) (?:(?:really|even|actually|honestly|think i) )*(?:want|wanna) (?:to )?(?:{_LIVE}|be alive|wake up|exist)\b",
    # doubt is no denial: "I'm not sure I want to be alive", "I don't know if I want to live"
    rf"\b(?:not sure|unsure|not certain|no longer sure|don'?t know|do not know) (?:if |whether |that )?i (?:(?:even|still|really|actually) )*(?:want|wanna) (?:to )?(?:{_LIVE}|be alive|stay alive)\b",
    r"\b(?:nothing|no one|nobody|nothing left|no-one) (?:left )?to live for\b",
    rf"\bcan'?t (?:go on|carry on|keep) {_LIVE}",
    r"\bjump (?:off(?! (?:the|this|a) (?:call|zoom|meeting|teams|chat))|in front of)\b",
    r"\b(?:i|to|just|should|could|wanna|'d) (?:just |simply )?disappear forever\b",
    r"\bcan'?t go on\b(?!\s+(?:like this|holiday|vacation|(?:the|a|this|that|our|my|his|her) \w+|\w+ing|with|about|at))",
    SELF_INJURY,
    r"\b(?:pain|hurt|hurting|it|everything|this|all this|all of it) (?:to )?(?:stop|end|go away) (?:for good|forever|permanently)\b",
    r"\bgoodbye (?:letters?|notes?|videos?)\b|\b(?:letters?|notes?|messages?) (?:to say|saying) goodbye\b|\bsay(?:ing)? goodbye to (?:everyone|everybody|the world|you all|all of you)\b|\bsaid goodbye to (?:the world|you all|all of you)\b",
    r"\b(?:don'?t|do not|doesn'?t|never) deserve to (?:live|be alive|exist|be here|breathe)\b",
    r"\b(?:living|life|being alive|existing|staying alive) (?:is|feels|has become) (?:just |simply )?too (?:much|hard|painful|heavy)\b",
    r"\bcan'?t (?:do|face|handle|take|bear) (?:life|living|being alive|existing) any ?(?:more|longer)\b",
    r"\b(?:want|wants|wanted|wanting|wish|wishes|wishing) (?:to )?(?:just |simply )?(?:not|stop) (?:to )?(?:exist|existing|be alive|being alive|be here|being here|wake up|waking up|breathe|breathing)\b(?!\s+(?:at|early|so early|every|in the night|for (?:that|the|this)|when|during|before|until))",
    r"\bend(?:s|ed|ing)? (?:it all|everything|myself)\b(?! with| between| we| i| he| she| they)",
    r"\bdeserve to die\b|\b(?:want|wanna|wish) (?:to )?(?:be )?dead\b|\bnoose\b",
    r"\b(?:life|living) (?:is not|isn'?t|is never|'s not|ain'?t) worth (?:it|living|the pain)\b",
    r"\bbetter (?:off )?without me\b|\b(?:will|would|'ll|'d) be (?:fine|ok|okay|better|happier) without me\b(?!\s+(?:for (?:a|one|an|the|two|three|\d+|this|that) \w+|tonight|today|this (?:week|weekend|evening|time)|at|on|there))",
    r"\b(?:most )?(?:painless|easiest|quickest|quietest|best) ways? to (?:just )?(?:die|go(?!\s+(?:about|is|there|to|from|home|back|through|via|around|round|for|with|on|out|into|up|down|over|in)\b)|end (?:it|things|my life)|not exist|not be here|kill myself|disappear)\b",
    r"\b(?:staring|stare|stared|keep looking|kept looking) at (?:the |a |that |my )?(?:rope|pills|knife|razor|blade|tracks)\b",
    r"\b(?:happier|better off|easier|kinder|better) (?:for everyone )?(?:if|when) i (?:just |simply )?(?:disappeared|died|was gone|were gone|wasn't here|weren't here|wasn't around|was dead|wasn't alive)\b",
    rf"\bhow (?:many|much) (?:\w+ ){{0,3}}(?:{MEDICINES})\b[^.!?]{{0,200}}\b(?:kill|die|enough to|it would take|would it take|to overdose|is lethal|is fatal)\b",
    r"\b(?:thinking (?:of|about)|want to|wanna|going to|gonna|might|could (?:just )?|planning to|plan to|tempted to|urge to|about to|feel like) (?:driving|drive|jumping|jump|stepping|step|walking|walk|throwing myself|throw myself|lying down|lie down) (?:off|in front of|under|into) (?:the |a |an )?(?:next |oncoming |moving )?(?:bridge|cliff|train|traffic|bus|truck|lorry|tracks|tree|wall|roof|building|balcony|river|sea|canal)\b",
    r"\b(?:this is|this'll be|this will be|here's|here is) (?:probably |likely |prob )?my (?:goodbye|(?:last|final) (?:message|text|post|night|day|goodbye))\b(?! (?:about|on|re|regarding|tonight|today|for (?:now|today|tonight|the day)|before|until|of the (?:day|night)|at|in|as|with|then))(?!,? (?:i promise|then))",
    r"\b(?:can't|don't|cannot) (?:see|imagine|picture) (?:a|any) (?:future|world|tomorrow) (?:where|in which) i'm (?:still )?(?:here|alive|around)\b|\b(?:can't|don't|cannot) (?:see|imagine|picture) myself (?:still )?(?:here|alive|around)\b",
    r"\b(?:hop(?:e|ing)|wish(?:ing)?|pray(?:ing)?) (?:that )?i (?:don't|do not|won't|never) (?:make it|wake up|survive|get through)\b(?! (?:the|him|her|them|you|anyone|everyone|early|late|in time|on time|when|before))",
    r"\b(?:i|to|just|should|could|wanna|'d) (?:just |simply )?disappear(?:s|ed|ing)? (?:for good|forever|permanently)\b",
    r"\b(?:sleep|sleeping|asleep)\b[^.!?]{0,200}\b(?:not|never) (?:wake|waking) up\b",
    r"\bwon't be (?:alive (?:to see|for|by|much longer|any ?more|tomorrow|next)|(?:around|here) (?:to see|much longer|any ?more))\b",
    r"\b(?:don't|can't|cannot) (?:see|imagine|picture) myself (?:still )?(?:being )?(?:here|alive|around)\b",
    r"\b(?:jump|jumping) (?:from|off) (?:the |a |my )?(?:terrace|roof|balcony|bridge|building|window|cliff)\b",
    r"\b(?:finish|finishing) (?:everything|it all)\b",
    r"\bgarage\b[^.!?]{0,200}\bengine (?:running|on)\b|\bengine (?:running|on)\b[^.!?]{0,200}\bgarage\b",
    r"\b(?:didn't|doesn't|don't|without) (?:know|telling \w+|letting \w+ know) (?:that )?it (?:was|is) (?:a )?goodbye\b",
    r"\buntil (?:it|i|they) (?:bleeds?|bled|bleeding)\b",
    r"\b(?:swerv(?:e|ing)|crash(?:ing)?|steer(?:ing)?|veer(?:ing)?) (?:the car )?into (?:the |a |an )?(?:barrier|wall|tree|oncoming|traffic|lorry|truck|bridge|river)\b",
    r"\b(?:no one|nobody) would (?:know|think) it was (?:on purpose|deliberate)\b",
    rf"\b(?:looking up|looked up|googl(?:e|ed|ing)|search(?:ed|ing)(?: for)?) how (?:many|much) (?:\w+ ){{0,3}}(?:{MEDICINES})\b(?![^.!?]{{0,30}}\b(?:is safe|safe for|for (?:a |my |the )?(?:toddler|baby|kid|child|son|daughter|headache|period|fever|cold)))",
    r"\b(?:balcony|ledge|roof|rooftop|edge|bridge|window|cliff)\b[^.!?]{0,200}\b(?:lean(?:ing)? (?:forward|over|out)|let(?:ting)? (?:myself )?go|fall(?:ing)? off|step(?:ping)? off)\b",
    r"\b(?:tonight|today|this) (?:is|will be|'s) (?:going to be )?my last (?:night|day)\b(?! (?:at|in|of|on|off|before|with|as|here|there|working))",
    rf"\bstopp?(?:ed|ing) (?:taking )?my (?:{MEDICINES}) (?:on purpose|deliberately)\b",
    r"\bnot (?:waking|wake) up (?:tomorrow|again|ever)\b(?! (?:at|early|before|just|for|to))|\bjust not (?:waking|wake) up\b",
    r"\beveryone (?:would|'d) be better off\s*(?:[.!,]|$)",
    r"\b(?:been|started|keep|kept|i'?ve|i'?m) (?:\w+ )?cutting (?:again|myself|my arms|my legs)\b(?![^.!?]{0,40}\b(?:hungry|hangry|calories|carbs|diet|gym|bulk|summer|weight|macros))",
    r"\bhow easy it (?:would|'d|will) be to (?:just )?(?:let go|jump|end it|fall|step off|die|not wake up|keep going|keep driving|drive off|not brake)\b",
    r"\b(?:no|any|see no|don't see (?:a|any)) reasons? to (?:carry on|go on|live|keep going|keep living|stay alive)\b(?! (?:arguing|about|with|like|fighting|talking|discussing|the|this|that|it|at))",
    r"\bhoping (?:that )?i (?:would|'d|will|might) (?:crash|die|not wake up|not make it|get hit)\b",
    r"\b(?:sat|sitting|sit|lying|locked in)\b[^.!?]{0,200}\bwith (?:a|the|my|his|her) (?:razor|blade|knife(?! and fork)|pills|rope)\b",
    r"\b(?:nobody|no one|no-one|noone) (?:would|will|'d)? ?(?:even |really )?(?:miss|mourn) me\b(?! (?:at|for|if i (?:skip|don't go|leave early)|tonight|this|on))",
    rf"(?:{PREPARE})\b[^.!?]{{0,200}}\b(?:{GONE_FOR_GOOD})|\b(?:{GONE_FOR_GOOD})[^.!?]{{0,200}}\b(?:{PREPARE})",
]

# Violence, threats, sexual violence and control, by someone against the person.
AGAINST_ME = [
    ON_ME,
    ON_A_CHILD,
    r"\bhit+s? me\b",
    r"\bthr(?:ew|ows|owing) (?:\w+ ){1,5}at (?:me|my (?:head|face))\b",
    r"\b(?:until|till|til) (?:it|i|they) bled\b|\bmade me bleed\b",
    r"\bhands? (?:around|on|round) my (?:neck|throat)\b",
    r"\b(?:knife|gun|weapon)\b[^.!?]{0,20}\bat me\b|\bpoint(?:ed|s|ing) (?:a|the|his|her) (?:knife|gun)\b",
    r"\bwith me in it\b|\bfind my body\b",
    r"\b(?:afraid|scared|terrified|frightened) of what (?:he|she|they)(?:'ll| will| might| would|'d) do\b",
    r"\b(?:afraid|scared|terrified|frightened) of what (?:happens|will happen|would happen|could happen) if i (?:leave|go|say no|tell (?:anyone|someone|the police|people|my family|my friends)|don'?t (?:do|answer|come|obey|listen)|try|stay|speak up|refuse)\b",
    r"\b(?:take|takes|took|taken|hid|hides|keeps|kept|locks|locked) (?:away )?my (?:passport|documents|papers|id|bank cards?)\b",
    r"\bcan't (?:go|leave) (?:anywhere|out|the house) without (?:asking|telling|his|her|their)\b",
    r"\byou know what (?:happens|will happen|'ll happen) if you\b|\bi know what (?:happens|will happen|'ll happen) if i (?:leave|tell|say no|go|talk|speak|try|don'?t (?:do|listen|obey|answer|come|pick up|reply))\b",
    r"\bput(?:s|ting)? something in my (?:tea|drink|food|coffee|dinner|meds|medication)\b",
    r"\bmade me do (?:things|stuff)\b[^.!?]{0,200}\b(?:didn'?t want|against my will|in bed)\b",
    r"\bpressur(?:e|es|ed|ing) me (?:into|to have) sex\b",
    r"\b(?:gets|got|getting|becomes|became) violent\b",
    r"\bi(?:'m| am) in danger\b",
    r"\bthr(?:ew|ows|own) me (?:against|into|onto|down|across|to the (?:floor|ground))\b",
    r"\btied me (?:up|down)\b|\bbroke (?:down )?(?:the|my|our) door\b(?! (?:handle|knob|hinge|lock|frame|bell)\b)",
    r"\block(?:ed)? myself in (?:the |my )?(?:bathroom|bedroom|car|room|toilet)\b",
    r"\bblack eye\b(?! (?:playing|from (?:football|rugby|boxing|the gym|training|a ball|sparring)))|\bsplit lip\b|\bi'?m bleeding\b",
    r"\bmolest(?:ed|ing|s|er)?\b|\bstalk(?:s|ed|ing)? me\b|\b(?:being|been|was|am|i'm|getting) stalked\b|\bstalker\b",
    r"\babus(?:e|ed|es|ing|ive)\b",
    r"\b(?:post|share|send|leak)(?:s|ed|ing)? (?:the |my |those |all the )?(?:nudes|(?:naked|nude|intimate|private|sexy) ?(?:photos|pics|pictures|videos?|images))\b",
    r"\bmake me disappear\b",
    r"\b(?:he|she|they) (?:might|could|may|will|would) (?:\w+ )?kill me\b",
    r"\b(?:afraid|scared|terrified|frightened) (?:to (?:go to )?sleep|to be (?:at )?home|for my life)\b",
    r"\bwon'?t (?:give|let) me (?:have )?(?:my own |any )?(?:money|cash|bank card|access to (?:money|my account))\b",
    r"\bh(?:eld|olds?|olding) me down\b|\bpinned me\b",
    r"\b(?:i )?hid(?:e|ing)? (?:from (?:him|her|them)|in the (?:bathroom|bedroom|closet|car|wardrobe)) when (?:he|she|they)\b",
    r"\b(?:tracks|tracked|tracking) my (?:location|phone)\b|\bfollows me everywhere\b",
    r"\b(?:he|she|they) hurts me\b(?! (?:feelings|with (?:his|her|their) words))",
    r"\b(?:i have|i'?ve got|i got|covered in|hide (?:the|my)) (?:new |more )?bruises\b(?! from (?:climbing|football|rugby|the gym|training|hockey|falling|bouldering|work|netball|boxing|skiing|cycling|my (?:bike|fall|run)))",
    r"\bforced (?:himself|herself|themselves) on me\b",
    r"\btouch(?:es|ed)? me (?:when|after|even though|even when) i (?:say|said) (?:no|stop|don'?t)\b",
    r"\battack(?:ed|s)? me\b(?! (?:verbally|with (?:words|questions)|over \w+|for (?:being|not|saying|forgetting|asking|doing)|about))",
    r"\b(?:assaulted me|i was assaulted|i got assaulted|been assaulted)\b",
    r"\bkill (?:himself|herself|themselves) and me\b",
    r"\b(?:he|she|they)(?:'ll| will| would|'d)? (?:\w+ )?kill (?:himself|herself|themselves) if i\b",
    r"\bhurts? me (?:physically|when|every|again)\b",
    r"\b(?:he|she|they) hurt me\b(?! feelings)(?!'s feelings)(?! with (?:that|his|her|their|those|what|the way|words)| by (?:saying|not|forgetting|ignoring|leaving|calling))",
    r"\bleft (?:a )?(?:bruise|bruises|marks)\b(?! on (?:the|our|a) (?!kids|children|baby))",
    r"\bbruises? (?:on|all over) (?:my|me)\b",
    r"\bthreat(?:en)?(?:ed|s|ing)? (?:to )?(?:\w+ ){0,5}(?:kill|hurt|harm|hit|beat)\b",
    r"\bthreat(?:en)?(?:ed|s|ing)? to take (?:the|my|our) (?:kids|children|baby)\b",
    r"\bthreat(?:en)?(?:ed|s|ing)? me\b",
    r"\b(?:he|she|they)(?:'ll| will| would|'d| is going to|'s going to| said (?:he|she|they)(?:'d| would)) (?:kill|hurt|hit) me\b",
    # ...said with "gonna", or of a partner by name: "he's gonna kill me", "my husband will kill me"
    r"\b(?:he|she|they|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|fiance|fiancé|fiancee))"
    r"(?:'s|'re| is| are)? (?:gonna|going to) (?:literally |actually |really )?(?:kill|hurt|hit) me\b",
    r"\bmy (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|fiance|fiancé|fiancee)(?:'ll|'d| will| would| might| could)"
    r" (?:literally |actually |really )?(?:kill|hurt|hit) me\b",
    r"\b(?:afraid|scared|terrified|frightened) of (?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex))\b",
    # ...or of someone at home: hitting and hurting as for a partner ("my dad is going to hit
    # me"); "kill me" only beside an arrival or finding the person, or feared ("I'm scared my
    # dad will kill me"): "my mum will kill me if I'm late again" is not.
    rf"\bmy (?:{HOUSEHOLD})(?:'ll|'d| will| would| might| could|(?:'s|'re| is| are)? (?:gonna|going to))"
    r" (?:literally |actually |really )?(?:hurt|hit|beat|punch|strangle|batter|choke|harm) me\b",
    HOUSEHOLD_KILLS_ME_WHEN,
    rf"\b(?:afraid|scared|terrified|frightened) (?:that )?my (?:{HOUSEHOLD})(?:'ll| will| might| would|'d|(?:'s| is) (?:going to|gonna)) (?:\w+ )?(?:hurt|hit|kill|harm|beat)\b",
    # Fear of what drink or anger makes of them: "I'm scared of how you get when you drink".
    r"\b(?:afraid|scared|terrified|frightened) of (?:how|what) (?:you|he|she|they) (?:get|gets|become|becomes|turn|turns|are like|is like)"
    r" when (?:you|he|she|they)(?:'re|'s|'ve| are| is| have| has)?(?: been)? (?:drinks?|drinking|drunk|high|angry|mad|raging|in a rage|jealous)\b",
    # "they" only with drink or rage: "scared when they're screaming at night" may be babies.
    r"\b(?:i|i'm|i am) (?:get |feel |am )?(?:so |really |always )?(?:scared|afraid|frightened|terrified) when "
    r"(?:(?:he|she)(?:'s| is| has| gets?)?(?: been)? (?:so |really )?(?:drinks?|drinking|drunk|high|raging|in a rage|angry|mad|furious|shouting|yelling|screaming|shouts|yells|screams|loses it|loses (?:his|her) temper)"
    r"|they(?:'re| are| have| get)?(?: been)? (?:so |really )?(?:drink|drinking|drunk|high|raging|in a rage|angry|furious|lose it|lose their temper))\b",
    # Fear of the partner's anger, said to them or as a feeling: "I'm scared of you when you
    # drink", "afraid of his temper", "like i can't breathe when he's angry".
    r"\b(?:afraid|scared|terrified|frightened) of you when you(?:'re|'ve| are| have| get)?(?: been)? (?:so |really )?(?:drinks?|drinking|drunk|high|angry|mad|furious|raging|in a rage|jealous|like that)\b",
    r"(?<!not )(?<!n't )(?<!never )(?<!longer )\b(?:afraid|scared|terrified|frightened) of (?:his|her|their|your) (?:anger|temper|rage|outbursts|violence|fists)\b",
    r"(?:^|\bi |\blike )(?:(?:just|literally|honestly|really|sometimes|feel like i) )*can'?t breathe when (?:he|she|they|you)(?:'s|'re| is| are| gets?| has been| have been|'s been| starts?)? (?:so |really |getting )?"
    r"(?:angry|mad|furious|drunk|drinking|raging|in a rage|shouting|yelling|screaming|like (?:that|this))\b"
    r"(?![^.!?]{0,40}(?:\b(?:lol|lmao|haha\w*|funny|hilarious)\b|😂|🤣))",  # laughing, not afraid
    r"\b(?:afraid|scared|terrified|frightened) (?:to be (?:alone )?with|of being (?:alone )?with) (?:him|her|them|my \w+)\b",
    r"\b(?:afraid|scared|terrified) (?:he|she|they)(?:'ll| will| might| is going to) (?:hurt|hit|kill|harm|come after|take the kids|do something|snap|lose it)\b",
    r"\bterrified (?:he|she|they)(?:'ll| will| might) find (?:out|me)\b(?! (?:that )?i (?:forgot|lost|broke|spent|ate|crashed|missed|didn't|haven't|ordered|bought))",
    r"\b(?:afraid|scared|terrified) to go home\b",
    r"\bfear for my (?:life|safety)\b",
    r"\b(?:don'?t|do not|no longer) feel safe\b",
    r"\bnot safe (?:at home|with (?:him|her|them))\b",
    r"\bi'?m not safe\b",
    r"\brap(?:ed|e|ing)\b",
    r"\bsexual(?:ly)? assault",
    r"\b(?:forced|forces|made|makes) me (?:to )?(?:have sex|sleep with(?! the (?:window|light|lights|tv|fan|door|heating|radio))|do sexual)",
    r"\bdidn'?t stop when i said no\b",
    r"\btouched me (?:when|after|even though) i said no\b",
    r"\bwon'?t let me (?:\w+ ){0,2}(?:leave(?! (?:the (?:dishes|washing|laundry|mess|bins?|table)|it\b|them\b))|see (?:my )?(?:friends|family)|go out|money|my phone|work(?! in peace))\b",
    r"\b(?:locks|locked) me (?:in|out)\b",
    r"\btakes? (?:away )?my (?:phone|money|keys|passport)\b(?! (?:charger|case|cable|by mistake|by accident))",
    r"\bnot allowed to (?:see|leave|go|work|have|talk|speak|call|visit|text)\b(?![^.!?]{0,40}\b(?:at work|in the office|on shift|before (?:\d|five|six|seven)|during (?:work|lessons|the shift)))",
    r"\b(?:has|got) a (?:gun|knife) and\b(?! (?:fork|started (?:cutting|chopping|slicing)|cut|chopped|sliced))",
    r"\bpulled a (?:gun|knife)\b",
    r"\bwith a (?:gun|knife)\b(?! and fork)",
    r"\b(?:put|puts|putting|laid|lays|laying) (?:his|her|their) hands on me\b|\b(?:gets?|got|getting) physical\b",
    r"\b(?:is|was|'s|can be) (?:so |really |very )?violent\b",
    r"\b(?:run|ran|running|runs) me (?:over|off the road)\b|\bpoison(?:s|ed|ing)? (?:me|my)\b|\bspik(?:e|es|ed|ing) my drink\b",
    r"\bfear for (?:my|our|the) (?:kids|children|son|daughter|baby|safety|life)\b|\b(?:afraid|scared|terrified|frightened) for (?:my|our|the) (?:safety|life|(?:kids|children|son|daughter|baby)(?:'s|s')? (?:safety|lives?))\b",
    r"\b(?:checks?|checking|watches|monitors?) my (?:location|whereabouts)\b|\b(?:keeps|kept) (?:turning|showing) up (?:at|outside) my\b",
    r"\bwon'?t let me (?:\w+ ){0,2}(?:go (?:anywhere|home|to (?!bed (?:angry|on)))|sleep|eat(?! in (?:his|her|the) car))\b",
    r"\b(?:had|has|have|having) sex with me (?:while|when) i (?:was |am |'m )?(?:asleep|sleeping|drunk|passed out|unconscious|out of it|crying|saying no|said no)\b",
    r"\b(?:didn'?t|did not|never|couldn'?t) consent\b",
    r"\btouch(?:es|ed|ing)? me (?:while|when) i(?:'m| am| was)? (?:asleep|sleeping)\b",
    r"\bif i (?:ever )?(?:leave|left|tell|told|try to leave)\b[^.!?]{0,200}\b(?:he|she|they)(?:'ll|'d| will| would| is going to| is gonna) (?:\w+ ){0,2}(?:(?:find|get|hunt|track|ruin|destroy|end|finish) me\b|make me (?:pay|regret|suffer|disappear)\b)",
    # The children held over the person: "if I leave she'll make sure I never see the kids again".
    rf"\bmake sure i (?:will )?(?:never|don'?t|won'?t|can'?t|cannot|wouldn'?t) (?:\w+ )?see (?:the|my|our|his|her) (?:\w+ )?(?:{CHILDREN})(?: \w+)? again\b",
    rf"\bif i (?:ever )?(?:leave|left|tell|told|try to leave)\b(?! (?:for|on|early|work|the (?:house|office)))[^.!?]{{0,200}}\b(?:never (?:\w+ )?see (?:the|my|our) (?:\w+ )?(?:{CHILDREN}) again|take (?:the|my|our) (?:kids|children|baby|son|daughter) (?:away|from me))\b"
    r"(?![^.!?]{0,40}(?:\b(?:lol|lmao|haha\w*)\b|😂|🤣))",
    r"\b(?:held|holds|holding|pressed|presses|put|puts) (?!(?:his|her|a|the) (?:face|head|cheek|hand|hands|lips|forehead|phone|ear|nose|mouth|finger)\b)(?:it|a \w+|the \w+|his \w+|her \w+) (?:to|against|at) (?:me|my (?:throat|neck|head|face|chest))\b",
    r"\b(?:hold|held|holds|holding|press|pressed|presses|pressing|put|puts) (?:the |a |his |her |my )?(?:\w+ )?(?:knife|blade|razor|gun|scissors|broken glass|lighter|cigarette) (?:to|against|at|on) (?:me|my (?:throat|neck|head|face|chest|wrists?|arms?|skin))\b",
    r"\btakes? (?:all |half )?(?:of )?my (?:whole |entire )?(?:wage|wages|salary|pay|paycheck|paycheque|money|benefits|earnings)\b|\b(?:have to|must|makes? me) (?:show|give) (?:him|her|them) (?:the |my )?receipts\b",
    r"\bmakes? me (?:keep|share|leave) my location\b|\b(?:has|wants|needs|checks) my location on (?:24/7|all the time|always)\b",
    r"\bthreat(?:en)?(?:s|ed|ing)? to (?:expose|post|send|share|leak|out)\b|\bthreat(?:en)?(?:s|ed|ing)? to tell (?:everyone|everybody|people|the police|immigration|social services|my (?:boss|employer|work|kids))\b",
    r"\b(?:pics|pictures|photos|videos?|nudes) of me without\b(?! asking| my (?:make-?up|glasses)| make-?up)|\b(?:send|post|share|leak|show)(?:s|ed|ing)? (?:them|it|the (?:pics|pictures|photos|videos?)) to (?:my|everyone)\b[^.!?]{0,200}\bif i\b",
    r"\b(?:until|unless|or else|if i don't|makes? me|made me|forc(?:e|es|ed) me to|have to) (?:i )?(?:do |give (?:him|her|them) )?(?:sexual|sex)\b",
    r"\bnext time (?:it )?(?:won't|will not) be (?:just )?(?:the|a) (?:wall|door|table|glass|plate|cup|warning|slap|push)\b",
    rf"\b(?:boiling|hot) (?:water|oil|coffee|tea)\b[^.!?]{{0,200}}\b(?:at|on|over) (?:me\b|my (?:\w+ )?(?:{BODY_PARTS}|hands?|feet|foot|lap)\b)",
    r"(?:'d|'ll| would| will| going to| gonna) (?:\w+ )?crash (?:us|the car with me|into(?! (?:bed|my bed|the (?:sofa|couch|bed))))\b",
    r"\bnot allowed (?:to have |any )?(?:friends|money|a phone|my own)\b",
    r"\bi said (?:stop|no) and (?:he|she|they) (?:didn't|did not|wouldn't|won't) stop\s*(?:[.!,]|$)",
    r"\bwith me (?:inside|in there|still inside|still in (?:it|there|the (?:car|house|room|flat|building)))\b|\bwith (?:me|us) and (?:the|my|our) (?:kids|children|baby) (?:in it|inside|in there)\b",
    r"\b(?:got|gets|pulled|took|takes|has) (?:his|her|their|a|the) (?:gun|knife|rifle) out\b(?! to (?:cut|chop|slice|open|carve|peel|spread))",
    r"(?:'ll|will|'d|would|going to|gonna) make (?:her|him|them|me|you|us) pay\b(?! for (?:the )?(?:dinner|lunch|drinks?|parking|petrol|gas|bill|rent|tickets?|coffee|food|meal|taxi|half|uber|groceries|shopping))|\bknows where (?:my \w+|i|we) lives?\b",
    r"\b(?:shook|shake|shakes|shaking) (?:him|her|them|the baby|my \w+|our \w+) (?:so hard|hard|violently|until)\b",
    r"\byou'?re (?:so )?dead (?:when|if|once)\b",
    r"\b(?:post|share|send|leak)(?:s|ed|ing)? my (?:photos|pics|pictures|videos?|nudes)\b[^.!?]{0,200}\bif i\b",
    r"\b(?:punch|hit|smash|kick)\w* (?:the|a) (?:wall|door) (?:right )?(?:next to|beside|by|near|behind) my (?:face|head)\b",
    r"\b(?:he|she|they)(?:'ll|'d| will| would| is going to| was going to) (?!never\b|not\b|ever\b)(?:\w+ ){0,4}(?:hurt|kill|harm|hit|beat|burn|stab|shoot) (?:them|the kids|the children|our \w+|my (?!feelings)\w+|me|us)\b",
    r"\bbruis(?:e|es|ed|ing)\b[^.!?]{0,200}\b(?:from|where|because|after) (?:he|she|they|him|her|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|dad|mum|mom|father|mother|brother|sister|stepdad|stepmum|fiance|fiancé))\b|\bbruises? (?:all )?(?:up|down|across|along) my\b",
    r"\b(?:long sleeves|make-?up|concealer|scarf|scarves)\b[^.!?]{0,200}\bso (?:no one|nobody|people don't|they don't)\b(?![^.!?]{0,40}\b(?:crying|cried|tired|hungover|spots))",
    r"\b(?:smash|broke|kick)\w* (?:in |down )?(?:the|our|my) (?:front |back )?(?:window|windows|door)\b(?! (?:handle|knob|hinge|lock|frame|bell|shut|closed|open)\b| with (?:a|the|his|her|their) (?:foot)?ball)",
    r"\b(?:found|hidden|hid|put|placed|taped|installed)\b[^.!?]{0,200}\b(?<!my )(?:tracker|airtag|tracking app|spyware|stalkerware)\b|\b(?:tracker|airtag|tracking app|spyware|stalkerware)\b[^.!?]{0,200}\b(?:on|in|under) my (?:car|phone|bag|coat)\b",
    r"\block(?:s|ed|ing)? me (?:in|out|up)\b",
    r"\b(?:won't|don't|doesn't|never) let me (?:\w+ ){0,2}(?:leave(?! (?:the (?:dishes|washing|laundry|mess|bins?|table)|it\b|them\b))|call|see|go out|go anywhere|talk to|speak to|visit)\b",
    r"\b(?:get to|allowed to) say no\b",
    r"\bwon't (?:give|let me have) (?:me )?my (?:phone|keys|car keys|passport|money|cards?|bank cards?|documents) back\b",
    r"\b(?:film|record)(?:s|ed|ing)? me (?:without|naked|in the shower|when i (?:was|'m|am) (?:asleep|sleeping|naked|changing|in the shower|undress\w*|drunk|getting changed))\b",
    r"\b(?:took|takes|taken|hid|hides|hidden|locked|locks|broke|smashed|disabled|cut off|cancelled|keeps|kept|won't give|changed)\b[^.!?]{0,80}\bso (?:that )?i (?:can'?t|couldn'?t|cannot|can not|wouldn'?t be able to|won'?t be able to) (?:leave|get out|get away|escape|go anywhere|go out|call (?:anyone|anybody|for help|the police|my \w+)|contact anyone|ask for help)\b",
    r"(?<!your )(?<!boss for )(?<!manager for )permission to (?:leave|go|see|talk|speak|spend|use (?!his|her|their)|eat|sleep|visit|call|text|work|buy)\b",
    r"\b(?:hand over|give (?:him|her|them)|hand (?:him|her|them)) (?:all )?(?:of )?my (?:wages|salary|pay|paycheck|paycheque|money|earnings|benefits|bank cards?|pin)\b",
    r"\b(?:he|she|they|husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|fiance|fiancé)(?:'s|'re| is| are| was| were| has| have| keeps| kept)?(?: been| always| constantly| secretly)* sp(?:y|ies|ied|ying) on my (?:phone|messages|texts|emails|calls|location|laptop|computer|chats|whatsapp)\b",
    r"\btrack(?:s|ed|ing)? me\b(?! down)|\bsp(?:y|ies|ied|ying) on me\b|\b(?:tracking app|spy app|location app|tracker|gps|airtag) (?:on|in|under) my (?:phone|car|bag)\b",
    r"\b(?:said|says|told me|warned|threatened|texted|screamed|yelled)\b[^.!?]{0,200}\b(?:(?:you'?ll|you will|you'?d|you would) (?:be sorry|regret (?:it|this|that)|pay for (?:it|this|that))|i'?d be sorry|i'?ll be sorry\b(?! to| if i))\b|\bor else\s*(?:[.!?]|$)",
    r"\b(?:made|makes|make|forces|forced|force) me (?:to )?(?:kneel|beg|strip|crawl|grovel|sleep (?:on the floor|outside|in the car)|stand (?:in the corner|outside|for hours))\b",
    r"(?:'d|'ll| would| will| is going to| was going to| gonna) come (?:after me\b|for me\s*(?:[.!,]|$|next|one day|eventually))",
    r"\bhid(?:e|es|ing)? from (?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex))\b|\bhiding (?:at|in|out)\b[^.!?]{0,200}\bbecause (?:he|she|they)(?:'s| is| was| were| gets| got)? (?:so )?(?:angry|drunk|mad|furious|violent|shouting|screaming|yelling|looking for me|after me)",
    rf"\b(?:{WEAPONS})\b[^.!?]{{0,200}}\b(?:{MENACE})\b|\b(?:{MENACE})\b[^.!?]{{0,200}}\b(?:{WEAPONS})\b",
]

# Words that may mean ending one's life or may mean something else ("I want to end it" could
# be the relationship): asked about gently, never ignored.
UNCLEAR = [
    r"\b(?:want to|wanna|going to|gonna|just want to|ready to) end it\b(?!\s+(?:with|between|all\b))",
    r"\bdon'?t want to be (?:here|around) any ?more\b",
    r"\bi'?m (?:just |such )?a burden\b",
    r"\b(?:want|wish) (?:it|everything|this) (?:all )?to be over\b",
    r"\bbought (?:a |some )?rope\b(?! for (?:the|a|my|our|his|her) (?!\w*self))",
    r"\bend(?:ing)? things\b(?! with)",
    r"\b(?:can'?t see myself|don'?t think i'?ll|not sure i'?ll) mak(?:e|ing) it (?:to|through)\b",
    r"\b(?:wrote|writing|made|making) (?:my|a) (?:will|goodbye)\b",
    rf"\b(?:{GONE})",
    r"\bcan'?t keep (?:living|going on) like this\b",
    r"\b(?:don'?t|do not) (?:(?:really|even) )*(?:want|wanna) (?:to )?(?:live|go on|keep living|go on living) (?:like this|this way)\b",
    r"\b(?:not sure|unsure|don'?t know) (?:if |whether )?i (?:(?:even|still|really) )*(?:want|wanna) to be (?:here|around) any ?more\b",
    r"\b(?:looking at|staring at|thinking about|keep (?:going|walking) (?:to|past)|stood (?:on|at|by)) (?:the )?(?:train tracks|tracks|railway(?: line)?|bridge|ledge|rooftop|cliff(?:s| edge)?)\b",
    r"\b(?:gun|guns|rifle|pistol|shotgun|firearm)\b",
    r"\b(?:tallest|highest) (?:bridge|building|cliff|car park|multi-?storey)\b|\bwithout anyone (?:seeing|knowing|noticing|finding out)\b",
    r"\bthinking (?:about|of) ending it\b(?! with| between)",
    r"\b(?:didn't|did not|couldn't) go through with it\b",
    r"\b(?:bloody|bleeding) nose\b",
    r"\b(?:don't|do not) (?:\w+ ){0,3}want to be (?:here|alive|around) any ?more\b",
    r"\b(?:i|i'?m|i am|me|my|myself)\b[^.!?]{0,200}\b(?:die|dying|dead|death)\b|\b(?:die|dying|dead|death)\b[^.!?]{0,200}\b(?:i|me|my|myself)\b",
    r"\b(?:balcony|bridge|ledge|roof|edge)\b[^.!?]{0,200}\bthinking about (?:it|jumping)\b",
]

# What someone else does that may or may not be unsafe ("he checks my phone every night"), and
# fear said of no one in particular ("I need to not be afraid"): asked about, in words about
# the person's safety with them, not about how heavy things feel.
WARNING_SIGNS = [
    r"\bchecks my phone\b|\b(?:to|trying to) scare me\b",
    r"\bcame at me\b|\bcoming (?:at|after) me\b",
    r"\bwon'?t take no for an answer\b",
    r"\bflinch(?:es|ed|ing)?\b",
    r"\b(?:'s|is|was) coming (?:back )?(?:for|after) me\b",
    r"\breads? (?:all )?(?:of )?my (?:emails|messages|texts|dms|mail|diary|journal)\b",
    r"\b(?:he|she|they|husband|wife|partner|boyfriend|girlfriend|bf|gf|ex)(?:'s|'re| is| are| was| were)? (?:always |constantly |still )?"
    r"(?:goes |go |going |went |looks |look |looking |looked |snoops |snooping |snooped |digs |digging |dug )"
    r"(?:through|in) my (?:phone|messages|texts|emails|bag|things|diary|journal|laptop)\b",
    r"\b(?:not|stop|never) (?:to )?(?:be|being|feel|feeling) (?:so |this |as |that )?(?:afraid|scared|frightened|terrified)\b"
    r"(?=\s*(?:[.!?…]|$|any ?more|all the time|at home|in my (?:own )?home|around (?:him|her|them|you)|with (?:him|her|them|you)|when (?:he|she|they|you)\b))",
    r"\b(?:i'?m|i am|i get|i feel|i was|i've been|i have been)(?: \w+)? (?:scared|afraid|frightened|terrified) of you\b"
    r"(?=\s*(?:[.!?,;…]|$|sometimes|at times|now|lately|when\b))",
]

# Distress about oneself that names no harm but may be near it ("I just want to disappear",
# "I hate myself", "maybe I deserve it"): asked about gently. Each is written beside the
# everyday sense it must leave alone ("I wish I wasn't here at this boring meeting", "I hate
# myself for forgetting her birthday", "I ordered the big cake, I deserve it").
_LAUGH = r"(?:\b(?:lol|lmao|haha\w*|jk)\b|😂|🤣|🙈|😅|🙄)"
_SAID_AND_DONE = r"(?=\s*(?:[.!?…]|$|any ?more|any longer|at all|honestly|tbh|sometimes|some days|most days|lately))"
DISTRESS = [
    r"\b(?:want|wanna|wish i could|need) (?:to )?(?:just |simply |kind of |kinda )?disappear\b"
    r"(?!\s+(?:into|in|under|for (?:a|an|the|two|three|\d)|to|off|on|somewhere|with|from|after|until|till|when|before|at|behind|for (?:the|a) (?:weekend|week|day|bit)))"
    rf"(?![^.!?]{{0,40}}(?:\b(?:embarrass\w*|cringe\w*|mortif\w*|awkward)\b|{_LAUGH}))",
    rf"\bwish i (?:wasn'?t|weren'?t|was not|were not) (?:here|around){_SAID_AND_DONE}",
    r"\bwish i (?:wasn'?t|weren'?t|was not|were not|was never|were never|'d never been|had never been|hadn'?t been) (?:alive|born)\b",
    r"\b(?:want|need|wish) (?:it all|everything|all of it|all (?:of )?this|the pain|the hurt|the thoughts|my thoughts|the noise in my head) to (?:just )?(?:stop|end|go away)\b"
    r"(?!\s+(?:so|and|for|before|when|while|until|till|at|on|in|being))",
    # said and left there: "I can't do this any more, he leaves the washing up..." is a complaint
    rf"\bcan'?t (?:do|take|handle|bear|cope with|face) (?:this|it|any of (?:this|it)) any ?(?:more|longer){_SAID_AND_DONE}",
    rf"\bcan'?t keep (?:doing|living|going on with) (?:this|it|like this){_SAID_AND_DONE}",
    rf"\bcan'?t (?:go|carry) on (?:living )?like this{_SAID_AND_DONE}",
    r"\bi (?:(?:really|just|honestly|so|actually|genuinely|fucking|truly|literally|seriously|kind of|kinda|sometimes|still|do|totally|absolutely) )*hate myself\b"
    rf"(?!\s+(?:for|when|whenever|if|a (?:little|bit)|after))(?![^.!?]{{0,40}}{_LAUGH})"
    r"(?![^.!?]{0,60}\b(?:forgot|forget|lost|broke|ate|missed|spilled|dropped|burnt|burned|bought|left my)\b)",
    r"\bi hate (?:who i am|being me|everything about (?:me|myself))\b",
    r"\b(?:maybe|probably|perhaps|i guess|i think|i suppose|i know|deep down|honestly) i (?:(?:really|just|kind of|kinda|probably|must|do) )*deserved? "
    r"(?:it|this|all (?:of )?(?:it|this)|what (?:i get|i got|happens|happened|he does|she does|they do|he did|she did|they did))\b"
    r"(?!\s+(?:after|for|though))(?![^.!?]{0,60}\b(?:worked|earned|treat|holiday|bonus|promotion|raise|pay rise|break|rest|cake|chocolate|wine|spa|won|prize)\b)",
    r"\b(?:(?:so|really|just|honestly|sick and|completely) )*(?:tired|sick) of (?:everything|it all|all of it|being me|existing|life)\b"
    rf"(?=\s*(?:[.!?;…]|$|any ?more|honestly|tbh|lately|at this point|i can'?t any ?more))(?![^.!?]{{0,40}}{_LAUGH})",
    # Hopelessness, said of everything rather than of a thing ("what's the point of this
    # meeting" is a complaint).
    rf"\b(?:what'?s|what is) (?:even |really )?the point (?:any ?more|of (?:anything|it all|any of it|living|going on|trying any ?more))\b(?![^.!?]{{0,40}}{_LAUGH})",
    rf"\bi (?:just |really |honestly )?can'?t any ?more(?=\s*(?:$|[^\w\s']))(?![^.!?]{{0,40}}{_LAUGH})",
    rf"\bi'?m (?:(?:so|just|completely|totally|honestly) )*done with (?:everything|it all|life|living)(?=\s*(?:$|[.!?,;…]|any ?more|honestly|tbh|at this point))(?![^.!?]{{0,40}}{_LAUGH})",
    r"\b(?:i'?m|i am|i feel|i felt|feeling|i've always been|i've been feeling)(?: (?:so|completely|totally|utterly|just|like|pretty|really))* (?:worthless|unlovable)\b",
    r"\bi'?m (?:(?:just|such|so) )?a (?:complete |total )?waste of (?:space|oxygen|air|skin)\b",
    r"^(?:so |just |completely |totally |utterly |feeling )?worthless\s*[.!…]*$",
]

# Anger aimed outward, said in the heat of the moment.
HYPERBOLE = [
    r"\b(?:could|want to|wanna|gonna|going to|i'?ll|about to|ready to) (?:kill|murder|strangle|throttle|punch|smack|slap|hit|strangle) (?:him|her|them|my \w+|that \w+)\b",
    r"\b(?:kill|murder|strangle) (?:him|her|them)\b",
    # ...said to them: only with "I" as the one who would ("I could kill you for this"), never
    # "mum's gonna kill you".
    r"\bi(?:'ll|'d| could| will| would| might| want to| wanna|(?:'m| am) (?:gonna|going to|about to|ready to))(?: (?:just|really|literally|honestly|actually|seriously))? (?:kill|murder|strangle|throttle|punch|smack|slap|hit|choke|stab) you\b",
    # "I will hurt him/you": not a fear of hurting someone ("I'm afraid I'll hurt her if I
    # tell her"), nor their feelings, nor a wish denied ("I don't want to hurt you").
    r"(?<!afraid )(?<!scared )(?<!worried )(?<!know )(?<!think )(?<!that )(?<!maybe )\bi(?:'ll| will| want to| wanna|(?:'m| am) (?:gonna|going to)) hurt (?:you|him|her|them)\b(?! (?:feelings|if|by|when|with|more|again|too|even|less|in)\b)",
    r"🔪|🗡️|🔫",
]

# Pairs that are danger together anywhere in one message, though each part is ordinary alone:
# (the reason, one part, the other).
TOGETHER = [
    Pair("self-harm", AFFAIRS, ENDING, deniable=True),
    Pair("self-harm", HOPELESS, AMBIGUOUS_ENDING, deniable=True),
    Pair("self-harm", AMBIGUOUS_ENDING, FOREVER, deniable=True),
    Pair("self-harm", AMBIGUOUS_ENDING, PLAN, deniable=True),
    # Consent is said in negatives ("won't take no", "never agreed"): nothing here is denied.
    Pair("sexual violence", SEXUAL, NO_CONSENT),
    Pair("sexual violence", SEXUAL, MINOR),
    Pair("control", WATCHED, WRITING_IN_SECRET),
]

# Danger said in Spanish, Portuguese, French, German or Italian. Mend reads English only
# (bot/domain/language.py says so to the person), but help must not wait for English: the
# clearest phrases of self-harm and suicide, of being hit, hurt or threatened by a partner or
# someone at home, and of being afraid of them. Each is written beside the everyday sense it
# must leave alone ("me muero de risa", "er schlägt mich beim Schach", "ce qui me frappe", "se
# me pegó la canción"), with accents typed or not ("schlagt", "golpeo"); a verb whose bare
# form is also everyday ("me golpeo la cabeza": I bump my head) needs a person before it.
_OF_A_LAUGH = (
    r"(?![^.!?]{0,14}\b(?:verg[üu]enza|vergonha|vergogna|honte|scham|risa|rir|rire|ridere|lachen"
    r"|hambre|fome|faim|fame|hunger|sue[ñn]o|sono|sommeil|sonno|cansancio|calor|chaleur|caldo|hitze"
    r"|fr[íi]o|froid|freddo|aburrimiento|t[ée]dio|ennui|noia|langeweile|amor|amour|amore|liebe)\b)"
)
_ES_PEOPLE = (
    r"(?:(?:mi|su) (?:ex ?)?(?:novio|novia|marido|esposo|esposa|mujer|pareja|padre|madre|pap[áa]|mam[áa]"
    r"|padrastro|madrastra|hermano|hermana)|[ée]l|ella|mi ex)"
)
_PT_PEOPLE = (
    r"(?:(?:o |a )?(?:meu|minha) (?:ex-?)?(?:marido|namorado|namorada|esposo|esposa|mulher|companheiro"
    r"|companheira|pai|m[ãa]e|padrasto|madrasta|irm[ãa]o)|ele|ela)"
)
_FR_PEOPLE_NOUNS = (
    r"ex|mari|copain|copine|compagnon|compagne|conjoint|conjointe|femme|p[èe]re|m[èe]re|beau-p[èe]re"
    r"|fr[èe]re|petit ami|petite amie|partenaire"
)
_DE_PEOPLE_NOUNS = (
    r"mann|freund|freundin|frau|partner|partnerin|ex|vater|mutter|papa|mama|stiefvater|bruder"
)
_DE_PEOPLE = rf"(?:er|sie|mein(?:e)? (?:{_DE_PEOPLE_NOUNS}))"
_IT_PEOPLE_NOUNS = (
    r"marito|moglie|ragazzo|ragazza|fidanzato|fidanzata|compagno|compagna|padre|madre|patrigno"
    r"|fratello|ex|pap[àa]|mamma"
)
_IT_PEOPLE = rf"(?:lui|lei|(?:il |la )?mi[oa] (?:{_IT_PEOPLE_NOUNS}))"
_NOW_AND_THEN = (
    r"(?:(?:siempre|ya|todav[íi]a|a veces|tambi[ée]n|otra vez|ayer|anoche|hoy|sempre|j[áa]|de novo"
    r"|ontem|encore|toujours|souvent|parfois|d[ée]j[àa]|hier|immer|wieder|oft|gestern|schon|ancora"
    r"|spesso|ieri|gi[àa]) )?"
)
# "me pegó un susto" (gave me a fright), "me pegó su resfriado" (gave me his cold).
_NOT_A_BLOW = (
    r"(?!\s+(?:un |una |el |la |su |sus |mi |los |las )?(?:susto|sustos|grito|gritos|resfriado|virus"
    r"|gripe|covid|catarro|chicle|plant[óo]n|bronca|broncas|manía|mania|acento|canci[óo]n|risa)\b)"
)
SELF_HARM_ELSEWHERE = [
    # Spanish
    rf"\bme quiero morir\b{_OF_A_LAUGH}|(?<!no )\bquiero morir(?:me)?\b{_OF_A_LAUGH}",
    r"\b(?:me (?:voy a|quiero|pienso) matar|(?:voy a|quiero|pienso|necesito) matarme)\b"
    r"(?!\s+(?:estudiando|trabajando|a trabajar|de risa|en el gimnasio|en el gym))",
    r"\b(?:ya )?no quiero (?:seguir )?vivir\b(?!\s+(?:con|en|aqu[íi]|all[íi]|cerca|juntos|sola|solo|as[íi]|de)\b)",
    r"\bquitarme la vida\b|\bacabar con mi vida\b|\bno vale la pena vivir\b|\bautolesi[óo]n|\bautolesionarme\b",
    r"\b(?:quiero|voy a|necesito|ganas de) hacerme da[ñn]o\b|\bcortarme las venas\b|\bmejor muert[oa]\b"
    r"|\bojal[áa] (?:estuviera muert[oa]|me muriera)\b",
    # Portuguese
    rf"(?<!n[ãa]o )\bquero morrer\b{_OF_A_LAUGH}",
    r"\b(?:vou|quero|preciso|penso em|pensando em|vontade de) me matar\b",
    r"\bn[ãa]o quero (?:mais viver|viver mais)\b|\btirar (?:a )?minha (?:pr[óo]pria )?vida\b",
    r"\b(?:quero|vou|vontade de) me machucar\b",
    # French
    rf"\b(?:je veux|je voudrais|envie de|j'ai envie de) mourir\b{_OF_A_LAUGH}",
    r"\b(?:je (?:vais|veux|voudrais|pense [àa])|envie de) me tuer\b(?!\s+(?:[àa] la t[âa]che|au travail|[àa] travailler))",
    r"\bje (?:ne )?veux plus vivre\b|\bmarre de vivre\b|\bmettre fin [àa] (?:mes jours|ma vie)\b",
    r"\b(?:envie de|je veux|je vais) me faire du mal\b|\bme scarifi|\bme couper les veines\b",
    # German
    r"\bich bring(?:e)? mich um\b(?!\s+(?:\d|halb|viertel|mitternacht))",
    r"\bich (?:will|m[öo]chte|moechte|werde|w[üu]rde|wuerde) mich (?:umbringen|t[öo]ten|toeten)\b",
    rf"\bich (?:will|m[öo]chte|moechte|w[üu]rde gern|wuerde gern) sterben\b{_OF_A_LAUGH}",
    r"\b(?:will|m[öo]chte|moechte|mag|kann) nicht mehr leben\b|\bselbstmord|\bsuizid",
    r"\bmir das leben (?:zu )?nehmen\b|\bich ritze mich\b|\bmich (?:zu )?ritzen\b"
    r"|\b(?:w[äa]re|waere) (?:ich )?lieber tot\b",
    # Italian
    rf"(?<!non )\bvoglio morire\b{_OF_A_LAUGH}",
    r"\b(?:mi voglio (?:uccidere|ammazzare)|voglio (?:uccidermi|ammazzarmi)|mi (?:uccido|ammazzo))\b"
    r"(?!\s+di (?:lavoro|risate|fatica))",
    r"\bnon voglio (?:pi[ùu] vivere|vivere pi[ùu])\b|\btogliermi la vita\b|\bfarla finita\b(?!\s+con\b)"
    r"|\bfarmi del male\b",
]
AGAINST_ME_ELSEWHERE = [
    # Spanish: someone hits, hurts, threatens or chokes me
    rf"\b{_ES_PEOPLE} {_NOW_AND_THEN}me (?:pega|peg[óo]|pegaba|ha pegado){_NOT_A_BLOW}",
    rf"\b{_ES_PEOPLE} {_NOW_AND_THEN}me (?:golpea|golpe[óo]|golpeaba|ha golpeado|maltrata|maltrat[óo]"
    r"|lastima|lastim[óo]|amenaza|amenaz[óo]|empuja|empuj[óo]|patea|pate[óo]|ahorca|ahorc[óo]|estrangula"
    r"|estrangul[óo]|viola|viol[óo])\b",
    rf"(?<!se )\bme (?:peg[óo]|ha pegado|han pegado){_NOT_A_BLOW}"
    r"|\bme (?:golpe[óo]|viol[óo]|maltrat[óo]|estrangul[óo])\b",
    r"\bme amenaz(?:a|[óo]) con (?:matarme|pegarme|golpearme|hacerme da[ñn]o|quitarme a (?:los|mis) hijos)\b",
    rf"\b(?:tengo|le tengo|siento) (?:mucho )?miedo (?:de|a) {_ES_PEOPLE}\b|\bme da miedo {_ES_PEOPLE}\b"
    r"|\bmiedo (?:de )?que me (?:pegue|golpee|mate|haga da[ñn]o)\b",
    # Portuguese
    rf"\b{_PT_PEOPLE} {_NOW_AND_THEN}me (?:bate|bateu|batia|agride|agrediu|amea[çc]a|amea[çc]ou|machuca"
    r"|machucou|empurrou|enforcou|espanca|espancou|estuprou)\b",
    r"\bme (?:espancou|estuprou|agrediu)\b",
    r"\b(?:tenho|sinto) (?:muito )?medo (?:do (?:meu )?|da (?:minha )?)(?:ex-?)?(?:marido|namorado|namorada"
    r"|esposo|esposa|companheiro|companheira|pai|m[ãa]e|padrasto|irm[ãa]o)\b|\btenho (?:muito )?medo (?:dele|dela)\b",
    # French
    rf"\b(?:il|elle|(?:mon|ma) (?:{_FR_PEOPLE_NOUNS})) {_NOW_AND_THEN}(?:me (?:frappe|frappait|bat|battait|gifle"
    r"|giflait|menace|mena[çc]ait|[ée]trangle|tape|tapait|viole|cogne|cognait)\b(?!\s+(?:\w+ )?(?:aux?|[àa]|en|sur les nerfs)\b)"
    r"|m'a (?:encore )?(?:frapp[ée]e?|battue?|gifl[ée]e?|menac[ée]e?|[ée]trangl[ée]e?|viol[ée]e?|cogn[ée]e?|fait mal)\b(?!\s+(?:aux?|[àa]|en)\b))",
    r"\bm'a (?:frapp[ée]e|battue|gifl[ée]e|[ée]trangl[ée]e|viol[ée]e)\b",
    rf"\b(?:j'ai|jai) (?:tellement |tr[èe]s |trop )?peur (?:de (?:mon|ma) (?:{_FR_PEOPLE_NOUNS})|de lui|d'elle|qu'(?:il|elle) me)\b",
    # German
    rf"\b{_DE_PEOPLE} {_NOW_AND_THEN}(?:schl(?:ä|ae|a)gt|schlug|tritt|w(?:ü|ue|u)rgt|bedroht|verpr(?:ü|ue|u)gelt|vergewaltigt) mich\b"
    r"(?!\s+(?:\w+ )?(?:beim|bei|im|in|am|um)\b)",
    r"\bmich (?:(?!beim\b|bei\b|im\b|in\b|am\b|um\b|auf\b)\w+ ){0,3}(?:geschlagen|getreten|gew(?:ü|ue|u)rgt|verpr(?:ü|ue|u)gelt|vergewaltigt|bedroht)\b",
    rf"\bmein(?:e)? (?:{_DE_PEOPLE_NOUNS}) {_NOW_AND_THEN}tut mir weh\b|\b{_DE_PEOPLE} (?:will|wird) mich (?:umbringen|t[öo]ten|toeten)\b",
    rf"\b(?:habe|hab) (?:solche |so |gro(?:ß|ss)e |richtig )?angst vor (?:meinem|meiner) (?:{_DE_PEOPLE_NOUNS})\b"
    r"|\bangst vor (?:ihm|ihr)\b|\bangst,? dass (?:er|sie) mich (?:schl(?:ä|ae|a)gt|umbringt|t[öo]tet)\b",
    # Italian
    rf"\b{_IT_PEOPLE} {_NOW_AND_THEN}mi (?:picchia|picchiava|ha picchiat[oa]|minaccia|ha minacciat[oa]|ha strangolat[oa]"
    r"|ha violentat[oa]|ha dato (?:uno schiaffo|un pugno|dei pugni|uno spintone)|prende a (?:schiaffi|pugni|calci)"
    r"|ha preso a (?:schiaffi|pugni|calci)|fa del male)\b",
    r"\bmi (?:picchia|ha picchiat[oa])\b|\b(?:mi )?(?:mette|ha messo) le mani addosso\b",
    rf"\bho (?:tanta |molta |cos[ìi] |troppa )?paura (?:di (?:mio|mia) (?:{_IT_PEOPLE_NOUNS})|del mio (?:{_IT_PEOPLE_NOUNS})"
    rf"|della mia (?:{_IT_PEOPLE_NOUNS})|di lui|di lei)\b",
]
