#!/bin/sh
# Starts the deployable this image was built for, exactly as its workspace's `npm start` does.
set -e
case "$SERVICE" in
  shell) cd /app/apps/shell ;;
  *) cd "/app/services/$SERVICE/api" ;;
esac
exec npm start
