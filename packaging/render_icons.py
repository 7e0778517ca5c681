"""Render resources/icons/mailtester.svg to PNGs in the usual sizes.

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py OUTDIR [--ico FILE]
writes OUTDIR/<size>x<size>/apps/mailtester.png (the hicolor theme layout),
and with --ico a 256 px Windows icon.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SVG = Path(__file__).resolve().parents[1] / "resources" / "icons" / "mailtester.svg"


def main() -> None:
    out = Path(sys.argv[1])
    ico = Path(sys.argv[sys.argv.index("--ico") + 1]) if "--ico" in sys.argv else None
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - needed for painting
    renderer = QSvgRenderer(str(SVG))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = out / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        image.save(str(target / "mailtester.png"))
    if ico is not None:
        image = QImage(str(out / "256x256" / "apps" / "mailtester.png"))
        if not image.save(str(ico), "ICO"):
            raise SystemExit(f"could not write {ico}")
    scalable = out / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / "mailtester.svg").write_bytes(SVG.read_bytes())


if __name__ == "__main__":
    main()
