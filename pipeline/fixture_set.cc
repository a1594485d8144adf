#include "pipeline/fixture_set.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/inputs.h"

namespace stance {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

bool IsFixture(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / kFixtureInput, ec);
}

// Every fixture folder below `root`, sorted; hidden folders are skipped.
std::vector<std::string> FixturesBelow(const std::string& root) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    if (it->path().filename().string().rfind('.', 0) == 0) {
      it.disable_recursion_pending();
      continue;
    }
    if (IsFixture(it->path())) found.push_back(it->path().string());
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Calls `read` on each non-blank line of `path` parsed as JSON. Stops at the
// first error, which is located at path:line[:col].
Status ForEachJsonLine(const std::string& path,
                       const std::function<Status(const Json&, const SourceLocation&)>& read) {
  std::string data;
  STANCE_RETURN_IF_ERROR(ReadInput(path, &data));
  std::string_view rest = data;
  for (int number = 1; !rest.empty(); ++number) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    SourceLocation where{path, number, 0};
    Json value;
    try {
      value = Json::parse(line.begin(), line.end());
    } catch (const Json::parse_error& e) {
      where.col = static_cast<int>(std::min<size_t>(e.byte, line.size() + 1));
      return Status::InvalidArgument("invalid JSON (expected one object per line)", where);
    } catch (const Json::exception&) {
      return Status::InvalidArgument("invalid JSON (expected one object per line)", where);
    }
    if (!value.is_object()) {
      return Status::InvalidArgument("expected a JSON object", where);
    }
    STANCE_RETURN_IF_ERROR(read(value, where));
  }
  return Status::OK();
}

std::string KeyList(const std::vector<const char*>& keys) {
  std::string list;
  for (const char* k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
  return list;
}

Status CheckKeys(const Json& object, const std::vector<const char*>& keys,
                 const SourceLocation& where) {
  for (const auto& item : object.items()) {
    bool known =
        std::any_of(keys.begin(), keys.end(), [&item](const char* k) { return item.key() == k; });
    if (!known) {
      return Status::InvalidArgument(
          "unknown key \"" + item.key() + "\" (expected " + KeyList(keys) + ")", where);
    }
  }
  return Status::OK();
}

enum class Need { kRequired, kOptional, kNullable };

// Reads string `key` of `object` into *out. kNullable: required, but null
// (none) gives "". kOptional: missing or null gives "".
Status GetString(const Json& object, const char* key, Need need, std::string* out,
                 const SourceLocation& where) {
  out->clear();
  auto it = object.find(key);
  if (it == object.end()) {
    if (need == Need::kOptional) return Status::OK();
    return Status::InvalidArgument(std::string("missing \"") + key + "\"", where);
  }
  if (it->is_null() && need != Need::kRequired) return Status::OK();
  if (!it->is_string()) {
    return Status::InvalidArgument(std::string("\"") + key + "\" must be a string" +
                                       (need == Need::kRequired ? "" : " or null"),
                                   where);
  }
  *out = it->get<std::string>();
  return Status::OK();
}

Status GetBool(const Json& object, const char* key, bool* out, const SourceLocation& where) {
  *out = false;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return Status::OK();
  if (!it->is_boolean()) {
    return Status::InvalidArgument(std::string("\"") + key + "\" must be true or false", where);
  }
  *out = it->get<bool>();
  return Status::OK();
}

// One line of an expected file: "key": value pairs in the order added,
// written the way people write JSON by hand ({"a": 1, "b": 2}).
class Line {
 public:
  void Add(const char* key, const Json& value) {
    text_ += text_.empty() ? "{" : ", ";
    text_ += Json(key).dump() + ": " + value.dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  void AddText(const char* key, const std::string& value) { Add(key, Json(value)); }
  void AddTextOrNull(const char* key, const std::string& value) {
    Add(key, value.empty() ? Json(nullptr) : Json(value));
  }
  std::string Finish() { return text_ + "}\n"; }

 private:
  std::string text_;
};

}  // namespace

std::string DefaultFixturesDir() { return STANCE_DEFAULT_FIXTURES_DIR; }

void FindFixtures(const std::vector<std::string>& args, std::vector<std::string>* dirs,
                  std::vector<Status>* errors) {
  for (const std::string& arg : args) {
    std::error_code ec;
    if (!fs::exists(arg, ec)) {
      errors->push_back(Status::NotFound("no such fixture or folder", {arg}));
    } else if (!fs::is_directory(arg, ec)) {
      errors->push_back(Status::NotFound(
          std::string("not a folder (a fixture is a folder holding ") + kFixtureInput + ")",
          {arg}));
    } else if (IsFixture(arg)) {
      dirs->push_back(arg);
    } else {
      std::vector<std::string> found = FixturesBelow(arg);
      if (found.empty()) {
        errors->push_back(Status::NotFound(
            std::string("no fixtures (folders holding ") + kFixtureInput + ") in this folder",
            {arg}));
      }
      dirs->insert(dirs->end(), found.begin(), found.end());
    }
  }
}

Status ReadExpectedClaims(const std::string& path, std::vector<ClaimRecord>* out) {
  out->clear();
  static const std::vector<const char*> kKeys = {"holder", "stance", "target",  "negated",
                                                 "hedged", "rule",   "evidence"};
  return ForEachJsonLine(path, [out](const Json& object, const SourceLocation& where) {
    ClaimRecord r;
    r.line = where.line;
    STANCE_RETURN_IF_ERROR(CheckKeys(object, kKeys, where));
    STANCE_RETURN_IF_ERROR(GetString(object, "holder", Need::kRequired, &r.holder, where));
    STANCE_RETURN_IF_ERROR(GetString(object, "stance", Need::kRequired, &r.stance, where));
    STANCE_RETURN_IF_ERROR(GetString(object, "target", Need::kRequired, &r.target, where));
    STANCE_RETURN_IF_ERROR(GetBool(object, "negated", &r.negated, where));
    STANCE_RETURN_IF_ERROR(GetBool(object, "hedged", &r.hedged, where));
    STANCE_RETURN_IF_ERROR(GetString(object, "rule", Need::kOptional, &r.rule, where));
    std::string evidence;
    STANCE_RETURN_IF_ERROR(GetString(object, "evidence", Need::kOptional, &evidence, where));
    r.evidence = CollapseSpaces(evidence);
    out->push_back(std::move(r));
    return Status::OK();
  });
}

Status ReadExpectedQuotes(const std::string& path, std::vector<QuoteRecord>* out) {
  out->clear();
  static const std::vector<const char*> kKeys = {"quote", "speaker", "cue", "method"};
  return ForEachJsonLine(path, [out](const Json& object, const SourceLocation& where) {
    QuoteRecord r;
    r.line = where.line;
    STANCE_RETURN_IF_ERROR(CheckKeys(object, kKeys, where));
    STANCE_RETURN_IF_ERROR(GetString(object, "quote", Need::kRequired, &r.quote, where));
    STANCE_RETURN_IF_ERROR(GetString(object, "speaker", Need::kNullable, &r.speaker, where));
    STANCE_RETURN_IF_ERROR(GetString(object, "cue", Need::kNullable, &r.cue, where));
    STANCE_RETURN_IF_ERROR(GetString(object, "method", Need::kOptional, &r.method, where));
    out->push_back(std::move(r));
    return Status::OK();
  });
}

std::string FormatExpectedClaims(const std::vector<ClaimRecord>& records) {
  std::string text;
  for (const ClaimRecord& r : records) {
    Line line;
    line.AddText("holder", r.holder);
    line.AddText("stance", r.stance);
    line.AddText("target", r.target);
    if (r.negated) line.Add("negated", true);
    if (r.hedged) line.Add("hedged", true);
    if (!r.rule.empty()) line.AddText("rule", r.rule);
    if (!r.evidence.empty()) line.AddText("evidence", r.evidence);
    text += line.Finish();
  }
  return text;
}

std::string FormatExpectedQuotes(const std::vector<QuoteRecord>& records) {
  std::string text;
  for (const QuoteRecord& r : records) {
    Line line;
    line.AddText("quote", r.quote);
    line.AddTextOrNull("speaker", r.speaker);
    line.AddTextOrNull("cue", r.cue);
    if (!r.method.empty()) line.AddText("method", r.method);
    text += line.Finish();
  }
  return text;
}

std::vector<ClaimRecord> ClaimRecordsOf(const Document& doc) {
  std::vector<const Claim*> claims;
  for (const Claim& c : doc.claims) claims.push_back(&c);
  std::stable_sort(claims.begin(), claims.end(), [](const Claim* a, const Claim* b) {
    if (a->span.begin != b->span.begin) return a->span.begin < b->span.begin;
    return a->rule < b->rule;
  });
  std::vector<ClaimRecord> records;
  for (const Claim* c : claims) {
    ClaimRecord r;
    r.holder = c->holder;
    r.stance = c->stance;
    r.target = c->target;
    r.negated = c->negated;
    r.hedged = c->hedged;
    r.rule = c->rule;
    if (c->sentence >= 0 && c->sentence < static_cast<int>(doc.sentences.size())) {
      Span s = doc.sentences[c->sentence].span;
      if (s.end <= doc.original.size()) r.evidence = CollapseSpaces(doc.Original(s));
    }
    records.push_back(std::move(r));
  }
  return records;
}

std::vector<QuoteRecord> QuoteRecordsOf(const Document& doc) {
  std::vector<const Quote*> quotes;
  for (const Quote& q : doc.quotes) quotes.push_back(&q);
  std::stable_sort(quotes.begin(), quotes.end(),
                   [](const Quote* a, const Quote* b) { return a->span.begin < b->span.begin; });
  std::vector<QuoteRecord> records;
  for (const Quote* q : quotes) {
    QuoteRecord r;
    if (q->span.end <= doc.original.size()) r.quote = std::string(doc.Original(q->span));
    r.speaker = q->speaker;
    r.cue = q->cue;
    r.method = q->method;
    records.push_back(std::move(r));
  }
  return records;
}

}  // namespace stance
