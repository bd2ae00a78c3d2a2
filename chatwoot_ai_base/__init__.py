from . import controllers
from . import models


def post_load():
    """Put the webhook fast lane in front of Odoo's WSGI application (see
    ``controllers/fast_lane.py``) and preload crewai when this process is an Odoo server (see
    ``ai/_crewai.py``)."""
    # pylint: disable=import-outside-toplevel
    import odoo
    from odoo.service import server
    from odoo.tools import config

    from .ai import _crewai
    from .controllers import fast_lane

    fast_lane.install()
    if _crewai.should_preload(server.server is not None, odoo.evented, config["stop_after_init"]):
        _crewai.preload()
