#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only those that are missing.
# Idempotent: on a machine that has everything it only checks and says so.
# Never starts or stops system services: the tests start their own private
# Redis and PostgreSQL servers from these binaries, on free ports.
set -euo pipefail

# "package:probe": the package is present when the probe (a command on PATH or
# an absolute path, globs allowed) exists, or when dpkg reports it installed.
# An empty probe means "ask dpkg only".
REQUIRED=(
  "redis-server:redis-server"             # TestingRedisServer (brings redis-tools)
  "postgresql:/usr/lib/postgresql/*/bin/initdb" # TestingPostgresServer: initdb, postgres
  "chromium:chromium"                     # admin-ui browser tests (Playwright)
  "fonts-liberation:"                     # readable text in headless Chromium screenshots
  "prometheus:promtool"                   # MonitoringRulesIT: promtool check/test rules (service not started)
)

log() { printf 'install-deps: %s\n' "$*" >&2; }

probe_found() {
  local probe=$1 match
  [[ -z "$probe" ]] && return 1
  if [[ "$probe" == /* ]]; then
    for match in $probe; do
      [[ -x "$match" ]] && return 0
    done
    return 1
  fi
  command -v "$probe" >/dev/null 2>&1
}

dpkg_installed() {
  command -v dpkg-query >/dev/null 2>&1 || return 1
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
for entry in "${REQUIRED[@]}"; do
  package=${entry%%:*}
  probe=${entry#*:}
  if ! probe_found "$probe" && ! dpkg_installed "$package"; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  log "all test dependencies present"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  log "missing packages: ${missing[*]}"
  log "install them as root: apt-get install --no-install-recommends ${missing[*]}"
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  log "missing packages: ${missing[*]}, and apt-get is not available to install them"
  exit 1
fi

# Debian starts a package's service during installation unless policy-rc.d
# refuses; refuse for the duration of this install, and restore what was there.
policy=/usr/sbin/policy-rc.d
if [[ ! -e "$policy" ]]; then
  printf '#!/bin/sh\n# written by install-deps.sh while it runs\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi

log "installing: ${missing[*]}"
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
log "done"
