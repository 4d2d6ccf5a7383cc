#!/usr/bin/env bash
# The Debian package: installs what the build needs, builds a Release for /usr into build-deb/
# and makes build-deb/qweek_VERSION_ARCH.deb with cpack. Install it with
#   sudo apt install ./build-deb/qweek_*.deb
set -euo pipefail
export LC_ALL=C.UTF-8
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
bash scripts/deps.sh
cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DQWEEK_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build build-deb -j"$(nproc)"
(cd build-deb && cpack -G DEB)
ls -1 "$ROOT"/build-deb/qweek_*.deb
