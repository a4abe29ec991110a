"""Stories: the articles about one happening, grouped, with a label.

Two articles are in one story when they report a common *specific* event cluster (one
with a coded actor and a day-precise date: "Putin visits Pyongyang on 2024-06-18", not
"the US criticised China in 2024"), or when one is a near-duplicate of the other. Stories
are the connected groups of that relation. The label is the title of the story's first
article (by publication date), else the label of its best-reported event cluster.
"""

from __future__ import annotations

from ..model import content_hash
from .clusters import SOURCE_KEY

STORY_COLUMNS = ("story_id", "label", "num_articles", "num_sources", "num_events",
                 "first_published", "last_published")

_ARTICLES = f"""
    SELECT a.article_id, a.title, a.published, {SOURCE_KEY.format(t='a')},
           (SELECT count(*) FROM events e WHERE e.article_id = a.article_id)
    FROM articles a ORDER BY a.article_id
"""
_DUPLICATES = f"""
    SELECT d.article_id, d.original_id, {SOURCE_KEY.format(t='d')} FROM article_duplicates d
    ORDER BY d.article_id
"""
_SPECIFIC_MEMBERS = """
    SELECT c.cluster_id, e.article_id, c.label, c.num_articles
    FROM event_clusters c
    JOIN event_cluster_members m USING (cluster_id)
    JOIN events e USING (event_id)
    WHERE c.actor_key <> '' AND length(coalesce(c.date_value, '')) = 10
    ORDER BY c.cluster_id, e.article_id
"""


class _Groups:
    """Union-find over article ids."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def rebuild_stories(store) -> int:
    """Recompute ``stories`` and ``story_articles``; returns the number of stories."""
    con = store.connection
    articles = {row[0]: row for row in con.execute(_ARTICLES).fetchall()}
    duplicates = [row for row in con.execute(_DUPLICATES).fetchall() if row[1] in articles]
    members = con.execute(_SPECIFIC_MEMBERS).fetchall()
    groups = _Groups()
    for article_id in articles:
        groups.find(article_id)
    cluster_first: dict[str, str] = {}
    best_cluster_label: dict[str, tuple[int, str]] = {}
    for cluster_id, article_id, label, num_articles in members:
        groups.join(cluster_first.setdefault(cluster_id, article_id), article_id)
        best_cluster_label[article_id] = max(best_cluster_label.get(article_id, (0, "")),
                                             (num_articles, label or ""))
    stories, story_of = _stories(articles, duplicates, groups, best_cluster_label)
    with store.transaction():
        store.replace_rows("stories", stories)
        store.replace_rows("story_articles", story_of)
    return len(stories)


def _stories(articles: dict, duplicates: list, groups: _Groups, cluster_labels: dict):
    members: dict[str, list[str]] = {}
    for article_id in articles:
        members.setdefault(groups.find(article_id), []).append(article_id)
    copies: dict[str, list[tuple]] = {}
    for copy_id, original_id, source_key in duplicates:
        copies.setdefault(groups.find(original_id), []).append((copy_id, source_key))
    stories, story_of = [], []
    for root, article_ids in members.items():
        ordered = sorted(article_ids, key=lambda a: (articles[a][2] or "9999", a))
        story_id = content_hash("story", ordered[0])
        reports = [(a, articles[a][3]) for a in ordered] + copies.get(root, [])
        dates = [articles[a][2] for a in ordered if articles[a][2]]
        stories.append({
            "story_id": story_id, "label": _label(ordered, articles, cluster_labels),
            "num_articles": len(reports), "num_sources": len({s for _, s in reports}),
            "num_events": sum(articles[a][4] for a in ordered),
            "first_published": min(dates, default=None), "last_published": max(dates, default=None),
        })
        story_of += [{"article_id": a, "story_id": story_id} for a, _ in reports]
    return stories, story_of


def _label(ordered: list[str], articles: dict, cluster_labels: dict) -> str:
    for article_id in ordered:
        if articles[article_id][1]:
            return articles[article_id][1]
    best = max((cluster_labels.get(a, (0, "")) for a in ordered), default=(0, ""))
    return best[1] or f"article {ordered[0]}"
