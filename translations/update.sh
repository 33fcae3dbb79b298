#!/usr/bin/env bash
# Regenerate translations/app_fa.ts from the tr() strings in app/ui, and compile it to app_fa.qm.
# Translations already in the .ts are kept; new strings arrive "unfinished" (a test fails until they are translated).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
LUPDATE=$BIN/pyside6-lupdate
LRELEASE=$BIN/pyside6-lrelease
if [ ! -x "$LUPDATE" ]; then
  QTBIN=$(.venv/bin/python -c 'import PySide6, os; print(os.path.dirname(PySide6.__file__))')
  LUPDATE=$QTBIN/lupdate
  LRELEASE=$QTBIN/lrelease
fi
mapfile -t SOURCES < <(find app/ui -name '*.py' -not -path '*/__pycache__/*' | sort)
"$LUPDATE" -no-obsolete -locations relative "${SOURCES[@]}" -ts translations/app_fa.ts
.venv/bin/python translations/fill_fa.py translations/app_fa.ts
"$LRELEASE" translations/app_fa.ts -qm translations/app_fa.qm
