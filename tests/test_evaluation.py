"""The reframe judge: the figure we report is only as honest as these checks."""

from evaluation.quality import _present, judge


def test_multi_word_keywords_need_every_word():
    assert _present("wet towels", "you leave wet towels on the bed")
    assert not _present("wet towels", "you leave towels on the bed")


def test_keywords_match_other_forms_of_the_same_word():
    assert _present("tell", "you told Dave about our money problems")
    assert _present("8pm", "you let them have sweets at 8pm")
    assert not _present("dishwasher", "you never help")


def test_judge_refuses_a_made_up_behaviour_and_a_lost_one():
    assert judge("You're a control freak.", "ask_behaviour", []).ok
    assert not judge("You never wash up", "ask_behaviour", []).ok
    assert judge("You never listen to me", "reframe", ["listen"]).ok
    assert not judge("You never listen to me", "reframe", ["texts"]).ok


def test_judge_refuses_a_garbled_when_and_accepts_a_stranded_preposition():
    from evaluation.quality import grammar_problems

    assert grammar_problems("you when slam doors")
    assert not grammar_problems("you don't stick to the budget we agreed on")
    assert grammar_problems("you don't help with the dishes and I are sick of it")
    assert not grammar_problems("you leave your dishes in the sink for me to deal with")
    assert grammar_problems("you leave your dishes in the")


def test_a_keyword_about_the_partner_or_in_text_speak_is_kept_in_second_person():
    """The reframe speaks to the partner: 'rang his mum' is kept by 'rang your mum', 'told ur mum' by 'told your mum'."""
    assert _present("rang his mum", "you rang your mum to ask about the sofa")
    assert _present("told ur mum", "you told your mum we are having money troubles")
    assert _present("rolled her eyes", "you rolled your eyes at me")
    assert not _present("told them", "you told you everything about our fight")


def test_an_appliance_left_on_is_not_a_dangling_word():
    assert judge("YOU LEFT THE IRON ON.", "reframe", ["iron"]).ok
