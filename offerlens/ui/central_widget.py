"""The main window's central widget, in the current language (built again on a switch): the
notice and example banners above a splitter of the offers table and the tabs.

The widgets the window works with are set as its attributes (``notice_banner``,
``example_banner``, ``splitter``, ``table``, ``empty_hint``, ``tabs``, ``offer_splitter``,
``profile_layout``). The Offer tab starts as an empty splitter and the profile tab as its intro
text: their forms load pydantic and come with the portfolio; the lazy tabs are placeholders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from offerlens.ui.example_banner import ExampleBanner
from offerlens.ui.offers_model import COMPANY, FLAGS, PERCENTILE, TIER, TierBadgeDelegate
from offerlens.ui.widgets import Banner

if TYPE_CHECKING:
    from offerlens.ui.main_window import MainWindow


def build_central(window: MainWindow) -> None:
    """Build the central widget and set it on ``window``."""
    central = QWidget()
    outer = QVBoxLayout(central)
    outer.setContentsMargins(8, 6, 8, 4)
    outer.setSpacing(6)
    window.notice_banner = Banner("warning")
    window.notice_banner.setObjectName("notice_banner")
    outer.addWidget(window.notice_banner)
    window.example_banner = ExampleBanner(window.clear_example, window.keep_example)
    window.clear_example_button = window.example_banner.clear_button
    window.keep_example_button = window.example_banner.keep_button
    outer.addWidget(window.example_banner)

    window.splitter = QSplitter(Qt.Orientation.Vertical)
    window.splitter.setObjectName("main_splitter")
    window.splitter.setChildrenCollapsible(False)
    outer.addWidget(window.splitter, 1)
    window.splitter.addWidget(_offers_pane(window))
    window.splitter.addWidget(_tabs(window))
    window.splitter.setStretchFactor(0, 0)
    window.splitter.setStretchFactor(1, 1)
    window.splitter.setSizes([250, 620])
    window.setCentralWidget(central)


def offers_table(proxy: QSortFilterProxyModel) -> QTableView:
    """The offers table over ``proxy``: whole rows selected, sortable, tier badges."""
    table = QTableView()
    table.setObjectName("offers_table")
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    table.setItemDelegateForColumn(TIER, TierBadgeDelegate(table))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(COMPANY, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    header.setMinimumSectionSize(60)
    for col, width in ((1, 200), (2, 100), (3, 100), (4, 110), (TIER, 160), (PERCENTILE, 90),
                       (FLAGS, 60)):
        table.setColumnWidth(col, width)
    return table


def _offers_pane(window: MainWindow) -> QWidget:
    """The "Offers" heading, the table and the hint shown while there are none."""
    left = QWidget()
    lv = QVBoxLayout(left)
    lv.setContentsMargins(0, 0, 0, 0)
    lv.setSpacing(4)
    offers_label = QLabel(window.tr("Offers"))
    offers_label.setStyleSheet("font-weight: 600; font-size: 12pt;")
    lv.addWidget(offers_label)
    window.table = offers_table(window.proxy)
    lv.addWidget(window.table, 1)
    window.empty_hint = QLabel(window.tr("No offers yet. Use Edit → Add offer (Ctrl+Shift+N) "
                                         "and type the pay in quick entry, e.g. 35k*16 + "
                                         "签字费10w."))
    window.empty_hint.setWordWrap(True)
    window.empty_hint.setStyleSheet("color: palette(mid);")
    window.empty_hint.hide()
    lv.addWidget(window.empty_hint)
    return left


def _tabs(window: MainWindow) -> QTabWidget:
    """Offer, Compare, Bands, Charts, Decision and Candidate profile (see lazy_tabs.py)."""
    window.tabs = tabs = QTabWidget()
    tabs.setObjectName("tabs")
    tabs.setDocumentMode(True)
    offer_tab = QSplitter(Qt.Orientation.Horizontal)
    offer_tab.setObjectName("offer_splitter")
    offer_tab.setChildrenCollapsible(False)
    window.offer_splitter = offer_tab
    tabs.addTab(offer_tab, window.tr("Offer"))
    for title in (window.tr("Compare"), window.tr("Bands"), window.tr("Charts"),
                  window.tr("Decision")):
        tabs.addTab(QWidget(), title)
    profile = QWidget()
    pv = QVBoxLayout(profile)
    window.profile_layout = pv
    pv.setContentsMargins(12, 12, 12, 12)
    intro = QLabel(window.tr("Who is deciding: tiers and percentiles are judged against the "
                             "segment for this degree and role family; take-home uses these "
                             "deductions."))
    intro.setWordWrap(True)
    intro.setStyleSheet("color: palette(mid);")
    pv.addWidget(intro)
    pv.addStretch(1)
    tabs.addTab(profile, window.tr("Candidate profile"))
    return tabs
