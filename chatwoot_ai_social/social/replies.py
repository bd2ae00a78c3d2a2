# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Public replies: the texts that need no model, and the check that nothing private leaks.

A comment is answered in public, under the post. Order numbers, order contents, addresses,
phone numbers, e-mails and documents never go there: when the answer needs them, the reply
invites the person to a private channel instead.

>>> text("thanks", "pt", name=first_name("Ana Souza"))
'Que bom que você gostou, Ana! Obrigado pelo carinho. 💜'
>>> reveals_private("Seu pedido S00042 saiu para entrega")
True
>>> reveals_private("Me chama no 11 98765-4321 ou ana@example.com")
True
>>> reveals_private("O Batom Matte custa R$ 59,90 e está em estoque.")
False
"""

import re

TEXTS = {
    "pt": {
        "thanks": "Que bom que você gostou{name}! Obrigado pelo carinho. 💜",
        "private": (
            "Olá{name}! Para cuidar disso com segurança, chama a gente no privado (direct ou "
            "WhatsApp) que a equipe {company} te responde por lá."
        ),
        "complaint": (
            "Olá{name}, sentimos muito pelo transtorno. Chama a gente no privado com o número do "
            "pedido que a equipe {company} resolve isso com você."
        ),
    },
    "es": {
        "thanks": "¡Qué bueno que te gustó{name}! Gracias por el cariño. 💜",
        "private": (
            "¡Hola{name}! Para ayudarte con seguridad, escríbenos por mensaje privado y el "
            "equipo de {company} te responde por allí."
        ),
        "complaint": (
            "Hola{name}, lamentamos mucho lo ocurrido. Escríbenos por mensaje privado con el "
            "número de pedido y el equipo de {company} lo resuelve contigo."
        ),
    },
    "en": {
        "thanks": "So glad you liked it{name}! Thank you for the kind words. 💜",
        "private": (
            "Hi{name}! To help you safely, please send us a private message and the {company} "
            "team will answer you there."
        ),
        "complaint": (
            "Hi{name}, we are very sorry about this. Please send us a private message with your "
            "order number and the {company} team will sort it out with you."
        ),
    },
}
PRIVATE_PATTERNS = (
    r"[\w.+-]+@[\w-]+\.[\w.-]+",  # e-mail
    r"(?:\+?\d[\s().-]?){8,}",  # phone, CPF, card: eight digits or more
    r"\b[A-Z]{1,4}\d{4,}\b",  # order references (S00042, PED12345)
    r"\b(?:pedido|order|orden)\s*(?:n[º°o.]?\s*)?#?\d+",
    r"\b(?:rua|avenida|av\.|calle|street)\s+\w+",
)


def text(key, language, **values):
    """The ``key`` text in ``language`` (Portuguese when unknown), filled with ``values``."""
    texts = TEXTS.get(language) or TEXTS["pt"]
    values.setdefault("name", "")
    values.setdefault("company", "")
    return texts[key].format(**values)


def first_name(name):
    """``", Ana"`` for "Ana Souza", "" without a name: the greeting's name part."""
    parts = (name or "").split()
    return f", {parts[0]}" if parts else ""


def reveals_private(reply):
    """Whether ``reply`` holds something that must never be public (see module docstring)."""
    return any(re.search(pattern, reply or "", re.IGNORECASE) for pattern in PRIVATE_PATTERNS)
