#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service, in
# a throw-away HOME, so keychain tests use a real keychain and never the developer's own.
# Usage: with-keyring.sh COMMAND [ARGS...]
set -eu
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/home/.local/share" \
       XDG_CONFIG_HOME="$scratch/home/.config"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
# The login keyring needs a non-empty password to be created unlocked without a prompt.
dbus-run-session -- sh -c 'printf "studyconnect-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "$@"' sh "$@"
