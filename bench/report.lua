-- wrk reporter for bench/postings.sh: one line with requests/s and latency percentiles, and any non-2xx answers.
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %8.0f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
