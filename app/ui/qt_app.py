"""The QApplication: direction, locale, translators, fonts and style, set once at start-up (Anki's lesson).

No other module sets the layout direction or installs translators; windows inherit all of it from the application.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from app.paths import FONTS, RESOURCES, TRANSLATIONS

log = logging.getLogger(__name__)

FONT_FAMILY = "Vazirmatn"
STYLE_SHEET = RESOURCES / "style" / "app.qss"
APP_TRANSLATION = TRANSLATIONS / "app_fa.qm"
_TRANSLATOR_NAME = "ecity-translator"


def persian_locale() -> QLocale:
    return QLocale(QLocale.Language.Persian, QLocale.Country.Iran)


def register_fonts() -> str | None:
    """Register the bundled Vazirmatn files; returns the family name or None when they are missing."""
    family: str | None = None
    for path in sorted(FONTS.glob("Vazirmatn-*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font %s could not be loaded", path.name)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        family = family or (families[0] if families else None)
    return family


def _install_translators(app: QApplication, language: str) -> list[str]:
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    loaded: list[str] = []
    if language != "fa":
        return loaded
    candidates: list[tuple[str, Path]] = [
        ("qtbase_fa", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / "qtbase_fa.qm"),
        ("app_fa", APP_TRANSLATION),
    ]
    for name, path in candidates:
        if not path.exists():
            log.info("translation %s not found at %s", name, path)
            continue
        translator = QTranslator(app)  # parented: lives as long as the application
        translator.setObjectName(_TRANSLATOR_NAME)
        if translator.load(str(path)):
            app.installTranslator(translator)
            loaded.append(name)
        else:
            log.warning("translation %s at %s did not load", name, path)
    return loaded


def configure_application(app: QApplication, language: str = "fa") -> None:
    """Direction, locale, translators, font and style for ``language`` ("fa" or "en"). Safe to call again in tests."""
    if language == "fa":
        QLocale.setDefault(persian_locale())
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    app.setProperty("ecity_language", language)
    _install_translators(app, language)
    family = register_fonts()
    if family:
        font = QFont(family, 10)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        app.setFont(font)
    if STYLE_SHEET.exists():
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))


def current_language() -> str:
    app = QGuiApplication.instance()
    value = app.property("ecity_language") if app is not None else None
    return str(value) if value else "fa"


def create_application(argv: Sequence[str] | None = None, language: str = "fa") -> QApplication:
    """The one QApplication of the process (reused when one exists, as under pytest-qt)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("ecity-counter")
    app.setOrganizationName("ecity")
    app.setApplicationDisplayName(app.translate("App", "E-city counter"))
    configure_application(app, language)
    return app
