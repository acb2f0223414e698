"""Blame analysis and reframing: what a user sees for each form of blame."""

import pytest

from actions.blame import analyse, behaviour_from_answer, carries_blame, feeling_from_answer, past_tense, reframe_sentence


def reframe(text: str) -> str:
    a = analyse(text)
    assert a.complete, f"expected a full reframe for {text!r}, got {a}"
    return reframe_sentence(a.behaviour, a.feeling, a.past)


def test_causal_with_when_clause_becomes_the_issue_example():
    assert reframe("You make me so angry when you ignore my texts.") == "When you ignore my texts, I feel angry."


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("You never listen to me!", "you don't listen to me"),
        ("you always leave your socks on the floor", "you leave your socks on the floor"),
        ("Why do you always leave your socks on the floor?", "you leave your socks on the floor"),
        ("Why can't you ever be on time?", "you aren't on time"),
        ("You're always on your phone", "you're on your phone"),
        ("You've never said sorry", "you haven't said sorry"),
        ("Stop yelling at me!", "you yell at me"),
        ("Don't talk to me like that", "you talk to me like that"),
        ("Every time I talk you look at your phone", "I talk and you look at your phone"),
        ("You never help when I'm tired.", "I'm tired and you don't help"),
        ("You never call when you're running late", "you're running late and don't call"),
        ("How many times do I have to tell you to close the door?", "I have to ask you more than once to close the door"),
    ],
)
def test_behaviour_drops_absolutes_and_stays_grammatical(text, behaviour):
    a = analyse(text)
    assert a.behaviour == behaviour
    assert a.feeling is None  # nothing said about the feeling: the assistant must ask
    assert not carries_blame(f"When {a.behaviour}, I feel hurt.")


def test_absolutes_offer_three_or_four_feelings():
    a = analyse("You never listen to me!")
    assert 3 <= len(a.suggestions) <= 4
    assert "absolute" in a.forms


@pytest.mark.parametrize(
    "text, behaviour, partner",
    [
        ("My husband never listens", "you don't listen", "husband"),
        ("she always criticises my cooking", "you criticise my cooking", None),
        ("my boyfriend always forgets our plans", "you forget our plans", "boyfriend"),
        ("He's never home", "you aren't home", None),
        ("my wife always checks her phone at dinner", "you check your phone at dinner", "wife"),
    ],
)
def test_third_person_becomes_what_to_say_to_them(text, behaviour, partner):
    a = analyse(text)
    assert "third_person" in a.forms
    assert a.behaviour == behaviour
    assert a.partner == partner


@pytest.mark.parametrize(
    "text, expected",
    [
        ("You made me wait an hour", "When I had to wait an hour, I felt"),
        ("You forgot my birthday", "When you forgot my birthday, I felt"),
        ("Why did you forget my birthday?", "When you forgot my birthday, I felt"),
        ("You never called me back", "When you didn't call me back, I felt"),
    ],
)
def test_past_tense_stays_past(text, expected):
    a = analyse(text)
    assert a.past
    assert reframe_sentence(a.behaviour, "hurt", a.past).startswith(expected)


@pytest.mark.parametrize(
    "text",
    [
        "You're so selfish.",
        "You are lazy",
        "you're such a slob",
        "Grow up.",
        "What is wrong with you?",
        "You're a terrible listener",
        "you're useless with money",
    ],
)
def test_labels_and_contempt_ask_what_they_did(text):
    a = analyse(text)
    assert a.behaviour is None
    assert {"label", "command", "question"} & set(a.forms)


def test_label_is_recorded_and_never_reused():
    a = analyse("You're so selfish.")
    assert a.label == "selfish"
    assert carries_blame("When you are selfish, I feel hurt.") == ["label"]


@pytest.mark.parametrize(
    "text, behaviour, feeling",
    [
        ("It's your fault we're late.", "we're late", None),
        ("Because of you I can't relax.", None, "tense"),
    ],
)
def test_fault(text, behaviour, feeling):
    a = analyse(text)
    assert "fault" in a.forms
    assert a.behaviour == behaviour
    assert a.feeling == feeling


def test_fault_offers_the_likely_feeling_first():
    assert analyse("It's your fault we're late.").suggestions[0] == "stressed"


def test_disguised_i_statement_is_flagged_and_reframed():
    a = analyse("I feel like you never listen")
    assert a.disguised
    assert a.behaviour == "you don't listen"


def test_several_sentences_feeling_comes_from_the_second():
    assert reframe("You never help. I'm exhausted.") == "When you don't help, I feel exhausted."


def test_typos_lower_case_and_emoji():
    assert reframe("you nevr text back 😡") == "When you don't text back, I feel angry."


def test_pseudo_feeling_is_not_accepted_as_the_feeling():
    a = analyse("You make me feel stupid")
    assert a.feeling is None
    assert a.pseudo == "stupid"
    assert "embarrassed" in a.suggestions


def test_html_is_not_echoed():
    a = analyse("<b>You never</b> listen <script>alert(1)</script>")
    assert "<" not in (a.behaviour or "")


@pytest.mark.parametrize("raw", ["", "   ", None, 42, "🙂🙂", "x" * 10000, "<img src=x onerror=alert(1)>"])
def test_bad_input_never_crashes(raw):
    a = analyse(raw)
    assert a.behaviour is None or "<" not in a.behaviour


def test_very_long_message_is_truncated_but_analysed():
    a = analyse("You never listen to me. " * 500)
    assert a.truncated
    assert a.behaviour == "you don't listen to me"


@pytest.mark.parametrize(
    "answer, behaviour, past",
    [
        ("he left the dishes in the sink", "you left the dishes in the sink", True),
        ("you ate the last slice without asking", "you ate the last slice without asking", True),
        ("always on her phone at dinner", "you're on your phone at dinner", False),
        ("idk", None, False),
        ("", None, False),
    ],
)
def test_behaviour_answers(answer, behaviour, past):
    assert behaviour_from_answer(answer) == (behaviour, past)


@pytest.mark.parametrize(
    "answer, feeling, pseudo, disguised",
    [
        ("hurt", "hurt", None, False),
        ("I felt really lonely", "lonely", None, False),
        ("ignored", None, "ignored", False),
        ("like you don't care", None, None, True),
        ("gutted", "gutted", None, False),
        ("😢", "sad", None, False),
        ("blah blah blah blah blah", None, None, False),
    ],
)
def test_feeling_answers(answer, feeling, pseudo, disguised):
    f, pf, d = feeling_from_answer(answer)
    assert f == feeling
    assert (pf.word if pf else None) == pseudo
    assert d == disguised


@pytest.mark.parametrize("verb, past", [("wait", "waited"), ("forget", "forgot"), ("try", "tried"), ("stop", "stopped"), ("leave", "left")])
def test_past_tense(verb, past):
    assert past_tense(verb) == past


@pytest.mark.parametrize(
    "text, behaviour",
    [
        # the when-clause hangs off "feel", not off "make"
        ("you make me feel invisible when you scroll your phone all through dinner", "you scroll your phone all through dinner"),
        ("you made me feel unwanted when you turned away from me in bed", "you turned away from me in bed"),
        # what it cost stays next to what they did
        ("you made me miss my train by taking forever in the shower", "you took forever in the shower and I missed my train"),
        ("you made me miss my flight because you wouldnt get out of bed", "you wouldn't get out of bed and I missed my flight"),
        # a label, then the evidence in another clause
        ("you're such a slob, your clothes are all over the bedroom floor", "your clothes are all over the bedroom floor"),
        ("You're so lazy, you never do the dishes", "you don't do the dishes"),
        # "the one who…" complaints
        ("why am I always the one who cooks?", "I'm the one who cooks"),
        ("why do I have to be the one to book every single appointment?", "I'm the one who has to book appointment"),
        # words written together stay together
        ("you let the kids have sweets at 8pm", "you let the kids have sweets at 8pm"),
    ],
)
def test_behaviour_found_where_the_message_puts_it(text, behaviour):
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text",
    [
        "You're a control freak.",
        "you are SO self-centred",
        "why are you like this",
        "Why can't you be normal for once?",
        "Be a man for once",
        "You make everything so hard.",
        "You let me down.",
    ],
)
def test_verdicts_without_an_act_ask_what_happened(text):
    a = analyse(text)
    assert a.behaviour is None, f"made up a behaviour: {a.behaviour!r}"


def test_feel_like_a_role_is_not_taken_as_the_feeling():
    a = analyse("u make me feel like a maid when u leave your plates on the sofa")
    assert a.behaviour == "you leave your plates on the sofa"
    assert a.feeling is None  # "a single parent" is not a feeling: ask for one


@pytest.mark.parametrize(
    "text, expected",
    [
        ("it makes me so angry when you ignore my texts", "When you ignore my texts, I feel angry."),
        ("it annoys me when you leave the milk out", "When you leave the milk out, I feel annoyed."),
        ("it drives me nuts when you leave the lights on", "When you leave the lights on, I feel frustrated."),
        ("it really gets on my nerves when you hum at dinner", "When you hum at dinner, I feel irritated."),
        ("it makes me so angry that you lied", "When you lied, I felt angry."),
    ],
)
def test_it_makes_me_when_you_keeps_the_act_without_a_second_when(text, expected):
    assert reframe(text) == expected


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("every time my mum calls you pull a face", "my mum calls and you pull a face"),
        ("you sigh every time I ask for help", "I ask for help and you sigh"),
        ("you check your phone every single time we sit down to eat", "we sit down to eat and you check your phone"),
        ("you make me feel stupid every time you explain things like I'm five", "you explain things like I am five"),
    ],
)
def test_every_time_keeps_the_moment_and_drops_the_count(text, behaviour):
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("you always say you'll change and you never do", "you say you will change and you don't"),
        ("your mum turned up unannounced again and you knew and didn't warn me", "you didn't warn me"),
        ("ffs can u just for once put ur shoes away", "you don't put your shoes away"),
        ("seriously how hard is it to reply with more than k", "you don't reply with more than k"),
        ("thanks for leaving your socks all over the living room, really lovely", "you left your socks all over the living room"),
        ("nice job telling everyone at work about our fight, really classy", "you told everyone at work about our fight"),
        ("you liked your ex's bikini pic, wow", "you liked your ex's bikini pic"),
        ("honestly get a life, you've been on that xbox since 9 this morning", "you've been on that xbox since 9 this morning"),
        (
            "great, thanks to you the whole street heard us. did you really have to shout on the doorstep?",
            "you had to shout on the doorstep",
        ),
    ],
)
def test_negation_sarcasm_and_later_acts_are_kept_faithfully(text, behaviour):
    assert analyse(text).behaviour == behaviour


def test_a_label_the_speaker_uses_of_themselves_is_not_blame():
    assert carries_blame("When you say I am being dramatic when I get sick, I feel hurt.") == []
    assert carries_blame("When you announced it as a joke at lunch, I felt embarrassed.") == []
    assert carries_blame("When you are being dramatic, I feel hurt.") == ["label"]


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("you never once thanked me for organising the whole holiday", "you didn't thank me for organising the whole holiday"),
        ("not once have you asked how my day was", "you haven't asked how my day was"),
        ("nice of you to finally show up, only two hours after you said", "you finally showed up"),
        ("wow, thanks for the help with the groceries, really appreciated 🙃", "you didn't help with the groceries"),
        ("is it so hard to put your shoes on the rack", "you don't put your shoes on the rack"),
        ("you make me so stressed leaving everything til the last minute", "you leave everything til the last minute"),
        ("you made me feel stupid laughing at my accent", "you laughed at my accent"),
        ("the dog hasn't been walked because you 'forgot'", "you forgot"),
    ],
)
def test_sarcasm_scare_quotes_and_gerunds_keep_the_act(text, behaviour):
    assert analyse(text).behaviour == behaviour


def test_a_feeling_in_words_beats_the_emoji():
    assert analyse("my boyfriend makes me so insecure 😔").feeling == "insecure"
    assert analyse("you forgot again 😔").feeling is not None


def test_genuine_thanks_for_help_is_not_read_as_sarcasm():
    assert analyse("thanks for the help with the move, you were amazing").behaviour is None


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("oh great, thanks for leaving me zero hot water again", "you left me zero hot water again"),
        ("Thanks a lot for telling my mum about the baby before I could", "you told my mum about the baby before I could"),
        ("seriously stop leaving your hair in the plughole", "you leave your hair in the plughole"),
        ("u nvr take the recycling out n its piling up", "you don't take the recycling out and it's piling up"),
        ("I hate that you always have the tv on while we eat", "we eat and you have the tv on"),
        ("oh great, thanks for nothing", None),
    ],
)
def test_sarcastic_leads_text_speak_and_frames(text, behaviour):
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("you drive me up the wall with that whistling", "you whistle"),
        ("hubby forgot to pick up the kids from school AGAIN", "you forgot to pick up the kids from school"),
        ("ur alwys on ur fone wen im talkin 2 u", "I'm talking to you and you're on your phone"),
        ("stop leavin ur dishes in the sink its disgustin", "you leave your dishes in the sink"),
        ("great job, another parking ticket because you parked on the double yellows", "you parked on the double yellows"),
        ("congrats on being the only dad who didnt come to sports day", "you didn't come to sports day"),
        ("ignored my calls all afternoon 🙃 cool cool", "you ignored my calls all afternoon"),
        ("seriously who puts an empty carton back in the fridge", "you put an empty carton back in the fridge"),
        ("dinner was ready at 6. you walked in at 8. no text. nothing.", "you walked in at 8 and didn't text"),
        ("love how you conveniently forgot to mention your ex was coming", "you forgot to mention your ex was coming"),
        ("why do u have to be like this", None),
        ("I feel you are taking me for granted", None),
    ],
)
def test_dropped_subjects_rhetorical_who_and_closing_shrugs(text, behaviour):
    assert analyse(text).behaviour == behaviour


# Found reading the eleventh, twelfth, tenth and fourteenth sets' reframe misses (2026-12-02 evening). Each line is a new
# wording of the shape, not the set's own line: the assistant must keep the act and drop what only frames it.
@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("you left the gate open after you promised me you wouldn't", "you left the gate open"),
        ("is it too much to ask you to rinse your plate", "you don't rinse your plate"),
        ("oh sure, go ahead and book the weekend w/o me", "you book the weekend without me"),
        ("you ate my chips and you're such a pig", "you ate my chips"),
        ("ur shoes have been in the hallway since friday", "your shoes have been in the hallway since friday"),
        ("I know you're tired, I get it. But you shouted at the kids twice today.", "you shouted at the kids twice today"),
        ("Leaving me at the bar on my own was well out of order", "you left me at the bar on my own"),
        ("the cheek of you, reading my diary", "you read my diary"),
        ("20 mins late again", "you turned up 20 mins late"),
        ("Nice of you to finally call, only three hours late.", "you finally called three hours late"),
        ("would it actually kill u to empty the bin", "you don't empty the bin"),
        ("You missed the turning because you won't use the satnav, and then somehow it's my fault", "you missed the turning"),
        ("you're killing me right now", None),
        ("My husband is such a nightmare", None),
        ("stop acting like a baby", None),
        ("man up and tell your boss no", "you don't tell your boss no"),
    ],
)
def test_promises_asks_scorn_and_verdicts_around_the_act(text, behaviour):
    assert analyse(text).behaviour == behaviour


# A plea about the argument ("you need to stop", "and you wonder why I'm cranky") is not the act; a pseudo-cleft
# ("all he ever does is…") wraps the act. New wordings of both shapes (2026-12-02, late).
@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("Look, I love you, but you need to stop. You mock my accent in front of your friends.", "you mock my accent in front of your friends"),
        ("you really have to stop this. you read my messages over my shoulder.", "you read my messages over my shoulder"),
        ("you need to stop. just stop.", None),
        ("all u ever wanna do is lie on the sofa and play fifa", "you lie on the sofa and play fifa"),
        ("the only thing she does after work is scroll tiktok", "you scroll tiktok after work"),
        ("he insists, every time, that we drive to his mum's on sunday", "you insist that we drive to your mum's on sunday"),
    ],
)
def test_pleas_about_the_argument_give_way_to_the_act(text, behaviour):
    assert analyse(text).behaviour == behaviour


def test_a_pseudo_cleft_with_ever_is_still_an_absolute():
    assert "absolute" in analyse("all he ever does is moan about his boss").forms


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("ur such a slob 🙄 pizza boxes on the sofa AGAIN", "I see pizza boxes on the sofa"),
        ("you're so lazy 😤 the bins are still full", "the bins are still full"),
    ],
)
def test_an_emoji_between_a_label_and_the_evidence_ends_the_sentence(text, behaviour):
    """Texting puts an emoji where a full stop would go; the evidence after it is what happened."""
    a = analyse(text)
    assert a.behaviour == behaviour and a.feeling  # the emoji still names the feeling


@pytest.mark.parametrize(
    "text, behaviour, past",
    [
        ("You NEVER put the lid back on the jam!!!", "you don't put the lid back on the jam", False),
        ("you always let the cat sleep on my pillow", "you let the cat sleep on my pillow", False),
        ("you never shut the fridge properly", "you don't shut the fridge properly", False),
        ("you never put the bins out last week", "you didn't put the bins out last week", True),
    ],
)
def test_a_habit_with_a_verb_that_looks_past_stays_present(text, behaviour, past):
    """'put', 'let', 'shut' look the same in past and present; with never/always it is a habit, not one evening."""
    a = analyse(text)
    assert (a.behaviour, a.past) == (behaviour, past)


@pytest.mark.parametrize(
    "text, behaviour, feeling, pseudo",
    [
        ("you're always on that phone at dinner and it makes me feel invisible", "you're on that phone at dinner", None, "invisible"),
        ("you leave your socks everywhere which makes me so angry", "you leave your socks everywhere", "angry", None),
    ],
)
def test_how_it_lands_at_the_end_is_the_feeling_not_part_of_the_act(text, behaviour, feeling, pseudo):
    a = analyse(text)
    assert (a.behaviour, a.feeling, a.pseudo) == (behaviour, feeling, pseudo) and "causal" in a.forms


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("can you not slurp your tea so loudly", "you slurp your tea loudly"),
        ("can you not see I'm exhausted", "you don't see I am exhausted"),
        ("whenever I mention your sister you leave the room", "I mention your sister and you leave the room"),
        ("tidy your desk for once in your life", "you don't tidy your desk"),
        ("Lift a finger round here", "you don't lift a finger round here"),
    ],
)
def test_requests_said_as_not_and_leading_whenever_keep_their_meaning(text, behaviour):
    """'can you not slurp' asks them to stop slurping; 'whenever I…, you…' keeps both halves; jabs and capitals go."""
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("You never wipe the counter and I'm fed up with it.", "you don't wipe the counter and I am fed up with it"),
        ("you promised to mend the fence and it's still down", "you promised to mend the fence and it's still down"),
        ("he always leaves the gate open and the dog gets out", "you leave the gate open and the dog gets out"),
    ],
)
def test_a_clause_with_its_own_subject_keeps_its_own_verb(text, behaviour):
    """'…and I'm fed up' was rendered '…and I are fed up': only the partner's verbs become second person."""
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("oh brilliant, you've lost the car keys again", "you have lost the car keys"),
        ("great, just great, you told my boss I was ill", "you told my boss I was ill"),
        ("thanks for remembering to book the table. oh wait, you didn't", "you didn't remember to book the table"),
        ("cheers for telling me the landlord called... oh wait u didnt", "you didn't tell me the landlord called"),
        ("you said you would wait", "you said you would wait"),
    ],
)
def test_sarcastic_praise_before_the_act_goes_and_oh_wait_takes_the_act_back(text, behaviour):
    """'you brilliant, forgot the milk' was a real reply; and 'oh wait, you didn't' means it did not happen."""
    assert analyse(text).behaviour == behaviour


def test_every_feeling_offered_as_a_button_is_a_real_feeling():
    """A button must never put an accusing word ("rejected", "unimportant") in the user's mouth."""
    from actions.lexicon import load

    lex = load()
    offered = {w for ws in lex.suggestions.values() for w in ws}
    offered |= {w for pf in lex.pseudo.values() for w in pf.underlying}
    assert offered - lex.feelings == set()


def test_unimportant_is_heard_as_what_the_partner_did():
    """Coaches hear "I feel unimportant" as an accusation (ten of eleven graded answers), so it is a pseudo-feeling."""
    feeling, pseudo, _ = feeling_from_answer("unimportant")
    assert feeling is None and pseudo is not None and "unimportant" not in pseudo.underlying
    msg = "I feel unimportant when you cancel date night for work"
    from actions.lexicon import load

    feeling, pseudo = load().find_feeling(msg)
    assert feeling is None and pseudo is not None and pseudo.word == "unimportant"


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("Congrats, you hit snooze four times and made us late.", "you hit snooze four times and made us late"),
        ("you sulk for the whole evening", "you sulk for the whole evening"),
        ("my bf plays xbox until 3am", "you play xbox until 3am"),
    ],
)
def test_sarcastic_leads_mistagged_verbs_and_clock_times(text, behaviour):
    """Sarcastic praise is tone; "sulk" is a verb; "3am" keeps its "am"."""
    assert analyse(text).behaviour == behaviour


def test_a_second_verb_gives_the_tense_of_put_hit_and_let():
    assert analyse("you put my wool jumper in the dryer and ruined it").past is True
    assert analyse("he won't let me leave the house and he hid my keys").past is False


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("You're so boring, all you do is watch football.", "you watch football"),  # a cleft after a label
        ("You make me so stressed with your constant nagging about the dishes.", "you nag about the dishes"),
        ("You keep calling me fat as a joke and I'm supposed to laugh?", "you keep calling me fat as a joke"),
    ],
)
def test_the_act_survives_clefts_gerunds_and_jabs(text, behaviour):
    assert analyse(text).behaviour == behaviour


def test_reported_names_and_the_childrens_manners_are_not_our_labels():
    assert carries_blame("When you keep calling me fat as a joke, I feel hurt.") == []
    assert carries_blame("When the kids are rude to me and you don't back me up, I feel alone.") == []
    assert carries_blame("When you are rude to me, I feel hurt.") == ["label"]


def test_ask_me_if_is_whether_not_a_condition():
    """"…never asks me if that's okay" keeps its question; a closing "okay" after "that's" is not a shrug."""
    assert analyse("my mum comes every Sunday and you never ask me if that's okay").behaviour == (
        "my mum comes every Sunday and you don't ask me if that's okay"
    )


def test_a_comma_splice_keeps_both_acts():
    assert analyse("you never come to bed at the same time as me anymore, you stay up on reddit").behaviour == (
        "you don't come to bed at the same time as me and you stay up on reddit"
    )
    assert analyse("you are so immature, you sent that meme to my boss as a joke").behaviour == "you sent that meme to my boss as a joke"


@pytest.mark.parametrize(
    "answer, behaviour",
    [
        ("his mum criticises my cooking and he says nothing", "your mum criticises my cooking and you say nothing"),
        ("her phone was on the table all dinner", "your phone was on the table all dinner"),
        ("the dishes were in the sink all weekend", "the dishes were in the sink all weekend"),
    ],
)
def test_an_answer_that_starts_with_their_things_or_family_stays_right_way_round(answer, behaviour):
    """It had been read as a fragment about the partner: "you criticise my cooking and he say nothing"."""
    assert behaviour_from_answer(answer)[0] == behaviour


@pytest.mark.parametrize(
    "text, behaviour, feeling",
    [
        ("You embarrass me every time you argue with waiters about the bill", "you argue with waiters about the bill", "embarrassed"),
        ("ugh ur so annoying when u chew loudly", "you chew loudly", "annoyed"),
        ("u make me soooo angry rn", None, "angry"),  # elongated words are read as themselves
        ("hubby never takes out the bins, they're overflowing", "you don't take out the bins", None),  # "they" is the bins
        ("My girlfriend keeps borrowing my hoodies and they never come back", "you keep borrowing my hoodies and they don't come back", None),
        ("you spoilt the ending of the show I was watching, on purpose", "you spoilt the ending of the show I was watching", None),
    ],
)
def test_feelings_said_as_acts_and_pronouns_that_are_things(text, behaviour, feeling):
    a = analyse(text)
    assert (a.behaviour, a.feeling) == (behaviour, feeling)


@pytest.mark.parametrize(
    "text",
    ["you dont care. you never have.", "you know exactly what you did", "my husband has zero emotional intelligence", "you disgust me", "Can you for once in your life just be a grown up?"],
)
def test_verdicts_and_echoes_ask_what_happened(text):
    """No act to keep, so the reframe must ask; "you never have" had become "When you don't have"."""
    assert analyse(text).behaviour is None


def test_sarcasm_about_a_good_act_and_being_made_the_joke():
    assert analyse("Wow, you loaded the dishwasher, do you want a medal?").behaviour == "you loaded the dishwasher"
    assert analyse("You always make me the joke when we're with your friends.").behaviour == "we're with your friends and you make jokes about me"


# The twenty-first set's shapes (2026-12-03 evening), in new wordings: scornful questions that still name the act,
# a fault phrase with "and yours alone" or "down to you", and a reason that is mine to say ("because I…").
@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("How difficult is it to put the lid back on the milk?", "you don't put the lid back on the milk"),
        ("What's so hard about hanging up a wet towel?", "you don't hang up a wet towel"),
        ("Do you ever actually read my messages?", "you don't read my messages"),
        ("It's your fault, and yours alone, that the rent was late.", "the rent was late"),
        ("it's all down to you that we missed the ferry", "we missed the ferry"),
        ("you stormed off because I laughed at your joke", "you stormed off because I laughed at your joke"),
        ("you never help because you're lazy", "you don't help"),
    ],
)
def test_twenty_first_sets_shapes(text, behaviour):
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("do you even like me", None),
        ("Did you even care?", None),
        ("do you even care that my dad was in hospital and you went to the pub", "you went to the pub"),
        ("Do you even listen when I talk?", "you don't listen when I talk"),
    ],
)
def test_do_you_even_asks_about_a_feeling_unless_an_act_follows(text, behaviour):
    """'Do you even love me' pictures nothing: the reframe asks what happened rather than inventing 'you don't love me'."""
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("On Saturday you left me at the station", "you left me at the station on Saturday"),
        ("last night he snored on the sofa till two", "you snored on the sofa till two last night"),
        ("At dinner you checked your phone the whole time", "you checked your phone the whole time at dinner"),
        ("mate you finished my cereal", "you finished my cereal"),
    ],
)
def test_a_time_or_place_said_first_goes_after_the_act(text, behaviour):
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("Oh no, don't mind me, I'll just walk the dog in the rain myself, shall I?", "I walk the dog in the rain myself"),
        ("lovely manners, chewing with your mouth open at my parents' table", "you chew with your mouth open at my parents' table"),
        ("I feel like you stopped trying years ago", None),
        ("I feel that you married me for my money", None),
        ("he's a liar, end of story", None),
    ],
)
def test_sarcasm_around_an_act_and_readings_of_motive(text, behaviour):
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("she told them everything about our fight", "you told them everything about our fight"),
        ("she tells her mum everything we fight about", "you tell your mum everything we fight about"),
        ("he tells her everything", "you tell her everything"),
        ("my husband never calls his mum", "you don't call your mum"),
        ("my partner never cleans their stuff", "you don't clean your stuff"),
    ],
)
def test_only_the_partners_pronouns_become_you(text, behaviour):
    """'She told them everything' is about other people: 'When you told you everything' was nonsense."""
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("you make me want to scream when you slam the door", "you slam the door"),
        ("you made me want to cry when you laughed at my dress", "you laughed at my dress"),
        ("you make me want to tear my hair out when you leave the milk out", "you leave the milk out"),
        ("you make me want to cry", None),
    ],
)
def test_make_me_want_to_is_how_strongly_i_feel_not_an_act_of_mine(text, behaviour):
    """'When I have to want to scream' was the reframe of a plain causal complaint; the act is the when-clause."""
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("she never helps with dinner, she just sits on her phone", "you don't help with dinner and sit on your phone"),
        ("why won't she ever put her shoes away, is she 5?", "you don't put your shoes away"),
        ("who leaves their wife at the hospital to go watch the footy", "you leave me at the hospital to go watch the footy"),
        ("who even does that", None),
        ("stop acting like a martyr", None),
        ("I feel like you don't want to be with me any more", None),
        ("he's so lazy yaar, matlab he can't even make his own chai", "you can't make your own chai"),
    ],
)
def test_twentieth_sets_shapes(text, behaviour):
    """From the twentieth set's misses, in new wordings: splices about him or her, a jab about age, 'who' questions."""
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("you're so thoughtful, leaving your dishes for me", "you leave your dishes for me"),
        ("great, ate the last of the cake again", "you ate the last of the cake"),
        ("oh nice, an hour late and not even a call", "you were an hour late and didn't call"),
        ("yeah because buying another drone was so necessary", "you bought another drone"),
        ("sure, just leave me with the washing up, real fair", "you leave me with the washing up"),
        ("cool, just let me know", None),
    ],
)
def test_sarcasm_that_names_the_act_keeps_it(text, behaviour):
    """Mock praise or a shrug around an act: the reframe names the act without the sneer, and a plain request is left."""
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("you shouted at him for dropping his toast, he's four", "you shouted at him for dropping his toast"),
        ("me fella left the back door open all night", "you left the back door open all night"),
        ("what kind of father forgets his own son's recital", "you forget your own son's recital"),
        ("I could murder you for telling my boss I was hungover", "you told my boss I was hungover"),
        ("fine, go play golf, I'll just do the shopping on my own again", "you go play golf and I do the shopping on my own"),
        ("ur such a pig. crumbs all over the bed??", "I see crumbs all over the bed"),
        ("I feel like you're hiding something", None),
        ("you are the most selfish person I've ever met", None),
    ],
)
def test_twenty_second_sets_shapes(text, behaviour):
    """From the twenty-second set's misses, in new wordings."""
    assert analyse(text).behaviour == behaviour


@pytest.mark.parametrize(
    "text, behaviour",
    [
        ("he keeps texting his ex", "you keep texting your ex"),
        ("you always reply with just ok", "you reply with ok"),
        ('she said "calm down" when I asked about the bills', 'you said "calm down" when I asked about the bills'),
    ],
)
def test_a_last_noun_a_one_word_reply_and_a_quote_are_kept_whole(text, behaviour):
    """'…texting her ex' had lost 'ex' (spaCy called it punctuation), 'with just ok' its 'ok', a quote its marks' spacing."""
    assert analyse(text).behaviour == behaviour
