// Type tests (run by `vitest` in typecheck mode; nothing here is executed). Each
// `// @ts-expect-error` proves the line below it does not compile: the test fails if it ever does.
import { describe, expectTypeOf, test } from "vitest";
import {
  type ClientOptions,
  createClient,
  type CreateInstanceRequest,
  type ErrorEnvelope,
  type GetImagesResponse,
  type DeleteInstanceRequestItem,
  type StartInstancesRequestItem,
  type GetInstanceLogsResponse,
  type GetInstancesResponse,
  type HealthzResponse,
  type Instance,
  type NameOrUUID,
  type OperationId,
  type QuotasResponse,
  type StopInstancesRequestID,
  type UnikraftCloudClient,
  type UpdateInstanceByUUIDRequestBody,
  operationIds,
  type operations,
  type paths,
} from "../src/index";

const api = createClient({ token: "test-token" });
const uuid = "123e4567-e89b-12d3-a456-426614174000";

describe("paths and methods", () => {
  test("a path the spec does not have is a compile error", () => {
    // @ts-expect-error -- /v1/instance (singular) is not a path of the spec
    void api.GET("/v1/instance");
    // @ts-expect-error -- the paths start with /v1
    void api.GET("/instances");
    // @ts-expect-error -- service groups live under /v1/services
    void api.GET("/v1/service-groups");
  });

  test("a method the path does not have is a compile error", () => {
    // @ts-expect-error -- healthz is GET only
    void api.POST("/v1/healthz");
    // @ts-expect-error -- start is PUT, not POST
    void api.POST("/v1/instances/{uuid}/start", { params: { path: { uuid } } });
    // @ts-expect-error -- a certificate is updated with PUT, not PATCH
    void api.PATCH("/v1/certificates/{uuid}", { params: { path: { uuid } } });
    // @ts-expect-error -- the mid-2025 image paths are gone from the current contract
    void api.GET("/v1/images/tag/{tag}", { params: { path: { tag: "nginx:latest" } } });
  });

  test("the spec's paths and operations are the typed ones", () => {
    expectTypeOf<"/v1/instances/{uuid}/log">().toExtend<keyof paths>();
    expectTypeOf<"/v1/images">().toExtend<keyof paths>();
    expectTypeOf<"/v1/images/digest/{digest}">().not.toExtend<keyof paths>();
    expectTypeOf<"/v1/instances/{uuid}/logs">().not.toExtend<keyof paths>();
    expectTypeOf<OperationId>().toEqualTypeOf<keyof operations>();
    expectTypeOf(operationIds).items.toEqualTypeOf<OperationId>();
    expectTypeOf<"getInstance" | "healthz" | "deleteAutoscalePolicies">().toExtend<OperationId>();
    expectTypeOf<"getInstances">().not.toExtend<OperationId>();
  });
});

describe("parameters", () => {
  test("inputs the current contract does not read are compile errors", () => {
    // @ts-expect-error -- the by-UUID log endpoint reads no offset or limit: use /v1/instances/log?uuid=
    void api.GET("/v1/instances/{uuid}/log", { params: { path: { uuid }, query: { offset: -4096 } } });
    // @ts-expect-error -- the by-UUID stop reads a JSON body, not query parameters
    void api.PUT("/v1/instances/{uuid}/stop", { params: { path: { uuid }, query: { force: true } }, body: {} });
    // @ts-expect-error -- templates page with `from`, the reference's `from_uuid` is gone
    void api.GET("/v1/instances/templates", { params: { query: { from_uuid: uuid } } });
  });

  test("a missing required path parameter is a compile error", () => {
    // @ts-expect-error -- {uuid} needs params.path.uuid
    void api.GET("/v1/instances/{uuid}");
    // @ts-expect-error -- uuid is missing
    void api.GET("/v1/instances/{uuid}", { params: { path: {} } });
    // @ts-expect-error -- {name} of the policy is missing
    void api.GET("/v1/services/{uuid}/autoscale/policies/{name}", { params: { path: { uuid } } });
  });

  test("a wrong path parameter name or type is a compile error", () => {
    // @ts-expect-error -- the parameter is `uuid`, not `id`
    void api.GET("/v1/instances/{uuid}", { params: { path: { id: uuid } } });
    // @ts-expect-error -- uuid is a string
    void api.DELETE("/v1/volumes/{uuid}", { params: { path: { uuid: 42 } } });
  });

  test("a wrong query parameter is a compile error", () => {
    // @ts-expect-error -- `detail` is not a parameter (`details` is)
    void api.GET("/v1/instances", { params: { query: { detail: true } } });
    // @ts-expect-error -- details is a boolean
    void api.GET("/v1/instances", { params: { query: { details: "yes" } } });
    // @ts-expect-error -- order is asc | desc
    void api.GET("/v1/volumes", { params: { query: { order: "sideways" } } });
    // @ts-expect-error -- name filters are arrays (repeatable), not a single string
    void api.GET("/v1/instances/log", { params: { query: { name: "funky-town-g756b5d" } } });
    // @ts-expect-error -- waitInstance's state is an instance state
    void api.GET("/v1/instances/{uuid}/wait", { params: { path: { uuid }, query: { state: "sleeping" } } });
    // @ts-expect-error -- healthz takes no query parameters
    void api.GET("/v1/healthz", { params: { query: { verbose: true } } });
  });

  test("valid parameters compile", () => {
    void api.GET("/v1/instances", { params: { query: { name: ["a", "b"], details: false, count: 10 } } });
    void api.GET("/v1/instances/log", { params: { query: { uuid: [uuid], offset: -4096, limit: 4096 } } });
    void api.PUT("/v1/instances/{uuid}/stop", { params: { path: { uuid } }, body: { drain_timeout_ms: 250 } });
    void api.GET("/v1/images", { params: { query: { tag: "funky-user/my-image:latest" } } });
    void api.GET("/v1/healthz");
  });
});

describe("request bodies", () => {
  test("a missing body or a missing required body field is a compile error", () => {
    // @ts-expect-error -- createInstance needs a body
    void api.POST("/v1/instances");
    // @ts-expect-error -- a certificate needs its chain and private key
    void api.POST("/v1/certificates", { body: { name: "funky-certificate" } });
    // @ts-expect-error -- a volume attach needs `at`
    void api.PUT("/v1/volumes/{uuid}/attach", { params: { path: { uuid } }, body: { attach_to: { name: "i" } } });
  });

  test("a wrong body field type or value is a compile error", () => {
    // @ts-expect-error -- memory_mb is an integer
    void api.POST("/v1/instances", { body: { image: "nginx:latest", memory_mb: "256" } });
    // @ts-expect-error -- restart_policy is never | always | on-failure
    void api.POST("/v1/instances", { body: { image: "nginx:latest", restart_policy: "on_failure" } });
    // @ts-expect-error -- the feature is spelled delete-on-stop
    void api.POST("/v1/instances", { body: { image: "nginx:latest", features: ["delete_on_stop"] } });
    // @ts-expect-error -- prop is one of the updatable properties
    void api.PATCH("/v1/instances/{uuid}", { params: { path: { uuid } }, body: { prop: "colour", op: "set" } });
    // A batch item is a reference plus options, typed by its alias (openapi-fetch's inference of an
    // inline array literal is too loose to catch these two).
    // @ts-expect-error -- a batch body is an array of items, not one object
    const notArray: DeleteInstanceRequestItem[] = { uuid };
    // @ts-expect-error -- `id` is not a field of a start item
    const withId: StartInstancesRequestItem = { id: uuid };
    void notArray;
    void withId;
    // @ts-expect-error -- startInstance's timeout_s is an integer of seconds
    void api.PUT("/v1/instances/{uuid}/start", { params: { path: { uuid } }, body: { timeout_s: "5" } });
  });

  test("an unknown field is a compile error where the body is typed with its alias", () => {
    // openapi-fetch infers the request options generically, so an extra field next to valid ones in
    // an inline literal is not caught there (Prism and the API reject it with 400). Typing the body
    // with the generated alias gives TypeScript's excess-property check.
    const body: CreateInstanceRequest = {
      image: "nginx:latest",
      // @ts-expect-error -- `memroy_mb` is not a field of CreateInstanceRequest
      memroy_mb: 256,
    };
    const update: UpdateInstanceByUUIDRequestBody = {
      prop: "memory_mb",
      op: "set",
      value: 256,
      // @ts-expect-error -- `uuid` belongs in the path, not in the by-UUID body
      uuid,
    };
    const stop: StopInstancesRequestID = {
      name: "funky-town-g756b5d",
      // @ts-expect-error -- the option is `drain_timeout_ms`
      drain_timeout: 250,
    };
    void api.POST("/v1/instances", { body });
    void api.PATCH("/v1/instances/{uuid}", { params: { path: { uuid } }, body: update });
    void api.PUT("/v1/instances/stop", { body: [stop] });
  });

  test("request body types are the spec's schemas", () => {
    type CreateBody = NonNullable<operations["createInstance"]["requestBody"]>["content"]["application/json"];
    type DeleteBody = NonNullable<operations["deleteTemplates"]["requestBody"]>["content"]["application/json"];
    expectTypeOf<CreateBody>().toEqualTypeOf<CreateInstanceRequest>();
    expectTypeOf<DeleteBody>().toEqualTypeOf<NameOrUUID[]>();
    expectTypeOf<NameOrUUID>().toExtend<{ uuid: string } | { name: string }>();
    expectTypeOf<{ uuid: string }>().toExtend<NameOrUUID>();
    expectTypeOf<{ name: string }>().toExtend<NameOrUUID>();
    expectTypeOf<{ id: string }>().not.toExtend<NameOrUUID>();
  });
});

describe("responses", () => {
  test("data is the spec's 200 body, error the error envelope", async () => {
    const { data, error, response } = await api.GET("/v1/instances/{uuid}", { params: { path: { uuid } } });
    expectTypeOf(data).toEqualTypeOf<GetInstancesResponse | undefined>();
    expectTypeOf(error).toEqualTypeOf<ErrorEnvelope | undefined>();
    expectTypeOf(response).toEqualTypeOf<Response>();
    if (data) {
      expectTypeOf(data.data?.instances).toEqualTypeOf<Instance[] | undefined>();
      expectTypeOf(data.status).toEqualTypeOf<"success" | "error" | "partial_success" | undefined>();
      // @ts-expect-error -- instances live in data.data.instances, not data.instances
      void data.instances;
    }
    if (error) {
      expectTypeOf(error.status).toEqualTypeOf<"error" | "partial_success">();
      expectTypeOf(error.errors).toEqualTypeOf<{ status?: number }[] | undefined>();
    }
  });

  test("success and error are exclusive", async () => {
    const result = await api.GET("/v1/healthz");
    if (result.error) expectTypeOf(result.data).toEqualTypeOf<undefined>();
    else expectTypeOf(result.data).toEqualTypeOf<HealthzResponse>();
  });

  test("each operation answers its *Response schema", async () => {
    const logs = await api.GET("/v1/instances/{uuid}/log", { params: { path: { uuid } } });
    expectTypeOf(logs.data).toEqualTypeOf<GetInstanceLogsResponse | undefined>();
    expectTypeOf(logs.data?.data?.instances?.[0]?.output).toEqualTypeOf<string | undefined>();
    const images = await api.GET("/v1/images", { params: { query: { digest: "sha256:ab" } } });
    expectTypeOf(images.data).toEqualTypeOf<GetImagesResponse | undefined>();
    const quotas = await api.GET("/v1/users/quotas");
    // QuotasResponse is a oneOf (success | error envelope); openapi-fetch flattens the intersections
    // of each branch, so the types are mutually assignable rather than identical.
    expectTypeOf<NonNullable<typeof quotas.data>>().toExtend<QuotasResponse>();
    expectTypeOf<QuotasResponse>().toExtend<NonNullable<typeof quotas.data>>();
    if (quotas.data?.status === "success") expectTypeOf(quotas.data.data?.quotas?.[0]?.hard?.instances).toEqualTypeOf<number | undefined>();
    expectTypeOf<operations["listInstances"]["responses"][200]["content"]["application/json"]>().toEqualTypeOf<GetInstancesResponse>();
    expectTypeOf<operations["getInstance"]["responses"][404]["content"]["application/json"]>().toEqualTypeOf<ErrorEnvelope>();
  });

  test("instance fields carry the spec's types", () => {
    expectTypeOf<Instance["state"]>().toExtend<string | undefined>();
    expectTypeOf<Instance["memory_mb"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Instance["env"]>().toExtend<Record<string, string> | undefined>();
    expectTypeOf<Instance>().not.toHaveProperty("memory");
  });

  test("the client type is openapi-fetch's client over the spec's paths", () => {
    expectTypeOf(api).toEqualTypeOf<UnikraftCloudClient>();
    expectTypeOf<ClientOptions["token"]>().toEqualTypeOf<string>();
    expectTypeOf<ClientOptions["headers"]>().toEqualTypeOf<Record<string, string> | undefined>();
    // @ts-expect-error -- the token is required
    void createClient({ metro: "fra" });
  });
});
