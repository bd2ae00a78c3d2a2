# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..social.identity import EVIDENCE, ordered_pair, score

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_manager"
SUGGESTION_STATES = [("pending", "Pending"), ("accepted", "Merged"), ("rejected", "Rejected")]
#: Evidence found by SQL over res.partner: the expression grouped on.
PARTNER_EVIDENCE_SQL = {
    "phone": "p.phone_sanitized",
    "email": "p.email_normalized",
    "name_city": "lower(trim(p.name)) || ', ' || lower(trim(p.city))",
}
#: A value shared by more partners than this is a shop's or a family's, not one person's.
MAX_GROUP = 5


class ChatwootIdentitySuggestion(models.Model):
    """Two partners that look like one person, with the evidence; a Manager decides.

    Nothing is merged silently: accepting runs Odoo's partner merge, rejecting keeps both
    and is remembered so the pair is not suggested again.
    """

    _name = "chatwoot.identity.suggestion"
    _description = "Identity Merge Suggestion"
    _order = "state, score desc, id desc"

    partner_id = fields.Many2one("res.partner", string="Keep", required=True, ondelete="cascade")
    duplicate_id = fields.Many2one(
        "res.partner", string="Duplicate", ondelete="set null", help="Empty once merged."
    )
    duplicate_name = fields.Char(readonly=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    evidence = fields.Selection(EVIDENCE, required=True)
    evidence_value = fields.Char(help="The shared phone, e-mail, name and city, or BSUID.")
    evidence_note = fields.Text(readonly=True)
    score = fields.Float(readonly=True, aggregator="avg")
    state = fields.Selection(SUGGESTION_STATES, required=True, default="pending", index=True)
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_at = fields.Datetime(readonly=True)

    _pair_uniq = models.Constraint(
        "UNIQUE(partner_id, duplicate_id)", "These partners are already suggested."
    )

    @api.model
    def _suggest(self, first, second, evidence, value=None, company=None):
        """Record (or strengthen) the suggestion that ``first`` and ``second`` are one person.

        A pair already decided stays decided: a rejected pair is never suggested again.
        """
        if not (first and second) or first == second:
            return self.browse()
        keep_id, duplicate_id = ordered_pair(first.id, second.id)
        existing = self.search(
            [("partner_id", "=", keep_id), ("duplicate_id", "=", duplicate_id)], limit=1
        )
        line = f"{dict(EVIDENCE)[evidence]}: {value or ''}".strip()
        if existing:
            notes = (existing.evidence_note or "").splitlines()
            if line not in notes and existing.state == "pending":
                kinds = {existing.evidence, evidence} | {
                    key for key, label in EVIDENCE for note in notes if note.startswith(label)
                }
                existing.write({"evidence_note": "\n".join([*notes, line]), "score": score(kinds)})
            return existing
        return self.create(
            {
                "partner_id": keep_id,
                "duplicate_id": duplicate_id,
                "duplicate_name": self.env["res.partner"].browse(duplicate_id).display_name,
                "evidence": evidence,
                "evidence_value": value,
                "evidence_note": line,
                "score": score([evidence]),
                "company_id": (company or self.env.company).id,
            }
        )

    @api.model
    def _cron_suggest_merges(self):
        """Suggest active partners sharing a phone, an e-mail, or a name plus a city.

        Contacts of one company, users' own partners and values shared by more than a few
        partners (a shop's switchboard, a family e-mail) are left out.
        """
        count = 0
        self.env["res.partner"].flush_model(
            [
                "active",
                "is_company",
                "commercial_partner_id",
                "phone_sanitized",
                "email_normalized",
                "name",
                "city",
            ]
        )
        self.env["res.users"].flush_model(["partner_id"])
        for evidence, expression in PARTNER_EVIDENCE_SQL.items():
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT %(expr)s AS value, array_agg(p.id ORDER BY p.id)
                      FROM res_partner p
                     WHERE p.active AND NOT p.is_company
                       AND coalesce(%(expr)s, '') NOT IN ('', ', ')
                       AND (%(evidence)s <> 'name_city' OR coalesce(trim(p.city), '') <> '')
                       AND NOT EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = p.id)
                     GROUP BY 1
                    HAVING count(DISTINCT p.commercial_partner_id) BETWEEN 2 AND %(max)s
                    """,
                    expr=SQL(expression),
                    evidence=evidence,
                    max=MAX_GROUP,
                )
            )
            Partner = self.env["res.partner"]
            for value, partner_ids in rows:
                partners = Partner.browse(partner_ids)
                first = partners[0]
                for other in partners[1:]:
                    if other.commercial_partner_id == first.commercial_partner_id:
                        continue
                    company = first.company_id or other.company_id or self.env.company
                    if self._suggest(first, other, evidence, value, company=company):
                        count += 1
        return count

    def _check_manager(self):
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(self.env._("Only ChatwootAI managers decide on merges."))

    def action_accept(self):
        """Merge the duplicate into the kept partner with Odoo's partner merge."""
        self._check_manager()
        Wizard = self.env["base.partner.merge.automatic.wizard"].sudo()
        for suggestion in self.filtered(lambda s: s.state == "pending"):
            keep, duplicate = suggestion.partner_id, suggestion.duplicate_id
            if not (keep.exists() and duplicate.exists()):
                raise UserError(self.env._("One of the partners no longer exists."))
            # Decided before the merge repoints (or deletes) the rows naming the duplicate.
            suggestion.write(
                {
                    "duplicate_id": False,
                    "duplicate_name": duplicate.display_name,
                    "state": "accepted",
                    "decided_by_id": self.env.user.id,
                    "decided_at": fields.Datetime.now(),
                }
            )
            self.flush_model()
            Wizard._merge((keep | duplicate).ids, keep.sudo(), extra_checks=False)
            self.invalidate_model()
            # Other suggestions of the duplicate now name the kept partner twice.
            self.sudo().search([("state", "=", "pending"), ("partner_id", "=", keep.id)]).filtered(
                lambda s: s.duplicate_id == s.partner_id
            ).unlink()
        return True

    def action_reject(self):
        self._check_manager()
        self.filtered(lambda s: s.state == "pending").write(
            {
                "state": "rejected",
                "decided_by_id": self.env.user.id,
                "decided_at": fields.Datetime.now(),
            }
        )
        return True
