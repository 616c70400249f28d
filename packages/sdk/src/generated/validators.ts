/**
 * This file was generated from spec/openapi.yaml by tools/codegen/validators.mjs. Do not edit it by
 * hand: change the spec (or the lists in validators.mjs) and run `pnpm gen`.
 *
 * The request body schemas the SDK validates before sending, as a compact table read by
 * src/internal/validate.ts.
 */

/**
 * One schema node. Absent keys do not constrain.
 * - `t`: type: s string, i integer (Number.isInteger), n number (finite), b boolean, o object, a array.
 * - `e`: allowed values.
 * - `m` / `M`: minimum / maximum (numbers); `l`: minLength (strings); `c`: minItems (arrays).
 * - `p`: pattern (source of a unicode RegExp); `u`: must have the shape of a UUID;
 *   `k`: must follow the SDK's name rule (NAME_PATTERN).
 * - `P`: properties (name -> node). An object with `P` is closed: other keys are refused, unless
 *   `A` (the node of every other key's value, a map) is given. An object with neither is open.
 * - `r`: required properties.
 * - `x`: exactly one of these key groups must be present (a oneOf of `required` lists).
 * - `X`: these keys must not all be present together (a `not: { required }`).
 * - `i`: the node of every item (arrays).
 * - `o`: alternatives (anyOf / oneOf): the value must match one of these nodes.
 */
export interface VNode {
  t?: "s" | "i" | "n" | "b" | "o" | "a";
  e?: readonly (string | number | boolean)[];
  m?: number;
  M?: number;
  l?: number;
  c?: number;
  p?: string;
  u?: 1;
  k?: 1;
  P?: { readonly [prop: string]: number };
  A?: number;
  r?: readonly string[];
  x?: readonly (readonly string[])[];
  X?: readonly string[];
  i?: number;
  o?: readonly number[];
}

/** The nodes; the comment says where each first came from. */
export const NODES: readonly VNode[] = [
  /*  0 CreateInstanceRequest.image|0 */ {t:"s"},
  /*  1 ImageSpec.headers */ {t:"o",A:0},
  /*  2 ImageSpec.pull_policy */ {t:"s",e:["always","if_not_present","never"]},
  /*  3 ImageSpec */ {t:"o",P:{url:0,credentials:0,headers:1,pull_policy:2},r:["url"]},
  /*  4 CreateInstanceRequest.image */ {o:[0,3]},
  /*  5 CreateInstanceRequest.name (name rule) */ {t:"s",k:1},
  /*  6 CreateInstanceRequest.args */ {t:"a",i:0},
  /*  7 CreateInstanceRequest.memory_mb */ {t:"i"},
  /*  8 CreateInstanceRequestServiceGroup|0.uuid */ {t:"s",u:1},
  /*  9 CreateInstanceRequestServiceGroup|0 */ {t:"o",P:{uuid:8},r:["uuid"]},
  /* 10 CreateInstanceRequestServiceGroup|1 */ {t:"o",P:{name:0},r:["name"]},
  /* 11 Service.port */ {t:"i",m:0,M:65535},
  /* 12 Service.handlers[] */ {t:"s",e:["tls","http","redirect"]},
  /* 13 Service.handlers */ {t:"a",i:12},
  /* 14 Service.protocol */ {t:"s",e:["tcp","udp"]},
  /* 15 Service */ {t:"o",P:{port:11,destination_port:11,handlers:13,protocol:14,ip:0},r:["port"]},
  /* 16 CreateInstanceRequestServiceGroup|2.services */ {t:"a",i:15},
  /* 17 NameOrUUID */ {o:[9,10]},
  /* 18 CreateInstanceRequestDomain */ {t:"o",P:{name:0,certificate:17},r:["name"]},
  /* 19 CreateInstanceRequestServiceGroup|2.domains */ {t:"a",i:18},
  /* 20 CreateInstanceRequestServiceGroup|2.soft_limit */ {t:"i",m:1,M:65535},
  /* 21 CreateInstanceRequestServiceGroup|2 */ {t:"o",P:{services:16,domains:19,soft_limit:20,hard_limit:20},r:["services"]},
  /* 22 CreateInstanceRequestServiceGroup */ {o:[9,10,21]},
  /* 23 CreateInstanceRequestVolume.readonly */ {t:"b"},
  /* 24 CreateInstanceRequestVolume.uid */ {t:"i",m:0},
  /* 25 CreateInstanceRequestVolume.access_mode */ {t:"s",e:["rwo","rox","rwx"]},
  /* 26 CreateInstanceRequestVolume */ {t:"o",P:{at:0,uuid:8,name:0,size_mb:7,readonly:23,host_path:0,quota_policy:0,filesystem:0,tags:6,uid:24,gid:24,access_mode:25,args:1},r:["at"],X:["uuid","name"]},
  /* 27 CreateInstanceRequest.volumes */ {t:"a",i:26},
  /* 28 CreateInstanceRequest.restart_policy */ {t:"s",e:["never","always","on-failure"]},
  /* 29 CreateInstanceScaleToZero.policy */ {t:"s",e:["on","off","idle"]},
  /* 30 CreateInstanceScaleToZero */ {t:"o",P:{policy:29,stateful:23,cooldown_time_ms:7,notify_time_ms:24}},
  /* 31 CreateInstanceRequest.features[] */ {t:"s",e:["delete-on-stop"]},
  /* 32 CreateInstanceRequest.features */ {t:"a",i:31},
  /* 33 InlineFile.encoding */ {t:"s",e:["text","base64"]},
  /* 34 InlineFile */ {t:"o",P:{path:0,encoding:33,data:0},r:["path","data"]},
  /* 35 CreateInstanceRequestRom.files */ {t:"a",i:34},
  /* 36 CreateInstanceRequestRom */ {t:"o",P:{name:0,image:4,at:0,files:35},r:["name"]},
  /* 37 CreateInstanceRequest.roms */ {t:"a",i:36},
  /* 38 CreateInstanceRequestPlugin.config (anything) */ {},
  /* 39 CreateInstanceRequestPlugin */ {t:"o",P:{name:0,rom:4,config:38},r:["name","rom"]},
  /* 40 CreateInstanceRequest.plugins */ {t:"a",i:39},
  /* 41 TemplateAutokill */ {t:"o",P:{time_ms:24}},
  /* 42 CreateInstanceRequestTemplate */ {t:"o",P:{uuid:8,name:0,prepare:23,create_args:38,prepare_timeout_s:24,autokill:41}},
  /* 43 CreateInstanceRequest.sched_priority */ {t:"s",e:["normal","medium","high","admin"]},
  /* 44 Schedule.action */ {t:"s",e:["start","stop","delete","exec"]},
  /* 45 Schedule */ {t:"o",P:{name:0,when:0,action:44,next_at:0,args:6},r:["name","when","action"]},
  /* 46 CreateInstanceRequest.schedules */ {t:"a",i:45},
  /* 47 CreateInstanceRequestAutokill */ {t:"o",P:{time_ms:24,num_requests:24}},
  /* 48 CreateInstanceRequest.dependencies */ {t:"a",i:17},
  /* 49 NetworkInterfaceRelay */ {t:"o",P:{relay_dns:23,uuid:8,name:0}},
  /* 50 CreateInstanceRequestNetworkInterface */ {t:"o",P:{name:0,tap_name:0,ip:0,autoconfig:23,relay:49}},
  /* 51 CreateInstanceRequest.network_interfaces */ {t:"a",i:50},
  /* 52 CreateInstanceRequest.type */ {t:"s",e:["micro","full"]},
  /* 53 CreateInstanceRequest */ {t:"o",P:{image:4,name:5,args:6,env:1,memory_mb:7,service_group:22,volumes:27,autostart:23,replicas:7,restart_policy:28,scale_to_zero:30,vcpus:7,wait_timeout_ms:7,features:32,timeout_s:24,roms:37,plugins:40,tags:6,annotations:1,template:42,sched_priority:43,schedules:46,autokill:47,hostname:0,dependencies:48,branch_from:17,checkpoint:17,gateway:0,nameserver:0,network_interfaces:51,type:52,gpus:24}},
  /* 54 CreateTemplateInstancesRequestItem.timeout_s */ {t:"i",m:-1},
  /* 55 CreateTemplateInstancesRequestItem */ {t:"o",P:{uuid:8,name:5,timeout_s:54,autokill:41},x:[["uuid"],["name"]]},
  /* 56 CreateCheckpointInstancesRequestItem */ {t:"o",P:{from:17,name:5,timeout_s:24,tags:6,autokill:41},r:["from"]},
  /* 57 UpdateCheckpointInstancesRequestItem.prop */ {t:"s",e:["tags","delete_lock","autokill"]},
  /* 58 UpdateCheckpointInstancesRequestItem.op */ {t:"s",e:["set","add","del"]},
  /* 59 UpdateCheckpointInstancesRequestItem.value */ {o:[6,23,41]},
  /* 60 UpdateCheckpointInstancesRequestItem */ {t:"o",P:{uuid:8,name:5,prop:57,op:58,id:0,value:59},r:["prop","op"],x:[["uuid"],["name"]]},
  /* 61 CreateVolumeRequest.size_mb */ {t:"i",m:1},
  /* 62 CreateVolumeRequest.quota_policy */ {t:"s",e:["static","dynamic"]},
  /* 63 CreateVolumeRequest */ {t:"o",P:{name:5,size_mb:61,host_path:0,template:17,quota_policy:62,filesystem:0,tags:6,uid:24,gid:24,access_mode:25,args:1}},
  /* 64 AttachVolumesRequest.at */ {t:"s",p:"^/(?!.*\\.\\./|.*\\.$|.*/\\./|.*:).*$"},
  /* 65 AttachVolumesRequest */ {t:"o",P:{attach_to:17,at:64,uuid:8,name:5,readonly:23},r:["attach_to","at"],x:[["uuid"],["name"]]},
  /* 66 AttachVolumeByUUIDRequestBody */ {t:"o",P:{attach_to:17,at:64,readonly:23},r:["attach_to","at"]},
  /* 67 CloneVolumesRequestItem */ {t:"o",P:{uuid:8,name:5,vol_name:5,quota_policy:62,tags:6,access_mode:25},x:[["uuid"],["name"]]},
  /* 68 CloneVolumeByUUIDRequestBody */ {t:"o",P:{vol_name:5,quota_policy:62,tags:6,access_mode:25}},
  /* 69 NameOrUUID|1 */ {t:"o",P:{name:5},r:["name"]},
  /* 70 NameOrUUID */ {o:[9,69]},
  /* 71 CreateServiceGroupRequest */ {t:"o",P:{name:5,services:16,domains:19,soft_limit:20,hard_limit:20,autokill:41},r:["services"]},
  /* 72 InstanceCreateArgsInstanceCreateRequestRoms.files */ {t:"a",c:1,i:34},
  /* 73 InstanceCreateArgsInstanceCreateRequestRoms */ {t:"o",P:{image:4,name:0,files:72},r:["name"]},
  /* 74 ConfigurationInstanceCreateArgs */ {t:"o",P:{roms:73,template:17},x:[["template"],["roms"]]},
  /* 75 AutoscalePolicy.metric */ {t:"s",e:["cpu"]},
  /* 76 AutoscalePolicy.adjustment_type */ {t:"s",e:["change","exact","percentage"]},
  /* 77 AutoscalePolicyStep */ {t:"o",P:{adjustment:7,lower_bound:7,upper_bound:7},r:["adjustment"]},
  /* 78 AutoscalePolicy.steps */ {t:"a",i:77},
  /* 79 AutoscalePolicy */ {t:"o",P:{name:0,enabled:23,metric:75,adjustment_type:76,steps:78},r:["name"]},
  /* 80 CreateAutoscaleConfigurationsRequestConfiguration.policies */ {t:"a",i:79},
  /* 81 CreateAutoscaleConfigurationsRequestConfiguration */ {t:"o",P:{uuid:8,name:5,min_size:24,max_size:24,warmup_time_ms:24,cooldown_time_ms:24,create_args:74,policies:80},r:["create_args"],x:[["uuid"],["name"]]},
  /* 82 CreateAutoscaleConfigurationByServiceGroupUUIDRequest */ {t:"o",P:{uuid:8,min_size:24,max_size:24,warmup_time_ms:24,cooldown_time_ms:24,create_args:74,policies:80},r:["uuid","create_args"]},
  /* 83 CreateAutoscaleConfigurationPolicyRequest */ {t:"o",P:{name:5,type:79},r:["name","type"]},
  /* 84 CreateCertificateRequest */ {t:"o",P:{name:5,cn:0,chain:0,pkey:0,common_name:0},r:["chain","pkey"],x:[["common_name"],["cn"]]},
  /* 85 UpdateCertificatesRequestItem */ {t:"o",P:{uuid:8,name:5,chain:0,pkey:0},r:["chain","pkey"],x:[["uuid"],["name"]]},
  /* 86 UpdateCertificateByUUIDRequestBody */ {t:"o",P:{chain:0,pkey:0},r:["chain","pkey"]},
  /* 87 PinImageRequestItem.url */ {t:"s",l:1},
  /* 88 PinImageRequestItemAutokill */ {t:"o",P:{time_ms:24},r:["time_ms"]},
  /* 89 PinImageRequestItem */ {t:"o",P:{url:87,credentials:0,headers:1,pull_policy:2,timeout_s:54,merge_requests:23,autokill:88},r:["url","timeout_s"]},
];

/** operationId -> the node of its request body (of one item, for an array body). */
export const ROOTS: { readonly [operationId: string]: number } = {
  createInstance: 53,
  createTemplates: 55,
  createCheckpoints: 56,
  updateCheckpoints: 60,
  createVolume: 63,
  attachVolumes: 65,
  attachVolume: 66,
  cloneVolumes: 67,
  cloneVolume: 68,
  createVolumeTemplates: 70,
  createServiceGroup: 71,
  createAutoscaleConfigurations: 81,
  createAutoscaleConfiguration: 82,
  createAutoscalePolicy: 83,
  createCertificate: 84,
  updateCertificates: 85,
  updateCertificate: 86,
  pinImages: 89,
};

/** Resource -> updatable prop -> the node of the value `set` takes. */
export const PATCHES: { readonly [resource: string]: { readonly [prop: string]: number } } = {
  instances: {image:4,args:6,env:1,memory_mb:7,vcpus:7,scale_to_zero:30,tags:6,delete_lock:23,schedules:46,autokill:47,hostname:0,roms:37,dependencies:48,sched_priority:43,plugins:40,annotations:1},
  templates: {tags:6,delete_lock:23,autokill:41},
  checkpoints: {tags:6,delete_lock:23,autokill:41},
  volumes: {size_mb:61,tags:6,quota_policy:62,delete_lock:23},
  volumeTemplates: {tags:6,delete_lock:23},
  serviceGroups: {services:16,domains:19,soft_limit:20,hard_limit:20,autokill:41},
};
