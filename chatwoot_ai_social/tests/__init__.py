from . import test_social_smoke
from . import test_whatsapp
from . import test_identity
