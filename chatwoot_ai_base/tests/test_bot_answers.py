# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The offline provider answers price, stock, order and policy questions in pt, es and en,
from the shop's live data, through the whole webhook → job → Chatwoot loop."""

from odoo.tests import tagged

from .bot_fixtures import BotFlowCase


@tagged("post_install", "-at_install")
class TestBotOfflineAnswers(BotFlowCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Knowledge = cls.env["chatwoot.knowledge"]
        for name, content in (
            ("Prazo de entrega", "Entregamos em todo o Brasil em até 7 dias úteis."),
            ("Plazo de envío", "Enviamos a toda América Latina en 12 días hábiles."),
            ("Shipping time", "We ship worldwide within 15 business days."),
        ):
            Knowledge.create(
                {"name": name, "category": "shipping", "content": content, "keywords": name}
            )

    def ask(self, display_id, text):
        """Ask in a conversation of its own; the posted answer and its run."""
        self.script_chatwoot(display_id, message_id=910_000 + display_id)
        self.say(20_000 + display_id, text, display_id=display_id)
        replies = self.public_replies(display_id)
        self.assertEqual(len(replies), 1, text)
        run = self.runs(display_id)
        self.assertEqual(run.state, "done", f"{text}: {run.handoff_reason} {run.output}")
        return replies[0]["content"], run

    def test_price_questions(self):
        cases = [
            (401, "pt", "Quanto custa o batom vermelho matte?"),
            (402, "es", "¿Cuánto cuesta el batom vermelho matte?"),
            (403, "en", "How much is the batom vermelho matte?"),
        ]
        for display_id, language, text in cases:
            answer, run = self.ask(display_id, text)
            self.assertEqual(run.language, language, text)
            self.assertIn(self.price(59.90, language), answer, text)
            self.assertEqual(run.intent, "price", text)

    def test_stock_questions(self):
        cases = [
            (411, "pt", "Vocês têm o sérum facial vitamina C em estoque?"),
            (412, "es", "¿Tienen el sérum facial vitamina C disponible?"),
            (413, "en", "Do you have the sérum facial vitamina C in stock?"),
        ]
        for display_id, language, text in cases:
            answer, run = self.ask(display_id, text)
            self.assertEqual(run.language, language, text)
            self.assertIn("Sérum Facial Vitamina C", answer, text)

    def test_order_status_questions(self):
        cases = [
            (421, "pt", "Qual é o status do meu pedido?"),
            (422, "es", "¿Cuál es el estado de mi pedido?"),
            (423, "en", "What is the status of my order?"),
        ]
        for display_id, language, text in cases:
            answer, run = self.ask(display_id, text)
            self.assertEqual(run.language, language, text)
            self.assertEqual(run.intent, "order_status", text)
            self.assertIn(self.order.name, answer, text)
            # Another customer's order never appears.
            self.assertNotIn(self.other_order.name, answer, text)

    def test_policy_questions(self):
        cases = [
            (431, "pt", "Qual é o prazo de entrega?", "7 dias úteis"),
            (432, "es", "¿Cuál es el plazo de envío?", "12 días hábiles"),
            (433, "en", "What is your shipping time?", "15 business days"),
        ]
        for display_id, language, text, expected in cases:
            answer, run = self.ask(display_id, text)
            self.assertEqual(run.language, language, text)
            self.assertEqual(run.intent, "shipping", text)
            self.assertIn(expected, answer, text)
