#pragma once
// A small file system for full-disk tests: a tmpfs of a given size mounted on a fresh temporary folder (root
// only; without the right, mounted() is false and the test says so), unmounted when it goes.
#include <cstdint>
#include <filesystem>

namespace loopmind::test {

class SmallDisk {
public:
    explicit SmallDisk(std::uintmax_t bytes);
    ~SmallDisk();
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    bool mounted() const { return mounted_; }
    const std::filesystem::path& path() const { return path_; }
    /** Fills it with a file until at most `leave` bytes are free. */
    void fill(std::uintmax_t leave);
    /** Hidden temporary files (".NAME.tmp-...") anywhere below it. */
    int temporaryFiles() const;

private:
    std::filesystem::path path_;
    bool mounted_ = false;
};

} // namespace loopmind::test
