#!/usr/bin/env bash
# Runs the whole Anchor Market platform on 127.0.0.1: PostgreSQL, Kafka, Keycloak, the four services, the gateway
# and demo data. Needs only a JDK 17+. Usage: ./run.sh [--reset]   (Ctrl-C stops everything it started.)
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$java_cmd" >/dev/null || { echo "[anchor-market] needs a JDK 17+ (java on PATH or JAVA_HOME)" >&2; exit 1; }

stamp=target/run.sh-build-stamp
apps="supplier-service tender-service events-service spend-analytics-service gateway"

needs_build() {
  [ -f "$stamp" ] || return 0
  for app in $apps; do [ -f "$app/target/quarkus-app/quarkus-run.jar" ] || return 0; done
  [ -f deploy/launcher/target/launcher.jar ] || return 0
  # Anything of the project's own newer than the last build?
  [ -n "$(find . -path ./.anchor-market -prune -o -path '*/target' -prune -o -path ./.git -prune -o \
         -type f -newer "$stamp" -print -quit)" ]
}

if needs_build; then
  echo "[anchor-market] building (the first run downloads Maven and the dependencies; later runs use the cache) ..."
  ./mvnw -B -q -DskipTests -Dquarkus.analytics.disabled=true package
  mkdir -p target && touch "$stamp"
fi

exec "$java_cmd" -Danchor.root="$root" -cp "deploy/launcher/target/launcher.jar:deploy/launcher/target/lib/*" \
  org.anchormarket.launcher.Launcher "$@"
