from . import test_social_smoke
from . import test_whatsapp
from . import test_identity
from . import test_mercadolivre
from . import test_mercadolivre_token_commit
from . import test_marketplace_pure
from . import test_social_identity_tours
from . import test_cross_channel
