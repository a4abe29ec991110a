"""Actor mentions: countries, demonyms, capitals and seats of power, organisations, people.

Every mention resolves to coded entities (country ISO3 + CAMEO sector) from the team's
dictionary (``actor_dictionary``), the parse (titles and demonyms around a name) and the
gazetteer (a city inside an organisation's name gives its country). Names of places
inside landmark names ("... Square") never become actors.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace

from ..actor_dictionary import GENERIC_TITLES, DictEntry, load_actor_dictionary
from ..gazetteer import ADMIN_WORDS, COMPASS_POINTS, folded_key
from ..model import Entity
from ..pipeline import Doc, Mention
from .dates import NUMBER_WORDS
from .nlp import tokens_with
from .arguments import (
    AFFILIATION_PARTICIPLES,
    ATTACK_NOUNS,
    BACKING_PARTICIPLES,
    CASUALTY_VERBS,
    INSURGENT_SECTORS,
    LOCATIVE_PREPS,
    MISSION_NOUNS,
    PLACE_HEADS,
    conjuncts,
    inherited_subject,
    prep_objects,
)

LANDMARK_HEADS = frozenset(
    "square street avenue road boulevard palace hall airport stadium church cathedral mosque "
    "temple bridge park hotel guesthouse tower monument museum station port harbour harbor "
    "base camp prison plaza gate embassy consulate sea ocean gulf strait channel bay river lake canal".split()
)
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# a namesake town a fiftieth the size of the capital is not what a story about its country means
NAMESAKE_SHARE = 0.02
FORCE_USING_VERBS = frozenset({"use", "employ", "authorize", "authorise", "threaten"})
PATRON_WORDS = frozenset({"aligned", "backed", "allied", "sponsored"})  # "the Iran-aligned movement" is not Iran
LIKENESS_WORDS = frozenset({"style", "type", "inspired", "like", "era", "speaking"}) | PATRON_WORDS  # "Russian-speaking pensioners" live where they live
# "the South" in a story about North Korea is South Korea: the half the article names -> the other half
DIVIDED_HALVES = {"south": {"PRK": "KOR", "SDN": "SSD"}, "north": {"KOR": "PRK", "SSD": "SDN"}}
# Labels whose inner place names are part of a name, not actors of their own.
OPAQUE_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
FORCE_HEADS = frozenset("aircraft jet warplane plane helicopter drone tank artillery ship vessel boat unit "
                        "officer soldier troop force commander spokesman spokeswoman official patrol".split())
# Names that stood for another country until a date (ISO), the day the renaming took effect.
FORMER_NAMES = {"Congo": ("COG", "1997-05-17"), "Congolese": ("COG", "1997-05-17")}
VICTIM_NOUNS = frozenset("people person civilians civilian residents resident villagers men women children "
                         "passengers".split())
GENERIC_INSTITUTIONS = frozenset({"congress", "parliament", "senate", "supreme court", "national assembly",
                                  "cabinet", "constitutional court", "capitol", "presidential palace"})
# seats the tables give one country that others name their own offices after: "Pakistan's Foreign Office"
OWNABLE_SEATS = frozenset({"foreign office", "home office"})
TRANSNATIONAL_SECTORS = frozenset({"IGO", "NGO", "IMG"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
STATE_BODY_NOUNS = frozenset("ministry department office directorate army police court".split())
# Refugees a text names without a nationality have fled from elsewhere: the country around them
# is the one that shelters them ("Hungary refused to admit refugees"), not theirs.
UPROOTED_SECTORS = frozenset({"REF"})
POPULATION_NOUNS = frozenset({"population", "minority", "majority", "community", "diaspora"})
FLEEING_VERBS = frozenset({"flee", "escape", "leave"})
# Where a mis-tagged name stands as a place: "fighting near Goma", "moved into Goma", "the town of Goma".
PLACE_SLOT_PREPS = LOCATIVE_PREPS | {"into", "around", "outside", "through"}
PLACE_SLOT_HEADS = PLACE_HEADS | {"outskirts"}
# Modifiers that make a group word name no people: "monetary union", "customs union".
NOT_PEOPLE = {"union": frozenset("""monetary customs currency economic banking fiscal political energy capital
    market postal european african""".split()),
              "party": frozenset("wedding funeral birthday dinner search rescue boarding".split()),
              # "the Jenin refugee camp" is a place, "the opposition camp" its people
              "camp": frozenset("refugee refugees displacement training military army prison detention protest".split())}
# Particles of personal names that are also towns: "Van Gogh", "De Gaulle", "La Guardia".
NAME_PARTICLES = frozenset("van von de der den du da di del della le la al el bin ibn abu".split())
# capital -> (the body it also names, words that show a report is about that body)
SEAT_METONYMS = {"Brussels": ("European Union", (" EU ", " EU's", " EU,", " EU.", "EU-", "E.U.", "European Union",
                                                  "European Commission", "European Council", "the bloc", "Brexit",
                                                  "member states", "eurozone", "euro zone"))}
PARTICLE_NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "WORK_OF_ART"})  # not bodies: "Bank of ..."
NAME_TITLES = frozenset("""president minister premier general gen colonel col king queen prince sheikh emir senator
    sen governor gov mayor ambassador chancellor chairman""".split())
MISSED_PLACE_LABELS = frozenset({"", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})  # what the tagger calls towns it misses
STANCE_PREFIXES = frozenset({"anti", "pro"})
# group words whose modifier says who they are: "an opposition coalition", "the rebel alliance"
LED_FORCES = frozenset({"coalition", "alliance", "mission", "operation"})
COLLECTIVE_HEADS = frozenset("agent leadership coalition alliance bloc camp faction front movement figures ranks group organisation force council "
                             "organization".split())
CONTINENT_PARTS = frozenset({"south", "latin", "north", "central"})
# peoples of the Americas called "Indians": "Aymara Indians", "Mohawk Indians", "indigenous Indians"
AMERICAN_PEOPLES = frozenset("aymara quechua maya mayan mohawk cherokee navajo amazonian guarani mapuche yanomami lakota "
                             "sioux apache inuit indigenous native american west plains pueblo mixtec zapotec kichwa "
                             "shuar miskito wayuu".split())
INTERNATIONAL_COURT_SEATS = frozenset({"hague", "arusha"})  # where the U.N. war crimes tribunals sat
CONTINENT_PREFIXES = frozenset({"pan", "trans", "inter"})
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "camp", "district"})
NOT_A_PARTY_HEADS = frozenset("language tongue dialect cuisine food dish literature currency dinar rouble ruble lira hryvnia "
                               "yuan rupee peso rial dollar".split())  # "banned the use of the Serbian dinar"
# what a capital names by where it was made or held, not who acts: "the Algiers agreement", "the Astana talks"
PLACE_NAMED_THINGS = frozenset("agreement accord accords treaty pact protocol process format declaration talk talks negotiation conference "
                                "summit deal ceasefire truce communique initiative".split())
FORMER_WORDS = frozenset({"former", "ex", "ousted", "deposed", "toppled", "late", "onetime", "one-time"})
MISTAGGED_PLACE_POPULATION = 20_000  # a town that size, not a village sharing a surname
LOYAL_WORDS = frozenset({"loyal", "allied"})  # "gunmen loyal to al-Shabaab", "forces allied to Haftar"
GROUP_SECTORS = frozenset({"COP", "MIL", "GOV", "CVL", "REB", "OPP", "JUD", "LEG", "LAB", "PTY", "REF", "SPY", "AGR",
                           "HLH", "NGO", "RAD", "REL", "IGO"})
# People of sectors whose other words name institutions or commentators ("university", "analysts").
# Groups that act where they live, unlike envoys or armies: their place is their country.
RESIDENT_SECTORS = frozenset({"CVL", "LAB", "AGR", "REF", "REL", "EDU"})
ASSEMBLING_SECTORS = frozenset({"EDU", "LAB", "AGR", "REL"})  # students, workers, farmers, the faithful: where they gather
CROWD_NOUNS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter", "crowd", "mob"})
GROUP_PEOPLE = frozenset({"students", "student", "journalists", "journalist", "reporters", "businessman", "businessmen",
                          "newspaper", "newspapers", "broadcaster",
                          "businesswoman"})
# The ministers or leaders of a region meeting as one act for its bloc
REGIONAL_BLOCS = {"arab": "Arab League", "gulf arab": "Gulf Cooperation Council", "european": "European Union",
                  "african": "African Union", "southeast asian": "ASEAN", "south east asian": "ASEAN"}  # "South-East", its hyphen dropped
BLOC_MEMBER_HEADS = frozenset({"minister", "leader"})
PORTFOLIO_WORDS = frozenset({"foreign", "finance", "defence", "defense", "interior", "economy", "trade", "energy", "top",
                             "senior", "health", "agriculture", "justice", "government", "state"})
GOVERNMENT_NOUNS = frozenset({"government", "official", "authority", "junta", "administration", "cabinet", "regime",
                              "ministry", "presidency", "council", "ruler", "leadership", "governor", "mayor"})
EDU_WORDS = frozenset("university college school institute academy centre center".split())


def _board_members(token) -> bool:
    """'the IAEA's board of governors': the members of a body's board, not a country's governors."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in ("board", "council")


@dataclass
class _Match:
    start: int
    end: int
    entries: list[DictEntry]


COUNTRY_GROUP_HEADS = frozenset({"state", "country", "nation", "republic"})
COUNTRY_GROUP_ADJECTIVES = {"baltic": ("EST", "LVA", "LTU"), "nordic": ("DNK", "FIN", "ISL", "NOR", "SWE"),
                            "scandinavian": ("DNK", "NOR", "SWE"), "benelux": ("BEL", "NLD", "LUX")}
COUNTRY_GROUPS = {"koreas": ("PRK", "KOR")}


def _small_number(word: str) -> int | None:
    return NUMBER_WORDS.get(word) or (int(word) if word.isdigit() else None)


def _code(country: str | None, sector: str | None) -> str | None:
    parts = [p for p in (country, sector) if p]
    return "".join(parts) or None


def entity_from_entry(entry: DictEntry, text: str, start: int, end: int,
                      sector: str | None = None) -> Entity:
    sector = sector or entry.sector
    if entry.kind in ("capital",) and sector is None:
        sector = "GOV"  # a capital acting stands for its government
    return Entity(text=text, name=entry.name, country=entry.country, sector=sector,
                  code=_code(entry.country or ("IGO" if entry.sector == "IGO" else None), sector),
                  qid=entry.qid, start=start, end=end)


class ActorsStage:
    name = "actors"
    requires = ("tokens", "entities", "dependencies")
    assigns = ("mentions",)

    def __init__(self, dictionary=None, gazetteer=None):
        self._dictionary = dictionary
        self._gazetteer = gazetteer
        self._first_words: frozenset[str] | None = None

    @property
    def dictionary(self):
        if self._dictionary is None:
            self._dictionary = load_actor_dictionary()
        return self._dictionary

    @property
    def gazetteer(self):
        if self._gazetteer is None:
            from ..gazetteer import load_gazetteer

            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        sdoc = doc.spacy
        blocked = self._blocked_tokens(sdoc)
        stances = _stance_targets(sdoc)
        mentions: list[Mention] = []
        taken: set[int] = set()
        matches = list(self._dictionary_matches(sdoc, blocked))
        for match in matches + self._elided_compass_names(sdoc, matches, blocked):
            mention = self._mention_from_match(doc, match)
            if mention:
                mentions.append(mention)
                taken.update(range(mention.start, mention.end))
        for mention in self._country_groups(doc, taken):
            mentions.append(mention)
            taken.update(range(mention.start, mention.end))
        # places the tagger names are read in the light of the countries the tables found
        context = tuple(country for country, _ in _country_counts(mentions))
        likenesses = _likenesses(sdoc)
        for ent in sdoc.ents:
            if ent.label_ not in NAME_LABELS or any(i in taken or i in stances or i in likenesses for i in range(ent.start, ent.end)):
                continue
            mention = self._mention_from_ent(doc, ent, context)
            if mention:
                mentions.append(mention)
                taken.update(range(mention.start, mention.end))
        for mention in self._untagged_places(doc, taken, context) + self._misspelt_countries(doc, taken | stances) + \
                self._hyphenated_pairs(doc, taken) + self._untagged_office_holders(doc, taken | stances | likenesses):
            mentions.append(mention)
            taken.update(range(mention.start, mention.end))
        mentions.extend(self._group_mentions(doc, taken))
        mentions.sort(key=lambda m: m.start)
        self._absorb_titles(doc, mentions)
        self._infer_countries(doc, mentions)
        doc.mentions = mentions
        return doc

    def _infer_countries(self, doc: Doc, mentions: list[Mention]) -> None:
        """Officials and groups the text names without a country ('President Dos Santos',
        'police') take the article's dominant country, else the one country their sentence names;
        a foreign group or one described by its backer ("rebels backed by Rwanda") is not guessed."""
        dominant = _dominant_country(mentions)
        by_sentence: dict[int, set[str]] = {}
        for mention in mentions:
            if doc.spacy[mention.end - 1].lemma_.lower() in MISSION_NOUNS:
                continue  # "sheltering near the U.S. embassy": a mission stands abroad, not where things happen
            by_sentence.setdefault(mention.sentence, set()).update(
                e.country for e in mention.entities if e.country)
        for mention in mentions:
            entity = mention.entities[0]
            if entity.country is None and entity.sector == "REB" and mention.kind == "organisation" and (
                    where := self._where_stateless_group_is(doc, mention)):
                entity.country, entity.code = where, _code(where, entity.sector)  # "Islamic State targets in Libya"
                continue
            generic_seat = mention.kind == "seat" and _strip_article(entity.text).lower() in GENERIC_INSTITUTIONS
            ownable = mention.kind == "seat" and _strip_article(entity.text).lower() in OWNABLE_SEATS
            owner = _possessing_country(doc, mentions, mention) if generic_seat or ownable else None
            others = by_sentence.get(mention.sentence, set()) - {entity.country}
            sole_other = next(iter(others)) if generic_seat and not dominant and len(others) == 1 and (
                doc.spacy[mention.end - 1].dep_ in ("dobj", "pobj")) else None  # "Fujimori dissolved Congress", not "Congress imposed sanctions on Russia"
            if owner or (generic_seat and dominant and entity.country != dominant) or sole_other:
                # "Peru's Congress"; "the Congress" in a report about Brazil; "Peruvian President Fujimori dissolved Congress"
                owner = owner or dominant or sole_other
                if owner == entity.country:
                    continue
                entity.country = owner
                entity.name = f"{_strip_article(entity.text)} ({self.dictionary.country_name(owner)})"
                entity.code = _code(owner, entity.sector)
                continue
            head = doc.spacy[mention.end - 1]
            if mention.kind == "group" and (body := _international_body_of(doc, mentions, head)):
                # "UN war crimes judges in The Hague", "NATO troops": the body's men, not the host country's
                entity.country, entity.sector, entity.code = None, "IGO", "IGO"
                entity.name = f"{entity.name} ({body.name})"
                continue
            if entity.country is None and mention.kind == "group" and head.lemma_.lower() in PATRONIZED_HEADS and _has_patron(head):
                # "struck targets in Houthi-controlled Yemen, and the Iran-aligned movement vowed ...": of an armed
                # group or a place its sentence named before it, never its patron's, else left unguessed
                where = _locative_country_before(doc, mentions, mention)
                if where:
                    entity.country, entity.code = where, _code(where, entity.sector)
                    entity.name = f"{entity.name} ({self.dictionary.country_name(where)})"
                continue
            if entity.country or not entity.sector or entity.sector in TRANSNATIONAL_SECTORS | UPROOTED_SECTORS or (
                    mention.kind == "group" and entity.text.lower() in VICTIM_NOUNS) or (
                    mention.kind not in ("person", "group")) or _from_elsewhere(doc.spacy[mention.end - 1]):
                continue
            in_sentence = by_sentence.get(mention.sentence, set())
            country = _possessor_country(doc, mentions, mention) or _country_last_named(doc, mentions, mention) or (
                _earlier_same_group(mentions, mention)) or (
                _listed_with(doc, mentions, mention)) or (
                _nearest_place_before(mentions, mention) if entity.sector in ASSEMBLING_SECTORS else None) or (
                # "protesters stormed the Saudi embassy in Tehran": a crowd is of where its own clause is set
                self._country_where(doc, _clause_verb(doc.spacy[mention.end - 1])) if entity.sector in ASSEMBLING_SECTORS
                or doc.spacy[mention.end - 1].lemma_.lower() in CROWD_NOUNS else None) or (
                _place_struck_before(doc, mentions, mention) if _harmed(doc.spacy[mention.end - 1]) else None) or \
                _other_country_urged(doc, mentions, mention) or _nearest_actor_before(doc, mentions, mention) or (
                # armed men no one else places act where their clause is set ("militants freed nine drivers in Iraq")
                self._country_where(doc, _clause_verb(doc.spacy[mention.end - 1])) if entity.sector in INSURGENT_SECTORS
                else None) or dominant or (
                next(iter(in_sentence)) if len(in_sentence) == 1 else None)
            if country:
                entity.country = country
                entity.code = _code(country, entity.sector)
                if mention.kind == "group":
                    entity.name = f"{entity.name} ({self.dictionary.country_name(country)})"

    # -- spans that must not yield actors -------------------------------------------------
    def _blocked_tokens(self, sdoc) -> set[int]:
        blocked = _stance_targets(sdoc)
        # names the tables hold whole, also past a title ("Sheikh Tamim bin Hamad Al Thani")
        known_names = {t.i for ent in sdoc.ents if any(t.lower_ in NAME_PARTICLES for t in ent)
                       for k in range(len(ent) - 1) if self.dictionary.lookup(_span_text(ent[k:])) for t in ent[k:]}
        for ent in sdoc.ents:
            if self._is_landmark(ent) or (ent.label_ in OPAQUE_LABELS and not self._is_known(ent)):
                blocked.update(range(ent.start, ent.end))
            particle = next((t for t in ent[1:-1] if t.lower_ in NAME_PARTICLES), None) if (
                ent.label_ in PARTICLE_NAME_LABELS and not self.dictionary.lookup(_span_text(ent))) else None
            if particle is not None and particle.i not in known_names:
                blocked.update(range(particle.i + 1, ent.end))  # "Leila de Lima", "Mocimboa da Praia": no capital after it
        blocked |= _likenesses(sdoc)
        for particle in tokens_with(sdoc, "LOWER", NAME_PARTICLES):  # "the port town of Mocimboa da Praia", untagged
            if not 1 <= particle.i < len(sdoc) - 1:
                continue
            before, after = sdoc[particle.i - 1], sdoc[particle.i + 1]
            if particle.i in known_names:
                continue  # "Hamad bin Isa Al Khalifa" is a name the dictionary holds whole
            if particle.lower_ in NAME_PARTICLES and particle.is_lower and before.pos_ == "PROPN" and before.is_title and (
                    after.is_title) and after.ent_type_ not in ("ORG", "NORP") and (  # "Jaish al Adl" is a body's name
                    not self.dictionary.lookup(f"{before.text} {particle.text} {after.text}")):
                blocked.add(after.i)
        return blocked

    def _is_landmark(self, span) -> bool:
        """A building, square or body of water: 'China' in 'the South China Sea' is no actor ("the
        Russian Orthodox Church", a body the dictionary knows, is one)."""
        if span[-1].lower_ in LANDMARK_HEADS:
            return not any(e.kind == "organisation" for e in self.dictionary.lookup(_span_text(span)))
        if span.label_ == "FAC":  # but "suspended Niger", tagged FAC, names a country
            return not any(e.kind == "country" for e in self.dictionary.lookup(_span_text(span)))
        place = self.gazetteer.resolve(_span_text(span)) if span.label_ == "LOC" else None
        return place is not None and place.kind == "landmark"

    def _nationality_inside_name(self, span) -> bool:
        """A nationality opening the longer name a body's name sits in: "Ethiopian" in "the Ethiopian
        Human Rights Council"."""
        return self._nationality_before(span) is not None and any(
            ent.start < span.start and ent.end >= span.end for ent in span.doc.ents)

    def _nationality_before(self, span) -> str | None:
        before = span.doc[span.start - 1] if span.start > 0 else None
        return next((e.country for e in self.dictionary.lookup(before.text) if e.kind in ("demonym", "country")), None) \
            if before is not None else None

    def _is_known(self, span) -> bool:
        """A table name, or the start of a longer one the tagger cut short ("the Liberation
        Tigers" of "the Liberation Tigers of Tamil Eelam")."""
        sdoc = span.doc
        longest = self.dictionary.max_phrase_tokens()
        return any(self.dictionary.lookup(_span_text(sdoc[span.start:end]))
                   for end in range(span.end, min(len(sdoc), span.start + longest) + 1)) or self._is_known_list(span)

    def _is_known_list(self, span) -> bool:
        """'Mali, Burkina Faso' tagged as one name: a list of names the tables know."""
        commas = [t.i for t in span if t.text == ","]
        if not commas:
            return False
        bounds = [span.start] + [i + 1 for i in commas] + [span.end]
        pieces = [span.doc[start:end - 1 if end - 1 in commas else end] for start, end in zip(bounds, bounds[1:])]
        return all(len(piece) and self.dictionary.lookup(_span_text(piece)) for piece in pieces)

    # -- dictionary phrases ------------------------------------------------------------------
    @property
    def first_words(self) -> frozenset[str]:
        """Lower-cased words a dictionary phrase can start with: most tokens start none, so
        they need no lookup at all."""
        if self._first_words is None:
            words = set()
            for phrase in self.dictionary.phrases():
                parts = phrase.lower().split()
                if parts and parts[0] == "the" and len(parts) > 1:
                    words.add("the")
                    parts = parts[1:]
                if parts:
                    words.add(parts[0])
                    words.add(re.split(r"[-'’]", parts[0])[0])
            if "organization" in words:
                words.add("organisation")  # the dictionary reads both spellings as one
            self._first_words = frozenset(words)
        return self._first_words

    def _dictionary_matches(self, sdoc, blocked: set[int]):
        longest = self.dictionary.max_phrase_tokens()
        first_words = self.first_words
        i = 0
        while i < len(sdoc):
            match = None
            token = sdoc[i]
            if i not in blocked and not token.is_punct and not token.is_space and (
                    token.lower_ in first_words or token.lower_.rstrip(".") in first_words):
                for n in range(self._viable_length(sdoc, i, min(longest, len(sdoc) - i)), 0, -1):
                    span = sdoc[i:i + n]
                    if any(t.i in blocked for t in span) or span[-1].is_punct:
                        continue
                    if i + n < len(sdoc) and sdoc[i + n].ent_iob_ == "I" and sdoc[i + n].ent_type_ == "PERSON" and (
                            sdoc[i + n].pos_ == "PROPN"):  # not "the Kataib Hezbollah militia", tagged a person
                        continue  # "President Xi" inside "President Xi Jinping": the full name matches later
                    entries = self.dictionary.lookup(_span_text(span))
                    if entries and _is_name_like(span):
                        match = _Match(i, i + n, entries)
                        break
            if match:
                yield match
                i = match.end
            else:
                i += 1

    def _viable_length(self, sdoc, start: int, limit: int) -> int:
        """The most tokens from ``start`` that a table phrase could still name, up to ``limit``: a span
        ending at a space whose words begin no phrase grows into none, and most tokens a phrase can
        start with ("the") start none here."""
        for n in range(1, limit):
            last = sdoc[start + n - 1]
            if last.whitespace_ and last.lower_ not in POSSESSIVE_ENDINGS and not self.dictionary.could_begin(
                    _span_text(sdoc[start:start + n])):
                return n
        return limit

    def _elided_compass_names(self, sdoc, matches: list[_Match], blocked: set[int]) -> list[_Match]:
        """'North and South Korea': the first point of the compass shares the name that follows
        the second."""
        found = []
        for match in matches:
            i = match.start
            if i < 2 or sdoc[i].lower_ not in COMPASS_POINTS or sdoc[i - 1].lower_ not in ("and", "&"):
                continue
            first = sdoc[i - 2]
            if first.lower_ not in COMPASS_POINTS or first.i in blocked:
                continue
            name = " ".join([first.text] + [t.text for t in sdoc[i + 1:match.end]])
            entries = self.dictionary.lookup(name)
            if entries:
                found.append(_Match(first.i, first.i + 1, entries))
        return found

    def _mention_from_match(self, doc: Doc, match: _Match) -> Mention | None:
        sdoc = doc.spacy
        start = match.start
        while start < match.end - 1 and sdoc[start].pos_ == "DET":
            start += 1  # "the Azerbaijani government": the name starts after the article
        match = _Match(start, match.end, match.entries)
        span = sdoc[match.start:match.end]
        entry = self._as_named_then(self._best_entry(match.entries), span.text, doc.article.published)
        start, end = span.start_char, span.end_char
        text = doc.text[start:end]
        sentence = doc.sentence_index(match.start)
        if entry.kind == "person":
            return self._person_mention(doc, span, entry)
        if entry.kind == "organisation" and entry.sector == "IGO" and self._nationality_inside_name(span):
            return None  # "the Ethiopian Human Rights Council" is a national body, not the U.N.'s council
        if entry.kind == "demonym" and match.start > 0 and sdoc[match.start - 1].lower_ in CONTINENT_PARTS and (
                sdoc[match.start - 1].is_title) and span.text.lower().rstrip("s") in ("american", "african"):
            return None  # "the South American trade bloc", "Latin American leaders": a region's, not a country's
        if entry.kind == "demonym" and _people_of_the_americas(span.root):
            return None  # "thousands of Aymara Indians blocked highways around La Paz": a people of the Americas
        if entry.kind in ("country", "demonym") and _region_of_another_country(span):
            return None  # "Nigeria's Niger state", "Sudan's Blue Nile state": a region, not the country
        if entry.kind == "demonym" or (entry.kind == "country" and span.root.dep_ in ("compound", "nmod")
                                       and span.root.head.pos_ == "NOUN"):
            return self._demonym_mention(doc, span, entry)  # "U.S. warplanes" reads like "American warplanes"
        if entry.kind == "capital" and (namesake := self._namesake_beside(doc, span, entry)) is not None:
            return namesake
        if entry.kind == "capital" and not self._used_as_place(span) and (body := self._seat_metonym(doc, span)) is not None:
            entry = body  # "rejected appeals from Brussels" in a report on an EU embargo: the Union, not Belgium
        if entry.kind == "capital" and self._used_as_place(span):
            kind = "place"
        else:
            kind = entry.kind
        if entry.kind == "seat" and (owner := self._other_owner(doc, span, entry.country)) is not None:
            entry = replace(entry, country=owner)  # "Islamabad's Foreign Office" is no British office
        entity = entity_from_entry(entry, text, start, end)
        return Mention(match.start, match.end, [entity], kind, sentence)

    def _other_owner(self, doc: Doc, span, country: str | None) -> str | None:
        """The country a possessor before a body's name names, when it is not the body's own."""
        for owner in (c for c in span.root.children if c.dep_ == "poss" and c.i < span.start):
            named = next((e.country for e in self.dictionary.lookup(_ent_text(doc.spacy, owner))
                          if e.kind in ("country", "capital") and e.country), None)
            if named and named != country:
                return named
        return None

    def _as_named_then(self, entry: DictEntry, text: str, published: str | None) -> DictEntry:
        """A country name that meant another country before a date ("Congo" was Congo-Brazzaville
        while the other Congo was Zaire) reads as that country in older articles."""
        former = FORMER_NAMES.get(_strip_article(text))
        if former is None or entry.kind not in ("country", "demonym") or not published or published[:10] >= former[1]:
            return entry
        return DictEntry(entry.phrase, self.dictionary.country_name(former[0]), former[0], entry.sector, entry.kind)

    def _namesake_beside(self, doc: Doc, span, entry: DictEntry) -> Mention | None:
        """'Tripoli ..., the north Lebanese port': a capital's name that a town in a country named
        beside it also bears means that town."""
        beside = set(self._countries_beside(doc, span))
        near = beside - {entry.country}
        if not near or entry.country in beside:
            return None
        candidates = self.gazetteer.candidates(span.text)
        capital = max((p.population or 0 for p in candidates if p.country == entry.country), default=0)
        towns = [p for p in candidates if p.country in near and p.kind == "city"
                 and (p.population or 0) >= max(MISTAGGED_PLACE_POPULATION, capital * NAMESAKE_SHARE)
                 and folded_key(p.name).startswith(folded_key(span.text))]  # "Santiago" de Cuba, not Anantnag once called Islamabad
        if not towns:
            return None  # "Moscow said ... an American journalist": not Moscow, Idaho
        entity = Entity(text=span.text, name=towns[0].name, country=towns[0].country, sector=None,
                        code=towns[0].country, start=span.start_char, end=span.end_char)
        return Mention(span.start, span.end, [entity], "place", doc.sentence_index(span.start))

    def _best_entry(self, entries: list[DictEntry]) -> DictEntry:
        order = {"person": 0, "organisation": 1, "seat": 2, "country": 3, "capital": 4, "demonym": 5}
        return sorted(entries, key=lambda e: order.get(e.kind, 9))[0]

    def _seat_metonym(self, doc: Doc, span) -> DictEntry | None:
        """A capital that also seats a union stands for the union where the report is about it
        (not as a modifier: "Brussels police", "Brussels prosecutors" are the city's)."""
        body, markers = SEAT_METONYMS.get(span.text, (None, ()))
        if body is None or span.root.dep_ in ("compound", "nmod", "amod") or not any(marker in doc.text for marker in markers):
            return None
        return next((e for e in self.dictionary.lookup(body) if e.kind == "organisation"), None)

    def _used_as_place(self, span) -> bool:
        """A capital governed by a locative preposition, or naming where an accord or meeting was
        made ("the Algiers peace agreement", "the Astana talks"), is a place, not the government acting."""
        head = span.root
        return (head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "near", "outside", "around")) or (
            head.dep_ in ("compound", "nmod") and head.head.lemma_.lower() in PLACE_NAMED_THINGS)

    # -- people ----------------------------------------------------------------------------------
    def _person_mention(self, doc: Doc, span, entry: DictEntry) -> Mention:
        role = self.dictionary.role_on(entry.name, doc.article.published)
        if role is None and len(span) == 1 and entry.name.split()[-1] == span.text and (holder := self.dictionary.person_by_surname(
                span.text, doc.article.published)) is not None:
            # "Bush met Gorbachev" in 1989: the surname's alias names the son, the father was in office
            entry, role = holder, self.dictionary.role_on(holder.name, doc.article.published)
        country = role.country if role else entry.country
        sector = role.sector if role else None
        if role is None:  # a role the table does not know (yet): "U.N. Secretary-General Kofi Annan" in 2024
            title_country, sector = self._context_of_person(doc, span)
            # "UN special envoy Ibrahim Gambari": one titled for an international body acts for it
            country = title_country if sector == "IGO" else country or title_country
        start, end = span.start_char, span.end_char
        entity = Entity(text=doc.text[start:end], name=entry.name, country=country, sector=sector,
                        code=_code(country, sector), qid=entry.qid, start=start, end=end)
        return Mention(span.start, span.end, [entity], "person", doc.sentence_index(span.start))

    def _demonym_mention(self, doc: Doc, span, entry: DictEntry) -> Mention | None:
        """'North Korean state media' -> PRK MED; 'Russian strikes' -> RUS (the country acts)."""
        head = span.root.head if span.root.dep_ in ("amod", "compound", "nmod") else span.root
        if head.lemma_.lower() in NOT_A_PARTY_HEADS:
            return None  # "the use of the Russian language": a tongue, not a party
        if head.ent_type_ == "PERSON" or head.i in range(span.start, span.end):
            people = span.root.tag_ in ("NNS", "NNPS")  # "Algerians", "Iraqi Kurds": people acting
            entity = entity_from_entry(entry, span.text, span.start_char, span.end_char,
                                       sector="CVL" if people else None)
            residence = self._residence_of_ethnic_group(doc, span)
            if residence and residence != entity.country:  # "ethnic Albanians in Macedonia" act in Macedonia
                entity.country, entity.code = residence, _code(residence, entity.sector)
            return Mention(span.start, span.end, [entity], "demonym", doc.sentence_index(span.start))
        partners = self._coordinated_demonyms(doc.spacy[span.end:head.i], head)  # "Saudi and Iranian officials"
        skipped = {m.i for t, _, first in partners for m in t.subtree if span.end <= m.i <= t.i} | {
            i for t, _, first in partners for i in range(first, t.i + 1)} | {
            t.i for t in doc.spacy[span.end:head.i] if t.dep_ == "cc"}  # "South" of "South Korean" too
        phrase = " ".join(t.text for t in doc.spacy[span.end:head.i + 1] if not t.is_punct and t.i not in skipped)
        sector = self.dictionary.sector_of(phrase.lower()) if phrase else None
        if sector in ("MIL", "COP") and span.start > 0 and doc.spacy[span.start - 1].lower_ == "ethnic":
            sector = "REB"  # "ethnic Armenian forces" in Karabakh are no state's army
        holder = head.head if head.dep_ == "compound" else head  # "Rohingya refugee camps": "refugee" modifies "camps"
        if sector and set(phrase.lower().split()) & NOT_PEOPLE.get(holder.lemma_.lower(), frozenset()):
            sector = None  # "the Rohingya refugee camps": a place of the Rohingya, not people acting
        end_tok = head.i + 1 if sector else span.end
        start_char, end_char = span.start_char, doc.spacy[end_tok - 1].idx + len(doc.spacy[end_tok - 1])
        entity = entity_from_entry(entry, doc.text[start_char:end_char], start_char, end_char, sector=sector)
        entity.name = entry.name if not sector else f"{span.text} {phrase}".strip()
        people = sector or head.lemma_.lower() in POPULATION_NOUNS  # "the Albanian population of the province"
        # an arm of a state is that state's wherever it is ("the Colombian army ... in a report released in London")
        residence = self._residence_of_ethnic_group(doc, span, head) if people and sector not in STATE_SECTORS else None
        if residence and residence != entity.country:  # "ethnic Albanian guerrillas operating in Macedonia"
            entity.country, entity.code = residence, _code(residence, entity.sector)
        entities = [entity]
        if sector:
            for token, partner, _ in partners:
                other = entity_from_entry(partner, doc.text[start_char:end_char], start_char, end_char, sector=sector)
                other.name = f"{token.text} {phrase}"
                entities.append(other)
        kind = "group" if sector else "demonym"
        return Mention(span.start, end_tok, entities, kind, doc.sentence_index(span.start))

    def _residence_of_ethnic_group(self, doc: Doc, span, root=None) -> str | None:
        """CAMEO codes an ethnic group by the country it lives in when the text names it."""
        before = doc.spacy[span.start - 1] if span.start > 0 else None
        root = root if root is not None else span.root
        of_places = [g for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj"]
        if of_places:  # "the Albanians of southern Serbia", "the Kurds of Iraq": who live there
            country = next((c for c in (self._place_country(doc, g) for g in of_places) if c), None)
            if country:
                return country
        if not (before is not None and before.lower_ == "ethnic" or any(c.lower_ == "ethnic" for c in span.root.children)) and (
                not of_places):
            return None
        # "ethnic Albanians in Macedonia", "ethnic Albanian guerrillas operating in Macedonia",
        # "ethnic Albanians demonstrated in Serbia"
        living = next((c for c in (self._country_where(doc, a) for a in root.children
                                   if a.dep_ == "acl" and a.tag_ in ("VBG", "VBN")) if c), None)
        return self._country_of_group(doc, root, set()) or living or self._country_where(doc, _clause_verb(root)) or (
            self._other_country_of_sentence(doc, span))

    def _other_country_of_sentence(self, doc: Doc, span) -> str | None:
        """'Ethnic Albanians have sworn to fight ... near Macedonia's border, Macedonian officials
        said', 'the Albanian population of the province': with no place of their own, an ethnic
        group lives in the country its sentence names most (places count double; first, on a tie),
        other than its kin state."""
        own = {e.country for e in self.dictionary.lookup(span.text)}
        counts: dict[str, int] = {}
        for token in span.sent:
            if token.ent_type_ in ("GPE", "NORP") and token.ent_iob_ == "B" and not (span.start <= token.i < span.end):
                entries = self.dictionary.lookup(_ent_text(doc.spacy, token))
                country = entries[0].country if entries else self._place_country(doc, token)
                if country and country not in own:  # a place says where they live more than a nationality
                    counts[country] = counts.get(country, 0) + (2 if token.ent_type_ == "GPE" else 1)
        return max(counts, key=lambda c: counts[c]) if counts else None

    def _country_where(self, doc: Doc, verb) -> str | None:
        """The country of the place where a clause happens: 'in Serbia', 'in a gunbattle in southern
        Serbia', 'through Nairobi', 'blocked motorways in Belgium'."""
        return next(iter(self._countries_where(doc, verb)), None)

    def _where_stateless_group_is(self, doc: Doc, mention: Mention) -> str | None:
        """'Islamic State targets in the Libyan city of Derna', 'al-Qaeda fighters in Yemen': an
        armed group of no one country is coded by the place its own phrase puts it in, else by
        where its clause is set."""
        head = doc.spacy[mention.end - 1]
        noun = head.head if head.dep_ in ("compound", "nmod") else head
        frontier = [noun]
        for _ in range(2):  # "in the Libyan city of Derna"
            places = [g for n in frontier for c in n.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                      and (c.lower_ == "in" or n is not noun) for g in c.children if g.dep_ == "pobj"]
            found = next((country for p in places if (country := self._place_country(doc, p))), None)
            if found:
                return found
            frontier = places
        return self._country_where(doc, _clause_verb(noun))  # "attacked Islamic State in Mosul"

    def _countries_where(self, doc: Doc, verb) -> list[str]:
        """The countries of the first place a clause names, with the places coordinated with it
        ('blocked motorways in Belgium and France', 'set fire to the Swedish embassy in Baghdad')."""
        if verb is None:
            return []
        verbs = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not any(
            s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]  # "stormed and torched", one subject
        frontier = verbs + [c for v in verbs for c in v.children if c.dep_ == "dobj"] + [
            g for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "at", "on", "against")
            for g in c.children if g.dep_ == "pobj"]
        for _ in range(3):  # "in a raid on a cattle market in northern Burkina Faso"
            places = [obj for node in frontier for c in node.children
                      if c.dep_ == "prep" and (c.lower_ in PLACE_SLOT_PREPS | {"through"} or (
                          c.lower_ == "of" and node.lemma_.lower() in PLACE_HEADS) or (  # "the Libyan city of Derna"
                          c.lower_ in ("on", "against") and node.lemma_.lower() in ATTACK_NOUNS))  # "a raid on a market in"
                      for obj in c.children if obj.dep_ == "pobj"]
            first = next((obj for obj in places if self._place_country(doc, obj)), None)
            if first is not None:
                container = next((country for p in prep_objects([first, first.head.head], ("in",))
                                  if p is not first and (country := self._place_country(doc, p))), None)
                if container is not None and container != self._place_country(doc, first):
                    return [container]  # "the village of Solhan in northern Burkina Faso": the country it is said to be in
                found = [self._place_country(doc, p) for p in [first, *conjuncts(first)]]
                return list(dict.fromkeys(c for c in found if c))
            frontier = places
        return []

    def _place_country(self, doc: Doc, token) -> str | None:
        """The country of a place the tagger names ('Serbia', 'Nairobi'), or None; a name tagged
        otherwise counts where only a place can stand ('the council in Niamey')."""
        if token.ent_type_ not in ("GPE", "LOC") and not (
                token.ent_type_ in ("ORG", "PERSON") and _in_locative_slot(doc.spacy[token.i:token.i + 1])):
            return None
        name = _ent_text(doc.spacy, token)
        known = [e for e in self.dictionary.lookup(name) if e.kind == "country" and e.country]
        if known:  # the actor table's reading of a country name ("Congo" is the DRC) beats the gazetteer's
            return self._as_named_then(known[0], name, doc.article.published).country
        place = self.gazetteer.resolve(name, (), self._countries_beside(doc, doc.spacy[token.i:token.i + 1]))
        return place.country if place else None

    def _coordinated_demonyms(self, tokens, head=None) -> list:
        """The other nationalities of 'Saudi and Iranian officials', 'Australian, Japanese and
        American warships' (a listed one hangs on the noun itself)."""
        found = []
        indices = {t.i for t in tokens}
        for token in tokens:
            if token.dep_ == "conj" or (head is not None and token.dep_ in ("amod", "compound") and token.head.i == head.i) or (
                    token.i - 1 in indices and token.doc[token.i - 1].dep_ == "cc"):  # "Kazakh and Kyrgyz border services"
                # "South Korean" in "U.S. and South Korean forces": the word with its own modifiers first
                words = [t for t in token.subtree if t.i in indices and t.i <= token.i and t.dep_ in (
                    "compound", "amod", "nmod") or t.i == token.i]
                run = _run_ending_at(tokens, token)  # "Papua New Guinean", however the parser hung its words
                entries = [e for text in dict.fromkeys((" ".join(t.text for t in run), " ".join(t.text for t in words), token.text))
                           for e in self.dictionary.lookup(text) if e.kind in ("demonym", "country")]
                if entries:
                    found.append((token, entries[0], run[0].i))
        return found

    def _mention_from_ent(self, doc: Doc, ent, context: tuple[str, ...] = ()) -> Mention | None:
        if self._is_landmark(ent) or _people_of_the_americas(ent.root):
            return None  # a people of the Americas is a group, coded by where it lives
        if ent.label_ in ("PERSON", "NORP") and (_in_locative_slot(ent) or _owns_a_place(ent) or (
                _names_a_region(ent) and ent.root.head.lower_ in ADMIN_WORDS)) or (
                ent.label_ == "NORP" and ent.root.tag_ == "NNP" and _in_place_slot(ent)) or (  # "attacked Aleppo"
                ent.label_ == "ORG" and _in_locative_slot(ent) and not self._is_known(ent)):
            # the tagger's "PERSON" in "fighting near Goma", "NORP" in "the town of Samarra" or "ORG" in
            # "a studio in Guayaquil" is a town
            # a name heading "region" or "province" is a region of whatever size ("the Tigray region")
            least = 0 if _names_a_region(ent) else MISTAGGED_PLACE_POPULATION
            place = self._place_mention(doc, ent, min_population=least, context=context)
            if place is not None:
                return place
        if ent.label_ == "PERSON":
            known = self.dictionary.misspelt_person(_span_text(ent)) or [
                e for e in [self._office_holder_named(doc, ent)] if e is not None]
            if known:  # "President Francois Mitterand", "Clinton ordered ..." in 1996
                return self._mention_from_match(doc, _Match(ent.start, ent.end, known))
            return self._unknown_person(doc, ent)
        if ent.label_ in ("ORG", "GPE") and _titled_name(ent) and not self._is_known(ent):
            # the tagger's "ORG" in "Vice-President Moody Awori", "GPE" in "Colombian President Duque"
            known = self.dictionary.misspelt_person(_span_text(ent))
            if known:
                return self._mention_from_match(doc, _Match(ent.start, ent.end, known))
            return self._unknown_person(doc, ent)
        if ent.label_ == "ORG":
            return self._unknown_org(doc, ent, context)
        if ent.label_ in ("GPE", "LOC"):
            return self._place_mention(doc, ent, context=context)
        return None

    def _untagged_office_holders(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """'Duterte met Trump': a lone capitalised surname the tagger left unnamed, of the one person
        in office on the article's date whose name ends in it."""
        found = []
        for token in doc.spacy:
            if token.i in taken or token.ent_type_ or token.pos_ != "PROPN" or not token.is_title or not token.is_alpha or (
                    token.dep_ in ("compound", "amod") or any(c.dep_ == "compound" for c in token.children)):
                continue
            holder = self.dictionary.person_by_surname(token.text, doc.article.published)
            if holder is not None:
                found.append(self._person_mention(doc, doc.spacy[token.i:token.i + 1], holder))
        return found

    def _office_holder_named(self, doc: Doc, ent) -> DictEntry | None:
        """A lone surname the tables know only inside full names: the one of them in office on the
        article's date."""
        words = _span_text(ent).split()
        if len(words) != 1 or not words[0].isalpha():
            return None
        return self.dictionary.person_by_surname(words[0], doc.article.published)

    def _unknown_person(self, doc: Doc, ent) -> Mention | None:
        country, sector = self._context_of_person(doc, ent)
        start, end = _trim_possessive(ent)
        entity = Entity(text=doc.text[start:end], name=doc.text[start:end], country=country,
                        sector=sector, code=_code(country, sector), start=start, end=end)
        return Mention(ent.start, ent.end, [entity], "person", doc.sentence_index(ent.start))

    def _context_of_person(self, doc: Doc, ent) -> tuple[str | None, str | None]:
        """Country and sector from titles before the name or an 'of ORG' / apposition after it."""
        country = sector = None
        title_tokens = [t for t in _left_modifiers(ent) if not t.is_punct]
        title = " ".join(t.lower_ for t in title_tokens if t.ent_type_ not in ("GPE", "NORP", "ORG"))
        former = any(t.lower_ in FORMER_WORDS for t in title_tokens)
        if title:
            sector = self.dictionary.sector_of(title)
        country = self._first_country_named(title_tokens)
        org_country, org_sector = self._org_context(doc, ent, title_tokens)
        if org_sector == "IGO" and not country:
            return None, "IGO"  # "Arab League Secretary-General Chedli Klibi" acts for the League
        country, sector = country or org_country, sector or org_sector
        head = ent.root.head if ent.root.dep_ == "appos" else self._title_before_comma(doc.spacy, ent, title_tokens)
        if head is not None and not (country and sector):  # "Mali's foreign minister Abdoulaye Diop"
            phrase = doc.spacy[head.left_edge.i:head.i + 1]
            head_country, head_sector = self._describe_span(doc, phrase)
            country, sector = country or head_country, sector or head_sector
            former = former or any(t.lower_ in FORMER_WORDS for t in phrase)
        if former and sector:
            sector = "ELI"  # CAMEO's elites: a former office holder acts for no institution
        return country, sector

    def _first_country_named(self, tokens) -> str | None:
        """The country the first name among some words belongs to, the longest name first:
        'Papua New Guinea police commissioner' is Papua New Guinea's, not Guinea's."""
        for start in range(len(tokens)):
            for end in range(len(tokens), start, -1):
                entries = self.dictionary.lookup(" ".join(t.text for t in tokens[start:end]))
                if entries and entries[0].country:
                    return entries[0].country
        return None

    def _title_before_comma(self, sdoc, ent, title_tokens):
        """The title noun just before a comma and the name ("Qatar's emir, Sheikh Hamad ..."),
        an apposition the parser did not attach."""
        comma = (title_tokens[0].i if title_tokens else ent.start) - 1
        if comma < 1 or sdoc[comma].text != ",":
            return None
        title = sdoc[comma - 1]
        if title.tag_ != "NN" or not self.dictionary.sector_of(title.lower_) or title.left_edge.i < title.sent.start:
            return None
        return title

    def _org_context(self, doc: Doc, ent, title_tokens) -> tuple[str | None, str | None]:
        """An organisation in the title ('National Security Council spokesman') or after 'of'."""
        sdoc = doc.spacy
        candidates = []
        if title_tokens:
            candidates.append(sdoc[title_tokens[0].i:title_tokens[-1].i + 1])
        for child in (c for token in ent for c in token.children if c.i >= ent.end or c.i < ent.start):
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "at"):
                candidates.extend(child.subtree and [sdoc[child.i + 1:child.right_edge.i + 1]])
            if child.dep_ == "appos":
                candidates.append(sdoc[child.left_edge.i:child.right_edge.i + 1])
        for span in candidates:
            country, sector = self._describe_span(doc, span)
            if country or sector:
                return country, sector
        return None, None

    def _describe_span(self, doc: Doc, span) -> tuple[str | None, str | None]:
        """Country and sector that a phrase like "Cambridge University's Centre" implies."""
        country = sector = None
        words = [t.lower_ for t in span]
        if any(w in EDU_WORDS for w in words):
            sector = "EDU"
        for n in range(len(span), 0, -1):
            for i in range(0, len(span) - n + 1):
                sub = span[i:i + n]
                if sub.start >= 2 and sub.doc[sub.start - 1].text == "-" and sub.doc[sub.start - 2].lower_ in CONTINENT_PREFIXES:
                    continue  # "the Pan-American Highway" runs through a continent, not the United States
                entries = self.dictionary.lookup(_span_text(sub))
                if entries:
                    e = self._best_entry(entries)
                    if e.kind == "organisation" and e.sector == "IGO" and sub.start > span.start and (
                            nationality := self._nationality_before(sub)):
                        return nationality, sector  # "the Ethiopian Human Rights Council": a national body
                    return e.country, sector or (e.sector if e.kind != "demonym" else None) or (
                        "GOV" if e.kind in ("capital", "seat") else None)
        sector = sector or self.dictionary.sector_of(" ".join(words))
        for token in span:
            if token.i == span.root.i and len(span) > 1:
                continue  # a name's head noun names what it is: the "Union" of "the Farmers Union" is no town
            place = self._place_in_name(doc, token)
            if place is not None:
                country = place.country
                break
        return country, sector

    def _place_in_name(self, doc: Doc, token):
        """A town inside a name ('Cambridge University') locates it; only sizeable towns,
        so that a surname that is also a village does not."""
        if not token.is_title or token.lower_ in EDU_WORDS or token.lower_ in NAME_PARTICLES or token.pos_ != "PROPN":
            return None  # "Van Gogh's Sunflowers" is no museum in Van, Turkey
        place = self.gazetteer.resolve(token.text)
        if place is None or place.country is None:
            return None
        if place.kind != "country" and folded_key(place.name) != folded_key(token.text) and (
                named := self._countries_named_as_places(doc, doc.spacy[token.i:token.i + 1])) and place.country not in named:
            return None  # a town once called so, abroad: the "Cano" of "Cano Limon ... in northeastern Colombia" is not Kano
        if token.ent_type_ in ("GPE", "LOC") or place.kind == "country" or place.population >= 50000:
            return place
        return None

    def _unknown_org(self, doc: Doc, ent, context: tuple[str, ...] = ()) -> Mention | None:
        start, end = _trim_possessive(ent)
        place = self.gazetteer.resolve(doc.text[start:end], context)
        if place is not None and place.kind in ("city", "admin1") and place.population >= MISTAGGED_PLACE_POPULATION:
            return self._place_mention(doc, ent, context=context)  # the tagger's "ORG" Novi Sad is a city, not Novi, Michigan
        country, sector = self._describe_span(doc, ent)
        if sector and not country:  # "the Federation of Trade Unions of Ukraine", the country left out of the name
            country = next((e.country for t in ent for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                            and c.i >= ent.end for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"
                            for e in self.dictionary.lookup(g.text)[:1] if e.country), None)
        # "the Foreign Ministry said": a state's body whose state goes unnamed, placed like "police"
        state_body = not country and sector in STATE_SECTORS and ent.root.lemma_.lower() in STATE_BODY_NOUNS
        if state_body:
            country = self._country_of_group(doc, ent.root, set())  # "a Revolutionary Court in Tehran"
            state_body = not country
        if not (country or sector in ("IGO", "NGO") or state_body):
            return None
        start, end = _trim_possessive(ent)
        name = doc.text[start:end]
        entity = Entity(text=name, name=_strip_article(name), country=country, sector=sector,
                        code=_code(country, sector), start=start, end=end)
        return Mention(ent.start, ent.end, [entity], "group" if state_body else "org", doc.sentence_index(ent.start))

    def _untagged_places(self, doc: Doc, taken: set[int], context: tuple[str, ...] = ()) -> list[Mention]:
        """Towns the tagger missed where only a place can stand: 'shelled Odesa', 'fighting near
        Aleppo', 'the town of Samarra'; only sizeable towns, so that a name is not a village."""
        found = []
        for token in doc.spacy:
            if token.pos_ != "PROPN" or token.ent_type_ not in MISSED_PLACE_LABELS or token.i in taken or not token.is_title:
                continue
            if not _in_place_slot(doc.spacy[token.i:token.i + 1]):
                continue
            start = token.i
            while start > 0 and doc.spacy[start - 1].dep_ == "compound" and doc.spacy[start - 1].pos_ == "PROPN" and (
                    start - 1 not in taken and doc.spacy[start - 1].ent_type_ in MISSED_PLACE_LABELS):
                start -= 1  # "Kryvyi Rih"
            mention = self._place_mention(doc, doc.spacy[start:token.i + 1], min_population=MISTAGGED_PLACE_POPULATION,
                                          context=context)
            if mention is not None:
                found.append(mention)
        return found

    def _hyphenated_pairs(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """'a U.S.-British draft resolution', 'Russian-Chinese drills': each side a country of its own."""
        found = []
        for token in doc.spacy:
            parts = token.text.split("-")
            if token.i in taken or len(parts) < 2 or not all(parts):
                continue
            end = token.i + 1
            if parts[-1].lower() in COMPASS_POINTS and end < len(doc.spacy) and end not in taken:
                parts[-1] = f"{parts[-1]} {doc.spacy[end].text}"  # "U.S.-South Korean drills"
                end += 1
            entries = [self._state_named(part) for part in parts]
            if any(e is None for e in entries) or len({e.country for e in entries}) < 2:
                continue
            start = token.idx
            entities = []
            for part, entry in zip(parts, entries):
                entities.append(entity_from_entry(entry, part, start, start + len(part)))
                start += len(part) + 1
            found.append(Mention(token.i, end, entities, "demonym", doc.sentence_index(token.i)))
        return found

    def _country_groups(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """'the three Baltic states', 'the two Koreas': a set of countries named as one. A count
        smaller than the set ('the two Nordic countries') picks the members the article names."""
        found = []
        for token in doc.spacy:
            members = COUNTRY_GROUPS.get(token.lower_)
            head = token
            if members is None and token.lower_ in COUNTRY_GROUP_ADJECTIVES and token.i + 1 < len(doc.spacy) and (
                    doc.spacy[token.i + 1].lemma_.lower() in COUNTRY_GROUP_HEADS) and doc.spacy[token.i + 1].tag_ == "NNS":
                # "the Baltic states", not "the Baltic country" (one of them, named before)
                members, head = COUNTRY_GROUP_ADJECTIVES[token.lower_], doc.spacy[token.i + 1]
            if members is None or token.i in taken or head.i in taken:
                continue
            start = token.i
            count = doc.spacy[start - 1].like_num if start > 0 else False
            if count:
                start -= 1
                number = _small_number(doc.spacy[start].lower_)
                if number is None:
                    continue
                if number < len(members):
                    members = tuple(c for c in members if c in self._countries_named(doc))
                    if len(members) != number:
                        continue
            entities = []
            for country in members:
                entry = self._state_named(self.dictionary.country_name(country))
                if entry is not None:
                    entities.append(entity_from_entry(entry, doc.spacy[start:head.i + 1].text,
                                                      doc.spacy[start].idx, head.idx + len(head)))
            if len(entities) > 1:
                found.append(Mention(start, head.i + 1, entities, "country", doc.sentence_index(token.i)))
        return found

    def _countries_named(self, doc: Doc) -> set[str]:
        countries = set()
        for token in doc.spacy:
            if token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "NORP"):
                countries.update(e.country for e in self.dictionary.lookup(token.text) if e.country and
                                 e.kind in ("country", "demonym", "capital"))
        return countries

    def _state_named(self, text: str) -> DictEntry | None:
        """The country a name or demonym alone stands for ("U.S.", "British"), if any."""
        entries = [e for e in self.dictionary.lookup(text) if e.country and e.kind in ("country", "demonym")]
        return self._best_entry(entries) if entries else None

    def _misspelt_countries(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """Countries and demonyms with a typing slip ("Afganistan", "Quatar's emir"): a lone
        capitalised name that nothing else knows, never part of a person's name."""
        found = []
        for token in doc.spacy:
            if token.i in taken or not token.is_title or token.pos_ not in ("PROPN", "ADJ") or token.ent_type_ == "PERSON" or \
                    _in_longer_name(token):
                continue
            entries = self.dictionary.misspelt_country(token.text)
            if not entries or self.dictionary.lookup(token.text) or self.gazetteer.resolve(token.text):
                continue
            mention = self._mention_from_match(doc, _Match(token.i, token.i + 1, entries))
            if mention is not None:
                found.append(mention)
        return found

    def _place_mention(self, doc: Doc, ent, min_population: int = 0, context: tuple[str, ...] = ()) -> Mention | None:
        start, end = _trim_possessive(ent)
        if doc.text[start:end].islower():
            return None  # "the east bank of the Dnipro": a description, not a name
        if doc.text[start:end].lower() in DIVIDED_HALVES:
            return self._other_half(doc, ent, start, end, context)
        place = self.gazetteer.resolve(doc.text[start:end], context, self._countries_beside(doc, ent))
        if place is None or place.country is None:
            return None
        if place.kind == "city" and place.population < min_population:
            return None  # a region or landmark the tables name is a place whatever the tagger said
        named = self._countries_named_as_places(doc, ent)
        if place.kind == "city" and named and place.country not in named and place.country not in context:
            return None  # "near Palma in northern Mozambique": a town of Mozambique the gazetteer lacks, not Palma, Spain
        # "Cameroon's English-speaking Northwest region": the country that owns it, whatever the gazetteer's namesake
        country = (self._owner_of_place(doc, ent) if place.kind == "city" else None) or place.country
        entity = Entity(text=doc.text[start:end], name=place.name, country=country,
                        sector=None, code=country, start=start, end=end)
        # a country the tables miss under this name (the gazetteer's "Afganistan") acts as one
        kind = "country" if place.kind == "country" else "place"
        return Mention(ent.start, ent.end, [entity], kind, doc.sentence_index(ent.start))

    def _other_half(self, doc: Doc, ent, start: int, end: int, context: tuple[str, ...]) -> Mention | None:
        """'North Korea threatened to cut ties with the South': the other half of a divided country the
        article names; with none named, a bare point of the compass is no place (not Cameroon's South)."""
        halves = DIVIDED_HALVES[doc.text[start:end].lower()]
        other = next((halves[c] for c in context if c in halves), None)
        if other is None:
            return None
        entity = Entity(text=doc.text[start:end], name=self.dictionary.country_name(other), country=other,
                        sector=None, code=other, start=start, end=end)
        return Mention(ent.start, ent.end, [entity], "country", doc.sentence_index(ent.start))

    def _owner_of_place(self, doc: Doc, ent) -> str | None:
        head = ent.root.head if ent.root.dep_ in ("compound", "nmod") and ent.root.head.pos_ == "NOUN" else ent.root
        owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        entries = [e for o in owners for e in self.dictionary.lookup(_ent_text(doc.spacy, o))[:1] if e.kind == "country"]
        return entries[0].country if entries else None

    def _countries_named_as_places(self, doc: Doc, ent) -> set[str]:
        """The countries a place's sentence says things happen in ("in northern Mozambique")."""
        return {e.country for other in ent.sent.ents if other.label_ == "GPE" and not other.start <= ent.start < other.end
                and other.root.dep_ == "pobj" and other.root.head.lower_ in ("in", "inside", "across")
                for e in self.dictionary.lookup(_span_text(other))[:1] if e.kind == "country" and e.country}

    def _countries_beside(self, doc: Doc, ent) -> tuple[str, ...]:
        """Countries the other names in a place's sentence stand for ("the north Lebanese port")."""
        found = []
        for other in ent.sent.ents:
            if other.label_ in ("NORP", "GPE") and not other.start <= ent.start < other.end and not (
                    other.root.head.lemma_.lower() in MISSION_NOUNS and other.root.dep_ in ("compound", "amod", "poss")):
                entries = self.dictionary.lookup(_span_text(other))  # "the U.S. embassy" stands abroad
                found += [e.country for e in entries[:1] if e.country and e.kind in ("country", "demonym")]
        return tuple(found)

    # -- groups named by a sector noun: "Afghan police" done via demonyms; "rebels in Darfur" --
    def _group_mentions(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """Actors named by what they are: 'rebels in Darfur', 'police', 'the government'.

        With no country in their own phrase they get one in ``_infer_countries``, the usual
        reading of domestic news ('Police fired tear gas' in a report about Kenya).
        """
        mentions = []
        for token in doc.spacy:
            # the tagger's "ORG" on a sentence-initial common noun ("Kidnappers freed 42 people") is no name
            capital_noun = token.ent_type_ == "ORG" and token.pos_ == "NOUN" and token.i == token.sent.start
            community = self._stateless_community(doc, token)
            if token.i in taken or token.pos_ not in ("NOUN", "PROPN") or (
                    token.ent_type_ and not (capital_noun or community)):
                continue
            if (bloc := self._regional_bloc(token)) is not None:  # "Arab foreign ministers voted to suspend Syria"
                mentions.append(Mention(token.i, token.i + 1, [entity_from_entry(bloc, token.text, token.idx, token.idx + len(token))],
                                        "group", doc.sentence_index(token.i)))
                continue
            if (token.dep_ in ("compound", "amod") and token.head.lemma_.lower() not in FORCE_HEADS) or (
                    not token.is_lower and token.i != token.sent.start and not community):
                continue  # "police academy" names a place; "army aircraft" is the army acting
            if token.lemma_.lower() == "force" and token.dep_ == "dobj" and token.head.lemma_.lower() in FORCE_USING_VERBS:
                continue  # "to use military force against Taiwan": violence, not an armed group
            if token.lemma_.lower() == "fighter" and any(c.dep_ in ("compound", "nmod", "nummod") and any(ch.isdigit() for ch in c.text)
                                                         and any(ch.isalpha() for ch in c.text) for c in token.children):
                continue  # "F-15 fighters", "MiG-29 fighters": aircraft, not militants
            sector = self.dictionary.sector_of(token.lower_)
            if sector is None and token.lemma_.lower() in LED_FORCES and self._leading_country(token):
                sector = "MIL"  # "the U.S.-led coalition", "a Saudi-led alliance": armed forces under a state's lead
            modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
            if modifiers and (token.lemma_.lower() in GENERIC_TITLES | COLLECTIVE_HEADS or sector == "PTY"):
                # "opposition leaders", "the main opposition party"
                sector = self.dictionary.sector_of(f"{modifiers[0]} {token.lower_}") or sector
            elif modifiers and sector is None and self.dictionary.exact_sector(f"{modifiers[0]} {token.lower_}") == "REB":
                sector = "REB"  # "suicide bombers" (bombers alone may be planes)
            if sector is None and token.lemma_.lower() in PATRONIZED_HEADS and _has_patron(token):
                sector = "REB"  # "the Iran-aligned movement", "a Saudi-backed faction": an armed group, not its patron
            if (sector not in GROUP_SECTORS and token.lower_ not in GROUP_PEOPLE) or (
                    sector == "GOV" and token.lemma_.lower() not in GOVERNMENT_NOUNS) or _board_members(token):
                continue
            if modifiers and modifiers[0] in NOT_PEOPLE.get(token.lemma_.lower(), ()):
                continue  # "a monetary union" is no trade union
            if any(c.dep_ in ("poss", "compound") and c.i in taken for c in token.children) and \
                    self._possessor_is_organisation(doc, token):
                continue  # "the ICC's prosecutor", "NATO peacekeeping troops": the body acts, through its people
            country = self._country_of_group(doc, token, taken)
            if country is None and sector in UPROOTED_SECTORS:  # "refugees fleeing the civil war in Liberia"
                country = self._country_fled(doc, token)
            countries = self._coordinated_origins(doc, token, country) if country else [country]
            if country is None and sector in RESIDENT_SECTORS:  # "farmers blocked motorways in Belgium and France"
                countries = self._countries_where(doc, _clause_verb(token)) or [None]
            if sector == "JUD" and _international_court(token):
                sector, countries = "IGO", [None]  # "an international tribunal" is no national court
            if (body := self._body_sent(token)) is not None:
                sector, countries = "IGO", [None]  # troops of a bloc are the bloc's, whoever leads it
            name = token.lemma_.lower() if body is None else f"{token.lemma_.lower()} ({body.name})"
            entities = [Entity(text=token.text, name=name, country=country, sector=sector,
                               code=_code(country, sector), start=token.idx, end=token.idx + len(token))
                        for country in countries]
            mentions.append(Mention(token.i, token.i + 1, entities, "group", doc.sentence_index(token.i)))
        return mentions

    def _coordinated_origins(self, doc: Doc, token, country: str) -> list[str]:
        """'warships from India, Japan and the United States': each country a group comes from."""
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
            for obj in (g for g in prep.children if g.dep_ == "pobj" and g.conjuncts):
                found = [self._place_country(doc, p) or self._country_named(doc, p) for p in [obj, *obj.conjuncts]]
                if country in found and len([c for c in found if c]) > 1:  # "from Jordan, the US and other allies"
                    return list(dict.fromkeys(c for c in found if c))
        return [country]

    def _country_named(self, doc: Doc, token) -> str | None:
        """The country a name is, whatever the tagger took it for ("Chad and Niger", Niger a PERSON)."""
        return next((e.country for e in self.dictionary.lookup(_ent_text(doc.spacy, token))
                     if e.kind == "country" and e.country), None)

    def _stateless_community(self, doc: Doc, token) -> bool:
        """'Kurds', 'Christians', 'Sikhs': a people or faith the tagger names (NORP) that no state's
        table claims; like villagers, they are coded by where they live."""
        if token.ent_type_ not in ("NORP", "ORG") or token.tag_ not in ("NNS", "NNPS") or token.dep_ in ("compound", "amod"):
            return False
        if _people_of_the_americas(token):
            return True
        return token.ent_type_ == "NORP" and self.dictionary.sector_of(token.lower_) is not None and not any(
            e.country for e in self.dictionary.lookup(_ent_text(doc.spacy, token)))

    def _country_fled(self, doc: Doc, token) -> str | None:
        """The first country a 'fleeing ...' participle on the refugees (or on 'thousands of
        refugees') names, else the one they are said to come from."""
        holders = [token] + ([token.head.head] if token.dep_ == "pobj" and token.head.lower_ == "of" else [])
        for participle in (c for h in holders for c in h.children if c.dep_ == "acl" and c.lemma_.lower() in FLEEING_VERBS):
            for node in participle.subtree:
                if (country := self._place_country(doc, node)) is not None:
                    return country
        # "200 migrants from Ivory Coast and Guinea": where they come from
        return next((country for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                     for g in c.children if g.dep_ == "pobj" and (country := self._place_country(doc, g))), None)

    def _possessor_is_organisation(self, doc: Doc, token) -> bool:
        for child in token.children:
            if child.dep_ in ("poss", "compound") and child.ent_type_ == "ORG":
                entries = self.dictionary.lookup(_ent_text(doc.spacy, child))
                return not entries or entries[0].kind == "organisation"
            if child.dep_ in ("poss", "compound") and _is_body(self.dictionary.lookup(child.text)):
                return True  # "CSTO troops", the acronym untagged
        return False

    def _regional_bloc(self, token) -> DictEntry | None:
        """'Arab foreign ministers', 'Southeast Asian leaders': a region's ministers or leaders acting
        together act for the region's bloc."""
        if token.lemma_.lower() not in BLOC_MEMBER_HEADS or not token.is_lower:
            return None
        words = [t.lower_ for t in token.doc[token.left_edge.i:token.i] if t.dep_ in ("amod", "compound", "nmod")
                 and t.lower_ not in PORTFOLIO_WORDS]  # "Southeast Asian foreign ministers"
        name = REGIONAL_BLOCS.get(" ".join(words))
        entries = self.dictionary.lookup(name) if name else []
        return entries[0] if entries else None

    def _body_sent(self, token) -> DictEntry | None:
        """'troops from the Russian-led Collective Security Treaty Organization': the body they serve."""
        for name in prep_objects([token], ("from", "of")):
            words = _ent_text(name.doc, name) if name.ent_type_ == "ORG" else " ".join(
                t.text for t in name.subtree if t.pos_ == "PROPN" and (t.i == name.i or t.dep_ == "compound"))
            entries = self.dictionary.lookup(words) if name.pos_ == "PROPN" else []
            if _is_body(entries):
                return entries[0]
        return None

    def _country_of_group(self, doc: Doc, token, taken: set[int]) -> str | None:
        led = self._leading_country(token)
        if led is not None:
            return led
        based = next((self._place_country(doc, g) for c in token.children if c.dep_ == "amod" and c.lemma_.lower() == "base"
                      for g in c.children if g.dep_ in ("npadvmod", "compound") and g.i < c.i), None)
        if based:
            return based  # "Pakistan-based militants"
        if token.dep_ == "conj" and not any(c.dep_ in ("amod", "compound", "poss") for c in token.children):
            # "15 British sailors and marines": the nationality before the first noun is the second's too
            shared = self._nationality_among([c for c in token.head.children if c.dep_ == "amod" and c.i < token.head.i])
            if shared:
                return shared
        # "an Indian embassy official": the nationality of the body the noun is of
        body = self._nationality_among([a for c in token.children if c.dep_ == "compound" and c.i < token.i
                                        for a in c.children if a.dep_ in ("amod", "compound") and a.i < c.i])
        if body:
            return body
        mission = next((e.country for c in token.children if c.dep_ == "compound" and c.i < token.i
                        and c.lemma_.lower() in MISSION_NOUNS for a in c.children if a.dep_ == "compound" and a.i < c.i
                        for e in self.dictionary.lookup(a.text)[:1] if e.kind == "country" and e.country), None)
        if mission:
            return mission  # "a U.S. embassy official": of the country whose mission it is
        # "Christians and Moslems in Lebanon": a place after the last of coordinated groups is all of theirs
        later = [c for c in token.conjuncts if c.i > token.i and c.pos_ in ("NOUN", "PROPN")]
        for child in [*token.children, *(c for k in later for c in k.children if c.dep_ == "prep")]:
            if child.dep_ == "prep" and child.lower_ in ("outside", "near", "at") and (where := next((
                    country for obj in child.children if obj.dep_ == "pobj"
                    for place in [obj, *(g for c in obj.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children)]
                    if (country := self._place_country(doc, place))), None)):
                return where  # "protesters outside the defence ministry in Seoul"
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "of"):
                for obj in child.children:
                    country = self._place_country(doc, obj) if obj.dep_ == "pobj" else None
                    if not country and obj.dep_ == "pobj" and child.lower_ == "in" and obj.lemma_.lower() in SETTLEMENT_NOUNS:
                        # "a court in the Chinese city of Dandong": the town the noun names
                        country = next((self._place_country(doc, g) for c in obj.children if c.dep_ == "prep"
                                        and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
                    if country:
                        return country
                    owner = next((self._place_country(doc, p) for p in obj.children if p.dep_ == "poss" or (
                        p.dep_ == "compound" and child.lower_ == "in" and p.ent_type_ in ("GPE", "LOC"))), None)
                    if obj.dep_ == "pobj" and child.lower_ in ("of", "in") and owner:
                        return owner  # "an official of Pakistan's High Commission", "a hospital in Syria's Idlib province"
                    if obj.dep_ == "pobj" and child.lower_ == "of" and obj.ent_type_ == "PERSON":
                        people = {e.country for e in self.dictionary.lookup(_ent_text(doc.spacy, obj)) if e.country}
                        if len(people) == 1:
                            return people.pop()  # "supporters of former president Evo Morales"
                    if obj.dep_ == "pobj" and child.lower_ == "from" and obj.lemma_.lower() in SETTLEMENT_NOUNS and any(
                            d.lower_ == "the" for d in obj.children) and not any(
                            d.dep_ in ("prep", "appos", "compound") for d in obj.children):  # "a suicide bomber from the city": the one just named
                        named = [self._place_country(doc, t) for t in doc.spacy[obj.sent.start:obj.i] if t.ent_type_ in ("GPE", "LOC")]
                        if named and named[-1]:
                            return named[-1]
                    if obj.dep_ == "pobj" and child.lower_ in ("from", "of") and not obj.ent_type_:
                        affiliation = self._affiliation_country(doc, obj)  # "a bomber from a faction of the Pakistani Taliban"
                        if affiliation:
                            return affiliation
            if child.dep_ in ("compound", "amod") and child.i < token.i and child.is_title and (
                    named := self._organisation_country(child)):
                return named  # "13 Houthi prisoners", "Hamas fighters": the body they belong to
            if child.dep_ == "poss" and child.ent_type_ in ("GPE",):
                entries = self.dictionary.lookup(_ent_text(doc.spacy, child))
                if entries and entries[0].country:
                    return entries[0].country
            if child.dep_ == "poss" and child.ent_type_ and (named := self._country_named(doc, child)):
                return named  # "Belarus's rulers" with Belarus tagged ORG
            if child.dep_ == "poss" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):  # "President Nicolas Maduro's government"
                entries = [e for e in self.dictionary.lookup(_ent_text(doc.spacy, child)) if e.country and (
                    child.ent_type_ == "PERSON" or e.kind == "person")]  # "Maduro's officials", tagged ORG
                if len({e.country for e in entries}) == 1:
                    return entries[0].country
        return self._affiliated_state(doc, token)

    def _nationality_among(self, words) -> str | None:
        """The country of the first of some words that is a nationality ("British", "Indian")."""
        return next((e.country for w in words for e in self.dictionary.lookup(w.text)[:1]
                     if e.kind == "demonym" and e.country), None)

    def _organisation_country(self, token) -> str | None:
        """The country of the organisation a single word names ("Houthi"), if the tables know one."""
        entries = [e for e in self.dictionary.lookup(token.text) if e.kind == "organisation" and e.country]
        return entries[0].country if entries else None

    def _leading_country(self, token) -> str | None:
        """'U.S.-led forces', 'the Saudi-led coalition': the country that leads them."""
        modifiers = [c for c in token.children if c.dep_ in ("amod", "nmod", "compound") and c.i < token.i]
        for modifier in modifiers + [g for m in modifiers for g in m.conjuncts]:
            if modifier.lower_.endswith("-led"):
                entries = self.dictionary.lookup(modifier.text[:-len("-led")])
                country = next((e.country for e in entries if e.country), None)
                if country:
                    return country
        return None

    def _affiliated_state(self, doc: Doc, token) -> str | None:
        """'militants linked to Iran' (also with "linked" misparsed as the verb): the state they
        are tied to."""
        participles = [c for c in token.children if c.dep_ == "acl"]
        if token.dep_ == "nsubj" and token.head.i == token.i + 1 and not any(c.dep_ == "dobj" for c in token.head.children):
            participles.append(token.head)  # not "police linked the attack to Pakistan"
        for participle in (p for p in participles if p.lemma_.lower() in AFFILIATION_PARTICIPLES):
            for obj in (g for c in participle.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                        for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "NORP")):
                entries = self.dictionary.lookup(_ent_text(doc.spacy, obj))
                if entries and entries[0].country:
                    return entries[0].country
        # "gunmen loyal to the al-Shabaab group" (also "loyal" read as the verb's predicate)
        loyal = [c for c in token.children if c.dep_ == "amod" and c.lower_ in LOYAL_WORDS] + [
            c for c in token.head.children if c.dep_ == "oprd" and c.i == token.i + 1 and c.lower_ in LOYAL_WORDS]
        for obj in (g for a in loyal for c in a.children if c.dep_ == "prep" and c.lower_ == "to"
                    for g in c.children if g.dep_ == "pobj"):
            if (country := self._affiliation_country(doc, obj)) is not None:
                return country
        return None

    def _affiliation_country(self, doc: Doc, noun) -> str | None:
        """The country a named group or nationality inside 'a faction of the Pakistani Taliban' gives."""
        for token in noun.subtree:
            if token.ent_type_ in ("NORP", "ORG", "GPE") and token.ent_iob_ == "B":
                entries = self.dictionary.lookup(_ent_text(doc.spacy, token))
                if entries and entries[0].country:
                    return entries[0].country
        return None

    # -- titles before a known person -------------------------------------------------------------
    def _absorb_titles(self, doc: Doc, mentions: list[Mention]) -> None:
        """A demonym that only titles a person ('Russian President Putin') is not a second actor."""
        person_heads = {m.start: m for m in mentions if m.kind == "person"}
        keep = []
        for mention in mentions:
            if mention.kind in ("demonym", "group", "org", "seat", "country"):
                head = _title_head(doc.spacy, mention)
                if head is None and mention.kind == "group" and mention.end in person_heads and (
                        doc.spacy[mention.end - 1].tag_ == "NN") and not _heads_name(doc.spacy, mention, person_heads[mention.end]):
                    head = mention.end  # "Brazilian federal judge Sergio Moro", the title parsed apart from the name
                if head is not None and any(p.start <= head < p.end for p in person_heads.values()):
                    person = next(p for p in person_heads.values() if p.start <= head < p.end)
                    _fill_person(person, mention)
                    continue
            keep.append(mention)
        mentions[:] = keep


def _country_counts(mentions: list[Mention]) -> list[tuple[str, int]]:
    """Countries the mentions name, most named first."""
    counts: dict[str, int] = {}
    for mention in mentions:
        for entity in mention.entities:
            if entity.country:
                counts[entity.country] = counts.get(entity.country, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])


def _possessor_country(doc: Doc, mentions: list[Mention], mention: Mention) -> str | None:
    """"Russia's 14th Army", "four U.S. Marines": the country whose possessive or name the group's head carries."""
    owners = {c.i for c in doc.spacy[mention.end - 1].children if c.dep_ in ("poss", "compound")
              and not any(p.lower_ in ("anti", "pro") for p in c.lefts)}
    return next((m.entities[0].country for m in mentions if m.kind in ("country", "nominal") and len(m.entities) == 1
                 and any(m.start <= i < m.end for i in owners)), None)  # "the kingdom's rulers" too


def _international_body_of(doc: Doc, mentions: list[Mention], head) -> Entity | None:
    """The international body named in a group's compounds ("UN war crimes judges"), or None."""
    named = {t.i for c in head.children if c.dep_ == "compound" for t in c.subtree}
    if any(m.kind in ("country", "demonym", "nominal") and m.start in named | {c.i for c in head.children} for m in mentions):
        return None  # "Russian UN peacekeepers" keep their country
    return next((e for m in mentions if m.kind == "organisation" and m.start in named
                 for e in m.entities if e.sector == "IGO"), None)


def _country_last_named(doc: Doc, mentions: list[Mention], mention: Mention) -> str | None:
    """"U.S. troops landed in Haiti, a day after the country's military leaders agreed ...": the
    country a group is said to be of is the last country named before it."""
    head = doc.spacy[mention.end - 1]
    if not any(c.dep_ == "poss" and c.lemma_.lower() in ("country", "nation") and any(
            d.lower_ == "the" for d in c.children) for c in head.children):
        return None
    named = [m for m in mentions if m.end <= mention.start and m.kind == "country" and len(m.entities) == 1
             and not _partner_named(doc.spacy[m.end - 1])]
    return named[-1].entities[0].country if named else None


def _partner_named(token) -> bool:
    """'the border with Colombia', 'talks with Chad': a country named as the other side."""
    return token.dep_ == "pobj" and token.head.lower_ == "with"


def _locative_country_before(doc: Doc, mentions: list[Mention], mention: Mention) -> str | None:
    """The country of an armed group named before it in the sentence, else of the last place its sentence
    sets things in ("struck targets in Yemen"), not where talks were held ("after talks in Moscow")."""
    before = [m for m in mentions if m.sentence == mention.sentence and m.end <= mention.start and m.entities[0].country]
    armed = [m for m in before if m.entities[0].sector in ("REB", "RAD")]
    if armed:
        return armed[-1].entities[0].country  # "A Houthi missile hit Abha airport ..., and the Iran-aligned movement"
    found = [m for m in before if doc.spacy[m.end - 1].dep_ == "pobj" and doc.spacy[m.end - 1].head.lower_ in (
        "in", "inside", "across") and doc.spacy[m.end - 1].head.head.lemma_.lower() not in MEETING_WORDS]
    return found[-1].entities[0].country if found else None


def _nearest_place_before(mentions: list[Mention], mention: Mention) -> str | None:
    """'arrived in Beijing ..., as students occupying Tiananmen Square chanted': people who act where
    they live are of the place their sentence has just named."""
    places = [m for m in mentions if m.sentence == mention.sentence and m.end <= mention.start
              and m.kind in ("place", "capital") and m.entities[0].country]
    actors = [m for m in mentions if m.sentence == mention.sentence and m.end <= mention.start
              and m.kind not in ("place", "capital") and m.entities[0].country]
    if not places or (actors and actors[-1].entities[0].country in {p.entities[0].country for p in places}):
        return None  # the party just named is of a place named too: it says whose people these are
    return places[-1].entities[0].country


def _harmed(token) -> bool:
    """'shelled the island of Yeonpyeong, killing two marines': those killed or wounded, who are
    of the place the attack struck rather than of the attacker."""
    return token.head.lemma_.lower() in CASUALTY_VERBS and token.dep_ in ("dobj", "nsubjpass")


def _place_struck_before(doc: Doc, mentions: list[Mention], mention: Mention) -> str | None:
    """The country of the last place its sentence named before the harmed ("the South Korean
    island of Yeonpyeong", "a village in Kunar")."""
    places = [m for m in mentions if m.sentence == mention.sentence and m.end <= mention.start and m.entities[0].country
              and (m.kind in ("place", "capital") or (
                  m.kind == "demonym" and doc.spacy[m.end - 1].head.lemma_.lower() in PLACE_HEADS))]
    return places[-1].entities[0].country if places else None


def _listed_with(doc: Doc, mentions: list[Mention], mention: Mention) -> str | None:
    """'sanctions on President Mnangagwa, his wife and several senior officials': officials listed
    after a named person, or after a group a demonym describes, are of that person's or group's country."""
    token = doc.spacy[mention.end - 1]
    if token.dep_ != "conj":
        return None
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    other = next((m for m in mentions if m.start <= first.i < m.end), None)
    # "eight Russian diplomats and trade officials": the demonym before the first of a list of groups
    described = other is not None and other.kind == "group" and any(
        c.dep_ == "amod" and c.ent_type_ == "NORP" and c.i < first.i for c in first.children)
    if other is None or (other.kind != "person" and not described):
        return None
    return next((e.country for e in other.entities if e.country), None)


def _nearest_actor_before(doc: Doc, mentions: list[Mention], mention: Mention) -> str | None:
    """'Netanyahu said the army would ...': the country of the party just named in the
    same sentence (a person, state or organisation, not a place); a subject (an arm of the
    state for another) before any other ("Turkey closed its airspace to Israeli planes, the Foreign Ministry said")."""
    other_side = _subject_side_of(doc.spacy[mention.start:mention.end].root)
    before = [m for m in mentions if m.start < mention.start and m.sentence == mention.sentence
              and m.kind != "place" and m.start >= 0 and m.entities[0].country
              and m.start not in other_side]  # "a U.S. drone strike killed four militants": not Americans
    earlier = [m for m in before if m.kind != "group"]
    # one arm of a state after another: "Security forces in Guinea tortured refugees, whom authorities
    # blame" (not "the Ugandan army killed 30 rebels", who are no Ugandans)
    state = mention.entities[0].sector in STATE_SECTORS
    subjects = [m for m in before if doc.spacy[m.start:m.end].root.dep_ in ("nsubj", "nsubjpass") and (
        m.kind != "group" or (state and m.entities[0].sector in STATE_SECTORS))]
    if state:  # "Israel struck Gaza in retaliation for rockets Hamas fired, and the army called up reservists"
        subjects = [m for m in subjects if m.entities[0].sector not in INSURGENT_SECTORS]
    for candidates in (subjects, earlier):
        if candidates:
            return candidates[-1].entities[0].country
    return None


ATTACKING_VERBS = frozenset("kill strike bomb shell attack hit target wound shoot ambush raid".split())
# "Tokyo's foreign ministry urged the junta to allow relief workers in": one urges another party
ADDRESSING_VERBS = frozenset("urge press implore exhort".split())


def _subject_side_of(token) -> set[int]:
    """The words of the subject of the attack a group is the object of: the other party there
    (the police who arrest or free people act at home; an attack names the foe)."""
    verb = token.head if token.dep_ == "dobj" and token.head.lemma_.lower() in ATTACKING_VERBS else None
    return {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree} if verb is not None else set()


def _other_country_urged(doc: Doc, mentions: list[Mention], mention: Mention) -> str | None:
    """'Tokyo's foreign ministry urged the junta to ...' in a report on Myanmar: the one country of
    the sentence other than the urger's."""
    urged = doc.spacy[mention.start:mention.end].root
    if urged.dep_ != "dobj" or urged.head.lemma_.lower() not in ADDRESSING_VERBS:
        return None
    subjects = [c for c in urged.head.children if c.dep_ == "nsubj"] or inherited_subject(urged.head)  # "imposed ... and urged"
    side = {t.i for c in subjects for t in c.subtree}
    urging = [e for m in mentions if m.start in side for e in m.entities if e.country]
    if not urging or not all(e.sector in (None, "GOV") for e in urging):
        return None  # a people's own lawmakers, business leaders or opposition urge their own government
    # the country the sentence places things in ("cyclone victims in Myanmar"), not one named in the plea
    others = {e.country for m in mentions if m.sentence == mention.sentence and m.kind in ("country", "place", "capital")
              and doc.spacy[m.end - 1].dep_ == "pobj" and doc.spacy[m.end - 1].head.lower_ in ("in", "inside")
              for e in m.entities if e.country} - {e.country for e in urging}
    return next(iter(others)) if len(others) == 1 else None


def _earlier_same_group(mentions: list[Mention], mention: Mention) -> str | None:
    """'The separatists' after 'Armenian separatists': the group named before."""
    word = mention.entities[0].text.lower()
    for earlier in mentions:
        if earlier.start >= mention.start:
            break
        entity = earlier.entities[0]
        if entity.country and earlier.kind == "group" and word in entity.text.lower().split():
            return entity.country
    if _last_word(word) in INSURGENT_WORDS:
        # "accused pro-Russian separatists ..., a charge the rebels denied": one armed group, two words
        armed = [m for m in mentions if m.start < mention.start and m.kind == "group" and m.entities[0].country
                 and m.entities[0].sector == "REB" and _last_word(m.entities[0].text.lower()) in INSURGENT_WORDS]
        if armed:
            return armed[-1].entities[0].country
        # "met Tiger leader Velupillai Prabhakaran ..., and the guerrillas said": the rebel leader's movement
        leaders = {m.entities[0].country for m in mentions if m.start < mention.start and m.kind == "person"
                   and m.sentence == mention.sentence and m.entities[0].sector == "REB" and m.entities[0].country}
        if len(leaders) == 1:
            return leaders.pop()
    return None


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1] if words else ""


INSURGENT_WORDS = frozenset({"rebels", "separatists", "insurgents", "militants", "guerrillas", "guerillas", "fighters",
                             "rebel", "separatist", "insurgent", "militant", "guerrilla", "fighter"})


def _possessing_country(doc: Doc, mentions: list[Mention], mention: Mention) -> str | None:
    """The country that owns an institution by possessive or adjective: "Peru's Congress",
    "the Peruvian Congress"."""
    start = mention.start - 1 if mention.start > 0 and doc.spacy[mention.start - 1].tag_ == "POS" else mention.start
    owner = next((m for m in mentions if m.end in (start, mention.start) and m.kind in ("country", "demonym")), None)
    return owner.entities[0].country if owner is not None else None


def _dominant_country(mentions: list[Mention]) -> str | None:
    """The country an article is mostly about: clearly the most mentioned one."""
    ranked = _country_counts(mentions)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _heads_name(sdoc, title: Mention, person: Mention) -> bool:
    """'opposition leader Khaleda Zia' parsed as the leader with her name in apposition: the title
    is the phrase's head and stays a mention of its own."""
    return sdoc[person.start:person.end].root.head.i == title.end - 1


def _fill_person(person: Mention, title: Mention) -> None:
    entity = person.entities[0]
    source = title.entities[0]
    if entity.country is None:
        entity.country = source.country
    if entity.sector is None and source.sector and title.kind in ("group", "org", "seat"):
        entity.sector = source.sector
    entity.code = _code(entity.country, entity.sector)


def _title_head(sdoc, mention: Mention) -> int | None:
    """The token a mention modifies when it is a compound/amod inside a name's noun phrase."""
    token = sdoc[mention.end - 1]
    hops = 0
    while token.dep_ in ("compound", "amod", "nmod", "poss") and hops < 4:
        token = token.head
        hops += 1
        if token.ent_type_ == "PERSON":
            return token.i
    return None


def _international_court(token) -> bool:
    """'an international tribunal', 'the war crimes tribunal' (the U.N.'s, for Yugoslavia or Rwanda,
    sitting in The Hague or Arusha); 'Bangladesh's war crimes tribunal', 'a war crimes tribunal in
    Dhaka' are national courts."""
    words = [c.lower_ for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")] + [
        g.lower_ for c in token.lefts if c.dep_ == "compound" for g in c.lefts]
    if "international" in words:
        return True
    seats = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
    owned = any(c.dep_ == "poss" for c in token.children)
    return "crimes" in words and "war" in words and token.lemma_.lower() == "tribunal" and not owned and all(
        g.lower_ in INTERNATIONAL_COURT_SEATS for g in seats)


GENERIC_PEOPLE_WORDS = frozenset({"indigenous"})  # "indigenous Indian tribespeople" in Odisha


def _people_of_the_americas(token) -> bool:
    """'Aymara Indians', 'Mapuche Indian protesters': no Indian nationals, a people coded by where it lives."""
    return token.i > 0 and (token.lower_ == "indians" and token.nbor(-1).lower_ in AMERICAN_PEOPLES or (
        token.lower_ == "indian" and token.nbor(-1).lower_ in AMERICAN_PEOPLES - GENERIC_PEOPLE_WORDS))


def _owns_a_place(ent) -> bool:
    """"Chhattisgarh's Sukma district": a name whose district, state or town follows is a place."""
    return ent.root.dep_ == "poss" and ent.root.head.lemma_.lower() in PLACE_HEADS


def _clause_verb(token):
    """The verb a group is subject or object of, through a quantity: 'thousands of teachers marched'."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:  # "Christians and Moslems"
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "NUM"):
        node = node.head.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ == "VERB":
        return node.head.head  # "appealed to Christians and Moslems in Lebanon"
    return node.head if node.dep_ in ("nsubj", "nsubjpass", "dobj") else None


def _left_modifiers(ent) -> list:
    """Title words before a name in the same noun phrase: 'Russian President' in
    'Russian President Vladimir Putin', "Guyana's President" in "Guyana's President Irfaan Ali"."""
    sdoc = ent.doc
    attached = set(range(ent.start, ent.end))
    tokens = []
    i = ent.start - 1
    while i >= 0:
        token = sdoc[i]
        if token.dep_ == "case" and token.head.i < i:
            i -= 1  # the "'s" of a possessive: its owner comes next
            continue
        if token.text == "-" and not token.whitespace_ and i > 0 and not sdoc[i - 1].whitespace_ and (
                token.head.i in attached) and sdoc[i - 1].ent_type_ != "NORP":  # not "British-Egyptian"
            attached.add(token.i)  # the hyphen inside "Secretary-General"
            i -= 1
            continue
        if (token.is_punct or token.pos_ in ("DET", "ADP", "VERB", "AUX", "CCONJ", "PRON")) and (
                token.lower_ not in FORMER_WORDS):  # "ousted president" is tagged as a verb
            break
        if token.head.i not in attached:
            break
        tokens.insert(0, token)
        attached.add(token.i)
        i -= 1
    return tokens




def _in_longer_name(token) -> bool:
    """Part of a multi-word name: a tagged entity of several tokens, or proper nouns joined
    as compounds ("Indira Gandhi")."""
    if token.ent_iob_ and token.ent_type_ and (token.ent_iob_ == "I" or (
            token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I")):
        return True
    return (token.dep_ == "compound" and token.head.pos_ == "PROPN") or any(
        child.dep_ == "compound" and child.pos_ == "PROPN" for child in token.children)


MEETING_WORDS = frozenset({"talk", "meeting", "summit", "negotiation", "conference", "visit"})
PATRONIZED_HEADS = frozenset({"movement", "group", "faction", "network", "proxy", "outfit", "organisation", "organization"})


def _has_patron(token) -> bool:
    """'the Iran-aligned movement': a state's name, a hyphen and a word of patronage before the noun."""
    sdoc = token.doc
    return any(sdoc[i].lower_ in PATRON_WORDS and sdoc[i - 1].text == "-" for i in range(max(token.left_edge.i + 2, 2), token.i))


def _likenesses(sdoc) -> set[int]:
    """'a Russian-style bill', 'a Soviet-era tank', 'the Iran-aligned movement': a likeness or a
    patron, not a party."""
    return {token.i for token in sdoc[:-2] if sdoc[token.i + 1].text == "-" and sdoc[token.i + 2].lower_ in LIKENESS_WORDS}


POSSESSIVE_ENDINGS = ("'s", "’s", "'")


def _span_text(span) -> str:
    tokens = [t for t in span]
    if tokens and tokens[-1].lower_ in POSSESSIVE_ENDINGS:
        tokens = tokens[:-1]
    return "".join(t.text_with_ws for t in tokens).strip()


def _titled_name(ent) -> bool:
    """A name right after a personal title ('President', 'Lt. Gen.') names a person."""
    title = [t for t in _left_modifiers(ent) if not t.is_punct]
    return bool(title) and title[-1].lower_.rstrip(".") in NAME_TITLES and title[-1].i == ent.start - 1


def _stance_targets(sdoc) -> set[int]:
    """'an anti-Syria journalist', 'pro-Iranian militias': for or against a country is not of it."""
    return {t.i for t in sdoc[2:] if sdoc[t.i - 1].text == "-" and sdoc[t.i - 2].lower_ in STANCE_PREFIXES}


def _in_place_slot(span) -> bool:
    """Where a town acted on or in can stand: 'shelled Odesa', 'near Goma'."""
    return span.root.dep_ == "dobj" or _in_locative_slot(span)


def _in_locative_slot(span) -> bool:
    """'in Goma', 'near Goma', 'the town of Goma', 'in the Tigray region': where people are not,
    places are."""
    root = span.root.head if _names_a_region(span) else span.root
    if root.dep_ != "pobj" or any(t.lower_ in ("mr", "mrs", "ms", "president", "minister") for t in span):
        return False
    prep = root.head
    if prep.lower_ in PLACE_SLOT_PREPS:
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_SLOT_HEADS


def _region_of_another_country(span) -> bool:
    head = span.root.head
    return span.root.dep_ in ("compound", "nmod", "amod") and head.lemma_.lower() in PLACE_HEADS and any(
        c.dep_ == "poss" and c.ent_type_ == "GPE" and c.i < span.start for c in head.children)


def _is_body(entries) -> bool:
    """An intergovernmental body the tables know ("CSTO", "the African Union")."""
    return bool(entries) and entries[0].kind == "organisation" and entries[0].sector == "IGO"


def _names_a_region(span) -> bool:
    return span.root.dep_ == "compound" and span.root.head.i == span.end and span.root.head.lemma_.lower() in PLACE_HEADS


def _trim_possessive(span) -> tuple[int, int]:
    if span[-1].lower_ in ("'s", "’s", "'") and len(span) > 1:
        return span.start_char, span[-2].idx + len(span[-2])
    return span.start_char, span.end_char


def _from_elsewhere(token) -> bool:
    """'foreign troops', 'rebels backed by Rwanda': a group the text sets apart from home."""
    return any((c.dep_ == "acl" and c.lemma_.lower() in BACKING_PARTICIPLES) or (
        c.dep_ == "amod" and c.lower_ in ("foreign", "overseas")) for c in token.children)


def _strip_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _is_name_like(span) -> bool:
    """Dictionary phrases match only where they read as names (capitalised), not common words."""
    first = span[0]
    return first.is_title or first.is_upper or not first.is_alpha or first.lower_ == "the"


def _ent_text(sdoc, token) -> str:
    for ent in sdoc.ents:
        if ent.start <= token.i < ent.end:
            return _span_text(ent)
    return token.text


def _run_ending_at(tokens, token) -> list:
    """The words of a list item that ends at a token: back to the comma or conjunction before it."""
    run = [token]
    for t in reversed([t for t in tokens if t.i < token.i]):
        if t.is_punct or t.dep_ == "cc" or t.i != run[0].i - 1:
            break
        run.insert(0, t)
    return run
