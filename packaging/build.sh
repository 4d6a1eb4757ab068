#!/usr/bin/env bash
# Build a onedir bundle with PyInstaller and smoke-test it against a temporary data dir.
set -euo pipefail
cd "$(dirname "$0")"
uv run --with pyinstaller pyinstaller --noconfirm --distpath ../dist --workpath ../build offerlens.spec
home=$(mktemp -d)
# MPLCONFIGDIR keeps matplotlib's font cache between starts of the frozen app.
MPLCONFIGDIR="$home/mpl" QT_QPA_PLATFORM=offscreen ../dist/offerlens/offerlens --data-dir "$home" --smoke-exit
echo "frozen build started and painted its window: ../dist/offerlens/"
