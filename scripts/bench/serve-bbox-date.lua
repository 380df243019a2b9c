-- wrk script for scripts/bench-serve.sh: GET /api/incidents with a bounding box and a date
-- range that change with every request (a fixed seed per thread, so runs are repeatable).
-- Boxes are 2 to 12 degrees wide around the benchmark store's conflict-area centres; date
-- ranges are 1 month to 3 years within 2000-2024.

local centres = {
  {34.53, 69.17}, {33.34, 44.40}, {33.51, 36.29}, {32.89, 13.19}, {15.35, 44.21},
  {2.04, 45.34}, {11.85, 13.16}, {16.27, -0.04}, {-1.68, 29.23}, {30.04, 31.24},
  {34.01, 71.58}, {6.87, 101.25}, {7.07, 125.61}, {4.61, -74.08}, {48.02, 37.80},
  {31.50, 34.47}, {41.01, 28.98}, {24.80, -107.39}, {12.37, -1.52}, {15.50, 32.56},
}

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function init(args)
  math.randomseed(1000 + id)
end

local function clamp(v, lo, hi) return math.max(lo, math.min(hi, v)) end

request = function()
  local c = centres[math.random(#centres)]
  local half = 1 + math.random() * 5
  local lat0 = clamp(c[1] - half + (math.random() - 0.5) * 2, -90, 90)
  local lon0 = clamp(c[2] - half + (math.random() - 0.5) * 2, -180, 180)
  local lat1 = clamp(lat0 + 2 * half, -90, 90)
  local lon1 = clamp(lon0 + 2 * half, -180, 180)
  local days = 30 + math.random(0, 3 * 365)
  local start = os.time({year = 2000, month = 1, day = 1, hour = 12}) + math.random(0, 25 * 365 - days) * 86400
  local since = os.date("!%Y-%m-%d", start)
  local untl = os.date("!%Y-%m-%d", start + days * 86400)
  local path = string.format("/api/incidents?bbox=%.3f,%.3f,%.3f,%.3f&since=%s&until=%s&limit=100",
    lon0, lat0, lon1, lat1, since, untl)
  return wrk.format("GET", path)
end

local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, errors: %d (status), %d (socket)\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("latency max: %.2f ms, throughput: %.0f requests/s\n",
    latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
