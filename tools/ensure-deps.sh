#!/bin/sh
# ensure-deps.sh - make sure the build's Debian packages are present.
#
# `make` and `make check` call this first, so that on a fresh Debian 12
# machine the README's commands are the whole set-up. As root it installs
# what is missing with apt-get; otherwise it names the packages to install.
#
# Usage: tools/ensure-deps.sh build|check
set -eu

need_build="pkg-config:pkg-config libpcre2-dev:libpcre2-8 libssl-dev:libcrypto libjansson-dev:jansson gcc:gcc make:make"
# Probes: a pkg-config name, cmd:COMMAND (on PATH), py:MODULE (importable by
# Debian's /usr/bin/python3, which is what the python3-* packages install for)
# or file:PATH. The report tests validate SARIF with jsonschema and load the
# HTML report in headless Chromium; the font lets its screenshot show Chinese.
need_check="libcmocka-dev:cmocka python3-jsonschema:py:jsonschema chromium:cmd:chromium
fonts-wqy-microhei:file:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

missing=""
# probe_ok PACKAGE PROBE: is the package's probe satisfied?
probe_ok() {
    case "$2" in
    cmd:*) command -v "${2#cmd:}" >/dev/null 2>&1 ;;
    py:*) [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import ${2#py:}" >/dev/null 2>&1 ;;
    file:*) [ -e "${2#file:}" ] ;;
    *)
        case "$1" in
        gcc|make) command -v "$2" >/dev/null 2>&1 ;;
        pkg-config) command -v pkg-config >/dev/null 2>&1 ;;
        *) command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$2" ;;
        esac
        ;;
    esac
}
check_pkg() {
    pkg=${1%%:*}
    probe=${1#*:}
    probe_ok "$pkg" "$probe" || missing="$missing $pkg"
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
