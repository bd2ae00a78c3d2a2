# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The offline writer's phrase banks, written separately for each language.

They are not translations of one another: each language has its own idioms, word order and
calls to action, and several alternatives per slot so that products of one category do not
read alike. Placeholders: ``{name}``, ``{category}``, ``{company}``, ``{price}``, ``{old}``,
``{new}``, ``{percent}``, ``{campaign}``, ``{lead}`` (``{Lead}`` capitalised), ``{values}``, ``{attribute}`` and
``{first_name}`` (the template variable ``{{1}}``). No bank contains a number: every figure
in a piece comes from the product.
"""

PHRASES = {
    "pt": {
        "and": "e",
        "short_open": (
            "{name}: {lead}.",
            "{Lead}: assim é {name}.",
            "Seu novo favorito em {category}: {name}. {Lead}.",
            "{name} chegou para ficar. {Lead}.",
            "Para quem ama {category}, {name}: {lead}.",
        ),
        "intro": (
            "{name} faz parte da nossa seleção de {category} na {company}.",
            "Na {company}, {name} é um dos destaques de {category}.",
            "Quem procura {category} com personalidade encontra em {name} uma ótima escolha.",
            "Pensado para o dia a dia, {name} é da linha {category} da {company}.",
        ),
        "attribute": ("Opções de {attribute}: {values}.", "Você escolhe {attribute}: {values}."),
        "price": ("Sai por {price}.", "Preço: {price}.", "Leve por {price}."),
        "offer": (
            "De {old} por {new}: {percent}% de desconto.",
            "Aproveite: de {old} por apenas {new} ({percent}% off).",
            "Só agora, {name} de {old} por {new}.",
        ),
        "offer_campaign": "Oferta {campaign}.",
        "closing": (
            "Garanta o seu na {company}.",
            "Peça já o seu e aproveite.",
            "Fale com a gente e garanta o seu.",
            "Corre, que é por tempo limitado!",
        ),
        "closing_plain": (
            "Garanta o seu na {company}.",
            "Peça já o seu.",
            "Fale com a gente e garanta o seu.",
        ),
        "seo": ("{name} | {category}", "{name} - {category}", "Compre {name}"),
        "meta": (
            "Compre {name} na {company}. {Lead}.",
            "{name} em {category}: {lead}. Na {company}.",
            "{Lead}. Conheça {name} na {company}.",
        ),
        "hook": (
            "Já conhece {name}?",
            "Novidade que você vai amar: {name}.",
            "Olha só quem chegou: {name}!",
            "{name} é daqueles que a gente não larga mais.",
            "Seu próximo queridinho de {category}: {name}.",
        ),
        "cta_social": (
            "Chama no direct e garanta o seu!",
            "Comenta aqui qual você quer!",
            "Link na bio para comprar.",
            "Manda mensagem e a gente separa o seu.",
        ),
        "cta_link": "Compre aqui: {link}",
        "wa_open": (
            "Olá, {first_name}! Temos novidade na {company}: {name}.",
            "Oi, {first_name}! Separamos uma dica para você: {name}.",
            "{first_name}, olha o que chegou na {company}: {name}.",
        ),
        "wa_close": (
            "Responda esta mensagem para garantir o seu.",
            "Quer que a gente reserve o seu? É só responder.",
        ),
        "subject": (
            "{name}: você vai gostar",
            "Novidade em {category}: {name}",
            "{name} na {company}",
            "Conheça {name}",
        ),
        "subject_offer": (
            "{name} com {percent}% off",
            "{name} de {old} por {new}",
            "Oferta: {name}",
        ),
        "mail_greeting": "Olá, {first_name}!",
        "mail_sign": "Um abraço,\nEquipe {company}",
        "bullet_category": "Da linha {category} da {company}",
        "bullet_price": "Preço: {price}",
        "bullet_offer": "De {old} por {new}",
        "bullet_attribute": "{attribute}: {values}",
        "brief_title": "Brief de imagem: {name} ({format})",
        "brief_composition": {
            "feed": "Produto centralizado, ocupando cerca de metade do quadro, fundo limpo.",
            "portrait": "Produto no terço inferior, espaço livre acima para o título.",
            "story": "Produto ao centro, texto no meio da tela, longe das bordas de cima e "
            "de baixo.",
            "link": "Produto à direita, título à esquerda, leitura horizontal.",
        },
        "brief_overlay": "Texto sobreposto: {text}",
        "brief_safe": "Zona segura: {left}px à esquerda, {top}px no topo, {right}px à direita, "
        "{bottom}px embaixo.",
        "brief_props": "Objetos de cena: {props}.",
        "brief_props_none": "Sem objetos de cena: só o produto.",
        "brief_background": "Fundo: {colour}.",
        "brief_palette": "Paleta: {colours}. Texto em {text_colour}.",
        "lead_fallback": (
            "um clássico de {category}",
            "o toque que faltava em {category}",
            "{category} do jeito que você gosta",
        ),
    },
    "es": {
        "and": "y",
        "short_open": (
            "{name}: {lead}.",
            "{Lead}: así es {name}.",
            "Tu nuevo favorito en {category}: {name}. {Lead}.",
            "Descubre {name}: {lead}.",
            "Si te encanta {category}, {name} es para ti: {lead}.",
        ),
        "intro": (
            "{name} forma parte de nuestra selección de {category} en {company}.",
            "En {company}, {name} es uno de los imprescindibles de {category}.",
            "Si buscas {category} con carácter, {name} es una gran elección.",
            "Pensado para tu día a día, {name} pertenece a la línea {category} de {company}.",
        ),
        "attribute": ("Opciones de {attribute}: {values}.", "Elige {attribute}: {values}."),
        "price": ("Precio: {price}.", "Llévatelo por {price}.", "Por solo {price}."),
        "offer": (
            "Antes {old}, ahora {new}: {percent}% de descuento.",
            "¡Aprovecha! Antes {old}, ahora solo {new} ({percent}% menos).",
            "Solo por ahora, {name} pasa de {old} a {new}.",
        ),
        "offer_campaign": "Promoción {campaign}.",
        "closing": (
            "Consíguelo en {company}.",
            "Pide el tuyo hoy mismo.",
            "Escríbenos y te lo reservamos.",
            "¡Date prisa, es por tiempo limitado!",
        ),
        "closing_plain": (
            "Consíguelo en {company}.",
            "Pide el tuyo hoy mismo.",
            "Escríbenos y te lo reservamos.",
        ),
        "seo": ("{name} | {category}", "{name} - {category}", "Compra {name}"),
        "meta": (
            "Compra {name} en {company}. {Lead}.",
            "{name}, {category}: {lead}. En {company}.",
            "{Lead}. Descubre {name} en {company}.",
        ),
        "hook": (
            "¿Ya conoces {name}?",
            "Una novedad que te va a encantar: {name}.",
            "¡Mira quién llegó: {name}!",
            "{name} es de esos que no sueltas.",
            "Tu próximo favorito de {category}: {name}.",
        ),
        "cta_social": (
            "¡Escríbenos por mensaje directo y asegura el tuyo!",
            "¡Cuéntanos en los comentarios cuál quieres!",
            "Enlace en la bio para comprar.",
            "Mándanos un mensaje y te lo apartamos.",
        ),
        "cta_link": "Cómpralo aquí: {link}",
        "wa_open": (
            "¡Hola, {first_name}! Tenemos novedades en {company}: {name}.",
            "¡Hola, {first_name}! Te guardamos una recomendación: {name}.",
            "{first_name}, mira lo que llegó a {company}: {name}.",
        ),
        "wa_close": (
            "Responde este mensaje para asegurar el tuyo.",
            "¿Te lo reservamos? Solo responde.",
        ),
        "subject": (
            "{name}: te va a encantar",
            "Novedad en {category}: {name}",
            "{name} en {company}",
            "Descubre {name}",
        ),
        "subject_offer": (
            "{name} con {percent}% de descuento",
            "{name}: antes {old}, ahora {new}",
            "Promoción: {name}",
        ),
        "mail_greeting": "¡Hola, {first_name}!",
        "mail_sign": "Un saludo,\nEl equipo de {company}",
        "bullet_category": "De la línea {category} de {company}",
        "bullet_price": "Precio: {price}",
        "bullet_offer": "Antes {old}, ahora {new}",
        "bullet_attribute": "{attribute}: {values}",
        "brief_title": "Brief de imagen: {name} ({format})",
        "brief_composition": {
            "feed": "Producto centrado, ocupando cerca de la mitad del encuadre, fondo limpio.",
            "portrait": "Producto en el tercio inferior, espacio libre arriba para el titular.",
            "story": "Producto al centro, texto en la mitad de la pantalla, lejos de los bordes.",
            "link": "Producto a la derecha, titular a la izquierda, lectura horizontal.",
        },
        "brief_overlay": "Texto superpuesto: {text}",
        "brief_safe": "Zona segura: {left}px a la izquierda, {top}px arriba, {right}px a la "
        "derecha, {bottom}px abajo.",
        "brief_props": "Atrezo: {props}.",
        "brief_props_none": "Sin atrezo: solo el producto.",
        "brief_background": "Fondo: {colour}.",
        "brief_palette": "Paleta: {colours}. Texto en {text_colour}.",
        "lead_fallback": (
            "un clásico de {category}",
            "el detalle que le faltaba a tu {category}",
            "{category} como a ti te gusta",
        ),
    },
    "en": {
        "and": "and",
        "short_open": (
            "{name}: {lead}.",
            "{Lead}: that is {name}.",
            "Your new {category} favourite: {name}. {Lead}.",
            "Meet {name}: {lead}.",
            "Made for {category} lovers, {name}: {lead}.",
        ),
        "intro": (
            "{name} is part of our {category} selection at {company}.",
            "At {company}, {name} is one of the {category} highlights.",
            "Looking for {category} with character? {name} is a great pick.",
            "Designed for everyday life, {name} belongs to the {category} line at {company}.",
        ),
        "attribute": ("{attribute} options: {values}.", "Choose your {attribute}: {values}."),
        "price": ("Yours for {price}.", "Price: {price}.", "Just {price}."),
        "offer": (
            "Was {old}, now {new}: {percent}% off.",
            "Don't miss it: was {old}, now only {new} ({percent}% off).",
            "For a limited time, {name} drops from {old} to {new}.",
        ),
        "offer_campaign": "{campaign} offer.",
        "closing": (
            "Get yours at {company}.",
            "Order yours today.",
            "Message us and we'll set one aside for you.",
            "Hurry, it won't last long!",
        ),
        "closing_plain": (
            "Get yours at {company}.",
            "Order yours today.",
            "Message us and we'll set one aside for you.",
        ),
        "seo": ("{name} | {category}", "{name} - {category}", "Buy {name}"),
        "meta": (
            "Buy {name} at {company}. {Lead}.",
            "{name}, {category}: {lead}. At {company}.",
            "{Lead}. Discover {name} at {company}.",
        ),
        "hook": (
            "Have you met {name} yet?",
            "A new arrival you'll love: {name}.",
            "Look who just landed: {name}!",
            "{name} is the kind you never put down.",
            "Your next {category} crush: {name}.",
        ),
        "cta_social": (
            "DM us to get yours!",
            "Tell us in the comments which one you want!",
            "Link in bio to shop.",
            "Send us a message and we'll save one for you.",
        ),
        "cta_link": "Shop here: {link}",
        "wa_open": (
            "Hi {first_name}! Something new at {company}: {name}.",
            "Hi {first_name}, we picked something for you: {name}.",
            "{first_name}, look what just arrived at {company}: {name}.",
        ),
        "wa_close": (
            "Reply to this message to get yours.",
            "Want us to save one for you? Just reply.",
        ),
        "subject": (
            "{name}: you'll love it",
            "New in {category}: {name}",
            "{name} at {company}",
            "Meet {name}",
        ),
        "subject_offer": (
            "{name}, {percent}% off",
            "{name}: was {old}, now {new}",
            "Offer: {name}",
        ),
        "mail_greeting": "Hi {first_name},",
        "mail_sign": "Best wishes,\nThe {company} team",
        "bullet_category": "From the {category} line at {company}",
        "bullet_price": "Price: {price}",
        "bullet_offer": "Was {old}, now {new}",
        "bullet_attribute": "{attribute}: {values}",
        "brief_title": "Image brief: {name} ({format})",
        "brief_composition": {
            "feed": "Product centred, filling about half the frame, clean background.",
            "portrait": "Product in the lower third, free space above for the headline.",
            "story": "Product centred, text mid-screen, clear of the top and bottom edges.",
            "link": "Product on the right, headline on the left, reads left to right.",
        },
        "brief_overlay": "Text overlay: {text}",
        "brief_safe": "Safe zone: {left}px left, {top}px top, {right}px right, {bottom}px bottom.",
        "brief_props": "Props: {props}.",
        "brief_props_none": "No props: the product alone.",
        "brief_background": "Background: {colour}.",
        "brief_palette": "Palette: {colours}. Text in {text_colour}.",
        "lead_fallback": (
            "a {category} classic",
            "the finishing touch your {category} needed",
            "{category} just the way you like it",
        ),
    },
}
#: Emojis by words of the category (normalised), then a neutral set.
EMOJIS = (
    (("batom", "labial", "lipstick", "maquiagem", "makeup", "beleza", "beauty"), "💄", "✨"),
    (("perfume", "fragrancia", "fragrance"), "🌸", "✨"),
    (("skin", "pele", "creme", "crema", "cream", "hidrat"), "🧴", "💧"),
    (("camis", "vestid", "roupa", "ropa", "dress", "shirt", "moda", "fashion"), "👗", "🛍️"),
    (("tenis", "sapato", "zapat", "shoe", "calcad"), "👟", "🔥"),
    (("cafe", "coffee", "doce", "food", "aliment", "comida"), "☕", "😋"),
    (("fone", "phone", "eletr", "electr", "tech"), "🎧", "⚡"),
)
DEFAULT_EMOJIS = ("✨", "🛍️")
