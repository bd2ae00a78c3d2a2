# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the AI agent may know about a conversation: catalog, orders, knowledge, customer.

Every method reads with the current user's rights (the bot user, under its record rules);
only the search indexes are read with plain SQL, and what they return is filtered by
company and then read back through the ORM.
"""

from odoo import api, models, tools

from ..search import expand_terms, query_plan, query_terms, score_detail
from ..sql import search as search_sql
from .chatwoot_business_profile import agent_language

# A knowledge hit scoring below this shares a fragment of a word with an entry's title, not a
# subject: "Alô?" scored 0.05 on the demo's animal-testing entry (word similarity alone), while
# the real questions of the tests score 0.13 and more. Below it, the agent had better say it
# does not know (and hand off) than answer with an unrelated policy.
KNOWLEDGE_MIN_SCORE = 0.1
ORDER_STATES = ("sent", "sale")
DESCRIPTION_CHARS = 280
#: Fields of the product templates found that the results and their pricing read.
RESULT_FIELDS = ["name", "description_sale", "list_price", "uom_id", "categ_id", "company_id"]
SUMMARY_MESSAGES = 3
SUMMARY_CHARS = 160


def agent_tools(callables):
    """The pure layer's AgentTools for plain callables (the one place that builds it)."""
    from ..ai import AgentTools  # noqa: PLC0415 - the ai package loads crewai lazily

    return AgentTools(**callables)


class ChatwootContext(models.AbstractModel):
    _name = "chatwoot.context"
    _description = "ChatwootAI Conversation Context"

    # ------------------------------------------------------------------ products
    @api.model
    def _search_products(self, query, partner=None, limit=5, company=None):
        """Saleable, active products matching ``query``, best first, priced for ``partner``.

        Each result carries its ``score`` and ``score_detail`` (the weighted components,
        and how the query was read: terms, corrections, terms ignored, matching mode).
        """
        company = company or self.env.company
        partner = partner or self._context_customer()
        self.env["product.template"].sudo()._chatwoot_search_refresh_pending()
        plan = self._product_query_plan(query)
        if not plan["terms"]:
            return []
        rows = self._product_candidates(plan, company, limit)
        return self._product_results(rows, plan, partner, company)

    @api.model
    def _product_query_plan(self, query):
        """How ``query`` will be searched: each term with the catalog words it stands for,
        given what the catalog's vocabulary knows of it (see :func:`..search.plan.query_plan`)."""
        terms = query_terms(query)
        return query_plan(terms, self._vocabulary_lookup(terms))

    @api.model
    def _vocabulary_lookup(self, terms):
        """{term: (in the vocabulary, [vocabulary words it may be a typo of, best first])}:
        words one swap of letters away first, then trigram-similar ones."""
        if not terms:
            return {}
        self.env.cr.execute(search_sql.vocabulary_lookup(terms))
        return {
            term: (known, list(dict.fromkeys(swapped + similar))[:3])
            for term, known, swapped, similar in self.env.cr.fetchall()
        }

    @api.model
    def _product_candidates(self, plan, company, limit):
        """Rows (id + components + score) of the best products: every term in the name
        first, then every term anywhere, then any term, then (no usable term) trigram
        similarity of the name.

        A word found in many descriptions ("água") matches thousands of rows; when enough
        names hold every term, only those are ranked (a name match outweighs what a
        description-only match can score).
        """
        groups = plan["groups"]
        rows = []
        if groups:
            rows = self._product_rank(plan, company, limit, "&", in_name=True)
            if len(rows) < limit:
                rows = self._product_rank(plan, company, limit, "&")
            if len(rows) < limit and len(groups) > 1:
                seen = {row["id"] for row in rows}
                extra = self._product_rank(plan, company, limit + len(rows), "|")
                rows += [row for row in extra if row["id"] not in seen][: limit - len(rows)]
        if not rows:
            rows = self._product_rank(plan, company, limit, None)
        return rows

    @api.model
    def _product_rank(self, plan, company, limit, operator, in_name=False):
        self.env.cr.execute(search_sql.product_rank(plan, company.id, limit, operator, in_name))
        names = [column.name for column in self.env.cr.description]
        mode = search_sql.product_mode(operator, in_name)
        return [dict(zip(names, row, strict=False), mode=mode) for row in self.env.cr.fetchall()]

    @api.model
    def _product_results(self, rows, plan, partner, company):
        templates = (
            self.env["product.template"].with_company(company).browse([row["id"] for row in rows])
        )
        with_stock = "qty_available" in self.env["product.product"]._fields
        # The fields the results and the pricing read, not the ~150 columns a read of one
        # field fetches; the same for the company (its currency).
        templates.fetch(RESULT_FIELDS + (["is_storable"] if with_stock else []))
        company.fetch(["currency_id"])
        pricelist = self._pricelist_for(partner, company)
        currency = pricelist.currency_id or company.currency_id
        prices = pricelist._get_products_price(templates, 1.0, currency=currency)
        # Quantities on hand are catalog facts, but computing them reads stock moves, which
        # the bot user (and a Marketer) may not: read them as superuser, for these results only.
        on_hand = (
            {template.id: template.qty_available for template in templates.sudo()}
            if with_stock
            else {}
        )
        # Suggestions are catalog facts aggregated over all orders, never one customer's
        # data: the hook runs as superuser so that the bot user needs no analytics rights.
        related = self.sudo()._related_products(templates.ids)
        # Category and attributes of the five results in one query, not five.
        labels = self._catalog_labels(templates.ids)
        query_info = {key: plan[key] for key in ("terms", "corrections", "ignored")}
        results = []
        for template, row in zip(templates, rows, strict=True):
            stocked = with_stock and template.is_storable
            detail = score_detail(row)
            detail["query"] = dict(query_info, mode=row["mode"])
            results.append(
                {
                    "id": template.id,
                    "name": template.name,
                    "price": prices.get(template.id, template.list_price),
                    "currency": currency.name,
                    "in_stock": on_hand[template.id] > 0 if stocked else None,
                    "qty_available": on_hand[template.id] if stocked else None,
                    "description": (template.description_sale or "")[:DESCRIPTION_CHARS],
                    "category": labels.get(template.id, ("", ""))[0],
                    "attributes": labels.get(template.id, ("", ""))[1],
                    "score": detail["score"],
                    "score_detail": detail,
                    "related": related.get(template.id, []),
                }
            )
        return results

    @api.model
    def _pricelist_for(self, partner, company):
        """The partner's pricelist in ``company`` (empty: list prices)."""
        if partner:
            return partner.with_company(company).property_product_pricelist
        return self.env["product.pricelist"]

    @api.model
    def _catalog_labels(self, template_ids):
        """{template id: (category name, "Cor: Vermelho, Nude; Tamanho: P, M")}: the variant
        attributes the customer can pick, in the user's language and in the order the
        product form shows them (what reading the lines through the ORM gives), in one query.
        Catalog facts of templates the caller has just read through the ORM."""
        if not template_ids:
            return {}
        self.env.cr.execute(search_sql.catalog_labels(template_ids, self.env.lang or "en_US"))
        return {tid: (category, attributes) for tid, category, attributes in self.env.cr.fetchall()}

    @api.model
    def _related_products(self, product_tmpl_ids):
        """{template id: [names of products to suggest with it]}: none in the base addon;
        chatwoot_ai_analytics adds what is bought together. Called as superuser: return
        catalog facts only, never a customer's own data."""
        return {}

    # ------------------------------------------------------------------ knowledge
    @api.model
    def _search_knowledge(self, query, company=None, limit=3):
        """The company's knowledge entries answering ``query``, best first."""
        company = company or self.env.company
        self.env["chatwoot.knowledge"].check_access("read")
        key = " ".join(query_terms(query))
        if not key:
            return []
        hits = (dict(entry) for entry in self._knowledge_lookup(company.id, key, limit))
        return [hit for hit in hits if hit["score"] >= KNOWLEDGE_MIN_SCORE]

    @api.model
    @tools.ormcache("company_id", "key", "limit", "self.env.lang")
    def _knowledge_lookup(self, company_id, key, limit):
        """Cached (per company, normalised query, language) knowledge hits, as tuples of
        items; chatwoot.knowledge writes clear the cache."""
        self.env["chatwoot.knowledge"].flush_model()  # a write just cleared the cache
        self.env.cr.execute(
            search_sql.knowledge_ranking(company_id, expand_terms(key.split()), key, limit)
        )
        names = [column.name for column in self.env.cr.description]
        rows = [dict(zip(names, row, strict=False)) for row in self.env.cr.fetchall()]
        entries = self.env["chatwoot.knowledge"].sudo().browse([row["id"] for row in rows])
        hits = []
        for entry, row in zip(entries, rows, strict=True):
            detail = score_detail(row)
            hits.append(
                (
                    ("id", entry.id),
                    ("title", entry.name),
                    ("category", entry.category),
                    ("content", entry.content),
                    ("score", detail["score"]),
                    ("score_detail", detail),
                )
            )
        return tuple(hits)

    # ------------------------------------------------------------------ customer
    @api.model
    def _context_customer(self):
        """The customer the bot is answering (context key ``chatwoot_customer_id``)."""
        customer_id = self.env.context.get("chatwoot_customer_id")
        return self.env["res.partner"].browse(customer_id) if customer_id else None

    @api.model
    def _customer_orders(self, partner, limit=5):
        """The last sent quotations and orders of the partner's commercial entity."""
        partner = partner or self._context_customer()
        if not partner:
            return []
        orders = self.env["sale.order"].search(
            [
                ("partner_id.commercial_partner_id", "=", partner.commercial_partner_id.id),
                ("state", "in", ORDER_STATES),
            ],
            order="date_order desc, id desc",
            limit=limit,
        )
        return [self._order_summary(order) for order in orders]

    @api.model
    def _order_summary(self, order):
        lines = order.order_line.filtered(lambda line: not line.display_type)
        return {
            "name": order.name,
            "date": order.date_order.date().isoformat() if order.date_order else "",
            "state": order.state,
            "delivery_status": self._delivery_status(order, lines),
            "amount_total": order.amount_total,
            "currency": order.currency_id.name,
            "lines": [
                {"product": line.product_id.name or line.name, "quantity": line.product_uom_qty}
                for line in lines
            ],
        }

    @api.model
    def _delivery_status(self, order, lines):
        """sale_stock's status when installed; otherwise from the delivered quantities."""
        if "delivery_status" in order._fields:
            return order.delivery_status or ""
        if order.state != "sale" or not lines:
            return ""
        delivered = [line.qty_delivered >= line.product_uom_qty for line in lines]
        if all(delivered):
            return "full"
        return "partial" if any(line.qty_delivered for line in lines) else "pending"

    @api.model
    def _customer_profile(self, partner, conversation=None):
        """Who the customer is, what they buy, and their other open conversations."""
        partner = partner or self._context_customer()
        if not partner:
            return {"name": "", "language": "", "city": "", "country": "", "open_conversations": []}
        commercial = partner.commercial_partner_id
        conversations = self.env["chatwoot.conversation"].search(
            [
                ("partner_id.commercial_partner_id", "=", commercial.id),
                ("status", "in", ("open", "pending")),
            ],
            limit=5,
        )
        return {
            "name": partner.name or "",
            "language": agent_language(partner.lang),
            "city": partner.city or "",
            "country": partner.country_id.name or "",
            "customer_since": partner.create_date.date().isoformat(),
            "favourite_categories": self._favourite_categories(commercial),
            "open_conversations": [
                {
                    "display_id": other.display_id,
                    "status": other.status,
                    "current": other == conversation,
                    "summary": self._conversation_summary(other),
                }
                for other in conversations
            ],
        }

    @api.model
    def _favourite_categories(self, commercial, limit=3):
        """The product categories the customer ordered most lines of (their preferences)."""
        groups = self.env["sale.order.line"]._read_group(
            [
                ("order_id.partner_id.commercial_partner_id", "=", commercial.id),
                ("state", "=", "sale"),
                ("product_id", "!=", False),
            ],
            ["product_id"],
            ["__count"],
        )
        counts = {}
        for product, count in groups:
            name = product.categ_id.name
            counts[name] = counts.get(name, 0) + count
        return [name for name, _count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))][
            :limit
        ]

    @api.model
    def _conversation_summary(self, conversation):
        """The last public messages, oldest first: "customer: ... / agent: ..."."""
        messages = self.env["chatwoot.message"].search(
            [
                ("conversation_id", "=", conversation.id),
                ("private", "=", False),
                ("message_type", "in", ("incoming", "outgoing")),
            ],
            order="created_at desc, id desc",
            limit=SUMMARY_MESSAGES,
        )
        parts = []
        for message in reversed(messages):
            who = "customer" if message.message_type == "incoming" else "agent"
            text = " ".join((message.content or "").split())
            parts.append(f"{who}: {text[:SUMMARY_CHARS]}")
        return " / ".join(parts)

    # ------------------------------------------------------------------ agent tools
    @api.model
    def _agent_tools(self, conversation):
        """The read-only tools of the agent, bound to the conversation's customer and
        company; they run as the current user (the bot user in production)."""
        company = conversation.company_id or self.env.company
        # Read the customer in this environment (the bot user's): its rules apply to all.
        conversation = conversation.with_env(self.env)
        partner = conversation.partner_id
        context = self.with_context(chatwoot_customer_id=partner.commercial_partner_id.id)
        conversation = conversation.with_env(context.env)
        partner = partner.with_env(context.env)

        def search_products(query, limit=5):
            return context._search_products(query, partner=partner, limit=limit, company=company)

        def customer_orders(limit=5):
            return context._customer_orders(partner, limit=limit)

        def search_knowledge(query, limit=3):
            return context._search_knowledge(query, company=company, limit=limit)

        def customer_profile():
            return context._customer_profile(partner, conversation)

        return agent_tools(
            {
                "search_products": search_products,
                "customer_orders": customer_orders,
                "search_knowledge": search_knowledge,
                "customer_profile": customer_profile,
            }
        )
