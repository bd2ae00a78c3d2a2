from . import test_content_smoke
