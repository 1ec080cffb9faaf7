// Preloaded by the benchmark: reports the process's peak resident set size on exit.
process.on('exit', () => {
  process.stderr.write(`peakRssKiB=${process.resourceUsage().maxRSS}\n`);
});
