# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer agent: hub decision, hand-off rules, tools, then one crew run.

Order of work for a batch of customer messages:

1. detect the language and let the hub classify intent and sentiment;
2. hand off at once, with no LLM call and no tokens, on a forbidden topic, an escalation
   rule, a request for a human, or a complaint with negative sentiment;
3. call the tools the intent needs and put their results in the task's context block;
4. run a one-agent crew (sales, support or info) with the tools attached, so a remote LLM
   may look further; the offline LLM answers from the block;
5. an answer marked ``NO_ANSWER`` (or empty) hands off with ``low_confidence``.
"""

from dataclasses import dataclass, field, replace

from .answers import MAX_KNOWLEDGE_CHARS
from .context import context_block
from .errors import LLMUnavailable
from .formatting import format_price
from .hub import classify
from .language import LANGUAGES, detect_language, language_scores
from .templates import LANGUAGE_NAMES, NO_ANSWER, reason_text, summary_text, text
from .text import contains_phrase, normalise, tokens
from .tools import crew_tools

PRODUCT_LIMIT = 5
ORDER_LIMIT = 5
KNOWLEDGE_LIMIT = 3
HISTORY_LIMIT = 10
HISTORY_CHARS = 500
SUMMARY_MESSAGE_CHARS = 160
MAX_ITER = 3
# Topics a short follow-up inherits from the previous customer message, and how much of
# that message's confidence it keeps.
FOLLOW_UP_INTENTS = ("purchase", "price", "order_status", "shipping", "exchange_return", "support")
# Intents whose answer starts from the catalog.
CATALOG_INTENTS = ("purchase", "price")
FOLLOW_UP_DISCOUNT = 0.8
# crewai's own text when an agent runs out of iterations: no answer for the customer.
CREWAI_GAVE_UP = ("Agent stopped due to iteration limit", "Agent stopped due to time limit")
CREWS = {
    "sales": (
        "Sales assistant",
        "Answer questions about products, prices and stock with exact facts from the catalog.",
    ),
    "support": (
        "Customer support assistant",
        "Tell customers the state of their own orders and help with problems, from their data.",
    ),
    "info": (
        "Information assistant",
        "Answer questions about the shop's policies (shipping, returns, payment, hours).",
    ),
}
# Words that carry the question, not the thing asked about: dropped from catalog and
# knowledge queries so "quanto custa o batom matte?" searches for "batom matte".
QUERY_STOPWORDS = frozenset(
    """
    a o os as um uma uns umas de do da dos das no na nos nas em e ou que qual quais quanto
    quanta custa custam preco precos valor tem tens temos voces voce vcs vc oi ola bom dia
    boa tarde noite por favor me eu meu minha se para pra pro com sem esta estao esse essa
    isso ainda algum alguma vende vendem tenho quero queria gostaria saber sobre eles elas
    el la los las un una unos unas del al y cuanto cuesta cuestan precio precios tienen
    tiene hay usted ustedes hola buenos buenas dias tardes noches mi mis su sus es son para
    por con sin este esta ese esa eso quiero quisiera saber sobre venden
    the an of to in on at is are do does you your have has how much price prices cost costs
    hi hello hey please my me i we it this that what which any sell for about want know
    stock estoque disponivel disponible available
    """.split()
)


@dataclass
class AgentReply:
    """One answer of the agent; ``text`` is posted to the customer unless empty."""

    text: str
    language: str
    intent: str
    crew: str
    confidence: float
    handoff: bool
    handoff_reason: str
    summary: str = ""
    suggested_reply: str = ""
    context: dict = field(default_factory=dict)
    tokens_in: int = 0
    tokens_out: int = 0


def matches_phrase(plain, phrase):
    """Whether normalised ``plain`` is about ``phrase``: the phrase itself, or all its
    words of four letters or more in any order ("advice on medical dosage" ~ "medical advice").

    >>> matches_phrase("can you give advice on medical dosage", "medical advice")
    True
    >>> matches_phrase("medical kit price", "medical advice")
    False
    """
    if contains_phrase(plain, phrase):
        return True
    significant = [w for w in tokens(normalise(phrase)) if len(w) >= 4]
    words = set(tokens(plain))
    return bool(significant) and all(w in words for w in significant)


def search_query(text):
    """The words of ``text`` worth searching for (accents kept, question words dropped).

    >>> search_query("Quanto custa o batom matte?")
    'batom matte'
    """
    kept = [w for w in text.split() if normalise(w) and normalise(w) not in QUERY_STOPWORDS]
    cleaned = " ".join(w.strip("?!.,;:¿¡()\"'") for w in kept)
    return " ".join(cleaned.split()) or text.strip()


def _first_name(customer):
    parts = (customer.get("name") or "").split()
    return f" {parts[0]}" if parts else ""


class CustomerAgent:
    """Answers one conversation's customer through a crew over ``llm`` and ``tools``.

    Token counts are the difference of ``llm``'s cumulative usage around the run, so one
    LLM instance must not serve two replies at the same time (the model layer builds one
    per run).
    """

    def __init__(self, llm, tools, profile, intent_model=None):
        self.llm = llm
        self.tools = tools
        self.profile = profile
        # ``intent_model(text)`` -> ``(intent, probability)``: a trained classifier the hub
        # trusts over its keyword rules (see ``hub.classify``); None: the rules alone.
        self.intent_model = intent_model

    # Public API -------------------------------------------------------------------------

    def reply(self, messages, history=()):
        """The reply (or hand-off) for the new customer ``messages``; see module docstring."""
        return self._answer(messages, history, assist=False)

    def suggest_reply(self, messages, history=()):
        """A draft for a human agent: same crew, but never a hand-off and no hand-off rules."""
        return self._answer(messages, history, assist=True)

    @staticmethod
    def handoff_reply(reason, language, profile, summary=""):
        """A hand-off without any LLM call (budget spent, LLM error after retries)."""
        language = language if language in LANGUAGES else profile.default_language
        return AgentReply(
            text=text("handoff_customer", language, company=profile.company_name),
            language=language,
            intent="other",
            crew="hub",
            confidence=0.0,
            handoff=True,
            handoff_reason=reason,
            summary=summary
            or summary_text(
                "handoff",
                profile.default_language,
                reason=reason_text(reason, profile.default_language),
            ),
            suggested_reply=text(
                "handoff_suggested", language, name="", company=profile.company_name
            ),
        )

    @staticmethod
    def out_of_hours_text(language, profile, back_at):
        """Tells the customer when humans are back (``back_at`` is already localised)."""
        hours = (
            text("hours_suffix", language, hours=profile.human_hours) if profile.human_hours else ""
        )
        return text("out_of_hours", language, back_at=back_at, hours=hours)

    # Steps ------------------------------------------------------------------------------

    def _answer(self, messages, history, assist):
        texts = [m.strip() for m in messages if m and m.strip()]
        message = "\n".join(texts)
        customer = self.tools.customer_profile() or {}
        language = self._language(message, history, customer)
        decision = self._classify(message, history, language)
        if not assist:
            reason = self._rule_handoff(message, decision)
            if reason:
                return self._handoff(reason, language, decision, message, customer, {}, (0, 0))
        if texts:
            context = self._gather(decision, message, language, customer)
            answer, usage = self._run_crew(decision, texts, history, context, language)
        else:
            # Only attachments or stickers: nothing to search for or to ask a model about.
            context, answer, usage = {}, "", (0, 0)
        if not answer:
            if assist:
                draft = text(
                    "handoff_suggested",
                    language,
                    name=_first_name(customer),
                    company=self.profile.company_name,
                )
                return self._reply(draft, language, decision, message, context, usage, 0.0)
            return self._handoff(
                "low_confidence", language, decision, message, customer, context, usage
            )
        confidence = round(0.5 + 0.5 * decision.confidence, 3)
        return self._reply(answer, language, decision, message, context, usage, confidence)

    def _language(self, message, history, customer):
        """The message's language; without any cue, the earlier customer messages', then the
        customer's known language, then the shop's."""
        fallback = customer.get("language")
        if fallback not in LANGUAGES:
            fallback = self.profile.default_language
        if any(language_scores(message).values()):
            return detect_language(message, default=fallback)
        earlier = " ".join(
            h.get("content") or "" for h in history or () if h.get("role") == "customer"
        )
        return detect_language(earlier, default=fallback)

    def _classify(self, message, history, language):
        """The hub's decision; a bare follow-up ("e o nude?", "and in blue?") keeps the topic
        of the customer's previous message, with less confidence."""
        decision = classify(message, language, self.intent_model)
        if decision.intent != "other" or decision.greeting:
            return decision
        earlier = [h.get("content") or "" for h in history or () if h.get("role") == "customer"]
        if not earlier:
            return decision
        previous = classify(earlier[-1], language, self.intent_model)
        if previous.intent not in FOLLOW_UP_INTENTS:
            return decision
        return replace(
            decision,
            intent=previous.intent,
            crew=previous.crew,
            confidence=round(previous.confidence * FOLLOW_UP_DISCOUNT, 3),
            order_refs=decision.order_refs or previous.order_refs,
        )

    def _rule_handoff(self, message, decision):
        """The hand-off reason that applies before any LLM call, or ""."""
        plain = normalise(message)
        if any(matches_phrase(plain, p) for p in self.profile.forbidden_topics if p):
            return "forbidden_topic"
        if any(matches_phrase(plain, p) for p in self.profile.escalation_rules if p):
            return "escalation_rule"
        if decision.intent == "human_request":
            return "human_request"
        if decision.intent == "complaint" and decision.negative:
            return "complaint"
        return ""

    def _gather(self, decision, message, language, customer):
        """The tools' results the intent needs, with prices pre-formatted for the LLM."""
        query = search_query(message)
        currency = self.profile.currency
        context = {
            "company": self.profile.company_name,
            "segment": self.profile.segment,
            "currency": currency,
            "language": language,
            "intent": decision.intent,
            "greeting": decision.greeting,
            "crew": decision.crew,
            "message": message,
            "order_refs": list(decision.order_refs),
            "customer": customer,
            "products": [],
            "orders": [],
            "knowledge": [],
        }
        if decision.intent in CATALOG_INTENTS:
            context["products"] = [
                dict(
                    p,
                    price_text=format_price(
                        p.get("price"), p.get("currency") or currency, language
                    ),
                )
                for p in self.tools.search_products(query, PRODUCT_LIMIT) or []
            ]
        elif decision.intent == "order_status":
            context["orders"] = [
                dict(
                    o,
                    total_text=format_price(
                        o.get("amount_total"), o.get("currency") or currency, language
                    ),
                )
                for o in self.tools.customer_orders(ORDER_LIMIT) or []
            ]
        if decision.intent not in ("order_status", "purchase") and not decision.greeting:
            context["knowledge"] = [
                dict(k, content=(k.get("content") or "")[: MAX_KNOWLEDGE_CHARS * 4])
                for k in self.tools.search_knowledge(query, KNOWLEDGE_LIMIT) or []
            ]
        return context

    def _run_crew(self, decision, texts, history, context, language):
        """(answer or "" when the LLM did not know, (tokens_in, tokens_out))."""
        from ._crewai import (  # pylint: disable=import-outside-toplevel
            load_crewai,
            private_crew_class,
        )

        crewai = load_crewai()
        role, goal = CREWS.get(decision.crew, CREWS["info"])
        agent = crewai.Agent(
            role=f"{role} of {self.profile.company_name}",
            goal=goal,
            backstory=self._backstory(language),
            llm=self.llm,
            tools=crew_tools(self.tools),
            verbose=False,
            allow_delegation=False,
            max_iter=MAX_ITER,
            max_retry_limit=0,  # retries belong to the provider SDK (settings.max_retries)
        )
        task = crewai.Task(
            description=self._task_description(texts, history, context, language),
            expected_output=(
                f"The reply to send to the customer, in {LANGUAGE_NAMES[language]}, "
                f"or exactly {NO_ANSWER}."
            ),
            agent=agent,
        )
        crew = private_crew_class()(
            agents=[agent],
            tasks=[task],
            process=crewai.Process.sequential,
            verbose=False,
            memory=False,
            planning=False,
            tracing=False,
            cache=False,
        )
        before = self.llm.get_token_usage_summary()
        try:
            output = crew.kickoff()
        except Exception as exc:
            if getattr(self.llm, "llm_type", "") == "offline":
                raise  # a bug in our own provider must surface, not look like an outage
            raise LLMUnavailable(f"{type(exc).__name__}: {exc}") from exc
        after = self.llm.get_token_usage_summary()
        usage = (
            after.prompt_tokens - before.prompt_tokens,
            after.completion_tokens - before.completion_tokens,
        )
        return self._clean_answer(output.raw), usage

    @staticmethod
    def _clean_answer(raw):
        answer = (raw or "").strip()
        if not answer or NO_ANSWER in answer or answer.startswith(CREWAI_GAVE_UP):
            return ""
        return answer

    def _backstory(self, language):
        profile = self.profile
        lines = [
            f"You work for {profile.company_name}, a {profile.segment} shop, answering its "
            f"customers on chat in {LANGUAGE_NAMES[language]}.",
            f"Tone: {profile.tone}." if profile.tone else "",
            "Never discuss: " + "; ".join(profile.forbidden_topics) + "."
            if profile.forbidden_topics
            else "",
            profile.extra_instructions,
        ]
        return " ".join(line for line in lines if line)

    def _task_description(self, texts, history, context, language):
        recent = list(history or ())[-HISTORY_LIMIT:]
        conversation = "\n".join(
            f"{h.get('role', 'customer')}: {(h.get('content') or '')[:HISTORY_CHARS]}"
            for h in recent
        )
        new = "\n".join(f"- {t}" for t in texts) or "- (no text)"
        return (
            f"Reply to the customer of {self.profile.company_name} in "
            f"{LANGUAGE_NAMES[language]}, in at most four short sentences.\n"
            "Use only facts from the CONTEXT block below (results of the shop's tools for "
            "this customer) or from the tools; write prices exactly as their price_text / "
            "total_text. Never invent products, prices, stock, orders or policies.\n"
            f"If the answer is not in the context or the tools, reply exactly {NO_ANSWER}.\n\n"
            f"Conversation so far (oldest first):\n{conversation or '(none)'}\n\n"
            f"New customer messages:\n{new}\n\n"
            f"CONTEXT:\n{context_block(context)}"
        )

    # Results ----------------------------------------------------------------------------

    def _summary(self, decision, message, language, reason):
        shop = self.profile.default_language
        short = " ".join(message.split())
        if len(short) > SUMMARY_MESSAGE_CHARS:
            short = short[: SUMMARY_MESSAGE_CHARS - 1] + "…"
        lines = [
            summary_text(
                "line",
                shop,
                lang=language,
                intent=decision.intent,
                confidence=decision.confidence,
                crew=decision.crew,
            ),
            summary_text("asked", shop, message=short),
            summary_text("handoff", shop, reason=reason_text(reason, shop))
            if reason
            else summary_text("answered", shop),
        ]
        return "\n".join(lines)

    def _reply(self, answer, language, decision, message, context, usage, confidence):
        return AgentReply(
            text=answer,
            language=language,
            intent=decision.intent,
            crew=decision.crew,
            confidence=confidence,
            handoff=False,
            handoff_reason="",
            summary=self._summary(decision, message, language, ""),
            suggested_reply=answer,
            context=context,
            tokens_in=usage[0],
            tokens_out=usage[1],
        )

    def _handoff(self, reason, language, decision, message, customer, context, usage):
        company = self.profile.company_name
        template = "complaint_suggested" if reason == "complaint" else "handoff_suggested"
        return AgentReply(
            text=text("handoff_customer", language, company=company),
            language=language,
            intent=decision.intent,
            crew="hub" if reason != "low_confidence" else decision.crew,
            confidence=0.0 if reason == "low_confidence" else decision.confidence,
            handoff=True,
            handoff_reason=reason,
            summary=self._summary(decision, message, language, reason),
            suggested_reply=text(template, language, name=_first_name(customer), company=company),
            context=context,
            tokens_in=usage[0],
            tokens_out=usage[1],
        )
