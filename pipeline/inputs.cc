#include "pipeline/inputs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace stance {
namespace {

namespace fs = std::filesystem;

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Adds the files below `dir` ending in `extension` to *found, unsorted, and
// one status to *errors for each folder below it that cannot be listed.
// Symlinked folders are not entered (as with find and grep -r), so a link
// loop cannot trap the walk; a symlink with the extension is kept, and a
// broken or looping one fails when read. An explicit stack, not recursion:
// a hostile tree may be thousands of folders deep.
void FilesBelow(const std::string& dir, std::string_view extension,
                std::vector<std::string>* found, std::vector<Status>* errors) {
  std::vector<fs::path> pending = {fs::path(dir)};
  while (!pending.empty()) {
    fs::path folder = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& path = it->path();
      if (IsHidden(path)) continue;
      std::error_code type_ec;
      fs::file_status link = it->symlink_status(type_ec);
      if (fs::is_directory(link)) {
        pending.push_back(path);
      } else if (EndsWith(path.native(), extension) &&
                 !it->is_directory(type_ec)) {
        found->push_back(path.string());
      }
    }
    if (ec) {
      errors->push_back(Status::IOError(
          "cannot list folder: " + ec.message(), {folder.string()}));
    }
  }
}

Status ErrnoStatus(const std::string& path, int error) {
  if (error == ENOENT)
    return Status::NotFound("no such file or folder", {path});
  return Status::IOError(std::string("cannot read: ") + std::strerror(error),
                         {path});
}

// `at_least`: only known to be larger than `bytes` (a stream stopped there).
Status OverLimit(const std::string& path, size_t bytes, size_t max_bytes,
                 bool at_least) {
  return Status::InvalidArgument(
      (at_least ? "document is over the limit of " + std::to_string(max_bytes) + " bytes"
                : "document is " + std::to_string(bytes) + " bytes, over the limit of " +
                      std::to_string(max_bytes)) +
          " (--max-document-bytes)",
      {path});
}

// Reads `fd` to its end into *text. `size_hint` is the expected size (0 if
// unknown): a regular file is read straight into a string of its size, with
// no second buffer, since touching fresh memory is most of the cost. Stops
// with InvalidArgument once more than `max_bytes` were read.
Status ReadAll(int fd, const std::string& path, size_t size_hint,
               size_t max_bytes, std::string* text) {
  size_t used = 0;
  size_t chunk = std::max<size_t>(size_hint, size_t{1} << 16);
  text->resize(size_hint);
  for (;;) {
    if (used == text->size()) {
      // Full (or the size was not known): grow geometrically.
      text->resize(used + chunk);
      chunk = std::max(chunk, used);
    }
    ssize_t n = ::read(fd, text->data() + used, text->size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      int error = errno;
      text->clear();
      return ErrnoStatus(path, error);
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
    if (used > max_bytes) {
      text->clear();
      text->shrink_to_fit();
      return OverLimit(path, max_bytes, max_bytes, true);
    }
    // A regular file of the expected size: one more read would only find its
    // end, so check that without growing the buffer.
    if (used == size_hint && size_hint > 0) {
      char probe;
      ssize_t more;
      do {
        more = ::read(fd, &probe, 1);
      } while (more < 0 && errno == EINTR);
      if (more <= 0) break;
      text->resize(used + chunk);
      (*text)[used++] = probe;
    }
  }
  text->resize(used);
  return Status::OK();
}

// nlohmann-json's message without its "[json.exception...] parse error at
// line 1, column N: " prefix, and not too long (it quotes what it read).
std::string JsonErrorMessage(const char* what) {
  std::string message = what;
  size_t p = message.find("] ");
  if (p != std::string::npos) message.erase(0, p + 2);
  if (message.rfind("parse error", 0) == 0) {
    p = message.find(": ");
    if (p != std::string::npos) message.erase(0, p + 2);
  }
  constexpr size_t kMaxLength = 160;
  if (message.size() > kMaxLength)
    message = message.substr(0, kMaxLength) + "...";
  return "invalid JSON: " + message;
}

}  // namespace

void CollectInputs(const std::vector<std::string>& args,
                   std::string_view extension, std::vector<std::string>* files,
                   std::vector<Status>* errors) {
  for (const std::string& arg : args) {
    if (arg == kStdinPath) {
      files->push_back(arg);
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(arg, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      // A symlink loop, a folder on the way that cannot be searched.
      errors->push_back(
          Status::IOError("cannot read: " + ec.message(), {arg}));
      continue;
    }
    if (ec || !fs::exists(status)) {
      errors->push_back(Status::NotFound("no such file or folder", {arg}));
      continue;
    }
    if (!fs::is_directory(status)) {
      files->push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    size_t errors_before = errors->size();
    FilesBelow(arg, extension, &found, errors);
    if (found.empty() && errors->size() == errors_before) {
      errors->push_back(Status::NotFound(
          "folder holds no *" + std::string(extension) + " files", {arg}));
      continue;
    }
    std::sort(found.begin(), found.end());
    files->insert(files->end(), std::make_move_iterator(found.begin()),
                  std::make_move_iterator(found.end()));
  }
}

Status ReadInput(const std::string& path, std::string* text) {
  return ReadInput(path, SIZE_MAX, text);
}

Status ReadInput(const std::string& path, size_t max_bytes, std::string* text) {
  text->clear();
  if (path == kStdinPath) {
    struct stat st;
    size_t hint = 0;
    if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
      off_t at = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
      if (at >= 0 && at <= st.st_size)
        hint = static_cast<size_t>(st.st_size - at);
    }
    if (hint > max_bytes) return OverLimit(DocumentIdFor(path), hint, max_bytes, false);
    return ReadAll(STDIN_FILENO, DocumentIdFor(path), hint, max_bytes, text);
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus(path, errno);
  struct stat st;
  size_t hint = 0;
  Status s;
  if (::fstat(fd, &st) != 0) {
    s = ErrnoStatus(path, errno);
  } else if (S_ISDIR(st.st_mode)) {
    s = Status::IOError("is a folder", {path});
  } else {
    if (S_ISREG(st.st_mode)) hint = static_cast<size_t>(st.st_size);
    s = hint > max_bytes ? OverLimit(path, hint, max_bytes, false)
                         : ReadAll(fd, path, hint, max_bytes, text);
  }
  ::close(fd);
  return s;
}

std::string DocumentIdFor(const std::string& path) {
  return path == kStdinPath ? "<stdin>" : path;
}

JsonlDocuments::JsonlDocuments(std::string path, std::string_view data)
    : path_(std::move(path)), rest_(data) {}

bool JsonlDocuments::Next(std::string* id, std::string* text, Status* status) {
  std::string_view line;
  for (;;) {
    if (rest_.empty()) return false;
    size_t end = rest_.find('\n');
    line = rest_.substr(0, end);
    rest_ = end == std::string_view::npos ? std::string_view()
                                          : rest_.substr(end + 1);
    ++line_number_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) break;
  }
  *status = ParseJsonlDocument(line, {path_, line_number_, 0}, id, text);
  return true;
}

namespace {

// The common case, an object with a string or integer "id" and a string
// "text", read by simdjson, which is several times faster than building a
// DOM with nlohmann-json (JSON parsing was a fifth of extract's time).
// Returns false for anything else, errors included, which the careful
// parser below then explains.
bool ParseJsonlFast(std::string_view line, std::string* id, std::string* text) {
  // One parser per thread keeps its buffers from line to line.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) return false;
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return false;
  simdjson::dom::element id_value, text_value;
  if (object["id"].get(id_value) != simdjson::SUCCESS ||
      object["text"].get(text_value) != simdjson::SUCCESS) {
    return false;
  }
  std::string_view text_view;
  if (text_value.get_string().get(text_view) != simdjson::SUCCESS) return false;
  std::string_view id_view;
  int64_t signed_id;
  uint64_t unsigned_id;
  if (id_value.get_string().get(id_view) == simdjson::SUCCESS) {
    id->assign(id_view);
  } else if (id_value.get_int64().get(signed_id) == simdjson::SUCCESS) {
    *id = std::to_string(signed_id);
  } else if (id_value.get_uint64().get(unsigned_id) == simdjson::SUCCESS) {
    *id = std::to_string(unsigned_id);
  } else {
    return false;
  }
  text->assign(text_view);
  return true;
}

}  // namespace

Status ParseJsonlDocument(std::string_view line, SourceLocation where,
                          std::string* id, std::string* text) {
  if (ParseJsonlFast(line, id, text)) return Status::OK();
  nlohmann::json value;
  try {
    value = nlohmann::json::parse(line.begin(), line.end());
  } catch (const nlohmann::json::parse_error& e) {
    where.col = static_cast<int>(std::min<size_t>(e.byte, line.size() + 1));
    return Status::InvalidArgument(JsonErrorMessage(e.what()), where);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(JsonErrorMessage(e.what()), where);
  }
  if (!value.is_object()) {
    return Status::InvalidArgument("expected an object {\"id\", \"text\"}", where);
  }
  auto id_it = value.find("id");
  auto text_it = value.find("text");
  if (id_it == value.end() ||
      !(id_it->is_string() || id_it->is_number_integer())) {
    return Status::InvalidArgument("\"id\" must be a string or an integer", where);
  }
  if (text_it == value.end() || !text_it->is_string()) {
    return Status::InvalidArgument("\"text\" must be a string", where);
  }
  *id = id_it->is_string() ? id_it->get<std::string>() : id_it->dump();
  *text = std::move(text_it->get_ref<std::string&>());
  return Status::OK();
}

}  // namespace stance
