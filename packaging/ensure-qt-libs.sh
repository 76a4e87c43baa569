#!/usr/bin/env bash
# Makes sure the system libraries Qt's offscreen platform needs are present (Linux only;
# on Windows and macOS the Qt wheels carry their own). Arguments are package:soname pairs.
# Missing libraries are found by their shared-object name, so the check works on any
# distribution and across package renames (Debian's "t64" packages, for instance).
# As root on Debian/Ubuntu the packages are installed; otherwise the exact command is
# printed and the script fails.
set -euo pipefail
[ "$(uname -s)" = "Linux" ] || exit 0

have_soname() {
    if command -v ldconfig >/dev/null 2>&1; then
        ldconfig -p 2>/dev/null | grep -q "[[:space:]]$1 " && return 0
    fi
    for dir in /usr/lib /usr/lib64 /lib /lib64 /usr/lib/*-linux-gnu /lib/*-linux-gnu; do
        [ -e "$dir/$1" ] && return 0
    done
    return 1
}

missing=()
for pair in "$@"; do
    package=${pair%%:*}
    soname=${pair#*:}
    have_soname "$soname" || missing+=("$package")
done
python=${PYTHON:-python3}
if ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
    missing+=("python3-venv")
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "Qt needs system libraries that are missing here (Debian package names):" >&2
    echo "    ${missing[*]}" >&2
    echo "Install the equivalent packages with your distribution's package manager." >&2
    exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "Qt needs system libraries that are missing. Install them with:" >&2
    echo "    sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing system libraries for Qt: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
for package in "${missing[@]}"; do
    # Newer releases renamed some libraries with a "t64" suffix.
    apt-get install -y -qq --no-install-recommends "$package" \
        || apt-get install -y -qq --no-install-recommends "${package}t64"
done
