/**
 * The declared resources: where each one lives, the key of its items, what it can be filtered
 * by, its states, and the validators of its updates. `standard()` (internal/resource.ts) turns a
 * declaration into get, list, update, delete and waitUntil; each resource module adds only what
 * is unique to it.
 */
import type { InstanceState } from "../core/types.js";
import type { Descriptor } from "../internal/resource.js";

/** The states of an instance (`Instance.state` in the spec). */
export const INSTANCE_STATES: readonly InstanceState[] = ["stopped", "starting", "running", "draining", "stopping", "template", "standby", "deleted", "checkpoint"];
/** The states of a volume (`Volume.state` in the spec). */
export const VOLUME_STATES = ["uninitialized", "initializing", "available", "idle", "mounted", "busy", "error", "template"] as const;
/** The states of a certificate (`Certificate.state` in the spec). */
export const CERTIFICATE_STATES = ["pending", "valid", "error"] as const;

export const INSTANCES: Descriptor = { kind: "instance", path: "/v1/instances", key: "instances", tags: true, details: true, states: INSTANCE_STATES, example: "running", patch: "instances" };
export const TEMPLATES: Descriptor = { kind: "template", path: "/v1/instances/templates", key: "instances", tags: true, details: true, patch: "templates" };
export const CHECKPOINTS: Descriptor = { kind: "checkpoint", path: "/v1/instances/checkpoints", key: "instances", tags: true, details: true, patch: "checkpoints" };
export const VOLUMES: Descriptor = { kind: "volume", path: "/v1/volumes", key: "volumes", tags: true, details: true, states: VOLUME_STATES, example: "available", patch: "volumes" };
export const VOLUME_TEMPLATES: Descriptor = { kind: "volume template", path: "/v1/volumes/templates", key: "volumes", tags: true, details: true, patch: "volumeTemplates" };
export const SERVICE_GROUPS: Descriptor = { kind: "service group", path: "/v1/services", key: "service_groups", details: true, patch: "serviceGroups" };
export const CERTIFICATES: Descriptor = { kind: "certificate", path: "/v1/certificates", key: "certificates", details: true, states: CERTIFICATE_STATES, example: "valid" };
