from . import test_content_smoke
from . import test_content_writer
from . import test_content_palette
from . import test_content_stats_feed
from . import test_content_generation
from . import test_content_review
from . import test_catalog_feed
from . import test_content_publish
