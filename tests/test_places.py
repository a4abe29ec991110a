"""The places stage on hand-built frames over parsed sentences we wrote."""

from __future__ import annotations

import pytest

from eventwire.model import Article, Entity
from eventwire.pipeline import Doc, Frame, Mention
from eventwire.stages.places import PlacesStage, place_span


@pytest.fixture(scope="module")
def nlp():
    from eventwire.stages.nlp import load_model

    return load_model()


@pytest.fixture(scope="module")
def stage():
    return PlacesStage()


def parsed(nlp, text):
    doc = Doc(Article.create(text, published="2024-06-17"))
    doc.spacy = nlp(text)
    return doc


def token(doc, word, nth=0):
    return [t.i for t in doc.spacy if t.text == word][nth]


def frame(doc, trigger, places=(), recipient=(), event_type="CONSULT", mode="visit", lemma="visit"):
    built = Frame(trigger=token(doc, trigger), event_type=event_type, mode=mode, cameo_code="042",
                  place_tokens=[token(doc, p) for p in places], recipient=list(recipient), lemma=lemma)
    doc.frames.append(built)
    return built


def test_destination_city(nlp, stage):
    doc = parsed(nlp, "The chancellor will travel to Moscow next week.")
    f = frame(doc, "travel", places=["Moscow"], lemma="travel")
    stage(doc)
    assert (f.location.name, f.location.country) == ("Moscow", "RUS")
    assert doc.text[f.location.start:f.location.end] == "Moscow"
    assert f.location.geonameid and f.location.lat
    assert "Moscow" in f.explain["place"]


def test_multiword_country_from_its_head_word(nlp, stage):
    doc = parsed(nlp, "The envoy arrived in South Korea on Sunday.")
    f = frame(doc, "arrived", places=["Korea"], lemma="arrive")
    stage(doc)
    assert (f.location.name, f.location.country, f.location.text) == ("South Korea", "KOR", "South Korea")


def test_a_lowercase_compass_word_is_no_part_of_the_name(nlp, stage):
    doc = parsed(nlp, "The militia declared a ceasefire on Wednesday in south Lebanon.")
    f = frame(doc, "ceasefire", places=["Lebanon"], event_type="RETREAT", mode="ceasefire", lemma="ceasefire")
    stage(doc)
    assert (f.location.country, f.location.text) == ("LBN", "Lebanon")  # not South Lebanon, Ohio


def test_landmark_resolves_to_the_city_named_with_it(nlp, stage):
    doc = parsed(nlp, "The leaders will attend a ceremony in Tahrir Square, a short drive from the airport in Cairo.")
    square = token(doc, "Square")
    assert place_span(doc.spacy, square).text == "Tahrir Square"
    f = frame(doc, "attend", places=["Square"], event_type="COOPERATE", mode=None, lemma="attend")
    stage(doc)
    assert (f.location.name, f.location.country) == ("Cairo", "EGY")
    assert f.location.text == "Tahrir Square"
    assert "landmark" in f.explain["place"]


def test_landmark_without_a_city_is_skipped(nlp, stage):
    doc = parsed(nlp, "The president will stay at the Kumsusan guesthouse.")
    f = frame(doc, "stay", places=["guesthouse"], event_type="CONSULT", mode=None, lemma="stay")
    stage(doc)
    assert f.location is None
    assert "skipped" in f.explain["place"]


def test_visit_to_a_country_happens_there(nlp, stage):
    doc = parsed(nlp, "After the summit the prime minister is expected to visit Vietnam.")
    start = doc.text.index("Vietnam")
    vietnam = Entity(text="Vietnam", name="Vietnam", country="VNM", sector="GOV", start=start, end=start + 7)
    f = frame(doc, "visit", recipient=[vietnam])
    stage(doc)
    assert (f.location.name, f.location.country) == ("Vietnam", "VNM")
    assert (f.location.start, f.location.end) == (start, start + 7)


def test_a_person_recipient_gives_no_place(nlp, stage):
    doc = parsed(nlp, "The envoy met Kim Jong Un.")
    kim = Entity(text="Kim Jong Un", name="Kim Jong Un", country="PRK", sector="GOV", start=14, end=25)
    f = frame(doc, "met", recipient=[kim], mode="visit", lemma="meet")
    stage(doc)
    assert f.location is None


def test_non_visit_frames_without_place_words_get_none(nlp, stage):
    doc = parsed(nlp, "Russia criticised France.")
    france = Entity(text="France", name="France", country="FRA", start=17, end=23)
    f = frame(doc, "criticised", recipient=[france], event_type="ACCUSE", mode=None, lemma="criticise")
    stage(doc)
    assert f.location is None


def test_actor_countries_steer_ambiguous_names(nlp, stage):
    doc = parsed(nlp, "The senator spoke in Cambridge on Monday.")
    senator = Entity(text="The senator", name="senator", country="USA", sector="LEG", start=0, end=11)
    doc.mentions.append(Mention(start=0, end=2, entities=[senator], kind="person"))
    f = frame(doc, "spoke", places=["Cambridge"], event_type="CONSULT", mode=None, lemma="speak")
    stage(doc)
    assert f.location.country == "USA" and f.location.admin1 == "Massachusetts"


def test_cambridge_defaults_to_england(nlp, stage):
    doc = parsed(nlp, "The scholar spoke in Cambridge on Monday.")
    f = frame(doc, "spoke", places=["Cambridge"], event_type="CONSULT", mode=None, lemma="speak")
    stage(doc)
    assert f.location.country == "GBR"


def test_stage_declares_its_wiring():
    assert PlacesStage.name == "places"
    assert PlacesStage.requires == ("frames",) and PlacesStage.assigns == ("locations",)
