-- The Redis matchmaker: one script, one operation per call, run atomically.
--
-- It keeps the rules of passerby.core.matchmaker (read that module first):
-- pools keyed by (section, scope, tag), interests before the random pool,
-- a random pick among the `window` longest-waiting eligible candidates,
-- never oneself, never a recent partner or a blocked identity.
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
--   P..'waiting'          set of waiting users (the count)
--   P..'wn:'..node        set of the waiting users a node holds (for reaping)
--   P..'r:'..identity     list of recent partners, newest first, with a TTL
--   P..'b:'..identity     set of identities never to meet again, with a TTL
--   P..'alive:'..node     exists while the node heartbeats
--
-- ARGV: prefix, op, now, window, scan limit, recent partners, interest
-- fallback, language fallback (negative: never), memory TTL, random in
-- [0, 1), then the operation's own arguments (join: user, node, identity,
-- section, language, interests-only, evidence details, the node's alive
-- time-to-live in ms, then the interests). Returns a JSON array of
-- outcomes: ["m", a, a_node, a_info, b, b_node, b_info, [common], waited_a,
-- waited_b] or ["f", user, node, reason].

local P, op = ARGV[1], ARGV[2]
local now = tonumber(ARGV[3])
local WINDOW, SCAN, RECENT = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local INTEREST_FB, LANGUAGE_FB = tonumber(ARGV[7]), tonumber(ARGV[8])
local MEMORY_TTL = tonumber(ARGV[9])
local chance = tonumber(ARGV[10])
-- One random draw arrives per call; a tick may pair several users, so later
-- picks stir it (the caller's generator stays the only source of chance).
local function draw()
  local value = chance
  chance = (chance * 9301 + 0.2113248654) % 1
  return value
end
local US = '\31'
local ANY = '*'
local out = {}
local alive_cache = {}

local function wkey(user) return P .. 'w:' .. user end
local function pool(sec, scope, tag) return P .. 'p:' .. sec .. US .. scope .. US .. tag end

local function split(text)
  local parts = {}
  if text == nil or text == '' then return parts end
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

local FIELDS = {'seq', 'who', 'sec', 'lang', 'tags', 'only', 'rnd', 'anyl', 'joined', 'node', 'info'}

local function load(user)
  local h = redis.call('HMGET', wkey(user), unpack(FIELDS))
  if not h[1] then return nil end
  return {
    user = user, seq = h[1], who = h[2], sec = h[3], lang = h[4], tags = split(h[5]),
    only = h[6] == '1', rnd = h[7] == '1', anyl = h[8] == '1', joined = tonumber(h[9]),
    node = h[10], info = h[11],
  }
end

local function keys_of(w, scope)
  local keys = {}
  for _, tag in ipairs(w.tags) do keys[#keys + 1] = pool(w.sec, scope, tag) end
  if w.rnd then keys[#keys + 1] = pool(w.sec, scope, '') end
  return keys
end

local function drop(user, seq, node)
  redis.call('DEL', wkey(user))
  redis.call('SREM', P .. 'waiting', user)
  redis.call('SREM', P .. 'wn:' .. node, user)
  redis.call('ZREM', P .. 'dl', '0|' .. seq .. '|' .. user, '1|' .. seq .. '|' .. user)
end

local function remember(identity, partner)
  if RECENT <= 0 then return end
  local key = P .. 'r:' .. identity
  redis.call('LPUSH', key, partner)
  redis.call('LTRIM', key, 0, RECENT - 1)
  redis.call('EXPIRE', key, MEMORY_TTL)
end

-- The partner for w among the pools `keys`, or nil: the same scan as
-- Matchmaker._pick, trimming entries of users who left from each pool's head.
local function pick(w, keys)
  local me = w.who
  local mine = {}
  if RECENT > 0 then
    for _, who in ipairs(redis.call('LRANGE', P .. 'r:' .. me, 0, -1)) do mine[who] = true end
  end
  local blocked_key = P .. 'b:' .. me
  local has_blocks = redis.call('EXISTS', blocked_key) == 1
  local chosen, seqs = {}, {}
  for _, key in ipairs(keys) do
    local found, head_stale, at_head = 0, 0, true
    for _, entry in ipairs(redis.call('LRANGE', key, 0, SCAN - 1)) do
      if found >= WINDOW then break end
      local bar = string.find(entry, '|', 1, true)
      local seq, user = string.sub(entry, 1, bar - 1), string.sub(entry, bar + 1)
      local h = redis.call('HMGET', wkey(user), 'seq', 'who', 'node')
      if h[1] ~= seq or not alive(h[3]) then
        if at_head then head_stale = head_stale + 1 end
      else
        at_head = false
        if chosen[seq] then
          found = found + 1
        else
          local them = h[2]
          if them ~= me and not mine[them]
            and not (has_blocks and redis.call('SISMEMBER', blocked_key, them) == 1)
            and not (RECENT > 0 and redis.call('LPOS', P .. 'r:' .. them, me)) then
            chosen[seq] = {user, h[3]}
            seqs[#seqs + 1] = tonumber(seq)
            found = found + 1
          end
        end
      end
    end
    if head_stale > 0 then redis.call('LTRIM', key, head_stale, -1) end
  end
  if #seqs == 0 then return nil end
  table.sort(seqs)
  local n = math.min(#seqs, WINDOW)
  local index = math.min(n, math.floor(draw() * n) + 1)
  return chosen[tostring(seqs[index])]
end

local function pair(w, partner_user)
  local p = load(partner_user)
  drop(p.user, p.seq, p.node)
  drop(w.user, w.seq, w.node)
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
    tostring(now - p.joined), tostring(now - w.joined),
  }
end

-- Look for a partner in `keys` (interests before random); else wait there.
local function enter(w, keys)
  local tag_keys, random_keys = {}, {}
  for _, key in ipairs(keys) do
    if string.sub(key, -1) == US then random_keys[#random_keys + 1] = key
    else tag_keys[#tag_keys + 1] = key end
  end
  for _, group in ipairs({tag_keys, random_keys}) do
    if #group > 0 then
      local partner = pick(w, group)
      if partner then
        pair(w, partner[1])
        return
      end
    end
  end
  local entry = w.seq .. '|' .. w.user
  for _, key in ipairs(keys) do redis.call('RPUSH', key, entry) end
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
  local user, node, who, sec, lang, only, info = ARGV[11], ARGV[12], ARGV[13], ARGV[14],
    ARGV[15], ARGV[16], ARGV[17]
  local alive_ms = tonumber(ARGV[18])
  local tags = {}
  for i = 19, #ARGV do tags[#tags + 1] = ARGV[i] end
  if redis.call('EXISTS', wkey(user)) == 1 then
    return redis.error_reply('already waiting')
  end
  -- A node that asks is alive, even when Redis has just restarted and its
  -- next heartbeat is still to come: its waiting users must not look stale.
  if redis.call('EXISTS', P .. 'alive:' .. node) == 0 then
    redis.call('SET', P .. 'alive:' .. node, '1', 'PX', alive_ms)
  end
  local seq = tostring(redis.call('INCR', P .. 'seq'))
  local w = {
    user = user, seq = seq, who = who, sec = sec, lang = lang, tags = tags,
    only = only == '1', rnd = #tags == 0, anyl = false, joined = now, node = node, info = info,
  }
  redis.call('HSET', wkey(user), 'seq', seq, 'who', who, 'sec', sec, 'lang', lang,
    'tags', table.concat(tags, US), 'only', only, 'rnd', w.rnd and '1' or '0', 'anyl', '0',
    'joined', tostring(now), 'node', node, 'info', info)
  redis.call('SADD', P .. 'waiting', user)
  redis.call('SADD', P .. 'wn:' .. node, user)
  if #tags > 0 and not w.only then
    redis.call('ZADD', P .. 'dl', now + INTEREST_FB, '0|' .. seq .. '|' .. user)
  end
  if LANGUAGE_FB >= 0 then
    redis.call('ZADD', P .. 'dl', now + LANGUAGE_FB, '1|' .. seq .. '|' .. user)
  end
  enter(w, keys_of(w, lang))
elseif op == 'leave' then
  local w = load(ARGV[11])
  if w then drop(w.user, w.seq, w.node) end
elseif op == 'stop' then
  local w = load(ARGV[11])
  if w and not w.rnd then fall_back(w, 'asked') end
elseif op == 'tick' then
  local limit = tonumber(ARGV[11])
  local due = redis.call('ZRANGEBYSCORE', P .. 'dl', '-inf', now, 'LIMIT', 0, limit)
  for _, member in ipairs(due) do
    redis.call('ZREM', P .. 'dl', member)
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
  local a, b = ARGV[11], ARGV[12]
  for _, pair_ in ipairs({{a, b}, {b, a}}) do
    local key = P .. 'b:' .. pair_[1]
    redis.call('SADD', key, pair_[2])
    redis.call('EXPIRE', key, MEMORY_TTL)
  end
elseif op == 'reap' then
  -- A node is gone: its waiting users leave (their pool entries go lazily).
  local node = ARGV[11]
  for _, user in ipairs(redis.call('SMEMBERS', P .. 'wn:' .. node)) do
    local w = load(user)
    if w and w.node == node then drop(w.user, w.seq, node) end
  end
  redis.call('DEL', P .. 'wn:' .. node)
else
  return redis.error_reply('unknown operation ' .. tostring(op))
end

if #out == 0 then return '[]' end
return cjson.encode(out)
