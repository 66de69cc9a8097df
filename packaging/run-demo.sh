#!/usr/bin/env bash
# Starts the dashboard on the built-in simulator (stepwatch --demo). Without a display (a
# server, a CI runner) it renders the window offscreen once a failed step is on screen and
# saves it as a PNG instead, so the command works everywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=./build/app/stepwatch
[[ -x $bin ]] || { echo "build first: cmake --build build" >&2; exit 1; }
if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
    exec "$bin" --demo "$@"
fi
shot=build/stepwatch-demo.png
echo "run-demo: no display; saving the demo window to $shot instead" >&2
"$bin" --demo --screenshot "$shot" "$@" # renders offscreen by itself without a display
