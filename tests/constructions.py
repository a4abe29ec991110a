"""Hard constructions for the event coder, each with several sentences we wrote.

Each case: (sentence, published date, expected event) where the expected event states
event_type, actor and recipient countries (sets; None = empty), aux_mode and, when the
sentence reports someone else's claim, the claimant's country. A case also lists what must
NOT come out (e.g. the speaker as actor of what they report).
"""

from __future__ import annotations

CASES = {
    "passive": [
        ("A Ukrainian convoy was attacked by Russian drones near Kharkiv on Monday.", "2024-03-05",
         dict(event_type="ASSAULT", actor={"RUS"}, recipient={"UKR"}, aux_mode=None)),
        ("Two Iranian diplomats were expelled by Germany on Wednesday.", "2024-03-07",
         dict(event_type="SANCTION", actor={"DEU"}, recipient={"IRN"}, aux_mode=None)),
        ("The proposal was rejected by Israel within hours.", "2024-03-07",
         dict(event_type="REJECT", actor={"ISR"}, recipient=None, aux_mode=None)),
        ("Three French journalists were detained by Malian police in Bamako.", "2023-05-02",
         dict(event_type="COERCE", actor={"MLI"}, recipient={"FRA"}, aux_mode=None)),
    ],
    "negation": [
        ("China did not condemn the Russian invasion.", "2022-03-01",
         dict(event_type="ACCUSE", actor={"CHN"}, aux_mode="negated")),
        ("Egypt has not opened the Rafah crossing to aid convoys.", "2023-10-15",
         dict(event_type=None)),
        ("The Serbian president never met his Kosovar counterpart during the summit.", "2023-06-01",
         dict(event_type="CONSULT", actor={"SRB"}, aux_mode="negated")),
        ("Turkey refused to ratify Sweden's NATO membership.", "2023-01-20",
         dict(event_type="REJECT", actor={"TUR"}, aux_mode=None)),
    ],
    "control_and_raising": [
        ("Russia agreed to withdraw its troops from the Kherson region.", "2022-11-09",
         dict(event_type="AGREE", actor={"RUS"}, aux_mode=None)),
        ("The Japanese prime minister is expected to visit Seoul next week.", "2023-05-01",
         dict(event_type="CONSULT", actor={"JPN"}, recipient={"KOR"}, aux_mode="future")),
        ("Iran threatened to close the Strait of Hormuz.", "2019-07-01",
         dict(event_type="THREATEN", actor={"IRN"}, aux_mode=None)),
        ("The European Union urged Serbia to recognise Kosovo.", "2023-02-27",
         dict(event_type="REQUEST", actor={"IGO"}, recipient={"SRB"}, aux_mode=None)),
        ("Poland plans to send more tanks to Ukraine.", "2023-02-01",
         dict(event_type="AID", actor={"POL"}, recipient={"UKR"}, aux_mode="future")),
    ],
    "reported_speech": [
        ("Kyiv said Russian forces shelled the city of Kherson overnight.", "2023-01-10",
         dict(event_type="ASSAULT", actor={"RUS"}, recipient={"UKR"}, aux_mode=None, claimed_by={"UKR"}),
         dict(event_type="ASSAULT", actor={"UKR"})),
        ("According to the Pentagon, Iran supplied drones to the Houthis.", "2024-01-10",
         dict(event_type="AID", actor={"IRN"}, aux_mode=None, claimed_by={"USA"}),
         dict(event_type="AID", actor={"USA"})),
        ("Seoul claims that Pyongyang sent artillery shells to Moscow.", "2023-11-02",
         dict(event_type="AID", actor={"PRK"}, recipient={"RUS"}, aux_mode=None, claimed_by={"KOR"}),
         dict(event_type="AID", actor={"KOR"})),
        ("Beijing denied that it had provided weapons to Russia.", "2023-03-01",
         dict(event_type="REJECT", actor={"CHN"}, aux_mode=None)),
    ],
    "nominalisation": [
        ("The talks between Armenia and Azerbaijan ended without a deal.", "2023-07-15",
         dict(event_type="CONSULT", actor={"ARM", "AZE"}, aux_mode=None)),
        ("Accusations from Manila that Beijing harassed its fishermen grew louder.", "2023-12-01",
         dict(event_type="ACCUSE", actor={"PHL"}, recipient={"CHN"}, aux_mode=None)),
        ("Germany's decision to send Leopard tanks to Ukraine angered Moscow.", "2023-01-26",
         dict(event_type="AID", actor={"DEU"}, recipient={"UKR"})),
        ("Blinken's visit to Beijing was postponed.", "2023-02-04",
         dict(event_type="CONSULT", actor={"USA"}, recipient={"CHN"})),
    ],
    "coordination": [
        ("France and Germany condemned the coup in Niger.", "2023-07-27",
         dict(event_type="ACCUSE", actor={"FRA", "DEU"}, aux_mode=None)),
        ("The United States imposed sanctions on Iran and North Korea.", "2023-05-01",
         dict(event_type="SANCTION", actor={"USA"}, recipient={"IRN", "PRK"}, aux_mode=None)),
        ("Washington and Seoul accused Pyongyang of firing a ballistic missile.", "2023-04-13",
         dict(event_type="ACCUSE", actor={"USA", "KOR"}, recipient={"PRK"}, aux_mode=None)),
    ],
    "appositions_and_titles": [
        ("Sergei Lavrov, Russia's foreign minister, met Indian officials in New Delhi.", "2023-03-02",
         dict(event_type="CONSULT", actor={"RUS"}, recipient={"IND"}, aux_mode=None)),
        ("Kenyan President William Ruto praised Ethiopia for hosting the summit.", "2023-09-05",
         dict(event_type="SUPPORT", actor={"KEN"}, recipient={"ETH"}, aux_mode=None)),
        ("The Chinese foreign ministry spokesman criticised Japan on Tuesday.", "2023-08-22",
         dict(event_type="ACCUSE", actor={"CHN"}, recipient={"JPN"}, aux_mode=None)),
    ],
    "several_events": [
        ("Israeli jets struck targets in Gaza on Sunday, while Hamas fired rockets at Tel Aviv.", "2023-10-08",
         dict(event_type="ASSAULT", actor={"ISR"}, aux_mode=None),
         dict(event_type="ASSAULT", actor={"PSE"}, want=True)),
        ("Turkey welcomed the deal but warned Greece against provocations.", "2023-09-01",
         dict(event_type="SUPPORT", actor={"TUR"}, aux_mode=None),
         dict(event_type="THREATEN", actor={"TUR"}, recipient={"GRC"}, want=True)),
    ],
    "relative_clauses": [
        ("The rebels, who seized Goma last year, attacked a Congolese army base.", "2013-05-01",
         dict(event_type="ASSAULT", actor={"COD"}, recipient={"COD"}, aux_mode=None)),
        ("Sudan expelled the envoy who had criticised the army.", "2023-06-09",
         dict(event_type="SANCTION", actor={"SDN"}, aux_mode=None)),
    ],
    "aux_modes": [
        ("Russia annexed Crimea from Ukraine in 2014.", "2024-02-20",
         dict(event_type="ASSAULT", actor={"RUS"}, aux_mode="historical")),
        ("Brazil will host the climate summit next year.", "2024-11-20",
         dict(event_type="CONSULT", actor={"BRA"}, aux_mode="future")),
        ("Hungary could veto the aid package for Ukraine.", "2023-12-10",
         dict(event_type="REJECT", actor={"HUN"}, aux_mode="hypothetical")),
        ("If Iran attacks Israel, Washington would impose new sanctions.", "2024-04-10",
         dict(event_type="SANCTION", actor={"USA"}, aux_mode="hypothetical")),
    ],
}
