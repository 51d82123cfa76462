-- The Redis matchmaker: one script, one operation per call, run atomically.
--
-- It keeps the rules of passerby.core.matchmaker (read that module first):
-- pools keyed by (section, scope, tag), interests before the random pool,
-- a random pick among the `window` longest-waiting eligible candidates,
-- never oneself, never a recent partner or a blocked identity, and one from
-- the same network only when nobody else is found.
--
-- Data, every key under the prefix P (which holds a {hash tag}, so all keys
-- live in one Redis Cluster slot):
--   P..'seq'              arrival counter
--   P..'w:'..user         hash: one waiting user (see load())
--   P..'p:'..sec..US..scope..US..tag
--                         list of '<seq>|<user>' entries, oldest first; the
--                         random pool has the empty tag. Entries of users
--                         who left stay until a scan meets them at the head
--                         (lazy deletion): leaving costs O(1).
--   P..'dl'               sorted set of fallback deadlines, '<kind>|<seq>|<user>'
--   P..'m:'..identity     recent partners (newest first) and identities never
--                         to meet again, with a TTL (see memory_of)
--   P..'alive:'..node     exists while the node heartbeats
--   P..'x:'..user         the name of the user's wait that was last paired, for
--                         MATCHED_TTL seconds: a node that joins that wait again
--                         (its news of the match still on the way, or lost) is
--                         told so instead of leaving a waiting ghost behind
--
-- ARGV: prefix, op, now, the policy as one string ("window scan recent
-- interest_fallback language_fallback memory_ttl"; a negative language
-- fallback means never), a random number in [0, 1), then the operation's
-- own arguments. `leave` takes the user and, optionally, the name of a wait
-- of theirs to retire (see P..'x:'). `join` takes any number of arrivals (a node sends the ones
-- that came while its previous call was out): the node's alive time-to-live
-- in ms, then per arrival: user, node, identity, section, language,
-- interests-only, evidence details, network, the wait's name (unique per
-- wait; empty: none), the number of interests, the interests.
-- Returns a JSON array of outcomes: ["m", a, a_node, a_info, b, b_node,
-- b_info, [common], waited_a, waited_b, a_wait, b_wait], ["f", user, node,
-- reason] or ["k", user, node] (that wait was paired already).

local P, op = ARGV[1], ARGV[2]
local now = tonumber(ARGV[3])
local policy = {}
for number in string.gmatch(ARGV[4], '%S+') do policy[#policy + 1] = tonumber(number) end
local WINDOW, SCAN, RECENT = policy[1], policy[2], policy[3]
local INTEREST_FB, LANGUAGE_FB, MEMORY_TTL = policy[4], policy[5], policy[6]
local chance = tonumber(ARGV[5])
-- One random draw arrives per call; a call may pair several users, so later
-- picks stir it (the caller's generator stays the only source of chance).
local function draw()
  local value = chance
  chance = (chance * 9301 + 0.2113248654) % 1
  return value
end
local US = '\31'
local MATCHED_TTL = 120
local ANY = '*'
local out = {}
local alive_cache = {}

local function wkey(user) return P .. 'w:' .. user end
local function pool(sec, scope, tag) return P .. 'p:' .. sec .. US .. scope .. US .. tag end

local function split(text)
  local parts = {}
  if not text or text == '' then return parts end
  for part in string.gmatch(text, '[^' .. US .. ']+') do parts[#parts + 1] = part end
  return parts
end

local function alive(node)
  local known = alive_cache[node]
  if known == nil then
    known = redis.call('EXISTS', P .. 'alive:' .. node) == 1
    alive_cache[node] = known
  end
  return known
end

local FIELDS = {
  'seq', 'who', 'sec', 'lang', 'tags', 'only', 'rnd', 'anyl', 'joined', 'node', 'info', 'net',
  'wait',
}

-- A waiting user as a table (read once per call), or nil.
local loaded = {}
local function load(user)
  local w = loaded[user]
  if w ~= nil then return w or nil end
  local h = redis.call('HMGET', wkey(user), unpack(FIELDS))
  if not h[1] then
    loaded[user] = false
    return nil
  end
  w = {
    user = user, seq = h[1], who = h[2], sec = h[3], lang = h[4], tags = split(h[5]),
    only = h[6] == '1', rnd = h[7] == '1', anyl = h[8] == '1', joined = tonumber(h[9]),
    node = h[10], info = h[11], net = h[12] or '',  -- none when stored by an older script
    wait = h[13] or '',
  }
  loaded[user] = w
  return w
end

local function keys_of(w, scope)
  local keys = {}
  for _, tag in ipairs(w.tags) do keys[#keys + 1] = pool(w.sec, scope, tag) end
  if w.rnd then keys[#keys + 1] = pool(w.sec, scope, '') end
  return keys
end

local function drop(w)
  loaded[w.user] = false
  redis.call('DEL', wkey(w.user))
  -- Its deadlines stay until due, then are dropped unread (lazy, like pools).
end

-- What the matchmaker remembers of a person, in one string key read once
-- per call: recent partners (newest first) and blocked identities, each
-- list joined by US, the two lists separated by RS.
local RS = '\30'
local memories = {}
local function memory_of(identity)
  local found = memories[identity]
  if found == nil then
    local raw = redis.call('GET', P .. 'm:' .. identity)
    local recent, blocked = {}, {}
    if raw then
      local cut = string.find(raw, RS, 1, true)
      recent, blocked = split(string.sub(raw, 1, cut - 1)), split(string.sub(raw, cut + 1))
    end
    found = {recent = recent, blocked = blocked, excluded = {}}
    for _, who in ipairs(recent) do found.excluded[who] = true end
    for _, who in ipairs(blocked) do found.excluded[who] = true end
    memories[identity] = found
  end
  return found
end

local function memorise(identity, memory)
  memory.excluded = {}
  for _, who in ipairs(memory.recent) do memory.excluded[who] = true end
  for _, who in ipairs(memory.blocked) do memory.excluded[who] = true end
  local value = table.concat(memory.recent, US) .. RS .. table.concat(memory.blocked, US)
  redis.call('SET', P .. 'm:' .. identity, value, 'EX', MEMORY_TTL)
end

local function remember(identity, partner)
  if RECENT <= 0 then return end
  local memory = memory_of(identity)
  local recent = {partner}
  for i = 1, math.min(#memory.recent, RECENT - 1) do recent[#recent + 1] = memory.recent[i] end
  memory.recent = recent
  memorise(identity, memory)
end

-- What a report's block on w hangs on (core.matchmaker.block_key): its
-- identity, or for a waiter without one (its `who` is then its wait's own
-- name: an API client with no cookie) its network.
local function block_key(w)
  if w.who ~= w.user or w.net == '' then return w.who end
  return 'net:' .. w.net
end

-- Whom w may not meet: its memory's exclusions and, for a waiter without
-- identity, the blocks on its network (a block is stored on both sides, so
-- these are the only memories to read).
local function exclusions_of(w)
  local mine = memory_of(w.who).excluded
  local key = block_key(w)
  if key == w.who then return mine end
  local blocked = memory_of(key).blocked
  if #blocked == 0 then return mine end
  local merged = {}
  for k in pairs(mine) do merged[k] = true end
  for _, k in ipairs(blocked) do merged[k] = true end
  return merged
end

-- May `me` (whose exclusions are `mine`) meet c? Never oneself, never a
-- recent partner or a blocked identity or network, on either side.
local function may_meet(me, mine, c)
  local them = c.who
  return them ~= me and not mine[them] and not mine[block_key(c)]
    and not memory_of(them).excluded[me]
end

-- A random one of the WINDOW oldest of `seqs` (numbers), as its entry in `by_seq`.
local function choose(by_seq, seqs)
  table.sort(seqs)
  local n = math.min(#seqs, WINDOW)
  local index = math.min(n, math.floor(draw() * n) + 1)
  return by_seq[tostring(seqs[index])]
end

-- This call's view of a pool: the first SCAN entries, read once. Trims move
-- its start; `complete` when the list was shorter than SCAN, so that an
-- entry pushed now can be added to the view (else the view is dropped).
local views = {}
local function pool_view(key)
  local view = views[key]
  if view ~= nil and not view.complete and #view.entries - view.first + 1 < WINDOW then
    view = nil  -- trimmed down to a few: read the next ones
  end
  if view == nil then
    local entries = redis.call('LRANGE', key, 0, SCAN - 1)
    view = {entries = entries, first = 1, complete = #entries < SCAN}
    views[key] = view
  end
  return view
end

-- The partner for w among the pools `keys`, or nil and the eligible ones
-- from w's own network ({by_seq, seqs}, nil when none): the same scan as
-- Matchmaker._pick, trimming entries of users who left from each pool's head.
local function pick(w, keys)
  local me, network = w.who, w.net
  local mine = exclusions_of(w)
  local chosen, seqs = {}, {}
  local near, near_seqs = {}, {}
  for _, key in ipairs(keys) do
    local found, head_stale, at_head = 0, 0, true
    local view = pool_view(key)
    for index = view.first, #view.entries do
      local entry = view.entries[index]
      if found >= WINDOW then break end
      local bar = string.find(entry, '|', 1, true)
      local seq, user = string.sub(entry, 1, bar - 1), string.sub(entry, bar + 1)
      local c = load(user)
      if not c or c.seq ~= seq or not alive(c.node) then
        if at_head then head_stale = head_stale + 1 end
      else
        at_head = false
        if chosen[seq] then
          found = found + 1
        elseif not near[seq] and may_meet(me, mine, c) then
          if network ~= '' and c.net == network then
            -- Not counted in the window: the scan goes on for someone
            -- from elsewhere behind them.
            near[seq] = {user, c.node}
            near_seqs[#near_seqs + 1] = tonumber(seq)
          else
            chosen[seq] = {user, c.node}
            seqs[#seqs + 1] = tonumber(seq)
            found = found + 1
          end
        end
      end
    end
    if head_stale > 0 then
      redis.call('LTRIM', key, head_stale, -1)
      view.first = view.first + head_stale
    end
  end
  if #seqs > 0 then return choose(chosen, seqs) end
  if #near_seqs > 0 then return nil, {near, near_seqs} end
  return nil
end

-- p (who waited longer) meets w; either may be an arrival never stored
-- (no seq), whose meeting then writes nothing of its wait.
local function paired(w)
  if w.wait ~= '' then redis.call('SET', P .. 'x:' .. w.user, w.wait, 'EX', MATCHED_TTL) end
end

local function pair_with(p, w)
  if p.seq then drop(p) end
  if w.seq then drop(w) end
  paired(p)
  paired(w)
  remember(p.who, w.who)
  remember(w.who, p.who)
  local theirs, common = {}, {}
  for _, tag in ipairs(p.tags) do theirs[tag] = true end
  for _, tag in ipairs(w.tags) do
    if theirs[tag] then common[#common + 1] = tag end
  end
  -- the one who waited longer first, as Matchmaker._pair does
  out[#out + 1] = {
    'm', p.user, p.node, p.info, w.user, w.node, w.info, common,
    tostring(now - p.joined), tostring(now - w.joined), p.wait, w.wait,
  }
end

local function pair(w, partner_user)
  pair_with(load(partner_user), w)
end

-- The partner for w in `keys`, interests before random, or nil and the
-- candidates from w's own network (of the first group with any, as pick()
-- gives them): the last resort, after both groups.
local function find(w, keys)
  local tag_keys, random_keys = {}, {}
  for _, key in ipairs(keys) do
    if string.sub(key, -1) == US then random_keys[#random_keys + 1] = key
    else tag_keys[#tag_keys + 1] = key end
  end
  local neighbours
  for _, group in ipairs({tag_keys, random_keys}) do
    if #group > 0 then
      local partner, near = pick(w, group)
      if partner then return partner end
      neighbours = neighbours or near
    end
  end
  return nil, neighbours
end

-- Look for a partner for w in `keys` (see find); true if found.
local function meet(w, keys)
  local partner, neighbours = find(w, keys)
  partner = partner or (neighbours and choose(neighbours[1], neighbours[2]))
  if not partner then return false end
  pair(w, partner[1])
  return true
end

local function wait_in(w, keys)
  local entry = w.seq .. '|' .. w.user
  for _, key in ipairs(keys) do
    local length = redis.call('RPUSH', key, entry)
    local view = views[key]
    if view ~= nil then
      if view.complete and length <= SCAN then
        view.entries[#view.entries + 1] = entry
      else
        views[key] = nil
      end
    end
  end
end

-- A waiting user enters more pools: a partner there, or they wait there too.
local function enter(w, keys)
  if not meet(w, keys) then wait_in(w, keys) end
end

-- Set by the join operation: the sequence number of the next stored arrival.
local next_seq

-- Arrivals of this call that found nobody yet, oldest first. They are
-- stored when the call ends; until then a later arrival of the same call
-- may meet one of them, and neither wait is ever written.
local pending, pending_users = {}, {}

-- The index in `pending` of a partner for w, or nil and the indices of the
-- ones from w's own network: the same rules as find() (interests before
-- random, a random one of the `window` oldest, one's own network last).
local function meet_pending(w, keys)
  if #pending == 0 then return nil end
  local wanted = {}
  for _, key in ipairs(keys) do wanted[key] = true end
  local mine = exclusions_of(w)
  local neighbours
  for _, want_random in ipairs({false, true}) do
    local found, near = {}, {}
    for i, p in ipairs(pending) do
      if #found >= WINDOW then break end
      local shares = false
      for _, key in ipairs(p.keys) do
        if wanted[key] and (string.sub(key, -1) == US) == want_random then
          shares = true
          break
        end
      end
      if shares and may_meet(w.who, mine, p) then
        if w.net ~= '' and p.net == w.net then
          if #near < WINDOW then near[#near + 1] = i end
        else
          found[#found + 1] = i
        end
      end
    end
    if #found > 0 then
      return found[math.min(#found, math.floor(draw() * #found) + 1)]
    end
    if not neighbours and #near > 0 then neighbours = near end
  end
  return nil, neighbours
end

local function store(w)
  w.seq = next_seq()
  redis.call('HSET', wkey(w.user), 'seq', w.seq, 'who', w.who, 'sec', w.sec, 'lang', w.lang,
    'tags', table.concat(w.tags, US), 'only', w.only and '1' or '0',
    'rnd', w.rnd and '1' or '0', 'anyl', '0', 'joined', tostring(now), 'node', w.node,
    'info', w.info, 'net', w.net, 'wait', w.wait)
  loaded[w.user] = w
  if #w.tags > 0 and not w.only then
    redis.call('ZADD', P .. 'dl', now + INTEREST_FB, '0|' .. w.seq .. '|' .. w.user)
  end
  if LANGUAGE_FB >= 0 then
    redis.call('ZADD', P .. 'dl', now + LANGUAGE_FB, '1|' .. w.seq .. '|' .. w.user)
  end
  wait_in(w, w.keys)
end

-- An arrival: a partner now (a waiting user first, then an arrival of this
-- call; from w's own network only when neither has anyone else), or it joins
-- `pending`. Nothing is written for an arrival paired at once.
local function arrive(w)
  if pending_users[w.user] then return end  -- twice in one call
  if w.wait ~= '' and redis.call('GET', P .. 'x:' .. w.user) == w.wait then
    out[#out + 1] = {'k', w.user, w.node}  -- paired already: the news is on its way
    return
  end
  if redis.call('EXISTS', wkey(w.user)) == 1 then return end  -- already waiting
  local keys = keys_of(w, w.lang)
  local partner, neighbours = find(w, keys)
  if partner then
    pair(w, partner[1])
    return
  end
  local i, near = meet_pending(w, keys)
  if not i and neighbours then
    pair(w, choose(neighbours[1], neighbours[2])[1])
    return
  end
  if not i and near then i = near[math.min(#near, math.floor(draw() * #near) + 1)] end
  if i then
    local p = table.remove(pending, i)
    pending_users[p.user] = nil
    pair_with(p, w)
    return
  end
  w.keys = keys
  pending[#pending + 1] = w
  pending_users[w.user] = true
end

local function fall_back(w, reason)
  w.rnd = true
  redis.call('HSET', wkey(w.user), 'rnd', '1')
  out[#out + 1] = {'f', w.user, w.node, reason}
  local keys = {pool(w.sec, w.lang, '')}
  if w.anyl then keys[#keys + 1] = pool(w.sec, ANY, '') end
  enter(w, keys)
end

if op == 'join' then
  local alive_ms = tonumber(ARGV[6])
  local marked = {}
  local starts, i = {}, 7
  while i <= #ARGV do
    starts[#starts + 1] = i
    i = i + 10 + tonumber(ARGV[i + 9])
  end
  -- One sequence number for each arrival of this call, taken in one step.
  local base = redis.call('INCRBY', P .. 'seq', #starts) - #starts
  next_seq = function()
    base = base + 1
    return tostring(base)
  end
  for _, i in ipairs(starts) do
    local w = {
      user = ARGV[i], node = ARGV[i + 1], who = ARGV[i + 2], sec = ARGV[i + 3],
      lang = ARGV[i + 4], only = ARGV[i + 5] == '1', info = ARGV[i + 6], net = ARGV[i + 7],
      wait = ARGV[i + 8], tags = {}, anyl = false, joined = now,
    }
    local count = tonumber(ARGV[i + 9])
    for j = 1, count do w.tags[j] = ARGV[i + 9 + j] end
    w.rnd = count == 0
    -- A node that asks is alive, even when Redis has just restarted and its
    -- next heartbeat is still to come: its waiting users must not look stale.
    if not marked[w.node] then
      marked[w.node] = true
      if redis.call('EXISTS', P .. 'alive:' .. w.node) == 0 then
        redis.call('SET', P .. 'alive:' .. w.node, '1', 'PX', alive_ms)
      end
      alive_cache[w.node] = true
    end
    arrive(w)
  end
  for _, w in ipairs(pending) do store(w) end
elseif op == 'leave' then
  local w = load(ARGV[6])
  if w then drop(w) end
  -- with a wait's name: that wait is over even if its join is still on the way
  local retired = ARGV[7]
  if retired and retired ~= '' then
    redis.call('SET', P .. 'x:' .. ARGV[6], retired, 'EX', MATCHED_TTL)
  end
elseif op == 'stop' then
  local w = load(ARGV[6])
  if w and not w.rnd then fall_back(w, 'asked') end
elseif op == 'tick' then
  local limit = tonumber(ARGV[6])
  local due = redis.call('ZRANGEBYSCORE', P .. 'dl', '-inf', now, 'LIMIT', 0, limit)
  if #due > 0 then redis.call('ZREM', P .. 'dl', unpack(due)) end
  for _, member in ipairs(due) do
    local kind, seq, user = string.match(member, '^(%d)|(%d+)|(.*)$')
    local w = load(user)
    if w and w.seq == seq and alive(w.node) then
      if kind == '0' then
        if not w.rnd then fall_back(w, 'timeout') end
      elseif not w.anyl then
        w.anyl = true
        redis.call('HSET', wkey(user), 'anyl', '1')
        enter(w, keys_of(w, ANY))
      end
    end
  end
elseif op == 'block' then
  local a, b = ARGV[6], ARGV[7]
  for _, pair_ in ipairs({{a, b}, {b, a}}) do
    local memory = memory_of(pair_[1])
    local seen = false
    for _, who in ipairs(memory.blocked) do seen = seen or who == pair_[2] end
    if not seen then memory.blocked[#memory.blocked + 1] = pair_[2] end
    memorise(pair_[1], memory)
  end
else
  return redis.error_reply('unknown operation ' .. tostring(op))
end

if #out == 0 then return '[]' end
return cjson.encode(out)
