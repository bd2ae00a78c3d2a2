from . import test_analytics_smoke
