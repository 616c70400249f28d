/**
 * Decoding why an instance stopped: the `stop_reason` bitmask, the kernel's `stop_code`, the
 * platform's stop code, and {@link explainStop}, which turns all three (with `exit_code`) into
 * one readable line.
 *
 * `stop_reason` bits (LSB first): 0 K kernel exited (`stop_code` set), 1 A app exited
 * (`exit_code` set), 2 P platform initiated, 3 U user initiated (always with P), 4 F forced,
 * 5 Z scale-to-zero (newer deployments; e.g. 39 = `Z--PAK`, the instance shows `standby`).
 *
 * `stop_code` (when K is set): bits 31–24 reserved, 23–16 errno (Linux numbers), 15 shutdown
 * table (0 init, 1 term), 14–8 initlevel (127 = running the application), 7–0 reason.
 */
import { ValidationError } from "./core/errors.js";

/** The bits of `stop_reason`. */
export const StopReasonBit = {
  /** K: the kernel exited; `stop_code` is set. */
  Kernel: 1,
  /** A: the application exited; `exit_code` is set. */
  App: 2,
  /** P: the platform initiated the stop. */
  Platform: 4,
  /** U: a user initiated the stop (always together with P). */
  User: 8,
  /** F: forced stop, no clean shutdown (no `exit_code`, no `stop_code`). */
  Forced: 16,
  /** Z: scale-to-zero stop (the instance goes to `standby`). */
  ScaleToZero: 32,
} as const;

/** A decoded `stop_reason`. */
export interface StopReason {
  /** The raw value. */
  value: number;
  /** F: forced stop, without a clean shutdown. */
  forced: boolean;
  /** U: initiated by a user (e.g. an API call). */
  user: boolean;
  /** P: initiated by the platform (set for user stops too). */
  platform: boolean;
  /** A: the application exited; see `exit_code`. */
  app: boolean;
  /** K: the kernel exited; see `stop_code`. */
  kernel: boolean;
  /** Z: a scale-to-zero stop. */
  scaleToZero: boolean;
  /** The bits as six letters `ZFUPAK`, `-` for each unset bit, e.g. 39 → `Z--PAK`, 15 → `--UPAK`. */
  flags: string;
  /** One line saying what the value means, e.g. "clean user stop: …". */
  explanation: string;
}

/** The `reason` field (bits 7–0) of a kernel `stop_code`. */
export type StopCodeReason =
  | "OK"
  | "EXP"
  | "MATH"
  | "INVLOP"
  | "PGFAULT"
  | "SEGFAULT"
  | "HWERR"
  | "SECERR"
  | `UNKNOWN(${number})`;

/** A decoded kernel `stop_code`. */
export interface StopCode {
  /** The raw value. */
  value: number;
  /** The application's errno (Linux numbering), bits 23–16; 0 when none. */
  errno: number;
  /** The Linux name of `errno` (e.g. `ENOMEM`), undefined for 0 or an unassigned number. */
  errnoName: string | undefined;
  /** Whether the stop came from the init table (0) or the term table (1), bit 15. */
  shutdownTable: "init" | "term";
  /** The initlevel at the time of the stop, bits 14–8. */
  initlevel: number;
  /** True when `initlevel` is 127: the application was running. */
  running: boolean;
  /** The reason, bits 7–0. */
  reason: StopCodeReason;
  /** One line, e.g. "page fault (out of memory: ENOMEM) while running the application". */
  explanation: string;
}

/** A decoded platform stop code (the `stop_code` when `stop_reason` is exactly P, i.e. 4). */
export interface PlatformStopCode {
  /** The raw value. */
  value: number;
  /** 0 `UNKNOWN`, 1 `NOMEDIUM`; other values `UNKNOWN(n)`. */
  reason: "UNKNOWN" | "NOMEDIUM" | `UNKNOWN(${number})`;
  /** One line, e.g. "no medium (image pull failed)". */
  explanation: string;
}

const REASONS: readonly { name: StopCodeReason; text: string }[] = [
  { name: "OK", text: "clean shutdown" },
  { name: "EXP", text: "exception" },
  { name: "MATH", text: "arithmetic error" },
  { name: "INVLOP", text: "invalid opcode" },
  { name: "PGFAULT", text: "page fault" },
  { name: "SEGFAULT", text: "segmentation fault" },
  { name: "HWERR", text: "hardware error" },
  { name: "SECERR", text: "security error" },
];

/** Linux errno names, indexed by number (asm-generic/errno-base.h and errno.h, 1–133). */
const ERRNO_NAMES: readonly (string | undefined)[] = [
  undefined, "EPERM", "ENOENT", "ESRCH", "EINTR", "EIO", "ENXIO", "E2BIG", "ENOEXEC", "EBADF",
  "ECHILD", "EAGAIN", "ENOMEM", "EACCES", "EFAULT", "ENOTBLK", "EBUSY", "EEXIST", "EXDEV", "ENODEV",
  "ENOTDIR", "EISDIR", "EINVAL", "ENFILE", "EMFILE", "ENOTTY", "ETXTBSY", "EFBIG", "ENOSPC", "ESPIPE",
  "EROFS", "EMLINK", "EPIPE", "EDOM", "ERANGE", "EDEADLK", "ENAMETOOLONG", "ENOLCK", "ENOSYS", "ENOTEMPTY",
  "ELOOP", undefined, "ENOMSG", "EIDRM", "ECHRNG", "EL2NSYNC", "EL3HLT", "EL3RST", "ELNRNG", "EUNATCH",
  "ENOCSI", "EL2HLT", "EBADE", "EBADR", "EXFULL", "ENOANO", "EBADRQC", "EBADSLT", undefined, "EBFONT",
  "ENOSTR", "ENODATA", "ETIME", "ENOSR", "ENONET", "ENOPKG", "EREMOTE", "ENOLINK", "EADV", "ESRMNT",
  "ECOMM", "EPROTO", "EMULTIHOP", "EDOTDOT", "EBADMSG", "EOVERFLOW", "ENOTUNIQ", "EBADFD", "EREMCHG", "ELIBACC",
  "ELIBBAD", "ELIBSCN", "ELIBMAX", "ELIBEXEC", "EILSEQ", "ERESTART", "ESTRPIPE", "EUSERS", "ENOTSOCK", "EDESTADDRREQ",
  "EMSGSIZE", "EPROTOTYPE", "ENOPROTOOPT", "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP", "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL",
  "ENETDOWN", "ENETUNREACH", "ENETRESET", "ECONNABORTED", "ECONNRESET", "ENOBUFS", "EISCONN", "ENOTCONN", "ESHUTDOWN", "ETOOMANYREFS",
  "ETIMEDOUT", "ECONNREFUSED", "EHOSTDOWN", "EHOSTUNREACH", "EALREADY", "EINPROGRESS", "ESTALE", "EUCLEAN", "ENOTNAM", "ENAVAIL",
  "EISNAM", "EREMOTEIO", "EDQUOT", "ENOMEDIUM", "EMEDIUMTYPE", "ECANCELED", "ENOKEY", "EKEYEXPIRED", "EKEYREVOKED", "EKEYREJECTED",
  "EOWNERDEAD", "ENOTRECOVERABLE", "ERFKILL", "EHWPOISON",
];

/** Short descriptions of the errnos most often seen in a stop code. */
const ERRNO_TEXT: Readonly<Record<string, string>> = {
  EPERM: "operation not permitted",
  ENOENT: "no such file or directory",
  EIO: "I/O error",
  ENOEXEC: "exec format error",
  EBADF: "bad file descriptor",
  EAGAIN: "resource temporarily unavailable",
  ENOMEM: "out of memory",
  EACCES: "permission denied",
  EFAULT: "bad address",
  EBUSY: "device or resource busy",
  EINVAL: "invalid argument",
  EMFILE: "too many open files",
  ENOSPC: "no space left on device",
  EROFS: "read-only file system",
  EPIPE: "broken pipe",
  ENOSYS: "function not implemented",
  EOPNOTSUPP: "operation not supported",
  EADDRINUSE: "address already in use",
  ECONNREFUSED: "connection refused",
  ETIMEDOUT: "timed out",
};

/** The Linux name of an errno number (`12` → `ENOMEM`), or undefined when the number has none. */
export function errnoName(errno: number): string | undefined {
  return Number.isInteger(errno) && errno >= 0 ? ERRNO_NAMES[errno] : undefined;
}

function checkInteger(field: string, value: unknown, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw new ValidationError(field, `expected an integer from 0 to ${max}, got ${typeof value === "number" ? String(value) : typeof value}`);
  }
  return value;
}

const NAMED_REASONS: Readonly<Record<number, string>> = {
  0: "unknown stop reason",
  1: "likely crash: the kernel exited on its own (see stop_code)",
  3: "the application exited (see exit_code and stop_code)",
  7: "platform stop (e.g. scale-to-zero): the application and the kernel exited (see exit_code and stop_code)",
  13: "user stop where the kernel killed the application during shutdown (no exit_code; see stop_code)",
  15: "clean user stop: the application and the kernel exited (see exit_code and stop_code)",
  28: "forced user stop: no clean shutdown, so no exit_code or stop_code",
  39: "scale-to-zero stop: the instance is on standby; the application and the kernel exited (see exit_code and stop_code)",
};

function composeReason(r: Omit<StopReason, "explanation" | "flags">): string {
  const initiator = r.user ? "user stop" : r.scaleToZero ? "scale-to-zero stop" : r.platform ? "platform stop" : r.forced ? "stop" : undefined;
  const head = initiator && r.forced ? `forced ${initiator}` : initiator;
  let exited: string | undefined;
  if (r.app && r.kernel) exited = "the application and the kernel exited (see exit_code and stop_code)";
  else if (r.app) exited = "the application exited (see exit_code)";
  else if (r.kernel) exited = head ? "the kernel exited without the application exiting (see stop_code)" : "likely crash: the kernel exited on its own (see stop_code)";
  else if (r.forced) exited = "no clean shutdown, so no exit_code or stop_code";
  else if (r.platform && !r.user && !r.scaleToZero) exited = "see stop_code for the platform's reason";
  if (head && exited) return `${head}: ${exited}`;
  return head ?? exited ?? "unknown stop reason";
}

/**
 * Decodes an instance's `stop_reason` bitmask into its bits, a `ZFUPAK` flags string and a
 * one-line explanation (the named cases of the API reference, otherwise composed from the bits).
 * Throws {@link ValidationError} unless the value is an integer from 0 to 63.
 * @example decodeStopReason(15).flags // "--UPAK"
 */
export function decodeStopReason(stopReason: number): StopReason {
  const value = checkInteger("stopReason", stopReason, 63);
  const bits = {
    value,
    forced: (value & StopReasonBit.Forced) !== 0,
    user: (value & StopReasonBit.User) !== 0,
    platform: (value & StopReasonBit.Platform) !== 0,
    app: (value & StopReasonBit.App) !== 0,
    kernel: (value & StopReasonBit.Kernel) !== 0,
    scaleToZero: (value & StopReasonBit.ScaleToZero) !== 0,
  };
  const flags =
    (bits.scaleToZero ? "Z" : "-") +
    (bits.forced ? "F" : "-") +
    (bits.user ? "U" : "-") +
    (bits.platform ? "P" : "-") +
    (bits.app ? "A" : "-") +
    (bits.kernel ? "K" : "-");
  return { ...bits, flags, explanation: NAMED_REASONS[value] ?? composeReason(bits) };
}

/**
 * Decodes a kernel `stop_code` (meaningful when `stop_reason` has K set): errno, shutdown table,
 * initlevel and reason, plus a one-line explanation. The reserved bits 31–24 are ignored.
 * Throws {@link ValidationError} unless the value is an integer from 0 to 2^32 - 1.
 * @example decodeStopCode(0x000c7f04).explanation // "page fault (out of memory: ENOMEM) while running the application"
 */
export function decodeStopCode(stopCode: number): StopCode {
  const value = checkInteger("stopCode", stopCode, 0xffff_ffff);
  const errno = (value >>> 16) & 0xff;
  const shutdownTable = (value >>> 15) & 1 ? "term" : "init";
  const initlevel = (value >>> 8) & 0x7f;
  const reasonNumber = value & 0xff;
  const known = REASONS[reasonNumber];
  const reason: StopCodeReason = known ? known.name : `UNKNOWN(${reasonNumber})`;
  const name = errnoName(errno);
  const running = initlevel === 127;

  const reasonText = known ? known.text : `unknown reason ${reasonNumber}`;
  const errnoLabel = name ?? `errno ${errno}`;
  const errnoText = name ? ERRNO_TEXT[name] : undefined;
  const errnoPart = errno === 0 ? "" : errnoText ? ` (${errnoText}: ${errnoLabel})` : ` (${errnoLabel})`;
  const where = running
    ? "while running the application"
    : shutdownTable === "term"
      ? `during shutdown (term table, initlevel ${initlevel})`
      : `during boot (init table, initlevel ${initlevel})`;
  const explanation =
    reason === "OK" && !running
      ? `${reasonText}${errnoPart} (${shutdownTable} table, initlevel ${initlevel})`
      : `${reasonText}${errnoPart} ${where}`;
  return { value, errno, errnoName: name, shutdownTable, initlevel, running, reason, explanation };
}

/**
 * Decodes the `stop_code` of a stop the platform initiated on its own (`stop_reason` exactly P,
 * i.e. 4): 0 unknown, 1 no medium (the image could not be pulled).
 * Throws {@link ValidationError} unless the value is an integer from 0 to 2^32 - 1.
 */
export function decodePlatformStopCode(code: number): PlatformStopCode {
  const value = checkInteger("code", code, 0xffff_ffff);
  if (value === 0) return { value, reason: "UNKNOWN", explanation: "unknown platform reason" };
  if (value === 1) return { value, reason: "NOMEDIUM", explanation: "no medium (image pull failed)" };
  return { value, reason: `UNKNOWN(${value})`, explanation: `platform stop code ${value}` };
}

/** The stop fields of an instance, as the API returns them. */
export interface StopFields {
  stop_reason?: number | null | undefined;
  stop_code?: number | null | undefined;
  exit_code?: number | null | undefined;
}

/**
 * One readable line on why an instance stopped, from `stop_reason`, `stop_code` and `exit_code`,
 * e.g. "a user stopped the instance; the application exited with code 0" or
 * "the kernel stopped: page fault (out of memory: ENOMEM) while running the application".
 * Returns undefined when the instance has no `stop_reason`. Bits above 5 (unknown to this SDK)
 * are mentioned rather than rejected; a negative or fractional value throws {@link ValidationError}.
 */
export function explainStop(instance: StopFields): string | undefined {
  const raw = instance.stop_reason;
  if (raw === undefined || raw === null) return undefined;
  const full = checkInteger("stop_reason", raw, 0xffff_ffff);
  const r = decodeStopReason(full % 64);
  const extra = full - r.value;
  const exitCode = instance.exit_code ?? undefined;
  const stopCode = instance.stop_code ?? undefined;
  const parts: string[] = [];

  if (r.value === 0) {
    parts.push("the stop reason is unknown");
  } else if (r.value === StopReasonBit.Platform) {
    const platform = stopCode === undefined ? undefined : decodePlatformStopCode(stopCode);
    parts.push(platform && platform.reason !== "UNKNOWN" ? `the platform stopped the instance: ${platform.explanation}` : "the platform stopped the instance");
  } else {
    if (r.user) parts.push(r.forced ? "a user force-stopped the instance (no clean shutdown)" : "a user stopped the instance");
    else if (r.scaleToZero) parts.push(r.forced ? "the platform force-stopped the instance to scale it to zero" : "the platform scaled the instance to zero (standby)");
    else if (r.platform) parts.push(r.forced ? "the platform force-stopped the instance (no clean shutdown)" : "the platform stopped the instance");
    else if (r.forced) parts.push("the instance was force-stopped (no clean shutdown)");

    if (r.app) parts.push(exitCode === undefined ? "the application exited" : `the application exited with code ${exitCode}`);
    else if (r.kernel && (r.user || r.platform || r.scaleToZero)) parts.push("the kernel killed the application during shutdown");

    if (r.kernel) {
      const code = stopCode === undefined ? undefined : decodeStopCode(stopCode);
      const clean = code !== undefined && code.reason === "OK" && code.errno === 0;
      // A clean kernel stop adds nothing when another part already says what happened.
      if (code === undefined) {
        if (parts.length === 0) parts.push("the kernel stopped (likely a crash; no stop_code reported)");
      } else if (!clean || parts.length === 0) {
        parts.push(`the kernel stopped: ${code.explanation}`);
      }
    }
  }
  if (extra > 0) parts.push(`unknown stop_reason bits 0x${extra.toString(16)}`);
  return parts.join("; ");
}
