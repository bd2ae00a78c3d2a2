from . import test_social_smoke
from . import test_meta_webhook
from . import test_meta_concurrency
from . import test_social_comments
from . import test_social_triage
from . import test_social_publish
from . import test_social_escalation
from . import test_social_pure
