#!/bin/bash
# Re-runnable black-box probes against Tandem. Usage: BASE=http://127.0.0.1:3100/api ./probes.sh
cd "$(dirname "$0")" && exec python3 probes.py "$@"
