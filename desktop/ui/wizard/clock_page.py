"""Wizard page 4: how fast scenario time runs, and whether injects go out by themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

DEFAULT_RATE = 60
MAX_RATE = 600


class ClockPage(QWizardPage):
    """The clock rate (scenario minutes per real minute) and automatic release."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Clock"))
        self.setSubTitle(
            self.tr("Exercises compress time. Both settings can be changed while you run it.")
        )
        self.rate_spin = QSpinBox(self)
        self.rate_spin.setRange(1, MAX_RATE)
        self.rate_spin.setValue(DEFAULT_RATE)
        self.rate_spin.setSuffix(self.tr(" scenario min per real min"))
        self.rate_spin.setAccessibleName(self.tr("Clock rate"))
        self.rate_spin.valueChanged.connect(self._on_rate_spin_changed)
        self.rate_label = QLabel(self)
        self.rate_label.setWordWrap(True)

        self.auto_check = QCheckBox(self.tr("Release scheduled injects &automatically"), self)
        self.auto_check.setChecked(True)
        self.auto_check.setAccessibleName(self.tr("Release scheduled injects automatically"))
        auto_label = QLabel(
            self.tr(
                "When on, an inject goes to its teams as soon as the clock reaches its time. "
                "When off, injects wait in the queue until you release them. Injects marked "
                "manual always wait for you."
            ),
            self,
        )
        auto_label.setWordWrap(True)

        rate_box = QVBoxLayout()
        rate_box.addWidget(self.rate_spin, 0, Qt.AlignmentFlag.AlignLeft)
        rate_box.addWidget(self.rate_label)
        auto_box = QVBoxLayout()
        auto_box.addWidget(self.auto_check)
        auto_box.addWidget(auto_label)
        form = QFormLayout(self)
        form.setVerticalSpacing(18)
        rate_caption = QLabel(self.tr("Clock &rate:"), self)
        rate_caption.setBuddy(self.rate_spin)
        form.addRow(rate_caption, rate_box)
        form.addRow(self.tr("Injects:"), auto_box)
        self._on_rate_spin_changed(self.rate_spin.value())

    def rate(self) -> float:
        """Scenario minutes per real minute."""
        return float(self.rate_spin.value())

    def auto_release(self) -> bool:
        """Whether scheduled injects are released when their time comes."""
        return self.auto_check.isChecked()

    def _on_rate_spin_changed(self, rate: int) -> None:
        self.rate_label.setText(describe_rate(self, rate))


def describe_rate(widget: QWidget, rate: int) -> str:
    """One real minute at `rate`, and how long a scenario day takes, in words."""
    real_day_minutes = 24 * 60 / rate
    if real_day_minutes >= 120:
        day = widget.tr("a scenario day takes {n} real hours").replace(
            "{n}", f"{real_day_minutes / 60:.4g}"
        )
    else:
        day = widget.tr("a scenario day takes {n} real minutes").replace(
            "{n}", f"{real_day_minutes:.3g}"
        )
    if rate == 1:
        return widget.tr("Real time: one real minute is one scenario minute.")
    if rate == 60:
        span = widget.tr("one scenario hour")
    elif rate % 60 == 0:
        span = widget.tr("{n} scenario hours").replace("{n}", str(rate // 60))
    else:
        span = widget.tr("{n} scenario minutes").replace("{n}", str(rate))
    return (
        widget.tr("One real minute is {span}; {day}.").replace("{span}", span).replace("{day}", day)
    )
