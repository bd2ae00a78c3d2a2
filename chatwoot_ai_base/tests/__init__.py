from . import test_base_smoke
from . import test_chatwoot_signature
from . import test_chatwoot_webhook
from . import test_chatwoot_concurrency
