#include "pipeline/subject_checks.h"

#include <algorithm>
#include <array>

#include "pipeline/match_text.h"

namespace stance {
namespace {

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '\'' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
}

bool IsOneOf(std::string_view word, const std::string_view* list, size_t n) {
  return std::find(list, list + n, word) != list + n;
}

// Prepositions that take a noun phrase; "after", "before", "since" are left
// out, since they also open clauses ("After Russia objected, ...").
constexpr std::string_view kPrepositions[] = {
    "of",      "with",   "by",     "from",    "to",     "for",     "against", "about",
    "on",      "at",     "in",     "into",    "than",   "between", "among",   "including",
    "like",    "toward", "towards", "over",   "under",  "via",     "without", "upon",
    "onto",    "across", "through", "despite", "amid",  "unlike",  "versus",  "included"};

constexpr std::string_view kArticles[] = {"the", "a", "an"};

// Words that may stand between a subject and its verb.
constexpr std::string_view kBetweenSubjectAndVerb[] = {
    "has",  "have", "had",  "will",  "would",   "could", "can",   "may",   "might",
    "must", "shall", "should", "also", "did",   "does",  "do",    "is",    "are",
    "was",  "were", "been", "be",    "then",    "already", "still", "not", "never",
    "n't",  "again", "now", "just",  "repeatedly", "reportedly", "once"};

// Capitalised words that name no one: "Japan on Tuesday ruled out".
constexpr std::string_view kNotNames[] = {
    "Monday",   "Tuesday", "Wednesday", "Thursday", "Friday",    "Saturday", "Sunday",
    "January",  "February", "March",    "April",    "May",       "June",     "July",
    "August",   "September", "October", "November", "December",  "Today",    "Yesterday",
    "Tomorrow", "Jan",      "Feb",      "Mar",      "Apr",       "Jun",      "Jul",
    "Aug",      "Sep",      "Sept",     "Oct",      "Nov",       "Dec",      "GMT", "UTC"};

// The word ending at or before `end` (skipping spaces), as [*begin, end').
std::string_view WordBefore(std::string_view text, size_t end, size_t* begin) {
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t b = end;
  while (b > 0 && IsWordByte(text[b - 1])) --b;
  *begin = b;
  return text.substr(b, end - b);
}

}  // namespace

std::string_view GoverningPreposition(std::string_view text, size_t holder) {
  size_t begin;
  std::string_view word = WordBefore(text, holder, &begin);
  if (IsOneOf(word, kArticles, std::size(kArticles))) word = WordBefore(text, begin, &begin);
  if (IsOneOf(word, kPrepositions, std::size(kPrepositions))) return word;
  return {};
}

std::string_view UnknownSubjectBefore(std::string_view text, size_t holder_end, size_t cue) {
  size_t begin = cue;
  std::string_view word;
  for (;;) {
    word = WordBefore(text, begin, &begin);
    if (word.empty()) return {};
    bool adverb = word.size() > 4 && word.substr(word.size() - 2) == "ly" &&
                  word[0] >= 'a' && word[0] <= 'z';
    if (!adverb && !IsOneOf(word, kBetweenSubjectAndVerb, std::size(kBetweenSubjectAndVerb)))
      break;
  }
  if (begin <= holder_end || word[0] < 'A' || word[0] > 'Z' || word == "I" ||
      IsOneOf(word, kNotNames, std::size(kNotNames))) {
    return {};
  }
  // A placeholder ends in \x02, which is no word byte; the name must not
  // sit right after one ("[Russia]n"...) either.
  if (begin > 0 && text[begin - 1] == kPlaceholderClose) return {};
  // Capitalised words all the way back to the holder continue its name.
  std::string_view gap = text.substr(holder_end, begin - holder_end);
  bool separated = false;
  size_t i = 0;
  while (i < gap.size()) {
    char c = gap[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    if (!IsWordByte(c) || (c >= 'a' && c <= 'z')) {
      separated = true;
      break;
    }
    while (i < gap.size() && IsWordByte(gap[i])) ++i;
  }
  return separated ? word : std::string_view();
}

}  // namespace stance
