-- The search page of the good-practice library for wrk: each request asks for one of many different searches
-- (bench/practices.py writes them), so most miss the page cache and measure the search itself.
-- wrk -s bench/practices.lua <url> -- <data file: a Lua table of paths>

function init(args)
  paths = dofile(args[1])
  math.randomseed(id or os.time())
end

local counter = 0

function request()
  counter = counter + 1
  return wrk.format("GET", paths[math.random(#paths)])
end
