// Sets up autoscaling: a template to create instances from, a service group, its autoscale
// configuration and a step policy; reads them back; then removes all of them.
//
//   pnpm build && node examples/autoscale-setup.mjs     (UKC_TEMPLATE=<template> to use your own)
//
// The same code runs against the simulator (the default) and the real API (UKC_TOKEN set).
import { cleanup, IMAGE, print, run, uniqueName } from "./connect.mjs";

const POLICY = "cpu-up";

await run(async ({ ukc }) => {
  let template;
  let ownTemplate = false;
  let group;
  let configured = false;
  let policyAdded = false;
  try {
    // 0. A template: UKC_TEMPLATE, or a stopped instance (never started) turned into one.
    if (process.env.UKC_TEMPLATE) template = await ukc.templates.get(process.env.UKC_TEMPLATE);
    else {
      const base = await ukc.instances.create({ name: uniqueName("tpl"), image: IMAGE, memory_mb: 128 });
      [template] = await ukc.templates.create([base.uuid]);
      ownTemplate = true;
    }
    print("template", `${template.name} (${template.uuid})`);

    // 1. A service group publishing port 443 (TLS + HTTP) to port 8080 of its instances.
    group = await ukc.serviceGroups.create({
      name: uniqueName("svc"),
      services: [{ port: 443, destination_port: 8080, handlers: ["tls", "http"] }],
    });
    print("group", `${group.name} (${group.uuid})`);

    // 2. Its autoscale configuration: 1 to 4 instances, created from the template (autoscale takes
    //    a template or ROMs, nothing else).
    const config = await ukc.autoscale.createConfiguration(group.uuid, {
      min_size: 1,
      max_size: 4,
      warmup_time_ms: 1000,
      cooldown_time_ms: 1000,
      create_args: { template: { uuid: template.uuid } },
    });
    configured = true;
    print("configure", `${config.name ?? group.name}: ${config.status}`);

    // 3. A step policy on CPU: add 50 % more instances while the metric is between 10 and 500,
    //    100 % more above 500.
    const policy = await ukc.autoscale.addPolicy(group.uuid, {
      name: POLICY,
      enabled: true,
      metric: "cpu",
      adjustment_type: "percentage",
      steps: [
        { lower_bound: 10, upper_bound: 500, adjustment: 50 },
        { lower_bound: 500, adjustment: 100 },
      ],
    });
    policyAdded = true;
    print("policy", `${policy.name}: ${policy.status}`);

    // 4. Read them back.
    const read = await ukc.autoscale.getConfiguration(group.uuid);
    print(
      "read",
      `enabled ${read.enabled}, ${read.min_size}..${read.max_size} instances, warmup ${read.warmup_time_ms} ms, ` +
        `cooldown ${read.cooldown_time_ms} ms, policies: ${(read.policies ?? []).map((p) => p.name).join(", ") || "none"}`,
    );
    const one = await ukc.autoscale.getPolicy(group.uuid, POLICY);
    const steps = (one.steps ?? []).map((s) => `[${s.lower_bound ?? "-inf"}, ${s.upper_bound ?? "+inf"}) ${s.adjustment > 0 ? "+" : ""}${s.adjustment}`);
    print("read", `policy ${one.name}: ${one.metric}, ${one.adjustment_type}, ${one.enabled ? "enabled" : "disabled"}, steps ${steps.join(" ")}`);
    const all = await ukc.autoscale.listPolicies(group.uuid);
    print("read", `${all.length} polic${all.length === 1 ? "y" : "ies"}: ${all.map((p) => p.name).join(", ")}`);
  } finally {
    // 5. Clean up, newest first, each step even when another failed.
    if (group) {
      await cleanup([
        ["delete policy", async () => policyAdded && print("delete", `policy ${(await ukc.autoscale.deletePolicy(group.uuid, POLICY)).name}`)],
        ["delete configuration", async () => configured && print("delete", `configuration of ${(await ukc.autoscale.deleteConfiguration(group.uuid)).name}`)],
        ["delete service group", async () => print("delete", `service group ${(await ukc.serviceGroups.delete(group.uuid)).name}`)],
      ]);
    }
    if (ownTemplate) await cleanup([["delete template", async () => print("delete", `template ${(await ukc.templates.delete(template.uuid)).name}`)]]);
  }
});
