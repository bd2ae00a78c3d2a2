from . import meta_webhook
