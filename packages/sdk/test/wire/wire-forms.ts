// The wire-form table: for each public SDK method and each kind of reference, what the vendor's
// current contract (spec/contract/vendor.json, from @unikraft/cloud@0.2.0) says the call must send.
// Written by hand from that contract, never generated from our spec: `op` is the vendor's operation
// name, `query` the exact query keys, `body` the body's shape and top-level keys (for an array body,
// the keys of its items). wire.test.ts checks each row against vendor.json and each SDK call against
// its row.
import type { UnikraftCloud } from "../../src/index";
import { add } from "../../src/index";

/** One request of a call, as the contract wants it. */
export interface Wire {
  /** The vendor's operation name (spec/contract/vendor.json `operations[].name`). */
  op: string;
  /** Exactly these query keys (none when absent). */
  query?: readonly string[];
  /** The body: none when absent; otherwise its kind and exact top-level keys (of each item, for arrays). */
  body?: { array: boolean; keys: readonly string[] };
}

/** The kind of reference a row uses. */
export type RefKind = "uuid" | "name" | "several" | "none" | "tag" | "digest";

/** One SDK call and the request(s) it must send, in order. */
export interface WireCase {
  method: string;
  ref: RefKind;
  run: (ukc: UnikraftCloud) => Promise<unknown>;
  sends: readonly Wire[];
}

export const U = "123e4567-e89b-12d3-a456-426614174000";
export const U2 = "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13";
export const N = "web";
export const N2 = "api";

const drain = async (it: AsyncIterable<unknown>) => {
  for await (const _ of it) void _;
};
const nameQ = ["name"] as const;
const CHAIN = "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n";
const PKEY = "-----BEGIN PRIVATE KEY-----\nB\n-----END PRIVATE KEY-----\n";

export const WIRE_FORMS: readonly WireCase[] = [
  // ----- instances -----
  { method: "instances.create", ref: "none", run: (u) => u.instances.create({ name: N, image: "nginx:latest", memory_mb: 256, autostart: true }), sends: [{ op: "createInstance", body: { array: false, keys: ["name", "image", "memory_mb", "autostart"] } }] },
  { method: "instances.get", ref: "uuid", run: (u) => u.instances.get(U), sends: [{ op: "getInstanceByUuid" }] },
  { method: "instances.get", ref: "name", run: (u) => u.instances.get(N), sends: [{ op: "getInstances", query: nameQ }] },
  { method: "instances.list", ref: "none", run: (u) => drain(u.instances.list({ pageSize: 5 })), sends: [{ op: "getInstances", query: ["count", "sortby", "order"] }] },
  { method: "instances.update", ref: "uuid", run: (u) => u.instances.update(U, { memory_mb: 512 }), sends: [{ op: "updateInstanceByUuid", body: { array: false, keys: ["prop", "op", "value"] } }] },
  { method: "instances.update", ref: "name", run: (u) => u.instances.update(N, { memory_mb: 512 }), sends: [{ op: "updateInstances", body: { array: true, keys: ["name", "prop", "op", "value"] } }] },
  { method: "instances.update", ref: "several", run: (u) => u.instances.update([U, N], { tags: add(["blue"]) }), sends: [{ op: "updateInstances", body: { array: true, keys: ["uuid", "name", "prop", "op", "value"] } }] },
  { method: "instances.delete", ref: "uuid", run: (u) => u.instances.delete(U), sends: [{ op: "deleteInstanceByUuid" }] },
  { method: "instances.delete", ref: "name", run: (u) => u.instances.delete(N), sends: [{ op: "deleteInstances", body: { array: true, keys: ["name"] } }] },
  { method: "instances.delete", ref: "several", run: (u) => u.instances.delete([U, N]), sends: [{ op: "deleteInstances", body: { array: true, keys: ["uuid", "name"] } }] },
  { method: "instances.start", ref: "uuid", run: (u) => u.instances.start(U), sends: [{ op: "startInstanceByUuid", body: { array: false, keys: [] } }] },
  { method: "instances.start", ref: "name", run: (u) => u.instances.start(N), sends: [{ op: "startInstances", body: { array: true, keys: ["name"] } }] },
  { method: "instances.start", ref: "several", run: (u) => u.instances.start([U, N]), sends: [{ op: "startInstances", body: { array: true, keys: ["uuid", "name"] } }] },
  { method: "instances.stop", ref: "uuid", run: (u) => u.instances.stop(U, { force: true }), sends: [{ op: "stopInstanceByUuid", body: { array: false, keys: ["force"] } }] },
  { method: "instances.stop", ref: "uuid", run: (u) => u.instances.stop(U, { drainTimeoutMs: 5000 }), sends: [{ op: "stopInstanceByUuid", body: { array: false, keys: ["drain_timeout_ms"] } }] },
  { method: "instances.stop", ref: "uuid", run: (u) => u.instances.stop(U, { drainTimeoutMs: -1 }), sends: [{ op: "stopInstanceByUuid", body: { array: false, keys: ["drain_timeout_ms"] } }] },
  { method: "instances.stop", ref: "uuid", run: (u) => u.instances.stop(U), sends: [{ op: "stopInstanceByUuid", body: { array: false, keys: [] } }] },
  { method: "instances.stop", ref: "name", run: (u) => u.instances.stop(N, { force: true }), sends: [{ op: "stopInstances", body: { array: true, keys: ["name", "force"] } }] },
  { method: "instances.stop", ref: "several", run: (u) => u.instances.stop([U, N], { drainTimeoutMs: 100 }), sends: [{ op: "stopInstances", body: { array: true, keys: ["uuid", "name", "drain_timeout_ms"] } }] },
  { method: "instances.suspend", ref: "uuid", run: (u) => u.instances.suspend(U), sends: [{ op: "suspendInstanceByUuid", body: { array: false, keys: [] } }] },
  { method: "instances.suspend", ref: "uuid", run: (u) => u.instances.suspend(U, { drainTimeoutMs: 250 }), sends: [{ op: "suspendInstanceByUuid", body: { array: false, keys: ["drain_timeout_ms"] } }] },
  { method: "instances.suspend", ref: "name", run: (u) => u.instances.suspend(N), sends: [{ op: "suspendInstances", body: { array: true, keys: ["name"] } }] },
  { method: "instances.suspend", ref: "several", run: (u) => u.instances.suspend([U, N], { drainTimeoutMs: 250 }), sends: [{ op: "suspendInstances", body: { array: true, keys: ["uuid", "name", "drain_timeout_ms"] } }] },
  // The by-UUID wait endpoint reads no inputs: a wait for a state goes to the batch endpoint with uuid=.
  { method: "instances.wait", ref: "uuid", run: (u) => u.instances.wait(U, { state: "stopped", timeoutMs: 2000 }), sends: [{ op: "waitInstances", query: ["uuid", "state", "timeout_ms"] }] },
  { method: "instances.wait", ref: "name", run: (u) => u.instances.wait(N, { state: "running", timeoutMs: 2000 }), sends: [{ op: "waitInstances", query: ["name", "state", "timeout_ms"] }] },
  { method: "instances.wait", ref: "several", run: (u) => u.instances.wait([U, N], { timeoutMs: 2000 }), sends: [{ op: "waitInstances", query: ["uuid", "name", "state", "timeout_ms"] }] },
  { method: "instances.waitUntil", ref: "uuid", run: (u) => u.instances.waitUntil(U, { state: "running" }), sends: [{ op: "getInstanceByUuid" }] },
  { method: "instances.waitUntil", ref: "name", run: (u) => u.instances.waitUntil(N, { state: "running" }), sends: [{ op: "getInstances", query: nameQ }] },
  // The by-UUID log endpoint reads no inputs: offsets and limits go to the batch endpoint with uuid=.
  { method: "instances.logs", ref: "uuid", run: (u) => u.instances.logs(U, { offset: 100, limit: 200 }), sends: [{ op: "getInstanceLogs", query: ["uuid", "offset", "limit"] }] },
  { method: "instances.logs", ref: "name", run: (u) => u.instances.logs(N, { offset: -10 }), sends: [{ op: "getInstanceLogs", query: ["name", "offset", "limit"] }] },
  { method: "instances.tail", ref: "uuid", run: (u) => u.instances.tail(U), sends: [{ op: "getInstanceLogs", query: ["uuid", "offset", "limit"] }] },
  { method: "instances.tail", ref: "name", run: (u) => u.instances.tail(N, { bytes: 100 }), sends: [{ op: "getInstanceLogs", query: ["name", "offset", "limit"] }] },
  { method: "instances.follow", ref: "uuid", run: (u) => drain(u.instances.follow(U)), sends: [{ op: "getInstanceLogs", query: ["uuid", "offset", "limit"] }] },
  { method: "instances.follow", ref: "name", run: (u) => drain(u.instances.follow(N)), sends: [{ op: "getInstanceLogs", query: ["name", "offset", "limit"] }] },
  { method: "instances.metrics", ref: "uuid", run: (u) => u.instances.metrics(U), sends: [{ op: "getInstanceMetricsByUuid" }] },
  { method: "instances.metrics", ref: "name", run: (u) => u.instances.metrics(N), sends: [{ op: "getInstanceMetrics", query: nameQ }] },
  { method: "instances.metrics", ref: "several", run: (u) => u.instances.metrics([U, N]), sends: [{ op: "getInstanceMetrics", query: ["uuid", "name"] }] },
  { method: "instances.history", ref: "uuid", run: (u) => u.instances.history(U), sends: [{ op: "getInstanceHistoryByUuid" }] },
  { method: "instances.history", ref: "name", run: (u) => u.instances.history(N), sends: [{ op: "getInstanceHistory", query: nameQ }] },
  { method: "instances.history", ref: "several", run: (u) => u.instances.history([U, N]), sends: [{ op: "getInstanceHistory", query: ["uuid", "name"] }] },

  // ----- templates -----
  { method: "templates.list", ref: "none", run: (u) => drain(u.templates.list({ pageSize: 5 })), sends: [{ op: "getTemplateInstances", query: ["count", "sortby", "order"] }] },
  { method: "templates.create", ref: "uuid", run: (u) => u.templates.create(U), sends: [{ op: "createTemplateInstances", body: { array: true, keys: ["uuid"] } }] },
  { method: "templates.create", ref: "name", run: (u) => u.templates.create(N), sends: [{ op: "createTemplateInstances", body: { array: true, keys: ["name"] } }] },
  { method: "templates.create", ref: "several", run: (u) => u.templates.create([U, N]), sends: [{ op: "createTemplateInstances", body: { array: true, keys: ["uuid", "name"] } }] },
  { method: "templates.get", ref: "uuid", run: (u) => u.templates.get(U), sends: [{ op: "getTemplateInstanceByUuid" }] },
  { method: "templates.get", ref: "name", run: (u) => u.templates.get(N), sends: [{ op: "getTemplateInstances", query: nameQ }] },
  { method: "templates.update", ref: "uuid", run: (u) => u.templates.update(U, { delete_lock: true }), sends: [{ op: "updateTemplateInstanceByUuid", body: { array: false, keys: ["prop", "op", "value"] } }] },
  { method: "templates.update", ref: "name", run: (u) => u.templates.update(N, { delete_lock: true }), sends: [{ op: "updateTemplateInstances", body: { array: true, keys: ["name", "prop", "op", "value"] } }] },
  { method: "templates.update", ref: "several", run: (u) => u.templates.update([U, N], { tags: add(["base"]) }), sends: [{ op: "updateTemplateInstances", body: { array: true, keys: ["uuid", "name", "prop", "op", "value"] } }] },
  { method: "templates.delete", ref: "uuid", run: (u) => u.templates.delete(U), sends: [{ op: "deleteTemplateInstanceByUuid" }] },
  { method: "templates.delete", ref: "name", run: (u) => u.templates.delete(N), sends: [{ op: "deleteTemplateInstances", body: { array: true, keys: ["name"] } }] },
  { method: "templates.delete", ref: "several", run: (u) => u.templates.delete([U, N]), sends: [{ op: "deleteTemplateInstances", body: { array: true, keys: ["uuid", "name"] } }] },

  // ----- checkpoints -----
  // A checkpoint names its instance in `from`; there is no by-UUID create.
  { method: "checkpoints.create", ref: "uuid", run: (u) => u.checkpoints.create(U), sends: [{ op: "createCheckpointInstances", body: { array: true, keys: ["from"] } }] },
  { method: "checkpoints.create", ref: "name", run: (u) => u.checkpoints.create(N, { name: "web-ckpt", tags: ["nightly"], timeout_s: 30, autokill: { time_ms: 60_000 } }), sends: [{ op: "createCheckpointInstances", body: { array: true, keys: ["from", "name", "tags", "timeout_s", "autokill"] } }] },
  { method: "checkpoints.create", ref: "several", run: (u) => u.checkpoints.create([U, N], { tags: ["nightly"] }), sends: [{ op: "createCheckpointInstances", body: { array: true, keys: ["from", "tags"] } }] },
  { method: "checkpoints.get", ref: "uuid", run: (u) => u.checkpoints.get(U, { details: false }), sends: [{ op: "getCheckpointInstanceByUuid", query: ["details"] }] },
  { method: "checkpoints.get", ref: "name", run: (u) => u.checkpoints.get(N), sends: [{ op: "getCheckpointInstances", query: nameQ }] },
  { method: "checkpoints.list", ref: "none", run: (u) => drain(u.checkpoints.list({ pageSize: 5, tags: ["nightly"] })), sends: [{ op: "getCheckpointInstances", query: ["count", "sortby", "order", "tags"] }] },
  { method: "checkpoints.update", ref: "uuid", run: (u) => u.checkpoints.update(U, { delete_lock: true }), sends: [{ op: "updateCheckpointInstanceByUuid", body: { array: false, keys: ["prop", "op", "value"] } }] },
  { method: "checkpoints.update", ref: "name", run: (u) => u.checkpoints.update(N, { autokill: { time_ms: 3_600_000 } }), sends: [{ op: "updateCheckpointInstances", body: { array: true, keys: ["name", "prop", "op", "value"] } }] },
  { method: "checkpoints.update", ref: "several", run: (u) => u.checkpoints.update([U, N], { tags: add(["keep"]) }), sends: [{ op: "updateCheckpointInstances", body: { array: true, keys: ["uuid", "name", "prop", "op", "value"] } }] },
  { method: "checkpoints.delete", ref: "uuid", run: (u) => u.checkpoints.delete(U), sends: [{ op: "deleteCheckpointInstanceByUuid" }] },
  { method: "checkpoints.delete", ref: "name", run: (u) => u.checkpoints.delete(N), sends: [{ op: "deleteCheckpointInstances", body: { array: true, keys: ["name"] } }] },
  { method: "checkpoints.delete", ref: "several", run: (u) => u.checkpoints.delete([U, N]), sends: [{ op: "deleteCheckpointInstances", body: { array: true, keys: ["uuid", "name"] } }] },
  { method: "checkpoints.history", ref: "uuid", run: (u) => u.checkpoints.history(U), sends: [{ op: "getCheckpointHistoryByUuid" }] },
  { method: "checkpoints.history", ref: "name", run: (u) => u.checkpoints.history(N), sends: [{ op: "getCheckpointHistory", query: nameQ }] },
  { method: "checkpoints.history", ref: "several", run: (u) => u.checkpoints.history([U, N]), sends: [{ op: "getCheckpointHistory", query: ["uuid", "name"] }] },

  // ----- volumes -----
  { method: "volumes.create", ref: "none", run: (u) => u.volumes.create({ name: "data", size_mb: 64 }), sends: [{ op: "createVolume", body: { array: false, keys: ["name", "size_mb"] } }] },
  { method: "volumes.get", ref: "uuid", run: (u) => u.volumes.get(U), sends: [{ op: "getVolumeByUuid" }] },
  { method: "volumes.get", ref: "name", run: (u) => u.volumes.get(N), sends: [{ op: "getVolumes", query: nameQ }] },
  { method: "volumes.list", ref: "none", run: (u) => drain(u.volumes.list({ pageSize: 5 })), sends: [{ op: "getVolumes", query: ["count", "sortby", "order"] }] },
  { method: "volumes.update", ref: "uuid", run: (u) => u.volumes.update(U, { size_mb: 128 }), sends: [{ op: "updateVolumeByUuid", body: { array: false, keys: ["prop", "op", "value"] } }] },
  { method: "volumes.update", ref: "name", run: (u) => u.volumes.update(N, { size_mb: 128 }), sends: [{ op: "updateVolumes", body: { array: true, keys: ["name", "prop", "op", "value"] } }] },
  { method: "volumes.update", ref: "several", run: (u) => u.volumes.update([U, N], { delete_lock: false }), sends: [{ op: "updateVolumes", body: { array: true, keys: ["uuid", "name", "prop", "op", "value"] } }] },
  { method: "volumes.delete", ref: "uuid", run: (u) => u.volumes.delete(U), sends: [{ op: "deleteVolumeByUuid" }] },
  { method: "volumes.delete", ref: "name", run: (u) => u.volumes.delete(N), sends: [{ op: "deleteVolumes", body: { array: true, keys: ["name"] } }] },
  { method: "volumes.delete", ref: "several", run: (u) => u.volumes.delete([U, N]), sends: [{ op: "deleteVolumes", body: { array: true, keys: ["uuid", "name"] } }] },
  { method: "volumes.attach", ref: "uuid", run: (u) => u.volumes.attach(U, { to: N2, at: "/data", readonly: true }), sends: [{ op: "attachVolumeByUuid", body: { array: false, keys: ["attach_to", "at", "readonly"] } }] },
  { method: "volumes.attach", ref: "name", run: (u) => u.volumes.attach(N, { to: U2, at: "/data" }), sends: [{ op: "attachVolumes", body: { array: true, keys: ["name", "attach_to", "at"] } }] },
  { method: "volumes.attach", ref: "several", run: (u) => u.volumes.attach([U, N], { to: N2, at: ["/a", "/b"] }), sends: [{ op: "attachVolumes", body: { array: true, keys: ["uuid", "name", "attach_to", "at"] } }] },
  { method: "volumes.detach", ref: "uuid", run: (u) => u.volumes.detach(U, { from: N2 }), sends: [{ op: "detachVolumeByUuid", body: { array: false, keys: ["from"] } }] },
  { method: "volumes.detach", ref: "name", run: (u) => u.volumes.detach(N), sends: [{ op: "detachVolumes", body: { array: true, keys: ["name"] } }] },
  { method: "volumes.detach", ref: "several", run: (u) => u.volumes.detach([U, N], { from: U2 }), sends: [{ op: "detachVolumes", body: { array: true, keys: ["uuid", "name", "from"] } }] },
  { method: "volumes.waitUntil", ref: "uuid", run: (u) => u.volumes.waitUntil(U, () => true), sends: [{ op: "getVolumeByUuid" }] },
  { method: "volumes.waitUntil", ref: "name", run: (u) => u.volumes.waitUntil(N, () => true), sends: [{ op: "getVolumes", query: nameQ }] },
  { method: "volumes.clone", ref: "uuid", run: (u) => u.volumes.clone(U, { vol_name: "data-copy" }), sends: [{ op: "cloneVolumeByUuid", body: { array: false, keys: ["vol_name"] } }] },
  { method: "volumes.clone", ref: "uuid", run: (u) => u.volumes.clone(U), sends: [{ op: "cloneVolumeByUuid", body: { array: false, keys: [] } }] },
  { method: "volumes.clone", ref: "name", run: (u) => u.volumes.clone(N, { vol_name: "data-copy", quota_policy: "dynamic" }), sends: [{ op: "cloneVolumes", body: { array: true, keys: ["name", "vol_name", "quota_policy"] } }] },
  { method: "volumes.clone", ref: "several", run: (u) => u.volumes.clone([U, N], { tags: ["copy"], access_mode: "rwo" }), sends: [{ op: "cloneVolumes", body: { array: true, keys: ["uuid", "name", "tags", "access_mode"] } }] },

  // ----- volume templates -----
  { method: "volumeTemplates.create", ref: "uuid", run: (u) => u.volumeTemplates.create(U), sends: [{ op: "createTemplateVolume", body: { array: true, keys: ["uuid"] } }] },
  { method: "volumeTemplates.create", ref: "name", run: (u) => u.volumeTemplates.create(N), sends: [{ op: "createTemplateVolume", body: { array: true, keys: ["name"] } }] },
  { method: "volumeTemplates.create", ref: "several", run: (u) => u.volumeTemplates.create([U, N]), sends: [{ op: "createTemplateVolume", body: { array: true, keys: ["uuid", "name"] } }] },
  { method: "volumeTemplates.get", ref: "uuid", run: (u) => u.volumeTemplates.get(U, { details: true }), sends: [{ op: "getTemplateVolumeByUuid", query: ["details"] }] },
  { method: "volumeTemplates.get", ref: "name", run: (u) => u.volumeTemplates.get(N), sends: [{ op: "getTemplateVolumes", query: nameQ }] },
  { method: "volumeTemplates.list", ref: "none", run: (u) => drain(u.volumeTemplates.list({ pageSize: 5, details: false })), sends: [{ op: "getTemplateVolumes", query: ["count", "sortby", "order", "details"] }] },
  { method: "volumeTemplates.update", ref: "uuid", run: (u) => u.volumeTemplates.update(U, { delete_lock: true }), sends: [{ op: "updateTemplateVolumeByUuid", body: { array: false, keys: ["prop", "op", "value"] } }] },
  { method: "volumeTemplates.update", ref: "name", run: (u) => u.volumeTemplates.update(N, { tags: ["base"] }), sends: [{ op: "updateTemplateVolumes", body: { array: true, keys: ["name", "prop", "op", "value"] } }] },
  { method: "volumeTemplates.update", ref: "several", run: (u) => u.volumeTemplates.update([U, N], { tags: add(["base"]) }), sends: [{ op: "updateTemplateVolumes", body: { array: true, keys: ["uuid", "name", "prop", "op", "value"] } }] },
  { method: "volumeTemplates.delete", ref: "uuid", run: (u) => u.volumeTemplates.delete(U), sends: [{ op: "deleteTemplateVolumeByUuid" }] },
  { method: "volumeTemplates.delete", ref: "name", run: (u) => u.volumeTemplates.delete(N), sends: [{ op: "deleteTemplateVolumes", body: { array: true, keys: ["name"] } }] },
  { method: "volumeTemplates.delete", ref: "several", run: (u) => u.volumeTemplates.delete([U, N]), sends: [{ op: "deleteTemplateVolumes", body: { array: true, keys: ["uuid", "name"] } }] },

  // ----- service groups -----
  { method: "serviceGroups.create", ref: "none", run: (u) => u.serviceGroups.create({ name: N, services: [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }] }), sends: [{ op: "createServiceGroup", body: { array: false, keys: ["name", "services"] } }] },
  { method: "serviceGroups.get", ref: "uuid", run: (u) => u.serviceGroups.get(U), sends: [{ op: "getServiceGroupByUuid" }] },
  { method: "serviceGroups.get", ref: "name", run: (u) => u.serviceGroups.get(N), sends: [{ op: "getServiceGroups", query: nameQ }] },
  { method: "serviceGroups.list", ref: "none", run: (u) => drain(u.serviceGroups.list({ pageSize: 5 })), sends: [{ op: "getServiceGroups", query: ["count", "sortby", "order"] }] },
  { method: "serviceGroups.update", ref: "uuid", run: (u) => u.serviceGroups.update(U, { soft_limit: 10 }), sends: [{ op: "updateServiceGroupByUuid", body: { array: false, keys: ["prop", "op", "value"] } }] },
  { method: "serviceGroups.update", ref: "name", run: (u) => u.serviceGroups.update(N, { hard_limit: 20 }), sends: [{ op: "updateServiceGroups", body: { array: true, keys: ["name", "prop", "op", "value"] } }] },
  { method: "serviceGroups.update", ref: "several", run: (u) => u.serviceGroups.update([U, N], { soft_limit: 5 }), sends: [{ op: "updateServiceGroups", body: { array: true, keys: ["uuid", "name", "prop", "op", "value"] } }] },
  { method: "serviceGroups.delete", ref: "uuid", run: (u) => u.serviceGroups.delete(U), sends: [{ op: "deleteServiceGroupByUuid" }] },
  { method: "serviceGroups.delete", ref: "name", run: (u) => u.serviceGroups.delete(N), sends: [{ op: "deleteServiceGroups", body: { array: true, keys: ["name"] } }] },
  { method: "serviceGroups.delete", ref: "several", run: (u) => u.serviceGroups.delete([U, N]), sends: [{ op: "deleteServiceGroups", body: { array: true, keys: ["uuid", "name"] } }] },

  // ----- autoscale -----
  { method: "autoscale.getConfiguration", ref: "uuid", run: (u) => u.autoscale.getConfiguration(U), sends: [{ op: "getAutoscaleConfigurationsByServiceGroupUuid" }] },
  { method: "autoscale.getConfiguration", ref: "name", run: (u) => u.autoscale.getConfiguration(N), sends: [{ op: "getAutoscaleConfigurations", query: nameQ }] },
  { method: "autoscale.listConfigurations", ref: "uuid", run: (u) => u.autoscale.listConfigurations(U), sends: [{ op: "getAutoscaleConfigurations", query: ["uuid"] }] },
  { method: "autoscale.listConfigurations", ref: "name", run: (u) => u.autoscale.listConfigurations(N), sends: [{ op: "getAutoscaleConfigurations", query: ["name"] }] },
  { method: "autoscale.listConfigurations", ref: "several", run: (u) => u.autoscale.listConfigurations([U, N]), sends: [{ op: "getAutoscaleConfigurations", query: ["uuid", "name"] }] },
  { method: "autoscale.createConfiguration", ref: "uuid", run: (u) => u.autoscale.createConfiguration(U, { min_size: 1, max_size: 4, create_args: { template: { name: "nginx-base" } } }), sends: [{ op: "createAutoscaleConfigurationByServiceGroupUuid", body: { array: false, keys: ["uuid", "min_size", "max_size", "create_args"] } }] },
  { method: "autoscale.createConfiguration", ref: "name", run: (u) => u.autoscale.createConfiguration(N, { min_size: 1, max_size: 4, create_args: { template: { uuid: U2 } } }), sends: [{ op: "createAutoscaleConfigurations", body: { array: true, keys: ["name", "min_size", "max_size", "create_args"] } }] },
  { method: "autoscale.deleteConfiguration", ref: "uuid", run: (u) => u.autoscale.deleteConfiguration(U), sends: [{ op: "deleteAutoscaleConfigurationsByServiceGroupUuid" }] },
  { method: "autoscale.deleteConfiguration", ref: "name", run: (u) => u.autoscale.deleteConfiguration(N), sends: [{ op: "deleteAutoscaleConfigurations", body: { array: true, keys: ["name"] } }] },
  { method: "autoscale.deleteConfiguration", ref: "several", run: (u) => u.autoscale.deleteConfiguration([U, N]), sends: [{ op: "deleteAutoscaleConfigurations", body: { array: true, keys: ["uuid", "name"] } }] },
  { method: "autoscale.addPolicy", ref: "uuid", run: (u) => u.autoscale.addPolicy(U, { name: "cpu", metric: "cpu", adjustment_type: "change", steps: [{ adjustment: 1, lower_bound: 80 }] }), sends: [{ op: "createAutoscaleConfigurationPolicy", body: { array: false, keys: ["name", "type"] } }] },
  // Policies exist only by service-group UUID: a service-group name is resolved with one GET first.
  { method: "autoscale.addPolicy", ref: "name", run: (u) => u.autoscale.addPolicy(N, { name: "cpu", metric: "cpu", adjustment_type: "percentage", steps: [{ adjustment: 50, lower_bound: 10 }] }), sends: [{ op: "getServiceGroups", query: ["name", "details"] }, { op: "createAutoscaleConfigurationPolicy", body: { array: false, keys: ["name", "type"] } }] },
  { method: "autoscale.getPolicy", ref: "name", run: (u) => u.autoscale.getPolicy(N, "cpu"), sends: [{ op: "getServiceGroups", query: ["name", "details"] }, { op: "getAutoscaleConfigurationPolicyByName" }] },
  { method: "autoscale.listPolicies", ref: "name", run: (u) => u.autoscale.listPolicies(N), sends: [{ op: "getServiceGroups", query: ["name", "details"] }, { op: "getAutoscaleConfigurationPolicies" }] },
  { method: "autoscale.deletePolicy", ref: "name", run: (u) => u.autoscale.deletePolicy(N, "cpu"), sends: [{ op: "getServiceGroups", query: ["name", "details"] }, { op: "deleteAutoscaleConfigurationPolicyByName" }] },
  { method: "autoscale.getPolicy", ref: "uuid", run: (u) => u.autoscale.getPolicy(U, "cpu"), sends: [{ op: "getAutoscaleConfigurationPolicyByName" }] },
  { method: "autoscale.listPolicies", ref: "uuid", run: (u) => u.autoscale.listPolicies(U), sends: [{ op: "getAutoscaleConfigurationPolicies" }] },
  { method: "autoscale.deletePolicy", ref: "uuid", run: (u) => u.autoscale.deletePolicy(U, "cpu"), sends: [{ op: "deleteAutoscaleConfigurationPolicyByName" }] },

  // ----- certificates -----
  { method: "certificates.create", ref: "none", run: (u) => u.certificates.create({ name: "cert", common_name: "example.com", chain: "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n", pkey: "-----BEGIN PRIVATE KEY-----\nB\n-----END PRIVATE KEY-----\n" }), sends: [{ op: "createCertificate", body: { array: false, keys: ["name", "common_name", "chain", "pkey"] } }] },
  { method: "certificates.get", ref: "uuid", run: (u) => u.certificates.get(U), sends: [{ op: "getCertificateByUuid" }] },
  { method: "certificates.get", ref: "name", run: (u) => u.certificates.get(N), sends: [{ op: "getCertificates", query: nameQ }] },
  { method: "certificates.list", ref: "none", run: (u) => drain(u.certificates.list({ pageSize: 5 })), sends: [{ op: "getCertificates", query: ["count", "sortby", "order"] }] },
  { method: "certificates.delete", ref: "uuid", run: (u) => u.certificates.delete(U), sends: [{ op: "deleteCertificateByUuid" }] },
  { method: "certificates.delete", ref: "name", run: (u) => u.certificates.delete(N), sends: [{ op: "deleteCertificates", body: { array: true, keys: ["name"] } }] },
  { method: "certificates.delete", ref: "several", run: (u) => u.certificates.delete([U, N]), sends: [{ op: "deleteCertificates", body: { array: true, keys: ["uuid", "name"] } }] },
  { method: "certificates.waitUntil", ref: "uuid", run: (u) => u.certificates.waitUntil(U, () => true), sends: [{ op: "getCertificateByUuid" }] },
  { method: "certificates.waitUntil", ref: "name", run: (u) => u.certificates.waitUntil(N, () => true), sends: [{ op: "getCertificates", query: nameQ }] },
  { method: "certificates.update", ref: "uuid", run: (u) => u.certificates.update(U, { chain: CHAIN, pkey: PKEY }), sends: [{ op: "updateCertificateByUuid", body: { array: false, keys: ["chain", "pkey"] } }] },
  { method: "certificates.update", ref: "name", run: (u) => u.certificates.update(N, { chain: CHAIN, pkey: PKEY }), sends: [{ op: "updateCertificates", body: { array: true, keys: ["name", "chain", "pkey"] } }] },
  { method: "certificates.update", ref: "several", run: (u) => u.certificates.update([U, N], { chain: CHAIN, pkey: PKEY }), sends: [{ op: "updateCertificates", body: { array: true, keys: ["uuid", "name", "chain", "pkey"] } }] },

  // ----- images, quotas, health -----
  { method: "images.get", ref: "tag", run: (u) => u.images.get("nginx:latest"), sends: [{ op: "getImages", query: ["tag"] }] },
  { method: "images.get", ref: "digest", run: (u) => u.images.get(`sha256:${"a".repeat(64)}`), sends: [{ op: "getImages", query: ["digest"] }] },
  { method: "images.list", ref: "none", run: (u) => u.images.list(), sends: [{ op: "getImages" }] },
  { method: "images.pin", ref: "none", run: (u) => u.images.pin({ url: "nginx:latest", timeout_s: 60 }), sends: [{ op: "pinImages", body: { array: true, keys: ["url", "timeout_s"] } }] },
  { method: "images.pin", ref: "none", run: (u) => u.images.pin([{ url: "nginx:latest", timeout_s: 60, pull_policy: "if_not_present" }, { url: "redis:7.2", timeout_s: 60, autokill: { time_ms: 1000 } }]), sends: [{ op: "pinImages", body: { array: true, keys: ["url", "timeout_s", "pull_policy", "autokill"] } }] },
  // Unpinning takes the UUID pin() returned, never a name (see UUID_ONLY in wire.test.ts).
  { method: "images.unpin", ref: "uuid", run: (u) => u.images.unpin(U), sends: [{ op: "unpinImages", body: { array: true, keys: ["uuid"] } }] },
  { method: "images.unpin", ref: "several", run: (u) => u.images.unpin([U, U2]), sends: [{ op: "unpinImages", body: { array: true, keys: ["uuid"] } }] },
  { method: "images.store", ref: "tag", run: (u) => u.images.store("nginx:latest"), sends: [{ op: "getImageStore", query: ["tag"] }] },
  { method: "images.store", ref: "digest", run: (u) => u.images.store(`sha256:${"a".repeat(64)}`), sends: [{ op: "getImageStore", query: ["digest"] }] },
  { method: "quotas.get", ref: "none", run: (u) => u.quotas.get(), sends: [{ op: "getUser" }] },
  { method: "quotas.get", ref: "uuid", run: (u) => u.quotas.get(U), sends: [{ op: "getUserByUuid" }] },
  { method: "health", ref: "none", run: (u) => u.health(), sends: [{ op: "healthz" }] },
  { method: "request", ref: "uuid", run: (u) => u.request("GET", "/v1/instances/{uuid}", { path: { uuid: U } }), sends: [{ op: "getInstanceByUuid" }] },
  { method: "request", ref: "name", run: (u) => u.request("GET", "/v1/instances", { query: { name: [N] } }), sends: [{ op: "getInstances", query: nameQ }] },
  { method: "request", ref: "none", run: (u) => u.request("POST", "/v1/instances/checkpoints", { body: [{ from: { name: N } }] }), sends: [{ op: "createCheckpointInstances", body: { array: true, keys: ["from"] } }] },
];
