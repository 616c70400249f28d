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
import { checkNumber } from "./internal/timing.js";

/**
 * The bits of `stop_reason`, in the order of the `ZFUPAK` flags string (e.g. 39 = `Z--PAK`: a
 * scale-to-zero stop, the instance shows `standby`): bit `32 >> i` has letter `FLAGS[i]`, key
 * `REASON_KEYS[i]` and text `REASON_TEXTS[i]`. U comes with P; F means no `exit_code` or
 * `stop_code`; K sets `stop_code`, A sets `exit_code`.
 */
const FLAGS = "ZFUPAK";
const REASON_KEYS = ["scaleToZero", "forced", "user", "platform", "app", "kernel"] as const;
const [SCALED, FORCED, USER, PLATFORM, APP, KERNEL] = [
  "the platform scaled the instance to zero (standby)",
  "without a clean shutdown (forced)",
  "a user stopped the instance",
  "the platform stopped the instance",
  "the application exited",
  "the kernel stopped",
];

/** The reason field (bits 7–0) of a kernel `stop_code`: names and texts indexed by its number. */
const STOP_CODES = /* @__PURE__ */ "OK EXP MATH INVLOP PGFAULT SEGFAULT HWERR SECERR".split(" ") as StopCodeReason[];
const STOP_TEXTS = /* @__PURE__ */ "clean shutdown,exception,arithmetic error,invalid opcode,page fault,segmentation fault,hardware error,security error".split(",");

/** The platform's stop codes (the `stop_code` when `stop_reason` is exactly P), indexed by number. */
const PLATFORM_CODES = ["UNKNOWN", "NOMEDIUM"] as const;
const PLATFORM_TEXTS = ["unknown platform reason", "no medium (image pull failed)"];

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

/**
 * Linux errno names without their `E`, indexed by number (asm-generic/errno-base.h and errno.h,
 * 1–133; `-` for the unassigned 41 and 58).
 */
const ERRNO_NAMES = /* @__PURE__ */ (
  "- PERM NOENT SRCH INTR IO NXIO 2BIG NOEXEC BADF CHILD AGAIN NOMEM ACCES FAULT NOTBLK BUSY EXIST XDEV NODEV " +
  "NOTDIR ISDIR INVAL NFILE MFILE NOTTY TXTBSY FBIG NOSPC SPIPE ROFS MLINK PIPE DOM RANGE DEADLK NAMETOOLONG NOLCK NOSYS NOTEMPTY " +
  "LOOP - NOMSG IDRM CHRNG L2NSYNC L3HLT L3RST LNRNG UNATCH NOCSI L2HLT BADE BADR XFULL NOANO BADRQC BADSLT - BFONT " +
  "NOSTR NODATA TIME NOSR NONET NOPKG REMOTE NOLINK ADV SRMNT COMM PROTO MULTIHOP DOTDOT BADMSG OVERFLOW NOTUNIQ BADFD REMCHG LIBACC " +
  "LIBBAD LIBSCN LIBMAX LIBEXEC ILSEQ RESTART STRPIPE USERS NOTSOCK DESTADDRREQ MSGSIZE PROTOTYPE NOPROTOOPT PROTONOSUPPORT SOCKTNOSUPPORT OPNOTSUPP PFNOSUPPORT AFNOSUPPORT ADDRINUSE ADDRNOTAVAIL " +
  "NETDOWN NETUNREACH NETRESET CONNABORTED CONNRESET NOBUFS ISCONN NOTCONN SHUTDOWN TOOMANYREFS TIMEDOUT CONNREFUSED HOSTDOWN HOSTUNREACH ALREADY INPROGRESS STALE UCLEAN NOTNAM NAVAIL " +
  "ISNAM REMOTEIO DQUOT NOMEDIUM MEDIUMTYPE CANCELED NOKEY KEYEXPIRED KEYREVOKED KEYREJECTED OWNERDEAD NOTRECOVERABLE RFKILL HWPOISON"
).split(" ");

/** Short descriptions of the errnos most often seen in a stop code, by errno number. */
const ERRNO_TEXT: Readonly<Record<number, string>> = {
  1: "operation not permitted", // EPERM
  2: "no such file or directory", // ENOENT
  5: "I/O error", // EIO
  8: "exec format error", // ENOEXEC
  9: "bad file descriptor", // EBADF
  11: "resource temporarily unavailable", // EAGAIN
  12: "out of memory", // ENOMEM
  13: "permission denied", // EACCES
  14: "bad address", // EFAULT
  16: "device or resource busy", // EBUSY
  22: "invalid argument", // EINVAL
  24: "too many open files", // EMFILE
  28: "no space left on device", // ENOSPC
  30: "read-only file system", // EROFS
  32: "broken pipe", // EPIPE
  38: "function not implemented", // ENOSYS
  95: "operation not supported", // EOPNOTSUPP
  98: "address already in use", // EADDRINUSE
  111: "connection refused", // ECONNREFUSED
  110: "timed out", // ETIMEDOUT
};

/** The Linux name of an errno number (`12` → `ENOMEM`), or undefined when the number has none. */
export function errnoName(errno: number): string | undefined {
  const name = Number.isInteger(errno) && errno > 0 ? ERRNO_NAMES[errno] : undefined;
  return name && name !== "-" ? `E${name}` : undefined;
}

const checkInteger = (field: string, value: unknown, max: number): number => checkNumber(field, value, 0, max, true);

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
  const who = r.user ? USER : r.scaleToZero ? SCALED : r.platform ? PLATFORM : undefined;
  if (r.value === 0) parts.push("the stop reason is unknown");
  else if (who || r.forced) parts.push(`${who ?? "the instance was stopped"}${r.forced ? ` ${FORCED}` : ""}`);

  if (r.value === 4) {
    // Only P: the stop code is the platform's.
    const code = details?.stopCode === undefined ? undefined : decodePlatformStopCode(details.stopCode);
    if (!details) parts[0] += " (see stop_code)";
    else if (code && code.reason !== "UNKNOWN") parts[0] += `: ${code.explanation}`;
  } else {
    if (r.app) parts.push(`${APP}${details?.exitCode !== undefined ? ` with code ${details.exitCode}` : details ? "" : " (see exit_code)"}`);
    if (r.kernel) {
      const code = details?.stopCode === undefined ? undefined : decodeStopCode(details.stopCode);
      const clean = code?.reason === "OK" && code.errno === 0;
      // Without an exit of the application, the kernel ended it: in a stop, during shutdown; else a crash.
      const lead = !r.app && who ? `${KERNEL}, killing the application during shutdown` : KERNEL;
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
  let flags = "";
  REASON_KEYS.forEach((key, i) => {
    bits[key] = (value & (32 >> i)) !== 0;
    flags += bits[key] ? FLAGS[i] : "-";
  });
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
  const reason: StopCodeReason = STOP_CODES[reasonNumber] ?? `UNKNOWN(${reasonNumber})`;
  const name = errnoName(errno);
  const running = initlevel === 127;

  const reasonText = STOP_TEXTS[reasonNumber] ?? `unknown reason ${reasonNumber}`;
  const errnoLabel = name ?? `errno ${errno}`;
  const errnoText = ERRNO_TEXT[errno];
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
  return { value, reason: PLATFORM_CODES[value] ?? `UNKNOWN(${value})`, explanation: PLATFORM_TEXTS[value] ?? `platform stop code ${value}` };
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
