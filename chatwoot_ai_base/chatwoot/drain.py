# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pacing of the webhook drain: how long the next drain waits while deliveries keep coming.

The drain job runs in one of the HTTP workers that answer the webhooks; giving it at most a
share of one worker's time keeps the webhook answering at the bare server's pace, and the
mirror catches up when the burst ends.
"""


def drain_pause(duration, share, minimum=1.0):
    """Seconds to wait after a drain of ``duration`` seconds so that draining takes at most
    ``share`` of the time (never less than ``minimum``; a share of 1 or more never waits
    longer than that).

    >>> drain_pause(3.0, 0.25)
    9.0
    >>> drain_pause(0.1, 0.25)
    1.0
    >>> drain_pause(3.0, 1)
    1.0
    """
    share = min(max(share, 0.01), 1.0)
    return max(minimum, duration * (1 / share - 1))
