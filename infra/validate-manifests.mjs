// Validates Kubernetes objects (a JSON array on stdin) against the Kubernetes OpenAPI schemas
// that the kubernetes-models packages compile (KEDA's CRDs from @kubernetes-models/keda).
// Plain ESM on purpose: those packages are ES modules only, which Jest's CommonJS runtime
// cannot load; infra/deploy.spec.ts runs this with node and reads the verdicts from stdout.
import { readFileSync } from 'node:fs';

function modulePath(apiVersion, kind) {
  if (apiVersion === 'keda.sh/v1alpha1') return `@kubernetes-models/keda/keda.sh/v1alpha1/${kind}`;
  return `kubernetes-models/${apiVersion}/${kind}`;
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const verdicts = [];
for (const object of objects) {
  const id = `${object.kind}/${object.metadata?.name}`;
  let Model;
  try {
    Model = (await import(modulePath(object.apiVersion, object.kind)))[object.kind];
  } catch {
    verdicts.push({ id, error: `no schema for ${object.apiVersion} ${object.kind}` });
    continue;
  }
  try {
    new Model(object).validate();
    verdicts.push({ id, error: null });
  } catch (error) {
    verdicts.push({ id, error: error instanceof Error ? error.message : String(error) });
  }
}
process.stdout.write(JSON.stringify(verdicts));
