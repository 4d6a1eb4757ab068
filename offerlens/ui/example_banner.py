"""The example-portfolio banner: "Clear example" and "Keep as my own", and a click on either
made before the portfolio has loaded, which waits (visibly) until the window applies it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from offerlens.ui.widgets import Banner


class ExampleBanner(Banner):
    """Shown while the portfolio is the bundled example; hidden otherwise."""

    def __init__(self, on_clear: Callable, on_keep: Callable, parent=None) -> None:
        super().__init__("example", closable=False, parent=parent)
        self.pending: str | None = None  # "clear"/"keep" clicked before loading
        self.clear_button = self.add_button(self.tr("Clear example"), on_clear)
        self.clear_button.setObjectName("clear_example")
        self.keep_button = self.add_button(self.tr("Keep as my own"), on_keep)
        self.keep_button.setObjectName("keep_example")

    def queue(self, action: str) -> None:
        """A click before the portfolio has loaded: remembered until :meth:`take_queued`;
        meanwhile the banner says so and its buttons rest."""
        self.pending = action
        self.show_example(True)

    def take_queued(self) -> str | None:
        """The click waiting for the loaded portfolio, if any; the banner no longer waits."""
        action, self.pending = self.pending, None
        return action

    def show_example(self, example: bool) -> None:
        """Show the banner for an example portfolio (or a queued click), hide it otherwise."""
        pending = self.pending
        self.clear_button.setText(self.tr("Clearing…") if pending == "clear"
                                  else self.tr("Clear example"))
        self.keep_button.setText(self.tr("Keeping…") if pending == "keep"
                                 else self.tr("Keep as my own"))
        for button in (self.clear_button, self.keep_button):
            button.setEnabled(pending is None)
        if pending is not None:
            self.setCursor(Qt.CursorShape.BusyCursor)
            text = (self.tr("Clearing the example as soon as the portfolio has loaded…")
                    if pending == "clear" else
                    self.tr("Keeping the example as your own as soon as the portfolio has "
                            "loaded…"))
        else:
            self.unsetCursor()
            text = self.tr("This is an example portfolio drawn from the stories in the source "
                           "articles (2024). Clear it to start with your own offers, or keep it "
                           "and edit it.") if example else ""
        self.show_message(text)
