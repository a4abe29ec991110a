"""Readings a rule must not stretch to: each sentence here once drew an event a rule did not mean."""

from eventwire.model import Article


def _events(pipeline, text: str, published: str):
    return pipeline(Article.create(text, published=published)).events()


def test_ordering_ones_own_troops_out_is_no_expulsion(pipeline):
    events = _events(pipeline, "Putin ordered Russian troops to leave Kherson.", "2022-11-09")
    assert [e for e in events if e.event_type == "RETREAT"]
    assert not [e for e in events if e.event_type == "SANCTION"]


def test_an_anniversary_of_independence_is_no_demand_for_it(pipeline):
    events = _events(pipeline, "Albanians rioted in Pristina, marking the anniversary of independence from Serbia.", "2022-02-17")
    protests = [e for e in events if e.event_type == "PROTEST"]
    assert protests
    assert not [e for e in protests if any(r.country == "SRB" for r in e.recipient)]
