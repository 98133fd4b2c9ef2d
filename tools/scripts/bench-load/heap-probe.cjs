// Preloaded into the API process by the load benchmark (`node -r heap-probe.cjs dist/apps/api/main.js`): every
// second it sends the process's memory (RSS, V8 heap) and the event loop's delay over that second to the parent
// through the IPC channel, and on request the heap left after a full collection. Nothing in the API changes; without an IPC channel it does nothing.
const { monitorEventLoopDelay } = require('node:perf_hooks');

if (typeof process.send === 'function') {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    process.send({
      t: Date.now(),
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
    });
    loop.reset();
  }, 1000);
  timer.unref();
  // 'gc' from the parent (the API started with --expose-gc): the heap that survives a full collection, which grows
  // only with what the process keeps (a leak), unlike the heap between collections
  process.on('message', (m) => {
    if (m !== 'gc' || typeof global.gc !== 'function') return;
    global.gc();
    global.gc();
    process.send({ gcHeapUsed: process.memoryUsage().heapUsed });
  });
  process.channel?.unref();
}
