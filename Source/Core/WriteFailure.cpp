#include "Core/WriteFailure.h"
#include "Core/PathText.h"
#include <cmath>
#include <cstdio>

namespace loopmind {

namespace {
std::string megabytes(std::uintmax_t bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / 1e6);
    return text;
}
} // namespace

std::string writeFailure(const std::filesystem::path& file, std::uintmax_t neededBytes)
{
    const auto folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    std::error_code ec;
    const auto space = std::filesystem::space(folder, ec);
    constexpr std::uintmax_t nearlyFull = 1 << 20; // under a megabyte left: nothing of ours fits any more
    const std::string what = "writing " + pathText(file) + " failed: ";
    if (ec)
        return what + "its folder cannot be reached (" + ec.message() + ")";
    if (space.available < std::max(neededBytes, nearlyFull))
        return what + "the disk is full (" + (neededBytes > 0 ? "it needs about " + megabytes(neededBytes) + ", " : std::string())
               + megabytes(space.available) + " free in " + pathText(folder) + "); nothing was replaced";
    return what + "the disk refused the data (" + megabytes(space.available) + " free in " + pathText(folder)
           + "; a removed drive or a quota?); nothing was replaced";
}

} // namespace loopmind
