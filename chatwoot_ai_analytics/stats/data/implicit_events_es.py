# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Spanish (LatAm) event families of ``sentiment_es_events.tsv`` (see ``build_implicit.py``).

The facts that make a message negative (nunca llegó, todavía, me cobraron dos veces, faltó, se
rompió, nadie contesta), the same kind of facts told as good news (llegó antes, bien embalado, tal
cual la descripción, sigue como nuevo, lo resolvieron en minutos, vuelvo a comprar) and neutral
messages with the same words. Grouped by area: entrega, cobros, calidad, atención, fidelidad;
tú, vos and usted, with Mexican, Andean and Rioplatense words.
"""

SLOTS = {
    "p": [
        "la licuadora",
        "la funda del celular",
        "las sandalias",
        "la chaqueta",
        "los audífonos",
        "el sérum",
        "la máscara de pestañas",
        "los jeans",
        "la cafetera",
        "las sábanas",
        "el reloj",
        "el traje de baño",
        "el champú",
        "la cartera",
        "la freidora de aire",
        "las zapatillas de correr",
        "el collar",
        "la base",
    ],
    "n": ["dos días", "una semana", "10 días", "tres semanas", "20 días", "quince días", "4 días"],
    "m": ["dos meses", "seis meses", "un año", "tres meses", "ocho meses", "un año entero"],
    "t": ["cinco minutos", "diez minutos", "una hora y media", "40 minutos", "tres horas"],
    "k": ["dos", "tres", "cuatro", "cinco"],
    "ord": ["segunda", "tercera", "cuarta", "quinta", "décima"],
    "day": ["el martes", "el sábado", "el 20", "el jueves pasado", "esta mañana"],
    "when": [
        "el martes",
        "el sábado",
        "el 20",
        "la semana que viene",
        "el finde",
        "el Día de la Madre",
    ],
    "city": ["Bogotá", "Lima", "CDMX", "Santiago", "Medellín", "Quito", "Guadalajara", "Rosario"],
    "pay": ["Mercado Pago", "PayPal", "transferencia", "OXXO", "tarjeta de débito", "PSE", "Yape"],
    "amt": ["$35.000", "S/ 120", "$1.850", "64 soles", "$9.990", "210 pesos"],
    "courier": ["el repartidor", "DHL", "Estafeta", "el motorizado", "Servientrega", "Olva"],
    "part": ["la tapa", "el cable", "el manual", "la correa", "el otro zapato", "el repuesto"],
    "defect": [
        "una mancha adelante",
        "un agujero en la manga",
        "un golpe en el costado",
        "el cierre roto",
        "el vidrio rajado",
        "un botón flojo",
    ],
    "rel": ["mi mamá", "mi hermana", "mi jefa", "mi mejor amiga", "mi esposo", "mi tía"],
    "num": ["58213", "7704", "120988", "3391", "44210"],
    "agent": ["Laura", "Diego", "su asesora", "la chica del chat", "el equipo de soporte"],
    "early": [
        "un día antes",
        "dos días antes",
        "antes de lo previsto",
        "antes de la fecha estimada",
        "antes de lo prometido",
        "antes de lo que decía el seguimiento",
    ],
    "packed": [
        "súper bien embalado",
        "envuelto con mucho cuidado",
        "sin un rasguño",
        "en perfecto estado",
        "con plástico de burbujas por todos lados",
        "con una notita de agradecimiento",
    ],
    "fault": [
        "se corre",
        "se mancha",
        "se destiñe",
        "se arruga",
        "se encoge",
        "se despega",
        "se oxida",
        "se calienta",
        "se pega",
        "pica",
        "irrita",
        "aprieta",
        "lastima",
        "gotea",
        "hace ruido",
        "se raja",
    ],
    "flaw": [
        "rayón",
        "mancha",
        "arruga",
        "hilo suelto",
        "ampolla",
        "día de atraso",
        "pieza faltante",
        "golpe",
        "marca",
        "problema",
    ],
    "extra": [
        "sin cobrarme el envío",
        "sin costo extra",
        "sin que lo pidiera",
        "gratis",
        "sin ningún papeleo",
        "antes de que lo pidiera",
    ],
    "moved": [
        "lloró",
        "se emocionó",
        "saltó de alegría",
        "no paraba de sonreír",
        "me abrazó",
        "gritó de la emoción",
    ],
    "cloth": [
        "las medias",
        "la camisa blanca",
        "las toallas",
        "el sillón",
        "las manos",
        "el forro",
    ],
    "vol": ["500 ml", "1 litro", "el pack de 12", "el tamaño grande", "el tamaño familiar"],
    "vol2": ["250 ml", "medio litro", "el pack de 6", "el tamaño chico", "el de viaje"],
    "symptom": [
        "le pica",
        "estornuda",
        "le salen ronchas",
        "se levanta con dolor de espalda",
        "ronca",
    ],
    "act": ["comer", "el gimnasio", "un turno de diez horas", "nadar", "un día de lluvia"],
}

TEMPLATES = {
    "negative": [
        # entrega: nunca / todavía / tarde / otra dirección
        "El pedido {num} nunca llegó",
        "{p} nunca apareció y el seguimiento dice entregado",
        "Todavía estoy esperando el pedido {num}, ya van {n}",
        "Tenía que llegar {day} y todavía nada",
        "Me reprogramaron la entrega por {ord} vez",
        "El seguimiento no se mueve desde {day}",
        "Me quedé todo el día en casa y {courier} nunca vino",
        "{p} llegó {n} tarde, después de {when}",
        "Era un regalo para {when} y llegó después",
        "El paquete volvió al depósito sin que nadie me llamara",
        "{courier} entregó mi pedido en otra dirección",
        "Ya pasaron {n} y el pedido {num} ni siquiera salió",
        "La fecha estimada pasó de {when} a quién sabe cuándo",
        # cobros: dos veces / de más / reembolso
        "Me cobraron dos veces el pedido {num}",
        "Tengo {k} cargos de {amt} en la tarjeta por una sola compra",
        "Pagué con {pay} y el pedido sigue como pago pendiente",
        "Me descontaron {amt} y el pedido salió cancelado",
        "El reembolso que me prometieron {day} todavía no aparece",
        "Devolví {p} hace {n} y no vi la plata",
        "Me cobraron {amt} más que el precio de la página",
        "Me cobraron envío en un pedido con envío gratis",
        "Cancelé {day} y igual me debitaron {amt}",
        "Me cobraron todas las cuotas juntas",
        "La factura vino otra vez con el nombre mal",
        # calidad: se rompió / dejó de / distinto / vencido
        "{p} dejó de funcionar a los {n}",
        "{p} vino con {defect}",
        "{p} llegó sin {part}",
        "El sello de {p} ya venía roto",
        "{p} se encogió en la primera lavada",
        "{p} se desteñió en el lavado",
        "{p} vence el mes que viene y recién lo compré",
        "Me brotó la cara a los dos días de usar {p}",
        "{p} tiene olor a plástico y me da dolor de cabeza",
        "La batería de {p} dura menos de {t}",
        "{p} no prende",
        "Me llegó un zapato de una talla y el otro de otra",
        "{p} no tiene nada que ver con la descripción",
        # atención: nadie / transferido / de nuevo
        "{k} mensajes y nadie me contesta",
        "Me pasaron con {k} personas distintas y sigo sin respuesta",
        "El chat cerró mi caso sin resolver nada",
        "Es la {ord} vez que escribo por el pedido {num}",
        "Quedaron en llamarme {day} y nadie llamó",
        "Cada asesor me pide los mismos datos de nuevo",
        "Llevo {t} en espera en la línea",
        "El ticket dice resuelto pero sigo sin {p}",
        "En la tienda de {city} nadie sabía nada de mi pedido",
        "Pedí el cambio hace {n} y no pasó nada",
        # cantidades, destiñe sobre otra cosa, pago perdido, piezas que no coinciden
        "Pedí {vol} y me llegó {vol2}",
        "La caja decía {k} unidades y adentro había menos",
        "{p} me dejó teñidas {cloth}",
        "Dicen que no encuentran mi pago de {amt}",
        "{p} no coincide con {part}",
        "{p} tiene olor a quemado después de {t} de uso",
    ],
    "positive": [
        # entrega: antes / bien embalado / en fecha
        "{p} llegó {early}",
        "Llegó {early} y {packed}",
        "Me llegó {p} {packed}, gracias",
        "Lo pedí {day} y al otro día ya estaba en casa",
        "Hasta {city} tardó solo {n}",
        "{courier} me llamó antes de venir y fue súper atento",
        "Llegó justo en la fecha que dijeron, sin demoras",
        "Todo llegó {packed}",
        # descripción / talla / calidad
        "{p} es tal cual la descripción",
        "{p} es idéntico a las fotos",
        "La guía de talles es exacta, {p} me queda perfecto",
        "Viendo {p} en vivo, supera las fotos",
        "{p} es de talla justa y la tela es gruesa",
        "{m} usando {p} y está como nuevo",
        "Lavé {p} un montón de veces y no perdió el color",
        "{p} no perdió la forma para nada",
        "Ni un rayón en {p}",
        "{p} no me irrita la piel para nada",
        "Ninguna queja de {p}, cumple lo que promete",
        "{p} funciona todos los días desde hace {m}",
        "{p} sigue andando como el primer día",
        "Nunca tuve un solo problema con {p}",
        "La calidad de {p} está muy por encima del precio",
        # cobros: reembolso rápido / sin sorpresas
        "El reembolso me apareció en la tarjeta a los {n}, mucho antes de lo que pensaba",
        "Me devolvieron el cobro doble en {t}, gracias",
        "El cupón funcionó y me ahorré {amt}",
        "Me cobraron exactamente lo que decía la página, sin sorpresas",
        "Pagar con {pay} fue rapidísimo y el pedido se confirmó al toque",
        # atención: resuelto rápido / seguimiento
        "{agent} lo resolvió en {t}",
        "Me respondieron en {t} incluso un domingo",
        "Me mandaron el reemplazo antes de que devolviera el otro",
        "{agent} me escribió al día siguiente para ver si todo estaba bien",
        "Primera vez que una tienda me contesta tan rápido",
        "{agent} me explicó todo con mucha paciencia",
        # fidelidad: de nuevo / recomendar / regalos
        "{ord} compra con ustedes y siempre a tiempo",
        "Ya los recomendé con {rel}",
        "Voy a pedir otro para {rel}",
        "A {rel} le fascinó el regalo",
        "Todos me preguntan dónde compré {p}",
        "Les voy a seguir comprando",
        # elogio contado como un problema que no pasó, y cosas hechas por la clienta
        "{p} no {fault}, ni después de {n}",
        "{p} nunca {fault}",
        "{p} llegó sin un solo {flaw}",
        "Cero {flaw} en {k} compras",
        "No faltó nada, ni {part}",
        "{m} y {p} no me dio ni un {flaw}",
        "Me cambiaron {p} {extra}",
        "Me mandaron la otra talla {extra}",
        "{agent} me arregló el pedido {extra}",
        "{rel} {moved} cuando abrió {p}",
        "{rel} {moved} con el regalo",
        "Me avisaron cada paso de la entrega",
        "Me vino una muestra de regalo con {p}",
        "Por fin {p} que dura todo el día",
        "Se nota que revisaron {p} antes de mandarlo",
        # vuelve a comprar, lo mejor, justo lo que buscaba, síntomas que se fueron, dura
        "{ord} compra acá y sigo volviendo",
        "La mejor compra que hice en años, {p}",
        "{p} es lo más suave que tuve",
        "Justo lo que estaba buscando",
        "Me bonificaron el envío en mi {ord} compra",
        "Escribí de noche y a la mañana ya tenía respuesta",
        "Desde que usamos {p}, a {rel} ya no {symptom}",
        "{p} aguanta hasta después de {act}",
        "{p} sale del lavado sin arrugas",
    ],
    "neutral": [
        "El timbre no anda, llámenme cuando lleguen",
        "En casa no tengo señal, mejor escríbanme al correo",
        "Mañana paso a retirar por la sucursal de {city}",
        "Quisiera saber si la garantía cubre {part}",
        "¿Puedo pagar la mitad ahora y el resto al recibir?",
        "Trabajo hasta las 6, ¿{courier} puede venir después?",
        "Por favor dejen {p} en portería",
        "Les mando el número de referencia del pago por {pay}",
        "El edificio tiene conserje, lo pueden dejar ahí",
        "¿Revisan {p} antes de mandarlo?",
        "¿{p} se destiñe con el sol?",
        "¿Cobran por cambiar {p}?",
        "¿{p} llega antes de {when}?",
        "¿Puede llegar antes si pago envío express?",
        "Pagué con {pay} {day}",
        "Hice el pedido {num} {day}",
        "¿{p} es igual que en la foto?",
        "¿Hacen envíos a {city}? ¿Cuántos días tarda?",
        "¿Cuánto sale el envío a {city}?",
        "¿Puedo pagar {amt} en {k} cuotas?",
        "¿Se puede pagar con {pay}?",
        "Quiero devolver {p}, ¿cómo funciona?",
        "¿Qué garantía tiene {p}?",
        "¿{p} trae {part}?",
        "¿Hay tienda en {city} para retirarlo?",
        "¿A qué hora suele pasar {courier}?",
        "¿La entrega puede ser {when}?",
        "Quiero cambiar la talla del pedido {num}",
        "¿{p} es resistente al agua?",
        "¿Qué pasa si me cobran dos veces por error?",
        "¿Cuántos días tarda un reembolso con {pay}?",
        "¿El precio de {p} es el mismo en la tienda?",
        "Pedido {num}, solo confirmo la dirección de entrega",
        "Por favor mándenme la factura del pedido {num} al correo",
        "Estoy en casa después de las 6 {day}",
        "¿{p} viene en otro color?",
        "¿Todavía puedo cancelar el pedido {num}?",
        "¿Tienen {p} en stock en {city}?",
        "¿Los {amt} incluyen impuestos?",
        "Mi entrega es para {when}, ¿no?",
        "¿Cómo sé mi talla de {p}?",
        "Les mando el comprobante de {pay}",
    ],
}

#: Hand-written rows in other domains (farmacia, mascotas, juguetes, muebles, supermercado,
#: electrónica, libros), one fact each, so the model does not tie a polarity to the templates.
SENTENCES = """
neg|La bolsa de alimento para el perro vino con un agujero y se desparramó todo en la caja
neg|Pedí 6 latas y llegaron 4
neg|El librero vino sin los tornillos
neg|A la camioneta de juguete se le salió una rueda el mismo día de Navidad
neg|La receta tenía que estar lista ayer y no está
neg|La leche del pedido del súper venía vencida
neg|Dos de los vasos llegaron hechos pedazos
neg|Dejaron el sillón en la portería y se fueron
neg|El cargador de la laptop se calienta muchísimo y se apaga
neg|Al libro le faltan las páginas 40 a 60
neg|Me vendieron un celular usado como nuevo, tiene huellas y la pantalla rayada
neg|Esperé una hora en el punto de retiro y el pedido no estaba
neg|Todavía no pasan a buscar el colchón de la devolución
neg|Escribí tres veces al correo esta semana
neg|La arena del gato vino con la bolsa abierta por todo el auto
neg|La lata de pintura llegó con la tapa floja y pintura por todos lados
neg|El segundo equipo que mandaron tiene la misma falla
neg|La tablet se reinicia sola cada pocos minutos
neg|Pagué envío express y tardó lo mismo que el normal
neg|El vale que me dieron de compensación venció antes de poder usarlo
neg|Tercera semana sin mi devolución
neg|Las cortinas son 30 cm más cortas que lo publicado
neg|La app me cobró pero el pedido no aparece por ningún lado
neg|El link de seguimiento da error desde el lunes
neg|Me trajeron el mercado de otra persona
pos|El pedido de la farmacia estuvo listo en 20 minutos
pos|Mi perro se vuelve loco con estos premios
pos|El librero se arma en diez minutos, las instrucciones son clarísimas
pos|Mi hijo no suelta el juguete desde que llegó
pos|Todos los vasos llegaron enteros, cada uno envuelto aparte
pos|Los chicos del flete hasta subieron el sillón al tercer piso
pos|La laptop prende en segundos
pos|Fruta fresquita, nada golpeado, hasta las paltas estaban en su punto
pos|El celular vino sellado con su caja original
pos|Lo retiré en la tienda esa misma tarde
pos|Con este colchón se me fue el dolor de espalda
pos|Me llamaron para confirmar la dirección, un detallazo
pos|La pintura cubre con una sola mano
pos|Dos años con este hervidor y ni un problema
pos|La batería de la tablet me dura todo el día
pos|La devolución me llegó antes de que el courier retirara la caja
pos|Las cortinas son idénticas a las fotos
pos|El pago fue en un minuto y la confirmación llegó al instante
pos|Se acordaron de mi pedido anterior y me preguntaron si quería lo mismo
pos|El café en grano tiene un aroma increíble al abrir la bolsa
pos|Soporte me lo cambió sin pedirme fotos ni nada
pos|Tercera vez que compro acá el alimento del gato, siempre fresco
pos|Me lo entregaron un domingo, no me lo esperaba
pos|La calidad de impresión del libro es excelente
pos|Justo el modelo que quería, original y sellado
neu|¿La farmacia hace entregas los domingos?
neu|¿Se puede programar el alimento del perro para que llegue cada mes?
neu|¿El librero viene armado?
neu|¿Para qué edad es el juguete?
neu|¿Hay que llevar la receta en persona?
neu|¿La leche llega refrigerada?
neu|¿Cuántos vasos trae el juego?
neu|¿Los del flete suben muebles por escalera?
neu|¿Qué cargador usa la laptop?
neu|¿El libro está en español o en inglés?
neu|¿El celular está liberado para cualquier operador?
neu|¿En qué horario atiende el punto de retiro?
neu|¿Cómo agendo la devolución del colchón?
neu|¿A qué correo escribo por facturas?
neu|¿De cuántos kilos es la bolsa de arena?
neu|¿Cuántos metros cuadrados rinde una lata de pintura?
neu|¿Puedo cambiarlo por otro modelo?
neu|¿La tablet tiene ranura para chip?
neu|¿Cuánto sale el envío express?
neu|¿Hasta cuándo vale el vale?
neu|¿El reembolso puede ir a otra tarjeta?
neu|¿De qué largo son las cortinas?
neu|¿Necesito la app para pedir?
neu|¿Dónde encuentro el link de seguimiento?
neu|¿Puedo agregar algo a mi pedido del súper?
pos|Usé el vestido en el casamiento y me llovieron los halagos toda la noche
pos|La crema se absorbe rápido y ya no tengo la cara grasosa
pos|Corrí una media maratón con estas zapatillas y cero dolor
pos|Diez lavadas después la remera sigue negra
pos|El piloto de los chicos los mantuvo secos de verdad
pos|La licuadora tritura el hielo en segundos
pos|Me contestaron por WhatsApp a las 11 de la noche y me corrigieron la dirección
pos|El paquete traía mi nombre escrito a mano con un dibujito
pos|Ahora es mi tienda de cabecera para regalos
pos|Los aretes no me ponen verdes las orejas como los baratos
pos|El repartidor me esperó mientras bajaba del quinto piso
pos|Mi suegra me pidió el link
pos|Compré uno y volví por tres más
pos|Los tacos son altos pero bailé toda la noche
pos|El perfume sigue en mi bufanda al otro día
neg|La camisa largó color en la primera lavada y me tiñó el jean
neg|Estoy pidiendo la factura desde el mes pasado
neg|El taco se despegó en la primera salida
neg|La caja decía 12 piezas y había 9
neg|La tapa de la licuadora no cierra y se chorrea todo
neg|El protector de pantalla no le va a mi modelo y lo elegí de la lista
neg|La app dice entregado a las 3, yo estaba en casa y no vino nadie
neg|Mandé dos veces las fotos que me pidieron y sigo esperando
neg|Retiraron la devolución el lunes y no vi ni un peso en la tarjeta
neg|La base es tres tonos más oscura que la muestra
neg|Tiene olor a cigarro, como si hubiera estado guardado en una casa
neg|Atención al cliente me dio un número de caso que no existe
neg|En su propia web estaba más barato que lo que me cobraron en la tienda
neg|La tarjeta de garantía venía en blanco y sin sello
neg|Llegó la mitad del pedido, lo demás "sin stock" después de pagar
neu|Bueno, espero el mail entonces
neu|Dale, les aviso cuando llegue
neu|Bueno, consulto con mi banco
neu|Anotado, gracias por la info
neu|El viernes no estoy, ¿puede llegar el sábado?
neu|Es para regalo, ¿pueden no poner el precio?
neu|Hice la transferencia desde la cuenta de mi esposo
neu|¿Van a reponer el negro?
neu|¿Cuál es más grande, el de 500 ml o el de 750 ml?
neu|¿Tienen entrega en el día en Bogotá?
"""
