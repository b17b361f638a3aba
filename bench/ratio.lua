-- wrk script of bench/ratio.sh. Every target goes through request(), so wrk does the same work per request
-- whichever server or token it sends. Settings come from the environment, never from wrk's command line:
--   BENCH_MODE=fixed   Authorization: $BENCH_AUTHORIZATION on every request (the bare endpoint, the valid token)
--   BENCH_MODE=random  Authorization: cpanel $BENCH_USER:<32 fresh random characters of [0-9A-Z]> per request
--   BENCH_MODE=list    Authorization: cpanel $BENCH_USER:<next line of $BENCH_TOKEN_FILE>, round-robin
-- In list mode each wrk thread starts at its own offset into the file ($BENCH_THREADS threads spread over it);
-- wrk has no per-connection hook, so the connections of one thread share its position and together walk the
-- list in order.

local mode = os.getenv("BENCH_MODE") or "fixed"
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
local next_id = 0

function setup(thread)
    thread:set("thread_id", next_id)
    next_id = next_id + 1
end

local headers = {}
local prefix = ""
local fixed
local values = {}
local count = 0
local position = 0
local alphabet = {}

function init(args)
    local id = thread_id or 0
    if mode == "fixed" then
        fixed = os.getenv("BENCH_AUTHORIZATION")
        if fixed and fixed ~= "" then
            headers["Authorization"] = fixed
        end
    elseif mode == "random" then
        prefix = "cpanel " .. os.getenv("BENCH_USER") .. ":"
        local chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        for i = 1, #chars do
            alphabet[i] = chars:sub(i, i)
        end
        math.randomseed(os.time() * 1000 + id * 7919 + math.floor(os.clock() * 1000000))
    elseif mode == "list" then
        prefix = "cpanel " .. os.getenv("BENCH_USER") .. ":"
        local file = assert(io.open(os.getenv("BENCH_TOKEN_FILE"), "r"))
        for line in file:lines() do
            if #line > 0 then
                count = count + 1
                values[count] = line
            end
        end
        file:close()
        assert(count > 0, "BENCH_TOKEN_FILE holds no tokens")
        position = math.floor(id * count / threads) % count
    else
        error("unknown BENCH_MODE " .. mode)
    end
end

local random_token = {}

function request()
    if mode == "random" then
        for i = 1, 32 do
            random_token[i] = alphabet[math.random(36)]
        end
        headers["Authorization"] = prefix .. table.concat(random_token)
    elseif mode == "list" then
        position = position + 1
        if position > count then
            position = 1
        end
        headers["Authorization"] = prefix .. values[position]
    end
    return wrk.format(nil, nil, headers)
end
