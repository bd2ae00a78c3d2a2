from . import chatwoot_account
from . import chatwoot_inbox
from . import chatwoot_conversation
from . import chatwoot_message
from . import res_partner
from . import res_config_settings
