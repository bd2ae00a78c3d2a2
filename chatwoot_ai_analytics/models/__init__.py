# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import chatwoot_topic
from . import chatwoot_message
from . import chatwoot_conversation
from . import chatwoot_service_report
from . import chatwoot_product_affinity
from . import chatwoot_product_trend
from . import chatwoot_promotion_effect
from . import product_template
from . import chatwoot_context
from . import chatwoot_analytics_run
from . import chatwoot_customer_insight
from . import chatwoot_customer_journey
from . import chatwoot_customer_timeline
from . import res_partner
