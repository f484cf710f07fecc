-- wrk script for bench/serving_load.sh: counts responses by status and by
-- X-Model-Version in every wrk thread, notes any return to an older version,
-- and prints the totals with wrk's latency percentiles as one RESULT line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  versions = {}
  newest = 0
  backward = 0
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local v = headers["X-Model-Version"] or "none"
  versions[v] = (versions[v] or 0) + 1
  local n = tonumber(v)
  if n then
    if n < newest then backward = backward + 1 end
    if n > newest then newest = n end
  end
end

local function merge(into, from)
  for k, n in pairs(from) do into[k] = (into[k] or 0) + n end
end

function done(summary, latency, requests)
  local st, vt, back = {}, {}, 0
  for _, t in ipairs(threads) do
    merge(st, t:get("statuses"))
    merge(vt, t:get("versions"))
    back = back + t:get("backward")
  end
  local non200 = 0
  for code, n in pairs(st) do
    if code ~= 200 then non200 = non200 + n end
  end
  local e = summary.errors
  local vs = ""
  for v, n in pairs(vt) do vs = vs .. " v" .. v .. "=" .. n end
  io.write(string.format(
    "RESULT requests=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f non200=%d socket_errors=%d backward=%d versions:%s\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, non200, e.connect + e.read + e.write + e.timeout, back, vs))
end
