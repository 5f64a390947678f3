// Preloaded into a benchmarked process: reports its peak resident memory and CPU time on exit.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`__RSS__${(u.maxRSS / 1024).toFixed(1)}__CPU__${((u.userCPUTime + u.systemCPUTime) / 1000).toFixed(1)}`);
});
