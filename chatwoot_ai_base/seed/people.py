# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customers: Brazilian names, cities, time zones and +55 mobile numbers, plus a minority of
Spanish-speaking (Argentina, Uruguay, Paraguay, Mexico) and English-speaking customers.

Phone numbers are E.164 with the right area code for the city (Brazilian mobiles are
``+55 DD 9XXXX-XXXX``); e-mail addresses use the reserved ``example.*`` domains so that a
demo database can never mail a real person.
"""

import unicodedata
from dataclasses import dataclass

from .sampling import Weighted

# fmt: off
BR_FEMALE = (
    "Ana", "Maria", "Juliana", "Fernanda", "Camila", "Beatriz", "Larissa", "Gabriela", "Mariana",
    "Letícia", "Amanda", "Bruna", "Patrícia", "Aline", "Vanessa", "Jéssica", "Carolina", "Luana",
    "Isabela", "Natália", "Raquel", "Tatiane", "Débora", "Renata", "Priscila", "Sabrina",
    "Helena", "Alice", "Laura", "Valentina", "Sofia", "Manuela", "Lívia", "Cecília", "Yasmin",
    "Luíza", "Giovanna", "Rafaela", "Thaís", "Daniela", "Adriana", "Cláudia", "Simone", "Sandra",
    "Elaine", "Márcia", "Francisca", "Antônia", "Joana", "Regina", "Kelly", "Michele", "Paula",
    "Carla", "Vitória", "Emanuelly", "Ester", "Lorena", "Milena", "Taís",
)
BR_MALE = (
    "João", "Pedro", "Lucas", "Gabriel", "Matheus", "Rafael", "Gustavo", "Felipe", "Bruno",
    "Rodrigo", "Thiago", "Diego", "Leonardo", "Eduardo", "Daniel", "Marcelo", "André", "Ricardo",
    "Fernando", "Paulo", "Carlos", "José", "Antônio", "Francisco", "Luiz", "Marcos", "Vinícius",
    "Caio", "Henrique", "Arthur", "Heitor", "Davi", "Bernardo", "Miguel", "Samuel", "Enzo",
    "Igor", "Otávio", "Renato", "Sérgio", "Fábio", "Leandro", "Alexandre", "Júlio", "Wesley",
)
BR_SURNAMES = (
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
    "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes",
    "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques",
    "Machado", "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira",
    "Araújo", "Pinto", "Correia", "Cavalcanti", "Monteiro", "Moura", "Batista", "Campos",
    "Farias", "Barros", "Rezende", "Azevedo", "Castro", "Brito", "Melo", "Queiroz", "Sampaio",
    "Borges", "Pacheco", "Siqueira", "Magalhães", "Tavares", "Xavier", "Figueiredo", "Coelho",
)
ES_FEMALE = (
    "Lucía", "Sofía", "Valentina", "Camila", "Martina", "Florencia", "Agustina", "Catalina",
    "Micaela", "Daniela", "Fernanda", "Ximena", "Guadalupe", "Mariana", "Paula", "Julieta",
    "Renata", "Romina", "Carolina", "Natalia",
)
ES_MALE = (
    "Santiago", "Mateo", "Joaquín", "Tomás", "Facundo", "Matías", "Nicolás", "Diego", "Sebastián",
    "Alejandro", "Emiliano", "Leonardo", "Rodrigo", "Federico", "Andrés", "Javier",
)
ES_SURNAMES = (
    "González", "Rodríguez", "Fernández", "López", "Martínez", "García", "Pérez", "Sánchez",
    "Romero", "Sosa", "Torres", "Álvarez", "Ruiz", "Díaz", "Benítez", "Acosta", "Medina",
    "Herrera", "Suárez", "Aguirre", "Giménez", "Gutiérrez", "Pereyra", "Hernández", "Ramírez",
    "Flores", "Morales", "Vargas", "Castillo", "Rojas",
)
EN_FEMALE = (
    "Emily", "Olivia", "Emma", "Sarah", "Jessica", "Ashley", "Hannah", "Megan", "Rachel",
    "Lauren", "Chloe", "Grace", "Madison", "Abigail",
)
EN_MALE = (
    "James", "Michael", "David", "Daniel", "Matthew", "Ryan", "Andrew", "Tyler", "Brandon",
    "Kevin", "Jacob", "Ethan", "Nathan",
)
EN_SURNAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Walker", "Hall", "Young", "King", "Wright",
)

#: city, state code (base.state_br_*), area code (DDD), IANA time zone, weight, CEP range.
BR_CITIES = (
    ("São Paulo", "SP", "11", "America/Sao_Paulo", 120, (1000, 5999)),
    ("Guarulhos", "SP", "11", "America/Sao_Paulo", 13, (7000, 7399)),
    ("Campinas", "SP", "19", "America/Sao_Paulo", 12, (13000, 13149)),
    ("Santos", "SP", "13", "America/Sao_Paulo", 5, (11000, 11099)),
    ("Ribeirão Preto", "SP", "16", "America/Sao_Paulo", 7, (14000, 14114)),
    ("Sorocaba", "SP", "15", "America/Sao_Paulo", 7, (18000, 18109)),
    ("São José dos Campos", "SP", "12", "America/Sao_Paulo", 7, (12200, 12249)),
    ("Rio de Janeiro", "RJ", "21", "America/Sao_Paulo", 65, (20000, 23799)),
    ("Niterói", "RJ", "21", "America/Sao_Paulo", 5, (24000, 24399)),
    ("Belo Horizonte", "MG", "31", "America/Sao_Paulo", 25, (30000, 31999)),
    ("Uberlândia", "MG", "34", "America/Sao_Paulo", 7, (38400, 38415)),
    ("Juiz de Fora", "MG", "32", "America/Sao_Paulo", 6, (36000, 36099)),
    ("Curitiba", "PR", "41", "America/Sao_Paulo", 19, (80000, 82999)),
    ("Londrina", "PR", "43", "America/Sao_Paulo", 6, (86000, 86099)),
    ("Porto Alegre", "RS", "51", "America/Sao_Paulo", 14, (90000, 91999)),
    ("Caxias do Sul", "RS", "54", "America/Sao_Paulo", 5, (95000, 95124)),
    ("Florianópolis", "SC", "48", "America/Sao_Paulo", 5, (88000, 88099)),
    ("Joinville", "SC", "47", "America/Sao_Paulo", 6, (89200, 89239)),
    ("Brasília", "DF", "61", "America/Sao_Paulo", 30, (70000, 72799)),
    ("Goiânia", "GO", "62", "America/Sao_Paulo", 15, (74000, 74899)),
    ("Vitória", "ES", "27", "America/Sao_Paulo", 4, (29000, 29099)),
    ("Salvador", "BA", "71", "America/Bahia", 24, (40000, 42499)),
    ("Feira de Santana", "BA", "75", "America/Bahia", 6, (44000, 44099)),
    ("Recife", "PE", "81", "America/Recife", 16, (50000, 52999)),
    ("Fortaleza", "CE", "85", "America/Fortaleza", 24, (60000, 61599)),
    ("Natal", "RN", "84", "America/Fortaleza", 8, (59000, 59161)),
    ("João Pessoa", "PB", "83", "America/Fortaleza", 8, (58000, 58099)),
    ("Teresina", "PI", "86", "America/Fortaleza", 8, (64000, 64099)),
    ("São Luís", "MA", "98", "America/Fortaleza", 10, (65000, 65109)),
    ("Maceió", "AL", "82", "America/Maceio", 9, (57000, 57099)),
    ("Aracaju", "SE", "79", "America/Maceio", 6, (49000, 49099)),
    ("Belém", "PA", "91", "America/Belem", 13, (66000, 66999)),
    ("Macapá", "AP", "96", "America/Belem", 4, (68900, 68914)),
    ("Manaus", "AM", "92", "America/Manaus", 20, (69000, 69099)),
    ("Cuiabá", "MT", "65", "America/Cuiaba", 6, (78000, 78109)),
    ("Campo Grande", "MS", "67", "America/Campo_Grande", 8, (79000, 79129)),
    ("Porto Velho", "RO", "69", "America/Porto_Velho", 5, (76800, 76834)),
    ("Rio Branco", "AC", "68", "America/Rio_Branco", 4, (69900, 69923)),
    ("Boa Vista", "RR", "95", "America/Boa_Vista", 4, (69300, 69339)),
    ("Palmas", "TO", "63", "America/Araguaina", 3, (77000, 77299)),
)

#: city, country, state code, IANA time zone, Odoo language, mobile prefix,
#: (subscriber digits, lowest and highest first digit allocated to mobiles), weight.
ES_CITIES = (
    ("Buenos Aires", "AR", "C", "America/Argentina/Buenos_Aires", "es_AR", "+54911", (8, 1, 8), 30),
    ("Córdoba", "AR", "X", "America/Argentina/Cordoba", "es_AR", "+549351", (7, 2, 9), 8),
    ("Rosario", "AR", "S", "America/Argentina/Cordoba", "es_AR", "+549341", (7, 2, 8), 6),
    ("Mendoza", "AR", "M", "America/Argentina/Mendoza", "es_AR", "+549261", (7, 2, 8), 4),
    ("Montevideo", "UY", "MO", "America/Montevideo", "es_UY", "+5989", (7, 1, 9), 12),
    ("Punta del Este", "UY", "MA", "America/Montevideo", "es_UY", "+5989", (7, 1, 9), 3),
    ("Asunción", "PY", "ASU", "America/Asuncion", "es_PY", "+59598", (7, 1, 7), 9),
    ("Ciudad del Este", "PY", "10", "America/Asuncion", "es_PY", "+59597", (7, 1, 6), 4),
    ("Ciudad de México", "MX", "CMX", "America/Mexico_City", "es_MX", "+5255", (8, 1, 9), 14),
    ("Guadalajara", "MX", "JAL", "America/Mexico_City", "es_MX", "+5233", (8, 1, 9), 5),
    ("Monterrey", "MX", "NLE", "America/Monterrey", "es_MX", "+5281", (8, 1, 9), 5),
)

#: English speakers: expats in Brazil (Brazilian numbers) and customers in the US, whose
#: numbers use the fictional 555-01XX range.
EN_BR_CITIES = ("São Paulo", "Rio de Janeiro", "Florianópolis", "Salvador", "Brasília")
US_CITIES = (
    ("Miami", "FL", "America/New_York", ("305", "786"), 6),
    ("Orlando", "FL", "America/New_York", ("407", "321", "689"), 4),
    ("New York", "NY", "America/New_York", ("212", "646", "332", "718", "347", "917", "929"), 8),
    ("Boston", "MA", "America/New_York", ("617", "857"), 3),
    ("Houston", "TX", "America/Chicago", ("713", "281", "832"), 3),
    ("Chicago", "IL", "America/Chicago", ("312", "773", "872"), 3),
    ("Los Angeles", "CA", "America/Los_Angeles", ("213", "310", "323", "424"), 4),
    ("Atlanta", "GA", "America/New_York", ("404", "470", "678"), 2),
)

STREETS = (
    "Rua XV de Novembro", "Avenida Brasil", "Rua São José", "Rua Sete de Setembro",
    "Avenida Getúlio Vargas", "Rua Tiradentes", "Rua Dom Pedro II", "Rua Santos Dumont",
    "Avenida Rio Branco", "Rua Marechal Deodoro", "Rua das Acácias", "Rua dos Ipês",
    "Rua Bela Vista", "Alameda das Palmeiras", "Rua Boa Esperança", "Avenida Independência",
    "Rua Rui Barbosa", "Rua Duque de Caxias", "Rua Castro Alves", "Avenida Presidente Vargas",
)
ES_STREETS = (
    "Av. Corrientes", "Calle San Martín", "Av. Libertador", "Calle Belgrano", "Av. 18 de Julio",
    "Calle Sarandí", "Av. Mariscal López", "Calle Palma", "Av. Reforma", "Calle Hidalgo",
)
EN_STREETS = ("Main Street", "Oak Avenue", "Park Avenue", "Maple Drive", "Ocean Drive")

EMAIL_DOMAINS = ("example.com.br", "example.com", "example.net", "example.org")

#: Share of customers per language and the chat channel each prefers.
LANGUAGE_SHARE = (("pt", 0.88), ("es", 0.08), ("en", 0.04))
CHANNEL_PREFERENCE = {
    "pt": (("whatsapp", 0.48), ("instagram", 0.24), ("facebook", 0.08), ("website", 0.12),
           ("email", 0.08)),
    "es": (("whatsapp", 0.35), ("instagram", 0.25), ("facebook", 0.10), ("website", 0.15),
           ("email", 0.15)),
    "en": (("whatsapp", 0.20), ("instagram", 0.20), ("facebook", 0.05), ("website", 0.25),
           ("email", 0.30)),
}
# fmt: on


@dataclass(slots=True)
class Customer:
    """A customer as plain data; ``language`` is what conversations are written in."""

    key: int
    ref: str
    name: str
    first_name: str
    gender: str
    email: str
    phone: str
    street: str
    city: str
    state_code: str
    country_code: str
    zip: str
    lang: str
    language: str
    tz: str
    channel: str
    created_at: object = None


def strip_accents(text):
    normalized = unicodedata.normalize("NFKD", text)
    return "".join(c for c in normalized if not unicodedata.combining(c))


def br_mobile(rng, ddd):
    """A Brazilian mobile in E.164: +55, the city's DDD, 9, then 8 digits starting 6-9."""
    return f"+55{ddd}9{rng.randint(6, 9)}{rng.randint(0, 9_999_999):07d}"


class PeopleFactory:
    """Draws unique customers; keeps the sets of used phones and e-mails."""

    def __init__(self, rng, ref_prefix):
        self.rng = rng
        self.ref_prefix = ref_prefix
        self.phones = set()
        self.emails = set()
        self.br_cities = Weighted(BR_CITIES, [city[4] for city in BR_CITIES])
        self.es_cities = Weighted(ES_CITIES, [city[7] for city in ES_CITIES])
        self.us_cities = Weighted(US_CITIES, [city[4] for city in US_CITIES])
        self.languages = Weighted.of(LANGUAGE_SHARE)
        self.channels = {lang: Weighted.of(pairs) for lang, pairs in CHANNEL_PREFERENCE.items()}

    def _unique_phone(self, draw):
        for _attempt in range(50):
            phone = draw()
            if phone not in self.phones:
                self.phones.add(phone)
                return phone
        return None

    def _email(self, first, last):
        rng = self.rng
        first_ascii = strip_accents(first).lower().replace(" ", "")
        last_ascii = strip_accents(last).lower().replace(" ", "")
        pattern = rng.random()
        if pattern < 0.45:
            local = f"{first_ascii}.{last_ascii}"
        elif pattern < 0.75:
            local = f"{first_ascii}{last_ascii}{rng.randint(1, 99)}"
        else:
            local = f"{first_ascii}_{last_ascii[:3]}{rng.randint(70, 2005)}"
        domain = rng.choice(EMAIL_DOMAINS)
        email = f"{local}@{domain}"
        suffix = 2
        while email in self.emails:
            email = f"{local}{suffix}@{domain}"
            suffix += 1
        self.emails.add(email)
        return email

    def _name(self, female, male, surnames):
        rng = self.rng
        gender = "f" if rng.random() < 0.72 else "m"  # the shop's audience is mostly women
        first = rng.choice(female if gender == "f" else male)
        last = rng.choice(surnames)
        if surnames is BR_SURNAMES and rng.random() < 0.45:
            other = rng.choice(surnames)
            if other != last:
                last = f"{other} {last}"
        return gender, first, last

    def _brazilian(self, lang, language):
        rng = self.rng
        city, state, ddd, tz, _weight, (low, high) = self.br_cities.pick(rng)
        if language == "en":  # expats live in a few big cities
            wanted = rng.choice(EN_BR_CITIES)
            city, state, ddd, tz, _weight, (low, high) = next(
                c for c in BR_CITIES if c[0] == wanted
            )
        phone = self._unique_phone(lambda: br_mobile(rng, ddd))
        cep = f"{rng.randint(low, high):05d}-{rng.randint(0, 999):03d}"
        street = f"{rng.choice(STREETS)}, {rng.randint(10, 2999)}"
        return city, state, "BR", tz, phone, cep, street

    def _spanish(self):
        rng = self.rng
        city, country, state, tz, lang, prefix, (digits, low, high), _w = self.es_cities.pick(rng)
        rest = digits - 1

        def draw():
            return f"{prefix}{rng.randint(low, high)}{rng.randrange(10**rest):0{rest}d}"

        phone = self._unique_phone(draw)
        street = f"{rng.choice(ES_STREETS)} {rng.randint(100, 4999)}"
        return city, state, country, tz, lang, phone, f"{rng.randint(1000, 99999)}", street

    def _american(self):
        rng = self.rng
        city, state, tz, areas, _w = self.us_cities.pick(rng)
        phone = self._unique_phone(lambda: f"+1{rng.choice(areas)}55501{rng.randint(0, 99):02d}")
        street = f"{rng.randint(10, 999)} {rng.choice(EN_STREETS)}"
        return city, state, "US", tz, phone, f"{rng.randint(10001, 99950)}", street

    def make(self, key):
        rng = self.rng
        language = self.languages.pick(rng)
        if language == "pt":
            gender, first, last = self._name(BR_FEMALE, BR_MALE, BR_SURNAMES)
            city, state, country, tz, phone, zip_code, street = self._brazilian("pt_BR", "pt")
            lang = "pt_BR"
        elif language == "es":
            gender, first, last = self._name(ES_FEMALE, ES_MALE, ES_SURNAMES)
            city, state, country, tz, lang, phone, zip_code, street = self._spanish()
        else:
            gender, first, last = self._name(EN_FEMALE, EN_MALE, EN_SURNAMES)
            lang = "en_US"
            phone = None
            if rng.random() < 0.4:
                city, state, country, tz, phone, zip_code, street = self._american()
            if phone is None:  # expats in Brazil, or the fictional US range is used up
                city, state, country, tz, phone, zip_code, street = self._brazilian(lang, "en")
        return Customer(
            key=key,
            ref=f"{self.ref_prefix}-{key:06d}",
            name=f"{first} {last}",
            first_name=first,
            gender=gender,
            email=self._email(first, last.split(" ")[-1]),
            phone=phone,
            street=street,
            city=city,
            state_code=state,
            country_code=country,
            zip=zip_code,
            lang=lang,
            language=language,
            tz=tz,
            channel=self.channels[language].pick(rng),
        )


def make_customers(rng, count, ref_prefix):
    """``count`` customers with unique phones and e-mails, keys 1..count."""
    factory = PeopleFactory(rng, ref_prefix)
    return [factory.make(key) for key in range(1, count + 1)]
