-- wrk script: POST stored analyses of job-offer (a small scenario); counts the 201s so that the check afterwards
-- can compare them with the runs the store holds.
request = function()
  return wrk.format("POST", "/api/v1/scenarios/job-offer/analyses", {["Content-Type"] = "application/json"},
    '{"sensitivityLimit": 0}')
end
created = 0
others = 0
response = function(status, headers, body)
  if status == 201 then created = created + 1 else others = others + 1 end
end
local threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local total, failed = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("created")
    failed = failed + thread:get("others")
  end
  io.write(string.format("created: %d\nother responses: %d\n", total, failed))
end
