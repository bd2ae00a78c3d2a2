# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Social-media domain logic in plain Python: comment state, triage, reply policy, the crew."""
