#!/bin/sh
# One-shot, in temporalio/admin-tools, once the Temporal frontend listens: creates the namespace
# and registers the search attributes the workflows upsert (all Keyword). Idempotent: existing
# ones are left alone, so it runs on every `docker compose up`.
set -eu

: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}"
RETENTION="${TEMPORAL_RETENTION:-720h}"
SEARCH_ATTRIBUTES="TlProcess TlStage TlTrack TlSeries TlOrganisation"

# retry <attempts> <command…>: a fresh cluster needs a few seconds before the frontend serves
# and before a new namespace is visible to every service.
retry() {
  n="$1"; shift
  i=1
  until "$@"; do
    if [ "$i" -ge "$n" ]; then
      echo "temporal-setup: gave up after $n attempts: $*" >&2
      return 1
    fi
    i=$((i + 1))
    sleep 2
  done
}

retry 60 temporal operator cluster health --address "$TEMPORAL_ADDRESS"

if temporal operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
  echo "temporal-setup: namespace $TEMPORAL_NAMESPACE exists"
else
  echo "temporal-setup: creating namespace $TEMPORAL_NAMESPACE (retention $RETENTION)"
  retry 5 temporal operator namespace create --address "$TEMPORAL_ADDRESS" \
    --namespace "$TEMPORAL_NAMESPACE" --retention "$RETENTION"
fi

for name in $SEARCH_ATTRIBUTES; do
  if temporal operator search-attribute list --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" \
    | grep -qw "$name"; then
    echo "temporal-setup: search attribute $name exists"
  else
    echo "temporal-setup: creating search attribute $name (Keyword)"
    retry 15 temporal operator search-attribute create --address "$TEMPORAL_ADDRESS" \
      --namespace "$TEMPORAL_NAMESPACE" --name "$name" --type Keyword
  fi
done
echo "temporal-setup: done"
