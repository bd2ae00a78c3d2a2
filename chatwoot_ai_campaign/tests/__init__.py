from . import test_campaign_smoke
