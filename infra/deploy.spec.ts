import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { QUEUES } from '@tandem/contracts';
import { CONFIG_VARIABLES, loadConfig } from '@tandem/server';
import { IMAGE_ENTRIES } from '../scripts/build-production';
import { podSpecOf, renderKustomization, type K8sObject } from './kustomize';

/**
 * No Docker engine or cluster runs here, so the deployment files are proved statically:
 * the Kustomize output rendered in code and validated against the Kubernetes schemas, every
 * variable the configuration reads provided (and accepted by the real config schema), and
 * every command compose and Kubernetes run known to the image.
 */

const INFRA = __dirname;
const REPO = path.resolve(INFRA, '..');
const OVERLAYS = ['staging', 'production'] as const;
const SECRET_KEYS = ['DATABASE_URL', 'DATABASE_READ_URL', 'REDIS_URL', 'JWT_SECRET', 'METRICS_TOKEN', 'SMTP_URL'];
/** Values a real Secret would hold, to run the rendered configuration through loadConfig. */
const SAMPLE_SECRETS: Record<string, string> = {
  DATABASE_URL: 'postgresql://tandem:pw@db:5432/tandem',
  DATABASE_READ_URL: 'postgresql://tandem:pw@db-replica:5432/tandem',
  REDIS_URL: 'redis://redis:6379',
  JWT_SECRET: 'a'.repeat(48),
  METRICS_TOKEN: 'm'.repeat(32),
  SMTP_URL: 'smtp://mail:25',
};

type Container = NonNullable<NonNullable<ReturnType<typeof podSpecOf>>['containers']>[number] & {
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
};

function byKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((o) => o.kind === kind);
}

function one(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  expect(`${kind}/${name}: ${found.length}`).toBe(`${kind}/${name}: 1`);
  return found[0];
}

function containersOf(object: K8sObject): Container[] {
  return (podSpecOf(object)?.containers ?? []) as Container[];
}

/** The image's commands: the case arms of infra/docker-entrypoint.sh, with the file each runs. */
function imageCommands(): Map<string, string> {
  const script = readFileSync(path.join(INFRA, 'docker-entrypoint.sh'), 'utf8');
  return new Map([...script.matchAll(/^\s*([a-z-]+)\)\s*exec node [^\n]*?(dist\/start\/\S+\.js)/gm)].map((m) => [m[1], m[2]]));
}

function validateAgainstSchemas(objects: K8sObject[]): { id: string; error: string | null }[] {
  const result = spawnSync(process.execPath, [path.join(INFRA, 'validate-manifests.mjs')], { input: JSON.stringify(objects), cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`validate-manifests.mjs failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { id: string; error: string | null }[];
}

/** Environment a container receives: its env entries and the data of the ConfigMaps it loads. */
function environmentOf(container: Container, objects: K8sObject[]): Map<string, string> {
  const env = new Map<string, string>();
  for (const from of container.envFrom ?? []) {
    const name = from.configMapRef?.name;
    if (!name) continue;
    const data = (one(objects, 'ConfigMap', name).data ?? {}) as Record<string, string>;
    for (const [key, value] of Object.entries(data)) env.set(key, value);
  }
  for (const entry of container.env ?? []) {
    const secret = entry.valueFrom?.secretKeyRef;
    env.set(entry.name, entry.value ?? (secret ? (SAMPLE_SECRETS[secret.key] ?? `secret:${secret.key}`) : ''));
  }
  return env;
}

describe.each(OVERLAYS)('infra/k8s/overlays/%s', (overlay) => {
  const objects = renderKustomization(path.join(INFRA, 'k8s', 'overlays', overlay));
  const workloads = objects.filter((o) => podSpecOf(o) !== undefined);

  test('every object is valid against the Kubernetes schemas (KEDA’s for the ScaledObject)', () => {
    const verdicts = validateAgainstSchemas(objects);
    expect(verdicts.filter((v) => v.error !== null)).toEqual([]);
    expect(verdicts).toHaveLength(objects.length);
  });

  test('the pieces: API with HPA and PDB, workers with KEDA and PDB, the migration Job, policies', () => {
    for (const o of objects) expect(o.metadata.namespace).toBe(`tandem-${overlay}`);
    one(objects, 'Deployment', 'tandem-api');
    one(objects, 'Deployment', 'tandem-worker');
    one(objects, 'Job', 'tandem-migrate');
    one(objects, 'Service', 'tandem-api');
    expect((one(objects, 'HorizontalPodAutoscaler', 'tandem-api').spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name).toBe('tandem-api');
    expect((one(objects, 'ScaledObject', 'tandem-worker').spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name).toBe('tandem-worker');
    one(objects, 'PodDisruptionBudget', 'tandem-api');
    one(objects, 'PodDisruptionBudget', 'tandem-worker');
    expect(byKind(objects, 'Secret')).toEqual([]); // secrets are never in the repository
    // the HPA and KEDA own the replica counts: an apply must not reset them
    for (const d of byKind(objects, 'Deployment')) expect({ name: d.metadata.name, replicas: (d.spec as { replicas?: number }).replicas }).toEqual({ name: d.metadata.name, replicas: undefined });
  });

  test('the API is probed on /health/ready (readiness) and /health (liveness); every container has resources', () => {
    const [api] = containersOf(one(objects, 'Deployment', 'tandem-api'));
    expect(api.readinessProbe?.httpGet?.path).toBe('/health/ready');
    expect(api.livenessProbe?.httpGet?.path).toBe('/health');
    for (const workload of workloads) {
      for (const c of containersOf(workload)) {
        expect({ container: c.name, requests: Boolean(c.resources?.requests?.cpu && c.resources.requests.memory), memoryLimit: Boolean(c.resources?.limits?.memory) }).toEqual({ container: c.name, requests: true, memoryLimit: true });
      }
    }
  });

  test('every container gets every variable the config validates, and the config accepts them', () => {
    for (const workload of workloads) {
      for (const c of containersOf(workload)) {
        const env = environmentOf(c, objects);
        const missing = CONFIG_VARIABLES.filter((name) => !env.has(name));
        expect({ container: `${workload.metadata.name}/${c.name}`, missing }).toEqual({ container: `${workload.metadata.name}/${c.name}`, missing: [] });
        const secrets = (c.env ?? []).filter((e) => e.valueFrom?.secretKeyRef).map((e) => e.name);
        expect(secrets).toEqual(expect.arrayContaining(SECRET_KEYS));
        const config = loadConfig(Object.fromEntries(env));
        expect(config.NODE_ENV).toBe('production');
        expect(config.jwtSecretEphemeral).toBe(false);
      }
    }
  });

  test('every container runs a command the image has, from its registry, not as root', () => {
    const commands = imageCommands();
    for (const workload of workloads) {
      const pod = podSpecOf(workload) as { securityContext?: { runAsNonRoot?: boolean } };
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      for (const c of containersOf(workload)) {
        expect(c.command).toBeUndefined(); // the entrypoint stays the image's
        expect(commands.has(c.args?.[0] ?? '')).toBe(true);
        expect(c.image).toMatch(/^[a-z0-9.-]+\/[a-z0-9/._-]+:[\w.-]+$/);
      }
    }
  });

  test('KEDA watches the wait list of every queue, under the configured Redis prefix', () => {
    const prefix = (one(objects, 'ConfigMap', 'tandem-config').data as Record<string, string>).REDIS_PREFIX;
    const triggers = (one(objects, 'ScaledObject', 'tandem-worker').spec as { triggers: { type: string; metadata: { listName: string } }[] }).triggers;
    expect(triggers.map((t) => t.metadata.listName).sort()).toEqual(Object.values(QUEUES).map((q) => `${prefix}:${q}:wait`).sort());
  });

  test('only the API accepts traffic: ingress is denied to every pod but the API’s port', () => {
    const policies = byKind(objects, 'NetworkPolicy').map((p) => p.spec as { podSelector: { matchLabels?: Record<string, string> }; policyTypes: string[]; ingress?: unknown[] });
    expect(policies.some((p) => Object.keys(p.podSelector.matchLabels ?? {}).length === 0 && p.policyTypes.includes('Ingress') && p.ingress === undefined)).toBe(true);
    const allowed = policies.filter((p) => p.ingress !== undefined).map((p) => p.podSelector.matchLabels?.['app.kubernetes.io/name']);
    expect(allowed).toEqual(['tandem-api']);
    expect(byKind(objects, 'Ingress').map((i) => i.metadata.name)).toEqual(['tandem-api']);
  });
});

describe('the image', () => {
  test('each command the image runs is compiled from a source that exists, and the build compiles each', () => {
    const commands = imageCommands();
    expect([...commands.keys()].sort()).toEqual(['api', 'migrate', 'worker']);
    for (const [name, compiled] of commands) {
      const source = compiled.replace(/^dist\/start\//, '').replace(/\.js$/, '.ts');
      expect({ name, source, exists: existsSync(path.join(REPO, source)) }).toEqual({ name, source, exists: true });
      expect(IMAGE_ENTRIES.find((e) => e.name === name)?.source).toBe(source);
    }
  });

  test('multi-stage, non-root, production dependencies only, console included', () => {
    const dockerfile = readFileSync(path.join(INFRA, 'Dockerfile'), 'utf8');
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(lastStage).toMatch(/^USER node$/m);
    expect(lastStage).not.toMatch(/^USER root$/m);
    expect(dockerfile).toMatch(/npm install --omit=dev/);
    expect(lastStage).toMatch(/dist\/console/);
    expect(lastStage).toMatch(/ENTRYPOINT \["\/usr\/local\/bin\/tandem"\]/);
    expect(lastStage).toMatch(/COPY [^\n]*infra\/docker-entrypoint\.sh \/usr\/local\/bin\/tandem/);
  });
});

describe('infra/compose.yaml', () => {
  const compose = parse(readFileSync(path.join(INFRA, 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { command?: string[]; environment?: Record<string, string>; deploy?: { replicas?: number }; image?: string }>;
  };
  /** ${NAME:?message} and ${NAME:-default} as compose fills them, with the sample secrets set. */
  const interpolate = (value: string): string =>
    value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind: string | undefined, rest: string) => {
      const given = { POSTGRES_PASSWORD: 'pw', JWT_SECRET: SAMPLE_SECRETS.JWT_SECRET, METRICS_TOKEN: SAMPLE_SECRETS.METRICS_TOKEN }[name];
      return given ?? (kind === '-' ? rest : '');
    });
  const tandem = Object.entries(compose.services).filter(([, s]) => s.image?.startsWith('tandem:'));

  test('PostgreSQL, Redis without eviction, a migration job, two APIs, two workers', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'migrate', 'api', 'worker']));
    expect(compose.services.redis.command).toEqual(expect.arrayContaining(['--maxmemory-policy', 'noeviction']));
    expect(compose.services.api.deploy?.replicas).toBe(2);
    expect(compose.services.worker.deploy?.replicas).toBe(2);
  });

  test('each Tandem service runs a command of the image with a configuration the config accepts', () => {
    const commands = imageCommands();
    expect(tandem.map(([name]) => name).sort()).toEqual(['api', 'migrate', 'worker']);
    for (const [name, service] of tandem) {
      expect({ name, command: commands.has(service.command?.[0] ?? '') }).toEqual({ name, command: true });
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
      const config = loadConfig(env);
      expect(config.NODE_ENV).toBe('production');
      expect(config.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(config.REDIS_URL).toBe('redis://redis:6379');
      // every variable without a default is given
      for (const required of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'METRICS_TOKEN']) expect(Object.keys(env)).toContain(required);
    }
  });
});
