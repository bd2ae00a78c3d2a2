# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Image and layout briefs per platform format, with the format's safe zones.

>>> FORMATS["story"]["size"], FORMATS["story"]["safe"]["top"]
((1080, 1920), 250)
"""

from .palette import text_colour
from .phrases import PHRASES

#: Canvas size and the margins (px) that platform UI may cover: text stays inside.
FORMATS = {
    "feed": {"size": (1080, 1080), "safe": {"left": 60, "top": 60, "right": 60, "bottom": 60}},
    "portrait": {
        "size": (1080, 1350),
        "safe": {"left": 60, "top": 80, "right": 60, "bottom": 120},
    },
    # Instagram/Facebook stories: profile bar on top, reply box at the bottom.
    "story": {
        "size": (1080, 1920),
        "safe": {"left": 64, "top": 250, "right": 64, "bottom": 340},
    },
    "link": {"size": (1200, 628), "safe": {"left": 48, "top": 48, "right": 48, "bottom": 48}},
}


def overlay_box(format_name):
    """(x, y, width, height) of the area where text may go."""
    width, height = FORMATS[format_name]["size"]
    safe = FORMATS[format_name]["safe"]
    return (
        safe["left"],
        safe["top"],
        width - safe["left"] - safe["right"],
        height - safe["top"] - safe["bottom"],
    )


def build_brief(format_name, palette, props=()):
    """The structured brief of one format: size, safe zone, palette and text colour.

    ``palette`` is ``[(hex, share)]``; the background is its most frequent colour and the
    text colour is contrast-checked against it.
    """
    width, height = FORMATS[format_name]["size"]
    background = palette[0][0] if palette else "#FFFFFF"
    accent = palette[1][0] if len(palette) > 1 else background
    return {
        "format": format_name,
        "width": width,
        "height": height,
        "safe_zone": dict(FORMATS[format_name]["safe"]),
        "text_box": overlay_box(format_name),
        "palette": [colour for colour, _share in palette],
        "background": background,
        "accent": accent,
        "text_colour": text_colour(background),
        "props": list(props),
    }


def brief_text(brief, facts, language, headline, overlay):
    """The brief as a designer reads it, in ``language``."""
    bank = PHRASES[language]
    lines = [
        bank["brief_title"].format(name=facts.name, format=f"{brief['width']}×{brief['height']}"),
        bank["brief_composition"][brief["format"]],
        bank["brief_overlay"].format(
            text=f"{headline} — {overlay}" if overlay != headline else headline
        ),
        bank["brief_safe"].format(**brief["safe_zone"]),
        bank["brief_props"].format(props=", ".join(brief["props"]))
        if brief["props"]
        else bank["brief_props_none"],
        bank["brief_background"].format(colour=brief["background"]),
        bank["brief_palette"].format(
            colours=", ".join(brief["palette"]), text_colour=brief["text_colour"]
        ),
    ]
    return "\n".join(lines)
