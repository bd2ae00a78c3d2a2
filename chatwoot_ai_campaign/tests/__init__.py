from . import test_campaign_smoke
from . import test_dispatch_pure
from . import test_campaign_planning
from . import test_campaign_dispatch
from . import test_campaign_optout
from . import test_campaign_tracking
from . import test_campaign_tours
from . import test_campaign_variants_ai
