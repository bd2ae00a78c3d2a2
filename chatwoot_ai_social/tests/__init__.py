from . import test_social_smoke
