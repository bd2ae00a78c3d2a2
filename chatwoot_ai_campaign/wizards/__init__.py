from . import chatwoot_campaign_test
