from . import meta_webhook
from . import mercadolivre_notify
