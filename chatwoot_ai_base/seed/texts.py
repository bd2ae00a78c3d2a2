# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What customers and agents write, in pt-BR, es and en, by intent and sentiment.

Templates use ``str.format`` fields: ``{first_name}``, ``{product}``, ``{order_ref}``,
``{agent}``, ``{days}``, ``{city}``, ``{coupon}``, ``{price}``. A missing sentiment falls back to
``neutral``. Activity messages and private notes are written in the account's language
(pt-BR), as Chatwoot does.
"""

#: The intents of the suite's vocabulary (``ai/intents.py``) the demo customers write in: all
#: but ``human_request`` (the demo's conversations are already with people). The seed package
#: stands alone, so they are spelt out; a test keeps them in the vocabulary.
INTENTS = (
    "purchase",
    "price",
    "order_status",
    "shipping",
    "exchange_return",
    "complaint",
    "compliment",
    "support",
    "other",
)
SENTIMENTS = ("positive", "neutral", "negative")

#: Chatwoot labels agents put on conversations, by intent.
LABELS = {
    "purchase": "compra",
    "price": "preco",
    "order_status": "status-pedido",
    "shipping": "entrega",
    "exchange_return": "troca-devolucao",
    "complaint": "reclamacao",
    "compliment": "elogio",
    "support": "suporte",
    "other": "outros",
}

PT = {
    "opening": {
        "purchase": {
            "positive": [
                "Oi! Amei o {product} 😍 Ainda tem disponível?",
                "Boa tarde! Quero muito comprar o {product}, vocês entregam em {city}?",
                "Olá!! Vi o {product} no Instagram de vocês e me apaixonei ✨ Como faço pra "
                "comprar?",
                "Oiii, tô namorando o {product} faz tempo kkk tem cupom pra primeira compra?",
            ],
            "neutral": [
                "Olá, o {product} está disponível?",
                "Bom dia. Gostaria de saber se o {product} tem pronta entrega.",
                "Oi, quais as formas de pagamento? Quero levar o {product}.",
                "Boa noite, dá pra parcelar o {product} no cartão?",
                "Oi! Qual a diferença entre o {product} e a versão anterior?",
            ],
            "negative": [
                "Tentei comprar o {product} pelo site e deu erro no pagamento 😕",
                "O site não deixa eu finalizar a compra do {product}, alguém pode me ajudar?",
            ],
        },
        "price": {
            "positive": [
                "Oi! Qual o valor do {product}? Vi que tá com desconto 😍",
                "Olá, o {product} vai entrar na promoção? Tô de olho 👀",
            ],
            "neutral": [
                "Quanto custa o {product}?",
                "Oi, qual o preço do {product} no tamanho maior?",
                "Boa tarde, o frete para {city} fica quanto?",
                "Vocês fazem desconto no Pix?",
                "Tem algum cupom de desconto ativo?",
            ],
            "negative": [
                "Nossa, o {product} aumentou de preço? Semana passada tava mais barato 😒",
                "O frete pra {city} tá muito caro, não tem outra opção?",
            ],
        },
        "order_status": {
            "neutral": [
                "Oi, gostaria de saber o status do meu pedido {order_ref}.",
                "Boa tarde! Meu pedido {order_ref} já foi enviado?",
                "Olá, pode me passar o código de rastreio do pedido {order_ref}?",
                "Oi! Fiz o pedido {order_ref} e queria saber a previsão de entrega.",
            ],
            "negative": [
                "Meu pedido {order_ref} está atrasado já faz {days} dias. O que aconteceu?",
                "Até agora nada do pedido {order_ref} 😤 O rastreio não atualiza!",
                "Oi, o pedido {order_ref} consta como entregue mas eu não recebi nada!",
            ],
            "positive": [
                "Oi! Só conferindo meu pedido {order_ref}, tô ansiosa pra receber 🥰",
            ],
        },
        "shipping": {
            "neutral": [
                "Vocês entregam em {city}? Qual o prazo?",
                "Oi, consigo retirar o pedido {order_ref} em alguma loja física?",
                "Qual transportadora vocês usam para {city}?",
                "Dá pra mudar o endereço de entrega do pedido {order_ref}?",
                "Frete grátis vale a partir de quanto?",
            ],
            "negative": [
                "O entregador veio e ninguém avisou, agora o pedido {order_ref} voltou 😩",
                "O prazo de entrega para {city} é muito longo, não dá pra agilizar?",
            ],
            "positive": [
                "Oi! Chegou super rápido meu último pedido, vocês entregam {product} também em "
                "{city}? 😊",
            ],
        },
        "exchange_return": {
            "neutral": [
                "Oi, o {product} ficou pequeno. Como faço a troca?",
                "Gostaria de trocar o {product} do pedido {order_ref} por outro tamanho.",
                "Olá, qual o prazo para devolução? Não gostei da cor do {product}.",
                "Quero devolver o {product}, como funciona o reembolso?",
            ],
            "negative": [
                "O {product} veio com defeito 😞 quero trocar ou o dinheiro de volta.",
                "Recebi o {product} errado no pedido {order_ref}! Pedi outra cor.",
                "A cor do {product} é totalmente diferente da foto do site 😒",
            ],
            "positive": [
                "Oi! Amei o {product} mas ficou um pouquinho grande, posso trocar por um menor? 🙏",
            ],
        },
        "complaint": {
            "negative": [
                "Péssimo atendimento! Estou esperando resposta desde ontem sobre o pedido "
                "{order_ref} 😡",
                "Absurdo, cobraram duas vezes no meu cartão pelo pedido {order_ref}!",
                "Estou muito decepcionada. O {product} chegou vazando e a caixa toda amassada.",
                "Já é a terceira vez que reclamo e ninguém resolve. Vou abrir reclamação no "
                "Procon.",
                "O {product} me deu alergia, a pele ficou toda vermelha 😢",
                "Comprei na Black Friday e até hoje nada. Que falta de respeito!",
            ],
            "neutral": [
                "Oi, queria registrar uma reclamação sobre o pedido {order_ref}.",
                "Boa tarde, o {product} chegou com a tampa quebrada.",
            ],
        },
        "compliment": {
            "positive": [
                "Gente, o {product} é maravilhoso!! Já virei cliente fiel 😍😍",
                "Passando só pra agradecer, chegou tudo perfeito e antes do prazo 💖",
                "Amei o atendimento da {agent} da última vez, super atenciosa! Obrigada ✨",
                "O {product} superou minhas expectativas, a embalagem é linda 🎁",
                "Melhor loja! Comprei o {product} pra minha mãe e ela amou 🥰",
            ],
            "neutral": [
                "Recebi o pedido {order_ref}, tudo certo. Obrigado.",
            ],
        },
        "support": {
            "neutral": [
                "Oi, como uso o {product}? Passo antes ou depois do hidratante?",
                "Não consigo acessar minha conta no site, pode me ajudar?",
                "Esqueci a senha do site e não chega o e-mail de recuperação.",
                "O {product} pode ser usado por gestantes?",
                "Como faço pra emitir a nota fiscal do pedido {order_ref}?",
                "O {product} é vegano e cruelty free?",
            ],
            "negative": [
                "O cupom {coupon} não funciona no site, aparece como inválido 😕",
                "O app de vocês trava toda vez que tento ver meus pedidos.",
            ],
            "positive": [
                "Oi! Vocês têm alguma dica de rotina de skincare pra pele oleosa? Amo os produtos "
                "de vocês 😊",
            ],
        },
        "other": {
            "neutral": [
                "Oi",
                "Olá, bom dia!",
                "Vocês têm loja física em {city}?",
                "Vocês estão contratando? Gostaria de enviar meu currículo.",
                "Qual o horário de atendimento?",
                "Vocês fazem parceria com influenciadoras?",
            ],
            "positive": [
                "Oi! Vi vocês no stories da minha influencer favorita 😍",
            ],
        },
    },
    "customer_followup": {
        "purchase": [
            "Perfeito! Vou fechar agora então 🛒",
            "E dá pra parcelar em quantas vezes?",
            "Tem em outras cores?",
            "Ótimo, obrigada!",
            "Pode me mandar o link?",
        ],
        "price": [
            "Entendi. E no Pix fica quanto?",
            "Tem frete grátis?",
            "Ok, vou pensar 🤔",
            "Show, vou aproveitar!",
        ],
        "order_status": [
            "Ok, aguardo então.",
            "Pode me mandar o código de rastreio?",
            "Mas o prazo já passou...",
            "Beleza, obrigada!",
        ],
        "shipping": [
            "Certo, e o prazo é em dias úteis?",
            "Ok!",
            "Pode alterar pra mim, por favor?",
        ],
        "exchange_return": [
            "Preciso mandar na embalagem original?",
            "Ok, vou postar amanhã nos Correios.",
            "E o estorno cai em quanto tempo?",
            "Tá bom, obrigada.",
        ],
        "complaint": [
            "Quero uma solução hoje!",
            "Já mandei as fotos por aqui.",
            "Isso não pode acontecer de novo.",
            "E o reembolso?",
        ],
        "compliment": ["Vocês são demais! 💕", "Com certeza vou comprar de novo!"],
        "support": ["Deu certo agora, obrigada!", "Ainda não funcionou 😕", "Ah entendi!"],
        "other": ["Obrigada!", "Ok", "Ah, legal!"],
    },
    "agent_first": {
        "purchase": [
            "Olá, {first_name}! Tudo bem? Sou a {agent} 😊 Temos sim o {product} disponível!",
            "Oi, {first_name}! Que bom que gostou ✨ O {product} está em estoque e entregamos em "
            "{city}.",
            "Olá! Aqui é a {agent}. Você pode parcelar em até 6x sem juros no cartão 💳",
        ],
        "price": [
            "Oi, {first_name}! O {product} sai por {price}, e no Pix tem 5% de desconto 😉",
            "Olá! Hoje o {product} está por {price}. Use o cupom {coupon} na primeira compra!",
            "Oi, {first_name}! O frete para {city} é grátis acima de R$ 199,00 🚚",
        ],
        "order_status": [
            "Oi, {first_name}! Já verifiquei: o pedido {order_ref} foi enviado e chega em até "
            "{days} dias úteis.",
            "Olá! Sinto muito pela demora 😔 Vou verificar com a transportadora agora mesmo.",
            "Oi, {first_name}! O pedido {order_ref} está em separação e sai amanhã.",
        ],
        "shipping": [
            "Olá, {first_name}! Entregamos em {city} sim, o prazo médio é de {days} dias úteis.",
            "Oi! Consigo alterar o endereço enquanto o pedido {order_ref} não foi despachado 😊",
        ],
        "exchange_return": [
            "Oi, {first_name}! A primeira troca é grátis em até 30 dias. Vou gerar o código de "
            "postagem pra você.",
            "Olá! Sinto muito pelo ocorrido 😔 Pode me enviar uma foto do {product}?",
            "Oi, {first_name}! Claro, fazemos a troca sim. Qual tamanho você prefere?",
        ],
        "complaint": [
            "Olá, {first_name}. Peço sinceras desculpas pelo transtorno 🙏 Já estou verificando o "
            "pedido {order_ref}.",
            "Oi, {first_name}, aqui é a {agent}. Sinto muito mesmo, vou resolver isso pra você "
            "agora.",
            "Olá! Lamentamos muito. Pode me enviar fotos do {product} para abrirmos a ocorrência?",
        ],
        "compliment": [
            "Aaah, {first_name}, que alegria ler isso! 💖 Obrigada pelo carinho!",
            "Oi, {first_name}! Ficamos muito felizes 🥰 Vou repassar para toda a equipe!",
        ],
        "support": [
            "Oi, {first_name}! Aplique o {product} depois da limpeza e antes do hidratante 😉",
            "Olá! Vou te ajudar: clique em 'Esqueci minha senha' e confira também a caixa de spam.",
            "Oi, {first_name}! Sim, todos os nossos produtos são veganos e cruelty free 🐰",
        ],
        "other": [
            "Olá, {first_name}! Como posso te ajudar hoje? 😊",
            "Oi! Atendemos de segunda a sexta das 8h às 22h e aos sábados das 9h às 18h.",
            "Olá! No momento somos uma loja 100% online, mas entregamos em todo o Brasil 🇧🇷",
        ],
    },
    "agent_followup": [
        "Perfeito! Qualquer dúvida é só chamar 😊",
        "Prontinho, {first_name}! Já deixei tudo certo por aqui.",
        "Enviei o link por aqui, é só clicar 👉",
        "Vou acompanhar de perto e te aviso assim que tiver novidades.",
        "Isso mesmo! Mais alguma coisa em que posso ajudar?",
        "Já solicitei o estorno, ele aparece na fatura em até 2 ciclos.",
        "Gerei um cupom de 10% pra sua próxima compra: {coupon} 💝",
    ],
    "customer_closing": {
        "positive": [
            "Muito obrigada!! 😍",
            "Vocês são incríveis, obrigada!",
            "Valeu! 🙏",
            "Obrigada pela atenção ❤️",
        ],
        "neutral": ["Ok, obrigado.", "Certo.", "Obrigada.", "👍"],
        "negative": [
            "Espero que resolvam mesmo.",
            "Vou aguardar, mas estou insatisfeita.",
            "Não gostei da solução, mas ok.",
            "Última vez que compro aqui.",
        ],
    },
    "agent_closing": [
        "Imagina, {first_name}! Tenha um ótimo dia 🌸",
        "Por nada! Estamos sempre por aqui 😊",
        "Obrigada você, {first_name}! Até a próxima 💖",
    ],
    "off_hours": [
        "Olá! 👋 Recebemos sua mensagem. Nosso atendimento funciona de segunda a sexta, "
        "das 8h às 22h, e aos sábados, das 9h às 18h. Responderemos assim que possível!",
    ],
}

ES = {
    "opening": {
        "purchase": {
            "positive": [
                "¡Hola! Me encantó el {product} 😍 ¿Todavía hay stock?",
                "¡Buenas! Quiero comprar el {product}, ¿hacen envíos a {city}?",
            ],
            "neutral": [
                "Hola, ¿el {product} está disponible?",
                "Buenas tardes, ¿qué medios de pago aceptan?",
                "Hola, ¿se puede pagar en cuotas el {product}?",
            ],
            "negative": ["Intenté comprar el {product} en la web y el pago dio error 😕"],
        },
        "price": {
            "neutral": [
                "¿Cuánto cuesta el {product}?",
                "¿Cuánto sale el envío a {city}?",
                "¿Tienen algún cupón de descuento?",
            ],
            "negative": ["El envío a {city} es carísimo, ¿no hay otra opción?"],
            "positive": ["¡Hola! ¿El {product} entra en la promo? 👀"],
        },
        "order_status": {
            "neutral": [
                "Hola, quería saber el estado de mi pedido {order_ref}.",
                "¿Me pasan el código de seguimiento del pedido {order_ref}?",
            ],
            "negative": [
                "Mi pedido {order_ref} tiene {days} días de retraso. ¿Qué pasó?",
                "El pedido {order_ref} figura como entregado pero no recibí nada 😤",
            ],
        },
        "shipping": {
            "neutral": [
                "¿Envían a {city}? ¿Cuánto demora?",
                "¿Puedo cambiar la dirección de entrega del pedido {order_ref}?",
            ],
            "negative": ["El plazo de entrega a {city} es demasiado largo."],
        },
        "exchange_return": {
            "neutral": [
                "Hola, el {product} me quedó chico. ¿Cómo hago el cambio?",
                "Quiero devolver el {product}, ¿cómo funciona el reembolso?",
            ],
            "negative": [
                "El {product} llegó fallado 😞 quiero cambiarlo.",
                "Me llegó el {product} equivocado en el pedido {order_ref}.",
            ],
        },
        "complaint": {
            "negative": [
                "¡Pésima atención! Hace dos días que espero respuesta sobre el pedido {order_ref} "
                "😡",
                "Me cobraron dos veces el pedido {order_ref}. ¡Una vergüenza!",
                "Estoy muy decepcionada, el {product} llegó roto.",
            ],
            "neutral": ["Hola, quiero hacer un reclamo por el pedido {order_ref}."],
        },
        "compliment": {
            "positive": [
                "¡El {product} es divino! Ya soy clienta fiel 😍",
                "Solo quería agradecer, llegó todo perfecto y antes de tiempo 💖",
                "¡Excelente atención, muchas gracias! ✨",
            ],
        },
        "support": {
            "neutral": [
                "Hola, ¿cómo se usa el {product}?",
                "No puedo entrar a mi cuenta en la web, ¿me ayudan?",
                "¿El {product} es vegano?",
            ],
            "negative": ["El cupón {coupon} no funciona en la web 😕"],
        },
        "other": {
            "neutral": [
                "Hola",
                "¿Tienen tienda física en {city}?",
                "¿Cuál es el horario de atención?",
            ],
        },
    },
    "customer_followup": {
        "purchase": ["¡Perfecto! Lo compro ahora 🛒", "¿En cuántas cuotas?", "¡Genial, gracias!"],
        "price": ["¿Y con transferencia cuánto queda?", "Ok, lo voy a pensar 🤔"],
        "order_status": ["Ok, espero entonces.", "Pero ya pasó el plazo..."],
        "shipping": ["¿Son días hábiles?", "¡Ok!"],
        "exchange_return": [
            "¿Tengo que mandarlo en la caja original?",
            "¿Y el reembolso cuándo se acredita?",
        ],
        "complaint": ["¡Quiero una solución hoy!", "Ya mandé las fotos por acá."],
        "compliment": ["¡Son geniales! 💕"],
        "support": ["¡Ahora funcionó, gracias!", "Todavía no funciona 😕"],
        "other": ["¡Gracias!", "Ok"],
    },
    "agent_first": {
        "purchase": [
            "¡Hola, {first_name}! Soy {agent} 😊 Sí, tenemos el {product} disponible.",
            "¡Hola! Hacemos envíos internacionales a {city} 📦",
        ],
        "price": [
            "¡Hola, {first_name}! El {product} cuesta {price}.",
            "¡Hola! Con el cupón {coupon} tenés 10% en la primera compra 😉",
        ],
        "order_status": [
            "¡Hola, {first_name}! Tu pedido {order_ref} ya fue despachado y llega en {days} días "
            "hábiles.",
            "Hola, disculpá la demora 😔 Ya lo consulto con el transporte.",
        ],
        "shipping": ["¡Hola! Sí, enviamos a {city}, el plazo promedio es de {days} días hábiles."],
        "exchange_return": [
            "¡Hola, {first_name}! El primer cambio es gratis dentro de los 30 días.",
            "Lamentamos lo ocurrido 😔 ¿Nos mandás una foto del {product}?",
        ],
        "complaint": [
            "Hola, {first_name}. Te pido disculpas por las molestias 🙏 Ya reviso el pedido "
            "{order_ref}.",
            "Hola, soy {agent}. Lo siento mucho, lo resuelvo ahora mismo.",
        ],
        "compliment": ["¡Qué alegría leer esto, {first_name}! 💖 ¡Gracias!"],
        "support": [
            "¡Hola, {first_name}! Aplicá el {product} después de la limpieza 😉",
            "¡Hola! Hacé clic en 'Olvidé mi contraseña' y revisá el spam.",
        ],
        "other": [
            "¡Hola, {first_name}! ¿En qué te puedo ayudar? 😊",
            "Atendemos de lunes a viernes de 8 a 22 h (hora de Brasilia).",
        ],
    },
    "agent_followup": [
        "¡Perfecto! Cualquier duda, escribinos 😊",
        "Listo, {first_name}, ya quedó todo.",
        "Te aviso apenas tenga novedades.",
        "Te dejo un cupón de 10% para tu próxima compra: {coupon} 💝",
    ],
    "customer_closing": {
        "positive": ["¡Muchas gracias! 😍", "¡Son lo más, gracias!"],
        "neutral": ["Ok, gracias.", "👍"],
        "negative": ["Espero que lo solucionen.", "No me gustó la solución, pero bueno."],
    },
    "agent_closing": ["¡De nada, {first_name}! Que tengas un lindo día 🌸", "¡Gracias a vos! 💖"],
    "off_hours": [
        "¡Hola! 👋 Recibimos tu mensaje. Atendemos de lunes a viernes de 8 a 22 h "
        "(hora de Brasilia). ¡Te respondemos pronto!"
    ],
}

EN = {
    "opening": {
        "purchase": {
            "positive": [
                "Hi! I love the {product} 😍 Is it still in stock?",
                "Hello! Do you ship the {product} to {city}?",
            ],
            "neutral": [
                "Hi, is the {product} available?",
                "Which payment methods do you accept?",
                "Can I pay the {product} in installments with a foreign card?",
            ],
            "negative": ["I tried to buy the {product} on the website but the payment failed 😕"],
        },
        "price": {
            "neutral": [
                "How much is the {product}?",
                "How much is shipping to {city}?",
                "Do you have any discount code?",
            ],
            "negative": ["Shipping to {city} is really expensive, any other option?"],
        },
        "order_status": {
            "neutral": [
                "Hi, could you tell me the status of my order {order_ref}?",
                "Can I get the tracking number for order {order_ref}?",
            ],
            "negative": [
                "My order {order_ref} is {days} days late. What happened?",
                "Order {order_ref} shows as delivered but I never got it 😤",
            ],
        },
        "shipping": {
            "neutral": [
                "Do you deliver to {city}? How long does it take?",
                "Can I change the delivery address of order {order_ref}?",
            ],
        },
        "exchange_return": {
            "neutral": [
                "Hi, the {product} is too small. How do I exchange it?",
                "I'd like to return the {product}, how does the refund work?",
            ],
            "negative": [
                "The {product} arrived damaged 😞 I want a replacement.",
                "I received the wrong {product} in order {order_ref}.",
            ],
        },
        "complaint": {
            "negative": [
                "Terrible service! I've been waiting two days for an answer about {order_ref} 😡",
                "I was charged twice for order {order_ref}. Unacceptable!",
                "Really disappointed, the {product} arrived leaking.",
            ],
        },
        "compliment": {
            "positive": [
                "The {product} is amazing!! Loyal customer now 😍",
                "Just wanted to say thanks, everything arrived early and perfect 💖",
            ],
        },
        "support": {
            "neutral": [
                "Hi, how should I use the {product}?",
                "I can't log into my account on the website.",
                "Is the {product} vegan and cruelty free?",
            ],
        },
        "other": {
            "neutral": [
                "Hello",
                "Do you have a physical store in {city}?",
                "What are your opening hours?",
            ],
        },
    },
    "customer_followup": {
        "purchase": ["Perfect, ordering now 🛒", "Great, thanks!"],
        "price": ["And with Pix?", "Ok, I'll think about it 🤔"],
        "order_status": ["Ok, I'll wait.", "But the deadline has already passed..."],
        "shipping": ["Business days?", "Ok!"],
        "exchange_return": ["Do I need the original box?", "When will the refund show up?"],
        "complaint": ["I want this solved today!", "I already sent the pictures here."],
        "compliment": ["You guys rock! 💕"],
        "support": ["It works now, thanks!", "Still not working 😕"],
        "other": ["Thanks!", "Ok"],
    },
    "agent_first": {
        "purchase": [
            "Hi {first_name}! I'm {agent} 😊 Yes, the {product} is in stock.",
            "Hello! We ship to {city}, delivery takes about {days} business days.",
        ],
        "price": [
            "Hi {first_name}! The {product} is {price}.",
            "Hi! Use the code {coupon} for 10% off your first order 😉",
        ],
        "order_status": [
            "Hi {first_name}! Your order {order_ref} has shipped and should arrive within {days} "
            "business days.",
            "Hi, sorry for the delay 😔 I'm checking with the carrier right now.",
        ],
        "shipping": ["Hi! Yes, we deliver to {city}, usually within {days} business days."],
        "exchange_return": [
            "Hi {first_name}! Your first exchange is free within 30 days.",
            "So sorry about that 😔 Could you send me a photo of the {product}?",
        ],
        "complaint": [
            "Hi {first_name}, I sincerely apologize 🙏 I'm looking into order {order_ref} now.",
            "Hi, this is {agent}. I'm so sorry, let me fix this for you right away.",
        ],
        "compliment": ["Aww, thank you so much, {first_name}! 💖"],
        "support": [
            "Hi {first_name}! Apply the {product} after cleansing 😉",
            "Hi! Click 'Forgot password' and check your spam folder too.",
        ],
        "other": [
            "Hi {first_name}! How can I help you today? 😊",
            "We're online Monday to Friday, 8am to 10pm (Brasília time).",
        ],
    },
    "agent_followup": [
        "Perfect! Let me know if you need anything else 😊",
        "All set, {first_name}!",
        "I'll keep an eye on it and let you know.",
        "Here's a 10% coupon for your next order: {coupon} 💝",
    ],
    "customer_closing": {
        "positive": ["Thank you so much! 😍", "You're awesome, thanks!"],
        "neutral": ["Ok, thanks.", "👍"],
        "negative": ["I hope you really fix it.", "Not happy with this, but ok."],
    },
    "agent_closing": ["You're welcome, {first_name}! Have a great day 🌸", "Thank you! 💖"],
    "off_hours": [
        "Hi! 👋 We got your message. Our team is online Monday to Friday, 8am to 10pm "
        "(Brasília time). We'll get back to you soon!"
    ],
}

TEXTS = {"pt": PT, "es": ES, "en": EN}

#: Activity messages Chatwoot writes, in the account's language.
ACTIVITY = {
    "assigned": "Conversa atribuída a {agent}",
    "self_assigned": "{agent} atribuiu a conversa a si mesma",
    "labels": "{agent} adicionou a etiqueta {label}",
    "priority": "{agent} definiu a prioridade como {priority}",
    "resolved": "Conversa marcada como resolvida por {agent}",
    "snoozed": "Conversa adiada por {agent}",
    "pending": "Conversa marcada como pendente por {agent}",
}

PRIVATE_NOTES = (
    "Cliente recorrente, oferecer cupom {coupon} se precisar.",
    "Verificar com a transportadora amanhã cedo.",
    "Pedido {order_ref} com avaria no transporte, abrir ocorrência.",
    "@Supervisão pode aprovar o estorno?",
    "Cliente já reclamou antes, tratar com prioridade.",
    "Troca aprovada, aguardando postagem.",
    "Enviar amostra grátis no próximo pedido 🎁",
)

COUPONS = ("BEMVINDA10", "VOLTA10", "BELA15", "FRETEGRATIS", "PRIMEIRACOMPRA")


def opening_templates(language, intent, sentiment):
    by_sentiment = TEXTS[language]["opening"][intent]
    return (
        by_sentiment.get(sentiment)
        or by_sentiment.get("neutral")
        or next(iter(by_sentiment.values()))
    )
