#!/usr/bin/env bash
# Set up gisdesk on a Debian/Ubuntu machine, then start it or test it.
#
#   ./gisdesk.sh [WORKSPACE]   set up, then open the window (the demo city by default, built on first run)
#   ./gisdesk.sh test [ARGS]   set up, then run the whole test suite (ARGS go to pytest)
#
# Set-up is idempotent: system packages are installed only when missing, the
# virtual environment (.venv) only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf 'gisdesk: %s\n' "$*" >&2; }

mode=run
if [ "${1:-}" = "test" ]; then mode=test; shift; fi

# --- system packages (Debian's names) ------------------------------------------------
# mod_spatialite has no PyPI wheel; Qt's wheels need a few shared libraries and fonts.
# libicu-dev, pkg-config, g++ and python3-dev build PyICU (sorting names as Vietnamese and Chinese do).
pkgs=(libsqlite3-mod-spatialite python3-venv libicu-dev pkg-config g++ python3-dev libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
      fonts-dejavu-core fonts-wqy-microhei libdbus-1-3 libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
      libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xfixes0)
if [ "$mode" = test ]; then
  # Interoperability peers (ogr2ogr/ogrinfo, the spatialite CLI, QGIS) and a virtual screen.
  pkgs+=(gdal-bin spatialite-bin qgis python3-qgis xvfb xauth poppler-utils)
  # The city-server tests start a throw-away PostgreSQL cluster with PostGIS (tests/server/conftest.py).
  pkgs+=(postgresql postgresql-15-postgis-3)
fi
missing=()
if command -v dpkg >/dev/null 2>&1; then
  for p in "${pkgs[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  cmd="apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    say "installing system packages with sudo: ${missing[*]}"
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "these Debian packages are missing: ${missing[*]}"
    say "run this once as an administrator, then run ./gisdesk.sh again:"
    printf '\n    sudo apt-get update && sudo %s\n\n' "$cmd" >&2
    exit 1
  fi
fi

# --- Python environment --------------------------------------------------------------
py=""
for cand in python3.13 python3.12 python3.11 python3; do
  if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    py=$cand; break
  fi
done
[ -n "$py" ] || { say "Python 3.11 or newer is needed (apt-get install python3)"; exit 1; }
stamp=.venv/.gisdesk-setup
want=$(cat pyproject.toml | sha256sum | cut -c1-16)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "setting up the Python environment in .venv (first run takes a few minutes)"
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  # PyICU has no wheels: it compiles against the system ICU (a minute or two); without it gisdesk
  # sorts Vietnamese with its own rules and Chinese by code point.
  .venv/bin/python -m pip install -q -e '.[icu]' || say "PyICU could not be built: names sort with gisdesk's own rules"
  echo "$want" > "$stamp"
  # gisdesk in the applications menu, with its icon (freedesktop.org; the user's own data folder)
  [ "$(uname -s)" = Linux ] && .venv/bin/python -m gisdesk.desktop_entry || true
fi
# the translation catalogues: .qm files built from the .ts sources (quick; .ts may change with a pull)
.venv/bin/gisdesk i18n compile >/dev/null

# --- go ---------------------------------------------------------------------------------
if [ "$mode" = test ]; then
  export QT_QPA_PLATFORM=offscreen
  .venv/bin/lint-imports
  exec .venv/bin/python -m pytest -q "$@"
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != offscreen ]; then
  if command -v xvfb-run >/dev/null 2>&1; then
    say "no display found: starting on a virtual screen (xvfb-run)"
    exec xvfb-run -a -s '-screen 0 1920x1080x24' .venv/bin/gisdesk "$@"
  fi
  say "no display found (DISPLAY is not set): run this from a desktop session"
  exit 1
fi
exec .venv/bin/gisdesk "$@"
