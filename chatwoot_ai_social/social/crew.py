# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The social-media crew: a public reply to a comment, drafted from the shop's own data.

It runs the customer agent of the base addon (``chatwoot_ai_base.ai.CustomerAgent``: the
hub, the catalog and knowledge tools, one CrewAI crew over the company's LLM, the offline
provider by default; the model layer passes it in as ``make_agent(tools, profile)``) with
what a *public* answer may use:

* the catalog and the knowledge base (the model layer's product search falls back on the
  post's caption: "Quanto custa?" under a photo of the Batom Matte); the caption itself is
  given to the crew as what the shop said before the comment;
* the commenter's known context reduced to what is public anyway (the first name) and to the
  shape of the relation (a customer with orders, an open conversation), never its content:
  the order tool returns nothing, so no order detail can reach a public reply;
* the business profile, with the rules of public answers added to its instructions.

Praise is thanked and complaints get an apology that invites the person to a private channel
without any model call; a question whose answer needs personal data, or a draft that would
reveal some (:func:`.replies.reveals_private`), becomes the same invitation, marked as not
answered from data (``grounded`` is false) so the policy never publishes it alone.
"""

from dataclasses import dataclass, field, replace

from .replies import first_name, reveals_private, text

#: Analytics intents whose answer needs the person's own data: answered in private.
PRIVATE_INTENTS = ("order_status", "exchange_return", "support")
PRAISE_CONFIDENCE = 0.9
PUBLIC_RULES = (
    "Your reply is a PUBLIC comment under a social media post, seen by everyone: never "
    "mention order numbers, order contents, delivery addresses, phone numbers, e-mails or any "
    "other personal data; when the answer needs them, invite the person to send a private "
    "message instead. At most two short sentences."
)


@dataclass
class SocialTools:
    """``search_products(query, limit)``, ``search_knowledge(query, limit)`` and
    ``person_context()`` (the commenter's known context, a dict), bound by the model layer."""

    search_products: object
    search_knowledge: object
    person_context: object


@dataclass
class PublicTools:
    """The four tools the customer agent expects (``chatwoot_ai_base.ai.AgentTools``), of
    which a public reply gets no orders and only the public part of the person."""

    search_products: object
    customer_orders: object
    search_knowledge: object
    customer_profile: object


@dataclass
class SocialDraft:
    """A drafted public reply; ``source`` says what it was built from."""

    text: str
    language: str
    confidence: float
    grounded: bool
    source: str  # catalog, knowledge, praise, private, none
    context: dict = field(default_factory=dict)
    tokens_in: int = 0
    tokens_out: int = 0
    crew: str = ""


def public_person(context):
    """What of the commenter's context a public reply may lean on."""
    context = context or {}
    return {
        "name": (context.get("name") or "").split(" ")[0],
        "language": context.get("language") or "",
        "is_customer": bool(context.get("customer_since") and context.get("orders_count")),
        "has_open_conversation": bool(context.get("open_conversations")),
    }


class SocialCrew:
    """Drafts public replies; ``make_agent(tools, profile)`` builds the customer agent over
    the company's LLM, only when a comment needs one."""

    def __init__(self, make_agent, tools, profile):
        self.make_agent = make_agent
        self.tools = tools
        self.profile = replace(
            profile,
            extra_instructions=" ".join(
                part for part in (profile.extra_instructions, PUBLIC_RULES) if part
            ),
        )

    def draft(
        self, body, comment_type, intent, language, caption="", author_name="", model_allowed=True
    ):
        """The :class:`SocialDraft` for a comment (``body``) of ``comment_type``.

        Without ``model_allowed`` (budget spent, the model failing) a comment that needs the
        crew gets the invitation to a private channel, for a person to approve.
        """
        name = first_name(author_name)
        company = self.profile.company_name
        if comment_type == "spam":
            return SocialDraft("", language, 0.0, False, "none")
        if comment_type == "praise":
            reply = text("thanks", language, name=name, company=company)
            return SocialDraft(reply, language, PRAISE_CONFIDENCE, True, "praise", crew="hub")
        if comment_type == "complaint":
            reply = text("complaint", language, name=name, company=company)
            return SocialDraft(reply, language, 0.0, False, "private", crew="hub")
        if intent in PRIVATE_INTENTS or not model_allowed:
            return self._private(language, name)
        return self._crew_draft(body, language, caption, name)

    def _private(self, language, name, context=None, usage=(0, 0)):
        reply = text("private", language, name=name, company=self.profile.company_name)
        return SocialDraft(
            reply, language, 0.0, False, "private", context or {}, usage[0], usage[1], "hub"
        )

    def _public_tools(self):
        tools = self.tools
        return PublicTools(
            search_products=tools.search_products,
            customer_orders=lambda limit=5: [],  # a public reply never shows orders
            search_knowledge=tools.search_knowledge,
            customer_profile=lambda: public_person(tools.person_context()),
        )

    def _crew_draft(self, body, language, caption, name):
        agent = self.make_agent(self._public_tools(), self.profile)
        history = [{"role": "agent", "content": f"Post: {caption}"}] if caption else []
        reply = agent.suggest_reply([body], history)
        usage = (reply.tokens_in, reply.tokens_out)
        context = reply.context or {}
        source = "catalog" if context.get("products") else "knowledge"
        grounded = bool(context.get("products") or context.get("knowledge"))
        if not reply.text or reply.confidence <= 0 or not grounded:
            return self._private(reply.language, name, context, usage)
        if reveals_private(reply.text):
            return self._private(reply.language, name, context, usage)
        return SocialDraft(
            reply.text,
            reply.language,
            reply.confidence,
            True,
            source,
            context,
            usage[0],
            usage[1],
            reply.crew,
        )
