# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""pt-BR source of the training sets: hand-written chat messages and templates.

See ``build_datasets.py``.
"""


def rows(intent, block):
    """Parse ``sentiment|text`` lines (``neg``/``neu``/``pos``) of one intent block."""
    labels = {"neg": "negative", "neu": "neutral", "pos": "positive"}
    result = []
    for line in block.strip().splitlines():
        sentiment, text = line.split("|", 1)
        result.append((text.strip(), labels[sentiment.strip()], intent))
    return result


SENTENCES = (
    rows(
        "purchase",
        """
neu|Quero comprar o vestido floral, como faço?
neu|Tem a calça jeans no tamanho 40?
neu|Vocês ainda têm o batom vermelho em estoque?
pos|Amei a coleção nova, quero levar duas blusas!
neu|Como faço pra fechar o pedido pelo WhatsApp?
neu|Gostaria de encomendar 3 kits de maquiagem
neu|Esse tênis tem no 38?
neu|Quando volta o perfume que esgotou?
pos|Quero muito esse conjunto, ainda tem?
neu|Posso comprar direto por aqui pelo chat?
neu|Tem essa bolsa na cor preta?
neu|Vcs vendem no atacado?
neu|Quero fazer um pedido grande para minha loja
pos|Que lindo esse vestido, quero comprar agora
neu|A base vem em quais tons?
neu|Tem kit presente pro dia das mães?
neu|Vou querer o hidratante e o sérum, me manda o link
neu|Queria reservar a última peça do biquíni
neu|Ainda dá tempo de comprar na promoção?
pos|Adorei o site, quero montar um kit pra mim
neu|Tem o sutiã em tamanho maior?
neu|Quais cores tem da sandália?
neu|Quero levar o perfume de 100 ml
neu|Me ajuda a escolher um presente pra minha namorada?
neu|vcs tem a jaqueta de couro no P?
""",
    )
    + rows(
        "price",
        """
neu|Quanto custa o kit de skincare?
neu|Qual o valor da calça jeans?
neu|Tem desconto pagando no Pix?
neu|Parcela em quantas vezes no cartão?
neu|Tem cupom de primeira compra?
neg|Achei muito caro, não tem um preço melhor?
neu|O preço do site é o mesmo da loja física?
neu|Qual o preço à vista?
neu|Vocês fazem desconto pra compra acima de 3 peças?
neg|O preço subiu muito de ontem pra hoje, que absurdo
neu|Quanto fica o combo de batom e delineador?
pos|Nossa, que preço bom! Vale muito a pena
neu|O cupom BEMVINDA10 ainda está valendo?
neu|Boleto tem desconto?
neu|Qual o valor do perfume de 50 ml?
neg|O cupom não funcionou e o preço ficou mais alto
neu|Tem tabela de preços para revenda?
pos|Preço justo e qualidade ótima, adoro
neu|Vocês cobrem preço da concorrência?
neu|Quanto sai em 10x sem juros?
neu|Ainda tá com 30% off?
neg|Cobraram um valor diferente do anunciado
neu|qnto custa esse tenis?
neu|Tem promoção na black friday?
""",
    )
    + rows(
        "order_status",
        """
neu|Qual o status do meu pedido 4512?
neu|Meu pedido já foi enviado?
neu|Podem me passar o código de rastreio?
neu|Gostaria de saber se meu pedido já saiu pra entrega
neg|Cadê meu pedido? Já faz 15 dias e nada
neu|O pagamento do meu pedido já foi aprovado?
neu|Meu pedido consta como faturado, o que isso significa?
neg|O rastreio não atualiza há uma semana
neu|Em que etapa está minha compra?
neu|Comprei ontem, quando vai ser despachado?
neg|Meu pedido sumiu do sistema, to preocupada
neu|O pedido #7788 já está em separação?
pos|Obrigada, vi aqui que meu pedido já saiu!
neu|Quando meu pedido chega?
neg|Disseram que chegava ontem e até agora nada
neu|Vocês podem confirmar se meu pedido foi recebido?
neu|Como acompanho o meu pedido?
neg|O status tá parado em "em trânsito" faz dias
neu|Meu pedido foi entregue? Aparece como entregue mas não achei
neu|oi, queria saber do meu pedido
neg|ja passou do prazo e meu pedido n chegou
""",
    )
    + rows(
        "shipping",
        """
neu|Quanto é o frete para Recife?
neu|Vocês entregam em Manaus?
neu|Qual o prazo de entrega para o interior de SP?
neu|Tem frete grátis acima de quanto?
neu|Entregam no mesmo dia em São Paulo?
neu|Posso retirar na loja?
neg|O frete tá mais caro que o produto, assim não dá
neu|Qual transportadora vocês usam?
neu|Enviam pelos Correios ou transportadora?
pos|Frete grátis? Que maravilha!
neu|Quanto tempo demora pra chegar no Rio?
neu|Vocês enviam para Portugal?
neg|Prazo de 20 dias é muito demorado
neu|Dá pra pedir entrega expressa?
neu|O frete é cobrado por item?
pos|Chegou super rápido, entrega em 2 dias, amei
neu|Qual o CEP mínimo pro frete grátis?
neu|Entregam aos sábados?
neg|Nunca vi frete tão caro
neu|meu cep é 01310-100, qual o prazo?
""",
    )
    + rows(
        "exchange_return",
        """
neu|Quero trocar a blusa por um tamanho maior
neu|Como funciona a devolução?
neg|O vestido veio no tamanho errado, quero trocar
neg|Veio a cor errada, preciso devolver
neu|Qual o prazo para troca?
neu|Quero meu dinheiro de volta, como faço o reembolso?
neg|O tênis ficou apertado, vou ter que trocar
neu|A troca é grátis?
neg|Recebi o produto com defeito, quero devolver
neu|Posso trocar na loja física?
neu|Já enviei a devolução, quando cai o estorno?
neg|Pedi M e veio G, que decepção
neu|Preciso da etiqueta de postagem pra devolução
neg|O estorno ainda não caiu no meu cartão
neu|Posso trocar por outro modelo?
pos|A troca foi super fácil, obrigada!
neg|A calça não serviu, quero trocar
neu|Quero cancelar e devolver o pedido
neg|Mandaram o perfume errado, quero trocar
pos|Adorei como resolveram minha troca rápido
""",
    )
    + rows(
        "complaint",
        """
neg|Péssimo atendimento, ninguém me responde
neg|Estou muito insatisfeita com a qualidade do produto
neg|O produto chegou quebrado, que absurdo
neg|Nunca mais compro com vocês
neg|Não gostei do tecido, parece muito barato
neg|A base causou alergia na minha pele
neg|Três dias esperando resposta, que descaso
neg|O batom é horrível, não dura nada
neg|Vou reclamar no Reclame Aqui
neg|Não recomendo essa loja pra ninguém
neg|Que vergonha, me enganaram
neg|O atendente foi grosso comigo
neg|Produto totalmente diferente da foto
neg|Estou decepcionada, esperava bem mais
neg|Demoraram demais e ainda veio errado
neg|Não aguento mais esperar, um absurdo
neg|A costura descosturou na primeira lavagem
neg|O perfume não tem cheiro nenhum, fraco demais
neg|Vcs são uma piada, pior loja
neg|Que raiva, paguei e não recebi
neg|A embalagem veio toda amassada e suja
neg|Não gostei nem um pouco
neg|Atendimento lento e sem solução
neg|Isso é uma falta de respeito com o cliente
neg|O hidratante deixou minha pele oleosa, não gostei
neg|a blusa desbotou td, muito ruim
""",
    )
    + rows(
        "compliment",
        """
pos|Amei o vestido, ficou perfeito!
pos|Vocês são demais, atendimento nota 10
pos|Chegou tudo certinho, muito obrigada
pos|O batom é maravilhoso, dura o dia todo
pos|Melhor loja que já comprei
pos|Adorei a embalagem, super caprichada
pos|Parabéns pelo atendimento, muito atenciosos
pos|Produto de ótima qualidade, recomendo
pos|Fiquei encantada com o perfume
pos|Muito obrigado pela ajuda!
pos|Vocês arrasam, sempre compro aqui
pos|Não tenho do que reclamar, tudo perfeito
pos|O tecido é muito bom, valeu cada centavo
pos|A base não é ruim, gostei bastante
pos|Nada a reclamar, chegou antes do prazo
pos|Atendente super simpática, resolveu tudo
pos|Que capricho, amei o brinde
pos|Não me arrependo da compra
pos|Sério, vocês são incríveis
pos|obg pela atenção, vcs são ótimos
pos|Muito feliz com minha compra
pos|O sérum é top, minha pele mudou
pos|Tudo lindo, obrigada pelo carinho
pos|Excelente, superou minhas expectativas
pos|Gostei muito, comprarei de novo
""",
    )
    + rows(
        "support",
        """
neu|Não consigo finalizar a compra no site
neg|O site dá erro na hora do pagamento
neu|Esqueci minha senha, como recupero?
neu|O QR code do Pix expirou, podem gerar outro?
neu|Preciso da segunda via do boleto
neu|Como altero o endereço de entrega?
neg|Paguei o Pix e o pedido continua aguardando pagamento
neu|Não recebi o e-mail de confirmação
neu|Como cancelo meu pedido?
neu|Meu cartão foi recusado, o que faço?
neu|Preciso de nota fiscal com CNPJ
neu|Consigo mudar a forma de pagamento?
neg|O app trava toda vez que abro o carrinho
neu|Como cadastro meu CPF na conta?
neu|Vocês têm atendimento por telefone?
neu|Qual o horário de atendimento?
neg|Fui cobrada duas vezes no cartão
neu|Como uso meu cupom no app?
neu|Preciso falar com um atendente humano
neu|O link de pagamento não abre
neu|Podem me ajudar a trocar o e-mail da conta?
neg|Meu boleto venceu e não consigo pagar
neu|Como faço pra usar o cashback?
neu|não consigo logar na minha conta
""",
    )
    + rows(
        "other",
        """
neu|Oi
neu|Bom dia
neu|Boa tarde, tudo bem?
neu|Ok
neu|Tá bom
neu|Entendi
neu|Aguardo retorno
neu|Vocês têm vaga de emprego?
neu|Quero ser revendedora, como funciona?
neu|Qual o Instagram de vocês?
neu|Onde fica a loja física?
neu|Vocês abrem no feriado?
neu|Sou influenciadora e queria uma parceria
neu|Um momento, vou ver aqui
neu|Certo
neu|Beleza
neu|Olá, alguém aí?
neu|Me chama no privado
neu|Qual o CNPJ da empresa?
neu|Boa noite
pos|Bom dia! Tudo ótimo por aqui 😊
neu|Vou pensar e depois volto
neu|Mandei um áudio
neu|Só isso mesmo
neu|blz
""",
    )
)

# Second round: product problems told without "strong" words, plain product questions and
# varied praise, so the model does not equate "no emotional word" with "neutral".
SENTENCES += (
    rows(
        "complaint",
        """
neg|O esmalte descascou no dia seguinte
neg|A alça da mochila arrebentou na primeira semana
neg|O creme veio vazando na caixa
neg|O pó compacto chegou todo quebrado
neg|A blusa veio com um furo na manga
neg|O relógio parou de funcionar em um mês
neg|A costura da calça abriu
neg|O tênis descolou a sola
neg|O perfume que chegou não é o mesmo do anúncio
neg|Pedi duas unidades e veio uma só
neg|Faltou o brinde que estava na promoção
neg|O produto veio sem lacre
neg|Paguei caro e parece de camelô
neg|Não serviu em ninguém aqui em casa, forma muito pequena
neg|Fiz a compra há 20 dias e não tive retorno
neg|A resposta de vocês demora uma eternidade
neg|Ficou com cheiro de mofo
neg|A maquiagem deixou a pele manchada
neg|Mandaram um produto usado
neg|O shampoo deixou meu cabelo duro e seco
neg|Comprei pela qualidade e me arrependi
neg|Vou abrir uma reclamação no Procon
neg|Estou sem resposta até agora
neg|Já é a terceira vez que isso acontece comigo
neg|Não resolveram meu problema
neg|Ninguém me explicou o motivo do cancelamento
neg|A cor desbotou na primeira lavagem
neg|Me sinto enganada pela propaganda
neg|O anel escureceu em uma semana
neg|Ficou largo demais, nada a ver com a tabela
neg|Isso não se faz com cliente
neg|Vcs cancelaram meu pedido sem explicação
neg|Estou tentando contato há dias sem sucesso
neg|O produto não faz o que promete
neg|A entrega foi feita no endereço errado
neg|O motoboy foi mal educado
""",
    )
    + rows(
        "compliment",
        """
pos|Meu cabelo nunca esteve tão bonito, obrigada
pos|Serviu direitinho, caimento lindo
pos|O rímel alonga muito, tô amando
pos|Chegou bem antes do prazo, fiquei surpresa
pos|O atendente foi um amor comigo
pos|Que delícia de cheiro esse hidratante
pos|Comprei de novo porque gostei demais
pos|A qualidade é de primeira
pos|Tudo muito bem embalado, dá gosto de receber
pos|Minha mãe adorou o presente
pos|Nunca fui tão bem atendida
pos|Não esperava tanto, produto top
pos|O vestido é um luxo, todo mundo elogiou
pos|Vocês são nota mil
pos|Resolveram rapidinho, muito obrigada
pos|A pele ficou macia e sem oleosidade
pos|Tô muito feliz com o resultado
pos|Perfeito pro dia a dia
pos|Sem defeito nenhum, tudo lindo
pos|Não tive problema nenhum, recomendo
pos|Compra tranquila e segura
pos|Virei cliente, podem ter certeza
pos|Que atendimento humano e carinhoso
pos|Ficou um arraso, obrigada meninas
""",
    )
    + rows(
        "purchase",
        """
neu|A jaqueta jeans tem bolso interno?
neu|O batom matte resseca a boca?
neu|Esse sérum pode usar de dia?
neu|O tênis é de couro ou sintético?
neu|A base tem FPS?
neu|Qual a diferença entre o kit P e o kit G?
neu|O vestido longo tem fenda?
neu|A camiseta é 100% algodão?
neu|O perfume é feminino ou unissex?
neu|Tem a sandália em tamanho 35?
neu|O shampoo é vegano?
neu|A bolsa cabe notebook?
neu|Qual a medida do busto no tamanho M?
neu|O óculos tem proteção UV?
""",
    )
    + rows(
        "other",
        """
neu|Boa tarde, queria tirar uma dúvida
neu|Bom dia, alguém pode me atender?
neu|Boa noite, vocês ainda estão atendendo?
neu|Pode ser
neu|Vou ver com meu marido e te falo
neu|Ah tá, entendi
neu|Segue meu e-mail
neu|Meu nome é Ana
neu|Pode me ligar?
neu|Só um minuto
""",
    )
)

# Third round: the other words customers use for the same requests (encomenda, andamento,
# Sedex, cadastro, aplicativo...), so each intent is not tied to one keyword.
SENTENCES += (
    rows(
        "order_status",
        """
neu|Como está a minha encomenda?
neu|Qual a situação do meu pedido?
neu|Queria acompanhar o andamento da compra
neu|Minha compra já foi postada?
neu|O pacote já está com os Correios?
neu|Podem verificar onde está meu pacote?
neu|Saiu pra entrega hoje, que horas chega?
neu|Já despacharam a minha encomenda?
neg|Minha encomenda está parada no centro de distribuição
neu|Meu pedido ainda está em preparação?
neu|Recebi o e-mail de envio mas o rastreio não abre
neu|Quero notícias do meu pedido
""",
    )
    + rows(
        "shipping",
        """
neu|Vocês mandam por Sedex ou PAC?
neu|Qual o valor do envio pro Sul?
neu|Tem como buscar no depósito de vocês?
neu|Fazem entrega por motoboy?
neu|Quanto tempo o envio demora pro Norte?
neu|O envio é rastreável?
neu|Entregam em caixa postal?
neu|Frete fixo ou calculado pelo CEP?
""",
    )
    + rows(
        "price",
        """
neu|Posso dividir no cartão?
neu|Quantas parcelas sem juros?
neu|O valor já inclui frete?
neu|Quanto sai à vista no Pix?
neu|Esse preço é promocional?
neu|Tem preço especial pra revendedora?
""",
    )
    + rows(
        "exchange_return",
        """
neu|Desisti da compra, quero o dinheiro de volta
neu|Quero exercer meu direito de arrependimento
neu|Como devolvo pelos Correios?
neu|O reembolso volta no Pix ou no cartão?
neg|Me arrependi da compra, quero devolver
neu|Posso trocar por vale-compra?
""",
    )
    + rows(
        "support",
        """
neu|Como atualizo meu cadastro?
neg|O aplicativo não abre no meu celular
neu|Não chega o código de verificação por SMS
neu|Meu Pix ainda não foi compensado
neu|O boleto não foi compensado ainda
neu|Quero cancelar a compra antes de enviar
neu|Como troco o telefone cadastrado?
neg|O carrinho esvazia sozinho
neu|Preciso de ajuda com meu login
neu|Onde baixo a nota fiscal?
""",
    )
    + rows(
        "complaint",
        """
neg|Vocês não respeitam ninguém
neg|Produto de quinta categoria
neg|Parece falsificado, muito mal feito
neg|Tratam o cliente com desprezo
neg|Ninguém dá satisfação nessa loja
neg|Fiquei esperando e o atendente sumiu
""",
    )
    + rows(
        "other",
        """
neu|Ok, valeu
neu|Qual o endereço de vocês?
neu|Vocês têm site?
neu|Qual o WhatsApp da loja?
neu|Tem perfil no TikTok?
neu|Vou passar aí amanhã
neu|Show, obrigado
neu|Opa, tudo certo?
""",
    )
)

SLOTS = {
    "p": [
        "o vestido",
        "a blusa",
        "o tênis",
        "a calça jeans",
        "o batom",
        "a base",
        "o perfume",
        "o hidratante",
        "a bolsa",
        "o kit de maquiagem",
        "a camiseta",
        "o shampoo",
        "o sérum",
        "a sandália",
        "o biquíni",
        "a jaqueta",
        "o relógio",
        "o protetor solar",
        "a máscara de cílios",
        "o sutiã",
        "a saia",
        "o óculos",
    ],
    "d": ["5", "7", "10", "12", "15", "20", "30"],
    "n": ["1234", "4589", "10233", "77812", "9021", "55410"],
    "pag": ["Pix", "boleto", "cartão", "cartão de crédito"],
    "city": [
        "Belo Horizonte",
        "Curitiba",
        "Salvador",
        "Fortaleza",
        "Porto Alegre",
        "Goiânia",
        "Belém",
    ],
    "size": ["P", "M", "G", "GG", "36", "38", "40", "42"],
    "x": ["muito", "super", "bem", "extremamente", "mega"],
}

TEMPLATES = [
    ("Quero comprar {p}, ainda tem?", "neutral", "purchase"),
    ("Tem {p} no tamanho {size}?", "neutral", "purchase"),
    ("Vou levar {p}, como finalizo?", "neutral", "purchase"),
    ("Quero {x} {p}, me manda o link pra comprar", "positive", "purchase"),
    ("Quanto custa {p}?", "neutral", "price"),
    ("{p} tá quanto? Tem desconto no {pag}?", "neutral", "price"),
    ("{p} tá com preço {x} alto, tem cupom?", "negative", "price"),
    ("Dá pra parcelar {p} no cartão?", "neutral", "price"),
    ("Meu pedido {n} já foi enviado?", "neutral", "order_status"),
    ("Qual o código de rastreio do pedido {n}?", "neutral", "order_status"),
    ("Já faz {d} dias e meu pedido {n} não chegou", "negative", "order_status"),
    ("Cadê meu pedido? Paguei no {pag} há {d} dias", "negative", "order_status"),
    ("Quanto fica o frete pra {city}?", "neutral", "shipping"),
    ("Qual o prazo de entrega para {city}?", "neutral", "shipping"),
    ("Vocês entregam em {city}? Qual transportadora?", "neutral", "shipping"),
    ("O frete pra {city} ficou {x} caro", "negative", "shipping"),
    ("Quero trocar {p} pelo tamanho {size}", "neutral", "exchange_return"),
    ("{p} veio no tamanho errado, preciso trocar", "negative", "exchange_return"),
    ("Quero devolver {p}, como faço?", "neutral", "exchange_return"),
    ("{p} veio com defeito, quero meu dinheiro de volta", "negative", "exchange_return"),
    ("{p} não ficou bom em mim, quero devolver", "negative", "exchange_return"),
    ("Comprei {p} e a qualidade é {x} ruim, não recomendo", "negative", "complaint"),
    ("Estou {x} decepcionada com {p}", "negative", "complaint"),
    ("Péssimo! {p} chegou quebrado depois de {d} dias", "negative", "complaint"),
    ("Não gostei, {p} tem qualidade horrível", "negative", "complaint"),
    ("Que absurdo, esperei {d} dias e {p} veio errado", "negative", "complaint"),
    ("Paguei no {pag} e ninguém me responde, que descaso", "negative", "complaint"),
    ("Amei {p}, qualidade {x} boa!", "positive", "compliment"),
    ("Comprei {p} e gostei {x}, recomendo demais", "positive", "compliment"),
    ("Chegou {p}, ficou perfeito, obrigada!", "positive", "compliment"),
    ("Adorei {p}, vocês são {x} atenciosos", "positive", "compliment"),
    ("{p} não é ruim, gostei", "positive", "compliment"),
    ("{p} chegou certinho, não tenho do que reclamar", "positive", "compliment"),
    ("Paguei no {pag} mas o pedido {n} não aparece", "negative", "support"),
    ("Como gero outro {pag}? O meu expirou", "neutral", "support"),
    ("Não consigo pagar com {pag} no site", "neutral", "support"),
    ("Preciso mudar o endereço do pedido {n}", "neutral", "support"),
    ("Vocês abrem em {city}?", "neutral", "other"),
    ("Bom dia, sou de {city}", "neutral", "other"),
]
PER_TEMPLATE = 9
VARIANTS = 230

SLANG_SWAPS = [
    ("você", "vc"),
    ("Vocês", "Vcs"),
    ("vocês", "vcs"),
    ("porque", "pq"),
    ("tudo", "td"),
    ("não", "n"),
    ("Não", "N"),
    ("muito", "mto"),
    ("obrigada", "obg"),
    ("obrigado", "obg"),
    ("para", "pra"),
    ("está", "tá"),
    ("também", "tb"),
    ("quando", "qdo"),
    ("hoje", "hj"),
]
EMOJIS = {
    "positive": ["😍", "❤️", "🥰", "👏👏", "😊", "🙏", "kkkk", "!!!", "💖", "✨"],
    "negative": ["😡", "😤", "😢", "👎", "😭", "🤬", "!!!", "😒", "aff", "🙄"],
}

#: Texts whose intent differs from their block's (their sentiment stays where it is).
RELABEL = {"Preciso falar com um atendente humano": "human_request"}

#: Rows of the intent set only (the sentiment set is unchanged by them): requests for a person.
INTENT_ONLY = rows(
    "human_request",
    """
neu|Quero falar com um atendente
neu|quero falar com uma pessoa de verdade
neu|Tem algum humano aí?
neu|Me passa pra um atendente por favor
neu|Posso falar com alguém da loja?
neu|Chama um atendente pra mim
neu|Não quero falar com robô
neu|prefiro falar com uma pessoa
neu|Quero falar com o gerente
neu|Me transfere pra um humano
neu|Tem como falar com um atendente de verdade?
neu|Alguém real pode me atender?
neu|Quero atendimento humano
neu|robô não resolve, quero uma pessoa
neu|Me coloca em contato com um atendente
neu|Quero falar com o suporte humano, por favor
neu|vc é robô? quero falar com gente
neu|Gostaria de ser atendida por uma pessoa
neu|Preciso de um atendente agora
neu|Passa pra alguém da equipe
neu|quero falar c atendente
neu|Tem algum vendedor pra falar comigo?
neu|Quero falar com uma vendedora
neu|Me liga alguém da loja, por favor
""",
)
