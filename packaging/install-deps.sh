#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Stepwatch needs to build, test and package.
# Idempotent: asks dpkg first and only calls apt-get for what is missing, so a second
# run takes well under a second. Works as root or through sudo.
set -euo pipefail

# Why each non-obvious package is here (see docs in README "Building"):
#  libqt6opengl6-dev   Qt6Charts' CMake config needs Qt6OpenGL, and nothing depends on it
#  qt6-websockets-dev  Qt6HttpServer's CMake config needs Qt6WebSockets, not a dependency either
#  qt6-tools-dev       qt_add_translations' CMake config; qt6-l10n-tools has lupdate/lrelease
#  libxkbcommon-dev    silences "Could NOT find XKB" at configure time
#  xvfb xauth          screenshots of the real window on machines without a display
#  desktop-file-utils appstream dpkg-dev rpm   building and checking the installer packages
#  qt6-translations-l10n  Qt's own German (and other) texts: standard buttons and dialogs
packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-websockets-dev qt6-httpserver-dev
  qt6-svg-dev qt6-tools-dev qt6-l10n-tools libxkbcommon-dev
  xvfb xauth fonts-dejavu-core file rpm clang-format
  desktop-file-utils appstream dpkg-dev qt6-translations-l10n
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: not root and no sudo; install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
# An apt-get update only when the package lists cannot find what we need.
if ! apt-cache show "${missing[0]}" >/dev/null 2>&1 || [[ -z $(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock) ]]; then
  "${sudo[@]}" apt-get update -qq
fi
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  # Stale lists are the usual reason: refresh once and try again.
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
