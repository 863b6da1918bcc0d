// Preloaded into Prisma CLI calls: its WASM engine leaves long timers alive, which keeps a
// finished command hanging for ~10 s. Unref'ing long timers lets the process exit when done.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 1000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
