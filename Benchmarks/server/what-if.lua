-- wrk script: POST what-if requests for berlin-2025, alternating Russia's reservation between two values so that
-- consecutive requests differ (no cache could answer them).
local bodies = {
  '{"reservations": {"russia": 0.30}}',
  '{"reservations": {"russia": 0.45}, "weights": {"ukraine": {"territory": 0.5}}}',
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/api/v1/scenarios/berlin-2025/what-if", {["Content-Type"] = "application/json"},
    bodies[(n % 2) + 1])
end
errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
local threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("errors") end
  io.write(string.format("non-200 responses: %d\n", total))
end
