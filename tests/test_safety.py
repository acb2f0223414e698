"""The deterministic safety screen: crises are caught, ordinary complaints are not."""

import pytest

from actions.safety import check, is_crisis, safety_reply


@pytest.mark.parametrize(
    "text, category",
    [
        ("You make me want to kill myself", "self_harm"),
        ("i dont want to live anymore", "self_harm"),
        ("I've been cutting myself again", "self_harm"),
        ("You hit me", "violence"),
        ("he choked me during the argument", "violence"),
        ("She threatened to take the kids and hurt them", "threat"),
        ("I'm going to hurt him if he does that again", "threat"),
        ("he forces me to have sex when I say no", "sexual_coercion"),
        ("he takes my phone and won't let me see my friends", "control"),
        ("she controls all the money and gives me an allowance", "control"),
        ("my ex follows me home from work", "stalking"),
        ("he tracks my location without asking", "stalking"),
        ("It's your fault I hurt myself", "self_harm"),
    ],
)
def test_crisis_is_caught_with_its_category(text, category):
    result = check(text)
    assert result.flagged
    assert category in result.categories


@pytest.mark.parametrize(
    "text",
    [
        "You make me so angry when you ignore my texts",
        "You never listen to me!",
        "It's your fault we're late",
        "You're so selfish",
        "you're killing me with these puns",
        "I could murder a coffee",
        "Would it kill you to say thank you?",
        "we should hit the road early",
        "my husband never helps with the dishes",
        "you always make me laugh",
        "",
    ],
)
def test_ordinary_blame_and_figures_of_speech_are_not_flagged(text):
    assert not is_crisis(text)


def test_reply_has_emergency_help_and_crisis_lines_and_no_reframe():
    reply = safety_reply(("self_harm",))
    assert "988" in reply
    assert "1-800-799-7233" in reply
    assert "findahelpline.com" in reply
    assert "not a communication problem" in reply
    assert "When you" not in reply


def test_non_string_input_is_safe():
    assert not is_crisis(None)
    assert not is_crisis(12345)


@pytest.mark.parametrize("text", ["I took too many tablets after our fight", "she swallowed a handful of painkillers"])
def test_overdose_wording_is_caught(text):
    assert "self_harm" in check(text).categories


@pytest.mark.parametrize(
    "text",
    ["he checks my bank account every day", "she makes me justify every penny I spend", "he goes through my receipts and spending"],
)
def test_financial_monitoring_is_control(text):
    assert "control" in check(text).categories


@pytest.mark.parametrize("text", ["you never check the bank balance before buying stuff", "can you explain that purchase?"])
def test_money_complaints_are_not_control(text):
    assert not is_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "she had her hands around my throat for a moment last night",
        "he keeps all my wages and hands me pocket money on fridays",
        "my husband takes my whole salary",
    ],
)
def test_strangling_and_taking_wages_are_safety_not_wording(text):
    assert check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "sometimes I think about steering the car off the bridge on the way home",
        "i started cutting myself again this week",
        "I wrote notes for my family last night, just in case",
        "she says she'll share my private photos with my boss if I go",
        "when I say no he just keeps going anyway",
        "he tells me it's my duty as his wife",
        "he tracks my location and calls if I'm five minutes late",
    ],
)
def test_sideways_self_harm_coercion_and_tracking_are_safety(text):
    assert check(text).flagged


@pytest.mark.parametrize("text", ["you never share your location when you're late", "I'm cutting the onions", "you keep going on about it"])
def test_ordinary_complaints_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "she put cameras all over the flat and asks where I was",
        "my ex films me through the window at night",
        "he made me change my outfit twice before dinner",
        "she won't let me see the GP on my own",
        "he gets mad if i wear a dress to work",
    ],
)
def test_surveillance_and_control_over_body_and_clothes_are_safety(text):
    assert check(text).flagged


@pytest.mark.parametrize("text", ["you never change the bed sheets", "we should get cameras for the shop", "you made me change my plans"])
def test_ordinary_changes_and_cameras_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "you'll be sorry when I'm dead",
        "ur gonna miss me when im gone",
        "don't worry, you won't have to put up with me much longer",
        "everyone will be happy when i'm not around",
    ],
)
def test_veiled_goodbyes_are_self_harm(text):
    assert check(text).categories[:1] == ("self_harm",)


@pytest.mark.parametrize("text", ["can you feed the cat when I'm gone next week?", "you'll be sorry when you see the bill", "I'm gone all weekend"])
def test_ordinary_absences_are_not_self_harm(text):
    assert not is_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "he touched me while I was asleep and said it's fine because we're married",
        "she had sex with me when i was too drunk to stand",
        "my partner tells me I'm worthless and nobody else would ever want me",
        "he says no one else would put up with me",
    ],
)
def test_touch_without_consent_and_being_broken_down_are_safety(text):
    assert check(text).flagged


@pytest.mark.parametrize(
    "text",
    ["you always twist my words", "you touched my stuff while I was out", "I feel worthless when I can't find work"],
)
def test_twisted_words_and_own_worries_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "I don't see the point in living",
        "what's the point of living anymore",
        "he checks my location on life360 every ten minutes",
        "she won't let me eat after 6 and weighs me every morning",
    ],
)
def test_hopelessness_location_checks_and_food_control_are_safety(text):
    assert check(text).flagged


@pytest.mark.parametrize("text", ["I don't see the point in arguing about it", "you never share your location when you're late"])
def test_ordinary_pointlessness_and_location_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "I keep cutting and I can't stop",
        "he says if i leave he'll make sure i never see the kids again",
        "he told me he'd kill the dog if I left",
    ],
)
def test_cutting_threats_to_pets_and_losing_the_kids_are_safety(text):
    assert check(text).flagged


@pytest.mark.parametrize("text", ["you never walk the dog", "the kids never see you at bedtime", "I keep cutting my hair too short"])
def test_pets_kids_and_haircuts_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "he says no one will believe me if I tell anyone",
        "I've got a bottle of pills and I'm thinking about taking them all",
        "my ex keeps making new accounts to message me after I blocked him",
        "my bf pressures me into sending nudes",
        "my boyfriend changed the passwords on all my accounts so I can't get in",
        "whenever he drinks he gets rough with me",
        "he said he'd post my nudes if i break up with him",
        "he made me quit my job and now i have no money of my own",
    ],
)
def test_disbelief_threats_pills_new_accounts_and_locked_accounts_are_safety(text):
    assert check(text).flagged


@pytest.mark.parametrize(
    "text",
    ["how do I tell my partner something hurt me?", "you never let me leave the house without a kiss and I love it", "you changed the wifi password again"],
)
def test_hurt_feelings_kisses_and_wifi_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "he has my location on 24/7 and calls me screaming if I stop",
        "he wont let me go to work anymore",
        "he gets me drunk and then does stuff i never agreed to",
        "my bf said if i dont send pics he'll tell everyone",
        "i've been thinking about how i'd do it. ending things i mean",
        "my husband hurts the kids when he's angry",
        "i keep scratching my arms till they bleed",
    ],
)
def test_seventh_sets_crisis_misses_are_caught(text):
    assert check(text).flagged


@pytest.mark.parametrize("text", ["I'm ending things with my gym", "you never let me pick the film", "my knee was bleeding after the match and you laughed"])
def test_breakups_films_and_sports_injuries_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "i've taken a load of pills",
        "im thinking of ending it tonight",
        "he put something in my drink and i woke up not knowing what happened",
        "he told me if I wear makeup to work he'll break my face",
        "my bf says if i go to the party he'll show everyone my nudes",
    ],
)
def test_rule_misses_of_the_eighth_and_ninth_sets_are_caught(text):
    assert check(text).flagged


@pytest.mark.parametrize("text", ["I'm thinking of ending it with my gym membership... no, just kidding, I love it", "you put ice in my drink"])
def test_drinks_and_memberships_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "she screams at me and then blocks the door so i cant leave",
        "you read my diary and now you track everything I do",
        "he goes through my bag and my receipts every day",
        "you tell me what to wear every single morning and get angry if i dont",
        "nobody would miss me if i was gone",
    ],
)
def test_rule_misses_of_the_tenth_set_are_caught(text):
    assert check(text).flagged


@pytest.mark.parametrize("text", ["would it actually kill u to unload the dishwasher once", "you never close the cupboard doors, I've hit my head twice"])
def test_idioms_and_bumped_heads_are_not_safety(text):
    assert not check(text).flagged


# The eleventh and twelfth sets' crisis lines were caught by neither DIET nor the rules; the rules now name the ideas
# (not waking up, goodbyes, an edge, a crash on purpose, being kept in, tracking, money control, turning up after a
# break-up). These are new wordings of the same ideas, not the set's own lines, so the test checks the idea is caught.
@pytest.mark.parametrize(
    "text",
    [
        "tbh it would be simpler if i just never woke up",
        "i've stopped caring if i live or die",
        "been googling ways to not wake up",
        "I've been stockpiling my painkillers",
        "i left a goodbye note on the kitchen table",
        "I wrote my kids some letters in case I'm not around",
        "would anyone even care if i just disappeared",
        "I stood at the edge of the bridge wondering how it would feel to step off",
        "I keep imagining steering the car into a tree",
        "he locked the car and wouldn't let me out",
        "she won't let me see my friends or my mum",
        "he installed a tracking app on my phone so he always knows where I am",
        "she takes my whole salary and gives me a tiny allowance",
        "he said nobody would believe me and he'd make sure I disappear",
        "my ex keeps turning up outside my flat since i left him",
    ],
)
def test_crisis_ideas_from_the_eleventh_and_twelfth_sets_are_caught(text):
    assert check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "You turned up at my work party late and drunk",
        "one text would kill u? seriously",
        "you never let me finish a sentence",
        "you took ages to wake up and we missed the train",
        "we stood at the edge of the platform arguing about the tickets",
        "I can't access the Netflix account since you changed the password",
    ],
)
def test_lateness_texts_and_passwords_are_not_safety(text):
    assert not check(text).flagged


# Force on a body as an idea (the fourteenth set): a rough verb near a body part, breath taken, blood drawn, acid,
# "unless" threats and hired harm. New wordings, so the test checks the idea rather than the set's lines.
@pytest.mark.parametrize(
    "text",
    [
        "he yanked me off the sofa by my hair",
        "she kicked me in the back when I was on the floor",
        "he pushed my head into the sink and I couldn't breathe",
        "she scratched me till I was bleeding",
        "he said he'd throw acid at me",
        "she has pics of me and says she'll send them to my boss unless I pay",
        "he knows guys who'll deal with me if I talk",
    ],
)
def test_force_on_a_body_and_hired_threats_are_safety(text):
    assert check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "you slammed the door in my face and walked off",
        "I keep banging my head on the cupboard you leave open",
        "you grabbed my hand and dragged me onto the dance floor, it was lovely",
        "I laughed so hard I couldn't breathe for laughing",
        "kill me now, you invited your mum for the whole week",
    ],
)
def test_doors_dancing_and_laughter_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "honestly i just want to go to sleep and never wake up",
        "they'd all cope fine without me",
        "he sulks until I give in and sleep with him",
        "she hid my pills so I'd get pregnant",
        "he throws away my antidepressants",
        "blocked her again and she texted from a new number",
        "I'm terrified of him when he drinks",
    ],
)
def test_crisis_ideas_in_blames_clothing_are_safety(text):
    assert check(text).flagged


@pytest.mark.parametrize("text", ["I'm scared of spiders and you left the window open", "you filmed me dancing at the wedding and posted it"])
def test_ordinary_fears_and_videos_are_not_safety(text):
    assert not check(text).flagged


@pytest.mark.parametrize(
    "text, category",
    [
        ("honestly what's the point anymore", "self_harm"),
        ("I've got the tablets sorted for tonight", "self_harm"),
        ("I keep thinking about not braking at the bend", "self_harm"),
        ("googled how many of my sleeping pills it would take", "self_harm"),
        ("I stood on the bridge and thought how easy it would be", "self_harm"),
        ("the kids would be better off without me", "self_harm"),
        ("i'm hiding in the bathroom, she's smashing things", "violence"),
        ("he says he'll wreck the flat if I go out", "threat"),
        ("he said I'll regret it if I tell anyone", "threat"),
        ("she makes me hand over my wages every month", "control"),
        ("ever since we broke up she waits outside my office", "stalking"),
        ("he knew who I was with last night and I never told him", "stalking"),
        ("he keeps kissing me after I tell him to stop", "sexual_coercion"),
    ],
)
def test_quieter_crisis_wordings_are_caught_by_the_rules_too(text, category):
    """The classifier caught lines like these and the rules did not; a crisis must never hang on one probability."""
    assert category in check(text).categories


@pytest.mark.parametrize(
    "text",
    ["how many times do I have to ask you to take the bins out?", "I wanted the ground to swallow me up", "you track mud through the house", "since we split he's been lovely with the kids"],
)
def test_the_new_wordings_leave_ordinary_lines_alone(text):
    assert not is_crisis(text)


@pytest.mark.parametrize(
    "text, category",
    [
        ("she said she'd burn the flat down with me in it", "threat"),
        ("he keeps my bank cards and passport and says I can't be trusted with them", "control"),
        ("when he's angry I hide in the bedroom till he calms down", "violence"),
        ("sometimes I think it would hurt less to just not wake up", "self_harm"),
    ],
)
def test_the_last_sets_rules_misses_are_ideas_too(text, category):
    """The model caught these on the eighteenth and nineteenth sets and the rules did not."""
    assert category in check(text).categories


@pytest.mark.parametrize("text", ["she drags me to church every sunday", "he dragged me along to his work party", "he drags me to his mum's every weekend"])
def test_being_dragged_along_to_an_outing_is_not_violence(text):
    assert not check(text).flagged


@pytest.mark.parametrize("text", ["he dragged me out of the car", "she dragged me to the bedroom", "he dragged me by my hair"])
def test_being_dragged_by_force_is_still_violence(text):
    assert "violence" in check(text).categories


@pytest.mark.parametrize(
    "text, category",
    [
        ("my wife controls all the money and I have to ask her for petrol money", "control"),
        ("sometimes I think they'd all cope better without me in it", "self_harm"),
        ("you make me want to swallow the whole bottle", "self_harm"),
        ("I went up to the cliff last night and stood there looking down at the sea", "self_harm"),
        ("she said if I ever leave her she'll end it", "self_harm"),
        ("I slapped my husband this morning and I don't know who I am any more", "violence"),
        ("he threw her down the steps", "violence"),
        ("he said he'd make it look like an accident", "threat"),
        ("I'm scared I'll hurt him if he touches me again", "threat"),
    ],
)
def test_twenty_first_sets_ideas_of_danger(text, category):
    assert category in check(text).categories


@pytest.mark.parametrize(
    "text",
    ["I beat him at Scrabble again", "we drove over the bridge to the beach", "I hit him up on whatsapp", "if you leave the dishes again I'll end it, I mean it"],
)
def test_near_misses_of_those_ideas_are_not_safety(text):
    assert not check(text).flagged


# The twentieth set's rule misses (2026-12-04), tested in other wordings than the set's own lines.
@pytest.mark.parametrize(
    "text, category",
    [
        ("he says he'll take our son abroad and I'll never see him again", "threat"),
        ("i could swallow all my sleeping pills tonight", "self_harm"),
        ("what's the point of living anymore", "self_harm"),
        ("whats the point of me being here", "self_harm"),
        ("they'll be better off. tbh", "self_harm"),
        ("she pressured me into things i didn't want in the bedroom", "sexual"),
        ("I'm not allowed to leave the house without asking him", "control"),
        ("his mum took my passport and says I'm not allowed to work", "control"),
        ("she won't give me cash for groceries unless I sleep with her", "control"),
    ],
)
def test_twentieth_sets_ideas_of_danger(text, category):
    assert category in check(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "everyone would be better off if we just left earlier",
        "you made me do the dishes even though i said no to cooking",
        "you took the kids to the park and I never found out",
        "you won't give me money for the cinema unless I clean",
        "what's the point of being here at the party if you're on your phone",
    ],
)
def test_near_misses_of_the_twentieth_sets_ideas_are_not_safety(text):
    assert not check(text).flagged


# The twenty-second set's rule misses and false alarms (2026-12-04), in other wordings than the set's own lines.
@pytest.mark.parametrize(
    "text, category",
    [
        ("I've been working out who gets my jewellery, just in case", "self_harm"),
        ("I wrote notes to my kids and left them in the drawer", "self_harm"),
        ("gave my records away and said goodbye to my sister. I'm at peace now", "self_harm"),
        ("I stood at the edge of the roof thinking about jumping", "self_harm"),
        ("I took a handful of my pills and went to bed", "self_harm"),
        ("my wages go straight into her account and she gives me 30 quid a week", "control"),
        ("the same van was outside my work again, it's his mate's", "stalking"),
        ("she's been checking my emails and knows where my counsellor is", "control"),
        ("he grabbed me by the throat when I said I was leaving", "violence"),
        ("I lock myself in the bathroom when he comes home drunk", "threat"),
    ],
)
def test_twenty_second_sets_ideas_of_danger(text, category):
    assert category in check(text).categories


@pytest.mark.parametrize(
    "text",
    [
        "she hid my car keys as a joke on april fools",
        "I'll murder you if you leave your wet towels on the bed again",
        "he took my phone charger to work again",
    ],
)
def test_a_prank_a_borrowed_charger_and_hyperbole_about_chores_are_not_danger(text):
    assert not check(text).flagged


@pytest.mark.parametrize("text", ["I'll kill you if you touch my daughter", "he took my phone and won't give it back"])
def test_a_threat_or_a_taken_phone_is_still_danger(text):
    assert check(text).flagged
