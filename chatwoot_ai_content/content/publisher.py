# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Publishing a post on a Facebook Page or an Instagram account through a Graph client.

The client is the social addon's ``GraphClient`` (injected: ``get(path, params)`` and
``post(path, data)``); its errors propagate to the caller, which owns the retry policy.

A post is never published twice: before posting, :func:`find_published` looks for a post
of the same text made since the post was due (an earlier attempt whose answer was lost),
and the Instagram container of an earlier attempt is reused instead of creating another.

    >>> class Fake:
    ...     def __init__(self): self.calls = []
    ...     def post(self, path, data=None):
    ...         self.calls.append(("POST", path))
    ...         return {"id": "C1" if path.endswith("/media") else "M1"}
    ...     def get(self, path, params=None):
    ...         self.calls.append(("GET", path)); return {"status_code": "FINISHED", "data": []}
    >>> fake = Fake()
    >>> publish_instagram(fake, "17", "Oi", "https://x/img.jpg", sleep=lambda s: None)
    ('M1', 'C1')
    >>> fake.calls
    [('POST', '17/media'), ('GET', 'C1'), ('POST', '17/media_publish')]
"""

import time
from datetime import datetime, timezone

CONTAINER_DONE = "FINISHED"
CONTAINER_WAITING = ("IN_PROGRESS",)
CONTAINER_PUBLISHED = "PUBLISHED"
RECENT_LIMIT = 25


class ContainerPending(Exception):
    """Instagram is still processing the container: poll again later."""

    def __init__(self, container_id):
        super().__init__(f"container {container_id} is still being processed")
        self.container_id = container_id


class ContainerFailed(Exception):
    """Instagram could not process the container (ERROR or EXPIRED)."""

    def __init__(self, container_id, status):
        super().__init__(f"container {container_id}: {status}")
        self.container_id = container_id
        self.status = status


def _timestamp(value):
    """Epoch seconds of a Graph time (``2026-12-06T10:00:00+0000``), 0 when unreadable."""
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except (TypeError, ValueError):
        return 0


def _same_text(first, second):
    return " ".join((first or "").split()) == " ".join((second or "").split())


def find_published(client, platform, target_id, text, since):
    """Id of a post of ``text`` made on the page/account since ``since`` (UTC datetime)."""
    since_ts = since.replace(tzinfo=timezone.utc).timestamp() if since else 0
    if platform == "facebook":
        answer = client.get(
            f"{target_id}/published_posts",
            params={"fields": "id,message,created_time", "limit": RECENT_LIMIT},
        )
        key = "message"
        time_key = "created_time"
    else:
        answer = client.get(
            f"{target_id}/media", params={"fields": "id,caption,timestamp", "limit": RECENT_LIMIT}
        )
        key = "caption"
        time_key = "timestamp"
    for item in answer.get("data") or ():
        if _same_text(item.get(key), text) and _timestamp(item.get(time_key)) >= since_ts:
            return item.get("id")
    return None


def publish_facebook(client, page_id, message, link=None, image_url=None):
    """Post on the Page's feed (text and link) or as a photo; the post's id.

    ``/photos`` takes no ``link``: a photo's caption ends with the link instead
    (:func:`caption_with_link`), so the tracked URL and its UTM travel with every post.
    """
    if image_url:
        caption = caption_with_link(message, link)
        answer = client.post(f"{page_id}/photos", data={"url": image_url, "message": caption})
        return answer.get("post_id") or answer["id"]
    data = {"message": message}
    if link:
        data["link"] = link
    return client.post(f"{page_id}/feed", data=data)["id"]


def caption_with_link(caption, url):
    """A caption ending with the (tracked) URL: Instagram shows it as text, a Facebook
    photo as a link.

    >>> caption_with_link("Batom novo!", "https://x.co/r/Ab1")
    'Batom novo!\\n\\n🔗 https://x.co/r/Ab1'
    >>> caption_with_link("Batom novo!", None)
    'Batom novo!'
    """
    if not url:
        return caption
    return f"{(caption or '').rstrip()}\n\n🔗 {url}".lstrip()


def publish_instagram(
    client, ig_id, caption, image_url, container_id=None, polls=5, wait=2.0, sleep=time.sleep
):
    """(media id, container id): create (or reuse) the container, poll it until FINISHED,
    then publish it. Raises :class:`ContainerPending` when it is still processing after
    ``polls`` checks, :class:`ContainerFailed` when Instagram gave up on it."""
    if not container_id:
        container_id = client.post(
            f"{ig_id}/media", data={"image_url": image_url, "caption": caption}
        )["id"]
    for attempt in range(max(1, polls)):
        status = client.get(container_id, params={"fields": "status_code"}).get("status_code")
        if status == CONTAINER_DONE:
            break
        if status == CONTAINER_PUBLISHED:
            return None, container_id  # an earlier attempt published it: find it by caption
        if status not in CONTAINER_WAITING:
            raise ContainerFailed(container_id, status or "unknown")
        if attempt < polls - 1:
            sleep(wait)
    else:
        raise ContainerPending(container_id)
    answer = client.post(f"{ig_id}/media_publish", data={"creation_id": container_id})
    return answer["id"], container_id


def permalink(client, platform, external_id):
    """The public URL of a published post."""
    field = "permalink_url" if platform == "facebook" else "permalink"
    return client.get(external_id, params={"fields": field}).get(field)
