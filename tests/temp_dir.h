// TempDir: a fresh folder for one test, removed with everything in it when
// the test ends. Test helper; not thread-safe.
#ifndef STANCE_TESTS_TEMP_DIR_H_
#define STANCE_TESTS_TEMP_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace stance {

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "stance-test-XXXXXX")
            .string();
    path_ = ::mkdtemp(pattern.data()) != nullptr ? pattern : std::string();
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  // The path of `name` inside the folder.
  std::string operator/(const std::string& name) const {
    return path_ + "/" + name;
  }

  // Writes `content` to `name` (creating its folders) and returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    std::filesystem::path file = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

 private:
  std::string path_;
};

// The whole content of `path`, or "" if it cannot be read.
inline std::string ReadFileForTest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>());
}

}  // namespace stance

#endif  // STANCE_TESTS_TEMP_DIR_H_
