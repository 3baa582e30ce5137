#!/usr/bin/env bash
# stage.sh TREE adds the hub's service files to TREE, which already holds
# usr/bin/caiji-hub: the systemd unit and its one configuration file.
set -euo pipefail
tree=$1
here=$(dirname "$0")
install -D -m 0644 "$here/caiji-hub.service" "$tree/usr/lib/systemd/system/caiji-hub.service"
install -D -m 0640 "$here/hub.env" "$tree/etc/caiji-hub/hub.env"
install -D -m 0644 "$here/../linux/copyright" "$tree/usr/share/doc/caiji-hub/copyright"
