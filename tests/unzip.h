// Unzip: reads the files of a ZIP archive held in memory (stored or
// deflated entries, as an XLSX has), so that tests can look inside a
// workbook. Test helper; uses zlib. Not for untrusted archives.
#ifndef STANCE_TESTS_UNZIP_H_
#define STANCE_TESTS_UNZIP_H_

#include <zlib.h>

#include <cstdint>
#include <map>
#include <string>

namespace stance::testing {

namespace unzip_internal {

inline uint32_t Read(const std::string& zip, size_t at, int bytes) {
  uint32_t value = 0;
  for (int i = bytes - 1; i >= 0; --i) {
    if (at + i >= zip.size()) return 0;
    value = (value << 8) | static_cast<unsigned char>(zip[at + i]);
  }
  return value;
}

inline bool Inflate(const std::string& in, size_t size, std::string* out) {
  out->assign(size, '\0');
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return false;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out->data());
  z.avail_out = static_cast<uInt>(size);
  int result = inflate(&z, Z_FINISH);
  inflateEnd(&z);
  return result == Z_STREAM_END && z.total_out == size;
}

}  // namespace unzip_internal

// The files of `zip` by name. Returns false when it is not a readable
// archive (no end record, a bad entry, a failed inflate).
inline bool Unzip(const std::string& zip,
                  std::map<std::string, std::string>* files) {
  using unzip_internal::Read;
  files->clear();
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  size_t end = std::string::npos;
  for (size_t i = zip.size() >= 22 ? zip.size() - 22 : 0;; --i) {
    if (Read(zip, i, 4) == 0x06054b50) {
      end = i;
      break;
    }
    if (i == 0 || zip.size() - i > 65557) break;
  }
  if (end == std::string::npos) return false;
  size_t entries = Read(zip, end + 10, 2);
  size_t at = Read(zip, end + 16, 4);
  for (size_t e = 0; e < entries; ++e) {
    if (Read(zip, at, 4) != 0x02014b50) return false;
    uint32_t method = Read(zip, at + 10, 2);
    uint32_t compressed = Read(zip, at + 20, 4);
    uint32_t size = Read(zip, at + 24, 4);
    uint32_t name_length = Read(zip, at + 28, 2);
    uint32_t extra_length = Read(zip, at + 30, 2);
    uint32_t comment_length = Read(zip, at + 32, 2);
    uint32_t local = Read(zip, at + 42, 4);
    std::string name = zip.substr(at + 46, name_length);
    at += 46 + name_length + extra_length + comment_length;

    if (Read(zip, local, 4) != 0x04034b50) return false;
    size_t data = local + 30 + Read(zip, local + 26, 2) + Read(zip, local + 28, 2);
    if (data + compressed > zip.size()) return false;
    std::string raw = zip.substr(data, compressed);
    std::string content;
    if (method == 0) {
      content = raw;
    } else if (method != 8 || !unzip_internal::Inflate(raw, size, &content)) {
      return false;
    }
    (*files)[name] = std::move(content);
  }
  return true;
}

}  // namespace stance::testing

#endif  // STANCE_TESTS_UNZIP_H_
