#!/bin/sh
# KAFKA_FOO_BAR=x becomes foo.bar=x in server.properties (KAFKA_HEAP_OPTS and KAFKA_OPTS are JVM
# options); CLUSTER_ID formats the log dir once, so a kept volume is reused as it is.
set -eu
conf=/opt/kafka/config/server.properties
: > "$conf"
env | grep '^KAFKA_' | sort | while IFS='=' read -r name value; do
  case "$name" in KAFKA_HEAP_OPTS | KAFKA_OPTS) continue ;; esac
  echo "$(echo "${name#KAFKA_}" | tr 'A-Z_' 'a-z.')=$value" >> "$conf"
done
logdir=$(sed -n 's/^log\.dirs=//p' "$conf")
: "${logdir:?set KAFKA_LOG_DIRS}"
: "${CLUSTER_ID:?set CLUSTER_ID (a base64 UUID)}"
if [ ! -f "$logdir/meta.properties" ]; then
  java -Dlog4j.configuration=file:/opt/kafka/log4j.properties -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format --ignore-formatted -t "$CLUSTER_ID" -c "$conf"
fi
# shellcheck disable=SC2086 # word splitting of the JVM options is intended
exec java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -XX:+UseG1GC -Djava.awt.headless=true ${KAFKA_OPTS:-} \
  -Dlog4j.configuration=file:/opt/kafka/log4j.properties -cp '/opt/kafka/libs/*' kafka.Kafka "$conf"
