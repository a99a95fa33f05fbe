#!/bin/sh
# Runs a command with no D-Bus session bus at all (so no Secret Service and no KWallet), in a
# throw-away HOME: what a desktop without a keychain looks like to QtKeychain.
# Usage: without-keyring.sh COMMAND [ARGS...]
set -eu
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/home/.local/share" \
       XDG_CONFIG_HOME="$scratch/home/.config" DBUS_SESSION_BUS_ADDRESS="unix:path=$scratch/no-bus-here"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
"$@"
