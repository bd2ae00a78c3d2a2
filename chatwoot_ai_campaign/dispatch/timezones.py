# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A recipient's time zone: the partner's own, else inferred from the phone number.

Brazil spans four offsets, so its area code (DDD) decides; other countries use the
``phonenumbers`` time-zone metadata (the library behind Odoo's phone tools) when it
names one zone, else the country's main zone.

>>> infer_timezone("+55 65 99999-8888")
'America/Cuiaba'
>>> infer_timezone("+5511987654321")
'America/Sao_Paulo'
>>> infer_timezone("+55 (68) 99999-8888")
'America/Rio_Branco'
>>> infer_timezone("+351 912 345 678")
'Europe/Lisbon'
>>> infer_timezone("not a phone") is None
True
"""

import re

try:  # the phone tools' library; without it only the tables below answer
    import phonenumbers
    from phonenumbers import timezone as phone_timezone
except ImportError:  # pragma: no cover
    phonenumbers = None

#: Brazilian area codes (DDD) outside Brasília time.
BRAZIL_DDD_ZONES = {
    "65": "America/Cuiaba",
    "66": "America/Cuiaba",
    "67": "America/Campo_Grande",
    "68": "America/Rio_Branco",
    "69": "America/Porto_Velho",
    "92": "America/Manaus",
    "97": "America/Manaus",
    "95": "America/Boa_Vista",
    "91": "America/Belem",
    "93": "America/Santarem",
    "94": "America/Belem",
    "96": "America/Belem",
    "98": "America/Fortaleza",
    "99": "America/Fortaleza",
    "85": "America/Fortaleza",
    "88": "America/Fortaleza",
    "81": "America/Recife",
    "87": "America/Recife",
    "82": "America/Maceio",
    "83": "America/Fortaleza",
    "84": "America/Fortaleza",
    "86": "America/Fortaleza",
    "89": "America/Fortaleza",
    "79": "America/Maceio",
    "71": "America/Bahia",
    "73": "America/Bahia",
    "74": "America/Bahia",
    "75": "America/Bahia",
    "77": "America/Bahia",
    "63": "America/Araguaina",
}
#: The main zone of countries whose numbers ``phonenumbers`` maps to several zones.
COUNTRY_ZONES = {
    "55": "America/Sao_Paulo",
    "351": "Europe/Lisbon",
    "34": "Europe/Madrid",
    "54": "America/Argentina/Buenos_Aires",
    "52": "America/Mexico_City",
    "1": "America/New_York",
    "57": "America/Bogota",
    "56": "America/Santiago",
    "51": "America/Lima",
    "598": "America/Montevideo",
    "595": "America/Asuncion",
}


def digits(phone):
    """The digits of ``phone`` ("+55 (65) 9..." -> "55659...")."""
    return re.sub(r"\D", "", phone or "")


def infer_timezone(phone):
    """The IANA zone a phone number in E.164 (or "+"-prefixed) form belongs to, or None."""
    if phone and phone[:3] == "+55" and len(phone) >= 9 and phone[1:].isdigit():
        # The sanitized form Odoo stores: no parsing (100k of them at a launch).
        return BRAZIL_DDD_ZONES.get(phone[3:5], "America/Sao_Paulo")
    number = digits(phone)
    if len(number) < 8 or not (phone or "").strip().startswith(("+", "00")):
        return None
    number = number[2:] if phone.strip().startswith("00") else number
    if number.startswith("55"):
        return BRAZIL_DDD_ZONES.get(number[2:4], "America/Sao_Paulo")
    if phonenumbers is not None:
        try:
            parsed = phonenumbers.parse("+" + number)
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is not None:
            zones = [z for z in phone_timezone.time_zones_for_number(parsed) if "/" in z]
            country = str(parsed.country_code)
            if len(zones) == 1 and not zones[0].startswith("Etc/"):
                return zones[0]
            if country in COUNTRY_ZONES:
                return COUNTRY_ZONES[country]
            return zones[0] if zones and not zones[0].startswith("Etc/") else None
    for length in (3, 2, 1):
        if number[:length] in COUNTRY_ZONES:
            return COUNTRY_ZONES[number[:length]]
    return None


def recipient_timezone(partner_tz, phone, default_tz="UTC"):
    """The zone to schedule in: the partner's, else the phone's, else ``default_tz``.

    >>> recipient_timezone("Europe/Madrid", "+5565999998888")
    'Europe/Madrid'
    >>> recipient_timezone(False, "+5565999998888")
    'America/Cuiaba'
    >>> recipient_timezone(None, None, "America/Sao_Paulo")
    'America/Sao_Paulo'
    """
    return partner_tz or infer_timezone(phone) or default_tz
