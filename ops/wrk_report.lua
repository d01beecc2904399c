-- wrk reporter for ops/stress.sh: one machine-readable line with requests, p95 latency, errors and rate.
-- Errors are socket errors (connect, read, write, timeout) plus HTTP answers of 400 and above.
done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format("RESULT requests=%d p95_ms=%.1f errors=%d rps=%.1f\n",
    summary.requests, latency:percentile(95) / 1000, errors, summary.requests / (summary.duration / 1e6)))
end
