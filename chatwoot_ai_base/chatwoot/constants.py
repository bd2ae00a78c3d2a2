"""Chatwoot vocabulary, defined once and imported by models, parsers and the seed."""

#: Chatwoot ``channel_type`` values (``Channel::*``) and their labels.
CHANNEL_TYPES = [
    ("Channel::WebWidget", "Website"),
    ("Channel::Whatsapp", "WhatsApp"),
    ("Channel::Instagram", "Instagram"),
    ("Channel::FacebookPage", "Facebook"),
    ("Channel::Email", "E-mail"),
    ("Channel::Api", "API"),
    ("Channel::Sms", "SMS"),
    ("Channel::TwilioSms", "Twilio SMS"),
    ("Channel::Telegram", "Telegram"),
    ("Channel::Line", "LINE"),
]

#: Channels that belong to Meta's platforms (used by the Social menus).
META_CHANNEL_TYPES = ("Channel::Whatsapp", "Channel::Instagram", "Channel::FacebookPage")

CONVERSATION_STATUSES = [
    ("open", "Open"),
    ("pending", "Pending"),
    ("snoozed", "Snoozed"),
    ("resolved", "Resolved"),
]

CONVERSATION_PRIORITIES = [
    ("none", "None"),
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("urgent", "Urgent"),
]

#: ``message_type`` is a string at the top level of a webhook but an integer inside
#: ``conversation.messages[]``; this order is Chatwoot's enum order.
MESSAGE_TYPES = [
    ("incoming", "Incoming"),
    ("outgoing", "Outgoing"),
    ("activity", "Activity"),
    ("template", "Template"),
]

SENDER_TYPES = [
    ("contact", "Contact"),
    ("user", "Agent"),
    ("agent_bot", "Bot"),
    ("captain_assistant", "Assistant"),
]

MESSAGE_STATUSES = [
    ("sent", "Sent"),
    ("delivered", "Delivered"),
    ("read", "Read"),
    ("failed", "Failed"),
]
