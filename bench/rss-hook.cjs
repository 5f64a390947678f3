// Preloaded into a benchmarked process: reports its peak resident memory on exit, and the CPU time
// it used (user + system, all its threads: on a shared machine the one figure the neighbours do not move).
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write('__RSS__' + (u.maxRSS / 1024).toFixed(1) + '__CPU__' + ((u.userCPUTime + u.systemCPUTime) / 1000).toFixed(0));
});
