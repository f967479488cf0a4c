#!/bin/sh
# Starts the deployable this image was built for: the node process its workspace's `npm start` runs,
# exec'd, so that node itself receives SIGTERM (from tini, PID 1; the kit drains on it) and its exit code
# is the container's. Not through npm: npm writes its logs under $HOME, which a read-only root filesystem
# refuses, and relays signals imperfectly. Nothing is written to disk, not even to /tmp.
set -ef
cd "$(dirname "$0")/../.."
case "$SERVICE" in
  shell) cd apps/shell ;;
  *) cd "services/$SERVICE/api" ;;
esac
start=$(node -p "require('./package.json').scripts.start")
case "$start" in
  node\ *) ;;
  *) echo "start.sh: $(pwd)/package.json: the start script must be a plain 'node …' command, not: $start" >&2; exit 1 ;;
esac
# Split into words on purpose (no globbing: set -f): the script is a plain command line.
exec $start
