#!/usr/bin/env bash
# Starts the built-in simulator and makes real stepwatch-cli calls against it: list the
# migration workflows, find a failed step and retry it. Needs only bash and a build in ./build.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=./build/app
[[ -x $bin/stepwatch-sim && -x $bin/stepwatch-cli ]] || { echo "build first: cmake --build build" >&2; exit 1; }

log=$(mktemp)
"$bin/stepwatch-sim" --speed 60 > "$log" &
sim=$!
trap 'kill $sim 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q listening "$log" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$log")
echo "stepwatch-sim: $url (60x speed)"

# The simulator accepts any well-formed credentials; nothing here reaches AWS.
export AWS_ENDPOINT_URL=$url AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIDSTEPWATCHDEMO
export AWS_SECRET_ACCESS_KEY=demo AWS_BEARER_TOKEN_CODECATALYST=demo
cli() { "$bin/stepwatch-cli" "$@"; }
ids() { grep -o "\"$1\": \"[^\"]*\"" | cut -d'"' -f4; }

echo; echo "\$ stepwatch-cli migrationhuborchestrator list-workflows"
workflows=$(cli migrationhuborchestrator list-workflows)
paste <(echo "$workflows" | ids name) <(echo "$workflows" | ids status) | head -12 | sed 's/^/  /'

echo; echo "Looking for a FAILED step (the simulator runs an hour of migration a minute)..."
for _ in $(seq 30); do
    for w in $(echo "$workflows" | ids id); do
        for g in $(cli migrationhuborchestrator list-workflow-step-groups --workflow-id "$w" | ids id); do
            steps=$(cli migrationhuborchestrator list-workflow-steps --workflow-id "$w" --step-group-id "$g")
            # Keys come sorted: "status" precedes "stepId" within each step.
            failed=$(echo "$steps" | tr -d '\n' | grep -o '"status": "FAILED"[^}]*"stepId": "[^"]*"' \
                | head -1 | sed 's/.*"stepId": "//; s/"$//' || true)
            if [[ -n $failed ]]; then
                echo; echo "\$ stepwatch-cli migrationhuborchestrator retry-workflow-step --id $failed --step-group-id $g --workflow-id $w"
                cli migrationhuborchestrator retry-workflow-step --id "$failed" --step-group-id "$g" --workflow-id "$w"
                exit 0
            fi
        done
    done
    sleep 2
done
echo "No failed step yet; try again, or see stepwatch-cli --help" >&2
