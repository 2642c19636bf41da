import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The part of Kustomize these manifests use, rendered in code (no kustomize binary or
 * cluster here): resources (files and directories with a kustomization.yaml), namespace,
 * labels (metadata only), images, and RFC 6902 patches aimed by kind and name. Any other
 * field of a kustomization.yaml is refused, so the files never rely on what this does not
 * render and the tests check.
 */

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown };
  [key: string]: unknown;
}

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { target: { kind: string; name: string }; patch: string }[];
}

const KNOWN = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'labels', 'images', 'patches']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function readYaml(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS() as unknown;
    })
    .filter((doc) => doc !== null && doc !== undefined);
}

function pointer(pathText: string): string[] {
  return pathText
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902 add, replace and remove (what the overlays use). */
function applyPatch(target: Json, ops: { op: string; path: string; value?: Json }[], where: string): void {
  for (const { op, path: at, value } of ops) {
    const parts = pointer(at);
    const last = parts.pop();
    let node: Json = target;
    for (const part of parts) {
      const next: Json | undefined = Array.isArray(node) ? node[Number(part)] : node !== null && typeof node === 'object' ? node[part] : undefined;
      if (next === undefined) throw new Error(`${where}: ${at} does not exist`);
      node = next;
    }
    if (last === undefined || node === null || typeof node !== 'object') throw new Error(`${where}: ${at} is not a path into an object`);
    const exists = Array.isArray(node) ? Number(last) < node.length : last in node;
    if ((op === 'replace' || op === 'remove') && !exists) throw new Error(`${where}: ${op} ${at}, which does not exist`);
    if (op === 'remove') {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete node[last];
    } else if (op === 'add' || op === 'replace') {
      if (value === undefined) throw new Error(`${where}: ${op} ${at} without a value`);
      if (Array.isArray(node)) {
        if (op === 'add') node.splice(last === '-' ? node.length : Number(last), 0, value);
        else node[Number(last)] = value;
      } else node[last] = value;
    } else throw new Error(`${where}: patch op ${op} is not rendered here`);
  }
}

/** The pod template's containers of a workload, wherever the kind keeps them. */
export function podSpecOf(object: K8sObject): { containers?: { image?: string; args?: string[]; command?: string[]; name: string }[] } | undefined {
  const spec = object.spec as Record<string, unknown> | undefined;
  if (object.kind === 'Deployment' || object.kind === 'Job') return (spec?.template as { spec?: ReturnType<typeof podSpecOf> } | undefined)?.spec;
  if (object.kind === 'CronJob') return ((spec?.jobTemplate as { spec?: { template?: { spec?: ReturnType<typeof podSpecOf> } } } | undefined)?.spec?.template)?.spec;
  return undefined;
}

/** `kustomize build <dir>`, for the fields above. */
export function renderKustomization(dir: string): K8sObject[] {
  const file = path.join(dir, 'kustomization.yaml');
  const [k] = readYaml(file) as Kustomization[];
  const unknown = Object.keys(k).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) throw new Error(`${file}: ${unknown.join(', ')} not rendered by infra/kustomize.ts`);

  const objects: K8sObject[] = [];
  for (const resource of k.resources ?? []) {
    const at = path.resolve(dir, resource);
    if (statSync(at).isDirectory()) {
      if (!readdirSync(at).includes('kustomization.yaml')) throw new Error(`${at}: a directory resource needs a kustomization.yaml`);
      objects.push(...renderKustomization(at));
    } else {
      objects.push(...(readYaml(at) as K8sObject[]));
    }
  }
  for (const object of objects) {
    if (k.namespace) object.metadata.namespace = k.namespace;
    for (const { pairs } of k.labels ?? []) object.metadata.labels = { ...(object.metadata.labels ?? {}), ...pairs };
    for (const container of podSpecOf(object)?.containers ?? []) {
      for (const image of k.images ?? []) {
        const [name, tag] = (container.image ?? '').split(':');
        if (name !== image.name) continue;
        container.image = `${image.newName ?? name}:${image.newTag ?? tag ?? 'latest'}`;
      }
    }
  }
  for (const { target, patch } of k.patches ?? []) {
    const matches = objects.filter((o) => o.kind === target.kind && o.metadata.name === target.name);
    if (matches.length !== 1) throw new Error(`${file}: patch target ${target.kind}/${target.name} matches ${matches.length} objects`);
    const ops = parseAllDocuments(patch)[0].toJS() as { op: string; path: string; value?: Json }[];
    applyPatch(matches[0] as unknown as Json, ops, `${file} ${target.kind}/${target.name}`);
  }
  return objects;
}
