// Preloaded into the Prisma CLI when it migrates PostgreSQL (lib/db/migrate.ts).
// Prisma 6.19's WebAssembly schema engine leaves a 10-second guard timer behind
// after `migrate deploy` has finished, so the CLI idles 10 s before exiting.
// Unref'd, such a timer still fires while the CLI has work, but no longer
// keeps a finished process alive.
const original = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(fn, ms, ...args) {
  const timer = original.call(this, fn, ms, ...args);
  if (typeof ms === "number" && ms >= 10_000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
