// The actor gazetteer: loading rules/actors/*.yaml (the schema is in
// rules/actors/README.md) and finding actor mentions in sentences.
//
// Every surface form (alias, demonym, capital, role word, body noun, ...) is
// split into tokens by actor_tokens.h and stored in an n-gram hash index:
// `exact` for actor names, which are case-sensitive ("US" but not "us"),
// `folded` for roles, prefixes, honorifics and body nouns, which match in any
// case, and `words` for the one-word lists (stop words, ...), which are only
// looked up on demand. An index holds every prefix of every surface, so a
// look-up at a token extends word by word only while some surface still
// starts that way; Bloom filters of first tokens, and of the longer n-grams,
// turn most words of running text away before any probe.
//
// Annotate tokenises each sentence once; the tokeniser tests each word
// against those filters (and the first names of the people met) as it reads
// it, and lists the few that pass. Only those are probed, for the index hits
// at them, and only the words where a mention may start are then visited,
// left to right. At each it builds the candidate mentions that start there
// (a plain alias, a known or already met person, a description such as "the
// Indian delegation", a titled person such as "Russian Foreign Minister
// Sergei Lavrov", a name after an honorific), keeps the longest, and jumps
// past it; so mentions come out sorted and never overlap. People met in a
// document are remembered in order, so that a later surname, or a later "the
// Russian foreign minister", names the person met before. The buffers all
// this works in are kept from one document to the next (Matcher::Scratch).
#include "pipeline/actors.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/actor_tokens.h"
#include "pipeline/hash_filter.h"
#include "pipeline/yaml_file.h"

namespace stance {
namespace {

using actor_tokens::ExtendNgram;
using actor_tokens::kNgramSeed;
using actor_tokens::Token;
using actor_tokens::TokenKind;

// What a surface form is. The first three live in the exact index; roles,
// prefixes, honorifics and bodies in the folded one; the one-word lists
// (stop words, ...) in the folded `words` index, looked up only on demand.
enum class Entry : uint8_t {
  kName,     // canonical name or alias of an actor
  kDemonym,  // "Russian"
  kCapital,  // "Moscow", a metonym for the state
  kRole,
  kRolePrefix,
  kHonorific,
  kBody,
  kStopWord,
  kParticle,
  kLocative,
  kPlaceNoun,
};

constexpr uint16_t Bit(Entry kind) { return uint16_t{1} << static_cast<int>(kind); }

// Entries that can start a mention; the other word lists only shape one.
constexpr uint16_t kStartBits = Bit(Entry::kName) | Bit(Entry::kDemonym) | Bit(Entry::kCapital) |
                                Bit(Entry::kRole) | Bit(Entry::kRolePrefix) |
                                Bit(Entry::kHonorific) | Bit(Entry::kBody);

struct Payload {
  Entry kind;
  bool guarded;  // matches only when not inside a longer capitalised name
  uint32_t id;   // actor, role, prefix, honorific or body index
};

// An open-addressing hash table of `Slot`s, each with a uint64_t `key` (0
// marks an empty slot), at most half full: the n-gram indexes of the table,
// and those of DocumentPeople, which are cleared for every document (a
// node-based map would free and allocate its nodes again each time).
template <typename Slot>
class SlotTable {
 public:
  // The first slot for `key` that `match` accepts, or null. REQUIRES: key != 0.
  template <typename Match>
  Slot* Find(uint64_t key, Match match) {
    if (slots_.empty()) return nullptr;
    for (size_t i = Home(key); slots_[i].key != 0; i = (i + 1) & mask_) {
      if (slots_[i].key == key && match(slots_[i])) return &slots_[i];
    }
    return nullptr;
  }
  template <typename Match>
  const Slot* Find(uint64_t key, Match match) const {
    return const_cast<SlotTable*>(this)->Find(key, match);
  }

  // A new slot for `key` (keys may repeat), for the caller to fill in.
  // REQUIRES: key != 0. Pointers to slots are valid until the next Add.
  Slot& Add(uint64_t key) {
    if (2 * (used_ + 1) > slots_.size()) Grow();
    ++used_;
    return Place(key);
  }

  // Empties the table, keeping its memory unless a huge document made it
  // huge.
  void Clear() {
    if (slots_.size() > kKeep) slots_ = {};
    std::fill(slots_.begin(), slots_.end(), Slot());
    used_ = 0;
  }

 private:
  static constexpr size_t kKeep = size_t{1} << 16;

  // Not the low bits alone: some keys have their lowest bit always set
  // (DocumentPeople::KeyOf).
  size_t Home(uint64_t key) const { return (key ^ (key >> 29)) & mask_; }

  Slot& Place(uint64_t key) {
    size_t i = Home(key);
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = Slot();
    slots_[i].key = key;
    return slots_[i];
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(16, 2 * old.size()), Slot());
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key != 0) Place(s.key) = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t used_ = 0;
};

// Token sequences -> payloads, keyed by the n-gram hash of their tokens.
// Every prefix of a surface has a node too, so a look-up can stop at the
// first n-gram that starts no surface. Built once by Add and Freeze; look-ups
// are then read-only.
class NgramIndex {
 public:
  struct Node {
    uint32_t payload_begin = 0;
    uint32_t payload_end = 0;  // == payload_begin for a bare prefix
    uint32_t key_begin = 0;    // the surface's key in key_pool_, to verify hits
    uint32_t key_size = 0;
  };

  // Adds a surface: its token hashes and its key (normalised tokens joined
  // by '\x1f'). If `payload` is exclusive and the surface already names
  // another entry of its group (any actor, for names; the same kind, for
  // grammar words), adds nothing, sets *clash to that entry and returns false.
  bool Add(const std::vector<uint64_t>& hashes, std::string_view key, Payload payload,
           bool exclusive, uint32_t* clash) {
    uint32_t node = 0;
    uint64_t h = kNgramSeed;
    for (size_t k = 0; k < hashes.size(); ++k) {
      h = ExtendNgram(h, hashes[k]);
      node = Insert(h);
      if (k > 0) longer_.Add(h);
    }
    Node& n = nodes_[node];
    for (uint32_t p = head_[node]; p != kNone; p = pending_[p].next) {
      Payload& old = pending_[p].payload;
      if (exclusive && SameGroup(old.kind, payload.kind) && old.id != payload.id) {
        *clash = old.id;
        return false;
      }
    }
    for (uint32_t p = head_[node]; p != kNone; p = pending_[p].next) {
      Payload& old = pending_[p].payload;
      if (old.kind == payload.kind && old.id == payload.id) {
        old.guarded = old.guarded && payload.guarded;
        return true;
      }
    }
    if (n.key_size == 0) {
      n.key_begin = static_cast<uint32_t>(key_pool_.size());
      n.key_size = static_cast<uint32_t>(key.size());
      key_pool_.append(key);
    }
    pending_.push_back({payload, head_[node]});
    head_[node] = static_cast<uint32_t>(pending_.size() - 1);
    first_.Add(hashes[0]);
    max_len_ = std::max(max_len_, hashes.size());
    return true;
  }

  void Freeze() {
    std::vector<Payload> list;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      list.clear();
      for (uint32_t p = head_[i]; p != kNone; p = pending_[p].next) {
        list.push_back(pending_[p].payload);
      }
      nodes_[i].payload_begin = static_cast<uint32_t>(payloads_.size());
      payloads_.insert(payloads_.end(), list.rbegin(), list.rend());  // in the order added
      nodes_[i].payload_end = static_cast<uint32_t>(payloads_.size());
    }
    head_ = {};
    pending_ = {};
    first_.Freeze();
    longer_.Freeze();
  }

  // False when no surface starts with a token of this hash (a cheap filter
  // that most words of running text fail).
  bool MayStart(uint64_t token_hash) const { return first_.MayContain(token_hash); }
  const HashFilter& first_tokens() const { return first_; }

  // False when no surface of two tokens or more starts with the n-gram of
  // this hash: spares Find a look-up that would miss, at the end of nearly
  // every probe.
  bool MayExtendTo(uint64_t ngram_hash) const { return longer_.MayContain(ngram_hash); }

  const Node* Find(uint64_t hash) const {
    const Slot* s = slots_.Find(hash, [](const Slot&) { return true; });
    return s == nullptr ? nullptr : &nodes_[s->node];
  }

  const Payload* begin(const Node& n) const { return payloads_.data() + n.payload_begin; }
  const Payload* end(const Node& n) const { return payloads_.data() + n.payload_end; }
  std::string_view key(const Node& n) const {
    return std::string_view(key_pool_).substr(n.key_begin, n.key_size);
  }
  size_t max_len() const { return max_len_; }

 private:
  struct Slot {
    uint64_t key = 0;  // an n-gram hash
    uint32_t node = 0;
  };
  struct Pending {
    Payload payload;
    uint32_t next;
  };
  static constexpr uint32_t kNone = UINT32_MAX;

  static bool SameGroup(Entry a, Entry b) {
    return a == b || (a <= Entry::kCapital && b <= Entry::kCapital);
  }
  // The node of n-gram hash `h`, made if new.
  uint32_t Insert(uint64_t h) {
    if (const Slot* s = slots_.Find(h, [](const Slot&) { return true; })) return s->node;
    Slot& added = slots_.Add(h);
    added.node = static_cast<uint32_t>(nodes_.size());
    nodes_.emplace_back();
    head_.push_back(kNone);
    return added.node;
  }

  SlotTable<Slot> slots_;
  std::vector<Node> nodes_;
  std::vector<Payload> payloads_;
  std::string key_pool_;
  HashFilter first_;   // the first tokens of the surfaces
  HashFilter longer_;  // the n-grams of two tokens or more that start a surface
  size_t max_len_ = 0;
  // Build state, dropped by Freeze: each node's payloads as a linked list.
  std::vector<uint32_t> head_;
  std::vector<Pending> pending_;
};

struct ActorInfo {
  std::string stem;          // starts descriptions: `stem`, else the first demonym ("Russian")
  int32_t state = -1;        // index among the states, for their institutions
  int32_t affiliation = -1;  // the actor named by Actor::affiliation
  std::vector<Token> name_tokens;  // people: the canonical name, tokenised
};

struct RoleInfo {
  std::string name;
  bool needs_name = false;  // a title only before a name ("General", "King")
};

struct BodyInfo {
  std::string name;
  bool organisation = false;  // an institution of its own ("Foreign Ministry")
  uint32_t org_index = 0;     // among the organisation bodies
};

// Joins the normalised tokens of `text` with '\x1f': the key of a surface.
std::string SurfaceKey(std::string_view text, const std::vector<Token>& tokens, size_t begin,
                       size_t end, bool fold) {
  std::string key;
  for (size_t k = begin; k < end; ++k) {
    if (k > begin) key.push_back('\x1f');
    key += actor_tokens::NormalizeToken(
        text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin), fold);
  }
  return key;
}

// Everything a loaded table holds; ActorTable::Data is one.
struct Gazetteer {
  std::vector<Actor> actors;  // declared ones first, then generated institutions
  std::vector<ActorInfo> info;
  size_t declared = 0;
  std::unordered_map<std::string, uint32_t> by_name;
  std::vector<RoleInfo> roles;
  std::vector<std::string> prefixes;
  std::vector<BodyInfo> bodies;
  size_t org_bodies = 0;
  size_t states = 0;
  // institutions[state * org_bodies + org_index]: "Russian Foreign Ministry".
  std::vector<uint32_t> institutions;
  NgramIndex exact;
  NgramIndex folded;
  NgramIndex words;
  // Folded hashes of a few function words the grammar needs.
  uint64_t the = 0, of = 0, for_ = 0, dot = 0;

  uint32_t Institution(uint32_t country, uint32_t body) const {
    return institutions[info[country].state * org_bodies + bodies[body].org_index];
  }
  const Actor* ByName(const std::string& name) const {
    auto it = by_name.find(name);
    return it == by_name.end() ? nullptr : &actors[it->second];
  }
};

uint64_t FoldedHashOf(std::string_view word) {
  std::vector<Token> tokens;
  actor_tokens::Tokenize(word, 0, &tokens);
  return tokens.empty() ? 0 : tokens[0].folded_hash;
}

bool ParseType(const std::string& s, ActorType* type) {
  static const std::pair<const char*, ActorType> kTypes[] = {
      {"country", ActorType::kCountry},
      {"organisation", ActorType::kOrganisation},
      {"group", ActorType::kGroup},
      {"person", ActorType::kPerson},
  };
  for (const auto& [name, t] : kTypes) {
    if (s == name) {
      *type = t;
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Loading

class Loader {
 public:
  Loader(Gazetteer* data, DiagnosticSink* sink) : data_(data), sink_(sink) {}

  void LoadFile(const std::string& path);
  // Resolves affiliations, generates institutions, builds the indexes.
  void Finish();
  int errors() const { return errors_; }

 private:
  struct Item {  // a string read from YAML, with its node for diagnostics
    std::string value;
    YAML::Node node;
  };
  struct PendingAffiliation {
    const YamlFile* file;
    YAML::Node node;
    uint32_t actor;
  };

  void Error(const YamlFile& file, const YAML::Node& node, std::string message) {
    ++errors_;
    sink_->Report(file.ErrorAt(node, std::move(message)));
  }
  // Reports keys of `map` that are not in `allowed`.
  void CheckKeys(const YamlFile& file, const YAML::Node& map,
                 std::initializer_list<const char*> allowed, const char* what);
  // A scalar value of `key`.
  bool ReadScalar(const YamlFile& file, const YAML::Node& value, const std::string& key,
                  std::string* out);
  // A scalar or a list of scalars: under `key` of `map`, or the value itself.
  bool ReadList(const YamlFile& file, const YAML::Node& map, const char* key,
                std::vector<Item>* out);
  bool ReadItems(const YamlFile& file, const YAML::Node& value, const std::string& key,
                 std::vector<Item>* out);
  bool ReadBool(const YamlFile& file, const YAML::Node& map, const char* key, bool* out);

  void LoadActors(const YamlFile& file, const YAML::Node& list, const std::string& default_type);
  void LoadActor(const YamlFile& file, const YAML::Node& entry, const std::string& default_type);
  void LoadRoles(const YamlFile& file, const YAML::Node& list);
  void LoadBodies(const YamlFile& file, const YAML::Node& list);
  void LoadWords(const YamlFile& file, const YAML::Node& root, const char* key, Entry kind,
                 std::vector<std::string>* names);

  // Adds a surface to the index of its kind. Reports a clash with another
  // actor (or another entry of the same kind).
  void AddSurface(const YamlFile& file, const YAML::Node& where, const std::string& surface,
                  Payload payload);
  bool AddOne(std::string_view surface, const std::vector<Token>& tokens, Payload payload,
              uint32_t* clash);

  Gazetteer* data_;
  DiagnosticSink* sink_;
  int errors_ = 0;
  std::vector<std::unique_ptr<YamlFile>> files_;
  std::vector<PendingAffiliation> pending_;
  // Where each declared actor is: its file (in files_), line and column.
  struct Place {
    uint32_t file;
    int line, col;
  };
  std::vector<Place> defined_at_;
  // Scratch space for AddSurface.
  std::vector<Token> tokens_;
  std::vector<uint64_t> hashes_;
};

void Loader::CheckKeys(const YamlFile& file, const YAML::Node& map,
                       std::initializer_list<const char*> allowed, const char* what) {
  for (const auto& pair : map) {
    const YAML::Node key = pair.first;  // a copy: the pair is a temporary
    std::string name = key.IsScalar() ? key.Scalar() : std::string();
    bool known = false;
    for (const char* a : allowed) known = known || name == a;
    if (!known) Error(file, key, "unknown key '" + name + "' in " + what);
  }
}

bool Loader::ReadScalar(const YamlFile& file, const YAML::Node& value, const std::string& key,
                        std::string* out) {
  if (!value.IsScalar()) {
    Error(file, value, "'" + key + "' must be a string");
    return false;
  }
  *out = value.Scalar();
  return true;
}

bool Loader::ReadList(const YamlFile& file, const YAML::Node& map, const char* key,
                      std::vector<Item>* out) {
  return ReadItems(file, map[key], key, out);
}

bool Loader::ReadItems(const YamlFile& file, const YAML::Node& value, const std::string& key,
                       std::vector<Item>* out) {
  if (!value || value.IsNull()) return true;
  if (value.IsScalar()) {
    out->push_back({value.Scalar(), value});
    return true;
  }
  if (!value.IsSequence()) {
    Error(file, value, std::string("'") + key + "' must be a string or a list of strings");
    return false;
  }
  bool ok = true;
  for (const YAML::Node& item : value) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      Error(file, item, std::string("items of '") + key + "' must be non-empty strings");
      ok = false;
      continue;
    }
    out->push_back({item.Scalar(), item});
  }
  return ok;
}

bool Loader::ReadBool(const YamlFile& file, const YAML::Node& map, const char* key, bool* out) {
  YAML::Node value = map[key];
  if (!value) return true;
  const std::string s = value.IsScalar() ? value.Scalar() : std::string();
  if (s == "true" || s == "yes") {
    *out = true;
  } else if (s == "false" || s == "no") {
    *out = false;
  } else {
    Error(file, value, std::string("'") + key + "' must be true or false");
    return false;
  }
  return true;
}

bool Loader::AddOne(std::string_view surface, const std::vector<Token>& tokens, Payload payload,
                    uint32_t* clash) {
  const bool fold = payload.kind > Entry::kCapital;
  hashes_.clear();
  for (const Token& t : tokens) hashes_.push_back(fold ? t.folded_hash : t.hash);
  const std::string key = SurfaceKey(surface, tokens, 0, tokens.size(), fold);
  // Word lists (stop words, particles, ...) may repeat; names and roles may not.
  const bool exclusive = payload.kind <= Entry::kBody;
  NgramIndex& index = payload.kind >= Entry::kStopWord ? data_->words
                      : fold                           ? data_->folded
                                                       : data_->exact;
  return index.Add(hashes_, key, payload, exclusive, clash);
}

void Loader::AddSurface(const YamlFile& file, const YAML::Node& where, const std::string& surface,
                        Payload payload) {
  tokens_.clear();
  actor_tokens::Tokenize(surface, 0, &tokens_);
  if (tokens_.empty() || tokens_[0].kind != TokenKind::kWord) {
    Error(file, where, "'" + surface + "' must start with a word");
    return;
  }
  uint32_t clash = 0;
  if (!AddOne(surface, tokens_, payload, &clash)) {
    std::string other;
    if (payload.kind <= Entry::kCapital) {
      other = "actor '" + data_->actors[clash].name + "'";
    } else if (payload.kind == Entry::kRole) {
      other = "role '" + data_->roles[clash].name + "'";
    } else if (payload.kind == Entry::kBody) {
      other = "body '" + data_->bodies[clash].name + "'";
    } else {
      other = "another entry";
    }
    Error(file, where, "'" + surface + "' already names " + other);
    return;
  }
  // A lower-case alias also matches with a capital at the start of a sentence
  // ("international community"); a clash there is not worth reporting.
  if (payload.kind <= Entry::kCapital && surface[0] >= 'a' && surface[0] <= 'z') {
    std::string upper = surface;
    upper[0] = static_cast<char>(upper[0] - 32);
    tokens_.clear();
    actor_tokens::Tokenize(upper, 0, &tokens_);
    AddOne(upper, tokens_, payload, &clash);
  }
}

void Loader::LoadFile(const std::string& path) {
  std::unique_ptr<YamlFile> owned;
  Status s = YamlFile::Load(path, &owned);
  if (!s.ok()) {
    ++errors_;
    Diagnostic d;
    d.location = s.location();
    d.message = s.message();
    sink_->Report(d);
    return;
  }
  const YamlFile& file = *owned;
  files_.push_back(std::move(owned));
  const YAML::Node& root = file.root();
  if (!root.IsMap()) {
    Error(file, root, "an actor rule file must be a map with 'name' and 'version'");
    return;
  }
  try {
    std::string name, version, default_type;
    if (!file.RequireString(root, "name", &name, sink_)) ++errors_;
    if (!file.RequireString(root, "version", &version, sink_)) ++errors_;
    if (!file.OptionalString(root, "type", &default_type, sink_)) ++errors_;
    CheckKeys(file, root,
              {"name", "version", "type", "actors", "roles", "role_prefixes", "honorifics",
               "bodies", "stop_words", "name_particles", "locatives", "place_nouns"},
              "an actor rule file");
    if (root["actors"]) LoadActors(file, root["actors"], default_type);
    if (root["roles"]) LoadRoles(file, root["roles"]);
    if (root["bodies"]) LoadBodies(file, root["bodies"]);
    LoadWords(file, root, "role_prefixes", Entry::kRolePrefix, &data_->prefixes);
    LoadWords(file, root, "honorifics", Entry::kHonorific, nullptr);
    LoadWords(file, root, "stop_words", Entry::kStopWord, nullptr);
    LoadWords(file, root, "name_particles", Entry::kParticle, nullptr);
    LoadWords(file, root, "locatives", Entry::kLocative, nullptr);
    LoadWords(file, root, "place_nouns", Entry::kPlaceNoun, nullptr);
  } catch (const YAML::Exception& e) {
    // yaml-cpp should not throw on the checked accesses above; if it does,
    // the file is still reported, not lost.
    ++errors_;
    sink_->Report(file.ErrorAt(SourceLocation{path, e.mark.line + 1, e.mark.column + 1}, e.msg));
  }
}

void Loader::LoadActors(const YamlFile& file, const YAML::Node& list,
                        const std::string& default_type) {
  if (!list.IsSequence()) {
    Error(file, list, "'actors' must be a list");
    return;
  }
  for (const YAML::Node& entry : list) LoadActor(file, entry, default_type);
}

void Loader::LoadActor(const YamlFile& file, const YAML::Node& entry,
                       const std::string& default_type) {
  if (!entry.IsMap()) {
    Error(file, entry, "an actor must be a map with 'name' and 'type'");
    return;
  }
  // One pass over the keys: yaml-cpp finds a key by converting every key of
  // the map to a string, so separate look-ups would cost a pass each.
  Actor actor;
  ActorInfo info;
  std::string type_name = default_type;
  std::optional<YAML::Node> name_node, type_node, affiliation_node;
  std::vector<Item> aliases, demonyms, capitals, guard;
  bool ok = true;
  for (const auto& pair : entry) {
    const YAML::Node key = pair.first;  // copies: the pair is a temporary
    const YAML::Node value = pair.second;
    const std::string k = key.IsScalar() ? key.Scalar() : std::string();
    if (k == "name") {
      name_node.emplace(value);
      ok = ReadScalar(file, value, k, &actor.name) && ok;
    } else if (k == "type") {
      type_node.emplace(value);
      ok = ReadScalar(file, value, k, &type_name) && ok;
    } else if (k == "affiliation") {
      affiliation_node.emplace(value);
      ReadScalar(file, value, k, &actor.affiliation);
    } else if (k == "role") {
      ReadScalar(file, value, k, &actor.role);
    } else if (k == "stem") {
      ReadScalar(file, value, k, &info.stem);
    } else if (k == "aliases") {
      ReadItems(file, value, k, &aliases);
    } else if (k == "demonyms") {
      ReadItems(file, value, k, &demonyms);
    } else if (k == "capitals") {
      ReadItems(file, value, k, &capitals);
    } else if (k == "guard") {
      ReadItems(file, value, k, &guard);
    } else {
      Error(file, key, "unknown key '" + k + "' in an actor");
    }
  }
  if (!name_node) {
    Error(file, entry, "missing key 'name'");
    ok = false;
  } else if (ok && actor.name.empty()) {
    Error(file, *name_node, "an actor's 'name' must not be empty");
    ok = false;
  }
  if (type_name.empty()) {
    Error(file, entry, "missing key 'type' (and no file-level 'type')");
    ok = false;
  } else if (!ParseType(type_name, &actor.type)) {
    Error(file, type_node ? *type_node : entry,
          "unknown type '" + type_name + "' (expected country, organisation, group or person)");
    ok = false;
  }
  if (!ok) return;

  auto [it, inserted] = data_->by_name.try_emplace(actor.name, data_->actors.size());
  if (!inserted) {
    const Place& first = defined_at_[it->second];
    SourceLocation where{files_[first.file]->path(), first.line, first.col};
    Error(file, *name_node,
          "duplicate actor '" + actor.name + "' (first defined at " + where.ToString() + ")");
    return;
  }
  const uint32_t id = static_cast<uint32_t>(data_->actors.size());
  if (info.stem.empty() && !demonyms.empty()) info.stem = demonyms[0].value;
  if (actor.type == ActorType::kCountry) info.state = static_cast<int32_t>(data_->states++);
  if (!actor.affiliation.empty()) pending_.push_back({&file, *affiliation_node, id});
  data_->actors.push_back(std::move(actor));
  data_->info.push_back(std::move(info));
  const YAML::Mark mark = name_node->Mark();
  defined_at_.push_back({static_cast<uint32_t>(files_.size() - 1), mark.line + 1, mark.column + 1});

  auto guarded = [&guard](const std::string& s) {
    for (const Item& g : guard) {
      if (g.value == s) return true;
    }
    return false;
  };
  for (const Item& g : guard) {
    bool found = g.value == data_->actors[id].name;
    for (const auto* list : {&aliases, &demonyms, &capitals}) {
      for (const Item& item : *list) found = found || item.value == g.value;
    }
    if (!found)
      Error(file, g.node,
            "'guard' names '" + g.value + "', which is not one of this actor's names");
  }
  const std::string& name = data_->actors[id].name;
  AddSurface(file, *name_node, name, {Entry::kName, guarded(name), id});
  for (const Item& a : aliases)
    AddSurface(file, a.node, a.value, {Entry::kName, guarded(a.value), id});
  for (const Item& d : demonyms)
    AddSurface(file, d.node, d.value, {Entry::kDemonym, guarded(d.value), id});
  for (const Item& c : capitals)
    AddSurface(file, c.node, c.value, {Entry::kCapital, guarded(c.value), id});
}

void Loader::LoadRoles(const YamlFile& file, const YAML::Node& list) {
  if (!list.IsSequence()) {
    Error(file, list, "'roles' must be a list");
    return;
  }
  for (const YAML::Node& entry : list) {
    RoleInfo role;
    std::vector<Item> aliases;
    if (entry.IsScalar()) {
      role.name = entry.Scalar();
    } else if (entry.IsMap()) {
      CheckKeys(file, entry, {"name", "aliases", "needs_name"}, "a role");
      if (!file.RequireString(entry, "name", &role.name, sink_)) {
        ++errors_;
        continue;
      }
      ReadList(file, entry, "aliases", &aliases);
      ReadBool(file, entry, "needs_name", &role.needs_name);
    } else {
      Error(file, entry, "a role must be a string or a map with 'name'");
      continue;
    }
    if (role.name.empty()) {
      Error(file, entry, "a role's name must not be empty");
      continue;
    }
    const uint32_t id = static_cast<uint32_t>(data_->roles.size());
    data_->roles.push_back(role);
    AddSurface(file, entry.IsMap() ? entry["name"] : entry, role.name, {Entry::kRole, false, id});
    for (const Item& a : aliases) AddSurface(file, a.node, a.value, {Entry::kRole, false, id});
  }
}

void Loader::LoadBodies(const YamlFile& file, const YAML::Node& list) {
  if (!list.IsSequence()) {
    Error(file, list, "'bodies' must be a list");
    return;
  }
  for (const YAML::Node& entry : list) {
    if (!entry.IsMap()) {
      Error(file, entry, "a body must be a map with 'name' and 'kind'");
      continue;
    }
    CheckKeys(file, entry, {"name", "kind", "aliases"}, "a body");
    BodyInfo body;
    std::string kind;
    bool ok = file.RequireString(entry, "name", &body.name, sink_);
    ok = file.RequireString(entry, "kind", &kind, sink_) && ok;
    if (!ok) {
      ++errors_;
      continue;
    }
    if (kind != "state" && kind != "organisation") {
      Error(file, entry["kind"],
            "unknown body kind '" + kind + "' (expected state or organisation)");
      continue;
    }
    std::vector<Item> aliases;
    ReadList(file, entry, "aliases", &aliases);
    body.organisation = kind == "organisation";
    if (body.organisation) body.org_index = static_cast<uint32_t>(data_->org_bodies++);
    const uint32_t id = static_cast<uint32_t>(data_->bodies.size());
    data_->bodies.push_back(body);
    AddSurface(file, entry["name"], body.name, {Entry::kBody, false, id});
    for (const Item& a : aliases) AddSurface(file, a.node, a.value, {Entry::kBody, false, id});
  }
}

void Loader::LoadWords(const YamlFile& file, const YAML::Node& root, const char* key, Entry kind,
                       std::vector<std::string>* names) {
  YAML::Node list = root[key];
  if (!list || list.IsNull()) return;
  if (!list.IsSequence()) {
    Error(file, list, std::string("'") + key + "' must be a list");
    return;
  }
  for (const YAML::Node& entry : list) {
    // A word, or {name, aliases} when several spellings mean one thing
    // ("ex" and "former").
    std::string name;
    std::vector<Item> aliases;
    if (entry.IsScalar()) {
      name = entry.Scalar();
    } else if (entry.IsMap()) {
      CheckKeys(file, entry, {"name", "aliases"}, key);
      if (!file.RequireString(entry, "name", &name, sink_)) {
        ++errors_;
        continue;
      }
      ReadList(file, entry, "aliases", &aliases);
    } else {
      Error(file, entry, std::string("items of '") + key + "' must be strings or maps");
      continue;
    }
    if (name.empty()) {
      Error(file, entry, std::string("items of '") + key + "' must not be empty");
      continue;
    }
    if (kind >= Entry::kStopWord) {
      std::vector<Token> tokens;
      actor_tokens::Tokenize(name, 0, &tokens);
      if (tokens.size() != 1) {
        Error(file, entry, std::string("items of '") + key + "' must be single words");
        continue;
      }
    }
    uint32_t id = 0;
    if (names != nullptr) {
      id = static_cast<uint32_t>(names->size());
      names->push_back(name);
    }
    AddSurface(file, entry.IsMap() ? entry["name"] : entry, name, {kind, false, id});
    for (const Item& a : aliases) AddSurface(file, a.node, a.value, {kind, false, id});
  }
}

void Loader::Finish() {
  Gazetteer& d = *data_;
  for (const PendingAffiliation& p : pending_) {
    Actor& actor = d.actors[p.actor];
    const Actor* target = d.ByName(actor.affiliation);
    if (target == nullptr) {
      Error(*p.file, p.node, "unknown affiliation '" + actor.affiliation + "'");
    } else if (target->type == ActorType::kPerson) {
      Error(*p.file, p.node, "affiliation '" + actor.affiliation + "' is a person");
    }
  }
  d.declared = d.actors.size();
  for (size_t i = 0; i < d.declared; ++i) {
    Actor& actor = d.actors[i];
    if (actor.type == ActorType::kPerson) {
      actor_tokens::Tokenize(actor.name, 0, &d.info[i].name_tokens);
    } else if (actor.affiliation.empty()) {
      actor.affiliation = actor.name;  // a state or body speaks for itself
    }
    auto it = d.by_name.find(actor.affiliation);
    if (it != d.by_name.end()) d.info[i].affiliation = static_cast<int32_t>(it->second);
  }
  // Each state's institutions: "Russian" + "Foreign Ministry". A declared
  // actor of the same name (with its own aliases) takes the place.
  std::vector<uint32_t> org_bodies;
  for (size_t b = 0; b < d.bodies.size(); ++b) {
    if (d.bodies[b].organisation) org_bodies.push_back(static_cast<uint32_t>(b));
  }
  d.institutions.assign(d.states * d.org_bodies, 0);
  for (size_t i = 0; i < d.declared; ++i) {
    if (d.info[i].state < 0) continue;
    const std::string stem = d.info[i].stem.empty() ? d.actors[i].name : d.info[i].stem;
    for (uint32_t b : org_bodies) {
      Actor generated{stem + " " + d.bodies[b].name, ActorType::kOrganisation, d.actors[i].name,
                      ""};
      auto [it, inserted] = d.by_name.try_emplace(generated.name, d.actors.size());
      if (inserted) {
        d.actors.push_back(std::move(generated));
        d.info.emplace_back();
        d.info.back().affiliation = static_cast<int32_t>(i);
      }
      d.institutions[d.info[i].state * d.org_bodies + d.bodies[b].org_index] = it->second;
    }
  }
  d.exact.Freeze();
  d.folded.Freeze();
  d.words.Freeze();
  d.the = FoldedHashOf("the");
  d.of = FoldedHashOf("of");
  d.for_ = FoldedHashOf("for");
  d.dot = FoldedHashOf(".");
}

// ---------------------------------------------------------------------------
// Matching

// People met so far in one document, in order: their names (full, surname,
// and the first word of two-word names, for "Xi Jinping" -> "Xi") and the
// (role, body) they were introduced with.
class DocumentPeople {
 public:
  struct Person {
    std::string name;
    std::string role;
    std::string affiliation;
  };

  // Forgets everyone, for the next document. The Persons are kept, and
  // reused, so that their strings keep their buffers.
  void Clear() {
    count_ = 0;
    by_name_.Clear();
    names_.Clear();
    roles_.clear();
    max_len_ = 0;
    first_tokens_ = {};
  }

  bool empty() const { return count_ == 0; }
  size_t max_len() const { return max_len_; }
  const Person& person(uint32_t i) const { return people_[i]; }

  // Remembers a person named by `tokens` (of which the words count).
  void Add(const std::string& name, const std::string& role, const std::string& affiliation,
           const Token* tokens, size_t n) {
    const uint32_t id = Intern(name, role, affiliation);
    Person& p = people_[id];
    if (!role.empty()) p.role = role;
    if (!affiliation.empty()) p.affiliation = affiliation;
    uint64_t h = kNgramSeed;
    size_t words = 0, first_word = 0, last_word = 0;
    for (size_t k = 0; k < n; ++k) {
      h = ExtendNgram(h, tokens[k].hash);
      // Initials ("S.") are too short to name anyone alone.
      if (tokens[k].kind == TokenKind::kWord && tokens[k].upper &&
          tokens[k].end - tokens[k].begin > 1) {
        if (words++ == 0) first_word = k;
        last_word = k;
      }
    }
    if (n > 0) Put(h, tokens[0].hash, id, 3);
    max_len_ = std::max(max_len_, n);
    if (words >= 2) {
      const uint64_t surname = tokens[last_word].hash;
      Put(ExtendNgram(kNgramSeed, surname), surname, id, 2);
      if (words == 2) {
        const uint64_t first = tokens[first_word].hash;
        Put(ExtendNgram(kNgramSeed, first), first, id, 1);
      }
    }
  }

  // False when no name remembered starts with a token of this hash: a
  // filter that spares most capitalised words the look-ups of Find.
  bool MayStart(uint64_t token_hash) const {
    const uint64_t at = FirstTokenBit(token_hash);
    return (first_tokens_[at / 64] >> (at % 64)) & 1;
  }
  // The bits behind MayStart, for Tokenize to test capitalised words with
  // (actor_tokens::WordTests).
  const uint64_t* first_tokens() const { return first_tokens_.data(); }

  // REQUIRES: `name` was added.
  void AddRole(const std::string& role, const std::string& body, const std::string& name) {
    roles_[role + '\x1f' + body] = FindName(name)->person;
  }

  const Person* FindRole(const std::string& role, const std::string& body) const {
    auto it = roles_.find(role + '\x1f' + body);
    return it == roles_.end() ? nullptr : &people_[it->second];
  }

  // The person whose name (or part) is the n-gram with this hash, or -1.
  int32_t Find(uint64_t ngram_hash) const {
    const NameSlot* s = names_.Find(ngram_hash, [](const NameSlot&) { return true; });
    return s == nullptr ? -1 : static_cast<int32_t>(s->person);
  }

 private:
  struct PersonSlot {
    uint64_t key = 0;  // KeyOf(name)
    uint32_t person = 0;
  };
  struct NameSlot {
    uint64_t key = 0;  // an n-gram hash (never 0)
    uint32_t person = 0;
    int strength = 0;
  };

  static uint64_t KeyOf(std::string_view name) { return std::hash<std::string_view>()(name) | 1; }

  const PersonSlot* FindName(const std::string& name) const {
    return by_name_.Find(KeyOf(name),
                         [&](const PersonSlot& s) { return people_[s.person].name == name; });
  }

  // The person of this name, added (with this role and affiliation) if new.
  uint32_t Intern(const std::string& name, const std::string& role,
                  const std::string& affiliation) {
    if (const PersonSlot* s = FindName(name)) return s->person;
    const uint32_t id = static_cast<uint32_t>(count_++);
    if (id == people_.size()) people_.emplace_back();
    Person& p = people_[id];  // a Person of an earlier document, if any: reuse its buffers
    p.name = name;
    p.role = role;
    p.affiliation = affiliation;
    PersonSlot& slot = by_name_.Add(KeyOf(name));
    slot.person = id;
    return id;
  }

  // A later person takes a name over, unless it held it more firmly (a
  // surname beats the first word of another person's name). `first` is the
  // hash of the name's first token.
  void Put(uint64_t h, uint64_t first, uint32_t person, int strength) {
    first_tokens_[FirstTokenBit(first) / 64] |= uint64_t{1} << (FirstTokenBit(first) % 64);
    NameSlot* s = names_.Find(h, [](const NameSlot&) { return true; });
    if (s == nullptr) {
      NameSlot& added = names_.Add(h);
      added.person = person;
      added.strength = strength;
    } else if (strength >= s->strength) {
      s->person = person;
      s->strength = strength;
    }
  }

  std::vector<Person> people_;  // the first count_ are this document's
  size_t count_ = 0;
  SlotTable<PersonSlot> by_name_;
  SlotTable<NameSlot> names_;
  std::unordered_map<std::string, uint32_t> roles_;
  size_t max_len_ = 0;
  static uint64_t FirstTokenBit(uint64_t hash) {
    return hash >> (64 - actor_tokens::kCapitalTestBits);
  }
  // A bit per first-token hash, for MayStart.
  std::array<uint64_t, (size_t{1} << actor_tokens::kCapitalTestBits) / 64> first_tokens_{};
};

class Matcher {
 public:
  struct Hit {
    uint32_t len;
    const NgramIndex::Node* node;
    bool folded;
  };
  struct HitRange {
    uint32_t begin, end;
  };

  // What a Matcher works in, kept from one document to the next on a
  // thread: annotating a document then allocates (nearly) nothing, where
  // it grew each vector afresh. See ActorTable::Annotate.
  struct Scratch {
    std::vector<Token> tokens;
    std::vector<Hit> hits;
    std::vector<uint16_t> kinds;
    std::vector<HitRange> hit_range;
    std::vector<uint32_t> starts;
    std::vector<uint32_t> passed;
    DocumentPeople people;

    // Drops the buffers a huge document made huge, so that a thread does
    // not keep them for the rest of its life.
    void Trim() {
      constexpr size_t kKeep = size_t{1} << 16;  // tokens in a sentence
      if (tokens.capacity() > kKeep) tokens = {};
      if (kinds.capacity() > kKeep) kinds = {};
      if (hit_range.capacity() > kKeep) hit_range = {};
      if (starts.capacity() > kKeep) starts = {};
      if (passed.capacity() > kKeep) passed = {};
      if (hits.capacity() > kKeep) hits = {};
    }
  };

  Matcher(const Gazetteer& data, Document* doc, Scratch* scratch)
      : d_(data),
        doc_(doc),
        tokens_(scratch->tokens),
        hits_(scratch->hits),
        kinds_(scratch->kinds),
        hit_range_(scratch->hit_range),
        starts_(scratch->starts),
        passed_(scratch->passed),
        people_(scratch->people) {
    people_.Clear();
  }

  void Run() {
    const std::string_view text = doc_->text;
    Candidate c;  // reused, so that its strings keep their buffers
    for (size_t s = 0; s < doc_->sentences.size(); ++s) {
      Span norm = doc_->sentences[s].norm;
      if (norm.end > text.size() || norm.begin >= norm.end) continue;
      tokens_.clear();
      // The tokeniser lists the words that may start something, as it goes.
      if (passed_.size() < norm.size()) passed_.resize(norm.size());
      actor_tokens::WordTests tests;
      tests.by_hash = d_.exact.first_tokens().words();
      tests.by_hash_bits = d_.exact.first_tokens().bits();
      tests.by_folded = d_.folded.first_tokens().words();
      tests.by_folded_bits = d_.folded.first_tokens().bits();
      tests.capitals = people_.first_tokens();
      tests.passed = passed_.data();
      actor_tokens::Tokenize(text.substr(norm.begin, norm.size()), norm.begin, &tokens_, &tests);
      n_ = tokens_.size();
      FindHits(tests.num_passed);
      for (size_t k = 0; k < num_starts_; ++k) {
        const size_t i = starts_[k];
        if (!Best(i, &c) || c.drop) continue;
        if (Emit(static_cast<int>(s), i, c)) {
          // New names of people: words after the mention that passed
          // nothing may start one now.
          ListStarts(c.end);
          k = SIZE_MAX;  // from the first of the new list
        } else {
          while (k + 1 < num_starts_ && starts_[k + 1] < c.end) ++k;  // past the mention
        }
      }
      ClearKinds(tests.num_passed);
    }
  }

 private:
  // An actor name at a token.
  struct ActorHit {
    size_t end = 0;
    uint32_t actor = 0;
    Entry kind = Entry::kName;
  };

  // What a title or body noun belongs to: "Russian", "Russia's Foreign
  // Ministry", "the State Department", "UN".
  struct Ref {
    size_t end = 0;
    uint32_t actor = 0;
    Entry via = Entry::kName;
    bool plain = true;  // a bare name, not widened to an institution
  };

  struct RoleMatch {
    size_t end = 0;
    uint32_t id = 0;       // the role: "Foreign Minister"
    std::string prefixes;  // before it: "Deputy"; empty for none
    bool needs_name = false;
  };

  struct NameMatch {
    size_t end = 0;
    int32_t known = -1;  // a person in the table
    int32_t met = -1;    // a person met earlier in the document
  };

  // The best candidate so far at a token. Its texts point at strings of the
  // table, of the people met or of its own buffers (for the texts it
  // composes), so that a candidate copies no string until it is emitted. It
  // is reused in place, never copied.
  struct Candidate {
    Candidate() = default;
    Candidate(const Candidate&) = delete;
    Candidate& operator=(const Candidate&) = delete;

    // Clears every field but the buffers, for a candidate ending at `e`.
    void Reset(size_t e, int p) {
      end = e;
      priority = p;
      drop = false;
      name = role = affiliation = role_body = &kNoText;
      type = ActorType::kCountry;
      modifier = false;
      name_begin = name_end = 0;
      known = -1;
    }

    size_t end = 0;
    int priority = 0;   // breaks ties between candidates of the same length
    bool drop = false;  // a capital inside a longer name: no mention at all
    const std::string* name = &kNoText;
    const std::string* role = &kNoText;
    const std::string* affiliation = &kNoText;
    ActorType type = ActorType::kCountry;
    bool modifier = false;
    // A person to remember: the tokens of their name in this sentence, or
    // the table entry, and the (role, body) that introduced them.
    size_t name_begin = 0, name_end = 0;
    int32_t known = -1;
    const std::string* role_body = &kNoText;
    std::string own_name, own_role;  // what `name` and `role` point at when composed
  };
  static inline const std::string kNoText;

  // --- Index hits -----------------------------------------------------------

  // Fills hits_, kinds_ and, for the tokens with hits, hit_range_; and
  // starts_ (see ListStarts). Visits only the first `num_passed` words of
  // passed_, those that passed the tokeniser's first look: most words start
  // nothing, and are never looked at again.
  void FindHits(size_t num_passed) {
    hits_.clear();
    if (kinds_.size() < n_) kinds_.resize(n_);  // zeros (see ClearKinds)
    if (hit_range_.size() < n_) hit_range_.resize(n_);
    if (starts_.size() < n_) starts_.resize(n_);
    size_t count = 0;
    for (size_t k = 0; k < num_passed; ++k) {
      const size_t i = passed_[k];
      const Token& t = tokens_[i];
      const bool exact = d_.exact.MayStart(t.hash);
      const bool folded = d_.folded.MayStart(t.folded_hash);
      if (exact || folded) {
        const uint32_t first = static_cast<uint32_t>(hits_.size());
        if (exact) Probe(d_.exact, i, false);
        if (folded) Probe(d_.folded, i, true);
        hit_range_[i] = {first, static_cast<uint32_t>(hits_.size())};
      }
      starts_[count] = static_cast<uint32_t>(i);
      count += MayStartAt(t, kinds_[i]);
    }
    num_starts_ = count;
  }

  // Zeroes the kinds_ that FindHits set, all at words of passed_: kinds_ is
  // all zeros between sentences, rather than cleared whole for each.
  void ClearKinds(size_t num_passed) {
    for (size_t k = 0; k < num_passed; ++k) kinds_[passed_[k]] = 0;
  }

  // Whether a mention may start at token `t`, of `kinds`: an entry that
  // starts one, or a capitalised word that may name a person met before.
  // Without a branch: the outcome is unpredictable.
  bool MayStartAt(const Token& t, uint16_t kinds) const {
    return ((kinds & kStartBits) != 0) |
           ((t.kind == TokenKind::kWord) & t.upper & people_.MayStart(t.hash));
  }

  // Lists in starts_ the tokens from `from` on where a mention may start
  // (MayStartAt). People met are only ever added to, so a token listed stays
  // one; one not listed may become one when people are added, and is listed
  // then.
  void ListStarts(size_t from) {
    size_t count = 0;
    for (size_t i = from; i < n_; ++i) {
      starts_[count] = static_cast<uint32_t>(i);
      count += MayStartAt(tokens_[i], kinds_[i]);
    }
    num_starts_ = count;
  }

  // REQUIRES: index.MayStart() of token `i`.
  void Probe(const NgramIndex& index, size_t i, bool fold) {
    uint64_t h = kNgramSeed;
    const size_t limit = std::min(n_, i + index.max_len());
    for (size_t k = i; k < limit; ++k) {
      h = ExtendNgram(h, fold ? tokens_[k].folded_hash : tokens_[k].hash);
      if (k > i && !index.MayExtendTo(h)) return;
      const NgramIndex::Node* node = index.Find(h);
      if (node == nullptr) return;
      if (node->payload_end == node->payload_begin) continue;
      if (!KeyMatches(index.key(*node), i, k + 1, fold)) continue;
      hits_.push_back({static_cast<uint32_t>(k + 1 - i), node, fold});
      for (const Payload* p = index.begin(*node); p != index.end(*node); ++p) {
        kinds_[i] |= Bit(p->kind);
      }
    }
  }

  // Whether tokens [b, e) are the surface `key` (guards against hash
  // collisions).
  bool KeyMatches(std::string_view key, size_t b, size_t e, bool fold) const {
    if (e == b + 1) {  // most surfaces are one token: no separator to look for
      return actor_tokens::NormalizedEquals(
          std::string_view(doc_->text).substr(tokens_[b].begin, tokens_[b].end - tokens_[b].begin),
          key, fold);
    }
    size_t pos = 0;
    for (size_t k = b; k < e; ++k) {
      size_t sep = key.find('\x1f', pos);
      if (sep == std::string_view::npos) sep = key.size();
      if (k + 1 < e && sep == key.size()) return false;
      std::string_view piece(doc_->text.data() + tokens_[k].begin,
                             tokens_[k].end - tokens_[k].begin);
      if (!actor_tokens::NormalizedEquals(piece, key.substr(pos, sep - pos), fold)) return false;
      pos = sep + 1;
    }
    return pos == key.size() + 1;
  }

  // Calls `f(payload, end)` for each payload at token `i` in the given index,
  // longest surface first, until it returns true. Returns whether one did.
  template <typename F>
  bool ForEachHit(size_t i, bool folded, F f) const {
    if (i >= n_ || kinds_[i] == 0) return false;  // no hit: hit_range_[i] is stale
    for (uint32_t h = hit_range_[i].end; h > hit_range_[i].begin; --h) {
      const Hit& hit = hits_[h - 1];
      if (hit.folded != folded) continue;
      const NgramIndex& index = folded ? d_.folded : d_.exact;
      for (const Payload* p = index.begin(*hit.node); p != index.end(*hit.node); ++p) {
        if (f(*p, i + hit.len)) return true;
      }
    }
    return false;
  }

  // The longest folded entry of `kind` at `i`.
  bool WordAt(size_t i, Entry kind, uint32_t* id = nullptr, size_t* end = nullptr) const {
    if (i >= n_ || (kinds_[i] & Bit(kind)) == 0) return false;
    return ForEachHit(i, true, [&](const Payload& p, size_t e) {
      if (p.kind != kind) return false;
      if (id) *id = p.id;
      if (end) *end = e;
      return true;
    });
  }

  // Whether token `k` is in the one-word list of `kind` (stop words, ...).
  bool ListWordAt(size_t k, Entry kind) const {
    if (k >= n_ || tokens_[k].kind != TokenKind::kWord) return false;
    if (!d_.words.MayStart(tokens_[k].folded_hash)) return false;
    const NgramIndex::Node* node = d_.words.Find(ExtendNgram(kNgramSeed, tokens_[k].folded_hash));
    if (node == nullptr || !KeyMatches(d_.words.key(*node), k, k + 1, true)) return false;
    for (const Payload* p = d_.words.begin(*node); p != d_.words.end(*node); ++p) {
      if (p->kind == kind) return true;
    }
    return false;
  }

  bool IsWord(size_t i, uint64_t folded_hash) const {
    return i < n_ && tokens_[i].folded_hash == folded_hash && tokens_[i].kind == TokenKind::kWord;
  }
  bool IsPossessive(size_t i) const { return i < n_ && tokens_[i].kind == TokenKind::kPossessive; }
  bool IsUpperWord(size_t i) const {
    return i < n_ && tokens_[i].kind == TokenKind::kWord && tokens_[i].upper;
  }

  // --- Pieces of the grammar ------------------------------------------------

  // A capitalised word that would continue a proper name: not a stop word,
  // not the start of a role, body or actor.
  bool NameWordAt(size_t k) const {
    if (!IsUpperWord(k)) return false;
    if (ListWordAt(k, Entry::kStopWord) || WordAt(k, Entry::kRole) ||
        WordAt(k, Entry::kRolePrefix) || WordAt(k, Entry::kBody) || WordAt(k, Entry::kHonorific)) {
      return false;
    }
    return !ForEachHit(k, false, [&](const Payload& p, size_t) {
      return d_.actors[p.id].type != ActorType::kPerson;
    });
  }

  // A guarded name stands alone: no capitalised name word on either side
  // ("George Washington", "Washington Post", "Jordan Valley").
  bool Standalone(size_t i, size_t end) const {
    if (i > 0 && IsUpperWord(i - 1) && !ListWordAt(i - 1, Entry::kStopWord)) return false;
    return !NameWordAt(end);
  }

  bool ActorAt(size_t i, bool person, ActorHit* out) const {
    return ForEachHit(i, false, [&](const Payload& p, size_t end) {
      if ((d_.actors[p.id].type == ActorType::kPerson) != person) return false;
      if (p.guarded && !Standalone(i, end)) return false;
      *out = {end, p.id, p.kind};
      return true;
    });
  }

  bool BodyAt(size_t i, bool organisation, uint32_t* body, size_t* end) const {
    return ForEachHit(i, true, [&](const Payload& p, size_t e) {
      if (p.kind != Entry::kBody || d_.bodies[p.id].organisation != organisation) return false;
      *body = p.id;
      *end = e;
      return true;
    });
  }

  // A state, organisation or group, widened from a state to one of its
  // bodies: "the U.S. State Department", "Russia's Foreign Ministry".
  bool ParseRef(size_t i, Ref* ref) const {
    ActorHit hit;
    if (!ActorAt(i, false, &hit)) return false;
    *ref = {hit.end, hit.actor, hit.kind, true};
    const Actor& actor = d_.actors[hit.actor];
    if (actor.type != ActorType::kCountry) return true;
    size_t j = hit.end + (IsPossessive(hit.end) ? 1 : 0);
    ActorHit org;
    if (ActorAt(j, false, &org) && d_.actors[org.actor].type == ActorType::kOrganisation &&
        d_.actors[org.actor].affiliation == actor.name) {
      *ref = {org.end, org.actor, org.kind, false};
      return true;
    }
    uint32_t body;
    size_t end;
    if (d_.org_bodies > 0 && BodyAt(j, true, &body, &end)) {
      *ref = {end, d_.Institution(hit.actor, body), Entry::kName, false};
    }
    return true;
  }

  // "of the" / "for" + a ref, after a role or body noun.
  bool ParseOfRef(size_t k, bool allow_for, Ref* ref) const {
    if (!IsWord(k, d_.of) && !(allow_for && IsWord(k, d_.for_))) return false;
    size_t j = k + 1;
    if (IsWord(j, d_.the)) ++j;
    return ParseRef(j, ref);
  }

  // Role prefixes, then a role: "Deputy Foreign Minister", "Acting President".
  bool ParseRole(size_t j, const std::string& prefixes, RoleMatch* role) const {
    size_t k = j;
    std::string& prefix = role->prefixes;
    prefix = prefixes;
    while (k < n_) {
      uint32_t id;
      size_t end;
      if (WordAt(k, Entry::kRole, &id, &end)) {
        role->end = end;
        role->id = id;
        role->needs_name = d_.roles[id].needs_name;
        return true;
      }
      if (!WordAt(k, Entry::kRolePrefix, &id, &end)) return false;
      prefix += (prefix.empty() ? "" : " ") + d_.prefixes[id];
      k = end;
      if (k < n_ && tokens_[k].hyphen && tokens_[k].glued_left) ++k;  // "Vice-President"
    }
    return false;
  }

  size_t ScanPrefixes(size_t i, std::string* prefixes) const {
    uint32_t id;
    size_t end;
    while (WordAt(i, Entry::kRolePrefix, &id, &end) && !WordAt(i, Entry::kRole)) {
      *prefixes += (prefixes->empty() ? "" : " ") + d_.prefixes[id];
      i = end;
      if (i < n_ && tokens_[i].hyphen && tokens_[i].glued_left) ++i;
    }
    return i;
  }

  // Capitalised words that make a name not in the table: "Vinay Kumar",
  // "Jean-Noël Barrot", "S. Jaishankar", "Mohammed bin Salman". At most four
  // words; particles and joining hyphens do not count. Returns the end, or
  // `k` when there is no name.
  size_t ScanUnknownName(size_t k) const {
    size_t m = k, good = k;
    int words = 0;
    while (m < n_ && words < 4) {
      if (NameWordAt(m)) {
        ++words;
        ++m;
        // An initial: "S." (one letter and a glued dot).
        if (m < n_ && tokens_[m - 1].end - tokens_[m - 1].begin == 1 &&
            tokens_[m].folded_hash == d_.dot && tokens_[m].glued_left) {
          ++m;
        }
        good = m;
        if (m + 1 < n_ && tokens_[m].hyphen && tokens_[m].glued_left && tokens_[m].glued_right &&
            IsUpperWord(m + 1)) {
          ++m;  // "Jean" "-" "Noël"
        }
        continue;
      }
      if (IsParticle(m)) {
        ++m;
        if (m < n_ && tokens_[m].hyphen && tokens_[m].glued_left && tokens_[m].glued_right) ++m;
        continue;
      }
      break;
    }
    return good;
  }

  bool IsParticle(size_t m) const {
    return m < n_ && tokens_[m].kind == TokenKind::kWord && !tokens_[m].upper &&
           ListWordAt(m, Entry::kParticle);
  }

  // Whether a person met earlier in the document may be named at `k`.
  bool MayStartMet(size_t k) const {
    return !people_.empty() && IsUpperWord(k) && people_.MayStart(tokens_[k].hash);
  }

  // A person met earlier in the document, named by the longest n-gram at `k`.
  bool MetAt(size_t k, int32_t* person, size_t* end) const {
    if (!MayStartMet(k)) return false;
    uint64_t h = kNgramSeed;
    bool found = false;
    const size_t limit = std::min(n_, k + people_.max_len());
    for (size_t m = k; m < limit; ++m) {
      h = ExtendNgram(h, tokens_[m].hash);
      int32_t p = people_.Find(h);
      if (p >= 0) {
        *person = p;
        *end = m + 1;
        found = true;
      }
    }
    return found;
  }

  // A name after a title: a person of the table, one met before, or unknown
  // capitalised words, whichever is longest.
  bool ParseName(size_t k, NameMatch* out) const {
    ActorHit known;
    bool has_known = ActorAt(k, true, &known);
    int32_t met = -1;
    size_t met_end = 0;
    bool has_met = MetAt(k, &met, &met_end);
    size_t unknown_end = ScanUnknownName(k);
    size_t best = std::max({k, has_known ? known.end : k, has_met ? met_end : k});
    if (unknown_end > best) {
      *out = {unknown_end, -1, -1};
      return true;
    }
    if (has_met && met_end >= best) {
      *out = {met_end, -1, met};
      return true;
    }
    if (has_known) {
      *out = {known.end, static_cast<int32_t>(known.actor), -1};
      return true;
    }
    return false;
  }

  // The affiliation a person gets from the ref of their title: the state when
  // the ref is one of its bodies, else the ref itself.
  const std::string& PersonAffiliation(const Ref& ref) const {
    const int32_t up = d_.info[ref.actor].affiliation;
    if (up >= 0 && d_.actors[up].type == ActorType::kCountry) return d_.actors[up].name;
    return d_.actors[ref.actor].name;
  }

  // "Russian" (the stem) for a state, else the actor's name: the start of a
  // description.
  const std::string& RefStem(const Ref& ref) const {
    const Actor& a = d_.actors[ref.actor];
    const ActorInfo& info = d_.info[ref.actor];
    if (a.type == ActorType::kCountry && !info.stem.empty()) return info.stem;
    return a.name;
  }

  // Fills a person candidate from a name match.
  void NamedPerson(const NameMatch& nm, size_t name_begin, Candidate* c) const {
    c->type = ActorType::kPerson;
    c->end = nm.end;
    c->name_begin = name_begin;
    c->name_end = nm.end;
    if (nm.known >= 0) {
      const Actor& a = d_.actors[nm.known];
      c->name = &a.name;
      c->role = &a.role;
      c->affiliation = &a.affiliation;
      c->known = nm.known;
    } else if (nm.met >= 0) {
      const DocumentPeople::Person& p = people_.person(nm.met);
      c->name = &p.name;
      c->role = &p.role;
      c->affiliation = &p.affiliation;
    } else {
      Collapse(name_begin, nm.end, &c->own_name);
      c->name = &c->own_name;
    }
  }

  // Sets *out to the text of tokens [b, e) with each run of spaces made one
  // space.
  void Collapse(size_t b, size_t e, std::string* out) const {
    out->clear();
    for (size_t k = b; k < e; ++k) {
      if (k > b && !tokens_[k].glued_left) out->push_back(' ');
      out->append(doc_->text, tokens_[k].begin, tokens_[k].end - tokens_[k].begin);
    }
  }

  // --- Candidates -----------------------------------------------------------

  bool LocativeBefore(size_t i) const { return i > 0 && ListWordAt(i - 1, Entry::kLocative); }

  // Part of a hyphenated compound: "Iran-backed", "Russia-Ukraine".
  bool InCompound(size_t i, size_t end) const {
    if (end + 1 < n_ && tokens_[end].hyphen && tokens_[end].glued_left &&
        tokens_[end].glued_right && tokens_[end + 1].kind == TokenKind::kWord) {
      return true;
    }
    return i >= 2 && tokens_[i - 1].hyphen && tokens_[i - 1].glued_left &&
           tokens_[i - 1].glued_right && tokens_[i - 2].kind == TokenKind::kWord;
  }

  // What starts at a token, worked out once for all the candidates.
  struct Start {
    bool has_ref = false;
    Ref ref;
    bool has_known = false;  // a person of the table
    ActorHit known;
    bool has_met = false;  // a person met earlier in the document
    int32_t met = -1;
    size_t met_end = 0;
  };

  // A state, organisation or group by name.
  void TryAlias(size_t i, const Start& s, Candidate* best, bool* found) const {
    if (!s.has_ref) return;
    const Ref& ref = s.ref;
    Candidate* c = Claim(ref.end, 5, best, found);
    if (c == nullptr) return;
    SetActor(ref.actor, c);
    if (ref.plain) {
      if (ref.via == Entry::kDemonym) c->modifier = true;
      if (ref.via == Entry::kCapital) {
        if (LocativeBefore(i) || ListWordAt(ref.end, Entry::kPlaceNoun)) c->modifier = true;
        if (NameWordAt(ref.end)) c->drop = true;  // "Moscow Times", "Washington Post"
      }
      if (InCompound(i, ref.end)) c->modifier = true;
    }
  }

  // A person of the table by name or alias, or one met before.
  void TryPerson(size_t i, const Start& s, Candidate* best, bool* found) const {
    if (!s.has_known && !s.has_met) return;
    const bool met = s.has_met && (!s.has_known || s.met_end >= s.known.end);
    const NameMatch nm = met ? NameMatch{s.met_end, -1, s.met}
                             : NameMatch{s.known.end, static_cast<int32_t>(s.known.actor), -1};
    if (Candidate* c = Claim(nm.end, met ? 4 : 3, best, found)) NamedPerson(nm, i, c);
  }

  // "the Indian delegation", "Chinese officials", "the Trump administration",
  // "the government of India", "the Ministry of Foreign Affairs of Pakistan".
  void TryDescription(size_t i, const Start& s, Candidate* best, bool* found) const {
    uint32_t body;
    size_t end;
    if (s.has_ref) {
      size_t j = s.ref.end + (IsPossessive(s.ref.end) ? 1 : 0);
      if (BodyAt(j, false, &body, &end)) {
        if (Candidate* c = Claim(end, 2, best, found)) SetActor(s.ref.actor, c);
      }
    }
    // A person's government: the state they lead.
    int32_t state = -1;
    size_t after = 0;
    if (s.has_known) {
      state = d_.info[s.known.actor].affiliation;
      after = s.known.end;
    } else if (s.has_met) {
      auto it = d_.by_name.find(people_.person(s.met).affiliation);
      if (it != d_.by_name.end()) state = static_cast<int32_t>(it->second);
      after = s.met_end;
    }
    if (state >= 0) {
      size_t j = after + (IsPossessive(after) ? 1 : 0);
      if (BodyAt(j, false, &body, &end)) {
        if (Candidate* c = Claim(end, 2, best, found)) SetActor(state, c);
      }
    }
    // A body noun, then "of" and its owner.
    for (bool organisation : {false, true}) {
      if (!BodyAt(i, organisation, &body, &end)) continue;
      Ref owner;
      if (!ParseOfRef(end, false, &owner)) continue;
      uint32_t actor = owner.actor;
      if (organisation) {
        if (!owner.plain || d_.actors[owner.actor].type != ActorType::kCountry) continue;
        actor = d_.Institution(owner.actor, body);
      }
      if (Candidate* c = Claim(owner.end, 2, best, found)) SetActor(actor, c);
    }
  }

  // A title, with or without a name: "Russian Foreign Minister Sergei
  // Lavrov", "President Trump", "ambassador Vinay Kumar", "a State
  // Department spokesperson", "the spokesperson for Russia's Foreign
  // Ministry".
  void TryTitle(size_t i, const Start& s, Candidate* best, bool* found) const {
    std::string prefixes;
    size_t j = ScanPrefixes(i, &prefixes);
    Ref ref = s.ref;
    bool has_ref = j == i ? s.has_ref : ParseRef(j, &ref);
    if (has_ref) j = ref.end + (IsPossessive(ref.end) ? 1 : 0);
    RoleMatch role;
    if (!ParseRole(j, prefixes, &role)) return;
    size_t k = role.end;
    if (!has_ref && ParseOfRef(k, true, &ref)) {
      has_ref = true;
      k = ref.end;
    }
    size_t name_begin = k;
    while (WordAt(name_begin, Entry::kHonorific, nullptr, &name_begin)) {
    }
    NameMatch nm;
    if (ParseName(name_begin, &nm)) {
      Candidate* c = Claim(nm.end, 1, best, found);
      if (c == nullptr) return;
      NamedPerson(nm, name_begin, c);
      SetRole(&role, c);
      if (has_ref) {
        c->affiliation = &PersonAffiliation(ref);
        c->role_body = &d_.actors[ref.actor].name;
      }
    } else if (has_ref && !role.needs_name) {
      Candidate* c = Claim(k, 1, best, found);
      if (c == nullptr) return;
      c->type = ActorType::kPerson;
      SetRole(&role, c);
      c->affiliation = &PersonAffiliation(ref);
      if (const auto* p = people_.FindRole(*c->role, d_.actors[ref.actor].name)) {
        c->name = &p->name;  // "the Russian foreign minister", after Lavrov
        if (!p->affiliation.empty()) c->affiliation = &p->affiliation;
      } else {
        c->own_name.assign(RefStem(ref)).append(" ").append(*c->role);
        c->name = &c->own_name;
      }
    }
  }

  // Points c->role at the name of the role, with its prefixes ("Deputy
  // Foreign Minister"): the table's string when there are none.
  void SetRole(RoleMatch* role, Candidate* c) const {
    const std::string& name = d_.roles[role->id].name;
    if (role->prefixes.empty()) {
      c->role = &name;
      return;
    }
    c->own_role = std::move(role->prefixes);
    c->own_role.append(" ").append(name);
    c->role = &c->own_role;
  }

  // "Mr Kumar", "Sheikh Tamim bin Hamad Al Thani".
  void TryHonorific(size_t i, Candidate* best, bool* found) const {
    size_t k = i;
    while (WordAt(k, Entry::kHonorific, nullptr, &k)) {
    }
    if (k == i) return;
    NameMatch nm;
    if (!ParseName(k, &nm)) return;
    if (Candidate* c = Claim(nm.end, 0, best, found)) NamedPerson(nm, k, c);
  }

  void SetActor(uint32_t id, Candidate* c) const {
    const Actor& a = d_.actors[id];
    c->name = &a.name;
    c->type = a.type;
    c->affiliation = &a.affiliation;
    c->role = &a.role;
  }

  // Whether a candidate ending at `end` with `priority` beats the best so far
  // (the longer wins, then the higher priority). If it does, returns *best
  // reset for it to be filled in, else null: a candidate that loses is never
  // built.
  static Candidate* Claim(size_t end, int priority, Candidate* best, bool* found) {
    if (*found && (end < best->end || (end == best->end && priority <= best->priority))) {
      return nullptr;
    }
    best->Reset(end, priority);
    *found = true;
    return best;
  }

  bool Best(size_t i, Candidate* best) const {
    Start s;
    s.has_ref = ParseRef(i, &s.ref);
    s.has_known = ActorAt(i, true, &s.known);
    s.has_met = MetAt(i, &s.met, &s.met_end);
    bool found = false;
    TryAlias(i, s, best, &found);
    TryPerson(i, s, best, &found);
    TryDescription(i, s, best, &found);
    TryTitle(i, s, best, &found);
    TryHonorific(i, best, &found);
    return found;
  }

  // Returns whether it remembered a person.
  bool Emit(int sentence, size_t i, const Candidate& c) {
    // The texts are copied first: remembering a person below may move the
    // people's strings that they point at.
    ActorMention& m = doc_->actor_mentions.emplace_back();
    m.norm = {tokens_[i].begin, tokens_[c.end - 1].end};
    m.span = doc_->offsets.ToOriginal(m.norm);
    m.sentence = sentence;
    m.name = *c.name;
    m.type = c.type;
    m.affiliation = *c.affiliation;
    m.role = *c.role;
    m.modifier = c.modifier;
    if (c.type == ActorType::kPerson && c.name_end > c.name_begin) {
      if (c.known >= 0) {
        const std::vector<Token>& t = d_.info[c.known].name_tokens;
        people_.Add(m.name, m.role, m.affiliation, t.data(), t.size());
      }
      // The words as written too, so that an alias met first ("Lavrov")
      // is found again.
      people_.Add(m.name, m.role, m.affiliation, tokens_.data() + c.name_begin,
                  c.name_end - c.name_begin);
      if (!c.role_body->empty()) people_.AddRole(m.role, *c.role_body, m.name);
      return true;
    }
    return false;
  }

  const Gazetteer& d_;
  Document* doc_;
  // The Scratch's buffers.
  std::vector<Token>& tokens_;
  size_t n_ = 0;
  std::vector<Hit>& hits_;
  // Per token: Bit() of every entry starting there; all 0 between sentences.
  std::vector<uint16_t>& kinds_;
  std::vector<HitRange>& hit_range_;  // per token with kinds_ set: its hits in hits_
  std::vector<uint32_t>& starts_;     // the tokens that may start a mention, in order:
  size_t num_starts_ = 0;             // the first num_starts_ of starts_
  std::vector<uint32_t>& passed_;     // the words the tokeniser's tests passed
  DocumentPeople& people_;
};

}  // namespace

struct ActorTable::Data : Gazetteer {};

ActorTable::ActorTable(std::unique_ptr<Data> data) : data_(std::move(data)) {}
ActorTable::~ActorTable() = default;

Status ActorTable::Load(const std::string& actors_dir, std::unique_ptr<ActorTable>* out,
                        DiagnosticSink* sink) {
  out->reset();
  NullSink null_sink;
  if (sink == nullptr) sink = &null_sink;
  std::vector<std::string> paths;
  Status s = ListYamlFiles(actors_dir, &paths);
  if (s.ok() && paths.empty()) s = Status::NotFound("no actor rule files (*.yaml)", {actors_dir});
  if (!s.ok()) {
    Diagnostic d;
    d.location = s.location();
    d.message = s.message();
    sink->Report(d);
    return s;
  }
  auto data = std::make_unique<Data>();
  Loader loader(data.get(), sink);
  for (const std::string& path : paths) loader.LoadFile(path);
  loader.Finish();
  if (loader.errors() > 0) {
    return Status::RuleError(std::to_string(loader.errors()) + " error(s) in actor rules",
                             {actors_dir});
  }
  out->reset(new ActorTable(std::move(data)));
  return Status::OK();
}

const Actor* ActorTable::Find(std::string_view name) const {
  auto it = data_->by_name.find(std::string(name));
  if (it != data_->by_name.end()) return &data_->actors[it->second];
  std::vector<Token> tokens;
  actor_tokens::Tokenize(name, 0, &tokens);
  uint64_t h = kNgramSeed;
  for (const Token& t : tokens) h = ExtendNgram(h, t.hash);
  const NgramIndex::Node* node = tokens.empty() ? nullptr : data_->exact.Find(h);
  if (node == nullptr || node->payload_begin == node->payload_end) return nullptr;
  if (SurfaceKey(name, tokens, 0, tokens.size(), false) != data_->exact.key(*node)) return nullptr;
  return &data_->actors[data_->exact.begin(*node)->id];
}

void ActorTable::Annotate(Document* doc) const {
  doc->actor_mentions.clear();
  // About one mention in every other sentence of news: room for them at
  // once, rather than moving them each time the vector grows.
  doc->actor_mentions.reserve(doc->sentences.size() / 2 + 1);
  // One per thread: the const methods of a table are thread-safe.
  static thread_local Matcher::Scratch scratch;
  Matcher matcher(*data_, doc, &scratch);
  matcher.Run();
  scratch.Trim();
}

size_t ActorTable::size() const { return data_->declared; }

}  // namespace stance
