# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One send through Chatwoot or the WhatsApp Cloud API, and the check after a crash.

The model layer hands a :class:`Delivery` (plain data) and an API client; these functions
make the calls and answer a :class:`SendResult`. They never touch the database, so no
transaction is open while they wait on the network. Errors are classified once here:
throttling (HTTP 429, Meta codes 130429 / 131048 / 131056 …) drains the sender, a
permanent refusal fails the recipient, anything else counts as a sender failure.

>>> throttle_of(429, None)
True
>>> throttle_of(400, 131056), throttle_of(400, 131026)
(True, False)
"""

from dataclasses import dataclass, field

from .constants import THROTTLE_CODES

#: Meta codes that say the person blocked the business or cannot get the message.
BLOCK_CODES = frozenset({131026, 131047, 131050, 131031})


@dataclass
class Delivery:
    recipient_id: int
    idempotency_key: str
    address: str  # E.164 phone or e-mail
    name: str = ""
    text: str = ""
    #: ``{"name", "language", "params": [...]}`` of an approved WhatsApp template.
    template: dict = field(default_factory=dict)
    inbox_id: int = 0  # Chatwoot's inbox id
    whatsapp_inbox: bool = False
    conversation_id: int = 0  # a known Chatwoot conversation (display id)
    in_session: bool = False  # inside WhatsApp's 24 h customer-service window
    phone_number_id: str = ""


@dataclass
class SendResult:
    ok: bool
    external_id: str = ""
    conversation_id: int = 0
    error: str = ""
    throttled: bool = False
    retry_after: float = 0.0
    blocked: bool = False
    #: The refusal is about this message or person, not the sender: do not retry.
    permanent: bool = False


def throttle_of(http_status, code):
    """Whether an error is the provider asking to slow down."""
    return http_status == 429 or (code is not None and code in THROTTLE_CODES)


def whatsapp_digits(phone):
    """``wa_id`` form of a phone: digits only."""
    return "".join(ch for ch in phone or "" if ch.isdigit())


def template_components(params):
    """The ``components`` of a template whose body takes ``params`` in order."""
    if not params:
        return []
    return [{"type": "body", "parameters": [{"type": "text", "text": str(p)} for p in params]}]


def whatsapp_payload(delivery):
    """The Cloud API envelope of a template message (``messaging_product`` is added by the
    social addon's client).

    >>> whatsapp_payload(Delivery(1, "k", "+55 65 99999-8888",
    ...     template={"name": "promo", "language": "pt_BR", "params": ["Ana"]}))["to"]
    '5565999998888'
    """
    template = delivery.template or {}
    body = {"name": template.get("name"), "language": {"code": template.get("language")}}
    components = template_components(template.get("params"))
    if components:
        body["components"] = components
    return {
        "recipient_type": "individual",
        "to": whatsapp_digits(delivery.address),
        "type": "template",
        "template": body,
        "biz_opaque_callback_data": delivery.idempotency_key,
    }


def send_whatsapp(client, delivery, errors):
    """Send a template through ``client`` (the social addon's Graph client).

    ``errors`` is the Graph error module (its ``GraphError`` and ``GraphThrottled``).
    """
    try:
        answer = client.post(
            f"{delivery.phone_number_id}/messages", data=whatsapp_payload(delivery)
        )
    except errors.GraphError as error:
        code = error.code
        throttled = isinstance(error, errors.GraphThrottled) or throttle_of(error.http_status, code)
        return SendResult(
            False,
            error=str(error)[:300],
            throttled=throttled,
            retry_after=float(getattr(error, "retry_after", 0) or 0),
            blocked=code in BLOCK_CODES,
            permanent=not throttled and (error.http_status or 0) < 500 and code is not None,
        )
    messages = answer.get("messages") or []
    if not messages or not messages[0].get("id"):
        return SendResult(False, error="WhatsApp answered without a message id")
    return SendResult(True, external_id=messages[0]["id"])


def chatwoot_template(delivery):
    """Chatwoot's ``template_params`` for a WhatsApp inbox outside the 24 h window."""
    template = delivery.template or {}
    params = template.get("params") or []
    return {
        "name": template.get("name"),
        "category": "MARKETING",
        "language": template.get("language"),
        "processed_params": {str(i + 1): str(value) for i, value in enumerate(params)},
    }


def chatwoot_conversation(client, delivery):
    """Find or create the person's contact, then open a conversation in the inbox; its id."""
    query = delivery.address
    contacts = client.search_contacts(query)
    contact = next(
        (
            c
            for c in contacts
            if query
            in (c.get("phone_number"), c.get("email"), f"+{whatsapp_digits(c.get('phone_number'))}")
        ),
        None,
    )
    phone = delivery.address if delivery.address.startswith("+") else None
    email = None if phone else delivery.address
    source_id = None
    if contact is None:
        contact = client.create_contact(
            name=delivery.name or None, phone_number=phone, email=email, inbox_id=delivery.inbox_id
        )
        for contact_inbox in contact.get("contact_inboxes") or []:
            source_id = contact_inbox.get("source_id") or source_id
    if delivery.whatsapp_inbox and phone:
        source_id = whatsapp_digits(phone)
    conversation = client.create_conversation(
        delivery.inbox_id, contact_id=contact.get("id"), source_id=source_id
    )
    return int(conversation.get("id") or conversation.get("display_id"))


def send_chatwoot(client, delivery, errors, on_conversation=None):
    """Post the message in the person's conversation of the inbox (opened when needed).

    ``on_conversation(conversation_id)`` is called before the message is posted, so the
    model can commit it: after a crash the conversation is where to look for the message.
    ``errors`` is the base addon's client module (``ChatwootError`` family).
    """
    try:
        conversation_id = delivery.conversation_id
        if not conversation_id:
            conversation_id = chatwoot_conversation(client, delivery)
            if on_conversation:
                on_conversation(conversation_id)
        template = None
        if delivery.whatsapp_inbox and not delivery.in_session and delivery.template.get("name"):
            template = chatwoot_template(delivery)
        message = client.send_message(
            conversation_id,
            delivery.text,
            echo_id=delivery.idempotency_key,
            content_attributes={"campaign_key": delivery.idempotency_key},
            template_params=template,
        )
    except errors.ChatwootError as error:
        throttled = isinstance(error, errors.ChatwootRateLimited) or error.status == 429
        return SendResult(
            False,
            conversation_id=delivery.conversation_id,
            error=str(error)[:300],
            throttled=throttled,
            retry_after=float(error.retry_after or 0),
            permanent=isinstance(error, errors.ChatwootRequestError | errors.ChatwootNotFound),
        )
    return SendResult(
        True, external_id=str(message.get("id") or ""), conversation_id=conversation_id
    )


def find_chatwoot_message(messages, idempotency_key):
    """The id of the message carrying ``idempotency_key`` among a conversation's messages.

    >>> find_chatwoot_message([{"id": 7, "content_attributes": {"campaign_key": "c1-p2"}}],
    ...                       "c1-p2")
    '7'
    >>> find_chatwoot_message([{"id": 7, "content_attributes": {}}], "c1-p2") is None
    True
    """
    for message in messages or []:
        attributes = message.get("content_attributes") or {}
        if attributes.get("campaign_key") == idempotency_key or (
            message.get("echo_id") == idempotency_key
        ):
            return str(message.get("id"))
    return None
