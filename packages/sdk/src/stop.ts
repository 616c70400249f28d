/**
 * Decoding why an instance stopped: the `stop_reason` bitmask, the kernel's `stop_code`, the
 * platform's stop code, and {@link explainStop}, which turns all three (with `exit_code`) into
 * one readable line.
 *
 * `stop_code` (when K is set): bits 31–24 reserved, 23–16 errno (Linux numbers), 15 shutdown
 * table (0 init, 1 term), 14–8 initlevel (127 = running the application), 7–0 reason.
 *
 * Each code family has one table below: a short name and one explanation per entry. One builder,
 * `describeStop`, makes the explanation of a stop from those tables.
 */
import { ValidationError } from "./core/errors.js";

/**
 * The bits of `stop_reason`, in the order of the `ZFUPAK` flags string (e.g. 39 = `Z--PAK`: a
 * scale-to-zero stop, the instance shows `standby`). U comes with P; F means no `exit_code` or
 * `stop_code`; K sets `stop_code`, A sets `exit_code`.
 */
const REASON_BITS = [
  { bit: 32, letter: "Z", key: "scaleToZero", text: "the platform scaled the instance to zero (standby)" },
  { bit: 16, letter: "F", key: "forced", text: "without a clean shutdown (forced)" },
  { bit: 8, letter: "U", key: "user", text: "a user stopped the instance" },
  { bit: 4, letter: "P", key: "platform", text: "the platform stopped the instance" },
  { bit: 2, letter: "A", key: "app", text: "the application exited" },
  { bit: 1, letter: "K", key: "kernel", text: "the kernel stopped" },
] as const;

type ReasonKey = (typeof REASON_BITS)[number]["key"];
const BIT = Object.fromEntries(REASON_BITS.map((b) => [b.key, b])) as { [K in ReasonKey]: Extract<(typeof REASON_BITS)[number], { key: K }> };

/** The reason field (bits 7–0) of a kernel `stop_code`, indexed by its number. */
const STOP_CODES: readonly { name: StopCodeReason; text: string }[] = [
  { name: "OK", text: "clean shutdown" },
  { name: "EXP", text: "exception" },
  { name: "MATH", text: "arithmetic error" },
  { name: "INVLOP", text: "invalid opcode" },
  { name: "PGFAULT", text: "page fault" },
  { name: "SEGFAULT", text: "segmentation fault" },
  { name: "HWERR", text: "hardware error" },
  { name: "SECERR", text: "security error" },
];

/** The platform's stop codes (the `stop_code` when `stop_reason` is exactly P), indexed by number. */
const PLATFORM_CODES: readonly { name: PlatformStopCode["reason"]; text: string }[] = [
  { name: "UNKNOWN", text: "unknown platform reason" },
  { name: "NOMEDIUM", text: "no medium (image pull failed)" },
];

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
  /** One line saying what the value means, e.g. "a user stopped the instance; …". */
  explanation: string;
}

/** The `reason` field (bits 7–0) of a kernel `stop_code`. */
export type StopCodeReason = "OK" | "EXP" | "MATH" | "INVLOP" | "PGFAULT" | "SEGFAULT" | "HWERR" | "SECERR" | `UNKNOWN(${number})`;

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

/** The stop fields of an instance, as the API returns them. */
export interface StopFields {
  stop_reason?: number | null | undefined;
  stop_code?: number | null | undefined;
  exit_code?: number | null | undefined;
}

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

/** What `explainStop` knows of a stop besides its six reason bits. */
interface StopDetails {
  exitCode: number | undefined;
  stopCode: number | undefined;
  /** Bits above the six known ones. */
  extra: number;
}

/**
 * The one explanation builder: joins the table texts of the set bits of `r` into one line.
 * Without `details` (only the bits are known) it points at `exit_code` and `stop_code`; with them
 * it says the exit code, decodes the stop code and leaves out what adds nothing (a clean kernel
 * stop next to another part).
 */
function describeStop(r: Omit<StopReason, "flags" | "explanation">, details?: StopDetails): string {
  const parts: string[] = [];
  const who = r.user ? BIT.user : r.scaleToZero ? BIT.scaleToZero : r.platform ? BIT.platform : undefined;
  if (r.value === 0) parts.push("the stop reason is unknown");
  else if (who || r.forced) parts.push(`${who ? who.text : "the instance was stopped"}${r.forced ? ` ${BIT.forced.text}` : ""}`);

  if (r.value === BIT.platform.bit) {
    // Only P: the stop code is the platform's.
    const code = details?.stopCode === undefined ? undefined : decodePlatformStopCode(details.stopCode);
    if (!details) parts[0] += " (see stop_code)";
    else if (code && code.reason !== "UNKNOWN") parts[0] += `: ${code.explanation}`;
  } else {
    if (r.app) parts.push(`${BIT.app.text}${details?.exitCode !== undefined ? ` with code ${details.exitCode}` : details ? "" : " (see exit_code)"}`);
    if (r.kernel) {
      const code = details?.stopCode === undefined ? undefined : decodeStopCode(details.stopCode);
      const clean = code?.reason === "OK" && code.errno === 0;
      // Without an exit of the application, the kernel ended it: in a stop, during shutdown; else a crash.
      const lead = !r.app && who ? `${BIT.kernel.text}, killing the application during shutdown` : BIT.kernel.text;
      const notes = !r.app && !who && !code ? ["likely a crash"] : [];
      if (!details) notes.push("see stop_code");
      else if (!code && parts.length === 0) notes.push("no stop_code reported");
      const detail = code && !(clean && parts.length > 0) ? `: ${code.explanation}` : "";
      const text = `${lead}${detail}${notes.length ? ` (${notes.join("; ")})` : ""}`;
      if (!r.app || text !== lead) parts.push(text);
    }
  }
  if (details && details.extra > 0) parts.push(`unknown stop_reason bits 0x${details.extra.toString(16)}`);
  return parts.join("; ");
}

/**
 * Decodes an instance's `stop_reason` bitmask into its bits, a `ZFUPAK` flags string and a
 * one-line explanation. Throws {@link ValidationError} unless the value is an integer from 0 to 63.
 * @example decodeStopReason(15).flags // "--UPAK"
 */
export function decodeStopReason(stopReason: number): StopReason {
  const value = checkInteger("stopReason", stopReason, 63);
  const bits = { value } as Omit<StopReason, "flags" | "explanation">;
  for (const b of REASON_BITS) bits[b.key] = (value & b.bit) !== 0;
  const flags = REASON_BITS.map((b) => (bits[b.key] ? b.letter : "-")).join("");
  return { ...bits, flags, explanation: describeStop(bits) };
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
  const known = STOP_CODES[reasonNumber];
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
  const known = PLATFORM_CODES[value];
  return known ? { value, reason: known.name, explanation: known.text } : { value, reason: `UNKNOWN(${value})`, explanation: `platform stop code ${value}` };
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
  return describeStop(r, { exitCode: instance.exit_code ?? undefined, stopCode: instance.stop_code ?? undefined, extra: full - r.value });
}
