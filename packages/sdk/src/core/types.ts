/**
 * The resources as the SDK returns them: the spec's types, with `uuid` and `name` required where
 * the API always returns them, under names that show in editors' hovers.
 */
import type * as api from "@ukc/api";

/** A result that names its resource: `uuid` and `name` are always there. */
export type Named<T> = T & { uuid: string; name: string };

/** A state of an instance (`Instance.state` in the spec). */
export type InstanceState = "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";

/** An instance. */
export interface Instance extends api.Instance {
  uuid: string;
  name: string;
}

/** An instance template: a stopped instance turned into the base of new ones. */
export interface Template extends api.TemplateInstance {
  uuid: string;
  name: string;
}

/** A volume. */
export interface Volume extends api.Volume {
  uuid: string;
  name: string;
}

/** A service group: published ports, domains and load-balancing limits. */
export interface ServiceGroup extends api.ServiceGroup {
  uuid: string;
  name: string;
}

/** A TLS certificate. */
export interface Certificate extends api.Certificate {
  uuid: string;
  name: string;
}

/** A checkpoint: a saved copy of an instance, listed as an instance in the `checkpoint` state. */
export interface Checkpoint extends api.Instance {
  uuid: string;
  name: string;
}

/** A volume template: a volume turned into the base of new volumes (state `template`). */
export interface VolumeTemplate extends api.Volume {
  uuid: string;
  name: string;
}
