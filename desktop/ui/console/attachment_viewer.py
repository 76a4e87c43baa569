"""An inject's picture at full size (a map, a photograph), in its own resizable window."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

SVG_WIDTH = 1800  # drawings have no pixels of their own: drawn this wide, sharp when scrolled


def full_size_pixmap(name: str, data: bytes) -> QPixmap:
    """The picture in `data` at its own size (a drawing, at `SVG_WIDTH` pixels wide)."""
    if name.lower().endswith(".svg"):
        renderer = QSvgRenderer(QByteArray(data))
        if renderer.isValid():
            size = renderer.defaultSize()
            width = SVG_WIDTH
            height = max(1, round(size.height() * width / max(1, size.width())))
            pixmap = QPixmap(width, height)
            pixmap.fill(Qt.GlobalColor.white)
            painter = QPainter(pixmap)
            renderer.render(painter)
            painter.end()
            return pixmap
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    return pixmap


class AttachmentViewer(QDialog):
    """Shows one attachment at full size, scrollable, in a window the user can resize."""

    def __init__(self, name: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(name)
        self.image = QLabel()
        self.image.setAccessibleName(name)
        self.image.setPixmap(full_size_pixmap(name, data))
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        screen = QGuiApplication.primaryScreen()
        available = screen.availableSize() if screen is not None else None
        width = self.image.pixmap().width() + 40
        height = self.image.pixmap().height() + 80
        if available is not None:
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.9))
        self.resize(max(width, 320), max(height, 240))
