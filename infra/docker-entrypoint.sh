#!/bin/sh
# The image's commands. infra/deploy.spec.ts checks that every command compose and the
# Kubernetes manifests run is listed here and that its compiled entry has a source.
set -eu
command="${1:-api}"
[ "$#" -gt 0 ] && shift
case "$command" in
  api) exec node --enable-source-maps dist/start/apps/api/src/main.js "$@" ;;
  worker) exec node --enable-source-maps dist/start/apps/worker/src/main.js "$@" ;;
  migrate) exec node --enable-source-maps dist/start/prisma/tools/deploy.js "$@" ;;
  *)
    echo "unknown command \"$command\": api, worker or migrate" >&2
    exit 64
    ;;
esac
