# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pure helpers for the *ChatwootAI Overview* spreadsheet dashboard (no ``odoo`` import).

:mod:`.spreadsheet` builds chart figures in the o_spreadsheet format Odoo 19 loads, checks a
workbook for the mistakes that make the dashboard fail to open, and appends one addon's sheet.
"""
