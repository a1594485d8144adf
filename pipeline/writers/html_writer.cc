// HTML: the review page. One self-contained page per run: the articles, each
// marked up by html_article.cc, then every claim as one JSON blob, the stance
// colours, and the script (html_page_assets.cc) that builds the claim table.
// Nothing is fetched: the page's Content-Security-Policy allows no network
// and runs only the page's own script (a fresh nonce per page), so neither
// an article's text nor a rule's name can run anything, even if escaping
// were wrong.
//
// The articles stream out as they come; the claims' JSON is kept until
// Finish, so memory grows with the number of claims, not of articles.
#include <chrono>
#include <exception>
#include <nlohmann/json.hpp>
#include <random>

#include "pipeline/writers/claim_explanation.h"
#include "pipeline/writers/formats.h"
#include "pipeline/writers/html_article.h"
#include "pipeline/writers/html_markup.h"
#include "pipeline/writers/html_page_assets.h"
#include "pipeline/writers/records.h"
#include "pipeline/writers/stance_palette.h"

namespace stance {
namespace writers {
namespace {

// 128 random bits in hex: a CSP nonce.
std::string NewNonce() {
  std::mt19937_64 fallback(std::chrono::steady_clock::now().time_since_epoch().count());
  uint64_t words[2];
  try {
    std::random_device random;
    for (uint64_t& w : words) w = (uint64_t{random()} << 32) | random();
  } catch (const std::exception&) {
    // No entropy source. The nonce is the second line of defence, behind
    // escaping, so a clock-seeded one is better than none.
    for (uint64_t& w : words) w = fallback();
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string nonce;
  for (uint64_t w : words) {
    for (int j = 0; j < 16; ++j, w >>= 4) nonce += kDigits[w & 15];
  }
  return nonce;
}

// Appends `value` as JSON that can stand inside a <script> element: every
// '<', '>' and '&' (which JSON has only inside strings) becomes a \u escape,
// so no "</script" or "<!--" can appear. Invalid UTF-8 becomes U+FFFD.
void AppendScriptJson(const nlohmann::json& value, std::string* out) {
  std::string text =
      value.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
  for (char c : text) {
    switch (c) {
      case '<':
        *out += "\\u003c";
        break;
      case '>':
        *out += "\\u003e";
        break;
      case '&':
        *out += "\\u0026";
        break;
      default:
        *out += c;
    }
  }
}

// Claims of `doc` in the order of the other formats: by begin offset, then
// rule id (stable).
std::vector<size_t> ClaimOrder(const Document& doc) {
  std::vector<size_t> order(doc.claims.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&doc](size_t a, size_t b) {
    const Claim& x = doc.claims[a];
    const Claim& y = doc.claims[b];
    if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
    return x.rule < y.rule;
  });
  return order;
}

nlohmann::json SpanJson(Span span) {
  if (span.empty()) return nullptr;
  return nlohmann::json::array({span.begin, span.end});
}

nlohmann::json ClaimJson(const Document& doc, const Claim& c, int doc_index,
                         const StanceTrace* trace) {
  auto text_or_null = [](const std::string& s) -> nlohmann::json {
    if (s.empty()) return nullptr;
    return s;
  };
  return {{"doc", doc_index},
          {"holder", c.holder},
          {"holder_type", c.holder_type},
          {"holder_affiliation", c.holder_affiliation},
          {"stance", c.stance},
          {"target", c.target},
          {"negated", c.negated},
          {"hedged", c.hedged},
          {"speaker", text_or_null(c.speaker)},
          {"quote", text_or_null(c.quote)},
          {"sentence", c.sentence},
          {"begin", c.span.begin},
          {"end", c.span.end},
          {"rule", c.rule},
          {"rule_file", c.rule_file},
          {"rule_version", c.rule_version},
          {"cue", c.cue},
          {"holder_span", SpanJson(c.holder_span)},
          {"cue_span", SpanJson(c.cue_span)},
          {"target_span", SpanJson(c.target_span)},
          {"explanation", ClaimExplanation(doc, c, trace)}};
}

class HtmlWriter : public BufferedWriter {
 public:
  HtmlWriter(const WriterOptions& options, std::ostream* out)
      : BufferedWriter(options, out), nonce_(NewNonce()) {
    buffer_ +=
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
        "'none'; style-src 'nonce-" +
        nonce_ + "'; script-src 'nonce-" + nonce_ +
        "'; base-uri 'none'; form-action 'none'\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n<title>stance review</title>\n<style nonce=\"" +
        nonce_ + "\">";
    buffer_ += ReviewPageStyle();
    buffer_ += "</style></head>\n<body>\n";
    buffer_ += ReviewPagePanel();
    buffer_ += "<main id=\"articles\">\n";
    buffer_ += ReviewPageHeader();
  }

  Status Write(const Document& doc) override { return Write(doc, nullptr); }

  bool wants_trace() const override { return true; }

  Status Write(const Document& doc, const StanceTrace* trace) override {
    const int doc_index = static_cast<int>(docs_.size());
    NumberedClaims claims;
    claims.order = ClaimOrder(doc);
    claims.first_number = claim_count_;
    claims.stance_class = [this](const std::string& label) { return StanceClass(label); };
    AppendArticle(doc, doc_index, claims, &buffer_);
    for (size_t i : claims.order) {
      claims_json_ += claim_count_++ == 0 ? "" : ",\n";
      AppendScriptJson(ClaimJson(doc, doc.claims[i], doc_index, trace), &claims_json_);
    }
    docs_.push_back({{"id", doc.id},
                     {"sentences", doc.sentences.size()},
                     {"quotes", doc.quotes.size()},
                     {"claims", doc.claims.size()}});
    return MaybeFlush();
  }

  Status Finish() override {
    buffer_ += "</main>\n<script type=\"application/json\" id=\"stance-data\">";
    buffer_ += "{\"docs\":";
    AppendScriptJson(docs_, &buffer_);
    buffer_ += ",\n\"stances\":";
    nlohmann::json stances = nlohmann::json::array();
    for (const std::string& label : stances_)
      stances.push_back({{"label", label}, {"colour", CssHex(StanceColour(label))}});
    AppendScriptJson(stances, &buffer_);
    buffer_ += ",\n\"claims\":[\n";
    buffer_ += claims_json_;
    buffer_ += "]}</script>\n<style nonce=\"" + nonce_ + "\">";
    // Class names are numbers, so no label ever reaches the style sheet.
    for (size_t k = 0; k < stances_.size(); ++k) {
      Rgb c = StanceColour(stances_[k]);
      buffer_ += ".s" + std::to_string(k) + "{--sc:" + CssHex(c) + ";--sc-bg:rgba(" +
                 std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) +
                 ",.22)}";
    }
    buffer_ += "</style>\n<script nonce=\"" + nonce_ + "\">";
    buffer_ += ReviewPageScript();
    buffer_ += "</script>\n</body></html>\n";
    return BufferedWriter::Finish();
  }

 private:
  // The class number of a stance label, given in order of first use.
  int StanceClass(const std::string& label) {
    for (size_t k = 0; k < stances_.size(); ++k) {
      if (stances_[k] == label) return static_cast<int>(k);
    }
    stances_.push_back(label);
    return static_cast<int>(stances_.size() - 1);
  }

  const std::string nonce_;
  std::vector<std::string> stances_;
  nlohmann::json docs_ = nlohmann::json::array();
  std::string claims_json_;
  size_t claim_count_ = 0;
};

}  // namespace

std::unique_ptr<Writer> NewHtmlWriter(const WriterOptions& options, std::ostream* out) {
  return std::make_unique<HtmlWriter>(options, out);
}

}  // namespace writers
}  // namespace stance
