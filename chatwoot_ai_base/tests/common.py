# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared fixtures: one user per ChatwootAI level, menu/action checks every addon reuses, the
job runner played by a test, and committing cursors for concurrency tests."""

from contextlib import contextmanager
from urllib.parse import urlsplit

import polib

from odoo import SUPERUSER_ID, api, sql_db
from odoo.modules.registry import Registry
from odoo.orm.environments import Transaction
from odoo.tests import BaseCase, TransactionCase, new_test_user
from odoo.tests import common as odoo_test_common
from odoo.tools.misc import file_path
from odoo.tools.safe_eval import safe_eval
from odoo.tools.translate import TranslationModuleReader

USER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_user"
MARKETER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_marketer"
MANAGER_GROUP = "chatwoot_ai_base.group_chatwoot_ai_manager"


def perform_jobs(env, find_due, rounds=20):
    """Perform the jobs ``find_due()`` returns, round after round, as the job runner would;
    the number performed."""
    from odoo.addons.queue_job.job import Job

    performed = 0
    for _round in range(rounds):
        records = find_due()
        if not records:
            break
        for record in records:
            job = Job.load(env, record.uuid)
            job.perform()
            job.set_done(result=job.result)
            job.store()
            performed += 1
        env.invalidate_all()
    return performed


class CommittingCase(BaseCase):
    """Not a TransactionCase: each :meth:`env_cursor` block commits, so that several real
    connections (threads) see each other's rows, as concurrent requests do."""

    def setUp(self):
        super().setUp()
        from odoo.tools import config

        db_name = config["db_name"]
        self.dbname = db_name[0] if isinstance(db_name, list) else db_name
        self.registry_object = Registry(self.dbname)

    def new_env(self, cr):
        """A superuser environment on ``cr`` bound to the loaded registry.

        Given the registry object, the environment does not call ``Registry(dbname)``, which
        waits for ``Registry._lock`` (see :meth:`registries_unlocked`).
        """
        cr.transaction = Transaction(self.registry_object)
        return api.Environment(cr, SUPERUSER_ID, {})

    @contextmanager
    def env_cursor(self):
        """A superuser environment on a new connection, committed at the end of the block."""
        cr = sql_db.db_connect(self.dbname).cursor()
        try:
            yield self.new_env(cr)
            cr.commit()
        except BaseException:
            cr.rollback()
            raise
        finally:
            cr.close()

    @contextmanager
    def registries_unlocked(self):
        """Let other threads reach the registry while this test waits for them.

        ``odoo-bin --test-enable --stop-after-init`` runs the tests while holding
        ``Registry._lock`` (a reentrant lock) in this thread; a thread replaying a
        serialization failure calls ``Registry(dbname)`` and would wait for the server to end.
        Nothing else runs in the process meanwhile; under pytest the lock is free already.
        """
        lock, held = Registry._lock, 0
        while lock._is_owned():
            lock.release()
            held += 1
        try:
            yield
        finally:
            for _ in range(held):
                lock.acquire()


class CommittedAccountCase(CommittingCase):
    """A committed Chatwoot account (``account_id``, ``token``), removed with its deliveries
    and drain jobs afterwards."""

    #: The account's Chatwoot id: each class its own, so that no leftover collides.
    chatwoot_account_number = 98

    def setUp(self):
        super().setUp()
        with self.env_cursor() as env:
            account = env["chatwoot.account"].create(
                {
                    "name": f"Committed {self.chatwoot_account_number}",
                    "chatwoot_account_id": self.chatwoot_account_number,
                    "base_url": "https://committed.example",
                }
            )
            self.account_id, self.token = account.id, account.webhook_token
        self.addCleanup(self.remove_account)

    def remove_account(self):
        with self.env_cursor() as env:
            env["chatwoot.webhook.event"].search([("account_id", "=", self.account_id)]).unlink()
            self.drain_jobs(env).unlink()
            env["chatwoot.account"].browse(self.account_id).unlink()

    def drain_jobs(self, env):
        return env["queue.job"].search(
            [("func_string", "like", f"chatwoot.account({self.account_id},)._job_drain_events")]
        )


class ChatwootAICase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.employee = new_test_user(cls.env, login="cw_employee", groups="base.group_user")
        cls.agent = new_test_user(cls.env, login="cw_agent", groups=f"base.group_user,{USER_GROUP}")
        cls.marketer = new_test_user(
            cls.env, login="cw_marketer", groups=f"base.group_user,{MARKETER_GROUP}"
        )
        cls.manager = new_test_user(
            cls.env, login="cw_manager", groups=f"base.group_user,{MANAGER_GROUP}"
        )
        cls.account = cls.env["chatwoot.account"].create(
            {
                "name": "Loja Teste",
                "base_url": "https://chat.example.com",
                "chatwoot_account_id": 1,
                "api_access_token": "token-xyz",
                "webhook_secret": "s3cr3t",
            }
        )
        cls.inbox = cls.env["chatwoot.inbox"].create(
            {
                "account_id": cls.account.id,
                "chatwoot_inbox_id": 10,
                "name": "WhatsApp Loja",
                "channel_type": "Channel::Whatsapp",
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Ana Souza", "phone": "+5511987654321", "email": "ana@example.com"}
        )
        cls.conversation = cls.env["chatwoot.conversation"].create(
            {
                "account_id": cls.account.id,
                "inbox_id": cls.inbox.id,
                "display_id": 101,
                "channel_type": "Channel::Whatsapp",
                "partner_id": cls.customer.id,
            }
        )
        cls.env["chatwoot.message"].create(
            {
                "account_id": cls.account.id,
                "conversation_id": cls.conversation.id,
                "partner_id": cls.customer.id,
                "chatwoot_message_id": 5001,
                "content": "Olá! Vocês têm o batom vermelho? 💄",
            }
        )

    def menus_of(self, module):
        """The menu items that `module` declares."""
        data = self.env["ir.model.data"].search(
            [("module", "=", module), ("model", "=", "ir.ui.menu")]
        )
        return self.env["ir.ui.menu"].browse(data.mapped("res_id"))

    def visible_menus(self, user, menus):
        """The menus `user` can reach: the menu and every ancestor must be visible."""
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

        def reachable(menu):
            while menu:
                if menu.id not in visible:
                    return False
                menu = menu.parent_id
            return True

        return menus.filtered(reachable)

    def assert_actions_open(self, user, menus):
        """Every window action behind `menus` renders its views and reads data as `user`."""
        for menu in menus.filtered("action"):
            action = menu.action
            if action._name != "ir.actions.act_window":
                continue
            model = self.env[action.res_model].with_user(user)
            # The views the web client opens: the action's own where it names them.
            views = [(view_id or False, view_type) for view_id, view_type in action.views]
            view_types = [view_type for _view_id, view_type in views]
            views = model.get_views(views)
            self.assertEqual(set(views["views"]), set(view_types), menu.complete_name)
            # Read what the views show, as the web client does: every field of the model
            # would include fields the views restrict to other groups (e.g. stock's).
            shown = list(views["models"][action.res_model]["fields"])
            model.search_read(safe_eval(action.domain or "[]"), shown, limit=5)

    def assert_translations_complete(self, module, lang="pt_BR"):
        """Every term the module shows in the UI has a translation in i18n/<lang>.po."""
        reader = TranslationModuleReader(self.env.cr, modules=[module])
        terms = {row[4] for row in reader if row[4]}
        catalog = polib.pofile(file_path(f"{module}/i18n/{lang}.po"))
        translated = {entry.msgid for entry in catalog if entry.msgstr and not entry.obsolete}
        missing = sorted(terms - translated)
        self.assertFalse(missing, f"{module}: {len(missing)} term(s) without {lang} translation")


class LocalRequestsMixin:
    """Requests to the local fakes (Chatwoot, LLMs) are sent as they are, in any Odoo case.

    Odoo's guard against external requests evaluates ``timeout < 10``, a TypeError on the
    Chatwoot client's ``(connect, read)`` tuple; requests elsewhere still meet the guard.
    """

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        if urlsplit(r.url).hostname == odoo_test_common.HOST:
            return odoo_test_common._super_send(s, r, **kw)
        return super()._request_handler(s, r, **kw)


class FakeChatwootCase(LocalRequestsMixin, ChatwootAICase):
    """A case whose HTTP calls reach the local fake Chatwoot (``self.fake``)."""

    def setUp(self):
        super().setUp()
        from .fake_chatwoot import FakeChatwoot

        self.fake = FakeChatwoot().start()
        self.addCleanup(self.fake.stop)


class AddonSmokeMixin:
    """What every addon of the suite must pass, mixed into a :class:`ChatwootAICase` that
    names its ``module`` and ``entry_menu`` (a mixin, so that runners never collect it alone).
    """

    module = None
    entry_menu = None

    def test_module_is_installed(self):
        module = self.env["ir.module.module"].search([("name", "=", self.module)])
        self.assertEqual(module.state, "installed")

    def test_menu_is_for_marketers_and_managers_only(self):
        menus = self.menus_of(self.module)
        entry = self.env.ref(f"{self.module}.{self.entry_menu}")
        for user in (self.employee, self.agent):
            self.assertFalse(self.visible_menus(user, menus), user.login)
        for user in (self.marketer, self.manager):
            self.assertIn(entry, self.visible_menus(user, menus), user.login)

    def test_every_action_opens_for_marketers(self):
        menus = self.menus_of(self.module)
        for user in (self.marketer, self.manager):
            self.assert_actions_open(user, self.visible_menus(user, menus))

    def test_user_interface_is_fully_translated_to_pt_br(self):
        self.assert_translations_complete(self.module)
