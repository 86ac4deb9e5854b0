#!/usr/bin/env bash
# Replays a dead-letter topic into the topic its messages came from (docs/reliability.md).
# Usage: deploy/replay-dead-letters.sh dead-letter-topic-<topic> [bootstrap-servers, default 127.0.0.1:9092]
# Needs a built service (./run.sh or ./mvnw package builds them): the command ships in every service's chassis.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=spend-analytics-service/target/quarkus-app/lib/main
[ -d "$lib" ] || { echo "Build first: ./mvnw -DskipTests package" >&2; exit 1; }
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$lib/*" org.anchormarket.chassis.messaging.DeadLetterReplay "$@"
