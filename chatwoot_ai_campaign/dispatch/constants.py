# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Campaign vocabulary, defined once and imported by models, views and the pure engine."""

CHANNELS = [
    ("chatwoot", "Chatwoot inbox"),
    ("whatsapp_cloud", "WhatsApp Cloud API"),
    ("email", "E-mail"),
]

CONSENT_CHANNELS = [
    ("whatsapp", "WhatsApp"),
    ("chatwoot", "Chatwoot"),
    ("email", "E-mail"),
    ("sms", "SMS"),
]

CONSENT_STATUSES = [("opted_in", "Opted in"), ("opted_out", "Opted out")]

CONSENT_SOURCES = [
    ("form", "Form"),
    ("chat_keyword", "Chat keyword"),
    ("import", "Import"),
    ("manual", "Manual"),
]

CAMPAIGN_STATES = [
    ("draft", "Draft"),
    ("scheduled", "Scheduled"),
    ("running", "Running"),
    ("paused", "Paused"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]

GOALS = [("reply", "Reply"), ("conversion", "Conversion")]

#: Priorities, most urgent first; the rank orders claims across campaigns.
PRIORITIES = [
    ("transactional", "Transactional"),
    ("high", "High"),
    ("normal", "Normal"),
    ("low", "Low"),
]
PRIORITY_RANK = {key: rank for rank, (key, _label) in enumerate(PRIORITIES)}

RECIPIENT_STATES = [
    ("queued", "Queued"),
    ("sending", "Sending"),
    ("sent", "Sent"),
    ("delivered", "Delivered"),
    ("read", "Read"),
    ("replied", "Replied"),
    ("converted", "Converted"),
    ("failed", "Failed"),
    ("skipped", "Skipped"),
    ("cancelled", "Cancelled"),
]
#: Funnel order: a status update never moves a recipient backwards.
FUNNEL = ("queued", "sending", "sent", "delivered", "read", "replied", "converted")
FUNNEL_RANK = {state: rank for rank, state in enumerate(FUNNEL)}
FINAL_STATES = (
    "sent",
    "delivered",
    "read",
    "replied",
    "converted",
    "failed",
    "skipped",
    "cancelled",
)

SKIP_REASONS = [
    ("no_consent", "No consent"),
    ("opted_out", "Opted out"),
    ("blacklisted", "Blacklisted"),
    ("no_address", "No address for the channel"),
    ("frequency_cap", "Frequency cap"),
    ("duplicate", "Duplicate"),
    ("outside_validity", "Outside validity"),
]

SENDER_STATES = [("healthy", "Healthy"), ("unhealthy", "Unhealthy")]

#: Error text of a claimed recipient whose send may or may not have happened.
UNKNOWN_OUTCOME = "unknown outcome"
#: Tries of one recipient before an error that may pass (5xx, timeout) fails it.
MAX_SEND_ATTEMPTS = 3

#: Meta error codes that mean "slow down" rather than "this message is wrong".
THROTTLE_CODES = frozenset({4, 17, 32, 613, 80007, 130429, 131048, 131049, 131056})

#: WhatsApp business-portfolio messaging tiers (unique users per rolling 24 h); 0 = unlimited.
WHATSAPP_TIERS = [
    ("250", "250"),
    ("2000", "2,000"),
    ("10000", "10,000"),
    ("100000", "100,000"),
    ("0", "Unlimited"),
]

#: Placeholders a campaign message may use.
PLACEHOLDERS = (
    "first_name",
    "name",
    "last_product",
    "favourite_category",
    "coupon",
    "company",
)

#: E-mail consent regimes: opt-in needs an explicit yes, opt-out mails all who did not say no.
EMAIL_REGIMES = [("opt_in", "Opt-in"), ("opt_out", "Opt-out")]

#: Campaign channel -> the consent channel it checks (a WhatsApp inbox: see the model).
CONSENT_CHANNEL_OF = {"chatwoot": "chatwoot", "whatsapp_cloud": "whatsapp", "email": "email"}

#: Funnel stages shown to people (``sending`` is internal).
FUNNEL_STAGES = [
    ("queued", "Queued"),
    ("sent", "Sent"),
    ("delivered", "Delivered"),
    ("read", "Read"),
    ("replied", "Replied"),
    ("converted", "Converted"),
]

#: Analytics vocabularies an audience may filter on (keys only; labels live in analytics).
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
