# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
import itertools
from contextlib import contextmanager
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..dispatch import planner, sendtime
from ..dispatch.windows import Window, parse_weekdays

WHATSAPP_INBOX = "Channel::Whatsapp"
DEFAULT_TZ = "America/Sao_Paulo"
BULK_WORK_MEM = "64MB"


class ChatwootCampaignPlanner(models.AbstractModel):
    """Reads an audience with a few SQL queries, lets ``dispatch.planner`` decide, and
    writes the recipients in one ``INSERT``. The same reading serves the check made
    right before each send."""

    _name = "chatwoot.campaign.planner"
    _description = "Campaign Planner"

    # ------------------------------------------------------------------ settings
    @api.model
    def _consent_channel(self, campaign):
        """The consent a campaign needs: WhatsApp for a WhatsApp inbox or the Cloud API."""
        if campaign.channel == "whatsapp_cloud":
            return "whatsapp"
        if campaign.channel == "email":
            return "email"
        if WHATSAPP_INBOX in campaign.sender_ids.inbox_id.mapped("channel_type"):
            return "whatsapp"
        return "chatwoot"

    @api.model
    def _consent_required(self, campaign):
        """WhatsApp needs an explicit opt-in; the rest follow the company's e-mail regime."""
        if self._consent_channel(campaign) == "whatsapp":
            return True
        return campaign.company_id.chatwoot_campaign_email_regime == "opt_in"

    @api.model
    def _settings(self, campaign, now):
        rate = sum(campaign.sender_ids.mapped("rate_per_minute"))
        return planner.PlanSettings(
            start=max(campaign.start_at or now, now),
            end=campaign.end_at or None,
            window=Window(
                campaign.window_start,
                campaign.window_end,
                parse_weekdays(campaign.quiet_weekdays),
            ),
            priority=campaign.priority,
            consent_required=self._consent_required(campaign),
            default_tz=campaign.company_id.partner_id.tz or DEFAULT_TZ,
            rate_per_minute=rate,
        )

    # ------------------------------------------------------------------ reading
    @api.model
    def _candidate_rows(self, campaign, partner_ids=None, channel=None):
        """One row per partner of the audience (or of ``partner_ids``) with what the
        planner needs, in a single query."""
        self.env.flush_all()
        channel = channel or self._consent_channel(campaign)
        if campaign.channel == "email":
            address = SQL("p.email_normalized")
            blacklist = SQL(
                "EXISTS(SELECT 1 FROM mail_blacklist b "
                "WHERE b.active AND b.email = p.email_normalized)"
            )
        else:
            address = (
                SQL("COALESCE(p.phone_sanitized, p.email_normalized)")
                if channel == "chatwoot"
                else SQL("p.phone_sanitized")
            )
            blacklist = SQL(
                "EXISTS(SELECT 1 FROM phone_blacklist b "
                "WHERE b.active AND b.number = p.phone_sanitized)"
            )
        if partner_ids is None:
            audience = campaign._audience_query()
        else:
            audience = SQL("SELECT unnest(%s::int[]) AS id", list(partner_ids))
        since = fields.Datetime.now() - timedelta(days=7)
        return self.env.execute_query(
            SQL(
                """
                WITH audience AS (%(audience)s),
                consent AS (
                    SELECT DISTINCT ON (c.partner_id) c.partner_id, c.status
                      FROM chatwoot_consent c JOIN audience a ON a.id = c.partner_id
                     WHERE c.channel = %(channel)s
                  ORDER BY c.partner_id, c.date DESC, c.id DESC
                ),
                recent AS (
                    SELECT r.partner_id, COUNT(*) AS sent
                      FROM chatwoot_campaign_recipient r
                      JOIN audience a ON a.id = r.partner_id
                      JOIN chatwoot_campaign k ON k.id = r.campaign_id
                     WHERE r.sent_at >= %(since)s AND r.campaign_id != %(campaign)s
                       AND k.priority != 'transactional'
                  GROUP BY r.partner_id
                )
                SELECT p.id, COALESCE(p.commercial_partner_id, p.id), COALESCE(%(address)s, ''),
                       COALESCE(p.phone_sanitized, ''), COALESCE(p.tz, ''),
                       COALESCE(consent.status, ''), %(blacklist)s, COALESCE(recent.sent, 0),
                       COALESCE(NULLIF(p.chatwoot_campaign_weekly_cap, 0), %(default_cap)s),
                       NOT EXISTS(SELECT 1 FROM chatwoot_campaign_topic_partner_rel t
                                   WHERE t.partner_id = p.id AND t.topic_id = %(topic)s)
                  FROM res_partner p
                  JOIN audience a ON a.id = p.id
             LEFT JOIN consent ON consent.partner_id = p.id
             LEFT JOIN recent ON recent.partner_id = p.id
              ORDER BY p.id
                """,
                audience=audience,
                channel=channel,
                since=since,
                campaign=campaign.id or 0,
                address=address,
                blacklist=blacklist,
                default_cap=campaign.company_id.chatwoot_campaign_weekly_cap or 0,
                topic=campaign.topic_id.id or 0,
            )
        )

    @api.model
    def _candidates(self, campaign, partner_ids=None, preferred=None, channel=None):
        """:class:`planner.Candidate` of each row (the columns come in its fields' order)."""
        rows = self._candidate_rows(campaign, partner_ids, channel)
        if not preferred:
            return list(itertools.starmap(planner.Candidate, rows))
        default = preferred.get(None)
        return [planner.Candidate(*row, preferred.get(row[0], default)) for row in rows]

    @api.model
    def _preferred_hours(self, campaign):
        """``{partner: local hour}`` from the hours people read or answered before; the
        ``None`` key holds the best hour over everyone, for the others."""
        if not campaign.optimise_send_time:
            return {}
        rows = self.env.execute_query(
            SQL(
                """
                WITH audience AS (%s)
                SELECT r.partner_id,
                       EXTRACT(HOUR FROM (COALESCE(r.replied_at, r.read_at) AT TIME ZONE 'UTC')
                               AT TIME ZONE COALESCE(NULLIF(p.tz, ''), %s))::int
                  FROM chatwoot_campaign_recipient r
                  JOIN audience a ON a.id = r.partner_id
                  JOIN res_partner p ON p.id = r.partner_id
                 WHERE COALESCE(r.replied_at, r.read_at) IS NOT NULL
                """,
                campaign._audience_query(),
                campaign.company_id.partner_id.tz or DEFAULT_TZ,
            )
        )
        hours = {}
        for partner_id, hour in rows:
            hours.setdefault(partner_id, []).append(hour)
        preferred = sendtime.preferred_hours(hours, campaign.window_start, campaign.window_end)
        # Key None: the campaign's best hour, for people without enough history.
        preferred[None] = sendtime.campaign_best_hour(
            hours, campaign.window_start, campaign.window_end
        )
        return preferred

    # ------------------------------------------------------------------ planning
    @contextmanager
    def _bulk_session(self):
        """Settings for a few statements over 100k rows, for this transaction only: no JIT
        (PostgreSQL spent 2.5 of the 3.5 s of the audience query compiling it with LLVM)
        and room to sort and hash in memory. Restored afterwards; an error rolls the
        transaction back, and its settings with it."""
        cr = self.env.cr
        cr.execute("SELECT current_setting('jit'), current_setting('work_mem')")
        jit, work_mem = cr.fetchone()
        cr.execute("SELECT set_config('jit', 'off', true), set_config('work_mem', %s, true)",
                   [BULK_WORK_MEM])  # fmt: skip
        yield
        cr.execute("SELECT set_config('jit', %s, true), set_config('work_mem', %s, true)",
                   [jit, work_mem])  # fmt: skip

    @api.model
    def _plan(self, campaign, now=None):
        """Plan ``campaign``: queued and skipped recipients, written at once; the result."""
        now = now or fields.Datetime.now()
        with self._bulk_session():
            candidates = self._candidates(campaign, preferred=self._preferred_hours(campaign))
            result = planner.plan(candidates, self._settings(campaign, now), now)
            self._insert(campaign, result)
        return result

    @api.model
    def _insert(self, campaign, result):
        """Write every recipient with one ``COPY`` (100k rows in a few seconds)."""
        key = self.env["chatwoot.campaign.recipient"]._key
        head = (campaign.id,)
        tail = (0,)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for p in result.planned:
            writer.writerow(
                (*head, p.partner_id, "queued", "", p.scheduled_at, p.address, p.tz,
                 key(campaign.id, p.partner_id), *tail)
            )  # fmt: skip
        for s in result.skipped:
            writer.writerow(
                (*head, s.partner_id, "skipped", s.reason, "", s.address, "",
                 key(campaign.id, s.partner_id), *tail)
            )  # fmt: skip
        if not buffer.tell():
            return
        buffer.seek(0)
        self.env.cr.copy_expert(
            "COPY chatwoot_campaign_recipient (campaign_id, partner_id, state, "
            "skip_reason, scheduled_at, address, tz, idempotency_key, attempts) "
            "FROM STDIN WITH (FORMAT csv, NULL '')",
            buffer,
        )
        self.env["chatwoot.campaign.recipient"].invalidate_model()

    @api.model
    def _recheck(self, campaign, partner_id, settings=None, channel=None):
        """The skip reason of one partner right before the send, or None."""
        candidates = self._candidates(campaign, [partner_id], channel=channel)
        if not candidates:
            return "outside_validity"
        settings = settings or self._settings(campaign, fields.Datetime.now())
        return planner.skip_reason(candidates[0], settings)
