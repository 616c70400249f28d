// Contract tests: every operation of spec/openapi.yaml, called through the typed low-level client
// against Prism (which validates each request against the spec and answers the spec's example).
//
// One entry per operationId. `contracts` must have a key for every OperationId (a missing or
// misspelt one is a compile error), each entry calls its operation with valid inputs taken from
// the spec, and checks concrete values of the spec's 200 example on the typed response.
import { beforeAll, describe, expect, inject, test } from "vitest";
import { createClient, operationIds, type OperationId, type UnikraftCloudClient } from "../src/index";
import type { Contract } from "./contracts/support";
import { instances } from "./contracts/instances";
import { templates } from "./contracts/templates";
import { checkpoints } from "./contracts/checkpoints";
import { volumes } from "./contracts/volumes";
import { serviceGroups } from "./contracts/service-groups";
import { autoscale } from "./contracts/autoscale";
import { certificates } from "./contracts/certificates";
import { imagesQuotasHealth } from "./contracts/images-quotas-health";
import { responseExample, routes } from "./support/spec";

const contracts = { ...instances, ...templates, ...checkpoints, ...volumes, ...serviceGroups, ...autoscale, ...certificates, ...imagesQuotasHealth };

/**
 * Operations of the spec without a contract test. When this is not `never`, the line below fails
 * to compile with a short message naming them: add their entries to a file in ./contracts/.
 */
type Untested = Exclude<OperationId, keyof typeof contracts>;
const everyOperationHasAContract: [Untested] extends [never] ? true : `no contract test for: ${Untested}` = true;
void everyOperationHasAContract;


describe("contract: every operation through the typed client against Prism", () => {
  // Records the method and path template of each request the client makes (openapi-fetch passes
  // the template as `schemaPath`), so each entry is checked to call the operation it is keyed by.
  let api: UnikraftCloudClient;
  let lastRoute: string | undefined;
  beforeAll(() => {
    api = createClient({ baseUrl: inject("prismUrl"), token: "test-token" });
    api.use({
      onRequest({ request, schemaPath }) {
        lastRoute = `${request.method} ${schemaPath}`;
      },
    });
  });

  test.each(operationIds)("%s", async (operationId) => {
    const contract = (contracts as Partial<Record<OperationId, Contract<OperationId>>>)[operationId];
    if (!contract) throw new Error(`no contract test for operation ${operationId}: add one to a file in packages/api/test/contracts/`);
    lastRoute = undefined;
    const { data, error, response } = await contract.call(api);

    const route = routes.get(operationId);
    expect(lastRoute).toBe(`${route?.method} ${route?.path}`);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    // Prism lists request violations in `sl-violations`; a valid request has none.
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(data?.status).toBe("success");
    expect(data).toEqual(responseExample(operationId, 200));
    contract.check(data!);
  });
});

describe("coverage check", () => {
  test("every operationId of the generated aliases has a contract test, and no other key exists", () => {
    const tested = new Set<string>(Object.keys(contracts));
    expect(operationIds.filter((id) => !tested.has(id))).toEqual([]);
    expect([...tested].filter((id) => !(operationIds as readonly string[]).includes(id))).toEqual([]);
  });

  test("the generated operationIds are exactly those of spec/openapi.yaml, in document order", () => {
    expect([...operationIds]).toEqual([...routes.keys()]);
  });
});
