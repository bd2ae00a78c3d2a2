# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Spanish (LatAm) source of the training sets: hand-written chat messages and templates."""

from corpus_pt import rows

SENTENCES = (
    rows(
        "purchase",
        """
neu|Quiero comprar el vestido azul, ¿cómo hago?
neu|¿Tienen las zapatillas en talla 38?
neu|¿Todavía hay stock del labial rojo?
pos|Me encantó la nueva colección, quiero dos blusas
neu|¿Puedo hacer el pedido por WhatsApp?
neu|¿Cuándo vuelve el perfume agotado?
neu|¿Tienen la cartera en color negro?
neu|Quiero encargar tres kits de maquillaje
neu|¿Venden al por mayor?
pos|Qué lindo ese conjunto, lo quiero ya
neu|¿La base viene en qué tonos?
neu|Me pasas el link para comprar la crema?
""",
    )
    + rows(
        "price",
        """
neu|¿Cuánto cuesta el kit de skincare?
neu|¿Cuál es el precio del jean?
neu|¿Hay descuento pagando en efectivo?
neu|¿En cuántas cuotas puedo pagar?
neu|¿Tienen cupón de primera compra?
neg|Me pareció muy caro, ¿no hay mejor precio?
neg|El cupón no funcionó y me cobraron de más
pos|¡Qué buen precio! Vale mucho la pena
neu|¿Cuánto sale en 6 cuotas sin interés?
neu|¿Sigue el 30% de descuento?
""",
    )
    + rows(
        "order_status",
        """
neu|¿Cuál es el estado de mi pedido 4512?
neu|¿Ya enviaron mi pedido?
neu|¿Me pasan el número de seguimiento?
neg|¿Dónde está mi pedido? Ya pasaron 15 días
neg|El seguimiento no se actualiza hace una semana
neu|¿Ya se aprobó el pago de mi compra?
neg|Me dijeron que llegaba ayer y nada
neu|¿Cuándo llega mi pedido?
pos|Gracias, ya vi que mi pedido salió
neu|hola, quería saber de mi pedido
""",
    )
    + rows(
        "shipping",
        """
neu|¿Cuánto es el envío a Córdoba?
neu|¿Hacen envíos a Monterrey?
neu|¿Cuál es el plazo de entrega a Medellín?
neu|¿Desde cuánto el envío es gratis?
neu|¿Puedo retirar en la tienda?
neg|El envío cuesta más que el producto, así no
neu|¿Con qué paquetería envían?
pos|¿Envío gratis? ¡Genial!
neg|Veinte días de entrega es demasiado
pos|Llegó rapidísimo, en dos días, me encantó
""",
    )
    + rows(
        "exchange_return",
        """
neu|Quiero cambiar la blusa por una talla más grande
neu|¿Cómo funciona la devolución?
neg|El vestido llegó en la talla equivocada, quiero cambiarlo
neg|Llegó el color equivocado, necesito devolverlo
neu|¿Cuál es el plazo para cambios?
neu|Quiero mi reembolso, ¿cómo hago?
neg|Recibí el producto con defecto, quiero devolverlo
neg|El reembolso todavía no aparece en mi tarjeta
pos|El cambio fue súper fácil, ¡gracias!
neu|¿Puedo cambiarlo por otro modelo?
""",
    )
    + rows(
        "complaint",
        """
neg|Pésima atención, nadie me responde
neg|Estoy muy decepcionada con la calidad
neg|El producto llegó roto, qué vergüenza
neg|Nunca más compro con ustedes
neg|No me gustó la tela, se ve muy barata
neg|La base me dio alergia
neg|Tres días esperando respuesta, qué falta de respeto
neg|El labial es horrible, no dura nada
neg|No recomiendo esta tienda a nadie
neg|El producto es totalmente distinto a la foto
neg|Qué bronca, pagué y no recibí nada
neg|La atención es lenta y no solucionan nada
neg|no me gusto nada, una estafa
""",
    )
    + rows(
        "compliment",
        """
pos|Me encantó el vestido, quedó perfecto
pos|Son geniales, atención de diez
pos|Llegó todo bien, muchas gracias
pos|El labial es maravilloso, dura todo el día
pos|La mejor tienda en la que compré
pos|Felicitaciones por la atención, muy amables
pos|Producto de excelente calidad, lo recomiendo
pos|No tengo quejas, todo perfecto
pos|No está nada mal, me gustó bastante
pos|No me arrepiento de la compra
pos|Muchas gracias por la ayuda
pos|Súper contenta con mi compra
pos|mil gracias, son lo máximo
""",
    )
    + rows(
        "support",
        """
neu|No puedo terminar la compra en la web
neg|La página da error al pagar
neu|Olvidé mi contraseña, ¿cómo la recupero?
neu|¿Cómo cambio la dirección de entrega?
neg|Pagué y el pedido sigue pendiente de pago
neu|No me llegó el correo de confirmación
neu|¿Cómo cancelo mi pedido?
neu|Mi tarjeta fue rechazada, ¿qué hago?
neg|Me cobraron dos veces en la tarjeta
neu|Necesito factura
neu|Quiero hablar con una persona
""",
    )
    + rows(
        "other",
        """
neu|Hola
neu|Buenos días
neu|Buenas tardes, ¿qué tal?
neu|Ok
neu|Dale
neu|Entiendo
neu|Quedo atenta
neu|¿Tienen vacantes de trabajo?
neu|¿Dónde queda la tienda física?
neu|¿Abren en el feriado?
neu|Soy influencer y quería una colaboración
neu|Un momento por favor
neu|Buenas noches
""",
    )
)

SLOTS = {
    "p": [
        "el vestido",
        "la blusa",
        "las zapatillas",
        "el jean",
        "el labial",
        "la base",
        "el perfume",
        "la crema",
        "la cartera",
        "el kit de maquillaje",
        "la remera",
        "el champú",
        "el sérum",
        "las sandalias",
        "la chaqueta",
        "el reloj",
        "el protector solar",
    ],
    "d": ["5", "7", "10", "15", "20"],
    "n": ["1234", "4589", "10233", "77812"],
    "pag": ["tarjeta", "transferencia", "efectivo", "Mercado Pago"],
    "city": ["Bogotá", "Lima", "Santiago", "Buenos Aires", "Guadalajara", "Quito", "Montevideo"],
    "size": ["S", "M", "L", "XL", "36", "38", "40"],
    "x": ["muy", "súper", "bastante", "re", "extremadamente"],
}

TEMPLATES = [
    ("Quiero comprar {p}, ¿todavía hay?", "neutral", "purchase"),
    ("¿Tienen {p} en talla {size}?", "neutral", "purchase"),
    ("¿Cuánto cuesta {p}?", "neutral", "price"),
    ("¿Hay descuento en {p} pagando con {pag}?", "neutral", "price"),
    ("{p} está {x} caro, ¿tienen cupón?", "negative", "price"),
    ("¿Mi pedido {n} ya fue enviado?", "neutral", "order_status"),
    ("Ya pasaron {d} días y mi pedido {n} no llega", "negative", "order_status"),
    ("¿Cuánto es el envío a {city}?", "neutral", "shipping"),
    ("¿Cuál es el plazo de entrega a {city}?", "neutral", "shipping"),
    ("El envío a {city} es {x} caro", "negative", "shipping"),
    ("Quiero cambiar {p} por la talla {size}", "neutral", "exchange_return"),
    ("{p} llegó con defecto, quiero mi dinero", "negative", "exchange_return"),
    ("Compré {p} y la calidad es {x} mala, no lo recomiendo", "negative", "complaint"),
    ("Estoy {x} decepcionada con {p}", "negative", "complaint"),
    ("Esperé {d} días y {p} llegó roto, pésimo", "negative", "complaint"),
    ("Me encantó {p}, calidad {x} buena", "positive", "compliment"),
    ("Compré {p} y me gustó {x}, lo recomiendo", "positive", "compliment"),
    ("{p} no está mal, me gustó", "positive", "compliment"),
    ("Pagué con {pag} y el pedido {n} no aparece", "negative", "support"),
    ("No puedo pagar con {pag} en la web", "neutral", "support"),
    ("Hola, les escribo desde {city}", "neutral", "other"),
]
PER_TEMPLATE = 8
VARIANTS = 90

SLANG_SWAPS = [
    ("que", "q"),
    ("porque", "xq"),
    ("también", "tb"),
    ("por favor", "porfa"),
    ("gracias", "grax"),
]
EMOJIS = {
    "positive": ["😍", "❤️", "🥰", "👏", "😊", "🙏", "jajaja", "!!!"],
    "negative": ["😡", "😤", "😢", "👎", "😭", "!!!", "😒"],
}

#: Texts whose intent differs from their block's (their sentiment stays where it is).
RELABEL = {"Quiero hablar con una persona": "human_request"}

#: Rows of the intent set only (the sentiment set is unchanged by them): requests for a person.
INTENT_ONLY = rows(
    "human_request",
    """
neu|Quiero hablar con un asesor
neu|¿Hay algún humano ahí?
neu|Pásame con un agente por favor
neu|¿Puedo hablar con alguien de la tienda?
neu|No quiero hablar con un robot
neu|prefiero hablar con una persona real
neu|Quiero hablar con el gerente
neu|Necesito un operador
neu|Comunícame con un asesor humano
neu|¿Me atiende una persona de verdad?
neu|quiero atencion humana
neu|eres un bot? quiero una persona
neu|Necesito hablar con alguien del equipo
neu|Pásame con un vendedor
neu|Quiero que me llame alguien de la tienda
""",
)
