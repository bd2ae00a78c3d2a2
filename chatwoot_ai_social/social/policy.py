# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What happens to a triaged comment under its account's reply policy.

* spam and offensive comments are hidden on the platform when the account says so, and
  otherwise ignored; they are never answered;
* complaints are never answered by the machine: a person gets them (escalation);
* low-risk comments (praise, or a question the draft answered from the catalog or the
  knowledge base) are published without a person in ``auto`` mode when the draft's
  confidence is above the account's threshold;
* everything else waits as a draft (``draft`` mode) or in the approval queue.

>>> decide("praise", 0.9, True, "auto", 0.75, True)
'publish'
>>> decide("question", 0.6, True, "auto", 0.75, True)
'approve'
>>> decide("question", 0.9, False, "auto", 0.75, True)
'approve'
>>> decide("complaint", 1.0, True, "auto", 0.0, True)
'escalate'
>>> decide("spam", 0.0, False, "approval", 0.75, True)
'hide'
>>> decide("spam", 0.0, False, "auto", 0.75, False)
'ignore'
>>> decide("praise", 0.9, True, "draft", 0.75, True)
'draft'
"""

#: Types a reply may go out for without a person (a question only when it was answered).
LOW_RISK_TYPES = ("question", "praise")
ACTIONS = ("publish", "approve", "draft", "escalate", "hide", "ignore")


def is_low_risk(comment_type, grounded):
    """Praise, or a question answered from the shop's own data."""
    if comment_type == "praise":
        return True
    return comment_type == "question" and grounded


def decide(comment_type, confidence, grounded, reply_mode, min_confidence, hide_spam):
    """One of :data:`ACTIONS` for a triaged comment and its draft."""
    if comment_type == "spam":
        return "hide" if hide_spam else "ignore"
    if comment_type == "complaint":
        return "escalate"
    if reply_mode == "draft":
        return "draft"
    if (
        reply_mode == "auto"
        and is_low_risk(comment_type, grounded)
        and confidence > (min_confidence or 0.0)
    ):
        return "publish"
    return "approve"
