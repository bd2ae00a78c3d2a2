# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Prices written the way the customer's language writes them.

>>> format_price(59.9)
'R$ 59,90'
>>> format_price(1234.56, "BRL", "pt")
'R$ 1.234,56'
>>> format_price(1234.56, "USD", "en")
'$1,234.56'
>>> format_price(1234.56, "EUR", "es")
'1.234,56 €'
>>> format_price(1234.5, "ARS", "es")
'$ 1.234,50'
>>> format_price(15990, "CLP", "es")
'$ 15.990'
>>> format_price(1234.56, "MXN", "es")
'$1,234.56'
"""

from decimal import ROUND_HALF_UP, Decimal

# Symbol per currency; where a symbol is shared ($), other languages than the currency's
# own need the ISO-style prefix to be unambiguous (a Brazilian reads "$" as dollars).
SYMBOLS = {
    "BRL": "R$",
    "USD": "US$",
    "EUR": "€",
    "ARS": "$",
    "MXN": "$",
    "CLP": "$",
    "COP": "$",
    "PEN": "S/",
    "UYU": "$U",
}
# The symbol each language uses for a currency when it differs from SYMBOLS.
LOCAL_SYMBOLS = {("en", "USD"): "$", ("es", "USD"): "US$"}
# Pesos of Chile and Colombia are priced without cents.
DECIMALS = {"CLP": 0, "COP": 0}
# (thousands separator, decimal separator); Mexico writes numbers like English.
SEPARATORS = {"pt": (".", ","), "es": (".", ","), "en": (",", ".")}
DOT_DECIMAL = {("es", "MXN")}


def currency_symbol(currency, language="pt"):
    """The symbol for ``currency`` in ``language``; the ISO code itself when unknown.

    >>> currency_symbol("USD", "en"), currency_symbol("USD", "pt"), currency_symbol("XYZ")
    ('$', 'US$', 'XYZ')
    """
    code = (currency or "BRL").upper()
    return LOCAL_SYMBOLS.get((language, code)) or SYMBOLS.get(code, code)


def format_number(amount, decimals=2, language="pt", currency=""):
    """``amount`` rounded half-up with the language's separators.

    >>> format_number(1234567.891, 2, "pt")
    '1.234.567,89'
    >>> format_number(0.005, 2, "en")
    '0.01'
    """
    quantum = Decimal(1).scaleb(-decimals)
    value = Decimal(str(amount)).quantize(quantum, rounding=ROUND_HALF_UP)
    grouped = f"{abs(value):,.{decimals}f}"  # "1,234.56" in Python's own notation
    thousands, point = SEPARATORS.get(language, SEPARATORS["pt"])
    if (language, (currency or "").upper()) in DOT_DECIMAL:
        thousands, point = SEPARATORS["en"]
    text = grouped.replace(",", "\0").replace(".", point).replace("\0", thousands)
    return f"-{text}" if value < 0 else text


def format_price(amount, currency="BRL", language="pt"):
    """``amount`` as a price in ``currency`` for a reader of ``language``; "" for None.

    English and Mexican Spanish glue the symbol to the number; the euro follows the
    number in Portuguese and Spanish usage of Europe's currency; the others put the
    symbol first with a space, as Brazil does ("R$ 59,90").
    """
    if amount is None or amount is False:
        return ""
    code = (currency or "BRL").upper()
    symbol = currency_symbol(code, language)
    number = format_number(amount, DECIMALS.get(code, 2), language, code)
    if code == "EUR" and language in ("pt", "es"):
        return f"{number} {symbol}"
    # The sign goes before the symbol: "-R$ 5,50", "-$3.00".
    sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
    if language == "en" or (language, code) in DOT_DECIMAL:
        return f"{sign}{symbol}{digits}"
    return f"{sign}{symbol} {digits}"
