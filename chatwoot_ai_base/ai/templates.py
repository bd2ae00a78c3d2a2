# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer-facing texts in Portuguese (Brazil), Spanish and English.

These go to customers, not to Odoo users, so they are chosen by the customer's detected
language rather than by Odoo's translation machinery. ``text(key, language, **values)``
falls back to Portuguese for an unknown language.

    >>> text("in_stock", "es")
    'en stock'
    >>> text("handoff_customer", "en", company="Acme")
    'Thanks for your patience! A person from the Acme team will continue this conversation shortly.'
"""

NO_ANSWER = "[NO_ANSWER]"  # what an LLM answers when the context does not hold the answer

TEXTS = {
    "pt": {
        "price": "O {name} custa {price}.",
        "price_stock": "O {name} custa {price} e está {stock}.",
        "in_stock": "em estoque",
        "out_of_stock": "sem estoque no momento",
        "stock_qty": "em estoque ({qty} unidades)",
        "also": "Também temos: {items}.",
        "related": "Quem leva esse costuma levar também: {items}.",
        "order": "Seu pedido {name} de {date} está {state}, entrega: {delivery}. Total: {total}.",
        "order_lines": "Itens: {items}.",
        "order_other": "Você também tem os pedidos: {items}.",
        "greeting": "Olá{name}! Sou o assistente virtual da {company}. Como posso ajudar?",
        "dont_know": "Desculpe, não tenho essa informação agora.",
        "handoff_customer": (
            "Obrigado pela paciência! Uma pessoa da equipe {company} vai continuar este "
            "atendimento em instantes."
        ),
        "handoff_suggested": (
            "Olá{name}! Aqui é da equipe {company}. Vi sua mensagem e vou te ajudar pessoalmente: "
            "pode me dar mais detalhes?"
        ),
        "complaint_suggested": (
            "Olá{name}! Sinto muito pelo transtorno. Sou da equipe {company} e vou resolver isso "
            "com você agora: pode me contar o que aconteceu e o número do pedido?"
        ),
        "out_of_hours": (
            "Olá! Nossa equipe está fora do horário de atendimento agora. Voltamos {back_at}"
            "{hours} e respondemos assim que possível."
        ),
        "hours_suffix": " (horário: {hours})",
        "state_draft": "em orçamento",
        "state_sent": "com orçamento enviado",
        "state_sale": "confirmado",
        "state_done": "concluído",
        "state_cancel": "cancelado",
        "delivery_pending": "pendente",
        "delivery_started": "em separação",
        "delivery_partial": "parcialmente entregue",
        "delivery_full": "entregue",
        "delivery_": "sem informação",
    },
    "es": {
        "price": "El {name} cuesta {price}.",
        "price_stock": "El {name} cuesta {price} y está {stock}.",
        "in_stock": "en stock",
        "out_of_stock": "sin stock por el momento",
        "stock_qty": "en stock ({qty} unidades)",
        "also": "También tenemos: {items}.",
        "related": "Quien lo compra suele llevar también: {items}.",
        "order": "Tu pedido {name} del {date} está {state}, entrega: {delivery}. Total: {total}.",
        "order_lines": "Artículos: {items}.",
        "order_other": "También tienes los pedidos: {items}.",
        "greeting": "¡Hola{name}! Soy el asistente virtual de {company}. ¿En qué puedo ayudarte?",
        "dont_know": "Lo siento, no tengo esa información ahora.",
        "handoff_customer": (
            "¡Gracias por tu paciencia! Una persona del equipo de {company} seguirá con esta "
            "conversación en breve."
        ),
        "handoff_suggested": (
            "¡Hola{name}! Soy del equipo de {company}. Vi tu mensaje y te ayudo personalmente: "
            "¿me das más detalles?"
        ),
        "complaint_suggested": (
            "¡Hola{name}! Lamento mucho lo ocurrido. Soy del equipo de {company} y lo resolvemos "
            "juntos ahora: ¿me cuentas qué pasó y el número del pedido?"
        ),
        "out_of_hours": (
            "¡Hola! Nuestro equipo está fuera del horario de atención. Volvemos {back_at}"
            "{hours} y te respondemos lo antes posible."
        ),
        "hours_suffix": " (horario: {hours})",
        "state_draft": "en presupuesto",
        "state_sent": "con presupuesto enviado",
        "state_sale": "confirmado",
        "state_done": "completado",
        "state_cancel": "cancelado",
        "delivery_pending": "pendiente",
        "delivery_started": "en preparación",
        "delivery_partial": "entregado parcialmente",
        "delivery_full": "entregado",
        "delivery_": "sin información",
    },
    "en": {
        "price": "The {name} costs {price}.",
        "price_stock": "The {name} costs {price} and is {stock}.",
        "in_stock": "in stock",
        "out_of_stock": "out of stock at the moment",
        "stock_qty": "in stock ({qty} units)",
        "also": "We also have: {items}.",
        "related": "Customers who buy it often also take: {items}.",
        "order": "Your order {name} from {date} is {state}, delivery: {delivery}. Total: {total}.",
        "order_lines": "Items: {items}.",
        "order_other": "You also have the orders: {items}.",
        "greeting": "Hello{name}! I'm the virtual assistant of {company}. How can I help?",
        "dont_know": "Sorry, I don't have that information right now.",
        "handoff_customer": (
            "Thanks for your patience! A person from the {company} team will continue this "
            "conversation shortly."
        ),
        "handoff_suggested": (
            "Hi{name}! This is the {company} team. I saw your message and will help you "
            "personally: could you give me a few more details?"
        ),
        "complaint_suggested": (
            "Hi{name}! I'm very sorry about this. I'm from the {company} team and we'll sort it "
            "out now: could you tell me what happened and your order number?"
        ),
        "out_of_hours": (
            "Hello! Our team is out of office right now. We are back {back_at}{hours} and will "
            "answer as soon as possible."
        ),
        "hours_suffix": " (hours: {hours})",
        "state_draft": "a quotation",
        "state_sent": "a quotation sent to you",
        "state_sale": "confirmed",
        "state_done": "completed",
        "state_cancel": "cancelled",
        "delivery_pending": "pending",
        "delivery_started": "being prepared",
        "delivery_partial": "partially delivered",
        "delivery_full": "delivered",
        "delivery_": "no information yet",
    },
}
# Summaries go to the private note for the shop's agents, in the shop's language.
SUMMARY = {
    "pt": {
        "line": "Cliente ({lang}) – intenção: {intent} ({confidence:.0%}), equipe: {crew}.",
        "asked": "Mensagem: “{message}”",
        "handoff": "Transferido para humano: {reason}.",
        "answered": "Respondido automaticamente.",
    },
    "es": {
        "line": "Cliente ({lang}) – intención: {intent} ({confidence:.0%}), equipo: {crew}.",
        "asked": "Mensaje: “{message}”",
        "handoff": "Transferido a una persona: {reason}.",
        "answered": "Respondido automáticamente.",
    },
    "en": {
        "line": "Customer ({lang}) – intent: {intent} ({confidence:.0%}), crew: {crew}.",
        "asked": "Message: “{message}”",
        "handoff": "Handed off to a human: {reason}.",
        "answered": "Answered automatically.",
    },
}
REASONS = {
    "pt": {
        "human_request": "o cliente pediu um atendente",
        "complaint": "reclamação com sentimento negativo",
        "low_confidence": "o assistente não encontrou a resposta",
        "forbidden_topic": "assunto proibido",
        "escalation_rule": "regra de escalonamento",
        "budget": "orçamento mensal de tokens esgotado",
        "llm_error": "erro do provedor de IA",
    },
    "es": {
        "human_request": "el cliente pidió una persona",
        "complaint": "queja con sentimiento negativo",
        "low_confidence": "el asistente no encontró la respuesta",
        "forbidden_topic": "tema prohibido",
        "escalation_rule": "regla de escalamiento",
        "budget": "presupuesto mensual de tokens agotado",
        "llm_error": "error del proveedor de IA",
    },
    "en": {
        "human_request": "the customer asked for a person",
        "complaint": "complaint with negative sentiment",
        "low_confidence": "the assistant did not find the answer",
        "forbidden_topic": "forbidden topic",
        "escalation_rule": "escalation rule",
        "budget": "monthly token budget spent",
        "llm_error": "AI provider error",
    },
}
LANGUAGE_NAMES = {"pt": "Portuguese (Brazil)", "es": "Spanish", "en": "English"}


def _lang(language):
    return language if language in TEXTS else "pt"


def text(key, language, **values):
    """The ``key`` text in ``language`` with ``values`` filled in."""
    return TEXTS[_lang(language)][key].format(**values)


def summary_text(key, language, **values):
    """A line of the hand-off summary in the shop's ``language``."""
    return SUMMARY[_lang(language)][key].format(**values)


def reason_text(reason, language):
    """Why the conversation went to a human, in ``language``."""
    return REASONS[_lang(language)].get(reason, reason)
