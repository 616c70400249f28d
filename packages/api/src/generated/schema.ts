/**
 * This file was generated from spec/openapi.yaml by tools/codegen. Do not edit it by hand:
 * change the spec and run `pnpm gen`.
 */
export interface paths {
    "/v1/instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Instances
         * @description Get one or many instances with their current status and configuration. It's possible to filter this list by ID(s) (name or UUID).
         *
         *     The filters the reference shows as a request body are query parameters: repeat `uuid` and
         *     `name` for several (`?name=a&name=b`). Without filters all instances are listed. Paging:
         *     `count` is the page size (0 or unset = all), `from` is an inclusive cursor (a UUID or an
         *     ISO 8601 creation time: the item it names is the first one returned), `order` and `sortby`
         *     sort the listing, and `tags` filters by tags. With `details=false` only basic information
         *     (name, UUID) is returned.
         *
         *     An unknown name or UUID among the filters does not fail the request: it is listed as an
         *     entry with `status: error` (`error` 8, not found) in an HTTP 200 answer.
         */
        get: operations["listInstances"];
        put?: never;
        /**
         * Create Instance
         * @description Create an instance in Unikraft Cloud.
         *
         *     The body is a single object. With `autostart` and a `timeout_s` (or the older `wait_timeout_ms`)
         *     greater than zero the call blocks until the new instance(s) reach the running state; if that wait runs out of time
         *     the answer has `status: error`, message `Operation timed out`, and still lists each created
         *     instance with its current `state`. A `name` that is already in use fails with 409.
         */
        post: operations["createInstance"];
        /**
         * Delete Instances
         * @description Delete the specified instance(s) by ID(s) (name or UUID). After this call the IDs of the instances are no longer valid. If the instances are currently running, they are force-stopped.
         *
         *     The body is a JSON array, each item exactly one of `uuid` or `name` plus the options
         *     `timeout_s` (wait for the deletion) and `dont_retain` (skip retention). Per-item
         *     failures arrive with HTTP 200: an unknown name yields an entry with `status: error`,
         *     `error` 8 and message `No instance with name '…'` while the other entries succeed; an
         *     instance with deletion protection (`delete_lock`) yields `error` 14.
         */
        delete: operations["deleteInstances"];
        options?: never;
        head?: never;
        /**
         * Update Instances
         * @description Update (modify) one or more instances by ID(s) (name or UUID). The instances must be in a stopped state for most update operations.
         *
         *     The body is a JSON array of updates, each naming its instance by exactly one of `uuid` or
         *     `name` plus `prop`, `op` and `value` (and an optional `id` echoed back in the answer).
         *     Per-item failures arrive with HTTP 200, each entry with its own `status`, `message` and
         *     `error`.
         */
        patch: operations["updateInstances"];
        trace?: never;
    };
    "/v1/instances/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Instances Logs
         * @description Retrieve the logs of one or more instances by ID(s) (name or UUID).
         *
         *     The instance reference and the range the reference shows as a request body are query
         *     parameters (`uuid` or `name`, `offset`, `limit`). The reference's response notes that only
         *     one instance can be specified per request, so `data.instances` holds a single entry.
         *
         *     `output` is standard base64 of the raw log bytes: decode to bytes first and UTF-8-decode as a
         *     stream (a multi-byte character can straddle two responses). `available` is the byte range
         *     the server still holds and `range` the range returned (`range.end - range.start` bytes, the
         *     next byte to read being at `range.end`). A negative `offset` counts from the end of the log.
         *     One request returns at most 16,383 bytes. To follow a log, poll with the absolute offset of
         *     the next byte and wait about 500 ms when nothing new arrived; `state` tells when the
         *     instance has stopped. Reading past the end can answer `available` 0..0.
         */
        get: operations["getInstancesLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Instances Metrics
         * @description Get the metrics of one or more instances by their ID(s) (name or UUID).
         *
         *     The references the reference shows as a request body are query parameters: repeat `uuid`
         *     and `name` for several. An unknown instance yields an entry with `error` 8 (not found) in an
         *     HTTP 200 answer.
         */
        get: operations["getInstancesMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Start Instances
         * @description Start previously stopped instances by ID(s) (name or UUID) or do nothing if the instances are already running.
         *
         *     The body is a JSON array, each item exactly one of `uuid` or `name` plus the option
         *     `timeout_s` (or the older `wait_timeout_ms`). Per-item
         *     failures arrive with HTTP 200: an unknown name yields an entry with `status: error`,
         *     `error` 8 and message `No instance with name '…'` while the other entries succeed. Without a
         *     timeout the call does not wait for the instances to run: use the wait endpoint for that.
         */
        put: operations["startInstances"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Stop Instances
         * @description Stop one or more running instance by ID(s) (name or UUID) or do nothing if the instances are already stopped.
         *
         *     The body is a JSON array, each item exactly one of `uuid` or `name` plus the options `force`,
         *     `drain_timeout_ms`, `quick`, `ifstate` and `dump` (use -1 for the largest possible drain timeout). `force` together
         *     with `drain_timeout_ms` is rejected with 400. This endpoint does not block: use the wait
         *     endpoint for the instances to reach the stopped state. Per-item failures arrive with HTTP
         *     200, each entry with its own `message` and `error` (8 not found).
         */
        put: operations["stopInstances"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/wait": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Wait for Instances States
         * @description Wait for one or more instances to reach certain states by ID(s) (name or UUID).
         *
         *     If the instances are already in the desired states, the request will return immediately. If the instances are not in the desired state, the request will block until the instances reach the desired state or the timeout is reached. If the timeout is reached, the request will fail with an error. If the timeout is -1, the request will block indefinitely until the instances reach the desired states.
         *
         *     The inputs the reference shows as a request body are query parameters (`uuid`, `name`,
         *     `state`, `timeout_ms` or `timeout_s`). A wait that runs out of time answers `status: error`, message
         *     `Operation timed out`, and still lists each instance with its current `state` (entries may
         *     carry `error` 12, timed out). Clients should allow their HTTP timeout to exceed
         *     `timeout_ms`.
         */
        get: operations["waitInstances"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List template instances
         * @description Get one or more template instances by their UUID(s) or name(s).
         *
         *     Filters and paging are query parameters as for the other lists: repeat `uuid` and `name` for several, `tags` filters by tags, `count` is the page size (unset or 0 = all), `from` (a UUID or creation time) is an inclusive cursor, and `order`/`sortby` choose the sorting. With `details=false` only basic information (name, UUID) is returned.
         */
        get: operations["listTemplates"];
        put?: never;
        /**
         * Create template instances from Instances
         * @description Convert one or more existing instances by their UUID(s) or name(s) into template instances that can be used to create new instances.
         *     The existing instances must be in the stopped state and not have existing snapshots.
         *
         *     The body is a JSON array of items, each naming an instance by exactly one of `uuid` or `name`, with optional `timeout_s` (how long to wait for the conversion; 0 does not wait, -1 waits without limit) and `autokill` (delete the template after it has gone unused for `time_ms`). Per-item failures arrive with HTTP 200: an unknown instance yields `error` 8, an instance that is not stopped `error` 11 (wrong VM state).
         */
        post: operations["createTemplates"];
        /**
         * Delete template instances
         * @description Delete the specified template instance(s) by ID(s) (name or UUID). After this call the IDs of the template instances are no longer valid.
         *
         *     The body is a JSON array of references, each exactly one of `uuid` or `name`. Per-item
         *     failures arrive with HTTP 200: an unknown name yields an entry with `status: error` and
         *     `error` 8; a template with deletion protection (`delete_lock`) yields `error` 14.
         */
        delete: operations["deleteTemplates"];
        options?: never;
        head?: never;
        /**
         * Update template instances
         * @description Update (modify) one or more template instances by ID(s) (name or UUID).
         *
         *     The body is a JSON array of updates, each naming its template by exactly one of `uuid` or
         *     `name` plus `prop` (`tags`, `delete_lock` or `autokill`), `op` and `value` (and an optional `id` echoed
         *     back in the answer). Per-item failures arrive with HTTP 200, each entry with its own
         *     `status`, `message` and `error`.
         */
        patch: operations["updateTemplates"];
        trace?: never;
    };
    "/v1/instances/templates/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get template instance by UUID
         * @description Get a single template instance by its UUID.
         *
         *     The answer has the same shape as the listing, with one entry in `data.instances`.
         */
        get: operations["getTemplate"];
        put?: never;
        post?: never;
        /**
         * Delete template instance by UUID
         * @description Delete a specified template instance by its UUID. After this call the UUID of the template instance is no longer valid.
         *
         *     The answer lists the template with its own status; a template with deletion protection
         *     (`delete_lock`) is answered with `error` 14.
         */
        delete: operations["deleteTemplate"];
        options?: never;
        head?: never;
        /**
         * Update template instance by UUID
         * @description Update (modify) a template instance by its UUID.
         *
         *     The body is a single object: `prop` (`tags`, `delete_lock` or `autokill`), `op`, `value` and an
         *     optional `id` echoed back in the answer.
         */
        patch: operations["updateTemplate"];
        trace?: never;
    };
    "/v1/instances/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Suspend Instances
         * @description Suspend one or more running instances by ID(s) (name or UUID): each is put into standby, keeping its state, after an optional drain of open connections.
         *
         *     Not described by the reference; taken from the current contract. The body is a JSON array, each
         *     item exactly one of `uuid` or `name` plus an optional `drain_timeout_ms`. Per-item failures
         *     arrive with HTTP 200, each entry with its own `status`, `message` and `error`.
         */
        put: operations["suspendInstances"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Instances Checkpoint History
         * @description Get the checkpoint history of one or more instances by ID(s) (name or UUID): the checkpoints taken of each, with their creation times.
         *
         *     Not described by the reference; taken from the current contract. Repeat `uuid` and `name` for
         *     several instances. An unknown instance yields an entry with `error` 8 (not found) in an HTTP 200
         *     answer.
         */
        get: operations["getInstancesHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List checkpoint instances
         * @description List checkpoint instances, or get several by their UUID(s) or name(s).
         *
         *     A checkpoint is a saved copy of an instance's state from which new instances can be created; it is listed as an instance in the `checkpoint` state. Filters and paging are query parameters as for the other lists: repeat `uuid` and `name` for several, `tags` filters by tags, `count` is the page size (unset or 0 = all), `from` (a UUID or creation time) is an inclusive cursor, and `order`/`sortby` choose the sorting. With `details=false` only basic information (name, UUID) is returned.
         */
        get: operations["listCheckpoints"];
        put?: never;
        /**
         * Create checkpoint instances
         * @description Create one checkpoint per item from an existing instance, named in `from` by exactly one of `uuid` or `name`.
         *
         *     Each item may name the checkpoint (a name is generated otherwise), add `tags`, set `autokill` (delete the checkpoint after it has not been used for this long) and `timeout_s` (how long to wait for the checkpoint to be ready; 0 does not wait). The body is a JSON array; per-item failures arrive with HTTP 200, an unknown source instance with `error` 8.
         */
        post: operations["createCheckpoints"];
        /**
         * Delete checkpoint instances
         * @description Delete one or more checkpoint instances by UUID or name. After this call their identifiers are no longer valid.
         *
         *     The body is a JSON array of references, each exactly one of `uuid` or `name`. Per-item failures arrive with HTTP 200: an unknown name yields `error` 8, a checkpoint with deletion protection (`delete_lock`) `error` 14.
         */
        delete: operations["deleteCheckpoints"];
        options?: never;
        head?: never;
        /**
         * Update checkpoint instances
         * @description Update one or more checkpoint instances by UUID or name.
         *
         *     The body is a JSON array of updates, each naming its checkpoint by exactly one of `uuid` or `name` plus `prop` (`tags`, `delete_lock` or `autokill`), `op` and `value` (and an optional `id` echoed back in the answer). Per-item failures arrive with HTTP 200, each entry with its own `status`, `message` and `error`.
         */
        patch: operations["updateCheckpoints"];
        trace?: never;
    };
    "/v1/instances/checkpoints/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the history of checkpoint instances
         * @description Get the checkpoint history of one or more checkpoint instances, chosen by UUID or name.
         *
         *     Filters are query parameters: repeat `uuid` and `name` for several. Each entry lists, in `history`, the checkpoints (UUID, name, creation time) in the lineage of the requested checkpoint. Per-item failures arrive with HTTP 200, an unknown checkpoint with `error` 8.
         */
        get: operations["getCheckpointsHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/checkpoints/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get checkpoint instance by UUID
         * @description Get a single checkpoint instance by its UUID.
         *
         *     The answer has the same shape as the listing, with one entry in `data.instances`; with `details=false` only basic information (name, UUID) is returned.
         */
        get: operations["getCheckpoint"];
        put?: never;
        post?: never;
        /**
         * Delete checkpoint instance by UUID
         * @description Delete the checkpoint instance with the given UUID. After this call the UUID is no longer valid.
         *
         *     The answer lists the checkpoint with its own status; a checkpoint with deletion protection (`delete_lock`) is answered with `error` 14.
         */
        delete: operations["deleteCheckpoint"];
        options?: never;
        head?: never;
        /**
         * Update checkpoint instance by UUID
         * @description Update the checkpoint instance with the given UUID.
         *
         *     The body is a single object: `prop` (`tags`, `delete_lock` or `autokill`), `op`, `value` and an optional `id` echoed back in the answer.
         */
        patch: operations["updateCheckpoint"];
        trace?: never;
    };
    "/v1/instances/checkpoints/{uuid}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the history of a checkpoint instance by UUID
         * @description Get the checkpoint history of the checkpoint instance with the given UUID.
         *
         *     The answer has the same shape as `getCheckpointsHistory`, with one entry in `data.instances`.
         */
        get: operations["getCheckpointHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Instance by UUID
         * @description Get a single instance by its UUID.
         *
         *     The answer has the same shape as the listing, with one entry in `data.instances`. With
         *     `details=false` only basic information (name, UUID) is returned.
         */
        get: operations["getInstance"];
        put?: never;
        post?: never;
        /**
         * Delete Instance by UUID
         * @description Delete a specified instance by its UUID. After this call the UUID of the instance is no longer valid. If the instance is currently running, it is force-stopped.
         *
         *     An optional body sets `timeout_s` (wait for the deletion) and `dont_retain` (skip
         *     retention). The answer lists the instance with its own status; an instance with deletion protection
         *     (`delete_lock`) is answered with `error` 14.
         */
        delete: operations["deleteInstance"];
        options?: never;
        head?: never;
        /**
         * Update Instance by UUID
         * @description Update (modify) an instance by its UUID. The instance must be in a stopped state for most update operations.
         *
         *     The body is a single object: `prop`, `op`, `value` and an optional `id` echoed back in the
         *     answer.
         */
        patch: operations["updateInstance"];
        trace?: never;
    };
    "/v1/instances/{uuid}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Instance Logs by UUID
         * @description Retrieve the logs of an instance by its UUID.
         *
         *     This operation takes no inputs besides the UUID: the reference's `offset` and `limit` are not
         *     read here. To read from an offset, use the batch endpoint `/v1/instances/log` with `uuid=`.
         *     `output` is standard base64 of the raw log bytes: decode to bytes first and UTF-8-decode as a
         *     stream (a multi-byte character can straddle two responses). `available` is the byte range
         *     the server still holds and `range` the range returned (`range.end - range.start` bytes, the
         *     next byte to read being at `range.end`). A negative `offset` counts from the end of the log
         *     (e.g. `offset=-4096` for the tail). One request returns at most 16,383 bytes. To follow a
         *     log, poll with the absolute offset of the next byte and wait about 500 ms when nothing new
         *     arrived; `state` tells when the instance has stopped. Reading past the end can answer
         *     `available` 0..0.
         */
        get: operations["getInstanceLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/{uuid}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Instance Metrics by UUID
         * @description Get the metrics of an instance by its UUID.
         */
        get: operations["getInstanceMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/{uuid}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Start Instance by UUID
         * @description Start a previously stopped instance by its UUID or do nothing if the instance is already running.
         *
         *     An optional JSON body sets `timeout_s` (or the older `wait_timeout_ms`) to wait for the
         *     instance to run; without it the call does not wait: use the wait endpoint for that.
         */
        put: operations["startInstance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/{uuid}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Stop Instance by UUID
         * @description Stop a running instance by its UUID or do nothing if the instance is already stopped.
         *
         *     The options `force`, `drain_timeout_ms`, `quick`, `ifstate` and `dump` are a JSON body (the
         *     reference documents `force` and `drain_timeout_ms` as query parameters). `force` together with `drain_timeout_ms` is rejected with 400. This endpoint
         *     does not block: use the wait endpoint for the instance to reach the stopped state.
         */
        put: operations["stopInstance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/{uuid}/wait": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Wait for Instance State by UUID
         * @description Wait for an instance to reach a certain state, by its UUID.
         *
         *     If the instance is already in the desired state, the request will return immediately. If the instance is not in the desired state, the request will block until the instance reaches the desired state or the timeout is reached. If the timeout is reached, the request will fail with an error. If the timeout is -1, the request will block indefinitely until the instance reaches the desired state.
         *
         *     This operation takes no inputs besides the UUID: the reference's `state` and `timeout_ms` are
         *     not read here. To choose them, use the batch endpoint `/v1/instances/wait` with `uuid=`. A wait that runs out of time answers `status: error`, message `Operation timed out`, and
         *     still lists the instance with its current `state` (`error` 12, timed out).
         */
        get: operations["waitInstance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/{uuid}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Suspend Instance by UUID
         * @description Suspend a running instance by its UUID: it is put into standby, keeping its state, after an optional drain of open connections.
         *
         *     Not described by the reference; taken from the current contract. The body holds the optional
         *     `drain_timeout_ms`.
         */
        put: operations["suspendInstance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/instances/{uuid}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Instance Checkpoint History by UUID
         * @description Get the checkpoint history of an instance by its UUID.
         *
         *     Not described by the reference; taken from the current contract. No inputs besides the UUID.
         */
        get: operations["getInstanceHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/volumes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List volumes
         * @description Get one or many volumes with their current state and configuration (size, persistence, the
         *     instances the volume is attached to and mounted by, tags).
         *
         *     Filter by ID(s) with the repeatable `uuid` and `name` query parameters (`?name=a&name=b`), or by
         *     `tags`. Without filters every volume of the account is listed. `count` sets the page size (0 or
         *     unset = all). `from` (a UUID or an ISO 8601 creation time) starts the page at that volume; the
         *     cursor is **inclusive**: the volume it names is the first item returned, so when paging with the
         *     last UUID of the previous page, drop the first item of the next page. `order` (`asc`|`desc`) and
         *     `sortby` (`create_time`) set the order.
         *
         *     `details=false` returns only the basic information of each volume (name and UUID). A name or
         *     UUID in the filters that does not exist can come back as an entry with `status: error` (error 8,
         *     not found) with HTTP 200.
         */
        get: operations["listVolumes"];
        put?: never;
        /**
         * Create a volume
         * @description Create a persistent volume of `size_mb` megabytes. The body is a single object (not an array);
         *     `name` is optional: without one a random name of the form `vol-X` is generated, where X is a 5
         *     character long random alphanumeric suffix. The name must be unique within the account (a name
         *     already in use fails, HTTP 409 or error 23 `already exists`).
         *
         *     The new volume is returned in `data.volumes` (one entry) with its UUID and name. It can then be
         *     attached to stopped instances (`attachVolumes`, `attachVolume`) or referenced in
         *     `createInstance`.
         *
         *     `size_mb` may be left out when the volume's content comes from elsewhere: from a volume template
         *     (`template`, see `listVolumeTemplates`) or from a directory on the host (`host_path`, a managed
         *     volume, with `uid`/`gid` owning its files). `quota_policy`, `filesystem`, `access_mode`, `tags`
         *     and `args` are optional settings of the new volume. The answer also gives the new volume's
         *     `state`.
         */
        post: operations["createVolume"];
        /**
         * Delete volumes
         * @description Delete one or more volumes by ID(s). The body is a JSON array of references, each exactly one of
         *     `{"uuid": …}` or `{"name": …}`. Send only the key that is set; a name sent in `uuid` fails with
         *     `Invalid uuid '<name>'`. After this call the IDs of the deleted volumes are no longer valid.
         *
         *     A volume that is attached to an instance cannot be deleted (error 15, attached): detach it first
         *     (`detachVolumes`) or delete the instance. A volume whose `delete_lock` is set is refused as well
         *     (error 14, not allowed).
         *
         *     Each item is reported in `data.volumes` with its own `status`, `message` and `error` code.
         *     Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No volume with name 'funky-vol-g7gum5cj'`) while the other items succeed; the top-level
         *     `status` is then `error` (message `Failed to perform all operations`; some deployments answer
         *     `partial_success`). Check every entry, not only the top-level status.
         */
        delete: operations["deleteVolumes"];
        options?: never;
        head?: never;
        /**
         * Update volumes
         * @description Update (modify) one or more volumes by ID(s). The body is a JSON array; each item names a volume
         *     (exactly one of `{"uuid": …}` or `{"name": …}`) and one modification: the property `prop`
         *     (`size_mb`, `tags`, `quota_policy`, `delete_lock`), the operation `op` (`set`, `add`, `del`) and
         *     its `value`:
         *
         *     - `size_mb`: unsigned integer
         *     - `quota_policy`: 1 - static reservation, 2 - dynamic reservation
         *     - `tags`: array of strings
         *     - `delete_lock`: boolean
         *
         *     An optional client-provided `id` is echoed back in the matching entry of the response.
         *
         *     Each item is reported in `data.volumes` with its own `status`, `message` and `error` code.
         *     Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No volume with name 'funky-vol-g7gum5cj'`) while the other items succeed; the top-level
         *     `status` is then `error` (message `Failed to perform all operations`; some deployments answer
         *     `partial_success`). Check every entry, not only the top-level status.
         */
        patch: operations["updateVolumes"];
        trace?: never;
    };
    "/v1/volumes/attach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Attach volumes
         * @description Attach one or more volumes to instances, so that each volume is mounted when its instance
         *     starts. The body is a JSON array; each item names the volume (exactly one of `{"uuid": …}` or
         *     `{"name": …}`), the instance `attach_to` (exactly one of `uuid` or `name`), the mount point `at`
         *     and optionally `readonly`.
         *
         *     The volume must be `available` and the instance must be stopped. The mount point must be an
         *     absolute path, must not contain `.` or `..` components nor colons (`:`), and must point to an
         *     empty directory (created if it does not exist).
         *
         *     Each item is reported in `data.volumes` with its own `status`, `message` and `error` code.
         *     Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No volume with name 'funky-vol-g7gum5cj'`) while the other items succeed; the top-level
         *     `status` is then `error` (message `Failed to perform all operations`; some deployments answer
         *     `partial_success`). Check every entry, not only the top-level status.
         */
        put: operations["attachVolumes"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/volumes/detach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Detach volumes
         * @description Detach one or more volumes from instances. The body is a JSON array; each item names the volume
         *     (exactly one of `{"uuid": …}` or `{"name": …}`) and optionally the instance `from` (exactly one
         *     of `uuid` or `name`). Without `from` the volume is detached from all instances it is attached
         *     to.
         *
         *     Each item is reported in `data.volumes` with its own `status`, `message` and `error` code.
         *     Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No volume with name 'funky-vol-g7gum5cj'`) while the other items succeed; the top-level
         *     `status` is then `error` (message `Failed to perform all operations`; some deployments answer
         *     `partial_success`). Check every entry, not only the top-level status.
         */
        put: operations["detachVolumes"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/volumes/clone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clone volumes
         * @description Make a copy of one or more existing volumes; each copy is a new, independent volume. The body
         *     is a JSON array; each item names the source volume (exactly one of `{"uuid": …}` or
         *     `{"name": …}`) and optionally settings of the copy: its name `vol_name` (without one a random
         *     name of the form `vol-X` is generated), its `quota_policy` (the source's policy when omitted),
         *     its `tags` and its `access_mode`.
         *
         *     Each new volume is reported in `data.volumes` with its UUID, name and state.
         *     Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No volume with name 'funky-vol-g7gum5cj'`) while the other items succeed; the top-level
         *     `status` is then `error` or `partial_success`. Check every entry, not only the top-level status.
         */
        post: operations["cloneVolumes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/volumes/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List volume templates
         * @description Get one or many volume templates: volumes that were turned into templates
         *     (`createVolumeTemplates`, state `template`) and that new volumes can be created from
         *     (`createVolume` with `template`). Each entry has the same shape as a volume of `listVolumes`.
         *
         *     Filter by ID(s) with the repeatable `uuid` and `name` query parameters, or by `tags`; without
         *     filters every volume template of the account is listed. Paging works as for `listVolumes`:
         *     `count` is the page size (0 or unset = all), `from` (a UUID or an ISO 8601 creation time) is an
         *     **inclusive** cursor, `order` (`asc`|`desc`) and `sortby` (`create_time`) set the order.
         *     `details=false` returns only the name and UUID of each template.
         */
        get: operations["listVolumeTemplates"];
        put?: never;
        /**
         * Turn volumes into volume templates
         * @description Convert one or more existing volumes into volume templates (state `template`), from which new
         *     volumes can then be created (`createVolume` with `template`). The body is a JSON array of
         *     references, each exactly one of `{"uuid": …}` or `{"name": …}`; a converted volume keeps its
         *     UUID and name.
         *
         *     Each item is reported in `data.volumes` with its own `status`, `message`, `error` code and the
         *     resulting `state`. Per-item failures arrive with HTTP 200 (for example `status: error`,
         *     `error: 8`, message `No volume with name 'funky-vol-g7gum5cj'`) while the other items succeed.
         *     Check every entry, not only the top-level status.
         */
        post: operations["createVolumeTemplates"];
        /**
         * Delete volume templates
         * @description Delete one or more volume templates by ID(s). The body is a JSON array of references, each
         *     exactly one of `{"uuid": …}` or `{"name": …}`. After this call the IDs of the deleted templates
         *     are no longer valid. A template whose `delete_lock` is set is refused (error 14, not allowed).
         *
         *     Each item is reported in `data.volumes` with its own `status`, `message` and `error` code.
         *     Per-item failures arrive with HTTP 200 while the other items succeed. Check every entry, not
         *     only the top-level status.
         */
        delete: operations["deleteVolumeTemplates"];
        options?: never;
        head?: never;
        /**
         * Update volume templates
         * @description Update (modify) one or more volume templates by ID(s). The body is a JSON array; each item
         *     names a template (exactly one of `{"uuid": …}` or `{"name": …}`) and one modification: the
         *     property `prop` (`tags` or `delete_lock`), the operation `op` (`set`, `add`, `del`) and its
         *     `value` (an array of strings for `tags`, a boolean for `delete_lock`). An optional
         *     client-provided `id` is echoed back in the matching entry of the response.
         *
         *     Each item is reported in `data.volumes` with its own `status`, `message` and `error` code.
         *     Per-item failures arrive with HTTP 200 while the other items succeed. Check every entry, not
         *     only the top-level status.
         */
        patch: operations["updateVolumeTemplates"];
        trace?: never;
    };
    "/v1/volumes/templates/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a volume template by UUID
         * @description Get a single volume template by its UUID. The template is the single entry of `data.volumes`,
         *     with the same fields as a volume. `details=false` returns only its name and UUID.
         */
        get: operations["getVolumeTemplate"];
        put?: never;
        post?: never;
        /**
         * Delete a volume template by UUID
         * @description Delete the volume template with this UUID. After this call the UUID is no longer valid. A
         *     template whose `delete_lock` is set is refused (error 14, not allowed). The result is the single
         *     entry of `data.volumes`, with its own `status`, `message` and `error`.
         */
        delete: operations["deleteVolumeTemplate"];
        options?: never;
        head?: never;
        /**
         * Update a volume template by UUID
         * @description Update (modify) the volume template with this UUID. The body is a single modification: the
         *     property `prop` (`tags` or `delete_lock`), the operation `op` (`set`, `add`, `del`) and its
         *     `value` (an array of strings for `tags`, a boolean for `delete_lock`). An optional
         *     client-provided `id` is echoed back in the response entry.
         */
        patch: operations["updateVolumeTemplate"];
        trace?: never;
    };
    "/v1/volumes/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a volume by UUID
         * @description Get a single volume by its UUID, with its current state and configuration. The volume is the
         *     single entry of `data.volumes`. `details=false` returns only its name and UUID.
         */
        get: operations["getVolume"];
        put?: never;
        post?: never;
        /**
         * Delete a volume by UUID
         * @description Delete a volume by its UUID. After this call the UUID is no longer valid.
         *
         *     A volume that is attached to an instance cannot be deleted (error 15, attached): detach it
         *     first. A volume whose `delete_lock` is set is refused as well (error 14, not allowed). The
         *     result is the single entry of `data.volumes`, with its own `status`, `message` and `error`.
         */
        delete: operations["deleteVolume"];
        options?: never;
        head?: never;
        /**
         * Update a volume by UUID
         * @description Update (modify) a volume by its UUID. The body is a single modification: the property `prop`
         *     (`size_mb`, `tags`, `quota_policy`, `delete_lock`), the operation `op` (`set`, `add`, `del`) and
         *     its `value`:
         *
         *     - `size_mb`: unsigned integer
         *     - `quota_policy`: `"static"` or `"dynamic"`
         *     - `tags`: array of strings
         *     - `delete_lock`: boolean
         *
         *     An optional client-provided `id` is echoed back in the response entry.
         */
        patch: operations["updateVolume"];
        trace?: never;
    };
    "/v1/volumes/{uuid}/attach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Attach a volume by UUID
         * @description Attach the volume with this UUID to an instance, so that it is mounted when the instance starts.
         *     The body names the instance `attach_to` (exactly one of `uuid` or `name`), the mount point `at`
         *     and optionally `readonly`.
         *
         *     The volume must be `available` and the instance must be stopped. The mount point must be an
         *     absolute path, must not contain `.` or `..` components nor colons (`:`), and must point to an
         *     empty directory (created if it does not exist).
         */
        put: operations["attachVolume"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/volumes/{uuid}/detach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Detach a volume by UUID
         * @description Detach the volume with this UUID from an instance. The body optionally names the instance `from`
         *     (exactly one of `uuid` or `name`); an empty object `{}` detaches the volume from all instances
         *     it is attached to.
         */
        put: operations["detachVolume"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/volumes/{uuid}/clone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clone a volume by UUID
         * @description Make a copy of the volume with this UUID as a new, independent volume. The body is a single
         *     object with optional settings of the copy: `vol_name` (without one a random name of the form
         *     `vol-X` is generated), `quota_policy` (the source's policy when omitted), `tags` and
         *     `access_mode`; `{}` copies the volume with default settings.
         *
         *     The new volume is the single entry of `data.volumes`, with its UUID, name and state.
         */
        post: operations["cloneVolume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List service groups
         * @description Get one or many service groups with their published services (ports and handlers), domains,
         *     load-balancing limits and the instances assigned to them.
         *
         *     Filter by ID(s) with the repeatable `uuid` and `name` query parameters (`?name=a&name=b`).
         *     Without filters every service group of the account is listed. `count` sets the page size (0 or
         *     unset = all). `from` (a UUID or an ISO 8601 creation time) starts the page at that service
         *     group; the cursor is **inclusive**: the service group it names is the first item returned, so
         *     when paging with the last UUID of the previous page, drop the first item of the next page.
         *     `order` (`asc`|`desc`) and `sortby` (`create_time`) set the order.
         *
         *     `details=false` returns only the basic information of each service group (name and UUID). A name
         *     or UUID in the filters that does not exist can come back as an entry with `status: error` (error
         *     8, not found) with HTTP 200.
         */
        get: operations["listServiceGroups"];
        put?: never;
        /**
         * Create a service group
         * @description Create a persistent service group. The body is a single object (not an array):
         *
         *     - `name` (optional): unique within the account; a random name is generated if omitted.
         *     - `services`: the published ports: the public `port`, the instance's `destination_port` and the
         *       connection `handlers` (`tls`, `http`, `redirect`).
         *     - `domains`: each with a `name`; a name ending in a period `.` must be a fully qualified domain
         *       name, otherwise it becomes a subdomain of the metro. An optional `certificate` references an
         *       existing certificate; without one a Let's Encrypt certificate is generated.
         *     - `soft_limit` / `hard_limit`: concurrent requests per instance at which the load balancer wakes
         *       another standby instance / that an instance never exceeds.
         *
         *     Only one service group can be created per request, so `data.service_groups` holds a single
         *     entry. A name already in use fails (HTTP 409 or error 23, already exists).
         */
        post: operations["createServiceGroup"];
        /**
         * Delete service groups
         * @description Delete one or more service groups by ID(s). The body is a JSON array of references, each exactly
         *     one of `{"uuid": …}` or `{"name": …}`. Send only the key that is set; a name sent in `uuid`
         *     fails with `Invalid uuid '<name>'`. After this call the IDs of the deleted service groups are no
         *     longer valid.
         *
         *     Each item is reported in `data.service_groups` with its own `status`, `message` and `error`
         *     code. Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No service with name 'funky-service-g7gum5cj'`) while the other items succeed; the top-level
         *     `status` is then `error` (message `Failed to perform all operations`; some deployments answer
         *     `partial_success`). Check every entry, not only the top-level status.
         */
        delete: operations["deleteServiceGroups"];
        options?: never;
        head?: never;
        /**
         * Update service groups
         * @description Update (modify) one or more service groups by ID(s). The body is a JSON array; each item names a
         *     service group (exactly one of `{"uuid": …}` or `{"name": …}`) and one modification: the property
         *     `prop`, the operation `op` (`set`, `add`, `del`) and its `value`:
         *
         *     - `services`: array of Service objects (`port`, `destination_port`, `handlers`)
         *     - `domains`: array of Domain objects
         *     - `soft_limit`: integer (1–65535), must be <= `hard_limit`
         *     - `hard_limit`: integer (1–65535), must be >= `soft_limit`
         *
         *     An optional client-provided `id` is echoed back in the matching entry of the response.
         *
         *     Each item is reported in `data.service_groups` with its own `status`, `message` and `error`
         *     code. Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No service with name 'funky-service-g7gum5cj'`) while the other items succeed; the top-level
         *     `status` is then `error` (message `Failed to perform all operations`; some deployments answer
         *     `partial_success`). Check every entry, not only the top-level status.
         */
        patch: operations["updateServiceGroups"];
        trace?: never;
    };
    "/v1/services/autoscale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List autoscale configurations
         * @description Get the autoscale configuration of one or more service groups, selected by the service groups'
         *     UUID(s) and/or name(s) with the repeatable `uuid` and `name` query parameters.
         *
         *     Each entry of `data.service_groups` tells whether autoscale is `enabled` and, when it is,
         *     `min_size`, `max_size`, `warmup_time_ms`, `cooldown_time_ms`, the instance `template` new
         *     instances are created from, and the `policies`. A service group that does not exist is reported
         *     as an entry with `status: error` (error 8) with HTTP 200.
         */
        get: operations["listAutoscaleConfigurations"];
        put?: never;
        /**
         * Create autoscale configurations
         * @description Create the autoscale configuration of one or more service groups. The body is a JSON array; each
         *     item names the service group (exactly one of `{"uuid": …}` or `{"name": …}`) and sets `min_size`
         *     / `max_size` (instances to keep running), `warmup_time_ms` (warm-up of new instances),
         *     `cooldown_time_ms`, `create_args` (the arguments used to create new instances) and optional
         *     `policies` (step policies, see `createAutoscalePolicy`).
         *
         *     Each item is reported in `data.service_groups` with its own `status`, `message` and `error`
         *     code. Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No service with name 'funky-service-g7gum5cj'`) while the other items succeed; the top-level
         *     `status` is then `error` (message `Failed to perform all operations`; some deployments answer
         *     `partial_success`). Check every entry, not only the top-level status.
         */
        post: operations["createAutoscaleConfigurations"];
        /**
         * Delete autoscale configurations
         * @description Delete the autoscale configuration of one or more service groups. The body is a JSON array of
         *     references to the service groups, each exactly one of `{"uuid": …}` or `{"name": …}`. Send only
         *     the key that is set; a name sent in `uuid` fails with `Invalid uuid '<name>'`. As with
         *     `deleteAutoscaleConfiguration`, the instances that autoscale created are drained.
         *
         *     Each item is reported in `data.service_groups` with its own `status`, `message` and `error`
         *     code. Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No service with name 'funky-service-g7gum5cj'`) while the other items succeed; the top-level
         *     `status` is then `error` (message `Failed to perform all operations`; some deployments answer
         *     `partial_success`). Check every entry, not only the top-level status.
         */
        delete: operations["deleteAutoscaleConfigurations"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a service group by UUID
         * @description Get a single service group by its UUID. It is the single entry of `data.service_groups`.
         *     `details=false` returns only its name and UUID.
         */
        get: operations["getServiceGroup"];
        put?: never;
        post?: never;
        /**
         * Delete a service group by UUID
         * @description Delete a service group by its UUID. After this call the UUID is no longer valid. The result is
         *     the single entry of `data.service_groups`, with its own `status`, `message` and `error`.
         */
        delete: operations["deleteServiceGroup"];
        options?: never;
        head?: never;
        /**
         * Update a service group by UUID
         * @description Update (modify) a service group by its UUID. The body is a single modification: the property
         *     `prop`, the operation `op` (`set`, `add`, `del`) and its `value`:
         *
         *     - `services`: array of Service objects (`port`, `destination_port`, `handlers`)
         *     - `domains`: array of Domain objects
         *     - `soft_limit`: integer (1–65535), must be <= `hard_limit`
         *     - `hard_limit`: integer (1–65535), must be >= `soft_limit`
         *
         *     An optional client-provided `id` is echoed back in the response entry.
         */
        patch: operations["updateServiceGroup"];
        trace?: never;
    };
    "/v1/services/{uuid}/autoscale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the autoscale configuration of a service group
         * @description Get the autoscale configuration of the service group with this UUID. The configuration is the
         *     single entry of `data.service_groups`: whether autoscale is `enabled` and, when it is,
         *     `min_size`, `max_size`, `warmup_time_ms`, `cooldown_time_ms`, the instance `template` and the
         *     `policies`.
         */
        get: operations["getAutoscaleConfiguration"];
        put?: never;
        /**
         * Create the autoscale configuration of a service group
         * @description Create the autoscale configuration of the service group with this UUID. The body is a single
         *     object that sets `min_size` / `max_size` (instances to keep running), `warmup_time_ms` (warm-up
         *     of new instances), `cooldown_time_ms`, `create_args` (the arguments used to create new
         *     instances) and optional `policies` (step policies, see `createAutoscalePolicy`).
         *
         *     `create_args` is either `{"template": {"name" | "uuid": …}}` (an instance template) or
         *     `{"roms": …}`; no other instance-creation arguments are accepted. The current contract requires
         *     the body's `uuid` as well: send the UUID of the service group in the path.
         */
        post: operations["createAutoscaleConfiguration"];
        /**
         * Delete the autoscale configuration of a service group
         * @description Delete the autoscale configuration of the service group with this UUID. The instances that
         *     autoscale created are drained. The result is the single entry of `data.service_groups`.
         */
        delete: operations["deleteAutoscaleConfiguration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services/{uuid}/autoscale/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the autoscale policies of a service group
         * @description Get the policies of the autoscale configuration of the service group with this UUID. Each entry
         *     of `data.policies` carries one `policy` with its own `status`. A policy is a step policy: a
         *     `name`, whether it is `enabled`, the `metric` (`cpu`), the `adjustment_type` (`change`, `exact`,
         *     `percentage`) and the `steps`, each an `adjustment` with optional `lower_bound` / `upper_bound`.
         */
        get: operations["listAutoscalePolicies"];
        put?: never;
        /**
         * Add an autoscale policy to a service group
         * @description Add a policy to the autoscale configuration of the service group with this UUID. The body gives
         *     `name`, which the reference describes as the name of the service group to add the policy to (the
         *     group the path names), and `type`, the policy to add. A policy is a step policy: a `name`,
         *     whether it is `enabled`, the `metric` (`cpu`), the `adjustment_type` (`change`, `exact`,
         *     `percentage`) and the `steps`, each an `adjustment` with optional `lower_bound` / `upper_bound`.
         *
         *     The result is the single entry of `data.policies`.
         */
        post: operations["createAutoscalePolicy"];
        /**
         * Delete an autoscale policy of a service group (name in the body)
         * @description Delete a policy of the autoscale configuration of the service group with this UUID. The body is
         *     a single object naming the policy (`{"name": "funky-policy"}`); the same as
         *     `deleteAutoscalePolicy`, which takes the name in the path. The result is in `data.policies`.
         */
        delete: operations["deleteAutoscalePolicies"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services/{uuid}/autoscale/policies/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an autoscale policy of a service group
         * @description Get one policy, by its name, of the autoscale configuration of the service group with this UUID.
         *     The policy is in the single entry of `data.policies`. A policy is a step policy: a `name`,
         *     whether it is `enabled`, the `metric` (`cpu`), the `adjustment_type` (`change`, `exact`,
         *     `percentage`) and the `steps`, each an `adjustment` with optional `lower_bound` / `upper_bound`.
         */
        get: operations["getAutoscalePolicy"];
        put?: never;
        post?: never;
        /**
         * Delete an autoscale policy of a service group
         * @description Delete one policy, by its name, from the autoscale configuration of the service group with this
         *     UUID. The result is the single entry of `data.policies`.
         */
        delete: operations["deleteAutoscalePolicy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List certificates
         * @description Get one or many TLS certificates with their subject, issuer, validity period and state
         *     (`pending`, `valid`, `error`).
         *
         *     Filter by ID(s) with the repeatable `uuid` and `name` query parameters (`?name=a&name=b`).
         *     Without filters every certificate of the account is listed. `count` sets the page size (0 or
         *     unset = all). `from` (a UUID or an ISO 8601 creation time) starts the page at that certificate;
         *     the cursor is **inclusive**: the certificate it names is the first item returned, so when paging
         *     with the last UUID of the previous page, drop the first item of the next page. `order`
         *     (`asc`|`desc`) and `sortby` (`create_time`) set the order.
         *
         *     `details=false` returns only the basic information of each certificate (name and UUID). A name
         *     or UUID in the filters that does not exist can come back as an entry with `status: error` (error
         *     8, not found) with HTTP 200.
         */
        get: operations["listCertificates"];
        /**
         * Update certificates
         * @description Replace the certificate chain and private key of one or more uploaded certificates. The body is
         *     a JSON array; each item names a certificate (exactly one of `{"uuid": …}` or `{"name": …}`) and
         *     carries the new `chain` and `pkey` (both PEM). The new key must belong to the public key of the
         *     new chain. Use this to renew a certificate you manage yourself without detaching it from the
         *     service groups whose domains use it.
         *
         *     Each item is reported in `data.certificates` with its own `status`, `message` and `error` code.
         *     Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No certificate with name 'funky-certificate'`) while the other items succeed; the top-level
         *     `status` is then `error` or `partial_success`. Check every entry, not only the top-level status.
         */
        put: operations["updateCertificates"];
        /**
         * Upload a certificate
         * @description Upload a TLS certificate. The body is a single object: the common name `common_name` (the older
         *     spelling `cn` is still accepted; send exactly one of the two), the certificate `chain` (PEM) and
         *     the private key `pkey` (PEM), and optionally a `name` (unique within the account; a random name
         *     is generated if omitted).
         *
         *     Only one certificate can be created per request, so `data.certificates` holds a single entry. A
         *     common name that does not match the certificate fails (error 30, certificate CN mismatch); a
         *     name already in use fails (HTTP 409 or error 23, already exists).
         */
        post: operations["createCertificate"];
        /**
         * Delete certificates
         * @description Delete one or more certificates by ID(s). The body is a JSON array of references, each exactly
         *     one of `{"uuid": …}` or `{"name": …}`. Send only the key that is set; a name sent in `uuid`
         *     fails with `Invalid uuid '<name>'`. After this call the IDs of the deleted certificates are no
         *     longer valid.
         *
         *     A certificate that is still used by a service group (one of its domains) cannot be deleted.
         *
         *     Each item is reported in `data.certificates` with its own `status`, `message` and `error` code.
         *     Per-item failures arrive with HTTP 200 (for example `status: error`, `error: 8`, message
         *     `No certificate with name 'funky-certificate'`) while the other items succeed; the top-level
         *     `status` is then `error` (message `Failed to perform all operations`; some deployments answer
         *     `partial_success`). Check every entry, not only the top-level status.
         */
        delete: operations["deleteCertificates"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{uuid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a certificate by UUID
         * @description Get a single certificate by its UUID, with its subject, issuer, serial number, validity period
         *     and state. It is the single entry of `data.certificates`.
         */
        get: operations["getCertificate"];
        /**
         * Update a certificate by UUID
         * @description Replace the certificate chain and private key of the uploaded certificate with this UUID. The
         *     body carries the new `chain` and `pkey` (both PEM); the key must belong to the public key of the
         *     chain. The updated certificate is the single entry of `data.certificates`.
         */
        put: operations["updateCertificate"];
        post?: never;
        /**
         * Delete a certificate by UUID
         * @description Delete a certificate by its UUID. After this call the UUID is no longer valid. A certificate
         *     that is still used by a service group cannot be deleted. The result is the single entry of
         *     `data.certificates`, with its own `status`, `message` and `error`.
         */
        delete: operations["deleteCertificate"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get images
         * @description Look up images by `tag` (for example `funky-user/my-image:latest`) or by the `digest` of their
         *     manifest (`sha256:…`), both query parameters. `data.images` lists the matching images, each with
         *     its URL, creation time, size, whether it is an initrd or ROM, its default arguments and
         *     environment, and its tags.
         *
         *     This replaces the former `GET /v1/images/tag/{tag}` and `GET /v1/images/digest/{digest}`,
         *     which the current API no longer serves.
         */
        get: operations["getImages"];
        put?: never;
        /**
         * Pin images
         * @description Pull one or more images into the image store of this metro and pin them there, so that they are
         *     exempt from cache eviction. The body is a JSON array; each item gives the image `url` and the
         *     `timeout_s` to wait for the pull (required and non-zero; `-1` waits as long as the platform
         *     allows), and optionally registry `credentials`, extra HTTP `headers`, a `pull_policy`, whether
         *     to `merge_requests` with a pull of the same image already in flight, and an `autokill` that
         *     unpins the image after a period of inactivity.
         *
         *     Each item is reported in `data.images` with its own `status`; a successful entry carries the
         *     image's `uuid`, `name`, `state`, `url` and `tags`, a failed one only `message` and `error`.
         */
        post: operations["pinImages"];
        /**
         * Unpin images
         * @description Unpin one or more images of the image store of this metro, so that they are subject to cache
         *     eviction again. The body is a JSON array of `{"uuid": …}` items (the UUIDs `pinImages`
         *     returned); names, URLs, tags and digests are not accepted here.
         *
         *     Each item is reported in `data.images` with its own `status`, `message` and `error` code.
         */
        delete: operations["unpinImages"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/image-store": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get images in the image store
         * @description Look up the images held in the image store of this metro (where images are pulled to and
         *     where `pinImages` pins them) by `tag` or by manifest `digest`, both query parameters. The answer
         *     has the same shape as `getImages`: `data.images` lists the matching images; `persistent: true`
         *     marks a pinned image (reported only to callers allowed to manage images).
         */
        get: operations["getImageStore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the caller's quotas
         * @description Get the quotas of the calling user (the owner of the bearer token). `used` (current usage) and
         *     `hard` (the configured quota) count instances, live (not stopped) instances, their vCPUs and
         *     memory, service groups, published services (ports), volumes and total volume size; `limits`
         *     gives per-resource bounds (memory per instance, volume size, autoscale group size, vCPUs). The
         *     quotas are the single entry of `data.quotas`.
         */
        get: operations["getQuotas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{uuid}/quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user's quotas
         * @description Get the quotas of the user with this UUID. `used` (current usage) and `hard` (the configured
         *     quota) count instances, live (not stopped) instances, their vCPUs and memory, service groups,
         *     published services (ports), volumes and total volume size; `limits` gives per-resource bounds
         *     (memory per instance, volume size, autoscale group size, vCPUs). The quotas are the single entry
         *     of `data.quotas`. A token that may not read this user's quotas gets HTTP 403.
         */
        get: operations["getUserQuotas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the health of the API
         * @description Check that the API of this metro is up. `status: success` means it is healthy. `data.checks`
         *     gives the state (`unknown`, `healthy`, `degraded`) of each enabled health checker,
         *     `data.versions` the versions of the platform's components and, for administrators,
         *     `data.license` the license of the installation. `data.services`, which the reference lists
         *     without a shape, may also appear.
         */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description The envelope of a response whose status is success.
         * @example {
         *       "status": "success",
         *       "op_time_us": 432
         *     }
         */
        SuccessEnvelope: {
            /**
             * @description The status of the response.
             * @enum {string}
             */
            status: "success";
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 432
             */
            op_time_us?: number;
        };
        /**
         * @description The envelope of a response whose status is error. Batch operations still list each item in `data` with its own status; whole-request failures (non-2xx) list the HTTP status in `errors`.
         * @example {
         *       "status": "error",
         *       "message": "Failed to perform all operations",
         *       "errors": [
         *         {
         *           "status": 400
         *         }
         *       ],
         *       "op_time_us": 432
         *     }
         */
        ErrorEnvelope: {
            /**
             * @description The status of the response. `partial_success` means some items of a batch failed while others succeeded; `data` lists each item with its own status.
             * @enum {string}
             */
            status: "error" | "partial_success";
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 432
             */
            op_time_us?: number;
        };
        /**
         * @description Attach the volume given by the UUID in the path to an instance.
         * @example {
         *       "attach_to": {
         *         "name": "funky-town-g7gum5cj"
         *       },
         *       "at": "/mnt/my-volume",
         *       "readonly": false
         *     }
         */
        AttachVolumeByUUIDRequestBody: {
            /** @description UUID or name of the instance to attach the volume to. */
            attach_to: components["schemas"]["AttachVolumesRequestInstanceID"];
            /**
             * @description Path of the mountpoint.
             *
             *     The path must be absolute, not contain . and .. components, and not contain colons (:). The path must point to an empty directory. If the directory does not exist, it is created.
             * @example /mnt/my-volume
             */
            at: string;
            /**
             * @description Whether the volume should be mounted read-only.
             * @example false
             */
            readonly?: boolean;
        };
        /**
         * @example {
         *       "name": "funky-vol-g7gum5cj",
         *       "attach_to": {
         *         "name": "funky-town-g7gum5cj"
         *       },
         *       "at": "/mnt/my-volume",
         *       "readonly": false
         *     }
         */
        AttachVolumesRequest: {
            /** @description UUID or name of the instance to attach the volume to. */
            attach_to: components["schemas"]["AttachVolumesRequestInstanceID"];
            /**
             * @description Path of the mountpoint.
             *
             *     The path must be absolute, not contain . and .. components, and not contain colons (:). The path must point to an empty directory. If the directory does not exist, it is created.
             * @example /mnt/my-volume
             */
            at: string;
            /**
             * Format: uuid
             * @description The UUID of the volume to attach. Mutually exclusive with name. Exactly one of uuid or name must be provided.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the volume to attach. Mutually exclusive with UUID. Exactly one of uuid or name must be provided.
             * @example funky-vol-g7gum5cj
             */
            name?: string;
            /**
             * @description Whether the volume should be mounted read-only.
             * @example false
             */
            readonly?: boolean;
        } & (unknown | unknown);
        /**
         * @description UUID or name of the instance to attach the volume to (exactly one of them).
         * @example {
         *       "name": "funky-town-g7gum5cj"
         *     }
         */
        AttachVolumesRequestInstanceID: {
            /**
             * Format: uuid
             * @description The UUID of the instance that the volume is attached to.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid: string;
        } | {
            /**
             * @description The name of the instance that the volume is attached to.
             * @example funky-town-g7gum5cj
             */
            name: string;
        };
        /**
         * @description Response of attachVolumes and attachVolume.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "volumes": [
         *           {
         *             "status": "success",
         *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *             "name": "funky-vol-g7gum5cj"
         *           }
         *         ]
         *       },
         *       "op_time_us": 432
         *     }
         */
        AttachVolumesResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["AttachVolumesResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["AttachVolumesResponseData"];
        });
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "name": "funky-vol-g7gum5cj"
         *     }
         */
        AttachVolumesResponseAttachedVolume: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the volume that was attached.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the volume that was attached.
             * @example funky-vol-g7gum5cj
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No volume with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "volumes": [
         *         {
         *           "status": "success",
         *           "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *           "name": "funky-vol-g7gum5cj"
         *         }
         *       ]
         *     }
         */
        AttachVolumesResponseData: {
            /** @description The volume(s) which were attached by the request. */
            volumes?: components["schemas"]["AttachVolumesResponseAttachedVolume"][];
        };
        /**
         * @example {
         *       "name": "funky-policy",
         *       "enabled": true,
         *       "metric": "cpu",
         *       "adjustment_type": "percentage",
         *       "steps": [
         *         {
         *           "adjustment": 50,
         *           "lower_bound": 10,
         *           "upper_bound": 500
         *         }
         *       ]
         *     }
         */
        AutoscalePolicy: {
            /**
             * @description The name of the policy.
             * @example funky-policy
             */
            name: string;
            /**
             * @description If the policy is enabled.
             * @example true
             */
            enabled?: boolean;
            /**
             * @description Metric to use for the step policy.
             * @enum {string}
             */
            metric?: "cpu";
            /**
             * @description The type of adjustment to be made in the step policy.
             * @enum {string}
             */
            adjustment_type?: "change" | "exact" | "percentage";
            /** @description The steps for the step policy. Each step defines an adjustment value and optional bounds. */
            steps?: components["schemas"]["AutoscalePolicyStep"][];
        };
        /**
         * @example {
         *       "adjustment": 50,
         *       "lower_bound": 10,
         *       "upper_bound": 500
         *     }
         */
        AutoscalePolicyStep: {
            /**
             * Format: int64
             * @description The adjustment value for the step.
             * @example 50
             */
            adjustment: number;
            /**
             * Format: int64
             * @description Lower bound for the step.
             * @example 10
             */
            lower_bound?: number;
            /**
             * Format: int64
             * @description Upper bound for the step.
             * @example 500
             */
            upper_bound?: number;
        };
        /**
         * @description UUID or name of the instance to detach the volume from (exactly one of them).
         * @example {
         *       "name": "funky-town-g7gum5cj"
         *     }
         */
        BodyInstanceID: {
            /**
             * Format: uuid
             * @description The UUID of the instance that the volume is detached from.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid: string;
        } | {
            /**
             * @description The name of the instance that the volume is detached from.
             * @example funky-town-g7gum5cj
             */
            name: string;
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-certificate",
         *       "created_at": "2023-10-01T12:00:00Z",
         *       "common_name": "my-common-name",
         *       "subject": "example.com",
         *       "issuer": "CN=R10,O=Let's Encrypt,C=US",
         *       "serial_number": "123456789ABCDEF123456789ABCDEF123456",
         *       "not_before": "2023-10-01T12:00:00Z",
         *       "not_after": "2023-10-01T12:00:00Z",
         *       "state": "valid"
         *     }
         */
        Certificate: {
            /**
             * Format: uuid
             * @description The UUID of the certificate.
             *
             *     This is a unique identifier for the certificate that is generated when the certificate is created. The UUID is used to reference the certificate in API calls and can be used to identify the certificate in all API calls that require an identifier.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the certificate.
             *
             *     This is a human-readable name that can be used to identify the certificate. The name must be unique within the context of your account. The name can also be used to identify the certificate in API calls.
             * @example funky-certificate
             */
            name?: string;
            /**
             * Format: date-time
             * @description The time the certificate was created.
             * @example 2023-10-01T12:00:00Z
             */
            created_at?: string;
            /**
             * @description The common name (CN) field from the certificate's subject.
             *
             *     This is typically the primary domain name that the certificate is issued for. It represents the main identity that the certificate validates.
             * @example my-common-name
             */
            common_name?: string;
            /**
             * @description The complete subject distinguished name (DN) of the certificate.
             *
             *     This contains the full subject information from the certificate, including the common name, organization, organizational unit, locality, state, and country. The subject identifies the entity that the certificate is issued to.
             * @example example.com
             */
            subject?: string;
            /**
             * @description The complete issuer distinguished name (DN) of the certificate.
             *
             *     This identifies the Certificate Authority (CA) that issued the certificate. It contains information about the CA including its common name, organization, and country.
             * @example CN=R10,O=Let's Encrypt,C=US
             */
            issuer?: string;
            /**
             * @description The unique serial number assigned to the certificate by the issuing CA.
             *
             *     This is a unique identifier within the scope of the issuing CA that can be used to identify and track the certificate. Serial numbers are typically represented as hexadecimal strings.
             * @example 123456789ABCDEF123456789ABCDEF123456
             */
            serial_number?: string;
            /**
             * Format: date-time
             * @description The date and time when the certificate becomes valid.
             *
             *     The certificate should not be trusted before this date. This timestamp marks the beginning of the certificate's validity period.
             * @example 2023-10-01T12:00:00Z
             */
            not_before?: string;
            /**
             * Format: date-time
             * @description The date and time when the certificate expires.
             *
             *     The certificate should not be trusted after this date. This timestamp marks the end of the certificate's validity period. Certificates should be renewed before this date to maintain service availability.
             * @example 2023-10-01T12:00:00Z
             */
            not_after?: string;
            /**
             * @description The current state of the certificate.
             *
             *     This indicates whether the certificate is pending issuance, valid and ready for use, or in an error state. See CertificateState enum for detailed state descriptions.
             * @enum {string}
             */
            state?: "pending" | "valid" | "error";
            /** @description An optional field representing the status of the request. This field is only set when this message object is used as a response message. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example No certificate with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example 8
             */
            error?: number;
            /** @description While the certificate is `pending`, how far its validation has got. */
            validation?: components["schemas"]["CertificateValidation"];
            /**
             * @description The service groups whose domains use this certificate.
             * @example [
             *       {
             *         "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
             *         "name": "funky-service-g7gum5cj"
             *       }
             *     ]
             */
            service_groups?: {
                /**
                 * Format: uuid
                 * @description The UUID of the service group.
                 * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
                 */
                uuid?: string;
                /**
                 * @description The name of the service group.
                 * @example funky-service-g7gum5cj
                 */
                name?: string;
            }[];
        };
        /**
         * @description How the instances of an autoscale configuration are created, either from an instance template (`template`) or from a ROM (`roms`). No other instance-creation arguments are accepted.
         * @example {
         *       "template": {
         *         "name": "nginx-template-k3m9q2z"
         *       }
         *     }
         */
        ConfigurationInstanceCreateArgs: {
            /** @description The ROM to use for the autoscale configuration. */
            roms?: components["schemas"]["InstanceCreateArgsInstanceCreateRequestRoms"];
            /** @description The instance template (by name or UUID) new instances of the autoscale configuration are created from. */
            template?: components["schemas"]["NameOrUUID"];
        } & (unknown | unknown);
        /**
         * @description Create the autoscale configuration of the service group given by the UUID in the path.
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "min_size": 2,
         *       "max_size": 12,
         *       "warmup_time_ms": 100,
         *       "cooldown_time_ms": 100,
         *       "create_args": {
         *         "template": {
         *           "name": "nginx-template-k3m9q2z"
         *         }
         *       },
         *       "policies": [
         *         {
         *           "name": "funky-policy",
         *           "enabled": true,
         *           "metric": "cpu",
         *           "adjustment_type": "percentage",
         *           "steps": [
         *             {
         *               "adjustment": 50,
         *               "lower_bound": 10,
         *               "upper_bound": 500
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        CreateAutoscaleConfigurationByServiceGroupUUIDRequest: {
            /**
             * Format: uuid
             * @description The UUID of the service to create a configuration for. Mutually exclusive with name.
             */
            uuid: string;
            /**
             * Format: int64
             * @description The minimum number of instances to keep running.
             */
            min_size?: number;
            /**
             * Format: int64
             * @description The maximum number of instances to keep running.
             */
            max_size?: number;
            /**
             * Format: int64
             * @description The warmup time in milliseconds for new instances.
             */
            warmup_time_ms?: number;
            /**
             * Format: int64
             * @description The cooldown time in milliseconds for the autoscale configuration.
             */
            cooldown_time_ms?: number;
            /** @description The arguments to use when creating the autoscale configuration. */
            create_args: components["schemas"]["CreateAutoscaleConfigurationByServiceGroupUUIDRequestInstanceCreateArgs"];
            /** @description The policies to apply to the autoscale configuration. */
            policies?: components["schemas"]["AutoscalePolicy"][];
        };
        /**
         * @description The arguments used to create the instances of an autoscale configuration (by-UUID form). Same object as ConfigurationInstanceCreateArgs.
         * @example {
         *       "template": {
         *         "name": "nginx-template-k3m9q2z"
         *       }
         *     }
         */
        CreateAutoscaleConfigurationByServiceGroupUUIDRequestInstanceCreateArgs: components["schemas"]["ConfigurationInstanceCreateArgs"];
        /**
         * @example {
         *       "name": "funky-service",
         *       "type": {
         *         "name": "funky-policy",
         *         "enabled": true,
         *         "metric": "cpu",
         *         "adjustment_type": "percentage",
         *         "steps": [
         *           {
         *             "adjustment": 50,
         *             "lower_bound": 10,
         *             "upper_bound": 500
         *           }
         *         ]
         *       }
         *     }
         */
        CreateAutoscaleConfigurationPolicyRequest: {
            /**
             * @description The Name of the service to add a policy to.
             * @example funky-service
             */
            name: string;
            /** @description The policy type to add to the autoscale configuration. */
            type: components["schemas"]["AutoscalePolicy"];
        };
        /**
         * @description Response of createAutoscalePolicy.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "policies": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-policy"
         *           }
         *         ]
         *       },
         *       "op_time_us": 432
         *     }
         */
        CreateAutoscaleConfigurationPolicyResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["CreateAutoscaleConfigurationPolicyResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["CreateAutoscaleConfigurationPolicyResponseData"];
        });
        /**
         * @example {
         *       "policies": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-policy"
         *         }
         *       ]
         *     }
         */
        CreateAutoscaleConfigurationPolicyResponseData: {
            /** @description The policies which were added by the request. */
            policies?: components["schemas"]["CreateAutoscaleConfigurationPolicyResponsePolicy"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-policy"
         *     }
         */
        CreateAutoscaleConfigurationPolicyResponsePolicy: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the service of the added policy.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the service of the added policy.
             * @example funky-policy
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No service with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "name": "funky-service",
         *       "min_size": 2,
         *       "max_size": 12,
         *       "warmup_time_ms": 100,
         *       "cooldown_time_ms": 100,
         *       "create_args": {
         *         "template": {
         *           "name": "nginx-template-k3m9q2z"
         *         }
         *       },
         *       "policies": [
         *         {
         *           "name": "funky-policy",
         *           "enabled": true,
         *           "metric": "cpu",
         *           "adjustment_type": "percentage",
         *           "steps": [
         *             {
         *               "adjustment": 50,
         *               "lower_bound": 10,
         *               "upper_bound": 500
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        CreateAutoscaleConfigurationsRequestConfiguration: {
            /**
             * Format: uuid
             * @description The UUID of the service to create a configuration for. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the service to create a configuration for. Mutually exclusive with UUID.
             * @example funky-service
             */
            name?: string;
            /**
             * Format: int64
             * @description The minimum number of instances to keep running.
             * @example 2
             */
            min_size?: number;
            /**
             * Format: int64
             * @description The maximum number of instances to keep running.
             * @example 12
             */
            max_size?: number;
            /**
             * Format: int64
             * @description The warmup time in milliseconds for new instances.
             * @example 100
             */
            warmup_time_ms?: number;
            /**
             * Format: int64
             * @description The cooldown time in milliseconds for the autoscale configuration.
             * @example 100
             */
            cooldown_time_ms?: number;
            /** @description The arguments to use when creating the autoscale configuration. */
            create_args: components["schemas"]["ConfigurationInstanceCreateArgs"];
            /** @description The policies to apply to the autoscale configuration. */
            policies?: components["schemas"]["AutoscalePolicy"][];
        } & (unknown | unknown);
        /**
         * @description Response of createAutoscaleConfigurations and createAutoscaleConfiguration.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "service_groups": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-service"
         *           }
         *         ]
         *       },
         *       "op_time_us": 432
         *     }
         */
        CreateAutoscaleConfigurationsResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["CreateAutoscaleConfigurationsResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["CreateAutoscaleConfigurationsResponseData"];
        });
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-instance-template"
         *     }
         */
        CreateAutoscaleConfigurationsResponseConfigurationsResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the service where the configuration was created.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the service where the configuration was created.
             * @example funky-instance-template
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No service with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "service_groups": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-instance-template"
         *         }
         *       ]
         *     }
         */
        CreateAutoscaleConfigurationsResponseData: {
            /** @description The configuration(s) which were created by the request. */
            service_groups?: components["schemas"]["CreateAutoscaleConfigurationsResponseConfigurationsResponse"][];
        };
        /**
         * @description Upload a TLS certificate (its chain and private key in PEM) for use by service group domains.
         * @example {
         *       "name": "funky-certificate",
         *       "common_name": "example.com",
         *       "chain": "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU...\n-----END CERTIFICATE-----\n",
         *       "pkey": "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49...\n-----END PRIVATE KEY-----\n"
         *     }
         */
        CreateCertificateRequest: {
            /**
             * @description The name of the certificate.
             *
             *     This is a human-readable name that can be used to identify the certificate. The name must be unique within the context of your account. If no name is specified, a random name is generated for you. The name can also be used to identify the certificate in API calls.
             * @example funky-certificate
             */
            name?: string;
            /**
             * @deprecated
             * @description The common name (CN) of the certificate, the domain name it is issued for. It must match the certificate's subject. Older spelling of `common_name`; send exactly one of the two.
             * @example example.com
             */
            cn?: string;
            /**
             * @description The certificate chain in PEM format, starting with the certificate for the common name followed by any intermediate certificates.
             * @example -----BEGIN CERTIFICATE-----
             *     MIIBszCCAVmgAwIBAgIU...
             *     -----END CERTIFICATE-----
             */
            chain: string;
            /**
             * @description The private key of the certificate in PEM format.
             * @example -----BEGIN PRIVATE KEY-----
             *     MIGHAgEAMBMGByqGSM49...
             *     -----END PRIVATE KEY-----
             */
            pkey: string;
            /**
             * @description The common name (CN) of the certificate, a fully qualified domain name that must match the certificate's subject. Send exactly one of `common_name` and the older `cn`.
             * @example example.com
             */
            common_name?: string;
        } & (unknown | unknown);
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "certificates": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-certificate",
         *             "common_name": "example.com",
         *             "state": "pending"
         *           }
         *         ]
         *       },
         *       "op_time_us": 32
         *     }
         */
        CreateCertificateResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["CreateCertificateResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 32
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "certificates": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-certificate",
         *           "common_name": "example.com",
         *           "state": "pending"
         *         }
         *       ]
         *     }
         */
        CreateCertificateResponseData: {
            /**
             * @description The certificate which was created by this request.
             *
             *     Note: only one certificate can be specified in the request, so this will always contain a single entry.
             */
            certificates?: components["schemas"]["Certificate"][];
        };
        /**
         * @example {
         *       "image": "nginx:latest",
         *       "name": "funky-town-g756b5d",
         *       "args": [
         *         "--port=8080",
         *         "--debug"
         *       ],
         *       "env": {
         *         "ENV_VAR1": "value1",
         *         "ENV_VAR2": "value2"
         *       },
         *       "memory_mb": 256,
         *       "vcpus": 1,
         *       "service_group": {
         *         "services": [
         *           {
         *             "port": 443,
         *             "destination_port": 8080,
         *             "handlers": [
         *               "tls",
         *               "http"
         *             ]
         *           }
         *         ],
         *         "domains": [
         *           {
         *             "name": "example.com."
         *           }
         *         ]
         *       },
         *       "volumes": [
         *         {
         *           "name": "funky-volume-g756b5d",
         *           "size_mb": 32,
         *           "at": "/mnt/funky-volume"
         *         }
         *       ],
         *       "autostart": true,
         *       "restart_policy": "on-failure",
         *       "scale_to_zero": {
         *         "policy": "idle",
         *         "stateful": true,
         *         "cooldown_time_ms": 3000
         *       },
         *       "tags": [
         *         "production"
         *       ],
         *       "timeout_s": 2
         *     }
         */
        CreateInstanceRequest: {
            /**
             * @description The image to use for the instance.
             *
             *     A plain image reference or an ImageSpec with pull options. It can be left out when the image comes from `template`, `branch_from` or `checkpoint`.
             * @example nginx:latest
             */
            image?: string | components["schemas"]["ImageSpec"];
            /**
             * @description (Optional). The name of the instance.
             *
             *     If not provided, a random name will be generated. The name must be unique.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description (Optional). The arguments to pass to the instance when it starts.
             * @example [
             *       "--port=8080",
             *       "--debug"
             *     ]
             */
            args?: string[];
            /**
             * @description (Optional). Environment variables to set for the instance.
             * @example {
             *       "ENV_VAR1": "value1",
             *       "ENV_VAR2": "value2"
             *     }
             */
            env?: {
                [key: string]: string;
            };
            /**
             * Format: int64
             * @description (Optional). Memory in MB to allocate for the instance. Default is 128.
             * @example 256
             */
            memory_mb?: number;
            /**
             * @description (Optional). The service group configuration when creating an instance.
             *
             *     When creating an instance, either a previously created (persistent) service group can be referenced (either through its name or UUID), or a new (ephemeral) service group can be created for the instance by specifying the list of services it should expose and optionally the domains it should use. Not used by template instances.
             */
            service_group?: components["schemas"]["CreateInstanceRequestServiceGroup"];
            /**
             * @description Volumes to attach to the instance.
             *
             *     This list can contain both existing and new volumes to create as part of the instance creation. Existing volumes can be referenced by their name or UUID. New volumes can be created by specifying a name, size in MiB, and mount point in the instance. The mount point is the directory in the instance where the volume will be mounted.
             */
            volumes?: components["schemas"]["CreateInstanceRequestVolume"][];
            /**
             * @description Whether the instance should start automatically on creation.
             * @example true
             */
            autostart?: boolean;
            /**
             * Format: int64
             * @description Number of replicas for the instance.
             * @example 5
             */
            replicas?: number;
            /**
             * @description Restart policy for the instance. This defines how the instance should behave when it stops or crashes.
             * @example on-failure
             * @enum {string}
             */
            restart_policy?: "never" | "always" | "on-failure";
            /** @description Scale-to-zero configuration for the instance. */
            scale_to_zero?: components["schemas"]["CreateInstanceScaleToZero"];
            /**
             * Format: int32
             * @description Number of vCPUs to allocate for the instance.
             * @example 1
             */
            vcpus?: number;
            /**
             * Format: int64
             * @deprecated
             * @description Timeout to wait for all new instances to reach running state in milliseconds. If you autostart your new instance, you can wait for it to finish starting with a blocking API call if you specify a wait timeout greater than zero. No wait performed for a value of 0.
             * @example 2000
             */
            wait_timeout_ms?: number;
            /**
             * @description Features to enable for the instance. Features are specific configurations or capabilities that can be enabled for the instance.
             * @example [
             *       "delete-on-stop"
             *     ]
             */
            features?: "delete-on-stop"[];
            /**
             * Format: uint32
             * @description Seconds to wait for the new instance(s) to reach the running state before answering (needs `autostart`); 0 does not wait. Replaces `wait_timeout_ms`.
             * @example 2
             */
            timeout_s?: number;
            /** @description Read-only memory (ROM) blobs to attach to the instance, e.g. code or data on top of a general-purpose image. */
            roms?: components["schemas"]["CreateInstanceRequestRom"][];
            /** @description Plugins to attach to the instance (at most 8). */
            plugins?: components["schemas"]["CreateInstanceRequestPlugin"][];
            /**
             * @description Tags to give the instance.
             * @example [
             *       "production"
             *     ]
             */
            tags?: string[];
            /**
             * @description Annotations to give the instance: key-value pairs (keys in the Kubernetes annotation key syntax, at most 256) that also reach the guest. They are merged into annotations inherited from a template, branch or checkpoint, the ones given here winning.
             * @example {
             *       "example.com/team": "web"
             *     }
             */
            annotations?: {
                [key: string]: string;
            };
            /** @description Create the instance from a template, which supplies its configuration and state. */
            template?: components["schemas"]["CreateInstanceRequestTemplate"];
            /**
             * @description The scheduling priority of the instance; only users allowed to override priorities may set it.
             * @example normal
             * @enum {string}
             */
            sched_priority?: "normal" | "medium" | "high" | "admin";
            /** @description Actions to run on the instance on a calendar schedule (start, stop, delete or exec). */
            schedules?: components["schemas"]["Schedule"][];
            /** @description Delete the instance automatically some time after it stopped or after a number of requests. Not used for templates. */
            autokill?: components["schemas"]["CreateInstanceRequestAutokill"];
            /**
             * @description The hostname of the instance, a valid DNS label used for internal name resolution; the instance name when omitted.
             * @example funky-town
             */
            hostname?: string;
            /** @description Instances (by name or UUID) this instance depends on, which orders their start-up. */
            dependencies?: components["schemas"]["NameOrUUID"][];
            /** @description An existing instance (running or stopped) to branch the new instance from. Mutually exclusive with `image` and `template`. */
            branch_from?: components["schemas"]["NameOrUUID"];
            /** @description A checkpoint (in the `checkpoint` state) to create the instance from, with its configuration and state. Mutually exclusive with `image`, `template` and `branch_from`. */
            checkpoint?: components["schemas"]["NameOrUUID"];
            /**
             * @description The default gateway to configure in the guest.
             * @example 10.0.0.1
             */
            gateway?: string;
            /**
             * @description The DNS resolver to configure in the guest.
             * @example 10.0.0.1
             */
            nameserver?: string;
            /** @description Network interfaces to give the instance. */
            network_interfaces?: components["schemas"]["CreateInstanceRequestNetworkInterface"][];
            /**
             * @description The kind of virtual machine: `micro` (default, a lightweight microVM) or `full` (a full virtual machine, needed for GPUs; no scale-to-zero, templates, branching or checkpoints, and it cannot be combined with `template`, `branch_from` or `checkpoint`).
             * @example micro
             * @enum {string}
             */
            type?: "micro" | "full";
            /**
             * Format: uint32
             * @description Number of GPUs to attach (currently at most 1; needs `type: full`).
             * @example 1
             */
            gpus?: number;
        };
        /**
         * @description A domain of the ephemeral service group created with an instance.
         * @example {
         *       "name": "example.com.",
         *       "certificate": {
         *         "name": "funky-certificate"
         *       }
         *     }
         */
        CreateInstanceRequestDomain: {
            /**
             * @description Publicly accessible domain name. If this name ends in a period . it must be a valid Full Qualified Domain Name (FQDN), otherwise it will become a subdomain of the target metro.
             * @example example.com.
             */
            name: string;
            /** @description A reference to an existing certificate which can be used for the specified domain. If unspecified, Unikraft Cloud will automatically generate a new certificate for the domain based on Let's Encrypt and seek to accomplish a DNS-01 challenge. */
            certificate?: components["schemas"]["NameOrUUID"];
        };
        /**
         * @description The service group of a new instance, an existing (persistent) one referenced by UUID or by name, or a new (ephemeral) one given by its services and optional domains.
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000"
         *     }
         */
        CreateInstanceRequestServiceGroup: {
            /**
             * Format: uuid
             * @description (Optional). Reference an existing (persistent) service group by its UUID. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid: string;
        } | {
            /**
             * @description (Optional). Reference an existing (persistent) service group by its name. Mutually exclusive with UUID.
             * @example funky-service-g7gum5cj
             */
            name: string;
        } | {
            /** @description Description of exposed services. */
            services: components["schemas"]["Service"][];
            /** @description Description of domains associated with the service group. */
            domains?: components["schemas"]["CreateInstanceRequestDomain"][];
            /**
             * Format: uint32
             * @description Concurrent requests per instance above which the load balancer wakes another standby instance of the new service group (at most `hard_limit`).
             * @example 1
             */
            soft_limit?: number;
            /**
             * Format: uint32
             * @description Concurrent requests per instance that the load balancer never exceeds for the new service group; excess requests fail.
             * @example 100
             */
            hard_limit?: number;
        };
        /**
         * @example {
         *       "name": "funky-volume-g756b5d",
         *       "size_mb": 32,
         *       "at": "/mnt/funky-volume"
         *     }
         */
        CreateInstanceRequestVolume: {
            /**
             * @description The mount point for the volume in the instance.
             * @example /mnt/funky-volume
             */
            at: string;
            /**
             * Format: uuid
             * @description The UUID of an existing volume.
             *
             *     If this is the only specified field, then it will look up an existing volume by this UUID.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the volume.
             *
             *     If this is the only specified field, then it will look up an existing volume by this name. If the volume does not exist, the request will fail. If a new volume is intended to be created, then this field must be specified along with the size in MiB and the mount point in the instance.
             * @example funky-volume-g756b5d
             */
            name?: string;
            /**
             * Format: int64
             * @description The size of the volume when creating a new volume.
             *
             *     When creating a new volume as part of the instance create request, specify the size of the volume in MiB.
             * @example 32
             */
            size_mb?: number;
            /**
             * @description Whether the volume is read-only.
             *
             *     If this field is set to true, the volume will be mounted as read-only in the instance. This field is optional and defaults to false and is only applicable when using an existing volume.
             * @example false
             */
            readonly?: boolean;
            /**
             * @description A path on the host that backs the volume (managed volumes; needs the matching permission).
             * @example /data/funky
             */
            host_path?: string;
            /**
             * @description How the space of a new volume is reserved (`static` or `dynamic`).
             * @example static
             */
            quota_policy?: string;
            /**
             * @description The filesystem of a new volume (without custom configuration `ext4` or `virtiofs`).
             * @example ext4
             */
            filesystem?: string;
            /**
             * @description Tags to give a new volume.
             * @example [
             *       "production"
             *     ]
             */
            tags?: string[];
            /**
             * Format: uint32
             * @description The guest user ID owning a host-path volume.
             * @example 1000
             */
            uid?: number;
            /**
             * Format: uint32
             * @description The guest group ID owning a host-path volume.
             * @example 1000
             */
            gid?: number;
            /**
             * @description How the volume may be shared between instances: `rwo` (read-write by one), `rox` (read-only by many) or `rwx` (read-write by many).
             * @example rwo
             * @enum {string}
             */
            access_mode?: "rwo" | "rox" | "rwx";
            /**
             * @description Arguments for the scripts that initialise a custom volume filesystem.
             * @example {
             *       "label": "data"
             *     }
             */
            args?: {
                [key: string]: string;
            };
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "created_at": "2023-10-01T12:00:00Z",
         *             "state": "running",
         *             "private_fqdn": "funky-town-g756b5d.internal",
         *             "image": "nginx:latest",
         *             "memory_mb": 256,
         *             "vcpus": 1,
         *             "boot_time_us": 9000
         *           }
         *         ]
         *       },
         *       "op_time_us": 875
         *     }
         */
        CreateInstanceResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["CreateInstanceResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 875
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "state": "running",
         *           "private_fqdn": "funky-town-g756b5d.internal",
         *           "image": "nginx:latest"
         *         }
         *       ]
         *     }
         */
        CreateInstanceResponseData: {
            /** @description The instance that was created in this request. */
            instances?: components["schemas"]["Instance"][];
        };
        /**
         * @example {
         *       "name": "funky-service-g7gum5cj",
         *       "services": [
         *         {
         *           "port": 443,
         *           "destination_port": 8080,
         *           "handlers": [
         *             "tls",
         *             "http"
         *           ]
         *         }
         *       ],
         *       "domains": [
         *         {
         *           "name": "example.com."
         *         }
         *       ],
         *       "soft_limit": 1,
         *       "hard_limit": 100
         *     }
         */
        CreateServiceGroupRequest: {
            /**
             * @description Name of the service group. This is a human-readable name that can be used to identify the service group. The name must be unique within the context of your account. If no name is specified, a random name is generated for you. The name can also be used to identify the service group in API calls.
             * @example funky-service-g7gum5cj
             */
            name?: string;
            /** @description Description of exposed services. */
            services: components["schemas"]["Service"][];
            /** @description Description of domains associated with the service group. */
            domains?: components["schemas"]["CreateServiceGroupRequestDomain"][];
            /**
             * Format: uint64
             * @description The soft limit is used by the Unikraft Cloud load balancer to decide when to wake up another standby instance.
             *
             *     For example, if the soft limit is set to 5 and the service consists of 2 standby instances, one of the instances receives up to 5 concurrent requests. The 6th parallel requests wakes up the second instance. If there are no more standby instances to wake up, the number of requests assigned to each instance will exceed the soft limit. The load balancer makes sure that when the number of in-flight requests goes down again, instances are put into standby as fast as possible.
             * @example 1
             */
            soft_limit?: number;
            /**
             * Format: uint64
             * @description The hard limit defines the maximum number of concurrent requests that an instance assigned to the this service can handle.
             *
             *     The load balancer will never assign more requests to a single instance. In case there are no other instances available, excess requests fail (i.e., they are blocked and not queued).
             * @example 100
             */
            hard_limit?: number;
            /** @description Delete the service group automatically once it has had no instances for the given time. */
            autokill?: components["schemas"]["CreateServiceGroupRequestAutokill"];
        };
        /**
         * @example {
         *       "name": "example.com.",
         *       "certificate": {
         *         "name": "funky-certificate"
         *       }
         *     }
         */
        CreateServiceGroupRequestDomain: {
            /**
             * @description Publicly accessible domain name. If this name ends in a period . it must be a valid Full Qualified Domain Name (FQDN), otherwise it will become a subdomain of the target metro.
             * @example example.com.
             */
            name: string;
            /** @description Use an existing certificate for the domain. If this field is specified, the domain must be associated with a valid certificate. */
            certificate?: components["schemas"]["NameOrUUID"];
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "service_groups": [
         *           {
         *             "status": "success",
         *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *             "name": "funky-service-g7gum5cj",
         *             "created_at": "2023-10-01T12:00:00Z",
         *             "persistent": true,
         *             "autoscale": false,
         *             "soft_limit": 1,
         *             "hard_limit": 100
         *           }
         *         ]
         *       },
         *       "op_time_us": 46
         *     }
         */
        CreateServiceGroupResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["CreateServiceGroupResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 46
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "service_groups": [
         *         {
         *           "status": "success",
         *           "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *           "name": "funky-service-g7gum5cj",
         *           "persistent": true,
         *           "soft_limit": 1,
         *           "hard_limit": 100
         *         }
         *       ]
         *     }
         */
        CreateServiceGroupResponseData: {
            /**
             * @description The service group which was created by this request.
             *
             *     Note: only one service group can be specified in the request, so this will always contain a single entry.
             */
            service_groups?: components["schemas"]["ServiceGroup"][];
        };
        /**
         * @description Create a persistent volume.
         * @example {
         *       "name": "funky-vol-t7qumh5j",
         *       "size_mb": 64,
         *       "quota_policy": "dynamic",
         *       "tags": [
         *         "production"
         *       ]
         *     }
         */
        CreateVolumeRequest: {
            /**
             * @description The name of the volume.
             *
             *     This is a human-readable name that can be used to identify the volume. The name must be unique within the context of your account. If no name is specified, a random name of the form vol-X is generated for you, where X is a 5 character long random alphanumeric suffix.. The name can also be used to identify the volume in API calls.
             * @example funky-vol-t7qumh5j
             */
            name?: string;
            /**
             * Format: uint64
             * @description The size of the volume in megabytes.
             * @example 64
             */
            size_mb?: number;
            /**
             * @description A path on the host to back the volume with (a managed volume) instead of newly allocated space; needs matching permissions on the account.
             * @example /srv/volumes/funky
             */
            host_path?: string;
            /** @description A volume template (by UUID or name) whose contents the new volume starts as a copy of. */
            template?: components["schemas"]["NameOrUUID"];
            /**
             * @description How the volume's size is reserved against the account's quota, `static` or `dynamic` reservation.
             * @example dynamic
             * @enum {string}
             */
            quota_policy?: "static" | "dynamic";
            /**
             * @description The filesystem of the volume; without it the platform chooses one (`ext4` or `virtiofs`).
             * @example ext4
             */
            filesystem?: string;
            /**
             * @description Tags given to the new volume (at most 16, each at most 256 characters long).
             * @example [
             *       "production"
             *     ]
             */
            tags?: string[];
            /**
             * Format: uint32
             * @description The guest user ID that owns the files of a host-path volume.
             * @example 1000
             */
            uid?: number;
            /**
             * Format: uint32
             * @description The guest group ID that owns the files of a host-path volume.
             * @example 1000
             */
            gid?: number;
            /**
             * @description How the volume may be shared (`rwo` one instance read-write, `rox` many instances read-only, `rwx` many instances read-write); `rwo` when omitted.
             * @example rwo
             * @enum {string}
             */
            access_mode?: "rwo" | "rox" | "rwx";
            /**
             * @description Named string arguments handed to the scripts that initialise a custom volume filesystem.
             * @example {
             *       "label": "data"
             *     }
             */
            args?: {
                [key: string]: string;
            };
        };
        /**
         * @description Response of createVolume.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "volumes": [
         *           {
         *             "status": "success",
         *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *             "name": "funky-vol-g7gum5cj"
         *           }
         *         ]
         *       },
         *       "op_time_us": 432
         *     }
         */
        CreateVolumeResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["CreateVolumeResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["CreateVolumeResponseData"];
        });
        /**
         * @example {
         *       "volumes": [
         *         {
         *           "status": "success",
         *           "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *           "name": "funky-vol-g7gum5cj"
         *         }
         *       ]
         *     }
         */
        CreateVolumeResponseData: {
            /** @description The volume(s) which were created by the request. */
            volumes?: components["schemas"]["CreateVolumeResponseVolume"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "name": "funky-vol-g7gum5cj"
         *     }
         */
        CreateVolumeResponseVolume: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description UUID of the newly created volume.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the newly created volume.
             * @example funky-vol-g7gum5cj
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No volume with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
            /**
             * @description The state of the new volume right after the request.
             * @example initializing
             * @enum {string}
             */
            state?: "uninitialized" | "initializing" | "available" | "idle" | "mounted" | "busy" | "error" | "template";
        };
        /**
         * @description Response of deleting autoscale policies of a service group.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "policies": [
         *           {
         *             "status": "success",
         *             "name": "funky-policy"
         *           }
         *         ]
         *       },
         *       "op_time_us": 38
         *     }
         */
        DeleteAutoscaleConfigurationPolicyResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["DeleteAutoscaleConfigurationPolicyResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["DeleteAutoscaleConfigurationPolicyResponseData"];
        });
        /**
         * @example {
         *       "policies": [
         *         {
         *           "status": "success",
         *           "name": "funky-policy"
         *         }
         *       ]
         *     }
         */
        DeleteAutoscaleConfigurationPolicyResponseData: {
            /** @description The policies which were deleted by the request. */
            policies?: components["schemas"]["DeleteAutoscaleConfigurationPolicyResponsePoliciesResponse"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "name": "funky-policy"
         *     }
         */
        DeleteAutoscaleConfigurationPolicyResponsePoliciesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description The name of the service of the deleted policy.
             * @example funky-policy
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No service with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @description Response of deleting the autoscale configuration(s) of service group(s).
         * @example {
         *       "status": "success",
         *       "data": {
         *         "service_groups": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-service-g7gum5cj"
         *           }
         *         ]
         *       },
         *       "op_time_us": 52
         *     }
         */
        DeleteAutoscaleConfigurationsResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["DeleteAutoscaleConfigurationsResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["DeleteAutoscaleConfigurationsResponseData"];
        });
        /**
         * @example {
         *       "service_groups": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-service-g7gum5cj"
         *         }
         *       ]
         *     }
         */
        DeleteAutoscaleConfigurationsResponseData: {
            /** @description The configuration(s) which were deleted by the request. */
            service_groups?: components["schemas"]["DeleteAutoscaleConfigurationsResponseServiceGroup"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-service-g7gum5cj"
         *     }
         */
        DeleteAutoscaleConfigurationsResponseServiceGroup: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the service where the configuration was deleted.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the service where the configuration was deleted.
             * @example funky-instance-template
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No service with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "certificates": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-certificate"
         *           }
         *         ]
         *       },
         *       "op_time_us": 42
         *     }
         */
        DeleteCertificatesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["DeleteCertificatesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 42
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "certificates": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-certificate"
         *         }
         *       ]
         *     }
         */
        DeleteCertificatesResponseData: {
            /** @description The certificate(s) which were deleted by the request. */
            certificates?: components["schemas"]["DeleteCertificatesResponseDeletedCertificate"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-certificate"
         *     }
         */
        DeleteCertificatesResponseDeletedCertificate: {
            /** @description Indicates whether the delete operation was successful or not for this certificate. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the certificate which was deleted.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the certificate which was deleted.
             * @example funky-certificate
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No certificate with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "previous_state": "stopped"
         *           }
         *         ]
         *       },
         *       "op_time_us": 221
         *     }
         */
        DeleteInstancesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["DeleteInstancesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 221
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "previous_state": "stopped"
         *         }
         *       ]
         *     }
         */
        DeleteInstancesResponseData: {
            /** @description The instance(s) which were deleted by the request. */
            instances?: components["schemas"]["DeleteInstancesResponseDeletedInstance"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "previous_state": "stopped"
         *     }
         */
        DeleteInstancesResponseDeletedInstance: {
            /** @description Indicates whether the start operation was successful or not for this instance. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the instance which was deleted.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance which was deleted.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description The previous state of the instance before it was deleted.
             * @example stopped
             */
            previous_state?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "name": "funky-policy"
         *     }
         */
        DeletePolicyRequest: {
            /**
             * @description The Name of the policy to delete.
             * @example funky-policy
             */
            name: string;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "service_groups": [
         *           {
         *             "status": "success",
         *             "uuid": "12345678-90ab-cdef-1234-567890abcdef",
         *             "name": "funky-service-g7gum5cj"
         *           }
         *         ]
         *       },
         *       "op_time_us": 46
         *     }
         */
        DeleteServiceGroupsResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["DeleteServiceGroupsResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 46
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "service_groups": [
         *         {
         *           "status": "success",
         *           "uuid": "12345678-90ab-cdef-1234-567890abcdef",
         *           "name": "funky-service-g7gum5cj"
         *         }
         *       ]
         *     }
         */
        DeleteServiceGroupsResponseData: {
            /** @description The service group(s) which were deleted by the request. */
            service_groups?: components["schemas"]["DeleteServiceGroupsResponseDeletedServiceGroup"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "12345678-90ab-cdef-1234-567890abcdef",
         *       "name": "funky-service-g7gum5cj"
         *     }
         */
        DeleteServiceGroupsResponseDeletedServiceGroup: {
            /** @description Indicates whether the delete operation was successful or not for this service group. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the service group which was deleted.
             * @example 12345678-90ab-cdef-1234-567890abcdef
             */
            uuid?: string;
            /**
             * @description The name of the service group which was deleted.
             * @example funky-service-g7gum5cj
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example No service with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @description Response of deleting volume(s).
         * @example {
         *       "status": "success",
         *       "data": {
         *         "volumes": [
         *           {
         *             "status": "success",
         *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *             "name": "funky-vol-g7gum5cj"
         *           }
         *         ]
         *       },
         *       "op_time_us": 61
         *     }
         */
        DeleteVolumesResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["DeleteVolumesResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["DeleteVolumesResponseData"];
        });
        /**
         * @example {
         *       "volumes": [
         *         {
         *           "status": "success",
         *           "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *           "name": "funky-vol-g7gum5cj"
         *         }
         *       ]
         *     }
         */
        DeleteVolumesResponseData: {
            /** @description The volume(s) which were deleted by the request. */
            volumes?: components["schemas"]["DeleteVolumesResponseDeletedVolume"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "name": "funky-vol-g7gum5cj"
         *     }
         */
        DeleteVolumesResponseDeletedVolume: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the volume that was deleted.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the volume that was deleted.
             * @example funky-vol-g7gum5cj
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No volume with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "from": {
         *         "name": "funky-town-g7gum5cj"
         *       }
         *     }
         */
        DetachVolumeByUUIDRequestBody: {
            /** @description UUID or name of the instance to detach the volume from. */
            from?: components["schemas"]["BodyInstanceID"];
        };
        /**
         * @example {
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "from": {
         *         "name": "funky-town-g7gum5cj"
         *       }
         *     }
         */
        DetachVolumesRequest: {
            /**
             * Format: uuid
             * @description The UUID of the volume to detach. Mutually exclusive with name. Exactly one of uuid or name must be provided.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the volume to detach. Mutually exclusive with UUID. Exactly one of uuid or name must be provided.
             * @example funky-town-g7gum5cj
             */
            name?: string;
            /** @description UUID or name of the instance to detach the volume from. */
            from?: components["schemas"]["DetachVolumesRequestInstanceID"];
        } & (unknown | unknown);
        /**
         * @example {
         *       "name": "funky-town-g7gum5cj"
         *     }
         */
        DetachVolumesRequestInstanceID: {
            /**
             * Format: uuid
             * @description The UUID of the instance that the volume is detached from.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid: string;
        } | {
            /**
             * @description The name of the instance that the volume is detached from.
             * @example funky-town-g7gum5cj
             */
            name: string;
        };
        /**
         * @description Response of detaching volume(s) from instances.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "volumes": [
         *           {
         *             "status": "success",
         *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *             "name": "funky-vol-g7gum5cj"
         *           }
         *         ]
         *       },
         *       "op_time_us": 74
         *     }
         */
        DetachVolumesResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["DetachVolumesResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["DetachVolumesResponseData"];
        });
        /**
         * @example {
         *       "volumes": [
         *         {
         *           "status": "success",
         *           "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *           "name": "funky-vol-g7gum5cj"
         *         }
         *       ]
         *     }
         */
        DetachVolumesResponseData: {
            /** @description The volume(s) which were detached by the request. */
            volumes?: components["schemas"]["DetachVolumesResponseDetachedVolume"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "name": "funky-vol-g7gum5cj"
         *     }
         */
        DetachVolumesResponseDetachedVolume: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the volume that was detached.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the volume that was detached.
             * @example funky-vol-g7gum5cj
             */
            name?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No volume with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @description A domain associated with a service group, as responses report it (the fully qualified name is in `fqdn`).
         * @example {
         *       "fqdn": "example.com.",
         *       "certificate": {
         *         "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *         "name": "funky-certificate",
         *         "state": "valid"
         *       }
         *     }
         */
        Domain: {
            /**
             * @description Publicly accessible domain name. If this name ends in a period . it must be a valid Full Qualified Domain Name (FQDN), otherwise it will become a subdomain of the target metro.
             * @example example.com.
             */
            fqdn?: string;
            /** @description Use an existing certificate for the domain. If this field is specified, the domain must be associated with a valid certificate. */
            certificate?: components["schemas"]["Certificate"];
        };
        /**
         * @example {
         *       "name": "funky-policy"
         *     }
         */
        GetAutoscaleConfigurationPolicyRequest: {
            /**
             * @description The Name of the policy to get.
             * @example funky-policy
             */
            name: string;
        };
        /**
         * @description Response of getting an autoscale policy of a service group.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "policies": [
         *           {
         *             "status": "success",
         *             "policy": {
         *               "name": "funky-policy",
         *               "enabled": true,
         *               "metric": "cpu",
         *               "adjustment_type": "percentage",
         *               "steps": [
         *                 {
         *                   "adjustment": 50,
         *                   "lower_bound": 10,
         *                   "upper_bound": 500
         *                 }
         *               ]
         *             }
         *           }
         *         ]
         *       },
         *       "op_time_us": 29
         *     }
         */
        GetAutoscaleConfigurationPolicyResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["GetAutoscaleConfigurationPolicyResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["GetAutoscaleConfigurationPolicyResponseData"];
        });
        /**
         * @example {
         *       "policies": [
         *         {
         *           "status": "success",
         *           "policy": {
         *             "name": "funky-policy",
         *             "enabled": true,
         *             "metric": "cpu",
         *             "adjustment_type": "percentage",
         *             "steps": [
         *               {
         *                 "adjustment": 50,
         *                 "lower_bound": 10,
         *                 "upper_bound": 500
         *               }
         *             ]
         *           }
         *         }
         *       ]
         *     }
         */
        GetAutoscaleConfigurationPolicyResponseData: {
            /** @description The policy which was retrieved by the request. */
            policies?: components["schemas"]["GetAutoscaleConfigurationPolicyResponsePolicyResponse"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "policy": {
         *         "name": "funky-policy",
         *         "enabled": true,
         *         "metric": "cpu",
         *         "adjustment_type": "percentage",
         *         "steps": [
         *           {
         *             "adjustment": 50,
         *             "lower_bound": 10,
         *             "upper_bound": 500
         *           }
         *         ]
         *       }
         *     }
         */
        GetAutoscaleConfigurationPolicyResponsePolicyResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /** @description The policy which was retrieved by the request. */
            policy?: components["schemas"]["AutoscalePolicyResponse"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No service with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @description Response of getting the autoscale configuration(s) of service group(s).
         * @example {
         *       "status": "success",
         *       "data": {
         *         "service_groups": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-service-g7gum5cj",
         *             "enabled": true,
         *             "min_size": 2,
         *             "max_size": 10,
         *             "warmup_time_ms": 3000,
         *             "cooldown_time_ms": 3000,
         *             "template": {
         *               "name": "funky-instance-template",
         *               "uuid": "123e4567-e89b-12d3-a456-426614174001"
         *             },
         *             "policies": [
         *               {
         *                 "name": "funky-policy",
         *                 "enabled": true,
         *                 "metric": "cpu",
         *                 "adjustment_type": "percentage",
         *                 "steps": [
         *                   {
         *                     "adjustment": 50,
         *                     "lower_bound": 10,
         *                     "upper_bound": 500
         *                   }
         *                 ]
         *               }
         *             ]
         *           }
         *         ]
         *       },
         *       "op_time_us": 57
         *     }
         */
        GetAutoscaleConfigurationsResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["GetAutoscaleConfigurationsResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["GetAutoscaleConfigurationsResponseData"];
        }) | ({
            /**
             * @description The status of the response; `unconfigured` means no autoscale configuration exists for the service group.
             * @enum {string}
             */
            status: "unconfigured";
            /**
             * @description An optional message providing additional information about the status.
             * @example Autoscale is not configured
             */
            message?: string;
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 31
             */
            op_time_us?: number;
        } & {
            data?: components["schemas"]["GetAutoscaleConfigurationsResponseData"];
        });
        /**
         * @example {
         *       "service_groups": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-service-g7gum5cj",
         *           "enabled": true,
         *           "min_size": 2,
         *           "max_size": 10,
         *           "warmup_time_ms": 3000,
         *           "cooldown_time_ms": 3000,
         *           "template": {
         *             "name": "funky-instance-template",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174001"
         *           },
         *           "policies": [
         *             {
         *               "name": "funky-policy",
         *               "enabled": true,
         *               "metric": "cpu",
         *               "adjustment_type": "percentage",
         *               "steps": [
         *                 {
         *                   "adjustment": 50,
         *                   "lower_bound": 10,
         *                   "upper_bound": 500
         *                 }
         *               ]
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        GetAutoscaleConfigurationsResponseData: {
            /** @description The configuration(s) which were retrieved by the request. */
            service_groups?: components["schemas"]["GetAutoscaleConfigurationsResponseServiceGroup"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-service-g7gum5cj",
         *       "enabled": true,
         *       "min_size": 2,
         *       "max_size": 10,
         *       "warmup_time_ms": 3000,
         *       "cooldown_time_ms": 3000,
         *       "template": {
         *         "name": "funky-instance-template",
         *         "uuid": "123e4567-e89b-12d3-a456-426614174001"
         *       },
         *       "policies": [
         *         {
         *           "name": "funky-policy",
         *           "enabled": true,
         *           "metric": "cpu",
         *           "adjustment_type": "percentage",
         *           "steps": [
         *             {
         *               "adjustment": 50,
         *               "lower_bound": 10,
         *               "upper_bound": 500
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        GetAutoscaleConfigurationsResponseServiceGroup: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the service where the configuration was created.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the service where the configuration was created.
             * @example funky-instance-template
             */
            name?: string;
            /**
             * @description If the autoscale configuration is enabled.
             * @example true
             */
            enabled?: boolean;
            /**
             * Format: int64
             * @description The minimum number of instances to keep running. Only if enabled is true.
             * @example 2
             */
            min_size?: number;
            /**
             * Format: int64
             * @description The maximum number of instances to keep running. Only if enabled is true.
             * @example 10
             */
            max_size?: number;
            /**
             * Format: int64
             * @description The warmup time in seconds for new instances. Only if enabled is true.
             * @example 3000
             */
            warmup_time_ms?: number;
            /**
             * Format: int64
             * @description The cooldown time in seconds for the autoscale configuration. Only if enabled is true.
             * @example 3000
             */
            cooldown_time_ms?: number;
            /** @description The instance template used for the autoscale configuration. Only if enabled is true. */
            template?: components["schemas"]["ServiceGroupTemplate"];
            /** @description The policies applied to the autoscale configuration. */
            policies?: components["schemas"]["AutoscalePolicyResponse"][];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No service with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "certificates": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-certificate",
         *             "created_at": "2023-10-01T12:00:00Z",
         *             "common_name": "example.com",
         *             "subject": "CN=example.com",
         *             "issuer": "CN=R10,O=Let's Encrypt,C=US",
         *             "serial_number": "123456789ABCDEF123456789ABCDEF123456",
         *             "not_before": "2023-10-01T12:00:00Z",
         *             "not_after": "2023-12-30T12:00:00Z",
         *             "state": "valid"
         *           }
         *         ]
         *       },
         *       "op_time_us": 55
         *     }
         */
        GetCertificatesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetCertificatesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 55
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "certificates": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-certificate",
         *           "created_at": "2023-10-01T12:00:00Z",
         *           "common_name": "example.com",
         *           "subject": "CN=example.com",
         *           "issuer": "CN=R10,O=Let's Encrypt,C=US",
         *           "serial_number": "123456789ABCDEF123456789ABCDEF123456",
         *           "not_before": "2023-10-01T12:00:00Z",
         *           "not_after": "2023-12-30T12:00:00Z",
         *           "state": "valid"
         *         }
         *       ]
         *     }
         */
        GetCertificatesResponseData: {
            /** @description The certificate(s) which were retrieved by the request. */
            certificates?: components["schemas"]["Certificate"][];
        };
        /**
         * @description Response of getting an image by tag or by digest.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "image": {
         *           "tag": "my-image:latest",
         *           "digest": "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef",
         *           "description": "My image description",
         *           "created_at": "2023-10-01T12:00:00Z",
         *           "arch": "x86_64",
         *           "entrypoint": [
         *             "/bin/sh",
         *             "-c"
         *           ],
         *           "cmd": [
         *             "/bin/sh",
         *             "-c"
         *           ],
         *           "env": [
         *             "ENV_VAR=value"
         *           ],
         *           "ports": [
         *             "8080:80"
         *           ],
         *           "volumes": [
         *             "/data"
         *           ],
         *           "workdir": "/app"
         *         }
         *       },
         *       "op_time_us": 46
         *     }
         */
        GetImageResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the response.
             * @example No image with name 'my-image:latest'
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetImageResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 46
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "image": {
         *         "tag": "my-image:latest",
         *         "digest": "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef",
         *         "arch": "x86_64",
         *         "created_at": "2023-10-01T12:00:00Z"
         *       }
         *     }
         */
        GetImageResponseData: {
            /** @description The image that was retrieved by this request. */
            image?: components["schemas"]["Image"];
        };
        /**
         * @example {
         *       "offset": 56000,
         *       "limit": 1500
         *     }
         */
        GetInstanceLogsByUUIDRequestBody: {
            /**
             * Format: int64
             * @description The byte offset of the log output to receive. A negative sign makes the offset relative to the end of the log.
             * @example 56000
             */
            offset?: number;
            /**
             * Format: int64
             * @description The amount of bytes to return at most. One request returns at most 16,383 bytes.
             * @example 1500
             */
            limit?: number;
        };
        /**
         * @example {
         *       "name": "funky-town-g756b5d",
         *       "offset": 450,
         *       "limit": 3000
         *     }
         */
        GetInstanceLogsRequest: {
            /**
             * Format: uuid
             * @description The UUID of the instance to retrieve logs for. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance to retrieve logs for. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * Format: int64
             * @description The byte offset of the log output to receive. A negative sign makes the offset relative to the end of the log.
             * @example 450
             */
            offset?: number;
            /**
             * Format: int64
             * @description The amount of bytes to return at most. One request returns at most 16,383 bytes.
             * @example 3000
             */
            limit?: number;
        } & (unknown | unknown);
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "output": "d2h5LWFyZS15b3UtZGVjb2RpbmctdGhpcw==",
         *             "available": {
         *               "start": 250,
         *               "end": 2700
         *             },
         *             "range": {
         *               "start": 450,
         *               "end": 2700
         *             },
         *             "state": "running"
         *           }
         *         ]
         *       },
         *       "op_time_us": 47
         *     }
         */
        GetInstanceLogsResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetInstanceLogsResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 47
             */
            op_time_us?: number;
        };
        /**
         * @description Description of the log availability.
         * @example {
         *       "start": 250,
         *       "end": 2700
         *     }
         */
        GetInstanceLogsResponseAvailable: {
            /**
             * Format: uint64
             * @description The first byte offset that can be retrieved.
             * @example 250
             */
            start?: number;
            /**
             * Format: uint64
             * @description The last byte offset that can be retrieved.
             * @example 2700
             */
            end?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "output": "d2h5LWFyZS15b3UtZGVjb2RpbmctdGhpcw==",
         *           "available": {
         *             "start": 250,
         *             "end": 2700
         *           },
         *           "range": {
         *             "start": 450,
         *             "end": 2700
         *           },
         *           "state": "running"
         *         }
         *       ]
         *     }
         */
        GetInstanceLogsResponseData: {
            /**
             * @description The instance whose logs were retrieved by this request.
             *
             *     Note: only one instance can be specified in the request, so this will always contain a single entry.
             */
            instances?: components["schemas"]["GetInstanceLogsResponseLoggedInstance"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "output": "d2h5LWFyZS15b3UtZGVjb2RpbmctdGhpcw==",
         *       "available": {
         *         "start": 250,
         *         "end": 2700
         *       },
         *       "range": {
         *         "start": 450,
         *         "end": 2700
         *       },
         *       "state": "running"
         *     }
         */
        GetInstanceLogsResponseLoggedInstance: {
            /** @description Indicates whether retrieving the logs was successful or not for this instance. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the instance.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description Base64 encoded log output of the instance.
             * @example d2h5LWFyZS15b3UtZGVjb2RpbmctdGhpcw==
             */
            output?: string;
            /** @description Description of the log availability. */
            available?: components["schemas"]["GetInstanceLogsResponseAvailable"];
            /** @description Description of the range that was returned. Useful for requests with offset relative to end. */
            range?: components["schemas"]["GetInstanceLogsResponseRange"];
            /**
             * @description State of the instance when the logs were retrieved.
             * @example running
             * @enum {string}
             */
            state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @description Description of the range that was returned. Useful for requests with offset relative to end.
         * @example {
         *       "start": 450,
         *       "end": 2700
         *     }
         */
        GetInstanceLogsResponseRange: {
            /**
             * Format: uint64
             * @description The first retrieved byte.
             * @example 450
             */
            start?: number;
            /**
             * Format: uint64
             * @description The last retrieved byte.
             * @example 2700
             */
            end?: number;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "rss_bytes": 5677765543,
         *             "cpu_time_ms": 560007005,
         *             "boot_time_us": 9000,
         *             "net_time_us": 11000,
         *             "rx_bytes": 12312353,
         *             "rx_packets": 43432,
         *             "tx_bytes": 6565643,
         *             "tx_packets": 54534,
         *             "nconns": 5,
         *             "nreqs": 12,
         *             "nqueued": 5,
         *             "ntotal": 21
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        GetInstanceMetricsResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetInstanceMetricsResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "rss_bytes": 5677765543,
         *           "cpu_time_ms": 560007005,
         *           "boot_time_us": 9000,
         *           "net_time_us": 11000,
         *           "rx_bytes": 12312353,
         *           "rx_packets": 43432,
         *           "tx_bytes": 6565643,
         *           "tx_packets": 54534,
         *           "nconns": 5,
         *           "nreqs": 12,
         *           "nqueued": 5,
         *           "ntotal": 21
         *         }
         *       ]
         *     }
         */
        GetInstanceMetricsResponseData: {
            /** @description The instance which this requested metrics for. Note: only one instance can be specified in the request, so this will always contain a single entry. */
            instances?: components["schemas"]["GetInstanceMetricsResponseInstanceMetrics"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "rss_bytes": 5677765543,
         *       "cpu_time_ms": 560007005,
         *       "boot_time_us": 9000,
         *       "net_time_us": 11000,
         *       "rx_bytes": 12312353,
         *       "rx_packets": 43432,
         *       "tx_bytes": 6565643,
         *       "tx_packets": 54534,
         *       "nconns": 5,
         *       "nreqs": 12,
         *       "nqueued": 5,
         *       "ntotal": 21
         *     }
         */
        GetInstanceMetricsResponseInstanceMetrics: {
            /** @description Indicates whether retrieving the metrics was successful or not for this instance. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the instance.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * Format: uint64
             * @description Resident set size of the VMM in bytes.
             *
             *     The resident set size (RSS) specifies the amount of physical memory that has been touched by the instance and is currently reserved for the instance on the Unikraft Cloud server. The RSS grows until the instance has touched all memory assigned to it via the memory_mb setting and may also exceed this value as supporting services running outside the instance acquire memory. The RSS is different from the current amount of memory allocated by the application, which is likely to fluctuate over the lifetime of the application. The RSS is not a cumulative metric. When the instance is stopped rss goes down to 0.
             * @example 5677765543
             */
            rss_bytes?: number;
            /**
             * Format: uint64
             * @description Consumed CPU time in milliseconds.
             * @example 560007005
             */
            cpu_time_ms?: number;
            /**
             * Format: uint64
             * @description The boot time of the instance in microseconds. We take a pragmatic approach is to define the boot time. We calculate this as the difference in time between the moment the virtualization toolstack is invoked to respond to a VM boot request and the moment the OS starts executing user code (i.e., the end of the guest OS boot process). This is essentially the time that a user would experience in a deployment, minus the application initialization time, which we leave out since it is independent from the OS.
             * @example 560007005
             */
            boot_time_us?: number;
            /**
             * Format: uint64
             * @description This is the time it took for the user-level application to start listening on a non-localhost port measured in microseconds. This is the time from when the instance started until it reasonably ready to start responding to network requests. This is useful for measuring the time it takes for the instance to become operationally ready.
             * @example 560007005
             */
            net_time_us?: number;
            /**
             * Format: uint64
             * @description Total amount of bytes received from network.
             * @example 12312353
             */
            rx_bytes?: number;
            /**
             * Format: uint64
             * @description Total count of packets received from network.
             * @example 43432
             */
            rx_packets?: number;
            /**
             * Format: uint64
             * @description Total amount of bytes transmitted over network.
             * @example 6565643
             */
            tx_bytes?: number;
            /**
             * Format: uint64
             * @description Total count of packets transmitted over network.
             * @example 54534
             */
            tx_packets?: number;
            /**
             * Format: uint64
             * @description Number of currently established inbound connections (non-HTTP).
             * @example 5
             */
            nconns?: number;
            /**
             * Format: uint64
             * @description Number of in-flight HTTP requests.
             * @example 12
             */
            nreqs?: number;
            /**
             * Format: uint64
             * @description Number of queued inbound connections and HTTP requests.
             * @example 5
             */
            nqueued?: number;
            /**
             * Format: uint64
             * @description Total number of inbound connections and HTTP requests handled.
             * @example 21
             */
            ntotal?: number;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "created_at": "2023-10-01T12:00:00Z",
         *             "state": "running",
         *             "private_fqdn": "funky-town-g756b5d.internal",
         *             "image": "nginx:latest",
         *             "memory_mb": 1024,
         *             "vcpus": 1,
         *             "args": [
         *               "--port=8080",
         *               "--debug"
         *             ],
         *             "env": {
         *               "ENV_VAR": "value"
         *             },
         *             "start_count": 6,
         *             "restart_count": 1,
         *             "started_at": "2023-10-01T12:00:00Z",
         *             "uptime_ms": 8954050300,
         *             "boot_time_us": 9000,
         *             "net_time_us": 11000,
         *             "restart_policy": "never",
         *             "tags": [
         *               "production"
         *             ]
         *           }
         *         ]
         *       },
         *       "op_time_us": 432
         *     }
         */
        GetInstancesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetInstancesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 432
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "created_at": "2023-10-01T12:00:00Z",
         *           "state": "running",
         *           "image": "nginx:latest",
         *           "memory_mb": 1024,
         *           "vcpus": 1
         *         }
         *       ]
         *     }
         */
        GetInstancesResponseData: {
            /** @description The instance(s) that were retrieved by the request. */
            instances?: components["schemas"]["Instance"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "service_groups": [
         *           {
         *             "status": "success",
         *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *             "name": "funky-service-g7gum5cj",
         *             "created_at": "2023-10-01T12:00:00Z",
         *             "persistent": true,
         *             "autoscale": false,
         *             "soft_limit": 1,
         *             "hard_limit": 100,
         *             "services": [
         *               {
         *                 "port": 443,
         *                 "destination_port": 8080,
         *                 "handlers": [
         *                   "tls",
         *                   "http"
         *                 ]
         *               }
         *             ],
         *             "instances": [
         *               {
         *                 "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *                 "name": "funky-town-g756b5d"
         *               }
         *             ]
         *           }
         *         ]
         *       },
         *       "op_time_us": 46
         *     }
         */
        GetServiceGroupsResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetServiceGroupsResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 46
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "service_groups": [
         *         {
         *           "status": "success",
         *           "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *           "name": "funky-service-g7gum5cj",
         *           "created_at": "2023-10-01T12:00:00Z",
         *           "persistent": true,
         *           "soft_limit": 1,
         *           "hard_limit": 100
         *         }
         *       ]
         *     }
         */
        GetServiceGroupsResponseData: {
            /** @description The service group(s) which were retrieved by the request. */
            service_groups?: components["schemas"]["ServiceGroup"][];
        };
        /**
         * @description Response of listing or getting volumes.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "volumes": [
         *           {
         *             "status": "success",
         *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *             "name": "funky-town-g7gum5cj",
         *             "created_at": "2021-01-01T00:00:00Z",
         *             "state": "available",
         *             "size_mb": 64,
         *             "persistent": true,
         *             "attached_to": [],
         *             "mounted_by": [],
         *             "tags": []
         *           }
         *         ]
         *       },
         *       "op_time_us": 45
         *     }
         */
        GetVolumesResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["GetVolumesResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["GetVolumesResponseData"];
        });
        /**
         * @example {
         *       "volumes": [
         *         {
         *           "status": "success",
         *           "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *           "name": "funky-town-g7gum5cj",
         *           "created_at": "2021-01-01T00:00:00Z",
         *           "state": "available",
         *           "size_mb": 64,
         *           "persistent": true
         *         }
         *       ]
         *     }
         */
        GetVolumesResponseData: {
            /** @description The volume(s) which were retrieved by the request. */
            volumes?: components["schemas"]["Volume"][];
        };
        /**
         * @description Any JSON value (google.protobuf.Value) - null, a boolean, a number, a string, an array or an object. Used where the type of a value depends on context, e.g. the `value` of an update operation.
         * @example 512
         */
        GoogleProtobufValue: unknown;
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "services": {}
         *       },
         *       "op_time_us": 875
         *     }
         */
        HealthzResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the response.
             * @example Invalid name 'non-funky-town'
             */
            message?: string;
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /** @description The response data for this request. */
            data?: components["schemas"]["HealthzResponseData"];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 875
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "checks": {
         *         "images": "healthy",
         *         "systemd": "healthy"
         *       }
         *     }
         */
        HealthzResponseData: {
            /** @description The health of the platform's services. The reference documents neither the keys nor the values of this object. */
            services?: {
                [key: string]: unknown;
            };
            /**
             * @description Per-checker health (`unknown`, `healthy`, `degraded`); the keys name the checkers that are switched on, among `images`, `systemd` and `user-defined`.
             * @example {
             *       "images": "healthy",
             *       "systemd": "healthy"
             *     }
             */
            checks?: {
                [key: string]: "unknown" | "healthy" | "degraded";
            };
            /**
             * @description Version strings of the platform's components, keyed by component name.
             * @example {
             *       "platform": "1.0.0"
             *     }
             */
            versions?: {
                [key: string]: string;
            };
            /** @description Details of the installation's license; only administrators get them. */
            license?: components["schemas"]["DataLicense"];
        };
        /**
         * @example {
         *       "url": "funky-user/my-image:latest",
         *       "created_at": "2023-10-01T12:00:00Z",
         *       "initrd_or_rom": false,
         *       "size_in_bytes": 1843200,
         *       "args": [
         *         "/usr/bin/my-app",
         *         "--port=8080"
         *       ],
         *       "env": {
         *         "ENV_VAR": "value"
         *       },
         *       "tags": [
         *         "funky-user/my-image:latest"
         *       ]
         *     }
         */
        Image: {
            /**
             * @description The canonical name of the image is known as the "tag".
             * @example my-image:latest
             */
            tag?: string;
            /**
             * @description The digest of the image is a unique identifier of the image manifest which is a string representation including the hashing algorithm and the hash value separated by a colon.
             * @example sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef
             */
            digest?: string;
            /**
             * @description A description of the image.
             * @example My image description
             */
            description?: string;
            /**
             * Format: date-time
             * @description When the image was created.
             * @example 2023-10-01T12:00:00Z
             */
            created_at?: string;
            /**
             * @description The architecture of the image.
             * @example x86_64
             */
            arch?: string;
            /**
             * @description The entrypoint of the image is the command that is run when the image is started.
             * @example [
             *       "/bin/sh",
             *       "-c"
             *     ]
             */
            entrypoint?: string[];
            /**
             * @description The command to run when the image is started.
             * @example [
             *       "/bin/sh",
             *       "-c"
             *     ]
             */
            cmd?: string[];
            /**
             * @description The environment variables to set when the image is started. The current API reports them as an object of names to values; the reference documents an array of `NAME=value` strings.
             * @example {
             *       "ENV_VAR": "value"
             *     }
             */
            env?: {
                [key: string]: string;
            } | string[];
            /**
             * @description Documented port mappings for the image.
             * @example [
             *       "8080:80"
             *     ]
             */
            ports?: string[];
            /**
             * @description Documented volumes for the image.
             * @example [
             *       "/data"
             *     ]
             */
            volumes?: string[];
            /** @description Labels are key-value pairs. */
            labels?: {
                [key: string]: string;
            };
            /**
             * @description The working directory for the image is the directory that is set as the current working directory when the image is started.
             * @example /app
             */
            workdir?: string;
            /** @description The kernel object is a reference to the kernel that is used by the image. */
            kernel?: components["schemas"]["Object"];
            /** @description List of auxiliary ROMs that are used by the image. */
            auxiliary_roms?: components["schemas"]["Object"][];
            /**
             * @description The URL (reference) of the image.
             * @example funky-user/my-image:latest
             */
            url?: string;
            /**
             * @description Marks an image that is an initrd or a ROM.
             * @example false
             */
            initrd_or_rom?: boolean;
            /**
             * Format: uint64
             * @description Image size, in bytes.
             * @example 1843200
             */
            size_in_bytes?: number;
            /**
             * @description The default command-line arguments of the image.
             * @example [
             *       "/usr/bin/my-app",
             *       "--port=8080"
             *     ]
             */
            args?: string[];
            /**
             * @description The tags (and digests) the image is known by.
             * @example [
             *       "funky-user/my-image:latest"
             *     ]
             */
            tags?: string[];
            /**
             * @description User names linked to the image.
             * @example [
             *       "funky-user"
             *     ]
             */
            users?: string[];
            /**
             * @description True when the image is pinned, kept in the cache regardless of eviction. Only callers with image-management rights see this field, and then only as true.
             * @example true
             */
            persistent?: boolean;
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "created_at": "2023-10-01T12:00:00Z",
         *       "state": "stopped",
         *       "private_fqdn": "funky-town-g756b5d.internal",
         *       "image": "nginx:latest",
         *       "memory_mb": 1024,
         *       "vcpus": 1,
         *       "args": [
         *         "--port=8080",
         *         "--debug"
         *       ],
         *       "env": {
         *         "ENV_VAR": "value"
         *       },
         *       "start_count": 6,
         *       "restart_count": 1,
         *       "started_at": "2023-10-01T12:00:00Z",
         *       "stopped_at": "2023-10-01T12:00:00Z",
         *       "uptime_ms": 8954050300,
         *       "vmm_start_time_us": 70040,
         *       "vmm_load_time_us": 4050,
         *       "vmm_ready_time_us": 400,
         *       "boot_time_us": 9000,
         *       "net_time_us": 11000,
         *       "stop_reason": 15,
         *       "exit_code": 0,
         *       "stop_code": 33024,
         *       "restart_policy": "never",
         *       "scale_to_zero": {
         *         "enabled": true,
         *         "policy": "idle",
         *         "stateful": true,
         *         "cooldown_time_ms": 3000
         *       },
         *       "volumes": [
         *         {
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-volume-g756b5d",
         *           "at": "/mnt/funky-volume",
         *           "readonly": false
         *         }
         *       ],
         *       "service_group": {
         *         "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *         "name": "funky-service-g756b5d",
         *         "domains": [
         *           {
         *             "fqdn": "funky-service-g756b5d.example.com"
         *           }
         *         ]
         *       },
         *       "network_interfaces": [
         *         {
         *           "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *           "private_ip": "10.0.0.61",
         *           "mac": "12:b0:a0:00:00:3d",
         *           "rx_bytes": 5345,
         *           "rx_packets": 110,
         *           "tx_bytes": 1500,
         *           "tx_packets": 12
         *         }
         *       ],
         *       "tags": [
         *         "production"
         *       ]
         *     }
         */
        Instance: {
            /**
             * Format: uuid
             * @description The UUID of the instance.
             *
             *     This is a unique identifier for the instance that is generated when the instance is created. The UUID is used to reference the instance in API calls and can be used to identify the instance in all API calls that require an instance identifier.
             */
            uuid?: string;
            /**
             * @description The name of the instance.
             *
             *     This is a human-readable name that can be used to identify the instance. The name must be unique within the context of your account. The name can also be used to identify the instance in API calls.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * Format: date-time
             * @description The time the instance was created.
             * @example 2023-10-01T12:00:00Z
             */
            created_at?: string;
            /**
             * @description The state of the instance. This indicates the current state of the instance, such as whether it is running, stopped, or in an error state.
             * @example running
             * @enum {string}
             */
            state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
            /**
             * @description The internal hostname of the instance. This address can be used privately within the Unikraft Cloud network to access the instance. It is not accessible from the public Internet.
             * @example funky-town-g756b5d.internal
             */
            private_fqdn?: string;
            /**
             * @description The image used to create the instance. This is a reference to the Unikraft image that was used to create the instance.
             * @example nginx:latest
             */
            image?: string;
            /**
             * Format: uint64
             * @description The amount of memory in megabytes allocated for the instance. This is the total amount of memory that is available to the instance for its operations.
             * @example 1024
             */
            memory_mb?: number;
            /**
             * Format: uint32
             * @description The number of vCPUs allocated for the instance. This is the total number of virtual CPUs that are available to the instance for its operations.
             * @example 1
             */
            vcpus?: number;
            /**
             * @description The arguments passed to the instance when it was started. This is a list of command-line arguments that were provided to the instance at startup. These arguments can be used to configure the behavior of the instance and its applications.
             * @example [
             *       "--port=8080",
             *       "--debug"
             *     ]
             */
            args?: string[];
            /**
             * @description Environment variables set for the instance.
             * @example {
             *       "ENV_VAR": "value"
             *     }
             */
            env?: {
                [key: string]: string;
            };
            /**
             * Format: uint64
             * @description The total number of times the instance has been started. This is a counter that increments each time the instance is started, regardless of whether it was manually stopped or restarted. This can be useful for tracking the usage of the instance over time and/or for debugging purposes.
             * @example 6
             */
            start_count?: number;
            /**
             * Format: uint64
             * @description The total number of times the instance has been restarted. This is a counter that increments each time the instance has been restarted. This can be useful for tracking the usage of the instance over time and/or for debugging purposes.
             * @example 1
             */
            restart_count?: number;
            /**
             * Format: date-time
             * @description The time the instance was started. This is the timestamp when the instance was last started.
             * @example 2023-10-01T12:00:00Z
             */
            started_at?: string;
            /**
             * Format: date-time
             * @description The time the instance was stopped. This is the timestamp when the instance was last stopped. If the instance is currently running, this field will be empty.
             * @example 2023-10-01T12:00:00Z
             */
            stopped_at?: string;
            /**
             * Format: uint64
             * @description The total amount of time the instance has been running in milliseconds.
             * @example 8954050300
             */
            uptime_ms?: number;
            /**
             * Format: uint64
             * @description (Developer-only). The time taken between the main controller and the beginning of execution of the VMM (Virtual Machine Monitor) measured in microseconds. This field is primarily used for debugging and performance analysis purposes.
             * @example 70040
             */
            vmm_start_time_us?: number;
            /**
             * Format: uint64
             * @description (Developer-only). The time it took the VMM (Virtual Machine Monitor) to load the instance's kernel and initramfs into VM memory measured in microseconds. This field is primarily used for debugging and performance analysis purposes.
             * @example 4050
             */
            vmm_load_time_us?: number;
            /**
             * Format: uint64
             * @description (Developer-only). The time taken for the VMM (Virtual Machine Monitor) to become ready to execute the instance measured in microseconds. This is the time from when the VMM started until it was ready to execute the instance's code. This field is primarily used for debugging and performance analysis purposes.
             * @example 400
             */
            vmm_ready_time_us?: number;
            /**
             * Format: uint64
             * @description The boot time of the instance in microseconds. We take a pragmatic approach is to define the boot time. We calculate this as the difference in time between the moment the virtualization toolstack is invoked to respond to a VM boot request and the moment the OS starts executing user code (i.e., the end of the guest OS boot process). This is essentially the time that a user would experience in a deployment, minus the application initialization time, which we leave out since it is independent from the OS.
             * @example 9000
             */
            boot_time_us?: number;
            /**
             * Format: uint64
             * @description This is the time it took for the user-level application to start listening on a non-localhost port measured in microseconds. This is the time from when the instance started until it reasonably ready to start responding to network requests. This is useful for measuring the time it takes for the instance to become operationally ready.
             * @example 11000
             */
            net_time_us?: number;
            /**
             * Format: uint32
             * @description The instance stop reason.
             *
             *     Provides reason as to why an instance is stopped or in the process of shutting down. The stop reason is a bitmask that tells you the origin of the shutdown:
             *
             *     | Bit     | 4        | 3      | 2          | 1     | 0 (LSB)   |
             *     |---------|----------|--------|------------|-------|-----------|
             *     | Purpose | [F]orced | [U]ser | [P]latform | [A]pp | [K]ernel  |
             *
             *     - **Forced**: This was a force stop. A forced stop does not give the instance a chance to perform a clean shutdown. Bits 0 (Kernel) and 1 (App) can thus never be set for forced shutdowns. Consequently, there won't be an `exit_code` or `stop_code`.
             *     - **User**: Stop initiated by user, e.g. via an API call.
             *     - **Platform**: Stop initiated by platform, e.g. an autoscale policy.
             *     - **App**: The Application exited. The `exit_code` field will be set.
             *     - **Kernel**: The kernel exited. The `stop_code` field will be set.
             *
             *     For example, the stop reason will contain the following values in the given scenarios:
             *
             *     | Value | Bitmask | Aliases | Scenario |
             *     |-------|---------|---------|----------|
             *     | 28    | `11100` | `FUP--` | Forced user-initiated shutdown. |
             *     | 15    | `01111` | `-UPAK` | Regular user-initiated shutdown. The application and kernel have exited. The `exit_code` and `stop_code` indicate if the application and kernel shut down cleanly. |
             *     | 13    | `01101` | `-UP-K` | The user initiated a shutdown but the application was forcefully killed by the kernel during shutdown. This can be the case if the image does not support a clean application exit or the application crashed after receiving a termination signal. The `exit_code` won't be present in this scenario. |
             *     | 7     | `00111` | `--PAK` | Unikraft Cloud initiated the shutdown, for example, due to scale-to-zero. The application and kernel have exited. The `exit_code` and `stop_code` indicate if the application and kernel shut down cleanly. |
             *     | 3     | `00011` | `---AK` | The application exited. The `exit_code` and `stop_code` indicate if the application and kernel shut down cleanly. |
             *     | 1     | `00001` | `----K` | The instance likely experienced a fatal crash and the `stop_code` contains more information about the cause of the crash. |
             *     | 0     | `00000` | `-----` | The stop reason is unknown. |
             *
             *     Note (platform behaviour, not in the vendor reference): newer deployments also set bit 5 (value 32, **[Z]**) for a scale-to-zero stop, e.g. 39 (`Z--PAK`) while the instance shows `standby`.
             * @example 15
             */
            stop_reason?: number;
            /**
             * Format: uint32
             * @description The application exit code.
             *
             *     This is the code which the application returns upon leaving its main entry point. The encoding of the exit code is application specific. See the documentation of the application for more details. Usually, an exit code of 0 indicates success / no failure.
             * @example 137
             */
            exit_code?: number;
            /**
             * Format: uint32
             * @description The kernel stop code.
             *
             *     This value encodes multiple details about the stop irrespective of the application.
             *
             *     ```
             *     MSB                                                     LSB
             *     ┌──────────────┬──────────┬──────────┬───────────┬────────┐
             *     │ 31 ────── 24 │ 23 ── 16 │    15    │ 14 ──── 8 │ 7 ── 0 │
             *     ├──────────────┼──────────┼──────────┼───────────┼────────┤
             *     │ reserved[^1] │  errno   │ shutdown │ initlevel │ reason │
             *     └──────────────┴──────────┴──────────┴───────────┴────────┘
             *     ```
             *
             *     - **errno**: The application errno, using Linux's `errno.h` values. (Optional, can be 0.)
             *     - **shutdown**: Whether the shutdown originated from the inittable (0) or from the termtable (1).
             *     - **initlevel**: The initlevel at the time of the stop.
             *     - **reason**: The reason for the stop. See StopCodeReason.
             *
             *     StopCodeReason values (bits 7-0, from the vendor clients): 0 `OK`, 1 `EXP`, 2 `MATH`, 3 `INVLOP`, 4 `PGFAULT`, 5 `SEGFAULT`, 6 `HWERR`, 7 `SECERR`. An initlevel of 127 means the application was running. For example, an out-of-memory stop is `PGFAULT` with errno `ENOMEM` (12): `0x000C7F04`.
             *
             *     When the platform stopped the instance (`stop_reason` exactly P, i.e. 4), the code is a platform code instead: 0 unknown, 1 no medium (the image could not be pulled).
             * @example 33024
             */
            stop_code?: number;
            /**
             * @description The restart configuration for the instance.
             *
             *     When an instance stops either because the application exits or the instance crashes, Unikraft Cloud can auto-restart your instance. Auto-restarts are performed according to the restart policy configured for a particular instance.
             *
             *     The policy can have the following values:
             *
             *     | Policy       | Description |
             *     |--------------|-------------|
             *     | `never`      | Never restart the instance (default). |
             *     | `always`     | Always restart the instance when the stop is initiated from within the instance (i.e., the application exits or the instance crashes). |
             *     | `on-failure` | Only restart the instance if it crashes. |
             *
             *     When an instance stops, the stop reason and the configured restart policy are evaluated to decide if a restart should be performed. Unikraft Cloud uses an exponential back-off delay (immediate, 5s, 10s, 20s, 40s, ..., 5m) to slow down restarts in tight crash loops. If an instance runs without problems for 10s the back-off delay is reset and the restart sequence ends.
             *
             *     The `restart.attempt` attribute reported in counts the number of restarts performed in the current sequence. The `restart.next_at` field indicates when the next restart will take place if a back-off delay is in effect.
             *
             *     A manual start or stop of the instance aborts the restart sequence and resets the back-off delay.
             * @example never
             * @enum {string}
             */
            restart_policy?: "never" | "always" | "on-failure";
            /**
             * @description The scale-to-zero configuration for the instance.
             *
             *     With conventional cloud platforms you need to keep at least one instance running at all times to be able to respond to incoming requests. Performing a just-in-time cold boot is simply too time-consuming and would create a response latency of multiple seconds. This is not the case with Unikraft Cloud. Instances on Unikraft Cloud are able to cold boot within milliseconds, which allows us to perform low-latency scale-to-zero.
             *
             *     To enable scale-to-zero for an instance it is sufficient to add a `scale_to_zero` configuration block. Unikraft Cloud will then put the instance into standby if there is no traffic to your service within the window of a cooldown period. When there is new traffic coming in, it is automatically started again.
             *
             *     If you have a heavyweight application that takes long to cold boot or has bad first request latency (e.g., with JIT compilation) consider to enable stateful scale-to-zero.
             */
            scale_to_zero?: components["schemas"]["InstanceScaleToZero"];
            /** @description The list of volumes attached to the instance. */
            volumes?: components["schemas"]["InstanceInstanceVolume"][];
            /** @description The service group configuration for the instance. */
            service_group?: components["schemas"]["InstanceInstanceServiceGroup"];
            /** @description The network interfaces of the instance. */
            network_interfaces?: components["schemas"]["InstanceNetworkInterface"][];
            /** @description The tags associated with the instance. */
            tags?: string[];
            /** @description An optional field representing the status of the request. This field is only set when this message object is used as a response message. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example 8
             */
            error?: number;
            /**
             * Format: date-time
             * @description For a deleted instance that is kept for a while: when it is removed for good.
             * @example 2023-10-08T12:00:00Z
             */
            retained_until?: string;
            /**
             * Format: uint64
             * @description How long creating the template took, in microseconds.
             * @example 52000
             */
            template_time_us?: number;
            /**
             * @description The services the instance exposes, each written as `protocol:port`.
             * @example [
             *       "tcp:443"
             *     ]
             */
            services?: string[];
            /**
             * @description The annotations of the instance: key-value pairs that, unlike tags, are also handed to the guest.
             * @example {
             *       "example.com/team": "web"
             *     }
             */
            annotations?: {
                [key: string]: string;
            };
            /** @description The snapshot of the instance, if it has one. */
            snapshot?: components["schemas"]["InstanceSnapshot"];
            /**
             * @description Whether deletion protection is on: while it is, the instance cannot be deleted.
             * @example false
             */
            delete_lock?: boolean;
            /**
             * @description The features enabled for the instance.
             * @example [
             *       "delete-on-stop"
             *     ]
             */
            features?: "delete-on-stop"[];
            /** @description The state of the current automatic restart sequence. Not used for templates. */
            restart?: components["schemas"]["InstanceRestartAttempt"];
            /** @description The read-only memory (ROM) blobs attached to the instance. */
            roms?: components["schemas"]["InstanceRom"][];
            /** @description The plugins attached to the instance. */
            plugins?: components["schemas"]["InstancePlugin"][];
            /** @description The scheduled actions of the instance. */
            schedules?: components["schemas"]["Schedule"][];
            /** @description When the instance is deleted automatically. Not used for templates. */
            autokill?: components["schemas"]["InstanceAutokill"];
            /** @description Property changes queued for the instance and not applied yet. */
            updates?: components["schemas"]["InstancePendingUpdate"][];
            /**
             * @description The scheduling priority of the instance; only shown to users allowed to change it.
             * @example normal
             * @enum {string}
             */
            sched_priority?: "normal" | "medium" | "high" | "admin";
            /** @description For a template: its deletion once it is unused for some time. */
            template_autokill?: components["schemas"]["InstanceTemplateAutokill"];
            /** @description For a checkpoint: its deletion once it is unused for some time. */
            checkpoint_autokill?: components["schemas"]["InstanceTemplateAutokill"];
            /**
             * @description The private IP address of the instance.
             * @example 10.0.0.61
             */
            private_ip?: string;
            /**
             * @description The default gateway configured in the guest.
             * @example 10.0.0.1
             */
            gateway?: string;
            /**
             * @description The DNS resolver configured in the guest.
             * @example 10.0.0.1
             */
            nameserver?: string;
            /**
             * @description The kind of virtual machine running the instance: `micro`, a lightweight microVM (the default), or `full`, a full virtual machine (needed for GPUs).
             * @example micro
             * @enum {string}
             */
            type?: "micro" | "full";
            /** @description The GPUs attached to the instance (instances of type `full` only). */
            gpus?: components["schemas"]["InstanceGpu"][];
        };
        /**
         * @example {
         *       "image": "my-rom:latest",
         *       "name": "my-rom"
         *     }
         */
        InstanceCreateArgsInstanceCreateRequestRoms: {
            /**
             * @description The image of the ROM to use for the autoscale configuration. Mutually exclusive with `files`. Either an image reference or an object that adds pull settings to it.
             * @example my-rom:latest
             */
            image?: string | {
                /**
                 * @description The image reference to pull.
                 * @example my-rom:latest
                 */
                url: string;
                /**
                 * @description Credentials for the OCI registry the image is pulled from.
                 * @example funky-user:registry-token
                 */
                credentials?: string;
                /** @description Extra HTTP headers to send when the image is fetched. */
                headers?: {
                    [key: string]: string;
                };
                /**
                 * @description Whether to pull the image even when the node already caches it.
                 * @example if_not_present
                 * @enum {string}
                 */
                pull_policy?: "always" | "if_not_present" | "never";
            };
            /** @description The name of the ROM to use for the autoscale configuration. */
            name: string;
            /**
             * @description Files making up the ROM, from which the platform builds an image. Mutually exclusive with `image`.
             * @example [
             *       {
             *         "path": "/etc/app/config.json",
             *         "data": "{\"port\": 8080}"
             *       }
             *     ]
             */
            files?: {
                /**
                 * @description Where the file lies inside the ROM.
                 * @example /etc/app/config.json
                 */
                path: string;
                /**
                 * @description How `data` is encoded.
                 * @default text
                 * @example text
                 * @enum {string}
                 */
                encoding: "text" | "base64";
                /**
                 * @description The content of the file, encoded as `encoding` says.
                 * @example {"port": 8080}
                 */
                data: string;
            }[];
        };
        /**
         * @description The service group configuration for the instance.
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-service-g756b5d",
         *       "domains": [
         *         {
         *           "fqdn": "funky-service-g756b5d.example.com"
         *         }
         *       ]
         *     }
         */
        InstanceInstanceServiceGroup: {
            /**
             * Format: uuid
             * @description The UUID of the service group.
             *
             *     This is a unique identifier for the service group that is generated when the service is created. The UUID is used to reference the service group in API calls and can be used to identify the service in all API calls that require an service identifier.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the service group.
             *
             *     This is a human-readable name that can be used to identify the service group. The name is unique within the context of your account. The name can also be used to identify the service group in API calls.
             * @example funky-service-g756b5d
             */
            name?: string;
            /** @description The domain configuration for the service group. */
            domains?: components["schemas"]["InstanceServiceGroupInstanceDomain"][];
        };
        /**
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-volume-g756b5d",
         *       "at": "/mnt/funky-volume",
         *       "readonly": true
         *     }
         */
        InstanceInstanceVolume: {
            /**
             * Format: uuid
             * @description The UUID of the volume.
             *
             *     This is a unique identifier for the volume that is generated when the volume is created. The UUID is used to reference the volume in API calls and can be used to identify the volume in all API calls that require a volume identifier.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the volume.
             *
             *     This is a human-readable name that can be used to identify the volume. The name must be unique within the context of your account. The name can also be used to identify the volume in API calls.
             * @example funky-volume-g756b5d
             */
            name?: string;
            /**
             * @description The mount point of the volume in the instance. This is the directory in the instance where the volume will be mounted.
             * @example /mnt/funky-volume
             */
            at?: string;
            /**
             * @description Whether the volume is read-only or not.
             * @example true
             */
            readonly?: boolean;
        };
        /**
         * @example {
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "private_ip": "10.0.0.61",
         *       "mac": "12:b0:a0:00:00:3d",
         *       "rx_bytes": 5345,
         *       "rx_packets": 110,
         *       "tx_bytes": 1500,
         *       "tx_packets": 12
         *     }
         */
        InstanceNetworkInterface: {
            /**
             * Format: uuid
             * @description The UUID of the network interface. This is a unique identifier for the network interface that is generated when the instance is created.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The private IP address of the network interface. This is the internal IP address that is used for communication between instances within the same network.
             * @example 10.0.0.61
             */
            private_ip?: string;
            /**
             * @description The MAC address of the network interface.
             * @example 12:b0:a0:00:00:3d
             */
            mac?: string;
            /**
             * Format: uint64
             * @description Amount of bytes received from interface.
             * @example 5345
             */
            rx_bytes?: number;
            /**
             * Format: uint64
             * @description Count of packets received from interface
             * @example 110
             */
            rx_packets?: number;
            /**
             * Format: uint64
             * @description Amount of bytes sent to interface.
             * @example 1500
             */
            tx_bytes?: number;
            /**
             * Format: uint64
             * @description Count of packets sent to interface
             * @example 12
             */
            tx_packets?: number;
            /**
             * @description The name of the interface.
             * @example funky-town-g756b5d-eth0
             */
            name?: string;
            /**
             * @description The TAP device the interface is attached to.
             * @example tap-funky0
             */
            tap_name?: string;
            /**
             * @description Whether the guest configures the interface by itself (absent means yes).
             * @example true
             */
            autoconfig?: boolean;
            /** @description The interface through which this interface's traffic is routed, if any. */
            relay?: components["schemas"]["InstanceNetworkInterfaceRelay"];
        };
        /**
         * @description The scale-to-zero configuration for the instance.
         * @example {
         *       "enabled": true,
         *       "policy": "idle",
         *       "stateful": true,
         *       "cooldown_time_ms": 3000
         *     }
         */
        InstanceScaleToZero: {
            /**
             * @description Indicates whether scale-to-zero is enabled for the instance.
             * @example true
             */
            enabled?: boolean;
            /**
             * @description The specific policy to use for scaling the instance to zero.
             * @example idle
             * @enum {string}
             */
            policy?: "on" | "off" | "idle";
            /**
             * @description Whether the instance should be stateful when scaled to zero. If set to true, the instance will retain its state (e.g., RAM contents) when scaled to zero. This is useful for instances that need to maintain their state across scale-to-zero operations. If set to false, the instance will lose its state when scaled to zero, and it will be restarted from scratch when scaled back up.
             * @example true
             */
            stateful?: boolean;
            /**
             * Format: int32
             * @description The cooldown time in milliseconds before the instance can be scaled to zero again. This is useful to prevent rapid scaling to zero and back up, which can lead to performance issues or resource exhaustion.
             * @example 3000
             */
            cooldown_time_ms?: number;
            /**
             * Format: int32
             * @description How many milliseconds before it is scaled to zero the instance is notified, so that it can clean up or save state.
             * @example 1000
             */
            notify_time_ms?: number;
        };
        /**
         * @example {
         *       "fqdn": "www.example.com",
         *       "certificate": {
         *         "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *         "name": "funky-certificate",
         *         "state": "valid"
         *       }
         *     }
         */
        InstanceServiceGroupInstanceDomain: {
            /**
             * @description The fully qualified domain name under which the service group is published. (Not rendered by the reference; see the schema comment.)
             * @example funky-service-g756b5d.example.com
             */
            fqdn?: string;
            /**
             * @description The certificate associated with the domain.
             *
             *     The certificate is used to secure the domain with TLS/SSL. If no certificate is specified, Unikraft Cloud will automatically generate a new certificate for the domain based on Let's Encrypt and seek to accomplish a DNS-01 challenge.
             */
            certificate?: components["schemas"]["Certificate"];
        };
        /**
         * @description A reference to a resource by exactly one of its UUID or its name.
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000"
         *     }
         */
        NameOrUUID: {
            /**
             * Format: uuid
             * @description Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid: string;
        } | {
            /**
             * @description Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name: string;
        };
        /**
         * @example {
         *       "digest": "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef",
         *       "media_type": "application/vnd.oci.image.layer.v1.tar",
         *       "size": 655
         *     }
         */
        Object: {
            /**
             * @description The digest is a string representation including the hashing algorithm and the hash value separated by a colon.
             * @example sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef
             */
            digest?: string;
            /**
             * @description The media type of the layer is a string that identifies the type of content that the layer contains.
             * @example application/vnd.oci.image.layer.v1.tar
             */
            media_type?: string;
            /**
             * Format: int64
             * @description The size of the layer in bytes.
             * @example 655
             */
            size?: number;
        };
        /**
         * @example {
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "used": {
         *         "instances": 16,
         *         "live_instances": 4,
         *         "live_vcpus": 4,
         *         "live_memory_mb": 2048,
         *         "service_groups": 15,
         *         "services": 30,
         *         "volumes": 2,
         *         "total_volume_mb": 1024
         *       },
         *       "hard": {
         *         "instances": 64,
         *         "live_instances": 16,
         *         "live_vcpus": 16,
         *         "live_memory_mb": 8192,
         *         "service_groups": 64,
         *         "services": 128,
         *         "volumes": 32,
         *         "total_volume_mb": 16384
         *       },
         *       "limits": {
         *         "min_memory_mb": 16,
         *         "max_memory_mb": 2048,
         *         "min_volume_mb": 1,
         *         "max_volume_mb": 1024,
         *         "min_autoscale_size": 1,
         *         "max_autoscale_size": 16,
         *         "min_vcpus": 2,
         *         "max_vcpus": 4
         *       },
         *       "status": "success"
         *     }
         */
        Quotas: {
            /**
             * Format: uuid
             * @description The UUID of the quota.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /** @description Used quota */
            used?: components["schemas"]["QuotasStats"];
            /** @description Configured quota limits */
            hard?: components["schemas"]["QuotasStats"];
            /** @description Additional limits */
            limits?: components["schemas"]["QuotasLimits"];
            /** @description An optional field representing the status of the request. This field is only set when this message object is used as a response message. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example No user with name 'funky-user'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "min_memory_mb": 16,
         *       "max_memory_mb": 2048,
         *       "min_volume_mb": 1,
         *       "max_volume_mb": 1024,
         *       "min_autoscale_size": 1,
         *       "max_autoscale_size": 16,
         *       "min_vcpus": 2,
         *       "max_vcpus": 4
         *     }
         */
        QuotasLimits: {
            /**
             * Format: int64
             * @description Minimum amount of memory assigned to live instances in megabytes
             * @example 16
             */
            min_memory_mb?: number;
            /**
             * Format: int64
             * @description Maximum amount of memory assigned to live instances in megabytes
             * @example 2048
             */
            max_memory_mb?: number;
            /**
             * Format: int64
             * @description Minimum size of a volume in megabytes
             * @example 1
             */
            min_volume_mb?: number;
            /**
             * Format: int64
             * @description Maximum size of a volume in megabytes
             * @example 1024
             */
            max_volume_mb?: number;
            /**
             * Format: int64
             * @description Minimum size of an autoscale group
             * @example 1
             */
            min_autoscale_size?: number;
            /**
             * Format: int64
             * @description Maximum size of an autoscale group
             * @example 16
             */
            max_autoscale_size?: number;
            /**
             * Format: int64
             * @description Minimum number of vCPUs
             * @example 2
             */
            min_vcpus?: number;
            /**
             * Format: int64
             * @description Maximum number of vCPUs
             * @example 4
             */
            max_vcpus?: number;
        };
        /**
         * @description Response of the quota operations (the caller's quotas, or a user's quotas by UUID).
         * @example {
         *       "status": "success",
         *       "data": {
         *         "quotas": [
         *           {
         *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *             "used": {
         *               "instances": 16,
         *               "live_instances": 4,
         *               "live_vcpus": 4,
         *               "live_memory_mb": 2048,
         *               "service_groups": 15,
         *               "services": 30,
         *               "volumes": 2,
         *               "total_volume_mb": 1024
         *             },
         *             "hard": {
         *               "instances": 64,
         *               "live_instances": 16,
         *               "live_vcpus": 16,
         *               "live_memory_mb": 8192,
         *               "service_groups": 64,
         *               "services": 128,
         *               "volumes": 32,
         *               "total_volume_mb": 16384
         *             },
         *             "limits": {
         *               "min_memory_mb": 16,
         *               "max_memory_mb": 2048,
         *               "min_volume_mb": 1,
         *               "max_volume_mb": 1024,
         *               "min_autoscale_size": 1,
         *               "max_autoscale_size": 16,
         *               "min_vcpus": 2,
         *               "max_vcpus": 4
         *             }
         *           }
         *         ]
         *       },
         *       "op_time_us": 38
         *     }
         */
        QuotasResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["QuotasResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["QuotasResponseData"];
        });
        /**
         * @example {
         *       "quotas": [
         *         {
         *           "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *           "limits": {
         *             "min_memory_mb": 16,
         *             "max_memory_mb": 2048,
         *             "min_volume_mb": 1,
         *             "max_volume_mb": 1024,
         *             "min_autoscale_size": 1,
         *             "max_autoscale_size": 16,
         *             "min_vcpus": 2,
         *             "max_vcpus": 4
         *           }
         *         }
         *       ]
         *     }
         */
        QuotasResponseData: {
            /** @description The quota(s) which were retrieved by the request. */
            quotas?: components["schemas"]["Quotas"][];
        };
        /**
         * @example {
         *       "instances": 16,
         *       "live_instances": 4,
         *       "live_vcpus": 4,
         *       "live_memory_mb": 2048,
         *       "service_groups": 15,
         *       "services": 30,
         *       "volumes": 2,
         *       "total_volume_mb": 1024
         *     }
         */
        QuotasStats: {
            /**
             * Format: int64
             * @description Number of instances
             * @example 16
             */
            instances?: number;
            /**
             * Format: int64
             * @description Number of instances that are not in the stopped state
             * @example 4
             */
            live_instances?: number;
            /**
             * Format: int64
             * @description Number of vCPUs
             * @example 4
             */
            live_vcpus?: number;
            /**
             * Format: int64
             * @description Amount of memory assigned to instances that are not in the stopped state in megabytes
             * @example 2048
             */
            live_memory_mb?: number;
            /**
             * Format: int64
             * @description Number of services
             * @example 15
             */
            service_groups?: number;
            /**
             * Format: int64
             * @description Number of published network ports over all existing services
             * @example 30
             */
            services?: number;
            /**
             * Format: int64
             * @description Number of volumes
             * @example 2
             */
            volumes?: number;
            /**
             * Format: int64
             * @description Total size of all volumes in megabytes
             * @example 1024
             */
            total_volume_mb?: number;
        };
        /**
         * @example {
         *       "status": 401
         *     }
         */
        ResponseError: {
            /**
             * Format: uint64
             * @description The HTTP status code of the error.
             * @example 401
             */
            status?: number;
        };
        /**
         * @description The status of an API response or of one item in it. `partial_success` means some items of a batch succeeded and others failed; each item carries its own status.
         * @example success
         * @enum {string}
         */
        ResponseStatus: "success" | "error" | "partial_success";
        /**
         * @example {
         *       "port": 443,
         *       "destination_port": 8080,
         *       "handlers": [
         *         "tls",
         *         "http"
         *       ]
         *     }
         */
        Service: {
            /**
             * Format: uint32
             * @description This is the public-facing port that the service will be accessible from on the Internet.
             * @example 443
             */
            port: number;
            /**
             * Format: uint32
             * @description The port number that the instance is listening on. This is the internal port which Unikraft Cloud will forward traffic to.
             * @example 8080
             */
            destination_port?: number;
            /** @description Connection handlers to use for the service. Handlers define how the service will handle incoming connections and forward traffic from the Internet to your application. For example, a service can be configured to terminate TLS connections, redirect HTTP traffic, or enable HTTP mode for load balancing. You configure the handlers for every published service port individually. */
            handlers?: ("tls" | "http" | "redirect")[];
            /**
             * @description The transport protocol of the published port.
             * @example tcp
             * @enum {string}
             */
            protocol?: "tcp" | "udp";
            /**
             * @description An IP address bound to the published port.
             * @example 203.0.113.10
             */
            ip?: string;
        };
        /**
         * @example {
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "name": "funky-service-g7gum5cj",
         *       "created_at": "2023-10-01T12:00:00Z",
         *       "persistent": true,
         *       "autoscale": false,
         *       "soft_limit": 1,
         *       "hard_limit": 100,
         *       "services": [
         *         {
         *           "port": 443,
         *           "destination_port": 8080,
         *           "handlers": [
         *             "tls",
         *             "http"
         *           ]
         *         },
         *         {
         *           "port": 80,
         *           "destination_port": 443,
         *           "handlers": [
         *             "http",
         *             "redirect"
         *           ]
         *         }
         *       ],
         *       "instances": [
         *         {
         *           "uuid": "12345678-90ab-cdef-1234-567890abcdef",
         *           "name": "funky-town-g756b5d"
         *         }
         *       ],
         *       "status": "success"
         *     }
         */
        ServiceGroup: {
            /**
             * Format: uuid
             * @description The UUID of the service group.
             *
             *     This is a unique identifier for the service group that is generated when the service group is created. The UUID is used to reference the service in API calls and can be used to identify the service group in all API calls that require an identifier.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the service group.
             *
             *     This is a human-readable name that can be used to identify the service group. The name must be unique within the context of your account. The name can also be used to identify the service in API calls.
             * @example funky-service-g7gum5cj
             */
            name?: string;
            /**
             * Format: date-time
             * @description The time the service was created.
             * @example 2023-10-01T12:00:00Z
             */
            created_at?: string;
            /**
             * @description Indicates if the service will stay remain even after the last instance detached. If this is set to false, the service will be deleted when the last instance detached from it. If this is set to true, the service will remain and can be reused by other instances. This is useful if you want to keep the service configuration, e.g., the published ports, handlers, and domains, even if there are no instances assigned to it.
             * @example true
             */
            persistent?: boolean;
            /**
             * @description Indicates if the service has autoscale enabled. See the associated autoscale documentation for more information about how to set this up. Autoscale policies can be set up after the service has been created.
             * @example true
             */
            autoscale?: boolean;
            /**
             * Format: uint64
             * @description The soft limit is used by the Unikraft Cloud load balancer to decide when to wake up another standby instance. For example, if the soft limit is set to 5 and the service consists of 2 standby instances, one of the instances receives up to 5 concurrent requests. The 6th parallel requests wakes up the second instance. If there are no more standby instances to wake up, the number of requests assigned to each instance will exceed the soft limit. The load balancer makes sure that when the number of in-flight requests goes down again, instances are put into standby as fast as possible.
             * @example 1
             */
            soft_limit?: number;
            /**
             * Format: uint64
             * @description The hard limit defines the maximum number of concurrent requests that an instance assigned to the this service can handle. The load balancer will never assign more requests to a single instance. In case there are no other instances available, excess requests fail (i.e., they are blocked and not queued).
             * @example 100
             */
            hard_limit?: number;
            /** @description List of published network ports for this service and the destination port to which Unikraft Cloud will forward traffic to. Additional handlers can be defined for each published port in order to define how the service will handle incoming connections and forward traffic from the Internet to your application. For example, a service can be configured to terminate TLS connections, redirect HTTP traffic, or enable HTTP mode for load balancing. */
            services?: components["schemas"]["Service"][];
            /** @description List of domains associated with the service. Domains are used to access the service over the Internet. */
            domains?: components["schemas"]["Domain"][];
            /** @description List of instances assigned to the service. */
            instances?: components["schemas"]["ServiceGroupInstance"][];
            /** @description An optional field representing the status of the request. This field is only set when this message object is used as a response message. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example No service with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example 8
             */
            error?: number;
            /** @description When the service group is deleted automatically after its last instance left it. */
            autokill?: components["schemas"]["ServiceGroupAutokill"];
        };
        /**
         * @example {
         *       "uuid": "12345678-90ab-cdef-1234-567890abcdef",
         *       "name": "funky-town-g756b5d"
         *     }
         */
        ServiceGroupInstance: {
            /**
             * Format: uuid
             * @description The UUID of the instance. This is a unique identifier for the instance that is generated when the instance is created. The UUID is used to reference the instance in API calls and can be used to identify the instance in all API calls that require an instance identifier.
             * @example 12345678-90ab-cdef-1234-567890abcdef
             */
            uuid?: string;
            /**
             * @description The name of the instance. This is a human-readable name that can be used to identify the instance. The name must be unique within the context of your account. If no name is specified, a random name is generated for you. The name can also be used to identify the instance in API calls.
             * @example funky-vol-g7gum5cj
             */
            name?: string;
        };
        /**
         * @example {
         *       "name": "funky-instance-template",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000"
         *     }
         */
        ServiceGroupTemplate: {
            /**
             * @description The name of the template used for the autoscale configuration.
             * @example funky-instance-template
             */
            name?: string;
            /**
             * Format: uuid
             * @description The UUID of the template used for the autoscale configuration.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "state": "starting",
         *             "previous_state": "stopped"
         *           }
         *         ]
         *       },
         *       "op_time_us": 256
         *     }
         */
        StartInstanceResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["StartInstanceResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 256
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "state": "starting",
         *           "previous_state": "stopped"
         *         }
         *       ]
         *     }
         */
        StartInstanceResponseData: {
            /** @description The instance(s) which were started by the request. */
            instances?: components["schemas"]["StartInstanceResponseStartedInstance"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "state": "running",
         *       "previous_state": "stopped"
         *     }
         */
        StartInstanceResponseStartedInstance: {
            /** @description Indicates whether the start operation was successful or not for this instance. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the instance which was deleted.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance which was deleted.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description The current state of the instance after this request.
             * @example running
             */
            state?: string;
            /**
             * @description The previous state of the instance before it was deleted.
             * @example stopped
             */
            previous_state?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "state": "stopping",
         *             "previous_state": "running"
         *           }
         *         ]
         *       },
         *       "op_time_us": 23
         *     }
         */
        StopInstanceResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["StopInstanceResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 23
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "state": "stopping",
         *           "previous_state": "running"
         *         }
         *       ]
         *     }
         */
        StopInstanceResponseData: {
            /** @description The instance(s) which were stopped by the request. */
            instances?: components["schemas"]["StopInstanceResponseStoppedInstance"][];
        };
        /**
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "state": "stopping",
         *       "previous_state": "running"
         *     }
         */
        StopInstanceResponseStoppedInstance: {
            /**
             * Format: uuid
             * @description The UUID of the instance.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description The current state of the instance.
             * @enum {string}
             */
            state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
            /**
             * @description The previous state of the instance before the stop operation was invoked.
             * @enum {string}
             */
            previous_state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
            /** @description Whether the operation succeeded for this instance. */
            status?: components["schemas"]["ResponseStatus"];
        };
        /**
         * @example {
         *       "name": "funky-town-g756b5d",
         *       "drain_timeout_ms": 250
         *     }
         */
        StopInstancesRequestID: {
            /**
             * Format: uuid
             * @description The UUID of the instance to stop. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance to stop. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description Whether to immediately force stop the instance.
             * @example false
             */
            force?: boolean;
            /**
             * Format: int64
             * @description Timeout for draining connections in milliseconds. The instance does not receive new connections in the draining phase. The instance is stopped when the last connection has been closed or the timeout expired. The maximum timeout may vary. Use -1 for the largest possible value.
             *
             *     Note: This endpoint does not block. Use the wait endpoint for the instance to reach the stopped state.
             * @example 250
             */
            drain_timeout_ms?: number;
            /**
             * @description Shut the instance down quickly, skipping parts of the clean shutdown; `force` takes precedence.
             * @example false
             */
            quick?: boolean;
            /**
             * @description Stop the instance only if it is in this state at the time of the request.
             * @example running
             */
            ifstate?: string;
            /**
             * @description Make the VMM stop at once and write a core dump; only together with `force`.
             * @example false
             */
            dump?: boolean;
        } & (unknown | unknown);
        /**
         * @example {
         *       "prop": "memory_mb",
         *       "op": "set",
         *       "value": 256,
         *       "id": "op-1"
         *     }
         */
        UpdateInstanceByUUIDRequestBody: {
            /**
             * @description The property to modify.
             * @example memory_mb
             * @enum {string}
             */
            prop: "image" | "args" | "env" | "memory_mb" | "vcpus" | "scale_to_zero" | "tags" | "delete_lock" | "schedules" | "autokill" | "hostname" | "roms" | "dependencies" | "sched_priority" | "plugins" | "annotations";
            /**
             * @description The operation to perform on the property.
             * @example set
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * @description The value for the update operation. The type depends on the property and operation:
             *
             *     - For "image": string
             *     - For "args": string or array of strings
             *     - For "env": object (for SET/ADD) or string/array of strings (for DEL)
             *     - For "memory_mb": integer
             *     - For "vcpus": integer
             *     - For "scale_to_zero": object with cooldown_time_ms, policy, and stateful fields
             *     - For "tags": array of strings
             *     - For "delete_lock": boolean
             *
             *     Properties added by the current API (value types in our words):
             *
             *     - For "schedules": array of schedules (Schedule)
             *     - For "autokill": object with time_ms and num_requests
             *     - For "hostname": string
             *     - For "roms": array of ROMs (CreateInstanceRequestRom)
             *     - For "dependencies": array of instance references (NameOrUUID)
             *     - For "sched_priority": string (normal, medium, high or admin)
             *     - For "plugins": array of plugins (CreateInstanceRequestPlugin)
             *     - For "annotations": object (for SET/ADD) or string/array of strings (for DEL), like env
             * @example 256
             */
            value?: string | string[] | {
                [key: string]: string;
            } | number | components["schemas"]["InstanceScaleToZero"] | boolean | components["schemas"]["Schedule"][] | components["schemas"]["CreateInstanceRequestRom"][] | components["schemas"]["CreateInstanceRequestPlugin"][] | components["schemas"]["NameOrUUID"][] | components["schemas"]["CreateInstanceRequestAutokill"];
        };
        /**
         * @example {
         *       "name": "funky-town-g756b5d",
         *       "prop": "memory_mb",
         *       "op": "set",
         *       "value": 256,
         *       "id": "op-1"
         *     }
         */
        UpdateInstancesRequest: {
            /**
             * @description The property to modify.
             * @example memory_mb
             * @enum {string}
             */
            prop: "image" | "args" | "env" | "memory_mb" | "vcpus" | "scale_to_zero" | "tags" | "delete_lock" | "schedules" | "autokill" | "hostname" | "roms" | "dependencies" | "sched_priority" | "plugins" | "annotations";
            /**
             * @description The operation to perform on the property.
             * @example set
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * Format: uuid
             * @description The UUID of the instance to update. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance to update. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description The value for the update operation. The type depends on the property and operation:
             *
             *     - For "image": string
             *     - For "args": string or array of strings
             *     - For "env": object (for SET/ADD) or string/array of strings (for DEL)
             *     - For "memory_mb": integer
             *     - For "vcpus": integer
             *     - For "scale_to_zero": object with cooldown_time_ms, policy, and stateful fields
             *     - For "tags": array of strings
             *     - For "delete_lock": boolean
             *
             *     Properties added by the current API (value types in our words):
             *
             *     - For "schedules": array of schedules (Schedule)
             *     - For "autokill": object with time_ms and num_requests
             *     - For "hostname": string
             *     - For "roms": array of ROMs (CreateInstanceRequestRom)
             *     - For "dependencies": array of instance references (NameOrUUID)
             *     - For "sched_priority": string (normal, medium, high or admin)
             *     - For "plugins": array of plugins (CreateInstanceRequestPlugin)
             *     - For "annotations": object (for SET/ADD) or string/array of strings (for DEL), like env
             * @example 256
             */
            value?: string | string[] | {
                [key: string]: string;
            } | number | components["schemas"]["InstanceScaleToZero"] | boolean | components["schemas"]["Schedule"][] | components["schemas"]["CreateInstanceRequestRom"][] | components["schemas"]["CreateInstanceRequestPlugin"][] | components["schemas"]["NameOrUUID"][] | components["schemas"]["CreateInstanceRequestAutokill"];
        } & (unknown | unknown);
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "status": "success",
         *             "id": "op-1"
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        UpdateInstancesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["UpdateInstancesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "status": "success",
         *           "id": "op-1"
         *         }
         *       ]
         *     }
         */
        UpdateInstancesResponseData: {
            /** @description List of instances that were processed during the update operation. */
            instances?: components["schemas"]["UpdateInstancesResponseUpdatedInstance"][];
        };
        /**
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "status": "success",
         *       "id": "op-1"
         *     }
         */
        UpdateInstancesResponseUpdatedInstance: {
            /**
             * Format: uuid
             * @description The UUID of the instance that was updated.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance that was updated.
             * @example funky-town-g756b5d
             */
            name?: string;
            /** @description The status of this particular instance update operation. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description (Optional). The client-provided ID from the request.
             * @example op-1
             */
            id?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "prop": "services",
         *       "op": "set",
         *       "value": [
         *         {
         *           "port": 443,
         *           "destination_port": 8080,
         *           "handlers": [
         *             "tls",
         *             "http"
         *           ]
         *         }
         *       ],
         *       "id": "op-1"
         *     }
         */
        UpdateServiceGroupByUUIDRequestBody: {
            /**
             * @description The property to modify.
             * @example services
             * @enum {string}
             */
            prop: "services" | "domains" | "soft_limit" | "hard_limit" | "autokill";
            /**
             * @description The operation to perform.
             * @example set
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * @description The value for the update operation:
             *
             *     - For "services": array of Service objects
             *     - For "domains": array of domain objects (`name`, optional `certificate`)
             *     - For "soft_limit": integer (1–65535), must be <= "hard_limit"
             *     - For "hard_limit": integer (1–65535), must be >= "soft_limit"
             *     - For "autokill": an object with `time_ms`, the time without instances after which the group is deleted
             * @example [
             *       {
             *         "port": 443,
             *         "destination_port": 8080,
             *         "handlers": [
             *           "tls",
             *           "http"
             *         ]
             *       }
             *     ]
             */
            value?: components["schemas"]["Service"][] | components["schemas"]["CreateServiceGroupRequestDomain"][] | number | components["schemas"]["CreateServiceGroupRequestAutokill"];
        };
        /**
         * @example {
         *       "name": "funky-service-g7gum5cj",
         *       "prop": "soft_limit",
         *       "op": "set",
         *       "value": 5,
         *       "id": "op-1"
         *     }
         */
        UpdateServiceGroupsRequestItem: {
            /**
             * @description The property to modify.
             * @example services
             * @enum {string}
             */
            prop: "services" | "domains" | "soft_limit" | "hard_limit" | "autokill";
            /**
             * @description The operation to perform.
             * @example set
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * Format: uuid
             * @description The UUID of the service group to update. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the service group to update. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description The value for the update operation:
             *
             *     - For "services": array of Service objects
             *     - For "domains": array of domain objects (`name`, optional `certificate`)
             *     - For "soft_limit": integer (1–65535), must be <= "hard_limit"
             *     - For "hard_limit": integer (1–65535), must be >= "soft_limit"
             *     - For "autokill": an object with `time_ms`, the time without instances after which the group is deleted
             * @example [
             *       {
             *         "port": 443,
             *         "destination_port": 8080,
             *         "handlers": [
             *           "tls",
             *           "http"
             *         ]
             *       }
             *     ]
             */
            value?: components["schemas"]["Service"][] | components["schemas"]["CreateServiceGroupRequestDomain"][] | number | components["schemas"]["CreateServiceGroupRequestAutokill"];
        } & (unknown | unknown);
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "service_groups": [
         *           {
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-service-g7gum5cj",
         *             "status": "success",
         *             "id": "op-1"
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        UpdateServiceGroupsResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["UpdateServiceGroupsResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "service_groups": [
         *         {
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-service-g7gum5cj",
         *           "status": "success",
         *           "id": "op-1"
         *         }
         *       ]
         *     }
         */
        UpdateServiceGroupsResponseData: {
            /** @description List of service groups that were processed during the update operation. */
            service_groups?: components["schemas"]["UpdateServiceGroupsResponseUpdatedServiceGroup"][];
        };
        /**
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "status": "success",
         *       "id": "op-1"
         *     }
         */
        UpdateServiceGroupsResponseUpdatedServiceGroup: {
            /**
             * Format: uuid
             * @description The UUID of the service group that was updated.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the service group that was updated.
             * @example funky-town-g756b5d
             */
            name?: string;
            /** @description The status of this particular service group update operation. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description (Optional). The client-provided ID from the request.
             * @example op-1
             */
            id?: string;
            /**
             * @description An optional message providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example No service with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "prop": "size_mb",
         *       "op": "set",
         *       "value": 128,
         *       "id": "op-1"
         *     }
         */
        UpdateVolumeByUUIDRequestBody: {
            /**
             * @description The property to modify.
             * @example size_mb
             * @enum {string}
             */
            prop: "size_mb" | "tags" | "quota_policy" | "delete_lock";
            /**
             * @description The operation to perform.
             * @example set
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * @description The value for the update operation. The type depends on the property and operation:
             *
             *     - For "size_mb": unsigned integer
             *     - For "quota_policy": "static" or "dynamic"
             *     - For "tags": array of Strings
             *     - For "delete_lock": boolean
             * @example 128
             */
            value?: number | ("static" | "dynamic") | (1 | 2) | string[] | boolean;
        };
        /**
         * @example {
         *       "name": "funky-vol-g7gum5cj",
         *       "prop": "size_mb",
         *       "op": "set",
         *       "value": 128,
         *       "id": "op-1"
         *     }
         */
        UpdateVolumesRequestItem: {
            /**
             * @description The property to modify.
             * @example size_mb
             * @enum {string}
             */
            prop: "size_mb" | "tags" | "quota_policy" | "delete_lock";
            /**
             * @description The operation to perform.
             * @example set
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * Format: uuid
             * @description The UUID of the volume to update. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the volume to update. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description The value for the update operation. The type depends on the property and operation:
             *
             *     - For "size_mb": unsigned integer
             *     - For "quota_policy": 1 - static reservation, 2 - dynamic reservation
             *     - For "tags": array of Strings
             *     - For "delete_lock": boolean
             * @example 128
             */
            value?: number | (1 | 2) | ("static" | "dynamic") | string[] | boolean;
        } & (unknown | unknown);
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "volumes": [
         *           {
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-vol-g7gum5cj",
         *             "status": "success",
         *             "id": "op-1"
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        UpdateVolumesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["UpdateVolumesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "volumes": [
         *         {
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-vol-g7gum5cj",
         *           "status": "success",
         *           "id": "op-1"
         *         }
         *       ]
         *     }
         */
        UpdateVolumesResponseData: {
            /** @description List of volumes that were processed during the update operation. */
            volumes?: components["schemas"]["UpdateVolumesResponseUpdatedVolume"][];
        };
        /**
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-vol-g7gum5cj",
         *       "status": "success",
         *       "id": "op-1"
         *     }
         */
        UpdateVolumesResponseUpdatedVolume: {
            /**
             * Format: uuid
             * @description The UUID of the volume that was updated.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the service group that was updated.
             * @example funky-town-g756b5d
             */
            name?: string;
            /** @description The status of this particular volume update operation. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description (Optional). The client-provided ID from the request.
             * @example op-1
             */
            id?: string;
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No volume with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "name": "funky-town-g7gum5cj",
         *       "created_at": "2021-01-01T00:00:00Z",
         *       "state": "mounted",
         *       "size_mb": 64,
         *       "persistent": true,
         *       "attached_to": [
         *         {
         *           "name": "funky-town-g756b5d"
         *         }
         *       ],
         *       "mounted_by": [
         *         {
         *           "name": "funky-town-g756b5d"
         *         }
         *       ],
         *       "tags": [
         *         "production"
         *       ],
         *       "status": "success"
         *     }
         */
        Volume: {
            /**
             * Format: uuid
             * @description The UUID of the volume.
             *
             *     This is a unique identifier for the volume that is generated when the volume is created. The UUID is used to reference the volume in API calls and can be used to identify the volume in all API calls that require an identifier.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the volume.
             *
             *     This is a human-readable name that can be used to identify the volume. The name must be unique within the context of your account. The name can also be used to identify the volume in API calls.
             * @example funky-town-g7gum5cj
             */
            name?: string;
            /**
             * Format: date-time
             * @description The time the volume was created.
             * @example 2021-01-01T00:00:00Z
             */
            created_at?: string;
            /**
             * @description Current state of the volume.
             * @enum {string}
             */
            state?: "uninitialized" | "initializing" | "available" | "idle" | "mounted" | "busy" | "error" | "template";
            /**
             * Format: uint64
             * @description The size of the volume in megabytes.
             * @example 64
             */
            size_mb?: number;
            /**
             * @description Indicates if the volume will stay alive when the last instance is deleted that this volume is attached to.
             * @example true
             */
            persistent?: boolean;
            /** @description List of instances that this volume is attached to. */
            attached_to?: components["schemas"]["VolumeInstanceID"][];
            /** @description List of instances that have this volume mounted. */
            mounted_by?: components["schemas"]["VolumeVolumeInstanceMount"][];
            /** @description The tags associated with the volume. */
            tags?: string[];
            /** @description An optional field representing the status of the request. This field is only set when this message object is used as a response message. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example No volume with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is only set when this message object is used as a response message, and is useful when the status is not success.
             * @example 8
             */
            error?: number;
            /**
             * @description How the volume's size is reserved against the account's quota, `static` or `dynamic` reservation.
             * @example static
             * @enum {string}
             */
            quota_policy?: "static" | "dynamic";
            /**
             * @description When true the volume is protected against deletion.
             * @example false
             */
            delete_lock?: boolean;
            /**
             * Format: uint64
             * @description The space still free in the volume, in megabytes.
             * @example 48
             */
            free_mb?: number;
            /**
             * @description The filesystem of the volume, usually `ext4` or `virtiofs`.
             * @example ext4
             */
            filesystem?: string;
            /**
             * @description The host path that backs a managed volume; only reported for such volumes and to callers allowed to see it.
             * @example /srv/volumes/funky
             */
            host_path?: string;
            /**
             * @description How the volume may be shared (`rwo` one instance read-write, `rox` many instances read-only, `rwx` many instances read-write).
             * @example rwo
             * @enum {string}
             */
            access_mode?: "rwo" | "rox" | "rwx";
            /**
             * Format: uint32
             * @description The guest user ID that owns the files of a host-path volume.
             * @example 1000
             */
            uid?: number;
            /**
             * Format: uint32
             * @description The guest group ID that owns the files of a host-path volume.
             * @example 1000
             */
            gid?: number;
            /**
             * @description The named arguments that were given to the initialisation scripts of a custom volume filesystem.
             * @example {
             *       "label": "data"
             *     }
             */
            args?: {
                [key: string]: string;
            };
        };
        /**
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g7gum5cj"
         *     }
         */
        VolumeInstanceID: {
            /**
             * Format: uuid
             * @description The UUID of the instance that the volume is attached to.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance that the volume is attached to.
             * @example funky-town-g7gum5cj
             */
            name?: string;
        };
        /**
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g7gum5cj"
         *     }
         */
        VolumeVolumeInstanceMount: {
            /**
             * Format: uuid
             * @description The UUID of the instance that the volume is mounted in.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance that the volume is mounted in.
             * @example funky-town-g7gum5cj
             */
            name?: string;
            /**
             * @description Whether the instance mounts the volume read-only.
             * @example false
             */
            readonly?: boolean;
        };
        /**
         * @example {
         *       "state": "running",
         *       "timeout_ms": 450
         *     }
         */
        WaitInstanceByUUIDRequestBody: {
            /**
             * @description The desired state to wait for. Default is running.
             * @default running
             * @example running
             * @enum {string}
             */
            state: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby";
            /**
             * Format: int64
             * @description Timeout in milliseconds to wait for the instance to reach the desired state. If the timeout is reached, the request will fail with an error. A value of -1 means to wait indefinitely until the instance reaches the desired state.
             * @example 450
             */
            timeout_ms?: number;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "state": "running"
         *           }
         *         ]
         *       },
         *       "op_time_us": 450
         *     }
         */
        WaitInstanceResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["WaitInstanceResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 450
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "state": "running"
         *         }
         *       ]
         *     }
         */
        WaitInstanceResponseData: {
            /** @description The instance(s) which this requested waited on. */
            instances?: components["schemas"]["WaitInstanceResponseWaitedInstance"][];
        };
        /**
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "state": "running"
         *     }
         */
        WaitInstanceResponseWaitedInstance: {
            /**
             * Format: uuid
             * @description The UUID of the instance.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description The current state of the instance.
             * @enum {string}
             */
            state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
            /** @description Whether the operation succeeded for this instance. */
            status?: components["schemas"]["ResponseStatus"];
        };
        /**
         * @description A template instance: a stopped instance (without snapshots) that was converted into a template
         *     from which new instances can be created. Templates are instances (in the `template` state), so a
         *     template carries the instance fields: the schema is `Instance`. Entries of a response also carry
         *     the per-item `status`, `message` and `error`.
         * @example {
         *       "status": "success",
         *       "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
         *       "name": "nginx-template-k3m9q2z",
         *       "created_at": "2023-10-01T12:00:00Z",
         *       "state": "template",
         *       "image": "nginx:latest",
         *       "memory_mb": 1024,
         *       "vcpus": 1,
         *       "args": [
         *         "--port=8080",
         *         "--debug"
         *       ],
         *       "env": {
         *         "ENV_VAR": "value"
         *       },
         *       "restart_policy": "never",
         *       "tags": [
         *         "nginx",
         *         "base"
         *       ]
         *     }
         */
        TemplateInstance: components["schemas"]["Instance"];
        /**
         * @description The response data of a template listing.
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
         *           "name": "nginx-template-k3m9q2z",
         *           "created_at": "2023-10-01T12:00:00Z",
         *           "state": "template",
         *           "image": "nginx:latest",
         *           "memory_mb": 1024,
         *           "vcpus": 1,
         *           "tags": [
         *             "nginx",
         *             "base"
         *           ]
         *         }
         *       ]
         *     }
         */
        GetTemplatesResponseData: {
            /** @description The template instance(s) that were retrieved by the request. */
            instances?: components["schemas"]["TemplateInstance"][];
        };
        /**
         * @description Response of listing template instances or getting one by UUID.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
         *             "name": "nginx-template-k3m9q2z",
         *             "created_at": "2023-10-01T12:00:00Z",
         *             "state": "template",
         *             "image": "nginx:latest",
         *             "memory_mb": 1024,
         *             "vcpus": 1,
         *             "tags": [
         *               "nginx",
         *               "base"
         *             ]
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        GetTemplatesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetTemplatesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @description The response data of converting instances into template instances.
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
         *           "name": "nginx-template-k3m9q2z",
         *           "state": "template"
         *         }
         *       ]
         *     }
         */
        CreateTemplatesResponseData: {
            /** @description The instance(s) which were converted into template instances by the request. Each entry carries its own status; an instance that could not be converted (not stopped, has snapshots, unknown) is listed with status error. */
            instances?: components["schemas"]["CreateTemplateInstancesResponseTemplateInstance"][];
        };
        /**
         * @description Response of converting instances into template instances.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
         *             "name": "nginx-template-k3m9q2z",
         *             "state": "template"
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        CreateTemplatesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["CreateTemplatesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @description One update of a template instance, referenced by UUID or name (exactly one of them).
         * @example {
         *       "name": "funky-town-g756b5d",
         *       "prop": "tags",
         *       "op": "add",
         *       "value": [
         *         "production"
         *       ],
         *       "id": "op-1"
         *     }
         */
        UpdateTemplatesRequestItem: {
            /**
             * @description The property to modify.
             * @example tags
             * @enum {string}
             */
            prop: "tags" | "delete_lock" | "autokill";
            /**
             * @description The operation to perform on the property.
             * @example add
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * Format: uuid
             * @description The UUID of the template instance to update. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the template instance to update. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description The value for the update operation. The type depends on the property and operation:
             *     - For "tags": array of strings
             *     - For "delete_lock": boolean
             *     - For "autokill": an object with `time_ms`
             * @example [
             *       "production"
             *     ]
             */
            value?: string[] | boolean | components["schemas"]["ItemAutokill"];
        } & (unknown | unknown);
        /**
         * @description An update of the template instance named by the UUID in the path.
         * @example {
         *       "prop": "delete_lock",
         *       "op": "set",
         *       "value": true,
         *       "id": "op-1"
         *     }
         */
        UpdateTemplateByUUIDRequestBody: {
            /**
             * @description The property to modify.
             * @example tags
             * @enum {string}
             */
            prop: "tags" | "delete_lock" | "autokill";
            /**
             * @description The operation to perform on the property.
             * @example add
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * @description The value for the update operation. The type depends on the property and operation:
             *     - For "tags": array of strings
             *     - For "delete_lock": boolean
             *     - For "autokill": an object with `time_ms`
             * @example [
             *       "production"
             *     ]
             */
            value?: string[] | boolean | components["schemas"]["ItemAutokill"];
        };
        /**
         * @description An image given together with options for pulling it, instead of a plain image reference string.
         * @example {
         *       "url": "nginx:latest",
         *       "pull_policy": "always"
         *     }
         */
        ImageSpec: {
            /**
             * @description The image reference to pull, such as a registry name and tag.
             * @example nginx:latest
             */
            url: string;
            /**
             * @description Credentials for the OCI registry that serves the image; only accepted for OCI registry URLs.
             * @example user:token
             */
            credentials?: string;
            /**
             * @description Additional HTTP headers sent when the image is fetched.
             * @example {
             *       "X-Request-Source": "ukc-ts"
             *     }
             */
            headers?: {
                [key: string]: string;
            };
            /**
             * @description Whether to pull the image again or use the copy already cached on the node.
             * @example if_not_present
             * @enum {string}
             */
            pull_policy?: "always" | "if_not_present" | "never";
        };
        /**
         * @description A file given inline, from which the platform builds ROM content.
         * @example {
         *       "path": "/etc/app/config.json",
         *       "encoding": "text",
         *       "data": "{\"debug\": true}"
         *     }
         */
        InlineFile: {
            /**
             * @description The path of the file inside the built image.
             * @example /etc/app/config.json
             */
            path: string;
            /**
             * @description How `data` is encoded; `text` when omitted.
             * @default text
             * @example text
             * @enum {string}
             */
            encoding: "text" | "base64";
            /**
             * @description The content of the file, encoded as `encoding` says.
             * @example {"debug": true}
             */
            data: string;
        };
        /**
         * @description An action run on an instance whenever a calendar expression (systemd calendar-event syntax, UTC) matches.
         * @example {
         *       "name": "evening-stop",
         *       "when": "*-*-* 20:00:00",
         *       "action": "stop"
         *     }
         */
        Schedule: {
            /**
             * @description The name of the schedule, unique among the schedules of one instance.
             * @example evening-stop
             */
            name: string;
            /**
             * @description The calendar expression in systemd calendar-event syntax, e.g. `*-*-* 20:00:00` for 20:00 UTC every day or `Sat,Sun *-*-* 09:00:00` for weekends.
             * @example *-*-* 20:00:00
             */
            when: string;
            /**
             * @description What happens to the instance when the expression matches.
             * @example stop
             * @enum {string}
             */
            action: "start" | "stop" | "delete" | "exec";
            /**
             * Format: date-time
             * @description When the action runs next. Filled in by the server in answers; not sent in requests.
             * @example 2023-10-01T20:00:00Z
             */
            next_at?: string;
            /**
             * @description For the `exec` action only: the command to run inside the instance, the executable first and then its arguments.
             * @example [
             *       "/bin/sh",
             *       "-c",
             *       "echo hello"
             *     ]
             */
            args?: string[];
        };
        /**
         * @description The scale-to-zero settings of a new instance.
         * @example {
         *       "policy": "idle",
         *       "stateful": true,
         *       "cooldown_time_ms": 3000
         *     }
         */
        CreateInstanceScaleToZero: {
            /**
             * @description The specific policy to use for scaling the instance to zero.
             * @example idle
             * @enum {string}
             */
            policy?: "on" | "off" | "idle";
            /**
             * @description Whether the instance should be stateful when scaled to zero. If set to true, the instance will retain its state (e.g., RAM contents) when scaled to zero. This is useful for instances that need to maintain their state across scale-to-zero operations. If set to false, the instance will lose its state when scaled to zero, and it will be restarted from scratch when scaled back up.
             * @example true
             */
            stateful?: boolean;
            /**
             * Format: int32
             * @description The cooldown time in milliseconds before the instance can be scaled to zero again. This is useful to prevent rapid scaling to zero and back up, which can lead to performance issues or resource exhaustion.
             * @example 3000
             */
            cooldown_time_ms?: number;
            /**
             * Format: int32
             * @description How many milliseconds before it is scaled to zero the instance is notified, so that it can clean up or save state.
             * @example 1000
             */
            notify_time_ms?: number;
        };
        /**
         * @description A read-only memory (ROM) blob attached to a new instance, taken from an image or built from inline files.
         * @example {
         *       "name": "app-config",
         *       "image": "funky-user/app-config:latest",
         *       "at": "/etc/app"
         *     }
         */
        CreateInstanceRequestRom: {
            /**
             * @description The name of the ROM.
             * @example app-config
             */
            name: string;
            /**
             * @description The image holding the ROM content, as a plain reference or an ImageSpec. Not together with `files`.
             * @example funky-user/app-config:latest
             */
            image?: string | components["schemas"]["ImageSpec"];
            /**
             * @description Where the ROM is mounted inside the instance. Without it the ROM is a raw block device that the guest mounts itself.
             * @example /etc/app
             */
            at?: string;
            /** @description Files from which the platform builds the ROM (as an EROFS image). Not together with `image`. */
            files?: components["schemas"]["InlineFile"][];
        };
        /**
         * @description A small helper program attached to a new instance: it loads from its own ROM image and is reached through the instance's plugin endpoint (at most 8 per instance).
         * @example {
         *       "name": "metrics-agent",
         *       "rom": "funky-user/metrics-agent:latest"
         *     }
         */
        CreateInstanceRequestPlugin: {
            /**
             * @description The plugin name (at most 63 letters, digits, `-` and `_`). It is the plugin's segment in the endpoint path and its mount point `/uk/plugins/<name>`.
             * @example metrics-agent
             */
            name: string;
            /**
             * @description The image the plugin is loaded from, as a plain reference or an ImageSpec.
             * @example funky-user/metrics-agent:latest
             */
            rom: string | components["schemas"]["ImageSpec"];
            /**
             * @description Any JSON value; the plugin's init program reads it on its standard input.
             * @example {
             *       "interval_s": 10
             *     }
             */
            config?: unknown;
        };
        /**
         * @description Automatic deletion of a prepared template that has not been used for some time.
         * @example {
         *       "time_ms": 3600000
         *     }
         */
        TemplateAutokill: {
            /**
             * Format: uint64
             * @description Milliseconds after the template was last used to create an instance before it is deleted; 0 turns this off.
             * @example 3600000
             */
            time_ms?: number;
        };
        /**
         * @description The template a new instance is created from, by UUID or name, and whether it is prepared first.
         * @example {
         *       "name": "nginx-template-k3m9q2z"
         *     }
         */
        CreateInstanceRequestTemplate: {
            /**
             * Format: uuid
             * @description The UUID of the template. Mutually exclusive with name.
             * @example 9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b
             */
            uuid?: string;
            /**
             * @description The name of the template. Mutually exclusive with UUID.
             * @example nginx-template-k3m9q2z
             */
            name?: string;
            /**
             * @description Whether the instance has to run first to reach the template state.
             * @example false
             */
            prepare?: boolean;
            /**
             * @description Settings applied to the new instance on top of what the template holds, written with the field names of an instance (e.g. `memory_mb`, `env`). The vendor types this as a whole Instance object; it is left untyped here because no instance field is required in it.
             * @example {
             *       "memory_mb": 256
             *     }
             */
            create_args?: unknown;
            /**
             * Format: uint32
             * @description Seconds allowed for preparing the template before preparation is given up (only with `prepare`); 0 means no limit.
             * @example 60
             */
            prepare_timeout_s?: number;
            /** @description Deletion of the prepared template once it is unused (only with `prepare`). */
            autokill?: components["schemas"]["TemplateAutokill"];
        };
        /**
         * @description When a new instance is deleted automatically: some time after it stopped, or after it served a number of requests. Not used for templates.
         * @example {
         *       "time_ms": 60000
         *     }
         */
        CreateInstanceRequestAutokill: {
            /**
             * Format: uint64
             * @description Milliseconds after the instance stopped before it is deleted; 0 turns the time limit off.
             * @example 60000
             */
            time_ms?: number;
            /**
             * Format: uint64
             * @description Number of requests or connections after which the instance is deleted; 0 turns the request limit off.
             * @example 1000
             */
            num_requests?: number;
        };
        /**
         * @description Another interface through which all traffic of a new interface is routed.
         * @example {
         *       "name": "gateway-eth0",
         *       "relay_dns": true
         *     }
         */
        NetworkInterfaceRelay: {
            /**
             * @description Whether DNS requests are routed through the relay too (default true); false leaves them to the default DNS server.
             * @example true
             */
            relay_dns?: boolean;
            /**
             * Format: uuid
             * @description The UUID of the relay interface.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the relay interface.
             * @example gateway-eth0
             */
            name?: string;
        };
        /**
         * @description A network interface to give a new instance.
         * @example {
         *       "name": "funky-town-g756b5d-eth1",
         *       "autoconfig": true
         *     }
         */
        CreateInstanceRequestNetworkInterface: {
            /**
             * @description The interface name; generated from the instance name when omitted.
             * @example funky-town-g756b5d-eth1
             */
            name?: string;
            /**
             * @description The TAP device the interface is attached to; give it together with `ip` to bring your own interface.
             * @example tap-funky1
             */
            tap_name?: string;
            /**
             * @description The address of the interface in CIDR notation; give it together with `tap_name`.
             * @example 10.0.1.5/24
             */
            ip?: string;
            /**
             * @description Whether the guest configures the interface by itself (default true).
             * @example true
             */
            autoconfig?: boolean;
            /** @description An interface through which this interface's traffic is routed. */
            relay?: components["schemas"]["NetworkInterfaceRelay"];
        };
        /**
         * @description The interface through which an instance's network interface routes its traffic.
         * @example {
         *       "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
         *       "name": "gateway-eth0",
         *       "relay_dns": true
         *     }
         */
        InstanceNetworkInterfaceRelay: {
            /**
             * Format: uuid
             * @description The UUID of the relay interface.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the relay interface.
             * @example gateway-eth0
             */
            name?: string;
            /**
             * @description Whether DNS traffic is routed through the relay as well.
             * @example true
             */
            relay_dns?: boolean;
        };
        /**
         * @description The snapshot an instance has, when it has one.
         * @example {
         *       "uuid": "4c3b2a1e-0d9f-4e8a-b7c6-5d4e3f2a1b0c"
         *     }
         */
        InstanceSnapshot: {
            /**
             * Format: uuid
             * @description The UUID of the snapshot.
             * @example 4c3b2a1e-0d9f-4e8a-b7c6-5d4e3f2a1b0c
             */
            uuid?: string;
        };
        /**
         * @description Where an instance stands in its current sequence of automatic restarts.
         * @example {
         *       "attempt": 2,
         *       "next_at": "2023-10-01T12:00:10Z"
         *     }
         */
        InstanceRestartAttempt: {
            /**
             * Format: uint32
             * @description How many automatic restarts the current sequence has performed so far.
             * @example 2
             */
            attempt?: number;
            /**
             * Format: date-time
             * @description When the next automatic restart takes place, while a back-off delay is in effect.
             * @example 2023-10-01T12:00:10Z
             */
            next_at?: string;
        };
        /**
         * @description A read-only memory (ROM) blob attached to an instance.
         * @example {
         *       "name": "app-config",
         *       "image": "funky-user/app-config:latest",
         *       "at": "/etc/app"
         *     }
         */
        InstanceRom: {
            /**
             * @description The name of the ROM.
             * @example app-config
             */
            name?: string;
            /**
             * @description The image the ROM content comes from (absent for a ROM built from inline files).
             * @example funky-user/app-config:latest
             */
            image?: string;
            /**
             * @description Where the ROM is mounted inside the instance; absent when the guest mounts the raw device itself.
             * @example /etc/app
             */
            at?: string;
            /** @description The inline files the ROM was built from. */
            files?: components["schemas"]["InlineFile"][];
        };
        /**
         * @description A helper program attached to an instance and reached through the instance's plugin endpoint.
         * @example {
         *       "name": "metrics-agent",
         *       "rom": "funky-user/metrics-agent:latest"
         *     }
         */
        InstancePlugin: {
            /**
             * @description The plugin name, its segment in the plugin endpoint path.
             * @example metrics-agent
             */
            name?: string;
            /**
             * @description The image reference the plugin is loaded from.
             * @example funky-user/metrics-agent:latest
             */
            rom?: string;
            /**
             * @description The JSON configuration handed to the plugin's init program.
             * @example {
             *       "interval_s": 10
             *     }
             */
            config?: unknown;
        };
        /**
         * @description When an instance is deleted automatically: some time after it stopped, or after it served a number of requests.
         * @example {
         *       "time_ms": 60000
         *     }
         */
        InstanceAutokill: {
            /**
             * Format: uint64
             * @description Milliseconds after the instance stopped before it is deleted; 0 means no time limit.
             * @example 60000
             */
            time_ms?: number;
            /**
             * Format: uint64
             * @description Number of requests or connections after which the instance is deleted; 0 means no request limit.
             * @example 1000
             */
            num_requests?: number;
        };
        /**
         * @description A change of an instance property that is queued and not applied yet.
         * @example {
         *       "prop": "memory_mb",
         *       "op": "set",
         *       "value": 256,
         *       "status": "pending"
         *     }
         */
        InstancePendingUpdate: {
            /**
             * @description The property the change is for.
             * @example memory_mb
             * @enum {string}
             */
            prop?: "image" | "args" | "env" | "memory_mb" | "vcpus" | "scale_to_zero" | "tags" | "delete_lock" | "schedules" | "autokill" | "hostname" | "roms" | "dependencies" | "sched_priority" | "plugins" | "annotations";
            /**
             * @description The kind of change.
             * @example set
             * @enum {string}
             */
            op?: "set" | "add" | "del";
            /**
             * @description The new value; its type depends on the property (see the instance update operations).
             * @example 256
             */
            value?: unknown;
            /**
             * @description Whether the change still waits to be applied or could not be applied.
             * @example pending
             * @enum {string}
             */
            status?: "pending" | "failed";
            /**
             * @description Why the change failed; only present with status `failed`.
             * @example Instance must be stopped
             */
            error?: string;
        };
        /**
         * @description Automatic deletion of a template or checkpoint that has not been used for some time.
         * @example {
         *       "time_ms": 3600000
         *     }
         */
        InstanceTemplateAutokill: {
            /**
             * Format: uint64
             * @description Milliseconds after it was last used to create an instance before it is deleted; 0 means never.
             * @example 3600000
             */
            time_ms?: number;
        };
        /**
         * @description A GPU attached to an instance.
         * @example {
         *       "uuid": "7e6d5c4b-3a29-4f18-9e07-d6c5b4a39281",
         *       "model": "10de:2331"
         *     }
         */
        InstanceGpu: {
            /**
             * Format: uuid
             * @description The UUID of the GPU.
             * @example 7e6d5c4b-3a29-4f18-9e07-d6c5b4a39281
             */
            uuid?: string;
            /**
             * @description The GPU model as its PCI vendor and device ID, `<vendor>:<device>`.
             * @example 10de:2331
             */
            model?: string;
        };
        /**
         * @description One instance to delete, by exactly one of UUID or name, with the deletion options.
         * @example {
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "timeout_s": 10
         *     }
         */
        DeleteInstanceRequestItem: {
            /**
             * Format: uuid
             * @description The UUID of the instance to delete. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance to delete. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * Format: uint32
             * @description Seconds to wait for the deletion to finish; 0 (the default) does not wait.
             * @example 10
             */
            timeout_s?: number;
            /**
             * @description Delete for good at once instead of keeping the instance for the retention period (also ends a retention in progress); has no effect where instances are not retained.
             * @example false
             */
            dont_retain?: boolean;
        } & (unknown | unknown);
        /**
         * @description Options for deleting an instance by UUID.
         * @example {
         *       "dont_retain": true
         *     }
         */
        DeleteInstanceByUUIDRequestBody: {
            /**
             * Format: uint32
             * @description Seconds to wait for the deletion to finish; 0 (the default) does not wait.
             * @example 10
             */
            timeout_s?: number;
            /**
             * @description Delete for good at once instead of keeping the instance for the retention period (also ends a retention in progress); has no effect where instances are not retained.
             * @example false
             */
            dont_retain?: boolean;
        };
        /**
         * @description One instance to start, by exactly one of UUID or name, with the start options.
         * @example {
         *       "name": "funky-town-g756b5d",
         *       "timeout_s": 5
         *     }
         */
        StartInstancesRequestItem: {
            /**
             * Format: uuid
             * @description The UUID of the instance to start. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance to start. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * Format: int64
             * @deprecated
             * @description Older form of `timeout_s`, in milliseconds (rounded up to whole seconds when `timeout_s` is not set); 0 does not wait.
             * @example 2000
             */
            wait_timeout_ms?: number;
            /**
             * Format: uint32
             * @description Seconds to wait for the instance to reach the running state before answering; 0 (the default) answers at once.
             * @example 5
             */
            timeout_s?: number;
        } & (unknown | unknown);
        /**
         * @description Options for starting an instance by UUID.
         * @example {
         *       "timeout_s": 5
         *     }
         */
        StartInstanceByUUIDRequestBody: {
            /**
             * Format: int64
             * @deprecated
             * @description Older form of `timeout_s`, in milliseconds (rounded up to whole seconds when `timeout_s` is not set); 0 does not wait.
             * @example 2000
             */
            wait_timeout_ms?: number;
            /**
             * Format: uint32
             * @description Seconds to wait for the instance to reach the running state before answering; 0 (the default) answers at once.
             * @example 5
             */
            timeout_s?: number;
        };
        /**
         * @description Options for stopping an instance by UUID.
         * @example {
         *       "drain_timeout_ms": 250
         *     }
         */
        StopInstanceByUUIDRequestBody: {
            /**
             * @description Whether to immediately force stop the instance.
             * @example false
             */
            force?: boolean;
            /**
             * Format: int64
             * @description Timeout for draining connections in milliseconds. The instance does not receive new connections in the draining phase. The instance is stopped when the last connection has been closed or the timeout expired. The maximum timeout may vary. Use -1 for the largest possible value.
             *
             *     Note: This endpoint does not block. Use the wait endpoint for the instance to reach the stopped state.
             * @example 250
             */
            drain_timeout_ms?: number;
            /**
             * @description Shut the instance down quickly, skipping parts of the clean shutdown; `force` takes precedence.
             * @example false
             */
            quick?: boolean;
            /**
             * @description Stop the instance only if it is in this state at the time of the request.
             * @example running
             */
            ifstate?: string;
            /**
             * @description Make the VMM stop at once and write a core dump; only together with `force`.
             * @example false
             */
            dump?: boolean;
        };
        /**
         * @description One instance to suspend, by exactly one of UUID or name, with the drain timeout.
         * @example {
         *       "name": "funky-town-g756b5d",
         *       "drain_timeout_ms": 250
         *     }
         */
        SuspendInstancesRequestItem: {
            /**
             * Format: uuid
             * @description The UUID of the instance to suspend. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance to suspend. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * Format: int64
             * @description Milliseconds to drain open connections before the instance is suspended; 0 does not drain and -1 uses the largest timeout allowed.
             * @example 250
             */
            drain_timeout_ms?: number;
        } & (unknown | unknown);
        /**
         * @description Options for suspending an instance by UUID.
         * @example {
         *       "drain_timeout_ms": 250
         *     }
         */
        SuspendInstanceByUUIDRequestBody: {
            /**
             * Format: int64
             * @description Milliseconds to drain open connections before the instance is suspended; 0 does not drain and -1 uses the largest timeout allowed.
             * @example 250
             */
            drain_timeout_ms?: number;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "state": "standby",
         *             "previous_state": "running"
         *           }
         *         ]
         *       },
         *       "op_time_us": 31
         *     }
         */
        SuspendInstancesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["SuspendInstancesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 31
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "state": "standby",
         *           "previous_state": "running"
         *         }
         *       ]
         *     }
         */
        SuspendInstancesResponseData: {
            /** @description The instance(s) the request suspended, each with its own status. */
            instances?: components["schemas"]["SuspendInstancesResponseSuspendedInstance"][];
        };
        /**
         * @description One instance of a suspend request, with its state after and before the request.
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "state": "standby",
         *       "previous_state": "running"
         *     }
         */
        SuspendInstancesResponseSuspendedInstance: {
            /** @description Whether suspending this instance succeeded. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the instance.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * @description The state of the instance after the request (`draining` while connections drain, then `standby`).
             * @example standby
             * @enum {string}
             */
            state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
            /**
             * @description The state of the instance before the request.
             * @example running
             * @enum {string}
             */
            previous_state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-town-g756b5d",
         *             "history": [
         *               {
         *                 "uuid": "2b1a0f9e-8d7c-4b6a-9e5d-4c3b2a1f0e9d",
         *                 "name": "funky-town-g756b5d-ckpt-1",
         *                 "created_at": "2023-10-01T12:30:00Z"
         *               },
         *               {
         *                 "uuid": "8e7d6c5b-4a39-4281-b7f6-e5d4c3b2a190",
         *                 "name": "funky-town-g756b5d-ckpt-2",
         *                 "created_at": "2023-10-01T13:30:00Z"
         *               }
         *             ]
         *           }
         *         ]
         *       },
         *       "op_time_us": 58
         *     }
         */
        GetCheckpointHistoryResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetCheckpointHistoryResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 58
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-town-g756b5d",
         *           "history": [
         *             {
         *               "uuid": "2b1a0f9e-8d7c-4b6a-9e5d-4c3b2a1f0e9d",
         *               "name": "funky-town-g756b5d-ckpt-1",
         *               "created_at": "2023-10-01T12:30:00Z"
         *             },
         *             {
         *               "uuid": "8e7d6c5b-4a39-4281-b7f6-e5d4c3b2a190",
         *               "name": "funky-town-g756b5d-ckpt-2",
         *               "created_at": "2023-10-01T13:30:00Z"
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        GetCheckpointHistoryResponseData: {
            /** @description One entry per requested instance, with its checkpoint history. */
            instances?: components["schemas"]["GetCheckpointHistoryResponseInstanceHistory"][];
        };
        /**
         * @description The checkpoint history of one instance (or checkpoint).
         * @example {
         *       "status": "success",
         *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *       "name": "funky-town-g756b5d",
         *       "history": [
         *         {
         *           "uuid": "2b1a0f9e-8d7c-4b6a-9e5d-4c3b2a1f0e9d",
         *           "name": "funky-town-g756b5d-ckpt-1",
         *           "created_at": "2023-10-01T12:30:00Z"
         *         },
         *         {
         *           "uuid": "8e7d6c5b-4a39-4281-b7f6-e5d4c3b2a190",
         *           "name": "funky-town-g756b5d-ckpt-2",
         *           "created_at": "2023-10-01T13:30:00Z"
         *         }
         *       ]
         *     }
         */
        GetCheckpointHistoryResponseInstanceHistory: {
            /** @description Whether reading the history of this item succeeded. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the instance.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance.
             * @example funky-town-g756b5d
             */
            name?: string;
            /** @description The checkpoints taken of the instance. */
            history?: components["schemas"]["CheckpointHistoryEntry"][];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No instance with name 'funky-town-g756b5d'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @description One checkpoint in the history of an instance.
         * @example {
         *       "uuid": "2b1a0f9e-8d7c-4b6a-9e5d-4c3b2a1f0e9d",
         *       "name": "funky-town-g756b5d-ckpt-1",
         *       "created_at": "2023-10-01T12:30:00Z"
         *     }
         */
        CheckpointHistoryEntry: {
            /**
             * Format: uuid
             * @description The UUID of the checkpoint.
             * @example 2b1a0f9e-8d7c-4b6a-9e5d-4c3b2a1f0e9d
             */
            uuid?: string;
            /**
             * @description The name of the checkpoint.
             * @example funky-town-g756b5d-ckpt-1
             */
            name?: string;
            /**
             * Format: date-time
             * @description When the checkpoint was taken.
             * @example 2023-10-01T12:30:00Z
             */
            created_at?: string;
        };
        /**
         * @description When an emptied service group is deleted automatically.
         * @example {
         *       "time_ms": 60000
         *     }
         */
        ServiceGroupAutokill: {
            /**
             * Format: uint64
             * @description Milliseconds a service group stays without instances before it is deleted; 0 turns automatic deletion off.
             * @example 60000
             */
            time_ms?: number;
        };
        /**
         * @description Delete the service group automatically once it has had no instances for a while.
         * @example {
         *       "time_ms": 60000
         *     }
         */
        CreateServiceGroupRequestAutokill: {
            /**
             * Format: uint64
             * @description Milliseconds the service group may stay without instances before it is deleted; 0 turns automatic deletion off.
             * @example 60000
             */
            time_ms?: number;
        };
        /**
         * @description An autoscale policy as the API reports it. The same as AutoscalePolicy, except that `adjustment_type` also accepts `percent`, the spelling recorded responses use for `percentage`.
         * @example {
         *       "name": "funky-policy",
         *       "enabled": true,
         *       "metric": "cpu",
         *       "adjustment_type": "percent",
         *       "steps": [
         *         {
         *           "adjustment": 50,
         *           "lower_bound": 10,
         *           "upper_bound": 500
         *         }
         *       ]
         *     }
         */
        AutoscalePolicyResponse: {
            /**
             * @description The name of the policy.
             * @example funky-policy
             */
            name?: string;
            /**
             * @description If the policy is enabled.
             * @example true
             */
            enabled?: boolean;
            /**
             * @description Metric to use for the step policy.
             * @enum {string}
             */
            metric?: "cpu";
            /**
             * @description The type of adjustment made by the steps of the policy. `percent` is the spelling of `percentage` seen in recorded responses; treat both alike.
             * @example percentage
             * @enum {string}
             */
            adjustment_type?: "change" | "exact" | "percentage" | "percent";
            /** @description The steps for the step policy. Each step defines an adjustment value and optional bounds. */
            steps?: components["schemas"]["AutoscalePolicyStep"][];
        };
        /**
         * @description How far the validation of a pending certificate has got.
         * @example {
         *       "attempt": 2,
         *       "next": "2023-10-01T12:05:00Z"
         *     }
         */
        CertificateValidation: {
            /**
             * Format: uint32
             * @description How many validation attempts have been made so far, counting the current one.
             * @example 2
             */
            attempt?: number;
            /**
             * Format: date-time
             * @description When the next validation attempt is due.
             * @example 2023-10-01T12:05:00Z
             */
            next?: string;
        };
        /**
         * @description New PEM chain and private key for one certificate, named by UUID or name.
         * @example {
         *       "name": "funky-certificate",
         *       "chain": "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU...\n-----END CERTIFICATE-----\n",
         *       "pkey": "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49...\n-----END PRIVATE KEY-----\n"
         *     }
         */
        UpdateCertificatesRequestItem: {
            /**
             * Format: uuid
             * @description The UUID of the certificate to update. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the certificate to update. Mutually exclusive with UUID.
             * @example funky-certificate
             */
            name?: string;
            /**
             * @description The new certificate chain in PEM format, the certificate first, then any intermediate certificates.
             * @example -----BEGIN CERTIFICATE-----
             *     MIIBszCCAVmgAwIBAgIU...
             *     -----END CERTIFICATE-----
             */
            chain: string;
            /**
             * @description The new private key in PEM format; it must match the public key of the new chain.
             * @example -----BEGIN PRIVATE KEY-----
             *     MIGHAgEAMBMGByqGSM49...
             *     -----END PRIVATE KEY-----
             */
            pkey: string;
        } & (unknown | unknown);
        /**
         * @description New PEM chain and private key for the certificate given by the UUID in the path.
         * @example {
         *       "chain": "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU...\n-----END CERTIFICATE-----\n",
         *       "pkey": "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49...\n-----END PRIVATE KEY-----\n"
         *     }
         */
        UpdateCertificateByUUIDRequestBody: {
            /**
             * @description The new certificate chain in PEM format, the certificate first, then any intermediate certificates.
             * @example -----BEGIN CERTIFICATE-----
             *     MIIBszCCAVmgAwIBAgIU...
             *     -----END CERTIFICATE-----
             */
            chain: string;
            /**
             * @description The new private key in PEM format; it must match the public key of the new chain.
             * @example -----BEGIN PRIVATE KEY-----
             *     MIGHAgEAMBMGByqGSM49...
             *     -----END PRIVATE KEY-----
             */
            pkey: string;
        };
        /**
         * @example {
         *       "certificates": [
         *         {
         *           "status": "success",
         *           "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *           "name": "funky-certificate",
         *           "common_name": "example.com",
         *           "state": "valid"
         *         }
         *       ]
         *     }
         */
        UpdateCertificatesResponseData: {
            /** @description The certificate(s) after the update, each with its own status. */
            certificates?: components["schemas"]["Certificate"][];
        };
        /**
         * @description Response of updating one or more certificates.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "certificates": [
         *           {
         *             "status": "success",
         *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
         *             "name": "funky-certificate",
         *             "common_name": "example.com",
         *             "state": "valid"
         *           }
         *         ]
         *       },
         *       "op_time_us": 51
         *     }
         */
        UpdateCertificatesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["UpdateCertificatesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 51
             */
            op_time_us?: number;
        };
        /**
         * @example {
         *       "images": [
         *         {
         *           "url": "funky-user/my-image:latest",
         *           "created_at": "2023-10-01T12:00:00Z",
         *           "initrd_or_rom": false,
         *           "size_in_bytes": 1843200
         *         }
         *       ]
         *     }
         */
        GetImagesResponseData: {
            /** @description The image(s) matching the tag or digest of the request. */
            images?: components["schemas"]["Image"][];
        };
        /**
         * @description Response of looking up images by tag or digest (in the registry or in the image store).
         * @example {
         *       "status": "success",
         *       "data": {
         *         "images": [
         *           {
         *             "url": "funky-user/my-image:latest",
         *             "created_at": "2023-10-01T12:00:00Z",
         *             "initrd_or_rom": false,
         *             "size_in_bytes": 1843200
         *           }
         *         ]
         *       },
         *       "op_time_us": 46
         *     }
         */
        GetImagesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the response.
             * @example No image with name 'my-image:latest'
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetImagesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 46
             */
            op_time_us?: number;
        };
        /**
         * @description Releases the pin once the image has gone unused for a while.
         * @example {
         *       "time_ms": 86400000
         *     }
         */
        PinImageRequestItemAutokill: {
            /**
             * Format: uint64
             * @description Milliseconds of inactivity after which the image is unpinned; 0 (the default) never unpins it.
             * @example 86400000
             */
            time_ms: number;
        };
        /**
         * @description One image to pull into the image store and pin there.
         * @example {
         *       "url": "funky-user/my-image:latest",
         *       "timeout_s": 60,
         *       "pull_policy": "if_not_present"
         *     }
         */
        PinImageRequestItem: {
            /**
             * @description The URL (reference) of the image to pull and pin.
             * @example funky-user/my-image:latest
             */
            url: string;
            /**
             * @description Credentials for the OCI registry the image is pulled from; rejected for URLs that do not name an OCI registry.
             * @example funky-user:registry-token
             */
            credentials?: string;
            /**
             * @description Additional HTTP request headers for the download of the image.
             * @example {
             *       "X-Request-Source": "ukc-ts"
             *     }
             */
            headers?: {
                [key: string]: string;
            };
            /**
             * @description Whether to pull the image even when the node already caches it; inferred from the URL when omitted.
             * @example if_not_present
             * @enum {string}
             */
            pull_policy?: "always" | "if_not_present" | "never";
            /**
             * Format: int64
             * @description How long, in seconds, the request waits for the download; 0 is invalid and -1 means the longest wait the platform permits.
             * @example 60
             */
            timeout_s: number;
            /**
             * @description Join a pull of the same image that is already in flight instead of starting another one (the default is true).
             * @example true
             */
            merge_requests?: boolean;
            /** @description Releases the pin once the image has gone unused for a while. */
            autokill?: components["schemas"]["PinImageRequestItemAutokill"];
        };
        /**
         * @description The result of pinning one image. A successful entry identifies the image; a failed one carries only `status`, `message` and `error`.
         * @example {
         *       "status": "success",
         *       "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
         *       "name": "funky-user/my-image:latest",
         *       "state": "ready",
         *       "persistent": true
         *     }
         */
        PinImagesResponseImage: {
            /** @description The status of pinning this image. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to pull image
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
            /**
             * Format: uuid
             * @description The UUID of the pinned image (on success); `unpinImages` takes it.
             * @example 7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6
             */
            uuid?: string;
            /**
             * @description The name of the pinned image (on success).
             * @example funky-user/my-image:latest
             */
            name?: string;
            /**
             * Format: date-time
             * @description When the image was created (on success).
             * @example 2023-10-01T12:00:00Z
             */
            created_at?: string;
            /**
             * @description The state of the image in the image store, e.g. `ready` (on success).
             * @example ready
             */
            state?: string;
            /**
             * @description The URL of the image (on success).
             * @example funky-user/my-image:latest
             */
            url?: string;
            /**
             * @description True for a successfully pinned image, which the cache then keeps regardless of eviction.
             * @example true
             */
            persistent?: boolean;
            /**
             * @description The tags of the image (on success).
             * @example [
             *       "latest"
             *     ]
             */
            tags?: string[];
        };
        /**
         * @example {
         *       "images": [
         *         {
         *           "status": "success",
         *           "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
         *           "state": "ready"
         *         }
         *       ]
         *     }
         */
        PinImagesResponseData: {
            /** @description The result of pinning each image of the request. */
            images?: components["schemas"]["PinImagesResponseImage"][];
        };
        /**
         * @description Response of pinning one or more images.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "images": [
         *           {
         *             "status": "success",
         *             "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
         *             "state": "ready"
         *           }
         *         ]
         *       },
         *       "op_time_us": 1520
         *     }
         */
        PinImagesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["PinImagesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 1520
             */
            op_time_us?: number;
        };
        /**
         * @description One pinned image to unpin, by UUID (the only identifier accepted).
         * @example {
         *       "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"
         *     }
         */
        UnpinImageRequestItem: {
            /**
             * Format: uuid
             * @description The UUID of the image to unpin, as `pinImages` returned it.
             * @example 7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6
             */
            uuid: string;
        };
        /**
         * @description The result of unpinning one image.
         * @example {
         *       "status": "success",
         *       "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
         *       "name": "funky-user/my-image:latest"
         *     }
         */
        UnpinImagesResponseImage: {
            /** @description The status of unpinning this image. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example No image with UUID '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code providing additional information about the status. This field is useful when the status is not success.
             * @example 8
             */
            error?: number;
            /**
             * Format: uuid
             * @description The UUID of the image.
             * @example 7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6
             */
            uuid?: string;
            /**
             * @description The name of the image, when it has one (on success).
             * @example funky-user/my-image:latest
             */
            name?: string;
        };
        /**
         * @example {
         *       "images": [
         *         {
         *           "status": "success",
         *           "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"
         *         }
         *       ]
         *     }
         */
        UnpinImagesResponseData: {
            /** @description The result of unpinning each image of the request. */
            images?: components["schemas"]["UnpinImagesResponseImage"][];
        };
        /**
         * @description Response of unpinning one or more images.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "images": [
         *           {
         *             "status": "success",
         *             "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"
         *           }
         *         ]
         *       },
         *       "op_time_us": 38
         *     }
         */
        UnpinImagesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["UnpinImagesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 38
             */
            op_time_us?: number;
        };
        /**
         * @description The license of the platform installation (reported to administrators only).
         * @example {
         *       "serial": "3f9a0c12d4e5",
         *       "valid": true,
         *       "features": [
         *         "autoscale"
         *       ]
         *     }
         */
        DataLicense: {
            /**
             * @description The license certificate's serial number in hexadecimal.
             * @example 3f9a0c12d4e5
             */
            serial?: string;
            /**
             * @description True while the license is in force.
             * @example true
             */
            valid?: boolean;
            /**
             * @description The features the license enables.
             * @example [
             *       "autoscale"
             *     ]
             */
            features?: string[];
        };
        /**
         * @description Deletes the new template instance automatically once it has not been used to create an instance for a while.
         * @example {
         *       "time_ms": 86400000
         *     }
         */
        ItemAutokill: {
            /**
             * Format: uint64
             * @description How long, in milliseconds, the template may stay unused (no instance created from it) before it is deleted. 0 turns this off.
             * @example 86400000
             */
            time_ms?: number;
        };
        /**
         * @description Deletes the checkpoint automatically once it has not been used to restore an instance for a while.
         * @example {
         *       "time_ms": 86400000
         *     }
         */
        CheckpointAutokill: {
            /**
             * Format: uint64
             * @description How long, in milliseconds, the checkpoint may stay unused (no instance restored from it) before it is deleted. 0 turns this off.
             * @example 86400000
             */
            time_ms?: number;
        };
        /**
         * @description One instance to convert into a template instance, referenced by exactly one of UUID or name.
         * @example {
         *       "name": "funky-town-g756b5d",
         *       "timeout_s": 30,
         *       "autokill": {
         *         "time_ms": 86400000
         *       }
         *     }
         */
        CreateTemplateInstancesRequestItem: {
            /**
             * Format: uuid
             * @description The UUID of the instance to convert. Mutually exclusive with name.
             * @example 123e4567-e89b-12d3-a456-426614174000
             */
            uuid?: string;
            /**
             * @description The name of the instance to convert. Mutually exclusive with UUID.
             * @example funky-town-g756b5d
             */
            name?: string;
            /**
             * Format: int32
             * @description How many seconds to wait for the template instance to be ready: 0 does not wait, -1 waits without limit.
             * @example 30
             */
            timeout_s?: number;
            /** @description Delete the new template instance after it has gone unused for a while. */
            autokill?: components["schemas"]["ItemAutokill"];
        } & (unknown | unknown);
        /**
         * @description One instance converted into a template instance, with its own status.
         * @example {
         *       "status": "success",
         *       "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
         *       "name": "nginx-template-k3m9q2z",
         *       "state": "template"
         *     }
         */
        CreateTemplateInstancesResponseTemplateInstance: {
            /** @description Whether the operation succeeded for this item. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message with more detail about the status; useful when the status is not success.
             * @example No instance with name 'funky-town-ckpt-r2d5x8w'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code with more detail about the status; useful when the status is not success.
             * @example 8
             */
            error?: number;
            /**
             * Format: uuid
             * @description The UUID of the template instance.
             * @example 9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b
             */
            uuid?: string;
            /**
             * @description The name of the template instance.
             * @example nginx-template-k3m9q2z
             */
            name?: string;
            /**
             * @description The state of the instance after the request; `template` once the conversion is done.
             * @example template
             * @enum {string}
             */
            state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
        };
        /**
         * @description One checkpoint to create from an existing instance.
         * @example {
         *       "from": {
         *         "name": "funky-town-g756b5d"
         *       },
         *       "name": "funky-town-ckpt-r2d5x8w",
         *       "tags": [
         *         "nightly"
         *       ],
         *       "timeout_s": 30
         *     }
         */
        CreateCheckpointInstancesRequestItem: {
            /** @description The instance to take the checkpoint of, by exactly one of UUID or name. */
            from: components["schemas"]["NameOrUUID"];
            /**
             * @description The name of the new checkpoint; generated when not set.
             * @example funky-town-ckpt-r2d5x8w
             */
            name?: string;
            /**
             * Format: uint32
             * @description How many seconds to wait for the checkpoint to be ready; 0 does not wait.
             * @example 30
             */
            timeout_s?: number;
            /**
             * @description Tags to attach to the new checkpoint.
             * @example [
             *       "nightly"
             *     ]
             */
            tags?: string[];
            /** @description Delete the checkpoint after it has gone unused for a while. */
            autokill?: components["schemas"]["CheckpointAutokill"];
        };
        /**
         * @description One created checkpoint instance, with its own status.
         * @example {
         *       "status": "success",
         *       "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *       "name": "funky-town-ckpt-r2d5x8w",
         *       "state": "checkpoint"
         *     }
         */
        CreateCheckpointInstancesResponseCheckpointInstance: {
            /** @description Whether the operation succeeded for this item. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message with more detail about the status; useful when the status is not success.
             * @example No instance with name 'funky-town-ckpt-r2d5x8w'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code with more detail about the status; useful when the status is not success.
             * @example 8
             */
            error?: number;
            /**
             * Format: uuid
             * @description The UUID of the checkpoint instance.
             * @example 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
             */
            uuid?: string;
            /**
             * @description The name of the checkpoint instance.
             * @example funky-town-ckpt-r2d5x8w
             */
            name?: string;
            /**
             * @description The state of the checkpoint instance after the request; `checkpoint` once it is ready.
             * @example checkpoint
             * @enum {string}
             */
            state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
        };
        /**
         * @description The response data of creating checkpoint instances.
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *           "name": "funky-town-ckpt-r2d5x8w",
         *           "state": "checkpoint"
         *         }
         *       ]
         *     }
         */
        CreateCheckpointInstancesResponseData: {
            /** @description The checkpoint instance(s) created by the request, each with its own status. */
            instances?: components["schemas"]["CreateCheckpointInstancesResponseCheckpointInstance"][];
        };
        /**
         * @description Response of creating checkpoint instances.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *             "name": "funky-town-ckpt-r2d5x8w",
         *             "state": "checkpoint"
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        CreateCheckpointInstancesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["CreateCheckpointInstancesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @description The response data of a checkpoint listing. Checkpoints are instances (in the `checkpoint` state), so each entry is an `Instance`.
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *           "name": "funky-town-ckpt-r2d5x8w",
         *           "created_at": "2023-10-04T10:00:00Z",
         *           "state": "checkpoint",
         *           "image": "nginx:latest",
         *           "memory_mb": 1024,
         *           "vcpus": 1,
         *           "args": [
         *             "--port=8080",
         *             "--debug"
         *           ],
         *           "env": {
         *             "ENV_VAR": "value"
         *           },
         *           "restart_policy": "never",
         *           "tags": [
         *             "nightly"
         *           ]
         *         }
         *       ]
         *     }
         */
        GetCheckpointInstancesResponseData: {
            /** @description The checkpoint instance(s) retrieved by the request. */
            instances?: components["schemas"]["Instance"][];
        };
        /**
         * @description Response of listing checkpoint instances or getting one by UUID.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *             "name": "funky-town-ckpt-r2d5x8w",
         *             "created_at": "2023-10-04T10:00:00Z",
         *             "state": "checkpoint",
         *             "image": "nginx:latest",
         *             "memory_mb": 1024,
         *             "vcpus": 1,
         *             "args": [
         *               "--port=8080",
         *               "--debug"
         *             ],
         *             "env": {
         *               "ENV_VAR": "value"
         *             },
         *             "restart_policy": "never",
         *             "tags": [
         *               "nightly"
         *             ]
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        GetCheckpointInstancesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["GetCheckpointInstancesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @description One deleted checkpoint instance, with its own status.
         * @example {
         *       "status": "success",
         *       "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *       "name": "funky-town-ckpt-r2d5x8w"
         *     }
         */
        DeleteCheckpointInstancesResponseCheckpointInstance: {
            /** @description Whether the operation succeeded for this item. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message with more detail about the status; useful when the status is not success.
             * @example No instance with name 'funky-town-ckpt-r2d5x8w'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code with more detail about the status; useful when the status is not success.
             * @example 8
             */
            error?: number;
            /**
             * Format: uuid
             * @description The UUID of the checkpoint instance.
             * @example 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
             */
            uuid?: string;
            /**
             * @description The name of the checkpoint instance.
             * @example funky-town-ckpt-r2d5x8w
             */
            name?: string;
        };
        /**
         * @description The response data of deleting checkpoint instances.
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *           "name": "funky-town-ckpt-r2d5x8w"
         *         }
         *       ]
         *     }
         */
        DeleteCheckpointInstancesResponseData: {
            /** @description The checkpoint instance(s) processed by the request, each with its own status. */
            instances?: components["schemas"]["DeleteCheckpointInstancesResponseCheckpointInstance"][];
        };
        /**
         * @description Response of deleting checkpoint instances.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *             "name": "funky-town-ckpt-r2d5x8w"
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        DeleteCheckpointInstancesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["DeleteCheckpointInstancesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @description One update of a checkpoint instance, referenced by UUID or name (exactly one of them).
         * @example {
         *       "name": "funky-town-ckpt-r2d5x8w",
         *       "prop": "tags",
         *       "op": "add",
         *       "value": [
         *         "keep"
         *       ],
         *       "id": "op-1"
         *     }
         */
        UpdateCheckpointInstancesRequestItem: {
            /**
             * Format: uuid
             * @description The UUID of the checkpoint instance to update. Mutually exclusive with name.
             * @example 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
             */
            uuid?: string;
            /**
             * @description The name of the checkpoint instance to update. Mutually exclusive with UUID.
             * @example funky-town-ckpt-r2d5x8w
             */
            name?: string;
            /**
             * @description The property to modify.
             * @example tags
             * @enum {string}
             */
            prop: "tags" | "delete_lock" | "autokill";
            /**
             * @description The operation to perform on the property.
             * @example add
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * @description The value for the update operation. The type depends on the property and operation:
             *     - For "tags": array of strings
             *     - For "delete_lock": boolean
             *     - For "autokill": an object with `time_ms`
             * @example [
             *       "production"
             *     ]
             */
            value?: string[] | boolean | components["schemas"]["CheckpointAutokill"];
        } & (unknown | unknown);
        /**
         * @description An update of the checkpoint instance named by the UUID in the path.
         * @example {
         *       "prop": "delete_lock",
         *       "op": "set",
         *       "value": true,
         *       "id": "op-1"
         *     }
         */
        UpdateCheckpointInstanceByUUIDRequestBody: {
            /**
             * @description The property to modify.
             * @example tags
             * @enum {string}
             */
            prop: "tags" | "delete_lock" | "autokill";
            /**
             * @description The operation to perform on the property.
             * @example add
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description (Optional). A client-provided identifier for tracking this operation in the response.
             * @example op-1
             */
            id?: string;
            /**
             * @description The value for the update operation. The type depends on the property and operation:
             *     - For "tags": array of strings
             *     - For "delete_lock": boolean
             *     - For "autokill": an object with `time_ms`
             * @example [
             *       "production"
             *     ]
             */
            value?: string[] | boolean | components["schemas"]["CheckpointAutokill"];
        };
        /**
         * @description One updated checkpoint instance, with its own status.
         * @example {
         *       "status": "success",
         *       "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *       "name": "funky-town-ckpt-r2d5x8w",
         *       "id": "op-1"
         *     }
         */
        UpdateCheckpointInstancesResponseCheckpointInstance: {
            /** @description Whether the operation succeeded for this item. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message with more detail about the status; useful when the status is not success.
             * @example No instance with name 'funky-town-ckpt-r2d5x8w'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code with more detail about the status; useful when the status is not success.
             * @example 8
             */
            error?: number;
            /**
             * Format: uuid
             * @description The UUID of the checkpoint instance.
             * @example 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
             */
            uuid?: string;
            /**
             * @description The name of the checkpoint instance.
             * @example funky-town-ckpt-r2d5x8w
             */
            name?: string;
            /**
             * @description The client-provided identifier of the update, echoed back.
             * @example op-1
             */
            id?: string;
        };
        /**
         * @description The response data of updating checkpoint instances.
         * @example {
         *       "instances": [
         *         {
         *           "status": "success",
         *           "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *           "name": "funky-town-ckpt-r2d5x8w",
         *           "id": "op-1"
         *         }
         *       ]
         *     }
         */
        UpdateCheckpointInstancesResponseData: {
            /** @description The checkpoint instance(s) processed by the request, each with its own status. */
            instances?: components["schemas"]["UpdateCheckpointInstancesResponseCheckpointInstance"][];
        };
        /**
         * @description Response of updating checkpoint instances.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "instances": [
         *           {
         *             "status": "success",
         *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
         *             "name": "funky-town-ckpt-r2d5x8w",
         *             "id": "op-1"
         *           }
         *         ]
         *       },
         *       "op_time_us": 76
         *     }
         */
        UpdateCheckpointInstancesResponse: {
            /** @description The status of the response. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * @description An optional message providing additional information about the status. This field is useful when the status is not success.
             * @example Failed to perform all operations
             */
            message?: string;
            /** @description The response data for this request. */
            data?: components["schemas"]["UpdateCheckpointInstancesResponseData"];
            /** @description A list of errors which may have occurred during the request. */
            errors?: components["schemas"]["ResponseError"][];
            /**
             * Format: uint64
             * @description The operation time in microseconds. This is the time it took to process the request and generate the response.
             * @example 76
             */
            op_time_us?: number;
        };
        /**
         * @description One volume to clone, referenced by UUID or name (exactly one of them), with optional settings of the copy.
         * @example {
         *       "name": "funky-vol-g7gum5cj",
         *       "vol_name": "funky-vol-clone-r5n2w8x",
         *       "tags": [
         *         "staging"
         *       ]
         *     }
         */
        CloneVolumesRequestItem: {
            /**
             * Format: uuid
             * @description The UUID of the volume to clone. Mutually exclusive with name.
             * @example c1d2e3f4-5678-90ab-cdef-1234567890ab
             */
            uuid?: string;
            /**
             * @description The name of the volume to clone. Mutually exclusive with UUID.
             * @example funky-vol-g7gum5cj
             */
            name?: string;
            /**
             * @description Name of the new volume; without it a random name of the form `vol-X` is generated.
             * @example funky-vol-clone-r5n2w8x
             */
            vol_name?: string;
            /**
             * @description Quota reservation of the new volume (`static` or `dynamic`); the source volume's policy applies when omitted.
             * @example dynamic
             * @enum {string}
             */
            quota_policy?: "static" | "dynamic";
            /**
             * @description Tags given to the new volume.
             * @example [
             *       "staging"
             *     ]
             */
            tags?: string[];
            /**
             * @description Sharing mode of the new volume (`rwo` one instance read-write, `rox` many instances read-only, `rwx` many instances read-write).
             * @example rwo
             * @enum {string}
             */
            access_mode?: "rwo" | "rox" | "rwx";
        } & (unknown | unknown);
        /**
         * @description Optional settings of the copy made of the volume whose UUID is in the path.
         * @example {
         *       "vol_name": "funky-vol-clone-r5n2w8x",
         *       "quota_policy": "dynamic"
         *     }
         */
        CloneVolumeByUUIDRequestBody: {
            /**
             * @description Name of the new volume; without it a random name of the form `vol-X` is generated.
             * @example funky-vol-clone-r5n2w8x
             */
            vol_name?: string;
            /**
             * @description Quota reservation of the new volume (`static` or `dynamic`); the source volume's policy applies when omitted.
             * @example dynamic
             * @enum {string}
             */
            quota_policy?: "static" | "dynamic";
            /**
             * @description Tags given to the new volume.
             * @example [
             *       "staging"
             *     ]
             */
            tags?: string[];
            /**
             * @description Sharing mode of the new volume (`rwo` one instance read-write, `rox` many instances read-only, `rwx` many instances read-write).
             * @example rwo
             * @enum {string}
             */
            access_mode?: "rwo" | "rox" | "rwx";
        };
        /**
         * @description Response of cloneVolumes and cloneVolume.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "volumes": [
         *           {
         *             "status": "success",
         *             "uuid": "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5e7a",
         *             "name": "funky-vol-clone-r5n2w8x",
         *             "state": "initializing"
         *           }
         *         ]
         *       },
         *       "op_time_us": 950
         *     }
         */
        CloneVolumesResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["CloneVolumesResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["CloneVolumesResponseData"];
        });
        /**
         * @example {
         *       "volumes": [
         *         {
         *           "status": "success",
         *           "uuid": "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5e7a",
         *           "name": "funky-vol-clone-r5n2w8x",
         *           "state": "initializing"
         *         }
         *       ]
         *     }
         */
        CloneVolumesResponseData: {
            /** @description The new volume(s) made by the request, one per requested clone. */
            volumes?: components["schemas"]["CloneVolumesResponseVolume"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5e7a",
         *       "name": "funky-vol-clone-r5n2w8x",
         *       "state": "initializing"
         *     }
         */
        CloneVolumesResponseVolume: {
            /** @description The status of this item. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the new volume.
             * @example 2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5e7a
             */
            uuid?: string;
            /**
             * @description The name of the new volume.
             * @example funky-vol-clone-r5n2w8x
             */
            name?: string;
            /**
             * @description The state of the new volume right after the request.
             * @example initializing
             * @enum {string}
             */
            state?: "uninitialized" | "initializing" | "available" | "idle" | "mounted" | "busy" | "error" | "template";
            /**
             * @description An optional message explaining the status, useful when it is not success.
             * @example No volume with name 'funky-vol-g7gum5cj'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code explaining the status, useful when it is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @description Response of createVolumeTemplates.
         * @example {
         *       "status": "success",
         *       "data": {
         *         "volumes": [
         *           {
         *             "status": "success",
         *             "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
         *             "name": "base-vol-template-h4k8p2q",
         *             "state": "template"
         *           }
         *         ]
         *       },
         *       "op_time_us": 340
         *     }
         */
        CreateTemplateVolumesResponse: (components["schemas"]["SuccessEnvelope"] & {
            data?: components["schemas"]["CreateTemplateVolumesResponseData"];
        }) | (components["schemas"]["ErrorEnvelope"] & {
            data?: components["schemas"]["CreateTemplateVolumesResponseData"];
        });
        /**
         * @example {
         *       "volumes": [
         *         {
         *           "status": "success",
         *           "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
         *           "name": "base-vol-template-h4k8p2q",
         *           "state": "template"
         *         }
         *       ]
         *     }
         */
        CreateTemplateVolumesResponseData: {
            /** @description The volume(s) the request converted into templates, one per requested volume. */
            volumes?: components["schemas"]["CreateTemplateVolumesResponseTemplateVolume"][];
        };
        /**
         * @example {
         *       "status": "success",
         *       "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
         *       "name": "base-vol-template-h4k8p2q",
         *       "state": "template"
         *     }
         */
        CreateTemplateVolumesResponseTemplateVolume: {
            /** @description The status of this item. */
            status?: components["schemas"]["ResponseStatus"];
            /**
             * Format: uuid
             * @description The UUID of the volume that became a template (unchanged by the conversion).
             * @example 4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f
             */
            uuid?: string;
            /**
             * @description The name of the volume that became a template.
             * @example base-vol-template-h4k8p2q
             */
            name?: string;
            /**
             * @description The state of the volume after the request (`template` once converted).
             * @example template
             * @enum {string}
             */
            state?: "uninitialized" | "initializing" | "available" | "idle" | "mounted" | "busy" | "error" | "template";
            /**
             * @description An optional message explaining the status, useful when it is not success.
             * @example No volume with name 'funky-vol-g7gum5cj'
             */
            message?: string;
            /**
             * Format: int32
             * @description An optional error code explaining the status, useful when it is not success.
             * @example 8
             */
            error?: number;
        };
        /**
         * @description One update of a volume template, referenced by UUID or name (exactly one of them).
         * @example {
         *       "name": "base-vol-template-h4k8p2q",
         *       "prop": "delete_lock",
         *       "op": "set",
         *       "value": true,
         *       "id": "op-1"
         *     }
         */
        UpdateTemplateVolumesRequestItem: {
            /**
             * Format: uuid
             * @description The UUID of the volume template to update. Mutually exclusive with name.
             * @example 4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f
             */
            uuid?: string;
            /**
             * @description The name of the volume template to update. Mutually exclusive with UUID.
             * @example base-vol-template-h4k8p2q
             */
            name?: string;
            /**
             * @description An optional identifier of the client's choosing, returned in the matching response entry.
             * @example op-1
             */
            id?: string;
            /**
             * @description The property of the template to change.
             * @example delete_lock
             * @enum {string}
             */
            prop: "tags" | "delete_lock";
            /**
             * @description How the value is applied to the property.
             * @example set
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description The new value; an array of strings for `tags`, a boolean for `delete_lock`.
             * @example true
             */
            value?: string[] | boolean;
        } & (unknown | unknown);
        /**
         * @description One update of the volume template whose UUID is in the path.
         * @example {
         *       "prop": "tags",
         *       "op": "add",
         *       "value": [
         *         "base"
         *       ],
         *       "id": "op-1"
         *     }
         */
        UpdateTemplateVolumeByUUIDRequestBody: {
            /**
             * @description An optional identifier of the client's choosing, returned in the response entry.
             * @example op-1
             */
            id?: string;
            /**
             * @description The property of the template to change.
             * @example tags
             * @enum {string}
             */
            prop: "tags" | "delete_lock";
            /**
             * @description How the value is applied to the property.
             * @example add
             * @enum {string}
             */
            op: "set" | "add" | "del";
            /**
             * @description The new value; an array of strings for `tags`, a boolean for `delete_lock`.
             * @example [
             *       "base"
             *     ]
             */
            value?: string[] | boolean;
        };
    };
    responses: {
        /** @description Bad request. The request was malformed or its parameters are invalid or conflict (for example `force` together with `drain_timeout_ms`). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "message": "Invalid uuid 'funky-town-g756b5d'",
                 *       "errors": [
                 *         {
                 *           "status": 400
                 *         }
                 *       ],
                 *       "op_time_us": 85
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The bearer token is missing or invalid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "message": "Unauthorized",
                 *       "errors": [
                 *         {
                 *           "status": 401
                 *         }
                 *       ],
                 *       "op_time_us": 12
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The token is valid but not allowed to perform this operation. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "message": "Forbidden",
                 *       "errors": [
                 *         {
                 *           "status": 403
                 *         }
                 *       ],
                 *       "op_time_us": 14
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The route or the resource does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "message": "No instance with UUID '123e4567-e89b-12d3-a456-426614174000'",
                 *       "errors": [
                 *         {
                 *           "status": 404
                 *         }
                 *       ],
                 *       "op_time_us": 40
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description A resource with this name already exists. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "message": "Name 'funky-town-g756b5d' already in use",
                 *       "errors": [
                 *         {
                 *           "status": 409
                 *         }
                 *       ],
                 *       "op_time_us": 66
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Rate limited. Retry after the number of seconds in the `Retry-After` header. */
        TooManyRequests: {
            headers: {
                /**
                 * @description Seconds to wait before retrying.
                 * @example 1
                 */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "message": "Too many requests",
                 *       "errors": [
                 *         {
                 *           "status": 429
                 *         }
                 *       ],
                 *       "op_time_us": 3
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The platform failed to process the request. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "message": "Internal server error",
                 *       "errors": [
                 *         {
                 *           "status": 500
                 *         }
                 *       ],
                 *       "op_time_us": 120
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The platform is temporarily unavailable. Retry later, after `Retry-After` seconds when given. */
        ServiceUnavailable: {
            headers: {
                /**
                 * @description Seconds to wait before retrying.
                 * @example 2
                 */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "status": "error",
                 *       "message": "Service unavailable",
                 *       "errors": [
                 *         {
                 *           "status": 503
                 *         }
                 *       ],
                 *       "op_time_us": 5
                 *     }
                 */
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description The UUID of the resource.
         * @example 123e4567-e89b-12d3-a456-426614174000
         */
        UUIDPath: string;
        /**
         * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
         * @example [
         *       "123e4567-e89b-12d3-a456-426614174000"
         *     ]
         */
        UUIDFilter: string[];
        /**
         * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
         * @example [
         *       "funky-town-g756b5d"
         *     ]
         */
        NameFilter: string[];
        /**
         * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
         * @example true
         */
        Details: boolean;
        /**
         * @description The maximum number of items to return (page size). If not set or 0, all the items matching filters will be returned. When filtering by IDs, this should not be set.
         * @example 50
         */
        Count: number;
        /**
         * @description Start the listing at this item, a UUID or an ISO 8601 creation time. The cursor is inclusive - the item it names is the first item returned.
         * @example 123e4567-e89b-12d3-a456-426614174000
         */
        From: string;
        /**
         * @description Sort order of the listing.
         * @example asc
         */
        Order: "asc" | "desc";
        /**
         * @description Field to sort the listing by.
         * @example create_time
         */
        SortBy: "create_time";
        /**
         * @description A list of tags to filter by. Repeat the parameter for several.
         * @example [
         *       "production"
         *     ]
         */
        Tags: string[];
        /**
         * @description The byte offset of the log output to receive. A negative sign makes the offset relative to the end of the log.
         * @example -4096
         */
        LogOffset: number;
        /**
         * @description The amount of bytes to return at most. One request returns at most 16,383 bytes.
         * @example 4096
         */
        LogLimit: number;
        /**
         * @description The state to wait for. Default is running.
         * @example running
         */
        WaitState: "stopped" | "starting" | "running" | "draining" | "stopping" | "standby" | "template";
        /**
         * @description Timeout for the wait in milliseconds. Default is -1 (wait forever on the server; the server may still end the wait).
         * @example 5000
         */
        WaitTimeoutMs: number;
        /**
         * @description The tag (canonical name) of the image to look up, e.g. `funky-user/my-image:latest`. Give either `tag` or `digest`.
         * @example funky-user/my-image:latest
         */
        ImageTagQuery: string;
        /**
         * @description The digest of the image manifest to look up, the hashing algorithm and the hash separated by a colon (`sha256:<64 hex digits>`). Give either `tag` or `digest`.
         * @example sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef
         */
        ImageDigestQuery: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listInstances: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
                /**
                 * @description The maximum number of items to return (page size). If not set or 0, all the items matching filters will be returned. When filtering by IDs, this should not be set.
                 * @example 50
                 */
                count?: components["parameters"]["Count"];
                /**
                 * @description Start the listing at this item, a UUID or an ISO 8601 creation time. The cursor is inclusive - the item it names is the first item returned.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                from?: components["parameters"]["From"];
                /**
                 * @description Sort order of the listing.
                 * @example asc
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Field to sort the listing by.
                 * @example create_time
                 */
                sortby?: components["parameters"]["SortBy"];
                /**
                 * @description A list of tags to filter by. Repeat the parameter for several.
                 * @example [
                 *       "production"
                 *     ]
                 */
                tags?: components["parameters"]["Tags"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instances, each with its own status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "state": "running",
                     *             "private_fqdn": "funky-town-g756b5d.internal",
                     *             "image": "nginx:latest",
                     *             "memory_mb": 1024,
                     *             "vcpus": 1,
                     *             "args": [
                     *               "--port=8080",
                     *               "--debug"
                     *             ],
                     *             "env": {
                     *               "ENV_VAR": "value"
                     *             },
                     *             "start_count": 6,
                     *             "restart_count": 1,
                     *             "started_at": "2023-10-01T12:00:00Z",
                     *             "uptime_ms": 8954050300,
                     *             "vmm_start_time_us": 70040,
                     *             "vmm_load_time_us": 4050,
                     *             "vmm_ready_time_us": 400,
                     *             "boot_time_us": 9000,
                     *             "net_time_us": 11000,
                     *             "restart_policy": "never",
                     *             "scale_to_zero": {
                     *               "enabled": true,
                     *               "policy": "idle",
                     *               "stateful": true,
                     *               "cooldown_time_ms": 3000
                     *             },
                     *             "volumes": [
                     *               {
                     *                 "uuid": "2d7c9e41-5b3a-4f8e-a1c6-7e9f0b2d4c68",
                     *                 "name": "funky-volume-g756b5d",
                     *                 "at": "/mnt/funky-volume",
                     *                 "readonly": false
                     *               }
                     *             ],
                     *             "service_group": {
                     *               "uuid": "5a8e2f17-9c4b-4d3e-b6a0-1f2e3d4c5b6a",
                     *               "name": "funky-service-g756b5d"
                     *             },
                     *             "network_interfaces": [
                     *               {
                     *                 "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *                 "private_ip": "10.0.0.61",
                     *                 "mac": "12:b0:a0:00:00:3d",
                     *                 "rx_bytes": 5345,
                     *                 "rx_packets": 110,
                     *                 "tx_bytes": 1500,
                     *                 "tx_packets": 12
                     *               }
                     *             ],
                     *             "tags": [
                     *               "production"
                     *             ]
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                     *             "name": "hello-world-x9k2m1p",
                     *             "created_at": "2023-10-02T09:30:00Z",
                     *             "state": "stopped",
                     *             "private_fqdn": "hello-world-x9k2m1p.internal",
                     *             "image": "hello-world:latest",
                     *             "memory_mb": 128,
                     *             "vcpus": 1,
                     *             "start_count": 1,
                     *             "restart_count": 0,
                     *             "started_at": "2023-10-02T09:30:01Z",
                     *             "stopped_at": "2023-10-02T09:30:02Z",
                     *             "uptime_ms": 1042,
                     *             "boot_time_us": 8500,
                     *             "stop_reason": 3,
                     *             "exit_code": 0,
                     *             "stop_code": 33024,
                     *             "restart_policy": "never",
                     *             "tags": []
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 432
                     *     }
                     */
                    "application/json": components["schemas"]["GetInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createInstance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "image": "nginx:latest",
                 *       "name": "funky-town-g756b5d",
                 *       "args": [
                 *         "--port=8080",
                 *         "--debug"
                 *       ],
                 *       "env": {
                 *         "ENV_VAR1": "value1",
                 *         "ENV_VAR2": "value2"
                 *       },
                 *       "memory_mb": 256,
                 *       "vcpus": 1,
                 *       "autostart": true,
                 *       "restart_policy": "on-failure",
                 *       "timeout_s": 2
                 *     }
                 */
                "application/json": components["schemas"]["CreateInstanceRequest"];
            };
        };
        responses: {
            /** @description The created instance(s). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "state": "running",
                     *             "private_fqdn": "funky-town-g756b5d.internal",
                     *             "image": "nginx:latest",
                     *             "memory_mb": 256,
                     *             "vcpus": 1,
                     *             "args": [
                     *               "--port=8080",
                     *               "--debug"
                     *             ],
                     *             "env": {
                     *               "ENV_VAR1": "value1",
                     *               "ENV_VAR2": "value2"
                     *             },
                     *             "start_count": 1,
                     *             "restart_count": 0,
                     *             "started_at": "2023-10-01T12:00:00Z",
                     *             "boot_time_us": 9000,
                     *             "net_time_us": 11000,
                     *             "restart_policy": "on-failure"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 875
                     *     }
                     */
                    "application/json": components["schemas"]["CreateInstanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteInstances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "uuid": "123e4567-e89b-12d3-a456-426614174000"
                 *       },
                 *       {
                 *         "name": "hello-world-x9k2m1p",
                 *         "dont_retain": true
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["DeleteInstanceRequestItem"][];
            };
        };
        responses: {
            /** @description One entry per requested instance, each with its own status (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "previous_state": "running"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                     *             "name": "hello-world-x9k2m1p",
                     *             "previous_state": "stopped"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 221
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateInstances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-town-g756b5d",
                 *         "prop": "memory_mb",
                 *         "op": "set",
                 *         "value": 256,
                 *         "id": "op-1"
                 *       },
                 *       {
                 *         "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                 *         "prop": "tags",
                 *         "op": "add",
                 *         "value": [
                 *           "production"
                 *         ],
                 *         "id": "op-2"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["UpdateInstancesRequest"][];
            };
        };
        responses: {
            /** @description One entry per requested update, each with its own status (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "id": "op-1"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                     *             "name": "hello-world-x9k2m1p",
                     *             "id": "op-2"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getInstancesLogs: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
                /**
                 * @description The byte offset of the log output to receive. A negative sign makes the offset relative to the end of the log.
                 * @example -4096
                 */
                offset?: components["parameters"]["LogOffset"];
                /**
                 * @description The amount of bytes to return at most. One request returns at most 16,383 bytes.
                 * @example 4096
                 */
                limit?: components["parameters"]["LogLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log output of the instance, with the available and returned byte ranges. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "output": "UG93ZXJlZCBieSBVbmlrcmFmdCBUZWxlc3RvICgwLjE2LjN+YjFmYTdjMykKMjAyMy8xMC8wMSAxMjowMDowMCBbbm90aWNlXSAxIzA6IHVzaW5nIHRoZSAiZXBvbGwiIGV2ZW50IG1ldGhvZAoyMDIzLzEwLzAxIDEyOjAwOjAwIFtub3RpY2VdIDEjMDogbmdpbngvMS4yNS4zCjIwMjMvMTAvMDEgMTI6MDA6MDAgW25vdGljZV0gMSMwOiBzdGFydCB3b3JrZXIgcHJvY2Vzc2VzCjEwLjAuMC4xIC0gLSBbMDEvT2N0LzIwMjM6MTI6MDA6MDUgKzAwMDBdICJHRVQgLyBIVFRQLzEuMSIgMjAwIDYxNSAiLSIgImN1cmwvOC40LjAiCg==",
                     *             "available": {
                     *               "start": 0,
                     *               "end": 298
                     *             },
                     *             "range": {
                     *               "start": 0,
                     *               "end": 298
                     *             },
                     *             "state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 47
                     *     }
                     */
                    "application/json": components["schemas"]["GetInstanceLogsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getInstancesMetrics: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics of the instance(s). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "rss_bytes": 56777655,
                     *             "cpu_time_ms": 560007,
                     *             "boot_time_us": 9000,
                     *             "net_time_us": 11000,
                     *             "rx_bytes": 12312353,
                     *             "rx_packets": 43432,
                     *             "tx_bytes": 6565643,
                     *             "tx_packets": 54534,
                     *             "nconns": 5,
                     *             "nreqs": 12,
                     *             "nqueued": 5,
                     *             "ntotal": 21
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                     *             "name": "hello-world-x9k2m1p",
                     *             "rss_bytes": 0,
                     *             "cpu_time_ms": 12,
                     *             "boot_time_us": 8500,
                     *             "net_time_us": 0,
                     *             "rx_bytes": 0,
                     *             "rx_packets": 0,
                     *             "tx_bytes": 0,
                     *             "tx_packets": 0,
                     *             "nconns": 0,
                     *             "nreqs": 0,
                     *             "nqueued": 0,
                     *             "ntotal": 0
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["GetInstanceMetricsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    startInstances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-town-g756b5d"
                 *       },
                 *       {
                 *         "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["StartInstancesRequestItem"][];
            };
        };
        responses: {
            /** @description One entry per requested instance, each with its own status (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "state": "starting",
                     *             "previous_state": "stopped"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                     *             "name": "hello-world-x9k2m1p",
                     *             "state": "running",
                     *             "previous_state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 256
                     *     }
                     */
                    "application/json": components["schemas"]["StartInstanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    stopInstances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-town-g756b5d",
                 *         "drain_timeout_ms": 250
                 *       },
                 *       {
                 *         "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                 *         "force": true
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["StopInstancesRequestID"][];
            };
        };
        responses: {
            /** @description One entry per requested instance, each with its current and previous state (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "state": "draining",
                     *             "previous_state": "running"
                     *           },
                     *           {
                     *             "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                     *             "name": "hello-world-x9k2m1p",
                     *             "state": "stopping",
                     *             "previous_state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 23
                     *     }
                     */
                    "application/json": components["schemas"]["StopInstanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    waitInstances: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
                /**
                 * @description Timeout for the wait in milliseconds. Default is -1 (wait forever on the server; the server may still end the wait).
                 * @example 5000
                 */
                timeout_ms?: components["parameters"]["WaitTimeoutMs"];
                /**
                 * @description The desired state to wait for. Default is running.
                 * @example running
                 */
                state?: "stopped" | "starting" | "running" | "draining" | "stopping" | "template" | "standby" | "deleted" | "checkpoint";
                /**
                 * @description Timeout for the wait in seconds, the newer alternative to `timeout_ms`.
                 * @example 5
                 */
                timeout_s?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance(s) waited on, each with its current state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 450
                     *     }
                     */
                    "application/json": components["schemas"]["WaitInstanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTemplates: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
                /**
                 * @description Whether to include details about the templates in the response. By default this is set to true, meaning that all information about the templates will be included in the response. If set to false, only the basic information about the templates will be included, such as their name and UUID.
                 * @example true
                 */
                details?: boolean;
                /**
                 * @description The maximum number of template instances to return. This is useful for pagination. If not set, all the template instances matching filters will be returned. When filtering by IDs, this should not be set.
                 * @example 50
                 */
                count?: number;
                /**
                 * @description A list of tags to filter the template instances by. Repeat the parameter for several.
                 * @example [
                 *       "nginx"
                 *     ]
                 */
                tags?: string[];
                /**
                 * @description Start the listing at this item, a UUID or an ISO 8601 creation time. The cursor is inclusive - the item it names is the first item returned.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                from?: components["parameters"]["From"];
                /**
                 * @description Sort order of the listing.
                 * @example asc
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Field to sort the listing by.
                 * @example create_time
                 */
                sortby?: components["parameters"]["SortBy"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template instances. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
                     *             "name": "nginx-template-k3m9q2z",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "state": "template",
                     *             "image": "nginx:latest",
                     *             "memory_mb": 1024,
                     *             "vcpus": 1,
                     *             "args": [
                     *               "--port=8080",
                     *               "--debug"
                     *             ],
                     *             "env": {
                     *               "ENV_VAR": "value"
                     *             },
                     *             "restart_policy": "never",
                     *             "tags": [
                     *               "nginx",
                     *               "base"
                     *             ]
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "3e8d4a2b-7c6f-4b1a-9d0e-5f4c3b2a1e0d",
                     *             "name": "redis-template-p7w4t8n",
                     *             "created_at": "2023-10-03T08:15:00Z",
                     *             "state": "template",
                     *             "image": "redis:7.2",
                     *             "memory_mb": 512,
                     *             "vcpus": 1,
                     *             "restart_policy": "on-failure",
                     *             "tags": [
                     *               "redis"
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["GetTemplatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "nginx-template-k3m9q2z",
                 *         "timeout_s": 30,
                 *         "autokill": {
                 *           "time_ms": 86400000
                 *         }
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CreateTemplateInstancesRequestItem"][];
            };
        };
        responses: {
            /** @description One entry per requested instance, each with its own status (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
                     *             "name": "nginx-template-k3m9q2z",
                     *             "state": "template"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["CreateTemplatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["NameOrUUID"][];
            };
        };
        responses: {
            /** @description One entry per requested template instance, each with its own status (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
                     *             "name": "nginx-template-k3m9q2z",
                     *             "previous_state": "template"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "nginx-template-k3m9q2z",
                 *         "prop": "tags",
                 *         "op": "add",
                 *         "value": [
                 *           "production"
                 *         ],
                 *         "id": "op-1"
                 *       },
                 *       {
                 *         "uuid": "3e8d4a2b-7c6f-4b1a-9d0e-5f4c3b2a1e0d",
                 *         "prop": "delete_lock",
                 *         "op": "set",
                 *         "value": true,
                 *         "id": "op-2"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["UpdateTemplatesRequestItem"][];
            };
        };
        responses: {
            /** @description One entry per requested update, each with its own status (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
                     *             "name": "nginx-template-k3m9q2z",
                     *             "id": "op-1"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "3e8d4a2b-7c6f-4b1a-9d0e-5f4c3b2a1e0d",
                     *             "name": "redis-template-p7w4t8n",
                     *             "id": "op-2"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTemplate: {
        parameters: {
            query?: {
                /**
                 * @description Whether to include details about the templates in the response. By default this is set to true, meaning that all information about the templates will be included in the response. If set to false, only the basic information about the templates will be included, such as their name and UUID.
                 * @example true
                 */
                details?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description The UUID of the template instance to retrieve.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template instance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
                     *             "name": "nginx-template-k3m9q2z",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "state": "template",
                     *             "image": "nginx:latest",
                     *             "memory_mb": 1024,
                     *             "vcpus": 1,
                     *             "args": [
                     *               "--port=8080",
                     *               "--debug"
                     *             ],
                     *             "env": {
                     *               "ENV_VAR": "value"
                     *             },
                     *             "restart_policy": "never",
                     *             "tags": [
                     *               "nginx",
                     *               "base"
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["GetTemplatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the template instance to delete.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted template instance, with its own status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
                     *             "name": "nginx-template-k3m9q2z",
                     *             "previous_state": "template"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the template instance to update.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "prop": "tags",
                 *       "op": "add",
                 *       "value": [
                 *         "production"
                 *       ],
                 *       "id": "op-1"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateTemplateByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The updated template instance, with its own status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "9b2f6c1e-3d4a-4e5f-8a7b-0c1d2e3f4a5b",
                     *             "name": "nginx-template-k3m9q2z",
                     *             "id": "op-1"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    suspendInstances: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-town-g756b5d"
                 *       },
                 *       {
                 *         "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                 *         "drain_timeout_ms": 250
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["SuspendInstancesRequestItem"][];
            };
        };
        responses: {
            /** @description One entry per requested instance, each with its current and previous state (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "state": "standby",
                     *             "previous_state": "running"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "6f3c1b52-8a4e-4d1f-9b7a-2c5e8d9f0a13",
                     *             "name": "hello-world-x9k2m1p",
                     *             "state": "draining",
                     *             "previous_state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 31
                     *     }
                     */
                    "application/json": components["schemas"]["SuspendInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getInstancesHistory: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint history of each requested instance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "history": [
                     *               {
                     *                 "uuid": "2b1a0f9e-8d7c-4b6a-9e5d-4c3b2a1f0e9d",
                     *                 "name": "funky-town-g756b5d-ckpt-1",
                     *                 "created_at": "2023-10-01T12:30:00Z"
                     *               },
                     *               {
                     *                 "uuid": "8e7d6c5b-4a39-4281-b7f6-e5d4c3b2a190",
                     *                 "name": "funky-town-g756b5d-ckpt-2",
                     *                 "created_at": "2023-10-01T13:30:00Z"
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 58
                     *     }
                     */
                    "application/json": components["schemas"]["GetCheckpointHistoryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCheckpoints: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
                /**
                 * @description The maximum number of items to return (page size). If not set or 0, all the items matching filters will be returned. When filtering by IDs, this should not be set.
                 * @example 50
                 */
                count?: components["parameters"]["Count"];
                /**
                 * @description Start the listing at this item, a UUID or an ISO 8601 creation time. The cursor is inclusive - the item it names is the first item returned.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                from?: components["parameters"]["From"];
                /**
                 * @description Sort order of the listing.
                 * @example asc
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Field to sort the listing by.
                 * @example create_time
                 */
                sortby?: components["parameters"]["SortBy"];
                /**
                 * @description A list of tags to filter by. Repeat the parameter for several.
                 * @example [
                 *       "production"
                 *     ]
                 */
                tags?: components["parameters"]["Tags"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint instances, each with its own status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *             "name": "funky-town-ckpt-r2d5x8w",
                     *             "created_at": "2023-10-04T10:00:00Z",
                     *             "state": "checkpoint",
                     *             "image": "nginx:latest",
                     *             "memory_mb": 1024,
                     *             "vcpus": 1,
                     *             "args": [
                     *               "--port=8080",
                     *               "--debug"
                     *             ],
                     *             "env": {
                     *               "ENV_VAR": "value"
                     *             },
                     *             "restart_policy": "never",
                     *             "tags": [
                     *               "nightly"
                     *             ]
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "2c4e6a8b-1d3f-4b5a-9c7e-0f2a4c6e8b1d",
                     *             "name": "funky-town-ckpt-m4n6p1q",
                     *             "created_at": "2023-10-05T10:00:00Z",
                     *             "state": "checkpoint",
                     *             "image": "nginx:latest",
                     *             "memory_mb": 1024,
                     *             "vcpus": 1,
                     *             "tags": []
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["GetCheckpointInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCheckpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "from": {
                 *           "name": "funky-town-g756b5d"
                 *         },
                 *         "name": "funky-town-ckpt-r2d5x8w",
                 *         "tags": [
                 *           "nightly"
                 *         ],
                 *         "timeout_s": 30,
                 *         "autokill": {
                 *           "time_ms": 86400000
                 *         }
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CreateCheckpointInstancesRequestItem"][];
            };
        };
        responses: {
            /** @description One entry per requested checkpoint, each with its own status (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *             "name": "funky-town-ckpt-r2d5x8w",
                     *             "state": "checkpoint"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["CreateCheckpointInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCheckpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["NameOrUUID"][];
            };
        };
        responses: {
            /** @description One entry per requested checkpoint, each with its own status (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *             "name": "funky-town-ckpt-r2d5x8w"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteCheckpointInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCheckpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-town-ckpt-r2d5x8w",
                 *         "prop": "tags",
                 *         "op": "add",
                 *         "value": [
                 *           "keep"
                 *         ],
                 *         "id": "op-1"
                 *       },
                 *       {
                 *         "uuid": "2c4e6a8b-1d3f-4b5a-9c7e-0f2a4c6e8b1d",
                 *         "prop": "autokill",
                 *         "op": "set",
                 *         "value": {
                 *           "time_ms": 3600000
                 *         },
                 *         "id": "op-2"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["UpdateCheckpointInstancesRequestItem"][];
            };
        };
        responses: {
            /** @description One entry per requested update, each with its own status (per-item failures included). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *             "name": "funky-town-ckpt-r2d5x8w",
                     *             "id": "op-1"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "2c4e6a8b-1d3f-4b5a-9c7e-0f2a4c6e8b1d",
                     *             "name": "funky-town-ckpt-m4n6p1q",
                     *             "id": "op-2"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateCheckpointInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCheckpointsHistory: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One entry per requested checkpoint, each with its own status and history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "2c4e6a8b-1d3f-4b5a-9c7e-0f2a4c6e8b1d",
                     *             "name": "funky-town-ckpt-m4n6p1q",
                     *             "history": [
                     *               {
                     *                 "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *                 "name": "funky-town-ckpt-r2d5x8w",
                     *                 "created_at": "2023-10-04T10:00:00Z"
                     *               },
                     *               {
                     *                 "uuid": "2c4e6a8b-1d3f-4b5a-9c7e-0f2a4c6e8b1d",
                     *                 "name": "funky-town-ckpt-m4n6p1q",
                     *                 "created_at": "2023-10-05T10:00:00Z"
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["GetCheckpointHistoryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCheckpoint: {
        parameters: {
            query?: {
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
            };
            header?: never;
            path: {
                /**
                 * @description The UUID of the checkpoint instance to retrieve.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint instance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *             "name": "funky-town-ckpt-r2d5x8w",
                     *             "created_at": "2023-10-04T10:00:00Z",
                     *             "state": "checkpoint",
                     *             "image": "nginx:latest",
                     *             "memory_mb": 1024,
                     *             "vcpus": 1,
                     *             "args": [
                     *               "--port=8080",
                     *               "--debug"
                     *             ],
                     *             "env": {
                     *               "ENV_VAR": "value"
                     *             },
                     *             "restart_policy": "never",
                     *             "tags": [
                     *               "nightly"
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["GetCheckpointInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the checkpoint instance to delete.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deleted checkpoint instance, with its own status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *             "name": "funky-town-ckpt-r2d5x8w"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteCheckpointInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the checkpoint instance to update.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "prop": "delete_lock",
                 *       "op": "set",
                 *       "value": true,
                 *       "id": "op-1"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateCheckpointInstanceByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The updated checkpoint instance, with its own status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *             "name": "funky-town-ckpt-r2d5x8w",
                     *             "id": "op-1"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateCheckpointInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCheckpointHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the checkpoint instance whose history to retrieve.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint instance with its history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *             "name": "funky-town-ckpt-r2d5x8w",
                     *             "history": [
                     *               {
                     *                 "uuid": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                     *                 "name": "funky-town-ckpt-r2d5x8w",
                     *                 "created_at": "2023-10-04T10:00:00Z"
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["GetCheckpointHistoryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getInstance: {
        parameters: {
            query?: {
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
            };
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to get.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "state": "running",
                     *             "private_fqdn": "funky-town-g756b5d.internal",
                     *             "image": "nginx:latest",
                     *             "memory_mb": 1024,
                     *             "vcpus": 1,
                     *             "args": [
                     *               "--port=8080",
                     *               "--debug"
                     *             ],
                     *             "env": {
                     *               "ENV_VAR": "value"
                     *             },
                     *             "start_count": 6,
                     *             "restart_count": 1,
                     *             "started_at": "2023-10-01T12:00:00Z",
                     *             "uptime_ms": 8954050300,
                     *             "vmm_start_time_us": 70040,
                     *             "vmm_load_time_us": 4050,
                     *             "vmm_ready_time_us": 400,
                     *             "boot_time_us": 9000,
                     *             "net_time_us": 11000,
                     *             "restart_policy": "never",
                     *             "scale_to_zero": {
                     *               "enabled": true,
                     *               "policy": "idle",
                     *               "stateful": true,
                     *               "cooldown_time_ms": 3000
                     *             },
                     *             "volumes": [
                     *               {
                     *                 "uuid": "2d7c9e41-5b3a-4f8e-a1c6-7e9f0b2d4c68",
                     *                 "name": "funky-volume-g756b5d",
                     *                 "at": "/mnt/funky-volume",
                     *                 "readonly": false
                     *               }
                     *             ],
                     *             "service_group": {
                     *               "uuid": "5a8e2f17-9c4b-4d3e-b6a0-1f2e3d4c5b6a",
                     *               "name": "funky-service-g756b5d"
                     *             },
                     *             "network_interfaces": [
                     *               {
                     *                 "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *                 "private_ip": "10.0.0.61",
                     *                 "mac": "12:b0:a0:00:00:3d",
                     *                 "rx_bytes": 5345,
                     *                 "rx_packets": 110,
                     *                 "tx_bytes": 1500,
                     *                 "tx_packets": 12
                     *               }
                     *             ],
                     *             "tags": [
                     *               "production"
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 432
                     *     }
                     */
                    "application/json": components["schemas"]["GetInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to delete.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "dont_retain": true
                 *     }
                 */
                "application/json": components["schemas"]["DeleteInstanceByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The deleted instance, with its own status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "previous_state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 221
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to update.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "prop": "memory_mb",
                 *       "op": "set",
                 *       "value": 256,
                 *       "id": "op-1"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateInstanceByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The updated instance, with its own status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "id": "op-1"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getInstanceLogs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to retrieve logs for.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The log output of the instance, with the available and returned byte ranges. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "output": "MjAyMy8xMC8wMSAxMjowMDowMCBbbm90aWNlXSAxIzA6IHN0YXJ0IHdvcmtlciBwcm9jZXNzZXMKMTAuMC4wLjEgLSAtIFswMS9PY3QvMjAyMzoxMjowMDowNSArMDAwMF0gIkdFVCAvIEhUVFAvMS4xIiAyMDAgNjE1ICItIiAiY3VybC84LjQuMCIK",
                     *             "available": {
                     *               "start": 0,
                     *               "end": 298
                     *             },
                     *             "range": {
                     *               "start": 157,
                     *               "end": 298
                     *             },
                     *             "state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 47
                     *     }
                     */
                    "application/json": components["schemas"]["GetInstanceLogsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getInstanceMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to retrieve metrics for.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics of the instance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "rss_bytes": 56777655,
                     *             "cpu_time_ms": 560007,
                     *             "boot_time_us": 9000,
                     *             "net_time_us": 11000,
                     *             "rx_bytes": 12312353,
                     *             "rx_packets": 43432,
                     *             "tx_bytes": 6565643,
                     *             "tx_packets": 54534,
                     *             "nconns": 5,
                     *             "nreqs": 12,
                     *             "nqueued": 5,
                     *             "ntotal": 21
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["GetInstanceMetricsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    startInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to start.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "timeout_s": 5
                 *     }
                 */
                "application/json": components["schemas"]["StartInstanceByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The instance, with its current and previous state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "state": "starting",
                     *             "previous_state": "stopped"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 256
                     *     }
                     */
                    "application/json": components["schemas"]["StartInstanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    stopInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to stop.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "drain_timeout_ms": 250
                 *     }
                 */
                "application/json": components["schemas"]["StopInstanceByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The instance, with its current and previous state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "state": "draining",
                     *             "previous_state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 23
                     *     }
                     */
                    "application/json": components["schemas"]["StopInstanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    waitInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to wait for.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The instance waited on, with its current state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 450
                     *     }
                     */
                    "application/json": components["schemas"]["WaitInstanceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    suspendInstance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to suspend.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "drain_timeout_ms": 250
                 *     }
                 */
                "application/json": components["schemas"]["SuspendInstanceByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The instance, with its current and previous state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "state": "standby",
                     *             "previous_state": "running"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 31
                     *     }
                     */
                    "application/json": components["schemas"]["SuspendInstancesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getInstanceHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the instance to get the checkpoint history of.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint history of the instance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "instances": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-town-g756b5d",
                     *             "history": [
                     *               {
                     *                 "uuid": "2b1a0f9e-8d7c-4b6a-9e5d-4c3b2a1f0e9d",
                     *                 "name": "funky-town-g756b5d-ckpt-1",
                     *                 "created_at": "2023-10-01T12:30:00Z"
                     *               },
                     *               {
                     *                 "uuid": "8e7d6c5b-4a39-4281-b7f6-e5d4c3b2a190",
                     *                 "name": "funky-town-g756b5d-ckpt-2",
                     *                 "created_at": "2023-10-01T13:30:00Z"
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 58
                     *     }
                     */
                    "application/json": components["schemas"]["GetCheckpointHistoryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listVolumes: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
                /**
                 * @description The maximum number of items to return (page size). If not set or 0, all the items matching filters will be returned. When filtering by IDs, this should not be set.
                 * @example 50
                 */
                count?: components["parameters"]["Count"];
                /**
                 * @description Start the listing at this item, a UUID or an ISO 8601 creation time. The cursor is inclusive - the item it names is the first item returned.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                from?: components["parameters"]["From"];
                /**
                 * @description Sort order of the listing.
                 * @example asc
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Field to sort the listing by.
                 * @example create_time
                 */
                sortby?: components["parameters"]["SortBy"];
                /**
                 * @description A list of tags to filter by. Repeat the parameter for several.
                 * @example [
                 *       "production"
                 *     ]
                 */
                tags?: components["parameters"]["Tags"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The volume(s) that were retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "state": "mounted",
                     *             "size_mb": 64,
                     *             "persistent": true,
                     *             "attached_to": [
                     *               {
                     *                 "name": "funky-town-g7gum5cj"
                     *               }
                     *             ],
                     *             "mounted_by": [
                     *               {
                     *                 "name": "funky-town-g7gum5cj",
                     *                 "readonly": false
                     *               }
                     *             ],
                     *             "tags": [
                     *               "production"
                     *             ],
                     *             "quota_policy": "static",
                     *             "delete_lock": false,
                     *             "free_mb": 48,
                     *             "filesystem": "ext4",
                     *             "access_mode": "rwo",
                     *             "status": "success"
                     *           },
                     *           {
                     *             "uuid": "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b",
                     *             "name": "funky-vol-t7qumh5j",
                     *             "created_at": "2023-10-02T08:30:00Z",
                     *             "state": "available",
                     *             "size_mb": 128,
                     *             "persistent": true,
                     *             "attached_to": [],
                     *             "mounted_by": [],
                     *             "tags": [],
                     *             "quota_policy": "dynamic",
                     *             "delete_lock": false,
                     *             "free_mb": 128,
                     *             "filesystem": "ext4",
                     *             "access_mode": "rwo",
                     *             "status": "success"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 105
                     *     }
                     */
                    "application/json": components["schemas"]["GetVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createVolume: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "funky-vol-t7qumh5j",
                 *       "size_mb": 64
                 *     }
                 */
                "application/json": components["schemas"]["CreateVolumeRequest"];
            };
        };
        responses: {
            /** @description The volume that was created (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj",
                     *             "state": "initializing"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 810
                     *     }
                     */
                    "application/json": components["schemas"]["CreateVolumeResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteVolumes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-vol-g7gum5cj"
                 *       },
                 *       {
                 *         "uuid": "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["NameOrUUID"][];
            };
        };
        responses: {
            /** @description Per-volume results of the deletion. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b",
                     *             "name": "funky-vol-t7qumh5j"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 1520
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateVolumes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-vol-g7gum5cj",
                 *         "prop": "size_mb",
                 *         "op": "set",
                 *         "value": 128,
                 *         "id": "op-1"
                 *       },
                 *       {
                 *         "uuid": "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b",
                 *         "prop": "tags",
                 *         "op": "add",
                 *         "value": [
                 *           "production"
                 *         ],
                 *         "id": "op-2"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["UpdateVolumesRequestItem"][];
            };
        };
        responses: {
            /** @description Per-volume results of the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj",
                     *             "status": "success",
                     *             "id": "op-1"
                     *           },
                     *           {
                     *             "uuid": "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b",
                     *             "name": "funky-vol-t7qumh5j",
                     *             "status": "success",
                     *             "id": "op-2"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    attachVolumes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-vol-g7gum5cj",
                 *         "attach_to": {
                 *           "name": "funky-town-g7gum5cj"
                 *         },
                 *         "at": "/mnt/my-volume",
                 *         "readonly": false
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["AttachVolumesRequest"][];
            };
        };
        responses: {
            /** @description Per-volume results of the attachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 230
                     *     }
                     */
                    "application/json": components["schemas"]["AttachVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    detachVolumes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-vol-g7gum5cj",
                 *         "from": {
                 *           "name": "funky-town-g7gum5cj"
                 *         }
                 *       },
                 *       {
                 *         "uuid": "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["DetachVolumesRequest"][];
            };
        };
        responses: {
            /** @description Per-volume results of the detachment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "8f2b6a1e-3c4d-4e5f-9a0b-1c2d3e4f5a6b",
                     *             "name": "funky-vol-t7qumh5j"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 198
                     *     }
                     */
                    "application/json": components["schemas"]["DetachVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cloneVolumes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-vol-g7gum5cj",
                 *         "vol_name": "funky-vol-clone-r5n2w8x",
                 *         "tags": [
                 *           "staging"
                 *         ]
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CloneVolumesRequestItem"][];
            };
        };
        responses: {
            /** @description Per-volume results of the cloning (one entry per new volume). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5e7a",
                     *             "name": "funky-vol-clone-r5n2w8x",
                     *             "state": "initializing"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 950
                     *     }
                     */
                    "application/json": components["schemas"]["CloneVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listVolumeTemplates: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
                /**
                 * @description The maximum number of items to return (page size). If not set or 0, all the items matching filters will be returned. When filtering by IDs, this should not be set.
                 * @example 50
                 */
                count?: components["parameters"]["Count"];
                /**
                 * @description Start the listing at this item, a UUID or an ISO 8601 creation time. The cursor is inclusive - the item it names is the first item returned.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                from?: components["parameters"]["From"];
                /**
                 * @description Sort order of the listing.
                 * @example asc
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Field to sort the listing by.
                 * @example create_time
                 */
                sortby?: components["parameters"]["SortBy"];
                /**
                 * @description A list of tags to filter by. Repeat the parameter for several.
                 * @example [
                 *       "production"
                 *     ]
                 */
                tags?: components["parameters"]["Tags"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The volume template(s) that were retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
                     *             "name": "base-vol-template-h4k8p2q",
                     *             "created_at": "2023-10-04T09:00:00Z",
                     *             "state": "template",
                     *             "size_mb": 256,
                     *             "persistent": true,
                     *             "attached_to": [],
                     *             "tags": [
                     *               "base"
                     *             ],
                     *             "quota_policy": "static",
                     *             "delete_lock": true,
                     *             "filesystem": "ext4"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 58
                     *     }
                     */
                    "application/json": components["schemas"]["GetVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createVolumeTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "base-vol-template-h4k8p2q"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["NameOrUUID"][];
            };
        };
        responses: {
            /** @description Per-volume results of the conversion. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
                     *             "name": "base-vol-template-h4k8p2q",
                     *             "state": "template"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 340
                     *     }
                     */
                    "application/json": components["schemas"]["CreateTemplateVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteVolumeTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["NameOrUUID"][];
            };
        };
        responses: {
            /** @description Per-template results of the deletion. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
                     *             "name": "base-vol-template-h4k8p2q"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 410
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateVolumeTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "base-vol-template-h4k8p2q",
                 *         "prop": "delete_lock",
                 *         "op": "set",
                 *         "value": true,
                 *         "id": "op-1"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["UpdateTemplateVolumesRequestItem"][];
            };
        };
        responses: {
            /** @description Per-template results of the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
                     *             "name": "base-vol-template-h4k8p2q",
                     *             "status": "success",
                     *             "id": "op-1"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 71
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVolumeTemplate: {
        parameters: {
            query?: {
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
            };
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The volume template (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
                     *             "name": "base-vol-template-h4k8p2q",
                     *             "created_at": "2023-10-04T09:00:00Z",
                     *             "state": "template",
                     *             "size_mb": 256,
                     *             "persistent": true,
                     *             "attached_to": [],
                     *             "tags": [
                     *               "base"
                     *             ],
                     *             "quota_policy": "static",
                     *             "delete_lock": true,
                     *             "filesystem": "ext4"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 41
                     *     }
                     */
                    "application/json": components["schemas"]["GetVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteVolumeTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the deletion (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
                     *             "name": "base-vol-template-h4k8p2q"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 388
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateVolumeTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "prop": "tags",
                 *       "op": "add",
                 *       "value": [
                 *         "base"
                 *       ],
                 *       "id": "op-1"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateTemplateVolumeByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The result of the update (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "uuid": "4d7e9a2c-1b3f-4c5d-8e6f-7a8b9c0d1e2f",
                     *             "name": "base-vol-template-h4k8p2q",
                     *             "status": "success",
                     *             "id": "op-1"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 66
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVolume: {
        parameters: {
            query?: {
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
            };
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The volume (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "state": "mounted",
                     *             "size_mb": 64,
                     *             "persistent": true,
                     *             "attached_to": [
                     *               {
                     *                 "name": "funky-town-g7gum5cj"
                     *               }
                     *             ],
                     *             "mounted_by": [
                     *               {
                     *                 "name": "funky-town-g7gum5cj",
                     *                 "readonly": false
                     *               }
                     *             ],
                     *             "tags": [
                     *               "production"
                     *             ],
                     *             "quota_policy": "static",
                     *             "delete_lock": false,
                     *             "free_mb": 48,
                     *             "filesystem": "ext4",
                     *             "access_mode": "rwo",
                     *             "status": "success"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 64
                     *     }
                     */
                    "application/json": components["schemas"]["GetVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteVolume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the deletion (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 1130
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateVolume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "prop": "tags",
                 *       "op": "add",
                 *       "value": [
                 *         "production"
                 *       ],
                 *       "id": "op-1"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateVolumeByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The result of the update (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj",
                     *             "status": "success",
                     *             "id": "op-1"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    attachVolume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "attach_to": {
                 *         "name": "funky-town-g7gum5cj"
                 *       },
                 *       "at": "/mnt/my-volume",
                 *       "readonly": false
                 *     }
                 */
                "application/json": components["schemas"]["AttachVolumeByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The result of the attachment (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 210
                     *     }
                     */
                    "application/json": components["schemas"]["AttachVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    detachVolume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "from": {
                 *         "name": "funky-town-g7gum5cj"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["DetachVolumeByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The result of the detachment (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-vol-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 187
                     *     }
                     */
                    "application/json": components["schemas"]["DetachVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cloneVolume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "vol_name": "funky-vol-clone-r5n2w8x",
                 *       "quota_policy": "dynamic"
                 *     }
                 */
                "application/json": components["schemas"]["CloneVolumeByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The new volume (one entry in `data.volumes`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "volumes": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "2a4c6e8f-0b1d-4f3a-9c5e-7d9f1b3d5e7a",
                     *             "name": "funky-vol-clone-r5n2w8x",
                     *             "state": "initializing"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 870
                     *     }
                     */
                    "application/json": components["schemas"]["CloneVolumesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listServiceGroups: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
                /**
                 * @description The maximum number of items to return (page size). If not set or 0, all the items matching filters will be returned. When filtering by IDs, this should not be set.
                 * @example 50
                 */
                count?: components["parameters"]["Count"];
                /**
                 * @description Start the listing at this item, a UUID or an ISO 8601 creation time. The cursor is inclusive - the item it names is the first item returned.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                from?: components["parameters"]["From"];
                /**
                 * @description Sort order of the listing.
                 * @example asc
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Field to sort the listing by.
                 * @example create_time
                 */
                sortby?: components["parameters"]["SortBy"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service group(s) that were retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "persistent": true,
                     *             "autoscale": false,
                     *             "soft_limit": 1,
                     *             "hard_limit": 100,
                     *             "services": [
                     *               {
                     *                 "port": 443,
                     *                 "destination_port": 8080,
                     *                 "protocol": "tcp",
                     *                 "handlers": [
                     *                   "tls",
                     *                   "http"
                     *                 ]
                     *               },
                     *               {
                     *                 "port": 80,
                     *                 "destination_port": 443,
                     *                 "protocol": "tcp",
                     *                 "handlers": [
                     *                   "http",
                     *                   "redirect"
                     *                 ]
                     *               }
                     *             ],
                     *             "domains": [
                     *               {
                     *                 "fqdn": "example.com.",
                     *                 "certificate": {
                     *                   "name": "funky-certificate"
                     *                 }
                     *               }
                     *             ],
                     *             "instances": [
                     *               {
                     *                 "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *                 "name": "funky-town-g756b5d"
                     *               }
                     *             ],
                     *             "autokill": {
                     *               "time_ms": 0
                     *             },
                     *             "status": "success"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 46
                     *     }
                     */
                    "application/json": components["schemas"]["GetServiceGroupsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createServiceGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "funky-service-g7gum5cj",
                 *       "services": [
                 *         {
                 *           "port": 443,
                 *           "destination_port": 8080,
                 *           "handlers": [
                 *             "tls",
                 *             "http"
                 *           ]
                 *         },
                 *         {
                 *           "port": 80,
                 *           "destination_port": 443,
                 *           "handlers": [
                 *             "http",
                 *             "redirect"
                 *           ]
                 *         }
                 *       ],
                 *       "domains": [
                 *         {
                 *           "name": "example.com."
                 *         }
                 *       ],
                 *       "soft_limit": 1,
                 *       "hard_limit": 100,
                 *       "autokill": {
                 *         "time_ms": 60000
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateServiceGroupRequest"];
            };
        };
        responses: {
            /** @description The service group that was created (one entry in `data.service_groups`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 46
                     *     }
                     */
                    "application/json": components["schemas"]["CreateServiceGroupResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteServiceGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-service-g7gum5cj"
                 *       },
                 *       {
                 *         "uuid": "12345678-90ab-cdef-1234-567890abcdef"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["NameOrUUID"][];
            };
        };
        responses: {
            /** @description Per-service-group results of the deletion. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "12345678-90ab-cdef-1234-567890abcdef",
                     *             "name": "funky-service-t7qumh5j"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 46
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteServiceGroupsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateServiceGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-service-g7gum5cj",
                 *         "prop": "soft_limit",
                 *         "op": "set",
                 *         "value": 5,
                 *         "id": "op-1"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["UpdateServiceGroupsRequestItem"][];
            };
        };
        responses: {
            /** @description Per-service-group results of the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj",
                     *             "status": "success",
                     *             "id": "op-1"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateServiceGroupsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAutoscaleConfigurations: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The autoscale configuration(s) of the service group(s). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj",
                     *             "enabled": true,
                     *             "min_size": 2,
                     *             "max_size": 10,
                     *             "warmup_time_ms": 3000,
                     *             "cooldown_time_ms": 3000,
                     *             "template": {
                     *               "name": "funky-instance-template",
                     *               "uuid": "123e4567-e89b-12d3-a456-426614174000"
                     *             },
                     *             "policies": [
                     *               {
                     *                 "name": "funky-policy",
                     *                 "enabled": true,
                     *                 "metric": "cpu",
                     *                 "adjustment_type": "percentage",
                     *                 "steps": [
                     *                   {
                     *                     "lower_bound": 10,
                     *                     "upper_bound": 500,
                     *                     "adjustment": 50
                     *                   },
                     *                   {
                     *                     "lower_bound": 500,
                     *                     "adjustment": 100
                     *                   }
                     *                 ]
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 58
                     *     }
                     */
                    "application/json": components["schemas"]["GetAutoscaleConfigurationsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAutoscaleConfigurations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-service-g7gum5cj",
                 *         "min_size": 2,
                 *         "max_size": 12,
                 *         "warmup_time_ms": 100,
                 *         "cooldown_time_ms": 100,
                 *         "create_args": {
                 *           "template": {
                 *             "name": "nginx-template-k3m9q2z"
                 *           }
                 *         }
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["CreateAutoscaleConfigurationsRequestConfiguration"][];
            };
        };
        responses: {
            /** @description Per-service-group results of the creation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 312
                     *     }
                     */
                    "application/json": components["schemas"]["CreateAutoscaleConfigurationsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAutoscaleConfigurations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-service-g7gum5cj"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["NameOrUUID"][];
            };
        };
        responses: {
            /** @description Per-service-group results of the deletion. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 240
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteAutoscaleConfigurationsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getServiceGroup: {
        parameters: {
            query?: {
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
            };
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service group (one entry in `data.service_groups`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "persistent": true,
                     *             "autoscale": false,
                     *             "soft_limit": 1,
                     *             "hard_limit": 100,
                     *             "services": [
                     *               {
                     *                 "port": 443,
                     *                 "destination_port": 8080,
                     *                 "handlers": [
                     *                   "tls",
                     *                   "http"
                     *                 ]
                     *               },
                     *               {
                     *                 "port": 80,
                     *                 "destination_port": 443,
                     *                 "handlers": [
                     *                   "http",
                     *                   "redirect"
                     *                 ]
                     *               }
                     *             ],
                     *             "domains": [
                     *               {
                     *                 "fqdn": "example.com.",
                     *                 "certificate": {
                     *                   "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *                   "name": "funky-certificate",
                     *                   "state": "valid"
                     *                 }
                     *               }
                     *             ],
                     *             "instances": [
                     *               {
                     *                 "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *                 "name": "funky-town-g756b5d"
                     *               }
                     *             ],
                     *             "status": "success"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 41
                     *     }
                     */
                    "application/json": components["schemas"]["GetServiceGroupsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteServiceGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the deletion (one entry in `data.service_groups`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 46
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteServiceGroupsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateServiceGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "prop": "hard_limit",
                 *       "op": "set",
                 *       "value": 100,
                 *       "id": "op-1"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateServiceGroupByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The result of the update (one entry in `data.service_groups`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj",
                     *             "status": "success",
                     *             "id": "op-1"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 76
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateServiceGroupsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAutoscaleConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The autoscale configuration of the service group (one entry in `data.service_groups`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj",
                     *             "enabled": true,
                     *             "min_size": 2,
                     *             "max_size": 10,
                     *             "warmup_time_ms": 3000,
                     *             "cooldown_time_ms": 3000,
                     *             "template": {
                     *               "name": "funky-instance-template",
                     *               "uuid": "123e4567-e89b-12d3-a456-426614174000"
                     *             },
                     *             "policies": [
                     *               {
                     *                 "name": "funky-policy",
                     *                 "enabled": true,
                     *                 "metric": "cpu",
                     *                 "adjustment_type": "percentage",
                     *                 "steps": [
                     *                   {
                     *                     "lower_bound": 10,
                     *                     "upper_bound": 500,
                     *                     "adjustment": 50
                     *                   },
                     *                   {
                     *                     "lower_bound": 500,
                     *                     "adjustment": 100
                     *                   }
                     *                 ]
                     *               }
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 44
                     *     }
                     */
                    "application/json": components["schemas"]["GetAutoscaleConfigurationsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAutoscaleConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "uuid": "123e4567-e89b-12d3-a456-426614174000",
                 *       "min_size": 2,
                 *       "max_size": 12,
                 *       "warmup_time_ms": 100,
                 *       "cooldown_time_ms": 100,
                 *       "create_args": {
                 *         "template": {
                 *           "name": "nginx-template-k3m9q2z"
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateAutoscaleConfigurationByServiceGroupUUIDRequest"];
            };
        };
        responses: {
            /** @description The result of the creation (one entry in `data.service_groups`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 298
                     *     }
                     */
                    "application/json": components["schemas"]["CreateAutoscaleConfigurationsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAutoscaleConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the deletion (one entry in `data.service_groups`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "service_groups": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-service-g7gum5cj"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 236
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteAutoscaleConfigurationsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAutoscalePolicies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policies of the autoscale configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "policies": [
                     *           {
                     *             "status": "success",
                     *             "policy": {
                     *               "name": "funky-policy",
                     *               "enabled": true,
                     *               "metric": "cpu",
                     *               "adjustment_type": "percentage",
                     *               "steps": [
                     *                 {
                     *                   "lower_bound": 10,
                     *                   "upper_bound": 500,
                     *                   "adjustment": 50
                     *                 },
                     *                 {
                     *                   "lower_bound": 500,
                     *                   "adjustment": 100
                     *                 }
                     *               ]
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 39
                     *     }
                     */
                    "application/json": components["schemas"]["GetAutoscaleConfigurationPolicyResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAutoscalePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "funky-service-g7gum5cj",
                 *       "type": {
                 *         "name": "funky-policy",
                 *         "enabled": true,
                 *         "metric": "cpu",
                 *         "adjustment_type": "percentage",
                 *         "steps": [
                 *           {
                 *             "lower_bound": 10,
                 *             "upper_bound": 500,
                 *             "adjustment": 50
                 *           },
                 *           {
                 *             "lower_bound": 500,
                 *             "adjustment": 100
                 *           }
                 *         ]
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CreateAutoscaleConfigurationPolicyRequest"];
            };
        };
        responses: {
            /** @description The result of adding the policy (one entry in `data.policies`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "policies": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "name": "funky-policy"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 120
                     *     }
                     */
                    "application/json": components["schemas"]["CreateAutoscaleConfigurationPolicyResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAutoscalePolicies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "funky-policy"
                 *     }
                 */
                "application/json": components["schemas"]["DeletePolicyRequest"];
            };
        };
        responses: {
            /** @description The result of the deletion (one entry in `data.policies`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "policies": [
                     *           {
                     *             "status": "success",
                     *             "name": "funky-policy"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 95
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteAutoscaleConfigurationPolicyResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAutoscalePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
                /**
                 * @description The name of the autoscale policy.
                 * @example funky-policy
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy (one entry in `data.policies`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "policies": [
                     *           {
                     *             "status": "success",
                     *             "policy": {
                     *               "name": "funky-policy",
                     *               "enabled": true,
                     *               "metric": "cpu",
                     *               "adjustment_type": "percentage",
                     *               "steps": [
                     *                 {
                     *                   "lower_bound": 10,
                     *                   "upper_bound": 500,
                     *                   "adjustment": 50
                     *                 },
                     *                 {
                     *                   "lower_bound": 500,
                     *                   "adjustment": 100
                     *                 }
                     *               ]
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 35
                     *     }
                     */
                    "application/json": components["schemas"]["GetAutoscaleConfigurationPolicyResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAutoscalePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
                /**
                 * @description The name of the autoscale policy.
                 * @example funky-policy
                 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the deletion (one entry in `data.policies`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "policies": [
                     *           {
                     *             "status": "success",
                     *             "name": "funky-policy"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 92
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteAutoscaleConfigurationPolicyResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listCertificates: {
        parameters: {
            query?: {
                /**
                 * @description Filter by UUID(s). Repeat the parameter for several (`?uuid=a&uuid=b`). Mutually exclusive per item with name.
                 * @example [
                 *       "123e4567-e89b-12d3-a456-426614174000"
                 *     ]
                 */
                uuid?: components["parameters"]["UUIDFilter"];
                /**
                 * @description Filter by name(s). Repeat the parameter for several (`?name=a&name=b`).
                 * @example [
                 *       "funky-town-g756b5d"
                 *     ]
                 */
                name?: components["parameters"]["NameFilter"];
                /**
                 * @description Whether to include details about the resource in the response. By default this is set to true, meaning that all information about the resource will be included in the response. If set to false, only the basic information about the resource will be included, such as its name and UUID.
                 * @example true
                 */
                details?: components["parameters"]["Details"];
                /**
                 * @description The maximum number of items to return (page size). If not set or 0, all the items matching filters will be returned. When filtering by IDs, this should not be set.
                 * @example 50
                 */
                count?: components["parameters"]["Count"];
                /**
                 * @description Start the listing at this item, a UUID or an ISO 8601 creation time. The cursor is inclusive - the item it names is the first item returned.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                from?: components["parameters"]["From"];
                /**
                 * @description Sort order of the listing.
                 * @example asc
                 */
                order?: components["parameters"]["Order"];
                /**
                 * @description Field to sort the listing by.
                 * @example create_time
                 */
                sortby?: components["parameters"]["SortBy"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The certificate(s) that were retrieved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "certificates": [
                     *           {
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-certificate",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "common_name": "example.com",
                     *             "subject": "CN=example.com",
                     *             "issuer": "CN=R10,O=Let's Encrypt,C=US",
                     *             "serial_number": "123456789ABCDEF123456789ABCDEF123456",
                     *             "not_before": "2023-10-01T12:00:00Z",
                     *             "not_after": "2023-12-30T12:00:00Z",
                     *             "state": "valid",
                     *             "status": "success"
                     *           },
                     *           {
                     *             "uuid": "5b0c9d8e-7f6a-4b5c-8d9e-0f1a2b3c4d5e",
                     *             "name": "funky-certificate-2",
                     *             "created_at": "2023-10-05T09:15:00Z",
                     *             "common_name": "api.example.com",
                     *             "subject": "CN=api.example.com",
                     *             "issuer": "CN=R10,O=Let's Encrypt,C=US",
                     *             "serial_number": "04A1B2C3D4E5F60718293A4B5C6D7E8F9012",
                     *             "not_before": "2023-10-05T09:15:00Z",
                     *             "not_after": "2024-01-03T09:15:00Z",
                     *             "state": "valid",
                     *             "status": "success"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 55
                     *     }
                     */
                    "application/json": components["schemas"]["GetCertificatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCertificates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-certificate",
                 *         "chain": "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n-----END CERTIFICATE-----\n",
                 *         "pkey": "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgevZzL1gdAFr88hb2\n-----END PRIVATE KEY-----\n"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["UpdateCertificatesRequestItem"][];
            };
        };
        responses: {
            /** @description Per-certificate results of the update. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "certificates": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-certificate",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "common_name": "example.com",
                     *             "subject": "CN=example.com",
                     *             "issuer": "CN=R11,O=Let's Encrypt,C=US",
                     *             "serial_number": "0456789ABCDEF123456789ABCDEF12345678",
                     *             "not_before": "2023-12-01T12:00:00Z",
                     *             "not_after": "2024-02-29T12:00:00Z",
                     *             "state": "valid"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 51
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateCertificatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "funky-certificate",
                 *       "common_name": "example.com",
                 *       "chain": "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n-----END CERTIFICATE-----\n",
                 *       "pkey": "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgevZzL1gdAFr88hb2\n-----END PRIVATE KEY-----\n"
                 *     }
                 */
                "application/json": components["schemas"]["CreateCertificateRequest"];
            };
        };
        responses: {
            /** @description The certificate that was created (one entry in `data.certificates`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "certificates": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-certificate"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 32
                     *     }
                     */
                    "application/json": components["schemas"]["CreateCertificateResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCertificates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "name": "funky-certificate"
                 *       },
                 *       {
                 *         "uuid": "5b0c9d8e-7f6a-4b5c-8d9e-0f1a2b3c4d5e"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["NameOrUUID"][];
            };
        };
        responses: {
            /** @description Per-certificate results of the deletion. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "certificates": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-certificate"
                     *           },
                     *           {
                     *             "status": "success",
                     *             "uuid": "5b0c9d8e-7f6a-4b5c-8d9e-0f1a2b3c4d5e",
                     *             "name": "funky-certificate-2"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 42
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteCertificatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The certificate (one entry in `data.certificates`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "certificates": [
                     *           {
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-certificate",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "common_name": "example.com",
                     *             "subject": "CN=example.com",
                     *             "issuer": "CN=R10,O=Let's Encrypt,C=US",
                     *             "serial_number": "123456789ABCDEF123456789ABCDEF123456",
                     *             "not_before": "2023-10-01T12:00:00Z",
                     *             "not_after": "2023-12-30T12:00:00Z",
                     *             "state": "valid",
                     *             "status": "success"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 38
                     *     }
                     */
                    "application/json": components["schemas"]["GetCertificatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "chain": "-----BEGIN CERTIFICATE-----\nMIIFazCCA1OgAwIBAgIRAIIQz7DSQONZRGPgu2OCiwAwDQYJKoZIhvcNAQELBQAw\n-----END CERTIFICATE-----\n",
                 *       "pkey": "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgevZzL1gdAFr88hb2\n-----END PRIVATE KEY-----\n"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateCertificateByUUIDRequestBody"];
            };
        };
        responses: {
            /** @description The updated certificate (one entry in `data.certificates`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "certificates": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-certificate",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "common_name": "example.com",
                     *             "not_before": "2023-12-01T12:00:00Z",
                     *             "not_after": "2024-02-29T12:00:00Z",
                     *             "state": "valid"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 47
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateCertificatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the deletion (one entry in `data.certificates`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "certificates": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "123e4567-e89b-12d3-a456-426614174000",
                     *             "name": "funky-certificate"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 40
                     *     }
                     */
                    "application/json": components["schemas"]["DeleteCertificatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getImages: {
        parameters: {
            query?: {
                /**
                 * @description The tag (canonical name) of the image to look up, e.g. `funky-user/my-image:latest`. Give either `tag` or `digest`.
                 * @example funky-user/my-image:latest
                 */
                tag?: components["parameters"]["ImageTagQuery"];
                /**
                 * @description The digest of the image manifest to look up, the hashing algorithm and the hash separated by a colon (`sha256:<64 hex digits>`). Give either `tag` or `digest`.
                 * @example sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef
                 */
                digest?: components["parameters"]["ImageDigestQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching image(s), in `data.images`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "images": [
                     *           {
                     *             "url": "funky-user/my-image:latest",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "initrd_or_rom": false,
                     *             "size_in_bytes": 1843200,
                     *             "args": [
                     *               "/usr/bin/my-app",
                     *               "--port=8080"
                     *             ],
                     *             "env": {
                     *               "ENV_VAR": "value"
                     *             },
                     *             "tags": [
                     *               "funky-user/my-image:latest",
                     *               "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 46
                     *     }
                     */
                    "application/json": components["schemas"]["GetImagesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    pinImages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "url": "funky-user/my-image:latest",
                 *         "timeout_s": 60,
                 *         "pull_policy": "if_not_present"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["PinImageRequestItem"][];
            };
        };
        responses: {
            /** @description Per-image results of the pinning. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "images": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
                     *             "name": "funky-user/my-image:latest",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "state": "ready",
                     *             "url": "funky-user/my-image:latest",
                     *             "persistent": true,
                     *             "tags": [
                     *               "latest"
                     *             ]
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 1520
                     *     }
                     */
                    "application/json": components["schemas"]["PinImagesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    unpinImages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example [
                 *       {
                 *         "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"
                 *       }
                 *     ]
                 */
                "application/json": components["schemas"]["UnpinImageRequestItem"][];
            };
        };
        responses: {
            /** @description Per-image results of the unpinning. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "images": [
                     *           {
                     *             "status": "success",
                     *             "uuid": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
                     *             "name": "funky-user/my-image:latest"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 38
                     *     }
                     */
                    "application/json": components["schemas"]["UnpinImagesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getImageStore: {
        parameters: {
            query?: {
                /**
                 * @description The tag (canonical name) of the image to look up, e.g. `funky-user/my-image:latest`. Give either `tag` or `digest`.
                 * @example funky-user/my-image:latest
                 */
                tag?: components["parameters"]["ImageTagQuery"];
                /**
                 * @description The digest of the image manifest to look up, the hashing algorithm and the hash separated by a colon (`sha256:<64 hex digits>`). Give either `tag` or `digest`.
                 * @example sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef
                 */
                digest?: components["parameters"]["ImageDigestQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching image(s) of the image store, in `data.images`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "images": [
                     *           {
                     *             "url": "funky-user/my-image:latest",
                     *             "created_at": "2023-10-01T12:00:00Z",
                     *             "initrd_or_rom": false,
                     *             "size_in_bytes": 1843200,
                     *             "tags": [
                     *               "latest"
                     *             ],
                     *             "persistent": true
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 52
                     *     }
                     */
                    "application/json": components["schemas"]["GetImagesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getQuotas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's quotas (one entry in `data.quotas`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "quotas": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "used": {
                     *               "instances": 4,
                     *               "live_instances": 2,
                     *               "live_vcpus": 2,
                     *               "live_memory_mb": 512,
                     *               "service_groups": 3,
                     *               "services": 6,
                     *               "volumes": 2,
                     *               "total_volume_mb": 192
                     *             },
                     *             "hard": {
                     *               "instances": 16,
                     *               "live_instances": 4,
                     *               "live_vcpus": 4,
                     *               "live_memory_mb": 2048,
                     *               "service_groups": 15,
                     *               "services": 30,
                     *               "volumes": 8,
                     *               "total_volume_mb": 1024
                     *             },
                     *             "limits": {
                     *               "min_memory_mb": 16,
                     *               "max_memory_mb": 2048,
                     *               "min_volume_mb": 1,
                     *               "max_volume_mb": 1024,
                     *               "min_autoscale_size": 1,
                     *               "max_autoscale_size": 16,
                     *               "min_vcpus": 1,
                     *               "max_vcpus": 4
                     *             },
                     *             "status": "success"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 28
                     *     }
                     */
                    "application/json": components["schemas"]["QuotasResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUserQuotas: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The UUID of the resource.
                 * @example 123e4567-e89b-12d3-a456-426614174000
                 */
                uuid: components["parameters"]["UUIDPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's quotas (one entry in `data.quotas`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "quotas": [
                     *           {
                     *             "uuid": "c1d2e3f4-5678-90ab-cdef-1234567890ab",
                     *             "used": {
                     *               "instances": 4,
                     *               "live_instances": 2,
                     *               "live_vcpus": 2,
                     *               "live_memory_mb": 512,
                     *               "service_groups": 3,
                     *               "services": 6,
                     *               "volumes": 2,
                     *               "total_volume_mb": 192
                     *             },
                     *             "hard": {
                     *               "instances": 16,
                     *               "live_instances": 4,
                     *               "live_vcpus": 4,
                     *               "live_memory_mb": 2048,
                     *               "service_groups": 15,
                     *               "services": 30,
                     *               "volumes": 8,
                     *               "total_volume_mb": 1024
                     *             },
                     *             "limits": {
                     *               "min_memory_mb": 16,
                     *               "max_memory_mb": 2048,
                     *               "min_volume_mb": 1,
                     *               "max_volume_mb": 1024,
                     *               "min_autoscale_size": 1,
                     *               "max_autoscale_size": 16,
                     *               "min_vcpus": 1,
                     *               "max_vcpus": 4
                     *             },
                     *             "status": "success"
                     *           }
                     *         ]
                     *       },
                     *       "op_time_us": 31
                     *     }
                     */
                    "application/json": components["schemas"]["QuotasResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API is healthy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "success",
                     *       "data": {
                     *         "checks": {
                     *           "images": "healthy",
                     *           "systemd": "healthy"
                     *         },
                     *         "versions": {
                     *           "platform": "1.0.0"
                     *         }
                     *       },
                     *       "op_time_us": 875
                     *     }
                     */
                    "application/json": components["schemas"]["HealthzResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
