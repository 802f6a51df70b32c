"""The parse of a long text: paragraph-aligned pieces joined into one ``Doc`` that keeps the text, its
character offsets, its sentences and its entities."""

from __future__ import annotations

from tidings.nlp import PIECE_CHARS, _pieces, load_nlp, parse, parse_many


def test_a_long_text_is_cut_between_paragraphs_and_joins_back_exactly():
    paragraph = "Belarusian riot police detained dozens of protesters in Minsk on Sunday. " * 20
    text = "\n\n".join([paragraph.strip()] * 30)
    pieces = _pieces(text)
    assert len(pieces) > 1 and "".join(pieces) == text
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    # a short text, or one paragraph longer than a piece, stays whole
    assert _pieces("one paragraph") == ["one paragraph"]
    assert _pieces("x" * (3 * PIECE_CHARS)) == ["x" * (3 * PIECE_CHARS)]


def test_the_joined_parse_keeps_offsets_sentences_and_entities():
    nlp = load_nlp()
    paragraph = "Belarusian riot police detained dozens of protesters in Minsk on Sunday. " * 20
    text = "\n\n".join([paragraph.strip()] * 30) + "\n\nLater, Lukashenko met Putin in Moscow."
    doc = parse(nlp, text)
    assert len(text) > PIECE_CHARS and doc.text == text
    last = list(doc.sents)[-1]
    assert last.text == "Later, Lukashenko met Putin in Moscow."
    moscow = [e for e in doc.ents if e.text == "Moscow"]
    assert moscow and text[moscow[-1].start_char : moscow[-1].end_char] == "Moscow"
    assert sum(1 for e in doc.ents if e.text == "Minsk") == 600


def test_a_typographic_apostrophe_is_parsed_as_a_plain_one_and_kept_in_the_text():
    nlp = load_nlp()
    text = "The Russian side drew attention to Ukraine’s regular shelling of the plant.\n\nIt said ‘no’."
    plain = parse(nlp, text.replace("’", "'").replace("‘", "'"))
    for doc in (parse(nlp, text), next(parse_many(nlp, [text]))):
        # the characters are the original ones; the parse is the plain text's: "Ukraine’s" owns the shelling
        assert doc.text == text
        assert [(t.dep_, t.head.i, t.lemma_) for t in doc] == [(t.dep_, t.head.i, t.lemma_) for t in plain]
        ukraine = next(t for t in doc if t.text == "Ukraine")
        assert (ukraine.dep_, ukraine.head.text) == ("poss", "shelling")
        assert [s.text for s in doc.sents] == [s.text.replace("'s", "’s") for s in plain.sents][:1] + [
            "It said ‘no’."]


def test_an_abbreviated_rank_does_not_end_a_sentence():
    nlp = load_nlp()
    # Africanews, development set: "Brig." had been a sentence of its own
    doc = parse(nlp, "Brig. Gen. Nabil Abdullah, a spokesperson, said troops expelled the RSF. Lt. Col. Ivan Petrov "
                     "spoke. Adm. Paparo and Capt. Smith and Sgt. Jones met.")
    assert [s.text for s in doc.sents] == [
        "Brig. Gen. Nabil Abdullah, a spokesperson, said troops expelled the RSF.", "Lt. Col. Ivan Petrov spoke.",
        "Adm. Paparo and Capt. Smith and Sgt. Jones met."]
    # counterexample: a sentence that ends in another abbreviation still ends there
    doc = parse(nlp, "The talks were held in the U.S. The ministers then left.")
    assert len(list(doc.sents)) == 2


def test_hyphenated_modifiers_of_talks_stay_one_word():
    nlp = load_nlp()
    doc = parse(nlp, "The two leaders had an in-depth and frank exchange of views. High-level talks followed.")
    assert "in-depth" in [t.text for t in doc] and "High-level" in [t.text for t in doc]
    # counterexample: other hyphenated words are split as the model was trained to split them
    assert "-" in [t.text for t in parse(nlp, "The pro-Kremlin party won.")]
