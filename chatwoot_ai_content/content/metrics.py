# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A published post's counters from the Graph API answers (Page post and Instagram media).

>>> facebook_metrics(
...     {"reactions": {"summary": {"total_count": 12}},
...      "comments": {"summary": {"total_count": 3}}, "shares": {"count": 2}},
...     {"data": [{"name": "post_impressions_unique", "values": [{"value": 400}]},
...               {"name": "post_impressions", "values": [{"value": 520}]}]})
{'reactions': 12, 'comments': 3, 'shares': 2, 'saves': 0, 'reach': 400, 'impressions': 520}
>>> instagram_metrics({"data": [{"name": "reach", "values": [{"value": 90}]},
...     {"name": "likes", "total_value": {"value": 8}},
...     {"name": "saved", "values": [{"value": 1}]}]})
{'reactions': 8, 'comments': 0, 'shares': 0, 'saves': 1, 'reach': 90, 'impressions': 0}
"""

FACEBOOK_FIELDS = (
    "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares"
)
FACEBOOK_INSIGHTS = "post_impressions_unique,post_impressions"
INSTAGRAM_INSIGHTS = "reach,likes,comments,shares,saved,views"


def _insight_values(answer):
    values = {}
    for item in (answer or {}).get("data") or ():
        value = None
        if item.get("total_value"):
            value = item["total_value"].get("value")
        elif item.get("values"):
            value = item["values"][-1].get("value")
        if isinstance(value, int | float):
            values[item.get("name")] = int(value)
    return values


def _empty():
    return {"reactions": 0, "comments": 0, "shares": 0, "saves": 0, "reach": 0, "impressions": 0}


def facebook_metrics(post, insights):
    """Counters of a Page post: ``post`` is the node with summaries, ``insights`` its edge."""
    metrics = _empty()
    metrics["reactions"] = int(
        ((post.get("reactions") or {}).get("summary") or {}).get("total_count") or 0
    )
    metrics["comments"] = int(
        ((post.get("comments") or {}).get("summary") or {}).get("total_count") or 0
    )
    metrics["shares"] = int((post.get("shares") or {}).get("count") or 0)
    values = _insight_values(insights)
    metrics["reach"] = values.get("post_impressions_unique", 0)
    metrics["impressions"] = values.get("post_impressions", 0)
    return metrics


def instagram_metrics(insights):
    """Counters of an Instagram media from its insights edge."""
    values = _insight_values(insights)
    metrics = _empty()
    metrics.update(
        reactions=values.get("likes", 0),
        comments=values.get("comments", 0),
        shares=values.get("shares", 0),
        saves=values.get("saved", 0),
        reach=values.get("reach", 0),
        impressions=values.get("views", 0),
    )
    return metrics
