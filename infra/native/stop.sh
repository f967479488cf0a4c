#!/usr/bin/env bash
# `npm stop`: stops the services, the shell and the native stack of this checkout.
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
bash "$here/services.sh" stop
bash "$here/down.sh"
