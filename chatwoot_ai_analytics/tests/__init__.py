from . import test_analytics_smoke
from . import test_stats_rfm
from . import test_stats_clv
from . import test_stats_rhythm
from . import test_stats_refactor
from . import test_bulk_write
from . import test_hub_routing
from . import test_stats_text_shared
