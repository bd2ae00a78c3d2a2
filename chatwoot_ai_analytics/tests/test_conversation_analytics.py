# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Conversation analytics on a real registry: classification, topics, service report."""

from datetime import datetime, timedelta

from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.tests.common import USER_GROUP, ChatwootAICase

from ..models.chatwoot_message import INTENT_SELECTION
from ..models.chatwoot_topic import TOPIC_REFIT_DAYS

T0 = datetime(2026, 3, 2, 10, 0, 0)


def minutes(n):
    return T0 + timedelta(minutes=n)


class ConversationAnalyticsCase(ChatwootAICase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.message_seq = 90000

    @classmethod
    def new_conversation(cls, display_id, account=None, inbox=None, **values):
        account = account or cls.account
        return cls.env["chatwoot.conversation"].create(
            {
                "account_id": account.id,
                "inbox_id": (inbox or cls.inbox).id,
                "display_id": display_id,
                "channel_type": "Channel::Whatsapp",
                "partner_id": cls.customer.id,
                **values,
            }
        )

    @classmethod
    def add_messages(cls, conversation, messages):
        """``messages``: (minute, message_type, sender_type, content[, private])."""
        values = []
        for minute, message_type, sender_type, content, *private in messages:
            cls.message_seq += 1
            values.append(
                {
                    "account_id": conversation.account_id.id,
                    "conversation_id": conversation.id,
                    "partner_id": conversation.partner_id.id,
                    "chatwoot_message_id": cls.message_seq,
                    "content": content,
                    "message_type": message_type,
                    "sender_type": sender_type,
                    "private": bool(private and private[0]),
                    "created_at": minutes(minute),
                }
            )
        return cls.env["chatwoot.message"].create(values)

    @staticmethod
    def classification(messages):
        """{message id: (sentiment, score, intent, confidence)}, read afresh."""
        messages.invalidate_recordset()
        return {
            message.id: (
                message.sentiment,
                message.sentiment_score,
                message.intent,
                message.intent_confidence,
            )
            for message in messages
        }


@tagged("post_install", "-at_install")
class TestMessageClassification(ConversationAnalyticsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chat = cls.new_conversation(7001)
        cls.messages = cls.add_messages(
            cls.chat,
            [
                (0, "incoming", "contact", "Adorei o produto, chegou super rápido! Obrigada"),
                (1, "incoming", "contact", "Péssimo atendimento, o produto veio quebrado"),
                (2, "incoming", "contact", "Onde está meu pedido? Já faz dez dias"),
                (3, "incoming", "contact", "Me encantó el producto, excelente calidad"),
                (4, "incoming", "contact", "Terrible service, I want a refund now"),
                (5, "incoming", "contact", "Quanto custa o batom vermelho?"),
                (6, "outgoing", "user", "Olá! O batom custa R$ 59,90"),
                (7, "outgoing", "user", "Nota interna: cliente irritada", True),
            ],
        )
        cls.env["chatwoot.message"]._analytics_classify()

    def by_content(self, start):
        return self.messages.filtered(lambda message: message.content.startswith(start))

    def test_intent_selection_matches_the_pure_classifier(self):
        from ..stats.intent import INTENTS

        self.assertEqual(tuple(key for key, _label in INTENT_SELECTION), INTENTS)

    def test_customer_messages_get_sentiment_in_three_languages(self):
        self.assertEqual(self.by_content("Adorei").sentiment, "positive")
        self.assertEqual(self.by_content("Me encantó").sentiment, "positive")
        self.assertEqual(self.by_content("Péssimo").sentiment, "negative")
        self.assertEqual(self.by_content("Terrible").sentiment, "negative")
        self.assertGreater(self.by_content("Adorei").sentiment_score, 0)
        self.assertLess(self.by_content("Péssimo").sentiment_score, 0)

    def test_customer_messages_get_an_intent(self):
        self.assertEqual(self.by_content("Onde está").intent, "order_status")
        self.assertEqual(self.by_content("Quanto custa").intent, "price")
        self.assertIn(self.by_content("Péssimo").intent, ("complaint", "exchange_return"))
        incoming = self.messages.filtered(lambda m: m.message_type == "incoming")
        self.assertEqual(len(incoming), 6)
        for message in incoming:
            self.assertIn(message.intent, dict(INTENT_SELECTION))

    def test_agent_replies_and_notes_are_not_classified(self):
        replies = self.messages.filtered(lambda m: m.message_type == "outgoing")
        self.assertEqual(len(replies), 2)
        self.assertEqual(len(replies.filtered("private")), 1)
        for message in replies:
            self.assertFalse(message.sentiment)
            self.assertFalse(message.intent)

    def test_incremental_run_only_classifies_new_messages(self):
        Message = self.env["chatwoot.message"]
        old = self.by_content("Adorei")
        # A marker score no classifier returns: it survives only if the row is left alone.
        self.env.execute_query(
            SQL("UPDATE chatwoot_message SET sentiment_score = 0.4242 WHERE id = %s", old.id)
        )
        new = self.add_messages(self.chat, [(30, "incoming", "contact", "Gostei muito, amei!")])
        self.assertEqual(Message._analytics_classify(), 1)
        old.invalidate_recordset()
        self.assertEqual(old.sentiment_score, 0.4242)
        self.assertEqual(new.sentiment, "positive")
        self.assertEqual(Message._analytics_classify(), 0)

    def test_stored_classification_is_the_classifiers_output_to_the_bit(self):
        """The staged write (COPY, then one UPDATE) stores exactly the labels and floats the
        classifier computed: every score reads back equal, not only close."""
        Message = self.env["chatwoot.message"]
        incoming = self.messages.filtered(lambda m: m.message_type == "incoming")
        rows = [(message.id, message.content) for message in incoming]
        columns, values = Message._classification_values(rows, {})
        self.assertEqual(
            list(columns), ["sentiment_score", "sentiment", "intent", "intent_confidence"]
        )
        scores, sentiments, intents, confidences = values
        expected = {
            message_id: (sentiments[i], scores[i], intents[i], confidences[i])
            for i, (message_id, _content) in enumerate(rows)
        }
        self.assertTrue(any(score % 1 and len(repr(score)) > 10 for score in scores))
        self.assertEqual(self.classification(incoming), expected)

    def test_incremental_run_leaves_classified_rows_unwritten(self):
        """Only the new message's row gets a new version: the others keep their physical
        place (an UPDATE, even one writing equal values, always moves a row)."""
        Message = self.env["chatwoot.message"]

        def places():
            return dict(
                self.env.execute_query(
                    SQL("SELECT id, ctid::text FROM chatwoot_message WHERE id = ANY(%s)", ids)
                )
            )

        new = self.add_messages(self.chat, [(32, "incoming", "contact", "Amei o perfume!")])
        ids = (self.messages | new).ids
        new.flush_recordset()
        before = places()
        self.assertEqual(Message._analytics_classify(), 1)
        after = places()
        self.assertNotEqual(after.pop(new.id), before.pop(new.id))
        self.assertEqual(after, before)
        self.assertEqual(new.sentiment, "positive")

    def test_conversation_sentiment_trend_and_dominant_intent(self):
        chat = self.new_conversation(7002)
        messages = self.add_messages(
            chat,
            [
                (0, "incoming", "contact", "Adorei, produto excelente!"),
                (1, "incoming", "contact", "Amei, chegou rápido, obrigada!"),
                (2, "outgoing", "user", "Que bom!"),
                (3, "incoming", "contact", "Péssimo, o segundo pedido veio quebrado"),
                (4, "incoming", "contact", "Horrível, ninguém responde, atendimento ruim"),
            ],
        )
        self.env["chatwoot.message"]._analytics_classify()
        scored = messages.filtered("sentiment")
        self.assertEqual(len(scored), 4)
        self.assertEqual(chat.sentiment_trend, "worsening")
        self.assertAlmostEqual(chat.sentiment_score, sum(scored.mapped("sentiment_score")) / 4)
        counts = {}
        for intent in scored.mapped("intent"):
            counts[intent] = counts.get(intent, 0) + 1
        expected = min(counts, key=lambda intent: (intent == "other", -counts[intent], intent))
        self.assertEqual(chat.dominant_intent, expected)
        self.assertFalse(self.new_conversation(7003).sentiment)

    def test_since_limits_the_run_to_recent_messages(self):
        new = self.add_messages(self.chat, [(31, "incoming", "contact", "Produto horrível")])
        tomorrow = datetime.now() + timedelta(days=1)
        self.assertEqual(self.env["chatwoot.message"]._analytics_classify(since=tomorrow), 0)
        self.assertFalse(new.sentiment)
        self.assertEqual(self.env["chatwoot.message"]._analytics_classify(), 1)
        self.assertEqual(new.sentiment, "negative")

    def test_edited_message_is_classified_again(self):
        message = self.by_content("Quanto custa")
        message.write({"content": "Odiei, veio errado e ninguém responde"})
        self.assertFalse(message.sentiment)
        self.env["chatwoot.message"]._analytics_classify()
        self.assertEqual(message.sentiment, "negative")


@tagged("post_install", "-at_install")
class TestTopics(ConversationAnalyticsCase):
    THEMES = {
        "entrega": [
            "A entrega do meu pedido está atrasada",
            "Meu pedido não chegou, qual o prazo de entrega?",
            "O prazo de entrega já passou e o pedido não chegou",
            "Quando chega o pedido? A entrega atrasou",
        ],
        "troca": [
            "Quero trocar a camiseta por outro tamanho",
            "Como faço a troca do tamanho da camiseta?",
            "A camiseta ficou pequena, preciso trocar o tamanho",
            "Posso trocar a camiseta? O tamanho não serviu",
        ],
        "batom": [
            "Vocês têm o batom vermelho matte?",
            "O batom matte vermelho está em estoque?",
            "Quero comprar o batom vermelho matte",
            "Tem batom matte na cor vermelho?",
        ],
    }
    #: Words a topic of each theme must show among its terms.
    THEME_WORDS = {
        "entrega": {"entrega", "pedido", "prazo", "chegou", "atrasada", "atrasou", "chega"},
        "troca": {"troca", "trocar", "camiseta", "tamanho"},
        "batom": {"batom", "matte", "vermelho"},
    }
    ENDINGS = ("", " Obrigada!", " Por favor, me ajudem.", " Aguardo retorno.", " É urgente.")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A company of its own: its topics are fitted on these messages only.
        cls.company = cls.env["res.company"].create({"name": "Loja Tópicos"})
        cls.topic_account = cls.env["chatwoot.account"].create(
            {
                "name": "Loja Tópicos",
                "base_url": "https://chat.example.com",
                "chatwoot_account_id": 77,
                "api_access_token": "token-topics",
                "company_id": cls.company.id,
            }
        )
        cls.topic_inbox = cls.env["chatwoot.inbox"].create(
            {"account_id": cls.topic_account.id, "chatwoot_inbox_id": 77, "name": "Site"}
        )
        cls.theme_messages = {}
        for number, (theme, texts) in enumerate(cls.THEMES.items()):
            for copy, ending in enumerate(cls.ENDINGS):
                chat = cls.new_conversation(
                    8000 + number * 10 + copy, account=cls.topic_account, inbox=cls.topic_inbox
                )
                rows = [(i, "incoming", "contact", text + ending) for i, text in enumerate(texts)]
                cls.theme_messages.setdefault(theme, cls.env["chatwoot.message"])
                cls.theme_messages[theme] |= cls.add_messages(chat, rows)
        # Another company (the main one) talks about payments: its topics are fitted apart.
        for copy, ending in enumerate(cls.ENDINGS):
            texts = (
                "O pagamento pelo pix foi recusado" + ending,
                "Meu boleto venceu, como pago de novo?" + ending,
            )
            cls.add_messages(
                cls.new_conversation(8900 + copy),
                [(i, "incoming", "contact", text) for i, text in enumerate(texts)],
            )
        cls.env["chatwoot.topic"]._refresh_topics()
        cls.topics = cls.env["chatwoot.topic"].search([("company_id", "=", cls.company.id)])

    def test_topics_have_readable_labels_terms_and_examples(self):
        self.assertGreaterEqual(len(self.topics), 2)
        for topic in self.topics:
            self.assertRegex(topic.label, r"[a-zà-ú]{3,}")
            self.assertNotRegex(topic.label, r"^(topic|tópico)\s*\d+$")
            self.assertTrue(topic.terms)
            self.assertTrue(topic.examples)
            self.assertGreater(topic.size, 0)

    def test_sizes_count_the_assigned_messages(self):
        messages = self.env["chatwoot.message"].search(
            [("company_id", "=", self.company.id), ("topic_id", "!=", False)]
        )
        self.assertEqual(sum(self.topics.mapped("size")), len(messages))
        self.assertEqual(messages.topic_id, self.topics)

    def test_messages_land_in_topics_about_their_theme(self):
        self.assertEqual(set(self.theme_messages), set(self.THEMES))
        for theme, messages in self.theme_messages.items():
            self.assertEqual(len(messages), len(self.THEMES[theme]) * len(self.ENDINGS))
            for message in messages:
                terms = set(message.topic_id.terms.split(", "))
                words = {word for term in terms for word in term.split()}
                self.assertTrue(words & self.THEME_WORDS[theme], (theme, message.content, terms))

    def test_topics_stay_in_their_company(self):
        other = self.env["chatwoot.topic"].search([("company_id", "!=", self.company.id)])
        self.assertTrue(other, "the main company's payment messages have topics of their own")
        self.assertTrue(any(topic.examples for topic in other))
        own_examples = "\n".join(self.topics.mapped("examples"))
        for topic in other:
            for line in (topic.examples or "").splitlines():
                self.assertNotIn(line, own_examples.splitlines())

    def test_refresh_refits_only_after_new_messages(self):
        Topic = self.env["chatwoot.topic"]
        condition = Topic._customer_messages_sql(self.company.id)
        # Pretend the fit is a minute younger than every message: nothing changed since.
        self.topics.write({"refreshed_at": datetime.now() + timedelta(minutes=1)})
        self.topics.flush_recordset()
        self.assertFalse(Topic._messages_changed(self.company.id, condition))
        chat = self.new_conversation(8999, account=self.topic_account, inbox=self.topic_inbox)
        new = self.add_messages(chat, [(0, "incoming", "contact", "Quando chega meu pedido?")])
        new.flush_recordset()
        self.topics.write({"refreshed_at": datetime.now() - timedelta(minutes=1)})
        self.topics.flush_recordset()
        self.assertTrue(Topic._messages_changed(self.company.id, condition))
        Topic._refresh_topics()
        self.assertTrue(new.topic_id)

    def test_trend_leaves_the_running_month_out_and_its_label_agrees(self):
        """Two days of the running month never read as -100 % against whole months."""
        Topic = self.env["chatwoot.topic"]
        now = self.env.cr.now()
        this_month = now.replace(day=1, hour=12, minute=0, second=0, microsecond=0)
        last_month = (this_month - timedelta(days=1)).replace(day=1)
        before_last = (last_month - timedelta(days=1)).replace(day=1)
        # entrega: 5 then 15 messages (a significant rise); troca: 15 then 5 (a fall); batom:
        # 10 then 9; one message of each theme in the running month.
        split = {"entrega": 5, "troca": 15, "batom": 10}
        for theme, messages in self.theme_messages.items():
            messages = messages.sorted("id")
            dates = [before_last] * split[theme] + [last_month] * (len(messages) - split[theme])
            dates[-1] = this_month
            for message, when in zip(messages, dates, strict=True):
                self.env.execute_query(
                    SQL(
                        "UPDATE chatwoot_message SET created_at = %s WHERE id = %s",
                        when,
                        message.id,
                    )
                )
        self.env["chatwoot.message"].invalidate_model(["created_at"])
        Topic._store_sizes_and_trends(self.topics, Topic._customer_messages_sql(self.company.id))
        last_key, previous_key = last_month.strftime("%Y-%m"), before_last.strftime("%Y-%m")
        messages = self.env["chatwoot.message"].search([("company_id", "=", self.company.id)])
        for topic in self.topics:
            mine = messages.filtered(lambda message, topic=topic: message.topic_id == topic)
            months = [message.created_at.strftime("%Y-%m") for message in mine]
            self.assertEqual(topic.last_period, last_key)
            self.assertEqual(topic.last_period_count, months.count(last_key))
            self.assertEqual(topic.previous_period_count, months.count(previous_key))
            if topic.trend == "stable":
                self.assertLess(abs(topic.growth), 0.25, topic.label)
            if topic.trend in ("rising", "declining"):
                self.assertEqual(topic.growth > 0, topic.trend == "rising", topic.label)
        # Ten small topics: the counts are too few to call, and the labels say so.
        for topic in self.theme_messages["entrega"].topic_id:
            self.assertGreater(topic.growth, 0, topic.label)
            self.assertIn(topic.trend, ("rising", "uncertain"), topic.label)
        for topic in self.theme_messages["troca"].topic_id:
            self.assertLess(topic.growth, 0, topic.label)
            self.assertIn(topic.trend, ("declining", "uncertain"), topic.label)

    def test_a_second_refresh_keeps_topics_and_assignments(self):
        messages = self.env["chatwoot.message"].search([("company_id", "=", self.company.id)])
        before = {message.id: message.topic_id.id for message in messages}
        self.env["chatwoot.topic"]._refresh_topics()
        again = self.env["chatwoot.topic"].search([("company_id", "=", self.company.id)])
        self.assertEqual(again, self.topics)
        self.assertEqual({message.id: message.topic_id.id for message in messages}, before)

    # -- the stored vocabulary ---------------------------------------------------------------

    def stored_model(self):
        return self.env.execute_query(
            SQL(
                "SELECT model, fitted_at, assigned_at FROM chatwoot_topic_vocabulary"
                " WHERE company_id = %s",
                self.company.id,
            )
        )[0]

    def age_everything(self, **shift):
        """The messages, the fit and its assignment as if done ``shift`` ago (one test runs in
        one transaction, where every write has the same time)."""
        then = self.env.cr.now() - timedelta(**shift)
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_message SET write_date = %s - interval '1 minute'"
                " WHERE company_id = %s;"
                " UPDATE chatwoot_topic SET refreshed_at = %s WHERE company_id = %s;"
                " UPDATE chatwoot_topic_vocabulary SET fitted_at = %s, assigned_at = %s"
                " WHERE company_id = %s",
                then,
                self.company.id,
                then,
                self.company.id,
                then,
                then,
                self.company.id,
            )
        )
        self.env.invalidate_all()
        return then

    def new_messages(self, number, *texts):
        chat = self.new_conversation(number, account=self.topic_account, inbox=self.topic_inbox)
        messages = self.add_messages(
            chat, [(i, "incoming", "contact", text) for i, text in enumerate(texts)]
        )
        messages.flush_recordset()
        return messages

    def test_new_messages_are_assigned_with_the_stored_vocabulary(self):
        model, _fitted, _assigned = self.stored_model()
        then = self.age_everything(hours=1)
        # An old message's topic is cleared behind the refresh's back: only messages new
        # since the last assignment are assigned, so it stays without one.
        old = self.theme_messages["batom"][0]
        self.env.execute_query(
            SQL("UPDATE chatwoot_message SET topic_id = NULL WHERE id = %s", old.id)
        )
        new = self.new_messages(8990, "A entrega do meu pedido atrasou, qual o prazo?")
        self.env["chatwoot.topic"]._refresh_topics()
        stored, fitted_at, assigned_at = self.stored_model()
        self.assertEqual((bytes(stored), fitted_at), (bytes(model), then))
        self.assertEqual(assigned_at, self.env.cr.now())
        self.assertIn(new.topic_id, self.theme_messages["entrega"].topic_id)
        self.assertTrue(new.sentiment)
        self.assertFalse(old.topic_id)
        self.assertEqual(
            self.env["chatwoot.topic"].search([("company_id", "=", self.company.id)]), self.topics
        )

    def wipe(self):
        """What the analytics benchmark does before a full run: no topic, no classification."""
        self.env.execute_query(
            SQL(
                "UPDATE chatwoot_message SET sentiment = NULL, sentiment_score = NULL,"
                " intent = NULL, topic_id = NULL WHERE company_id = %s;"
                " DELETE FROM chatwoot_topic WHERE company_id = %s",
                self.company.id,
                self.company.id,
            )
        )
        self.env.invalidate_all()

    def assignments(self):
        messages = self.env["chatwoot.message"].search([("company_id", "=", self.company.id)])
        self.assertTrue(messages)
        return {
            message.id: (message.topic_id.label, message.topic_id.terms, message.sentiment)
            for message in messages
        }

    def test_reused_vocabulary_and_a_refit_give_the_same_topics(self):
        """The same messages: the stored model (topic records rebuilt from it) and a fit from
        scratch give the same topics and assignments."""
        before = self.assignments()
        then = self.age_everything(hours=1)
        Topic = self.env["chatwoot.topic"]
        self.wipe()
        Topic._refresh_topics()
        self.assertEqual(self.stored_model()[1], then)  # reused, not fitted again
        reused = self.assignments()
        self.wipe()
        self.env.execute_query(
            SQL("DELETE FROM chatwoot_topic_vocabulary WHERE company_id = %s", self.company.id)
        )
        Topic._refresh_topics()
        self.assertEqual(self.stored_model()[1], self.env.cr.now())  # fitted again
        self.assertEqual(self.assignments(), reused)
        self.assertEqual(reused, before)

    def classifications(self):
        return self.classification(
            self.env["chatwoot.message"].search([("company_id", "=", self.company.id)])
        )

    def test_topic_refresh_classifies_like_the_classification_step(self):
        """A first refresh writes topics and classifications in one staged UPDATE: the
        classifications are those the classification step alone writes."""
        self.wipe()
        self.env["chatwoot.topic"]._refresh_topics()
        with_topics = self.classifications()
        self.assertEqual(len(with_topics), len(self.THEMES) * 4 * len(self.ENDINGS))
        self.assertTrue(all(values[0] and values[2] for values in with_topics.values()))
        self.wipe()
        # Only the wiped company's messages are left to classify.
        self.assertEqual(self.env["chatwoot.message"]._analytics_classify(), len(with_topics))
        self.assertEqual(self.classifications(), with_topics)

    def test_topic_refresh_rewrites_only_the_new_messages(self):
        """With the stored vocabulary reused, the messages assigned before keep their row
        version; the new message gets its topic and its classification."""
        self.age_everything(hours=1)
        old = self.env["chatwoot.message"].search([("company_id", "=", self.company.id)])

        def places():
            return dict(
                self.env.execute_query(
                    SQL("SELECT id, ctid::text FROM chatwoot_message WHERE id = ANY(%s)", old.ids)
                )
            )

        before = places()
        new = self.new_messages(8994, "Vocês têm o batom matte vermelho? Quero comprar")
        self.env["chatwoot.topic"]._refresh_topics()
        self.assertEqual(places(), before)
        self.assertIn(new.topic_id, self.theme_messages["batom"].topic_id)
        self.assertTrue(new.sentiment and new.intent)

    def test_a_refit_rewrites_no_message_whose_topic_stays(self):
        """A refit assigns every message again; the same deterministic fit gives the same
        topics, so no message row is rewritten."""
        then = self.age_everything(hours=1)
        messages = self.env["chatwoot.message"].search([("company_id", "=", self.company.id)])
        query = SQL(
            "SELECT id, ctid::text, topic_id FROM chatwoot_message WHERE id = ANY(%s)",
            messages.ids,
        )
        before = self.env.execute_query(query)
        # No stored model and topics older than the messages: a refit from scratch.
        self.env.execute_query(
            SQL(
                "DELETE FROM chatwoot_topic_vocabulary WHERE company_id = %s;"
                " UPDATE chatwoot_topic SET refreshed_at = %s - interval '1 hour'"
                " WHERE company_id = %s",
                self.company.id,
                then,
                self.company.id,
            )
        )
        self.env["chatwoot.topic"]._refresh_topics()
        self.assertEqual(self.stored_model()[1], self.env.cr.now())  # fitted again
        self.assertEqual(self.env.execute_query(query), before)

    def test_new_words_or_a_week_fit_the_topics_again(self):
        self.age_everything(hours=1)
        Topic = self.env["chatwoot.topic"]
        self.new_messages(
            8992,
            "Cancelamento da assinatura mensal do clube",
            "Assinatura do clube cancelada sem aviso",
            "Renovação automática da assinatura do clube",
        )
        Topic._refresh_topics()
        self.assertEqual(self.stored_model()[1], self.env.cr.now())
        self.age_everything(days=TOPIC_REFIT_DAYS)
        self.new_messages(8993, "Quero trocar o tamanho da camiseta")
        Topic._refresh_topics()
        self.assertEqual(self.stored_model()[1], self.env.cr.now())


@tagged("post_install", "-at_install")
class TestServiceReport(ConversationAnalyticsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A: no bot. First response 15 min (the private note does not stop the clock), then
        # replies after 10 and 20 min of waiting, resolved 2 h after the start.
        cls.human = cls.new_conversation(
            9001, created_at=T0, status="resolved", resolved_at=minutes(120), assignee_name="Bia"
        )
        cls.add_messages(
            cls.human,
            [
                (0, "incoming", "contact", "Oi, preciso de ajuda"),
                (2, "incoming", "contact", "Alguém aí?"),
                (5, "outgoing", "user", "nota", True),
                (15, "outgoing", "user", "Olá! Como posso ajudar?"),
                (20, "incoming", "contact", "Meu pedido 123"),
                (30, "outgoing", "user", "Já verifico"),
                (40, "incoming", "contact", "E então?"),
                (45, "incoming", "contact", "??"),
                (60, "outgoing", "user", "Chega amanhã"),
            ],
        )
        # B: the bot answered and resolved; nobody else replied.
        cls.bot = cls.new_conversation(
            9002, created_at=T0, status="resolved", resolved_at=minutes(5)
        )
        cls.add_messages(
            cls.bot,
            [
                (0, "incoming", "contact", "Qual o horário?"),
                (1, "outgoing", "agent_bot", "Das 9h às 18h"),
            ],
        )
        # C: the bot answered twice and handed off; the human answered at minute 33. Bot
        # replies do not stop the first-response clock: 33 min from the first message.
        cls.handoff = cls.new_conversation(9003, created_at=T0, assignee_name="Bia")
        cls.add_messages(
            cls.handoff,
            [
                (0, "incoming", "contact", "Quero falar com alguém"),
                (1, "outgoing", "agent_bot", "Posso ajudar?"),
                (2, "incoming", "contact", "Não, com uma pessoa"),
                (3, "outgoing", "agent_bot", "Vou transferir"),
                (33, "outgoing", "user", "Oi, sou a Bia"),
            ],
        )
        cls.Report = cls.env["chatwoot.service.report"]
        cls.rows = cls.Report.search(
            [("conversation_id", "in", (cls.human | cls.bot | cls.handoff).ids)]
        )

    def row(self, conversation):
        return self.rows.filtered(lambda row: row.conversation_id == conversation)

    def test_first_response_reply_and_resolution_times(self):
        row = self.row(self.human)
        self.assertAlmostEqual(row.first_response_minutes, 15.0)
        self.assertAlmostEqual(row.reply_minutes, 15.0)  # (10 + 20) / 2
        self.assertAlmostEqual(row.resolution_hours, 2.0)
        self.assertEqual((row.resolved, row.reply_count, row.incoming_count), (1, 3, 5))
        self.assertEqual((row.bot_handled, row.bot_resolved, row.handoff), (0, 0, 0))
        self.assertEqual(row.agent, "Bia")

    def test_bot_resolution(self):
        row = self.row(self.bot)
        self.assertEqual((row.bot_handled, row.bot_resolved, row.handoff), (1, 1, 0))
        self.assertFalse(row.first_response_minutes)
        self.assertAlmostEqual(row.resolution_hours, 5 / 60)

    def test_hand_off_and_bot_replies_do_not_stop_the_clock(self):
        row = self.row(self.handoff)
        self.assertEqual((row.bot_handled, row.bot_resolved, row.handoff), (1, 0, 1))
        self.assertAlmostEqual(row.first_response_minutes, 33.0)
        self.assertFalse(row.resolved)
        self.assertFalse(row.resolution_hours)

    def test_grouped_averages_skip_missing_events(self):
        groups = self.Report._read_group(
            [("id", "in", self.rows.ids)],
            [],
            ["first_response_minutes:avg", "resolved:sum", "handoff:sum"],
        )
        self.assertAlmostEqual(groups[0][0], 24.0)  # (15 + 33) / 2: the bot-only chat has none
        self.assertEqual(groups[0][1:], (2, 1))

    def test_view_agrees_with_the_pure_service_metrics(self):
        from ..stats.service import conversation_facts

        conversations, messages = self.Report._service_rows([("id", "in", self.rows.ids)])
        facts = conversation_facts(conversations, messages)
        for position, conversation in enumerate(conversations):
            row = self.rows.browse(conversation[0])
            expected = facts["first_response_seconds"][position]
            if expected == expected:  # not NaN
                self.assertAlmostEqual(row.first_response_minutes, expected / 60.0)
            else:
                self.assertFalse(row.first_response_minutes)
            self.assertEqual(bool(row.handoff), bool(facts["handoff"][position]))
            self.assertEqual(bool(row.bot_resolved), bool(facts["bot_resolved"][position]))
            self.assertEqual(bool(row.bot_handled), bool(facts["bot_handled"][position]))

    def test_breakdown_counts_events_at_their_time_for_the_replying_agent(self):
        """One conversation from March 30 into April, answered by Caio then by Bia."""
        start = datetime(2026, 3, 30, 10, 0)
        chat = self.new_conversation(
            9100,
            created_at=start,
            status="resolved",
            resolved_at=datetime(2026, 4, 3, 9, 0),
            assignee_name="Bia",
        )
        values = [
            (start, "incoming", "contact", None),
            (start + timedelta(minutes=10), "outgoing", "user", "Caio"),
            (datetime(2026, 4, 2, 9, 0), "incoming", "contact", None),
            (datetime(2026, 4, 2, 9, 30), "outgoing", "user", "Bia"),
        ]
        for when, message_type, sender_type, sender_name in values:
            type(self).message_seq += 1
            self.env["chatwoot.message"].create(
                {
                    "account_id": chat.account_id.id,
                    "conversation_id": chat.id,
                    "chatwoot_message_id": self.message_seq,
                    "content": "Oi",
                    "message_type": message_type,
                    "sender_type": sender_type,
                    "sender_name": sender_name,
                    "created_at": when,
                }
            )
        domain = [("id", "=", chat.id)]
        months = dict(self.Report._breakdown("period", domain))
        self.assertEqual(set(months), {"2026-03", "2026-04"})
        self.assertEqual(
            (months["2026-03"]["first_responses"], months["2026-03"]["replies"]), (1, 0)
        )
        self.assertEqual((months["2026-04"]["replies"], months["2026-04"]["resolutions"]), (1, 1))
        agents = dict(self.Report._breakdown("agent", domain))
        self.assertEqual((agents["Caio"]["first_responses"], agents["Caio"]["replies"]), (1, 0))
        self.assertEqual((agents["Bia"]["replies"], agents["Bia"]["resolutions"]), (1, 1))

    def test_breakdown_per_agent_and_rates(self):
        rows = dict(self.Report._breakdown("agent", [("id", "in", self.rows.ids)]))
        self.assertEqual(rows["Bia"]["conversations"], 2)
        self.assertAlmostEqual(rows["Bia"]["first_response_median"], 24.0 * 60)
        total = self.Report._breakdown(None, [("id", "in", self.rows.ids)])
        self.assertEqual(total["conversations"], 3)
        self.assertAlmostEqual(total["bot_resolution_rate"], 0.5)
        self.assertAlmostEqual(total["handoff_rate"], 0.5)
        self.assertAlmostEqual(total["reply_time_avg"], 15.0 * 60)

    def test_service_report_renders(self):
        html, report_type = self.env["ir.actions.report"]._render_qweb_html(
            "chatwoot_ai_analytics.report_service", self.rows.ids
        )
        self.assertEqual(report_type, "html")
        html = html.decode()
        self.assertIn("Service report", html)
        self.assertIn("WhatsApp Loja", html)  # the inbox section
        self.assertIn("Bia", html)  # the agent section
        self.assertIn("24.0", html)  # the overall first-response average
        self.assertIn("50 %", html)  # bot resolution and hand-off rates

    def test_rows_respect_companies(self):
        other = self.env["res.company"].create({"name": "Outra Loja"})
        user = new_test_user(
            self.env,
            login="cw_other_company_agent",
            groups=f"base.group_user,{USER_GROUP}",
            company_id=other.id,
            company_ids=[other.id],
        )
        visible = self.Report.with_user(user).search([("id", "in", self.rows.ids)])
        self.assertFalse(visible)
        # The PDF's figures too: the other company's agent counts none of these.
        totals = self.Report.with_user(user)._breakdown(None, [("id", "in", self.rows.ids)])
        self.assertEqual(totals["conversations"], 0)
        self.assertEqual(
            self.Report.with_user(self.agent).search_count([("id", "in", self.rows.ids)]), 3
        )
