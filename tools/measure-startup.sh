#!/usr/bin/env bash
# measure-startup.sh [BINARY]: time from starting Caiji to its first frame
# under Xvfb (the navigator's pixel at 60,18 is no longer the black root),
# three runs on fresh data folders. Needs xvfb and imagemagick.
set -u
bin=${1:-./caiji}
Xvfb :78 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xp=$!
sleep 1
export DISPLAY=:78
for i in 1 2 3; do
  dir=$(mktemp -d)
  t0=$(date +%s.%N)
  FYNE_PLATFORM=x11 "$bin" -data "$dir" >/dev/null 2>&1 & ap=$!
  while true; do
    px=$(import -window root -crop 1x1+60+18 txt:- 2>/dev/null | tail -1 | grep -o '#[0-9A-F]*')
    [ -n "$px" ] && [ "$px" != "#000000000000" ] && break
    sleep 0.02
  done
  t1=$(date +%s.%N)
  echo "run $i: $(echo "$t1 - $t0" | bc) s to the first frame"
  kill "$ap"; wait "$ap" 2>/dev/null
  rm -rf "$dir"
done
kill "$xp"
