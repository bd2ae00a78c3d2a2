# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Build ``sentiment_{es,en}_implicit.tsv``: implicit complaints, implicit praise, plain facts.

Customers rarely write "terrible" when a parcel is late: they state the fact ("día 12 y nada",
"on hold for 40 minutes", "the shade is darker than the photo"). These sets teach the model the
*situations* that make a message negative, family by family (delivery delay, wrong item / size /
colour, something missing, defect, waiting for an answer, money taken, careless courier), the
same situations told as good news (arrived early, fits, works), and the neutral messages that use
the same words without complaining (questions about delays, sizes, refunds; order numbers; "ok").
That last group matters as much as the first: without it "order", "days" or "size" would turn
negative on their own.

Each family is a list of templates with slots filled from small lists, many ways of saying the
same fact, so the model learns the pattern rather than a sentence. None of these sentences comes
from an evaluation set (``*_fresh``, ``*_heldout``, ``*_complaints``, ``*_holdout``); the test
``test_evaluation_sets_are_disjoint_from_training`` checks it on the normalised forms.

A second generation (``implicit_events_{en,es}.py`` -> ``sentiment_{en,es}_events.tsv``) adds the
event families the first one missed, by area (delivery, billing, product quality, service,
loyalty): "never arrived", "charged twice", "still waiting", "again" on the negative side, "arrived
a day early", "well packed", "exactly as described", "hasn't faded", "solved in minutes" on the
positive side, and the same words in questions and plain facts. It uses its own products, places
and payment methods (Latin American shops), so the two generations do not repeat each other.

Run ``python3 build_implicit.py`` in this folder to rewrite the four files (deterministic).
"""

import random
from pathlib import Path

import implicit_events_en  # run as a script from this folder: the families sit next to it
import implicit_events_es

HERE = Path(__file__).parent
# Fewer rows per complaint template: there are three times as many complaint templates.
PER_TEMPLATE = {"negative": 3, "positive": 4, "neutral": 5}

EN_SLOTS = {
    "p": [
        "the dress",
        "the sneakers",
        "the lipstick",
        "the concealer",
        "the blush",
        "the perfume",
        "the backpack",
        "the hoodie",
        "the boots",
        "the earrings",
        "the face cream",
        "the belt",
        "the wallet",
        "the skirt",
        "the hair dryer",
        "the sunglasses",
    ],
    "n": ["3 days", "a week", "12 days", "two weeks", "a month", "nine days", "5 business days"],
    "t": ["30 minutes", "an hour", "25 minutes", "two hours", "45 minutes", "half an hour"],
    "k": ["two", "three", "four", "several"],
    "day": ["Monday", "Friday", "the 3rd", "last week", "the 15th", "yesterday"],
    "size": ["small", "medium", "large", "size 6", "size 9", "a 38"],
    "size2": ["an XXL", "a kids size", "size 12", "a small", "a 42", "extra large"],
    "col": ["black", "beige", "navy", "pink", "white", "green"],
    "col2": ["brown", "grey", "purple", "orange", "red", "yellow"],
    "cmp": ["lighter", "darker", "smaller", "bigger", "shorter", "tighter", "thinner", "longer"],
    "pic": ["the photo", "the picture", "the website", "the ad", "the description"],
    "part": ["the charger", "the strap", "the cap", "the buttons", "the second earring", "the box"],
    "fail": ["broke", "ripped", "came apart", "stopped working", "peeled", "faded", "cracked"],
    "num": ["4471", "90215", "3318", "61007", "2290"],
    "amt": ["$40", "$89.90", "$15", "$120"],
    "who": ["the courier", "the delivery guy", "your driver", "the mailman"],
}

EN_TEMPLATES = {
    "negative": [
        # delivery delay
        "I ordered {p} {n} ago and still nothing",
        "{n} later and I'm still waiting for order {num}",
        "The tracking has said in transit since {day}",
        "It was due on {day} and it's still not here",
        "Order {num} should have been here {n} ago",
        "Still no sign of {p}, ordered it {n} ago",
        "The delivery date keeps getting pushed back",
        "Order {num} has been stuck at the warehouse for {n}",
        # wrong item, size, colour
        "I asked for {size} and you sent {size2}",
        "I ordered {p} in {col} and it came in {col2}",
        "The {col} one I got is actually {col2}",
        "{p} is way {cmp} than in {pic}",
        "{p} looks nothing like {pic}",
        "{p} I received is not the one in {pic}",
        "You sent me {p} instead of what I ordered",
        "This is a different model from the one I paid for",
        "{p} came two sizes {cmp} than the chart says",
        # something missing
        "{p} came without {part}",
        "The package was missing {part}",
        "Only half of order {num} was in the box",
        "I paid for two and only one came",
        # defect
        "{p} {fail} after {n}",
        "{p} {fail} the first day I used it",
        "The zipper of {p} came off",
        "{part} of {p} fell off after {n}",
        "{p} was already scratched when I opened it",
        "{p} came open and half empty",
        # waiting / no answer
        "{t} on the phone line and nobody picks up",
        "I've been waiting {t} for someone to answer this chat",
        "I sent {k} messages and nobody replied",
        "{k} emails and still no answer from you",
        "Still waiting for a reply since {day}",
        "Nobody has got back to me since {day}",
        "You said you would call me back on {day} and nobody did",
        "I keep explaining the same thing to every agent",
        # money
        "I got charged {k} times for order {num}",
        "My card was billed {amt} twice",
        "You took {amt} from my account and cancelled the order",
        "The refund of {amt} has not reached my card after {n}",
        "The promo code did not apply and I paid full price",
        "I was charged {amt} for shipping that was supposed to be free",
        "You charged me for {p} and never sent it",
        # courier
        "{who} left the parcel outside in the rain",
        "{who} marked it delivered but I got nothing",
        "{who} left the box in the middle of the street",
        "{who} never rang the bell and took it back",
        "The box came crushed and {p} inside was bent",
    ],
    "positive": [
        "{p} arrived {n} earlier than promised",
        "{p} is exactly like {pic}",
        "{p} fits like a glove",
        "Got {p} in {n}, way faster than I expected",
        "{p} made a real difference, my skin is softer",
        "{p} is so comfortable I wear it every day",
        "My second order this month, {p} is that good",
        "Already ordering {p} again for my sister",
        "The agent sorted it out in {t}, thanks",
        "Got my refund of {amt} the next day, thanks",
        "{p} came beautifully wrapped",
        "{p} still looks brand new after {n}",
        "The colour of {p} is even nicer than in {pic}",
        "Really pleased with {p}",
        "{p} was worth every penny",
        # praise told as plain facts: repeat buying, lasting, others noticing, accurate, quick help
        "Fourth time I buy {p} and it never disappoints",
        "{p} has held up for {n} and still no wear",
        "My friends keep asking where I got {p}",
        "The size chart was accurate, {p} fits just right",
        "Your agent answered in {t} and sorted everything",
        "{p} turned out even better than I imagined",
        "Gave {p} as a present and she loved it",
        "{p} is light, soft and the colour is spot on",
        "Haven't had a single issue with {p} in {n}",
        "Never had such a smooth delivery",
        "You have a loyal customer here",
        "{p} goes with everything I own",
    ],
    "neutral": [
        "Bought {p} {day}, order {num}",
        "I just paid order {num}",
        "My order number is {num}",
        "How long does delivery usually take?",
        "When will order {num} ship?",
        "Is {p} {cmp} than the {col} one?",
        "Does {p} run small or true to size?",
        "Do you have {p} in {col}?",
        "Can I swap {size} for {size2} before it ships?",
        "How long do refunds take to reach the card?",
        "Can I pay for {p} in two installments?",
        "Does {p} come with {part}?",
        "What is the wait time to talk to an agent?",
        "I'll wait for the tracking code then",
        "Is {amt} the final price with shipping?",
        "Can the courier leave it with my neighbour?",
        "I'd like to change the delivery address of order {num}",
        "Is {p} the same shade as in {pic}?",
        "ok, I'll check {day}",
        "Sent you the receipt of {amt}",
        "If {p} doesn't fit, how do I send it back?",
        "Paid by card just now for {p}",
        "What if order {num} arrives after {day}?",
        "Who do I talk to if {p} comes damaged?",
    ],
}

ES_SLOTS = {
    "p": [
        "el vestido",
        "las zapatillas",
        "el labial",
        "el corrector",
        "el rubor",
        "el perfume",
        "la mochila",
        "el buzo",
        "las botas",
        "los aretes",
        "la crema facial",
        "el cinturón",
        "la billetera",
        "la falda",
        "el secador",
        "los lentes de sol",
    ],
    "n": [
        "3 días",
        "una semana",
        "12 días",
        "dos semanas",
        "un mes",
        "nueve días",
        "5 días hábiles",
    ],
    "t": ["30 minutos", "una hora", "25 minutos", "dos horas", "45 minutos", "media hora"],
    "k": ["dos", "tres", "cuatro", "varios"],
    "day": ["el lunes", "el viernes", "el día 3", "la semana pasada", "el 15", "ayer"],
    "size": ["talla S", "talla M", "talla L", "un 36", "un 39", "talla única"],
    "size2": ["una XXL", "una talla de niño", "un 44", "una S", "un 42", "una XL"],
    "col": ["negro", "beige", "azul marino", "rosado", "blanco", "verde"],
    "col2": ["marrón", "gris", "morado", "naranja", "rojo", "amarillo"],
    "cmp": ["más claro", "más oscuro", "más chico", "más grande", "más corto", "más ajustado"],
    "pic": ["la foto", "la imagen", "la web", "el anuncio", "la descripción"],
    "part": ["el cargador", "la correa", "la tapa", "los botones", "el otro arete", "la caja"],
    "fail": [
        "se rompió",
        "se descosió",
        "se despegó",
        "dejó de funcionar",
        "se peló",
        "se destiñó",
    ],
    "num": ["4471", "90215", "3318", "61007", "2290"],
    "amt": ["$40.000", "S/ 89", "$15", "120 pesos"],
    "who": ["el repartidor", "el mensajero", "el courier", "el cartero"],
}

ES_TEMPLATES = {
    "negative": [
        "Pedí {p} hace {n} y nada",
        "Ya van {n} esperando el pedido {num}",
        "El seguimiento dice en tránsito desde {day}",
        "Tenía que llegar {day} y todavía no llega",
        "El pedido {num} tendría que haber llegado hace {n}",
        "Ni noticias de {p}, lo compré hace {n}",
        "Me siguen cambiando la fecha de entrega",
        "El pedido {num} lleva {n} parado en el depósito",
        "Pedí {size} y me mandaron {size2}",
        "Pedí {p} en {col} y llegó en {col2}",
        "El {col} que recibí en realidad es {col2}",
        "{p} es mucho {cmp} que en {pic}",
        "{p} no se parece en nada a {pic}",
        "{p} que recibí no es el de {pic}",
        "Me mandaron otra cosa en vez de {p}",
        "Es otro modelo, no el que pagué",
        "{p} viene dos tallas {cmp} de lo que dice la tabla",
        "{p} llegó sin {part}",
        "Al paquete le faltaba {part}",
        "Del pedido {num} llegó solo la mitad",
        "Pagué dos y llegó uno",
        "{p} {fail} a los {n}",
        "{p} {fail} el primer día de uso",
        "Se salió el cierre de {p}",
        "Se cayó {part} de {p} a los {n}",
        "{p} ya venía rayado cuando lo abrí",
        "{p} llegó abierto y por la mitad",
        "{t} en la línea y nadie atiende",
        "Hace {t} que espero que alguien conteste este chat",
        "Mandé {k} mensajes y nadie responde",
        "{k} correos y todavía sin respuesta",
        "Sigo esperando respuesta desde {day}",
        "Nadie me volvió a escribir desde {day}",
        "Quedaron en llamarme {day} y nadie llamó",
        "Le explico lo mismo a cada agente",
        "Me cobraron {k} veces el pedido {num}",
        "Me debitaron {amt} dos veces en la tarjeta",
        "Me sacaron {amt} de la cuenta y cancelaron el pedido",
        "El reembolso de {amt} no aparece en mi tarjeta después de {n}",
        "El cupón no se aplicó y pagué el precio completo",
        "Me cobraron {amt} de envío y era gratis",
        "Me cobraron {p} y nunca lo enviaron",
        "{who} dejó el paquete afuera bajo la lluvia",
        "{who} lo marcó como entregado y no recibí nada",
        "{who} dejó la caja en medio de la calle",
        "{who} no tocó el timbre y se lo llevó de vuelta",
        "La caja llegó aplastada y {p} venía doblado",
    ],
    "positive": [
        "{p} llegó {n} antes de lo prometido",
        "{p} es igualito a {pic}",
        "{p} me queda perfecto",
        "Recibí {p} en {n}, mucho más rápido de lo que esperaba",
        "{p} me cambió la piel, la tengo más suave",
        "{p} es tan cómodo que lo uso todos los días",
        "Segunda compra del mes, {p} es muy bueno",
        "Ya estoy pidiendo {p} otra vez para mi hermana",
        "La agente lo resolvió en {t}, gracias",
        "Me devolvieron los {amt} al día siguiente, gracias",
        "{p} vino envuelto precioso",
        "{p} sigue como nuevo después de {n}",
        "El color de {p} es todavía más lindo que en {pic}",
        "Muy contenta con {p}",
        "{p} valió cada peso",
        "Cuarta vez que compro {p} y nunca falla",
        "{p} aguantó {n} y sigue impecable",
        "Mis amigas me preguntan dónde compré {p}",
        "La tabla de talles era precisa, {p} me calza justo",
        "Su agente me contestó en {t} y resolvió todo",
        "{p} resultó aún mejor de lo que imaginaba",
        "Regalé {p} y a ella le fascinó",
        "{p} es liviano, suave y el color es tal cual",
        "No tuve ni un problema con {p} en {n}",
        "Nunca tuve una entrega tan fácil",
        "Acá tienen una clienta fiel",
        "{p} combina con todo lo que tengo",
    ],
    "neutral": [
        "Compré {p} {day}, pedido {num}",
        "Acabo de pagar el pedido {num}",
        "Mi número de pedido es {num}",
        "¿Cuánto suele tardar la entrega?",
        "¿Cuándo despachan el pedido {num}?",
        "¿{p} es {cmp} que el {col}?",
        "¿{p} talla chico o normal?",
        "¿Tienen {p} en {col}?",
        "¿Puedo cambiar {size} por {size2} antes del envío?",
        "¿Cuánto tarda el reembolso en llegar a la tarjeta?",
        "¿Puedo pagar {p} en dos cuotas?",
        "¿{p} viene con {part}?",
        "¿Cuánto hay que esperar para hablar con un agente?",
        "Entonces espero el código de seguimiento",
        "¿{amt} es el precio final con envío?",
        "¿El repartidor lo puede dejar con mi vecina?",
        "Quiero cambiar la dirección de entrega del pedido {num}",
        "¿{p} es del mismo tono que en {pic}?",
        "ok, reviso {day}",
        "Les mandé el comprobante de {amt}",
        "Si {p} no me queda, ¿cómo lo devuelvo?",
        "Recién pagué {p} con tarjeta",
        "¿Qué pasa si el pedido {num} llega después de {day}?",
        "¿Con quién hablo si {p} llega dañado?",
    ],
}


def expand(templates, slots, rng):
    """``[(text, label)]``: each template filled ``per_template`` times, no duplicates."""
    rows, seen = [], set()
    for label, family in templates.items():
        per_template = PER_TEMPLATE[label]
        for template in family:
            made = 0
            for _attempt in range(per_template * 6):
                text = template.format(
                    **{slot: rng.choice(values) for slot, values in slots.items()}
                )
                text = (
                    text[0].upper() + text[1:]
                    if text[0] != "¿"
                    else "¿" + text[1].upper() + text[2:]
                )
                if text not in seen:
                    seen.add(text)
                    rows.append((text, label))
                    made += 1
                if made >= per_template:
                    break
    rng.shuffle(rows)
    return rows


LABELS = {"neg": "negative", "neu": "neutral", "pos": "positive"}


def parse(block):
    """``[(text, label)]`` of ``neg|text`` / ``neu|text`` / ``pos|text`` lines."""
    pairs = (line.split("|", 1) for line in block.strip().splitlines())
    return [(text.strip(), LABELS[label]) for label, text in pairs]


def write(language, templates, slots, seed=11, supplement="implicit", sentences=""):
    rows = expand(templates, slots, random.Random(seed)) + parse(sentences)
    with open(HERE / f"sentiment_{language}_{supplement}.tsv", "w", encoding="utf-8") as handle:
        handle.write(
            f"# Generated by build_implicit.py (training rows: {supplement} complaints, praise and "
            "facts): text<TAB>label\n"
        )
        handle.writelines(f"{text}\t{label}\n" for text, label in rows)
    return len(rows)


if __name__ == "__main__":
    print("en", write("en", EN_TEMPLATES, EN_SLOTS))
    print("es", write("es", ES_TEMPLATES, ES_SLOTS))
    for code, family in (("en", implicit_events_en), ("es", implicit_events_es)):
        print(
            code,
            "events",
            write(code, family.TEMPLATES, family.SLOTS, 13, "events", family.SENTENCES),
        )
