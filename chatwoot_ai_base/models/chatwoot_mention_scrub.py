# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from collections import Counter

from odoo import api, models
from odoo.tools import SQL

from ..privacy.scrub import Person, scrub_json, scrub_text


def _like(value):
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ChatwootMentionScrub(models.AbstractModel):
    """An erased person's name, e-mails and phones in what other people wrote.

    The erasure deletes the person's own records; this replaces their mentions in the free
    text of everyone else's (``privacy/scrub.py``). Other addons add their text fields by
    extending :meth:`_chatwoot_scrub_fields` with ``super()``.
    """

    _name = "chatwoot.mention.scrub"
    _description = "ChatwootAI Mention Scrub"

    @api.model
    def _chatwoot_scrub_fields(self):
        """``{model: [field]}``: stored text, html or JSON fields where anyone may mention a
        person. Models or fields missing from the registry are skipped."""
        return {
            "chatwoot.message": ["content"],
            "chatwoot.conversation": ["ai_suggested_reply"],
            "chatwoot.ai.run": [
                "input_text",
                "output",
                "suggested_reply",
                "summary",
                "error",
                "context_snapshot",
            ],
            "chatwoot.webhook.event": ["payload", "error"],
        }

    @api.model
    def _person(self, partners, needles):
        """The ``Person`` to look for: the partners' names, their e-mails and phones."""
        return Person.build(
            names=partners.mapped("name"), emails=needles.emails, phones=needles.phones
        )

    @api.model
    def _scrub_mentions(self, person, names=()):
        """Replace ``person``'s mentions everywhere; returns ``{model: mentions replaced}``."""
        counts = Counter()
        if not person:
            return counts
        terms = person.search_terms()
        texts = set(terms["texts"]) | {name.lower() for name in names if len(name.split()) >= 2}
        patterns = [_like(text) for text in sorted(texts)]
        digits = [_like(value) for value in terms["digits"]]
        for model_name, field_names in self._chatwoot_scrub_fields().items():
            if model_name not in self.env:
                continue
            model = self.env[model_name].sudo().with_context(active_test=False)
            model.flush_model()
            for field_name in field_names:
                field = model._fields.get(field_name)
                if field is None or not field.store or not field.column_type:
                    continue
                for record_id in self._candidates(model, field_name, patterns, digits):
                    counts[model_name] += self._scrub_record(model.browse(record_id), field, person)
        return counts

    @api.model
    def _candidates(self, model, field_name, patterns, digits):
        """Ids whose ``field_name`` may mention the person (confirmed in Python)."""
        column = SQL("%s::text", SQL.identifier(field_name))
        conditions = []
        if patterns:
            conditions.append(SQL("lower(%s) LIKE ANY(%s)", column, patterns))
        if digits:
            conditions.append(
                SQL("regexp_replace(%s, '\\D', '', 'g') LIKE ANY(%s)", column, digits)
            )
        if not conditions:
            return []
        rows = self.env.execute_query(
            SQL(
                "SELECT id FROM %s WHERE %s IS NOT NULL AND (%s) ORDER BY id",
                SQL.identifier(model._table),
                SQL.identifier(field_name),
                SQL(" OR ").join(conditions),
            )
        )
        return [row[0] for row in rows]

    @api.model
    def _scrub_record(self, record, field, person):
        """Scrub one field of one record; returns the mentions replaced."""
        value = record[field.name]
        if field.type == "json":
            value, count = scrub_json(value, person)
        else:
            value, count = self._scrub_raw_text(value, person)
        if count:
            record.with_context(tracking_disable=True).write({field.name: value})
        return count

    @api.model
    def _scrub_raw_text(self, text, person):
        """A raw JSON body (a webhook payload) is scrubbed value by value, so that escaped
        characters ("Concei\\u00e7\\u00e3o") are read as written; other text as it is."""
        stripped = (text or "").lstrip()
        if stripped[:1] in ("{", "["):
            try:
                parsed = json.loads(text)
            except ValueError:
                parsed = None
            if parsed is not None:
                scrubbed, count = scrub_json(parsed, person)
                return (json.dumps(scrubbed, ensure_ascii=False) if count else text), count
        return scrub_text(text, person)
