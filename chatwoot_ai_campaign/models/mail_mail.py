# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailMail(models.Model):
    """Odoo's mail queue reports on campaign e-mails: sent is delivered, an exception fails."""

    _inherit = "mail.mail"

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") in ("sent", "exception"):
            Recipient = self.env["chatwoot.campaign.recipient"].sudo()
            recipients = Recipient.search([("mail_id", "in", self.ids)])
            if not recipients:
                return result
            if vals["state"] == "sent":
                Recipient._advance(recipients.ids, "delivered")
            else:
                recipients.filtered(lambda r: r.state == "sent").write(
                    {"state": "failed", "error": vals.get("failure_reason") or "bounced"}
                )
        return result
