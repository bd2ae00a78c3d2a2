# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ChatwootOrmcacheMixin(models.AbstractModel):
    """Records that ``tools.ormcache`` methods read: creating or deleting one, or writing
    one of the fields the cache depends on (any field unless
    :meth:`_ormcache_depends_on` says otherwise), clears the cache in every worker (Odoo's
    registry signalling). Used by the knowledge entries, the business profiles and the
    accounts found by their webhook token (``chatwoot.webhook.credentials.mixin``).
    """

    _name = "chatwoot.ormcache.mixin"
    _description = "ChatwootAI Cached Records"

    @api.model
    def _ormcache_depends_on(self, vals):
        """Whether writing ``vals`` changes what the cached methods answer."""
        return True

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        result = super().write(vals)
        if self._ormcache_depends_on(vals):
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result
