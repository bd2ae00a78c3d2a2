# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

REASONS = [
    ("data_subject", "Data subject request"),
    ("legal", "Legal obligation"),
    ("other", "Other"),
]
STATES = [("draft", "Draft"), ("done", "Done")]


class ChatwootErasureRequest(models.Model):
    """A request to erase a person from the suite (LGPD art. 18, VI; GDPR art. 17).

    The request is the audit trail of the erasure, so it keeps no personal data itself: its
    name is its number, it stores counts per kind of record, and after execution its link
    points to the anonymised partner ("Erased customer #<id>"). ``partner_ref_id`` keeps that
    id even if the anonymised partner is deleted later. No chatter: a chatter would be one
    more place for names and e-mails to end up in.
    """

    _name = "chatwoot.erasure.request"
    _description = "ChatwootAI Erasure Request"
    _order = "id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        index=True,
        ondelete="set null",
        domain=[("is_company", "=", False)],
        help="The person to erase, with their own addresses and contacts. After execution "
        "this is the anonymised contact that orders and invoices still reference.",
    )
    partner_ref_id = fields.Integer(string="Customer ID", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    reason = fields.Selection(REASONS, required=True, default="data_subject")
    note = fields.Text(
        help="Why and how the request arrived (a ticket number, a date). Never personal data: "
        "no names, e-mails or phone numbers."
    )
    requester_id = fields.Many2one(
        "res.users", string="Requested By", required=True, default=lambda self: self.env.user
    )
    state = fields.Selection(STATES, required=True, default="draft", readonly=True, copy=False)
    executed_at = fields.Datetime(string="Executed On", readonly=True, copy=False)
    executed_by_id = fields.Many2one("res.users", string="Executed By", readonly=True, copy=False)
    delete_in_chatwoot = fields.Boolean(
        string="Also Delete in Chatwoot",
        help="Delete the person's contacts in Chatwoot through its API as well. A failure "
        "there is counted here and does not undo the erasure in Odoo.",
    )
    chatwoot_deleted_count = fields.Integer(string="Deleted in Chatwoot", readonly=True, copy=False)
    chatwoot_failed_count = fields.Integer(string="Failed in Chatwoot", readonly=True, copy=False)
    mentions_replaced = fields.Integer(
        string="Mentions Replaced",
        readonly=True,
        copy=False,
        help="Mentions of the person (name, e-mail, phone) replaced by [erased] in what other "
        "people wrote: messages, AI runs, webhook deliveries.",
    )
    line_ids = fields.One2many(
        "chatwoot.erasure.request.line", "request_id", string="Counts", readonly=True, copy=False
    )
    total_count = fields.Integer(string="Records", compute="_compute_total_count")

    @api.depends()
    def _compute_display_name(self):
        for request in self:
            request.display_name = (
                self.env._("Erasure request #%(id)s", id=request.id)
                if request.id
                else self.env._("New erasure request")
            )

    @api.depends("line_ids.count")
    def _compute_total_count(self):
        for request in self:
            request.total_count = sum(request.line_ids.mapped("count"))

    @api.constrains("state", "partner_id")
    def _check_partner(self):
        for request in self:
            if request.state == "draft" and not request.partner_id:
                raise UserError(self.env._("Choose the customer to erase."))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(request.state == "done" for request in self):
            raise UserError(self.env._("An executed erasure request is kept as proof."))

    def write(self, vals):
        if "partner_id" in vals and any(request.state == "done" for request in self):
            raise UserError(self.env._("The customer of an executed request cannot change."))
        return super().write(vals)

    # ------------------------------------------------------------------ execution
    def action_execute(self):
        """Erase the person everywhere in the suite; keep only counts on the request."""
        self.env["chatwoot.personal.data"]._check_manager()
        for request in self.sudo():
            request._execute()
        return True

    def _execute(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("This request was already executed."))
        partner = self.partner_id
        counts, chatwoot, mentions = self.env["chatwoot.personal.data"]._erase_partner(
            partner, delete_in_chatwoot=self.delete_in_chatwoot
        )
        self.write(
            {
                "state": "done",
                "executed_at": fields.Datetime.now(),
                "executed_by_id": self.env.uid,
                "partner_ref_id": partner.id,
                "chatwoot_deleted_count": chatwoot["deleted"],
                "chatwoot_failed_count": chatwoot["failed"],
                "mentions_replaced": sum(mentions.values()),
                "line_ids": [Command.clear()] + self._line_commands(counts),
            }
        )

    def _line_commands(self, counts):
        commands = []
        for sequence, (model_name, count) in enumerate(counts.items()):
            model = self.env.get(model_name)
            label = model._description if model is not None else model_name
            commands.append(
                Command.create(
                    {
                        "sequence": sequence,
                        "model": model_name,
                        "model_description": label,
                        "count": count,
                    }
                )
            )
        return commands

    @api.model
    def _action_new_for_partners(self, partners):
        """Server action on contacts: open a draft erasure request for the contact."""
        self.env["chatwoot.personal.data"]._check_manager()
        partners.ensure_one()
        request = self.create({"partner_id": partners.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": request.id,
            "view_mode": "form",
            "target": "current",
        }
