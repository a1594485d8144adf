// JSONL: one object per record, keys in column order. Every key and string
// value is escaped by nlohmann-json; this file only joins the pieces.
#include <nlohmann/json.hpp>

#include "pipeline/utf8.h"
#include "pipeline/writers/formats.h"
#include "pipeline/writers/records.h"

namespace stance {
namespace writers {
namespace {

using Records = WriterOptions::Records;

// True when nlohmann-json would write `s` unchanged between quotes: valid
// UTF-8 with no '"', no '\\' and no control character below 0x20 (with
// ensure_ascii off, nothing else is escaped). Most sentences are like that,
// and copying them is many times faster than the serializer's byte-by-byte
// pass. writers_test checks the two agree.
bool NeedsNoEscaping(std::string_view s) {
  bool ascii = true;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == '"' || c == '\\') return false;
    if (c >= 0x80) ascii = false;
  }
  return ascii || FirstInvalidUtf8(s) == std::string_view::npos;
}

// Appends `s` as a JSON string. Invalid UTF-8 becomes U+FFFD rather than
// failing: the original text of an article may hold any bytes.
void AppendJsonString(std::string_view s, std::string* out) {
  if (NeedsNoEscaping(s)) {
    out->push_back('"');
    out->append(s);
    out->push_back('"');
    return;
  }
  nlohmann::json value = std::string(s);
  out->append(value.dump(-1, ' ', /*ensure_ascii=*/false,
                         nlohmann::json::error_handler_t::replace));
}

// `{"key":` for the first key, `,"key":` for the others.
std::vector<std::string> KeyPrefixes(const std::vector<std::string>& keys) {
  std::vector<std::string> prefixes;
  for (const std::string& key : keys) {
    std::string prefix = prefixes.empty() ? "{" : ",";
    AppendJsonString(key, &prefix);
    prefix += ':';
    prefixes.push_back(std::move(prefix));
  }
  return prefixes;
}

void AppendField(const Field& field, std::string* out) {
  switch (field.kind) {
    case Field::Kind::kNull:
      out->append("null");
      return;
    case Field::Kind::kText:
      AppendJsonString(field.text, out);
      return;
    case Field::Kind::kBool:
      out->append(field.flag ? "true" : "false");
      return;
    case Field::Kind::kNumber:
      AppendNumber(field.number, out);
      return;
  }
}

class JsonlWriter : public RowWriter {
 public:
  JsonlWriter(const WriterOptions& options, std::ostream* out)
      : RowWriter(options, out) {
    if (options.records == Records::kSentenceLists) {
      prefixes_ = KeyPrefixes({"id", "sentences"});
      return;
    }
    const Schema& schema = SchemaOf(options.records);
    std::vector<std::string> keys = *schema.columns;
    keys.insert(keys.end(), schema.extra_json_keys.begin(),
                schema.extra_json_keys.end());
    prefixes_ = KeyPrefixes(keys);
  }

  Status Write(const Document& doc) override {
    if (options_.records != Records::kSentenceLists) {
      return RowWriter::Write(doc);
    }
    WriteSentenceList(doc);
    return MaybeFlush();
  }

 private:
  void AppendRecord(const Record& record) override {
    for (size_t i = 0; i < record.fields.size() && i < prefixes_.size(); ++i) {
      buffer_ += prefixes_[i];
      AppendField(record.fields[i], &buffer_);
    }
    buffer_ += "}\n";
  }

  void WriteSentenceList(const Document& doc) {
    buffer_ += prefixes_[0];
    AppendJsonString(doc.id, &buffer_);
    buffer_ += prefixes_[1];
    buffer_ += '[';
    for (size_t i = 0; i < doc.sentences.size(); ++i) {
      if (i > 0) buffer_ += ',';
      AppendJsonString(OriginalText(doc, doc.sentences[i].span), &buffer_);
      MaybeFlush();  // a failure is kept for Write to return
    }
    buffer_ += "]}\n";
  }

  std::vector<std::string> prefixes_;
};

}  // namespace

std::unique_ptr<RowWriter> NewJsonlWriter(const WriterOptions& options,
                                       std::ostream* out) {
  return std::make_unique<JsonlWriter>(options, out);
}

}  // namespace writers
}  // namespace stance
