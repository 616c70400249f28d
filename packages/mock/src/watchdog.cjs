// Preloaded (node --require) into the Prism process that @ukc/mock starts: it ends the process
// when the parent that started it is gone, however the parent ended (stop(), an uncaught
// exception, SIGTERM or SIGKILL), so no server outlives the test run that started it.
"use strict";
const parent = process.ppid;
const timer = setInterval(() => {
  let alive = process.ppid === parent;
  if (alive) {
    try {
      process.kill(parent, 0);
    } catch {
      alive = false;
    }
  }
  if (!alive) process.exit(0);
}, 250);
timer.unref();
