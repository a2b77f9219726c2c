-- wrk script: POST what-if requests for berlin-2025 as a hand dragging Ukraine's territory weight slider would:
-- every request asks for another weight (0.300, 0.301, … 0.699, then again), so every request needs a new Pareto
-- frontier: the what-if answer's full cost.
local n = 0
request = function()
  n = n + 1
  local weight = string.format("%.3f", 0.300 + (n % 400) / 1000)
  local body = '{"weights": {"ukraine": {"territory": ' .. weight .. '}}}'
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
