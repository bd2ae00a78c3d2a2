# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fixtures of the content addon: a small cosmetics catalog with attributes and an image."""

import base64
import io

from PIL import Image

from odoo.tests import HttpCase

from odoo.addons.chatwoot_ai_base.tests.common import ChatwootAICase
from odoo.addons.queue_job.job import Job

CONTENT_CHANNEL = "root.chatwoot.content"


def png(colours, size=(60, 40)):
    """A PNG of vertical stripes ``[(rgb, share)]``, base64 for an image field."""
    image = Image.new("RGB", size)
    x = 0
    for rgb, share in colours:
        width = round(size[0] * share)
        image.paste(rgb, (x, 0, x + width, size[1]))
        x += width
    out = io.BytesIO()
    image.save(out, "PNG")
    return base64.b64encode(out.getvalue())


class ContentCase(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        brl = cls.env.ref("base.BRL")
        brl.active = True
        cls.company = cls.env["res.company"].create({"name": "Loja da Ana", "currency_id": brl.id})
        for user in (cls.agent, cls.marketer, cls.manager):
            user.write({"company_ids": [(4, cls.company.id)], "company_id": cls.company.id})
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        cls.category = cls.env["product.category"].create({"name": "Batons"})
        colour = cls.env["product.attribute"].create(
            {
                "name": "Cor",
                "value_ids": [(0, 0, {"name": "Vermelho"}), (0, 0, {"name": "Nude"})],
            }
        )
        cls.matte = cls.env["product.template"].create(
            {
                "name": "Batom Matte Vermelho",
                "company_id": cls.company.id,
                "categ_id": cls.category.id,
                "list_price": 59.9,
                "sale_ok": True,
                "description_sale": "Acabamento matte que não transfere. Fórmula com manteiga "
                "de karité.",
                "image_1920": png([((200, 16, 46), 0.6), ((250, 250, 250), 0.4)]),
                "attribute_line_ids": [
                    (0, 0, {"attribute_id": colour.id, "value_ids": [(6, 0, colour.value_ids.ids)]})
                ],
            }
        )
        cls.creamy = cls.env["product.template"].create(
            {
                "name": "Batom Cremoso Rosa",
                "company_id": cls.company.id,
                "categ_id": cls.category.id,
                "list_price": 49.9,
                "sale_ok": True,
                "description_sale": "Textura cremosa e confortável.",
            }
        )
        cls.voice = cls.env["chatwoot.brand.voice"].create(
            {
                "company_id": cls.company.id,
                "tone": "friendly",
                "avoid_words": "barato",
                "colours": "#C2185B, #222222",
                "default_language": "pt_BR",
                "require_approval": True,
            }
        )
        cls.Piece = cls.env["chatwoot.content.piece"]

    def run_content_jobs(self):
        """Perform the pending jobs of the content channel, as the runner would."""
        performed = 0
        for _round in range(20):
            records = self.env["queue.job"].search(
                [("channel", "=", CONTENT_CHANNEL), ("state", "=", "pending")], order="id"
            )
            if not records:
                break
            for record in records:
                job = Job.load(self.env, record.uuid)
                job.perform()
                job.set_done(result=job.result)
                job.store()
                performed += 1
            self.env.invalidate_all()
        return performed


class ContentHttpCase(HttpCase, ContentCase):
    """Content fixtures served by the real controllers."""
