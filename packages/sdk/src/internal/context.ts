/** What every resource module gets from the client: the low-level API, the transport, the logger. */
import type { UnikraftCloudClient } from "@ukc/api";
import type { Logger } from "./logger.js";
import type { RequestOptions, Transport } from "./transport.js";

export interface Context {
  /** The low-level typed client (its default fetch is the transport with the client's defaults). */
  api: UnikraftCloudClient;
  transport: Transport;
  logger: Logger;
}

/** The openapi-fetch options that route one call through the transport with its options. */
export function via(ctx: Context, options: RequestOptions | undefined) {
  return { fetch: ctx.transport.forCall(options) };
}
