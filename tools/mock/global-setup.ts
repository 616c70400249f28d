// vitest global setup: one Prism mock of spec/openapi.yaml per test run, on a free loopback port,
// in examples mode (the contract tests compare answers with the spec's examples). Tests read its
// URL with `inject("prismUrl")`. The server is stopped by its process id at the end.
import type { TestProject } from "vitest/node";
import { startMock } from "../../packages/mock/src/index";
import { specFile } from "./spec-file";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock({ mode: "examples", spec: specFile, startTimeoutMs: 60_000 });
  project.provide("prismUrl", mock.url);
  return () => mock.stop();
}
