"""Hand-made records for the API and dashboard tests: offsets computed from the texts themselves.

Three articles: a state visit (events across several months, claims and denials, a quote),
one with emoji and other non-BMP characters before every span, and one whose title and text
carry script payloads. ``str.index`` counts code points, exactly like the pipeline's offsets.
"""

from __future__ import annotations

from eventwire.model import Article, DateRef, Entity, Evidence, Event, Location, Quote, content_hash
from eventwire import ontology

VISIT_TEXT = (
    "Russian President Vladimir Putin will visit Pyongyang on June 18, the Kremlin said. "
    "Washington and Seoul accuse Pyongyang of supplying Moscow with artillery; both deny it. "
    "\"We are concerned,\" said John Kirby of the National Security Council."
)
EMOJI_TEXT = (
    "🇺🇦🚀 Fans cheered 😀😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 banners waved. "
    "Russia shelled Kharkiv on 3 May 2024 🔥, officials said. "
    "Later 🙏 Ukraine accused Russia of targeting civilians."
)
XSS_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
XSS_TEXT = (
    "Officials <img src=x onerror=alert('text')> said <script>alert(2)</script> that "
    "France condemned Mali over the attack in Bamako."
)
XSS_NAME = '<b onmouseover=alert(3)>Mali</b>'

COUNTRY_NAMES = {"RUS": "Russia", "PRK": "North Korea", "USA": "United States",
                 "KOR": "South Korea", "UKR": "Ukraine", "FRA": "France", "MLI": "Mali"}


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def entity(text: str, words: str, country: str, sector: str = "GOV", name: str | None = None,
           after: int = 0) -> Entity:
    start, end = span(text, words, after)
    return Entity(text=words, name=name or COUNTRY_NAMES.get(country, words), country=country,
                  sector=sector, code=country + sector, start=start, end=end)


def event(article: Article, event_type: str, trigger: str, actor: list, recipient: list,
          date: str | None = None, date_words: str | None = None, place: tuple | None = None,
          claimed_by: list = (), denied_by: list = (), aux_mode: str | None = None,
          mode: str | None = None, context: tuple = ()) -> Event:
    text = article.text
    start, end = span(text, trigger)
    sentence_start = text.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = text.find(". ", end)
    sentence = text[sentence_start:(len(text) if sentence_end < 0 else sentence_end + 1)]
    date_ref = None
    if date:
        if date_words:
            d_start, d_end = span(text, date_words)
            date_ref = DateRef(value=date, precision=("day" if date.count("-") == 2 else "month"),
                               text=date_words, start=d_start, end=d_end)
        else:
            date_ref = DateRef(value=date, precision="day", source="published")
    location = None
    if place:
        name, country, lat, lon = place
        p_start, p_end = span(text, name)
        location = Location(name=name, country=country, lat=lat, lon=lon, text=name,
                            start=p_start, end=p_end)
    return Event(
        event_id=content_hash("event", article.article_id, event_type, start),
        article_id=article.article_id, event_type=event_type, mode=mode, context=list(context),
        aux_mode=aux_mode, cameo_code=ontology.DEFAULT_CAMEO.get(event_type, "010"),
        quad_class=ontology.quad_class(event_type), score=ontology.score(event_type, mode),
        actor=list(actor), recipient=list(recipient), claimed_by=list(claimed_by),
        denied_by=list(denied_by), date=date_ref, location=location,
        evidence=Evidence(sentence=sentence, start=start, end=end, text=text[start:end]),
        confidence=0.8)


def visit_records() -> list:
    article = Article.create(VISIT_TEXT, title="Putin to visit Pyongyang", published="2024-06-17",
                             source="Test Wire")
    t = VISIT_TEXT
    quote_start, quote_end = span(t, "We are concerned,")
    accuse_at = t.index("Washington")
    return [
        article,
        event(article, "CONSULT", "will visit", [entity(t, "Vladimir Putin", "RUS", name="Vladimir Putin")],
              [entity(t, "Pyongyang", "PRK")], date="2024-06-18", date_words="June 18",
              place=("Pyongyang", "PRK", 39.03, 125.75), aux_mode="future", mode="visit",
              claimed_by=[entity(t, "the Kremlin", "RUS")], context=("diplomatic",)),
        event(article, "ACCUSE", "accuse", [entity(t, "Washington", "USA"), entity(t, "Seoul", "KOR")],
              [entity(t, "Pyongyang", "PRK", after=accuse_at)], date="2024-06-17"),
        event(article, "AID", "supplying", [entity(t, "Pyongyang", "PRK", after=accuse_at)],
              [entity(t, "Moscow", "RUS")], date="2024-06-17", mode="military",
              claimed_by=[entity(t, "Washington", "USA"), entity(t, "Seoul", "KOR")],
              denied_by=[entity(t, "Pyongyang", "PRK", after=accuse_at), entity(t, "Moscow", "RUS")],
              context=("military",)),
        Quote(quote_id=content_hash("quote", article.article_id, quote_start), article_id=article.article_id,
              speaker=entity(t, "John Kirby", "USA", name="John Kirby"), cue="said",
              text=t[quote_start:quote_end], start=quote_start, end=quote_end, direct=True),
    ]


def emoji_records() -> list:
    article = Article.create(EMOJI_TEXT, title="Kharkiv shelled 🔥", published="2024-05-04",
                             source="Emoji Wire")
    t = EMOJI_TEXT
    return [
        article,
        event(article, "ASSAULT", "shelled", [entity(t, "Russia", "RUS", sector="MIL")],
              [], date="2024-05-03", date_words="3 May 2024", place=("Kharkiv", "UKR", 49.99, 36.23),
              claimed_by=[entity(t, "officials", "UKR")], mode="artillery", context=("military",)),
        event(article, "ACCUSE", "accused", [entity(t, "Ukraine", "UKR")],
              [entity(t, "Russia", "RUS", after=t.index("accused"))], date="2024-05-04"),
    ]


def xss_records() -> list:
    article = Article.create(XSS_TEXT, title=XSS_TITLE, published="2024-03-02", source="<i>Source</i>")
    t = XSS_TEXT
    mali = entity(t, "Mali", "MLI", name=XSS_NAME)
    return [
        article,
        event(article, "ACCUSE", "condemned", [entity(t, "France", "FRA")], [mali],
              date="2024-03-02", place=("Bamako", "MLI", 12.65, -8.0)),
    ]


def series_records() -> list:
    """RUS→UKR and UKR→RUS events over three months, for dyad series and paging."""
    records = []
    for month, day, kind in ((1, 5, "ASSAULT"), (1, 20, "ACCUSE"), (2, 3, "CONSULT"), (3, 9, "ASSAULT")):
        text = f"Russia acted against Ukraine on day {day} of month {month} in a way called {kind.lower()}."
        article = Article.create(text, title=f"Russia and Ukraine, {month}/{day}",
                                 published=f"2024-{month:02d}-{day:02d}", source="Series Wire")
        records.append([article, event(article, kind, "acted", [entity(text, "Russia", "RUS")],
                                       [entity(text, "Ukraine", "UKR")], date=f"2024-{month:02d}-{day:02d}",
                                       place=("Ukraine", "UKR", 49.0, 32.0))])
    return records


def all_documents() -> list[list]:
    """Each article's records, as ``Store.write`` takes them."""
    return [visit_records(), emoji_records(), xss_records(), *series_records()]


def write_desk_store(path) -> None:
    from eventwire.store import Store

    with Store.open(path) as store:
        store.write(all_documents())
