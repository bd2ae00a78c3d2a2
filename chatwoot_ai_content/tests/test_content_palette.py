# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Palette extraction on generated images whose colours are known."""

import doctest
import io

from PIL import Image, ImageDraw

from odoo.tests import BaseCase

from ..content import palette


def _image(colours, size=(90, 60), mode="RGB", fmt="PNG"):
    """Vertical stripes of ``colours`` [(rgb, width share)]."""
    image = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (0, 0, 0))
    draw = ImageDraw.Draw(image)
    x = 0
    for rgb, share in colours:
        width = round(size[0] * share)
        draw.rectangle([x, 0, x + width - 1, size[1]], fill=rgb)
        x += width
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def _distance(first, second):
    return sum(
        abs(a - b) for a, b in zip(palette.rgb_of(first), palette.rgb_of(second), strict=True)
    )


class TestPalette(BaseCase):
    def test_three_known_colours_come_back_in_share_order(self):
        data = _image([((220, 20, 60), 0.5), ((255, 255, 255), 0.3), ((20, 40, 120), 0.2)])
        colours = palette.extract_palette(data, colours=5)
        self.assertEqual(len(colours), 3)
        expected = ["#DC143C", "#FFFFFF", "#142878"]
        for (found, share), want, want_share in zip(
            colours, expected, (0.5, 0.3, 0.2), strict=True
        ):
            self.assertLessEqual(_distance(found, want), 6, (found, want))
            self.assertAlmostEqual(share, want_share, delta=0.03)

    def test_five_colours_of_a_jpeg(self):
        stripes = [((250, 200, 0), 0.2), ((0, 128, 0), 0.2), ((0, 0, 200), 0.2)]
        stripes += [((240, 240, 240), 0.2), ((40, 40, 40), 0.2)]
        colours = palette.extract_palette(_image(stripes, fmt="JPEG"), colours=5)
        self.assertEqual(len(colours), 5)
        for rgb, _share in stripes:
            want = palette.hex_colour(rgb)
            self.assertTrue(any(_distance(c, want) <= 30 for c, _s in colours), want)

    def test_transparent_pixels_are_ignored(self):
        data = _image([((0, 0, 0, 0), 0.6), ((0, 160, 80, 255), 0.4)], mode="RGBA")
        colours = palette.extract_palette(data)
        self.assertEqual(len(colours), 1)
        self.assertLessEqual(_distance(colours[0][0], "#00A050"), 4)

    def test_text_colour_is_contrast_checked(self):
        for background in ("#FFFFFF", "#FFD700", "#DC143C", "#142878", "#000000", "#808080"):
            text = palette.text_colour(background)
            self.assertGreaterEqual(
                palette.contrast_ratio(background, text), palette.MIN_CONTRAST - 0.6
            )
            other = palette.LIGHT_TEXT if text == palette.DARK_TEXT else palette.DARK_TEXT
            self.assertGreaterEqual(
                palette.contrast_ratio(background, text), palette.contrast_ratio(background, other)
            )

    def test_brand_colours_when_no_image(self):
        colours = palette.brand_palette(["#112233"])
        self.assertEqual(colours[0][0], "#112233")
        self.assertEqual(len(colours), 3)
        self.assertEqual(len({c for c, _s in colours}), 3)
        self.assertEqual(len(palette.brand_palette([])), 3)

    def test_doctests(self):
        self.assertEqual(doctest.testmod(palette).failed, 0)
