"""The open portfolio: its file, its undo stack, its evaluations and debounced autosave.

Every edit goes through :meth:`PortfolioDocument.edit`, which pushes a snapshot command on the
QUndoStack; undo and redo swap whole-portfolio snapshots (a portfolio is a few kB). Widgets hold
no copy of their own: they re-render from ``document.portfolio`` when ``changed`` fires.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from offerlens.domain.models import Candidate, Offer, Portfolio
    from offerlens.domain.results import Evaluation
    from offerlens.store import LoadResult

AUTOSAVE_MS = 700


Text = str | Callable[[], str]  # a step's name, or a function writing it in the UI language


class SnapshotCommand(QUndoCommand):
    """One edit: the portfolio before and after."""

    def __init__(self, doc: PortfolioDocument, before: Portfolio, after: Portfolio, text: Text):
        super().__init__(text() if callable(text) else text)
        self.describe = text if callable(text) else None
        self.doc = doc
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.doc._set(self.after.model_copy(deep=True))

    def undo(self) -> None:
        self.doc._set(self.before.model_copy(deep=True))


class PortfolioDocument(QObject):
    changed = Signal()  # content changed: edit, undo, redo or a new file
    fileChanged = Signal(str)  # the path autosave writes to
    dirtyChanged = Signal(bool)
    saved = Signal(str)  # path
    saveFailed = Signal(str)  # message
    notices = Signal(list)  # messages from the store to show the user

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.portfolio: Portfolio | None = None
        self.path: Path | None = None
        self.read_only = False
        self.undo_stack = QUndoStack(self)
        self.evaluations: dict[str, Evaluation] = {}
        self.evaluation_errors: dict[str, str] = {}
        # offer id → (the offer as evaluated, its evaluation or None, the engine's error or None)
        self._cache: dict[str, tuple[Offer, Evaluation | None, str | None]] = {}
        # (candidate, city table, the day evaluated): a change to any of them evaluates all
        self._cache_context: tuple[Candidate, object, date] | None = None
        self._draft: tuple[Offer, Candidate, object, Evaluation, date] | None = None
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_now)
        self.city_table = None  # CityTable with the user's edits; None = shipped defaults

    # -- state -----------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, value: bool) -> None:
        if value != self._dirty:
            self._dirty = value
            self.dirtyChanged.emit(value)

    def _set(self, portfolio: Portfolio) -> None:
        """Replace the portfolio (from a command), re-evaluate and schedule a save."""
        self.portfolio = portfolio
        self.reevaluate()
        self._set_dirty(True)
        if not self.read_only:
            self._timer.start()
        self.changed.emit()

    def reevaluate(self) -> None:
        """Evaluate the offers with the engine (the only source of the numbers shown).

        Evaluations are cached per offer: an offer equal to the one last evaluated under the same
        id, with an equal candidate and the same city table, keeps its evaluation. An edit to one
        offer therefore evaluates that offer only; a candidate or city-table change, all of them.
        """
        from offerlens.ui.engine import evaluate_offer

        self.evaluations.clear()
        self.evaluation_errors.clear()
        if self.portfolio is None:
            self._cache.clear()
            return
        candidate, cities, today = self.portfolio.candidate, self.city_table, date.today()
        context = self._cache_context
        if (context is None or context[1] is not cities or context[0] != candidate
                or context[2] != today):  # deadlines and start dates count from today
            self._cache.clear()
            self._cache_context = (candidate, cities, today)
        cache: dict[str, tuple[Offer, Evaluation | None, str | None]] = {}
        for offer in self.portfolio.offers:
            hit = self._cache.get(offer.id)
            if hit is None or hit[0] != offer:
                try:
                    hit = (offer, evaluate_offer(offer, candidate, cities, today), None)
                except Exception as exc:  # an engine bug must not take the window down
                    hit = (offer, None, str(exc))
            cache[offer.id] = hit
            if hit[1] is not None:
                self.evaluations[offer.id] = hit[1]
            else:
                self.evaluation_errors[offer.id] = hit[2] or ""
        self._cache = cache

    def invalidate_evaluations(self) -> None:
        """Forget every cached evaluation (the next :meth:`reevaluate` computes them all)."""
        self._cache.clear()
        self._cache_context = None
        self._draft = None

    def evaluate_draft(self, offer: Offer) -> Evaluation:
        """The engine's verdict on an offer being edited (raises what the engine raises).

        An offer equal to the stored one gets the stored evaluation; otherwise the last draft's
        evaluation is reused while the draft, the candidate and the city table are unchanged.
        """
        from offerlens.ui.engine import evaluate_offer

        candidate, cities, today = self.portfolio.candidate, self.city_table, date.today()
        hit = self._cache.get(offer.id)
        if hit is not None and hit[1] is not None and hit[0] == offer \
                and self._cache_context == (candidate, cities, today) \
                and self._cache_context[1] is cities:
            return hit[1]
        last = self._draft
        if last is not None and last[2] is cities and last[0] == offer and last[1] == candidate \
                and last[4] == today:
            return last[3]
        evaluation = evaluate_offer(offer, candidate, cities, today)
        self._draft = (offer, candidate, cities, evaluation, today)
        return evaluation

    def evaluation_list(self) -> list[Evaluation]:
        if self.portfolio is None:
            return []
        return [self.evaluations[o.id] for o in self.portfolio.offers if o.id in self.evaluations]

    # -- editing ---------------------------------------------------------------------------

    def edit(self, text: Text, change: Callable[[Portfolio], None]) -> None:
        """Apply ``change`` to a copy of the portfolio as one undoable step named ``text``.

        ``change`` mutates the copy it is given; the result is validated as a whole before it
        is accepted, so an invalid portfolio never reaches the file. A function as ``text`` lets
        :meth:`retranslate_history` name the step again in another language.
        """
        from offerlens.domain.models import Portfolio

        if self.portfolio is None:
            return
        before = self.portfolio.model_copy(deep=True)
        after = self.portfolio.model_copy(deep=True)
        change(after)
        after = Portfolio.model_validate(after.model_dump())
        self.undo_stack.push(SnapshotCommand(self, before, after, text))

    def retranslate_history(self) -> None:
        """Name every undo/redo step again, in the interface language now in use."""
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            describe = getattr(command, "describe", None)
            if describe is not None:
                command.setText(describe())

    def replace_offer(self, offer, text: Text) -> None:
        def change(p: Portfolio) -> None:
            for i, o in enumerate(p.offers):
                if o.id == offer.id:
                    p.offers[i] = offer
                    return
            p.offers.append(offer)

        self.edit(text, change)

    def add_offer(self, offer, text: Text) -> None:
        self.edit(text, lambda p: p.offers.append(offer))

    def delete_offers(self, ids: list[str], text: Text) -> None:
        wanted = set(ids)

        def change(p: Portfolio) -> None:
            p.offers = [o for o in p.offers if o.id not in wanted]

        self.edit(text, change)

    def duplicate_offer(self, offer_id: str, suffix: str, text: Text) -> str | None:
        """Copy an offer (new id) right after the original; returns the new id."""
        from offerlens.domain.models import NAME_LEN

        if self.portfolio is None:
            return None
        original = self.portfolio.offer(offer_id)
        copy = original.model_copy(deep=True)
        data = copy.model_dump()
        data.pop("id")
        data["company"] = (original.company + suffix)[:NAME_LEN]
        from offerlens.domain.models import Offer

        new = Offer.model_validate(data)

        def change(p: Portfolio) -> None:
            index = next(i for i, o in enumerate(p.offers) if o.id == offer_id)
            p.offers.insert(index + 1, new)

        self.edit(text, change)
        return new.id

    def merge_offers(self, offers: list, text: Text) -> int:
        """Append offers from elsewhere; ids that clash get new ones. Returns how many."""
        from offerlens.domain.models import Offer

        existing = {o.id for o in self.portfolio.offers} if self.portfolio else set()
        fresh = []
        for offer in offers:
            data = offer.model_dump()
            if data["id"] in existing:
                data.pop("id")
            new = Offer.model_validate(data)
            existing.add(new.id)
            fresh.append(new)
        if fresh:
            self.edit(text, lambda p: p.offers.extend(fresh))
        return len(fresh)

    def set_candidate(self, candidate, text: Text) -> None:
        def change(p: Portfolio) -> None:
            p.candidate = candidate

        self.edit(text, change)

    def set_decision(self, decision, text: Text) -> None:
        def change(p: Portfolio) -> None:
            p.decision = decision

        self.edit(text, change)

    def clear_example(self, text: Text) -> None:
        def change(p: Portfolio) -> None:
            p.offers = []
            p.example = False

        self.edit(text, change)

    def keep_example(self, text: Text) -> None:
        def change(p: Portfolio) -> None:
            p.example = False

        self.edit(text, change)

    # -- files -----------------------------------------------------------------------------

    def open(self, result: LoadResult) -> None:
        """Show a loaded portfolio (from ``store.load_portfolio``)."""
        self.flush()
        self.path = result.path
        self.read_only = result.read_only
        self.portfolio = result.portfolio
        self.undo_stack.clear()
        self.reevaluate()
        self._set_dirty(False)
        self.fileChanged.emit(str(self.path))
        self.changed.emit()
        if result.source.value == "file" and not result.notices and not result.read_only:
            self.write_table_cache()  # the file loaded as it is: its rows can start the next run
        if result.notices:
            self.notices.emit([n.message for n in result.notices])

    def save_as(self, path: Path) -> bool:
        """Write to ``path`` and keep autosaving there."""
        self.flush()
        self.path = Path(path)
        self.read_only = False
        ok = self.save_now()
        self.fileChanged.emit(str(self.path))
        return ok

    def save_now(self) -> bool:
        """Save immediately (the autosave timer's target). Returns True on success."""
        from offerlens.store import StoreError, save_portfolio

        self._timer.stop()
        if self.portfolio is None or self.path is None or self.read_only:
            return False
        try:
            result = save_portfolio(self.path, self.portfolio)
        except StoreError as exc:
            self.saveFailed.emit(str(exc))
            return False
        except OSError as exc:
            self.saveFailed.emit(f"{self.path}: {exc.strerror or exc}")
            return False
        self._set_dirty(False)
        self.write_table_cache()
        self.saved.emit(str(self.path))
        if result.notices:
            self.notices.emit([n.message for n in result.notices])
        return True

    def flush(self) -> bool:
        """Write anything pending now (before quitting or switching files)."""
        if self._timer.isActive() or (self._dirty and not self.read_only):
            return self.save_now()
        return True

    def write_table_cache(self) -> None:
        """Record the table rows of the file as saved, for the next start-up's first paint.

        Only the engine's rows for what is on disk now; not written while an offer could not be
        evaluated (the next start computes instead).
        """
        from offerlens.ui import table_cache
        from offerlens.ui.offers_model import row_from_evaluation

        if self.portfolio is None or self.path is None or self.read_only:
            return
        if self.evaluation_errors:
            table_cache.discard()
            return
        rows = [row_from_evaluation(o, self.evaluations.get(o.id)) for o in self.portfolio.offers]
        table_cache.write(self.path, rows, self.portfolio.example)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
