# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Dominant colours of a product image, and a readable text colour over them.

The image is decoded and shrunk with Pillow, its opaque pixels are clustered with k-means
(deterministic k-means++ seeding) and the clusters are returned by share, as hex colours.

    >>> contrast_ratio("#FFFFFF", "#000000")
    21.0
    >>> text_colour("#FFD700"), text_colour("#1A237E")
    ('#111111', '#FFFFFF')
"""

import io

import numpy as np

SAMPLE_SIZE = 96
MAX_ITERATIONS = 20
DARK_TEXT, LIGHT_TEXT = "#111111", "#FFFFFF"
#: WCAG AA for normal text.
MIN_CONTRAST = 4.5
DEFAULT_BRAND = ("#222222", "#F5F5F5", "#C2185B")


def hex_colour(rgb):
    """``#RRGGBB`` for an (r, g, b) triple.

    >>> hex_colour((255, 0, 16.4))
    '#FF0010'
    """
    return "#" + "".join(f"{int(round(max(0, min(255, c)))):02X}" for c in rgb)


def rgb_of(colour):
    """(r, g, b) of ``#RRGGBB`` (or ``RRGGBB``, or ``#RGB``)."""
    value = colour.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def luminance(colour):
    """WCAG relative luminance of a hex colour."""
    channels = []
    for c in rgb_of(colour):
        c = c / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    """WCAG contrast ratio of two hex colours, from 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return round((high + 0.05) / (low + 0.05), 2)


def text_colour(background):
    """The dark or light text colour that contrasts most with ``background``."""
    dark, light = contrast_ratio(background, DARK_TEXT), contrast_ratio(background, LIGHT_TEXT)
    return DARK_TEXT if dark >= light else LIGHT_TEXT


def _pixels(image_bytes):
    from PIL import Image  # pylint: disable=import-outside-toplevel

    with Image.open(io.BytesIO(image_bytes)) as image:
        image = image.convert("RGBA")
        image.thumbnail((SAMPLE_SIZE, SAMPLE_SIZE))
        data = np.asarray(image, dtype=np.float64).reshape(-1, 4)
    opaque = data[data[:, 3] >= 128][:, :3]
    return opaque if len(opaque) else data[:, :3]


def _kmeans(pixels, k):
    """Cluster centres and sizes; k-means++ seeding from a fixed generator."""
    rng = np.random.default_rng(0)
    unique = np.unique(pixels, axis=0)
    k = max(1, min(k, len(unique)))
    centres = [pixels[rng.integers(len(pixels))]]
    for _ in range(1, k):
        distance = np.min(((pixels[:, None, :] - np.array(centres)[None]) ** 2).sum(-1), axis=1)
        if distance.sum() == 0:
            break
        centres.append(pixels[rng.choice(len(pixels), p=distance / distance.sum())])
    centres = np.array(centres)
    for _ in range(MAX_ITERATIONS):
        labels = np.argmin(((pixels[:, None, :] - centres[None]) ** 2).sum(-1), axis=1)
        moved = np.array(
            [
                pixels[labels == i].mean(0) if np.any(labels == i) else centres[i]
                for i in range(len(centres))
            ]
        )
        if np.allclose(moved, centres, atol=0.5):
            centres = moved
            break
        centres = moved
    labels = np.argmin(((pixels[:, None, :] - centres[None]) ** 2).sum(-1), axis=1)
    sizes = np.bincount(labels, minlength=len(centres))
    return centres, sizes


def extract_palette(image_bytes, colours=5, min_share=0.02):
    """[(hex, share)] of the image's dominant colours, most frequent first (3–5 of them
    when the image has that many; tiny clusters under ``min_share`` are dropped)."""
    pixels = _pixels(image_bytes)
    centres, sizes = _kmeans(pixels, colours)
    total = sizes.sum()
    palette = []
    for index in np.argsort(-sizes):
        share = sizes[index] / total
        colour = hex_colour(centres[index])
        if share >= min_share and colour not in (c for c, _s in palette):
            palette.append((colour, round(float(share), 3)))
    return palette


def brand_palette(colours):
    """A palette from the brand's colours (equal shares), for products without an image.

    >>> brand_palette(["#ff0000", "00ff00"])[:2]
    [('#FF0000', 0.333), ('#00FF00', 0.333)]
    """
    chosen = [hex_colour(rgb_of(c)) for c in colours if c][:5] or list(DEFAULT_BRAND)
    for colour in DEFAULT_BRAND:
        if len(chosen) >= 3:
            break
        if colour not in chosen:
            chosen.append(colour)
    share = round(1 / len(chosen), 3)
    return [(c, share) for c in chosen]
