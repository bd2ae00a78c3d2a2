from . import test_campaign_smoke
from . import test_dispatch_pure
