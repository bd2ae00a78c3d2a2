from . import catalog_feed
