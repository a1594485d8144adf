#include "pipeline/writers/html_article.h"

#include <map>
#include <tuple>

#include "pipeline/writers/formats.h"

namespace stance {
namespace writers {
namespace {

enum Layer { kSentence, kQuote, kClaim, kTarget, kHolder, kCue, kActor };

// ` name="value"` with the value escaped.
std::string Attribute(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  AppendHtmlEscaped(value, &out);
  out += '"';
  return out;
}

std::string QuoteTitle(const Quote& q) {
  if (q.is_term) return "a term in quotation marks";
  if (q.speaker.empty()) return "quotation without a speaker";
  std::string title = "quotation: " + q.speaker;
  std::string about = q.speaker_role;
  if (!q.speaker_affiliation.empty() && q.speaker_affiliation != q.speaker)
    about += (about.empty() ? "" : ", ") + q.speaker_affiliation;
  if (!about.empty()) title += " (" + about + ")";
  if (!q.cue.empty()) title += ", cue \u201c" + q.cue + "\u201d";
  return title;
}

HtmlMark QuoteMark(const Quote& q, size_t index) {
  HtmlMark mark;
  mark.span = q.span;
  mark.layer = kQuote;
  mark.attributes = q.is_term ? " class=\"q term\"" : " class=\"q\"";
  mark.attributes += " data-q=\"" + std::to_string(index) + '"';
  if (!q.speaker.empty()) mark.attributes += Attribute("data-speaker", q.speaker);
  mark.attributes += Attribute("title", QuoteTitle(q));
  if (!q.is_term) {
    mark.after = q.speaker.empty()
                     ? "<span class=\"qs none\"></span>"
                     : "<span class=\"qs\"" + Attribute("data-speaker", q.speaker) + "></span>";
  }
  return mark;
}

HtmlMark ActorMark(const ActorMention& m) {
  HtmlMark mark;
  mark.span = m.span;
  mark.layer = kActor;
  const std::string type = ActorTypeName(m.type);
  mark.attributes = " class=\"a a-" + type + (m.modifier ? " a-mod\"" : "\"");
  mark.attributes += Attribute("data-actor", m.name);
  std::string title = m.name + " \u00b7 " + type;
  if (!m.role.empty()) title += " \u00b7 " + m.role;
  if (!m.affiliation.empty() && m.affiliation != m.name) title += " \u00b7 " + m.affiliation;
  if (m.modifier) title += " \u00b7 modifier";
  mark.attributes += Attribute("title", title);
  return mark;
}

// Claim parts in one place, of one kind and one stance, are one element.
struct PartKey {
  uint32_t begin;
  uint32_t end;
  int layer;
  int stance;  // the class number; -1 for the matched text
  auto operator<=>(const PartKey&) const = default;
};

const char* PartClass(int layer) {
  switch (layer) {
    case kTarget:
      return "tg";
    case kHolder:
      return "h";
    case kCue:
      return "cue";
    default:
      return "cl";
  }
}

}  // namespace

std::vector<HtmlMark> ArticleMarks(const Document& doc, int doc_index,
                                   const NumberedClaims& claims) {
  std::vector<HtmlMark> marks;
  const std::string doc_prefix = "d" + std::to_string(doc_index) + "-s";
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    HtmlMark mark;
    mark.span = doc.sentences[i].span;
    mark.layer = kSentence;
    mark.attributes = " class=\"sen\"";
    mark.first_attributes = " id=\"" + doc_prefix + std::to_string(i) + "\"";
    marks.push_back(std::move(mark));
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) marks.push_back(QuoteMark(doc.quotes[i], i));

  // Claim numbers and a one-line summary of each, by part.
  std::map<PartKey, std::vector<size_t>> parts;
  std::map<size_t, std::string> summaries;
  for (size_t k = 0; k < claims.order.size(); ++k) {
    const Claim& c = doc.claims[claims.order[k]];
    const size_t number = claims.first_number + k;
    const int stance = claims.stance_class(c.stance);
    summaries[number] =
        c.holder + " " + (c.negated ? "(negated) " : "") + c.stance + " " + c.target;
    auto add = [&](Span span, int layer, int cls) {
      if (!span.empty()) parts[{span.begin, span.end, layer, cls}].push_back(number);
    };
    add(c.span, kClaim, -1);
    add(c.target_span, kTarget, stance);
    add(c.holder_span, kHolder, stance);
    add(c.cue_span, kCue, stance);
  }
  for (const auto& [key, numbers] : parts) {
    HtmlMark mark;
    mark.span = {key.begin, key.end};
    mark.layer = key.layer;
    mark.attributes = " class=\"";
    mark.attributes += PartClass(key.layer);
    if (key.stance >= 0) mark.attributes += " s" + std::to_string(key.stance);
    mark.attributes += "\" data-c=\"";
    std::string title;
    for (size_t i = 0; i < numbers.size(); ++i) {
      if (i > 0) mark.attributes += ' ';
      AppendNumber(static_cast<int64_t>(numbers[i]), &mark.attributes);
      title += (i > 0 ? "\n" : "") + summaries[numbers[i]];
    }
    mark.attributes += '"';
    mark.attributes += Attribute("title", title);
    marks.push_back(std::move(mark));
  }
  for (const ActorMention& m : doc.actor_mentions) marks.push_back(ActorMark(m));
  return marks;
}

void AppendArticle(const Document& doc, int doc_index, const NumberedClaims& claims,
                   std::string* out) {
  *out += "<article id=\"d";
  AppendNumber(doc_index, out);
  *out += "\"><h2>";
  AppendHtmlEscaped(doc.id, out);
  *out += "</h2><p class=\"meta\">";
  auto count = [out](size_t n, const char* noun) {
    AppendNumber(static_cast<int64_t>(n), out);
    *out += ' ';
    *out += noun;
    if (n != 1) *out += 's';
  };
  count(doc.sentences.size(), "sentence");
  *out += " \u00b7 ";
  count(doc.quotes.size(), "quotation");
  *out += " \u00b7 ";
  count(claims.order.size(), "claim");
  *out += "</p><div class=\"text\">";
  AppendMarkedText(doc.original, ArticleMarks(doc, doc_index, claims), out);
  *out += "</div></article>\n";
}

}  // namespace writers
}  // namespace stance
