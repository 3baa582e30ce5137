# shellcheck shell=bash
# Sourced by the package checks: a private X server, waiting for a window and
# taking a screenshot of it. CHECK_DISPLAY (e.g. :99) picks the display;
# without it Xvfb takes a free one.

start_xvfb() {
	local fifo
	fifo=$(mktemp -u) && mkfifo "$fifo"
	if [ -n "${CHECK_DISPLAY:-}" ]; then
		Xvfb "$CHECK_DISPLAY" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
		XVFB_PID=$!
		export DISPLAY=$CHECK_DISPLAY
	else
		Xvfb -displayfd 3 -screen 0 1280x860x24 -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
		XVFB_PID=$!
		DISPLAY=":$(head -n1 "$fifo")"
		export DISPLAY
	fi
	rm -f "$fifo"
	for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.2; done
	echo "Xvfb did not start on $DISPLAY" >&2
	return 1
}

stop_xvfb() {
	[ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
	XVFB_PID=
}

# wait_window PID TIMEOUT: prints the id of the first mapped window of process PID.
wait_window() {
	local pid=$1 deadline=$((SECONDS + $2)) wid
	while [ $SECONDS -lt $deadline ]; do
		kill -0 "$pid" 2>/dev/null || { echo "the app (pid $pid) exited before it showed a window" >&2; return 1; }
		wid=$(xdotool search --onlyvisible --name '.' 2>/dev/null | head -n1 || true)
		[ -n "$wid" ] && { echo "$wid"; return 0; }
		sleep 1
	done
	echo "no window after $2 s" >&2
	return 1
}

# screenshot FILE: the whole screen, once the window had time to draw.
screenshot() {
	sleep "${SHOT_DELAY:-6}"
	mkdir -p "$(dirname "$1")"
	import -window root "$1"
	echo "screenshot: $1"
}

# drawn FILE: fails when the screenshot is one flat colour (nothing drawn).
drawn() {
	local colours
	colours=$(convert "$1" -format '%k' info:)
	echo "distinct colours in the screenshot: $colours"
	[ "$colours" -gt 50 ]
}
