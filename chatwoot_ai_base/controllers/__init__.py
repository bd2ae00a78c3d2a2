from . import webhook
from . import agent_assist
