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
  /* 11 Service.port */ {t:"i",m:0},
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
  /* 24 CreateInstanceRequestVolume.access_mode */ {t:"s",e:["rwo","rox","rwx"]},
  /* 25 CreateInstanceRequestVolume */ {t:"o",P:{at:0,uuid:8,name:0,size_mb:7,readonly:23,host_path:0,quota_policy:0,filesystem:0,tags:6,uid:11,gid:11,access_mode:24,args:1},r:["at"],X:["uuid","name"]},
  /* 26 CreateInstanceRequest.volumes */ {t:"a",i:25},
  /* 27 CreateInstanceRequest.restart_policy */ {t:"s",e:["never","always","on-failure"]},
  /* 28 CreateInstanceScaleToZero.policy */ {t:"s",e:["on","off","idle"]},
  /* 29 CreateInstanceScaleToZero */ {t:"o",P:{policy:28,stateful:23,cooldown_time_ms:7,notify_time_ms:11}},
  /* 30 CreateInstanceRequest.features[] */ {t:"s",e:["delete-on-stop"]},
  /* 31 CreateInstanceRequest.features */ {t:"a",i:30},
  /* 32 InlineFile.encoding */ {t:"s",e:["text","base64"]},
  /* 33 InlineFile */ {t:"o",P:{path:0,encoding:32,data:0},r:["path","data"]},
  /* 34 CreateInstanceRequestRom.files */ {t:"a",i:33},
  /* 35 CreateInstanceRequestRom */ {t:"o",P:{name:0,image:4,at:0,files:34},r:["name"]},
  /* 36 CreateInstanceRequest.roms */ {t:"a",i:35},
  /* 37 CreateInstanceRequestPlugin.config (anything) */ {},
  /* 38 CreateInstanceRequestPlugin */ {t:"o",P:{name:0,rom:4,config:37},r:["name","rom"]},
  /* 39 CreateInstanceRequest.plugins */ {t:"a",i:38},
  /* 40 TemplateAutokill */ {t:"o",P:{time_ms:11}},
  /* 41 CreateInstanceRequestTemplate */ {t:"o",P:{uuid:8,name:0,prepare:23,create_args:37,prepare_timeout_s:11,autokill:40}},
  /* 42 CreateInstanceRequest.sched_priority */ {t:"s",e:["normal","medium","high","admin"]},
  /* 43 Schedule.action */ {t:"s",e:["start","stop","delete","exec"]},
  /* 44 Schedule */ {t:"o",P:{name:0,when:0,action:43,next_at:0,args:6},r:["name","when","action"]},
  /* 45 CreateInstanceRequest.schedules */ {t:"a",i:44},
  /* 46 CreateInstanceRequestAutokill */ {t:"o",P:{time_ms:11,num_requests:11}},
  /* 47 CreateInstanceRequest.dependencies */ {t:"a",i:17},
  /* 48 NetworkInterfaceRelay */ {t:"o",P:{relay_dns:23,uuid:8,name:0}},
  /* 49 CreateInstanceRequestNetworkInterface */ {t:"o",P:{name:0,tap_name:0,ip:0,autoconfig:23,relay:48}},
  /* 50 CreateInstanceRequest.network_interfaces */ {t:"a",i:49},
  /* 51 CreateInstanceRequest.type */ {t:"s",e:["micro","full"]},
  /* 52 CreateInstanceRequest */ {t:"o",P:{image:4,name:5,args:6,env:1,memory_mb:7,service_group:22,volumes:26,autostart:23,replicas:7,restart_policy:27,scale_to_zero:29,vcpus:7,wait_timeout_ms:7,features:31,timeout_s:11,roms:36,plugins:39,tags:6,annotations:1,template:41,sched_priority:42,schedules:45,autokill:46,hostname:0,dependencies:47,branch_from:17,checkpoint:17,gateway:0,nameserver:0,network_interfaces:50,type:51,gpus:11}},
  /* 53 CreateTemplateInstancesRequestItem.timeout_s */ {t:"i",m:-1},
  /* 54 CreateTemplateInstancesRequestItem */ {t:"o",P:{uuid:8,name:5,timeout_s:53,autokill:40},x:[["uuid"],["name"]]},
  /* 55 CreateCheckpointInstancesRequestItem */ {t:"o",P:{from:17,name:5,timeout_s:11,tags:6,autokill:40},r:["from"]},
  /* 56 UpdateCheckpointInstancesRequestItem.prop */ {t:"s",e:["tags","delete_lock","autokill"]},
  /* 57 UpdateCheckpointInstancesRequestItem.op */ {t:"s",e:["set","add","del"]},
  /* 58 UpdateCheckpointInstancesRequestItem.value */ {o:[6,23,40]},
  /* 59 UpdateCheckpointInstancesRequestItem */ {t:"o",P:{uuid:8,name:5,prop:56,op:57,id:0,value:58},r:["prop","op"],x:[["uuid"],["name"]]},
  /* 60 CreateVolumeRequest.quota_policy */ {t:"s",e:["static","dynamic"]},
  /* 61 CreateVolumeRequest */ {t:"o",P:{name:5,size_mb:11,host_path:0,template:17,quota_policy:60,filesystem:0,tags:6,uid:11,gid:11,access_mode:24,args:1}},
  /* 62 AttachVolumesRequest.at */ {t:"s",p:"^/(?!.*\\.\\./|.*\\.$|.*/\\./|.*:).*$"},
  /* 63 AttachVolumesRequest */ {t:"o",P:{attach_to:17,at:62,uuid:8,name:5,readonly:23},r:["attach_to","at"],x:[["uuid"],["name"]]},
  /* 64 AttachVolumeByUUIDRequestBody */ {t:"o",P:{attach_to:17,at:62,readonly:23},r:["attach_to","at"]},
  /* 65 CloneVolumesRequestItem */ {t:"o",P:{uuid:8,name:5,vol_name:5,quota_policy:60,tags:6,access_mode:24},x:[["uuid"],["name"]]},
  /* 66 CloneVolumeByUUIDRequestBody */ {t:"o",P:{vol_name:5,quota_policy:60,tags:6,access_mode:24}},
  /* 67 NameOrUUID|1 */ {t:"o",P:{name:5},r:["name"]},
  /* 68 NameOrUUID */ {o:[9,67]},
  /* 69 CreateServiceGroupRequest */ {t:"o",P:{name:5,services:16,domains:19,soft_limit:11,hard_limit:11,autokill:40},r:["services"]},
  /* 70 InstanceCreateArgsInstanceCreateRequestRoms.files */ {t:"a",c:1,i:33},
  /* 71 InstanceCreateArgsInstanceCreateRequestRoms */ {t:"o",P:{image:4,name:0,files:70},r:["name"]},
  /* 72 ConfigurationInstanceCreateArgs */ {t:"o",P:{roms:71,template:17},x:[["template"],["roms"]]},
  /* 73 AutoscalePolicy.metric */ {t:"s",e:["cpu"]},
  /* 74 AutoscalePolicy.adjustment_type */ {t:"s",e:["change","exact","percentage"]},
  /* 75 AutoscalePolicyStep */ {t:"o",P:{adjustment:7,lower_bound:7,upper_bound:7},r:["adjustment"]},
  /* 76 AutoscalePolicy.steps */ {t:"a",i:75},
  /* 77 AutoscalePolicy */ {t:"o",P:{name:0,enabled:23,metric:73,adjustment_type:74,steps:76},r:["name"]},
  /* 78 CreateAutoscaleConfigurationsRequestConfiguration.policies */ {t:"a",i:77},
  /* 79 CreateAutoscaleConfigurationsRequestConfiguration */ {t:"o",P:{uuid:8,name:5,min_size:7,max_size:7,warmup_time_ms:7,cooldown_time_ms:7,create_args:72,policies:78},r:["create_args"],x:[["uuid"],["name"]]},
  /* 80 CreateAutoscaleConfigurationByServiceGroupUUIDRequest */ {t:"o",P:{uuid:8,min_size:7,max_size:7,warmup_time_ms:7,cooldown_time_ms:7,create_args:72,policies:78},r:["uuid","create_args"]},
  /* 81 CreateAutoscaleConfigurationPolicyRequest */ {t:"o",P:{name:5,type:77},r:["name","type"]},
  /* 82 CreateCertificateRequest */ {t:"o",P:{name:5,cn:0,chain:0,pkey:0,common_name:0},r:["chain","pkey"],x:[["common_name"],["cn"]]},
  /* 83 UpdateCertificatesRequestItem */ {t:"o",P:{uuid:8,name:5,chain:0,pkey:0},r:["chain","pkey"],x:[["uuid"],["name"]]},
  /* 84 UpdateCertificateByUUIDRequestBody */ {t:"o",P:{chain:0,pkey:0},r:["chain","pkey"]},
  /* 85 PinImageRequestItem.url */ {t:"s",l:1},
  /* 86 PinImageRequestItemAutokill */ {t:"o",P:{time_ms:11},r:["time_ms"]},
  /* 87 PinImageRequestItem */ {t:"o",P:{url:85,credentials:0,headers:1,pull_policy:2,timeout_s:53,merge_requests:23,autokill:86},r:["url","timeout_s"]},
];

/** operationId -> the node of its request body (of one item, for an array body). */
export const ROOTS: { readonly [operationId: string]: number } = {
  createInstance: 52,
  createTemplates: 54,
  createCheckpoints: 55,
  updateCheckpoints: 59,
  createVolume: 61,
  attachVolumes: 63,
  attachVolume: 64,
  cloneVolumes: 65,
  cloneVolume: 66,
  createVolumeTemplates: 68,
  createServiceGroup: 69,
  createAutoscaleConfigurations: 79,
  createAutoscaleConfiguration: 80,
  createAutoscalePolicy: 81,
  createCertificate: 82,
  updateCertificates: 83,
  updateCertificate: 84,
  pinImages: 87,
};

/** Resource -> updatable prop -> the node of the value `set` takes. */
export const PATCHES: { readonly [resource: string]: { readonly [prop: string]: number } } = {
  instances: {image:4,args:6,env:1,memory_mb:7,vcpus:7,scale_to_zero:29,tags:6,delete_lock:23,schedules:45,autokill:46,hostname:0,roms:36,dependencies:47,sched_priority:42,plugins:39,annotations:1},
  templates: {tags:6,delete_lock:23,autokill:40},
  checkpoints: {tags:6,delete_lock:23,autokill:40},
  volumes: {size_mb:11,tags:6,quota_policy:60,delete_lock:23},
  volumeTemplates: {tags:6,delete_lock:23},
  serviceGroups: {services:16,domains:19,soft_limit:11,hard_limit:11,autokill:40},
};
