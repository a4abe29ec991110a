"""Stage 'places': give each event frame the place the text says it happened at.

The events stage marks place words (``Frame.place_tokens``: "to Pyongyang", "in Kim Il
Sung Square"). Each is widened to its full name, looked up in the gazetteer with the
article's countries as context, and a landmark ("... Square", "... Palace") stands for
the city named with it. A visit with no place words happens in the country or capital
visited. Frames with neither get no location.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..gazetteer import ADMIN_WORDS, Gazetteer, Place, exact_key, load_gazetteer
from ..model import Entity, Location
from ..pipeline import Doc, Frame

NAME_DEPS = ("compound", "flat", "nmod")
# Head words of buildings, squares and sites: they stand for the city they are in.
LANDMARK_HEADS = frozenset(
    """square palace guesthouse guest-house airport airbase stadium church cathedral mosque temple
    shrine synagogue hotel hall embassy consulate building tower base port harbor harbour bridge
    museum university college hospital house parliament centre center headquarters kremlin camp
    prison station monument memorial park complex residence office ministry compound school
    plant factory mausoleum street avenue road boulevard market mall arena theatre theater
    castle fortress villa court courthouse cemetery academy institute library terminal""".split()
)
VISIT_LEMMAS = frozenset({"visit", "trip", "tour", "travel", "go", "arrive", "fly", "journey", "come", "head"})


@dataclass
class PlaceChoice:
    """A resolved place and the words it came from."""

    place: Place
    text: str
    start: int
    end: int
    why: str


# ---------------------------------------------------------------- spans


def _entity_at(spacy_doc, index: int):
    for ent in spacy_doc.ents:
        if ent.start <= index < ent.end:
            return ent
    return None


def _strip_article(span):
    while len(span) > 1 and (span[0].lower_ in ("the", "a", "an") or span[0].dep_ == "poss"):
        span = span[1:]
    return span


def place_span(spacy_doc, index: int):
    """The full name around a place word: its entity, else the word with its name modifiers."""
    ent = _entity_at(spacy_doc, index)
    token = spacy_doc[index]
    if ent is not None and ent.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
        start, end = ent.start, ent.end
        if token.i == ent.end - 1 or token.i == ent.root.i:
            start = min(start, _name_start(token))  # "Kumsusan" (ORG) + "guesthouse"
            end = max(end, token.i + 1)
        return _strip_article(spacy_doc[start:end])
    return _strip_article(spacy_doc[_name_start(token):index + 1])


def _name_start(token) -> int:
    start = token.i
    for child in token.lefts:
        if child.is_lower and child.is_alpha:
            continue  # "south Lebanon" is a part of Lebanon, not South Lebanon, Ohio
        if child.dep_ in NAME_DEPS or (child.dep_ == "amod" and child.pos_ == "PROPN"):
            start = min(start, min(t.i for t in child.subtree))
    return start


def is_landmark(span) -> bool:
    return any(t.lower_ in LANDMARK_HEADS for t in span) or span.label_ == "FAC"


# ---------------------------------------------------------------- context


def context_countries(doc: Doc, gazetteer: Gazetteer) -> tuple[str, ...]:
    """Countries the article is about: its coded actors, then the places it names."""
    found: dict[str, int] = {}
    for mention in doc.mentions:
        for entity in mention.entities:
            if entity.country:
                found[entity.country] = found.get(entity.country, 0) + 1
    for ent in doc.spacy.ents:
        if ent.label_ == "GPE":
            country = _unambiguous_country(_strip_article(ent).text, gazetteer)
            if country:
                found[country] = found.get(country, 0) + 1
    return tuple(sorted(found, key=lambda c: -found[c]))


def _unambiguous_country(name: str, gazetteer: Gazetteer) -> str | None:
    """The country a place name points to when it can only be one ("Cambridge" is not)."""
    candidates = gazetteer.candidates(name)
    if not candidates:
        return None
    if candidates[0].kind == "country":
        return candidates[0].country
    countries = {p.country for p in candidates}
    return candidates[0].country if len(countries) == 1 else None


# ---------------------------------------------------------------- resolution


def _choice(place: Place, span, why: str) -> PlaceChoice:
    return PlaceChoice(place, span.text, span.start_char, span.end_char, why)


def _named_places_near(span, gazetteer: Gazetteer, context) -> list:
    """(entity, place) pairs: places named in the landmark's own phrase first, then in its sentence."""
    own = {t.i for t in span.root.subtree} | {t.i for t in span}
    found = []
    for ent in span.sent.ents:
        if ent.label_ not in ("GPE", "LOC") or (ent.start <= span.start and ent.end >= span.end):
            continue
        place = gazetteer.resolve(_strip_article(ent).text, context)
        if place is None:
            continue
        rank = (ent.root.i not in own, place.kind != "city", abs(ent.start - span.start))
        found.append((rank, ent, place))
    found.sort(key=lambda item: item[0])
    return [(ent, place) for _, ent, place in found]


def resolve_landmark(span, gazetteer: Gazetteer, context) -> PlaceChoice | None:
    """A landmark stands for the city named with it; without one it is skipped."""
    near = _named_places_near(span, gazetteer, context)
    if not near:
        return None
    ent, place = near[0]
    why = f"'{span.text}' is a landmark; it lies in '{ent.text}' -> {place.name} ({place.kind}, {place.country})"
    return _choice(place, span, why)


def resolve_span(span, gazetteer: Gazetteer, context) -> tuple[PlaceChoice | None, str]:
    name = span.text
    if name.islower():
        return None, f"'{name}' is a description, not a name: skipped"  # "the east bank of the Dnipro"
    place = gazetteer.resolve(name, context)
    if place is not None and (place.kind != "city" or not is_landmark(span) or len(span) == 1
                              or exact_key(place.name) == exact_key(name)):  # "Port Moresby" is no port
        others = len(gazetteer.candidates(name)) - 1
        why = (f"'{name}' -> {place.name} ({place.kind}, {place.country}, pop {place.population})"
               f"{f' over {others} other candidates' if others else ''}")
        return _choice(place, span, why), why
    if is_landmark(span):
        choice = resolve_landmark(span, gazetteer, context)
        if choice is not None:
            return choice, choice.why
        return None, f"'{name}' is a landmark with no city named with it: skipped"
    return None, f"'{name}' is not in the gazetteer"


def resolve_place_tokens(doc: Doc, frame: Frame, gazetteer: Gazetteer, context) -> tuple[PlaceChoice | None, list[str]]:
    notes = []
    choices = []
    for index in frame.place_tokens:
        span = place_span(doc.spacy, index)
        choice, why = _as_region(span, gazetteer, context) or _described_country_place(doc, index, span, gazetteer) or (
            resolve_span(span, gazetteer, context))
        choice, why = _country_as_the_text_names_it(doc, span, choice, gazetteer, why)
        notes.append(why)
        if choice is not None:
            choices.append(choice)
    if not choices:
        return None, notes
    first = choices[0]
    countries = [c for c in choices[1:] if c.place.kind == "country"]
    sides = {e.country for e in frame.actor + frame.recipient if e.country}  # "Putin and Erdogan met in Ankara ... the war in Syria"
    if first.place.kind == "city" and countries and first.place.country not in {c.place.country for c in countries} | set(context) | sides:
        # "near the town of Boni in central Burkina Faso": a town the gazetteer lacks, in the country named
        notes.append(f"'{first.text}' lies in {countries[0].place.name}, not {first.place.country}")
        return countries[0], notes
    named = _countries_said_to_hold(doc, frame.sentence)
    spoken_of = {e.country for m in doc.mentions if m.kind in ("country", "demonym", "capital") for e in m.entities}
    if first.place.kind == "city" and named and first.place.country not in spoken_of | sides:
        # "the village of Solhan in northern Burkina Faso", the country not among the event's places
        place = gazetteer.country(named[0])
        if place is not None:
            notes.append(f"'{first.text}' lies in {place.name}, not {first.place.country}")
            return PlaceChoice(place, first.text, first.start, first.end, notes[-1]), notes
    return first, notes


def _described_country_place(doc: Doc, index: int, span, gazetteer: Gazetteer):
    """'in the country's Northwest region': the country a description stands for, as coreference read it."""
    mention = doc.mention_at(index)
    if mention is None or mention.kind != "nominal" or not mention.entities or not mention.entities[0].country:
        return None
    place = gazetteer.country(mention.entities[0].country)
    if place is None:
        return None
    why = f"'{span.text}' stands for {place.name}"
    return _choice(place, span, why), why


def _countries_said_to_hold(doc: Doc, sentence: int) -> list[str]:
    """The countries a sentence says things happen in ("in northern Burkina Faso")."""
    return [e.country for m in doc.mentions if m.sentence == sentence and m.kind == "country"
            and doc.spacy[m.end - 1].dep_ == "pobj" and doc.spacy[m.end - 1].head.lower_ in ("in", "inside", "across")
            for e in m.entities[:1] if e.country]


def _as_region(span, gazetteer: Gazetteer, context):
    """'Nigeria's Niger state', 'the Tigray region': the name with its head is a region first."""
    head = span.root.head
    if span.root.dep_ != "compound" or head.lower_ not in ADMIN_WORDS or head.i != span.end:
        return None
    name = f"{span.text} {head.text}"
    place = gazetteer.resolve(name, context)
    if place is None or place.kind != "admin1":
        return None
    why = f"'{name}' -> {place.name} ({place.kind}, {place.country})"
    return PlaceChoice(place, span.text, span.start_char, span.end_char, why), why


def _country_as_the_text_names_it(doc: Doc, span, choice, gazetteer: Gazetteer, why: str):
    """'in eastern Congo': a country name the actor table reads otherwise than the gazetteer
    ("Congo" is the DRC, Congo-Brazzaville before 1997) is the country its mention says."""
    mention = doc.mention_at(span.root.i)
    if choice is None or choice.place.kind != "country" or mention is None or mention.kind != "country":
        return choice, why
    country = next((e.country for e in mention.entities if e.country), None)
    place = gazetteer.country(country) if country and country != choice.place.country else None
    if place is None:
        return choice, why
    return PlaceChoice(place, choice.text, choice.start, choice.end, why), f"{why}; read as {place.name}, as the text names it"


def is_visit(frame: Frame) -> bool:
    return frame.event_type == "CONSULT" and (frame.mode == "visit" or (frame.lemma or "") in VISIT_LEMMAS)


def visited_place(doc: Doc, frame: Frame, gazetteer: Gazetteer, context) -> PlaceChoice | None:
    """A visit to a country or capital happens there."""
    for entity in frame.recipient:
        place = gazetteer.resolve(entity.text, context) if entity.text else None
        if place is None or place.country != entity.country:
            continue
        if place.kind == "country" or (place.kind == "city" and gazetteer.is_capital(place)):
            why = f"a visit to '{entity.text}' happens there -> {place.name} ({place.kind}, {place.country})"
            return PlaceChoice(place, entity.text, entity.start, entity.end, why)
    return None


def to_location(choice: PlaceChoice) -> Location:
    place = choice.place
    return Location(
        name=place.name, country=place.country, lat=place.lat, lon=place.lon,
        geonameid=place.geonameid, text=choice.text, start=choice.start, end=choice.end,
        admin1=place.admin1,
    )


def locate(doc: Doc, frame: Frame, gazetteer: Gazetteer, context) -> tuple[Location | None, str]:
    choice, notes = resolve_place_tokens(doc, frame, gazetteer, context)
    if choice is None and is_visit(frame):
        choice = visited_place(doc, frame, gazetteer, context)
        if choice is not None:
            notes.append(choice.why)
    if choice is None:
        notes.append("no place")
        return None, "; ".join(notes)
    return to_location(choice), "; ".join(notes)


class PlacesStage:
    name = "places"
    requires: tuple[str, ...] = ("frames",)
    assigns: tuple[str, ...] = ("locations",)

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        if not doc.frames:
            return doc
        gazetteer = self.gazetteer
        context = context_countries(doc, gazetteer)
        for frame in doc.frames:
            frame.location, frame.explain["place"] = locate(doc, frame, gazetteer, context)
            _mark_third_party(frame)
            _target_place_as_recipient(frame)
            imply_domestic_recipient(doc, frame)
            _tried_in_mandate_country(doc, frame, gazetteer)
            _implied_visit_destination(doc, frame, gazetteer)
        for frame in doc.frames:  # once every frame's places are read: twins share their recipient
            _home_if_unplaced(doc, frame)
        return doc


DOMESTIC_TYPES = frozenset({"CONCEDE", "PROTEST", "COERCE"})
AT_HOME_TYPES = frozenset({"THREATEN"})  # aimed at home when carried out at home
CHALLENGER_STANCES = frozenset({"AGREE", "REJECT", "REQUEST", "SUPPORT", "ACCUSE"})
CHALLENGER_SECTORS = frozenset({"OPP", "REB", "CVL", "LAB", "EDU", "RAD"})
POLICED_TYPES = frozenset({"ASSAULT"})  # "police killed one person": force police use is at home
DETAINED_WORDS = frozenset("prisoner detainee dissident activist opponent critic candidate leader detain jail imprison "
                           "lawmaker politician journalist reporter blogger lawyer protester detained jailed imprisoned "
                           "separatist".split())
NON_STATE_SECTORS = frozenset({"REB", "RAD", "CVL", "AGR", "UAF", "CRM", "REL"})


WALKING_OUT_VERBS = frozenset({"walk", "storm"})  # "walked out of the talks", "stormed out of the meeting"
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "AID", "MOBILIZE", "CONCEDE"})
PLACE_TARGET_MODES = frozenset({"withdraw", "ceasefire", "ease"})  # "eased its blockade of Gaza"
AID_CUT = "162"  # aid suspended in a place was going to that place's people


def targets_its_place(frame) -> bool:
    """An attack on a place ("shelled the city of Kherson") is directed at its country, and so
    are aid delivered there ("food parcels to people in Gaza"), troops sent there, a curfew
    lifted there, a withdrawal from there, fighting halted there and aid suspended there."""
    # (a delegation walking out of talks in Moscow leaves the talks, not Russia)
    walkout = frame.event_type == "SANCTION" and (frame.lemma or "").split(" ")[0] in WALKING_OUT_VERBS
    return frame.event_type in PLACE_TARGET_TYPES or (frame.mode in PLACE_TARGET_MODES and not walkout) or frame.cameo_code == AID_CUT


def _target_place_as_recipient(frame) -> None:
    location = frame.location
    if not targets_its_place(frame):
        return
    if frame.recipient or location is None or frame.reciprocal or _weapons_test(frame):
        return
    if not location.country or location.text is None:
        return
    if frame.event_type in ("RETREAT", "AID") and len(actors := {e.country for e in frame.actor if e.country}) > 1 and (
            location.country in actors):
        return  # "Indian and Chinese troops pulled back from Ladakh", "tanks from Britain and Germany arrived in the
        # country" read as Germany: a place of one side is neither's target
    frame.recipient = [Entity(text=location.text, name=location.name, country=location.country,
                              start=location.start, end=location.end)]


def _home_if_unplaced(doc: Doc, frame) -> None:
    """The events stage's home reading ("refused to step down", "troops retreated to the airport"),
    once no place it targets has turned out to be abroad ("withdrew from Kherson")."""
    home = frame.home_if_unplaced
    implied_only = bool(frame.recipient) and all(e.country == home and e.name.endswith("(implied)") for e in frame.recipient)
    if not home or (any(e.country or e.sector == "IGO" for e in frame.recipient) and not implied_only):
        return
    # a twin act of the same side in the sentence aimed at a place at home ("stormed a studio in
    # Guayaquil and took staff hostage"): the same recipient, so that the two read as one event
    twin = next((f.recipient for f in doc.frames if f is not frame and f.sentence == frame.sentence
                 and f.event_type == frame.event_type and {e.key for e in f.actor} == {e.key for e in frame.actor}
                 and any(e.country == home for e in f.recipient) and all(e.country in (None, home) for e in f.recipient)), None)
    if twin:
        frame.recipient = list(twin)
    elif not implied_only:
        frame.recipient = [home_recipient(doc.spacy[frame.trigger], home, frame.event_type)]


def _implied_visit_destination(doc: Doc, frame, gazetteer) -> None:
    """A visit that names no destination ("stayed during his 2019 state visit") went where the
    article is set: the country its places mostly name, when that is not the visitor's own."""
    if frame.event_type != "CONSULT" or frame.mode != "visit" or frame.recipient or frame.location:
        return
    counts: dict[str, int] = {}
    for mention in doc.mentions:
        if mention.kind in ("place", "capital"):
            for entity in mention.entities:
                if entity.country:
                    counts[entity.country] = counts.get(entity.country, 0) + 1
    if not counts:
        return
    country, n = max(counts.items(), key=lambda kv: kv[1])
    if n < 2 or country in {e.country for e in frame.actor} or list(counts.values()).count(n) > 1:
        return
    place = gazetteer.country(country)
    frame.recipient = [Entity(text=doc.spacy[frame.trigger].text, name=f"{place.name if place else country} (implied)",
                              country=country, sector="GOV", start=doc.spacy[frame.trigger].idx,
                              end=doc.spacy[frame.trigger].idx + len(doc.spacy[frame.trigger]))]
    frame.explain["place"] = f"{frame.explain.get('place', '')}; destination implied: the article is set in {country}"


def imply_domestic_recipient(doc: Doc, frame) -> None:
    """A concession, a protest or a coercion with no one named is directed at home: a curfew
    lifted, a march, an arrest happen within the actor's own country; so is a threat to act in
    one's own country. The entity points at
    the trigger, the words that imply it."""
    uncoded_people = bool(frame.recipient) and all(e.country is None and e.sector not in ("IGO", "NGO") for e in frame.recipient)
    if frame.recipient and not (uncoded_people and frame.event_type == "RETREAT" and frame.mode == "release"):
        return
    countries = {e.country for e in frame.actor if e.country}
    if len(countries) != 1:
        return
    country = countries.pop()
    at_home = frame.location is not None and frame.location.country == country
    if frame.cameo_code == "055":
        return  # an apology is to those wronged, who are not implied to be at home
    if frame.reciprocal and frame.event_type == "ASSAULT":
        return  # "rival gangs fought inside a prison": two sides of one fight, neither's target at home
    if frame.event_type == "COERCE" and frame.mode == "seize" and _at_sea(doc.spacy[frame.trigger], frame):
        return  # "seized a cargo ship in the Red Sea", "in international waters": no one's home
    policing = frame.event_type in POLICED_TYPES and (all(e.sector == "COP" for e in frame.actor) or (
        # "National Guard troops fired tear gas at crowds", "soldiers opened fire on residents": a state's
        # forces turned on a crowd the text places nowhere else are at home
        all(e.sector in (None, "MIL", "GOV") for e in frame.actor) and (frame.location is None or at_home)
        and (frame.mode == "crowd-control" or _fired_on_a_crowd(doc.spacy[frame.trigger]))))
    # the opposition's, rebels' or civilians' stance on a thing with no one named answers their own
    # government ("rejected the electoral timetable"); agreeing to disarm is no stance on it
    challengers = frame.event_type in CHALLENGER_STANCES and all(e.sector in CHALLENGER_SECTORS for e in frame.actor) and (
        frame.event_type == "REQUEST" or any(c.dep_ == "dobj" for c in doc.spacy[frame.trigger].children))
    convicting = frame.mode == "convict"  # "a court sentenced two journalists to seven years": at home
    # "ordered the army onto the streets", "sent troops into the city": forces turned on home
    named_abroad = any(e.country and e.country != country for m in doc.mentions if m.sentence == frame.sentence
                       for e in m.entities)
    deployed_at_home = frame.event_type == "MOBILIZE" and not _weapons_test(frame) and (
        at_home or _into_the_streets(doc.spacy[frame.trigger]) or (
            # "rushed thousands of paramilitary troops to the town", in a sentence that names no other country
            not frame.nominal and _sent_somewhere(doc.spacy[frame.trigger]) and not named_abroad))
    # "Sikh militants shot dead 24 bus passengers", "herdsmen killed 18 villagers": a non-state group's
    # attack on people the text gives no country strikes at home when it happens nowhere else
    insurgent = frame.event_type in POLICED_TYPES and all(e.sector in NON_STATE_SECTORS for e in frame.actor) and (
        frame.location is None or at_home)
    # "prosecutors later charged him with spreading false news": a state's prosecutors charge at home
    # "Sri Lanka freed 16 Tamil prisoners": prisoners of no other country named are released at home
    # "ordered the release of 333 detained separatists", "Rwanda freed Paul Rusesabagina": so is anyone
    # freed whom the text gives no country
    trigger = doc.spacy[frame.trigger]
    released = [c for c in trigger.children if c.dep_ == "dobj"] + [
        g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    releasing = frame.event_type == "RETREAT" and frame.mode == "release" and all(
        e.sector in (None, "GOV", "JUD", "MIL", "COP") for e in frame.actor) and (uncoded_people or any(
        t.lemma_.lower() in DETAINED_WORDS or t.ent_type_ == "PERSON" for r in released for t in r.subtree))
    # "mutinous troops shelled the presidential palace": a state's own seat of power, where no other country is named
    own_seat = frame.event_type in ("ASSAULT", "COERCE") and frame.location is None and any(
        o.lemma_.lower() in STATE_SEATS and not any(m.dep_ == "poss" for m in o.children)
        for o in trigger.children if o.dep_ == "dobj")
    # "Saudi Arabia executed 37 men": a state puts to death people the text gives no country at home
    executing = frame.event_type == "ASSAULT" and trigger.lemma_.lower() in EXECUTING_VERBS and all(
        e.sector in (None, "GOV", "JUD") for e in frame.actor) and (frame.location is None or at_home)
    prosecuting = frame.event_type == "ACCUSE" and frame.cameo_code.startswith("11") and all(
        e.sector in ("JUD", "COP") for e in frame.actor)  # a charge, not an inquiry (CAMEO 09)
    # "Renamo fighters handed in their weapons", "guerrillas have been demobilized": fighters disarm at home
    # (those who surrender give up to whoever they fought)
    disarming = frame.mode == "disarm" and all(e.sector in NON_STATE_SECTORS for e in frame.actor) and (
        trigger.lemma_.lower() != "surrender")
    # "rejected calls from church leaders to sack the electoral commission", "challenges by the losing
    # candidates": a state turning down its own people's pleas answers home
    answering_home = frame.event_type == "REJECT" and all(e.sector in (None, "GOV", "JUD") for e in frame.actor) and any(
        o.dep_ == "dobj" and o.lemma_.lower() in DOMESTIC_PLEAS and any(
            c.dep_ == "prep" and c.lower_ in ("from", "by") and any(
                g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() not in STATE_BODIES and not any(
                    m.ent_type_ in ("NORP", "GPE") for m in g.children) for g in c.children)  # not "from Arab states"
            for c in o.children) for o in trigger.children)
    # "Jammeh rejected the results of last week's election", "the president vetoed the media bill": a
    # state's own votes, laws and rulings, in a sentence that names no other country
    home_matters = frame.event_type == "REJECT" and any(
        o.dep_ == "dobj" and o.lemma_.lower() in DOMESTIC_MATTERS for o in trigger.children) and not named_abroad
    if frame.event_type not in DOMESTIC_TYPES and not (frame.event_type in AT_HOME_TYPES and at_home) and not (
            policing or challengers or convicting or deployed_at_home or insurgent or prosecuting or releasing or disarming
            or executing or own_seat
            or answering_home or home_matters):
        return  # a threat to act at home ("to impose a curfew in Algiers") is aimed at home; police act at home
    frame.recipient = [home_recipient(doc.spacy[frame.trigger], country, frame.event_type)]


STATE_SEATS = frozenset({"palace", "parliament", "presidency", "legislature"})
DOMESTIC_MATTERS = frozenset({"result", "outcome", "election", "vote", "verdict", "ruling", "bill", "law", "referendum",
                              "decree", "constitution", "amendment", "count", "tally"})
EXECUTING_VERBS = frozenset({"execute", "hang", "behead"})
CROWD_WORDS = frozenset("crowd crowds residents protesters demonstrators marchers mourners worshippers "
                        "rioters villagers students".split())


def _fired_on_a_crowd(trigger) -> bool:
    holders = [trigger] + ([trigger.head] if trigger.dep_ == "dobj" else [])  # "opened fire on residents"
    return any(g.lower_ in CROWD_WORDS for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "into")
               for g in c.children if g.dep_ == "pobj")


DOMESTIC_PLEAS = frozenset("call demand appeal request plea petition challenge complaint".split())
STATE_BODIES = frozenset("state government power country nation ally partner neighbour neighbor capital bloc "
                         "union community member".split())
STREET_WORDS = frozenset({"street", "city", "town", "capital"})


COURT_NOUNS = frozenset({"tribunal", "court"})
COURT_ACTS = frozenset({"SANCTION", "COERCE", "ACCUSE", "CONCEDE", "RETREAT"})


def _tried_in_mandate_country(doc: Doc, frame, gazetteer: Gazetteer) -> None:
    """'The U.N. tribunal for Rwanda convicted a former mayor': an international court tries
    people of the country it was set up for, when the text gives them no other."""
    if frame.event_type not in COURT_ACTS or any(e.country for e in frame.recipient) or not frame.actor or any(
            e.sector != "IGO" for e in frame.actor):
        return
    trigger = verb = doc.spacy[frame.trigger]
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head  # the prison term of "sentenced him to 25 years in prison"
    courts = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in COURT_NOUNS]
    mandates = [g for c in courts for p in c.children if p.dep_ == "prep" and p.lower_ == "for"
                for g in p.children if g.dep_ == "pobj"]
    countries = [place.country for g in mandates if (place := gazetteer.resolve(
        _strip_article(doc.spacy[g.left_edge.i:g.i + 1]).text)) is not None and place.kind == "country"]
    if countries:
        frame.recipient = [home_recipient(trigger, countries[0], frame.event_type)]


def _weapons_test(frame) -> bool:
    """A missile fired from an island off Odisha is a test, aimed at no one (CAMEO 150's show of force)."""
    return frame.event_type == "MOBILIZE" and frame.mode == "weapons"


def _into_the_streets(trigger) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("onto", "into") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in STREET_WORDS for g in c.children) for c in trigger.children)


def _sent_somewhere(trigger) -> bool:
    """'deployed 30,000 police officers to Anambra state', 'sent troops into the region': forces sent to a place."""
    heads = [trigger] + [c for c in trigger.children if c.dep_ == "dobj"]
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into", "in", "across", "around") and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") and g.lemma_.lower() not in DUTY_WORDS
        for g in c.children) for h in heads for c in h.children)


DUTY_WORDS = frozenset({"duty", "service", "alert", "readiness", "footing", "action"})  # "recalled reservists to active duty"


SEA_WORDS = frozenset({"water", "waters", "sea", "ocean", "gulf", "strait", "lane"})  # "into sea lanes off Taiwan's ports"


def _at_sea(trigger, frame) -> bool:
    if frame.location is not None:
        return frame.location.country is None
    holders = [trigger] + [c for c in trigger.children if c.dep_ == "dobj"]  # "seized a boat in international waters"
    return any(g.lemma_.lower() in SEA_WORDS for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
               for g in c.children if g.dep_ == "pobj")


def home_recipient(token, country: str, event_type: str) -> Entity:
    """The actor's own country as the implied recipient, pointing at the words that imply it."""
    return Entity(text=token.text, name=f"{country} (implied)", country=country,
                  sector="GOV" if event_type == "PROTEST" else None, start=token.idx, end=token.idx + len(token))


def _mark_third_party(frame) -> None:
    """A meeting of an international body or of three or more states is 'multilateral'; one
    held in a country none of its participants belongs to is 'third-party' (talks in Caracas
    between Colombia and the ELN)."""
    if frame.event_type != "CONSULT" or frame.mode is not None or frame.cameo_code == "045":
        return  # a mediator meets each side, not all of them at once
    parties = frame.actor + frame.recipient
    participants = {e.country for e in parties if e.country}
    if any(e.sector == "IGO" for e in frame.actor) or len({e.country for e in frame.actor if e.country}) >= 3:
        frame.mode = "multilateral"
        return
    if frame.location is None:
        return
    if participants and frame.location.country and frame.location.country not in participants:
        frame.mode = "third-party"
        frame.cameo_code = "044"
