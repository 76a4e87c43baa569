"""The Qt binding in use keeps Python's reference counts right.

PySide6 6.12.0 dropped a reference to `None` (or `True`/`False`) on every call of a
method that returns nothing; on Python 3.11 that aborts the interpreter after enough
calls (`none_dealloc`), in the middle of an exercise. constraints.txt pins a release
without the fault; this test fails if an upgrade brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsScene, QLabel

CALLS = 2000


def test_void_methods_keep_the_reference_count_of_none(qapp: object) -> None:
    scene = QGraphicsScene()
    ellipse = QGraphicsEllipseItem(0, 0, 1, 1)
    scene.addItem(ellipse)
    label = QLabel()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(CALLS):
        ellipse.setRect(-1, -1, 2, 2)
        label.setText("D+1 09:00")
        label.setVisible(False)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert all(abs(a - b) < CALLS // 10 for a, b in zip(after, before, strict=True))
