// ClaimAggregator: the claims of a whole batch counted per (holder, stance,
// target, negated), the summary an analyst pivots on. Consumes Documents one
// at a time; produces records of the aggregate schema (see writer.h for the
// columns and the order of rows). Internal to pipeline/writers/.
//
// Memory grows with the number of distinct groups, not with the number of
// claims: a group keeps its counts, at most kMaxDocIds document ids and one
// copy of its first evidence. Not thread-safe.
#ifndef STANCE_PIPELINE_WRITERS_AGGREGATE_H_
#define STANCE_PIPELINE_WRITERS_AGGREGATE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/writers/records.h"

namespace stance {
namespace writers {

class ClaimAggregator {
 public:
  // How many document ids a row lists before "(+N more)".
  static constexpr size_t kMaxDocIds = 10;

  // Counts the claims of `doc`, in output order (ClaimOrder). Each call is
  // one document, even when two documents share an id.
  void Add(const Document& doc);

  // Calls `emit` once per group, sorted by count (largest first), then
  // holder, stance, target (byte order) and negated (false first). The
  // Record is valid during the call only.
  void ForEachRow(const std::function<void(const Record&)>& emit) const;

  // The number of groups so far.
  size_t size() const { return groups_.size(); }

 private:
  struct Group {
    std::string holder;
    std::string stance;
    std::string target;
    bool negated = false;
    int64_t count = 0;
    int64_t hedged_count = 0;
    int64_t documents = 0;
    size_t last_document = 0;  // serial of the last document counted
    std::vector<std::string> doc_ids;
    // The first claim, in output order.
    std::string first_doc;
    std::string first_evidence;
    bool has_evidence = false;
    int64_t first_begin = 0;
    int64_t first_end = 0;
    std::string first_rule;
  };

  // Key of a group: its four parts joined with NUL bytes (which no part
  // holds), so that distinct tuples never share a key.
  std::unordered_map<std::string, size_t> index_;
  std::vector<Group> groups_;
  size_t documents_ = 0;  // serial of the current document, from 1
  std::string key_;       // scratch
  std::string evidence_;  // scratch
};

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_AGGREGATE_H_
