from . import chatwoot_account
from . import chatwoot_inbox
from . import chatwoot_conversation
from . import chatwoot_message
from . import chatwoot_contact
from . import chatwoot_webhook_event
from . import res_partner
from . import res_config_settings
