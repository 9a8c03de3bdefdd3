"""Draw the Kasvuopas Teams icons (a sprouting seedling) with Pillow.

Run: .venv/bin/python app_manifest/draw_icons.py
Writes color.png (192x192, full colour) and outline.png (32x32, white on transparent).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SUPERSAMPLE = 8  # draw large, then downscale for smooth edges

Point = tuple[float, float]
# An RGBA colour for the colour icon, a 0..255 opacity for the outline icon's mask.
Fill = tuple[int, int, int, int] | int

# Colours of the colour icon: forest-green tile, white stem, two greens for leaves,
# a warm sand-coloured ground line.
BACKGROUND = (30, 107, 70, 255)  # #1E6B46, also the manifest's accentColor
STEM = (255, 255, 255, 255)
LEAF_LEFT = (168, 224, 106, 255)
LEAF_RIGHT = (214, 244, 170, 255)
GROUND = (242, 193, 78, 255)

# The seedling in unit coordinates (0..1, y down): ground, stem, two leaves, and a
# growth arrowhead at the top of the stem.
GROUND_LINE = ((0.24, 0.80), (0.76, 0.80))
STEM_BASE, STEM_TOP = (0.50, 0.80), (0.50, 0.30)
LEFT_LEAF = ((0.50, 0.62), (0.20, 0.46), 0.15)
RIGHT_LEAF = ((0.50, 0.50), (0.82, 0.30), 0.17)
ARROW = ((0.50, 0.14), (0.37, 0.31), (0.63, 0.31))


def _scale(points: list[Point], size: int) -> list[Point]:
    """Map unit coordinates to pixel coordinates of a size x size canvas."""
    return [(x * size, y * size) for x, y in points]


def _leaf(base: Point, tip: Point, width: float, steps: int = 48) -> list[Point]:
    """Return a pointed leaf (two mirrored sine arcs) from base to tip."""
    (bx, by), (tx, ty) = base, tip
    length = math.hypot(tx - bx, ty - by)
    nx, ny = -(ty - by) / length, (tx - bx) / length
    side1, side2 = [], []
    for i in range(steps + 1):
        t = i / steps
        half = width / 2 * math.sin(math.pi * t) ** 0.8
        cx, cy = bx + t * (tx - bx), by + t * (ty - by)
        side1.append((cx + nx * half, cy + ny * half))
        side2.append((cx - nx * half, cy - ny * half))
    return side1 + side2[::-1]


def _bar(draw: ImageDraw.ImageDraw, a: Point, b: Point, width: float, fill: Fill) -> None:
    """Draw a thick line with round caps."""
    draw.line([a, b], fill=fill, width=round(width))
    r = width / 2
    for x, y in (a, b):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def draw_seedling(draw: ImageDraw.ImageDraw, size: int, colours: Mapping[str, Fill]) -> None:
    """Draw the seedling; colours["gap"] is the thin border between leaves and stem."""
    stroke = 0.075 * size
    ground = _scale(list(GROUND_LINE), size)
    _bar(draw, ground[0], ground[1], stroke, colours["ground"])
    for (leaf_base, leaf_tip, width), key in (
        (LEFT_LEAF, "left"),
        (RIGHT_LEAF, "right"),
    ):
        draw.polygon(_scale(_leaf(leaf_base, leaf_tip, width), size), fill=colours[key])
    base, top = _scale([STEM_BASE, STEM_TOP], size)
    _bar(draw, (base[0], base[1] - stroke), top, stroke * 1.8, colours["gap"])
    _bar(draw, base, top, stroke, colours["stem"])
    draw.polygon(_scale(list(ARROW), size), fill=colours["stem"])


def draw_color(size: int = 192) -> Image.Image:
    """Return the full-colour icon: the seedling on a green tile."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), BACKGROUND)
    colours: dict[str, Fill] = {
        "ground": GROUND,
        "stem": STEM,
        "left": LEAF_LEFT,
        "right": LEAF_RIGHT,
        "gap": BACKGROUND,
    }
    draw_seedling(ImageDraw.Draw(image), big, colours)
    return image.resize((size, size), Image.Resampling.LANCZOS).convert("RGB")


def draw_outline(size: int = 32) -> Image.Image:
    """Return the outline icon: a white seedling on a fully transparent background."""
    big = size * SUPERSAMPLE
    mask = Image.new("L", (big, big), 0)
    colours: dict[str, Fill] = dict.fromkeys(("ground", "stem", "left", "right"), 255)
    colours["gap"] = 0
    draw_seedling(ImageDraw.Draw(mask), big, colours)
    alpha = mask.resize((size, size), Image.Resampling.LANCZOS)
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    image.putalpha(alpha)  # every pixel is white; only its opacity varies
    return image


def main() -> None:
    """Write color.png and outline.png next to this script."""
    draw_color().save(HERE / "color.png", optimize=True)
    draw_outline().save(HERE / "outline.png", optimize=True)


if __name__ == "__main__":
    main()
