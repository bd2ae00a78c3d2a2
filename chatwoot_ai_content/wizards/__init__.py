from . import chatwoot_content_apply_wizard
