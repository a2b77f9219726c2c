-- wrk script: POST what-if requests for berlin-2025 as a hand dragging Russia's reservation slider would: every
-- request asks for another reservation value (0.300, 0.301, … 0.499, then again), alternately with and without a
-- change of Ukraine's territory weight. No two consecutive requests are the same; the server may reuse a Pareto
-- frontier between requests with the same weights (reservations do not move it), nothing else.
local n = 0
request = function()
  n = n + 1
  local reservation = string.format("%.3f", 0.300 + (n % 200) / 1000)
  local body
  if n % 2 == 0 then
    body = '{"reservations": {"russia": ' .. reservation .. '}}'
  else
    body = '{"reservations": {"russia": ' .. reservation .. '}, "weights": {"ukraine": {"territory": 0.5}}}'
  end
  return wrk.format("POST", "/api/v1/scenarios/berlin-2025/what-if", {["Content-Type"] = "application/json"}, body)
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
