from . import chatwoot_ai_run
from . import chatwoot_brand_voice
from . import chatwoot_content_piece
from . import chatwoot_content_piece_version
from . import chatwoot_content_kind
from . import chatwoot_content_crew
from . import chatwoot_content_batch
from . import product_template
