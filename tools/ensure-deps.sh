#!/bin/sh
# ensure-deps.sh - make sure the build's Debian packages are present.
#
# `make` and `make check` call this first, so that on a fresh Debian 12
# machine the README's commands are the whole set-up. As root it installs
# what is missing with apt-get; otherwise it names the packages to install.
#
# Usage: tools/ensure-deps.sh build|check
set -eu

need_build="pkg-config:pkg-config libpcre2-dev:libpcre2-8 libssl-dev:libcrypto gcc:gcc make:make"
need_check="libcmocka-dev:cmocka"

missing=""
check_pkg() {
    pkg=${1%%:*}
    probe=${1#*:}
    case "$pkg" in
    gcc|make) command -v "$probe" >/dev/null 2>&1 && return 0 ;;
    pkg-config) command -v pkg-config >/dev/null 2>&1 && return 0 ;;
    *) command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$probe" && return 0 ;;
    esac
    missing="$missing $pkg"
}

for p in $need_build; do check_pkg "$p"; done
if [ "${1:-build}" = check ]; then
    for p in $need_check; do check_pkg "$p"; done
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "normlint: missing Debian packages:$missing" >&2
    echo "normlint: install them with: sudo apt-get install$missing" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "normlint: missing packages:$missing (no apt-get here: install them with your package manager)" >&2
    exit 1
fi
echo "normlint: installing missing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# Lists may be absent on a fresh machine; update once, then install.
apt-get update -qq >&2
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >&2
