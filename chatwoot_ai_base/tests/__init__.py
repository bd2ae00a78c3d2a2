from . import test_base_smoke
