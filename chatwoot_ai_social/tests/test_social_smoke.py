# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from odoo.addons.chatwoot_ai_base.tests.common import AddonSmokeMixin, ChatwootAICase


@tagged("post_install", "-at_install")
class TestSocialSmoke(AddonSmokeMixin, ChatwootAICase):
    module = "chatwoot_ai_social"
    entry_menu = "menu_chatwoot_conversation_social"
