#!/usr/bin/env bash
# Example: skjerm in front of a publishing pipeline.
#
#   scripts/publish-hook.sh JOURNAL_NUMBER [PUBLISH_COMMAND...]
#
# Asks skjerm whether the journal entry may be published; runs PUBLISH_COMMAND (with the
# entry's public title in $SKJERM_PUBLIC_TITLE) only when it may. Anything else — a hold, an
# unreadable document, skjerm failing or missing — stops the publication: the pipeline fails
# closed. The verdict is recorded in skjerm's database (SKJERM_DB, default ./skjerm.db).
#
# Without the journal database, a pipeline can ask about a file directly:
#   skjerm hook --file letter.pdf --title "Vedtak om ..." --access-code 13
set -uo pipefail
entry=${1:?usage: publish-hook.sh JOURNAL_NUMBER [PUBLISH_COMMAND...]}
shift
skjerm=${SKJERM:-skjerm}
db=${SKJERM_DB:-skjerm.db}

verdict=$("$skjerm" hook --db "$db" "$entry")
status=$?
case $status in
  0)
    export SKJERM_PUBLIC_TITLE
    SKJERM_PUBLIC_TITLE=$(printf '%s' "$verdict" | python3 -c 'import json,sys; print(json.load(sys.stdin)["public_title"])')
    echo "skjerm: $entry may be published" >&2
    if [ $# -gt 0 ]; then exec "$@"; fi
    ;;
  1)
    reason=$(printf '%s' "$verdict" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j.get("reason") or j.get("error"))')
    echo "skjerm: $entry is held and was not published: $reason" >&2
    exit 1
    ;;
  *)
    echo "skjerm: could not judge $entry (exit $status); not published" >&2
    exit 2
    ;;
esac
