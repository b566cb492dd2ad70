#!/usr/bin/env bash
# Checks the deployment files: both Dockerfiles with dockerfile-utils (the Dockerfile linter of the VS Code Docker
# tools) plus the rules this project holds them to, and the compose file and Kubernetes manifests for the objects,
# probes and limits they must carry. Needs Node.js and npm; the linters are installed under target/lint.
set -euo pipefail
cd "$(dirname "$0")/.."

tools=target/lint
if [ ! -x "$tools/node_modules/.bin/dockerfile-utils" ] || [ ! -d "$tools/node_modules/js-yaml" ]; then
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error \
        dockerfile-utils@0.16.3 js-yaml@4.1.0 >/dev/null
fi

failures=0
fail() { echo "deploy lint: $*" >&2; failures=$((failures + 1)); }

for dockerfile in deploy/docker/Dockerfile.jvm deploy/docker/Dockerfile.native; do
    if ! "$tools/node_modules/.bin/dockerfile-utils" lint "$dockerfile"; then
        fail "$dockerfile: dockerfile-utils found problems (above)"
    fi
    head -12 "$dockerfile" | grep -q '^#.*docker build' || fail "$dockerfile: does not open with how to build it"
    head -12 "$dockerfile" | grep -q '^#.*docker run' || fail "$dockerfile: does not open with how to run it"
    last_user=$(grep -E '^USER ' "$dockerfile" | tail -1 | awk '{print $2}')
    [ -n "$last_user" ] && [ "$last_user" != root ] && [ "$last_user" != 0 ] \
        || fail "$dockerfile: the runtime stage does not switch to a non-root user"
    grep -q '^HEALTHCHECK ' "$dockerfile" || fail "$dockerfile: no HEALTHCHECK"
    while read -r image; do
        default=$(grep -E "^ARG ${image#\$\{}" "$dockerfile" 2>/dev/null | head -1 | cut -d= -f2- || true)
        name=${default:-$image}
        case "$name" in
            *:latest|'') fail "$dockerfile: base image '$image' is not pinned to a tag" ;;
            *:*) ;;
            *) fail "$dockerfile: base image '$image' has no tag" ;;
        esac
    done < <(grep -E '^FROM ' "$dockerfile" | awk '{print $2}' | sed 's/[{}]//g; s/^\$//')
done

NODE_PATH="$tools/node_modules" node - <<'JS' || failures=$((failures + 1))
const fs = require('fs');
const yaml = require('js-yaml');
const problems = [];
const compose = yaml.load(fs.readFileSync('deploy/compose/compose.yaml', 'utf8'));
for (const name of ['gateway', 'postgres', 'redis']) {
  const service = compose.services && compose.services[name];
  if (!service) { problems.push(`compose: no service ${name}`); continue; }
  if (!service.healthcheck) problems.push(`compose: ${name} has no health check`);
}
if (!compose.volumes || !('postgres-data' in compose.volumes)) problems.push('compose: PostgreSQL has no volume');
const kinds = {};
for (const file of fs.readdirSync('deploy/k8s').filter(f => f.endsWith('.yaml') && f !== 'kustomization.yaml')) {
  for (const doc of yaml.loadAll(fs.readFileSync(`deploy/k8s/${file}`, 'utf8'))) {
    if (doc) kinds[doc.kind] = doc;
  }
}
for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ConfigMap', 'Secret']) {
  if (!kinds[kind]) problems.push(`k8s: no ${kind}`);
}
const container = kinds.Deployment && kinds.Deployment.spec.template.spec.containers[0];
if (container) {
  for (const probe of ['readinessProbe', 'livenessProbe']) {
    if (!container[probe]) problems.push(`k8s: the gateway container has no ${probe}`);
  }
  if (!container.resources || !container.resources.requests || !container.resources.limits) {
    problems.push('k8s: the gateway container has no resource requests and limits');
  }
}
const kustomization = yaml.load(fs.readFileSync('deploy/k8s/kustomization.yaml', 'utf8'));
for (const file of kustomization.resources) {
  if (!fs.existsSync(`deploy/k8s/${file}`)) problems.push(`k8s: kustomization lists missing ${file}`);
}
problems.forEach(p => console.error(`deploy lint: ${p}`));
process.exit(problems.length ? 1 : 0);
JS

if [ "$failures" -gt 0 ]; then
    echo "deploy lint: $failures problem(s)" >&2
    exit 1
fi
echo "deploy lint: Dockerfile.jvm, Dockerfile.native, compose and k8s manifests are fine"
