-- The mixed load of bench/mixed.py for wrk: 80% page reads, 15% agenda changes (a confirmed participant adds or
-- removes a session), 5% registrations; or one kind only: "reads", "agenda" or "register" (to measure its cost).
-- wrk -s bench/mixed.lua <url> -- <data file written by bench/mixed.py> <mix|reads|agenda|register> <run tag>
-- Every response is counted by status; done() prints one line "STATUSES <code>=<count> ...".

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  data = dofile(args[1])
  -- The roll that picks the kind of request: 1-80 a read, 81-95 an agenda change, 96-100 a registration.
  fixed_roll = ({reads = 1, agenda = 90, register = 100})[args[2]]
  run_tag = args[3] or "0"
  statuses = {}
  sent = 0
  math.randomseed(id * 7919 + os.time())
  csrf_body = "csrfmiddlewaretoken=" .. data.csrf_token
end

local function form(path, cookie, body)
  local headers = {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie}
  return wrk.format("POST", path, headers, body)
end

function request()
  local roll = fixed_roll or math.random(100)
  if roll <= 80 then
    return wrk.format("GET", data.reads[math.random(#data.reads)])
  end
  if roll <= 95 then
    local p = data.participants[math.random(#data.participants)]
    local s = data.sessions[math.random(#data.sessions)]
    if math.random(2) == 1 then
      local cookie = "csrftoken=" .. data.csrf_cookie .. "; " .. data.remember_cookie .. "=" .. p.remember
      return form("/" .. data.agenda_edition .. "/agenda/add/" .. s .. "/", cookie, csrf_body)
    end
    return form("/registration/" .. p.token .. "/agenda/remove/" .. s .. "/", "csrftoken=" .. data.csrf_cookie, csrf_body)
  end
  sent = sent + 1
  local email = "m" .. run_tag .. "-" .. id .. "-" .. sent .. "%40mixed.bench.example.org"
  local body = csrf_body .. "&name=Bench+Participant&email=" .. email
    .. "&country=RO&role=librarian&attendance=online&privacy_consent=on"
  return form("/" .. data.register_edition .. "/register/", "csrftoken=" .. data.csrf_cookie, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses")) do
      total[code] = (total[code] or 0) + count
    end
  end
  io.write("STATUSES")
  for code, count in pairs(total) do
    io.write(" " .. code .. "=" .. count)
  end
  io.write("\n")
end
