from . import controllers
from . import models


def post_load():
    """Preload crewai when this process is an Odoo server (see ``ai/_crewai.py``)."""
    # pylint: disable=import-outside-toplevel
    import odoo
    from odoo.service import server
    from odoo.tools import config

    from .ai import _crewai

    if _crewai.should_preload(server.server is not None, odoo.evented, config["stop_after_init"]):
        _crewai.preload()
