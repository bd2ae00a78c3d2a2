# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.chatwoot_ai_base.ai import LLMUnavailable, build_llm, format_price

from ..content.audience import dominant_language
from ..content.briefs import FORMATS, build_brief
from ..content.constants import CHANNEL_OF_KIND, ODOO_LANGUAGES, writer_language
from ..content.crew import ContentCrew
from ..content.palette import brand_palette, extract_palette
from ..content.validators import validate
from ..content.variants import VariantBrief
from ..content.writer import OfflineWriter

_logger = logging.getLogger(__name__)
PALETTE_COLOURS = 5


def brief_numbers(briefs):
    """The figures of the briefs themselves (sizes, safe zones) a brief may state."""
    numbers = []
    for brief in briefs:
        numbers += [brief["width"], brief["height"], *brief["safe_zone"].values()]
    return numbers


class ChatwootContentCrew(models.AbstractModel):
    """The adapter between the pieces and the pure content crew: facts in, texts out, with
    one ``chatwoot.ai.run`` per product and call."""

    _name = "chatwoot.content.crew"
    _description = "Content Crew"

    @api.model
    def _crew(self, company):
        voice = self.env["chatwoot.brand.voice"]._pure_voice(company)
        settings = company._chatwoot_ai_llm_settings()
        llm, classes, unavailable = None, None, ""
        if settings.provider != "offline":
            from odoo.addons.chatwoot_ai_base.ai._crewai import (  # noqa: PLC0415
                load_crewai,
                private_crew_class,
            )

            try:
                llm = build_llm(settings)
            except LLMUnavailable as error:  # no model, no key: written offline, for review
                unavailable = str(error)

            def classes():
                return load_crewai(), private_crew_class()

        crew = ContentCrew(
            OfflineWriter(format_price),
            voice,
            llm=llm,
            crewai_classes=classes,
            unavailable=unavailable,
        )
        return crew, settings

    @api.model
    def _knowledge(self, company):
        records = (
            self.env["chatwoot.knowledge"]
            .sudo()
            .search(
                [
                    ("company_id", "in", (company.id, False)),
                    ("category", "in", ("shipping", "payment")),
                ],
                limit=2,
                order="sequence, id",
            )
        )
        return tuple((r.content or r.name).strip().split("\n")[0] for r in records if r.content)

    @api.model
    def _briefs(self, product, voice):
        """(briefs per format, palette) from the product's image, else the brand colours."""
        image = product._content_image()
        palette = []
        if image:
            try:
                palette = extract_palette(image, PALETTE_COLOURS)
            except (OSError, ValueError) as error:  # an unreadable image: brand colours
                _logger.info("Palette of %s not extracted: %s", product.display_name, error)
        palette = palette or brand_palette(voice.colours)
        props = [product.categ_id.name] if product.categ_id else []
        return [build_brief(name, palette, props) for name in FORMATS], palette

    @api.model
    def _company_tools(self, company, context, audience=None):
        """(crew, settings, knowledge, default language) of ``company``, built once per call
        (a batch chunk shares them over all its products). The default language is the
        audience's dominant one, else the brand voice's."""
        key = (company.id, tuple(sorted((audience or {}).items())))
        if key not in context:
            crew, settings = self._crew(company)
            language = (
                self._audience_language(company, **audience) if audience else None
            ) or self.env["chatwoot.brand.voice"]._default_language(company)
            context[key] = (crew, settings, self._knowledge(company), language)
        return context[key]

    @api.model
    def _compose_values(self, product, kind, language, promotion, context=None, audience=None):
        """(piece values, AI run values) of one piece for ``product``; ``context`` caches the
        company's crew per call. The language: ``language``, else the audience's dominant one,
        else the brand voice's."""
        company = product.company_id or self.env.company
        context = context if context is not None else {}
        crew, settings, knowledge, default_language = self._company_tools(
            company, context, audience
        )
        language = language or default_language
        lang = writer_language(language)
        facts = product._content_facts(language, promotion, knowledge)
        briefs, palette, extra = [], [], []
        if kind == "image_brief":
            briefs, palette = self._briefs(product, crew.voice)
            extra = brief_numbers(briefs)
        result = crew.compose(kind, facts, lang, briefs, extra)
        issues = result.failures + result.issues
        run = self._run_values(
            company,
            settings,
            result,
            product_tmpl_id=product.id,
            language=lang,
            state="failed" if result.failures else "done",
            error="\n".join(issues) or False,
        )
        piece = {
            "product_tmpl_id": product.id,
            "company_id": company.id,
            "kind": kind,
            "channel": CHANNEL_OF_KIND[kind],
            "language": language,
            "body": result.text,
            "review_reason": "\n".join(issues) or False,
            "brief_data": briefs or False,
            "palette": ", ".join(c for c, _share in palette) or False,
            "is_promotion": bool(promotion),
            "campaign_id": promotion.get("campaign_id") or False,
        }
        return piece, run

    @api.model
    def _run_values(self, company, settings, result, **values):
        """The ``chatwoot.ai.run`` of one call of the crew."""
        return {
            "kind": "content",
            "company_id": company.id,
            "crew": "content",
            "input_text": result.prompt,
            "output": result.text,
            "language": result.language,
            "provider": settings.provider,
            "model": settings.model or False,
            "tokens_in": result.tokens_in,
            "tokens_out": result.tokens_out,
            "latency_ms": result.latency_ms,
            "attempts": result.attempts,
            "estimated_cost": self.env["res.company"]._chatwoot_ai_estimated_cost(
                company, result.tokens_in, result.tokens_out
            ),
            "state": "done",
            "error": "\n".join(result.issues) or False,
            **values,
        }

    @api.model
    def _write_message_variants(self, company, brief, count, language=None):
        """``count`` message variants of a campaign, one AI run each (offline by default).

        ``brief`` is plain data (``campaign``, ``goal``, ``offer``, ``coupon`` and the
        ``placeholders`` the caller can fill): the campaign addon calls this when the content
        addon is installed, without either addon depending on the other. Answers
        ``[{"message", "ai_run_id", "issues"}]``.
        """
        crew, settings = self._crew(company)
        language = writer_language(
            language or self.env["chatwoot.brand.voice"]._default_language(company)
        )
        brief = VariantBrief(
            campaign=brief.get("campaign") or "",
            goal=brief.get("goal") or "reply",
            offer=brief.get("offer") or "",
            coupon=brief.get("coupon") or "",
            placeholders=tuple(brief.get("placeholders") or ()),
            company=company.name,
        )
        results = crew.compose_variants(brief, count, language, seed=str(company.id))
        Run = self.env["chatwoot.ai.run"].sudo()
        return [
            {
                "message": result.text,
                "ai_run_id": Run.create(
                    self._run_values(
                        company,
                        settings,
                        result,
                        state="failed" if result.failures else "done",
                        error="\n".join(result.failures + result.issues) or False,
                    )
                ).id,
                "issues": result.failures + result.issues,
            }
            for result in results
        ]

    @api.model
    def _write_pieces(self, products, kinds, language, promotion, batch=None, audience=None):
        """Draft pieces of ``kinds`` for ``products``: the crew is built once per company, the
        AI runs and the pieces are inserted in one go each."""
        pieces, runs, context = [], [], {}
        for product in products:
            for kind in kinds:
                piece, run = self._compose_values(
                    product, kind, language, promotion, context, audience
                )
                piece["batch_id"] = batch.id if batch else False
                pieces.append(piece)
                runs.append(run)
        created = self.env["chatwoot.ai.run"].sudo().create(runs)
        for piece, run in zip(pieces, created, strict=True):
            piece["ai_run_id"] = run.id
        return (
            self.env["chatwoot.content.piece"].with_context(mail_create_nolog=True).create(pieces)
        )

    @api.model
    def _audience_language(self, company, segment=None, clusters=None):
        """The Odoo language most customers of ``company`` in an analytics RFM ``segment``
        and/or ``clusters`` read (their messages' detected language, else their contact's),
        or None when the audience is empty."""
        conditions = [SQL("i.company_id = %s", company.id)]
        if segment:
            conditions.append(SQL("i.rfm_segment = %s", segment))
        if clusters:
            conditions.append(SQL("i.cluster = ANY(%s)", [int(c) for c in clusters]))
        rows = self.env.execute_query(
            SQL(
                """
                SELECT i.partner_id, p.lang, c.language, COUNT(c.id)
                  FROM chatwoot_customer_insight i
                  JOIN res_partner p ON p.id = i.partner_id
             LEFT JOIN res_partner contact ON contact.commercial_partner_id = i.partner_id
             LEFT JOIN chatwoot_social_comment c
                       ON c.partner_id = contact.id
                      AND c.company_id = i.company_id
                      AND c.language IS NOT NULL
                 WHERE %s
              GROUP BY i.partner_id, p.lang, c.language
                """,
                SQL(" AND ").join(conditions),
            )
        )
        customers = {}
        for partner_id, partner_lang, detected, count in rows:
            customer = customers.setdefault(partner_id, (partner_lang, {}))
            if detected:
                customer[1][detected] = count
        default = writer_language(self.env["chatwoot.brand.voice"]._default_language(company))
        language = dominant_language(customers.values(), default)
        return ODOO_LANGUAGES[language] if language else None

    @api.model
    def _validate_piece(self, piece):
        """The validator's issues with the piece's current body (after a person edited it)."""
        company = piece.company_id
        voice = self.env["chatwoot.brand.voice"]._pure_voice(company)
        facts = piece.product_tmpl_id._content_facts(
            piece.language, piece._promotion_dict(), self._knowledge(company)
        )
        extra = brief_numbers(piece.brief_data or [])
        return [str(i) for i in validate(piece.kind, piece.body or "", facts, voice, extra)]
